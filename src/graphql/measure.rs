//! What a document would make the server walk once its fragments are
//! expanded, measured without expanding them.
//!
//! A fragment spread stands for the whole fragment, so a few hundred bytes
//! of fragments that each spread the next twice stand for billions of
//! fields. async-graphql expands spreads in several places before any limit
//! of ours would see the result: the recursion-depth and directive checks
//! right after parsing, the depth, complexity and cache-control visitors of
//! validation, the overlapping-fields rule, and the executor. [`measure`]
//! visits each fragment once, in dependency order with an explicit stack
//! (a chain of thousands of fragments cannot overflow the thread's stack),
//! and adds up, saturating, what each spread stands for. The document's
//! limits are checked on these sums before any of those steps runs; within
//! the limits, each of them is linear in the selection limit.

use std::collections::HashMap;

use async_graphql::Positioned;
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};

/// What a document stands for once every fragment spread is replaced by
/// its fragment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Measure {
    /// Selections (fields, spreads and inline fragments) of the expanded
    /// operations plus those of every expanded fragment definition: what
    /// the checks and visitors that expand fragments walk, together.
    pub selections: usize,
    /// The deepest nesting of fields (`__typename` not counted, as
    /// async-graphql's depth limit counts) of any expanded operation.
    pub depth: usize,
    /// Aliases of the expanded operations.
    pub aliases: usize,
}

/// A fragment that spreads itself, directly or through others. Validation
/// refuses such a document anyway; the measure refuses it first, because
/// async-graphql's recursion check would expand it until its depth limit,
/// which for a fragment spreading itself twice is 2^32 visits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle(pub String);

/// The text of the classic fragment explosion: `F0` spreads `F1` twice, and
/// so on down to `F{levels}`, which selects `__typename`, so a few hundred
/// bytes stand for 2^levels selections. For tests and benchmarks.
pub fn fragment_explosion(levels: usize) -> String {
    let mut text = String::from("query { ...F0 }\n");
    for i in 0..levels {
        text.push_str(&format!(
            "fragment F{i} on Query {{ ...F{0} ...F{0} }}\n",
            i + 1
        ));
    }
    text.push_str(&format!("fragment F{levels} on Query {{ __typename }}\n"));
    text
}

/// Measures a document; `Err` names a fragment that spreads itself.
pub fn measure(document: &ExecutableDocument) -> Result<Measure, Cycle> {
    let order = dependency_order(document)?;
    let mut memo: HashMap<&str, Measure> = HashMap::with_capacity(order.len());
    let mut total = Measure::default();
    for name in order {
        let fragment = &document.fragments[name];
        let own = measure_set(&fragment.node.selection_set, &memo);
        total.selections = total.selections.saturating_add(own.selections);
        memo.insert(name, own);
    }
    for (_, operation) in document.operations.iter() {
        let own = measure_set(&operation.node.selection_set, &memo);
        total.selections = total.selections.saturating_add(own.selections);
        total.depth = total.depth.max(own.depth);
        total.aliases = total.aliases.saturating_add(own.aliases);
    }
    Ok(total)
}

/// One selection set, its spreads taken from `memo` (every fragment it
/// spreads is measured before it; an unknown fragment counts nothing, and
/// validation names it). Recursion follows the text's own nesting, which
/// the nesting limit bounds before the document is parsed.
fn measure_set(set: &Positioned<SelectionSet>, memo: &HashMap<&str, Measure>) -> Measure {
    let mut total = Measure::default();
    for item in &set.node.items {
        let (own, depth) = match &item.node {
            Selection::Field(field) => {
                let inner = measure_set(&field.node.selection_set, memo);
                let own = Measure {
                    selections: inner.selections,
                    depth: 0,
                    aliases: inner
                        .aliases
                        .saturating_add(usize::from(field.node.alias.is_some())),
                };
                let counted = usize::from(field.node.name.node != "__typename");
                (own, inner.depth.saturating_add(counted))
            }
            Selection::InlineFragment(inline) => {
                let inner = measure_set(&inline.node.selection_set, memo);
                (inner, inner.depth)
            }
            Selection::FragmentSpread(spread) => {
                let inner = memo
                    .get(spread.node.fragment_name.node.as_str())
                    .copied()
                    .unwrap_or_default();
                (inner, inner.depth)
            }
        };
        total.selections = total
            .selections
            .saturating_add(own.selections)
            .saturating_add(1);
        total.aliases = total.aliases.saturating_add(own.aliases);
        total.depth = total.depth.max(depth);
    }
    total
}

/// The names of the fragments spread directly in a selection set, at any
/// nesting of its own.
fn spreads<'a>(set: &'a Positioned<SelectionSet>, out: &mut Vec<&'a str>) {
    for item in &set.node.items {
        match &item.node {
            Selection::Field(field) => spreads(&field.node.selection_set, out),
            Selection::InlineFragment(inline) => spreads(&inline.node.selection_set, out),
            Selection::FragmentSpread(spread) => out.push(spread.node.fragment_name.node.as_str()),
        }
    }
}

/// Every fragment definition, each after all the fragments it spreads
/// (depth-first post-order over an explicit stack); a fragment met again
/// while still open is a cycle.
fn dependency_order(document: &ExecutableDocument) -> Result<Vec<&str>, Cycle> {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum State {
        Open,
        Done,
    }
    let direct: HashMap<&str, Vec<&str>> = document
        .fragments
        .iter()
        .map(|(name, fragment)| {
            let mut out = Vec::new();
            spreads(&fragment.node.selection_set, &mut out);
            (name.as_str(), out)
        })
        .collect();
    let mut state: HashMap<&str, State> = HashMap::with_capacity(direct.len());
    let mut order = Vec::with_capacity(direct.len());
    for root in direct.keys() {
        if state.contains_key(root) {
            continue;
        }
        // Each entry: a fragment and how many of its spreads were followed.
        let mut stack: Vec<(&str, usize)> = vec![(root, 0)];
        state.insert(root, State::Open);
        while let Some((name, next)) = stack.last_mut() {
            let children = &direct[*name];
            if let Some(child) = children.get(*next) {
                *next += 1;
                match state.get(child) {
                    Some(State::Open) => return Err(Cycle((*child).to_string())),
                    Some(State::Done) => {}
                    None if direct.contains_key(child) => {
                        state.insert(child, State::Open);
                        stack.push((child, 0));
                    }
                    None => {}
                }
            } else {
                state.insert(name, State::Done);
                order.push(*name);
                stack.pop();
            }
        }
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> ExecutableDocument {
        async_graphql::parser::parse_query(text).expect("parses")
    }

    /// The same count the slow way: every spread expanded.
    fn expanded(document: &ExecutableDocument, set: &Positioned<SelectionSet>) -> usize {
        set.node
            .items
            .iter()
            .map(|item| {
                1 + match &item.node {
                    Selection::Field(f) => expanded(document, &f.node.selection_set),
                    Selection::InlineFragment(i) => expanded(document, &i.node.selection_set),
                    Selection::FragmentSpread(s) => document
                        .fragments
                        .get(&s.node.fragment_name.node)
                        .map_or(0, |f| expanded(document, &f.node.selection_set)),
                }
            })
            .sum()
    }

    #[test]
    fn spreads_count_what_they_stand_for() {
        let text = "query { a: startups { ...S } b: startups { ...S } } \
                    fragment S on StartupConnection { x: totalCount nodes { name ... on Startup { slug } } }";
        let document = doc(text);
        let got = measure(&document).expect("no cycle");
        let fragment = &document.fragments["S"].node.selection_set;
        let operation = match &document.operations {
            async_graphql::parser::types::DocumentOperations::Single(op) => &op.node.selection_set,
            _ => unreachable!(),
        };
        assert_eq!(
            got.selections,
            expanded(&document, operation) + expanded(&document, fragment)
        );
        assert_eq!(got.aliases, 2 + 2);
        assert_eq!(got.depth, 3, "startups > nodes > name");
    }

    #[test]
    fn a_fragment_explosion_is_measured_without_expanding_it() {
        for levels in [4, 10, 16] {
            let document = doc(&fragment_explosion(levels));
            let got = measure(&document).expect("no cycle");
            let operation = match &document.operations {
                async_graphql::parser::types::DocumentOperations::Single(op) => {
                    &op.node.selection_set
                }
                _ => unreachable!(),
            };
            let slow: usize = document
                .fragments
                .values()
                .map(|f| expanded(&document, &f.node.selection_set))
                .sum::<usize>()
                + expanded(&document, operation);
            assert_eq!(got.selections, slow, "{levels} levels");
        }
        let huge = measure(&doc(&fragment_explosion(200))).expect("no cycle");
        assert_eq!(huge.selections, usize::MAX, "saturates, never overflows");
    }

    #[test]
    fn cycles_are_named() {
        let direct = doc("{ ...A } fragment A on Query { ...A ...A }");
        assert_eq!(measure(&direct), Err(Cycle("A".into())));
        let through = doc("{ ...A } fragment A on Query { sectors { ...B } } \
             fragment B on Sector { ... on Sector { ...C } } fragment C on Sector { ...B }");
        assert!(measure(&through).is_err());
        let unused =
            doc("{ __typename } fragment A on Query { ...B } fragment B on Query { ...A }");
        assert!(
            measure(&unused).is_err(),
            "unused fragments are measured too"
        );
    }

    #[test]
    fn a_long_chain_of_fragments_does_not_recurse() {
        let mut text = String::from("{ ...F0 }\n");
        for i in 0..50_000 {
            text.push_str(&format!("fragment F{i} on Query {{ ...F{} }}\n", i + 1));
        }
        text.push_str("fragment F50000 on Query { __typename }");
        let got = measure(&doc(&text)).expect("no cycle");
        assert!(got.selections > 50_000);
    }

    /// The documents clients really send stay far below the default
    /// limits: GraphiQL's introspection query and the playground's examples.
    #[test]
    fn real_documents_fit_the_default_limits() {
        let limits = crate::graphql::Limits::default();
        let introspection = include_str!("../../tests/documents/introspection.graphql");
        let got = measure(&doc(introspection)).expect("no cycle");
        assert!(got.selections < limits.max_selections / 10, "{got:?}");
        assert!(got.depth <= limits.max_depth, "{got:?}");
        for example in crate::http::playground::EXAMPLES {
            let got = measure(&doc(example)).expect("no cycle");
            assert!(got.selections < 200, "{got:?} for {example}");
        }
    }

    #[test]
    fn depth_counts_fields_through_fragments() {
        let document = doc(
            "{ startups { ...N } } fragment N on StartupConnection { nodes { ...I } } \
             fragment I on Startup { investments { startup { name __typename } } }",
        );
        assert_eq!(measure(&document).expect("no cycle").depth, 5);
        let unknown = doc("{ sectors { ...Missing } }");
        assert_eq!(measure(&unknown).expect("no cycle").depth, 1);
    }
}
