//! The order of a response's fields: the order the document asks for them.
//!
//! GraphQL serializes each object's fields in the order its selection set
//! names them (fragments expanded in place, a repeated key at its first
//! place). async-graphql resolves sibling fields concurrently and keeps
//! them in the order they finish, so a field that waited for a batch
//! (a relation) could come after one asked for later, and the same query
//! answered in a different order from one request to the next. The order
//! is read from the document before it runs ([`Order::of`]) and the answer
//! is put in that order before it is sent ([`Order::apply`]).

use std::collections::HashSet;

use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, Selection, SelectionSet,
};
use async_graphql::{Name, Value};

/// The response keys of a selection set in the order asked, each with the
/// order of its own selections.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Order {
    keys: Vec<(Name, Order)>,
}

impl Order {
    /// The order of the operation a request runs (by `operation`, or the
    /// only one); `None` when the document names no such operation (the
    /// request then fails before it runs).
    pub fn of(document: &ExecutableDocument, operation: Option<&str>) -> Option<Order> {
        let operation = match (&document.operations, operation) {
            (DocumentOperations::Single(op), _) => op,
            (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name)?,
            (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next()?,
            _ => return None,
        };
        Some(Order::collect(
            document,
            &[&operation.node.selection_set.node],
        ))
    }

    /// The order of the fields the selection sets `sets` (those of one
    /// response key) ask for together.
    fn collect(document: &ExecutableDocument, sets: &[&SelectionSet]) -> Order {
        let mut keys: Vec<(Name, Vec<&SelectionSet>)> = Vec::new();
        for set in sets {
            gather(document, set, &mut keys, &mut HashSet::new());
        }
        Order {
            keys: keys
                .into_iter()
                .map(|(key, sets)| {
                    let inner = if sets.iter().all(|s| s.items.is_empty()) {
                        Order::default()
                    } else {
                        Order::collect(document, &sets)
                    };
                    (key, inner)
                })
                .collect(),
        }
    }

    /// Puts `value`'s objects (in lists too) in this order; keys the order
    /// does not name keep their place after those it does.
    pub fn apply(&self, value: &mut Value) {
        match value {
            Value::Object(map) => {
                if self.keys.is_empty() {
                    return;
                }
                if !self.follows(map.keys()) {
                    let position = |key: &Name| {
                        self.keys
                            .iter()
                            .position(|(k, _)| k == key)
                            .unwrap_or(usize::MAX)
                    };
                    map.sort_by(|a, _, b, _| position(a).cmp(&position(b)));
                }
                // The entries now follow the keys: walk both together.
                let mut at = 0;
                for (key, inner) in map.iter_mut() {
                    while at < self.keys.len() && self.keys[at].0 != *key {
                        at += 1;
                    }
                    let Some((_, order)) = self.keys.get(at) else {
                        break;
                    };
                    order.apply(inner);
                    at += 1;
                }
            }
            Value::List(items) => {
                for item in items {
                    self.apply(item);
                }
            }
            _ => {}
        }
    }
}

impl Order {
    /// Whether `keys` come in this order (some may be missing).
    fn follows<'k>(&self, keys: impl Iterator<Item = &'k Name>) -> bool {
        let mut at = 0;
        for key in keys {
            while at < self.keys.len() && self.keys[at].0 != *key {
                at += 1;
            }
            if at == self.keys.len() {
                return false;
            }
            at += 1;
        }
        true
    }
}

/// Adds the response keys of `set` to `keys` in order, fragments expanded
/// in place, each key with the selection sets asked of it. A fragment that
/// spreads itself (refused by the document limits before this runs) is
/// expanded once per path.
fn gather<'d>(
    document: &'d ExecutableDocument,
    set: &'d SelectionSet,
    keys: &mut Vec<(Name, Vec<&'d SelectionSet>)>,
    spreading: &mut HashSet<&'d str>,
) {
    for item in &set.items {
        match &item.node {
            Selection::Field(field) => {
                let key = &field.node.response_key().node;
                let child = &field.node.selection_set.node;
                match keys.iter_mut().find(|(k, _)| k == key) {
                    Some((_, sets)) => sets.push(child),
                    None => keys.push((key.clone(), vec![child])),
                }
            }
            Selection::InlineFragment(inline) => {
                gather(document, &inline.node.selection_set.node, keys, spreading);
            }
            Selection::FragmentSpread(spread) => {
                let name = spread.node.fragment_name.node.as_str();
                if let Some(fragment) = document.fragments.get(name)
                    && spreading.insert(name)
                {
                    gather(document, &fragment.node.selection_set.node, keys, spreading);
                    spreading.remove(name);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(query: &str, operation: Option<&str>) -> Order {
        let document = async_graphql::parser::parse_query(query).expect("parses");
        Order::of(&document, operation).expect("an operation")
    }

    fn keys(value: &Value) -> Vec<String> {
        match value {
            Value::Object(map) => map.keys().map(|k| k.to_string()).collect(),
            _ => vec![],
        }
    }

    #[test]
    fn objects_follow_the_document_fragments_and_aliases_included() {
        let order = order(
            "query A { x } query B { s { b ...F ... on S { c } a: d b } } fragment F on S { e { y x } }",
            Some("B"),
        );
        let mut value = async_graphql::value!({
            "s": [
                { "a": 1, "c": 2, "e": { "x": 1, "y": 2 }, "b": 3 },
                { "c": 2, "b": 3, "a": 1, "e": null },
            ]
        });
        order.apply(&mut value);
        let Value::Object(root) = &value else {
            panic!()
        };
        let Value::List(items) = &root["s"] else {
            panic!()
        };
        assert_eq!(keys(&items[0]), ["b", "e", "c", "a"]);
        assert_eq!(keys(&items[1]), ["b", "e", "c", "a"]);
        let Value::Object(first) = &items[0] else {
            panic!()
        };
        assert_eq!(keys(&first["e"]), ["y", "x"]);
    }

    #[test]
    fn an_operation_the_document_does_not_hold_has_no_order() {
        let document = async_graphql::parser::parse_query("query A { x } query B { y }").unwrap();
        assert!(Order::of(&document, None).is_none());
        assert!(Order::of(&document, Some("C")).is_none());
        assert_eq!(order("{ y x }", None).keys.len(), 2);
    }
}
