//! The collection as the viewer has it: loading, the data shown, and the newer readings of the
//! file taken in since (see `ViewerState::take_update`).

use crate::data::error::LoadError;
use crate::data::model::{Changes, Collection};
use crate::js::Pacer;
use leptos::prelude::*;
use std::sync::Arc;

/// Where loading the collection stands.
#[derive(Clone, Debug)]
pub enum Data {
    Loading,
    Ready(Arc<Collection>),
    Failed(LoadError),
}

/// An open article that a newer reading of the file changed or withdrew: the reader keeps the
/// version they were reading until they leave it.
#[derive(Clone, Debug, PartialEq)]
pub struct Held {
    pub id: String,
    pub withdrawn: bool,
}

/// A newer reading of the file (see `ViewerState::new_reading`): the articles added and removed,
/// found at once, and those changed, found when asked, a few at a time. Nothing shown waits for
/// those: the views follow the new data whatever changed, and comparing every article
/// (paragraphs included) costs more than the rest of an update.
pub struct NewReading {
    /// The articles added and removed.
    pub arrivals: Changes,
    pub fresh: Arc<Collection>,
    /// The reading it is compared with.
    pub before: Arc<Collection>,
}

impl NewReading {
    pub fn new(fresh: Arc<Collection>, before: Arc<Collection>) -> NewReading {
        let arrivals = fresh.arrivals_from(&before);
        NewReading {
            arrivals,
            fresh,
            before,
        }
    }

    /// The articles changed, compared over as many tasks as it takes (see `js::Pacer`).
    pub async fn changed(&self) -> Vec<String> {
        let mut changed = Vec::new();
        let mut pacer = Pacer::start();
        for i in 0..self.fresh.articles.len() {
            pacer.pace().await;
            changed.extend(self.fresh.changed_at(&self.before, i));
        }
        changed
    }

    /// Every change.
    pub async fn complete(&self) -> Changes {
        Changes {
            changed: self.changed().await,
            ..self.arrivals.clone()
        }
    }
}

/// The data a viewer shows, and how it came.
#[derive(Clone, Copy)]
pub struct Feed {
    pub data: RwSignal<Data>,
    /// The collection file is being read (the root is then `aria-busy`).
    pub busy: RwSignal<bool>,
    /// The open article, when a newer reading changed or withdrew it (see `take_update`).
    pub held: RwSignal<Option<Held>>,
    /// The file as last read by a refresh: what the next reading is compared with, and what shows
    /// once a held article is let go.
    pub latest: StoredValue<Option<Arc<Collection>>>,
    /// How many newer readings of the file were taken in.
    pub updates: RwSignal<u32>,
    /// Bumped to show the open article again, in its updated version.
    pub revision: RwSignal<u32>,
    /// What the live region says about the last update ("Nouveaux titres : 3").
    pub news: RwSignal<Option<String>>,
}

impl Default for Feed {
    fn default() -> Self {
        Feed {
            data: RwSignal::new(Data::Loading),
            busy: RwSignal::new(false),
            held: RwSignal::new(None),
            latest: StoredValue::new(None),
            updates: RwSignal::new(0),
            revision: RwSignal::new(0),
            news: RwSignal::new(None),
        }
    }
}

impl Feed {
    /// The collection, once loaded (a cheap `Arc` clone; tracked).
    pub fn collection(&self) -> Option<Arc<Collection>> {
        self.data.with(|d| match d {
            Data::Ready(c) => Some(c.clone()),
            _ => None,
        })
    }
}
