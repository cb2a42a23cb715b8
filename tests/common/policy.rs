//! The proxy tests' policy, shared with `examples/bench_proxy.rs` (which includes this
//! file by path: an example cannot use the tests' common module).

/// The test policy: the shipped default with the `local` backend at `backend_url`
/// (the default's is http://127.0.0.1:8081/v1), and the on-premises exemption for
/// special categories narrowed to `*.internal`: the fake "cloud" upstream listens
/// on `localhost`, which the shipped rule treats as inside the organisation.
pub fn test_policy(version: &str, backend_url: &str) -> String {
    format!(
        r#"[policy]
name = "test"
version = "{version}"
extends = ["default.toml"]

[backends.local]
base_url = "{backend_url}"
api = "openai"
models = {{ "*" = "tiny" }}

[[rule]]
id = "gdpr.special-categories-on-premises"
labels = ["NRP"]
categories = ["gdpr:special"]
action = "allow"
destination = ["*.internal"]
"#
    )
}
