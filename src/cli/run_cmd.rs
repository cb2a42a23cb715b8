//! `scrim run`: start the proxy with the embedded default configuration (or a
//! file), print what a client needs (CA path, environment), report whether the
//! policy's local backends answer, and serve until Ctrl-C / SIGTERM.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::config::{Config, UnknownHosts};

/// Flags of `scrim run`; each mirrors a `scrim.toml` setting.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Configuration file (default: the embedded default).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Proxy address (`proxy.listen`).
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<SocketAddr>,
    /// Admin API address (`proxy.admin_listen`).
    #[arg(long, value_name = "ADDR")]
    pub admin_listen: Option<SocketAddr>,
    /// Data directory: CA, audit log, keys (`proxy.data_dir`).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Policy file; repeat to combine several (`proxy.policies`).
    #[arg(long = "policy", value_name = "FILE")]
    pub policies: Vec<PathBuf>,
    /// Intercept this host too (glob, e.g. `*.example.com`); repeatable.
    #[arg(long = "intercept", value_name = "HOST")]
    pub intercept: Vec<String>,
    /// Trust this CA (PEM) for upstream TLS as well, e.g. a corporate CA; repeatable.
    #[arg(long = "upstream-ca", value_name = "FILE")]
    pub upstream_ca: Vec<PathBuf>,
    /// What to do with CONNECT to hosts not intercepted.
    #[arg(long, value_enum, value_name = "MODE")]
    pub unknown_hosts: Option<UnknownHostsArg>,
    /// Run without the NER model (patterns only).
    #[arg(long)]
    pub no_ner: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UnknownHostsArg {
    /// Pass through untouched (audited).
    Tunnel,
    /// Refuse (audited).
    Deny,
}

/// The configuration file `file`, or the embedded default: what `scrim run`
/// starts from, and what the audit commands read the data directory and
/// `[audit]` settings from.
pub fn load_config(file: Option<&Path>) -> anyhow::Result<Config> {
    Ok(match file {
        Some(p) => Config::load(p)?,
        None => Config::embedded()?,
    })
}

/// Configuration from the file (or the embedded default) with the flags applied.
pub fn config(args: &RunArgs) -> anyhow::Result<Config> {
    let mut c = load_config(args.config.as_deref())?;
    if let Some(a) = args.listen {
        c.listen = a;
    }
    if let Some(a) = args.admin_listen {
        c.admin_listen = a;
    }
    if let Some(d) = &args.data_dir {
        c.data_dir = d.clone();
    }
    if !args.policies.is_empty() {
        c.policies = args.policies.clone();
    }
    c.intercept.extend(args.intercept.iter().cloned());
    c.upstream_ca.extend(args.upstream_ca.iter().cloned());
    if let Some(u) = args.unknown_hosts {
        c.unknown_hosts = match u {
            UnknownHostsArg::Tunnel => UnknownHosts::Tunnel,
            UnknownHostsArg::Deny => UnknownHosts::Deny,
        };
    }
    if args.no_ner {
        c.ner.enabled = false;
    }
    Ok(c)
}

pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let config = config(args)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let running = crate::proxy::start(config).await.context("scrim could not start")?;
        let shared = &running.shared;
        let ca_path = shared.ca.cert_path().to_path_buf();
        let bundle = write_client_bundle(&shared.config.data_dir, &shared.ca.cert_pem());
        let proxy = format!("http://{}", running.proxy_addr);
        let policy = shared.active.load().policy.clone();
        println!("scrim is running.");
        println!("  proxy      {proxy}   (HTTPS_PROXY, or base URLs {proxy}/openai/v1, {proxy}/anthropic, {proxy}/gemini)");
        println!("  admin API  http://{}   (/healthz /readyz /metrics /audit/query)", running.admin_addr);
        println!("  policy     {} {} ({} rules)", policy.name(), policy.version(), policy.rules().len());
        println!(
            "  detection  patterns{}",
            if shared.ner.is_some() { " + NER model" } else { " only (--no-ner)" }
        );
        println!("  data       {}", shared.config.data_dir.display());
        println!("  CA cert    {}  (sha256 {})", ca_path.display(), shared.ca.fingerprint_sha256());
        println!();
        println!("Point clients at it:");
        println!("  export HTTPS_PROXY={proxy}");
        match &bundle {
            Some(b) => {
                println!("  export SSL_CERT_FILE={}", b.display());
                println!("  export REQUESTS_CA_BUNDLE={}", b.display());
            }
            None => {
                println!("  export SSL_CERT_FILE={}", ca_path.display());
                println!("  export REQUESTS_CA_BUNDLE={}", ca_path.display());
            }
        }
        println!("  export NODE_EXTRA_CA_CERTS={}", ca_path.display());
        println!("  # or, without a CA: export OPENAI_BASE_URL={proxy}/openai/v1 ANTHROPIC_BASE_URL={proxy}/anthropic");
        report_backends(&running.shared, &policy).await;
        wait_for_signal().await;
        println!("scrim: stopping");
        running.stop().await;
        anyhow::Ok(ExitCode::SUCCESS)
    })
}

/// System roots + scrim's CA in one PEM file, for clients (Python's `requests`,
/// OpenSSL) whose CA setting replaces rather than extends the system bundle —
/// so hosts scrim only tunnels still verify.
fn write_client_bundle(data_dir: &std::path::Path, ca_pem: &str) -> Option<PathBuf> {
    let system = [
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/ssl/cert.pem",
    ]
    .iter()
    .find_map(|p| std::fs::read_to_string(p).ok())?;
    let path = data_dir.join("ca").join("client-bundle.pem");
    std::fs::write(&path, format!("{system}\n# scrim local CA\n{ca_pem}")).ok()?;
    Some(path)
}

/// Say whether each local backend of the policy answers (route rules need it):
/// `GET {base_url}/models`, the OpenAI-compatible listing every engine serves.
async fn report_backends(shared: &crate::proxy::Shared, policy: &crate::policy::CompiledPolicy) {
    for (name, backend) in policy.backends() {
        let url = format!("{}/models", backend.base_url.trim_end_matches('/'));
        let request = http::Request::get(&url).body(crate::proxy::body::empty());
        let answer = match request {
            Ok(req) => {
                tokio::time::timeout(std::time::Duration::from_secs(2), shared.upstream.send(req))
                    .await
                    .ok()
                    .and_then(Result::ok)
                    .map(|resp| resp.status())
            }
            Err(_) => None,
        };
        match answer {
            Some(status) if status.is_success() => {
                println!("  backend `{name}` at {} answers", backend.base_url);
            }
            Some(status) => println!(
                "  backend `{name}` at {} answers, but GET /models gave {status}: is it an OpenAI-compatible server?",
                backend.base_url
            ),
            None => println!(
                "  backend `{name}` at {} does not answer: requests routed to it will be blocked (start it with `bash scripts/local-llm.sh`)",
                backend.base_url
            ),
        }
    }
}

async fn wait_for_signal() {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = async { match term.as_mut() { Some(t) => { t.recv().await; } None => std::future::pending::<()>().await } } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        run: RunArgs,
    }

    fn parse(args: &[&str]) -> Config {
        let cli = Cli::try_parse_from(std::iter::once("scrim").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{e}"));
        config(&cli.run).unwrap()
    }

    #[test]
    fn flags_override_or_extend_the_configuration() {
        let defaults = parse(&[]);
        let c = parse(&[
            "--listen",
            "127.0.0.1:18080",
            "--admin-listen",
            "127.0.0.1:19090",
            "--data-dir",
            "/tmp/scrim-flags",
            "--policy",
            "a.toml",
            "--policy",
            "b.toml",
            "--intercept",
            "*.example.com",
            "--upstream-ca",
            "corp.pem",
            "--unknown-hosts",
            "deny",
            "--no-ner",
        ]);
        assert_eq!(c.listen.to_string(), "127.0.0.1:18080");
        assert_eq!(c.admin_listen.to_string(), "127.0.0.1:19090");
        assert_eq!(c.data_dir, PathBuf::from("/tmp/scrim-flags"));
        assert_eq!(
            c.policies,
            [PathBuf::from("a.toml"), PathBuf::from("b.toml")],
            "--policy replaces the file's list"
        );
        // --intercept and --upstream-ca add to the configured lists.
        assert_eq!(c.intercept.len(), defaults.intercept.len() + 1);
        assert!(c.intercept.starts_with(&defaults.intercept));
        assert_eq!(
            c.intercept.last().map(String::as_str),
            Some("*.example.com")
        );
        assert_eq!(c.upstream_ca.last(), Some(&PathBuf::from("corp.pem")));
        assert_eq!(c.unknown_hosts, UnknownHosts::Deny);
        assert!(!c.ner.enabled);
        assert!(defaults.ner.enabled);
        assert_eq!(defaults.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(defaults.admin_listen.to_string(), "127.0.0.1:9090");
    }

    #[test]
    fn a_config_file_is_read_and_flags_win() {
        let dir = std::env::temp_dir().join(format!("scrim-run-flags-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("scrim.toml");
        std::fs::write(
            &file,
            "[proxy]\nlisten = \"127.0.0.1:7000\"\nunknown_hosts = \"deny\"\n",
        )
        .unwrap();
        let path = file.to_string_lossy().into_owned();
        let c = parse(&["--config", &path]);
        assert_eq!(c.listen.to_string(), "127.0.0.1:7000");
        assert_eq!(c.unknown_hosts, UnknownHosts::Deny);
        let c = parse(&[
            "--config",
            &path,
            "--listen",
            "127.0.0.1:7001",
            "--unknown-hosts",
            "tunnel",
        ]);
        assert_eq!(c.listen.to_string(), "127.0.0.1:7001");
        assert_eq!(c.unknown_hosts, UnknownHosts::Tunnel);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
