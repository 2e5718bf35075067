import { expect, Page, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { axeViolations, headlines, openViewer, readCopy, serveCollection, trackOffset } from './helpers';

async function moves(page: Page, ms = 600) {
  const before = await trackOffset(page);
  await page.waitForTimeout(ms);
  return (await trackOffset(page)) !== before;
}

test('the ticker moves on the compositor, leftwards in French', async ({ page }) => {
  await openViewer(page);
  const track = page.locator('.nv-ticker__track');
  expect(await track.evaluate((el) => getComputedStyle(el).animationName)).toBe('nv-ticker-ltr');
  const a = await trackOffset(page);
  await page.waitForTimeout(700);
  const b = await trackOffset(page);
  expect(b).toBeLessThan(a);
});

test('the loop lasts one copy width divided by the speed, so speed is constant', async ({ page }) => {
  await openViewer(page);
  await page.waitForTimeout(300);
  const { width, duration, trackWidth } = await page.locator('.nv-ticker__track').evaluate((el) => ({
    width: el.firstElementChild!.getBoundingClientRect().width,
    trackWidth: el.getBoundingClientRect().width,
    duration: parseFloat(getComputedStyle(el).animationDuration),
  }));
  // Moving by 50% lands the copy exactly where the original was.
  expect(Math.abs(trackWidth - 2 * width)).toBeLessThan(0.5);
  expect(width / duration).toBeGreaterThan(55);
  expect(width / duration).toBeLessThan(65); // 60 px/s by default
});

test('the ticker pauses while hovered and resumes after', async ({ page }) => {
  await openViewer(page);
  await page.locator('.nv-ticker__viewport').hover();
  expect(await moves(page)).toBe(false);
  await page.mouse.move(5, 600);
  expect(await moves(page)).toBe(true);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  test('a tapped headline opens and the ticker goes on moving, as its button says', async ({ page }) => {
    await openViewer(page);
    const link = page.locator(readCopy).nth(1);
    const title = await link.textContent();
    // It moves: tapped where it is (Playwright would wait for it to stand still).
    await link.tap({ force: true });
    await expect(page.locator('.nv-article__title')).toHaveText(title!);
    await expect(page.locator('.nv-ticker__toggle')).toHaveAttribute('aria-pressed', 'false');
    expect(await moves(page)).toBe(true);
  });
});

test('the ticker pauses while a headline has keyboard focus', async ({ page }) => {
  await openViewer(page);
  await page.mouse.move(5, 600);
  await page.locator(readCopy).first().focus();
  expect(await moves(page)).toBe(false);
  await page.locator('.nv-langs__button').first().focus();
  expect(await moves(page)).toBe(true);
});

test('the pause button stops and restarts the motion, its state announced', async ({ page }) => {
  await openViewer(page);
  await page.mouse.move(5, 600);
  const button = page.getByRole('button', { name: 'Mettre en pause le défilement des titres' });
  const box = await button.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(24);
  expect(box!.height).toBeGreaterThanOrEqual(24);
  await button.click();
  await page.mouse.move(5, 600);
  // One name; the pressed state says it is paused.
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  expect(await moves(page)).toBe(false);
  expect(await axeViolations(page)).toEqual([]);
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await page.mouse.move(5, 600);
  expect(await moves(page)).toBe(true);
});

test('with reduced motion nothing moves and every headline stays reachable', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openViewer(page);
  expect(await page.locator('.nv-ticker__track').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  expect(await moves(page)).toBe(false);
  await expect(page.locator('.nv-ticker__copy[aria-hidden="true"]')).toBeHidden();
  const last = page.locator(readCopy).last();
  await last.focus();
  await expect(last).toBeInViewport();
  expect(await axeViolations(page)).toEqual([]);
});

test('each headline is read once: the duplicate copy is hidden and inert', async ({ page }) => {
  await openViewer(page);
  const snapshot = await page.locator('.nv-ticker').ariaSnapshot();
  const title = "Rapprochement Maroc-Irak sous le regard de l'Iran";
  expect(snapshot.split(title).length - 1).toBe(1);
  // Tab goes through the headlines once, then reaches the pause button.
  await page.locator(readCopy).last().focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.nv-ticker__toggle')).toBeFocused();
});

test('Enter on a headline opens it and marks it current', async ({ page }) => {
  await openViewer(page);
  const link = page.locator(readCopy).filter({ hasText: 'Nador' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.nv-article__title')).toHaveText('Nador. Double arrestation et saisie de 11 kg de cocaïne');
  await expect(link).toHaveAttribute('aria-current', 'true');
});

test('in Arabic the ticker runs right to left with Arabic headlines', async ({ page }) => {
  await openViewer(page, './?lang=ar');
  await expect(page.locator(readCopy).nth(1)).toHaveText(/^هلال/);
  expect(await page.locator('.nv-ticker__track').evaluate((el) => getComputedStyle(el).animationName)).toBe('nv-ticker-rtl');
  await page.mouse.move(5, 600);
  const a = await trackOffset(page);
  await page.waitForTimeout(700);
  expect(await trackOffset(page)).toBeGreaterThan(a);
  await expect(page.getByRole('region', { name: 'عناوين الأخبار' })).toBeVisible();
  // Paused, its play icon points right, as in every language: media controls are not mirrored.
  await page.locator('.nv-ticker__toggle').click();
  const icon = page.locator('.nv-ticker__toggle .nv-icon');
  await expect(icon).toHaveCSS('border-left-width', '12px');
  await expect(icon).toHaveCSS('border-right-width', '0px');
});

for (const [name, collection] of [
  ['no headline', headlines(0)],
  ['one headline', headlines(1)],
  ['500 headlines', headlines(500)],
  ['a very long headline', headlines(3, (i) => (i === 1 ? 'Très long titre '.repeat(30) : `Titre ${i}`))],
] as const) {
  test(`the ticker keeps its layout and speed with ${name}`, async ({ page }) => {
    await serveCollection(page, collection);
    await openViewer(page);
    await page.mouse.move(5, 600);
    const ticker = page.locator('.nv-ticker');
    if (collection.articles.length === 0) {
      await expect(ticker).toHaveCount(0); // no empty strip
      return;
    }
    const box = (await ticker.boundingBox())!;
    expect(box.height).toBeLessThan(60);
    expect(box.width).toBeLessThanOrEqual(1280);
    const count = collection.articles.length;
    // The ticker carries the 100 newest headlines; the list under the article has the rest.
    await expect(page.locator(readCopy)).toHaveCount(Math.min(count, 100));
    if (count > 0) {
      await page.waitForTimeout(300);
      const { width, duration } = await page.locator('.nv-ticker__track').evaluate((el) => ({
        width: el.firstElementChild!.getBoundingClientRect().width,
        duration: parseFloat(getComputedStyle(el).animationDuration),
      }));
      expect(width / duration).toBeGreaterThan(55);
      expect(width / duration).toBeLessThan(65);
      expect(await moves(page)).toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the ticker stops animating when scrolled out of view or when the tab is hidden', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 400 });
  await openViewer(page);
  await page.mouse.move(5, 390);
  const ticker = page.locator('.nv-ticker');
  await expect(ticker).not.toHaveClass(/is-idle/);
  await page.mouse.wheel(0, 2000);
  await expect(ticker).toHaveClass(/is-idle/);
  expect(await page.locator('.nv-ticker__track').evaluate((el) => getComputedStyle(el).animationPlayState)).toBe('paused');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(ticker).not.toHaveClass(/is-idle/);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    // As the browser fires it: at the document, bubbling (to the window).
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  await expect(ticker).toHaveClass(/is-idle/);
});

test('a focused headline scrolled into view is settled back when focus leaves', async ({ page }) => {
  await openViewer(page);
  await page.locator(readCopy).nth(10).focus();
  const viewport = page.locator('.nv-ticker__viewport');
  expect(await viewport.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await page.locator('.nv-langs__button').first().focus();
  expect(await viewport.evaluate((el) => el.scrollLeft)).toBe(0);
});

test('the pause button is a target no moving headline covers (WCAG 2.5.8), on a phone too', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await openViewer(page);
  const results = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
  expect(results.violations.map((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
});
