//! The rules of the data contract (`spec/articles.schema.json`) that a Rust type cannot say by
//! itself: each is a newtype that serde builds through `try_from`, so a value that breaks a rule
//! never reaches the model, and its message says what the publisher must change.

use serde::Deserialize;
use std::fmt;

/// Declares a newtype over `String` checked by `$rule` on deserialization, refused with `$message`.
macro_rules! checked_text {
    ($(#[$doc:meta])* $name:ident, $rule:expr, $message:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
        #[serde(try_from = "String")]
        pub struct $name(String);

        impl TryFrom<String> for $name {
            type Error = &'static str;
            fn try_from(text: String) -> Result<Self, Self::Error> {
                let rule: fn(&str) -> bool = $rule;
                if rule(&text) {
                    Ok($name(text))
                } else {
                    Err($message)
                }
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        // Maps keyed by these types are looked up by `&str`: the derived order, equality and
        // hash are those of the text.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

checked_text!(
    /// An article's id: unique, stable, used in links.
    ArticleId,
    is_article_id,
    "must be 1 to 128 lowercase letters, digits or hyphens, starting with a letter or digit"
);
checked_text!(
    /// A BCP 47 primary language subtag, such as `fr`.
    LangCode,
    is_lang,
    LANG_RULE
);
checked_text!(
    /// A URL from the data: an absolute http(s) URL or a relative path (see `is_allowed_url`).
    SafeUrl,
    is_allowed_url,
    "must be an http(s) URL or a relative path, without control characters"
);
checked_text!(
    /// A text that must not be empty (a source's name, a category).
    NonEmpty,
    |text| !text.is_empty(),
    "must not be empty"
);
checked_text!(
    /// A headline: 1 to 500 characters, counted as Unicode code points as JSON Schema does.
    Title,
    |text| !text.is_empty() && (text.len() <= 500 || text.chars().count() <= 500),
    "must be 1 to 500 characters long"
);
checked_text!(
    /// An RFC 3339 date-time, such as the file's `generated`.
    DateTime,
    is_date_time,
    "must be an RFC 3339 date-time"
);

impl LangCode {
    pub fn new(code: &str) -> Option<LangCode> {
        LangCode::try_from(code.to_string()).ok()
    }
}

pub const LANG_RULE: &str = "must be a language code of 2 or 3 lowercase letters, such as \"fr\"";

/// An image's width or height: a whole number of at least 1. Read through `f64` because JSON
/// Schema counts `2.0` as an integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "f64")]
pub struct Dimension(pub u32);

impl TryFrom<f64> for Dimension {
    type Error = &'static str;
    fn try_from(n: f64) -> Result<Self, Self::Error> {
        if n >= 1.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) {
            Ok(Dimension(n as u32))
        } else {
            Err("must be a whole number of at least 1")
        }
    }
}

/// A publication date, kept as written (`YYYY-MM-DD` or RFC 3339) with its calendar date parsed.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Published {
    pub text: String,
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// Whether a time of day was given (then `text` is an RFC 3339 date-time).
    pub has_time: bool,
}

impl TryFrom<String> for Published {
    type Error = &'static str;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        parse_published(&text).ok_or("must be a date (YYYY-MM-DD) or an RFC 3339 date-time")
    }
}

impl Published {
    /// Sort key: the calendar date, then the text itself, which orders date-times in UTC; for
    /// date-times with offsets the calendar date is close enough to order headlines.
    pub fn sort_key(&self) -> (i32, u32, u32, &str) {
        (self.year, self.month, self.day, &self.text)
    }
}

/// A BCP 47 primary language subtag: 2 or 3 lowercase letters.
pub fn is_lang(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// `^[a-z0-9][a-z0-9-]{0,127}$`, the id pattern of the contract.
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
    fn titles_count_code_points_up_to_500() {
        assert!(Title::try_from("ع".repeat(500)).is_ok());
        assert!(Title::try_from("ع".repeat(501)).is_err());
        assert!(Title::try_from(String::new()).is_err());
    }

    #[test]
    fn dimensions_are_whole_numbers_of_at_least_one() {
        assert_eq!(Dimension::try_from(2.0), Ok(Dimension(2)));
        assert!(Dimension::try_from(0.0).is_err());
        assert!(Dimension::try_from(1.5).is_err());
        assert!(Dimension::try_from(f64::NAN).is_err());
    }
}
