//! Glue for a viewer that owns its page: the URL, the history, the document title and
//! `<html lang dir>` follow it. An embedded viewer never touches any of these.

use crate::routing::{article_href, parse_query};
use crate::ui::state::ViewerState;
use leptos::prelude::*;

/// Keeps the page in step with `state`, and `state` in step with Back and Forward.
pub fn follow_viewer(state: ViewerState) {
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
            let _ = root.set_attribute("dir", lang.dir());
        }
        let name = lang.strings().viewer_name;
        let default = state.collection().and_then(|c| c.default_language.clone());
        let title = match state.with_article(|_, a| {
            a.translation_for(lang.code(), default.as_deref())
                .1
                .title
                .to_string()
        }) {
            Ok(Some(title)) => format!("{title} — {name}"),
            Ok(None) => name.to_string(),
            Err(_) => format!("{} — {name}", lang.strings().article_not_found),
        };
        document().set_title(&title);
    });

    // Set while the state follows Back or Forward: the URL is then already the one to show, and
    // writing it again would cut off the entries ahead (Forward would be lost).
    let from_history = StoredValue::new(false);

    // A new article is a new history entry, so Back walks the articles read; a new language
    // only rewrites the current entry.
    Effect::new(move |previous: Option<Option<String>>| {
        let article = state.article_id.get();
        let lang = state.lang.get();
        if from_history.get_value() {
            from_history.set_value(false);
            return article;
        }
        let query = match &article {
            Some(id) => article_href(id, lang),
            None => format!("?lang={}", lang.code()),
        };
        let location = window().location();
        let history = window().history();
        if let (Some(previous), Ok(current), Ok(history)) = (&previous, location.search(), history)
        {
            if current != query {
                let url = format!("{query}{}", location.hash().unwrap_or_default());
                let _ = match previous != &article {
                    true => {
                        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                    }
                    false => {
                        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                    }
                };
            }
            if previous != &article {
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        article
    });

    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        let (article, lang) = parse_query(&window().location().search().unwrap_or_default());
        let new_article = article != state.article_id.get_untracked();
        // Only when the URL effect will run (and clear it): else the next change would be lost.
        from_history.set_value(lang.is_some() || new_article);
        if let Some(lang) = lang {
            state.lang.set(lang);
        }
        if new_article {
            state.navigate(article);
        }
    });
    on_cleanup(move || listener.remove());
    keep_place_across_reloads(state);
}

/// The key of the scroll position in a history entry's state.
const SCROLL_KEY: &str = "newsViewerScroll";

/// A reload puts the reader back where they were: the position is written into the history entry
/// when the page is left, and restored once the article is shown with the file's data (until
/// then a deep-linked article may lack its text, and the page its height).
fn keep_place_across_reloads(state: ViewerState) {
    let saved = window()
        .history()
        .and_then(|h| h.state())
        .ok()
        .and_then(|s| js_sys::Reflect::get(&s, &SCROLL_KEY.into()).ok())
        .and_then(|y| y.as_f64());
    let pending = StoredValue::new(saved);
    Effect::new(move |_| {
        if state.busy.get() {
            return;
        }
        if let Some(y) = pending.get_value() {
            pending.set_value(None);
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
        }
    });
    let on_leave = window_event_listener(leptos::ev::pagehide, |_| {
        let place = js_sys::Object::new();
        let y = window().scroll_y().unwrap_or_default();
        let _ = js_sys::Reflect::set(&place, &SCROLL_KEY.into(), &y.into());
        if let Ok(history) = window().history() {
            let _ = history.replace_state(&place, "");
        }
    });
    on_cleanup(move || on_leave.remove());
}
