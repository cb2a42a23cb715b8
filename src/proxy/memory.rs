//! Pseudonyms that outlive one request: one map per client, so a conversation
//! the provider keeps (`previous_response_id`, threads, a chat history resent
//! in part) sees each person under one placeholder from turn to turn, and no
//! placeholder ever names two people.
//!
//! Without it, every request numbered from 1: Alice was `<PERSON_1>` in the
//! first turn and Bob `<PERSON_1>` in the second, so the model merged them and
//! the answer to the second turn put Bob's name where the model meant Alice.
//!
//! A client is the credential it sends upstream (`Authorization`, `x-api-key`,
//! `x-goog-api-key`, `api-key`, Gemini's `?key=`) together with its proxy
//! identity, hashed; a request with neither gets a map of its own, as before.
//! A response restores only the values its own request carried: several end
//! users behind one API key share a map (so they share numbering), but none can
//! make the model echo a placeholder and get another's value back. An answer
//! that names an earlier turn's placeholder shows the placeholder, never a
//! wrong value.
//!
//! The maps live in memory only (never on disk, never in the audit log) and are
//! bounded: least recently used clients are dropped, and a client's map over
//! its cap forgets its values but keeps counting. A dropped map, a restart or a
//! rotated credential starts numbering again at 1, so a conversation kept
//! across one of those can still see a number twice.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, PoisonError};

use http::HeaderMap;
use lru::LruCache;
use sha2::{Digest, Sha256};

use crate::redact::Pseudonyms;

/// Clients remembered at once.
pub const MAX_CLIENTS: usize = 1024;
/// Values remembered per client before its map starts over (numbering goes on).
pub const MAX_VALUES_PER_CLIENT: usize = 4096;

/// Headers that carry the credential a client sends to its provider.
const CREDENTIAL_HEADERS: &[&str] = &["authorization", "x-api-key", "x-goog-api-key", "api-key"];

/// Each client's map, by client key, least recently used first out.
type ClientMaps = LruCache<[u8; 32], Arc<Mutex<Pseudonyms>>>;

/// The per-client pseudonym maps.
pub struct PseudonymMemory {
    /// `None` when configured off (`pseudonym_clients = 0`).
    clients: Option<Mutex<ClientMaps>>,
    max_values: usize,
}

impl std::fmt::Debug for PseudonymMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let clients = self
            .clients
            .as_ref()
            .map_or(0, |c| c.try_lock().map_or(0, |c| c.len()));
        write!(f, "PseudonymMemory({clients} clients, [redacted])")
    }
}

impl Default for PseudonymMemory {
    fn default() -> Self {
        PseudonymMemory::new(MAX_CLIENTS, MAX_VALUES_PER_CLIENT)
    }
}

impl PseudonymMemory {
    /// Room for `clients` clients of up to `max_values` values each; with 0
    /// clients nothing is kept: every request gets a map of its own (for
    /// deployments that want no raw value held past its request).
    pub fn new(clients: usize, max_values: usize) -> PseudonymMemory {
        PseudonymMemory {
            clients: NonZeroUsize::new(clients).map(|cap| Mutex::new(LruCache::new(cap))),
            max_values: max_values.max(1),
        }
    }

    /// The map a request's pseudonyms go in: its client's (see [`client_key`]),
    /// or one of its own when it names no client.
    pub fn for_request(&self, key: Option<[u8; 32]>) -> Arc<Mutex<Pseudonyms>> {
        match key {
            Some(key) => self.for_client(key),
            None => fresh_map(),
        }
    }

    /// The map of the client `key` (see [`client_key`]), made on first use.
    /// A map over its cap forgets its values first.
    pub fn for_client(&self, key: [u8; 32]) -> Arc<Mutex<Pseudonyms>> {
        let Some(clients) = &self.clients else {
            return fresh_map();
        };
        // A panic elsewhere while a map was held leaves a map that is still
        // whole (insertions are single HashMap operations): keep using it.
        let mut clients = clients.lock().unwrap_or_else(PoisonError::into_inner);
        let map = clients.get_or_insert(key, fresh_map).clone();
        drop(clients);
        let mut guard = map.lock().unwrap_or_else(PoisonError::into_inner);
        if guard.len() >= self.max_values {
            guard.forget_values();
        }
        drop(guard);
        map
    }
}

/// A map no other request shares.
fn fresh_map() -> Arc<Mutex<Pseudonyms>> {
    Arc::new(Mutex::new(Pseudonyms::new()))
}

/// Who a request's pseudonyms belong to: a hash of its proxy identity and the
/// provider credentials it carries in headers or in a `key` query parameter
/// (never the credentials themselves). `None` when it carries neither: such
/// requests cannot be told apart, so none shares a map.
pub fn client_key(
    identity: Option<&str>,
    headers: &HeaderMap,
    path_and_query: &str,
) -> Option<[u8; 32]> {
    let mut h = Sha256::new();
    h.update(b"scrim pseudonym client v1\0");
    let mut known = false;
    let mut part = |name: &[u8], value: &[u8]| {
        known = true;
        h.update(name);
        h.update(b"\0");
        h.update(value);
        h.update(b"\0");
    };
    if let Some(id) = identity {
        part(b"identity", id.as_bytes());
    }
    for name in CREDENTIAL_HEADERS {
        for value in headers.get_all(*name) {
            part(name.as_bytes(), value.as_bytes());
        }
    }
    let query = path_and_query.split_once('?').map_or("", |(_, q)| q);
    for pair in query.split('&') {
        if let Some(value) = pair.strip_prefix("key=") {
            part(b"key", value.as_bytes());
        }
    }
    known.then(|| h.finalize().into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::Label;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, v.parse().unwrap());
        }
        h
    }

    fn remember(memory: &PseudonymMemory, key: [u8; 32], name: &str) {
        memory
            .for_client(key)
            .lock()
            .unwrap()
            .placeholder(Label::Person, name);
    }

    #[test]
    fn one_client_keeps_its_numbers_across_requests() {
        let memory = PseudonymMemory::default();
        let key = client_key(None, &headers(&[("authorization", "Bearer sk-a")]), "/v1").unwrap();
        let first = memory.for_client(key);
        assert_eq!(
            first.lock().unwrap().placeholder(Label::Person, "Alice"),
            "<PERSON_1>"
        );
        let second = memory.for_client(key);
        let mut map = second.lock().unwrap();
        assert_eq!(map.placeholder(Label::Person, "Bob"), "<PERSON_2>");
        assert_eq!(map.placeholder(Label::Person, "Alice"), "<PERSON_1>");
        assert_eq!(map.len(), 2);
        // A new request restores only what it carries itself.
        map.begin_request();
        map.placeholder(Label::Person, "Bob");
        let restore = map.request_restore_map();
        assert_eq!(restore.len(), 1);
        assert_eq!(restore["<PERSON_2>"], "Bob");
    }

    #[test]
    fn with_no_room_for_clients_every_request_has_its_own_map() {
        let memory = PseudonymMemory::new(0, MAX_VALUES_PER_CLIENT);
        let key = client_key(Some("a"), &HeaderMap::new(), "/").unwrap();
        remember(&memory, key, "Alice");
        let again = memory.for_client(key);
        let mut again = again.lock().unwrap();
        assert!(again.is_empty(), "nothing was kept");
        assert_eq!(again.placeholder(Label::Person, "Bob"), "<PERSON_1>");
    }

    #[test]
    fn clients_never_share_a_map() {
        let memory = PseudonymMemory::default();
        let key = |id, h: &[(&'static str, &str)], path| client_key(id, &headers(h), path);
        let a = key(None, &[("authorization", "Bearer sk-a")], "/v1").unwrap();
        let b = key(None, &[("authorization", "Bearer sk-b")], "/v1").unwrap();
        let c = key(Some("carol"), &[("authorization", "Bearer sk-a")], "/v1").unwrap();
        let anthropic = key(None, &[("x-api-key", "sk-a")], "/v1").unwrap();
        let gemini_a = key(None, &[], "/v1beta/m:generateContent?key=AIzaA").unwrap();
        let gemini_b = key(None, &[], "/v1beta/m:generateContent?alt=sse&key=AIzaB").unwrap();
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, anthropic);
        assert_ne!(gemini_a, gemini_b);
        // Neither identity nor credential: no shared map at all.
        assert_eq!(key(None, &[], "/v1/chat/completions?x=1"), None);
        remember(&memory, a, "Alice");
        let other = memory.for_client(b);
        let other = other.lock().unwrap();
        assert!(other.is_empty());
    }

    #[test]
    fn a_full_map_forgets_values_but_never_reuses_a_number() {
        let memory = PseudonymMemory::new(4, 2);
        let key = client_key(Some("a"), &HeaderMap::new(), "/").unwrap();
        for name in ["Alice", "Bob"] {
            remember(&memory, key, name);
        }
        let map = memory.for_client(key);
        let mut map = map.lock().unwrap();
        assert!(map.is_empty(), "over its cap, the map forgot its values");
        assert_eq!(map.placeholder(Label::Person, "Carol"), "<PERSON_3>");
    }

    #[test]
    fn least_recently_used_clients_are_dropped() {
        let memory = PseudonymMemory::new(1, 16);
        let a = client_key(Some("a"), &HeaderMap::new(), "/").unwrap();
        let b = client_key(Some("b"), &HeaderMap::new(), "/").unwrap();
        remember(&memory, a, "Alice");
        memory.for_client(b);
        assert!(memory.for_client(a).lock().unwrap().is_empty());
    }

    #[test]
    fn debug_prints_no_values() {
        let memory = PseudonymMemory::default();
        memory
            .for_client([0; 32])
            .lock()
            .unwrap()
            .placeholder(Label::Person, "Alice");
        let shown = format!("{memory:?}");
        assert!(!shown.contains("Alice"), "{shown}");
    }
}
