//! Checks article collection files with the viewer's own validator, for publishers:
//! `cargo run --bin check-articles -- FILE...`. Prints every problem with its JSON path and exits
//! with status 1 when any file has one (2 when a file cannot be read).

use news_viewer::error::LoadError;
use news_viewer::validate::parse_collection;
use std::process::ExitCode;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: check-articles FILE...");
        return ExitCode::from(2);
    }
    let mut worst = 0;
    for file in &files {
        let outcome = std::fs::read(file)
            .map_err(|e| (2, e.to_string()))
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|_| (1, LoadError::NotUtf8.to_string()))
            })
            .and_then(|text| parse_collection(&text).map_err(|e| (1, e.to_string())));
        match outcome {
            Err((code, message)) => {
                println!("{file}: {message}");
                worst = worst.max(code);
            }
            Ok(validated) if validated.problems.is_empty() => {
                println!(
                    "{file}: ok, {} articles",
                    validated.collection.articles.len()
                );
            }
            Ok(validated) => {
                for problem in &validated.problems {
                    println!("{file}: {problem}");
                }
                println!(
                    "{file}: {} problem(s); {} article(s) would be shown, {} skipped",
                    validated.problems.len(),
                    validated.collection.articles.len(),
                    validated.skipped_articles().len()
                );
                worst = worst.max(1);
            }
        }
    }
    ExitCode::from(worst)
}
