import { expect, Page, test } from '@playwright/test';
import { axeViolations } from './helpers';

const fr = '#viewer-fr';
const en = '#viewer-en';

/** Taken over by the app, which has read the whole file (a first view shows fewer headlines). */
const live = '.nv[data-live]:not([aria-busy])';

async function openDemo(page: Page) {
  await page.goto('./demo.html');
  await expect(page.locator(`${fr} .nv-article__title`)).toBeVisible();
  await expect(page.locator(`${en} .nv-article__title`)).toBeVisible();
  await expect(page.locator(`${fr} ${live}`)).toHaveCount(1);
  await expect(page.locator(`${en} ${live}`)).toHaveCount(1);
  await expect(page.locator('#strip .nv-ticker__link').first()).toBeVisible();
}

/** What a reader could measure of a viewer: boxes of its parts and the styles they are drawn with. */
async function measure(page: Page, host: string) {
  return page.locator(host).evaluate((el) => {
    const root = el.shadowRoot ?? el; // the standalone page's viewer lives in the light DOM
    const parts = ['.nv', '.nv-bar', '.nv-ticker', '.nv-ticker__toggle', '.nv-langs__button', '.nv-article__title',
      '.nv-article__meta', '.nv-tools__button', '.nv-article__body p', '.nv-pager', '.nv-more__link'];
    return parts.map((selector) => {
      const node = root.querySelector(selector)!;
      const box = node.getBoundingClientRect();
      const style = getComputedStyle(node);
      return {
        selector, width: box.width, height: box.height,
        style: [style.display, style.fontFamily, style.fontSize, style.fontWeight, style.lineHeight, style.color,
          style.letterSpacing, style.textTransform, style.textAlign, style.margin, style.padding, style.textDecorationLine].join(' | '),
      };
    });
  });
}

test('every instance renders: two viewers, a ticker-only strip and an iframe', async ({ page }) => {
  await openDemo(page);
  await expect(page.locator(`${fr} .nv-article__title`)).toHaveText(/La Russie a demandé/);
  await expect(page.locator(`${en} .nv-article__title`)).toHaveText('Spain warns citizens against travel to Tindouf camps');
  await expect(page.locator('#strip .nv-article')).toHaveCount(0);
  await expect(page.locator('#strip .nv-bar')).toHaveCount(0);
  const frame = page.frameLocator('#viewer-frame');
  await expect(frame.locator('.nv-article__title')).toHaveText('روسيا طلبت مساعدة عسكرية من الصين، حسب نيويورك تايمز');
  expect(await page.evaluate(() => document.querySelectorAll('[id]').length)).toBe(
    await page.evaluate(() => new Set([...document.querySelectorAll('[id]')].map((e) => e.id)).size));
});

test('the hostile page stylesheet changes nothing measurable inside the viewers', async ({ page }) => {
  await openDemo(page);
  await page.mouse.move(1, 1);
  const hostile = await measure(page, fr);
  await page.evaluate(() => { (document.getElementById('hostile') as HTMLStyleElement).disabled = true; });
  const clean = await measure(page, fr);
  expect(hostile).toEqual(clean);
});

test("the viewer's look matches the standalone page", async ({ page, browser }) => {
  await openDemo(page);
  const embedded = await measure(page, fr);
  const standalone = await browser.newPage({ viewport: { width: 900, height: 720 } });
  await standalone.goto('./');
  await expect(standalone.locator(live)).toHaveCount(1);
  await expect(standalone.locator('.nv-article__title')).toBeVisible();
  const alone = await measure(standalone, '[data-article-viewer]');
  // Same width (the demo page's column is 900 px): boxes and styles match, save the title level.
  const strip = (m: typeof alone) => m.map(({ selector, width, height, style }) => ({ selector, width, height, style }));
  expect(strip(embedded).filter((p) => p.selector !== '.nv-article__title')).toEqual(
    strip(alone).filter((p) => p.selector !== '.nv-article__title'));
  await standalone.close();
});

test('instances act independently, and the host hears of every action', async ({ page }) => {
  await openDemo(page);
  const events: unknown[] = [];
  await page.exposeFunction('record', (e: unknown) => events.push(e));
  await page.evaluate(() => {
    for (const type of ['article-viewer:open', 'article-viewer:language']) {
      document.addEventListener(type, (e) => (window as any).record({ host: (e.target as Element).id, type, detail: (e as CustomEvent).detail }));
    }
  });
  await page.locator(`${fr} .nv-langs__button[lang="ar"]`).click();
  await expect(page.locator(`${fr} .nv`)).toHaveAttribute('dir', 'rtl');
  await expect(page.locator(`${en} .nv`)).toHaveAttribute('dir', 'ltr');
  const other = page.locator(`${en} .nv-more__link`).first();
  const [title, href] = [await other.textContent(), await other.getAttribute('href')];
  await other.click();
  await expect(page.locator(`${en} .nv-article__title`)).toHaveText(title!);
  await expect(page.locator(`${fr} .nv-article__title`)).toHaveText(/روسيا طلبت/);
  await expect.poll(() => events).toEqual([
    { host: 'viewer-fr', type: 'article-viewer:language', detail: { lang: 'ar', previous: 'fr' } },
    { host: 'viewer-en', type: 'article-viewer:open', detail: { articleId: href!.match(/([a-z0-9-]+)\.en\.html$/)![1], lang: 'en' } },
  ]);
});

test('an embedded viewer never touches the host URL, history, title or <html>', async ({ page }) => {
  await openDemo(page);
  const snapshot = () => page.evaluate(() => ({
    url: location.href, history: history.length, title: document.title,
    html: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
  }));
  const before = await snapshot();
  await page.locator(`${fr} .nv-ticker__viewport`).hover();
  await page.locator(`${fr} .nv-ticker__copy:not([aria-hidden]) .nv-ticker__link`).nth(3).click();
  expect(await snapshot()).toEqual(before);
  await page.locator(`${fr} .nv-pager__next a`).click();
  expect(await snapshot()).toEqual(before);
  await page.locator(`${en} .nv-langs__button[lang="ar"]`).click();
  expect(await snapshot()).toEqual(before);
  await page.locator(`${en} .nv-tools__button[data-choice="dark"]`).click();
  await page.locator(`${fr} .nv-ticker__toggle`).click();
  expect(await snapshot()).toEqual(before);
});

test('ticker-only headlines lead to the pattern the publisher gives', async ({ page }) => {
  await openDemo(page);
  await expect(page.locator('#strip .nv-ticker__copy:not([aria-hidden]) .nv-ticker__link').nth(1)).toHaveAttribute(
    'href', 'embed.html?article=m-hilale-l-ambassadeur-algerien-delaisse-ses-responsabilites&lang=fr');
});

test('the iframe is sized to its content, without scrollbars', async ({ page }) => {
  await openDemo(page);
  const frame = page.locator('#viewer-frame');
  await expect.poll(async () => (await frame.boundingBox())!.height).toBeGreaterThan(1000);
  const inner = await page.frameLocator('#viewer-frame').locator('html').evaluate((html) => ({
    scroll: html.scrollHeight, client: html.clientHeight,
  }));
  expect(inner.scroll).toBeLessThanOrEqual(inner.client);
});

test('the iframe keeps the height its page reserved while the viewer loads, then takes the viewer\'s', async ({ page }) => {
  // The frame's viewer has no first view: it shows "loading" until its file is read.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => { release = r; });
  await page.route('**/articles.json', async (route) => {
    if (route.request().frame() !== page.mainFrame()) await held;
    await route.fallback();
  });
  await page.addInitScript(() => {
    (window as any).heights = [];
    addEventListener('DOMContentLoaded', () => new ResizeObserver(([entry]) => {
      (window as any).heights.push(entry.contentRect.height);
    }).observe(document.querySelector('#viewer-frame')!));
  });
  await page.goto('./demo.html');
  await expect(page.frameLocator('#viewer-frame').locator('.nv-loading')).toBeVisible();
  await page.waitForTimeout(300);
  release();
  const frame = page.locator('#viewer-frame');
  await expect.poll(async () => (await frame.boundingBox())!.height).toBeGreaterThan(1000);
  const reserved = page.viewportSize()!.height;
  const heights: number[] = await page.evaluate(() => (window as any).heights);
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(reserved);
});

test('a viewer added to the page after load mounts too, and one without data-src reads the bundled file', async ({ page }) => {
  // A publisher's page in another folder: the bundled articles.json is found beside embed.js.
  await page.route('**/elsewhere/page.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html lang="en"><head><title>Elsewhere</title><script type="module" src="/embed.js"></script></head><body><main></main></body></html>',
  }));
  const fetched: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('.json')) fetched.push(new URL(r.url()).pathname); });
  await page.goto('./elsewhere/page.html');
  await page.waitForFunction(() => (window as any).wasmBindings !== undefined || document.readyState === 'complete');
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'late';
    host.dataset.articleViewer = '';
    host.dataset.lang = 'en';
    document.querySelector('main')!.append(host);
  });
  await expect(page.locator('#late .nv-article__title')).toHaveText(/Russia asked China/);
  expect(fetched).toEqual(['/articles.json']);
});

test('the demo page has no accessibility violations', async ({ page }) => {
  await openDemo(page);
  await page.evaluate(() => { (document.getElementById('hostile') as HTMLStyleElement).disabled = true; });
  expect(await axeViolations(page)).toEqual([]);
});
