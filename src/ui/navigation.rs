//! Which article is open, and where focus goes when the reader opens one (see
//! `ViewerState::navigate_to`).

use super::archive::Text;
use super::feed::Data;
use crate::i18n::Lang;
use leptos::prelude::*;
use std::collections::HashMap;

/// Where focus goes once the view a reader's action asked for is in place.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Arrival {
    /// Nowhere: the view changed by itself (loading, an update).
    #[default]
    Stay,
    /// The article's heading, brought into view: the reader opened an article.
    Heading,
    /// The Retry button again if the text fails again, else the heading.
    Retry,
    /// Back or Forward: the link to the article the reader last followed from this one (by id;
    /// empty when they have only ever left it by Back or Forward; and by class: the pager's, the
    /// list's or the ticker's, which may all lead there), where the viewer puts them back, if the
    /// view shows one; else the article's heading if on screen; else nowhere, so that nothing
    /// scrolls.
    Headline(String, String),
}

/// The open article.
#[derive(Clone, Copy)]
pub struct Navigation {
    /// The article asked for; `None` opens the featured one.
    pub article_id: RwSignal<Option<String>>,
    /// The id of the open article once loaded: what every headline link asks.
    pub current: Memo<Option<String>>,
    /// Where focus goes once the view the reader's action asked for is in place. Never set on
    /// load or by an update.
    pub arrival: StoredValue<Arrival>,
    /// The featured article a reader had open when a newer reading of the file arrived: it stays
    /// open (without changing the URL) until the reader opens another one or changes language
    /// (which lets a held version go too).
    pub pinned: RwSignal<Option<String>>,
    /// The article of the page the reader arrived at (its first view's), until they change
    /// language: its pager and list show the headlines as they stood for it, as the page does,
    /// so that taking the page over moves nothing on it, and so again when they go back to it.
    pub landing: RwSignal<Option<String>>,
    /// How many headlines the list under the open article shows: a page, more after Show more or
    /// back to it (see `article_view::back_to_rows`), as many as before after a reload.
    pub list_rows: RwSignal<usize>,
    /// The class of the link the reader last followed (see `Arrival::Headline`).
    pub followed: StoredValue<&'static str>,
    /// Where the page was scrolled to as they followed it, until the history entry they left
    /// takes it (`NaN` then): the place Back brings them back to.
    pub followed_at: StoredValue<f64>,
}

impl Navigation {
    /// `article` asked for (else the featured article in `lang`), in `data`; an article on no
    /// page read so far is open once its file is among `texts`.
    pub fn new(
        article: Option<String>,
        data: RwSignal<Data>,
        texts: RwSignal<HashMap<String, Text>>,
        lang: RwSignal<Lang>,
    ) -> Self {
        let article_id = RwSignal::new(article);
        let pinned = RwSignal::new(None::<String>);
        let current = Memo::new(move |_| {
            let Data::Ready(collection) = &*data.read() else {
                return None;
            };
            match article_id.get().or_else(|| pinned.get()) {
                Some(id) => collection
                    .article(&id)
                    .map(|a| a.id.to_string())
                    .or_else(|| {
                        // An article on no page read so far, whose file a deep link fetched.
                        texts
                            .with(|t| matches!(t.get(&id), Some(Text::Ready(_))))
                            .then_some(id)
                    }),
                None => collection.featured(lang.get()).map(|a| a.id.to_string()),
            }
        });
        Navigation {
            article_id,
            current,
            arrival: StoredValue::new(Arrival::Stay),
            pinned,
            landing: RwSignal::new(None),
            list_rows: RwSignal::new(0),
            followed: StoredValue::new(""),
            followed_at: StoredValue::new(f64::NAN),
        }
    }

    /// The reader follows a link of `class` (see `followed`, `followed_at`).
    pub fn follow(&self, class: &'static str) {
        self.followed.set_value(class);
        // Read now: focus may just have moved the page, whose scroll event comes only at the
        // next frame, after the next article is in the page.
        self.followed_at
            .set_value(window().scroll_y().unwrap_or(f64::NAN));
    }

    /// Whether `id` is the article the reader has open (or asked for by a deep link).
    pub fn is_open(&self, id: &str) -> bool {
        let open = |asked: &Option<String>| asked.as_deref() == Some(id);
        self.current.with_untracked(open) || self.article_id.with_untracked(open)
    }
}
