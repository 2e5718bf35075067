import { expect, Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { axeViolations, headlines, hold, hostPage, openViewer, readCopy, serveCollection } from './helpers';

const errorView = '.nv-error';
// The error views are those of a viewer that loads client-side: an embedded one. (The standalone
// page keeps its prerendered first view when the file fails; see the last test here.)
const EMBEDDED = './embed.html';

async function expectError(page: Page, reason: RegExp) {
  await expect(page.locator(errorView)).toBeVisible();
  await expect(page.locator('.nv-error__what')).toContainText('articles.json');
  await expect(page.locator('.nv-error__why')).toHaveText(reason);
  await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();
}

for (const [name, fulfil, reason] of [
  ['a 404', { status: 404, body: 'not found' }, /erreur HTTP 404/],
  ['a 500', { status: 500, body: 'oops' }, /erreur HTTP 500/],
  // The browser decodes the body (Response.json()): bytes that are not UTF-8 become U+FFFD.
  ['a body that is not UTF-8', { status: 200, body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }, /pas du JSON valide/],
  ['a body that is not JSON', { status: 200, body: '<html>Maintenance</html>' }, /pas du JSON valide/],
  ['a truncated body', { status: 200, body: '{"schema": 1, "articles": [{"id": "a", "transl' }, /pas du JSON valide/],
  ['an unknown format version', { status: 200, body: '{"schema": 7, "articles": []}' }, /le fichier déclare la version de format 7, et ce lecteur lit la version 1/],
  ['no articles array', { status: 200, body: '{"schema": 1}' }, /forme d'une collection/],
  ['a top level that is not an object', { status: 200, body: '[1, 2]' }, /forme d'une collection/],
] as const) {
  test(`${name} gives a clear error inside the viewer`, async ({ page }) => {
    await page.route('**/articles.json', (route) => route.fulfill({ contentType: 'application/json', ...fulfil }));
    const problems = await openViewer(page, EMBEDDED);
    await expectError(page, reason);
    expect(problems.filter((p) => p.includes('panicked'))).toEqual([]);
    // The viewer itself: embed.html is a bare page for an iframe, whose landmarks are the host's.
    expect(await axeViolations(page, '[data-article-viewer]')).toEqual([]);
  });
}

test('a network error gives an error view, and Retry loads the articles; the host page hears of both', async ({ page }) => {
  let fail = true;
  await page.route('**/articles.json', (route) => (fail ? route.abort('internetdisconnected') : route.fallback()));
  await page.addInitScript(() => {
    (window as any).heard = [];
    document.addEventListener('article-viewer:ready', (e) => (window as any).heard.push((e as CustomEvent).detail));
  });
  await openViewer(page, EMBEDDED);
  await expectError(page, /réseau est injoignable/);
  await expect.poll(() => page.evaluate(() => (window as any).heard)).toEqual([
    { articleId: '', lang: 'fr', error: expect.stringMatching(/^network error: /) },
  ]);
  fail = false;
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.locator('.nv-article__title')).toHaveText(/La Russie a demandé/);
  await expect.poll(() => page.evaluate(() => (window as any).heard.length)).toBe(2);
  expect(await page.evaluate(() => (window as any).heard[1])).toEqual(
    { articleId: 'russie-aide-militaire-chine-new-york-times', lang: 'fr' });
});

test('no answer within 15 seconds is a timeout, not an endless wait', async ({ page }) => {
  await page.clock.install();
  await page.route('**/articles.json', () => { /* never answers */ });
  await page.goto(EMBEDDED);
  await expect(page.locator('.nv-loading')).toBeVisible();
  await expect(page.locator('.nv-loading')).toHaveText(/Chargement des articles/);
  await page.clock.runFor(16_000);
  await expectError(page, /aucune réponse en 15 secondes/);
});

test('error views read well in Arabic', async ({ page }) => {
  await page.route('**/articles.json', (route) => route.fulfill({ status: 503, body: '' }));
  await openViewer(page, `${EMBEDDED}?lang=ar`);
  await expect(page.locator('.nv-error__why')).toHaveText('السبب: أجاب الخادم بالخطأ HTTP 503.');
  await expect(page.getByRole('button', { name: 'إعادة المحاولة' })).toBeVisible();
  expect(await page.locator(errorView).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
});

test('the loading state reserves the space the ticker takes', async ({ page }) => {
  const release = await hold(page, '**/articles.json');
  await page.goto(EMBEDDED);
  await expect(page.locator('.nv-loading')).toBeVisible();
  const before = (await page.locator('.nv-ticker').boundingBox())!;
  release();
  await expect(page.locator('.nv-article__title')).toBeVisible();
  const after = (await page.locator('.nv-ticker').boundingBox())!;
  expect(after.y).toBe(before.y);
  expect(Math.abs(after.height - before.height)).toBeLessThan(1);
});

test('deeply nested JSON is parsed by the browser and its article that is no object is skipped', async ({ page }) => {
  await page.route('**/articles.json', (route) => route.fulfill({
    contentType: 'application/json', body: readFileSync('tests/hostile/deeply-nested.json'),
  }));
  const problems = await openViewer(page);
  await expect(page.locator('.nv-empty')).toHaveText('Aucun article pour le moment.');
  expect(problems).toEqual([]);
});

test('a body that starts with a byte order mark loads, as the browser decodes it', async ({ page }) => {
  await page.route('**/articles.json', (route) => route.fulfill({
    contentType: 'application/json', body: Buffer.from('\uFEFF' + JSON.stringify(headlines(2))),
  }));
  await openViewer(page);
  await expect(page.locator(readCopy)).toHaveCount(2);
});

test('each invalid article is skipped with a console warning naming it and its problem', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => { if (m.type() === 'warning' && m.text().startsWith('news-viewer:')) warnings.push(m.text()); });
  const collection = headlines(3);
  (collection.articles as any[]).push(
    { id: 'no-title', translations: { fr: {} } },
    { id: 'a0', translations: { fr: { title: 'Doublon' } } },
    { id: 'evil', source: { name: 's', url: 'javascript:alert(1)' }, translations: { fr: { title: 'x' } } },
    { id: 'bad-date', published: '31/02/2024', translations: { fr: { title: 'x' } } },
    { id: 7, translations: { fr: { title: 'x' } } },
  );
  await serveCollection(page, collection);
  await openViewer(page);
  await expect(page.locator(readCopy)).toHaveCount(3);
  expect(warnings).toHaveLength(5);
  for (const [i, id] of ['"no-title"', '"a0"', '"evil"', '"bad-date"', '#7'].entries()) expect(warnings[i]).toContain(`article ${id}`);
  expect(warnings[1]).toContain('/articles/4/id: duplicate id "a0"');
  expect(warnings[2]).toContain('/articles/5: must be an http(s) URL');
});

test('an empty collection shows a friendly "no articles yet" state', async ({ page }) => {
  await serveCollection(page, headlines(0));
  await openViewer(page);
  await expect(page.locator('.nv-empty')).toHaveText('Aucun article pour le moment.');
});

test('markup and scripts in every text field render as inert text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const collection = JSON.parse(readFileSync('tests/hostile/markup-as-text.json', 'utf8'));
  collection.articles.at(-1).translations.fr.body.push('B'.repeat(1_000_000)); // a megabyte-long paragraph
  await serveCollection(page, collection);
  await openViewer(page, './?article=h0');
  for (const [i, a] of collection.articles.entries()) {
    await page.evaluate((id) => history.pushState(null, '', `?article=${id}`), a.id);
    await page.evaluate(() => dispatchEvent(new PopStateEvent('popstate')));
    await expect(page.locator('.nv-article__title')).toHaveText(a.translations.fr.title);
    await expect(page.locator('.nv-article__body p').first()).toHaveText(a.translations.fr.body[0]);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    const foreign = await page.locator('[data-article-viewer]').evaluate((host) =>
      (host.shadowRoot ?? host).querySelectorAll('script, img, svg, iframe, style, [onerror], [onload], [onmouseover]').length);
    expect(foreign, `article ${i}`).toBe(0);
    // No horizontal scrolling, even for the 10,000-character word.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  }
  expect(dialogs).toEqual([]);
});

test("the publisher's demo page, its iframe too, works under a strict Content-Security-Policy with no violation", async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('violated', (v: string) => violations.push(v));
  await page.context().addInitScript(() => document.addEventListener('securitypolicyviolation',
    (e) => (window as any).violated(`${location.pathname} ${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto('./csp/demo.html');
  await expect(page.locator('#viewer-fr .nv[data-live]:not([aria-busy])')).toHaveCount(1);
  await expect(page.frameLocator('#viewer-frame').locator('.nv-article__title')).toBeVisible();
  await expect.poll(async () => (await page.locator('#viewer-frame').boundingBox())!.height).toBeGreaterThan(1000);
  expect(violations).toEqual([]);
});

test('forbidden URL schemes never reach href or src', async ({ page }) => {
  await serveCollection(page, JSON.parse(readFileSync('tests/hostile/forbidden-urls.json', 'utf8')));
  await openViewer(page, './?article=safe');
  await expect(page.locator('.nv-article__source')).toHaveAttribute('href', 'https://example.org/ok');
  await expect(page.locator(readCopy)).toHaveText(['Lien sûr']);
  const hrefs = await page.locator('[data-article-viewer]').evaluate((host) =>
    [...(host.shadowRoot ?? host).querySelectorAll('[href], [src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')));
  // The source, and the pages of the articles (this page is a published one).
  for (const h of hrefs) expect(h).toMatch(/^(https:\/\/example\.org\/ok|[a-z0-9-]+\.(fr|en|ar)\.html)$/);
});

test('broken or throwing storage falls back to defaults without an error', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const problems = await openViewer(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('.nv-article__title')).toHaveText(/Russia asked China/);
  expect(problems).toEqual([]);
});

test('corrupt saved values are ignored', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('news-viewer:lang', '{{garbage'));
  await openViewer(page);
  await expect(page.locator('.nv')).toHaveAttribute('lang', 'fr');
});

test('the standalone build works under a strict Content-Security-Policy with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const refused: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
  const response = await page.goto('./csp/');
  const policy = response!.headers()['content-security-policy'];
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(policy).not.toContain('unsafe-inline');
  await expect(page.locator('.nv-article__title')).toHaveText(/La Russie a demandé/);
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('.nv-ticker__track')).toHaveCSS('animation-name', 'nv-ticker-rtl');
  expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
  expect(refused).toEqual([]);
});

test('the standalone page keeps its prerendered first view when the file fails', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.route('**/articles.json', (route) => route.fulfill({ status: 503, body: '' }));
  await page.goto('./');
  await expect(page.locator('.nv[data-live]')).toBeVisible();
  await expect(page.locator('h1.nv-article__title')).toHaveText(/La Russie a demandé/);
  // The root's first view: its 12 newest headlines.
  await expect(page.locator(readCopy)).toHaveCount(12);
  await expect(page.locator(errorView)).toHaveCount(0);
  await expect.poll(() => errors.some((e) => e.includes('could not load') && e.includes('HTTP 503'))).toBe(true);
});

// What a view without its app shows: its controls, which would do nothing, take no room, and its
// ticker is a row of headlines to scroll (as with JavaScript off).
async function expectReadsWithoutApp(view: ReturnType<Page['locator']>) {
  await expect(view.locator('.nv-article__body p').first()).toBeVisible();
  for (const idle of ['.nv-skip', '.nv-langs', '.nv-tools', '.nv-ticker__toggle', '.nv-ticker__copy[aria-hidden]']) {
    await expect.poll(() => view.locator(idle).first().evaluate((e) => getComputedStyle(e).display)).toBe('none');
  }
  expect(await view.locator('.nv-ticker__viewport').evaluate((e) => getComputedStyle(e).overflowX)).toBe('auto');
  expect(await view.locator('.nv-ticker__track').evaluate((e) => getComputedStyle(e).animationName)).toBe('none');
  await expect(view).not.toHaveAttribute('data-live');
}

for (const [missing, pattern] of [['its script', '**/news-viewer.js'], ['its WebAssembly', '**/news-viewer_bg.wasm']]) {
  test(`an article page whose app does not arrive (${missing}) reads as without JavaScript`, async ({ page }) => {
    await page.route(pattern, (route) => route.abort('internetdisconnected'));
    await page.goto('./russie-aide-militaire-chine-new-york-times.ar.html');
    await expectReadsWithoutApp(page.locator('.nv'));
  });

  test(`an embed whose app does not arrive (${missing}) reads as without JavaScript`, async ({ page }) => {
    await page.route(pattern, (route) => route.abort('internetdisconnected'));
    await hostPage(page, 'publisher.html', `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Le Courrier</title>
      <script type="module" src="/embed.js"></script><link rel="preload" href="/embed/fr.html" as="fetch" crossorigin="anonymous"></head>
      <body><h1>Le Courrier</h1><div data-article-viewer data-lang="fr"></div></body></html>`);
    await page.goto('./publisher.html');
    await expectReadsWithoutApp(page.locator('[data-article-viewer] .nv'));
  });
}

test('an error that is not the app\'s, before it starts, leaves it its controls once it has started', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const release = await hold(page);
  await page.goto('./russie-aide-militaire-chine-new-york-times.fr.html');
  const tools = page.locator('.nv-tools');
  // A publisher's classic script that does not load is not the app's.
  await page.evaluate(() => new Promise((done) => {
    const script = document.head.appendChild(document.createElement('script'));
    script.src = '/not-here.js';
    script.onerror = done;
  }));
  expect(await tools.evaluate((e) => getComputedStyle(e).display)).not.toBe('none');
  // An uncaught error before the app has started may be its own: the view reads without it...
  await page.evaluate(() => setTimeout(() => { throw new Error('another script'); }));
  await expect.poll(() => tools.evaluate((e) => getComputedStyle(e).display)).toBe('none');
  // ...until the app starts after all, which has its view back.
  release();
  await expect(page.locator('.nv[data-live]')).toBeAttached();
  await expect(tools).toBeVisible();
  await expect(page.locator('.nv-ticker__toggle')).toBeVisible();
  expect(await page.locator('.nv-ticker__track').evaluate((e) => getComputedStyle(e).animationName)).not.toBe('none');
});

test('the file the page preloads is read before the app starts, within the same 15 seconds', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.clock.install();
  await page.route('**/articles.json', () => { /* never answers */ });
  await page.goto('./');
  await expect(page.locator('.nv[data-live]')).toBeVisible();
  await expect(page.locator('.nv')).toHaveAttribute('aria-busy', 'true');
  await page.clock.runFor(16_000);
  await expect.poll(() => errors.find((e) => e.includes('could not load'))).toMatch(/15 s/);
  await expect(page.locator('.nv')).not.toHaveAttribute('aria-busy');
});
