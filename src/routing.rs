//! The standalone viewer's addresses. A published site (see `crate::prerender`) has a page per
//! edition and per article in each of its languages, all in one folder beside the collection
//! file: `fr.html`, `<id>.fr.html`. Moving between them never changes the folder, so whatever
//! resolves against the page's address (the data, the start-up script, links) resolves the same
//! on every page, under any sub-path of any static host, without rewrites. A page that is not
//! published (a hand-edited collection) links with the query `?article=ID&lang=xx`, which
//! published pages still read: those links are in the wild.

use crate::data::rules::{is_allowed_url, is_article_id};
use crate::i18n::{fill, Lang};

/// The link to article `id` for a reader of `lang`, relative to the current page. On a
/// published site, its page in `page`, the language its title shows in (with `?lang=` when the
/// reader's is another: the article has no page in it); else the query.
pub fn article_href(id: &str, lang: Lang, page: Option<Lang>) -> String {
    match page {
        Some(page) if page == lang => page_href(Some(id), page),
        Some(page) => format!("{}?lang={}", page_href(Some(id), page), lang.code()),
        None => format!("?article={id}&lang={}", lang.code()),
    }
}

/// The published page of an article in `lang`, or of the edition in `lang` (no article).
pub fn page_href(id: Option<&str>, lang: Lang) -> String {
    let mut href = id.map_or(String::new(), |id| format!("{id}."));
    href.push_str(lang.code());
    href + ".html"
}

/// The article and language a page's address asks for: its file name's (see `page_href`), each
/// overridden by its query's (old links, `?lang=`). What cannot be an article id or an interface
/// language is ignored.
pub fn parse_location(path: &str, query: &str) -> (Option<String>, Option<Lang>) {
    let (asked_article, asked_lang) = parse_query(query);
    // Hosts with "pretty URLs" serve `a-1.fr.html` as `a-1.fr`.
    let name = file_name(path);
    let name = name.strip_suffix(".html").unwrap_or(name);
    // The last dot, found byte by byte (a reverse `char` search costs the bundle a kilobyte).
    let (id, code) = match name.bytes().rposition(|b| b == b'.') {
        Some(dot) => (Some(&name[..dot]), &name[dot + 1..]),
        None => (None, name),
    };
    // A page's language is a code of its own: `Lang::from_tag` also reads `fr-CA`, which no page
    // is named with, and is in the bundle anyway.
    let (article, lang) = match (id, Lang::from_tag(code)) {
        (Some(id), Some(lang)) if is_article_id(id) => (Some(id.to_string()), Some(lang)),
        (None, lang) => (None, lang),
        _ => (None, None),
    };
    (asked_article.or(article), asked_lang.or(lang))
}

/// The last segment of URL path `path`.
pub fn file_name(path: &str) -> &str {
    let start = path
        .bytes()
        .rposition(|b| b == b'/')
        .map_or(0, |slash| slash + 1);
    &path[start..]
}

/// The publisher's page for an article: their `data-link` pattern with `{id}` and `{lang}` filled
/// in, if the result passes the URL allow-list.
pub fn publisher_link(pattern: &str, id: &str, lang: Lang) -> Option<String> {
    Some(fill(pattern, &[("id", id), ("lang", lang.code())])).filter(|url| is_allowed_url(url))
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

/// `url` (allowed, see `is_allowed_url`) resolved against `base`, the URL of a file or a folder
/// (ending in `/`), when `base` is absolute: natively, where the prerender writes fragments for
/// other pages than the collection's (the browser has `URL`).
#[cfg(not(target_arch = "wasm32"))]
pub fn join_url(base: &str, url: &str) -> String {
    let url = url.trim();
    let lower = |s: &str| s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let web = |s: &str| lower(s).starts_with("https://") || lower(s).starts_with("http://");
    if web(url) || !web(base) {
        return url.to_string();
    }
    let origin_end = base[8..].find('/').map_or(base.len(), |i| i + 8);
    match url.strip_prefix('/') {
        Some(path) => format!("{}/{path}", &base[..origin_end]),
        None => {
            let folder = &base[..base
                .rfind('/')
                .filter(|&i| i >= origin_end)
                .map_or(base.len(), |i| i + 1)];
            let folder = if folder.ends_with('/') {
                folder.to_string()
            } else {
                format!("{folder}/")
            };
            format!("{folder}{}", url.trim_start_matches("./"))
        }
    }
}

/// An embedded viewer's site, given its collection file `src`: the folder of that file, where its
/// article links (see `article_href`) lead, so that they lead somewhere from the publisher's page
/// (a new tab, a reader without JavaScript, a ticker strip without `data-link`); the viewer's own
/// clicks open the article in place. `None` where it does not resolve to http(s) (a page opened
/// from disk): links are then the page's own.
pub fn site_of(src: &str) -> Option<String> {
    safe_href("./", src)
}

/// A URL from the data made ready for `href` or `src`: it must pass the allow-list, and a relative
/// path is resolved against the collection file it came from (`collection_src`, itself relative
/// to the page). `None` when it is not allowed or does not resolve to http(s).
pub fn safe_href(url: &str, collection_src: &str) -> Option<String> {
    if !is_allowed_url(url) {
        return None;
    }
    // The prerender renders pages that sit beside the collection file, so a relative path
    // resolves the same against either; fragments for other pages have the collection's
    // absolute address.
    #[cfg(not(target_arch = "wasm32"))]
    return Some(join_url(collection_src, url));
    #[cfg(target_arch = "wasm32")]
    {
        let page = web_sys::window()?.document()?.base_uri().ok()??;
        let collection = web_sys::Url::new_with_base(collection_src, &page).ok()?;
        let resolved = web_sys::Url::new_with_base(url.trim(), &collection.href()).ok()?;
        matches!(resolved.protocol().as_str(), "http:" | "https:").then(|| resolved.href())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_round_trip_through_the_query_string() {
        let href = article_href("russie-aide-militaire", Lang::Ar, None);
        assert_eq!(href, "?article=russie-aide-militaire&lang=ar");
        assert_eq!(
            parse_query(&href),
            (Some("russie-aide-militaire".into()), Some(Lang::Ar))
        );
    }

    #[test]
    fn published_pages_round_trip_through_their_file_names() {
        for lang in Lang::ALL {
            let href = article_href("a-1", lang, Some(lang));
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
        // An article without a page in the reader's language: its page in another, and theirs.
        let href = article_href("a-1", Lang::Ar, Some(Lang::Fr));
        assert_eq!(href, "a-1.fr.html?lang=ar");
        let (path, query) = href.split_once('?').unwrap();
        assert_eq!(
            parse_location(path, query),
            (Some("a-1".into()), Some(Lang::Ar))
        );
        assert_eq!(
            parse_location("/news/a-1.ar", ""),
            (Some("a-1".into()), Some(Lang::Ar))
        );
        for other in [
            "/",
            "/index.html",
            "/news/",
            "/x.de.html",
            "/A.fr.html",
            "/a.b.fr.html",
            "/fr.htm",
            "/demo",
        ] {
            assert_eq!(parse_location(other, ""), (None, None), "{other}");
        }
    }

    #[test]
    fn ticker_links_follow_the_publishers_pattern_when_it_is_safe() {
        assert_eq!(
            publisher_link("/news/{id}?lang={lang}", "a-1", Lang::En).as_deref(),
            Some("/news/a-1?lang=en")
        );
        assert_eq!(
            publisher_link("javascript:go('{id}')", "a-1", Lang::En),
            None
        );
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn urls_join_as_the_browser_joins_them() {
        let base = "https://news.example/maroc/articles.json";
        assert_eq!(
            join_url(base, "img/a.jpg"),
            "https://news.example/maroc/img/a.jpg"
        );
        assert_eq!(
            join_url(base, "./a.jpg"),
            "https://news.example/maroc/a.jpg"
        );
        assert_eq!(join_url(base, "/a.jpg"), "https://news.example/a.jpg");
        assert_eq!(
            join_url(base, "https://cdn.example/a.jpg"),
            "https://cdn.example/a.jpg"
        );
        assert_eq!(
            join_url("https://news.example/", "a.jpg"),
            "https://news.example/a.jpg"
        );
        assert_eq!(
            join_url("https://news.example", "a.jpg"),
            "https://news.example/a.jpg"
        );
        assert_eq!(join_url("articles.json", "a.jpg"), "a.jpg");
    }

    #[test]
    fn unusable_query_values_are_ignored() {
        assert_eq!(parse_query(""), (None, None));
        assert_eq!(parse_query("?article=<script>&lang=de&x=1"), (None, None));
        assert_eq!(parse_query("lang=en&utm_source=x"), (None, Some(Lang::En)));
    }
}
