//! A set of byte offsets of one text, for the span parser's memo of where links cannot start
//! (`link::remember_failures`), asked at every `[`: one bit per byte, so that neither hashing
//! (SipHash took half the time of a paragraph of nested brackets) nor a table's load (a faster
//! hash still slowed fivefold near a full table) costs anything. Not kramdown's: a detail of how
//! this parser stays linear.

/// Offsets into one text: a bit each, and the list of those set, so that clearing costs what was
/// put in rather than the text's length.
#[derive(Default, Debug)]
pub(super) struct OffsetSet {
    bits: Vec<u64>,
    set: Vec<usize>,
}

impl OffsetSet {
    pub(super) fn insert(&mut self, at: usize) {
        let (word, bit) = (at / 64, 1u64 << (at % 64));
        if word >= self.bits.len() {
            self.bits.resize(word + 1, 0);
        }
        if self.bits[word] & bit == 0 {
            self.bits[word] |= bit;
            self.set.push(at);
        }
    }

    pub(super) fn contains(&self, at: usize) -> bool {
        self.bits
            .get(at / 64)
            .is_some_and(|w| w & (1u64 << (at % 64)) != 0)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    pub(super) fn clear(&mut self) {
        for at in self.set.drain(..) {
            self.bits[at / 64] = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_should_hold_what_was_put_in_until_cleared() {
        let mut set = OffsetSet::default();
        for at in [3, 64, 1 << 20, 64] {
            set.insert(at);
        }
        assert!(
            set.contains(3) && set.contains(64) && set.contains(1 << 20),
            "every offset put in should be in the set"
        );
        assert!(
            !set.contains(4) && !set.contains(65) && !set.contains(1 << 30),
            "no other offset should be"
        );
        set.clear();
        assert!(
            set.is_empty() && !set.contains(3) && !set.contains(1 << 20),
            "a cleared set should hold nothing"
        );
        set.insert(5);
        assert!(set.contains(5), "a cleared set should take offsets again");
    }
}
