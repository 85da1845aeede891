//! The hostile shapes: pathological inputs known from cmark's and pulldown-cmark's tests and their
//! counterparts for the kramdown passes, Liquid and front matter. Each makes a post of about `n`
//! bytes. Shared by `tests/hostile.rs` (time, allocations and output grow linearly) and
//! `tests/bench/hostile.rs` (how long each takes from 24 to 192 KB).

pub type Shape = (&'static str, fn(usize) -> String);

pub fn post(body: String) -> String {
    format!("---\ntitle: hostile\n---\n{body}")
}

/// `{::options key="value" /}` then `body`.
fn with_option(key: &str, value: &str, body: String) -> String {
    post(format!("{{::options {key}=\"{value}\" /}}\n{body}"))
}

/// `count` numbered lines made by `line`.
fn lines(count: usize, line: impl Fn(usize) -> String) -> String {
    (0..count).map(line).collect()
}

pub const SHAPES: &[Shape] = &[
    ("open brackets", |n| post("[".repeat(n))),
    ("unclosed link parentheses", |n| post("[a](".repeat(n / 4))),
    ("nested links", |n| {
        post(format!("{}a{}", "[".repeat(n / 2), "](b)".repeat(n / 8)))
    }),
    ("nested brackets", |n| {
        post(format!("{}a{}", "[".repeat(n / 2), "]".repeat(n / 2)))
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
    // kramdown's options set in the post (issue 18).
    ("toc_levels of four billion levels", |n| {
        with_option("toc_levels", "1..4000000000", "# a\n\nb\n".repeat(n / 7))
    }),
    ("toc_levels of a hundred million levels", |n| {
        with_option("toc_levels", "1..100000000", "# a\n\nb\n".repeat(n / 7))
    }),
    ("auto_id_prefix of half the post", |n| {
        with_option(
            "auto_id_prefix",
            &"x".repeat(n / 2),
            "# a\n\n".repeat(n / 10),
        )
    }),
    ("footnote_prefix of half the post", |n| {
        let body = "a[^1]\n".repeat(n / 12) + "\n[^1]: b\n";
        with_option("footnote_prefix", &"x".repeat(n / 2), body)
    }),
    ("footnote_backlink of half the post", |n| {
        let body = "a[^1]\n".repeat(n / 12) + "\n[^1]: b\n";
        with_option("footnote_backlink", &"x".repeat(n / 2), body)
    }),
    ("footnote_backlink over many notes", |n| {
        let body = lines(n / 40, |i| format!("a[^{i}]\n\n[^{i}]: b\n\n"));
        with_option("footnote_backlink", &"x".repeat(n / 2), body)
    }),
    ("numbers past 64 bits", |n| {
        let body = "# a\n\nb[^1] c[^2]\n\n[^1]: d\n[^2]: e\n\n".repeat(n / 40);
        let offset = "{::options header_offset=\"9223372036854775807\" /}\n";
        with_option(
            "footnote_nr",
            "9223372036854775807",
            format!("{offset}{body}"),
        )
    }),
    ("options set again and again", |n| {
        let options = "{::options auto_ids=\"false\" toc_levels=\"1..3\" /}\n".repeat(n / 50);
        post(options + "# a\n")
    }),
    ("a table of contents of thousands of headers", |n| {
        post(format!("* toc\n{{:toc}}\n\n{}", "# a\n\n".repeat(n / 5)))
    }),
    ("headers of the same text", |n| {
        post("# a\n\n".repeat(n / 5))
    }),
    ("tables of contents asked for thousands of times", |n| {
        post("* a\n{:toc}\n\n".repeat(n / 26) + &"# h\n\n".repeat(n / 10))
    }),
    // Extensions and attribute lists.
    ("unclosed comment extensions", |n| {
        post("{::comment}\n\n".repeat(n / 13))
    }),
    ("unclosed comment extensions in text", |n| {
        post("a {::comment} ".repeat(n / 14))
    }),
    ("unclosed nomarkdown extensions", |n| {
        post("{::nomarkdown}\n\n".repeat(n / 16))
    }),
    ("nomarkdown pairs", |n| {
        post("{::nomarkdown}a{:/nomarkdown}\n".repeat(n / 30))
    }),
    ("nomarkdown pairs in text", |n| {
        post("a {::nomarkdown}b{:/nomarkdown} ".repeat(n / 32))
    }),
    ("one element with many attributes", |n| {
        let attrs = lines(n / 10, |i| format!(" a{i}=\"x\""));
        post(format!("<div{attrs}>\n</div>\n"))
    }),
    ("one span with many attributes", |n| {
        let attrs = lines(n / 10, |i| format!(" a{i}=\"x\""));
        post(format!("a <span{attrs}>b</span>\n"))
    }),
    ("many attribute lists on one block", |n| {
        post(format!(
            "a\n{}",
            lines(n / 14, |i| format!("{{: k{i}=\"x\"}}\n"))
        ))
    }),
    ("many classes on one block", |n| {
        post(format!("a\n{}", "{: .c}\n".repeat(n / 7)))
    }),
    ("references repeated to a big definition", |n| {
        let def = lines(200, |i| format!(" k{i}=\"x\""));
        let refs = "{: r s r s r s r s r s}\n".repeat(n / 24);
        post(format!("{{:r:{def}}}\n{{:s: .c}}\n\na\n{refs}"))
    }),
    ("definitions referring to each other", |n| {
        let defs = lines(n / 30, |i| format!("{{:d{}: d{i} .c{i}}}\n", i + 1));
        post(format!("{defs}\npara\n{{: d{}}}\n", n / 30))
    }),
    // Definitions: footnotes, abbreviations, links.
    ("thousands of footnotes", |n| {
        let refs = lines(n / 24, |i| format!("a[^{i}] "));
        post(format!(
            "{refs}\n\n{}",
            lines(n / 24, |i| format!("[^{i}]: n\n"))
        ))
    }),
    ("one footnote referenced thousands of times", |n| {
        post("a[^1] ".repeat(n / 6) + "\n\n[^1]: b\n")
    }),
    ("thousands of abbreviations", |n| {
        let defs = lines(n / 20, |i| format!("*[A{i}]: t\n"));
        post(format!("{defs}\n{}\n", lines(n / 20, |i| format!("A{i} "))))
    }),
    ("abbreviations over thousands of paragraphs", |n| {
        let defs = lines(n / 40, |i| format!("*[A{i}]: t\n"));
        post(format!(
            "{defs}\n{}",
            lines(n / 40, |i| format!("A{i}\n\n"))
        ))
    }),
    ("abbreviations of overlapping names", |n| {
        let name = |i: usize| format!("{}{}", "A".repeat(i % 50 + 1), i % 100);
        let defs = lines(n / 60, |i| format!("*[{}]: t\n", name(i)));
        post(format!(
            "{defs}\n{}\n",
            lines(n / 60, |i| name(i * 7) + " ")
        ))
    }),
    ("an abbreviation with spaces over its own words", |n| {
        let words = "A ".repeat(n / 8);
        post(format!("*[{words}B]: t\n*[A]: a\n\n{words}\n"))
    }),
    (
        "an abbreviation's long title used thousands of times",
        |n| {
            post(format!(
                "*[A]: {}\n\n{}\n",
                "t".repeat(n / 2),
                "A ".repeat(n / 4)
            ))
        },
    ),
    (
        "a link definition's long URL used thousands of times",
        |n| {
            post(format!(
                "[l]: /{}\n\n{}\n",
                "u".repeat(n / 2),
                "[a][l] ".repeat(n / 14)
            ))
        },
    ),
    (
        "an attribute list definition used on thousands of blocks",
        |n| {
            let def = format!("{{:r: k=\"{}\"}}\n\n", "v".repeat(2_000));
            post(def + &"a\n{: r}\n\n".repeat(n / 9))
        },
    ),
    ("thousands of link definitions", |n| {
        let defs = lines(n / 30, |i| format!("[l{i}]: /u{i}\n"));
        post(format!(
            "{defs}\n{}\n",
            lines(n / 30, |i| format!("[a][l{i}] "))
        ))
    }),
    // Code coloured by rouge's lexers (src/markdown/highlight).
    ("shell code: substitutions and strings never closed", |n| {
        post(format!("```sh\n{}\n```\n", "$(\"`${ <<EOF ".repeat(n / 16)))
    }),
    ("python code: backticks, docstrings, f-string braces", |n| {
        post(format!(
            "```python\n{}\n```\n",
            ":\"\"\"` f'{{{ \\\n".repeat(n / 16)
        ))
    }),
    (
        "php code: heredocs never closed, each its own end word; quotes and braces never closed",
        |n| {
            post(format!(
                "```php\n{}\n```\n",
                lines(n / 32, |i| format!(
                    "<<<E{i}\n'\\\n\"$a[$b{{{{x\" `\\\n/* \n"
                ))
            ))
        },
    ),
    (
        "php code: one long string of indexes and braces never closed in a string",
        |n| {
            post(format!(
                "```php\n\"{}\"\n```\n",
                "$a[{bcdefghijklmnopq".repeat(n / 20)
            ))
        },
    ),
    ("jsx code: elements, braces and quotes never closed", |n| {
        post(format!(
            "```jsx\n{}\n```\n",
            "<a b={<c d=\"x ".repeat(n / 14)
        ))
    }),
    (
        "markdown code: fences nested and never closed, then spans never closed",
        |n| {
            let k = ((n / 2) as f64).sqrt() as usize;
            post(format!(
                "{{% highlight markdown %}}\n{}{}\n{{% endhighlight %}}\n",
                lines(k, |i| format!("{}markdown\n", "`".repeat(3 + k - i))),
                "[*_`<&![\\ **__ ](".repeat(n / 36)
            ))
        },
    ),
    ("markdown code: fences each at its own indentation", |n| {
        let k = (n as f64).sqrt() as usize;
        post(format!(
            "```markdown\n{}```\n",
            lines(k, |i| format!("{}```\n~~~\n", " ".repeat(k - i)))
        ))
    }),
    (
        "graphql code: selections, lists, strings and descriptions never closed",
        |n| {
            post(format!(
                "```graphql\n{}\n```\n",
                "{ a(b: [{c: \"\\\" \"\"\"\n @d( ...".repeat(n / 32)
            ))
        },
    ),
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
    (
        "yaml code: indentation up and down, long keys, collections and quotes never closed",
        |n| {
            post(format!(
                "```yaml\n{}\n```\n",
                lines(n / 40, |i| format!(
                    "{}- k: !t x [{{ 'a \"b x: |\n",
                    " ".repeat(i % 24)
                ))
            ))
        },
    ),
    ("toml code: one long key never given a value", |n| {
        post(format!("```toml\n{}\n```\n", "a.b[c]\"'{".repeat(n / 10)))
    }),
    ("liquid code: tags, filters and quotes never closed", |n| {
        post(format!(
            "{{% raw %}}\n```liquid\n{}\n```\n{{% endraw %}}\n",
            "{% for a in 'x {{ b | f: \"y a.b.c ".repeat(n / 34)
        ))
    }),
    (
        "html code: tags, quotes, scripts and styles never closed",
        |n| {
            post(format!(
                "```html\n{}\n```\n",
                "<a b=\"<script>`${ <style>/* <!DOCTYPE x".repeat(n / 40)
            ))
        },
    ),
    (
        "make code: names, strings and rule lines never closed",
        |n| {
            post(format!(
                "```make\n{}\n```\n",
                "a.b-c $(x \"q\\\n'r".repeat(n / 16)
            ))
        },
    ),
    ("tex code: verbs, options and math never closed", |n| {
        post(format!(
            "```tex\n{}\n```\n",
            "\\verb|x \\a[b \\begin{c $\\( ".repeat(n / 28)
        ))
    }),
    (
        "c code: signatures on one line, their comments ending late",
        |n| {
            post(format!(
                "```c\n{}\n```\n",
                "int *f(a) /* x */ y */ b c(/)".repeat(n / 30)
            ))
        },
    ),
    (
        "c++ code: raw strings never closed, each its own delimiter",
        |n| {
            post(format!(
                "```cpp\n{}\n```\n",
                lines(n / 12, |i| format!("R\"{}(x)\n", i % 100_000))
            ))
        },
    ),
    (
        "java code: words and brackets that never reach a signature",
        |n| post(format!("```java\n{} x\n```\n", "a b[c<d ".repeat(n / 8))),
    ),
    ("rust code: raw strings and macros never closed", |n| {
        post(format!(
            "```rust\n{}\n```\n",
            lines(n / 24, |i| format!("m!{{( r{}\"\n", "#".repeat(i % 40)))
        ))
    }),
    (
        "c# code: a last line of strings that end only at escaped quotes",
        |n| {
            post(format!(
                "{{% highlight cs %}}\n{}{{% endhighlight %}}\n",
                "x \"a\\\" ".repeat(n / 8)
            ))
        },
    ),
    ("lua code: long brackets of many levels never closed", |n| {
        post(format!(
            "```lua\n{}\n```\n",
            lines(n / 24, |i| format!("--[{}[ x\n", "=".repeat(i % 16)))
        ))
    }),
    (
        "r code: strings that end only at escaped quotes, across lines",
        |n| post(format!("```r\n{}\n```\n", "x 'a\\' \n".repeat(n / 9))),
    ),
    ("haskell code: quotes whose characters never close", |n| {
        post(format!("```haskell\n{}\n```\n", "'\\ab".repeat(n / 4)))
    }),
    (
        "kotlin code: blank lines before an attribute never closed, raw strings never closed",
        |n| {
            post(format!(
                "```kotlin\n{}[a {}\n```\n",
                "\n \n".repeat(n / 6),
                "\"\"\" @\"".repeat(n / 12)
            ))
        },
    ),
    (
        "powershell code: braced variables and here-strings never closed",
        |n| {
            post(format!(
                "```powershell\n{}\n```\n",
                "${a `$ @'x ".repeat(n / 11)
            ))
        },
    ),
    (
        "perl code: quote-likes, heredocs and POD never closed, each its own delimiter",
        |n| {
            post(format!(
                "```perl\n{}\n```\n",
                lines(n / 32, |i| {
                    let d = char::from_u32(0x100 + (i % 4000) as u32).unwrap_or('x');
                    format!("=p x\ns{{ m!\\! <<A{i}\ny{d}a m{d} $x\n")
                })
            ))
        },
    ),
    (
        "elixir code: docs, sigils and interpolations never closed",
        |n| {
            post(format!(
                "```elixir\n{}\n```\n",
                "\"\"\" ~S( #{ ''' :\" ~r/".repeat(n / 24)
            ))
        },
    ),
    (
        "julia code: escapes, commands and block comments never closed",
        |n| {
            post(format!(
                "```julia\n{}\n{}\n```\n",
                "\"\\N{ $(x ` '\\u ".repeat(n / 32),
                "#= a #= b =# ".repeat(n / 32)
            ))
        },
    ),
    (
        "cmake code: a bracket comment closed by none of many other lengths, references never closed",
        |n| {
            post(format!(
                "```cmake\n#[==[{}\n{}\n```\n",
                "]=]===]x(".repeat(n / 18),
                "${a${\"".repeat(n / 10)
            ))
        },
    ),
    (
        "protobuf code: comments never closed or continued to the end, strings never closed",
        |n| {
            post(format!(
                "```protobuf\n{}\n{}\\\n```\n",
                "/* * \"x ".repeat(n / 16),
                "a // b\\\n".repeat(n / 16)
            ))
        },
    ),
    (
        "http code: request and status lines never finished, then one long header",
        |n| {
            post(format!(
                "```http\n{}\nHTTP/1.1 200 OK\nX-A: {}\n\n{{\n```\n",
                "POST /a HTTP/9x HTTP/1.1 20 ".repeat(n / 56),
                "a: b ".repeat(n / 10)
            ))
        },
    ),
];
