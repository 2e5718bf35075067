//! What the browser test files share: a viewer mounted as on a reader's first visit.

use leptos::prelude::*;
use news_viewer::data::read::parse_collection;
use news_viewer::i18n::Lang;
use news_viewer::ui::state::{Config, ViewerState};
use news_viewer::ui::ViewerRoot;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Forgets what an earlier test saved: each test is a first visit.
pub fn first_visit() {
    let saved = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    saved.clear().unwrap();
}

/// A viewer of `json` in `lang` (at `article`, if given), mounted into a new element of the page
/// as a first visit would.
pub fn mount_viewer(json: &str, lang: Lang, article: Option<&str>) -> (ViewerState, HtmlElement) {
    first_visit();
    let validated = parse_collection(json).expect("test collection loads");
    let state = ViewerState::new(
        Config {
            article: article.map(Into::into),
            lang: Some(lang),
            ..Config::default()
        },
        news_viewer::host::browser(),
    );
    state.set_collection(validated);
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        view! { <ViewerRoot /> }
    })
    .forget();
    (state, host)
}
