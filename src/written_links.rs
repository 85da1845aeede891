//! The links a post's body writes: every `<a href>` of the HTML the Markdown stage made, with the
//! place in that stage's input where its address is written (an inline link's `(…)`, a reference
//! link's definition, a raw `<a>`). kramdown writes the same `<a>` for each; the links it makes
//! itself (footnote markers and back links, a `{:toc}`) have no written address and are left out,
//! since nobody typed them. Used by the site's check of links that lead nowhere.

/// A link of the body: its address as the HTML has it (entities decoded) and the byte offset in
/// the Markdown text where that address is written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct WrittenLink {
    pub href: String,
    pub offset: usize,
}

/// The links of `html` whose address is found in `markdown`, in order. Each address is looked
/// for from where the previous one was found, then before it (a reference used twice); the bytes
/// searched are capped at a few times the text's length (a page of made-up footnote links would
/// otherwise be searched whole per link), past which the remaining links are not collected.
pub(crate) fn written_links(html: &str, markdown: &str) -> Vec<WrittenLink> {
    collect(html, markdown).0
}

/// `written_links` and the number of bytes it searched.
fn collect(html: &str, markdown: &str) -> (Vec<WrittenLink>, usize) {
    let budget = markdown.len().saturating_mul(8).saturating_add(4096);
    let mut searched = 0;
    let mut links = Vec::new();
    let mut cursor = 0;
    for href in hrefs(html).filter(|h| !h.is_empty()) {
        if searched > budget {
            break;
        }
        let offset = match address_in(&markdown[cursor..], &href) {
            (Some(at), scanned) => {
                searched += scanned;
                cursor += at;
                cursor
            }
            (None, scanned) => {
                searched += scanned + cursor;
                match address_in(&markdown[..cursor], &href).0 {
                    Some(at) => at,
                    None => continue,
                }
            }
        };
        links.push(WrittenLink { href, offset });
    }
    (links, searched)
}

/// Where `href` is written in `text` as an address: its first occurrence after `(`, `<`, a
/// quote, `=` or `: ` (a link's text often repeats its address), else its first occurrence;
/// with the bytes scanned.
fn address_in(text: &str, href: &str) -> (Option<usize>, usize) {
    let mut first = None;
    for (at, _) in text.match_indices(href) {
        let before = text[..at].trim_end_matches(' ').bytes().next_back();
        if matches!(before, Some(b'(' | b'<' | b'"' | b'\'' | b'=' | b':')) {
            return (Some(at), at + href.len());
        }
        first.get_or_insert(at);
    }
    (first, text.len())
}

/// The `href` values of the `<a>` elements of `html` as written by the Markdown writer
/// (attributes in double quotes), entities decoded. A tag ends at its `>`, or at the next `<`
/// (raw HTML passed through can hold `<a ` without its `>`); the next of each is found once
/// and kept while the tags before it are read, so that the whole page is read once.
fn hrefs(html: &str) -> impl Iterator<Item = String> + '_ {
    let next = |from: usize, byte: u8| crate::byte_set::find_byte(html.as_bytes(), from, byte);
    let (mut gt, mut lt): (Option<usize>, Option<usize>) = (None, None);
    html.match_indices("<a ").filter_map(move |(at, _)| {
        if gt.is_none_or(|g| g < at) {
            gt = Some(next(at, b'>'));
        }
        if lt.is_none_or(|l| l <= at) {
            lt = Some(next(at + 1, b'<'));
        }
        let end = gt.unwrap_or(at).min(lt.unwrap_or(at));
        // `>` and `<` are ASCII: `end` is a character boundary.
        let tag = &html[at..end];
        let start = tag.find(" href=\"")? + " href=\"".len();
        let value = &tag[start..];
        Some(decode_entities(&value[..value.find('"')?]))
    })
}

/// The entities the HTML writer escapes an attribute with, decoded.
fn decode_entities(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_written_address_in_order() {
        let md = "[a](/x) and [b][r] and [a](/x)\n\n[r]: /y?a=1&b=2\n";
        let html = "<p><a href=\"/x\">a</a> and <a href=\"/y?a=1&amp;b=2\">b</a> and <a href=\"/x\">a</a></p>";
        let links = written_links(html, md);
        let found: Vec<(&str, usize)> = links.iter().map(|l| (l.href.as_str(), l.offset)).collect();
        assert_eq!(
            found,
            [("/x", 4), ("/y?a=1&b=2", 37), ("/x", 4)],
            "each link should be placed at its address, a repeat before the last found one at its first writing"
        );
    }

    #[test]
    fn an_address_repeated_as_its_link_text_is_placed_at_the_address() {
        let md = "See [x.org](x.org) now.\n";
        let html = "<p>See <a href=\"x.org\">x.org</a> now.</p>";
        let links = written_links(html, md);
        assert_eq!(
            links[0].offset, 12,
            "the link should be placed at its address, not its text"
        );
    }

    #[test]
    fn leaves_out_links_nobody_wrote() {
        let md = "Text[^1]\n\n[^1]: Note\n";
        let html =
            "<p>Text<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote\">1</a></sup></p>";
        assert!(
            written_links(html, md).is_empty(),
            "a footnote marker's link should not count as a written link"
        );
    }

    #[test]
    fn a_tag_without_its_end_stops_at_the_next_tag() {
        let html = "<a href=\"/x\" <a href=\"/y\">y</a>";
        let found: Vec<String> = hrefs(html).collect();
        assert_eq!(
            found,
            ["/x", "/y"],
            "each `<a` should be read up to the next tag at most"
        );
    }

    #[test]
    fn searching_is_capped_on_many_unwritten_links() {
        let md = "x".repeat(100_000);
        let html = "<a href=\"#fn:1\">1</a>".repeat(10_000);
        let (links, searched) = collect(&html, &md);
        assert!(
            links.is_empty(),
            "no address should be found in a text without any"
        );
        assert!(
            searched <= md.len() * 9 + 4096,
            "the bytes searched should stay within nine passes over the text, not one per link (searched {searched})"
        );
    }
}
