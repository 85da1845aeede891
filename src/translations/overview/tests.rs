use super::*;
use crate::translations::Member;

fn langs() -> Vec<String> {
    ["en", "ja", "zh-Hans"].map(String::from).to_vec()
}

fn post(path: &str, modified: f64, date: &str) -> Dated {
    let lang = path.split('/').nth(1).map(String::from);
    Dated {
        path: path.into(),
        lang,
        modified,
        date: Some(date.into()),
    }
}

fn family(paths: &[&str], declared: bool) -> TranslationFamily {
    TranslationFamily {
        posts: paths
            .iter()
            .map(|p| Member {
                lang: p.split('/').nth(1).unwrap_or("").into(),
                path: (*p).into(),
                declared,
            })
            .collect(),
        evidence: vec!["en ↔ ja: 3 shared images".into()],
    }
}

const HOUR: f64 = 3_600_000.0;

#[test]
fn a_family_shows_present_missing_and_older_members() {
    let posts = [
        post("_i18n/en/_posts/2021-01-20-a.md", 10.0 * HOUR, "2021-01-20"),
        post("_i18n/ja/_posts/2021-01-20-a.md", 2.0 * HOUR, "2021-01-20"),
        post("_i18n/en/_posts/2021-01-01-b.md", HOUR, "2021-01-01"),
    ];
    let families = [family(&[&posts[0].path, &posts[1].path], false)];
    let o = overview(&families, &posts, &langs());
    assert_eq!(
        o.languages,
        langs(),
        "the columns should be the site's languages in order"
    );
    assert_eq!(
        o.rows.len(),
        2,
        "the family and the post alone should each be a row"
    );
    let states = |r: &Row| r.cells.iter().map(|c| c.state).collect::<Vec<_>>();
    assert_eq!(
        states(&o.rows[0]),
        [State::Present, State::Stale, State::Missing],
        "the translation edited hours before its original should be stale, a language without a post missing"
    );
    assert_eq!(
        o.rows[0].evidence.len(),
        1,
        "a found family should keep its evidence"
    );
    assert!(
        !o.rows[0].cells[1].declared,
        "a found member should not be marked declared"
    );
    assert_eq!(
        states(&o.rows[1]),
        [State::Present, State::Missing, State::Missing],
        "a post without translations should be missing in every other language"
    );
    assert_eq!(
        (o.missing, o.stale),
        (3, 1),
        "the totals should count every row's cells"
    );
}

#[test]
fn equal_times_fall_back_to_front_matter_dates() {
    let posts = [
        post("_i18n/en/_posts/2021-01-20-a.md", 5.0 * HOUR, "2021-01-20"),
        post(
            "_i18n/ja/_posts/2021-01-22-a.md",
            5.0 * HOUR + 2000.0,
            "2021-01-22",
        ),
        post(
            "_i18n/zh-Hans/_posts/2021-01-22-a.md",
            5.0 * HOUR,
            "2021-01-22",
        ),
    ];
    let families = [family(
        &[&posts[0].path, &posts[1].path, &posts[2].path],
        true,
    )];
    let o = overview(&families, &posts, &langs());
    let states: Vec<State> = o.rows[0].cells.iter().map(|c| c.state).collect();
    assert_eq!(
        states,
        [State::Stale, State::Present, State::Present],
        "times seconds apart (a checkout) should count as equal, and the older front matter date should be stale"
    );
    assert!(
        o.rows[0].cells.iter().all(|c| c.declared),
        "declared members should say so"
    );
}

#[test]
fn rows_are_newest_first_and_other_languages_get_a_column() {
    let posts = [
        post("_i18n/en/_posts/2020-05-01-old.md", HOUR, "2020-05-01"),
        post("_i18n/de/_posts/2021-06-01-neu.md", HOUR, "2021-06-01"),
    ];
    let o = overview(&[], &posts, &langs());
    assert_eq!(
        o.languages,
        ["en", "ja", "zh-Hans", "de"],
        "a language outside the site's list should follow the site's"
    );
    assert_eq!(
        o.rows[0].newest, posts[1].path,
        "the newest post's row should come first"
    );
}

#[test]
fn dated_reads_language_and_date_from_the_post() {
    let d = dated(
        "_i18n/ja/_posts/2021-01-20-a.md",
        "---\ndate: 2021-02-03 10:00:00 +0900\n---\nText\n",
        7.0,
        &langs(),
    );
    assert_eq!(
        (d.lang.as_deref(), d.date.as_deref()),
        (Some("ja"), Some("2021-02-03")),
        "the folder's language and the front matter's date should be read"
    );
}
