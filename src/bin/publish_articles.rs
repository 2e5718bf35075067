//! Publishes a collection as an archive any static host can serve:
//! `cargo run --release --bin publish-articles -- [--page-size N] COLLECTION.json OUT-DIR`.
//!
//! It checks the collection with the rules of `check-articles` and refuses the whole run, listing
//! every problem, if anything is invalid. Then it writes, newest first:
//! - `articles.json`: the newest N articles (default 500), each with its headline, summary, date,
//!   source and image, and a `text_url` when it has a text; the page carries `article_url` and
//!   `older`;
//! - `older-1.json`, `older-2.json`, …: the older pages, chained by `older`;
//! - `text/<id>.json`: each article's full file, a collection holding that article alone.
//!
//! Relative URLs resolve against the file that holds them, so a text file's (one folder down)
//! gain a `../`. The same input gives byte-identical files. Files of an earlier run that this one does not
//! write (older pages, texts) are removed.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use news_viewer::check::{check, parse, validator};
    use serde_json::{json, Map, Value};
    use std::path::Path;
    use std::process::ExitCode;
    use std::time::Instant;

    const USAGE: &str = "usage: publish-articles [--page-size N] COLLECTION.json OUT-DIR";
    /// Where an article's full file goes, relative to the pages.
    const ARTICLE_URL: &str = "text/{id}.json";

    pub fn main() -> ExitCode {
        let started = Instant::now();
        let args: Vec<String> = std::env::args().skip(1).collect();
        let (page_size, input, out) = match args.as_slice() {
            [flag, n, input, out] if flag == "--page-size" => match n.parse::<usize>() {
                Ok(n) if n > 0 => (n, input, out),
                _ => return usage(),
            },
            [input, out] => (500, input, out),
            _ => return usage(),
        };
        match publish(Path::new(input), Path::new(out), page_size) {
            Ok((files, bytes)) => {
                println!(
                    "{out}: {files} files, {bytes} bytes written in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
                ExitCode::SUCCESS
            }
            Err(lines) => {
                for line in lines {
                    println!("{input}: {line}");
                }
                println!("{input}: nothing published");
                ExitCode::from(1)
            }
        }
    }

    fn usage() -> ExitCode {
        eprintln!("{USAGE}");
        ExitCode::from(2)
    }

    /// Writes the archive of `input` into `out`: the number of files and bytes written, or every
    /// reason not to.
    fn publish(input: &Path, out: &Path, page_size: usize) -> Result<(usize, u64), Vec<String>> {
        let bytes = std::fs::read(input).map_err(|e| vec![e.to_string()])?;
        let doc = parse(bytes).map_err(|e| vec![e])?;
        let validated = check(&doc, &validator()).map_err(|e| vec![e.to_string()])?;
        if !validated.problems.is_empty() {
            return Err(validated.problems.iter().map(|p| p.to_string()).collect());
        }
        // Newest first, as the viewer orders them; the JSON of each, as the publisher wrote it.
        let collection = &validated.collection;
        let by_id: Map<String, Value> = doc["articles"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| Some((a["id"].as_str()?.to_string(), a.clone())))
            .collect();
        let ordered: Vec<&Value> = collection
            .order()
            .iter()
            .filter_map(|&i| by_id.get(&*collection.articles[i].id))
            .collect();

        // The page's own keys besides the articles (default_language, generated, the publisher's).
        let mut head = doc.as_object().cloned().unwrap_or_default();
        for key in ["articles", "article_url", "older", "schema"] {
            head.remove(key);
        }
        let mut files: Vec<(String, String)> = Vec::new();
        let pages: Vec<&[&Value]> = ordered.chunks(page_size).collect();
        let page_name = |k: usize| match k {
            0 => "articles.json".to_string(),
            k => format!("older-{k}.json"),
        };
        for (k, page) in pages.iter().enumerate() {
            let mut entries = Vec::with_capacity(page.len());
            for article in page.iter() {
                let id = article["id"].as_str().unwrap_or_default();
                let mut full = head.clone();
                full.insert("schema".into(), json!(1));
                full.insert("articles".into(), json!([from_text_folder(article)]));
                files.push((format!("text/{id}.json"), Value::Object(full).to_string()));
                entries.push(headline_entry(article, id));
            }
            let mut file = head.clone();
            file.insert("schema".into(), json!(1));
            file.insert("article_url".into(), json!(ARTICLE_URL));
            if k + 1 < pages.len() {
                file.insert("older".into(), json!(page_name(k + 1)));
            }
            file.insert("articles".into(), Value::Array(entries));
            files.push((page_name(k), Value::Object(file).to_string()));
        }
        if pages.is_empty() {
            let mut file = head.clone();
            file.insert("schema".into(), json!(1));
            file.insert("articles".into(), json!([]));
            files.push((page_name(0), Value::Object(file).to_string()));
        }
        write(out, &files).map_err(|e| vec![format!("{}: {e}", out.display())])
    }

    /// An article as a page lists it: everything but its paragraphs, which its full file holds
    /// (`text_url`); a headline-only article is listed whole.
    fn headline_entry(article: &Value, id: &str) -> Value {
        let mut entry = article.clone();
        let mut had_text = false;
        if let Some(translations) = entry["translations"].as_object_mut() {
            for translation in translations.values_mut().filter_map(Value::as_object_mut) {
                had_text |= translation
                    .remove("body")
                    .and_then(|b| b.as_array().map(|b| !b.is_empty()))
                    .unwrap_or(false);
            }
        }
        if had_text {
            entry["text_url"] = json!(ARTICLE_URL.replace("{id}", id));
        }
        entry
    }

    /// `article` as its full file in `text/` holds it: its relative URLs, which resolve against
    /// the file that holds them, one folder up, so that they still lead where they did.
    fn from_text_folder(article: &Value) -> Value {
        let mut article = article.clone();
        let relative = |url: &str| {
            let lower = url.trim_start().to_ascii_lowercase();
            !(lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with('/'))
        };
        let mut urls: Vec<&mut Value> = Vec::new();
        let Value::Object(fields) = &mut article else {
            return article;
        };
        for (key, value) in fields.iter_mut() {
            match key.as_str() {
                "image" | "source" => {
                    urls.extend(value.get_mut(if key == "image" { "src" } else { "url" }))
                }
                "translations" => {
                    for t in value
                        .as_object_mut()
                        .into_iter()
                        .flat_map(|t| t.values_mut())
                    {
                        urls.extend(t.get_mut("source_url"));
                    }
                }
                _ => {}
            }
        }
        for url in urls {
            if let Some(text) = url.as_str().filter(|u| relative(u)) {
                *url = json!(format!("../{}", text.trim_start()));
            }
        }
        article
    }

    /// Writes `files` under `out`, after removing what an earlier run wrote there.
    fn write(out: &Path, files: &[(String, String)]) -> std::io::Result<(usize, u64)> {
        std::fs::create_dir_all(out.join("text"))?;
        std::fs::remove_dir_all(out.join("text"))?;
        std::fs::create_dir_all(out.join("text"))?;
        for entry in std::fs::read_dir(out)? {
            let name = entry?.file_name().to_string_lossy().to_string();
            if name.starts_with("older-") && name.ends_with(".json") {
                std::fs::remove_file(out.join(name))?;
            }
        }
        let mut bytes = 0;
        for (name, text) in files {
            std::fs::write(out.join(name), text)?;
            bytes += text.len() as u64;
        }
        Ok((files.len(), bytes))
    }
}
