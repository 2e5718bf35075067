//! The reader's settings: the interface language, the colour theme and the text size. In `ui`,
//! each is read from what the reader saved on an earlier visit (`Settings::saved`) and saved when
//! the reader changes it here and nowhere else; a prerendered first view hydrates with them as
//! designed (`Settings::DESIGNED`), and `Viewer` puts them back once it has.

use super::page::Page;
use crate::i18n::Lang;
use leptos::prelude::*;

/// A colour theme the reader can pick; without a pick the viewer follows `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    Sepia,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Sepia];

    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Sepia => "sepia",
        }
    }

    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// Text size steps the reader can choose from; `TEXT_SIZE_DEFAULT` is the designed size.
pub const TEXT_SIZES: usize = 5;
pub const TEXT_SIZE_DEFAULT: usize = 1;

/// The settings a reader saves, as one value: what is read, put back and shown as designed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// The language the reader picked, if any.
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    /// Index into the text size steps, `0..TEXT_SIZES`.
    pub text_size: usize,
}

impl Settings {
    /// Nothing picked: how the viewer is designed, and how a first view is prerendered.
    pub const DESIGNED: Settings = Settings {
        lang: None,
        theme: None,
        text_size: TEXT_SIZE_DEFAULT,
    };

    /// What the reader saved on `page`.
    pub fn saved(page: &dyn Page) -> Settings {
        Settings {
            lang: page.load("lang").and_then(|l| Lang::from_tag(&l)),
            theme: page.load("theme").and_then(|t| Theme::from_name(&t)),
            text_size: page
                .load("text-size")
                .and_then(|v| v.parse().ok())
                .filter(|s| *s < TEXT_SIZES)
                .unwrap_or(TEXT_SIZE_DEFAULT),
        }
    }
}

/// A viewer's settings, each followed by what shows it.
#[derive(Clone, Copy)]
pub struct Preferences {
    /// The interface language shown.
    pub lang: RwSignal<Lang>,
    /// Nothing asked for a language (page, URL, saved choice, browser) and the reader has not
    /// picked one: the collection's `default_language` decides once it is loaded.
    pub follows_collection_language: RwSignal<bool>,
    /// The reader's picked theme, if any.
    pub theme: RwSignal<Option<Theme>>,
    /// Index into the text size steps, `0..TEXT_SIZES`.
    pub text_size: RwSignal<usize>,
    /// The system asks for dark colours (`prefers-color-scheme: dark`), as of now.
    pub prefers_dark: RwSignal<bool>,
    /// The language the reader had saved when the viewer started.
    saved_lang: Option<Lang>,
    page: &'static dyn Page,
}

impl Preferences {
    /// The settings the reader `saved` on `page`, in `lang` (see `ViewerState::new`).
    pub fn new(
        page: &'static dyn Page,
        saved: Settings,
        lang: Lang,
        follows_collection_language: bool,
    ) -> Self {
        Preferences {
            lang: RwSignal::new(lang),
            follows_collection_language: RwSignal::new(follows_collection_language),
            theme: RwSignal::new(saved.theme),
            text_size: RwSignal::new(saved.text_size),
            prefers_dark: RwSignal::new(false),
            saved_lang: saved.lang,
            page,
        }
    }

    /// The language the reader had saved when the viewer started, if any.
    pub fn saved_language(&self) -> Option<Lang> {
        self.saved_lang
    }

    /// The settings as they stand (the language shown as the language).
    pub fn settings(&self) -> Settings {
        Settings {
            lang: Some(self.lang.get_untracked()),
            theme: self.theme.get_untracked(),
            text_size: self.text_size.get_untracked(),
        }
    }

    /// Shows `settings` (a language of `None` leaves the language as it is).
    pub fn put(&self, settings: Settings) {
        let Settings {
            lang,
            theme,
            text_size,
        } = settings;
        if let Some(lang) = lang {
            self.lang.set(lang);
        }
        self.theme.set(theme);
        self.text_size.set(text_size);
    }

    /// The reader picks language `lang`.
    pub fn pick_language(&self, lang: Lang) {
        self.follows_collection_language.set(false);
        self.lang.set(lang);
        self.save("lang", lang.code());
    }

    /// The reader picks theme `theme`.
    pub fn pick_theme(&self, theme: Theme) {
        self.theme.set(Some(theme));
        self.save("theme", theme.name());
    }

    /// The reader steps the text size by `step`, within the steps there are.
    pub fn step_text_size(&self, step: isize) {
        let size = self
            .text_size
            .get_untracked()
            .saturating_add_signed(step)
            .min(TEXT_SIZES - 1);
        self.text_size.set(size);
        self.save("text-size", &size.to_string());
    }

    fn save(&self, key: &str, value: &str) {
        self.page.save(key, Some(value));
    }

    /// The theme shown: the reader's pick, else the system's light or dark.
    pub fn shown_theme(&self) -> Theme {
        self.theme.get().unwrap_or(match self.prefers_dark.get() {
            true => Theme::Dark,
            false => Theme::Light,
        })
    }

    /// Follows the system's colour scheme as it changes, once the app runs (a prerendered first
    /// view was rendered without knowing it). Through the page, not leptos-use's
    /// `use_preferred_dark`: that hook costs 5.2 KB brotli (measured: 183.8 against 178.6 KB for
    /// the first load), more than the budget has left, for one media query.
    pub fn follow_the_system(&self) {
        self.page.follow_colour_scheme(self.prefers_dark);
    }
}
