//! The page's questions about languages and files (its build only, with or without the site
//! module): the language of a post, language codes in the site's order, which files are posts.
//! The rules are `postview::language`'s and `postview::reader`'s.

use crate::language;
use wasm_bindgen::prelude::*;

/// The language a post at `path` is published in: its folder, else its `lang` key.
#[wasm_bindgen(js_name = postLanguage)]
pub fn post_language(path: &str, source: &str, languages: Vec<String>) -> Option<String> {
    let parts = crate::front_matter::split(source);
    let fm = parts
        .yaml
        .map(|range| crate::front_matter::parse(&source[range]).0)
        .unwrap_or_default();
    language::post_language(&fm, Some(path), &languages)
}

/// `codes` sorted the site's way (`site` first, in its order; others alphabetically).
#[wasm_bindgen(js_name = sortLanguages)]
pub fn sort_languages(codes: Vec<String>, site: Vec<String>) -> Vec<String> {
    let mut codes = codes;
    language::sort_languages(&mut codes, &site);
    codes
}

/// `site/_i18n/ja/_posts/x.md` → `_i18n/ja/_posts/x.md`.
#[wasm_bindgen(js_name = sitePath)]
pub fn site_path(path: &str) -> String {
    language::site_path(path).to_owned()
}

/// Whether a file the user opens at `path` (as the browser names it, folders before the site
/// root included) is a post to list: Markdown by Jekyll's `markdown_ext`, and either a post
/// or draft by Jekyll's reader or a file that opens with front matter.
#[wasm_bindgen(js_name = opensAsPost)]
pub fn opens_as_post(path: &str, text: &str) -> bool {
    let reader = crate::reader::Reader::default();
    let parts = crate::front_matter::split(&crate::source_text(text));
    reader.is_markdown(path)
        && (reader.is_post(language::site_path(path)) || parts.yaml.is_some() || parts.unclosed)
}

/// Whether a file name is Markdown by Jekyll's default `markdown_ext`: the files worth
/// reading when a folder is opened.
#[wasm_bindgen(js_name = isMarkdown)]
pub fn is_markdown(path: &str) -> bool {
    crate::reader::Reader::default().is_markdown(path)
}

/// The site's default languages, in order.
#[wasm_bindgen(js_name = defaultLanguages)]
pub fn default_languages() -> Vec<String> {
    language::default_languages()
}

/// What the problem of diagnostic code `code` is, in interface language `lang`
/// (`diagnostic::localized`); undefined for English and for codes without a line.
#[wasm_bindgen(js_name = describeProblem)]
pub fn describe_problem(code: &str, lang: &str) -> Option<String> {
    let code = crate::Code::ALL.iter().find(|c| c.as_str() == code)?;
    crate::diagnostic::localized::about_in(*code, lang).map(str::to_owned)
}
