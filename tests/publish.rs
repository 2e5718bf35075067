//! The publishing tool and the checker's folder mode, run as commands.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

fn run(bin: &str, args: &[&str]) -> (i32, String) {
    let out = Command::new(bin)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn publish(args: &[&str]) -> (i32, String) {
    run(env!("CARGO_BIN_EXE_publish-articles"), args)
}

fn check(path: &Path) -> (i32, String) {
    run(
        env!("CARGO_BIN_EXE_check-articles"),
        &[path.to_str().unwrap()],
    )
}

/// A fresh folder for one test's output.
fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_bundled_collection_publishes_as_pages_and_texts_that_the_checker_accepts() {
    let out = out_dir("published");
    let (status, said) = publish(&[
        "--page-size",
        "10",
        "public/articles.json",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{said}");
    assert!(said.contains("51 files"), "{said}");

    let first = read(&out.join("articles.json"));
    assert_eq!(first["article_url"], "text/{id}.json");
    assert_eq!(first["older"], "older-1.json");
    assert_eq!(first["default_language"], "fr");
    let articles = first["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 10);
    let featured = &articles[0];
    assert_eq!(featured["id"], "russie-aide-militaire-chine-new-york-times");
    assert_eq!(
        featured["text_url"],
        "text/russie-aide-militaire-chine-new-york-times.json"
    );
    assert!(
        !first.to_string().contains("\"body\""),
        "pages carry no text"
    );
    let text = read(&out.join("text/russie-aide-militaire-chine-new-york-times.json"));
    assert_eq!(
        text["articles"][0]["translations"]["fr"]["body"]
            .as_array()
            .unwrap()
            .len(),
        11
    );
    let last = read(&out.join("older-4.json"));
    assert_eq!(last["articles"].as_array().unwrap().len(), 6);
    assert!(last.get("older").is_none(), "the chain ends");
    assert_eq!(std::fs::read_dir(out.join("text")).unwrap().count(), 46);

    let (status, said) = check(&out);
    assert_eq!(status, 0, "{said}");
    assert!(
        said.contains("5 page(s) and 1 text file(s) checked"),
        "{said}"
    );
}

#[test]
fn the_same_input_gives_byte_identical_files() {
    let (a, b) = (out_dir("same-a"), out_dir("same-b"));
    for dir in [&a, &b] {
        assert_eq!(
            publish(&[
                "--page-size",
                "7",
                "public/articles.json",
                dir.to_str().unwrap()
            ])
            .0,
            0
        );
    }
    let files = |dir: &Path| {
        let mut names: Vec<PathBuf> = ["", "text"]
            .iter()
            .flat_map(|sub| std::fs::read_dir(dir.join(sub)).unwrap())
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .map(|p| p.strip_prefix(dir).unwrap().to_path_buf())
            .collect();
        names.sort();
        names
    };
    assert_eq!(files(&a), files(&b));
    for name in files(&a) {
        assert_eq!(
            std::fs::read(a.join(&name)).unwrap(),
            std::fs::read(b.join(&name)).unwrap(),
            "{name:?}"
        );
    }
}

#[test]
fn an_invalid_collection_is_refused_whole_with_every_problem() {
    let out = out_dir("refused");
    let (status, said) = publish(&[
        "tests/samples/invalid/javascript-url.json",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 1);
    assert!(
        said.contains("/articles/0/source/url: must be an http(s) URL"),
        "{said}"
    );
    assert!(said.contains("nothing published"), "{said}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn the_checker_finds_a_looping_chain_and_a_text_file_of_another_article() {
    let out = out_dir("faulty");
    assert_eq!(
        publish(&[
            "--page-size",
            "20",
            "public/articles.json",
            out.to_str().unwrap()
        ])
        .0,
        0
    );
    let last = out.join("older-2.json");
    let mut page = read(&last);
    page["older"] = "articles.json".into();
    std::fs::write(&last, page.to_string()).unwrap();
    let text = out.join("text/russie-aide-militaire-chine-new-york-times.json");
    let mut file = read(&text);
    file["articles"][0]["id"] = "another-article".into();
    std::fs::write(&text, file.to_string()).unwrap();

    let (status, said) = check(&out);
    assert_eq!(status, 1, "{said}");
    assert!(
        said.contains("articles.json: the \"older\" chain leads back to this page"),
        "{said}"
    );
    assert!(
        said.contains("holds no article \"russie-aide-militaire-chine-new-york-times\""),
        "{said}"
    );
}

#[test]
fn relative_urls_in_text_files_still_lead_where_they_did() {
    let out = out_dir("relative");
    let input = Path::new(env!("CARGO_TARGET_TMPDIR")).join("relative.json");
    std::fs::write(
        &input,
        r#"{"schema": 1, "articles": [{"id": "a", "image": {"src": "img/a.jpg"},
        "source": {"name": "S", "url": "https://example.com/a"},
        "translations": {"fr": {"title": "T", "body": ["Texte."], "source_url": "/fr/a"},
                         "en": {"title": "T", "body": ["Text."], "source_url": "en/a.html"}}}]}"#,
    )
    .unwrap();
    let (status, said) = publish(&[input.to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(status, 0, "{said}");
    let page = read(&out.join("articles.json"));
    assert_eq!(page["articles"][0]["image"]["src"], "img/a.jpg");
    let text = read(&out.join("text/a.json"));
    let article = &text["articles"][0];
    assert_eq!(article["image"]["src"], "../img/a.jpg");
    assert_eq!(article["source"]["url"], "https://example.com/a");
    assert_eq!(article["translations"]["fr"]["source_url"], "/fr/a");
    assert_eq!(article["translations"]["en"]["source_url"], "../en/a.html");
}

/// A built site as `make build` leaves it, reduced to what publishing reads: its template and
/// its stylesheets.
fn site_dir(name: &str) -> PathBuf {
    let dir = out_dir(name);
    std::fs::create_dir_all(&dir).unwrap();
    let template = "<!doctype html><html lang=fr dir=ltr><meta charset=utf-8><title>Actualités</title>\
        <link href=viewer.css rel=stylesheet><body><main><div data-article-viewer data-standalone></div></main></body></html>";
    std::fs::write(dir.join("template.html"), template).unwrap();
    std::fs::write(dir.join("viewer.css"), ".nv{display:block}").unwrap();
    dir
}

/// Every file under `dir`, by name, with its bytes.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            match path.is_dir() {
                true => folders.push(path),
                false => files.push((
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&path).unwrap(),
                )),
            }
        }
    }
    files.sort();
    files
}

#[test]
fn a_site_published_again_writes_only_what_changed_and_removes_what_left() {
    let site = site_dir("incremental-site");
    let out = out_dir("incremental");
    let args = |input: &str, out: &Path| {
        let (status, said) = publish(&[
            "--site",
            site.to_str().unwrap(),
            input,
            out.to_str().unwrap(),
        ]);
        assert_eq!(status, 0, "{said}");
        said
    };
    let first = args("public/articles.json", &out);
    assert!(first.contains("0 kept as they were, 0 removed"), "{first}");
    let kept = out.join("text/russie-aide-militaire-chine-new-york-times.json");
    let when = std::fs::metadata(&kept).unwrap().modified().unwrap();
    let again = args("public/articles.json", &out);
    assert!(again.contains(": 0 files written (0 bytes),"), "{again}");

    // A new dispatch, newer than every article: the pages of the others show their headlines as
    // they stood for them, and stay as they were.
    let mut doc = read(Path::new("public/articles.json"));
    let mut dispatch = doc["articles"][0].clone();
    dispatch["id"] = json!("depeche-du-soir");
    dispatch["published"] = json!("2100-01-01T18:00:00Z");
    doc["articles"].as_array_mut().unwrap().push(dispatch);
    let bigger = out_dir("incremental-dispatch");
    std::fs::create_dir_all(&bigger).unwrap();
    std::fs::write(bigger.join("articles.json"), doc.to_string()).unwrap();
    let article_page = |name: &str| {
        let named = |l: &str| name.ends_with(&format!(".{l}.html"));
        !name.starts_with("headlines-") && ["fr", "en", "ar"].into_iter().any(named)
    };
    let pages_before = tree(&out);
    let said = args(bigger.join("articles.json").to_str().unwrap(), &out);
    let rewritten: Vec<String> = tree(&out)
        .into_iter()
        .filter(|(name, bytes)| !pages_before.contains(&(name.clone(), bytes.clone())))
        .map(|(name, _)| name.display().to_string())
        .filter(|name| article_page(name))
        .filter(|name| !name.contains("depeche-du-soir"))
        .collect();
    assert!(rewritten.is_empty(), "{said}: {rewritten:?}");
    assert!(out.join("depeche-du-soir.fr.html").exists());
    let fresh = out_dir("incremental-dispatch-fresh");
    args(bigger.join("articles.json").to_str().unwrap(), &fresh);
    assert_eq!(
        tree(&out),
        tree(&fresh),
        "as a publish into an empty folder"
    );

    // An article leaves the collection: its text, pages and fragments go, and nothing links it.
    let mut doc = read(Path::new("public/articles.json"));
    let left = doc["articles"].as_array_mut().unwrap().remove(3);
    let id = left["id"].as_str().unwrap().to_string();
    let smaller = out_dir("incremental-input");
    std::fs::create_dir_all(&smaller).unwrap();
    let input = smaller.join("articles.json");
    std::fs::write(&input, doc.to_string()).unwrap();
    let third = args(input.to_str().unwrap(), &out);
    assert!(!third.contains(" 0 removed"), "{third}");
    assert!(!out.join(format!("text/{id}.json")).exists());
    for lang in ["fr", "en", "ar"] {
        assert!(!out.join(format!("{id}.{lang}.html")).exists());
        assert!(!out.join(format!("embed/{id}.{lang}.html")).exists());
    }
    for (name, bytes) in tree(&out) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(&format!("{id}.")),
            "{name:?} links it"
        );
    }
    assert_eq!(
        std::fs::metadata(&kept).unwrap().modified().unwrap(),
        when,
        "an unchanged text keeps its time"
    );
    // The same files as a publish of the new collection into an empty folder.
    let fresh = out_dir("incremental-fresh");
    args(input.to_str().unwrap(), &fresh);
    assert_eq!(tree(&out), tree(&fresh));
}

#[test]
fn the_checker_reads_a_published_site_s_pages_and_their_links() {
    let site = site_dir("checked-site");
    let out = out_dir("checked");
    let (status, said) = publish(&[
        "--site",
        site.to_str().unwrap(),
        "--base-url",
        "https://news.example/",
        "public/articles.json",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{said}");
    let (status, said) = check(&out);
    assert_eq!(status, 0, "{said}");
    assert!(said.contains("HTML file(s)"), "{said}");

    // A page gone that others link to, and a page whose snapshot is another article's.
    let doc = read(Path::new("public/articles.json"));
    let id = |n: usize| doc["articles"][n]["id"].as_str().unwrap().to_string();
    std::fs::remove_file(out.join(format!("{}.en.html", id(7)))).unwrap();
    let page = out.join(format!("{}.fr.html", id(2)));
    let html = std::fs::read_to_string(&page).unwrap();
    let swapped = html.replace(
        &format!("data-article=\"{}\"", id(2)),
        "data-article=\"nowhere\"",
    );
    assert_ne!(html, swapped);
    std::fs::write(&page, swapped).unwrap();
    let (status, said) = check(&out);
    assert_eq!(status, 1, "{said}");
    assert!(
        said.contains(&format!(
            "links to https://news.example/{}.en.html, which is not in the folder",
            id(7)
        )),
        "{said}"
    );
    assert!(
        said.contains("its snapshot does not hold its article \"nowhere\""),
        "{said}"
    );
}
