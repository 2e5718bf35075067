//! Where focus goes once a view is in place: a control that replaced another, the heading of an
//! article the reader opened (`MainHeading`), the link to the article left by Back or Forward.

use super::navigation::Arrival;
use super::state::ViewerState;
use crate::i18n::direction_of;
use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses what `find` finds once the views changed by the current action are in place (the
/// next frame): the control that replaces one an action removed, or where the reader goes on.
pub fn focus_when_shown(find: impl FnOnce() -> Option<web_sys::HtmlElement> + 'static) {
    request_animation_frame(move || {
        if let Some(el) = find() {
            let _ = el.focus();
        }
    });
}

/// Back or Forward: focus goes to the link to the article the reader had followed from this one
/// (`left`), where the reader is put back (after the place is restored: two frames on); without
/// one on screen, to the article's `heading` if on screen (an entry left by Back or Forward); else
/// nowhere, since focus on anything off screen scrolls the reader away at the next key.
fn focus_headline_of(
    state: ViewerState,
    left: String,
    class: String,
    heading: web_sys::HtmlElement,
) {
    let href = state.article_href(&left, state.prefs.lang.get_untracked());
    let find = move || {
        let root = state.root.get_untracked()?;
        let links = root.query_selector_all("a[href]").ok()?;
        let height = window().inner_height().ok()?.as_f64()?;
        let shown = |el: &web_sys::HtmlElement| {
            let box_ = el.get_bounding_client_rect();
            box_.top() >= 0.0 && box_.bottom() <= height
        };
        let on_screen: Vec<_> = (0..links.length())
            .filter_map(|i| links.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .filter(|link| link.get_attribute("href").as_deref() == Some(href.as_str()))
            // Not the ticker's second copy, there only for the loop.
            .filter(|link| link.closest("[aria-hidden]").ok().flatten().is_none())
            .filter(shown)
            .collect();
        // The kind of link the reader followed (pager, list, ticker); else the article's own
        // links before the ticker's, which the reader may not have followed and whose focus
        // stops the loop.
        let in_ticker = |link: &web_sys::HtmlElement| link.closest(".nv-ticker").ok().flatten();
        let own = on_screen
            .iter()
            .find(|link| link.class_name() == class)
            .or_else(|| on_screen.iter().find(|link| in_ticker(link).is_none()));
        let heading = Some(heading).filter(shown);
        own.or(on_screen.first()).cloned().or(heading)
    };
    request_animation_frame(move || {
        request_animation_frame(move || match find() {
            Some(link) => {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = link.focus_with_options(&options);
            }
            None => {
                let focused = state
                    .focused()
                    .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(focused) = focused {
                    let _ = focused.blur();
                }
            }
        })
    });
}

/// The main heading of a view: the page's `<h1>` when the viewer is the page (standalone, or the
/// page of an iframe), an `<h2>` when it sits inside a host page's own outline. When the reader
/// has just navigated, it takes focus (so its text is announced and Tab goes on from it) and is
/// brought into view.
#[component]
pub fn MainHeading(
    /// The heading's class.
    class: &'static str,
    /// Its text.
    text: String,
    /// The language its text is written in, when it is the article's rather than the interface's.
    #[prop(optional)]
    lang: Option<String>,
) -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let dir = lang.as_deref().map(direction_of);
    let h1 = NodeRef::<html::H1>::new();
    let h2 = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        let heading: Option<web_sys::HtmlElement> = h1
            .get()
            .map(Into::into)
            .or_else(|| h2.get().map(Into::into));
        let Some(heading) = heading else {
            return;
        };
        match state.nav.arrival.get_value() {
            Arrival::Stay => {}
            // Until the text is in: a Retry that fails again goes back to Retry (`text_part`).
            Arrival::Retry if !untrack(|| state.text_is_read()) => {}
            Arrival::Heading | Arrival::Retry => {
                state.nav.arrival.set_value(Arrival::Stay);
                let (standalone, frame) = state.config.with_value(|c| (c.standalone, c.frame));
                state.host.page.arrive_at(&heading, standalone, frame);
            }
            Arrival::Headline(left, class) => {
                state.nav.arrival.set_value(Arrival::Stay);
                focus_headline_of(state, left, class, heading);
            }
        }
    });
    if state.config.with_value(|c| c.standalone || c.frame) {
        Either::Left(
            view! { <h1 class=class tabindex="-1" lang=lang dir=dir node_ref=h1>{text}</h1> },
        )
    } else {
        Either::Right(
            view! { <h2 class=class tabindex="-1" lang=lang dir=dir node_ref=h2>{text}</h2> },
        )
    }
}
