//! The viewer as a whole: loads the collection, then lays out the language toggle, the ticker and
//! the article, or says why it cannot.

use super::{ArticleView, LanguageToggle, Ticker};
use crate::load::fetch_collection;
use crate::state::{initial_language, preferred_language, Config, Data, ViewerState};
use crate::{page, storage};
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
    provide_context(state);
    if standalone {
        page::follow_viewer(state);
    }
    load(state, preferred.is_none());
    view! { <ViewerRoot /> }
}

/// Downloads the collection and puts it, or the reason it failed, in `state`. Skipped articles
/// are reported to the publisher once per load, in the console.
fn load(state: ViewerState, use_collection_language: bool) {
    state.data.set(Data::Loading);
    let src = state.config.with_value(|c| c.src.clone());
    spawn_local(async move {
        match fetch_collection(&src).await {
            Ok(validated) => {
                let skipped = validated.skipped_articles();
                if !skipped.is_empty() {
                    let lines: Vec<String> =
                        skipped.iter().map(|(_, p)| format!("  {p}")).collect();
                    leptos::logging::warn!(
                        "news-viewer: {} article(s) of {src} skipped:\n{}",
                        skipped.len(),
                        lines.join("\n")
                    );
                }
                if use_collection_language {
                    let default = validated.collection.default_language.as_deref();
                    state.lang.set(initial_language(None, default));
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
    let body = move || match state.data.get() {
        Data::Loading => view! {
            <div class="nv-loading" role="status">
                <div class="nv-ticker nv-ticker--placeholder"></div>
                <p>{state.strings().loading}</p>
            </div>
        }
        .into_any(),
        Data::Failed(error) => {
            let s = state.strings();
            let src = state.config.with_value(|c| c.src.clone());
            view! {
                <div class="nv-error" role="alert">
                    <p class="nv-error__what">{crate::i18n::fill(s.load_failed, &[("url", &src)])}</p>
                    <p class="nv-error__why">{crate::i18n::fill(s.load_failed_reason, &[("reason", &error.reason(lang()))])}</p>
                    <button type="button" class="nv-button" on:click=move |_| load(state, false)>{s.retry}</button>
                </div>
            }
            .into_any()
        }
        Data::Ready(_) => view! {
            <Ticker />
            <div class="nv-main">
                <ArticleView />
            </div>
        }
        .into_any(),
    };
    view! {
        <div class="nv" lang=move || lang().code() dir=move || lang().dir()>
            <div class="nv-bar">
                <span class="nv-bar__name">{move || state.strings().viewer_name}</span>
                <LanguageToggle />
            </div>
            {body}
        </div>
    }
}
