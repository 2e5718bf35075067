// Writes synthetic article collections for the benchmark, the same bytes on every run:
//   node bench/generate.mjs OUT_DIR 1000 10000
// Each article has a date and full bodies: French and English always, Arabic for two in three.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// A small deterministic generator (mulberry32), so the files never change between runs.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = {
  fr: "le la les un une des et à de du en pour sur avec dans par gouvernement ministre accord ville région pays projet économie marché sécurité sommet culture sport équipe coupe santé recherche budget croissance élection président conseil réunion annonce rapport".split(' '),
  en: 'the a of and to in for on with by government minister agreement city region country project economy market security summit culture sport team cup health research budget growth election president council meeting announcement report'.split(' '),
  ar: 'في من على إلى مع عن الحكومة الوزير اتفاقية المدينة الجهة البلاد مشروع الاقتصاد السوق الأمن القمة الثقافة الرياضة الفريق الكأس الصحة البحث الميزانية النمو الانتخابات الرئيس المجلس الاجتماع إعلان تقرير'.split(' '),
};

function sentence(rand, lang, n) {
  const pick = () => words[lang][Math.floor(rand() * words[lang].length)];
  const text = Array.from({ length: n }, pick).join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

export function collection(size) {
  const rand = random(size);
  const articles = [];
  for (let i = 0; i < size; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000 * 7).toISOString().slice(0, 10);
    const langs = i % 3 === 2 ? ['fr', 'en'] : ['fr', 'en', 'ar'];
    const translations = {};
    for (const lang of langs) {
      const paragraphs = 3 + Math.floor(rand() * 6);
      translations[lang] = {
        title: `${sentence(rand, lang, 6 + Math.floor(rand() * 8)).slice(0, -1)} (${i})`,
        body: Array.from({ length: paragraphs }, () => sentence(rand, lang, 25 + Math.floor(rand() * 40))),
      };
    }
    articles.push({ id: `article-${i}`, published: day, source: { name: 'Agence de démo' }, translations });
  }
  return { schema: 1, default_language: 'fr', articles };
}

/**
 * A newsroom's archive for the publishing tool: `size` dated articles, each with a title and a
 * text of about 1 KB in French and English.
 */
export function archive(size) {
  const rand = random(size + 1);
  const articles = [];
  for (let i = 0; i < size; i++) {
    const published = new Date(Date.UTC(2010, 0, 1) + i * 3_600_000 * 3).toISOString().slice(0, 19) + 'Z';
    const translations = {};
    for (const lang of ['fr', 'en']) {
      translations[lang] = {
        title: `${sentence(rand, lang, 6 + Math.floor(rand() * 8)).slice(0, -1)} (${i})`,
        summary: sentence(rand, lang, 18),
        body: Array.from({ length: 3 }, () => `${sentence(rand, lang, 24 + Math.floor(rand() * 10))} ${sentence(rand, lang, 24)}`),
      };
    }
    articles.push({ id: `archive-${i}`, published, source: { name: 'Agence de démo' }, translations });
  }
  return { schema: 1, default_language: 'fr', articles };
}

/** Writes `articles-SIZE.json` into `outDir` for each size; returns the paths. */
export function writeCollections(outDir, sizes) {
  mkdirSync(outDir, { recursive: true });
  return sizes.map((size) => {
    const file = join(outDir, `articles-${size}.json`);
    writeFileSync(file, JSON.stringify(collection(Number(size))));
    return file;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [outDir = 'bench/out', ...sizes] = process.argv.slice(2);
  for (const file of writeCollections(outDir, sizes)) console.log(`wrote ${file}`);
}
