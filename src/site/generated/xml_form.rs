//! For the tests: an XML document in the form `../shared/tools/site_fidelity.py` compares
//! (Python's ElementTree): each element's name, its attributes sorted, its text and each child's
//! tail with white space runs collapsed and trimmed; comments, processing instructions and the
//! declaration left out; entities and CDATA read as text. Enough XML for feeds and sitemaps; a
//! document it cannot read comes out as `unreadable: …`, which equals no readable one.

/// The comparable form of `xml`, one element a line, indented by depth.
pub fn xml_form(xml: &str) -> String {
    let mut out = String::new();
    match element(xml, skip_prolog(xml), 0, &mut out) {
        Some(_) => out,
        None => format!("unreadable: {xml}"),
    }
}

fn skip_prolog(xml: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &xml[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        let close = if trimmed.starts_with("<?") {
            "?>"
        } else if trimmed.starts_with("<!--") {
            "-->"
        } else {
            return at;
        };
        match trimmed.find(close) {
            Some(end) => at += end + close.len(),
            None => return at,
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';') else { break };
        let name = &rest[1..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Character data from `at` to the next tag that is not CDATA, a comment or a PI: its text and
/// where the tag starts.
fn char_data(xml: &str, mut at: usize) -> Option<(String, usize)> {
    let mut text = String::new();
    loop {
        let next = xml[at..].find('<')? + at;
        text.push_str(&decode(&xml[at..next]));
        let rest = &xml[next..];
        if let Some(body) = rest.strip_prefix("<![CDATA[") {
            let end = body.find("]]>")?;
            text.push_str(&body[..end]);
            at = next + 9 + end + 3;
        } else if rest.starts_with("<!--") {
            at = next + rest.find("-->")? + 3;
        } else if rest.starts_with("<?") {
            at = next + rest.find("?>")? + 2;
        } else {
            return Some((text, next));
        }
    }
}

/// Reads the element starting at `at` into `out`; gives where it ends.
fn element(xml: &str, at: usize, depth: usize, out: &mut String) -> Option<usize> {
    let open_end = xml[at..].find('>')? + at;
    let tag = &xml[at + 1..open_end];
    let empty = tag.ends_with('/');
    let tag = tag.trim_end_matches('/');
    let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
    let name = &tag[..name_end];
    let mut attrs = attributes(&tag[name_end..])?;
    attrs.sort();
    let (text, mut next) = if empty {
        (String::new(), open_end + 1)
    } else {
        char_data(xml, open_end + 1)?
    };
    out.push_str(&format!(
        "{}<{name} {attrs:?}> {:?}\n",
        "  ".repeat(depth),
        collapse(&text)
    ));
    if empty {
        return Some(next);
    }
    loop {
        if xml[next..].starts_with("</") {
            let close = xml[next..].find('>')? + next;
            (xml[next + 2..close].trim() == name).then_some(())?;
            return Some(close + 1);
        }
        let end = element(xml, next, depth + 1, out)?;
        let (tail, after) = char_data(xml, end)?;
        out.push_str(&format!(
            "{}tail {:?}\n",
            "  ".repeat(depth + 1),
            collapse(&tail)
        ));
        next = after;
    }
}

fn attributes(mut s: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Some(out);
        }
        let eq = s.find('=')?;
        let name = s[..eq].trim().to_owned();
        let rest = s[eq + 1..].trim_start();
        let quote = rest.chars().next()?;
        (quote == '"' || quote == '\'').then_some(())?;
        let end = rest[1..].find(quote)? + 1;
        out.push((name, decode(&rest[1..end])));
        s = &rest[end + 1..];
    }
}
