//! An article's image, with the reader's "report this image" control: a reported image stays
//! blurred for that reader (remembered in localStorage) behind a "show anyway" button, and the
//! host page hears of the report through an event so it can count reports on its server.

use crate::events::{emit, IMAGE_REPORT};
use crate::model::{Article, Translation};
use crate::routing::safe_href;
use crate::state::ViewerState;
use crate::storage;
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
    let reported = RwSignal::new(storage::load(&key).is_some());
    let revealed = RwSignal::new(false);
    let thanked = RwSignal::new(false);
    let blurred = move || reported.get() && !revealed.get();
    // Built with the article, which is rebuilt when the language changes.
    let s = state.lang.get_untracked().strings();
    let (id, reported_src) = (article.id.clone(), src.clone());
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
                    ("articleId", &id),
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
            <div class=move || super::class_list("nv-figure__frame", &[(blurred(), "is-blurred")])>
                <img
                    src=src
                    width=image.width
                    height=image.height
                    alt=translation.image_alt.clone().unwrap_or_default()
                    loading="lazy"
                    decoding="async"
                />
                {move || {
                    blurred()
                        .then(|| {
                            super::text_button(
                                "nv-figure__reveal nv-button",
                                s.show_image,
                                Box::new(move |_| revealed.set(true)),
                            )
                        })
                }}
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
            <p class="nv-figure__status" role="status">{move || thanked.get().then(|| s.report_thanks.to_string())}</p>
        </figure>
    })
}
