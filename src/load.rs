//! Fetches and validates a collection file, with a bounded wait.

use crate::error::LoadError;
use crate::validate::{parse_collection, Validated};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long the viewer waits for the whole file before giving up.
pub const TIMEOUT_SECONDS: u32 = 15;

/// Downloads `url` and validates it. Every failure is a `LoadError`; nothing panics.
pub async fn fetch_collection(url: &str) -> Result<Validated, LoadError> {
    let bytes = fetch_bytes(url, TIMEOUT_SECONDS).await?;
    let text = String::from_utf8(bytes).map_err(|_| LoadError::NotUtf8)?;
    parse_collection(&text)
}

async fn fetch_bytes(url: &str, timeout_seconds: u32) -> Result<Vec<u8>, LoadError> {
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
        let buffer = JsFuture::from(response.array_buffer().map_err(network)?)
            .await
            .map_err(fault)?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
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
