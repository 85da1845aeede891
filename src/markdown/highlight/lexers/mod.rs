//! One module per rouge lexer; each header names the rouge lexer it follows and its states.
//! Without `all-lexers` the second tier's (registry.rs) are compiled but never called, and the
//! linker leaves them out.

#![cfg_attr(not(feature = "all-lexers"), allow(dead_code))]

pub(crate) mod console;
pub(crate) mod css;
pub(crate) mod diff;
pub(crate) mod docker;
pub(crate) mod erb;
pub(crate) mod go;
pub(crate) mod html;
pub(crate) mod ini;
pub(crate) mod javascript;
pub(crate) mod json;
pub(crate) mod liquid;
pub(crate) mod make;
pub(crate) mod nginx;
pub(crate) mod python;
pub(crate) mod ruby;
pub(crate) mod sass;
pub(crate) mod scss;
pub(crate) mod shell;
pub(crate) mod sql;
pub(crate) mod tex;
pub(crate) mod toml;
pub(crate) mod vim;
pub(crate) mod xml;
pub(crate) mod yaml;

pub(crate) mod c;
pub(crate) mod clojure;
pub(crate) mod coq;
pub(crate) mod csharp;
pub(crate) mod elixir;
pub(crate) mod erlang;
pub(crate) mod haskell;
pub(crate) mod java;
pub(crate) mod julia;
pub(crate) mod lua;
pub(crate) mod ocaml;
pub(crate) mod perl;
pub(crate) mod r;
pub(crate) mod rust;
pub(crate) mod typescript;

pub(crate) mod graphql;
pub(crate) mod jsx;
pub(crate) mod kotlin;
pub(crate) mod markdown;
pub(crate) mod php;
pub(crate) mod powershell;
pub(crate) mod scala;
pub(crate) mod swift;
pub(crate) mod unicode_classes;

pub(crate) mod cmake;
pub(crate) mod http;
pub(crate) mod protobuf;

use super::{emit::Emitter, token::Tok};

/// rouge's `PlainText` (tag `plaintext`, alias `text`): the whole code as one `Text` token.
pub(crate) fn plain(code: &str, e: &mut Emitter<'_>) {
    e.tok(Tok::Text, code);
}
