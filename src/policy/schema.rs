//! The JSON Schema of policy files, generated from the raw types, and the shape
//! check that uses it.
//!
//! serde stops at the first unknown key or wrong type. To report them all at
//! once, each file is first parsed into a spanned TOML tree and walked beside the
//! schema: every key the schema does not know (with the nearest one it does),
//! every value of the wrong type and every missing required key becomes an
//! error with its position. Only a file that passes this walk is handed to serde.
//! The walk understands the subset of JSON Schema that `schemars` emits for the
//! raw types (`$ref`, `type`, `properties`, `additionalProperties`, `required`,
//! `items`, `anyOf`/`oneOf`).

use serde_json::Value;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::error::{one_of, suggest, PolicyError};
use super::raw::RawFile;

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

/// Check the shape of a parsed file against the schema.
pub fn check_shape(
    file: &str,
    text: &str,
    root: &Spanned<DeTable<'_>>,
    errors: &mut Vec<PolicyError>,
) {
    let schema = schema();
    let walker = Walker {
        file,
        text,
        root: &schema,
    };
    walker.table(&schema, root.get_ref(), root.span().start, "", errors);
}

struct Walker<'a> {
    file: &'a str,
    text: &'a str,
    root: &'a Value,
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

    fn value(
        &self,
        schema: &'a Value,
        value: &Spanned<DeValue<'_>>,
        path: &str,
        errors: &mut Vec<PolicyError>,
    ) {
        let schema = self.resolve(schema);
        let found = type_of(value.get_ref());
        if let Some(branches) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Value::as_array)
        {
            let fitting = branches.iter().find(|b| accepts(self.resolve(b), found));
            match fitting {
                Some(b) => self.value(b, value, path, errors),
                None => {
                    let wanted: Vec<&str> = branches
                        .iter()
                        .flat_map(|b| types(self.resolve(b)))
                        .filter(|t| *t != "null")
                        .collect();
                    errors.push(self.type_error(value.span().start, path, &wanted, found));
                }
            }
            return;
        }
        if !accepts(schema, found) {
            let wanted: Vec<&str> = types(schema).into_iter().filter(|t| *t != "null").collect();
            errors.push(self.type_error(value.span().start, path, &wanted, found));
            return;
        }
        match value.get_ref() {
            DeValue::Table(t) => self.table(schema, t, value.span().start, path, errors),
            DeValue::Array(items) => {
                if let Some(item) = schema.get("items") {
                    for (i, v) in items.iter().enumerate() {
                        self.value(item, v, &format!("{path}[{}]", i + 1), errors);
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
        errors: &mut Vec<PolicyError>,
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
                self.value(sub, value, &join(k), errors);
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
                    errors.push(
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
                Some(sub @ Value::Object(_)) => self.value(sub, value, &join(k), errors),
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
                    errors.push(self.err(offset, format!("missing key `{r}` in {where_}")));
                }
            }
        }
    }

    fn type_error(&self, offset: usize, path: &str, wanted: &[&str], found: &str) -> PolicyError {
        let wanted: Vec<String> = wanted.iter().map(|t| article(t)).collect();
        let wanted = if wanted.is_empty() {
            "another type".to_string()
        } else {
            wanted.join(" or ")
        };
        self.err(
            offset,
            format!("`{path}` must be {wanted}, found {}", article(found)),
        )
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

fn accepts(schema: &Value, found: &str) -> bool {
    let t = types(schema);
    if t.is_empty() {
        // No `type`: anything goes at this level (e.g. `true`).
        return true;
    }
    t.iter()
        .any(|&w| w == found || (w == "number" && found == "integer"))
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
