//! The lexers postview has, each under rouge 3.30's tag and aliases (rouge's `Lexer.find`:
//! exact, case-sensitive names). A language rouge knows but missing here stays uncoloured.
//!
//! Two tiers, for the weight of the body module (docs/weight.md): `CORE_LEXERS` are in every
//! build; `MORE_LEXERS` only with the feature `all-lexers` (the site module, and the default
//! features). Their names are in every build, so that a build without them can tell a language it
//! lacks (`lacks`) from one no build colours.

use super::emit::Emitter;
use super::lexers;

/// A lexer: writes the tokens of a whole code block.
pub(crate) type Lex = fn(&str, &mut Emitter<'_>);

/// A lexer's entry: rouge's tag, its aliases, and the lexer.
type Entry = (&'static str, &'static [&'static str], Lex);

/// The lexers of the body module: the languages the site's posts show most, and the lightest
/// (docs/weight.md has what each weighs).
const CORE_LEXERS: &[Entry] = &[
    ("plaintext", &["text"], lexers::plain),
    (
        "console",
        &["terminal", "shell_session", "shell-session"],
        lexers::console::lex,
    ),
    ("diff", &["patch", "udiff"], lexers::diff::lex),
    ("ini", &[], lexers::ini::lex),
    ("javascript", &["js"], lexers::javascript::lex),
    ("json", &[], lexers::json::lex),
    ("python", &["py"], lexers::python::lex),
    ("shell", &["bash", "zsh", "ksh", "sh"], lexers::shell::lex),
];

/// Writes the second tier's table once: its names (`MORE_NAMES`) in every build, its lexers
/// (`MORE_LEXERS`) with `all-lexers` only, so that without it no lexer of this tier is linked.
macro_rules! more_lexers {
    ($(($tag:literal, $aliases:expr, $lex:path $(,)?)),* $(,)?) => {
        /// The names of the second tier's lexers: rouge's tag and its aliases.
        const MORE_NAMES: &[(&str, &[&str])] = &[$(($tag, $aliases)),*];
        /// The second tier: the lexers the body module goes without.
        #[cfg(feature = "all-lexers")]
        const MORE_LEXERS: &[Entry] = &[$(($tag, $aliases, $lex)),*];
    };
}

more_lexers![
    ("go", &["golang"], lexers::go::lex),
    ("ruby", &["rb"], lexers::ruby::lex),
    ("yaml", &["yml"], lexers::yaml::lex),
    ("css", &[], lexers::css::lex),
    ("html", &[], lexers::html::lex),
    ("xml", &[], lexers::xml::lex),
    ("scss", &[], lexers::scss::lex),
    ("toml", &[], lexers::toml::lex),
    ("docker", &["dockerfile", "Dockerfile"], lexers::docker::lex),
    (
        "make",
        &["makefile", "mf", "gnumake", "bsdmake"],
        lexers::make::lex,
    ),
    ("liquid", &[], lexers::liquid::lex),
    ("erb", &["eruby", "rhtml"], lexers::erb::lex),
    ("sql", &[], lexers::sql::lex),
    ("nginx", &[], lexers::nginx::lex),
    ("tex", &["TeX", "LaTeX", "latex"], lexers::tex::lex),
    ("viml", &["vim", "vimscript", "ex"], lexers::vim::lex),
    ("sass", &[], lexers::sass::lex),
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
    ("php", &["php3", "php4", "php5"], lexers::php::lex),
    ("jsx", &["react"], lexers::jsx::lex),
    ("markdown", &["md", "mkd"], lexers::markdown::lex),
    ("graphql", &[], lexers::graphql::lex),
    ("kotlin", &[], lexers::kotlin::lex),
    ("swift", &[], lexers::swift::lex),
    ("scala", &[], lexers::scala::lex),
    (
        "powershell",
        &["posh", "microsoftshell", "msshell"],
        lexers::powershell::lex,
    ),
    ("perl", &["pl"], lexers::perl::lex),
    ("elixir", &["exs"], lexers::elixir::lex),
    ("julia", &["jl"], lexers::julia::lex),
    ("http", &[], lexers::http::lex),
    ("cmake", &[], lexers::cmake::lex),
    ("protobuf", &["proto"], lexers::protobuf::lex),
];

/// Every lexer this build has.
fn lexers() -> impl Iterator<Item = &'static Entry> {
    #[cfg(feature = "all-lexers")]
    let more = MORE_LEXERS.iter();
    #[cfg(not(feature = "all-lexers"))]
    let more = [].iter();
    CORE_LEXERS.iter().chain(more)
}

fn is_named(tag: &str, aliases: &[&str], name: &str) -> bool {
    tag == name || aliases.contains(&name)
}

/// The lexer rouge finds by `name`, if this build has it.
pub(crate) fn find(name: &str) -> Option<Lex> {
    lexers()
        .find(|(tag, aliases, _)| is_named(tag, aliases, name))
        .map(|&(_, _, lex)| lex)
}

/// Whether `name` is a lexer of the second tier that this build goes without: a build with every
/// lexer would colour it.
pub(crate) fn lacks(name: &str) -> bool {
    !cfg!(feature = "all-lexers")
        && MORE_NAMES
            .iter()
            .any(|(tag, aliases)| is_named(tag, aliases, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_should_reach_one_lexer_only() {
        let mut names: Vec<&str> = CORE_LEXERS
            .iter()
            .map(|&(tag, aliases, _)| (tag, aliases))
            .chain(MORE_NAMES.iter().copied())
            .flat_map(|(tag, aliases)| std::iter::once(tag).chain(aliases.iter().copied()))
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
        for &(tag, _, lex) in lexers() {
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
