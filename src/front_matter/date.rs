//! A post's `date:` that Jekyll cannot read. Jekyll's `Document#read` passes the value's `to_s`
//! to `Utils.parse_date` (Ruby's `Time.parse`) and stops the build with "Invalid date" when it
//! fails. `Time.parse` reads far more than the preview does, so only what it surely refuses is
//! said: an empty value, a number, `true`/`false`, a list or map, words without digits or
//! month/day names, and `YYYY-MM-DD [HH:MM[:SS]]` with a field out of range (a day up to 31 rolls
//! over into the next month, as Ruby does: `2021-02-30` is 2 March).

use crate::diagnostic::{Code, Issue};
use crate::value::{Map, Value};
use std::ops::Range;

/// The error for a `date` key of the front matter (`yaml`: its range in `text`) that stops
/// Jekyll's build, at the key's value.
pub fn invalid_date(text: &str, yaml: &Range<usize>, front_matter: &Map) -> Option<Issue> {
    let value = front_matter.get("date")?;
    if !stops_the_build(value) {
        return None;
    }
    let at = value_place(text, yaml).unwrap_or(yaml.start);
    let written = match value {
        Value::Null => String::new(),
        _ => text[at..].lines().next().unwrap_or("").trim().to_owned(),
    };
    Some(Issue::new(
        Code::InvalidDate,
        at,
        format!(
            "`date: {written}` is not a date: Jekyll stops the build (“Invalid date”); write it \
             as YYYY-MM-DD, optionally followed by HH:MM:SS, or remove the line to take the file \
             name's date"
        ),
    ))
}

/// The first byte of the value of the top-level `date:` line (the last one, as YAML keeps it).
fn value_place(text: &str, yaml: &Range<usize>) -> Option<usize> {
    let mut at = yaml.start;
    let mut found = None;
    for line in text[yaml.clone()].split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("date:") {
            found = Some(at + line.len() - rest.trim_start_matches([' ', '\t']).len());
        }
        at += line.len();
    }
    found
}

/// Whether Jekyll stops on this `date` value (see the module's header).
pub fn stops_the_build(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(_) | Value::Int(_) | Value::List(_) | Value::Map(_) => true,
        Value::String(s) => string_stops(s.trim()),
        _ => false,
    }
}

fn string_stops(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    if let Some(fields) = date_and_time(s) {
        return !fields.in_range();
    }
    !s.bytes().any(|b| b.is_ascii_digit()) && !names_a_month_or_day(s)
}

/// The numbers of `YYYY-MM-DD` (or `/`, one-digit month and day) and an optional `HH:MM[:SS]`
/// after a space or `T`.
struct Fields {
    month: u32,
    day: u32,
    time: Option<(u32, u32, u32)>,
}

impl Fields {
    fn in_range(&self) -> bool {
        let date = (1..=12).contains(&self.month) && (1..=31).contains(&self.day);
        let time = self
            .time
            .is_none_or(|(h, m, s)| h <= 24 && m <= 59 && s <= 60);
        date && time
    }
}

fn date_and_time(s: &str) -> Option<Fields> {
    let mut parts = s.splitn(2, [' ', 'T', 't']);
    let date = parts.next()?;
    let sep = if date.contains('/') { '/' } else { '-' };
    let nums: Vec<&str> = date.split(sep).collect();
    let [y, m, d] = nums.as_slice() else {
        return None;
    };
    let digits = |t: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(y, 4..=4) || !digits(m, 1..=2) || !digits(d, 1..=2) {
        return None;
    }
    let time = parts.next().and_then(clock);
    Some(Fields {
        month: m.parse().ok()?,
        day: d.parse().ok()?,
        time,
    })
}

/// `HH:MM` or `HH:MM:SS` at the start of `s` (what follows is Ruby's to read or ignore).
fn clock(s: &str) -> Option<(u32, u32, u32)> {
    let head = s.trim_start().split([' ', '.', '+', 'Z', 'z']).next()?;
    let nums: Vec<u32> = head
        .split(':')
        .map(|n| (n.len() <= 2).then(|| n.parse().ok()).flatten())
        .collect::<Option<_>>()?;
    match nums.as_slice() {
        [h, m] => Some((*h, *m, 0)),
        [h, m, s] => Some((*h, *m, *s)),
        _ => None,
    }
}

const NAMES: [&str; 19] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "sun",
    "mon", "tue", "wed", "thu", "fri", "sat",
];

/// Whether a word of `s` starts with an English month or weekday name, which `Time.parse` reads.
fn names_a_month_or_day(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        let w = w.to_ascii_lowercase();
        NAMES.iter().any(|n| w.starts_with(n))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::String(v.to_owned())
    }

    #[test]
    fn out_of_range_fields_should_stop_the_build() {
        for v in [
            "2021-13-45",
            "2021-00-10",
            "2021-02-00",
            "2021-02-32",
            "2021-02-03 25:00:00",
            "2021-02-03 10:61",
            "not a date",
            "",
        ] {
            assert!(stops_the_build(&s(v)), "`{v}` should stop Jekyll's build");
        }
    }

    #[test]
    fn dates_ruby_reads_should_not_stop_the_build() {
        for v in [
            "2021-02-30",
            "2021-2-3",
            "2021-2-3 9:05",
            "2021-02-03 10:20:30",
            "2021-02-03T10:20:30+02:00",
            "2021-02-03 xyz",
            "2021/02/03",
            "Feb 3 2021",
        ] {
            assert!(
                !stops_the_build(&s(v)),
                "`{v}` should be a date Jekyll reads"
            );
        }
    }

    #[test]
    fn values_that_are_not_text_should_stop_the_build() {
        for v in [
            Value::Null,
            Value::Int(2021),
            Value::Bool(true),
            Value::List(vec![]),
        ] {
            assert!(stops_the_build(&v), "{v:?} should stop Jekyll's build");
        }
    }

    #[test]
    fn a_post_should_stop_where_the_real_jekyll_stops() {
        let cases = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/dates/cases.tsv"
        ));
        let options = crate::Options {
            path: Some("_posts/2021-01-01-a.md".into()),
            ..crate::Options::default()
        };
        let mut checked = 0;
        for line in cases.lines().filter(|l| !l.starts_with('#')) {
            let (value, jekyll) = line.split_once('\t').expect("value TAB verdict");
            let post = crate::render_post(&format!("---\ndate: {value}\n---\nx\n"), &options);
            let refused = post.diagnostics.iter().any(|d| d.code == Code::InvalidDate);
            assert_eq!(
                refused,
                jekyll == "stops",
                "`date: {value}` should be an error exactly when Jekyll stops on it ({jekyll})"
            );
            checked += 1;
        }
        assert!(
            checked > 20,
            "the fixture should hold the cases, found {checked}"
        );
    }

    #[test]
    fn invalid_date_should_point_at_the_value() {
        let text = "---\ntitle: x\ndate: 2021-13-45\n---\nbody\n";
        let yaml = 4..text.find("---\nbody").unwrap();
        let (fm, _) = crate::front_matter::parse(&text[yaml.clone()]);
        let issue = invalid_date(text, &yaml, &fm).expect("the date should be refused");
        assert_eq!(
            issue.offset,
            text.find("2021-13-45").unwrap(),
            "the error should be at the value"
        );
        assert!(
            issue.message.contains("`date: 2021-13-45`"),
            "the message should quote the value: {}",
            issue.message
        );
    }
}
