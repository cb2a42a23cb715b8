//! Normalization before detection, so that obfuscation does not hide PII.
//!
//! Applied in one left-to-right pass: JSON `\uXXXX` escapes (with surrogate pairs)
//! and the short ones (`\n`, `\t`, `\r`, `\"`, `\/`, `\\`) of JSON pasted into a prompt,
//! percent-escapes of printable ASCII (`%40`), HTML character references (`&#64;`,
//! `&#x40;`, a few named ones) are decoded; zero-width and bidi control characters
//! (and the soft hyphen) are removed; every other character goes through NFKC, which
//! also folds fullwidth digits and letters; the decimal digits of other scripts
//! (Arabic-Indic, Devanagari, Thai …), which NFKC keeps, become ASCII digits.
//!
//! Invariant: every byte of the normalized text knows the byte range of the original
//! character(s) it came from, so [`Normalized::to_original`] maps any span of the
//! normalized text back to a span of the original that starts and ends on character
//! boundaries. Text that needs no change is borrowed, with no map at all.

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Text prepared for detection, with the way back to the original bytes.
#[derive(Debug)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// For each byte of `text`: the original byte range it was produced from.
    /// `None` when `text` is the original unchanged.
    map: Option<Vec<(u32, u32)>>,
}

impl<'a> Normalized<'a> {
    /// Normalize `original`. Texts over 4 GiB are not supported (offsets are `u32`);
    /// callers cap bodies far below that.
    pub fn new(original: &'a str) -> Self {
        if !needs_work(original) {
            return Normalized {
                text: Cow::Borrowed(original),
                map: None,
            };
        }
        let mut out = Builder::with_capacity(original.len());
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < original.len() {
            if let Some((decoded, len)) = decode_escape(original, i) {
                out.push_normalized(decoded, i, i + len);
                i += len;
                continue;
            }
            // Safe: `i` is always on a char boundary.
            let Some(c) = original[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            if c.is_ascii() {
                out.push_char(c, i, i + len);
                i += len;
                continue;
            }
            if is_invisible(c) {
                i += len;
                continue;
            }
            if let Some(d) = native_digit(c) {
                out.push_char(d, i, i + len);
                i += len;
                continue;
            }
            // NFKC over a starter and its following combining marks.
            let mut end = i + len;
            while end < bytes.len() {
                match original[end..].chars().next() {
                    Some(m) if is_combining(m) => end += m.len_utf8(),
                    _ => break,
                }
            }
            let chunk = &original[i..end];
            for n in chunk.nfkc() {
                if !is_invisible(n) {
                    out.push_char(n, i, end);
                }
            }
            i = end;
        }
        Normalized {
            text: Cow::Owned(out.text),
            map: Some(out.map),
        }
    }

    /// The normalized text detectors run on.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether normalization changed anything.
    pub fn is_identity(&self) -> bool {
        self.map.is_none()
    }

    /// Map a byte span of the normalized text to the span of the original text it
    /// came from. `start < end` and both within the normalized text.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.map {
            None => (start, end),
            Some(map) => {
                let s = map[start].0 as usize;
                let e = map[end - 1].1 as usize;
                (s, e)
            }
        }
    }
}

struct Builder {
    text: String,
    map: Vec<(u32, u32)>,
}

impl Builder {
    fn with_capacity(n: usize) -> Self {
        Builder {
            text: String::with_capacity(n),
            map: Vec::with_capacity(n),
        }
    }

    fn push_char(&mut self, c: char, src_start: usize, src_end: usize) {
        self.text.push(c);
        let range = (src_start as u32, src_end as u32);
        for _ in 0..c.len_utf8() {
            self.map.push(range);
        }
    }

    /// Push a decoded character, itself NFKC-normalized (a decoded `&#xFF10;` is a
    /// fullwidth digit that must fold too).
    fn push_normalized(&mut self, c: char, src_start: usize, src_end: usize) {
        if c.is_ascii() {
            self.push_char(c, src_start, src_end);
            return;
        }
        if is_invisible(c) {
            return;
        }
        for n in std::iter::once(c).nfkc() {
            self.push_char(n, src_start, src_end);
        }
    }
}

/// Cheap test for the common case: nothing to decode, remove or fold.
fn needs_work(s: &str) -> bool {
    if memchr::memchr3(b'\\', b'%', b'&', s.as_bytes()).is_some() {
        return true;
    }
    if s.is_ascii() {
        return false;
    }
    s.chars()
        .any(|c| is_invisible(c) || native_digit(c).is_some())
        || is_nfkc_quick(s.chars()) != IsNormalized::Yes
}

/// The ASCII digit for a decimal digit of another script (Arabic-Indic ٠–٩,
/// Persian ۰–۹, Devanagari ०–९, Bengali, Thai ๐–๙ …), which NFKC leaves alone:
/// "٠٥٠ ٣١٨ ٤٤٧٤" is a phone number like "050 318 4474".
fn native_digit(c: char) -> Option<char> {
    // The first code point (zero) of each script's ten decimal digits.
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810,
    ];
    let cp = u32::from(c);
    if cp < 0x0660 {
        return None;
    }
    ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&cp))
        .and_then(|&z| char::from_digit(cp - z, 10))
}

/// Zero-width characters, bidi controls and the soft hyphen: invisible, and used
/// to split a value so that patterns miss it.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::canonical_combining_class(c) != 0
}

/// Decode an escape starting at byte `i`: returns the character and the length of
/// the escape in the original.
fn decode_escape(s: &str, i: usize) -> Option<(char, usize)> {
    let b = s.as_bytes();
    match b[i] {
        b'\\' => decode_json_escape(b, i),
        b'%' => {
            let v = hex_value(b.get(i + 1..i + 3)?)?;
            // Printable ASCII only: decoding %20 or %0A would split a URL in two,
            // and multi-byte sequences are rare in obfuscation.
            (0x21..=0x7e).contains(&v).then(|| (char::from(v as u8), 3))
        }
        b'&' => decode_html_entity(s, i),
        _ => None,
    }
}

fn hex_value(digits: &[u8]) -> Option<u32> {
    let mut v: u32 = 0;
    for &d in digits {
        v = v * 16 + char::from(d).to_digit(16)?;
    }
    Some(v)
}

fn decode_json_escape(b: &[u8], i: usize) -> Option<(char, usize)> {
    // JSON pasted into a prompt keeps its escapes: "…?\nPassport: F67925790\n…"
    // glues an "n" to the next word. The escaped backslash is decoded too, so
    // that in `\\n` the "n" stays a letter.
    let short = match b.get(i + 1)? {
        b'n' => Some('\n'),
        b't' => Some('\t'),
        b'r' => Some('\r'),
        b'"' => Some('"'),
        b'/' => Some('/'),
        b'\\' => Some('\\'),
        _ => None,
    };
    if let Some(c) = short {
        return Some((c, 2));
    }
    if b.get(i + 1) != Some(&b'u') {
        return None;
    }
    let hi = hex_value(b.get(i + 2..i + 6)?)?;
    if (0xD800..0xDC00).contains(&hi) {
        // A surrogate pair: `\uD83D\uDE00`.
        if b.get(i + 6) == Some(&b'\\') && b.get(i + 7) == Some(&b'u') {
            let lo = hex_value(b.get(i + 8..i + 12)?)?;
            if (0xDC00..0xE000).contains(&lo) {
                let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                return char::from_u32(c).map(|c| (c, 12));
            }
        }
        return None;
    }
    let c = char::from_u32(hi)?;
    (!c.is_control()).then_some((c, 6))
}

const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("commat", '@'),
    ("period", '.'),
    ("colon", ':'),
    ("sol", '/'),
    ("plus", '+'),
    ("hyphen", '-'),
    ("dash", '-'),
    ("lowbar", '_'),
];

fn decode_html_entity(s: &str, i: usize) -> Option<(char, usize)> {
    let rest = &s.as_bytes()[i + 1..];
    let semi = rest.iter().take(12).position(|&c| c == b';')?;
    let body = std::str::from_utf8(&rest[..semi]).ok()?;
    let len = semi + 2;
    if let Some(num) = body.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() => u32::from_str_radix(hex, 16).ok()?,
            _ if !num.is_empty() => num.parse().ok()?,
            _ => return None,
        };
        let c = char::from_u32(v)?;
        return (!c.is_control()).then_some((c, len));
    }
    NAMED_ENTITIES
        .iter()
        .find(|(name, _)| *name == body)
        .map(|&(_, c)| (c, len))
}

/// Convert a UTF-8 byte offset of `text` into a code-point offset: the one
/// conversion at the evaluation boundary (Python `str` indices).
pub fn byte_to_char_offset(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text.char_indices().take_while(|&(i, _)| i < byte).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalized::new(s).as_str().to_string()
    }

    #[test]
    fn plain_text_is_borrowed() {
        let n = Normalized::new("hello world 123");
        assert!(n.is_identity());
        assert_eq!(n.to_original(6, 11), (6, 11));
    }

    #[test]
    fn decodes_escapes() {
        assert_eq!(norm(r"jane\u0040example.com"), "jane@example.com");
        assert_eq!(norm("jane%40example.com"), "jane@example.com");
        assert_eq!(norm("jane&#64;example&#x2E;com"), "jane@example.com");
        assert_eq!(norm("jane&commat;example.com"), "jane@example.com");
        // JSON's short escapes: a pasted request body's "\n" is a line break
        assert_eq!(
            norm(r#"answers?\nPassport: F67925790\n\"ok\" https:\/\/x.io"#),
            "answers?\nPassport: F67925790\n\"ok\" https://x.io"
        );
        // an escaped backslash before "n" leaves the "n" a letter
        assert_eq!(norm(r"C:\\new"), r"C:\new");
        assert_eq!(norm(r"\ud83d\ude00"), "😀");
        // not escapes
        assert_eq!(norm("100% & more"), "100% & more");
        assert_eq!(norm(r"C:\users"), r"C:\users");
        assert_eq!(norm("a%20b"), "a%20b");
    }

    #[test]
    fn folds_and_strips() {
        assert_eq!(norm("４０１０２３２１３７"), "4010232137");
        assert_eq!(norm("40\u{200B}10\u{2066}23"), "401023");
        assert_eq!(norm("ﬁle"), "file");
        // other scripts' decimal digits, mapped back to their own bytes
        assert_eq!(norm("٠٥٠ ٣١٨ ٤٤٧٤"), "050 318 4474");
        assert_eq!(norm("०९८४८१ ३७७२६"), "098481 37726");
        assert_eq!(norm("๑๒"), "12");
        let n = Normalized::new("tel ٠٥٠");
        assert_eq!(n.to_original(4, 7), (4, 10));
    }

    #[test]
    fn maps_back_to_original() {
        let original = "mail: jane\\u0040ex.com!";
        let n = Normalized::new(original);
        let text = n.as_str();
        let start = text.find("jane").unwrap();
        let end = text.find('!').unwrap();
        let (s, e) = n.to_original(start, end);
        assert_eq!(&original[s..e], "jane\\u0040ex.com");

        let original = "№ ４０１\u{200B}０２３";
        let n = Normalized::new(original);
        let text = n.as_str();
        let start = text.find('4').unwrap();
        let (s, e) = n.to_original(start, text.len());
        assert_eq!(&original[s..e], "４０１\u{200B}０２３");
    }

    #[test]
    fn code_point_offsets() {
        let t = "Zoë → 12";
        assert_eq!(byte_to_char_offset(t, 0), 0);
        assert_eq!(byte_to_char_offset(t, t.find('→').unwrap()), 4);
        assert_eq!(byte_to_char_offset(t, t.len()), t.chars().count());
    }
}
