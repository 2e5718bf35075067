import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

// Transfer size is deterministic, so its budget is a test. What a first load of the release build
// downloads besides the article data (wasm, JS glue and snippets, CSS) measured 122.1 KB brotli
// when this budget was set (it was 156 KB before the viewer dropped serde_json, float formatting
// and AnyView branches). The target is 100 KB (issue 8) and is not met yet: this test holds the
// line at 125 KB so that nothing grows unnoticed while the bundle is being cut down further.
const BUDGET = 125 * 1024;

test('wasm + JS + CSS of a first load stay within the size budget (brotli)', () => {
  const files = readdirSync('dist', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(wasm|css)$/.test(f) || f === 'news-viewer.js' || (f.startsWith('snippets/') && f.endsWith('.js')));
  expect(files.some((f) => f.endsWith('.wasm'))).toBe(true);
  const brotli = (f: string) => brotliCompressSync(readFileSync(`dist/${f}`), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const total = files.reduce((sum, f) => sum + brotli(f), 0);
  console.log(`first-load bundle: ${(total / 1024).toFixed(1)} KB brotli over ${files.length} files`);
  expect(total).toBeLessThanOrEqual(BUDGET);
});
