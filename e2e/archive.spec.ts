import { expect, Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';

// A newsroom's archive, published by our own tool into pages and text files, read by the viewer
// from a server of our own that logs every request and breaks the files the tests ask it to.

const port = 8092;
const origin = `http://127.0.0.1:${port}`;
const folder = resolve('test-results/archive-site');

/** 75 dated articles with a text in French and English: 20 a page, so four pages. */
function collection() {
  const articles = Array.from({ length: 75 }, (_, i) => ({
    id: `article-${i}`,
    published: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    source: { name: 'Agence' },
    translations: {
      fr: { title: `Titre ${i}`, summary: `Résumé ${i}`, body: [`Premier paragraphe de l'article ${i}.`, 'Suite.'] },
      en: { title: `Headline ${i}`, body: [`First paragraph of article ${i}.`] },
    },
  }));
  // One long text, to read far down into.
  articles[60].translations.fr.body.push(...Array.from({ length: 30 }, (_, p) => `Paragraphe ${p + 2} : ${'du texte à lire, '.repeat(12)}fin.`));
  return { schema: 1, default_language: 'fr', articles };
}

type Fault = '404' | '500' | 'timeout' | 'drop' | 'not-json' | 'invalid' | 'other-id' | 'slow';
const faults = new Map<string, Fault>();
/** Files the newsroom changed since publishing, by path: served instead of the published ones. */
const changed = new Map<string, string>();
let requestTimes: [string, number][] = [];
let requests: string[] = [];
let inFlight = 0;
let mostInFlight = 0;
/** Slow answers also wait for this: a test holds them while it acts with them in flight. */
let held = Promise.resolve();
let server: Server;

function page(opts: { standalone?: boolean; article?: string; refresh?: string; ticker?: boolean }) {
  const attrs = [
    'data-article-viewer', 'data-src="/archive/articles.json"', `data-refresh="${opts.refresh ?? '0'}"`,
    opts.standalone ? 'data-standalone' : '', opts.article ? `data-article="${opts.article}"` : '',
    opts.ticker ? 'data-view="ticker"' : '',
  ].join(' ');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Archives</title>
    <link rel="icon" href="/favicon.svg"><script type="module" src="/embed.js"></script></head>
    <body><main><div id="v" ${attrs}></div></main></body></html>`;
}

test.beforeAll(async () => {
  mkdirSync(folder, { recursive: true });
  const input = join(folder, 'collection.json');
  writeFileSync(input, JSON.stringify(collection()));
  execFileSync('cargo', ['run', '--quiet', '--bin', 'publish-articles', '--', '--page-size', '20', input, join(folder, 'archive')]);
  // The standalone page a publisher builds on the archive: dist/ with the published folder, its
  // first view prerendered by the binary trunk's hook runs.
  const site = join(folder, 'site');
  rmSync(site, { recursive: true, force: true });
  cpSync('dist', site, { recursive: true });
  cpSync(join(folder, 'archive'), site, { recursive: true });
  execFileSync('cargo', ['run', '--quiet', '--no-default-features', '--features', 'ssr', '--bin', 'prerender'],
    { env: { ...process.env, TRUNK_STAGING_DIR: site } });
  const { serve, staticHandler } = await import('./server.mjs');
  const files = staticHandler('dist', { mounts: { '/archive/': join(folder, 'archive'), '/site/': site } });
  server = await serve(port, async (req: any, res: any) => {
    const url = new URL(req.url!, origin);
    if (url.pathname === '/page.html') {
      const q = url.searchParams;
      const html = page({ standalone: q.has('standalone'), article: q.get('embed-article') ?? undefined, refresh: q.get('refresh') ?? undefined, ticker: q.has('ticker') });
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    if (!/^\/(archive|site)\//.test(url.pathname)) return files(req, res);
    requests.push(url.pathname.replace(/^\/(archive|site)\//, ''));
    requestTimes.push([url.pathname, Date.now()]);
    const json = (body: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    if (changed.has(url.pathname) && !faults.has(url.pathname)) return json(changed.get(url.pathname)!);
    const id = url.pathname.match(/text\/(.+)\.json$/)?.[1];
    switch (faults.get(url.pathname)) {
      case '404': return void res.writeHead(404).end('not found');
      case '500': return void res.writeHead(500).end('server error');
      case 'timeout': return; // never answers
      case 'drop': return void req.socket.destroy();
      case 'not-json': return json('<html>Maintenance</html>');
      case 'invalid': return json(JSON.stringify({ schema: 1, articles: [{ id, translations: {} }] }));
      case 'other-id': return json(JSON.stringify({ schema: 1, articles: [{ id: 'intrus', translations: { fr: { title: 'Intrus', body: ['Pas le bon.'] } } }] }));
      case 'slow': {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await Promise.all([new Promise((done) => setTimeout(done, 400)), held]);
        inFlight--;
        return files(req, res);
      }
      default: return files(req, res);
    }
  });
});

test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

test.beforeEach(() => {
  faults.clear();
  changed.clear();
  requests = [];
  requestTimes = [];
  inFlight = mostInFlight = 0;
  held = Promise.resolve();
});

const title = (page: Page) => page.locator('.nv-article__title');
const firstParagraph = (page: Page) => page.locator('.nv-article__body p').first();
const listLinks = (page: Page) => page.locator('.nv-more__link');
const texts = () => requests.filter((r) => r.startsWith('text/'));

async function open(page: Page, query = '') {
  await page.goto(`${origin}/page.html${query}`);
  await expect(title(page).or(page.locator('.nv-not-found, .nv-article__failed, .nv-article__loading')).first()).toBeVisible();
}

test('the first page shows like a whole file; texts come when opened and are kept for the session', async ({ page }) => {
  await open(page, '?standalone');
  await expect(title(page)).toHaveText('Titre 74');
  await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 74.");
  // The ticker holds the first page's headlines only, the list likewise until asked for more.
  await expect(page.locator('.nv-ticker__copy:not([aria-hidden]) .nv-ticker__link')).toHaveCount(20);
  await expect(listLinks(page)).toHaveCount(19);
  expect(requests.filter((r) => !r.startsWith('text/'))).toEqual(['articles.json']);

  await listLinks(page).filter({ hasText: 'Titre 65' }).click();
  await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 65.");
  await expect(page).toHaveURL(/article=article-65/);
  await expect(page.locator('.nv-ticker__copy:not([aria-hidden]) .nv-ticker__link')).toHaveCount(20);
  await expect(title(page)).toBeFocused();
  expect(texts().filter((t) => t === 'text/article-65.json')).toHaveLength(1);
  // Once the browser is idle, the next article's text is fetched ahead.
  await expect.poll(texts).toContain('text/article-64.json');
  const fetched = texts().length;

  // Back and Forward show the texts read before, with no new request.
  await page.goBack();
  await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 74.");
  await page.goForward();
  await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 65.");
  await page.waitForTimeout(300);
  expect(texts().slice(fetched).filter((t) => t.endsWith('article-74.json') || t.endsWith('article-65.json'))).toEqual([]);

  // The interface language switches the text too, from the same file.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(firstParagraph(page)).toHaveText('First paragraph of article 65.');
});

test('a headline pointed at is fetched ahead, one request at a time, and opens from it', async ({ page }) => {
  await open(page);
  await expect(firstParagraph(page)).toBeVisible();
  await page.waitForTimeout(300); // the idle prefetch of the next article
  for (let i = 60; i <= 64; i++) faults.set(`/archive/text/article-${i}.json`, 'slow');
  requests = [];
  // The first text pointed at is held until the reader has pointed at the other four: under
  // load, four hovers can take longer than a slow answer.
  let release = () => {};
  held = new Promise<void>((done) => { release = done; });
  for (let i = 64; i >= 60; i--) await listLinks(page).filter({ hasText: `Titre ${i}` }).hover();
  release();
  await expect.poll(() => texts().length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(1200);
  expect(mostInFlight).toBe(1);
  // The first pointed at, then the last one wished while it was in flight.
  expect(texts().slice(0, 2)).toEqual(['text/article-64.json', 'text/article-60.json']);
  const before = texts().length;
  await listLinks(page).filter({ hasText: 'Titre 60' }).click();
  await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 60.");
  expect(texts().slice(before).filter((t) => t === 'text/article-60.json')).toEqual([]);
});

const faultCases: [Fault, string][] = [
  ['404', 'le serveur a répondu par l\'erreur HTTP 404.'],
  ['500', 'le serveur a répondu par l\'erreur HTTP 500.'],
  ['timeout', 'aucune réponse en 8 secondes.'],
  ['drop', 'le réseau est injoignable.'],
  ['not-json', 'le fichier n\'est pas du JSON valide (il est peut-être tronqué).'],
  ['invalid', 'le fichier ne contient pas cet article sous une forme lisible.'],
  ['other-id', 'le fichier ne contient pas cet article sous une forme lisible.'],
];

for (const [fault, reason] of faultCases) {
  test(`a text file that fails (${fault}) is said in the article part, with Retry`, async ({ page }) => {
    if (fault === 'timeout') test.setTimeout(45_000);
    faults.set('/archive/text/article-60.json', fault);
    await open(page, '?embed-article=article-60');
    const failed = page.locator('.nv-article__failed[role="alert"]');
    await expect(failed).toContainText(`Le texte de cet article n'a pas pu être chargé : ${reason}`, { timeout: 15_000 });
    // The headline part of the article, the ticker and the list keep working.
    await expect(title(page)).toHaveText('Titre 60');
    await expect(page.locator('.nv-ticker__copy:not([aria-hidden]) .nv-ticker__link')).toHaveCount(20);
    await listLinks(page).filter({ hasText: 'Titre 70' }).click();
    await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 70.");
    await page.goto(`${origin}/page.html?embed-article=article-60`);
    await expect(failed).toBeVisible({ timeout: 15_000 });
    faults.clear();
    await failed.getByRole('button', { name: 'Réessayer' }).click();
    await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 60.");
    await expect(title(page)).toBeFocused();
  });
}

test('Show more reads the older pages only when asked, and the ticker stays on the first', async ({ page }) => {
  await open(page, '?refresh=0.5');
  await expect(listLinks(page)).toHaveCount(19);
  const more = page.getByRole('button', { name: 'Afficher plus de titres' });
  await more.click();
  // The next page's 20 headlines join the 19 listed.
  await expect(listLinks(page)).toHaveCount(39);
  await expect(listLinks(page).nth(19)).toBeFocused();
  await expect(listLinks(page).nth(19)).toHaveText('Titre 54');
  expect(requests.filter((r) => r.startsWith('older'))).toEqual(['older-1.json']);
  // Readings of the first page while the page is open keep the older headlines.
  const updates: unknown[] = [];
  await page.exposeFunction('sawUpdate', (d: unknown) => updates.push(d));
  await page.evaluate(() => document.addEventListener('article-viewer:update', (e) => (window as any).sawUpdate((e as CustomEvent).detail)));
  await expect.poll(() => requests.filter((r) => r === 'articles.json').length).toBeGreaterThanOrEqual(3);
  await expect(listLinks(page)).toHaveCount(39);
  expect(updates).toEqual([]);
  await more.click();
  await expect(listLinks(page)).toHaveCount(59);
  await more.click();
  await expect(listLinks(page)).toHaveCount(74);
  await expect(more).toHaveCount(0);
  await expect(listLinks(page).last()).toHaveText('Titre 0');
  expect(requests.filter((r) => r.startsWith('older'))).toEqual(['older-1.json', 'older-2.json', 'older-3.json']);
  await expect(page.locator('.nv-ticker__copy:not([aria-hidden]) .nv-ticker__link')).toHaveCount(20);
});

test('an older page that fails says so under the list, and Show more tries again', async ({ page }) => {
  faults.set('/archive/older-1.json', '500');
  await open(page);
  const more = page.getByRole('button', { name: 'Afficher plus de titres' });
  await more.click();
  await expect(page.locator('.nv-more__failed[role="alert"]')).toHaveText(
    "Les titres plus anciens n'ont pas pu être chargés : le serveur a répondu par l'erreur HTTP 500.");
  await expect(listLinks(page)).toHaveCount(19);
  faults.clear();
  await more.click();
  await expect(listLinks(page)).toHaveCount(39);
  await expect(page.locator('.nv-more__failed')).toHaveCount(0);
});

test('a deep link to an article on the last older page opens through article_url', async ({ page }) => {
  await open(page, '?standalone&article=article-3');
  await expect(title(page)).toHaveText('Titre 3');
  await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 3.");
  expect(requests.filter((r) => r.startsWith('older'))).toEqual([]);
  expect(texts()).toContain('text/article-3.json');
  // An id the archive does not have is not found.
  await open(page, '?standalone&article=article-999');
  await expect(page.locator('.nv-not-found')).toBeVisible();
  // A deep link whose file fails gets the error and Retry.
  faults.set('/archive/text/article-4.json', '500');
  await open(page, '?standalone&article=article-4');
  await expect(page.locator('.nv-article__failed[role="alert"]')).toContainText('HTTP 500');
  faults.clear();
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 4.");
});

test('the prerendered page of an archive shows the featured text from its file, and keeps it', async ({ page, browser }) => {
  // Without JavaScript: the first view alone.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const still = await noScript.newPage();
  await still.goto(`${origin}/site/`);
  await expect(still.locator('.nv-article__body p').first()).toHaveText("Premier paragraphe de l'article 74.");
  await noScript.close();
  requests = [];
  await page.addInitScript(() => {
    (window as any).sawLoading = false;
    new MutationObserver(() => {
      if (document.querySelector('.nv-article__loading')) (window as any).sawLoading = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${origin}/site/`);
  await expect(page.locator('.nv[data-live]:not([aria-busy])')).toBeVisible();
  await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 74.");
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as any).sawLoading)).toBe(false);
  expect(requests).not.toContain('text/article-74.json');
  await listLinks(page).filter({ hasText: 'Titre 70' }).click();
  await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 70.");
});

/** The published file at `path` (under the archive folder), edited by `edit`. */
function edited(path: string, edit: (file: any) => void) {
  const file = JSON.parse(readFileSync(join(folder, 'archive', path), 'utf8'));
  edit(file);
  return JSON.stringify(file);
}

for (const standalone of [false, true]) {
  test(`"show the new version" reads the changed text file again (${standalone ? 'standalone' : 'embedded'})`, async ({ page }) => {
    await open(page, `?refresh=0.5&${standalone ? 'standalone&article' : 'embed-article'}=article-70`);
    await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 70.");
    const retitle = (a: any) => { if (a.id === 'article-70') a.translations.fr.title = 'Titre 70, corrigé'; };
    changed.set('/archive/articles.json', edited('articles.json', (f) => f.articles.forEach(retitle)));
    changed.set('/archive/text/article-70.json', edited('text/article-70.json', (f) => {
      f.articles.forEach(retitle);
      f.articles[0].translations.fr.body[0] = 'Le paragraphe corrigé.';
    }));
    await expect(page.locator('.nv-notice')).toContainText('Cet article a été mis à jour', { timeout: 10_000 });
    // The reader keeps the version they were reading until they ask for the new one.
    await expect(title(page)).toHaveText('Titre 70');
    const before = texts().length;
    await page.getByRole('button', { name: 'Afficher la nouvelle version' }).click();
    await expect(title(page)).toHaveText('Titre 70, corrigé');
    await expect(firstParagraph(page)).toHaveText('Le paragraphe corrigé.');
    expect(texts().slice(before)).toContain('text/article-70.json');
    // Next, then Previous: still the new version.
    await page.getByRole('link', { name: /^Article suivant/ }).click();
    await expect(title(page)).not.toHaveText('Titre 70, corrigé');
    await page.getByRole('link', { name: /^Article précédent/ }).click();
    await expect(title(page)).toHaveText('Titre 70, corrigé');
    await expect(firstParagraph(page)).toHaveText('Le paragraphe corrigé.');
  });
}

test('opening an article joins its prefetch in flight: a text that never answers fails 8 s after its one request', async ({ page }) => {
  test.setTimeout(45_000);
  const warnings: string[] = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await open(page);
  await expect(firstParagraph(page)).toBeVisible();
  faults.set('/archive/text/article-62.json', 'timeout');
  const link = listLinks(page).filter({ hasText: 'Titre 62' });
  await link.hover();
  await expect.poll(texts).toContain('text/article-62.json');
  await page.waitForTimeout(3000);
  await link.click();
  // When the error shows, by the page's clock (the same machine's as the server's). A
  // mutation observer's callback runs before any later task, so before the check below
  // sees the error (a frame callback may not have run yet: that made this test flaky).
  await page.evaluate(() => {
    const root = document.querySelector('#v')!.shadowRoot!;
    const seen = () => !!root.querySelector('.nv-article__failed') && ((window as any).failedAt = Date.now());
    if (!seen()) new MutationObserver((_, o) => { if (seen()) o.disconnect(); })
      .observe(root, { childList: true, subtree: true });
  });
  const failed = page.locator('.nv-article__failed[role="alert"]');
  await expect(failed).toContainText('aucune réponse en 8 secondes', { timeout: 15_000 });
  const asked = requestTimes.filter(([path]) => path === '/archive/text/article-62.json');
  expect(asked).toHaveLength(1);
  const hang = await page.evaluate(() => (window as any).failedAt) - asked[0][1];
  console.log(`hang to error: ${hang} ms after the one request`);
  expect(hang).toBeLessThanOrEqual(8500);
  expect(warnings.filter((w) => w.includes('article-62'))).toHaveLength(1);
});

test('a reload keeps the place in an article whose text comes from its own file', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  faults.set('/site/text/article-60.json', 'slow');
  await page.goto(`${origin}/site/?article=article-60&lang=ar`);
  await expect(page.locator('.nv-article__body p').nth(20)).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 1100));
  await page.waitForTimeout(100);
  await page.reload();
  await expect(page.locator('.nv-article__body p').nth(20)).toBeAttached();
  await page.waitForTimeout(600);
  const place = await page.evaluate(() => Math.round(scrollY));
  console.log(`reload place: ${place} px (was 1100)`);
  expect(Math.abs(place - 1100)).toBeLessThanOrEqual(100);
});

test('a Retry that fails again leaves focus on Retry', async ({ page }) => {
  faults.set('/archive/text/article-60.json', '500');
  await open(page, '?embed-article=article-60');
  const retry = page.locator('.nv-article__failed').getByRole('button', { name: 'Réessayer' });
  await retry.click();
  await expect(page.locator('.nv-article__failed')).toBeVisible();
  await expect.poll(() => texts().filter((t) => t === 'text/article-60.json').length).toBe(2);
  await expect(retry).toBeFocused();
  faults.clear();
  await page.keyboard.press('Enter');
  await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 60.");
  await expect(title(page)).toBeFocused();
});

test('an embedded reader on the article heading stays there when its text arrives', async ({ page }) => {
  // In an embed the document's active element is the host, not the heading in its shadow root.
  // The text is held back until the reader has gone to the heading by the skip button.
  let release = () => {};
  const held = new Promise<void>((done) => { release = done; });
  await page.route('**/archive/text/article-60.json', async (route) => { await held; await route.continue(); });
  await open(page, '?embed-article=article-60');
  await expect(page.locator('.nv-article__loading')).toBeVisible();
  await expect(page.locator('.nv[data-live]')).toBeAttached();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: "Aller à l'article" })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title(page)).toBeFocused();
  release();
  await expect(firstParagraph(page)).toHaveText("Premier paragraphe de l'article 60.");
  await expect(title(page)).toBeFocused();
});

test('a ticker strip reads no article text', async ({ page }) => {
  await page.goto(`${origin}/page.html?ticker`);
  await expect(page.locator('.nv-ticker__link').first()).toBeVisible();
  await page.waitForTimeout(1000);
  // The loader asks for the strip's fragment first (this archive has none).
  expect(requests.filter((r) => !r.startsWith('embed/'))).toEqual(['articles.json']);
});

test('texts that fail while the reader tabs through the list make one console line per kind of failure', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await open(page);
  await expect(firstParagraph(page)).toBeVisible();
  await expect.poll(texts).toContain('text/article-73.json'); // the idle prefetch of the next one
  for (let i = 50; i < 74; i++) faults.set(`/archive/text/article-${i}.json`, '500');
  const read = texts().length;
  await listLinks(page).nth(1).focus();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(500);
  // After a failed prefetch, prefetching waits for a text to be read: one request, not twelve.
  expect(texts().length - read).toBe(1);
  expect(warnings.filter((w) => w.includes('text/'))).toHaveLength(1);
  // Once the server answers again, opening an article reads it, and prefetching resumes.
  faults.clear();
  await page.keyboard.press('Enter');
  await expect(firstParagraph(page)).toBeVisible();
  const opened = (await title(page).textContent())!.replace('Titre ', '');
  // The list starts at 74; a headline not read yet, pointed at, is fetched ahead again.
  const far = Number(opened) > 60 ? 51 : 71;
  await listLinks(page).filter({ hasText: `Titre ${far}` }).hover();
  await expect.poll(texts).toContain(`text/article-${far}.json`);
});
