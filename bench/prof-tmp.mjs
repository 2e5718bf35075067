import { chromium } from '@playwright/test';
import { serve, staticHandler } from '/work/main/e2e/server.mjs';
const server = await serve(8097, staticHandler('/tmp/profdist', { compress: true }));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
const agg = new Map();
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext(); const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
  await page.addInitScript(() => { const check = () => { const h = document.querySelector('[data-article-viewer]'); const r = h && h.shadowRoot;
      if (r && r.querySelector('.nv-article__body p')) { window.__done = performance.now(); return; } setTimeout(check, 1); }; setTimeout(check, 1); });
  await page.goto('http://127.0.0.1:8097/');
  await page.waitForFunction(() => window.__done);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const dt = profile.timeDeltas; let t = 0;
  profile.samples.forEach((id, k) => { const n = byId.get(id); const key = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').pop(); agg.set(key, (agg.get(key) || 0) + (dt[k] || 0) / 1000); });
  console.log('done at', await page.evaluate(() => window.__done));
  await context.close();
}
console.log([...agg.entries()].sort((a,b)=>b[1]-a[1]).slice(0,40).map(([k,v])=>(v/5).toFixed(1)+' ms '+k).join('\n'));
await browser.close(); server.close();
