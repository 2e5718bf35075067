//! The publishers' checks, shared by `check-articles` and `publish-articles` (native only): a
//! collection file is checked against the data contract itself (`spec/articles.schema.json`,
//! every problem with its JSON path) and read by the viewer's own loader, which adds the rules a
//! schema cannot say (unique ids).

use crate::data::error::LoadError;
use crate::data::model::Article;
use crate::data::read::{read_collection_with, Problem, Validated};
use serde_json::Value;

const SCHEMA: &str = include_str!("../spec/articles.schema.json");

/// The contract as a JSON Schema validator.
pub fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the bundled schema is JSON");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the bundled schema is a valid JSON Schema")
}

/// Reads a file's text as the viewer does (it drops a leading byte order mark).
pub fn parse(bytes: Vec<u8>) -> Result<Value, String> {
    let text =
        String::from_utf8(bytes).map_err(|_| "the file is not valid UTF-8 text".to_string())?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()).to_string())
}

/// Reads the file at `path` as `parse` does, streaming it: a newsroom's archive is never held
/// both as text and as a document.
pub fn parse_file(path: &std::path::Path) -> Result<Value, String> {
    use std::io::{BufRead, BufReader};
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    // A leading byte order mark, as the viewer drops it.
    if reader
        .fill_buf()
        .map_err(|e| e.to_string())?
        .starts_with(b"\xEF\xBB\xBF")
    {
        reader.consume(3);
    }
    serde_json::from_reader(reader).map_err(|e| {
        let text = e.to_string();
        match e.is_io() {
            true => text,
            false => LoadError::NotJson(text).to_string(),
        }
    })
}

/// What the viewer would make of `doc`, and every problem: the loader's first (they say what to
/// change), then whatever else the schema finds. The articles are kept without their paragraphs,
/// which `doc` holds.
pub fn check(doc: &Value, validator: &jsonschema::Validator) -> Result<Validated, LoadError> {
    let schema_problems: Vec<Problem> = validator
        .iter_errors(doc)
        .map(|e| Problem {
            path: e.instance_path.to_string(),
            message: e.to_string(),
        })
        .collect();
    let mut validated = read_collection_with(doc, Article::without_paragraphs)?;
    for problem in schema_problems {
        if !validated.problems.iter().any(|p| p.path == problem.path) {
            validated.problems.push(problem);
        }
    }
    Ok(validated)
}
