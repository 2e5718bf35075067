//! Reading comfort and sharing: text size, colour theme (both remembered for the reader's next
//! visit) and a Share button.

use crate::host::storage;
use crate::ui::state::{Theme, ViewerState, TEXT_SIZES};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The toolbar above the article body. It is built with the article, which is rebuilt when the
/// language changes, so its labels are fixed for its lifetime.
#[component]
pub fn ReaderTools() -> impl IntoView {
    let state = expect_context::<ViewerState>();
    let s = state.lang.get_untracked().strings();
    // What the last share or copy came to; nothing before the first.
    let status = RwSignal::new(None::<String>);
    // (class, label, text, step, the size at which it is disabled)
    let size_button = move |class: &'static str,
                            label: &'static str,
                            text: &'static str,
                            step: isize,
                            limit: usize| {
        view! {
            <button
                type="button"
                class=class
                aria-label=label
                title=label
                disabled=move || state.text_size.get() == limit
                on:click=move |_| {
                    let size = state.text_size.get_untracked().saturating_add_signed(step).min(TEXT_SIZES - 1);
                    state.text_size.set(size);
                    storage::save("text-size", &size.to_string());
                }
            >
                <span aria-hidden="true">{text}</span>
            </button>
        }
    };
    let theme_button = move |theme: Theme, label: &'static str| {
        view! {
            <button
                type="button"
                class="nv-tools__button"
                data-choice=theme.name()
                aria-pressed=move || (state.theme.get() == Some(theme)).to_string()
                on:click=move |_| {
                    state.theme.set(Some(theme));
                    storage::save("theme", theme.name());
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="nv-tools">
            <button type="button" class="nv-tools__button" on:click=move |_| share(state, status)>
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
        </div>
    }
}

/// Shares the page's address with the Web Share API where the browser has it, else copies it to
/// the clipboard; either way the outcome is said in the status line.
fn share(state: ViewerState, status: RwSignal<Option<String>>) {
    let s = state.strings();
    let url = window().location().href().unwrap_or_default();
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
    match call_method(&clipboard, "writeText", &url.into()) {
        Some(written) => leptos::task::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(written).await.is_ok();
            let said = if copied {
                s.link_copied
            } else {
                s.share_unavailable
            };
            status.set(Some(said.to_string()));
        }),
        None => status.set(Some(s.share_unavailable.to_string())),
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
