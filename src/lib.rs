//! An in-browser news article viewer: a headline ticker, an article view and a French, English
//! and Arabic interface, built with Leptos and compiled to WebAssembly.

pub mod components;
pub mod error;
pub mod events;
pub mod format;
pub mod i18n;
pub mod json;
pub mod load;
pub mod map;
pub mod model;
pub mod mount;
pub mod page;
pub mod routing;
pub mod state;
pub mod storage;
pub mod validate;

// Talc instead of the default dlmalloc: the collection's many small strings are allocated faster,
// and the bundle is smaller.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Entry point of the built bundle: mounts a viewer into each host element on the page.
pub fn start() {
    // A panic says where and why in the console (the JS stack of a release build names no Rust
    // function, so it is left out).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    mount::mount_all_and_watch();
}
