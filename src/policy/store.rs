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
        h.reload().unwrap();
        assert_eq!(h.current().version(), "3");
        assert_ne!(first.content_hash(), h.current().content_hash());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
