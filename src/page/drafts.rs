//! Drafts in the browser's localStorage: one per folder, post and language, so that a reload or a
//! crashed tab loses no word, each translation keeps its own unsaved text, and a draft made in one
//! site folder is never taken for the file at the same path in another.
//!
//! A draft is named by a [`Name`]: the folder (an id from [`folder_id`], or `""` for posts of no
//! folder: the demo, files opened one by one, drafts from before drafts had folders), the post
//! (an id the page chooses: its path in the site, or the demo's id) and the language. The key is
//! `postview:draft@<folder>:<lang>:<id>`; a folder id holds neither `:` nor `@`, and a language
//! never holds a `:`. Keys of the older form `postview:draft:<lang>:<id>` are read as folder `""`.
//!
//! Each value is the text as a JSON string. A value that is not (storage written by hand, by
//! another program, or cut short) is never dropped: [`load`] hands its raw text back as
//! [`Stored::Damaged`], for the page to show and say so.
//!
//! While a draft is rendered, a marker names it ([`rendering`]): a render that traps the module
//! (or kills the tab) leaves it set, and the next start opens that draft as text, unrendered.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

const PREFIX: &str = "postview:draft@";
const OLD_PREFIX: &str = "postview:draft:";
const RENDERING: &str = "postview:rendering";

/// Which draft: its folder, its post and its language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name {
    /// The folder's id (`folder_id`), or `""` for a post of no folder.
    pub folder: String,
    /// The post: its path in the site, or the id the page gives it.
    pub id: String,
    /// The post's language.
    pub lang: String,
}

impl Name {
    /// The name of the draft of `id` in `lang` of `folder`.
    pub fn new(folder: &str, id: &str, lang: &str) -> Name {
        Name {
            folder: folder.to_owned(),
            id: id.to_owned(),
            lang: lang.to_owned(),
        }
    }

    fn key(&self) -> String {
        if self.folder.is_empty() {
            // Drafts of no folder keep the older key, which such drafts already have.
            format!("{OLD_PREFIX}{}:{}", self.lang, self.id)
        } else {
            format!("{PREFIX}{}:{}:{}", self.folder, self.lang, self.id)
        }
    }

    /// The name a storage key gives, if it is a draft's.
    pub fn of_key(key: &str) -> Option<Name> {
        if let Some(rest) = key.strip_prefix(PREFIX) {
            let (folder, rest) = rest.split_once(':')?;
            let (lang, id) = rest.split_once(':')?;
            return Some(Name::new(folder, id, lang));
        }
        let (lang, id) = key.strip_prefix(OLD_PREFIX)?.split_once(':')?;
        Some(Name::new("", id, lang))
    }
}

/// What storage holds for a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// The draft as it was saved.
    Text(String),
    /// Not a JSON string: the raw value, as it is stored.
    Damaged(String),
}

/// Saves `text` as the draft `name`. Fails when storage is full or switched off.
pub fn save(name: &Name, text: &str) -> Result<(), String> {
    LocalStorage::set(name.key(), text).map_err(|e| e.to_string())
}

/// The draft `name`, if one is stored.
pub fn load(name: &Name) -> Option<Stored> {
    let raw = LocalStorage::raw().get_item(&name.key()).ok().flatten()?;
    Some(
        match js_sys::JSON::parse(&raw).ok().and_then(|v| v.as_string()) {
            Some(text) => Stored::Text(text),
            None => Stored::Damaged(raw),
        },
    )
}

/// Forgets the draft `name`.
pub fn remove(name: &Name) {
    LocalStorage::delete(name.key());
}

/// Every stored draft.
pub fn list() -> Vec<Name> {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| Name::of_key(&k))
        .collect()
}

/// Marks `name` as being rendered (`Some`), or the render as done (`None`). Best effort: with
/// storage full the marker may not be kept, and a trap then goes unremembered.
pub fn rendering(name: Option<&Name>) {
    match name {
        // The marker holds the draft's key.
        Some(name) => {
            let _ = LocalStorage::raw().set_item(RENDERING, &name.key());
        }
        None => LocalStorage::delete(RENDERING),
    }
}

/// The draft whose render never finished (the module trapped, or the tab died), if one did not;
/// the marker is cleared.
pub fn take_unfinished() -> Option<Name> {
    let raw = LocalStorage::raw().get_item(RENDERING).ok().flatten()?;
    LocalStorage::delete(RENDERING);
    Name::of_key(&raw)
}

/// A folder's id for drafts: `<name>~<hash>`, the folder's name (`%`, `:` and `@` escaped) and a
/// hash of what `token` says of it (the page's choice: a fingerprint of its files, or a random
/// id kept with its directory handle).
pub fn folder_id(name: &str, token: &str) -> String {
    let name = name
        .replace('%', "%25")
        .replace(':', "%3A")
        .replace('@', "%40");
    format!("{name}~{:016x}", fnv1a(token.as_bytes()))
}

/// The folder's name in an id from [`folder_id`].
pub fn folder_name(id: &str) -> String {
    let name = id.rsplit_once('~').map_or(id, |(name, _)| name);
    name.replace("%3A", ":")
        .replace("%40", "@")
        .replace("%25", "%")
}

/// What identifies a folder opened without a handle to remember it by (an upload, a drop):
/// `files` are its `(path, size)`s, each path from inside the folder. The size of `_config.yml`
/// (a site's title, URL and options: different in any two sites) and the names at the folder's
/// top level. Editing posts leaves it as it is; editing `_config.yml` or adding a top-level file
/// makes it another folder, whose drafts wait until it is as it was.
pub fn fingerprint<'a>(files: impl IntoIterator<Item = (&'a str, f64)>) -> String {
    let mut top = Vec::new();
    let mut config = None;
    for (path, size) in files {
        let first = path.split('/').next().unwrap_or(path);
        top.push(first.to_owned());
        if path == "_config.yml" {
            config = Some(size);
        }
    }
    top.sort();
    top.dedup();
    format!("config={config:?};top={}", top.join("/"))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
