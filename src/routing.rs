//! The standalone viewer's addresses. A published site (see `crate::prerender`) has a page per
//! edition and per article in each of its languages, all in one folder beside the collection
//! file: `fr.html`, `<id>.fr.html`. Moving between them never changes the folder, so whatever
//! resolves against the page's address (the data, the start-up script, links) resolves the same
//! on every page, under any sub-path of any static host, without rewrites. A page that is not
//! published (a hand-edited collection) links with the query `?article=ID&lang=xx`, which
//! published pages still read: those links are in the wild.

use crate::data::rules::{is_allowed_url, is_article_id};
use crate::i18n::{fill, Lang};

/// The link to an article in a language, relative to the current page: its published page
/// (`pages`), else the query.
pub fn article_href(id: &str, lang: Lang, pages: bool) -> String {
    match pages {
        true => page_href(Some(id), lang),
        false => format!("?article={id}&lang={}", lang.code()),
    }
}

/// The published page of an article in `lang`, or of the edition in `lang` (no article).
pub fn page_href(id: Option<&str>, lang: Lang) -> String {
    match id {
        Some(id) => format!("{id}.{}.html", lang.code()),
        None => format!("{}.html", lang.code()),
    }
}

/// The article and language a page's address asks for: its query if it has one (old links),
/// else its file name (see `page_href`). What cannot be an article id or an interface language
/// is ignored.
pub fn parse_location(path: &str, query: &str) -> (Option<String>, Option<Lang>) {
    let asked = parse_query(query);
    if asked != (None, None) {
        return asked;
    }
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some(name) = name.strip_suffix(".html") else {
        return (None, None);
    };
    let lang = |code: &str| Lang::ALL.into_iter().find(|l| l.code() == code);
    match name.rsplit_once('.') {
        Some((id, code)) if is_article_id(id) => match lang(code) {
            Some(lang) => (Some(id.to_string()), Some(lang)),
            None => (None, None),
        },
        Some(_) => (None, None),
        None => (None, lang(name)),
    }
}

/// The publisher's page for an article: their `data-link` pattern with `{id}` and `{lang}` filled
/// in, if the result passes the URL allow-list.
pub fn publisher_link(pattern: &str, id: &str, lang: Lang) -> Option<String> {
    Some(fill(pattern, &[("id", id), ("lang", lang.code())])).filter(|url| is_allowed_url(url))
}

/// The link of a ticker's headline: the publisher's page (see `publisher_link`), else the
/// viewer's own (see `article_href`).
pub fn pattern_href(pattern: Option<&str>, id: &str, lang: Lang, pages: bool) -> String {
    pattern
        .and_then(|p| publisher_link(p, id, lang))
        .unwrap_or_else(|| article_href(id, lang, pages))
}

/// The article and language a query string (with or without its `?`) asks for. Values that cannot
/// be an article id or an interface language are ignored.
pub fn parse_query(query: &str) -> (Option<String>, Option<Lang>) {
    let mut article = None;
    let mut lang = None;
    for pair in query.trim_start_matches('?').split('&') {
        match pair.split_once('=') {
            Some(("article", id)) if is_article_id(id) => article = Some(id.to_string()),
            Some(("lang", code)) => lang = Lang::from_tag(code).or(lang),
            _ => {}
        }
    }
    (article, lang)
}

/// A URL from the data made ready for `href` or `src`: it must pass the allow-list, and a relative
/// path is resolved against the collection file it came from (`collection_src`, itself relative
/// to the page). `None` when it is not allowed or does not resolve to http(s).
pub fn safe_href(url: &str, collection_src: &str) -> Option<String> {
    if !is_allowed_url(url) {
        return None;
    }
    // The prerender renders the page that sits beside the collection file, so a relative path
    // resolves the same against either.
    if cfg!(not(target_arch = "wasm32")) {
        return Some(url.trim().to_string());
    }
    let page = web_sys::window()?.document()?.base_uri().ok()??;
    let collection = web_sys::Url::new_with_base(collection_src, &page).ok()?;
    let resolved = web_sys::Url::new_with_base(url.trim(), &collection.href()).ok()?;
    matches!(resolved.protocol().as_str(), "http:" | "https:").then(|| resolved.href())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_round_trip_through_the_query_string() {
        let href = article_href("russie-aide-militaire", Lang::Ar, false);
        assert_eq!(href, "?article=russie-aide-militaire&lang=ar");
        assert_eq!(
            parse_query(&href),
            (Some("russie-aide-militaire".into()), Some(Lang::Ar))
        );
    }

    #[test]
    fn published_pages_round_trip_through_their_file_names() {
        for lang in Lang::ALL {
            let href = article_href("a-1", lang, true);
            assert_eq!(href, format!("a-1.{}.html", lang.code()));
            let path = format!("/news/{href}");
            assert_eq!(parse_location(&path, ""), (Some("a-1".into()), Some(lang)));
            let edition = page_href(None, lang);
            assert_eq!(parse_location(&edition, ""), (None, Some(lang)));
        }
        // An old link on a page: its query wins.
        assert_eq!(
            parse_location("/news/a-1.fr.html", "?article=b&lang=en"),
            (Some("b".into()), Some(Lang::En))
        );
        for other in ["/", "/index.html", "/news/", "/x.de.html", "/A.fr.html", "/a.b.fr.html", "/fr.htm"] {
            assert_eq!(parse_location(other, ""), (None, None), "{other}");
        }
    }

    #[test]
    fn ticker_links_follow_the_publishers_pattern_when_it_is_safe() {
        assert_eq!(
            pattern_href(Some("/news/{id}?lang={lang}"), "a-1", Lang::En, true),
            "/news/a-1?lang=en"
        );
        assert_eq!(
            pattern_href(Some("javascript:go('{id}')"), "a-1", Lang::En, false),
            "?article=a-1&lang=en"
        );
        assert_eq!(pattern_href(None, "a-1", Lang::Fr, false), "?article=a-1&lang=fr");
        assert_eq!(pattern_href(None, "a-1", Lang::Fr, true), "a-1.fr.html");
    }

    #[test]
    fn unusable_query_values_are_ignored() {
        assert_eq!(parse_query(""), (None, None));
        assert_eq!(parse_query("?article=<script>&lang=de&x=1"), (None, None));
        assert_eq!(parse_query("lang=en&utm_source=x"), (None, Some(Lang::En)));
    }
}
