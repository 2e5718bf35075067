//! The viewer's ties to the page around it: mounting into host elements, the standalone page's
//! URL and title, events for the host page, the reader's saved preferences and reading the
//! collection file again. It mounts `ui`, and gives each viewer the page as a `Host`.

pub mod events;
pub mod mount;
pub mod page;
#[cfg(target_arch = "wasm32")]
pub mod refresh;
pub mod storage;

use crate::ui::state::Host;

/// The browser page as a viewer's host: events on the host element, localStorage, scrolling;
/// a standalone page's URL, history and title; the collection file read again.
pub fn browser() -> Host {
    Host {
        page: &events::BrowserPage,
        follow_page: page::follow_viewer,
        #[cfg(target_arch = "wasm32")]
        keep_reading: refresh::keep_reading,
        #[cfg(not(target_arch = "wasm32"))]
        keep_reading: |_, _, _| {},
    }
}
