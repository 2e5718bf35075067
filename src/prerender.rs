//! Published pages: the viewer's first views, rendered ahead of time with the viewer's own
//! components (Leptos `ssr`), so that every way in reads before any WebAssembly arrives, reads
//! without JavaScript, and describes itself to search engines and link previews. From a
//! collection and the built site (its `template.html`, the page as trunk wrote it) it writes,
//! all in one folder (see `routing`):
//! - an edition page per interface language (`fr.html`): its ticker and featured article;
//! - an article page per article and language it has a title in (`<id>.fr.html`), whose ticker
//!   and list show the headlines as they stood for that article (see `Days`): a new dispatch
//!   rewrites none of the older articles' pages;
//! - the site's root (`index.html`), which holds every edition: a script in its head, allowed
//!   by its hash, shows the reader's (their saved choice, else their browser's languages) before
//!   the body is parsed; without JavaScript, the collection's default edition shows;
//! - the lists of every headline, paged (`headlines-fr-1.html`), which readers without
//!   JavaScript and crawlers follow to every article;
//! - given the site's public address, `sitemap.xml` (an index of `sitemap-N.xml` past 50,000
//!   pages), and canonical and `hreflang` links.
//!
//! Each page carries its snapshot (only what it shows) and the stamp of the build that rendered
//! it; the app hydrates it from the snapshot (see `host::mount`).

use crate::data::model::{Article, Collection};
use crate::data::read::{read_collection, read_collection_with};
use crate::i18n::{fill, Lang};
use crate::routing::{join_url, page_href, site_of};
use crate::ui::article_view::LIST_PAGE as LIST_ROWS;
use crate::ui::feed::Data;
use crate::ui::state::{initial_language, Config, FirstView, ViewerState};
use crate::ui::ticker::TICKER_MAX;
use crate::ui::ViewerRoot;
use leptos::prelude::*;
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, text, RewriteStrSettings};
use serde_json::{json, Map, Value};
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// The built page every published page is made from, kept beside them by the build.
pub const TEMPLATE: &str = "template.html";

/// How many headlines a list page of every headline holds.
const LIST_PAGE: usize = 200;

/// How much of the collection a first view shows: the ticker's headlines and the first rows of
/// the list under the article. An article page and the root's editions show less than an edition
/// page, to stay light (the root holds three); the app brings the rest when it takes over.
#[derive(Clone, Copy)]
struct Extent {
    ticker: usize,
    list: usize,
    /// Whether the shown article is there, with its text (a ticker strip shows none).
    text: bool,
}

const EDITION_PAGE: Extent = Extent {
    ticker: TICKER_MAX,
    list: LIST_ROWS,
    text: true,
};
const ARTICLE_PAGE: Extent = Extent {
    ticker: 12,
    list: 10,
    text: true,
};
/// An edition's fragment (`embed/fr.html`): an article page's ticker, and the list as long as the
/// app shows it (with one headline more, so that its "more" button is there too). A publisher's
/// own content follows the embedded viewer: the app's taking over must not lengthen it.
const EDITION_FRAGMENT: Extent = Extent {
    ticker: ARTICLE_PAGE.ticker,
    list: LIST_ROWS + 1,
    text: true,
};
const TICKER_STRIP: Extent = Extent {
    ticker: 20,
    list: 0,
    text: false,
};

/// What the pages are published from.
pub struct Site<'a> {
    /// The built page (`template.html`), with its standalone host.
    pub template: &'a str,
    /// The collection file the app reads (an archive's first page), as JSON.
    pub doc: Value,
    /// Every article to give pages to, with its text, as JSON (for an archive, the publisher's
    /// whole collection), relative URLs resolving against the pages.
    pub articles: Vec<Value>,
    /// The site's public address, ending in `/`, which absolute URLs need.
    pub base_url: Option<String>,
}

/// The articles of collection file `doc` and of its older pages (`older`, read with
/// `read_file` relative to the page), each with its text: from its entry, else from its own file
/// (`text_url`), keeping the entry's URLs (they resolve against the page).
pub fn site_articles(doc: &Value, read_file: &dyn Fn(&str) -> Option<String>) -> Vec<Value> {
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    let mut page = Some(doc.clone());
    while let Some(file) = page.take() {
        entries.extend(file["articles"].as_array().cloned().unwrap_or_default());
        page = file["older"]
            .as_str()
            .filter(|older| seen.insert(older.to_string()))
            .and_then(read_file)
            .and_then(|text| serde_json::from_str::<Value>(&text).ok());
    }
    entries
        .into_iter()
        .map(|entry| with_text(entry, read_file))
        .collect()
}

/// `entry` with the paragraphs of its own file (`text_url`), if it has one that holds it.
fn with_text(mut entry: Value, read_file: &dyn Fn(&str) -> Option<String>) -> Value {
    let full = entry["text_url"]
        .as_str()
        .and_then(read_file)
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .and_then(|file| {
            let id = &entry["id"];
            file["articles"]
                .as_array()?
                .iter()
                .find(|a| a["id"] == *id)
                .cloned()
        });
    for (code, translation) in full
        .as_ref()
        .and_then(|f| f["translations"].as_object())
        .into_iter()
        .flatten()
    {
        if let (Some(body), true) = (
            translation.get("body"),
            entry["translations"][code].is_object(),
        ) {
            entry["translations"][code]["body"] = body.clone();
        }
    }
    entry
}

/// The site's public address as `--base-url` gives it, made to end in `/`: only http(s).
pub fn site_address(url: &str) -> Result<String, String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    if !web || url.contains(['"', '<', '>', ' ', '?', '#']) {
        return Err(format!(
            "{url}: the site's address must be an http(s) URL, without query"
        ));
    }
    Ok(match url.ends_with('/') {
        true => url.to_string(),
        false => format!("{url}/"),
    })
}

/// A collection file (`schema` 1) holding `articles`, with `doc`'s default language.
fn collection_file(doc: &Value, articles: Vec<Value>) -> Value {
    // Moved in: `json!` would copy them.
    let mut file = json!({ "schema": 1 });
    file["articles"] = Value::Array(articles);
    if let Some(default) = doc.get("default_language") {
        file["default_language"] = default.clone();
    }
    file
}

fn read(file: Value) -> Result<Collection, String> {
    Ok(read_collection(&file)
        .map_err(|e| e.to_string())?
        .collection)
}

/// The part of collection file `doc` (read as `collection`) that a first view in `lang` of
/// article `shown` (`full`, with its text) shows, as a collection file itself: the ticker's
/// headlines, the list's first rows, the article and its neighbours, only the shown article with
/// its text and summary. Rendering it gives the same first view as rendering the whole
/// collection with the shown article's text, and the page carries only that.
fn first_view_snapshot(
    doc: &Value,
    collection: &Collection,
    lang: Lang,
    full: &Value,
    extent: Extent,
) -> Value {
    let shown = full["id"].as_str().unwrap_or_default();
    let mut keep: HashSet<usize> = HashSet::new();
    keep.extend(collection.ticker_edition(lang).take(extent.ticker));
    for list in [collection.edition_for(lang), collection.order()] {
        keep.extend(list.iter().take(extent.list + 1));
    }
    let pager = collection.pager_edition(shown, lang);
    if let Some(at) = pager
        .iter()
        .position(|&i| &*collection.articles[i].id == shown)
    {
        keep.extend(pager.iter().skip(at.saturating_sub(1)).take(3));
    }
    let ids: HashSet<&str> = keep.iter().map(|&i| &*collection.articles[i].id).collect();
    // The shown article with its text, in its place (articles of the same time, or undated,
    // keep the file's order).
    let mut placed = false;
    let mut articles: Vec<Value> = doc["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| a["id"].as_str().is_some_and(|id| ids.contains(id)))
        .map(|article| {
            if extent.text && article["id"] == shown {
                placed = true;
                return shown_entry(doc, lang, full);
            }
            // Nor its summary, which only the shown article's page description uses.
            without_text(article)
        })
        .collect();
    if extent.text && !placed {
        articles.push(shown_entry(doc, lang, full));
    }
    let mut snapshot = collection_file(doc, articles);
    // An archive's links, which resolve against the page's file as against the snapshot.
    for key in ["article_url", "older"] {
        if let Some(link) = doc.get(key) {
            snapshot[key] = link.clone();
        }
    }
    snapshot
}

/// The shown article `full` as a snapshot holds it: its text is here, in the language shown
/// only, so the file it would be read from (`text_url`) is not needed.
fn shown_entry(doc: &Value, lang: Lang, full: &Value) -> Value {
    let mut full = full.clone();
    let code = read(collection_file(doc, vec![full.clone()]))
        .ok()
        .and_then(|c| {
            let default = c.default_language.as_deref();
            Some(
                c.articles
                    .first()?
                    .translation_for(lang.code(), default)
                    .0
                    .to_string(),
            )
        });
    if let Some(article) = full.as_object_mut() {
        article.remove("text_url");
        let translations = article["translations"].as_object_mut();
        for (other, t) in translations.into_iter().flatten() {
            if Some(other) != code.as_ref() {
                t.as_object_mut()
                    .map(|t| (t.remove("body"), t.remove("summary")));
            }
        }
    }
    full
}

/// The viewer's first view as HTML, as `ViewerRoot` renders it for `first` placed as `config`
/// says (its language and article are `first`'s).
pub fn render_first_view(first: &FirstView, config: Config) -> String {
    Owner::new_root(None).with(|| {
        let state = ViewerState::new(
            Config {
                lang: Some(first.lang),
                article: first.article.clone(),
                ..config
            },
            crate::host::browser(),
        );
        state
            .feed
            .data
            .set(Data::Ready(Arc::new(first.snapshot.clone())));
        state
            .nav
            .landing
            .set(first.article.clone().filter(|_| first.arriving));
        provide_context(state);
        view! { <ViewerRoot /> }.to_html()
    })
}

/// Text for an HTML attribute value or element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// JSON to place inside a `<script>` element: `<` is escaped, so the data can never close it.
fn script_json(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// A description of at most about 160 characters: the summary, else the first paragraph.
fn description(summary: Option<&str>, first_paragraph: Option<&str>) -> Option<String> {
    let text = summary
        .filter(|s| !s.trim().is_empty())
        .or(first_paragraph)?;
    let mut out: String = text.chars().take(160).collect();
    if out.len() < text.len() {
        if let Some(cut) = out.rfind(' ') {
            out.truncate(cut);
        }
        out.push('…');
    }
    Some(out)
}

/// The page's title and the metadata that describe `article` to search engines and link
/// previews: description, Open Graph, Twitter card, JSON-LD.
fn article_metadata(
    site: &Site,
    collection: &Collection,
    article: &Article,
    lang: Lang,
) -> (String, String) {
    let s = lang.strings();
    let default = collection.default_language.as_deref();
    let (code, t) = article.translation_for(lang.code(), default);
    let title = format!("{} — {}", &*t.title, s.viewer_name);
    let paragraphs = t.body.paragraphs();
    let about = description(t.summary.as_deref(), paragraphs.first().map(String::as_str))
        .unwrap_or_else(|| t.title.to_string());
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": &*t.title,
        "inLanguage": code,
        "description": about,
    });
    if let Some(published) = &article.published {
        ld["datePublished"] = json!(published.text);
    }
    if let Some(source) = &article.source {
        ld["sourceOrganization"] = json!({"@type": "NewsMediaOrganization", "name": &*source.name});
        if let Some(url) = article.source_url(t) {
            ld["isBasedOn"] = json!(url);
        }
    }
    // Link previews need an absolute address.
    let base = site.base_url.as_deref().unwrap_or_default();
    let image = article
        .image
        .as_ref()
        .map(|i| join_url(base, &i.src))
        .filter(|url| url.to_ascii_lowercase().starts_with("http"));
    let mut head = format!(
        "<meta name=\"description\" content=\"{about}\">\
         <meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"og:description\" content=\"{about}\">\
         <meta property=\"og:type\" content=\"article\">\
         <meta property=\"og:locale\" content=\"{locale}\">\
         <meta name=\"twitter:card\" content=\"{card}\">",
        about = escape(&about),
        title = escape(&t.title),
        locale = lang.language().og_locale,
        card = if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        },
    );
    if let Some(image) = image {
        ld["image"] = json!(image);
        head += &format!(
            "<meta property=\"og:image\" content=\"{}\">",
            escape(&image)
        );
        if let Some(alt) = t.image_alt.as_deref().filter(|a| !a.trim().is_empty()) {
            head += &format!(
                "<meta property=\"og:image:alt\" content=\"{}\">",
                escape(alt)
            );
        }
    }
    head += &format!(
        "<script type=\"application/ld+json\">{}</script>",
        script_json(&ld)
    );
    (title, head)
}

/// The canonical link, `og:url` and `hreflang` alternates of the page at `href`, whose versions
/// are `versions` (language, file name) and whose `x-default` is `default`: only given the site's
/// address.
fn links(site: &Site, href: &str, versions: &[(Lang, String)], default: &str) -> String {
    let Some(base) = &site.base_url else {
        return String::new();
    };
    let mut out = format!(
        "<link rel=\"canonical\" href=\"{u}\"><meta property=\"og:url\" content=\"{u}\">",
        u = escape(&format!("{base}{href}"))
    );
    for (lang, page) in versions {
        out += &format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
            lang.code(),
            escape(&format!("{base}{page}"))
        );
    }
    out + &format!(
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
        escape(&format!("{base}{default}"))
    )
}

/// Links to the page in its other languages (`versions`) and to the list of every headline, for
/// readers without JavaScript and crawlers (the lists are in the viewer's own styles).
fn page_links(lang: Lang, versions: &[(Lang, String)]) -> String {
    let p = &lang.language().pages;
    let others: Vec<String> = versions
        .iter()
        .filter(|(other, _)| *other != lang)
        .map(|(other, href)| {
            format!(
                "<a href=\"{href}\" hreflang=\"{c}\" lang=\"{c}\" dir=\"{d}\">{n}</a>",
                c = other.code(),
                d = other.dir(),
                n = other.language().native_name
            )
        })
        .collect();
    // Hidden once the app runs (style/page.css): its language toggle takes over.
    let mut out = String::from("<p class=\"nv-page-links\">");
    if !others.is_empty() {
        out += &format!("{} {} · ", p.other_languages, others.join(" · "));
    }
    out + &format!(
        "<a href=\"headlines-{}-1.html\">{}</a></p>",
        lang.code(),
        p.all_headlines
    )
}

/// A page's first view as HTML, with what goes around it.
struct Rendered {
    lang: Lang,
    /// The page's title, and the metadata that describe what it shows.
    title: String,
    meta: String,
    /// The "opened from disk" line, the host's content, the snapshot's script, and the links to
    /// the page in its other languages.
    note: String,
    view: String,
    script: String,
    links: String,
}

impl Rendered {
    /// The first view in place of the host whose start tag is `tag` (the host is a `div`).
    fn html(&self, tag: &str) -> String {
        let Rendered {
            note,
            view,
            script,
            links,
            ..
        } = self;
        format!("{note}{tag}{view}</div>{script}{links}")
    }
}

/// The first view of the page in `lang` showing `article` (none: the edition's featured
/// article), with headlines from `source` as far as `extent`, a page which exists in the
/// languages of `versions`.
fn first_view(
    site: &Site,
    published: &Published,
    (lang, article): (Lang, Option<&str>),
    shows: (Extent, Source),
    versions: &[(Lang, String)],
) -> Result<Rendered, String> {
    let (first, id, script) = snapshot(site, published, (lang, article), shows)?;
    let (title, meta) = match id.as_deref().and_then(|id| first.snapshot.article(id)) {
        Some(shown) => article_metadata(site, &first.snapshot, shown, lang),
        None => (lang.strings().viewer_name.to_string(), String::new()),
    };
    let placed = Config {
        standalone: true,
        pages: true,
        ..Config::default()
    };
    let view = render_first_view(&first, placed);
    let note = format!(
        "<p class=\"nv-disk-note\" hidden>{}</p>",
        escape(lang.language().opened_from_disk)
    );
    Ok(Rendered {
        lang,
        title,
        meta,
        note,
        view,
        script,
        links: page_links(lang, versions),
    })
}

/// The first view in `lang` of `article` (none: the edition's featured one), with headlines from
/// `source` as far as `extent`, the id of the article it shows, and the script that holds its
/// snapshot and build.
fn snapshot(
    site: &Site,
    published: &Published,
    (lang, article): (Lang, Option<&str>),
    (extent, (doc, collection)): (Extent, Source),
) -> Result<(FirstView, Option<String>, String), String> {
    let featured = published
        .collection
        .featured(lang)
        .map(|a| a.id.to_string());
    let id = article.map(str::to_string).or(featured);
    let full = id
        .as_deref()
        .and_then(|id| published.full.get(id))
        .map(|&i| &site.articles[i]);
    let doc = match full {
        Some(full) => first_view_snapshot(doc, collection, lang, full, extent),
        None => collection_file(&site.doc, Vec::new()),
    };
    let article_attr = article
        .map(|id| format!(" data-article=\"{id}\""))
        .unwrap_or_default();
    let script = format!(
        "<script type=\"application/json\" data-first-view data-lang=\"{code}\"{article_attr} data-build=\"{build}\">{json}</script>",
        code = lang.code(),
        build = crate::BUILD,
        json = script_json(&doc),
    );
    let first = FirstView {
        snapshot: read(doc)?,
        lang,
        article: article.map(str::to_string),
        arriving: true,
    };
    Ok((first, id, script))
}

/// The fragment a publisher's page embeds for the viewer in `lang` showing `article` (none: the
/// edition's), or for its ticker strip: the content of a host element, a declarative shadow root
/// holding the viewer's stylesheet and its first view, then its snapshot, which `host::mount`
/// hydrates. Its relative URLs resolve against the collection file (`embed.js` resolves them);
/// given the site's address, they are absolute, for pages that include the fragment themselves.
/// Its stylesheet is inlined when it is written.
fn fragment(
    site: &Site,
    published: &Published,
    shown: (Lang, Option<&str>),
    (ticker, source): (bool, Source),
) -> Result<String, String> {
    let extent = match (ticker, shown.1) {
        (true, _) => TICKER_STRIP,
        (false, None) => EDITION_FRAGMENT,
        (false, Some(_)) => ARTICLE_PAGE,
    };
    let (first, _, script) = snapshot(site, published, shown, (extent, source))?;
    let base = site.base_url.as_deref().unwrap_or_default();
    let src = join_url(base, "articles.json");
    let placed = Config {
        site: site_of(&src),
        src,
        pages: true,
        ticker_only: ticker,
        ..Config::default()
    };
    let view = render_first_view(&first, placed);
    // Inlined when it is written (see `write_page`): the first view then paints with the
    // fragment, without another request, and never unstyled. The snapshot comes after the shadow
    // root, in the host itself: the browser attaches the root, and shows it, when its template
    // closes, and `embed.js` puts it in as soon as it has it, before the snapshot's bytes arrive.
    let css = "viewer.css";
    Ok(format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{css}\"><div>{view}</div></template>{script}"
    ))
}

/// The fragments of the edition in `lang` (`embed/fr.html`, `embed/fr-ticker.html`).
fn edition_fragments(
    site: &Site,
    published: &Published,
    lang: Lang,
    out: &mut Sink,
) -> Result<(), String> {
    for (ticker, suffix) in [(false, ""), (true, "-ticker")] {
        let name = format!("embed/{}{suffix}.html", lang.code());
        let source = (ticker, published.now());
        out(&name, fragment(site, published, (lang, None), source)?)?;
    }
    Ok(())
}

/// The collection as published: `doc` read, and where each article of `Site::articles` is.
struct Published<'a> {
    doc: &'a Value,
    collection: Collection,
    full: HashMap<String, usize>,
}

impl Published<'_> {
    /// The headlines as they stand now: the collection file's.
    fn now(&self) -> Source<'_> {
        (self.doc, &self.collection)
    }
}

/// Where a first view's headlines come from: a collection file and the collection read from it.
type Source<'a> = (&'a Value, &'a Collection);

/// Each article's headlines as they stood for it, defined from the data alone: an article's page
/// shows the newest articles published no later than it (a stable sort puts articles of the same
/// time in the file's order), so that the same input gives the same page, and articles published
/// since do not change it. The app's ticker brings the live headlines when it takes over; its
/// pager and list keep these under the page's article (`Collection::as_it_stood_for`).
struct Days {
    /// For each article of the whole collection (by position), its place in ticker order.
    rank: Vec<usize>,
    /// For each interface language, the places in ticker order of its edition's articles.
    editions: Vec<Vec<usize>>,
}

impl Days {
    fn new(every: &Collection) -> Days {
        let mut rank = vec![0; every.articles.len()];
        for (place, &i) in every.order().iter().enumerate() {
            rank[i] = place;
        }
        let editions = Lang::ALL
            .iter()
            .map(|&l| every.edition(l).iter().map(|&i| rank[i]).collect())
            .collect();
        Days { rank, editions }
    }

    /// The collection file of the articles the page of `every`'s article at position `i` shows
    /// as far as `extent`: for each language, the newest of its edition from it on (the ticker,
    /// the list, the next one in the pager), and the newest of all.
    fn of(
        &self,
        site: &Site,
        published: &Published,
        every: &Collection,
        i: usize,
        extent: Extent,
    ) -> Value {
        let (from, order) = (self.rank[i], every.order());
        let each = extent.ticker.max(extent.list + 1) + 1;
        let mut places: Vec<usize> = (from..order.len().min(from + extent.list + 1)).collect();
        for edition in &self.editions {
            let start = edition.partition_point(|&place| place < from);
            places.extend(edition.iter().skip(start).take(each));
        }
        places.sort_unstable();
        places.dedup();
        let articles = places
            .iter()
            .filter_map(|&place| published.full.get(&*every.articles[order[place]].id))
            .map(|&at| site.articles[at].clone())
            .collect();
        let mut file = collection_file(&site.doc, articles);
        // An archive's links, as its collection file has them.
        for key in ["article_url", "older"] {
            if let Some(link) = site.doc.get(key) {
                file[key] = link.clone();
            }
        }
        file
    }
}

/// Where pages go as they are made: a file name and its contents.
pub type Sink<'a> = dyn FnMut(&str, String) -> Result<(), String> + 'a;

/// Writes every page of `site` into `out`, one at a time (a newsroom's archive has more pages
/// than memory should hold): how many.
pub fn publish_pages(site: &mut Site, out: &mut Sink) -> Result<usize, String> {
    let every = read_every(site)?;
    let site = &*site;
    let collection = read(site.doc.clone())?;
    let full = site
        .articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| Some((a["id"].as_str()?.to_string(), i)))
        .collect();
    let published = Published {
        doc: &site.doc,
        collection,
        full,
    };
    let days = Days::new(&every);
    let default = initial_language(None, published.collection.default_language.as_deref());
    let editions: Vec<(Lang, String)> = Lang::ALL
        .into_iter()
        .map(|l| (l, page_href(None, l)))
        .collect();
    let render = |extent| {
        editions
            .iter()
            .map(|(lang, _)| {
                let shows = (extent, published.now());
                first_view(site, &published, (*lang, None), shows, &editions)
            })
            .collect::<Result<Vec<_>, _>>()
    };
    let rendered = render(EDITION_PAGE)?;
    // The pages' names, for the sitemap.
    let mut names = Vec::new();
    let mut write = |name: &str, page: String| {
        names.push(name.to_string());
        out(name, page)
    };
    for (edition, (lang, href)) in rendered.iter().zip(&editions) {
        let head = edition.meta.clone() + &links(site, href, &editions, "");
        write(href, compose(site.template, edition, head)?)?;
        edition_fragments(site, &published, *lang, &mut write)?;
    }
    let head = links(site, "", &editions, "");
    write(
        "index.html",
        root_page(site, default, &render(ARTICLE_PAGE)?, head)?,
    )?;
    for &i in every.order() {
        article_pages(site, &published, (&every, i), (&days, default), &mut write)?;
    }
    headline_lists(site, &every, &mut write)?;
    let mut count = names.len();
    if let Some(base) = &site.base_url {
        let pages: Vec<String> = names
            .into_iter()
            .filter(|n| !n.starts_with("embed/"))
            .collect();
        for (name, file) in sitemaps(base, &pages) {
            out(&name, file)?;
            count += 1;
        }
    }
    Ok(count)
}

/// Every article of `site`, read as the viewer reads them, without their paragraphs (the pages
/// take those from `site.articles`, which are lent to the reading and given back: an archive is
/// never held twice).
fn read_every(site: &mut Site) -> Result<Collection, String> {
    let mut file = collection_file(&site.doc, std::mem::take(&mut site.articles));
    let every = read_collection_with(&file, Article::without_paragraphs);
    if let Value::Array(articles) = file["articles"].take() {
        site.articles = articles;
    }
    Ok(every.map_err(|e| e.to_string())?.collection)
}

/// The pages of `every`'s article at position `i`, in each language it has a title in, and
/// their fragments: its headlines as they stood for it (`days`), `default` the language of the
/// page that stands for all of them (`x-default`).
fn article_pages(
    site: &Site,
    published: &Published,
    (every, i): (&Collection, usize),
    (days, default): (&Days, Lang),
    write: &mut Sink,
) -> Result<(), String> {
    let article = &every.articles[i];
    let versions: Vec<(Lang, String)> = Lang::ALL
        .into_iter()
        .filter(|l| article.translations.contains(l.code()))
        .map(|l| (l, page_href(Some(&article.id), l)))
        .collect();
    let x_default = versions
        .iter()
        .find(|(l, _)| *l == default)
        .or(versions.first())
        .map(|(_, href)| href.clone())
        .unwrap_or_default();
    let day = days.of(site, published, every, i, ARTICLE_PAGE);
    let day = (&day, &read(day.clone())?);
    for (lang, href) in &versions {
        let shown = (*lang, Some(&*article.id));
        let page = first_view(site, published, shown, (ARTICLE_PAGE, day), &versions)?;
        let head = page.meta.clone() + &links(site, href, &versions, &x_default);
        write(href, compose(site.template, &page, head)?)?;
        write(
            &format!("embed/{href}"),
            fragment(site, published, shown, (false, day))?,
        )?;
    }
    Ok(())
}

/// `article` without the paragraphs and summaries of its translations.
fn without_text(article: &Value) -> Value {
    let mut article = article.clone();
    for t in article["translations"]
        .as_object_mut()
        .into_iter()
        .flat_map(|t| t.values_mut())
        .filter_map(Value::as_object_mut)
    {
        t.remove("body");
        t.remove("summary");
    }
    article
}

/// The site's root: every edition, in `[data-edition]` elements of which only the default one
/// (`default`) shows until the script in the head shows the reader's. It describes itself as the
/// default edition does, and links itself (`links`) as the root.
fn root_page(
    site: &Site,
    default: Lang,
    editions: &[Rendered],
    links: String,
) -> Result<String, String> {
    let shown = editions
        .iter()
        .find(|e| e.lang == default)
        .ok_or("no edition")?;
    let titles: Map<String, Value> = editions
        .iter()
        .map(|e| (e.lang.code().to_string(), json!([e.lang.dir(), e.title])))
        .collect();
    let head = format!(
        "{}{links}{}",
        shown.meta,
        edition_picker(default, &Value::Object(titles))
    );
    let body = |tag: &str| -> String {
        editions
            .iter()
            .map(|e| {
                let hidden = if e.lang == default { "" } else { " hidden" };
                format!(
                    "<div data-edition=\"{}\"{hidden}>{}</div>",
                    e.lang.code(),
                    e.html(tag)
                )
            })
            .collect()
    };
    compose_with(site.template, default, &shown.title, &head, &body, true)
}

/// The script in the root's head that picks the reader's edition before the body is parsed, as
/// the viewer picks its language (`preferred_language`): the address's `?lang=`, else the
/// reader's saved choice, else the first of the browser's languages the viewer speaks, else the
/// collection's default. It marks `<html data-edition>`, which the style shows, and gives the
/// page that edition's language, direction and title. `editions` maps each code to its direction
/// and title.
fn edition_picker(default: Lang, editions: &Value) -> String {
    let show: String = Lang::ALL
        .into_iter()
        .map(|l| format!("html[data-edition={c}] [data-edition={c}]", c = l.code()))
        .collect::<Vec<_>>()
        .join(",");
    format!(
        "<style>html[data-edition] [data-edition]{{display:none}}{show}{{display:block}}</style>\
         <script>(function(){{var e={editions},l,s,q=/[?&]lang=([^&#]*)/.exec(location.search),n=navigator.languages||[navigator.language];\
         function p(t){{t=String(t||'').trim().split(/[-_]/)[0].toLowerCase();return e.hasOwnProperty(t)?t:null}}\
         try{{s=localStorage.getItem('news-viewer:lang')}}catch(x){{}}\
         l=p(q&&decodeURIComponent(q[1]))||p(s);for(var i=0;!l&&i<n.length;i++)l=p(n[i]);l=l||'{default}';\
         var h=document.documentElement;h.setAttribute('data-edition',l);h.lang=l;h.dir=e[l][0];document.title=e[l][1]}})()</script>",
        editions = script_json(editions),
        default = default.code(),
    )
}

/// The lists of every headline of each language, paged, linking each article's page.
fn headline_lists(site: &Site, every: &Collection, out: &mut Sink) -> Result<(), String> {
    let default = every.default_language.as_deref();
    for lang in Lang::ALL {
        let p = &lang.language().pages;
        let articles: Vec<&Article> = every.headlines(lang).collect();
        let count = articles.len().div_ceil(LIST_PAGE).max(1);
        let name = |n: usize| format!("headlines-{}-{n}.html", lang.code());
        for n in 1..=count {
            let rows: String = articles
                .iter()
                .skip((n - 1) * LIST_PAGE)
                .take(LIST_PAGE)
                .map(|a| {
                    let (code, t) = a.translation_for(lang.code(), default);
                    let date = a
                        .published
                        .as_ref()
                        .map(|d| format!("<time datetime=\"{}\">{}</time>", escape(&d.text), escape(&crate::format::format_published(d, lang))))
                        .unwrap_or_default();
                    format!(
                        "<li><a class=\"nv-more__link\" href=\"{}\" lang=\"{code}\" dir=\"auto\">{}</a>{date}</li>",
                        page_href(Some(&a.id), lang),
                        escape(&t.title)
                    )
                })
                .collect();
            let heading = format!(
                "{} — {}",
                p.all_headlines,
                fill(
                    p.list_page,
                    &[("n", &n.to_string()), ("count", &count.to_string())]
                )
            );
            let mut nav = Vec::new();
            if n > 1 {
                nav.push(format!(
                    "<a href=\"{}\" rel=\"prev\">{}</a>",
                    name(n - 1),
                    p.newer
                ));
            }
            if n < count {
                nav.push(format!(
                    "<a href=\"{}\" rel=\"next\">{}</a>",
                    name(n + 1),
                    p.older
                ));
            }
            let edition = format!(
                "<a href=\"{}\">{}</a>",
                page_href(None, lang),
                lang.strings().viewer_name
            );
            let body = format!(
                "<div class=\"nv\"><div class=\"nv-main nv-headline-list\"><p>{edition}</p>\
                 <h1 class=\"nv-article__title\">{heading}</h1><ol class=\"nv-more__list\">{rows}</ol><p>{}</p></div></div>",
                nav.join(" · ")
            );
            let href = name(n);
            let versions: Vec<(Lang, String)> = vec![(lang, href.clone())];
            let title = format!("{heading} — {}", lang.strings().viewer_name);
            let head = links(site, &href, &versions, &href);
            let page = compose_with(site.template, lang, &title, &head, &|_| body.clone(), false)?;
            out(&href, page)?;
        }
    }
    Ok(())
}

/// What a published page or fragment says of itself and where it leads, for the checker.
#[derive(Debug, Default)]
pub struct PageLinks {
    /// The article its snapshot is for (`data-article`), and the snapshot's JSON.
    pub article: Option<String>,
    pub snapshot: Option<String>,
    /// Its canonical address, given the site's.
    pub canonical: Option<String>,
    /// Where its links (`a`, `link`) lead, as written.
    pub hrefs: Vec<String>,
}

/// Reads `html` as `PageLinks`.
pub fn read_page(html: &str) -> Result<PageLinks, String> {
    let page = std::cell::RefCell::new(PageLinks::default());
    rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("a[href], link[href]", |el| {
                let href = el.get_attribute("href").unwrap_or_default();
                let mut page = page.borrow_mut();
                if el.get_attribute("rel").as_deref() == Some("canonical") {
                    page.canonical = Some(href.clone());
                }
                page.hrefs.push(href);
                Ok(())
            }))
            .append_element_content_handler(element!("script[data-first-view]", |el| {
                let mut page = page.borrow_mut();
                page.article = el.get_attribute("data-article");
                page.snapshot = Some(String::new());
                Ok(())
            }))
            .append_element_content_handler(text!("script[data-first-view]", |t| {
                let mut page = page.borrow_mut();
                page.snapshot.get_or_insert_default().push_str(t.as_str());
                Ok(())
            })),
    )
    .map_err(|e| e.to_string())?;
    Ok(page.into_inner())
}

/// The most addresses one sitemap may hold (sitemaps.org).
const SITEMAP_URLS: usize = 50_000;

/// The sitemaps of every page of `names` at the site's address `base` (the root as itself):
/// `sitemap.xml`, or for more pages than one may hold, `sitemap.xml` as the index of
/// `sitemap-1.xml`, `sitemap-2.xml`, ….
fn sitemaps(base: &str, names: &[String]) -> Vec<(String, String)> {
    const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    const NS: &str = "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
    let loc = |name: &str| format!("<loc>{}</loc>", escape(&format!("{base}{name}")));
    let urls: Vec<String> = std::iter::once("")
        .chain(
            names
                .iter()
                .map(String::as_str)
                .filter(|n| *n != "index.html"),
        )
        .map(|name| format!("<url>{}</url>", loc(name)))
        .collect();
    let urlset = |urls: &[String]| format!("{XML}<urlset {NS}>{}</urlset>\n", urls.concat());
    if urls.len() <= SITEMAP_URLS {
        return vec![("sitemap.xml".into(), urlset(&urls))];
    }
    let parts: Vec<(String, String)> = urls
        .chunks(SITEMAP_URLS)
        .enumerate()
        .map(|(k, urls)| (format!("sitemap-{}.xml", k + 1), urlset(urls)))
        .collect();
    let index: String = parts
        .iter()
        .map(|(name, _)| format!("<sitemap>{}</sitemap>", loc(name)))
        .collect();
    let index = format!("{XML}<sitemapindex {NS}>{index}</sitemapindex>\n");
    parts
        .into_iter()
        .chain([("sitemap.xml".into(), index)])
        .collect()
}

/// The page of first view `page`, with `head` after its title (see `compose_with`).
fn compose(template: &str, page: &Rendered, head: String) -> Result<String, String> {
    let body = |tag: &str| page.html(tag);
    compose_with(template, page.lang, &page.title, &head, &body, true)
}

/// A page made from the built `template`: its language, title and what follows the title in the
/// head, and `body` (given the host's start tag) in place of the standalone host. A page without
/// the app loses the scripts and the data preload. Fails when the template has no standalone
/// host.
fn compose_with(
    template: &str,
    lang: Lang,
    title: &str,
    head: &str,
    body: &dyn Fn(&str) -> String,
    app: bool,
) -> Result<String, String> {
    let found_host = Cell::new(false);
    let out = rewrite_str(
        template,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("html", |el| {
                el.set_attribute("lang", lang.code())?;
                el.set_attribute("dir", lang.dir())?;
                Ok(())
            }))
            // The metadata goes after the title: trunk's minifier drops the optional `<head>` tag.
            .append_element_content_handler(element!("title", |el| {
                el.set_inner_content(title, ContentType::Text);
                el.after(head, ContentType::Html);
                Ok(())
            }))
            .append_element_content_handler(element!("meta[name=description]", |el| {
                if head.contains("name=\"description\"") {
                    el.remove();
                }
                Ok(())
            }))
            .append_element_content_handler(element!("script, link[rel=preload]", |el| {
                if !app {
                    el.remove();
                }
                Ok(())
            }))
            .append_element_content_handler(element!(
                "[data-article-viewer][data-standalone]",
                |el| {
                    found_host.set(true);
                    let attributes: String = el
                        .attributes()
                        .iter()
                        .map(|a| match a.value().is_empty() {
                            true => format!(" {}", a.name()),
                            false => format!(" {}=\"{}\"", a.name(), escape(&a.value())),
                        })
                        .collect();
                    let tag = format!("<{}{attributes}>", el.tag_name());
                    el.replace(&body(&tag), ContentType::Html);
                    Ok(())
                }
            )),
    )
    .map_err(|e| e.to_string())?;
    match found_host.get() {
        true => Ok(out),
        false => Err(
            "the page has no standalone host (<div data-article-viewer data-standalone>)".into(),
        ),
    }
}

/// Writes page or fragment `name` (see `publish_pages`) into the site folder `dir`, with its
/// stylesheets inlined (read from `dir`), unless it holds that already: its size, and whether it
/// was written.
pub fn write_page(
    dir: &std::path::Path,
    name: &str,
    page: String,
) -> Result<(usize, bool), String> {
    let page = match name.ends_with(".html") {
        true => inline_stylesheets(&page, |href| read_beside(dir, href))?,
        false => page,
    };
    let path = dir.join(name);
    let written =
        write_if_changed(&path, page.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((page.len(), written))
}

/// Writes `bytes` at `path` (making its folder) unless the file holds exactly them already, so
/// that an unchanged file keeps its modification time (and a CDN its cache): whether it wrote.
pub fn write_if_changed(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(path, bytes)?;
    Ok(true)
}

/// The fragment file (under `embed/`) a publisher's host element asks for, as `embed.js` picks
/// it: its article's in its language (`data-article`, `data-lang`, French by default), else its
/// edition's viewer or ticker strip (`data-view="ticker"`).
fn fragment_name(lang: Option<String>, article: Option<String>, ticker: bool) -> String {
    let lang = lang.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::Fr);
    match (article, ticker) {
        (Some(id), _) => format!("embed/{}", page_href(Some(&id), lang)),
        (None, true) => format!("embed/{}-ticker.html", lang.code()),
        (None, false) => format!("embed/{}.html", lang.code()),
    }
}

/// A publisher's page with the fragment each `[data-article-viewer][data-include]` host asks for
/// (see `fragment_name`, read with `read`) inside it, as a server-side include would put it: the
/// browser shows it while parsing the page, without JavaScript.
pub fn include_fragments(
    page: &str,
    read: impl Fn(&str) -> Option<String>,
) -> Result<String, String> {
    rewrite_str(
        page,
        RewriteStrSettings::new().append_element_content_handler(element!(
            "[data-article-viewer][data-include]",
            |el| {
                let ticker = el.get_attribute("data-view").as_deref() == Some("ticker");
                let name = fragment_name(
                    el.get_attribute("data-lang"),
                    el.get_attribute("data-article"),
                    ticker,
                );
                if let Some(fragment) = read(&name) {
                    el.set_inner_content(&fragment, ContentType::Html);
                }
                Ok(())
            }
        )),
    )
    .map_err(|e| e.to_string())
}

/// A file of the site folder `dir`, as a page links it: only files beside the pages or under
/// them (a relative path without `..`).
pub fn read_beside(dir: &std::path::Path, href: &str) -> Option<String> {
    let path = href.trim_start_matches("./");
    let inside = !path.contains("..") && !path.starts_with('/') && !path.contains(':');
    inside
        .then(|| std::fs::read_to_string(dir.join(path)).ok())
        .flatten()
}

/// Puts the content of each stylesheet the page links (`<link rel=stylesheet href=…>`, read with
/// `read`) into the page itself: the first view then paints with the HTML, without waiting for
/// another request. A stylesheet that cannot be read, or could close its `<style>`, stays linked.
pub fn inline_stylesheets(
    page: &str,
    read: impl Fn(&str) -> Option<String>,
) -> Result<String, String> {
    rewrite_str(
        page,
        RewriteStrSettings::new().append_element_content_handler(element!(
            "link[rel=stylesheet][href]",
            |el| {
                let css = el
                    .get_attribute("href")
                    .and_then(|href| read(&href))
                    .filter(|css| !css.contains("</"));
                if let Some(css) = css {
                    el.replace(&format!("<style>{css}</style>"), ContentType::Html);
                }
                Ok(())
            }
        )),
    )
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLED: &str = include_str!("../public/articles.json");
    // As trunk's minifier writes it: no `<head>` start tag, unquoted attributes.
    const PAGE: &str = "<!doctype html><html lang=fr dir=ltr><meta charset=utf-8><title>Actualités</title>\
        <meta content=\"Les titres\" name=description></head><body><main><div data-article-viewer data-standalone data-refresh=300></div></main></body></html>";

    fn site(doc: &str, base_url: Option<&str>) -> Site<'static> {
        let doc: Value = serde_json::from_str(doc).unwrap();
        let articles = site_articles(&doc, &|_| None);
        Site {
            template: PAGE,
            doc,
            articles,
            base_url: base_url.map(str::to_string),
        }
    }

    fn pages(site: &mut Site) -> HashMap<String, String> {
        let mut pages = HashMap::new();
        let count = publish_pages(site, &mut |name, page| {
            pages.insert(name.to_string(), page);
            Ok(())
        })
        .unwrap();
        assert_eq!(count, pages.len());
        pages
    }

    #[test]
    fn an_edition_page_holds_the_first_view_and_its_snapshot() {
        let pages = pages(&mut site(BUNDLED, None));
        let page = &pages["fr.html"];
        let featured = "La Russie a demandé l'aide militaire de la Chine, selon le New York Times";
        assert!(
            page.contains(&format!(
                "<h1 tabindex=\"-1\" lang=\"fr\" dir=\"ltr\" class=\"nv-article__title\">{}</h1>",
                escape(featured)
            )),
            "{page}"
        );
        assert!(page.contains(&format!("<title>{} — Actualités</title>", escape(featured))));
        assert!(page.contains("<html lang=\"fr\" dir=\"ltr\">"));
        assert!(page.contains("property=\"og:type\" content=\"article\""));
        assert!(page.contains("property=\"og:locale\" content=\"fr_FR\""));
        assert!(page.contains("\"@type\":\"NewsArticle\""));
        assert!(page.contains("\"datePublished\":\"2022-03-14\""));
        assert!(
            !page.contains("Les titres"),
            "the written description is replaced"
        );
        assert!(
            page.contains("Publié dans \u{2068}Hespress\u{2069} le \u{2068}14 mars 2022\u{2069}")
        );
        assert_eq!(page.matches("class=\"nv-ticker__link\"").count(), 2 * 46);
        assert!(page.contains(&format!(
            "data-first-view data-lang=\"fr\" data-build=\"{}\"",
            crate::BUILD
        )));
        assert!(page.contains("<div data-article-viewer data-standalone data-refresh=\"300\">"));
        // Its headlines lead to their pages, and it names the other editions.
        assert!(page.contains("href=\"rapprochement-maroc-irak-sous-le-regard-de-l-iran.fr.html\""));
        assert!(page
            .contains("<a href=\"ar.html\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\">العربية</a>"));
        assert!(
            !page.contains("rel=\"canonical\""),
            "no address, no absolute links"
        );
    }

    #[test]
    fn every_article_has_a_page_in_each_of_its_languages() {
        let pages = pages(&mut site(BUNDLED, Some("https://news.example/maroc/")));
        let doc: Value = serde_json::from_str(BUNDLED).unwrap();
        let collection = read(doc).unwrap();
        for article in &collection.articles {
            for (code, t) in article.translations.iter() {
                let page = &pages[&format!("{}.{code}.html", article.id)];
                let h1 = format!("class=\"nv-article__title\">{}</h1>", escape(&t.title));
                assert!(page.contains(&h1), "{} {code}", article.id);
                assert!(page.contains(&format!(
                    "<meta property=\"og:title\" content=\"{}\">",
                    escape(&t.title)
                )));
                assert!(page.contains(&format!("data-article=\"{}\"", article.id)));
                assert!(page.contains(&format!(
                    "<link rel=\"canonical\" href=\"https://news.example/maroc/{}.{code}.html\">",
                    article.id
                )));
                for other in ["fr", "en", "ar", "x-default"] {
                    assert!(page.contains(&format!(
                        "hreflang=\"{other}\" href=\"https://news.example/maroc/"
                    )));
                }
            }
        }
        let root = &pages["index.html"];
        assert!(root.contains("<link rel=\"canonical\" href=\"https://news.example/maroc/\">"));
        assert!(pages["en.html"]
            .contains("<link rel=\"canonical\" href=\"https://news.example/maroc/en.html\">"));
        let arabic = &pages["rapprochement-maroc-irak-sous-le-regard-de-l-iran.ar.html"];
        assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(arabic.contains("content=\"ar_MA\""));
        let sitemap = &pages["sitemap.xml"];
        assert!(sitemap.contains("<loc>https://news.example/maroc/</loc>"));
        assert!(sitemap.contains("<loc>https://news.example/maroc/rapprochement-maroc-irak-sous-le-regard-de-l-iran.ar.html</loc>"));
        assert_eq!(sitemap.matches("<loc>").count(), 1 + 3 + 46 * 3 + 3);
    }

    #[test]
    fn the_root_holds_every_edition_and_picks_the_readers_in_its_head() {
        let pages = pages(&mut site(BUNDLED, None));
        let root = &pages["index.html"];
        assert!(root.contains("<div data-edition=\"fr\"><p class=\"nv-disk-note\""));
        assert!(root.contains("<div data-edition=\"en\" hidden>"));
        assert!(root.contains("<div data-edition=\"ar\" hidden>"));
        assert_eq!(root.matches("data-first-view").count(), 3);
        let head = &root[..root.find("<body").unwrap()];
        assert!(head.contains("localStorage.getItem('news-viewer:lang')"));
        assert!(head.contains("navigator.languages"));
    }

    #[test]
    fn fragments_hold_a_shadow_root_with_the_embedded_viewer_and_its_snapshot() {
        let pages = pages(&mut site(BUNDLED, None));
        let viewer = &pages["embed/ar.html"];
        assert!(viewer.starts_with(
            "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"viewer.css\"><div>"
        ));
        assert!(viewer.contains("</div></template><script type=\"application/json\""));
        assert!(viewer.ends_with("</script>"));
        assert!(viewer.contains("data-first-view data-lang=\"ar\""));
        assert!(viewer.contains("class=\"nv-article__title\""));
        // An embedded viewer's links: the articles' pages, beside the collection file.
        assert!(
            viewer.contains("href=\"./rapprochement-maroc-irak-sous-le-regard-de-l-iran.ar.html\"")
        );
        let strip = &pages["embed/fr-ticker.html"];
        assert!(!strip.contains("nv-article__title"));
        // It has no article open: none of its headlines is the current one.
        assert!(!strip.contains("aria-current"));
        assert_eq!(strip.matches("class=\"nv-ticker__link\"").count(), 2 * 20);
        let article = &pages["embed/rapprochement-maroc-irak-sous-le-regard-de-l-iran.en.html"];
        assert!(
            article.contains("data-article=\"rapprochement-maroc-irak-sous-le-regard-de-l-iran\"")
        );
        // Given the site's address, what they link is absolute: a page may include them anywhere.
        let pictured = r#"{"schema": 1, "articles": [{"id": "a", "image": {"src": "img/a.jpg"},
            "translations": {"fr": {"title": "Titre", "body": ["Texte."], "image_alt": "Le port"}}}]}"#;
        let pages = super::tests::pages(&mut site(pictured, Some("https://news.example/maroc/")));
        assert!(pages["embed/fr.html"].contains("src=\"https://news.example/maroc/img/a.jpg\""));
        assert!(
            pages["embed/fr-ticker.html"].contains("href=\"https://news.example/maroc/a.fr.html\"")
        );
        assert!(
            pages["a.fr.html"].contains("src=\"img/a.jpg\""),
            "a page sits beside the file"
        );
    }

    #[test]
    fn the_lists_of_headlines_lead_to_every_article() {
        let pages = pages(&mut site(BUNDLED, None));
        for lang in Lang::ALL {
            let list = &pages[&format!("headlines-{}-1.html", lang.code())];
            assert_eq!(list.matches("<li>").count(), 46);
            assert!(!list.contains("<script"), "a plain page: no app");
            let re = list
                .split("<a href=\"")
                .skip(1)
                .map(|h| &h[..h.find('"').unwrap()]);
            for href in re {
                assert!(pages.contains_key(href), "{href}");
            }
        }
    }

    #[test]
    fn an_archive_page_shows_its_featured_text_from_its_file() {
        let page_json = r#"{"schema": 1, "article_url": "text/{id}.json", "older": "older-1.json",
            "articles": [{"id": "a", "published": "2024-05-15", "text_url": "text/a.json",
            "translations": {"fr": {"title": "Titre de la une"}}}]}"#;
        let text_json = r#"{"schema": 1, "articles": [{"id": "a", "published": "2024-05-15",
            "translations": {"fr": {"title": "Titre de la une", "body": ["Le texte, lu à part."]}}}]}"#;
        let doc: Value = serde_json::from_str(page_json).unwrap();
        let read = |path: &str| (path == "text/a.json").then(|| text_json.to_string());
        let mut site = Site {
            template: PAGE,
            articles: site_articles(&doc, &read),
            doc,
            base_url: None,
        };
        let pages = pages(&mut site);
        for page in [&pages["fr.html"], &pages["a.fr.html"]] {
            assert!(page.contains("<p>Le texte, lu à part.</p>"), "{page}");
            assert!(page.contains("\"article_url\":\"text/{id}.json\""));
            assert!(page.contains("\"older\":\"older-1.json\""));
        }
        // A text file that holds another article is not shown.
        let other = |_: &str| Some(text_json.replace("\"a\"", "\"b\""));
        let doc: Value = serde_json::from_str(page_json).unwrap();
        let mut site = Site {
            template: PAGE,
            articles: site_articles(&doc, &other),
            doc,
            base_url: None,
        };
        let page = &super::tests::pages(&mut site)["a.fr.html"];
        assert!(!page.contains("Le texte, lu à part."));
        assert!(page.contains("Titre de la une"));
    }

    #[test]
    fn an_archive_s_older_pages_have_their_articles_pages_too() {
        let first = r#"{"schema": 1, "older": "older-1.json", "articles": [{"id": "new", "translations": {"fr": {"title": "Récent"}}}]}"#;
        let older = r#"{"schema": 1, "older": "older-1.json", "articles": [{"id": "old", "text_url": "text/old.json", "translations": {"fr": {"title": "Ancien"}}}]}"#;
        let text = r#"{"schema": 1, "articles": [{"id": "old", "translations": {"fr": {"title": "Ancien", "body": ["Lu dans son fichier."]}}}]}"#;
        let read = |path: &str| match path {
            "older-1.json" => Some(older.to_string()),
            "text/old.json" => Some(text.to_string()),
            _ => None,
        };
        let doc: Value = serde_json::from_str(first).unwrap();
        let mut site = Site {
            template: PAGE,
            articles: site_articles(&doc, &read),
            doc,
            base_url: None,
        };
        let pages = pages(&mut site);
        assert!(pages["old.fr.html"].contains("<p>Lu dans son fichier.</p>"));
        assert!(pages["headlines-fr-1.html"].contains("href=\"old.fr.html\""));
    }

    #[test]
    fn the_snapshot_renders_the_same_first_view_as_the_whole_collection() {
        let doc: Value = serde_json::from_str(BUNDLED).unwrap();
        let collection = read(doc.clone()).unwrap();
        let featured = collection.featured(Lang::Fr).unwrap().id.to_string();
        let full = doc["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == *featured)
            .unwrap();
        let snapshot = first_view_snapshot(&doc, &collection, Lang::Fr, full, EDITION_PAGE);
        let render = |snapshot| {
            let first = FirstView {
                snapshot,
                lang: Lang::Fr,
                article: None,
                arriving: true,
            };
            render_first_view(&first, Config::default())
        };
        assert_eq!(render(read(snapshot.clone()).unwrap()), render(collection));
        let bodies = snapshot["articles"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["translations"]["fr"].get("body").is_some())
            .count();
        assert_eq!(bodies, 1, "only the featured article's text");
    }

    #[test]
    fn an_article_page_shows_the_headlines_of_its_day_in_the_file_s_order() {
        // The bundled file has no dates: ticker order is the file's.
        let doc: Value = serde_json::from_str(BUNDLED).unwrap();
        let ids: Vec<&str> = doc["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        let pages = pages(&mut site(BUNDLED, None));
        let page = &pages[&page_href(Some(ids[5]), Lang::Fr)];
        let pager = &page[page.find("class=\"nv-pager\"").unwrap()..];
        let pager = &pager[..pager.find("</nav>").unwrap()];
        // Nothing came before it on its day; the one after it is the next in the file.
        assert!(!pager.contains("nv-pager__prev"), "{pager}");
        assert!(
            pager.contains(&page_href(Some(ids[6]), Lang::Fr)),
            "{pager}"
        );
        for newer in &ids[..5] {
            assert!(!page.contains(&page_href(Some(newer), Lang::Fr)), "{newer}");
        }
    }

    #[test]
    fn the_whole_collection_shows_an_article_page_s_pager_and_list_as_the_page_does() {
        // What the app shows once it has read the whole file, on the page it took over: nothing
        // on the page moves (the page shows its day's headlines, the app the same, and more).
        let doc: Value = serde_json::from_str(BUNDLED).unwrap();
        let id = doc["articles"][5]["id"].as_str().unwrap();
        let pages = pages(&mut site(BUNDLED, None));
        let page = &pages[&page_href(Some(id), Lang::Fr)];
        let first = FirstView {
            snapshot: read(doc.clone()).unwrap(),
            lang: Lang::Fr,
            article: Some(id.to_string()),
            arriving: true,
        };
        let placed = Config {
            standalone: true,
            pages: true,
            ..Config::default()
        };
        let live = render_first_view(&first, placed);
        let part = |html: &str, from: &str, to: &str| {
            let start = html.find(from).unwrap();
            html[start..start + html[start..].find(to).unwrap()].to_string()
        };
        let pager = |html: &str| part(html, "class=\"nv-pager\"", "</nav>");
        assert_eq!(pager(page), pager(&live));
        // Its rows, and more rows after them.
        let list = part(page, "class=\"nv-more__list\"", "</ul>");
        let rows = &list[..list.rfind("</li>").unwrap()];
        assert!(rows.matches("<li").count() >= 10, "{rows}");
        assert!(part(&live, "class=\"nv-more__list\"", "</ul>").starts_with(rows));
    }

    #[test]
    fn a_sitemap_holds_at_most_50_000_addresses_and_more_go_through_an_index() {
        let names =
            |n: usize| -> Vec<String> { (0..n).map(|i| format!("a-{i}.fr.html")).collect() };
        let one = sitemaps("https://news.example/", &names(10));
        assert_eq!(one.len(), 1);
        assert_eq!(
            one[0].1.matches("<url>").count(),
            11,
            "the root and ten pages"
        );
        let many = sitemaps("https://news.example/", &names(60_000));
        let files: Vec<&str> = many.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(files, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
        assert_eq!(many[0].1.matches("<url>").count(), 50_000);
        assert_eq!(many[1].1.matches("<url>").count(), 10_001);
        assert!(many[2].1.contains("<sitemapindex"));
        assert!(many[2]
            .1
            .contains("<loc>https://news.example/sitemap-2.xml</loc>"));
    }

    #[test]
    fn data_stays_data_on_every_page() {
        let hostile = r#"{"schema": 1, "articles": [{"id": "x", "image": {"src": "a.jpg\"><script>alert(1)</script>"},
            "translations": {"fr": {"title": "</script><script>alert(1)</script>", "summary": "\"><img src=x onerror=alert(1)>",
            "image_alt": "</script>", "body": ["<!--", "{HOST}"]}}}, {"id": "y", "translations": {"fr": {"title": "{HOST}"}}}]}"#;
        let pages = pages(&mut site(hostile, Some("https://news.example/")));
        for (name, page) in &pages {
            let scripts = page.matches("<script").count();
            let expected = match name.as_str() {
                "x.fr.html" | "y.fr.html" | "fr.html" | "en.html" | "ar.html" => 2,
                "index.html" => 3 + 1 + 1,
                n if n.starts_with("embed/") => 1,
                _ => 0,
            };
            assert_eq!(
                scripts, expected,
                "{name}: the snapshot, the JSON-LD, the root's picker"
            );
            assert!(!page.contains("<script>alert"), "{name}");
            let hosts = page.matches("data-article-viewer").count();
            let expected = match name.as_str() {
                "index.html" => 3,
                n if n.starts_with("headlines-")
                    || n.ends_with(".xml")
                    || n.starts_with("embed/") =>
                {
                    0
                }
                _ => 1,
            };
            assert_eq!(hosts, expected, "{name}: text is never markup");
            assert!(!page.contains("<img src=x"), "{name}");
        }
    }

    #[test]
    fn linked_stylesheets_move_into_the_page() {
        let page = "<head><link href=./page.css rel=stylesheet><link href=./viewer.css integrity=x rel=stylesheet>\
            <link href=favicon.svg rel=icon></head>";
        let inlined = inline_stylesheets(page, |href| match href {
            "./page.css" => Some("body{margin:0}".into()),
            "./viewer.css" => Some("a{}</style><script>".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(
            inlined,
            "<head><style>body{margin:0}</style><link href=./viewer.css integrity=x rel=stylesheet>\
             <link href=favicon.svg rel=icon></head>"
        );
    }

    #[test]
    fn a_page_without_a_standalone_host_is_refused() {
        let mut site = site(BUNDLED, None);
        site.template = "<html><body><div data-article-viewer></div></body></html>";
        assert!(publish_pages(&mut site, &mut |_, _| Ok(())).is_err());
    }
}
