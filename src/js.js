// The viewer's JavaScript (see `src/js.rs`, which declares each export for Rust).
export function bundle_base() { return new URL('../../../', import.meta.url).href; }
export function same_strings(a, b) { return a.length === b.length && a.every((s, i) => s === b[i]); }
export function all_strings(a) { return a.every((s) => typeof s === 'string'); }
export const returning = () => /^(reload|back_forward)$/.test(performance.getEntriesByType('navigation')[0]?.type);
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
  return [await read_json(response, wait), validator];
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
export async function read_json(response, wait = pause) {
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
        if (slash < i) slash = t.indexOf('\\', i) >>> 0;
        const end = t.indexOf('"', i) >>> 0;
        if (slash < end) { i = slash + 1; escaped = i === t.length; continue; }
        if (end >= t.length) break;
        i = end; quoted = false;
        if (depth === 1) key[1] = skeleton.length + i - from + 1;
        continue;
      }
      const c = t[i];
      if (c === '"') { quoted = true; if (depth === 1) key[0] = skeleton.length + i - from; }
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
  // A megabyte at a time: the browser may give the whole body as one chunk.
  for (let chunk; !(chunk = await reader.read()).done;) {
    for (let at = 0; at < chunk.value.length; at += 1 << 20) {
      await scan(decoder.decode(chunk.value.subarray(at, at + (1 << 20)), { stream: true }));
    }
  }
  await scan(decoder.decode());
  const doc = JSON.parse(skeleton);
  for (const [name, value] of lists) Object.defineProperty(doc, name, { value, enumerable: true, writable: true, configurable: true });
  return doc;
}
