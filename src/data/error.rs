//! Why a collection could not be loaded: the one error type of loading and validation.

use crate::i18n::{fill, Lang};

/// A fault that leaves the viewer with no collection to show. Its `Display` text is for the
/// publisher (console, checker); `reason` says it to the reader in the interface language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("the server answered HTTP {0}")]
    Http(u16),
    #[error("network error: {0}")]
    Network(String),
    #[error("no answer within {0} seconds")]
    Timeout(u32),
    #[error("the file is not valid JSON: {0}")]
    NotJson(String),
    #[error("the top level of the file must be a JSON object")]
    NotAnObject,
    #[error("the file has no \"schema\" format version")]
    NoVersion,
    #[error("format version {0} is not supported: this viewer reads version 1")]
    UnsupportedVersion(String),
    #[error("the file has no \"articles\" array")]
    NoArticles,
    #[error("\"articles\" must be an array")]
    ArticlesNotAnArray,
    /// An article's full file (`text_url`, `article_url`) whose article is invalid.
    #[error("{0}")]
    InvalidArticle(String),
    /// An article's full file that does not hold the article with the id that led to it.
    #[error("the file does not hold article \"{0}\"")]
    OtherArticle(String),
}

impl LoadError {
    /// What went wrong, in the reader's language.
    pub fn reason(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            LoadError::Http(status) => fill(s.reason_http, &[("status", &status.to_string())]),
            LoadError::Network(_) => s.reason_network.to_string(),
            LoadError::Timeout(seconds) => {
                fill(s.reason_timeout, &[("seconds", &seconds.to_string())])
            }
            LoadError::NotJson(_) => s.reason_not_json.to_string(),
            LoadError::NotAnObject
            | LoadError::NoVersion
            | LoadError::NoArticles
            | LoadError::ArticlesNotAnArray => s.reason_format.to_string(),
            LoadError::UnsupportedVersion(v) => fill(s.reason_version, &[("version", v)]),
            LoadError::InvalidArticle(_) | LoadError::OtherArticle(_) => {
                s.reason_not_this_article.to_string()
            }
        }
    }
}

/// What the article view cannot show as asked; it says why, with a way back, while the rest of the
/// viewer goes on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ViewError {
    #[error("article \"{0}\" is not in the collection")]
    ArticleNotFound(String),
}
