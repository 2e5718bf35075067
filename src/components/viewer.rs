//! The viewer as a whole: loads the collection, then lays out the language toggle, the ticker and
//! the article, or says why it cannot.

use super::{ArticleView, LanguageToggle, Ticker};
use crate::events::{emit, LANGUAGE, OPEN};
use crate::load::fetch_collection;
use crate::state::{
    initial_language, preferred_language, Config, Data, Theme, ViewerState, TEXT_SIZES,
};
use crate::{page, storage};
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A complete viewer for `config`: picks the language, starts loading and renders `ViewerRoot`.
#[component]
pub fn Viewer(
    /// Where the data is and how the viewer sits on the page.
    config: Config,
) -> impl IntoView {
    let browser: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    let preferred = preferred_language(config.lang, storage::load("lang").as_deref(), &browser);
    let standalone = config.standalone;
    let state = ViewerState::new(config, initial_language(preferred, None));
    state.follows_collection_language.set(preferred.is_none());
    state
        .theme
        .set(storage::load("theme").as_deref().and_then(Theme::from_name));
    if let Some(size) = storage::load("text-size")
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|s| *s < TEXT_SIZES)
    {
        state.text_size.set(size);
    }
    provide_context(state);
    if standalone {
        page::follow_viewer(state);
    }
    tell_the_host(state);
    load(state);
    view! { <ViewerRoot /> }
}

/// Dispatches `article-viewer:open` when the reader opens an article and `article-viewer:language`
/// when the language changes (not for the initial ones).
fn tell_the_host(state: ViewerState) {
    Effect::new(move |previous: Option<Option<String>>| {
        let current = state.current_id();
        if let (Some(previous), Some(id), Some(root)) =
            (previous, &current, state.root.get_untracked())
        {
            if previous.as_ref() != Some(id) {
                let lang = state.lang.get_untracked().code();
                emit(&root, OPEN, &[("articleId", id), ("lang", lang)]);
            }
        }
        current
    });
    Effect::new(move |previous: Option<crate::i18n::Lang>| {
        let lang = state.lang.get();
        if let (Some(previous), Some(root)) = (previous, state.root.get_untracked()) {
            if previous != lang {
                emit(
                    &root,
                    LANGUAGE,
                    &[("lang", lang.code()), ("previous", previous.code())],
                );
            }
        }
        lang
    });
}

/// Downloads the collection and puts it, or the reason it failed, in `state`. Skipped articles
/// are reported to the publisher once per load, in the console.
fn load(state: ViewerState) {
    state.data.set(Data::Loading);
    let src = state.config.with_value(|c| c.src.clone());
    spawn_local(async move {
        match fetch_collection(&src).await {
            Ok(validated) => {
                let skipped = validated.skipped_articles();
                if !skipped.is_empty() {
                    leptos::logging::warn!(
                        "news-viewer: {} article(s) of {src} skipped:\n  {}",
                        skipped.len(),
                        skipped.join("\n  ")
                    );
                }
                state.set_collection(validated);
            }
            Err(error) => {
                leptos::logging::error!("news-viewer: could not load {src}: {error}");
                state.data.set(Data::Failed(error));
            }
        }
    });
}

/// What the viewer shows for the state in context.
#[component]
pub fn ViewerRoot() -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let lang = move || state.lang.get();
    let ticker_only = state.config.with_value(|c| c.ticker_only);
    let body = move || {
        match state.data.get() {
            Data::Loading => EitherOf4::A(view! {
                <div class="nv-loading" role="status">
                    <div class="nv-ticker nv-ticker--placeholder"></div>
                    <p>{state.strings().loading}</p>
                </div>
            }),
            Data::Failed(error) => {
                let s = state.strings();
                // Isolated, so that the URL keeps its own direction and the sentence's full stop stays
                // in place in Arabic.
                let src = state
                    .config
                    .with_value(|c| format!("\u{2068}{}\u{2069}", c.src));
                EitherOf4::B(view! {
                    <div class="nv-error" role="alert">
                        {super::main_heading(state, "nv-error__what", crate::i18n::fill(s.load_failed, &[("url", &src)]))}
                        <p class="nv-error__why">{crate::i18n::fill(s.load_failed_reason, &[("reason", &error.reason(lang()))])}</p>
                        {super::text_button("nv-button", s.retry, Box::new(move |_| load(state)))}
                    </div>
                })
            }
            Data::Ready(_) if ticker_only => EitherOf4::C(view! { <Ticker /> }),
            Data::Ready(_) => EitherOf4::D(view! {
                <Ticker />
                <div class="nv-main">
                    <ErrorBoundary fallback=move |errors| super::article_view::part_failed(state, errors)>
                        <ArticleView />
                    </ErrorBoundary>
                </div>
            }),
        }
    };
    let bar = (!ticker_only).then(|| {
        view! {
            <div class="nv-bar">
                <span class="nv-bar__name">{move || state.strings().viewer_name}</span>
                <LanguageToggle />
            </div>
        }
    });
    view! {
        <div
            class="nv"
            node_ref=state.root
            lang=move || lang().code()
            dir=move || lang().dir()
            data-theme=move || state.theme.get().map(Theme::name)
            data-text-size=move || state.text_size.get().to_string()
        >
            {bar}
            {body}
        </div>
    }
}
