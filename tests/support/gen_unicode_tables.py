#!/usr/bin/env python3
"""Writes src/markdown/unicode.rs: the Unicode classes kramdown's Ruby regexps use that Rust's
std does not expose (marks, decimal digits, connector punctuation), from Python's unicodedata.

  python3 tests/support/gen_unicode_tables.py > src/markdown/unicode.rs
"""
import unicodedata


def ranges(categories):
    out, start = [], None
    for cp in range(0x110000):
        ok = unicodedata.category(chr(cp)) in categories
        if ok and start is None:
            start = cp
        elif not ok and start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return out


def table(name, categories):
    rows = ranges(categories)
    body = "\n".join(f"    ('\\u{{{a:x}}}', '\\u{{{b:x}}}')," for a, b in rows)
    return f"const {name}: &[(char, char)] = &[\n{body}\n];\n"


print(f"""//! Unicode classes of Ruby's regexps that Rust's std does not expose, generated from Unicode
//! {unicodedata.unidata_version} by `tests/support/gen_unicode_tables.py` (do not edit by hand).
//!
//! kramdown matches `\\p{{Word}}` (letters, marks, decimal digits, connector punctuation) for
//! header ids and `\\b`, `[[:alnum:]]` (letters and decimal digits) for emphasis and autolinks.

/// `\\p{{Word}}`: Alphabetic, marks, decimal digits, connector punctuation.
pub fn is_word(c: char) -> bool {{
    if c.is_ascii() {{
        return c.is_ascii_alphanumeric() || c == '_';
    }}
    c.is_alphabetic() || in_table(MARK, c) || in_table(DECIMAL_NUMBER, c) || in_table(CONNECTOR_PUNCTUATION, c)
}}

/// `[[:alnum:]]`: Alphabetic and decimal digits.
pub fn is_alnum(c: char) -> bool {{
    if c.is_ascii() {{
        return c.is_ascii_alphanumeric();
    }}
    c.is_alphabetic() || in_table(DECIMAL_NUMBER, c)
}}

fn in_table(table: &[(char, char)], c: char) -> bool {{
    table
        .binary_search_by(|&(lo, hi)| {{
            if c < lo {{
                std::cmp::Ordering::Greater
            }} else if c > hi {{
                std::cmp::Ordering::Less
            }} else {{
                std::cmp::Ordering::Equal
            }}
        }})
        .is_ok()
}}
""")
print(table("MARK", ("Mn", "Mc", "Me")))
print(table("DECIMAL_NUMBER", ("Nd",)))
print(table("CONNECTOR_PUNCTUATION", ("Pc",)))
print('''
/// `\\p{M}`: marks.
pub fn is_mark(c: char) -> bool {
    in_table(MARK, c)
}

/// `\\p{S}`: symbols (math, currency, modifier, other), as rouge's Julia names read them.
pub fn is_symbol(c: char) -> bool {
    in_table(SYMBOL, c)
}

/// `\\p{Po}`: other punctuation, as rouge's Julia names read them.
pub fn is_other_punctuation(c: char) -> bool {
    in_table(OTHER_PUNCTUATION, c)
}
''')
print(table("SYMBOL", ("Sm", "Sc", "Sk", "So")))
print(table("OTHER_PUNCTUATION", ("Po",)))
