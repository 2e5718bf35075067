//! Glue for a viewer that owns its page: the URL, the history, the document title and
//! `<html lang dir>` follow it. An embedded viewer never touches any of these.

use crate::routing::{file_name, page_href, parse_location};
use crate::ui::navigation::Arrival;
use crate::ui::state::ViewerState;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Keeps the page in step with `state`, and `state` in step with Back and Forward.
pub fn follow_viewer(state: ViewerState) {
    follow_in_title_and_language(state);
    // Set while the state follows Back or Forward: the URL is then already the one to show, and
    // writing it again would cut off the entries ahead (Forward would be lost).
    let from_history = StoredValue::new(false);
    let entries = Entries::follow_scroll();
    write_history(state, from_history, entries);
    follow_history(state, from_history, entries);
    keep_place_across_reloads(state);
}

/// The document's title and `<html lang dir>` follow the open article and the language.
fn follow_in_title_and_language(state: ViewerState) {
    Effect::new(move |_| {
        let lang = state.prefs.lang.get();
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
}

/// The viewer's history entries: which one is shown (its number in its state: 0, or none, for the
/// one the reader arrived at), and the reader's place in each they left, as they left it. The
/// viewer alone puts the reader back in place (`scrollRestoration` is `manual`): the browser
/// would save an entry's place at `pushState`, when the next article is already shown, clamped
/// to that one's height, and restore it at a time of its own, racing the viewer's.
#[derive(Default)]
struct Entries {
    /// The entry shown.
    shown: usize,
    /// The reader's place in each entry, as they left it since the page was loaded (`NaN`: not).
    places: Vec<f64>,
    /// Where the reader is, as of the last scroll: scroll events come at the next frame, so this
    /// is still the place in the article being left when the next one is already in the page.
    reading_at: f64,
}

impl Entries {
    fn follow_scroll() -> StoredValue<Entries> {
        if let Ok(history) = window().history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        let shown = window().history().ok().and_then(|h| h.state().ok());
        let shown = js_sys::Reflect::get(&shown.unwrap_or_default(), &ENTRY_KEY.into()).ok();
        let entries = StoredValue::new(Entries {
            shown: shown.and_then(|n| n.as_f64()).unwrap_or_default() as usize,
            ..Entries::default()
        });
        let scrolled = move || {
            let y = window().scroll_y().unwrap_or_default();
            entries.try_update_value(|e| e.reading_at = y);
        };
        // The first is read at the next frame: reading it now would lay the page out mid-mount.
        request_animation_frame(scrolled);
        let on_scroll = window_event_listener(leptos::ev::scroll, move |_| scrolled());
        on_cleanup(move || on_scroll.remove());
        entries
    }

    /// The reader leaves the entry shown, at `y`, for entry `next`.
    fn leave_for(&mut self, next: usize, y: f64) {
        if self.places.len() <= self.shown {
            self.places.resize(self.shown + 1, f64::NAN);
        }
        self.places[self.shown] = y;
        self.shown = next;
    }
}

/// A new article is a new history entry, so Back walks the articles read; a new language only
/// rewrites the current entry. An entry the reader leaves for another article keeps their place
/// in it and the link they followed, which Back and Forward restore.
fn write_history(
    state: ViewerState,
    from_history: StoredValue<bool>,
    entries: StoredValue<Entries>,
) {
    Effect::new(move |previous: Option<Option<String>>| {
        let article = state.nav.article_id.get();
        let lang = state.prefs.lang.get();
        if from_history.get_value() {
            from_history.set_value(false);
            return article;
        }
        let pages = state.pages();
        let address = match (&article, pages) {
            (Some(id), _) => state.article_href(id, lang),
            (None, true) => page_href(None, lang),
            (None, false) => format!("?lang={}", lang.code()),
        };
        let (Some(current), Ok(history)) = (current_address(pages), window().history()) else {
            return article;
        };
        let url = format!(
            "{address}{}",
            window().location().hash().unwrap_or_default()
        );
        let moved = previous
            .as_ref()
            .is_some_and(|previous| previous != &article);
        // At first, only a published page reached by an old link (`?article=…`) takes its own
        // address, in place of the one it came in by; the site's root keeps its own until the
        // reader moves.
        let arrived =
            pages && (current.contains('?') || parse_location(&current, "") != (None, None));
        if current != address && (previous.is_some() || arrived) {
            let _ = match moved {
                true => {
                    // As the reader followed the link, else as of the last scroll.
                    let followed_at = state.nav.followed_at.get_value();
                    state.nav.followed_at.set_value(f64::NAN);
                    let (left, last) = entries.with_value(|e| (e.shown, e.reading_at));
                    let place = if followed_at.is_nan() {
                        last
                    } else {
                        followed_at
                    };
                    let next = left + 1;
                    entries.update_value(|e| {
                        e.leave_for(next, place);
                        // The entries ahead are gone.
                        e.places.truncate(next);
                    });
                    let followed = state.nav.followed.get_value();
                    let to = article.as_deref().unwrap_or_default();
                    history
                        .replace_state(&entry_state(left, Some(place), followed, to), "")
                        .and_then(|_| {
                            history.push_state_with_url(
                                &entry_state(next, None, "", ""),
                                "",
                                Some(&url),
                            )
                        })
                }
                // The entry's state stays.
                false => history.replace_state_with_url(
                    &history.state().unwrap_or(JsValue::NULL),
                    "",
                    Some(&url),
                ),
            };
        }
        if moved {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        article
    });
}

/// Where the page is, as the viewer's addresses say it: its file name and query on a published
/// page, else its query.
fn current_address(pages: bool) -> Option<String> {
    let location = window().location();
    let query = location.search().ok()?;
    match pages {
        true => {
            let path = location.pathname().ok()?;
            Some(file_name(&path).to_string() + &query)
        }
        false => Some(query),
    }
}

/// Back and Forward: the entry's article and language show again, at the place the reader had in
/// it, with focus on the headline they had followed from it (else its heading, when on screen).
fn follow_history(
    state: ViewerState,
    from_history: StoredValue<bool>,
    entries: StoredValue<Entries>,
) {
    let listener = window_event_listener(leptos::ev::popstate, move |event| {
        let saved = |key: &str| js_sys::Reflect::get(&event.state(), &key.into()).ok();
        let link = saved(LINK_KEY).and_then(|class| class.as_string());
        let left = saved(LEFT_KEY).and_then(|id| id.as_string());
        // Not an entry of the viewer's (the page's own `#fragment`): the browser's.
        if let Some(entry) = saved(ENTRY_KEY).and_then(|n| n.as_f64()) {
            let entry = entry as usize;
            // Where the reader left it since this page was loaded, else where they followed a
            // link from it (before a reload), else its top (an entry ahead, after a reload).
            let place = entries.try_update_value(|e| {
                e.leave_for(entry, e.reading_at);
                e.places.get(entry).copied().filter(|y| !y.is_nan())
            });
            let y = place
                .flatten()
                .or_else(|| saved(PLACE_KEY).and_then(|y| y.as_f64()))
                .unwrap_or_default();
            // Once the entry's article is shown again.
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
        }
        let location = window().location();
        let (article, lang) = parse_location(
            &location.pathname().unwrap_or_default(),
            &location.search().unwrap_or_default(),
        );
        let new_article = article != state.nav.article_id.get_untracked();
        // Only when the URL effect will run (and clear it): else the next change would be lost.
        from_history.set_value(lang.is_some() || new_article);
        if let Some(lang) = lang {
            state.prefs.lang.set(lang);
        }
        if new_article {
            // Not the heading, which may be far above the place the reader is put back at: the
            // link the reader last followed from this entry, saved as they followed it (none
            // when they have only ever left it by Back or Forward).
            let arrival = Arrival::Headline(left.unwrap_or_default(), link.unwrap_or_default());
            state.navigate_to(article, arrival);
        }
    });
    on_cleanup(move || listener.remove());
}

/// The keys of a history entry's state: its number, the reader's place in it, the class of the
/// link they last followed from there, and that link's article.
const ENTRY_KEY: &str = "newsViewerEntry";
const PLACE_KEY: &str = "newsViewerPlace";
const LINK_KEY: &str = "newsViewerLink";
const LEFT_KEY: &str = "newsViewerLeft";

/// History entry number `entry`'s state: the reader's place `y` as they followed the `link` they
/// last followed from there, to the article `left`.
fn entry_state(entry: usize, y: Option<f64>, link: &str, left: &str) -> JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &ENTRY_KEY.into(), &(entry as f64).into());
    if let Some(y) = y {
        let _ = js_sys::Reflect::set(&state, &PLACE_KEY.into(), &y.into());
    }
    let _ = js_sys::Reflect::set(&state, &LINK_KEY.into(), &link.into());
    let _ = js_sys::Reflect::set(&state, &LEFT_KEY.into(), &left.into());
    state.into()
}

/// A reload puts the reader back where they were: the position (and the length of the list of
/// headlines, which the reader may have made longer) is kept for the tab
/// (`sessionStorage`, by page address) when the page is left, and restored once the article is
/// shown with the file's data and its text (until then a deep-linked article, or one whose text
/// is in a file of its own, may lack its text, and the page its height). Chrome drops a history
/// entry's state written while a reload unloads the page, so the history entry cannot hold it.
fn keep_place_across_reloads(state: ViewerState) {
    let key = place_key();
    let session = || window().session_storage().ok().flatten();
    // "<y> <rows>": the place, and how many headlines the list under the article showed. Only a
    // reload or a return through history comes back to a place; a new visit starts at the top.
    let saved = session()
        .and_then(|s| {
            let saved = s.get_item(&key).ok().flatten();
            let _ = s.remove_item(&key);
            saved
        })
        .filter(|_| crate::js::returning())
        .unwrap_or_default();
    // The browser's own number reading (Rust's would add kilobytes): a number up to a space; a
    // cast makes anything else (NaN) no rows.
    let rows = js_sys::Number::parse_float(saved.split(' ').nth(1).unwrap_or_default()) as usize;
    let pending =
        StoredValue::new(Some(js_sys::Number::parse_float(&saved)).filter(|y| y.is_finite()));
    Effect::new(move |_| {
        if state.feed.busy.get() || state.text_on_its_way() {
            return;
        }
        if let Some(y) = pending.get_value() {
            pending.set_value(None);
            if rows > state.nav.list_rows.get_untracked() {
                state.nav.list_rows.set(rows);
            }
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
        }
    });
    let on_leave = window_event_listener(leptos::ev::pagehide, move |_| {
        let y = window().scroll_y().unwrap_or_default();
        let rows = state.nav.list_rows.get_untracked();
        if let Some(s) = session() {
            let _ = s.set_item(&place_key(), &format!("{} {rows}", y.round() as i64));
        }
    });
    on_cleanup(move || on_leave.remove());
}

/// Where the reader's place on this page is kept: the page's address, past the origin.
fn place_key() -> String {
    let location = window().location();
    let part = |p: Result<String, _>| p.unwrap_or_default();
    format!(
        "news-viewer:place:{}{}",
        part(location.pathname()),
        part(location.search())
    )
}
