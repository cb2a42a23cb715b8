//! The proxy: an HTTP forward proxy (`HTTPS_PROXY`, with TLS interception of the
//! LLM API hosts) and a base-URL gateway (`/openai/v1/…`, `/anthropic/v1/…`,
//! `/gemini/…`), plus a loopback admin API.
//!
//! ```text
//! client ──CONNECT host:443──▶ server (access: networks, Proxy-Authorization)
//!     host intercepted? ── no ─▶ tunnel or deny (audited)
//!         │ yes: TLS with a leaf minted for the SNI (tls::SniResolver)
//!         ▼
//!     gateway paths join here ─▶ flow::handle (inspect → detect → decide → audit → act)
//!         ▼
//!     forward (upstream, verified TLS) │ route (local backend) │ block (provider's error)
//!         ▼
//!     respond::relay (pseudonyms restored, SSE-aware)
//! ```
//!
//! Shared state is read-mostly: the policy and the detection pipeline built from
//! it are swapped atomically on reload (SIGHUP, file change, admin API); a
//! request keeps the snapshot it started with.

pub mod access;
pub mod admin;
pub mod body;
pub mod flow;
pub mod memory;
pub mod metrics;
pub mod record;
pub mod respond;
pub mod route;
pub mod server;
pub mod upstream;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::audit::AuditLog;
use crate::config::Config;
use crate::detect::ner::{NerConfig, NerModel};
use crate::detect::pipeline::Pipeline;
use crate::policy::glob::Glob;
use crate::policy::{CompiledPolicy, PolicyHandle};
use crate::redact::HashKey;
use crate::tls::{CertCache, LocalCa};

/// The policy in force and the detection pipeline built for it.
#[derive(Debug)]
pub struct Active {
    /// The compiled policy.
    pub policy: Arc<CompiledPolicy>,
    /// Built-in detectors + the policy's recognizers + the NER model.
    pub pipeline: Arc<Pipeline>,
}

/// Everything a request handler needs.
#[derive(Debug)]
pub struct Shared {
    /// Configuration.
    pub config: Config,
    /// Policy + pipeline snapshot.
    pub active: ArcSwap<Active>,
    /// Where the policy comes from (for reloads).
    pub policy: PolicyHandle,
    /// The NER model, shared by every pipeline generation.
    pub ner: Option<NerModel>,
    /// The audit log.
    pub audit: AuditLog,
    /// The local CA.
    pub ca: Arc<LocalCa>,
    /// Minted leaf certificates.
    pub certs: Arc<CertCache>,
    /// Upstream client.
    pub upstream: upstream::Upstream,
    /// Metrics.
    pub metrics: metrics::Metrics,
    /// Access rules.
    pub access: access::Access,
    /// Host globs intercepted.
    pub intercept: Vec<Glob>,
    /// Key of the `hash` redaction operator (not the audit key).
    pub redact_key: HashKey,
    /// Requests whose text is being scanned at once (see [`scan_slots`]).
    pub scan_slots: Arc<tokio::sync::Semaphore>,
    /// Each client's pseudonyms, kept across its requests (see `memory`).
    pub pseudonyms: memory::PseudonymMemory,
}

/// How many requests' texts are scanned at once: twice the cores. More would
/// not finish sooner, and each concurrent scan holds its own regex caches (a
/// few MiB per regex under adversarial text), so an unbounded number of them is
/// a memory risk under load. A request waiting for a slot waits within its
/// detection deadline, and past it is failed closed like any detector timeout.
pub fn scan_slots() -> usize {
    2 * std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

impl Shared {
    /// Whether CONNECTs to `host` are intercepted.
    pub fn intercepts(&self, host: &str) -> bool {
        self.intercept.iter().any(|g| g.matches(host))
    }

    /// Recompile the policy from its files and swap it and a new pipeline in. On
    /// error the old ones stay in force.
    pub fn reload(&self) -> Result<bool, String> {
        let changed = self.policy.reload_if_changed().map_err(|e| e.to_string())?;
        if changed {
            let active = build_active(
                self.policy.current(),
                self.ner.clone(),
                self.config.ner.cache_entries,
            )?;
            self.active.store(Arc::new(active));
        }
        Ok(changed)
    }

    /// Force a reload (SIGHUP, admin API).
    pub fn reload_now(&self) -> Result<(), String> {
        self.policy.reload().map_err(|e| e.to_string())?;
        let active = build_active(
            self.policy.current(),
            self.ner.clone(),
            self.config.ner.cache_entries,
        )?;
        self.active.store(Arc::new(active));
        Ok(())
    }
}

fn build_active(
    policy: Arc<CompiledPolicy>,
    ner: Option<NerModel>,
    cache: usize,
) -> Result<Active, String> {
    let pipeline = policy.pipeline(ner, cache).map_err(|e| e.to_string())?;
    Ok(Active {
        pipeline: Arc::new(pipeline),
        policy,
    })
}

/// Why the proxy could not start. Messages name files and settings, never data.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// Configuration or policy problem.
    #[error("{0}")]
    Config(String),
    /// The model could not load (and NER is enabled).
    #[error(transparent)]
    Ner(#[from] crate::detect::ner::NerError),
    /// CA or TLS setup.
    #[error(transparent)]
    Tls(#[from] crate::tls::TlsError),
    /// Audit log.
    #[error(transparent)]
    Audit(#[from] crate::audit::AuditError),
    /// Binding a port.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Cause.
        source: std::io::Error,
    },
}

/// A running proxy.
#[derive(Debug)]
pub struct Running {
    /// Where the proxy listens (the real port when 0 was asked).
    pub proxy_addr: SocketAddr,
    /// Where the admin API listens.
    pub admin_addr: SocketAddr,
    /// Shared state (for tests and the CLI's start-up report).
    pub shared: Arc<Shared>,
    shutdown: watch::Sender<bool>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Running {
    /// Stop accepting, let in-flight requests finish briefly, close the audit log.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        for t in self.tasks {
            let _ = tokio::time::timeout(Duration::from_secs(5), t).await;
        }
    }
}

/// Load everything and start listening.
pub async fn start(config: Config) -> Result<Running, StartError> {
    // The admin API has no authentication (it answers audit queries and reloads
    // policies): it is for this machine only.
    if !config.admin_listen.ip().is_loopback() {
        return Err(StartError::Config(format!(
            "proxy.admin_listen: {} is not a loopback address; the admin API has no authentication, so it listens on 127.0.0.1 or ::1 only",
            config.admin_listen
        )));
    }
    std::fs::create_dir_all(&config.data_dir).map_err(|e| {
        StartError::Config(format!(
            "cannot create data directory {}: {e}",
            config.data_dir.display()
        ))
    })?;
    let policy = policy_handle(&config)?;
    let ner = if config.ner.enabled {
        Some(NerModel::load(NerConfig {
            ort_library: config.ner.ort_library.clone(),
            model_dir: config.ner.model_dir.clone(),
            pool_size: config.ner.pool_size,
            timeout_ms: config.ner.timeout_ms,
            ..NerConfig::default()
        })?)
    } else {
        None
    };
    let active = build_active(policy.current(), ner.clone(), config.ner.cache_entries)
        .map_err(StartError::Config)?;
    let ca = Arc::new(LocalCa::load_or_create(&config.data_dir)?);
    let certs = Arc::new(CertCache::new(
        Arc::clone(&ca),
        config.cert_cache_entries,
        30,
    )?);
    let audit = AuditLog::open(
        &crate::audit::audit_dir(&config.data_dir),
        config.audit.clone(),
    )?;
    let upstream = upstream::Upstream::new(&config.upstream_ca, config.upstream_timeout_ms)?;
    let redact_key = HashKey::load_or_create(&config.data_dir.join("redact.key"))
        .map_err(|e| StartError::Config(format!("redaction key: {e}")))?;
    let shared = Arc::new(Shared {
        access: access::Access::new(&config.client_networks, &config.proxy_users),
        intercept: config
            .intercept
            .iter()
            .map(|g| Glob::new(g, true))
            .collect(),
        active: ArcSwap::from_pointee(active),
        policy,
        ner,
        audit,
        ca,
        certs,
        upstream,
        metrics: metrics::Metrics::default(),
        redact_key,
        scan_slots: Arc::new(tokio::sync::Semaphore::new(scan_slots())),
        pseudonyms: memory::PseudonymMemory::new(config.pseudonym_clients, config.pseudonym_values),
        config,
    });
    let proxy_listener = TcpListener::bind(shared.config.listen)
        .await
        .map_err(|source| StartError::Bind {
            addr: shared.config.listen,
            source,
        })?;
    let admin_listener = TcpListener::bind(shared.config.admin_listen)
        .await
        .map_err(|source| StartError::Bind {
            addr: shared.config.admin_listen,
            source,
        })?;
    let proxy_addr = proxy_listener
        .local_addr()
        .map_err(|source| StartError::Bind {
            addr: shared.config.listen,
            source,
        })?;
    let admin_addr = admin_listener
        .local_addr()
        .map_err(|source| StartError::Bind {
            addr: shared.config.admin_listen,
            source,
        })?;
    let (shutdown, rx) = watch::channel(false);
    let tasks = vec![
        tokio::spawn(server::serve(
            Arc::clone(&shared),
            proxy_listener,
            rx.clone(),
        )),
        tokio::spawn(admin::serve(
            Arc::clone(&shared),
            admin_listener,
            rx.clone(),
        )),
        tokio::spawn(watch_policy(Arc::clone(&shared), rx)),
    ];
    Ok(Running {
        proxy_addr,
        admin_addr,
        shared,
        shutdown,
        tasks,
    })
}

/// The policy handle: the embedded default, one file, or several combined.
fn policy_handle(config: &Config) -> Result<PolicyHandle, StartError> {
    let report = |e: crate::policy::PolicyErrors| StartError::Config(e.to_string());
    match config.policies.as_slice() {
        [] => PolicyHandle::embedded_default().map_err(report),
        [one] => PolicyHandle::load(one.clone()).map_err(report),
        many => {
            // Several files: a root that extends them all, in order.
            let paths: Vec<String> = many
                .iter()
                .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
                .map(|p| format!("{:?}", p.display().to_string()))
                .collect();
            let root = config.data_dir.join("policy-root.toml");
            let text = format!(
                "# Written by scrim run from the --policy flags; edit those instead.\n[policy]\nname = \"combined\"\nversion = \"1\"\nextends = [{}]\n",
                paths.join(", ")
            );
            std::fs::write(&root, text)
                .map_err(|e| StartError::Config(format!("cannot write {}: {e}", root.display())))?;
            PolicyHandle::load(PathBuf::from(&root)).map_err(report)
        }
    }
}

/// Reload the policy on SIGHUP and when its files change (polled every 2 s). A
/// broken file keeps the old policy and is reported.
async fn watch_policy(shared: Arc<Shared>, mut shutdown: watch::Receiver<bool>) {
    let mut hup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()).ok();
    let mut tick = tokio::time::interval(Duration::from_secs(2));
    loop {
        tokio::select! {
            _ = shutdown.changed() => return,
            _ = async { match hup.as_mut() { Some(s) => { s.recv().await; } None => std::future::pending::<()>().await } } => {
                match shared.reload_now() {
                    Ok(()) => tracing::info!("policy reloaded (SIGHUP)"),
                    Err(e) => tracing::error!(errors = %e, "policy reload failed; the previous policy stays in force"),
                }
            }
            _ = tick.tick() => {
                match shared.reload() {
                    Ok(true) => tracing::info!("policy reloaded (file changed)"),
                    Ok(false) => {}
                    Err(e) => tracing::error!(errors = %e, "policy reload failed; the previous policy stays in force"),
                }
            }
        }
    }
}
