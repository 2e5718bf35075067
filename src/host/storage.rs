//! The reader's saved preferences in localStorage. Storage may be missing, refuse access (privacy
//! modes), be full or hold anything: every failure reads as "nothing saved" and writes are
//! best effort.

const PREFIX: &str = "news-viewer:";

fn storage() -> Option<web_sys::Storage> {
    // Natively (the prerender) there is no browser, and nothing saved.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?
        .get_item(&format!("{PREFIX}{key}"))
        .ok()
        .flatten()
}

pub fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&format!("{PREFIX}{key}"), value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{PREFIX}{key}"));
    }
}
