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
