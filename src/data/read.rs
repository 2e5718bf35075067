//! Reads a collection file into the model, article by article, then its own keys: whole-file
//! faults are a `LoadError`, an invalid article is left out with its first problem, and the rest
//! is shown. The same rules run on a parsed `serde_json::Value` (the publishers' tools) and on
//! each article's JSON text as `data::scan` cuts it out of the file (the browser, which parses
//! it with serde_json).

use super::error::LoadError;
use super::model::{Article, Collection};
use super::rules::{ArticleId, DateTime, LangCode, SafeUrl};
use super::scan::Scanner;
use crate::i18n::fill;
use serde::de::{DeserializeOwned, IgnoredAny};
use std::collections::HashMap;

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

/// A value of the file as the reader takes it (an article, or one of the file's own keys): a
/// `serde_json::Value` (the publishers' tools, which hold the file parsed), or its JSON text as
/// `data::scan` cuts it out of the file (the browser).
pub trait Item {
    /// The article read as `T`; `Ok(Err(_))` when it is JSON but not a valid `T` (natively the
    /// problem's path is relative to the article; the browser reports no path within it), and
    /// `Err` when it is not JSON: the whole file is then refused.
    fn read<T: DeserializeOwned>(&self) -> Result<Result<T, Problem>, LoadError>;
    /// Its id, where readable.
    fn id(&self) -> Option<String>;
    /// Its JSON text, for messages.
    fn text(&self) -> String;
    fn is_array(&self) -> bool;
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

/// serde_json's message without the place in the text it read (the article's own, not the
/// file's): the path says where.
fn message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let place = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&*place) {
        Some(message) if error.line() > 0 => message.to_string(),
        _ => text,
    }
}

/// Reads `T` from `de`, with the path to a problem natively; in the browser a problem is
/// reported for its article as a whole: tracking the path to each value would cost the bundle
/// 2.4 KB brotli, and `check-articles` gives every path.
fn read_from<'de, T: DeserializeOwned, D>(de: D) -> Result<T, (String, serde_json::Error)>
where
    D: serde::Deserializer<'de, Error = serde_json::Error>,
{
    #[cfg(not(target_arch = "wasm32"))]
    return serde_path_to_error::deserialize(de).map_err(|e| (pointer(e.path()), e.into_inner()));
    #[cfg(target_arch = "wasm32")]
    T::deserialize(de).map_err(|e| (String::new(), e))
}

/// The file, held parsed (natively).
#[cfg(not(target_arch = "wasm32"))]
impl Item for &serde_json::Value {
    fn read<T: DeserializeOwned>(&self) -> Result<Result<T, Problem>, LoadError> {
        Ok(read_from(*self).map_err(|(path, e)| Problem {
            path,
            message: message(&e),
        }))
    }
    fn id(&self) -> Option<String> {
        self.get("id")?.as_str().map(str::to_string)
    }
    fn text(&self) -> String {
        self.to_string()
    }
    fn is_array(&self) -> bool {
        serde_json::Value::is_array(self)
    }
}

/// `bytes` as text. serde_json checks the UTF-8 of each string it reads from bytes, one byte at
/// a time in WebAssembly (a third of the time reading a file took): a whole value is checked
/// here, with SIMD, and read as a `str`, which serde_json does not check again.
fn utf8(bytes: &[u8]) -> Result<&str, LoadError> {
    simdutf8::basic::from_utf8(bytes).map_err(|_| LoadError::NotJson("invalid UTF-8".to_string()))
}

/// An article's JSON text.
impl Item for &[u8] {
    fn read<T: DeserializeOwned>(&self) -> Result<Result<T, Problem>, LoadError> {
        let text = utf8(self)?;
        let mut de = serde_json::Deserializer::from_str(text);
        let read =
            read_from(&mut de).and_then(|t| de.end().map(|()| t).map_err(|e| (String::new(), e)));
        match read {
            Ok(t) => Ok(Ok(t)),
            // A problem in the data may come before the end of an article that is not JSON.
            Err((path, e)) if e.is_data() && serde_json::from_str::<IgnoredAny>(text).is_ok() => {
                Ok(Err(Problem {
                    path,
                    message: message(&e),
                }))
            }
            Err((_, e)) => Err(LoadError::NotJson(e.to_string())),
        }
    }
    fn id(&self) -> Option<String> {
        let head = serde_json::from_str::<Head>(utf8(self).ok()?).ok()?;
        head.get("id")?.read().ok()?.ok()
    }
    fn text(&self) -> String {
        utf8(self).unwrap_or_default().to_string()
    }
    fn is_array(&self) -> bool {
        self.first() == Some(&b'[')
    }
}

/// The file's own keys, each with its JSON text, as the browser reads them: the last of a key
/// written twice, as `JSON.parse` has it.
struct Head<'a>(Vec<(String, &'a serde_json::value::RawValue)>);

impl Head<'_> {
    fn get(&self, key: &str) -> Option<&[u8]> {
        let (_, value) = self.0.iter().rev().find(|(k, _)| k == key)?;
        Some(value.get().as_bytes())
    }
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for Head<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = Head<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Head<'de>, M::Error> {
                let mut keys = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    keys.push(entry);
                }
                Ok(Head(keys))
            }
        }
        d.deserialize_map(Keys)
    }
}

/// Reads a parsed collection file (see the module's documentation).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_collection(doc: &serde_json::Value) -> Result<Validated, LoadError> {
    read_collection_with(doc, |article| article)
}

/// `read_collection`, each article passed through `keep` once it is read and checked (the
/// publishers' tools keep no paragraphs: see `check::check`).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_collection_with(
    doc: &serde_json::Value,
    keep: impl Fn(Article) -> Article,
) -> Result<Validated, LoadError> {
    let doc = doc.as_object().ok_or(LoadError::NotAnObject)?;
    let mut reading = Reading::default();
    for item in doc
        .get("articles")
        .and_then(|a| a.as_array())
        .into_iter()
        .flatten()
    {
        reading.take(item, &keep)?;
    }
    reading.finish(|key| doc.get(key))
}

/// Reads a collection file's text as the browser reads a file it downloads (see `data::fetch`),
/// but at once: the viewer's snapshot, the tests.
pub fn parse_collection(text: &str) -> Result<Validated, LoadError> {
    let (reading, rest) = take_all(text.as_bytes())?;
    reading.finish_with(&rest)
}

/// Takes every article of a whole file's text, and gives what is left of the file.
fn take_all(text: &[u8]) -> Result<(Reading, Vec<u8>), LoadError> {
    let mut scanner = Scanner::default();
    scanner.push(text);
    let mut reading = Reading::default();
    while let Some(item) = scanner.next_item() {
        reading.take(item, &|article| article)?;
    }
    Ok((reading, scanner.finish()))
}

/// A collection file being read: its articles are taken one at a time (the browser takes them
/// as they arrive, and pauses between them now and then: see `data::fetch`), then its own keys
/// are read.
#[derive(Default)]
pub struct Reading {
    problems: Vec<Problem>,
    skipped: Vec<Skipped>,
    articles: Vec<Article>,
    /// Where each id was read: a map of the same type as `Collection`'s index, whose code the
    /// bundle then has once.
    ids: HashMap<ArticleId, usize>,
}

impl Reading {
    /// Takes the file's next article, passed through `keep` when valid with an id of its own;
    /// any other is skipped, its problem kept. `Err` when it is not JSON.
    #[inline(never)] // one copy for its two callers in the browser (`data::fetch`, `take_all`)
    pub fn take(
        &mut self,
        item: impl Item,
        keep: &impl Fn(Article) -> Article,
    ) -> Result<(), LoadError> {
        let position = self.articles.len() + self.skipped.len();
        let outcome = item.read::<Article>()?.and_then(|article| {
            match self.ids.insert(article.id.clone(), position).is_none() {
                true => Ok(article),
                false => Err(Problem {
                    path: "/id".into(),
                    message: format!("duplicate id \"{}\": ids must be unique", article.id),
                }),
            }
        });
        match outcome {
            Ok(article) => self.articles.push(keep(article)),
            Err(problem) => {
                let problem = at(&format!("articles/{position}"), problem);
                self.problems.push(problem.clone());
                self.skipped.push(Skipped {
                    position,
                    // Looked up only here: most articles are not skipped.
                    id: item.id(),
                    problem,
                });
            }
        }
        Ok(())
    }

    /// What the file gives, once every article is taken, its own keys read from `rest` (the
    /// file as `data::scan` leaves it, its articles cut out).
    pub fn finish_with(self, rest: &[u8]) -> Result<Validated, LoadError> {
        let head: Head = serde_json::from_str(utf8(rest)?).map_err(|e| match e.is_data() {
            true => LoadError::NotAnObject,
            false => LoadError::NotJson(e.to_string()),
        })?;
        // A list the scan left whole, whose articles are read now: the last of an `articles` key
        // written twice (JSON keeps the last), or one written with escapes.
        let lists = head.0.iter().filter(|(key, _)| key == "articles").count();
        let whole = head
            .get("articles")
            .filter(|list| list.starts_with(b"[") && (lists > 1 || *list != b"[]"));
        let reading = match whole {
            Some(list) => take_all(&[b"{\"articles\":", list, b"}"].concat())?.0,
            None => self,
        };
        reading.finish(|key| head.get(key))
    }

    /// What the file gives, once every article is taken: `key` gives the file's own keys, read
    /// now; a problem with one leaves it unused, and comes before the articles' problems.
    pub fn finish<I: Item>(self, key: impl Fn(&str) -> Option<I>) -> Result<Validated, LoadError> {
        let version = key("schema").ok_or(LoadError::NoVersion)?;
        if version.read::<f64>()?.ok() != Some(f64::from(SCHEMA_VERSION)) {
            return Err(LoadError::UnsupportedVersion(version.text()));
        }
        if !key("articles").ok_or(LoadError::NoArticles)?.is_array() {
            return Err(LoadError::ArticlesNotAnArray);
        }
        let mut problems = Vec::new();
        let (date, lang, url): (Rule, Rule, Rule) = (
            |text| DateTime::try_from(text).map(|date| date.to_string()),
            |text| LangCode::try_from(text).map(|code| code.to_string()),
            |text| SafeUrl::try_from(text).map(|url| url.to_string()),
        );
        own(key("generated"), "generated", date, &mut problems);
        let default_language = own(
            key("default_language"),
            "default_language",
            lang,
            &mut problems,
        );
        let article_url = own(key("article_url"), "article_url", url, &mut problems);
        // A template fills `{id}` in (see `i18n::fill`).
        let article_url = article_url.filter(|url| match fill(url, &[("id", "")]) != *url {
            true => true,
            false => {
                problems.push(Problem {
                    path: "/article_url".into(),
                    message: "must contain {id}, where the article's id goes".into(),
                });
                false
            }
        });
        let older = own(key("older"), "older", url, &mut problems);
        problems.extend(self.problems);
        let mut collection = Collection::new(default_language, self.articles);
        collection.article_url = article_url;
        collection.older = older;
        Ok(Validated {
            collection,
            problems,
            skipped: self.skipped,
        })
    }
}

/// A text's rule (see `data::rules`): the text kept, or why not.
type Rule = fn(String) -> Result<String, &'static str>;

/// The file's own key `key`, its `value` a text that keeps to `rule`; `None` when absent, or
/// invalid (its problem kept). One function for every key: the bundle has it once.
fn own(
    value: Option<impl Item>,
    key: &str,
    rule: Rule,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let read = value?.read::<String>().ok()?.and_then(|text| {
        rule(text).map_err(|message| Problem {
            path: String::new(),
            message: message.into(),
        })
    });
    read.map_err(|problem| problems.push(at(key, problem))).ok()
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
        // Bytes that are not UTF-8, in an article or in the file's own keys.
        for text in [
            &b"{\"schema\": 1, \"articles\": [{\"id\": \"a\", \"translations\": {\"fr\": {\"title\": \"\xc3(\"}}}]}"[..],
            b"{\"schema\": 1, \"publisher\": \"\xff\", \"articles\": []}",
        ] {
            let read = take_all(text).and_then(|(reading, rest)| reading.finish_with(&rest));
            assert!(matches!(read, Err(LoadError::NotJson(_))));
        }
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
    fn every_list_is_read_as_json_reads_the_file() {
        let ids = |doc: &str| -> Vec<String> {
            let read = parse_collection(doc).unwrap().collection.articles;
            read.iter().map(|a| a.id.to_string()).collect()
        };
        let article =
            |id: &str| format!(r#"{{"id": "{id}", "translations": {{"fr": {{"title": "x"}}}}}}"#);
        let (a, b) = (article("a"), article("b"));
        // An `articles` key written twice: JSON keeps the last.
        assert_eq!(
            ids(&format!(
                r#"{{"schema": 1, "articles": [{a}], "articles": [{b}]}}"#
            )),
            ["b"]
        );
        assert!(ids(&format!(
            r#"{{"schema": 1, "articles": [{a}], "articles": []}}"#
        ))
        .is_empty());
        // Its key written with escapes.
        assert_eq!(
            ids(&format!(r#"{{"schema": 1, "\u0061rticles": [{a}, {b}]}}"#)),
            ["a", "b"]
        );
        // A file cut short is not JSON.
        for text in [
            "{\"schema\": 1, \"articles\": [1]",
            "{\"schema\": 1, \"articles\": [1]]",
        ] {
            assert!(
                matches!(parse_collection(text), Err(LoadError::NotJson(_))),
                "{text}"
            );
        }
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
