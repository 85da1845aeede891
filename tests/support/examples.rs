//! The spec-style fixture format shared by `tests/fixtures/*.md` and
//! `tests/fixtures/layout_site/*.md`: an example is a fence line `FENCE example`, its input, a
//! line `.`, what the real Jekyll made of it, and a closing `FENCE`.

pub const FENCE: &str = "````````````````````````````````";

/// The input and the expected text of the example whose opening fence `lines` has just passed;
/// `lines` is left after the closing fence.
pub fn example_body<'a>(lines: impl Iterator<Item = &'a str>) -> (String, String) {
    let (mut input, mut expected, mut in_expected) = (String::new(), String::new(), false);
    for l in lines {
        if l == FENCE {
            break;
        }
        if l == "." && !in_expected {
            in_expected = true;
            continue;
        }
        let target = if in_expected {
            &mut expected
        } else {
            &mut input
        };
        target.push_str(l);
        target.push('\n');
    }
    (input, expected)
}
