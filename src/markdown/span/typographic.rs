//! Typographic symbols: `---` —, `--` –, `...` …, `<<` «, `>>` ».
//!
//! Reference: kramdown 2.4 `parser/kramdown/typographic_symbol.rb`. `<< ` and ` >>` take the space
//! with them as a no-break space; `\<<` and `\>>` are the plain characters.

use super::Spans;

pub(super) fn parse(s: &mut Spans<'_, '_>) -> bool {
    // `gfm_quirks: no_auto_typographic` removes this parser.
    if s.options.no_auto_typographic {
        return false;
    }
    // In kramdown's order: longest dashes first, escaped guillemets before spaced ones.
    const SYMS: &[(&str, &[&str])] = &[
        ("---", &["\u{2014}"]),
        ("--", &["\u{2013}"]),
        ("...", &["\u{2026}"]),
        ("\\<<", &["<", "<"]),
        ("\\>>", &[">", ">"]),
        ("<< ", &["\u{ab}\u{a0}"]),
        (" >>", &["\u{a0}\u{bb}"]),
        ("<<", &["\u{ab}"]),
        (">>", &["\u{bb}"]),
    ];
    let r = s.rest();
    for (pattern, out) in SYMS {
        if r.starts_with(pattern) {
            s.pos += pattern.len();
            for sym in *out {
                s.symbol(sym);
            }
            return true;
        }
    }
    false
}
