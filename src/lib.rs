//! An in-browser news article viewer: a headline ticker, an article view and a French, English
//! and Arabic interface, built with Leptos and compiled to WebAssembly.

pub mod components;
pub mod error;
pub mod events;
pub mod format;
pub mod i18n;
pub mod json;
pub mod load;
pub mod model;
pub mod mount;
pub mod page;
pub mod routing;
pub mod state;
pub mod storage;
pub mod validate;

/// Entry point of the built bundle: mounts a viewer into each host element on the page.
pub fn start() {
    console_error_panic_hook::set_once();
    mount::mount_all_and_watch();
}
