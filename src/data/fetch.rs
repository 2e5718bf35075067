//! Fetches a collection file and reads it, with a bounded wait. The browser parses the JSON
//! (`Response.json()`); the reader takes the articles from the JS value one by one.

use super::error::LoadError;
use super::read::Validated;
#[cfg(target_arch = "wasm32")]
pub use browser::fetch_collection;

/// How long the viewer waits for the whole file before giving up.
pub const TIMEOUT_SECONDS: u32 = 15;

/// Natively (the prerender, which reads its files itself) there is no browser to fetch with.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_collection(url: &str) -> Result<Validated, LoadError> {
    Err(LoadError::Network(format!(
        "{url}: fetching needs a browser"
    )))
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use crate::data::read::read_collection;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// Downloads `url` and reads it. Every failure is a `LoadError`; nothing panics.
    pub async fn fetch_collection(url: &str) -> Result<Validated, LoadError> {
        read_collection(fetch_json(url, TIMEOUT_SECONDS).await?)
    }

    async fn fetch_json(url: &str, timeout_seconds: u32) -> Result<JsValue, LoadError> {
        let window = web_sys::window().ok_or_else(|| LoadError::Network("no window".into()))?;
        let controller = web_sys::AbortController::new().map_err(network)?;
        let init = web_sys::RequestInit::new();
        init.set_signal(Some(&controller.signal()));

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
            let fault = |e: JsValue| match controller.signal().aborted() {
                true => LoadError::Timeout(timeout_seconds),
                false => network(e),
            };
            let response: web_sys::Response =
                JsFuture::from(window.fetch_with_str_and_init(url, &init))
                    .await
                    .map_err(fault)?
                    .dyn_into()
                    .map_err(network)?;
            if !response.ok() {
                return Err(LoadError::Http(response.status()));
            }
            // A body that is not JSON rejects with a SyntaxError; an aborted one with an AbortError.
            JsFuture::from(response.json().map_err(network)?)
                .await
                .map_err(|e| match e.dyn_ref::<js_sys::SyntaxError>() {
                    Some(syntax) => LoadError::NotJson(syntax.message().into()),
                    None => fault(e),
                })
        }
        .await;
        window.clear_timeout_with_handle(timer);
        drop(abort); // only now: the timer that could call it is cleared
        result
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
