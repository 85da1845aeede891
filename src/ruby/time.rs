//! Liquid's `date` filter: read the input as a time the way Liquid 4's `Utils.to_date` does, then
//! format it with Ruby's `Time#strftime`.
//!
//! Inputs: an integer or a string of digits is seconds since 1970; `now`/`today` is the time of
//! the build (the preview has no clock: it leaves them unchanged and says so); any other string
//! goes to Ruby's very lenient `Time.parse`, of which the preview reads the forms posts use:
//! `YYYY-MM-DD` (or `/`, one-digit month and day allowed), optionally followed by `HH:MM`,
//! `HH:MM:SS` or `HH:MM:SS.fff` (after a space or `T`), optionally followed by `Z`, `UTC`, `GMT`
//! or an offset such as `+0900`/`+09:00`. Day 31 of a short month rolls over as in Ruby. A time
//! without a zone is in the build machine's zone, taken as UTC (as on GitHub's builders).
//! What Liquid cannot read it leaves unchanged; so does the preview, with a warning if Ruby might
//! have read it.

use crate::value::Value;

/// What the filter gives.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Formatted(String),
    /// The input comes out unchanged, as Liquid leaves it.
    Unchanged,
    /// Unchanged, but Jekyll may have printed a date: why.
    Unread(String),
}

/// `{{ input | date: format }}`.
/// `limit` bounds the output's size: a format of thousands of `%1000Y` should not run away.
pub fn filter(input: &Value, format: &Value, limit: usize) -> Outcome {
    let format = match format {
        Value::String(s) => s.as_str(),
        Value::Null => "",
        // A number or list as the format: Ruby formats its `to_s`; not worth supporting.
        _ => {
            return Outcome::Unread(
                "the format of `date` should be a quoted string such as \"%Y-%m-%d\"".into(),
            )
        }
    };
    if format.is_empty() {
        return Outcome::Unchanged;
    }
    let time = match input {
        Value::Int(secs) => Time::from_epoch(*secs),
        Value::String(s) if s.is_empty() => return Outcome::Unchanged,
        Value::String(s) => {
            let lower = s.to_ascii_lowercase();
            if lower == "now" || lower == "today" {
                return Outcome::Unread(format!(
                    "`\"{s}\" | date` is the time of the build in Jekyll; the preview has no clock and shows it unchanged"
                ));
            }
            if lower.bytes().all(|b| b.is_ascii_digit()) {
                match lower.parse() {
                    Ok(secs) => Time::from_epoch(secs),
                    Err(_) => {
                        return Outcome::Unread(format!(
                            "`{s}` is too many seconds for the preview to read as a date"
                        ))
                    }
                }
            } else {
                match parse(&lower) {
                    Some(t) => t,
                    None => {
                        return Outcome::Unread(format!(
                            "`date` could not read `{s}` as a date, so it is shown unchanged; the preview reads YYYY-MM-DD, optionally with HH:MM:SS and a zone (Jekyll's Time.parse reads more forms, and leaves what it cannot read unchanged too)"
                        ))
                    }
                }
            }
        }
        // Floats, nil, lists and maps are not dates to Liquid: the input comes back.
        _ => return Outcome::Unchanged,
    };
    let mut out = String::with_capacity(format.len() + 16);
    strftime(&time, format, &mut out, limit);
    if out.len() > limit {
        return Outcome::Unread("the formatted date is too long for the preview".into());
    }
    Outcome::Formatted(out)
}

/// A point in time with the zone it is shown in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Time {
    /// Days since 1970-01-01 in the shown zone.
    days: i64,
    /// Seconds since midnight in the shown zone.
    secs: i64,
    nanos: u32,
    /// Offset from UTC in seconds.
    offset: i64,
    /// Whether `%Z` names the zone (`UTC`); Ruby prints nothing for a fixed offset.
    named_utc: bool,
}

impl Time {
    fn from_epoch(secs: i64) -> Time {
        Time {
            days: secs.div_euclid(86_400),
            secs: secs.rem_euclid(86_400),
            nanos: 0,
            offset: 0,
            named_utc: true,
        }
    }

    fn civil(&self) -> (i64, u32, u32) {
        civil_from_days(self.days)
    }

    /// 0 = Sunday.
    fn weekday(&self) -> i64 {
        (self.days + 4).rem_euclid(7)
    }

    /// 1-based day of the year.
    fn yday(&self) -> i64 {
        let (y, _, _) = self.civil();
        self.days - days_from_civil(y, 1, 1) + 1
    }

    fn epoch(&self) -> i64 {
        self.days * 86_400 + self.secs - self.offset
    }
}

/// Seconds since 1970 as Liquid prints a Ruby Time in UTC (`2026-01-01 00:00:00 +0000`): what
/// a build without a `time:` option takes as `site.time`.
#[cfg(feature = "site")]
pub fn utc_string(secs: i64) -> String {
    let t = Time::from_epoch(secs);
    let mut out = String::new();
    strftime(&t, "%Y-%m-%d %H:%M:%S +0000", &mut out, 64);
    out
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm); `d` may run
/// past the month's end, which rolls over as Ruby's Time does.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A little cursor over ASCII text.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.i;
        while self.i < self.b.len() && self.i - start < max && self.b[self.i].is_ascii_digit() {
            self.i += 1;
        }
        if self.i - start < min {
            return None;
        }
        std::str::from_utf8(&self.b[start..self.i])
            .ok()?
            .parse()
            .ok()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn spaces(&mut self) -> usize {
        let start = self.i;
        while self.b.get(self.i) == Some(&b' ') {
            self.i += 1;
        }
        self.i - start
    }

    fn done(&self) -> bool {
        self.i >= self.b.len()
    }
}

/// Reads the forms described at the top of the file from lower-cased text.
fn parse(s: &str) -> Option<Time> {
    let mut c = Cursor {
        b: s.trim().as_bytes(),
        i: 0,
    };
    let year = c.digits(4, 4)? as i64;
    let sep = *c.b.get(c.i)?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    c.i += 1;
    let month = c.digits(1, 2)?;
    if !c.eat(sep) {
        return None;
    }
    let day = c.digits(1, 2)?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (mut hour, mut minute, mut second, mut nanos) = (0, 0, 0, 0);
    let spaced = c.spaces() > 0;
    if (spaced || c.eat(b't')) && c.b.get(c.i).is_some_and(u8::is_ascii_digit) {
        hour = c.digits(1, 2)?;
        if !c.eat(b':') {
            return None;
        }
        minute = c.digits(2, 2)?;
        if c.eat(b':') {
            second = c.digits(2, 2)?;
            if c.eat(b'.') {
                let start = c.i;
                let frac = c.digits(1, 9)?;
                nanos = frac * 10u32.pow(9 - (c.i - start) as u32);
            }
        }
    }
    if hour > 24 || minute > 59 || second > 60 {
        return None;
    }
    c.spaces();
    let (offset, named_utc) = if c.done() || c.eat(b'z') {
        (0, true)
    } else if c.b[c.i..].starts_with(b"utc") || c.b[c.i..].starts_with(b"gmt") {
        c.i += 3;
        (0, true)
    } else if c.b[c.i] == b'+' || c.b[c.i] == b'-' {
        let sign = if c.b[c.i] == b'-' { -1 } else { 1 };
        c.i += 1;
        let hh = c.digits(2, 2)? as i64;
        c.eat(b':');
        let mm = if c.done() || c.b[c.i] == b' ' {
            0
        } else {
            c.digits(2, 2)? as i64
        };
        if hh > 23 || mm > 59 {
            return None;
        }
        (sign * (hh * 3600 + mm * 60), false)
    } else {
        return None;
    };
    c.spaces();
    if !c.done() {
        return None;
    }
    let mut days = days_from_civil(year, month, 1) + day as i64 - 1;
    let mut secs = i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second);
    if secs >= 86_400 {
        days += secs / 86_400;
        secs %= 86_400;
    }
    Some(Time {
        days,
        secs,
        nanos,
        offset,
        named_utc,
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// ISO 8601 week-based year and week of `t`.
fn iso_week(t: &Time) -> (i64, i64) {
    let (y, _, _) = t.civil();
    let wday = (t.weekday() + 6) % 7; // Monday = 0
    let yday = t.yday() - 1;
    let week = (yday - wday + 10) / 7;
    if week < 1 {
        let prev_last = Time {
            days: days_from_civil(y, 1, 1) - 1,
            ..*t
        };
        return iso_week(&prev_last);
    }
    let days_in_year = days_from_civil(y + 1, 1, 1) - days_from_civil(y, 1, 1);
    if week == 53 && (yday - wday + 3) >= days_in_year {
        return (y + 1, 1);
    }
    (y, week)
}

/// How a conversion pads by default.
enum Pad {
    Zero(usize),
    Space(usize),
    Text,
    /// The width was the number of digits (`%3N`): no padding after that.
    Digits,
}

/// What every directive reads of the time, computed once per format.
struct Fields<'t> {
    t: &'t Time,
    year: i64,
    month: u32,
    day: u32,
    hour: i64,
    minute: i64,
    second: i64,
    hour12: i64,
}

/// A directive's flags (`-` no padding, `_` spaces, `0` zeros, `^` upper case, `#` swapped
/// case), width and colons, as written between `%` and the conversion.
#[derive(Default)]
struct Spec {
    no_pad: bool,
    space_pad: bool,
    zero_pad: bool,
    upper: bool,
    swap: bool,
    width: Option<usize>,
    colons: usize,
}

/// What a conversion writes, and its default padding.
type Convert = fn(&Fields, &Spec) -> (String, Pad);

/// Ruby's conversions, by letter (`strftime.c`'s table, for what Liquid's `date` reaches).
const CONVERSIONS: &[(char, Convert)] = &[
    ('Y', |f, _| (f.year.to_string(), Pad::Zero(4))),
    ('C', |f, _| {
        (f.year.div_euclid(100).to_string(), Pad::Zero(2))
    }),
    ('y', |f, _| {
        (f.year.rem_euclid(100).to_string(), Pad::Zero(2))
    }),
    ('m', |f, _| (f.month.to_string(), Pad::Zero(2))),
    ('d', |f, _| (f.day.to_string(), Pad::Zero(2))),
    ('e', |f, _| (f.day.to_string(), Pad::Space(2))),
    ('j', |f, _| (f.t.yday().to_string(), Pad::Zero(3))),
    ('H', |f, _| (f.hour.to_string(), Pad::Zero(2))),
    ('k', |f, _| (f.hour.to_string(), Pad::Space(2))),
    ('I', |f, _| (f.hour12.to_string(), Pad::Zero(2))),
    ('l', |f, _| (f.hour12.to_string(), Pad::Space(2))),
    ('M', |f, _| (f.minute.to_string(), Pad::Zero(2))),
    ('S', |f, _| (f.second.to_string(), Pad::Zero(2))),
    ('L', |f, s| {
        (fraction(f.t, s.width.unwrap_or(3)), Pad::Digits)
    }),
    ('N', |f, s| {
        (fraction(f.t, s.width.unwrap_or(9)), Pad::Digits)
    }),
    ('s', |f, _| (f.t.epoch().to_string(), Pad::Text)),
    ('u', |f, _| {
        let day = f.t.weekday();
        ((if day == 0 { 7 } else { day }).to_string(), Pad::Zero(1))
    }),
    ('w', |f, _| (f.t.weekday().to_string(), Pad::Zero(1))),
    ('U', |f, _| {
        let week = (f.t.yday() - 1 + 7 - f.t.weekday()).div_euclid(7);
        (week.to_string(), Pad::Zero(2))
    }),
    ('W', |f, _| {
        let week = (f.t.yday() - 1 + 7 - (f.t.weekday() + 6) % 7).div_euclid(7);
        (week.to_string(), Pad::Zero(2))
    }),
    ('G', |f, _| (iso_week(f.t).0.to_string(), Pad::Zero(4))),
    ('g', |f, _| {
        (iso_week(f.t).0.rem_euclid(100).to_string(), Pad::Zero(2))
    }),
    ('V', |f, _| (iso_week(f.t).1.to_string(), Pad::Zero(2))),
    ('A', |f, _| {
        (DAYS[f.t.weekday() as usize].to_owned(), Pad::Text)
    }),
    ('a', |f, _| {
        (DAYS[f.t.weekday() as usize][..3].to_owned(), Pad::Text)
    }),
    ('B', |f, _| {
        (MONTHS[f.month as usize - 1].to_owned(), Pad::Text)
    }),
    ('b', |f, _| {
        (MONTHS[f.month as usize - 1][..3].to_owned(), Pad::Text)
    }),
    ('h', |f, _| {
        (MONTHS[f.month as usize - 1][..3].to_owned(), Pad::Text)
    }),
    // `%#p` is lower case in Ruby.
    ('p', |f, s| {
        let text = if f.hour < 12 { "AM" } else { "PM" };
        let text = if s.swap {
            text.to_ascii_lowercase()
        } else {
            text.to_owned()
        };
        (text, Pad::Text)
    }),
    ('P', |f, _| {
        (
            (if f.hour < 12 { "am" } else { "pm" }).to_owned(),
            Pad::Text,
        )
    }),
    ('Z', |f, _| {
        (
            (if f.t.named_utc { "UTC" } else { "" }).to_owned(),
            Pad::Text,
        )
    }),
    ('z', |f, s| (utc_offset(f.t.offset, s.colons), Pad::Text)),
    ('n', |_, _| ("\n".to_owned(), Pad::Text)),
    ('t', |_, _| ("\t".to_owned(), Pad::Text)),
    ('%', |_, _| ("%".to_owned(), Pad::Text)),
];

/// Conversions that stand for a format of others.
const COMPOSITES: &[(char, &str)] = &[
    ('c', "%a %b %e %H:%M:%S %Y"),
    ('D', "%m/%d/%y"),
    ('x', "%m/%d/%y"),
    ('F', "%Y-%m-%d"),
    ('T', "%H:%M:%S"),
    ('X', "%H:%M:%S"),
    ('R', "%H:%M"),
    ('r', "%I:%M:%S %p"),
    ('v', "%e-%^b-%Y"),
    ('+', "%a %b %e %H:%M:%S %Z %Y"),
];

/// The first `digits` digits of the fraction of a second (`%L`, `%N`), zeros after nanoseconds.
fn fraction(t: &Time, digits: usize) -> String {
    let mut s: String = format!("{:09}", t.nanos).chars().take(digits).collect();
    while s.len() < digits {
        s.push('0');
    }
    s
}

/// `%z`, `%:z`, `%::z`: the offset from UTC.
fn utc_offset(offset: i64, colons: usize) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let o = offset.abs();
    let (hh, mm, ss) = (o / 3600, o / 60 % 60, o % 60);
    match colons {
        0 => format!("{sign}{hh:02}{mm:02}"),
        1 => format!("{sign}{hh:02}:{mm:02}"),
        _ => format!("{sign}{hh:02}:{mm:02}:{ss:02}"),
    }
}

/// Ruby's `Time#strftime` for the conversions listed in the file header; an unknown directive is
/// copied as written, as Ruby does.
/// Stops once `out` is longer than `limit`.
pub fn strftime(t: &Time, format: &str, out: &mut String, limit: usize) {
    let (year, month, day) = t.civil();
    let hour = t.secs / 3600;
    let fields = Fields {
        t,
        year,
        month,
        day,
        hour,
        minute: t.secs / 60 % 60,
        second: t.secs % 60,
        hour12: if hour % 12 == 0 { 12 } else { hour % 12 },
    };
    let mut chars = format.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if out.len() > limit {
            return;
        }
        if c != '%' {
            out.push(c);
            continue;
        }
        let (spec, conv) = read_spec(&mut chars);
        let Some(conv) = conv else {
            out.push_str(&format[start..]);
            return;
        };
        match convert(&fields, &spec, conv, limit) {
            Some((text, pad)) => write_padded(out, text, pad, &spec, conv),
            None => {
                // Unknown: copied as written.
                let end = chars.peek().map_or(format.len(), |&(i, _)| i);
                out.push_str(&format[start..end]);
            }
        }
    }
}

/// Reads a directive's flags, width and colons, and its conversion (`None` at the end of the
/// format).
fn read_spec(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) -> (Spec, Option<char>) {
    let mut spec = Spec::default();
    for (_, f) in chars.by_ref() {
        match f {
            '-' => spec.no_pad = true,
            '_' => spec.space_pad = true,
            '0' if spec.width.is_none() => spec.zero_pad = true,
            '^' => spec.upper = true,
            '#' => spec.swap = true,
            ':' => spec.colons += 1,
            d if d.is_ascii_digit() => {
                let digit = d as usize - '0' as usize;
                let width = spec.width.unwrap_or(0).saturating_mul(10);
                spec.width = Some(width.saturating_add(digit).min(1024));
            }
            other => return (spec, Some(other)),
        }
    }
    (spec, None)
}

/// The text of one conversion and its default padding; `None` for a letter Ruby does not know.
fn convert(fields: &Fields, spec: &Spec, conv: char, limit: usize) -> Option<(String, Pad)> {
    if let Some((_, write)) = CONVERSIONS.iter().find(|(c, _)| *c == conv) {
        return Some(write(fields, spec));
    }
    let (_, format) = COMPOSITES.iter().find(|(c, _)| *c == conv)?;
    let mut text = String::new();
    strftime(fields.t, format, &mut text, limit);
    Some((text, Pad::Text))
}

/// Writes a conversion's text with its case flags and its padding (the flags' over the
/// conversion's default).
fn write_padded(out: &mut String, text: String, pad: Pad, spec: &Spec, conv: char) {
    let text = if spec.upper || (spec.swap && conv != 'p') {
        super::case::upcase(&text)
    } else {
        text
    };
    let (fill, default_width) = match pad {
        Pad::Zero(w) => ('0', w),
        Pad::Space(w) => (' ', w),
        Pad::Text => (' ', 0),
        Pad::Digits => {
            out.push_str(&text);
            return;
        }
    };
    let fill = match (spec.zero_pad, spec.space_pad) {
        (true, _) => '0',
        (_, true) => ' ',
        _ => fill,
    };
    let target = if spec.no_pad {
        0
    } else {
        spec.width.unwrap_or(default_width)
    };
    let len = text.chars().count();
    (len..target).for_each(|_| out.push(fill));
    out.push_str(&text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(input: &str, format: &str) -> String {
        match filter(&Value::from(input), &Value::from(format), 1 << 20) {
            Outcome::Formatted(s) => s,
            Outcome::Unchanged => format!("UNCHANGED {input}"),
            Outcome::Unread(why) => format!("UNREAD {why}"),
        }
    }

    // Expected values from the installed Liquid/Jekyll (TZ=UTC):
    // the "ruby oracle" of `liquid/tests.rs` on '{{ "2019-02-06" | date: "…" }}'

    #[test]
    fn date_should_format_the_common_conversions_like_ruby() {
        assert_eq!(
            fmt(
                "2019-02-06",
                "%Y %m %d %e %-d %-m %b %B %a %A %y %H %M %S %I %p %j %Z %z %%"
            ),
            "2019 02 06  6 6 2 Feb February Wed Wednesday 19 00 00 00 12 AM 037 UTC +0000 %",
            "a plain date should format as in Ruby"
        );
    }

    #[test]
    fn date_with_time_and_offset_should_keep_its_offset() {
        assert_eq!(
            fmt(
                "2019-02-06 10:30:05 +0900",
                "%Y-%m-%d %H:%M:%S %Z %z %I %p %l %P %-H %-I %k"
            ),
            "2019-02-06 10:30:05  +0900 10 AM 10 am 10 10 10",
            "a fixed offset should print no zone name, as Ruby does"
        );
        assert_eq!(
            fmt("2019-02-06T10:30:05Z", "%F %T %Z %z"),
            "2019-02-06 10:30:05 UTC +0000",
            "Z should be UTC"
        );
        assert_eq!(
            fmt("2019-02-06 10:30", "%F %T %Z"),
            "2019-02-06 10:30:00 UTC",
            "seconds should default to 0"
        );
        assert_eq!(
            fmt("2019-02-06 10:30:05 -0530", "%z %:z"),
            "-0530 -05:30",
            "negative offsets and %:z should work"
        );
        assert_eq!(
            fmt("2019-02-06 10:30:05.123 +09:00", "%F %T.%L %z"),
            "2019-02-06 10:30:05.123 +0900",
            "fractions and colon offsets should be read"
        );
    }

    #[test]
    fn seconds_since_1970_should_be_read_from_integers_and_digit_strings() {
        assert_eq!(
            filter(&Value::Int(0), &Value::from("%F %T"), 1 << 20),
            Outcome::Formatted("1970-01-01 00:00:00".into()),
            "0 should be the epoch"
        );
        assert_eq!(
            fmt("1700000000", "%F %T %A"),
            "2023-11-14 22:13:20 Tuesday",
            "a digit string should be seconds"
        );
    }

    #[test]
    fn the_rarer_conversions_should_match_ruby() {
        assert_eq!(
            fmt("2019-02-06", "%s %U %W %u %w %C %D %R %r %h %n %t %c %x %X %v %G %V %N %L %10Y %^B %_m %03d %-j"),
            "1549411200 05 05 3 3 20 02/06/19 00:00 12:00:00 AM Feb \n \t Wed Feb  6 00:00:00 2019 02/06/19 00:00:00  6-FEB-2019 2019 06 000000000 000 0000002019 FEBRUARY  2 006 37",
            "every supported conversion should print as in Ruby"
        );
    }

    #[test]
    fn other_date_forms_and_rollover_should_work() {
        assert_eq!(
            fmt("2019/02/06", "%F"),
            "2019-02-06",
            "slashes should be read"
        );
        assert_eq!(
            fmt("2019-2-6", "%F"),
            "2019-02-06",
            "one-digit month and day should be read"
        );
        assert_eq!(
            fmt("2019-02-30", "%F"),
            "2019-03-02",
            "day 30 of February should roll over as in Ruby"
        );
        assert_eq!(
            fmt("2019-02-06 24:00", "%F %T"),
            "2019-02-07 00:00:00",
            "24:00 should be the next day"
        );
        assert_eq!(
            fmt("2020-12-31", "%G-W%V %j"),
            "2020-W53 366",
            "ISO weeks and leap days should be right"
        );
        assert_eq!(
            fmt("2021-01-01", "%G-W%V"),
            "2020-W53",
            "early January can be in last year's ISO week"
        );
    }

    #[test]
    fn unreadable_inputs_should_stay_unchanged() {
        assert!(
            fmt("hello", "%Y").starts_with("UNREAD"),
            "a word should stay unchanged with a reason"
        );
        assert!(
            fmt("2019-13-45", "%Y").starts_with("UNREAD"),
            "an impossible date should stay unchanged"
        );
        assert!(
            fmt("now", "%Y").contains("no clock"),
            "now should say the preview has no clock"
        );
        assert_eq!(
            fmt("", "%Y"),
            "UNCHANGED ",
            "an empty string should stay empty"
        );
        assert_eq!(
            fmt("2019-02-06", ""),
            "UNCHANGED 2019-02-06",
            "an empty format should leave the input"
        );
        assert_eq!(
            filter(&Value::Null, &Value::from("%Y"), 1 << 20),
            Outcome::Unchanged,
            "nil should stay nil"
        );
        assert_eq!(
            filter(&Value::Float(1.5), &Value::from("%Y"), 1 << 20),
            Outcome::Unchanged,
            "a float is not a date to Liquid"
        );
    }

    #[test]
    fn unknown_directives_and_a_trailing_percent_should_be_copied() {
        assert_eq!(
            fmt("2019-02-06", "%Q %Y %"),
            "%Q 2019 %",
            "unknown directives should be copied as written"
        );
    }

    #[test]
    fn a_runaway_format_should_stop_at_the_limit() {
        let format = "%1000Y".repeat(10_000);
        let out = filter(
            &Value::from("2019-02-06"),
            &Value::from(format.as_str()),
            1 << 16,
        );
        assert!(
            matches!(out, Outcome::Unread(_)),
            "a format making more than the limit should give up"
        );
    }

    #[test]
    fn civil_conversions_should_round_trip() {
        for days in [-800_000, -1, 0, 1, 18_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(
                days_from_civil(y, m, d),
                days,
                "day {days} should round-trip"
            );
        }
    }
}
