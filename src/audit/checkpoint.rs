//! Signed checkpoints: every N records or T seconds the writer signs the chain
//! head with the install's ed25519 key and appends the checkpoint, one JSON
//! object per line, to `checkpoints.jsonl` (synced).
//!
//! ```json
//! {"v":1,"segment":3,"records":18232,"head":"<hash of record 18231>",
//!  "time":"2025-11-24T02:50:00.123Z","public_key":"<hex>","signature":"<hex>"}
//! ```
//!
//! The signature covers [`Checkpoint::signed_message`]: a domain string and
//! every field but the signature, one per line. A checkpoint exported to an
//! outside witness (`scrim audit checkpoint --export`) later proves that the
//! first `records` records did not change: verification recomputes the chain
//! and compares the hash of record `records - 1` with `head`, and checks that
//! the install still has the key that signed it.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::keys::parse_public_key;
use super::record::{ChainHash, Timestamp};
use super::AuditError;

/// File of checkpoints in the audit directory.
pub const CHECKPOINTS_FILE: &str = "checkpoints.jsonl";

const DOMAIN: &str = "scrim-audit-checkpoint-v1";

/// A signed statement: "the first `records` records end in `head`".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Format version (1).
    pub v: u32,
    /// Segment holding record `records - 1`.
    pub segment: u64,
    /// How many records the chain had (the next `seq`).
    pub records: u64,
    /// Hash of record `records - 1`.
    pub head: ChainHash,
    /// When it was signed.
    pub time: Timestamp,
    /// The signer's ed25519 public key, hex.
    pub public_key: String,
    /// ed25519 signature of [`Checkpoint::signed_message`], hex.
    pub signature: String,
}

/// Why a checkpoint does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    /// The public key field is not a key.
    #[error("its public key is not an ed25519 key")]
    BadKey,
    /// The signature field is not a signature.
    #[error("its signature is not 64 hex bytes")]
    BadSignatureEncoding,
    /// The signature does not match the fields.
    #[error("its signature does not match its contents (forged or altered)")]
    BadSignature,
}

impl Checkpoint {
    /// The bytes the signature covers.
    pub fn signed_message(&self) -> Vec<u8> {
        format!(
            "{DOMAIN}\nv={}\nsegment={}\nrecords={}\nhead={}\ntime={}\npublic_key={}\n",
            self.v, self.segment, self.records, self.head, self.time.0, self.public_key
        )
        .into_bytes()
    }

    /// Sign a checkpoint.
    pub fn sign(
        key: &SigningKey,
        segment: u64,
        records: u64,
        head: ChainHash,
        time: Timestamp,
    ) -> Checkpoint {
        let mut cp = Checkpoint {
            v: 1,
            segment,
            records,
            head,
            time,
            public_key: hex::encode(key.verifying_key().as_bytes()),
            signature: String::new(),
        };
        cp.signature = hex::encode(key.sign(&cp.signed_message()).to_bytes());
        cp
    }

    /// The public key it claims.
    pub fn public_key(&self) -> Result<VerifyingKey, CheckpointError> {
        parse_public_key(&self.public_key).ok_or(CheckpointError::BadKey)
    }

    /// Check the signature against the checkpoint's own public key (whether
    /// that key is the install's is the caller's question).
    pub fn verify_signature(&self) -> Result<(), CheckpointError> {
        let key = self.public_key()?;
        let mut sig = [0u8; 64];
        hex::decode_to_slice(&self.signature, &mut sig)
            .map_err(|_| CheckpointError::BadSignatureEncoding)?;
        key.verify(&self.signed_message(), &Signature::from_bytes(&sig))
            .map_err(|_| CheckpointError::BadSignature)
    }
}

/// One line of a checkpoints file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckpointLine {
    /// A checkpoint (signature not yet checked).
    Ok(Checkpoint),
    /// A line that is not a checkpoint.
    Invalid(String),
    /// The last line, without its newline and unreadable: a write torn by a crash.
    Torn,
}

/// Read a checkpoints file: `(line number from 1, line)`. A missing file is empty.
pub fn read_file(path: &Path) -> Result<Vec<(usize, CheckpointLine)>, AuditError> {
    let text = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(AuditError::io(path, e)),
    };
    let complete = text.ends_with(b"\n");
    let lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
    let n = lines.len();
    let mut out = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed = serde_json::from_slice::<Checkpoint>(line);
        let entry = match parsed {
            Ok(cp) => CheckpointLine::Ok(cp),
            Err(_) if i + 1 == n && !complete => CheckpointLine::Torn,
            Err(e) => CheckpointLine::Invalid(e.to_string()),
        };
        out.push((i + 1, entry));
    }
    Ok(out)
}

/// Append a checkpoint to the audit directory's file and sync it.
pub(crate) fn append(dir: &Path, cp: &Checkpoint) -> Result<(), AuditError> {
    let path = dir.join(CHECKPOINTS_FILE);
    let mut line = serde_json::to_vec(cp).map_err(|e| AuditError::Corrupt(e.to_string()))?;
    line.push(b'\n');
    let mut f = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| AuditError::io(&path, e))?;
    // A torn line left by a crash would glue onto this one: start on a fresh line.
    let len = f.metadata().map_err(|e| AuditError::io(&path, e))?.len();
    if len > 0 && !ends_with_newline(&path, len)? {
        line.insert(0, b'\n');
    }
    f.write_all(&line)
        .and_then(|()| f.sync_data())
        .map_err(|e| AuditError::io(&path, e))
}

fn ends_with_newline(path: &Path, len: u64) -> Result<bool, AuditError> {
    use std::os::unix::fs::FileExt;
    let f = fs::File::open(path).map_err(|e| AuditError::io(path, e))?;
    let mut b = [0u8; 1];
    f.read_exact_at(&mut b, len - 1)
        .map_err(|e| AuditError::io(path, e))?;
    Ok(b[0] == b'\n')
}

/// The checkpoints of the audit directory that parse (signatures unchecked).
pub fn load(dir: &Path) -> Result<Vec<Checkpoint>, AuditError> {
    Ok(read_file(&dir.join(CHECKPOINTS_FILE))?
        .into_iter()
        .filter_map(|(_, l)| match l {
            CheckpointLine::Ok(cp) => Some(cp),
            _ => None,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_verify_and_forgeries() {
        let key = SigningKey::from_bytes(&[9; 32]);
        let cp = Checkpoint::sign(&key, 2, 100, ChainHash([1; 32]), Timestamp(5));
        assert_eq!(cp.verify_signature(), Ok(()));
        let mut forged = cp.clone();
        forged.records = 101;
        assert_eq!(
            forged.verify_signature(),
            Err(CheckpointError::BadSignature)
        );
        let mut forged = cp.clone();
        forged.head = ChainHash([2; 32]);
        assert_eq!(
            forged.verify_signature(),
            Err(CheckpointError::BadSignature)
        );
        // Re-signed with another key: the signature holds, the key differs.
        let other = SigningKey::from_bytes(&[8; 32]);
        let resigned = Checkpoint::sign(&other, 2, 100, ChainHash([1; 32]), Timestamp(5));
        assert_eq!(resigned.verify_signature(), Ok(()));
        assert_ne!(resigned.public_key, cp.public_key);
    }

    #[test]
    fn file_with_torn_last_line() {
        let dir = tempfile::tempdir().unwrap();
        let key = SigningKey::from_bytes(&[9; 32]);
        let cp = Checkpoint::sign(&key, 1, 1, ChainHash([1; 32]), Timestamp(5));
        append(dir.path(), &cp).unwrap();
        let path = dir.path().join(CHECKPOINTS_FILE);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"v\":1,\"seg").unwrap();
        let lines = read_file(&path).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1], (2, CheckpointLine::Torn));
        append(dir.path(), &cp).unwrap();
        let lines = read_file(&path).unwrap();
        assert!(matches!(lines[1].1, CheckpointLine::Invalid(_)));
        assert_eq!(lines[2], (3, CheckpointLine::Ok(cp)));
        assert_eq!(load(dir.path()).unwrap().len(), 2);
    }
}
