//! Clojure, as rouge 3.30's `Clojure` lexer (`lexers/clojure.rb`, tag `clojure`, aliases
//! `clj`, `cljs`). One state: comments, white space (its own token), numbers (a `-` before
//! digits is the number's), strings, quoted symbols, keywords, characters, reader operators,
//! the name after `(` (a function unless a keyword or builtin), names, brackets.

use super::java;
use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Scan},
    token::Tok,
};

const KEYWORDS: &str = "cond def defmacro defmethod defmulti defn defn- defstruct fn for if let";
/// rouge's builtins that its identifier class can spell.
const BUILTINS: &str =
    "* + - -> . .. / < <= = == > >= accessor agent agent-errors aget alength all-ns alter \
    and append-child apply array-map aset aset-boolean aset-byte aset-char aset-double \
    aset-float aset-int aset-long aset-short assert assoc await await-for bean binding \
    bit-and bit-not bit-or bit-shift-left bit-shift-right bit-xor boolean branch? butlast \
    byte cast char children class clear-agent-errors comment commute comp comparator \
    complement concat conj cons constantly construct-proxy contains? count create-ns \
    create-struct cycle dec deref difference disj dissoc distinct doall doc dorun doseq \
    dosync dotimes doto double down drop drop-while edit end? ensure eval every? false? \
    ffirst file-seq filter find find-doc find-ns find-var first float flush fnseq frest \
    gensym get get-proxy-class hash-map hash-set identical? identity if-let import in-ns \
    inc index insert-child insert-left insert-right inspect-table inspect-tree instance? \
    int interleave intersection into into-array iterate join key keys keyword keyword? last \
    lazy-cat lazy-cons left lefts line-seq list list* load load-file locking long loop \
    macroexpand macroexpand-1 make-array make-node map map-invert map? mapcat max max-key \
    memfn merge merge-with meta min min-key name namespace neg? new newline next nil? node \
    not not-any? not-every? not= ns-imports ns-interns ns-map ns-name ns-publics ns-refers \
    ns-resolve ns-unmap nth nthrest or parse partial path peek pop pos? pr pr-str print \
    print-str println println-str prn prn-str project proxy proxy-mappings quot rand \
    rand-int range re-find re-groups re-matcher re-matches re-pattern re-seq read read-line \
    reduce ref ref-set refer rem remove remove-method remove-ns rename rename-keys repeat \
    replace replicate resolve rest resultset-seq reverse rfirst right rights root rrest \
    rseq second select select-keys send send-off seq seq-zip seq? set short slurp some sort \
    sort-by sorted-map sorted-map-by sorted-set special-symbol? split-at split-with str \
    string? struct struct-map subs subvec symbol symbol? sync take take-nth take-while test \
    time to-array to-array-2d tree-seq true? union up update-proxy val vals var-get var-set \
    var? vector vector-zip vector? when when-first when-let when-not with-local-vars \
    with-meta with-open with-out-str xml-seq xml-zip zero? zipmap";
pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    run_states(code, e, step);
}

fn is_identifier(c: u8) -> bool {
    is_ruby_word(c) || b"!$%*+,<=>?/.-".contains(&c)
}

fn is_keyword(c: u8) -> bool {
    is_identifier(c) || c == b'#'
}

/// The token of a name: a keyword, a builtin, or `other`.
fn name_token(name: &str, other: Tok) -> Tok {
    if in_words(KEYWORDS, name) {
        Tok::Keyword
    } else if in_words(BUILTINS, name) {
        Tok::NameBuiltin
    } else {
        other
    }
}

fn step(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    if s.at(0) == Some(b';') {
        let n = s.to_eol(0);
        e.tok(Tok::CommentSingle, s.take(n));
        return true;
    }
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Whitespace, s.take(ws));
        return true;
    }
    if let Some((tok, n)) = number(s) {
        e.tok(tok, s.take(n));
        return true;
    }
    if let Some(n) = java::string(s) {
        e.tok(Tok::Str, s.take(n));
        return true;
    }
    let b = s.at(0);
    if b == Some(b'\'') && s.run(1, is_keyword) > 0 {
        let n = 1 + s.run(1, is_keyword);
        e.tok(Tok::StrSymbol, s.take(n));
        return true;
    }
    if b == Some(b':') {
        // `::?keyword`: no keyword character is a colon, so the second colon is the rule's.
        let colons = 1 + usize::from(s.at(1) == Some(b':'));
        let n = s.run(colons, is_keyword);
        if n > 0 {
            e.tok(Tok::NameConstant, s.take(colons + n));
            return true;
        }
    }
    if b == Some(b'\\') && s.dot(1) > 0 {
        let n = 1 + s.dot(1);
        e.tok(Tok::StrChar, s.take(n));
        return true;
    }
    if s.starts("~@") {
        e.tok(Tok::Operator, s.take(2));
        return true;
    }
    let Some(b) = b else { return false };
    if b"`'#^~&@".contains(&b) {
        e.tok(Tok::Operator, s.take(1));
        return true;
    }
    if b == b'(' {
        let ws = s.run(1, is_ruby_space);
        let n = s.run(1 + ws, is_identifier);
        if n > 0 {
            e.tok(Tok::Punctuation, s.take(1));
            e.tok(Tok::Whitespace, s.take(ws));
            let name = s.take(n);
            e.tok(name_token(name, Tok::NameFunction), name);
            return true;
        }
    }
    let n = s.run(0, is_identifier);
    if n > 0 {
        let name = s.take(n);
        e.tok(name_token(name, Tok::Name), name);
        return true;
    }
    if b"[]{}()".contains(&b) {
        e.tok(Tok::Punctuation, s.take(1));
        return true;
    }
    false
}

/// `-?\d+\.\d+`, `-?\d+`, `0x-?[0-9a-fA-F]+` in rouge's order: the token and length.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let sign = usize::from(s.at(0) == Some(b'-'));
    let d = s.run(sign, |c| c.is_ascii_digit());
    if d == 0 {
        return None;
    }
    let frac = if s.at(sign + d) == Some(b'.') {
        s.run(sign + d + 1, |c| c.is_ascii_digit())
    } else {
        0
    };
    if frac > 0 {
        return Some((Tok::NumFloat, sign + d + 1 + frac));
    }
    Some((Tok::NumInteger, sign + d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, BUILTINS] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
