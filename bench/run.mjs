// The benchmark: `make bench` (after `make build`). Measures the release build in dist/ against a
// hand-written vanilla-JS page (bench/floor/) that renders the same headlines and article, both
// in headless Chromium, interleaved in one run, and a 100,000-article archive published with
// publish-articles. Prints a table and writes bench/out/results.json.
//   BENCH_RUNS=9 (cold loads per case), BENCH_LIGHTHOUSE=0 to skip Lighthouse, BENCH_ARCHIVE_PAGES=0
//   to skip publishing the archive with its pages.
import { chromium } from '@playwright/test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { serve, staticHandler } from '../e2e/server.mjs';
import { archive, writeCollections } from './generate.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const PORT = 8095;
const OUT = 'bench/out';
const BUDGET_BROTLI = 180 * 1024;
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--enable-precise-memory-info'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const results = { runs: RUNS, sizes: {}, load: {}, interaction: {}, ticker: {}, memory: {}, update: {}, archive: {}, lighthouse: null };

// --- Transfer size: deterministic. -----------------------------------------------------------
function sizes(file) {
  const body = readFileSync(file);
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
const dist = readdirSync('dist').filter((f) => statSync(join('dist', f)).isFile());
const kinds = { wasm: /\.wasm$/, js: /^news-viewer\.js$/, css: /\.css$/ };
for (const [kind, pattern] of Object.entries(kinds)) {
  results.sizes[kind] = dist.filter((f) => pattern.test(f))
    .map((f) => sizes(join('dist', f)))
    .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}
results.sizes.json = sizes('dist/articles.json');
results.sizes.floor = sizes('bench/floor/floor.js');
const appBrotli = results.sizes.wasm.brotli + results.sizes.js.brotli + results.sizes.css.brotli;
results.sizes.appBrotli = appBrotli;

// --- Where the wasm's bytes go: twiggy over cargo's own output, which keeps the names section
// (the shipped file is the same code after wasm-opt, without names). -----------------------------
try {
  const wasm = 'target/wasm32-unknown-unknown/release/news-viewer.wasm';
  const { stdout } = await promisify(execFile)('twiggy', ['top', '-n', '40', '--format', 'json', wasm], { maxBuffer: 1 << 26 });
  // Code and data only: the names and wasm-bindgen's custom sections are not shipped.
  results.sizes.topContributors = JSON.parse(stdout)
    .filter((item) => !/^("function names"|custom section|\.\.\. and|Σ)/.test(item.name))
    .slice(0, 10)
    .map((item) => ({ name: item.name.slice(0, 90), bytes: item.shallow_size, percent: item.shallow_size_percent }));
} catch (error) {
  results.sizes.topContributors = { error: String(error.message ?? error) };
}

// --- Data sets and the server. ---------------------------------------------------------------
const [big1, big10] = writeCollections(OUT, [1000, 10000]);
// A newsroom's archive: 100,000 articles (about 1 KB of text in each of two languages) in one file,
// which the floor page reads whole, and published with our tool as pages and text files.
const ARCHIVE = 100_000;
const archiveFile = join(OUT, `archive-${ARCHIVE}.json`);
writeFileSync(archiveFile, JSON.stringify(archive(ARCHIVE)));
const published = join(OUT, 'archive');
{
  await promisify(execFile)('cargo', ['build', '--quiet', '--release', '--bin', 'publish-articles']);
  // Into an empty folder: publishing again into the same one writes only what changed.
  rmSync(published, { recursive: true, force: true });
  const started = performance.now();
  const { stdout } = await promisify(execFile)('target/release/publish-articles', [archiveFile, published]);
  const [, files, bytes] = stdout.match(/(\d+) files written \((\d+) bytes\)/);
  results.archive = {
    articles: ARCHIVE, inputBytes: statSync(archiveFile).size, publishSeconds: (performance.now() - started) / 1000,
    files: Number(files), bytes: Number(bytes), firstPageBytes: statSync(join(published, 'articles.json')).size,
  };
  console.log(`published ${ARCHIVE} articles: ${stdout.trim()}`);
}
// The same archive published as a site, with every article's pages (issue 26), into its own
// folder: time and peak memory (GNU time), files and bytes; then 10 newer dispatches published
// into the same folder, and the files that publish rewrote. BENCH_ARCHIVE_PAGES=0 skips it (about
// 15 minutes and 12 GB of disk, removed afterwards).
if (process.env.BENCH_ARCHIVE_PAGES !== '0') {
  const folder = join(OUT, 'archive-site');
  rmSync(folder, { recursive: true, force: true });
  const publishSite = async (input) => {
    const { stdout, stderr } = await promisify(execFile)('/usr/bin/time', ['-v', 'target/release/publish-articles',
      '--site', 'dist', '--base-url', 'https://news.example/', input, folder], { maxBuffer: 1 << 26 });
    const [, written, bytes, kept, removed, seconds] =
      stdout.match(/(\d+) files written \((\d+) bytes\), (\d+) kept as they were, (\d+) removed, in ([\d.]+) s/);
    const peakKb = Number(stderr.match(/Maximum resident set size \(kbytes\): (\d+)/)[1]);
    return { written: Number(written), bytes: Number(bytes), kept: Number(kept), removed: Number(removed), seconds: Number(seconds), peakBytes: peakKb * 1024 };
  };
  const first = await publishSite(archiveFile);
  const doc = archive(ARCHIVE);
  doc.articles.unshift(...Array.from({ length: 10 }, (_, i) => ({
    ...doc.articles[0], id: `dispatch-${i}`, published: `2100-01-01T00:00:0${i}Z`,
  })));
  const plus10 = join(OUT, `archive-${ARCHIVE}-plus-10.json`);
  writeFileSync(plus10, JSON.stringify(doc));
  const again = await publishSite(plus10);
  results.archive.site = { first, again };
  console.log(`published ${ARCHIVE} articles with pages:`, results.archive.site);
  rmSync(folder, { recursive: true, force: true });
  rmSync(plus10, { force: true });
}
const datasets = { bundled: 'public/articles.json', 1000: big1, 10000: big10, archive: archiveFile };
const mounts = {};
const files = {};
// Each data set gets the site a publisher would build with it: dist/ with that file, its pages
// published by the binary trunk's hook runs (from dist/template.html, the page trunk wrote).
const prerender = promisify(execFile);
for (const [name, file] of Object.entries(datasets)) {
  const site = join(OUT, `site-${name}`);
  rmSync(site, { recursive: true, force: true });
  cpSync('dist', site, { recursive: true });
  // The archive's site serves the published folder: its first page is the viewer's articles.json.
  // Its older pages join after the hook, which then gives pages to the first page's articles
  // only: 200,000 article pages are the archive publishing's own measure, not this one's.
  const older = (f) => /^older-\d+\.json$/.test(f);
  if (name === 'archive') cpSync(published, site, { recursive: true, filter: (f) => !older(basename(f)) });
  else cpSync(file, join(site, 'articles.json'));
  if (name !== 'bundled') {
    const started = Date.now();
    await prerender('cargo', ['run', '--quiet', '--release', '--bin', 'prerender'],
      { env: { ...process.env, TRUNK_STAGING_DIR: site }, maxBuffer: 1 << 26 })
      .catch((error) => { throw new Error(`prerender ${name}: ${error.stderr ?? error}`); });
    console.log(`pages of ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (name === 'archive') cpSync(published, site, { recursive: true, filter: (f) => older(basename(f)) || statSync(f).isDirectory() });
  mounts[`/ours/${name}/`] = site;
  mounts[`/floor/${name}/`] = 'bench/floor';
  files[`/floor/${name}/articles.json`] = file;
}
mounts['/ours/archive-page/'] = join(OUT, 'site-archive');
mounts['/floor/archive-page/'] = 'bench/floor';
files['/floor/archive-page/articles.json'] = join(published, 'articles.json');
// The bundled collection as a newsroom publishes it into the built site: publish-articles --site.
{
  const site = join(OUT, 'site-published');
  rmSync(site, { recursive: true, force: true });
  await prerender('cargo', ['run', '--quiet', '--release', '--bin', 'publish-articles', '--', '--site', 'dist',
    '--base-url', 'https://news.example/', 'public/articles.json', site], { maxBuffer: 1 << 26 });
  mounts['/ours/published/'] = site;
  mounts['/floor/published/'] = 'bench/floor';
  files['/floor/published/articles.json'] = 'public/articles.json';
}
// Embedding (issue 23): a publisher's page with the viewer above its own content, the space
// reserved as the README says, pasted (embed.js fetches the fragment) or included (the page holds
// it), against the floor page: the hand-written embed that fetches the JSON and renders it.
{
  const site = join(OUT, 'site-embed');
  rmSync(site, { recursive: true, force: true });
  cpSync('dist', site, { recursive: true });
  const page = (host, head = '') => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>Le Courrier</title>
    <style>[data-article-viewer] { display: block; min-height: 100vh; }</style>
    <script type="module" src="embed.js"></script>${head}</head><body><h1>Le Courrier</h1>${host}
    ${'<p>Le texte de la page de l’éditeur, sous le lecteur.</p>'.repeat(20)}</body></html>`;
  // Pasted as the README says: the host's fragment preloaded in the head, after the loader.
  writeFileSync(join(site, 'pasted.html'), page('<div data-article-viewer data-lang="fr"></div>',
    '<link rel="preload" href="embed/fr.html" as="fetch" crossorigin="anonymous">'));
  const fragment = readFileSync('dist/embed/fr.html', 'utf8');
  writeFileSync(join(site, 'included.html'), page(`<div data-article-viewer data-lang="fr">${fragment}</div>`));
  mounts['/ours/embed/'] = site;
  mounts['/floor/embed/'] = 'bench/floor';
  files['/floor/embed/articles.json'] = 'public/articles.json';
}
const server = await serve(PORT, staticHandler('dist', { mounts, files, compress: true }));
const url = (variant, dataset, query = '') => `http://127.0.0.1:${PORT}/${variant}/${dataset}/${query}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });

// Records when the first headline and the article's first paragraph are in the DOM, looking
// inside shadow roots too. It checks once a frame: a MutationObserver over the whole document
// would itself slow the page it measures many times over.
// `interactive` is when the app has taken the page over and a click is handled (the viewer's
// root carries `data-live`); `ready` when it has also read the whole collection file (no
// `aria-busy`). The floor page is interactive and ready once it shows its content.
// `headline` and `title` (the article's `h1`) count only when shown: the site's root holds every
// edition, and only the reader's has boxes.
function markFirstContent() {
  const marks = (window.__marks = {});
  // Shown: it has a box and is not kept unseen (an embedded viewer waits for its stylesheet).
  const shown = (e) => e && e.getClientRects().length > 0 && e.checkVisibility({ visibilityProperty: true });
  const check = () => {
    const roots = [document, ...[...document.querySelectorAll('[data-article-viewer]')].map((h) => h.shadowRoot).filter(Boolean)];
    for (const [name, selector] of [['headline', '.nv-ticker__link'], ['title', '.nv-article__title'], ['paragraph', '.nv-article__body p'],
      ['interactive', '.nv[data-live], #app .nv-article'], ['ready', '.nv[data-live]:not([aria-busy]), #app .nv-article']]) {
      if (!marks[name] && roots.some((r) => [...r.querySelectorAll(selector)].some(shown))) marks[name] = performance.now();
    }
    // A case may wait for one mark only (a page without any article's text has no paragraph).
    const wanted = window.__benchOnly ? [window.__benchOnly] : ['headline', 'paragraph', 'ready'];
    if (wanted.some((mark) => !marks[mark])) requestAnimationFrame(check);
    else console.log('bench:content');
  };
  requestAnimationFrame(check);
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
  // The host page's layout shift (the viewer above the host's content).
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

// A phone's network as Lighthouse's mobile profile has it, and a slower CPU.
const PHONE = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function coldLoad(variant, dataset, { network, cpu, locale, path, only } = {}) {
  const context = await browser.newContext(locale ? { locale } : {});
  const page = await context.newPage();
  let transferred = 0;
  if (network || cpu) {
    const cdp = await context.newCDPSession(page);
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
      cdp.on('Network.loadingFinished', (event) => { transferred += event.encodedDataLength; });
    }
    if (cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  }
  if (only) await page.addInitScript((mark) => { window.__benchOnly = mark; }, only);
  await page.addInitScript(markFirstContent);
  // Waiting for a console message leaves the page alone: polling with waitForFunction would inject
  // Playwright's script into it (about 25 ms of main thread) while it is still loading.
  const content = page.waitForEvent('console', { predicate: (m) => m.text() === 'bench:content', timeout: 60_000 });
  await page.goto(url(variant, dataset, path?.[variant] ?? ''));
  try {
    await content;
  } catch (error) {
    console.error(`${variant} ${dataset}: no content after 60 s`, await page.evaluate(() => window.__marks));
    throw error;
  }
  const marks = await page.evaluate(() => window.__marks);
  if (network) {
    await page.waitForLoadState('networkidle');
    marks.bytes = transferred;
    marks.cls = await page.evaluate(() => window.__cls);
  }
  await context.close();
  return marks;
}

// --- Load: cold loads, interleaved. ---------------------------------------------------------
const MARKS = ['headline', 'title', 'paragraph', 'interactive', 'ready'];
// Readers arriving (issue 25): at the root with an English or Arabic browser (the floor is asked
// for that language), and at a shared article's page (the floor for that article), over the
// phone network; the same on the site publish-articles --site wrote.
// The one article of the bundled file with a text (every mark waits for a paragraph).
const shared = 'russie-aide-militaire-chine-new-york-times';
const arrivals = [
  { name: 'root, en-GB browser, phone network', dataset: 'bundled', locale: 'en-GB', path: { floor: '?lang=en' } },
  { name: 'root, ar-MA browser, phone network', dataset: 'bundled', locale: 'ar-MA', path: { floor: '?lang=ar' } },
  { name: 'article page (ar), phone network', dataset: 'bundled', path: { ours: `${shared}.ar.html`, floor: `?article=${shared}&lang=ar` } },
  { name: 'published site: root, en-GB, phone network', dataset: 'published', locale: 'en-GB', path: { floor: '?lang=en' } },
  { name: 'published site: article page (ar), phone network', dataset: 'published', path: { ours: `${shared}.ar.html`, floor: `?article=${shared}&lang=ar` } },
].map((c) => ({ ...c, network: PHONE }));
const embeds = [
  { name: 'embed pasted, phone network', dataset: 'embed', network: PHONE, path: { ours: 'pasted.html' } },
  { name: 'embed included, phone network', dataset: 'embed', network: PHONE, path: { ours: 'included.html' } },
];
// The published archive's root against a hand-written page that fetches its first page (500
// headlines, no text) and renders it (issue 26): the first headline only.
const archivePage = { name: 'archive first page, phone network', dataset: 'archive-page', network: PHONE, only: 'headline' };
const cases = [
  ...Object.keys(datasets).map((dataset) => ({ name: dataset, dataset })),
  { name: 'bundled, phone network', dataset: 'bundled', network: PHONE },
  { name: 'bundled, 4× slower CPU', dataset: 'bundled', cpu: 4 },
  ...arrivals,
  ...embeds,
  archivePage,
];
for (const { name, dataset, network, cpu, locale, path, only } of cases) {
  const samples = { ours: {}, floor: {} };
  for (let i = 0; i < RUNS; i++) {
    for (const variant of ['ours', 'floor']) {
      const m = await coldLoad(variant, dataset, { network, cpu, locale, path, only });
      console.log(`load ${name} ${variant}: ${MARKS.filter((k) => m[k]).map((k) => `${k} ${m[k].toFixed(0)} ms`).join(', ')}`);
      for (const k of [...MARKS, 'bytes', 'cls']) if (m[k] !== undefined) (samples[variant][k] ??= []).push(m[k]);
    }
  }
  results.load[name] = Object.fromEntries(Object.entries(samples).map(([v, s]) =>
    [v, Object.fromEntries(Object.keys(s).map((k) => [k, median(s[k])]))]));
}

// --- The archive's first headline against ours on the bundled file, loads interleaved with
// nothing else between them (the floor's 260 MB loads leave the machine busy for a while). ------
{
  const samples = { bundled: [], archive: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const dataset of ['bundled', 'archive']) samples[dataset].push((await coldLoad('ours', dataset)).headline);
  }
  results.archive.firstHeadline = { bundled: median(samples.bundled), archive: median(samples.archive) };
}

// --- Interaction at 10,000 articles. -----------------------------------------------------------
async function interact(page, action) {
  return page.evaluate(async (action) => {
    const root = document.querySelector('[data-article-viewer]')?.shadowRoot ?? document;
    const title = () => root.querySelector('.nv-article__title')?.textContent;
    const before = title();
    const longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const changed = new Promise((resolve, reject) => {
      const mo = new MutationObserver(() => { if (title() !== before) { mo.disconnect(); resolve(); } });
      mo.observe(root, { childList: true, subtree: true, characterData: true });
      setTimeout(() => reject(new Error(`no change within 10 s after ${JSON.stringify(action)}`)), 10_000);
    });
    const start = performance.now();
    if (action.nextLang) {
      const current = root.querySelector('.nv')?.lang || document.documentElement.lang;
      const next = { fr: 'en', en: 'ar', ar: 'fr' }[current];
      root.querySelector(`.nv-langs__button[lang="${next}"]`).click();
    }
    else root.querySelectorAll('.nv-ticker__copy:not([aria-hidden]) .nv-ticker__link, .nv-ticker__copy:not([aria-hidden]) a')[action.open].click();
    await changed;
    const elapsed = performance.now() - start;
    await new Promise((r) => setTimeout(r, 120));
    observer.disconnect();
    return { elapsed, longTasks: longTasks.filter((d) => d >= 50).length };
  }, action);
}

for (const variant of ['ours', 'floor']) {
  const page = await browser.newPage();
  await page.addInitScript(markFirstContent);
  await page.goto(url(variant, 10000));
  await page.waitForFunction(() => window.__marks.ready, null, { timeout: 60_000 });
  const lang = [];
  const open = [];
  let longTasks = 0;
  for (let i = 0; i < RUNS; i++) {
    const l = await interact(page, { nextLang: true });
    const o = await interact(page, { open: 5 + i });
    lang.push(l.elapsed); open.push(o.elapsed);
    longTasks += l.longTasks + o.longTasks;
  }
  results.interaction[variant] = { languageSwitch: median(lang), openArticle: median(open), longTasks };
  if (variant === 'ours') {
    const session = await page.context().newCDPSession(page);
    const heap = await session.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
    results.memory = { jsHeap: heap.usedSize, wasm, json: statSync(big10).size, ratio: (heap.usedSize + wasm) / statSync(big10).size };
  }
  await page.close();
}

// --- The archive: opening articles whose text is in its own file. --------------------------------
// From the click on a headline of the list to the article's first paragraph in the DOM: texts not
// fetched yet (every third headline, so that the one prefetched when the browser is idle is never
// one of them), then texts fetched ahead (the pointer entered the headline). Then the memory after
// the first page and 20 opened articles.
{
  const page = await browser.newPage();
  await page.addInitScript(markFirstContent);
  await page.goto(url('ours', 'archive'));
  await page.waitForFunction(() => window.__marks.ready, null, { timeout: 60_000 });
  await page.waitForTimeout(500);
  const open = (index, ahead) => page.evaluate(async ({ index, ahead }) => {
    const root = document;
    const link = root.querySelectorAll('.nv-more__link')[index];
    // A published page's link (`<id>.<lang>.html`), or the query's.
    const href = new URL(link.href);
    const id = href.searchParams.get('article') ?? href.pathname.split('/').pop().replace(/\.[a-z]+\.html$/, '');
    const textLoaded = () => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/text/${id}.json`));
    if (ahead) {
      link.dispatchEvent(new PointerEvent('pointerenter'));
      const until = performance.now() + 5000;
      while (!textLoaded() && performance.now() < until) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
    }
    const fetchedBefore = textLoaded();
    const title = link.textContent;
    const longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const shown = new Promise((resolve, reject) => {
      const done = () => root.querySelector('.nv-article__title')?.textContent === title && root.querySelector('.nv-article__body p');
      const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(); } });
      mo.observe(root.body, { childList: true, subtree: true, characterData: true });
      setTimeout(() => reject(new Error(`${id}: no paragraph within 10 s`)), 10_000);
    });
    const start = performance.now();
    link.click();
    await shown;
    const elapsed = performance.now() - start;
    await new Promise((r) => setTimeout(r, 150));
    observer.disconnect();
    return { elapsed, longTasks: longTasks.filter((d) => d >= 50).length, fetchedBefore };
  }, { index, ahead });
  const cold = [];
  const warm = [];
  let longTasks = 0;
  let opened = 0;
  // The list's 29 other headlines hold 9 such pairs: more runs (BENCH_RUNS) would go past them.
  for (let i = 0; i < Math.min(RUNS, 9); i++) {
    const c = await open(3 + 3 * i, false);
    if (c.fetchedBefore) throw new Error('an article meant to be opened cold was fetched before');
    const w = await open(4 + 3 * i, true);
    if (!w.fetchedBefore) throw new Error('an article meant to be prefetched was not');
    cold.push(c.elapsed); warm.push(w.elapsed);
    longTasks += c.longTasks + w.longTasks;
    opened += 2;
  }
  // The list holds 29 headlines besides the open article; those opened already come from the cache.
  for (; opened < 20; opened++) await open(2 + ((3 * Math.min(RUNS, 9) + opened) % 27), false);
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const heap = await session.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
  Object.assign(results.archive, { openCold: median(cold), openPrefetched: median(warm), openLongTasks: longTasks, jsHeap: heap.usedSize, wasm });
  await page.close();
}

// --- Live update at 10,000 articles: the file read again holds 10 new headlines. -----------------
// From the end of the response to the updated DOM (the list under the article shows the new
// headlines at once), and from the viewer's "news-viewer:update" mark (the file read) to it.
{
  const base = JSON.parse(readFileSync(big10, 'utf8'));
  let version = 0;
  let body = JSON.stringify(base);
  const publish = () => {
    version++;
    const fresh = Array.from({ length: 10 }, (_, i) => ({
      id: `breaking-${version}-${i}`, published: `2100-01-01T00:${String(version).padStart(2, '0')}:0${i}Z`,
      translations: { fr: { title: `Dernière minute ${version}.${i}` } },
    }));
    base.articles.unshift(...fresh);
    body = JSON.stringify(base);
  };
  const files = staticHandler('dist');
  const live = await serve(PORT + 1, async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/update/page.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="fr"><head>
        <meta charset="utf-8"><title>Update</title><script type="module" src="/embed.js"></script></head><body>
        <div data-article-viewer data-lang="fr" data-src="/update/articles.json" data-refresh="1"></div></body></html>`);
    } else if (path === '/update/articles.json') {
      res.writeHead(200, { 'content-type': 'application/json', etag: `"v${version}"`, 'cache-control': 'no-cache' }).end(body);
    } else await files(req, res);
  });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT + 1}/update/page.html`);
  await page.waitForFunction(() => document.querySelector('[data-article-viewer]')?.shadowRoot?.querySelector('.nv[data-live]:not([aria-busy]) .nv-more__link'), null, { timeout: 60_000 });
  const apply = [];
  const total = [];
  let longTasks = 0;
  for (let i = 0; i < RUNS; i++) {
    const measured = page.evaluate((expected) => new Promise((resolve, reject) => {
      const root = document.querySelector('[data-article-viewer]').shadowRoot;
      const long = [];
      const po = new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => [e.startTime, e.duration])));
      po.observe({ type: 'longtask' });
      const mo = new MutationObserver(() => {
        if (root.querySelector('.nv-more__link')?.textContent !== expected) return;
        const done = performance.now();
        mo.disconnect();
        const read = performance.getEntriesByName('news-viewer:update').at(-1).startTime;
        const response = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/update/articles.json')).at(-1).responseEnd;
        setTimeout(() => { po.disconnect(); resolve({ apply: done - read, total: done - response, long: long.filter(([start, d]) => start + d >= response).length }); }, 300);
      });
      mo.observe(root, { childList: true, subtree: true, characterData: true });
      setTimeout(() => reject(new Error('no update within 60 s')), 60_000);
    }), `Dernière minute ${version + 1}.9`);
    publish();
    const r = await measured;
    apply.push(r.apply); total.push(r.total); longTasks += r.long;
  }
  results.update = { apply: median(apply), total: median(total), longTasks };
  await page.close();
  live.close();
}

// --- Ticker: 10 s of motion, then paused. --------------------------------------------------------
{
  const page = await browser.newPage();
  await page.goto(url('ours', 'bundled'));
  await page.locator('.nv-ticker__link').first().waitFor();
  await page.mouse.move(1, 700);
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await session.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const window = async (seconds) => {
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => window.__long.push(...l.getEntries())).observe({ type: 'longtask' });
    });
    const a = await metrics();
    await page.waitForTimeout(seconds * 1000);
    const b = await metrics();
    return {
      seconds,
      layouts: b.LayoutCount - a.LayoutCount,
      styleRecalcs: b.RecalcStyleCount - a.RecalcStyleCount,
      mainThreadMs: (b.TaskDuration - a.TaskDuration) * 1000,
      longTasks: await page.evaluate(() => window.__long.length),
    };
  };
  results.ticker.moving = await window(10);
  await page.locator('.nv-ticker__toggle').click();
  await page.mouse.move(1, 700);
  results.ticker.paused = await window(5);
  await page.close();
}
await browser.close();

// --- Lighthouse (mobile, default throttling) on the compressed standalone page. ------------------
if (process.env.BENCH_LIGHTHOUSE !== '0') {
  const report = join(OUT, 'lighthouse.json');
  try {
    // Asynchronously: the server answering Lighthouse lives in this process.
    await promisify(execFile)('npx', ['lighthouse', url('ours', 'bundled'), '--quiet', '--output=json', `--output-path=${report}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      `--chrome-flags=--headless=new ${chromiumArgs.join(' ')}`], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 300_000 });
    const lh = JSON.parse(readFileSync(report, 'utf8'));
    results.lighthouse = Object.fromEntries(Object.values(lh.categories).map((c) => [c.id, Math.round(c.score * 100)]));
    results.lighthouseMetrics = Object.fromEntries(['largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'interactive']
      .map((id) => [id, lh.audits[id]?.displayValue]));
    results.lighthouseMisses = Object.values(lh.audits)
      .filter((a) => a.score !== null && a.score < 1 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))
      .map((a) => `${a.id} ${a.displayValue ?? a.score}`);
  } catch (error) {
    results.lighthouse = { error: String(error.message ?? error) };
  }
}
server.close();

// --- Report. -------------------------------------------------------------------------------------
writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
const rows = [];
const row = (what, ours, floor, target, ok) => rows.push({ what, ours, floor, target, ok: ok === undefined ? '' : ok ? 'ok' : 'MISSED' });
for (const kind of ['wasm', 'js', 'css', 'json']) {
  const s = results.sizes[kind];
  row(`size ${kind} (raw / gzip / brotli)`, `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`, kind === 'js' ? kb(results.sizes.floor.brotli) + ' br' : '', '', undefined);
}
row('size wasm+js+css brotli', kb(appBrotli), kb(results.sizes.floor.brotli), `≤ ${kb(BUDGET_BROTLI)}`, appBrotli <= BUDGET_BROTLI);
// Targets: the prerendered first view against the floor (bundled data: ≤ 1.0× on 127.0.0.1,
// ≤ 0.6× over the phone network; the 4× CPU case is reported), and the issue 8 targets (≤ 1.5×)
// for the large collections.
// Arrivals: the first headline in the reader's language at the root ≤ 0.8×, a shared article's
// title in its h1 ≤ 0.6×.
const targets = { bundled: 1.0, 'bundled, phone network': 0.6, 1000: 1.5, 10000: 1.5 };
const arrivalTargets = Object.fromEntries(arrivals.map(({ name }) => [name, name.includes('root') ? { headline: 0.8 } : { title: 0.6 }]));
// Embedding: the first headline ≤ 1.0× the hand-written embed pasted, ≤ 0.6× included.
arrivalTargets['embed pasted, phone network'] = { headline: 1.0 };
arrivalTargets['embed included, phone network'] = { headline: 0.6 };
arrivalTargets[archivePage.name] = { headline: 0.6 };
for (const [name, r] of Object.entries(results.load)) {
  for (const mark of MARKS.filter((k) => r.ours[k] !== undefined && r.floor[k] !== undefined)) {
    const ratio = r.ours[mark] / r.floor[mark];
    const target = arrivalTargets[name] ? arrivalTargets[name][mark]
      : mark === 'headline' || mark === 'paragraph' ? targets[name] : undefined;
    row(`load ${name}: ${mark === 'headline' || mark === 'paragraph' ? 'first ' : ''}${mark}`, `${ms(r.ours[mark])} (${ratio.toFixed(2)}×)`,
      ms(r.floor[mark]), target ? `≤ ${target}× floor` : '', target ? ratio <= target : undefined);
  }
  if (name.startsWith('embed')) {
    const most = name.includes('included') ? 0.01 : 0.1;
    row(`load ${name}: transferred`, kb(r.ours.bytes), kb(r.floor.bytes), '', undefined);
    row(`load ${name}: host CLS`, r.ours.cls.toFixed(3), r.floor.cls.toFixed(3), `≤ ${most}`, r.ours.cls <= most);
  }
}
const a = results.archive;
row(`archive: publish ${a.articles.toLocaleString('en')} articles (${kb(a.inputBytes)})`, `${a.publishSeconds.toFixed(1)} s, ${a.files} files, ${kb(a.bytes)}`, '', '', undefined);
if (a.site) {
  const { first, again } = a.site;
  const files = first.written + first.kept;
  row(`archive: publish ${a.articles.toLocaleString('en')} articles with pages`,
    `${first.seconds.toFixed(0)} s, peak ${(first.peakBytes / 2 ** 20).toFixed(0)} MB, ${files} files, ${(first.bytes / 2 ** 30).toFixed(2)} GB, ${kb(first.bytes / a.articles)} per article`,
    '', 'peak ≤ 1 GB', first.peakBytes <= 2 ** 30);
  const share = again.written / (again.written + again.kept);
  row('archive: publish again with 10 more articles: files rewritten', `${again.written} of ${again.written + again.kept} (${(share * 100).toFixed(2)} %), ${again.seconds.toFixed(0)} s`,
    '', '< 1 %', share < 0.01);
}
const firstHeadline = a.firstHeadline.archive / a.firstHeadline.bundled;
row('archive: first headline / ours on the bundled file', `${ms(a.firstHeadline.archive)} / ${ms(a.firstHeadline.bundled)} = ${firstHeadline.toFixed(2)}×`,
  `${(results.load.archive.floor.headline / a.firstHeadline.bundled).toFixed(2)}× (one file)`, '≤ 1.2×', firstHeadline <= 1.2);
row('archive: open article, text not fetched: click -> paragraph', ms(a.openCold), '', '≤ 50 ms', a.openCold <= 50);
row('archive: open article, text prefetched', ms(a.openPrefetched), '', '≤ 16 ms', a.openPrefetched <= 16);
row('archive: long tasks while opening', String(a.openLongTasks), '', '0', a.openLongTasks === 0);
row('archive: memory after first page + 20 articles (JS heap + wasm)', `${kb(a.jsHeap)} + ${kb(a.wasm)}`, '', `first page ${kb(a.firstPageBytes)}`, undefined);
for (const [key, label] of [['languageSwitch', 'language switch'], ['openArticle', 'open article']]) {
  const o = results.interaction.ours[key];
  row(`10,000: ${label}`, ms(o), ms(results.interaction.floor[key]), '≤ 16 ms', o <= 16);
}
row('10,000: long tasks during interactions', String(results.interaction.ours.longTasks), String(results.interaction.floor.longTasks), '0', results.interaction.ours.longTasks === 0);
const u = results.update;
row('10,000: update of 10 headlines, file read -> DOM', ms(u.apply), '', '≤ 16 ms', u.apply <= 16);
row('10,000: update, response end -> DOM (parse included)', ms(u.total), '', '(≤ 16 ms asked)', u.total <= 16);
row('10,000: long tasks from the response on (parse included)', String(u.longTasks), '', '0', u.longTasks === 0);
const t = results.ticker;
row('ticker 10 s moving: layouts / long tasks', `${t.moving.layouts} / ${t.moving.longTasks}`, '', '0 / 0', t.moving.layouts === 0 && t.moving.longTasks === 0);
row('ticker moving: main thread busy', ms(t.moving.mainThreadMs), '', 'small', undefined);
row('ticker 5 s paused: main thread busy', ms(t.paused.mainThreadMs), '', '≈ 0', t.paused.mainThreadMs < 100);
const m = results.memory;
row('memory at 10,000: JS heap + wasm', `${kb(m.jsHeap)} + ${kb(m.wasm)} = ${m.ratio.toFixed(2)}× JSON (${kb(m.json)})`, '', '≤ 3× JSON', m.ratio <= 3);
if (results.lighthouse && !results.lighthouse.error) {
  for (const [id, score] of Object.entries(results.lighthouse)) row(`lighthouse ${id}`, String(score), '', '100', score === 100);
  for (const [id, value] of Object.entries(results.lighthouseMetrics)) row(`lighthouse mobile ${id}`, String(value), '', '', undefined);
  for (const miss of results.lighthouseMisses) row('lighthouse audit below 1', miss, '', '', undefined);
} else {
  row('lighthouse', results.lighthouse?.error ?? 'skipped', '', '100', undefined);
}
console.table(rows);
console.log('The wasm\'s ten largest contributors (before wasm-opt, twiggy top):');
console.table(results.sizes.topContributors);
console.log(`figures written to ${join(OUT, 'results.json')}`);
