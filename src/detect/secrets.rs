//! Credentials: API keys and tokens in known formats (AWS, GitHub, OpenAI,
//! Anthropic, Slack, Stripe, Google), JWTs, PEM private-key blocks, URLs and
//! connection strings with embedded passwords, and values assigned to names like
//! `password`, `secret`, `token` or `api_key`.
//!
//! Placeholders are not secrets: `YOUR_API_KEY`, `sk-xxxx…`, `${TOKEN}`,
//! `<your-token-here>`, `os.environ[...]`, `{{ secrets.X }}`, `****`, `$DB_PASSWORD`.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::features::Feature;
use super::network::has_credentials;
use super::{
    compile, compile_with_cache, is_token, validate, BuildError, Detector, Finding, Label,
    ScanInput,
};

/// Known token formats: (name, regex). Each is distinctive enough to need no context.
const KNOWN: &[(&str, &str)] = &[
    (
        "aws_access_key",
        r"(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z2-7]{16}",
    ),
    ("github_token", r"gh[pousr]_[A-Za-z0-9]{36,255}"),
    ("github_pat", r"github_pat_[A-Za-z0-9_]{22,255}"),
    (
        "anthropic_key",
        r"sk-ant-(?:api|admin|oat)\d{2}-[A-Za-z0-9_\-]{20,}",
    ),
    (
        "openai_key",
        r"sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}",
    ),
    ("slack_token", r"xox[abposr]-[A-Za-z0-9\-]{10,}"),
    (
        "slack_webhook",
        r"https://hooks\.slack\.com/services/[A-Za-z0-9/]{20,}",
    ),
    ("stripe_key", r"(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"),
    ("google_api_key", r"AIza[0-9A-Za-z_\-]{35}"),
    (
        "jwt",
        r"eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*",
    ),
    ("npm_token", r"npm_[A-Za-z0-9]{36}"),
    ("telegram_bot_token", r"\d{8,10}:AA[A-Za-z0-9_\-]{33}"),
    ("hf_token", r"hf_[A-Za-z0-9]{34,}"),
    ("gitlab_pat", r"glpat-[A-Za-z0-9_\-]{20,}"),
    (
        "sendgrid_key",
        r"SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}",
    ),
    ("stripe_webhook_secret", r"whsec_[A-Za-z0-9]{32,}"),
    ("digitalocean_token", r"do[opr]_v1_[a-f0-9]{64}"),
    ("linear_api_key", r"lin_api_[A-Za-z0-9]{40}"),
    ("google_oauth_client_secret", r"GOCSPX-[A-Za-z0-9_\-]{28}"),
    ("postman_api_key", r"PMAK-[a-f0-9]{24}-[a-f0-9]{34}"),
    (
        "age_secret_key",
        r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
    ),
    (
        "discord_bot_token",
        r"[MNO][A-Za-z0-9_\-]{23,25}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38}",
    ),
    ("shopify_token", r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}"),
    ("pypi_token", r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,}"),
    ("databricks_token", r"dapi[a-f0-9]{32}"),
    ("doppler_token", r"dp\.pt\.[A-Za-z0-9]{43}"),
    ("newrelic_key", r"NRAK-[A-Z0-9]{27}"),
    ("vault_token", r"hvs\.[A-Za-z0-9_\-]{24,}"),
    ("supabase_token", r"sbp_[a-f0-9]{40}"),
    ("grafana_token", r"glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}"),
    ("slack_app_token", r"xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+"),
    // Oracle's thin driver URL: `jdbc:oracle:thin:user/password@//host:port/service`
    (
        "jdbc_oracle_credentials",
        r"jdbc:oracle:thin:[A-Za-z0-9_$#]+/[^\s@/\x22']+@[^\s\x22'<>]+",
    ),
];

/// Words without which neither the assignment nor the bearer rule can match
/// (lowercase: they are looked for in the lowercased text).
const CUE_WORDS: &[&str] = &[
    "pass",
    "pwd",
    "secret",
    "token",
    "key",
    "credential",
    "auth",
    "bearer",
    "identified",
    "client(",
    "mysql",
    " -u ",
    "contrase",
    "sshpass",
    "htpasswd",
    "wifi:",
    "login(",
];

/// Words for "password" in the languages our users write, for a value written
/// after one in prose ("Hasło do Wi-Fi to …", "パスワードは … です").
const PASSWORD_WORDS: &[&str] = &[
    "hasło",
    "heslo",
    "jelszó",
    "jelszava",
    "şifre",
    "şifresi",
    "mật khẩu",
    "รหัสผ่าน",
    "パスワード",
    "كلمة المرور",
    "كلمة السر",
    "비밀번호",
    "密码",
    "密碼",
    "пароль",
    "adgangskode",
    "passord",
    "lösenord",
    "salasana",
    "parola",
    "senha",
    "contraseña",
    "wachtwoord",
    "kennwort",
    "passwort",
    "mot de passe",
    "kata laluan",
    "kata sandi",
    "nenosiri",
    "neno la siri",
    "رمز عبور",
    "گذرواژه",
    "پاس ورڈ",
    "পাসওয়ার্ড",
    "पासवर्ड",
    "סיסמה",
    "κωδικός",
    "parolă",
    "lozinka",
    "geslo",
    "slaptažodis",
    "parool",
    "contrasenya",
];

const PEM: &str = r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----";

/// `scheme://user:password@host…`; the password may itself contain `@` (and a
/// quote: "Tiger%2764" is decoded to "Tiger'64" before detection), so the
/// authority runs to the last `@` before the host.
/// The user may be an e-mail address (`smtp://postmaster@mg.example:pw@smtp…`),
/// and a replica set lists its hosts with commas (`mongodb://u:p@a:27017,b:27017/db`).
const CREDENTIAL_URL: &str = r#"[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/"'<>]*:(?:[^\s"'<>]|[A-Za-z0-9]'[A-Za-z0-9])*@[A-Za-z0-9.\-\[\]:,]+(?:[/?#][^\s"'<>`]*)?"#;

/// `name = value`, `name: value`, `"name": "value"`, `--name value` where the name
/// says it holds a credential.
const ASSIGNMENT: &str = r#"(?i)(?P<name>[A-Za-z0-9_.$\-]*(?:password|passwd|passphrase|passwort|kennwort|contraseña|senha|wachtwoord|pwd|secret|token|api[_\-]?key|apikey|access[_\-]?key|account[_\-]?key|private[_\-]?key|signing[_\-]?key|encryption[_\-]?key|hmac[_\-]?key|master[_\-]?key|app(?:lication)?[_\-]?key|client[_\-]?secret|auth[_\-]?key|auth[_\-]?token|requirepass|masterauth|credentials?|pass)[A-Za-z0-9_.\-]*)["']?[ \t]*(?:=|:=|=>|:|[ \t]|\n[ \t]*value:)[ \t]*(?P<q>["'`]?)(?P<value>[^\s"'`,;]{6,})"#;

/// Credentials written in other shapes, each with its value in group `v`:
/// `curl -u user:pass`, SQL `IDENTIFIED BY '…'`, `Authorization: Basic …`,
/// positional `auth=("user", "pass")`, Twilio's `Client("AC…", "<token>")`,
/// `mysql -p<password>`, a prose "mot de passe …" / "password is …".
/// Each comes with the words one of which every match holds (lowercase: looked
/// for in the lowercased text), so that a regex runs only where it could match.
const OTHER_SHAPES: &[(&[&str], &str, ValueCheck)] = &[
    (
        &["-u"],
        r#"(?:^|\s)(?:-u|--user)[ =]["']?[^\s:"']+:(?P<v>[^\s"']{6,})"#,
        ValueCheck::Any,
    ),
    (
        &["identified"],
        r#"(?i)\bidentified\s+by\s+(?:password\s+)?['"](?P<v>[^'"\s]{6,})['"]"#,
        ValueCheck::Any,
    ),
    (
        &["authorization"],
        r"(?i)\bauthorization:\s*basic\s+(?P<v>[A-Za-z0-9+/]{12,}={0,2})",
        ValueCheck::Any,
    ),
    (
        &["auth"],
        r#"\bauth\s*=\s*\(\s*["'][^"'\s]+["']\s*,\s*["'](?P<v>[^"'\s]{6,})["']\s*\)"#,
        ValueCheck::Any,
    ),
    (
        &["client("],
        r#"Client\(\s*["']AC[0-9a-f]{32}["']\s*,\s*["'](?P<v>[0-9a-f]{32})["']"#,
        ValueCheck::Any,
    ),
    (
        &["mysql"],
        r"\bmysql(?:dump)?\b[^\n]*?\s-p(?P<v>[^\s-][^\s]{5,})",
        ValueCheck::Any,
    ),
    // Prose: "password is …", "mot de passe Wi-Fi est …", "the password for the VPN is …"
    // (up to three words between; the value must look like a credential, see
    // `prose_value_is_credential`).
    (
        &[
            "mot de passe",
            "passw",
            "kennwort",
            "contrase",
            "senha",
            "wachtwoord",
        ],
        r"(?i)\b(?:mot de passe|password|passwort|kennwort|contraseña|senha|wachtwoord)(?:\s+[\w\-]+){0,3}?\s+(?:est|is|ist|es|é|was|lautet)\s+(?:now\s+|still\s+)?[`'\x22*_]?(?P<v>[^\s,;`'\x22]{6,})",
        ValueCheck::Credential,
    ),
    // A password set to a value: "I reset the password to Falcon#tundra16".
    (
        &["passw"],
        r"(?i)\b(?:reset|changed?|set|updated?)\s+(?:the\s+|my\s+|your\s+|his\s+|her\s+|their\s+)?(?:\w+\s+)?password\s+to\s+[`'\x22*_]?(?P<v>[^\s,;`'\x22]{6,})",
        ValueCheck::StrongPassword,
    ),
    // A quoted value right after a password word: "pass `Stg#Qa2025!`", "pwd: 'x…'"
    // (not a command-line option: "pass `--verbose`").
    (
        &["pass", "pwd"],
        r"(?i)\b(?:pass|password|passwd|pwd|pw|passwort|mot de passe)\s*[:=]?\s*[`'\x22](?P<v>[^`'\x22\s\-][^`'\x22\s]{5,})[`'\x22]",
        ValueCheck::Credential,
    ),
    // `sshpass -p 'secret' ssh …`
    (
        &["sshpass"],
        r#"\bsshpass\s+-p\s*['"]?(?P<v>[^\s'"]{6,})"#,
        ValueCheck::Any,
    ),
    // A login call with the password as its second argument: smtplib, ftplib,
    // imaplib, `client.login("user", "…")`.
    (
        &["login("],
        r#"\.login\(\s*["'][^"'\s]+["']\s*,\s*["'](?P<v>[^"'\s]{6,})["']\s*\)"#,
        ValueCheck::Any,
    ),
    // `htpasswd -b [-c] FILE USER PASSWORD`
    (
        &["htpasswd"],
        r#"\bhtpasswd\s+(?:-[A-Za-z]+\s+)*?-[A-Za-z]*b[A-Za-z]*\s+(?:-[A-Za-z]+\s+)*[^\s-]\S*\s+\S+\s+['"]?(?P<v>[^\s'"]{6,})"#,
        ValueCheck::Any,
    ),
    // A Wi-Fi QR payload's password field: `WIFI:T:WPA;S:Cafe;P:secret;;`
    (
        &["wifi:"],
        r"(?i)\bWIFI:(?:[^;\n]*;)*?P:(?P<v>[^;\n]{6,});",
        ValueCheck::Any,
    ),
    // Key/value records (Postman environments, settings exports):
    // `{"key": "clientSecret", "value": "…"}`.
    (
        &["\"key\""],
        r#"(?i)"key"\s*:\s*"[^"]*(?:secret|token|password|passwd|api_?key)[^"]*"\s*,\s*"value"\s*:\s*"(?P<v>[^"\s]{8,})""#,
        ValueCheck::Credential,
    ),
    // PostgreSQL's ~/.pgpass line: host:port:database:user:password.
    (
        &["pgpass"],
        r"\bpgpass\b[^\n]*?\s(?:[^\s:]+):(?:\d+|\*):(?:[^\s:]+):(?:[^\s:]+):(?P<v>[^\s]{6,})",
        ValueCheck::Any,
    ),
];

/// What a shape's value must look like besides not being a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ValueCheck {
    /// The shape itself says it is a credential (`curl -u`, `IDENTIFIED BY`).
    Any,
    /// Prose: the value must look like a credential ("password is required"
    /// names no password).
    Credential,
    /// Prose where ordinary words follow as often ("reset your password to
    /// re-enable sign-in"): the value must look like a password itself (see
    /// `strong_password`).
    StrongPassword,
}

/// Values written after a word for "password" in prose, in any language: the
/// first token of the same clause, within a few words, that looks like a password
/// (see `strong_password`). No copula list is needed, so the rule holds for
/// languages whose word order we do not know ("รหัสผ่าน WiFi ที่ร้านคือ …").
fn prose_passwords(words: &AhoCorasick, text: &str, lower: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for m in words.find_overlapping_iter(lower) {
        let from = m.end();
        let rest = &text[from..];
        // The clause: at most 64 bytes, up to a line break or sentence end.
        // (`!` and `?` end it only before a space: passwords hold them.)
        let boundary_at_most = |n: usize| {
            let mut n = rest.len().min(n);
            while !rest.is_char_boundary(n) {
                n -= 1;
            }
            n
        };
        let limit = boundary_at_most(64);
        // A stop starting before the limit may end just past it.
        let window = &rest[..boundary_at_most(66)];
        let mut clause_end = window.find(['\n', '。']).unwrap_or(window.len());
        for stop in [". ", "! ", "? "] {
            if let Some(i) = window.find(stop) {
                clause_end = clause_end.min(i);
            }
        }
        let clause = &rest[..clause_end.min(limit)];
        // Each token's offset comes from the slice itself: a separator may be a
        // multi-byte space (NBSP before a French colon, U+3000).
        for token in clause.split(char::is_whitespace) {
            let start = from + (token.as_ptr() as usize - clause.as_ptr() as usize);
            let opened = token.trim_start_matches(['"', '\'', '`', ':', '(', '「']);
            let value = opened.trim_end_matches(['"', '\'', '`', ',', ';', '.', ')', '」', ':']);
            if value.is_empty() {
                continue;
            }
            if strong_password(value) && !is_placeholder(value) && !value.contains("://") {
                let lead = token.len() - opened.len();
                out.push((start + lead, start + lead + value.len()));
                break;
            }
        }
    }
    out
}

/// A token that looks like a password and not like a word or a number: at least
/// eight characters, mostly ASCII letters, digits and symbols, with a letter, a digit
/// and a symbol or both cases ("Tavasz#Hegy81", "Sakura_88!kz", "Ank4ra!Mavi").
fn strong_password(value: &str) -> bool {
    let b = value.as_bytes();
    let chars = value.chars().count();
    // Letters of other alphabets count as letters ("Midsommar#Äng25"); a token
    // mostly of them is a word of the prose, not a password.
    let ascii = b.iter().filter(|c| c.is_ascii()).count();
    if chars < 8 || b.len() > 64 || ascii * 4 < chars * 3 {
        return false;
    }
    let lower = value.chars().any(char::is_lowercase);
    let upper = value.chars().any(char::is_uppercase);
    let digit = b.iter().any(u8::is_ascii_digit);
    let symbol = b.iter().any(|c| c.is_ascii_punctuation());
    (lower || upper)
        && digit
        && (symbol || (lower && upper))
        && !b.iter().all(|c| c.is_ascii_hexdigit() || *c == b'-')
}

/// A value from prose is a credential when it has a digit or a symbol inside it
/// (the words that follow "password is" in a sentence have neither).
fn prose_value_is_credential(value: &str) -> bool {
    let inner = value.trim_end_matches(|c: char| !c.is_alphanumeric());
    inner
        .chars()
        .any(|c| c.is_ascii_digit() || !c.is_alphanumeric())
}

const BEARER: &str = r"(?i)\b(?:bearer|token)\s+(?P<value>[A-Za-z0-9._~+/\-]{16,}=*)";

/// Secret detector.
#[derive(Debug)]
pub struct SecretDetector {
    /// All known formats in one regex (one pass), and each anchored on its own to
    /// name the format of a match.
    known_any: Regex,
    known: Vec<(Arc<str>, Regex)>,
    /// Words that must occur for the assignment and bearer rules to be worth running.
    cue_words: Regex,
    pem: Regex,
    credential_url: Regex,
    assignment: Regex,
    /// Each shape's regex and check, in `OTHER_SHAPES`' order; a shape runs only
    /// if one of its gate words is in the text.
    other_shapes: Vec<(Regex, ValueCheck)>,
    /// Every gate word of `OTHER_SHAPES`, found in one pass over the lowercased
    /// text instead of one substring search per word.
    shape_words: AhoCorasick,
    /// The shape (index into `other_shapes`) of each pattern of `shape_words`.
    shape_of_word: Vec<usize>,
    bearer: Regex,
    /// `PASSWORD_WORDS`, every occurrence of each (overlapping), in one pass.
    password_words: AhoCorasick,
    name_pem: Arc<str>,
    name_url: Arc<str>,
    name_assignment: Arc<str>,
}

impl SecretDetector {
    pub fn new() -> Result<Self, BuildError> {
        let known = KNOWN
            .iter()
            .map(|&(name, pattern)| {
                Ok((
                    Arc::from(format!("secret:{name}")),
                    compile(name, &format!("^(?:{pattern})$"))?,
                ))
            })
            .collect::<Result<_, BuildError>>()?;
        let any: Vec<String> = KNOWN.iter().map(|(_, p)| format!("(?:{p})")).collect();
        // An alternation of plain literals: the regex engine searches it with a
        // vectorized multi-literal searcher, several times faster than an automaton
        // stepping through every byte.
        // The password words of other languages are cues too.
        let cues: Vec<String> = CUE_WORDS
            .iter()
            .chain(PASSWORD_WORDS)
            .map(|w| regex::escape(w))
            .collect();
        let (shape_of_word, shape_words): (Vec<usize>, Vec<&str>) = OTHER_SHAPES
            .iter()
            .enumerate()
            .flat_map(|(shape, (words, _, _))| words.iter().map(move |&w| (shape, w)))
            .unzip();
        Ok(SecretDetector {
            // The alternation's lazy DFA needs 4-8 MiB on the dev corpus; with
            // the default 2 MiB its cache was cleared and rebuilt several times a
            // prompt, and the scan as a whole took 1.7 times as long.
            known_any: compile_with_cache("secret_known", &any.join("|"), 16 << 20)?,
            known,
            cue_words: compile("secret_cues", &cues.join("|"))?,
            pem: compile("pem", PEM)?,
            credential_url: compile("credential_url", CREDENTIAL_URL)?,
            assignment: compile("secret_assignment", ASSIGNMENT)?,
            other_shapes: OTHER_SHAPES
                .iter()
                .map(|&(_, p, check)| Ok((compile("secret_shapes", p)?, check)))
                .collect::<Result<_, BuildError>>()?,
            shape_words: AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&shape_words)
                .map_err(|source| BuildError::Automaton {
                    detector: "secret_shape_words".to_string(),
                    source,
                })?,
            shape_of_word,
            bearer: compile("bearer", BEARER)?,
            password_words: AhoCorasickBuilder::new()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .match_kind(MatchKind::Standard)
                .build(PASSWORD_WORDS)
                .map_err(|source| BuildError::Automaton {
                    detector: "secret_password_words".to_string(),
                    source,
                })?,
            name_pem: Arc::from("secret:pem_private_key"),
            name_url: Arc::from("secret:credential_url"),
            name_assignment: Arc::from("secret:assignment"),
        })
    }
}

impl Detector for SecretDetector {
    fn name(&self) -> &str {
        "secrets"
    }

    fn detect(&self, input: &ScanInput<'_>, out: &mut Vec<Finding>) {
        let text = input.text();
        let mut push = |start: usize, end: usize, score: f32, detector: &Arc<str>| {
            out.push(Finding {
                start,
                end,
                label: Label::Secret,
                score,
                detector: detector.clone(),
            });
        };
        for m in self.known_any.find_iter(text) {
            let value = m.as_str();
            if !is_token(text, m.start(), m.end()) || is_example_token(value) {
                continue;
            }
            if let Some((name, _)) = self.known.iter().find(|(_, re)| re.is_match(value)) {
                push(m.start(), m.end(), 0.95, name);
            }
        }
        if input.has(Feature::Dashes5) {
            for m in self.pem.find_iter(text) {
                // "-----BEGIN PRIVATE KEY-----\n...\n-----END…": a placeholder
                // of the format, not a key (a real one holds hundreds of
                // base64 characters; 16 still counts a truncated paste).
                let body = m.as_str().splitn(3, "-----").nth(2).unwrap_or("");
                let key_chars = body
                    .bytes()
                    .take_while(|&c| c != b'-')
                    .filter(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/'))
                    .count();
                if key_chars < 16 {
                    continue;
                }
                push(m.start(), m.end(), 1.0, &self.name_pem);
            }
        }
        if input.has(Feature::SchemeSeparator) {
            for m in self.credential_url.find_iter(text) {
                let url = m.as_str();
                let end = m.start() + url.trim_end_matches(['.', ',', ';', ')', ']']).len();
                let url = &text[m.start()..end];
                if has_credentials(url) && !password_is_placeholder(url) {
                    push(m.start(), end, 0.95, &self.name_url);
                }
            }
        }
        // The cue words and the words each rule needs are looked for in the
        // lowercased text: one automaton without case folding (which can use a
        // vectorized prefilter), then plain substring tests.
        let lower = input.lowercase();
        if !self.cue_words.is_match(lower) {
            return;
        }
        let mut from = 0;
        while let Some(caps) = self.assignment.captures_at(text, from) {
            let (Some(whole), Some(name), Some(value)) =
                (caps.get(0), caps.name("name"), caps.name("value"))
            else {
                break;
            };
            from = whole.end();
            let quoted = caps.name("q").is_some_and(|q| !q.as_str().is_empty());
            let (start, mut end) = (value.start(), value.end());
            // An unquoted value ends at a closing bracket or quote of the surrounding code.
            if !quoted {
                end = start
                    + text[start..end]
                        .trim_end_matches([')', ']', '}', '.'])
                        .len();
                // In a form body or query string the next field starts at "&name=";
                // the search goes on there, for the fields after it.
                if let Some(i) = next_form_field(&text[start..end]) {
                    end = start + i;
                    from = end + 1;
                }
            }
            let v = &text[start..end];
            if !is_assignment(text, name.start(), name.end(), start, v) {
                continue;
            }
            if let Some(score) = assignment_score(name.as_str(), v) {
                // A password inside a connection string ("Server=…;Password=…;")
                // makes the whole string the credential.
                let (start, end) =
                    connection_string_around(text, name.start(), end).unwrap_or((start, end));
                push(start, end, score, &self.name_assignment);
            }
        }
        let mut present = vec![false; self.other_shapes.len()];
        for hit in self.shape_words.find_overlapping_iter(lower) {
            present[self.shape_of_word[hit.pattern().as_usize()]] = true;
        }
        for ((re, check), _) in self.other_shapes.iter().zip(&present).filter(|(_, &p)| p) {
            for caps in re.captures_iter(text) {
                if let Some(v) = caps.name("v") {
                    let value = v.as_str().trim_end_matches(['.', ')']);
                    // Markdown emphasis around it ("*Merlion-Sunset-2025*") is not part of it.
                    // A mark before it that does not close it is the password's own
                    // first character ("_Secret123").
                    let mut vstart = v.start();
                    let value = match text[..v.start()].chars().next_back() {
                        Some(mark @ ('*' | '_')) if value.ends_with(mark) => {
                            value.trim_end_matches(mark)
                        }
                        Some(mark @ ('*' | '_')) => {
                            vstart -= mark.len_utf8();
                            &text[vstart..v.start() + value.len()]
                        }
                        _ => value,
                    };
                    let plausible = match check {
                        ValueCheck::Any => true,
                        ValueCheck::Credential => prose_value_is_credential(value),
                        ValueCheck::StrongPassword => strong_password(value),
                    };
                    if plausible && !is_placeholder(value) && !value.contains("://") {
                        push(vstart, vstart + value.len(), 0.85, &self.name_assignment);
                    }
                }
            }
        }
        for (start, end) in prose_passwords(&self.password_words, text, lower) {
            push(start, end, 0.85, &self.name_assignment);
        }
        for (start, end) in k8s_secret_data(text) {
            push(start, end, 0.9, &self.name_assignment);
        }
        if !(lower.contains("bearer") || lower.contains("token")) {
            return;
        }
        for caps in self.bearer.captures_iter(text) {
            if let Some(v) = caps.name("value") {
                let value = v.as_str();
                if !is_placeholder(value) && validate::shannon_entropy(value) >= 3.0 {
                    push(v.start(), v.end(), 0.9, &self.name_assignment);
                }
            }
        }
    }
}

/// The values of a Kubernetes Secret's `data:` map: base64 of the secret itself
/// (`DATABASE_URL: cG9zdGdyZXM6Ly8…`). Certificates (`tls.crt`, `ca.crt`) are
/// public, and short values ("ZGVidWc=", "debug") are settings.
fn k8s_secret_data(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if !text.contains("kind: Secret") {
        return out;
    }
    let mut pos = 0;
    for document in text.split_inclusive("\n---") {
        if document.contains("kind: Secret") {
            secret_document_data(document, pos, &mut out);
        }
        pos += document.len();
    }
    out
}

/// The `data:` values of one YAML document at byte `offset` of the text.
fn secret_document_data(document: &str, offset: usize, out: &mut Vec<(usize, usize)>) {
    // The indentation of the `data:` key while inside its map.
    let mut data_indent: Option<usize> = None;
    let mut pos = offset;
    for line in document.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        let indent = content.len() - trimmed.len();
        if data_indent.is_some_and(|d| !trimmed.is_empty() && indent <= d) {
            data_indent = None;
        }
        if data_indent.is_none() {
            if trimmed == "data:" {
                data_indent = Some(indent);
            }
        } else if let Some((key, value)) = trimmed.split_once(':') {
            let v = value.trim().trim_matches(['"', '\'']);
            let certificate = key.ends_with(".crt") || key.to_ascii_lowercase().contains("cert");
            let base64 = v.len() >= 16
                && v.len() % 4 == 0
                && v.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'='));
            if !certificate && base64 {
                let after_key = indent + key.len() + 1;
                if let Some(i) = content[after_key..].find(v) {
                    let start = pos + after_key + i;
                    out.push((start, start + v.len()));
                }
            }
        }
        pos += line.len();
    }
}

/// Where the next field of a form body or query string ("&grant_type=…") starts
/// inside an unquoted value. An `&` not followed by a field name and `=` is part
/// of the value ("Simba&Nala-4471").
fn next_form_field(value: &str) -> Option<usize> {
    value.match_indices('&').map(|(i, _)| i).find(|&i| {
        let rest = &value[i + 1..];
        let name = rest
            .bytes()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
            .count();
        name > 0 && rest.as_bytes().get(name) == Some(&b'=')
    })
}

/// Names that say a value is a password (a part of the assignment's name).
const PASSWORD_NAMES: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "passwort",
    "kennwort",
    "contraseña",
    "senha",
    "wachtwoord",
    "pwd",
    "pass",
    "requirepass",
    "masterauth",
];

/// Whether a match of `ASSIGNMENT` assigns its value to its name. "pass" must be
/// a word of its own (not "passenger", "bypass"); a name and value apart by blanks
/// only ("requirepass s3cr3t…") must not be two other things side by side: a
/// log's next field ("reason=bad_password attempt=6"), the next quoted string
/// ("…/reset-password\" \"Mozilla/5.0"), a product token.
fn is_assignment(
    text: &str,
    name_start: usize,
    name_end: usize,
    value_start: usize,
    value: &str,
) -> bool {
    let name = text[name_start..name_end].to_ascii_lowercase();
    let only_pass = !PASSWORD_NAMES
        .iter()
        .chain(&["secret", "token", "key", "credential"])
        .any(|w| *w != "pass" && name.contains(w));
    let pass_segment = name
        .split(['_', '-', '.', '$'])
        .any(|segment| segment == "pass");
    let between = &text[name_end..value_start];
    let explicit = between.contains(['=', ':']);
    // "PASSENGER: TAN/WEIMING", "bypass", "compass"; and "pass" the verb
    // ("pass `--verbose` to see more") assigns nothing.
    if only_pass && !(pass_segment && explicit) {
        return false;
    }
    if explicit {
        return true;
    }
    let product_token = value.split_once('/').is_some_and(|(a, b)| {
        a.bytes().all(|c| c.is_ascii_alphabetic()) && b.starts_with(|c: char| c.is_ascii_digit())
    });
    !(value.contains('=') || between.starts_with(['"', '\'']) || product_token)
}

/// The connection string around a password assigned at `name_start..value_end`:
/// three or more `key=value` pairs joined by `;`, one of them naming the server
/// (ADO.NET / ODBC: `Server=tcp:db,1433;Database=x;User Id=u;Password=p;`), up to
/// the quotes or the line around it. The trailing `;` is not part of it.
fn connection_string_around(
    text: &str,
    name_start: usize,
    value_end: usize,
) -> Option<(usize, usize)> {
    let bound = |c: char| matches!(c, '"' | '\'' | '`' | '\n' | '\r');
    let start = text[..name_start].rfind(bound).map_or(0, |i| i + 1);
    let end = text[value_end..]
        .find(bound)
        .map_or(text.len(), |i| value_end + i);
    let segment = &text[start..end];
    let lead = segment.len() - segment.trim_start().len();
    let body = segment.trim().trim_end_matches(';');
    let pairs: Vec<&str> = body.split(';').collect();
    let is_pair = |p: &&str| {
        p.split_once('=').is_some_and(|(k, v)| {
            let k = k.trim();
            !k.is_empty()
                && !v.is_empty()
                && k.bytes()
                    .all(|c| c.is_ascii_alphabetic() || c == b' ' || c == b'_')
        })
    };
    let names_server = pairs.iter().any(|p| {
        let key = p
            .split('=')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        matches!(
            key.as_str(),
            "server" | "data source" | "host" | "hostname" | "address" | "addr" | "network address"
        )
    });
    (pairs.len() >= 3 && pairs.iter().all(is_pair) && names_server)
        .then(|| (start + lead, start + lead + body.len()))
}

/// Score of a value assigned to a credential-like name, or `None` if it is not a secret.
fn assignment_score(name: &str, value: &str) -> Option<f32> {
    // "password policy: …", "DB_PASSWORD\n  valueFrom:": a key, not a value.
    if is_placeholder(value) || value.contains("://") || is_reference(value) || value.ends_with(':')
    {
        return None;
    }
    let name = name.to_ascii_lowercase();
    let password_name = PASSWORD_NAMES.iter().any(|w| name.contains(w));
    // Names of things about credentials, not credentials: token_type, token_url, max_tokens…
    let meta_name = [
        "type", "url", "uri", "endpoint", "expir", "ttl", "length", "count", "max", "file", "path",
        "name", "id", "header", "policy", "format",
    ]
    .iter()
    .any(|w| name.ends_with(w));
    if meta_name && !password_name {
        return None;
    }
    let entropy = validate::shannon_entropy(value);
    if password_name {
        // Passwords are often low-entropy words with digits; anything real counts.
        return (value.len() >= 6 && value.chars().any(|c| !c.is_ascii_alphabetic())
            || entropy >= 3.0)
            .then_some(0.85);
    }
    (value.len() >= 16 && entropy >= 3.5 && value.chars().any(|c| c.is_ascii_digit()))
        .then_some(0.8)
}

/// Values that refer to a secret held elsewhere rather than being one.
fn is_reference(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    lower.starts_with("os.environ")
        || lower.starts_with("process.env")
        || lower.starts_with("env.")
        || lower.starts_with("getenv")
        || lower.starts_with("secrets.")
        || lower.starts_with("vault:")
        || lower.starts_with("arn:")
        || lower.starts_with("true")
        || lower.starts_with("false")
        || lower.starts_with("null")
        || lower.starts_with("none")
        || value.contains('(')
        // The name of a secret held elsewhere: `existingSecretPasswordKey: postgres-password`.
        || ["password", "passwd", "secret"].iter().any(|w| lower.contains(w))
}

/// Template values and examples: never real credentials.
pub(crate) fn is_placeholder(value: &str) -> bool {
    let starts = ['$', '{', '<', '%', '*', '[', '#'];
    if value.starts_with(starts) || value.ends_with(['>', '}']) {
        return true;
    }
    // YOUR_API_KEY, REPLACE_ME, API_TOKEN: upper-case words and underscores only.
    if value.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
        return true;
    }
    is_example_token(value)
}

/// A value in a known token format that is still an example: `sk-xxxx…`,
/// `…EXAMPLE`, a run of one character. (Upper-case-only is fine here: real AWS key
/// ids can be all letters.)
fn is_example_token(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    const MARKERS: &[&str] = &[
        "xxxx",
        "****",
        "....",
        "your",
        "example",
        "placeholder",
        "changeme",
        "change_me",
        "replace",
        "dummy",
        "redacted",
        "insert",
        "sample",
        "<",
        "todo",
        "fixme",
        "0000000000",
        "abcdef123",
        "1234567890",
    ];
    if MARKERS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    // Very few distinct characters: "aaaaaaaa", "sk-1111111111111111".
    let mut seen = [false; 256];
    let mut distinct = 0;
    for b in value.bytes() {
        if !seen[usize::from(b)] {
            seen[usize::from(b)] = true;
            distinct += 1;
        }
    }
    distinct <= 4
}

fn password_is_placeholder(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return true;
    };
    let at = rest.rfind('@').unwrap_or(0);
    let userinfo = &rest[..at];
    let password = userinfo.split_once(':').map_or("", |(_, p)| p);
    password.is_empty() || is_placeholder(password) || password.eq_ignore_ascii_case("password")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_has_gate_words() {
        // A shape without one would never run.
        assert!(OTHER_SHAPES.iter().all(|(words, _, _)| !words.is_empty()));
        let detector = SecretDetector::new().expect("compiles");
        assert_eq!(
            detector.shape_of_word.len(),
            detector.shape_words.patterns_len()
        );
    }

    fn found(text: &str) -> Vec<String> {
        let d = SecretDetector::new().unwrap();
        let input = ScanInput::new(text);
        let mut out = Vec::new();
        d.detect(&input, &mut out);
        let mut v: Vec<String> = out
            .into_iter()
            .filter(|f| f.score >= 0.5)
            .map(|f| text[f.start..f.end].to_string())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn known_formats() {
        for secret in [
            "AKIAIOSFODNN7EXAMPLF",
            "AKIAXMLWOOOXNMGVHHPF",
            "ghp_aBcD1234eFgH5678iJkL9012mNoP3456qRsT",
            "sk-proj-Abc123Def456Ghi789Jkl012Mno345Pqr678",
            "sk-ant-api03-DN-yFePo6y4yKHPKavI0UtmmruY8IaMnJe5MSPuyJdq4-bAqe0FFxKgupaHYplBy",
            "xoxb-483920175563-902847561034-AbCdEfGhIjKlMnOpQrStUvWx",
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
            "dop_v1_74bf20f876ffc474c0251908fcdce4b314f68d9dcbd7a085a368932ff2b2d409",
            "lin_api_bxa3HCmnwCYtlVj47RgPCTAEGmiC8MaSnQJsC3VU",
            "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",
            "PMAK-f010b8e9a5b5ab89c3049787-a5d33aa7e52a6e87316a58a2b4d98ebd9d",
            "AGE-SECRET-KEY-16Z6FVQ7MWZAJ4WYJ80ZZVMRQ782N0P6R84GS7RKWV88203GQLER303MR75",
            "whsec_x0A2DxICHDEeC2tFggfUKUEWYpYlTXQM",
            "NDQyNjY2NzA1NzAzOTg3NzY0.GOnJz4.VbHIjAtuYyFkLCXdmpyiYozCn4bDXofwsUa8sa",
        ] {
            let text = format!("key: '{secret}'");
            assert!(
                found(&text).contains(&secret.to_string()),
                "{secret}: {:?}",
                found(&text)
            );
        }
    }

    #[test]
    fn jwt_pem_and_urls() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assert_eq!(
            found(&format!("Authorization: Bearer {jwt}")),
            vec![jwt.to_string()]
        );
        let pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----";
        assert_eq!(
            found(&format!("key:\n{pem}\nthanks")),
            vec![pem.to_string()]
        );
        // the format written out, with no key in it
        assert!(found("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----").is_empty());
        let url = "postgres://admin:Maple@123@db.internal:5432/app";
        assert_eq!(
            found(&format!("DATABASE_URL={url}\nDEBUG=true")),
            vec![url.to_string()]
        );
        assert!(found("postgres://user:${DB_PASSWORD}@db:5432/app").is_empty());
        // a quote in the password, as percent-decoding leaves "Tiger%2764" (challenge 11)
        let url = "mongodb://admin:Tiger'64@localhost:27017/prod";
        assert_eq!(found(&format!("string {url} — do")), vec![url.to_string()]);
        assert!(found("see ['http://localhost:3000','ops@example.com']").is_empty());
    }

    #[test]
    fn assignments() {
        assert_eq!(
            found(r#"ADMIN_PASSWORD = "Summer!123x""#),
            vec!["Summer!123x"]
        );
        assert_eq!(
            found("aws_secret_access_key='wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLE1'"),
            Vec::<String>::new(),
            "EXAMPLE marks a documentation key"
        );
        assert_eq!(
            found("aws_secret_access_key='wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8r2Tk1'"),
            vec!["wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8r2Tk1"]
        );
        // "pass" on its own is a password's name
        assert_eq!(
            found("network: Casa_5G pass: Juniper_1684EZKRt"),
            vec!["Juniper_1684EZKRt"]
        );
        assert_eq!(found("DB_PASS=Wq9vR2tLm8x"), vec!["Wq9vR2tLm8x"]);
        // ... but not inside another word, nor side by side with another field
        for text in [
            "PASSENGER: TAN/WEIMING MR",
            "the compass: north30deg and bypass: abc12345",
            "user=okafor@aol.com reason=bad_password attempt=6",
            r#""GET /help/4412-reset-password" "Mozilla/5.0 (Windows NT 10.0)""#,
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
        // a password inside a connection string makes the whole string the secret
        assert_eq!(
            found(r#"cs = "Server=tcp:10.33.53.22,1433;Database=ledger;User Id=app;Password=Pylon9018wB2;Encrypt=True";"#),
            vec!["Server=tcp:10.33.53.22,1433;Database=ledger;User Id=app;Password=Pylon9018wB2;Encrypt=True"]
        );
    }

    /// Challenge-set regressions, named by their cause: credential shapes that
    /// were missed, and keys that were taken for values.
    #[test]
    fn regressions() {
        let cases: &[(&str, &[&str])] = &[
            (
                "curl -u deploy:Wq9!vR2#tLm8 https://x.io",
                &["Wq9!vR2#tLm8"],
            ),
            (
                "redis-server --requirepass r3d1s-S3cure-2024",
                &["r3d1s-S3cure-2024"],
            ),
            (
                r#"requests.get(u, auth=("svc_report", "Bx7$kP9!mQ2w"))"#,
                &["Bx7$kP9!mQ2w"],
            ),
            (
                r#"Client("AC0123456789abcdef0123456789abcdef", "e7c8772fe779f636238b27d6e04d18e3")"#,
                &["e7c8772fe779f636238b27d6e04d18e3"],
            ),
            ("$db_pass = 'Lantern_88_Moss';", &["Lantern_88_Moss"]),
            (
                "CREATE USER etl IDENTIFIED BY 'qW3rty!Etl2025';",
                &["qW3rty!Etl2025"],
            ),
            (
                "AccountName=x;AccountKey=jhjwvSiiQi4t6Pv7vzA9Ac0ikns/+ilV+UDXHl==;",
                &["jhjwvSiiQi4t6Pv7vzA9Ac0ikns/+ilV+UDXHl=="],
            ),
            ("Passwort: Sommer!2025-kr", &["Sommer!2025-kr"]),
            (
                "Authorization: Basic YWRtaW46V2ludGVyMjAyNCE=",
                &["YWRtaW46V2ludGVyMjAyNCE="],
            ),
            (
                "- name: DB_PASSWORD\n  value: \"k8s-Pg!Pass-4471\"",
                &["k8s-Pg!Pass-4471"],
            ),
            ("Write a password policy: at least 12 characters", &[]),
            ("existingSecretPasswordKey: postgres-password", &[]),
            ("- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
            assert_eq!(found(text), want, "{text}");
        }
    }

    /// Passwords in sentences (challenge2 ch2-0139, -0149, -0156); a sentence about
    /// passwords is not one.
    #[test]
    fn passwords_in_prose() {
        for (text, want) in [
            // letters of other alphabets inside, more languages' words
            (
                "användarnamn karin.n, lösenord Midsommar#Äng25, byt det",
                "Midsommar#Äng25",
            ),
            (
                "ID pengguna siti_a, kata laluan sementara Nasi-Lemak-88!, tukar",
                "Nasi-Lemak-88!",
            ),
            (
                "نام کاربری reza.k و رمز عبور Tehran@Bahar1404 است",
                "Tehran@Bahar1404",
            ),
            (
                "guest wifi password is now *Merlion-Sunset-2025* btw",
                "Merlion-Sunset-2025",
            ),
            // a leading underscore without a closing one is the password's own
            ("the password is _Secret123 now", "_Secret123"),
            // a multi-byte space before the value (French typography)
            (
                "Mon mot de passe\u{a0}: Soleil-Matin-77, merci",
                "Soleil-Matin-77",
            ),
            // shapes: a login call, htpasswd, a Wi-Fi QR payload, a key/value record,
            // a form body, a signing key
            (
                r#"server.login("notify@um.edu.my", "Kuala#Lumpur88")"#,
                "Kuala#Lumpur88",
            ),
            (
                "htpasswd -b /etc/nginx/.htpasswd ops Simba&Nala-4471",
                "Simba&Nala-4471",
            ),
            (
                "WIFI:T:WPA;S:Kahvila Aino;P:Kahvi-Pulla-2025;H:false;;",
                "Kahvi-Pulla-2025",
            ),
            (
                r#"{"key": "clientSecret", "value": "KdQQbswbg112WJ0pbs3YNxttoFAX2Xp252qIPFvKF6A"}"#,
                "KdQQbswbg112WJ0pbs3YNxttoFAX2Xp252qIPFvKF6A",
            ),
            (
                "username=wanjiru&password=Nairobi#2025&grant_type=password",
                "Nairobi#2025",
            ),
            (
                "JWT_SIGNING_KEY=d13294037d5d1fb9117818570d2496af9131e25f87958a87",
                "d13294037d5d1fb9117818570d2496af9131e25f87958a87",
            ),
            (
                "kind: Secret\ndata:\n  DATABASE_URL: cG9zdGdyZXNxbDovL2dhdGV3YXk6THAz\n  LOG_LEVEL: ZGVidWc=\n  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0t\nmetadata:\n  name: x",
                "cG9zdGdyZXNxbDovL2dhdGV3YXk6THAz",
            ),
            (
                "const uri = \"mongodb://reporting:Qx7vLm2pRt@mongo-0.db:27017,mongo-1.db:27017/analytics?replicaSet=rs0\";",
                "mongodb://reporting:Qx7vLm2pRt@mongo-0.db:27017,mongo-1.db:27017/analytics?replicaSet=rs0",
            ),
            (
                "EMAIL_URL=smtp+tls://postmaster@mg.kahawa.co.tz:Zanzibar-Spice-77@smtp.mailgun.org:587",
                "smtp+tls://postmaster@mg.kahawa.co.tz:Zanzibar-Spice-77@smtp.mailgun.org:587",
            ),
            (
                "url = jdbc:oracle:thin:hr_app/Tiger#2025@//db-ora.intra:1521/HRPROD",
                "jdbc:oracle:thin:hr_app/Tiger#2025@//db-ora.intra:1521/HRPROD",
            ),
            (
                "Mon mot de passe Wi-Fi est Soleil-Matin-77, merci",
                "Soleil-Matin-77",
            ),
            ("the password for the VPN is Tr0ub4dor&3 ok", "Tr0ub4dor&3"),
            (
                "User locked out; I reset the password to Falcon#tundra16 and told them",
                "Falcon#tundra16",
            ),
            ("user `qa-team` / pass `Stg#Qa2025!`, please", "Stg#Qa2025!"),
            (
                "My ~/.pgpass has db.internal:5432:app:app_user:Xr7!pQ2zLm9w — why?",
                "Xr7!pQ2zLm9w",
            ),
            ("Das Passwort ist Hund-Katze-42.", "Hund-Katze-42"),
            // other languages, without knowing their word order (challenge3)
            (
                "Hasło do Wi-Fi w biurze to Zielony-Kot-2025! — napisz kartkę",
                "Zielony-Kot-2025",
            ),
            (
                "A rendszergazdai jelszó: Tavasz#Hegy81. Hogyan",
                "Tavasz#Hegy81",
            ),
            (
                "Tài khoản: admin / mật khẩu Hoa$Sen2025. Hướng dẫn",
                "Hoa$Sen2025",
            ),
            (
                "รหัสผ่าน WiFi ที่ร้านคือ Mango!Sticky99 ช่วยทำป้าย",
                "Mango!Sticky99",
            ),
            (
                "共有フォルダのパスワードは Sakura_88!kz です。",
                "Sakura_88!kz",
            ),
            ("كلمة المرور للحساب هي Nakhla@2025x — كيف", "Nakhla@2025x"),
            ("sshpass -p 'Dk8!wQz2Lm' ssh deploy@host", "Dk8!wQz2Lm"),
            (
                r#"bot = telebot.TeleBot("7648200394:AAMOd-gZRj_dGm4RfsDIW10JqWmeh4q6qCQ")"#,
                "7648200394:AAMOd-gZRj_dGm4RfsDIW10JqWmeh4q6qCQ",
            ),
        ] {
            assert_eq!(found(text), vec![want.to_string()], "{text}");
        }
        for text in [
            "The password is required for login.",
            "the password for the admin account is stored in the vault",
            "pass `--verbose` to see more",
            "Your password is incorrect.",
            "Jak zmienić hasło do konta w banku?",
            "パスワードを忘れました。リセット方法を教えて",
            "şifre en az 8 karakter olmalı",
            "Please reset your password to re-enable sign-in.",
            "I changed my password to something longer",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn every_field_of_a_form_body_is_read() {
        let text = "grant_type=password&password=Nairobi#2025&client_secret=Zx9fK2mQ8vL1pR7tY3wE";
        assert_eq!(found(text), ["Nairobi#2025", "Zx9fK2mQ8vL1pR7tY3wE"]);
    }

    #[test]
    fn only_a_secret_documents_data_is_secret() {
        let text = "kind: ConfigMap\ndata:\n  gateway: paymentsGatewayA\n---\nkind: Secret\ndata:\n  DB: cG9zdGdyZXNxbDovL2dhdGV3YXk6THAz\n";
        assert_eq!(found(text), ["cG9zdGdyZXNxbDovL2dhdGV3YXk6THAz"]);
    }

    #[test]
    fn placeholders_are_not_secrets() {
        for text in [
            "API_KEY = YOUR_API_KEY",
            "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxx",
            "token: ${GITHUB_TOKEN}",
            "api_key: <your-token-here>",
            "password = os.environ['DB_PASSWORD']",
            "secret: {{ secrets.AWS_SECRET_ACCESS_KEY }}",
            "PASSWORD=$DB_PASSWORD",
            "password: ****",
            "max_tokens: 4096",
            "token_type: bearer_access",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
