//! Coq, as rouge 3.30's `Coq` lexer (`lexers/coq.rb`, tag `coq`). Its states: `root`,
//! `comment` (nesting), `string` and `continue_id` (a name, then dotted parts: a path's
//! parts are namespaces, its last a constant; a lone name is classed by rouge's word lists;
//! a point with white space after it ends a sentence). Any other character is punctuation (the
//! one-character `keyopts`), an operator or an error. One difference, on purpose: a name at
//! the very end of the code, which rouge drops, is kept.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Scan, States},
    token::Tok,
};

const GALLINA: &str = "Prop Set Type as else end forall fun if in let match return then";

const COQ: &str =
    "About Arguments Check Class CoFixpoint CoInductive Compute Context Corollary Defined \
    Definition End Eval Example Existing Export Fixpoint Global Goal Hint Immediate Import \
    Include Inductive Infix Instance Lemma Local Ltac Module Monomorphic Notation Opaque \
    Polymorphic Print Printing Proof Qed Record Remark Require Rewrite Search SearchAbout \
    Section Theorem Transparent Universe Universes Variable Variables";

const LTAC: &str =
    "apply as at auto autorewrite beta cbn cbv clear compute constructor delta dependent \
    destruct eapply eauto econstructor edestruct eexists erewrite etransitivity exfalso \
    exists f_equal fold generalize in induction injection instantiate intro intros \
    inversion iota lazy native_compute red refine revert rewrite setoid_rewrite simpl \
    specialize split subst symmetry transitivity unfold vm_compute with zeta";

const TACTICALS: &str = "first repeat try";

const TERMINATORS: &str = "assumption congruence eassumption exact omega reflexivity solve";
/// The one-character `keyopts` (a character rule can only meet those).
const KEYOPTS: &str = "_;:⇒→↔⇔≔≡∀∃∧∨¬⊤⊥⊢⊨∈";

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Comment,
    Str,
    ContinueId,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut coq = Coq {
        stack: States::new(St::Root),
        name: (0, 0),
        dotted: false,
    };
    run_states(code, e, |s, e| coq.step(s, e));
    // A name read last is written when what follows it is seen; at the end of the code rouge
    // never writes it (a `{% highlight %}` block ending in a name loses it in Jekyll). It is
    // written here, as the end of a sentence would class it, so that no text is lost.
    if coq.stack.top() == St::ContinueId {
        let (start, end) = coq.name;
        let tok = if coq.dotted {
            Tok::NameConstant
        } else {
            classify(&code[start..end])
        };
        e.tok(tok, &code[start..end]);
    }
}

struct Coq {
    stack: States<St>,
    /// rouge's `@name`: the name read last (its place in the code) and whether it followed a
    /// point of a path (`@continue`).
    name: (usize, usize),
    dotted: bool,
}

fn classify(word: &str) -> Tok {
    if in_words(COQ, word) {
        Tok::Keyword
    } else if in_words(GALLINA, word) {
        Tok::KeywordReserved
    } else if in_words(LTAC, word) || in_words(TACTICALS, word) {
        Tok::KeywordPseudo
    } else if in_words(TERMINATORS, word) {
        Tok::NameException
    } else {
        Tok::NameConstant
    }
}

fn is_id_char(c: u8) -> bool {
    is_ruby_word(c) || c == b'\''
}

/// `(?:[a-z][\w']*)|(?:[_a-z][\w']+)` case-insensitively (with Ruby's `K` and `ſ`) at
/// `pos + k`: its length.
fn id(s: &Scan<'_>, k: usize) -> usize {
    let c = s.src[s.pos + k..].chars().next();
    match c {
        Some(c) if c.is_ascii_alphabetic() || c == '\u{212A}' || c == '\u{17F}' => {
            c.len_utf8() + s.run(k + c.len_utf8(), is_id_char)
        }
        Some('_') if s.run(k + 1, is_id_char) > 0 => 1 + s.run(k + 1, is_id_char),
        _ => 0,
    }
}

impl Coq {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Comment => {
                if s.starts("(*") {
                    e.tok(Tok::Comment, s.take(2));
                    self.stack.push(St::Comment);
                } else if s.starts("*)") {
                    e.tok(Tok::Comment, s.take(2));
                    self.stack.pop();
                } else {
                    let n = s.run(0, |c| !b"(*)".contains(&c)).max(1);
                    e.tok(Tok::Comment, s.take(n));
                }
                true
            }
            St::Str => {
                let n = match s.at(0) {
                    Some(b'"') => {
                        self.stack.pop();
                        1
                    }
                    Some(b'\\') if s.at(1) == Some(b'"') => {
                        let mut n = 0;
                        while s.rest()[n..].starts_with("\\\"") {
                            n += 2;
                        }
                        n
                    }
                    _ => s.char_len(0),
                };
                e.tok(Tok::StrDouble, s.take(n));
                true
            }
            St::ContinueId => self.continue_id(s, e),
        }
    }

    fn name_token(&self, s: &Scan<'_>) -> Tok {
        if self.dotted {
            Tok::NameConstant
        } else {
            classify(&s.src[self.name.0..self.name.1])
        }
    }

    fn continue_id(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let (start, end) = self.name;
        let name = &s.src[start..end];
        if s.at(0) == Some(b'.') {
            let n = id(s, 1);
            if n > 0 {
                e.tok(Tok::NameNamespace, name);
                e.tok(Tok::Punctuation, s.take(1));
                self.name = (s.pos, s.pos + n);
                s.pos += n;
                self.dotted = true;
                return true;
            }
            let ws = s.run(1, is_ruby_space);
            if ws > 0 {
                e.tok(self.name_token(s), name);
                e.tok(Tok::PunctIndicator, s.take(1));
                e.tok(Tok::Whitespace, s.take(ws));
                self.dotted = false;
                self.stack.pop();
                return true;
            }
        }
        e.tok(self.name_token(s), name);
        self.dotted = false;
        self.stack.pop();
        true
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("(*") && s.at(2) != Some(b')') {
            e.tok(Tok::Comment, s.take(2));
            self.stack.push(St::Comment);
            return true;
        }
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Whitespace, s.take(ws));
            return true;
        }
        if s.starts("Module") {
            let w1 = s.run(6, is_ruby_space);
            if w1 > 0 && s.rest()[6 + w1..].starts_with("Type") {
                let w2 = s.run(10 + w1, is_ruby_space);
                if w2 > 0 {
                    e.tok(Tok::Keyword, s.take(6));
                    e.tok(Tok::Whitespace, s.take(w1));
                    e.tok(Tok::Keyword, s.take(4));
                    e.tok(Tok::Whitespace, s.take(w2));
                    return true;
                }
            }
        }
        if set_option(s, e) {
            return true;
        }
        let n = id(s, 0);
        if n > 0 {
            self.name = (s.pos, s.pos + n);
            s.pos += n;
            self.dotted = false;
            self.stack.push(St::ContinueId);
            return true;
        }
        if s.starts("/\\") || s.starts("\\/") {
            e.tok(Tok::Operator, s.take(2));
            return true;
        }
        if let Some((tok, n)) = number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        self.literal(s, e)
    }

    fn literal(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'\'') => {
                let n = char_escape(s);
                if n > 0 {
                    e.tok(Tok::StrChar, s.take(n));
                } else {
                    e.tok(Tok::Keyword, s.take(1));
                }
                return true;
            }
            Some(b'"') => {
                e.tok(Tok::StrDouble, s.take(1));
                self.stack.push(St::Str);
                return true;
            }
            Some(b'~' | b'?') if id(s, 1) > 0 => {
                let n = 1 + id(s, 1);
                e.tok(Tok::NameVariable, s.take(n));
                return true;
            }
            _ => {}
        }
        let n = s.dot(0);
        if n == 0 {
            return false;
        }
        let c = &s.rest()[..n];
        let tok = if KEYOPTS.contains(c) {
            Tok::Punctuation
        } else if n == 1 && b"[];,{}_()!$%&*+./:<=>?@^|~#-".contains(&c.as_bytes()[0]) {
            Tok::Operator
        } else {
            Tok::Error
        };
        e.tok(tok, s.take(n));
        true
    }
}

/// `(Set|Unset)(\s+)(Universe|Printing|Implicit|Strict)(\s+)(Polymorphism|All|Notations|
/// Arguments|Universes|Implicit)(\s*)\.`: its words as keywords, the point ending the sentence.
fn set_option(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let first = ["Set", "Unset"]
        .iter()
        .find(|w| s.starts(w))
        .map_or(0, |w| w.len());
    if first == 0 {
        return false;
    }
    let word_at = |k: usize, words: &[&str]| {
        words
            .iter()
            .find(|w| s.rest()[k..].starts_with(**w))
            .map_or(0, |w| w.len())
    };
    let w1 = s.run(first, is_ruby_space);
    let second = word_at(first + w1, &["Universe", "Printing", "Implicit", "Strict"]);
    let k = first + w1 + second;
    let w2 = s.run(k, is_ruby_space);
    let third = [
        "Polymorphism",
        "All",
        "Notations",
        "Arguments",
        "Universes",
        "Implicit",
    ];
    let third = word_at(k + w2, &third);
    let k2 = k + w2 + third;
    let w3 = s.run(k2, is_ruby_space);
    if w1 == 0 || second == 0 || w2 == 0 || third == 0 || s.at(k2 + w3) != Some(b'.') {
        return false;
    }
    e.tok(Tok::Keyword, s.take(first));
    e.tok(Tok::Whitespace, s.take(w1));
    e.tok(Tok::Keyword, s.take(second));
    e.tok(Tok::Whitespace, s.take(w2));
    e.tok(Tok::Keyword, s.take(third));
    // rouge writes the white space before the point, then fails on the group after it (it
    // stops Jekyll); the white space is kept here, with the point.
    e.tok(Tok::Whitespace, s.take(w3));
    e.tok(Tok::PunctIndicator, s.take(1));
    true
}

/// `'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'`: its length, 0 if none.
fn char_escape(s: &Scan<'_>) -> usize {
    if s.at(1) != Some(b'\\') {
        return 0;
    }
    let n = match s.at(2) {
        Some(b'\\' | b'"' | b'\'' | b'n' | b't' | b'b' | b'r' | b' ') => 1,
        Some(b'0'..=b'9') if s.run(2, |c| c.is_ascii_digit()) >= 3 => 3,
        Some(b'x') if s.run(3, |c| c.is_ascii_hexdigit()) >= 2 => 3,
        _ => return 0,
    };
    if s.at(2 + n) == Some(b'\'') {
        3 + n
    } else {
        0
    }
}

fn digits_(c: u8) -> bool {
    c.is_ascii_digit() || c == b'_'
}

/// `-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)` (any one character for the point) case-insensitively,
/// then `\d[\d_]*`: the token and length.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let sign = usize::from(s.at(0) == Some(b'-'));
    if !s.at(sign).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let d = sign + 1 + s.run(sign + 1, digits_);
    let exponent = |k: usize| {
        if !matches!(s.at(k), Some(b'e' | b'E')) {
            return 0;
        }
        let es = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
        if !s.at(k + 1 + es).is_some_and(|c| c.is_ascii_digit()) {
            return 0;
        }
        2 + es + s.run(k + 2 + es, digits_)
    };
    let any = s.dot(d);
    if any > 0 {
        let r = s.run(d + any, digits_);
        let x = exponent(d + any + r);
        if x > 0 {
            return Some((Tok::NumFloat, d + any + r + x));
        }
    }
    let x = exponent(d);
    if x > 0 {
        return Some((Tok::NumFloat, d + x));
    }
    (sign == 0).then_some((Tok::NumInteger, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [GALLINA, COQ, LTAC, TACTICALS, TERMINATORS] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
