import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';

// The viewer reads collection files as they arrive, a batch of articles at a time (`read_json` in
// src/js.js). Whatever the file and however its bytes come in, it must give what JSON.parse
// gives, and reject what JSON.parse rejects, with the same kind of error.
const snippet = readdirSync('dist/snippets', { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('.js'));

test('reading a file as it arrives gives what JSON.parse gives, however its bytes are cut', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  const report = await page.evaluate(async (url) => {
    const { read_json } = await import(url);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const text = (): string => pick(['', 'a', 'é', '"', '\\', 'x\\"y', 'عربي ٣', '😀', '\n', '__proto__', 'articles', ']', '{', ',', '\\u0041'])
      + (random() < 0.3 ? text() : '');
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.3) return pick([1, -2.5e-3, true, false, null, text(), 0]);
      if (r < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [text(), value(depth + 1)]));
    };
    const doc = () => Object.fromEntries(Array.from({ length: 1 + Math.floor(random() * 4) }, () => [
      pick(['schema', 'articles', 'older', '__proto__', 'a"b', text()]),
      random() < 0.5 ? Array.from({ length: Math.floor(random() * 6) }, () => value(1)) : value(1)]));
    // A response whose body comes in pieces of 1 to `most` bytes, cut anywhere (inside a
    // character's UTF-8 bytes too).
    const respond = (body: string, most: number, wait = 0) => {
      const bytes = new TextEncoder().encode(body);
      let at = 0;
      return new Response(new ReadableStream({
        async pull(c) {
          if (wait) await new Promise((go) => setTimeout(go, wait));
          if (at >= bytes.length) return c.close();
          const n = 1 + Math.floor(random() * most);
          c.enqueue(bytes.slice(at, at + n));
          at += n;
        },
      }));
    };
    const outcome = async (read: () => Promise<unknown>) => {
      try { return JSON.stringify(await read()); } catch (e) { return (e as Error).constructor.name; }
    };
    const files: [string, number][] = [];
    for (let i = 0; i < 400; i++) {
      let body = JSON.stringify(doc(), null, random() < 0.5 ? 1 : undefined);
      // Broken files too: a character added or taken away.
      if (random() < 0.3) {
        const at = Math.floor(random() * body.length);
        body = body.slice(0, at) + pick([',', ']', '}', '[', '"', '', ' x', '\\']) + body.slice(at + (random() < 0.5 ? 1 : 0));
      }
      files.push([body, 6]);
    }
    // Files large enough to be read in several batches, as whole and as cut short.
    const articles = Array.from({ length: 4000 }, (_, i) => ({ id: `a-${i}`, translations: { fr: { title: text(), body: [text(), 'Lorem ipsum '.repeat(60)] } } }));
    const big = JSON.stringify({ schema: 1, articles, generated: '2024-01-01T00:00:00Z' });
    files.push([big, 65536], [big.replace(/,\{"id":"a-3999"/, ',,{"id":"a-3999"'), 65536], [big.slice(0, -2), 65536]);
    const wrong = [];
    for (const [body, most] of files) {
      const [want, got] = [await outcome(async () => JSON.parse(body)), await outcome(() => read_json(respond(body, most)))];
      if (want !== got) wrong.push({ body: body.slice(0, 200), want: want.slice(0, 200), got: got.slice(0, 200) });
    }
    // Where the browser has no scheduler.yield(), it pauses otherwise, and reads the same (the
    // body comes slowly: it pauses after each piece).
    const { yield: pause } = scheduler;
    Object.defineProperty(scheduler, 'yield', { value: undefined, configurable: true });
    const without = await outcome(() => read_json(respond(big, 1 << 20, 25)));
    Object.defineProperty(scheduler, 'yield', { value: pause, configurable: true });
    if (without !== JSON.stringify(JSON.parse(big))) wrong.push({ body: 'without scheduler.yield', want: '', got: without.slice(0, 200) });
    return { files: files.length, wrong, big: big.length };
  }, `/snippets/${snippet}`);
  expect(report.big).toBeGreaterThan(3 << 20);
  expect(report.wrong).toEqual([]);
});
