use super::*;

#[test]
fn resolves_links_as_a_browser_does() {
    let hosts = ["news.example.org".to_owned()];
    let page = "/2021/01/20/a";
    let site = |t: Target| match t {
        Target::Site(p, a) => Some((p, a)),
        _ => None,
    };
    assert_eq!(
        site(resolve("b.html#x", page, &hosts)),
        Some(("/2021/01/20/b.html".into(), "x".into())),
        "a relative link should resolve against the page's folder"
    );
    assert_eq!(
        site(resolve("../../../2020/x?q=1", page, &hosts)),
        Some(("/2020/x".into(), String::new())),
        "`..` segments and the query should be resolved away"
    );
    assert_eq!(
        site(resolve("HTTPS://News.Example.org/ja/", page, &hosts)),
        Some(("/ja/".into(), String::new())),
        "a link on the site's own host should be checked as a path"
    );
    assert!(
        matches!(
            resolve("https://other.org/x", page, &hosts),
            Target::Outside
        ),
        "a link to another site should be left alone"
    );
    assert!(
        matches!(resolve("mailto:a@b.c", page, &hosts), Target::Outside),
        "another scheme should be left alone"
    );
    assert!(
        matches!(resolve("#sec", page, &hosts), Target::Own(a) if a == "sec"),
        "a bare anchor should point into the post's own page"
    );
    assert!(
        matches!(resolve("#", page, &hosts), Target::Outside),
        "`#` alone should lead to the page's top, nothing to check"
    );
}

#[test]
fn ids_are_read_from_both_quotes_and_names() {
    let ids = ids_in("<h2 id=\"a&amp;b\">x</h2><a name='n'></a><div data-id=\"no\">");
    let mut ids: Vec<_> = ids.into_iter().collect();
    ids.sort();
    assert_eq!(
        ids,
        ["a&b", "n"],
        "ids and names should be read, entities decoded, other attributes not"
    );
}

#[test]
fn post_url_and_link_are_left_to_liquid() {
    let path = "_i18n/en/_posts/2021-01-20-a.md";
    let text = "---\ntitle: A\n---\n[gone]({% post_url 2020-01-01-nope %}) and \
                [no page]({% link nope.md %}) and [dead](/2020/01/01/nope)\n";
    let site = Site::new([
        ("_config.yml".to_owned(), "languages: [en]\n".to_owned()),
        (path.to_owned(), text.to_owned()),
    ]);
    let page = site.render_page(path, None);
    let codes: Vec<&str> = page
        .post
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    let dead: Vec<u32> = page
        .post
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::DeadLink)
        .map(|d| d.column)
        .collect();
    assert_eq!(
        dead,
        [85],
        "only the written address should be a dead link; Liquid reports the tags ({codes:?})"
    );
    assert!(
        codes.iter().filter(|c| c.starts_with("liquid/")).count() >= 2,
        "Liquid should report the post and the page it cannot find: {codes:?}"
    );
}
