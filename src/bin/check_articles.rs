//! Checks article collection files for publishers: `cargo run --bin check-articles -- FILE...`.
//! Each file is checked against the data contract itself (`spec/articles.schema.json`, every
//! problem with its JSON path) and read by the viewer's own loader, which adds the rules a
//! schema cannot say (unique ids). Exits with status 1 when any file has a problem, 2 when a
//! file cannot be read.

// A native tool: the test build for WebAssembly compiles it to nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use news_viewer::data::error::LoadError;
    use news_viewer::data::read::{read_collection, Problem};
    use serde_json::Value;
    use std::process::ExitCode;

    const SCHEMA: &str = include_str!("../../spec/articles.schema.json");

    pub fn main() -> ExitCode {
        let files: Vec<String> = std::env::args().skip(1).collect();
        if files.is_empty() {
            eprintln!("usage: check-articles FILE...");
            return ExitCode::from(2);
        }
        let schema: Value = serde_json::from_str(SCHEMA).expect("the bundled schema is JSON");
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&schema)
            .expect("the bundled schema is a valid JSON Schema");
        let mut worst = 0;
        for file in &files {
            let code = match check(file, &validator) {
                Err((code, message)) => {
                    println!("{file}: {message}");
                    code
                }
                Ok((shown, problems)) if problems.is_empty() => {
                    println!("{file}: ok, {shown} articles");
                    0
                }
                Ok((shown, problems)) => {
                    for problem in &problems {
                        println!("{file}: {problem}");
                    }
                    println!(
                        "{file}: {} problem(s); {shown} article(s) would be shown",
                        problems.len()
                    );
                    1
                }
            };
            worst = worst.max(code);
        }
        ExitCode::from(worst)
    }

    /// The number of articles the viewer would show and every problem; or the exit code and message
    /// of a file that cannot be read at all.
    fn check(
        file: &str,
        validator: &jsonschema::Validator,
    ) -> Result<(usize, Vec<Problem>), (u8, String)> {
        let bytes = std::fs::read(file).map_err(|e| (2, e.to_string()))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| (1, "the file is not valid UTF-8 text".to_string()))?;
        // Browsers drop a leading byte order mark before parsing (`Response.json()`): so do we.
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        let doc: Value = serde_json::from_str(text)
            .map_err(|e| (1, LoadError::NotJson(e.to_string()).to_string()))?;
        let schema_problems: Vec<Problem> = validator
            .iter_errors(&doc)
            .map(|e| Problem {
                path: e.instance_path.to_string(),
                message: e.to_string(),
            })
            .collect();
        let validated = read_collection(doc).map_err(|e| (1, e.to_string()))?;
        // The loader's messages first (they say what to change, and cover what a schema cannot say,
        // such as unique ids), then whatever else the schema finds.
        let mut problems = validated.problems;
        for problem in schema_problems {
            if !problems.iter().any(|p| p.path == problem.path) {
                problems.push(problem);
            }
        }
        Ok((validated.collection.articles.len(), problems))
    }
}
