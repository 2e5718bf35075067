// trunk post_build hook (see Trunk.toml): minifies the JS glue of release builds, which trunk's own
// minification leaves as wasm-bindgen wrote it. The page carries no integrity hash of the glue
// (Trunk.toml turns trunk's preload links off), so index.html is left alone: the prerender hook,
// which trunk runs at the same time, is the only one to write it.
import { minify } from 'terser';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE === 'release') {
  const glue = join(process.env.TRUNK_STAGING_DIR, 'news-viewer.js');
  const source = readFileSync(glue, 'utf8');
  const { code } = await minify(source, { module: true, compress: { passes: 2 } });
  writeFileSync(glue, code);
  console.log(`minify-glue: ${source.length} -> ${code.length} bytes`);
}
