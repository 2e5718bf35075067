//! The browser bundle's entry point: everything lives in the library so tests can mount it.

fn main() {
    news_viewer::start();
}
