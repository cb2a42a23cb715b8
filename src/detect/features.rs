//! Cheap facts about a text, computed in one pass over its bytes, that tell each
//! detector whether its (costlier) regexes could match at all. A prompt without an
//! `@` needs no e-mail regex; one without `://` no URL-with-scheme regex.

/// One fact a detector can ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum Feature {
    /// `@`
    At = 1 << 0,
    /// `:`
    Colon = 1 << 1,
    /// digit `:` digit
    DigitColonDigit = 1 << 2,
    /// `://`
    SchemeSeparator = 1 << 3,
    /// `www.` (any case)
    Www = 1 << 4,
    /// `/`
    Slash = 1 << 5,
    /// a run of at least 26 ASCII letters/digits
    LongAlnumRun = 1 << 6,
    /// letter, letter, digit, digit (an IBAN's start)
    IbanHead = 1 << 7,
    /// hex pair, separator, hex pair, the same separator (a MAC address's start)
    HexPairSeparator = 1 << 8,
    /// a digit 1–9, a letter, a letter or digit, a digit (an MBI's start)
    DigitLetter = 1 << 9,
    /// `0x`
    HexPrefix = 1 << 10,
    /// `bc1` or `tb1` (any case)
    Bech32Prefix = 1 << 11,
    /// `-----` (PEM armour)
    Dashes5 = 1 << 12,
    /// a line break
    Newline = 1 << 13,
    /// `,` `;` tab or `|`
    TableDelimiter = 1 << 14,
    /// `at` or `AT` as a word or in brackets, or ` @ `
    AtWord = 1 << 15,
    /// a digit followed (maybe after a space) by `a`/`p` (9am, 5 PM)
    Meridiem = 1 << 16,
    /// any ASCII digit
    Digit = 1 << 17,
    /// any byte outside ASCII
    NonAscii = 1 << 18,
    /// at least seven ASCII digits in all (a phone number's minimum)
    Digits7 = 1 << 19,
    /// at least nine ASCII digits in all (an SSN's, NHS or card number's minimum)
    Digits9 = 1 << 20,
}

/// The set of features present in a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Features(u32);

impl Features {
    /// Whether `f` is present.
    pub fn has(self, f: Feature) -> bool {
        self.0 & f as u32 != 0
    }

    /// Compute the features of `text` in one pass. Letters only extend the
    /// alphanumeric run; every other check is triggered by a digit or punctuation
    /// byte and looks a few bytes around it.
    pub fn of(text: &str) -> Features {
        let b = text.as_bytes();
        let at = |i: usize| b.get(i).copied().unwrap_or(0);
        let back = |i: usize, k: usize| if i >= k { b[i - k] } else { 0 };
        let mut bits = 0u32;
        let mut digits = 0usize;
        // Start of the current run of ASCII letters and digits.
        let mut run_start = 0usize;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_alphabetic() {
                // Most bytes are letters: skip them eight at a time.
                i = skip_letters(b, i + 1);
                if i - run_start >= 26 {
                    bits |= Feature::LongAlnumRun as u32;
                }
                continue;
            }
            if c == b' ' {
                // The next most common byte; all it can start is " at ".
                run_start = i + 1;
                if at(i + 1) | 0x20 == b'a'
                    && at(i + 2) | 0x20 == b't'
                    && matches!(at(i + 3), b' ' | b']' | b')' | b'}' | b'>')
                {
                    bits |= Feature::AtWord as u32;
                }
                i += 1;
                continue;
            }
            if c.is_ascii_digit() {
                digits += 1;
                if i + 1 - run_start >= 26 {
                    bits |= Feature::LongAlnumRun as u32;
                }
                bits |= Feature::Digit as u32;
                let next = at(i + 1);
                // An MBI's start: digit 1-9, letter, letter or digit, digit.
                if next.is_ascii_alphabetic()
                    && c != b'0'
                    && at(i + 2).is_ascii_alphanumeric()
                    && at(i + 3).is_ascii_digit()
                {
                    bits |= Feature::DigitLetter as u32;
                }
                if matches!(next | 0x20, b'a' | b'p')
                    || (next == b' ' && matches!(at(i + 2) | 0x20, b'a' | b'p'))
                {
                    bits |= Feature::Meridiem as u32;
                }
                if c == b'0' && next | 0x20 == b'x' {
                    bits |= Feature::HexPrefix as u32;
                }
                if c == b'1'
                    && matches!(back(i, 1) | 0x20, b'c')
                    && matches!(back(i, 2) | 0x20, b'b' | b't')
                {
                    bits |= Feature::Bech32Prefix as u32;
                }
                if next.is_ascii_digit()
                    && back(i, 1).is_ascii_alphabetic()
                    && back(i, 2).is_ascii_alphabetic()
                {
                    bits |= Feature::IbanHead as u32;
                }
                i += 1;
                continue;
            }
            run_start = i + 1;
            match c {
                b'@' => {
                    bits |= Feature::At as u32;
                    if back(i, 1) == b' ' && at(i + 1) == b' ' {
                        bits |= Feature::AtWord as u32;
                    }
                }
                b':' => {
                    bits |= Feature::Colon as u32;
                    if at(i + 1) == b'/' && at(i + 2) == b'/' {
                        bits |= Feature::SchemeSeparator as u32;
                    }
                    if back(i, 1).is_ascii_digit() && at(i + 1).is_ascii_digit() {
                        bits |= Feature::DigitColonDigit as u32;
                    }
                }
                b'/' => bits |= Feature::Slash as u32,
                b'\n' => bits |= Feature::Newline as u32,
                b',' | b';' | b'\t' | b'|' => bits |= Feature::TableDelimiter as u32,
                b'.' if (back(i, 1) | 0x20) == b'w'
                    && (back(i, 2) | 0x20) == b'w'
                    && (back(i, 3) | 0x20) == b'w' =>
                {
                    bits |= Feature::Www as u32
                }
                b'-' if i >= 4 && b[i - 4..i] == *b"----" => bits |= Feature::Dashes5 as u32,
                // "at" as a word or in brackets: " at ", "[at]", "(at)".
                b' ' | b'[' | b'(' | b'{' | b'<' => {
                    let word = at(i + 1) | 0x20 == b'a' && at(i + 2) | 0x20 == b't';
                    let after = at(i + 3);
                    if word && (matches!(after, b' ' | b']' | b')' | b'}' | b'>') || c != b' ') {
                        bits |= Feature::AtWord as u32;
                    }
                }
                0x80..=0xFF => bits |= Feature::NonAscii as u32,
                _ => {}
            }
            // A MAC address's start: two hex pairs and a second separator of the
            // same kind (00:1A:2B), or Cisco's dotted quads (0012.3456.789A).
            let hex = |k: usize| at(k).is_ascii_hexdigit();
            if matches!(c, b':' | b'-' | b'.')
                && back(i, 1).is_ascii_hexdigit()
                && back(i, 2).is_ascii_hexdigit()
                && hex(i + 1)
                && hex(i + 2)
                && (at(i + 3) == c
                    || (c == b'.'
                        && hex(i + 3)
                        && hex(i + 4)
                        && at(i + 5) == b'.'
                        && back(i, 3).is_ascii_hexdigit()
                        && back(i, 4).is_ascii_hexdigit()))
            {
                bits |= Feature::HexPairSeparator as u32;
            }
            i += 1;
        }
        if digits >= 7 {
            bits |= Feature::Digits7 as u32;
        }
        if digits >= 9 {
            bits |= Feature::Digits9 as u32;
        }
        Features(bits)
    }
}

/// The index of the first byte at or after `i` that is not an ASCII letter (or
/// `b.len()`), looking at eight bytes at once.
fn skip_letters(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let others = non_letters(u64::from_le_bytes(chunk));
        if others != 0 {
            return i + others.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// The high bit of each byte of `w` that is not an ASCII letter. Folding the case
/// bit maps letters, and only letters, into `a..=z`; the sums cannot carry from one
/// byte into the next because the high bits are cleared first.
fn non_letters(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let folded = (w | (0x20 * ONES)) & !HIGH;
    let from_a = folded + (0x80 - u64::from(b'a')) * ONES;
    let past_z = folded + (0x80 - u64::from(b'z') - 1) * ONES;
    let letters = from_a & !past_z & !w & HIGH;
    !letters & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features() {
        let f = Features::of(
            "mail jo@x.io at 9am, see https://www.x.io/a DE89 00:1A:2B 0xAB bc1q 1EG4",
        );
        for feat in [
            Feature::At,
            Feature::Meridiem,
            Feature::TableDelimiter,
            Feature::SchemeSeparator,
            Feature::Www,
            Feature::Slash,
            Feature::IbanHead,
            Feature::HexPairSeparator,
            Feature::HexPrefix,
            Feature::Bech32Prefix,
            Feature::DigitLetter,
            Feature::AtWord,
            Feature::Digit,
        ] {
            assert!(f.has(feat), "{feat:?}");
        }
        let f = Features::of("plain words only here");
        assert_eq!(f, Features::default());
        assert!(Features::of("-----BEGIN").has(Feature::Dashes5));
        assert!(Features::of("jane [at] x").has(Feature::AtWord));
        assert!(!Features::of("the cat sat").has(Feature::AtWord));
        assert!(Features::of("12:30").has(Feature::DigitColonDigit));
        assert!(Features::of(&"a".repeat(26)).has(Feature::LongAlnumRun));
    }

    #[test]
    fn letters_are_skipped_exactly() {
        for c in 0..=255u8 {
            let mut chunk = *b"abcdefgh";
            for k in 0..8 {
                chunk[k] = c;
                let want = chunk
                    .iter()
                    .position(|c| !c.is_ascii_alphabetic())
                    .unwrap_or(8);
                assert_eq!(skip_letters(&chunk, 0), want, "byte {c:#x} at {k}");
                chunk[k] = b'q';
            }
        }
        assert_eq!(skip_letters(b"HelloWorld 1", 0), 10);
        assert_eq!(skip_letters(b"ab", 0), 2);
    }
}
