import { expect, test } from '@playwright/test';
import { axeViolations, headlines, openViewer, readCopy, serveCollection } from './helpers';

const titles = {
  fr: "La Russie a demandé l'aide militaire de la Chine, selon le New York Times",
  en: 'Russia asked China for military help, according to the New York Times',
  ar: 'روسيا طلبت مساعدة عسكرية من الصين، حسب نيويورك تايمز',
};

for (const [lang, name, label, meta] of [
  // Names and dates are isolated (U+2068 … U+2069) inside the interface's sentence.
  ['fr', 'Français', 'À la une', 'Publié dans \u2068Hespress\u2069 le \u206814 mars 2022\u2069'],
  ['en', 'English', 'Headlines', 'Published in \u2068Hespress\u2069 on \u206814 March 2022\u2069'],
  ['ar', 'العربية', 'عناوين الأخبار', 'نشر في \u2068Hespress\u2069 يوم \u206814 مارس 2022\u2069'],
] as const) {
  test(`the whole viewer speaks ${name}, with no accessibility violation`, async ({ page }) => {
    await openViewer(page);
    await page.getByRole('button', { name }).click();
    await expect(page.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.nv-article__title')).toHaveText(titles[lang]);
    await expect(page.locator('.nv-ticker__label')).toHaveText(label);
    await expect(page.locator('.nv-article__meta')).toContainText(meta);
    await expect(page.locator('.nv')).toHaveAttribute('lang', lang);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the toggle works by keyboard', async ({ page }) => {
  await openViewer(page);
  await page.getByRole('button', { name: 'English' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.nv-article__title')).toHaveText(titles.en);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.locator('.nv-article__title')).toHaveText(titles.ar);
});

test('in Arabic the layout mirrors: the toggle moves to the other side', async ({ page }) => {
  await openViewer(page);
  const toggleX = async () => (await page.locator('.nv-langs').boundingBox())!.x;
  const nameX = async () => (await page.locator('.nv-bar__name').boundingBox())!.x;
  expect(await toggleX()).toBeGreaterThan(await nameX());
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('.nv')).toHaveAttribute('dir', 'rtl');
  expect(await toggleX()).toBeLessThan(await nameX());
  expect(await page.locator('.nv-article__body').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
});

test("the reader's choice is saved across reloads; a language in the URL does not overwrite it", async ({ page }) => {
  await openViewer(page);
  // The root holds every edition until the app has removed those not shown: the one shown.
  const title = page.locator('.nv-article__title:visible');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(title).toHaveText(titles.en);
  await page.goto('./');
  await expect(title).toHaveText(titles.en);
  await page.goto('./?lang=ar');
  await expect(title).toHaveText(titles.ar);
  await page.goto('./');
  await expect(title).toHaveText(titles.en);
});

test.describe('with a browser that prefers English', () => {
  test.use({ locale: 'en-US' });
  test('an embedded viewer uses the browser language when nothing else asks', async ({ page }) => {
    await openViewer(page, './embed.html');
    await expect(page.locator('.nv-article__title')).toHaveText(titles.en);
    await expect(page.locator(readCopy).first()).toHaveText(titles.en);
  });

  test('a published page stays in its language, so its first view is not redone', async ({ page }) => {
    await openViewer(page, './fr.html');
    await expect(page.locator('.nv[data-live]')).toHaveCount(1);
    await expect(page.locator('.nv-article__title')).toHaveText(titles.fr);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('.nv-article__title')).toHaveText(titles.en);
    await expect(page).toHaveURL(/\/en\.html$/);
  });
});

test.describe('with a browser in a language the viewer does not speak', () => {
  test.use({ locale: 'de-DE' });
  test("the collection's default language is used, else French", async ({ page }) => {
    // Embedded: the standalone page is in the language it was prerendered in.
    await serveCollection(page, { ...headlines(2), default_language: 'ar' });
    await openViewer(page, './embed.html');
    await expect(page.locator('.nv')).toHaveAttribute('lang', 'ar');
    await page.unroute('**/articles.json');
    await serveCollection(page, headlines(2));
    await page.goto('./embed.html');
    await expect(page.locator('.nv-article__title')).toBeVisible();
    await expect(page.locator('.nv')).toHaveAttribute('lang', 'fr');
  });
});

test('the toggle offers every interface language, the current one pressed, even one with no headlines', async ({ page }) => {
  await serveCollection(page, {
    schema: 1,
    articles: [{ id: 'x', translations: { fr: { title: 'Seulement en français' }, en: { title: 'Only in English' } } }],
  });
  await openViewer(page, './?lang=ar');
  const buttons = page.locator('.nv-langs__button');
  await expect(buttons).toHaveText(['Français', 'English', 'العربية']);
  await expect(page.getByRole('button', { name: 'العربية' })).toHaveAttribute('aria-pressed', 'true');
  // Arabic has no headlines: the fallback edition shows, with its notice.
  await expect(page.locator('.nv-notice')).toContainText('الفرنسية');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('.nv')).toHaveAttribute('lang', 'fr');
  // And back to Arabic, which is then the saved choice.
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('.nv')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('button', { name: 'العربية' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('./');
  await expect(page.locator('.nv[data-live]')).toHaveAttribute('lang', 'ar');
});

test('an article missing in the chosen language is shown in another, with a notice', async ({ page }) => {
  await serveCollection(page, {
    schema: 1,
    default_language: 'en',
    articles: [
      { id: 'both', translations: { fr: { title: 'Les deux' }, en: { title: 'Both' } } },
      { id: 'english-only', translations: { en: { title: 'English only', body: ['Some text.'] } } },
    ],
  });
  await openViewer(page, './?article=english-only&lang=fr');
  await expect(page.locator('.nv-notice')).toHaveText('Cet article n\'existe pas en français — affiché en anglais.');
  await expect(page.locator('.nv-article__title')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.nv-article__meta')).not.toHaveAttribute('lang', /./);
  await expect(page.locator('.nv-ticker__label')).toHaveText('À la une');
  expect(await axeViolations(page)).toEqual([]);
});
