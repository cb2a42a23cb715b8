//! Queries and statistics over the request records, and their output formats.
//!
//! One parser for both doors: the CLI turns its flags into `(name, value)`
//! pairs and the admin API passes its query string, and both go through
//! [`QueryFilter::from_pairs`]. Parameters:
//!
//! | name | value |
//! |---|---|
//! | `since`, `until` | RFC 3339, a date, `now`, or a time ago (`24h`, `7d`); inclusive |
//! | `decision` | `allow`, `redact`, `route`, `block` |
//! | `label` | a taxonomy label (`US_SSN`) with at least one finding |
//! | `destination` | a host or host glob (`*.openai.com`, as in policy files) |
//! | `client` | a client address, a CIDR network (`10.0.0.0/8`) or an identity |
//! | `policy` | a policy name |
//! | `value_hash` | keyed value hashes, comma-separated (what `scrim audit search` sends) |
//! | `limit` | most entries returned (default 100, `0` for all) |
//! | `order` | `desc` (newest first, default) or `asc` |
//! | `top` | statistics: entries per top-N list (default 10) |
//!
//! The index picks the candidates (by value hash, destination, client, policy,
//! label, decision or time, in that order of preference); every candidate is
//! read from the segments and checked against the whole filter.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::index::{action_byte, string_prefix, Index, SegmentReader, Tree};
use super::record::{Completion, Event, Outcome, Record, RecordDraft, Timestamp, ValueHash};
use super::time::{now_ms, parse_time_arg};
use super::AuditError;
use crate::detect::Label;
use crate::policy::glob::{Cidr, Glob};
use crate::policy::Action;

/// Entries returned when no `limit` is given.
pub const DEFAULT_LIMIT: usize = 100;
/// Entries per top-N list when no `top` is given.
pub const DEFAULT_TOP: usize = 10;
/// The parameter names [`QueryFilter::from_pairs`] accepts.
pub const PARAMS: &[&str] = &[
    "since",
    "until",
    "decision",
    "label",
    "destination",
    "client",
    "policy",
    "value_hash",
    "limit",
    "order",
    "top",
];

/// Result order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// Newest first.
    #[default]
    Desc,
    /// Oldest first.
    Asc,
}

/// Which request records a query or statistics cover.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryFilter {
    /// Earliest record time (ms since the epoch), inclusive.
    pub since: Option<u64>,
    /// Latest record time (ms), inclusive.
    pub until: Option<u64>,
    /// Decision.
    pub decision: Option<Action>,
    /// A label with at least one finding.
    pub label: Option<Label>,
    /// Destination host or host glob.
    pub destination: Option<String>,
    /// Client address, CIDR network or identity.
    pub client: Option<String>,
    /// Policy name.
    pub policy: Option<String>,
    /// Any of these value hashes.
    pub value_hashes: Vec<ValueHash>,
    /// Most entries (`None`: [`DEFAULT_LIMIT`]; `Some(0)`: all).
    pub limit: Option<usize>,
    /// Order.
    pub order: Order,
    /// Top-N size for statistics (`None`: [`DEFAULT_TOP`]).
    pub top: Option<usize>,
}

fn qerr(msg: String) -> AuditError {
    AuditError::Query(msg)
}

impl QueryFilter {
    /// Parse `(name, value)` pairs; relative times are taken before `now_ms`.
    /// Unknown or repeated names are errors.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        now_ms: u64,
    ) -> Result<QueryFilter, AuditError> {
        let mut f = QueryFilter::default();
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in pairs {
            let Some(&known) = PARAMS.iter().find(|&&p| p == name) else {
                return Err(qerr(format!(
                    "unknown parameter `{name}` (known: {})",
                    PARAMS.join(", ")
                )));
            };
            if seen.contains(&known) {
                return Err(qerr(format!("`{name}` given twice")));
            }
            seen.push(known);
            let value = value.trim();
            let nonempty = || -> Result<String, AuditError> {
                if value.is_empty() {
                    Err(qerr(format!("`{name}` is empty")))
                } else {
                    Ok(value.to_string())
                }
            };
            match known {
                "since" => f.since = Some(parse_time_arg(value, now_ms).map_err(qerr)?),
                "until" => f.until = Some(parse_time_arg(value, now_ms).map_err(qerr)?),
                "decision" => {
                    f.decision = Some(Action::from_name(&value.to_ascii_lowercase()).ok_or_else(
                        || {
                            qerr(format!(
                                "`{value}` is not a decision (allow, redact, route, block)"
                            ))
                        },
                    )?)
                }
                "label" => {
                    f.label = Some(
                        value
                            .to_ascii_uppercase()
                            .parse::<Label>()
                            .map_err(|e| qerr(e.to_string()))?,
                    )
                }
                "destination" => f.destination = Some(nonempty()?),
                "client" => f.client = Some(nonempty()?),
                "policy" => f.policy = Some(nonempty()?),
                "value_hash" => {
                    for h in value.split(',').filter(|s| !s.trim().is_empty()) {
                        f.value_hashes.push(ValueHash::parse(h).ok_or_else(|| {
                            qerr(
                                "`value_hash` takes 64 hex digits (see `scrim audit search`)"
                                    .into(),
                            )
                        })?);
                    }
                }
                "limit" => {
                    f.limit = Some(if value == "all" {
                        0
                    } else {
                        value
                            .parse()
                            .map_err(|_| qerr(format!("`limit` must be a number, got `{value}`")))?
                    })
                }
                "order" => {
                    f.order = match value {
                        "desc" => Order::Desc,
                        "asc" => Order::Asc,
                        _ => return Err(qerr(format!("`order` is asc or desc, got `{value}`"))),
                    }
                }
                "top" => {
                    f.top = Some(
                        value
                            .parse()
                            .map_err(|_| qerr(format!("`top` must be a number, got `{value}`")))?,
                    )
                }
                _ => {}
            }
        }
        if let (Some(s), Some(u)) = (f.since, f.until) {
            if s > u {
                return Err(qerr("`since` is after `until`".into()));
            }
        }
        Ok(f)
    }

    /// Parse an URL query string (`since=24h&decision=block`), percent-decoded.
    pub fn from_query_string(qs: &str) -> Result<QueryFilter, AuditError> {
        let pairs = decode_query(qs)?;
        QueryFilter::from_pairs(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            now_ms(),
        )
    }

    /// Whether a record is a request record this filter selects.
    pub fn matches(&self, r: &Record) -> bool {
        let Event::Request(d) = &r.event else {
            return false;
        };
        let t = r.time.0;
        self.since.is_none_or(|s| t >= s)
            && self.until.is_none_or(|u| t <= u)
            && self.decision.is_none_or(|a| d.decision.action == a)
            && self
                .label
                .is_none_or(|l| d.decision.labels.get(&l).is_some_and(|&n| n > 0))
            && self
                .destination
                .as_deref()
                .is_none_or(|g| Glob::new(g, true).matches(&d.destination.host))
            && self.client.as_deref().is_none_or(|c| client_matches(c, d))
            && self.policy.as_deref().is_none_or(|p| d.policy.name == p)
            && (self.value_hashes.is_empty()
                || d.value_hashes
                    .iter()
                    .any(|(_, h)| self.value_hashes.contains(h)))
    }
}

fn client_matches(c: &str, d: &RecordDraft) -> bool {
    if d.client.identity.as_deref() == Some(c) {
        return true;
    }
    let Some(addr) = d.client.addr else {
        return false;
    };
    if c.contains('/') {
        Cidr::parse(c).is_some_and(|n| n.contains(addr))
    } else {
        c.parse::<std::net::IpAddr>().is_ok_and(|a| a == addr)
    }
}

/// Split and percent-decode a query string (`+` is a space).
pub fn decode_query(qs: &str) -> Result<Vec<(String, String)>, AuditError> {
    let qs = qs.strip_prefix('?').unwrap_or(qs);
    qs.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            Ok((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

fn percent_decode(s: &str) -> Result<String, AuditError> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = b
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| qerr("bad percent-encoding in the query string".into()))?;
                out.push(hex);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| qerr("the query string is not UTF-8".into()))
}

/// Encode `(name, value)` pairs as a query string.
pub fn encode_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    };
    pairs
        .into_iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// One request record and, if it has one, its completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The request record, as stored.
    pub record: Record,
    /// How it ended.
    #[serde(default)]
    pub completion: Option<Completion>,
}

impl Entry {
    /// The request event.
    pub fn request(&self) -> Option<&RecordDraft> {
        self.record.request()
    }

    /// The final outcome: the completion's, else the request record's.
    pub fn outcome(&self) -> Option<&Outcome> {
        self.completion
            .as_ref()
            .map(|c| &c.outcome)
            .or_else(|| self.request().map(|d| &d.outcome))
    }
}

/// Candidate request seqs for `filter`, best index first.
fn candidates<'a>(
    index: &'a Index,
    filter: &QueryFilter,
) -> Result<Box<dyn Iterator<Item = Result<u64, AuditError>> + 'a>, AuditError> {
    let desc = filter.order == Order::Desc;
    if !filter.value_hashes.is_empty() {
        let hashes: Vec<[u8; 32]> = filter.value_hashes.iter().map(|h| h.to_bytes()).collect();
        let mut seqs = index.by_value(&hashes)?;
        if desc {
            seqs.reverse();
        }
        return Ok(Box::new(seqs.into_iter().map(Ok)));
    }
    let literal = |s: &Option<String>| s.as_ref().filter(|s| !s.contains(['*', '?'])).cloned();
    let (tree, prefix) = if let Some(d) = literal(&filter.destination) {
        (Tree::Destination, string_prefix(&d.to_ascii_lowercase()))
    } else if let Some(c) = filter.client.as_ref().filter(|c| !c.contains('/')) {
        (Tree::Client, string_prefix(c))
    } else if let Some(p) = &filter.policy {
        (Tree::Policy, string_prefix(p))
    } else if let Some(l) = filter.label {
        (Tree::Label, vec![l.index() as u8])
    } else if let Some(a) = filter.decision {
        (Tree::Decision, vec![action_byte(a)])
    } else {
        (Tree::Time, Vec::new())
    };
    Ok(index.scan(
        tree,
        &prefix,
        filter.since.unwrap_or(0),
        filter.until.unwrap_or(u64::MAX),
        desc,
    ))
}

/// Walk the matching entries, calling `f` on each until it returns `false`.
fn walk(
    dir: &Path,
    index: &Index,
    filter: &QueryFilter,
    mut f: impl FnMut(Entry) -> bool,
) -> Result<(), AuditError> {
    let mut reader = SegmentReader::new(dir);
    // Host names are stored as the proxy saw them; compare case-insensitively
    // through the glob even when the index was chosen by the literal.
    for seq in candidates(index, filter)? {
        let seq = seq?;
        let Some(loc) = index.locate(seq)? else {
            continue;
        };
        let Some(record) = reader.read(loc)? else {
            continue; // removed by retention
        };
        if record.seq != seq {
            return Err(AuditError::Corrupt(format!(
                "the index points record {seq} at a frame holding record {}; run `scrim audit reindex`",
                record.seq
            )));
        }
        if !filter.matches(&record) {
            continue;
        }
        let mut completion = None;
        if let Some(cseq) = index.completion_of(seq)? {
            if let Some(cloc) = index.locate(cseq)? {
                if let Some(Record {
                    event: Event::Completion(c),
                    ..
                }) = reader.read(cloc)?
                {
                    completion = Some(c);
                }
            }
        }
        if !f(Entry { record, completion }) {
            break;
        }
    }
    Ok(())
}

/// Run a query.
pub(crate) fn run(
    dir: &Path,
    index: &Index,
    filter: &QueryFilter,
) -> Result<Vec<Entry>, AuditError> {
    let limit = match filter.limit.unwrap_or(DEFAULT_LIMIT) {
        0 => usize::MAX,
        n => n,
    };
    let mut out = Vec::new();
    walk(dir, index, filter, |e| {
        out.push(e);
        out.len() < limit
    })?;
    Ok(out)
}

/// A name and how often it occurred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// Destination, rule id, client or policy.
    pub name: String,
    /// Occurrences.
    pub count: u64,
}

/// What a compliance officer files for a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Period start asked for.
    pub since: Option<Timestamp>,
    /// Period end asked for.
    pub until: Option<Timestamp>,
    /// Oldest request in the period.
    pub first: Option<Timestamp>,
    /// Newest request in the period.
    pub last: Option<Timestamp>,
    /// Requests.
    pub requests: u64,
    /// Requests with at least one finding.
    pub requests_with_findings: u64,
    /// Findings.
    pub findings: u64,
    /// Requests per decision.
    pub by_decision: BTreeMap<String, u64>,
    /// Requests per final outcome.
    pub by_outcome: BTreeMap<String, u64>,
    /// Findings per label.
    pub findings_by_label: BTreeMap<String, u64>,
    /// Most frequent destinations.
    pub top_destinations: Vec<Count>,
    /// Rules that fired most (requests they fired on).
    pub top_rules: Vec<Count>,
    /// Most frequent clients.
    pub top_clients: Vec<Count>,
    /// Policies in force (`name@hash prefix`), by requests.
    pub policies: Vec<Count>,
}

fn top(m: HashMap<String, u64>, n: usize) -> Vec<Count> {
    let mut v: Vec<Count> = m
        .into_iter()
        .map(|(name, count)| Count { name, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    v.truncate(n);
    v
}

/// Aggregate the matching entries (`limit` ignored).
pub(crate) fn stats(dir: &Path, index: &Index, filter: &QueryFilter) -> Result<Stats, AuditError> {
    let mut f = filter.clone();
    f.order = Order::Asc;
    let mut s = Stats {
        since: filter.since.map(Timestamp),
        until: filter.until.map(Timestamp),
        ..Stats::default()
    };
    for a in Action::ALL {
        s.by_decision.insert(a.as_str().to_string(), 0);
    }
    let (mut dests, mut rules, mut clients, mut policies) = (
        HashMap::new(),
        HashMap::new(),
        HashMap::new(),
        HashMap::new(),
    );
    walk(dir, index, &f, |e| {
        let Some(d) = e.request() else { return true };
        s.requests += 1;
        s.first.get_or_insert(e.record.time);
        s.last = Some(e.record.time);
        *s.by_decision
            .entry(d.decision.action.as_str().to_string())
            .or_default() += 1;
        if let Some(o) = e.outcome() {
            *s.by_outcome.entry(o.name().to_string()).or_default() += 1;
        }
        let n = d.decision.findings();
        s.findings += n;
        if n > 0 {
            s.requests_with_findings += 1;
        }
        for (l, c) in &d.decision.labels {
            *s.findings_by_label
                .entry(l.as_str().to_string())
                .or_default() += u64::from(*c);
        }
        *dests.entry(d.destination.host.clone()).or_default() += 1;
        let mut fired: Vec<&str> = d.decision.rules.iter().map(|r| r.rule.as_str()).collect();
        fired.sort_unstable();
        fired.dedup();
        for r in fired {
            *rules.entry(r.to_string()).or_default() += 1;
        }
        let client = match (&d.client.identity, d.client.addr) {
            (Some(id), _) => id.clone(),
            (None, Some(a)) => a.to_string(),
            (None, None) => "-".to_string(),
        };
        *clients.entry(client).or_default() += 1;
        let hash: String = d.policy.content_hash.chars().take(12).collect();
        *policies
            .entry(format!("{}@{hash}", d.policy.name))
            .or_default() += 1;
        true
    })?;
    let n = filter.top.unwrap_or(DEFAULT_TOP);
    s.top_destinations = top(dests, n);
    s.top_rules = top(rules, n);
    s.top_clients = top(clients, n);
    s.policies = top(policies, usize::MAX);
    Ok(s)
}

/// The JSON of a query answer: `{"count": n, "entries": [...]}` (what the
/// admin API's `/audit/query` returns and `scrim audit query --json` prints).
pub fn query_to_json(entries: &[Entry]) -> String {
    #[derive(Serialize)]
    struct Answer<'a> {
        count: usize,
        entries: &'a [Entry],
    }
    serde_json::to_string(&Answer {
        count: entries.len(),
        entries,
    })
    .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Parse [`query_to_json`]'s output.
pub fn query_from_json(s: &str) -> Result<Vec<Entry>, AuditError> {
    #[derive(Deserialize)]
    struct Answer {
        entries: Vec<Entry>,
    }
    serde_json::from_str::<Answer>(s)
        .map(|a| a.entries)
        .map_err(|e| AuditError::Query(format!("unreadable query answer: {e}")))
}

/// The JSON of statistics (`/audit/stats`, `scrim audit stats --json`).
pub fn stats_to_json(stats: &Stats) -> String {
    serde_json::to_string(stats).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Parse [`stats_to_json`]'s output.
pub fn stats_from_json(s: &str) -> Result<Stats, AuditError> {
    serde_json::from_str(s).map_err(|e| AuditError::Query(format!("unreadable statistics: {e}")))
}

/// Columns of the CSV output, one row per request.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "time",
    "client_addr",
    "client_id",
    "destination",
    "path",
    "provider",
    "model",
    "policy",
    "policy_hash",
    "decision",
    "rules",
    "labels",
    "detectors",
    "request_bytes",
    "forwarded_bytes",
    "latency_ms",
    "outcome",
    "outcome_detail",
    "status",
    "response_bytes",
    "total_ms",
    "value_hashes",
];

/// The CSV cells of an entry (see [`CSV_COLUMNS`]).
pub fn csv_row(e: &Entry) -> Vec<String> {
    let Some(d) = e.request() else {
        return Vec::new();
    };
    let opt = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
    let outcome = e.outcome();
    vec![
        e.record.id.to_string(),
        e.record.time.to_string(),
        d.client.addr.map(|a| a.to_string()).unwrap_or_default(),
        d.client.identity.clone().unwrap_or_default(),
        d.destination.host.clone(),
        d.destination.path.clone(),
        d.provider.clone().unwrap_or_default(),
        d.model.clone().unwrap_or_default(),
        d.policy.name.clone(),
        d.policy.content_hash.clone(),
        d.decision.action.to_string(),
        d.decision
            .rules
            .iter()
            .map(|r| format!("{}:{}:{}", r.rule, r.label, r.count))
            .collect::<Vec<_>>()
            .join(";"),
        labels_cell(d),
        d.detectors.join(";"),
        d.sizes.request_bytes.to_string(),
        opt(d.sizes.forwarded_bytes),
        d.latency_ms.to_string(),
        outcome.map(|o| o.name().to_string()).unwrap_or_default(),
        outcome.map(Outcome::detail).unwrap_or_default(),
        opt(outcome.and_then(Outcome::status).map(u64::from)),
        opt(e
            .completion
            .as_ref()
            .and_then(|c| c.response_bytes)
            .or(d.sizes.response_bytes)),
        opt(e.completion.as_ref().map(|c| c.total_ms)),
        d.value_hashes
            .iter()
            .map(|(l, h)| format!("{l}:{h}"))
            .collect::<Vec<_>>()
            .join(";"),
    ]
}

fn labels_cell(d: &RecordDraft) -> String {
    d.decision
        .labels
        .iter()
        .map(|(l, n)| format!("{l}={n}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// One CSV cell: quoted when needed, and a leading `=`, `+`, `-`, `@` (a
/// spreadsheet formula) neutralized with a `'`.
pub fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Write the CSV header line.
pub fn write_csv_header(out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}", CSV_COLUMNS.join(","))
}

/// Write one CSV line per entry.
pub fn write_csv_rows(entries: &[Entry], out: &mut impl Write) -> io::Result<()> {
    for e in entries {
        let row: Vec<String> = csv_row(e).iter().map(|c| csv_cell(c)).collect();
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

/// A plain-text table for a terminal.
pub fn table(entries: &[Entry]) -> String {
    let head = [
        "TIME",
        "ID",
        "CLIENT",
        "DESTINATION",
        "DECISION",
        "LABELS",
        "RULES",
        "OUTCOME",
    ];
    let mut rows: Vec<Vec<String>> = vec![head.iter().map(|s| s.to_string()).collect()];
    for e in entries {
        let Some(d) = e.request() else { continue };
        let client = d
            .client
            .identity
            .clone()
            .or_else(|| d.client.addr.map(|a| a.to_string()))
            .unwrap_or_else(|| "-".into());
        let outcome = e.outcome().map_or(String::new(), |o| {
            let mut s = o.name().to_string();
            let detail = o.detail();
            if !detail.is_empty() {
                let _ = write!(s, "({detail})");
            }
            if let Some(st) = o.status() {
                let _ = write!(s, " {st}");
            }
            s
        });
        let mut rules: Vec<&str> = d.decision.rules.iter().map(|r| r.rule.as_str()).collect();
        rules.dedup();
        rows.push(vec![
            e.record.time.to_string(),
            e.record.id.to_string(),
            client,
            format!("{}{}", d.destination.host, d.destination.path),
            d.decision.action.to_string(),
            labels_cell(d),
            rules.join(","),
            outcome,
        ]);
    }
    let widths: Vec<usize> = (0..head.len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in &rows {
        let line: Vec<String> = r
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "({} request{})",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" }
    );
    out
}

/// The statistics as a report.
pub fn stats_report(s: &Stats) -> String {
    let mut out = String::new();
    let t = |t: Option<Timestamp>| t.map_or("-".to_string(), |t| t.to_string());
    let _ = writeln!(out, "Audit statistics");
    let _ = writeln!(out, "  period:    {} .. {}", t(s.since), t(s.until));
    let _ = writeln!(out, "  records:   {} .. {}", t(s.first), t(s.last));
    let _ = writeln!(
        out,
        "  requests:  {} ({} with findings, {} findings)",
        s.requests, s.requests_with_findings, s.findings
    );
    let section = |out: &mut String, title: &str, items: Vec<(String, u64)>| {
        let _ = writeln!(out, "\n{title}");
        if items.is_empty() {
            let _ = writeln!(out, "  (none)");
        }
        let w = items
            .iter()
            .map(|(n, _)| n.chars().count())
            .max()
            .unwrap_or(0);
        for (name, n) in items {
            let _ = writeln!(out, "  {name:<w$}  {n:>8}");
        }
    };
    let map = |m: &BTreeMap<String, u64>| m.iter().map(|(k, v)| (k.clone(), *v)).collect();
    let list = |v: &[Count]| v.iter().map(|c| (c.name.clone(), c.count)).collect();
    section(&mut out, "Requests by decision", map(&s.by_decision));
    section(&mut out, "Requests by outcome", map(&s.by_outcome));
    section(&mut out, "Findings by label", map(&s.findings_by_label));
    section(&mut out, "Top destinations", list(&s.top_destinations));
    section(
        &mut out,
        "Top rules (requests fired on)",
        list(&s.top_rules),
    );
    section(&mut out, "Top clients", list(&s.top_clients));
    section(&mut out, "Policies in force", list(&s.policies));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_763_952_600_000;

    fn parse(qs: &str) -> Result<QueryFilter, AuditError> {
        let pairs = decode_query(qs)?;
        QueryFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), NOW)
    }

    #[test]
    fn query_strings() {
        let f = parse("since=24h&until=now&decision=block&label=us_ssn&destination=%2A.openai.com&client=10.0.0.0%2F8&policy=hipaa&limit=5&order=asc&top=3").unwrap();
        assert_eq!(f.since, Some(NOW - 86_400_000));
        assert_eq!(f.until, Some(NOW));
        assert_eq!(f.decision, Some(Action::Block));
        assert_eq!(f.label, Some(Label::UsSsn));
        assert_eq!(f.destination.as_deref(), Some("*.openai.com"));
        assert_eq!(f.client.as_deref(), Some("10.0.0.0/8"));
        assert_eq!((f.limit, f.order, f.top), (Some(5), Order::Asc, Some(3)));
        assert_eq!(parse("").unwrap(), QueryFilter::default());
        let h = "ab".repeat(32);
        assert_eq!(
            parse(&format!("value_hash={h},{h}"))
                .unwrap()
                .value_hashes
                .len(),
            2
        );
        assert_eq!(
            parse("since=2025-11-24T02%3A50%3A00%2B01%3A00")
                .unwrap()
                .since,
            Some(NOW - 3_600_000)
        );
    }

    #[test]
    fn query_string_errors_name_the_parameter() {
        for (qs, needle) in [
            ("sinse=1h", "unknown parameter `sinse`"),
            ("since=1h&since=2h", "given twice"),
            ("decision=maybe", "not a decision"),
            ("label=SSN", "unknown label"),
            ("limit=ten", "`limit` must be a number"),
            ("value_hash=078-05-1120", "64 hex digits"),
            ("since=now&until=1h", "`since` is after `until`"),
            ("since=%zz", "percent-encoding"),
            ("client=", "`client` is empty"),
        ] {
            let err = parse(qs).unwrap_err().to_string();
            assert!(err.contains(needle), "{qs}: {err}");
        }
    }

    #[test]
    fn encode_decode_round_trip() {
        let pairs = [
            ("destination", "*.openai.com"),
            ("since", "2025-11-24T02:50:00+01:00"),
        ];
        let qs = encode_query(pairs);
        let back = decode_query(&qs).unwrap();
        assert_eq!(back[0], ("destination".into(), "*.openai.com".into()));
        assert_eq!(back[1].1, "2025-11-24T02:50:00+01:00");
    }

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }
}
