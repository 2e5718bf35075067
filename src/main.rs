//! The browser bundle's entry point: everything lives in the library so tests can mount it.

fn main() {
    // Natively there is nothing to start: the viewer runs in the browser.
    #[cfg(target_arch = "wasm32")]
    news_viewer::start();
}
