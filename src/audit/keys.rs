//! The two per-install keys, kept in the audit directory with mode 0600:
//!
//! - `audit.key`: 32 random bytes, the HMAC-SHA256 key of value hashes. Whoever
//!   holds it can test "did this value ever go out?"; whoever steals only the
//!   log cannot test guesses against the hashes.
//! - `signing.key`: the ed25519 secret key (32 bytes) that signs checkpoints;
//!   `signing.pub` beside it holds the public key (hex, mode 0644) for
//!   witnesses and for verification without the secret.
//!
//! Keys are created on first use (written to a temporary file, synced, renamed,
//! directory synced) and refused if their mode lets others read them.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use ed25519_dalek::{SigningKey, VerifyingKey};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use unicode_normalization::UnicodeNormalization;

use super::record::ValueHash;
use super::AuditError;
use crate::detect::Label;

/// File name of the value-hash key.
pub const VALUE_KEY_FILE: &str = "audit.key";
/// File name of the checkpoint signing key.
pub const SIGNING_KEY_FILE: &str = "signing.key";
/// File name of the checkpoint public key (hex).
pub const PUBLIC_KEY_FILE: &str = "signing.pub";

/// Domain separation for value hashes (a version bump changes every hash).
const VALUE_HASH_DOMAIN: &[u8] = b"scrim-audit-value-v1\0";

/// The HMAC key of value hashes. Never printed.
#[derive(Clone)]
pub struct ValueKey([u8; 32]);

impl fmt::Debug for ValueKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ValueKey([redacted])")
    }
}

impl ValueKey {
    /// A key from bytes (tests).
    pub fn from_bytes(b: [u8; 32]) -> ValueKey {
        ValueKey(b)
    }

    /// Load `audit.key` from `dir` (never creates it).
    pub fn load(dir: &Path) -> Result<ValueKey, AuditError> {
        let path = dir.join(VALUE_KEY_FILE);
        Ok(ValueKey(read_secret(&path)?))
    }

    /// The keyed hash of `value` detected as `label`:
    /// HMAC-SHA256(key, domain ‖ LABEL ‖ 0 ‖ normalized value), hex.
    /// See [`normalize_value`] for which spellings hash alike.
    pub fn hash(&self, label: Label, value: &str) -> ValueHash {
        // HMAC takes keys of any length: this cannot fail.
        let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&self.0) else {
            return ValueHash::from_digest([0; 32]);
        };
        mac.update(VALUE_HASH_DOMAIN);
        mac.update(label.as_str().as_bytes());
        mac.update(&[0]);
        mac.update(normalize_value(label, value).as_bytes());
        ValueHash::from_digest(mac.finalize().into_bytes().into())
    }

    /// The hashes `value` would have under every label (for a search that does
    /// not name the label).
    pub fn hash_all_labels(&self, value: &str) -> Vec<(Label, ValueHash)> {
        Label::ALL
            .iter()
            .map(|&l| (l, self.hash(l, value)))
            .collect()
    }
}

/// The spelling of a value that is hashed, so that an investigator typing
/// `078 05 1120` finds `078-05-1120`: NFKC and trimmed; then
/// - identifiers made of digits and letters (SSN, card, bank, IBAN, NHS,
///   passport, licence, record and plan numbers, MAC addresses): separators
///   (space, `-`, `.`, `/`, `:`, parentheses) removed, upper case;
/// - phone numbers: the same, a leading `+` kept;
/// - e-mail addresses and IP addresses: lower case;
/// - names, places, organizations, NRP: lower case, inner whitespace collapsed;
/// - everything else (URLs, dates, secrets, crypto addresses): as written.
pub fn normalize_value(label: Label, value: &str) -> String {
    let v: String = value.nfkc().collect();
    let v = v.trim();
    let strip = |s: &str| -> String {
        s.chars()
            .filter(|c| !(c.is_whitespace() || "-./:()".contains(*c)))
            .flat_map(char::to_uppercase)
            .collect()
    };
    match label {
        Label::UsSsn
        | Label::CreditCard
        | Label::UsBankNumber
        | Label::IbanCode
        | Label::UkNhs
        | Label::UsPassport
        | Label::UsDriverLicense
        | Label::MedicalRecordNumber
        | Label::HealthPlanId
        | Label::MacAddress => strip(v),
        Label::PhoneNumber => {
            let plus = if v.starts_with('+') { "+" } else { "" };
            format!("{plus}{}", strip(v))
        }
        Label::EmailAddress | Label::IpAddress => v.to_lowercase(),
        Label::Person | Label::Location | Label::Organization | Label::Nrp => v
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
        _ => v.to_string(),
    }
}

/// Load or create the value key and the signing key in `dir`.
pub(crate) fn load_or_create(dir: &Path) -> Result<(ValueKey, SigningKey), AuditError> {
    let value = load_or_create_secret(&dir.join(VALUE_KEY_FILE), |buf| {
        use rand::RngCore;
        rand::rngs::OsRng.fill_bytes(buf)
    })?;
    let signing_path = dir.join(SIGNING_KEY_FILE);
    let secret = load_or_create_secret(&signing_path, |buf| {
        let k = SigningKey::generate(&mut rand::rngs::OsRng);
        buf.copy_from_slice(&k.to_bytes());
    })?;
    let signing = SigningKey::from_bytes(&secret);
    let public_path = dir.join(PUBLIC_KEY_FILE);
    let public_hex = hex::encode(signing.verifying_key().as_bytes());
    match fs::read_to_string(&public_path) {
        Ok(s) if s.trim() == public_hex => {}
        Ok(_) => {
            return Err(AuditError::Key {
                path: public_path,
                reason: "does not match signing.key (was a key replaced?)".into(),
            })
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            write_atomically(&public_path, format!("{public_hex}\n").as_bytes(), 0o644)?;
        }
        Err(e) => return Err(AuditError::io(&public_path, e)),
    }
    Ok((ValueKey(value), signing))
}

/// The public key of the install: `signing.pub`, else derived from
/// `signing.key`; `None` if neither exists.
pub fn load_public_key(dir: &Path) -> Result<Option<VerifyingKey>, AuditError> {
    let public_path = dir.join(PUBLIC_KEY_FILE);
    match fs::read_to_string(&public_path) {
        Ok(s) => parse_public_key(s.trim())
            .map(Some)
            .ok_or_else(|| AuditError::Key {
                path: public_path,
                reason: "not an ed25519 public key in hex".into(),
            }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            match read_secret(&dir.join(SIGNING_KEY_FILE)) {
                Ok(secret) => Ok(Some(SigningKey::from_bytes(&secret).verifying_key())),
                Err(AuditError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(AuditError::io(&public_path, e)),
    }
}

/// An ed25519 public key from 64 hex digits.
pub fn parse_public_key(hex_str: &str) -> Option<VerifyingKey> {
    let mut b = [0u8; 32];
    hex::decode_to_slice(hex_str, &mut b).ok()?;
    VerifyingKey::from_bytes(&b).ok()
}

fn read_secret(path: &Path) -> Result<[u8; 32], AuditError> {
    let meta = fs::metadata(path).map_err(|e| AuditError::io(path, e))?;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(AuditError::Key {
            path: path.to_path_buf(),
            reason: format!("mode {mode:o} lets other users read it; run `chmod 600` on it"),
        });
    }
    let bytes = fs::read(path).map_err(|e| AuditError::io(path, e))?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| AuditError::Key {
        path: path.to_path_buf(),
        reason: format!("expected 32 bytes, found {}", bytes.len()),
    })
}

fn load_or_create_secret(
    path: &Path,
    generate: impl FnOnce(&mut [u8; 32]),
) -> Result<[u8; 32], AuditError> {
    match read_secret(path) {
        Err(AuditError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            let mut k = [0u8; 32];
            generate(&mut k);
            write_atomically(path, &k, 0o600)?;
            Ok(k)
        }
        other => other,
    }
}

/// Write `bytes` to `path` with `mode`: temporary file, sync, rename, sync the
/// directory. Fails if `path` appeared meanwhile (never overwrites a key).
fn write_atomically(path: &Path, bytes: &[u8], mode: u32) -> Result<(), AuditError> {
    let tmp = tmp_path(path);
    let _ = fs::remove_file(&tmp);
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(&tmp)
        .map_err(|e| AuditError::io(&tmp, e))?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| AuditError::io(&tmp, e))?;
    drop(f);
    // hard_link fails if the target exists: a concurrent creator wins, we reload.
    fs::hard_link(&tmp, path).map_err(|e| AuditError::io(path, e))?;
    let _ = fs::remove_file(&tmp);
    sync_dir(path.parent().unwrap_or(Path::new(".")))
}

fn tmp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp{}", std::process::id()));
    path.with_file_name(name)
}

/// fsync a directory (makes created, renamed and removed names durable).
pub(crate) fn sync_dir(dir: &Path) -> Result<(), AuditError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| AuditError::io(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_table() {
        for (label, a, b) in [
            (Label::UsSsn, "078-05-1120", "078 05 1120"),
            (
                Label::CreditCard,
                "4111 1111 1111 1111",
                "4111-1111-1111-1111",
            ),
            (
                Label::IbanCode,
                "gb82 west 1234 5698 7654 32",
                "GB82WEST12345698765432",
            ),
            (Label::PhoneNumber, "+44 20 7946 0958", "+442079460958"),
            (
                Label::EmailAddress,
                "Jo.Bloggs@Example.org",
                "jo.bloggs@example.org",
            ),
            (Label::Person, "  Jo   Bloggs ", "jo bloggs"),
            (Label::UsSsn, "０７８-05-1120", "078051120"),
        ] {
            assert_eq!(normalize_value(label, a), normalize_value(label, b), "{a}");
        }
        assert_ne!(
            normalize_value(Label::Secret, "AbC"),
            normalize_value(Label::Secret, "abc")
        );
        assert_ne!(
            normalize_value(Label::PhoneNumber, "+1 555"),
            normalize_value(Label::PhoneNumber, "1 555")
        );
    }

    #[test]
    fn hashes_are_keyed_and_labelled() {
        let k1 = ValueKey::from_bytes([1; 32]);
        let k2 = ValueKey::from_bytes([2; 32]);
        let h = k1.hash(Label::UsSsn, "078-05-1120");
        assert_eq!(h, k1.hash(Label::UsSsn, "078 05 1120"));
        assert_ne!(h, k2.hash(Label::UsSsn, "078-05-1120"));
        assert_ne!(h, k1.hash(Label::UsBankNumber, "078-05-1120"));
        assert_eq!(h.as_str().len(), 64);
        assert!(k1
            .hash_all_labels("078-05-1120")
            .contains(&(Label::UsSsn, h)));
        assert_eq!(format!("{k1:?}"), "ValueKey([redacted])");
    }

    #[test]
    fn keys_are_created_private_and_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        let (v1, s1) = load_or_create(dir.path()).unwrap();
        for f in [VALUE_KEY_FILE, SIGNING_KEY_FILE] {
            let mode = fs::metadata(dir.path().join(f))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{f}");
        }
        let (v2, s2) = load_or_create(dir.path()).unwrap();
        assert_eq!(v1.0, v2.0);
        assert_eq!(s1.to_bytes(), s2.to_bytes());
        assert_eq!(
            load_public_key(dir.path()).unwrap(),
            Some(s1.verifying_key())
        );
        fs::set_permissions(
            dir.path().join(VALUE_KEY_FILE),
            fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        let err = load_or_create(dir.path()).unwrap_err().to_string();
        assert!(err.contains("chmod 600"), "{err}");
    }
}
