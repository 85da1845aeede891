//! Rouge's token types (rouge 3.30 `lib/rouge/token.rb`), each with the short name its HTML
//! formatter writes as the span's class. Only the types the enabled lexers yield are listed;
//! a new lexer adds its own, with rouge's short name.

/// A token type; `Text` is written bare, every other one in `<span class="…">`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Tok {
    Text,
    Whitespace,
    Error,
    Keyword,
    KeywordConstant,
    NameBuiltin,
    NameConstant,
    NameLabel,
    NameTag,
    NameVariable,
    StrBacktick,
    StrDouble,
    StrEscape,
    StrHeredoc,
    StrInterpol,
    StrSingle,
    Number,
    NumFloat,
    NumInteger,
    Operator,
    Punctuation,
    Comment,
    GenericDeleted,
    GenericHeading,
    GenericInserted,
    GenericOutput,
    GenericPrompt,
    GenericStrong,
}

impl Tok {
    /// Rouge's short name: the class of the token's span (empty for `Text`, which has none).
    pub(crate) fn class(self) -> &'static str {
        use Tok::*;
        match self {
            Text => "",
            Whitespace => "w",
            Error => "err",
            Keyword => "k",
            KeywordConstant => "kc",
            NameBuiltin => "nb",
            NameConstant => "no",
            NameLabel => "nl",
            NameTag => "nt",
            NameVariable => "nv",
            StrBacktick => "sb",
            StrDouble => "s2",
            StrEscape => "se",
            StrHeredoc => "sh",
            StrInterpol => "si",
            StrSingle => "s1",
            Number => "m",
            NumFloat => "mf",
            NumInteger => "mi",
            Operator => "o",
            Punctuation => "p",
            Comment => "c",
            GenericDeleted => "gd",
            GenericHeading => "gh",
            GenericInserted => "gi",
            GenericOutput => "go",
            GenericPrompt => "gp",
            GenericStrong => "gs",
        }
    }
}
