//! Command-line interface: argument parsing and the commands. The only module that
//! prints or uses `anyhow`.

mod audit_cmd;
mod ca_cmd;
mod detection;
mod hash_password_cmd;
mod input;
mod policy_cmd;
mod redact_cmd;
mod run_cmd;
mod scan;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::redact::Operator;

/// scrim: keep personal data out of cloud LLM APIs.
#[derive(Debug, Parser)]
#[command(name = "scrim", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start the proxy (embedded default configuration unless --config).
    Run(run_cmd::RunArgs),
    /// Find PII in a text (or a JSONL file of texts) and print the findings as JSON.
    Scan(ScanArgs),
    /// Print the text with every finding redacted.
    Redact(RedactArgs),
    /// Check, test and explain policy files.
    #[command(subcommand)]
    Policy(policy_cmd::PolicyCommand),
    /// Verify, query, search, export the audit log; show its statistics and checkpoints.
    #[command(subcommand)]
    Audit(audit_cmd::AuditCommand),
    /// Create, inspect and export the local CA that intercepted TLS is signed with.
    #[command(subcommand)]
    Ca(ca_cmd::CaCommand),
    /// Read a proxy user's password from stdin; print the Argon2id hash for `proxy_users`.
    HashPassword,
}

/// Options shared by the detection commands.
#[derive(Debug, clap::Args)]
pub struct DetectArgs {
    /// Pattern detectors only (no NER model). By default the model runs too, and
    /// a missing model is an error naming `bash scripts/setup.sh`.
    #[arg(long)]
    pub no_ner: bool,
    /// Report only findings with at least this score (default: per-label minimum, 0.5).
    #[arg(long, value_name = "SCORE")]
    pub min_score: Option<f32>,
}

#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// Input file, or `-` for standard input.
    #[arg(default_value = "-")]
    pub input: PathBuf,
    /// Input is JSON Lines of `{"id", "text"}`; output is one `{"id", "spans", "offsets"}`
    /// line per input line (the evaluation contract).
    #[arg(long)]
    pub jsonl: bool,
    /// Include each finding's text in the output (off by default: scan output is
    /// often kept, and it should not become a copy of the PII).
    #[arg(long)]
    pub show_values: bool,
    /// Offsets as UTF-8 bytes (default) or Unicode code points.
    #[arg(long, value_enum, default_value_t = Offsets::Bytes)]
    pub offsets: Offsets,
    /// Worker threads for `--jsonl` (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub detect: DetectArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Offsets {
    /// UTF-8 byte offsets (what a Rust `&str` slice uses).
    Bytes,
    /// Unicode code-point offsets (what a Python `str` slice uses).
    Chars,
}

#[derive(Debug, clap::Args)]
pub struct RedactArgs {
    /// Input file, or `-` for standard input.
    #[arg(default_value = "-")]
    pub input: PathBuf,
    /// How to rewrite each value.
    #[arg(long, value_enum, default_value_t = OperatorArg::Replace)]
    pub operator: OperatorArg,
    /// Key file for `--operator hash` (created with a random key, mode 0600, if
    /// missing). Default: `$SCRIM_DATA_DIR/redact.key`, else
    /// `~/.local/share/scrim/redact.key`.
    #[arg(long, value_name = "FILE")]
    pub key_file: Option<PathBuf>,
    /// Input is JSON Lines of `{"id", "text"}`; output replaces each `text`.
    #[arg(long)]
    pub jsonl: bool,
    #[command(flatten)]
    pub detect: DetectArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OperatorArg {
    /// Replace every character with `*`.
    Mask,
    /// Replace the value with `<LABEL>`.
    Replace,
    /// Replace the value with `<LABEL:keyed-hash>`.
    Hash,
    /// Replace the value with `<LABEL_n>`, the same value always the same `n`.
    Pseudonymize,
}

impl From<OperatorArg> for Operator {
    fn from(a: OperatorArg) -> Operator {
        match a {
            OperatorArg::Mask => Operator::Mask,
            OperatorArg::Replace => Operator::Replace,
            OperatorArg::Hash => Operator::Hash,
            OperatorArg::Pseudonymize => Operator::Pseudonymize,
        }
    }
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // Log lines go to stderr; RUST_LOG picks the level (default: info). Request
    // data is never a log field (see `proxy`): only hosts, labels, rule ids.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
    let result = match cli.command {
        Command::Run(args) => run_cmd::run(&args),
        Command::Scan(args) => scan::run(&args),
        Command::Redact(args) => redact_cmd::run(&args),
        Command::Policy(cmd) => policy_cmd::run(&cmd),
        Command::Audit(cmd) => audit_cmd::run(&cmd),
        Command::Ca(cmd) => ca_cmd::run(&cmd),
        Command::HashPassword => hash_password_cmd::run(),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("scrim: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Build the detection engine for the CLI's options.
fn engine(args: &DetectArgs) -> anyhow::Result<crate::detect::Engine> {
    let mut engine = crate::detect::Engine::builtin()?;
    if let Some(min) = args.min_score {
        anyhow::ensure!(
            (0.0..=1.0).contains(&min),
            "--min-score must be between 0 and 1, got {min}"
        );
        let mut t = crate::detect::Thresholds::default();
        for &label in crate::detect::Label::ALL {
            t.set(label, min);
        }
        engine.set_thresholds(t);
    }
    Ok(engine)
}
