// The viewer's JavaScript (see `src/js.rs`, which declares each export for Rust).
export function bundle_base() { return new URL('../../../', import.meta.url).href; }
export const returning = () => /^(reload|back_forward)$/.test(performance.getEntriesByType('navigation')[0]?.type);
export function keep_the_readers_edition() {
  const picked = document.documentElement.getAttribute('data-edition');
  for (const edition of document.querySelectorAll('body [data-edition]')) {
    if (picked ? edition.getAttribute('data-edition') === picked : !edition.hidden) edition.hidden = false;
    else edition.remove();
  }
}
const fetching = new Map();
// While the WebAssembly downloads, the main thread is often free. The page's first
// `Intl.DateTimeFormat`, which loads the locale and time-zone data (about 20 ms; the viewer's own
// formatters then cost under a millisecond), is made then, in a task of its own queued now: the
// start-up script asks for the WebAssembly first, and hydration, which formats dates, no longer
// pays it.
setTimeout(() => new Intl.DateTimeFormat());
export async function fetch_body(url, seconds, refresh, known) {
  let answer = !refresh && fetching.get(url);
  if (!answer) {
    answer = fetch(url, { signal: AbortSignal.timeout(seconds * 1000), cache: refresh ? 'no-cache' : 'default' });
    if (!refresh) fetching.set(url, answer);
  }
  // A shared answer's body is read from a copy, one for each viewer sharing it.
  const response = await answer.finally(() => refresh || fetching.delete(url)).then((r) => (refresh ? r : r.clone()));
  if (!response.ok) throw response.status;
  const validator = response.headers.get('etag') ?? response.headers.get('last-modified');
  if (refresh && validator !== null && validator === known) return null;
  return [(response.body ?? new Response('').body).getReader(), validator];
}
export const next_chunk = (reader) => reader.read().then(({ done, value }) => (done ? null : value));
const turns = new MessageChannel(), waiting = [];
turns.port1.onmessage = () => waiting.shift()();
export const pause = () => globalThis.scheduler?.yield?.() ?? new Promise((go) => turns.port2.postMessage(waiting.push(go)));
