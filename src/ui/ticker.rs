//! The headline ticker: the current edition's headlines in a seamless loop that moves at a
//! constant speed on the compositor, pauses for the reader and reads each headline once.

use super::headline::{Headline, HeadlineLink};
use super::state::ViewerState;
use crate::i18n::Lang;
use crate::observe::{on_resize, on_sight};
use crate::routing::publisher_link;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The most headlines the ticker carries: the newest of the edition. More would make one loop
/// last hours and cost every interaction; the list under the article reaches the rest.
pub const TICKER_MAX: usize = 100;

/// The strip of headlines. Motion is a CSS animation of the track over one copy's width; the
/// second copy only fills the loop, so it is hidden from assistive technology and inert. The
/// headlines are one tab stop: arrows move between them, Home and End jump, Tab leaves.
#[component]
pub fn Ticker() -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let paused = RwSignal::new(false);
    let offscreen = RwSignal::new(false);
    let tab_hidden = RwSignal::new(false);
    let track = NodeRef::<html::Div>::new();
    let copy = NodeRef::<html::Ul>::new();

    keep_duration_in_step(state, track);
    idle_when_unseen(track, offscreen, tab_hidden);

    let unseen = Signal::derive(move || offscreen.get() || tab_hidden.get());
    let (headlines, on_wrap) = shown_headlines(state, track, unseen);
    let (tab_stop, on_key, on_focus) = one_tab_stop(state, headlines, copy);

    let label = move || state.strings().headlines;
    let custom_label = state.config.with_value(|c| c.label.clone());
    // A toggle button: one name, and `aria-pressed` says whether the ticker is paused (a name
    // that changed too would be read as "Play the ticker, pressed").
    let toggle_label = move || state.strings().pause_ticker;

    view! {
        <section
            class="nv-ticker"
            class:is-paused=move || paused.get()
            class:is-idle=move || offscreen.get() || tab_hidden.get()
            aria-labelledby=custom_label.is_none().then_some("nv-ticker-label")
            aria-label=custom_label
        >
            <span class="nv-ticker__label" id="nv-ticker-label">{label}</span>
            <div class="nv-ticker__viewport" on:focusin=hold_still on:focusout=move_on>
                <div class="nv-ticker__track" node_ref=track on:animationiteration=move |_| on_wrap()>
                    <HeadlineCopy headlines list=copy tab_stop on:keydown=on_key on:focusin=on_focus />
                    <HeadlineCopy headlines />
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

/// The headlines as one tab stop: the one the keyboard reaches the ticker at (the last one the
/// reader was on while it is still there, else the first), the keys that move it, and the focus
/// (a click, Tab) that sets it.
fn one_tab_stop(
    state: ViewerState,
    headlines: RwSignal<Vec<Headline>>,
    copy: NodeRef<html::Ul>,
) -> (
    Memo<Option<String>>,
    impl Fn(web_sys::KeyboardEvent) + Clone + 'static,
    impl Fn(web_sys::FocusEvent) + Clone + 'static,
) {
    let chosen = RwSignal::new(None::<String>);
    let tab_stop = Memo::new(move |_| {
        headlines.with(|all| {
            let chosen = chosen.get();
            all.iter()
                .find(|h| Some(&h.id) == chosen.as_ref())
                .or(all.first())
                .map(|h| h.id.clone())
        })
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        // With a modifier the keys are the browser's (Alt+Left is Back) or the reader's own.
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        let last = headlines.with_untracked(Vec::len).saturating_sub(1);
        let at = headlines.with_untracked(|all| {
            let stop = tab_stop.get_untracked();
            all.iter().position(|h| Some(&h.id) == stop.as_ref())
        });
        let at = at.unwrap_or_default();
        let forward = state.prefs.lang.get_untracked().dir() == "ltr";
        let to = match ev.key().as_str() {
            "ArrowRight" if forward => (at + 1).min(last),
            "ArrowLeft" if !forward => (at + 1).min(last),
            "ArrowDown" => (at + 1).min(last),
            "ArrowLeft" | "ArrowRight" | "ArrowUp" => at.saturating_sub(1),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        chosen.set(headlines.with_untracked(|all| all.get(to).map(|h| h.id.clone())));
        if let Some(link) = copy.get_untracked().and_then(|ul| link_at(&ul, to)) {
            let _ = link.focus();
        }
    };
    // A headline focused by a click or by Tab becomes the tab stop.
    let on_focus = move |ev: web_sys::FocusEvent| {
        let Some(ul) = copy.get_untracked() else {
            return;
        };
        let focused = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let at = (0..ul.children().length()).find(|&i| {
            ul.children()
                .item(i)
                .is_some_and(|li| li.contains(focused.as_ref()))
        });
        if let Some(at) = at {
            let id = headlines.with_untracked(|all| all.get(at as usize).map(|h| h.id.clone()));
            chosen.set(id);
        }
    };

    (tab_stop, on_key, on_focus)
}

/// The link of the `at`th headline of a copy.
fn link_at(copy: &web_sys::HtmlUListElement, at: usize) -> Option<web_sys::HtmlElement> {
    copy.children()
        .item(at as u32)?
        .first_element_child()?
        .dyn_into()
        .ok()
}

/// The viewport and the moving track inside it, from an event on the viewport.
fn viewport_and_track(ev: &web_sys::FocusEvent) -> Option<(web_sys::Element, web_sys::Element)> {
    let viewport: web_sys::Element = ev.current_target()?.dyn_into().ok()?;
    let track = viewport.first_element_child()?;
    Some((viewport, track))
}

/// Whether focus moves from outside the viewport (or to outside it, on focusout).
fn crosses(ev: &web_sys::FocusEvent, viewport: &web_sys::Element) -> bool {
    let other = ev
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    !other.is_some_and(|other| viewport.contains(Some(&other)))
}

/// Keyboard focus in the ticker: the loop stops where it stands (its offset turned into the
/// viewport's scroll, so nothing jumps) and the focused headline is scrolled fully into view
/// beside the label.
fn hold_still(ev: web_sys::FocusEvent) {
    let Some((viewport, track)) = viewport_and_track(&ev) else {
        return;
    };
    if crosses(&ev, &viewport) {
        let (outer, inner) = (
            viewport.get_bounding_client_rect(),
            track.get_bounding_client_rect(),
        );
        let offset = match viewport.closest("[dir=rtl]").ok().flatten() {
            Some(_) => inner.right() - outer.right(),
            None => inner.left() - outer.left(),
        };
        let _ = track.class_list().add_1("is-browsing");
        viewport.set_scroll_left(-offset as i32);
    }
    if let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        // A headline wider than the window (a phone's) shows its start, where reading begins.
        let wider = link.get_bounding_client_rect().width() > f64::from(viewport.client_width());
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        options.set_inline(match wider {
            true => web_sys::ScrollLogicalPosition::Start,
            false => web_sys::ScrollLogicalPosition::Nearest,
        });
        link.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Focus leaves the ticker: the loop moves on from where the reader left it.
fn move_on(ev: web_sys::FocusEvent) {
    let Some((viewport, track)) = viewport_and_track(&ev) else {
        return;
    };
    if !crosses(&ev, &viewport) || !track.class_list().contains("is-browsing") {
        return;
    }
    let track: web_sys::HtmlElement = track.unchecked_into();
    let copy_width = f64::from(track.offset_width()) / 2.0;
    let travelled = f64::from(viewport.scroll_left().unsigned_abs()) % copy_width.max(1.0);
    let _ = track.class_list().remove_1("is-browsing");
    viewport.set_scroll_left(0);
    // The loop starts again (a new animation): put it where the reader left the headlines.
    if let (Some(animation), Some(duration)) = (loop_animation(&track), duration_ms(&track)) {
        animation.set_current_time(Some(travelled / copy_width.max(1.0) * duration));
    }
}

/// How far `inner` starts after the start edge of `track` (its left edge, the right one in
/// Arabic), in px: where a headline is along the track, whatever the loop's position.
fn start_offset(track: &web_sys::Element, inner: &web_sys::Element) -> f64 {
    let (o, i) = (
        track.get_bounding_client_rect(),
        inner.get_bounding_client_rect(),
    );
    match track.closest("[dir=rtl]").ok().flatten() {
        Some(_) => o.right() - i.right(),
        None => i.left() - o.left(),
    }
}

/// The headlines of the reader's edition (or the one it falls back to, see `edition_for`) on the
/// first page, newest first, as the ticker links them.
fn edition_headlines(state: ViewerState) -> Vec<Headline> {
    let lang = state.prefs.lang.get();
    let Some(collection) = state.collection() else {
        return Vec::new();
    };
    let pattern = state.config.with_value(|c| c.link_pattern.clone());
    let default = collection.default_language.as_deref();
    collection
        .ticker_edition(lang)
        .take(TICKER_MAX)
        .map(|i| {
            let article = &collection.articles[i];
            let headline = Headline::of(article, lang, default, state);
            match pattern
                .as_deref()
                .and_then(|p| publisher_link(p, &article.id, lang))
            {
                Some(href) => Headline { href, ..headline },
                None => headline,
            }
        })
        .collect()
}

/// One copy of the headlines. Without `list` it is the duplicate that only closes the loop, which
/// assistive technology and the keyboard skip.
#[component]
fn HeadlineCopy(
    /// The headlines, shared by both copies.
    headlines: RwSignal<Vec<Headline>>,
    /// The copy that is read, and its element.
    #[prop(optional)]
    list: Option<NodeRef<html::Ul>>,
    /// The id of the headline that is the ticker's one tab stop (in the copy that is read).
    #[prop(optional)]
    tab_stop: Option<Memo<Option<String>>>,
) -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let hidden = list.is_none();
    // A ticker-only strip sends the reader to the publisher's pages.
    let opens_here = !state.config.with_value(|c| c.ticker_only);
    view! {
        <ul
            class="nv-ticker__copy"
            aria-hidden=hidden.then_some("true")
            inert=hidden
            node_ref=list.unwrap_or_default()
        >
            <For
                each=move || headlines.get()
                key=|headline| headline.clone()
                let(headline)
            >
                {
                    // At most `TICKER_MAX` rows compare their id when the tab stop moves. Until
                    // the app runs (no JavaScript, the moments before hydration) every headline
                    // of the copy that is read is a tab stop, as the still row of a page without
                    // JavaScript needs; the app then makes them one, which arrows move through.
                    let id = headline.id.clone();
                    let tabindex = Signal::derive(move || {
                        let stop = tab_stop
                            .map(|stop| !state.live.get() || stop.with(|s| s.as_ref() == Some(&id)));
                        match stop {
                            Some(true) => 0,
                            _ => -1,
                        }
                    });
                    view! {
                        <li class="nv-ticker__item">
                            <HeadlineLink headline class="nv-ticker__link" opens_here tabindex />
                        </li>
                    }
                }
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
        on_resize(&track, move || retime(&measured, speed, 0.0));
    });
}

/// The loop's duration for the track's current width, in whole milliseconds (no float
/// formatting in the bundle), and the part of the loop the headlines on screen have travelled,
/// in px, kept as it is, `shift` px further along: a new width (new headlines, a resize, fonts)
/// then changes neither the speed nor what the reader sees.
fn retime(track: &web_sys::HtmlElement, speed: f64, shift: f64) {
    let copy_width = f64::from(track.offset_width()) / 2.0;
    let ms = (copy_width / speed * 1000.0).max(1000.0) as u32;
    // The animation is looked up before the duration changes: looking it up after would make
    // the browser recompute the ticker's styles on the spot.
    let running = loop_animation(track).and_then(|a| Some((a.current_time()?, a)));
    let before = duration_ms(track);
    let _ = track
        .style()
        .set_property("--nv-ticker-duration", &format!("{ms}ms"));
    if let (Some((time, animation)), Some(before)) = (running, before) {
        let travelled = (time % before) * speed / 1000.0 + shift;
        let time = travelled.rem_euclid(copy_width.max(1.0)) / speed * 1000.0;
        animation.set_current_time(Some(time));
    }
}

/// The loop's duration as last set, in milliseconds.
fn duration_ms(track: &web_sys::HtmlElement) -> Option<f64> {
    let value = track
        .style()
        .get_property_value("--nv-ticker-duration")
        .ok()?;
    // As `usize`: the integer parser the bundle already has (serde_json's).
    let ms: usize = value.strip_suffix("ms")?.parse().ok()?;
    Some(ms as f64)
}

/// The track's running loop, as the Web Animations API sees the CSS animation (none while the
/// reader moves through it by keyboard, or prefers reduced motion).
fn loop_animation(track: &web_sys::Element) -> Option<web_sys::Animation> {
    // `Element.getAnimations` is still marked unstable in web-sys.
    let get = js_sys::Reflect::get(track, &"getAnimations".into()).ok()?;
    let animations = get.dyn_into::<js_sys::Function>().ok()?.call0(track).ok()?;
    animations
        .dyn_into::<js_sys::Array>()
        .ok()?
        .get(0)
        .dyn_into()
        .ok()
}

/// The headlines the ticker shows: the reader's edition. A new language or a first reading
/// shows at once; headlines that a newer reading of the file brings join where the loop wraps,
/// unseen: at once when the seam between the two copies is off screen (the loop is moved on by
/// their width, so that nothing on screen moves), else once the loop has wrapped.
fn shown_headlines(
    state: ViewerState,
    track: NodeRef<html::Div>,
    unseen: Signal<bool>,
) -> (RwSignal<Vec<Headline>>, impl Fn() + Copy + 'static) {
    let latest = Memo::new(move |_| edition_headlines(state));
    let shown = RwSignal::new(latest.get_untracked());
    let waiting = StoredValue::new(false);
    // `wrapped`: the loop has just gone round, so the seam has just left the screen.
    let join = move |wrapped: bool| {
        let Some(track) = track.get_untracked() else {
            shown.set(latest.get_untracked());
            return;
        };
        let speed = state.config.with_value(|c| c.ticker_speed).max(1.0);
        let copy_width = f64::from(track.offset_width()) / 2.0;
        let viewport = track
            .parent_element()
            .map_or(0.0, |v| f64::from(v.client_width()));
        let travelled = loop_animation(&track)
            .and_then(|a| Some((a.current_time()? % duration_ms(&track)?) * speed / 1000.0));
        // The seam on screen, or the reader moving through the headlines by keyboard (the loop
        // then stands still, as scroll): wait for the loop to wrap. A ticker out of sight (its
        // loop then stands still too) takes them at once: nobody sees it.
        let browsing = track.class_list().contains("is-browsing");
        let seam_in_view = !wrapped && travelled.is_some_and(|t| t + viewport > copy_width);
        if !unseen.get_untracked() && (browsing || seam_in_view) {
            waiting.set_value(true);
            return;
        }
        waiting.set_value(false);
        // Where the first headline shown now starts along the track.
        let anchor = track
            .first_element_child()
            .and_then(|copy| copy.first_element_child());
        let before = anchor.as_ref().map(|a| start_offset(&track, a));
        shown.set(latest.get_untracked());
        // Once the new rows are in, before the browser paints them.
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            let shift = match (anchor, before) {
                (Some(anchor), Some(before)) if anchor.is_connected() => {
                    start_offset(&track, &anchor) - before
                }
                _ => 0.0,
            };
            if travelled.is_some() {
                retime(&track, speed, shift);
            }
        });
    };
    Effect::new(move |seen: Option<(Lang, u32)>| {
        latest.track();
        let now = (
            state.prefs.lang.get_untracked(),
            state.feed.updates.get_untracked(),
        );
        match seen {
            Some((lang, updates)) if lang == now.0 && updates != now.1 => join(false),
            _ => shown.set(latest.get_untracked()),
        }
        now
    });
    // Out of sight: a waiting update can join now.
    Effect::new(move |_| {
        if unseen.get() && waiting.get_value() {
            join(false);
        }
    });
    // The loop wrapped (`animationiteration` on the track): a waiting update can join now.
    let on_wrap = move || {
        if waiting.get_value() {
            join(true);
        }
    };
    (shown, on_wrap)
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
        on_sight(&track, move |seen| offscreen.set(!seen));
    });
    // In an effect, as the observer: only in the browser.
    Effect::new(move |_| {
        let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
            tab_hidden.set(document().hidden());
        });
        on_cleanup(move || on_visibility.remove());
    });
}
