//! Numbers in the text, found once per scan and shared by the detectors of
//! numeric identifiers (cards, SSNs, NHS numbers, IPv4 addresses, numeric dates).
//!
//! A *run* is a maximal sequence of digit groups joined by single separators
//! (space, `-`, `.`, `/`): "4111 1111 1111 1111", "078-05-1123", "192.168.1.20",
//! "14/03/2024". A run may hold several values ("4012888888881881 4012 8888 8888
//! 1881") or a value between other numbers, so detectors look at every sub-run of
//! consecutive groups (bounded), and the merge step keeps the best findings.
//! One byte loop replaces a regex pass per identifier kind.

/// A maximal run of digit groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Byte ranges of the digit groups, in order.
    pub groups: Vec<(usize, usize)>,
    /// `seps[k]` joins group `k` and `k + 1`.
    pub seps: Vec<u8>,
}

/// A sub-run of consecutive groups `[first, last]` of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sub<'r> {
    run: &'r Run,
    first: usize,
    last: usize,
}

const SEPARATORS: &[u8] = b" -./";

impl Run {
    /// Every sub-run of at most `max_groups` groups.
    pub fn subs(&self, max_groups: usize) -> impl Iterator<Item = Sub<'_>> {
        let n = self.groups.len();
        (0..n).flat_map(move |first| {
            (first..n.min(first + max_groups)).map(move |last| Sub {
                run: self,
                first,
                last,
            })
        })
    }
}

impl<'r> Sub<'r> {
    /// Byte span in the text.
    pub fn span(&self) -> (usize, usize) {
        (self.run.groups[self.first].0, self.run.groups[self.last].1)
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.last - self.first + 1
    }

    /// Always false: a sub-run has at least one group.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Lengths (in digits) of the groups.
    pub fn group_lengths(&self) -> impl Iterator<Item = usize> + 'r {
        self.run.groups[self.first..=self.last]
            .iter()
            .map(|&(s, e)| e - s)
    }

    /// The separator used between all groups: `Some(None)` for a single group,
    /// `Some(Some(b))` if all separators are `b`, `None` if they are mixed.
    pub fn separator(&self) -> Option<Option<u8>> {
        let seps = &self.run.seps[self.first..self.last];
        match seps.first() {
            None => Some(None),
            Some(&b) => seps.iter().all(|&s| s == b).then_some(Some(b)),
        }
    }

    /// Whether the groups match `lengths` exactly.
    pub fn shape_is(&self, lengths: &[usize]) -> bool {
        self.len() == lengths.len() && self.group_lengths().zip(lengths).all(|(a, &b)| a == b)
    }

    /// Whether there are as many groups as `max_lengths`, each at most that long.
    pub fn shape_fits(&self, max_lengths: &[usize]) -> bool {
        self.len() == max_lengths.len()
            && self.group_lengths().zip(max_lengths).all(|(a, &b)| a <= b)
    }

    /// If the run continues after this sub-run with `/` and a group of at most
    /// `max_digits` digits ("/24"), the end of that group.
    pub fn slash_suffix(&self, max_digits: usize) -> Option<usize> {
        let next = self.last + 1;
        let (s, e) = *self.run.groups.get(next)?;
        (self.run.seps[self.last] == b'/' && e - s <= max_digits).then_some(e)
    }

    /// The separator right after this sub-run inside its run, if any.
    pub fn separator_after(&self) -> Option<u8> {
        self.run.seps.get(self.last).copied()
    }

    /// Total digits.
    pub fn digit_count(&self) -> usize {
        self.group_lengths().sum()
    }

    /// Whether the sub-run stands alone: at the run's edges the text around it is
    /// not a letter or digit, and inside the run it is cut only at spaces (a cut at
    /// `-` or `.` would split one identifier, `12-3456789`, `1.2.3.4.5`).
    pub fn is_standalone(&self, text: &str) -> bool {
        let (s, e) = self.span();
        let left_ok = if self.first == 0 {
            !super::word_before(text, s)
        } else {
            self.run.seps[self.first - 1] == b' '
        };
        let right_ok = if self.last + 1 == self.run.groups.len() {
            !super::word_after(text, e)
        } else {
            self.run.seps[self.last] == b' '
        };
        left_ok && right_ok
    }
}

/// All runs of `text` that some detector can use, in order. A lone group of fewer
/// than eight digits is no identifier, date or address on its own (a day or year
/// before ". " may start a `14. 5. 1978` or `1973. 10. 27.` date, so those are
/// kept), and dropping those
/// saves most of the allocations: prose is full of small numbers.
pub fn find_runs(text: &str) -> Vec<Run> {
    let b = text.as_bytes();
    let mut runs = Vec::new();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut seps: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        groups.clear();
        seps.clear();
        loop {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            groups.push((start, i));
            let joined = i + 1 < b.len() && SEPARATORS.contains(&b[i]) && b[i + 1].is_ascii_digit();
            if !joined {
                break;
            }
            seps.push(b[i]);
            i += 1;
        }
        if let [(s, e)] = groups[..] {
            // Or a year: "1973. 10. 27." is how Hungarians and Koreans write dates.
            let day_then_dot = (e - s <= 2 || e - s == 4)
                && b.get(e) == Some(&b'.')
                && b.get(e + 1) == Some(&b' ')
                && b.get(e + 2).is_some_and(u8::is_ascii_digit);
            if e - s < 8 && !day_then_dot {
                continue;
            }
        }
        runs.push(Run {
            groups: groups.clone(),
            seps: seps.clone(),
        });
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        find_runs(text)
            .iter()
            .map(|r| &text[r.groups[0].0..r.groups.last().unwrap().1])
            .collect()
    }

    #[test]
    fn runs_join_single_separators() {
        assert_eq!(
            spans("card 4111 1111 1111 1111, ip 10.0.0.1; on 14/03/2024 ok 12  34 x 19700315"),
            ["4111 1111 1111 1111", "10.0.0.1", "14/03/2024", "19700315"]
        );
        assert_eq!(spans("v1.2.3-rc.1"), ["1.2.3"]);
        assert_eq!(spans("am 14. 5. 1978"), ["14", "5"]);
        assert_eq!(spans("1973. 10. 27."), ["1973", "10"]);
    }

    #[test]
    fn sub_runs() {
        let text = "4012888888881881 4012-8888-8888-1881";
        let runs = find_runs(text);
        assert_eq!(runs.len(), 1);
        let subs: Vec<_> = runs[0].subs(5).collect();
        assert_eq!(subs.len(), 5 + 4 + 3 + 2 + 1);
        let whole_second = subs.iter().find(|s| s.shape_is(&[4, 4, 4, 4])).unwrap();
        assert_eq!(whole_second.separator(), Some(Some(b'-')));
        assert!(whole_second.is_standalone(text));
        let (s, e) = whole_second.span();
        assert_eq!(&text[s..e], "4012-8888-8888-1881");
        // "8888-8888-1881" is cut at a dash: not standalone
        let inner = subs
            .iter()
            .find(|s| s.shape_is(&[4, 4, 4]) && s.span().0 > 20)
            .unwrap();
        assert!(!inner.is_standalone(text));
    }
}
