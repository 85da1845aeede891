//! The lexers postview has, each under rouge 3.30's tag and aliases (rouge's `Lexer.find`:
//! exact, case-sensitive names). A language rouge knows but missing here stays uncoloured.

use super::emit::Emitter;
use super::lexers;

/// A lexer: writes the tokens of a whole code block.
pub(crate) type Lex = fn(&str, &mut Emitter<'_>);

/// Every lexer: rouge's tag, its aliases, and the lexer.
const LEXERS: &[(&str, &[&str], Lex)] = &[
    ("plaintext", &["text"], lexers::plain),
    (
        "console",
        &["terminal", "shell_session", "shell-session"],
        lexers::console::lex,
    ),
    ("diff", &["patch", "udiff"], lexers::diff::lex),
    ("go", &["golang"], lexers::go::lex),
    ("ini", &[], lexers::ini::lex),
    ("javascript", &["js"], lexers::javascript::lex),
    ("json", &[], lexers::json::lex),
    ("python", &["py"], lexers::python::lex),
    ("ruby", &["rb"], lexers::ruby::lex),
    ("shell", &["bash", "zsh", "ksh", "sh"], lexers::shell::lex),
];

/// The lexer rouge finds by `name`, if postview has it.
pub(crate) fn find(name: &str) -> Option<Lex> {
    LEXERS
        .iter()
        .find(|(tag, aliases, _)| *tag == name || aliases.contains(&name))
        .map(|&(_, _, lex)| lex)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_should_reach_one_lexer_only() {
        let mut names: Vec<&str> = LEXERS
            .iter()
            .flat_map(|&(tag, aliases, _)| std::iter::once(tag).chain(aliases.iter().copied()))
            .collect();
        let all = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all, "a name should reach one lexer only");
    }
}
