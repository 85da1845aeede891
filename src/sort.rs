//! Stable sorts that share one copy of the sorting code.
//!
//! Each call of the standard library's `sort_by` or `sort_by_key` with its own closure puts a
//! whole copy of its sort (driftsort with its small-sort networks, 3–8 KB of wasm before
//! wasm-opt) into the module: it held 22 of them. These sort positions with one comparison
//! callback instead (one copy of the standard sort, on `usize`), then move the elements into
//! that order: the same result as `sort_by` (stable), in O(n log n). For sorts outside the hot
//! loops, where an indirect call per comparison does not matter.

use std::cmp::Ordering;

/// `v.sort_by(cmp)`.
pub fn by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    // `order` is a permutation, so each slot is taken exactly once.
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// `v.sort_by_key(key)`.
pub fn by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// `v.sort()`.
pub fn natural<T: Ord>(v: &mut Vec<T>) {
    by(v, T::cmp);
}

/// The positions `0..n` in the order `cmp` gives them, equal ones in their own order.
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few hundred pairs with many equal keys, from a fixed linear congruential sequence.
    fn pairs() -> Vec<(u32, usize)> {
        let mut x = 12345u32;
        (0..300)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                ((x >> 16) % 17, i)
            })
            .collect()
    }

    #[test]
    fn by_key_should_order_as_the_standard_stable_sort_does() {
        let mut ours = pairs();
        let mut std = pairs();
        by_key(&mut ours, |p| p.0);
        std.sort_by_key(|p| p.0);
        assert_eq!(ours, std, "equal keys should keep their order");
    }

    #[test]
    fn by_should_follow_the_comparison_and_keep_every_element() {
        let mut v: Vec<String> = ["b", "a", "c", "a", "", "b"].map(String::from).to_vec();
        by(&mut v, |x, y| y.cmp(x));
        assert_eq!(v, ["c", "b", "b", "a", "a", ""]);
        let mut one = vec![String::from("x")];
        natural(&mut one);
        assert_eq!(one, ["x"]);
        let mut none: Vec<u8> = Vec::new();
        natural(&mut none);
        assert!(none.is_empty());
    }
}
