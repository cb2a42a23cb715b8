//! The `scrim run` binary as a child process, configured against test fakes.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Stdio;

use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::{Child, ChildStdout};

use super::{test_policy, FakeApi, TestCa};

/// A config file for `scrim run`: free ports, data under `dir/data`, the test
/// policy (local backend at `backend_url`), gateway and interception pointed at
/// the fake `upstream` (trusted through the test CA).
pub fn write_config(dir: &Path, upstream: &FakeApi, ca: &TestCa, backend_url: &str) -> PathBuf {
    let policy = dir.join("policy.toml");
    std::fs::write(&policy, test_policy("1", backend_url)).unwrap();
    let base = format!("https://localhost:{}", upstream.addr.port());
    let config = dir.join("scrim.toml");
    std::fs::write(
        &config,
        format!(
            r#"[proxy]
listen = "127.0.0.1:0"
admin_listen = "127.0.0.1:0"
data_dir = "{data}"
policies = ["{policy}"]
intercept = ["localhost"]
upstream_ca = ["{ca}"]

[gateway]
openai = "{base}"
anthropic = "{base}"
gemini = "{base}"
"#,
            data = dir.join("data").display(),
            policy = policy.display(),
            ca = ca.ca_pem_path.display(),
        ),
    )
    .unwrap();
    config
}

/// A running `scrim run`, past its start-up banner.
pub struct ScrimProcess {
    pub child: Child,
    pub stdout: Lines<BufReader<ChildStdout>>,
    /// Everything it printed so far.
    pub printed: String,
    /// `http://127.0.0.1:PORT`.
    pub proxy: String,
    /// The client CA bundle it printed (`SSL_CERT_FILE`).
    pub ca_file: String,
}

impl ScrimProcess {
    /// Start `scrim run --config CONFIG` with `RUST_LOG=rust_log` and wait for
    /// its banner (up to a minute: the model loads first).
    pub async fn start(config: &Path, rust_log: &str) -> ScrimProcess {
        let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_scrim"))
            .args(["run", "--config"])
            .arg(config)
            .env("RUST_LOG", rust_log)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut printed = String::new();
        let mut proxy = None;
        let mut ca_file = None;
        while let Some(line) =
            tokio::time::timeout(std::time::Duration::from_secs(60), stdout.next_line())
                .await
                .unwrap()
                .unwrap()
        {
            printed.push_str(&line);
            printed.push('\n');
            if let Some(rest) = line.trim().strip_prefix("proxy") {
                proxy = rest.split_whitespace().next().map(str::to_string);
            }
            if let Some(rest) = line.trim().strip_prefix("export SSL_CERT_FILE=") {
                ca_file = Some(rest.to_string());
            }
            if line.contains("backend `local`") {
                break;
            }
        }
        let proxy = proxy.unwrap_or_else(|| panic!("no proxy address in: {printed}"));
        let ca_file = ca_file.unwrap_or_else(|| panic!("no SSL_CERT_FILE in: {printed}"));
        ScrimProcess {
            child,
            stdout,
            printed,
            proxy,
            ca_file,
        }
    }

    /// Read its stderr in the background; the returned buffer grows as it logs.
    pub fn collect_stderr(&mut self) -> std::sync::Arc<std::sync::Mutex<String>> {
        let buffer = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let mut lines = BufReader::new(self.child.stderr.take().unwrap()).lines();
        let sink = std::sync::Arc::clone(&buffer);
        tokio::spawn(async move {
            while let Ok(Some(line)) = lines.next_line().await {
                let mut b = sink.lock().unwrap();
                b.push_str(&line);
                b.push('\n');
            }
        });
        buffer
    }

    /// Send a signal (`TERM`, `KILL`, `HUP`) to the process.
    pub fn signal(&self, name: &str) {
        let pid = self.child.id().unwrap();
        let status = std::process::Command::new("kill")
            .args([format!("-{name}"), pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

/// Run `scrim ARGS…` to completion; (exit code, stdout, stderr).
pub fn scrim(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_scrim"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
