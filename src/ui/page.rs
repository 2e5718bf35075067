//! What a viewer needs from the page around it: telling the host page of the reader's actions,
//! the reader's saved choices, bringing an article into view on the host page, the system's
//! colour scheme. The mounting layer (`host`) gives it, and `ui` never imports `host`. (The
//! components use the document they are in, its location and timing, directly.)

use leptos::prelude::RwSignal;
use wasm_bindgen::JsValue;

/// The events a viewer dispatches on its host element (see the README).
pub const READY: &str = "article-viewer:ready";
pub const OPEN: &str = "article-viewer:open";
pub const LANGUAGE: &str = "article-viewer:language";
pub const IMAGE_REPORT: &str = "article-viewer:image-report";
pub const UPDATE: &str = "article-viewer:update";

/// The page around a viewer.
pub trait Page: Send + Sync {
    /// Dispatches event `name` with `detail` on the host element of the viewer whose root element
    /// is `root`.
    fn tell(&self, root: &web_sys::Element, name: &str, detail: &JsValue);
    /// What the reader saved under `key` on an earlier visit, if anything.
    fn load(&self, key: &str) -> Option<String>;
    /// Saves `value` under `key` for the reader's next visit (best effort); `None` forgets it.
    fn save(&self, key: &str, value: Option<&str>);
    /// Puts the reader at the article they have just opened: focus on its `heading` and its top
    /// in view, however the viewer sits on the page (`standalone`: the page is the viewer's;
    /// `frame`: the viewer is an iframe's page).
    fn arrive_at(&self, heading: &web_sys::HtmlElement, standalone: bool, frame: bool);
    /// Keeps `prefers_dark` set to whether the system asks for dark colours, as it changes, for
    /// as long as the calling owner lives.
    fn follow_colour_scheme(&self, prefers_dark: RwSignal<bool>);
}

/// `tell` with a detail of strings.
pub fn tell(page: &dyn Page, root: &web_sys::Element, name: &str, detail: &[(&str, &str)]) {
    let object = js_sys::Object::new();
    for (key, value) in detail {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    page.tell(root, name, &object);
}
