//! An article's image, with the reader's "report this image" control: a reported image stays
//! blurred for that reader (remembered in localStorage) behind a "show anyway" button, the host
//! page hears of the report through an event so it can count reports on its server, and the
//! reader can take the report back for a few seconds. An image that fails to load leaves only its
//! caption or its description.

use super::focus::focus_when_shown;
use super::page::{tell, IMAGE_REPORT};
use super::state::ViewerState;
use crate::data::model::{Article, Translation};
use crate::i18n::{direction_of, Strings};
use crate::routing::safe_href;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;

/// How long the reader can undo a report.
const UNDO_FOR: Duration = Duration::from_secs(10);

/// A reader's report of an image: whether they reported it, what the status line says, and
/// the controls focus moves between as they report, undo or show the image anyway.
#[derive(Clone, Copy)]
struct Report {
    state: ViewerState,
    /// The article's id and the image's address, as the host page hears them.
    about: StoredValue<(String, String)>,
    reported: RwSignal<bool>,
    /// Shown anyway, though reported.
    revealed: RwSignal<bool>,
    status: RwSignal<Option<&'static str>>,
    can_undo: RwSignal<bool>,
    /// Counts reports and undos, so that a report's Undo timer knows whether it is still current.
    reports: StoredValue<u32>,
    controls: Controls,
}

/// The figure and its buttons.
#[derive(Clone, Copy)]
struct Controls {
    figure: NodeRef<html::Figure>,
    report: NodeRef<html::Button>,
    undo: NodeRef<html::Button>,
}

impl Report {
    fn new(state: ViewerState, id: String, src: String) -> Self {
        Report {
            state,
            about: StoredValue::new((id, src)),
            reported: RwSignal::new(false),
            revealed: RwSignal::new(false),
            status: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            reports: StoredValue::new(0),
            controls: Controls {
                figure: NodeRef::new(),
                report: NodeRef::new(),
                undo: NodeRef::new(),
            },
        }
    }

    /// Where the report is remembered for this reader.
    fn key(&self) -> String {
        self.about.with_value(|(id, _)| format!("reported:{id}"))
    }

    fn blurred(&self) -> bool {
        self.reported.get() && !self.revealed.get()
    }

    /// Tells the host page of `action` (`report` or `undo`).
    fn tell_host(&self, action: &str) {
        let Some(root) = self.state.root.get_untracked() else {
            return;
        };
        let lang = self.state.prefs.lang.get_untracked().code();
        self.about.with_value(|(id, src)| {
            let detail = [
                ("articleId", id.as_str()),
                ("imageSrc", src.as_str()),
                ("lang", lang),
                ("action", action),
            ];
            tell(self.state.host.page, &root, IMAGE_REPORT, &detail);
        });
    }

    fn report(self) {
        let s = self.state.strings();
        self.state.host.page.save(&self.key(), Some("1"));
        self.reported.set(true);
        self.status.set(Some(s.report_thanks));
        self.can_undo.set(true);
        self.tell_host("report");
        // The report button is now disabled: focus goes to the Undo that replaces it.
        let undo = self.controls.undo;
        focus_when_shown(move || undo.try_get_untracked().flatten().map(Into::into));
        // Only this report's timer may close its Undo (an undo and a new report start over).
        let this_report = self.reports.try_update_value(|n| {
            *n += 1;
            *n
        });
        set_timeout(move || self.close_undo(this_report), UNDO_FOR);
    }

    /// The time to undo report number `this_report` is over, unless another came since; while
    /// the reader is on Undo (a screen reader may still be reading the thanks before it), it
    /// starts again, and Undo goes only once they have moved on.
    fn close_undo(self, this_report: Option<u32>) {
        if self.reports.try_get_value() != this_report {
            return;
        }
        let on_undo = self.controls.undo.try_get_untracked().flatten();
        if on_undo.is_some_and(|b| b.matches(":focus").unwrap_or_default()) {
            set_timeout(move || self.close_undo(this_report), UNDO_FOR);
            return;
        }
        let _ = self.can_undo.try_set(false);
    }

    fn undo(self) {
        self.reports.update_value(|n| *n += 1);
        self.state.host.page.save(&self.key(), None);
        self.reported.set(false);
        self.revealed.set(false);
        self.can_undo.set(false);
        self.status.set(Some(self.state.strings().report_withdrawn));
        self.tell_host("undo");
        let report = self.controls.report;
        focus_when_shown(move || report.try_get_untracked().flatten().map(Into::into));
    }

    fn reveal(self) {
        self.revealed.set(true);
        let figure = self.controls.figure;
        focus_when_shown(move || figure.try_get_untracked().flatten().map(Into::into));
    }
}

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
    let report = Report::new(state, article.id.to_string(), src.clone());
    let Report {
        reported, controls, ..
    } = report;
    let broken = RwSignal::new(false);
    let img = NodeRef::<html::Img>::new();
    // Read once mounted, so that a hydrated page starts as the prerendered one did; an image
    // that failed before the app ran fired its error unheard.
    Effect::new(move |_| {
        reported.set(state.host.page.load(&report.key()).is_some());
        if let Some(img) = img.get() {
            broken.set(img.complete() && img.natural_width() == 0);
        }
    });
    // Built with the article, which is rebuilt when the language changes.
    let s = state.prefs.lang.get_untracked().strings();
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
            node_ref=controls.figure
        >
            <div class="nv-figure__frame" class:is-blurred=move || report.blurred()>
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
                <Show when=move || report.blurred()>
                    <button
                        type="button"
                        class="nv-figure__reveal nv-button"
                        on:click=move |_| report.reveal()
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
            {report_controls(report, s)}
        </figure>
    })
}

/// The report button, and the status line with its Undo.
fn report_controls(report: Report, s: &'static Strings) -> impl IntoView {
    let Report {
        reported,
        status,
        can_undo,
        controls,
        ..
    } = report;
    view! {
        <button
            type="button"
            class="nv-figure__report"
            disabled=move || reported.get()
            node_ref=controls.report
            on:click=move |_| report.report()
        >
            {move || if reported.get() { s.image_reported } else { s.report_image }}
        </button>
        <p class="nv-figure__status" role="status">
            {move || status.get()}
            <Show when=move || can_undo.get()>
                " "
                <button type="button" class="nv-figure__undo" node_ref=controls.undo on:click=move |_| report.undo()>
                    {s.undo}
                </button>
            </Show>
        </p>
    }
}
