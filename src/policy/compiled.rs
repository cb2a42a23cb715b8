//! The compiled policy: every name resolved, every regex and automaton built,
//! every reference checked. Values of these types can only come out of
//! `compile`, so they cannot be invalid; evaluation never fails.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use regex::RegexSet;

use super::error::Location;
use super::evaluate::{Action, FailureKind, FlowFacts};
use super::glob::{Cidr, Glob};
use super::recognizer::{Recognizer, RecognizerDetector};
use crate::detect::ner::NerModel;
use crate::detect::pipeline::Pipeline;
use crate::detect::{BuildError, Detector, Engine, Finding, Label, Thresholds};
use crate::redact::Operator;

/// A policy ready to evaluate. Cheap to share behind an `Arc`.
#[derive(Debug)]
pub struct CompiledPolicy {
    pub(crate) name: String,
    pub(crate) version: String,
    pub(crate) description: Option<String>,
    pub(crate) content_hash: String,
    pub(crate) sources: Vec<String>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) default_rule: Rule,
    pub(crate) recognizers: Vec<Arc<Recognizer>>,
    pub(crate) allow: AllowList,
    pub(crate) on_error: [(Action, Option<String>); FailureKind::ALL.len()],
    pub(crate) backends: BTreeMap<String, Backend>,
    pub(crate) tests: Vec<TestCase>,
    pub(crate) thresholds: Thresholds,
}

impl CompiledPolicy {
    /// The root file's policy name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The root file's version.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The root file's description.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// SHA-256 (hex) over every source file, in load order: what the audit log
    /// records to say exactly which policy decided.
    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }

    /// The files the policy was built from, in load order (inherited first).
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// The rules, inherited first, in declaration order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// A rule by id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.id == id)
    }

    /// The rule for findings that no rule covers.
    pub fn default_rule(&self) -> &Rule {
        &self.default_rule
    }

    /// The policy's own recognizers.
    pub fn recognizers(&self) -> &[Arc<Recognizer>] {
        &self.recognizers
    }

    /// The policy's recognizers as engine detectors.
    pub fn detectors(&self) -> Vec<Box<dyn Detector>> {
        self.recognizers
            .iter()
            .map(|r| Box::new(RecognizerDetector(r.clone())) as Box<dyn Detector>)
            .collect()
    }

    /// Per-label minimum scores for the engine: for each label, the lowest
    /// `min_score` of any rule that could act on it (the default rule's for
    /// labels no rule names), so that the engine reports everything a rule might
    /// want and the rules themselves apply their own minimum.
    pub fn thresholds(&self) -> Thresholds {
        self.thresholds.clone()
    }

    /// The built-in detectors plus this policy's, with its thresholds.
    pub fn engine(&self) -> Result<Engine, BuildError> {
        let mut engine = Engine::builtin()?;
        for d in self.detectors() {
            engine.push(d);
        }
        engine.set_thresholds(self.thresholds());
        Ok(engine)
    }

    /// The full detection pipeline for this policy, as the proxy runs it: its
    /// [`engine`](Self::engine) plus, when given, the NER model, caching model
    /// results for up to `cache_entries` texts.
    pub fn pipeline(
        &self,
        ner: Option<NerModel>,
        cache_entries: usize,
    ) -> Result<Pipeline, BuildError> {
        Ok(Pipeline::new(self.engine()?, ner, cache_entries))
    }

    /// Whether the finding's value is on the allow-list (never flagged).
    pub fn is_allowed(&self, text: &str, finding: &Finding) -> bool {
        text.get(finding.start..finding.end)
            .is_some_and(|v| self.allow.contains(v))
    }

    /// The action (and backend, for `route`) for an inspection failure.
    pub fn on_error(&self, kind: FailureKind) -> (Action, Option<&str>) {
        let (a, r) = &self.on_error[kind.index()];
        (*a, r.as_deref())
    }

    /// Named local backends.
    pub fn backends(&self) -> &BTreeMap<String, Backend> {
        &self.backends
    }

    /// The root file's embedded test cases.
    pub fn tests(&self) -> &[TestCase] {
        &self.tests
    }
}

/// One rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub(crate) id: Arc<str>,
    pub(crate) labels: Vec<Label>,
    pub(crate) categories: Vec<Arc<str>>,
    pub(crate) action: Action,
    pub(crate) operator: Operator,
    pub(crate) route: Option<String>,
    pub(crate) min_score: f32,
    pub(crate) when: Conditions,
    pub(crate) location: Location,
}

impl Rule {
    /// The rule id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Labels it covers.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// Categories it covers.
    pub fn categories(&self) -> &[Arc<str>] {
        &self.categories
    }

    /// Its action.
    pub fn action(&self) -> Action {
        self.action
    }

    /// Its operator (meaningful with `redact`).
    pub fn operator(&self) -> Operator {
        self.operator
    }

    /// Its backend (with `route`).
    pub fn route(&self) -> Option<&str> {
        self.route.as_deref()
    }

    /// Minimum score of findings it acts on.
    pub fn min_score(&self) -> f32 {
        self.min_score
    }

    /// Its conditions.
    pub fn conditions(&self) -> &Conditions {
        &self.when
    }

    /// Where it is defined.
    pub fn location(&self) -> &Location {
        &self.location
    }
}

/// Conditions on the flow; every non-empty list must have a match.
#[derive(Debug, Clone, Default)]
pub struct Conditions {
    pub(crate) destination: Vec<Glob>,
    pub(crate) path: Vec<Glob>,
    pub(crate) provider: Vec<String>,
    pub(crate) model: Vec<Glob>,
    pub(crate) client: Vec<String>,
    pub(crate) network: Vec<Cidr>,
}

impl Conditions {
    /// `None` if the conditions do not hold for `flow`; otherwise how specific
    /// the match is: (constrained dimensions, literal length of the best
    /// destination glob, literal length of the other matches). Compared
    /// lexicographically, larger is more specific.
    pub fn specificity(&self, flow: &FlowFacts) -> Option<(usize, usize, usize)> {
        let mut dims = 0;
        let mut rest = 0;
        let dest = best_glob(&self.destination, Some(&flow.destination_host))?;
        if !self.destination.is_empty() {
            dims += 1;
        }
        for (globs, value) in [
            (&self.path, Some(flow.path.as_str())),
            (&self.model, flow.model.as_deref()),
        ] {
            if !globs.is_empty() {
                dims += 1;
                rest += best_glob(globs, value)?;
            }
        }
        for (names, value) in [
            (&self.provider, flow.provider.as_deref()),
            (&self.client, flow.client_id.as_deref()),
        ] {
            if !names.is_empty() {
                dims += 1;
                let v = value?;
                let n = names.iter().find(|n| n.eq_ignore_ascii_case(v))?;
                rest += n.len();
            }
        }
        if !self.network.is_empty() {
            dims += 1;
            let ip = flow.client_ip?;
            rest += self
                .network
                .iter()
                .filter(|c| c.contains(ip))
                .map(|c| usize::from(c.prefix()))
                .max()?;
        }
        Some((dims, dest, rest))
    }
}

/// Literal length of the most specific matching glob; `Some(0)` for no globs.
fn best_glob(globs: &[Glob], value: Option<&str>) -> Option<usize> {
    if globs.is_empty() {
        return Some(0);
    }
    let v = value?;
    globs
        .iter()
        .filter(|g| g.matches(v))
        .map(Glob::specificity)
        .max()
}

/// Exact values and whole-value patterns that are never flagged.
#[derive(Debug, Clone, Default)]
pub struct AllowList {
    pub(crate) values: HashSet<String>,
    pub(crate) patterns: Option<RegexSet>,
}

impl AllowList {
    /// Whether `value` is allowed.
    pub fn contains(&self, value: &str) -> bool {
        self.values.contains(value) || self.patterns.as_ref().is_some_and(|p| p.is_match(value))
    }
}

/// The API a local backend speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Api {
    /// OpenAI-compatible.
    Openai,
    /// Anthropic messages.
    Anthropic,
}

/// A named local backend for `route`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backend {
    /// Its name in the policy.
    pub name: String,
    /// Base URL (`http://127.0.0.1:8081/v1`).
    pub base_url: String,
    /// API format.
    pub api: Api,
    /// Requested model → backend model; `*` is the fallback.
    pub models: BTreeMap<String, String>,
}

impl Backend {
    /// The backend model for a requested model: an exact entry, else `*`, else
    /// the requested name unchanged.
    pub fn model_for<'a>(&'a self, requested: &'a str) -> &'a str {
        self.models
            .get(requested)
            .or_else(|| self.models.get("*"))
            .map_or(requested, String::as_str)
    }
}

/// An embedded test case.
#[derive(Debug, Clone)]
pub struct TestCase {
    /// Its name.
    pub name: String,
    /// Where it is defined.
    pub location: Location,
    /// Input text.
    pub input: String,
    /// The request context.
    pub flow: FlowFacts,
    /// Expected request action.
    pub expect: Action,
    /// Expected rewritten text.
    pub output: Option<String>,
    /// Expected backend.
    pub route: Option<String>,
    /// Expected set of fired rule ids (sorted, deduplicated).
    pub rules: Option<Vec<String>>,
}
