import { expect, Page, test } from '@playwright/test';
import { axeViolations, headlines, hostPage, openViewer, readCopy, serveCollection } from './helpers';

// Journeys of readers and publishers: sharing, keyboard focus, narrow screens, long words,
// embedding, reloading and printing.

const featuredId = 'russie-aide-militaire-chine-new-york-times';

/** A host page with one embedded viewer, tall content above and below it. */
const embedding = (attributes: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
  <title>Hôte</title><script type="module" src="embed.js"></script></head>
  <body><main><h1>Le journal</h1><div style="height: 1200px"></div>
  <div id="viewer" data-article-viewer ${attributes}></div><div style="height: 1200px"></div></main></body></html>`;

/** What the page's clipboard holds after pressing Share. */
async function shareAndRead(page: Page, scope = page.locator('body'), [share, copied] = ['Partager', 'Lien copié']) {
  await scope.getByRole('button', { name: share }).click();
  await expect(scope.getByRole('status').filter({ hasText: copied })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

test.describe('sharing', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('the standalone page shares the open article’s deep link', async ({ page }) => {
    await openViewer(page, './?lang=en');
    const english = ['Share', 'Link copied'];
    expect(await shareAndRead(page, undefined, english)).toBe(`http://127.0.0.1:8090/${featuredId}.en.html`);
    await page.locator('.nv-more__link').first().click();
    const url = new URL(await shareAndRead(page, undefined, english));
    expect(url.pathname).toMatch(/^\/[a-z0-9-]+\.en\.html$/);
    expect(url.pathname).not.toBe(`/${featuredId}.en.html`);
    expect(url.search).toBe('');
  });

  test('an embedded viewer shares the publisher’s page for the article, else its source, else the host page', async ({ page }) => {
    await hostPage(page, 'linked.html', embedding('data-link="/actu/{id}?langue={lang}"'));
    await page.goto('./linked.html');
    const viewer = page.locator('#viewer');
    await expect(viewer.locator('.nv-article__title')).toBeVisible();
    expect(await shareAndRead(page, viewer)).toBe(`http://127.0.0.1:8090/actu/${featuredId}?langue=fr`);

    const collection = headlines(2);
    (collection.articles[0] as any).source = { name: 'Le360', url: 'https://le360.ma/a0' };
    await serveCollection(page, collection);
    await hostPage(page, 'plain.html', embedding(''));
    await page.goto('./plain.html');
    await expect(viewer.locator('.nv-article__title')).toBeVisible();
    expect(await shareAndRead(page, viewer)).toBe('https://le360.ma/a0');
    await viewer.locator('.nv-more__link').first().click();
    expect(await shareAndRead(page, viewer)).toBe('http://127.0.0.1:8090/plain.html');
  });

  test('when the clipboard refuses, the link is shown selected in a field to copy by hand', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await openViewer(page);
    await page.getByRole('button', { name: 'Partager' }).click();
    const field = page.getByRole('textbox', { name: 'Copiez ce lien :' });
    await expect(field).toHaveValue(`http://127.0.0.1:8090/${featuredId}.fr.html`);
    await expect(field).toBeFocused();
    const selected = await field.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart!, el.selectionEnd!));
    expect(selected).toBe(await field.inputValue());
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('keyboard', () => {
  test('after Next article, focus is on the new title and Tab goes on from it', async ({ page }) => {
    await openViewer(page);
    const next = page.getByRole('link', { name: /^Article suivant/ });
    const name = (await next.textContent())!;
    await next.focus();
    await page.keyboard.press('Enter');
    const title = page.locator('.nv-article__title');
    await expect(title).toBeFocused();
    expect(name.endsWith((await title.textContent())!)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.nv-tools') !== null)).toBe(true);
  });

  test('the first Tab shows a way past the bar and the ticker, which puts the reader on the article', async ({ page }) => {
    await openViewer(page);
    const skip = page.getByRole('button', { name: "Aller à l'article" });
    expect(await skip.boundingBox().then((b) => b!.height)).toBeLessThanOrEqual(1);
    const title = async () => (await page.locator('.nv-article__title').boundingBox())!.y;
    const before = await title();
    await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    // Shown while it has focus, over the bar: the page does not move.
    expect((await skip.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    expect(await title()).toBe(before);
    await page.keyboard.press('Enter');
    await expect(page.locator('.nv-article__title')).toBeFocused();
    expect(await skip.boundingBox().then((b) => b!.height)).toBeLessThanOrEqual(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.nv-tools') !== null)).toBe(true);
    // In the reader's language.
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.locator('.nv-skip')).toHaveText('انتقل إلى المقال');
  });

  test('the ticker is one tab stop; arrows move through it and keep the headline in view beside the label', async ({ page }) => {
    await openViewer(page);
    await page.getByRole('button', { name: 'العربية' }).focus();
    await page.keyboard.press('Tab');
    const first = page.locator(readCopy).first();
    await expect(first).toBeFocused();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    const sixth = page.locator(readCopy).nth(6);
    await expect(sixth).toBeFocused();
    // With a modifier the keys stay the browser's (Alt+Left is Back): not taken, not prevented.
    const taken = await sixth.evaluate((link) => ['altKey', 'ctrlKey', 'metaKey', 'shiftKey'].map((modifier) => {
      const key = new KeyboardEvent('keydown', { key: 'ArrowLeft', [modifier]: true, bubbles: true, cancelable: true });
      link.dispatchEvent(key);
      return key.defaultPrevented;
    }));
    expect(taken).toEqual([false, false, false, false]);
    await expect(sixth).toBeFocused();
    const inView = async () => page.evaluate(() => {
      const link = document.activeElement!.getBoundingClientRect();
      const viewport = document.querySelector('.nv-ticker__viewport')!.getBoundingClientRect();
      const label = document.querySelector('.nv-ticker__label')!.getBoundingClientRect();
      return link.left >= viewport.left - 1 && link.right <= viewport.right + 1 && link.left >= label.right - 1;
    });
    expect(await inView()).toBe(true);
    await page.keyboard.press('End');
    await expect(page.locator(readCopy).last()).toBeFocused();
    expect(await inView()).toBe(true);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Mettre en pause le défilement des titres' })).toBeFocused();
    // Back in: the ticker remembers the headline the reader was on.
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator(readCopy).last()).toBeFocused();
  });
});

test('Tab never leaves the focus ring cut off by the window\'s edge', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openViewer(page);
  await page.locator('[data-live]').waitFor();
  const cut: string[] = [];
  for (let i = 0; i < 45; i++) {
    await page.keyboard.press('Tab');
    const box = await page.evaluate(() => {
      const r = document.activeElement!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, name: document.activeElement!.textContent!.slice(0, 30), top0: scrollY === 0, ours: !!document.activeElement!.closest('.nv') };
    });
    // The ring: 3 px, 2 px out (at the page's top, nothing is above to scroll to).
    if (box.ours && ((box.top < 5 && !box.top0) || box.bottom > 800 - 5)) cut.push(`${i}: ${box.name} ${Math.round(box.top)}–${Math.round(box.bottom)}`);
  }
  expect(cut).toEqual([]);
});

test.describe('keyboard, back in the list', () => {
  test('Back to a place in the list focuses the headline the reader came from, not the title far above', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await openViewer(page);
    const link = page.locator('.nv-more__link').nth(20);
    await link.scrollIntoViewIfNeeded();
    const href = (await link.getAttribute('href'))!;
    await link.focus();
    const place = await page.evaluate(() => Math.round(scrollY));
    expect(place).toBeGreaterThan(700);
    await page.keyboard.press('Enter');
    await expect(page.locator('.nv-article__title')).toBeFocused();
    await page.evaluate(() => window.scrollTo(0, 300));
    await page.waitForTimeout(100);
    await page.goBack();
    await expect(page.locator(`.nv-more__link[href="${href}"]`)).toBeFocused();
    await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(place);
    // Tab goes on from there, not from the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.nv-more') !== null)).toBe(true);
    // Forward: back at the place in the next article too; and Back again, at the place the
    // reader had moved on to since.
    await page.evaluate(() => window.scrollBy(0, -200));
    await page.waitForTimeout(100);
    await page.goForward();
    await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(300);
    // Its title is off screen there: focus stays off it, so that no key scrolls the reader away.
    await page.waitForTimeout(100);
    await expect(page.locator('.nv-article__title')).not.toBeFocused();
    await page.goBack();
    await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(place - 200);
  });

  test('Back after "show more" shows as many headlines and focuses the one followed; Forward focuses the title on screen', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await openViewer(page);
    await page.getByRole('button', { name: 'Afficher plus de titres' }).click();
    const rows = await page.locator('.nv-more__link').count();
    expect(rows).toBeGreaterThan(30);
    const link = page.locator('.nv-more__link').nth(40);
    await link.scrollIntoViewIfNeeded();
    const href = (await link.getAttribute('href'))!;
    await link.focus();
    const place = await page.evaluate(() => Math.round(scrollY));
    await page.keyboard.press('Enter');
    await expect(page.locator('.nv-article__title')).toBeFocused();
    await page.goBack();
    await expect(page.locator('.nv-more__link')).toHaveCount(rows);
    await expect(page.locator(`.nv-more__link[href="${href}"]`)).toBeFocused();
    await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(place);
    // Forward: the reader had left the article by Back, at its top.
    await page.goForward();
    await expect(page.locator('.nv-article__title')).toBeFocused();
    // Focus is on screen.
    expect(await page.evaluate(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body) return true;
      const box = focused.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    })).toBe(true);
    // Back again: the same rows, place and focus as the first time.
    await page.goBack();
    await expect(page.locator('.nv-more__link')).toHaveCount(rows);
    await expect(page.locator(`.nv-more__link[href="${href}"]`)).toBeFocused();
    await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(place);
  });

  test('Back focuses the link the reader followed, the list\'s row, though the pager leads there too', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 1600 });
    await openViewer(page);
    const next = page.locator('.nv-pager__next a');
    const row = page.locator(`.nv-more__link[href="${await next.getAttribute('href')}"]`);
    await expect(row).toHaveCount(1);
    await row.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.nv-article__title')).toBeFocused();
    await page.goBack();
    await expect(row).toBeFocused();
    // And the pager's, when that is the one followed.
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.nv-article__title')).toBeFocused();
    await page.goBack();
    await expect(next).toBeFocused();
  });

  test('Forward onto an article left by Back focuses its title, not the link back', async ({ page }) => {
    await openViewer(page);
    const next = page.locator('.nv-pager__next a');
    await next.focus();
    await page.keyboard.press('Enter');
    const title = page.locator('.nv-article__title');
    await expect(title).toBeFocused();
    const opened = (await title.textContent())!;
    await page.goBack();
    await expect(next).toBeFocused();
    await page.goForward();
    await expect(title).toHaveText(opened);
    await expect(title).toBeFocused();
  });

  test("Back after the pager's Next lists one page of headlines and focuses that link", async ({ page }) => {
    // Its next article is far down its list (the 36th row): the reader followed the pager.
    await openViewer(page, './?article=extension-des-aeroports-de-marrakech-agadir-et-tanger-les');
    await expect(page.locator('.nv-more__link')).toHaveCount(30);
    await page.locator('.nv-pager__next a').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.nv-article__title')).toHaveText(/Marché actions/i);
    await page.goBack();
    await expect(page.locator('.nv-pager__next a')).toBeFocused();
    await expect(page.locator('.nv-more__link')).toHaveCount(30);
    await expect(page.getByRole('button', { name: 'Afficher plus de titres' })).toBeVisible();
  });

  test('Back after a ticker headline focuses that ticker headline', async ({ page }) => {
    await openViewer(page);
    await page.locator(readCopy).first().focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const followed = page.locator(readCopy).nth(3);
    await expect(followed).toBeFocused();
    const href = (await followed.getAttribute('href'))!;
    await page.keyboard.press('Enter');
    await expect(page.locator('.nv-article__title')).toBeFocused();
    await page.goBack();
    await expect(page.locator(`${readCopy}[href="${href}"]`)).toBeFocused();
  });

  test('on a phone, a headline wider than the ticker shows its start when focused, from either side', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await serveCollection(page, headlines(6, (i) => i === 2 ? 'Un titre assez long qui dépasse la fenêtre du bandeau' : `Titre ${i}`));
    await openViewer(page);
    await page.locator(readCopy).first().focus();
    // Past it, then back to it: coming from its end side.
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft']) await page.keyboard.press(key);
    const long = page.locator(readCopy).nth(2);
    await expect(long).toBeFocused();
    await page.waitForTimeout(300);
    const { start, viewportStart, viewportEnd, width } = await long.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const viewport = el.closest('.nv-ticker__viewport')!.getBoundingClientRect();
      return { start: box.left, viewportStart: viewport.left, viewportEnd: viewport.right, width: box.width };
    });
    expect(width).toBeGreaterThan(viewportEnd - viewportStart);
    expect(Math.abs(start - viewportStart)).toBeLessThanOrEqual(2);
  });
});

test.describe('embedding', () => {
  test('ready fires once per viewer on load, open only on a reader’s action', async ({ page }) => {
    await page.addInitScript(() => {
      (window as any).heard = [];
      for (const type of ['article-viewer:ready', 'article-viewer:open']) {
        document.addEventListener(type, (e) => (window as any).heard.push([type, (e.target as Element).id, (e as CustomEvent).detail]));
      }
    });
    await page.goto('./demo.html');
    await expect(page.locator('#viewer-en .nv-article__title')).toBeVisible();
    await expect.poll(() => page.evaluate(() => (window as any).heard.length)).toBe(3);
    const heard = await page.evaluate(() => (window as any).heard);
    expect(heard).toContainEqual(['article-viewer:ready', 'viewer-fr', { articleId: featuredId, lang: 'fr' }]);
    expect(heard).toContainEqual(['article-viewer:ready', 'viewer-en', { articleId: 'l-espagne-met-en-garde-ses-citoyens-voulant-se-rendre-a', lang: 'en' }]);
    expect(heard.filter(([type]: string[]) => type === 'article-viewer:open')).toEqual([]);
    await page.locator('#viewer-fr .nv-more__link').first().click();
    await expect.poll(() => page.evaluate(() => (window as any).heard.length)).toBe(4);
    expect((await page.evaluate(() => (window as any).heard))[3][0]).toBe('article-viewer:open');
  });

  test('after Next article an embedded viewer brings the new article’s top into view', async ({ page }) => {
    await hostPage(page, 'tall.html', embedding(''));
    await page.goto('./tall.html');
    const viewer = page.locator('#viewer');
    const next = viewer.locator('.nv-pager__next a');
    await next.scrollIntoViewIfNeeded();
    const mainTop = () => viewer.locator('.nv-main').evaluate((el) => el.getBoundingClientRect().top);
    expect(await mainTop()).toBeLessThan(-300);
    await next.click();
    await expect(viewer.locator('.nv-article__title')).toBeFocused();
    await expect.poll(mainTop).toBeGreaterThanOrEqual(-1);
    expect(await mainTop()).toBeLessThan(await page.evaluate(() => innerHeight * 0.8));
  });

  test('an iframe viewer asks its parent to bring the new article into view', async ({ page }) => {
    await page.goto('./demo.html');
    const frame = page.frameLocator('#viewer-frame');
    const next = frame.locator('.nv-pager__next a');
    await expect(next).toBeVisible();
    await next.scrollIntoViewIfNeeded();
    const articleTop = () => page.evaluate(() => {
      const iframe = document.getElementById('viewer-frame') as HTMLIFrameElement;
      const host = iframe.contentDocument!.querySelector('[data-article-viewer]')!;
      const main = host.shadowRoot!.querySelector('.nv-main')!;
      return iframe.getBoundingClientRect().top + main.getBoundingClientRect().top;
    });
    expect(await articleTop()).toBeLessThan(-300);
    await next.click();
    await expect.poll(articleTop).toBeGreaterThanOrEqual(-1);
    expect(await articleTop()).toBeLessThan(await page.evaluate(() => innerHeight * 0.8));
  });
});

/** How far the page overflows its viewport sideways, in px (0: it does not). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

const unbroken = (i: number) => `${'Sansespacenicoupure'.repeat(12)}${i}`;
const longTitles = {
  schema: 1,
  articles: Array.from({ length: 6 }, (_, i) => ({
    id: `long-${i}`,
    published: `2024-05-0${i + 1}`,
    translations: {
      fr: { title: unbroken(i), body: [`${'Motsansfin'.repeat(40)}.`] },
      ar: { title: `${'عنوانطويلجدا'.repeat(15)}${i}`, body: ['نص.'] },
    },
  })),
};

test.describe('narrow screens and long words', () => {
  test('a 320 px phone in Arabic: nothing overflows, the label stays small, no axe violation', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await openViewer(page, './?lang=ar');
    await expect(page.locator('.nv')).toHaveAttribute('dir', 'rtl');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const share = await page.locator('.nv-ticker__label').evaluate((label) =>
      label.getBoundingClientRect().width / label.parentElement!.getBoundingClientRect().width);
    expect(share).toBeLessThanOrEqual(0.3);
    expect(await axeViolations(page)).toEqual([]);
  });

  for (const [width, lang] of [[1280, 'fr'], [320, 'fr'], [320, 'ar']] as const) {
    test(`long unbroken titles wrap at ${width} px in ${lang}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await serveCollection(page, longTitles);
      await openViewer(page, `./?article=long-3&lang=${lang}`);
      // The served file's article, not the prerendered first view (whose pager has a next link
      // too, and goes as the file arrives).
      await expect(page.locator('.nv[data-live]:not([aria-busy]) .nv-article__title')).toHaveText(lang === 'fr' ? unbroken(3) : /3$/);
      await expect(page.locator('.nv-pager__next a')).toBeVisible();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      for (const part of ['.nv-pager', '.nv-more', '.nv-article']) {
        const box = (await page.locator(part).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('a lone Next article link takes the whole row', async ({ page }) => {
    await openViewer(page);
    await expect(page.locator('.nv-pager__prev')).toHaveCount(0);
    const pager = (await page.locator('.nv-pager').boundingBox())!;
    const next = (await page.locator('.nv-pager__next').boundingBox())!;
    expect(next.width).toBeGreaterThan(pager.width * 0.95);
  });

  test('the meta line never starts a line with its separator', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await openViewer(page);
    const lineStarts = await page.locator('.nv-article__facts > span').evaluateAll((spans) => {
      const meta = spans[0].closest('.nv-article__meta')!.getBoundingClientRect();
      const tops = new Map<number, number>();
      for (const span of spans) {
        const box = span.getBoundingClientRect();
        tops.set(Math.round(box.top), Math.min(tops.get(Math.round(box.top)) ?? Infinity, box.left));
      }
      // The separator is the first 2em of each fact: at a line's start it lies outside the meta's box.
      return [...tops.values()].map((left) => left < meta.left - 1);
    });
    expect(lineStarts.length).toBeGreaterThan(1); // it does wrap at 320 px
    expect(lineStarts.every(Boolean)).toBe(true);
  });

  test("with the browser's largest font, on a phone, in Arabic: nothing is wider than the screen, no fact is cut", async ({ page }) => {
    // Chrome's "Very large" font setting (from a reader trial: the page was 415 px wide, scrolled).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 24 } });
    await page.setViewportSize({ width: 390, height: 844 });
    await openViewer(page, './russie-aide-militaire-chine-new-york-times.ar.html');
    await expect(page.locator('.nv[data-live]:not([aria-busy])')).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const cut = await page.locator('.nv-article__meta').evaluate((meta) => {
      const box = meta.getBoundingClientRect();
      const range = document.createRange();
      return [...meta.querySelectorAll('.nv-article__facts > span')].flatMap((fact) => {
        range.selectNodeContents(fact);
        return [...range.getClientRects()]
          .filter((r) => r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5))
          .map(() => fact.textContent);
      });
    });
    expect(cut).toEqual([]);
  });

  test('every control and link is at least 24 × 24 px, on a phone too', async ({ page }) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await openViewer(page, './?lang=ar');
      const small = await page.locator('.nv').evaluate((root) =>
        [...root.querySelectorAll('a, button, input')]
          // (The skip link shows only while it has focus: see the keyboard tests.)
          .filter((el) => !el.closest('[inert]') && !el.matches('.nv-skip:not(:focus)') && el.getClientRects().length > 0)
          .map((el) => ({ el: el.className || el.textContent, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 24 || box.height < 24)
          .map(({ el, box }) => `${el}: ${box.width}×${box.height}`));
      expect(small).toEqual([]);
    }
  });
});

test('a broken image leaves its description, without the broken icon or the report button', async ({ page }) => {
  await serveCollection(page, {
    schema: 1,
    articles: [{
      id: 'pic', image: { src: 'missing.jpg', width: 800, height: 450 },
      translations: { fr: { title: 'Photo', body: ['Texte.'], image_alt: 'Le port au lever du jour' } },
    }],
  });
  await openViewer(page);
  await expect(page.locator('.nv-figure')).toHaveClass(/is-broken/);
  await expect(page.locator('.nv-figure img')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Signaler cette image' })).toBeHidden();
  await expect(page.locator('.nv-figure__described')).toHaveText('Le port au lever du jour');
  expect(await axeViolations(page)).toEqual([]);
});

test('a reload keeps the reader’s place in the article', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openViewer(page);
  await page.evaluate(() => window.scrollTo(0, 1500));
  await page.reload();
  await expect(page.locator('.nv[data-live]')).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(1500);
});

test('a reload after Show more keeps the longer list, and the place in it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openViewer(page);
  await page.getByRole('button', { name: 'Afficher plus de titres' }).click();
  const rows = page.locator('.nv-more__item');
  await expect(rows).toHaveCount(45);
  await rows.nth(40).scrollIntoViewIfNeeded();
  const place = await page.evaluate(() => Math.round(scrollY));
  await page.reload();
  await expect(page.locator('.nv[data-live]:not([aria-busy])')).toHaveCount(1);
  await expect(rows).toHaveCount(45);
  await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(place);
  await expect(rows.nth(40)).toBeInViewport();
});

test('print uses the light theme whatever the reader’s or the system’s', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openViewer(page);
  await page.getByRole('button', { name: 'Sombre' }).click();
  await expect(page.locator('.nv')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Sombre' })).toHaveAttribute('aria-pressed', 'true');
  const colours = () => page.locator('.nv').evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  expect((await colours())[0]).not.toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  expect(await colours()).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
});

test('with no pick, the theme the system shows is the one pressed', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openViewer(page);
  await expect(page.getByRole('button', { name: 'Sombre' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Clair' })).toHaveAttribute('aria-pressed', 'false');
});

test('with no pick, the pressed theme follows the system as it changes, embedded too', async ({ page }) => {
  await openViewer(page);
  const dark = page.getByRole('button', { name: 'Sombre' });
  const light = page.getByRole('button', { name: 'Clair' });
  await expect(light).toHaveAttribute('aria-pressed', 'true');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(dark).toHaveAttribute('aria-pressed', 'true');
  await expect(light).toHaveAttribute('aria-pressed', 'false');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(light).toHaveAttribute('aria-pressed', 'true');
  // A reader's pick wins over the system's.
  await page.getByRole('button', { name: 'Sépia' }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.getByRole('button', { name: 'Sépia' })).toHaveAttribute('aria-pressed', 'true');
  await expect(dark).toHaveAttribute('aria-pressed', 'false');
  // An embedded viewer follows too (the pick above forgotten).
  await page.evaluate(() => localStorage.clear());
  await page.goto('./demo.html');
  await page.emulateMedia({ colorScheme: 'light' });
  const embedded = page.locator('#viewer-fr .nv-tools__button[data-choice="dark"]');
  await expect(embedded).toHaveAttribute('aria-pressed', 'false');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(embedded).toHaveAttribute('aria-pressed', 'true');
});

test('A− and A+ are named by what they show, and keep focus at their limit', async ({ page }) => {
  await openViewer(page, './?lang=ar');
  const larger = page.getByRole('button', { name: /^A\+/ });
  await expect(larger).toHaveAccessibleName('A+ تكبير النص');
  await larger.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
  await expect(larger).toHaveAttribute('aria-disabled', 'true');
  await expect(larger).toBeFocused();
  await expect(page.getByRole('button', { name: /^A−/ })).toHaveAccessibleName('A− تصغير النص');
});
