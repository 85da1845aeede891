//! Translations a site never declared: which posts are one news item in several languages.
//!
//! The site's posts name their translations in front matter keys (`ja: _i18n/ja/_posts/….md`),
//! but on the real site those keys are empty, while the translations exist under other file
//! names, a day or a few weeks apart. [`find_translations`] puts the declared links and the ones it
//! finds together into families, at most one post per language each, and says why.
//!
//! What is shared between translations: uploaded images, link targets, numbers, the Latin-script
//! names of their titles, and dates close together. Each shared signal counts by how rare it is
//! across the site (inverse document frequency), so a banner every post of a series reuses, a
//! link in every footer or the year say little, and one shared signal alone is not enough unless
//! it is rare and strong (see [`score`]). Families are then built greedily from the best pairs
//! (see [`assign`]).
//!
//! [`align`] pairs the blocks of two translations for reading them side by side, and [`links`]
//! writes a family's links into the front matter, changing only those lines.

#[cfg(any(target_arch = "wasm32", test))]
pub mod align;
mod assign;
#[cfg(any(target_arch = "wasm32", test))]
pub mod links;
pub mod overview;
mod score;
mod signals;

use crate::language;
use crate::options::Options;
use serde::{Deserialize, Serialize};

/// One post of a family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The post's language.
    pub lang: String,
    /// The path as given to [`find_translations`].
    pub path: String,
    #[serde(default)]
    /// Whether a front matter key links it with another post of the family (else it was found).
    pub declared: bool,
}

/// Posts that are one news item in different languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TranslationFamily {
    /// At least two, one per language at most, in the site's language order.
    pub posts: Vec<Member>,
    /// Why, in words: one line per link between two of the posts.
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// Finds the families among `posts` (`(path, whole text)`): declared front matter links first,
/// then pairs found from shared signals. `options.languages` gives the site's language order;
/// the language of each post comes from its folder (`_i18n/<lang>/`), whatever the list, else
/// from its `lang` key. Posts with no language belong to no family.
///
/// ```
/// use postview::{find_translations, Options};
/// let en = "---\ntitle: Loopring ITO\ndate: 2021-01-09\n---\n![](/uploads/ito-1.png)\n![](/uploads/ito-2.png)\nSee https://loopring.io/ito for 3,000,000 LRC.\n";
/// let zh = "---\ntitle: Loopring 首次 ITO\ndate: 2021-01-09\n---\n![](/uploads/ito-1.png)\n![](/uploads/ito-2.png)\n详见 https://loopring.io/ito ，共 3000000 LRC。\n";
/// let posts = [("_i18n/en/_posts/2021-01-09-ito.md", en), ("_i18n/zh-Hans/_posts/2021-01-09-ito.md", zh)];
/// let families = find_translations(&posts, &Options::default());
/// assert_eq!(families.len(), 1);
/// assert_eq!(families[0].posts[1].lang, "zh-Hans");
/// assert!(families[0].evidence[0].contains("loopring.io/ito"));
/// ```
pub fn find_translations<P: AsRef<str>, S: AsRef<str>>(
    posts: &[(P, S)],
    options: &Options,
) -> Vec<TranslationFamily> {
    let read: Vec<signals::Read> = posts
        .iter()
        .map(|(path, source)| signals::read(path.as_ref(), source.as_ref(), options))
        .collect();
    let declared = declared_pairs(&read);
    let found = score::candidates(&read);
    let groups = assign::families(&read, &declared, &found);
    groups
        .into_iter()
        .map(|group| family(&read, group, options))
        .collect()
}

/// A link between two posts, by index, and why.
#[derive(Clone, Debug)]
pub(crate) struct Pair {
    pub a: usize,
    pub b: usize,
    pub score: f64,
    pub evidence: String,
}

/// The pairs the front matter declares: a key naming another post by its path (matched by the
/// path from `_i18n/` on, as a folder may be opened at the site root or above it).
fn declared_pairs(read: &[signals::Read]) -> Vec<Pair> {
    let by_site_path: std::collections::HashMap<&str, usize> = read
        .iter()
        .enumerate()
        .map(|(i, r)| (language::site_path(&r.path), i))
        .collect();
    let mut pairs = Vec::new();
    for (a, r) in read.iter().enumerate() {
        for (lang, path) in &r.declared {
            let Some(&b) = by_site_path.get(language::site_path(path.trim())) else {
                continue;
            };
            if b != a && read[b].lang.as_deref() == Some(lang.as_str()) {
                pairs.push(Pair {
                    a,
                    b,
                    score: f64::INFINITY,
                    evidence: format!("{} names {} in its front matter", r.path, read[b].path),
                });
            }
        }
    }
    pairs
}

fn family(read: &[signals::Read], group: assign::Group, options: &Options) -> TranslationFamily {
    let mut posts: Vec<Member> = group
        .members
        .iter()
        .map(|&i| Member {
            lang: read[i].lang.clone().unwrap_or_default(),
            path: read[i].path.clone(),
            declared: group.declared.contains(&i),
        })
        .collect();
    crate::sort::by(&mut posts, |x, y| {
        let site = &options.languages;
        language::rank(&x.lang, site)
            .cmp(&language::rank(&y.lang, site))
            .then_with(|| x.lang.cmp(&y.lang))
    });
    TranslationFamily {
        posts,
        evidence: group.evidence,
    }
}
