//! The viewer's components, one concern a file: the state they share is in `state.rs` and its parts
//! (`prefs`, `feed`, `navigation`, `archive`), what they need from the page in `page.rs`.

pub mod archive;
pub mod article_view;
pub mod feed;
pub mod figure;
pub mod focus;
pub mod headline;
pub mod language_toggle;
pub mod navigation;
pub mod page;
pub mod prefs;
pub mod reader_tools;
pub mod reading;
pub mod state;
pub mod ticker;
pub mod viewer;

pub use article_view::ArticleView;
pub use focus::MainHeading;
pub use headline::{Headline, HeadlineLink};
pub use language_toggle::LanguageToggle;
pub use reader_tools::ReaderTools;
pub use ticker::Ticker;
pub use viewer::{Viewer, ViewerRoot};
