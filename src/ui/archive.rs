//! An archive published in several files (see `publish-articles`), as a viewer holds it: the texts
//! read from articles' own files this session, the prefetches, the older pages. `reading.rs`
//! reads them.

use crate::data::error::LoadError;
use crate::data::model::{Article, Collection};
use crate::routing::safe_href;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// An article's full file, as read this session.
#[derive(Clone, Debug)]
pub enum Text {
    Loading,
    Ready(Arc<Article>),
    Failed(LoadError),
    /// A newer reading of the collection changed the article: its file is read again when it
    /// opens, past the browser's cache.
    Stale,
}

thread_local! {
    /// The kinds of text-file failure told in the console so far, on this page: one line each.
    static TOLD: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
}

/// Says once per page per kind of failure that an article's file could not be read (a reader
/// tabbing through a list while the server is down would otherwise cause a line per headline).
pub fn tell_once(url: &str, error: &LoadError) {
    let kind = format!("{:?}", std::mem::discriminant(error));
    if TOLD.with(|told| told.borrow_mut().insert(kind)) {
        leptos::logging::warn!("news-viewer: {url}: {error}");
    }
}

/// The prefetches: whether one is in flight, and the one to start after it (the latest asked).
#[derive(Default)]
pub struct Prefetch {
    pub busy: bool,
    /// A prefetch failed, and no text has been read since: prefetching waits for one (a reader
    /// tabbing through a list while the server is down would otherwise cause a request, and a
    /// browser console line, per headline).
    pub failing: bool,
    pub next: Option<String>,
}

/// `collection` as read from the file at `url`: its `older` resolved against that file, and, for a
/// page other than the viewer's own file (`own`), its articles marked as read from it. (Only the
/// first page's `article_url` is used, resolved against the viewer's own file when used.)
pub fn placed(mut collection: Collection, url: &str, own: bool) -> Collection {
    collection.older = collection.older.as_deref().and_then(|o| safe_href(o, url));
    if !own {
        let file: Arc<str> = url.into();
        for article in &mut collection.articles {
            article.file = Some(file.clone());
        }
    }
    collection
}

/// What a viewer holds of an archive.
#[derive(Clone, Copy)]
pub struct Archive {
    /// Articles' full files (an archive's `text_url`), by id, as read this session.
    pub texts: RwSignal<HashMap<String, Text>>,
    /// The texts fetched ahead of the reader (see `prefetch`).
    pub prefetch: StoredValue<Prefetch>,
    /// The next page of older headlines is being read (see `read_older`).
    pub reading_older: RwSignal<bool>,
    /// Why the older headlines could not be read.
    pub older_failed: RwSignal<Option<LoadError>>,
}

impl Default for Archive {
    fn default() -> Self {
        Archive {
            texts: RwSignal::new(HashMap::new()),
            prefetch: StoredValue::new(Prefetch::default()),
            reading_older: RwSignal::new(false),
            older_failed: RwSignal::new(None),
        }
    }
}

impl Archive {
    /// What is known of article `id`'s full file (tracked).
    pub fn text(&self, id: &str) -> Option<Text> {
        self.texts.with(|texts| texts.get(id).cloned())
    }

    /// A text that failed is read again, past the browser's cache (the failure may have come
    /// after a newer reading changed the article).
    pub fn try_again(&self, id: &str) {
        self.texts.update(|texts| {
            texts.insert(id.to_string(), Text::Stale);
        });
    }

    /// Marks what is known of articles `ids`' texts as stale: read, being read (that answer may
    /// be older than the change) or failed; `texts` is touched only when one is known.
    pub fn forget<'a>(&self, ids: impl IntoIterator<Item = &'a String>) {
        let read: Vec<&String> = ids
            .into_iter()
            .filter(|id| self.texts.with_untracked(|t| t.contains_key(*id)))
            .collect();
        if !read.is_empty() {
            self.texts.update(|texts| {
                for id in read {
                    texts.insert(id.clone(), Text::Stale);
                }
            });
        }
    }
}
