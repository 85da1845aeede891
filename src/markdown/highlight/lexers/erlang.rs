//! Erlang, as rouge 3.30's `Erlang` lexer (`lexers/erlang.rb`, tag `erlang`, alias `erl`). Its
//! states: `root`, `string` (escapes and `~` format directives) and `directive` (after a `-`
//! at a line's start). In rouge's order some rules never match (`<<`, `>>`, `?MACRO`, floats:
//! an operator or an integer comes first), and a function name needs only `(` after it.

use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Scan, States},
    token::Tok,
};

const KEYWORDS: &str = "after begin case catch cond end fun if let of query receive try when";

const BUILTINS: &str =
    "abs append_element apply atom_to_list binary_to_list binary_to_term bit_size \
    bitstring_to_list bump_reductions byte_size cancel_timer check_process_code \
    delete_module demonitor disconnect_node display element erase exit float float_to_list \
    fun_info fun_to_list function_exported garbage_collect get get_keys group_leader hash \
    hd integer_to_list iolist_size iolist_to_binary is_atom is_binary is_bitstring \
    is_boolean is_builtin is_float is_function is_integer is_list is_number is_pid is_port \
    is_process_alive is_record is_reference is_tuple length link list_to_atom \
    list_to_binary list_to_bitstring list_to_existing_atom list_to_float list_to_integer \
    list_to_pid list_to_tuple load_module localtime_to_universaltime make_tuple md5 \
    md5_final md5_update memory module_loaded monitor monitor_node node nodes open_port \
    phash phash2 pid_to_list port_call port_close port_command port_connect port_control \
    port_info port_to_list process_display process_flag process_info purge_module put \
    read_timer ref_to_list register resume_process round send send_after send_nosuspend \
    set_cookie setelement size spawn spawn_link spawn_monitor spawn_opt split_binary \
    start_timer statistics suspend_process system_flag system_info system_monitor \
    system_profile term_to_binary tl trace trace_delivered trace_info trace_pattern trunc \
    tuple_size tuple_to_list universaltime_to_localtime unlink unregister whereis";

const WORD_OPERATORS: &str = "and andalso band bnot bor bsl bsr bxor div not or orelse rem xor";
#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Str,
    Directive,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut stack = States::new(St::Root);
    run_states(code, e, |s, e| match stack.top() {
        St::Root => root(s, e, &mut stack),
        St::Str => string(s, e, &mut stack),
        St::Directive => directive(s, e, &mut stack),
    });
}

fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// `[a-z][a-zA-Z0-9_]*|'[^\n']*[^\\]'` at `pos + k`: its length.
fn atom(s: &Scan<'_>, k: usize) -> usize {
    match s.at(k) {
        Some(b'a'..=b'z') => 1 + s.run(k + 1, is_name_char),
        Some(b'\'') => {
            let run = s.run(k + 1, |c| c != b'\n' && c != b'\'');
            let q = k + 1 + run;
            // The greedy run, then any one non-backslash character and the quote; else the
            // run one character shorter, its last character not a backslash.
            if s.at(q).is_some() && s.at(q + 1) == Some(b'\'') {
                return q + 2 - k;
            }
            let last = s.src[s.pos + k + 1..s.pos + q].chars().next_back();
            if last.is_some_and(|c| c != '\\') && s.at(q) == Some(b'\'') {
                return q + 1 - k;
            }
            0
        }
        _ => 0,
    }
}

/// `[A-Z_][a-zA-Z0-9_]*` at `pos + k`: its length.
fn variable(s: &Scan<'_>, k: usize) -> usize {
    match s.at(k) {
        Some(b'A'..=b'Z' | b'_') => 1 + s.run(k + 1, is_name_char),
        _ => 0,
    }
}

/// `\\(?:[bdefnrstv'"\\/]|[0-7][0-7]?[0-7]?|\^[a-zA-Z])` at `pos + k`: its length.
fn escape(s: &Scan<'_>, k: usize) -> usize {
    if s.at(k) != Some(b'\\') {
        return 0;
    }
    match s.at(k + 1) {
        Some(c) if b"bdefnrstv'\"\\/".contains(&c) => 2,
        Some(b'0'..=b'7') => 1 + s.run(k + 1, |c| (b'0'..=b'7').contains(&c)).min(3),
        Some(b'^') if s.at(k + 2).is_some_and(|c| c.is_ascii_alphabetic()) => 3,
        _ => 0,
    }
}

/// rouge's operator alternatives in order: the length of the first that matches.
fn operator(s: &Scan<'_>) -> usize {
    const OPERATORS: [&str; 18] = [
        "++", "+", "--", "-", "*", "/", "<", ">", "/=", "=:=", "=/=", "=<", ">=", "==", "=", "<-",
        "!", "?",
    ];
    OPERATORS
        .iter()
        .find(|o| s.starts(o))
        .map_or(0, |o| o.len())
}

fn root(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    if s.at(0) == Some(b'%') {
        let n = s.to_eol(0);
        if s.at(n) == Some(b'\n') {
            e.tok(Tok::Comment, s.take(n + 1));
            return true;
        }
    }
    let w = s.unicode_word(0);
    let tables = [
        (KEYWORDS, Tok::Keyword),
        (BUILTINS, Tok::NameBuiltin),
        (WORD_OPERATORS, Tok::OperatorWord),
    ];
    if let Some(&(_, tok)) = tables.iter().find(|(t, _)| !w.is_empty() && in_words(t, w)) {
        e.tok(tok, s.take(w.len()));
        return true;
    }
    if s.bol() && s.at(0) == Some(b'-') {
        e.tok(Tok::Punctuation, s.take(1));
        stack.push(St::Directive);
        return true;
    }
    let n = operator(s);
    if n > 0 {
        e.tok(Tok::Operator, s.take(n));
        return true;
    }
    if s.at(0) == Some(b'"') {
        e.tok(Tok::Str, s.take(1));
        stack.push(St::Str);
        return true;
    }
    names(s, e)
}

fn names(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let a = atom(s, 0);
    if a > 0 && s.at(a) == Some(b':') {
        e.tok(Tok::NameNamespace, s.take(a));
        e.tok(Tok::Punctuation, s.take(1));
        return true;
    }
    if a > 0 {
        let ws = s.run(a, is_ruby_space);
        if s.at(a + ws) == Some(b'(') {
            e.tok(Tok::NameFunction, s.take(a));
            e.tok(Tok::Text, s.take(ws));
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
    }
    if let Some(n) = integer(s) {
        e.tok(Tok::NumInteger, s.take(n));
        return true;
    }
    let Some(b) = s.at(0) else { return false };
    if b"][:_@\".{}()|;,".contains(&b) {
        e.tok(Tok::Punctuation, s.take(1));
        return true;
    }
    let v = variable(s, 0);
    if v > 0 {
        e.tok(Tok::NameVariable, s.take(v));
        return true;
    }
    if a > 0 {
        e.tok(Tok::Name, s.take(a));
        return true;
    }
    if b == b'$' {
        let n = match escape(s, 1) {
            0 if s.at(1) == Some(b'\\') && matches!(s.at(2), Some(b' ' | b'%')) => 2,
            0 if s.at(1) == Some(b'\\') => 0,
            0 => s.char_len(1),
            n => n,
        };
        if n > 0 {
            e.tok(Tok::StrChar, s.take(1 + n));
            return true;
        }
        return false;
    }
    if b == b'#' {
        let a = atom(s, 1);
        if a == 0 {
            return false;
        }
        let mut n = 1 + a;
        let colon = usize::from(s.at(n) == Some(b':'));
        if s.at(n + colon) == Some(b'.') && atom(s, n + colon + 1) > 0 {
            n += colon + 1 + atom(s, n + colon + 1);
        }
        e.tok(Tok::NameLabel, s.take(n));
        return true;
    }
    false
}

/// `[+-]?(?:[2-9]|[12][0-9]|3[0-6])#[0-9a-zA-Z]+`, then `[+-]?\d+`: its length.
fn integer(s: &Scan<'_>) -> Option<usize> {
    let sign = usize::from(matches!(s.at(0), Some(b'+' | b'-')));
    let d = s.run(sign, |c| c.is_ascii_digit());
    if d == 0 {
        return None;
    }
    let digit = |k: usize| s.at(sign + k).map_or(0, |c| c.wrapping_sub(b'0'));
    let base_len = match (digit(0), d) {
        (2..=9, _) if s.at(sign + 1) == Some(b'#') => 1,
        (1 | 2, 2..) if s.at(sign + 2) == Some(b'#') => 2,
        (3, 2..) if digit(1) <= 6 && s.at(sign + 2) == Some(b'#') => 2,
        _ => 0,
    };
    if base_len > 0 {
        let n = s.run(sign + base_len + 1, |c| c.is_ascii_alphanumeric());
        if n > 0 {
            return Some(sign + base_len + 1 + n);
        }
    }
    Some(sign + d)
}

fn string(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let n = escape(s, 0);
    if n > 0 {
        e.tok(Tok::StrEscape, s.take(n));
        return true;
    }
    match s.at(0) {
        Some(b'"') => {
            e.tok(Tok::Str, s.take(1));
            stack.pop();
        }
        Some(b'~') => {
            let k = 1 + s.run(1, |c| c.is_ascii_digit() || c == b'.' || c == b'*');
            if s.at(k).is_some_and(|c| b"~#+bBcdefginpPswWxX".contains(&c)) {
                e.tok(Tok::StrInterpol, s.take(k + 1));
            } else {
                e.tok(Tok::Str, s.take(1));
            }
        }
        Some(b'\\') | None => return false,
        _ => {
            let n = s.run(0, |c| !matches!(c, b'"' | b'\\' | b'~'));
            e.tok(Tok::Str, s.take(n));
        }
    }
    true
}

fn directive(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    for (word, tok) in [("define", Tok::NameConstant), ("record", Tok::NameLabel)] {
        if s.starts(word) {
            let ws = s.run(word.len(), is_ruby_space);
            let k = word.len() + ws + 1;
            let name = match variable(s, k) {
                0 => atom(s, k),
                n => n,
            };
            if s.at(k - 1) == Some(b'(') && name > 0 {
                e.tok(Tok::NameEntity, s.take(word.len()));
                e.tok(Tok::Text, s.take(ws));
                e.tok(Tok::Punctuation, s.take(1));
                e.tok(tok, s.take(name));
                stack.pop();
                return true;
            }
        }
    }
    let a = atom(s, 0);
    if a == 0 {
        return false;
    }
    e.tok(Tok::NameEntity, s.take(a));
    stack.pop();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, BUILTINS, WORD_OPERATORS] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
