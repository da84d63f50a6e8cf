//! The document limits on any text: measuring never panics, never recurses
//! past the text's own nesting, and agrees with expanding every spread the
//! slow way (within a budget that keeps each run short): the same count of
//! selections and depth, and a cycle exactly when a fragment spreads
//! itself.

#![no_main]

use std::collections::HashSet;

use async_graphql::Positioned;
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use ketnoi::graphql::measure::{Cycle, measure};
use libfuzzer_sys::fuzz_target;

/// Selections the slow expansion walks before it gives up.
const BUDGET: usize = 50_000;

/// What expanding every spread finds, or why it stopped.
#[derive(Debug, PartialEq)]
enum Slow {
    /// Selections and field depth.
    Done(usize, usize),
    /// A fragment spread while it was being expanded.
    Cycle,
    /// More than the budget.
    Over,
}

struct Expander<'a> {
    document: &'a ExecutableDocument,
    open: HashSet<&'a str>,
    walked: usize,
}

impl<'a> Expander<'a> {
    fn set(&mut self, set: &'a Positioned<SelectionSet>) -> Result<(usize, usize), Slow> {
        let (mut count, mut depth) = (0usize, 0usize);
        for item in &set.node.items {
            self.walked += 1;
            if self.walked > BUDGET {
                return Err(Slow::Over);
            }
            count += 1;
            match &item.node {
                Selection::Field(field) => {
                    let (c, d) = self.set(&field.node.selection_set)?;
                    count += c;
                    let own = usize::from(field.node.name.node != "__typename");
                    depth = depth.max(d + own);
                }
                Selection::InlineFragment(inline) => {
                    let (c, d) = self.set(&inline.node.selection_set)?;
                    count += c;
                    depth = depth.max(d);
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    let Some((key, fragment)) = self.document.fragments.get_key_value(name)
                    else {
                        continue;
                    };
                    if !self.open.insert(key.as_str()) {
                        return Err(Slow::Cycle);
                    }
                    let (c, d) = self.set(&fragment.node.selection_set)?;
                    self.open.remove(key.as_str());
                    count += c;
                    depth = depth.max(d);
                }
            }
        }
        Ok((count, depth))
    }
}

fn slow(document: &ExecutableDocument) -> Slow {
    let mut expander = Expander {
        document,
        open: HashSet::new(),
        walked: 0,
    };
    let (mut count, mut depth) = (0, 0);
    // Cycles anywhere count, as in the measure (unused fragments too).
    for (name, fragment) in &document.fragments {
        expander.open.insert(name.as_str());
        match expander.set(&fragment.node.selection_set) {
            Ok((c, _)) => count += c,
            Err(stop) => return stop,
        }
        expander.open.remove(name.as_str());
    }
    for (_, operation) in document.operations.iter() {
        match expander.set(&operation.node.selection_set) {
            Ok((c, d)) => {
                count += c;
                depth = depth.max(d);
            }
            Err(stop) => return stop,
        }
    }
    Slow::Done(count, depth)
}

fuzz_target!(|text: &str| {
    // The server refuses deeper text before parsing it.
    if ketnoi::graphql::limits::max_nesting(text) > 32 {
        return;
    }
    let Ok(document) = async_graphql::parser::parse_query(text) else {
        return;
    };
    let measured = measure(&document);
    match (slow(&document), measured) {
        (Slow::Done(count, depth), Ok(m)) => {
            assert_eq!((m.selections, m.depth), (count, depth), "{text}");
        }
        (Slow::Cycle, Err(Cycle(_))) => {}
        (Slow::Over, Ok(m)) => assert!(m.selections > BUDGET, "{m:?} for {text}"),
        // A cycle the slow walk had no budget left to reach.
        (Slow::Over, Err(Cycle(_))) => {}
        (slow, measured) => panic!("slow {slow:?}, measured {measured:?} for {text}"),
    }
});
