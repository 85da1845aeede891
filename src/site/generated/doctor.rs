//! `jekyll doctor`'s checks of what a whole build writes (Jekyll 4.3.1's `Commands::Doctor`),
//! over each written file's destination and source:
//!
//! - `conflicting_urls`: one destination written by more than one file;
//! - `urls_only_differ_by_case`: destinations of pages and documents that are equal once
//!   lowercased (static files are not compared, as in doctor);
//! - beyond doctor, destinations equal once both are in Unicode's composed form (NFC): names a
//!   Mac writes decomposed (NFD) beside names typed composed, which look the same everywhere and
//!   collide on a file system or server that normalises names.
//!
//! Each finding is reported in every file involved, once, under that file's own path, with the
//! words doctor uses.

use crate::diagnostic::{Code, Diagnostic};
use crate::site::SiteDiagnostic;
use std::collections::BTreeMap;
use unicode_normalization::{is_nfc, UnicodeNormalization};

/// One file a build writes.
#[derive(Clone, Debug)]
pub struct Written {
    /// Its path under `_site/` (`2021/05/07/a.html`, `ja/feed.xml`).
    pub destination: String,
    /// The site file it is made from (`_i18n/ja/_posts/2021-05-07-a.md`), or the generated
    /// file's name (`feed.xml` of jekyll-feed).
    pub source: String,
    /// A page or a document (doctor compares the case of these only), not a static file.
    pub page: bool,
}

/// The findings, each file's in the order of `written`.
pub fn doctor(written: &[Written]) -> Vec<SiteDiagnostic> {
    let mut found: Vec<(usize, Code, String)> = Vec::new();
    shared_destinations(written, &mut found);
    same_once_folded(
        written,
        Code::UrlsDifferByCase,
        |w| w.page,
        |d| d.to_lowercase(),
        &mut found,
    );
    same_once_folded(
        written,
        Code::UrlsDifferByNormalization,
        |_| true,
        |d| d.nfc().collect(),
        &mut found,
    );
    found.sort_by_key(|(at, _, _)| *at);
    found
        .into_iter()
        .map(|(at, code, message)| SiteDiagnostic {
            path: written[at].source.clone(),
            diagnostic: Diagnostic {
                severity: code.severity(),
                code,
                message,
                line: 1,
                column: 1,
            },
        })
        .collect()
}

/// doctor's `conflicting_urls`: each source of a destination that more than one file writes.
fn shared_destinations(written: &[Written], found: &mut Vec<(usize, Code, String)>) {
    let mut by_destination: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, w) in written.iter().enumerate() {
        let sources = by_destination.entry(&w.destination).or_default();
        if !sources.iter().any(|&j| written[j].source == w.source) {
            sources.push(i);
        }
    }
    for (destination, sources) in by_destination {
        if sources.len() < 2 {
            continue;
        }
        for &i in &sources {
            let others = quoted(
                sources
                    .iter()
                    .filter(|&&j| j != i)
                    .map(|&j| &written[j].source),
            );
            found.push((
                i,
                Code::SharedDestination,
                format!(
                    "Conflict: the destination `_site/{destination}` is shared by multiple files (this one and {others}); the written file may end up with unexpected contents: give one of them another `permalink` or file name"
                ),
            ));
        }
    }
}

/// Destinations that differ but are equal once `fold`ed: doctor's case check (`fold` lowercases)
/// and the Unicode normalisation check (`fold` composes). Each file of such a group is reported.
fn same_once_folded(
    written: &[Written],
    code: Code,
    compared: impl Fn(&Written) -> bool,
    fold: impl Fn(&str) -> String,
    found: &mut Vec<(usize, Code, String)>,
) {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, w) in written.iter().enumerate().filter(|(_, w)| compared(w)) {
        groups.entry(fold(&w.destination)).or_default().push(i);
    }
    for members in groups.values() {
        let mut urls: Vec<&str> = members
            .iter()
            .map(|&i| written[i].destination.as_str())
            .collect();
        urls.dedup();
        urls.sort_unstable();
        urls.dedup();
        if urls.len() < 2 {
            continue;
        }
        let mut reported: Vec<&str> = Vec::new();
        for &i in members {
            let source = written[i].source.as_str();
            if reported.contains(&source) {
                continue;
            }
            reported.push(source);
            let message = if code == Code::UrlsDifferByCase {
                by_case_message(&urls)
            } else {
                by_normalization_message(&written[i].destination, &urls)
            };
            found.push((i, code, message));
        }
    }
}

fn by_case_message(urls: &[&str]) -> String {
    let list = quoted(urls.iter().map(|u| format!("_site/{u}")));
    format!(
        "The following URLs only differ by case. On a case-insensitive file system one of the URLs will be overwritten by the other: {list}; rename one of the files (or change its `permalink`)"
    )
}

fn by_normalization_message(own: &str, urls: &[&str]) -> String {
    let form = |u: &str| {
        if is_nfc(u) {
            "composed, NFC"
        } else {
            "decomposed, NFD"
        }
    };
    let list = urls
        .iter()
        .map(|u| format!("`_site/{}` ({})", marks_shown(u), form(u)))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "The following URLs only differ by Unicode normalisation, the same characters written two ways: {list}. This file's is {}. On a file system that normalises names (macOS) one of the URLs will be overwritten by the other: rename one of the files, typing its name again",
        form(own)
    )
}

/// A decomposed name with its combining marks written `\u{…}`: printed as they are, the two
/// names would read the same.
fn marks_shown(name: &str) -> String {
    if is_nfc(name) {
        return name.to_owned();
    }
    name.chars()
        .map(|c| {
            if unicode_normalization::char::is_combining_mark(c) {
                format!("\\u{{{:04x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn quoted<S: AsRef<str>>(items: impl Iterator<Item = S>) -> String {
    items
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}
