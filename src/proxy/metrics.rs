//! Prometheus metrics of the proxy: requests by decision and provider, findings by
//! label, latency histograms for detection and upstream. Counters are atomics in
//! maps behind a mutex taken only to find or add a series (not per increment of an
//! existing one… simple and adequate at proxy request rates).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Histogram bucket bounds, seconds.
const BUCKETS: &[f64] = &[
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0,
];

#[derive(Debug, Default)]
struct Histogram {
    counts: Vec<AtomicU64>,
    sum_micros: AtomicU64,
    total: AtomicU64,
}

impl Histogram {
    fn new() -> Histogram {
        Histogram {
            counts: (0..BUCKETS.len()).map(|_| AtomicU64::new(0)).collect(),
            ..Histogram::default()
        }
    }

    fn observe(&self, d: Duration) {
        let s = d.as_secs_f64();
        for (i, &b) in BUCKETS.iter().enumerate() {
            if s <= b {
                self.counts[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        self.sum_micros
            .fetch_add(d.as_micros() as u64, Ordering::Relaxed);
        self.total.fetch_add(1, Ordering::Relaxed);
    }

    fn render(&self, name: &str, out: &mut String) {
        let _ = writeln!(out, "# TYPE {name} histogram");
        for (i, &b) in BUCKETS.iter().enumerate() {
            let _ = writeln!(
                out,
                "{name}_bucket{{le=\"{b}\"}} {}",
                self.counts[i].load(Ordering::Relaxed)
            );
        }
        let total = self.total.load(Ordering::Relaxed);
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {total}");
        let sum = self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "{name}_sum {sum}");
        let _ = writeln!(out, "{name}_count {total}");
    }
}

/// The proxy's metrics. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Metrics {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    requests: Mutex<BTreeMap<(String, String), Arc<AtomicU64>>>,
    findings: Mutex<BTreeMap<String, Arc<AtomicU64>>>,
    detection: Histogram,
    upstream: Histogram,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            inner: Arc::new(Inner {
                requests: Mutex::new(BTreeMap::new()),
                findings: Mutex::new(BTreeMap::new()),
                detection: Histogram::new(),
                upstream: Histogram::new(),
            }),
        }
    }
}

fn bump<K: Ord + Clone>(map: &Mutex<BTreeMap<K, Arc<AtomicU64>>>, key: &K, by: u64) {
    let counter = {
        let mut m = map.lock().unwrap_or_else(|p| p.into_inner());
        Arc::clone(
            m.entry(key.clone())
                .or_insert_with(|| Arc::new(AtomicU64::new(0))),
        )
    };
    counter.fetch_add(by, Ordering::Relaxed);
}

impl Metrics {
    /// One request decided `decision` for `provider`.
    pub fn request(&self, decision: &str, provider: &str) {
        bump(
            &self.inner.requests,
            &(decision.to_string(), provider.to_string()),
            1,
        );
    }

    /// `count` findings of `label`.
    pub fn findings(&self, label: &str, count: u64) {
        bump(&self.inner.findings, &label.to_string(), count);
    }

    /// Time spent detecting one request.
    pub fn detection_time(&self, d: Duration) {
        self.inner.detection.observe(d);
    }

    /// Time until the upstream answered (headers).
    pub fn upstream_time(&self, d: Duration) {
        self.inner.upstream.observe(d);
    }

    /// Prometheus text exposition format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# TYPE scrim_requests_total counter");
        for ((decision, provider), c) in self
            .inner
            .requests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            let _ = writeln!(
                out,
                "scrim_requests_total{{decision=\"{decision}\",provider=\"{provider}\"}} {}",
                c.load(Ordering::Relaxed)
            );
        }
        let _ = writeln!(out, "# TYPE scrim_findings_total counter");
        for (label, c) in self
            .inner
            .findings
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            let _ = writeln!(
                out,
                "scrim_findings_total{{label=\"{label}\"}} {}",
                c.load(Ordering::Relaxed)
            );
        }
        self.inner
            .detection
            .render("scrim_detection_seconds", &mut out);
        self.inner
            .upstream
            .render("scrim_upstream_seconds", &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_and_histograms() {
        let m = Metrics::default();
        m.request("redact", "openai");
        m.request("redact", "openai");
        m.findings("EMAIL_ADDRESS", 3);
        m.detection_time(Duration::from_millis(3));
        let text = m.render();
        assert!(text.contains("scrim_requests_total{decision=\"redact\",provider=\"openai\"} 2"));
        assert!(text.contains("scrim_findings_total{label=\"EMAIL_ADDRESS\"} 3"));
        assert!(text.contains("scrim_detection_seconds_bucket{le=\"0.005\"} 1"));
        assert!(text.contains("scrim_detection_seconds_count 1"));
    }
}
