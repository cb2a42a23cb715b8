//! Rule conditions that match flow facts: globs for hosts, paths and models, and
//! CIDR networks for client addresses.
//!
//! A glob has two wildcards: `*` (any run of characters, including none, `.` and
//! `/`) and `?` (one character). Host globs compare ASCII case-insensitively, so
//! `*.OpenAI.com` matches `api.openai.com`; `*.openai.com` does not match
//! `openai.com` itself. A glob's *specificity* is its count of literal
//! characters: `api.openai.com` is more specific than `*.openai.com`, which is
//! more specific than `*`.

use std::net::IpAddr;

/// A compiled glob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    pattern: Vec<char>,
    case_insensitive: bool,
}

impl Glob {
    /// A glob; `case_insensitive` folds ASCII case on both sides.
    pub fn new(pattern: &str, case_insensitive: bool) -> Glob {
        let pattern = if case_insensitive {
            pattern.to_ascii_lowercase()
        } else {
            pattern.to_string()
        };
        Glob {
            pattern: pattern.chars().collect(),
            case_insensitive,
        }
    }

    /// Number of literal (non-wildcard) characters.
    pub fn specificity(&self) -> usize {
        self.pattern
            .iter()
            .filter(|&&c| c != '*' && c != '?')
            .count()
    }

    /// Whether `text` matches the whole glob.
    pub fn matches(&self, text: &str) -> bool {
        let text: Vec<char> = if self.case_insensitive {
            text.chars().map(|c| c.to_ascii_lowercase()).collect()
        } else {
            text.chars().collect()
        };
        let p = &self.pattern;
        // Iterative matcher with one backtrack point (the last `*`): linear in
        // practice, O(len(p) * len(text)) at worst.
        let (mut pi, mut ti) = (0usize, 0usize);
        let mut star: Option<(usize, usize)> = None;
        while ti < text.len() {
            if pi < p.len() && (p[pi] == '?' || p[pi] == text[ti]) {
                pi += 1;
                ti += 1;
            } else if pi < p.len() && p[pi] == '*' {
                star = Some((pi, ti));
                pi += 1;
            } else if let Some((sp, st)) = star {
                pi = sp + 1;
                ti = st + 1;
                star = Some((sp, st + 1));
            } else {
                return false;
            }
        }
        p[pi..].iter().all(|&c| c == '*')
    }
}

/// An IP network: an address and a prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Parse `10.0.0.0/8`, `fd00::/8` or a bare address (a /32 or /128).
    pub fn parse(s: &str) -> Option<Cidr> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a.trim().parse::<IpAddr>().ok()?, Some(p.trim())),
            None => (s.trim().parse::<IpAddr>().ok()?, None),
        };
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|&p| p <= max)?,
            None => max,
        };
        Some(Cidr { addr, prefix })
    }

    /// Whether `ip` is inside the network (IPv4-mapped IPv6 addresses count as IPv4).
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                prefix_eq(&net.octets(), &ip.octets(), self.prefix)
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                prefix_eq(&net.octets(), &ip.octets(), self.prefix)
            }
            _ => false,
        }
    }

    /// The prefix length (more bits is more specific).
    pub fn prefix(&self) -> u8 {
        self.prefix
    }
}

fn prefix_eq(a: &[u8], b: &[u8], bits: u8) -> bool {
    let bits = usize::from(bits);
    let full = bits / 8;
    if a[..full] != b[..full] {
        return false;
    }
    let rest = bits % 8;
    if rest == 0 {
        return true;
    }
    let mask = 0xffu8 << (8 - rest);
    (a[full] & mask) == (b[full] & mask)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        let table = [
            ("*.openai.com", "api.openai.com", true),
            ("*.openai.com", "API.OpenAI.com", true),
            ("*.openai.com", "openai.com", false),
            ("*.openai.com", "api.openai.com.evil.net", false),
            ("api.openai.com", "api.openai.com", true),
            ("*", "", true),
            ("*", "anything", true),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("*a*b", "xxaxxb", true),
            ("*a*b", "xxaxxbx", false),
            ("", "", true),
            ("", "x", false),
        ];
        for (p, t, want) in table {
            assert_eq!(Glob::new(p, true).matches(t), want, "{p} vs {t}");
        }
        assert!(!Glob::new("/v1/Chat/*", false).matches("/v1/chat/x"));
        assert!(Glob::new("/v1/chat/*", false).matches("/v1/chat/completions"));
        assert!(
            Glob::new("api.openai.com", true).specificity()
                > Glob::new("*.openai.com", true).specificity()
        );
    }

    #[test]
    fn networks() {
        let table = [
            ("10.0.0.0/8", "10.1.2.3", true),
            ("10.0.0.0/8", "11.1.2.3", false),
            ("192.168.1.0/25", "192.168.1.127", true),
            ("192.168.1.0/25", "192.168.1.128", false),
            ("10.0.0.1", "10.0.0.1", true),
            ("0.0.0.0/0", "8.8.8.8", true),
            ("fd00::/8", "fd12::1", true),
            ("fd00::/8", "fe80::1", false),
            ("10.0.0.0/8", "::ffff:10.9.9.9", true),
            ("10.0.0.0/8", "fd00::1", false),
        ];
        for (net, ip, want) in table {
            let c = Cidr::parse(net).unwrap();
            assert_eq!(c.contains(ip.parse().unwrap()), want, "{net} vs {ip}");
        }
        for bad in ["10.0.0.0/33", "x/8", "", "10.0.0.0/", "::/129"] {
            assert!(Cidr::parse(bad).is_none(), "{bad}");
        }
    }
}
