//! The JSON Schema of policy files, generated from the raw types, and the shape
//! check that uses it.
//!
//! serde stops at the first unknown key or wrong type. To report them all at
//! once, each file is first parsed into a spanned TOML tree and walked beside the
//! schema: every key the schema does not know (with the nearest one it does),
//! every value of the wrong type and every missing required key becomes an
//! error with its position. The walk also says which [`Unit`] of the file each
//! error is confined to (one `[[rule]]`, one `[backends.NAME]`, the `[policy]`
//! table, …), so that the parser can leave out only the broken units and still
//! hand the rest to serde and the compiler: one `scrim policy check` reports
//! shape errors and misspelt names together.
//!
//! The walk understands the subset of JSON Schema that `schemars` emits for the
//! raw types (`$ref`, `type`, `const`, `enum`, `properties`,
//! `additionalProperties`, `required`, `items`, `anyOf`/`oneOf`).

use std::collections::BTreeSet;

use serde_json::Value;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::error::{one_of, suggest, PolicyError};
use super::raw::RawFile;

/// Enumerations longer than this are named by their description in a type
/// error rather than listed (the taxonomy's labels; compile lists nearest names).
const MAX_LISTED_VALUES: usize = 10;

/// The schema as a JSON value.
pub fn schema() -> Value {
    schemars::schema_for!(RawFile).to_value()
}

/// The schema as pretty JSON with a trailing newline (the content of
/// `policies/policy.schema.json`).
pub fn schema_json() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// The part of a file that a shape error is confined to: what the parser leaves
/// out while it still compiles the rest.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// The file as a whole: an unknown or missing top-level key (a misspelt
    /// `[[rules]]` may hide every rule, so nothing else can be trusted complete).
    File,
    /// A top-level key as a whole: `policy`, `on_error`, `allow`, or an array or
    /// table of the wrong type.
    Key(String),
    /// One element of a top-level array of tables: `rule`, index from 0.
    Item(String, usize),
    /// One entry of a top-level table of tables: `backends`, `local`.
    Entry(String, String),
}

/// Check the shape of a parsed file against the schema. Pushes every error and
/// returns the units they are confined to.
pub fn check_shape(
    file: &str,
    text: &str,
    root: &Spanned<DeTable<'_>>,
    errors: &mut Vec<PolicyError>,
) -> BTreeSet<Unit> {
    let schema = schema();
    let walker = Walker {
        file,
        text,
        root: &schema,
    };
    let mut out = Out {
        errors,
        bad: BTreeSet::new(),
    };
    walker.table(
        &schema,
        root.get_ref(),
        root.span().start,
        "",
        &Unit::File,
        &mut out,
    );
    out.bad
}

struct Walker<'a> {
    file: &'a str,
    text: &'a str,
    root: &'a Value,
}

struct Out<'e> {
    errors: &'e mut Vec<PolicyError>,
    bad: BTreeSet<Unit>,
}

impl Out<'_> {
    fn push(&mut self, unit: &Unit, e: PolicyError) {
        self.errors.push(e);
        self.bad.insert(unit.clone());
    }
}

/// What a schema accepts, gathered for a message.
#[derive(Default)]
struct Wanted<'a> {
    /// String constants (enumerations).
    values: Vec<&'a str>,
    /// Enumerations too long to list, by description.
    described: Vec<String>,
    /// JSON Schema types.
    types: Vec<&'a str>,
}

impl Wanted<'_> {
    fn render(&self) -> String {
        let mut parts = Vec::new();
        if !self.values.is_empty() {
            parts.push(one_of(self.values.iter().copied()));
        }
        parts.extend(self.described.iter().cloned());
        parts.extend(self.types.iter().map(|t| article(t)));
        if parts.is_empty() {
            "another type".to_string()
        } else {
            parts.join(" or ")
        }
    }
}

fn branches(schema: &Value) -> Option<&Vec<Value>> {
    schema
        .get("anyOf")
        .or_else(|| schema.get("oneOf"))
        .and_then(Value::as_array)
}

impl<'a> Walker<'a> {
    fn resolve(&self, mut schema: &'a Value) -> &'a Value {
        // Bounded: `$ref` chains in generated schemas are short.
        for _ in 0..16 {
            let Some(r) = schema.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let Some(name) = r.strip_prefix("#/$defs/") else {
                break;
            };
            match self.root.get("$defs").and_then(|d| d.get(name)) {
                Some(s) => schema = s,
                None => break,
            }
        }
        schema
    }

    fn err(&self, offset: usize, message: String) -> PolicyError {
        PolicyError::new(self.file, self.text, offset, message)
    }

    /// Whether a value of JSON type `found` fits `schema` (any branch of it).
    fn accepts(&self, schema: &'a Value, found: &str) -> bool {
        let schema = self.resolve(schema);
        if let Some(bs) = branches(schema) {
            return bs.iter().any(|b| self.accepts(b, found));
        }
        let t = types(schema);
        // No `type`: anything goes at this level (e.g. `true`).
        t.is_empty()
            || t.iter()
                .any(|&w| w == found || (w == "number" && found == "integer"))
    }

    /// Gather what `schema` accepts: constants of enumerations rather than the
    /// `string` type each constant repeats.
    fn wanted(&self, schema: &'a Value, out: &mut Wanted<'a>) {
        let schema = self.resolve(schema);
        if let Some(bs) = branches(schema) {
            for b in bs {
                self.wanted(b, out);
            }
            return;
        }
        if let Some(c) = schema.get("const").and_then(Value::as_str) {
            if !out.values.contains(&c) {
                out.values.push(c);
            }
            return;
        }
        if let Some(e) = schema.get("enum").and_then(Value::as_array) {
            let names: Vec<&str> = e.iter().filter_map(Value::as_str).collect();
            let description = schema
                .get("description")
                .and_then(Value::as_str)
                .map(describe);
            match description {
                Some(d) if names.len() > MAX_LISTED_VALUES => {
                    if !out.described.contains(&d) {
                        out.described.push(d);
                    }
                }
                _ => {
                    for n in names {
                        if !out.values.contains(&n) {
                            out.values.push(n);
                        }
                    }
                }
            }
            return;
        }
        for t in types(schema) {
            if t != "null" && !out.types.contains(&t) {
                out.types.push(t);
            }
        }
    }

    fn value(
        &self,
        schema: &'a Value,
        value: &Spanned<DeValue<'_>>,
        path: &str,
        unit: &Unit,
        out: &mut Out<'_>,
    ) {
        let schema = self.resolve(schema);
        let found = type_of(value.get_ref());
        if let Some(bs) = branches(schema) {
            match bs.iter().find(|b| self.accepts(b, found)) {
                Some(b) => self.value(b, value, path, unit, out),
                None => out.push(
                    unit,
                    self.type_error(value.span().start, path, schema, found),
                ),
            }
            return;
        }
        if !self.accepts(schema, found) {
            out.push(
                unit,
                self.type_error(value.span().start, path, schema, found),
            );
            return;
        }
        match value.get_ref() {
            DeValue::Table(t) => self.table(schema, t, value.span().start, path, unit, out),
            DeValue::Array(items) => {
                if let Some(item) = schema.get("items") {
                    for (i, v) in items.iter().enumerate() {
                        // Each `[[rule]]` (and recognizer, dictionary, test) is a unit.
                        let element = match unit {
                            Unit::Key(k) if k == path => Unit::Item(k.clone(), i),
                            other => other.clone(),
                        };
                        self.value(item, v, &format!("{path}[{}]", i + 1), &element, out);
                    }
                }
            }
            _ => {}
        }
    }

    fn table(
        &self,
        schema: &'a Value,
        table: &DeTable<'_>,
        offset: usize,
        path: &str,
        unit: &Unit,
        out: &mut Out<'_>,
    ) {
        let schema = self.resolve(schema);
        let props = schema.get("properties").and_then(Value::as_object);
        let additional = schema.get("additionalProperties");
        let join = |k: &str| {
            if path.is_empty() {
                k.to_string()
            } else {
                format!("{path}.{k}")
            }
        };
        for (key, value) in table.iter() {
            let k: &str = key.get_ref();
            if let Some(sub) = props.and_then(|p| p.get(k)) {
                let child = match unit {
                    Unit::File => Unit::Key(k.to_string()),
                    other => other.clone(),
                };
                self.value(sub, value, &join(k), &child, out);
                continue;
            }
            match additional {
                Some(Value::Bool(false)) => {
                    let known: Vec<&str> = props
                        .map(|p| p.keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    let help = suggest(k, known.iter().copied());
                    let where_ = if path.is_empty() {
                        "at the top level".to_string()
                    } else {
                        format!("in `{path}`")
                    };
                    out.push(
                        unit,
                        self.err(
                            key.span().start,
                            format!(
                                "unknown key `{k}` {where_}, expected {}",
                                one_of(known.iter().copied())
                            ),
                        )
                        .with_help(help),
                    );
                }
                Some(sub @ Value::Object(_)) => {
                    // Each `[backends.NAME]` is a unit.
                    let entry = match unit {
                        Unit::Key(top) if top == path => Unit::Entry(top.clone(), k.to_string()),
                        other => other.clone(),
                    };
                    self.value(sub, value, &join(k), &entry, out);
                }
                _ => {}
            }
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            for r in required.iter().filter_map(Value::as_str) {
                if !table.iter().any(|(k, _)| {
                    let k: &str = k.get_ref();
                    k == r
                }) {
                    let where_ = if path.is_empty() {
                        "the file".to_string()
                    } else {
                        format!("`{path}`")
                    };
                    out.push(
                        unit,
                        self.err(offset, format!("missing key `{r}` in {where_}")),
                    );
                }
            }
        }
    }

    fn type_error(&self, offset: usize, path: &str, schema: &'a Value, found: &str) -> PolicyError {
        let mut wanted = Wanted::default();
        self.wanted(schema, &mut wanted);
        self.err(
            offset,
            format!(
                "`{path}` must be {}, found {}",
                wanted.render(),
                article(found)
            ),
        )
    }
}

/// A schema description as a noun phrase: "A label of X." → "a label of X".
fn describe(description: &str) -> String {
    let d = description.trim().trim_end_matches('.');
    let mut chars = d.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// JSON Schema type name of a TOML value (`integer` is also a `number`).
fn type_of(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "number",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "datetime",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "object",
    }
}

fn types(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn article(t: &str) -> String {
    match t {
        "integer" => "an integer".to_string(),
        "array" => "an array (`[...]`)".to_string(),
        "object" => "a table".to_string(),
        "datetime" => "a date-time".to_string(),
        "null" => "nothing".to_string(),
        other => format!("a {other}"),
    }
}
