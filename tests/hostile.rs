//! Hostile and broken input: the pathological shapes known from cmark's and pulldown-cmark's
//! tests and their counterparts for the kramdown passes, Liquid and front matter. Each should
//! render without a panic, say so where it refuses something, and take time that grows linearly
//! with its size: the time at 4× the size should be well under the 16× a quadratic stage takes.
//! (Absolute times are in the benchmark report, `.ci/bench`, not asserted here.)

use postview::{render_post, Options, Severity};
use std::time::Instant;

type Shape = (&'static str, fn(usize) -> String);

fn post(body: String) -> String {
    format!("---\ntitle: hostile\n---\n{body}")
}

const SHAPES: &[Shape] = &[
    ("open brackets", |n| post("[".repeat(n))),
    ("unclosed link parentheses", |n| post("[a](".repeat(n / 4))),
    ("nested links", |n| {
        post(format!("{}a{}", "[".repeat(n / 2), "](b)".repeat(n / 8)))
    }),
    ("unclosed emphasis", |n| post("*a ".repeat(n / 3))),
    ("unclosed strong", |n| post("**a ".repeat(n / 4))),
    ("unclosed underscores", |n| post("_a ".repeat(n / 3))),
    ("alternating delimiters", |n| post("*_".repeat(n / 2))),
    ("nested emphasis", |n| {
        post(format!(
            "{}x{}",
            "*a **b ".repeat(n / 14),
            " c** d*".repeat(n / 14)
        ))
    }),
    ("deep block quotes", |n| post(">".repeat(n))),
    ("deep lists", |n| {
        post(
            (0..n / 20)
                .map(|i| format!("{}- a\n", "  ".repeat(i % 60)))
                .collect(),
        )
    }),
    ("backtick runs", |n| post("`".repeat(n))),
    ("unclosed code spans", |n| {
        post("`a ``b ```c ".repeat(n / 12))
    }),
    ("less-than signs", |n| post("<".repeat(n))),
    ("unclosed spans", |n| post("<span>".repeat(n / 6))),
    ("unclosed divs", |n| post("<div>\n".repeat(n / 6))),
    ("unclosed comments", |n| post("<!-- ".repeat(n / 5))),
    ("unclosed attribute quotes", |n| {
        post("<a b=\"".repeat(n / 6))
    }),
    ("quotes", |n| post("\"a' ".repeat(n / 4))),
    ("typographic symbols", |n| post("-- ... << ".repeat(n / 10))),
    ("references", |n| {
        post("&amp;&#1;&foo;&#99999999;".repeat(n / 26))
    }),
    ("attribute list openers", |n| post("{:".repeat(n / 2))),
    ("math openers", |n| post("$$a ".repeat(n / 4))),
    ("strikethrough openers", |n| post("~~a ".repeat(n / 4))),
    ("footnote markers", |n| post("[^a] ".repeat(n / 5))),
    ("unclosed link titles", |n| post("[a](b \"".repeat(n / 7))),
    ("one huge line", |n| post("word ".repeat(n / 5))),
    ("wide table", |n| post(format!("|{}\n", "a|".repeat(n / 2)))),
    ("tall table", |n| post("| a | b |\n".repeat(n / 10))),
    ("unclosed Liquid output", |n| post("{{".repeat(n / 2))),
    ("unclosed Liquid tags", |n| post("{%".repeat(n / 2))),
    ("long filter chains", |n| {
        post(format!("{{{{ 'a' {} }}}}", "| append: 'b' ".repeat(n / 14)))
    }),
    ("front matter never closed", |n| {
        format!("---\n{}", "a: b\n".repeat(n / 5))
    }),
    ("thousands of front matter keys", |n| {
        let keys: String = (0..n / 12).map(|i| format!("key{i:05}: v\n")).collect();
        format!("---\n{keys}---\n{{{{ page.key00001 }}}}")
    }),
    ("thousands of keys with lists", |n| {
        let keys: String = (0..n / 14).map(|i| format!("key{i:05}: [v]\n")).collect();
        format!("---\n{keys}---\n{{{{ page.key00001 }}}}")
    }),
    ("deep YAML nesting", |n| {
        format!(
            "---\na: {}{}\n---\nbody",
            "[".repeat(n / 2),
            "]".repeat(n / 2)
        )
    }),
    ("unclosed fences", |n| post("````\n```\n".repeat(n / 9))),
];

/// The fastest of five runs of each, in seconds, interleaved so that a busy machine slows both
/// alike.
fn times(small: &str, large: &str) -> (f64, f64) {
    let run = |source: &str| {
        let start = Instant::now();
        std::hint::black_box(render_post(source, &Options::default()));
        start.elapsed().as_secs_f64()
    };
    (0..5).fold((f64::MAX, f64::MAX), |(s, l), _| {
        (s.min(run(small)), l.min(run(large)))
    })
}

#[test]
fn every_hostile_shape_should_render_in_time_growing_linearly() {
    let mut slow = Vec::new();
    for (name, make) in SHAPES {
        let small = make(16_000);
        let large = make(64_000);
        let post = render_post(&large, &Options::default());
        assert!(
            !post.html.is_empty() || !post.diagnostics.is_empty(),
            "{name}: should render something or say why not"
        );
        // Linear growth makes 4×; allow noise and constant costs, catch quadratic (16×). A shape
        // counts as slow only if three measurements in a row say so: one can be a busy moment.
        let measurements: Vec<(f64, f64)> = (0..3)
            .map(|_| times(&small, &large))
            .take_while(|&(t1, t4)| t4 > 10.0 * t1.max(0.000_2))
            .collect();
        if let [.., (t1, t4)] = measurements[..] {
            if measurements.len() == 3 {
                slow.push(format!(
                    "{name}: {:.2} ms at 16 KB, {:.2} ms at 64 KB",
                    t1 * 1e3,
                    t4 * 1e3
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

fn has_error(source: &str, words: &str) -> bool {
    render_post(source, &Options::default())
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && d.message.contains(words))
}

#[test]
fn refused_input_should_say_why() {
    assert!(
        has_error(&format!("---\na: {}\n---\nx", "[".repeat(500)), "nested"),
        "deep YAML nesting should be refused with an error"
    );
    let bomb = (1..40).fold(String::from("---\na0: &a0 [x, x]\n"), |s, i| {
        s + &format!("a{i}: &a{i} [*a{}, *a{}]\n", i - 1, i - 1)
    });
    assert!(
        has_error(&(bomb + "---\nx"), "aliases"),
        "an alias bomb should be refused with an error"
    );
    assert!(
        has_error("---\ntitle: x\nbody", "never closed"),
        "an unclosed front matter should be an error"
    );
    assert!(
        has_error("---\n---\n{{ site.x", "{{"),
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
            .is_some_and(|d| d.message.contains("more diagnostics")),
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
