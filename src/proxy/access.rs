//! Who may use the proxy: a client network allow-list (loopback only by default)
//! and, when proxy users are configured, `Proxy-Authorization: Basic`. The proxy
//! is never an open relay.

use std::net::IpAddr;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::config::ProxyUser;
use crate::policy::glob::Cidr;

/// Access rules, compiled from the configuration.
#[derive(Debug, Clone)]
pub struct Access {
    networks: Vec<Cidr>,
    users: Vec<ProxyUser>,
}

/// Why a client was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The client's address is outside the allowed networks (403).
    Network,
    /// Credentials are required and missing or wrong (407).
    Credentials,
}

impl Access {
    /// From configured CIDRs (already validated) and users.
    pub fn new(networks: &[String], users: &[ProxyUser]) -> Access {
        Access {
            networks: networks.iter().filter_map(|n| Cidr::parse(n)).collect(),
            users: users.to_vec(),
        }
    }

    /// Check a client; returns the authenticated user name, if any.
    pub fn check(
        &self,
        peer: IpAddr,
        proxy_authorization: Option<&str>,
    ) -> Result<Option<String>, Refusal> {
        let peer = match peer {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(peer),
            v4 => v4,
        };
        if !self.networks.iter().any(|n| n.contains(peer)) {
            return Err(Refusal::Network);
        }
        if self.users.is_empty() {
            return Ok(None);
        }
        let (user, password) = proxy_authorization
            .and_then(|h| {
                h.strip_prefix("Basic ")
                    .or_else(|| h.strip_prefix("basic "))
            })
            .and_then(|b64| {
                base64::engine::general_purpose::STANDARD
                    .decode(b64.trim())
                    .ok()
            })
            .and_then(|raw| String::from_utf8(raw).ok())
            .and_then(|s| {
                s.split_once(':')
                    .map(|(u, p)| (u.to_string(), p.to_string()))
            })
            .ok_or(Refusal::Credentials)?;
        let digest: [u8; 32] = Sha256::digest(password.as_bytes()).into();
        // Compare every user's digest without early exit on the first byte.
        let ok = self.users.iter().filter(|u| u.name == user).any(|u| {
            u.password_sha256
                .iter()
                .zip(digest.iter())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
        });
        if ok {
            Ok(Some(user))
        } else {
            Err(Refusal::Credentials)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(name: &str, password: &str) -> ProxyUser {
        ProxyUser {
            name: name.into(),
            password_sha256: Sha256::digest(password.as_bytes()).into(),
        }
    }

    #[test]
    fn networks_and_credentials() {
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

        let auth = Access::new(&["0.0.0.0/0".into()], &[user("ci", "s3cret")]);
        let basic = |u: &str, p: &str| {
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"))
            )
        };
        let ip = "10.1.2.3".parse().unwrap();
        assert_eq!(
            auth.check(ip, Some(&basic("ci", "s3cret"))),
            Ok(Some("ci".into()))
        );
        assert_eq!(
            auth.check(ip, Some(&basic("ci", "wrong"))),
            Err(Refusal::Credentials)
        );
        assert_eq!(auth.check(ip, None), Err(Refusal::Credentials));
        assert_eq!(auth.check(ip, Some("Bearer x")), Err(Refusal::Credentials));
    }
}
