//! The language toggle: each language named in itself, the current one pressed.

use super::state::ViewerState;
use crate::i18n::Lang;
use leptos::prelude::*;

/// Buttons for every interface language, whatever the collection holds: a reader always finds
/// their own language here, and one with no headlines shows the fallback edition with its notice.
/// A choice made here is saved for the reader's next visit.
#[component]
pub fn LanguageToggle() -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let choose = move |lang: Lang| {
        // A pinned featured article gives way to the new language's (see `ViewerState::pinned`).
        if state.nav.pinned.get_untracked().is_some() {
            state.let_go();
            state.nav.pinned.set(None);
        }
        state.nav.landing.set(None);
        state.prefs.pick_language(lang);
    };
    let buttons = Lang::ALL
        .into_iter()
        .map(|lang| {
            view! {
                <button
                    type="button"
                    class="nv-langs__button"
                    lang=lang.code()
                    dir=lang.dir()
                    data-choice=lang.code()
                    aria-pressed=move || (state.prefs.lang.get() == lang).to_string()
                    on:click=move |_| choose(lang)
                >
                    {lang.language().native_name}
                </button>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <div class="nv-langs" role="group" aria-label=move || state.strings().language>
            {buttons}
        </div>
    }
}
