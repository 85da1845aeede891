//! When the preview renders after an edit: a trailing debounce whose pause follows what the last
//! render cost, with a ceiling so that a long burst of typing still shows up.
//!
//! A post that renders in a few milliseconds renders in a microtask: after the edit's own handler
//! (the editor's update) but before the browser draws the keystroke, so the editor and the preview
//! change in the same frame. (A zero-delay timer is not enough: Chromium runs the frame first, and
//! the preview then lags the editor by a frame.) Edits made in one go, with no task between them,
//! still make one render. A big post waits for a pause in typing (never more than [`MAX_WAIT_MS`]
//! after the burst began), so keystrokes are not queued behind renders.

use gloo_timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Renders that cost at most this render at once.
const INSTANT_MS: f64 = 8.0;
/// The longest pause asked for after an edit.
const LONGEST_PAUSE_MS: f64 = 150.0;
/// However long a burst of edits goes on, a render (and the draft's save) comes this soon.
pub const MAX_WAIT_MS: f64 = 300.0;

/// One pending call at a time; scheduling again replaces it.
#[derive(Default)]
pub struct Debounce {
    pending: Option<Pending>,
    /// When the pending burst's first edit came (`performance.now()`), while one is pending.
    burst_start: Option<f64>,
}

impl Debounce {
    /// The pause before rendering, from what the last render cost (render and patch, in ms).
    pub fn pause_for(last_render_ms: f64) -> u32 {
        if last_render_ms <= INSTANT_MS {
            0
        } else {
            (last_render_ms * 3.0).min(LONGEST_PAUSE_MS) as u32
        }
    }

    /// Calls `run` once `pause` ms pass with no other `schedule`, or when the burst that began at
    /// the first pending `schedule` is [`MAX_WAIT_MS`] old, whichever comes first.
    pub fn schedule(&mut self, now: f64, pause: u32, run: impl FnOnce() + 'static) {
        let start = *self.burst_start.get_or_insert(now);
        let left = (start + MAX_WAIT_MS - now).max(0.0);
        let delay = f64::from(pause).min(left) as u32;
        // Replacing the pending call drops (and so cancels) the one before.
        self.pending = Some(match web_sys::window() {
            Some(window) if delay == 0 => Pending::microtask(&window, run),
            _ => Pending::Timer {
                _timeout: Timeout::new(delay, run),
            },
        });
    }

    /// The pending call has run. The spent timer stays until the next `schedule`: it is the one
    /// running, and dropping it there would free the closure under its own feet.
    pub fn fired(&mut self) {
        self.burst_start = None;
    }

    /// Drops the pending call, if any; says whether there was one.
    pub fn cancel(&mut self) -> bool {
        self.pending = None;
        self.burst_start.take().is_some()
    }

    /// Whether a render is waiting for the pause to end.
    pub fn is_pending(&self) -> bool {
        self.burst_start.is_some()
    }
}

/// A scheduled call; dropping it cancels the call.
enum Pending {
    /// Held for its drop, which clears the timer.
    Timer { _timeout: Timeout },
    /// A queued microtask cannot be taken back: it runs `run` only while this flag holds.
    Microtask(Rc<Cell<bool>>),
}

impl Pending {
    fn microtask(window: &web_sys::Window, run: impl FnOnce() + 'static) -> Pending {
        let live = Rc::new(Cell::new(true));
        let flag = live.clone();
        let task = Closure::once_into_js(move || {
            if flag.get() {
                run();
            }
        });
        window.queue_microtask(task.unchecked_ref());
        Pending::Microtask(live)
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Pending::Microtask(live) = self {
            live.set(false);
        }
    }
}
