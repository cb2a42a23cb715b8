//! Evaluation: findings + flow facts → one [`Decision`]. A pure function of its
//! inputs; no I/O, no clock, no randomness.
//!
//! # Precedence (total and documented)
//!
//! For **each finding**:
//! 1. *Candidates* are the rules that name the finding's label, or a category that
//!    covers the finding's category (see [`super::recognizer`]), and whose
//!    conditions (destination, path, provider, model, client, network) all hold
//!    for the flow.
//! 2. If there is no candidate, the policy's default rule (`default`) applies —
//!    when the finding scores at least the policy's `min_score`.
//! 3. Candidates whose `min_score` the finding does not reach are dropped; if that
//!    drops them all, the finding is *ignored* (the policy said it is not
//!    confident enough to act).
//! 4. The **most specific** remaining candidate decides: more constrained
//!    dimensions first, then the longer literal part of the matching destination
//!    glob (`api.openai.com` over `*.openai.com` over none), then the longer
//!    literal parts of the other matching conditions. So a rule for one destination
//!    overrides a general one, in either direction (it may relax or tighten).
//!    Last, a rule that matched by category beats one that matched by label only:
//!    a category (`hipaa:zip`) is a finer classification than its label
//!    (`LOCATION`).
//! 5. Among equally specific candidates, the **strictest action** wins
//!    (`block` > `route` > `redact` > `allow`); then the earlier rule (inherited
//!    files first, in `extends` order, then file order).
//!
//! For **the request**: the strictest action over all findings wins; no finding
//! (or only ignored ones) means `allow`. Hence adding a finding can never weaken
//! a decision (a property test checks this).
//!
//! With `redact` or `route`, `redactions` lists every finding whose deciding rule
//! redacts, with its operator; the proxy applies them in both cases (a local
//! backend should not see what the policy said to redact either). With `route`,
//! `route` names the backend of the first finding (in text order) whose rule
//! routes. With `block` nothing is sent, and `redactions` is informational.

use std::fmt;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::compiled::{CompiledPolicy, Rule};
use super::recognizer::{category_covers, category_of};
use crate::detect::{Finding, Label};
use crate::redact::Operator;

/// What happens to a finding or a request, ordered by strictness:
/// `Allow < Redact < Route < Block`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Forward unchanged.
    #[default]
    Allow,
    /// Rewrite the values, then forward.
    Redact,
    /// Send to a local backend instead of the destination.
    Route,
    /// Refuse the request.
    Block,
}

impl Action {
    /// Every action, least strict first.
    pub const ALL: [Action; 4] = [Action::Allow, Action::Redact, Action::Route, Action::Block];

    /// The name used in policy files.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Allow => "allow",
            Action::Redact => "redact",
            Action::Route => "route",
            Action::Block => "block",
        }
    }

    /// Parse a policy-file name.
    pub fn from_name(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the proxy knows about a request besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlowFacts {
    /// Destination host name (no port), e.g. `api.openai.com`.
    pub destination_host: String,
    /// Request path, e.g. `/v1/chat/completions`.
    pub path: String,
    /// Provider, when the adapter recognised one (`openai`, `anthropic`, …).
    pub provider: Option<String>,
    /// Requested model.
    pub model: Option<String>,
    /// Authenticated client identity.
    pub client_id: Option<String>,
    /// Client address.
    pub client_ip: Option<IpAddr>,
}

impl FlowFacts {
    /// Facts for a destination host and path, nothing else known.
    pub fn new(destination_host: &str, path: &str) -> FlowFacts {
        FlowFacts {
            destination_host: destination_host.to_string(),
            path: path.to_string(),
            ..FlowFacts::default()
        }
    }
}

/// An inspection failure, which the policy turns into a decision (`on_error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    /// A detector failed.
    DetectorError,
    /// A detector did not finish in time.
    DetectorTimeout,
    /// The NER model is not available.
    NerUnavailable,
    /// The body is over the size limit.
    BodyTooLarge,
    /// The body could not be decoded.
    UndecodableBody,
    /// Content that text detection cannot inspect (images, audio, files).
    UnsupportedContent,
}

impl FailureKind {
    /// Every kind, in `on_error` key order.
    pub const ALL: [FailureKind; 6] = [
        FailureKind::DetectorError,
        FailureKind::DetectorTimeout,
        FailureKind::NerUnavailable,
        FailureKind::BodyTooLarge,
        FailureKind::UndecodableBody,
        FailureKind::UnsupportedContent,
    ];

    /// The `on_error` key.
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::DetectorError => "detector_error",
            FailureKind::DetectorTimeout => "detector_timeout",
            FailureKind::NerUnavailable => "ner_unavailable",
            FailureKind::BodyTooLarge => "body_too_large",
            FailureKind::UndecodableBody => "undecodable_body",
            FailureKind::UnsupportedContent => "unsupported_content",
        }
    }

    /// Index into per-kind tables.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for FailureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule that fired, aggregated per (rule, label).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleHit {
    /// Rule id (`default` for the policy's default rule).
    pub rule_id: String,
    /// Label of the findings.
    pub label: Label,
    /// Number of findings it decided.
    pub count: usize,
    /// The rule's action.
    pub action: Action,
}

/// How one finding was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingVerdict {
    /// The deciding rule's id; `None` when the finding scored under every
    /// candidate's minimum and was ignored.
    pub rule_id: Option<String>,
    /// The finding's action (`allow` when ignored).
    pub action: Action,
    /// The operator, when the action is `redact`.
    pub operator: Option<Operator>,
}

/// The decision for one request. Names labels and rule ids, never values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// What happens to the request.
    pub action: Action,
    /// Every rule that fired, in order of first firing.
    pub fired: Vec<RuleHit>,
    /// Backend name, when `action` is `route`.
    pub route: Option<String>,
    /// Human-readable summary (labels, rule ids, counts).
    pub reason: String,
    /// `(index into findings, operator)` for each finding to rewrite.
    pub redactions: Vec<(usize, Operator)>,
    /// One verdict per finding, same order as the findings.
    pub verdicts: Vec<FindingVerdict>,
    /// Set when the decision comes from `on_error`.
    pub failure: Option<FailureKind>,
}

/// Id of the implicit rule for findings no rule covers.
pub const DEFAULT_RULE_ID: &str = "default";

/// Decide a request. `findings` should already exclude allow-listed values
/// ([`CompiledPolicy::is_allowed`]).
pub fn evaluate(policy: &CompiledPolicy, findings: &[Finding], flow: &FlowFacts) -> Decision {
    let mut fired: Vec<RuleHit> = Vec::new();
    let mut verdicts = Vec::with_capacity(findings.len());
    let mut redactions = Vec::new();
    let mut action = Action::Allow;
    let mut route: Option<String> = None;
    for (i, f) in findings.iter().enumerate() {
        let Some(rule) = decide(policy, f, flow) else {
            verdicts.push(FindingVerdict {
                rule_id: None,
                action: Action::Allow,
                operator: None,
            });
            continue;
        };
        let a = rule.action();
        action = action.max(a);
        if a == Action::Redact {
            redactions.push((i, rule.operator()));
        }
        if a == Action::Route && route.is_none() {
            route = rule.route().map(str::to_string);
        }
        match fired
            .iter_mut()
            .find(|h| h.rule_id == rule.id() && h.label == f.label)
        {
            Some(h) => h.count += 1,
            None => fired.push(RuleHit {
                rule_id: rule.id().to_string(),
                label: f.label,
                count: 1,
                action: a,
            }),
        }
        verdicts.push(FindingVerdict {
            rule_id: Some(rule.id().to_string()),
            action: a,
            operator: (a == Action::Redact).then(|| rule.operator()),
        });
    }
    if action != Action::Route {
        route = None;
    }
    Decision {
        action,
        reason: reason(action, &fired, findings.len()),
        fired,
        route,
        redactions,
        verdicts,
        failure: None,
    }
}

/// The decision for an inspection failure (`on_error`; `block` unless the
/// policy says otherwise).
pub fn on_failure(policy: &CompiledPolicy, kind: FailureKind, _flow: &FlowFacts) -> Decision {
    let (action, route) = policy.on_error(kind);
    Decision {
        action,
        fired: Vec::new(),
        route: route.map(str::to_string),
        reason: format!("{action}: on_error.{kind}"),
        redactions: Vec::new(),
        verdicts: Vec::new(),
        failure: Some(kind),
    }
}

/// How specific a matching rule is (compared lexicographically, larger wins):
/// constrained dimensions, literal length of the destination glob, literal
/// length of the other conditions, matched by category.
type Specificity = (usize, usize, usize, bool);

/// The rule that decides `f`, or `None` if it is ignored.
pub(crate) fn decide<'p>(
    policy: &'p CompiledPolicy,
    f: &Finding,
    flow: &FlowFacts,
) -> Option<&'p Rule> {
    let category = category_of(&f.detector);
    let mut any_candidate = false;
    let mut best: Option<(&Rule, Specificity)> = None;
    for rule in policy.rules() {
        let by_category =
            category.is_some_and(|c| rule.categories().iter().any(|rc| category_covers(rc, c)));
        if !by_category && !rule.labels().contains(&f.label) {
            continue;
        }
        let Some((dims, dest, rest)) = rule.conditions().specificity(flow) else {
            continue;
        };
        let spec = (dims, dest, rest, by_category);
        any_candidate = true;
        if f.score < rule.min_score() {
            continue;
        }
        let better = match best {
            None => true,
            // Rules are in declaration order, so on a full tie the earlier stays.
            Some((b, bspec)) => spec > bspec || (spec == bspec && rule.action() > b.action()),
        };
        if better {
            best = Some((rule, spec));
        }
    }
    match best {
        Some((rule, _)) => Some(rule),
        None if !any_candidate && f.score >= policy.default_rule().min_score() => {
            Some(policy.default_rule())
        }
        None => None,
    }
}

fn reason(action: Action, fired: &[RuleHit], n: usize) -> String {
    if fired.is_empty() {
        return if n == 0 {
            "allow: no findings".to_string()
        } else {
            format!("allow: {n} finding(s) under every rule's minimum score")
        };
    }
    let mut parts: Vec<String> = Vec::new();
    for a in Action::ALL.into_iter().rev() {
        let hits: Vec<String> = fired
            .iter()
            .filter(|h| h.action == a)
            .map(|h| format!("{} ×{} by {}", h.label, h.count, h.rule_id))
            .collect();
        if !hits.is_empty() {
            parts.push(format!("{a} {}", hits.join(", ")));
        }
    }
    format!("{action}: {}", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::*;
    use crate::policy::compile_str;

    const POLICY: &str = r#"
[policy]
name = "t"
version = "1"
default_action = "redact"

[backends.local]
base_url = "http://127.0.0.1:8081/v1"
api = "openai"

[[rule]]
id = "email"
labels = ["EMAIL_ADDRESS"]
action = "redact"
operator = "pseudonymize"

[[rule]]
id = "email-corp"
labels = ["EMAIL_ADDRESS"]
action = "allow"
destination = ["*.corp.example"]

[[rule]]
id = "email-llm"
labels = ["EMAIL_ADDRESS"]
action = "block"
destination = ["llm.corp.example"]

[[rule]]
id = "secret"
labels = ["SECRET"]
action = "block"

[[rule]]
id = "special"
categories = ["gdpr:special"]
action = "route"
route = "local"

[[rule]]
id = "nrp"
labels = ["NRP"]
action = "redact"

[[rule]]
id = "ssn"
labels = ["US_SSN"]
action = "redact"
operator = "mask"
min_score = 0.9

[[rule]]
id = "phone-support"
labels = ["PHONE_NUMBER"]
action = "allow"
client = ["support"]

[[rule]]
id = "phone-lan"
labels = ["PHONE_NUMBER"]
action = "block"
network = ["10.0.0.0/8"]

[[rule]]
id = "ip-embeddings"
labels = ["IP_ADDRESS"]
action = "allow"
path = ["/v1/embeddings"]

[[rule]]
id = "url-local-model"
labels = ["URL"]
action = "allow"
provider = ["openai"]
model = ["llama*"]

[[rule]]
id = "mac-a"
labels = ["MAC_ADDRESS"]
action = "redact"

[[rule]]
id = "mac-b"
labels = ["MAC_ADDRESS"]
action = "route"
route = "local"

[[dictionary]]
id = "health"
label = "NRP"
category = "gdpr:special:health"
terms = ["diabetes"]
"#;

    fn policy() -> CompiledPolicy {
        compile_str("t.toml", POLICY).unwrap()
    }

    fn f(label: Label, score: f32, detector: &str) -> Finding {
        Finding {
            start: 0,
            end: 1,
            label,
            score,
            detector: Arc::from(detector),
        }
    }

    fn flow(host: &str) -> FlowFacts {
        FlowFacts::new(host, "/v1/chat/completions")
    }

    const HEALTH: &str = "policy:gdpr:special:health:health";

    /// (findings, flow, expected action, expected deciding rule per finding)
    type Row = (Vec<Finding>, FlowFacts, Action, Vec<Option<&'static str>>);

    #[test]
    fn table() {
        let p = policy();
        let support = FlowFacts {
            client_id: Some("support".into()),
            ..flow("api.openai.com")
        };
        let lan = FlowFacts {
            client_ip: Some("10.1.2.3".parse().unwrap()),
            ..flow("api.openai.com")
        };
        let both = FlowFacts {
            client_ip: Some("10.1.2.3".parse().unwrap()),
            ..support.clone()
        };
        let embeddings = FlowFacts::new("api.openai.com", "/v1/embeddings");
        let llama = FlowFacts {
            provider: Some("openai".into()),
            model: Some("llama3.1:8b".into()),
            ..flow("api.openai.com")
        };
        let table: Vec<Row> = vec![
            (vec![], flow("api.openai.com"), Action::Allow, vec![]),
            // the general rule
            (
                vec![f(Label::EmailAddress, 0.9, "b")],
                flow("api.openai.com"),
                Action::Redact,
                vec![Some("email")],
            ),
            // a destination glob overrides the general rule (relaxes)...
            (
                vec![f(Label::EmailAddress, 0.9, "b")],
                flow("chat.corp.example"),
                Action::Allow,
                vec![Some("email-corp")],
            ),
            // ...and an exact host overrides the glob (tightens)
            (
                vec![f(Label::EmailAddress, 0.9, "b")],
                flow("LLM.corp.example"),
                Action::Block,
                vec![Some("email-llm")],
            ),
            // no rule: the default rule, if the score reaches the default minimum
            (
                vec![f(Label::IbanCode, 0.9, "b"), f(Label::IbanCode, 0.4, "b")],
                flow("api.openai.com"),
                Action::Redact,
                vec![Some("default"), None],
            ),
            // under the rule's own minimum: ignored
            (
                vec![f(Label::UsSsn, 0.85, "b")],
                flow("api.openai.com"),
                Action::Allow,
                vec![None],
            ),
            (
                vec![f(Label::UsSsn, 0.95, "b")],
                flow("api.openai.com"),
                Action::Redact,
                vec![Some("ssn")],
            ),
            // strictest action over findings wins
            (
                vec![
                    f(Label::EmailAddress, 0.9, "b"),
                    f(Label::Secret, 0.9, "b"),
                    f(Label::Nrp, 0.9, HEALTH),
                ],
                flow("api.openai.com"),
                Action::Block,
                vec![Some("email"), Some("secret"), Some("special")],
            ),
            // a category rule beats a label rule of equal specificity
            (
                vec![f(Label::Nrp, 0.9, HEALTH), f(Label::Nrp, 0.9, "ner")],
                flow("api.openai.com"),
                Action::Route,
                vec![Some("special"), Some("nrp")],
            ),
            // client and network conditions; both constrained is more specific
            (
                vec![f(Label::PhoneNumber, 0.9, "b")],
                support.clone(),
                Action::Allow,
                vec![Some("phone-support")],
            ),
            (
                vec![f(Label::PhoneNumber, 0.9, "b")],
                lan,
                Action::Block,
                vec![Some("phone-lan")],
            ),
            (
                vec![f(Label::PhoneNumber, 0.9, "b")],
                both,
                Action::Block,
                vec![Some("phone-lan")],
            ),
            (
                vec![f(Label::PhoneNumber, 0.9, "b")],
                flow("api.openai.com"),
                Action::Redact,
                vec![Some("default")],
            ),
            // path, provider and model conditions
            (
                vec![f(Label::IpAddress, 0.9, "b")],
                embeddings,
                Action::Allow,
                vec![Some("ip-embeddings")],
            ),
            (
                vec![f(Label::Url, 0.9, "b")],
                llama,
                Action::Allow,
                vec![Some("url-local-model")],
            ),
            (
                vec![f(Label::Url, 0.9, "b")],
                flow("api.openai.com"),
                Action::Redact,
                vec![Some("default")],
            ),
            // equal specificity: the stricter action wins, whatever the order
            (
                vec![f(Label::MacAddress, 0.9, "b")],
                flow("api.openai.com"),
                Action::Route,
                vec![Some("mac-b")],
            ),
        ];
        for (i, (findings, flow, action, rules)) in table.into_iter().enumerate() {
            let d = evaluate(&p, &findings, &flow);
            assert_eq!(d.action, action, "row {i}: {}", d.reason);
            let got: Vec<Option<&str>> = d.verdicts.iter().map(|v| v.rule_id.as_deref()).collect();
            assert_eq!(got, rules, "row {i}");
        }
    }

    #[test]
    fn decision_details() {
        let p = policy();
        let findings = [
            f(Label::EmailAddress, 0.9, "b"),
            f(Label::Nrp, 0.9, HEALTH),
            f(Label::EmailAddress, 0.9, "b"),
            f(Label::UsSsn, 0.95, "b"),
        ];
        let d = evaluate(&p, &findings, &flow("api.openai.com"));
        assert_eq!(d.action, Action::Route);
        assert_eq!(d.route.as_deref(), Some("local"));
        assert_eq!(
            d.redactions,
            vec![
                (0, Operator::Pseudonymize),
                (2, Operator::Pseudonymize),
                (3, Operator::Mask)
            ]
        );
        let hits: Vec<(&str, Label, usize, Action)> = d
            .fired
            .iter()
            .map(|h| (h.rule_id.as_str(), h.label, h.count, h.action))
            .collect();
        assert_eq!(
            hits,
            vec![
                ("email", Label::EmailAddress, 2, Action::Redact),
                ("special", Label::Nrp, 1, Action::Route),
                ("ssn", Label::UsSsn, 1, Action::Redact),
            ]
        );
        assert_eq!(
            d.reason,
            "route: route NRP ×1 by special; redact EMAIL_ADDRESS ×2 by email, US_SSN ×1 by ssn"
        );
        // a block decision has no backend
        let d = evaluate(
            &p,
            &[f(Label::Nrp, 0.9, HEALTH), f(Label::Secret, 0.9, "b")],
            &flow("x"),
        );
        assert_eq!((d.action, d.route), (Action::Block, None));
    }

    #[test]
    fn failures_block_by_default() {
        let p = policy();
        for kind in FailureKind::ALL {
            let d = on_failure(&p, kind, &flow("api.openai.com"));
            assert_eq!(d.action, Action::Block, "{kind}");
            assert_eq!(d.failure, Some(kind));
            assert!(d.reason.contains(kind.as_str()));
        }
        let p = compile_str(
            "f.toml",
            "[policy]\nname = \"f\"\nversion = \"1\"\nextends = [\"base\"]\n[on_error]\nner_unavailable = \"route\"\nbody_too_large = \"allow\"\nroute = \"local\"\n",
        )
        .unwrap();
        let d = on_failure(&p, FailureKind::NerUnavailable, &flow("x"));
        assert_eq!(
            (d.action, d.route.as_deref()),
            (Action::Route, Some("local"))
        );
        let d = on_failure(&p, FailureKind::BodyTooLarge, &flow("x"));
        assert_eq!(d.action, Action::Allow);
        let d = on_failure(&p, FailureKind::UndecodableBody, &flow("x"));
        assert_eq!(d.action, Action::Block);
    }

    #[test]
    fn actions_are_ordered_by_strictness() {
        assert!(Action::Allow < Action::Redact);
        assert!(Action::Redact < Action::Route);
        assert!(Action::Route < Action::Block);
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.as_str()), Some(a));
        }
    }

    fn policies() -> &'static [CompiledPolicy] {
        static P: std::sync::OnceLock<Vec<CompiledPolicy>> = std::sync::OnceLock::new();
        P.get_or_init(|| vec![policy(), crate::policy::default_policy().unwrap()])
    }

    fn arb_finding() -> impl Strategy<Value = Finding> {
        let detectors = prop_oneof![
            Just("builtin"),
            Just(HEALTH),
            Just("policy:gdpr:special:religion:x"),
            Just("policy:hipaa:zip:hipaa.zip-near-word"),
            Just("policy:pci:sad:pci.pin"),
        ];
        (0..Label::COUNT, 0.0f32..=1.0, detectors)
            .prop_map(|(l, score, d)| f(Label::ALL[l], score, d))
    }

    fn arb_flow() -> impl Strategy<Value = FlowFacts> {
        let hosts = prop_oneof![
            Just("api.openai.com"),
            Just("chat.corp.example"),
            Just("llm.corp.example"),
            Just("llm.internal"),
            Just("localhost"),
        ];
        let paths = prop_oneof![Just("/v1/chat/completions"), Just("/v1/embeddings")];
        (
            hosts,
            paths,
            proptest::option::of(Just("support")),
            proptest::option::of(Just("10.9.8.7")),
            proptest::option::of(Just("llama3")),
        )
            .prop_map(|(h, p, c, ip, m)| FlowFacts {
                destination_host: h.into(),
                path: p.into(),
                provider: m.map(|_| "openai".into()),
                model: m.map(Into::into),
                client_id: c.map(Into::into),
                client_ip: ip.and_then(|s| s.parse().ok()),
            })
    }

    proptest! {
        /// Adding a finding never weakens the decision.
        #[test]
        fn adding_a_finding_never_weakens(
            findings in proptest::collection::vec(arb_finding(), 0..8),
            extra in arb_finding(),
            at in 0usize..8,
            flow in arb_flow(),
        ) {
            for p in policies() {
                let before = evaluate(p, &findings, &flow).action;
                let mut more = findings.clone();
                more.insert(at.min(more.len()), extra.clone());
                let after = evaluate(p, &more, &flow).action;
                prop_assert!(after >= before, "{before} -> {after}");
            }
        }
    }
}
