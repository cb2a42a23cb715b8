//! Where policy files come from and how `extends` is resolved.
//!
//! A [`Loader`] names and reads sources: [`FsLoader`] reads the file system
//! (`extends = ["base"]` means `base.toml` beside the file; when no such file
//! exists and `base.toml` is a shipped policy, the embedded copy is used, so a
//! user's policy can extend `default` without copying the shipped files),
//! [`EmbeddedLoader`]
//! serves the policies compiled into the binary. [`load_tree`] reads a root and
//! everything it extends, depth first, and returns the files in *load order*:
//! every file after all the files it extends, each file once (so a diamond —
//! `default` extends `gdpr` and `hipaa`, both extend `base` — loads `base` once,
//! first). A cycle is an error at the `extends` entry that closes it.

use std::path::{Path, PathBuf};

use super::error::PolicyError;
use super::raw::RawFile;
use super::schema::check_shape;

/// The shipped policies, compiled in: `(file name, content)`.
pub const SHIPPED: &[(&str, &str)] = &[
    ("base.toml", include_str!("../../policies/base.toml")),
    ("gdpr.toml", include_str!("../../policies/gdpr.toml")),
    ("hipaa.toml", include_str!("../../policies/hipaa.toml")),
    ("pci-dss.toml", include_str!("../../policies/pci-dss.toml")),
    ("secrets.toml", include_str!("../../policies/secrets.toml")),
    ("default.toml", include_str!("../../policies/default.toml")),
];

/// Prefix of the ids of embedded sources.
pub const EMBEDDED_PREFIX: &str = "embedded:";

/// Names and reads policy sources.
pub trait Loader {
    /// The id of `reference` (an `extends` entry, or a dictionary `file` when
    /// `is_data`) as seen from source `from`.
    fn resolve(&self, from: &str, reference: &str, is_data: bool) -> String;
    /// The content of source `id`; the error says why it cannot be read (never
    /// what it contains).
    fn read(&self, id: &str) -> Result<String, String>;
}

/// Sources on the file system; ids are paths.
#[derive(Debug, Default, Clone, Copy)]
pub struct FsLoader;

impl Loader for FsLoader {
    fn resolve(&self, from: &str, reference: &str, is_data: bool) -> String {
        if from.starts_with(EMBEDDED_PREFIX) {
            return EmbeddedLoader.resolve(from, reference, is_data);
        }
        let dir = Path::new(from).parent().unwrap_or(Path::new(""));
        let mut p = PathBuf::from(reference);
        if !is_data && p.extension().is_none() {
            p.set_extension("toml");
        }
        let path = dir.join(&p);
        // A file on disk always wins; a bare shipped name with no such file
        // means the embedded copy.
        let bare = p.components().count() == 1;
        if !is_data && bare && !path.exists() && is_shipped(&p.to_string_lossy()) {
            return format!("{EMBEDDED_PREFIX}{}", p.to_string_lossy());
        }
        path.to_string_lossy().into_owned()
    }

    fn read(&self, id: &str) -> Result<String, String> {
        if id.starts_with(EMBEDDED_PREFIX) {
            return EmbeddedLoader.read(id);
        }
        std::fs::read_to_string(id).map_err(|e| e.to_string())
    }
}

fn is_shipped(name: &str) -> bool {
    SHIPPED.iter().any(|(n, _)| *n == name)
}

/// The shipped policies compiled into the binary; ids are `embedded:NAME.toml`.
#[derive(Debug, Default, Clone, Copy)]
pub struct EmbeddedLoader;

impl Loader for EmbeddedLoader {
    fn resolve(&self, _from: &str, reference: &str, is_data: bool) -> String {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        if is_data || name.ends_with(".toml") {
            format!("{EMBEDDED_PREFIX}{name}")
        } else {
            format!("{EMBEDDED_PREFIX}{name}.toml")
        }
    }

    fn read(&self, id: &str) -> Result<String, String> {
        let name = id.strip_prefix(EMBEDDED_PREFIX).unwrap_or(id);
        SHIPPED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| (*text).to_string())
            .ok_or_else(|| {
                let names: Vec<&str> = SHIPPED.iter().map(|(n, _)| *n).collect();
                format!(
                    "no embedded policy file of that name (embedded: {})",
                    names.join(", ")
                )
            })
    }
}

/// One source given as text, everything it extends from another loader (used by
/// tests, the fuzz target and editors' "check this buffer").
#[derive(Debug)]
pub struct TextLoader<'a, L> {
    /// The id of the text.
    pub id: &'a str,
    /// The text.
    pub text: &'a str,
    /// Where everything else comes from.
    pub fallback: L,
}

impl<L: Loader> Loader for TextLoader<'_, L> {
    fn resolve(&self, from: &str, reference: &str, is_data: bool) -> String {
        self.fallback.resolve(from, reference, is_data)
    }

    fn read(&self, id: &str) -> Result<String, String> {
        if id == self.id {
            Ok(self.text.to_string())
        } else {
            self.fallback.read(id)
        }
    }
}

/// A source file, parsed.
#[derive(Debug)]
pub struct Source {
    /// Its id (path or `embedded:…`).
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its parsed content.
    pub raw: RawFile,
}

/// The result of loading a tree of sources.
#[derive(Debug, Default)]
pub struct Tree {
    /// Parsed sources in load order (the root last, if it parsed).
    pub sources: Vec<Source>,
    /// Ids of every file read, in load order, with its text (for the hash).
    pub read: Vec<(String, String)>,
    /// Whether every file was read and parsed.
    pub complete: bool,
}

/// Read `root` and everything it extends.
pub fn load_tree(loader: &dyn Loader, root: &str, errors: &mut Vec<PolicyError>) -> Tree {
    let mut tree = Tree {
        complete: true,
        ..Tree::default()
    };
    let mut stack: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    visit(loader, root, &mut stack, &mut seen, &mut tree, errors);
    tree
}

fn visit(
    loader: &dyn Loader,
    id: &str,
    stack: &mut Vec<String>,
    seen: &mut Vec<String>,
    tree: &mut Tree,
    errors: &mut Vec<PolicyError>,
) {
    if seen.iter().any(|s| s == id) {
        return;
    }
    seen.push(id.to_string());
    let text = match loader.read(id) {
        Ok(t) => t,
        Err(e) => {
            errors.push(PolicyError {
                location: super::error::Location::file(id),
                message: format!("cannot read policy file: {e}"),
                help: None,
            });
            tree.complete = false;
            return;
        }
    };
    let Some(raw) = parse(id, &text, errors) else {
        tree.complete = false;
        tree.read.push((id.to_string(), text));
        return;
    };
    stack.push(id.to_string());
    for parent in &raw.policy.extends {
        let pid = loader.resolve(id, parent.get_ref(), false);
        if let Some(pos) = stack.iter().position(|s| *s == pid) {
            let mut chain: Vec<&str> = stack[pos..].iter().map(|s| display_name(s)).collect();
            chain.push(display_name(&pid));
            errors.push(PolicyError::new(
                id,
                &text,
                parent.span().start,
                format!("`extends` forms a cycle: {}", chain.join(" → ")),
            ));
            tree.complete = false;
            continue;
        }
        visit(loader, &pid, stack, seen, tree, errors);
    }
    stack.pop();
    tree.read.push((id.to_string(), text.clone()));
    tree.sources.push(Source {
        id: id.to_string(),
        text,
        raw,
    });
}

/// The file name part of an id, for messages.
fn display_name(id: &str) -> &str {
    id.rsplit(['/', '\\', ':']).next().unwrap_or(id)
}

/// Parse one file: syntax, then shape (all unknown keys and wrong types), then
/// serde. Returns `None` after pushing the errors.
pub fn parse(id: &str, text: &str, errors: &mut Vec<PolicyError>) -> Option<RawFile> {
    let before = errors.len();
    let (table, syntax) = toml::de::DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        for e in syntax {
            errors.push(toml_error(id, text, &e, "invalid TOML: "));
        }
        return None;
    }
    check_shape(id, text, &table, errors);
    if errors.len() > before {
        return None;
    }
    match toml::from_str::<RawFile>(text) {
        Ok(raw) => Some(raw),
        Err(e) => {
            errors.push(toml_error(id, text, &e, ""));
            None
        }
    }
}

/// A TOML/serde error as a policy error, without quoting values from the file.
fn toml_error(id: &str, text: &str, e: &toml::de::Error, prefix: &str) -> PolicyError {
    let message = format!("{prefix}{}", scrub(e.message().trim()));
    match e.span() {
        Some(span) => PolicyError::new(id, text, span.start, message),
        None => PolicyError {
            location: super::error::Location::file(id),
            message,
            help: None,
        },
    }
}

/// Remove quoted values from serde messages (`invalid type: string "…"`), which
/// could echo PII from a test case.
fn scrub(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut in_quote = false;
    for c in message.chars() {
        if c == '"' {
            if !in_quote {
                out.push_str("\"…");
            } else {
                out.push('"');
            }
            in_quote = !in_quote;
        } else if !in_quote {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrub_removes_quoted_values() {
        assert_eq!(
            scrub("invalid type: string \"jane@x.io\", expected a number"),
            "invalid type: string \"…\", expected a number"
        );
    }

    #[test]
    fn fs_resolution() {
        let l = FsLoader;
        assert_eq!(
            l.resolve("policies/hipaa.toml", "base", false),
            "policies/base.toml"
        );
        assert_eq!(
            l.resolve("policies/hipaa.toml", "names.txt", true),
            "policies/names.txt"
        );
        assert_eq!(
            EmbeddedLoader.resolve("embedded:default.toml", "gdpr", false),
            "embedded:gdpr.toml"
        );
    }

    #[test]
    fn fs_falls_back_to_embedded_shipped_policies_only() {
        let dir = std::env::temp_dir().join(format!("scrim-src-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let me = dir.join("mine.toml").to_string_lossy().into_owned();
        let l = FsLoader;
        assert_eq!(l.resolve(&me, "default", false), "embedded:default.toml");
        assert!(l.read("embedded:default.toml").unwrap().contains("extends"));
        // Not shipped: stays a path, and reading it says why it failed.
        let other = l.resolve(&me, "nonesuch", false);
        assert!(other.ends_with("nonesuch.toml"), "{other}");
        assert!(l.read(&other).is_err());
        // A file on disk wins over the embedded copy.
        std::fs::write(dir.join("default.toml"), "[policy]\n").unwrap();
        assert!(l.resolve(&me, "default", false).ends_with("default.toml"));
        assert!(!l
            .resolve(&me, "default", false)
            .starts_with(EMBEDDED_PREFIX));
        // Inside an embedded file, references stay embedded.
        assert_eq!(
            l.resolve("embedded:default.toml", "gdpr", false),
            "embedded:gdpr.toml"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
