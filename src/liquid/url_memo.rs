//! Jekyll 4.3's `site.filter_cache` for `relative_url` and `absolute_url`
//! (`Jekyll::Filters::URLFilters`): each input's result is kept for the whole `jekyll build`,
//! which jekyll-multiple-languages-plugin runs once per language, so an input an earlier
//! language's build already turned into an address keeps that build's address (its `/<lang>`
//! prefix, or none) in later builds.

use crate::value::{Map, Value};
use std::sync::Mutex;

/// The results earlier builds computed, by `"<filter>:<input>"`, and (when recording) those of
/// this build, for the builds after it.
#[derive(Debug, Default)]
pub struct UrlMemo {
    earlier: Map,
    computed: Option<Mutex<Map>>,
}

impl UrlMemo {
    /// A memo of `earlier` results that keeps nothing new (a page rendered alone).
    pub fn new(earlier: Map) -> UrlMemo {
        UrlMemo {
            earlier,
            computed: None,
        }
    }

    /// A memo of `earlier` results that also keeps what this build computes.
    pub fn recording(earlier: Map) -> UrlMemo {
        UrlMemo {
            earlier,
            computed: Some(Mutex::new(Map::new())),
        }
    }

    /// The result kept for `key`.
    pub fn get(&self, key: &str) -> Option<Value> {
        if let Some(v) = self.earlier.get(key) {
            return Some(v.clone());
        }
        let computed = self.computed.as_ref()?;
        let computed = computed.lock().unwrap_or_else(|e| e.into_inner());
        computed.get(key).cloned()
    }

    /// Keeps `value` for `key`, when recording.
    pub fn record(&self, key: String, value: &Value) {
        if let Some(computed) = &self.computed {
            let mut computed = computed.lock().unwrap_or_else(|e| e.into_inner());
            if computed.get(&key).is_none() {
                computed.insert(key, value.clone());
            }
        }
    }

    /// Every result kept so far, for code that keeps its own map of them.
    pub fn snapshot(&self) -> Map {
        let mut all = self.earlier.clone();
        if let Some(computed) = &self.computed {
            let computed = computed.lock().unwrap_or_else(|e| e.into_inner());
            for (k, v) in computed.iter() {
                if all.get(k).is_none() {
                    all.insert(k.to_owned(), v.clone());
                }
            }
        }
        all
    }

    /// Keeps, when recording, each result of `map` not kept yet.
    pub fn record_all(&self, map: &Map) {
        for (k, v) in map.iter() {
            if self.get(k).is_none() {
                self.record(k.to_owned(), v);
            }
        }
    }

    /// Every result kept: the earlier builds' and this one's, for the next build.
    pub fn into_all(self) -> Map {
        let mut all = self.earlier;
        if let Some(computed) = self.computed {
            let computed = computed.into_inner().unwrap_or_else(|e| e.into_inner());
            for (k, v) in computed.iter() {
                if all.get(k).is_none() {
                    all.insert(k.to_owned(), v.clone());
                }
            }
        }
        all
    }
}
