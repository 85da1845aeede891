//! Lua, as rouge 3.30's `Lua` lexer (`lexers/lua.rb`, tag `lua`, with its builtins of
//! `lua/keywords.rb`, all modules on). Its states: `root` (a shebang, once), `base`,
//! `function_name`, `gsub` with the `regex`, `regex_group` and `regex_end` of its pattern, and
//! the quoted strings, whose escapes count only where a step starts.

use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Scan, States},
    token::Tok,
};
use std::collections::HashMap;

const KEYWORDS: &str = "break do else elseif end for if in repeat return then until while";

/// The builtin names of every module that a name of `[A-Za-z_]\w*(\.[A-Za-z_]\w*)?` can be.
const BUILTINS: &str =
    "_g _version assert collectgarbage coroutine.create coroutine.isyieldable coroutine.resume \
    coroutine.running coroutine.status coroutine.wrap coroutine.yield debug.debug \
    debug.gethook debug.getinfo debug.getlocal debug.getmetatable debug.getregistry \
    debug.getupvalue debug.getuservalue debug.sethook debug.setlocal debug.setmetatable \
    debug.setupvalue debug.setuservalue debug.traceback debug.upvalueid debug.upvaluejoin \
    dofile error getmetatable io.close io.flush io.input io.lines io.open io.output io.popen \
    io.read io.stderr io.stdin io.stdout io.tmpfile io.type io.write ipairs load loadfile \
    lua_cpath lua_cpath_5_3 lua_errerr lua_errfile lua_errgcmm lua_errmem lua_errrun \
    lua_errsyntax lua_hookcall lua_hookcount lua_hookline lua_hookret lua_hooktailcall \
    lua_init lua_init_5_3 lua_maskcall lua_maskcount lua_maskline lua_maskret lua_maxinteger \
    lua_mininteger lua_minstack lua_multret lua_noref lua_ok lua_opadd lua_opband lua_opbnot \
    lua_opbor lua_opbxor lua_opdiv lua_opeq lua_opidiv lua_ople lua_oplt lua_opmod lua_opmul \
    lua_oppow lua_opshl lua_opshr lua_opsub lua_opunm lua_path lua_path_5_3 lua_refnil \
    lua_registryindex lua_ridx_globals lua_ridx_mainthread lua_tboolean lua_tfunction \
    lua_tlightuserdata lua_tnil lua_tnone lua_tnumber lua_tstring lua_ttable lua_tthread \
    lua_tuserdata lua_use_apicheck lua_yield lual_buffersize luaopen_base luaopen_coroutine \
    luaopen_debug luaopen_io luaopen_math luaopen_os luaopen_package luaopen_string \
    luaopen_table luaopen_utf8 math.abs math.acos math.asin math.atan math.ceil math.cos \
    math.deg math.exp math.floor math.fmod math.huge math.log math.max math.maxinteger \
    math.min math.mininteger math.modf math.pi math.rad math.random math.randomseed math.sin \
    math.sqrt math.tan math.tointeger math.type math.ult next os.clock os.date os.difftime \
    os.execute os.exit os.getenv os.remove os.rename os.setlocale os.time os.tmpname \
    package.config package.cpath package.loaded package.loadlib package.path package.preload \
    package.searchers package.searchpath pairs pcall print rawequal rawget rawlen rawset \
    require select setmetatable string.byte string.char string.dump string.find string.format \
    string.gmatch string.gsub string.len string.lower string.match string.pack \
    string.packsize string.rep string.reverse string.sub string.unpack string.upper \
    table.concat table.insert table.move table.pack table.remove table.sort table.unpack \
    tonumber tostring type utf8.char utf8.charpattern utf8.codepoint utf8.codes utf8.len \
    utf8.offset xpcall";
#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Base,
    FunctionName,
    Gsub,
    Regex,
    RegexGroup,
    RegexEnd,
    Single,
    Double,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut lua = Lua {
        stack: States::new(St::Root),
        closers: None,
    };
    run_states(code, e, |s, e| lua.step(s, e));
}

struct Lua {
    stack: States<St>,
    /// Every closing long bracket `]=*]` of the code by its count of `=`, in order, once a
    /// long bracket opens: each is found without reading on to the end again.
    closers: Option<HashMap<usize, Vec<usize>>>,
}

/// `[A-Za-z_][A-Za-z0-9_]*` at `pos + k`: its length.
fn ident(s: &Scan<'_>, k: usize) -> usize {
    match s.at(k) {
        Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
            1 + s.run(k + 1, |c| c.is_ascii_alphanumeric() || c == b'_')
        }
        _ => 0,
    }
}

impl Lua {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => {
                if s.starts("#!") {
                    let n = s.to_eol(0);
                    e.tok(Tok::CommentPreproc, s.take(n));
                } else {
                    self.stack.push(St::Base);
                }
                true
            }
            St::Base => self.base(s, e),
            St::FunctionName => self.function_name(s, e),
            St::Gsub => self.gsub(s, e),
            St::Regex => self.regex(s, e),
            St::RegexGroup => {
                let (tok, n) = match s.at(0) {
                    Some(b'/') => (Tok::StrEscape, 1),
                    Some(b']') => {
                        self.stack.pop();
                        (Tok::StrEscape, 1)
                    }
                    Some(b'\\') if s.dot(1) > 0 => {
                        e.tok(Tok::StrEscape, s.take(1));
                        (Tok::StrRegex, s.dot(0))
                    }
                    _ => (Tok::StrRegex, s.dot(0)),
                };
                if n == 0 {
                    return false;
                }
                e.tok(tok, s.take(n));
                true
            }
            St::RegexEnd => {
                let n = s.run(0, |c| c == b'$');
                e.tok(Tok::StrRegex, s.take(n));
                self.stack.pop();
                true
            }
            St::Single | St::Double => self.quoted(s, e),
        }
    }

    /// `\[(=*)\[.*?\]\1\]` at `pos + k`, across lines: its length from `pos`.
    fn long_bracket(&mut self, s: &Scan<'_>, k: usize) -> Option<usize> {
        if s.at(k) != Some(b'[') {
            return None;
        }
        let level = s.run(k + 1, |c| c == b'=');
        if s.at(k + 1 + level) != Some(b'[') {
            return None;
        }
        let from = s.pos + k + level + 2;
        let closers = self.closers.get_or_insert_with(|| closers(s.src));
        let places = closers.get(&level)?;
        let end = *places.get(places.partition_point(|&c| c < from))?;
        Some(end + level + 2 - s.pos)
    }

    fn base(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("--") {
            match self.long_bracket(s, 2) {
                Some(n) => e.tok(Tok::CommentMultiline, s.take(n)),
                None => {
                    let n = s.to_eol(0);
                    e.tok(Tok::CommentSingle, s.take(n));
                }
            }
            return true;
        }
        if let Some((tok, n)) = number(s) {
            e.tok(tok, s.take(n));
            return true;
        }
        match s.at(0) {
            Some(b'\n') => {
                e.tok(Tok::Text, s.take(1));
                return true;
            }
            Some(c) if is_ruby_space(c) => {
                e.tok(Tok::Text, s.take(1));
                return true;
            }
            _ => {}
        }
        if let Some(n) = self.long_bracket(s, 0) {
            e.tok(Tok::Str, s.take(n));
            return true;
        }
        let op = ["==", "~=", "<=", ">=", "...", ".."]
            .iter()
            .find(|o| s.starts(o));
        if let Some(o) = op {
            e.tok(Tok::Operator, s.take(o.len()));
            return true;
        }
        let Some(b) = s.at(0) else { return false };
        if b"=+-*/%^<>#".contains(&b) {
            e.tok(Tok::Operator, s.take(1));
            return true;
        }
        if b"[]{}().,:;".contains(&b) {
            e.tok(Tok::Punctuation, s.take(1));
            return true;
        }
        self.words(s, e)
    }

    fn words(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let w = s.unicode_word(0);
        let tok = match w {
            "and" | "or" | "not" => Some(Tok::OperatorWord),
            "local" => Some(Tok::KeywordDeclaration),
            "true" | "false" | "nil" => Some(Tok::KeywordConstant),
            "function" => Some(Tok::Keyword),
            _ if in_words(KEYWORDS, w) => Some(Tok::Keyword),
            _ => None,
        };
        if let Some(tok) = tok {
            e.tok(tok, s.take(w.len()));
            if w == "function" {
                self.stack.push(St::FunctionName);
            }
            return true;
        }
        let n = ident(s, 0);
        if n > 0 {
            let dotted = if s.at(n) == Some(b'.') {
                ident(s, n + 1)
            } else {
                0
            };
            let all = if dotted > 0 { n + 1 + dotted } else { n };
            let name = &s.rest()[..all];
            if name == "gsub" || in_words(BUILTINS, name) {
                e.tok(Tok::NameBuiltin, s.take(all));
                if name == "gsub" {
                    self.stack.push(St::Gsub);
                }
            } else {
                e.tok(Tok::Name, s.take(n));
                if dotted > 0 {
                    e.tok(Tok::Punctuation, s.take(1));
                    e.tok(Tok::Name, s.take(dotted));
                }
            }
            return true;
        }
        let (tok, st) = match s.at(0) {
            Some(b'\'') => (Tok::StrSingle, St::Single),
            Some(b'"') => (Tok::StrDouble, St::Double),
            _ => return false,
        };
        e.tok(tok, s.take(1));
        self.stack.push(st);
        true
    }

    fn function_name(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            e.tok(Tok::Text, s.take(ws));
            return true;
        }
        let n = ident(s, 0);
        if n > 0 {
            let method = if s.at(n) == Some(b'.') {
                ident(s, n + 1)
            } else {
                0
            };
            if method > 0 {
                e.tok(Tok::NameClass, s.take(n));
                e.tok(Tok::Punctuation, s.take(1));
                e.tok(Tok::NameFunction, s.take(method));
            } else {
                e.tok(Tok::NameFunction, s.take(n));
            }
            self.stack.pop();
            return true;
        }
        if s.at(0) == Some(b'(') {
            e.tok(Tok::Punctuation, s.take(1));
            self.stack.pop();
            return true;
        }
        false
    }

    fn gsub(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let (tok, n) = match s.at(0) {
            Some(b')') => {
                self.stack.pop();
                (Tok::Punctuation, 1)
            }
            Some(b'(' | b',') => (Tok::Punctuation, 1),
            Some(b'"') => {
                self.stack.push(St::Regex);
                (Tok::StrRegex, 1)
            }
            _ => (Tok::Text, s.run(0, is_ruby_space)),
        };
        if n == 0 {
            return false;
        }
        e.tok(tok, s.take(n));
        true
    }

    fn regex(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let (tok, n) = match s.at(0) {
            Some(b'"') => {
                self.stack.goto(St::RegexEnd);
                (Tok::StrRegex, 1)
            }
            Some(b'[') => {
                self.stack.push(St::RegexGroup);
                (Tok::StrEscape, if s.at(1) == Some(b'^') { 2 } else { 1 })
            }
            Some(b'\\') if s.dot(1) > 0 => (Tok::StrEscape, 1 + s.dot(1)),
            Some(b'(')
                if s.at(1) == Some(b'?') && matches!(s.at(2), Some(b':' | b'=' | b'<' | b'!')) =>
            {
                (Tok::StrEscape, 3)
            }
            Some(b'{')
                if s.run(1, |c| c.is_ascii_digit() || c == b',') > 0
                    && s.at(1 + s.run(1, |c| c.is_ascii_digit() || c == b',')) == Some(b'}') =>
            {
                (
                    Tok::StrEscape,
                    2 + s.run(1, |c| c.is_ascii_digit() || c == b','),
                )
            }
            Some(b'(' | b')' | b'?') => (Tok::StrEscape, 1),
            _ => (Tok::StrRegex, s.dot(0)),
        };
        if n == 0 {
            return false;
        }
        e.tok(tok, s.take(n));
        true
    }

    fn quoted(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let (quote, tok) = match self.stack.top() {
            St::Single => (b'\'', Tok::StrSingle),
            _ => (b'"', Tok::StrDouble),
        };
        if s.at(0) == Some(b'\\') {
            let n = match s.at(1) {
                Some(b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'\\' | b'"' | b'\'') => 2,
                Some(b'0'..=b'9') => 1 + s.run(1, |c| c.is_ascii_digit()).min(3),
                _ => 0,
            };
            if n > 0 {
                e.tok(Tok::StrEscape, s.take(n));
                return true;
            }
        }
        if s.at(0) == Some(quote) {
            e.tok(tok, s.take(1));
            self.stack.pop();
            return true;
        }
        let n = if quote == b'"' {
            s.run(0, |c| c != b'"')
        } else {
            s.run(0, |c| c != b'\'')
        };
        e.tok(tok, s.take(n));
        true
    }
}

/// Where each `]=*]` of `src` starts, by its count of `=`.
fn closers(src: &str) -> HashMap<usize, Vec<usize>> {
    let b = src.as_bytes();
    let mut map: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in (0..b.len()).filter(|&i| b[i] == b']') {
        let level = b[i + 1..].iter().take_while(|&&c| c == b'=').count();
        if b.get(i + 1 + level) == Some(&b']') {
            map.entry(level).or_default().push(i);
        }
    }
    map
}

/// The number rules in order, case-insensitively: floats with a point (and maybe an
/// exponent) and a closing quote, floats with an exponent, hexadecimal (maybe without digits),
/// decimal.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let digits = |k: usize| s.run(k, |c| c.is_ascii_digit());
    let exponent = |k: usize| {
        if !matches!(s.at(k), Some(b'e' | b'E')) {
            return 0;
        }
        let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
        match digits(k + 1 + sign) {
            0 => 0,
            d => 1 + sign + d,
        }
    };
    // `(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'`: rouge's float ends in a quote.
    let d = digits(0);
    let mantissas = [
        (s.at(d) == Some(b'.') && digits(d + 1) > 0).then(|| d + 1 + digits(d + 1)),
        (d > 0 && s.at(d) == Some(b'.')).then(|| d + 1 + digits(d + 1)),
    ];
    for m in mantissas.into_iter().flatten() {
        let x = exponent(m);
        for n in [m + x, m] {
            if s.at(n) == Some(b'\'') {
                return Some((Tok::NumFloat, n + 1));
            }
        }
    }
    if d > 0 && exponent(d) > 0 {
        return Some((Tok::NumFloat, d + exponent(d)));
    }
    if s.at(0) == Some(b'0') && matches!(s.at(1), Some(b'x' | b'X')) {
        return Some((Tok::NumHex, 2 + s.run(2, |c| c.is_ascii_hexdigit())));
    }
    (d > 0).then_some((Tok::NumInteger, d))
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
