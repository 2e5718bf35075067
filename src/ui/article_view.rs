//! The open article: title, where and when it was published, reading time, body, link to its
//! source, then the way to the neighbouring and other headlines.

use super::figure::figure;
use super::{Headline, HeadlineLink, MainHeading, ReaderTools};
use crate::data::error::ViewError;
use crate::data::model::{reading_minutes, Article, Collection};
use crate::format::{format_number, format_published};
use crate::i18n::{direction_of, fill, language_name, Lang};
use crate::routing::safe_href;
use crate::ui::state::ViewerState;
use leptos::either::Either;
use leptos::prelude::*;

/// The article the reader asked for (the featured one by default), or the "no articles yet" state
/// for an empty collection. An unknown id is an error for the `ErrorBoundary` around the view,
/// whose fallback is `part_failed`.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = expect_context::<ViewerState>();
    // The article part is built again only when the reader opens another article or language:
    // new data (the app taking over its prerendered page) leaves the open article, and the
    // reader's place and focus in it, alone; the pager and the list follow the data themselves.
    let shown = Memo::new(move |_| {
        (
            state.lang.get(),
            state.current.get(),
            state.article_id.get(),
        )
    });
    move || {
        let (lang, _, _) = shown.get();
        let page = untrack(|| {
            state.with_article(|collection, article| article_page(state, collection, article, lang))
        });
        match page {
            Ok(Some(page)) => Ok(Either::Left(page)),
            Ok(None) => Ok(Either::Right(view! {
                <div class="nv-empty">
                    <MainHeading class="nv-empty__title" text=lang.strings().no_articles.to_string() />
                </div>
            })),
            Err(error) => Err(error),
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
    let heading = view! { <MainHeading class="nv-article__title" text=t.title.to_string() /> };

    let source_name = article.source.as_ref().map(|s| &*s.name);
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
    let paragraphs = t.body.paragraphs();
    let reading = reading_minutes(&paragraphs)
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
    let paragraphs: Vec<_> = paragraphs
        .into_iter()
        .map(|p| view! { <p>{p}</p> })
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
        {neighbours(collection, &article.id, lang)}
        <OtherHeadlines id=article.id.to_string() lang />
    }
}

/// The articles of the current edition in ticker order; the whole collection when the open
/// article is not part of the edition (it is shown in another language).
/// Positions in `collection.articles`.
fn edition<'c>(collection: &'c Collection, id: &str, lang: Lang) -> &'c [usize] {
    match collection.article(id) {
        Some(article) if !article.translations.contains(lang.code()) => collection.order(),
        _ => collection.edition(lang),
    }
}

/// Links to the previous and next articles of the edition, as they stand when the article opens.
fn neighbours(collection: &Collection, id: &str, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let edition = edition(collection, id, lang);
    let here = collection.position(id);
    let at = edition.iter().position(|&i| Some(i) == here);
    let neighbour = |at: Option<usize>| {
        at.and_then(|at| edition.get(at))
            .map(|&i| &collection.articles[i])
    };
    let previous = neighbour(at.and_then(|at| at.checked_sub(1)));
    let next = neighbour(at.map(|at| at + 1));
    let default = collection.default_language.as_deref();
    // The label is part of the link, so that its name says where it leads.
    let side =
        |article: Option<&Article>, label: &'static str, class: &'static str, rel: &'static str| {
            article.map(|a| {
                let headline = Headline::of(a, lang, default);
                view! {
                    <div class=class>
                        <HeadlineLink headline class="nv-pager__link" rel label />
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

/// The other headlines of the edition, newest first, a page at a time. A keyed list: new data
/// adds and removes rows and leaves the others in place.
#[component]
fn OtherHeadlines(
    /// The open article, left out of the list.
    id: String,
    /// The interface language.
    lang: Lang,
) -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let s = lang.strings();
    let shown = RwSignal::new(LIST_PAGE);
    let total = {
        let id = id.clone();
        move || {
            state.collection().map_or(0, |c| {
                edition(&c, &id, lang).len() - usize::from(c.position(&id).is_some())
            })
        }
    };
    // Only the shown headlines are built: the collection may hold tens of thousands.
    let shown_headlines = move || {
        let Some(collection) = state.collection() else {
            return Vec::new();
        };
        let default = collection.default_language.as_deref();
        let here = collection.position(&id);
        edition(&collection, &id, lang)
            .iter()
            .filter(|&&i| Some(i) != here)
            .take(shown.get())
            .map(|&i| Headline::of(&collection.articles[i], lang, default))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="nv-more" aria-labelledby="nv-more-heading">
            <h2 class="nv-more__heading" id="nv-more-heading">{s.more_headlines}</h2>
            <ul class="nv-more__list">
                <For each=shown_headlines key=|headline| headline.id.clone() let(headline)>
                    <li class="nv-more__item">
                        <HeadlineLink headline class="nv-more__link" />
                    </li>
                </For>
            </ul>
            <Show when=move || shown.get() < total()>
                <button
                    type="button"
                    class="nv-more__button nv-button"
                    on:click=move |_| shown.update(|n| *n += LIST_PAGE)
                >
                    {s.show_more}
                </button>
            </Show>
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
            <MainHeading class="nv-not-found__title" text=s.article_not_found.to_string() />
            <p>{s.article_not_found_detail}</p>
            <a href=format!("?lang={}", lang.code()) on:click=back>{s.back_to_latest}</a>
        </div>
    }
}
