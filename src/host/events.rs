//! CustomEvents the viewer dispatches on its host element, for the page that embeds it:
//! `article-viewer:ready`, `article-viewer:open`, `article-viewer:language`,
//! `article-viewer:image-report` and `article-viewer:update`. They bubble and cross the shadow
//! boundary; `event.detail` is a plain object of strings (of lists of ids for `update`).

use js_sys::{Object, Reflect};
use wasm_bindgen::JsCast;

pub const READY: &str = "article-viewer:ready";
pub const OPEN: &str = "article-viewer:open";
pub const LANGUAGE: &str = "article-viewer:language";
pub const IMAGE_REPORT: &str = "article-viewer:image-report";
pub const UPDATE: &str = "article-viewer:update";

/// Dispatches event `name` with `detail` on the host of the shadow root `inside` lives in (or on
/// `inside` itself when it is not in one, as in component tests).
pub fn emit(inside: &web_sys::Element, name: &str, detail: &[(&str, &str)]) {
    let object = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    emit_detail(inside, name, &object);
}

/// Dispatches event `name` with any `detail` (see `emit`).
pub fn emit_detail(inside: &web_sys::Element, name: &str, detail: &wasm_bindgen::JsValue) {
    let target: web_sys::EventTarget =
        match inside.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
            Ok(shadow) => shadow.host().into(),
            Err(_) => inside.clone().into(),
        };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}
