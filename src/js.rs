//! The two things the viewer asks of JavaScript itself, in one snippet module (each snippet is a
//! file the browser fetches before the WebAssembly starts).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(inline_js = "
export function bundle_base() { return new URL('../../', import.meta.url).href; }
export function same_strings(a, b) { return a.length === b.length && a.every((s, i) => s === b[i]); }
")]
extern "C" {
    /// The folder the viewer's files were loaded from: wasm-bindgen places this snippet two
    /// folders below it (`snippets/<crate>-<hash>/inline0.js`).
    pub fn bundle_base() -> String;

    /// Whether two arrays of strings are equal, compared where they live (one call, where
    /// comparing from Rust would cross into JavaScript three times a paragraph).
    pub fn same_strings(a: &js_sys::Array, b: &js_sys::Array) -> bool;
}
