//! An in-browser news article viewer: a headline ticker, an article view and a French, English
//! and Arabic interface, built with Leptos and compiled to WebAssembly.

pub mod error;
pub mod i18n;
pub mod model;
pub mod validate;
