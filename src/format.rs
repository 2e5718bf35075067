//! Dates and numbers in the reader's language. The month names are ours (CLDR's, as `Intl` gives
//! them for fr-FR, en-GB and ar-MA): `Intl` would cost about 14 ms of locale data loading on the
//! first article and again at each language switch.

use crate::i18n::Lang;
use crate::model::Published;

/// In `Lang` order: fr, en, ar.
const MONTHS: [[&str; 12]; 3] = [
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "ماي",
        "يونيو",
        "يوليوز",
        "غشت",
        "شتنبر",
        "أكتوبر",
        "نونبر",
        "دجنبر",
    ],
];

/// "14 mars 2022", "14 March 2022", "14 مارس 2022". A date-time is shown on the reader's own
/// calendar day; a calendar date is the same day everywhere.
pub fn format_published(published: &Published, lang: Lang) -> String {
    let (year, month, day) = match published.has_time {
        true => local_date(&published.text),
        false => None,
    }
    .unwrap_or((published.year, published.month, published.day));
    let month = MONTHS[lang as usize][(month as usize).clamp(1, 12) - 1];
    format!("{day} {month} {year}")
}

/// The calendar date, in the browser's time zone, of an RFC 3339 date-time.
fn local_date(text: &str) -> Option<(i32, u32, u32)> {
    #[cfg(target_arch = "wasm32")]
    {
        // `Date` reads RFC 3339 with an upper-case `T` and `Z` only.
        let date = js_sys::Date::new(&text.to_ascii_uppercase().into());
        let day = date.get_date();
        (day > 0).then(|| (date.get_full_year() as i32, date.get_month() + 1, day))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        None
    }
}

/// A whole number written the way `lang` writes it: "1 234" (narrow no-break space), "1,234",
/// "1.234" (Moroccan Arabic keeps Western digits).
pub fn format_number(n: usize, lang: Lang) -> String {
    let separator = match lang {
        Lang::Fr => '\u{202F}',
        Lang::En => ',',
        Lang::Ar => '.',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Published {
        Published {
            text: format!("{year:04}-{month:02}-{day:02}"),
            year,
            month,
            day,
            has_time: false,
        }
    }

    #[test]
    fn dates_read_as_in_each_language() {
        let d = date(2022, 3, 14);
        assert_eq!(format_published(&d, Lang::Fr), "14 mars 2022");
        assert_eq!(format_published(&d, Lang::En), "14 March 2022");
        assert_eq!(format_published(&d, Lang::Ar), "14 مارس 2022");
        assert_eq!(
            format_published(&date(2021, 12, 1), Lang::Fr),
            "1 décembre 2021"
        );
        assert_eq!(
            format_published(&date(2021, 8, 31), Lang::Ar),
            "31 غشت 2021"
        );
    }

    #[test]
    fn numbers_group_thousands() {
        assert_eq!(format_number(7, Lang::Fr), "7");
        assert_eq!(format_number(999, Lang::En), "999");
        assert_eq!(format_number(1234, Lang::Fr), "1\u{202F}234");
        assert_eq!(format_number(1234567, Lang::En), "1,234,567");
        assert_eq!(format_number(12345, Lang::Ar), "12.345");
    }
}
