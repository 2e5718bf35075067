//! A headline, and the link to its article that the ticker, the lists and the pager show.

use super::state::ViewerState;
use crate::data::model::Article;
use crate::i18n::{direction_of, Lang};
use leptos::prelude::*;

/// An article's headline as the ticker and the lists link it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Headline {
    pub id: String,
    /// The language the title is written in.
    pub code: String,
    pub title: String,
    pub href: String,
}

impl Headline {
    /// `article` in `lang`, or in the language it falls back to (see `translation_for`), linked
    /// as `state` links it (see `ViewerState::link`).
    pub fn of(article: &Article, lang: Lang, default: Option<&str>, state: ViewerState) -> Self {
        let (code, t) = article.translation_for(lang.code(), default);
        Headline {
            id: article.id.to_string(),
            code: code.to_string(),
            title: t.title.to_string(),
            href: state.link(&article.id, lang, Lang::from_tag(code)),
        }
    }
}

/// A link to an article. A click opens it in this viewer, unless the reader asked the browser
/// for a new tab or window; the open article's links are marked `aria-current` (not in a strip,
/// which has none open).
#[component]
pub fn HeadlineLink(
    headline: Headline,
    /// The link's class.
    class: &'static str,
    /// `rel`, such as `next` for the next article.
    #[prop(optional)]
    rel: Option<&'static str>,
    /// Words before the title that belong to the link's name, such as "Next article".
    #[prop(optional)]
    label: Option<&'static str>,
    /// Whether a click opens the article here; a ticker-only strip leaves it to the browser.
    #[prop(default = true)]
    opens_here: bool,
    /// `tabindex`, for lists that are one tab stop (the ticker).
    #[prop(optional, into)]
    tabindex: Option<Signal<i32>>,
) -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let Headline {
        id,
        code,
        title,
        href,
    } = headline;
    let is_current = {
        let id = id.clone();
        move || {
            state
                .nav
                .current
                .with(|c| c.as_deref() == Some(id.as_str()))
        }
    };
    // An archive's text is fetched ahead when the reader is about to open the article.
    let prefetch = {
        let id = id.clone();
        move || {
            if opens_here {
                state.prefetch(&id)
            }
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let new_tab =
            ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key();
        if opens_here && !new_tab {
            ev.prevent_default();
            state.nav.follow(class);
            state.navigate(Some(id.clone()));
        }
    };
    // The label is interface text inside a link in the article's language.
    let ui = state.prefs.lang.get_untracked();
    let label = label.map(|label| {
        view! { <span class="nv-pager__label" lang=ui.code() dir=ui.dir()>{label}</span> }
    });
    view! {
        <a
            class=class
            href=href
            rel=rel
            dir=direction_of(&code)
            lang=code
            aria-current=move || (opens_here && is_current()).then_some("true")
            tabindex=move || tabindex.map(|t| t.get())
            on:click=on_click
            on:pointerenter={
                let prefetch = prefetch.clone();
                move |_| prefetch()
            }
            on:focus=move |_| prefetch()
        >
            {label}
            {title}
        </a>
    }
}
