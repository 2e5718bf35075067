//! CustomEvents the viewer dispatches on its host element, for the page that embeds it:
//! `article-viewer:ready`, `article-viewer:open`, `article-viewer:language` and
//! `article-viewer:image-report`. They bubble
//! and cross the shadow boundary; `event.detail` is a plain object of strings.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsCast;

pub const READY: &str = "article-viewer:ready";
pub const OPEN: &str = "article-viewer:open";
pub const LANGUAGE: &str = "article-viewer:language";
pub const IMAGE_REPORT: &str = "article-viewer:image-report";

/// Dispatches event `name` with `detail` on the host of the shadow root `inside` lives in (or on
/// `inside` itself when it is not in one, as in component tests).
pub fn emit(inside: &web_sys::Element, name: &str, detail: &[(&str, &str)]) {
    let target: web_sys::EventTarget =
        match inside.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
            Ok(shadow) => shadow.host().into(),
            Err(_) => inside.clone().into(),
        };
    let object = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}
