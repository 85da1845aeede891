//! Drafts in the browser's localStorage: one per post and language, so that a reload or a crashed
//! tab loses no word, and each translation keeps its own unsaved text.
//!
//! A post is named by an id the page chooses (its path in the site, or the demo's id); the key is
//! `postview:draft:<lang>:<id>`, the language first because it never holds a `:`.

use gloo_storage::{LocalStorage, Storage};

const PREFIX: &str = "postview:draft:";

fn key(id: &str, lang: &str) -> String {
    format!("{PREFIX}{lang}:{id}")
}

/// Saves `text` as the draft of `id` in `lang`. Fails when storage is full or switched off.
pub fn save(id: &str, lang: &str, text: &str) -> Result<(), String> {
    LocalStorage::set(key(id, lang), text).map_err(|e| e.to_string())
}

/// The draft of `id` in `lang`, if one is saved.
pub fn load(id: &str, lang: &str) -> Option<String> {
    LocalStorage::get(key(id, lang)).ok()
}

/// Forgets the draft of `id` in `lang`.
pub fn remove(id: &str, lang: &str) {
    LocalStorage::delete(key(id, lang));
}

/// Every saved draft, as `(id, lang)`.
pub fn list() -> Vec<(String, String)> {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| {
            let (lang, id) = k.strip_prefix(PREFIX)?.split_once(':')?;
            Some((id.to_owned(), lang.to_owned()))
        })
        .collect()
}
