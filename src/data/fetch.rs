//! Fetches a collection file and reads it, with a bounded wait. The browser parses the JSON
//! (`Response.json()`); the reader takes the articles from the JS value one by one. A refresh
//! lets the browser revalidate its copy and skips reading a file the server says is unchanged.
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
    use crate::data::read::read_collection;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// Downloads `url` and reads it. Every failure is a `LoadError`; nothing panics. What it
    /// could not read is told to the publisher in the console: the file's fault, or each article
    /// left out.
    pub async fn fetch_collection(url: &str) -> Result<Fetched, LoadError> {
        let read = async {
            let fetched = fetch_json(url, TIMEOUT_SECONDS, None).await?;
            let (json, validator) =
                fetched.ok_or_else(|| LoadError::Network("no answer".into()))?;
            Ok((read_collection(json)?, validator))
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
            Some((json, validator)) => Ok(Some((read_collection(json)?, validator))),
            None => Ok(None),
        }
    }

    /// The JSON at `url` and its validator; with `revalidate`, `None` when the validator is the
    /// one given.
    async fn fetch_json(
        url: &str,
        timeout_seconds: u32,
        revalidate: Option<Option<&str>>,
    ) -> Result<Option<(JsValue, Option<String>)>, LoadError> {
        let window = web_sys::window().ok_or_else(|| LoadError::Network("no window".into()))?;
        let controller = web_sys::AbortController::new().map_err(network)?;
        let init = web_sys::RequestInit::new();
        init.set_signal(Some(&controller.signal()));
        if revalidate.is_some() {
            init.set_cache(web_sys::RequestCache::NoCache);
        }

        // The abort covers the body as well as the headers, so a stalled download also times out.
        let abort = {
            let controller = controller.clone();
            Closure::<dyn FnMut()>::new(move || controller.abort())
        };
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.as_ref().unchecked_ref(),
                (timeout_seconds * 1000) as i32,
            )
            .map_err(network)?;
        let result = async {
            // Aborted by this time limit, or by that of the viewer whose request it shares.
            let aborted = |e: &JsValue| {
                e.dyn_ref::<js_sys::Error>()
                    .is_some_and(|e| e.name() == "AbortError")
            };
            let fault = |e: JsValue| match controller.signal().aborted() || aborted(&e) {
                true => LoadError::Timeout(timeout_seconds),
                false => network(e),
            };
            let answer = match revalidate {
                Some(_) => window.fetch_with_str_and_init(url, &init),
                None => shared_fetch(&window, url, &init),
            };
            let answer = JsFuture::from(answer.clone()).await;
            if revalidate.is_none() {
                forget_fetch(url);
            }
            let response: web_sys::Response = answer
                .map_err(fault)?
                .dyn_into::<web_sys::Response>()
                .map_err(network)?
                // The body is read from a copy: each viewer sharing the request reads its own.
                .clone()
                .map_err(network)?;
            if !response.ok() {
                return Err(LoadError::Http(response.status()));
            }
            let header = |name: &str| response.headers().get(name).ok().flatten();
            let validator = header("etag").or_else(|| header("last-modified"));
            if validator.is_some() && revalidate == Some(validator.as_deref()) {
                return Ok(None);
            }
            // A body that is not JSON rejects with a SyntaxError; an aborted one with an AbortError.
            let json = JsFuture::from(response.json().map_err(network)?)
                .await
                .map_err(|e| match e.dyn_ref::<js_sys::SyntaxError>() {
                    Some(syntax) => LoadError::NotJson(syntax.message().into()),
                    None => fault(e),
                })?;
            Ok(Some((json, validator)))
        }
        .await;
        window.clear_timeout_with_handle(timer);
        drop(abort); // only now: the timer that could call it is cleared
        result
    }

    thread_local! {
        /// Requests in flight by URL: viewers of one file that start reading it together (several
        /// on a page) share one request, as the browser's promise of its response.
        static FETCHING: RefCell<HashMap<String, js_sys::Promise>> = RefCell::default();
    }

    /// The request for `url` in flight, else a new one.
    fn shared_fetch(
        window: &web_sys::Window,
        url: &str,
        init: &web_sys::RequestInit,
    ) -> js_sys::Promise {
        FETCHING.with(|fetching| {
            fetching
                .borrow_mut()
                .entry(url.to_string())
                .or_insert_with(|| window.fetch_with_str_and_init(url, init))
                .clone()
        })
    }

    /// Once answered, a request is no longer shared: a later reading (Retry, a viewer added later)
    /// asks the server again.
    fn forget_fetch(url: &str) {
        FETCHING.with(|fetching| fetching.borrow_mut().remove(url));
    }

    fn network(e: JsValue) -> LoadError {
        let message = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "request failed".into());
        LoadError::Network(message)
    }
}
