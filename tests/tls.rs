//! The local CA, leaf minting and the TLS configurations, end to end: files on disk,
//! certificates checked by rustls' own verifier, and real handshakes in-process.

// Helpers outside #[test] functions unwrap too: a panic is a test failure with a backtrace.
#![allow(clippy::unwrap_used)]

use std::net::IpAddr;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;

use rustls::client::danger::ServerCertVerifier;
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::sign::CertifiedKey;
use rustls::{ClientConfig, RootCertStore, ServerConfig};
use scrim::tls::{
    crypto_provider, server_config, upstream_client_config, CaCertificate, CertCache, LocalCa,
    SniResolver, TlsError, CA_CERT_FILE, CA_DIR, CA_KEY_FILE,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::{TlsAcceptor, TlsConnector};
use x509_parser::prelude::*;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn new_ca() -> (tempfile::TempDir, Arc<LocalCa>) {
    let dir = tempfile::tempdir().unwrap();
    let ca = LocalCa::load_or_create(dir.path()).unwrap();
    (dir, Arc::new(ca))
}

fn key_path(dir: &Path) -> std::path::PathBuf {
    dir.join(CA_DIR).join(CA_KEY_FILE)
}

fn cert_path(dir: &Path) -> std::path::PathBuf {
    dir.join(CA_DIR).join(CA_CERT_FILE)
}

fn leaf_der(key: &CertifiedKey) -> &CertificateDer<'_> {
    key.end_entity_cert().unwrap()
}

fn verifier_trusting(ca: &CertificateDer<'static>) -> Arc<WebPkiServerVerifier> {
    let mut roots = RootCertStore::empty();
    roots.add(ca.clone()).unwrap();
    WebPkiServerVerifier::builder_with_provider(Arc::new(roots), crypto_provider())
        .build()
        .unwrap()
}

// ---------------------------------------------------------------- the CA on disk

#[test]
fn ca_files_have_private_modes() {
    let (dir, ca) = new_ca();
    assert!(ca.was_created());
    assert_eq!(mode(&key_path(dir.path())), 0o600, "CA key must be 0600");
    assert_eq!(mode(&cert_path(dir.path())), 0o644);
    assert_eq!(mode(&dir.path().join(CA_DIR)), 0o700);
    assert_eq!(ca.cert_path(), cert_path(dir.path()));
    // Only the two files: no temporary file left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path().join(CA_DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn ca_certificate_is_a_constrained_ca() {
    let (_dir, ca) = new_ca();
    let (_, x509) = parse_x509_certificate(ca.cert_der()).unwrap();
    let bc = x509.basic_constraints().unwrap().unwrap().value;
    assert!(bc.ca);
    assert_eq!(bc.path_len_constraint, Some(0));
    let ku = x509.key_usage().unwrap().unwrap().value;
    assert!(ku.key_cert_sign() && ku.crl_sign());
    assert!(
        ca.subject().contains("CN=scrim local CA ("),
        "{}",
        ca.subject()
    );
    let years = (ca.not_after() - ca.not_before()).whole_days() / 365;
    assert_eq!(years, 10);
    assert_eq!(x509.subject(), x509.issuer(), "self-signed");
    assert!(ca.cert_pem().starts_with("-----BEGIN CERTIFICATE-----\n"));
    assert!(!ca.cert_pem().contains("PRIVATE KEY"));
}

#[test]
fn reload_gives_the_same_ca() {
    let (dir, ca) = new_ca();
    let key_before = std::fs::read(key_path(dir.path())).unwrap();
    let again = LocalCa::load_or_create(dir.path()).unwrap();
    assert!(!again.was_created());
    assert_eq!(again.fingerprint_sha256(), ca.fingerprint_sha256());
    let loaded = LocalCa::load(dir.path()).unwrap();
    assert_eq!(loaded.fingerprint_sha256(), ca.fingerprint_sha256());
    assert_eq!(loaded.cert_pem(), ca.cert_pem());
    assert_eq!(std::fs::read(key_path(dir.path())).unwrap(), key_before);
    // A leaf minted after the reload still chains to the same CA.
    let certs = CertCache::new(Arc::new(again), 4, 30).unwrap();
    let leaf = certs.get_or_mint("api.openai.com").unwrap();
    verifier_trusting(ca.cert_der())
        .verify_server_cert(
            leaf_der(&leaf),
            &[],
            &ServerName::try_from("api.openai.com").unwrap(),
            &[],
            UnixTime::now(),
        )
        .unwrap();
}

#[test]
fn fingerprint_is_sha256_of_der() {
    use sha2::{Digest, Sha256};
    let (_dir, ca) = new_ca();
    let want: Vec<String> = Sha256::digest(ca.cert_der().as_ref())
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    assert_eq!(ca.fingerprint_sha256(), want.join(":"));
}

#[test]
fn concurrent_creation_yields_one_ca() {
    let dir = tempfile::tempdir().unwrap();
    let fps: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..6)
            .map(|_| s.spawn(|| LocalCa::load_or_create(dir.path()).unwrap()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap().fingerprint_sha256())
            .collect()
    });
    assert!(fps.windows(2).all(|w| w[0] == w[1]), "{fps:?}");
}

#[test]
fn load_without_ca_says_run_init() {
    let dir = tempfile::tempdir().unwrap();
    let err = LocalCa::load(dir.path()).unwrap_err();
    assert!(matches!(err, TlsError::NotInitialized { .. }), "{err}");
    assert!(err.to_string().contains("scrim ca init"), "{err}");
    assert!(!dir.path().join(CA_DIR).exists(), "load never creates");
}

#[test]
fn corrupt_key_file_is_named_without_its_content() {
    let (dir, _ca) = new_ca();
    let key = key_path(dir.path());
    let secret_looking =
        "-----BEGIN PRIVATE KEY-----\nTOPSECRETMATERIAL!!!\n-----END PRIVATE KEY-----\n";
    for content in ["garbage TOPSECRETMATERIAL", secret_looking] {
        std::fs::write(&key, content).unwrap();
        let err = LocalCa::load_or_create(dir.path()).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, TlsError::Corrupt { .. }), "{msg}");
        assert!(msg.contains(&key.display().to_string()), "{msg}");
        assert!(!msg.contains("TOPSECRET"), "{msg}");
        assert!(!format!("{err:?}").contains("TOPSECRET"));
    }
}

#[test]
fn corrupt_cert_file_is_named() {
    let (dir, _ca) = new_ca();
    let cert = cert_path(dir.path());
    std::fs::write(&cert, "not a certificate").unwrap();
    let err = LocalCa::load(dir.path()).unwrap_err();
    assert!(
        err.to_string().contains(&cert.display().to_string()),
        "{err}"
    );
}

#[test]
fn key_of_another_ca_is_a_mismatch() {
    let (dir, _ca) = new_ca();
    let other = tempfile::tempdir().unwrap();
    LocalCa::load_or_create(other.path()).unwrap();
    std::fs::copy(key_path(other.path()), key_path(dir.path())).unwrap();
    std::fs::set_permissions(key_path(dir.path()), std::fs::Permissions::from_mode(0o600)).unwrap();
    let err = LocalCa::load(dir.path()).unwrap_err();
    assert!(matches!(err, TlsError::KeyMismatch { .. }), "{err}");
    assert!(err.to_string().contains(CA_KEY_FILE), "{err}");
}

#[test]
fn readable_key_is_refused() {
    let (dir, _ca) = new_ca();
    let key = key_path(dir.path());
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let err = LocalCa::load(dir.path()).unwrap_err();
    assert!(
        matches!(err, TlsError::KeyPermissions { mode: 0o644, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("chmod 600"), "{err}");
}

#[test]
fn half_a_ca_is_an_error_and_the_key_is_kept() {
    let (dir, _ca) = new_ca();
    let key_before = std::fs::read(key_path(dir.path())).unwrap();
    std::fs::remove_file(cert_path(dir.path())).unwrap();
    let err = LocalCa::load_or_create(dir.path()).unwrap_err();
    assert!(matches!(err, TlsError::Incomplete { .. }), "{err}");
    assert!(err.to_string().contains(CA_CERT_FILE), "{err}");
    assert_eq!(std::fs::read(key_path(dir.path())).unwrap(), key_before);
}

#[test]
fn debug_never_shows_the_key() {
    let (dir, ca) = new_ca();
    let pem = std::fs::read_to_string(key_path(dir.path())).unwrap();
    let body = pem.lines().nth(1).unwrap();
    let dbg = format!("{ca:?}");
    assert!(!dbg.contains(body), "{dbg}");
    assert!(dbg.contains("[redacted]"));
}

// ---------------------------------------------------------------- leaves

#[test]
fn leaf_verifies_for_its_dns_name_only() {
    let (_dir, ca) = new_ca();
    let certs = CertCache::new(ca.clone(), 16, 30).unwrap();
    let leaf = certs.get_or_mint("API.OpenAI.com").unwrap();
    let verifier = verifier_trusting(ca.cert_der());
    let verify = |name: &str| {
        verifier.verify_server_cert(
            leaf_der(&leaf),
            &[],
            &ServerName::try_from(name.to_owned()).unwrap(),
            &[],
            UnixTime::now(),
        )
    };
    verify("api.openai.com").unwrap();
    assert!(verify("api.anthropic.com").is_err());
    // And not against an unrelated CA.
    let (_d2, other) = new_ca();
    assert!(verifier_trusting(other.cert_der())
        .verify_server_cert(
            leaf_der(&leaf),
            &[],
            &ServerName::try_from("api.openai.com").unwrap(),
            &[],
            UnixTime::now(),
        )
        .is_err());
}

#[test]
fn leaf_verifies_for_an_ip_san() {
    let (_dir, ca) = new_ca();
    let certs = CertCache::new(ca.clone(), 16, 30).unwrap();
    let verifier = verifier_trusting(ca.cert_der());
    for ip in ["127.0.0.1", "[::1]"] {
        let leaf = certs.get_or_mint(ip).unwrap();
        let addr: IpAddr = ip.trim_matches(['[', ']']).parse().unwrap();
        verifier
            .verify_server_cert(
                leaf_der(&leaf),
                &[],
                &ServerName::IpAddress(addr.into()),
                &[],
                UnixTime::now(),
            )
            .unwrap();
        let (_, x509) = parse_x509_certificate(leaf_der(&leaf)).unwrap();
        let san = x509.subject_alternative_name().unwrap().unwrap();
        assert!(matches!(
            san.value.general_names.as_slice(),
            [GeneralName::IPAddress(_)]
        ));
    }
}

#[test]
fn leaf_has_its_own_key_and_leaf_profile() {
    let (_dir, ca) = new_ca();
    let certs = CertCache::new(ca.clone(), 16, 397).unwrap();
    let leaf = certs.get_or_mint("api.openai.com").unwrap();
    let (_, x509) = parse_x509_certificate(leaf_der(&leaf)).unwrap();
    let leaf_key = x509.public_key().subject_public_key.data.as_ref();
    assert_ne!(
        leaf_key,
        ca.public_key_raw(),
        "leaf must not reuse the CA key"
    );
    let (_, ca_x509) = parse_x509_certificate(ca.cert_der()).unwrap();
    assert_ne!(
        leaf_key,
        ca_x509.public_key().subject_public_key.data.as_ref()
    );
    assert_eq!(x509.issuer(), ca_x509.subject());

    assert!(!x509.is_ca());
    let eku = x509.extended_key_usage().unwrap().unwrap().value;
    assert!(eku.server_auth);
    let validity = x509.validity();
    let now = ::time::OffsetDateTime::now_utc();
    assert!(validity.not_before.to_datetime() < now - ::time::Duration::minutes(30));
    let days = (validity.not_after.to_datetime() - validity.not_before.to_datetime())
        .as_seconds_f64()
        / 86_400.0;
    assert!(days <= 398.0, "{days}");
    assert!(validity.not_after.to_datetime() <= ca.not_after());
    // Positive 128-bit serial (a leading zero octet only when the top bit is set).
    let serial = x509.raw_serial();
    assert!(
        serial.len() == 16 || (serial.len() == 17 && serial[0] == 0),
        "{serial:?}"
    );
    assert!(serial[0] & 0x80 == 0, "serial must be positive");
    assert_eq!(x509.subject().to_string(), "CN=api.openai.com");
}

#[test]
fn serials_and_keys_differ_across_leaves() {
    let (_dir, ca) = new_ca();
    let certs = CertCache::new(ca, 64, 30).unwrap();
    let mut serials = std::collections::HashSet::new();
    let mut keys = std::collections::HashSet::new();
    for i in 0..20 {
        let leaf = certs.get_or_mint(&format!("host{i}.example")).unwrap();
        let (_, x509) = parse_x509_certificate(leaf_der(&leaf)).unwrap();
        assert!(serials.insert(x509.raw_serial().to_vec()));
        assert!(keys.insert(x509.public_key().subject_public_key.data.to_vec()));
    }
}

#[test]
fn cache_returns_the_same_leaf_and_is_lru_bounded() {
    let (_dir, ca) = new_ca();
    let certs = CertCache::new(ca, 2, 30).unwrap();
    assert_eq!(certs.capacity(), 2);
    let a = certs.get_or_mint("a.example").unwrap();
    assert!(
        Arc::ptr_eq(&a, &certs.get_or_mint("A.EXAMPLE.").unwrap()),
        "same name, same leaf"
    );
    let b = certs.get_or_mint("b.example").unwrap();
    assert!(Arc::ptr_eq(&a, &certs.get_or_mint("a.example").unwrap())); // a is now most recent
    let _c = certs.get_or_mint("c.example").unwrap(); // evicts b, the least recently used
    assert_eq!(certs.len(), 2);
    assert!(
        Arc::ptr_eq(&a, &certs.get_or_mint("a.example").unwrap()),
        "a survived"
    );
    let b2 = certs.get_or_mint("b.example").unwrap();
    assert!(!Arc::ptr_eq(&b, &b2), "b was evicted and re-minted");
    assert_ne!(leaf_der(&b), leaf_der(&b2));
    assert_eq!(certs.len(), 2);
}

#[test]
fn concurrent_mints_of_one_name_agree() {
    let (_dir, ca) = new_ca();
    let certs = CertCache::new(ca, 8, 30).unwrap();
    let leaves: Vec<Arc<CertifiedKey>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| s.spawn(|| certs.get_or_mint("api.openai.com").unwrap()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let first = certs.get_or_mint("api.openai.com").unwrap();
    // Threads that minted in parallel may hold their own leaf, but the cache settles on one.
    assert!(leaves.iter().any(|l| Arc::ptr_eq(l, &first)));
    assert_eq!(certs.len(), 1);
}

#[test]
fn bad_settings_and_names_are_errors() {
    let (_dir, ca) = new_ca();
    assert!(CertCache::new(ca.clone(), 0, 30).is_err());
    assert!(CertCache::new(ca.clone(), 10, 0).is_err());
    assert!(CertCache::new(ca.clone(), 10, 398).is_err());
    let certs = CertCache::new(ca, 10, 30).unwrap();
    for bad in ["", "*.openai.com", "bad name", "\u{0}"] {
        assert!(matches!(
            certs.get_or_mint(bad),
            Err(TlsError::InvalidServerName { .. })
        ));
    }
    assert!(certs.is_empty());
}

// ---------------------------------------------------------------- handshakes

fn client_trusting(ca: &CertificateDer<'static>, alpn: &[&[u8]]) -> Arc<ClientConfig> {
    let mut roots = RootCertStore::empty();
    roots.add(ca.clone()).unwrap();
    let mut config = ClientConfig::builder_with_provider(crypto_provider())
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    Arc::new(config)
}

/// Handshake `client` against `server` over an in-memory pipe, exchange a few bytes, and
/// return the negotiated ALPN protocol and the SNI the server saw.
async fn handshake(
    server: Arc<ServerConfig>,
    client: Arc<ClientConfig>,
    name: ServerName<'static>,
) -> Result<(Option<Vec<u8>>, Option<String>), std::io::Error> {
    let (c, s) = tokio::io::duplex(64 * 1024);
    let server_task = tokio::spawn(async move {
        let mut tls = TlsAcceptor::from(server).accept(s).await?;
        let sni = tls.get_ref().1.server_name().map(str::to_owned);
        let mut buf = [0u8; 4];
        tls.read_exact(&mut buf).await?;
        tls.write_all(b"pong").await?;
        tls.flush().await?;
        Ok::<_, std::io::Error>(sni)
    });
    let client_result = async {
        let mut tls = TlsConnector::from(client).connect(name, c).await?;
        tls.write_all(b"ping").await?;
        tls.flush().await?;
        let mut buf = [0u8; 4];
        tls.read_exact(&mut buf).await?;
        assert_eq!(&buf, b"pong");
        Ok::<_, std::io::Error>(tls.get_ref().1.alpn_protocol().map(<[u8]>::to_vec))
    }
    .await;
    let server_result = server_task.await.unwrap();
    let alpn = client_result?;
    Ok((alpn, server_result?))
}

#[tokio::test]
async fn intercept_handshake_with_sni_negotiates_h2() {
    let (_dir, ca) = new_ca();
    let certs = Arc::new(CertCache::new(ca.clone(), 16, 30).unwrap());
    // The default (CONNECT) name differs on purpose: with SNI, the SNI wins.
    let server = server_config(Arc::new(SniResolver::new(
        certs.clone(),
        "fallback.example",
    )))
    .unwrap();
    let client = client_trusting(ca.cert_der(), &[b"h2", b"http/1.1"]);
    let name = ServerName::try_from("api.openai.com").unwrap();
    let (alpn, sni) = handshake(server.clone(), client, name.clone())
        .await
        .unwrap();
    assert_eq!(alpn.as_deref(), Some(&b"h2"[..]));
    assert_eq!(sni.as_deref(), Some("api.openai.com"));
    assert_eq!(certs.len(), 1);

    // A client that offers only HTTP/1.1 gets HTTP/1.1.
    let client = client_trusting(ca.cert_der(), &[b"http/1.1"]);
    let (alpn, _) = handshake(server, client, name).await.unwrap();
    assert_eq!(alpn.as_deref(), Some(&b"http/1.1"[..]));
}

#[tokio::test]
async fn intercept_handshake_without_sni_uses_the_connect_host() {
    let (_dir, ca) = new_ca();
    let certs = Arc::new(CertCache::new(ca.clone(), 16, 30).unwrap());
    // Clients send no SNI for IP addresses: the resolver falls back to the CONNECT host.
    let server = server_config(Arc::new(SniResolver::new(certs, "127.0.0.1"))).unwrap();
    let client = client_trusting(ca.cert_der(), &[b"h2", b"http/1.1"]);
    let name = ServerName::IpAddress(IpAddr::from([127, 0, 0, 1]).into());
    let (_, sni) = handshake(server, client, name).await.unwrap();
    assert_eq!(sni, None);
}

#[tokio::test]
async fn client_not_trusting_the_ca_fails() {
    let (_dir, ca) = new_ca();
    let (_d2, other) = new_ca();
    let certs = Arc::new(CertCache::new(ca, 16, 30).unwrap());
    let server = server_config(Arc::new(SniResolver::new(certs, "api.openai.com"))).unwrap();
    let client = client_trusting(other.cert_der(), &[b"h2"]);
    let name = ServerName::try_from("api.openai.com").unwrap();
    assert!(handshake(server, client, name).await.is_err());
}

// ---------------------------------------------------------------- upstream

/// A test CA named `ca_name` (made with rcgen, unrelated to scrim's CA) and a server
/// config with a certificate it issued for `name`.
fn test_upstream(ca_name: &str, name: &str) -> (String, Arc<ServerConfig>) {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, ca_name);
    let ca_cert = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);

    let key = KeyPair::generate().unwrap();
    let params = CertificateParams::new(vec![name.to_owned()]).unwrap();
    let cert = params.signed_by(&key, &issuer).unwrap();
    let server = ServerConfig::builder_with_provider(crypto_provider())
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![cert.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
        )
        .unwrap();
    (ca_cert.pem(), Arc::new(server))
}

#[tokio::test]
async fn upstream_config_trusts_extra_ca_and_rejects_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let (corp_ca_pem, corp_server) = test_upstream("Corp Inspection CA", "upstream.test");
    let (_unknown_ca_pem, unknown_server) = test_upstream("Unknown CA", "upstream.test");
    let corp_file = dir.path().join("corp-ca.pem");
    std::fs::write(&corp_file, corp_ca_pem).unwrap();

    let client = upstream_client_config(std::slice::from_ref(&corp_file)).unwrap();
    assert_eq!(
        client.alpn_protocols,
        vec![b"h2".to_vec(), b"http/1.1".to_vec()]
    );
    let name = ServerName::try_from("upstream.test").unwrap();
    handshake(corp_server, client.clone(), name.clone())
        .await
        .expect("a server certificate from the extra CA is trusted");
    let err = handshake(unknown_server, client, name).await.unwrap_err();
    assert!(err.to_string().contains("UnknownIssuer"), "{err}");
}

#[tokio::test]
async fn upstream_config_without_extra_ca_rejects_corp_server() {
    let (_pem, corp_server) = test_upstream("Corp Inspection CA", "upstream.test");
    let client = match upstream_client_config(&[]) {
        Ok(c) => c,
        // A machine with no system roots at all: nothing to check here.
        Err(TlsError::NoTrustRoots) => return,
        Err(e) => panic!("{e}"),
    };
    let name = ServerName::try_from("upstream.test").unwrap();
    assert!(handshake(corp_server, client, name).await.is_err());
}

#[test]
fn public_half_loads_without_the_key() {
    let (dir, ca) = new_ca();
    std::fs::remove_file(key_path(dir.path())).unwrap();
    let cert = CaCertificate::load(dir.path()).unwrap();
    assert_eq!(cert.fingerprint_sha256(), ca.fingerprint_sha256());
    assert_eq!(cert.pem(), ca.cert_pem());
    assert!(matches!(
        CaCertificate::load(tempfile::tempdir().unwrap().path()),
        Err(TlsError::NotInitialized { .. })
    ));
}

// ---------------------------------------------------------------- `scrim ca`

fn scrim_ca(args: &[&str], data_dir: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_scrim"))
        .arg("ca")
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .output()
        .unwrap()
}

#[test]
fn ca_commands_init_show_export() {
    let dir = tempfile::tempdir().unwrap();
    let out = scrim_ca(&["show"], dir.path());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("scrim ca init"));

    let out = scrim_ca(&["init"], dir.path());
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let ca = LocalCa::load(dir.path()).unwrap();
    assert!(stdout.contains(&ca.fingerprint_sha256()), "{stdout}");
    assert!(stdout.contains(CA_CERT_FILE), "{stdout}");
    assert!(stdout.contains("created"), "{stdout}");

    let out = scrim_ca(&["init"], dir.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("already exists"));

    let out = scrim_ca(&["show"], dir.path());
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("CN=scrim local CA ("), "{stdout}");
    assert!(stdout.contains("valid until:"), "{stdout}");

    let out = scrim_ca(&["export"], dir.path());
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), ca.cert_pem());

    let file = dir.path().join("exported.pem");
    let out = scrim_ca(&["export", "--out", file.to_str().unwrap()], dir.path());
    assert!(out.status.success());
    let exported = std::fs::read_to_string(&file).unwrap();
    assert_eq!(exported, ca.cert_pem());
    let key = std::fs::read_to_string(key_path(dir.path())).unwrap();
    assert!(!exported.contains("PRIVATE"));
    // The first two base64 lines of a P-256 PKCS#8 key carry the private scalar (the
    // last one is the public point, which the certificate legitimately contains).
    for line in key.lines().filter(|l| !l.starts_with("-----")).take(2) {
        assert!(
            !exported.contains(line),
            "export never contains key material: {line:?}"
        );
    }

    // A key others can read: `show` still prints the certificate, then fails on the key.
    std::fs::set_permissions(key_path(dir.path()), std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = scrim_ca(&["show"], dir.path());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("chmod 600"));
}
