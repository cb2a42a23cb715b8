//! The policy in force, swappable at run time. Request handlers take a cheap
//! snapshot (`current()`, an `Arc`) and keep it for the whole request, so a
//! reload never changes the rules under a request in flight. A reload compiles
//! the new files completely first; if anything is wrong the old policy stays in
//! force and the errors are returned for the caller to report.
//!
//! Wiring SIGHUP and file watching to [`PolicyHandle::reload`] is the proxy's
//! job. The policy's detectors and thresholds change with it: a caller that
//! caches an `Engine` should rebuild it when `current()` returns a different
//! `Arc` (`Arc::ptr_eq`).

use std::path::PathBuf;
use std::sync::Arc;

use arc_swap::ArcSwap;

use super::compiled::CompiledPolicy;
use super::error::PolicyErrors;
use super::source::{EmbeddedLoader, FsLoader, Loader, EMBEDDED_PREFIX};

/// Where the policy is reloaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyOrigin {
    /// A file (and the files it extends).
    File(PathBuf),
    /// A policy compiled into the binary (e.g. `default.toml`).
    Embedded(String),
}

/// The policy in force.
#[derive(Debug)]
pub struct PolicyHandle {
    origin: PolicyOrigin,
    current: ArcSwap<CompiledPolicy>,
}

impl PolicyHandle {
    /// Compile `origin` and hold it.
    pub fn new(origin: PolicyOrigin) -> Result<PolicyHandle, PolicyErrors> {
        let policy = compile_origin(&origin)?;
        Ok(PolicyHandle {
            origin,
            current: ArcSwap::from_pointee(policy),
        })
    }

    /// Load a policy file.
    pub fn load(path: impl Into<PathBuf>) -> Result<PolicyHandle, PolicyErrors> {
        PolicyHandle::new(PolicyOrigin::File(path.into()))
    }

    /// The embedded default policy (`policies/default.toml`).
    pub fn embedded_default() -> Result<PolicyHandle, PolicyErrors> {
        PolicyHandle::new(PolicyOrigin::Embedded("default.toml".to_string()))
    }

    /// Where the policy comes from.
    pub fn origin(&self) -> &PolicyOrigin {
        &self.origin
    }

    /// A snapshot of the policy in force.
    pub fn current(&self) -> Arc<CompiledPolicy> {
        self.current.load_full()
    }

    /// Recompile from the origin and swap atomically; on error keep the old policy.
    pub fn reload(&self) -> Result<(), PolicyErrors> {
        let policy = compile_origin(&self.origin)?;
        self.current.store(Arc::new(policy));
        Ok(())
    }

    /// Like [`reload`](Self::reload), but swap only when the sources changed
    /// (their content hash differs); `Ok(true)` when a new policy is in force.
    /// For a file watcher or a poll loop: an unchanged policy keeps its `Arc`, so
    /// callers caching an engine per policy do not rebuild it.
    pub fn reload_if_changed(&self) -> Result<bool, PolicyErrors> {
        let policy = compile_origin(&self.origin)?;
        if policy.content_hash() == self.current.load().content_hash() {
            return Ok(false);
        }
        self.current.store(Arc::new(policy));
        Ok(true)
    }
}

fn compile_origin(origin: &PolicyOrigin) -> Result<CompiledPolicy, PolicyErrors> {
    match origin {
        PolicyOrigin::File(path) => {
            let id = path.to_string_lossy();
            super::compile::compile(&FsLoader as &dyn Loader, &id)
        }
        PolicyOrigin::Embedded(name) => {
            let id = EmbeddedLoader.resolve("", name, false);
            debug_assert!(id.starts_with(EMBEDDED_PREFIX));
            super::compile::compile(&EmbeddedLoader, &id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_reload_keeps_the_old_policy() {
        let dir = std::env::temp_dir().join(format!("scrim-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("p.toml");
        let good = "[policy]\nname = \"p\"\nversion = \"1\"\n";
        std::fs::write(&path, good).unwrap();
        let h = PolicyHandle::load(&path).unwrap();
        let first = h.current();
        assert_eq!(first.version(), "1");

        std::fs::write(
            &path,
            "[policy]\nname = \"p\"\nversion = \"2\"\nbogus = 1\n",
        )
        .unwrap();
        let err = h.reload().unwrap_err();
        assert!(err.to_string().contains("unknown key `bogus`"), "{err}");
        assert!(
            Arc::ptr_eq(&first, &h.current()),
            "old policy stays in force"
        );

        std::fs::write(&path, good.replace("\"1\"", "\"3\"")).unwrap();
        assert!(h.reload_if_changed().unwrap());
        assert_eq!(h.current().version(), "3");
        let third = h.current();
        assert!(!h.reload_if_changed().unwrap());
        assert!(Arc::ptr_eq(&third, &h.current()), "unchanged: same Arc");
        assert_ne!(first.content_hash(), h.current().content_hash());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn dictionary_files_are_read_beside_the_policy_and_hashed() {
        let dir = std::env::temp_dir().join(format!("scrim-dict-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("p.toml");
        std::fs::write(
            &path,
            "[policy]\nname = \"p\"\nversion = \"1\"\n[[dictionary]]\nid = \"patients\"\nlabel = \"PERSON\"\nfile = \"patients.txt\"\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("patients.txt"),
            "# one per line\nJane Roe\n\nJohn Q Public\n",
        )
        .unwrap();
        let h = PolicyHandle::load(&path).unwrap();
        let engine = h.current().engine().unwrap();
        let found: Vec<_> = engine
            .scan("Notes on jane roe and John Q Public.")
            .into_iter()
            .filter(|f| &*f.detector == "policy:patients")
            .map(|f| (f.start, f.end))
            .collect();
        assert_eq!(found, [(9, 17), (22, 35)]);
        std::fs::write(dir.join("patients.txt"), "Jane Roe\n").unwrap();
        assert!(
            h.reload_if_changed().unwrap(),
            "a changed word list is a changed policy"
        );
        std::fs::remove_file(dir.join("patients.txt")).unwrap();
        let err = h.reload().unwrap_err().to_string();
        assert!(
            err.contains("p.toml:7:8: cannot read dictionary file `patients.txt`"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
