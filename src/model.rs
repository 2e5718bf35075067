//! The article collection as the viewer uses it, once validated, and what can be derived from it.

use crate::i18n::Lang;
use crate::map::{sort_positions, TextMap};
use std::cmp::Ordering;

/// A validated collection: every article in it is well formed and has a unique id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Collection {
    pub default_language: Option<String>,
    pub articles: Vec<Article>,
    /// Positions of `articles` in ticker order, sorted once: every view reads it.
    order: Vec<usize>,
    /// For each interface language (in `Lang::ALL` order), the positions of the articles written
    /// in it, in ticker order.
    editions: [Vec<usize>; 3],
    /// Positions of `articles` in id order, to find an article by its id.
    by_id: Vec<usize>,
    /// Position of the article opened when none is asked for (see `featured`). Every ticker row
    /// asks which article is open, so it is found once here.
    featured: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub id: String,
    pub published: Option<Published>,
    pub source: Option<Source>,
    pub category: Option<String>,
    pub image: Option<Image>,
    /// Keyed by language code; never empty.
    pub translations: TextMap<Translation>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub src: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Translation {
    pub title: String,
    pub summary: Option<String>,
    pub body: Vec<String>,
    pub source_url: Option<String>,
    pub image_alt: Option<String>,
    pub image_caption: Option<String>,
}

/// A publication date, kept as written (`YYYY-MM-DD` or RFC 3339) with its calendar date parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub text: String,
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// Whether a time of day was given (then `text` is an RFC 3339 date-time).
    pub has_time: bool,
}

impl Published {
    /// Sort key: the text itself orders correctly for dates, and date-times in UTC; for
    /// date-times with offsets the calendar date is close enough to order headlines.
    fn sort_key(&self) -> (i32, u32, u32, &str) {
        (self.year, self.month, self.day, &self.text)
    }
}

impl Article {
    /// The translation to show for `lang`, and the language it is in: `lang` itself when the
    /// article has it, else the collection's default language, else the first it has.
    pub fn translation_for(&self, lang: &str, default: Option<&str>) -> (&str, &Translation) {
        [Some(lang), default]
            .into_iter()
            .flatten()
            .find_map(|code| self.translations.get_key_value(code))
            .or_else(|| self.translations.first())
            // Invariant: validation never admits an article without translations.
            .expect("a validated article has at least one translation")
    }

    /// The source URL for this translation: its own, else the article's.
    pub fn source_url<'a>(&'a self, translation: &'a Translation) -> Option<&'a str> {
        translation
            .source_url
            .as_deref()
            .or_else(|| self.source.as_ref().and_then(|s| s.url.as_deref()))
    }
}

impl Collection {
    pub fn new(default_language: Option<String>, articles: Vec<Article>) -> Self {
        let mut order: Vec<usize> = (0..articles.len()).collect();
        // A stable sort keeps data order among equal keys, so undated articles keep theirs.
        sort_positions(
            &mut order,
            &|a, b| match (&articles[a].published, &articles[b].published) {
                (Some(x), Some(y)) => y.sort_key().cmp(&x.sort_key()),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        );
        let editions = Lang::ALL.map(|lang| {
            order
                .iter()
                .copied()
                .filter(|&i| articles[i].translations.contains_key(lang.code()))
                .collect()
        });
        let mut by_id = order.clone();
        sort_positions(&mut by_id, &|a, b| articles[a].id.cmp(&articles[b].id));
        let featured = order
            .iter()
            .copied()
            .find(|&i| {
                articles[i]
                    .translations
                    .values()
                    .any(|t| !t.body.is_empty())
            })
            .or_else(|| order.first().copied());
        Collection {
            default_language,
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

    /// Positions of the articles of one edition (those that exist in `lang`), in ticker order.
    pub fn edition(&self, lang: Lang) -> &[usize] {
        &self.editions[lang as usize]
    }

    /// The headlines of one edition, in ticker order.
    pub fn headlines(&self, lang: Lang) -> impl Iterator<Item = &Article> {
        self.edition(lang).iter().map(|&i| &self.articles[i])
    }

    /// The position of article `id` in `articles`.
    pub fn position(&self, id: &str) -> Option<usize> {
        let at = self
            .by_id
            .binary_search_by(|&i| self.articles[i].id.as_str().cmp(id))
            .ok()?;
        Some(self.by_id[at])
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.position(id).map(|i| &self.articles[i])
    }

    /// The article opened when none is asked for: the newest one with a body, else the first
    /// headline.
    pub fn featured(&self) -> Option<&Article> {
        self.featured.map(|i| &self.articles[i])
    }

    /// The interface languages worth offering: those at least one article is written in, or all
    /// of them when none is.
    pub fn offered_languages(&self) -> Vec<Lang> {
        let offered: Vec<Lang> = Lang::ALL
            .into_iter()
            .filter(|&l| !self.edition(l).is_empty())
            .collect();
        if offered.is_empty() {
            Lang::ALL.to_vec()
        } else {
            offered
        }
    }
}

/// Estimated reading time in whole minutes (at least one) at 200 words a minute, the usual
/// figure for news prose; `None` for a headline without a body.
pub fn reading_minutes(body: &[String]) -> Option<usize> {
    const WORDS_PER_MINUTE: usize = 200;
    let words: usize = body.iter().map(|p| p.split_whitespace().count()).sum();
    (words > 0).then(|| words.div_ceil(WORDS_PER_MINUTE).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, published: Option<(i32, u32, u32)>, langs: &[&str]) -> Article {
        Article {
            id: id.into(),
            published: published.map(|(year, month, day)| Published {
                text: format!("{year:04}-{month:02}-{day:02}"),
                year,
                month,
                day,
                has_time: false,
            }),
            source: None,
            category: None,
            image: None,
            translations: langs
                .iter()
                .map(|l| {
                    (
                        l.to_string(),
                        Translation {
                            title: format!("{id} {l}"),
                            ..Default::default()
                        },
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn ticker_puts_newest_first_and_keeps_data_order_for_undated() {
        let c = Collection::new(
            None,
            vec![
                article("b", None, &["fr"]),
                article("old", Some((2020, 1, 1)), &["fr"]),
                article("a", None, &["fr"]),
                article("new", Some((2024, 5, 15)), &["fr"]),
            ],
        );
        let ids: Vec<&str> = c
            .order()
            .iter()
            .map(|&i| c.articles[i].id.as_str())
            .collect();
        assert_eq!(ids, ["new", "old", "b", "a"]);
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
        let ids: Vec<&str> = c.headlines(Lang::Fr).map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["x"]);
        assert_eq!(c.headlines(Lang::En).count(), 2);
        assert_eq!(c.headlines(Lang::Ar).count(), 0);
    }

    #[test]
    fn articles_are_found_by_id() {
        let c = Collection::new(
            None,
            vec![
                article("b", None, &["fr"]),
                article("a", Some((2024, 1, 1)), &["fr"]),
            ],
        );
        assert_eq!(c.position("a"), Some(1));
        assert_eq!(c.article("b").map(|a| a.id.as_str()), Some("b"));
        assert_eq!(c.position("c"), None);
    }

    #[test]
    fn editions_are_indexed_in_the_order_of_the_interface_languages() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang as usize, i);
        }
    }

    #[test]
    fn translation_falls_back_to_default_language_then_first() {
        let a = article("x", None, &["en", "fr"]);
        assert_eq!(a.translation_for("fr", Some("en")).0, "fr");
        assert_eq!(a.translation_for("ar", Some("fr")).0, "fr");
        assert_eq!(a.translation_for("ar", Some("de")).0, "en");
        assert_eq!(a.translation_for("ar", None).0, "en");
    }

    #[test]
    fn featured_is_the_newest_article_with_a_body() {
        let mut full = article("full", Some((2022, 3, 14)), &["fr"]);
        full.translations.get_mut("fr").unwrap().body = vec!["Texte.".into()];
        let c = Collection::new(None, vec![article("headline", None, &["fr"]), full]);
        assert_eq!(c.featured().map(|a| a.id.as_str()), Some("full"));
        assert_eq!(Collection::default().featured(), None);
    }

    #[test]
    fn offered_languages_are_those_the_articles_have() {
        let c = Collection::new(None, vec![article("x", None, &["en", "ar", "de"])]);
        assert_eq!(c.offered_languages(), [Lang::En, Lang::Ar]);
        assert_eq!(Collection::default().offered_languages(), Lang::ALL);
    }

    #[test]
    fn reading_time_rounds_up_at_200_words_a_minute() {
        assert_eq!(reading_minutes(&[]), None);
        assert_eq!(reading_minutes(&["un deux".into()]), Some(1));
        assert_eq!(reading_minutes(&["w ".repeat(200)]), Some(1));
        assert_eq!(reading_minutes(&["w ".repeat(201)]), Some(2));
    }
}
