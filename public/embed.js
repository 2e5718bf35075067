// Starts the news viewer on any page: every element with a `data-article-viewer` attribute,
// present now or added later, becomes a viewer. Include it once:
//   <script type="module" src="/path/to/viewer/embed.js"></script>
// While the WebAssembly downloads, each host on the page gets its published first view (a
// fragment beside the collection file, `embed/<lang>.html`, see src/prerender.rs) in its shadow
// root, which the app then hydrates in place. A host that already holds one (the page included
// the fragment itself) keeps it, adapted to the host as a fetched one is; a collection without
// fragments starts as before.
// The fragments come first: the JavaScript glue (imported dynamically, so that it does not hold
// them back) and the WebAssembly are asked for once they are in, since over a slow network the
// 180 KB of the app would share the bandwidth with them (a request's priority does not divide a
// throttled link).
const languages = ['fr', 'en', 'ar'];

// What the reader saved on an earlier visit, as the app reads it (src/host/storage.rs).
const saved = (key) => { try { return localStorage.getItem(`news-viewer:${key}`); } catch { return null; } };

// The viewer's language for a host, as the app picks it: the host's, else the reader's saved
// choice, else the first of the browser's languages the viewer speaks, else French.
function language(host) {
  const known = (tag) => languages.find((code) => String(tag || '').trim().toLowerCase().split(/[-_]/)[0] === code);
  return known(host.dataset.lang) || known(saved('lang')) || (navigator.languages || []).map(known).find(Boolean) || 'fr';
}

// The URL allow-list of the viewer (data/rules.rs): http(s), or relative; no other scheme.
const allowed = (url) => !/[\u0000-\u001f\u007f]/.test(url) && (/^\s*https?:/i.test(url) || !/^\s*[a-z][a-z0-9+.-]*:/i.test(url));

// Where a fragment's shadow root ends and its snapshot starts (see src/prerender.rs): markup
// only the prerender writes (in the data, quotes and angle brackets are escaped).
const SNAPSHOT = '</template><script type="application/json" data-first-view';

// Markup parsed inert (nothing in it loads or runs).
function parse(html) {
  const parsed = document.createElement('template');
  parsed.innerHTML = html;
  return parsed.content;
}

// The collection file of a host.
const collectionOf = (host) => new URL(host.dataset.src || 'articles.json', host.dataset.src ? document.baseURI : import.meta.url);

// Puts a fragment's view (`html`, the markup of its shadow root or of its first parts) in the
// host's shadow root, made for it and adapted to the host, or what `root` (the parts put in
// before) does not hold yet; gives the root, or nothing when the host has one already.
function attach(host, html, root = null) {
  if (!root && (host.shadowRoot || host.hasAttribute('data-mounted'))) return null;
  // Parsed this way, the fragment's declarative shadow root is a plain template: its content
  // goes into the shadow root made for it.
  const view = parse(html).querySelector('template[shadowrootmode]')?.content;
  if (!view) return root;
  adapt(host, view);
  if (root) {
    grow(root, view);
    return root;
  }
  root = host.attachShadow({ mode: 'open' });
  root.append(view);
  styled(root);
  revealHeadlines(root);
  return root;
}

// Adds to `into` what `from` holds beyond it: both were parsed from the same markup, `into` from
// its start, so their nodes match in place until `into` ends. (A stylesheet that styled()
// replaced keeps its replacement.)
function grow(into, from) {
  [...from.childNodes].forEach((node, i) => {
    const ours = into.childNodes[i];
    if (!ours) into.append(node);
    else if (ours.nodeName === node.nodeName) grow(ours, node);
  });
}

// Adapts a fragment's view, pasted or included, to its host.
function adapt(host, root) {
  // What the fragment links resolves against the collection file, as the app resolves it (an
  // included fragment published without --base-url has relative links, written for that folder).
  const collection = collectionOf(host);
  for (const [selector, attribute] of [['[src]', 'src'], ['link[href]', 'href'], ['a[href]:not([href^="?"])', 'href']]) {
    for (const element of root.querySelectorAll(selector)) {
      // An http(s) URL the data holds is allowed, though no browser may read it ("https://["): it
      // stays as written, and leads nowhere, as without JavaScript.
      try { element.setAttribute(attribute, new URL(element.getAttribute(attribute), collection)); } catch {}
    }
  }
  // A strip's headlines lead to the publisher's pages (data-link), as the app links them: the
  // article's page (`<id>.<title's language>.html`, `?lang=` the reader's when it differs).
  const pattern = host.dataset.link;
  for (const link of pattern ? root.querySelectorAll('.nv-ticker__link') : []) {
    const [, id, title, reader] = /([^/?#]+)\.([a-z]{2})\.html(?:\?lang=([a-z]{2}))?$/.exec(link.getAttribute('href')) || [];
    const href = id && pattern.replaceAll('{id}', id).replaceAll('{lang}', reader || title);
    if (href && allowed(href)) link.setAttribute('href', href);
  }
  // A page that holds several tickers names each (data-label), as the app names it.
  const ticker = host.dataset.label && root.querySelector('.nv-ticker[aria-labelledby]');
  if (ticker) {
    ticker.removeAttribute('aria-labelledby');
    ticker.setAttribute('aria-label', host.dataset.label);
  }
  const view = root.querySelector('.nv');
  for (const [name, value] of settings) view?.setAttribute(name, value);
  // The host's theme, until the reader picks one (as the app reads `data-theme`).
  const theme = host.dataset.theme;
  if (/^(light|dark|sepia)$/.test(theme) && !view?.hasAttribute('data-theme')) view?.setAttribute('data-theme', theme);
}

// A page whose Content-Security-Policy does not allow the fragment's inline stylesheet (by its
// hash) has blocked it: the viewer's own file, which 'self' allows, takes its place, as the app
// links it. A view whose stylesheet is linked stays unseen until it applies.
function styled(root) {
  // (`:scope` matches nothing in a shadow root: its children are looked at.)
  const inline = [...root.children].find((child) => child.localName === 'style');
  if (inline && !inline.sheet) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('viewer.css', import.meta.url);
    inline.replaceWith(link);
  }
  const stylesheet = [...root.children].find((child) => child.matches('link[rel=stylesheet]'));
  const view = stylesheet?.nextElementSibling;
  if (view && !stylesheet.sheet) {
    // Not laid out either: unstyled, its first paragraph's margin would move the host.
    view.style.display = 'none';
    const show = () => view.style.removeProperty('display');
    stylesheet.addEventListener('load', show);
    stylesheet.addEventListener('error', show);
  }
}

// Until the app runs, a ticker headline the reader tabs to is brought whole into the strip (its
// start, for one wider than the strip), as the app brings it: the browser leaves one that shows in
// part where it is. Focus leaving the strip takes it back to its start, where the app's loop
// starts. (disk-note.js does the same on a page.)
function revealHeadlines(root) {
  root.addEventListener('focusin', (event) => {
    const link = event.target, viewport = link.closest('.nv:not([data-live]) .nv-ticker__viewport');
    if (viewport && link.matches('.nv-ticker__link')) {
      link.scrollIntoView({ block: 'nearest', inline: link.offsetWidth > viewport.clientWidth ? 'start' : 'nearest' });
    }
  });
  root.addEventListener('focusout', (event) => {
    const viewport = event.target.closest('.nv:not([data-live]) .nv-ticker__viewport');
    if (viewport && !viewport.contains(event.relatedTarget)) viewport.scrollLeft = 0;
  });
}

// A first view whose app did not arrive or start (the connection dropped, a browser without
// WebAssembly SIMD) reads as it does without JavaScript (viewer.css's `scripting: none` rules,
// here as inline styles), as disk-note.js makes a page's: the controls, which would do nothing,
// take no room, and the ticker is a row of headlines to scroll.
const READ_ONLY = [
  ['.nv-skip, .nv-langs, .nv-tools, .nv-more__button, .nv-figure__report, .nv-ticker__toggle, .nv-ticker__copy[aria-hidden]', 'display', 'none'],
  ['.nv-ticker__track', 'animation', 'none'],
  ['.nv-ticker__viewport', 'overflow-x', 'auto'],
];
function withoutApp(root) {
  for (const view of root.querySelectorAll('.nv:not([data-live])')) {
    for (const [selector, property, value] of READ_ONLY) {
      for (const element of view.querySelectorAll(selector)) element.style.setProperty(property, value);
    }
  }
}

// The parts of a fragment's view that go in as soon as each has arrived whole, in order: its first
// headline (with the bar above the ticker in a full viewer), the ticker, the article; the rest
// follows once the shadow root is whole.
const PARTS = [['class="nv-ticker__item"', '</li>'], ['class="nv-ticker"', '</section>'], ['<article', '</article>']];

// Where the view's markup (`text`, from its start) ends after the last of `parts` arrived whole,
// else 0. (Each ends at a closing tag: the markup before it parses as it does in the whole.)
function arrived(text, parts = PARTS) {
  let end = 0;
  for (const [start, close] of parts) {
    const from = text.indexOf(start), to = from < 0 ? -1 : text.indexOf(close, from);
    if (to >= 0) end = Math.max(end, to + close.length);
  }
  return end;
}

// Resolves once the browser has painted what went in; at once on a page not shown, which paints
// nothing (and, by its timer, if it is hidden meanwhile).
const painted = () => new Promise((resolve) => {
  if (document.hidden) return resolve();
  requestAnimationFrame(() => setTimeout(resolve));
  setTimeout(resolve, 100);
});

// Reads the host's fragment as it arrives, as a page's parser would show it: its view goes in
// part by part, and its snapshot, which only the app needs, follows into the host.
async function firstView(host) {
  const collection = collectionOf(host);
  const lang = language(host);
  const name = host.dataset.article ? `${host.dataset.article}.${lang}` : `${lang}${host.dataset.view === 'ticker' ? '-ticker' : ''}`;
  const response = await fetch(new URL(`embed/${name}.html`, collection));
  if (!response.ok) return;
  const reader = response.body.getReader(), decoder = new TextDecoder();
  let text = '', root = null, shown = 0, cut = -1;
  // (Each part once: a page that is no fragment, a server's fallback, is not parsed at each chunk.)
  const show = (end) => {
    if (end <= shown) return;
    shown = end;
    root = attach(host, text.slice(0, end), root);
  };
  for (let chunk; !(chunk = await reader.read()).done;) {
    text += decoder.decode(chunk.value, { stream: true });
    if (cut >= 0) continue;
    if ((cut = text.indexOf(SNAPSHOT)) >= 0) cut += '</template>'.length;
    // The first headline goes in alone, and is painted before more does: the rest of the view,
    // which has often arrived with it, would hold that paint back as long as it takes to lay out.
    if (!root) {
      show(arrived(text, PARTS.slice(0, 1)));
      if (root) await painted();
    }
    show(cut >= 0 ? cut : arrived(text));
  }
  text += decoder.decode();
  if (cut < 0) return attach(host, text, root);
  const snapshot = parse(text.slice(cut)).firstElementChild;
  if (root && snapshot?.matches('script[data-first-view]')) host.append(snapshot);
}

const embedded = [...document.querySelectorAll('[data-article-viewer]:not([data-standalone], [data-frame])')];
// The fragments are asked for first: a page's first localStorage read waits on the browser (a
// host without data-lang has its reader's saved language read to know which to ask for).
const views = embedded.filter((host) => !host.shadowRoot).map((host) => firstView(host).catch(() => {}));
// The reader's theme and text size, as the app reads them (`Settings::saved`, src/ui/prefs.rs)
// and puts them back once it runs: the first view shows them from the start.
const theme = saved('theme'), size = saved('text-size');
const settings = [['data-theme', /^(light|dark|sepia)$/.test(theme) && theme], ['data-text-size', /^[0-4]$/.test(size) && size]]
  .filter(([, value]) => value);
// An included fragment's shadow root is there already.
for (const host of embedded.filter((host) => host.shadowRoot && !host.hasAttribute('data-mounted'))) {
  try {
    adapt(host, host.shadowRoot);
  } catch {} // (a data-src no browser can read: the view stays as published, and the app starts)
  styled(host.shadowRoot);
  revealHeadlines(host.shadowRoot);
}
await Promise.all(views);
try {
  const wasm = fetch(new URL('./news-viewer_bg.wasm', import.meta.url));
  wasm.catch(() => {}); // said once, by whichever step fails first
  const { default: init } = await import('./news-viewer.js');
  await init({ module_or_path: wasm });
  // A reader who reached a ticker headline before the app ran is on it still: focused again, it
  // is the app's as any headline the reader focuses is (the ticker's tab stop, brought into
  // view), as disk-note.js does on a page. Not once the reader has scrolled it out of the window:
  // bringing it back would move the page under them.
  for (const link of embedded.map((host) => host.shadowRoot?.activeElement)) {
    const box = link?.getBoundingClientRect();
    if (link?.matches('.nv-ticker__link') && box.top >= 0 && box.bottom <= innerHeight) {
      link.blur();
      link.focus();
    }
  }
} catch (error) {
  for (const host of embedded) if (host.shadowRoot) withoutApp(host.shadowRoot);
  throw error;
}
