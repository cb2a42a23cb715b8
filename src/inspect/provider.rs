//! Provider adapters: which API a request is for, which of its strings are
//! prompt text, and the request metadata the policy sees (model, streaming).
//!
//! Owns: the mapping destination host + path → [`Provider`] + [`ApiKind`]
//! ([`classify`]), the per-kind knowledge of where prompt text, tool arguments,
//! metadata and media live ([`roles`]), and [`describe`] (model and stream flag).
//!
//! **What is scanned: every string value, whatever the kind** ([`prompt_segments`]).
//! Prompt-field knowledge only *labels* segments ([`SegmentRole`]) so the proxy
//! can report what it scanned. Why: APIs grow new text fields every month
//! (`instructions`, `developer` messages, tool results in new shapes, `metadata`
//! maps that clients fill with user ids); a list of prompt fields would silently
//! stop covering the next one, and a missed field is a leak while an extra field
//! scanned costs only microseconds. The two exceptions, both documented:
//! - object keys are not scanned (they are schema and field names; tool-argument
//!   objects put data in values);
//! - [`SegmentRole::Media`] strings — base64 payloads of images, audio and files
//!   (`data:` URLs, Anthropic `source.data`, Gemini `inlineData.data`, OpenAI
//!   `input_audio.data`/`file_data`) — are not text. Text detection cannot inspect
//!   them, so they are reported ([`media_count`]) for the policy's
//!   `unsupported_content` decision instead of being fed to the detectors.
//!
//! Unknown hosts whose path has an unmistakable API shape (`…/v1/chat/completions`,
//! `…/v1/messages`, `…/models/x:generateContent`) are classified by that shape, so
//! local OpenAI-compatible servers and unlisted gateways get the same labels and
//! response restoration; anything else is [`Provider::Unknown`] /
//! [`ApiKind::Unknown`], where every string is labelled [`SegmentRole::Other`] and
//! scanned all the same.
//!
//! Invariants: classification is a pure function of host and path (case-folded
//! host, query ignored except Gemini's `alt=sse`); no function here fails on any
//! input.

use super::json::{pointer_components, Segment};

/// The API family a request speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provider {
    /// OpenAI and OpenAI-compatible APIs (Azure OpenAI, Mistral, Groq, Together,
    /// DeepSeek, OpenRouter, xAI, Fireworks, Perplexity, Cohere's compatibility API,
    /// local servers).
    OpenAi,
    /// Anthropic Messages.
    Anthropic,
    /// Google Gemini (Generative Language API).
    Gemini,
    /// Not recognised.
    Unknown,
}

impl Provider {
    /// The name in flow facts and audit records.
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::OpenAi => "openai",
            Provider::Anthropic => "anthropic",
            Provider::Gemini => "gemini",
            Provider::Unknown => "unknown",
        }
    }
}

/// The endpoint, which fixes the body's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApiKind {
    /// `POST …/chat/completions`.
    OpenAiChat,
    /// `POST …/responses`.
    OpenAiResponses,
    /// `POST …/completions` (legacy).
    OpenAiCompletions,
    /// `POST …/embeddings`.
    OpenAiEmbeddings,
    /// `POST …/v1/messages` (and `…/messages/count_tokens`, same body).
    AnthropicMessages,
    /// `POST …/models/{model}:generateContent` or `:streamGenerateContent`.
    GeminiGenerateContent,
    /// Anything else: every string is scanned.
    Unknown,
}

impl ApiKind {
    /// A stable name for audit records and metrics.
    pub fn as_str(self) -> &'static str {
        match self {
            ApiKind::OpenAiChat => "openai.chat_completions",
            ApiKind::OpenAiResponses => "openai.responses",
            ApiKind::OpenAiCompletions => "openai.completions",
            ApiKind::OpenAiEmbeddings => "openai.embeddings",
            ApiKind::AnthropicMessages => "anthropic.messages",
            ApiKind::GeminiGenerateContent => "gemini.generate_content",
            ApiKind::Unknown => "unknown",
        }
    }
}

/// What the host and path say about a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// API family.
    pub provider: Provider,
    /// Endpoint.
    pub kind: ApiKind,
    /// Model named in the path: Gemini `models/{model}:…`, Azure `deployments/{name}/…`.
    pub path_model: Option<String>,
    /// Streaming requested by the path: Gemini `:streamGenerateContent`.
    pub path_stream: bool,
    /// Gemini `alt=sse`: the stream is Server-Sent Events, not a JSON array.
    pub sse: bool,
}

/// Hosts whose API is OpenAI's (or OpenAI-compatible at the paths they serve).
const OPENAI_HOSTS: &[&str] = &[
    "api.openai.com",
    "api.mistral.ai",
    "api.groq.com",
    "api.together.xyz",
    "api.together.ai",
    "api.deepseek.com",
    "openrouter.ai",
    "api.x.ai",
    "api.fireworks.ai",
    "api.perplexity.ai",
    "api.cohere.ai",
    "api.cohere.com",
    "api.deepinfra.com",
];

/// Gateway mode: scrim serves these prefixes itself (`OPENAI_BASE_URL=http://scrim:8080/openai/v1`).
const GATEWAY_PREFIXES: &[(&str, Provider)] = &[
    ("/openai/", Provider::OpenAi),
    ("/anthropic/", Provider::Anthropic),
    ("/gemini/", Provider::Gemini),
];

/// Classify a request by destination host (port allowed) and path (query allowed).
pub fn classify(host: &str, path: &str) -> Target {
    classify_with_hint(host, path, None)
}

/// Like [`classify`], for a request whose client named its provider (the gateway
/// prefix it used): a known host still decides, then the client's word, then the
/// path's shape.
pub fn classify_with_hint(host: &str, path: &str, hint: Option<Provider>) -> Target {
    let host = normalize_host(host);
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let path = path.trim_end_matches('/');
    let sse = query
        .split('&')
        .any(|kv| kv.eq_ignore_ascii_case("alt=sse"));

    let by_host = if OPENAI_HOSTS.contains(&host.as_str()) || host.ends_with(".openai.azure.com") {
        Some(Provider::OpenAi)
    } else if host == "api.anthropic.com" {
        Some(Provider::Anthropic)
    } else if host == "generativelanguage.googleapis.com" {
        Some(Provider::Gemini)
    } else {
        None
    };
    let by_prefix = GATEWAY_PREFIXES
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map(|&(_, p)| p);
    // A known host decides (Azure and Groq paths start with /openai/ too); else a
    // gateway prefix; else the path's shape.
    let provider = by_host
        .or(by_prefix)
        .or(hint)
        .unwrap_or_else(|| provider_by_shape(path));

    let mut target = Target {
        provider,
        kind: ApiKind::Unknown,
        path_model: None,
        path_stream: false,
        sse,
    };
    match provider {
        Provider::OpenAi => {
            target.kind = openai_kind(path);
            target.path_model = azure_deployment(path);
        }
        Provider::Anthropic => {
            if path.ends_with("/messages") || path.ends_with("/messages/count_tokens") {
                target.kind = ApiKind::AnthropicMessages;
            }
        }
        Provider::Gemini => {
            if let Some((model, method)) = gemini_method(path) {
                if method == "generateContent" || method == "streamGenerateContent" {
                    target.kind = ApiKind::GeminiGenerateContent;
                    target.path_stream = method == "streamGenerateContent";
                }
                target.path_model = Some(model);
            }
        }
        Provider::Unknown => {}
    }
    target
}

fn normalize_host(host: &str) -> String {
    let host = host.trim().to_ascii_lowercase();
    // Strip a port (but not the colons of a bracketed IPv6 literal).
    let host = match host.rsplit_once(':') {
        Some((h, port)) if !h.contains(':') && port.bytes().all(|b| b.is_ascii_digit()) => {
            h.to_string()
        }
        Some((h, port))
            if h.starts_with('[')
                && h.ends_with(']')
                && port.bytes().all(|b| b.is_ascii_digit()) =>
        {
            h.to_string()
        }
        _ => host,
    };
    host.trim_end_matches('.').to_string()
}

fn provider_by_shape(path: &str) -> Provider {
    if openai_kind(path) != ApiKind::Unknown && path.contains("/v1/") {
        Provider::OpenAi
    } else if path.ends_with("/v1/messages") {
        Provider::Anthropic
    } else if gemini_method(path).is_some_and(|(_, m)| m.ends_with("enerateContent")) {
        Provider::Gemini
    } else {
        Provider::Unknown
    }
}

fn openai_kind(path: &str) -> ApiKind {
    if path.ends_with("/chat/completions") {
        ApiKind::OpenAiChat
    } else if path.ends_with("/completions") {
        ApiKind::OpenAiCompletions
    } else if path.ends_with("/responses") {
        ApiKind::OpenAiResponses
    } else if path.ends_with("/embeddings") {
        ApiKind::OpenAiEmbeddings
    } else {
        ApiKind::Unknown
    }
}

/// Azure: `/openai/deployments/{deployment}/chat/completions`.
fn azure_deployment(path: &str) -> Option<String> {
    let rest = path.split("/deployments/").nth(1)?;
    let name = rest.split('/').next()?;
    (!name.is_empty()).then(|| name.to_string())
}

/// Gemini: the last path segment is `{model}:{method}` under `models/` or
/// `tunedModels/`.
fn gemini_method(path: &str) -> Option<(String, String)> {
    let last = path.rsplit('/').next()?;
    let (model, method) = last.split_once(':')?;
    let parent = path.rsplit('/').nth(1)?;
    if parent != "models" && parent != "tunedModels" || model.is_empty() {
        return None;
    }
    Some((model.to_string(), method.to_string()))
}

/// What a string of the request is, for reporting. Every role except `Media`
/// is scanned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegmentRole {
    /// Text the user or the system wrote: messages, system prompts, tool results.
    Prompt,
    /// Tool-call arguments (often JSON text) and tool inputs.
    ToolArgs,
    /// Model names, roles, ids, types, tool schemas, settings.
    Metadata,
    /// A base64 payload (image, audio, file): not text, not scanned, reported.
    Media,
    /// A string the adapter has no label for (all strings of unknown shapes).
    Other,
}

impl SegmentRole {
    /// A stable name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            SegmentRole::Prompt => "prompt",
            SegmentRole::ToolArgs => "tool_args",
            SegmentRole::Metadata => "metadata",
            SegmentRole::Media => "media",
            SegmentRole::Other => "other",
        }
    }
}

/// A pointer pattern: `*` matches one component, `**` the rest (zero or more).
type Pattern = &'static [&'static str];

const OPENAI_CHAT: &[(Pattern, SegmentRole)] = &[
    (&["messages", "*", "content"], SegmentRole::Prompt),
    (
        &["messages", "*", "content", "*", "text"],
        SegmentRole::Prompt,
    ),
    (
        &["messages", "*", "content", "*", "refusal"],
        SegmentRole::Prompt,
    ),
    (&["messages", "*", "refusal"], SegmentRole::Prompt),
    (&["messages", "*", "name"], SegmentRole::Prompt),
    (
        &["messages", "*", "content", "*", "image_url", "url"],
        SegmentRole::Media,
    ),
    (
        &["messages", "*", "content", "*", "input_audio", "data"],
        SegmentRole::Media,
    ),
    (
        &["messages", "*", "content", "*", "file", "file_data"],
        SegmentRole::Media,
    ),
    (
        &["messages", "*", "tool_calls", "*", "function", "arguments"],
        SegmentRole::ToolArgs,
    ),
    (
        &["messages", "*", "function_call", "arguments"],
        SegmentRole::ToolArgs,
    ),
    (&["prediction", "content"], SegmentRole::Prompt),
    (&["prediction", "content", "*", "text"], SegmentRole::Prompt),
];

const OPENAI_RESPONSES: &[(Pattern, SegmentRole)] = &[
    (&["input"], SegmentRole::Prompt),
    (&["instructions"], SegmentRole::Prompt),
    (&["input", "*", "content"], SegmentRole::Prompt),
    (&["input", "*", "content", "*", "text"], SegmentRole::Prompt),
    (
        &["input", "*", "content", "*", "image_url"],
        SegmentRole::Media,
    ),
    (
        &["input", "*", "content", "*", "file_data"],
        SegmentRole::Media,
    ),
    (&["input", "*", "arguments"], SegmentRole::ToolArgs),
    (&["input", "*", "output"], SegmentRole::Prompt),
    (&["input", "*", "summary", "*", "text"], SegmentRole::Prompt),
];

const OPENAI_COMPLETIONS: &[(Pattern, SegmentRole)] = &[
    (&["prompt"], SegmentRole::Prompt),
    (&["prompt", "*"], SegmentRole::Prompt),
    (&["suffix"], SegmentRole::Prompt),
];

const OPENAI_EMBEDDINGS: &[(Pattern, SegmentRole)] = &[
    (&["input"], SegmentRole::Prompt),
    (&["input", "*"], SegmentRole::Prompt),
];

const ANTHROPIC_MESSAGES: &[(Pattern, SegmentRole)] = &[
    (&["system"], SegmentRole::Prompt),
    (&["system", "*", "text"], SegmentRole::Prompt),
    (&["messages", "*", "content"], SegmentRole::Prompt),
    (
        &["messages", "*", "content", "*", "text"],
        SegmentRole::Prompt,
    ),
    (
        &["messages", "*", "content", "*", "thinking"],
        SegmentRole::Prompt,
    ),
    (
        &["messages", "*", "content", "*", "input", "**"],
        SegmentRole::ToolArgs,
    ),
    (
        &["messages", "*", "content", "*", "content"],
        SegmentRole::Prompt,
    ),
    (
        &["messages", "*", "content", "*", "content", "*", "text"],
        SegmentRole::Prompt,
    ),
    (
        &["messages", "*", "content", "*", "source", "data"],
        SegmentRole::Media,
    ),
    (
        &[
            "messages", "*", "content", "*", "content", "*", "source", "data",
        ],
        SegmentRole::Media,
    ),
];

const GEMINI_GENERATE: &[(Pattern, SegmentRole)] = &[
    (
        &["contents", "*", "parts", "*", "text"],
        SegmentRole::Prompt,
    ),
    (
        &["systemInstruction", "parts", "*", "text"],
        SegmentRole::Prompt,
    ),
    (
        &["system_instruction", "parts", "*", "text"],
        SegmentRole::Prompt,
    ),
    (
        &["contents", "*", "parts", "*", "functionCall", "args", "**"],
        SegmentRole::ToolArgs,
    ),
    (
        &["contents", "*", "parts", "*", "function_call", "args", "**"],
        SegmentRole::ToolArgs,
    ),
    (
        &[
            "contents",
            "*",
            "parts",
            "*",
            "functionResponse",
            "response",
            "**",
        ],
        SegmentRole::Prompt,
    ),
    (
        &[
            "contents",
            "*",
            "parts",
            "*",
            "function_response",
            "response",
            "**",
        ],
        SegmentRole::Prompt,
    ),
    (
        &["contents", "*", "parts", "*", "inlineData", "data"],
        SegmentRole::Media,
    ),
    (
        &["contents", "*", "parts", "*", "inline_data", "data"],
        SegmentRole::Media,
    ),
];

/// Last components that name metadata in every known shape.
const METADATA_LEAVES: &[&str] = &[
    "model",
    "role",
    "type",
    "id",
    "tool_call_id",
    "call_id",
    "object",
    "detail",
    "format",
    "media_type",
    "mimeType",
    "mime_type",
    "status",
    "cache_control",
    "service_tier",
    "reasoning_effort",
    "encoding_format",
    "tool_use_id",
    "file_id",
    "fileUri",
    "file_uri",
];

/// Top-level members whose whole subtree is configuration.
const METADATA_ROOTS: &[&str] = &[
    "tools",
    "tool_choice",
    "response_format",
    "generationConfig",
    "generation_config",
    "safetySettings",
    "safety_settings",
    "toolConfig",
    "tool_config",
    "text",
    "reasoning",
    "stream_options",
    "thinking",
    "functions",
    "function_call",
];

fn matches(pattern: Pattern, components: &[String]) -> bool {
    match (pattern.split_first(), components.split_first()) {
        (Some((&"**", _)), _) => true,
        (None, None) => true,
        (Some((p, prest)), Some((c, crest))) => (*p == "*" || p == c) && matches(prest, crest),
        _ => false,
    }
}

fn table(kind: ApiKind) -> &'static [(Pattern, SegmentRole)] {
    match kind {
        ApiKind::OpenAiChat => OPENAI_CHAT,
        ApiKind::OpenAiResponses => OPENAI_RESPONSES,
        ApiKind::OpenAiCompletions => OPENAI_COMPLETIONS,
        ApiKind::OpenAiEmbeddings => OPENAI_EMBEDDINGS,
        ApiKind::AnthropicMessages => ANTHROPIC_MESSAGES,
        ApiKind::GeminiGenerateContent => GEMINI_GENERATE,
        ApiKind::Unknown => &[],
    }
}

/// The role of one segment of a `kind` request.
pub fn role(kind: ApiKind, segment: &Segment) -> SegmentRole {
    if kind == ApiKind::Unknown {
        return SegmentRole::Other;
    }
    let components = pointer_components(&segment.pointer);
    let found = table(kind)
        .iter()
        .find(|(p, _)| matches(p, &components))
        .map(|&(_, r)| r);
    match found {
        // A URL is media only when it carries the bytes; a plain URL is scanned.
        Some(SegmentRole::Media) if !is_media_payload(&components, &segment.value) => {
            SegmentRole::Other
        }
        Some(r) => r,
        None => {
            let top = components.first().map(String::as_str).unwrap_or("");
            let leaf = components.last().map(String::as_str).unwrap_or("");
            if METADATA_ROOTS.contains(&top) || METADATA_LEAVES.contains(&leaf) {
                SegmentRole::Metadata
            } else {
                SegmentRole::Other
            }
        }
    }
}

fn is_media_payload(components: &[String], value: &str) -> bool {
    let leaf = components.last().map(String::as_str).unwrap_or("");
    match leaf {
        // `image_url.url`, Responses `image_url`, `file_data`: only `data:` URLs hold bytes.
        "url" | "image_url" | "file_data" => value.starts_with("data:") || leaf == "file_data",
        _ => true,
    }
}

/// The role of every segment (keys get `Metadata`).
pub fn roles(kind: ApiKind, segments: &[Segment]) -> Vec<SegmentRole> {
    segments
        .iter()
        .map(|s| {
            if s.is_key {
                SegmentRole::Metadata
            } else {
                role(kind, s)
            }
        })
        .collect()
}

/// Indices of the segments to scan: every string value except media payloads
/// (see the module doc for why all of them).
pub fn prompt_segments(kind: ApiKind, segments: &[Segment]) -> Vec<usize> {
    segments
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_key && role(kind, s) != SegmentRole::Media)
        .map(|(i, _)| i)
        .collect()
}

/// How many media payloads (images, audio, files) the request carries: content
/// text detection cannot inspect, for the policy's `unsupported_content`.
pub fn media_count(kind: ApiKind, segments: &[Segment]) -> usize {
    segments
        .iter()
        .filter(|s| !s.is_key && role(kind, s) == SegmentRole::Media)
        .count()
}

/// Request metadata for flow facts and audit records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestInfo {
    /// API family.
    pub provider: Provider,
    /// Endpoint.
    pub kind: ApiKind,
    /// The requested model: the body's `model`, else the path's (Gemini, Azure).
    pub model: Option<String>,
    /// Whether the response will stream.
    pub stream: bool,
    /// Whether the stream is Server-Sent Events (false for Gemini's JSON-array stream).
    pub sse: bool,
}

/// Describe a request from its target and its (decoded, JSON) body. A body that
/// is not JSON still gets the path's facts.
pub fn describe(target: &Target, body: &[u8]) -> RequestInfo {
    #[derive(serde::Deserialize, Default)]
    struct Top {
        #[serde(default)]
        model: Option<serde_json::Value>,
        #[serde(default)]
        stream: Option<serde_json::Value>,
    }
    let top: Top = serde_json::from_slice(body).unwrap_or_default();
    let model = top
        .model
        .as_ref()
        .and_then(|m| m.as_str())
        .map(str::to_string)
        .or_else(|| target.path_model.clone());
    let body_stream = top.stream.as_ref().and_then(|s| s.as_bool()) == Some(true);
    let stream = body_stream || target.path_stream;
    let sse = match target.provider {
        Provider::Gemini => target.path_stream && target.sse,
        _ => stream,
    };
    RequestInfo {
        provider: target.provider,
        kind: target.kind,
        model,
        stream,
        sse,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::json::segments;

    /// host, path → provider, kind, model from the path, stream from the path.
    type ClassifyCase = (
        &'static str,
        &'static str,
        Provider,
        ApiKind,
        Option<&'static str>,
        bool,
    );

    #[test]
    fn classify_table() {
        use ApiKind::*;
        use Provider::*;
        let table: &[ClassifyCase] = &[
            (
                "api.openai.com",
                "/v1/chat/completions",
                OpenAi,
                OpenAiChat,
                None,
                false,
            ),
            (
                "API.OpenAI.com:443",
                "/v1/responses",
                OpenAi,
                OpenAiResponses,
                None,
                false,
            ),
            (
                "api.openai.com.",
                "/v1/completions",
                OpenAi,
                OpenAiCompletions,
                None,
                false,
            ),
            (
                "api.openai.com",
                "/v1/embeddings",
                OpenAi,
                OpenAiEmbeddings,
                None,
                false,
            ),
            (
                "api.openai.com",
                "/v1/files",
                OpenAi,
                ApiKind::Unknown,
                None,
                false,
            ),
            (
                "myres.openai.azure.com",
                "/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21",
                OpenAi,
                OpenAiChat,
                Some("gpt4o-prod"),
                false,
            ),
            (
                "myres.openai.azure.com",
                "/openai/v1/responses",
                OpenAi,
                OpenAiResponses,
                None,
                false,
            ),
            (
                "api.anthropic.com",
                "/v1/messages",
                Anthropic,
                AnthropicMessages,
                None,
                false,
            ),
            (
                "api.anthropic.com",
                "/v1/messages/count_tokens",
                Anthropic,
                AnthropicMessages,
                None,
                false,
            ),
            (
                "api.anthropic.com",
                "/v1/complete",
                Anthropic,
                ApiKind::Unknown,
                None,
                false,
            ),
            (
                "generativelanguage.googleapis.com",
                "/v1beta/models/gemini-2.0-flash:generateContent",
                Gemini,
                GeminiGenerateContent,
                Some("gemini-2.0-flash"),
                false,
            ),
            (
                "generativelanguage.googleapis.com",
                "/v1beta/models/gemini-1.5-pro:streamGenerateContent?alt=sse",
                Gemini,
                GeminiGenerateContent,
                Some("gemini-1.5-pro"),
                true,
            ),
            (
                "generativelanguage.googleapis.com",
                "/v1beta/models/text-embedding-004:embedContent",
                Gemini,
                ApiKind::Unknown,
                Some("text-embedding-004"),
                false,
            ),
            // Gateway mode.
            (
                "scrim:8080",
                "/openai/v1/chat/completions",
                OpenAi,
                OpenAiChat,
                None,
                false,
            ),
            (
                "127.0.0.1:8080",
                "/anthropic/v1/messages",
                Anthropic,
                AnthropicMessages,
                None,
                false,
            ),
            (
                "localhost",
                "/gemini/v1beta/models/gemini-2.0-flash:streamGenerateContent",
                Gemini,
                GeminiGenerateContent,
                Some("gemini-2.0-flash"),
                true,
            ),
            // OpenAI-compatible providers.
            (
                "api.mistral.ai",
                "/v1/chat/completions",
                OpenAi,
                OpenAiChat,
                None,
                false,
            ),
            (
                "api.groq.com",
                "/openai/v1/chat/completions",
                OpenAi,
                OpenAiChat,
                None,
                false,
            ),
            (
                "api.together.xyz",
                "/v1/completions",
                OpenAi,
                OpenAiCompletions,
                None,
                false,
            ),
            (
                "api.deepseek.com",
                "/chat/completions",
                OpenAi,
                OpenAiChat,
                None,
                false,
            ),
            (
                "openrouter.ai",
                "/api/v1/chat/completions",
                OpenAi,
                OpenAiChat,
                None,
                false,
            ),
            (
                "api.cohere.ai",
                "/compatibility/v1/chat/completions",
                OpenAi,
                OpenAiChat,
                None,
                false,
            ),
            (
                "api.cohere.com",
                "/v2/chat",
                OpenAi,
                ApiKind::Unknown,
                None,
                false,
            ),
            // Unknown hosts: by unmistakable shape, else unknown.
            (
                "127.0.0.1:11434",
                "/v1/chat/completions",
                OpenAi,
                OpenAiChat,
                None,
                false,
            ),
            (
                "[::1]:8081",
                "/v1/messages",
                Anthropic,
                AnthropicMessages,
                None,
                false,
            ),
            (
                "example.com",
                "/chat/completions",
                Provider::Unknown,
                ApiKind::Unknown,
                None,
                false,
            ),
            (
                "example.com",
                "/upload",
                Provider::Unknown,
                ApiKind::Unknown,
                None,
                false,
            ),
            ("", "", Provider::Unknown, ApiKind::Unknown, None, false),
        ];
        for &(host, path, provider, kind, model, stream) in table {
            let t = classify(host, path);
            assert_eq!(
                (t.provider, t.kind, t.path_model.as_deref(), t.path_stream),
                (provider, kind, model, stream),
                "{host} {path}"
            );
        }
        assert!(
            classify(
                "generativelanguage.googleapis.com",
                "/v1beta/models/m:streamGenerateContent?key=k&alt=sse"
            )
            .sse
        );
        assert_eq!(normalize_host("[::1]:443"), "[::1]");
        assert_eq!(normalize_host("::1"), "::1");
    }

    /// The gateway prefix the client used names the provider where the base URL's
    /// host and the path do not (a gateway base on a company relay, an unknown
    /// Gemini path), so its errors come in that provider's format; a known host
    /// still decides.
    #[test]
    fn gateway_hint() {
        let relay = classify_with_hint(
            "relay.internal:8443",
            "/v1beta/files",
            Some(Provider::Gemini),
        );
        assert_eq!(relay.provider, Provider::Gemini);
        assert_eq!(
            classify("relay.internal:8443", "/v1beta/files").provider,
            Provider::Unknown
        );
        let gemini = classify_with_hint(
            "relay.internal",
            "/v1beta/models/gemini-2.0-flash:generateContent",
            Some(Provider::Gemini),
        );
        assert_eq!(gemini.kind, ApiKind::GeminiGenerateContent);
        assert_eq!(
            classify_with_hint("api.anthropic.com", "/v1/messages", Some(Provider::OpenAi))
                .provider,
            Provider::Anthropic
        );
    }

    fn labelled(kind: ApiKind, json: &str) -> Vec<(String, SegmentRole)> {
        let segs = segments(json.as_bytes()).unwrap();
        let roles = roles(kind, &segs);
        segs.into_iter()
            .zip(roles)
            .filter(|(s, _)| !s.is_key)
            .map(|(s, r)| (s.pointer, r))
            .collect()
    }

    fn role_of(labels: &[(String, SegmentRole)], pointer: &str) -> SegmentRole {
        labels
            .iter()
            .find(|(p, _)| p == pointer)
            .map(|(_, r)| *r)
            .unwrap_or_else(|| panic!("no segment at {pointer}"))
    }

    #[test]
    fn openai_chat_roles() {
        let body = r#"{"model":"gpt-4o","stream":true,"messages":[
            {"role":"system","content":"Be brief."},
            {"role":"user","name":"jane_roe","content":[{"type":"text","text":"Call 555-0100"},
                {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"low"}},
                {"type":"image_url","image_url":{"url":"https://example.com/jane.png"}}]},
            {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                "function":{"name":"lookup","arguments":"{\"email\":\"jane@example.com\"}"}}]},
            {"role":"tool","tool_call_id":"call_1","content":"Jane Roe, 12 Elm St"}],
            "tools":[{"type":"function","function":{"name":"lookup","description":"Find a person"}}]}"#;
        let l = labelled(ApiKind::OpenAiChat, body);
        use SegmentRole::*;
        for (p, r) in [
            ("/model", Metadata),
            ("/messages/0/role", Metadata),
            ("/messages/0/content", Prompt),
            ("/messages/1/name", Prompt),
            ("/messages/1/content/0/text", Prompt),
            ("/messages/1/content/1/image_url/url", Media),
            ("/messages/1/content/1/image_url/detail", Metadata),
            ("/messages/1/content/2/image_url/url", Other),
            ("/messages/2/tool_calls/0/function/arguments", ToolArgs),
            ("/messages/2/tool_calls/0/id", Metadata),
            ("/messages/3/content", Prompt),
            ("/tools/0/function/description", Metadata),
        ] {
            assert_eq!(role_of(&l, p), r, "{p}");
        }
        let segs = segments(body.as_bytes()).unwrap();
        let scan = prompt_segments(ApiKind::OpenAiChat, &segs);
        // Every value but the one data: URL is scanned, metadata included.
        let values = segs.iter().filter(|s| !s.is_key).count();
        assert_eq!(scan.len(), values - 1);
        assert_eq!(media_count(ApiKind::OpenAiChat, &segs), 1);
        let info = describe(
            &classify("api.openai.com", "/v1/chat/completions"),
            body.as_bytes(),
        );
        assert_eq!(info.model.as_deref(), Some("gpt-4o"));
        assert!(info.stream && info.sse);
    }

    #[test]
    fn responses_completions_embeddings_roles() {
        use SegmentRole::*;
        let l = labelled(
            ApiKind::OpenAiResponses,
            r#"{"model":"gpt-4.1","instructions":"Be kind","input":[
                {"role":"user","content":[{"type":"input_text","text":"I am Jane"},
                  {"type":"input_image","image_url":"data:image/jpeg;base64,/9j/"}]},
                {"type":"function_call","call_id":"c1","name":"f","arguments":"{\"a\":\"b\"}"},
                {"type":"function_call_output","call_id":"c1","output":"Jane's record"}]}"#,
        );
        assert_eq!(role_of(&l, "/instructions"), Prompt);
        assert_eq!(role_of(&l, "/input/0/content/0/text"), Prompt);
        assert_eq!(role_of(&l, "/input/0/content/1/image_url"), Media);
        assert_eq!(role_of(&l, "/input/1/arguments"), ToolArgs);
        assert_eq!(role_of(&l, "/input/2/output"), Prompt);
        assert_eq!(role_of(&l, "/input/2/call_id"), Metadata);
        let l = labelled(
            ApiKind::OpenAiResponses,
            r#"{"model":"o3","input":"Hi I am Jane"}"#,
        );
        assert_eq!(role_of(&l, "/input"), Prompt);
        let l = labelled(
            ApiKind::OpenAiCompletions,
            r#"{"prompt":["a","b"],"suffix":"c"}"#,
        );
        assert_eq!(role_of(&l, "/prompt/1"), Prompt);
        assert_eq!(role_of(&l, "/suffix"), Prompt);
        let l = labelled(
            ApiKind::OpenAiEmbeddings,
            r#"{"input":"Jane Roe","model":"text-embedding-3-small"}"#,
        );
        assert_eq!(role_of(&l, "/input"), Prompt);
    }

    #[test]
    fn anthropic_roles() {
        use SegmentRole::*;
        let body = r#"{"model":"claude-sonnet-4-5","max_tokens":1024,
            "system":[{"type":"text","text":"You help Jane.","cache_control":{"type":"ephemeral"}}],
            "metadata":{"user_id":"jane-42"},
            "messages":[{"role":"user","content":"Hello"},
              {"role":"assistant","content":[{"type":"text","text":"Looking up"},
                 {"type":"tool_use","id":"toolu_1","name":"crm","input":{"query":{"email":"jane@example.com"},"tags":["vip"]}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"Jane, 555-0100"}]},
                 {"type":"tool_result","tool_use_id":"toolu_1","content":"ok"},
                 {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}]}"#;
        let l = labelled(ApiKind::AnthropicMessages, body);
        for (p, r) in [
            ("/system/0/text", Prompt),
            ("/system/0/cache_control/type", Metadata),
            ("/metadata/user_id", Other),
            ("/messages/0/content", Prompt),
            ("/messages/1/content/0/text", Prompt),
            ("/messages/1/content/1/input/query/email", ToolArgs),
            ("/messages/1/content/1/input/tags/0", ToolArgs),
            ("/messages/1/content/1/name", Other),
            ("/messages/2/content/0/content/0/text", Prompt),
            ("/messages/2/content/1/content", Prompt),
            ("/messages/2/content/2/source/data", Media),
            ("/messages/2/content/2/source/media_type", Metadata),
        ] {
            assert_eq!(role_of(&l, p), r, "{p}");
        }
        let info = describe(
            &classify("api.anthropic.com", "/v1/messages"),
            body.as_bytes(),
        );
        assert_eq!(info.model.as_deref(), Some("claude-sonnet-4-5"));
        assert!(!info.stream);
    }

    #[test]
    fn gemini_roles_and_path_metadata() {
        use SegmentRole::*;
        let body = r#"{"systemInstruction":{"parts":[{"text":"Be terse"}]},
            "contents":[{"role":"user","parts":[{"text":"My name is Jane"},{"inlineData":{"mimeType":"image/png","data":"iVBOR"}}]},
              {"role":"model","parts":[{"functionCall":{"name":"find","args":{"who":"Jane"}}}]},
              {"role":"user","parts":[{"functionResponse":{"name":"find","response":{"phone":"555-0100"}}}]}],
            "generationConfig":{"stopSequences":["END"]}}"#;
        let l = labelled(ApiKind::GeminiGenerateContent, body);
        for (p, r) in [
            ("/systemInstruction/parts/0/text", Prompt),
            ("/contents/0/parts/0/text", Prompt),
            ("/contents/0/parts/1/inlineData/data", Media),
            ("/contents/0/parts/1/inlineData/mimeType", Metadata),
            ("/contents/1/parts/0/functionCall/args/who", ToolArgs),
            (
                "/contents/2/parts/0/functionResponse/response/phone",
                Prompt,
            ),
            ("/generationConfig/stopSequences/0", Metadata),
        ] {
            assert_eq!(role_of(&l, p), r, "{p}");
        }
        let t = classify(
            "generativelanguage.googleapis.com",
            "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse",
        );
        let info = describe(&t, body.as_bytes());
        assert_eq!(info.model.as_deref(), Some("gemini-2.0-flash"));
        assert!(info.stream && info.sse);
        let t = classify(
            "generativelanguage.googleapis.com",
            "/v1beta/models/gemini-2.0-flash:streamGenerateContent",
        );
        let info = describe(&t, body.as_bytes());
        assert!(info.stream && !info.sse, "JSON-array stream");
    }

    #[test]
    fn unknown_shapes_scan_everything() {
        let body = r#"{"query":"jane@example.com","nested":{"list":["a",{"b":"c"}]},"n":1}"#;
        let segs = segments(body.as_bytes()).unwrap();
        assert!(roles(ApiKind::Unknown, &segs)
            .iter()
            .zip(&segs)
            .all(|(r, s)| s.is_key || *r == SegmentRole::Other));
        assert_eq!(prompt_segments(ApiKind::Unknown, &segs).len(), 3);
        // Odd bodies never fail describe.
        let t = classify("x", "/y");
        for body in [&b"not json"[..], b"[]", br#"{"model":5,"stream":"yes"}"#] {
            let info = describe(&t, body);
            assert_eq!((info.model, info.stream), (None, false));
        }
    }
}
