// trunk post_build hook (see Trunk.toml): minifies the JS glue of release builds, which trunk's own
// minification leaves as wasm-bindgen wrote it, and updates its integrity hash in index.html.
import { minify } from 'terser';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE === 'release') {
  const dir = process.env.TRUNK_STAGING_DIR;
  const glue = join(dir, 'news-viewer.js');
  const html = join(dir, 'index.html');
  const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

  const source = readFileSync(glue, 'utf8');
  const { code } = await minify(source, { module: true, compress: { passes: 2 } });
  const page = readFileSync(html, 'utf8');
  if (!page.includes(integrity(source))) {
    throw new Error(`index.html does not carry the integrity hash of ${glue}`);
  }
  writeFileSync(glue, code);
  writeFileSync(html, page.replaceAll(integrity(source), integrity(code)));
  console.log(`minify-glue: ${source.length} -> ${code.length} bytes`);
}
