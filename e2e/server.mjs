// A static file server for the tests and the benchmark, on 127.0.0.1 only.
// usage: node e2e/server.mjs PORT [DIR]
// Under /csp/ the same files are served with a strict Content-Security-Policy: no 'unsafe-inline'
// anywhere; trunk's one inline start-up script and the prerendered page's inlined stylesheet are
// allowed by their sha256 hashes.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export function strictPolicy(html) {
  const hashes = (tag) => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))]
    .filter((m) => m[1].trim())
    .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`)
    .join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes('script')}`,
    `style-src 'self' ${hashes('style')}`,
    "img-src 'self' https: data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/**
 * A request handler serving `root`. `mounts` maps a path prefix to another folder, and `files`
 * maps a path to a file; with `compress`, answers are brotli- or gzip-encoded when asked.
 */
export function staticHandler(root, { mounts = {}, files = {}, compress = false } = {}) {
  const cache = new Map();
  return async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const strict = path.startsWith('/csp/');
    if (strict) path = path.slice('/csp'.length);
    const original = path;
    let base = resolve(root);
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (path.startsWith(prefix)) { base = resolve(folder); path = path.slice(prefix.length - 1); break; }
    }
    let file = files[original] ?? join(base, path);
    if (!files[original] && !file.startsWith(base)) return void res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (strict && extname(file) === '.html') headers['content-security-policy'] = strictPolicy(body.toString('utf8'));
      const accepts = req.headers['accept-encoding'] ?? '';
      const encoding = compress && (/\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null);
      if (encoding) {
        const key = `${file}:${encoding}:${body.length}`;
        if (!cache.has(key)) cache.set(key, encoding === 'br'
          // Quality 5, as servers compress on the fly: 11 takes minutes on the largest test files.
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(body, { level: 6 }));
        body = cache.get(key);
        headers['content-encoding'] = encoding;
        headers.vary = 'accept-encoding';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };
}

/** Starts a server on 127.0.0.1:`port`; resolves to it once listening. */
export function serve(port, handler) {
  return new Promise((done) => {
    const server = createServer(handler).listen(port, '127.0.0.1', () => done(server));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? 8090);
  const root = process.argv[3] ?? 'dist';
  await serve(port, staticHandler(root));
  console.log(`serving ${resolve(root)} on http://127.0.0.1:${port}`);
}
