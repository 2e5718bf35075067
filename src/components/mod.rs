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

use crate::i18n::{direction_of, Lang};
use crate::model::Article;
use crate::routing::article_href;
use crate::state::ViewerState;
use leptos::prelude::*;

/// A headline as the viewer links it, in the ticker and in the lists under the article. The ticker
/// and the lists share this one link, so the bundle holds one copy of its code.
struct Headline {
    id: String,
    /// The language the title is written in.
    code: String,
    title: String,
    href: String,
}

impl Headline {
    /// `article` in `lang`, or in the language it falls back to, linked to its deep link.
    fn of(article: &Article, lang: Lang) -> Self {
        let (code, t) = article.translation_for(lang.code(), None);
        Headline {
            id: article.id.clone(),
            code: code.to_string(),
            title: t.title.clone(),
            href: article_href(&article.id, lang),
        }
    }

    /// The link. A click opens the article in the viewer when `opens_here` (a ticker-only strip
    /// leaves it to the browser); the open article's link is marked `aria-current`.
    fn link(
        self,
        state: ViewerState,
        class: &'static str,
        rel: Option<&'static str>,
        opens_here: bool,
    ) -> impl IntoView {
        let Headline {
            id,
            code,
            title,
            href,
        } = self;
        let is_current = {
            let id = id.clone();
            move || (state.current_id().as_deref() == Some(id.as_str())).then_some("true")
        };
        view! {
            <a
                class=class
                href=href
                rel=rel
                dir=direction_of(&code)
                lang=code
                aria-current=is_current
                on:click=move |ev| {
                    if opens_here {
                        open_on_click(ev, state, &id)
                    }
                }
            >
                {title}
            </a>
        }
    }
}

/// A button that says `text` and does `on_click`. The handler is boxed so that every such button
/// is the same type, and the bundle holds one copy of its code.
fn text_button(
    class: &'static str,
    text: &'static str,
    on_click: Box<dyn FnMut(web_sys::MouseEvent)>,
) -> impl IntoView {
    view! {
        <button type="button" class=class on:click=on_click>
            {text}
        </button>
    }
}

/// A button for one of several choices (a language, a theme), pressed while `pressed` holds. Its
/// `data-choice` names the choice; `lang` is the language of `text` when it is not the
/// interface's (a language's own name). Handlers are boxed so that all such buttons are one type.
fn choice_button(
    class: &'static str,
    text: &'static str,
    lang: Option<&'static str>,
    choice: &'static str,
    pressed: Box<dyn Fn() -> bool + Send + Sync>,
    on_click: Box<dyn FnMut(web_sys::MouseEvent)>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=class
            lang=lang
            dir=lang.map(direction_of)
            data-choice=choice
            aria-pressed=move || pressed().to_string()
            on:click=on_click
        >
            {text}
        </button>
    }
}

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
fn main_heading(state: ViewerState, class: &'static str, text: String) -> impl IntoView {
    use leptos::either::Either;
    if state.config.with_value(|c| c.standalone) {
        Either::Left(view! { <h1 class=class>{text}</h1> })
    } else {
        Either::Right(view! { <h2 class=class>{text}</h2> })
    }
}
