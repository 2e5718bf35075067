//! Dates and numbers in the reader's language, through the browser's `Intl`, with one formatter
//! per language and kind made once and reused (making one costs milliseconds of locale data;
//! using one costs microseconds). The prerender (native, `ssr`) writes dates with ICU4X from the
//! same CLDR data, so the first view reads as the app will; other native uses (the checker,
//! tests) give a date as written. Numbers natively are plain digits, as these locales write the
//! small numbers the first view shows.

use crate::data::rules::Published;
use crate::i18n::Lang;
#[cfg(target_arch = "wasm32")]
use std::cell::Cell;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Whether a prerendered first view is being hydrated (see `keeping_prerendered`).
    static HYDRATING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `hydrate` with every date, number and language name left unwritten (empty): hydration
/// keeps the prerendered text, which has them already, and the page's first `Intl` formatter
/// would load tens of milliseconds of locale data before the app runs. Views built afterwards
/// (another article, another language) write them, and the page warms `Intl` up once the
/// collection is read (see `js::warm_up_intl`).
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
pub fn keeping_prerendered<T>(hydrate: impl FnOnce() -> T) -> T {
    HYDRATING.set(true);
    // Also over once this task is: a hydration that fails stops the WebAssembly mid-call (a
    // panic aborts), and the other viewers of the page go on writing their dates.
    wasm_bindgen_futures::spawn_local(async { HYDRATING.set(false) });
    let hydrated = hydrate();
    HYDRATING.set(false);
    hydrated
}

/// `write()`, or nothing while a first view hydrates (see `keeping_prerendered`).
#[cfg(target_arch = "wasm32")]
fn written(write: impl FnOnce() -> String) -> String {
    match HYDRATING.get() {
        true => String::new(),
        false => write(),
    }
}

/// The locale dates and numbers are written in (see `i18n::LANGUAGES`).
#[cfg_attr(
    all(not(target_arch = "wasm32"), not(feature = "ssr")),
    allow(dead_code)
)]
fn locale(lang: Lang) -> &'static str {
    lang.language().locale
}

/// "14 mars 2022", "14 March 2022", "14 مارس 2022". A date-time is shown on the reader's own
/// calendar day; a calendar date is the same day everywhere.
pub fn format_published(published: &Published, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        written(|| intl::format_date(published, lang))
    }
    #[cfg(all(not(target_arch = "wasm32"), feature = "ssr"))]
    {
        icu::format_date(published, lang)
    }
    #[cfg(all(not(target_arch = "wasm32"), not(feature = "ssr")))]
    {
        let _ = lang;
        published.text[..10].to_string()
    }
}

/// A whole number as `lang` writes it: "1 234", "1,234", "1.234".
pub fn format_number(n: usize, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        written(|| intl::format_number(n, lang))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        n.to_string()
    }
}

/// The name of language `code` (any BCP 47 tag) in interface language `lang`, for notices such as
/// "affiché en espagnol": the browser's `Intl.DisplayNames`. Natively the three interface
/// languages are named from their table (`Language::language_names`) and any other keeps its code.
pub fn language_name(code: &str, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        written(|| intl::language_name(code, lang))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let names = lang.language().language_names;
        let named = names
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(code, |(_, name)| name);
        named.to_string()
    }
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use super::locale;
    use crate::data::rules::Published;
    use crate::i18n::Lang;
    use js_sys::{Array, Date, Function, Intl, Object};
    use std::cell::RefCell;
    use wasm_bindgen::{JsCast, JsValue};

    /// The `format` functions made so far, by language: dates in UTC, dates in the reader's
    /// time zone, numbers.
    #[derive(Default)]
    struct Formatters([[Option<Function>; 3]; Lang::COUNT]);

    thread_local! {
        static CACHE: RefCell<Formatters> = RefCell::default();
    }

    const UTC_DATE: usize = 0;
    const LOCAL_DATE: usize = 1;
    const NUMBER: usize = 2;

    fn formatter(lang: Lang, kind: usize) -> Function {
        CACHE.with(|cache| {
            cache.borrow_mut().0[lang as usize][kind]
                .get_or_insert_with(|| {
                    let locales = Array::of1(&locale(lang).into());
                    match kind {
                        NUMBER => Intl::NumberFormat::new(&locales, &Object::new()).format(),
                        _ => {
                            let options = Intl::DateTimeFormatOptions::new();
                            options.set_day(Intl::DayFormat::Numeric);
                            options.set_month(Intl::MonthFormat::Long);
                            options.set_year(Intl::YearFormat::Numeric);
                            if kind == UTC_DATE {
                                options.set_time_zone("UTC");
                            }
                            Intl::DateTimeFormat::new(&locales, &options).format()
                        }
                    }
                })
                .clone()
        })
    }

    fn call(format: Function, value: &JsValue) -> String {
        format
            .call1(&JsValue::NULL, value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    pub fn format_date(published: &Published, lang: Lang) -> String {
        // `Date` reads a calendar date as midnight UTC, and RFC 3339 with upper-case `T` and `Z`.
        let date = Date::new(&published.text.to_ascii_uppercase().into());
        let kind = if published.has_time {
            LOCAL_DATE
        } else {
            UTC_DATE
        };
        match date.get_time().is_nan() {
            true => published.text[..10].to_string(),
            false => call(formatter(lang, kind), &date),
        }
    }

    pub fn format_number(n: usize, lang: Lang) -> String {
        call(formatter(lang, NUMBER), &(n as f64).into())
    }

    thread_local! {
        static NAMES: RefCell<[Option<Intl::DisplayNames>; Lang::COUNT]> = RefCell::default();
    }

    pub fn language_name(code: &str, lang: Lang) -> String {
        NAMES.with(|names| {
            let mut names = names.borrow_mut();
            let names = names[lang as usize].get_or_insert_with(|| {
                let options = Intl::DisplayNamesOptions::new();
                options.set_type(Intl::DisplayNamesType::Language);
                Intl::DisplayNames::new(&Array::of1(&locale(lang).into()), options.unchecked_ref())
            });
            // `of` throws on a code that is not a well-formed tag: the code itself then.
            let of = js_sys::Reflect::get(names, &"of".into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok());
            of.and_then(|f| f.call1(names, &code.into()).ok())
                .and_then(|name| name.as_string())
                .unwrap_or_else(|| code.to_string())
        })
    }
}

#[cfg(all(not(target_arch = "wasm32"), feature = "ssr"))]
mod icu {
    use super::locale;
    use crate::data::rules::Published;
    use crate::i18n::Lang;
    use icu_datetime::fieldsets::YMD;
    use icu_datetime::input::Date;
    use icu_datetime::FixedCalendarDateTimeFormatter;

    /// The calendar date as written (a date-time's own offset), in `lang`'s long form.
    pub fn format_date(published: &Published, lang: Lang) -> String {
        let written = || published.text[..10].to_string();
        let Ok(locale) = icu_locale::Locale::try_from_str(locale(lang)) else {
            return written();
        };
        let Ok(formatter) = FixedCalendarDateTimeFormatter::<icu_calendar::Gregorian, YMD>::try_new(
            (&locale).into(),
            YMD::long(),
        ) else {
            return written();
        };
        let month = published.month as u8;
        let day = published.day as u8;
        match Date::try_new_gregorian(published.year, month, day) {
            Ok(date) => formatter.format(&date).to_string(),
            Err(_) => written(),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::data::rules::parse_published;

        #[test]
        fn prerendered_dates_read_as_intl_writes_them() {
            let date = parse_published("2022-03-14").unwrap();
            assert_eq!(format_date(&date, Lang::Fr), "14 mars 2022");
            assert_eq!(format_date(&date, Lang::En), "14 March 2022");
            assert_eq!(format_date(&date, Lang::Ar), "14 مارس 2022");
            let may = parse_published("2022-05-14T09:00:00Z").unwrap();
            assert_eq!(format_date(&may, Lang::Ar), "14 ماي 2022");
        }
    }
}
