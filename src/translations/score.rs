//! Scores pairs of posts in different languages by the signals they share.
//!
//! Each signal is weighted by its kind ([`Kind::weight`]) and by its rarity across the site,
//! `ln(1 + N / df)` (N posts, df of them having it), so that what many posts have says little.
//! Candidates come from an index by signal: only posts sharing a signal are ever compared, and a
//! signal held by more than [`MAX_POSTING`] posts is not used to find candidates at all.
//!
//! A pair is kept when
//! - its dates (if both are known) are at most [`DATE_WINDOW`] days apart, and
//! - it shares a *rare* image, link or title name (held by no more posts than a family can have;
//!   three rare numbers count as one) together with a second, independent sign (another kind of
//!   signal, another rare one, or dates within [`CLOSE_DAYS`]), or it shares signals of two kinds
//!   and dates within [`CLOSE_DAYS`], and
//! - its similarity (the shared weight over the geometric mean of the two posts' weights) reaches
//!   [`MIN_SIMILARITY`].
//!
//! The pair's score is that similarity, lowered as the dates move apart.

use super::signals::{Kind, Read};
use super::Pair;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The most days between two translations of one item (the corpus has 36).
pub const DATE_WINDOW: i64 = 62;
/// Dates this close are a sign by themselves.
pub const CLOSE_DAYS: i64 = 3;
/// A signal held by more posts than this finds no candidates (it would find everything).
pub const MAX_POSTING: usize = 40;
/// The least similarity for a kept pair.
pub const MIN_SIMILARITY: f64 = 0.08;

type Feature = (Kind, String);

/// Every kept pair, with its score and a line of evidence.
pub fn candidates(read: &[Read]) -> Vec<Pair> {
    let index = Index::new(read);
    let mut shared: HashMap<(u32, u32), Vec<u32>, PairHash> = HashMap::default();
    for (fid, posting) in index.postings.iter().enumerate() {
        if posting.len() < 2 || posting.len() > MAX_POSTING {
            continue;
        }
        for (x, &a) in posting.iter().enumerate() {
            for &b in &posting[x + 1..] {
                if read[a as usize].lang != read[b as usize].lang {
                    shared.entry((a, b)).or_default().push(fid as u32);
                }
            }
        }
    }
    let mut pairs: Vec<Pair> = shared
        .into_iter()
        .filter_map(|((a, b), features)| index.judge(read, a as usize, b as usize, &features))
        .collect();
    crate::sort::by(&mut pairs, |x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| (x.a, x.b).cmp(&(y.a, y.b)))
    });
    pairs
}

struct Index {
    features: Vec<Feature>,
    /// For each feature, the posts having it, ascending.
    postings: Vec<Vec<u32>>,
    idf: Vec<f64>,
    /// Each post's total weight.
    norm: Vec<f64>,
    /// How many posts a family can have: the number of languages.
    family_max: usize,
}

impl Index {
    fn new(read: &[Read]) -> Index {
        let mut ids: HashMap<&Feature, u32> = HashMap::new();
        let mut features = Vec::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        for (p, r) in read.iter().enumerate().filter(|(_, r)| r.lang.is_some()) {
            for f in &r.signals {
                let id = *ids.entry(f).or_insert_with(|| {
                    features.push(f.clone());
                    postings.push(Vec::new());
                    (features.len() - 1) as u32
                });
                postings[id as usize].push(p as u32);
            }
        }
        let n = read.iter().filter(|r| r.lang.is_some()).count().max(1) as f64;
        // Smoothed (`1 +`): a signal every post has still counts a little, and two posts alone
        // can still be matched.
        let idf: Vec<f64> = postings
            .iter()
            .map(|p| (1.0 + n / p.len() as f64).ln())
            .collect();
        let mut norm = vec![0.0; read.len()];
        for (id, posting) in postings.iter().enumerate() {
            let w = features[id].0.weight() * idf[id];
            for &p in posting {
                norm[p as usize] += w;
            }
        }
        let mut langs: Vec<&str> = read.iter().filter_map(|r| r.lang.as_deref()).collect();
        crate::sort::natural(&mut langs);
        langs.dedup();
        Index {
            features,
            postings,
            idf,
            norm,
            family_max: langs.len().max(2),
        }
    }

    fn judge(&self, read: &[Read], a: usize, b: usize, features: &[u32]) -> Option<Pair> {
        let apart = match (read[a].day, read[b].day) {
            (Some(x), Some(y)) => Some((x - y).abs()),
            _ => None,
        };
        if apart.is_some_and(|d| d > DATE_WINDOW) {
            return None;
        }
        let close = apart.is_some_and(|d| d <= CLOSE_DAYS);
        let sum: f64 = features.iter().map(|&f| self.weight(f)).sum();
        let similarity = sum / (self.norm[a] * self.norm[b]).sqrt().max(f64::MIN_POSITIVE);
        let is_rare = |f: u32| self.postings[f as usize].len() <= self.family_max;
        let is_number = |f: u32| self.features[f as usize].0 == Kind::Number;
        let rare_numbers = features
            .iter()
            .filter(|&&f| is_rare(f) && is_number(f))
            .count();
        // Three rare numbers together are as telling as one rare image, link or name.
        let rare_strong = features
            .iter()
            .filter(|&&f| is_rare(f) && !is_number(f))
            .count()
            + rare_numbers / 3;
        let mut kinds: Vec<Kind> = features
            .iter()
            .map(|&f| self.features[f as usize].0)
            .collect();
        crate::sort::natural(&mut kinds);
        kinds.dedup();
        let signs = kinds.len() + usize::from(close) + rare_strong.saturating_sub(1);
        let enough = (rare_strong >= 1 && signs >= 2) || (kinds.len() >= 2 && close);
        if !enough || similarity < MIN_SIMILARITY {
            return None;
        }
        let score = similarity / (1.0 + apart.unwrap_or(CLOSE_DAYS) as f64 / 14.0);
        Some(Pair {
            a,
            b,
            score,
            evidence: self.evidence(read, a, b, features, apart),
        })
    }

    fn weight(&self, f: u32) -> f64 {
        let f = f as usize;
        self.features[f].0.weight() * self.idf[f]
    }

    /// `en ↔ zh-Hans: both link to https://…; 3 shared images; dates 2 days apart`.
    fn evidence(
        &self,
        read: &[Read],
        a: usize,
        b: usize,
        features: &[u32],
        apart: Option<i64>,
    ) -> String {
        let mut by_kind: [Vec<&str>; 4] = Default::default();
        let mut sorted = features.to_vec();
        crate::sort::by(&mut sorted, |&x, &y| {
            self.weight(y).total_cmp(&self.weight(x))
        });
        for f in sorted {
            let (kind, text) = &self.features[f as usize];
            by_kind[*kind as usize].push(text);
        }
        let mut parts = Vec::new();
        let [images, links, names, numbers] = &by_kind;
        match images.len() {
            0 => {}
            1 => parts.push(format!("the same image {}", images[0])),
            n => parts.push(format!("{n} shared images ({}, …)", images[0])),
        }
        match links.len() {
            0 => {}
            1 => parts.push(format!("both link to https://{}", links[0])),
            n => parts.push(format!("{n} shared links (https://{}, …)", links[0])),
        }
        if !names.is_empty() {
            parts.push(format!("title names {}", list(names, 4)));
        }
        if !numbers.is_empty() {
            parts.push(format!("numbers {}", list(numbers, 4)));
        }
        if let Some(d) = apart {
            parts.push(match d {
                0 => "the same date".to_owned(),
                1 => "dates 1 day apart".to_owned(),
                d => format!("dates {d} days apart"),
            });
        }
        let lang = |i: usize| read[i].lang.as_deref().unwrap_or("?");
        format!("{} ↔ {}: {}", lang(a), lang(b), parts.join("; "))
    }
}

fn list(items: &[&str], max: usize) -> String {
    let shown = items[..items.len().min(max)].join(", ");
    if items.len() > max {
        format!("{shown}, …")
    } else {
        shown
    }
}

/// A hasher for pairs of post indexes: the standard one (SipHash, made to resist chosen keys)
/// took a third of the finder's time, and indexes are not chosen by anyone.
type PairHash = BuildHasherDefault<MixHasher>;

#[derive(Default)]
struct MixHasher(u64);

impl Hasher for MixHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}
