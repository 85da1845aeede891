//! Without the `site` feature the body module has no Unicode tables: URLs keep their text as
//! written (Addressable would fold it by NFKC; see `nfkc.rs`).

/// Never folds.
pub fn fold(_: &str) -> Option<String> {
    None
}
