//! The viewer as a whole: loads the collection, then lays out the language toggle, the ticker and
//! the article, or says why it cannot.

use super::{ArticleView, LanguageToggle, MainHeading, Ticker};
use crate::data::error::LoadError;
use crate::data::fetch::fetch_collection;
use crate::host::events::{emit, LANGUAGE, READY};
use crate::host::page;
use crate::i18n::Lang;
use crate::ui::state::{Config, Data, FirstView, Theme, ViewerState, TEXT_SIZE_DEFAULT};
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// A complete viewer for `config`: renders `ViewerRoot` and reads the collection file. Given the
/// `first_view` a page was prerendered with, it starts from it (so that it can hydrate that page)
/// and turns to the reader's own settings and the file's data right after.
#[component]
pub fn Viewer(
    /// Where the data is, how the viewer sits on the page and what the reader saved.
    config: Config,
    /// The prerendered first view to hydrate, if any.
    #[prop(optional)]
    first_view: Option<FirstView>,
) -> impl IntoView {
    let standalone = config.standalone;
    // A prerendered page stays in its language unless the URL or the reader's saved choice asks
    // for another: switching because of the browser's languages alone would redo the first view
    // for every such reader.
    let asked = config
        .lang
        .or_else(|| config.saved.lang.as_deref().and_then(Lang::from_tag));
    let state = ViewerState::new(config);
    let settings = first_view.map(|first| {
        state.follows_collection_language.set(false);
        let settings = (
            asked,
            state.article_id.get_untracked(),
            state.theme.get_untracked(),
            state.text_size.get_untracked(),
            state.prefers_dark.get_untracked(),
        );
        state.lang.set(first.lang);
        state.article_id.set(None);
        state.theme.set(None);
        state.text_size.set(TEXT_SIZE_DEFAULT);
        state.prefers_dark.set(false);
        state.data.set(Data::Ready(Arc::new(first.snapshot)));
        settings
    });
    provide_context(state);
    let owner = Owner::current();
    // Once hydrated (or mounted): the reader's settings, then the page's and host's followers,
    // so that settling on them neither adds a history entry nor tells the host of an action.
    spawn_local(async move {
        if let Some((asked, article, theme, size, dark)) = settings {
            if let Some(lang) = asked {
                state.lang.set(lang);
            }
            state.article_id.set(article);
            state.theme.set(theme);
            state.text_size.set(size);
            state.prefers_dark.set(dark);
        }
        if let Some(owner) = owner {
            owner.with(|| {
                if standalone {
                    page::follow_viewer(state);
                }
                tell_the_host(state);
                // A ticker strip shows no article: it reads no text.
                if !state.config.with_value(|c| c.ticker_only) {
                    super::archive::follow_texts(state);
                }
            });
        }
        load(state);
    });
    view! { <ViewerRoot /> }
}

/// Dispatches `article-viewer:language` when the language changes (not for the initial one).
/// `article-viewer:open` is the reader's (see `ViewerState::navigate`).
fn tell_the_host(state: ViewerState) {
    Effect::new(move |previous: Option<Lang>| {
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

/// Downloads the collection and puts it, or the reason it failed, in `state`, then tells the host
/// page the viewer is ready and which article it shows (`fetch_collection` tells the publisher,
/// in the console, what it could not read).
fn load(state: ViewerState) {
    // A first view stays on screen while the file is read; the file's data then wins.
    let shows_first_view = state.data.with_untracked(|d| matches!(d, Data::Ready(_)));
    if !shows_first_view {
        state.data.set(Data::Loading);
    }
    let src = state.config.with_value(|c| c.src.clone());
    state.busy.set(true);
    spawn_local(async move {
        let fetched = fetch_collection(&src).await;
        state.busy.set(false);
        match fetched {
            Ok((validated, validator)) => {
                state.set_collection(validated);
                if let Some(root) = state.root.get_untracked() {
                    let id = state.current.get_untracked().unwrap_or_default();
                    let lang = state.lang.get_untracked().code();
                    emit(&root, READY, &[("articleId", &id), ("lang", lang)]);
                }
                keep_reading(state, &src, validator);
            }
            Err(error) => {
                if !shows_first_view {
                    state.data.set(Data::Failed(error));
                }
            }
        }
    });
}

/// Follows the collection file at `src` (see `host::refresh`) every `data-refresh` seconds,
/// taking in each newer reading: the live region says how many headlines are new, and the host
/// page hears which articles were added, changed and removed.
#[cfg(target_arch = "wasm32")]
fn keep_reading(state: ViewerState, src: &str, validator: Option<String>) {
    use crate::host::refresh::Announcement;
    let every = state.config.with_value(|c| c.refresh_ms);
    let Some(absolute) = document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new_with_base(src, &base).ok())
    else {
        return;
    };
    if every == 0 {
        return;
    }
    let on_update = move |fresh| {
        // For the benchmark and for publishers profiling their page: the file is read, from here
        // on it is the viewer's own work.
        if let Some(performance) = window().performance() {
            let _ = performance.mark("news-viewer:update");
        }
        let changes = state.take_update(fresh)?;
        let strings = state.strings();
        // Emptied first, so that the same words said twice are still announced.
        state.news.set(None);
        // The new headlines of the reader's edition: those the ticker and the list show.
        let lang = state.lang.get_untracked();
        let added = state.collection().map_or(0, |c| {
            let edition = c.edition_for(lang);
            let in_edition = |id: &&String| c.position(id).is_some_and(|p| edition.contains(&p));
            changes.added.iter().filter(in_edition).count()
        });
        let announcement = (added > 0).then(|| {
            let count = crate::format::format_number(added, lang);
            let said = crate::i18n::fill(strings.new_headlines, &[("count", &count)]);
            let say = move || request_animation_frame(move || state.news.set(Some(said)));
            Announcement {
                lang,
                say: Box::new(say),
            }
        });
        if let Some(root) = state.root.get_untracked() {
            let detail = js_sys::Object::new();
            for (key, ids) in [
                ("added", &changes.added),
                ("changed", &changes.changed),
                ("removed", &changes.removed),
            ] {
                let list: js_sys::Array = ids
                    .iter()
                    .map(|id| wasm_bindgen::JsValue::from(id))
                    .collect();
                let _ = js_sys::Reflect::set(&detail, &key.into(), &list);
            }
            crate::host::events::emit_detail(&root, crate::host::events::UPDATE, &detail);
        }
        announcement
    };
    crate::host::refresh::follow(&absolute.href(), every, validator, Box::new(on_update));
}

#[cfg(not(target_arch = "wasm32"))]
fn keep_reading(_: ViewerState, _: &str, _: Option<String>) {}

/// What the viewer shows for the state in context.
#[component]
pub fn ViewerRoot() -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let lang = move || state.lang.get();
    let ticker_only = state.config.with_value(|c| c.ticker_only);
    // Which part shows changes rarely; what the ready part shows follows the data inside it, so
    // new data patches the views in place instead of building them again.
    let phase = Memo::new(move |_| match &*state.data.read() {
        Data::Loading => Phase::Loading,
        Data::Failed(error) => Phase::Failed(error.clone()),
        Data::Ready(_) => Phase::Ready,
    });
    // A file without headlines shows no ticker (its edition falls back to any other first).
    let has_headlines = move || {
        state.data.with(|d| match d {
            Data::Ready(c) => !c.order().is_empty(),
            _ => false,
        })
    };
    // Set once the app runs: styles hide the controls that need it until then (no JavaScript,
    // a page opened from disk, the moments before hydration).
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let body = move || {
        match phase.get() {
            Phase::Loading => EitherOf4::A(view! {
                <div class="nv-loading" role="status">
                    <div class="nv-ticker nv-ticker--placeholder"></div>
                    <p>{state.strings().loading}</p>
                </div>
            }),
            Phase::Failed(error) => {
                let s = state.strings();
                // Isolated, so that the URL keeps its own direction and the sentence's full stop stays
                // in place in Arabic.
                let src = state
                    .config
                    .with_value(|c| format!("\u{2068}{}\u{2069}", c.src));
                EitherOf4::B(view! {
                    <div class="nv-error" role="alert">
                        <MainHeading class="nv-error__what" text=crate::i18n::fill(s.load_failed, &[("url", &src)]) />
                        <p class="nv-error__why">{crate::i18n::fill(s.load_failed_reason, &[("reason", &error.reason(lang()))])}</p>
                        <button type="button" class="nv-button" on:click=move |_| load(state)>
                            {s.retry}
                        </button>
                    </div>
                })
            }
            Phase::Ready if ticker_only => {
                EitherOf4::C(view! { <Show when=has_headlines><Ticker /></Show> })
            }
            Phase::Ready => EitherOf4::D(view! {
                <Show when=has_headlines><Ticker /></Show>
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
            data-live=move || live.get().then_some("")
            aria-busy=move || state.busy.get().then_some("true")
        >
            <p class="nv-hidden" role="status">{move || state.news.get()}</p>
            {bar}
            {body}
        </div>
    }
}

/// Which part of the viewer shows.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Loading,
    Failed(LoadError),
    Ready,
}
