//! The browser's observers that Leptos has no hook for, wrapped once so that components pass a
//! plain closure: an observer lasts as long as the reactive owner it is started in; an idle
//! callback runs once. (leptos-use has
//! them, with its element and watch machinery; its one hook tried here, `use_preferred_dark`, cost
//! 5.2 KB brotli, more than the first-load budget has left.)

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `f` whenever `element`'s size changes (and once when observing starts).
pub fn on_resize(element: &web_sys::Element, f: impl Fn() + 'static) {
    let callback = Closure::<dyn Fn()>::new(f);
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(element);
    let keep = SendWrapper::new((observer, callback));
    on_cleanup(move || keep.0.disconnect());
}

/// Calls `f` with whether `element` intersects the screen, whenever that changes (and once when
/// observing starts).
pub fn on_sight(element: &web_sys::Element, f: impl Fn(bool) + 'static) {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
        {
            f(entry.is_intersecting());
        }
    });
    let Ok(observer) = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(element);
    let keep = SendWrapper::new((observer, callback));
    on_cleanup(move || keep.0.disconnect());
}

/// Runs `f` when the browser is idle (`requestIdleCallback`, else a moment later).
pub fn when_idle(f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        let callback = Closure::once_into_js(f);
        let window = window();
        if window
            .request_idle_callback(callback.unchecked_ref())
            .is_err()
        {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                200,
            );
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    drop(f);
}
