//! CMake scripts, as rouge 3.30's `CMake` lexer (`lexers/cmake.rb`, tag `cmake`). Its states:
//! `root` (commands, their parentheses, `#` comments), `bracket_comment` (`#[==[ … ]==]`),
//! `bracket_string` (`[==[ … ]==]`), `quoted_argument` (`"…"` with escapes) and
//! `variable_reference` (`${…}`, which nests and may open in any of the others but the comment).
//! Every state's other characters are its own token, one at a time (rouge's `default`).

use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Scan, States},
    token::Tok,
};

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    BracketString,
    BracketComment,
    Quoted,
    Variable,
}

/// rouge's `BUILTIN_COMMANDS`, sorted for `in_words`.
const BUILTINS: &str = "\
    add_compile_definitions add_compile_options add_custom_command add_custom_target \
    add_definitions add_dependencies add_executable add_library add_link_options \
    add_subdirectory add_test aux_source_directory break build_command build_name \
    cmake_host_system_information cmake_language cmake_minimum_required cmake_parse_arguments \
    cmake_policy configure_file create_test_sourcelist define_property else elseif \
    enable_language enable_testing endforeach endfunction endif endmacro endwhile exec_program \
    execute_process export export_library_dependencies file find_file find_library find_package \
    find_path find_program fltk_wrap_ui foreach function get_cmake_property \
    get_directory_property get_filename_component get_property get_source_file_property \
    get_target_property get_test_property if include include_directories \
    include_external_msproject include_guard include_regular_expression install install_files \
    install_programs install_targets link_directories link_libraries list load_cache \
    load_command macro make_directory mark_as_advanced math message option \
    output_required_files project qt_wrap_cpp qt_wrap_ui remove remove_definitions return \
    separate_arguments set set_directory_properties set_property set_source_files_properties \
    set_target_properties set_tests_properties site_name source_group string subdir_depends \
    subdirs target_compile_definitions target_compile_features target_compile_options \
    target_include_directories target_link_directories target_link_libraries \
    target_link_options target_precompile_headers target_sources try_compile try_run unset \
    use_mangled_mesa utility_source variable_requires variable_watch while write_file\
";

/// rouge's `STATES_MAP`: the token of a state's other characters.
fn own_token(st: St) -> Tok {
    match st {
        St::Root => Tok::Text,
        St::BracketString | St::Quoted => Tok::StrDouble,
        St::BracketComment => Tok::CommentMultiline,
        St::Variable => Tok::NameVariable,
    }
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut states = States::new(St::Root);
    // The length of the bracket that opened the bracket string or comment (`[==[` is 4).
    let mut bracket = 0;
    run_states(code, e, |s, e| {
        let st = states.top();
        let matched = match st {
            St::Root => root(s, e, &mut states, &mut bracket),
            St::BracketString | St::BracketComment => {
                bracket_close(s, e, &mut states, st, bracket)
                    || (st == St::BracketString && interpolation(s, e, &mut states))
            }
            St::Variable => interpolation(s, e, &mut states) || closing_brace(s, e, &mut states),
            St::Quoted => quoted(s, e, &mut states),
        };
        if !matched {
            // rouge's `default`: one character (`\r\n` together) of the state's own token.
            let n = if s.starts("\r\n") { 2 } else { s.char_len(0) };
            e.tok(own_token(st), s.take(n));
        }
        true
    })
}

/// `variable_interpolation`: `${` opens a variable reference.
fn interpolation(s: &mut Scan<'_>, e: &mut Emitter<'_>, states: &mut States<St>) -> bool {
    if !s.starts("${") {
        return false;
    }
    e.tok(Tok::StrInterpol, s.take(2));
    states.push(St::Variable);
    true
}

fn closing_brace(s: &mut Scan<'_>, e: &mut Emitter<'_>, states: &mut States<St>) -> bool {
    if s.at(0) != Some(b'}') {
        return false;
    }
    e.tok(Tok::StrInterpol, s.take(1));
    states.pop();
    true
}

/// `\[=*\[` at `pos + k`: its length.
fn bracket_open(s: &Scan<'_>, k: usize) -> Option<usize> {
    let eq = s.run(k + 1, |c| c == b'=');
    (s.at(k) == Some(b'[') && s.at(k + 1 + eq) == Some(b'[')).then_some(eq + 2)
}

/// `bracket_close`: `\]=*\]`, which ends the bracket only at the length that opened it.
fn bracket_close(
    s: &mut Scan<'_>,
    e: &mut Emitter<'_>,
    states: &mut States<St>,
    st: St,
    bracket: usize,
) -> bool {
    let eq = s.run(1, |c| c == b'=');
    if s.at(0) != Some(b']') || s.at(1 + eq) != Some(b']') {
        return false;
    }
    e.tok(own_token(st), s.take(eq + 2));
    if eq + 2 == bracket {
        states.goto(St::Root);
    }
    true
}

fn root(
    s: &mut Scan<'_>,
    e: &mut Emitter<'_>,
    states: &mut States<St>,
    bracket: &mut usize,
) -> bool {
    if interpolation(s, e, states) {
        return true;
    }
    match s.at(0) {
        Some(b' ' | b'\t') => e.tok(Tok::Text, s.take(1)),
        Some(b'(' | b')') => e.tok(Tok::Punctuation, s.take(1)),
        Some(b'#') => match bracket_open(s, 1) {
            Some(n) => {
                e.tok(Tok::CommentMultiline, s.take(n + 1));
                *bracket = n;
                states.goto(St::BracketComment);
            }
            None => {
                let n = s.to_eol(0);
                e.tok(Tok::CommentSingle, s.take(n));
            }
        },
        Some(b'[') => {
            let Some(n) = bracket_open(s, 0) else {
                return false;
            };
            e.tok(Tok::StrDouble, s.take(n));
            *bracket = n;
            states.goto(St::BracketString);
        }
        Some(b'\\') if s.at(1) == Some(b'"') => e.tok(Tok::Text, s.take(2)),
        Some(b'"') => {
            e.tok(Tok::StrDouble, s.take(1));
            states.push(St::Quoted);
        }
        Some(c) if c.is_ascii_alphabetic() || c == b'_' => command(s, e),
        _ => return false,
    }
    true
}

/// `([A-Za-z_][A-Za-z0-9_]*)([ \t]*)(\()`: a command, builtin or not. A word not followed by
/// `(` is plain text, and so is every later start inside it (the same word end fails again).
fn command(s: &mut Scan<'_>, e: &mut Emitter<'_>) {
    let word = s.run(0, |c| c.is_ascii_alphanumeric() || c == b'_');
    let gap = s.run(word, |c| c == b' ' || c == b'\t');
    if s.at(word + gap) != Some(b'(') {
        e.tok(Tok::Text, s.take(word));
        return;
    }
    let name = s.take(word);
    let tok = if in_words(BUILTINS, name) {
        Tok::NameBuiltin
    } else {
        Tok::NameFunction
    };
    e.tok(tok, name);
    e.tok(Tok::Text, s.take(gap));
    e.tok(Tok::Punctuation, s.take(1));
}

/// `quoted_argument`. Its closing quote pushes `root` in rouge; nothing ever pops that
/// `root`, so replacing the state on top behaves the same without the stack growing.
fn quoted(s: &mut Scan<'_>, e: &mut Emitter<'_>, states: &mut States<St>) -> bool {
    if interpolation(s, e, states) {
        return true;
    }
    match s.at(0) {
        Some(b'"') => {
            e.tok(Tok::StrDouble, s.take(1));
            states.goto(St::Root);
            true
        }
        Some(b'\\') if s.at(1).is_some_and(|c| b"()#\" \\$@^trn;".contains(&c)) => {
            e.tok(Tok::StrEscape, s.take(2));
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::highlight::scan::is_word_table;

    #[test]
    fn builtins_should_be_sorted_for_binary_search() {
        assert!(
            is_word_table(BUILTINS),
            "BUILTINS should be sorted, one space apart"
        );
    }
}
