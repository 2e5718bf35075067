// trunk post_build hook (see Trunk.toml): minifies the JS glue of release builds and the snippets
// it imports (`src/js.js`), which trunk's own minification leaves as wasm-bindgen wrote them, and
// `embed.js` (copied as it is), whose bytes a pasted viewer's first view waits for. The
// page carries no integrity hash of the glue (Trunk.toml turns trunk's preload links off), so
// index.html is left alone: the prerender hook, which trunk runs at the same time, is the only one
// to write it.
import { minify } from 'terser';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE === 'release') {
  const staged = process.env.TRUNK_STAGING_DIR;
  const snippets = readdirSync(staged, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.startsWith('snippets') && f.endsWith('.js'));
  for (const file of ['news-viewer.js', 'embed.js', ...snippets].map((f) => join(staged, f))) {
    const source = readFileSync(file, 'utf8');
    const { code } = await minify(source, { module: true, compress: { passes: 2 } });
    writeFileSync(file, code);
    console.log(`minify-glue: ${file}: ${source.length} -> ${code.length} bytes`);
  }
}
