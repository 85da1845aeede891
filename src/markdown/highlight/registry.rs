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
    ("c", &[], lexers::c::lex_c),
    ("cpp", &["c++"], lexers::c::lex_cpp),
    ("java", &[], lexers::java::lex),
    ("typescript", &["ts"], lexers::typescript::lex),
    (
        "rust",
        &[
            "rs",
            "rust,no_run",
            "rs,no_run",
            "rust,ignore",
            "rs,ignore",
            "rust,should_panic",
            "rs,should_panic",
        ],
        lexers::rust::lex,
    ),
    ("csharp", &["c#", "cs"], lexers::csharp::lex),
    ("ocaml", &[], lexers::ocaml::lex),
    ("lua", &[], lexers::lua::lex),
    ("r", &["R", "s", "S"], lexers::r::lex),
    ("clojure", &["clj", "cljs"], lexers::clojure::lex),
    ("erlang", &["erl"], lexers::erlang::lex),
    ("haskell", &["hs"], lexers::haskell::lex),
    ("coq", &[], lexers::coq::lex),
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

    /// The text of the HTML a lexer wrote: its spans taken out and its escapes undone.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            out.push_str(&rest[..i]);
            let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
            rest = &rest[end..];
        }
        out.push_str(rest);
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    #[test]
    fn every_lexer_should_keep_every_character_of_odd_input() {
        // Pieces that open and close the lexers' states, mixed by a fixed pseudo-random sequence.
        let pieces = [
            "\"", "'", "`", "/", "*", "#", "$", "{", "}", "(", ")", "[", "]", "<<", "EOF", "\n",
            "\\", " ", "\t", "é", "日本", "%w(", "?", ":", "=", "@", "0x1F", "1.5e3", "if", "def",
            "${", "#{", "//", "/*", "*/", "@@", "-", "+", "|", "\r\n", "<!--", "'''", "\"\"\"",
            "&", ">",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for &(tag, _, lex) in LEXERS {
            for _ in 0..300 {
                let mut code = String::new();
                for _ in 0..24 {
                    seed = seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    code.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                }
                let mut html = String::new();
                let mut e = Emitter::new(&mut html);
                lex(&code, &mut e);
                e.finish();
                assert_eq!(
                    text_of(&html),
                    code,
                    "{tag} should write every character of its input once, in order"
                );
            }
        }
    }
}
