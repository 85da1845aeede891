//! The kramdown options a Jekyll site sets, read as Jekyll 4.3.1 reads them.
//!
//! Reference: Jekyll 4.3.1 `Configuration::DEFAULTS["kramdown"]` deep-merged with the site's
//! `kramdown:` map, `Converters::Markdown::KramdownParser#setup` (the highlighter falls back to
//! the site's `highlighter`, `syntax_highlighter_opts.guess_lang` follows `kramdown.guess_lang`),
//! kramdown 2.4 `Options.parse` (a string is turned into the option's type: `"false"` is false,
//! `"1..3"` is a range of levels) and the GFM parser's options (`hard_wrap`, `gfm_quirks`).
//!
//! Options that change nothing in the DOM (`entity_output`, `line_width`, `latex_headers`,
//! `list_indent`, `show_warnings`, `remove_*_html_tags`, which only kramdown's other converters
//! read) are accepted and not kept. A value kramdown would refuse (Jekyll stops the build) is a
//! problem the caller reports; the default is used in its place.

use crate::diagnostic::{Code, Issue};
use crate::markdown::span::entity::{reference, Reference};
use crate::value::{Map, Value};
use std::borrow::Cow;

/// Text of an option: Jekyll's defaults are borrowed, so the default options cost no allocation
/// (every post is rendered with them).
pub type Text = Cow<'static, str>;

/// Which kramdown parser reads the text (`input`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// kramdown-parser-gfm (Jekyll's default): fenced code with backticks, `~~`, GFM header ids.
    Gfm,
    /// kramdown's own parser: header ids by kramdown's rule, no GFM additions.
    Kramdown,
}

/// What rouge is told for code blocks or code spans (`syntax_highlighter_opts`, with its `block`
/// or `span` map laid over the rest).
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// Code in rouge's two-column table with a line-number gutter.
    pub line_numbers: bool,
    /// The gutter's first number (`start_line`).
    pub start_line: i64,
    /// The class of rouge's `<pre>` (`css_class`).
    pub css_class: Text,
    /// The language of code that names none (`default_lang`); `None` leaves such code plain.
    pub default_lang: Option<Text>,
    /// `guess_lang` (Jekyll copies `kramdown.guess_lang` here).
    pub guess_lang: bool,
    /// Rouge does nothing: code is a plain `<pre><code>`.
    pub disable: bool,
    /// rouge's `<div class="highlight"><pre><code>` wrapper (`wrap`; always off for spans).
    pub wrap: bool,
}

/// The kramdown options of a site, with Jekyll's defaults where the site sets none.
///
/// `render_post` reads them from `site.kramdown` (and `site.highlighter`):
///
/// ```
/// use postview::{render_post, Options, KramdownOptions};
/// let config = "kramdown:\n  auto_id_prefix: h-\n  syntax_highlighter_opts:\n    block: {line_numbers: true}\n";
/// let (options, _) = Options::from_config(config);
/// let (kramdown, problems) = KramdownOptions::from_site(&options.site);
/// assert!(kramdown.block.line_numbers && problems.is_empty());
///
/// let post = render_post("---\n---\n# Hi\n\n    code\n", &options);
/// assert!(post.html.contains(r#"<h1 id="h-hi">"#));
/// assert!(post.html.contains(r#"<td class="rouge-gutter gl"><pre class="lineno">1"#));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct KramdownOptions {
    /// Which parser reads the text (`input`).
    pub input: Input,
    /// Headers get ids (`auto_ids`).
    pub auto_ids: bool,
    /// Put before every generated id (`auto_id_prefix`).
    pub auto_id_prefix: String,
    /// Every line break in a paragraph is a `<br />` (GFM parser).
    pub hard_wrap: bool,
    /// The header levels a table of contents lists, as a bit per level (bit 1 = level 1).
    pub toc_levels: u8,
    /// The text of ‘ ’ “ ” (from entity names or code points).
    pub smart_quotes: [Text; 4],
    /// Replacements of typographic symbols by name (`mdash`, `hellip`, `laquo_space` …).
    pub typographic_symbols: Vec<(String, String)>,
    /// The number of the first footnote (`footnote_nr`).
    pub footnote_nr: i64,
    /// The back link's text, as HTML (`&#8617;`); empty: no back links.
    pub footnote_backlink: Text,
    /// The back link goes into the last paragraph or header, however deeply nested, rather than
    /// only a last top-level paragraph (`footnote_backlink_inline`).
    pub footnote_backlink_inline: bool,
    /// Put before footnote ids (`footnote_prefix`).
    pub footnote_prefix: String,
    /// HTML blocks' content is read as Markdown (`parse_block_html`).
    pub parse_block_html: bool,
    /// HTML spans' content is read as Markdown (`parse_span_html`).
    pub parse_span_html: bool,
    /// Added to every header's level (kept within 1–6).
    pub header_offset: i64,
    /// Rouge highlights code (`syntax_highlighter: rouge`); `false` for none.
    pub rouge: bool,
    /// What rouge is told for code blocks.
    pub block: Highlight,
    /// What rouge is told for code spans.
    pub span: Highlight,
    /// Math for MathJax (`\(…\)`); `false` (`math_engine: null`) writes kramdown's `kdmath`.
    pub mathjax: bool,
    /// `gfm_quirks: paragraph_end` (a paragraph ends at a list, header, quote or fence).
    pub paragraph_end_quirk: bool,
    /// `gfm_quirks: no_auto_typographic`.
    pub no_auto_typographic: bool,
    /// Line breaks between two CJK characters are removed.
    pub remove_line_breaks_for_cjk: bool,
    /// Link definitions every post has (`link_defs`): id, URL, title.
    pub link_defs: Vec<(String, String, Option<String>)>,
    /// Options `{::options /}` may not set; `None`: kramdown's default, `template`.
    pub forbidden_inline_options: Option<Vec<String>>,
}

const DEFAULT_QUOTES: [&str; 4] = ["\u{2018}", "\u{2019}", "\u{201c}", "\u{201d}"];

impl Default for KramdownOptions {
    /// Jekyll's defaults (`--options` of `kramdown_ref.rb`).
    fn default() -> Self {
        let highlight = Highlight {
            line_numbers: false,
            start_line: 1,
            css_class: Cow::Borrowed("highlight"),
            default_lang: Some(Cow::Borrowed("plaintext")),
            guess_lang: true,
            disable: false,
            wrap: true,
        };
        KramdownOptions {
            input: Input::Gfm,
            auto_ids: true,
            auto_id_prefix: String::new(),
            hard_wrap: false,
            toc_levels: 0b111_1110,
            smart_quotes: DEFAULT_QUOTES.map(Cow::Borrowed),
            typographic_symbols: Vec::new(),
            footnote_nr: 1,
            footnote_backlink: Cow::Borrowed("&#8617;"),
            footnote_backlink_inline: false,
            footnote_prefix: String::new(),
            parse_block_html: false,
            parse_span_html: true,
            header_offset: 0,
            rouge: true,
            span: Highlight {
                wrap: false,
                ..highlight.clone()
            },
            block: highlight,
            mathjax: true,
            paragraph_end_quirk: true,
            no_auto_typographic: false,
            remove_line_breaks_for_cjk: false,
            link_defs: Vec::new(),
            forbidden_inline_options: None,
        }
    }
}

impl KramdownOptions {
    /// The options of a site: its `kramdown:` map (and `highlighter`) over Jekyll's defaults.
    /// Returns what was wrong with the values, each an issue at offset 0 naming the option.
    pub fn from_site(site: &Map) -> (KramdownOptions, Vec<Issue>) {
        let mut o = KramdownOptions::default();
        let mut problems = Vec::new();
        if site.get("kramdown").is_none() && site.get("highlighter").is_none() {
            return (o, problems);
        }
        let kramdown = site.get("kramdown").and_then(Value::as_map);
        let highlighter = kramdown
            .and_then(|k| k.get("syntax_highlighter"))
            .filter(|v| !matches!(v, Value::Null))
            .or_else(|| site.get("highlighter"));
        if let Some(h) = highlighter {
            o.set("syntax_highlighter", h, &mut problems);
        }
        let Some(kramdown) = kramdown else {
            return (o, problems);
        };
        for (key, value) in kramdown.iter() {
            if key != "syntax_highlighter" && key != "syntax_highlighter_opts" {
                o.set(key, value, &mut problems);
            }
        }
        // Jekyll: `syntax_highlighter_opts.guess_lang = kramdown.guess_lang` (default true).
        let guess = kramdown.get("guess_lang").is_none_or(truthy);
        let opts = kramdown.get("syntax_highlighter_opts");
        o.highlight_options(opts, guess, &mut problems);
        (o, problems)
    }

    /// Whether smart quotes or typographic symbols are written other than by default.
    pub(crate) fn custom_symbols(&self) -> bool {
        !self.typographic_symbols.is_empty() || self.smart_quotes != DEFAULT_QUOTES
    }

    /// The text kramdown writes for a symbol the span parser found (given by its default text).
    pub(crate) fn symbol(&self, default: &str) -> Option<&str> {
        if let Some(i) = DEFAULT_QUOTES.iter().position(|q| *q == default) {
            return Some(&self.smart_quotes[i]);
        }
        let name = match default {
            "\u{2014}" => "mdash",
            "\u{2013}" => "ndash",
            "\u{2026}" => "hellip",
            "\u{ab}\u{a0}" => "laquo_space",
            "\u{a0}\u{bb}" => "raquo_space",
            "\u{ab}" => "laquo",
            "\u{bb}" => "raquo",
            _ => return None,
        };
        self.typographic_symbols
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether a table of contents lists headers of this level.
    pub(crate) fn in_toc(&self, level: u8) -> bool {
        level < 8 && self.toc_levels & (1 << level) != 0
    }

    /// Sets one option from `{::options key="value" /}` (a string), as kramdown's parser does.
    /// Returns a problem (at offset 0) if the option cannot be set so.
    pub(crate) fn set_inline(&mut self, key: &str, value: &str) -> Option<Issue> {
        let forbidden = match &self.forbidden_inline_options {
            Some(list) => list.iter().any(|k| k == key),
            None => key == "template",
        };
        if forbidden || key == "forbidden_inline_options" {
            return Some(Issue::new(
                Code::ForbiddenInlineOption,
                0,
                format!("`{key}` may not be set with {{::options /}}: set it in _config.yml"),
            ));
        }
        let mut problems = Vec::new();
        let value = Value::String(value.to_owned());
        if key == "syntax_highlighter_opts" {
            let opts = parse_yaml_map(&value);
            self.highlight_options(opts.as_ref(), self.block.guess_lang, &mut problems);
        } else {
            self.set(key, &value, &mut problems);
        }
        problems.pop().map(|_| {
            Issue::new(
                Code::BadInlineOption,
                0,
                format!(
                    "{{::options {key}=\"…\" /}}: kramdown does not accept this value and ignores it"
                ),
            )
        })
    }

    /// One key of the `kramdown:` map.
    fn set(&mut self, key: &str, v: &Value, problems: &mut Vec<Issue>) {
        let mut bad = |what: &str| {
            problems.push(Issue::new(
                Code::BadKramdownOption,
                0,
                format!(
                    "site.kramdown.{key}: {what}; Jekyll stops the build with this value, the \
                 default is used here"
                ),
            ))
        };
        match key {
            "input" => match string(v).as_deref() {
                Some("GFM") => self.input = Input::Gfm,
                Some("kramdown") | Some("Kramdown") => self.input = Input::Kramdown,
                _ => bad("postview reads `GFM` and `kramdown` only"),
            },
            "auto_ids" => self.auto_ids = boolean(v),
            "auto_id_prefix" => self.auto_id_prefix = string(v).unwrap_or_default(),
            "hard_wrap" => self.hard_wrap = boolean(v),
            "toc_levels" => match toc_levels(v) {
                Some(levels) => self.toc_levels = levels,
                None => bad("levels are numbers from 1 to 6, as `1..3` or `1,2,3` or a list"),
            },
            "smart_quotes" => match smart_quotes(v) {
                Some(q) => self.smart_quotes = q,
                None => bad(
                    "four entity names or code points are needed, e.g. `lsquo,rsquo,ldquo,rdquo`",
                ),
            },
            "typographic_symbols" => match v {
                Value::Map(m) => {
                    self.typographic_symbols = m
                        .iter()
                        .map(|(k, v)| (k.to_owned(), string(v).unwrap_or_default()))
                        .collect()
                }
                Value::Null => self.typographic_symbols.clear(),
                _ => bad("a map from symbol names (`hellip`, `mdash` …) to text is needed"),
            },
            "footnote_nr" => match integer(v) {
                Some(n) => self.footnote_nr = n,
                None => bad("a whole number is needed"),
            },
            "footnote_backlink" => self.footnote_backlink = string(v).unwrap_or_default().into(),
            "footnote_backlink_inline" => self.footnote_backlink_inline = boolean(v),
            "footnote_prefix" => self.footnote_prefix = string(v).unwrap_or_default(),
            "parse_block_html" => self.parse_block_html = boolean(v),
            "parse_span_html" => self.parse_span_html = boolean(v),
            "header_offset" => match integer(v) {
                Some(n) => self.header_offset = n,
                None => bad("a whole number is needed"),
            },
            "syntax_highlighter" => match symbol(v).as_deref() {
                None => self.rouge = false,
                Some("rouge") => self.rouge = true,
                // Jekyll's way to turn highlighting off: kramdown finds no such highlighter.
                Some("none") => self.rouge = false,
                Some(other) => {
                    self.rouge = false;
                    problems.push(Issue::new(
                        Code::UnknownHighlighter,
                        0,
                        format!(
                            "site.kramdown.syntax_highlighter: postview knows rouge only; with \
                         `{other}` it writes code as kramdown does without a highlighter"
                        ),
                    ));
                }
            },
            "math_engine" => match symbol(v).as_deref() {
                None => self.mathjax = false,
                Some("mathjax") => self.mathjax = true,
                // kramdown finds no such engine and writes math as `kdmath` text.
                Some(other) => {
                    self.mathjax = false;
                    problems.push(Issue::new(
                        Code::UnknownMathEngine,
                        0,
                        format!(
                            "site.kramdown.math_engine: Jekyll stops the build unless the plugin \
                         kramdown-math-{other} is installed; postview knows mathjax only and \
                         writes the math as kramdown does without an engine (`kdmath`)"
                        ),
                    ));
                }
            },
            "gfm_quirks" => {
                let quirks = list_of_strings(v);
                self.paragraph_end_quirk = quirks.iter().any(|q| q == "paragraph_end");
                self.no_auto_typographic = quirks.iter().any(|q| q == "no_auto_typographic");
            }
            "remove_line_breaks_for_cjk" => self.remove_line_breaks_for_cjk = boolean(v),
            "link_defs" => match link_defs(v) {
                Some(defs) => self.link_defs = defs,
                None => bad("a map from link ids to `[url]` or `[url, title]` is needed"),
            },
            "forbidden_inline_options" => self.forbidden_inline_options = Some(list_of_strings(v)),
            _ => {}
        }
    }

    /// `syntax_highlighter_opts`: the top level for both, `block:` and `span:` over it.
    fn highlight_options(&mut self, opts: Option<&Value>, guess: bool, problems: &mut Vec<Issue>) {
        let base = KramdownOptions::default();
        self.block = base.block.clone();
        self.span = base.span;
        let top = opts.and_then(Value::as_map);
        for h in [&mut self.block, &mut self.span] {
            h.guess_lang = guess;
        }
        let Some(top) = top else { return };
        for (key, v) in top.iter() {
            if key != "block" && key != "span" {
                self.block.set(key, v, problems);
                self.span.set(key, v, problems);
            }
        }
        if let Some(block) = top.get("block").and_then(Value::as_map) {
            for (key, v) in block.iter() {
                self.block.set(key, v, problems);
            }
        }
        if let Some(span) = top.get("span").and_then(Value::as_map) {
            for (key, v) in span.iter() {
                self.span.set(key, v, problems);
            }
        }
        // kramdown turns the wrapper off for spans whatever is asked.
        self.span.wrap = false;
    }
}

impl Highlight {
    fn set(&mut self, key: &str, v: &Value, problems: &mut Vec<Issue>) {
        match key {
            "line_numbers" => self.line_numbers = v.is_truthy(),
            "start_line" => match integer(v) {
                Some(n) => self.start_line = n,
                None => problems.push(Issue::new(
                    Code::BadKramdownOption,
                    0,
                    format!(
                    "site.kramdown.syntax_highlighter_opts.start_line: a whole number is needed, \
                     not {v:?}"
                ),
                )),
            },
            "css_class" => self.css_class = string(v).unwrap_or_default().into(),
            "default_lang" => {
                self.default_lang = string(v).filter(|s| !s.is_empty()).map(Cow::Owned)
            }
            "guess_lang" => self.guess_lang = v.is_truthy(),
            "disable" => self.disable = v.is_truthy(),
            "wrap" => self.wrap = v.is_truthy(),
            _ => {}
        }
    }
}

/// Ruby's `to_s` of a scalar.
fn string(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::List(_) | Value::Map(_) => None,
        other => Some(other.to_liquid_string()),
    }
}

/// Ruby truthiness for a YAML value (config values are real booleans).
fn truthy(v: &Value) -> bool {
    v.is_truthy()
}

/// kramdown's `Boolean` parse: a string is true unless `false` or empty.
fn boolean(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Null => false,
        other => {
            let s = other.to_liquid_string();
            !s.is_empty() && crate::ruby::case::downcase(s.trim()) != "false"
        }
    }
}

fn integer(v: &Value) -> Option<i64> {
    match v {
        Value::Int(n) => Some(*n),
        other => string(other)?.trim().parse().ok(),
    }
}

/// kramdown's `str_to_sym`: `nil`, empty and null are none; a leading `:` goes.
fn symbol(v: &Value) -> Option<String> {
    let s = string(v)?;
    let s = s.trim();
    let s = s.strip_prefix(':').unwrap_or(s);
    (!s.is_empty() && s != "nil").then(|| s.to_owned())
}

fn list_of_strings(v: &Value) -> Vec<String> {
    match v {
        Value::List(items) => items.iter().filter_map(string).collect(),
        Value::Null => Vec::new(),
        other => string(other)
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().trim_start_matches(':').to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
    }
}

/// `{id: [url, title]}`: kramdown's `link_defs` (one or two strings per id).
fn link_defs(v: &Value) -> Option<Vec<(String, String, Option<String>)>> {
    let map = match v {
        Value::Null => return Some(Vec::new()),
        other => other.as_map()?,
    };
    map.iter()
        .map(|(id, v)| match v {
            Value::List(parts) if (1..=2).contains(&parts.len()) => Some((
                id.to_owned(),
                string(&parts[0])?,
                parts.get(1).and_then(string),
            )),
            _ => None,
        })
        .collect()
}

/// kramdown's `toc_levels` validator, as bits: a string is one digit range (`1..3`) or digits
/// separated by commas (`1,2,3`) on some line (Ruby's `^…$`), a list is its items' numbers; every
/// level must be 1–6. Only single digits are read, so no value makes work beyond six levels.
fn toc_levels(v: &Value) -> Option<u8> {
    let mut bits = 0u8;
    let mut add = |level: i64| {
        if (1..=6).contains(&level) {
            bits |= 1 << level;
            true
        } else {
            false
        }
    };
    match v {
        Value::List(items) => {
            for item in items {
                if !add(integer(item)?) {
                    return None;
                }
            }
        }
        Value::String(s) => {
            let digits = toc_levels_line(s)?;
            if !digits.iter().all(|&d| add(d)) {
                return None;
            }
        }
        _ => return None,
    }
    Some(bits)
}

/// The levels a `toc_levels` string names: the first line that is `d..d` (every level from the
/// one to the other; none when the first is greater) or `d,d,…`, each `d` one digit.
fn toc_levels_line(s: &str) -> Option<Vec<i64>> {
    let digit = |b: u8| b.is_ascii_digit().then(|| i64::from(b - b'0'));
    s.split('\n').find_map(|line| match line.as_bytes() {
        [a, b'.', b'.', b] => Some((digit(*a)?..=digit(*b)?).collect()),
        bytes if bytes.len() % 2 == 1 => bytes
            .iter()
            .enumerate()
            .map(|(i, &b)| match i % 2 {
                0 => digit(b),
                _ => (b == b',').then_some(0),
            })
            .collect::<Option<Vec<i64>>>()
            .map(|all| all.into_iter().step_by(2).collect()),
        _ => None,
    })
}

/// Four entity names or code points, as text.
fn smart_quotes(v: &Value) -> Option<[Text; 4]> {
    let parts: Vec<String> = match v {
        Value::List(items) => items.iter().map(string).collect::<Option<_>>()?,
        other => string(other)?.split(',').map(str::to_owned).collect(),
    };
    if parts.len() != 4 {
        return None;
    }
    let mut out: [Text; 4] = Default::default();
    for (slot, p) in out.iter_mut().zip(parts) {
        let c = match p.trim().parse::<u32>() {
            Ok(n) => char::from_u32(n)?,
            Err(_) => match reference(&format!("&{};", p.trim()))? {
                (Reference::Char(c), _) => c,
                _ => return None,
            },
        };
        *slot = Cow::Owned(c.to_string());
    }
    Some(out)
}

/// A YAML map given as a string (`{::options syntax_highlighter_opts="{…}" /}`).
fn parse_yaml_map(v: &Value) -> Option<Value> {
    let text = v.as_str()?;
    let (map, issues) = crate::front_matter::parse(text);
    issues.is_empty().then_some(Value::Map(map))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(yaml: &str) -> Map {
        crate::front_matter::parse(yaml).0
    }

    #[test]
    fn a_site_without_kramdown_should_get_jekylls_defaults() {
        let (o, problems) = KramdownOptions::from_site(&site("highlighter: rouge\n"));
        assert_eq!(o, KramdownOptions::default());
        assert!(problems.is_empty());
    }

    #[test]
    fn the_sites_values_should_be_laid_over_the_defaults() {
        let (o, problems) = KramdownOptions::from_site(&site(
            "kramdown:\n  hard_wrap: true\n  toc_levels: 2..3\n  smart_quotes: [\"laquo\", \"raquo\", 171, 187]\n  syntax_highlighter_opts:\n    block: {line_numbers: true}\n",
        ));
        assert!(problems.is_empty(), "{problems:?}");
        assert!(o.hard_wrap);
        assert!(o.in_toc(2) && o.in_toc(3) && !o.in_toc(1) && !o.in_toc(4));
        assert_eq!(o.smart_quotes[0], "\u{ab}");
        assert_eq!(
            o.smart_quotes[2], "\u{ab}",
            "a code point should be a character"
        );
        assert!(o.block.line_numbers && !o.span.line_numbers);
        assert!(o.auto_ids, "keys not given should keep Jekyll's default");
    }

    #[test]
    fn a_value_kramdown_refuses_should_be_a_problem_and_keep_the_default() {
        let (o, problems) = KramdownOptions::from_site(&site("kramdown:\n  toc_levels: 0..9\n"));
        assert_eq!(o.toc_levels, KramdownOptions::default().toc_levels);
        assert_eq!(
            problems[0].code,
            Code::BadKramdownOption,
            "a refused value should be a bad option: {problems:?}"
        );
        assert!(
            problems[0].message.contains("toc_levels"),
            "the problem should name the option: {problems:?}"
        );
    }

    #[test]
    fn a_bad_site_option_should_be_a_warning_at_line_1_and_the_post_should_still_render() {
        let options = crate::Options::with_site(site("kramdown:\n  footnote_nr: many\n"));
        let post = crate::render_post("---\n---\nText[^1].\n\n[^1]: Note.\n", &options);
        let warning = post
            .diagnostics
            .iter()
            .find(|d| d.code == Code::BadKramdownOption)
            .expect("the bad value should be reported");
        assert!(
            warning.message.contains("footnote_nr"),
            "the warning should name the option"
        );
        assert_eq!(warning.line, 1);
        assert!(
            post.html.contains(">1</a></sup>"),
            "the default number should be used"
        );
    }

    #[test]
    fn toc_levels_should_be_read_as_kramdowns_single_digits() {
        let levels = |text: &str| toc_levels(&Value::String(text.to_owned()));
        assert_eq!(
            levels("2..3"),
            Some(0b1100),
            "a range should give its levels"
        );
        assert_eq!(
            levels("3..1"),
            Some(0),
            "a range going down should give none"
        );
        assert_eq!(
            levels("2,4"),
            Some(0b10100),
            "digits with commas should be levels"
        );
        assert_eq!(
            levels("x\n1..2"),
            Some(0b110),
            "any line may hold the levels (`^…$`)"
        );
        for refused in [
            "1..4000000000",
            "1..100000000",
            "12",
            "0..6",
            "1..7",
            "1,,2",
            "",
        ] {
            assert_eq!(levels(refused), None, "{refused:?} should be refused");
        }
        assert_eq!(
            toc_levels(&Value::Int(3)),
            None,
            "a bare number should be refused"
        );
        let list = Value::List(vec![Value::Int(1), Value::String("3".into())]);
        assert_eq!(
            toc_levels(&list),
            Some(0b1010),
            "a list should give its items"
        );
    }

    #[test]
    fn a_huge_toc_range_in_the_site_should_be_a_problem_not_a_trap() {
        let (o, problems) =
            KramdownOptions::from_site(&site("kramdown:\n  toc_levels: 1..4000000000\n"));
        assert_eq!(
            o.toc_levels,
            KramdownOptions::default().toc_levels,
            "the default should stay"
        );
        assert!(
            problems[0].message.contains("toc_levels"),
            "the problem should name it: {problems:?}"
        );
    }

    #[test]
    fn inline_options_should_refuse_the_forbidden_ones() {
        let mut o = KramdownOptions::default();
        assert_eq!(
            o.set_inline("template", "x").map(|i| i.code),
            Some(Code::ForbiddenInlineOption),
            "`template` should be refused inline"
        );
        assert!(o.set_inline("auto_ids", "false").is_none());
        assert!(!o.auto_ids);
    }

    #[test]
    fn the_highlighter_should_fall_back_to_the_sites_highlighter() {
        let (o, _) = KramdownOptions::from_site(&site("highlighter: none\n"));
        assert!(!o.rouge, "`none` is not rouge: code should be plain");
        let (o, _) = KramdownOptions::from_site(&site("kramdown:\n  math_engine: null\n"));
        assert!(!o.mathjax);
    }
}
