//! The local certificate authority: creation, storage and loading.
//!
//! Layout under the data directory:
//!
//! ```text
//! <data_dir>/ca/            mode 0700
//! <data_dir>/ca/ca.key.pem  mode 0600  PKCS#8 ECDSA P-256 private key
//! <data_dir>/ca/ca.crt.pem  mode 0644  self-signed CA certificate
//! ```
//!
//! Both files are written to temporary files (the key one created with mode 0600, so it
//! is never readable by others, not even for an instant) and then hard-linked into place,
//! which fails instead of replacing an existing file: two processes racing to create the
//! CA cannot leave a key from one beside a certificate from the other, and an existing
//! CA key is never overwritten.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration as StdDuration;

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, SerialNumber,
};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use super::TlsError;

/// Directory of the CA inside the data directory.
pub const CA_DIR: &str = "ca";
/// File name of the CA private key (mode 0600).
pub const CA_KEY_FILE: &str = "ca.key.pem";
/// File name of the CA certificate (mode 0644).
pub const CA_CERT_FILE: &str = "ca.crt.pem";

/// How long a new CA is valid. Ten years: re-trusting a CA on every machine of a fleet
/// is expensive, and the key never leaves the data directory.
const CA_VALIDITY: Duration = Duration::days(3650);
/// How far in the past a new certificate starts, so that a client whose clock is a little
/// behind ours does not see it as "not yet valid".
pub(crate) const BACKDATE: Duration = Duration::hours(1);

/// The local CA: its certificate and the key that signs leaf certificates.
///
/// Invariants: the key matches the certificate, the certificate is a CA (basicConstraints
/// CA:true) and has not expired at load time. The key is only used to sign leaves; it is
/// never a leaf's own key. `Debug` never prints the key.
pub struct LocalCa {
    issuer: Issuer<'static, KeyPair>,
    cert: CaCertificate,
    key_path: PathBuf,
    created: bool,
}

impl fmt::Debug for LocalCa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalCa")
            .field("cert", &self.cert)
            .field("key", &"[redacted]")
            .finish()
    }
}

/// The public half of the local CA, loadable without access to the key: what `scrim ca
/// show` and `scrim ca export` need (an administrator distributing the certificate may
/// not be allowed to read the key, and should not have to be).
#[derive(Clone)]
pub struct CaCertificate {
    der: CertificateDer<'static>,
    pem: String,
    path: PathBuf,
    subject: String,
    not_before: OffsetDateTime,
    not_after: OffsetDateTime,
    public_key: Vec<u8>,
    fingerprint: String,
}

impl fmt::Debug for CaCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CaCertificate")
            .field("subject", &self.subject)
            .field("path", &self.path)
            .field("fingerprint_sha256", &self.fingerprint)
            .finish_non_exhaustive()
    }
}

impl CaCertificate {
    /// Read `<data_dir>/ca/ca.crt.pem`; [`TlsError::NotInitialized`] if it does not exist.
    /// Checks that it is a CA certificate, not that it is unexpired (`show` reports that).
    pub fn load(data_dir: &Path) -> Result<CaCertificate, TlsError> {
        let paths = CaPaths::new(data_dir);
        match read_optional(&paths.cert)? {
            Some(bytes) => CaCertificate::parse(&paths.cert, &bytes),
            None => Err(TlsError::NotInitialized { dir: paths.dir }),
        }
    }

    fn parse(path: &Path, pem: &[u8]) -> Result<CaCertificate, TlsError> {
        let corrupt = |reason: &str| TlsError::Corrupt {
            path: path.to_path_buf(),
            reason: reason.to_owned(),
        };
        let der = CertificateDer::from_pem_slice(pem)
            .map_err(|_| corrupt("no PEM certificate found (file damaged?)"))?;
        let (_, x509) = x509_parser::parse_x509_certificate(&der)
            .map_err(|_| corrupt("not a valid X.509 certificate"))?;
        let is_ca = matches!(x509.basic_constraints(), Ok(Some(bc)) if bc.value.ca);
        if !is_ca {
            return Err(TlsError::NotCa {
                path: path.to_path_buf(),
            });
        }
        let public_key = x509.public_key().subject_public_key.data.to_vec();
        let not_before = x509.validity().not_before.to_datetime();
        let not_after = x509.validity().not_after.to_datetime();
        let subject = x509.subject().to_string();
        let der = der.into_owned();
        Ok(CaCertificate {
            pem: encode_cert_pem(&der),
            fingerprint: fingerprint_sha256(&der),
            der,
            path: path.to_path_buf(),
            subject,
            not_before,
            not_after,
            public_key,
        })
    }

    /// The certificate in PEM (what clients must trust).
    pub fn pem(&self) -> &str {
        &self.pem
    }

    /// The certificate in DER.
    pub fn der(&self) -> &CertificateDer<'static> {
        &self.der
    }

    /// Path of the certificate file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// SHA-256 of the DER, as colon-separated upper-case hex (the form
    /// `openssl x509 -fingerprint -sha256` and browsers show).
    pub fn fingerprint_sha256(&self) -> &str {
        &self.fingerprint
    }

    /// The subject, e.g. `CN=scrim local CA (host, 1a2b3c4d), O=scrim`.
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// Start of the validity period.
    pub fn not_before(&self) -> OffsetDateTime {
        self.not_before
    }

    /// End of the validity period.
    pub fn not_after(&self) -> OffsetDateTime {
        self.not_after
    }

    /// The raw public key (the subjectPublicKey bits).
    pub fn public_key_raw(&self) -> &[u8] {
        &self.public_key
    }
}

/// Where the two files of a CA live.
struct CaPaths {
    dir: PathBuf,
    key: PathBuf,
    cert: PathBuf,
}

impl CaPaths {
    fn new(data_dir: &Path) -> CaPaths {
        let dir = data_dir.join(CA_DIR);
        CaPaths {
            key: dir.join(CA_KEY_FILE),
            cert: dir.join(CA_CERT_FILE),
            dir,
        }
    }
}

/// What `read_files` found.
enum Found {
    Both { key: Vec<u8>, cert: Vec<u8> },
    Neither,
    Only { present: PathBuf, missing: PathBuf },
}

impl LocalCa {
    /// Load the CA from `<data_dir>/ca/`, creating a new one if neither file exists.
    ///
    /// A half-present CA (key without certificate or the reverse) is an error, not a
    /// reason to overwrite anything.
    pub fn load_or_create(data_dir: &Path) -> Result<LocalCa, TlsError> {
        let paths = CaPaths::new(data_dir);
        match read_files(&paths)? {
            Found::Both { key, cert } => Self::from_pem(&paths, &key, &cert, false),
            Found::Neither => match create(&paths)? {
                Created::Ours => Self::load_existing(&paths, true),
                // Another process created it between our check and our link: use theirs.
                Created::Theirs => Self::load_existing(&paths, false),
            },
            Found::Only { .. } => Self::load_existing(&paths, false),
        }
    }

    /// Load an existing CA; [`TlsError::NotInitialized`] if there is none.
    pub fn load(data_dir: &Path) -> Result<LocalCa, TlsError> {
        let paths = CaPaths::new(data_dir);
        if let Found::Neither = read_files(&paths)? {
            return Err(TlsError::NotInitialized { dir: paths.dir });
        }
        Self::load_existing(&paths, false)
    }

    /// Load files that should exist, giving a concurrent creator a moment to link its
    /// second file (it links the key first, then the certificate).
    fn load_existing(paths: &CaPaths, created: bool) -> Result<LocalCa, TlsError> {
        let mut waited = StdDuration::ZERO;
        loop {
            match read_files(paths)? {
                Found::Both { key, cert } => return Self::from_pem(paths, &key, &cert, created),
                Found::Neither => {
                    return Err(TlsError::NotInitialized {
                        dir: paths.dir.clone(),
                    })
                }
                Found::Only { present, missing } => {
                    if waited >= StdDuration::from_secs(1) {
                        return Err(TlsError::Incomplete { present, missing });
                    }
                    let step = StdDuration::from_millis(50);
                    std::thread::sleep(step);
                    waited += step;
                }
            }
        }
    }

    /// Check and assemble a CA from the two files' contents.
    fn from_pem(
        paths: &CaPaths,
        key_pem: &[u8],
        cert_pem: &[u8],
        created: bool,
    ) -> Result<LocalCa, TlsError> {
        check_key_permissions(&paths.key)?;
        let corrupt = |reason: &str| TlsError::Corrupt {
            path: paths.key.clone(),
            reason: reason.to_owned(),
        };
        // Fixed descriptions only: a parser's message could quote the key file.
        let key_der = PrivateKeyDer::from_pem_slice(key_pem)
            .map_err(|_| corrupt("no PEM private key found (file damaged?)"))?;
        let key = KeyPair::try_from(&key_der)
            .map_err(|_| corrupt("not a usable private key (ECDSA P-256 PKCS#8 expected)"))?;
        let cert = CaCertificate::parse(&paths.cert, cert_pem)?;
        if cert.public_key_raw() != key.public_key_raw() {
            return Err(TlsError::KeyMismatch {
                key_path: paths.key.clone(),
                cert_path: paths.cert.clone(),
            });
        }
        if cert.not_after() <= OffsetDateTime::now_utc() {
            return Err(TlsError::CaExpired {
                path: paths.cert.clone(),
                not_after: format_utc(cert.not_after()),
            });
        }
        let issuer = Issuer::from_ca_cert_der(cert.der(), key).map_err(|_| TlsError::Corrupt {
            path: paths.cert.clone(),
            reason: "unusable as an issuer".into(),
        })?;
        Ok(LocalCa {
            issuer,
            cert,
            key_path: paths.key.clone(),
            created,
        })
    }

    /// The public half (certificate) of the CA.
    pub fn certificate(&self) -> &CaCertificate {
        &self.cert
    }

    /// The CA certificate in PEM (what clients must trust). Never the key.
    pub fn cert_pem(&self) -> String {
        self.cert.pem.clone()
    }

    /// The CA certificate in DER.
    pub fn cert_der(&self) -> &CertificateDer<'static> {
        &self.cert.der
    }

    /// Path of the CA certificate file.
    pub fn cert_path(&self) -> &Path {
        &self.cert.path
    }

    /// Path of the CA key file (for messages; its content is never exposed).
    pub fn key_path(&self) -> &Path {
        &self.key_path
    }

    /// SHA-256 of the certificate's DER, as colon-separated upper-case hex.
    pub fn fingerprint_sha256(&self) -> String {
        self.cert.fingerprint.clone()
    }

    /// The certificate's subject.
    pub fn subject(&self) -> &str {
        &self.cert.subject
    }

    /// Start of the certificate's validity.
    pub fn not_before(&self) -> OffsetDateTime {
        self.cert.not_before
    }

    /// End of the certificate's validity; leaves never outlive it.
    pub fn not_after(&self) -> OffsetDateTime {
        self.cert.not_after
    }

    /// Whether this call to [`LocalCa::load_or_create`] created the CA.
    pub fn was_created(&self) -> bool {
        self.created
    }

    /// The CA's raw public key (the subjectPublicKey bits), to check that a leaf's key differs.
    pub fn public_key_raw(&self) -> &[u8] {
        &self.cert.public_key
    }

    pub(crate) fn issuer(&self) -> &Issuer<'static, KeyPair> {
        &self.issuer
    }
}

/// Read both files; "not found" is an answer, any other error is an error.
fn read_files(paths: &CaPaths) -> Result<Found, TlsError> {
    let key = read_optional(&paths.key)?;
    let cert = read_optional(&paths.cert)?;
    Ok(match (key, cert) {
        (Some(key), Some(cert)) => Found::Both { key, cert },
        (None, None) => Found::Neither,
        (Some(_), None) => Found::Only {
            present: paths.key.clone(),
            missing: paths.cert.clone(),
        },
        (None, Some(_)) => Found::Only {
            present: paths.cert.clone(),
            missing: paths.key.clone(),
        },
    })
}

fn read_optional(path: &Path) -> Result<Option<Vec<u8>>, TlsError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(TlsError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Refuse a CA key that other users can read or write: whoever reads it can intercept
/// every TLS connection of every client that trusts the CA.
#[cfg(unix)]
fn check_key_permissions(path: &Path) -> Result<(), TlsError> {
    use std::os::unix::fs::PermissionsExt;
    let meta = fs::metadata(path).map_err(|source| TlsError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(TlsError::KeyPermissions {
            path: path.to_path_buf(),
            mode,
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_key_permissions(_path: &Path) -> Result<(), TlsError> {
    Ok(())
}

enum Created {
    Ours,
    Theirs,
}

/// Generate a CA and link its files into place without replacing existing ones.
fn create(paths: &CaPaths) -> Result<Created, TlsError> {
    create_private_dir(&paths.dir)?;
    let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)?;
    let now = OffsetDateTime::now_utc();
    let mut params = CertificateParams::default();
    params.distinguished_name = {
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CommonName, ca_common_name()?);
        dn.push(DnType::OrganizationName, "scrim");
        dn
    };
    // pathlen 0: this CA signs leaves only, never another CA.
    params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params.not_before = now - BACKDATE;
    params.not_after = now + CA_VALIDITY;
    params.serial_number = Some(random_serial()?);
    let cert = params.self_signed(&key)?;

    let key_pem = key.serialize_pem();
    let key_tmp = TempFile::write(&paths.dir, CA_KEY_FILE, key_pem.as_bytes(), 0o600)?;
    drop(key_pem);
    let cert_tmp = TempFile::write(&paths.dir, CA_CERT_FILE, cert.pem().as_bytes(), 0o644)?;

    // Key first: a reader that sees the certificate can then count on the key.
    if !key_tmp.publish(&paths.key)? {
        return Ok(Created::Theirs);
    }
    match cert_tmp.publish(&paths.cert) {
        Ok(true) => {}
        // Someone put a certificate there after we saw none, or the link failed. The key
        // we just linked cannot have been used (no certificate of ours was ever there), so
        // take it back rather than leave a half CA behind; what remains is reported by
        // the caller's load.
        Ok(false) => {
            let _ = fs::remove_file(&paths.key);
            return Ok(Created::Theirs);
        }
        Err(e) => {
            let _ = fs::remove_file(&paths.key);
            return Err(e);
        }
    }
    sync_dir(&paths.dir);
    Ok(Created::Ours)
}

/// Create `dir` (and parents) with mode 0700: the data directory holds keys.
fn create_private_dir(dir: &Path) -> Result<(), TlsError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|source| TlsError::Write {
        path: dir.to_path_buf(),
        source,
    })
}

/// A fully written, fsync'd file under a temporary name, removed on drop unless published.
struct TempFile {
    path: PathBuf,
}

impl TempFile {
    fn write(dir: &Path, name: &str, bytes: &[u8], mode: u32) -> Result<TempFile, TlsError> {
        let mut suffix = [0u8; 8];
        fill_random(&mut suffix)?;
        let path = dir.join(format!(".{name}.{}.tmp", hex::encode(suffix)));
        let werr = |source| TlsError::Write {
            path: path.clone(),
            source,
        };
        let mut opts = fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // The mode is applied at creation: the file is never more open than this.
            opts.mode(mode);
        }
        let mut file = opts.open(&path).map_err(werr)?;
        let tmp = TempFile { path: path.clone() };
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // The umask may have narrowed the mode; the certificate should still be readable
            // by the tools that import it, and the key is 0600 whatever the umask.
            file.set_permissions(fs::Permissions::from_mode(mode))
                .map_err(werr)?;
        }
        #[cfg(not(unix))]
        let _ = mode;
        file.write_all(bytes).map_err(werr)?;
        file.sync_all().map_err(werr)?;
        Ok(tmp)
    }

    /// Link the file to `dest` unless `dest` exists. `Ok(false)`: it existed.
    fn publish(self, dest: &Path) -> Result<bool, TlsError> {
        let werr = |source| TlsError::Write {
            path: dest.to_path_buf(),
            source,
        };
        match fs::hard_link(&self.path, dest) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
            // File systems without hard links: a rename after an existence check; the
            // race window it leaves only matters for two simultaneous `ca init`s there.
            Err(_) => {
                if fs::symlink_metadata(dest).is_ok() {
                    return Ok(false);
                }
                fs::rename(&self.path, dest).map_err(werr)?;
                Ok(true)
            }
        }
        // `self` drops here and removes the temporary name (a no-op after a rename).
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        // Best effort: a leftover temporary file is harmless (and the key one is 0600).
        let _ = fs::remove_file(&self.path);
    }
}

/// Make the new directory entries durable (best effort: not every platform can).
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// `scrim local CA (<host>, <random id>)`: the host tells a person which machine's CA
/// they are trusting; the random id keeps two CAs of one host (a re-created CA, or
/// containers that share a host name) from having the same subject, which confuses
/// chain building in clients that trust both.
fn ca_common_name() -> Result<String, TlsError> {
    let mut id = [0u8; 4];
    fill_random(&mut id)?;
    let id = hex::encode(id);
    Ok(match host_name() {
        Some(host) => format!("scrim local CA ({host}, {id})"),
        None => format!("scrim local CA ({id})"),
    })
}

/// The machine's host name, if it can be read without `unsafe`; only characters that
/// belong in a host name, at most 32 of them (a CN is at most 64 characters).
fn host_name() -> Option<String> {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .filter_map(|p| fs::read_to_string(p).ok())
        .map(|s| {
            s.trim()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
                .take(32)
                .collect::<String>()
        })
        .find(|h| !h.is_empty())
}

/// Fill `buf` from the operating system's generator, as an error value if it fails.
pub(crate) fn fill_random(buf: &mut [u8]) -> Result<(), TlsError> {
    use rand::RngCore;
    rand::rngs::OsRng
        .try_fill_bytes(buf)
        .map_err(|e| TlsError::Random(e.to_string()))
}

/// A random positive serial number of 128 bits (RFC 5280: unique per issuer, at most 20
/// octets; CA/B Forum: at least 64 random bits). The encoder prefixes a zero octet when
/// the top bit is set, so the value stays positive in at most 17 octets.
pub(crate) fn random_serial() -> Result<SerialNumber, TlsError> {
    let mut bytes = [0u8; 16];
    loop {
        fill_random(&mut bytes)?;
        // Zero is not a valid serial; drawing it has probability 2^-128, but be exact.
        if bytes.iter().any(|b| *b != 0) {
            return Ok(SerialNumber::from_slice(&bytes));
        }
    }
}

/// SHA-256 of `der` as `AB:CD:...`.
pub(crate) fn fingerprint_sha256(der: &[u8]) -> String {
    let digest = Sha256::digest(der);
    let pairs: Vec<String> = digest.iter().map(|b| format!("{b:02X}")).collect();
    pairs.join(":")
}

/// Canonical PEM of a certificate (64-character lines), whatever the file's layout was.
fn encode_cert_pem(der: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str("-----END CERTIFICATE-----\n");
    out
}

/// `2026-01-31 12:00:00 UTC`, without depending on `time`'s formatting feature.
pub fn format_utc(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_format() {
        let fp = fingerprint_sha256(b"abc");
        assert_eq!(fp.len(), 32 * 3 - 1);
        assert!(fp.starts_with("BA:78:16:BF:"), "{fp}");
    }

    #[test]
    fn serials_are_positive_and_random() {
        let a = random_serial().unwrap();
        let b = random_serial().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn pem_round_trips() {
        let der = vec![0x30, 0x03, 0x02, 0x01, 0x01];
        let pem = encode_cert_pem(&der);
        let back = CertificateDer::from_pem_slice(pem.as_bytes()).unwrap();
        assert_eq!(back.as_ref(), der.as_slice());
    }

    #[test]
    fn utc_format() {
        let t = OffsetDateTime::from_unix_timestamp(0).unwrap();
        assert_eq!(format_utc(t), "1970-01-01 00:00:00 UTC");
    }

    #[test]
    fn common_name_fits() {
        let cn = ca_common_name().unwrap();
        assert!(cn.starts_with("scrim local CA ("), "{cn}");
        assert!(cn.len() <= 64, "{cn}");
    }

    #[test]
    fn temp_file_removed_unless_published() {
        let dir = tempfile::tempdir().unwrap();
        let t = TempFile::write(dir.path(), "x", b"hi", 0o600).unwrap();
        let p = t.path.clone();
        assert!(p.exists());
        drop(t);
        assert!(!p.exists());
        let t = TempFile::write(dir.path(), "x", b"hi", 0o600).unwrap();
        let dest = dir.path().join("x");
        assert!(t.publish(&dest).unwrap());
        let t2 = TempFile::write(dir.path(), "x", b"other", 0o600).unwrap();
        assert!(
            !t2.publish(&dest).unwrap(),
            "an existing file is never replaced"
        );
        assert_eq!(fs::read(&dest).unwrap(), b"hi");
        let leftovers = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "temporary files are cleaned up");
    }
}
