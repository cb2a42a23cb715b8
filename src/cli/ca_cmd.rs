//! `scrim ca init | show | export`: the local CA that signs the certificates scrim
//! presents for intercepted hosts. Clients must trust its certificate; its key never
//! leaves `<data dir>/ca/ca.key.pem` (mode 0600), and no command here prints it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;

use crate::tls::{format_utc, CaCertificate, LocalCa};

#[derive(Debug, Subcommand)]
pub enum CaCommand {
    /// Create the local CA if there is none; print its certificate path and SHA-256
    /// fingerprint.
    Init(DataDirArg),
    /// Print the CA's subject, validity, fingerprint and file paths, and check its key.
    Show(DataDirArg),
    /// Write the CA certificate (PEM; never the key) to standard output or a file, for
    /// installing in clients' trust stores.
    Export(ExportArgs),
}

#[derive(Debug, clap::Args)]
pub struct DataDirArg {
    /// Data directory holding `ca/` (default: `$SCRIM_DATA_DIR`, else
    /// `$XDG_DATA_HOME/scrim`, else `~/.local/share/scrim`).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

impl DataDirArg {
    fn resolve(&self) -> PathBuf {
        self.data_dir
            .clone()
            .unwrap_or_else(crate::config::default_data_dir)
    }
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub dir: DataDirArg,
    /// Write the certificate to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(cmd: &CaCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        CaCommand::Init(dir) => init(&dir.resolve()),
        CaCommand::Show(dir) => show(&dir.resolve()),
        CaCommand::Export(args) => export(&args.dir.resolve(), args.out.as_deref()),
    }
}

fn init(data_dir: &Path) -> anyhow::Result<ExitCode> {
    let ca = LocalCa::load_or_create(data_dir)?;
    let state = if ca.was_created() {
        "created"
    } else {
        "already exists"
    };
    println!("CA certificate: {} ({state})", ca.cert_path().display());
    println!("SHA-256 fingerprint: {}", ca.fingerprint_sha256());
    if ca.was_created() {
        let path = ca.cert_path().display();
        eprintln!(
            "\nClients must trust this certificate for interception to work, e.g.:\n  \
             Debian/Ubuntu: sudo cp {path} /usr/local/share/ca-certificates/scrim-local-ca.crt \
             && sudo update-ca-certificates\n  \
             Node.js:       NODE_EXTRA_CA_CERTS={path}\n\
             The key ({}) stays on this machine; never copy it.",
            ca.key_path().display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn show(data_dir: &Path) -> anyhow::Result<ExitCode> {
    // The certificate alone first: it is public, and a person inspecting it may not be
    // allowed to read the key.
    let cert = CaCertificate::load(data_dir)?;
    let now = time::OffsetDateTime::now_utc();
    let expired = if cert.not_after() <= now {
        "  (EXPIRED)"
    } else {
        ""
    };
    println!("subject:     {}", cert.subject());
    println!("valid from:  {}", format_utc(cert.not_before()));
    println!("valid until: {}{expired}", format_utc(cert.not_after()));
    println!("SHA-256:     {}", cert.fingerprint_sha256());
    println!("certificate: {}", cert.path().display());
    // Then the whole CA, key included, as the proxy would load it.
    match LocalCa::load(data_dir) {
        Ok(ca) => {
            println!(
                "key:         {} (mode 0600, matches)",
                ca.key_path().display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            println!("key:         unusable: {e}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn export(data_dir: &Path, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let cert = CaCertificate::load(data_dir)?;
    match out {
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(cert.pem().as_bytes())
                .and_then(|()| stdout.flush())
                .context("cannot write to standard output")?;
        }
        Some(path) => {
            std::fs::write(path, cert.pem())
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "scrim: wrote the CA certificate ({}) to {}",
                cert.fingerprint_sha256(),
                path.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
