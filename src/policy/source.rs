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

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use toml::de::{DeValue, ValueDeserializer};
use toml::Spanned;

use super::error::{suggest, PolicyError};
use super::raw::{RawFile, RawHeader, SpStr};
use super::schema::{check_shape, Unit};

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
    /// The policy names an `extends` entry in source `from` could use (`base`,
    /// `gdpr`, …), for "did you mean" when one names no readable file.
    fn available(&self, _from: &str) -> Vec<String> {
        Vec::new()
    }
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

    fn available(&self, from: &str) -> Vec<String> {
        if from.starts_with(EMBEDDED_PREFIX) {
            return EmbeddedLoader.available(from);
        }
        let dir = Path::new(from).parent().unwrap_or(Path::new(""));
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        // The `.toml` files beside `from`, then the shipped names.
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
        names.sort();
        for n in EmbeddedLoader.available(from) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
        names
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

    fn available(&self, _from: &str) -> Vec<String> {
        SHIPPED
            .iter()
            .map(|(n, _)| n.trim_end_matches(".toml").to_string())
            .collect()
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

    fn available(&self, from: &str) -> Vec<String> {
        self.fallback.available(from)
    }
}

/// Which kinds of definitions a file left out because a part of it had a shape
/// error. References to a kind that was left out are not checked: the missing
/// definition may sit in the broken part, and "unknown backend" there would
/// mislead.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Omitted {
    /// `[policy]` (its `extends` were not followed; `raw.policy` is empty).
    pub header: bool,
    /// A `[backends.NAME]` entry.
    pub backends: bool,
    /// A `[[rule]]`.
    pub rules: bool,
    /// A `[[recognizer]]` or `[[dictionary]]`.
    pub recognizers: bool,
}

impl Omitted {
    /// Everything (the file as a whole is in doubt).
    pub const ALL: Omitted = Omitted {
        header: true,
        backends: true,
        rules: true,
        recognizers: true,
    };

    /// Whether anything was left out.
    pub fn any(self) -> bool {
        self != Omitted::default()
    }

    /// Both files' omissions.
    pub fn union(self, other: Omitted) -> Omitted {
        Omitted {
            header: self.header || other.header,
            backends: self.backends || other.backends,
            rules: self.rules || other.rules,
            recognizers: self.recognizers || other.recognizers,
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
    /// Its parsed content, without the parts that had shape errors.
    pub raw: RawFile,
    /// What was left out of `raw`.
    pub omitted: Omitted,
}

/// The result of loading a tree of sources.
#[derive(Debug, Default)]
pub struct Tree {
    /// Parsed sources in load order (the root last, if it parsed).
    pub sources: Vec<Source>,
    /// Ids of every file read, in load order, with its text (for the hash).
    pub read: Vec<(String, String)>,
    /// Whether every file was read, parsed and its `extends` followed.
    pub complete: bool,
    /// What the sources left out, together.
    pub omitted: Omitted,
}

/// Read `root` and everything it extends.
pub fn load_tree(loader: &dyn Loader, root: &str, errors: &mut Vec<PolicyError>) -> Tree {
    let mut tree = Tree {
        complete: true,
        ..Tree::default()
    };
    let mut stack: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    visit(loader, root, None, &mut stack, &mut seen, &mut tree, errors);
    tree
}

/// Where an `extends` entry was written: the file that names the source being
/// visited, its text, the entry.
type ExtendedFrom<'a> = (&'a str, &'a str, &'a SpStr);

fn visit(
    loader: &dyn Loader,
    id: &str,
    from: Option<ExtendedFrom<'_>>,
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
            errors.push(match from {
                // Named by an `extends` entry: the error is there, with the
                // nearest name that would have worked.
                Some((file, text, entry)) => PolicyError::new(
                    file,
                    text,
                    entry.span().start,
                    format!(
                        "`extends` names `{}`, but {} cannot be read: {e}",
                        entry.get_ref(),
                        display_path(id)
                    ),
                )
                .with_help(suggest_policy(loader, file, entry.get_ref())),
                None => PolicyError {
                    location: super::error::Location::file(id),
                    message: format!("cannot read policy file: {e}"),
                    help: None,
                },
            });
            tree.complete = false;
            return;
        }
    };
    let Some(Parsed { raw, omitted }) = parse(id, &text, errors) else {
        tree.complete = false;
        tree.read.push((id.to_string(), text));
        return;
    };
    if omitted.header {
        tree.complete = false;
    }
    tree.omitted = tree.omitted.union(omitted);
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
        visit(
            loader,
            &pid,
            Some((id, &text, parent)),
            stack,
            seen,
            tree,
            errors,
        );
    }
    stack.pop();
    tree.read.push((id.to_string(), text.clone()));
    tree.sources.push(Source {
        id: id.to_string(),
        text,
        raw,
        omitted,
    });
}

/// "did you mean `base`?" for an `extends` entry that names no readable file.
fn suggest_policy(loader: &dyn Loader, from: &str, reference: &str) -> Option<String> {
    let given = reference.strip_suffix(".toml").unwrap_or(reference);
    let names = loader.available(from);
    suggest(given, names.iter().map(String::as_str))
}

/// The file name part of an id, for messages.
fn display_name(id: &str) -> &str {
    id.rsplit(['/', '\\', ':']).next().unwrap_or(id)
}

/// An id as a user reads it: a path, or `NAME.toml (shipped)`.
fn display_path(id: &str) -> String {
    match id.strip_prefix(EMBEDDED_PREFIX) {
        Some(name) => format!("{name} (shipped)"),
        None => id.to_string(),
    }
}

/// A file's parsed content: every part that passed the shape check.
#[derive(Debug)]
pub struct Parsed {
    /// The content.
    pub raw: RawFile,
    /// What was left out.
    pub omitted: Omitted,
}

/// Parse one file: syntax, then shape (all unknown keys and wrong types), then
/// serde, one part at a time. A part with a shape error (one `[[rule]]`, one
/// `[backends.NAME]`, `[on_error]`, …) is left out and the rest is kept, so the
/// compiler still reports misspelt names in the other parts. Returns `None`
/// (after pushing the errors) only when the file is not valid TOML.
pub fn parse(id: &str, text: &str, errors: &mut Vec<PolicyError>) -> Option<Parsed> {
    let (table, syntax) = toml::de::DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        for e in syntax {
            errors.push(toml_error(id, text, &e, "invalid TOML: "));
        }
        return None;
    }
    let bad = check_shape(id, text, &table, errors);
    let mut omitted = if bad.contains(&Unit::File) {
        Omitted::ALL
    } else {
        Omitted::default()
    };
    let mut raw = RawFile {
        policy: empty_header(),
        on_error: None,
        backends: BTreeMap::new(),
        rules: Vec::new(),
        recognizers: Vec::new(),
        dictionaries: Vec::new(),
        allow: None,
        tests: Vec::new(),
    };
    let mut header = false;
    let mut de = Parts {
        id,
        text,
        bad: &bad,
        errors,
    };
    for (key, value) in table.into_inner() {
        let key: &str = key.get_ref();
        match key {
            "policy" => {
                if let Some(h) = de.whole(key, value) {
                    raw.policy = h;
                    header = true;
                }
            }
            "on_error" => raw.on_error = de.whole(key, value),
            "allow" => raw.allow = de.whole(key, value),
            "backends" => omitted.backends |= de.entries(key, value, &mut raw.backends),
            "rule" => omitted.rules |= de.items(key, value, &mut raw.rules),
            "recognizer" => omitted.recognizers |= de.items(key, value, &mut raw.recognizers),
            "dictionary" => omitted.recognizers |= de.items(key, value, &mut raw.dictionaries),
            "test" => {
                de.items(key, value, &mut raw.tests);
            }
            // An unknown key: reported by the shape check (Unit::File).
            _ => {}
        }
    }
    omitted.header |= !header;
    Some(Parsed { raw, omitted })
}

/// `[policy]` of a file whose header was left out (never compiled: see
/// [`Omitted::header`]).
fn empty_header() -> RawHeader {
    let empty = || Spanned::new(0..0, String::new());
    RawHeader {
        name: empty(),
        version: empty(),
        description: None,
        extends: Vec::new(),
        default_action: None,
        default_operator: None,
        min_score: None,
    }
}

/// Deserializes the parts of a file that passed the shape check.
struct Parts<'a> {
    id: &'a str,
    text: &'a str,
    bad: &'a BTreeSet<Unit>,
    errors: &'a mut Vec<PolicyError>,
}

impl Parts<'_> {
    fn de<T: DeserializeOwned>(&mut self, value: Spanned<DeValue<'_>>) -> Option<T> {
        match T::deserialize(ValueDeserializer::from(value)) {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(toml_error(self.id, self.text, &e, ""));
                None
            }
        }
    }

    /// A top-level key as one part.
    fn whole<T: DeserializeOwned>(&mut self, key: &str, value: Spanned<DeValue<'_>>) -> Option<T> {
        if self.bad.contains(&Unit::Key(key.to_string())) {
            return None;
        }
        self.de(value)
    }

    /// An array of tables into `out`, one part per element; whether any was
    /// left out.
    fn items<T: DeserializeOwned>(
        &mut self,
        key: &str,
        value: Spanned<DeValue<'_>>,
        out: &mut Vec<T>,
    ) -> bool {
        let DeValue::Array(items) = value.into_inner() else {
            return true;
        };
        if self.bad.contains(&Unit::Key(key.to_string())) {
            return true;
        }
        let mut left_out = false;
        for (i, item) in items.into_iter().enumerate() {
            if self.bad.contains(&Unit::Item(key.to_string(), i)) {
                left_out = true;
                continue;
            }
            match self.de(item) {
                Some(v) => out.push(v),
                None => left_out = true,
            }
        }
        left_out
    }

    /// A table of tables into `out`, one part per entry; whether any was left out.
    fn entries<T: DeserializeOwned>(
        &mut self,
        key: &str,
        value: Spanned<DeValue<'_>>,
        out: &mut BTreeMap<SpStr, T>,
    ) -> bool {
        let DeValue::Table(entries) = value.into_inner() else {
            return true;
        };
        if self.bad.contains(&Unit::Key(key.to_string())) {
            return true;
        }
        let mut left_out = false;
        for (name, entry) in entries {
            let span = name.span();
            let name = name.into_inner().into_owned();
            if self
                .bad
                .contains(&Unit::Entry(key.to_string(), name.clone()))
            {
                left_out = true;
                continue;
            }
            match self.de(entry) {
                Some(v) => {
                    out.insert(Spanned::new(span, name), v);
                }
                None => left_out = true,
            }
        }
        left_out
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
