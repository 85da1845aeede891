//! Inline attribute lists (`{: .class #id key="value" ref}`) and attribute list definitions
//! (`{:ref: .class}`): how kramdown reads them and merges them into an element's attributes.
//!
//! Reference: kramdown 2.4 `parser/kramdown/extensions.rb` (`parse_attribute_list`, `ALD_TYPE_*`)
//! and `update_attr_with_ial`: classes add up in order, any other key replaces, a reference pulls
//! in the attributes of the definition of that name (`toc` is the reference that asks for a table
//! of contents). pulldown-cmark's tags have no slot for attributes: each element's event carries
//! them (see `event`).

use super::budget::Use;
use super::span::Definitions;
use crate::ctype::{is_ruby_space, is_ruby_space_char, leading};
use std::collections::HashMap;

/// Attributes in the order they were set; `class` values accumulate.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attributes {
    pairs: Vec<(String, String)>,
    /// Where each key is in `pairs`, once there are more than `FEW` (an element given thousands
    /// of attributes costs one lookup per attribute, not one pass over the others).
    index: HashMap<String, usize>,
    /// References to attribute list definitions (and `toc`).
    pub refs: Vec<String>,
}

/// Up to this many pairs, a key is looked up by a pass over them.
const FEW: usize = 8;

impl Attributes {
    /// Attributes with these pairs (each key once) and no references.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut a = Attributes {
            pairs,
            ..Default::default()
        };
        a.reindex();
        a
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty() && self.refs.is_empty()
    }

    /// The pairs, in the order they were set.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    pub fn into_pairs(self) -> Vec<(String, String)> {
        self.pairs
    }

    fn position(&self, key: &str) -> Option<usize> {
        match self.pairs.len() > FEW {
            true => self.index.get(key).copied(),
            false => self.pairs.iter().position(|(k, _)| k == key),
        }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.position(key).map(|i| self.pairs[i].1.as_str())
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut String> {
        self.position(key).map(|i| &mut self.pairs[i].1)
    }

    /// Sets a key, adding a class to the classes already there.
    pub fn set(&mut self, key: &str, value: &str) {
        let Some(i) = self.position(key) else {
            self.pairs.push((key.to_owned(), value.to_owned()));
            match self.pairs.len() {
                n if n == FEW + 1 => self.reindex(),
                n if n > FEW => {
                    self.index.insert(key.to_owned(), n - 1);
                }
                _ => {}
            }
            return;
        };
        let slot = &mut self.pairs[i].1;
        if key != "class" {
            value.clone_into(slot);
            return;
        }
        // `"#{old} #{new}".lstrip`, appended in place: a thousand classes stay linear.
        slot.push(' ');
        slot.push_str(value);
        let kept = slot.trim_start().len();
        slot.drain(..slot.len() - kept);
    }

    /// Keeps the pairs `keep` says yes to.
    pub fn retain(&mut self, keep: impl FnMut(&(String, String)) -> bool) {
        self.pairs.retain(keep);
        self.reindex();
    }

    /// Puts a pair first (its key must not be there yet).
    pub fn insert_first(&mut self, key: &str, value: String) {
        self.pairs.insert(0, (key.to_owned(), value));
        self.reindex();
    }

    fn reindex(&mut self) {
        self.index.clear();
        if self.pairs.len() > FEW {
            let keys = self.pairs.iter().enumerate();
            self.index.extend(keys.map(|(i, (k, _))| (k.clone(), i)));
        }
    }

    /// kramdown's `update_attr_with_ial`: the referenced definitions first, then these.
    ///
    /// A reference repeated (`{: r r r …}`, or on many lines) costs one pass over its definition,
    /// not one per repeat: keys take their place from the first use of each definition and their
    /// value from the last, as applying every repeat in turn would leave them; only classes add
    /// up per repeat.
    ///
    /// Each use is charged to the render's budget for repeated text (what its definition
    /// writes); a use past it is left out, and the caller asks the budget for the warning.
    pub fn merge_into(&self, target: &mut Attributes, defs: &Definitions) {
        let size = |def: &Attributes| def.pairs.iter().map(|(k, v)| k.len() + v.len() + 4).sum();
        let uses: Vec<(&str, &Attributes)> = (self.refs.iter())
            .filter_map(|r| Some((r.as_str(), defs.alds.get(r)?)))
            .filter(|(_, def)| defs.budget.charge(Use::AttributeList, size(def)))
            .collect();
        let last_use: HashMap<&str, usize> = (uses.iter().enumerate())
            .map(|(i, (name, _))| (*name, i))
            .collect();
        // Keys in the order of first use (other values are set again below); classes per use.
        let mut placed = std::collections::HashSet::new();
        for (name, def) in &uses {
            if placed.insert(*name) {
                def.pairs.iter().for_each(|(k, v)| target.set(k, v));
            } else if let Some(class) = def.get("class") {
                target.set("class", class);
            }
        }
        // Values from the last use of each definition, in that order.
        for (i, (name, def)) in uses.iter().enumerate() {
            if last_use[name] == i {
                let pairs = def.pairs.iter().filter(|(k, _)| k != "class");
                pairs.for_each(|(k, v)| target.set(k, v));
            }
        }
        for (k, v) in &self.pairs {
            target.set(k, v);
        }
        target.refs.extend(self.refs.iter().cloned());
    }

    /// Attributes of a later attribute list on the same element, as read (references kept
    /// for `merge_into` to resolve): classes add up, any other key replaces.
    pub fn add(&mut self, more: Attributes) {
        for (k, v) in &more.pairs {
            self.set(k, v);
        }
        self.refs.extend(more.refs);
    }

    /// Whether the element asked for something by reference (e.g. `toc`).
    pub fn has_ref(&self, name: &str) -> bool {
        self.refs.iter().any(|r| r == name)
    }
}

/// `\w[\w-]*` (ASCII `\w`)
fn id_name_len(s: &str) -> usize {
    let b = s.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    if !b.first().is_some_and(|&c| word(c)) {
        return 0;
    }
    1 + b[1..].iter().take_while(|&&c| word(c) || c == b'-').count()
}

/// An attribute list's content read into fresh attributes.
pub fn parsed(text: &str) -> Attributes {
    let mut a = Attributes::default();
    parse_into(text, &mut a);
    a
}

/// Reads an attribute list's content (`.a #b key="v" ref`) into `into`. Returns whether anything
/// was found (kramdown warns when not).
pub fn parse_into(text: &str, into: &mut Attributes) -> bool {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == ":" {
        return true;
    }
    let mut found = false;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // `(?:\A|\s)`: a token starts the text or follows white space.
        if i > 0 && !b[i - 1].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if let Some(len) = token(&text[i..], into) {
            found = true;
            i += len;
        } else {
            i += 1;
        }
    }
    found
}

/// One `KEY_VALUE_PAIR | REF | ID_OR_CLASS_MULTI` token followed by white space or the end.
fn token(s: &str, into: &mut Attributes) -> Option<usize> {
    let ends = |at: usize| s.as_bytes().get(at).is_none_or(|c| c.is_ascii_whitespace());
    // key="value" / key='value' (with `\}` and `\"` escapes)
    let key_len = id_name_len(s);
    if key_len > 0 && s.as_bytes().get(key_len) == Some(&b'=') {
        if let Some(&q) = s
            .as_bytes()
            .get(key_len + 1)
            .filter(|&&q| q == b'"' || q == b'\'')
        {
            let body = &s[key_len + 2..];
            let bb = body.as_bytes();
            let mut j = 0;
            while j < bb.len() {
                if bb[j] == b'\\' && matches!(bb.get(j + 1), Some(&c) if c == b'}' || c == q) {
                    j += 2;
                    continue;
                }
                if bb[j] == q {
                    break;
                }
                if bb[j] == b'}' {
                    j = bb.len();
                    break;
                }
                j += 1;
            }
            if j < bb.len() && ends(key_len + 2 + j + 1) {
                let raw = &body[..j];
                let value = raw
                    .replace("\\}", "}")
                    .replace(&format!("\\{}", q as char), &(q as char).to_string());
                into.set(&s[..key_len], &value);
                return Some(key_len + 2 + j + 1);
            }
        }
    }
    // a reference
    if key_len > 0 && ends(key_len) {
        into.refs.push(s[..key_len].to_owned());
        return Some(key_len);
    }
    // `#id`, `.class`, repeated without spaces
    let mut p = 0;
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let b = s.as_bytes();
    loop {
        match b.get(p) {
            Some(b'#') => {
                let start = p + 1;
                if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
                    break;
                }
                let mut q = start + 1;
                while q < b.len()
                    && (b[q].is_ascii_alphanumeric() || matches!(b[q], b'_' | b':' | b'-'))
                {
                    q += 1;
                }
                parts.push((true, &s[start..q]));
                p = q;
            }
            Some(b'.') => {
                let start = p + 1;
                let len = s[start..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '.' || c == '#')
                    .unwrap_or(s.len() - start);
                if len == 0 {
                    break;
                }
                parts.push((false, &s[start..start + len]));
                p = start + len;
            }
            _ => break,
        }
    }
    if parts.is_empty() || !ends(p) {
        return None;
    }
    for (is_id, value) in parts {
        into.set(if is_id { "id" } else { "class" }, value);
    }
    Some(p)
}

/// Attribute lists longer than this are not read as one (none is, in practice; it keeps text of
/// thousands of `{:` linear).
pub const MAX_LEN: usize = 2048;

/// `{:` + content + `}` at the start of `s` (`\}` does not close): the content and the length.
pub fn braced(s: &str) -> Option<(&str, usize)> {
    let body = s.strip_prefix("{:")?;
    let b = &body.as_bytes()[..body.len().min(MAX_LEN)];
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1) == Some(&b'}') => i += 2,
            b'}' => return Some((&body[..i], i + 3)),
            _ => i += 1,
        }
    }
    None
}

/// kramdown's `LIST_ITEM_IAL`: an attribute list opening a list item, a definition or a term
/// (`- {:.note} text`), for that element. It is `{:…}` with some content, but not an attribute
/// list definition (`{:name: …}`) nor `{:/…}`. Gives the list's content and the length taken,
/// white space after it included.
pub fn list_item_ial(s: &str) -> Option<(&str, usize)> {
    let lead = leading(s, is_ruby_space);
    let (text, len) = braced(&s[lead..])?;
    if text.is_empty() || text.starts_with('/') || starts_definition(text) {
        return None;
    }
    let after = &s[lead + len..];
    Some((text, s.len() - after.len() + leading(after, is_ruby_space)))
}

/// `(\w[\w-]*)?:` at the start: what makes `{:name: …}` a definition, not a list.
fn starts_definition(text: &str) -> bool {
    let b = text.as_bytes();
    let name = if b
        .first()
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        b.iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
            .count()
    } else {
        0
    };
    b.get(name) == Some(&b':')
}

/// An extension start tag `{::name attrs}` (or `{::name attrs /}`, which has no body).
pub struct ExtensionTag<'a> {
    pub name: &'a str,
    pub self_closing: bool,
    /// The tag's length in bytes.
    pub len: usize,
}

impl ExtensionTag<'_> {
    /// Whether kramdown knows the extension; it shows an unknown one as text.
    pub fn is_known(&self) -> bool {
        ["comment", "nomarkdown", "options"].contains(&self.name)
    }
}

/// Ruby's `\w` (ASCII only, as kramdown's patterns see it).
fn is_ruby_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Reads an extension start tag `{::name attrs}` at the start of `s`, where the name is ASCII
/// word characters followed by `}`, `/}` or a space. Anything else starting `{::` is read by
/// kramdown as an attribute list, not as an extension.
pub fn extension_tag(s: &str) -> Option<ExtensionTag<'_>> {
    let body = s.strip_prefix("{::")?;
    let name_len = body.bytes().take_while(|c| is_ruby_word(*c)).count();
    if name_len == 0 {
        return None;
    }
    let after = &body[name_len..];
    let close = name_len + after.find('}')?;
    let attrs = &body[name_len..close];
    let well_formed = attrs.is_empty() || attrs == "/" || attrs.starts_with(is_ruby_space_char);
    well_formed.then(|| ExtensionTag {
        name: &body[..name_len],
        self_closing: attrs.ends_with('/'),
        len: 3 + close + 1,
    })
}

/// The length of an extension stop tag `{:/}` or `{:/name}` at the start of `s`.
pub fn extension_stop_tag(s: &str) -> Option<usize> {
    let body = s.strip_prefix("{:/")?;
    let b = body.as_bytes();
    let name_len = if b.first().copied().is_some_and(is_ruby_word) {
        b.iter()
            .take_while(|c| is_ruby_word(**c) || **c == b'-')
            .count()
    } else {
        0
    };
    (b.get(name_len) == Some(&b'}')).then_some(3 + name_len + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Attributes {
        let mut a = Attributes::default();
        parse_into(s, &mut a);
        a
    }

    #[test]
    fn parse_should_read_classes_ids_pairs_and_refs() {
        let a = parse(r#".big #top.wide target="_blank" toc"#);
        assert_eq!(
            a.get("class"),
            Some("big wide"),
            "classes should add up in order"
        );
        assert_eq!(a.get("id"), Some("top"));
        assert_eq!(a.get("target"), Some("_blank"));
        assert_eq!(a.refs, ["toc"]);
    }

    #[test]
    fn parse_should_unescape_quotes_and_braces_in_values() {
        assert_eq!(
            parse(r#"title="a \"b\" \}""#).get("title"),
            Some(r#"a "b" }"#)
        );
    }

    #[test]
    fn braced_should_not_close_at_an_escaped_brace() {
        assert_eq!(braced(r"{: a=\}b}x"), Some((r" a=\}b", 9)));
    }
}
