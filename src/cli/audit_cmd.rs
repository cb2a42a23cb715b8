//! `scrim audit verify | query | search | stats | export | checkpoint | reindex`:
//! the auditor's commands (see `crate::audit`).
//!
//! Every command finds the data directory as `scrim run` does: `--data-dir
//! DIR`, else `proxy.data_dir` of `--config FILE` (default: the embedded
//! default configuration), else `$SCRIM_DATA_DIR`, `$XDG_DATA_HOME/scrim`,
//! `~/.local/share/scrim`; the log is in `DIR/audit` (a DIR that is itself an
//! audit directory, with `segments/` in it, is taken as is). `verify`,
//! `export` and `checkpoint --export` read the segments directly and work
//! against a running proxy; `query`, `search` and `stats` need the index, which
//! a running proxy holds: ask it with `--admin URL` (its loopback admin API).

use std::io::{self, BufRead, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{bail, Context};

use super::run_cmd::load_config;
use crate::audit::admin::{QUERY_PATH, STATS_PATH};
use crate::audit::export::{self, ExportFormat};
use crate::audit::query::{self, encode_query, QueryFilter};
use crate::audit::time::now_ms;
use crate::audit::verify::read_witness;
use crate::audit::{
    self, AuditConfig, AuditError, AuditLog, AuditReader, Outcome, PolicyRef, RecordDraft,
    ValueKey, VerifyOptions,
};
use crate::config::Config;
use crate::detect::Label;
use crate::policy::{Action, FlowFacts};

/// Audit commands.
#[derive(Debug, clap::Subcommand)]
pub enum AuditCommand {
    /// Check every segment, hash link and checkpoint signature. Exit 0: intact;
    /// 1: broken (the first break is named: segment, record, offset); 3: intact
    /// up to a torn tail left by a crash.
    Verify(VerifyArgs),
    /// List request records (newest first) as a table, JSON or CSV.
    Query(QueryArgs),
    /// Did this value ever go out? Hashes it with the install's audit key and
    /// lists the requests that carried it.
    Search(SearchArgs),
    /// Requests by decision and outcome, findings by label, top destinations,
    /// rules and clients for a period.
    Stats(StatsArgs),
    /// Export records for a SIEM (JSON lines exactly as hashed, or CSV).
    Export(ExportArgs),
    /// Show, export or sign checkpoints (signed chain heads).
    Checkpoint(CheckpointArgs),
    /// Rebuild the query index from the segments (proxy stopped).
    Reindex(DirArgs),
    /// Test helper: append from many threads, print each durable id.
    #[command(name = "_load-test", hide = true)]
    LoadTest(LoadTestArgs),
}

/// Where the data is: found as `scrim run` finds it.
#[derive(Debug, Clone, clap::Args)]
pub struct DirArgs {
    /// scrim data directory (default: the configuration's `proxy.data_dir`, else
    /// $SCRIM_DATA_DIR, $XDG_DATA_HOME/scrim, ~/.local/share/scrim).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The proxy's configuration file, as given to `scrim run --config`
    /// (default: the embedded default configuration).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Which requests.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// From this time: RFC 3339, a date, or a time ago (24h, 7d).
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Up to this time (same forms).
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// allow, redact, route or block.
    #[arg(long)]
    pub decision: Option<String>,
    /// A taxonomy label with at least one finding (US_SSN, EMAIL_ADDRESS, …).
    #[arg(long)]
    pub label: Option<String>,
    /// Destination host or glob (*.openai.com).
    #[arg(long, value_name = "HOST")]
    pub destination: Option<String>,
    /// Client address, CIDR network or identity.
    #[arg(long)]
    pub client: Option<String>,
    /// Policy name.
    #[arg(long)]
    pub policy: Option<String>,
}

impl FilterArgs {
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        for (name, v) in [
            ("since", &self.since),
            ("until", &self.until),
            ("decision", &self.decision),
            ("label", &self.label),
            ("destination", &self.destination),
            ("client", &self.client),
            ("policy", &self.policy),
        ] {
            if let Some(v) = v {
                p.push((name, v.clone()));
            }
        }
        p
    }
}

/// How to print entries.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Print the JSON answer (the admin API's format).
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV.
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub dir: DirArgs,
    /// A checkpoint exported earlier (`scrim audit checkpoint --export`): proves
    /// the records before it did not change and the signing key is the same.
    #[arg(long, value_name = "FILE")]
    pub checkpoint: Vec<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub dir: DirArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Most entries (0 for all).
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// Oldest first.
    #[arg(long)]
    pub oldest_first: bool,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Ask a running proxy's admin API (e.g. http://127.0.0.1:9090).
    #[arg(long, value_name = "URL")]
    pub admin: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    #[command(flatten)]
    pub dir: DirArgs,
    /// The value to look for; `-` reads it from standard input (keeps it out of
    /// shell history and the process list).
    #[arg(long)]
    pub value: String,
    /// Its label (default: try every label).
    #[arg(long)]
    pub label: Option<String>,
    /// Most entries (0 for all).
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Ask a running proxy's admin API (the hash is computed here; the value
    /// never leaves this process).
    #[arg(long, value_name = "URL")]
    pub admin: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub dir: DirArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Entries per top list.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Ask a running proxy's admin API.
    #[arg(long, value_name = "URL")]
    pub admin: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Every record as stored, one JSON object per line.
    Jsonl,
    /// One row per request.
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub dir: DirArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Jsonl)]
    pub format: FormatArg,
    /// From this time (RFC 3339, a date, or a time ago).
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Up to this time.
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Write here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CheckpointArgs {
    #[command(flatten)]
    pub dir: DirArgs,
    /// Write the checkpoints (JSON lines) to FILE for an outside witness.
    #[arg(long, value_name = "FILE")]
    pub export: Option<PathBuf>,
    /// With --export: only the newest checkpoint.
    #[arg(long, requires = "export")]
    pub latest: bool,
    /// Sign a checkpoint of the current head first (proxy stopped; a running
    /// proxy signs every N records or T seconds by itself). Never removes a
    /// segment: retention is applied by the proxy, at start and hourly.
    #[arg(long)]
    pub now: bool,
}

#[derive(Debug, clap::Args)]
pub struct LoadTestArgs {
    #[command(flatten)]
    pub dir: DirArgs,
    /// Writer threads.
    #[arg(long, default_value_t = 8)]
    pub threads: usize,
    /// Appends per thread (0: until killed).
    #[arg(long, default_value_t = 0)]
    pub count: u64,
    /// Segment size, bytes.
    #[arg(long, default_value_t = 64 << 20)]
    pub segment_bytes: u64,
}

/// Run an audit command.
pub fn run(cmd: &AuditCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        AuditCommand::Verify(a) => verify(a),
        AuditCommand::Query(a) => query_cmd(a),
        AuditCommand::Search(a) => search(a),
        AuditCommand::Stats(a) => stats(a),
        AuditCommand::Export(a) => export_cmd(a),
        AuditCommand::Checkpoint(a) => checkpoint(a),
        AuditCommand::Reindex(a) => {
            let dir = audit_dir(a)?;
            let n = audit::reindex(&dir).map_err(explain)?;
            println!("reindexed {n} record(s) from {}", dir.display());
            Ok(ExitCode::SUCCESS)
        }
        AuditCommand::LoadTest(a) => load_test(a),
    }
}

/// The configuration `scrim run` would use (`--config`, else the embedded
/// default), with `--data-dir` applied.
fn config(a: &DirArgs) -> anyhow::Result<Config> {
    let mut c = load_config(a.config.as_deref())?;
    if let Some(d) = &a.data_dir {
        c.data_dir = d.clone();
    }
    Ok(c)
}

/// The audit directory of the data directory `data` (or `data` itself when it
/// is an audit directory).
fn audit_dir_in(data: &Path) -> PathBuf {
    if data.join(audit::segment::SEGMENTS_DIR).is_dir() {
        return data.to_path_buf();
    }
    audit::audit_dir(data)
}

/// The audit directory for `--data-dir` / `--config`.
fn audit_dir(a: &DirArgs) -> anyhow::Result<PathBuf> {
    Ok(audit_dir_in(&config(a)?.data_dir))
}

fn explain(e: AuditError) -> anyhow::Error {
    match e {
        AuditError::Locked { .. } => anyhow::anyhow!(
            "{e}\n  hint: a running proxy holds the audit index; run this command with \
             --admin http://127.0.0.1:<admin port> to ask it instead"
        ),
        e => anyhow::Error::new(e),
    }
}

fn verify(a: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let dir = audit_dir(&a.dir)?;
    if !dir.join(audit::segment::SEGMENTS_DIR).is_dir() {
        bail!("no audit log in {}", dir.display());
    }
    let mut options = VerifyOptions::default();
    for f in &a.checkpoint {
        options.witness.extend(read_witness(f)?);
    }
    let report = audit::verify(&dir, &options)?;
    let mut out = io::stdout().lock();
    if a.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        write!(out, "{report}")?;
    }
    Ok(ExitCode::from(report.exit_code()))
}

fn print_entries(
    entries: &[audit::Entry],
    json: Option<&str>,
    o: &OutputArgs,
) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    if o.json {
        match json {
            Some(body) => writeln!(out, "{body}")?,
            None => writeln!(out, "{}", query::query_to_json(entries))?,
        }
    } else if o.csv {
        query::write_csv_header(&mut out)?;
        query::write_csv_rows(entries, &mut out)?;
    } else {
        write!(out, "{}", query::table(entries))?;
    }
    Ok(())
}

/// Run a query from `(name, value)` pairs, locally or through the admin API.
fn run_query(
    dir: &DirArgs,
    admin: Option<&str>,
    pairs: &[(&str, String)],
    output: &OutputArgs,
) -> anyhow::Result<()> {
    if let Some(url) = admin {
        let qs = encode_query(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        let body = admin_get(url, QUERY_PATH, &qs)?;
        let entries = query::query_from_json(&body)?;
        return print_entries(&entries, Some(&body), output);
    }
    let filter = QueryFilter::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())), now_ms())?;
    let reader = AuditReader::open(&audit_dir(dir)?).map_err(explain)?;
    let entries = reader.query(&filter)?;
    print_entries(&entries, None, output)
}

fn query_cmd(a: &QueryArgs) -> anyhow::Result<ExitCode> {
    let mut pairs = a.filter.pairs();
    pairs.push(("limit", a.limit.to_string()));
    if a.oldest_first {
        pairs.push(("order", "asc".into()));
    }
    run_query(&a.dir, a.admin.as_deref(), &pairs, &a.output)?;
    Ok(ExitCode::SUCCESS)
}

fn search(a: &SearchArgs) -> anyhow::Result<ExitCode> {
    let dir = audit_dir(&a.dir)?;
    let key = ValueKey::load(&dir).context("the audit key is needed to search by value")?;
    let value = if a.value == "-" {
        let mut line = String::new();
        io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else {
        a.value.clone()
    };
    let hashes: Vec<String> = match &a.label {
        Some(l) => {
            let label: Label = l.to_ascii_uppercase().parse()?;
            vec![key.hash(label, &value).to_string()]
        }
        None => key
            .hash_all_labels(&value)
            .into_iter()
            .map(|(_, h)| h.to_string())
            .collect(),
    };
    drop(value);
    let pairs = vec![
        ("value_hash", hashes.join(",")),
        ("limit", a.limit.to_string()),
    ];
    run_query(&a.dir, a.admin.as_deref(), &pairs, &a.output)?;
    Ok(ExitCode::SUCCESS)
}

fn stats(a: &StatsArgs) -> anyhow::Result<ExitCode> {
    let mut pairs = a.filter.pairs();
    pairs.push(("top", a.top.to_string()));
    let (stats, body) = if let Some(url) = &a.admin {
        let qs = encode_query(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        let body = admin_get(url, STATS_PATH, &qs)?;
        (query::stats_from_json(&body)?, Some(body))
    } else {
        let filter =
            QueryFilter::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())), now_ms())?;
        let reader = AuditReader::open(&audit_dir(&a.dir)?).map_err(explain)?;
        (reader.stats(&filter)?, None)
    };
    let mut out = io::stdout().lock();
    if a.json {
        writeln!(
            out,
            "{}",
            body.unwrap_or_else(|| query::stats_to_json(&stats))
        )?;
    } else {
        write!(out, "{}", query::stats_report(&stats))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn export_cmd(a: &ExportArgs) -> anyhow::Result<ExitCode> {
    let dir = audit_dir(&a.dir)?;
    if !dir.join(audit::segment::SEGMENTS_DIR).is_dir() {
        bail!("no audit log in {}", dir.display());
    }
    let now = now_ms();
    let t = |s: &Option<String>| -> anyhow::Result<Option<u64>> {
        s.as_deref()
            .map(|s| audit::time::parse_time_arg(s, now).map_err(anyhow::Error::msg))
            .transpose()
    };
    let (since, until) = (t(&a.since)?, t(&a.until)?);
    let format = match a.format {
        FormatArg::Jsonl => ExportFormat::Jsonl,
        FormatArg::Csv => ExportFormat::Csv,
    };
    let summary = match &a.output {
        Some(path) => {
            let f = std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            export::export(&dir, since, until, format, &mut io::BufWriter::new(f))?
        }
        None => export::export(&dir, since, until, format, &mut io::stdout().lock())?,
    };
    eprintln!(
        "scrim: exported {} line(s) from {} record(s)",
        summary.lines, summary.records
    );
    if summary.damaged_segments > 0 {
        eprintln!(
            "scrim: warning: {} segment(s) end in bytes that are not whole records; run `scrim audit verify`",
            summary.damaged_segments
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn checkpoint(a: &CheckpointArgs) -> anyhow::Result<ExitCode> {
    let config = config(&a.dir)?;
    let dir = audit_dir_in(&config.data_dir);
    if a.now {
        // The configured settings, but no retention: the writer applies
        // retention when it starts, and signing a checkpoint must not remove
        // evidence as a side effect. Nor can this command know the retention
        // the proxy runs with when it is called without that proxy's
        // --config; the proxy applies its own at start and hourly.
        let settings = AuditConfig {
            retention_days: None,
            ..config.audit
        };
        let log = AuditLog::open(&dir, settings).map_err(explain)?;
        match log.checkpoint_now()? {
            Some(cp) => eprintln!("scrim: signed a checkpoint of {} record(s)", cp.records),
            None => eprintln!("scrim: the newest checkpoint already covers every record"),
        }
    }
    let cps = audit::checkpoint::load(&dir)?;
    let Some(latest) = cps.last() else {
        bail!("no checkpoints in {} yet", dir.display());
    };
    match &a.export {
        Some(path) => {
            let chosen: &[audit::Checkpoint] = if a.latest {
                std::slice::from_ref(latest)
            } else {
                &cps
            };
            let mut text = String::new();
            for cp in chosen {
                text.push_str(&serde_json::to_string(cp)?);
                text.push('\n');
            }
            std::fs::write(path, text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "scrim: exported {} checkpoint(s) to {} (newest: {} records, head {}); keep a copy \
                 outside this machine and verify later with --checkpoint",
                chosen.len(),
                path.display(),
                latest.records,
                latest.head
            );
        }
        None => println!("{}", serde_json::to_string_pretty(latest)?),
    }
    Ok(ExitCode::SUCCESS)
}

/// GET `path?qs` from the admin API at `base` (`http://host:port[/prefix]`);
/// the body of a 200 answer.
fn admin_get(base: &str, path: &str, qs: &str) -> anyhow::Result<String> {
    let rest = base.strip_prefix("http://").with_context(|| {
        format!("--admin takes an http:// URL of the loopback admin API, got `{base}`")
    })?;
    let (authority, prefix) = match rest.find('/') {
        Some(i) => (&rest[..i], rest[i..].trim_end_matches('/')),
        None => (rest, ""),
    };
    let addr = if authority.contains(':') && !authority.ends_with(']') {
        authority.to_string()
    } else {
        format!("{authority}:80")
    };
    let sock = addr
        .to_socket_addrs()
        .with_context(|| format!("cannot resolve {addr}"))?
        .next()
        .with_context(|| format!("cannot resolve {addr}"))?;
    let mut stream = TcpStream::connect_timeout(&sock, Duration::from_secs(5))
        .with_context(|| format!("cannot connect to the admin API at {base}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(300)))?;
    let target = if qs.is_empty() {
        format!("{prefix}{path}")
    } else {
        format!("{prefix}{path}?{qs}")
    };
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {authority}\r\nAccept: application/json\r\n\
         User-Agent: scrim-cli\r\nConnection: close\r\n\r\n"
    )?;
    // Read until the answer is complete (Content-Length or the last chunk),
    // or the server closes the connection.
    let mut raw = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    while !response_complete(&raw) {
        let n = stream
            .read(&mut buf)
            .context("reading the admin API's answer")?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
        if raw.len() > 1 << 30 {
            bail!("the admin API's answer is over 1 GiB");
        }
    }
    let (status, body) = parse_http_response(&raw)?;
    if status != 200 {
        let msg = serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v["error"].as_str().map(str::to_string))
            .unwrap_or(body);
        bail!("the admin API answered {status}: {msg}");
    }
    Ok(body)
}

/// Whether `raw` holds a whole HTTP response with a known length.
fn response_complete(raw: &[u8]) -> bool {
    let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
    let body = raw.len() - end - 4;
    for l in head.split("\r\n") {
        if let Some(v) = l.strip_prefix("content-length:") {
            return v.trim().parse::<usize>().is_ok_and(|n| body >= n);
        }
        if l.starts_with("transfer-encoding:") && l.contains("chunked") {
            return raw.ends_with(b"\r\n0\r\n\r\n") || (body == 5 && raw.ends_with(b"0\r\n\r\n"));
        }
    }
    false
}

/// Status and body of an HTTP/1.1 response.
fn parse_http_response(raw: &[u8]) -> anyhow::Result<(u16, String)> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .context("the admin API's answer is not HTTP")?;
    let head = std::str::from_utf8(&raw[..end]).context("the admin API's answer is not HTTP")?;
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .context("the admin API's answer has no status")?;
    let mut chunked = false;
    let mut length: Option<usize> = None;
    for l in lines {
        let Some((k, v)) = l.split_once(':') else {
            continue;
        };
        let v = v.trim();
        if k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked") {
            chunked = true;
        } else if k.eq_ignore_ascii_case("content-length") {
            length = v.parse().ok();
        }
    }
    let mut body = &raw[end + 4..];
    let owned;
    if chunked {
        owned = dechunk(body)?;
        body = &owned;
    } else if let Some(n) = length {
        body = &body[..n.min(body.len())];
    }
    Ok((status, String::from_utf8_lossy(body).into_owned()))
}

fn dechunk(mut b: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = b
            .windows(2)
            .position(|w| w == b"\r\n")
            .context("bad chunked encoding")?;
        let size_text = std::str::from_utf8(&b[..eol])?;
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .context("bad chunk size")?;
        b = &b[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        out.extend_from_slice(b.get(..size).context("truncated chunk")?);
        b = b.get(size + 2..).context("truncated chunk")?;
    }
}

/// Hidden: append forever (or `count` per thread) from `threads` threads and
/// print `<id>` for every acknowledged (durable) record, one per line.
fn load_test(a: &LoadTestArgs) -> anyhow::Result<ExitCode> {
    let dir = audit_dir(&a.dir)?;
    let config = AuditConfig {
        segment_max_bytes: a.segment_bytes,
        checkpoint_every_records: 500,
        ..AuditConfig::default()
    };
    let log = AuditLog::open(&dir, config).map_err(explain)?;
    let out = Arc::new(Mutex::new(io::stdout()));
    let handles: Vec<_> = (0..a.threads.max(1))
        .map(|t| {
            let log = log.clone();
            let out = Arc::clone(&out);
            let count = a.count;
            std::thread::spawn(move || -> anyhow::Result<()> {
                let mut i = 0u64;
                while count == 0 || i < count {
                    let id = log.append_blocking(load_draft(&log, t as u64, i))?;
                    let mut o = out
                        .lock()
                        .map_err(|_| anyhow::anyhow!("stdout lock poisoned"))?;
                    writeln!(o, "{id}")?;
                    o.flush()?;
                    i += 1;
                }
                Ok(())
            })
        })
        .collect();
    for h in handles {
        h.join()
            .map_err(|_| anyhow::anyhow!("a writer thread panicked"))??;
    }
    Ok(ExitCode::SUCCESS)
}

fn load_draft(log: &AuditLog, thread: u64, i: u64) -> RecordDraft {
    let mut flow = FlowFacts::new("api.openai.com", "/v1/chat/completions");
    flow.client_ip = Some(std::net::IpAddr::from([127, 0, 0, 1]));
    flow.client_id = Some(format!("load-{thread}"));
    let mut d = RecordDraft::from_flow(
        &flow,
        PolicyRef {
            name: "load".into(),
            content_hash: "0".repeat(64),
        },
        Outcome::Forwarded { status: None },
    );
    d.decision.action = if i % 2 == 0 {
        Action::Allow
    } else {
        Action::Redact
    };
    d.decision.labels.insert(Label::EmailAddress, 1);
    d.value_hashes.push((
        Label::EmailAddress,
        log.value_hash(
            Label::EmailAddress,
            &format!("user{thread}.{i}@example.org"),
        ),
    ));
    d.sizes.request_bytes = 100 + i;
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_responses() {
        let (s, b) =
            parse_http_response(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}extra").unwrap();
        assert_eq!((s, b.as_str()), (200, "{}"));
        let (s, b) = parse_http_response(
            b"HTTP/1.1 400 Bad Request\r\ntransfer-encoding: chunked\r\n\r\n3\r\n{\"a\r\n2;x=y\r\n\":\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!((s, b.as_str()), (400, "{\"a\":"));
        assert!(parse_http_response(b"garbage").is_err());
        assert!(response_complete(
            b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"
        ));
        assert!(!response_complete(
            b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n{}"
        ));
        assert!(response_complete(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
        ));
        assert!(!response_complete(
            b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{}"
        ));
    }
}
