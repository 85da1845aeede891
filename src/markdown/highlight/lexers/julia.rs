//! Julia, as rouge 3.30's `Julia` lexer (`lexers/julia.rb`, tag `julia`, alias `jl`). Its
//! states: `root`, `blockcomment` (`#= … =#`, nesting), `string` (with `stringescape` and
//! `$` interpolation with format flags), `funcname` (after `function`/`macro`) and `typename`
//! (after `struct`, `abstract type` …). rouge's keyword pattern is written with `x`, so its
//! two-word keywords only match without their space (`mutablestruct`); its transpose rule
//! looks behind, which its scanner cannot, and its `\` rules come after `\` is an operator:
//! those never match and are left out.

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Finder, Scan, States},
    token::Tok,
};
use crate::markdown::unicode::{is_mark, is_other_punctuation, is_symbol, is_word};

/// `BUILTINS`, sorted.
const BUILTINS: &str =
    "ARGS C_NULL DEPOT_PATH ENDIAN_BOM ENV Inf Inf16 Inf32 Inf64 LOAD_PATH NaN NaN16 NaN32 \
    NaN64 VERSION devnull false im missing nothing pi stderr stdin stdout true undef π ℯ";

/// `KEYWORDS`, sorted; `x` took the spaces out of rouge's two-word ones.
const KEYWORDS: &str =
    "abstracttype begin catch const do else elseif end export finally for forouter function \
    global if import in isa local macro module mutablestruct quote return struct try using \
    where while";

/// `TYPES`, sorted.
const TYPES: &str = "\
ARPACKException AbstractArray AbstractChannel AbstractChar AbstractDict AbstractDisplay \
    AbstractFloat AbstractIrrational AbstractLogger AbstractMatrix AbstractREPL AbstractRNG \
    AbstractRange AbstractSerializer AbstractSet AbstractSparseArray AbstractSparseMatrix \
    AbstractSparseVector AbstractString AbstractUnitRange AbstractVecOrMat AbstractVector \
    AbstractWorkerPool Adjoint Any ArgumentError Array AssertionError Base64DecodePipe \
    Base64EncodePipe BasicREPL Bidiagonal BigFloat BigInt BitArray BitMatrix BitSet BitVector \
    Bool BoundsError BunchKaufman CachingPool CapturedException CartesianIndex CartesianIndices \
    Cchar Cdouble Cfloat Channel Char Cholesky CholeskyPivoted Cint Cintmax_t Clong Clonglong \
    ClusterManager Cmd Colon Complex ComplexF16 ComplexF32 ComplexF64 CompositeException \
    Condition ConsoleLogger Cptrdiff_t Cshort Csize_t Cssize_t Cstring Cuchar Cuint Cuintmax_t \
    Culong Culonglong Cushort Cvoid Cwchar_t Cwstring DataType Date DateFormat DatePeriod \
    DateTime Day DenseArray DenseMatrix DenseVecOrMat DenseVector Diagonal Dict \
    DimensionMismatch Dims DivideError DomainError EOFError Eigen Enum ErrorException Exception \
    ExponentialBackOff Expr FDWatcher Factorization FileMonitor Float16 Float32 Float64 \
    FolderMonitor Function GeneralizedEigen GeneralizedSVD GeneralizedSchur GenericArray \
    GenericDict GenericSet GenericString GitConfig GitRepo GlobalRef HMAC_CTX HTML Hermitian \
    Hessenberg Hour IO IOBuffer IOContext IOStream IPAddr IPv4 IPv6 IdDict IndexCartesian \
    IndexLinear IndexStyle InexactError InitError Int Int128 Int16 Int32 Int64 Int8 Integer \
    InterruptException InvalidStateException Irrational KeyError LAPACKException LDLt LQ LU \
    LinRange LineEditREPL LineNumberNode LinearIndices LoadError LogLevel LowerTriangular MIME \
    Matrix MersenneTwister Method MethodError Microsecond Millisecond Minute Missing \
    MissingException Module Month NTuple NamedTuple Nanosecond Nothing NullLogger Number \
    OrdinalRange OutOfMemoryError OverflowError PackageMode PackageSpec Pair PartialQuickSort \
    Period PermutedDimsArray Pipe PollingFileWatcher PosDefException ProcessExitedException Ptr \
    QR QRPivoted QuoteNode RandomDevice RankDeficientException Rational RawFD \
    ReadOnlyMemoryError Real ReentrantLock Ref Regex RegexMatch RemoteChannel RemoteException \
    RoundingMode SHA1_CTX SHA224_CTX SHA256_CTX SHA2_224_CTX SHA2_256_CTX SHA2_384_CTX \
    SHA2_512_CTX SHA384_CTX SHA3_224_CTX SHA3_256_CTX SHA3_384_CTX SHA3_512_CTX SHA512_CTX SVD \
    Schur Second SegmentationFault Serializer Set SharedArray SharedMatrix SharedVector Signed \
    SimpleLogger SingularException Some SparseMatrixCSC SparseVector StackOverflowError \
    StepRange StepRangeLen StreamREPL StridedArray StridedMatrix StridedVecOrMat StridedVector \
    String StringIndexError SubArray SubString SubstitutionString SymTridiagonal Symbol \
    Symmetric SystemError TCPSocket Task TestSetException Text TextDisplay Time TimePeriod \
    TimeType TimeZone Timer Transpose Tridiagonal Tuple Type TypeError TypeVar UDPSocket UInt \
    UInt128 UInt16 UInt32 UInt64 UInt8 UTC UUID UndefInitializer UndefKeywordError \
    UndefRefError UndefVarError UniformScaling Union UnionAll UnitLowerTriangular UnitRange \
    UnitUpperTriangular Unsigned UpgradeLevel UpperTriangular Val Vararg VecElement VecOrMat \
    Vector VersionNumber WeakKeyDict WeakRef Week WorkerConfig WorkerPool Year";

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    BlockComment,
    Str,
    Funcname,
    Typename,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut stack = States::new(St::Root);
    let (mut ticks, mut braces, mut lines) =
        (Finder::default(), Finder::default(), Finder::default());
    run_states(code, e, |s, e| match stack.top() {
        St::Root => root(s, e, &mut stack, &mut ticks, &mut lines),
        St::BlockComment => block_comment(s, e, &mut stack),
        St::Str => string(s, e, &mut stack, &mut braces, &mut lines),
        St::Funcname => funcname(s, e, &mut stack),
        St::Typename => {
            let n = name_len(s);
            if n == 0 {
                return false;
            }
            e.tok(Tok::NameClass, s.take(n));
            stack.pop();
            true
        }
    });
}

/// The operators' characters: rouge's `OPERATORS`, whose every alternative is made of them
/// (and whose tokens merge, so one character at a time colours them alike).
fn is_operator(c: char) -> bool {
    matches!(
        c,
        '+' | '='
            | '-'
            | '*'
            | '/'
            | '\\'
            | '&'
            | '|'
            | '$'
            | '~'
            | '^'
            | '%'
            | '!'
            | '>'
            | '<'
            | '≠'
            | '≤'
            | '≥'
            | '.'
            | ':'
            | '?'
            | '÷'
    )
}

fn root(
    s: &mut Scan<'_>,
    e: &mut Emitter<'_>,
    stack: &mut States<St>,
    ticks: &mut Finder,
    lines: &mut Finder,
) -> bool {
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    if s.starts("#=") {
        e.tok(Tok::CommentMultiline, s.take(2));
        stack.push(St::BlockComment);
        return true;
    }
    if s.at(0) == Some(b'#') {
        let n = s.to_eol(0);
        e.tok(Tok::Comment, s.take(n));
        return true;
    }
    let Some(c) = s.rest().chars().next() else {
        return false;
    };
    if is_operator(c) {
        e.tok(Tok::Operator, s.take(c.len_utf8()));
        return true;
    }
    if declaration(s, e, stack) || words(s, e) {
        return true;
    }
    if c == '`' {
        let close = ticks.find(s.src, "`", s.pos + 1);
        let eol = lines.find(s.src, "\n", s.pos + 1);
        if let Some(at) = close.filter(|&at| eol.is_none_or(|l| at < l)) {
            let n = at + 1 - s.pos;
            e.tok(Tok::StrBacktick, s.take(n));
            return true;
        }
    }
    if c == '\'' {
        let n = char_literal(s);
        if n > 0 {
            e.tok(Tok::StrChar, s.take(n));
            return true;
        }
    }
    let open = match c {
        'I' | 'L' | 'E' if s.at(1) == Some(b'"') => 2,
        '"' => 1,
        _ => 0,
    };
    if open > 0 {
        e.tok(Tok::Str, s.take(open));
        stack.push(St::Str);
        return true;
    }
    names(s, e, c)
}

/// `function`/`macro` and `struct`/`abstract type`/`primitive type`, with the spaces after
/// them (rouge's second group: a name's token, spaces and all).
fn declaration(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let heads = [
        ("function", Tok::NameFunction, St::Funcname),
        ("macro", Tok::NameFunction, St::Funcname),
        ("mutable struct", Tok::NameClass, St::Typename),
        ("struct", Tok::NameClass, St::Typename),
        ("abstract type", Tok::NameClass, St::Typename),
        ("primitive type", Tok::NameClass, St::Typename),
    ];
    for (head, tok, next) in heads {
        if !s.starts(head) {
            continue;
        }
        let mut n = head.len();
        loop {
            match (s.at(n), s.at(n + 1)) {
                (Some(c), _) if is_ruby_space(c) => n += 1,
                (Some(b'\\'), Some(c)) if is_ruby_space(c) => n += 2,
                _ => break,
            }
        }
        if n > head.len() {
            e.tok(Tok::Keyword, s.take(head.len()));
            e.tok(tok, s.take(n - head.len()));
            stack.push(next);
            return true;
        }
    }
    false
}

/// Types, declarations, keywords and builtins: whole words (Ruby's `\b` sees Unicode).
fn words(s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
    let w = s.unicode_word(0);
    let tok = if w.is_empty() {
        return false;
    } else if in_words(TYPES, w) {
        Tok::KeywordType
    } else if matches!(w, "local" | "global" | "const") {
        Tok::KeywordDeclaration
    } else if in_words(KEYWORDS, w) {
        Tok::Keyword
    } else if in_words(BUILTINS, w) {
        Tok::NameBuiltin
    } else {
        return false;
    };
    e.tok(tok, s.take(w.len()));
    true
}

/// `'…'`: one character or escape between quotes, rouge's alternatives in order; its length.
fn char_literal(s: &Scan<'_>) -> usize {
    let closes = |n: usize| s.at(n) == Some(b'\'');
    if s.at(1) == Some(b'\\') {
        let dot = s.dot(2);
        if dot > 0 && closes(2 + dot) {
            return 3 + dot;
        }
        // `\\[0-7]{1,3}`, `\\x[hex]{1,3}`, `\\u[hex]{1,4}`, `\\U[hex]{1,6}`: the longest run
        // that a quote follows.
        let octal = |c: u8| (b'0'..=b'7').contains(&c);
        let hex = |c: u8| c.is_ascii_hexdigit();
        for (mark, most) in [(None, 3), (Some(b'x'), 3), (Some(b'u'), 4), (Some(b'U'), 6)] {
            if mark.is_some_and(|m| s.at(2) != Some(m)) {
                continue;
            }
            let from = 2 + usize::from(mark.is_some());
            let run = s
                .run(from, if mark.is_some() { hex } else { octal })
                .min(most);
            if let Some(k) = (1..=run).rev().find(|&k| closes(from + k)) {
                return from + k + 1;
            }
        }
        return 0;
    }
    match s.at(1) {
        Some(b'\'' | b'\n') | None => 0,
        Some(_) => {
            let n = s.char_len(1);
            if closes(1 + n) {
                2 + n
            } else {
                0
            }
        }
    }
}

/// Whether `c` may be in a name at root (`[a-zA-Z_\u00A1-\uffff]`, digits after the first).
fn is_name_char(c: char, first: bool) -> bool {
    c.is_ascii_alphabetic()
        || c == '_'
        || ('\u{a1}'..='\u{ffff}').contains(&c)
        || (!first && c.is_ascii_digit())
}

/// Decorators, names, punctuation (rouge's `Other`) and numbers.
fn names(s: &mut Scan<'_>, e: &mut Emitter<'_>, c: char) -> bool {
    if c == '@' {
        let n = s.run(1, |b| is_ruby_word(b) || b == b'.');
        if n > 0 {
            e.tok(Tok::NameDecorator, s.take(1 + n));
            return true;
        }
    }
    if is_name_char(c, true) {
        let rest = s.rest();
        let n = rest
            .char_indices()
            .find(|&(_, c)| !is_name_char(c, false))
            .map_or(rest.len(), |(i, _)| i);
        let n = n + s.run(n, |b| b == b'!');
        e.tok(Tok::Name, s.take(n));
        return true;
    }
    if "[]{}(),;".contains(c) {
        e.tok(Tok::Other, s.take(1));
        return true;
    }
    match number(s) {
        Some((tok, n)) => {
            e.tok(tok, s.take(n));
            true
        }
        None => false,
    }
}

/// `[class]+(_[class]+)*` at `pos + k`: its length, and whether it had a `_` group.
fn grouped(s: &Scan<'_>, k: usize, class: fn(u8) -> bool) -> (usize, bool) {
    let mut n = s.run(k, class);
    let mut groups = false;
    if n == 0 {
        return (0, false);
    }
    while s.at(k + n) == Some(b'_') && s.at(k + n + 1).is_some_and(class) {
        n += 1 + s.run(k + n + 1, class);
        groups = true;
    }
    (n, groups)
}

/// `[eEf][+-]?[0-9]+` at `pos + k`: its length, 0 if none.
fn exponent(s: &Scan<'_>, k: usize) -> usize {
    if !matches!(s.at(k), Some(b'e' | b'E' | b'f')) {
        return 0;
    }
    let sign = usize::from(matches!(s.at(k + 1), Some(b'+' | b'-')));
    match s.run(k + 1 + sign, |c| c.is_ascii_digit()) {
        0 => 0,
        d => 1 + sign + d,
    }
}

/// rouge's number rules in order: floats with `_` groups, floats, floats with exponents only,
/// binary, octal, hexadecimal, integers.
fn number(s: &Scan<'_>) -> Option<(Tok, usize)> {
    let digit = |c: u8| c.is_ascii_digit();
    let d = s.run(0, digit);
    if d == 0 {
        return None;
    }
    let (int, int_groups) = grouped(s, 0, digit);
    // `\d+(_\d+)+\.\d*`, then `\d*\.\d+(_\d+)+`.
    if int_groups && s.at(int) == Some(b'.') {
        let n = int + 1 + s.run(int + 1, digit);
        return Some((Tok::NumFloat, n + exponent(s, n)));
    }
    if s.at(d) == Some(b'.') {
        let (frac, frac_groups) = grouped(s, d + 1, digit);
        if frac_groups {
            let n = d + 1 + frac;
            return Some((Tok::NumFloat, n + exponent(s, n)));
        }
        let n = d + 1 + s.run(d + 1, digit);
        return Some((Tok::NumFloat, n + exponent(s, n)));
    }
    if int_groups && exponent(s, int) > 0 {
        return Some((Tok::NumFloat, int + exponent(s, int)));
    }
    if exponent(s, d) > 0 {
        return Some((Tok::NumFloat, d + exponent(s, d)));
    }
    if s.at(0) == Some(b'0') {
        for (mark, tok, class) in [
            (
                b'b',
                Tok::NumBin,
                (|c: u8| c == b'0' || c == b'1') as fn(u8) -> bool,
            ),
            (b'o', Tok::NumOct, |c: u8| (b'0'..=b'7').contains(&c)),
            (b'x', Tok::NumHex, |c: u8| c.is_ascii_hexdigit()),
        ] {
            if s.at(1) == Some(mark) {
                let (n, _) = grouped(s, 2, class);
                if n > 0 {
                    return Some((tok, 2 + n));
                }
            }
        }
    }
    Some((Tok::NumInteger, int))
}

/// `[\p{L}\p{Nl}\p{S}_][\p{Word}\p{S}\p{Po}!]*` at `pos`: its length, 0 if none. Letters and
/// letter numbers are what is Alphabetic but no mark (its others are symbols, taken anyway).
fn name_len(s: &Scan<'_>) -> usize {
    let rest = s.rest();
    let mut chars = rest.char_indices();
    match chars.next() {
        Some((_, c)) if (c.is_alphabetic() && !is_mark(c)) || is_symbol(c) || c == '_' => {}
        _ => return 0,
    }
    chars
        .find(|&(_, c)| !(is_word(c) || is_symbol(c) || is_other_punctuation(c) || c == '!'))
        .map_or(rest.len(), |(i, _)| i)
}

/// `[^\s\w{]` (ASCII `\s` and `\w`).
fn is_bare_operator(c: char) -> bool {
    !(c.is_ascii() && (is_ruby_space(c as u8) || is_ruby_word(c as u8))) && c != '{'
}

fn funcname(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let n = name_len(s);
    if n > 0 {
        e.tok(Tok::NameFunction, s.take(n));
        stack.pop();
        return true;
    }
    let rest = s.rest();
    let ops: Vec<(usize, char)> = rest.char_indices().take(5).collect();
    let bare = |i: usize| ops.get(i).is_some_and(|&(_, c)| is_bare_operator(c));
    let end = |i: usize| ops.get(i).map_or(rest.len(), |&(at, _)| at);
    if s.at(0) == Some(b'(') {
        for k in [2, 1] {
            if (1..=k).all(bare) && ops.get(k + 1).is_some_and(|&(_, c)| c == ')') {
                e.tok(Tok::Operator, s.take(end(k + 2)));
                stack.pop();
                return true;
            }
        }
    }
    let k = usize::from(bare(0)) + usize::from(bare(0) && bare(1));
    if k == 0 {
        return false;
    }
    e.tok(Tok::Operator, s.take(end(k)));
    stack.pop();
    true
}

fn block_comment(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    if s.starts("#=") {
        e.tok(Tok::CommentMultiline, s.take(2));
        stack.push(St::BlockComment);
    } else if s.starts("=#") {
        e.tok(Tok::CommentMultiline, s.take(2));
        stack.pop();
    } else {
        // A lone `=` or `#` is one character; any other run is whole characters.
        let n = s.run(0, |c| c != b'=' && c != b'#').max(1);
        e.tok(Tok::CommentMultiline, s.take(n));
    }
    true
}

/// `stringescape`'s escape at `pos` (a backslash): its length, 0 if none.
fn escape(s: &Scan<'_>, braces: &mut Finder, lines: &mut Finder) -> usize {
    let hex = |c: u8| c.is_ascii_hexdigit();
    match s.at(1) {
        Some(c) if b"\\abfnrtv\"'\n".contains(&c) => 2,
        Some(b'N') if s.at(2) == Some(b'{') => {
            let close = braces.find(s.src, "}", s.pos + 3);
            let eol = lines.find(s.src, "\n", s.pos + 3);
            close
                .filter(|&at| eol.is_none_or(|l| at < l))
                .map_or(0, |at| at + 1 - s.pos)
        }
        Some(b'u') if s.run(2, hex) >= 4 => 6,
        Some(b'U') if s.run(2, hex) >= 8 => 10,
        Some(b'x') if s.run(2, hex) >= 2 => 4,
        Some(b'0'..=b'7') => 1 + s.run(1, |c| (b'0'..=b'7').contains(&c)).min(3),
        _ => 0,
    }
}

/// `$`, an optional `(name)`, flags, width and precision: `$` interpolation's length.
fn interpolation(s: &Scan<'_>) -> usize {
    let mut n = 1;
    if s.at(1) == Some(b'(') {
        let w = s.run(2, is_ruby_word);
        if w > 0 && s.at(2 + w) == Some(b')') {
            n = 3 + w;
        }
    }
    n += s.run(n, |c| matches!(c, b'-' | b'#' | b'0' | b' ' | b'+'));
    n += match s.run(n, |c| c.is_ascii_digit()) {
        0 => usize::from(s.at(n) == Some(b'*')),
        d => d,
    };
    if s.at(n) == Some(b'.') {
        let p = match s.run(n + 1, |c| c.is_ascii_digit()) {
            0 => usize::from(s.at(n + 1) == Some(b'*')),
            d => d,
        };
        if p > 0 {
            n += 1 + p;
        }
    }
    n
}

fn string(
    s: &mut Scan<'_>,
    e: &mut Emitter<'_>,
    stack: &mut States<St>,
    braces: &mut Finder,
    lines: &mut Finder,
) -> bool {
    let (tok, n) = match s.at(0) {
        None => return false,
        Some(b'\\') => match escape(s, braces, lines) {
            0 => (Tok::Str, 1),
            n => (Tok::StrEscape, n),
        },
        Some(b'"') => {
            stack.pop();
            (Tok::Str, 1)
        }
        Some(b'$') => (Tok::StrInterpol, interpolation(s)),
        Some(_) => (Tok::Str, s.run(0, |c| !matches!(c, b'\\' | b'"' | b'$'))),
    };
    e.tok(tok, s.take(n));
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [BUILTINS, KEYWORDS, TYPES] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
