//! `scrim policy check | test | explain | schema`: the privacy officer's tools.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use super::detection::{ner_model, CACHE_ENTRIES};
use super::input::{self, display_name};
use crate::policy::testcase::test_key;
use crate::policy::{self, run_tests, CompiledPolicy, FlowFacts, PolicyErrors};

/// Policy commands.
#[derive(Debug, clap::Subcommand)]
pub enum PolicyCommand {
    /// Compile policy files and print every error; exit 1 if any file has one.
    Check {
        /// Policy files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Run the `[[test]]` cases embedded in policy files; print `N passed, N failed`.
    /// Cases run through the same detection as the proxy: patterns, the policy's
    /// recognizers and the NER model.
    Test {
        /// Policy files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Pattern detectors only (no NER model): cases about names, places and
        /// organizations then fail as the proxy with `--no-ner` would.
        #[arg(long)]
        no_ner: bool,
    },
    /// Show each finding in a text, the rule that decided it, and the decision.
    Explain(ExplainArgs),
    /// Print the JSON Schema of policy files.
    Schema,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// Policy file (default: the built-in default policy).
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Destination host of the imagined request.
    #[arg(long, default_value = "api.openai.com")]
    pub destination: String,
    /// API path of the imagined request.
    #[arg(long, default_value = "/v1/chat/completions")]
    pub path: String,
    /// Provider (`openai`, `anthropic`, …).
    #[arg(long)]
    pub provider: Option<String>,
    /// Requested model.
    #[arg(long)]
    pub model: Option<String>,
    /// Client identity.
    #[arg(long)]
    pub client: Option<String>,
    /// Client IP address.
    #[arg(long)]
    pub client_ip: Option<std::net::IpAddr>,
    /// Print each finding's value too (off by default).
    #[arg(long)]
    pub show_values: bool,
    /// Pattern detectors only (no NER model), as the proxy runs with `--no-ner`.
    /// By default the NER model runs, as in the proxy, so that the explanation
    /// covers names, places and organizations.
    #[arg(long)]
    pub no_ner: bool,
    /// The text, or `-` (default) to read standard input.
    #[arg(default_value = "-")]
    pub text: String,
}

pub fn run(cmd: &PolicyCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        PolicyCommand::Check { files } => check(files),
        PolicyCommand::Test { files, no_ner } => test(files, *no_ner),
        PolicyCommand::Explain(args) => explain(args),
        PolicyCommand::Schema => {
            print!("{}", policy::schema::schema_json());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_errors(errors: &PolicyErrors) {
    for e in errors.errors() {
        eprintln!("error: {e}");
    }
}

fn check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut failed = 0usize;
    for f in files {
        match policy::load(f) {
            Ok(p) => println!(
                "{}: ok ({} {}, {} rules, {} recognizers, {} tests, sha256 {})",
                f.display(),
                p.name(),
                p.version(),
                p.rules().len(),
                p.recognizers().len(),
                p.tests().len(),
                &p.content_hash()[..12]
            ),
            Err(e) => {
                failed += 1;
                print_errors(&e);
            }
        }
    }
    if failed > 0 {
        eprintln!("{failed} of {} file(s) have errors", files.len());
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn test(files: &[PathBuf], no_ner: bool) -> anyhow::Result<ExitCode> {
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut broken = 0usize;
    // Loaded once: every file's pipeline shares it.
    let ner = ner_model(no_ner)?;
    if ner.is_none() {
        eprintln!("note: without the NER model (--no-ner): cases about names, places and organizations may fail");
    }
    for f in files {
        let p = match policy::load(f) {
            Ok(p) => p,
            Err(e) => {
                print_errors(&e);
                broken += 1;
                continue;
            }
        };
        let pipeline = p
            .pipeline(ner.clone(), CACHE_ENTRIES)
            .context("cannot build the detectors")?;
        for outcome in run_tests(&p, &pipeline) {
            if outcome.passed() {
                passed += 1;
                continue;
            }
            failed += 1;
            println!("FAIL {} {}", outcome.case.location, outcome.case.name);
            for line in &outcome.failures {
                println!("    {line}");
            }
        }
    }
    if broken > 0 {
        eprintln!("{broken} file(s) could not be compiled");
    }
    println!("{passed} passed, {failed} failed");
    Ok(if failed > 0 || broken > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn load_policy(path: Option<&Path>) -> anyhow::Result<CompiledPolicy> {
    let result = match path {
        Some(p) => policy::load(p),
        None => policy::default_policy(),
    };
    result.map_err(|e| {
        print_errors(&e);
        anyhow::anyhow!("the policy has {} error(s)", e.len())
    })
}

fn explain(args: &ExplainArgs) -> anyhow::Result<ExitCode> {
    let p = load_policy(args.policy.as_deref())?;
    let pipeline = p
        .pipeline(ner_model(args.no_ner)?, CACHE_ENTRIES)
        .context("cannot build the detectors")?;
    let text = if args.text == "-" {
        let path = PathBuf::from("-");
        let bytes = input::read_bytes(&path)?;
        input::utf8(&display_name(&path), &bytes)?.to_string()
    } else {
        args.text.clone()
    };
    let flow = FlowFacts {
        destination_host: args.destination.clone(),
        path: args.path.clone(),
        provider: args.provider.clone(),
        model: args.model.clone(),
        client_id: args.client.clone(),
        client_ip: args.client_ip,
    };
    let key = test_key();
    let out =
        policy::run_text(&p, &pipeline, &text, &flow, key.as_ref()).context("detection failed")?;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    writeln!(
        w,
        "policy {} {} (sha256 {})",
        p.name(),
        p.version(),
        &p.content_hash()[..12]
    )?;
    writeln!(w, "request to {}{}", flow.destination_host, flow.path)?;
    writeln!(
        w,
        "detection: {}",
        if pipeline.has_ner() {
            "patterns + NER model"
        } else {
            "patterns only (--no-ner)"
        }
    )?;
    let value = |f: &crate::detect::Finding| {
        if args.show_values {
            format!(" {:?}", text.get(f.start..f.end).unwrap_or(""))
        } else {
            String::new()
        }
    };
    if out.findings.is_empty() && out.allowed.is_empty() {
        writeln!(w, "no findings")?;
    }
    for (i, (f, v)) in out.findings.iter().zip(&out.decision.verdicts).enumerate() {
        let decided = match &v.rule_id {
            Some(id) => {
                let op = v.operator.map(|o| format!(" ({o})")).unwrap_or_default();
                let route = match (v.action, p.rule(id).and_then(|r| r.route())) {
                    (policy::Action::Route, Some(b)) => format!(" → backend `{b}`"),
                    _ => String::new(),
                };
                let at = p
                    .rule(id)
                    .map(|r| format!(" [{}]", r.location()))
                    .unwrap_or_default();
                format!("{}{op}{route} by rule `{id}`{at}", v.action)
            }
            None => "ignored: under every candidate rule's min_score".to_string(),
        };
        writeln!(
            w,
            "#{:<2} {} [{}..{}) score {:.2} by {}{}\n     → {decided}",
            i + 1,
            f.label,
            f.start,
            f.end,
            f.score,
            f.detector,
            value(f),
        )?;
    }
    for f in &out.allowed {
        writeln!(
            w,
            "--  {} [{}..{}) by {}{}\n     → allow-listed value (not evaluated)",
            f.label,
            f.start,
            f.end,
            f.detector,
            value(f)
        )?;
    }
    let d = &out.decision;
    writeln!(w, "decision: {}", d.action)?;
    if let Some(r) = &d.route {
        writeln!(w, "route: {r}")?;
    }
    writeln!(w, "reason: {}", d.reason)?;
    if d.action == policy::Action::Redact || d.action == policy::Action::Route {
        writeln!(w, "output: {}", out.output)?;
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}
