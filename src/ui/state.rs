//! The viewer's shared state: the loaded collection, the reader's settings (`prefs`) and the
//! open article, as one `Copy` context that every component reads.

use super::archive::{placed, Archive, Text};
use super::feed::{Data, Feed, Held, NewReading};
use super::navigation::{Arrival, Navigation};
use super::page::{tell, Page, OPEN};
use super::prefs::{Preferences, Settings, Theme};
use crate::data::error::ViewError;
use crate::data::model::{Article, Changes, Collection};
use crate::data::read::Validated;
use crate::i18n::{Lang, Strings};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// How a viewer was placed on the page, read once from its host element.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// URL of the collection file, relative to the page.
    pub src: String,
    /// An embedded viewer's site, the folder of its collection file, where its article links lead
    /// (see `routing::site_of`); `None` on the viewer's own page (standalone, a frame).
    pub site: Option<String>,
    /// The viewer owns the page: it may change the URL, the history, the title and `<html lang>`.
    pub standalone: bool,
    /// The viewer is the whole page of an iframe (`embed.html`): its headings head that page.
    pub frame: bool,
    /// The page is a published one: every article has a page of its own beside it, which links
    /// and the address bar give (see `routing`).
    pub pages: bool,
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
    /// The host page's theme (`data-theme`), shown until the reader picks one.
    pub theme: Option<Theme>,
}

/// Five minutes between two readings of the collection file, unless the page says otherwise.
pub const REFRESH_DEFAULT_MS: u32 = 300_000;

impl Default for Config {
    fn default() -> Self {
        Config {
            src: "articles.json".into(),
            site: None,
            standalone: false,
            frame: false,
            pages: false,
            ticker_speed: 60.0,
            refresh_ms: REFRESH_DEFAULT_MS,
            lang: None,
            article: None,
            ticker_only: false,
            link_pattern: None,
            label: None,
            browser_languages: Vec::new(),
            theme: None,
        }
    }
}

/// The first view a page was prerendered with: a snapshot of the data it shows (see
/// `first_view_snapshot`), its language and its article (none: the edition's featured one). A
/// viewer hydrates from it.
#[derive(Clone, Debug)]
pub struct FirstView {
    pub snapshot: Collection,
    pub lang: Lang,
    pub article: Option<String>,
    /// Whether the reader arrives at it now (see `Navigation::landing`); not when they come back
    /// to a page (a reload, Back or Forward), where they had the app's headlines.
    pub arriving: bool,
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

/// The one context of a viewer: its parts, each a `Copy` context of its own, and what the viewer
/// was given. Components derive what they show from it.
#[derive(Clone, Copy)]
pub struct ViewerState {
    /// How the viewer sits on the page.
    pub config: StoredValue<Config>,
    /// The page the viewer is on, and what follows it there.
    pub host: Host,
    /// The viewer's root element, where its events start.
    pub root: NodeRef<html::Div>,
    /// Whether the app runs (set once the view is built or hydrated): until then the view is as
    /// a page without JavaScript has it.
    pub live: RwSignal<bool>,
    /// The reader's settings (language, theme, text size).
    pub prefs: Preferences,
    /// The collection shown, and the newer readings of its file.
    pub feed: Feed,
    /// The open article.
    pub nav: Navigation,
    /// An archive's texts and older pages.
    pub archive: Archive,
}

impl ViewerState {
    /// The state of a viewer for `config`: in the language the page, the URL, the reader's saved
    /// choice or the browser asks for, else (once loaded) the collection's default.
    pub fn new(config: Config, host: Host) -> Self {
        let saved = Settings::saved(host.page);
        let saved = Settings {
            theme: saved.theme.or(config.theme),
            ..saved
        };
        let preferred = preferred_language(
            config.lang,
            saved.lang.map(Lang::code),
            &config.browser_languages,
        );
        let prefs = Preferences::new(
            host.page,
            saved,
            initial_language(preferred, None),
            preferred.is_none(),
        );
        let feed = Feed::default();
        let archive = Archive::default();
        let nav = Navigation::new(config.article.clone(), feed.data, archive.texts, prefs.lang);
        ViewerState {
            config: StoredValue::new(config),
            host,
            root: NodeRef::new(),
            live: RwSignal::new(false),
            prefs,
            feed,
            nav,
            archive,
        }
    }

    /// Whether articles have published pages (see `Config::pages`).
    pub fn pages(&self) -> bool {
        self.config.with_value(|c| c.pages)
    }

    /// The link to article `id` for a reader of `lang`, its title in `page`'s language: that
    /// page on a published site (see `routing::article_href`), else the query; an embedded
    /// viewer's is on its own site (`Config::site`), resolved once: a list links 100 articles.
    pub fn link(&self, id: &str, lang: Lang, page: Option<Lang>) -> String {
        self.config.with_value(|c| {
            let href = crate::routing::article_href(id, lang, page.filter(|_| c.pages));
            match &c.site {
                Some(site) => site.clone() + &href,
                None => href,
            }
        })
    }

    /// The link to article `id` for a reader of `lang` (see `link`): on a published site, its
    /// page in the language its title shows in; an article the viewer has not read (an
    /// archive's, not yet fetched) has the query. Reads the data untracked.
    pub fn article_href(&self, id: &str, lang: Lang) -> String {
        let shown_in = || {
            let collection = self.collection()?;
            let default = collection.default_language.as_deref();
            let code = |a: &Article| a.translation_for(lang.code(), default).0.to_string();
            match self.archive.text(id) {
                Some(Text::Ready(article)) => Some(code(&article)),
                _ => collection.article(id).map(code),
            }
        };
        let page = self
            .pages()
            .then(|| untrack(shown_in))
            .flatten()
            .and_then(|code| Lang::from_tag(&code));
        self.link(id, lang, page)
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
            self.archive.texts.update(|texts| {
                for article in collection.articles.iter().filter(|a| a.text_elsewhere()) {
                    if let Some(known) = first_view.article(&article.id).filter(shown) {
                        texts.insert(article.id.to_string(), Text::Ready(Arc::new(known.clone())));
                    }
                }
            });
        }
        // On an article's page, its day's headlines (the first view's) give way to the edition's.
        keeping_focus(*self, Data::Ready(Arc::new(collection)));
    }

    /// The collection, once loaded (a cheap `Arc` clone; tracked).
    pub fn collection(&self) -> Option<Arc<Collection>> {
        self.feed.collection()
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
        let Some(id) = self.nav.current.get() else {
            return match self.nav.article_id.get() {
                Some(asked) => Err(ViewError::ArticleNotFound(asked)),
                None => Ok(None),
            };
        };
        let full = match self.archive.text(&id) {
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
            self.nav.article_id.get_untracked(),
            self.nav.current.get_untracked(),
        );
        self.nav.arrival.set_value(arrival);
        let released = self.let_go();
        if let Some(id) = &id {
            // A text that failed before is tried again.
            if self
                .archive
                .texts
                .with_untracked(|t| matches!(t.get(id), Some(Text::Failed(_))))
            {
                self.archive.try_again(id);
            }
        }
        self.nav.pinned.set(None);
        self.nav.article_id.set(id);
        let after = (
            self.nav.article_id.get_untracked(),
            self.nav.current.get_untracked(),
        );
        if released {
            // The same article, now in its newer version: shown again.
            self.feed.revision.update(|n| *n += 1);
        } else if after == before {
            // Nothing is shown anew, so nothing takes focus later.
            self.nav.arrival.set_value(Arrival::Stay);
        }
        // The article already open, picked again, is not an open (the event counts them).
        let opened = released || after.1 != before.1;
        if let (Some(id), Some(root)) = (after.1.filter(|_| opened), self.root.get_untracked()) {
            let lang = self.prefs.lang.get_untracked().code();
            tell(
                self.host.page,
                &root,
                OPEN,
                &[("articleId", id.as_str()), ("lang", lang)],
            );
        }
    }

    /// A newer reading of the collection file, compared with the last one taken in (`None`
    /// before the collection is loaded).
    pub fn new_reading(&self, fresh: Arc<Collection>) -> Option<NewReading> {
        let before = self.last_reading()?;
        // The older pages the reader has read stay, and are not taken for withdrawn.
        let src = self.config.with_value(|c| c.src.clone());
        let archive = fresh.article_url.is_some() || fresh.older.is_some();
        let fresh = match archive || before.has_older_pages() {
            true => Arc::new(placed((*fresh).clone(), &src, true).keeping_older_of(&before)),
            false => fresh,
        };
        Some(NewReading::new(fresh, before))
    }

    /// The reading of the file taken in last.
    fn last_reading(&self) -> Option<Arc<Collection>> {
        let shown = self.collection()?;
        Some(self.feed.latest.get_value().unwrap_or(shown))
    }

    /// Whether `update` is still newer than what was taken in (no other reading came while its
    /// articles were compared).
    pub fn is_news(&self, update: &NewReading) -> bool {
        self.last_reading()
            .is_some_and(|last| Arc::ptr_eq(&last, &update.before))
    }

    /// Takes in a newer reading of the collection file (see `new_reading`). The reader keeps the
    /// article they have open, in the version they were reading, and the place, focus, language
    /// and URL they had. `settle` follows once every change is known.
    pub fn take_update(&self, update: &NewReading) {
        let Some(shown) = self.collection() else {
            return;
        };
        let fresh = update.fresh.clone();
        let open = self.nav.current.get_untracked();
        if self.nav.article_id.get_untracked().is_none() {
            self.nav.pinned.set(open.clone());
        }
        let held = open.and_then(|id| {
            let reading = shown.article(&id)?;
            match fresh.article(&id) {
                Some(now) if now == reading => None,
                now => Some((reading.clone(), now.is_none())),
            }
        });
        self.feed
            .held
            .set(held.as_ref().map(|(article, withdrawn)| Held {
                id: article.id.to_string(),
                withdrawn: *withdrawn,
            }));
        self.feed.latest.set_value(Some(fresh.clone()));
        let data = match held {
            Some((reading, _)) => Arc::new(fresh.with_article(reading)),
            None => fresh,
        };
        self.feed.updates.update(|n| *n += 1);
        keeping_focus(*self, Data::Ready(data));
    }

    /// Follows the `changes` a reading taken in (`take_update`) brought: the texts of the
    /// articles that changed are read again when they open (the open one stays until the reader
    /// lets its held version go).
    pub fn settle(&self, changes: &Changes) {
        let open = self.nav.current.get_untracked();
        let stale = changes
            .changed
            .iter()
            .chain(&changes.removed)
            .filter(|id| open.as_ref() != Some(*id));
        self.archive.forget(stale);
    }

    /// Shows the file as last read, dropping the old version of a held article; whether one was
    /// held.
    pub fn let_go(&self) -> bool {
        let Some(held) = self.feed.held.get_untracked() else {
            return false;
        };
        // Its text, when it is elsewhere, is read again: it changed too.
        self.archive.forget([&held.id]);
        self.feed.held.set(None);
        if let Some(latest) = self.feed.latest.get_value() {
            self.feed.data.set(Data::Ready(latest));
        }
        true
    }
}

/// Shows `data` (a reading of the file taken in), then puts focus back on the element the reader
/// was on if the change took it away: a keyed list moves its rows in the page when rows join
/// above them (tachys' keyed diff moves every row after an insertion at the start), and an
/// element moved loses focus. Not when the reader has moved on to something else meanwhile.
fn keeping_focus(state: ViewerState, data: Data) {
    let focused = state
        .focused()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    state.feed.data.set(data);
    let Some(focused) = focused else {
        return;
    };
    request_animation_frame(move || {
        if state.focused().is_none() && focused.is_connected() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = focused.focus_with_options(&options);
        }
    });
}

impl ViewerState {
    /// The element the reader is on inside the viewer, if any: `:focus` matches in a shadow root
    /// too, where the document's active element is the host. None before the viewer is in a page.
    pub fn focused(&self) -> Option<web_sys::Element> {
        self.root.get_untracked()?.query_selector(":focus").ok()?
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
