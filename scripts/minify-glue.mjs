// trunk post_build hook (see Trunk.toml): minifies the JS glue of release builds and the snippets
// it imports (`src/js.js`), which trunk's own minification leaves as wasm-bindgen wrote them, and
// `embed.js` (copied as it is), whose bytes a pasted viewer's first view waits for; the glue
// loses the classes whose wasm exports wasm-opt removed (`withoutRemovedClasses`). The
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
  const glue = join(staged, 'news-viewer.js');
  const exported = new Set(WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(staged, 'news-viewer_bg.wasm'))))
    .map((e) => e.name));
  for (const file of [glue, join(staged, 'embed.js'), ...snippets.map((f) => join(staged, f))]) {
    let source = readFileSync(file, 'utf8');
    if (file === glue) source = withoutRemovedClasses(source, exported);
    // pure_new: the glue's finalization registries of the classes taken out go with them.
    const { code } = await minify(source, { module: true, compress: { passes: 2, pure_new: file === glue } });
    writeFileSync(file, code);
    console.log(`minify-glue: ${file}: ${source.length} -> ${code.length} bytes`);
  }
}

// wasm-opt removes the exports of the classes nothing uses (see index.html): a class of the glue
// calling a function the wasm no longer exports is no longer exported by the glue either, and
// terser drops it with its finalization registry.
function withoutRemovedClasses(source, exported) {
  for (const [whole, name, body] of source.matchAll(/^export class (\w+) \{\n([^]*?)^\}\n/gm)) {
    const calls = [...body.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]);
    if (calls.every((f) => exported.has(f))) continue;
    source = source.replace(whole, whole.replace('export class', 'class'))
      .replace(`if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;\n`, '');
    console.log(`minify-glue: ${name} taken out (its wasm exports are removed)`);
  }
  return source;
}
