//! Reading comfort and sharing: text size, colour theme (both remembered for the reader's next
//! visit) and a Share button.

use super::focus::focus_when_shown;
use super::prefs::{Theme, TEXT_SIZES};
use super::state::ViewerState;
use crate::routing::{publisher_link, safe_href};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The toolbar above the article body. It is built with the article, which is rebuilt when the
/// language changes, so its labels are fixed for its lifetime.
#[component]
pub fn ReaderTools() -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let s = state.prefs.lang.get_untracked().strings();
    // What the last share or copy came to; nothing before the first.
    let status = RwSignal::new(None::<String>);
    // The link to copy by hand, when the clipboard refuses it.
    let manual = RwSignal::new(None::<String>);
    let field = NodeRef::<html::Input>::new();
    // The visible "A−"/"A+" is part of the name (and left to right in Arabic too). At its limit
    // a button is `aria-disabled`, not disabled, so that it keeps the focus it has.
    let size_button = move |class: &'static str,
                            label: &'static str,
                            text: &'static str,
                            step: isize,
                            limit: usize| {
        view! {
            <button
                type="button"
                class=class
                title=label
                aria-disabled=move || (state.prefs.text_size.get() == limit).then_some("true")
                on:click=move |_| state.prefs.step_text_size(step)
            >
                <span dir="ltr">{text}</span>
                <span class="nv-hidden">" " {label}</span>
            </button>
        }
    };
    let theme_button = move |theme: Theme, label: &'static str| {
        view! {
            <button
                type="button"
                class="nv-tools__button"
                data-choice=theme.name()
                aria-pressed=move || (state.prefs.shown_theme() == theme).to_string()
                on:click=move |_| state.prefs.pick_theme(theme)
            >
                {label}
            </button>
        }
    };
    let on_share = move |_| {
        let url = share_url(state);
        share(state, url, status, manual, field);
    };
    view! {
        <div class="nv-tools">
            <button type="button" class="nv-tools__button" on:click=on_share>
                {s.share}
            </button>
            <div class="nv-tools__group" role="group" aria-label=s.reading_settings>
                {size_button("nv-tools__button", s.text_smaller, "A\u{2212}", -1, 0)}
                {size_button("nv-tools__button nv-tools__button--large", s.text_larger, "A+", 1, TEXT_SIZES - 1)}
                {theme_button(Theme::Light, s.theme_light)}
                {theme_button(Theme::Dark, s.theme_dark)}
                {theme_button(Theme::Sepia, s.theme_sepia)}
            </div>
            <p class="nv-tools__status" role="status">{move || status.get()}</p>
            <Show when=move || manual.get().is_some()>
                <label class="nv-tools__copy">
                    {s.copy_link}
                    " "
                    <input
                        type="url"
                        readonly
                        dir="ltr"
                        node_ref=field
                        prop:value=move || manual.get().unwrap_or_default()
                        on:focus=|ev| select_all(&ev)
                    />
                </label>
            </Show>
        </div>
    }
}

/// The address that leads to the open article: the standalone page's (or iframe's) own deep
/// link; for a viewer embedded in another page, the publisher's `data-link` pattern, else the
/// article's source, else the host page.
fn share_url(state: ViewerState) -> String {
    let page = window().location().href().unwrap_or_default();
    let lang = state.prefs.lang.get_untracked();
    let id = state.nav.current.get_untracked().unwrap_or_default();
    let absolute = |href: &str| {
        web_sys::Url::new_with_base(href, &page)
            .map(|u| u.href())
            .ok()
    };
    let (own_page, pattern, src) = state.config.with_value(|c| {
        (
            c.standalone || c.frame,
            c.link_pattern.clone(),
            c.src.clone(),
        )
    });
    let link = match (own_page, pattern) {
        (true, _) => absolute(&state.article_href(&id, lang)),
        (false, Some(pattern)) => publisher_link(&pattern, &id, lang).and_then(|h| absolute(&h)),
        (false, None) => None,
    };
    let source = || {
        state
            .with_article(|collection, article| {
                let default = collection.default_language.as_deref();
                let (_, t) = article.translation_for(lang.code(), default);
                article
                    .source_url(t)
                    .and_then(|url| safe_href(url, article.base(&src)))
            })
            .ok()
            .flatten()
            .flatten()
    };
    link.or_else(source).unwrap_or(page)
}

/// Shares `url` with the Web Share API where the browser has it, else copies it to the
/// clipboard; when the clipboard refuses, the link is shown selected in a field to copy by hand.
fn share(
    state: ViewerState,
    url: String,
    status: RwSignal<Option<String>>,
    manual: RwSignal<Option<String>>,
    field: NodeRef<html::Input>,
) {
    let s = state.strings();
    let navigator: JsValue = window().navigator().into();
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &document().title().into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.clone().into());
    if let Some(shared) = call_method(&navigator, "share", &data) {
        // The reader may cancel the share sheet: that is not an error worth saying.
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(shared).await;
        });
        return;
    }
    let clipboard =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    let written = call_method(&clipboard, "writeText", &url.clone().into());
    leptos::task::spawn_local(async move {
        let copied = match written {
            Some(written) => wasm_bindgen_futures::JsFuture::from(written).await.is_ok(),
            None => false,
        };
        if copied {
            manual.set(None);
            status.set(Some(s.link_copied.to_string()));
        } else {
            status.set(None);
            manual.set(Some(url));
            focus_when_shown(move || field.try_get_untracked().flatten().map(Into::into));
        }
    });
}

/// Selects the whole link in the field that shows it, ready to copy.
fn select_all(ev: &web_sys::FocusEvent) {
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}

/// Calls `target[name](arg)` when the browser has that method and it returns a promise.
fn call_method(target: &JsValue, name: &str, arg: &JsValue) -> Option<js_sys::Promise> {
    let method = js_sys::Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    method.call1(target, arg).ok()?.dyn_into().ok()
}
