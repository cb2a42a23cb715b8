//! Leaf certificates for intercepted hosts: minting, a bounded cache, and the rustls
//! resolver that picks one per handshake.
//!
//! Invariants:
//! - every leaf has its own freshly generated ECDSA P-256 key; the CA key only signs
//!   (checked on every mint, not just assumed);
//! - serials are 128 random bits; leaves are not CAs, carry EKU serverAuth, one SAN (a DNS
//!   name, or an IP address for IP literals), start [`BACKDATE`] in the past and last at
//!   most 397 days plus that, and never outlive the CA;
//! - the cache holds at most `capacity` names (least recently used evicted first) and
//!   re-mints a leaf before it expires;
//! - minting happens outside the cache lock, so one slow mint never stalls lookups.

use std::fmt;
use std::net::IpAddr;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use lru::LruCache;
use rcgen::string::Ia5String;
use rcgen::{
    CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose, SanType,
};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls_pki_types::{DnsName, PrivateKeyDer, PrivatePkcs8KeyDer};
use time::{Duration, OffsetDateTime};

use super::ca::{random_serial, BACKDATE};
use super::{LocalCa, TlsError};

/// Longest leaf validity accepted, in days. Apple platforms and browsers reject TLS server
/// certificates valid for more than 398 days; with the backdating hour this stays below.
pub const MAX_LEAF_VALIDITY_DAYS: u32 = 397;

/// Longest name accepted (the DNS limit).
const MAX_NAME_LEN: usize = 253;
/// Longest value of a Common Name attribute (X.520 ub-common-name).
const MAX_CN_LEN: usize = 64;

/// Mints leaf certificates signed by the local CA and caches them by host name.
///
/// Thread-safe and synchronous: the lock is a `std::sync::Mutex` held only for a map
/// lookup or insert (never while minting, never across an `.await`).
pub struct CertCache {
    ca: Arc<LocalCa>,
    validity: Duration,
    entries: Mutex<LruCache<String, CachedLeaf>>,
}

#[derive(Clone)]
struct CachedLeaf {
    key: Arc<CertifiedKey>,
    /// After this instant the entry is re-minted rather than served.
    renew_at: OffsetDateTime,
}

impl fmt::Debug for CertCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CertCache")
            .field("ca", &self.ca.subject())
            .field("entries", &self.len())
            .field("capacity", &self.capacity())
            .field("validity_days", &self.validity.whole_days())
            .finish()
    }
}

impl CertCache {
    /// A cache of at most `capacity` leaves (the `cert_cache_entries` setting), each valid
    /// for `leaf_validity_days` days (1 to [`MAX_LEAF_VALIDITY_DAYS`]).
    pub fn new(
        ca: Arc<LocalCa>,
        capacity: usize,
        leaf_validity_days: u32,
    ) -> Result<CertCache, TlsError> {
        let capacity = NonZeroUsize::new(capacity).ok_or_else(|| {
            TlsError::InvalidSetting("cert_cache_entries must be at least 1".into())
        })?;
        if !(1..=MAX_LEAF_VALIDITY_DAYS).contains(&leaf_validity_days) {
            return Err(TlsError::InvalidSetting(format!(
                "leaf certificate validity must be 1 to {MAX_LEAF_VALIDITY_DAYS} days, got {leaf_validity_days}"
            )));
        }
        Ok(CertCache {
            ca,
            validity: Duration::days(i64::from(leaf_validity_days)),
            entries: Mutex::new(LruCache::new(capacity)),
        })
    }

    /// The leaf for `server_name` (a host name or IP literal, any case, optionally with a
    /// trailing dot or IPv6 brackets): the cached one while it is fresh, else a new one.
    pub fn get_or_mint(&self, server_name: &str) -> Result<Arc<CertifiedKey>, TlsError> {
        let name = LeafName::parse(server_name)?;
        let now = OffsetDateTime::now_utc();
        if let Some(hit) = self.lock().get(&name.key) {
            if hit.renew_at > now {
                return Ok(Arc::clone(&hit.key));
            }
        }
        // Mint without holding the lock: key generation and signing take a millisecond,
        // and other names should not wait for it.
        let minted = self.mint(&name, now)?;
        let mut entries = self.lock();
        // Another thread may have minted the same name meanwhile; serve the one already
        // cached so a name maps to one certificate while it is cached.
        if let Some(existing) = entries.get(&name.key) {
            if existing.renew_at > now {
                return Ok(Arc::clone(&existing.key));
            }
        }
        let key = Arc::clone(&minted.key);
        entries.put(name.key, minted);
        Ok(key)
    }

    /// Number of cached leaves.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no leaf is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The most leaves the cache holds.
    pub fn capacity(&self) -> usize {
        self.lock().cap().get()
    }

    /// The CA that signs the leaves.
    pub fn ca(&self) -> &Arc<LocalCa> {
        &self.ca
    }

    fn lock(&self) -> MutexGuard<'_, LruCache<String, CachedLeaf>> {
        // A panic while holding the lock cannot leave the LRU half-updated in a way that
        // matters (worst case an entry is missing), so a poisoned lock is still usable.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn mint(&self, name: &LeafName, now: OffsetDateTime) -> Result<CachedLeaf, TlsError> {
        let ca_not_after = self.ca.not_after();
        if ca_not_after <= now {
            return Err(TlsError::CaExpired {
                path: self.ca.cert_path().to_path_buf(),
                not_after: super::ca::format_utc(ca_not_after),
            });
        }
        let not_before = now - BACKDATE;
        let not_after = (not_before + self.validity).min(ca_not_after);

        let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)?;
        // The hudsucker mistake, made impossible rather than merely unlikely.
        if key.public_key_raw() == self.ca.public_key_raw() {
            return Err(TlsError::InvalidSetting(
                "refusing to mint a leaf with the CA's own key".into(),
            ));
        }

        let mut params = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        // Clients match the SAN; the CN is for people reading the certificate, and a name
        // longer than a CN may hold is simply left out of it.
        if name.key.len() <= MAX_CN_LEN {
            dn.push(DnType::CommonName, name.key.as_str());
        }
        params.distinguished_name = dn;
        params.subject_alt_names = vec![name.san.clone()];
        params.is_ca = IsCa::ExplicitNoCa;
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        params.use_authority_key_identifier_extension = true;
        params.serial_number = Some(random_serial()?);
        params.not_before = not_before;
        params.not_after = not_after;
        let cert = params.signed_by(&key, self.ca.issuer())?;

        let key_der = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let signing_key = rustls::crypto::ring::sign::any_ecdsa_type(&key_der)?;
        // The chain is the leaf alone: the CA is a trust anchor the client already has.
        let certified = CertifiedKey::new(vec![cert.der().clone()], signing_key);

        // Renew a day before expiry (or a quarter of the lifetime, for short-lived leaves)
        // so a cached leaf never reaches a client expired.
        let margin = Duration::days(1).min((not_after - not_before) / 4);
        Ok(CachedLeaf {
            key: Arc::new(certified),
            renew_at: not_after - margin,
        })
    }
}

/// A server name checked and normalized for a certificate.
#[derive(Debug, Clone)]
struct LeafName {
    /// Lower-case name without trailing dot or brackets: the cache key and the CN.
    key: String,
    san: SanType,
}

impl LeafName {
    fn parse(raw: &str) -> Result<LeafName, TlsError> {
        let invalid = |reason: &'static str| TlsError::InvalidServerName {
            // The name came from the network: bound what goes into a message.
            name: raw.chars().take(MAX_NAME_LEN).collect(),
            reason,
        };
        let s = raw.trim();
        let s = s
            .strip_prefix('[')
            .and_then(|r| r.strip_suffix(']'))
            .unwrap_or(s);
        // "api.openai.com." (fully qualified) names the same host as "api.openai.com".
        let s = s.strip_suffix('.').unwrap_or(s);
        if s.is_empty() {
            return Err(invalid("empty name"));
        }
        if s.len() > MAX_NAME_LEN {
            return Err(invalid("longer than 253 characters"));
        }
        let key = s.to_ascii_lowercase();
        if let Ok(ip) = key.parse::<IpAddr>() {
            return Ok(LeafName {
                key: ip.to_string(),
                san: SanType::IpAddress(ip),
            });
        }
        if !key.is_ascii() {
            return Err(invalid(
                "not ASCII (internationalized names arrive in punycode)",
            ));
        }
        if key.contains('*') {
            return Err(invalid("wildcards are never minted"));
        }
        DnsName::try_from(key.as_str()).map_err(|_| invalid("not a valid DNS name"))?;
        let ia5 = Ia5String::try_from(key.as_str()).map_err(|_| invalid("not a valid DNS name"))?;
        Ok(LeafName {
            key,
            san: SanType::DnsName(ia5),
        })
    }
}

/// Picks the leaf for a handshake: the name in the ClientHello's SNI, or the name given
/// at construction (the CONNECT host) when the client sends none (old clients, or a
/// connection to an IP address, for which SNI is not sent).
///
/// Build one per intercepted connection. After the handshake the proxy should compare
/// `ServerConnection::server_name()` with the CONNECT host: a client may ask for a
/// certificate for a name other than the host it connected to.
pub struct SniResolver {
    certs: Arc<CertCache>,
    default_name: String,
}

impl fmt::Debug for SniResolver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SniResolver")
            .field("default_name", &self.default_name)
            .finish_non_exhaustive()
    }
}

impl SniResolver {
    /// A resolver that mints from `certs`, using `default_name` when there is no SNI.
    pub fn new(certs: Arc<CertCache>, default_name: impl Into<String>) -> SniResolver {
        SniResolver {
            certs,
            default_name: default_name.into(),
        }
    }
}

impl ResolvesServerCert for SniResolver {
    fn resolve(&self, client_hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let name = client_hello.server_name().unwrap_or(&self.default_name);
        match self.certs.get_or_mint(name) {
            Ok(key) => Some(key),
            Err(error) => {
                // `None` aborts the handshake: without a certificate there is nothing
                // safe to present.
                tracing::warn!(%error, "no leaf certificate for TLS handshake");
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalize() {
        let cases = [
            ("API.OpenAI.com", "api.openai.com"),
            ("api.openai.com.", "api.openai.com"),
            ("  api.anthropic.com ", "api.anthropic.com"),
            ("127.0.0.1", "127.0.0.1"),
            ("[::1]", "::1"),
            ("2001:DB8::1", "2001:db8::1"),
            ("xn--bcher-kva.example", "xn--bcher-kva.example"),
            ("localhost", "localhost"),
        ];
        for (raw, want) in cases {
            let n = LeafName::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert_eq!(n.key, want, "{raw}");
        }
        assert!(matches!(
            LeafName::parse("10.0.0.1").unwrap().san,
            SanType::IpAddress(_)
        ));
        assert!(matches!(
            LeafName::parse("a.b").unwrap().san,
            SanType::DnsName(_)
        ));
    }

    #[test]
    fn bad_names_are_errors() {
        let long = "a".repeat(254);
        let cases = [
            "",
            " ",
            ".",
            "*.openai.com",
            "bücher.example",
            "a..b",
            "bad name",
            long.as_str(),
            "-\u{0}-",
        ];
        for raw in cases {
            let err = LeafName::parse(raw).expect_err(raw);
            assert!(
                matches!(err, TlsError::InvalidServerName { .. }),
                "{raw}: {err}"
            );
        }
    }
}
