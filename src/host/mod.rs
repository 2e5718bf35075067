//! The viewer's ties to the page around it: mounting into host elements, the standalone page's
//! URL and title, events for the host page, and the reader's saved preferences.

pub mod events;
pub mod mount;
pub mod page;
#[cfg(target_arch = "wasm32")]
pub mod refresh;
pub mod storage;
