//! The page the viewer is mounted on, as `ui::page::Page` asks for it: events dispatched on the
//! host element (they bubble and cross the shadow boundary; `event.detail` is a plain object of
//! strings, of lists of ids for `update`), saved preferences (see `storage`), scrolling the host
//! page to an article (see `mount::arrive_at`) and the system's colour scheme, followed live.

use super::{mount, storage};
use crate::ui::page::Page;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The browser page a viewer is mounted on.
pub struct BrowserPage;

impl Page for BrowserPage {
    fn tell(&self, root: &web_sys::Element, name: &str, detail: &wasm_bindgen::JsValue) {
        let target: web_sys::EventTarget =
            match root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
                Ok(shadow) => shadow.host().into(),
                Err(_) => root.clone().into(),
            };
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = target.dispatch_event(&event);
        }
    }

    fn load(&self, key: &str) -> Option<String> {
        storage::load(key)
    }

    fn save(&self, key: &str, value: Option<&str>) {
        match value {
            Some(value) => storage::save(key, value),
            None => storage::remove(key),
        }
    }

    fn arrive_at(&self, heading: &web_sys::HtmlElement, standalone: bool, frame: bool) {
        mount::arrive_at(heading, standalone, frame);
    }

    fn follow_colour_scheme(&self, prefers_dark: RwSignal<bool>) {
        let Some(query) = window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
        else {
            return;
        };
        prefers_dark.set(query.matches());
        let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |change: web_sys::MediaQueryListEvent| {
                let _ = prefers_dark.try_set(change.matches());
            },
        );
        let listener = on_change
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone();
        let _ = query.add_event_listener_with_callback("change", &listener);
        let on_change = SendWrapper::new((query, on_change));
        on_cleanup(move || {
            let (query, _closure) = on_change.take();
            let _ = query.remove_event_listener_with_callback("change", &listener);
        });
    }
}
