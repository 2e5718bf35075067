import { expect, test } from '@playwright/test';
import { axeViolations, openViewer, readCopy } from './helpers';

test('standalone page shows the seed headlines and the full article from the JSON file', async ({ page }) => {
  const jsonRequests: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('/articles.json')) jsonRequests.push(r.url()); });
  const problems = await openViewer(page);
  await expect(page.locator('.nv-article__title')).toHaveText("La Russie a demandé l'aide militaire de la Chine, selon le New York Times");
  await expect(page.locator('.nv-article__meta')).toContainText('Publié dans \u2068Hespress\u2069 le \u206814 mars 2022\u2069');
  await expect(page.locator('.nv-article__body p')).toHaveCount(11);
  await expect(page.locator(readCopy)).toHaveCount(46);
  await expect(page.locator(readCopy).nth(2)).toHaveText("L'Espagne met en garde ses citoyens voulant se rendre à Tindouf");
  await expect(page).toHaveTitle(/La Russie a demandé l'aide militaire/);
  expect(jsonRequests.length, 'the preloaded file is fetched once').toBe(1);
  expect(problems).toEqual([]);
});

test('no accessibility violations on the standalone page', async ({ page }) => {
  await openViewer(page);
  expect(await axeViolations(page)).toEqual([]);
});

test('the viewer reads the data at run time: a changed file shows changed headlines', async ({ page }) => {
  await page.route('**/articles.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ schema: 1, articles: [{ id: 'routed', translations: { fr: { title: 'Titre servi par le test', body: ['Un paragraphe.'] } } }] }),
  }));
  await openViewer(page);
  await expect(page.locator('.nv-article__title')).toHaveText('Titre servi par le test');
  await expect(page.locator(readCopy)).toHaveText(['Titre servi par le test']);
});

test('a deep link opens its article in its language, and reload keeps it', async ({ page }) => {
  await openViewer(page, './?article=rapprochement-maroc-irak-sous-le-regard-de-l-iran&lang=en');
  await expect(page.locator('.nv-article__title')).toHaveText("Morocco-Iraq rapprochement under Iran's watchful eye");
  await page.reload();
  await expect(page.locator('.nv-article__title')).toHaveText("Morocco-Iraq rapprochement under Iran's watchful eye");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
});

test('clicking headlines adds history entries that Back and Forward walk', async ({ page }) => {
  await openViewer(page);
  await page.locator('.nv-ticker__viewport').hover(); // a reader's pointer pauses the ticker
  await page.locator(readCopy).filter({ hasText: 'Rapprochement Maroc-Irak' }).click();
  await expect(page.locator('.nv-article__title')).toHaveText("Rapprochement Maroc-Irak sous le regard de l'Iran");
  expect(page.url()).toMatch(/\/rapprochement-maroc-irak-sous-le-regard-de-l-iran\.fr\.html$/);
  await page.locator('.nv-pager__next a').click();
  await expect(page.locator('.nv-article__title')).toHaveText(/l'Algérie prévoit-elle de quitter la CAF/);
  await page.goBack();
  await expect(page.locator('.nv-article__title')).toHaveText("Rapprochement Maroc-Irak sous le regard de l'Iran");
  await page.goForward();
  await expect(page.locator('.nv-article__title')).toHaveText(/quitter la CAF/);
});

test('Forward still works after Back to the bare page that was reloaded on an article', async ({ page }) => {
  await openViewer(page, './');
  await page.locator('.nv-more__link').first().click();
  const title = (await page.locator('.nv-article__title').textContent())!;
  expect(page.url()).toMatch(/[a-z0-9-]+\.fr\.html$/);
  await page.reload();
  await expect(page.locator('.nv-article__title')).toHaveText(title);
  await page.goBack();
  await expect(page.locator('.nv-article__title')).toHaveText('La Russie a demandé l\'aide militaire de la Chine, selon le New York Times');
  await page.goForward();
  await expect(page.locator('.nv-article__title')).toHaveText(title);
  expect(page.url()).toMatch(/[a-z0-9-]+\.fr\.html$/);
});

test('the previous and next links are named by where they lead', async ({ page }) => {
  await openViewer(page, './?article=rapprochement-maroc-irak-sous-le-regard-de-l-iran&lang=en');
  await expect(page.getByRole('link', { name: /^Next article/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Previous article/ })).toBeVisible();
});

test('switching to Arabic lays the page out right to left without reloading', async ({ page }) => {
  await openViewer(page);
  await page.evaluate(() => { (window as any).sameDocument = true; });
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('.nv-article__title')).toHaveText('روسيا طلبت مساعدة عسكرية من الصين، حسب نيويورك تايمز');
  expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
  expect(await page.locator('.nv-article').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  expect(await page.locator('.nv-ticker').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  expect(await axeViolations(page)).toEqual([]);
});
