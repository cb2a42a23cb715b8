//! `scrim redact`: the text with every finding rewritten by an operator.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use serde_json::json;

use super::detection::pipeline;
use super::input::{self, default_threads, display_name, parallel_map};
use super::RedactArgs;
use crate::redact::{redact_until_stable, HashKey, Operator};

pub fn run(args: &RedactArgs) -> anyhow::Result<ExitCode> {
    let pipeline = pipeline(&args.detect)?;
    let operator = Operator::from(args.operator);
    let key = match operator {
        Operator::Hash => Some(load_or_create_key(&key_path(args)?)?),
        _ => None,
    };
    let name = display_name(&args.input);
    let bytes = input::read_bytes(&args.input)?;
    let text = input::utf8(&name, &bytes)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if !args.jsonl {
        let redacted = redact_until_stable(text, |t| pipeline.scan(t), operator, key.as_ref())?;
        out.write_all(redacted.as_bytes())?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
        .collect();
    let results = parallel_map(&lines, default_threads(), |&(line_no, line)| {
        let record = input::parse_record(&name, line_no, line)?;
        let redacted =
            redact_until_stable(&record.text, |t| pipeline.scan(t), operator, key.as_ref())?;
        anyhow::Ok(json!({"id": record.id, "text": redacted}))
    });
    let mut failed = 0usize;
    for r in results {
        match r {
            Ok(v) => {
                serde_json::to_writer(&mut out, &v)?;
                writeln!(out)?;
            }
            Err(e) => {
                failed += 1;
                eprintln!("scrim: error: {e:#}");
            }
        }
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("scrim: {failed} line(s) could not be redacted; their output is missing");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

fn key_path(args: &RedactArgs) -> anyhow::Result<PathBuf> {
    if let Some(p) = &args.key_file {
        return Ok(p.clone());
    }
    Ok(crate::config::default_data_dir().join("redact.key"))
}

/// Read the key, or create it (random, mode 0600) if the file does not exist.
fn load_or_create_key(path: &Path) -> anyhow::Result<HashKey> {
    let existed = path.exists();
    let key = HashKey::load_or_create(path)
        .with_context(|| format!("cannot use key file {}", path.display()))?;
    if !existed {
        eprintln!("scrim: created a new hash key at {}", path.display());
    }
    Ok(key)
}
