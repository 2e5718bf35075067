//! Deep links of the standalone page: `?article=ID&lang=xx`, a form that works with `trunk serve`
//! and on any static host under any sub-path.

use crate::data::rules::{is_allowed_url, is_article_id};
use crate::i18n::{fill, Lang};

/// The link to an article in a language, relative to the current page.
pub fn article_href(id: &str, lang: Lang) -> String {
    format!("?article={id}&lang={}", lang.code())
}

/// The publisher's page for an article: their `data-link` pattern with `{id}` and `{lang}` filled
/// in, if the result passes the URL allow-list.
pub fn publisher_link(pattern: &str, id: &str, lang: Lang) -> Option<String> {
    Some(fill(pattern, &[("id", id), ("lang", lang.code())])).filter(|url| is_allowed_url(url))
}

/// The link of a ticker-only viewer's headline: the publisher's page (see `publisher_link`), else
/// the viewer's own deep link.
pub fn pattern_href(pattern: Option<&str>, id: &str, lang: Lang) -> String {
    pattern
        .and_then(|p| publisher_link(p, id, lang))
        .unwrap_or_else(|| article_href(id, lang))
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
        let href = article_href("russie-aide-militaire", Lang::Ar);
        assert_eq!(href, "?article=russie-aide-militaire&lang=ar");
        assert_eq!(
            parse_query(&href),
            (Some("russie-aide-militaire".into()), Some(Lang::Ar))
        );
    }

    #[test]
    fn ticker_links_follow_the_publishers_pattern_when_it_is_safe() {
        assert_eq!(
            pattern_href(Some("/news/{id}?lang={lang}"), "a-1", Lang::En),
            "/news/a-1?lang=en"
        );
        assert_eq!(
            pattern_href(Some("javascript:go('{id}')"), "a-1", Lang::En),
            "?article=a-1&lang=en"
        );
        assert_eq!(pattern_href(None, "a-1", Lang::Fr), "?article=a-1&lang=fr");
    }

    #[test]
    fn unusable_query_values_are_ignored() {
        assert_eq!(parse_query(""), (None, None));
        assert_eq!(parse_query("?article=<script>&lang=de&x=1"), (None, None));
        assert_eq!(parse_query("lang=en&utm_source=x"), (None, Some(Lang::En)));
    }
}
