//! What one request may ask of the server: depth, complexity (lists cost
//! their page size), recursion, directives, aliases, operations per batch,
//! and who may introspect the schema. Every limit is configurable
//! (`ketnoi serve --help`); the defaults fit every query the playground's
//! examples and GraphiQL's own introspection need.

use crate::error::Code;
use std::sync::Arc;

use async_graphql::extensions::ExtensionContext;
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Positioned, ServerError, ServerResult};

use super::measure;
use super::scope::Scope;

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
    /// The most aliases in one document (counted at every spread of the
    /// fragment holding them).
    pub max_aliases: usize,
    /// The most selections a document may stand for once its fragments are
    /// expanded (see [`super::measure`]).
    pub max_selections: usize,
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
            // The playground's largest example stands for 33 selections,
            // GraphiQL's introspection query (its fragments counted at
            // every spread, and once more as definitions) for 446.
            max_selections: 10_000,
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

/// Checks a document before anything expands its fragments: its text may
/// not nest brackets deeper than the recursive-depth limit (the parser
/// recurses once per level, so a document of 10,000 `[` would overflow its
/// stack before any other check runs), no fragment may spread itself, and
/// what it stands for once its fragments are expanded (selections, field
/// depth, aliases) must be within the limits. async-graphql expands
/// fragments right after parsing (its recursion and directive checks),
/// during validation and while executing, so a few hundred bytes of
/// fragments spreading each other twice would otherwise hold a core for
/// hours: these checks run in `prepare_request` (see [`super::guard`]),
/// which comes before all of them, in time linear in the document.
#[derive(Debug, Clone)]
pub struct DocumentLimits {
    pub max_nesting: usize,
    pub max_selections: usize,
    pub max_depth: usize,
    pub max_aliases: usize,
}

/// An error with this message and `extensions.code`.
pub(crate) fn refusal(message: String, code: Code) -> ServerError {
    let mut error = ServerError::new(message, None);
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", code.as_str());
    error
}

/// A refusal that names the limit (its command-line option).
fn over_limit(message: String, code: Code, limit: &str) -> ServerError {
    let mut error = refusal(message, code);
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("limit", limit);
    error
}

impl DocumentLimits {
    /// Refuses a document's text that nests deeper than the parser may
    /// recurse.
    pub fn check_text(&self, text: &str) -> ServerResult<()> {
        let nesting = max_nesting(text);
        if nesting > self.max_nesting {
            return Err(over_limit(
                format!(
                    "the document nests {nesting} levels deep; at most {} are allowed",
                    self.max_nesting
                ),
                Code::GraphqlParseFailed,
                "max-recursion",
            ));
        }
        Ok(())
    }

    /// The first limit a parsed document breaks, if any.
    pub fn check(&self, document: &ExecutableDocument) -> ServerResult<()> {
        let measured = match measure::measure(document) {
            Ok(m) => m,
            Err(measure::Cycle(name)) => {
                return Err(refusal(
                    format!(
                        "fragment `{name}` spreads itself, directly or through other fragments"
                    ),
                    Code::GraphqlValidationFailed,
                ));
            }
        };
        let count = |n: usize| {
            if n == usize::MAX {
                "more than can be counted".to_string()
            } else {
                n.to_string()
            }
        };
        if measured.selections > self.max_selections {
            return Err(over_limit(
                format!(
                    "the document stands for {} selections once its fragments are expanded; \
                     at most {} are allowed",
                    count(measured.selections),
                    self.max_selections
                ),
                Code::GraphqlValidationFailed,
                "max-selections",
            ));
        }
        if measured.depth > self.max_depth {
            return Err(over_limit(
                format!(
                    "the document nests fields {} levels deep through its fragments; \
                     at most {} are allowed",
                    measured.depth, self.max_depth
                ),
                Code::GraphqlValidationFailed,
                "max-depth",
            ));
        }
        if measured.aliases > self.max_aliases {
            return Err(over_limit(
                format!(
                    "the document has {} aliases; at most {} are allowed",
                    count(measured.aliases),
                    self.max_aliases
                ),
                Code::GraphqlValidationFailed,
                "max-aliases",
            ));
        }
        Ok(())
    }
}

/// Refuses what a parsed document may not do in its request: a mutation
/// over GET (also when a persisted query stands for one), introspection
/// where the setting forbids it.
pub(crate) fn check_parsed(
    ctx: &ExtensionContext<'_>,
    document: &ExecutableDocument,
) -> ServerResult<()> {
    let scope = Scope::of_extension(ctx);
    if let Some(ReadOnly(name)) = scope.and_then(|s| s.read_only.as_ref())
        && is_mutation(document, name.as_deref())
    {
        return Err(refusal(
            "mutations must be sent with POST".to_string(),
            Code::MethodNotAllowed,
        ));
    }
    if let Some(NoIntrospection(reason)) = scope.and_then(|s| s.no_introspection)
        && introspects(document)
    {
        return Err(refusal(reason.to_string(), Code::Forbidden));
    }
    Ok(())
}

/// Load shedding of heavy operations: an operation whose complexity (as
/// validation computes it, in time bounded by [`DocumentLimits`]) is at
/// least `heavy_complexity` runs only with a permit of `heavy`, held until
/// its response is ready. Without one it is refused at once with
/// `OVERLOADED` (503 and `retry-after`), so heavy work cannot take every
/// core and cheap queries keep being answered.
#[derive(Clone)]
pub struct Shedding {
    pub heavy: Arc<tokio::sync::Semaphore>,
    pub heavy_complexity: usize,
}

impl Shedding {
    /// Admits an operation of this complexity: with a permit when it is
    /// heavy (to hold until its response is ready), without one when it
    /// is not; refused when it is heavy and no permit is left.
    pub fn admit(
        &self,
        complexity: usize,
    ) -> Result<Option<tokio::sync::OwnedSemaphorePermit>, Vec<ServerError>> {
        if complexity < self.heavy_complexity {
            return Ok(None);
        }
        match Arc::clone(&self.heavy).try_acquire_owned() {
            Ok(permit) => Ok(Some(permit)),
            Err(_) => {
                let mut error = refusal(
                    format!(
                        "the server is running as many heavy operations (complexity {} \
                         or more) as it can; this one's is {complexity}: retry in a second, or \
                         ask for smaller pages",
                        self.heavy_complexity
                    ),
                    crate::http::OVERLOADED,
                );
                error
                    .extensions
                    .get_or_insert_with(Default::default)
                    .set("retryAfter", 1);
                Err(vec![error])
            }
        }
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

/// Marks a request as read-only (GET), with the name of the operation it
/// selects.
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

/// Marks a request as not allowed to introspect, with the reason to give.
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

#[cfg(test)]
mod tests {
    use super::*;

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
