//! The viewer as a whole: loads the collection, then lays out the language toggle, the ticker and
//! the article, or says why it cannot.

use super::article_view::ArticleView;
use super::feed::Data;
use super::focus::MainHeading;
use super::language_toggle::LanguageToggle;
use super::page::{tell, LANGUAGE, READY, UPDATE};
use super::prefs::{Settings, Theme};
use super::state::{Config, FirstView, Host, ViewerState};
use super::ticker::Ticker;
use crate::data::error::LoadError;
use crate::data::fetch::fetch_collection;
use crate::data::model::{Changes, Collection};
use crate::i18n::Lang;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// A complete viewer for `config`: renders `ViewerRoot` and reads the collection file. Given the
/// `first_view` a page was prerendered with, it starts from it (so that it can hydrate that page)
/// and turns to the reader's own settings and the file's data right after.
#[component]
pub fn Viewer(
    /// Where the data is and how the viewer sits on the page.
    config: Config,
    /// The page it is on.
    host: Host,
    /// The prerendered first view to start from (to hydrate it, or to render it afresh), if any.
    #[prop(default = None)]
    first_view: Option<FirstView>,
) -> impl IntoView {
    let standalone = config.standalone;
    let state = ViewerState::new(config, host);
    // A prerendered page stays in its language unless the URL or the reader's saved choice asks
    // for another: switching because of the browser's languages alone would redo the first view
    // for every such reader.
    let asked = state
        .config
        .with_value(|c| c.lang)
        .or_else(|| state.prefs.saved_language());
    let settings = first_view.map(|first| {
        state.prefs.follows_collection_language.set(false);
        let reader = (state.prefs.settings(), state.nav.article_id.get_untracked());
        state.prefs.put(Settings {
            lang: Some(first.lang),
            ..Settings::DESIGNED
        });
        state
            .nav
            .landing
            .set(first.article.clone().filter(|_| first.arriving));
        state.nav.article_id.set(first.article);
        state.feed.data.set(Data::Ready(Arc::new(first.snapshot)));
        reader
    });
    provide_context(state);
    let owner = Owner::current();
    // Once hydrated (or mounted): the reader's settings, then the page's and host's followers,
    // so that settling on them neither adds a history entry nor tells the host of an action.
    spawn_local(async move {
        if let Some((settings, article)) = settings {
            state.prefs.put(Settings {
                lang: asked,
                ..settings
            });
            state.nav.article_id.set(article);
        }
        if let Some(owner) = owner {
            owner.with(|| {
                state.prefs.follow_the_system();
                if standalone {
                    (host.follow_page)(state);
                }
                tell_the_host(state);
                // A ticker strip shows no article: it reads no text.
                if !state.config.with_value(|c| c.ticker_only) {
                    super::reading::follow_texts(state);
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
        let lang = state.prefs.lang.get();
        if let (Some(previous), Some(root)) = (previous, state.root.get_untracked()) {
            if previous != lang {
                tell(
                    state.host.page,
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
/// page the viewer is ready, which article it shows and, when the file could not be read, why
/// (`fetch_collection` tells the publisher, in the console, what it could not read).
fn load(state: ViewerState) {
    // A first view stays on screen while the file is read; the file's data then wins.
    let shows_first_view = state
        .feed
        .data
        .with_untracked(|d| matches!(d, Data::Ready(_)));
    if !shows_first_view {
        state.feed.data.set(Data::Loading);
    }
    let src = state.config.with_value(|c| c.src.clone());
    state.feed.busy.set(true);
    spawn_local(async move {
        let fetched = fetch_collection(&src).await;
        state.feed.busy.set(false);
        crate::js::warm_up_intl();
        let failed = match fetched {
            Ok((validated, validator)) => {
                state.set_collection(validated);
                let every = state.config.with_value(|c| c.refresh_ms);
                let absolute = document()
                    .base_uri()
                    .ok()
                    .flatten()
                    .and_then(|base| web_sys::Url::new_with_base(&src, &base).ok());
                if let Some(url) = absolute.filter(|_| every > 0) {
                    (state.host.keep_reading)(state, url.href(), validator);
                }
                None
            }
            Err(error) => {
                let why = error.to_string();
                if !shows_first_view {
                    state.feed.data.set(Data::Failed(error));
                }
                Some(why)
            }
        };
        if let Some(root) = state.root.get_untracked() {
            let id = state.nav.current.get_untracked().unwrap_or_default();
            let lang = state.prefs.lang.get_untracked().code();
            let mut detail = vec![("articleId", id.as_str()), ("lang", lang)];
            detail.extend(failed.as_deref().map(|why| ("error", why)));
            tell(state.host.page, &root, READY, &detail);
        }
    });
}

/// What a viewer would say of a newer reading of its file (in its live region): in which
/// language, and how to say it. A page says it once, however many viewers it has.
pub struct Announcement {
    pub lang: Lang,
    pub say: Box<dyn FnOnce()>,
}

/// Takes in a newer reading of the collection file (see `ViewerState::take_update`): the host
/// page hears which articles were added, changed and removed, and what the live region would
/// say of it (how many headlines of the reader's edition are new) is returned.
pub fn take_reading(state: ViewerState, fresh: Arc<Collection>) -> Option<Announcement> {
    // For the benchmark and for publishers profiling their page: the file is read, from here on
    // it is the viewer's own work.
    if let Some(performance) = window().performance() {
        let _ = performance.mark("news-viewer:update");
    }
    let update = state.new_reading(fresh)?;
    // The new headlines show at once. The host page hears of every change once the articles are
    // compared, after them: comparing every article would hold them back. With nothing added or
    // removed, only comparing says whether anything changed: the reading is then taken in once
    // that is known, unless a newer one came meanwhile.
    let at_once = !update.arrivals.is_empty();
    let lang = state.prefs.lang.get_untracked();
    let mut added = 0;
    if at_once {
        state.take_update(&update);
        // Emptied first, so that the same words said twice are still announced.
        state.feed.news.set(None);
        // The new headlines of the reader's edition: those the ticker and the list show.
        added = state.collection().map_or(0, |c| {
            let edition = c.edition_for(lang);
            let in_edition = |id: &&String| c.position(id).is_some_and(|p| edition.contains(&p));
            update.arrivals.added.iter().filter(in_edition).count()
        });
    }
    spawn_local(async move {
        let changes = update.complete().await;
        if !at_once {
            if changes.is_empty() || !state.is_news(&update) {
                return;
            }
            state.take_update(&update);
        }
        settle(state, changes);
    });
    let strings = state.strings();
    (added > 0).then(|| {
        let say = move || {
            request_animation_frame(move || {
                let count = crate::format::format_number(added, lang);
                let said = crate::i18n::fill(strings.new_headlines, &[("count", &count)]);
                state.feed.news.set(Some(said));
            })
        };
        Announcement {
            lang,
            say: Box::new(say),
        }
    })
}

/// Follows the `changes` of a reading taken in, and tells the host page of them.
fn settle(state: ViewerState, changes: Changes) {
    state.settle(&changes);
    let Some(root) = state.root.get_untracked() else {
        return;
    };
    let detail = js_sys::Object::new();
    for (key, ids) in [
        ("added", &changes.added),
        ("changed", &changes.changed),
        ("removed", &changes.removed),
    ] {
        let list: js_sys::Array = ids.iter().map(wasm_bindgen::JsValue::from).collect();
        let _ = js_sys::Reflect::set(&detail, &key.into(), &list);
    }
    state.host.page.tell(&root, UPDATE, &detail);
}

/// What the viewer shows for the state in context.
#[component]
pub fn ViewerRoot() -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let lang = move || state.prefs.lang.get();
    let ticker_only = state.config.with_value(|c| c.ticker_only);
    // Which part shows changes rarely; what the ready part shows follows the data inside it, so
    // new data patches the views in place instead of building them again.
    let phase = Memo::new(move |_| match &*state.feed.data.read() {
        Data::Loading => Phase::Loading,
        Data::Failed(error) => Phase::Failed(error.clone()),
        Data::Ready(_) => Phase::Ready,
    });
    // A file without headlines shows no ticker (its edition falls back to any other first).
    let has_headlines = move || {
        state.feed.data.with(|d| match d {
            Data::Ready(c) => !c.order().is_empty(),
            _ => false,
        })
    };
    // Set once the app runs: styles hide the controls that need it until then (no JavaScript,
    // a page opened from disk, the moments before hydration).
    Effect::new(move |_| state.live.set(true));
    let body = move || match phase.get() {
        Phase::Loading => EitherOf4::A(view! {
            <div class="nv-loading" role="status">
                <div class="nv-ticker nv-ticker--placeholder"></div>
                <p>{state.strings().loading}</p>
            </div>
        }),
        Phase::Failed(error) => EitherOf4::B(load_failed(state, error)),
        Phase::Ready if ticker_only => {
            EitherOf4::C(view! { <Show when=has_headlines><Ticker /></Show> })
        }
        Phase::Ready => EitherOf4::D(view! {
            <Show when=has_headlines><Ticker /></Show>
            <div class="nv-main">
                <ArticleView />
            </div>
        }),
    };
    let bar = (!ticker_only).then(|| {
        view! {
            <button type="button" class="nv-skip" on:click=move |_| skip_to_article(state)>
                {move || state.strings().skip_to_article}
            </button>
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
            data-theme=move || state.prefs.theme.get().map(Theme::name)
            data-text-size=move || state.prefs.text_size.get().to_string()
            data-live=move || state.live.get().then_some("")
            aria-busy=move || state.feed.busy.get().then_some("true")
        >
            <p class="nv-hidden" role="status">{move || state.feed.news.get()}</p>
            {bar}
            {body}
        </div>
    }
}

/// Focuses the main heading of what the viewer shows (the article's title, or why the file could
/// not be read), else the article's first control (Retry, while its text cannot be read),
/// bringing it into view. (Not shown while the file loads: see the stylesheet.)
/// (A button: a link to a fragment cannot reach into the viewer's shadow root.)
fn skip_to_article(state: ViewerState) {
    use wasm_bindgen::JsCast;
    let Some(root) = state.root.get_untracked() else {
        return;
    };
    let target = [":is(h1, h2)[tabindex]", ".nv-main :is(a, button)"]
        .iter()
        .find_map(|selector| root.query_selector(selector).ok().flatten())
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// Why the collection could not be read, and Retry.
fn load_failed(state: ViewerState, error: LoadError) -> impl IntoView {
    let s = state.strings();
    let lang = state.prefs.lang.get();
    // Isolated, so that the URL keeps its own direction and the sentence's full stop stays in
    // place in Arabic.
    let src = state
        .config
        .with_value(|c| format!("\u{2068}{}\u{2069}", c.src));
    let what = crate::i18n::fill(s.load_failed, &[("url", &src)]);
    let why = crate::i18n::fill(s.load_failed_reason, &[("reason", &error.reason(lang))]);
    view! {
        <div class="nv-error" role="alert">
            <MainHeading class="nv-error__what" text=what />
            <p class="nv-error__why">{why}</p>
            <button type="button" class="nv-button" on:click=move |_| load(state)>
                {s.retry}
            </button>
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
