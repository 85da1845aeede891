#!/usr/bin/env python3
"""postview against Jekyll on other people's blogs (issue 15, item 4).

  python3 tests/blogs/compare.py ROOT [--list N]

ROOT holds one folder per blog, each with the blog's `_config.yml` and its posts in `_posts/`
(fetched by hand, kept out of git: see tests/blogs/README.md). For each blog this renders every
post with the real Jekyll (../shared/tools/kramdown_ref.rb --batch, SITE_CONFIG=the blog's config)
and with postview (`cargo run --release --example render_posts -- --config … --batch`), then
compares the bodies by htmlnorm's rule: once as they are, colouring included, and once with rouge's
colouring spans taken out of Jekyll's code (how much differs besides the colouring). The posts listed
are those that differ with colouring included. Posts whose body has a Liquid tag
(`{%`) are counted apart too: without the whole site, Liquid tags cannot render as Jekyll's do.
"""
import os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("POSTVIEW_SHARED", os.path.join(REPO, "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "tools"))
import htmlnorm  # noqa: E402

CODE = re.compile(
    r'(<pre class="[^"]*">|<td class="rouge-code"><pre>|<code class="[^"]*highlighter-rouge[^"]*">'
    r'|<code class="[^"]*" data-lang="[^"]*">)(.*?)(</pre>|</code>)',
    re.S,
)
SPAN = re.compile(r"</?span[^>]*>")


def uncoloured(html):
    """Jekyll's HTML without the spans rouge puts around tokens inside code."""
    return CODE.sub(lambda m: m.group(1) + SPAN.sub("", m.group(2)) + m.group(3), html)


def has_liquid_tag(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    body = text.split("\n---", 2)[-1] if text.startswith("---") else text
    return "{%" in body


def main():
    root = sys.argv[1]
    show = int(sys.argv[sys.argv.index("--list") + 1]) if "--list" in sys.argv else 0
    subprocess.run(["cargo", "build", "--quiet", "--release", "--example", "render_posts"], cwd=REPO, check=True)
    binary = os.path.join(REPO, "target", "release", "examples", "render_posts")
    totals = [0, 0, 0, 0, 0, 0]
    for blog in sorted(os.listdir(root)):
        site = os.path.join(root, blog)
        config, posts = os.path.join(site, "_config.yml"), os.path.join(site, "_posts")
        if not os.path.isdir(posts):
            continue
        ref, ours = os.path.join(site, "out", "jekyll"), os.path.join(site, "out", "postview")
        env = dict(os.environ, SITE_CONFIG=config)
        subprocess.run(["ruby", os.path.join(SHARED, "tools", "kramdown_ref.rb"), "--batch", posts, ref], env=env, check=False)
        subprocess.run([binary, "--config", config, "--batch", posts, ours], check=True)
        equal = uncoloured_equal = liquid = liquid_equal = n = failed = 0
        misses = []
        for dp, _, files in os.walk(posts):
            for f in sorted(files):
                rel = os.path.relpath(os.path.join(dp, f), posts).rsplit('.', 1)[0] + ".html"
                if not os.path.exists(os.path.join(ref, rel)):
                    failed += 1  # Jekyll itself fails without the whole site (e.g. `{% link %}`)
                    continue
                expected = open(os.path.join(ref, rel), encoding="utf-8").read()
                actual_path = os.path.join(ours, rel)
                actual = open(actual_path, encoding="utf-8").read() if os.path.exists(actual_path) else ""
                n += 1
                eq, _, diff = htmlnorm.compare(expected, actual)
                eq2 = htmlnorm.compare(uncoloured(expected), actual)[0]
                equal += eq
                uncoloured_equal += eq2
                if has_liquid_tag(os.path.join(dp, f)):
                    liquid += 1
                    liquid_equal += eq
                if not eq:
                    misses.append((rel, diff))
        print(f"{blog:12} {equal}/{n} equal with colouring, {uncoloured_equal}/{n} with it set aside"
              f" ({liquid} with Liquid tags, {liquid_equal} of them equal; {failed} Jekyll cannot render without the site)")
        for rel, diff in misses[:show]:
            print(f"    {rel}: {diff[:300]}")
        for i, v in enumerate([uncoloured_equal, equal, n, liquid, liquid_equal, failed]):
            totals[i] += v
    u, e, n, l, le, x = totals
    print(f"all          {e}/{n} equal with colouring ({100*e/max(n,1):.0f}%), {u}/{n} with it set aside "
          f"({100*u/max(n,1):.0f}%); without Liquid tags: {e-le}/{n-l}; {x} more Jekyll cannot render without the site")


if __name__ == "__main__":
    main()
