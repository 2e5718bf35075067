//! Reads a parsed collection file into the model, article by article: whole-file faults are a
//! `LoadError`, an invalid article is left out with its first problem, and the rest is shown.
//! The same rules run on serde_json values (the publishers' tools) and on the JS value of
//! `Response.json()` (the browser, through serde-wasm-bindgen).

use super::error::LoadError;
use super::model::{Article, Collection};
use super::rules::{ArticleId, DateTime, LangCode, SafeUrl};
use crate::i18n::fill;
use serde::de::DeserializeOwned;
use std::collections::HashSet;

/// The format version this viewer reads.
pub const SCHEMA_VERSION: u32 = 1;

/// One thing wrong with a file, at a JSON Pointer path such as `/articles/3/translations/fr/title`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)
    }
}

/// What reading made of a file: the articles that can be shown, and every problem found (the
/// first of each article left out, and those of the file's own keys, which are then unused).
#[derive(Clone, Debug, Default)]
pub struct Validated {
    pub collection: Collection,
    pub problems: Vec<Problem>,
    /// The articles left out, in file order.
    pub skipped: Vec<Skipped>,
}

/// An article left out of the collection.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    /// Its position in the file.
    pub position: usize,
    /// Its id, where readable.
    pub id: Option<String>,
    /// The first of its problems.
    pub problem: Problem,
}

impl Skipped {
    /// `article "id" skipped: /articles/3/id: message`, naming it by position when its id is
    /// unusable: what the viewer tells the publisher, once per article and load.
    pub fn describe(&self) -> String {
        let name = match &self.id {
            Some(id) => format!("\"{id}\""),
            None => format!("#{}", self.position),
        };
        format!("article {name} skipped: {}", self.problem)
    }
}

/// A parsed JSON document as the reader walks it: a `serde_json::Value` natively, a `JsValue`
/// in the browser.
pub trait Document: Sized {
    fn is_object(&self) -> bool;
    /// The value of `key` of an object.
    fn field(&self, key: &str) -> Option<Self>;
    /// The items of an array; `None` when not an array.
    fn items(self) -> Option<Vec<Self>>;
    fn as_text(&self) -> Option<String>;
    fn as_number(&self) -> Option<f64>;
    /// The value written as JSON, for messages.
    fn to_json(&self) -> String;
    /// The value read as `T`; on failure the problem's path is relative to this value (natively;
    /// the browser reports no path within it).
    fn read<T: DeserializeOwned>(&self) -> Result<T, Problem>;
}

/// Turns serde_path_to_error's path (`translations.fr.body[0]`) into a JSON Pointer suffix.
#[cfg(not(target_arch = "wasm32"))]
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .map(|segment| match segment {
            Segment::Seq { index } => format!("/{index}"),
            Segment::Map { key } => format!("/{}", key.replace('~', "~0").replace('/', "~1")),
            Segment::Enum { variant } => format!("/{variant}"),
            Segment::Unknown => "/?".to_string(),
        })
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
fn problem_at(error: serde_path_to_error::Error<serde_json::Error>) -> Problem {
    Problem {
        path: pointer(error.path()),
        message: error.inner().to_string(),
    }
}

/// In the browser a problem is reported for its article as a whole: tracking the path to each
/// value would cost the bundle 2.4 KB brotli, and `check-articles` gives every path.
/// serde-wasm-bindgen's errors are JS `Error`s, whose text starts with "Error: ": the message
/// alone is what the publisher needs.
#[cfg(target_arch = "wasm32")]
fn problem_in(error: serde_wasm_bindgen::Error) -> Problem {
    let error = wasm_bindgen::JsValue::from(error);
    let message = match error.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => error.as_string().unwrap_or_default(),
    };
    Problem {
        path: String::new(),
        message,
    }
}

/// Reads a parsed collection file (see the module's documentation).
pub fn read_collection<D: Document>(doc: D) -> Result<Validated, LoadError> {
    read_collection_with(doc, |article| article)
}

/// `read_collection`, each article passed through `keep` once it is read and checked (the
/// publishers' tools keep no paragraphs: see `check::check`).
pub fn read_collection_with<D: Document>(
    doc: D,
    keep: impl Fn(Article) -> Article,
) -> Result<Validated, LoadError> {
    let (mut reading, items) = Reading::begin(doc)?;
    for item in items {
        reading.take(item, &keep);
    }
    Ok(reading.finish())
}

/// A collection file being read: its own keys are, its articles are taken one at a time (the
/// browser pauses between them now and then: see `data::fetch`).
pub struct Reading {
    out: Validated,
    articles: Vec<Article>,
    ids: HashSet<ArticleId>,
    default_language: Option<String>,
    /// An archive's links: where any article's full file is, and the next page of older ones.
    links: [Option<String>; 2],
}

impl Reading {
    /// Reads the file's own keys, and gives its articles to take.
    pub fn begin<D: Document>(doc: D) -> Result<(Self, Vec<D>), LoadError> {
        if !doc.is_object() {
            return Err(LoadError::NotAnObject);
        }
        let version = doc.field("schema").ok_or(LoadError::NoVersion)?;
        if version.as_number() != Some(f64::from(SCHEMA_VERSION)) {
            return Err(LoadError::UnsupportedVersion(version.to_json()));
        }
        let items = doc
            .field("articles")
            .ok_or(LoadError::NoArticles)?
            .items()
            .ok_or(LoadError::ArticlesNotAnArray)?;

        let mut out = Validated::default();
        if let Some(Err(problem)) = doc
            .field("generated")
            .as_ref()
            .map(Document::read::<DateTime>)
        {
            out.problems.push(at("generated", problem));
        }
        let default_language = match doc
            .field("default_language")
            .as_ref()
            .map(Document::read::<LangCode>)
        {
            Some(Ok(code)) => Some(code.to_string()),
            Some(Err(problem)) => {
                out.problems.push(at("default_language", problem));
                None
            }
            None => None,
        };
        let mut link = |key: &str| match doc.field(key).as_ref().map(Document::read::<SafeUrl>) {
            // A template fills `{id}` in (see `i18n::fill`).
            Some(Ok(url)) if key != "article_url" || fill(&url, &[("id", "")]) != *url => {
                Some(url.to_string())
            }
            Some(Ok(_)) => {
                out.problems.push(Problem {
                    path: format!("/{key}"),
                    message: "must contain {id}, where the article's id goes".into(),
                });
                None
            }
            Some(Err(problem)) => {
                out.problems.push(at(key, problem));
                None
            }
            None => None,
        };
        let links = [link("article_url"), link("older")];
        let reading = Reading {
            out,
            articles: Vec::with_capacity(items.len()),
            ids: HashSet::with_capacity(items.len()),
            default_language,
            links,
        };
        Ok((reading, items))
    }

    /// Takes the file's next article, passed through `keep` when valid with an id of its own;
    /// any other is skipped, its problem kept.
    #[inline(never)] // one copy for both ways of reading (see `data::fetch`): 3 KB of wasm
    pub fn take<D: Document>(&mut self, item: D, keep: &impl Fn(Article) -> Article) {
        let position = self.articles.len() + self.out.skipped.len();
        let outcome =
            item.read::<Article>()
                .and_then(|article| match self.ids.insert(article.id.clone()) {
                    true => Ok(article),
                    false => Err(Problem {
                        path: "/id".into(),
                        message: format!("duplicate id \"{}\": ids must be unique", article.id),
                    }),
                });
        match outcome {
            Ok(article) => self.articles.push(keep(article)),
            Err(problem) => {
                let problem = at(&format!("articles/{position}"), problem);
                self.out.problems.push(problem.clone());
                self.out.skipped.push(Skipped {
                    position,
                    // Looked up only here: most articles are not skipped.
                    id: item.field("id").and_then(|id| id.as_text()),
                    problem,
                });
            }
        }
    }

    /// What the file gave, once every article is taken.
    pub fn finish(self) -> Validated {
        let [article_url, older] = self.links;
        let mut out = self.out;
        out.collection = Collection::new(self.default_language, self.articles);
        out.collection.article_url = article_url;
        out.collection.older = older;
        out
    }
}

/// `problem`, found under `key`.
fn at(key: &str, problem: Problem) -> Problem {
    Problem {
        path: format!("/{key}{}", problem.path),
        ..problem
    }
}

/// The article `id` of an article's full file (see `text_url`), or why the file does not give it.
pub fn article_in(validated: Validated, id: &str) -> Result<Article, LoadError> {
    let skipped = validated.skipped;
    validated
        .collection
        .articles
        .into_iter()
        .find(|a| &*a.id == id)
        .ok_or_else(
            || match skipped.iter().find(|s| s.id.as_deref() == Some(id)) {
                Some(skipped) => LoadError::InvalidArticle(skipped.describe()),
                None => LoadError::OtherArticle(id.to_string()),
            },
        )
}

/// Borrowed: reading a collection copies none of the document (a newsroom's archive is large).
#[cfg(not(target_arch = "wasm32"))]
impl Document for &serde_json::Value {
    fn is_object(&self) -> bool {
        serde_json::Value::is_object(self)
    }
    fn field(&self, key: &str) -> Option<Self> {
        self.get(key)
    }
    fn items(self) -> Option<Vec<Self>> {
        self.as_array().map(|items| items.iter().collect())
    }
    fn as_text(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn as_number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn to_json(&self) -> String {
        self.to_string()
    }
    fn read<T: DeserializeOwned>(&self) -> Result<T, Problem> {
        serde_path_to_error::deserialize(*self).map_err(problem_at)
    }
}

#[cfg(target_arch = "wasm32")]
impl Document for wasm_bindgen::JsValue {
    fn is_object(&self) -> bool {
        self.is_object() && !js_sys::Array::is_array(self)
    }
    fn field(&self, key: &str) -> Option<Self> {
        // Own keys only: a key such as "constructor" must not reach the prototype.
        let key = wasm_bindgen::JsValue::from_str(key);
        js_sys::Object::has_own(self.unchecked_ref::<js_sys::Object>(), &key)
            .then(|| js_sys::Reflect::get(self, &key).ok())
            .flatten()
    }
    fn items(self) -> Option<Vec<Self>> {
        use wasm_bindgen::JsCast;
        self.dyn_into::<js_sys::Array>()
            .ok()
            .map(|array| array.to_vec())
    }
    fn as_text(&self) -> Option<String> {
        self.as_string()
    }
    fn as_number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn to_json(&self) -> String {
        js_sys::JSON::stringify(self)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
    fn read<T: DeserializeOwned>(&self) -> Result<T, Problem> {
        serde_wasm_bindgen::from_value(self.clone()).map_err(problem_in)
    }
}

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

/// Parses and reads a collection file's text: with serde_json natively, with the browser's own
/// `JSON.parse` in WebAssembly.
pub fn parse_collection(text: &str) -> Result<Validated, LoadError> {
    #[cfg(not(target_arch = "wasm32"))]
    let parsed: serde_json::Value =
        serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()))?;
    #[cfg(not(target_arch = "wasm32"))]
    let doc = &parsed;
    #[cfg(target_arch = "wasm32")]
    let doc = js_sys::JSON::parse(text).map_err(|e| {
        LoadError::NotJson(
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default(),
        )
    })?;
    read_collection(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(doc: &str) -> Vec<String> {
        parse_collection(doc)
            .unwrap()
            .problems
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn whole_file_problems_are_errors() {
        assert!(matches!(
            parse_collection("[]"),
            Err(LoadError::NotAnObject)
        ));
        assert!(matches!(
            parse_collection(r#"{"articles": []}"#),
            Err(LoadError::NoVersion)
        ));
        assert_eq!(
            parse_collection(r#"{"schema": 2, "articles": []}"#).err(),
            Some(LoadError::UnsupportedVersion("2".into()))
        );
        assert_eq!(
            parse_collection(r#"{"schema": "1", "articles": []}"#).err(),
            Some(LoadError::UnsupportedVersion("\"1\"".into()))
        );
        assert!(matches!(
            parse_collection(r#"{"schema": 1}"#),
            Err(LoadError::NoArticles)
        ));
        assert!(matches!(
            parse_collection(r#"{"schema": 1, "articles": {}}"#),
            Err(LoadError::ArticlesNotAnArray)
        ));
        assert!(matches!(
            parse_collection("{\"schema\": 1, \"articles\": ["),
            Err(LoadError::NotJson(_))
        ));
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn invalid_articles_are_skipped_with_their_path_and_the_rest_kept() {
        let doc = r#"{"schema": 1, "articles": [
            {"id": "good", "translations": {"fr": {"title": "Bon"}}},
            {"id": "no-title", "translations": {"fr": {"body": []}}},
            {"id": "Bad Id", "translations": {"fr": {"title": "x"}}},
            {"id": "good", "translations": {"fr": {"title": "Doublon"}}},
            {"id": "evil", "source": {"name": "x", "url": "javascript:alert(1)"}, "translations": {"fr": {"title": "x"}}},
            {"id": "no-translation", "translations": {}},
            {"id": "bad-date", "published": "hier", "translations": {"fr": {"title": "x"}}},
            {"id": "bad-body", "translations": {"fr": {"title": "x", "body": [1]}}},
            "not an article",
            {"id": "null-date", "published": null, "translations": {"fr": {"title": "x"}}}
        ]}"#;
        let validated = parse_collection(doc).unwrap();
        let ids: Vec<&str> = validated
            .collection
            .articles
            .iter()
            .map(|a| &*a.id)
            .collect();
        assert_eq!(ids, ["good"]);
        let paths: Vec<&str> = validated.problems.iter().map(|p| p.path.as_str()).collect();
        let expected = [
            "/articles/1/translations/fr",
            "/articles/2/id",
            "/articles/3/id",
            "/articles/4/source/url",
            "/articles/5/translations",
            "/articles/6/published",
            "/articles/7/translations/fr/body/0",
            "/articles/8",
            "/articles/9/published",
        ];
        if cfg!(target_arch = "wasm32") {
            // The browser names the article (and a repeated id, which it checks itself).
            let articles: Vec<String> = expected
                .iter()
                .map(|p| match p.ends_with("3/id") {
                    true => p.to_string(),
                    false => p.split('/').take(3).collect::<Vec<_>>().join("/"),
                })
                .collect();
            assert_eq!(paths, articles);
        } else {
            assert_eq!(paths, expected);
        }
        let all = problems(doc);
        assert!(all[0].ends_with("missing field `title`"), "{}", all[0]);
        assert!(all[1].ends_with("must be 1 to 128 lowercase letters, digits or hyphens, starting with a letter or digit"));
        assert!(all[2].ends_with("duplicate id \"good\": ids must be unique"));
        assert!(all[3]
            .ends_with("must be an http(s) URL or a relative path, without control characters"));
        assert!(all[4].ends_with("must have at least one translation"));
        assert!(all[5].ends_with("must be a date (YYYY-MM-DD) or an RFC 3339 date-time"));
        let skipped: Vec<String> = validated.skipped.iter().map(Skipped::describe).collect();
        assert_eq!(skipped.len(), 9);
        assert!(skipped[0].starts_with("article \"no-title\" skipped: /articles/1"));
        assert!(skipped[0].ends_with(": missing field `title`"));
        assert!(
            skipped[7].starts_with("article #8 skipped: /articles/8: "),
            "{}",
            skipped[7]
        );
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn file_keys_with_problems_are_reported_and_unused() {
        let validated = parse_collection(
            r#"{"schema": 1, "generated": "yesterday", "default_language": "French", "articles": []}"#,
        )
        .unwrap();
        let all: Vec<String> = validated.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            all,
            [
                "/generated: must be an RFC 3339 date-time",
                "/default_language: must be a language code of 2 or 3 lowercase letters, such as \"fr\""
            ]
        );
        assert_eq!(validated.collection.default_language, None);
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn an_archive_page_keeps_its_links_and_refuses_unsafe_ones() {
        let page = parse_collection(
            r#"{"schema": 1, "article_url": "text/{id}.json", "older": "older-1.json", "articles": [
            {"id": "a", "text_url": "text/a.json", "translations": {"fr": {"title": "x"}}}]}"#,
        )
        .unwrap();
        assert!(page.problems.is_empty());
        assert_eq!(
            page.collection.article_url.as_deref(),
            Some("text/{id}.json")
        );
        assert_eq!(page.collection.older.as_deref(), Some("older-1.json"));
        assert!(page.collection.articles[0].text_elsewhere());
        let unsafe_links = parse_collection(
            r#"{"schema": 1, "article_url": "text/a.json", "older": "javascript:alert(1)", "articles": [
            {"id": "a", "text_url": "data:text/html,x", "translations": {"fr": {"title": "x"}}}]}"#,
        )
        .unwrap();
        let paths: Vec<&str> = unsafe_links
            .problems
            .iter()
            .map(|p| p.path.as_str())
            .collect();
        assert_eq!(paths[..2], ["/article_url", "/older"]);
        assert!(paths[2].starts_with("/articles/0"));
        assert_eq!(unsafe_links.collection.article_url, None);
        assert_eq!(unsafe_links.collection.older, None);
        assert!(unsafe_links.collection.articles.is_empty());
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_full_file_must_hold_its_article_valid() {
        let file = |doc: &str| parse_collection(doc).unwrap();
        let good = file(
            r#"{"schema": 1, "articles": [{"id": "a", "translations": {"fr": {"title": "x", "body": ["Un."]}}}]}"#,
        );
        assert_eq!(&*article_in(good.clone(), "a").unwrap().id, "a");
        assert_eq!(
            article_in(good, "b").err(),
            Some(LoadError::OtherArticle("b".into()))
        );
        let invalid = file(r#"{"schema": 1, "articles": [{"id": "a", "translations": {}}]}"#);
        assert!(matches!(
            article_in(invalid, "a"),
            Err(LoadError::InvalidArticle(_))
        ));
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn unknown_keys_are_ignored() {
        let validated = parse_collection(
            r#"{"schema": 1, "publisher_field": true, "articles": [
            {"id": "a", "extra": 1, "translations": {"fr": {"title": "x", "extra": [1]}}}]}"#,
        )
        .unwrap();
        assert!(validated.problems.is_empty());
        assert_eq!(validated.collection.articles.len(), 1);
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn bodies_read_back_in_order() {
        let validated = parse_collection(
            r#"{"schema": 1, "articles": [
            {"id": "a", "translations": {"fr": {"title": "x", "body": ["Un.", "Deux."]}, "en": {"title": "y"}}}]}"#,
        )
        .unwrap();
        let article = &validated.collection.articles[0];
        assert_eq!(
            article.translations.get("fr").unwrap().body.paragraphs(),
            ["Un.", "Deux."]
        );
        assert!(article.translations.get("en").unwrap().body.is_empty());
    }
}
