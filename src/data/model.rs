//! The article collection as the contract describes it (serde models whose fields carry the
//! contract's rules as types), and the indexes the viewer reads it through.

use super::body::Body;
use super::rules::{ArticleId, Dimension, LangCode, NonEmpty, Published, SafeUrl, Title};
use crate::i18n::Lang;
use serde::{Deserialize, Deserializer};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

/// An optional key that, when present, must hold a valid value: `null` is refused as the schema
/// refuses it (a plain `Option` would read it as absent).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// One article of a collection file. Unknown keys are ignored, so publishers can carry their own.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    #[serde(default, deserialize_with = "present")]
    pub published: Option<Published>,
    #[serde(default, deserialize_with = "present")]
    pub source: Option<Source>,
    #[serde(default, deserialize_with = "present")]
    pub category: Option<NonEmpty>,
    #[serde(default, deserialize_with = "present")]
    pub image: Option<Image>,
    /// Where the article's full file is when this one carries only its headline (an archive's
    /// page); resolved against `file`.
    #[serde(default, deserialize_with = "present")]
    pub text_url: Option<SafeUrl>,
    pub translations: Translations,
    /// The absolute URL of the file the article was read from, which its relative URLs resolve
    /// against; `None`: the viewer's own collection file (`Config::src`).
    #[serde(skip)]
    pub file: Option<Arc<str>>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Source {
    pub name: NonEmpty,
    #[serde(default, deserialize_with = "present")]
    pub url: Option<SafeUrl>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Image {
    pub src: SafeUrl,
    #[serde(default, deserialize_with = "present")]
    pub width: Option<Dimension>,
    #[serde(default, deserialize_with = "present")]
    pub height: Option<Dimension>,
}

/// The article in each language it exists in: at least one, in the order of their codes (the last
/// of a code written twice, as `JSON.parse` has it). A short list rather than a map: an archive
/// holds 100,000 of them, and a map's node takes room for eleven.
#[derive(Clone, Debug, PartialEq)]
pub struct Translations(Box<[(LangCode, Translation)]>);

impl<'de> Deserialize<'de> for Translations {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Codes;
        impl<'de> serde::de::Visitor<'de> for Codes {
            type Value = Translations;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of translations by language code")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Translations, M::Error> {
                let mut list: Vec<(LangCode, Translation)> = Vec::new();
                while let Some((code, translation)) = map.next_entry::<LangCode, Translation>()? {
                    match list.binary_search_by(|(c, _)| c.cmp(&code)) {
                        Ok(at) => list[at].1 = translation,
                        Err(at) => list.insert(at, (code, translation)),
                    }
                }
                match list.is_empty() {
                    true => Err(serde::de::Error::custom(
                        "must have at least one translation",
                    )),
                    false => Ok(Translations(list.into())),
                }
            }
        }
        d.deserialize_map(Codes)
    }
}

impl Translations {
    pub fn get(&self, code: &str) -> Option<&Translation> {
        self.iter().find(|(c, _)| *c == code).map(|(_, t)| t)
    }

    pub fn contains(&self, code: &str) -> bool {
        self.get(code).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Translation)> {
        self.0.iter().map(|(code, t)| (&**code, t))
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Translation {
    pub title: Title,
    #[serde(default, deserialize_with = "present")]
    pub summary: Option<String>,
    #[serde(default)]
    pub body: Body,
    #[serde(default, deserialize_with = "present")]
    pub source_url: Option<SafeUrl>,
    #[serde(default, deserialize_with = "present")]
    pub image_alt: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub image_caption: Option<String>,
}

impl Article {
    /// The translation to show for `lang`, and the language it is in. The rule: `lang` itself,
    /// else the collection's default language, else French, English and Arabic in that order,
    /// else the article's first language in alphabetical order.
    pub fn translation_for(&self, lang: &str, default: Option<&str>) -> (&str, &Translation) {
        [Some(lang), default, Some("fr"), Some("en"), Some("ar")]
            .into_iter()
            .flatten()
            .find_map(|code| self.translations.iter().find(|(c, _)| *c == code))
            .or_else(|| self.translations.iter().next())
            // Invariant: `Translations` cannot be built empty.
            .expect("an article has at least one translation")
    }

    /// The file its relative URLs resolve against: the one it was read from, else `src`, the
    /// viewer's own.
    pub fn base<'a>(&'a self, src: &'a str) -> &'a str {
        self.file.as_deref().unwrap_or(src)
    }

    /// Whether its text is elsewhere, in the file at `text_url`, and not here.
    pub fn text_elsewhere(&self) -> bool {
        self.text_url.is_some() && self.translations.iter().all(|(_, t)| t.body.is_empty())
    }

    /// The article without the paragraphs of its translations, natively: the publishers' tools
    /// check them, then need only the rest (a newsroom's archive is large).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn without_paragraphs(mut self) -> Article {
        for (_, translation) in self.translations.0.iter_mut() {
            translation.body = Body::default();
        }
        self
    }

    /// The source URL for this translation: its own, else the article's.
    pub fn source_url<'a>(&'a self, translation: &'a Translation) -> Option<&'a str> {
        translation
            .source_url
            .as_deref()
            .or_else(|| self.source.as_ref().and_then(|s| s.url.as_deref()))
    }
}

/// The articles the viewer can show, indexed once for every view that reads them.
#[derive(Clone, Debug, Default)]
pub struct Collection {
    pub default_language: Option<String>,
    /// Where any article's full file is, `{id}` to fill in (an archive's `article_url`, relative
    /// to the viewer's own file), and the next page of older articles (`older`) not read yet
    /// (absolute in the browser).
    pub article_url: Option<String>,
    pub older: Option<String>,
    /// The articles: those of the first page, then those of the older pages read since.
    pub articles: Vec<Article>,
    /// How many of `articles` came with the first page: the ticker shows only those.
    first_page: usize,
    /// Positions of `articles` in ticker order.
    order: Vec<usize>,
    /// For each interface language (in `Lang::ALL` order), the positions of the articles written
    /// in it, in ticker order.
    editions: [Vec<usize>; Lang::COUNT],
    by_id: HashMap<ArticleId, usize>,
    /// The article opened when none is asked for, for each interface language (see `featured`).
    featured: [Option<usize>; Lang::COUNT],
}

/// Ticker order: newest first; undated articles after the dated ones.
fn newest_first(a: &Article, b: &Article) -> Ordering {
    match (&a.published, &b.published) {
        (Some(x), Some(y)) => y.sort_key().cmp(&x.sort_key()),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

impl Collection {
    /// `articles` must have unique ids (the loader drops repeats).
    pub fn new(default_language: Option<String>, articles: Vec<Article>) -> Self {
        let mut order: Vec<usize> = (0..articles.len()).collect();
        // A stable sort keeps data order among equal keys, so undated articles keep theirs.
        order.sort_by(|&a, &b| newest_first(&articles[a], &articles[b]));
        let editions: [Vec<usize>; Lang::COUNT] = Lang::ALL.map(|lang| {
            order
                .iter()
                .copied()
                .filter(|&i| articles[i].translations.contains(lang.code()))
                .collect()
        });
        let by_id = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        // A text kept elsewhere (`text_url`) counts as a body in every language of the article.
        let has_body = |i: &usize, lang: Option<Lang>| {
            let article = &articles[*i];
            article.translations.iter().any(|(code, t)| {
                (!t.body.is_empty() || article.text_url.is_some())
                    && lang.is_none_or(|l| l.code() == code)
            })
        };
        let any_full = order.iter().copied().find(|i| has_body(i, None));
        let featured = Lang::ALL.map(|lang| {
            editions[lang as usize]
                .iter()
                .copied()
                .find(|i| has_body(i, Some(lang)))
                .or(any_full)
                .or_else(|| order.first().copied())
        });
        Collection {
            default_language,
            article_url: None,
            older: None,
            first_page: articles.len(),
            articles,
            order,
            editions,
            by_id,
            featured,
        }
    }

    /// Positions of the articles in ticker order: newest first where dates exist, then the undated
    /// ones in data order.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The ticker's headlines for a reader of `lang`: those of `edition_for` that came with the
    /// first page.
    pub fn ticker_edition(&self, lang: Lang) -> impl Iterator<Item = usize> + '_ {
        let first_page = self.first_page;
        self.edition_for(lang)
            .iter()
            .copied()
            .filter(move |&i| i < first_page)
    }

    /// This collection with the articles of its next older page (`older`, read from `file`)
    /// after its own; articles it already holds are kept as they are.
    pub fn with_older(&self, page: Collection) -> Collection {
        let mut articles = self.articles.clone();
        articles.extend(
            page.articles
                .into_iter()
                .filter(|a| self.position(&a.id).is_none()),
        );
        let mut merged = Collection::new(self.default_language.clone(), articles);
        merged.first_page = self.first_page;
        merged.article_url = self.article_url.clone();
        merged.older = page.older;
        merged
    }

    /// Whether articles of older pages were read into it.
    pub fn has_older_pages(&self) -> bool {
        self.first_page < self.articles.len()
    }

    /// A newer reading of the first page (`self`) with the older pages `before` had read: their
    /// articles, and the way on to the next one.
    pub fn keeping_older_of(self, before: &Collection) -> Collection {
        if !before.has_older_pages() {
            return self;
        }
        let mut merged = self.with_older(Collection {
            articles: before.articles[before.first_page..].to_vec(),
            ..Collection::default()
        });
        merged.older = before.older.clone();
        merged
    }

    /// Positions of the articles of one edition (those that exist in `lang`), in ticker order.
    pub fn edition(&self, lang: Lang) -> &[usize] {
        &self.editions[lang as usize]
    }

    /// The articles the pager walks from article `id`, in ticker order: the reader's edition (see
    /// `edition_for`) when it holds that article, else every article (the open one is in another
    /// language). Positions in `articles`.
    pub fn pager_edition(&self, id: &str, lang: Lang) -> &[usize] {
        let edition = self.edition_for(lang);
        match self.position(id) {
            Some(here) if !edition.contains(&here) => self.order(),
            _ => edition,
        }
    }

    /// The edition a reader of `lang` sees headlines from: `lang`'s own, else (when it has none)
    /// the collection's default language's, else the first interface language that has any.
    pub fn edition_for(&self, lang: Lang) -> &[usize] {
        let default = self.default_language.as_deref().and_then(Lang::from_tag);
        [Some(lang), default]
            .into_iter()
            .flatten()
            .chain(Lang::ALL)
            .map(|l| self.edition(l))
            .find(|edition| !edition.is_empty())
            .unwrap_or_default()
    }

    /// The headlines of one edition, in ticker order.
    pub fn headlines(&self, lang: Lang) -> impl Iterator<Item = &Article> {
        self.edition(lang).iter().map(|&i| &self.articles[i])
    }

    /// The position of article `id` in `articles`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.position(id).map(|i| &self.articles[i])
    }

    /// The article opened for a reader of `lang` when none is asked for: the newest one with a
    /// body in `lang`, else the newest one with a body in any language, else the first headline.
    pub fn featured(&self, lang: Lang) -> Option<&Article> {
        self.featured[lang as usize].map(|i| &self.articles[i])
    }

    /// The articles no later than article `id` in ticker order, itself first: the headlines its
    /// published page shows (see `prerender`'s `Days`), as they stand in this collection.
    pub fn as_it_stood_for(&self, id: &str) -> Option<Collection> {
        let here = self.position(id)?;
        let from = self.order.iter().position(|&i| i == here)?;
        let articles = self.order[from..].iter().map(|&i| self.articles[i].clone());
        Some(Collection::new(
            self.default_language.clone(),
            articles.collect(),
        ))
    }

    /// This collection with `article` in place of the one with its id (or added, as a first
    /// page's).
    pub fn with_article(&self, article: Article) -> Collection {
        let mut articles = self.articles.clone();
        let mut first_page = self.first_page;
        match self.position(&article.id) {
            Some(i) => articles[i] = article,
            None => {
                articles.insert(first_page, article);
                first_page += 1;
            }
        }
        Collection {
            first_page,
            article_url: self.article_url.clone(),
            older: self.older.clone(),
            ..Collection::new(self.default_language.clone(), articles)
        }
    }

    /// What differs in this collection from `before`: ids of the articles added (newest first),
    /// changed and removed, at once (the viewer compares over several tasks: see
    /// `ui::feed::NewReading`).
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub fn changes_from(&self, before: &Collection) -> Changes {
        Changes {
            changed: self.changed_from(before),
            ..self.arrivals_from(before)
        }
    }

    /// The articles added and removed since `before`, found by id alone: what a new reading
    /// changes in the ticker and the lists, at a small part of the cost of `changed_at`.
    pub fn arrivals_from(&self, before: &Collection) -> Changes {
        let mut changes = Changes::default();
        let mut kept = 0;
        // A new reading mostly holds the same articles in the same order, a few new ones among
        // them: each article is first looked for where the walk through `before` has got to, and
        // looked up by id only when it is not there.
        let mut next = before.order.iter().peekable();
        for article in self.order.iter().map(|&i| &self.articles[i]) {
            let same = |&&k: &&usize| before.articles[k].id == article.id;
            if next.next_if(same).is_some() || before.position(&article.id).is_some() {
                kept += 1;
            } else {
                changes.added.push(article.id.to_string());
            }
        }
        if kept < before.articles.len() {
            changes.removed = before
                .order
                .iter()
                .map(|&i| &before.articles[i].id)
                .filter(|id| self.position(id).is_none())
                .map(|id| id.to_string())
                .collect();
        }
        changes
    }

    /// Ids of the articles in both collections that differ, in ticker order.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub fn changed_from(&self, before: &Collection) -> Vec<String> {
        (0..self.order.len())
            .filter_map(|i| self.changed_at(before, i))
            .collect()
    }

    /// The id of the `i`th article in ticker order, when `before` has it otherwise. This
    /// compares every paragraph: most of the cost of an update, which the viewer spreads over
    /// several tasks (see `ui::feed::NewReading`).
    pub fn changed_at(&self, before: &Collection, i: usize) -> Option<String> {
        let article = &self.articles[*self.order.get(i)?];
        let old = before.article(&article.id)?;
        (old != article).then(|| article.id.to_string())
    }
}

/// How a new reading of a collection file differs from the one before: article ids.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// Estimated reading time in whole minutes (at least one) at 200 words a minute, the usual
/// figure for news prose; `None` for a headline without a body.
pub fn reading_minutes(body: &[String]) -> Option<usize> {
    const WORDS_PER_MINUTE: usize = 200;
    let words: usize = body.iter().map(|p| p.split_whitespace().count()).sum();
    (words > 0).then(|| words.div_ceil(WORDS_PER_MINUTE).max(1))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::json;

    fn article(id: &str, published: Option<&str>, langs: &[&str]) -> Article {
        let translations: serde_json::Map<String, serde_json::Value> = langs
            .iter()
            .map(|l| (l.to_string(), json!({"title": format!("{id} {l}")})))
            .collect();
        let mut doc = json!({"id": id, "translations": translations});
        if let Some(date) = published {
            doc["published"] = json!(date);
        }
        serde_json::from_value(doc).unwrap()
    }

    #[test]
    fn ticker_puts_newest_first_and_keeps_data_order_for_undated() {
        let c = Collection::new(
            None,
            vec![
                article("b", None, &["fr"]),
                article("old", Some("2020-01-01"), &["fr"]),
                article("a", None, &["fr"]),
                article("new", Some("2024-05-15"), &["fr"]),
            ],
        );
        let ids: Vec<&str> = c.order().iter().map(|&i| &*c.articles[i].id).collect();
        assert_eq!(ids, ["new", "old", "b", "a"]);
    }

    #[test]
    fn an_article_s_collection_as_it_stood_holds_it_and_what_came_before_it() {
        let c = Collection::new(
            Some("fr".into()),
            vec![
                article("b", Some("2024-05-10"), &["fr"]),
                article("same", Some("2024-05-10"), &["fr"]),
                article("newest", Some("2024-05-15"), &["ar"]),
                article("a", Some("2024-05-10"), &["fr"]),
                article("oldest", Some("2020-01-01"), &["en"]),
            ],
        );
        let stood = c.as_it_stood_for("same").unwrap();
        let ids: Vec<&str> = stood
            .order()
            .iter()
            .map(|&i| &*stood.articles[i].id)
            .collect();
        // Articles of the same time before it in the file come before it in the ticker: not there.
        assert_eq!(ids, ["same", "a", "oldest"]);
        assert_eq!(stood.default_language.as_deref(), Some("fr"));
        // No Arabic then: an Arabic reader had the default language's edition.
        assert_eq!(stood.edition_for(Lang::Ar), stood.edition(Lang::Fr));
        assert!(c.as_it_stood_for("nope").is_none());
    }

    #[test]
    fn headlines_leave_out_articles_without_the_language() {
        let c = Collection::new(
            None,
            vec![
                article("x", None, &["fr", "en"]),
                article("y", None, &["en"]),
            ],
        );
        let ids: Vec<&str> = c.headlines(Lang::Fr).map(|a| &*a.id).collect();
        assert_eq!(ids, ["x"]);
        assert_eq!(c.headlines(Lang::En).count(), 2);
        assert_eq!(c.headlines(Lang::Ar).count(), 0);
    }

    #[test]
    fn a_language_without_headlines_shows_the_default_languages_edition() {
        let c = Collection::new(
            Some("en".into()),
            vec![
                article("x", None, &["fr", "en"]),
                article("y", None, &["en"]),
            ],
        );
        assert_eq!(c.edition_for(Lang::Ar).len(), 2, "English, the default");
        assert_eq!(c.edition_for(Lang::Fr).len(), 1, "French has its own");
        let french_only = Collection::new(None, vec![article("z", None, &["fr"])]);
        assert_eq!(french_only.edition_for(Lang::En).len(), 1);
        assert!(Collection::default().edition_for(Lang::En).is_empty());
    }

    #[test]
    fn articles_are_found_by_id() {
        let c = Collection::new(
            None,
            vec![
                article("b", None, &["fr"]),
                article("a", Some("2024-01-01"), &["fr"]),
            ],
        );
        assert_eq!(c.position("a"), Some(1));
        assert_eq!(c.article("b").map(|a| &*a.id), Some("b"));
        assert_eq!(c.position("c"), None);
    }

    #[test]
    fn editions_are_indexed_in_the_order_of_the_interface_languages() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang as usize, i);
        }
    }

    #[test]
    fn translation_falls_back_to_default_then_fr_en_ar_then_alphabetical() {
        let a = article("x", None, &["en", "fr"]);
        assert_eq!(a.translation_for("fr", Some("en")).0, "fr");
        assert_eq!(a.translation_for("ar", Some("en")).0, "en");
        assert_eq!(a.translation_for("ar", Some("de")).0, "fr");
        assert_eq!(a.translation_for("ar", None).0, "fr");
        let b = article("y", None, &["es", "de"]);
        assert_eq!(b.translation_for("fr", None).0, "de");
    }

    #[test]
    fn featured_is_the_newest_article_with_a_body_in_the_readers_language() {
        let full = |id: &str, date: &str, lang: &str| -> Article {
            serde_json::from_value(json!({"id": id, "published": date,
                "translations": {lang: {"title": "T", "body": ["Texte."]}, "ar": {"title": "ع"}}}))
            .unwrap()
        };
        let c = Collection::new(
            None,
            vec![
                article("headline", Some("2024-06-01"), &["fr", "en"]),
                full("french", "2024-05-01", "fr"),
                full("english", "2024-04-01", "en"),
            ],
        );
        assert_eq!(c.featured(Lang::Fr).map(|a| &*a.id), Some("french"));
        assert_eq!(c.featured(Lang::En).map(|a| &*a.id), Some("english"));
        assert_eq!(
            c.featured(Lang::Ar).map(|a| &*a.id),
            Some("french"),
            "no full Arabic article: the newest full one"
        );
        let headlines_only = Collection::new(None, vec![article("h", None, &["fr"])]);
        assert_eq!(headlines_only.featured(Lang::En).map(|a| &*a.id), Some("h"));
        assert!(Collection::default().featured(Lang::Fr).is_none());
    }

    #[test]
    fn changes_name_the_articles_added_changed_and_removed() {
        let before = Collection::new(
            None,
            vec![
                article("kept", Some("2024-01-01"), &["fr"]),
                article("edited", Some("2024-01-02"), &["fr"]),
                article("gone", Some("2024-01-03"), &["fr"]),
            ],
        );
        let after = Collection::new(
            None,
            vec![
                article("kept", Some("2024-01-01"), &["fr"]),
                article("edited", Some("2024-01-02"), &["fr", "en"]),
                article("older-new", Some("2024-01-04"), &["fr"]),
                article("newest", Some("2024-01-05"), &["fr"]),
            ],
        );
        let changes = after.changes_from(&before);
        assert_eq!(changes.added, ["newest", "older-new"], "newest first");
        assert_eq!(changes.changed, ["edited"]);
        assert_eq!(changes.removed, ["gone"]);
        assert!(after.changes_from(&after.clone()).is_empty());
    }

    #[test]
    fn arrivals_are_found_by_id_and_changes_by_comparing() {
        let read = |ids: &[&str], body: &str| -> Collection {
            let doc = |id: &&str| {
                json!({"id": id, "published": "2024-01-01",
                "translations": {"fr": {"title": "Titre", "body": [body]}}})
            };
            let articles = ids
                .iter()
                .map(|id| serde_json::from_value(doc(id)).unwrap());
            Collection::new(None, articles.collect())
        };
        let before = read(&["a", "b", "c"], "Texte.");
        let after = read(&["n", "a", "c", "m"], "Texte corrigé.");
        let arrivals = after.arrivals_from(&before);
        assert_eq!(
            (arrivals.added, arrivals.removed),
            (vec!["n".to_string(), "m".into()], vec!["b".to_string()])
        );
        assert!(arrivals.changed.is_empty(), "found by comparing only");
        assert_eq!(after.changed_from(&before), ["a", "c"]);
        assert!(before
            .changes_from(&read(&["a", "b", "c"], "Texte."))
            .is_empty());
    }

    #[test]
    fn older_pages_join_the_list_but_not_the_ticker_and_survive_a_new_reading() {
        let first = |extra: Option<Article>| {
            let mut articles = vec![
                article("p1", Some("2024-05-03"), &["fr"]),
                article("p2", Some("2024-05-02"), &["fr"]),
            ];
            articles.extend(extra);
            let mut c = Collection::new(None, articles);
            c.older = Some("older-1.json".into());
            c
        };
        let mut older = Collection::new(
            None,
            vec![
                article("o1", Some("2024-04-01"), &["fr"]),
                // Already on the first page: the first page's version stays.
                article("p2", Some("2020-01-01"), &["fr", "en"]),
            ],
        );
        older.older = Some("older-2.json".into());
        let merged = first(None).with_older(older);
        let ids = |c: &Collection, list: Vec<usize>| -> Vec<String> {
            list.iter().map(|&i| c.articles[i].id.to_string()).collect()
        };
        assert_eq!(
            ids(&merged, merged.edition(Lang::Fr).to_vec()),
            ["p1", "p2", "o1"]
        );
        assert_eq!(
            ids(&merged, merged.ticker_edition(Lang::Fr).collect()),
            ["p1", "p2"]
        );
        assert_eq!(merged.older.as_deref(), Some("older-2.json"));
        assert!(!merged.article("p2").unwrap().translations.contains("en"));

        // The first page read again, with a new article: the older page is kept, nothing removed.
        let fresh =
            first(Some(article("p0", Some("2024-05-04"), &["fr"]))).keeping_older_of(&merged);
        let changes = fresh.changes_from(&merged);
        assert_eq!(changes.added, ["p0"]);
        assert!(changes.removed.is_empty(), "{changes:?}");
        assert_eq!(fresh.older.as_deref(), Some("older-2.json"));
        assert_eq!(
            ids(&fresh, fresh.ticker_edition(Lang::Fr).collect()),
            ["p0", "p1", "p2"]
        );
        // Without older pages read, a new reading is taken as it is.
        assert_eq!(
            first(None).keeping_older_of(&first(None)).older.as_deref(),
            Some("older-1.json")
        );
    }

    #[test]
    fn a_text_elsewhere_counts_as_full_for_the_featured_article() {
        let elsewhere: Article =
            serde_json::from_value(json!({"id": "e", "published": "2024-05-02",
            "text_url": "text/e.json", "translations": {"fr": {"title": "T"}}}))
            .unwrap();
        assert!(elsewhere.text_elsewhere());
        let c = Collection::new(
            None,
            vec![article("h", Some("2024-05-03"), &["fr"]), elsewhere],
        );
        assert_eq!(c.featured(Lang::Fr).map(|a| &*a.id), Some("e"));
        assert_eq!(
            c.featured(Lang::En).map(|a| &*a.id),
            Some("e"),
            "the newest full one"
        );
    }

    #[test]
    fn reading_time_rounds_up_at_200_words_a_minute() {
        assert_eq!(reading_minutes(&[]), None);
        assert_eq!(reading_minutes(&["un deux".into()]), Some(1));
        assert_eq!(reading_minutes(&["w ".repeat(200)]), Some(1));
        assert_eq!(reading_minutes(&["w ".repeat(201)]), Some(2));
    }
}
