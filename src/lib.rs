//! An in-browser news article viewer: a headline ticker, an article view and a French, English
//! and Arabic interface, built with Leptos and compiled to WebAssembly.

/// The stamp of this build (see `build.rs`), which every published page carries.
pub const BUILD: &str = env!("NV_BUILD");

/// The publishers' checks (native tools only).
#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod data;
pub mod format;
pub mod host;
pub mod i18n;
pub mod js;
pub mod observe;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
pub mod prerender;
pub mod routing;
pub mod ui;

// Talc instead of the default dlmalloc: the collection's many small strings are allocated faster,
// and the bundle is smaller.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Entry point of the built bundle: mounts a viewer into each host element on the page.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    console_error_panic_hook::set_once();
    host::mount::mount_all_and_watch();
}
