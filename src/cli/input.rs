//! Reading command input: whole files or stdin as UTF-8, and JSON Lines records,
//! with errors that name the file and line and never echo the content.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context};
use serde::Deserialize;

/// Display name of an input path (`<stdin>` for `-`).
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Read all bytes of a file or stdin.
pub fn read_bytes(path: &Path) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
    } else {
        buf = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    }
    Ok(buf)
}

/// Decode UTF-8, or fail naming the line and column of the first bad byte.
pub fn utf8<'a>(name: &str, bytes: &'a [u8]) -> anyhow::Result<&'a str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = good.len() - good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
            bail!(
                "{name}:{line}:{col}: invalid UTF-8 (byte offset {}); scrim reads UTF-8 text only",
                e.valid_up_to()
            )
        }
    }
}

/// One JSONL input record. Extra keys are ignored (the evaluation files carry gold spans).
#[derive(Debug, Deserialize)]
pub struct Record {
    pub id: serde_json::Value,
    pub text: String,
}

/// Parse one JSONL line; the error names the line and what is wrong, not the content.
pub fn parse_record(name: &str, line_no: usize, line: &str) -> anyhow::Result<Record> {
    serde_json::from_str::<Record>(line).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Data => {
                "expected an object with a string \"text\" and an \"id\"".to_string()
            }
            _ => format!("not valid JSON (column {})", e.column()),
        };
        anyhow::anyhow!("{name}:{line_no}: {what}")
    })
}

/// Run `f` over `items` on `threads` workers, keeping input order.
pub fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.max(1).min(items.len().max(1));
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(|| c.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

/// Default worker count.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
