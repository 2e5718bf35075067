//! The open article: title, where and when it was published, reading time, body, link to its
//! source, then the way to the neighbouring and other headlines.

use super::archive::Text;
use super::feed::{Data, Held};
use super::figure::figure;
use super::focus::{focus_when_shown, MainHeading};
use super::headline::{Headline, HeadlineLink};
use super::navigation::Arrival;
use super::reader_tools::ReaderTools;
use super::state::ViewerState;
use crate::data::error::{LoadError, ViewError};
use crate::data::model::{reading_minutes, Article, Collection, Translation};
use crate::format::{format_number, format_published, language_name};
use crate::i18n::{direction_of, fill, Lang, Strings};
use crate::routing::safe_href;
use leptos::either::{Either, EitherOf4};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The article the reader asked for (the featured one by default), the "no articles yet" state
/// for an empty collection, or "article not found" with a way back for an unknown id.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = expect_context::<ViewerState>();
    // The article part is built again only when the reader opens another article or language:
    // new data (the app taking over its prerendered page) leaves the open article, and the
    // reader's place and focus in it, alone; the pager and the list follow the data themselves.
    // An article whose text is elsewhere is built again once its text is read, or fails: whether
    // it still waits for its text, and whether that failed.
    let text_phase = move || {
        let Some(id) = state
            .nav
            .current
            .get()
            .or_else(|| state.nav.article_id.get())
        else {
            return (false, false);
        };
        let text = state.archive.text(&id);
        let elsewhere = state
            .collection()
            .and_then(|c| c.article(&id).map(Article::text_elsewhere))
            .unwrap_or(false);
        (
            elsewhere && !matches!(text, Some(Text::Ready(_))),
            matches!(text, Some(Text::Failed(_))),
        )
    };
    let shown = Memo::new(move |_| {
        (
            state.prefs.lang.get(),
            state.nav.current.get(),
            state.nav.article_id.get(),
            state.feed.revision.get(),
            text_phase(),
        )
    });
    let page = move || {
        let (lang, ..) = shown.get();
        // A reader on the article's heading stays there when its text arrives (when nothing
        // else asks for their focus).
        if state.nav.arrival.get_value() == Arrival::Stay && heading_has_focus(state) {
            state.nav.arrival.set_value(Arrival::Heading);
        }
        if let Some(failed) = untrack(|| state.deep_link_pending()) {
            let id = state.nav.article_id.get_untracked().unwrap_or_default();
            return EitherOf4::C(text_part(state, id, failed, lang));
        }
        let page = untrack(|| {
            state.with_article(|collection, article| article_page(state, collection, article, lang))
        });
        match page {
            Ok(Some(page)) => EitherOf4::A(page),
            Ok(None) => EitherOf4::B(view! {
                <div class="nv-empty">
                    <MainHeading class="nv-empty__title" text=lang.strings().no_articles.to_string() />
                </div>
            }),
            Err(ViewError::ArticleNotFound(_)) => EitherOf4::D(not_found_view(state, lang)),
        }
    };
    view! {
        {move || state.feed.held.get().map(|held| held_notice(state, held))}
        {page}
    }
}

/// Whether the open article's heading has focus.
fn heading_has_focus(state: ViewerState) -> bool {
    state
        .focused()
        .is_some_and(|focused| focused.class_list().contains("nv-article__title"))
}

/// Where an article's text goes while it is fetched from elsewhere: a loading line, or why it
/// could not be read and a way to try again.
fn text_part(
    state: ViewerState,
    id: String,
    failed: Option<LoadError>,
    lang: Lang,
) -> impl IntoView {
    let s = lang.strings();
    match failed {
        None => Either::Left(view! {
            <p class="nv-article__loading" role="status">{s.text_loading}</p>
        }),
        Some(error) => {
            let why = fill(s.text_failed, &[("reason", &error.reason(lang))]);
            // A Retry that fails again puts the reader back on Retry.
            let retry = NodeRef::<html::Button>::new();
            Effect::new(move |_| {
                if let Some(button) = retry.get() {
                    if state.nav.arrival.get_value() == Arrival::Retry {
                        state.nav.arrival.set_value(Arrival::Stay);
                        let _ = button.focus();
                    }
                }
            });
            Either::Right(view! {
                <div class="nv-article__failed" role="alert">
                    <p>{why}</p>
                    <button type="button" class="nv-button" node_ref=retry on:click=move |_| state.retry_text(&id)>
                        {s.retry}
                    </button>
                </div>
            })
        }
    }
}

/// Says that the open article changed or was withdrawn in a newer reading of the file, and
/// offers the new version of a changed one.
fn held_notice(state: ViewerState, held: Held) -> impl IntoView {
    let s = state.strings();
    let show_update = move |_| {
        state.nav.arrival.set_value(Arrival::Heading);
        if state.let_go() {
            state.feed.revision.update(|n| *n += 1);
        }
    };
    let action = (!held.withdrawn).then(|| {
        view! {
            " "
            <button type="button" class="nv-notice__action" on:click=show_update>
                {s.show_update}
            </button>
        }
    });
    view! {
        <p class="nv-notice nv-notice--update" role="status">
            {if held.withdrawn { s.article_withdrawn } else { s.article_updated }}
            {action}
        </p>
    }
}

fn article_page(
    state: ViewerState,
    collection: &Collection,
    article: &Article,
    lang: Lang,
) -> impl IntoView {
    let s = lang.strings();
    let (shown_in, t) =
        article.translation_for(lang.code(), collection.default_language.as_deref());
    // Only the article's own words take its language and direction; the interface around them
    // (meta line, tools, notices) keeps the reader's.
    let heading = view! {
        <MainHeading class="nv-article__title" text=t.title.to_string() lang=shown_in.to_string() />
    };

    // The text, when it is elsewhere and not read yet: loading, or why it failed.
    let text = article
        .text_elsewhere()
        .then(|| match state.archive.text(&article.id) {
            Some(Text::Failed(error)) => Some(error),
            _ => None,
        });
    let paragraphs = t.body.paragraphs();
    let meta = meta_line(article, &paragraphs, lang);

    let notice = (shown_in != lang.code()).then(|| {
        let text = fill(
            s.translation_missing,
            &[("language", &language_name(shown_in, lang))],
        );
        view! { <p class="nv-notice" role="note">{text}</p> }
    });

    let source_link = source_link(state, article, t, s);
    let headline_only = t.body.is_empty() && text.is_none();
    let unavailable = (headline_only && source_link.is_none())
        .then(|| view! { <p class="nv-article__unavailable">{s.full_text_unavailable}</p> });
    let paragraphs: Vec<_> = paragraphs
        .into_iter()
        .map(|p| view! { <p>{p}</p> })
        .collect();
    let image = figure(state, article, t, shown_in);
    let body = match text {
        Some(failed) => Some(Either::Left(text_part(
            state,
            article.id.to_string(),
            failed,
            lang,
        ))),
        None => (!headline_only).then(|| {
            Either::Right(view! {
                <div class="nv-article__body" lang=shown_in.to_string() dir=direction_of(shown_in)>
                    {paragraphs}
                </div>
            })
        }),
    };

    view! {
        {notice}
        <article class=if headline_only { "nv-article is-headline-only" } else { "nv-article" }>
            {heading}
            {meta}
            <ReaderTools />
            {image}
            {body}
            {unavailable}
            {source_link}
        </article>
        {pager(state, article.id.to_string(), lang)}
        <OtherHeadlines id=article.id.to_string() lang />
    }
}

/// The line under the title: where and when the article was published, and its reading time
/// (from its `paragraphs`), in `lang`.
fn meta_line(article: &Article, paragraphs: &[String], lang: Lang) -> Option<impl IntoView> {
    let s = lang.strings();
    let source_name = article.source.as_ref().map(|s| &*s.name);
    let date = article
        .published
        .as_ref()
        .map(|p| format_published(p, lang));
    // A name or date in another script is isolated from the sentence around it.
    let isolate = |text: &str| format!("\u{2068}{text}\u{2069}");
    let (source_name, date) = (source_name.map(isolate), date.as_deref().map(isolate));
    let published = match (source_name.as_deref(), date.as_deref()) {
        (Some(source), Some(date)) => Some(fill(
            s.published_in_on,
            &[("source", source), ("date", date)],
        )),
        (Some(source), None) => Some(fill(s.published_in, &[("source", source)])),
        (None, Some(date)) => Some(fill(s.published_on, &[("date", date)])),
        (None, None) => None,
    };
    let reading = reading_minutes(paragraphs)
        .map(|m| fill(s.reading_time, &[("minutes", &format_number(m, lang))]));
    (published.is_some() || reading.is_some()).then(|| {
        view! {
            <p class="nv-article__meta">
                <span class="nv-article__facts">
                    {published.map(|text| view! { <span>{text}</span> })}
                    {reading.map(|text| view! { <span>{text}</span> })}
                </span>
            </p>
        }
    })
}

/// The link to the article at its source, when it has an allowed one.
fn source_link(
    state: ViewerState,
    article: &Article,
    t: &Translation,
    s: &'static Strings,
) -> Option<impl IntoView> {
    let collection_src = state.config.with_value(|c| c.src.clone());
    let href = safe_href(article.source_url(t)?, article.base(&collection_src))?;
    Some(view! {
        <a class="nv-article__source" href=href target="_blank" rel="noopener noreferrer">
            {s.read_at_source}
        </a>
    })
}

/// The collection article `id`'s pager and list walk: on the page the reader arrived at, the
/// headlines as they stood for it (see `Navigation::landing`), else every headline.
fn walked(state: ViewerState, id: &str) -> Option<Arc<Collection>> {
    let collection = state.collection()?;
    let arrived = state.nav.landing.with(|l| l.as_deref() == Some(id));
    // The newest article's are every headline.
    if !arrived || collection.order().first() == collection.position(id).as_ref() {
        return Some(collection);
    }
    // Made once for each reading of the file, however many parts of the view ask.
    STOOD.with_borrow_mut(|made| match made {
        Some((from, at, stood)) if Arc::ptr_eq(from, &collection) && at == id => {
            Some(stood.clone())
        }
        _ => {
            let stood = Arc::new(collection.as_it_stood_for(id)?);
            *made = Some((collection, id.to_string(), stood.clone()));
            Some(stood)
        }
    })
}

thread_local! {
    /// The last collection `walked` made: from which reading, for which article.
    static STOOD: std::cell::RefCell<Option<(Arc<Collection>, String, Arc<Collection>)>> =
        const { std::cell::RefCell::new(None) };
}

/// The positions of the articles before and after article `id` in the pager's order.
fn neighbours(collection: &Collection, id: &str, lang: Lang) -> [Option<usize>; 2] {
    let edition = collection.pager_edition(id, lang);
    let here = collection.position(id);
    let at = edition.iter().position(|&i| Some(i) == here);
    let neighbour = |at: Option<usize>| at.and_then(|at| edition.get(at).copied());
    [
        neighbour(at.and_then(|at| at.checked_sub(1))),
        neighbour(at.map(|at| at + 1)),
    ]
}

/// The headlines of the articles before and after article `id` in the pager's order.
fn neighbour_headlines(
    collection: &Collection,
    id: &str,
    lang: Lang,
    state: ViewerState,
) -> (Option<Headline>, Option<Headline>) {
    let default = collection.default_language.as_deref();
    let [before, after] = neighbours(collection, id, lang)
        .map(|i| i.map(|i| Headline::of(&collection.articles[i], lang, default, state)));
    (before, after)
}

/// Links to the previous and next articles, following the data (a newer reading may retitle or
/// replace them); nothing when the article has neither.
fn pager(state: ViewerState, id: String, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let sides = Memo::new(move |_| {
        walked(state, &id)
            .map(|c| neighbour_headlines(&c, &id, lang, state))
            .unwrap_or_default()
    });
    // The label is part of the link, so that its name says where it leads.
    let side = |headline: Option<Headline>, label, class, rel| {
        headline.map(|headline| {
            view! {
                <div class=class>
                    <HeadlineLink headline class="nv-pager__link" rel label />
                </div>
            }
        })
    };
    move || {
        let (previous, next) = sides.get();
        (previous.is_some() || next.is_some()).then(|| {
            view! {
                <nav class="nv-pager" aria-label=s.article_navigation>
                    {side(previous, s.previous_article, "nv-pager__prev", "prev")}
                    {side(next, s.next_article, "nv-pager__next", "next")}
                </nav>
            }
        })
    }
}

/// How many other headlines the list shows at first, and adds at each "more".
pub const LIST_PAGE: usize = 30;

/// The class of the list's links.
const LIST_LINK: &str = "nv-more__link";

/// The other headlines of the reader's edition (the ticker's), newest first, a page at a time;
/// nothing when there are none. A keyed list: new data adds and removes rows and leaves the
/// others in place.
#[component]
fn OtherHeadlines(
    /// The open article, left out of the list.
    id: String,
    /// The interface language.
    lang: Lang,
) -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let s = lang.strings();
    let shown = state.nav.list_rows;
    shown.set(untrack(|| back_to_rows(state, &id, lang)));
    let list = NodeRef::<html::Ul>::new();
    let total = listed_total(state, id.clone(), lang);
    let shown_headlines = listed_headlines(state, id, lang, shown);
    // The button may go once everything shows: focus moves on to the first new headline, which
    // is also where the reader goes on reading.
    let more = move |first_new: usize| {
        shown.set(first_new + LIST_PAGE);
        focus_when_shown(move || {
            list.try_get_untracked()
                .flatten()
                .and_then(|ul| ul.children().item(first_new as u32))
                .and_then(|li| li.first_element_child())
                .and_then(|a| a.dyn_into().ok())
        });
    };
    // An archive's older headlines are read when the ones read so far are all shown.
    let has_older = move || {
        state
            .feed
            .data
            .with(|d| matches!(d, Data::Ready(c) if c.older.is_some()))
    };
    let show_more = move |_| {
        let listed = total.get_untracked();
        match shown.get_untracked() {
            n if n < listed => more(n),
            _ => state.read_older(move || more(listed)),
        }
    };
    let older_failed = move || {
        state.archive.older_failed.get().map(|error| {
            let why = fill(s.older_failed, &[("reason", &error.reason(lang))]);
            view! { <p class="nv-more__failed" role="alert">{why}</p> }
        })
    };
    view! {
        <Show when=move || total.get() != 0>
            <section class="nv-more" aria-labelledby="nv-more-heading">
                <h2 class="nv-more__heading" id="nv-more-heading">{s.more_headlines}</h2>
                <ul class="nv-more__list" node_ref=list>
                    <For each=move || shown_headlines.get() key=|headline| headline.clone() let(headline)>
                        <li class="nv-more__item">
                            <HeadlineLink headline class=LIST_LINK />
                        </li>
                    </For>
                </ul>
                <Show when=move || shown.get() < total.get() || has_older()>
                    <button
                        type="button"
                        class="nv-more__button nv-button"
                        aria-disabled=move || state.archive.reading_older.get().then_some("true")
                        on:click=show_more
                    >
                        {s.show_more}
                    </button>
                </Show>
                {older_failed}
            </section>
        </Show>
    }
}

/// How many headlines the list has in all: the edition's, but for the open article `id`.
fn listed_total(state: ViewerState, id: String, lang: Lang) -> Memo<usize> {
    Memo::new(move |_| {
        walked(state, &id).map_or(0, |c| {
            let edition = c.edition_for(lang);
            let listed = c.position(&id).is_some_and(|p| edition.contains(&p));
            edition.len() - usize::from(listed)
        })
    })
}

/// The first `shown` headlines of the list. Only these are built: the collection may hold tens
/// of thousands.
fn listed_headlines(
    state: ViewerState,
    id: String,
    lang: Lang,
    shown: RwSignal<usize>,
) -> Memo<Vec<Headline>> {
    Memo::new(move |_| {
        let Some(collection) = walked(state, &id) else {
            return Vec::new();
        };
        let default = collection.default_language.as_deref();
        let here = collection.position(&id);
        collection
            .edition_for(lang)
            .iter()
            .filter(|&&i| Some(i) != here)
            .take(shown.get())
            .map(|&i| Headline::of(&collection.articles[i], lang, default, state))
            .collect::<Vec<_>>()
    })
}

/// How many rows the list starts with: a page, or, back to this article by Back or Forward, as
/// many pages as reach the headline the reader had followed from it (they had shown more), unless
/// the pager links it and they had not followed the list's link (they followed the pager's,
/// above the list, or the ticker's).
fn back_to_rows(state: ViewerState, id: &str, lang: Lang) -> usize {
    let (Arrival::Headline(left, class), Some(collection)) =
        (state.nav.arrival.get_value(), walked(state, id))
    else {
        return LIST_PAGE;
    };
    let mut paged = neighbours(&collection, id, lang).into_iter().flatten();
    if class != LIST_LINK && paged.any(|i| *collection.articles[i].id == *left) {
        return LIST_PAGE;
    }
    let here = collection.position(id);
    let row = collection
        .edition_for(lang)
        .iter()
        .filter(|&&i| Some(i) != here)
        .position(|&i| *collection.articles[i].id == *left);
    row.map_or(LIST_PAGE, |row| (row / LIST_PAGE + 1) * LIST_PAGE)
}

fn not_found_view(state: ViewerState, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let back = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        state.navigate(None);
    };
    view! {
        <div class="nv-not-found" role="alert">
            <MainHeading class="nv-not-found__title" text=s.article_not_found.to_string() />
            <p>{s.article_not_found_detail}</p>
            <a href=format!("?lang={}", lang.code()) on:click=back>{s.back_to_latest}</a>
        </div>
    }
}
