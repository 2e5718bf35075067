//! Reading an archive published in several files (see `publish-articles`): the first page shows as
//! a whole collection does; an article's text is fetched from its `text_url` when it opens (or
//! ahead of it, one request at a time), a deep link to an article on no page read so far through
//! `article_url`, and the older pages when the reader asks for more headlines. Texts are kept for
//! the session (see `archive.rs`).
//!
//! Not Leptos' `LocalResource`: a text is one entry of a map shared by the open article, the
//! prefetches (one at a time, joined when the reader opens the article on its way) and the
//! updates that mark it stale while it is read; a resource per open article would read again on
//! every change of article and could not join or drop a reading on its way. The first view's
//! text is in its snapshot, which a resource's server render would replace by its fallback.

use super::archive::{placed, tell_once, Text};
use super::feed::Data;
use super::navigation::Arrival;
use super::state::ViewerState;
use crate::data::error::LoadError;
use crate::data::fetch::{fetch_article, fetch_collection};
use crate::data::model::Article;
use crate::i18n::fill;
use crate::routing::safe_href;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

impl ViewerState {
    /// Where article `article`'s full file is, when its text is elsewhere.
    fn text_url(&self, article: &Article) -> Option<String> {
        let src = self.config.with_value(|c| c.src.clone());
        let url = article
            .text_url
            .as_deref()
            .filter(|_| article.text_elsewhere())?;
        safe_href(url, article.file.as_deref().unwrap_or(&src))
    }

    /// The full file the open article needs and nothing has asked for yet: its `text_url`, or,
    /// for a deep link to an article on no page read so far, the collection's `article_url`; and
    /// whether it must be read past the browser's cache (it changed since it was read).
    fn wanted_text(&self) -> Option<(String, String, bool)> {
        let collection = self.collection()?;
        let (id, url) = match self.nav.current.get() {
            Some(id) => {
                let url = self.text_url(collection.article(&id)?)?;
                (id, url)
            }
            None => {
                let id = self.nav.article_id.get()?;
                let url = fill(collection.article_url.as_deref()?, &[("id", &id)]);
                let src = self.config.with_value(|c| c.src.clone());
                (id, safe_href(&url, &src)?)
            }
        };
        match self.archive.text(&id) {
            None => Some((id, url, false)),
            Some(Text::Stale) => Some((id, url, true)),
            Some(_) => None,
        }
    }

    /// Reads article `id`'s full file at `url` (past the browser's cache when `fresh`). A prefetch
    /// (`ahead`) that fails leaves no trace, so that opening the article later tries again; but
    /// an article opened while its prefetch is in flight waits for that request alone, and its
    /// failure is the article's.
    fn fetch_text(&self, id: String, url: String, ahead: bool, fresh: bool) {
        let state = *self;
        self.archive.texts.update(|texts| {
            texts.insert(id.clone(), Text::Loading);
        });
        spawn_local(async move {
            let fetched = fetch_article(&url, &id, fresh).await;
            if let Err(error) = &fetched {
                tell_once(&url, error);
            }
            let forget = ahead && !state.nav.is_open(&id);
            // A server that fails or does not answer (not one missing file) stops prefetching.
            let down = matches!(
                &fetched,
                Err(LoadError::Network(_) | LoadError::Timeout(_) | LoadError::Http(500..))
            );
            state
                .archive
                .prefetch
                .update_value(|p| p.failing = down && ahead || p.failing && fetched.is_err());
            // A newer reading that changed the article while this one was on its way wins.
            let overtaken = state
                .archive
                .texts
                .with_untracked(|t| matches!(t.get(&id), Some(Text::Stale)));
            if !overtaken {
                state.archive.texts.update(|texts| {
                    match fetched {
                        Ok(article) => texts.insert(id, Text::Ready(Arc::new(article))),
                        // No trace, but a changed text is still read past the cache later.
                        Err(_) if forget && fresh => texts.insert(id, Text::Stale),
                        Err(_) if forget => texts.remove(&id),
                        Err(error) => texts.insert(id, Text::Failed(error)),
                    };
                });
            }
            if ahead {
                let next = state.archive.prefetch.try_update_value(|p| {
                    p.busy = false;
                    p.next.take()
                });
                if let Some(next) = next.flatten() {
                    state.prefetch(&next);
                }
            }
        });
    }

    /// Fetches article `id`'s text ahead of its opening (the reader points at or focuses its
    /// headline, or it is the next one): when its text is elsewhere and not read yet, never more
    /// than one such request at a time (a later wish replaces an earlier waiting one), and not
    /// after a failure until a text is read again.
    pub fn prefetch(&self, id: &str) {
        let fresh = match self.archive.texts.with_untracked(|t| t.get(id).cloned()) {
            None => false,
            Some(Text::Stale) => true,
            Some(_) => return,
        };
        let Some(url) = self
            .collection()
            .and_then(|c| self.text_url(c.article(id)?))
        else {
            return;
        };
        let start = self
            .archive
            .prefetch
            .try_update_value(|p| match (p.failing, p.busy) {
                (true, _) => false,
                (false, true) => {
                    p.next = Some(id.to_string());
                    false
                }
                (false, false) => {
                    p.busy = true;
                    true
                }
            });
        if start == Some(true) {
            self.fetch_text(id.to_string(), url, true, fresh);
        }
    }

    /// Whether the open article's text is still on its way: its file (or a deep link's) neither
    /// read nor failed yet (tracked).
    pub fn text_on_its_way(&self) -> bool {
        let Some(id) = self.nav.current.get().or_else(|| self.nav.article_id.get()) else {
            return false;
        };
        let elsewhere = self.collection().is_some_and(|c| match c.article(&id) {
            Some(article) => article.text_elsewhere(),
            None => c.article_url.is_some(),
        });
        elsewhere
            && matches!(
                self.archive.text(&id),
                None | Some(Text::Loading | Text::Stale)
            )
    }

    /// Whether the open article's text is in: read, or in the collection itself (tracked).
    pub fn text_is_read(&self) -> bool {
        let failed = self
            .nav
            .current
            .get()
            .is_some_and(|id| matches!(self.archive.text(&id), Some(Text::Failed(_))));
        !failed && !self.text_on_its_way()
    }

    /// Retry: a failed text is read again, and focus goes back to Retry if it fails again.
    pub fn retry_text(&self, id: &str) {
        self.nav.arrival.set_value(Arrival::Retry);
        self.archive.try_again(id);
    }

    /// For a deep link to an article on no page read so far, fetched through `article_url`: the
    /// reason its file could not be read, `None` while it is read. Not pending: `None`; an id the
    /// archive does not have (404) is not pending either, and shows as not found.
    pub fn deep_link_pending(&self) -> Option<Option<LoadError>> {
        if self.nav.current.get().is_some() {
            return None;
        }
        let id = self.nav.article_id.get()?;
        self.collection()?.article_url.as_ref()?;
        match self.archive.text(&id) {
            Some(Text::Failed(LoadError::Http(404))) => None,
            Some(Text::Failed(error)) => Some(Some(error)),
            _ => Some(None),
        }
    }

    /// Reads the next page of older articles (`older`) into the collection, then calls `done`;
    /// a failure is kept in `older_failed`.
    pub fn read_older(&self, done: impl FnOnce() + 'static) {
        let Some(url) = self.collection().and_then(|c| c.older.clone()) else {
            return;
        };
        if self.archive.reading_older.get_untracked() {
            return;
        }
        let state = *self;
        self.archive.reading_older.set(true);
        self.archive.older_failed.set(None);
        spawn_local(async move {
            let fetched = fetch_collection(&url).await;
            state.archive.reading_older.set(false);
            match fetched {
                Ok((validated, _)) => {
                    let page = placed(validated.collection, &url, false);
                    state.feed.latest.update_value(|latest| {
                        if let Some(latest) = latest {
                            *latest = Arc::new(latest.with_older(page.clone()));
                        }
                    });
                    if let Some(shown) = state.collection() {
                        state
                            .feed
                            .data
                            .set(Data::Ready(Arc::new(shown.with_older(page))));
                    }
                    done();
                }
                Err(error) => state.archive.older_failed.set(Some(error)),
            }
        });
    }
}

/// Keeps the open article's text coming: fetches the full file it needs, and once the browser is
/// idle, the next article's ahead of the reader.
pub fn follow_texts(state: ViewerState) {
    Effect::new(move |_| {
        if let Some((id, url, fresh)) = state.wanted_text() {
            state.fetch_text(id, url, false, fresh);
        }
    });
    Effect::new(move |_| {
        let (Some(id), Some(collection)) = (state.nav.current.get(), state.collection()) else {
            return;
        };
        let lang = state.prefs.lang.get_untracked();
        let edition = collection.pager_edition(&id, lang);
        let here = collection.position(&id);
        let Some(next) = edition
            .iter()
            .skip_while(|&&i| Some(i) != here)
            .nth(1)
            .map(|&i| collection.articles[i].id.to_string())
        else {
            return;
        };
        crate::observe::when_idle(move || state.prefetch(&next));
    });
}
