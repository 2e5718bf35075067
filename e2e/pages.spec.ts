import { expect, Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { axeViolations, hold, readCopy } from './helpers';

// Every way in is a published page (src/prerender.rs): the root in the reader's language, an
// edition and an article page per language, each read before the app and taken over by it.

const featured = 'russie-aide-militaire-chine-new-york-times';
const titles = {
  fr: "La Russie a demandé l'aide militaire de la Chine, selon le New York Times",
  en: 'Russia asked China for military help, according to the New York Times',
  ar: 'روسيا طلبت مساعدة عسكرية من الصين، حسب نيويورك تايمز',
};

for (const [locale, lang] of [['en-GB', 'en'], ['ar-MA', 'ar']] as const) {
  test.describe(`a ${locale} browser at the root`, () => {
    test.use({ locale });
    test('gets its edition, with nothing of the French one painted, and the app keeps it', async ({ page }) => {
      const release = await hold(page);
      await page.goto('./');
      await expect(page.locator('h1:visible')).toHaveText(titles[lang]);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.title.split(' — ')[0]]))
        .toEqual([lang, lang === 'ar' ? 'rtl' : 'ltr', titles[lang]]);
      // The French edition has no box: the script in the head hid it before the body was parsed.
      expect(await page.locator('div[data-edition="fr"]').evaluate((e) => e.getClientRects().length)).toBe(0);
      release();
      await expect(page.locator('.nv[data-live]')).toHaveCount(1);
      await expect(page.locator('[data-edition]:not(html)')).toHaveCount(1);
      await expect(page.locator('h1')).toHaveText(titles[lang]);
      await expect(page).toHaveURL(/\/$/);
    });
  });
}

test.describe('a saved choice', () => {
  test.use({ locale: 'en-GB' });
  test('wins over the browser at the root', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('news-viewer:lang', 'ar'));
    await page.goto('./');
    await expect(page.locator('h1:visible')).toHaveText(titles.ar);
    await expect(page.locator('.nv[data-live]')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText(titles.ar);
  });
});

test('an old link (?article=&lang=) shows its article and takes its page address', async ({ page }) => {
  await page.goto('./?article=rapprochement-maroc-irak-sous-le-regard-de-l-iran&lang=en');
  await expect(page.locator('h1')).toHaveText("Morocco-Iraq rapprochement under Iran's watchful eye");
  await expect(page).toHaveURL(/\/rapprochement-maroc-irak-sous-le-regard-de-l-iran\.en\.html$/);
});

test('an article page is that article before the app, describes it to link previews, and keeps it', async ({ page }) => {
  const release = await hold(page);
  await page.goto('./rapprochement-maroc-irak-sous-le-regard-de-l-iran.ar.html');
  const h1 = page.locator('h1');
  await expect(h1).toHaveText('تقارب مغربي عراقي تحت أنظار إيران');
  const og = await page.locator('meta[property="og:title"]').getAttribute('content');
  expect(og).toBe('تقارب مغربي عراقي تحت أنظار إيران');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ '@type': 'NewsArticle', inLanguage: 'ar', headline: og });
  await h1.evaluate((e) => { (e as any).prerendered = true; });
  release();
  await expect(page.locator('.nv[data-live]')).toHaveCount(1);
  expect(await h1.evaluate((e) => (e as any).prerendered)).toBe(true);
  await page.locator('.nv-pager__next a').click();
  await expect(page).toHaveURL(/\.ar\.html$/);
  await page.goBack();
  await expect(h1).toHaveText('تقارب مغربي عراقي تحت أنظار إيران');
});

test('a reload on an article page keeps the reading place', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`./${featured}.ar.html`);
  await expect(page.locator('.nv[data-live]')).toHaveCount(1);
  await page.evaluate(() => window.scrollTo(0, 1500));
  await page.waitForTimeout(100);
  await page.reload();
  await expect(page.locator('.nv[data-live]')).toHaveCount(1);
  await page.waitForTimeout(600);
  const place = await page.evaluate(() => Math.round(scrollY));
  console.log(`reload place: ${place} px (was 1500)`);
  expect(place).toBeGreaterThanOrEqual(1300);
});

test('a page of another build is rendered afresh by the app: no panic, and it works', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.route(/\/rapprochement-maroc-irak-sous-le-regard-de-l-iran\.fr\.html$/, async (route) => {
    const response = await route.fetch();
    // As an older build might have written it: another stamp, other markup.
    const html = (await response.text())
      .replace(/data-build="[0-9a-f]+"/, 'data-build="0123456789abcdef"')
      .replace(/<p class="nv-article__meta"[\s\S]*?<\/p>/, '<div class="old-meta"><span>2022</span></div>')
      .replace('<ul class="nv-more__list"', '<ol class="nv-more__list"');
    await route.fulfill({ response, body: html });
  });
  await page.goto('./rapprochement-maroc-irak-sous-le-regard-de-l-iran.fr.html');
  await expect(page.locator('.nv[data-live]')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveText("Rapprochement Maroc-Irak sous le regard de l'Iran");
  await expect(page.locator('.old-meta')).toHaveCount(0);
  // Under the article it was opened on, the headlines of its day, as on its page.
  const other = page.locator('.nv-more__link').first();
  const [title, href] = [await other.textContent(), await other.getAttribute('href')];
  expect(href).toMatch(/^[a-z0-9-]+\.fr\.html$/);
  await other.click();
  await expect(page.locator('h1')).toHaveText(title!);
  await expect(page).toHaveURL(new RegExp(`/${href!.replaceAll('.', '\\.')}$`));
  expect(problems).toEqual([]);
});

for (const lang of ['fr', 'en', 'ar'] as const) {
  test(`axe: no violations on the ${lang} edition page and an article page`, async ({ page }) => {
    for (const path of [`./${lang}.html`, `./rapprochement-maroc-irak-sous-le-regard-de-l-iran.${lang}.html`, `./headlines-${lang}-1.html`]) {
      await page.goto(path);
      if (!path.includes('headlines')) await expect(page.locator('.nv[data-live]')).toHaveCount(1);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
}

test.describe('a site published with publish-articles --site', () => {
  const port = 8093;
  const origin = `http://127.0.0.1:${port}`;
  const folder = resolve('test-results/published-site');
  let server: Server;

  test.beforeAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    const collection = JSON.parse(readFileSync('public/articles.json', 'utf8'));
    const hostile = JSON.parse(readFileSync('tests/hostile/markup-as-text.json', 'utf8'));
    collection.articles.push(...hostile.articles.map((a: any, i: number) => ({ ...a, published: `2030-01-${String(i + 1).padStart(2, '0')}` })));
    const input = join(folder, 'collection.json');
    mkdirSync(folder, { recursive: true });
    writeFileSync(input, JSON.stringify(collection));
    execFileSync('cargo', ['run', '--quiet', '--bin', 'publish-articles', '--', '--site', 'dist', '--base-url', 'https://news.example/maroc',
      '--page-size', '20', input, join(folder, 'out')]);
    const { serve, staticHandler } = await import('./server.mjs');
    server = await serve(port, staticHandler(join(folder, 'out')));
  });
  test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test('its pages read, name their languages and address', async ({ page }) => {
    await page.goto(`${origin}/rapprochement-maroc-irak-sous-le-regard-de-l-iran.en.html`);
    await expect(page.locator('h1')).toHaveText("Morocco-Iraq rapprochement under Iran's watchful eye");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', 'https://news.example/maroc/rapprochement-maroc-irak-sous-le-regard-de-l-iran.en.html');
    await expect(page.locator('link[hreflang="ar"]')).toHaveAttribute('href', 'https://news.example/maroc/rapprochement-maroc-irak-sous-le-regard-de-l-iran.ar.html');
    await expect(page.locator('.nv[data-live]')).toHaveCount(1);
    const sitemap = readFileSync(join(folder, 'out', 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://news.example/maroc/h0.fr.html</loc>');
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`a collection full of markup runs nothing on its pages, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
      const hostile = JSON.parse(readFileSync('tests/hostile/markup-as-text.json', 'utf8')).articles.map((a: any) => a.id);
      for (const path of [...hostile.map((id: string) => `/${id}.fr.html`), '/fr.html', '/', '/headlines-fr-1.html']) {
        const response = await page.goto(`${origin}${path}`);
        expect(response!.status(), path).toBe(200);
        await expect(page.locator('h1:visible').first()).toBeVisible();
        if (javaScriptEnabled) {
          await page.waitForLoadState('networkidle');
          expect(await page.evaluate(() => (window as any).__pwned), path).toBeUndefined();
        }
        expect(await page.locator('img[src="x"]').count(), path).toBe(0);
      }
      expect(dialogs).toEqual([]);
      await context.close();
    });
  }
});
