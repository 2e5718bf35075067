import { expect, Page, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { headlinesNotShown, hold, hostPage, readCopy, staysScrolledOn } from './helpers';

// Embedding with published fragments (src/prerender.rs, public/embed.js): the first view is in
// the host's shadow root before the WebAssembly arrives, pasted (embed.js fetches it) or included
// by the publisher's server; the app then hydrates it in place, and the host page never moves.

const featured = "La Russie a demandé l'aide militaire de la Chine, selon le New York Times";
// The README's snippet: the space the viewer takes is reserved before anything loads.
const reserve = `<style>
  @media (scripting: enabled) {
    [data-article-viewer] { display: block; min-height: 100vh; }
    [data-article-viewer][data-view="ticker"] { min-height: 0; height: 44px; }
  }
</style>`;

type Form = 'pasted' | 'included';
type View = 'viewer' | 'ticker';

/** A publisher's page: a headline, the host, then the page's own content. */
function publisherPage(form: Form, view: View, article?: string) {
  const attrs = view === 'ticker' ? 'data-view="ticker"' : article ? `data-article="${article}"` : '';
  const name = article ? `${article}.fr` : `fr${view === 'ticker' ? '-ticker' : ''}`;
  const fragment = form === 'included' ? readFileSync(`dist/embed/${name}.html`, 'utf8') : '';
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Le Courrier</title>${reserve}<script type="module" src="/embed.js"></script></head>
    <body><h1>Le Courrier</h1><div id="v" data-article-viewer data-lang="fr" ${attrs}>${fragment}</div>
    ${'<p>Le texte de la page de l’éditeur, sous le lecteur.</p>'.repeat(20)}</body></html>`;
}

async function shifts(page: Page) {
  await page.addInitScript(() => {
    (window as any).shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

for (const form of ['pasted', 'included'] as Form[]) {
  test(`${form}: the first view shows before the app, which takes it over in place; a click opens an article inside the page`, async ({ page }) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await hostPage(page, 'publisher.html', publisherPage(form, 'viewer'));
    const release = await hold(page);
    await page.goto('./publisher.html');
    const title = page.locator('#v .nv-article__title');
    await expect(title).toHaveText(featured);
    await title.evaluate((h) => { (h as any).prerendered = true; });
    release();
    await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
    expect(await title.evaluate((h) => (h as any).prerendered)).toBe(true);
    await expect(page.locator('#v .nv')).toHaveCount(1);
    await page.locator('#v .nv-more__link').filter({ hasText: 'Rapprochement Maroc-Irak' }).click();
    await expect(title).toHaveText("Rapprochement Maroc-Irak sous le regard de l'Iran");
    expect(new URL(page.url()).pathname).toBe('/publisher.html');
    expect(problems).toEqual([]);
  });
}

// Over a slow line a pasted fragment arrives in pieces, as a server here sends it: its head (the
// stylesheet, the bar and the ticker) shows as soon as it is in, then the article, then the rest
// of the view, each joining the nodes there, and the app takes them over. With a policy that
// refuses the inline stylesheet too.
for (const policy of [false, true]) {
  test(`pasted, arriving in pieces${policy ? ", styles from 'self' only" : ''}: the ticker shows first, the article and the rest join it, the app takes them over`, async ({ page }) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('Content Security Policy')) problems.push(m.text()); });
    const fragment = readFileSync('dist/embed/fr.html', 'utf8');
    const headEnd = fragment.indexOf('</section>', fragment.indexOf('class="nv-ticker"')) + '</section>'.length;
    const articleEnd = fragment.indexOf('</article>') + '</article>'.length;
    let sendArticle = () => {}, sendRest = () => {};
    const article = new Promise<void>((done) => { sendArticle = done; });
    const rest = new Promise<void>((done) => { sendRest = done; });
    const { serve, staticHandler } = await import('./server.mjs');
    const files = staticHandler('dist');
    const server: Server = await serve(0, async (req: any, res: any) => {
      const path = new URL(req.url, 'http://127.0.0.1').pathname;
      if (path === '/publisher.html') {
        const headers = { 'content-type': 'text/html; charset=utf-8', ...(policy ? { 'content-security-policy': embedPolicy } : {}) };
        return void res.writeHead(200, headers).end(publisherPage('pasted', 'viewer').replace('id="v"', 'id="v" data-label="Le fil"'));
      }
      if (path !== '/embed/fr.html') return files(req, res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(fragment.slice(0, headEnd));
      await article;
      res.write(fragment.slice(headEnd, articleEnd));
      await rest;
      res.end(fragment.slice(articleEnd));
    });
    try {
      const release = await hold(page);
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/publisher.html`);
      const headline = page.locator('#v .nv-ticker__link').first();
      await expect(headline).toBeVisible();
      // Adapted to its host as it goes in.
      await expect(page.locator('#v .nv-ticker')).toHaveAttribute('aria-label', 'Le fil');
      await expect(page.locator('#v .nv-ticker__track')).toHaveCSS('display', 'flex');
      await expect(page.locator('#v .nv-article')).toHaveCount(0);
      await headline.evaluate((a) => { (a as any).first = true; });
      sendArticle();
      await expect(page.locator('#v .nv-article__title')).toHaveText(featured);
      await expect(page.locator('#v .nv-more')).toHaveCount(0);
      sendRest();
      await expect(page.locator('#v .nv-more__link')).toHaveCount(30);
      // The view is the fragment's, once, node for node as if it had come whole.
      const [ours, whole] = await page.evaluate(async () => {
        const shape = (view: Node) => {
          const walker = document.createTreeWalker(view, NodeFilter.SHOW_ALL), nodes = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node.nodeType === 1 ? node.nodeName : `${node.nodeName} ${node.nodeValue}`);
          return nodes.join('\n');
        };
        const parsed = document.createElement('template');
        parsed.innerHTML = await (await fetch('/embed/fr.html')).text();
        const view = (root: ParentNode) => root.querySelector('.nv')!.parentNode!;
        return [shape(view(document.getElementById('v')!.shadowRoot!)), shape(view(parsed.content.querySelector('template')!.content))];
      });
      expect(ours).toBe(whole);
      release();
      await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
      expect(await headline.evaluate((a) => (a as any).first)).toBe(true);
      await expect(page.locator('#v .nv-ticker')).toHaveAttribute('aria-label', 'Le fil');
      await expect(page.locator('#v .nv')).toHaveCount(1);
      expect(problems).toEqual([]);
    } finally {
      sendArticle();
      sendRest();
      await new Promise((done) => { server.close(done); server.closeAllConnections(); });
    }
  });
}

// Before the app runs, a headline Tab reaches shows in the strip (Chromium leaves where it is one
// that shows in part), and leaving the strip takes it back to its start, where the loop starts.
for (const form of ['pasted', 'included'] as Form[]) {
  for (const view of ['viewer', 'ticker'] as View[]) {
    test(`${form} ${view}, before the app runs: each ticker headline Tab reaches shows in the strip`, async ({ page }) => {
      const release = await hold(page);
      await hostPage(page, 'publisher.html', publisherPage(form, view));
      await page.goto('./publisher.html');
      const links = page.locator(`#v ${readCopy}`);
      expect(await headlinesNotShown(page, links)).toEqual([]);
      const viewport = page.locator('#v .nv-ticker__viewport');
      expect(await viewport.evaluate((v) => v.scrollLeft)).not.toBe(0);
      await page.locator('h1').evaluate((h) => { h.tabIndex = -1; h.focus(); });
      expect(await viewport.evaluate((v) => v.scrollLeft)).toBe(0);
      release();
      await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
    });
  }
}

// Preloaded as the README says, a fragment has often arrived whole by the time embed.js runs (a
// phone network's latency delays both the same): its first headline is painted before the rest
// of the view goes in, whose layout would hold that paint back.
test('pasted, arrived whole before embed.js runs: the first headline is painted before the rest of the view', async ({ page }) => {
  const preload = '<link rel="preload" href="/embed/fr.html" as="fetch" crossorigin="anonymous">';
  await hostPage(page, 'publisher.html', publisherPage('pasted', 'viewer').replace('</head>', `${preload}</head>`));
  let fragmentIn = () => {};
  const arrived = new Promise<void>((done) => { fragmentIn = done; });
  page.on('requestfinished', (request) => { if (request.url().endsWith('/embed/fr.html')) fragmentIn(); });
  await page.route('**/embed.js', async (route) => { await arrived; await route.fallback(); });
  // What each frame paints: the first headline shown, the article there.
  await page.addInitScript(() => {
    const frames: boolean[][] = ((window as any).painted = []);
    const look = () => {
      const root = document.getElementById('v')?.shadowRoot;
      const headline = root?.querySelector('.nv-ticker__link');
      const article = !!root?.querySelector('.nv-article');
      frames.push([!!headline?.checkVisibility({ visibilityProperty: true }), article]);
      if (!article) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto('./publisher.html');
  await expect(page.locator('#v .nv-article__title')).toHaveText(featured);
  expect(await page.evaluate(() => (window as any).painted)).toContainEqual([true, false]);
});

// A reader who scrolled down to the publisher's own content before the app took over: the
// viewer's first view is as long as the app's (its list holds the app's first page of rows).
for (const form of ['pasted', 'included'] as Form[]) {
  test(`${form}: the app's taking over does not lengthen the view, so the publisher's content stays put`, async ({ page }) => {
    await hostPage(page, 'publisher.html', publisherPage(form, 'viewer'));
    const release = await hold(page);
    await page.goto('./publisher.html');
    await expect(page.locator('#v > script[data-first-view]')).toHaveCount(1);
    const below = page.locator('body > p').first();
    const before = (await below.boundingBox())!.y;
    release();
    await expect(page.locator('#v .nv[data-live]:not([aria-busy])')).toHaveCount(1);
    await expect(page.locator('#v .nv-more__button')).toBeVisible();
    expect((await below.boundingBox())!.y).toBe(before);
  });
}

for (const form of ['pasted', 'included'] as Form[]) {
  test(`${form}: a returning reader's theme and text size show before the app, which keeps them`, async ({ page }) => {
    await page.addInitScript(() => {
      localStorage.setItem('news-viewer:theme', 'dark');
      localStorage.setItem('news-viewer:text-size', '3');
    });
    await shifts(page);
    await hostPage(page, 'publisher.html', publisherPage(form, 'viewer'));
    const release = await hold(page);
    await page.goto('./publisher.html');
    const view = page.locator('#v .nv');
    await expect(view).toHaveAttribute('data-theme', 'dark');
    await expect(view).toHaveAttribute('data-text-size', '3');
    await expect(view).toHaveCSS('background-color', 'rgb(20, 20, 20)');
    const size = await page.locator('#v .nv-article__body').evaluate((b) => getComputedStyle(b).fontSize);
    release();
    await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
    await expect(page.locator('#v .nv-tools__button[data-choice="dark"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(view).toHaveAttribute('data-text-size', '3');
    expect(await page.locator('#v .nv-article__body').evaluate((b) => getComputedStyle(b).fontSize)).toBe(size);
    // An included view is painted as published, before embed.js (a module) runs: a larger text
    // then moves the viewer's own lines, once.
    const shift = await page.evaluate(() => (window as any).shift);
    if (form === 'pasted') expect(shift).toBe(0);
    else expect(shift).toBeLessThan(0.01);
  });
}

// The prerender writes an http(s) URL of the data as it is, and the data may hold one no browser
// reads ("https://[", allowed by its scheme): embed.js, adapting the view's links, leaves it.
for (const form of ['pasted', 'included'] as Form[]) {
  test(`${form}, a link in the fragment that no browser can read: the viewer starts all the same`, async ({ page }) => {
    const unreadable = (html: string) => html.replace(/href="[^"]*"( rel="next")/, 'href="https://["$1');
    await page.route('**/embed/fr.html', async (route) => route.fulfill({ response: await route.fetch(), body: unreadable(readFileSync('dist/embed/fr.html', 'utf8')) }));
    await hostPage(page, 'publisher.html', form === 'included' ? unreadable(publisherPage(form, 'viewer')) : publisherPage(form, 'viewer'));
    const release = await hold(page);
    await page.goto('./publisher.html');
    await expect(page.locator('#v .nv-pager__link')).toHaveAttribute('href', 'https://[');
    release();
    await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
  });
}

test('an included fragment whose host names a collection no browser can read (data-src) starts all the same', async ({ page }) => {
  await hostPage(page, 'publisher.html', publisherPage('included', 'viewer').replace('id="v"', 'id="v" data-src="http://["'));
  await page.goto('./publisher.html');
  await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
  await expect(page.locator('#v .nv-article__title')).toHaveText(featured);
});

for (const form of ['pasted', 'included'] as Form[]) {
  test(`${form}: a reader on a ticker headline before the app runs keeps it as the ticker's tab stop`, async ({ page }) => {
    await hostPage(page, 'publisher.html', publisherPage(form, 'viewer'));
    const release = await hold(page);
    await page.goto('./publisher.html');
    const links = page.locator('#v ul.nv-ticker__copy:not([aria-hidden]) .nv-ticker__link');
    await links.nth(1).focus();
    await expect(links.nth(1)).toBeFocused();
    release();
    await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
    await expect(links.nth(1)).toHaveAttribute('tabindex', '0');
    await expect(links.nth(0)).toHaveAttribute('tabindex', '-1');
    await expect(links.nth(1)).toBeFocused();
  });

  test(`${form}: a reader on a ticker headline who has scrolled on stays where they are when the app runs`, async ({ page }) => {
    await hostPage(page, 'publisher.html', publisherPage(form, 'viewer'));
    const release = await hold(page);
    await page.goto('./publisher.html');
    await staysScrolledOn(page, release, '#v ');
  });
}

test("a host's data-theme is the viewer's from its first view, until the reader picks another", async ({ page }) => {
  await hostPage(page, 'publisher.html', publisherPage('pasted', 'viewer').replace('id="v"', 'id="v" data-theme="dark"'));
  const release = await hold(page);
  await page.goto('./publisher.html');
  const view = page.locator('#v .nv');
  await expect(view).toHaveAttribute('data-theme', 'dark');
  await expect(view).toHaveCSS('background-color', 'rgb(20, 20, 20)');
  release();
  await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
  const light = page.locator('#v .nv-tools__button[data-choice="light"]');
  await expect(page.locator('#v .nv-tools__button[data-choice="dark"]')).toHaveAttribute('aria-pressed', 'true');
  // The reader's pick is theirs, kept over the host's on their next visit.
  await light.click();
  await expect(view).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.reload();
  await expect(view).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
  await expect(light).toHaveAttribute('aria-pressed', 'true');
});

test('pasted, without JavaScript: no space is reserved for a viewer that cannot run', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await hostPage(page, 'publisher.html', publisherPage('pasted', 'viewer'));
  await page.goto('./publisher.html');
  expect((await page.locator('#v').boundingBox())!.height).toBe(0);
  await context.close();
});

// A policy for embeds without the fragment's stylesheet hash (the README asks for it), the
// publisher's own reservation style allowed by its hash: embed.js puts the viewer's own file in
// the refused stylesheet's place.
const embedPolicy = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'",
  `style-src 'self' 'sha256-${createHash('sha256').update(reserve.replace(/^<style>|<\/style>$/g, '')).digest('base64')}'`,
  "img-src 'self' https: data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
].join('; ');

for (const form of ['pasted', 'included'] as Form[]) {
  test(`${form}, under a policy that allows styles from 'self' only: the viewer is styled, and works`, async ({ page }) => {
    const violations: string[] = [];
    await page.exposeFunction('violated', (v: string) => violations.push(v));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation',
      (e) => (window as any).violated(`${e.violatedDirective} ${e.blockedURI}`)));
    await shifts(page);
    await page.route('**/publisher.html', (route) => route.fulfill({
      contentType: 'text/html', headers: { 'content-security-policy': embedPolicy }, body: publisherPage(form, 'viewer'),
    }));
    await page.goto('./publisher.html');
    await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
    await expect(page.locator('#v .nv-ticker__track')).toHaveCSS('display', 'flex');
    await expect(page.locator('#v .nv-article__title')).toBeVisible();
    await page.locator('#v .nv-more__link').filter({ hasText: 'Rapprochement Maroc-Irak' }).click();
    await expect(page.locator('#v .nv-article__title')).toHaveText("Rapprochement Maroc-Irak sous le regard de l'Iran");
    // Only the fragment's inline stylesheet was refused.
    expect(violations).toEqual(['style-src-elem inline']);
    // Pasted, the page does not move (the click's own movement aside); an included view shows
    // unstyled until the viewer's stylesheet applies, as the README says.
    if (form === 'pasted') expect(await page.evaluate(() => (window as any).shift)).toBe(0);
  });
}

test('a strip without data-link leads to the article on the viewer\'s site, with or without its fragment', async ({ page }) => {
  for (const fragments of [true, false]) {
    if (!fragments) await page.route('**/embed/*.html', (route) => route.fulfill({ status: 404, body: '' }));
    await hostPage(page, 'publisher.html', publisherPage('pasted', 'ticker'));
    await page.goto('./publisher.html');
    await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
    await page.waitForLoadState('networkidle');
    const href = await page.locator('#v .nv-ticker__copy:not([aria-hidden]) .nv-ticker__link').first().getAttribute('href');
    // The published page, or without fragments (and so without pages), the viewer's own page.
    expect(href).toBe(fragments
      ? `${new URL('./', page.url())}russie-aide-militaire-chine-new-york-times.fr.html`
      : `${new URL('./', page.url())}?article=russie-aide-militaire-chine-new-york-times&lang=fr`);
    await page.goto(href!);
    // (The site's root holds every edition until the app keeps the reader's.)
    await expect(page.locator('.nv[data-live]')).toHaveCount(1);
    await expect(page.locator('.nv-article__title')).toHaveText(featured);
  }
});

test("an included fragment on a page outside the viewer's folder links beside the collection file", async ({ page }) => {
  // The build's own fragments link relative to their folder (no --base-url): embed.js resolves
  // them against the collection file, as it does a pasted fragment's.
  await hostPage(page, 'elsewhere/publisher.html', publisherPage('included', 'viewer'));
  await page.goto('./elsewhere/publisher.html');
  const link = page.locator('#v .nv-more__link').filter({ hasText: 'Rapprochement Maroc-Irak' });
  const path = async () => new URL((await link.getAttribute('href'))!, page.url()).pathname;
  await expect.poll(path).toBe('/rapprochement-maroc-irak-sous-le-regard-de-l-iran.fr.html');
  await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
  expect(await path()).toBe('/rapprochement-maroc-irak-sous-le-regard-de-l-iran.fr.html');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test("an included fragment has the host's data-theme, over the system's colour scheme", async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const view = page.locator('#v .nv');
    for (const [theme, colour] of [['light', 'rgb(255, 255, 255)'], ['sepia', 'rgb(246, 239, 223)'], ['dark', 'rgb(20, 20, 20)'], ['', 'rgb(20, 20, 20)']]) {
      await hostPage(page, 'publisher.html', publisherPage('included', 'viewer').replace('id="v"', `id="v" data-theme="${theme}"`));
      await page.goto('./publisher.html');
      await expect(view).not.toHaveAttribute('data-theme');
      await expect(view).toHaveCSS('background-color', colour);
    }
  });
  test('an included fragment reads: headlines are links, the article is there', async ({ page }) => {
    await hostPage(page, 'publisher.html', publisherPage('included', 'viewer'));
    await page.goto('./publisher.html');
    await expect(page.locator('#v .nv-article__title')).toHaveText(featured);
    await expect(page.locator('#v .nv-article__body p').first()).toBeVisible();
    // Its links lead to the articles' published pages, beside the collection file.
    const link = page.locator('#v .nv-more__link').filter({ hasText: 'Rapprochement Maroc-Irak' });
    await expect(link).toHaveAttribute('href', './rapprochement-maroc-irak-sous-le-regard-de-l-iran.fr.html');
    await link.click();
    await expect(page.locator('.nv-article__title')).toHaveText("Rapprochement Maroc-Irak sous le regard de l'Iran");
  });

  test('an included strip is one row of every headline to scroll through, with no controls', async ({ page }) => {
    await hostPage(page, 'publisher.html', publisherPage('included', 'ticker'));
    await page.goto('./publisher.html');
    // Its loop's second copy and its pause button are gone; the track stands still.
    await expect(page.locator('#v .nv-ticker__copy[aria-hidden="true"]')).toBeHidden();
    await expect(page.locator('#v .nv-ticker__toggle')).toBeHidden();
    const links = page.locator(`#v ${readCopy}`);
    await expect(links).toHaveCount(20);
    await expect(links.last()).not.toBeInViewport();
    await page.locator('#v .nv-ticker__viewport').evaluate((e) => { e.scrollLeft = e.scrollWidth; });
    await expect(links.last()).toBeInViewport();
    await expect(links.first()).not.toBeInViewport();
  });
});

// An older article (data-article), whose fragment shows the headlines of its day.
const older = 'l-espagne-met-en-garde-ses-citoyens-voulant-se-rendre-a';
for (const width of [390, 1280]) {
  for (const [view, article] of [['viewer'], ['ticker'], ['viewer', older]] as [View, string?][]) {
    for (const [form, most] of [['pasted', 0.1], ['included', 0.01]] as [Form, number][]) {
      test(`${form} ${article ? 'article' : view} at ${width} px: the host page does not move (CLS ≤ ${most})`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await shifts(page);
        await hostPage(page, 'publisher.html', publisherPage(form, view, article));
        await page.goto('./publisher.html');
        await expect(page.locator('#v .nv[data-live]')).toHaveCount(1);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(500);
        const cls = await page.evaluate(() => (window as any).shift);
        console.log(`host CLS, ${form} ${article ? 'article' : view} at ${width} px: ${cls.toFixed(4)}`);
        expect(cls).toBeLessThanOrEqual(most);
      });
    }
  }
}
