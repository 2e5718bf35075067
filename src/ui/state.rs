//! The viewer's shared state: the loaded collection, the reader's settings (`prefs`) and the
//! open article, as one `Copy` context that every component reads.

use super::archive::{placed, Prefetch, Text};
use super::page::{tell, Page, OPEN};
use super::prefs::Preferences;
use crate::data::error::{LoadError, ViewError};
use crate::data::model::{Article, Changes, Collection};
use crate::data::read::Validated;
use crate::i18n::{Lang, Strings};
use leptos::html;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// How a viewer was placed on the page, read once from its host element.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// URL of the collection file, relative to the page.
    pub src: String,
    /// The viewer owns the page: it may change the URL, the history, the title and `<html lang>`.
    pub standalone: bool,
    /// The viewer is the whole page of an iframe (`embed.html`): its headings head that page.
    pub frame: bool,
    /// Speed of the ticker in CSS pixels per second.
    pub ticker_speed: f64,
    /// How often the collection file is read again, in milliseconds; 0: never.
    pub refresh_ms: u32,
    /// Language asked for by the page or the URL, before the reader's saved choice.
    pub lang: Option<Lang>,
    /// Article asked for by the page or the URL.
    pub article: Option<String>,
    /// Only the headline ticker, for a page's header strip.
    pub ticker_only: bool,
    /// Where a headline of a ticker-only viewer links to: `{id}` and `{lang}` are filled in.
    pub link_pattern: Option<String>,
    /// Name of the ticker's landmark, for pages that hold several tickers (names must differ).
    pub label: Option<String>,
    /// The browser's preferred languages (`navigator.languages`).
    pub browser_languages: Vec<String>,
}

/// Five minutes between two readings of the collection file, unless the page says otherwise.
pub const REFRESH_DEFAULT_MS: u32 = 300_000;

/// An open article that a newer reading of the file changed or withdrew: the reader keeps the
/// version they were reading until they leave it.
#[derive(Clone, Debug, PartialEq)]
pub struct Held {
    pub id: String,
    pub withdrawn: bool,
}

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
    /// Back or Forward: the link to the article the reader left (by id), where the browser puts
    /// them back, if the view shows one; else nowhere, so that nothing scrolls.
    Headline(String),
}

impl Default for Config {
    fn default() -> Self {
        Config {
            src: "articles.json".into(),
            standalone: false,
            frame: false,
            ticker_speed: 60.0,
            refresh_ms: REFRESH_DEFAULT_MS,
            lang: None,
            article: None,
            ticker_only: false,
            link_pattern: None,
            label: None,
            browser_languages: Vec::new(),
        }
    }
}

/// The first view a page was prerendered with: a snapshot of the data it shows (see
/// `first_view_snapshot`) and its language. A viewer hydrates from it.
#[derive(Clone, Debug)]
pub struct FirstView {
    pub snapshot: Collection,
    pub lang: Lang,
}

/// Where loading the collection stands.
#[derive(Clone, Debug)]
pub enum Data {
    Loading,
    Ready(Arc<Collection>),
    Failed(LoadError),
}

/// What the mounting layer gives a viewer: the page it is on, and what follows the viewer there.
#[derive(Clone, Copy)]
pub struct Host {
    pub page: &'static dyn Page,
    /// Keeps a standalone page's URL, history and title in step with the viewer.
    pub follow_page: fn(ViewerState),
    /// Reads the collection file at `src` (absolute) again every `data-refresh` seconds, from the
    /// reading the viewer has (its validator), and passes each newer one to `take_reading`.
    pub keep_reading: fn(ViewerState, String, Option<String>),
}

/// The one context of a viewer. Components derive what they show from it.
#[derive(Clone, Copy)]
pub struct ViewerState {
    pub data: RwSignal<Data>,
    /// The reader's settings (language, theme, text size).
    pub prefs: Preferences,
    /// The page the viewer is on, and what follows it there.
    pub host: Host,
    /// The article asked for; `None` opens the featured one.
    pub article_id: RwSignal<Option<String>>,
    /// The id of the open article once loaded: what every headline link asks.
    pub current: Memo<Option<String>>,
    pub config: StoredValue<Config>,
    /// The collection file is being read (the root is then `aria-busy`).
    pub busy: RwSignal<bool>,
    /// The viewer's root element, where its events start.
    pub root: NodeRef<html::Div>,
    /// Where focus goes once the view the reader's action asked for is in place. Never set on
    /// load or by an update.
    pub arrival: StoredValue<Arrival>,
    /// The featured article a reader had open when a newer reading of the file arrived: it stays
    /// open (without changing the URL) until the reader opens another one or changes language
    /// (which lets a held version go too).
    pub pinned: RwSignal<Option<String>>,
    /// The open article, when a newer reading changed or withdrew it (see `take_update`).
    pub held: RwSignal<Option<Held>>,
    /// The file as last read by a refresh: what the next reading is compared with, and what shows
    /// once a held article is let go.
    pub latest: StoredValue<Option<Arc<Collection>>>,
    /// How many newer readings of the file were taken in.
    pub updates: RwSignal<u32>,
    /// Bumped to show the open article again, in its updated version.
    pub revision: RwSignal<u32>,
    /// What the live region says about the last update ("Nouveaux titres : 3").
    pub news: RwSignal<Option<String>>,
    /// Articles' full files (an archive's `text_url`), by id, as read this session.
    pub texts: RwSignal<HashMap<String, Text>>,
    /// The texts fetched ahead of the reader (see `prefetch`).
    pub prefetch: StoredValue<Prefetch>,
    /// The next page of older headlines is being read (see `read_older`).
    pub reading_older: RwSignal<bool>,
    /// Why the older headlines could not be read.
    pub older_failed: RwSignal<Option<LoadError>>,
}

impl ViewerState {
    /// The state of a viewer for `config`: in the language the page, the URL, the reader's saved
    /// choice or the browser asks for, else (once loaded) the collection's default.
    pub fn new(config: Config, host: Host) -> Self {
        let saved = host.page.load("lang");
        let preferred =
            preferred_language(config.lang, saved.as_deref(), &config.browser_languages);
        let data = RwSignal::new(Data::Loading);
        let article_id = RwSignal::new(config.article.clone());
        let prefs = Preferences::new(
            host.page,
            initial_language(preferred, None),
            preferred.is_none(),
        );
        let lang = prefs.lang;
        let pinned = RwSignal::new(None::<String>);
        let texts = RwSignal::new(HashMap::<String, Text>::new());
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
        ViewerState {
            data,
            prefs,
            host,
            article_id,
            current,
            config: StoredValue::new(config),
            busy: RwSignal::new(false),
            root: NodeRef::new(),
            arrival: StoredValue::new(Arrival::Stay),
            pinned,
            held: RwSignal::new(None),
            latest: StoredValue::new(None),
            updates: RwSignal::new(0),
            revision: RwSignal::new(0),
            news: RwSignal::new(None),
            texts,
            prefetch: StoredValue::new(Prefetch::default()),
            reading_older: RwSignal::new(false),
            older_failed: RwSignal::new(None),
        }
    }

    /// Puts a validated collection in place.
    pub fn set_collection(&self, validated: Validated) {
        if self.prefs.follows_collection_language.get_untracked() {
            let default = validated.collection.default_language.as_deref();
            self.prefs.lang.set(initial_language(None, default));
        }
        let src = self.config.with_value(|c| c.src.clone());
        let collection = placed(validated.collection, &src, true);
        // The texts the first view already shows (its snapshot holds the featured article's)
        // are not read again, and the article is not built again for them.
        if let Some(first_view) = self.collection() {
            let shown = |a: &&Article| a.translations.iter().any(|(_, t)| !t.body.is_empty());
            self.texts.update(|texts| {
                for article in collection.articles.iter().filter(|a| a.text_elsewhere()) {
                    if let Some(known) = first_view.article(&article.id).filter(shown) {
                        texts.insert(article.id.to_string(), Text::Ready(Arc::new(known.clone())));
                    }
                }
            });
        }
        self.data.set(Data::Ready(Arc::new(collection)));
    }

    /// The collection, once loaded (a cheap `Arc` clone).
    pub fn collection(&self) -> Option<Arc<Collection>> {
        self.data.with(|d| match d {
            Data::Ready(c) => Some(c.clone()),
            _ => None,
        })
    }

    /// The interface strings of the current language.
    pub fn strings(&self) -> &'static Strings {
        self.prefs.lang.get().strings()
    }

    /// Applies `f` to the open article: the one asked for, or the featured one, with its full
    /// text when it was fetched from elsewhere. An error when the id asked for is not in the
    /// collection; `Ok(None)` while loading or when it is empty.
    pub fn with_article<T>(
        &self,
        f: impl FnOnce(&Collection, &Article) -> T,
    ) -> Result<Option<T>, ViewError> {
        let Some(collection) = self.collection() else {
            return Ok(None);
        };
        let Some(id) = self.current.get() else {
            return match self.article_id.get() {
                Some(asked) => Err(ViewError::ArticleNotFound(asked)),
                None => Ok(None),
            };
        };
        let full = match self.text(&id) {
            Some(Text::Ready(article)) => Some(article),
            _ => None,
        };
        Ok(full
            .as_deref()
            .or_else(|| collection.article(&id))
            .map(|article| f(&collection, article)))
    }

    /// Opens article `id` (the featured one for `None`) at the reader's request, and tells the
    /// host page which article that is.
    pub fn navigate(&self, id: Option<String>) {
        self.navigate_to(id, Arrival::Heading);
    }

    /// `navigate`, with focus going to `arrival` once the article shows.
    pub fn navigate_to(&self, id: Option<String>, arrival: Arrival) {
        let before = (
            self.article_id.get_untracked(),
            self.current.get_untracked(),
        );
        self.arrival.set_value(arrival);
        let released = self.let_go();
        if let Some(id) = &id {
            // A text that failed before is tried again.
            if self
                .texts
                .with_untracked(|t| matches!(t.get(id), Some(Text::Failed(_))))
            {
                self.try_again(id);
            }
        }
        self.pinned.set(None);
        self.article_id.set(id);
        let after = (
            self.article_id.get_untracked(),
            self.current.get_untracked(),
        );
        if released {
            // The same article, now in its newer version: shown again.
            self.revision.update(|n| *n += 1);
        } else if after == before {
            // Nothing is shown anew, so nothing takes focus later.
            self.arrival.set_value(Arrival::Stay);
        }
        if let (Some(id), Some(root)) = (self.current.get_untracked(), self.root.get_untracked()) {
            let lang = self.prefs.lang.get_untracked().code();
            tell(
                self.host.page,
                &root,
                OPEN,
                &[("articleId", id.as_str()), ("lang", lang)],
            );
        }
    }

    /// Takes in a newer reading of the collection file: what changed, or `None` (and nothing
    /// is touched) when nothing did. The reader keeps the article they have open, in the version
    /// they were reading, and the place, focus, language and URL they had.
    pub fn take_update(&self, fresh: Arc<Collection>) -> Option<Changes> {
        let shown = self.collection()?;
        let before = self.latest.get_value().unwrap_or_else(|| shown.clone());
        // The older pages the reader has read stay, and are not taken for withdrawn.
        let src = self.config.with_value(|c| c.src.clone());
        let archive = fresh.article_url.is_some() || fresh.older.is_some();
        let fresh = match archive || before.has_older_pages() {
            true => Arc::new(placed((*fresh).clone(), &src, true).keeping_older_of(&before)),
            false => fresh,
        };
        let changes = fresh.changes_from(&before);
        if changes.is_empty() {
            return None;
        }
        let open = self.current.get_untracked();
        // Texts of articles that changed are read again when they open (the open one stays until
        // the reader lets its held version go).
        let stale = changes
            .changed
            .iter()
            .chain(&changes.removed)
            .filter(|id| open.as_ref() != Some(*id));
        self.forget_texts(stale);
        if self.article_id.get_untracked().is_none() {
            self.pinned.set(open.clone());
        }
        let held = open.and_then(|id| {
            let reading = shown.article(&id)?;
            match fresh.article(&id) {
                Some(now) if now == reading => None,
                now => Some((reading.clone(), now.is_none())),
            }
        });
        self.held
            .set(held.as_ref().map(|(article, withdrawn)| Held {
                id: article.id.to_string(),
                withdrawn: *withdrawn,
            }));
        self.latest.set_value(Some(fresh.clone()));
        let data = match held {
            Some((reading, _)) => Arc::new(fresh.with_article(reading)),
            None => fresh,
        };
        self.updates.update(|n| *n += 1);
        self.data.set(Data::Ready(data));
        Some(changes)
    }

    /// Shows the file as last read, dropping the old version of a held article; whether one was
    /// held.
    pub fn let_go(&self) -> bool {
        let Some(held) = self.held.get_untracked() else {
            return false;
        };
        // Its text, when it is elsewhere, is read again: it changed too.
        self.forget_texts([&held.id]);
        self.held.set(None);
        if let Some(latest) = self.latest.get_value() {
            self.data.set(Data::Ready(latest));
        }
        true
    }

    /// Marks what is known of articles `ids`' texts as stale: read, being read (that answer may
    /// be older than the change) or failed; `texts` is touched only when one is known.
    fn forget_texts<'a>(&self, ids: impl IntoIterator<Item = &'a String>) {
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

/// The language the page, the URL, the reader or the browser asks for, in that order of
/// precedence; `None` when none asks for one the interface speaks.
pub fn preferred_language(
    asked: Option<Lang>,
    saved: Option<&str>,
    browser: &[String],
) -> Option<Lang> {
    asked
        .or_else(|| saved.and_then(Lang::from_tag))
        .or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag)))
}

/// The language to start in: the preferred one, else the collection's default, else French.
pub fn initial_language(preferred: Option<Lang>, collection_default: Option<&str>) -> Lang {
    preferred
        .or_else(|| collection_default.and_then(Lang::from_tag))
        .unwrap_or(Lang::Fr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initial_language_follows_the_documented_order() {
        let browser = ["de-DE".to_string(), "en-US".to_string()];
        let german = ["de".to_string()];
        assert_eq!(
            preferred_language(Some(Lang::Ar), Some("fr"), &browser),
            Some(Lang::Ar)
        );
        assert_eq!(
            preferred_language(None, Some("fr"), &browser),
            Some(Lang::Fr)
        );
        assert_eq!(
            preferred_language(None, Some("garbage"), &browser),
            Some(Lang::En)
        );
        assert_eq!(preferred_language(None, None, &german), None);
        assert_eq!(initial_language(None, Some("ar")), Lang::Ar);
        assert_eq!(initial_language(Some(Lang::En), Some("ar")), Lang::En);
        assert_eq!(initial_language(None, Some("de")), Lang::Fr);
        assert_eq!(initial_language(None, None), Lang::Fr);
    }
}
