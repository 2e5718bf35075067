//! What the viewer asks of JavaScript itself, in one snippet module (each snippet is a file the
//! browser fetches before the WebAssembly starts): its own folder, comparing paragraphs where
//! they live, keeping the reader's edition, downloading and parsing collection files, and pausing
//! long work (`Pacer`).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(inline_js = "
export function bundle_base() { return new URL('../../', import.meta.url).href; }
export function same_strings(a, b) { return a.length === b.length && a.every((s, i) => s === b[i]); }
export function all_strings(a) { return a.every((s) => typeof s === 'string'); }
export function keep_the_readers_edition() {
  const picked = document.documentElement.getAttribute('data-edition');
  for (const edition of document.querySelectorAll('body [data-edition]')) {
    if (picked ? edition.getAttribute('data-edition') === picked : !edition.hidden) edition.hidden = false;
    else edition.remove();
  }
}
const fetching = new Map(), early = new Map(), asked = new Set();
// While the WebAssembly downloads, the main thread is often free. The page's first
// `Intl.DateTimeFormat`, which loads the locale and time-zone data (about 20 ms; the viewer's own
// formatters then cost under a millisecond), is made then, in a task of its own queued now: the
// start-up script asks for the WebAssembly first, and hydration, which formats dates, no longer
// pays it (at background priority it often ran only after). The collection the page preloads for
// the viewer (`<link rel=preload data-collection>`) is read then too, for the first viewer asking
// for it (unless one already has), when nothing else is waiting (`scheduler.postTask` at
// background priority), so that the app starts first; a browser without it does not read early
// (a timer would wait a second each time in a background tab).
const idle = globalThis.scheduler?.postTask && ((f) => scheduler.postTask(f, { priority: 'background' }));
setTimeout(() => new Intl.DateTimeFormat());
idle?.(() => {
  for (const { href } of document.querySelectorAll('link[rel=preload][data-collection]')) {
    if (asked.has(href)) continue;
    const stop = new AbortController();
    const reading = fetch(href, { signal: stop.signal }).then((r) => answered(r, false, null, () => idle(() => {})));
    reading.catch(() => {});
    early.set(href, [reading, stop]);
  }
});
const answered = async (response, refresh, known, wait) => {
  if (!response.ok) throw response.status;
  const validator = response.headers.get('etag') ?? response.headers.get('last-modified');
  if (refresh && validator !== null && validator === known) return null;
  return [await read_json(response, wait, !refresh && 8 << 20), validator];
};
export async function fetch_json(url, seconds, refresh, known) {
  const href = new URL(url, document.baseURI).href, [reading, stop] = (!refresh && early.get(href)) || [];
  asked.add(href);
  // The early reading, held to this reading's time limit.
  if (reading) {
    early.delete(href);
    const timer = setTimeout(() => stop.abort(new DOMException('', 'TimeoutError')), seconds * 1000);
    return reading.finally(() => clearTimeout(timer));
  }
  let answer = !refresh && fetching.get(url);
  if (!answer) {
    answer = fetch(url, { signal: AbortSignal.timeout(seconds * 1000), cache: refresh ? 'no-cache' : 'default' });
    if (!refresh) fetching.set(url, answer);
  }
  const response = await answer.finally(() => refresh || fetching.delete(url));
  // A shared answer's body is read from a copy, one for each viewer sharing it.
  return answered(refresh ? response : response.clone(), refresh, known);
}
const turns = new MessageChannel(), waiting = [];
turns.port1.onmessage = () => waiting.shift()();
export const pause = () => globalThis.scheduler?.yield?.() ?? new Promise((go) => turns.port2.postMessage(waiting.push(go)));
// A file of at most `whole` characters is parsed in one go once it has arrived: JSON.parse takes
// about 10 ms a megabyte here, half the time scanning takes (1,000 articles with their texts,
// 5.5 MB: one task of 46-66 ms). The first reading, while the page loads anyway, does so up to
// 8 MB; a larger file, and every later reading (the page is in use then), is scanned, never
// holding the page for long.
export async function read_json(response, wait = pause, whole) {
  if (!response.body) return response.json();
  const reader = response.body.getReader(), decoder = new TextDecoder(), lists = [];
  let skeleton = '', batch = '', items = null, depth = 0, kinds = [], quoted = false, slash = -1;
  let escaped = false, key = [0, 0], since = performance.now();
  const take = (text) => { for (const item of JSON.parse(`[${text}]`)) items.push(item); batch = ''; };
  const breathe = async () => { if (performance.now() - since > 20) { await wait(); since = performance.now(); } };
  const scan = async (t) => {
    let from = 0, i = escaped && t ? 1 : 0;
    escaped &&= !t;
    for (slash = -1; i < t.length; i++) {
      if (quoted) {
        if (slash < i) slash = t.indexOf('\\\\', i) >>> 0;
        const end = t.indexOf('\"', i) >>> 0;
        if (slash < end) { i = slash + 1; escaped = i === t.length; continue; }
        if (end >= t.length) break;
        i = end; quoted = false;
        if (depth === 1) key[1] = skeleton.length + i - from + 1;
        continue;
      }
      const c = t[i];
      if (c === '\"') { quoted = true; if (depth === 1) key[0] = skeleton.length + i - from; }
      else if (c === '{' || c === '[') {
        kinds[depth++] = c;
        if (depth === 2 && c === '[' && kinds[0] === '{') {
          skeleton += t.slice(from, i + 1); from = i + 1;
          lists.push([JSON.parse(skeleton.slice(...key)), items = []]);
        }
      } else if (c === '}' || c === ']') {
        if (depth-- === 2 && items) { take(batch + t.slice(from, i)); from = i; items = null; }
      } else if (c === ',' && depth === 2 && items && batch.length + i - from > 1 << 20) {
        take(batch + t.slice(from, i)); from = i + 1;
        await breathe();
      }
    }
    if (items) batch += t.slice(from); else skeleton += t.slice(from);
    await breathe();
  };
  // The text so far while the file may be small, then a megabyte at a time: the browser may give
  // the whole body as one chunk.
  let held = '';
  for (let chunk; !(chunk = await reader.read()).done;) {
    for (let at = 0; at < chunk.value.length; at += 1 << 20) {
      const t = decoder.decode(chunk.value.subarray(at, at + (1 << 20)), { stream: true });
      if (held == null) await scan(t);
      else if ((held += t).length > whole) await scan(held), held = null;
    }
  }
  if (held != null) return JSON.parse(held + decoder.decode());
  await scan(decoder.decode());
  const doc = JSON.parse(skeleton);
  for (const [name, value] of lists) Object.defineProperty(doc, name, { value, enumerable: true, writable: true, configurable: true });
  return doc;
}
")]
extern "C" {
    /// The folder the viewer's files were loaded from: wasm-bindgen places this snippet two
    /// folders below it (`snippets/<crate>-<hash>/inline0.js`).
    pub fn bundle_base() -> String;

    /// Whether two arrays of strings are equal, compared where they live (one call, where
    /// comparing from Rust would cross into JavaScript three times a paragraph).
    pub fn same_strings(a: &js_sys::Array, b: &js_sys::Array) -> bool;

    /// Whether every item of an array is a string, checked where it lives (one call, where a
    /// Rust callback would cross into WebAssembly once an item: 10 ms at 1,000 articles).
    pub fn all_strings(a: &js_sys::Array) -> bool;

    /// The site's root holds every edition's first view: the one the script in its head picked
    /// (`<html data-edition>`; without it, the one not hidden) stays, the others go (see
    /// `crate::prerender`). Here rather than in Rust, where the same loop weighs five times more.
    pub fn keep_the_readers_edition();

    /// The JSON at `url` and its validator (`ETag`, else `Last-Modified`), in `seconds` at most,
    /// body included (`AbortSignal.timeout`: a `TimeoutError`); rejects with the HTTP status of
    /// an answer that is not a success. The JSON is what `Response.json()` gives (and rejects as
    /// it does), never for long at a time once the page has loaded (`read_json`): the first
    /// reading of a file of up to 8 MB parses it at once when it has arrived; a larger file and
    /// a `refresh` are read as they arrive, the items of the document's top-level arrays (a
    /// collection's articles) a megabyte at a time, with a pause whenever 20 ms have gone by,
    /// so that a 50 MB file does not hold the page for a third of a second
    /// (`e2e/read-json.spec.ts` holds both ways to `JSON.parse`). Viewers of one
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
