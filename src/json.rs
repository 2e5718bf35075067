//! A strict JSON reader (RFC 8259) for collection files. It replaces serde_json in the viewer:
//! a collection is read once, so a small reader without serde's generic machinery keeps the
//! WebAssembly bundle about 30 KB smaller. It accepts exactly what serde_json accepts, and reads
//! the same values (`tests/fuzz.rs` compares the two on generated text and documents).
//!
//! Objects and arrays can be read one entry at a time (`Reader::object`, `Reader::array`), so a
//! large file never has to exist as one whole tree in memory.

use crate::map::TextMap;

/// A JSON object. Keys are kept sorted; a repeated key keeps its last value, as in serde_json.
pub type Map = TextMap<Json>;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Map),
}

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(o) => o.get(key),
            _ => None,
        }
    }
}

/// Reads a whole text as one JSON value.
pub fn parse(text: &str) -> Result<Json, Error> {
    let mut reader = Reader::new(text);
    let value = reader.value()?;
    reader.end()?;
    Ok(value)
}

/// Where and why a text is not JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

/// The deepest nesting of arrays and objects read, as in serde_json: deeper input is refused
/// instead of overflowing the stack.
const MAX_DEPTH: usize = 128;

pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader {
            text,
            pos: 0,
            depth: 0,
        }
    }

    /// The byte offset reached.
    pub fn pos(&self) -> usize {
        self.pos
    }

    fn fail<T>(&self, message: &'static str) -> Result<T, Error> {
        let before = &self.text.as_bytes()[..self.pos.min(self.text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Err(Error {
            message,
            line,
            column: self.pos - line_start + 1,
        })
    }

    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// The next byte after white space, without reading it.
    pub fn peek(&mut self) -> Option<u8> {
        while matches!(self.byte(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
        self.byte()
    }

    /// Succeeds when only white space is left.
    pub fn end(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.fail("trailing characters"),
        }
    }

    pub fn value(&mut self) -> Result<Json, Error> {
        match self.peek() {
            Some(b'{') => {
                let mut entries = Vec::new();
                self.object(|reader, key| {
                    entries.push((key, reader.value()?));
                    Ok(())
                })?;
                Ok(Json::Object(entries.into_iter().collect()))
            }
            Some(b'[') => {
                let mut items = Vec::new();
                self.array(|reader| {
                    items.push(reader.value()?);
                    Ok(())
                })?;
                Ok(Json::Array(items))
            }
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => {
                for (word, value) in [
                    ("true", Json::Bool(true)),
                    ("false", Json::Bool(false)),
                    ("null", Json::Null),
                ] {
                    if self.text[self.pos..].starts_with(word) {
                        self.pos += word.len();
                        return Ok(value);
                    }
                }
                self.fail("expected a value")
            }
        }
    }

    /// Reads an object (the next value must be one), handing each key to `entry`, which must
    /// read that key's value.
    pub fn object(
        &mut self,
        mut entry: impl FnMut(&mut Self, String) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.nested(b'{', b'}', |reader| {
            if reader.peek() != Some(b'"') {
                return reader.fail("expected a key");
            }
            let key = reader.string()?;
            if reader.peek() != Some(b':') {
                return reader.fail("expected `:`");
            }
            reader.pos += 1;
            entry(reader, key)
        })
    }

    /// Reads an array (the next value must be one), calling `item` to read each item.
    pub fn array(&mut self, item: impl FnMut(&mut Self) -> Result<(), Error>) -> Result<(), Error> {
        self.nested(b'[', b']', item)
    }

    fn nested(
        &mut self,
        open: u8,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if self.peek() != Some(open) {
            return self.fail("expected an array or object");
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.fail("nested too deeply");
        }
        self.pos += 1;
        if self.peek() != Some(close) {
            loop {
                item(self)?;
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b) if b == close => break,
                    _ => return self.fail("expected `,` or the end of the array or object"),
                }
            }
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(())
    }

    fn string(&mut self) -> Result<String, Error> {
        self.pos += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.pos;
            let rest = &self.text.as_bytes()[start..];
            let run = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            self.pos += run;
            // Only ASCII bytes stop the scan, so both ends are character boundaries.
            let chunk = &self.text[start..self.pos];
            if out.is_empty() && self.byte() == Some(b'"') {
                // The usual case, a string without escapes: one allocation of the right size.
                self.pos += 1;
                return Ok(chunk.to_string());
            }
            out.push_str(chunk);
            match self.byte() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => return self.fail("control character in a string"),
                None => return self.fail("unterminated string"),
            }
        }
    }

    fn escape(&mut self) -> Result<char, Error> {
        let Some(b) = self.byte() else {
            return self.fail("unterminated string");
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                let code = match unit {
                    0xD800..=0xDBFF => {
                        if !self.text[self.pos..].starts_with("\\u") {
                            return self.fail("lone surrogate in a \\u escape");
                        }
                        self.pos += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return self.fail("lone surrogate in a \\u escape");
                        }
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return self.fail("lone surrogate in a \\u escape"),
                    _ => unit,
                };
                // Every code outside the surrogates is a char.
                char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            _ => return self.fail("invalid escape"),
        })
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut unit = 0;
        for _ in 0..4 {
            let Some(digit) = self.byte().and_then(|b| (b as char).to_digit(16)) else {
                return self.fail("invalid \\u escape");
            };
            unit = unit * 16 + digit;
            self.pos += 1;
        }
        Ok(unit)
    }

    fn digits(&mut self) -> Result<(), Error> {
        if !matches!(self.byte(), Some(b'0'..=b'9')) {
            return self.fail("invalid number");
        }
        while matches!(self.byte(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        Ok(())
    }

    fn number(&mut self) -> Result<Json, Error> {
        let start = self.pos;
        if self.byte() == Some(b'-') {
            self.pos += 1;
        }
        if self.byte() == Some(b'0') {
            self.pos += 1;
        } else {
            self.digits()?;
        }
        if self.byte() == Some(b'.') {
            self.pos += 1;
            self.digits()?;
        }
        if matches!(self.byte(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.byte(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.digits()?;
        }
        let n = parse_f64(&self.text[start..self.pos]);
        if !n.is_finite() {
            return self.fail("number out of range");
        }
        Ok(Json::Number(n))
    }
}

/// The nearest `f64` to a JSON number's text. In the browser, JavaScript's own conversion does
/// it, which spares the bundle Rust's float parser.
fn parse_f64(text: &str) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::parse_float(text);
    #[cfg(not(target_arch = "wasm32"))]
    return text.parse().unwrap_or(f64::NAN);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_values() {
        let value = parse(
            r#" {"a": [1, -2.5e1, true, false, null], "b": "x\"\u00e9\ud83d\ude00", "a": 0} "#,
        );
        let map = [
            ("b".to_string(), Json::String("x\"é😀".into())),
            ("a".to_string(), Json::Number(0.0)),
        ];
        assert_eq!(value, Ok(Json::Object(map.into_iter().collect())));
    }

    #[test]
    fn says_where_the_text_is_wrong() {
        let error = parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((error.line, error.column), (2, 8));
        assert_eq!(error.to_string(), "expected a value at line 2 column 8");
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in [
            "",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "-",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "'a'",
            "\"\t\"",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "1e400",
            "NaN",
            "\u{feff}{}",
            "[] []",
            "[",
        ] {
            assert!(parse(text).is_err(), "{text:?} was read");
        }
    }

    #[test]
    fn refuses_deep_nesting() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
    }
}
