//! Pairs the blocks of two translations, so that they can be read side by side and scrolled
//! together, and a block of one without a counterpart in the other can be marked.
//!
//! Blocks are the top-level elements of each rendered body, as HTML. Two blocks correspond when
//! they are of one kind (heading, paragraph, list, table, code, quote, image) or share what
//! translation keeps: images, link targets, numbers. An image is known by what its URL names:
//! the caller may say which file that is (the page's previews show a site folder's images as
//! `blob:` URLs, the posts write paths); otherwise by the URL's file name. The pairing is the best-scoring monotone
//! alignment (as Needleman–Wunsch aligns sequences), with a small pull towards the same relative
//! position so that blocks with nothing to tell them apart pair in order.

use serde::Serialize;

/// A row of the alignment: a block of the first post, of the second, or of both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub left: Option<usize>,
    pub right: Option<usize>,
}

/// Beyond this many cells the alignment is by position only: a pair of posts this long is rare,
/// and the page must stay responsive.
const MAX_CELLS: usize = 4_000_000;
/// The least score for two blocks to be paired.
const MIN_MATCH: f64 = 0.25;

/// Says which file an image URL names (a path from the site root), if the caller knows.
pub type NameImage<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Aligns the blocks of two bodies (each block's HTML, in order).
pub fn align_blocks<L: AsRef<str>, R: AsRef<str>>(left: &[L], right: &[R]) -> Vec<Row> {
    align_blocks_named(left, right, &|_| None, &|_| None)
}

/// [`align_blocks`], each side's image URLs named by its own `name` (the files they name, read
/// from that side's page), the file name of the URL where it says nothing.
pub fn align_blocks_named<L: AsRef<str>, R: AsRef<str>>(
    left: &[L],
    right: &[R],
    name_left: NameImage,
    name_right: NameImage,
) -> Vec<Row> {
    let a: Vec<Block> = left
        .iter()
        .map(|b| Block::read(b.as_ref(), name_left))
        .collect();
    let b: Vec<Block> = right
        .iter()
        .map(|b| Block::read(b.as_ref(), name_right))
        .collect();
    if a.len().saturating_mul(b.len()) > MAX_CELLS {
        return by_position(a.len(), b.len());
    }
    let (n, m) = (a.len(), b.len());
    let sim = |i: usize, j: usize| {
        let s = a[i].similarity(&b[j]);
        let pos = 1.0 - ((i as f64 + 0.5) / n as f64 - (j as f64 + 0.5) / m as f64).abs();
        s + 0.15 * s.min(1.0) * pos
    };
    // best[i][j]: the best score of aligning a[..i] with b[..j].
    let mut best = vec![0.0f64; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in 1..=n {
        for j in 1..=m {
            let s = sim(i - 1, j - 1);
            let diagonal = if s >= MIN_MATCH {
                best[at(i - 1, j - 1)] + s
            } else {
                f64::MIN
            };
            best[at(i, j)] = diagonal.max(best[at(i - 1, j)]).max(best[at(i, j - 1)]);
        }
    }
    let mut rows = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        if i > 0 && j > 0 {
            let s = sim(i - 1, j - 1);
            if s >= MIN_MATCH && best[at(i, j)] == best[at(i - 1, j - 1)] + s {
                rows.push(Row {
                    left: Some(i - 1),
                    right: Some(j - 1),
                });
                i -= 1;
                j -= 1;
                continue;
            }
        }
        if i > 0 && (j == 0 || best[at(i, j)] == best[at(i - 1, j)]) {
            rows.push(Row {
                left: Some(i - 1),
                right: None,
            });
            i -= 1;
        } else {
            rows.push(Row {
                left: None,
                right: Some(j - 1),
            });
            j -= 1;
        }
    }
    rows.reverse();
    rows
}

fn by_position(n: usize, m: usize) -> Vec<Row> {
    (0..n.max(m))
        .map(|k| Row {
            left: (k < n).then_some(k),
            right: (k < m).then_some(k),
        })
        .collect()
}

/// What a block offers for pairing.
#[derive(Debug, Default)]
struct Block {
    kind: String,
    images: Vec<String>,
    links: Vec<String>,
    numbers: Vec<String>,
}

impl Block {
    fn read(html: &str, name_image: NameImage) -> Block {
        let mut block = Block {
            kind: kind_of(html),
            ..Block::default()
        };
        for (name, value) in attributes(html) {
            match name {
                "src" => block.images.push(image_key(value, name_image)),
                "href" => block.links.push(value.trim_end_matches('/').to_owned()),
                _ => {}
            }
        }
        block.numbers = numbers(&text_of(html));
        if block.kind == "p" && !block.images.is_empty() && text_of(html).trim().is_empty() {
            block.kind = "image".into();
        }
        for list in [&mut block.images, &mut block.links, &mut block.numbers] {
            crate::sort::natural(list);
            list.dedup();
        }
        block
    }

    /// From 0 (nothing in common) up: blocks of one kind start above the pairing threshold (so
    /// plain paragraphs pair in order); shared images, links and numbers add, and can pair blocks
    /// of different kinds (a list in one language is numbered paragraphs in another).
    fn similarity(&self, other: &Block) -> f64 {
        let overlap = |x: &[String], y: &[String]| -> f64 {
            if x.is_empty() && y.is_empty() {
                return -1.0;
            }
            let shared = x.iter().filter(|v| y.binary_search(v).is_ok()).count();
            shared as f64 / x.len().max(y.len()) as f64
        };
        let mut score = if self.kind == other.kind { 0.3 } else { 0.0 };
        let mut evidence = 0;
        for (x, y, weight) in [
            (&self.images, &other.images, 1.0),
            (&self.links, &other.links, 0.8),
            (&self.numbers, &other.numbers, 0.6),
        ] {
            let o = overlap(x, y);
            if o >= 0.0 {
                score += weight * o - 0.1;
                evidence += 1;
            }
        }
        if evidence == 0 {
            score
        } else {
            score.max(0.0)
        }
    }
}

/// What an image is known by: the file name of the folder file its URL names (a `blob:` URL
/// names one only through `name`), else the URL's own file name. File names, not paths: one
/// translation may write `/uploads/a.png` and another `/ja/uploads/a.png`, or a remote copy.
fn image_key(url: &str, name: NameImage) -> String {
    let named = name(url);
    let path = named.as_deref().unwrap_or(url);
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    path.rsplit('/').next().unwrap_or(path).to_owned()
}

/// The tag name of the block's first element, `h2` etc.; `text` for a block of bare text.
fn kind_of(html: &str) -> String {
    let html = html.trim_start();
    let Some(rest) = html.strip_prefix('<') else {
        return "text".into();
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    match name.as_str() {
        "ul" | "ol" | "dl" => "list".into(),
        "div" | "pre" if html.contains("<pre") || html.contains("<code") => "code".into(),
        _ => name,
    }
}

/// `name="value"` pairs of every tag, in order (double or single quotes).
fn attributes(html: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for name in ["src", "href"] {
        let mut from = 0;
        while let Some(at) = html[from..].find(&format!(" {name}=")) {
            let start = from + at + name.len() + 2;
            let quote = html[start..].chars().next().unwrap_or('"');
            if quote != '"' && quote != '\'' {
                from = start;
                continue;
            }
            let value_start = start + 1;
            let end = html[value_start..]
                .find(quote)
                .map_or(html.len(), |e| value_start + e);
            out.push((name, &html[value_start..end]));
            from = end;
        }
    }
    out
}

/// The text of `html` with its tags left out.
fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Numbers of two digits or more (separators dropped).
fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            current.push(c);
        } else if (c == ',' || c == '.') && !current.is_empty() {
            if c == '.' {
                current.push(c);
            }
        } else if !current.is_empty() {
            let n = current.trim_end_matches('.').to_owned();
            if n.len() >= 2 {
                out.push(n);
            }
            current.clear();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(rows: &[Row]) -> Vec<(Option<usize>, Option<usize>)> {
        rows.iter().map(|r| (r.left, r.right)).collect()
    }

    #[test]
    fn a_block_missing_on_one_side_should_be_left_alone() {
        let en = [
            "<h2 id=\"a\">Plan</h2>",
            "<p>We raised 3,000,000 in 2021.</p>",
            "<p><img src=\"/uploads/chart.png\" alt=\"\" /></p>",
            "<p>Read <a href=\"https://mask.io/faq\">more</a>.</p>",
        ];
        let zh = [
            "<h2 id=\"计划\">计划</h2>",
            "<p>我们在 2021 年筹集了 3000000。</p>",
            "<p>前言只在中文版。</p>",
            "<p><img src=\"/uploads/chart.png\" alt=\"\" /></p>",
            "<p>详见<a href=\"https://mask.io/faq/\">这里</a>。</p>",
        ];
        let rows = align_blocks(&en, &zh);
        assert_eq!(
            pairs(&rows),
            [
                (Some(0), Some(0)),
                (Some(1), Some(1)),
                (None, Some(2)),
                (Some(2), Some(3)),
                (Some(3), Some(4))
            ],
            "the extra Chinese paragraph should have no counterpart"
        );
    }

    #[test]
    fn a_shared_image_should_pair_a_list_with_a_paragraph() {
        let en = ["<ul>\n<li>Open it <img src=\"/uploads/a.png\" /></li>\n</ul>"];
        let zh = ["<p>1）打开 <img src=\"/uploads/a.png\" /></p>"];
        assert_eq!(pairs(&align_blocks(&en, &zh)), [(Some(0), Some(0))]);
        let other = ["<p>1）打开 <img src=\"/uploads/b.png\" /></p>"];
        let rows = align_blocks(&en, &other);
        assert!(
            rows.len() == 2 && rows.iter().all(|r| r.left.is_none() || r.right.is_none()),
            "different kinds with nothing shared should not pair: {rows:?}"
        );
    }

    #[test]
    fn an_image_should_be_known_by_the_file_its_url_names_however_written() {
        let shown = [
            "<p><img src=\"blob:http://127.0.0.1/5f1c\" alt=\"\" /></p>",
            "<p>Only here.</p>",
        ];
        let written = [
            "<p>Nur hier.</p>",
            "<p><img src=\"/uploads/chart.png?v=2\" alt=\"\" /></p>",
        ];
        let blob = |url: &str| {
            (url == "blob:http://127.0.0.1/5f1c").then(|| "uploads/chart.png".to_owned())
        };
        let rows = align_blocks_named(&shown, &written, &blob, &|_| None);
        assert!(
            rows.contains(&Row { left: Some(0), right: Some(1) }),
            "the blob: URL and the written path name one file, so their blocks should pair: {rows:?}"
        );
        let unnamed = align_blocks(&shown, &written);
        assert!(
            !unnamed.contains(&Row { left: Some(0), right: Some(1) }),
            "without knowing what the blob: URL names, the image blocks should not pair: {unnamed:?}"
        );
    }

    #[test]
    fn empty_sides_should_give_rows_for_the_other() {
        let rows = align_blocks(&["<p>a</p>"], &[] as &[&str]);
        assert_eq!(pairs(&rows), [(Some(0), None)]);
    }
}
