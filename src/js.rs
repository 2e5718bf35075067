//! What the viewer asks of JavaScript itself, in one snippet module, `src/js.js` (each snippet is
//! a file the browser fetches before the WebAssembly starts; a file module, where wasm-bindgen
//! names its imports by its path, so that editing it leaves the WebAssembly's bytes alone): its
//! own folder, comparing paragraphs where
//! they live, keeping the reader's edition, downloading and parsing collection files, and pausing
//! long work (`Pacer`).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(module = "/src/js.js")]
extern "C" {
    /// The folder the viewer's files were loaded from: wasm-bindgen places this snippet three
    /// folders below it (`snippets/<crate>-<hash>/src/js.js`).
    pub fn bundle_base() -> String;

    /// Whether two arrays of strings are equal, compared where they live (one call, where
    /// comparing from Rust would cross into JavaScript three times a paragraph).
    pub fn same_strings(a: &js_sys::Array, b: &js_sys::Array) -> bool;

    /// Whether every item of an array is a string, checked where it lives (one call, where a
    /// Rust callback would cross into WebAssembly once an item: 10 ms at 1,000 articles).
    pub fn all_strings(a: &js_sys::Array) -> bool;

    /// Whether the reader came back to the page (a reload, Back or Forward) rather than arrived.
    pub fn returning() -> bool;

    /// The site's root holds every edition's first view: the one the script in its head picked
    /// (`<html data-edition>`; without it, the one not hidden) stays, the others go (see
    /// `crate::prerender`). Here rather than in Rust, where the same loop weighs five times more.
    pub fn keep_the_readers_edition();

    /// The JSON at `url` and its validator (`ETag`, else `Last-Modified`), in `seconds` at most,
    /// body included (`AbortSignal.timeout`: a `TimeoutError`); rejects with the HTTP status of
    /// an answer that is not a success. The JSON is what `Response.json()` gives (and rejects as
    /// it does), read as it arrives and never for long at a time (`read_json`): the items of the
    /// document's top-level arrays (a collection's articles) are parsed a megabyte at a time,
    /// with a pause whenever 20 ms have gone by, so that a 50 MB file does not hold the page for
    /// a third of a second (`e2e/read-json.spec.ts` holds it to `JSON.parse`). Viewers of one
    /// file that start reading it together (several on a page) share one request, each reading a
    /// copy of its body, until it is answered: a later reading (Retry, a viewer added later) asks
    /// the server again. A `refresh` lets the browser revalidate its copy (an unchanged file
    /// costs a 304), and gives `null`, unparsed, when the validator is still the one `known`.
    /// A file the page preloads with `data-collection` (the published pages do) is read before
    /// the viewer starts where the browser has `scheduler.postTask`, and the first reading of it
    /// takes that.
    #[wasm_bindgen(catch)]
    pub async fn fetch_json(
        url: &str,
        seconds: u32,
        refresh: bool,
        known: Option<String>,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;

    /// Gives the event loop a turn: `scheduler.yield()` where there is one, else a message to
    /// itself (a timer would wait a second each time in a background tab).
    fn pause() -> js_sys::Promise;
}

/// Spreads long work over several tasks, so that the page is never held for long: `pace`, called
/// before each step, gives the event loop a turn at once (what came before, such as showing new
/// headlines, goes first), then whenever 20 ms have gone by since the last.
pub struct Pacer(f64);

impl Pacer {
    pub fn start() -> Pacer {
        Pacer(f64::NEG_INFINITY)
    }

    pub async fn pace(&mut self) {
        if js_sys::Date::now() - self.0 > 20.0 {
            Pacer::give_way().await;
            self.0 = js_sys::Date::now();
        }
    }

    /// Gives the event loop a turn now.
    pub async fn give_way() {
        let _ = wasm_bindgen_futures::JsFuture::from(pause()).await;
    }
}
