//! The viewer's components, one concern a file.

pub mod article_view;
pub mod figure;
pub mod language_toggle;
pub mod reader_tools;
pub mod ticker;
pub mod viewer;

pub use article_view::ArticleView;
pub use language_toggle::LanguageToggle;
pub use reader_tools::ReaderTools;
pub use ticker::Ticker;
pub use viewer::{Viewer, ViewerRoot};

use crate::state::ViewerState;

/// `base` followed by each class whose flag is on: the value of a class attribute that changes.
/// One such attribute costs less WebAssembly than a reactive `class:` toggle for each name.
fn class_list(base: &str, toggles: &[(bool, &str)]) -> String {
    let mut list = base.to_string();
    for (on, class) in toggles {
        if *on {
            list.push(' ');
            list.push_str(class);
        }
    }
    list
}

/// Opens article `id` in the viewer when a link to it is clicked, unless the reader asked the
/// browser for a new tab or window (modifier keys, middle button).
fn open_on_click(ev: web_sys::MouseEvent, state: ViewerState, id: &str) {
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    ev.prevent_default();
    state.open(id);
}

/// The main heading of a view: the page's `<h1>` when the viewer owns the page, an `<h2>` when it
/// sits inside a host page's own outline.
fn main_heading(
    state: ViewerState,
    class: &'static str,
    text: String,
) -> impl leptos::prelude::IntoView {
    use leptos::either::Either;
    use leptos::prelude::*;
    if state.config.with_value(|c| c.standalone) {
        Either::Left(view! { <h1 class=class>{text}</h1> })
    } else {
        Either::Right(view! { <h2 class=class>{text}</h2> })
    }
}
