// The benchmark's floor: a hand-written page, no framework, that fetches the same collection and
// renders the same headlines and article as the viewer, with the same class names so that the
// benchmark measures both the same way. Query: ?lang=fr|en|ar&article=ID
'use strict';

const params = new URLSearchParams(location.search);
let lang = params.get('lang') || 'fr';
let collection = null;
let current = params.get('article');

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function headlines() {
  const dated = collection.articles.filter((a) => a.translations[lang]);
  return dated.sort((a, b) => (b.published || '').localeCompare(a.published || ''));
}

function render() {
  const app = document.getElementById('app');
  const list = headlines();
  const article = list.find((a) => a.id === current) || list.find((a) => (a.translations[lang].body || []).length) || list[0];
  const ticker = element('ul', 'nv-ticker__copy');
  for (const a of list) {
    const item = element('li');
    const link = element('a', 'nv-ticker__link', a.translations[lang].title);
    link.href = `?article=${a.id}&lang=${lang}`;
    link.addEventListener('click', (event) => { event.preventDefault(); current = a.id; render(); });
    item.append(link);
    ticker.append(item);
  }
  const view = element('article', 'nv-article');
  if (article) {
    const t = article.translations[lang];
    view.append(element('h1', 'nv-article__title', t.title));
    view.append(element('p', 'nv-article__meta', article.published || ''));
    const body = element('div', 'nv-article__body');
    for (const p of t.body || []) body.append(element('p', '', p));
    view.append(body);
  }
  const switcher = element('div', 'nv-langs');
  for (const code of ['fr', 'en', 'ar']) {
    const button = element('button', 'nv-langs__button', code);
    button.lang = code;
    button.addEventListener('click', () => { lang = code; document.documentElement.lang = code; render(); });
    switcher.append(button);
  }
  app.replaceChildren(switcher, ticker, view);
}

fetch('articles.json')
  .then((response) => response.json())
  .then((data) => { collection = data; render(); });
