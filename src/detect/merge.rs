//! Merging raw findings into one disjoint, sorted set.
//!
//! Tie-break rule (total and deterministic):
//! 1. Candidates are ranked by score (higher first), then length (longer first),
//!    then start (earlier first), then label (taxonomy order), then detector name.
//! 2. In that order, a candidate is kept if it overlaps nothing kept so far.
//! 3. Exception for containers: a URL or SECRET candidate that fully contains every
//!    kept finding it overlaps replaces them (a URL's embedded e-mail, a connection
//!    string's host IP), so the whole container is redacted as one span rather than
//!    leaking the parts around the contained value.
//!
//! The output is sorted by start and no two findings share a byte.

use std::cmp::Ordering;

use super::{Finding, Label};

/// Labels whose spans legitimately contain other entities.
fn is_container(label: Label) -> bool {
    matches!(label, Label::Url | Label::Secret)
}

fn rank(a: &Finding, b: &Finding) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| b.len().cmp(&a.len()))
        .then_with(|| a.start.cmp(&b.start))
        .then_with(|| a.label.cmp(&b.label))
        .then_with(|| a.detector.cmp(&b.detector))
}

/// Merge raw findings (any order, may overlap) into disjoint findings sorted by start.
pub fn merge(mut raw: Vec<Finding>) -> Vec<Finding> {
    raw.sort_by(rank);
    // Kept findings, sorted by start; disjoint, so also sorted by end.
    let mut kept: Vec<Finding> = Vec::with_capacity(raw.len());
    for cand in raw {
        // Kept findings overlapping `cand` form a contiguous run in `kept`.
        let first = kept.partition_point(|k| k.end <= cand.start);
        let last = kept.partition_point(|k| k.start < cand.end);
        if first == last {
            kept.insert(first, cand);
            continue;
        }
        let contains_all = kept[first..last]
            .iter()
            .all(|k| cand.start <= k.start && k.end <= cand.end && k.len() < cand.len());
        if is_container(cand.label) && contains_all {
            kept.splice(first..last, std::iter::once(cand));
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn f(start: usize, end: usize, label: Label, score: f32) -> Finding {
        Finding {
            start,
            end,
            label,
            score,
            detector: Arc::from("t"),
        }
    }

    #[test]
    fn higher_score_wins() {
        let out = merge(vec![
            f(0, 10, Label::PhoneNumber, 0.6),
            f(0, 10, Label::UkNhs, 0.9),
        ]);
        assert_eq!(out, vec![f(0, 10, Label::UkNhs, 0.9)]);
    }

    #[test]
    fn longer_wins_on_equal_score_and_output_is_sorted() {
        let out = merge(vec![
            f(20, 25, Label::UsSsn, 0.8),
            f(0, 4, Label::DateTime, 0.8),
            f(0, 8, Label::DateTime, 0.8),
        ]);
        assert_eq!(
            out,
            vec![f(0, 8, Label::DateTime, 0.8), f(20, 25, Label::UsSsn, 0.8)]
        );
    }

    #[test]
    fn containers_swallow_contained_findings() {
        let out = merge(vec![
            f(10, 20, Label::EmailAddress, 0.95),
            f(0, 30, Label::Url, 0.7),
        ]);
        assert_eq!(out, vec![f(0, 30, Label::Url, 0.7)]);
        // ...but not findings that stick out of them
        let out = merge(vec![
            f(10, 40, Label::EmailAddress, 0.95),
            f(0, 30, Label::Url, 0.7),
        ]);
        assert_eq!(out, vec![f(10, 40, Label::EmailAddress, 0.95)]);
    }

    #[test]
    fn disjoint_input_is_kept() {
        let input = vec![f(0, 2, Label::Url, 0.9), f(2, 4, Label::Url, 0.9)];
        assert_eq!(merge(input.clone()), input);
    }
}
