//! `crashForTests(kind)` (cargo feature `crash-test`, never shipped): makes the next `renderPost`
//! call (or, built with the page, the next render of the page's `Preview`) fail inside the module
//! the way `kind` says, so that the packaging tests can check that the JS wrapper recovers from
//! each kind of failure with a real trap of a real instance, and the page's tests that nothing
//! typed is lost.
//!
//! - `"panic"`: a Rust panic, which runs the panic hook, then traps (`unreachable`);
//! - `"trap"`: a trap with no panic, so no hook runs (as an out-of-memory abort would);
//! - `"overflow"`: unbounded recursion until the stack runs out, also unseen by the hook.
//!
//! `checkSite` (`check.rs`) fails the same ways on a file whose text holds the marker
//! `postview-crash-test:KIND:WHEN`: `WHEN` is `read` (while the site is read, before any post is
//! checked) or `check` (while that post is checked). A marker in a file survives a fresh instance,
//! as a post that really traps would, so the tests see the wrapper skip it, not retry it.

use std::cell::Cell;
use std::hint::black_box;
use wasm_bindgen::prelude::*;

#[derive(Clone, Copy)]
enum Crash {
    Panic,
    Trap,
    Overflow,
}

thread_local! {
    static ARMED: Cell<Option<Crash>> = const { Cell::new(None) };
}

/// Arms the next `renderPost` call to fail: `kind` is `"panic"`, `"trap"` or `"overflow"`.
#[wasm_bindgen(js_name = crashForTests, skip_typescript)]
pub fn crash_for_tests(kind: &str) -> Result<(), JsValue> {
    let crash = match kind {
        "panic" => Crash::Panic,
        "trap" => Crash::Trap,
        "overflow" => Crash::Overflow,
        _ => {
            return Err(js_sys::TypeError::new(
                "crashForTests: kind should be \"panic\", \"trap\" or \"overflow\"",
            )
            .into())
        }
    };
    ARMED.with(|armed| armed.set(Some(crash)));
    Ok(())
}

/// Called by `renderPost` and the page's `Preview` before they render.
pub(crate) fn crash_if_armed() {
    crash(ARMED.with(Cell::take));
}

/// Called by `checkSite` with each file's text when it reads the site (`when` = `"read"`) and
/// with a post's text when it checks that post (`"check"`).
#[cfg(feature = "site")]
pub(super) fn crash_if_marked(text: &str, when: &str) {
    let marked = [
        ("panic", Crash::Panic),
        ("trap", Crash::Trap),
        ("overflow", Crash::Overflow),
    ]
    .into_iter()
    .find(|(kind, _)| text.contains(&format!("postview-crash-test:{kind}:{when}")));
    crash(marked.map(|(_, crash)| crash));
}

fn crash(what: Option<Crash>) {
    match what {
        Some(Crash::Panic) => panic!("crashForTests: a panic on purpose"),
        Some(Crash::Trap) => core::arch::wasm32::unreachable(),
        Some(Crash::Overflow) => {
            black_box(recurse(0));
        }
        None => {}
    }
}

/// Never returns in practice: each call keeps a frame of 1 KB on the stack until it runs out. The
/// test on `depth` only keeps the compiler from seeing (and refusing) endless recursion.
fn recurse(depth: u64) -> u64 {
    let mut frame = [0u8; 1024];
    black_box(&mut frame);
    if black_box(depth) == u64::MAX {
        return frame[0].into();
    }
    recurse(depth + 1) + u64::from(black_box(frame[1]))
}
