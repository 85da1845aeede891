//! The lexers postview has, each under rouge 3.30's tag and aliases (rouge's `Lexer.find`:
//! exact, case-sensitive names). A language rouge knows but missing here stays uncoloured.

use super::emit::Emitter;
use super::lexers;

/// A lexer: writes the tokens of a whole code block.
pub(crate) type Lex = fn(&str, &mut Emitter<'_>);

struct Entry {
    tag: &'static str,
    aliases: &'static [&'static str],
    lex: Lex,
}

/// Every lexer, in rouge's names.
const LEXERS: &[Entry] = &[
    Entry {
        tag: "plaintext",
        aliases: &["text"],
        lex: lexers::plain,
    },
    Entry {
        tag: "console",
        aliases: &["terminal", "shell_session", "shell-session"],
        lex: lexers::console::lex,
    },
    Entry {
        tag: "diff",
        aliases: &["patch", "udiff"],
        lex: lexers::diff::lex,
    },
    Entry {
        tag: "json",
        aliases: &[],
        lex: lexers::json::lex,
    },
    Entry {
        tag: "shell",
        aliases: &["bash", "zsh", "ksh", "sh"],
        lex: lexers::shell::lex,
    },
];

/// The lexer rouge finds by `name`, if postview has it.
pub(crate) fn find(name: &str) -> Option<Lex> {
    LEXERS
        .iter()
        .find(|l| l.tag == name || l.aliases.contains(&name))
        .map(|l| l.lex)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_should_reach_one_lexer_only() {
        let mut names: Vec<&str> = LEXERS
            .iter()
            .flat_map(|l| std::iter::once(l.tag).chain(l.aliases.iter().copied()))
            .collect();
        let all = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all, "a name should reach one lexer only");
    }
}
