//! `scrim scan`: findings as JSON, or the evaluation contract with `--jsonl`.

use std::io::Write;
use std::process::ExitCode;

use serde_json::{json, Value};

use super::detection::pipeline;
use super::input::{self, default_threads, display_name, parallel_map};
use super::{Offsets, ScanArgs};
use crate::detect::normalize::byte_to_char_offset;
use crate::detect::pipeline::Pipeline;
use crate::detect::Finding;

pub fn run(args: &ScanArgs) -> anyhow::Result<ExitCode> {
    let pipeline = pipeline(&args.detect)?;
    let name = display_name(&args.input);
    let bytes = input::read_bytes(&args.input)?;
    let text = input::utf8(&name, &bytes)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if !args.jsonl {
        let findings = pipeline.scan(text)?;
        let doc = json!({
            "findings": findings_json(text, &findings, args),
            "offsets": offsets_name(args.offsets),
        });
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
        .collect();
    let threads = args.threads.unwrap_or_else(default_threads);
    // Lines go to the model in batches (one session call for several texts is much
    // cheaper than one call each); batches run on `threads` workers.
    let batches: Vec<&[(usize, &str)]> = lines.chunks(BATCH_LINES).collect();
    let results: Vec<anyhow::Result<Value>> = parallel_map(&batches, threads, |batch| {
        scan_batch(&pipeline, &name, batch, args)
    })
    .into_iter()
    .flatten()
    .collect();
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
        eprintln!("scrim: {failed} line(s) could not be scanned; their output is missing");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// Lines per model batch in `--jsonl` mode.
const BATCH_LINES: usize = 16;

/// Scan a batch of JSONL lines; one result per line, in order.
fn scan_batch(
    pipeline: &Pipeline,
    name: &str,
    batch: &[(usize, &str)],
    args: &ScanArgs,
) -> Vec<anyhow::Result<Value>> {
    let records: Vec<anyhow::Result<input::Record>> = batch
        .iter()
        .map(|&(line_no, line)| input::parse_record(name, line_no, line))
        .collect();
    let texts: Vec<&str> = records
        .iter()
        .filter_map(|r| r.as_ref().ok().map(|r| r.text.as_str()))
        .collect();
    let mut found = match pipeline.scan_many(&texts) {
        Ok(f) => f.into_iter(),
        // The model failed for the batch: every line of it fails, named.
        Err(e) => {
            return batch
                .iter()
                .map(|&(line_no, _)| Err(anyhow::anyhow!("{name}:{line_no}: {e}")))
                .collect()
        }
    };
    records
        .into_iter()
        .map(|r| {
            let record = r?;
            let findings = found.next().unwrap_or_default();
            Ok(json!({
                "id": record.id,
                "spans": findings_json(&record.text, &findings, args),
                "offsets": offsets_name(args.offsets),
            }))
        })
        .collect()
}

#[allow(dead_code)]
fn scan_line(
    pipeline: &Pipeline,
    name: &str,
    line_no: usize,
    line: &str,
    args: &ScanArgs,
) -> anyhow::Result<Value> {
    let record = input::parse_record(name, line_no, line)?;
    let findings = pipeline.scan(&record.text)?;
    Ok(json!({
        "id": record.id,
        "spans": findings_json(&record.text, &findings, args),
        "offsets": offsets_name(args.offsets),
    }))
}

fn offsets_name(o: Offsets) -> &'static str {
    match o {
        Offsets::Bytes => "utf8",
        Offsets::Chars => "chars",
    }
}

fn findings_json(text: &str, findings: &[Finding], args: &ScanArgs) -> Vec<Value> {
    findings
        .iter()
        .map(|f| {
            let (start, end) = match args.offsets {
                Offsets::Bytes => (f.start, f.end),
                Offsets::Chars => (
                    byte_to_char_offset(text, f.start),
                    byte_to_char_offset(text, f.end),
                ),
            };
            let mut v = json!({
                "start": start,
                "end": end,
                "label": f.label,
                "score": (f64::from(f.score) * 1000.0).round() / 1000.0,
                "detector": &*f.detector,
            });
            if args.show_values {
                v["text"] = Value::from(&text[f.start..f.end]);
            }
            v
        })
        .collect()
}
