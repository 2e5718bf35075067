//! The standalone page's first view, rendered at build time with the viewer's own components
//! (Leptos `ssr`): the page holds its headlines and featured article before any WebAssembly
//! arrives, reads without JavaScript, and carries the featured article's title, description,
//! Open Graph tags and JSON-LD. The app then hydrates it from the snapshot embedded beside it.

use crate::data::model::{Article, Collection};
use crate::data::read::{article_in, read_collection};
use crate::i18n::Lang;
use crate::ui::feed::Data;
use crate::ui::state::{initial_language, Config, FirstView, ViewerState};
use crate::ui::ticker::TICKER_MAX;
use crate::ui::ViewerRoot;
use leptos::prelude::*;
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use serde_json::{json, Value};
use std::cell::Cell;
use std::collections::HashSet;
use std::sync::Arc;

/// The id of the element that holds the first view's snapshot.
pub const SNAPSHOT_ID: &str = "nv-first-view";

/// How many headlines of the list under the article the first view shows.
const LIST_FIRST: usize = 30;

/// The part of collection file `doc` that the first view in `lang` shows, as a collection file
/// itself: the ticker's headlines, the list's first page, the featured article and its
/// neighbours, with the featured article's body and summary only. Rendering it gives the same first view as
/// rendering the whole collection, and the page carries only that.
pub fn first_view_snapshot(doc: &Value, collection: &Collection, lang: Lang) -> Value {
    let featured = collection.featured(lang).map(|a| a.id.to_string());
    let mut keep: HashSet<usize> = HashSet::new();
    keep.extend(collection.ticker_edition(lang).take(TICKER_MAX));
    for list in [collection.edition_for(lang), collection.order()] {
        keep.extend(list.iter().take(LIST_FIRST + 1));
        if let Some(at) = list
            .iter()
            .position(|&i| Some(&*collection.articles[i].id) == featured.as_deref())
        {
            keep.extend(list.iter().skip(at.saturating_sub(1)).take(3));
        }
    }
    let ids: HashSet<&str> = keep.iter().map(|&i| &*collection.articles[i].id).collect();
    let articles: Vec<Value> = doc["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| a["id"].as_str().is_some_and(|id| ids.contains(id)))
        .map(|article| {
            let mut article = article.clone();
            if article["id"].as_str() != featured.as_deref() {
                if let Some(translations) = article["translations"].as_object_mut() {
                    // Nor its summary, which only the featured article's page description uses.
                    for t in translations.values_mut().filter_map(Value::as_object_mut) {
                        t.remove("body");
                        t.remove("summary");
                    }
                }
            }
            article
        })
        .collect();
    let mut snapshot = json!({ "schema": 1, "articles": articles });
    // An archive's links, which resolve against the page's file as against the snapshot.
    for key in ["article_url", "older"] {
        if let Some(link) = doc.get(key) {
            snapshot[key] = link.clone();
        }
    }
    if let Some(default) = &collection.default_language {
        snapshot["default_language"] = json!(default);
    }
    snapshot
}

/// The viewer's first view as HTML, as `ViewerRoot` renders it for `first`.
pub fn render_first_view(first: &FirstView) -> String {
    Owner::new_root(None).with(|| {
        let state = ViewerState::new(
            Config {
                standalone: true,
                lang: Some(first.lang),
                ..Config::default()
            },
            crate::host::browser(),
        );
        state
            .feed
            .data
            .set(Data::Ready(Arc::new(first.snapshot.clone())));
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

/// For an archive's page (see `publish-articles`), whose featured article's text is in its own
/// file (`text_url`, read with `read_file` relative to the page): puts that text into `doc`, so
/// that the first view shows it. Whether it did.
fn with_featured_text(
    doc: &mut Value,
    collection: &Collection,
    lang: Lang,
    read_file: &dyn Fn(&str) -> Option<String>,
) -> bool {
    let Some(article) = collection.featured(lang).filter(|a| a.text_elsewhere()) else {
        return false;
    };
    let id = article.id.to_string();
    let full = article
        .text_url
        .as_deref()
        .and_then(read_file)
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .filter(|file| read_collection(file.clone()).is_ok_and(|v| article_in(v, &id).is_ok()))
        .and_then(|file| {
            file["articles"]
                .as_array()?
                .iter()
                .find(|a| a["id"] == *id)
                .cloned()
        });
    let entry = doc["articles"]
        .as_array_mut()
        .and_then(|articles| articles.iter_mut().find(|a| a["id"] == *id));
    let (Some(full), Some(entry)) = (full, entry) else {
        return false;
    };
    // Only the paragraphs: the page's entry keeps its URLs, which resolve against the page.
    for (code, translation) in full["translations"].as_object().into_iter().flatten() {
        if let Some(body) = translation.get("body") {
            if entry["translations"][code].is_object() {
                entry["translations"][code]["body"] = body.clone();
            }
        }
    }
    true
}

/// The page's title and the metadata that describe `article` (the featured one) to search engines
/// and link previews: description, Open Graph, JSON-LD.
fn article_metadata(collection: &Collection, article: &Article, lang: Lang) -> (String, String) {
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
    let head = format!(
        "<meta name=\"description\" content=\"{about}\">\
         <meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"og:description\" content=\"{about}\">\
         <meta property=\"og:type\" content=\"article\">\
         <meta property=\"og:locale\" content=\"{locale}\">\
         <script type=\"application/ld+json\">{ld}</script>",
        about = escape(&about),
        title = escape(&t.title),
        locale = lang.language().og_locale,
        ld = script_json(&ld),
    );
    (title, head)
}

/// Writes the first view of collection file `articles_json` into the built `index_html`: the
/// rendered view inside the standalone host, the snapshot after it, and the page's language,
/// title and sharing metadata. Fails when the file cannot be read or the page has no
/// standalone host.
pub fn prerender_page(
    index_html: &str,
    articles_json: &str,
    read_file: &dyn Fn(&str) -> Option<String>,
) -> Result<String, String> {
    let mut doc: Value = serde_json::from_str(articles_json).map_err(|e| e.to_string())?;
    let mut collection = read_collection(doc.clone())
        .map_err(|e| e.to_string())?
        .collection;
    let lang = initial_language(None, collection.default_language.as_deref());
    if with_featured_text(&mut doc, &collection, lang, read_file) {
        collection = read_collection(doc.clone())
            .map_err(|e| e.to_string())?
            .collection;
    }
    let snapshot_doc = first_view_snapshot(&doc, &collection, lang);
    let snapshot = read_collection(snapshot_doc.clone())
        .map_err(|e| e.to_string())?
        .collection;
    let first = FirstView { snapshot, lang };
    let view = render_first_view(&first);
    let s = lang.strings();

    let (title, head) = match collection.featured(lang) {
        Some(article) => article_metadata(&collection, article, lang),
        None => (s.viewer_name.to_string(), String::new()),
    };

    let snapshot = format!(
        "<script type=\"application/json\" id=\"{SNAPSHOT_ID}\" data-lang=\"{code}\">{json}</script>",
        code = lang.code(),
        json = script_json(&snapshot_doc),
    );
    let note = format!(
        "<p class=\"nv-disk-note\" hidden>{}</p>",
        escape(lang.language().opened_from_disk)
    );
    let found_host = Cell::new(false);
    let page = rewrite_str(
        index_html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("html", |el| {
                el.set_attribute("lang", lang.code())?;
                el.set_attribute("dir", lang.dir())?;
                Ok(())
            }))
            // The metadata goes after the title: trunk's minifier drops the optional `<head>` tag.
            .append_element_content_handler(element!("title", |el| {
                el.set_inner_content(&title, ContentType::Text);
                el.after(&head, ContentType::Html);
                Ok(())
            }))
            .append_element_content_handler(element!("meta[name=description]", |el| {
                if !head.is_empty() {
                    el.remove();
                }
                Ok(())
            }))
            .append_element_content_handler(element!(
                "[data-article-viewer][data-standalone]",
                |el| {
                    found_host.set(true);
                    el.before(&note, ContentType::Html);
                    el.set_inner_content(&view, ContentType::Html);
                    el.after(&snapshot, ContentType::Html);
                    Ok(())
                }
            )),
    )
    .map_err(|e| e.to_string())?;
    match found_host.get() {
        true => Ok(page),
        false => Err(
            "the page has no standalone host (<div data-article-viewer data-standalone>)".into(),
        ),
    }
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
        <meta content=\"Les titres\" name=description></head><body><main><div data-article-viewer data-standalone></div></main></body></html>";

    #[test]
    fn the_page_holds_the_first_view_and_its_snapshot() {
        let page = prerender_page(PAGE, BUNDLED, &|_| None).unwrap();
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
        assert!(page.contains(&format!("id=\"{SNAPSHOT_ID}\" data-lang=\"fr\"")));
    }

    #[test]
    fn an_archive_page_is_prerendered_with_its_featured_text_from_its_file() {
        let page_json = r#"{"schema": 1, "article_url": "text/{id}.json", "older": "older-1.json",
            "articles": [{"id": "a", "published": "2024-05-15", "text_url": "text/a.json",
            "translations": {"fr": {"title": "Titre de la une"}}}]}"#;
        let text_json = r#"{"schema": 1, "articles": [{"id": "a", "published": "2024-05-15",
            "translations": {"fr": {"title": "Titre de la une", "body": ["Le texte, lu à part."]}}}]}"#;
        let read = |path: &str| (path == "text/a.json").then(|| text_json.to_string());
        let page = prerender_page(PAGE, page_json, &read).unwrap();
        assert!(page.contains("<p>Le texte, lu à part.</p>"), "{page}");
        assert!(page.contains("\"article_url\":\"text/{id}.json\""));
        assert!(page.contains("\"older\":\"older-1.json\""));
        // A text file that holds another article is not shown.
        let other = |_: &str| Some(text_json.replace("\"a\"", "\"b\""));
        let page = prerender_page(PAGE, page_json, &other).unwrap();
        assert!(!page.contains("Le texte, lu à part."));
        assert!(page.contains("Titre de la une"));
    }

    #[test]
    fn the_snapshot_renders_the_same_first_view_as_the_whole_collection() {
        let doc: Value = serde_json::from_str(BUNDLED).unwrap();
        let collection = read_collection(doc.clone()).unwrap().collection;
        let snapshot = first_view_snapshot(&doc, &collection, Lang::Fr);
        let whole = render_first_view(&FirstView {
            snapshot: collection,
            lang: Lang::Fr,
        });
        let part = render_first_view(&FirstView {
            snapshot: read_collection(snapshot.clone()).unwrap().collection,
            lang: Lang::Fr,
        });
        assert_eq!(part, whole);
        let bodies = snapshot["articles"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["translations"]["fr"].get("body").is_some())
            .count();
        assert_eq!(bodies, 1, "only the featured article's text");
    }

    #[test]
    fn data_can_never_close_the_snapshot_script() {
        let hostile = r#"{"schema": 1, "articles": [{"id": "x", "translations": {"fr": {"title": "</script><script>alert(1)</script>", "body": ["<!--"]}}}]}"#;
        let page = prerender_page(PAGE, hostile, &|_| None).unwrap();
        assert_eq!(
            page.matches("<script").count(),
            2,
            "the snapshot and the JSON-LD only"
        );
        assert!(!page.contains("<script>alert"));
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
        let page = PAGE.replace(" data-standalone", "");
        assert!(prerender_page(&page, BUNDLED, &|_| None).is_err());
    }
}
