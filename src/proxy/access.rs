//! Who may use the proxy: a client network allow-list (loopback only by default)
//! and, when proxy users are configured, `Proxy-Authorization: Basic`. The proxy
//! is never an open relay.
//!
//! Passwords are configured as Argon2id PHC strings (`scrim hash-password`), so a
//! leaked configuration does not leak them. Argon2 is deliberately slow (tens of
//! milliseconds), so a credential that verified once is remembered by the SHA-256
//! of its header value, in memory only: a keep-alive client or a gateway user
//! pays the cost once, not per request. Failed attempts are never remembered.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::config::ProxyUser;
use crate::policy::glob::Cidr;

/// Verified credentials remembered at most; the memory is cleared when full.
const VERIFIED_CAPACITY: usize = 1024;

/// Access rules, compiled from the configuration.
#[derive(Debug)]
pub struct Access {
    networks: Vec<Cidr>,
    users: Vec<ProxyUser>,
    /// SHA-256 of a `Proxy-Authorization` value that verified → its user.
    verified: Mutex<HashMap<[u8; 32], String>>,
}

/// Why a client was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The client's address is outside the allowed networks (403).
    Network,
    /// Credentials are required and missing or wrong (407).
    Credentials,
}

/// The outcome of the quick checks: decided, or a password to verify (slow).
#[derive(Debug, PartialEq, Eq)]
pub enum Quick {
    /// Decided without hashing: the user (if any) or the refusal.
    Decided(Result<Option<String>, Refusal>),
    /// A credential not seen before; call [`Access::verify`] off the async workers.
    NeedsVerify,
}

impl Access {
    /// From configured CIDRs (already validated) and users.
    pub fn new(networks: &[String], users: &[ProxyUser]) -> Access {
        Access {
            networks: networks.iter().filter_map(|n| Cidr::parse(n)).collect(),
            users: users.to_vec(),
            verified: Mutex::new(HashMap::new()),
        }
    }

    /// Network allow-list, then credentials when they are cheap to decide.
    pub fn quick_check(&self, peer: IpAddr, proxy_authorization: Option<&str>) -> Quick {
        let peer = match peer {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(peer),
            v4 => v4,
        };
        if !self.networks.iter().any(|n| n.contains(peer)) {
            return Quick::Decided(Err(Refusal::Network));
        }
        if self.users.is_empty() {
            return Quick::Decided(Ok(None));
        }
        let Some(header) = proxy_authorization else {
            return Quick::Decided(Err(Refusal::Credentials));
        };
        let key: [u8; 32] = Sha256::digest(header.as_bytes()).into();
        let known = self.lock().get(&key).cloned();
        match known {
            Some(user) => Quick::Decided(Ok(Some(user))),
            None => Quick::NeedsVerify,
        }
    }

    /// Verify a `Proxy-Authorization: Basic` value against the configured users
    /// (Argon2; slow by design). Remembers it when it verifies.
    pub fn verify(&self, proxy_authorization: &str) -> Result<Option<String>, Refusal> {
        let (user, password) =
            basic_credentials(proxy_authorization).ok_or(Refusal::Credentials)?;
        let ok = self
            .users
            .iter()
            .filter(|u| u.name == user)
            .any(|u| verify_password(&password, &u.password_hash));
        if !ok {
            return Err(Refusal::Credentials);
        }
        let key: [u8; 32] = Sha256::digest(proxy_authorization.as_bytes()).into();
        let mut verified = self.lock();
        if verified.len() >= VERIFIED_CAPACITY {
            verified.clear();
        }
        verified.insert(key, user.clone());
        Ok(Some(user))
    }

    /// Both steps, for callers that may block (tests, tools).
    pub fn check(
        &self,
        peer: IpAddr,
        proxy_authorization: Option<&str>,
    ) -> Result<Option<String>, Refusal> {
        match self.quick_check(peer, proxy_authorization) {
            Quick::Decided(result) => result,
            Quick::NeedsVerify => self.verify(proxy_authorization.unwrap_or_default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<[u8; 32], String>> {
        // The map holds no invariant a panic could break; keep using it.
        self.verified
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn basic_credentials(header: &str) -> Option<(String, String)> {
    let b64 = header
        .strip_prefix("Basic ")
        .or_else(|| header.strip_prefix("basic "))?;
    let raw = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .ok()?;
    let text = String::from_utf8(raw).ok()?;
    let (user, password) = text.split_once(':')?;
    Some((user.to_string(), password.to_string()))
}

fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// Whether `phc` is an Argon2 PHC string scrim can verify against (config check).
pub fn is_valid_password_hash(phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| h.algorithm.as_str().starts_with("argon2"))
}

/// An Argon2id PHC string for `password`, with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(name: &str, password: &str) -> ProxyUser {
        ProxyUser {
            name: name.into(),
            password_hash: hash_password(password).unwrap(),
        }
    }

    fn basic(u: &str, p: &str) -> String {
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"))
        )
    }

    #[test]
    fn networks() {
        let open = Access::new(&["127.0.0.0/8".into()], &[]);
        assert_eq!(open.check("127.0.0.1".parse().unwrap(), None), Ok(None));
        assert_eq!(
            open.check("::ffff:127.0.0.1".parse().unwrap(), None),
            Ok(None)
        );
        assert_eq!(
            open.check("10.1.2.3".parse().unwrap(), None),
            Err(Refusal::Network)
        );
    }

    #[test]
    fn credentials_are_verified_once_and_then_remembered() {
        let auth = Access::new(&["0.0.0.0/0".into()], &[user("ci", "s3cret")]);
        let ip = "10.1.2.3".parse().unwrap();
        let good = basic("ci", "s3cret");
        assert_eq!(auth.quick_check(ip, Some(&good)), Quick::NeedsVerify);
        assert_eq!(auth.check(ip, Some(&good)), Ok(Some("ci".into())));
        assert_eq!(
            auth.quick_check(ip, Some(&good)),
            Quick::Decided(Ok(Some("ci".into())))
        );
        let wrong = basic("ci", "wrong");
        assert_eq!(auth.check(ip, Some(&wrong)), Err(Refusal::Credentials));
        assert_eq!(auth.quick_check(ip, Some(&wrong)), Quick::NeedsVerify);
        assert_eq!(
            auth.check(ip, Some(&basic("other", "s3cret"))),
            Err(Refusal::Credentials)
        );
        assert_eq!(auth.check(ip, None), Err(Refusal::Credentials));
        assert_eq!(auth.check(ip, Some("Bearer x")), Err(Refusal::Credentials));
        // The network check comes first, even for a remembered credential.
        let narrow = Access::new(&["127.0.0.0/8".into()], &[user("ci", "s3cret")]);
        assert_eq!(narrow.check(ip, Some(&good)), Err(Refusal::Network));
    }

    #[test]
    fn hashes_are_salted_argon2id() {
        let a = hash_password("pw").unwrap();
        let b = hash_password("pw").unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert!(is_valid_password_hash(&a));
        assert!(!is_valid_password_hash(
            "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"
        ));
        assert!(verify_password("pw", &a));
        assert!(!verify_password("pW", &a));
    }
}
