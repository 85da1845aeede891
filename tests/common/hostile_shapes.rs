//! The hostile shapes: pathological inputs known from cmark's and pulldown-cmark's tests and their
//! counterparts for the kramdown passes, Liquid and front matter. Each makes a post of about `n`
//! bytes. Shared by `tests/hostile.rs` (time grows linearly) and `tests/bench/hostile.rs` (how long
//! each takes at 24 and 96 KB).

pub type Shape = (&'static str, fn(usize) -> String);

pub fn post(body: String) -> String {
    format!("---\ntitle: hostile\n---\n{body}")
}

pub const SHAPES: &[Shape] = &[
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
            (0..n / 64)
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
    ("doubling assigns", |n| {
        post("{% assign x = x | append: x | append: 'ab' %}".repeat(n / 45) + "{{ x }}")
    }),
    ("nested loops", |n| {
        let depth = (n / 40).min(60);
        post("{% for i in (1..1000) %}".repeat(depth) + "x" + &"{% endfor %}".repeat(depth))
    }),
    ("nested highlights of ampersands", |n| {
        // Each level escapes what the one inside wrote: `&` grows fivefold per level.
        let depth = (n / 40).min(60);
        let open = "{% highlight text %}".repeat(depth);
        let close = "{% endhighlight %}".repeat(depth);
        post(open + &"&".repeat(n / 2) + &close)
    }),
    ("unclosed ifs", |n| post("{% if true %}a".repeat(n / 14))),
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
    ("nested markdown=1 elements never closed", |n| {
        post("<div markdown=\"1\">\n".repeat(n / 19))
    }),
    ("markdown=1 elements inside raw HTML", |n| {
        post("<div>\n<div markdown=\"1\">\n".repeat(n / 25))
    }),
    ("shell code: substitutions and strings never closed", |n| {
        post(format!("```sh\n{}\n```\n", "$(\"`${ <<EOF ".repeat(n / 16)))
    }),
    ("python code: backticks, docstrings, f-string braces", |n| {
        post(format!(
            "```python\n{}\n```\n",
            ":\"\"\"` f'{{{ \\\n".repeat(n / 16)
        ))
    }),
    ("diff code: hunk headers never closed", |n| {
        post(format!("```diff\n{}\n```\n", "@@ -1 @\n".repeat(n / 8)))
    }),
    (
        "ruby code: heredocs queued, quotes and literals never closed",
        |n| {
            post(format!(
                "```ruby\n{}\n```\n",
                "x = <<A + <<~B %q( ?\\M- '\\' \"#{ :'\n".repeat(n / 30)
            ))
        },
    ),
    (
        "javascript code: templates, regexes and objects never closed",
        |n| {
            post(format!(
                "```js\n{}\n```\n",
                "`${ {a: /[x ? (".repeat(n / 16)
            ))
        },
    ),
    (
        "ini code: sections and quotes never closed on one line",
        |n| post(format!("```ini\n{}\n```\n", "[a ;k='".repeat(n / 7))),
    ),
    ("json code: deep arrays and keys", |n| {
        post(format!("```json\n{}\n```\n", "[{\"a\"   ".repeat(n / 10)))
    }),
];
