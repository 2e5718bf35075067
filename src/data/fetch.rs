//! Fetches a collection file and reads it, with a bounded wait. The browser parses the JSON as it
//! arrives (`js::read_json`); the reader takes the articles from the JS value one by one, and
//! neither holds the page for long. A refresh lets the browser revalidate its copy and skips
//! reading a file the server says is unchanged.
//! Viewers of one file that read it together share the request.

use super::error::LoadError;
use super::model::Article;
use super::read::Validated;
#[cfg(target_arch = "wasm32")]
pub use browser::{fetch_article, fetch_collection, refetch_collection};

/// A file read, and its validator (`ETag`, else `Last-Modified`) to compare the next reading with.
pub type Fetched = (Validated, Option<String>);

/// How long the viewer waits for the whole file before giving up.
pub const TIMEOUT_SECONDS: u32 = 15;

/// How long it waits for an article's full file, a few kilobytes.
pub const TEXT_TIMEOUT_SECONDS: u32 = 8;

/// Natively (the prerender, which reads its files itself) there is no browser to fetch with.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_collection(url: &str) -> Result<Fetched, LoadError> {
    Err(LoadError::Network(format!(
        "{url}: fetching needs a browser"
    )))
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_article(url: &str, _id: &str, _fresh: bool) -> Result<Article, LoadError> {
    Err(LoadError::Network(format!(
        "{url}: fetching needs a browser"
    )))
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn refetch_collection(
    url: &str,
    _known: Option<&str>,
) -> Result<Option<Fetched>, LoadError> {
    fetch_collection(url).await.map(Some)
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use crate::data::read::{read_collection, Reading};
    use wasm_bindgen::{JsCast, JsValue};

    /// Downloads `url` and reads it. Every failure is a `LoadError`; nothing panics. What it
    /// could not read is told to the publisher in the console: the file's fault, or each article
    /// left out.
    pub async fn fetch_collection(url: &str) -> Result<Fetched, LoadError> {
        let read = async {
            let fetched = fetch_json(url, TIMEOUT_SECONDS, None).await?;
            let (json, validator) =
                fetched.ok_or_else(|| LoadError::Network("no answer".into()))?;
            Ok((read_paced(json).await?, validator))
        };
        let read: Result<Fetched, LoadError> = read.await;
        match &read {
            Ok((validated, _)) => {
                for skipped in &validated.skipped {
                    leptos::logging::warn!("news-viewer: {url}: {}", skipped.describe());
                }
            }
            Err(error) => leptos::logging::error!("news-viewer: could not load {url}: {error}"),
        }
        read
    }

    /// Downloads an article's full file (`text_url`, `article_url`) and gives its article `id`,
    /// which remembers the file its relative URLs resolve against; `fresh`: past the browser's
    /// cache (revalidated), for a file that changed since it was read.
    pub async fn fetch_article(url: &str, id: &str, fresh: bool) -> Result<Article, LoadError> {
        let fetched = fetch_json(url, TEXT_TIMEOUT_SECONDS, fresh.then_some(None)).await?;
        let (json, _) = fetched.ok_or_else(|| LoadError::Network("no answer".into()))?;
        let mut article = crate::data::read::article_in(read_collection(json)?, id)?;
        article.file = Some(url.into());
        Ok(article)
    }

    /// Reads `url` again, letting the browser revalidate its copy (`cache: "no-cache"`, so an
    /// unchanged file costs a 304). `None` when the file's validator is still `known`: it is then
    /// not even parsed.
    pub async fn refetch_collection(
        url: &str,
        known: Option<&str>,
    ) -> Result<Option<Fetched>, LoadError> {
        match fetch_json(url, TIMEOUT_SECONDS, Some(known)).await? {
            Some((json, validator)) => Ok(Some((read_paced(json).await?, validator))),
            None => Ok(None),
        }
    }

    /// Reads a parsed collection file a few articles at a time (ten thousand take a fifth of a
    /// second).
    async fn read_paced(json: JsValue) -> Result<Validated, LoadError> {
        let (mut reading, items) = Reading::begin(json)?;
        let mut pacer = crate::js::Pacer::start();
        for item in items {
            pacer.pace().await;
            reading.take(item, &|article| article);
        }
        pacer.pace().await;
        let validated = reading.finish();
        // Showing it starts in a task of its own.
        crate::js::Pacer::give_way().await;
        Ok(validated)
    }

    /// The JSON at `url` and its validator; with `revalidate`, `None` when the validator is the
    /// one given (see `js::fetch_json`).
    async fn fetch_json(
        url: &str,
        timeout_seconds: u32,
        revalidate: Option<Option<&str>>,
    ) -> Result<Option<(JsValue, Option<String>)>, LoadError> {
        let known = revalidate.flatten().map(String::from);
        let fetched = crate::js::fetch_json(url, timeout_seconds, revalidate.is_some(), known)
            .await
            .map_err(|e| {
                let name = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name()));
                match (e.as_f64(), name.as_deref()) {
                    (Some(status), _) => LoadError::Http(status as u16),
                    (_, Some("TimeoutError" | "AbortError")) => LoadError::Timeout(timeout_seconds),
                    (_, Some("SyntaxError")) => LoadError::NotJson(message(e)),
                    _ => LoadError::Network(message(e)),
                }
            })?;
        let answer = fetched.dyn_into::<js_sys::Array>().ok();
        Ok(answer.map(|answer| (answer.get(0), answer.get(1).as_string())))
    }

    /// What went wrong, for the console.
    fn message(e: JsValue) -> String {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "request failed".into())
    }
}
