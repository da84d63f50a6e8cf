//! `schema.graphql` is the exported SDL: it must match the code, and every
//! type, field, argument and enum value must be documented (the playground
//! shows these descriptions).

mod common;

use ketnoi::graphql::Limits;
use ketnoi::http::HttpConfig;
use serde_json::{Value, json};

#[test]
fn schema_graphql_matches_the_code() {
    let sdl = ketnoi::graphql::sdl();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql");
    if std::env::var("KETNOI_UPDATE_SCHEMA").is_ok_and(|v| v == "1") {
        std::fs::write(path, &sdl).expect("write schema.graphql");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == sdl,
        "schema.graphql differs from the code: regenerate it with \
         `cargo run -- schema > schema.graphql` (or KETNOI_UPDATE_SCHEMA=1 cargo test --test schema)"
    );
}

const INTROSPECTION: &str = r#"{ __schema { types {
    name kind description
    fields(includeDeprecated: true) { name description args { name description } }
    inputFields { name description }
    enumValues(includeDeprecated: true) { name description }
} } }"#;

fn undocumented(value: &Value) -> bool {
    value["description"]
        .as_str()
        .is_none_or(|d| d.trim().is_empty())
}

#[tokio::test]
async fn every_type_field_argument_and_value_is_documented() {
    let schema = ketnoi::graphql::builder().finish();
    let response = schema.execute(INTROSPECTION).await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let data = response.data.into_json().expect("JSON");
    let builtin = ["String", "Int", "Float", "Boolean", "ID"];
    let mut missing = Vec::new();
    for t in data["__schema"]["types"].as_array().expect("types") {
        let name = t["name"].as_str().expect("name");
        if name.starts_with("__") || builtin.contains(&name) {
            continue;
        }
        if undocumented(t) {
            missing.push(name.to_string());
        }
        for f in t["fields"].as_array().into_iter().flatten() {
            if undocumented(f) {
                missing.push(format!("{name}.{}", f["name"]));
            }
            for a in f["args"].as_array().into_iter().flatten() {
                if undocumented(a) {
                    missing.push(format!("{name}.{}({})", f["name"], a["name"]));
                }
            }
        }
        for f in t["inputFields"].as_array().into_iter().flatten() {
            if undocumented(f) {
                missing.push(format!("{name}.{}", f["name"]));
            }
        }
        for v in t["enumValues"].as_array().into_iter().flatten() {
            if undocumented(v) {
                missing.push(format!("{name}.{}", v["name"]));
            }
        }
    }
    assert!(missing.is_empty(), "undocumented: {missing:#?}");
}

/// The introspection query GraphiQL sends (graphql-js `getIntrospectionQuery`).
const GRAPHIQL_INTROSPECTION: &str = r#"query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}"#;

/// GraphiQL's introspection query, sent over HTTP to a server with the
/// default limits, is answered; a server whose depth limit is one below
/// the query's depth refuses it, so this test fails if the limits stop
/// fitting the playground.
#[tokio::test]
async fn the_playground_introspection_fits_the_query_limits() {
    let introspect = |config: HttpConfig| async move {
        let server = common::TestServer::start_with(common::sqlite().await, config).await;
        server
            .post(&json!({ "query": GRAPHIQL_INTROSPECTION }))
            .await
            .json::<Value>()
            .await
            .expect("JSON")
    };
    let body = introspect(HttpConfig::default()).await;
    assert!(body.get("errors").is_none(), "{body}");
    assert!(
        body["data"]["__schema"]["types"]
            .as_array()
            .is_some_and(|t| t.len() > 50)
    );
    let document =
        async_graphql::parser::parse_query(GRAPHIQL_INTROSPECTION).expect("the query parses");
    let depth = ketnoi::graphql::measure::measure(&document)
        .expect("no cycle")
        .depth;
    assert!(depth <= Limits::default().max_depth);
    let tight = HttpConfig {
        limits: Limits {
            max_depth: depth - 1,
            ..Limits::default()
        },
        ..HttpConfig::default()
    };
    let body = introspect(tight).await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "GRAPHQL_VALIDATION_FAILED",
        "{body}"
    );
}

/// Regression: `Organization.email` read "null unless the viewer owns the
/// profile, is or is the operator" (a clause lost in an edit). The contact
/// fields of every type say who sees them in a whole sentence.
#[tokio::test]
async fn contact_docs_say_who_sees_them_in_a_whole_sentence() {
    let schema = ketnoi::graphql::builder().finish();
    let response = schema
        .execute(r#"{ __type(name: "Organization") { fields { name description } } }"#)
        .await;
    let data = response.data.into_json().expect("JSON");
    let fields = data["__type"]["fields"].as_array().expect("fields");
    let doc = |name: &str| {
        let text = fields
            .iter()
            .find(|f| f["name"] == name)
            .and_then(|f| f["description"].as_str())
            .unwrap_or_default();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    assert_eq!(
        doc("email"),
        "Contact e-mail address; null unless the viewer owns the profile or is the operator."
    );
    assert_eq!(
        doc("phone"),
        "Contact phone number; null unless the viewer owns the profile or is the operator."
    );
    let sdl = ketnoi::graphql::sdl()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!sdl.contains(", is or "), "a garbled clause is left");
}
