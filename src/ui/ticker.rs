//! The headline ticker: the current edition's headlines in a seamless loop that moves at a
//! constant speed on the compositor, pauses for the reader and reads each headline once.

use super::{Headline, HeadlineLink};
use crate::routing::pattern_href;
use crate::ui::state::ViewerState;
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The most headlines the ticker carries: the newest of the edition. More would make one loop
/// last hours and cost every interaction; the list under the article reaches the rest.
pub const TICKER_MAX: usize = 100;

/// The strip of headlines. Motion is a CSS animation of the track over one copy's width; the
/// second copy only fills the loop, so it is hidden from assistive technology and inert.
#[component]
pub fn Ticker() -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let paused = RwSignal::new(false);
    let offscreen = RwSignal::new(false);
    let tab_hidden = RwSignal::new(false);
    let track = NodeRef::<html::Div>::new();

    keep_duration_in_step(state, track);
    idle_when_unseen(track, offscreen, tab_hidden);

    let label = move || state.strings().headlines;
    let custom_label = state.config.with_value(|c| c.label.clone());
    // A toggle button: one name, and `aria-pressed` says whether the ticker is paused (a name
    // that changed too would be read as "Play the ticker, pressed").
    let toggle_label = move || state.strings().pause_ticker;

    let empty = move || {
        state
            .collection()
            .is_none_or(|c| c.edition_for(state.lang.get()).is_empty())
    };
    view! {
        <section
            class="nv-ticker"
            class:is-paused=move || paused.get()
            class:is-idle=move || offscreen.get() || tab_hidden.get()
            class:is-empty=empty
            aria-labelledby=custom_label.is_none().then_some("nv-ticker-label")
            aria-label=custom_label
        >
            <span class="nv-ticker__label" id="nv-ticker-label">{label}</span>
            <div class="nv-ticker__viewport" on:focusout=settle_after_focus>
                <div class="nv-ticker__track" node_ref=track>
                    <HeadlineCopy hidden=false />
                    <HeadlineCopy hidden=true />
                </div>
            </div>
            <button
                type="button"
                class="nv-ticker__toggle"
                aria-pressed=move || paused.get().to_string()
                aria-label=toggle_label
                title=toggle_label
                on:click=move |_| paused.update(|p| *p = !*p)
            >
                <span class="nv-icon" aria-hidden="true"></span>
            </button>
        </section>
    }
}

/// Focusing a headline scrolls the viewport to show it; once focus leaves the ticker the scroll is
/// undone, so the loop resumes from where the animation stands.
fn settle_after_focus(ev: web_sys::FocusEvent) {
    let Some(viewport) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let focus_stays = ev
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|next| viewport.contains(Some(&next)));
    if !focus_stays {
        viewport.set_scroll_left(0);
    }
}

/// The headlines of the reader's edition (or the one it falls back to, see `edition_for`),
/// newest first, as the ticker links them.
fn edition_headlines(state: ViewerState) -> Vec<Headline> {
    let lang = state.lang.get();
    let Some(collection) = state.collection() else {
        return Vec::new();
    };
    let pattern = state.config.with_value(|c| c.link_pattern.clone());
    let default = collection.default_language.as_deref();
    collection
        .edition_for(lang)
        .iter()
        .take(TICKER_MAX)
        .map(|&i| {
            let article = &collection.articles[i];
            Headline {
                href: pattern_href(pattern.as_deref(), &article.id, lang),
                ..Headline::of(article, lang, default)
            }
        })
        .collect()
}

/// One copy of the headlines. The `hidden` copy exists only to close the loop.
#[component]
fn HeadlineCopy(
    /// Whether this is the duplicate that assistive technology and the keyboard must skip.
    hidden: bool,
) -> impl IntoView {
    let state = expect_context::<ViewerState>();
    // A ticker-only strip sends the reader to the publisher's pages.
    let opens_here = !state.config.with_value(|c| c.ticker_only);
    view! {
        <ul
            class="nv-ticker__copy"
            aria-hidden=hidden.then_some("true")
            inert=hidden
        >
            <For
                each=move || edition_headlines(state)
                key=|headline| headline.clone()
                let(headline)
            >
                <li class="nv-ticker__item">
                    <HeadlineLink headline class="nv-ticker__link" opens_here />
                </li>
            </For>
        </ul>
    }
}

/// Keeps the loop's duration equal to one copy's width divided by the configured speed, so the
/// ticker moves at the same px/s whatever the number or length of headlines, and recomputes it
/// whenever that width changes (new edition, resize, fonts). The track holds the two copies side
/// by side, so one copy is half its width.
fn keep_duration_in_step(state: ViewerState, track: NodeRef<html::Div>) {
    Effect::new(move |_| {
        let Some(track) = track.get() else {
            return;
        };
        let speed = state.config.with_value(|c| c.ticker_speed).max(1.0);
        let measured = track.clone();
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            let copy_width = f64::from(measured.offset_width()) / 2.0;
            // Whole milliseconds: no float formatting in the bundle.
            let ms = (copy_width / speed * 1000.0).max(1000.0) as u32;
            let _ = web_sys::HtmlElement::style(&measured)
                .set_property("--nv-ticker-duration", &format!("{ms}ms"));
        });
        let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&track);
        let keep = SendWrapper::new((observer, on_resize));
        on_cleanup(move || keep.0.disconnect());
    });
}

/// Marks the ticker idle while it is scrolled out of view or its tab is hidden, so it costs
/// nothing then.
fn idle_when_unseen(
    track: NodeRef<html::Div>,
    offscreen: RwSignal<bool>,
    tab_hidden: RwSignal<bool>,
) {
    Effect::new(move |_| {
        // The moving track, clipped by its viewport: it intersects the screen when the strip does.
        let Some(track) = track.get() else { return };
        let on_intersect =
            Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Some(entry) = entries
                    .iter()
                    .last()
                    .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                {
                    offscreen.set(!entry.is_intersecting());
                }
            });
        let Ok(observer) =
            web_sys::IntersectionObserver::new(on_intersect.as_ref().unchecked_ref())
        else {
            return;
        };
        observer.observe(&track);

        let document = document();
        let on_visibility = {
            let document = document.clone();
            Closure::<dyn FnMut()>::new(move || tab_hidden.set(document.hidden()))
        };
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
        let keep = SendWrapper::new((observer, on_intersect, document, on_visibility));
        on_cleanup(move || {
            let (observer, _, document, on_visibility) = &*keep;
            observer.disconnect();
            let _ = document.remove_event_listener_with_callback(
                "visibilitychange",
                on_visibility.as_ref().unchecked_ref(),
            );
        });
    });
}
