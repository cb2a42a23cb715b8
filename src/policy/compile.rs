//! Raw files → [`CompiledPolicy`]. Checks everything and collects every error
//! before giving up, so a privacy officer fixes a file in one pass.
//!
//! Composition: files are merged in load order (everything a file extends comes
//! before it). Rules, recognizers and dictionaries with the id of an inherited
//! one replace it in place; backends with an inherited name replace it; allow
//! lists are unions; `default_action`, `default_operator` and `min_score` are
//! taken from the last file that sets them. `on_error` entries of inherited
//! files combine by the strictest action; the root file's own entries override
//! them. Only the root file's `[[test]]` cases are kept.
//!
//! References (a rule's backend, a test's rule ids, a rule's categories) are
//! checked on the merged policy, and only when every file parsed and no
//! definition of that kind was left out for a shape error — otherwise the
//! missing definition may sit in the broken part, and the errors would mislead.
//! Everything else is checked in every part that passed the shape check, so one
//! run reports a misspelt key in one rule and a misspelt label in another.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use regex::{Regex, RegexBuilder, RegexSetBuilder};
use sha2::{Digest, Sha256};
use toml::Spanned;

use super::compiled::{AllowList, Api, Backend, CompiledPolicy, Conditions, Rule, TestCase};
use super::error::{one_of, suggest, Location, PolicyError, PolicyErrors};
use super::evaluate::{Action, FailureKind, FlowFacts, DEFAULT_RULE_ID};
use super::glob::{Cidr, Glob};
use super::raw::{RawFile, RawHeader, RawRule, RawTest, SpStr};
use super::recognizer::{
    category_covers, context_automaton, detector_name, dictionary_automaton, Matcher, Recognizer,
    VALIDATORS,
};
use super::source::{load_tree, Loader, Omitted, Source};
use crate::detect::{Label, Thresholds};
use crate::redact::Operator;

/// Largest compiled size of one regex (bytes): a policy cannot make the proxy
/// build an enormous automaton.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// Default score of a recognizer match (with context, when context is given).
const DEFAULT_SCORE: f64 = 0.85;
/// Default score of a match without a context word.
const DEFAULT_SCORE_WITHOUT_CONTEXT: f64 = 0.3;
/// Default minimum score.
const DEFAULT_MIN_SCORE: f64 = 0.5;
/// Default test destination and path.
const TEST_DESTINATION: &str = "api.openai.com";
const TEST_PATH: &str = "/v1/chat/completions";

/// Load `root` with `loader` (and everything it extends) and compile it.
pub fn compile(loader: &dyn Loader, root: &str) -> Result<CompiledPolicy, PolicyErrors> {
    let mut errors = Vec::new();
    let tree = load_tree(loader, root, &mut errors);
    let mut b = Builder {
        loader: Some(loader),
        complete: tree.complete,
        omitted: tree.omitted,
        errors,
        hashed: Vec::new(),
        ..Builder::default()
    };
    for src in &tree.sources {
        b.file(src, src.id == root);
    }
    let mut hasher = Sha256::new();
    for (_, text) in tree.read.iter().chain(b.hashed.iter()) {
        hasher.update((text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    let content_hash = hex::encode(hasher.finalize());
    let (policy, mut errors) = b.finish(content_hash, tree.read.iter().map(|(id, _)| id.clone()));
    // Stable: files keep their load order; within a file, errors go top to bottom.
    let order: Vec<&str> = tree.read.iter().map(|(id, _)| id.as_str()).collect();
    errors.sort_by_key(|e| {
        let file = order.iter().position(|f| *f == e.location.file);
        (file, e.location.line, e.location.column)
    });
    match PolicyErrors::from_vec(errors) {
        Some(e) => Err(e),
        None => policy.ok_or_else(|| {
            PolicyErrors::one(PolicyError {
                location: Location::file(root),
                message: "policy could not be compiled".to_string(),
                help: None,
            })
        }),
    }
}

/// A rule before the merged defaults are known.
struct PendingRule {
    rule: Rule,
    operator: Option<Operator>,
    min_score: Option<f32>,
    /// Where the route name and categories were written, for reference errors.
    route_at: Option<(Arc<str>, Arc<str>, usize)>,
    category_at: Vec<(Arc<str>, Arc<str>, usize)>,
}

#[derive(Default)]
struct Builder<'l> {
    loader: Option<&'l dyn Loader>,
    complete: bool,
    /// What the files left out (parts with shape errors).
    omitted: Omitted,
    /// Ids of rules that were defined but did not compile (their errors are
    /// reported; a test naming one is not an error too).
    broken_rules: HashSet<String>,
    /// Names of backends that were defined but did not compile (likewise).
    broken_backends: HashSet<String>,
    errors: Vec<PolicyError>,
    /// Extra files read (dictionaries), for the content hash.
    hashed: Vec<(String, String)>,
    name: String,
    version: String,
    description: Option<String>,
    default_action: Option<Action>,
    default_operator: Option<Operator>,
    min_score: Option<f32>,
    rules: Vec<PendingRule>,
    recognizers: Vec<Arc<Recognizer>>,
    allow_values: HashSet<String>,
    allow_patterns: Vec<String>,
    inherited_on_error: [Option<(Action, Option<String>)>; FailureKind::ALL.len()],
    root_on_error: [Option<(Action, Option<String>)>; FailureKind::ALL.len()],
    on_error_refs: Vec<(Arc<str>, Arc<str>, usize, String)>,
    backends: BTreeMap<String, Backend>,
    raw_tests: Vec<(Arc<str>, Arc<str>, PendingTest)>,
}

struct PendingTest {
    case: TestCase,
    route_at: Option<(String, usize)>,
    rules_at: Vec<(String, usize)>,
}

/// Per-file context for errors.
struct Ctx<'a> {
    file: &'a str,
    text: &'a str,
}

impl Ctx<'_> {
    fn err(&self, offset: usize, message: impl Into<String>) -> PolicyError {
        PolicyError::new(self.file, self.text, offset, message)
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 128
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn is_category(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 128
        && s.split(':').all(|part| {
            !part.is_empty()
                && part.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_')
                })
        })
}

impl Builder<'_> {
    fn push(&mut self, e: PolicyError) {
        self.errors.push(e);
    }

    fn label(&mut self, cx: &Ctx<'_>, s: &SpStr) -> Option<Label> {
        match s.get_ref().parse::<Label>() {
            Ok(l) => Some(l),
            Err(_) => {
                let names = Label::ALL.iter().map(|l| l.as_str());
                let help = suggest(s.get_ref(), names);
                self.push(
                    cx.err(
                        s.span().start,
                        format!(
                            "unknown label `{}`, expected a label of the taxonomy (shared/eval/TAXONOMY.md)",
                            s.get_ref()
                        ),
                    )
                    .with_help(help),
                );
                None
            }
        }
    }

    fn action(&mut self, cx: &Ctx<'_>, s: &SpStr, valid: &[Action], what: &str) -> Option<Action> {
        match Action::from_name(s.get_ref()).filter(|a| valid.contains(a)) {
            Some(a) => Some(a),
            None => {
                let names: Vec<&str> = valid.iter().map(|a| a.as_str()).collect();
                let help = suggest(s.get_ref(), names.iter().copied());
                self.push(
                    cx.err(
                        s.span().start,
                        format!(
                            "unknown {what} `{}`, expected {}",
                            s.get_ref(),
                            one_of(names.iter().copied())
                        ),
                    )
                    .with_help(help),
                );
                None
            }
        }
    }

    fn operator(&mut self, cx: &Ctx<'_>, s: &SpStr) -> Option<Operator> {
        match Operator::from_name(s.get_ref()) {
            Some(o) => Some(o),
            None => {
                let names = Operator::ALL.map(|o| o.as_str());
                let help = suggest(s.get_ref(), names);
                self.push(
                    cx.err(
                        s.span().start,
                        format!(
                            "unknown operator `{}`, expected {}",
                            s.get_ref(),
                            one_of(names)
                        ),
                    )
                    .with_help(help),
                );
                None
            }
        }
    }

    fn score(&mut self, cx: &Ctx<'_>, s: &Option<Spanned<f64>>, key: &str) -> Option<f32> {
        let s = s.as_ref()?;
        let v = *s.get_ref();
        if (0.0..=1.0).contains(&v) {
            Some(v as f32)
        } else {
            self.push(cx.err(
                s.span().start,
                format!("`{key}` must be between 0 and 1, found {v}"),
            ));
            None
        }
    }

    fn id(&mut self, cx: &Ctx<'_>, s: &SpStr, what: &str, seen: &mut HashSet<String>) -> bool {
        let v = s.get_ref();
        if !is_id(v) {
            self.push(cx.err(
                s.span().start,
                format!("{what} id `{v}` must be 1–128 letters, digits, `-`, `_` or `.`"),
            ));
            return false;
        }
        if !seen.insert(v.clone()) {
            self.push(cx.err(
                s.span().start,
                format!("duplicate {what} id `{v}` in this file"),
            ));
            return false;
        }
        true
    }

    fn category(&mut self, cx: &Ctx<'_>, s: &SpStr) -> bool {
        if is_category(s.get_ref()) {
            return true;
        }
        self.push(cx.err(
            s.span().start,
            format!(
                "category `{}` must be lowercase words of letters, digits, `-` or `_` separated by `:` (e.g. `gdpr:special:health`)",
                s.get_ref()
            ),
        ));
        false
    }

    fn regex(&mut self, cx: &Ctx<'_>, s: &SpStr, anchored: bool) -> Option<Regex> {
        let pattern = if anchored {
            format!("^(?:{})$", s.get_ref())
        } else {
            s.get_ref().clone()
        };
        match RegexBuilder::new(&pattern)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
        {
            Ok(r) => Some(r),
            Err(e) => {
                let msg = e.to_string();
                let detail = msg
                    .lines()
                    .rev()
                    .find(|l| l.trim_start().starts_with("error:"))
                    .map_or(msg.as_str(), str::trim);
                self.push(cx.err(s.span().start, format!("invalid regex: {detail}")));
                None
            }
        }
    }

    /// Compile one file into the builder.
    fn file(&mut self, src: &Source, is_root: bool) {
        let cx = Ctx {
            file: &src.id,
            text: &src.text,
        };
        let raw: &RawFile = &src.raw;
        let file: Arc<str> = Arc::from(src.id.as_str());
        let text: Arc<str> = Arc::from(src.text.as_str());

        // [policy] (left out after a shape error: nothing of it is trusted)
        if !src.omitted.header {
            self.header(&cx, &raw.policy, is_root);
        }

        // [backends.*]
        for (name, b) in &raw.backends {
            let ok_name = is_id(name.get_ref());
            if !ok_name {
                self.push(cx.err(
                    name.span().start,
                    format!(
                        "backend name `{}` must be letters, digits, `-`, `_` or `.`",
                        name.get_ref()
                    ),
                ));
            }
            let url = b.base_url.get_ref();
            let ok_url = (url.starts_with("http://") || url.starts_with("https://"))
                && url.len() > "https://".len()
                && !url.contains(char::is_whitespace);
            if !ok_url {
                self.push(cx.err(
                    b.base_url.span().start,
                    "`base_url` must be an http:// or https:// URL without spaces",
                ));
            }
            let api = match b.api.get_ref().as_str() {
                "openai" => Some(Api::Openai),
                "anthropic" => Some(Api::Anthropic),
                other => {
                    let help = suggest(other, ["openai", "anthropic"]);
                    self.push(
                        cx.err(
                            b.api.span().start,
                            format!("unknown api `{other}`, expected one of `openai`, `anthropic`"),
                        )
                        .with_help(help),
                    );
                    None
                }
            };
            if !(ok_url && api.is_some()) {
                // Its errors are reported; a rule routing to it is not one more.
                self.broken_backends.insert(name.get_ref().clone());
            }
            if let (true, true, Some(api)) = (ok_name, ok_url, api) {
                self.backends.insert(
                    name.get_ref().clone(),
                    Backend {
                        name: name.get_ref().clone(),
                        base_url: url.clone(),
                        api,
                        models: b.models.clone(),
                    },
                );
            }
        }

        // [[recognizer]] and [[dictionary]]: one id namespace (detector names).
        let mut seen_ids = HashSet::new();
        for r in &raw.recognizers {
            let ok_id = self.id(&cx, &r.id, "recognizer", &mut seen_ids);
            let label = self.label(&cx, &r.label);
            let ok_cat = r.category.as_ref().is_none_or(|c| self.category(&cx, c));
            let regex = self.regex(&cx, &r.pattern, false);
            let validator = match &r.validator {
                None => Some(None),
                Some(v) => match VALIDATORS.iter().find(|(n, _)| *n == v.get_ref().as_str()) {
                    Some((_, f)) => Some(Some(*f)),
                    None => {
                        let names = VALIDATORS.iter().map(|(n, _)| *n);
                        let help = suggest(v.get_ref(), names.clone());
                        self.push(
                            cx.err(
                                v.span().start,
                                format!(
                                    "unknown validator `{}`, expected {}",
                                    v.get_ref(),
                                    one_of(names)
                                ),
                            )
                            .with_help(help),
                        );
                        None
                    }
                },
            };
            let context = self.context(&cx, &r.context, r.id.span().start);
            let score = self.score(&cx, &r.score, "score");
            let score_wo = self.score(&cx, &r.score_without_context, "score_without_context");
            if let (true, Some(label), true, Some(regex), Some(validator), Some(context)) =
                (ok_id, label, ok_cat, regex, validator, context)
            {
                let group = regex.capture_names().position(|n| n == Some("value"));
                self.add_recognizer(Recognizer {
                    id: Arc::from(r.id.get_ref().as_str()),
                    name: Arc::from(detector_name(
                        r.id.get_ref(),
                        r.category.as_ref().map(|c| c.get_ref().as_str()),
                    )),
                    label,
                    category: r.category.as_ref().map(|c| Arc::from(c.get_ref().as_str())),
                    matcher: Matcher::Regex {
                        regex,
                        group,
                        validator,
                    },
                    context,
                    score: score.unwrap_or(DEFAULT_SCORE as f32),
                    score_without_context: score_wo.unwrap_or(DEFAULT_SCORE_WITHOUT_CONTEXT as f32),
                });
            }
        }
        for d in &raw.dictionaries {
            let ok_id = self.id(&cx, &d.id, "dictionary", &mut seen_ids);
            let label = self.label(&cx, &d.label);
            let ok_cat = d.category.as_ref().is_none_or(|c| self.category(&cx, c));
            let mut terms: Vec<String> = d
                .terms
                .iter()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            if let Some(f) = &d.file {
                match self.read_data(&src.id, f.get_ref()) {
                    Ok(content) => terms.extend(
                        content
                            .lines()
                            .map(str::trim)
                            .filter(|l| !l.is_empty() && !l.starts_with('#'))
                            .map(str::to_string),
                    ),
                    Err(e) => self.push(cx.err(
                        f.span().start,
                        format!("cannot read dictionary file `{}`: {e}", f.get_ref()),
                    )),
                }
            }
            if terms.is_empty() {
                self.push(cx.err(
                    d.id.span().start,
                    "a dictionary needs at least one term (`terms` or `file`)",
                ));
            }
            let automaton = match dictionary_automaton(&terms, d.case_sensitive) {
                Ok(a) => Some(a),
                Err(e) => {
                    self.push(cx.err(d.id.span().start, format!("invalid dictionary: {e}")));
                    None
                }
            };
            let context = self.context(&cx, &d.context, d.id.span().start);
            let score = self.score(&cx, &d.score, "score");
            let score_wo = self.score(&cx, &d.score_without_context, "score_without_context");
            if let (true, Some(label), true, Some(automaton), Some(context), false) =
                (ok_id, label, ok_cat, automaton, context, terms.is_empty())
            {
                self.add_recognizer(Recognizer {
                    id: Arc::from(d.id.get_ref().as_str()),
                    name: Arc::from(detector_name(
                        d.id.get_ref(),
                        d.category.as_ref().map(|c| c.get_ref().as_str()),
                    )),
                    label,
                    category: d.category.as_ref().map(|c| Arc::from(c.get_ref().as_str())),
                    matcher: Matcher::Dictionary { automaton },
                    context,
                    score: score.unwrap_or(DEFAULT_SCORE as f32),
                    score_without_context: score_wo.unwrap_or(DEFAULT_SCORE_WITHOUT_CONTEXT as f32),
                });
            }
        }

        // [allow]
        if let Some(a) = &raw.allow {
            self.allow_values.extend(a.values.iter().cloned());
            for p in &a.patterns {
                if self.regex(&cx, p, true).is_some() {
                    self.allow_patterns.push(format!("^(?:{})$", p.get_ref()));
                }
            }
        }

        // [[rule]]
        let mut seen_rules = HashSet::new();
        for r in &raw.rules {
            match self.rule(&cx, &file, &text, r, &mut seen_rules) {
                Some(p) => match self.rules.iter_mut().find(|q| q.rule.id == p.rule.id) {
                    Some(q) => *q = p,
                    None => self.rules.push(p),
                },
                // Its errors are reported; a test naming it is not one more.
                None => {
                    self.broken_rules.insert(r.id.get_ref().clone());
                }
            }
        }

        // [on_error]
        if let Some(oe) = &raw.on_error {
            let entries = [
                &oe.detector_error,
                &oe.detector_timeout,
                &oe.ner_unavailable,
                &oe.body_too_large,
                &oe.undecodable_body,
                &oe.unsupported_content,
            ];
            let route = oe.route.as_ref().map(|r| r.get_ref().clone());
            for (kind, entry) in FailureKind::ALL.into_iter().zip(entries) {
                let Some(s) = entry else { continue };
                let Some(a) = self.action(
                    &cx,
                    s,
                    &[Action::Allow, Action::Route, Action::Block],
                    "on_error action",
                ) else {
                    continue;
                };
                if a == Action::Route && route.is_none() {
                    self.push(cx.err(
                        s.span().start,
                        format!(
                            "`on_error.{kind} = \"route\"` needs `on_error.route = \"BACKEND\"`"
                        ),
                    ));
                    continue;
                }
                let value = (a, route.clone().filter(|_| a == Action::Route));
                let slot = if is_root {
                    &mut self.root_on_error[kind.index()]
                } else {
                    &mut self.inherited_on_error[kind.index()]
                };
                *slot = Some(match slot.take() {
                    Some(old) if !is_root && old.0 > value.0 => old,
                    _ => value,
                });
            }
            if let Some(r) = &oe.route {
                self.on_error_refs.push((
                    file.clone(),
                    text.clone(),
                    r.span().start,
                    r.get_ref().clone(),
                ));
            }
        }

        // [[test]] (root file only)
        if is_root {
            for t in &raw.tests {
                if let Some(p) = self.test(&cx, t) {
                    self.raw_tests.push((file.clone(), text.clone(), p));
                }
            }
        }
    }

    fn header(&mut self, cx: &Ctx<'_>, h: &RawHeader, is_root: bool) {
        if !is_id(h.name.get_ref()) {
            self.push(cx.err(
                h.name.span().start,
                "policy `name` must be 1–128 letters, digits, `-`, `_` or `.`",
            ));
        }
        if h.version.get_ref().trim().is_empty() {
            self.push(cx.err(h.version.span().start, "policy `version` must not be empty"));
        }
        if is_root {
            self.name = h.name.get_ref().clone();
            self.version = h.version.get_ref().clone();
            self.description = h.description.clone();
        }
        if let Some(a) = &h.default_action {
            if let Some(a) = self.action(
                cx,
                a,
                &[Action::Allow, Action::Redact, Action::Block],
                "default action",
            ) {
                self.default_action = Some(a);
            }
        }
        if let Some(o) = &h.default_operator {
            if let Some(o) = self.operator(cx, o) {
                self.default_operator = Some(o);
            }
        }
        if let Some(m) = self.score(cx, &h.min_score, "min_score") {
            self.min_score = Some(m);
        }
    }

    fn context(
        &mut self,
        cx: &Ctx<'_>,
        words: &[String],
        offset: usize,
    ) -> Option<Option<aho_corasick::AhoCorasick>> {
        match context_automaton(words) {
            Ok(a) => Some(a),
            Err(e) => {
                self.push(cx.err(offset, format!("invalid context words: {e}")));
                None
            }
        }
    }

    fn read_data(&mut self, from: &str, reference: &str) -> Result<String, String> {
        let loader = self.loader.unwrap_or(&super::source::EmbeddedLoader);
        let id = loader.resolve(from, reference, true);
        let text = loader.read(&id)?;
        self.hashed.push((id, text.clone()));
        Ok(text)
    }

    fn add_recognizer(&mut self, r: Recognizer) {
        let r = Arc::new(r);
        match self.recognizers.iter_mut().find(|q| q.id == r.id) {
            Some(q) => *q = r,
            None => self.recognizers.push(r),
        }
    }

    fn rule(
        &mut self,
        cx: &Ctx<'_>,
        file: &Arc<str>,
        text: &Arc<str>,
        r: &RawRule,
        seen: &mut HashSet<String>,
    ) -> Option<PendingRule> {
        let mut ok = self.id(cx, &r.id, "rule", seen);
        if r.id.get_ref() == DEFAULT_RULE_ID {
            self.push(cx.err(
                r.id.span().start,
                "rule id `default` is reserved for findings no rule covers; use `[policy] default_action`",
            ));
            ok = false;
        }
        if r.labels.is_empty() && r.categories.is_empty() {
            self.push(cx.err(
                r.id.span().start,
                format!(
                    "rule `{}` needs `labels` or `categories` to say what it applies to",
                    r.id.get_ref()
                ),
            ));
            ok = false;
        }
        let mut labels = Vec::new();
        for l in &r.labels {
            match self.label(cx, l) {
                Some(l) if !labels.contains(&l) => labels.push(l),
                Some(_) => {}
                None => ok = false,
            }
        }
        let mut categories = Vec::new();
        let mut category_at = Vec::new();
        for c in &r.categories {
            if self.category(cx, c) {
                categories.push(Arc::from(c.get_ref().as_str()));
                category_at.push((file.clone(), text.clone(), c.span().start));
            } else {
                ok = false;
            }
        }
        let action = self.action(cx, &r.action, &Action::ALL, "action");
        let operator = match &r.operator {
            None => None,
            Some(o) => {
                let op = self.operator(cx, o);
                if op.is_none() {
                    ok = false;
                }
                if action.is_some_and(|a| a != Action::Redact) {
                    self.push(cx.err(
                        o.span().start,
                        "`operator` applies only to rules with `action = \"redact\"`",
                    ));
                    ok = false;
                }
                op
            }
        };
        let mut route_at = None;
        match (action, &r.route) {
            (Some(Action::Route), None) => {
                self.push(cx.err(
                    r.action.span().start,
                    "a `route` rule needs `route = \"BACKEND\"` naming a backend",
                ));
                ok = false;
            }
            (Some(a), Some(route)) if a != Action::Route => {
                self.push(cx.err(
                    route.span().start,
                    "`route` applies only to rules with `action = \"route\"`",
                ));
                ok = false;
            }
            (_, Some(route)) => {
                route_at = Some((file.clone(), text.clone(), route.span().start));
            }
            _ => {}
        }
        let min_score = match &r.min_score {
            None => None,
            Some(_) => {
                let m = self.score(cx, &r.min_score, "min_score");
                if m.is_none() {
                    ok = false;
                }
                m
            }
        };
        let when = self.conditions(cx, r, &mut ok);
        let action = action?;
        if !ok {
            return None;
        }
        Some(PendingRule {
            rule: Rule {
                id: Arc::from(r.id.get_ref().as_str()),
                labels,
                categories,
                action,
                operator: Operator::Replace,
                route: r.route.as_ref().map(|s| s.get_ref().clone()),
                min_score: 0.0,
                when,
                location: Location::at(cx.file, cx.text, r.id.span().start),
            },
            operator,
            min_score,
            route_at,
            category_at,
        })
    }

    fn conditions(&mut self, cx: &Ctx<'_>, r: &RawRule, ok: &mut bool) -> Conditions {
        let mut c = Conditions::default();
        let mut nonempty = |b: &mut Self, list: &[SpStr], key: &str| -> Vec<String> {
            let mut out = Vec::new();
            for s in list {
                if s.get_ref().trim().is_empty() {
                    b.push(cx.err(s.span().start, format!("`{key}` entries must not be empty")));
                    *ok = false;
                } else {
                    out.push(s.get_ref().trim().to_string());
                }
            }
            out
        };
        c.destination = nonempty(self, &r.destination, "destination")
            .iter()
            .map(|s| Glob::new(s, true))
            .collect();
        c.path = nonempty(self, &r.path, "path")
            .iter()
            .map(|s| Glob::new(s, false))
            .collect();
        c.model = nonempty(self, &r.model, "model")
            .iter()
            .map(|s| Glob::new(s, true))
            .collect();
        c.provider = nonempty(self, &r.provider, "provider");
        c.client = nonempty(self, &r.client, "client");
        for n in &r.network {
            match Cidr::parse(n.get_ref()) {
                Some(cidr) => c.network.push(cidr),
                None => {
                    self.push(cx.err(
                        n.span().start,
                        format!(
                            "`network` entry `{}` is not an address or CIDR network (e.g. `10.0.0.0/8`)",
                            n.get_ref()
                        ),
                    ));
                    *ok = false;
                }
            }
        }
        c
    }

    fn test(&mut self, cx: &Ctx<'_>, t: &RawTest) -> Option<PendingTest> {
        let expect = self.action(cx, &t.expect, &Action::ALL, "expected action");
        let client_ip = match &t.client_ip {
            None => Some(None),
            Some(ip) => match ip.get_ref().parse() {
                Ok(ip) => Some(Some(ip)),
                Err(_) => {
                    self.push(cx.err(ip.span().start, "`client_ip` is not an IP address"));
                    None
                }
            },
        };
        let (expect, client_ip) = (expect?, client_ip?);
        let mut rules: Option<Vec<String>> = t
            .rules
            .as_ref()
            .map(|rs| rs.iter().map(|r| r.get_ref().clone()).collect());
        if let Some(rs) = &mut rules {
            rs.sort();
            rs.dedup();
        }
        Some(PendingTest {
            case: TestCase {
                name: t.name.get_ref().clone(),
                location: Location::at(cx.file, cx.text, t.name.span().start),
                input: t.input.clone(),
                flow: FlowFacts {
                    destination_host: t
                        .destination
                        .clone()
                        .unwrap_or_else(|| TEST_DESTINATION.to_string()),
                    path: t.path.clone().unwrap_or_else(|| TEST_PATH.to_string()),
                    provider: t.provider.clone(),
                    model: t.model.clone(),
                    client_id: t.client.clone(),
                    client_ip,
                },
                expect,
                output: t.output.clone(),
                route: t.route.as_ref().map(|r| r.get_ref().clone()),
                rules,
            },
            route_at: t
                .route
                .as_ref()
                .map(|r| (r.get_ref().clone(), r.span().start)),
            rules_at: t
                .rules
                .iter()
                .flatten()
                .map(|r| (r.get_ref().clone(), r.span().start))
                .collect(),
        })
    }

    /// Resolve defaults and references; build the policy.
    fn finish(
        mut self,
        content_hash: String,
        sources: impl Iterator<Item = String>,
    ) -> (Option<CompiledPolicy>, Vec<PolicyError>) {
        let default_min = self.min_score.unwrap_or(DEFAULT_MIN_SCORE as f32);
        let default_op = self.default_operator.unwrap_or(Operator::Replace);
        // Broken backends count as names here: their errors are reported, and a
        // misspelt reference to one should still find it.
        let mut backend_names: Vec<String> = self
            .backends
            .keys()
            .chain(&self.broken_backends)
            .cloned()
            .collect();
        backend_names.sort();
        backend_names.dedup();
        let categories: Vec<Arc<str>> = self
            .recognizers
            .iter()
            .filter_map(|r| r.category.clone())
            .collect();
        // Every category and each of its parents (`gdpr`, `gdpr:special`, …), for suggestions.
        let mut category_names: Vec<&str> = categories
            .iter()
            .flat_map(|c| {
                c.match_indices(':')
                    .map(|(i, _)| &c[..i])
                    .chain(std::iter::once(&**c))
            })
            .collect();
        category_names.sort_unstable();
        category_names.dedup();
        let mut errors = std::mem::take(&mut self.errors);
        let check_backends = self.complete && !self.omitted.backends;
        let check_categories = self.complete && !self.omitted.recognizers;
        let check_rule_ids = self.complete && !self.omitted.rules;
        let known_backend =
            |name: &str| self.backends.contains_key(name) || self.broken_backends.contains(name);
        let backend_err = |file: &str, text: &str, at: usize, name: &str| {
            PolicyError::new(
                file,
                text,
                at,
                format!(
                    "unknown backend `{name}`, expected {}",
                    if backend_names.is_empty() {
                        "a backend defined under `[backends.NAME]` (none is)".to_string()
                    } else {
                        one_of(backend_names.iter().map(String::as_str))
                    }
                ),
            )
            .with_help(suggest(name, backend_names.iter().map(String::as_str)))
        };
        let mut rules = Vec::with_capacity(self.rules.len());
        for p in self.rules {
            let mut rule = p.rule;
            rule.operator = p.operator.unwrap_or(default_op);
            rule.min_score = p.min_score.unwrap_or(default_min);
            if check_backends {
                if let (Some(route), Some((f, t, at))) = (&rule.route, &p.route_at) {
                    if !known_backend(route) {
                        errors.push(backend_err(f, t, *at, route));
                    }
                }
            }
            if check_categories {
                for (c, (f, t, at)) in rule.categories.iter().zip(&p.category_at) {
                    if !categories.iter().any(|rc| category_covers(c, rc)) {
                        let help = suggest(c, category_names.iter().copied());
                        errors.push(
                            PolicyError::new(
                                f,
                                t,
                                *at,
                                format!(
                                    "no recognizer has category `{c}` or a sub-category of it, so this never matches"
                                ),
                            )
                            .with_help(help),
                        );
                    }
                }
            }
            rules.push(rule);
        }
        if check_backends {
            for (f, t, at, name) in &self.on_error_refs {
                if !known_backend(name) {
                    errors.push(backend_err(f, t, *at, name));
                }
            }
        }
        let mut on_error: [(Action, Option<String>); FailureKind::ALL.len()] =
            std::array::from_fn(|_| (Action::Block, None));
        for kind in FailureKind::ALL {
            let i = kind.index();
            if let Some(v) = self.root_on_error[i]
                .take()
                .or_else(|| self.inherited_on_error[i].take())
            {
                on_error[i] = v;
            }
        }
        let rule_ids: Vec<&str> = rules
            .iter()
            .map(|r| &*r.id)
            .chain(std::iter::once(DEFAULT_RULE_ID))
            .collect();
        let mut tests = Vec::new();
        for (f, t, p) in self.raw_tests {
            if check_rule_ids {
                for (id, at) in &p.rules_at {
                    if !rule_ids.contains(&id.as_str()) && !self.broken_rules.contains(id) {
                        errors.push(
                            PolicyError::new(&f, &t, *at, format!("unknown rule id `{id}`"))
                                .with_help(suggest(id, rule_ids.iter().copied())),
                        );
                    }
                }
            }
            if check_backends {
                if let Some((name, at)) = &p.route_at {
                    if !known_backend(name) {
                        errors.push(backend_err(&f, &t, *at, name));
                    }
                }
            }
            tests.push(p.case);
        }
        let default_rule = Rule {
            id: Arc::from(DEFAULT_RULE_ID),
            labels: Label::ALL.to_vec(),
            categories: Vec::new(),
            action: self.default_action.unwrap_or(Action::Redact),
            operator: default_op,
            route: None,
            min_score: default_min,
            when: Conditions::default(),
            location: Location::file(&self.name),
        };
        let mut thresholds = Thresholds::default();
        for &label in Label::ALL {
            let mut t = default_min;
            for r in &rules {
                let by_label = r.labels.contains(&label);
                let by_category = self.recognizers.iter().any(|rec| {
                    rec.label == label
                        && rec
                            .category
                            .as_deref()
                            .is_some_and(|c| r.categories.iter().any(|rc| category_covers(rc, c)))
                });
                if by_label || by_category {
                    t = t.min(r.min_score);
                }
            }
            thresholds.set(label, t);
        }
        let patterns = if self.allow_patterns.is_empty() {
            None
        } else {
            match RegexSetBuilder::new(&self.allow_patterns)
                .size_limit(REGEX_SIZE_LIMIT * 4)
                .build()
            {
                Ok(set) => Some(set),
                Err(e) => {
                    errors.push(PolicyError {
                        location: Location::file(&self.name),
                        message: format!("allow patterns together are too large: {e}"),
                        help: None,
                    });
                    None
                }
            }
        };
        if !errors.is_empty() {
            return (None, errors);
        }
        (
            Some(CompiledPolicy {
                name: self.name,
                version: self.version,
                description: self.description,
                content_hash,
                sources: sources.collect(),
                rules,
                default_rule,
                recognizers: self.recognizers,
                allow: AllowList {
                    values: self.allow_values,
                    patterns,
                },
                on_error,
                backends: self.backends,
                tests,
                thresholds,
            }),
            errors,
        )
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::policy::{compile_str, evaluate, FlowFacts};

    /// Files in memory; ids are names, `extends = ["x"]` means `x.toml`.
    struct MapLoader(HashMap<&'static str, String>);

    impl Loader for MapLoader {
        fn resolve(&self, _from: &str, reference: &str, is_data: bool) -> String {
            if is_data || reference.ends_with(".toml") {
                reference.to_string()
            } else {
                format!("{reference}.toml")
            }
        }

        fn read(&self, id: &str) -> Result<String, String> {
            self.0
                .get(id)
                .cloned()
                .ok_or_else(|| "not found".to_string())
        }

        fn available(&self, _from: &str) -> Vec<String> {
            self.0
                .keys()
                .map(|k| k.trim_end_matches(".toml").to_string())
                .collect()
        }
    }

    fn files(list: &[(&'static str, &str)]) -> MapLoader {
        MapLoader(list.iter().map(|(k, v)| (*k, v.to_string())).collect())
    }

    const HEAD: &str = "[policy]\nname = \"t\"\nversion = \"1\"\n";

    /// Compile `body` (after a valid header) and return the error lines.
    fn errors(body: &str) -> Vec<String> {
        let text = format!("{HEAD}{body}");
        match compile_str("t.toml", &text) {
            Ok(_) => Vec::new(),
            Err(e) => e.errors().iter().map(ToString::to_string).collect(),
        }
    }

    fn one_error(body: &str) -> String {
        let e = errors(body);
        assert_eq!(e.len(), 1, "{e:#?}");
        e[0].clone()
    }

    #[test]
    fn error_messages() {
        // (body after the header, expected error line)
        let table = [
            (
                "[[rule]]\nid = \"r\"\nlabels = [\"EMAIL_ADRESS\"]\naction = \"redact\"\n",
                "t.toml:6:11: unknown label `EMAIL_ADRESS`, expected a label of the taxonomy (shared/eval/TAXONOMY.md) (did you mean `EMAIL_ADDRESS`?)",
            ),
            (
                "[[rule]]\nid = \"r\"\nlabels = [\"US_SSN\"]\nactoin = \"block\"\naction = \"block\"\n",
                "t.toml:7:1: unknown key `actoin` in `rule[1]`, expected one of `action`, `categories`, `client`, `comment`, `destination`, `id`, `labels`, `min_score`, `model`, `network`, `operator`, `path`, `provider`, `route` (did you mean `action`?)",
            ),
            (
                "[[rule]]\nid = \"r\"\nlabels = \"US_SSN\"\naction = \"block\"\n",
                "t.toml:6:10: `rule[1].labels` must be an array (`[...]`), found a string",
            ),
            (
                "[[rule]]\nid = \"r\"\nlabels = [\"US_SSN\"]\naction = \"block\"\nmin_score = \"high\"\n",
                "t.toml:8:13: `rule[1].min_score` must be a number, found a string",
            ),
            (
                "[[rule]]\nid = \"r\"\nlabels = [\"US_SSN\"]\naction = \"blok\"\n",
                "t.toml:7:10: unknown action `blok`, expected one of `allow`, `redact`, `route`, `block` (did you mean `block`?)",
            ),
            (
                "[[rule]]\nid = \"r\"\nlabels = [\"US_SSN\"]\naction = \"redact\"\noperator = \"hsah\"\n",
                "t.toml:8:12: unknown operator `hsah`, expected one of `mask`, `replace`, `hash`, `pseudonymize` (did you mean `hash`?)",
            ),
            (
                "[backends.local]\nbase_url = \"http://127.0.0.1:8081/v1\"\napi = \"openai\"\n[[rule]]\nid = \"r\"\nlabels = [\"US_SSN\"]\naction = \"route\"\nroute = \"lcoal\"\n",
                "t.toml:11:9: unknown backend `lcoal`, expected `local` (did you mean `local`?)",
            ),
            (
                "[[rule]]\nid = \"r\"\nlabels = [\"US_SSN\"]\naction = \"route\"\n",
                "t.toml:7:10: a `route` rule needs `route = \"BACKEND\"` naming a backend",
            ),
            (
                "[[rule]]\nid = \"r\"\nlabels = [\"US_SSN\"]\naction = \"block\"\noperator = \"mask\"\n",
                "t.toml:8:12: `operator` applies only to rules with `action = \"redact\"`",
            ),
            (
                "[[rule]]\nid = \"r\"\naction = \"block\"\n",
                "t.toml:5:6: rule `r` needs `labels` or `categories` to say what it applies to",
            ),
            (
                "[[rule]]\nid = \"r\"\nlabels = [\"US_SSN\"]\naction = \"block\"\n[[rule]]\nid = \"r\"\nlabels = [\"URL\"]\naction = \"block\"\n",
                "t.toml:9:6: duplicate rule id `r` in this file",
            ),
            (
                "[[rule]]\nid = \"default\"\nlabels = [\"URL\"]\naction = \"block\"\n",
                "t.toml:5:6: rule id `default` is reserved for findings no rule covers; use `[policy] default_action`",
            ),
            (
                "[[rule]]\nid = \"r\"\nlabels = [\"URL\"]\naction = \"block\"\nnetwork = [\"10.0.0.0/33\"]\n",
                "t.toml:8:12: `network` entry `10.0.0.0/33` is not an address or CIDR network (e.g. `10.0.0.0/8`)",
            ),
            (
                "[[rule]]\nid = \"r\"\ncategories = [\"gdpr:specal\"]\naction = \"block\"\n[[dictionary]]\nid = \"d\"\nlabel = \"NRP\"\ncategory = \"gdpr:special:health\"\nterms = [\"x\"]\n",
                "t.toml:6:15: no recognizer has category `gdpr:specal` or a sub-category of it, so this never matches (did you mean `gdpr:special`?)",
            ),
            (
                "[[rule]]\nid = \"r\"\ncategories = [\"GDPR health\"]\naction = \"block\"\n",
                "t.toml:6:15: category `GDPR health` must be lowercase words of letters, digits, `-` or `_` separated by `:` (e.g. `gdpr:special:health`)",
            ),
            (
                "[[recognizer]]\nid = \"x\"\nlabel = \"SECRET\"\npattern = 'a(b'\n",
                "t.toml:7:11: invalid regex: error: unclosed group",
            ),
            (
                "[[recognizer]]\nid = \"x\"\nlabel = \"SECRET\"\npattern = 'ab'\nvalidator = \"lunh\"\n",
                "t.toml:8:13: unknown validator `lunh`, expected one of `luhn`, `credit_card`, `iban`, `nhs`, `us_ssn`, `aba_routing`, `base58check`, `bech32_address`, `mbi` (did you mean `luhn`?)",
            ),
            (
                "[[recognizer]]\nid = \"x\"\nlabel = \"SECRET\"\npattern = 'ab'\nscore = 2\n",
                "t.toml:8:9: `score` must be between 0 and 1, found 2",
            ),
            (
                "[[dictionary]]\nid = \"d\"\nlabel = \"NRP\"\n",
                "t.toml:5:6: a dictionary needs at least one term (`terms` or `file`)",
            ),
            (
                "[[test]]\nname = \"n\"\ninput = \"x\"\nexpect = \"allow\"\nrules = [\"nope\"]\n",
                "t.toml:8:10: unknown rule id `nope`",
            ),
            (
                "[[test]]\nname = \"n\"\ninput = \"x\"\n",
                "t.toml:4:1: missing key `expect` in `test[1]`",
            ),
            (
                "[on_error]\nner_unavailable = \"route\"\n",
                "t.toml:5:19: `on_error.ner_unavailable = \"route\"` needs `on_error.route = \"BACKEND\"`",
            ),
            (
                "[on_error]\nner_unavailable = \"redact\"\n",
                "t.toml:5:19: unknown on_error action `redact`, expected one of `allow`, `route`, `block`",
            ),
            ("[[rule]\n", "t.toml:4:8: invalid TOML: unclosed array table, expected `]`"),
            // A wrong type where a closed set of names is expected lists the names.
            (
                "[[rule]]\nid = \"r\"\nlabels = [\"US_SSN\"]\naction = [\"block\"]\n",
                "t.toml:7:10: `rule[1].action` must be one of `allow`, `redact`, `route`, `block`, found an array (`[...]`)",
            ),
            (
                "[[rule]]\nid = \"r\"\nlabels = [\"US_SSN\"]\naction = \"redact\"\noperator = 1\n",
                "t.toml:8:12: `rule[1].operator` must be one of `mask`, `replace`, `hash`, `pseudonymize`, found an integer",
            ),
            (
                "[[rule]]\nid = \"r\"\nlabels = [1]\naction = \"block\"\n",
                "t.toml:6:11: `rule[1].labels[1]` must be a label of the taxonomy (shared/eval/TAXONOMY.md), found an integer",
            ),
            (
                "[backends.local]\nbase_url = \"http://127.0.0.1:8081/v1\"\napi = true\n",
                "t.toml:6:7: `backends.local.api` must be one of `openai`, `anthropic`, found a boolean",
            ),
            (
                "[[recognizer]]\nid = \"x\"\nlabel = \"SECRET\"\npattern = 'ab'\nvalidator = [\"luhn\"]\n",
                "t.toml:8:13: `recognizer[1].validator` must be one of `luhn`, `credit_card`, `iban`, `nhs`, `us_ssn`, `aba_routing`, `base58check`, `bech32_address`, `mbi`, found an array (`[...]`)",
            ),
            (
                "[on_error]\nner_unavailable = 0\n",
                "t.toml:5:19: `on_error.ner_unavailable` must be one of `allow`, `route`, `block`, found an integer",
            ),
            (
                "[[test]]\nname = \"n\"\ninput = \"x\"\nexpect = { action = \"block\" }\n",
                "t.toml:7:10: `test[1].expect` must be one of `allow`, `redact`, `route`, `block`, found a table",
            ),
        ];
        for (body, want) in table {
            assert_eq!(one_error(body), want, "for body:\n{body}");
        }
    }

    #[test]
    fn all_errors_at_once() {
        let e =
            errors("bogus = 1\n[[rule]]\nid = \"r\"\nlabels = \"US_SSN\"\naction = 3\nwhen = {}\n");
        assert_eq!(e.len(), 4, "{e:#?}");
        let e = errors(
            "[[rule]]\nid = \"a\"\nlabels = [\"EMAL\"]\naction = \"blok\"\n[[rule]]\nid = \"b\"\nlabels = [\"URL\"]\naction = \"route\"\nroute = \"nowhere\"\n",
        );
        assert_eq!(e.len(), 3, "{e:#?}");
        // sorted top to bottom
        assert!(
            e[0].starts_with("t.toml:6:") && e[2].starts_with("t.toml:12:"),
            "{e:#?}"
        );
    }

    #[test]
    fn shape_errors_do_not_hide_other_parts() {
        // An unknown key in one rule, a misspelt label in another: one run, both.
        let e = errors(
            "[[rule]]\nid = \"a\"\nlabels = [\"US_SSN\"]\nactoin = \"block\"\naction = \"block\"\n[[rule]]\nid = \"b\"\nlabels = [\"EMAL_ADDRESS\"]\naction = \"block\"\n",
        );
        assert_eq!(e.len(), 2, "{e:#?}");
        assert!(
            e[0].starts_with("t.toml:7:1: unknown key `actoin` in `rule[1]`"),
            "{e:#?}"
        );
        assert!(
            e[1].starts_with("t.toml:11:11: unknown label `EMAL_ADDRESS`")
                && e[1].ends_with("(did you mean `EMAIL_ADDRESS`?)"),
            "{e:#?}"
        );
        // Every kind of part at once: a wrong type in [on_error], a broken backend,
        // misspelt action, api, backend reference and expected decision elsewhere.
        let e = errors(
            "[on_error]\nner_unavailable = 1\n\
             [backends.local]\nbase_url = \"http://127.0.0.1:8081/v1\"\napi = \"opnai\"\n\
             [[rule]]\nid = \"a\"\nlabels = [\"URL\"]\naction = \"blok\"\n\
             [[rule]]\nid = \"b\"\nlabels = [\"US_SSN\"]\naction = \"route\"\nroute = \"lcoal\"\n\
             [[test]]\nname = \"n\"\ninput = \"x\"\nexpect = \"alow\"\nrules = [\"a\", \"b\"]\n",
        );
        let want = [
            "t.toml:5:19: `on_error.ner_unavailable` must be one of",
            "t.toml:8:7: unknown api `opnai`",
            "t.toml:12:10: unknown action `blok`",
            "t.toml:17:9: unknown backend `lcoal`",
            "t.toml:21:10: unknown expected action `alow`",
        ];
        assert_eq!(e.len(), want.len(), "{e:#?}");
        for (got, want) in e.iter().zip(want) {
            assert!(got.starts_with(want), "{got}\nwanted: {want}…");
        }
        assert!(e[3].ends_with("(did you mean `local`?)"), "{}", e[3]);
        // A part left out keeps references to its kind unchecked (the definition
        // may be the broken part), and only those.
        let e = errors(
            "[backends.local]\nbase_url = \"http://127.0.0.1:8081/v1\"\napi = \"openai\"\nmodel = \"x\"\n\
             [[rule]]\nid = \"a\"\nlabels = [\"URL\"]\naction = \"route\"\nroute = \"local\"\n\
             [[test]]\nname = \"n\"\ninput = \"x\"\nexpect = \"route\"\nrules = [\"b\"]\n",
        );
        assert_eq!(e.len(), 2, "{e:#?}");
        assert!(
            e[0].starts_with("t.toml:7:1: unknown key `model`"),
            "{e:#?}"
        );
        assert!(
            e[1].starts_with("t.toml:17:10: unknown rule id `b`"),
            "{e:#?}"
        );
    }

    #[test]
    fn errors_do_not_echo_test_inputs() {
        let e = errors("[[test]]\nname = \"n\"\ninput = \"jane@x.io\"\nexpect = \"redact\"\nclient_ip = \"jane@x.io\"\n");
        assert_eq!(e.len(), 1);
        assert!(!e[0].contains("jane"), "{}", e[0]);
        let e = errors("[[test]]\nname = \"n\"\ninput = \"x\"\nexpect = \"allow\"\nrules = [[\"jane@x.io\"]]\n");
        assert!(e.iter().all(|l| !l.contains("jane")), "{e:#?}");
    }

    #[test]
    fn extends_cycles_and_missing_files() {
        let l = files(&[
            (
                "a.toml",
                "[policy]\nname = \"a\"\nversion = \"1\"\nextends = [\"b\"]\n",
            ),
            (
                "b.toml",
                "[policy]\nname = \"b\"\nversion = \"1\"\nextends = [\"c\"]\n",
            ),
            (
                "c.toml",
                "[policy]\nname = \"c\"\nversion = \"1\"\nextends = [\"a\"]\n",
            ),
        ]);
        let e = compile(&l, "a.toml").unwrap_err().to_string();
        assert_eq!(
            e,
            "c.toml:4:12: `extends` forms a cycle: a.toml → b.toml → c.toml → a.toml"
        );
        let l = files(&[(
            "a.toml",
            "[policy]\nname = \"a\"\nversion = \"1\"\nextends = [\"a\"]\n",
        )]);
        let e = compile(&l, "a.toml").unwrap_err().to_string();
        assert_eq!(e, "a.toml:4:12: `extends` forms a cycle: a.toml → a.toml");
        let l = files(&[(
            "a.toml",
            "[policy]\nname = \"a\"\nversion = \"1\"\nextends = [\"gone\"]\n",
        )]);
        // A missing `extends` target is reported at the entry, with the nearest
        // name that exists.
        let e = compile(&l, "a.toml").unwrap_err().to_string();
        assert_eq!(
            e,
            "a.toml:4:12: `extends` names `gone`, but gone.toml cannot be read: not found"
        );
        let l = files(&[
            (
                "a.toml",
                "[policy]\nname = \"a\"\nversion = \"1\"\nextends = [\"base\", \"bse\"]\n",
            ),
            ("base.toml", "[policy]\nname = \"base\"\nversion = \"1\"\n"),
        ]);
        let e = compile(&l, "a.toml").unwrap_err().to_string();
        assert_eq!(
            e,
            "a.toml:4:20: `extends` names `bse`, but bse.toml cannot be read: not found (did you mean `base`?)"
        );
        // The root itself unreadable: no entry to point at.
        let e = compile(&l, "nope.toml").unwrap_err().to_string();
        assert_eq!(e, "nope.toml: cannot read policy file: not found");
    }

    #[test]
    fn missing_extends_target_suggests_a_shipped_policy() {
        let e = compile_str(
            "t.toml",
            "[policy]\nname = \"t\"\nversion = \"1\"\nextends = [\"hipa\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("t.toml:4:12: `extends` names `hipa`, but ")
                && e.ends_with("(did you mean `hipaa`?)"),
            "{e}"
        );
    }

    #[test]
    fn a_broken_parent_does_not_cascade_reference_errors() {
        let l = files(&[
            ("p.toml", "[policy]\nname = \"p\"\nversion = \"1\"\noops = 1\n[backends.local]\nbase_url = \"http://127.0.0.1:8081/v1\"\napi = \"openai\"\n"),
            ("c.toml", "[policy]\nname = \"c\"\nversion = \"1\"\nextends = [\"p\"]\n[[rule]]\nid = \"r\"\nlabels = [\"URL\"]\naction = \"route\"\nroute = \"local\"\n"),
        ]);
        let e = compile(&l, "c.toml").unwrap_err();
        assert_eq!(e.len(), 1, "{e}");
        assert!(
            e.to_string().starts_with("p.toml:4:1: unknown key `oops`"),
            "{e}"
        );
        // The backend itself left out for a shape error: the route to it is not
        // reported as unknown too.
        let l = files(&[
            ("p.toml", "[policy]\nname = \"p\"\nversion = \"1\"\n[backends.local]\nbase_url = \"http://127.0.0.1:8081/v1\"\napi = \"openai\"\nmodel = \"x\"\n"),
            ("c.toml", "[policy]\nname = \"c\"\nversion = \"1\"\nextends = [\"p\"]\n[[rule]]\nid = \"r\"\nlabels = [\"URL\"]\naction = \"route\"\nroute = \"local\"\n"),
        ]);
        let e = compile(&l, "c.toml").unwrap_err();
        assert_eq!(e.len(), 1, "{e}");
        assert!(
            e.to_string().starts_with("p.toml:7:1: unknown key `model`"),
            "{e}"
        );
    }

    const PARENT: &str = r#"
[policy]
name = "parent"
version = "1"
min_score = 0.6
[on_error]
detector_error = "allow"
body_too_large = "allow"
[backends.local]
base_url = "http://127.0.0.1:8081/v1"
api = "openai"
models = { "gpt-4o" = "llama3.1:70b", "*" = "llama3.1:8b" }
[[rule]]
id = "email"
labels = ["EMAIL_ADDRESS"]
action = "redact"
[[rule]]
id = "url"
labels = ["URL"]
action = "redact"
min_score = 0.3
[allow]
values = ["ops@example.org"]
"#;

    const STRICT_PARENT: &str = r#"
[policy]
name = "strict"
version = "1"
[on_error]
detector_error = "block"
body_too_large = "route"
route = "local"
"#;

    const CHILD: &str = r#"
[policy]
name = "child"
version = "2"
extends = ["parent", "strict"]
[on_error]
body_too_large = "allow"
[[rule]]
id = "email"
labels = ["EMAIL_ADDRESS"]
action = "block"
[[test]]
name = "override"
input = "x"
expect = "allow"
"#;

    #[test]
    fn composition() {
        let l = files(&[
            ("parent.toml", PARENT),
            ("strict.toml", STRICT_PARENT),
            ("child.toml", CHILD),
        ]);
        let p = compile(&l, "child.toml").unwrap();
        assert_eq!((p.name(), p.version()), ("child", "2"));
        assert_eq!(p.sources(), ["parent.toml", "strict.toml", "child.toml"]);
        // same id replaces in place
        let ids: Vec<&str> = p.rules().iter().map(|r| r.id()).collect();
        assert_eq!(ids, ["email", "url"]);
        assert_eq!(p.rule("email").unwrap().action(), Action::Block);
        // min_score inherited; thresholds take the lowest rule minimum
        assert_eq!(p.rule("email").unwrap().min_score(), 0.6);
        assert_eq!(p.thresholds().get(Label::Url), 0.3);
        assert_eq!(p.thresholds().get(Label::EmailAddress), 0.6);
        // on_error: parents combine by strictest, the root overrides
        assert_eq!(
            p.on_error(FailureKind::DetectorError),
            (Action::Block, None)
        );
        assert_eq!(p.on_error(FailureKind::BodyTooLarge), (Action::Allow, None));
        assert_eq!(
            p.on_error(FailureKind::NerUnavailable),
            (Action::Block, None)
        );
        // backends and their model map
        let b = &p.backends()["local"];
        assert_eq!(
            (b.api, b.model_for("gpt-4o")),
            (Api::Openai, "llama3.1:70b")
        );
        assert_eq!(b.model_for("o3"), "llama3.1:8b");
        // allow-list
        let f = crate::detect::Finding {
            start: 0,
            end: 15,
            label: Label::EmailAddress,
            score: 1.0,
            detector: Arc::from("x"),
        };
        assert!(p.is_allowed("ops@example.org", &f));
        assert!(!p.is_allowed("ops@example.com", &f));
        // only the root's tests
        assert_eq!(p.tests().len(), 1);
        // the hash covers every file
        let l2 = files(&[
            ("parent.toml", &PARENT.replace("0.6", "0.7")),
            ("strict.toml", STRICT_PARENT),
            ("child.toml", CHILD),
        ]);
        let p2 = compile(&l2, "child.toml").unwrap();
        assert_ne!(p.content_hash(), p2.content_hash());
        assert_eq!(
            p.content_hash(),
            compile(&l, "child.toml").unwrap().content_hash()
        );
        assert_eq!(p.content_hash().len(), 64);
    }

    #[test]
    fn recognizers_work_end_to_end() {
        let p = compile_str(
            "t.toml",
            r#"
[policy]
name = "t"
version = "1"
[[recognizer]]
id = "project"
label = "ORGANIZATION"
category = "corp:project"
pattern = '\bPRJ-(?P<value>\d{4})\b'
context = ["project"]
[[recognizer]]
id = "card"
label = "CREDIT_CARD"
pattern = '\b\d{16}\b'
validator = "luhn"
[[dictionary]]
id = "codenames"
label = "ORGANIZATION"
category = "corp:codename"
terms = ["Bluebird", "Nightjar"]
[[rule]]
id = "corp"
categories = ["corp"]
action = "block"
"#,
        )
        .unwrap();
        let engine = p.engine().unwrap();
        let flow = FlowFacts::new("api.openai.com", "/v1/chat/completions");
        let cases = [
            ("Project PRJ-1234 is late", Action::Block, vec!["1234"]),
            ("PRJ-1234 is late", Action::Allow, vec![]),
            ("Ask about nightjar.", Action::Block, vec!["nightjar"]),
            ("Nightjars sing", Action::Allow, vec![]),
            // Luhn-valid but in no issuer range: only the policy recognizer sees it
            (
                "pay 0000000000000000",
                Action::Redact,
                vec!["0000000000000000"],
            ),
            ("pay 0000000000000001", Action::Allow, vec![]),
        ];
        for (text, action, values) in cases {
            let findings: Vec<_> = engine
                .scan(text)
                .into_iter()
                .filter(|f| f.detector.starts_with("policy:"))
                .collect();
            let got: Vec<&str> = findings.iter().map(|f| &text[f.start..f.end]).collect();
            assert_eq!(got, values, "{text}");
            assert_eq!(evaluate(&p, &findings, &flow).action, action, "{text}");
        }
    }

    #[test]
    fn default_policy_compiles() {
        let p = crate::policy::default_policy().unwrap();
        assert_eq!(p.name(), "default");
        assert_eq!(p.backends()["local"].base_url, "http://127.0.0.1:8081/v1");
        assert!(p.rules().len() > 20);
    }
}
