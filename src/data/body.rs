//! An article's paragraphs. In the browser they stay in the JS heap, as the array that
//! `Response.json()` made, until the article is opened: a collection of 10,000 articles never
//! copies its bodies into WebAssembly memory. Natively (the checker, tests) they are a `Vec`.

/// The paragraphs of one translation, in order; empty for a headline-only entry.
#[derive(Clone, Debug, Default)]
pub struct Body(Inner);

#[cfg(not(target_arch = "wasm32"))]
type Inner = Vec<String>;

/// Wrapped so that the collection can live in a signal (the viewer runs on one thread).
#[cfg(target_arch = "wasm32")]
type Inner = Option<send_wrapper::SendWrapper<js_sys::Array>>;

#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::Deserialize<'de> for Body {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<String>::deserialize(d).map(Body)
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.0 == other.0
        }
        // Compared in the JS heap, where the paragraphs live, in one call per body.
        #[cfg(target_arch = "wasm32")]
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => crate::js::same_strings(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Body {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn paragraphs(&self) -> Vec<String> {
        self.0.clone()
    }
}

/// Kept as the JS array (serde-wasm-bindgen's `preserve`), after checking that it is an array of
/// strings, so that an invalid body still leaves its article out at load.
#[cfg(target_arch = "wasm32")]
impl<'de> serde::Deserialize<'de> for Body {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        use wasm_bindgen::JsCast;
        let value: wasm_bindgen::JsValue = serde_wasm_bindgen::preserve::deserialize(d)?;
        let array = value
            .dyn_into::<js_sys::Array>()
            .map_err(|_| D::Error::custom("must be an array of paragraphs"))?;
        if !crate::js::all_strings(&array) {
            return Err(D::Error::custom("must be an array of strings"));
        }
        Ok(Body(
            (array.length() > 0).then(|| send_wrapper::SendWrapper::new(array)),
        ))
    }
}

#[cfg(target_arch = "wasm32")]
impl Body {
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The paragraphs, copied out of the JS heap.
    pub fn paragraphs(&self) -> Vec<String> {
        self.0
            .iter()
            .flat_map(|array| array.iter())
            .filter_map(|p| p.as_string())
            .collect()
    }
}
