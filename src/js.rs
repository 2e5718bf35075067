//! The two things the viewer asks of JavaScript itself, in one snippet module (each snippet is a
//! file the browser fetches before the WebAssembly starts).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(inline_js = "
export function bundle_base() { return new URL('../../', import.meta.url).href; }
export function same_strings(a, b) { return a.length === b.length && a.every((s, i) => s === b[i]); }
export function keep_the_readers_edition() {
  const picked = document.documentElement.getAttribute('data-edition');
  for (const edition of document.querySelectorAll('body [data-edition]')) {
    if (picked ? edition.getAttribute('data-edition') === picked : !edition.hidden) edition.hidden = false;
    else edition.remove();
  }
}
")]
extern "C" {
    /// The folder the viewer's files were loaded from: wasm-bindgen places this snippet two
    /// folders below it (`snippets/<crate>-<hash>/inline0.js`).
    pub fn bundle_base() -> String;

    /// Whether two arrays of strings are equal, compared where they live (one call, where
    /// comparing from Rust would cross into JavaScript three times a paragraph).
    pub fn same_strings(a: &js_sys::Array, b: &js_sys::Array) -> bool;

    /// The site's root holds every edition's first view: the one the script in its head picked
    /// (`<html data-edition>`; without it, the one not hidden) stays, the others go (see
    /// `crate::prerender`). Here rather than in Rust, where the same loop weighs five times more.
    pub fn keep_the_readers_edition();
}
