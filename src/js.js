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
// The page's first `Intl.DateTimeFormat` loads the locale and time-zone data (20 to 60 ms; the
// viewer's own formatters then cost under a millisecond). Hydration writes no date (see
// `format::keeping_prerendered`); this makes one when the page is idle, before a reader opens
// another article.
export const warm_up_intl = () => (globalThis.requestIdleCallback ?? setTimeout)(() => new Intl.DateTimeFormat());
export async function fetch_body(url, seconds, refresh, known) {
  let shared = !refresh && fetching.get(url);
  if (!shared) {
    shared = { answer: fetch(url, { signal: AbortSignal.timeout(seconds * 1000), cache: refresh ? 'no-cache' : 'default' }), takers: 0 };
    if (!refresh) fetching.set(url, shared);
  }
  shared.takers++;
  const answer = await shared.answer.finally(() => refresh || fetching.delete(url));
  // Viewers sharing an answer read copies of it, and the last of them the answer itself: a copy
  // costs a pass over the bytes.
  const response = --shared.takers ? answer.clone() : answer;
  if (!response.ok) throw response.status;
  const validator = response.headers.get('etag') ?? response.headers.get('last-modified');
  if (refresh && validator !== null && validator === known) return null;
  return [(response.body ?? new Response('').body).getReader(), validator];
}
export const next_chunk = (reader) => reader.read().then(({ done, value }) => (done ? null : value));
const turns = new MessageChannel(), waiting = [];
turns.port1.onmessage = () => waiting.shift()();
export const pause = () => globalThis.scheduler?.yield?.() ?? new Promise((go) => turns.port2.postMessage(waiting.push(go)));
