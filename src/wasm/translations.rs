//! The JavaScript boundary of `postview::translations` and `postview::language`: finding a site's
//! translation families, aligning two translations' blocks, planning the front matter edits that
//! write a family's links, and the site's languages. Only argument checking lives here; every rule
//! is the core's.

use super::{to_js, type_error};
use crate::translations::{links, overview, TranslationFamily};
use crate::{find_translations, language, Options};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A post handed to `findTranslations` or `planTranslationLinks`: its path in the site and its whole text. */
export interface PostSource {
  path: string;
  source: string;
}

/** Options of `findTranslations`. */
export interface TranslationOptions {
  /** The site's languages, in its order (`_config.yml` `languages:`; see `siteLanguages`). Default en, ja, ko, zh-Hans, zh-Hant. Posts in other language folders still count. */
  languages?: string[];
}

export interface TranslationMember {
  /** The post's language: its `_i18n/<lang>/` folder, else its `lang` key. */
  lang: string;
  path: string;
  /** `true` when a front matter key links it with another post of the family; `false` when it was found. */
  declared: boolean;
}

export interface TranslationFamily {
  /** Two or more posts, one per language at most, in the site's language order. */
  posts: TranslationMember[];
  /** Why, in words: e.g. "en ↔ zh-Hans: both link to https://…; 3 shared images (…); dates 2 days apart". */
  evidence: string[];
}

/** A row of `alignBlocks`: a block of the left post, of the right one, or of both (indexes). */
export interface BlockRow {
  left: number | null;
  right: number | null;
}

/** One front matter line that `planTranslationLinks` changes (`before` is null for an added line). */
export interface LineChange {
  /** 1-based, in the file before the change. */
  line: number;
  before: string | null;
  after: string;
}

export interface PostEdit {
  path: string;
  /** The whole new text: the old one with only `changes` made. */
  text: string;
  changes: LineChange[];
  /** Why the post cannot be changed (no closed front matter); `text` is then the old one. */
  error: string | null;
}

/**
 * The translation families among `posts`: declared front matter links, and pairs found from shared
 * images, links, numbers, title names and close dates. Throws a `TypeError` for malformed arguments only.
 */
export function findTranslations(posts: PostSource[], options?: TranslationOptions): TranslationFamily[];

/** Pairs the top-level blocks of two translations (each block's HTML, in order) for reading side by side. */
export function alignBlocks(left: string[], right: string[]): BlockRow[];

/** The edits that write every link of `family` into the front matter of each of its posts in `posts`. */
export function planTranslationLinks(family: TranslationFamily, posts: PostSource[]): PostEdit[];

/** A post handed to `translationsOverview`: `PostSource` with the file's last-modified time. */
export interface DatedPostSource extends PostSource {
  /** Milliseconds since the epoch (`File.lastModified`). */
  modified: number;
}

/** One language of an overview row: a post as new as the family's newest, an older one, or none. */
export interface OverviewCell {
  lang: string;
  state: "present" | "stale" | "missing";
  /** The post, unless missing. */
  path: string | null;
  /** `true` when a front matter key links the post with its family; `false` when it was found. */
  declared: boolean;
}

/** A family (or a post without translations): a cell per language of the overview. */
export interface OverviewRow {
  cells: OverviewCell[];
  /** Why the posts are one family (found families), as `findTranslations` says it. */
  evidence: string[];
  /** The newest member: the one the others are measured against. */
  newest: string;
}

/** Every family × the site's languages. */
export interface TranslationsOverview {
  /** The site's languages in order, then any other a post is in. */
  languages: string[];
  /** Newest first. */
  rows: OverviewRow[];
  missing: number;
  stale: number;
}

/**
 * Translations at a glance: `families` (from `findTranslations` over the same posts) and every post
 * without one, against the site's languages. "Stale" is older than the family's newest member by
 * `modified` (within a minute counts as the same time), then by the front matter date.
 */
export function translationsOverview(posts: DatedPostSource[], families: TranslationFamily[], options?: TranslationOptions): TranslationsOverview;

/** The languages a site's `_config.yml` lists (`languages:`), or null. */
export function siteLanguages(configYml: string): string[] | null;
"#;

#[derive(Deserialize)]
struct PostSource {
    path: String,
    source: String,
}

fn read_posts(js: JsValue, function: &str) -> Result<Vec<(String, String)>, JsValue> {
    let posts: Vec<PostSource> = serde_wasm_bindgen::from_value(js).map_err(|e| {
        type_error(&format!(
            "{function}: posts should be an array of {{ path, source }} strings: {e}"
        ))
    })?;
    Ok(posts.into_iter().map(|p| (p.path, p.source)).collect())
}

fn read_languages(options: &JsValue, function: &str) -> Result<Options, JsValue> {
    let mut core = Options::default();
    if options.is_undefined() || options.is_null() {
        return Ok(core);
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(type_error(&format!(
            "{function}: options should be an object like {{ languages }}"
        )));
    }
    let languages = js_sys::Reflect::get(options, &JsValue::from_str("languages"))
        .unwrap_or(JsValue::UNDEFINED);
    if !languages.is_undefined() && !languages.is_null() {
        core.languages = serde_wasm_bindgen::from_value(languages).map_err(|_| {
            type_error(&format!(
                "{function}: options.languages should be an array of strings"
            ))
        })?;
    }
    Ok(core)
}

/// See the TypeScript declaration above.
#[wasm_bindgen(js_name = findTranslations, skip_typescript)]
pub fn find_translations_js(posts: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let posts = read_posts(posts, "findTranslations")?;
    let options = read_languages(&options, "findTranslations")?;
    to_js(&find_translations(&posts, &options))
}

#[derive(Deserialize)]
struct DatedSource {
    path: String,
    source: String,
    modified: f64,
}

/// See the TypeScript declaration above.
#[wasm_bindgen(js_name = translationsOverview, skip_typescript)]
pub fn translations_overview_js(
    posts: JsValue,
    families: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let posts: Vec<DatedSource> = serde_wasm_bindgen::from_value(posts).map_err(|e| {
        type_error(&format!(
            "translationsOverview: posts should be an array of {{ path, source, modified }}: {e}"
        ))
    })?;
    let families: Vec<TranslationFamily> =
        serde_wasm_bindgen::from_value(families).map_err(|e| {
            type_error(&format!(
                "translationsOverview: families should be findTranslations' result: {e}"
            ))
        })?;
    let options = read_languages(&options, "translationsOverview")?;
    let dated: Vec<_> = posts
        .iter()
        .map(|p| overview::dated(&p.path, &p.source, p.modified, &options.languages))
        .collect();
    to_js(&overview::overview(&families, &dated, &options.languages))
}

/// See the TypeScript declaration above.
#[wasm_bindgen(js_name = planTranslationLinks, skip_typescript)]
pub fn plan_translation_links_js(family: JsValue, posts: JsValue) -> Result<JsValue, JsValue> {
    let family: TranslationFamily = serde_wasm_bindgen::from_value(family).map_err(|e| {
        type_error(&format!(
            "planTranslationLinks: family should be a TranslationFamily ({{ posts: [{{ lang, path }}] }}): {e}"
        ))
    })?;
    let posts = read_posts(posts, "planTranslationLinks")?;
    let source = |path: &str| {
        posts
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, s)| s.as_str())
    };
    to_js(&links::plan(&family, source))
}

/// See the TypeScript declaration above.
#[wasm_bindgen(js_name = siteLanguages, skip_typescript)]
pub fn site_languages_js(config_yml: &str) -> Result<JsValue, JsValue> {
    to_js(&language::site_languages(config_yml))
}
