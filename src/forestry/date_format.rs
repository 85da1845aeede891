//! Dates in a Forestry template's format: moment.js tokens (`YYYY-MM-DD`, `DD/MM/YYYY HH:mm`, …),
//! the format Forestry's `date_format` and `time_format` settings are written in.
//!
//! Follows moment.js's token table for the tokens a date field uses: `YYYY` `YY` `MM` `M` `DD`
//! `D` `HH` `H` `hh` `h` `mm` `m` `ss` `s` `A` `a` `Z` `ZZ`; text in `[…]` and any other
//! character stand for themselves.

#[cfg(any(all(feature = "page", target_arch = "wasm32"), test))]
/// The parts of a moment, as the page reads them from the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// Minutes east of UTC.
    pub offset_minutes: i32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Literal(String),
    /// A number of `min..=max` digits between `lo` and `hi`.
    Number {
        name: &'static str,
        min: usize,
        max: usize,
        lo: u32,
        hi: u32,
    },
    Meridiem {
        upper: bool,
    },
    Offset {
        colon: bool,
    },
}

/// The tokens, longest first so that `YYYY` is not read as two `YY`.
const NUMBERS: [(&str, usize, usize, u32, u32); 14] = [
    ("YYYY", 4, 4, 0, 9999),
    ("YY", 2, 2, 0, 99),
    ("MM", 2, 2, 1, 12),
    ("M", 1, 2, 1, 12),
    ("DD", 2, 2, 1, 31),
    ("D", 1, 2, 1, 31),
    ("HH", 2, 2, 0, 23),
    ("H", 1, 2, 0, 23),
    ("hh", 2, 2, 1, 12),
    ("h", 1, 2, 1, 12),
    ("mm", 2, 2, 0, 59),
    ("m", 1, 2, 0, 59),
    ("ss", 2, 2, 0, 59),
    ("s", 1, 2, 0, 59),
];

fn tokens(format: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = format;
    'next: while let Some(c) = rest.chars().next() {
        if let Some(inner) = rest.strip_prefix('[') {
            if let Some(end) = inner.find(']') {
                out.push(Token::Literal(inner[..end].to_owned()));
                rest = &inner[end + 1..];
                continue;
            }
        }
        for (name, min, max, lo, hi) in NUMBERS {
            if let Some(r) = rest.strip_prefix(name) {
                out.push(Token::Number {
                    name,
                    min,
                    max,
                    lo,
                    hi,
                });
                rest = r;
                continue 'next;
            }
        }
        let (token, len) = match c {
            'A' => (Token::Meridiem { upper: true }, 1),
            'a' => (Token::Meridiem { upper: false }, 1),
            'Z' if rest.starts_with("ZZ") => (Token::Offset { colon: false }, 2),
            'Z' => (Token::Offset { colon: true }, 1),
            _ => (Token::Literal(c.to_string()), c.len_utf8()),
        };
        out.push(token);
        rest = &rest[len..];
    }
    out
}

/// Whether `value` is written exactly in `format`.
pub fn matches(format: &str, value: &str) -> bool {
    let mut rest = value;
    for token in tokens(format) {
        let Some(r) = take(&token, rest) else {
            return false;
        };
        rest = r;
    }
    rest.is_empty()
}

/// `rest` after `token`, if it starts with what the token stands for.
fn take<'a>(token: &Token, rest: &'a str) -> Option<&'a str> {
    match token {
        Token::Literal(text) => rest.strip_prefix(text.as_str()),
        Token::Number {
            min, max, lo, hi, ..
        } => {
            let digits = rest
                .bytes()
                .take(*max)
                .take_while(u8::is_ascii_digit)
                .count();
            if digits < *min {
                return None;
            }
            let n: u32 = rest[..digits].parse().ok()?;
            (*lo..=*hi).contains(&n).then_some(&rest[digits..])
        }
        Token::Meridiem { upper } => {
            let (am, pm) = if *upper { ("AM", "PM") } else { ("am", "pm") };
            rest.strip_prefix(am).or_else(|| rest.strip_prefix(pm))
        }
        Token::Offset { colon } => {
            let r = rest.strip_prefix(['+', '-'])?;
            let b = r.as_bytes();
            let len = if *colon { 5 } else { 4 };
            let ok = b.len() >= len
                && b[..2].iter().all(u8::is_ascii_digit)
                && (!*colon || b[2] == b':')
                && b[len - 2..len].iter().all(u8::is_ascii_digit);
            ok.then(|| &r[len..])
        }
    }
}

#[cfg(any(all(feature = "page", target_arch = "wasm32"), test))]
/// `moment` written in `format`.
pub fn format(format: &str, moment: &Moment) -> String {
    let mut out = String::new();
    for token in tokens(format) {
        match token {
            Token::Literal(text) => out.push_str(&text),
            Token::Number { name, min, .. } => {
                let n = match name {
                    "YYYY" => moment.year.rem_euclid(10000) as u32,
                    "YY" => moment.year.rem_euclid(100) as u32,
                    "MM" | "M" => moment.month,
                    "DD" | "D" => moment.day,
                    "HH" | "H" => moment.hour,
                    "hh" | "h" => (moment.hour + 11) % 12 + 1,
                    "mm" | "m" => moment.minute,
                    _ => moment.second,
                };
                out.push_str(&format!("{n:0min$}"));
            }
            Token::Meridiem { upper } => {
                let pm = moment.hour >= 12;
                out.push_str(match (upper, pm) {
                    (true, false) => "AM",
                    (true, true) => "PM",
                    (false, false) => "am",
                    (false, true) => "pm",
                });
            }
            Token::Offset { colon } => {
                let sign = if moment.offset_minutes < 0 { '-' } else { '+' };
                let m = moment.offset_minutes.unsigned_abs();
                let sep = if colon { ":" } else { "" };
                out.push_str(&format!("{sign}{:02}{sep}{:02}", m / 60, m % 60));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOMENT: Moment = Moment {
        year: 2021,
        month: 3,
        day: 5,
        hour: 14,
        minute: 7,
        second: 9,
        offset_minutes: 480,
    };

    #[test]
    fn matches_should_accept_a_date_in_the_format() {
        assert!(matches("YYYY-MM-DD", "2021-03-05"));
        assert!(matches("DD/MM/YYYY HH:mm", "05/03/2021 14:07"));
        assert!(matches("YYYY-MM-DD h:mm A Z", "2021-03-05 2:07 PM +08:00"));
        assert!(matches("[at] YYYY", "at 2021"));
    }

    #[test]
    fn matches_should_refuse_a_date_in_another_format() {
        assert!(
            !matches("YYYY-MM-DD", "2021-3-5"),
            "MM and DD want two digits"
        );
        assert!(
            !matches("YYYY-MM-DD", "2021-03-05 10:00:00 +0800"),
            "nothing may follow"
        );
        assert!(!matches("YYYY-MM-DD", "2021-13-05"), "there is no month 13");
        assert!(!matches("YYYY-MM-DD", "05/03/2021"));
        assert!(!matches("YYYY-MM-DD", ""));
        assert!(!matches("HH:mm Z", "10:00 +0800"), "Z wants a colon");
    }

    #[test]
    fn format_should_write_each_token() {
        assert_eq!(format("YYYY-MM-DD", &MOMENT), "2021-03-05");
        assert_eq!(
            format("D/M/YY h:mm:ss a ZZ", &MOMENT),
            "5/3/21 2:07:09 pm +0800"
        );
        assert_eq!(format("[Date:] YYYY", &MOMENT), "Date: 2021");
        let west = Moment {
            offset_minutes: -330,
            hour: 0,
            ..MOMENT
        };
        assert_eq!(format("hh A Z", &west), "12 AM -05:30");
    }

    #[test]
    fn a_formatted_moment_should_match_its_format() {
        for f in ["YYYY-MM-DD", "DD.MM.YYYY HH:mm:ss Z", "M/D/YYYY h:mm a"] {
            assert!(matches(f, &format(f, &MOMENT)), "{f}");
        }
    }
}
