import { expect, Page, test } from '@playwright/test';
import { axeViolations, openViewer, readCopy, serveCollection } from './helpers';

// A 1×1 PNG, served as the article's photo.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const withImage = {
  schema: 1,
  articles: [
    {
      id: 'photo-story',
      published: '2024-05-15',
      source: { name: 'Hespress', url: 'https://fr.hespress.com/story' },
      image: { src: 'photo.png', width: 800, height: 450 },
      translations: {
        fr: { title: 'Un reportage en images', body: ['Premier paragraphe.', 'Second paragraphe.'], image_alt: 'Le port de Tanger', image_caption: 'Le port de Tanger au lever du jour.' },
        ar: { title: 'ربورتاج مصور', body: ['الفقرة الأولى.'], image_alt: 'ميناء طنجة', image_caption: 'ميناء طنجة عند الفجر.' },
      },
    },
    { id: 'with-source', source: { name: 'Le360', url: 'https://le360.ma/x' }, translations: { fr: { title: 'Titre seul avec source' }, ar: { title: 'عنوان مع مصدر' } } },
  ],
};

async function openWithImage(page: Page, path = './') {
  await page.route('**/photo.png', (route) => route.fulfill({ contentType: 'image/png', body: png }));
  await serveCollection(page, withImage);
  return openViewer(page, path);
}

test('the image reserves its space before it arrives, is lazy and carries alt text and caption', async ({ page }) => {
  await page.route('**/photo.png', () => { /* still on its way */ });
  await serveCollection(page, withImage);
  await openViewer(page);
  const img = page.locator('.nv-figure img');
  await expect(img).toHaveAttribute('alt', 'Le port de Tanger');
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(img).toHaveAttribute('width', '800');
  await expect(img).toHaveAttribute('height', '450');
  await expect(page.locator('.nv-figure figcaption')).toHaveText('Le port de Tanger au lever du jour.');
  const box = (await img.boundingBox())!;
  expect(box.height / box.width).toBeCloseTo(450 / 800, 1);
  await expect(page.locator('.nv-article__meta')).toContainText('Publié dans \u2068Hespress\u2069 le \u206815 mai 2024\u2069');
  expect(await axeViolations(page)).toEqual([]);
});

test('reporting an image thanks the reader, blurs it, tells the host and is remembered', async ({ page }) => {
  await openWithImage(page);
  await page.evaluate(() => {
    (window as any).reports = [];
    document.addEventListener('article-viewer:image-report', (e) => (window as any).reports.push((e as CustomEvent).detail));
  });
  await page.getByRole('button', { name: 'Signaler cette image' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merci' })).toHaveText(
    "Merci d'avoir signalé cette image ! Elle sera automatiquement bloquée une fois signalée par plusieurs personnes. Annuler");
  await expect(page.locator('.nv-figure__frame')).toHaveClass(/is-blurred/);
  expect(await page.evaluate(() => (window as any).reports)).toEqual([
    { articleId: 'photo-story', imageSrc: 'http://127.0.0.1:8090/photo.png', lang: 'fr', action: 'report' },
  ]);
  expect(await axeViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Image signalée' })).toBeDisabled();
  await expect(page.locator('.nv-figure__frame')).toHaveClass(/is-blurred/);
  await page.getByRole('button', { name: 'Afficher quand même' }).click();
  await expect(page.locator('.nv-figure__frame')).not.toHaveClass(/is-blurred/);
});

test('Undo stays while the reader is on it, and goes once they move on', async ({ page }) => {
  await page.clock.install();
  await openWithImage(page);
  await page.getByRole('button', { name: 'Signaler cette image' }).focus();
  await page.keyboard.press('Enter');
  const undo = page.getByRole('button', { name: 'Annuler' });
  await expect(undo).toBeFocused();
  await page.clock.runFor(25_000);
  await expect(undo).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(undo).not.toBeFocused();
  await page.clock.runFor(11_000);
  await expect(undo).toHaveCount(0);
});

test('forced colours: the paused ticker shows a play triangle, and a pressed button is marked by more than its weight', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'no-preference' });
  await openViewer(page);
  await page.locator('[data-live]').waitFor();
  await page.locator('.nv-ticker__toggle').click();
  const icon = page.locator('.nv-ticker__toggle[aria-pressed="true"] > .nv-icon');
  expect(await icon.evaluate((el) => { const s = getComputedStyle(el); return [s.borderTopColor, s.borderBottomColor]; }))
    .toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
  const pressed = page.locator('.nv-langs__button[aria-pressed="true"]');
  const unpressed = page.locator('.nv-langs__button[aria-pressed="false"]').first();
  const background = (l: typeof pressed) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background(pressed)).not.toEqual(await background(unpressed));
  // The system's selected colours, on the theme buttons too.
  const highlight = await page.evaluate(() => {
    const probe = document.body.appendChild(document.createElement('div'));
    probe.style.backgroundColor = 'Highlight';
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  });
  expect(await background(pressed)).toEqual(highlight);
  expect(await background(page.locator('.nv-tools__button[aria-pressed="true"]').first())).toEqual(highlight);
});

test('in Arabic, "show anyway" sits in the middle of a reported image', async ({ page }) => {
  await openWithImage(page, './?lang=ar');
  await page.locator('.nv-figure__report').click();
  const frame = (await page.locator('.nv-figure__frame').boundingBox())!;
  const button = (await page.locator('.nv-figure__reveal').boundingBox())!;
  expect(button.x).toBeGreaterThanOrEqual(frame.x);
  expect(button.x + button.width).toBeLessThanOrEqual(frame.x + frame.width);
  expect(Math.abs(button.x + button.width / 2 - (frame.x + frame.width / 2))).toBeLessThan(1);
});

test('a headline-only entry with a source makes the source link its main action', async ({ page }) => {
  await openWithImage(page, './?article=with-source');
  const link = page.getByRole('link', { name: "Lire l'article sur sa source" });
  await expect(link).toHaveAttribute('href', 'https://le360.ma/x');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.locator('.nv-article__unavailable')).toHaveCount(0);
  await expect(page).toHaveTitle('Titre seul avec source — Actualités');
});

test('a headline-only entry without a source says the full text is not available', async ({ page }) => {
  await openViewer(page, './?article=rapprochement-maroc-irak-sous-le-regard-de-l-iran');
  await expect(page.locator('.nv-article__unavailable')).toHaveText("Le texte intégral de cet article n'est pas disponible.");
  expect(await axeViolations(page)).toEqual([]);
});

test('previous, next and the list of other headlines browse the collection', async ({ page }) => {
  await openViewer(page);
  await expect(page.locator('.nv-pager__prev')).toHaveCount(0);
  await expect(page.locator('.nv-more__link')).toHaveCount(30);
  await page.getByRole('button', { name: 'Afficher plus de titres' }).click();
  await expect(page.locator('.nv-more__link')).toHaveCount(45);
  await expect(page.getByRole('button', { name: 'Afficher plus de titres' })).toHaveCount(0);
  await page.locator('.nv-more__link').filter({ hasText: 'Nador' }).click();
  await expect(page.locator('.nv-article__title')).toHaveText('Nador. Double arrestation et saisie de 11 kg de cocaïne');
  await page.locator('.nv-pager__prev a').click();
  await expect(page.locator('.nv-article__title')).toHaveText("Découverte d'une nouvelle exoplanète de taille terrestre en orbite autour d'une étoile");
});

test('an unknown id shows "article not found" with a way back', async ({ page }) => {
  await openViewer(page, './?article=nope');
  await expect(page.locator('.nv-not-found__title')).toHaveText('Article introuvable');
  await expect(page).toHaveTitle('Article introuvable — Actualités');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: "Revenir à l'actualité" }).click();
  await expect(page.locator('.nv-article__title')).toHaveText(/La Russie a demandé/);
});

test('the theme follows the system until the reader picks one, which is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openViewer(page);
  const background = () => page.locator('.nv').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background()).toBe('rgb(20, 20, 20)');
  expect(await axeViolations(page)).toEqual([]);
  const places = () => page.locator('.nv-tools__button[data-choice]')
    .evaluateAll((buttons) => buttons.map((b) => [b.getBoundingClientRect().x, b.getBoundingClientRect().width]));
  const before = await places();
  await page.getByRole('button', { name: 'Sépia' }).click();
  await expect(page.getByRole('button', { name: 'Sépia' })).toHaveAttribute('aria-pressed', 'true');
  // A pressed button keeps its width, and the others their places.
  expect(await places()).toEqual(before);
  expect(await background()).toBe('rgb(246, 239, 223)');
  expect(await axeViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.locator('.nv')).toHaveAttribute('data-theme', 'sepia');
  await page.getByRole('button', { name: 'Clair' }).click();
  expect(await background()).toBe('rgb(255, 255, 255)');
});

test('the text size control enlarges the article text and is remembered', async ({ page }) => {
  await openViewer(page);
  const size = () => page.locator('.nv-article__body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await size();
  await page.getByRole('button', { name: 'Agrandir le texte' }).click();
  await page.getByRole('button', { name: 'Agrandir le texte' }).click();
  expect(await size()).toBeGreaterThan(before * 1.25);
  await page.reload();
  expect(await size()).toBeGreaterThan(before * 1.25);
  const smaller = page.getByRole('button', { name: 'Réduire le texte' });
  for (let i = 0; i < 10 && (await smaller.isEnabled()); i++) await smaller.click();
  await expect(smaller).toBeDisabled();
  expect(await size()).toBeLessThan(before);
});

test('printing shows the article alone', async ({ page }) => {
  await openViewer(page);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.nv-bar', '.nv-ticker', '.nv-tools', '.nv-pager', '.nv-more']) {
    await expect(page.locator(hidden).first()).toBeHidden();
  }
  await expect(page.locator('.nv-article__title')).toBeVisible();
  await expect(page.locator('.nv-article__body p').first()).toBeVisible();
});

test('Share copies the link where the Web Share API is missing, and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => { delete (Navigator.prototype as any).share; });
  await openViewer(page, './?article=rapprochement-maroc-irak-sous-le-regard-de-l-iran&lang=fr');
  await page.getByRole('button', { name: 'Partager' }).click();
  await expect(page.locator('.nv-tools__status')).toHaveText('Lien copié dans le presse-papiers.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('http://127.0.0.1:8090/rapprochement-maroc-irak-sous-le-regard-de-l-iran.fr.html');
});

test('Share uses the Web Share API where the browser has it', async ({ page }) => {
  await page.addInitScript(() => {
    (navigator as any).share = (data: ShareData) => { (window as any).shared = data; return Promise.resolve(); };
  });
  await openViewer(page);
  await page.getByRole('button', { name: 'Partager' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).shared?.url)).toContain('127.0.0.1:8090');
});

test('the ticker marks the open article as current', async ({ page }) => {
  await openViewer(page, './?article=rapprochement-maroc-irak-sous-le-regard-de-l-iran');
  await expect(page.locator(readCopy).filter({ hasText: 'Rapprochement' })).toHaveAttribute('aria-current', 'true');
});
