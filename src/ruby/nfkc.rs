//! Unicode NFKC folding, as Addressable 2.8 folds a URL's decoded text before encoding it again
//! (`IDNA.unicode_normalize_kc`): `Ａ` becomes `A`, a `カ` with a combining `゛` becomes `ガ`, so
//! that a file name written decomposed (NFD) gets the composed address. Its tables come with the
//! `site` feature (`nfkc_none.rs` stands in without it).

use unicode_normalization::UnicodeNormalization;

/// `s` folded, if that changes it.
pub fn fold(s: &str) -> Option<String> {
    if s.is_ascii() {
        return None;
    }
    let folded: String = s.nfkc().collect();
    (folded != s).then_some(folded)
}
