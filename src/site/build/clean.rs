//! Which files of an existing `_site` a build removes (Jekyll 4.3.1's `Cleaner#obsolete_files`):
//! every file and folder it finds there that the build does not write (nor needs as a folder of
//! what it writes), but for what `keep_files` keeps (default `.git`, `.svn`; each a prefix of the
//! path from `_site/`, as Jekyll's `keep_file_regex` matches it) and the folders above a kept
//! name; a file where the build needs a folder is removed too. The language builds of
//! jekyll-multiple-languages-plugin each clean their own folder after the default one cleaned
//! the whole `_site/`, so the names of `keep_files` protect paths from `_site/` alone.

use super::super::Site;
use super::SiteBuild;
use crate::value::Value;
use std::collections::BTreeSet;

impl Site {
    /// The paths of `existing` (each path under `_site/`, `/` between folders, and whether it
    /// is a folder) that Jekyll removes before it writes `build`, in path order.
    pub fn obsolete_files(&self, build: &SiteBuild, existing: &[(String, bool)]) -> Vec<String> {
        let keep = keep_files(self.derived.config.get("keep_files"));
        let keep_dirs: BTreeSet<&str> = keep.iter().flat_map(|k| folders_above(k)).collect();
        let written: BTreeSet<&str> = build.files.iter().map(|f| f.path.as_str()).collect();
        let needed: BTreeSet<&str> = written.iter().flat_map(|p| folders_above(p)).collect();
        let mut out: Vec<String> = existing
            .iter()
            .filter(|(path, folder)| {
                let kept = keep.iter().any(|k| path.starts_with(k.as_str()))
                    || keep_dirs.contains(path.as_str());
                let replaced = !folder && needed.contains(path.as_str());
                replaced
                    || !(kept || written.contains(path.as_str()) || needed.contains(path.as_str()))
            })
            .map(|(path, _)| path.clone())
            .collect();
        out.sort();
        out
    }
}

/// `keep_files:`, Jekyll's default when the site sets none.
fn keep_files(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::List(items)) => items
            .iter()
            .map(|i| super::text(Some(i)))
            .filter(|k| !k.is_empty())
            .collect(),
        Some(Value::Null) | None => vec![".git".to_owned(), ".svn".to_owned()],
        Some(other) => vec![super::text(Some(other))],
    }
}

/// The folders above `path`, nearest last: `a/b/c` → `a`, `a/b`.
fn folders_above(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[..i])
}

#[cfg(test)]
mod tests {
    use crate::site::build::BuildOptions;
    use crate::Site;

    fn site(config: &str) -> Site {
        Site::new(
            [
                ("_config.yml", config),
                ("_i18n/en.yml", ""),
                ("about.md", "---\n---\nhi\n"),
                ("css/a.css", "a {}"),
            ]
            .map(|(p, t)| (p.to_owned(), t.to_owned())),
        )
    }

    fn existing() -> Vec<(String, bool)> {
        [
            ("about.html", false),
            ("old.html", false),
            ("css", true),
            ("css/old.css", false),
            ("assets-old", true),
            ("assets-old/x.png", false),
            ("keep", true),
            ("keep/me", true),
            (".git", true),
            (".git/HEAD", false),
            ("robots.txt", true),
        ]
        .map(|(p, d)| (p.to_owned(), d))
        .to_vec()
    }

    #[test]
    fn files_the_build_does_not_write_should_go_but_what_keep_files_keeps() {
        let s = site("languages: [en]\n");
        let build = s.build(&BuildOptions::default());
        assert_eq!(
            s.obsolete_files(&build, &existing()),
            [
                "assets-old",
                "assets-old/x.png",
                "css/old.css",
                "keep",
                "keep/me",
                "old.html"
            ],
            "stale files should go, .git should stay by default, a folder where a file is written should stay (Jekyll writes into it)"
        );
        let s = site("languages: [en]\nkeep_files: [assets, keep/me]\n");
        let build = s.build(&BuildOptions::default());
        assert_eq!(
            s.obsolete_files(&build, &existing()),
            [".git", ".git/HEAD", "css/old.css", "old.html"],
            "keep_files should keep paths it starts (assets-old too) and the folders above them, and replace the default"
        );
    }
}
