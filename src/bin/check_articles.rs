//! Checks article collection files for publishers: `cargo run --bin check-articles -- PATH...`.
//! A file is checked against the data contract itself (`spec/articles.schema.json`, every problem
//! with its JSON path) and read by the viewer's own loader, which adds the rules a schema cannot
//! say (unique ids). A folder is a published archive (see `publish-articles`): every page along
//! its `older` chain, which must not loop, and every article's `text_url` file, which must hold
//! that article. Exits with status 1 when anything has a problem, 2 when a file cannot be read.

// A native tool: the test build for WebAssembly compiles it to nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use news_viewer::check::{check, parse, validator};
    use news_viewer::data::read::Problem;
    use serde_json::Value;
    use std::collections::HashSet;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    /// A file's articles as the viewer would show them and its problems, or the exit code and
    /// message of a file that cannot be read at all.
    type Outcome = Result<(usize, Vec<Problem>, Value), (u8, String)>;

    pub fn main() -> ExitCode {
        let paths: Vec<String> = std::env::args().skip(1).collect();
        if paths.is_empty() {
            eprintln!("usage: check-articles FILE-OR-FOLDER...");
            return ExitCode::from(2);
        }
        let validator = validator();
        let mut worst = 0;
        for path in &paths {
            let path = Path::new(path);
            let code = match path.is_dir() {
                true => check_folder(path, &validator),
                false => report(path, check_file(path, &validator), false),
            };
            worst = worst.max(code);
        }
        ExitCode::from(worst)
    }

    fn check_file(path: &Path, validator: &jsonschema::Validator) -> Outcome {
        let bytes = std::fs::read(path).map_err(|e| (2, e.to_string()))?;
        let doc = parse(bytes).map_err(|message| (1, message))?;
        let validated = check(&doc, validator).map_err(|e| (1, e.to_string()))?;
        Ok((validated.collection.articles.len(), validated.problems, doc))
    }

    /// Prints what was found in `path` (nothing for a sound file when `quiet`); the exit code.
    fn report(path: &Path, outcome: Outcome, quiet: bool) -> u8 {
        let file = path.display();
        match outcome {
            Err((code, message)) => {
                println!("{file}: {message}");
                code
            }
            Ok((shown, problems, _)) if problems.is_empty() => {
                if !quiet {
                    println!("{file}: ok, {shown} articles");
                }
                0
            }
            Ok((shown, problems, _)) => {
                for problem in &problems {
                    println!("{file}: {problem}");
                }
                println!(
                    "{file}: {} problem(s); {shown} article(s) would be shown",
                    problems.len()
                );
                1
            }
        }
    }

    /// A published folder: its first page, the pages its `older` chain leads to, and the
    /// `text_url` file of every article on them.
    fn check_folder(folder: &Path, validator: &jsonschema::Validator) -> u8 {
        let (mut worst, mut pages, mut texts) = (0, 0, 0);
        let mut seen = HashSet::new();
        let mut next = Some(folder.join("articles.json"));
        while let Some(page) = next.take() {
            if !seen.insert(page.canonicalize().unwrap_or_else(|_| page.clone())) {
                println!(
                    "{}: the \"older\" chain leads back to this page",
                    page.display()
                );
                worst = worst.max(1);
                break;
            }
            pages += 1;
            let outcome = check_file(&page, validator);
            let doc = outcome.as_ref().ok().map(|(_, _, doc)| doc.clone());
            worst = worst.max(report(&page, outcome, false));
            let Some(doc) = doc else { break };
            let base = page.parent().unwrap_or(folder);
            for article in doc["articles"].as_array().into_iter().flatten() {
                let (Some(id), Some(url)) = (article["id"].as_str(), article["text_url"].as_str())
                else {
                    continue;
                };
                if let Some(file) = local(base, url) {
                    texts += 1;
                    worst = worst.max(check_text(&file, id, validator));
                }
            }
            next = doc["older"].as_str().and_then(|url| local(base, url));
        }
        println!(
            "{}: {pages} page(s) and {texts} text file(s) checked",
            folder.display()
        );
        worst
    }

    /// An article's full file: a sound collection that holds the article `id` pointing to it.
    fn check_text(file: &Path, id: &str, validator: &jsonschema::Validator) -> u8 {
        let outcome = check_file(file, validator);
        if let Ok((_, _, doc)) = &outcome {
            let articles = doc["articles"].as_array().into_iter().flatten();
            if !articles.into_iter().any(|a| a["id"] == id) {
                println!(
                    "{}: holds no article \"{id}\", though that article's text_url points here",
                    file.display()
                );
                return 1;
            }
        }
        report(file, outcome, true)
    }

    /// A URL relative to a published folder as a file path; `None` for an absolute URL (a file
    /// served from elsewhere, not checked here).
    fn local(base: &Path, url: &str) -> Option<PathBuf> {
        if url.contains("://") || url.starts_with("//") {
            return None;
        }
        let path = url.split(['?', '#']).next()?;
        Some(base.join(path.trim_start_matches("./")))
    }
}
