//! Optimal capacity-respecting assignment: min-cost flow by successive
//! shortest paths (Dijkstra with potentials, each search stopping at the
//! sink).
//!
//! The network: source → each left node (capacity: how many partners it
//! may get), left → right for each scored pair (capacity 1, cost: minus the
//! score), right → sink (capacity: its places). Augmenting along cheapest
//! paths while a path still lowers the cost gives the assignment with the
//! greatest total score (not necessarily the most pairs: a pair that would
//! lower the total is never made).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A pair's score is scaled to an integer cost with this precision.
const SCALE: f64 = 1_000_000.0;

struct Edge {
    to: usize,
    capacity: i32,
    cost: i64,
}

struct Network {
    edges: Vec<Edge>,
    /// Edge indices per node; edge `e ^ 1` is the reverse of `e`.
    out: Vec<Vec<usize>>,
}

impl Network {
    fn new(nodes: usize) -> Network {
        Network {
            edges: Vec::new(),
            out: vec![Vec::new(); nodes],
        }
    }

    fn add(&mut self, from: usize, to: usize, capacity: i32, cost: i64) -> usize {
        let e = self.edges.len();
        self.edges.push(Edge { to, capacity, cost });
        self.out[from].push(e);
        self.edges.push(Edge {
            to: from,
            capacity: 0,
            cost: -cost,
        });
        self.out[to].push(e + 1);
        e
    }
}

/// The pairs `(left, right)` with the greatest total score such that each
/// left node has at most `left_capacity[l]` partners and each right node at
/// most `right_capacity[r]`. `pairs` are `(left, right, score)`; pairs with
/// a score of 0 or less are never chosen.
pub fn assign(
    left_capacity: &[u32],
    right_capacity: &[u32],
    pairs: &[(usize, usize, f32)],
) -> Vec<(usize, usize)> {
    let (nl, nr) = (left_capacity.len(), right_capacity.len());
    let source = nl + nr;
    let sink = source + 1;
    let mut net = Network::new(nl + nr + 2);
    for (l, c) in left_capacity.iter().enumerate() {
        if *c > 0 {
            net.add(source, l, (*c).min(i32::MAX as u32) as i32, 0);
        }
    }
    for (r, c) in right_capacity.iter().enumerate() {
        if *c > 0 {
            net.add(nl + r, sink, (*c).min(i32::MAX as u32) as i32, 0);
        }
    }
    let mut pair_edges = Vec::with_capacity(pairs.len());
    for &(l, r, score) in pairs {
        let cost = -((score as f64) * SCALE).round() as i64;
        if l < nl && r < nr && cost < 0 && left_capacity[l] > 0 && right_capacity[r] > 0 {
            pair_edges.push((net.add(l, nl + r, 1, cost), l, r));
        }
    }

    // Potentials making every reduced cost non-negative: the graph is a DAG
    // (source, left, right, sink), so one pass in that order finds the
    // cheapest distance to each node.
    let n = nl + nr + 2;
    let mut potential = vec![0i64; n];
    for &(e, _, r) in &pair_edges {
        potential[nl + r] = potential[nl + r].min(net.edges[e].cost);
    }
    potential[sink] = (0..nr).map(|r| potential[nl + r]).min().unwrap_or(0).min(0);

    let mut dist = vec![i64::MAX; n];
    let mut via = vec![usize::MAX; n];
    loop {
        dist.fill(i64::MAX);
        via.fill(usize::MAX);
        dist[source] = 0;
        let mut heap = BinaryHeap::new();
        heap.push(Reverse((0i64, source)));
        while let Some(Reverse((d, u))) = heap.pop() {
            if d > dist[u] {
                continue;
            }
            // Every node nearer than the sink is final now: enough for
            // this path and for the potentials below.
            if u == sink {
                break;
            }
            for &e in &net.out[u] {
                let edge = &net.edges[e];
                if edge.capacity <= 0 {
                    continue;
                }
                let reduced = edge.cost + potential[u] - potential[edge.to];
                let next = d + reduced;
                if next < dist[edge.to] {
                    dist[edge.to] = next;
                    via[edge.to] = e;
                    heap.push(Reverse((next, edge.to)));
                }
            }
        }
        if dist[sink] == i64::MAX {
            break;
        }
        // The path's true cost; stop once another pair would not add score.
        let cost = dist[sink] - potential[source] + potential[sink];
        if cost >= 0 {
            break;
        }
        // Nodes not final count as at the sink's distance: every residual
        // edge keeps a non-negative reduced cost, and the path's edges get
        // zero (so their reverses do too).
        let reach = dist[sink];
        for v in 0..n {
            potential[v] += dist[v].min(reach);
        }
        let mut v = sink;
        while v != source {
            let e = via[v];
            net.edges[e].capacity -= 1;
            net.edges[e ^ 1].capacity += 1;
            v = net.edges[e ^ 1].to;
        }
    }
    let mut chosen: Vec<(usize, usize)> = pair_edges
        .into_iter()
        .filter(|(e, _, _)| net.edges[*e].capacity == 0)
        .map(|(_, l, r)| (l, r))
        .collect();
    chosen.sort_unstable();
    chosen
}

/// The greedy assignment (best pair first while both sides have room):
/// what [`assign`] is measured against.
pub fn greedy(
    left_capacity: &[u32],
    right_capacity: &[u32],
    pairs: &[(usize, usize, f32)],
) -> Vec<(usize, usize)> {
    let mut order: Vec<&(usize, usize, f32)> = pairs.iter().filter(|p| p.2 > 0.0).collect();
    order.sort_by(|a, b| b.2.total_cmp(&a.2));
    let mut left = left_capacity.to_vec();
    let mut right = right_capacity.to_vec();
    let mut chosen = Vec::new();
    for &&(l, r, _) in &order {
        if left[l] > 0 && right[r] > 0 && !chosen.contains(&(l, r)) {
            left[l] -= 1;
            right[r] -= 1;
            chosen.push((l, r));
        }
    }
    chosen.sort_unstable();
    chosen
}

/// Colours the edges of a bipartite graph (`(left, right)` pairs, each at
/// most once) with `colors` colours so that no two edges at one node share
/// a colour: the time slots of a meeting schedule, no one double-booked.
/// Possible whenever no node has more than `colors` edges (König's
/// theorem); `None` otherwise. Each edge goes in turn: a colour `a` free at
/// its left end; if `a` is taken at its right end, the path alternating
/// `a` and a colour `b` free there is flipped first (in a bipartite graph
/// it never reaches the left end).
pub fn color_edges(left: usize, edges: &[(usize, usize)], colors: usize) -> Option<Vec<usize>> {
    const FREE: usize = usize::MAX;
    let right = edges.iter().map(|e| e.1 + 1).max().unwrap_or(0);
    let node_count = left.max(edges.iter().map(|e| e.0 + 1).max().unwrap_or(0)) + right;
    let right_node = |r: usize| node_count - right + r;
    let ends = |e: usize| (edges[e].0, right_node(edges[e].1));
    let mut at = vec![vec![FREE; colors]; node_count];
    let mut color = vec![FREE; edges.len()];
    for e in 0..edges.len() {
        let (u, v) = ends(e);
        let a = (0..colors).find(|&c| at[u][c] == FREE)?;
        if at[v][a] != FREE {
            let b = (0..colors).find(|&c| at[v][c] == FREE)?;
            let mut path = Vec::new();
            let (mut x, mut c) = (v, a);
            while at[x][c] != FREE {
                let next = at[x][c];
                path.push(next);
                let (p, q) = ends(next);
                x = if p == x { q } else { p };
                c = if c == a { b } else { a };
            }
            for &p in &path {
                let (x, y) = ends(p);
                at[x][color[p]] = FREE;
                at[y][color[p]] = FREE;
            }
            for &p in &path {
                let swapped = if color[p] == a { b } else { a };
                color[p] = swapped;
                let (x, y) = ends(p);
                at[x][swapped] = p;
                at[y][swapped] = p;
            }
        }
        color[e] = a;
        at[u][a] = e;
        at[v][a] = e;
    }
    Some(color)
}

/// The total score of chosen pairs.
pub fn total(pairs: &[(usize, usize, f32)], chosen: &[(usize, usize)]) -> f32 {
    chosen
        .iter()
        .filter_map(|c| pairs.iter().find(|p| (p.0, p.1) == *c).map(|p| p.2))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn beats_greedy_on_a_crafted_case() {
        // Greedy takes A–X (0.9) and is left with B–Y (0.1); the optimum
        // gives X to B and Y to A.
        let pairs = [(0, 0, 0.9), (0, 1, 0.8), (1, 0, 0.85), (1, 1, 0.1)];
        let best = assign(&[1, 1], &[1, 1], &pairs);
        let quick = greedy(&[1, 1], &[1, 1], &pairs);
        assert_eq!(best, vec![(0, 1), (1, 0)]);
        assert_eq!(quick, vec![(0, 0), (1, 1)]);
        assert!(total(&pairs, &best) > total(&pairs, &quick) + 0.5);
    }

    #[test]
    fn respects_capacities_and_skips_worthless_pairs() {
        let pairs = [(0, 0, 0.5), (1, 0, 0.6), (2, 0, 0.7), (2, 1, 0.0)];
        let chosen = assign(&[1, 1, 1], &[2, 5], &pairs);
        assert_eq!(chosen, vec![(1, 0), (2, 0)]);
        assert!(assign(&[1], &[0], &[(0, 0, 0.9)]).is_empty());
        assert!(assign(&[], &[], &[]).is_empty());
    }

    /// Every assignment of a small problem, the best total.
    fn brute_force(left: &[u32], right: &[u32], pairs: &[(usize, usize, f32)]) -> f32 {
        let mut best = 0.0f32;
        for mask in 0u32..(1 << pairs.len()) {
            let mut l = left.to_vec();
            let mut r = right.to_vec();
            let mut ok = true;
            let mut sum = 0.0;
            for (i, p) in pairs.iter().enumerate() {
                if mask & (1 << i) != 0 {
                    if l[p.0] == 0 || r[p.1] == 0 {
                        ok = false;
                        break;
                    }
                    l[p.0] -= 1;
                    r[p.1] -= 1;
                    sum += p.2;
                }
            }
            if ok {
                best = best.max(sum);
            }
        }
        best
    }

    #[test]
    fn colouring_needs_as_many_colours_as_the_busiest_node() {
        // A complete 3 x 3 graph: every node has three meetings.
        let edges: Vec<(usize, usize)> = (0..3).flat_map(|l| (0..3).map(move |r| (l, r))).collect();
        assert!(color_edges(3, &edges, 2).is_none());
        let colors = color_edges(3, &edges, 3).unwrap();
        for (i, a) in edges.iter().enumerate() {
            for (j, b) in edges.iter().enumerate() {
                if i != j && (a.0 == b.0 || a.1 == b.1) {
                    assert_ne!(colors[i], colors[j], "{a:?} and {b:?} share a slot");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn colourings_never_double_book(
            raw in proptest::collection::vec((0usize..6, 0usize..6), 0..30),
            colors in 1usize..5,
        ) {
            let mut edges: Vec<(usize, usize)> = Vec::new();
            for e in raw {
                let degree = |f: &dyn Fn(&(usize, usize)) -> bool| edges.iter().filter(|x| f(x)).count();
                if !edges.contains(&e)
                    && degree(&|x| x.0 == e.0) < colors
                    && degree(&|x| x.1 == e.1) < colors
                {
                    edges.push(e);
                }
            }
            let slots = color_edges(6, &edges, colors).expect("degree within colours");
            for (i, a) in edges.iter().enumerate() {
                prop_assert!(slots[i] < colors);
                for (j, b) in edges.iter().enumerate() {
                    if i != j && (a.0 == b.0 || a.1 == b.1) {
                        prop_assert_ne!(slots[i], slots[j]);
                    }
                }
            }
        }

        #[test]
        fn optimal_and_within_capacity(
            left in proptest::collection::vec(0u32..3, 1..5),
            right in proptest::collection::vec(0u32..3, 1..4),
            raw in proptest::collection::vec((0usize..5, 0usize..4, 1u32..100), 0..10),
        ) {
            let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
            for (l, r, s) in raw {
                let (l, r) = (l % left.len(), r % right.len());
                if !pairs.iter().any(|p| (p.0, p.1) == (l, r)) {
                    pairs.push((l, r, s as f32 / 100.0));
                }
            }
            let chosen = assign(&left, &right, &pairs);
            for (i, c) in left.iter().enumerate() {
                prop_assert!(chosen.iter().filter(|p| p.0 == i).count() as u32 <= *c);
            }
            for (i, c) in right.iter().enumerate() {
                prop_assert!(chosen.iter().filter(|p| p.1 == i).count() as u32 <= *c);
            }
            let got = total(&pairs, &chosen);
            prop_assert!((got - brute_force(&left, &right, &pairs)).abs() < 1e-4);
            prop_assert!(got + 1e-4 >= total(&pairs, &greedy(&left, &right, &pairs)));
        }
    }
}
