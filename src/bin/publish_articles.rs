//! Publishes a collection as an archive any static host can serve:
//! `cargo run --release --bin publish-articles -- [--site SITE-DIR] [--base-url URL]
//! [--page-size N] COLLECTION.json OUT-DIR`.
//!
//! It checks the collection with the rules of `check-articles` and refuses the whole run, listing
//! every problem, if anything is invalid. Then it writes, newest first:
//! - `articles.json`: the newest N articles (default 500), each with its headline, summary, date,
//!   source and image, and a `text_url` when it has a text; the page carries `article_url` and
//!   `older`;
//! - `older-1.json`, `older-2.json`, …: the older pages, chained by `older`;
//! - `text/<id>.json`: each article's full file, a collection holding that article alone;
//! - given `--site`, a built site (`make build`'s `dist`): the pages of every article and
//!   edition (see `news_viewer::prerender`), made from its `template.html`, with the site's own
//!   files (the app, its styles, icons) copied beside them unless OUT-DIR is the site itself;
//!   given `--base-url`, the site's public address, their canonical and `hreflang` links and
//!   `sitemap.xml` (an index of `sitemap-N.xml` past 50,000 pages).
//!
//! Relative URLs resolve against the file that holds them, so a text file's (one folder down)
//! gain a `../`. The same input gives byte-identical files. Files of an earlier run that this one does not
//! write (older pages, texts, article pages, lists) are removed.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use news_viewer::check::{check, parse_file, validator};
    use news_viewer::prerender::{
        publish_pages, site_address, write_if_changed, write_page, Site, TEMPLATE,
    };
    use news_viewer::routing::parse_location;
    use serde_json::{json, Map, Value};
    use std::collections::HashMap;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::time::Instant;

    const USAGE: &str = "usage: publish-articles [--site SITE-DIR] [--base-url URL] [--page-size N] COLLECTION.json OUT-DIR";

    /// What the command line asks for.
    struct Options {
        page_size: usize,
        site: Option<PathBuf>,
        base_url: Option<String>,
        input: PathBuf,
        out: PathBuf,
    }

    fn options(args: &[String]) -> Option<Options> {
        let mut options = Options {
            page_size: 500,
            site: None,
            base_url: None,
            input: PathBuf::new(),
            out: PathBuf::new(),
        };
        let mut paths = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--page-size" => {
                    options.page_size = args.next()?.parse().ok().filter(|&n| n > 0)?;
                }
                "--site" => options.site = Some(PathBuf::from(args.next()?)),
                "--base-url" => options.base_url = Some(args.next()?.clone()),
                flag if flag.starts_with("--") => return None,
                path => paths.push(PathBuf::from(path)),
            }
        }
        let [input, out] = <[PathBuf; 2]>::try_from(paths).ok()?;
        (options.input, options.out) = (input, out);
        Some(options)
    }
    /// Where an article's full file goes, relative to the pages.
    const ARTICLE_URL: &str = "text/{id}.json";

    pub fn main() -> ExitCode {
        let started = Instant::now();
        let args: Vec<String> = std::env::args().skip(1).collect();
        let Some(options) = options(&args) else {
            return usage();
        };
        let (input, out) = (options.input.display(), options.out.display());
        match publish(&options) {
            Ok(tally) => {
                println!(
                    "{out}: {} files written ({} bytes), {} kept as they were, {} removed, in {:.1} s",
                    tally.written,
                    tally.bytes,
                    tally.kept,
                    tally.removed,
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

    /// Writes the archive of `options.input` into `options.out`, with its pages given a site:
    /// what it did (see `Tally`), or every reason not to.
    fn publish(options: &Options) -> Result<Tally, Vec<String>> {
        let (out, page_size) = (&options.out, options.page_size);
        let (base_url, template) = site_inputs(options)?;
        let (head, ordered) = read_checked(&options.input)?;
        let in_out = |e: std::io::Error| vec![format!("{}: {e}", out.display())];
        let mut tally = Tally::default();
        let first = data_files(&head, &ordered, page_size, &mut |name, text| {
            let written = write_if_changed(&out.join(name), text.as_bytes()).map_err(in_out)?;
            tally.add(name, text.len(), written);
            Ok(())
        })?;
        if let (Some(template), Some(site)) = (&template, &options.site) {
            copy_site(site, out, &mut tally).map_err(in_out)?;
            site_pages(out, template, base_url, ordered, &first, &mut tally)?;
        }
        remove_stale(out, &mut tally, options.site.is_some()).map_err(in_out)?;
        Ok(tally)
    }

    /// The collection at `input`, checked: the file's own keys besides its articles
    /// (`default_language`, `generated`, the publisher's), and its articles newest first, as the
    /// viewer orders them, each as the publisher wrote it (taken out of the document: an archive
    /// is not held twice).
    fn read_checked(input: &Path) -> Result<(Map<String, Value>, Vec<Value>), Vec<String>> {
        let mut doc = parse_file(input).map_err(|e| vec![e])?;
        let validated = check(&doc, &validator()).map_err(|e| vec![e.to_string()])?;
        if !validated.problems.is_empty() {
            return Err(validated.problems.iter().map(|p| p.to_string()).collect());
        }
        let collection = &validated.collection;
        let order: Vec<String> = collection
            .order()
            .iter()
            .map(|&i| collection.articles[i].id.to_string())
            .collect();
        drop(validated);
        let mut by_id: HashMap<String, Value> = match doc["articles"].take() {
            Value::Array(articles) => articles
                .into_iter()
                .filter_map(|a| Some((a["id"].as_str()?.to_string(), a)))
                .collect(),
            _ => HashMap::new(),
        };
        let ordered = order.iter().filter_map(|id| by_id.remove(id)).collect();
        let mut head = doc.as_object().cloned().unwrap_or_default();
        for key in ["articles", "article_url", "older", "schema"] {
            head.remove(key);
        }
        Ok((head, ordered))
    }

    /// Writes (through `write`) the data files of `ordered` in pages of `page_size`, with the
    /// file's own keys `head`: `articles.json`, `older-N.json` and each article's `text/<id>.json`.
    /// The first page's text.
    fn data_files(
        head: &Map<String, Value>,
        ordered: &[Value],
        page_size: usize,
        write: &mut dyn FnMut(&str, &str) -> Result<(), Vec<String>>,
    ) -> Result<String, Vec<String>> {
        let file = |articles: Vec<Value>, older: Option<String>, archive: bool| {
            let mut file = head.clone();
            file.insert("schema".into(), json!(1));
            if archive {
                file.insert("article_url".into(), json!(ARTICLE_URL));
            }
            if let Some(older) = older {
                file.insert("older".into(), json!(older));
            }
            file.insert("articles".into(), Value::Array(articles));
            Value::Object(file).to_string()
        };
        let page_name = |k: usize| match k {
            0 => "articles.json".to_string(),
            k => format!("older-{k}.json"),
        };
        let pages: Vec<&[Value]> = ordered.chunks(page_size).collect();
        let mut first = file(Vec::new(), None, false);
        for (k, page) in pages.iter().enumerate() {
            let mut entries = Vec::with_capacity(page.len());
            for article in page.iter() {
                let id = article["id"].as_str().unwrap_or_default();
                let text = file(vec![from_text_folder(article)], None, false);
                write(&format!("text/{id}.json"), &text)?;
                entries.push(headline_entry(article, id));
            }
            let older = (k + 1 < pages.len()).then(|| page_name(k + 1));
            let text = file(entries, older, true);
            write(&page_name(k), &text)?;
            if k == 0 {
                first = text;
            }
        }
        if pages.is_empty() {
            write(&page_name(0), &first)?;
        }
        Ok(first)
    }

    /// What a publish did to the folder.
    #[derive(Default)]
    pub struct Tally {
        /// The files this publish makes, by name under the folder.
        names: std::collections::HashSet<String>,
        written: usize,
        kept: usize,
        removed: usize,
        bytes: u64,
    }

    impl Tally {
        fn add(&mut self, name: &str, bytes: usize, written: bool) {
            self.names.insert(name.to_string());
            match written {
                true => (self.written, self.bytes) = (self.written + 1, self.bytes + bytes as u64),
                false => self.kept += 1,
            }
        }
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

    /// Removes what an earlier publish wrote into `out` and this one did not: texts, older pages,
    /// and given a site (`pages`), article pages, lists, fragments and the sitemap.
    fn remove_stale(out: &Path, tally: &mut Tally, pages: bool) -> std::io::Result<()> {
        let ours = |name: &str| {
            let (folder, file) = name.split_once('/').unwrap_or(("", name));
            let page = file.starts_with("headlines-") || parse_location(file, "").0.is_some();
            match folder {
                "text" => file.ends_with(".json"),
                "embed" => pages && file.ends_with(".html"),
                _ => {
                    (file.starts_with("older-") && file.ends_with(".json"))
                        || (pages && file.starts_with("sitemap") && file.ends_with(".xml"))
                        || (pages && file.ends_with(".html") && page)
                }
            }
        };
        for folder in ["", "text/", "embed/"] {
            let Ok(entries) = std::fs::read_dir(out.join(folder)) else {
                continue;
            };
            for entry in entries {
                let name = format!("{folder}{}", entry?.file_name().to_string_lossy());
                if ours(&name) && !tally.names.contains(&name) {
                    std::fs::remove_file(out.join(&name))?;
                    tally.removed += 1;
                }
            }
        }
        Ok(())
    }

    /// The site's address and the built site's template, as the options give them.
    fn site_inputs(options: &Options) -> Result<(Option<String>, Option<String>), Vec<String>> {
        let base_url = match &options.base_url {
            Some(url) => Some(site_address(url).map_err(|e| vec![e])?),
            None => None,
        };
        let template = match &options.site {
            Some(site) => Some(std::fs::read_to_string(site.join(TEMPLATE)).map_err(|e| {
                let path = site.join(TEMPLATE);
                vec![format!(
                    "{}: not a built site ({e}); `make build` makes one",
                    path.display()
                )]
            })?),
            None => None,
        };
        Ok((base_url, template))
    }

    /// Writes into `out` (which holds the site's files) the pages of every article of `articles`
    /// (the publisher's, with their texts) and of `first`, the first page's file, made from the
    /// built site's `template`, those that changed only (see `Tally`).
    fn site_pages(
        out: &Path,
        template: &str,
        base_url: Option<String>,
        articles: Vec<Value>,
        first: &str,
        tally: &mut Tally,
    ) -> Result<(), Vec<String>> {
        let doc: Value = serde_json::from_str(first).map_err(|e| vec![e.to_string()])?;
        let mut site = Site {
            template,
            doc,
            articles,
            base_url,
        };
        publish_pages(&mut site, &mut |name, page| {
            let (bytes, written) = write_page(out, name, page)?;
            tally.add(name, bytes, written);
            Ok(())
        })
        .map_err(|e| vec![e])?;
        Ok(())
    }

    /// Copies the site's own files (the app, its styles, scripts and icons: all but its pages
    /// and data) into `out`, unless `out` is the site.
    fn copy_site(site: &Path, out: &Path, tally: &mut Tally) -> std::io::Result<()> {
        std::fs::create_dir_all(out)?;
        if std::fs::canonicalize(site)? == std::fs::canonicalize(out)? {
            return Ok(());
        }
        copy_tree(site, out, "", tally)
    }

    /// Copies the app's files of site folder `from` (`under` the site's root) into `to`, those
    /// that changed only: not the published pages and data, which the publish makes.
    fn copy_tree(from: &Path, to: &Path, under: &str, tally: &mut Tally) -> std::io::Result<()> {
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            let name = format!("{under}{}", entry.file_name().to_string_lossy());
            let app = match name.rsplit_once('.').map_or("", |(_, end)| end) {
                "json" | "xml" => false,
                "html" => ["embed.html", TEMPLATE].contains(&name.as_str()),
                _ => true,
            };
            if entry.file_type()?.is_dir() {
                if name == "snippets" || under.starts_with("snippets") {
                    copy_tree(&entry.path(), to, &format!("{name}/"), tally)?;
                }
            } else if app {
                let bytes = std::fs::read(entry.path())?;
                let written = write_if_changed(&to.join(&name), &bytes)?;
                tally.add(&name, bytes.len(), written);
            }
        }
        Ok(())
    }
}
