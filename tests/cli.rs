//! End-to-end tests of the offline commands: `scrim scan`, `scrim redact` and
//! `scrim policy check | test | explain` as a user runs them, through the real
//! binary (with the NER model from `bash scripts/setup.sh`, as by default).

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

/// Run scrim with the model directory pointing nowhere.
fn without_model(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scrim"))
        .args(args)
        .env("SCRIM_MODEL_DIR", "/nonexistent/model")
        .stdin(Stdio::null())
        .output()
        .expect("scrim runs")
}

#[test]
fn missing_model_fails_unless_no_ner() {
    let run = without_model;
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

// ---- scrim policy check | test | explain -------------------------------------------

fn policies(name: &str) -> String {
    format!("{}/policies/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("scrim prints UTF-8")
}

/// The standard output of a run that must succeed.
fn success(out: Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// A directory of its own for a test's policy files.
fn policy_dir(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("scrim-cli-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    dir
}

/// Shape errors (an unknown key), misspelt names (a label) and a missing
/// `extends` target, all in one file; the test input is a value errors never echo.
const BROKEN: &str = r#"[policy]
name = "broken"
version = "1"
extends = ["bse"]

[[rule]]
id = "a"
labels = ["US_SSN"]
actoin = "block"
action = "block"

[[rule]]
id = "b"
labels = ["EMAL_ADDRESS"]
action = "redact"

[[test]]
name = "n"
input = "mail jane.roe@example.org"
expect = "redact"
"#;

#[test]
fn policy_check_passes_the_shipped_policies() {
    let files: Vec<String> = [
        "base.toml",
        "gdpr.toml",
        "hipaa.toml",
        "pci-dss.toml",
        "secrets.toml",
        "default.toml",
    ]
    .iter()
    .map(|n| policies(n))
    .collect();
    let mut args = vec!["policy", "check"];
    args.extend(files.iter().map(String::as_str));
    let stdout = success(scrim(&args, b""));
    assert_eq!(stdout.lines().count(), files.len(), "{stdout}");
    for (line, file) in stdout.lines().zip(&files) {
        assert!(line.starts_with(&format!("{file}: ok (")), "{line}");
    }
}

#[test]
fn policy_check_lists_every_error_and_fails() {
    let dir = policy_dir("check");
    let broken = dir.join("broken.toml");
    std::fs::write(&broken, BROKEN).unwrap();
    let broken = broken.to_str().unwrap();
    let good = policies("base.toml");
    let out = scrim(&["policy", "check", &good, broken], b"");
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with(&format!("{good}: ok (")), "{stdout}");
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!("error: {broken}:4:12: `extends` names `bse`, but {}/bse.toml cannot be read: No such file or directory (os error 2) (did you mean `base`?)", dir.display()).as_str(),
            format!("error: {broken}:9:1: unknown key `actoin` in `rule[1]`, expected one of `action`, `categories`, `client`, `comment`, `destination`, `id`, `labels`, `min_score`, `model`, `network`, `operator`, `path`, `provider`, `route` (did you mean `action`?)").as_str(),
            format!("error: {broken}:14:11: unknown label `EMAL_ADDRESS`, expected a label of the taxonomy (shared/eval/TAXONOMY.md) (did you mean `EMAIL_ADDRESS`?)").as_str(),
            "1 of 2 file(s) have errors",
        ],
        "{stderr}"
    );
    assert!(!stderr.contains("jane.roe"), "errors never echo test input");
    std::fs::remove_dir_all(&dir).ok();
}

/// The closing `N passed, N failed` line of `scrim policy test`.
fn summary(stdout: &str) -> (usize, usize) {
    let last = stdout.lines().last().unwrap_or("");
    let (p, f) = last
        .strip_suffix(" failed")
        .and_then(|l| l.split_once(" passed, "))
        .unwrap_or_else(|| panic!("no summary line: {stdout}"));
    let count = |n: &str| n.parse().expect("a count in the summary line");
    (count(p), count(f))
}

#[test]
fn policy_test_runs_the_cases_with_the_model() {
    let hipaa = policies("hipaa.toml");
    let cases = std::fs::read_to_string(&hipaa)
        .unwrap()
        .matches("[[test]]")
        .count();
    let out = scrim(&["policy", "test", &hipaa], b"");
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert_eq!(summary(&stdout), (cases, 0), "{stdout}");
    // hipaa.toml's cases for names and addresses in text need the model: without
    // it they fail, which is what running them with it is for.
    let out = scrim(&["policy", "test", "--no-ner", &hipaa], b"");
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    let (passed, failed) = summary(&stdout);
    assert!(failed >= 3 && passed + failed == cases, "{stdout}");
    assert!(stdout.contains("FAIL "), "{stdout}");
    assert!(stdout.contains("(A) names in text"), "{stdout}");
}

#[test]
fn policy_test_fails_on_a_failing_case_and_on_a_broken_file() {
    let dir = policy_dir("test");
    let file = dir.join("cases.toml");
    std::fs::write(
        &file,
        r#"[policy]
name = "cases"
version = "1"
extends = ["base"]

[[test]]
name = "an e-mail is replaced"
input = "mail jo@example.org"
expect = "redact"
output = "mail <EMAIL_ADDRESS>"

[[test]]
name = "wrongly expected to pass unchanged"
input = "mail jo@example.org"
expect = "allow"
"#,
    )
    .unwrap();
    let broken = dir.join("broken.toml");
    std::fs::write(&broken, BROKEN).unwrap();
    let file = file.to_str().unwrap();
    let out = scrim(&["policy", "test", file], b"");
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert_eq!(summary(&stdout), (1, 1), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "FAIL {file}:13:8 wrongly expected to pass unchanged"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("decision: expected allow, got redact"),
        "{stdout}"
    );
    // A file that does not compile: its errors, and a non-zero exit.
    let out = scrim(&["policy", "test", broken.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(summary(&text(&out.stdout)), (0, 0));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.matches("error: ").count(), 3, "{stderr}");
    assert!(
        stderr.contains("1 file(s) could not be compiled"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

const PATIENT: &str = "Patient John Smith, SSN 536-22-1234, mail jsmith@example.org.";

#[test]
fn policy_explain_names_each_finding_its_rule_and_the_decision() {
    let hipaa = policies("hipaa.toml");
    let stdout = success(scrim(
        &["policy", "explain", "--policy", &hipaa, PATIENT],
        b"",
    ));
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("policy hipaa 2025.1 (sha256 "),
        "{stdout}"
    );
    assert_eq!(lines[1], "request to api.openai.com/v1/chat/completions");
    assert_eq!(lines[2], "detection: patterns + NER model");
    // Each finding, then the rule that decided it (with where it is written).
    let findings: Vec<(&str, &str)> = lines
        .iter()
        .zip(lines.iter().skip(1))
        .filter(|(l, _)| l.starts_with('#'))
        .map(|(f, d)| (*f, *d))
        .collect();
    let want = [
        ("PERSON", "redact (replace) by rule `hipaa.A-names`"),
        ("US_SSN", "redact (replace) by rule `hipaa.G-ssn`"),
        ("EMAIL_ADDRESS", "redact (replace) by rule `hipaa.F-email`"),
    ];
    assert_eq!(findings.len(), want.len(), "{stdout}");
    for ((finding, decided), (label, rule)) in findings.iter().zip(want) {
        assert!(finding.contains(&format!(" {label} [")), "{finding}");
        assert!(
            decided.starts_with(&format!("     → {rule} [{hipaa}:")),
            "{decided}"
        );
    }
    assert!(lines.contains(&"decision: redact"), "{stdout}");
    assert!(
        lines.contains(&"output: Patient <PERSON>, SSN <US_SSN>, mail <EMAIL_ADDRESS>."),
        "{stdout}"
    );
    for value in ["John", "Smith", "536-22-1234", "jsmith"] {
        assert!(
            !stdout.contains(value),
            "no raw values by default: {stdout}"
        );
    }
    // --show-values: the values are printed, on request only.
    let stdout = success(scrim(
        &[
            "policy",
            "explain",
            "--show-values",
            "--policy",
            &hipaa,
            "-",
        ],
        PATIENT.as_bytes(),
    ));
    assert!(stdout.contains("\"John Smith\""), "{stdout}");
    assert!(stdout.contains("\"536-22-1234\""), "{stdout}");
}

#[test]
fn policy_explain_block_and_destination() {
    // The default policy: a card's CVV blocks wherever the request goes.
    let stdout = success(scrim(
        &[
            "policy",
            "explain",
            "--destination",
            "api.anthropic.com",
            "--path",
            "/v1/messages",
            "Card 4111 1111 1111 1111 CVV 123",
        ],
        b"",
    ));
    assert!(
        stdout.contains("request to api.anthropic.com/v1/messages"),
        "{stdout}"
    );
    assert!(
        stdout.contains("→ block by rule `pci.sensitive-authentication-data`"),
        "{stdout}"
    );
    assert!(stdout.contains("\ndecision: block\n"), "{stdout}");
    assert!(
        !stdout.contains("output:"),
        "a blocked request has no output: {stdout}"
    );
    assert!(!stdout.contains("4111"), "{stdout}");
}

#[test]
fn policy_explain_without_the_model_misses_names() {
    let hipaa = policies("hipaa.toml");
    let stdout = success(scrim(
        &["policy", "explain", "--no-ner", "--policy", &hipaa, PATIENT],
        b"",
    ));
    assert!(
        stdout.contains("detection: patterns only (--no-ner)"),
        "{stdout}"
    );
    assert!(!stdout.contains(" PERSON ["), "{stdout}");
    assert!(
        stdout.contains("output: Patient John Smith, SSN <US_SSN>, mail <EMAIL_ADDRESS>."),
        "{stdout}"
    );
}

#[test]
fn policy_explain_and_test_need_the_model_unless_no_ner() {
    let hipaa = policies("hipaa.toml");
    let run = without_model;
    for args in [
        vec!["policy", "explain", "--policy", &hipaa, "text"],
        vec!["policy", "test", &hipaa],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.contains("NER model unavailable") && err.contains("bash scripts/setup.sh"),
            "{args:?}: {err}"
        );
    }
    let out = run(&["policy", "explain", "--no-ner", "--policy", &hipaa, "text"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}
