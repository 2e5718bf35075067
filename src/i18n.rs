//! The interface languages and every string the interface shows, in each of them.

/// A language the interface speaks: an index into `LANGUAGES`, where all it knows of it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Fr,
    En,
    Ar,
    /// A pseudo-locale (`qps`) that only tests turn on, to prove that a language is one entry of
    /// `LANGUAGES` (see `pseudo.rs`).
    #[cfg(feature = "pseudo-locale")]
    Pseudo,
}

/// Everything the viewer knows of one interface language.
pub struct Language {
    /// The BCP 47 primary subtag, as used in the data, the URL and `lang=`.
    pub code: &'static str,
    /// The locale dates and numbers are written in (`Intl`, ICU4X).
    pub locale: &'static str,
    /// The locale Open Graph names it by (the prerender's; these three fields stay out of the
    /// bundle).
    #[cfg(not(target_arch = "wasm32"))]
    pub og_locale: &'static str,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// Its name in itself, as the language toggle shows it.
    pub native_name: &'static str,
    /// The names of the interface languages in it, for the prerender (the browser asks `Intl`).
    #[cfg(not(target_arch = "wasm32"))]
    pub language_names: &'static [(&'static str, &'static str)],
    /// What a page opened from disk says (see `public/disk-note.js`): only prerendered pages
    /// carry it.
    #[cfg(not(target_arch = "wasm32"))]
    pub opened_from_disk: &'static str,
    /// What only published pages say, outside the viewer (see `crate::prerender`).
    #[cfg(not(target_arch = "wasm32"))]
    pub pages: PageStrings,
    pub strings: Strings,
}

/// The words of published pages around the viewer, which a reader without JavaScript and a
/// crawler follow: the page in other languages, and the lists of every headline.
#[cfg(not(target_arch = "wasm32"))]
pub struct PageStrings {
    /// Before the links to this page in other languages.
    pub other_languages: &'static str,
    /// The link to the list of every headline, and that list's heading.
    pub all_headlines: &'static str,
    /// The list's page number: `{n}` of `{count}`.
    pub list_page: &'static str,
    pub newer: &'static str,
    pub older: &'static str,
}

/// The interface languages, in the order of `Lang` (and of the toggle). Moroccan Arabic keeps
/// Western digits and names the months as Morocco does.
pub const LANGUAGES: [Language; Lang::COUNT] = [
    Language {
        code: "fr",
        locale: "fr-FR",
        #[cfg(not(target_arch = "wasm32"))]
        og_locale: "fr_FR",
        dir: "ltr",
        native_name: "Français",
        #[cfg(not(target_arch = "wasm32"))]
        language_names: &[("fr", "français"), ("en", "anglais"), ("ar", "arabe")],
        #[cfg(not(target_arch = "wasm32"))]
        opened_from_disk: "Cette page est ouverte depuis le disque : pour lire la suite, servez ce dossier avec un serveur web (make serve, ou tout hébergement statique).",
        #[cfg(not(target_arch = "wasm32"))]
        pages: PageStrings {
            other_languages: "Dans d’autres langues :",
            all_headlines: "Toutes les dépêches",
            list_page: "page {n} sur {count}",
            newer: "Plus récentes",
            older: "Plus anciennes",
        },
        strings: FR,
    },
    Language {
        code: "en",
        locale: "en-GB",
        #[cfg(not(target_arch = "wasm32"))]
        og_locale: "en_GB",
        dir: "ltr",
        native_name: "English",
        #[cfg(not(target_arch = "wasm32"))]
        language_names: &[("fr", "French"), ("en", "English"), ("ar", "Arabic")],
        #[cfg(not(target_arch = "wasm32"))]
        opened_from_disk: "This page is opened from disk: to read further, serve this folder from a web server (make serve, or any static host).",
        #[cfg(not(target_arch = "wasm32"))]
        pages: PageStrings {
            other_languages: "In other languages:",
            all_headlines: "All headlines",
            list_page: "page {n} of {count}",
            newer: "Newer",
            older: "Older",
        },
        strings: EN,
    },
    Language {
        code: "ar",
        locale: "ar-MA",
        #[cfg(not(target_arch = "wasm32"))]
        og_locale: "ar_MA",
        dir: "rtl",
        native_name: "العربية",
        #[cfg(not(target_arch = "wasm32"))]
        language_names: &[("fr", "الفرنسية"), ("en", "الإنجليزية"), ("ar", "العربية")],
        #[cfg(not(target_arch = "wasm32"))]
        opened_from_disk: "هذه الصفحة مفتوحة من القرص: لمتابعة القراءة، قدّم هذا المجلد عبر خادم ويب (make serve أو أي استضافة ثابتة).",
        #[cfg(not(target_arch = "wasm32"))]
        pages: PageStrings {
            other_languages: "بلغات أخرى:",
            all_headlines: "كل العناوين",
            list_page: "الصفحة {n} من {count}",
            newer: "الأحدث",
            older: "الأقدم",
        },
        strings: AR,
    },
    #[cfg(feature = "pseudo-locale")]
    pseudo::PSEUDO,
];

#[cfg(feature = "pseudo-locale")]
mod pseudo;

impl Lang {
    /// How many interface languages there are: every per-language table is this long.
    pub const COUNT: usize = Lang::ALL.len();

    /// Every interface language, in the order the toggle shows them.
    #[cfg(not(feature = "pseudo-locale"))]
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ar];
    #[cfg(feature = "pseudo-locale")]
    pub const ALL: [Lang; 4] = [Lang::Fr, Lang::En, Lang::Ar, Lang::Pseudo];

    /// All the viewer knows of this language.
    pub fn language(self) -> &'static Language {
        &LANGUAGES[self as usize]
    }

    /// The BCP 47 primary subtag, as used in the data, the URL and `lang=`.
    pub fn code(self) -> &'static str {
        self.language().code
    }

    /// The language of a tag such as `fr`, `en-GB` or `AR`, if the interface speaks it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().as_bytes();
        let primary = tag.split(|&b| b == b'-' || b == b'_').next()?;
        Lang::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.code().as_bytes()))
    }

    /// `rtl` for Arabic, `ltr` otherwise.
    pub fn dir(self) -> &'static str {
        self.language().dir
    }

    pub fn strings(self) -> &'static Strings {
        &self.language().strings
    }
}

/// Writing direction of content in language `code` (any BCP 47 primary subtag).
pub fn direction_of(code: &str) -> &'static str {
    const RTL: [&str; 8] = ["ar", "he", "fa", "ur", "ps", "sd", "ckb", "yi"];
    if RTL.contains(&code) {
        "rtl"
    } else {
        "ltr"
    }
}

/// Declares `Strings` with one field per message, so a language that lacks one does not compile,
/// and `entries()` so tests can check none is empty.
macro_rules! ui_strings {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// Every message of the interface in one language. Placeholders are `{name}`.
        pub struct Strings {
            $($(#[$doc])* pub $name: &'static str,)*
        }
        impl Strings {
            /// (field name, message) for every message.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),*]
            }
        }
    };
}

ui_strings! {
    /// Name of the viewer's landmark, and of the page.
    viewer_name,
    /// Name of the headline ticker's region.
    headlines,
    pause_ticker,
    /// Name of the group of language buttons.
    language,
    loading,
    /// `{source}` and `{date}` are filled in.
    published_in_on,
    published_in,
    published_on,
    /// `{minutes}` is filled in.
    reading_time,
    read_at_source,
    full_text_unavailable,
    /// Heading of the list of the other headlines under the article.
    more_headlines,
    /// Shows more of the other headlines.
    show_more,
    /// Name of the previous/next navigation.
    article_navigation,
    previous_article,
    next_article,
    article_not_found,
    article_not_found_detail,
    back_to_latest,
    /// The first control: a keyboard reader's way past the bar and the ticker to the article.
    skip_to_article,
    no_articles,
    /// `{url}` is filled in.
    load_failed,
    /// `{reason}` is filled in.
    load_failed_reason,
    retry,
    /// `{status}` is the HTTP status code.
    reason_http,
    reason_network,
    /// `{seconds}` is filled in.
    reason_timeout,
    reason_not_json,
    reason_format,
    /// `{version}` is the file's format version.
    reason_version,
    /// An article's full file holds another article, or an invalid one.
    reason_not_this_article,
    /// The open article's text is being fetched.
    text_loading,
    /// The open article's text could not be fetched. `{reason}` is filled in.
    text_failed,
    /// The older headlines could not be fetched. `{reason}` is filled in.
    older_failed,
    report_image,
    image_reported,
    /// Said politely once the reader reports an image.
    report_thanks,
    /// Takes a report back, for a few seconds after it.
    undo,
    /// Said once the reader takes a report back.
    report_withdrawn,
    show_image,
    share,
    link_copied,
    /// Label of the field holding the link when the clipboard refuses it.
    copy_link,
    /// Said (politely) when a newer reading of the file brings headlines. `{count}` is filled in.
    new_headlines,
    /// The open article was changed in a newer reading of the file.
    article_updated,
    /// Shows the open article's updated version.
    show_update,
    /// The open article is no longer in the file.
    article_withdrawn,
    /// Name of the group of reading settings (text size, theme).
    reading_settings,
    text_smaller,
    text_larger,
    theme_light,
    theme_dark,
    theme_sepia,
    /// The open article is not in the chosen language. `{language}` is the one shown instead.
    translation_missing,
}

pub const FR: Strings = Strings {
    viewer_name: "Actualités",
    headlines: "À la une",
    pause_ticker: "Mettre en pause le défilement des titres",
    language: "Langue",
    loading: "Chargement des articles…",
    published_in_on: "Publié dans {source} le {date}",
    published_in: "Publié dans {source}",
    published_on: "Publié le {date}",
    reading_time: "{minutes} min de lecture",
    read_at_source: "Lire l'article sur sa source",
    full_text_unavailable: "Le texte intégral de cet article n'est pas disponible.",
    more_headlines: "Autres titres",
    article_navigation: "Navigation entre les articles",
    show_more: "Afficher plus de titres",
    previous_article: "Article précédent",
    next_article: "Article suivant",
    article_not_found: "Article introuvable",
    article_not_found_detail: "Cet article n'existe pas ou n'est plus disponible.",
    back_to_latest: "Revenir à l'actualité",
    skip_to_article: "Aller à l'article",
    no_articles: "Aucun article pour le moment.",
    load_failed: "Impossible de charger les articles depuis {url}.",
    load_failed_reason: "Raison : {reason}",
    retry: "Réessayer",
    reason_http: "le serveur a répondu par l'erreur HTTP {status}.",
    reason_network: "le réseau est injoignable.",
    reason_timeout: "aucune réponse en {seconds} secondes.",
    reason_not_json: "le fichier n'est pas du JSON valide (il est peut-être tronqué).",
    reason_format: "le fichier n'a pas la forme d'une collection d'articles.",
    reason_version: "le fichier déclare la version de format {version}, et ce lecteur lit la version 1.",
    reason_not_this_article: "le fichier ne contient pas cet article sous une forme lisible.",
    text_loading: "Chargement du texte de l'article…",
    text_failed: "Le texte de cet article n'a pas pu être chargé : {reason}",
    older_failed: "Les titres plus anciens n'ont pas pu être chargés : {reason}",
    report_image: "Signaler cette image",
    image_reported: "Image signalée",
    report_thanks: "Merci d'avoir signalé cette image ! Elle sera automatiquement bloquée une fois signalée par plusieurs personnes.",
    undo: "Annuler",
    report_withdrawn: "Signalement annulé.",
    show_image: "Afficher quand même",
    share: "Partager",
    link_copied: "Lien copié dans le presse-papiers.",
    copy_link: "Copiez ce lien :",
    new_headlines: "Nouveaux titres : {count}",
    article_updated: "Cet article a été mis à jour depuis que vous l'avez ouvert.",
    show_update: "Afficher la nouvelle version",
    article_withdrawn: "Cet article a été retiré par la rédaction ; vous pouvez finir de le lire ici.",
    reading_settings: "Confort de lecture",
    text_smaller: "Réduire le texte",
    text_larger: "Agrandir le texte",
    theme_light: "Clair",
    theme_dark: "Sombre",
    theme_sepia: "Sépia",
    translation_missing: "Cet article n'existe pas en français — affiché en {language}.",
};

pub const EN: Strings = Strings {
    viewer_name: "News",
    headlines: "Headlines",
    pause_ticker: "Pause the headline ticker",
    language: "Language",
    loading: "Loading articles…",
    published_in_on: "Published in {source} on {date}",
    published_in: "Published in {source}",
    published_on: "Published on {date}",
    reading_time: "{minutes} min read",
    read_at_source: "Read the article at its source",
    full_text_unavailable: "The full text of this article is not available.",
    more_headlines: "More headlines",
    article_navigation: "Article navigation",
    show_more: "Show more headlines",
    previous_article: "Previous article",
    next_article: "Next article",
    article_not_found: "Article not found",
    article_not_found_detail: "This article does not exist or is no longer available.",
    back_to_latest: "Back to the news",
    skip_to_article: "Skip to the article",
    no_articles: "No articles yet.",
    load_failed: "The articles could not be loaded from {url}.",
    load_failed_reason: "Reason: {reason}",
    retry: "Try again",
    reason_http: "the server answered with HTTP error {status}.",
    reason_network: "the network could not be reached.",
    reason_timeout: "no answer within {seconds} seconds.",
    reason_not_json: "the file is not valid JSON (it may be truncated).",
    reason_format: "the file is not shaped like an article collection.",
    reason_version: "the file declares format version {version}, and this viewer reads version 1.",
    reason_not_this_article: "the file does not hold this article in a readable form.",
    text_loading: "Loading the article's text…",
    text_failed: "The text of this article could not be loaded: {reason}",
    older_failed: "The older headlines could not be loaded: {reason}",
    report_image: "Report this image",
    image_reported: "Image reported",
    report_thanks: "Thank you for reporting! This image will be blocked automatically once several people have reported it.",
    undo: "Undo",
    report_withdrawn: "Report withdrawn.",
    show_image: "Show anyway",
    share: "Share",
    link_copied: "Link copied to the clipboard.",
    copy_link: "Copy this link:",
    new_headlines: "New headlines: {count}",
    article_updated: "This article was updated since you opened it.",
    show_update: "Show the new version",
    article_withdrawn: "This article was withdrawn by the newsroom; you can finish reading it here.",
    reading_settings: "Reading comfort",
    text_smaller: "Smaller text",
    text_larger: "Larger text",
    theme_light: "Light",
    theme_dark: "Dark",
    theme_sepia: "Sepia",
    translation_missing: "This article is not available in English — shown in {language}.",
};

pub const AR: Strings = Strings {
    viewer_name: "الأخبار",
    headlines: "عناوين الأخبار",
    pause_ticker: "إيقاف شريط العناوين مؤقتا",
    language: "اللغة",
    loading: "جارٍ تحميل المقالات…",
    published_in_on: "نشر في {source} يوم {date}",
    published_in: "نشر في {source}",
    published_on: "نشر يوم {date}",
    reading_time: "مدة القراءة {minutes} د",
    read_at_source: "اقرأ المقال في مصدره",
    full_text_unavailable: "النص الكامل لهذا المقال غير متوفر.",
    more_headlines: "عناوين أخرى",
    article_navigation: "التنقل بين المقالات",
    show_more: "عرض المزيد من العناوين",
    previous_article: "المقال السابق",
    next_article: "المقال التالي",
    article_not_found: "المقال غير موجود",
    article_not_found_detail: "هذا المقال غير موجود أو لم يعد متاحا.",
    back_to_latest: "العودة إلى الأخبار",
    skip_to_article: "انتقل إلى المقال",
    no_articles: "لا توجد مقالات بعد.",
    load_failed: "تعذر تحميل المقالات من {url}.",
    load_failed_reason: "السبب: {reason}",
    retry: "إعادة المحاولة",
    reason_http: "أجاب الخادم بالخطأ HTTP {status}.",
    reason_network: "تعذر الوصول إلى الشبكة.",
    reason_timeout: "لا رد خلال {seconds} ثانية.",
    reason_not_json: "الملف ليس بصيغة JSON صالحة (ربما هو مبتور).",
    reason_format: "الملف ليس على شكل مجموعة مقالات.",
    reason_version: "يعلن الملف إصدار الصيغة {version}، وهذا العارض يقرأ الإصدار 1.",
    reason_not_this_article: "الملف لا يحتوي على هذا المقال بصيغة قابلة للقراءة.",
    text_loading: "جارٍ تحميل نص المقال…",
    text_failed: "تعذر تحميل نص هذا المقال: {reason}",
    older_failed: "تعذر تحميل العناوين الأقدم: {reason}",
    report_image: "الإبلاغ عن هذه الصورة",
    image_reported: "تم الإبلاغ عن الصورة",
    report_thanks: "شكرا على الإبلاغ! سيتم حجب هذه الصورة تلقائيا بعد أن يبلغ عنها عدة أشخاص.",
    undo: "تراجع",
    report_withdrawn: "تم إلغاء الإبلاغ.",
    show_image: "اعرضها على أي حال",
    share: "مشاركة",
    link_copied: "تم نسخ الرابط إلى الحافظة.",
    copy_link: "انسخ هذا الرابط:",
    new_headlines: "عناوين جديدة: {count}",
    article_updated: "حُدِّث هذا المقال منذ أن فتحته.",
    show_update: "اعرض النسخة الجديدة",
    article_withdrawn: "سحبت هيئة التحرير هذا المقال؛ يمكنك إكمال قراءته هنا.",
    reading_settings: "راحة القراءة",
    text_smaller: "تصغير النص",
    text_larger: "تكبير النص",
    theme_light: "فاتح",
    theme_dark: "داكن",
    theme_sepia: "سيبيا",
    translation_missing: "هذا المقال غير متوفر بالعربية — معروض باللغة {language}.",
};

/// Replaces each `{key}` in `template` by its value, in one pass, so text coming from a value is
/// never read as a placeholder. A `{…}` that names no key is left as it is.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let (_, value) = values.iter().find(|(key, _)| *key == &after[..close])?;
            Some((close, value))
        });
        match known {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_message_exists_and_is_not_empty_in_every_language() {
        for lang in Lang::ALL {
            for (name, text) in lang.strings().entries() {
                assert!(!text.trim().is_empty(), "{name} is empty in {lang:?}");
            }
        }
    }

    #[test]
    fn every_language_uses_the_same_placeholders() {
        let french = FR.entries();
        for lang in Lang::ALL {
            for ((name, fr), (_, other)) in french.iter().zip(lang.strings().entries()) {
                assert_eq!(placeholders(fr), placeholders(other), "{name} in {lang:?}");
            }
        }
    }

    #[test]
    fn no_message_of_one_language_is_left_in_another() {
        for (i, one) in Lang::ALL.into_iter().enumerate() {
            for other in Lang::ALL.into_iter().skip(i + 1) {
                for ((name, a), (_, b)) in one
                    .strings()
                    .entries()
                    .iter()
                    .zip(other.strings().entries())
                {
                    assert_ne!(a, &b, "{name} is the same in {one:?} and {other:?}");
                }
            }
        }
    }

    #[test]
    fn right_to_left_languages_are_written_in_their_script() {
        for lang in Lang::ALL.into_iter().filter(|l| l.dir() == "rtl") {
            for (name, text) in lang.strings().entries() {
                assert!(
                    text.chars().any(|c| ('\u{0590}'..='\u{08FF}').contains(&c)),
                    "{name} in {lang:?} has no right-to-left letter: {text}"
                );
            }
        }
    }

    #[test]
    fn the_table_follows_lang_and_every_entry_is_whole() {
        assert_eq!(LANGUAGES.len(), Lang::ALL.len());
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            let entry = lang.language();
            assert_eq!(lang as usize, i, "{lang:?} is entry {i}");
            assert_eq!(entry.dir, direction_of(entry.code), "{lang:?}");
            // The prerender's fields (natively only).
            #[cfg(not(target_arch = "wasm32"))]
            {
                assert_eq!(entry.og_locale.replace('_', "-"), entry.locale, "{lang:?}");
                assert!(!entry.native_name.is_empty());
                assert!(!entry.opened_from_disk.trim().is_empty());
                for named in ["fr", "en", "ar"] {
                    assert!(
                        entry.language_names.iter().any(|(code, _)| *code == named),
                        "{lang:?} names {named}"
                    );
                }
            }
        }
    }

    #[test]
    fn tags_map_to_interface_languages() {
        for lang in Lang::ALL {
            let code = lang.code();
            assert_eq!(Lang::from_tag(code), Some(lang));
            assert_eq!(Lang::from_tag(&code.to_uppercase()), Some(lang));
            assert_eq!(Lang::from_tag(&format!("{code}-MA")), Some(lang));
            assert_eq!(Lang::from_tag(&format!(" {code}_ma")), Some(lang));
        }
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn content_languages_read_in_their_direction() {
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Fr.dir(), "ltr");
        assert_eq!(direction_of("he"), "rtl");
        assert_eq!(direction_of("es"), "ltr");
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        let text = fill(
            FR.published_in_on,
            &[("source", "Hespress"), ("date", "14 mars 2022")],
        );
        assert_eq!(text, "Publié dans Hespress le 14 mars 2022");
    }

    #[test]
    fn fill_reads_values_as_text_and_keeps_unknown_placeholders() {
        assert_eq!(
            fill(
                "{source} {date} {x}",
                &[("source", "{date}"), ("date", "1 mai")]
            ),
            "{date} 1 mai {x}"
        );
        assert_eq!(fill("{a}{", &[("a", "b")]), "b{");
    }
}
