//! Whole-word keyword lookups in one pass over the text.
//!
//! When a keyword list only counts as whole words (a month name not inside
//! "summary", "Sept" not inside "Septic"), there is no need for an automaton that
//! reports every occurrence inside every word: cut the text into words and look
//! each word up in a small hash table. One byte loop and one probe per word,
//! instead of a state transition per byte plus a match for every embedded "mar",
//! "dec" or "may". [`runs`] is the byte loop under it, for any detector that only
//! needs to look at maximal runs of some bytes.

/// A set of words, each with a value, matched ASCII case-insensitively (other
/// bytes must match exactly). Words are at most [`WordTable::MAX_LEN`] bytes.
#[derive(Debug)]
pub struct WordTable<V> {
    /// Open addressing, linear probing; [`EMPTY`] marks an empty slot.
    slots: Box<[(Key, V)]>,
    shift: u32,
    /// For each (lowercased) first byte, the lengths of the words starting with
    /// it, as bits: most words of a text are rejected by this test alone.
    lengths: Box<[u64; 256]>,
    /// Which (lowercased) pairs of first and second bytes start a word.
    pairs: Box<[u64; 1024]>,
}

impl<V: Copy + Default> WordTable<V> {
    /// The longest word a table holds, in bytes.
    pub const MAX_LEN: usize = 32;

    /// A table of `words`; the first value given for a word wins. Words that are
    /// empty, longer than `MAX_LEN` or hold a NUL byte are left out.
    pub fn new<'a>(words: impl IntoIterator<Item = (&'a str, V)>) -> WordTable<V> {
        let entries: Vec<(Key, usize, V)> = words
            .into_iter()
            .filter_map(|(w, v)| Some((pack(w.as_bytes())?, w.len(), v)))
            .collect();
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: vec![(EMPTY, V::default()); size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            lengths: Box::new([0; 256]),
            pairs: Box::new([0; 1024]),
        };
        for (key, len, value) in entries {
            let [first, second, ..] = key[0].to_le_bytes();
            table.lengths[usize::from(first)] |= 1 << len;
            let pair = pair_index(first, second);
            table.pairs[pair / 64] |= 1 << (pair % 64);
            let mask = table.slots.len() - 1;
            let mut i = table.slot(key);
            while table.slots[i].0 != EMPTY && table.slots[i].0 != key {
                i = (i + 1) & mask;
            }
            if table.slots[i].0 == EMPTY {
                table.slots[i] = (key, value);
            }
        }
        table
    }

    fn slot(&self, key: Key) -> usize {
        let [lo, hi] = key;
        let folded = lo ^ hi.rotate_left(17);
        let mixed = (folded as u64 ^ ((folded >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .wrapping_mul(0xD6E8_FEB8_6659_FD93);
        (mixed >> self.shift) as usize
    }

    /// The value of `word`, if it is in the table.
    #[inline]
    pub fn get(&self, word: &[u8]) -> Option<V> {
        let (&first, rest) = word.split_first()?;
        let first = first.to_ascii_lowercase();
        if word.len() > Self::MAX_LEN || self.lengths[usize::from(first)] & (1 << word.len()) == 0 {
            return None;
        }
        let second = rest.first().map_or(0, u8::to_ascii_lowercase);
        let pair = pair_index(first, second);
        if self.pairs[pair / 64] & (1 << (pair % 64)) == 0 {
            return None;
        }
        let key = pack(word)?;
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return Some(v);
            }
            if k == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Every word of `b` (a maximal run of bytes for which `is_word` holds) that is
    /// in the table: `(start, end, value)`, in order.
    pub fn find_words<'b>(
        &'b self,
        b: &'b [u8],
        is_word: impl Fn(u8) -> bool + 'b,
    ) -> impl Iterator<Item = (usize, usize, V)> + 'b {
        runs(b, is_word).filter_map(|(s, e)| Some((s, e, self.get(&b[s..e])?)))
    }
}

/// The maximal runs of bytes of `b` for which `member` holds: `(start, end)`, in order.
pub fn runs<'b>(
    b: &'b [u8],
    member: impl Fn(u8) -> bool + 'b,
) -> impl Iterator<Item = (usize, usize)> + 'b {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !member(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && member(b[i]) {
            i += 1;
        }
        Some((start, i))
    })
}

/// Index of a pair of bytes in the pair bitmap (both bytes lowercased; the second
/// is 0 for a one-byte word).
fn pair_index(first: u8, second: u8) -> usize {
    (usize::from(first) << 8) | usize::from(second)
}

/// A packed word: its bytes, zero-padded to [`WordTable::MAX_LEN`].
type Key = [u128; 2];

/// The key of an empty slot (no word packs to it: words are non-empty and hold no
/// NUL byte).
const EMPTY: Key = [0; 2];

/// The bytes of a word, ASCII letters lowercased, packed into two integers (the
/// Greek and Hindi names of most months are longer than 16 bytes).
fn pack(word: &[u8]) -> Option<Key> {
    if word.is_empty() || word.len() > 32 || word.contains(&0) {
        return None;
    }
    let mut buf = [0u8; 32];
    for (slot, c) in buf.iter_mut().zip(word) {
        *slot = c.to_ascii_lowercase();
    }
    let (lo, hi) = buf.split_at(16);
    Some([
        u128::from_le_bytes(lo.try_into().ok()?),
        u128::from_le_bytes(hi.try_into().ok()?),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(c: u8) -> bool {
        c.is_ascii_alphabetic() || c >= 0x80
    }

    #[test]
    fn whole_words_case_insensitive() {
        let t = WordTable::new([("may", 5u32), ("märz", 3), ("march", 3), ("may", 9)]);
        assert_eq!(t.get(b"MAY"), Some(5), "first value wins");
        assert_eq!(t.get("MäRZ".as_bytes()), Some(3));
        assert_eq!(t.get("MÄRZ".as_bytes()), None, "only ASCII folds");
        assert_eq!(t.get(b"ma"), None);
        let text = "Summary: 5 May, 3 March2024, mayor, märz.";
        let found: Vec<_> = t
            .find_words(text.as_bytes(), letter)
            .map(|(s, e, v)| (&text[s..e], v))
            .collect();
        assert_eq!(found, [("May", 5), ("March", 3), ("märz", 3)]);
    }

    #[test]
    fn many_words_all_found() {
        let words: Vec<String> = (0..500).map(|i| format!("w{i}x")).collect();
        let t = WordTable::new(words.iter().enumerate().map(|(i, w)| (w.as_str(), i)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w.to_uppercase().as_bytes()), Some(i));
        }
        assert_eq!(t.get(b"w500x"), None);
        assert_eq!(t.get(b"a-very-long-word-indeed"), None);
    }
}
