//! Dates and numbers in the reader's language, through the browser's `Intl` (no locale data in
//! the bundle).

use crate::i18n::Lang;
use crate::model::Published;
use js_sys::{Date, Number, Object, Reflect};
use wasm_bindgen::JsValue;

/// "14 mars 2022", "14 March 2022", "14 مارس 2022".
pub fn format_published(published: &Published, lang: Lang) -> String {
    let options = Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = Reflect::set(&options, &key.into(), &value.into());
    }
    let date = if published.has_time {
        Date::new(&JsValue::from_str(&published.text))
    } else {
        // A calendar date names the same day everywhere: format it in UTC so no time zone shifts it.
        let _ = Reflect::set(&options, &"timeZone".into(), &"UTC".into());
        let ms = Date::utc(published.year as f64, (published.month - 1) as f64)
            + (published.day as f64 - 1.0) * 86_400_000.0;
        Date::new(&JsValue::from_f64(ms))
    };
    String::from(date.to_locale_date_string(lang.locale(), &options))
}

/// A whole number written the way `lang` writes it.
pub fn format_number(n: usize, lang: Lang) -> String {
    String::from(Number::from(n as f64).to_locale_string(lang.locale()))
}
