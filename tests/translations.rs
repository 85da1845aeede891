//! Found translations against a ground truth made by hand for the site's 263 posts
//! (`tests/translations/ground_truth.tsv`, how it was made in `tests/translations/README.md`).
//!
//! Precision and recall count pairs of posts: every two posts of one found family is a found
//! pair, every two posts of one true family a true pair; pairs the ground truth marks `maybe`
//! count neither way. The floors below are what the finder reached when it was written, minus
//! a little: a change that loses translations or invents them fails here.

use postview::{find_translations, Options};
#[path = "common/shared.rs"]
mod shared;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The shared site, or `None` when the test is skipped (see `common/shared.rs`).
fn site() -> Option<PathBuf> {
    Some(shared::shared("translations", "corpus/site/_i18n")?.join("corpus/site"))
}

const PRECISION_FLOOR: f64 = 0.95;
const RECALL_FLOOR: f64 = 0.88;

fn posts(dir: &Path, site: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            posts(&p, site, out);
        } else if p.extension().is_some_and(|x| x == "md") {
            let path = p.strip_prefix(site).unwrap().to_string_lossy().into_owned();
            out.push((path, std::fs::read_to_string(&p).unwrap()));
        }
    }
}

type PairSet = HashSet<(String, String)>;

fn pair(a: &str, b: &str) -> (String, String) {
    if a < b {
        (a.to_owned(), b.to_owned())
    } else {
        (b.to_owned(), a.to_owned())
    }
}

fn pairs_of(members: &[&str], out: &mut PairSet) {
    for (i, a) in members.iter().enumerate() {
        for b in &members[i + 1..] {
            out.insert(pair(a, b));
        }
    }
}

/// The true pairs and the `maybe` pairs of the ground truth.
fn ground_truth() -> (PairSet, PairSet) {
    let text = include_str!("translations/ground_truth.tsv");
    let (mut yes, mut maybe) = (PairSet::new(), PairSet::new());
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut fields = line.split('\t');
        let kind = fields.next().unwrap();
        let members: Vec<&str> = fields.collect();
        match kind {
            "family" => pairs_of(&members, &mut yes),
            "maybe" => pairs_of(&members, &mut maybe),
            other => panic!("ground truth: unknown line kind {other}"),
        }
    }
    (yes, maybe)
}

fn site_options(site: &Path) -> Options {
    let config = std::fs::read_to_string(site.join("_config.yml")).unwrap();
    let (options, problems) = Options::from_config(&config);
    assert!(problems.is_empty(), "_config.yml should read: {problems:?}");
    Options {
        languages: options.languages,
        ..Options::default()
    }
}

#[test]
fn found_translations_should_match_the_hand_made_ground_truth() {
    let Some(site) = site() else {
        return;
    };
    let mut all = Vec::new();
    posts(&site.join("_i18n"), &site, &mut all);
    assert_eq!(all.len(), 263, "the site should hold 263 posts and drafts");
    let families = find_translations(&all, &site_options(&site));

    let mut found = PairSet::new();
    for f in &families {
        let langs: HashSet<&str> = f.posts.iter().map(|p| p.lang.as_str()).collect();
        assert_eq!(
            langs.len(),
            f.posts.len(),
            "a family should have one post per language"
        );
        assert!(!f.evidence.is_empty(), "a family should say why");
        let members: Vec<&str> = f.posts.iter().map(|p| p.path.as_str()).collect();
        pairs_of(&members, &mut found);
    }
    let (truth, maybe) = ground_truth();
    let judged: PairSet = found.difference(&maybe).cloned().collect();
    let right = judged.intersection(&truth).count();
    let precision = right as f64 / judged.len().max(1) as f64;
    let recall = right as f64 / truth.len() as f64;
    eprintln!(
        "translations: {} families, {} pairs found ({} judged), {} true; precision {:.3}, recall {:.3}",
        families.len(),
        found.len(),
        judged.len(),
        truth.len(),
        precision,
        recall
    );
    if std::env::var_os("TRANSLATIONS_LIST").is_some() {
        for p in judged.difference(&truth) {
            eprintln!("  wrong: {}  {}", p.0, p.1);
        }
        for p in truth.difference(&judged) {
            eprintln!("  missed: {}  {}", p.0, p.1);
        }
    }
    assert!(
        precision >= PRECISION_FLOOR,
        "precision {precision:.3} fell below {PRECISION_FLOOR}"
    );
    assert!(
        recall >= RECALL_FLOOR,
        "recall {recall:.3} fell below {RECALL_FLOOR}"
    );
}

/// The site ten times over (paths made distinct) should take well under a second: run with
/// `--release` to read the time the page would see.
#[test]
fn thousands_of_posts_should_be_matched_quickly() {
    let Some(site) = site() else {
        return;
    };
    let mut one = Vec::new();
    posts(&site.join("_i18n"), &site, &mut one);
    let many: Vec<(String, String)> = (0..10)
        .flat_map(|k| {
            one.iter()
                .map(move |(p, s)| (p.replace("_posts/", &format!("_posts/{k}/")), s.clone()))
        })
        .collect();
    let start = Instant::now();
    let families = find_translations(&many, &site_options(&site));
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    eprintln!(
        "translations: {} posts in {ms:.0} ms, {} families",
        many.len(),
        families.len()
    );
    assert!(
        !families.is_empty(),
        "the copies should still form families"
    );
    // Generous, as the machine is shared: the number to read is the line above (288 ms measured
    // in release, 1.2 s in a debug build on a quiet machine).
    let limit = if cfg!(debug_assertions) {
        30_000.0
    } else {
        3_000.0
    };
    assert!(ms < limit, "{} posts took {ms:.0} ms", many.len());
}
