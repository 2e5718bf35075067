//! An article's paragraphs.

/// The paragraphs of one translation, in order; empty for a headline-only entry.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
pub struct Body(Vec<String>);

impl Body {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn paragraphs(&self) -> Vec<String> {
        self.0.clone()
    }
}
