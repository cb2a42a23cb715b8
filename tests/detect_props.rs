//! Property tests of the detection engine's invariants, on arbitrary text and on
//! text assembled from PII-like fragments (where the interesting code paths are).

use std::sync::OnceLock;

use proptest::prelude::*;
use scrim::detect::settle::settle;
use scrim::detect::{Engine, Normalized};
use scrim::redact::{apply, redact_until_stable, Operator};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::builtin().expect("built-in detectors compile"))
}

/// Fragments that exercise detectors, normalization and their interplay.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("jane.doe@example.com".to_string()),
        Just("jane\\u0040example.com".to_string()),
        Just("j&#64;x.io".to_string()),
        Just("+44 20 7946 0958".to_string()),
        Just("(415) 555-0132".to_string()),
        Just("4111 1111 1111 1111".to_string()),
        Just("DE89 3704 0044 0532 0130 00".to_string()),
        Just("SSN 078-05-1123".to_string()),
        Just("NHS 401 023 2137".to_string()),
        Just("192.168.1.20".to_string()),
        Just("2001:db8::1".to_string()),
        Just("00:1A:2B:3C:4D:5E".to_string()),
        Just("https://example.org/a?b=c".to_string()),
        Just("DOB 03/14/1985".to_string()),
        Just("MRN 12345678".to_string()),
        Just("AKIAIOSFODNN7RANDOM1".to_string()),
        Just("password = \"Summer!123x\"".to_string()),
        Just("４１１１".to_string()),
        // the word-boundary, locale and format paths
        Just("携帯は090-3481-7726です".to_string()),
        Just("010-3184-7726로".to_string()),
        Just("+7 (495) 318-44-72 доб. 214".to_string()),
        Just("(351) 918 100 339".to_string()),
        Just("30/004 4609".to_string()),
        Just("1979. március 4-én".to_string()),
        Just("1973. 10. 27.".to_string()),
        Just("ngày 8 tháng 4 năm 2025".to_string()),
        Just("5 มีนาคม 2528".to_string()),
        Just("4月18日の14:30".to_string()),
        Just("[04/03/2025 09:14] Ngozi".to_string()),
        Just("Date: Mon, 3 Mar 2025 at 16:42".to_string()),
        Just("kind: Secret\ndata:\n  K: cG9zdGdyZXM6Ly8xMjM0NTY3OA==".to_string()),
        Just("WIFI:T:WPA;S:x;P:Kahvi-Pulla-2025;;".to_string()),
        Just("Medicare 3147 21039 4".to_string()),
        Just("ie07 bofi 9057 5007 1665 90".to_string()),
        Just("https://b.s3.amazonaws.com/a?X-Amz-Signature=77865ecaa9a3266706cc".to_string()),
        Just("lösenord Midsommar#Äng25".to_string()),
        Just("support собака mebel-dom точка ru".to_string()),
        // values right after or before other scripts, labels and list joins
        Just("カルテ番号: 0312345678".to_string()),
        Just("Телефон:".to_string()),
        Just("pań".to_string()),
        Just("| T: 6718819470".to_string()),
        Just("member id W735839359 and my wife's is".to_string()),
        Just("Routing and account: 056107096 /".to_string()),
        Just("— that's the passport number".to_string()),
        Just("\\n".to_string()),
        Just("Server=tcp:db,1433;Database=x;User Id=u;Password=Pylon9018wB2;".to_string()),
        Just("ü".repeat(300)),
        Just("\u{200B}".to_string()),
        Just("é".to_string()),
        Just("%40".to_string()),
        Just(",".to_string()),
        Just("\n".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ]
}

fn pii_text() -> impl Strategy<Value = String> {
    // Fragments glued, spaced or on their own lines: the code that looks around a
    // value meets every kind of neighbour.
    let separator = prop_oneof![Just(" "), Just(""), Just(": "), Just("\n"), Just(", ")];
    prop::collection::vec((fragment(), separator), 0..12)
        .prop_map(|v| v.into_iter().map(|(f, sep)| f + sep).collect())
}

fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let findings = engine().scan(text);
    let mut last_end = 0;
    for f in &findings {
        prop_assert!(f.start < f.end && f.end <= text.len(), "span out of bounds");
        prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        prop_assert!(f.start >= last_end, "findings overlap or are unsorted");
        prop_assert!((0.0..=1.0).contains(&f.score));
        last_end = f.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_are_in_bounds_sorted_and_disjoint(text in pii_text()) {
        check_invariants(&text)?;
    }

    #[test]
    fn arbitrary_text_never_breaks_invariants(text in "\\PC{0,200}") {
        check_invariants(&text)?;
    }

    #[test]
    fn redaction_is_idempotent(text in pii_text()) {
        let scan = |t: &str| Ok::<_, std::convert::Infallible>(engine().scan(t));
        for op in [Operator::Replace, Operator::Mask] {
            let Ok(once) = redact_until_stable(&text, scan, op, None);
            let Ok(twice) = redact_until_stable(&once, scan, op, None);
            prop_assert_eq!(&once, &twice);
        }
    }

    #[test]
    fn settled_findings_leave_nothing_to_find(text in pii_text()) {
        let first = engine().scan(&text);
        let settled = settle(&text, first.clone(), |v| engine().scan(v));
        let mut last_end = 0;
        for f in &settled {
            prop_assert!(f.start < f.end && f.end <= text.len(), "span out of bounds");
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            prop_assert!(f.start >= last_end, "findings overlap or are unsorted");
            last_end = f.end;
        }
        for f in &first {
            prop_assert!(
                settled.iter().any(|s| s.start <= f.start && f.end <= s.end),
                "a first-pass finding was lost"
            );
        }
        // Redacted with the settled findings, the text holds nothing more to find.
        let redacted = apply(&text, &settled, Operator::Replace, None);
        let left = engine().scan(&redacted);
        prop_assert!(left.is_empty(), "{redacted:?}: {left:?}");
    }

    #[test]
    fn placeholders_are_never_detected_again(text in pii_text()) {
        // One pass: what a second scan finds may be new (a cue came into reach),
        // but never the placeholder of a value already redacted.
        let once = apply(&text, &engine().scan(&text), Operator::Replace, None);
        for f in engine().scan(&once) {
            let found = &once[f.start..f.end];
            prop_assert!(!found.starts_with('<') || !found.ends_with('>'), "{found}");
        }
    }

    #[test]
    fn normalization_maps_back_inside_the_original(text in pii_text()) {
        let n = Normalized::new(&text);
        let norm = n.as_str();
        let mut i = 0;
        while i < norm.len() {
            let c = norm[i..].chars().next().unwrap();
            let (s, e) = n.to_original(i, i + c.len_utf8());
            prop_assert!(s < e && e <= text.len());
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            i += c.len_utf8();
        }
    }
}
