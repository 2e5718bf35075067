import { expect, Page, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';

// Breaking news: viewers read their file again while the page is open. A server of our own
// serves the built viewer and a collection file the tests change while pages are open, with
// ETags (an unchanged file is a 304), failures on demand and a count of requests.

const port = 8091;
const origin = `http://127.0.0.1:${port}`;

const live = { body: '', status: 200, requests: 0, notModified: 0 };
let server: Server;

/** Five articles, a4 newest (with a body, so it is the featured one), plus `extra`. */
function collection(extra: object[] = [], edit: (articles: any[]) => void = () => {}) {
  const articles: any[] = Array.from({ length: 5 }, (_, i) => ({
    id: `a${i}`,
    published: `2024-05-0${i + 1}`,
    translations: { fr: { title: `Titre numéro ${i}`, ...(i === 4 ? { body: ['Premier paragraphe.', 'Second.'] } : {}) } },
  }));
  articles.push(...extra);
  edit(articles);
  return { schema: 1, articles };
}

const breaking = { id: 'flash', published: '2024-06-01', translations: { fr: { title: 'Dernière minute : le flash' } } };

function publish(file: object) {
  live.body = JSON.stringify(file);
}

const viewer = (id: string, extra: string) =>
  `<div id="${id}" data-article-viewer data-src="/live/articles.json" data-refresh="0.5" ${extra}></div>`;

/** Host pages whose viewers read the file again every 0.5 s: one viewer (`?two`: and a ticker
 * strip of the same file; `?three`: and a strip and an English viewer; `?pair`: two full viewers,
 * of articles a2 and a3, one under the other). */
function hostPage(query: URLSearchParams) {
  const viewers = query.has('pair')
    ? `${viewer('one', 'data-article="a2"')}<div style="height: 600px"></div>${viewer('two', 'data-article="a3"')}`
    : [viewer('one', 'data-ticker-speed="300"'),
      query.has('two') || query.has('three') ? viewer('two', 'data-view="ticker" data-label="Fil" data-ticker-speed="300"') : '',
      query.has('three') ? viewer('three', 'data-lang="en" data-label="News"') : ''].join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Direct</title>
    <link rel="icon" href="/favicon.svg"><script type="module" src="/embed.js"></script></head>
    <body><main><h1>Le direct</h1>${viewers}<div style="height: 2000px"></div></main></body></html>`;
}

test.beforeAll(async () => {
  // Imported when needed: the server module ends with a top-level await for its command line.
  const { serve, staticHandler } = await import('./server.mjs');
  const files = staticHandler('dist');
  server = await serve(port, async (req: any, res: any) => {
    const url = new URL(req.url!, origin);
    if (url.pathname === '/live/page.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(url.searchParams));
    } else if (url.pathname === '/live/articles.json') {
      live.requests++;
      if (live.status !== 200) return void res.writeHead(live.status, { 'content-type': 'text/plain' }).end('failure');
      const etag = `"${createHash('sha1').update(live.body).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) {
        live.notModified++;
        return void res.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
      }
      res.writeHead(200, { 'content-type': 'application/json', etag, 'cache-control': 'no-cache' }).end(live.body);
    } else {
      await files(req, res);
    }
  });
});

test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

test.beforeEach(() => {
  Object.assign(live, { status: 200, requests: 0, notModified: 0 });
  publish(collection());
});

async function open(page: Page, two: boolean | string = false) {
  const query = typeof two === 'string' ? `?${two}` : two ? '?two' : '';
  await page.goto(`${origin}/live/page.html${query}`);
  await expect(page.locator('#one .nv-article__title')).toHaveText(query === '?pair' ? 'Titre numéro 2' : 'Titre numéro 4');
}

const readCopy = '#one .nv-ticker__copy:not([aria-hidden]) .nv-ticker__link';
const news = (page: Page) => page.locator('#one .nv > p.nv-hidden[role="status"]');

test('a new headline joins the moving ticker without a jump and is announced once', async ({ page }) => {
  await open(page);
  await page.mouse.move(5, 700);
  await page.evaluate(() => {
    // Each frame: where an old headline is on screen, and the copy's width.
    const root = document.querySelector('#one')!.shadowRoot!;
    const link = () => root.querySelector('.nv-ticker__copy:not([aria-hidden]) a[href*="article=a2"]')!;
    (window as any).frames_ = [] as number[][];
    const sample = () => {
      const copy = root.querySelector('.nv-ticker__copy')!.getBoundingClientRect().width;
      (window as any).frames_.push([performance.now(), link().getBoundingClientRect().left, copy]);
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
    (window as any).updates = [];
    document.addEventListener('article-viewer:update', (e) => (window as any).updates.push((e as CustomEvent).detail));
  });
  await page.waitForTimeout(500);
  publish(collection([breaking]));
  await expect(page.locator(readCopy).first()).toHaveText('Dernière minute : le flash', { timeout: 10_000 });
  await expect(news(page)).toHaveText('Nouveaux titres : 1');
  await expect(page.locator('#one .nv-more__link').first()).toHaveText('Dernière minute : le flash');
  // The new headline comes into view from the end of the strip, as the loop goes round.
  await expect.poll(() => page.locator(readCopy).first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    const viewport = el.closest('.nv-ticker__viewport')!.getBoundingClientRect();
    return box.right > viewport.left && box.left < viewport.right;
  }), { timeout: 15_000 }).toBe(true);
  const frames: number[][] = await page.evaluate(() => (window as any).frames_);
  const jumps = frames.slice(1).filter(([t, x, width], i) => {
    const [t0, x0, width0] = frames[i];
    const step = x - x0;
    const expected = -300 * (t - t0) / 1000;
    const wrapped = [width, width0].some((w) => Math.abs(step - expected - w) < 40);
    return Math.abs(step - expected) > 40 && !wrapped;
  });
  expect(jumps).toEqual([]);
  expect(await page.evaluate(() => (window as any).updates)).toEqual([{ added: ['flash'], changed: [], removed: [] }]);
  // Nothing changed since: nothing more is announced or sent.
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => (window as any).updates)).toHaveLength(1);
});

test('the open article, the focus and the place survive an update; a changed article offers its new version', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 500 });
  await open(page);
  await page.locator('#one .nv-more__link', { hasText: 'Titre numéro 2' }).click();
  await expect(page.locator('#one .nv-article__title')).toHaveText('Titre numéro 2');
  const share = page.locator('#one').getByRole('button', { name: 'Partager' });
  await share.focus();
  await page.evaluate(() => window.scrollBy(0, 120));
  // Where the reader is: what is on screen, and the URL (the browser keeps the text in place
  // when the notice above it appears, by scroll anchoring).
  const place = async () => [Math.round((await share.boundingBox())!.y), page.url()];
  const before = await place();

  publish(collection([breaking], (articles) => { articles[2].translations.fr.title = 'Titre numéro 2, corrigé'; }));
  await expect(news(page)).toHaveText('Nouveaux titres : 1');
  await expect(page.locator('#one .nv-notice')).toContainText('Cet article a été mis à jour');
  await expect(page.locator('#one .nv-article__title')).toHaveText('Titre numéro 2');
  await expect(share).toBeFocused();
  // The notice sits above the article, in the page's flow (a sticky one would cover the text).
  expect(await place()).toEqual(before);

  await page.locator('#one').getByRole('button', { name: 'Afficher la nouvelle version' }).click();
  await expect(page.locator('#one .nv-article__title')).toHaveText('Titre numéro 2, corrigé');
  await expect(page.locator('#one .nv-article__title')).toBeFocused();
  await expect(page.locator('#one .nv-notice')).toHaveCount(0);
});

test('a reader on a row of the list keeps focus there when headlines join the list above it', async ({ page }) => {
  await open(page);
  const row = page.locator('#one .nv-more__link', { hasText: 'Titre numéro 2' });
  await row.focus();
  publish(collection([breaking, { ...breaking, id: 'flash2', published: '2024-06-02', translations: { fr: { title: 'Un second flash' } } }]));
  await expect(news(page)).toHaveText('Nouveaux titres : 2');
  await expect(page.locator('#one .nv-more__link').first()).toHaveText('Un second flash');
  await expect(row).toBeFocused();
  // And so on the next Tab, which goes on from it.
  await page.keyboard.press('Tab');
  await expect(page.locator('#one .nv-more__link', { hasText: 'Titre numéro 1' })).toBeFocused();
});

test('a withdrawn open article stays readable with a notice; the featured article stays open', async ({ page }) => {
  await open(page);
  publish(collection([], (articles) => articles.splice(4, 1)));
  await expect(page.locator('#one .nv-notice')).toContainText('retiré par la rédaction');
  await expect(page.locator('#one .nv-article__title')).toHaveText('Titre numéro 4');
  await expect(page.locator('#one .nv-article__body p')).toHaveCount(2);
  // Leaving it drops it.
  await page.locator('#one .nv-more__link').first().click();
  await expect(page.locator('#one .nv-notice')).toHaveCount(0);
  await expect(page.locator('#one .nv-more__link', { hasText: 'Titre numéro 4' })).toHaveCount(0);
});

test('an unchanged file is a 304 and costs no re-render', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    (window as any).mutations = 0;
    new MutationObserver((records) => { (window as any).mutations += records.length; })
      .observe(document.querySelector('#one')!.shadowRoot!, { childList: true, subtree: true, characterData: true });
  });
  await page.waitForTimeout(2000);
  expect(live.notModified).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as any).mutations)).toBe(0);
});

test('a hidden tab makes no requests, and reads at once when shown again', async ({ page }) => {
  await open(page);
  const setHidden = (hidden: boolean) => page.evaluate((hidden) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await setHidden(true);
  await page.waitForTimeout(700);
  const before = live.requests;
  await page.waitForTimeout(2000);
  expect(live.requests).toBe(before);
  publish(collection([breaking]));
  await setHidden(false);
  await expect(news(page)).toHaveText('Nouveaux titres : 1', { timeout: 1000 });
});

test('offline, nothing is requested; back online, the file is read at once', async ({ page, context }) => {
  await open(page);
  await context.setOffline(true);
  await page.waitForTimeout(700);
  const before = live.requests;
  await page.waitForTimeout(2000);
  expect(live.requests).toBe(before);
  publish(collection([breaking]));
  await context.setOffline(false);
  await expect(news(page)).toHaveText('Nouveaux titres : 1', { timeout: 1000 });
});

test('failing refreshes keep the headlines, show no error, back off and say why once', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await open(page);
  live.status = 500;
  const failingFrom = live.requests;
  await page.waitForTimeout(7000);
  // Backing off: tries about 0.5, 1.5, 3.5 and 7.5 s after the first failure (waits of 1, 2, 4
  // and 8 s), not every 0.5 s (fourteen tries) nor every 1 s (seven).
  expect(live.requests - failingFrom).toBeLessThanOrEqual(4);
  expect(warnings.filter((w) => w.includes('could not read it again'))).toHaveLength(1);
  await expect(page.locator('#one .nv-error')).toHaveCount(0);
  await expect(page.locator(readCopy)).toHaveCount(5);
  live.status = 200;
  publish(collection([breaking]));
  await expect(news(page)).toHaveText('Nouveaux titres : 1', { timeout: 10_000 });
});

test('two viewers of one file share one request per interval', async ({ page }) => {
  await open(page, true);
  await expect(page.locator('#two .nv-ticker__link').first()).toBeVisible();
  await page.waitForTimeout(600);
  const before = live.requests;
  await page.waitForTimeout(3000);
  // Six intervals of 0.5 s: six requests (give or take one), not twelve.
  expect(live.requests - before).toBeLessThanOrEqual(7);
  expect(live.requests - before).toBeGreaterThanOrEqual(5);
  publish(collection([breaking]));
  await expect(page.locator('#two .nv-ticker__copy:not([aria-hidden]) .nv-ticker__link').first())
    .toHaveText('Dernière minute : le flash', { timeout: 10_000 });
});

/** Where `locator` is on screen, in px from the window's top. */
const top = async (locator: ReturnType<Page['locator']>) => (await locator.boundingBox())!.y;

for (const width of [1280, 390]) {
  test(`headlines joining the list the reader looks at do not move it (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    publish(collection(Array.from({ length: 20 }, (_, i) => ({
      id: `old${i}`, published: '2024-04-01', translations: { fr: { title: `Ancien titre ${i}` } },
    }))));
    await open(page);
    // The reader looks at the list: one of its rows in the middle of the window.
    const row = page.locator('#one .nv-more__link', { hasText: 'Ancien titre 5' });
    await row.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(200);
    const before = await top(row);
    publish(collection([breaking, { ...breaking, id: 'flash2', translations: { fr: { title: 'Un second flash' } } }]
      .concat(Array.from({ length: 20 }, (_, i) => ({
        id: `old${i}`, published: '2024-04-01', translations: { fr: { title: `Ancien titre ${i}` } },
      })))));
    await expect(page.locator('#one .nv-more__link').first()).toHaveText(/flash/);
    await page.waitForTimeout(300);
    const moved = (await top(row)) - before;
    console.log(`list movement under a live update at ${width} px: ${moved} px`);
    // Scroll offsets are whole pixels: less than one is nothing.
    expect(Math.abs(moved)).toBeLessThan(1);
  });
}

test('notices of a changed and a withdrawn article move nothing the reader looks at, and cover nothing', async ({ page }) => {
  publish(collection([], (articles) => { articles[3].translations.fr.body = Array.from({ length: 12 }, (_, i) => `Paragraphe ${i} de l'article trois.`); }));
  await open(page, 'pair');
  const paragraph = page.locator('#two .nv-article__body p').nth(6);
  await paragraph.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(200);
  const before = await top(paragraph);
  publish(collection([], (articles) => {
    articles[3].translations.fr.body = Array.from({ length: 12 }, (_, i) => `Paragraphe ${i} de l'article trois.`);
    articles[2].translations.fr.title = 'Titre numéro 2, corrigé';
    articles.splice(3, 1);
  }));
  await expect(page.locator('#one .nv-notice')).toContainText('Cet article a été mis à jour');
  await expect(page.locator('#two .nv-notice')).toContainText('retiré par la rédaction');
  await page.waitForTimeout(300);
  const moved = (await top(paragraph)) - before;
  console.log(`text movement under two notices: ${moved} px`);
  expect(Math.abs(moved)).toBeLessThan(1);
  // In the flow of the page, above the article: never over its text.
  for (const id of ['#one', '#two']) {
    expect(await page.locator(`${id} .nv-notice`).evaluate((el) => getComputedStyle(el).position)).toBe('static');
  }
});

test('three viewers of one file: one request at load, and one announcement per update in the reader’s language', async ({ page }) => {
  await page.goto(`${origin}/live/page.html?three`);
  await expect(page.locator('#three .nv-article__title')).toBeVisible();
  expect(live.requests).toBe(1);
  publish(collection([breaking]));
  await expect(page.locator('#one .nv-more__link').first()).toHaveText('Dernière minute : le flash', { timeout: 10_000 });
  await page.waitForTimeout(500);
  const said = await page.evaluate(() => ['#one', '#two', '#three'].map((id) =>
    document.querySelector(id)!.shadowRoot!.querySelector('.nv > p.nv-hidden[role="status"]')?.textContent ?? ''));
  expect(said.filter((s) => s)).toEqual(['Nouveaux titres : 1']);
});

test('a retitled headline shows its new title in the list and the pager', async ({ page }) => {
  await open(page);
  const row = page.locator('#one .nv-more__link').filter({ hasText: 'Titre numéro 3' });
  await expect(row).toHaveCount(1);
  await expect(page.locator('#one .nv-pager__link')).toContainText('Titre numéro 3');
  // The reader is on the pager's link, which the update retitles: the link stays, and so does focus.
  await page.locator('#one .nv-pager__link').focus();
  publish(collection([], (articles) => { articles[3].translations.fr.title = 'Titre numéro 3, corrigé'; }));
  await expect(page.locator(readCopy).filter({ hasText: 'Titre numéro 3, corrigé' })).toHaveCount(1, { timeout: 10_000 });
  await expect(page.locator('#one .nv-more__link').first()).toHaveText('Titre numéro 3, corrigé');
  await expect(page.locator('#one .nv-pager__link')).toContainText('Titre numéro 3, corrigé');
  await expect(page.locator('#one .nv-pager__link')).toBeFocused();
});
