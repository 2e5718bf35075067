//! A fourth interface language is one entry of `i18n::LANGUAGES`: with the test-only pseudo-locale
//! turned on (`--features pseudo-locale`), the viewer mounts, offers it, switches to it and reads
//! every part in it, without a panic.
#![cfg(all(target_arch = "wasm32", feature = "pseudo-locale"))]

use news_viewer::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod support;

wasm_bindgen_test_configure!(run_in_browser);

const BUNDLED: &str = include_str!("../public/articles.json");

#[wasm_bindgen_test]
async fn the_pseudo_locale_mounts_switches_and_reads_its_strings() {
    let (_, host) = support::mount_viewer(BUNDLED, Lang::Fr, None);
    leptos::task::tick().await;
    let text = |selector: &str| {
        host.query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .text_content()
            .unwrap_or_default()
    };
    let buttons = host.query_selector_all(".nv-langs__button").unwrap();
    assert_eq!(buttons.length() as usize, Lang::ALL.len());
    assert_eq!(text(".nv-langs__button[lang='qps']"), "⟦Pséûdö⟧");

    host.query_selector(".nv-langs__button[lang='qps']")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    leptos::task::tick().await;

    let strings = Lang::Pseudo.strings();
    let root = host.query_selector(".nv").unwrap().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("qps"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(text(".nv-bar__name"), strings.viewer_name);
    assert_eq!(
        host.query_selector(".nv-langs")
            .unwrap()
            .unwrap()
            .get_attribute("aria-label")
            .as_deref(),
        Some(strings.language)
    );
    assert_eq!(text(".nv-langs__button[aria-pressed='true']"), "⟦Pséûdö⟧");
    // No article is written in it: the fallback edition shows, with the notice in its words.
    let notice = text(".nv-notice");
    assert!(
        notice.starts_with("⟦Thîs àrtîçlé") && notice.ends_with('⟧'),
        "{notice}"
    );
    assert!(text(".nv-article__meta").contains("⟧"));
}
