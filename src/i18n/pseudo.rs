//! A pseudo-locale for tests (cargo feature `pseudo-locale`): English with accented letters,
//! between ⟦ ⟧, so that a test can tell every string it reads came from this entry, and show that
//! a fourth interface language is one entry of `LANGUAGES`. Written from `EN`; a message missing
//! here does not compile.

#[cfg(not(target_arch = "wasm32"))]
use super::PageStrings;
use super::{Language, Strings};

pub const PSEUDO: Language = Language {
    code: "qps",
    locale: "en-XA",
    #[cfg(not(target_arch = "wasm32"))]
    og_locale: "en_XA",
    dir: "ltr",
    native_name: "⟦Pséûdö⟧",
    #[cfg(not(target_arch = "wasm32"))]
    language_names: &[("fr", "⟦Fréñçh⟧"), ("en", "⟦Éñglîsh⟧"), ("ar", "⟦Àràbîç⟧"), ("qps", "⟦Pséûdö⟧")],
    #[cfg(not(target_arch = "wasm32"))]
    opened_from_disk: "⟦Thîs pàgé îs öpéñéd fröm dîsk⟧",
    #[cfg(not(target_arch = "wasm32"))]
    pages: PageStrings {
        other_languages: "⟦Îñ öthér làñgûàgés:⟧",
        all_headlines: "⟦Àll héàdlîñés⟧",
        list_page: "⟦pàgé {n} öf {count}⟧",
        newer: "⟦Ñéwér⟧",
        older: "⟦Öldér⟧",
    },
    strings: Strings {
        viewer_name: "⟦Ñéws⟧",
        headlines: "⟦Héàdlîñés⟧",
        pause_ticker: "⟦Pàûsé thé héàdlîñé tîçkér⟧",
        language: "⟦Làñgûàgé⟧",
        loading: "⟦Löàdîñg àrtîçlés…⟧",
        published_in_on: "⟦Pûblîshéd îñ {source} öñ {date}⟧",
        published_in: "⟦Pûblîshéd îñ {source}⟧",
        published_on: "⟦Pûblîshéd öñ {date}⟧",
        reading_time: "⟦{minutes} mîñ réàd⟧",
        read_at_source: "⟦Réàd thé àrtîçlé àt îts söûrçé⟧",
        full_text_unavailable: "⟦Thé fûll téxt öf thîs àrtîçlé îs ñöt àvàîlàblé.⟧",
        more_headlines: "⟦Möré héàdlîñés⟧",
        article_navigation: "⟦Àrtîçlé ñàvîgàtîöñ⟧",
        show_more: "⟦Shöw möré héàdlîñés⟧",
        previous_article: "⟦Prévîöûs àrtîçlé⟧",
        next_article: "⟦Ñéxt àrtîçlé⟧",
        article_not_found: "⟦Àrtîçlé ñöt föûñd⟧",
        article_not_found_detail: "⟦Thîs àrtîçlé döés ñöt éxîst ör îs ñö löñgér àvàîlàblé.⟧",
        back_to_latest: "⟦Bàçk tö thé ñéws⟧",
        no_articles: "⟦Ñö àrtîçlés ýét.⟧",
        load_failed: "⟦Thé àrtîçlés çöûld ñöt bé löàdéd fröm {url}.⟧",
        load_failed_reason: "⟦Réàsöñ: {reason}⟧",
        retry: "⟦Trý àgàîñ⟧",
        reason_http: "⟦thé sérvér àñswéréd wîth HTTP érrör {status}.⟧",
        reason_network: "⟦thé ñétwörk çöûld ñöt bé réàçhéd.⟧",
        reason_timeout: "⟦ñö àñswér wîthîñ {seconds} séçöñds.⟧",
        reason_not_json: "⟦thé fîlé îs ñöt vàlîd JSÖÑ (ît màý bé trûñçàtéd).⟧",
        reason_format: "⟦thé fîlé îs ñöt shàpéd lîké àñ àrtîçlé çölléçtîöñ.⟧",
        reason_version: "⟦thé fîlé déçlàrés förmàt vérsîöñ {version}, àñd thîs vîéwér réàds vérsîöñ 1.⟧",
        reason_not_this_article: "⟦thé fîlé döés ñöt höld thîs àrtîçlé îñ à réàdàblé förm.⟧",
        text_loading: "⟦Löàdîñg thé àrtîçlé's téxt…⟧",
        text_failed: "⟦Thé téxt öf thîs àrtîçlé çöûld ñöt bé löàdéd: {reason}⟧",
        older_failed: "⟦Thé öldér héàdlîñés çöûld ñöt bé löàdéd: {reason}⟧",
        report_image: "⟦Répört thîs îmàgé⟧",
        image_reported: "⟦Îmàgé répörtéd⟧",
        report_thanks: "⟦Thàñk ýöû för répörtîñg! Thîs îmàgé wîll bé blöçkéd àûtömàtîçàllý öñçé sévéràl péöplé hàvé répörtéd ît.⟧",
        undo: "⟦Ûñdö⟧",
        report_withdrawn: "⟦Répört wîthdràwñ.⟧",
        show_image: "⟦Shöw àñýwàý⟧",
        share: "⟦Shàré⟧",
        link_copied: "⟦Lîñk çöpîéd tö thé çlîpböàrd.⟧",
        copy_link: "⟦Çöpý thîs lîñk:⟧",
        new_headlines: "⟦Ñéw héàdlîñés: {count}⟧",
        article_updated: "⟦Thîs àrtîçlé wàs ûpdàtéd sîñçé ýöû öpéñéd ît.⟧",
        show_update: "⟦Shöw thé ñéw vérsîöñ⟧",
        article_withdrawn: "⟦Thîs àrtîçlé wàs wîthdràwñ bý thé ñéwsrööm; ýöû çàñ fîñîsh réàdîñg ît héré.⟧",
        reading_settings: "⟦Réàdîñg çömfört⟧",
        text_smaller: "⟦Smàllér téxt⟧",
        text_larger: "⟦Làrgér téxt⟧",
        theme_light: "⟦Lîght⟧",
        theme_dark: "⟦Dàrk⟧",
        theme_sepia: "⟦Sépîà⟧",
        translation_missing: "⟦Thîs àrtîçlé îs ñöt àvàîlàblé îñ Pséûdö — shöwñ îñ {language}.⟧",
    },
};
