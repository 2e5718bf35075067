//! Components mounted into a real DOM in headless Chromium, clicked, and read back.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use news_viewer::data::read::parse_collection;
use news_viewer::i18n::Lang;
use news_viewer::ui::state::{Config, ViewerState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod support;

wasm_bindgen_test_configure!(run_in_browser);

const BUNDLED: &str = include_str!("../public/articles.json");
const FULL_ARTICLE: &str = "russie-aide-militaire-chine-new-york-times";

struct Mounted {
    state: ViewerState,
    host: HtmlElement,
}

impl Mounted {
    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.host.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    fn one(&self, selector: &str) -> Element {
        self.host
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
    }

    fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }

    fn click(&self, selector: &str) {
        self.one(selector).unchecked_into::<HtmlElement>().click();
    }
}

/// Mounts a viewer of `json` as a first visit would.
fn mount(json: &str, lang: Lang, article: Option<&str>) -> Mounted {
    let (state, host) = support::mount_viewer(json, lang, article);
    Mounted { state, host }
}

#[wasm_bindgen_test]
async fn ticker_shows_every_headline_of_the_edition_once_to_assistive_technology() {
    let m = mount(BUNDLED, Lang::Fr, None);
    leptos::task::tick().await;
    let read = m.all(".nv-ticker__copy:not([aria-hidden]) .nv-ticker__link");
    assert_eq!(read.len(), 46);
    assert_eq!(read[1].text_content().unwrap(), "M. Hilale: L'ambassadeur algérien délaisse ses responsabilités arabes au Conseil de sécurité au profit de son agenda sur le Sahara à Caracas");
    let copies = m.all(".nv-ticker__copy[aria-hidden='true']");
    assert_eq!(copies.len(), 1, "exactly one duplicate copy");
    assert!(
        copies[0].has_attribute("inert"),
        "the duplicate is inert, so Tab skips it"
    );
    assert_eq!(
        m.all(".nv-ticker__copy[aria-hidden='true'] .nv-ticker__link")
            .len(),
        46
    );
    let region = m.one(".nv-ticker");
    let label = m.one(&format!(
        "#{}",
        region.get_attribute("aria-labelledby").unwrap()
    ));
    assert_eq!(label.text_content().unwrap(), "À la une");
}

#[wasm_bindgen_test]
async fn full_article_is_shown_by_default_with_source_date_and_paragraphs() {
    let m = mount(BUNDLED, Lang::Fr, None);
    leptos::task::tick().await;
    assert_eq!(
        m.text(".nv-article__title"),
        "La Russie a demandé l'aide militaire de la Chine, selon le New York Times"
    );
    // Name and date are isolated from the sentence around them.
    assert_eq!(
        m.text(".nv-article__facts span"),
        "Publié dans \u{2068}Hespress\u{2069} le \u{2068}14 mars 2022\u{2069}"
    );
    assert_eq!(m.all(".nv-article__body p").len(), 11);
    assert!(m.text(".nv-article__meta").contains("min de lecture"));
}

#[wasm_bindgen_test]
async fn clicking_a_headline_opens_it_and_marks_it_current() {
    let m = mount(BUNDLED, Lang::En, None);
    leptos::task::tick().await;
    let link = ".nv-ticker__copy:not([aria-hidden]) a[href*='l-espagne-met-en-garde']";
    m.click(link);
    leptos::task::tick().await;
    assert_eq!(
        m.text(".nv-article__title"),
        "Spain warns citizens against travel to Tindouf camps"
    );
    assert_eq!(
        m.one(link).get_attribute("aria-current").as_deref(),
        Some("true")
    );
    assert_eq!(
        m.all(".nv-ticker__link[aria-current]").len(),
        2,
        "the link and its duplicate"
    );
    assert_eq!(
        m.text(".nv-article__unavailable"),
        "The full text of this article is not available."
    );
}

#[wasm_bindgen_test]
async fn language_toggle_switches_edition_article_and_direction() {
    let m = mount(BUNDLED, Lang::Fr, Some(FULL_ARTICLE));
    leptos::task::tick().await;
    let root = m.one(".nv");
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    let buttons = m.all(".nv-langs__button");
    let names: Vec<String> = buttons.iter().map(|b| b.text_content().unwrap()).collect();
    assert_eq!(names, ["Français", "English", "العربية"]);
    assert_eq!(
        buttons[0].get_attribute("aria-pressed").as_deref(),
        Some("true")
    );

    m.click(".nv-langs__button[lang='ar']");
    leptos::task::tick().await;
    assert_eq!(m.state.prefs.lang.get_untracked(), Lang::Ar);
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(
        m.text(".nv-article__title"),
        "روسيا طلبت مساعدة عسكرية من الصين، حسب نيويورك تايمز"
    );
    assert_eq!(m.text(".nv-ticker__label"), "عناوين الأخبار");
    let first = m.all(".nv-ticker__copy:not([aria-hidden]) .nv-ticker__link")[1]
        .text_content()
        .unwrap();
    assert!(first.starts_with("هلال"), "{first}");
    assert_eq!(
        m.one(".nv-langs__button[lang='ar']")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn pause_button_keeps_its_name_and_says_paused_by_its_pressed_state() {
    let m = mount(BUNDLED, Lang::En, None);
    leptos::task::tick().await;
    let button = m.one(".nv-ticker__toggle");
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Pause the headline ticker")
    );
    m.click(".nv-ticker__toggle");
    leptos::task::tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Pause the headline ticker"),
        "one name: the pressed state alone says it is paused"
    );
    assert!(m.one(".nv-ticker").class_list().contains("is-paused"));
}

#[wasm_bindgen_test]
async fn unknown_article_id_shows_not_found_with_a_way_back() {
    let m = mount(BUNDLED, Lang::Fr, Some("no-such-article"));
    leptos::task::tick().await;
    assert_eq!(m.text(".nv-not-found h2"), "Article introuvable");
    // The error stays in its part: the rest of the viewer works on.
    assert_eq!(
        m.all(".nv-ticker__copy:not([aria-hidden]) .nv-ticker__link")
            .len(),
        46
    );
    m.click(".nv-not-found a");
    leptos::task::tick().await;
    assert_eq!(
        m.text(".nv-article__title"),
        "La Russie a demandé l'aide militaire de la Chine, selon le New York Times"
    );
}

#[wasm_bindgen_test]
async fn missing_translation_falls_back_with_a_notice_and_its_own_language() {
    let json = r#"{"schema": 1, "default_language": "en", "articles": [
        {"id": "only-en", "translations": {"en": {"title": "English only", "body": ["Text."]}}}]}"#;
    let m = mount(json, Lang::Fr, None);
    leptos::task::tick().await;
    assert_eq!(
        m.text(".nv-notice"),
        "Cet article n'existe pas en français — affiché en anglais."
    );
    let title = m.one(".nv-article__title");
    assert_eq!(title.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(title.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(m.text(".nv-article__title"), "English only");
}

#[wasm_bindgen_test]
async fn markup_in_the_data_is_shown_as_text() {
    let json = r#"{"schema": 1, "articles": [{"id": "x", "source": {"name": "<b>S</b>"},
        "translations": {"fr": {"title": "<img src=x onerror=alert(1)>", "body": ["</p><script>alert(2)</script>"]}}}]}"#;
    let m = mount(json, Lang::Fr, None);
    leptos::task::tick().await;
    assert_eq!(m.text(".nv-article__title"), "<img src=x onerror=alert(1)>");
    assert_eq!(
        m.text(".nv-article__body p"),
        "</p><script>alert(2)</script>"
    );
    assert!(m.all("img, script, b").is_empty());
}

#[wasm_bindgen_test]
async fn empty_collection_says_there_are_no_articles_yet() {
    let m = mount(r#"{"schema": 1, "articles": []}"#, Lang::En, None);
    leptos::task::tick().await;
    assert_eq!(m.text(".nv-empty"), "No articles yet.");
    assert!(m.all(".nv-ticker").is_empty(), "no empty ticker strip");
}

#[wasm_bindgen_test]
async fn text_size_steps_stay_within_bounds_and_the_theme_is_applied_to_the_root() {
    let m = mount(BUNDLED, Lang::En, None);
    leptos::task::tick().await;
    let root = m.one(".nv");
    assert_eq!(root.get_attribute("data-text-size").as_deref(), Some("1"));
    assert!(
        !root.has_attribute("data-theme"),
        "no pick: the system's scheme applies"
    );
    for _ in 0..10 {
        m.click(".nv-tools__button--large");
        leptos::task::tick().await;
    }
    assert_eq!(root.get_attribute("data-text-size").as_deref(), Some("4"));
    let larger = m.one(".nv-tools__button--large");
    assert_eq!(
        larger.get_attribute("aria-disabled").as_deref(),
        Some("true"),
        "at its limit, and still focusable"
    );
    assert!(!larger.has_attribute("disabled"));
    m.click("[data-choice='dark']");
    leptos::task::tick().await;
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(
        m.one("[data-choice='dark']")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn reporting_an_image_blurs_it_thanks_the_reader_and_tells_the_host() {
    use wasm_bindgen::closure::Closure;
    let json = r#"{"schema": 1, "articles": [{"id": "pic-report-test", "image": {"src": "https://example.org/p.jpg", "width": 4, "height": 3},
        "translations": {"en": {"title": "Picture", "body": ["Text."], "image_alt": "A harbour", "image_caption": "The harbour."}}}]}"#;
    let m = mount(json, Lang::En, None);
    leptos::task::tick().await;
    assert_eq!(
        m.one(".nv-figure img").get_attribute("alt").as_deref(),
        Some("A harbour")
    );
    assert_eq!(m.text(".nv-figure figcaption"), "The harbour.");
    assert_eq!(
        m.text(".nv-figure__status"),
        "",
        "the status region exists before it speaks"
    );

    let reports = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let seen = reports.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let id = js_sys::Reflect::get(&e.detail(), &"articleId".into())
                .unwrap()
                .as_string()
                .unwrap();
            seen.borrow_mut().push(id);
        });
    m.host
        .add_event_listener_with_callback(
            "article-viewer:image-report",
            listener.as_ref().unchecked_ref(),
        )
        .unwrap();

    m.click(".nv-figure__report");
    leptos::task::tick().await;
    assert!(m
        .text(".nv-figure__status")
        .starts_with("Thank you for reporting!"));
    assert!(m
        .one(".nv-figure__frame")
        .class_list()
        .contains("is-blurred"));
    assert_eq!(m.text(".nv-figure__report"), "Image reported");
    assert_eq!(*reports.borrow(), ["pic-report-test"]);
    m.click(".nv-figure__reveal");
    leptos::task::tick().await;
    assert!(!m
        .one(".nv-figure__frame")
        .class_list()
        .contains("is-blurred"));
    let _ = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item("news-viewer:reported:pic-report-test");
}

#[wasm_bindgen_test]
async fn the_collections_default_language_applies_until_the_reader_picks_one() {
    let arabic = r#"{"schema": 1, "default_language": "ar", "articles": [
        {"id": "x", "translations": {"fr": {"title": "Titre"}, "ar": {"title": "عنوان"}}}]}"#;
    support::first_visit();
    let state = ViewerState::new(Config::default(), news_viewer::host::browser());
    assert!(state.prefs.follows_collection_language.get_untracked());
    // Also on a second load, such as after Retry.
    for _ in 0..2 {
        state.set_collection(parse_collection(arabic).unwrap());
        assert_eq!(state.prefs.lang.get_untracked(), Lang::Ar);
    }
    let m = mount(arabic, Lang::Fr, None);
    m.state.prefs.follows_collection_language.set(true);
    leptos::task::tick().await;
    m.click(".nv-langs__button[lang='fr']");
    leptos::task::tick().await;
    m.state.set_collection(parse_collection(arabic).unwrap());
    assert_eq!(
        m.state.prefs.lang.get_untracked(),
        Lang::Fr,
        "the reader's pick stands"
    );
}

#[wasm_bindgen_test]
async fn dates_and_numbers_are_written_by_intl_in_each_language() {
    for (lang, date) in [
        (
            Lang::En,
            "Published in \u{2068}Hespress\u{2069} on \u{2068}14 March 2022",
        ),
        (Lang::Ar, "مارس 2022"),
    ] {
        let m = mount(BUNDLED, lang, Some(FULL_ARTICLE));
        leptos::task::tick().await;
        let meta = m.text(".nv-article__facts span");
        assert!(meta.contains(date), "{meta}");
        m.host.remove();
    }
}

#[wasm_bindgen_test]
async fn a_language_without_headlines_shows_the_default_editions_headlines_in_their_own_language() {
    let french = r#"{"schema": 1, "default_language": "fr", "articles": [
        {"id": "a", "translations": {"fr": {"title": "Premier titre"}}},
        {"id": "b", "translations": {"fr": {"title": "Second titre"}}}]}"#;
    let m = mount(french, Lang::En, None);
    leptos::task::tick().await;
    let links = m.all(".nv-ticker__copy:not([aria-hidden]) .nv-ticker__link");
    assert_eq!(links.len(), 2, "the band is not empty");
    assert_eq!(links[0].text_content().unwrap(), "Premier titre");
    assert_eq!(links[0].get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(links[0].get_attribute("dir").as_deref(), Some("ltr"));
}

#[wasm_bindgen_test]
async fn previous_and_next_links_are_named_by_where_they_lead() {
    let collection = parse_collection(BUNDLED).unwrap().collection;
    let middle = collection.articles[collection.edition(Lang::En)[3]]
        .id
        .to_string();
    let m = mount(BUNDLED, Lang::En, Some(&middle));
    leptos::task::tick().await;
    let next = m.one(".nv-pager__next a");
    let name = next.text_content().unwrap();
    assert!(name.starts_with("Next article"), "{name}");
    let previous = m.one(".nv-pager__prev a").text_content().unwrap();
    assert!(previous.starts_with("Previous article"), "{previous}");
    m.click(".nv-pager__next a");
    leptos::task::tick().await;
    assert!(name.ends_with(&m.text(".nv-article__title")), "{name}");
}

#[wasm_bindgen_test]
async fn show_more_adds_headlines_to_the_list_and_keeps_the_ones_shown() {
    let m = mount(BUNDLED, Lang::Fr, None);
    leptos::task::tick().await;
    let first = m.one(".nv-more__item");
    assert_eq!(m.all(".nv-more__item").len(), 30);
    m.click(".nv-more__button");
    leptos::task::tick().await;
    assert_eq!(m.all(".nv-more__item").len(), 45);
    assert!(first.is_connected(), "the keyed list keeps the rows it had");
    assert!(m.all(".nv-more__button").is_empty(), "nothing more to show");
}

/// The `detail` of every `name` event dispatched on the viewer's host, as "key=value" lists.
fn record_events(m: &Mounted, name: &str) -> std::rc::Rc<std::cell::RefCell<Vec<String>>> {
    use wasm_bindgen::closure::Closure;
    let events = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen = events.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let detail = e.detail();
            let keys = js_sys::Object::keys(detail.unchecked_ref::<js_sys::Object>());
            let mut pairs: Vec<String> = keys
                .iter()
                .map(|k| {
                    let v = js_sys::Reflect::get(&detail, &k).unwrap();
                    format!("{}={}", k.as_string().unwrap(), v.as_string().unwrap())
                })
                .collect();
            pairs.sort();
            seen.borrow_mut().push(pairs.join(" "));
        });
    m.host
        .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    events
}

fn focused() -> Option<Element> {
    document().active_element()
}

#[wasm_bindgen_test]
async fn opening_an_article_moves_focus_to_its_heading_and_tells_the_host_once() {
    let m = mount(BUNDLED, Lang::En, None);
    let opened = record_events(&m, "article-viewer:open");
    leptos::task::tick().await;
    assert!(opened.borrow().is_empty(), "nothing is opened on load");
    m.click(".nv-more__link");
    leptos::task::tick().await;
    leptos::task::tick().await;
    let heading = m.one(".nv-article__title");
    assert_eq!(heading.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(
        focused(),
        Some(heading.clone()),
        "focus is on the new title"
    );
    assert_eq!(opened.borrow().len(), 1);
    assert!(
        opened.borrow()[0].ends_with("lang=en"),
        "{:?}",
        opened.borrow()
    );
    m.click(".nv-pager__next a");
    leptos::task::tick().await;
    leptos::task::tick().await;
    assert_eq!(focused(), Some(m.one(".nv-article__title")));
    assert_eq!(opened.borrow().len(), 2);
    // A headline in the ticker opens its article; picked again, the article already open is
    // not opened again.
    for _ in 0..2 {
        m.click(".nv-ticker__copy:not([aria-hidden]) .nv-ticker__link");
        leptos::task::tick().await;
        leptos::task::tick().await;
        assert_eq!(opened.borrow().len(), 3, "{:?}", opened.borrow());
    }
    m.host.remove();
}

#[wasm_bindgen_test]
async fn show_more_moves_focus_to_the_first_new_headline() {
    let m = mount(BUNDLED, Lang::Fr, None);
    leptos::task::tick().await;
    m.click(".nv-more__button");
    leptos::task::tick().await;
    // Focus moves on the next animation frame.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    }))
    .await
    .unwrap();
    let items = m.all(".nv-more__link");
    assert_eq!(focused(), Some(items[30].clone()));
    m.host.remove();
}

#[wasm_bindgen_test]
async fn the_ticker_is_one_tab_stop_that_arrows_home_and_end_move_through() {
    let m = mount(BUNDLED, Lang::Fr, None);
    leptos::task::tick().await;
    let read = ".nv-ticker__copy:not([aria-hidden]) .nv-ticker__link";
    let stops = || m.all(&format!("{read}[tabindex='0']"));
    assert_eq!(stops().len(), 1, "one tab stop");
    assert_eq!(m.all(&format!("{read}[tabindex='-1']")).len(), 45);
    let links = m.all(read);
    links[0].unchecked_ref::<HtmlElement>().focus().unwrap();
    let key = |k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        let event =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        focused().unwrap().dispatch_event(&event).unwrap();
    };
    key("ArrowRight");
    leptos::task::tick().await;
    assert_eq!(focused(), Some(links[1].clone()));
    assert_eq!(stops(), [links[1].clone()], "the tab stop follows");
    key("End");
    leptos::task::tick().await;
    assert_eq!(focused(), Some(links[45].clone()));
    key("ArrowDown");
    leptos::task::tick().await;
    assert_eq!(focused(), Some(links[45].clone()), "the last stays last");
    key("Home");
    leptos::task::tick().await;
    assert_eq!(focused(), Some(links[0].clone()));
    m.host.remove();

    // Right to left, the right arrow goes back.
    let m = mount(BUNDLED, Lang::Ar, None);
    leptos::task::tick().await;
    let links = m.all(read);
    links[2].unchecked_ref::<HtmlElement>().focus().unwrap();
    leptos::task::tick().await;
    key("ArrowRight");
    leptos::task::tick().await;
    assert_eq!(focused(), Some(links[1].clone()));
    key("ArrowLeft");
    key("ArrowLeft");
    leptos::task::tick().await;
    assert_eq!(focused(), Some(links[3].clone()));
    m.host.remove();
}

#[wasm_bindgen_test]
async fn interface_text_keeps_the_interfaces_language_around_an_article_in_another() {
    let json = r#"{"schema": 1, "articles": [{"id": "ar-only", "published": "2024-05-15",
        "source": {"name": "هسبريس"}, "image": {"src": "https://example.org/p.jpg"},
        "translations": {"ar": {"title": "عنوان", "body": ["نص."], "image_caption": "تعليق"}}}]}"#;
    let m = mount(json, Lang::Fr, None);
    leptos::task::tick().await;
    assert_eq!(m.one(".nv").get_attribute("dir").as_deref(), Some("ltr"));
    for own in [
        ".nv-article__title",
        ".nv-article__body",
        ".nv-figure figcaption",
        ".nv-figure img",
    ] {
        let el = m.one(own);
        assert_eq!(el.get_attribute("lang").as_deref(), Some("ar"), "{own}");
        assert_eq!(el.get_attribute("dir").as_deref(), Some("rtl"), "{own}");
    }
    for interface in [
        ".nv-article__meta",
        ".nv-tools",
        ".nv-notice",
        ".nv-figure__report",
    ] {
        let closest = m.one(interface).closest("[dir]").unwrap().unwrap();
        assert_eq!(
            closest.get_attribute("dir").as_deref(),
            Some("ltr"),
            "{interface}"
        );
    }
    // The source's name is isolated inside the French sentence.
    let meta = m.text(".nv-article__facts span");
    assert!(
        meta.starts_with("Publié dans \u{2068}هسبريس\u{2069} le \u{2068}"),
        "{meta}"
    );
    m.host.remove();
}

#[wasm_bindgen_test]
async fn any_language_is_named_in_the_interfaces_language() {
    let json = r#"{"schema": 1, "articles": [
        {"id": "es", "translations": {"es": {"title": "Sólo en español", "body": ["Texto."]}}}]}"#;
    for (lang, notice) in [
        (
            Lang::En,
            "This article is not available in English — shown in Spanish.",
        ),
        (
            Lang::Fr,
            "Cet article n'existe pas en français — affiché en espagnol.",
        ),
        (
            Lang::Ar,
            "هذا المقال غير متوفر بالعربية — معروض باللغة الإسبانية.",
        ),
    ] {
        let m = mount(json, lang, None);
        leptos::task::tick().await;
        assert_eq!(m.text(".nv-notice"), notice);
        m.host.remove();
    }
}

#[wasm_bindgen_test]
async fn parts_with_nothing_in_them_are_not_rendered() {
    let one = r#"{"schema": 1, "articles": [{"id": "x", "translations": {"en": {"title": "Alone", "body": ["Text."]}}}]}"#;
    let m = mount(one, Lang::En, None);
    leptos::task::tick().await;
    assert_eq!(m.text(".nv-article__title"), "Alone");
    assert!(m.all(".nv-pager").is_empty(), "no empty navigation");
    assert!(m.all(".nv-more").is_empty(), "no empty 'More headlines'");
    m.host.remove();
}

#[wasm_bindgen_test]
async fn an_english_reader_gets_the_newest_full_english_article() {
    let json = r#"{"schema": 1, "articles": [
        {"id": "fr-new", "published": "2024-05-02", "translations": {"fr": {"title": "Nouveau", "body": ["Texte."]}, "en": {"title": "New"}}},
        {"id": "en-old", "published": "2024-05-01", "translations": {"en": {"title": "Older, in full", "body": ["Text."]}}}]}"#;
    let m = mount(json, Lang::En, None);
    leptos::task::tick().await;
    assert_eq!(m.text(".nv-article__title"), "Older, in full");
    m.click(".nv-langs__button[lang='fr']");
    leptos::task::tick().await;
    assert_eq!(m.text(".nv-article__title"), "Nouveau");
    m.host.remove();
}

#[wasm_bindgen_test]
async fn a_broken_image_is_marked_and_its_description_takes_its_place() {
    let json = r#"{"schema": 1, "articles": [{"id": "broken-pic", "image": {"src": "/no-such-image.jpg"},
        "translations": {"en": {"title": "Picture", "body": ["Text."], "image_alt": "A harbour at dawn"}}}]}"#;
    let m = mount(json, Lang::En, None);
    leptos::task::tick().await;
    // `loading=lazy` waits for layout; the image is on screen, so it loads (and fails) soon.
    for _ in 0..50 {
        if m.one(".nv-figure").class_list().contains("is-broken") {
            break;
        }
        gloo_wait(50).await;
    }
    let figure = m.one(".nv-figure");
    assert!(figure.class_list().contains("is-broken"));
    // The stylesheet (not loaded here) hides the frame and the report button of a broken
    // figure: the whole-page tests check what shows.
    assert_eq!(m.text(".nv-figure__described"), "A harbour at dawn");
    assert!(!m.one(".nv-figure__described").has_attribute("hidden"));
    m.host.remove();
}

async fn gloo_wait(ms: i32) {
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    }))
    .await
    .unwrap();
}

#[wasm_bindgen_test]
async fn a_report_can_be_undone_and_focus_follows_the_controls_that_replace_each_other() {
    let json = r#"{"schema": 1, "articles": [{"id": "pic-undo-test", "image": {"src": "https://example.org/p.jpg", "width": 4, "height": 3},
        "translations": {"en": {"title": "Picture", "body": ["Text."], "image_caption": "The harbour."}}}]}"#;
    let m = mount(json, Lang::En, None);
    let reports = record_events(&m, "article-viewer:image-report");
    leptos::task::tick().await;
    m.click(".nv-figure__report");
    leptos::task::tick().await;
    gloo_wait(50).await;
    assert_eq!(
        focused(),
        Some(m.one(".nv-figure__undo")),
        "Undo replaces the report button"
    );
    m.click(".nv-figure__undo");
    leptos::task::tick().await;
    gloo_wait(50).await;
    assert_eq!(focused(), Some(m.one(".nv-figure__report")));
    assert_eq!(m.text(".nv-figure__report"), "Report this image");
    assert_eq!(m.text(".nv-figure__status"), "Report withdrawn.");
    assert!(!m
        .one(".nv-figure__frame")
        .class_list()
        .contains("is-blurred"));
    let saved = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(
        saved
            .get_item("news-viewer:reported:pic-undo-test")
            .unwrap(),
        None
    );
    let reports = reports.borrow();
    assert_eq!(reports.len(), 2);
    assert!(
        reports[0].starts_with("action=report articleId=pic-undo-test"),
        "{reports:?}"
    );
    assert!(
        reports[1].starts_with("action=undo articleId=pic-undo-test"),
        "{reports:?}"
    );
    drop(reports);

    // "Show anyway" goes, and focus stays in the figure.
    m.click(".nv-figure__report");
    leptos::task::tick().await;
    m.click(".nv-figure__reveal");
    leptos::task::tick().await;
    gloo_wait(50).await;
    assert_eq!(focused(), Some(m.one(".nv-figure")));
    saved
        .remove_item("news-viewer:reported:pic-undo-test")
        .unwrap();
    m.host.remove();
}

#[wasm_bindgen_test]
async fn size_buttons_are_named_by_their_visible_text_and_the_theme_shown_is_pressed() {
    let m = mount(BUNDLED, Lang::Ar, None);
    leptos::task::tick().await;
    let larger = m.one(".nv-tools__button--large");
    let name = larger.text_content().unwrap();
    assert!(name.starts_with("A+"), "{name}");
    assert_eq!(
        larger
            .first_element_child()
            .unwrap()
            .get_attribute("dir")
            .as_deref(),
        Some("ltr"),
        "A+ stays A+ in Arabic"
    );
    assert!(larger.get_attribute("aria-label").is_none());
    assert_eq!(
        m.one("[data-choice='light']")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true"),
        "no pick, light system scheme: Light is the theme shown"
    );
    m.host.remove();
}

#[wasm_bindgen_test]
async fn an_update_keeps_the_open_featured_article_and_holds_a_changed_one() {
    use std::sync::Arc;
    let before = r#"{"schema": 1, "articles": [
        {"id": "old", "published": "2024-05-01", "translations": {"en": {"title": "Old news", "body": ["Old text."]}}}]}"#;
    let after = r#"{"schema": 1, "articles": [
        {"id": "old", "published": "2024-05-01", "translations": {"en": {"title": "Old news, corrected", "body": ["Old text."]}}},
        {"id": "new", "published": "2024-06-01", "translations": {"en": {"title": "Fresh news", "body": ["New text."]}}}]}"#;
    let m = mount(before, Lang::En, None);
    leptos::task::tick().await;
    let title = m.one(".nv-article__title");
    let read = |json: &str| Arc::new(parse_collection(json).unwrap().collection);
    let same = m.state.new_reading(read(before)).unwrap();
    assert!(
        same.complete().await.is_empty(),
        "nothing changed: nothing to take in"
    );

    let update = m.state.new_reading(read(after)).unwrap();
    m.state.take_update(&update);
    let changes = update.complete().await;
    m.state.settle(&changes);
    assert_eq!(
        (changes.added, changes.changed),
        (vec!["new".to_string()], vec!["old".to_string()])
    );
    leptos::task::tick().await;
    assert!(title.is_connected(), "the open article is not rebuilt");
    assert_eq!(
        m.text(".nv-article__title"),
        "Old news",
        "the version being read stays"
    );
    assert_eq!(
        m.state.nav.article_id.get_untracked(),
        None,
        "the URL's article is untouched"
    );
    assert!(m.text(".nv-notice").starts_with("This article was updated"));
    m.click(".nv-notice__action");
    leptos::task::tick().await;
    assert_eq!(m.text(".nv-article__title"), "Old news, corrected");
    // Leaving the article lets the newest featured one show again.
    m.click(".nv-more__link");
    leptos::task::tick().await;
    assert_eq!(m.text(".nv-article__title"), "Fresh news");
    m.host.remove();
}

#[wasm_bindgen_test]
async fn opening_a_held_article_again_shows_its_new_version() {
    use std::sync::Arc;
    let before = r#"{"schema": 1, "articles": [
        {"id": "old", "published": "2024-05-01", "translations": {"en": {"title": "Old news", "body": ["Old text."]}}}]}"#;
    let after = r#"{"schema": 1, "articles": [
        {"id": "old", "published": "2024-05-01", "translations": {"en": {"title": "Old news, corrected", "body": ["Old text."]}}}]}"#;
    let m = mount(before, Lang::En, Some("old"));
    leptos::task::tick().await;
    let update = m
        .state
        .new_reading(Arc::new(parse_collection(after).unwrap().collection));
    m.state.take_update(&update.unwrap());
    leptos::task::tick().await;
    assert_eq!(m.text(".nv-article__title"), "Old news");
    m.click(".nv-ticker__copy:not([aria-hidden]) .nv-ticker__link");
    leptos::task::tick().await;
    assert_eq!(m.text(".nv-article__title"), "Old news, corrected");
    assert!(m.all(".nv-notice").is_empty());
    m.host.remove();
}
