//! Hostile and broken input: the pathological shapes known from cmark's and pulldown-cmark's
//! tests and their counterparts for the kramdown passes, Liquid and front matter. Each should
//! render without a panic, say so where it refuses something, allocate and write in proportion
//! to its size (a counting allocator measures the work, without a clock), and take time that
//! grows linearly with its size: at 1×, 4× and 16× (6, 24 and 96 KB), each step should cost well
//! under the 16× a quadratic stage takes. (Absolute times are in the benchmark report, `.ci/bench`, from
//! `tests/bench/hostile.rs`, not asserted here.)

use postview::{render_post, Code, Options, Severity};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::Instant;

/// The system allocator, counting the bytes each thread asks for: the work of a render, measured
/// without a clock (tests run in parallel, each on its own thread).
struct Counting;

thread_local! {
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    // `try_with`: a thread being torn down has no counter left, and needs none.
    let _ = ALLOCATED.try_with(|a| a.set(a.get().saturating_add(bytes)));
}

// SAFETY: every call is passed on to `System` unchanged; the counter only reads the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size.saturating_sub(layout.size()));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// What rendering `source` costs: bytes allocated and bytes of HTML written.
fn work(source: &str) -> (usize, usize) {
    let before = ALLOCATED.with(Cell::get);
    let post = render_post(source, &Options::default());
    (ALLOCATED.with(Cell::get) - before, post.html.len())
}

#[path = "common/hostile_shapes.rs"]
mod hostile_shapes;
use hostile_shapes::{post, SHAPES};

/// Seconds this thread has run on a CPU (`CLOCK_THREAD_CPUTIME_ID`): time spent waiting for a
/// core while other processes build does not count, so a busy machine skews the growth far less
/// than on the wall clock.
#[cfg(unix)]
fn thread_seconds(_wall: Instant) -> f64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for the call to write into.
    let failed = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) } != 0;
    assert!(!failed, "the thread's CPU clock should be readable");
    now.tv_sec as f64 + now.tv_nsec as f64 * 1e-9
}

/// Elsewhere, the wall clock.
#[cfg(not(unix))]
fn thread_seconds(wall: Instant) -> f64 {
    wall.elapsed().as_secs_f64()
}

/// The fastest of five runs of each, in seconds of the thread's CPU time, interleaved so that a
/// busy machine slows them all alike.
fn times(sources: &[String; 3]) -> [f64; 3] {
    let origin = Instant::now();
    let run = |source: &str| {
        let start = thread_seconds(origin);
        std::hint::black_box(render_post(source, &Options::default()));
        thread_seconds(origin) - start
    };
    let mut best = [f64::MAX; 3];
    for _ in 0..5 {
        for (b, source) in best.iter_mut().zip(sources) {
            *b = b.min(run(source));
        }
    }
    best
}

/// Whether `[t1, t4, t16]` (at 1×, 4× and 16× the size) grow faster than linearly: linear growth
/// makes 4× per step; noise and constant costs are allowed, a quadratic stage's 16× is not.
fn superlinear(t: [f64; 3]) -> bool {
    let floor = 0.000_2; // below 0.2 ms, timer noise
    t[1] > 10.0 * t[0].max(floor) || t[2] > 10.0 * t[1].max(floor)
}

#[test]
fn every_hostile_shape_should_render_in_time_growing_linearly() {
    let mut slow = Vec::new();
    for (name, make) in SHAPES {
        let sources = [make(6_000), make(24_000), make(96_000)];
        let post = render_post(&sources[2], &Options::default());
        assert!(
            !post.html.is_empty() || !post.diagnostics.is_empty(),
            "{name}: should render something or say why not"
        );
        // A shape counts as slow only if three measurements in a row say so: one can be a busy
        // moment.
        let measurements: Vec<[f64; 3]> = (0..3)
            .map(|_| times(&sources))
            .take_while(|&t| superlinear(t))
            .collect();
        if let [.., t] = measurements[..] {
            if measurements.len() == 3 {
                slow.push(format!(
                    "{name}: {:.2} ms at 6 KB, {:.2} ms at 24 KB, {:.2} ms at 96 KB",
                    t[0] * 1e3,
                    t[1] * 1e3,
                    t[2] * 1e3
                ));
            }
        }
    }
    assert!(
        slow.is_empty(),
        "these shapes should grow linearly:\n{}",
        slow.join("\n")
    );
}

/// Every shape, at 24 KB and at 96 KB: four times the text may cost about four times the
/// allocations and the HTML, not sixteen (a rescan or a per-item lookup over all items shows as
/// allocations per item; an option repeated per element, as HTML); and neither may exceed a fixed
/// multiple of the text.
#[test]
fn every_hostile_shape_should_allocate_and_write_in_proportion_to_its_size() {
    let mut heavy = Vec::new();
    for (name, make) in SHAPES {
        let (small, large) = (make(24_000), make(96_000));
        let ((alloc_small, html_small), (alloc_large, html_large)) = (work(&small), work(&large));
        let ratio = |a: usize, b: usize| a as f64 / (b.max(1) as f64);
        let size_ratio = ratio(large.len(), small.len());
        // 1.6 × linear leaves room for a vector's doubling; a quadratic step is ~4 × linear.
        let grows = |a: usize, b: usize| ratio(b, a.max(64 * 1024)) > 1.6 * size_ratio;
        if grows(alloc_small, alloc_large) || grows(html_small, html_large) {
            heavy.push(format!(
                "{name}: {alloc_small} → {alloc_large} bytes allocated, {html_small} → \
                 {html_large} bytes of HTML, for {} → {} bytes of text",
                small.len(),
                large.len()
            ));
        }
        // The densest shapes (a wide table, a table of contents) allocate about 1,000 bytes
        // (most of them freed again) and write 20 bytes of HTML per byte of text; a quadratic
        // stage at 96 KB allocates or writes gigabytes. (Liquid's loops may use up a fixed
        // output budget whatever the size.)
        let allocates_too_much = alloc_large > 2_000 * large.len() + (32 << 20);
        if allocates_too_much || html_large > 40 * large.len() + (2 << 20) {
            heavy.push(format!(
                "{name}: {alloc_large} bytes allocated and {html_large} of HTML for {} of text",
                large.len()
            ));
        }
    }
    assert!(
        heavy.is_empty(),
        "these shapes should allocate and write in proportion to their size:\n{}",
        heavy.join("\n")
    );
}

#[test]
fn options_repeated_per_element_should_stay_within_the_output_budget_and_say_so() {
    for (option, body) in [
        ("auto_id_prefix", "# a\n\n".repeat(9_600)),
        ("footnote_prefix", "a[^1]\n".repeat(8_000) + "\n[^1]: b\n"),
        ("footnote_backlink", "a[^1]\n".repeat(8_000) + "\n[^1]: b\n"),
    ] {
        let value = "x".repeat(48_000);
        let source = post(format!("\n{{::options {option}=\"{value}\" /}}\n{body}"));
        let rendered = render_post(&source, &Options::default());
        assert!(
            rendered.html.len() < 40 * source.len(),
            "{option}: the HTML should stay within a multiple of the post, got {} bytes for {}",
            rendered.html.len(),
            source.len()
        );
        let warning = rendered
            .diagnostics
            .iter()
            .find(|d| d.code == Code::MarkdownOutputBudget && d.message.contains(option))
            .unwrap_or_else(|| panic!("{option}: a warning should name the option"));
        assert_eq!(
            (warning.line, warning.column),
            (5, 1),
            "{option}: the warning should be where the option was set"
        );
        assert!(
            warning.message.contains("shorter"),
            "{option}: the warning should say what to do: {}",
            warning.message
        );
    }
}

#[test]
fn a_sites_long_default_language_should_stay_within_the_output_budget() {
    let config = format!(
        "kramdown:\n  syntax_highlighter_opts:\n    default_lang: {}\n",
        "x".repeat(48_000)
    );
    let site = postview::stages::parse_yaml(&config).0;
    let source = post("`a` ".repeat(24_000));
    let rendered = render_post(&source, &Options::with_site(site));
    assert!(
        rendered.html.len() < 40 * source.len(),
        "the HTML should stay within a multiple of the post, got {} bytes for {}",
        rendered.html.len(),
        source.len()
    );
    assert!(
        rendered
            .diagnostics
            .iter()
            .any(|d| d.code == Code::MarkdownOutputBudget
                && d.message.contains("site.kramdown")
                && d.message.contains("default_lang")),
        "a warning should name the site's option: {:?}",
        rendered.diagnostics
    );
}

#[test]
fn a_huge_toc_range_should_be_refused_with_a_warning_not_trap() {
    for range in ["1..4000000000", "1..100000000"] {
        let source = post(format!(
            "{{::options toc_levels=\"{range}\" /}}\n* toc\n{{:toc}}\n\n# a\n"
        ));
        let (allocated, _) = work(&source);
        let rendered = render_post(&source, &Options::default());
        assert!(
            allocated < 1 << 20,
            "{range}: reading the range should not allocate per level, got {allocated} bytes"
        );
        assert!(
            rendered.html.contains("markdown-toc-a"),
            "{range}: the default levels should stay: {}",
            rendered.html
        );
        assert!(
            rendered.diagnostics.iter().any(|d| d.line == 4
                && d.code == Code::BadInlineOption
                && d.message.contains("toc_levels")),
            "{range}: a warning at the option should say it is ignored: {:?}",
            rendered.diagnostics
        );
    }
}

fn has_error(source: &str, code: Code) -> bool {
    render_post(source, &Options::default())
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && d.code == code)
}

#[test]
fn refused_input_should_say_why() {
    assert!(
        has_error(
            &format!("---\na: {}\n---\nx", "[".repeat(500)),
            Code::YamlTooDeep
        ),
        "deep YAML nesting should be refused with an error"
    );
    let bomb = (1..40).fold(String::from("---\na0: &a0 [x, x]\n"), |s, i| {
        s + &format!("a{i}: &a{i} [*a{}, *a{}]\n", i - 1, i - 1)
    });
    assert!(
        has_error(&(bomb + "---\nx"), Code::YamlTooManyAliases),
        "an alias bomb should be refused with an error"
    );
    assert!(
        has_error("---\ntitle: x\nbody", Code::UnclosedFrontMatter),
        "an unclosed front matter should be an error"
    );
    assert!(
        has_error("---\n---\n{{ site.x", Code::UnterminatedLiquid),
        "an unclosed Liquid output should be an error"
    );
}

#[test]
fn thousands_of_diagnostics_should_be_capped_with_a_summary() {
    let post = render_post(&post("[^nowhere] ".repeat(5_000)), &Options::default());
    assert!(
        post.diagnostics.len() <= 201,
        "diagnostics should be capped, got {}",
        post.diagnostics.len()
    );
    assert!(
        post.diagnostics
            .last()
            .is_some_and(|d| d.code == Code::TooManyDiagnostics
                && d.message.starts_with(&format!("{} more", 5_000 - 200))),
        "the cap should say how many more there are"
    );
}

#[test]
fn odd_text_should_never_panic() {
    for text in [
        "",
        "---",
        "---\n",
        "---\n---",
        "\u{feff}",
        "\r\r\n\r",
        "\0\0\0",
        "\u{fffd}",
        "---\n\u{0}: \u{0}\n---\n\u{0}",
        "*",
        "**",
        "[",
        "![",
        "<",
        "</",
        "<!--",
        "`",
        "{{",
        "{%",
        "{%-",
        "&#",
        "&#x;",
        "|",
        "- ",
        "1. ",
        "> ",
        "    ",
        "\t\t",
        "[^",
        "*[",
        "{::",
        "$$",
        "~~",
        "\\",
        "\u{10ffff}",
        "🔧",
        "**：**",
        "<<",
        "\n\n\n",
    ] {
        let post = render_post(text, &Options::default());
        assert!(
            post.diagnostics
                .iter()
                .all(|d| d.line >= 1 && d.column >= 1),
            "{text:?}: places should be 1-based"
        );
    }
}

/// A site whose include includes itself `k` times (plus `text`), used by a layout and a post body.
fn fan_out_site(k: usize, text: &str) -> postview::Site {
    let include = format!("{text}{}", "{% include a.html %}".repeat(k));
    let files = [
        ("_includes/a.html", include.as_str()),
        (
            "_layouts/post.html",
            "<main>{% include a.html %}{{ content }}</main>",
        ),
        (
            "_posts/2020-01-02-x.md",
            "---\nlayout: post\n---\nBody {% include a.html %} end.\n",
        ),
    ];
    postview::Site::new(files.iter().map(|(p, t)| (p.to_string(), t.to_string())))
}

#[test]
fn an_include_fan_out_in_a_site_should_give_a_page_and_few_diagnostics() {
    for (k, text) in [(2, ""), (3, ""), (3, "a <b>c</b> ")] {
        let page = fan_out_site(k, text).render_page("_posts/2020-01-02-x.md", None);
        assert!(
            page.page.starts_with("<main>") && page.page.contains("end."),
            "k = {k}: the page should render around the fan-out: {}",
            &page.page[..page.page.len().min(300)]
        );
        assert!(
            page.page.len() < 32 << 20,
            "k = {k}: the page should stay bounded, got {} bytes",
            page.page.len()
        );
        for (what, n) in [
            ("layout", page.layout_diagnostics.len()),
            ("post", page.post.diagnostics.len()),
        ] {
            assert!(
                (1..=201).contains(&n),
                "k = {k}: the {what}'s diagnostics should say it and be capped, got {n}"
            );
        }
        let said = |code: Code| {
            page.layout_diagnostics
                .iter()
                .filter(|d| d.diagnostic.code == code)
                .count()
        };
        let (budget, depth) = (said(Code::OutputBudget), said(Code::IncludeTooDeep));
        assert!(
            budget + depth >= 1,
            "k = {k}: the layout's diagnostics should say why the include stopped: {:?}",
            page.layout_diagnostics
        );
        assert!(
            budget <= 1 && depth <= 1,
            "k = {k}: each stop should be said once"
        );
    }
}
