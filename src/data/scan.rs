//! Cuts a collection file, as its bytes arrive, into its articles' JSON texts and the rest of the
//! file (its own keys, the list left empty), so that the reader parses one article at a time and
//! can pause between them (see `data::fetch`): a 50 MB file never holds the page for long, and
//! the bytes of the articles already read are let go. Nothing is parsed here; the scan follows
//! only JSON's strings and brackets, and serde_json then parses each part whole, so that a file
//! that is not JSON is refused as it would be whole.
//!
//! No crate does this: serde_json's `StreamDeserializer` reads a sequence of values, not the
//! items of one array, and cannot pause within a document.

/// A collection file being cut (see the module's documentation).
#[derive(Default)]
pub struct Scanner {
    /// The file's bytes not given away yet.
    buf: Vec<u8>,
    /// Where the scan goes on in `buf`.
    at: usize,
    /// How deep in brackets the scan is: 1 in the file's own object.
    depth: usize,
    /// Where the string the scan is in started.
    quoted: Option<usize>,
    /// The file is an object (its first bracket is `{`).
    object: bool,
    /// The last short string of the file's own object, quotes included: the key of what follows.
    key: Vec<u8>,
    /// In the articles list: where its items start in `buf`, and where the next one begins.
    list: Option<(usize, usize)>,
    /// The list's items, once it has ended: cut out of `buf` when no item is lent any more.
    spent: Option<(usize, usize)>,
    /// The articles list was found. Another (`articles` written twice), or one whose key is
    /// written with escapes, is left whole in the rest of the file (see `Reading::finish_with`).
    found: bool,
    /// How many items were given.
    taken: usize,
}

impl Scanner {
    /// Adds the next bytes of the file.
    pub fn push(&mut self, bytes: &[u8]) {
        self.let_go();
        self.buf.extend_from_slice(bytes);
    }

    /// The next article's JSON text (perhaps with white space around it, perhaps empty where the
    /// list is not JSON: serde_json then says so), once all its bytes are in.
    pub fn next_item(&mut self) -> Option<&[u8]> {
        while let Some(&byte) = self.buf.get(self.at) {
            let i = self.at;
            if let Some(start) = self.quoted {
                let Some(n) = memchr::memchr2(b'"', b'\\', &self.buf[i..]) else {
                    self.at = self.buf.len();
                    break;
                };
                // An escape: its next byte is passed over, once it is in.
                if self.buf[i + n] == b'\\' {
                    if i + n + 1 == self.buf.len() {
                        self.at = i + n;
                        break;
                    }
                    self.at = i + n + 2;
                    continue;
                }
                self.at = i + n + 1;
                self.quoted = None;
                if self.depth == 1 {
                    self.key.clear();
                    if self.at - start <= 64 {
                        self.key.extend_from_slice(&self.buf[start..self.at]);
                    }
                }
                continue;
            }
            self.at += 1;
            match byte {
                b'"' => self.quoted = Some(i),
                b'{' | b'[' => {
                    self.object |= self.depth == 0 && byte == b'{';
                    self.depth += 1;
                    if self.depth == 2 && byte == b'[' && self.object && !self.found {
                        self.found = self.key == b"\"articles\"";
                        self.list = self.found.then_some((i + 1, i + 1));
                    }
                }
                b']' | b'}' => {
                    self.depth = self.depth.saturating_sub(1);
                    if let (1, Some((first, from))) = (self.depth, self.list) {
                        self.list = None;
                        self.spent = Some((first, i));
                        let item = &self.buf[from..i];
                        // An empty list has no item; `[1, ]` has an empty last one.
                        if self.taken == 0 && item.iter().all(u8::is_ascii_whitespace) {
                            return None;
                        }
                        self.taken += 1;
                        return Some(item);
                    }
                }
                b',' if self.depth == 2 => {
                    if let Some((first, from)) = self.list {
                        self.list = Some((first, i + 1));
                        self.taken += 1;
                        return Some(&self.buf[from..i]);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The rest of the file, its articles list left empty, once every byte is in and every item
    /// taken.
    pub fn finish(mut self) -> Vec<u8> {
        self.let_go();
        // A leading byte order mark is dropped, as browsers drop it from a text.
        if self.buf.starts_with(b"\xEF\xBB\xBF") {
            self.buf.drain(..3);
        }
        self.buf
    }

    /// Cuts out the items already given.
    fn let_go(&mut self) {
        let (from, to) = match (self.spent.take(), &mut self.list) {
            (Some(spent), _) => spent,
            (None, Some((first, next))) => (*first, std::mem::replace(next, *first)),
            (None, None) => return,
        };
        self.buf.drain(from..to);
        self.at -= to - from;
        if let Some(start) = self.quoted.as_mut().filter(|start| **start >= to) {
            *start -= to - from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// What the scanner makes of `text` given in pieces of `sizes` bytes (repeated): the file
    /// with its articles put back, or the error's kind.
    fn rebuilt(text: &[u8], sizes: &[usize]) -> Result<Value, String> {
        let mut scanner = Scanner::default();
        let mut items = Vec::new();
        let mut at = 0;
        for &size in sizes.iter().cycle() {
            if at >= text.len() {
                break;
            }
            scanner.push(&text[at..(at + size).min(text.len())]);
            at += size;
            while let Some(item) = scanner.next_item() {
                items.push(serde_json::from_slice::<Value>(item).map_err(|_| "item")?);
            }
        }
        let mut doc = serde_json::from_slice::<Value>(&scanner.finish()).map_err(|_| "rest")?;
        if !items.is_empty() {
            doc["articles"] = Value::Array(items);
        }
        Ok(doc)
    }

    #[test]
    fn the_articles_are_cut_out_however_the_bytes_come() {
        let doc = json!({
            "schema": 1, "x": "articles", "y": ["a", ["b"]],
            "articles": [{"id": "a\"]}", "t": ["\\", "\u{1F600}é"]}, 2, "three", [], {}],
            "z": {"articles": [1]}
        });
        let text = serde_json::to_vec_pretty(&doc).unwrap();
        for size in 1..=text.len() {
            assert_eq!(rebuilt(&text, &[size]), Ok(doc.clone()), "pieces of {size}");
        }
        // Escapes cut in two, and a key written with escapes (its list left whole).
        let escaped = br#"{"\u0061rticles": [{"a": "\\\"x\\"}, "\\"], "b": "\\\\"}"#;
        for size in 1..=4 {
            assert_eq!(
                rebuilt(escaped, &[size, 1]),
                Ok(json!({"articles": [{"a": "\\\"x\\"}, "\\"], "b": "\\\\"}))
            );
        }
    }

    #[test]
    fn what_is_not_json_is_refused_as_json_refuses_it() {
        let texts: [&[u8]; 10] = [
            br#"{"articles": [1, ]}"#,
            br#"{"articles": [, 1]}"#,
            br#"{"articles": [1 2]}"#,
            br#"{"articles": [{"a": 1]]}"#,
            br#"{"articles": [{"a": 1}}]"#,
            br#"{"articles": [1]"#,
            br#"{"articles": ["#,
            br#"{"articles": [1]} x"#,
            b"{\"articles\": [\"\xff\"]}",
            b"",
        ];
        for text in texts {
            for size in [1, 3, text.len().max(1)] {
                let whole = serde_json::from_slice::<Value>(text);
                assert!(whole.is_err(), "{}", String::from_utf8_lossy(text));
                assert!(
                    rebuilt(text, &[size]).is_err(),
                    "{}",
                    String::from_utf8_lossy(text)
                );
            }
        }
        assert_eq!(
            rebuilt(br#"{"articles": [ ], "a": []}"#, &[2]),
            Ok(json!({"articles": [], "a": []}))
        );
        assert_eq!(rebuilt(b" [1, [2]] ", &[3]), Ok(json!([1, [2]])));
        assert_eq!(
            rebuilt(b"\xEF\xBB\xBF{\"articles\": [1]}", &[1]),
            Ok(json!({"articles": [1]}))
        );
    }

    /// A random JSON value, of the strings most likely to trouble a scan.
    fn random_value(depth: usize, random: &mut impl FnMut(usize) -> usize) -> Value {
        const WORDS: [&str; 13] = [
            "", "a", "é", "\"", "\\", "x\\\"y", "عربي", "😀", "\n", "articles", "]", "{", ",",
        ];
        match (depth > 3, random(3)) {
            (true, _) | (_, 0) => json!(WORDS[random(WORDS.len())]),
            (_, 1) => (0..random(4))
                .map(|_| random_value(depth + 1, random))
                .collect(),
            _ => (0..random(4))
                .map(|_| {
                    (
                        WORDS[random(WORDS.len())].to_string(),
                        random_value(depth + 1, random),
                    )
                })
                .collect::<serde_json::Map<_, _>>()
                .into(),
        }
    }

    #[test]
    fn random_files_read_as_json_reads_them() {
        let mut seed = 7u64;
        let mut random = move |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for round in 0..400 {
            let doc: serde_json::Map<_, _> = (0..1 + random(4))
                .map(|_| {
                    (
                        ["schema", "articles", "older", "a\"b"][random(4)].to_string(),
                        random_value(1, &mut random),
                    )
                })
                .collect();
            let mut text = serde_json::to_vec(&doc).unwrap();
            // Broken files too: a character added or taken away.
            if round % 3 == 0 {
                let at = random(text.len());
                let extra = [",", "]", "}", "[", "\"", "", " x", "\\"][random(8)].bytes();
                text.splice(at..at + random(2).min(text.len() - at), extra);
            }
            let whole = serde_json::from_slice::<Value>(&text).map_err(|_| ());
            let got = rebuilt(&text, &[1 + random(7), 1 + random(7)]).map_err(|_| ());
            assert_eq!(got, whole, "{}", String::from_utf8_lossy(&text));
        }
    }
}
