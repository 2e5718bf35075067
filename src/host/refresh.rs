//! Reading collection files again while the page is open. One feed per file serves every viewer
//! of that file on the page (one request per interval, the shortest interval asked for). It reads
//! only while the tab is visible and the browser online, lets the browser revalidate (an
//! unchanged file costs a 304 and is not parsed), backs off after a failure (the interval doubled
//! each time, up to 30 minutes) and keeps quiet about it apart from one console line per kind of
//! failure.

use crate::data::fetch::refetch_collection;
use crate::data::model::Collection;
use crate::ui::state::{preferred_language, ViewerState};
use crate::ui::viewer::{take_reading, Announcement};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The longest wait between two readings, after failures.
const MAX_WAIT_MS: u32 = 30 * 60 * 1000;

/// Called with each new reading of the file.
type Listener = Box<dyn Fn(Arc<Collection>) -> Option<Announcement>>;

struct Feed {
    every_ms: Cell<u32>,
    listeners: RefCell<Vec<Listener>>,
    /// The last reading it published, for viewers that join later.
    last: RefCell<Option<Arc<Collection>>>,
}

thread_local! {
    static FEEDS: RefCell<HashMap<String, Rc<Feed>>> = RefCell::default();
}

/// Passes every newer reading of the file at `src` (absolute) to the viewer of `state` (see
/// `ui::viewer::take_reading`), from the reading it has (`validator`).
pub fn keep_reading(state: ViewerState, src: String, validator: Option<String>) {
    let every = state.config.with_value(|c| c.refresh_ms);
    follow(
        &src,
        every,
        validator,
        Box::new(move |fresh| take_reading(state, fresh)),
    );
}

/// Calls `listener` with every new reading of the file at `src` (an absolute URL), read every
/// `every_ms` milliseconds from now on; `validator` is that of the reading the viewer has.
pub fn follow(src: &str, every_ms: u32, validator: Option<String>, listener: Listener) {
    FEEDS.with(|feeds| {
        let mut feeds = feeds.borrow_mut();
        if let Some(feed) = feeds.get(src) {
            feed.every_ms.set(feed.every_ms.get().min(every_ms));
            // A viewer that read the file before the feed's last reading catches up (a viewer
            // that has it already sees no change).
            if let Some(last) = feed.last.borrow().clone() {
                // Nothing to say: the page said it when the reading came.
                let _ = listener(last);
            }
            feed.listeners.borrow_mut().push(listener);
            return;
        }
        let feed = Rc::new(Feed {
            every_ms: Cell::new(every_ms),
            listeners: RefCell::new(vec![listener]),
            last: RefCell::new(None),
        });
        feeds.insert(src.to_string(), feed.clone());
        leptos::task::spawn_local(poll(src.to_string(), feed, validator));
    });
}

async fn poll(src: String, feed: Rc<Feed>, mut validator: Option<String>) {
    let mut wait = feed.every_ms.get();
    let mut told = HashSet::new();
    loop {
        sleep(wait).await;
        until_visible_and_online().await;
        match refetch_collection(&src, validator.as_deref()).await {
            Ok(None) => wait = feed.every_ms.get(),
            Ok(Some((validated, new_validator))) => {
                wait = feed.every_ms.get();
                validator = new_validator;
                for skipped in &validated.skipped {
                    let line = skipped.describe();
                    if told.insert(line.clone()) {
                        leptos::logging::warn!("news-viewer: {src}: {line}");
                    }
                }
                let collection = Arc::new(validated.collection);
                *feed.last.borrow_mut() = Some(collection.clone());
                let still = KeptStill::what_the_reader_looks_at();
                let said: Vec<Announcement> = feed
                    .listeners
                    .borrow()
                    .iter()
                    .filter_map(|listener| listener(collection.clone()))
                    .collect();
                if let Some(announcement) = in_the_readers_language(said) {
                    (announcement.say)();
                }
                if let Some(still) = still {
                    request_animation_frame(move || still.restore());
                }
            }
            Err(error) => {
                let kind = format!("{:?}", std::mem::discriminant(&error));
                if told.insert(kind) {
                    leptos::logging::warn!(
                        "news-viewer: {src}: could not read it again ({error}); the headlines shown stay, and it is tried again later"
                    );
                }
                wait = (wait.saturating_mul(2)).min(MAX_WAIT_MS);
            }
        }
    }
}

/// Of what viewers would say of one reading, the one in the reader's language (their saved
/// choice, else their browser's), else the first.
fn in_the_readers_language(mut said: Vec<Announcement>) -> Option<Announcement> {
    let browser: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    let saved = super::storage::load("lang");
    let reader = preferred_language(None, saved.as_deref(), &browser);
    let at = said
        .iter()
        .position(|a| Some(a.lang) == reader)
        .unwrap_or(0);
    (!said.is_empty()).then(|| said.swap_remove(at))
}

/// The element at the middle of the window, where the reader looks (inside embedded viewers'
/// shadow roots), and where it was: what a reading that changes the page above or around it
/// must not move. The browser's scroll anchoring keeps the element at the window's top still,
/// which is not enough when headlines join a list the reader is looking at below it.
struct KeptStill {
    element: web_sys::Element,
    top: f64,
}

impl KeptStill {
    fn what_the_reader_looks_at() -> Option<KeptStill> {
        let number = |v: Result<wasm_bindgen::JsValue, _>| v.ok()?.as_f64();
        let (x, y) = (
            number(window().inner_width())? / 2.0,
            number(window().inner_height())? / 2.0,
        );
        let mut element = document().element_from_point(x as f32, y as f32)?;
        while let Some(inner) = element
            .shadow_root()
            .and_then(|root| root.element_from_point(x as f32, y as f32))
            .filter(|inner| inner != &element)
        {
            element = inner;
        }
        // Down to the element at or just below that point: a list's row rather than the list,
        // whose own top stays where it is when rows join it.
        while let Some(child) = (0..element.child_element_count())
            .filter_map(|i| element.children().item(i))
            .find(|child| child.get_bounding_client_rect().bottom() > y)
        {
            element = child;
        }
        let top = element.get_bounding_client_rect().top();
        Some(KeptStill { element, top })
    }

    /// Scrolls the page by as much as the element moved, if it is still there.
    fn restore(self) {
        if !self.element.is_connected() {
            return;
        }
        let moved = self.element.get_bounding_client_rect().top() - self.top;
        if moved.abs() >= 1.0 {
            window().scroll_by_with_x_and_y(0.0, moved);
        }
    }
}

async fn sleep(ms: u32) {
    let _ = JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            &resolve,
            ms.min(i32::MAX as u32) as i32,
        );
    }))
    .await;
}

/// Returns at once while the tab is visible and the browser online, else when they both are.
async fn until_visible_and_online() {
    while document().hidden() || !window().navigator().on_line() {
        // Both listeners go once either has fired.
        let Ok(done) = web_sys::AbortController::new() else {
            return;
        };
        let _ = JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            options.set_signal(&done.signal());
            let on: &js_sys::Function = resolve.unchecked_ref();
            let _ = document().add_event_listener_with_callback_and_add_event_listener_options(
                "visibilitychange",
                on,
                &options,
            );
            let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
                "online", on, &options,
            );
        }))
        .await;
        done.abort();
    }
}
