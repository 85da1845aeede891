//! Where a byte of a stage's output came from in its input.
//!
//! Liquid replaces `{{ … }}` with values, so offsets in the Markdown text are not offsets in the
//! post. A `SourceMap` records, for each run of output, where that run starts in the input and
//! whether it was copied (so offsets inside it shift one to one) or produced (so every offset
//! inside it points at the tag that produced it).

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    runs: Vec<Run>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    out: usize,
    input: usize,
    copied: bool,
}

impl SourceMap {
    /// The identity map: output equals input.
    pub fn identity() -> Self {
        SourceMap {
            runs: vec![Run {
                out: 0,
                input: 0,
                copied: true,
            }],
        }
    }

    /// Output from `out` on is input copied from `input` on.
    pub fn copied(&mut self, out: usize, input: usize) {
        self.push(Run {
            out,
            input,
            copied: true,
        });
    }

    /// Output from `out` on was produced by the construct at `input`.
    pub fn produced(&mut self, out: usize, input: usize) {
        self.push(Run {
            out,
            input,
            copied: false,
        });
    }

    fn push(&mut self, run: Run) {
        if let Some(last) = self.runs.last_mut() {
            if last.out == run.out {
                *last = run;
                return;
            }
        }
        self.runs.push(run);
    }

    /// The input offset an output offset came from.
    pub fn to_input(&self, out: usize) -> usize {
        let i = self.runs.partition_point(|r| r.out <= out);
        if i == 0 {
            return out;
        }
        let run = self.runs[i - 1];
        if run.copied {
            run.input + (out - run.out)
        } else {
            run.input
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_input_should_shift_copied_runs_and_pin_produced_ones() {
        // input:  "ab{{ x }}cd"  output: "abXYZcd"
        let mut map = SourceMap::default();
        map.copied(0, 0);
        map.produced(2, 2);
        map.copied(5, 9);
        assert_eq!(map.to_input(1), 1, "a copied byte should keep its offset");
        assert_eq!(
            map.to_input(3),
            2,
            "a produced byte should point at its tag"
        );
        assert_eq!(
            map.to_input(6),
            10,
            "bytes after a tag should shift by the size difference"
        );
    }
}
