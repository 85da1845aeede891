//! Translations at a glance on a big site: a generated site of 3,000 posts in six languages
//! (news items each published in most of them, a seventh of the cells missing, some translations
//! written days before their original), timed natively: finding the families
//! (`find_translations`, which the page runs when a folder opens) and the overview made from them
//! (`stages::translations_overview` with each post's language and date read, what the
//! translations panel asks for).
//!
//! `cargo bench --bench overview`. It writes the site to `target/bench/overview-site/` (each
//! file's modified time set as generated) for `tests/bench/overview.mjs`, which times the same
//! through the npm package. Environment: `POSTVIEW_BENCH_ROUNDS` (default 5), `POSTVIEW_BENCH_DIR`
//! (where `target/bench` is). Run without `--bench` it does one round, as a smoke test.

use postview::{find_translations, stages, Options};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

const LANGUAGES: [&str; 6] = ["en", "ja", "ko", "zh-Hans", "zh-Hant", "de"];
const POSTS: usize = 3000;
const HOUR_MS: u64 = 3_600_000;

/// A generated post: its path, text and modified time (ms since the epoch).
struct Post {
    path: String,
    text: String,
    modified: u64,
}

/// News item `k` in language `l` (index into `LANGUAGES`), when the site has it.
fn post(k: usize, l: usize) -> Option<Post> {
    if (k * 5 + l * 3) % 7 == 0 && l != 0 {
        return None;
    }
    let lang = LANGUAGES[l];
    let day = 1 + k % 28;
    let month = 1 + (k / 28) % 12;
    let year = 2019 + k / (28 * 12);
    let date = format!("{year}-{month:02}-{day:02}");
    let declared = if k % 3 == 0 && l == 0 {
        (1..LANGUAGES.len())
            .filter(|&o| (k * 5 + o * 3) % 7 != 0)
            .map(|o| format!("{0}: _i18n/{0}/_posts/{date}-item-{k}.md\n", LANGUAGES[o]))
            .collect::<String>()
    } else {
        String::new()
    };
    let filler = format!("Paragraph of the {lang} edition about item {k}. ").repeat(12);
    let text = format!(
        "---\nlayout: post\ntitle: Item {k} ({lang})\ndate: {date}\n{declared}---\n\
         ![](/uploads/item-{k}-a.png)\n\n{filler}\n\nSee https://example.org/news/{k} for \
         {} tokens.\n\n![](/uploads/item-{k}-b.png)\n",
        k * 1000 + 37
    );
    // Translations a few days behind their original now and then.
    let behind = if l > 0 && k % 4 == l % 4 { 72 } else { 0 };
    Some(Post {
        path: format!("_i18n/{lang}/_posts/{date}-item-{k}.md"),
        text,
        modified: 1_600_000_000_000 + (k as u64 * 2 + 100) * HOUR_MS - behind * HOUR_MS,
    })
}

fn site() -> Vec<Post> {
    (0..)
        .flat_map(|k| (0..LANGUAGES.len()).filter_map(move |l| post(k, l)))
        .take(POSTS)
        .collect()
}

/// Writes the site for `overview.mjs`, each file's modified time as generated.
fn write_site(dir: &Path, posts: &[Post]) {
    let _ = std::fs::remove_dir_all(dir);
    for p in posts {
        let file = dir.join(&p.path);
        std::fs::create_dir_all(file.parent().expect("a post is in a folder"))
            .expect("target/bench should be writable");
        std::fs::write(&file, &p.text).expect("target/bench should be writable");
        let time = SystemTime::UNIX_EPOCH + Duration::from_millis(p.modified);
        std::fs::File::options()
            .write(true)
            .open(&file)
            .and_then(|f| f.set_modified(time))
            .expect("a written file's time should be settable");
    }
}

fn bench_dir() -> PathBuf {
    std::env::var_os("POSTVIEW_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench"))
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let rounds = match std::env::var("POSTVIEW_BENCH_ROUNDS") {
        Ok(n) => n.parse().expect("POSTVIEW_BENCH_ROUNDS should be a number"),
        Err(_) if benching => 5,
        Err(_) => 1,
    };
    let posts = site();
    write_site(&bench_dir().join("overview-site"), &posts);
    let languages: Vec<String> = LANGUAGES.map(String::from).to_vec();
    let options = Options {
        languages: languages.clone(),
        ..Options::default()
    };
    let sources: Vec<(&str, &str)> = posts
        .iter()
        .map(|p| (p.path.as_str(), p.text.as_str()))
        .collect();
    let (mut families_ms, mut overview_ms) = (Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..rounds {
        let start = Instant::now();
        let families = black_box(find_translations(&sources, &options));
        families_ms.push(start.elapsed().as_secs_f64() * 1e3);
        let start = Instant::now();
        let dated: Vec<_> = posts
            .iter()
            .map(|p| stages::dated(&p.path, &p.text, p.modified as f64, &languages))
            .collect();
        let overview = black_box(stages::translations_overview(&families, &dated, &languages));
        overview_ms.push(start.elapsed().as_secs_f64() * 1e3);
        last = Some((families.len(), overview));
    }
    let (families, overview) = last.expect("at least one round");
    families_ms.sort_by(f64::total_cmp);
    overview_ms.sort_by(f64::total_cmp);
    let median = |v: &[f64]| v[v.len() / 2];
    println!(
        "overview: {} posts in {} languages, {families} families, {} rows, {} missing and {} stale cells; {rounds} rounds",
        posts.len(),
        LANGUAGES.len(),
        overview.rows.len(),
        overview.missing,
        overview.stale
    );
    println!(
        "find_translations  median {:>9.2} ms  min {:>9.2}  max {:>9.2}",
        median(&families_ms),
        families_ms[0],
        families_ms[families_ms.len() - 1]
    );
    println!(
        "overview           median {:>9.2} ms  min {:>9.2}  max {:>9.2}",
        median(&overview_ms),
        overview_ms[0],
        overview_ms[overview_ms.len() - 1]
    );
}
