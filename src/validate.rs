//! Checks a collection file against the data contract (`articles.schema.json`, format version 1)
//! and builds the model from it. The viewer and the `check-articles` command share it.

use crate::error::LoadError;
use crate::json::{self, Json, Map, Reader};
use crate::model::{Article, Collection, Image, Published, Source, Translation};
use rustc_hash::FxHashSet;

/// The format version this viewer reads.
pub const SCHEMA_VERSION: u64 = 1;

/// One thing wrong with a file, at a JSON Pointer path such as `/articles/3/translations/fr/title`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}",
            if self.path.is_empty() {
                "/"
            } else {
                &self.path
            },
            self.message
        )
    }
}

/// What validation made of a file: the articles that can be shown, and every problem found.
/// Articles with a problem are left out of `collection`; problems outside articles leave the
/// field they concern unused.
#[derive(Clone, Debug, Default, PartialEq)]
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

impl Validated {
    /// One line per article left out, naming it by id (or by position when its id is unusable)
    /// with the first reason: what the viewer reports to the publisher once per load.
    pub fn skipped_articles(&self) -> Vec<String> {
        self.skipped
            .iter()
            .map(|s| {
                let name = match &s.id {
                    Some(id) => format!("\"{id}\""),
                    None => format!("#{}", s.position),
                };
                format!("article {name} ({}): {}", s.problem.path, s.problem.message)
            })
            .collect()
    }
}

/// Parses and validates a collection file's text. Whole-file problems (not JSON, not an object,
/// unknown format version, no `articles` array) are errors; anything else is reported in
/// `Validated::problems`. Each article is read and checked on its own, so a large file never
/// exists as one whole JSON tree in memory besides the model built from it.
pub fn parse_collection(text: &str) -> Result<Validated, LoadError> {
    let not_json = |e: json::Error| LoadError::NotJson(e.to_string());
    let mut reader = Reader::new(text);
    if reader.peek() != Some(b'{') {
        reader
            .value()
            .and_then(|_| reader.end())
            .map_err(not_json)?;
        return Err(LoadError::NotAnObject);
    }
    let (mut schema, mut generated, mut default_language) = (None, None, None);
    // `None` when missing, `Some(None)` when not an array.
    let mut articles: Option<Option<Articles>> = None;
    reader
        .object(|reader, key| {
            let start = reader.pos();
            match key.as_str() {
                "articles" if reader.peek() == Some(b'[') => {
                    let mut checked = Articles::default();
                    reader.array(|reader| {
                        checked.check(reader.value()?);
                        Ok(())
                    })?;
                    articles = Some(Some(checked));
                }
                "articles" => {
                    reader.value()?;
                    articles = Some(None);
                }
                "schema" => {
                    let value = reader.value()?;
                    schema = Some((value, text[start..reader.pos()].trim()));
                }
                "generated" => generated = Some(reader.value()?),
                "default_language" => default_language = Some(reader.value()?),
                _ => {
                    reader.value()?;
                }
            }
            Ok(())
        })
        .and_then(|_| reader.end())
        .map_err(not_json)?;

    match schema {
        None => return Err(LoadError::NoVersion),
        Some((v, _)) if v.as_f64() == Some(SCHEMA_VERSION as f64) => {}
        Some((_, written)) => return Err(LoadError::UnsupportedVersion(written.to_string())),
    }
    let articles = match articles {
        Some(Some(articles)) => articles,
        Some(None) => return Err(LoadError::ArticlesNotAnArray),
        None => return Err(LoadError::NoArticles),
    };

    let mut out = Validated::default();
    let mut report = |path: &str, message: &str| {
        out.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        })
    };
    if let Some(generated) = generated {
        if !generated.as_str().is_some_and(is_date_time) {
            report("/generated", "must be an RFC 3339 date-time");
        }
    }
    let default_language = match default_language {
        None => None,
        Some(v) => match v.as_str().filter(|s| is_lang(s)) {
            Some(code) => Some(code.to_string()),
            None => {
                report("/default_language", LANG_RULE);
                None
            }
        },
    };
    out.problems.extend(articles.problems);
    out.skipped = articles.skipped;
    out.collection = Collection::new(default_language, articles.accepted);
    Ok(out)
}

/// The articles of a file, checked one at a time in file order.
#[derive(Default)]
struct Articles {
    read: usize,
    accepted: Vec<Article>,
    ids: FxHashSet<String>,
    problems: Vec<Problem>,
    skipped: Vec<Skipped>,
}

impl Articles {
    fn check(&mut self, item: Json) {
        let index = self.read;
        self.read += 1;
        let path = format!("/articles/{index}");
        let mut problems = Vec::new();
        let id: Option<String> = item
            .get("id")
            .and_then(Json::as_str)
            .map(|id| id.chars().take(128).collect());
        let article = check_article(item, &path, &mut problems);
        if let Some(article) = &article {
            if !self.ids.insert(article.id.clone()) {
                problems.push(Problem {
                    path: format!("{path}/id"),
                    message: format!("duplicate id \"{}\": ids must be unique", article.id),
                });
            }
        }
        match (article, problems.is_empty()) {
            (Some(article), true) => self.accepted.push(article),
            _ => {
                // An article is only left out for a problem, so there is a first one.
                if let Some(problem) = problems.first() {
                    self.skipped.push(Skipped {
                        position: index,
                        id,
                        problem: problem.clone(),
                    });
                }
                self.problems.extend(problems);
            }
        }
    }
}

const LANG_RULE: &str = "must be a language code of 2 or 3 lowercase letters, such as \"fr\"";

/// Collects the problems of one article into a list, by JSON path. Values are moved out of the
/// parsed tree into the model, and paths are only written out for a problem.
struct Checker<'a> {
    problems: &'a mut Vec<Problem>,
}

impl Checker<'_> {
    fn fail(&mut self, path: &str, key: &str, message: &str) {
        self.problems.push(Problem {
            path: match key {
                "" => path.to_string(),
                key => format!("{path}/{key}"),
            },
            message: message.into(),
        });
    }

    fn object(&mut self, value: Json, path: &str, key: &str) -> Option<Map> {
        match value {
            Json::Object(object) => Some(object),
            _ => {
                self.fail(path, key, "must be an object");
                None
            }
        }
    }

    /// A string field; `min_chars` and `max_chars` count Unicode code points.
    fn string(
        &mut self,
        object: &mut Map,
        path: &str,
        key: &str,
        required: bool,
        (min_chars, max_chars): (usize, usize),
    ) -> Option<String> {
        let Some(value) = object.remove(key) else {
            if required {
                self.fail(path, key, "is required");
            }
            return None;
        };
        let Json::String(text) = value else {
            self.fail(path, key, "must be a string");
            return None;
        };
        // Counted only as far as needed: a UTF-8 text has at most as many characters as bytes.
        if text.chars().take(min_chars).count() < min_chars {
            self.fail(path, key, "must not be empty");
            return None;
        }
        if text.len() > max_chars && text.chars().count() > max_chars {
            let message = format!("must be at most {max_chars} characters long");
            self.fail(path, key, &message);
            return None;
        }
        Some(text)
    }

    fn url(&mut self, object: &mut Map, path: &str, key: &str, required: bool) -> Option<String> {
        let url = self.string(object, path, key, required, (1, usize::MAX))?;
        if is_allowed_url(&url) {
            Some(url)
        } else {
            self.fail(
                path,
                key,
                "must be an http(s) URL or a relative path, without control characters",
            );
            None
        }
    }

    fn positive_integer(&mut self, object: &Map, path: &str, key: &str) -> Option<u32> {
        let value = object.get(key)?;
        // JSON Schema counts 2.0 as an integer, so the check goes through f64.
        match value.as_f64() {
            Some(n) if n >= 1.0 && n.fract() == 0.0 && n <= u32::MAX as f64 => Some(n as u32),
            _ => {
                self.fail(path, key, "must be a whole number of at least 1");
                None
            }
        }
    }
}

fn check_article(value: Json, path: &str, problems: &mut Vec<Problem>) -> Option<Article> {
    let mut check = Checker { problems };
    let mut object = check.object(value, path, "")?;

    let id = check.string(&mut object, path, "id", true, (1, usize::MAX));
    let id = id.filter(|id| {
        let ok = is_article_id(id);
        if !ok {
            check.fail(
                path,
                "id",
                "must be 1 to 128 lowercase letters, digits or hyphens, starting with a letter or digit",
            );
        }
        ok
    });

    let published = object.get("published").and_then(|v| {
        let parsed = v.as_str().and_then(parse_published);
        if parsed.is_none() {
            check.fail(
                path,
                "published",
                "must be a date (YYYY-MM-DD) or an RFC 3339 date-time",
            );
        }
        parsed
    });

    let source = object.remove("source").and_then(|v| {
        let mut o = check.object(v, path, "source")?;
        let source_path = format!("{path}/source");
        let name = check.string(&mut o, &source_path, "name", true, (1, usize::MAX));
        let url = check.url(&mut o, &source_path, "url", false);
        Some(Source { name: name?, url })
    });

    let category = check.string(&mut object, path, "category", false, (1, usize::MAX));

    let image = object.remove("image").and_then(|v| {
        let mut o = check.object(v, path, "image")?;
        let image_path = format!("{path}/image");
        let src = check.url(&mut o, &image_path, "src", true);
        let width = check.positive_integer(&o, &image_path, "width");
        let height = check.positive_integer(&o, &image_path, "height");
        Some(Image {
            src: src?,
            width,
            height,
        })
    });

    let mut translations = Vec::new();
    match object.remove("translations") {
        None => check.fail(path, "translations", "is required"),
        Some(v) => {
            if let Some(o) = check.object(v, path, "translations") {
                if o.is_empty() {
                    check.fail(path, "translations", "must have at least one translation");
                }
                for (code, t) in o {
                    let t_path = format!("{path}/translations/{}", escape_pointer(&code));
                    if !is_lang(&code) {
                        check.fail(&t_path, "", &format!("language key {LANG_RULE}"));
                    }
                    if let Some(t) = check_translation(t, &t_path, &mut check) {
                        translations.push((code, t));
                    }
                }
            }
        }
    }

    Some(Article {
        id: id?,
        published,
        source,
        category,
        image,
        // The object gave its keys in order and without repeats, so this keeps them as they are.
        translations: translations.into_iter().collect(),
    })
}

fn check_translation(value: Json, path: &str, check: &mut Checker) -> Option<Translation> {
    let mut o = check.object(value, path, "")?;
    let title = check.string(&mut o, path, "title", true, (1, 500));
    let summary = check.string(&mut o, path, "summary", false, (0, usize::MAX));
    let body = match o.remove("body") {
        None => Vec::new(),
        Some(Json::Array(items)) => items
            .into_iter()
            .enumerate()
            .filter_map(|(i, p)| match p {
                Json::String(text) => Some(text),
                _ => {
                    check.fail(path, &format!("body/{i}"), "must be a string");
                    None
                }
            })
            .collect(),
        Some(_) => {
            check.fail(path, "body", "must be an array of paragraphs");
            Vec::new()
        }
    };
    let source_url = check.url(&mut o, path, "source_url", false);
    let image_alt = check.string(&mut o, path, "image_alt", false, (0, usize::MAX));
    let image_caption = check.string(&mut o, path, "image_caption", false, (0, usize::MAX));
    Some(Translation {
        title: title?,
        summary,
        body,
        source_url,
        image_alt,
        image_caption,
    })
}

/// RFC 6901: `~` and `/` in a key are escaped in a JSON Pointer.
fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

pub fn is_lang(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

pub fn is_article_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    let ok = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    (1..=128).contains(&bytes.len()) && ok(&bytes[0]) && bytes.iter().all(|b| ok(b) || *b == b'-')
}

/// The one gate every URL from the data passes before it reaches `href` or `src`: absolute
/// http(s) URLs and relative paths are allowed; any other scheme (`javascript:`, `data:`, in any
/// casing, after any leading white space) and any control character are not, because browsers
/// strip tabs and newlines and would read `java\nscript:` as a script URL.
pub fn is_allowed_url(url: &str) -> bool {
    if url.is_empty() || url.chars().any(|c| c <= '\u{1F}' || c == '\u{7F}') {
        return false;
    }
    // Same test as the schema: leading white space, then a scheme, must be http or https.
    let rest = url.trim_start_matches(is_ecma_whitespace).as_bytes();
    let scheme_len = rest
        .iter()
        .enumerate()
        .take_while(|&(i, &b)| {
            b.is_ascii_alphabetic() || (i > 0 && (b.is_ascii_digit() || b"+.-".contains(&b)))
        })
        .count();
    if scheme_len == 0 || rest.get(scheme_len) != Some(&b':') {
        return true; // no scheme: a relative path
    }
    let scheme = &rest[..scheme_len];
    scheme.eq_ignore_ascii_case(b"http") || scheme.eq_ignore_ascii_case(b"https")
}

/// `\s` of the regular expressions JSON Schema uses (ECMA-262).
fn is_ecma_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{B}' | '\u{C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

/// A publication date: `YYYY-MM-DD` or an RFC 3339 date-time.
pub fn parse_published(text: &str) -> Option<Published> {
    let b = text.as_bytes();
    let (year, month, day) = parse_date(b.get(..10)?)?;
    let has_time = match b.len() {
        10 => false,
        _ if is_time(&b[10..]) => true,
        _ => return None,
    };
    Some(Published {
        text: text.to_string(),
        year,
        month,
        day,
        has_time,
    })
}

/// RFC 3339 `full-date`, with the real length of each month.
fn parse_date(b: &[u8]) -> Option<(i32, u32, u32)> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = number(&b[0..4])? as i32;
    let month = number(&b[5..7])?;
    let day = number(&b[8..10])?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some((year, month, day))
}

/// RFC 3339 `date-time`: `2022-03-14T09:30:00Z`, `2022-03-14t09:30:00.5+01:00`.
pub fn is_date_time(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() > 10 && parse_date(&b[..10]).is_some() && is_time(&b[10..])
}

/// What follows the date in an RFC 3339 date-time: `T09:30:00Z`, `t09:30:00.5+01:00`.
fn is_time(b: &[u8]) -> bool {
    let in_range = |digits: &[u8], max: u32| number(digits).is_some_and(|n| n <= max);
    if b.len() < 9 || !matches!(b[0], b'T' | b't') || b[3] != b':' || b[6] != b':' {
        return false;
    }
    if !(in_range(&b[1..3], 23) && in_range(&b[4..6], 59) && in_range(&b[7..9], 60)) {
        return false;
    }
    let mut rest = &b[9..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest {
        b"Z" | b"z" => true,
        o => {
            o.len() == 6
                && matches!(o[0], b'+' | b'-')
                && o[3] == b':'
                && in_range(&o[1..3], 23)
                && in_range(&o[4..6], 59)
        }
    }
}

/// The value of a few ASCII digits (callers pass two or four); `None` if any is not a digit.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0, |n: u32, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn validate_collection(doc: &Value) -> Result<Validated, LoadError> {
        parse_collection(&doc.to_string())
    }

    fn problems(doc: Value) -> Vec<String> {
        validate_collection(&doc)
            .unwrap()
            .problems
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn urls_allow_http_https_and_relative_paths_only() {
        for ok in [
            "https://www.hespress.com/a",
            "HTTP://x.ma",
            "  https://x",
            "images/a.jpg",
            "/a",
            "//cdn.x/a",
            "a/b:c",
            "?q=1",
        ] {
            assert!(is_allowed_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{A0}javascript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>",
            "vbscript:msgbox",
            "https://x\u{0}",
            "httpx://x",
            "c:/windows",
            "",
        ] {
            assert!(!is_allowed_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn dates_follow_rfc_3339() {
        assert!(parse_published("2022-03-14").is_some());
        assert!(parse_published("2024-02-29").is_some());
        assert!(parse_published("2023-02-29").is_none());
        assert!(parse_published("2022-13-01").is_none());
        assert!(parse_published("14/03/2022").is_none());
        assert!(parse_published("2022-03-14T09:30:00Z").is_some_and(|p| p.has_time));
        assert!(parse_published("2022-03-14t09:30:00.25+01:00").is_some());
        assert!(parse_published("2022-03-14T25:00:00Z").is_none());
        assert!(parse_published("2022-03-14T09:30Z").is_none());
        assert!(parse_published("2022-03-14 09:30:00Z").is_none());
        assert!(parse_published("2022-0a-14").is_none());
        assert!(parse_published("+022-03-14").is_none());
        assert!(parse_published("2022-03-14T09:3a:00Z").is_none());
        assert!(parse_published("2022-03-14T09:30:00+1:00").is_none());
    }

    #[test]
    fn whole_file_problems_are_errors() {
        assert_eq!(validate_collection(&json!([])), Err(LoadError::NotAnObject));
        assert_eq!(
            validate_collection(&json!({"articles": []})),
            Err(LoadError::NoVersion)
        );
        assert!(matches!(
            validate_collection(&json!({"schema": 2, "articles": []})),
            Err(LoadError::UnsupportedVersion(_))
        ));
        assert_eq!(
            validate_collection(&json!({"schema": 1})),
            Err(LoadError::NoArticles)
        );
        assert_eq!(
            validate_collection(&json!({"schema": 1, "articles": {}})),
            Err(LoadError::ArticlesNotAnArray)
        );
        assert!(matches!(
            parse_collection("{\"schema\": 1, \"articles\": ["),
            Err(LoadError::NotJson(_))
        ));
    }

    #[test]
    fn invalid_articles_are_skipped_with_their_path_and_the_rest_kept() {
        let doc = json!({"schema": 1, "articles": [
            {"id": "good", "translations": {"fr": {"title": "Bon"}}},
            {"id": "no-title", "translations": {"fr": {"body": []}}},
            {"id": "Bad Id", "translations": {"fr": {"title": "x"}}},
            {"id": "good", "translations": {"fr": {"title": "Doublon"}}},
            {"id": "evil", "source": {"name": "x", "url": "javascript:alert(1)"}, "translations": {"fr": {"title": "x"}}},
            {"id": "no-translation", "translations": {}},
            {"id": "bad-date", "published": "hier", "translations": {"fr": {"title": "x"}}},
            {"id": "bad-body", "translations": {"fr": {"title": "x", "body": [1]}}},
            "not an article"
        ]});
        let validated = validate_collection(&doc).unwrap();
        let ids: Vec<&str> = validated
            .collection
            .articles
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["good"]);
        assert_eq!(
            problems(doc),
            [
                "/articles/1/translations/fr/title: is required",
                "/articles/2/id: must be 1 to 128 lowercase letters, digits or hyphens, starting with a letter or digit",
                "/articles/3/id: duplicate id \"good\": ids must be unique",
                "/articles/4/source/url: must be an http(s) URL or a relative path, without control characters",
                "/articles/5/translations: must have at least one translation",
                "/articles/6/published: must be a date (YYYY-MM-DD) or an RFC 3339 date-time",
                "/articles/7/translations/fr/body/0: must be a string",
                "/articles/8: must be an object",
            ]
        );
        let skipped = validated.skipped_articles();
        assert_eq!(skipped.len(), 8);
        assert_eq!(
            skipped[0],
            "article \"no-title\" (/articles/1/translations/fr/title): is required"
        );
        assert_eq!(skipped[7], "article #8 (/articles/8): must be an object");
    }

    #[test]
    fn unknown_keys_are_ignored() {
        let doc = json!({"schema": 1, "publisher_field": true, "articles": [
            {"id": "a", "extra": 1, "translations": {"fr": {"title": "x", "extra": [1]}}}
        ]});
        let validated = validate_collection(&doc).unwrap();
        assert!(validated.problems.is_empty());
        assert_eq!(validated.collection.articles.len(), 1);
    }

    #[test]
    fn titles_are_limited_to_500_characters_counted_as_code_points() {
        let title = |n: usize| json!({"schema": 1, "articles": [{"id": "a", "translations": {"ar": {"title": "ع".repeat(n)}}}]});
        assert!(problems(title(500)).is_empty());
        assert_eq!(
            problems(title(501)),
            ["/articles/0/translations/ar/title: must be at most 500 characters long"]
        );
    }
}
