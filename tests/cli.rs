//! End-to-end tests of the offline commands: `scrim scan` and `scrim redact` as a
//! user runs them, through the real binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn scrim(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scrim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("scrim starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("scrim finishes")
}

const TEXT: &str = "Call Jo at +44 20 7946 0958 or mail jo.bloggs@example.org; SSN 078-05-1123.";

#[test]
fn scan_prints_findings_without_values() {
    let out = scrim(&["scan", "-"], TEXT.as_bytes());
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let labels: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["label"].as_str().unwrap())
        .collect();
    // "Jo" is a name: the model finds it by default.
    assert_eq!(
        labels,
        ["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "US_SSN"]
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        !stdout.contains("jo.bloggs"),
        "values are not printed by default"
    );
    assert_eq!(v["offsets"], "utf8");
}

#[test]
fn scan_show_values_and_char_offsets() {
    let text = "Zoë: zoe@example.org";
    let out = scrim(
        &[
            "scan",
            "--no-ner",
            "--show-values",
            "--offsets",
            "chars",
            "-",
        ],
        text.as_bytes(),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["text"], "zoe@example.org");
    assert_eq!(f["start"], 5, "code-point offset, not the byte offset 6");
}

#[test]
fn scan_jsonl_is_the_evaluation_contract() {
    let input = "{\"id\":\"a\",\"text\":\"mail jo@example.org\",\"spans\":[]}\n\n{\"id\":7,\"text\":\"nothing here\"}\n";
    let out = scrim(&["scan", "--jsonl", "-"], input.as_bytes());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["offsets"], "utf8");
    assert_eq!(lines[0]["spans"][0]["start"], 5);
    assert_eq!(lines[0]["spans"][0]["end"], 19);
    assert_eq!(lines[0]["spans"][0]["label"], "EMAIL_ADDRESS");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["spans"].as_array().unwrap().len(), 0);
}

#[test]
fn malformed_jsonl_names_the_line_and_keeps_the_rest() {
    let input = "{\"id\":1,\"text\":\"a@b.co\"}\n{\"id\":2,\"text\": 5}\nnot json at all\n{\"id\":4,\"text\":\"ok\"}\n";
    let out = scrim(&["scan", "--jsonl", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("<stdin>:2:"), "{err}");
    assert!(err.contains("<stdin>:3:"), "{err}");
    assert!(
        !err.contains("not json at all"),
        "errors never echo input: {err}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2, "good lines are still scanned");
}

#[test]
fn invalid_utf8_is_a_clear_error() {
    let out = scrim(&["scan", "-"], b"line one\nbad \xff byte");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("<stdin>:2:5: invalid UTF-8"), "{err}");
}

#[test]
fn unreadable_file_is_a_clear_error() {
    let out = scrim(&["scan", "/nonexistent/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cannot read /nonexistent/file.txt"), "{err}");
}

#[test]
fn redact_operators() {
    let out = scrim(&["redact", "-"], TEXT.as_bytes());
    let s = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        s,
        "Call <PERSON> at <PHONE_NUMBER> or mail <EMAIL_ADDRESS>; SSN <US_SSN>."
    );
    let out = scrim(&["redact", "--no-ner", "-"], TEXT.as_bytes());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Call Jo at <PHONE_NUMBER> or mail <EMAIL_ADDRESS>; SSN <US_SSN>.",
        "patterns only"
    );
    let out = scrim(&["redact", "--operator", "mask", "-"], b"SSN 078-05-1123.");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "SSN ***********.");
}

#[test]
fn redact_hash_is_keyed_and_consistent() {
    let dir = std::env::temp_dir().join(format!("scrim-cli-test-{}", std::process::id()));
    let key = dir.join("k.key");
    let key_arg = key.to_str().unwrap();
    let text = b"a@example.org and a@example.org and b@example.org";
    let out = scrim(
        &["redact", "--operator", "hash", "--key-file", key_arg, "-"],
        text,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8(out.stdout).unwrap();
    let tokens: Vec<&str> = s.split(" and ").collect();
    assert_eq!(tokens[0], tokens[1]);
    assert_ne!(tokens[0], tokens[2]);
    assert!(tokens[0].starts_with("<EMAIL_ADDRESS:"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Same key file, same tokens; the key is reused, not regenerated.
    let again = scrim(
        &["redact", "--operator", "hash", "--key-file", key_arg, "-"],
        text,
    );
    assert_eq!(String::from_utf8(again.stdout).unwrap(), s);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn missing_model_fails_unless_no_ner() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_scrim"))
            .args(args)
            .env("SCRIM_MODEL_DIR", "/nonexistent/model")
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let out = run(&["scan", "/dev/null"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("NER model unavailable") && err.contains("bash scripts/setup.sh"),
        "{err}"
    );
    assert!(run(&["scan", "--no-ner", "/dev/null"]).status.success());
}

#[test]
fn redact_jsonl() {
    let input = "{\"id\":\"x\",\"text\":\"ip 203.0.113.9 now\"}\n";
    let out = scrim(&["redact", "--jsonl", "-"], input.as_bytes());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["text"], "ip <IP_ADDRESS> now");
}
