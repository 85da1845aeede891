use super::*;
use crate::site::BuiltContent;
// The integration tests' rule for `../shared` (skipped without it, required with CI=true);
// the other unit tests that read `../shared` load the same file as a module of their own.
#[allow(clippy::duplicate_mod)]
#[path = "../../../../tests/common/shared.rs"]
mod shared;

const TIME: &str = "2026-12-07 10:00:00 +0000";

fn options() -> BuildOptions {
    BuildOptions {
        time: Some(TIME.into()),
        ..BuildOptions::default()
    }
}

/// The shared site's text files as a `Site`, or `None` (skipped) without `../shared`.
fn shared_site(test: &str) -> Option<Site> {
    let dir = shared::shared(test, "corpus/site/_config.yml")?;
    let root = dir.join("corpus/site");
    Some(Site::new(shared::text_files(&root, &root)))
}

/// The titles of the home page's list, in order (`<a href="…">type | title</a>` in `<li>`s).
fn listed(home: &str) -> Vec<String> {
    home.split("<li itemscope>")
        .skip(1)
        .filter_map(|li| {
            let a = &li[li.find("<a href=")?..];
            let text = &a[a.find('>')? + 1..];
            Some(text[..text.find("</a>")?].to_owned())
        })
        .collect()
}

fn with_title(text: &str, title: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("the post should have a title line");
    text.replacen(line, &format!("title: {title}"), 1)
}

#[test]
fn every_page_of_the_shared_site_should_be_what_the_whole_build_writes() {
    let Some(site) = shared_site("on_demand::every_page") else {
        return;
    };
    let build = site.build(&options());
    let pages = site.site_pages(&options());
    assert!(
        pages.len() > 20,
        "the shared site should list its home pages, pagination, 404s, feeds and sitemaps, found {}",
        pages.len()
    );
    let kinds: Vec<(PageKind, &str)> = pages
        .iter()
        .take(4)
        .map(|p| (p.kind, p.path.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (PageKind::Home, "index.html"),
            (PageKind::Home, "ja/index.html"),
            (PageKind::Home, "ko/index.html"),
            (PageKind::Home, "zh-Hans/index.html"),
        ],
        "each language's home page should come first, in the order of languages:"
    );
    for page in &pages {
        let shown = site
            .render_built_page(&page.path, None, &options())
            .unwrap_or_else(|| panic!("{} should be rendered on demand", page.path));
        let file = build
            .files
            .iter()
            .find(|f| f.path == page.path)
            .unwrap_or_else(|| panic!("the whole build should write {} too", page.path));
        assert_eq!(
            BuiltContent::Text(shown.text),
            file.content,
            "{} rendered alone should be the whole build's file",
            page.path
        );
    }
}

#[test]
fn the_home_page_should_show_a_post_s_new_title_at_its_place() {
    let Some(site) = shared_site("on_demand::new_title") else {
        return;
    };
    let before = site
        .render_built_page("/", None, &options())
        .expect("the shared site should have a home page");
    let titles = listed(&before.text);
    assert_eq!(
        titles.len(),
        20,
        "the home page should list paginate: 20 posts"
    );
    // The fourth post listed, whichever it is: its place must not move with its title.
    let d = &site.derived;
    let Some(Value::List(posts)) = site.site_value("en").get("posts").cloned() else {
        panic!("the English build should have posts");
    };
    let path = posts[3]
        .get("path")
        .and_then(Value::as_str)
        .unwrap()
        .to_owned();
    assert!(d.posts.iter().any(|p| p.path == path));
    let source = with_title(&site.files[&path], "A title typed just now");
    let edited = Edited {
        path: &path,
        source: &source,
    };
    let after = site
        .render_built_page("index.html", Some(&edited), &options())
        .unwrap();
    let now = listed(&after.text);
    assert_eq!(now.len(), titles.len(), "no post should come or go");
    assert!(
        now[3].ends_with("A title typed just now"),
        "the fourth item should show the typed title, shows {:?}",
        now[3]
    );
    for i in [0, 1, 2, 4, 19] {
        assert_eq!(
            now[i], titles[i],
            "the other items should stay as they were"
        );
    }
    let again = site.render_built_page("/", None, &options()).unwrap();
    assert_eq!(
        again.text, before.text,
        "the saved file should be shown again without the edit"
    );
}

#[test]
fn a_new_post_dated_today_should_come_first_on_its_language_s_home_page() {
    let Some(site) = shared_site("on_demand::new_post") else {
        return;
    };
    let source =
        "---\nlayout: post\nlang: ja\ntitle: Fresh news\ntype: Update\ndate: 2026-12-07\n---\nToday.\n";
    let edited = Edited {
        path: "_i18n/ja/_posts/2026-12-07-fresh-news.md",
        source,
    };
    let home = site
        .render_built_page("ja/index.html", Some(&edited), &options())
        .unwrap();
    let titles = listed(&home.text);
    assert_eq!(
        titles[0], "Update | Fresh news",
        "the new post should be listed first"
    );
    assert!(
        home.text.contains("href=\"/ja/2026/12/07/fresh-news\""),
        "its link should be its address in the Japanese build"
    );
    let english = site
        .render_built_page("/", Some(&edited), &options())
        .unwrap();
    assert!(
        !english.text.contains("Fresh news"),
        "another language's home page should not list it"
    );
    let entries = site.feed_entries(&edited, &options());
    let feeds: Vec<&str> = entries.iter().map(|e| e.feed.as_str()).collect();
    assert_eq!(
        feeds,
        ["ja/feed.xml", "ja/rss-feed.xml"],
        "jekyll-feed's feed and the site's RSS page should both be read"
    );
    for e in &entries {
        let entry = e
            .entry
            .as_deref()
            .unwrap_or_else(|| panic!("{} should carry the post", e.feed));
        assert!(
            entry.contains("Fresh news"),
            "{}'s entry should have the title: {entry}",
            e.feed
        );
    }
}

#[test]
fn a_site_without_the_page_should_say_none() {
    let site = Site::new([("_config.yml".to_owned(), "languages: [en]\n".to_owned())]);
    assert!(
        site.render_built_page("nowhere.html", None, &options())
            .is_none(),
        "a page the build does not write should be none"
    );
    assert_eq!(
        destination_of("/ja/"),
        "ja/index.html",
        "a folder's address should be its index"
    );
    assert_eq!(
        destination_of("/a%20b.xml"),
        "a b.xml",
        "escapes should be read"
    );
}

#[test]
fn an_entry_should_be_found_by_its_address_else_by_its_one_title() {
    let atom = "<?xml version=\"1.0\"?><feed><entryx/><entry><title>A</title><link href=\"https://x/a\"/></entry><entry xml:lang=\"en\"><title>B</title><link href=\"https://x/b\"/></entry></feed>";
    assert_eq!(
        feed_element(atom),
        Some("entry"),
        "an Atom feed's entries should be entries"
    );
    assert_eq!(
        entry_of(atom, "entry", &["https://x/b"], "A").as_deref(),
        Some("<entry xml:lang=\"en\"><title>B</title><link href=\"https://x/b\"/></entry>"),
        "the entry naming the address should win over the title"
    );
    let rss =
        "<rss><channel><item><title>T</title></item><item><title>T</title></item></channel></rss>";
    assert_eq!(
        feed_element(rss),
        Some("item"),
        "an RSS feed's entries should be items"
    );
    assert_eq!(
        entry_of(rss, "item", &[], "T"),
        None,
        "two entries of one title should be no answer"
    );
    assert_eq!(
        feed_element("<urlset></urlset>"),
        None,
        "a sitemap should not be a feed"
    );
}

#[test]
fn pages_read_after_opening_should_be_listed_and_their_other_files_kept_static() {
    let mut site = Site::new(
        [
            ("_config.yml", "languages: [en]\nexclude: [drafts]\n"),
            ("_i18n/en.yml", ""),
        ]
        .map(|(p, t)| (p.to_owned(), t.to_owned())),
    );
    let wanted = site.page_files([
        "index.html",
        "about.md",
        "feed.xml",
        "uploads/a.png",
        "_layouts/x.html",
        "drafts/b.md",
        "robots.txt",
    ]);
    assert_eq!(
        wanted,
        ["index.html", "about.md", "feed.xml", "robots.txt"],
        "pages' types outside skipped and excluded folders should be read, images not"
    );
    site.add_pages([
        ("index.html".to_owned(), "---\n---\nhome\n".to_owned()),
        ("robots.txt".to_owned(), "User-agent: *\n".to_owned()),
    ]);
    let paths: Vec<String> = site
        .site_pages(&options())
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(
        paths,
        ["index.html", "feed.xml", "robots.txt", "sitemap.xml"],
        "the page with front matter should be listed, the text without it not taken as a page"
    );
    assert_eq!(
        site.render_built_page("robots.txt", None, &options())
            .map(|p| p.page.source),
        Some("robots.txt".to_owned()),
        "robots.txt should be the plugin's, the file without front matter not being a page"
    );
}
