//! PowerShell, as rouge 3.30's `Powershell` lexer (`lexers/powershell.rb`, tag `powershell`,
//! aliases `posh`, `microsoftshell`, `msshell`). Its states: `root` (comments, operators,
//! `class` and `function` declarations, reserved words, parameters, commands with the
//! `parameters` state after them, members, then `expr` and `variable`), `expr` (strings,
//! here-strings, numbers, hash tables, arrays, blocks, brackets), `variable` (automatic
//! variables, `$scope:name`, `${…}`), `multiline` (`<# … #>` with its help keywords), `dq`
//! and `heredoc` (with `$(…)` interpolations, `interpol`), `sq`, `class`, `hasht`, `array`,
//! `brace`, `bracket` and `parameters`. Where rouge's rule has `i`, words match in any case as
//! Onigmo folds it (`scan::starts_folded`), and `[a-z]` takes the long s and the Kelvin sign.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{ascii_fold, in_words, run_states, starts_folded, Finder, Scan, States},
    token::Tok,
};

/// rouge's `ATTRIBUTES`: the names a bracket colours as built in.
const ATTRIBUTES: &str = "ConfirmImpact DefaultParameterSetName HelpURI PositionalBinding \
    SupportsPaging SupportsShouldProcess";

/// rouge's `AUTO_VARS`, in its order: the first that starts the code is taken, whatever follows.
const AUTO_VARS: &[&str] = &[
    "$$",
    "$?",
    "$^",
    "$_",
    "$args",
    "$ConsoleFileName",
    "$Error",
    "$Event",
    "$EventArgs",
    "$EventSubscriber",
    "$ExecutionContext",
    "$false",
    "$foreach",
    "$HOME",
    "$Host",
    "$input",
    "$IsCoreCLR",
    "$IsLinux",
    "$IsMacOS",
    "$IsWindows",
    "$LastExitCode",
    "$Matches",
    "$MyInvocation",
    "$NestedPromptLevel",
    "$null",
    "$PID",
    "$PROFILE",
    "$PSBoundParameters",
    "$PSCmdlet",
    "$PSCommandPath",
    "$PSCulture",
    "$PSDebugContext",
    "$PSHOME",
    "$PSItem",
    "$PSScriptRoot",
    "$PSSenderInfo",
    "$PSUICulture",
    "$PSVersionTable",
    "$PWD",
    "$REPORTERRORSHOWEXCEPTIONCLASS",
    "$REPORTERRORSHOWINNEREXCEPTION",
    "$REPORTERRORSHOWSOURCE",
    "$REPORTERRORSHOWSTACKTRACE",
    "$SENDER",
    "$ShellId",
    "$StackTrace",
    "$switch",
    "$this",
    "$true",
];

/// rouge's `KEYWORDS` (reserved words), sorted, in lower case.
const KEYWORDS: &str = "assembly base begin break catch class command configuration continue \
    data define do dynamicparam else elseif end enum exit filter finally for foreach from \
    function hidden if in inlinescript interface module namespace parallel param private process \
    public return sequence static switch throw trap try type until using var while workflow";

/// rouge's `OPERATORS`, in its order: the first that starts the code (in any case) with a word
/// boundary after it is taken.
const OPERATORS: &[&str] = &[
    "-split",
    "-isplit",
    "-csplit",
    "-join",
    "-is",
    "-isnot",
    "-as",
    "-eq",
    "-ieq",
    "-ceq",
    "-ne",
    "-ine",
    "-cne",
    "-gt",
    "-igt",
    "-cgt",
    "-ge",
    "-ige",
    "-cge",
    "-lt",
    "-ilt",
    "-clt",
    "-le",
    "-ile",
    "-cle",
    "-like",
    "-ilike",
    "-clike",
    "-notlike",
    "-inotlike",
    "-cnotlike",
    "-match",
    "-imatch",
    "-cmatch",
    "-notmatch",
    "-inotmatch",
    "-cnotmatch",
    "-contains",
    "-icontains",
    "-ccontains",
    "-notcontains",
    "-inotcontains",
    "-cnotcontains",
    "-replace",
    "-ireplace",
    "-creplace",
    "-shl",
    "-shr",
    "-band",
    "-bor",
    "-bxor",
    "-and",
    "-or",
    "-xor",
    "-not",
    "+=",
    "-=",
    "*=",
    "/=",
    "%=",
];

/// rouge's `MULTILINE_KEYWORDS`: the help keywords of a block comment, after a `.`.
const HELP_KEYWORDS: &[&str] = &[
    "synopsis",
    "description",
    "parameter",
    "example",
    "inputs",
    "outputs",
    "notes",
    "link",
    "component",
    "role",
    "functionality",
    "forwardhelptargetname",
    "forwardhelpcategory",
    "remotehelprunspace",
    "externalhelp",
];

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Multiline,
    Interpol,
    Dq,
    Sq,
    Heredoc,
    Class,
    Hasht,
    Array,
    Brace,
    Bracket,
    Parameters,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut posh = Posh {
        stack: States::new(St::Root),
        here_sq: Finder::default(),
        braces: None,
    };
    run_states(code, e, |s, e| posh.step(s, e));
}

struct Posh {
    stack: States<St>,
    /// The closing `'@` of a single-quoted here-string.
    here_sq: Finder,
    /// Where `${…}` ends from each place of the code, worked out once when first needed.
    braces: Option<Vec<u32>>,
}

/// No `}` closes a `${…}` from this place.
const NO_END: u32 = u32::MAX;

/// For each character boundary of `src`, where the items of `(?:[^`]|`.)+?\}` from there end
/// (just after the first `}` found where an item would start), or `NO_END`: worked out from
/// the end back, so asking from every `${` of the code stays linear.
fn brace_ends(src: &str) -> Vec<u32> {
    let b = src.as_bytes();
    let mut ends = vec![NO_END; b.len() + 1];
    let starts: Vec<usize> = src.char_indices().map(|(i, _)| i).collect();
    for (k, &i) in starts.iter().enumerate().rev() {
        let next = starts.get(k + 1).copied().unwrap_or(b.len());
        ends[i] = match b[i] {
            b'}' => (i + 1) as u32,
            b'`' if next < b.len() && b[next] != b'\n' => {
                ends[starts.get(k + 2).copied().unwrap_or(b.len())]
            }
            b'`' => NO_END,
            _ => ends[next],
        };
    }
    ends
}

/// Whether `word` is a reserved word in any case (as Onigmo folds it).
fn is_keyword(word: &str) -> bool {
    let mut folded = [0u8; 16];
    let mut n = 0;
    for c in word.chars() {
        let mut one = [0; 4];
        let Some(fold) = ascii_fold(c, &mut one) else {
            return false;
        };
        let Some(to) = folded.get_mut(n..n + fold.len()) else {
            return false;
        };
        to.copy_from_slice(fold.as_bytes());
        n += fold.len();
    }
    n > 0 && std::str::from_utf8(&folded[..n]).is_ok_and(|w| in_words(KEYWORDS, w))
}

/// `[-\w]+` at `pos + k`.
fn dashed_word(s: &Scan<'_>, k: usize) -> usize {
    s.run(k, |c| c == b'-' || is_ruby_word(c))
}

/// `[-.:\/\\~\w]*` at `pos + k`.
fn path_chars(s: &Scan<'_>, k: usize) -> usize {
    s.run(k, |c| b"-.:/\\~".contains(&c) || is_ruby_word(c))
}

impl Posh {
    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match self.stack.top() {
            St::Root => self.root(s, e),
            St::Multiline => self.multiline(s, e),
            St::Interpol => {
                if s.at(0) == Some(b')') {
                    return self.pop(s, e, Tok::StrInterpol, 1);
                }
                self.root(s, e)
            }
            St::Dq | St::Heredoc => self.string(s, e),
            St::Sq => {
                if s.at(0) == Some(b'\'') {
                    return self.pop(s, e, Tok::StrSingle, 1);
                }
                let n = s.run(0, |c| c != b'\'');
                e.tok(Tok::StrSingle, s.take(n));
                true
            }
            St::Class => self.class(s, e),
            St::Hasht => self.hasht(s, e),
            St::Array => self.array(s, e),
            St::Brace => {
                if s.at(0) == Some(b'}') {
                    return self.pop(s, e, Tok::Punctuation, 1);
                }
                self.root(s, e)
            }
            St::Bracket => self.bracket(s, e),
            St::Parameters => self.parameters(s, e),
        }
    }

    fn push(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok, n: usize, st: St) -> bool {
        e.tok(tok, s.take(n));
        self.stack.push(st);
        true
    }

    fn pop(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok, n: usize) -> bool {
        e.tok(tok, s.take(n));
        self.stack.pop();
        true
    }

    fn one(s: &mut Scan<'_>, e: &mut Emitter<'_>, tok: Tok, n: usize) -> bool {
        e.tok(tok, s.take(n));
        true
    }

    /// `\s+`, `#.*`, and `<#` opening a block comment.
    fn comments(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            return Self::one(s, e, Tok::Whitespace, ws);
        }
        if s.at(0) == Some(b'#') {
            let n = s.to_eol(0);
            return Self::one(s, e, Tok::Comment, n);
        }
        if s.starts("<#") {
            return self.push(s, e, Tok::CommentMultiline, 2, St::Multiline);
        }
        false
    }

    fn multiline(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'.') {
            if let Some(n) = HELP_KEYWORDS.iter().find_map(|w| starts_folded(s, 1, w)) {
                return Self::one(s, e, Tok::CommentSpecial, 1 + n);
            }
        }
        if s.starts("#>") {
            return self.pop(s, e, Tok::CommentMultiline, 2);
        }
        let n = match s.run(0, |c| c != b'#' && c != b'.') {
            0 => s.run(0, |c| c == b'#' || c == b'.'),
            n => n,
        };
        Self::one(s, e, Tok::CommentMultiline, n)
    }

    /// `dq` and `heredoc`: the closing quote (after `$` or `$#` too), `$(`, escapes, text,
    /// variables.
    fn string(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let here = self.stack.top() == St::Heredoc;
        let (tok, close) = match here {
            true => (Tok::StrHeredoc, "\"@"),
            false => (Tok::StrDouble, "\""),
        };
        let lead = match (s.at(0), s.at(1)) {
            (Some(b'$'), Some(b'#')) => 2,
            (Some(b'$'), _) => 1,
            _ => 0,
        };
        for k in [lead, 1, 0] {
            if k <= lead && s.rest()[k..].starts_with(close) {
                return self.pop(s, e, tok, k + close.len());
            }
        }
        if s.starts("$(") {
            return self.push(s, e, Tok::StrInterpol, 2, St::Interpol);
        }
        if s.at(0) == Some(b'`') {
            let n = match s.at(1) {
                None | Some(b'\n') => 1,
                _ => 1 + s.dot(1),
            };
            return Self::one(s, e, Tok::StrEscape, n);
        }
        let text = s.run(0, |c| !b"\"`$".contains(&c));
        if text > 0 {
            return Self::one(s, e, tok, text);
        }
        if here && s.at(0) == Some(b'"') {
            let n = s.run(0, |c| c == b'"');
            return Self::one(s, e, tok, n);
        }
        self.variable(s, e)
    }

    fn variable(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) != Some(b'$') {
            return false;
        }
        if let Some(v) = AUTO_VARS.iter().find(|v| s.starts(v)) {
            return Self::one(s, e, Tok::NameBuiltinPseudo, v.len());
        }
        let scope = s.run(1, is_ruby_word);
        if scope > 0 && s.at(1 + scope) == Some(b':') {
            let name = self.variable_name(s, 2 + scope);
            if name > 0 {
                e.tok(Tok::NameVariable, s.take(1));
                e.tok(Tok::NameNamespace, s.take(scope));
                e.tok(Tok::Punctuation, s.take(1));
                return Self::one(s, e, Tok::NameVariable, name);
            }
        }
        let name = self.variable_name(s, 1);
        if name == 0 {
            return false;
        }
        Self::one(s, e, Tok::NameVariable, 1 + name)
    }

    /// `\w+|\{(?:[^`]|`.)+?\}` at `pos + k`: its length, 0 if none.
    fn variable_name(&mut self, s: &Scan<'_>, k: usize) -> usize {
        let w = s.run(k, is_ruby_word);
        if w > 0 {
            return w;
        }
        if s.at(k) != Some(b'{') {
            return 0;
        }
        let ends = self.braces.get_or_insert_with(|| brace_ends(s.src));
        // The first item is any character (a `}` too), or a backtick with the next one.
        let first = s.pos + k + 1;
        let after = match s.at(k + 1) {
            None => return 0,
            Some(b'`') => match s.dot(k + 2) {
                0 => return 0,
                n => first + 1 + n,
            },
            Some(_) => first + s.char_len(k + 1),
        };
        match ends[after] {
            NO_END => 0,
            end => end as usize - s.pos - k,
        }
    }

    fn class(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'{') {
            return self.pop(s, e, Tok::Punctuation, 1);
        }
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            return Self::one(s, e, Tok::Whitespace, ws);
        }
        let w = s.run(0, is_ruby_word);
        if w > 0 {
            return Self::one(s, e, Tok::NameClass, w);
        }
        matches!(s.at(0), Some(b':' | b',')) && Self::one(s, e, Tok::Punctuation, 1)
    }

    fn hasht(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(b'}') => return self.pop(s, e, Tok::Punctuation, 1),
            Some(b'=') => return Self::one(s, e, Tok::Operator, 1),
            Some(b',' | b';') => return Self::one(s, e, Tok::Punctuation, 1),
            _ => {}
        }
        if self.expr(s, e) {
            return true;
        }
        let w = s.run(0, is_ruby_word);
        if w > 0 {
            return Self::one(s, e, Tok::NameOther, w);
        }
        self.variable(s, e)
    }

    fn array(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let ws = s.run(0, is_ruby_space);
        if ws > 0 {
            return Self::one(s, e, Tok::Whitespace, ws);
        }
        match s.at(0) {
            Some(b')') => self.pop(s, e, Tok::Punctuation, 1),
            Some(b',' | b';') => Self::one(s, e, Tok::Punctuation, 1),
            _ => self.expr(s, e) || self.variable(s, e),
        }
    }

    fn bracket(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b']') {
            return self.pop(s, e, Tok::Punctuation, 1);
        }
        if s.at(0).is_some_and(|c| c.is_ascii_alphabetic()) {
            let w = 1 + s.run(1, is_ruby_word);
            if w > 1 && s.at(w) == Some(b'.') {
                return Self::one(s, e, Tok::Name, w + 1);
            }
            if w > 1 {
                let tok = match in_words(ATTRIBUTES, &s.rest()[..w]) {
                    true => Tok::NameBuiltinPseudo,
                    false => Tok::Name,
                };
                return Self::one(s, e, tok, w);
            }
        }
        self.root(s, e)
    }

    fn parameters(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'`') && s.char_len(1) > 0 {
            let n = 1 + s.char_len(1);
            return Self::one(s, e, Tok::StrEscape, n);
        }
        let ws = s.run(0, is_ruby_space);
        if let Some(nl) = s.rest()[..ws].find('\n') {
            return self.pop(s, e, Tok::Whitespace, nl + 1);
        }
        match s.at(0) {
            Some(b';' | b'(' | b')' | b'{' | b'}' | b']') => {
                return self.pop(s, e, Tok::Punctuation, 1)
            }
            Some(b'|' | b'=') => return self.pop(s, e, Tok::Operator, 1),
            Some(c) if b"/\\~".contains(&c) || is_ruby_word(c) => {
                let n = 1 + path_chars(s, 1);
                return Self::one(s, e, Tok::NameOther, n);
            }
            _ => {}
        }
        self.root(s, e)
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        self.comments(s, e)
            || self.operator_word(s, e)
            || self.declaration(s, e)
            || self.command(s, e)
            || self.expr(s, e)
            || self.variable(s, e)
            || self.symbol(s, e)
    }

    /// `..` before a number, and the operators (in any case, a word boundary after them).
    fn operator_word(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.starts("..") {
            let k = 2 + usize::from(s.at(2) == Some(b'.'));
            if s.at(k).is_some_and(|c| c.is_ascii_digit()) {
                return Self::one(s, e, Tok::Operator, 2);
            }
        }
        if !matches!(s.at(0), Some(b'-' | b'+' | b'*' | b'/' | b'%')) {
            return false;
        }
        let op = OPERATORS
            .iter()
            .filter_map(|o| starts_folded(s, 0, o))
            .find(|&n| s.boundary(s.pos + n));
        match op {
            Some(n) => Self::one(s, e, Tok::Operator, n),
            None => false,
        }
    }

    /// `class` and `function` with their names, then the reserved words.
    fn declaration(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if let Some(n) = starts_folded(s, 0, "class") {
            let ws = s.run(n, is_ruby_space);
            let w = s.run(n + ws, is_ruby_word);
            if ws > 0 && w > 0 {
                e.tok(Tok::KeywordReserved, s.take(n));
                e.tok(Tok::Whitespace, s.take(ws));
                return self.push(s, e, Tok::NameClass, w, St::Class);
            }
        }
        if let Some(n) = starts_folded(s, 0, "function") {
            if self.function(s, e, n) {
                return true;
            }
        }
        let w = s.unicode_word(0);
        let after = s.at(w.len());
        if is_keyword(w) && !matches!(after, Some(b'-' | b'.')) {
            return Self::one(s, e, Tok::KeywordReserved, w.len());
        }
        false
    }

    /// `(function)(\s+)(?:(\w+)(:))?(\w[-\w]+)`.
    fn function(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, word: usize) -> bool {
        let ws = s.run(word, is_ruby_space);
        if ws == 0 {
            return false;
        }
        let at = word + ws;
        let name_at = |k: usize| match s.run(k, is_ruby_word) {
            0 => 0,
            _ => 1 + dashed_word(s, k + 1),
        };
        let scope = s.run(at, is_ruby_word);
        let scoped = (scope > 0 && s.at(at + scope) == Some(b':'))
            .then(|| name_at(at + scope + 1))
            .filter(|&n| n >= 2);
        let (scope, name) = match scoped {
            Some(n) => (scope, n),
            None => (0, name_at(at)),
        };
        if name < 2 {
            return false;
        }
        e.tok(Tok::KeywordReserved, s.take(word));
        e.tok(Tok::Whitespace, s.take(ws));
        if scope > 0 {
            e.tok(Tok::NameNamespace, s.take(scope));
            e.tok(Tok::Punctuation, s.take(1));
        }
        Self::one(s, e, Tok::NameFunction, name)
    }

    /// Parameters (`-Name`), indexed names, commands and members, `?`.
    fn command(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let dashes = s.run(0, |c| c == b'-').min(2);
        if dashes > 0 {
            let w = s.run(dashes, is_ruby_word);
            if w > 0 {
                return Self::one(s, e, Tok::NameTag, dashes + w);
            }
        }
        let dot = usize::from(s.at(0) == Some(b'.'));
        let word = dashed_word(s, dot);
        if word > 0 && s.at(dot + word) == Some(b'[') {
            e.tok(Tok::Operator, s.take(dot));
            e.tok(Tok::Name, s.take(word));
            return self.push(s, e, Tok::Punctuation, 1, St::Bracket);
        }
        // `[a-z]` with `i` takes the long s and the Kelvin sign too.
        let first = s
            .rest()
            .chars()
            .next()
            .filter(|&c| c.is_ascii_alphabetic() || "/\\~\u{17F}\u{212A}".contains(c));
        if let Some(c) = first {
            let n = c.len_utf8() + path_chars(s, c.len_utf8());
            e.tok(Tok::Name, s.take(n));
            if s.at(0) == Some(b'\n') {
                e.tok(Tok::Whitespace, s.take(1));
            }
            self.stack.push(St::Parameters);
            return true;
        }
        if dot == 1 && word > 0 {
            e.tok(Tok::Operator, s.take(1));
            e.tok(Tok::NameFunction, s.take(word));
            match s.at(0) {
                Some(b'(') => return self.push(s, e, Tok::Punctuation, 1, St::Parameters),
                Some(b'\n') => e.tok(Tok::Whitespace, s.take(1)),
                _ => {}
            }
            return true;
        }
        s.at(0) == Some(b'?') && self.push(s, e, Tok::NameFunction, 1, St::Parameters)
    }

    fn expr(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.comments(s, e) {
            return true;
        }
        match (s.at(0), s.at(1)) {
            (Some(b'"'), _) => return self.push(s, e, Tok::StrDouble, 1, St::Dq),
            (Some(b'\''), _) => return self.push(s, e, Tok::StrSingle, 1, St::Sq),
            (Some(b'@'), Some(b'"')) => return self.push(s, e, Tok::StrHeredoc, 2, St::Heredoc),
            (Some(b'@'), Some(b'\'')) => {
                if let Some(end) = self.here_sq.find(s.src, "'@", s.pos + 2) {
                    return Self::one(s, e, Tok::StrHeredoc, end + 2 - s.pos);
                }
            }
            _ => {}
        }
        let d = s.run(0, |c| c.is_ascii_digit());
        if s.at(d) == Some(b'.') {
            let f = s.run(d + 1, |c| c.is_ascii_digit());
            if f > 0 {
                return Self::one(s, e, Tok::NumFloat, d + 1 + f);
            }
        }
        if d > 0 {
            return Self::one(s, e, Tok::NumInteger, d);
        }
        match (s.at(0), s.at(1)) {
            (Some(b'@'), Some(b'{')) => self.push(s, e, Tok::Punctuation, 2, St::Hasht),
            (Some(b'@'), Some(b'(')) => self.push(s, e, Tok::Punctuation, 2, St::Array),
            (Some(b'{'), _) => self.push(s, e, Tok::Punctuation, 1, St::Brace),
            (Some(b'['), _) => self.push(s, e, Tok::Punctuation, 1, St::Bracket),
            _ => false,
        }
    }

    fn symbol(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        match s.at(0) {
            Some(c) if b"-+*/%=!.&|".contains(&c) => Self::one(s, e, Tok::Operator, 1),
            Some(c) if b"{}(),:;".contains(&c) => Self::one(s, e, Tok::Punctuation, 1),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [ATTRIBUTES, KEYWORDS] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
