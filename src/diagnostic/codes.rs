//! The codes of diagnostics: one stable name per kind of problem, in one table with each code's
//! severity, what it means and what Jekyll 4.3 (with kramdown 2.4, Liquid 4 and the site's
//! plugins) does in that case. `docs/diagnostics.md` is made from this table and a test checks
//! that it still is, so the page cannot drift from the code.
//!
//! A code is `area/what` in kebab case; once published it is never renamed or reused, since CIs,
//! editor extensions and tests refer to it.

use super::Severity;
use serde::{Serialize, Serializer};

/// What Jekyll does with a post (or site) that has the problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jekyll {
    /// The build stops: nothing of the site is published until it is fixed.
    StopsBuild,
    /// The post is published in another shape than written: left out, unrendered, without its
    /// front matter or its layout.
    PublishesDifferently,
    /// Jekyll publishes it as it should; the preview cannot show it the same (a preview-only
    /// note).
    PreviewDiffers,
    /// Jekyll publishes what the preview shows and says nothing: the note points at a likely
    /// mistake (a preview-only note).
    Nothing,
}

impl Jekyll {
    /// The words the page of codes uses.
    pub fn label(self) -> &'static str {
        match self {
            Jekyll::StopsBuild => "stops the build",
            Jekyll::PublishesDifferently => "publishes something different",
            Jekyll::PreviewDiffers => "publishes it; the preview differs",
            Jekyll::Nothing => "nothing",
        }
    }
}

/// Declares `Code` with its table: variant, code, severity, what Jekyll does, the one line that
/// says what the problem is, and the one line that says what Jekyll does about it.
macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $jekyll:ident,
        $about:literal, $outcome:literal;)*) => {
        /// A kind of problem. Every diagnostic has one; see `docs/diagnostics.md`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code {
            $(#[doc = $about] $variant,)*
        }

        /// The npm types' `DiagnosticCode`: every code, as a union of string literals
        /// (`src/wasm.rs` adds it to `index.d.ts`).
        #[cfg(target_arch = "wasm32")]
        // Read only by wasm-bindgen's custom section, which the dead-code lint does not see.
        #[allow(dead_code)]
        pub(crate) const TYPESCRIPT: &str = concat!(
            "\n/** The kind of a diagnostic's problem: see docs/diagnostics.md. */\nexport type DiagnosticCode =",
            $("\n  | \"", $code, "\"",)*
            ";\n"
        );

        impl Code {
            /// Every code, in the order of the page of codes.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable name, e.g. `liquid/unknown-tag`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// The severity every diagnostic of this code has.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// What Jekyll does in this case.
            pub fn jekyll(self) -> Jekyll {
                match self { $(Code::$variant => Jekyll::$jekyll,)* }
            }

            /// What the problem is, in one line.
            pub fn about(self) -> &'static str {
                match self { $(Code::$variant => $about,)* }
            }

            /// What Jekyll does about it, in one line.
            pub fn outcome(self) -> &'static str {
                match self { $(Code::$variant => $outcome,)* }
            }
        }
    };
}

codes! {
    Unreadable = "file/unreadable", Error, StopsBuild,
        "`postview check` could not read the file or folder: permission denied, a name that is not UTF-8, a path too long.",
        "Stops the build on a file it cannot read either; reads a name Ruby can.";
    TooBig = "file/too-big", Error, PreviewDiffers,
        "A file too big for `postview check` to render (its rendering would not fit in the module's memory).",
        "Builds it, slowly.";
    NotUtf8 = "file/not-utf8", Error, PublishesDifferently,
        "The file's bytes are not UTF-8 (Shift_JIS, GBK, Latin-1 …).",
        "Logs “invalid byte sequence in UTF-8” and publishes nothing for the post.";
    UnclosedFrontMatter = "front-matter/unclosed", Error, PublishesDifferently,
        "The `---` on line 1 opens front matter that no `---` line closes.",
        "Reads the whole file as text: the post is copied unrendered.";
    NoFrontMatter = "front-matter/missing", Warning, PublishesDifferently,
        "The post does not start with a `---` block.",
        "Copies the file unrendered, without layout.";
    InvalidDate = "front-matter/invalid-date", Error, StopsBuild,
        "The `date:` of a post is not a date Ruby's `Time.parse` reads (`2021-13-45`, a bare year, an empty value).",
        "Stops the build: “Invalid date … does not have a valid date in the YAML front matter”.";
    FrontMatterNotMap = "front-matter/not-a-map", Error, PublishesDifferently,
        "The front matter is valid YAML but not `key: value` lines.",
        "Publishes the post without front matter: no title, date, layout or language.";
    YamlUnclosedFlow = "yaml/unclosed-flow", Error, PublishesDifferently,
        "A `[` or `{` of the YAML is never closed.",
        "Front matter: logs a YAML exception and publishes the post without it; `_config.yml`, `_data/`, `_i18n/`: stops the build.";
    YamlUnclosedQuote = "yaml/unclosed-quote", Error, PublishesDifferently,
        "A quoted YAML value is not closed on its line.",
        "Front matter: logs a YAML exception and publishes the post without it; `_config.yml`, `_data/`, `_i18n/`: stops the build.";
    YamlSyntax = "yaml/syntax", Error, PublishesDifferently,
        "The YAML cannot be read (indentation, a stray `:` or `-` …).",
        "Front matter: logs a YAML exception and publishes the post without it; `_config.yml`, `_data/`, `_i18n/`: stops the build.";
    YamlTooDeep = "yaml/too-deep", Error, PreviewDiffers,
        "YAML collections nested deeper than the preview reads (64).",
        "Reads it; the preview refuses such YAML to stay fast on hostile text.";
    YamlTooManyAliases = "yaml/too-many-aliases", Error, PreviewDiffers,
        "More YAML aliases (`*name`) than the preview expands (64).",
        "Reads it; the preview refuses such YAML to stay fast on hostile text.";
    BadKramdownOption = "config/bad-kramdown-option", Warning, StopsBuild,
        "A `kramdown:` option of `_config.yml` has a value kramdown refuses; the preview uses the default.",
        "Stops the build (kramdown's option error).";
    UnknownHighlighter = "config/unknown-highlighter", Warning, PreviewDiffers,
        "A syntax highlighter other than rouge; the preview writes code without highlighting.",
        "Uses that highlighter if its gem is installed.";
    UnknownMathEngine = "config/unknown-math-engine", Warning, StopsBuild,
        "A math engine other than mathjax; the preview writes math as kramdown does without one.",
        "Stops the build unless the plugin kramdown-math-* of the engine is installed.";
    MissingStrings = "site/missing-strings", Error, StopsBuild,
        "A language of `languages:` has no `_i18n/<lang>.yml`.",
        "The multiple-languages plugin stops the build (No such file or directory).";
    NoLanguages = "site/no-languages", Warning, PreviewDiffers,
        "`_config.yml` lists no `languages:`; `postview build` follows jekyll-multiple-languages-plugin, which needs them, and builds each language of its default list.",
        "With the plugin, stops the build (You must provide at least one language); without it, publishes `_posts/` and the pages once.";
    MissingString = "site/missing-string", Error, StopsBuild,
        "`{% t key %}` names a key that is text neither in the language being built (`_i18n/<lang>.yml`) nor in the default language's.",
        "jekyll-multiple-languages-plugin stops the build (no implicit conversion of nil into String).";
    FeedCollections = "site/feed-collections", Warning, PreviewDiffers,
        "`_config.yml` `feed: collections:` names collections besides `posts`; postview builds no collections, so it writes the feeds of posts only.",
        "Writes a feed of each collection (`/feed/<name>.xml`, its categories' too).";
    MissingLayout = "site/missing-layout", Warning, PublishesDifferently,
        "The post's `layout:` names no file of `_layouts/`.",
        "Warns and publishes the body without a layout.";
    SharedDestination = "site/shared-destination", Warning, PublishesDifferently,
        "Two or more files of the site are written to the same file of `_site` (the same URL): a permalink, a page and a post, or two language builds.",
        "`jekyll doctor` warns “Conflict: The following destination is shared by multiple files”; the build writes the file once per source, and the last one written wins.";
    UrlsDifferByCase = "site/urls-differ-by-case", Warning, PublishesDifferently,
        "Two URLs of the site differ only by case (`/About.html`, `/about.html`).",
        "`jekyll doctor` warns “The following URLs only differ by case”; on a case-insensitive file system (macOS, Windows) one file overwrites the other.";
    UrlsDifferByNormalization = "site/urls-differ-by-normalization", Warning, PublishesDifferently,
        "Two URLs of the site differ only by Unicode normalisation: the same characters, composed (NFC) in one file name and decomposed (NFD) in the other, as macOS writes names.",
        "Builds both files; on a file system that normalises names (macOS) or a server that does, one overwrites the other, and the two look the same in every listing.";
    UnclosedHtml = "markdown/unclosed-html", Warning, Nothing,
        "An HTML element is never closed, so everything after it becomes its content.",
        "kramdown warns; the page is published as shown.";
    StrayHtmlEndTag = "markdown/stray-end-tag", Warning, Nothing,
        "An HTML end tag closes nothing; it is shown as text.",
        "kramdown warns; the page is published as shown.";
    BlockHtmlInParagraph = "markdown/block-html-in-paragraph", Warning, Nothing,
        "A block HTML element inside a paragraph; it is shown as text.",
        "kramdown warns; the page is published as shown.";
    StrayExtensionEnd = "markdown/stray-extension-end", Warning, Nothing,
        "A `{:/…}` stop tag with no extension to close; it is shown as text.",
        "kramdown warns; the page is published as shown.";
    OrphanAttributes = "markdown/orphan-attributes", Warning, Nothing,
        "An attribute list `{: …}` after text applies to nothing; it is shown as text.",
        "kramdown warns; the page is published as shown.";
    UnknownExtension = "markdown/unknown-extension", Warning, Nothing,
        "A `{::…}` extension kramdown does not know; it is shown as text.",
        "kramdown warns; the page is published as shown.";
    UnclosedExtension = "markdown/unclosed-extension", Warning, Nothing,
        "A `{::comment}` or `{::nomarkdown}` without its stop tag; it is shown as text.",
        "kramdown warns; the page is published as shown.";
    UndefinedFootnote = "markdown/undefined-footnote", Warning, Nothing,
        "A footnote `[^name]` without a definition; it is shown as text.",
        "kramdown warns; the page is published as shown.";
    ForbiddenInlineOption = "markdown/forbidden-inline-option", Warning, Nothing,
        "`{::options /}` sets an option that may only be set in `_config.yml`.",
        "kramdown warns and ignores it, as the preview does.";
    BadInlineOption = "markdown/bad-inline-option", Warning, Nothing,
        "`{::options /}` gives an option a value kramdown does not accept.",
        "kramdown warns and ignores it, as the preview does.";
    TooTangled = "markdown/too-tangled", Warning, PreviewDiffers,
        "A paragraph too tangled to preview exactly (thousands of unclosed `*`, `[`, `<`).",
        "Renders it all; the preview shows some of its emphasis and links as text.";
    MarkdownOutputBudget = "markdown/output-budget", Warning, PreviewDiffers,
        "Text written again per element (an option's prefix or back link, a definition's URL or title) past the post's budget; the preview leaves it out.",
        "Writes it all, however large.";
    UnterminatedLiquid = "liquid/unterminated", Error, StopsBuild,
        "A `{{` or `{%` that is never properly closed.",
        "Stops the build (Liquid syntax error: not properly terminated).";
    MissingTagName = "liquid/missing-tag-name", Error, StopsBuild,
        "A `{% %}` without a tag name.",
        "Stops the build (Liquid syntax error).";
    BrokenInComment = "liquid/broken-in-comment", Error, StopsBuild,
        "Broken Liquid inside a `{% comment %}`, which Liquid reads too.",
        "Stops the build (Liquid syntax error).";
    UnclosedBlock = "liquid/unclosed-block", Error, StopsBuild,
        "A block tag (`raw`, `comment`, `if`, `for` …) is never closed.",
        "Stops the build ('tag' tag was never closed).";
    StrayEndTag = "liquid/stray-end-tag", Error, StopsBuild,
        "An `end…`, `else` or `when` tag with no block to close or continue.",
        "Stops the build (Liquid syntax error: Unknown tag).";
    TagSyntax = "liquid/tag-syntax", Error, StopsBuild,
        "A tag's markup is not what the tag takes (`for`, `assign`, `raw`, `highlight`, `include` parameters).",
        "Stops the build (Liquid syntax error in the tag).";
    ConditionSyntax = "liquid/condition-syntax", Error, StopsBuild,
        "The condition of an `if`, `unless` or `elsif` cannot be read.",
        "Stops the build (Liquid syntax error).";
    HashComment = "liquid/hash-comment", Warning, StopsBuild,
        "A `{% # … %}` comment, which needs Liquid 5.4.",
        "Jekyll 4.3 with its usual Liquid 4 stops the build (Tag was not properly terminated).";
    UnknownTag = "liquid/unknown-tag", Warning, PreviewDiffers,
        "A tag neither Liquid nor Jekyll defines; the preview shows it as written or renders nothing.",
        "Runs it if a plugin defines it, else stops the build (Unknown tag).";
    UnsupportedTag = "liquid/unsupported-tag", Warning, PreviewDiffers,
        "A tag Jekyll runs that the preview does not; it is shown as written.",
        "Runs it.";
    NeedsSite = "liquid/needs-site", Warning, PreviewDiffers,
        "A tag that needs the site's posts, files or includes, previewed without the site's folder.",
        "Runs it with the whole site.";
    InvalidExpression = "liquid/invalid-expression", Warning, Nothing,
        "A `{{ }}` whose expression is not valid Liquid.",
        "Warns (Liquid syntax error) and renders what its lenient reading makes of it, as the preview does.";
    EmptyOutput = "liquid/empty-output", Warning, Nothing,
        "An empty `{{ }}`.",
        "Renders nothing, as the preview does.";
    UnknownVariable = "liquid/unknown-variable", Warning, Nothing,
        "A variable (or `page.…`, `site.…` key) nothing defines; it renders empty.",
        "Renders it empty too.";
    NoSuchKey = "liquid/no-such-key", Warning, Nothing,
        "A key or property the value does not have (a nil, a list, a string …); it renders empty.",
        "Renders it empty too.";
    JekyllVariable = "liquid/jekyll-variable", Warning, PreviewDiffers,
        "A variable Jekyll sets while it builds (`site.time`, `page.url`, `paginator` …) or a tag sets that the preview does not run; it renders empty here.",
        "Renders its value.";
    UnreadableFrontMatter = "liquid/unreadable-front-matter", Warning, PublishesDifferently,
        "A `page.…` variable renders empty because the front matter could not be read.",
        "Publishes the post without its front matter values (see the YAML error).";
    UnknownFilter = "liquid/unknown-filter", Warning, Nothing,
        "A filter neither Liquid nor Jekyll defines.",
        "Ignores it and passes the value through, as the preview does.";
    UnsupportedFilter = "liquid/unsupported-filter", Warning, PreviewDiffers,
        "A filter Jekyll applies that the preview does not; the value is shown unfiltered.",
        "Applies it.";
    FilterArity = "liquid/filter-arity", Error, StopsBuild,
        "A filter given the wrong number of arguments.",
        "Stops the build (Liquid error: wrong number of arguments).";
    FilterError = "liquid/filter-error", Error, StopsBuild,
        "A filter cannot work on its input (`concat` of a non-list, division by zero, `slice` of words, a URL it cannot read).",
        "Stops the build (Liquid error).";
    UnreadDate = "liquid/unread-date", Warning, PreviewDiffers,
        "The `date` filter's input or format is one the preview does not read; the value is shown unchanged.",
        "May print a date (Ruby's Time.parse reads more forms; `now` is the build's time).";
    UnknownPost = "liquid/unknown-post", Error, StopsBuild,
        "`{% post_url %}` names no post of this build of the site.",
        "Stops the build (Could not find post).";
    LinkNotFound = "liquid/link-not-found", Error, StopsBuild,
        "`{% link %}` names no post or file of the site.",
        "Stops the build (Could not find document in tag 'link').";
    LinkUnresolved = "liquid/link-unresolved", Warning, PreviewDiffers,
        "`{% link %}` names a page, or a file the preview does not have; it renders nothing here.",
        "Renders the URL if the site has the file, else stops the build.";
    MissingInclude = "liquid/missing-include", Error, StopsBuild,
        "`{% include %}` names no file of `_includes/`.",
        "Stops the build (Could not locate the included file).";
    IncludeTooDeep = "liquid/include-too-deep", Error, StopsBuild,
        "Includes nested more than 16 deep (an include that includes itself?).",
        "Stops the build (stack level too deep) or takes as long as the nesting.";
    TooDeep = "liquid/too-deep", Warning, PreviewDiffers,
        "Blocks or ranges nested deeper than the preview runs; they are shown as written or empty.",
        "Runs them (very deep ranges run it out of stack).";
    BreakOutsideLoop = "liquid/break-outside-loop", Warning, Nothing,
        "`{% break %}` or `{% continue %}` outside a `for` loop.",
        "Renders nothing after it, as the preview does.";
    OutputBudget = "liquid/output-budget", Warning, PreviewDiffers,
        "Liquid that makes far more text than a page should (loops or filters that multiply); the preview stops rendering it.",
        "Renders it all, however long it takes.";
    TooManyLiquidProblems = "liquid/too-many-problems", Warning, Nothing,
        "More Liquid problems than the preview lists (100); the rest are counted in this one.",
        "Nothing more than the problems themselves.";
    RequiredField = "template/required-field", Error, Nothing,
        "A field the post's Forestry template requires is missing or empty.",
        "Publishes the post without it (Forestry's editor refuses to save it).";
    NotAChoice = "template/not-a-choice", Error, Nothing,
        "A value that is not one of the choices of the template's select field.",
        "Publishes it as written (Forestry's editor cannot show it).";
    DateFormat = "template/date-format", Warning, Nothing,
        "A date not in the format of the template's date field.",
        "Publishes it as written (Forestry's editor rewrites it).";
    EmptyPost = "post/empty-file", Error, PublishesDifferently,
        "The post file is empty.",
        "Publishes a blank page for it.";
    LangMismatch = "post/lang-mismatch", Error, PublishesDifferently,
        "`lang:` differs from the language of the post's `_i18n/<lang>/` folder.",
        "Lists the post under one language and labels it with the other.";
    MissingTranslation = "post/missing-translation", Error, Nothing,
        "A translation named in the front matter is not a post of the site.",
        "Publishes a link to a page that does not exist.";
    OneWayTranslation = "post/one-way-translation", Warning, Nothing,
        "A translation does not name this post back.",
        "Publishes the link one way only.";
    MissingImage = "post/missing-image", Error, Nothing,
        "An image the post shows from the site's root (front matter, Markdown image, `<img src>`) is not a file of the site.",
        "Publishes a broken image.";
    DeadLink = "post/dead-link", Warning, Nothing,
        "A link to a page of the site (a post, a page, a file, or an `#anchor` in one) that the site does not publish.",
        "Publishes the link; following it ends at “404 Not Found”, or at the page's top for an anchor it lacks.";
    TooManyDiagnostics = "preview/too-many-diagnostics", Warning, Nothing,
        "More diagnostics than the preview lists for a post (200); the rest are counted in this one.",
        "Nothing more than the problems themselves.";
    NotChecked = "preview/not-checked", Error, PreviewDiffers,
        "`postview check` did not check this file: it had failed on too many posts before it, or the site's text is more than it checks at once.",
        "Builds it; only the check stopped.";
    Crashed = "preview/crashed", Error, PreviewDiffers,
        "postview itself failed on this text (a bug: please report it with the post).",
        "Builds the post; only the preview failed.";
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table of `docs/diagnostics.md`: one row per code, in the table's order.
    fn markdown_table() -> String {
        let mut out = String::from(
            "| code | severity | what it is | what Jekyll does | how |\n|---|---|---|---|---|\n",
        );
        for code in Code::ALL {
            out.push_str(&format!(
                "| `{code}` | {} | {} | {} | {} |\n",
                code.severity().as_str(),
                code.about(),
                code.jekyll().label(),
                code.outcome()
            ));
        }
        out
    }

    /// Where the generated table sits in the page: between these two lines.
    const BEGIN: &str = "<!-- codes: begin (generated from src/diagnostic/codes.rs) -->\n";
    const END: &str = "<!-- codes: end -->\n";

    #[test]
    fn every_code_should_be_kebab_case_area_slash_what_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let s = code.as_str();
            let (area, what) = s.split_once('/').unwrap_or(("", ""));
            let kebab = |p: &str| {
                !p.is_empty()
                    && !p.starts_with('-')
                    && !p.ends_with('-')
                    && !p.contains("--")
                    && p.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            };
            assert!(
                kebab(area) && kebab(what),
                "`{s}` should be kebab-case `area/what`"
            );
            assert!(seen.insert(s), "`{s}` should name one kind of problem only");
        }
    }

    #[test]
    fn the_page_of_codes_should_list_every_code_as_the_table_says() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/diagnostics.md");
        let page = std::fs::read_to_string(path).unwrap_or_default();
        let table = markdown_table();
        let listed = page
            .split_once(BEGIN)
            .and_then(|(_, rest)| rest.split_once(END))
            .map(|(table, _)| table);
        if listed != Some(table.as_str()) && std::env::var_os("POSTVIEW_WRITE_DOCS").is_some() {
            let (head, tail) = match page.split_once(BEGIN) {
                Some((head, rest)) => (head, rest.split_once(END).map_or("", |(_, t)| t)),
                None => (page.as_str(), ""),
            };
            let written = format!("{head}{BEGIN}{table}{END}{tail}");
            std::fs::write(path, written).expect("docs/diagnostics.md should be writable");
            return;
        }
        assert!(
            listed == Some(table.as_str()),
            "docs/diagnostics.md should hold the table of every code as codes.rs has it; \
             run `POSTVIEW_WRITE_DOCS=1 cargo test --lib diagnostic::codes` to rewrite it"
        );
    }

    #[test]
    fn every_row_of_the_table_should_have_the_header_s_columns() {
        let table = markdown_table();
        let columns = |line: &str| line.matches('|').count();
        let header = table.lines().next().map_or(0, columns);
        for line in table.lines() {
            assert_eq!(
                columns(line),
                header,
                "`{line}` should have the header's columns"
            );
        }
    }

    #[test]
    fn every_code_should_say_what_it_is_and_what_jekyll_does() {
        for code in Code::ALL {
            assert!(
                code.about().ends_with('.') && code.outcome().ends_with('.'),
                "`{code}` should have a sentence for what it is and one for what Jekyll does"
            );
            assert!(
                !code.about().contains('|') && !code.outcome().contains('|'),
                "`{code}`'s lines should not break the page's table"
            );
        }
    }
}
