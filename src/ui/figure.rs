//! An article's image, with the reader's "report this image" control: a reported image stays
//! blurred for that reader (remembered in localStorage) behind a "show anyway" button, and the
//! host page hears of the report through an event so it can count reports on its server.

use crate::data::model::{Article, Translation};
use crate::host::events::{emit, IMAGE_REPORT};
use crate::host::storage;
use crate::routing::safe_href;
use crate::ui::state::ViewerState;
use leptos::prelude::*;

/// The figure, or nothing when the article has no image or its address is not allowed.
pub fn figure(
    state: ViewerState,
    article: &Article,
    translation: &Translation,
) -> Option<impl IntoView> {
    let image = article.image.as_ref()?;
    let src = safe_href(&image.src, &state.config.with_value(|c| c.src.clone()))?;
    let key = format!("reported:{}", article.id);
    // Read once mounted, so that a hydrated page starts as the prerendered one did.
    let reported = RwSignal::new(false);
    {
        let key = key.clone();
        Effect::new(move |_| reported.set(storage::load(&key).is_some()));
    }
    let revealed = RwSignal::new(false);
    let thanked = RwSignal::new(false);
    let blurred = move || reported.get() && !revealed.get();
    // Built with the article, which is rebuilt when the language changes.
    let s = state.lang.get_untracked().strings();
    let (id, reported_src) = (article.id.to_string(), src.clone());
    let report = move |_| {
        storage::save(&key, "1");
        reported.set(true);
        thanked.set(true);
        if let Some(root) = state.root.get_untracked() {
            let lang = state.lang.get_untracked().code();
            emit(
                &root,
                IMAGE_REPORT,
                &[
                    ("articleId", id.as_str()),
                    ("imageSrc", &reported_src),
                    ("lang", lang),
                ],
            );
        }
    };
    let caption = translation
        .image_caption
        .clone()
        .filter(|c| !c.trim().is_empty());
    Some(view! {
        <figure class="nv-figure">
            <div class="nv-figure__frame" class:is-blurred=blurred>
                <img
                    src=src
                    width=image.width.map(|d| d.0)
                    height=image.height.map(|d| d.0)
                    alt=translation.image_alt.clone().unwrap_or_default()
                    loading="lazy"
                    decoding="async"
                />
                <Show when=blurred>
                    <button
                        type="button"
                        class="nv-figure__reveal nv-button"
                        on:click=move |_| revealed.set(true)
                    >
                        {s.show_image}
                    </button>
                </Show>
            </div>
            {caption.map(|c| view! { <figcaption>{c}</figcaption> })}
            <button
                type="button"
                class="nv-figure__report"
                disabled=move || reported.get()
                on:click=report
            >
                {move || if reported.get() { s.image_reported } else { s.report_image }}
            </button>
            <p class="nv-figure__status" role="status">{move || thanked.get().then_some(s.report_thanks)}</p>
        </figure>
    })
}
