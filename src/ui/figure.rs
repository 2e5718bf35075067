//! An article's image, with the reader's "report this image" control: a reported image stays
//! blurred for that reader (remembered in localStorage) behind a "show anyway" button, the host
//! page hears of the report through an event so it can count reports on its server, and the
//! reader can take the report back for a few seconds. An image that fails to load leaves only its
//! caption or its description.

use crate::data::model::{Article, Translation};
use crate::i18n::direction_of;
use crate::routing::safe_href;
use crate::ui::focus_when_shown;
use crate::ui::page::{tell, IMAGE_REPORT};
use crate::ui::state::ViewerState;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;

/// How long the reader can undo a report.
const UNDO_FOR: Duration = Duration::from_secs(10);

/// The figure, or nothing when the article has no image or its address is not allowed. `lang` is
/// the language `translation` is written in: its caption and description take it.
pub fn figure(
    state: ViewerState,
    article: &Article,
    translation: &Translation,
    lang: &str,
) -> Option<impl IntoView> {
    let image = article.image.as_ref()?;
    let src = safe_href(
        &image.src,
        article.base(&state.config.with_value(|c| c.src.clone())),
    )?;
    let key = format!("reported:{}", article.id);
    let reported = RwSignal::new(false);
    let broken = RwSignal::new(false);
    let img = NodeRef::<html::Img>::new();
    {
        let key = key.clone();
        // Read once mounted, so that a hydrated page starts as the prerendered one did; an image
        // that failed before the app ran fired its error unheard.
        Effect::new(move |_| {
            reported.set(state.host.page.load(&key).is_some());
            if let Some(img) = img.get() {
                broken.set(img.complete() && img.natural_width() == 0);
            }
        });
    }
    let revealed = RwSignal::new(false);
    let status = RwSignal::new(None::<&'static str>);
    let can_undo = RwSignal::new(false);
    // Counts reports and undos, so that a report's Undo timer knows whether it is still current.
    let reports = StoredValue::new(0u32);
    let blurred = move || reported.get() && !revealed.get();
    let (figure_el, report_button, undo_button, reveal_button) = (
        NodeRef::<html::Figure>::new(),
        NodeRef::<html::Button>::new(),
        NodeRef::<html::Button>::new(),
        NodeRef::<html::Button>::new(),
    );
    // Built with the article, which is rebuilt when the language changes.
    let s = state.prefs.lang.get_untracked().strings();
    let tell_host = {
        let (id, src) = (article.id.to_string(), src.clone());
        move |action: &str| {
            if let Some(root) = state.root.get_untracked() {
                let lang = state.prefs.lang.get_untracked().code();
                let detail = [
                    ("articleId", id.as_str()),
                    ("imageSrc", &src),
                    ("lang", lang),
                ];
                tell(
                    state.host.page,
                    &root,
                    IMAGE_REPORT,
                    &[&detail[..], &[("action", action)]].concat(),
                );
            }
        }
    };
    let report = {
        let (key, tell_host) = (key.clone(), tell_host.clone());
        move |_| {
            state.host.page.save(&key, Some("1"));
            reported.set(true);
            status.set(Some(s.report_thanks));
            can_undo.set(true);
            tell_host("report");
            // The report button is now disabled: focus goes to the Undo that replaces it.
            focus_when_shown(move || undo_button.try_get_untracked().flatten().map(Into::into));
            // Only this report's timer may close its Undo (an undo and a new report start over).
            let this_report = reports.try_update_value(|n| {
                *n += 1;
                *n
            });
            set_timeout(
                move || {
                    if reports.try_get_value() != this_report {
                        return;
                    }
                    let undo_had_focus = undo_button
                        .try_get_untracked()
                        .flatten()
                        .is_some_and(|b| document().active_element() == Some(b.into()));
                    let _ = can_undo.try_set(false);
                    if undo_had_focus {
                        focus_when_shown(move || {
                            reveal_button.try_get_untracked().flatten().map(Into::into)
                        });
                    }
                },
                UNDO_FOR,
            );
        }
    };
    let undo = move |_| {
        reports.update_value(|n| *n += 1);
        state.host.page.save(&key, None);
        reported.set(false);
        revealed.set(false);
        can_undo.set(false);
        status.set(Some(s.report_withdrawn));
        tell_host("undo");
        focus_when_shown(move || report_button.try_get_untracked().flatten().map(Into::into));
    };
    let reveal = move |_| {
        revealed.set(true);
        focus_when_shown(move || figure_el.try_get_untracked().flatten().map(Into::into));
    };
    let words = |text: &Option<String>| text.clone().filter(|c| !c.trim().is_empty());
    let caption = words(&translation.image_caption);
    let alt = words(&translation.image_alt);
    // A broken image is replaced by its description when it has no caption to stand for it.
    let described = caption.is_none().then_some(alt.clone()).flatten();
    let has_words = caption.is_some() || described.is_some();
    let dir = direction_of(lang);
    Some(view! {
        <figure
            class="nv-figure"
            class:is-broken=move || broken.get()
            style:display=move || (broken.get() && !has_words).then_some("none")
            tabindex="-1"
            node_ref=figure_el
        >
            <div class="nv-figure__frame" class:is-blurred=blurred>
                <img
                    src=src
                    width=image.width.map(|d| d.0)
                    height=image.height.map(|d| d.0)
                    alt=alt.unwrap_or_default()
                    lang=lang.to_string()
                    dir=dir
                    loading="lazy"
                    decoding="async"
                    node_ref=img
                    on:error=move |_| broken.set(true)
                />
                <Show when=blurred>
                    <button
                        type="button"
                        class="nv-figure__reveal nv-button"
                        node_ref=reveal_button
                        on:click=reveal
                    >
                        {s.show_image}
                    </button>
                </Show>
            </div>
            {caption.map(|c| view! { <figcaption lang=lang.to_string() dir=dir>{c}</figcaption> })}
            {described.map(|d| {
                view! {
                    <p class="nv-figure__described" lang=lang.to_string() dir=dir hidden=move || !broken.get()>
                        {d}
                    </p>
                }
            })}
            <button
                type="button"
                class="nv-figure__report"
                disabled=move || reported.get()
                node_ref=report_button
                on:click=report
            >
                {move || if reported.get() { s.image_reported } else { s.report_image }}
            </button>
            <p class="nv-figure__status" role="status">
                {move || status.get()}
                <Show when=move || can_undo.get()>
                    " "
                    <button type="button" class="nv-figure__undo" node_ref=undo_button on:click=undo.clone()>
                        {s.undo}
                    </button>
                </Show>
            </p>
        </figure>
    })
}
