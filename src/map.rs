//! A map from text keys, kept as one vector sorted by key, and the one sort the viewer uses.
//! JSON objects and an article's translations hold a handful of keys: they need none of
//! `BTreeMap`'s node machinery, and every copy of the standard sort is a few KB of WebAssembly.

use std::cmp::Ordering;

/// Sorts positions (indexes into some list) by `cmp`, keeping the order of equal ones. Every sort
/// of the viewer goes through this one function, a bottom-up merge sort: the standard library's
/// sort is several times its size in WebAssembly, and there is no need for its speed here.
pub fn sort_positions(positions: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    let n = positions.len();
    let mut from = positions.to_vec();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, middle);
            for slot in &mut to[start..end] {
                // Taking from the left run on ties keeps equal positions in order.
                let take_left =
                    right == end || (left < middle && cmp(from[left], from[right]).is_le());
                *slot = if take_left { from[left] } else { from[right] };
                if take_left {
                    left += 1;
                } else {
                    right += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    positions.copy_from_slice(&from);
}

/// Text keys to values, in key order. Where a key is repeated, its last value wins, as in
/// serde_json.
#[derive(Clone, Debug, PartialEq)]
pub struct TextMap<V>(Vec<(String, V)>);

impl<V> Default for TextMap<V> {
    fn default() -> Self {
        TextMap(Vec::new())
    }
}

impl<V> FromIterator<(String, V)> for TextMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        let mut slots: Vec<Option<(String, V)>> = entries.into_iter().map(Some).collect();
        let mut order: Vec<usize> = (0..slots.len()).collect();
        sort_positions(&mut order, &|a, b| match (&slots[a], &slots[b]) {
            (Some((a, _)), Some((b, _))) => a.cmp(b),
            _ => Ordering::Equal,
        });
        let mut sorted: Vec<(String, V)> = Vec::with_capacity(slots.len());
        for i in order {
            let Some((key, value)) = slots[i].take() else {
                continue;
            };
            // The sort keeps equal keys in their given order, so the later value comes last.
            match sorted.last_mut() {
                Some((last, kept)) if *last == key => *kept = value,
                _ => sorted.push((key, value)),
            }
        }
        TextMap(sorted)
    }
}

impl<V> IntoIterator for TextMap<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<V> TextMap<V> {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.get_key_value(key).map(|(_, v)| v)
    }

    pub fn get_key_value(&self, key: &str) -> Option<(&str, &V)> {
        let (k, v) = &self.0[self.find(key).ok()?];
        Some((k, v))
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        let i = self.find(key).ok()?;
        Some(&mut self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        let i = self.find(key).ok()?;
        Some(self.0.remove(i).1)
    }

    pub fn first(&self) -> Option<(&str, &V)> {
        self.0.first().map(|(k, v)| (k.as_str(), v))
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_sorted_and_a_repeated_key_keeps_its_last_value() {
        let map: TextMap<u32> = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(
            map.iter().collect::<Vec<_>>(),
            [("a", &5), ("b", &3), ("c", &4)]
        );
        assert_eq!(map.get("b"), Some(&3));
        assert_eq!(map.get("d"), None);
    }

    #[test]
    fn removing_a_key_leaves_the_others_in_order() {
        let mut map: TextMap<u32> = ["x", "y", "z"]
            .into_iter()
            .enumerate()
            .map(|(i, k)| (k.to_string(), i as u32))
            .collect();
        assert_eq!(map.remove("y"), Some(1));
        assert_eq!(map.remove("y"), None);
        assert_eq!(map.keys().collect::<Vec<_>>(), ["x", "z"]);
    }

    #[test]
    fn positions_sort_stably() {
        let keys = [3, 1, 3, 2, 1];
        let mut positions: Vec<usize> = (0..keys.len()).collect();
        sort_positions(&mut positions, &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(positions, [1, 4, 3, 0, 2]);
    }

    #[test]
    fn positions_sort_like_the_standard_stable_sort() {
        // A fixed pseudo-random sequence with many ties, at lengths around powers of two.
        let mut seed = 7u64;
        for n in [0, 1, 2, 3, 7, 8, 9, 31, 64, 100, 1000] {
            let keys: Vec<u64> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    (seed >> 33) % 10
                })
                .collect();
            let mut ours: Vec<usize> = (0..n).collect();
            sort_positions(&mut ours, &|a, b| keys[a].cmp(&keys[b]));
            let mut theirs: Vec<usize> = (0..n).collect();
            theirs.sort_by_key(|&i| keys[i]);
            assert_eq!(ours, theirs, "{n} positions");
        }
    }
}
