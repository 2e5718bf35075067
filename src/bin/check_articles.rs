//! Checks article collection files for publishers: `cargo run --bin check-articles -- PATH...`.
//! A file is checked against the data contract itself (`spec/articles.schema.json`, every problem
//! with its JSON path) and read by the viewer's own loader, which adds the rules a schema cannot
//! say (unique ids). A folder is a published archive (see `publish-articles`): every page along
//! its `older` chain, which must not loop, and every article's `text_url` file, which must hold
//! that article; and a published site's pages and fragments (`*.html`, `embed/*.html`): each
//! page's snapshot is a sound collection holding the article the page is for, and every link
//! from one page to another leads to a file of the folder. Exits with status 1 when anything has
//! a problem, 2 when a file cannot be read.

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
    use news_viewer::prerender::{read_page, PageLinks};
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
        worst.max(check_pages(folder, validator))
    }

    /// A published site's pages and fragments (see the module's documentation); nothing for a
    /// folder without them.
    fn check_pages(folder: &Path, validator: &jsonschema::Validator) -> u8 {
        let (mut worst, mut pages, mut links) = (0, 0, 0);
        for under in ["", "embed/"] {
            let Ok(entries) = std::fs::read_dir(folder.join(under)) else {
                continue;
            };
            let mut names: Vec<String> = entries
                .filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
                .filter(|name| name.ends_with(".html"))
                .collect();
            names.sort();
            for name in names {
                let path = folder.join(under).join(&name);
                let page = std::fs::read_to_string(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|html| read_page(&html));
                let problems = match page {
                    Ok(page) => {
                        pages += 1;
                        links += page.hrefs.len();
                        page_problems(folder, &name, page, validator)
                    }
                    Err(e) => vec![e],
                };
                for problem in &problems {
                    println!("{}: {problem}", path.display());
                    worst = 1;
                }
            }
        }
        if pages > 0 {
            println!(
                "{}: {pages} HTML file(s) and {links} link(s) checked",
                folder.display()
            );
        }
        worst
    }

    /// What is wrong with `page`, the published page or fragment `name` of `folder`: its snapshot,
    /// and its links to other pages (a fragment's resolve against the folder, as its collection's).
    fn page_problems(
        folder: &Path,
        name: &str,
        page: PageLinks,
        validator: &jsonschema::Validator,
    ) -> Vec<String> {
        let mut problems = Vec::new();
        if let Some(json) = page.snapshot {
            match parse(json.into_bytes()).map(|doc| (check(&doc, validator), doc)) {
                Err(e) => problems.push(format!("its snapshot: {e}")),
                Ok((Err(e), _)) => problems.push(format!("its snapshot: {e}")),
                Ok((Ok(validated), doc)) => {
                    let holds = |id: &str| {
                        doc["articles"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .any(|a| a["id"] == id)
                    };
                    problems.extend(
                        validated
                            .problems
                            .iter()
                            .map(|p| format!("its snapshot: {p}")),
                    );
                    if let Some(id) = page.article.filter(|id| !holds(id)) {
                        problems.push(format!("its snapshot does not hold its article \"{id}\""));
                    }
                }
            }
        }
        // The site's address, from the page's canonical link: links to it are links to the folder.
        let site = page
            .canonical
            .as_deref()
            .map(|c| c.strip_suffix(name).unwrap_or(c));
        for href in page.hrefs {
            let (target, to_site) = match site.and_then(|site| href.strip_prefix(site)) {
                Some(rest) => (rest, true),
                None if href.contains(':') || href.starts_with('/') => continue,
                None => (href.as_str(), false),
            };
            let file = match target.split(['?', '#']).next().unwrap_or_default() {
                "" if to_site => "index.html",
                file => file,
            };
            if file.ends_with(".html") && !folder.join(file).is_file() {
                problems.push(format!("links to {href}, which is not in the folder"));
            }
        }
        problems
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
