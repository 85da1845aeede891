//! TypeScript, as rouge 3.30's `Typescript` lexer (`lexers/typescript.rb` with
//! `typescript/common.rb`, tag `typescript`, alias `ts`): the JavaScript lexer
//! (`javascript.rs`) with more words in its tables, and two rules put first: in `root`, `?.`
//! and `??` (which, unlike JavaScript's, does not start an expression), and in `statement`, a
//! label that may end in `?`, after which an expression starts.

use super::javascript;
use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{emit::Emitter, scan::Scan, token::Tok};

pub(super) const KEYWORDS: &str =
    "implements is namespace private protected public readonly static";

pub(super) const DECLARATIONS: &str = "abstract type";

pub(super) const RESERVED: &str =
    "any declare default interface keyof module namespace number string void";

pub(super) const BUILTINS: &str = "Partial Pick Readonly Record";

/// rouge's `Typescript`.
pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    javascript::lex_as(code, e, true);
}

/// The rules put before `root`'s own: `?.` and `??`.
pub(super) fn root_first(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    if s.starts("?.") {
        e.tok(Tok::Punctuation, s.take(2));
    } else if s.starts("??") {
        e.tok(Tok::Operator, s.take(2));
    } else {
        return false;
    }
    true
}

/// `(id)(\??)(\s*)(:)`, put before `statement`'s own rules; the caller starts an expression.
pub(super) fn label(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let n = javascript::ident(s, 0);
    if n == 0 {
        return false;
    }
    let q = usize::from(s.at(n) == Some(b'?'));
    let ws = s.run(n + q, is_ruby_space);
    if s.at(n + q + ws) != Some(b':') {
        return false;
    }
    e.tok(Tok::NameLabel, s.take(n));
    e.tok(Tok::Punctuation, s.take(q));
    e.tok(Tok::Text, s.take(ws));
    e.tok(Tok::Punctuation, s.take(1));
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, DECLARATIONS, RESERVED, BUILTINS] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
