//! The one error type of the TLS module.
//!
//! Every variant that concerns a file names the file; no variant ever carries key
//! material (PEM text, DER bytes or parser messages quoting either). Parser failures on
//! the key file are therefore reported as fixed descriptions, not as the parser's text.

use std::path::PathBuf;

/// What went wrong in the local CA, leaf minting or a TLS configuration.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TlsError {
    /// Reading a file failed (other than "not found" where that means "create it").
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Creating a directory or writing a file failed.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file exists but does not hold what it should (bad PEM, bad DER, wrong key type).
    #[error("{}: {reason}", path.display())]
    Corrupt { path: PathBuf, reason: String },
    /// `LocalCa::load` found no CA in the data directory.
    #[error("no local CA in {}: run `scrim ca init` first", dir.display())]
    NotInitialized { dir: PathBuf },
    /// One half of the CA (key or certificate) exists without the other. scrim never
    /// overwrites a CA key, so a person has to decide (restore the file or remove both).
    #[error(
        "incomplete local CA: {} exists but {} does not; restore it, or remove both files to create a new CA",
        present.display(),
        missing.display()
    )]
    Incomplete { present: PathBuf, missing: PathBuf },
    /// The CA key file is readable or writable by other users.
    #[error(
        "{} is accessible to other users (mode {mode:04o}); the CA key must be mode 0600: run `chmod 600 {}`",
        path.display(),
        path.display()
    )]
    KeyPermissions { path: PathBuf, mode: u32 },
    /// The CA key does not belong to the CA certificate.
    #[error("{} does not hold the private key of the certificate in {}", key_path.display(), cert_path.display())]
    KeyMismatch {
        key_path: PathBuf,
        cert_path: PathBuf,
    },
    /// The CA certificate is not a CA (basicConstraints CA:false or missing).
    #[error("{}: not a CA certificate (basicConstraints CA:true is missing)", path.display())]
    NotCa { path: PathBuf },
    /// The CA certificate has expired: leaves signed by it would be rejected.
    #[error("{}: the local CA expired on {not_after}; remove the ca/ directory and run `scrim ca init` (then re-trust the new CA)", path.display())]
    CaExpired { path: PathBuf, not_after: String },
    /// A server name (SNI or CONNECT host) that cannot go into a certificate.
    #[error("cannot mint a certificate for {name:?}: {reason}")]
    InvalidServerName { name: String, reason: &'static str },
    /// A bound given to the certificate cache is out of range.
    #[error("invalid TLS setting: {0}")]
    InvalidSetting(String),
    /// rcgen failed to generate a key or to sign a certificate (its errors carry no key material).
    #[error("certificate generation failed: {0}")]
    Generate(#[from] rcgen::Error),
    /// rustls rejected a key, certificate or configuration.
    #[error("rustls: {0}")]
    Rustls(#[from] rustls::Error),
    /// The operating system's random number generator failed.
    #[error("the system random number generator failed: {0}")]
    Random(String),
    /// An `--upstream-ca` file could not be used.
    #[error("upstream CA file {}: {reason}", path.display())]
    UpstreamCa { path: PathBuf, reason: String },
    /// Neither the system store nor `--upstream-ca` gave a single trust root.
    #[error("no trust roots for upstream servers: the system certificate store is empty or unreadable and no --upstream-ca file was given")]
    NoTrustRoots,
}
