//! Tests of `render` as a whole: output, source map and issues, checked against the installed
//! Jekyll 4.3.1 (Debian, with Liquid 5.4); the Jekyll output is quoted where it helps. The
//! "ruby oracle" in comments is this, with the page's keys filled in as the test needs:
//!
//! ruby -e 'require "jekyll"; s = Jekyll::Site.new(Jekyll.configuration("baseurl"=>"/blog",
//!   "url"=>"https://example.com", "quiet"=>true)); Liquid::Template.error_mode = :warn;
//!   t = Liquid::Template.parse(ARGV[0]); p t.render!({"site"=>s.site_payload["site"],
//!   "page"=>{"t"=>"Title"}}, registers: {site: s}), t.warnings.map(&:message)' '{{ page.t }}'
//!
//! (`render!` raises where Jekyll's build would stop; `warnings` are Jekyll's "Liquid Warning"s.)

use super::*;
use crate::diagnostic::{Code, Severity};

fn site() -> Value {
    let m: Map = [
        ("baseurl_root", Value::from("/news")),
        ("baseurl", Value::from("/blog")),
        ("url", Value::from("https://example.com")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    Value::Map(m)
}

fn page() -> Value {
    let m: Map = [
        ("t", Value::from("Title")),
        (
            "l",
            Value::List(vec![Value::Int(1), Value::Int(2), Value::Int(3)]),
        ),
        ("date", Value::from("2019-02-06")),
        ("image", Value::from("/a b.png")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    Value::Map(m)
}

fn render_it(template: &str) -> Output {
    let (site, page) = (site(), page());
    render(
        template,
        &Context {
            site: &site,
            page: &page,
            page_unreadable: false,
        },
    )
}

fn text(template: &str) -> String {
    render_it(template).text
}

/// Renders a template that should give no issue at all.
fn clean(template: &str) -> String {
    let out = render_it(template);
    assert!(
        out.issues.is_empty(),
        "`{template}` should render without issues: {:?}",
        out.issues
    );
    out.text
}

fn codes(out: &Output) -> Vec<Code> {
    out.issues.iter().map(|i| i.code).collect()
}

// ---- the common path ----

#[test]
fn a_body_without_liquid_should_come_back_as_is_with_the_identity_map() {
    let body = "# Title\n\nSome {text} with } and { and 100% of it.\n";
    let out = render_it(body);
    assert_eq!(out.text, body, "the text should be unchanged");
    assert_eq!(
        out.map,
        SourceMap::identity(),
        "the map should be the identity"
    );
    assert!(out.issues.is_empty(), "there should be no issues");
}

#[test]
fn baseurl_root_should_render_and_map_offsets_after_it_back() {
    let template = "![a]({{ site.baseurl_root }}/x.png) after";
    let out = render_it(template);
    assert_eq!(
        out.text, "![a](/news/x.png) after",
        "the variable should be replaced by its value"
    );
    assert!(
        out.issues.is_empty(),
        "a known variable should not warn: {:?}",
        out.issues
    );
    let after_out = out.text.find("after").expect("the text after the tag");
    let after_in = template.find("after").expect("the text after the tag");
    assert_eq!(
        out.map.to_input(after_out),
        after_in,
        "text after the tag should map back to its own place"
    );
    let value_out = out.text.find("/news").expect("the value");
    assert_eq!(
        out.map.to_input(value_out + 2),
        5,
        "bytes of the value should map to the `{{`"
    );
    assert_eq!(
        out.map.to_input(1),
        1,
        "text before the tag should map to itself"
    );
}

#[test]
fn many_substitutions_should_keep_every_later_offset_right() {
    let template = "{{ site.baseurl_root }}/a ".repeat(50) + "end";
    let out = render_it(&template);
    assert_eq!(out.text, "/news/a ".repeat(50) + "end");
    assert_eq!(
        out.map.to_input(out.text.len() - 3),
        template.len() - 3,
        "the last text should map back exactly"
    );
}

#[test]
fn front_matter_values_and_literals_should_print_like_liquid() {
    assert_eq!(
        clean("{{ page.t }}|{{ page.l }}|{{ page.l[1] }}|{{ page.l.size }}"),
        "Title|123|2|3"
    );
    // ruby oracle: {{ 1.5 }}|{{ 2.0 }}|{{ -3 }}|{{ nil }}|{{ true }}|{{ 'a' }} gives 1.5|2.0|-3||true|a
    assert_eq!(
        clean("{{ 1.5 }}|{{ 2.0 }}|{{ -3 }}|{{ nil }}|{{ true }}|{{ 'a' }}"),
        "1.5|2.0|-3||true|a"
    );
}

#[test]
fn filters_should_chain_left_to_right() {
    assert_eq!(
        clean("{{ page.t | append: '!' | upcase | prepend: page.l.first }}"),
        "1TITLE!"
    );
    assert_eq!(clean("{{ page.image | relative_url }}"), "/blog/a%20b.png");
    assert_eq!(
        clean("{{ page.image | absolute_url }}"),
        "https://example.com/blog/a%20b.png"
    );
    assert_eq!(
        clean("{{ page.date | date: \"%B %-d, %Y\" }}"),
        "February 6, 2019"
    );
}

#[test]
fn a_filter_issue_should_point_at_the_filter_name() {
    let template = "{{ page.t | nosuch }}";
    let out = render_it(template);
    assert_eq!(
        out.text, "Title",
        "an unknown filter should pass the value through"
    );
    assert_eq!(
        out.issues[0].offset,
        template.find("nosuch").unwrap_or(0),
        "the warning should point at the filter"
    );
    assert_eq!(
        codes(&out),
        [Code::UnknownFilter],
        "the filter should be reported as unknown"
    );
}

// ---- variables ----

#[test]
fn unknown_variable_should_render_empty_and_warn_at_the_variable() {
    let template = "a {{  page.foo }} b";
    let out = render_it(template);
    assert_eq!(out.text, "a  b", "an unknown variable should render empty");
    assert_eq!(out.issues.len(), 1, "there should be one warning");
    assert_eq!(
        out.issues[0].severity(),
        Severity::Warning,
        "Jekyll renders on: a warning"
    );
    assert_eq!(
        out.issues[0].offset, 6,
        "the warning should point at `page.foo`"
    );
    assert_eq!(
        out.issues[0].code,
        Code::UnknownVariable,
        "the variable should be reported as unknown"
    );
    assert!(
        out.issues[0].message.contains("`page.foo`"),
        "the message should name the variable: {}",
        out.issues[0].message
    );
}

#[test]
fn unknown_variable_inside_spaced_tokens_should_still_point_at_it() {
    let template = "{{ page . foo }}";
    let out = render_it(template);
    assert_eq!(
        out.issues[0].offset, 3,
        "the warning should point at `page`, the variable's start"
    );
    assert!(
        out.issues[0].message.contains("`page.foo`"),
        "the variable should be named as Liquid reads it"
    );
}

#[test]
fn default_should_silence_the_missing_variable_warning() {
    assert_eq!(
        clean("{{ page.subtitle | default: page.t }}"),
        "Title",
        "`default` expects a missing value"
    );
}

#[test]
fn assign_should_set_a_variable_for_the_rest_of_the_body() {
    // ruby oracle: "{% assign x = 1 %}{{ x }}" gives "1"
    let out = render_it("{% assign x = 1 %}{{ x }}");
    assert_eq!(out.text, "1", "the assigned value should print");
    assert!(out.issues.is_empty(), "{:?}", out.issues);
    // ruby oracle: "{% for i in (1..3) %}{{ i }}{% endfor %}{% assign y = page.t | upcase %} {{ y }}" gives "123 TITLE"
    assert_eq!(
        clean("{% for i in (1..3) %}{{ i }}{% endfor %}{% assign y = page.t | upcase %} {{ y }}"),
        "123 TITLE",
        "for and assign with filters should run in a body"
    );
}

// ---- white space control ----

#[test]
fn dashes_should_trim_white_space_like_liquid() {
    // ruby oracle: "a  {{- page.t -}}  b" gives "aTitleb"
    assert_eq!(
        clean("a \n {{- page.t -}} \n b"),
        "aTitleb",
        "both sides should be trimmed, newlines included"
    );
    // "a {{ page.t -}} {{ page.t }} {{- page.t }} c" gives "a TitleTitleTitle c"
    assert_eq!(
        clean("a {{ page.t -}} {{ page.t }} {{- page.t }} c"),
        "a TitleTitleTitle c"
    );
    // "{{ page.t }}  {{- page.t }}" gives "TitleTitle"
    assert_eq!(clean("{{ page.t }}  {{- page.t }}"), "TitleTitle");
    assert_eq!(
        clean("x \u{3000}{{- page.t }}"),
        "x \u{3000}Title",
        "only ASCII white space should be trimmed, as Ruby's rstrip"
    );
    assert_eq!(
        clean("a {{-page.t-}} b"),
        "aTitleb",
        "dashes touching the expression should still trim"
    );
}

#[test]
fn trimmed_text_should_still_map_to_its_place() {
    let template = "ab   {{- page.t -}}   cd";
    let out = render_it(template);
    assert_eq!(out.text, "abTitlecd");
    assert_eq!(
        out.map.to_input(7),
        template.len() - 2,
        "text after the trimmed space should map to itself"
    );
}

#[test]
fn tags_should_trim_too_and_unsupported_ones_keep_their_dashes() {
    // ruby oracle: "a {%- comment -%} x {%- endcomment -%} b" gives "ab"
    assert_eq!(clean("a {%- comment -%} x {%- endcomment -%} b"), "ab");
    // ruby oracle: "a\n  {%- if page.t -%}\n  b\n{%- endif -%}\n" gives "ab"
    let out = render_it("a\n  {%- if page.t -%}\n  b\n{%- endif -%}\n");
    assert_eq!(out.text, "ab", "a block tag should trim around itself");
    let out = render_it("a {%- include x.html -%} b {% if page.t %}{% endif %}");
    assert_eq!(
        out.text, "a{%- include x.html -%}b ",
        "an unsupported tag should keep its text but trim around it"
    );
}

// ---- raw and comment ----

#[test]
fn raw_should_keep_its_body_as_written() {
    // ruby oracle: "a {% raw %}x{{ y }}{% endraw %} b" gives "a x{{ y }} b"
    let template = "a {% raw %}x{{ y }}{% endraw %} b";
    let out = render_it(template);
    assert_eq!(out.text, "a x{{ y }} b");
    assert!(
        out.issues.is_empty(),
        "raw content should not be read as Liquid: {:?}",
        out.issues
    );
    assert_eq!(
        out.map.to_input(2),
        template.find("x{{").unwrap_or(0),
        "the body should map to its own place"
    );
    // "a {% raw %}{{ x {% endraw %}b" gives "a {{ x b"
    assert_eq!(
        clean("a {% raw %}{{ x {% endraw %}b"),
        "a {{ x b",
        "an endraw glued to a `{{` should end raw"
    );
    // "a {% raw %}y{% endraw x %}z" gives "a yz"
    assert_eq!(clean("a {% raw %}y{% endraw x %}z"), "a yz");
    assert_eq!(
        clean("{% raw %}{% if %}{{{{ {% endraw %}"),
        "{% if %}{{{{ ",
        "broken Liquid inside raw should be fine"
    );
}

#[test]
fn raw_white_space_control_should_follow_liquids_quirks() {
    // ruby oracle: "x  {%- raw %} y {% endraw -%}  z" gives "x y   z": endraw's dash does nothing
    assert_eq!(clean("x  {%- raw %} y {% endraw -%}  z"), "x y   z");
    // "x  {%- raw -%}  y {% endraw %}  z" gives "x  y z": raw's own dash trims after endraw
    assert_eq!(clean("x  {%- raw -%}  y {% endraw %}  z"), "x  y z");
}

#[test]
fn raw_closed_only_by_dashed_endraw_should_stay_open_as_in_liquid() {
    // ruby oracle: "a {% raw %} x {%- endraw -%} b" raises "'raw' tag was never closed"
    let out = render_it("a {% raw %} x {%- endraw -%} b");
    assert_eq!(
        out.text, "a  x {%- endraw -%} b",
        "the rest should be shown as written"
    );
    assert_eq!(out.issues.len(), 1);
    assert_eq!(
        out.issues[0].severity(),
        Severity::Error,
        "Jekyll's build would stop"
    );
    assert_eq!(
        out.issues[0].offset, 2,
        "the error should point at `{{% raw %}}`"
    );
    assert_eq!(
        out.issues[0].code,
        Code::UnclosedBlock,
        "the open `raw` should be reported as never closed"
    );
}

#[test]
fn comment_should_drop_its_body_and_nest() {
    assert_eq!(
        clean("a {% comment %} {{ page.foo }} {% if %} {% endcomment %}b"),
        "a b",
        "the body should go, unread"
    );
    // ruby oracle: "a {% comment %}{% comment %}{% endcomment %}b{% endcomment %}c" gives "a c"
    assert_eq!(
        clean("a {% comment %}{% comment %}{% endcomment %}b{% endcomment %}c"),
        "a c"
    );
    // "a {%comment%}{% raw %}{% endcomment %}{% endraw %}{%endcomment%}z" gives "a z"
    assert_eq!(
        clean("a {%comment%}{% raw %}{% endcomment %}{% endraw %}{%endcomment%}z"),
        "a z"
    );
    let template = "a {% comment %}xx{% endcomment %}b";
    let out = render_it(template);
    assert_eq!(
        out.map.to_input(2),
        template.len() - 1,
        "text after a comment should map to itself"
    );
}

#[test]
fn an_unclosed_comment_should_hide_the_rest_and_report_it() {
    let out = render_it("a {% comment %} b {{ page.t }}");
    assert_eq!(
        out.text, "a ",
        "the rest should be hidden, as the comment would"
    );
    assert_eq!(out.issues.len(), 1);
    assert_eq!(
        (out.issues[0].offset, out.issues[0].code),
        (2, Code::UnclosedBlock),
        "the open comment should be reported at its tag"
    );
    assert!(
        out.issues[0].message.contains("`{% endcomment %}`"),
        "the fix should be named: {}",
        out.issues[0].message
    );
}

#[test]
fn broken_liquid_inside_a_comment_should_still_be_reported() {
    let out = render_it("{% comment %} {{ x } {% endcomment %}ok");
    assert_eq!(out.text, "ok", "the comment should still be dropped");
    assert_eq!(
        out.issues.len(),
        1,
        "Liquid parses comments: the broken `{{{{` is an error"
    );
    assert_eq!(
        (out.issues[0].offset, out.issues[0].code),
        (14, Code::BrokenInComment),
        "the broken Liquid in the comment should be reported at its place"
    );
}

#[test]
fn inline_comment_should_be_hidden_with_a_compatibility_warning() {
    let out = render_it("a{% # note %}b");
    assert_eq!(out.text, "ab", "Liquid 5.4 hides it");
    assert_eq!(
        codes(&out),
        [Code::HashComment],
        "the Liquid 4 difference should be reported"
    );
    assert!(
        out.issues[0].message.contains("Liquid 5.4"),
        "the message should name the Liquid version that reads it"
    );
}

#[test]
fn stray_end_tags_should_be_shown_and_reported() {
    // ruby oracle: "a {% raw %}{% raw %}{% endraw %}b{% endraw %}" raises "Unknown tag 'endraw'"
    let out = render_it("a {% raw %}{% raw %}{% endraw %}b{% endraw %}");
    assert_eq!(out.text, "a {% raw %}b{% endraw %}");
    assert_eq!(
        codes(&out),
        [Code::StrayEndTag],
        "the stray endraw should be the one problem"
    );
    assert_eq!(
        out.issues[0].offset, 33,
        "the error should point at the stray endraw"
    );
}

// ---- other tags ----

#[test]
fn unsupported_tags_should_stay_as_written_with_a_warning_naming_them() {
    // (`include`, `post_url` and `link` say what they need instead: see below.)
    let template = "a {% gist 1234 file.rb %} b";
    let out = render_it(template);
    assert_eq!(out.text, template, "the tag should be shown as written");
    assert_eq!(
        out.map,
        SourceMap::identity(),
        "a tag shown as written should map one to one"
    );
    assert_eq!(out.issues.len(), 1);
    assert_eq!(
        out.issues[0].offset, 2,
        "the warning should point at the tag"
    );
    assert_eq!(
        out.issues[0].code,
        Code::UnknownTag,
        "a plugin's tag should be reported as unknown to Liquid"
    );
    assert!(
        out.issues[0].message.starts_with("`{% gist %}`"),
        "the message should name the tag: {}",
        out.issues[0].message
    );
}

#[test]
fn an_orphan_closing_tag_should_be_kept_and_reported_as_stopping_the_build() {
    let out = render_it("{% if page.t %}a{% else %}b{% endif %}{% endfor %}");
    assert_eq!(
        out.text, "a{% endfor %}",
        "the block should run and the orphan stay as written"
    );
    assert_eq!(out.issues.len(), 1, "{:?}", out.issues);
    assert_eq!(
        out.issues[0].code,
        Code::StrayEndTag,
        "Jekyll stops the build on the orphan endfor"
    );
    assert_eq!(
        out.issues[0].severity(),
        Severity::Error,
        "Jekyll stops the build on it"
    );
}

#[test]
fn output_inside_a_block_should_render_when_the_block_runs() {
    // ruby oracle: "{% if x %}{{ page.t }}{% endif %}" gives ""
    assert_eq!(text("{% if x %}{{ page.t }}{% endif %}"), "");
    let out = render_it("x {% if page.t %}{{ page.t }}{% endif %} y");
    assert_eq!(out.text, "x Title y");
    assert_eq!(
        out.map.to_input(2),
        17,
        "the printed value should map to its `{{{{`"
    );
    assert_eq!(
        out.map.to_input(8),
        41,
        "the text after the block should map to itself"
    );
}

// ---- broken syntax ----

#[test]
fn an_unclosed_output_should_be_kept_and_reported_at_its_place() {
    let template = "a {{ page.t and more";
    let out = render_it(template);
    assert_eq!(out.text, template, "nothing should be lost");
    assert_eq!(out.issues.len(), 1);
    assert_eq!(out.issues[0].offset, 2, "the error should point at `{{{{`");
    assert_eq!(
        out.issues[0].severity(),
        Severity::Error,
        "Jekyll's build would stop"
    );
    assert_eq!(
        out.issues[0].code,
        Code::UnterminatedLiquid,
        "the open `{{{{` should be reported as unterminated"
    );
    assert!(
        out.issues[0].message.contains("add `}}`"),
        "the message should say what to add: {}",
        out.issues[0].message
    );
}

#[test]
fn an_unclosed_output_should_run_to_the_next_brace_as_in_liquid() {
    // ruby oracle: "a {{ b\n{{ page.t }}" gives "a " with a warning: Liquid's `{{` runs to the
    // first `}`, so the two make one garbled output.
    let out = render_it("a {{ b\n{{ page.t }}");
    assert_eq!(
        out.text, "a ",
        "the garbled output should render as Liquid's lenient reading"
    );
    assert!(
        codes(&out).contains(&Code::InvalidExpression)
            && out.issues.iter().all(|i| i.severity() == Severity::Warning),
        "Jekyll only warns here: {:?}",
        out.issues
    );
    // "a {{ b\n{% raw %}x{% endraw %}" stops Jekyll: `{{ b\n{% raw %}` ends in one `}`.
    let out = render_it("a {{ b\n{% raw %}x{% endraw %}");
    assert_eq!(
        out.text, "a {{ b\n{% raw %}x{% endraw %}",
        "nothing should be lost"
    );
    assert_eq!(
        out.issues[0].offset, 2,
        "the first error should point at `{{{{`"
    );
    assert_eq!(
        out.issues[0].code,
        Code::UnterminatedLiquid,
        "the output ending in one `}}` should stop the build"
    );
}

#[test]
fn an_output_closed_by_one_brace_should_be_kept_and_reported() {
    // ruby oracle: "{{ page.t } x }}" raises "Variable '{{ page.t }' was not properly terminated"
    let out = render_it("{{ page.t } x }}");
    assert_eq!(out.text, "{{ page.t } x }}");
    assert_eq!(
        (codes(&out), out.issues[0].offset),
        (vec![Code::UnterminatedLiquid], 0),
        "the output should be reported as not properly terminated, at its start"
    );
    assert!(
        out.issues[0].message.contains("single `}`"),
        "the message should say what is wrong: {}",
        out.issues[0].message
    );
}

#[test]
fn an_unclosed_tag_should_be_kept_and_reported() {
    let out = render_it("50{% off {{ page.t }}");
    assert_eq!(out.text, "50{% off Title", "the rest should still render");
    assert_eq!(
        (codes(&out), out.issues[0].offset),
        (vec![Code::UnterminatedLiquid], 2),
        "the open `{{%` should be reported at its place"
    );
    assert!(
        out.issues[0].message.contains("add `%}`"),
        "the message should say what to add: {}",
        out.issues[0].message
    );
}

#[test]
fn a_tag_without_a_name_should_be_kept_and_reported() {
    // ruby oracle: "{% %}" raises "Tag '{% %}' was not properly terminated"
    let out = render_it("a{% %}b");
    assert_eq!(out.text, "a{% %}b");
    assert_eq!(
        (out.issues[0].offset, out.issues[0].code),
        (1, Code::MissingTagName),
        "the nameless tag should be reported at its place"
    );
}

#[test]
fn garbage_inside_output_should_render_what_liquid_renders_and_warn() {
    // ruby oracle (warn mode): {{ !!! }} gives "", {{ page.t | }} gives "Title",
    // {{ "a" "b" }} gives "a", {{{ page.t }}} gives "}"
    let cases = [
        ("{{ !!! }}", ""),
        ("{{ page.t | }}", "Title"),
        ("{{ \"a\" \"b\" }}", "a"),
        ("{{{ page.t }}}", "}"),
    ];
    for (template, want) in cases {
        let out = render_it(template);
        assert_eq!(out.text, want, "`{template}` should render as in Jekyll");
        assert!(!out.issues.is_empty(), "`{template}` should warn");
        assert_eq!(
            out.issues[0].code,
            Code::InvalidExpression,
            "Jekyll only warns on `{template}`"
        );
    }
    let out = render_it("ab{{ page.t ! }}");
    assert_eq!(
        out.issues[0].offset, 12,
        "the warning should point at the offending character"
    );
}

#[test]
fn an_empty_output_should_render_nothing_and_warn() {
    let out = render_it("a{{ }}b{{-}}c");
    assert_eq!(out.text, "abc");
    assert_eq!(
        codes(&out),
        [Code::EmptyOutput, Code::EmptyOutput],
        "each empty output should be reported"
    );
}

#[test]
fn wrong_filter_arguments_should_fail_with_the_value_kept() {
    // ruby oracle: {{ page.t | append }} raises "wrong number of arguments (given 1, expected 2)"
    let out = render_it("{{ page.t | append }}");
    assert_eq!(out.text, "Title");
    assert_eq!(
        (out.issues[0].offset, out.issues[0].code),
        (12, Code::FilterArity),
        "the missing argument should be reported at the filter"
    );
}

#[test]
fn text_around_multibyte_characters_should_stay_whole() {
    let template = "é{{ page.t }}ü{{ 'ß' | upcase }}{{ \"日本\" | slice: 1 }}{%";
    let out = render_it(template);
    assert_eq!(out.text, "éTitleüSS本{%");
}

// ---- scale: each pair runs a size and 16× it; both must simply finish ----

fn both_sizes(make: impl Fn(usize) -> String) {
    for n in [1, 16] {
        let template = make(n);
        let out = render_it(&template);
        assert!(
            out.issues.len() <= output::MAX_ISSUES + 1,
            "issues should be capped"
        );
    }
}

#[test]
fn a_wall_of_open_braces_should_render_in_linear_time() {
    both_sizes(|n| "{{{{{{".repeat(1_000 * n));
    let out = render_it(&"{{".repeat(5_000));
    assert_eq!(out.text, "{{".repeat(5_000), "every `{{{{` should be kept");
    assert_eq!(
        out.issues.len(),
        output::MAX_ISSUES + 1,
        "the issues should stop at the cap plus a count"
    );
    assert_eq!(
        out.issues[output::MAX_ISSUES].code,
        Code::TooManyLiquidProblems,
        "the last issue should count the rest"
    );
    assert!(
        out.issues[output::MAX_ISSUES].message.contains("4900 more"),
        "the count should say how many are not listed: {}",
        out.issues[output::MAX_ISSUES].message
    );
}

#[test]
fn thousands_of_unclosed_tags_should_render_in_linear_time() {
    both_sizes(|n| "{% x ".repeat(600 * n));
}

#[test]
fn thousands_of_chained_filters_should_render_in_linear_time() {
    both_sizes(|n| format!("{{{{ page.t{} }}}}", " | upcase | downcase".repeat(600 * n)));
    both_sizes(|n| format!("{{{{ page.t{} }}}}", " | append: 'abc'".repeat(600 * n)));
    both_sizes(|n| format!("{{{{ page.t{} }}}}", " | prepend: 'abc'".repeat(600 * n)));
}

#[test]
fn a_doubling_replace_chain_should_stop_at_the_budget() {
    let template = format!("{{{{ 'x'{} }}}}", " | replace: 'x', 'xx'".repeat(60));
    let out = render_it(&template);
    assert!(out.text.len() < 64 << 20, "the output should stay bounded");
    assert!(
        codes(&out).contains(&Code::OutputBudget),
        "the stop should be explained"
    );
}

#[test]
fn many_outputs_of_a_long_value_should_stop_at_the_budget() {
    let long = "x".repeat(100_000);
    let page: Map = [("long".to_owned(), Value::String(long))]
        .into_iter()
        .collect();
    let (site, page) = (site(), Value::Map(page));
    let template = "{{ page.long }}".repeat(2_000);
    let out = render(
        &template,
        &Context {
            site: &site,
            page: &page,
            page_unreadable: false,
        },
    );
    assert!(out.text.len() < 16 << 20, "the output should stay bounded");
    assert_eq!(
        codes(&out)
            .iter()
            .filter(|&&c| c == Code::OutputBudget)
            .count(),
        1,
        "the stop should be said once"
    );
}

#[test]
fn huge_strings_and_garbage_should_render_in_linear_time() {
    both_sizes(|n| format!("{{{{ '{}' | upcase | size }}}}", "é".repeat(20_000 * n)));
    both_sizes(|n| format!("{{{{ x {} }}}}", "! \" ' | , : ".repeat(2_000 * n)));
    both_sizes(|n| format!("{{{{ '{}' | replace: '', '-' }}}}", "a".repeat(5_000 * n)));
}

#[test]
fn deeply_nested_brackets_should_be_capped_with_a_warning() {
    both_sizes(|n| {
        format!(
            "{{{{ {}x{} }}}}",
            "a[".repeat(2_000 * n),
            "]".repeat(2_000 * n)
        )
    });
    let out = render_it(&format!(
        "{{{{ {}x{} }}}}",
        "a[".repeat(500),
        "]".repeat(500)
    ));
    assert!(
        out.issues
            .iter()
            .any(|i| i.code == Code::InvalidExpression && i.message.contains("nested")),
        "the cap should be explained: {:?}",
        out.issues
    );
}

#[test]
fn many_raw_and_comment_openers_should_render_in_linear_time() {
    both_sizes(|n| "{% raw %}".repeat(3_000 * n));
    both_sizes(|n| "{% comment %}".repeat(3_000 * n));
    both_sizes(|n| "{% raw %}{%- endraw {%".repeat(2_000 * n));
}

#[test]
fn a_block_never_closed_should_lose_nothing_and_say_which_block_is_open() {
    let out = render_it("a {% if page.t %}b {{ page.t }}");
    assert_eq!(
        out.text, "a {% if page.t %}b Title",
        "the text after the open block should be kept"
    );
    assert_eq!(
        out.issues.len(),
        1,
        "one error should say it: {:?}",
        out.issues
    );
    assert_eq!(out.issues[0].offset, 2, "at the open tag");
    assert_eq!(
        out.issues[0].code,
        Code::UnclosedBlock,
        "Jekyll stops the build"
    );
    assert!(
        out.issues[0].message.contains("`{% endif %}`"),
        "the message should name the missing end tag: {}",
        out.issues[0].message
    );
}

#[test]
fn tags_that_need_the_site_should_be_shown_as_written_without_one_and_say_so() {
    let body = "a\n{% include x.html %} [p]({% post_url 2010-07-21-name %}) {% link a.txt %}\n";
    let out = render_it(body);
    assert_eq!(out.text, body, "without a site they should stay as written");
    let at = |needle: &str| body.find(needle).unwrap();
    for (needle, what) in [
        ("{% include", "`_includes`"),
        ("{% post_url", "posts and files"),
        ("{% link", "posts and files"),
    ] {
        assert!(
            out.issues.iter().any(|i| i.offset == at(needle)
                && i.code == Code::NeedsSite
                && i.message.contains(what)
                && i.message.contains("open the site's folder")),
            "`{needle}` should have a warning at its place naming {what}: {:?}",
            out.issues
        );
    }
}

#[test]
fn highlight_should_keep_the_source_map_and_report_a_bad_language_at_its_tag() {
    let body = "x\n\n{% highlight c{ %}\na<b\n{% endhighlight %}\n\n{{ nope.x }}\n";
    let out = render_it(body);
    assert!(
        out.text
            .contains("<code class=\"language-plaintext\" data-lang=\"plaintext\">a&lt;b</code>"),
        "a bad language should still show the code: {}",
        out.text
    );
    assert!(
        out.issues
            .iter()
            .any(|i| i.offset == body.find("{% highlight").unwrap() && i.code == Code::TagSyntax),
        "the bad language should be an error at the tag: {:?}",
        out.issues
    );
    let after = out.text.rfind('\n').unwrap();
    assert_eq!(
        out.map.to_input(after),
        body.rfind('\n').unwrap(),
        "text after the block should map back to its place in the body"
    );
}

#[test]
fn an_unclosed_highlight_should_keep_the_text_and_say_where_it_opens() {
    let body = "a\n{% highlight text %}\nx < y\n";
    let out = render_it(body);
    assert_eq!(out.text, body, "nothing typed should be lost");
    assert_eq!(
        out.issues.len(),
        1,
        "one error, for the open block: {:?}",
        out.issues
    );
    assert_eq!(
        (out.issues[0].offset, out.issues[0].code),
        (2, Code::UnclosedBlock),
        "the open highlight should be reported at its tag"
    );
    assert!(
        out.issues[0].message.contains("`{% endhighlight %}`"),
        "the message should name the missing end tag"
    );
}

#[test]
fn an_open_block_and_an_open_raw_should_each_be_reported_once() {
    let body = "a {% if page.t %}b {% raw %}c";
    let out = render_it(body);
    let mut open: Vec<usize> = out
        .issues
        .iter()
        .filter(|i| i.code == Code::UnclosedBlock)
        .map(|i| i.offset)
        .collect();
    open.sort_unstable();
    assert_eq!(
        open,
        [2, 19],
        "the open `if` and the open `raw` should be reported once each, at their tags: {:?}",
        out.issues
    );
}

// ---- one engine: a block tag elsewhere changes nothing ----

/// A body using the tag `name` of the registry (its problems included, where it has some).
fn sample(name: &str) -> Option<&'static str> {
    Some(match name {
        "if" => "{% if page.t %}a{% elsif x %}b{% else %}c{% endif %} {% if %}x{% endif %}",
        "unless" => "{% unless page.t %}a{% else %}b{% endunless %}",
        "case" => "{% case page.t %}{% when 'Title' %}a{% else %}b{% endcase %}",
        "for" => "{% for i in page.l %}{{ i }}{% else %}none{% endfor %}{% for x %}{% endfor %}",
        "capture" => "{% capture c %}*{{ page.t }}*{% endcapture %}{{ c }}",
        "highlight" => "{% highlight c{ %}\na<b\n{% endhighlight %}",
        "assign" => "{% assign a = page.t | upcase %}{{ a }}{% assign broken %}",
        "echo" => "{% echo page.t | downcase %}{% echo nope.x %}",
        "break" => "{% for i in page.l %}{% break %}{% endfor %}a{% break %}b",
        "continue" => "{% for i in page.l %}{% continue %}{{ i }}{% endfor %}",
        "include" => "{% include x.html a=1 %}",
        "include_cached" => "{% include_cached x.html %}",
        "post_url" => "{% post_url 2010-07-21-name %}",
        "link" => "{% link a.txt %}",
        "raw" => "{% raw %}{{ x }}{% endraw %} {% raw x %}y{% endraw %} {% endraw %}",
        "comment" => {
            "{% comment %}{{ x } {% comment %}{% endcomment %}{% endcomment %}a{% endcomment %}"
        }
        "#" => "a{% # note %}b",
        "tablerow" => "{% tablerow r in page.l %}{{ r }}{% endtablerow %}{{ r }}",
        "ifchanged" => "{% ifchanged %}a{% endifchanged %}",
        "cycle" => "{% cycle 'a', 'b' %}",
        "increment" => "{% increment n %}{{ n }}",
        "decrement" => "{% decrement n %}",
        "render" => "{% render 'x' %}",
        "liquid" => "{% liquid echo 1 %}",
        "include_relative" => "{% include_relative x.md %}",
        "t" | "translate" => "{% t greeting %}",
        "tf" | "translate_file" => "{% tf intro.md %}",
        _ => return None,
    })
}

/// What a render gives, with issue offsets from `shift` on.
fn outcome(template: &str, shift: usize) -> (String, Vec<(usize, Severity, String)>) {
    let out = render_it(template);
    let issues = out
        .issues
        .iter()
        .map(|i| {
            (
                i.offset.wrapping_sub(shift),
                i.severity(),
                i.message.clone(),
            )
        })
        .collect();
    (out.text, issues)
}

#[test]
fn every_tag_should_render_alike_with_and_without_a_block_tag_elsewhere() {
    const BLOCK: &str = "{% if true %}{% endif %}";
    let extra = ["{% gist 1 %}{% endgist %}", "{% endif %}", "{% else %}"];
    let bodies = registry::TAGS
        .iter()
        .map(|t| {
            sample(t.name).unwrap_or_else(|| panic!("`{}` should have a sample body here", t.name))
        })
        .chain(extra);
    for body in bodies {
        let alone = outcome(body, 0);
        let after = outcome(&format!("{body}{BLOCK}"), 0);
        let before = outcome(&format!("{BLOCK}{body}"), BLOCK.len());
        assert_eq!(
            after, alone,
            "`{body}` should render the same with a block tag after it"
        );
        assert_eq!(
            before, alone,
            "`{body}` should render the same with a block tag before it"
        );
    }
    // What is never closed runs to the end of the body: a block tag before it only.
    for body in [
        "{% raw %}open",
        "{% comment %}open",
        "{% if x %}open",
        "a {{ b",
    ] {
        assert_eq!(
            outcome(&format!("{BLOCK}{body}"), BLOCK.len()),
            outcome(body, 0),
            "`{body}` should render the same with a block tag before it"
        );
    }
}

#[test]
fn break_outside_a_loop_should_end_the_body_as_in_liquid_and_say_so() {
    // ruby oracle: "a{% break %}b" gives "a" (Liquid's interrupt ends the document)
    let out = render_it("a{% break %}b {{ page.t }}");
    assert_eq!(out.text, "a", "nothing after the break should render");
    assert_eq!(out.issues.len(), 1, "one warning: {:?}", out.issues);
    assert_eq!(out.issues[0].offset, 1, "the warning should be at the tag");
    assert!(
        out.issues[0].message.contains("outside a `for` loop"),
        "the warning should say why: {}",
        out.issues[0].message
    );
}

#[test]
fn a_block_never_closed_should_show_its_tags_and_run_the_blocks_it_holds() {
    let out = render_it("{% for i in page.l %}{% if page.t %}{{ i }}{% endif %}{% else %}x");
    assert_eq!(
        out.text, "{% for i in page.l %}{% else %}x",
        "the open block's tags should be text; the closed `if` inside runs once, with `i` unset"
    );
    assert_eq!(
        out.issues
            .iter()
            .filter(|i| i.severity() == Severity::Error)
            .count(),
        1,
        "one error, for the open `for`: {:?}",
        out.issues
    );
}

#[test]
fn layout_diagnostics_should_be_capped_with_a_count() {
    let (site, page) = (site(), page());
    let mut renderer = layout::Renderer::new(&site, &page, &layout::NoSite, 0);
    let layout = "{% include nowhere.html %}\n".repeat(100);
    for name in ["a.html", "b.html", "c.html"] {
        renderer.render(name, &layout, 0);
    }
    let list = renderer.finish();
    assert_eq!(
        list.len(),
        layout::MAX_DIAGNOSTICS + 1,
        "300 problems should be listed up to the cap, plus one that counts the rest"
    );
    let last = &list[layout::MAX_DIAGNOSTICS];
    assert!(
        last.diagnostic.message.starts_with("100 more problems"),
        "the last should count the rest: {}",
        last.diagnostic.message
    );
    assert_eq!(
        (last.path.as_str(), last.diagnostic.line),
        ("c.html", 1),
        "the count should point at the first problem not listed"
    );
}

#[test]
fn a_variable_set_by_a_tag_shown_as_written_should_be_explained() {
    let template = "{% increment n %}{{ n }}";
    let out = render_it(template);
    let at = template.find("n }}").unwrap_or(0);
    assert!(
        out.issues
            .iter()
            .any(|i| i.offset == at && i.message.contains("increment")),
        "the unknown `n` should be said to come from the `increment` the preview does not run: {:?}",
        out.issues
    );
}

/// A host whose one include includes itself `k` times, counting how often it is read: the work
/// an include fan-out costs. Only a site runs includes (`no_site_tags.rs`).
#[cfg(feature = "site")]
struct CountingHost {
    include: String,
    reads: std::cell::Cell<usize>,
}

#[cfg(feature = "site")]
impl crate::liquid::layout::Host for CountingHost {
    fn include(&self, _: &str) -> Option<&str> {
        self.reads.set(self.reads.get() + 1);
        Some(&self.include)
    }
    fn translate(&self, _: &str) -> Option<String> {
        None
    }
    fn plugin_tag(&self, _: &str, _: &crate::liquid::layout::TagScope<'_>) -> Option<String> {
        None
    }
    fn has_site(&self) -> bool {
        true
    }
}

#[cfg(feature = "site")]
#[test]
fn an_include_fan_out_should_stop_at_the_budget_with_one_diagnostic() {
    use crate::liquid;
    for (k, text) in [(2, ""), (3, ""), (3, "some text "), (8, "")] {
        let host = CountingHost {
            include: "{% include a.html %}".repeat(k) + text,
            reads: std::cell::Cell::new(0),
        };
        let (site, page) = (crate::value::Value::Null, crate::value::Value::Null);
        let ctx = liquid::Context {
            site: &site,
            page: &page,
            page_unreadable: false,
        };
        let out = liquid::render_in_site("x {% include a.html %} y", &ctx, &host);
        // 1 MB of budget for includes at 64 bytes and more each: a fan-out of k to 16 deep would
        // read k^16 includes.
        assert!(
            host.reads.get() <= 20_000,
            "k = {k}: the fan-out should stop at the budget, read {} includes",
            host.reads.get()
        );
        assert!(
            out.text.starts_with("x ") && out.text.ends_with(" y"),
            "k = {k}: the body's own text should all be kept"
        );
        let stops = out
            .issues
            .iter()
            .filter(|i| i.code == crate::diagnostic::Code::OutputBudget)
            .count();
        assert_eq!(
            stops, 1,
            "k = {k}: the stop should be said once: {:?}",
            out.issues
        );
        assert!(
            out.issues.len() <= 101,
            "k = {k}: the issues should be capped, got {}",
            out.issues.len()
        );
    }
}
