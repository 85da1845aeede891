//! Translations at a glance: every family of a site (declared or found, [`super::find_translations`])
//! and every post that has none, against the site's languages, each cell present, missing, or
//! older than the family's newest member. The question editors of a multilingual site ask most:
//! which posts lack a translation, and which translation no longer says what its original says.
//!
//! "Older" is by the files' last-modified times (what the page's folder gives), the dates in
//! front matter deciding when the times are equal. Times within [`SAME_TIME_MS`] count as equal:
//! a checkout or a copy writes a whole site within seconds, in no meaningful order, while an
//! edit that outdates a translation comes later than that. The layout is the one of
//! jekyll-multiple-languages-plugin: a language per `_i18n/<lang>/` folder (`language.rs`).

use super::TranslationFamily;
use crate::language;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// Modification times closer than this (one minute, in milliseconds) are the same time.
pub const SAME_TIME_MS: f64 = 60_000.0;

/// A post as the overview reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Dated {
    /// The post's path in the site.
    pub path: String,
    /// Its language (`language::post_language`); a post without one is left out.
    pub lang: Option<String>,
    /// The file's last-modified time, in milliseconds since the epoch.
    pub modified: f64,
    /// `YYYY-MM-DD`: its front matter date, else its file name's.
    pub date: Option<String>,
}

/// What a family has in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum State {
    /// A post, as new as the family's newest.
    Present,
    /// A post older than the family's newest member.
    Stale,
    /// No post.
    Missing,
}

/// One language of a row.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    /// The column's language.
    pub lang: String,
    /// Present, stale or missing.
    pub state: State,
    /// The post, unless missing.
    pub path: Option<String>,
    /// Whether a front matter key links the post with the family (else it was found).
    pub declared: bool,
}

/// A family, or a post alone: a cell per language of the overview.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// One per language of the overview, in its order.
    pub cells: Vec<Cell>,
    /// Why its posts are one family (for found ones), as `find_translations` says it.
    pub evidence: Vec<String>,
    /// The newest member's path: the original the others are measured against.
    pub newest: String,
}

/// The whole table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Overview {
    /// The columns: the site's languages in order, then any other a post is in.
    pub languages: Vec<String>,
    /// Newest first (by the newest member's date, then path).
    pub rows: Vec<Row>,
    /// How many cells are missing, over all rows.
    pub missing: usize,
    /// How many cells are stale, over all rows.
    pub stale: usize,
}

/// The overview of `posts` grouped as `families` say, with `site` the site's languages.
pub fn overview(families: &[TranslationFamily], posts: &[Dated], site: &[String]) -> Overview {
    let by_path: HashMap<&str, &Dated> = posts.iter().map(|p| (p.path.as_str(), p)).collect();
    let mut languages: Vec<String> = site.to_vec();
    languages.extend(posts.iter().filter_map(|p| p.lang.clone()));
    language::sort_languages(&mut languages, site);
    let mut grouped: HashSet<&str> = HashSet::new();
    let mut rows = Vec::with_capacity(posts.len());
    for family in families {
        let members: Vec<(&Dated, bool)> = family
            .posts
            .iter()
            .filter_map(|m| by_path.get(m.path.as_str()).map(|p| (*p, m.declared)))
            .collect();
        if members.is_empty() {
            continue;
        }
        grouped.extend(members.iter().map(|(p, _)| p.path.as_str()));
        rows.push(row(&members, &family.evidence, &languages));
    }
    for post in posts.iter().filter(|p| p.lang.is_some()) {
        if !grouped.contains(post.path.as_str()) {
            rows.push(row(&[(post, false)], &[], &languages));
        }
    }
    let date_of = |r: &Row| by_path.get(r.newest.as_str()).and_then(|p| p.date.clone());
    let mut keyed: Vec<(Option<String>, Row)> =
        rows.into_iter().map(|r| (date_of(&r), r)).collect();
    crate::sort::by(&mut keyed, |(da, a), (db, b)| {
        db.cmp(da).then_with(|| a.newest.cmp(&b.newest))
    });
    let rows: Vec<Row> = keyed.into_iter().map(|(_, r)| r).collect();
    let count = |s: State| {
        rows.iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.state == s)
            .count()
    };
    Overview {
        missing: count(State::Missing),
        stale: count(State::Stale),
        languages,
        rows,
    }
}

/// One row: the newest member, and each language's cell against it.
fn row(members: &[(&Dated, bool)], evidence: &[String], languages: &[String]) -> Row {
    let newest = members
        .iter()
        .map(|(p, _)| *p)
        .max_by(|a, b| newer(a, b))
        .expect("a row has a member");
    let cells = languages
        .iter()
        .map(|lang| {
            let member = members
                .iter()
                .find(|(p, _)| p.lang.as_deref() == Some(lang.as_str()));
            match member {
                None => Cell {
                    lang: lang.clone(),
                    state: State::Missing,
                    path: None,
                    declared: false,
                },
                Some((post, declared)) => Cell {
                    lang: lang.clone(),
                    state: if newer(post, newest) == Ordering::Less {
                        State::Stale
                    } else {
                        State::Present
                    },
                    path: Some(post.path.clone()),
                    declared: *declared,
                },
            }
        })
        .collect();
    Row {
        cells,
        evidence: evidence.to_vec(),
        newest: newest.path.clone(),
    }
}

/// Which of two posts is newer: by modification time, by front matter date when the times are
/// the same ([`SAME_TIME_MS`]).
fn newer(a: &Dated, b: &Dated) -> Ordering {
    if (a.modified - b.modified).abs() >= SAME_TIME_MS {
        return a.modified.total_cmp(&b.modified);
    }
    a.date.cmp(&b.date)
}

/// A post's [`Dated`] from its text: its language and date by the core's rules.
pub fn dated(path: &str, source: &str, modified: f64, languages: &[String]) -> Dated {
    let text = crate::source_text(source);
    let parts = crate::front_matter::split(&text);
    let fm = parts
        .yaml
        .filter(|_| !parts.unclosed)
        .map(|range| crate::front_matter::parse(&text[range]).0)
        .unwrap_or_default();
    let options = crate::Options {
        path: Some(path.to_owned()),
        languages: languages.to_vec(),
        ..crate::Options::default()
    };
    Dated {
        path: path.to_owned(),
        lang: language::post_language(&fm, Some(path), languages),
        modified,
        date: crate::post::date(&fm, &options),
    }
}

#[cfg(test)]
mod tests;
