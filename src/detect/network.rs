//! Network identifiers: IPv4 and IPv6 host addresses (parsed, not just matched;
//! loopback, unspecified, broadcast and netmasks excluded; version strings told
//! apart by shape and context) and URLs (with a scheme, `www.`, or a known TLD
//! followed by a path). URLs that embed credentials belong to the secret detector.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::Arc;

use regex::Regex;

use super::context::{evidence, ContextRule, Evidence};
use super::features::Feature;
use super::{compile, is_token, BuildError, Detector, Finding, Label, ScanInput};

/// A run of hex digits, colons and dots with at least two colons; parsed afterwards.
const IPV6: &str = r"[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(?:%[0-9A-Za-z]+)?(?:/\d{1,4})?";

const URL_SCHEME: &str = r#"(?i)(?:https?|ftps?|sftp|wss?)://[^\s<>"'`{}|\\^\[\]]+(?:\[[0-9a-f:.]+\][^\s<>"'`{}|\\^]*)?"#;
const URL_WWW: &str = r#"(?i)www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#:][^\s<>"'`{}|\\^]*)?"#;
const URL_HOST_PATH: &str = r#"(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:com|org|net|edu|gov|mil|int|io|co|dev|app|ai|info|biz|me|tv|us|uk|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|pt|br|in|jp|cn|au|ca|ru|eu|ie|nz|za|mx|ar|cl|kr|tw|hk|sg|site|online|tech|store|cloud|xyz|page|blog|shop|news|ly|gg|to|so|ac|cc|ws)/[^\s<>"'`{}|\\^]*"#;

static IP_CONTEXT: ContextRule = ContextRule::new(
    &[
        "ip",
        "ipv4",
        "ipv6",
        "address",
        "addr",
        "host",
        "server",
        "src",
        "dst",
        "source",
        "destination",
        "from",
        "client",
        "peer",
        "remote",
        "lease",
        "gateway",
        "gw",
        "dns",
        "probe",
        "allow",
        "deny",
        "block",
        "ping",
        "connect",
        "nat",
        "subnet",
        "route",
        "proxy",
        "vpn",
        "firewall",
        "->",
        "login",
        "hop",
        "traceroute",
        "whitelist",
        "blacklist",
        "blocklist",
        "listen",
    ],
    &[
        "version",
        "ver",
        "v",
        "build",
        "release",
        "firmware",
        // "from" supports an address, but not a firmware's "from … to …"
        "firmware from",
        "upgrad",
        "updat",
        "changelog",
        "sdk",
        "tag",
        "package",
        "patch",
        "rc",
    ],
    30,
    12,
);

/// IP address and URL detector.
#[derive(Debug)]
pub struct NetworkDetector {
    ipv6: Regex,
    url_scheme: Regex,
    url_www: Regex,
    url_host_path: Regex,
    name_ip: Arc<str>,
    name_url: Arc<str>,
}

impl NetworkDetector {
    pub fn new() -> Result<Self, BuildError> {
        Ok(NetworkDetector {
            ipv6: compile("ipv6", IPV6)?,
            url_scheme: compile("url", URL_SCHEME)?,
            url_www: compile("url_www", URL_WWW)?,
            url_host_path: compile("url_host_path", URL_HOST_PATH)?,
            name_ip: Arc::from("pattern:ip"),
            name_url: Arc::from("pattern:url"),
        })
    }

    fn push(&self, out: &mut Vec<Finding>, start: usize, end: usize, label: Label, score: f32) {
        let detector = if matches!(label, Label::Url | Label::Secret) {
            self.name_url.clone()
        } else {
            self.name_ip.clone()
        };
        out.push(Finding {
            start,
            end,
            label,
            score,
            detector,
        });
    }
}

impl Detector for NetworkDetector {
    fn name(&self) -> &str {
        "network"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        let text = input.text();
        let bytes = text.as_bytes();
        let mut previous_v4: Option<(usize, f32)> = None;
        for run in input.number_runs() {
            for sub in run.subs(4) {
                if !(sub.shape_fits(&[3, 3, 3, 3]) && sub.separator() == Some(Some(b'.'))) {
                    continue;
                }
                let (start, mut end) = sub.span();
                // A CIDR prefix length follows with a slash: "10.0.0.0/8".
                if let Some(prefix_end) = sub.slash_suffix(3) {
                    end = prefix_end;
                }
                if let Some((end, mut score)) = check_ipv4(input, start, end) {
                    // "firmware from 2.14.30.62 to 7.19.1.171": the second end of a
                    // range shares the verdict of the first.
                    if let Some((prev_end, prev_score)) = previous_v4 {
                        if prev_score < 0.5 && text.get(prev_end..start) == Some(" to ") {
                            score = prev_score;
                        }
                    }
                    previous_v4 = Some((end, score));
                    self.push(out, start, end, Label::IpAddress, score);
                }
            }
        }
        if input.has(Feature::Colon) {
            for m in self.ipv6.find_iter(text) {
                if let Some((start, end)) = check_ipv6(text, m.start(), m.end()) {
                    self.push(out, start, end, Label::IpAddress, 0.9);
                }
            }
        }
        if input.has(Feature::SchemeSeparator) {
            for m in self.url_scheme.find_iter(text) {
                let end = trim_url_end(text, m.start(), m.end());
                let url = &text[m.start()..end];
                if has_credentials(url) || !has_host(url) {
                    continue;
                }
                // A signed or keyed URL is a credential as a whole (TAXONOMY: "a URL
                // that embeds credentials is labelled SECRET"), on this machine too.
                if carries_credential(url) {
                    self.push(out, m.start(), end, Label::Secret, 0.95);
                    continue;
                }
                if is_loopback_host(authority_host(url)) {
                    continue;
                }
                self.push(out, m.start(), end, Label::Url, 0.9);
            }
        }
        if input.has(Feature::Www) {
            for m in self.url_www.find_iter(text) {
                let end = trim_url_end(text, m.start(), m.end());
                if is_token(text, m.start(), end) && !preceded_by(bytes, m.start(), b"/@.") {
                    self.push(out, m.start(), end, Label::Url, 0.85);
                }
            }
        }
        if input.has(Feature::Slash) {
            for m in self.url_host_path.find_iter(text) {
                let end = trim_url_end(text, m.start(), m.end());
                let path = &text[m.start()..end];
                let path_len = path.len() - path.find('/').unwrap_or(path.len());
                // "example.com/" alone, and hosts inside a longer URL or an e-mail, are not.
                if path_len > 1
                    && is_token(text, m.start(), end)
                    && !preceded_by(bytes, m.start(), b"/@.:")
                    && !is_image_or_resource_name(text, m.start(), path)
                {
                    self.push(out, m.start(), end, Label::Url, 0.7);
                }
            }
        }
    }
}

/// Host-and-path names that are no web addresses: container images
/// (`image: ghcr.io/acme/api:2.14.0`, `…@sha256:…`) and Kubernetes resource
/// types, labels and annotations (`kubernetes.io/tls`, `app.kubernetes.io/name`).
fn is_image_or_resource_name(text: &str, start: usize, path: &str) -> bool {
    let host = path.split('/').next().unwrap_or("");
    if host.ends_with("kubernetes.io") || host.ends_with("k8s.io") || path.contains("@sha256:") {
        return true;
    }
    let key = text[super::line_start(text, start)..start]
        .trim_start_matches([' ', '-'])
        .trim_end();
    let key = key.trim_end_matches(['"', '\'']).trim_end();
    key.eq_ignore_ascii_case("image:") || key.eq_ignore_ascii_case("\"image\":")
}

fn preceded_by(bytes: &[u8], start: usize, set: &[u8]) -> bool {
    start > 0 && set.contains(&bytes[start - 1])
}

fn check_ipv4(input: &ScanInput<'_>, start: usize, end: usize) -> Option<(usize, f32)> {
    let text = input.text();
    let b = text.as_bytes();
    let (addr_end, prefix) = match text[start..end].find('/') {
        Some(i) => (start + i, text[start + i + 1..end].parse::<u8>().ok()),
        None => (end, None),
    };
    // Not glued to letters or to more dotted numbers ("1.2.3.4.5" is a version).
    let before_bad = start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'.');
    let after = if prefix.is_some() { end } else { addr_end };
    let after_bad = after < b.len()
        && (b[after].is_ascii_alphanumeric()
            || (b[after] == b'.' && b.get(after + 1).is_some_and(u8::is_ascii_digit)));
    if before_bad || after_bad {
        return None;
    }
    let addr: Ipv4Addr = text[start..addr_end].parse().ok()?;
    let o = addr.octets();
    if addr.is_loopback() || addr.is_unspecified() || addr.is_broadcast() || is_netmask(addr) {
        return None;
    }
    // "/8" belongs to the span only when it is a valid prefix length.
    let end = match prefix {
        Some(p) if p <= 32 => end,
        _ => addr_end,
    };
    if prefix.is_some_and(|p| is_network_block(addr.into(), p)) {
        return None;
    }
    let ev = match input.column_header(start) {
        Some(h) if is_version_header(h) => Evidence::Contradicts,
        _ => evidence(text, start, end, &IP_CONTEXT),
    };
    // 1.2.3.4-like addresses (single-digit middle octets) are usually versions:
    // they need context, unless they start a private range (10.0.0.1) and do not
    // follow a product name ("Next.js 10.2.3.139").
    let small_middle = o[1] < 10 && o[2] < 10;
    let version_like =
        small_middle && (!matches!(o[0], 10 | 172 | 192) || follows_product_name(text, start));
    let score = match (version_like, ev) {
        (_, Evidence::Contradicts) => 0.3,
        (true, Evidence::Supports) => 0.85,
        (true, Evidence::Neutral) => 0.4,
        (false, _) => 0.85,
    };
    Some((end, score))
}

fn is_version_header(header: &str) -> bool {
    let h = header.to_ascii_lowercase();
    ["build", "version", "release", "firmware", "ver"]
        .iter()
        .any(|w| h.contains(w))
}

/// Whether the word right before `start` (one space apart) names a product:
/// capitalized or dotted ("PostgreSQL 9.6.2.1", "Next.js 10.2.3.139"), and not a
/// word that introduces an address ("Server 10.0.0.1").
fn follows_product_name(text: &str, start: usize) -> bool {
    let Some(before) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '_'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    let lower = word.to_ascii_lowercase();
    let introduces_address = IP_CONTEXT.words.iter().any(|w| lower == *w)
        || [
            "server", "host", "gateway", "router", "node", "peer", "client", "proxy",
        ]
        .contains(&lower.as_str());
    let product_like = word.starts_with(|c: char| c.is_ascii_uppercase()) || word.contains('.');
    !word.is_empty() && product_like && !introduces_address
}

fn is_netmask(addr: Ipv4Addr) -> bool {
    let bits = u32::from(addr);
    bits.leading_ones() >= 8 && bits.leading_ones() + bits.trailing_zeros() == 32
}

fn check_ipv6(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let cand = &text[start..end];
    let (body, rest) = match cand.find(['%', '/']) {
        Some(i) => (&cand[..i], &cand[i..]),
        None => (cand, ""),
    };
    // Trailing dots/colons from the sentence ("… 2001:db8::1.") are not part of it.
    let trimmed = body.trim_end_matches('.');
    let trimmed = if trimmed.ends_with(':') && !trimmed.ends_with("::") {
        trimmed.trim_end_matches(':')
    } else {
        trimmed
    };
    let body_end = start + trimmed.len();
    let before_bad = start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b':');
    let after_pos = if trimmed.len() == body.len() {
        end
    } else {
        body_end
    };
    let after_bad =
        after_pos < b.len() && (b[after_pos].is_ascii_alphanumeric() || b[after_pos] == b'_');
    if before_bad || after_bad || trimmed.matches(':').count() < 2 {
        return None;
    }
    // The loopback with a port ("connect ECONNREFUSED ::1:5432", as Node writes
    // it) parses as another address but is `::1` and a port.
    if trimmed.strip_prefix("::1:").is_some_and(|port| {
        (1..=5).contains(&port.len()) && port.bytes().all(|c| c.is_ascii_digit())
    }) {
        return None;
    }
    let addr: Ipv6Addr = trimmed.parse().ok()?;
    let mapped_v4 = addr.to_ipv4_mapped();
    if addr.is_loopback()
        || addr.is_unspecified()
        || mapped_v4.is_some_and(|v4| v4.is_loopback() || v4.is_unspecified() || v4.is_broadcast())
    {
        return None;
    }
    if trimmed.len() < body.len() {
        return Some((start, body_end));
    }
    // Zone id ("%eth0") belongs to the address; a prefix length only when valid.
    let mut span_end = body_end;
    if let Some(zone) = rest.strip_prefix('%') {
        let zone_len = zone.find('/').unwrap_or(zone.len());
        span_end += 1 + zone_len;
    }
    if let Some(i) = rest.find('/') {
        let prefix = rest[i + 1..].parse::<u8>().ok().filter(|&p| p <= 128);
        if prefix.is_some_and(|p| is_network_block(addr.into(), p)) {
            return None;
        }
        if prefix.is_some() {
            span_end = end;
        }
    }
    Some((start, span_end))
}

/// Trailing punctuation belongs to the sentence, and a closing bracket only to the
/// URL if it opened one.
fn trim_url_end(text: &str, start: usize, mut end: usize) -> usize {
    let b = text.as_bytes();
    loop {
        if end <= start {
            return end;
        }
        let c = b[end - 1];
        let unbalanced = |open: u8, close: u8| {
            c == close
                && b[start..end].iter().filter(|&&x| x == open).count()
                    < b[start..end].iter().filter(|&&x| x == close).count()
        };
        if matches!(
            c,
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'"' | b'*'
        ) || unbalanced(b'(', b')')
            || unbalanced(b'[', b']')
        {
            end -= 1;
        } else {
            return end;
        }
    }
}

/// Whether `addr/prefix` names a network block ("10.0.0.0/8", "2001:db8::/32":
/// host bits all zero), many hosts and not one: TAXONOMY's IP_ADDRESS is a host
/// address. An interface's address with its prefix ("10.230.90.211/30") and a
/// full-length prefix ("/32", "/128") are one host.
fn is_network_block(addr: std::net::IpAddr, prefix: u8) -> bool {
    let (bits, host_zeros) = match addr {
        std::net::IpAddr::V4(v4) => (32, u32::from(v4).trailing_zeros()),
        std::net::IpAddr::V6(v6) => (128, u128::from(v6).trailing_zeros()),
    };
    u32::from(prefix) < bits && host_zeros >= bits - u32::from(prefix)
}

/// A host with a dot, a port or a bracketed IPv6 address: "http://microsoft" is
/// a typo, not an address.
fn has_host(url: &str) -> bool {
    authority_host(url).contains(['.', ':', '['])
}

/// The host (with its port) of a URL with a scheme.
fn authority_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or("", |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    authority.rsplit('@').next().unwrap_or("")
}

/// Whether a URL's host (with its port) is this machine: `localhost`, 127.x.x.x,
/// `[::1]`, `0.0.0.0`. A URL on the user's own machine points at no one, as a
/// loopback address does not (TAXONOMY's hard negatives).
fn is_loopback_host(host_port: &str) -> bool {
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host_port.split(':').next().unwrap_or(""),
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback() || ip.is_unspecified())
}

/// `scheme://user:password@host` — a credential, not just a URL.
pub(crate) fn has_credentials(url: &str) -> bool {
    let Some(rest) = url.split_once("://").map(|(_, r)| r) else {
        return false;
    };
    let authority_end = rest.rfind('@').unwrap_or(0);
    let authority = &rest[..authority_end];
    authority_end > 0 && authority.contains(':') && !authority.contains('/')
}

/// Whether a URL's query or fragment carries a credential: a signature (S3 and
/// GCS presigned URLs, Azure SAS), an access token (OAuth's implicit flow puts it
/// in the fragment), an API key or a password. Short values ("token=641105", a
/// reset link's id) and placeholders do not count.
fn carries_credential(url: &str) -> bool {
    let Some(i) = url.find(['?', '#']) else {
        return false;
    };
    url[i + 1..].split(['&', ';', '#', '?']).any(|param| {
        let Some((name, value)) = param.split_once('=') else {
            return false;
        };
        let name = name.to_ascii_lowercase();
        let min_len = match name.as_str() {
            "password" | "passwd" | "pwd" => 6,
            "sig"
            | "signature"
            | "x-amz-signature"
            | "x-goog-signature"
            | "x-amz-security-token"
            | "access_token"
            | "id_token"
            | "refresh_token"
            | "client_secret"
            | "api_key"
            | "apikey"
            | "api-key"
            | "key"
            | "token"
            | "secret"
            | "auth" => 16,
            _ => return false,
        };
        value.len() >= min_len
            && value.bytes().any(|c| c.is_ascii_digit())
            && !value.starts_with(['{', '$', '<', '%'])
            && !value.bytes().all(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Label, String)> {
        let d = NetworkDetector::new().unwrap();
        let input = ScanInput::new(text);
        let mut out = Vec::new();
        d.detect(&input, &mut out);
        out.retain(|f| f.score >= 0.5);
        super::super::merge::merge(out)
            .into_iter()
            .map(|f| (f.label, text[f.start..f.end].to_string()))
            .collect()
    }

    fn ips(text: &str) -> Vec<String> {
        found(text)
            .into_iter()
            .filter(|(l, _)| *l == Label::IpAddress)
            .map(|(_, v)| v)
            .collect()
    }

    #[test]
    fn ipv4() {
        assert_eq!(ips("LB probes 110.173.43.61. Why?"), vec!["110.173.43.61"]);
        assert_eq!(ips("(192.168.1.1)"), vec!["192.168.1.1"]);
        assert_eq!(ips("192.168.2.1@eth0"), vec!["192.168.2.1"]);
        assert_eq!(ips("eth0: 10.230.90.211/30"), vec!["10.230.90.211/30"]);
        assert_eq!(ips("host 192.168.1.1/32"), vec!["192.168.1.1/32"]);
        assert_eq!(ips("10.0.0.0/123"), vec!["10.0.0.0"]);
        assert_eq!(ips("dns 8.8.8.8"), vec!["8.8.8.8"]);
        assert_eq!(
            ips("Failed password for root from 203.0.113.5 port 22"),
            vec!["203.0.113.5"]
        );
        assert_eq!(
            ips("NAT from 10.20.30.40 to 10.20.30.41"),
            vec!["10.20.30.40", "10.20.30.41"]
        );
        assert_eq!(
            ips("Gateway IP updated from 203.0.113.1 to 203.0.113.254"),
            vec!["203.0.113.1", "203.0.113.254"]
        );
        assert_eq!(
            ips("The app keeps calling 203.0.113.45 every second"),
            vec!["203.0.113.45"]
        );
        assert_eq!(ips("Server 10.2.3.4 is down"), vec!["10.2.3.4"]);
        for none in [
            "127.0.0.1",
            "0.0.0.0",
            "255.255.255.0",
            "255.255.255.255",
            "Version 1.2.3",
            "PostgreSQL 5.3.2.117",
            "build 10.0.19045.3803",
            "1.2.3.4.5",
            "IP192.168.1.1text",
            "256.256.256.256",
            "release 110.173.43.61",
            "roadmap for Next.js 10.2.3.139",
            // an upgrade's versions, an app's (challenge 11)
            "After upgrading the switch firmware from 2.14.30.62 to 7.19.1.171 the UI",
            // network blocks, not hosts
            "Subnet: 192.168.1.0/24",
            "ipBlock: {cidr: 172.16.0.0/12}",
            "allow 10.0.0.0/8;",
        ] {
            assert!(ips(none).is_empty(), "{none}: {:?}", ips(none));
        }
    }

    #[test]
    fn ipv6() {
        for (text, want) in [
            ("2001:db8::8a2e:370:7334", "2001:db8::8a2e:370:7334"),
            (
                "Server IP: 2400:c401::5054:ff:fe1b:b031.",
                "2400:c401::5054:ff:fe1b:b031",
            ),
            ("[2001:db8::1]:8080", "2001:db8::1"),
            ("fe80::1%eth0", "fe80::1%eth0"),
            ("2001:db8::1/64", "2001:db8::1/64"),
            ("2001:db8::/9999", "2001:db8::"),
            ("::ffff:192.0.2.1", "::ffff:192.0.2.1"),
            (
                "0:0:0:0:0:FFFF:129.144.52.38",
                "0:0:0:0:0:FFFF:129.144.52.38",
            ),
        ] {
            assert_eq!(ips(text), vec![want.to_string()], "{text}");
        }
        for none in [
            "::1",
            "Error: connect ECONNREFUSED ::1:5432",
            "src=:: dst=::1",
            "std::cout",
            "MyClass::toString",
            "Time 12:34:56",
            "aa:bb:cc:dd:ee:ff",
            "fe80::1text",
            "2001::db8::1",
            "12345:db8::1",
            // network blocks, not hosts
            "route 2001:db8::/32 via",
            "fe80::/10",
        ] {
            assert!(ips(none).is_empty(), "{none}: {:?}", ips(none));
        }
    }

    #[test]
    fn signed_and_keyed_urls_are_secrets() {
        for url in [
            "https://b.s3.eu-west-1.amazonaws.com/a.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=77865ecaa9a3266706cc662216a7c6b849149419",
            "https://acct.blob.core.windows.net/c/a.pdf?sv=2022-11-02&sp=r&sig=xaoHhXT6WPwAuJKQDHyeRPHojdx1Hm0",
            "https://maps.googleapis.com/maps/api/geocode/json?address=X&key=AIzaSyZiUHB4d5H43wMv-tAMK-TL0IbNWDjP2zq",
            "https://app.example.co.ke/callback#access_token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.E0dCUDPIfZhg&token_type=Bearer",
        ] {
            let text = format!("open {url} now");
            assert_eq!(found(&text), vec![(Label::Secret, url.to_string())], "{url}");
        }
        // a reset link's short id and a placeholder are not credentials
        for url in [
            "https://cook.com/reset?token_id=641105",
            "https://api.example.com/v1?token=641105",
            "https://api.example.com/v1?api_key=YOUR_API_KEY_GOES_HERE",
        ] {
            let text = format!("open {url} now");
            assert_eq!(found(&text), vec![(Label::Url, url.to_string())], "{url}");
        }
    }

    #[test]
    fn images_and_resource_types_are_not_urls() {
        for text in [
            "    image: ghcr.io/tuwaqi/api:2.14.0\n",
            "  - image: registry.gitlab.com/pay/edge@sha256:e834267b905a2b25\n",
            "type: kubernetes.io/tls\n",
            "labels:\n  app.kubernetes.io/name: web\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert_eq!(
            found("docs at github.com/acme/api/blob/main/README.md ok"),
            vec![(
                Label::Url,
                "github.com/acme/api/blob/main/README.md".to_string()
            )]
        );
    }

    #[test]
    fn urls() {
        let urls = |t: &str| -> Vec<String> {
            found(t)
                .into_iter()
                .filter(|(l, _)| *l == Label::Url)
                .map(|(_, v)| v)
                .collect()
        };
        assert_eq!(
            urls("see https://reed.com/support/62369."),
            vec!["https://reed.com/support/62369"]
        );
        assert_eq!(urls("(https://x.org/a_(b))"), vec!["https://x.org/a_(b)"]);
        assert_eq!(
            urls("go to www.doe-john.com/portfolio!"),
            vec!["www.doe-john.com/portfolio"]
        );
        assert_eq!(
            urls("linkedin.com/in/janedoe"),
            vec!["linkedin.com/in/janedoe"]
        );
        assert!(urls("postgres://admin:pw@db:5432/app").is_empty());
        assert!(urls("http://microsoft").is_empty());
        // this machine's own addresses point at no one
        for local in [
            "http://127.0.0.1:8443/healthz",
            "curl -s http://localhost:8080/v1/items",
            "http://[::1]:3000/",
            "http://0.0.0.0:8000/docs",
        ] {
            assert!(urls(local).is_empty(), "{local}");
        }
        // a signed URL on this machine is still a credential
        assert!(found("http://127.0.0.1:9000/b/a.pdf?X-Amz-Signature=7786b1c9e0f4a2d3b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8")
            .iter()
            .any(|(l, _)| *l == Label::Secret));
        assert_eq!(
            urls("http://127.example.com/a"),
            vec!["http://127.example.com/a"]
        );
        assert!(urls("open main.py and README.md").is_empty());
        assert!(urls("mail jane@example.com/x").is_empty());
    }
}
