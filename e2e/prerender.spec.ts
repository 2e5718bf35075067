import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { headlinesNotShown, hold, readCopy, staysScrolledOn } from './helpers';

// The standalone page holds its first view in the HTML (the prerender hook of Trunk.toml), reads
// without JavaScript, and the app takes it over without a sign.

const featured = "La Russie a demandé l'aide militaire de la Chine, selon le New York Times";
const controls = ['.nv-ticker__toggle', '.nv-langs', '.nv-tools', '.nv-more__button'];

test('the built page holds the first view, its title, description, Open Graph and JSON-LD', () => {
  const page = readFileSync('dist/fr.html', 'utf8');
  expect(page).toContain(`<h1 tabindex="-1" lang="fr" dir="ltr" class="nv-article__title">${featured}</h1>`);
  expect(page).toContain(`<title>${featured} — Actualités</title>`);
  expect(page).toMatch(/<meta name="description" content="La Russie a demandé l'aide économique/);
  for (const [property, value] of [['og:title', featured], ['og:type', 'article'], ['og:locale', 'fr_FR']]) {
    expect(page).toContain(`<meta property="${property}" content="${value}">`);
  }
  const ld = JSON.parse(page.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]);
  expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: featured, datePublished: '2022-03-14', inLanguage: 'fr',
    sourceOrganization: { name: 'Hespress' } });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page reads: headlines are links, the article is there, controls take no room', async ({ page }) => {
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto('./');
    // The root holds every edition: without the script in its head, the default one shows.
    await expect(page.locator('h1:visible')).toHaveText(featured);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fr', 'ltr']);
    const links = page.locator(`div[data-edition="fr"] ${readCopy}`);
    // The root's editions hold the 12 newest headlines; the lists of headlines hold every one.
    await expect(links).toHaveCount(12);
    await expect(links.nth(1)).toHaveAttribute('href', /^m-hilale[a-z-]+\.fr\.html$/);
    await expect(page.locator('div[data-edition="fr"] .nv-page-links a[hreflang="ar"]')).toHaveAttribute('href', 'ar.html');
    await expect(page.locator('div[data-edition="fr"] .nv-article__body p')).toHaveCount(11);
    await expect(page.locator('div[data-edition="fr"] .nv-article__meta')).toContainText('Publié dans \u2068Hespress\u2069 le \u206814 mars 2022\u2069');
    for (const control of controls) {
      expect(await page.locator(control).evaluateAll((all) => all.filter((e) => e.getClientRects().length))).toEqual([]);
    }
    // Every headline of the still row is a tab stop (the app makes the ticker one).
    expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('tabindex')))).toEqual(Array(12).fill('0'));
    // From the top of the page: the app's skip link is not a stop.
    const stops: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate(() => document.activeElement!.className));
    }
    expect(stops).toEqual(Array(3).fill('nv-ticker__link'));
    await expect(links.nth(2)).toBeFocused();
    await expect(page.locator('.nv-disk-note').first()).toBeHidden();
    // Nothing is fetched for an app that cannot run.
    expect(asked.filter((path) => /\.wasm$|\.json$/.test(path))).toEqual([]);
  });

  test('the iframe page leads to the site, whose pages read', async ({ page }) => {
    await page.goto('./embed.html');
    await page.getByRole('link', { name: /Actualités/ }).click();
    await expect(page.locator('h1:visible')).toHaveText(featured);
  });

  test('a tapped headline opens its article\'s page, which reads, in every language', async ({ page }) => {
    await page.goto('./');
    await page.locator(`div[data-edition="fr"] ${readCopy}`).filter({ hasText: 'Rapprochement Maroc-Irak' }).click();
    await expect(page).toHaveURL(/\/rapprochement-maroc-irak-sous-le-regard-de-l-iran\.fr\.html$/);
    await expect(page.locator('h1')).toHaveText("Rapprochement Maroc-Irak sous le regard de l'Iran");
    await page.locator('.nv-page-links a[hreflang="ar"]').click();
    await expect(page).toHaveURL(/\.ar\.html$/);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await expect(page.locator('h1')).toHaveText('تقارب مغربي عراقي تحت أنظار إيران');
    // Every article through the lists of headlines.
    await page.goto('./headlines-en-1.html');
    await expect(page.locator('.nv-headline-list li')).toHaveCount(46);
    await page.locator('.nv-headline-list a').nth(3).click();
    await expect(page).toHaveURL(/\.en\.html$/);
    await expect(page.locator('h1')).toBeVisible();
  });
});

test('opened from disk, the built page shows its first view and says what reading further needs', async ({ page }) => {
  await page.goto(pathToFileURL(resolve('dist/index.html')).href);
  await expect(page.locator('h1:visible')).toHaveText(featured);
  await expect(page.locator(`div[data-edition="fr"] ${readCopy}`)).toHaveCount(12);
  await expect(page.locator('.nv-disk-note:visible')).toHaveText(/servez ce dossier/);
  expect(await page.locator('.nv-article__title:visible').evaluate((h) => getComputedStyle(h).fontFamily)).toMatch(/Georgia|serif/);
  for (const control of controls) await expect(page.locator(control).first()).toBeHidden();
});

test('the app takes the first view over in place: same nodes, no layout shift, no console message', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (m) => { if (['error', 'warning'].includes(m.type()) && !m.text().includes('integrity')) messages.push(m.text()); });
  page.on('pageerror', (e) => messages.push(String(e)));
  // Holds the WebAssembly back until the prerendered nodes are marked.
  const release = await hold(page);
  await page.addInitScript(() => {
    (window as any).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) (window as any).shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('./');
  await expect(page.locator('h1:visible')).toHaveText(featured);
  const scrolled = await page.evaluate(() => {
    for (const selector of ['h1', '.nv-ticker__track', '.nv-ticker__link', '.nv-more__link']) {
      (document.querySelector(selector) as any).prerendered = true;
    }
    scrollTo(0, 300);
    return scrollY;
  });
  release();
  await expect(page.locator('.nv[data-live]')).toHaveCount(1);
  await expect(page.locator('.nv-ticker__toggle')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300); // the file's data has patched the view
  expect(await page.evaluate(() => ['h1', '.nv-ticker__track', '.nv-ticker__link', '.nv-more__link']
    .map((s) => (document.querySelector(s) as any).prerendered))).toEqual([true, true, true, true]);
  expect(await page.evaluate(() => (window as any).shifts)).toBe(0);
  expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  expect(messages).toEqual([]);
  // Taken over: the controls work.
  await page.locator('.nv-ticker__toggle').click();
  await expect(page.locator('.nv-ticker__toggle')).toHaveAttribute('aria-pressed', 'true');
});

// The first paint does not lay the ticker's second copy out (the loop that shows it is not
// running yet); once the app runs, the loop has it, and its speed is the copy's width over its
// duration, as it would be with the copy laid out from the start.
test("the ticker's second copy is laid out once the loop runs, at the loop's speed", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const release = await hold(page);
  await page.goto('./fr.html');
  const copy = page.locator('ul.nv-ticker__copy[aria-hidden] .nv-ticker__link').first();
  await expect(page.locator('h1:visible')).toHaveCount(1);
  expect(await copy.evaluate((link) => link.checkVisibility())).toBe(false);
  release();
  await expect(page.locator('.nv[data-live]')).toHaveCount(1);
  expect(await copy.evaluate((link) => link.checkVisibility())).toBe(true);
  await page.waitForTimeout(300);
  const { track, read, duration } = await page.locator('.nv-ticker__track').evaluate((el) => ({
    track: el.getBoundingClientRect().width,
    read: el.firstElementChild!.getBoundingClientRect().width,
    duration: parseFloat(getComputedStyle(el).animationDuration),
  }));
  expect(track).toBeCloseTo(2 * read, 0);
  expect(read / duration).toBeGreaterThan(55);
  expect(read / duration).toBeLessThan(65);
});

test("a reader on a ticker headline before the app runs keeps it as the ticker's tab stop", async ({ page }) => {
  const release = await hold(page);
  await page.goto('./fr.html');
  const links = page.locator('ul.nv-ticker__copy:not([aria-hidden]) .nv-ticker__link');
  await links.nth(1).focus();
  await expect(links.nth(1)).toBeFocused();
  release();
  await expect(page.locator('.nv[data-live]')).toHaveCount(1);
  await expect(links.nth(1)).toHaveAttribute('tabindex', '0');
  await expect(links.nth(0)).toHaveAttribute('tabindex', '-1');
  await expect(links.nth(1)).toBeFocused();
});

test('a reader on a ticker headline who has scrolled on stays where they are when the app runs', async ({ page }) => {
  const release = await hold(page);
  await page.goto('./fr.html');
  await staysScrolledOn(page, release);
});

// An article's page shows the headlines as they stood for it; when the collection file has been
// read, the edition's take their place, newest first: the rows move down, and a row moved loses
// focus. A keyboard reader on one of them stays on it.
test("a reader on a ticker headline of an article's page keeps it when the edition's headlines come in", async ({ page }) => {
  await page.goto('./fr.html');
  const links = page.locator(readCopy);
  // The edition's fourth headline, first on its article's page.
  const fourth = (await links.nth(3).getAttribute('href'))!;
  const release = await hold(page, '**/articles.json');
  await page.goto(fourth);
  await expect(page.locator('.nv[data-live][aria-busy]')).toHaveCount(1);
  await expect(links.first()).toHaveAttribute('href', fourth);
  await links.first().focus();
  release();
  await expect(page.locator('.nv[data-live]:not([aria-busy])')).toHaveCount(1);
  await expect(links.nth(3)).toHaveAttribute('href', fourth);
  await expect(links.nth(3)).toBeFocused();
});

// Chromium leaves where it is a focused element that shows in part (32 px or more) along a line:
// before the app runs, every other headline was mostly outside the strip.
for (const [path, width] of [['fr.html', 1280], ['ar.html', 390]] as const) {
  test(`before the app runs, each ticker headline Tab reaches shows in the strip (${path}, ${width} px); leaving it takes the strip back to its start`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const release = await hold(page);
    await page.goto(`./${path}`);
    const links = page.locator(readCopy);
    expect(await headlinesNotShown(page, links)).toEqual([]);
    const viewport = page.locator('.nv-ticker__viewport');
    expect(await viewport.evaluate((v) => v.scrollLeft)).not.toBe(0);
    await page.locator('.nv-more__link').first().focus();
    expect(await viewport.evaluate((v) => v.scrollLeft)).toBe(0);
    release();
    await expect(page.locator('.nv[data-live]')).toHaveCount(1);
  });
}

// The links to the page's other languages and lists give way to the app's own controls once it
// runs; a reader who had reached one by keyboard stays on it until they move on.
test('a reader on the page links when the app runs keeps their place', async ({ page }) => {
  const release = await hold(page);
  await page.goto('./fr.html');
  const english = page.locator('.nv-page-links a[hreflang="en"]');
  await english.focus();
  release();
  await expect(page.locator('.nv[data-live]')).toHaveCount(1);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
  await expect(english).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.nv-page-links')).toBeHidden();
  expect(await page.evaluate(() => document.activeElement?.closest('.nv') !== null)).toBe(true);
});

test('the app takes the first view over without an Intl formatter: the prerendered date stays, another language writes its own', async ({ page }) => {
  // Each formatter made, and whether the viewer was ready (the file read) when it was.
  await page.addInitScript(() => {
    const made: [string, boolean][] = ((window as any).made = []);
    for (const name of ['DateTimeFormat', 'NumberFormat', 'DisplayNames']) {
      (Intl as any)[name] = new Proxy((Intl as any)[name], {
        construct(target, args) {
          made.push([name, !!document.querySelector('.nv[data-live]:not([aria-busy])')]);
          return Reflect.construct(target, args);
        },
      });
    }
  });
  await page.goto('./');
  await expect(page.locator('.nv[data-live]:not([aria-busy])')).toHaveCount(1);
  await expect(page.locator('.nv-article__meta')).toHaveText('Publié dans \u2068Hespress\u2069 le \u206814 mars 2022\u20693 min de lecture');
  // Made once the page is idle, not while it hydrates.
  await expect.poll(() => page.evaluate(() => (window as any).made.length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as any).made.filter(([, ready]: [string, boolean]) => !ready))).toEqual([]);
  await page.locator('.nv-langs__button[lang="en"]').click();
  await expect(page.locator('.nv-article__meta')).toHaveText('Published in \u2068Hespress\u2069 on \u206814 March 2022\u20692 min read');
});

test("a returning reader's theme and text size show from the first paint, before the app, which keeps them", async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('news-viewer:theme', 'sepia');
    localStorage.setItem('news-viewer:text-size', '0');
    (window as any).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) (window as any).shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const release = await hold(page);
  await page.goto('./russie-aide-militaire-chine-new-york-times.en.html');
  const view = page.locator('.nv');
  await expect(view).toHaveAttribute('data-theme', 'sepia');
  await expect(view).toHaveAttribute('data-text-size', '0');
  await expect(view).toHaveCSS('background-color', 'rgb(246, 239, 223)');
  const size = await page.locator('.nv-article__body').evaluate((b) => getComputedStyle(b).fontSize);
  release();
  await expect(page.locator('.nv[data-live]:not([aria-busy])')).toHaveCount(1);
  await expect(page.locator('.nv-tools__button[data-choice="sepia"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(view).toHaveAttribute('data-text-size', '0');
  expect(await page.locator('.nv-article__body').evaluate((b) => getComputedStyle(b).fontSize)).toBe(size);
  expect(await page.evaluate(() => (window as any).shifts)).toBe(0);
});

// An article's page shows the headlines of its day (those published no later than it): the app,
// once it has read the whole file, keeps showing them under that article, so that nothing moves.
const older = 'l-espagne-met-en-garde-ses-citoyens-voulant-se-rendre-a';
for (const width of [390, 1280]) {
  test(`an older article's page is taken over without a layout shift at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.addInitScript(() => {
      (window as any).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as any[]) (window as any).shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`./${older}.fr.html`);
    const rows = await page.locator('.nv-more__link').allTextContents();
    await expect(page.locator('.nv[data-live]:not([aria-busy])')).toHaveCount(1);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as any).shifts)).toBe(0);
    await expect(page.locator('.nv-pager__prev')).toHaveCount(0);
    expect((await page.locator('.nv-more__link').allTextContents()).slice(0, rows.length)).toEqual(rows);
    // Once the reader goes on, the live headlines: the next article has a previous one.
    await page.locator('.nv-pager__next a').click();
    await expect(page.locator('.nv-pager__prev a')).toHaveAttribute('href', `${older}.fr.html`);
    // Back on the page they arrived at, its headlines as they found them.
    await page.goBack();
    await expect(page.locator('h1')).toHaveText(/Espagne/);
    await expect(page.locator('.nv-pager__prev')).toHaveCount(0);
    expect((await page.locator('.nv-more__link').allTextContents()).slice(0, rows.length)).toEqual(rows);
  });
}

test('a reload on an article the reader went on to brings what they had there: the live headlines', async ({ page }) => {
  await page.goto(`./${older}.fr.html`);
  await expect(page.locator('.nv[data-live]:not([aria-busy])')).toHaveCount(1);
  await page.locator('.nv-pager__next a').click();
  await expect(page.locator('.nv-more__link')).toHaveCount(30);
  await page.reload();
  await expect(page.locator('.nv[data-live]:not([aria-busy]) .nv-pager__prev a')).toHaveAttribute('href', `${older}.fr.html`);
  await expect(page.locator('.nv-more__link')).toHaveCount(30);
});

test('a changed articles.json wins over the first view: added, removed and retitled headlines show', async ({ page }) => {
  const bundled = JSON.parse(readFileSync('public/articles.json', 'utf8'));
  const removed = bundled.articles.find((a: any) => a.id.startsWith('m-hilale'));
  const retitled = bundled.articles.find((a: any) => a.id.startsWith('rapprochement-maroc-irak'));
  retitled.translations.fr.title = 'Titre corrigé après la publication';
  bundled.articles = bundled.articles.filter((a: any) => a !== removed);
  bundled.articles.push({ id: 'derniere-minute', published: '2030-01-01',
    translations: { fr: { title: 'Dernière minute : un titre ajouté' } } });
  await page.route('**/articles.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bundled) }));
  await page.goto('./');
  await expect(page.locator(readCopy).first()).toHaveText('Dernière minute : un titre ajouté');
  await expect(page.locator(readCopy)).toHaveCount(46);
  await expect(page.locator(readCopy).filter({ hasText: 'Titre corrigé après la publication' })).toHaveCount(1);
  await expect(page.locator(readCopy).filter({ hasText: /Hilale/ })).toHaveCount(0);
  // The featured article is the newest with a text, as before.
  await expect(page.locator('h1')).toHaveText(featured);
});
