//! The inference workers: dedicated OS threads (never async workers), each owning
//! one ONNX Runtime session, fed through a bounded queue. A request is split into
//! batches of windows; the caller waits for all of them up to a deadline.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use ort::session::builder::GraphOptimizationLevel;
use ort::session::Session;
use ort::value::Tensor;

use super::paths::ArtifactPaths;
use super::windows::{Encoded, Tok, Window};
use super::{NerConfig, NerError};

/// One batch of windows, already padded: `ids`/`mask` are `rows × len`.
struct Job {
    ids: Vec<i64>,
    mask: Vec<i64>,
    rows: usize,
    len: usize,
    /// The caller's deadline: past it nobody waits for the answer.
    deadline: Instant,
    /// Set when the caller has returned (done, failed or timed out): the job's
    /// answer is no longer wanted.
    cancelled: Arc<AtomicBool>,
    timeout_ms: u64,
    reply: SyncSender<Result<Vec<f32>, NerError>>,
}

/// The worker pool.
pub struct Pool {
    queue: SyncSender<Job>,
    /// Jobs sent and not yet finished (queued or running).
    busy: Arc<AtomicUsize>,
    /// At most this many jobs queued or running; a request that would go past it
    /// is refused whole, before any of its jobs is sent.
    capacity: usize,
    n_labels: usize,
    _workers: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("workers", &self._workers.len())
            .finish()
    }
}

/// The process-wide ONNX Runtime environment. The shared library can be loaded
/// only once per process; the first successful load wins.
fn environment(
    library: &std::path::Path,
) -> Result<&'static ort::environment::Environment, NerError> {
    static ENV: OnceLock<Result<ort::environment::Environment, String>> = OnceLock::new();
    ENV.get_or_init(|| {
        let builder = ort::init_from(library)
            .map_err(|e| format!("cannot load {}: {e}", library.display()))?;
        builder
            .with_name("scrim")
            .with_telemetry(false)
            .build()
            .map_err(|e| format!("cannot start ONNX Runtime: {e}"))
    })
    .as_ref()
    .map_err(|e| NerError::Unavailable(e.clone()))
}

fn open_session(
    paths: &ArtifactPaths,
    config: &NerConfig,
) -> Result<(Session, bool, usize), NerError> {
    let env = environment(&paths.ort_library)?;
    let fail = |e: String| NerError::Unavailable(format!("{}: {e}", paths.model.display()));
    let session = Session::builder(env)
        .map_err(|e| fail(e.to_string()))?
        .with_optimization_level(GraphOptimizationLevel::Level3)
        .map_err(|e| fail(e.to_string()))?
        .with_intra_threads(config.intra_threads.max(1))
        .map_err(|e| fail(e.to_string()))?
        .with_inter_threads(1)
        .map_err(|e| fail(e.to_string()))?
        .commit_from_file(&paths.model)
        .map_err(|e| fail(e.to_string()))?;
    let takes_type_ids = session
        .inputs()
        .iter()
        .any(|i| i.name() == "token_type_ids");
    let n_labels = session
        .outputs()
        .first()
        .and_then(|o| o.dtype().tensor_shape().and_then(|s| s.last().copied()))
        .filter(|&n| n > 0)
        .map(|n| n as usize)
        .ok_or_else(|| fail("the model's output has no fixed label dimension".into()))?;
    Ok((session, takes_type_ids, n_labels))
}

impl Pool {
    /// Open `pool_size` sessions (one per worker thread) and start the workers.
    pub fn start(paths: &ArtifactPaths, config: &NerConfig) -> Result<Pool, NerError> {
        let (queue, jobs) = mpsc::sync_channel::<Job>(config.queue_capacity.max(1));
        let jobs = Arc::new(Mutex::new(jobs));
        let busy = Arc::new(AtomicUsize::new(0));
        let mut workers = Vec::new();
        let mut n_labels = 0;
        for i in 0..config.pool_size.max(1) {
            let (session, type_ids, labels) = open_session(paths, config)?;
            n_labels = labels;
            let jobs = Arc::clone(&jobs);
            let busy = Arc::clone(&busy);
            let handle = std::thread::Builder::new()
                .name(format!("scrim-ner-{i}"))
                .spawn(move || worker(session, type_ids, &jobs, &busy))
                .map_err(|e| NerError::Unavailable(format!("cannot start a worker thread: {e}")))?;
            workers.push(handle);
        }
        Ok(Pool {
            queue,
            busy,
            capacity: config.queue_capacity.max(1),
            n_labels,
            _workers: workers,
        })
    }

    /// Run `windows` (of the texts `encoded`) through the model; returns, per
    /// window, its tokens' logits (without `[CLS]`/`[SEP]`), `(end - start) *
    /// n_labels` values.
    pub fn infer(
        &self,
        windows: &[Window],
        encoded: &[Encoded],
        tok: &Tok,
        max_batch: usize,
        timeout: Duration,
    ) -> Result<Vec<Vec<f32>>, NerError> {
        let deadline = Instant::now() + timeout;
        // Similar lengths together, so that padding stays small.
        let mut order: Vec<usize> = (0..windows.len()).collect();
        order.sort_by_key(|&i| windows[i].end - windows[i].start);
        let batches: Vec<&[usize]> = order.chunks(max_batch.max(1)).collect();
        // All of the request's jobs or none: jobs sent for a request that is then
        // refused would run for nobody and crowd out the next requests.
        let n_jobs = batches.len();
        if self.busy.fetch_add(n_jobs, Ordering::SeqCst) + n_jobs > self.capacity {
            self.busy.fetch_sub(n_jobs, Ordering::SeqCst);
            return Err(NerError::Overloaded);
        }
        let cancelled = Arc::new(AtomicBool::new(false));
        let _cancel_on_return = CancelOnDrop(Arc::clone(&cancelled));
        let mut pending = Vec::new();
        for (k, batch) in batches.into_iter().enumerate() {
            let (tx, rx) = mpsc::sync_channel(1);
            let (ids, mask, len) = build_batch(windows, batch, encoded, tok);
            let job = Job {
                ids,
                mask,
                rows: batch.len(),
                len,
                deadline,
                cancelled: Arc::clone(&cancelled),
                timeout_ms: timeout.as_millis() as u64,
                reply: tx,
            };
            if let Err(e) = self.queue.try_send(job) {
                // This job and the ones after it were never sent.
                self.busy.fetch_sub(n_jobs - k, Ordering::SeqCst);
                return Err(match e {
                    TrySendError::Full(_) => NerError::Overloaded,
                    TrySendError::Disconnected(_) => NerError::Inference("workers stopped".into()),
                });
            }
            pending.push((batch, len, rx));
        }
        let mut out = vec![Vec::new(); windows.len()];
        for (batch, len, rx) in pending {
            let remaining = deadline.saturating_duration_since(Instant::now());
            let logits = match rx.recv_timeout(remaining) {
                // A result that arrives after the deadline is still late (the
                // caller may have been descheduled while the worker ran).
                Ok(_) if Instant::now() > deadline => {
                    return Err(NerError::Timeout(timeout.as_millis() as u64))
                }
                Ok(r) => r?,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    return Err(NerError::Timeout(timeout.as_millis() as u64))
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(NerError::Inference("a worker stopped".into()))
                }
            };
            let per_row = len * self.n_labels;
            for (r, &i) in batch.iter().enumerate() {
                let w = &windows[i];
                // Skip [CLS] (position 0); keep the window's own tokens.
                let from = r * per_row + self.n_labels;
                let to = from + (w.end - w.start) * self.n_labels;
                out[i] = logits
                    .get(from..to)
                    .ok_or_else(|| {
                        NerError::Inference("model output has an unexpected shape".into())
                    })?
                    .to_vec();
            }
        }
        Ok(out)
    }

    /// Number of output classes.
    pub fn n_labels(&self) -> usize {
        self.n_labels
    }

    /// Whether no job is queued or running: a new one starts at once.
    pub fn is_idle(&self) -> bool {
        self.busy.load(Ordering::SeqCst) == 0
    }
}

/// `[CLS] tokens [SEP]` per window, padded to the longest; returns ids, attention
/// mask and the padded length.
fn build_batch(
    windows: &[Window],
    batch: &[usize],
    encoded: &[Encoded],
    tok: &Tok,
) -> (Vec<i64>, Vec<i64>, usize) {
    let len = batch
        .iter()
        .map(|&i| windows[i].end - windows[i].start + 2)
        .max()
        .unwrap_or(2);
    let mut ids = Vec::with_capacity(batch.len() * len);
    let mut mask = Vec::with_capacity(batch.len() * len);
    for &i in batch {
        let w = &windows[i];
        let before = ids.len();
        ids.push(tok.cls);
        ids.extend_from_slice(&encoded[w.doc].ids[w.start..w.end]);
        ids.push(tok.sep);
        let real = ids.len() - before;
        ids.resize(before + len, tok.pad);
        mask.extend((0..len).map(|k| i64::from(k < real)));
    }
    (ids, mask, len)
}

/// Marks a request's jobs as unwanted when the request returns, however it returns.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

fn worker(mut session: Session, type_ids: bool, jobs: &Mutex<Receiver<Job>>, busy: &AtomicUsize) {
    loop {
        // Hold the lock only to take a job, never while running the model.
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else {
            return; // pool dropped
        };
        // A job whose caller has given up is not run: under overload the queue
        // would otherwise fill with work nobody waits for, and every request
        // after it would miss its deadline too.
        let result = if job.cancelled.load(Ordering::SeqCst) || Instant::now() > job.deadline {
            Err(NerError::Timeout(job.timeout_ms))
        } else {
            run(&mut session, type_ids, &job)
        };
        busy.fetch_sub(1, Ordering::SeqCst);
        // The caller may have timed out and gone; that is fine.
        let _ = job.reply.send(result);
    }
}

fn run(session: &mut Session, type_ids: bool, job: &Job) -> Result<Vec<f32>, NerError> {
    let shape = [job.rows, job.len];
    let err = |e: ort::Error| NerError::Inference(e.to_string());
    let ids = Tensor::from_array((shape, job.ids.clone())).map_err(err)?;
    let mask = Tensor::from_array((shape, job.mask.clone())).map_err(err)?;
    let mut inputs = ort::inputs!["input_ids" => ids, "attention_mask" => mask];
    if type_ids {
        let types = Tensor::from_array((shape, vec![0i64; job.rows * job.len])).map_err(err)?;
        inputs.push(("token_type_ids".into(), types.into()));
    }
    let outputs = session.run(inputs).map_err(err)?;
    let (_, logits) = outputs[0].try_extract_tensor::<f32>().map_err(err)?;
    Ok(logits.to_vec())
}
