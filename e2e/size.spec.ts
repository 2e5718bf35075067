import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

// Transfer size is deterministic, so its budget is a test: what a first load of the release build
// downloads besides the article data (wasm, JS glue and snippets, CSS) must stay within 130 KB
// brotli. The budget leaves room for the libraries (serde, serde-wasm-bindgen, Leptos' keyed
// lists and memos) in place of code of our own; the first view's speed comes from prerendering,
// not from the last kilobytes.
const BUDGET = 130 * 1024;

test('wasm + JS + CSS of a first load stay within the size budget (brotli)', () => {
  const files = readdirSync('dist', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(wasm|css)$/.test(f) || f === 'news-viewer.js' || (f.startsWith('snippets/') && f.endsWith('.js')));
  expect(files.some((f) => f.endsWith('.wasm'))).toBe(true);
  const brotli = (f: string) => brotliCompressSync(readFileSync(`dist/${f}`), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const total = files.reduce((sum, f) => sum + brotli(f), 0);
  console.log(`first-load bundle: ${(total / 1024).toFixed(1)} KB brotli over ${files.length} files`);
  expect(total).toBeLessThanOrEqual(BUDGET);
});
