//! CSS, as rouge 3.30's `CSS` lexer (`lexers/css.rb`, tag `css`). Its states: `root` (selectors:
//! pseudo-classes, classes, ids, at-rules, tags, operators, strings), `stanza` (a rule's body:
//! property names), `stanza_value` (to `;` or `}`: `!important`, values), `at_rule` (an
//! at-rule's prelude, then `at_body` or `at_stanza`), and the shared rules `basics` (white
//! space, comments) and `value` (URLs, colours, numbers with units, strings, keywords). The HTML
//! lexer hands it the contents of `<style>` piece by piece (`Css::continue_lex`), its state kept.

use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Finder, Scan, States},
    token::Tok,
};
use crate::markdown::unicode::is_word;

pub(crate) const PROPERTIES: &str =
    "align-content align-items align-self alignment-adjust alignment-baseline all anchor-point \
    animation animation-delay animation-direction animation-duration animation-fill-mode \
    animation-iteration-count animation-name animation-play-state animation-timing-function \
    appearance azimuth backface-visibility background background-attachment background-clip \
    background-color background-image background-origin background-position background-repeat \
    background-size baseline-shift binding bleed bookmark-label bookmark-level bookmark-state \
    bookmark-target border border-bottom border-bottom-color border-bottom-left-radius \
    border-bottom-right-radius border-bottom-style border-bottom-width border-collapse \
    border-color border-image border-image-outset border-image-repeat border-image-slice \
    border-image-source border-image-width border-left border-left-color border-left-style \
    border-left-width border-radius border-right border-right-color border-right-style \
    border-right-width border-spacing border-style border-top border-top-color \
    border-top-left-radius border-top-right-radius border-top-style border-top-width \
    border-width bottom box-align box-decoration-break box-direction box-flex box-flex-group \
    box-lines box-ordinal-group box-orient box-pack box-shadow box-sizing break-after \
    break-before break-inside caption-side clear clip clip-path clip-rule color color-profile \
    column-count column-fill column-gap column-rule column-rule-color column-rule-style \
    column-rule-width column-span column-width columns content counter-increment counter-reset \
    crop cue cue-after cue-before cursor direction display dominant-baseline \
    drop-initial-after-adjust drop-initial-after-align drop-initial-before-adjust \
    drop-initial-before-align drop-initial-size drop-initial-value elevation empty-cells filter \
    fit fit-position flex flex-basis flex-direction flex-flow flex-grow flex-shrink flex-wrap \
    float float-offset font font-family font-feature-settings font-kerning \
    font-language-override font-size font-size-adjust font-stretch font-style font-synthesis \
    font-variant font-variant-alternates font-variant-caps font-variant-east-asian \
    font-variant-ligatures font-variant-numeric font-variant-position font-weight grid-cell \
    grid-column grid-column-align grid-column-sizing grid-column-span grid-columns grid-flow \
    grid-row grid-row-align grid-row-sizing grid-row-span grid-rows grid-template \
    hanging-punctuation height hyphenate-after hyphenate-before hyphenate-character \
    hyphenate-lines hyphenate-resource hyphens icon image-orientation image-rendering \
    image-resolution ime-mode inline-box-align justify-content left letter-spacing line-break \
    line-height line-stacking line-stacking-ruby line-stacking-shift line-stacking-strategy \
    list-style list-style-image list-style-position list-style-type margin margin-bottom \
    margin-left margin-right margin-top mark mark-after mark-before marker-offset marks \
    marquee-direction marquee-loop marquee-play-count marquee-speed marquee-style mask \
    max-height max-width min-height min-width move-to nav-down nav-index nav-left nav-right \
    nav-up object-fit object-position opacity order orphans outline outline-color outline-offset \
    outline-style outline-width overflow overflow-style overflow-wrap overflow-x overflow-y \
    padding padding-bottom padding-left padding-right padding-top page page-break-after \
    page-break-before page-break-inside page-policy pause pause-after pause-before perspective \
    perspective-origin phonemes pitch pitch-range play-during pointer-events position \
    presentation-level punctuation-trim quotes rendering-intent resize rest rest-after \
    rest-before richness right rotation rotation-point ruby-align ruby-overhang ruby-position \
    ruby-span size speak speak-as speak-header speak-numeral speak-punctuation speech-rate src \
    stress string-set tab-size table-layout target target-name target-new target-position \
    text-align text-align-last text-combine-horizontal text-decoration text-decoration-color \
    text-decoration-line text-decoration-skip text-decoration-style text-emphasis \
    text-emphasis-color text-emphasis-position text-emphasis-style text-height text-indent \
    text-justify text-orientation text-outline text-overflow text-rendering text-shadow \
    text-space-collapse text-transform text-underline-position text-wrap top transform \
    transform-origin transform-style transition transition-delay transition-duration \
    transition-property transition-timing-function unicode-bidi vertical-align visibility \
    voice-balance voice-duration voice-family voice-pitch voice-pitch-range voice-range \
    voice-rate voice-stress voice-volume volume white-space widows width word-break word-spacing \
    word-wrap writing-mode z-index";

pub(crate) const BUILTINS: &str =
    "above absolute always armenian aural auto avoid baseline behind below bidi-override blink \
    block bold bolder both bottom capitalize center center-left center-right circle \
    cjk-ideographic close-quote collapse condensed continuous crop cross crosshair cursive \
    dashed decimal decimal-leading-zero default digits disc dotted double e-resize embed \
    expanded extra-condensed extra-expanded fantasy far-left far-right fast faster fixed \
    georgian groove hebrew help hidden hide high higher hiragana hiragana-iroha icon inherit \
    inline inline-table inset inside invert italic justify katakana katakana-iroha landscape \
    large larger left left-side leftwards level lighter line-through list-item loud low lower \
    lower-alpha lower-greek lower-roman lowercase ltr medium message-box middle mix monospace \
    n-resize narrower ne-resize no-close-quote no-open-quote no-repeat none normal nowrap \
    nw-resize oblique once open-quote outset outside overline pointer portrait px relative \
    repeat repeat-x repeat-y rgb ridge right right-side rightwards s-resize sans-serif scroll \
    se-resize semi-condensed semi-expanded separate serif show silent slow slower small-caps \
    small-caption smaller soft solid spell-out square static status-bar super sw-resize \
    table-caption table-cell table-column table-column-group table-footer-group \
    table-header-group table-row table-row-group text text-bottom text-top thick thin top \
    transparent ultra-condensed ultra-expanded underline upper-alpha upper-latin upper-roman \
    uppercase url visible w-resize wait wider x-fast x-high x-large x-loud x-low x-small x-soft \
    xx-large xx-small yes";

pub(crate) const CONSTANTS: &str =
    "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue \
    blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk \
    crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkkhaki darkmagenta \
    darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue \
    darkslategray darkturquoise darkviolet deeppink deepskyblue dimgray dodgerblue firebrick \
    floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow \
    honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon \
    lightblue lightcoral lightcyan lightgoldenrodyellow lightgreen lightgrey lightpink \
    lightsalmon lightseagreen lightskyblue lightslategray lightsteelblue lightyellow lime \
    limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple \
    mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred \
    midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange \
    orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff \
    peru pink plum powderblue purple red rosybrown royalblue saddlebrown salmon sandybrown \
    seagreen seashell sienna silver skyblue slateblue slategray snow springgreen steelblue tan \
    teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen";

/// Property name prefixes that mark a vendor's property (coloured as known properties are).
const VENDOR_PREFIXES: &[&str] = &[
    "-ah-", "-atsc-", "-hp-", "-khtml-", "-moz-", "-ms-", "-o-", "-rim-", "-ro-", "-tc-", "-wap-",
    "-webkit-", "-xv-", "mso-", "prince-",
];

/// The units a number may carry, in rouge's order (the first one followed by a word boundary
/// is taken).
const UNITS: &[&str] = &[
    "em", "px", "pt", "pc", "in", "mm", "cm", "ex", "rem", "ch", "vw", "vh", "vmin", "vmax", "dpi",
    "dpcm", "dppx", "deg", "grad", "rad", "turn", "s", "ms", "Hz", "kHz",
];

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Stanza,
    StanzaValue,
    AtRule,
    AtBody,
    AtStanza,
}

/// The CSS lexer with its state stack, which lives on between the pieces it is given.
pub(crate) struct Css {
    stack: States<St>,
}

/// The forward searches of one piece of code, remembered so that unclosed comments and strings
/// stay linear.
#[derive(Default)]
struct Ahead {
    comment_ends: Finder,
    parens: Finder,
    lines: Finder,
    last_dq: Option<Option<usize>>,
    last_sq: Option<Option<usize>>,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    Css::new().continue_lex(code, e);
}

impl Css {
    pub(crate) fn new() -> Self {
        Css {
            stack: States::new(St::Root),
        }
    }

    /// Lexes `code` from the state the last piece left (rouge's `continue_lex`): rouge scans
    /// each piece on its own, so nothing before or after it is seen.
    pub(crate) fn continue_lex(&mut self, code: &str, e: &mut Emitter<'_>) {
        let mut ahead = Ahead::default();
        run_states(code, e, |s, e| self.step(s, e, &mut ahead));
    }

    fn step(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, ahead: &mut Ahead) -> bool {
        match self.stack.top() {
            St::Root => basics(s, e, ahead) || self.root(s, e, ahead),
            St::Stanza => basics(s, e, ahead) || self.stanza(s, e),
            St::StanzaValue => self.stanza_value(s, e, ahead),
            St::AtRule => self.at_rule(s, e, ahead),
            St::AtBody => self.at_content(s, e) || basics(s, e, ahead) || self.root(s, e, ahead),
            St::AtStanza => self.at_content(s, e) || basics(s, e, ahead) || self.stanza(s, e),
        }
    }

    fn root(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, ahead: &mut Ahead) -> bool {
        let Some(b) = s.at(0) else { return false };
        if b == b'{' {
            e.tok(Tok::Punctuation, s.take(1));
            self.stack.push(St::Stanza);
            return true;
        }
        let prefixed = match b {
            b':' => {
                let colons = if s.at(1) == Some(b':') { 2 } else { 1 };
                Some((colons, Tok::NameDecorator))
            }
            b'.' => Some((1, Tok::NameClass)),
            b'#' => Some((1, Tok::NameFunction)),
            b'@' => Some((1, Tok::Keyword)),
            _ => None,
        };
        if let Some((k, tok)) = prefixed {
            let n = identifier(s, k);
            if n > 0 {
                e.tok(tok, s.take(k + n));
                if b == b'@' {
                    self.stack.push(St::AtRule);
                }
                return true;
            }
        }
        let n = identifier(s, 0);
        if n > 0 {
            e.tok(Tok::NameTag, s.take(n));
            return true;
        }
        if b"~^*!%&[]()<>|+=@:;,./?-".contains(&b) {
            e.tok(Tok::Operator, s.take(1));
            return true;
        }
        string(s, e, ahead)
    }

    fn stanza(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) == Some(b'}') {
            e.tok(Tok::Punctuation, s.take(1));
            self.stack.pop();
            return true;
        }
        let n = identifier(s, 0);
        let ws = s.run(n, is_ruby_space);
        if n == 0 || s.at(n + ws) != Some(b':') {
            return false;
        }
        let name = &s.rest()[..n];
        let known =
            in_words(PROPERTIES, name) || VENDOR_PREFIXES.iter().any(|p| name.starts_with(p));
        let tok = if known {
            Tok::NameLabel
        } else {
            Tok::NameProperty
        };
        e.tok(tok, s.take(n));
        e.tok(Tok::Text, s.take(ws));
        e.tok(Tok::Punctuation, s.take(1));
        self.stack.push(St::StanzaValue);
        true
    }

    fn stanza_value(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, ahead: &mut Ahead) -> bool {
        match s.at(0) {
            Some(b';') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.pop();
                return true;
            }
            Some(b'}') => {
                self.stack.pop();
                return true;
            }
            Some(b'!') => {
                let ws = s.run(1, is_ruby_space);
                if s.rest()[1 + ws..].starts_with("important") && s.boundary(s.pos + 1 + ws + 9) {
                    e.tok(Tok::CommentPreproc, s.take(1 + ws + 9));
                    return true;
                }
            }
            Some(b'@') if s.bol() => {
                let n = s.to_eol(0);
                e.tok(Tok::CommentPreproc, s.take(n));
                return true;
            }
            _ => {}
        }
        value(s, e, ahead)
    }

    fn at_rule(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>, ahead: &mut Ahead) -> bool {
        match s.at(0) {
            Some(b'{') => {
                let ws = s.run(1, is_ruby_space);
                let n = identifier(s, 1 + ws);
                let ws2 = s.run(1 + ws + n, is_ruby_space);
                let next = if n > 0 && s.at(1 + ws + n + ws2) == Some(b':') {
                    St::AtStanza
                } else {
                    St::AtBody
                };
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.push(next);
                true
            }
            Some(b';') => {
                e.tok(Tok::Punctuation, s.take(1));
                self.stack.pop();
                true
            }
            _ => value(s, e, ahead),
        }
    }

    /// rouge's `at_content`: the `}` that ends an at-rule's block ends the at-rule too.
    fn at_content(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) != Some(b'}') {
            return false;
        }
        e.tok(Tok::Punctuation, s.take(1));
        self.stack.pop();
        self.stack.pop();
        true
    }
}

/// `[\p{L}_-][\p{Word}\p{Cf}-]*` at `pos + k`: its length, 0 if none.
pub(crate) fn identifier(s: &Scan<'_>, k: usize) -> usize {
    let rest = &s.src[s.pos + k..];
    match rest.chars().next() {
        Some(c) if c.is_alphabetic() || c == '_' || c == '-' => rest
            .char_indices()
            .skip(1)
            .find(|&(_, c)| !(is_word(c) || is_format(c) || c == '-'))
            .map_or(rest.len(), |(i, _)| i),
        _ => 0,
    }
}

/// Unicode's format characters (`\p{Cf}`: soft hyphen, joiners, bidirectional marks …).
pub(crate) fn is_format(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}' | '\u{890}'..='\u{891}'
        | '\u{8e2}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}'
        | '\u{110bd}' | '\u{110cd}' | '\u{13430}'..='\u{1343f}' | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}' | '\u{e0001}' | '\u{e0020}'..='\u{e007f}')
}

/// rouge's `basics`: white space and `/* … */` comments.
fn basics(s: &mut Scan<'_>, e: &mut Emitter<'_>, ahead: &mut Ahead) -> bool {
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    if s.starts("/*") {
        if let Some(end) = ahead.comment_ends.find(s.src, "*/", s.pos + 2) {
            let n = end + 2 - s.pos;
            e.tok(Tok::Comment, s.take(n));
            return true;
        }
    }
    false
}

/// A quoted string: rouge's `"(\\\\|\\"|[^"])*"` (and the same with `'`). Where no quote ends
/// it as escapes are read, the regexp backtracks to the last quote of the code.
fn string(s: &mut Scan<'_>, e: &mut Emitter<'_>, ahead: &mut Ahead) -> bool {
    let Some(q @ (b'"' | b'\'')) = s.at(0) else {
        return false;
    };
    let bytes = s.rest().as_bytes();
    let mut i = 1;
    let mut end = None;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if matches!(bytes.get(i + 1), Some(&c) if c == b'\\' || c == q) => i += 2,
            c if c == q => {
                end = Some(i + 1);
                break;
            }
            _ => i += 1,
        }
    }
    if end.is_none() {
        let last = if q == b'"' {
            &mut ahead.last_dq
        } else {
            &mut ahead.last_sq
        };
        let at = *last.get_or_insert_with(|| s.src.rfind(q as char));
        end = at.filter(|&a| a > s.pos).map(|a| a + 1 - s.pos);
    }
    let Some(n) = end else { return false };
    // rouge's CSS lexer swaps the two: double quotes are `Str::Single`.
    let tok = if q == b'"' {
        Tok::StrSingle
    } else {
        Tok::StrDouble
    };
    e.tok(tok, s.take(n));
    true
}

/// rouge's `value`: what follows a property or an at-rule's name.
fn value(s: &mut Scan<'_>, e: &mut Emitter<'_>, ahead: &mut Ahead) -> bool {
    if basics(s, e, ahead) {
        return true;
    }
    let Some(b) = s.at(0) else { return false };
    if s.starts("url(") {
        let close = ahead.parens.find(s.src, ")", s.pos + 4);
        let eol = ahead.lines.find(s.src, "\n", s.pos + 4);
        if let Some(c) = close.filter(|&c| eol.is_none_or(|l| c < l)) {
            let n = c + 1 - s.pos;
            e.tok(Tok::StrOther, s.take(n));
            return true;
        }
    }
    if b == b'#' {
        let h = s.run(1, |c| c.is_ascii_hexdigit());
        if h > 0 {
            e.tok(Tok::Number, s.take(1 + h.min(6)));
            return true;
        }
    }
    if let Some(n) = number(s) {
        e.tok(Tok::Number, s.take(n));
        return true;
    }
    if b"[]():/.,".contains(&b) {
        e.tok(Tok::Punctuation, s.take(1));
        return true;
    }
    if string(s, e, ahead) {
        return true;
    }
    let n = identifier(s, 0);
    if n == 0 {
        return false;
    }
    let word = &s.rest()[..n];
    let tok = if in_words(CONSTANTS, word) {
        Tok::NameConstant
    } else if in_words(BUILTINS, word) {
        Tok::NameBuiltin
    } else {
        Tok::Name
    };
    e.tok(tok, s.take(n));
    true
}

/// `-?(?:[0-9]+(\.[0-9]+)?|\.[0-9]+)` with an optional `%` or unit: its length.
fn number(s: &Scan<'_>) -> Option<usize> {
    let sign = usize::from(s.at(0) == Some(b'-'));
    let digits = |k: usize| s.run(k, |c| c.is_ascii_digit());
    let d = digits(sign);
    let mut n = if d > 0 {
        let f = digits(sign + d + 1);
        if s.at(sign + d) == Some(b'.') && f > 0 {
            sign + d + 1 + f
        } else {
            sign + d
        }
    } else if s.at(sign) == Some(b'.') && digits(sign + 1) > 0 {
        sign + 1 + digits(sign + 1)
    } else {
        return None;
    };
    if s.at(n) == Some(b'%') {
        n += 1;
    } else if let Some(unit) = UNITS
        .iter()
        .find(|u| s.rest()[n..].starts_with(*u) && s.boundary(s.pos + n + u.len()))
    {
        n += unit.len();
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [PROPERTIES, BUILTINS, CONSTANTS] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
