//! The one home of "what is this file of a site": a post, a draft, a page, a static file, a data
//! file, a layout, an include, or nothing Jekyll reads. `Site`, the folder the page opens,
//! `postview check` and the page's JS (through the wasm exports) all ask here.
//!
//! Reference: Jekyll 4.3.1's readers. `EntryFilter#filter` drops entries whose name starts with
//! `.`, `_`, `#` or `~`, ends with `~`, or matches `exclude` (Jekyll's default excludes added to
//! the site's), unless `include` names them (`.htaccess` by default); `Reader#read_directories`
//! walks the folders that pass, reading `<dir>/_posts` (`PostReader`, file names
//! `YYYY-MM-DD-title.ext`, `Document::DATE_FILENAME_MATCHER`) and `<dir>/_drafts` (any name with
//! an extension) in each; a file with front matter is a page, one without a static file;
//! `DataReader` reads `_data/**/*.{yaml,yml,json,csv,tsv}`. jekyll-multiple-languages-plugin adds
//! `_i18n/<lang>/_posts` (and `_drafts`) and the strings files `_i18n/<lang>.yml`. Which posts are
//! Markdown is `markdown_ext` (`markdown,mkdown,mkdn,mkd,md`).

use crate::value::{Map, Value};
use std::borrow::Cow;

/// What Jekyll makes of a file of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `_config.yml`.
    Config,
    /// A post of a `_posts` folder.
    Post,
    /// A post of a `_drafts` folder (published with `--drafts` only).
    Draft,
    /// A file with front matter outside the underscore folders: rendered.
    Page,
    /// A file without front matter outside the underscore folders: copied as it is.
    Static,
    /// A file of `_data`.
    Data,
    /// A file of `_layouts`.
    Layout,
    /// A file of `_includes`.
    Include,
    /// `_i18n/<lang>.yml`: the multiple-languages plugin's strings.
    Strings,
    /// Nothing Jekyll reads (an underscore or dot entry, a backup, an excluded path).
    Skipped,
}

/// Jekyll's default `exclude`, which it adds to the site's own.
const DEFAULT_EXCLUDES: &[&str] = &[
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
];

/// The extensions `DataReader` reads.
const DATA_EXTENSIONS: &[&str] = &["yaml", "yml", "json", "csv", "tsv"];

/// A site's reading rules: its `include`, `exclude` and `markdown_ext`. Jekyll's defaults are
/// borrowed, not copied: `render_post` makes one per call to ask whether its path is a post.
#[derive(Clone, Debug, PartialEq)]
pub struct Reader {
    include: Vec<Cow<'static, str>>,
    exclude: Vec<Cow<'static, str>>,
    markdown_ext: Vec<Cow<'static, str>>,
}

/// Jekyll's `markdown_ext`, as a site that does not set it has it.
const DEFAULT_MARKDOWN_EXT: &[&str] = &["markdown", "mkdown", "mkdn", "mkd", "md"];

impl Default for Reader {
    fn default() -> Self {
        Reader::new(&Map::new())
    }
}

impl Reader {
    /// The rules of a site's `_config.yml` (Jekyll's defaults for what it does not set).
    pub fn new(config: &Map) -> Reader {
        let list = |key: &str| -> Option<Vec<Cow<'static, str>>> {
            match config.get(key)? {
                Value::List(items) => Some(
                    items
                        .iter()
                        .map(|v| Cow::Owned(crate::ruby::to_string(v)))
                        .collect(),
                ),
                Value::String(s) => Some(vec![Cow::Owned(s.clone())]),
                _ => None,
            }
        };
        let mut exclude = list("exclude").unwrap_or_default();
        exclude.extend(DEFAULT_EXCLUDES.iter().map(|e| Cow::Borrowed(*e)));
        let markdown_ext = match config.get("markdown_ext") {
            Some(v) => crate::ruby::to_string(v)
                .split(',')
                .map(|e| e.trim().to_ascii_lowercase())
                .filter(|e| !e.is_empty())
                .map(Cow::Owned)
                .collect(),
            None => DEFAULT_MARKDOWN_EXT
                .iter()
                .map(|e| Cow::Borrowed(*e))
                .collect(),
        };
        Reader {
            include: list("include").unwrap_or_else(|| vec![Cow::Borrowed(".htaccess")]),
            exclude,
            markdown_ext,
        }
    }

    /// What the file at `path` (from the site root, `/` between folders) is; `front_matter`:
    /// whether its text starts with front matter (it tells a page from a static file).
    pub fn kind(&self, path: &str, front_matter: bool) -> Kind {
        let path = path.trim_start_matches("./");
        if let Some(kind) = self.publishable(path) {
            return kind;
        }
        let segments: Vec<&str> = path.split('/').collect();
        let ext = extension(path);
        match segments[0] {
            "_config.yml" if segments.len() == 1 => Kind::Config,
            "_layouts" if segments.len() > 1 => Kind::Layout,
            "_includes" if segments.len() > 1 => Kind::Include,
            "_data" if segments.len() > 1 && DATA_EXTENSIONS.contains(&ext.as_str()) => Kind::Data,
            "_i18n" if segments.len() == 2 && ext == "yml" => Kind::Strings,
            _ if !self.walked(&segments) => Kind::Skipped,
            _ if front_matter => Kind::Page,
            _ => Kind::Static,
        }
    }

    /// Whether the file at `path` is a post or a draft (by its path alone).
    pub fn is_post(&self, path: &str) -> bool {
        matches!(
            self.publishable(path.trim_start_matches("./")),
            Some(Kind::Post | Kind::Draft)
        )
    }

    /// Whether Jekyll converts the file at `path` as Markdown (`markdown_ext`).
    pub fn is_markdown(&self, path: &str) -> bool {
        let ext = extension(path);
        self.markdown_ext.iter().any(|e| *e == ext)
    }

    /// A post or draft folder's file: `Some(Post | Draft)` when the name passes the matcher and
    /// the filter, `Some(Skipped)` when it does not, `None` outside such folders.
    fn publishable(&self, path: &str) -> Option<Kind> {
        let segments: Vec<&str> = path.split('/').collect();
        let at = segments
            .iter()
            .position(|s| *s == "_posts" || *s == "_drafts")?;
        let dir = &segments[..at];
        let plugin_folder = dir.len() == 2 && dir[0] == "_i18n";
        if !plugin_folder && !self.walked(dir) {
            return None;
        }
        let entry = &segments[at + 1..];
        if entry.is_empty() {
            return None;
        }
        let base = segments[..=at].join("/");
        let filtered = (0..entry.len()).any(|i| {
            let relative = entry[..=i].join("/");
            self.filtered(entry[i], &format!("{base}/{relative}"))
        });
        let name = entry[entry.len() - 1];
        let matches = if segments[at] == "_posts" {
            dated_name(name)
        } else {
            name.contains('.') && !name.ends_with('.')
        };
        Some(match (filtered || !matches, segments[at]) {
            (true, _) => Kind::Skipped,
            (false, "_posts") => Kind::Post,
            (false, _) => Kind::Draft,
        })
    }

    /// Whether the reader walks down to (and reads) every one of `segments`, each a folder in
    /// the one before it, from the root.
    fn walked(&self, segments: &[&str]) -> bool {
        (0..segments.len()).all(|i| !self.filtered(segments[i], &segments[..=i].join("/")))
    }

    /// `EntryFilter#filter` for one entry: `name`, at `relative` from the site root.
    fn filtered(&self, name: &str, relative: &str) -> bool {
        if name.is_empty() || name.ends_with('.') {
            return true;
        }
        let included = self.include.iter().any(|p| glob_includes(p, name));
        let excluded = self
            .exclude
            .iter()
            .filter(|p| !self.include.contains(p))
            .any(|p| glob_includes(p, relative));
        if excluded && !included {
            return true;
        }
        if included {
            return false;
        }
        name.starts_with(['.', '_', '#', '~']) || name.ends_with('~')
    }
}

/// Jekyll's `Utils.has_yaml_header?`: whether the file's first line is `---` and white space,
/// which makes a file outside the underscore folders a page rather than a static file.
pub fn has_front_matter(text: &str) -> bool {
    let first = text.split_inclusive('\n').next().unwrap_or("");
    first.ends_with('\n')
        && first
            .strip_prefix("---")
            .is_some_and(|rest| rest.chars().all(crate::ctype::is_ruby_space_char))
}

/// `EntryFilter#glob_include?` for one pattern: a glob match, a path under the pattern, or the
/// pattern naming the entry's folder with a trailing `/`.
fn glob_includes(pattern: &str, entry: &str) -> bool {
    let pattern = pattern.trim_start_matches("./").trim_start_matches('/');
    glob(pattern.as_bytes(), entry.as_bytes())
        || entry.starts_with(pattern)
        || pattern.strip_suffix('/') == Some(entry)
}

/// Ruby's `File.fnmatch?` without flags, for `*` (any run, `/` included) and `?`.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == b'?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

/// `Document::DATE_FILENAME_MATCHER` on a file name: `YYYY-M-D-` (two to four digits of year,
/// one or two of month and day), a title, and an extension.
fn dated_name(name: &str) -> bool {
    let mut parts = name.splitn(4, '-');
    let digits = |s: Option<&str>, lengths: std::ops::RangeInclusive<usize>| {
        s.is_some_and(|s| lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
    };
    let date =
        digits(parts.next(), 2..=4) && digits(parts.next(), 1..=2) && digits(parts.next(), 1..=2);
    date && parts
        .next()
        .and_then(|rest| rest.rsplit_once('.'))
        .is_some_and(|(_, ext)| !ext.is_empty())
}

/// The file's extension, lower case (`""` without one).
fn extension(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(yaml: &str) -> Map {
        crate::front_matter::parse(yaml).0
    }

    /// `tests/fixtures/reader/cases.tsv`, filled by a real `jekyll build` (its `oracle.py`).
    #[test]
    fn every_case_should_be_read_as_the_real_jekyll_reads_it() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/reader/cases.tsv"
        );
        let text = std::fs::read_to_string(path).expect("the reader fixture should be there");
        let yaml: String = text
            .lines()
            .filter_map(|l| l.strip_prefix("# config: "))
            .map(|l| format!("{l}\n"))
            .collect();
        let reader = Reader::new(&config(&yaml));
        let mut cases = 0;
        let mut wrong = Vec::new();
        for line in text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let [path, front, want] = line.split('\t').collect::<Vec<_>>()[..] else {
                panic!("a case should have three columns: {line:?}");
            };
            let got = match reader.kind(path, front == "yes") {
                Kind::Post => "Post",
                Kind::Draft => "Draft",
                Kind::Page => "Page",
                Kind::Static => "Static",
                Kind::Skipped => "Skipped",
                other => panic!("{path}: {other:?} is not a kind the fixture lists"),
            };
            cases += 1;
            if got != want {
                wrong.push(format!("{path}: {got}, Jekyll: {want}"));
            }
        }
        assert!(cases > 30, "the fixture should list its cases ({cases})");
        assert!(
            wrong.is_empty(),
            "each file should be read as Jekyll reads it:\n{}",
            wrong.join("\n")
        );
    }

    #[test]
    fn posts_should_need_a_dated_name_in_a_posts_folder() {
        let r = Reader::default();
        for (path, kind) in [
            ("_posts/2021-01-20-hello.md", Kind::Post),
            ("_i18n/ja/_posts/2021-01-20-hello.md", Kind::Post),
            ("blog/_posts/2021-1-2-hello.html", Kind::Post),
            ("_posts/sub/2021-01-20-hello.md", Kind::Post),
            ("_posts/hello.md", Kind::Skipped),
            ("_posts/2021-01-20-hello", Kind::Skipped),
            ("_posts/.2021-01-20-hello.md", Kind::Skipped),
            ("_posts/_2021-01-20-hello.md", Kind::Skipped),
            ("_posts/2021-01-20-hello.md~", Kind::Skipped),
            ("_drafts/hello.md", Kind::Draft),
            ("_i18n/en/_drafts/hello.md", Kind::Draft),
        ] {
            assert_eq!(r.kind(path, true), kind, "{path} should be {kind:?}");
        }
        assert!(
            !r.is_post("_hidden/_posts/2021-01-20-x.md"),
            "a posts folder inside an underscore folder the reader skips should not be read"
        );
    }

    #[test]
    fn other_files_should_be_pages_static_files_or_jekylls_own() {
        let r = Reader::default();
        for (path, front_matter, kind) in [
            ("about.md", true, Kind::Page),
            ("img/a.png", false, Kind::Static),
            ("_config.yml", false, Kind::Config),
            ("_layouts/post.html", true, Kind::Layout),
            ("_includes/nav.html", false, Kind::Include),
            ("_data/menu/main.yml", false, Kind::Data),
            ("_data/people.csv", false, Kind::Data),
            ("_data/readme.txt", false, Kind::Skipped),
            ("_i18n/ja.yml", false, Kind::Strings),
            ("_site/index.html", true, Kind::Skipped),
            (".git/config", false, Kind::Skipped),
            ("node_modules/x/index.md", true, Kind::Skipped),
            ("vendor/bundle/x.md", true, Kind::Skipped),
            ("#notes.md", true, Kind::Skipped),
            (".htaccess", false, Kind::Static),
        ] {
            assert_eq!(
                r.kind(path, front_matter),
                kind,
                "{path} should be {kind:?}"
            );
        }
    }

    #[test]
    fn the_sites_include_and_exclude_should_decide_over_the_name() {
        let r = Reader::new(&config(
            "include: [_pages, .well-known]\nexclude: [drafts, '*.txt', docs/]\n",
        ));
        for (path, kind) in [
            ("_pages/a.md", Kind::Page),
            (".well-known/x", Kind::Static),
            (".htaccess", Kind::Skipped),
            ("drafts/a.md", Kind::Skipped),
            ("notes.txt", Kind::Skipped),
            ("docs/a.md", Kind::Skipped),
            ("docsite/a.md", Kind::Page),
            ("draftsold/a.md", Kind::Skipped),
            ("Gemfile", Kind::Skipped),
            ("a.md", Kind::Page),
        ] {
            let front_matter = path.ends_with(".md");
            assert_eq!(
                r.kind(path, front_matter),
                kind,
                "{path} should be {kind:?}"
            );
        }
    }

    #[test]
    fn markdown_should_follow_markdown_ext() {
        let r = Reader::default();
        assert!(r.is_markdown("_posts/2021-01-01-a.MD") && r.is_markdown("a.mkdn"));
        assert!(
            !r.is_markdown("a.mdown") && !r.is_markdown("a.html"),
            "only Jekyll's default extensions should be Markdown"
        );
        let r = Reader::new(&config("markdown_ext: \"md, txt\"\n"));
        assert!(
            r.is_markdown("a.txt") && !r.is_markdown("a.markdown"),
            "the site's own list should replace the default"
        );
    }
}
