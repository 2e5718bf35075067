//! What the viewer asks of JavaScript itself, in one snippet module, `src/js.js` (each snippet is
//! a file the browser fetches before the WebAssembly starts; a file module, where wasm-bindgen
//! names its imports by its path, so that editing it leaves the WebAssembly's bytes alone): its
//! own folder, keeping the reader's edition, downloading collection files, and pausing long work
//! (`Pacer`).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(module = "/src/js.js")]
extern "C" {
    /// The folder the viewer's files were loaded from: wasm-bindgen places this snippet three
    /// folders below it (`snippets/<crate>-<hash>/src/js.js`).
    pub fn bundle_base() -> String;

    /// Whether the reader came back to the page (a reload, Back or Forward) rather than arrived.
    pub fn returning() -> bool;

    /// The site's root holds every edition's first view: the one the script in its head picked
    /// (`<html data-edition>`; without it, the one not hidden) stays, the others go (see
    /// `crate::prerender`). Here rather than in Rust, where the same loop weighs five times more.
    pub fn keep_the_readers_edition();

    /// The body of the file at `url` (a reader for `next_chunk`) and its validator (`ETag`,
    /// else `Last-Modified`), the whole body in `seconds` at most (`AbortSignal.timeout`: a
    /// `TimeoutError`); rejects with the HTTP status of an answer that is not a success. Viewers
    /// of one file that start reading it together (several on a page) share one request (each
    /// but the last reading a copy of its body) until it is answered: a later reading (Retry, a
    /// viewer added later) asks the server again. A `refresh` lets the browser revalidate its
    /// copy (an unchanged file costs a 304), and gives `null`, unread, when the validator is
    /// still the one `known`.
    #[wasm_bindgen(catch)]
    pub async fn fetch_body(
        url: &str,
        seconds: u32,
        refresh: bool,
        known: Option<String>,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;

    /// Makes the page's first `Intl` formatter when the page is idle (see `src/js.js`).
    pub fn warm_up_intl();

    /// The next bytes of a body `fetch_body` gave (a `Uint8Array`), `null` at its end.
    pub fn next_chunk(reader: &wasm_bindgen::JsValue) -> js_sys::Promise;

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
