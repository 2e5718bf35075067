//! Finds the viewer's host elements on the page, now and whenever more are added, and mounts a
//! viewer into each, inside its own shadow root so that the page's styles and the viewer's cannot
//! reach each other. The standalone page's prerendered viewer is hydrated in place instead.
//!
//! A host is any element with `data-article-viewer`. Its attributes:
//! - `data-src`: URL of the collection (default: the `articles.json` beside the viewer's files);
//! - `data-lang`: `fr`, `en` or `ar`; `data-article`: the article to open;
//! - `data-view="ticker"`: only the headline ticker; `data-link`: the publisher's page for an article
//!   (where a strip's headlines lead, and what Share gives), with
//!   `{id}` and `{lang}` filled in (e.g. `/news/{id}?lang={lang}`);
//! - `data-ticker-speed`: pixels per second (default 60);
//! - `data-refresh`: seconds between two readings of the collection file (default 300; 0: never);
//! - `data-label`: name of the ticker's landmark, when a page holds several tickers;
//! - `data-theme`: `light`, `dark` or `sepia`, the viewer's theme until the reader picks one;
//! - `data-standalone`: the viewer owns the page (URL, history, title, `<html lang>`), and the
//!   prerender writes its first view into it, with its snapshot in the `script[data-first-view]`
//!   right after it. The site's root holds one such host per edition, each in a
//!   `[data-edition]` element, of which the script in its head has picked the reader's;
//! - `data-frame`: the viewer is the whole page of an iframe: it reads `?article=&lang=` and posts
//!   its height to the parent window.

#[cfg(feature = "hydrate")]
use crate::data::read::parse_collection;
use crate::i18n::Lang;
use crate::js::bundle_base;
use crate::routing::{parse_location, site_of};
use crate::ui::prefs::Theme;
use crate::ui::state::Config;
use crate::ui::state::FirstView;
use crate::ui::Viewer;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

/// The message an iframe viewer posts to its parent when its height changes.
pub const FRAME_HEIGHT_MESSAGE: &str = "article-viewer:height";
/// The message an iframe viewer posts to its parent to bring a point of it (`top`, in px from the
/// frame's top) into view.
pub const FRAME_SCROLL_MESSAGE: &str = "article-viewer:scroll";

/// Mounts a viewer into every host element on the page, and into those added later.
pub fn mount_all_and_watch() {
    mount_all();
    let on_change = Closure::<dyn FnMut()>::new(mount_all);
    if let (Ok(observer), Some(body)) = (
        web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()),
        document().body(),
    ) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = observer.observe_with_options(&body, &options);
    }
    // The observer lives as long as the page.
    on_change.forget();
}

/// Mounts a viewer into every `[data-article-viewer]` element not yet mounted.
pub fn mount_all() {
    crate::js::keep_the_readers_edition();
    let Ok(hosts) = document().query_selector_all("[data-article-viewer]:not([data-mounted])")
    else {
        return;
    };
    for host in (0..hosts.length()).filter_map(|i| hosts.item(i)?.dyn_into::<HtmlElement>().ok()) {
        if let Err(error) = mount_viewer(&host) {
            leptos::logging::error!("news-viewer: could not mount a viewer: {error:?}");
        }
    }
}

/// Reads a host element's settings (see the module's documentation) and the browser's languages.
pub fn read_config(host: &HtmlElement) -> Config {
    let attr = |name: &str| host.get_attribute(name).filter(|v| !v.trim().is_empty());
    let standalone = host.has_attribute("data-standalone");
    let reads_url = standalone || host.has_attribute("data-frame");
    let location = window().location();
    let (url_article, url_lang) = match reads_url {
        true => parse_location(
            &location.pathname().unwrap_or_default(),
            &location.search().unwrap_or_default(),
        ),
        false => (None, None),
    };
    let defaults = Config::default();
    let bundled = web_sys::Url::new_with_base(&defaults.src, &bundle_base()).map(|u| u.href());
    let src = attr("data-src").or(bundled.ok()).unwrap_or(defaults.src);
    Config {
        site: (!reads_url).then(|| site_of(&src)).flatten(),
        src,
        standalone,
        frame: host.has_attribute("data-frame"),
        pages: false,
        refresh_ms: attr("data-refresh")
            .map(|v| js_sys::Number::parse_float(&v))
            .filter(|v| v.is_finite() && *v >= 0.0)
            .map_or(defaults.refresh_ms, |seconds| (seconds * 1000.0) as u32),
        ticker_speed: attr("data-ticker-speed")
            // The browser's own number reading (Rust's `f64::from_str` would add 4 KB).
            .map(|v| js_sys::Number::parse_float(&v))
            .filter(|v| v.is_finite() && *v > 0.0)
            .unwrap_or(defaults.ticker_speed),
        lang: attr("data-lang")
            .and_then(|l| Lang::from_tag(&l))
            .or(url_lang),
        article: url_article.or_else(|| attr("data-article")),
        ticker_only: attr("data-view").as_deref() == Some("ticker"),
        link_pattern: attr("data-link"),
        label: attr("data-label"),
        theme: attr("data-theme").and_then(|t| Theme::from_name(&t)),
        browser_languages: window()
            .navigator()
            .languages()
            .iter()
            .filter_map(|l| l.as_string())
            .collect(),
    }
}

/// The first view host `host` was prerendered with (see `crate::prerender`), and the build that
/// rendered it, when its snapshot reads.
#[cfg(feature = "hydrate")]
fn first_view(host: &HtmlElement, standalone: bool) -> Option<(HtmlElement, FirstView, String)> {
    // A page's host holds its first view, the snapshot after it; an embedded host (a fragment,
    // see `crate::prerender`) holds a shadow root whose last element is a `div` with the view,
    // and the snapshot after that root.
    let script = match standalone {
        true => host.next_element_sibling(),
        false => host
            .query_selector(":scope > script[data-first-view]")
            .ok()?,
    }
    .filter(|s| s.has_attribute("data-first-view"))?;
    let target = match standalone {
        true => host.clone(),
        false => host.shadow_root()?.last_element_child()?.dyn_into().ok()?,
    };
    if target.tag_name() != "DIV" {
        return None;
    }
    let lang = Lang::from_tag(&script.get_attribute("data-lang")?)?;
    let article = script.get_attribute("data-article");
    let snapshot = parse_collection(&script.text_content()?).ok()?.collection;
    let build = script.get_attribute("data-build").unwrap_or_default();
    Some((
        target,
        FirstView {
            snapshot,
            lang,
            article,
            // An embedded viewer's article stays: it arrives there on every load.
            arriving: !standalone || !crate::js::returning(),
        },
        build,
    ))
}

fn mount_viewer(host: &HtmlElement) -> Result<(), wasm_bindgen::JsValue> {
    host.set_attribute("data-mounted", "")?;
    #[allow(unused_mut)]
    let mut config = read_config(host);
    #[cfg(feature = "hydrate")]
    let first = first_view(host, config.standalone);
    #[cfg(not(feature = "hydrate"))]
    let first: Option<(HtmlElement, FirstView, String)> = None;
    // The standalone page is ours: its viewer lives in the light DOM, styled by the page's own
    // stylesheet, and hydrates the first view prerendered into it; so does an embedded viewer
    // whose fragment is in its shadow root. The first view is in the language and at the article
    // it was rendered for, unless the host or the page's address asks for others.
    let (target, first_view) = match first {
        // (The stamp is only read where the app can hydrate.)
        Some((target, first_view, _build)) => {
            // Pages were published with it: the site's, or, embedded, beside the collection
            // file (see `routing::site_of`).
            config.pages = true;
            config.lang = config.lang.or(Some(first_view.lang));
            config.article = config.article.or_else(|| first_view.article.clone());
            #[cfg(feature = "hydrate")]
            if _build == crate::BUILD {
                return hydrate(target, config, first_view);
            }
            // A first view of another build may hold other markup than this app renders, and
            // hydrating it would panic: the same first view is rendered afresh in its place.
            target.set_inner_html("");
            (target, Some(first_view))
        }
        None => (in_shadow_root(host)?, None),
    };
    leptos::mount::mount_to(
        target,
        move || view! { <Viewer config host=super::browser() first_view /> },
    )
    .forget();
    Ok(())
}

/// Hydrates the first view prerendered into `host`.
#[cfg(feature = "hydrate")]
fn hydrate(
    host: HtmlElement,
    config: Config,
    first_view: FirstView,
) -> Result<(), wasm_bindgen::JsValue> {
    // Leptos' hydration reads what a streaming server would have left beside the page
    // (resources, errors, chunks); a prerendered page has none of them.
    for name in [
        "__RESOLVED_RESOURCES",
        "__SERIALIZED_ERRORS",
        "__INCOMPLETE_CHUNKS",
    ] {
        js_sys::Reflect::set(&window(), &name.into(), &js_sys::Array::new())?;
    }
    let first_view = Some(first_view);
    crate::format::keeping_prerendered(|| {
        leptos::mount::hydrate_from(
            host,
            move || view! { <Viewer config host=super::browser() first_view /> },
        )
    })
    .forget();
    Ok(())
}

/// An embedded viewer's place: a container in `host`'s own shadow root, with the viewer's
/// stylesheet.
fn in_shadow_root(host: &HtmlElement) -> Result<HtmlElement, wasm_bindgen::JsValue> {
    // A fragment left without a first view that reads is replaced.
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    shadow.set_inner_html("");
    // The viewer's stylesheet is the file the standalone page links: downloaded once and shared
    // by every viewer (a strict Content-Security-Policy allows it as 'self'). The viewer stays
    // unseen until it applies, so it never shows unstyled.
    let link = document().create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute(
        "href",
        &web_sys::Url::new_with_base("viewer.css", &bundle_base())?.href(),
    )?;
    let container: HtmlElement = document().create_element("div")?.unchecked_into();
    container.style().set_property("visibility", "hidden")?;
    let shown = container.clone();
    let reveal = Closure::<dyn FnMut()>::new(move || {
        let _ = shown.style().remove_property("visibility");
    });
    for event in ["load", "error"] {
        link.add_event_listener_with_callback(event, reveal.as_ref().unchecked_ref())?;
    }
    reveal.forget(); // called by the link, which lives as long as the viewer
    shadow.append_child(&link)?;
    shadow.append_child(&container)?;
    if host.has_attribute("data-frame") {
        post_height_to_parent(&container)?;
    }
    Ok(container)
}

/// Puts the reader at the article they have just opened: focus on its heading (`heading`), and
/// its top in view. The standalone page scrolls itself to the top (see `page`); an embedded
/// viewer scrolls its host page when the article's top is out of view; an iframe viewer asks
/// its parent, which alone can scroll.
pub fn arrive_at(heading: &HtmlElement, standalone: bool, frame: bool) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = heading.focus_with_options(&options);
    if standalone {
        return;
    }
    // The article's top: the notice above it, if any, is part of it.
    let Some(main) = heading.closest(".nv-main").ok().flatten() else {
        return;
    };
    let top = main.get_bounding_client_rect().top();
    if frame {
        let scrolled = window().scroll_y().unwrap_or_default();
        tell_parent(FRAME_SCROLL_MESSAGE, "top", top + scrolled);
    } else {
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or_default();
        if top < 0.0 || top > height * 0.8 {
            main.scroll_into_view();
        }
    }
}

/// Posts `{ type: kind, [key]: value }` to the parent window of an iframe viewer.
fn tell_parent(kind: &str, key: &str, value: f64) {
    let Some(parent) = window().parent().ok().flatten() else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    let _ = js_sys::Reflect::set(&message, &key.into(), &value.into());
    let _ = parent.post_message(&message, "*");
}

/// Tells the parent window the viewer's height whenever it changes, so the parent can size the
/// iframe without scrollbars (see `public/article-viewer-frame.js`). Not while the file loads:
/// the iframe keeps the height its page reserved, since sized to the few lines that say so, it
/// would pull the page's content below it up, then push it down again once the viewer shows.
fn post_height_to_parent(viewer: &HtmlElement) -> Result<(), wasm_bindgen::JsValue> {
    let measured = viewer.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        if let Ok(Some(_)) = measured.query_selector(".nv-loading") {
            return;
        }
        let height = measured.get_bounding_client_rect().height().ceil();
        tell_parent(FRAME_HEIGHT_MESSAGE, "height", height);
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
    observer.observe(viewer);
    // Both live as long as the frame's page.
    on_resize.forget();
    std::mem::forget(observer);
    Ok(())
}
