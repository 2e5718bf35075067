//! The open article: title, where and when it was published, reading time, body, link to its
//! source, then the way to the neighbouring and other headlines.

use super::figure::figure;
use super::{Headline, ReaderTools};
use crate::error::ViewError;
use crate::format::{format_number, format_published};
use crate::i18n::{direction_of, fill, language_name, Lang};
use crate::model::{reading_minutes, Article, Collection};
use crate::routing::safe_href;
use crate::state::ViewerState;
use leptos::either::Either;
use leptos::prelude::*;

/// The article the reader asked for (the featured one by default), or the "no articles yet" state
/// for an empty collection. An unknown id is an error for the `ErrorBoundary` around the view,
/// whose fallback is `part_failed`.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = expect_context::<ViewerState>();
    move || {
        let lang = state.lang.get();
        match state
            .with_article(|collection, article| article_page(state, collection, article, lang))
        {
            Ok(Some(page)) => Ok(Either::Left(page)),
            Ok(None) => Ok(Either::Right(view! {
                <div class="nv-empty">{super::main_heading(state, "nv-empty__title", lang.strings().no_articles.into())}</div>
            })),
            Err(()) => Err(ViewError::ArticleNotFound(
                state.article_id.get().unwrap_or_default(),
            )),
        }
    }
}

/// What a failed part shows: "article not found" with a way back for an unknown id, a short
/// notice for anything else.
pub fn part_failed(state: ViewerState, errors: ArcRwSignal<Errors>) -> impl IntoView {
    move || {
        let lang = state.lang.get();
        let not_found = errors.read().iter().any(|(_, e)| {
            matches!(
                e.downcast_ref::<ViewError>(),
                Some(ViewError::ArticleNotFound(_))
            )
        });
        if not_found {
            Either::Left(not_found_view(state, lang))
        } else {
            Either::Right(
                view! { <p class="nv-part-failed" role="alert">{lang.strings().part_failed}</p> },
            )
        }
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
    let heading = super::main_heading(state, "nv-article__title", t.title.clone());

    let source_name = article.source.as_ref().map(|s| s.name.as_str());
    let date = article
        .published
        .as_ref()
        .map(|p| format_published(p, lang));
    let published = match (source_name, date.as_deref()) {
        (Some(source), Some(date)) => Some(fill(
            s.published_in_on,
            &[("source", source), ("date", date)],
        )),
        (Some(source), None) => Some(fill(s.published_in, &[("source", source)])),
        (None, Some(date)) => Some(fill(s.published_on, &[("date", date)])),
        (None, None) => None,
    };
    let reading = reading_minutes(&t.body)
        .map(|m| fill(s.reading_time, &[("minutes", &format_number(m, lang))]));

    let notice = (shown_in != lang.code()).then(|| {
        let text = fill(
            s.translation_missing,
            &[("language", &language_name(lang, shown_in))],
        );
        view! { <p class="nv-notice" role="note">{text}</p> }
    });

    let collection_src = state.config.with_value(|c| c.src.clone());
    let source_link = article
        .source_url(t)
        .and_then(|url| safe_href(url, &collection_src))
        .map(|href| {
            view! {
                <a class="nv-article__source" href=href target="_blank" rel="noopener noreferrer">
                    {s.read_at_source}
                </a>
            }
        });
    let headline_only = t.body.is_empty();
    let unavailable = (headline_only && source_link.is_none())
        .then(|| view! { <p class="nv-article__unavailable">{s.full_text_unavailable}</p> });
    let paragraphs: Vec<_> = t
        .body
        .iter()
        .map(|p| view! { <p>{p.clone()}</p> })
        .collect();
    let image = figure(state, article, t);

    view! {
        {notice}
        <article class=if headline_only { "nv-article is-headline-only" } else { "nv-article" } lang=shown_in.to_string() dir=direction_of(shown_in)>
            {heading}
            <p class="nv-article__meta">
                {published.map(|text| view! { <span>{text}</span> })}
                {reading.map(|text| view! { <span>{text}</span> })}
            </p>
            <ReaderTools />
            {image}
            <div class="nv-article__body">{paragraphs}</div>
            {unavailable}
            {source_link}
        </article>
        {neighbours(state, collection, article, lang)}
        {other_headlines(state, collection, article, lang)}
    }
}

/// The articles of the current edition in ticker order; the whole collection when the open
/// article is not part of the edition (it is shown in another language).
/// Positions in `collection.articles`.
fn edition<'c>(collection: &'c Collection, article: &Article, lang: Lang) -> &'c [usize] {
    if article.translations.contains_key(lang.code()) {
        collection.edition(lang)
    } else {
        collection.order()
    }
}

fn neighbours(
    state: ViewerState,
    collection: &Collection,
    article: &Article,
    lang: Lang,
) -> impl IntoView {
    let s = lang.strings();
    let edition = edition(collection, article, lang);
    let here = collection.position(&article.id);
    let at = edition.iter().position(|&i| Some(i) == here);
    let neighbour = |at: Option<usize>| {
        at.and_then(|at| edition.get(at))
            .map(|&i| &collection.articles[i])
    };
    let previous = neighbour(at.and_then(|at| at.checked_sub(1)));
    let next = neighbour(at.map(|at| at + 1));
    let side =
        |article: Option<&Article>, label: &'static str, class: &'static str, rel: &'static str| {
            article.map(|a| {
                view! {
                    <div class=class>
                        <span class="nv-pager__label">{label}</span>
                        {Headline::of(a, lang).link(state, "nv-pager__link", Some(rel), true)}
                    </div>
                }
            })
        };
    view! {
        <nav class="nv-pager" aria-label=s.article_navigation>
            {side(previous, s.previous_article, "nv-pager__prev", "prev")}
            {side(next, s.next_article, "nv-pager__next", "next")}
        </nav>
    }
}

/// How many other headlines the list shows at first, and adds at each "more".
const LIST_PAGE: usize = 30;

fn other_headlines(
    state: ViewerState,
    collection: &Collection,
    article: &Article,
    lang: Lang,
) -> impl IntoView {
    let s = lang.strings();
    let here = collection.position(&article.id);
    let others: Vec<usize> = edition(collection, article, lang)
        .iter()
        .copied()
        .filter(|&i| Some(i) != here)
        .collect();
    let total = others.len();
    let shown = RwSignal::new(LIST_PAGE.min(total));
    // Only the shown headlines are built: the collection may hold tens of thousands.
    let collection = state.collection();
    let items = move || {
        let Some(collection) = &collection else {
            return Vec::new();
        };
        others[..shown.get()]
            .iter()
            .map(|&i| {
                let link = Headline::of(&collection.articles[i], lang).link(
                    state,
                    "nv-more__link",
                    None,
                    true,
                );
                view! { <li class="nv-more__item">{link}</li> }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section class="nv-more" aria-labelledby="nv-more-heading">
            <h2 class="nv-more__heading" id="nv-more-heading">{s.more_headlines}</h2>
            <ul class="nv-more__list">{items}</ul>
            {move || {
                (shown.get() < total)
                    .then(|| {
                        super::text_button(
                            "nv-more__button nv-button",
                            s.show_more,
                            Box::new(move |_| shown.update(|n| *n = (*n + LIST_PAGE).min(total))),
                        )
                    })
            }}
        </section>
    }
}

fn not_found_view(state: ViewerState, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let back = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        state.article_id.set(None);
    };
    view! {
        <div class="nv-not-found" role="alert">
            {super::main_heading(state, "nv-not-found__title", s.article_not_found.into())}
            <p>{s.article_not_found_detail}</p>
            <a href=format!("?lang={}", lang.code()) on:click=back>{s.back_to_latest}</a>
        </div>
    }
}
