//! Fetches a collection file and reads it, with a bounded wait: its bytes are copied into
//! WebAssembly as they arrive, cut into articles (`data::scan`) and each read with serde_json,
//! pausing now and then, so that reading even a 50 MB file never holds the page for long. A
//! refresh lets the browser revalidate its copy and skips reading a file the server says is
//! unchanged.
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
    use crate::data::read::{article_in, Reading};
    use crate::data::scan::Scanner;
    use crate::js::Pacer;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// Downloads `url` and reads it. Every failure is a `LoadError`; nothing panics. What it
    /// could not read is told to the publisher in the console: the file's fault, or each article
    /// left out.
    pub async fn fetch_collection(url: &str) -> Result<Fetched, LoadError> {
        let read = async {
            let (body, validator) = answered(fetch_body(url, TIMEOUT_SECONDS, None).await?)?;
            Ok((read_body(body, TIMEOUT_SECONDS).await?, validator))
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
        let seconds = TEXT_TIMEOUT_SECONDS;
        let (body, _) = answered(fetch_body(url, seconds, fresh.then_some(None)).await?)?;
        let mut article = article_in(read_body(body, seconds).await?, id)?;
        article.file = Some(url.into());
        Ok(article)
    }

    /// Reads `url` again, letting the browser revalidate its copy (`cache: "no-cache"`, so an
    /// unchanged file costs a 304). `None` when the file's validator is still `known`: it is then
    /// not even read.
    pub async fn refetch_collection(
        url: &str,
        known: Option<&str>,
    ) -> Result<Option<Fetched>, LoadError> {
        match fetch_body(url, TIMEOUT_SECONDS, Some(known)).await? {
            Some((body, validator)) => {
                Ok(Some((read_body(body, TIMEOUT_SECONDS).await?, validator)))
            }
            None => Ok(None),
        }
    }

    /// Reads a file's body as it arrives (see the module's documentation).
    async fn read_body(body: JsValue, seconds: u32) -> Result<Validated, LoadError> {
        let (mut scanner, mut reading) = (Scanner::default(), Reading::default());
        let mut pacer = Pacer::start();
        loop {
            let chunk = JsFuture::from(crate::js::next_chunk(&body)).await;
            let Ok(chunk) = chunk
                .map_err(|e| load_error(e, seconds))?
                .dyn_into::<js_sys::Uint8Array>()
            else {
                break;
            };
            scanner.push(&chunk.to_vec());
            while let Some(item) = scanner.next_item() {
                reading.take(item, &|article| article)?;
                pacer.pace().await;
            }
        }
        let validated = reading.finish_with(&scanner.finish())?;
        // Showing it starts in a task of its own.
        Pacer::give_way().await;
        Ok(validated)
    }

    /// The body of `url`, to read with `js::next_chunk`, and its validator; with `revalidate`,
    /// `None` when the validator is the one given (see `js::fetch_body`).
    async fn fetch_body(
        url: &str,
        seconds: u32,
        revalidate: Option<Option<&str>>,
    ) -> Result<Option<(JsValue, Option<String>)>, LoadError> {
        let known = revalidate.flatten().map(String::from);
        let fetched = crate::js::fetch_body(url, seconds, revalidate.is_some(), known)
            .await
            .map_err(|e| load_error(e, seconds))?;
        let answer = fetched.dyn_into::<js_sys::Array>().ok();
        Ok(answer.map(|answer| (answer.get(0), answer.get(1).as_string())))
    }

    /// A file asked for without a validator is always answered.
    fn answered<T>(answer: Option<T>) -> Result<T, LoadError> {
        answer.ok_or_else(|| LoadError::Network("no answer".into()))
    }

    /// What a failed download or read means.
    fn load_error(e: JsValue, seconds: u32) -> LoadError {
        let name = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name()));
        match (e.as_f64(), name.as_deref()) {
            (Some(status), _) => LoadError::Http(status as u16),
            (_, Some("TimeoutError" | "AbortError")) => LoadError::Timeout(seconds),
            _ => LoadError::Network(message(e)),
        }
    }

    /// What went wrong, for the console.
    fn message(e: JsValue) -> String {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "request failed".into())
    }
}
