import { chromium } from '@playwright/test';
import { serve, staticHandler } from '/work/main/e2e/server.mjs';
const dir = process.argv[2] || '/tmp/profdist';
const server = await serve(8097, staticHandler(dir, { compress: true }));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
const agg = new Map(); const N = 5;
for (let i = 0; i < N; i++) {
  const context = await browser.newContext(); const page = await context.newPage();
  await page.addInitScript(() => { const check = () => { const h = document.querySelector('[data-article-viewer]'); const r = (h && h.shadowRoot) || document;
      if (r.querySelector('.nv-article__body p')) { window.__done = performance.now(); return; } requestAnimationFrame(check); }; requestAnimationFrame(check); });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.wasm', 'disabled-by-default-devtools.timeline', 'v8'] });
  await page.goto('http://127.0.0.1:8097/' + (process.argv[3] || ''));
  await page.waitForFunction(() => window.__done);
  const done = await page.evaluate(() => window.__done);
  const buf = await browser.stopTracing();
  const ev = JSON.parse(buf.toString()).traceEvents;
  // main thread = thread of the first 'ParseHTML'
  const main = ev.find(e => e.name === 'ParseHTML');
  const nav = ev.find(e => e.name === 'navigationStart' || e.name === 'NavigationTiming') ;
  const top = ev.filter(e => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur);
  // top-level only: tasks' children by name
  for (const e of top) { if (['RunTask','ThreadControllerImpl::RunTask'].includes(e.name)) continue; agg.set(e.name, (agg.get(e.name)||0) + e.dur/1000); }
  const others = ev.filter(e => e.ph === 'X' && /wasm|Wasm|Compile/.test(e.name) && !(e.pid === main.pid && e.tid === main.tid));
  for (const e of others) agg.set('[bg] ' + e.name, (agg.get('[bg] ' + e.name)||0) + e.dur/1000);
  const t0 = ev.find(e => e.name === 'navigationStart')?.ts ?? top[0].ts;
  for (const e of top.filter(e => ['EvaluateScript','v8.compile','v8.run','TimerFire','ResourceReceiveResponse','ResourceFinish','v8.wasm.streamFromResponseCallback','FunctionCall'].includes(e.name) && e.dur > 300)) console.log('  ', ((e.ts - t0)/1000).toFixed(0), e.name, (e.dur/1000).toFixed(1), JSON.stringify(e.args?.beginData ?? e.args?.data ?? {}).slice(0,200));
  console.log('done', done.toFixed(0));
  await context.close();
}
console.log([...agg.entries()].sort((a,b)=>b[1]-a[1]).slice(0,45).map(([k,v])=>(v/N).toFixed(1)+' ms '+k).join('\n'));
await browser.close(); server.close();
