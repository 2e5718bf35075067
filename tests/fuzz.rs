//! Property tests over loading and validation: whatever text or JSON a publisher serves, the
//! loader returns a collection or a clear error (no panic, no hang), what it accepts keeps the
//! model's invariants, and it agrees with the JSON Schema on which articles are valid.
//! The test command runs a bounded number of cases; maintainers run longer with
//! `PROPTEST_CASES=200000 cargo test --release --test fuzz`.
#![cfg(not(target_arch = "wasm32"))]

use news_viewer::data::read::parse_collection;
use news_viewer::data::rules::is_allowed_url;
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::collections::HashSet;

/// Keys and values the contract knows, so generated documents reach deep into validation.
const KEYS: &[&str] = &[
    "schema",
    "articles",
    "generated",
    "default_language",
    "id",
    "published",
    "source",
    "name",
    "url",
    "category",
    "image",
    "src",
    "width",
    "height",
    "translations",
    "fr",
    "en",
    "ar",
    "title",
    "summary",
    "body",
    "source_url",
    "image_alt",
    "image_caption",
    "x",
];
const STRINGS: &[&str] = &[
    "",
    "a",
    "fr",
    "FR",
    "article-1",
    "2024-02-29",
    "2023-02-29",
    "2024-05-15T08:00:00Z",
    "https://x.ma/a",
    " javascript:alert(1)",
    "java\nscript:x",
    "data:text/html,x",
    "img/a.jpg",
    "<script>alert(1)</script>",
    "\u{202E}x",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..600).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop::sample::select(STRINGS).prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 200, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|pairs| {
                Value::Object(
                    pairs
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// Text made of JSON's own characters, so that most cases get deep into the reader.
const JSON_ALPHABET: &str = "[\\[\\]{}\",:0-9a-z \\\\./+E\n-]{0,300}";

/// A document shaped like a collection, with arbitrary articles.
fn collection() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(json_value(), 0..12),
        prop_oneof![Just(Value::from(1)), json_value()],
    )
        .prop_map(
            |(articles, schema)| serde_json::json!({ "schema": schema, "articles": articles }),
        )
}

fn schema() -> jsonschema::Validator {
    let text = include_str!("../spec/articles.schema.json");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&serde_json::from_str(text).unwrap())
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_loads_or_fails_cleanly(text in ".{0,300}") {
        let _ = parse_collection(&text);
    }

    #[test]
    fn any_bytes_of_json_punctuation_load_or_fail_cleanly(text in JSON_ALPHABET) {
        let _ = parse_collection(&text);
    }

    #[test]
    fn the_loader_and_the_schema_agree_on_each_article(doc in collection()) {
        let schema = schema();
        if let Ok(validated) = parse_collection(&doc.to_string()) {
            let skipped: HashSet<usize> = validated.skipped.iter().map(|s| s.position).collect();
            for (position, article) in doc["articles"].as_array().unwrap().iter().enumerate() {
                let alone = serde_json::json!({"schema": 1, "articles": [article]});
                // A repeated id is the loader's rule alone: a schema cannot say it.
                let repeated = validated.skipped.iter().any(|s| s.position == position && s.problem.message.starts_with("duplicate id"));
                if !repeated {
                    prop_assert_eq!(schema.is_valid(&alone), !skipped.contains(&position), "{}", article);
                }
            }
        }
    }

    #[test]
    fn accepted_articles_keep_the_model_invariants(doc in collection()) {
        if let Ok(validated) = parse_collection(&doc.to_string()) {
            let mut ids = HashSet::new();
            for article in &validated.collection.articles {
                prop_assert!(ids.insert(article.id.clone()), "duplicate id accepted");
                prop_assert!(article.translations.iter().next().is_some());
                for (_, t) in article.translations.iter() {
                    prop_assert!(!t.title.is_empty());
                    prop_assert!(t.source_url.as_deref().is_none_or(is_allowed_url));
                }
                prop_assert!(article.source.as_ref().and_then(|s| s.url.as_deref()).is_none_or(is_allowed_url));
                prop_assert!(article.image.as_ref().is_none_or(|i| is_allowed_url(&i.src)));
            }
            // Every article is either accepted or reported.
            let total = doc["articles"].as_array().map_or(0, Vec::len);
            prop_assert_eq!(validated.collection.articles.len() + validated.skipped.len(), total);
        }
    }

    #[test]
    fn url_check_never_allows_a_script_scheme(
        prefix in "[ \\t\\n\\u{0}\\u{A0}]{0,3}",
        scheme in prop::sample::select(&["javascript", "data", "vbscript", "file", "blob"][..]),
        upper in prop::collection::vec(any::<bool>(), 10),
        rest in ".{0,20}",
    ) {
        // Any ASCII casing: browsers match schemes case-insensitively.
        let scheme: String = scheme.chars().zip(upper.iter().cycle()).map(|(c, up)| if *up { c.to_ascii_uppercase() } else { c }).collect();
        let url = format!("{prefix}{scheme}:{rest}");
        prop_assert!(!is_allowed_url(&url), "{:?} was allowed", url);
    }
}

#[test]
fn deeply_nested_json_is_read_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    // An article nested deep is left out, the others are read.
    let text = format!(
        "{{\"schema\": 1, \"articles\": [{deep}, {{\"id\": \"a\", \"x\": {deep}, \"translations\": {{\"fr\": {{\"title\": \"A\"}}}}}}]}}"
    );
    let read = parse_collection(&text).unwrap();
    assert_eq!(read.skipped.len(), 1);
    assert_eq!(read.collection.articles.len(), 1);
    // Nested deep in the file's own keys, and cut short there.
    let text = format!("{{\"schema\": 1, \"x\": {deep}, \"articles\": []}}");
    assert!(parse_collection(&text)
        .unwrap()
        .collection
        .articles
        .is_empty());
    assert!(parse_collection(&text[..150_000]).is_err());
}
