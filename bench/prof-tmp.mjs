import { chromium } from '@playwright/test';
import { serve, staticHandler } from '/work/main/e2e/server.mjs';
const server = await serve(8097, staticHandler('/work/main/dist', { compress: true }));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext(); const page = await context.newPage();
  await page.addInitScript(() => {
    window.__m = {};
    addEventListener('TrunkApplicationStarted', () => { window.__m.started = performance.now(); });
    const check = () => { const h = document.querySelector('[data-article-viewer]'); const r = h && h.shadowRoot;
      if (r && r.querySelector('.nv-ticker__link')) { window.__m.headline = performance.now(); return; }
      if (r && !window.__m.shadow) window.__m.shadow = performance.now();
      setTimeout(check, 1); };
    setTimeout(check, 1);
  });
  await page.goto('http://127.0.0.1:8097/');
  await page.waitForFunction(() => window.__m.headline);
  const r = await page.evaluate(() => ({ m: window.__m, res: performance.getEntriesByType('resource').map(e => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)]), nav: Math.round(performance.getEntriesByType('navigation')[0].responseEnd) }));
  console.log(JSON.stringify(r));
  await context.close();
}
await browser.close(); server.close();
