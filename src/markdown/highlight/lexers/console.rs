//! Shell sessions, as rouge 3.30's `ConsoleLexer` (`lexers/console.rb`, tag `console`, aliases
//! `terminal`, `shell_session`, `shell-session`) with its default options: line by line, a line
//! of only `…` or `<…>` is a comment; one with a prompt (everything up to its first `$`, `#`,
//! `>` or `;`) has the rest lexed as shell, continuing the shell lexer's state from the last
//! prompt line; any other line is output. (Its comment and error branches need options, which
//! postview does not colour: a `#` already makes a line a prompt.)

use super::shell::Shell;
use crate::ctype::is_ruby_space;
use crate::markdown::highlight::{emit::Emitter, token::Tok};

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut shell = Shell::new();
    for line in code.split_inclusive('\n') {
        if is_snip(line) {
            shell.reset();
            e.tok(Tok::Comment, line);
        } else if let Some(end) = line.find(['$', '#', '>', ';']) {
            let (prompt, rest) = line.split_at(end + 1);
            e.tok(Tok::GenericPrompt, prompt);
            let ws = rest.bytes().take_while(|&b| is_ruby_space(b)).count();
            e.tok(Tok::Whitespace, &rest[..ws]);
            shell.continue_lex(&rest[ws..], e);
        } else {
            shell.reset();
            e.tok(Tok::GenericOutput, line);
        }
    }
}

/// `\A\s*(?:<[.]+>|[.]+)\s*\z`: an elision.
fn is_snip(line: &str) -> bool {
    let t = line.trim_matches(|c: char| c.is_ascii() && is_ruby_space(c as u8));
    let dots = t
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(t);
    !dots.is_empty() && dots.bytes().all(|b| b == b'.')
}
