//! Finds the viewer's host elements on the page and mounts a viewer into each, inside its own
//! shadow root so that the page's styles and the viewer's cannot reach each other.

use crate::components::Viewer;
use crate::i18n::Lang;
use crate::routing::parse_query;
use crate::state::Config;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

/// The viewer's stylesheet, adopted by each shadow root (a constructed stylesheet, so a strict
/// Content-Security-Policy without 'unsafe-inline' styles allows it).
const STYLESHEET: &str = include_str!("../style/viewer.css");

/// Mounts a viewer into every `[data-article-viewer]` element not yet mounted.
pub fn mount_all() {
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

/// Reads a host element's settings. `data-standalone` makes the viewer own the page; the URL then
/// names the article and language, after the host's own `data-lang`.
pub fn read_config(host: &HtmlElement) -> Config {
    let attr = |name: &str| host.get_attribute(name).filter(|v| !v.trim().is_empty());
    let standalone = host.has_attribute("data-standalone");
    let (url_article, url_lang) = match standalone {
        true => parse_query(&window().location().search().unwrap_or_default()),
        false => (None, None),
    };
    let defaults = Config::default();
    Config {
        src: attr("data-src").unwrap_or(defaults.src),
        standalone,
        ticker_speed: attr("data-ticker-speed")
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite() && *v > 0.0)
            .unwrap_or(defaults.ticker_speed),
        lang: attr("data-lang")
            .and_then(|l| Lang::from_tag(&l))
            .or(url_lang),
        article: url_article.or_else(|| attr("data-article")),
    }
}

fn mount_viewer(host: &HtmlElement) -> Result<(), wasm_bindgen::JsValue> {
    host.set_attribute("data-mounted", "")?;
    let config = read_config(host);
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(STYLESHEET)?;
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let container: HtmlElement = document().create_element("div")?.unchecked_into();
    shadow.append_child(&container)?;
    leptos::mount::mount_to(container, move || view! { <Viewer config /> }).forget();
    Ok(())
}
