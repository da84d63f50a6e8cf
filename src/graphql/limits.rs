//! What one request may ask of the server: depth, complexity (lists cost
//! their page size), recursion, directives, aliases, operations per batch,
//! and who may introspect the schema. Every limit is configurable
//! (`ketnoi serve --help`); the defaults fit every query the playground's
//! examples and GraphiQL's own introspection need.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Positioned, ServerError, ServerResult, Variables};

/// Who may run introspection queries (`__schema`, `__type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Introspection {
    /// Anyone (development).
    Everyone,
    /// Signed-in users only (production).
    SignedIn,
    /// Nobody.
    Nobody,
}

/// Limits on a request's documents.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The deepest selection nesting.
    pub max_depth: usize,
    /// The highest complexity: each field costs 1, lists their page size
    /// times their items.
    pub max_complexity: usize,
    /// The deepest nesting of anything the parser recurses into (selection
    /// sets, input literals, lists), which bounds the stack.
    pub max_recursive_depth: usize,
    /// The most directives on one field.
    pub max_directives: usize,
    /// The most aliases in one document (fragments counted once).
    pub max_aliases: usize,
    /// The most operations in one batched POST.
    pub max_batch: usize,
    /// Who may introspect the schema.
    pub introspection: Introspection,
    /// Whether validation errors suggest field names ("did you mean").
    pub suggestions: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // The relations form cycles (investor → portfolio → startup →
            // investments → investor ...); GraphiQL's introspection query
            // needs 13 levels.
            max_depth: 15,
            max_complexity: 10_000,
            max_recursive_depth: 32,
            max_directives: 5,
            max_aliases: 100,
            max_batch: 10,
            introspection: Introspection::Everyone,
            suggestions: true,
        }
    }
}

impl Limits {
    /// The defaults of production mode: introspection for signed-in users
    /// only, no field suggestions.
    pub fn production() -> Limits {
        Limits {
            introspection: Introspection::SignedIn,
            suggestions: false,
            ..Limits::default()
        }
    }

    /// Whether a request (signed in or not) may introspect.
    pub fn allows_introspection(&self, signed_in: bool) -> bool {
        match self.introspection {
            Introspection::Everyone => true,
            Introspection::SignedIn => signed_in,
            Introspection::Nobody => false,
        }
    }
}

/// Checks a document before and after parsing: its text may not nest
/// brackets deeper than the recursive-depth limit (the parser recurses once
/// per level, so a document of 10,000 `[` would overflow its stack before
/// any other check runs), and it may not hold more aliases than allowed
/// (aliases let one small document ask for the same field thousands of
/// times).
pub struct DocumentLimits {
    pub max_nesting: usize,
    pub max_aliases: usize,
}

impl ExtensionFactory for DocumentLimits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(DocumentLimitsExtension {
            max_nesting: self.max_nesting,
            max_aliases: self.max_aliases,
        })
    }
}

struct DocumentLimitsExtension {
    max_nesting: usize,
    max_aliases: usize,
}

fn refusal(message: String, code: &str) -> ServerError {
    let mut error = ServerError::new(message, None);
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", code);
    error
}

#[async_graphql::async_trait::async_trait]
impl Extension for DocumentLimitsExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let nesting = max_nesting(query);
        if nesting > self.max_nesting {
            return Err(refusal(
                format!(
                    "the document nests {nesting} levels deep; at most {} are allowed",
                    self.max_nesting
                ),
                "GRAPHQL_PARSE_FAILED",
            ));
        }
        let document = next.run(ctx, query, variables).await?;
        // GET runs no mutations, also when a persisted query stands for one.
        if let Some(ReadOnly(name)) = ctx.data_opt::<ReadOnly>()
            && is_mutation(&document, name.as_deref())
        {
            return Err(refusal(
                "mutations must be sent with POST".to_string(),
                "METHOD_NOT_ALLOWED",
            ));
        }
        if let Some(NoIntrospection(reason)) = ctx.data_opt::<NoIntrospection>()
            && introspects(&document)
        {
            return Err(refusal(reason.to_string(), "FORBIDDEN"));
        }
        let count = count_aliases(&document);
        if count > self.max_aliases {
            return Err(refusal(
                format!(
                    "the document has {count} aliases; at most {} are allowed",
                    self.max_aliases
                ),
                "GRAPHQL_VALIDATION_FAILED",
            ));
        }
        Ok(document)
    }
}

/// The deepest nesting of `{`, `[` and `(` in a document's text, outside
/// strings and comments, read as GraphQL's lexer reads them: a comment or a
/// string ends at any line terminator (`\n`, `\r`), so nothing the parser
/// descends into can hide from this count.
pub fn max_nesting(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                i += 3;
                while i < bytes.len() && !bytes[i..].starts_with(b"\"\"\"") {
                    i += if bytes[i..].starts_with(b"\\\"\"\"") {
                        4
                    } else {
                        1
                    };
                }
                i += 2;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && !matches!(bytes[i], b'"' | b'\n' | b'\r') {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'{' | b'[' | b'(' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    deepest
}

/// Request data that marks a request as read-only (GET), with the name of
/// the operation it selects.
#[derive(Debug, Clone)]
pub struct ReadOnly(pub Option<String>);

/// Whether the operation a request selects is a mutation.
pub fn is_mutation(document: &ExecutableDocument, name: Option<&str>) -> bool {
    use async_graphql::parser::types::{DocumentOperations, OperationType};
    let operation = match (&document.operations, name) {
        (DocumentOperations::Single(op), _) => Some(op),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name),
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next(),
        _ => None,
    };
    operation.is_some_and(|op| op.node.ty == OperationType::Mutation)
}

/// Request data that marks a request as not allowed to introspect, with
/// the reason to give.
#[derive(Debug, Clone, Copy)]
pub struct NoIntrospection(pub &'static str);

/// Whether a document asks for `__schema` or `__type` (`__typename` is
/// not introspection of the schema).
fn introspects(document: &ExecutableDocument) -> bool {
    fn walk(set: &Positioned<SelectionSet>) -> bool {
        set.node.items.iter().any(|item| match &item.node {
            Selection::Field(field) => {
                matches!(field.node.name.node.as_str(), "__schema" | "__type")
                    || walk(&field.node.selection_set)
            }
            Selection::InlineFragment(inline) => walk(&inline.node.selection_set),
            Selection::FragmentSpread(_) => false,
        })
    }
    document
        .operations
        .iter()
        .any(|(_, op)| walk(&op.node.selection_set))
        || document
            .fragments
            .values()
            .any(|f| walk(&f.node.selection_set))
}

/// Aliases the document's operations would run: fragments counted at every
/// spread (a fragment of 60 aliases spread 40 times is 2,400), saturating
/// rather than overflowing on fragment explosions; a cycle counts nothing
/// (validation refuses it).
fn count_aliases(document: &ExecutableDocument) -> usize {
    use std::collections::HashMap;

    struct Counter<'a> {
        document: &'a ExecutableDocument,
        /// Per fragment: `None` while being counted (a cycle), then its count.
        memo: HashMap<&'a str, Option<usize>>,
    }

    impl<'a> Counter<'a> {
        fn set(&mut self, set: &'a Positioned<SelectionSet>) -> usize {
            set.node.items.iter().fold(0usize, |total, item| {
                let n = match &item.node {
                    Selection::Field(field) => usize::from(field.node.alias.is_some())
                        .saturating_add(self.set(&field.node.selection_set)),
                    Selection::InlineFragment(inline) => self.set(&inline.node.selection_set),
                    Selection::FragmentSpread(spread) => {
                        self.fragment(spread.node.fragment_name.node.as_str())
                    }
                };
                total.saturating_add(n)
            })
        }

        fn fragment(&mut self, name: &'a str) -> usize {
            match self.memo.get(name) {
                Some(Some(n)) => return *n,
                Some(None) => return 0,
                None => {}
            }
            let Some((key, fragment)) = self.document.fragments.get_key_value(name) else {
                return 0;
            };
            self.memo.insert(key.as_str(), None);
            let n = self.set(&fragment.node.selection_set);
            self.memo.insert(key.as_str(), Some(n));
            n
        }
    }

    let mut counter = Counter {
        document,
        memo: HashMap::new(),
    };
    document.operations.iter().fold(0usize, |total, (_, op)| {
        total.saturating_add(counter.set(&op.node.selection_set))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_counted_in_operations_and_fragments() {
        let doc = async_graphql::parser::parse_query(
            "query { a: sectors { slug } b: sectors { k: slug } ...F } \
             fragment F on Query { c: provinces { slug } }",
        )
        .expect("parses");
        assert_eq!(count_aliases(&doc), 4);
        let spread = async_graphql::parser::parse_query(
            "{ a: startups { ...F } b: startups { ...F } } \
             fragment F on StartupConnection { x: totalCount y: totalCount }",
        )
        .expect("parses");
        assert_eq!(count_aliases(&spread), 2 + 2 * 2, "counted at every spread");
        let cycle = async_graphql::parser::parse_query(
            "{ ...A } fragment A on Query { a: sectors { slug } ...B } fragment B on Query { ...A }",
        )
        .expect("parses");
        assert_eq!(count_aliases(&cycle), 1);
        let mut laughs = String::from("fragment F0 on Query { a: __typename b: __typename }\n");
        for i in 1..80 {
            laughs.push_str(&format!(
                "fragment F{i} on Query {{ ...F{} ...F{} }}\n",
                i - 1,
                i - 1
            ));
        }
        laughs.push_str("{ ...F79 }");
        let doc = async_graphql::parser::parse_query(&laughs).expect("parses");
        assert_eq!(
            count_aliases(&doc),
            usize::MAX,
            "saturates, never overflows"
        );
    }

    #[test]
    fn nesting_is_measured_outside_strings_and_comments() {
        assert_eq!(max_nesting("{ a { b(x: [1, [2]]) } }"), 5);
        assert_eq!(max_nesting(r#"{ a(s: "{{{{[[[(") }"#), 2);
        assert_eq!(max_nesting("{ a } # {{{{{{\n{ b }"), 1);
        assert_eq!(max_nesting(r#"{ a(s: """ {{{{ \""" {{ """) }"#), 2);
        assert_eq!(max_nesting(&"[".repeat(10_000)), 10_000);
        // A carriage return ends a comment or a string, as for the parser.
        assert_eq!(max_nesting("{ a #\r(x: [[[1]]]) }"), 5);
        assert_eq!(max_nesting("{ a(s: \"x\r) [[[ }"), 4);
    }

    #[test]
    fn introspection_follows_the_setting() {
        assert!(Limits::default().allows_introspection(false));
        assert!(!Limits::production().allows_introspection(false));
        assert!(Limits::production().allows_introspection(true));
    }
}
