import { expect, Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Opens the standalone page and waits until the viewer shows its article. */
export async function openViewer(page: Page, path = './') {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(path);
  await expect(page.locator('.nv-article__title, .nv-not-found, .nv-empty, .nv-error').first()).toBeVisible();
  // The site's root holds every edition until the app keeps the reader's.
  await expect(page.locator('div[data-edition][hidden]')).toHaveCount(0);
  return problems;
}

/** axe-core's violations, as short readable lines; within `include` only, when given. */
export async function axeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The ticker track's current horizontal translation in px. */
export async function trackOffset(page: Page) {
  return page.locator('.nv-ticker__track').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).m41);
}

export const readCopy = '.nv-ticker__copy:not([aria-hidden]) .nv-ticker__link';

/** Tabs through the first `n` headlines of a ticker that is not live yet, from the first, and
 * gives those that did not show whole in the strip (their start, for one wider than it). */
export async function headlinesNotShown(page: Page, links: Locator, n = 6) {
  const hidden: number[] = [];
  await links.first().focus();
  for (let i = 0; i < n; i++) {
    if (i) await page.keyboard.press('Tab');
    await expect(links.nth(i)).toBeFocused();
    const shown = await links.nth(i).evaluate((a) => {
      const viewport = a.closest('.nv-ticker__viewport')!;
      const strip = viewport.getBoundingClientRect(), box = a.getBoundingClientRect();
      const rtl = getComputedStyle(viewport).direction === 'rtl';
      const start = rtl ? box.right : box.left;
      const startIn = start >= strip.left - 1 && start <= strip.right + 1;
      return startIn && (box.width > strip.width || (box.left >= strip.left - 1 && box.right <= strip.right + 1));
    });
    if (!shown) hidden.push(i);
  }
  return hidden;
}

/** A collection of `n` headline-only articles in French, English and Arabic. */
export function headlines(n: number, title = (i: number) => `Titre numéro ${i}`) {
  return {
    schema: 1,
    articles: Array.from({ length: n }, (_, i) => ({
      id: `a${i}`,
      translations: { fr: { title: title(i) }, en: { title: `Headline ${i}` }, ar: { title: `عنوان ${i}` } },
    })),
  };
}

/** Serves `collection` in place of the bundled articles.json. */
export async function serveCollection(page: Page, collection: unknown) {
  await page.route('**/articles.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(collection) }));
}

/** Holds back the answers to requests for `url` (by default, the WebAssembly: the app does not
 * start) until the function it gives is called. */
export async function hold(page: Page, url = '**/news-viewer_bg.wasm') {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => { release = r; });
  await page.route(url, async (route) => { await held; await route.fallback(); });
  return () => release();
}

/** A keyboard reader on the first ticker headline (under `scope`) scrolls the page on before the
 * app runs (`release` lets it run): once it has, the page is where they left it. */
export async function staysScrolledOn(page: Page, release: () => void, scope = '') {
  await page.locator(`${scope}.nv-ticker__link`).first().focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  // (Once the smooth scroll has ended.)
  let y = -1;
  await expect.poll(async () => { const before = y; y = await page.evaluate(() => scrollY); return y > 1000 && y === before; }, { intervals: [100] }).toBe(true);
  release();
  await expect(page.locator(`${scope}.nv[data-live]`)).toHaveCount(1);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
  expect(await page.evaluate(() => scrollY)).toBe(y);
}

/** Serves `html` as a page of the test site, beside the viewer's files. */
export async function hostPage(page: Page, name: string, html: string) {
  await page.route(`**/${name}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
}
