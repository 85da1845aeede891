//! The one home of the rules about languages: which language a post is in, which languages a site
//! has and in what order, and where a post sits in the site. The renderer, the page (through the
//! wasm exports in `src/wasm/translations.rs`) and the translation finder all ask here.
//!
//! It follows the site's multiple-languages plugin (jekyll-multiple-languages-plugin): a post of
//! `_i18n/<lang>/_posts/` is published in `<lang>`, and `_config.yml` `languages:` lists the site's
//! languages, its first being the default.

use crate::value::{Map, Value};

/// The languages the site publishes in when the caller does not say.
const DEFAULT_LANGUAGES: [&str; 5] = ["en", "ja", "ko", "zh-Hans", "zh-Hant"];

/// `_i18n/de/_posts/x.md` → `de`: the language folder of a path (from the site root, or with
/// folders before `_i18n`), whatever the site's list says. The plugin reads `_i18n/<lang>/_posts`
/// for any name in `languages:`, so any folder name counts but Jekyll's own (`_posts`,
/// dot-files); `_i18n/en.yml` is a strings file, no folder.
pub fn folder_language(path: &str) -> Option<&str> {
    let mut segments = path.split(['/', '\\']);
    segments.find(|&s| s == "_i18n")?;
    let lang = segments.next()?;
    segments.next()?;
    (!lang.is_empty() && !lang.starts_with(['_', '.'])).then_some(lang)
}

/// The language build that reads the post at `path`: its `_i18n/<lang>/` folder, else the
/// site's default (first) language.
pub fn build_language(path: &str, languages: &[String]) -> String {
    folder_language(path)
        .map(str::to_owned)
        .or_else(|| languages.first().cloned())
        .unwrap_or_default()
}

/// The language of a path: its `_i18n/<lang>/` folder, else the first path segment that is one of
/// `languages` (for folders laid out as `ja/_posts/…`).
pub fn path_language<'a>(path: &'a str, languages: &[String]) -> Option<&'a str> {
    folder_language(path).or_else(|| {
        path.split(['/', '\\'])
            .find(|seg| languages.iter().any(|l| l == seg))
    })
}

/// The language a post is published in: the folder it sits in, else its `lang` key. The folder
/// wins because it is what places the post in a language's pages; the `lang` key is often a copy
/// of another post's (8 posts of the corpus say `zh-Hans` in the `en` folder).
pub fn post_language(fm: &Map, path: Option<&str>, languages: &[String]) -> Option<String> {
    if let Some(lang) = path.and_then(|p| path_language(p, languages)) {
        return Some(lang.to_owned());
    }
    lang_key(fm)
}

/// The `lang` front matter key, when it names something.
pub fn lang_key(fm: &Map) -> Option<String> {
    match fm.get("lang")? {
        Value::Null | Value::List(_) | Value::Map(_) => None,
        other => Some(other.to_liquid_string()).filter(|l| !l.is_empty()),
    }
}

/// The front matter keys that name translations of a post: the site's languages, then the
/// language folder of its path and any key that looks like a language code and holds a post's
/// path or nothing (`de: _i18n/de/…md`, `es: []`), in the order written. Posts in languages beyond
/// the site's list are read like the others.
pub fn translation_keys(fm: &Map, path: Option<&str>, site: &[String]) -> Vec<String> {
    let mut list: Vec<String> = site.to_vec();
    let mut add = |code: &str| {
        if !list.iter().any(|l| l == code) {
            list.push(code.to_owned());
        }
    };
    if let Some(code) = path.and_then(folder_language) {
        add(code);
    }
    for (key, value) in fm.iter() {
        if is_language_code(key) && names_a_post(value) {
            add(key);
        }
    }
    list
}

/// A path to a Markdown file, or an empty value (the site writes `[]` or `''` for "none").
fn names_a_post(value: &Value) -> bool {
    match value {
        Value::String(s) => {
            let s = s.trim();
            s.is_empty() || s.ends_with(".md") || s.ends_with(".markdown")
        }
        Value::List(items) => items.is_empty(),
        Value::Null => true,
        _ => false,
    }
}

/// `de`, `pt-BR`, `zh-Hant`: two or three lower-case letters, then subtags.
pub fn is_language_code(key: &str) -> bool {
    let mut parts = key.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// `_config.yml` `languages:` as the multiple-languages plugin reads it, each item as Ruby's
/// `to_s` writes it; `None` when the key is missing, not a list, or lists nothing.
pub fn configured_languages(config: &Map) -> Option<Vec<String>> {
    let Some(Value::List(items)) = config.get("languages") else {
        return None;
    };
    let list: Vec<String> = items
        .iter()
        .map(crate::ruby::to_string)
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    (!list.is_empty()).then_some(list)
}

/// The site's languages from the text of its `_config.yml` (`languages: ["en", "ja"]`), if it
/// lists any; `None` when the file cannot be read as YAML or has no such list.
#[cfg(any(target_arch = "wasm32", test))]
pub fn site_languages(config_yml: &str) -> Option<Vec<String>> {
    let (map, issues) = crate::front_matter::parse(config_yml);
    if !issues.is_empty() {
        return None;
    }
    configured_languages(&map)
}

/// The languages a site is built in, in order, its default first: `languages:` of its
/// `_config.yml`, else the default list.
pub fn build_languages(config: &Map) -> Vec<String> {
    configured_languages(config).unwrap_or_else(default_languages)
}

/// Every language code a site's posts may name a translation by: `build_languages`, then each
/// `_i18n/<lang>/` folder among `paths`, then the default list, without repeats.
pub fn known_languages<'a>(config: &Map, paths: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out = configured_languages(config).unwrap_or_default();
    let mut add = |l: &str| {
        if !out.iter().any(|o| o == l) {
            out.push(l.to_owned());
        }
    };
    paths
        .into_iter()
        .filter_map(folder_language)
        .for_each(&mut add);
    DEFAULT_LANGUAGES.iter().for_each(|l| add(l));
    out
}

/// The languages of the default site, as `Options` starts with them.
pub fn default_languages() -> Vec<String> {
    DEFAULT_LANGUAGES.iter().map(|l| (*l).to_owned()).collect()
}

/// Sorts language codes the site's way: those of `site` in its order, then the others
/// alphabetically. Repeats are dropped.
pub fn sort_languages(codes: &mut Vec<String>, site: &[String]) {
    crate::sort::by(codes, |a, b| {
        rank(a, site).cmp(&rank(b, site)).then_with(|| a.cmp(b))
    });
    codes.dedup();
}

/// Where `code` goes in the site's order: its index, or after all of the site's.
pub fn rank(code: &str, site: &[String]) -> usize {
    site.iter().position(|l| l == code).unwrap_or(site.len())
}

/// A path as the site names it in front matter: `site/_i18n/ja/_posts/x.md` →
/// `_i18n/ja/_posts/x.md`. Paths without an `_i18n` folder stay as they are, minus a leading
/// `./` or `/`.
pub fn site_path(path: &str) -> &str {
    let path = path.trim_start_matches("./").trim_start_matches('/');
    if path.starts_with("_i18n/") {
        return path;
    }
    match path.find("/_i18n/") {
        Some(at) => &path[at + 1..],
        None => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_folder_should_decide_over_the_lang_key() {
        let mut fm = Map::new();
        fm.insert("lang".into(), Value::from("zh-Hans"));
        let got = post_language(&fm, Some("site/_i18n/en/_posts/x.md"), &default_languages());
        assert_eq!(got.as_deref(), Some("en"));
        assert_eq!(
            post_language(&fm, None, &default_languages()).as_deref(),
            Some("zh-Hans"),
            "without a path the key should be read"
        );
    }

    #[test]
    fn a_folder_beyond_the_list_should_still_name_its_language() {
        assert_eq!(folder_language("_i18n/de/_posts/x.md"), Some("de"));
        assert_eq!(folder_language("_i18n/_posts/x.md"), None);
        assert_eq!(
            folder_language("_i18n/en.yml"),
            None,
            "a strings file should not be a folder"
        );
        assert_eq!(
            folder_language("site\\_i18n\\ja\\_posts\\x.md"),
            Some("ja"),
            "a Windows path below a folder should name its language"
        );
        assert_eq!(
            path_language("es/_posts/x.md", &langs(&["en", "es"])),
            Some("es"),
            "a bare language folder should count when the site lists it"
        );
    }

    #[test]
    fn site_languages_should_come_from_the_config() {
        let config = "title: News\nlanguages: [\"en\", \"ja\", \"de\"]\nexclude: [a]\n";
        assert_eq!(site_languages(config), Some(langs(&["en", "ja", "de"])));
        assert_eq!(site_languages("title: x\n"), None);
    }

    #[test]
    fn sorting_should_follow_the_site_then_the_alphabet() {
        let mut codes = langs(&["es", "zh-Hans", "de", "en", "ja"]);
        sort_languages(&mut codes, &langs(&["en", "ja", "zh-Hans"]));
        assert_eq!(codes, langs(&["en", "ja", "zh-Hans", "de", "es"]));
    }

    #[test]
    fn site_path_should_start_at_i18n() {
        assert_eq!(
            site_path("site/_i18n/ja/_posts/x.md"),
            "_i18n/ja/_posts/x.md"
        );
        assert_eq!(site_path("./_posts/x.md"), "_posts/x.md");
    }
}
