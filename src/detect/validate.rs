//! Checksum and structure validators. Each takes the candidate as it appears in
//! the text (separators included) and answers whether it is a well-formed value
//! of its kind. Pure functions, no allocation beyond small buffers.

use sha2::{Digest, Sha256};

/// The ASCII digits of `s`, ignoring everything else.
pub fn digits(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

/// Up to 32 ASCII digits of a string, kept on the stack: validators run once per
/// candidate and must not allocate. More than 32 digits read as 32 plus a marker
/// digit, which no validator here accepts by length.
struct DigitBuf {
    d: [u8; 33],
    n: usize,
}

impl std::ops::Deref for DigitBuf {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.d[..self.n]
    }
}

fn digit_buf(s: &str) -> DigitBuf {
    let mut buf = DigitBuf { d: [0; 33], n: 0 };
    for b in s.bytes().filter(u8::is_ascii_digit) {
        if buf.n == 33 {
            break;
        }
        buf.d[buf.n] = b - b'0';
        buf.n += 1;
    }
    buf
}

/// Luhn (mod 10) check over the digits of `s`.
pub fn luhn(s: &str) -> bool {
    let mut sum = 0u32;
    let mut n = 0usize;
    for b in s.bytes().rev().filter(u8::is_ascii_digit) {
        let x = u32::from(b - b'0');
        sum += if n % 2 == 1 {
            let y = x * 2;
            if y > 9 {
                y - 9
            } else {
                y
            }
        } else {
            x
        };
        n += 1;
    }
    n > 0 && sum % 10 == 0
}

/// A payment card number: a known issuer range with a length that issuer uses,
/// and a valid Luhn check digit.
pub fn credit_card(s: &str) -> bool {
    let d = digit_buf(s);
    let n = d.len();
    if !(12..=19).contains(&n) || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let prefix = |k: usize| d[..k].iter().fold(0u32, |acc, &x| acc * 10 + u32::from(x));
    let issuer_ok = match d[0] {
        // UATP
        1 => n == 15,
        // Mastercard 2-series, Mir (2200–2204)
        2 => {
            ((2221..=2720).contains(&prefix(4)) && n == 16)
                || ((2200..=2204).contains(&prefix(4)) && (16..=19).contains(&n))
        }
        3 => {
            let p2 = prefix(2);
            let p3 = prefix(3);
            let p4 = prefix(4);
            ((p2 == 34 || p2 == 37) && n == 15)
                || ((300..=305).contains(&p3) && (14..=19).contains(&n))
                || ((p2 == 36 || p2 == 38 || p2 == 39) && (14..=19).contains(&n))
                || ((3528..=3589).contains(&p4) && (16..=19).contains(&n))
        }
        // Visa (and Visa Electron)
        4 => n == 13 || n == 16 || n == 19,
        5 => {
            let p2 = prefix(2);
            ((51..=55).contains(&p2) && n == 16)
                // Maestro, Dankort and other debit ranges
                || ((p2 == 50 || (56..=59).contains(&p2)) && (12..=19).contains(&n))
        }
        // Discover, UnionPay, Maestro, RuPay
        6 => (12..=19).contains(&n),
        _ => false,
    };
    issuer_ok && luhn(s)
}

/// IBAN length and BBAN structure per country (SWIFT IBAN registry).
/// Structure codes: `n` digits, `a` upper-case letters, `c` upper-case alphanumerics.
const IBAN_FORMATS: &[(&str, &str)] = &[
    ("AD", "4n4n12c"),
    ("AE", "3n16n"),
    ("AL", "8n16c"),
    ("AT", "5n11n"),
    ("AZ", "4a20c"),
    ("BA", "3n3n8n2n"),
    ("BE", "3n7n2n"),
    ("BG", "4a4n2n8c"),
    ("BH", "4a14c"),
    ("BI", "5n5n11n2n"),
    ("BR", "8n5n10n1a1c"),
    ("BY", "4c4n16c"),
    ("CH", "5n12c"),
    ("CR", "4n14n"),
    ("CY", "3n5n16c"),
    ("CZ", "4n6n10n"),
    ("DE", "8n10n"),
    ("DJ", "5n5n11n2n"),
    ("DK", "4n9n1n"),
    ("DO", "4c20n"),
    ("EE", "2n2n11n1n"),
    ("EG", "4n4n17n"),
    ("ES", "4n4n1n1n10n"),
    ("FI", "3n11n"),
    ("FK", "2a12n"),
    ("FO", "4n9n1n"),
    ("FR", "5n5n11c2n"),
    ("GB", "4a6n8n"),
    ("GE", "2a16n"),
    ("GI", "4a15c"),
    ("GL", "4n9n1n"),
    ("GR", "3n4n16c"),
    ("GT", "4c20c"),
    ("HR", "7n10n"),
    ("HU", "3n4n1n15n1n"),
    ("IE", "4a6n8n"),
    ("IL", "3n3n13n"),
    ("IQ", "4a3n12n"),
    // Iran (شبا): not in the SWIFT registry, used by its banks
    ("IR", "22n"),
    ("IS", "4n2n6n10n"),
    ("IT", "1a5n5n12c"),
    ("JO", "4a4n18c"),
    ("KW", "4a22c"),
    ("KZ", "3n13c"),
    ("LB", "4n20c"),
    ("LC", "4a24c"),
    ("LI", "5n12c"),
    ("LT", "5n11n"),
    ("LU", "3n13c"),
    ("LV", "4a13c"),
    ("LY", "3n3n15n"),
    ("MC", "5n5n11c2n"),
    ("MD", "2c18c"),
    ("ME", "3n13n2n"),
    ("MK", "3n10c2n"),
    ("MN", "4n12n"),
    ("MR", "5n5n11n2n"),
    ("MT", "4a5n18c"),
    ("MU", "4a2n2n12n3n3a"),
    ("NI", "4a20n"),
    ("NL", "4a10n"),
    ("NO", "4n6n1n"),
    ("OM", "3n16c"),
    ("PK", "4a16c"),
    ("PL", "8n16n"),
    ("PS", "4a21c"),
    ("PT", "4n4n11n2n"),
    ("QA", "4a21c"),
    ("RO", "4a16c"),
    ("RS", "3n13n2n"),
    ("RU", "9n5n15c"),
    ("SA", "2n18c"),
    ("SC", "4a2n2n16n3a"),
    ("SD", "2n12n"),
    ("SE", "3n16n1n"),
    ("SI", "5n8n2n"),
    ("SK", "4n6n10n"),
    ("SM", "1a5n5n12c"),
    ("SO", "4n3n12n"),
    ("ST", "8n11n2n"),
    ("SV", "4a20n"),
    ("TL", "3n14n2n"),
    ("TN", "2n3n13n2n"),
    ("TR", "5n1n16c"),
    ("UA", "6n19c"),
    ("VA", "3n15n"),
    ("VG", "4a16n"),
    ("XK", "4n10n2n"),
    ("YE", "4a4n18c"),
];

fn iban_format(country: &str) -> Option<&'static str> {
    IBAN_FORMATS
        .iter()
        .find(|(c, _)| *c == country)
        .map(|(_, f)| *f)
}

/// Total IBAN length for a country code, if the country uses IBANs.
pub fn iban_length(country: &str) -> Option<usize> {
    iban_format(country).map(|f| 4 + bban_length(f))
}

fn bban_length(format: &str) -> usize {
    let mut total = 0;
    let mut n = 0;
    for b in format.bytes() {
        if b.is_ascii_digit() {
            n = n * 10 + usize::from(b - b'0');
        } else {
            total += n;
            n = 0;
        }
    }
    total
}

fn bban_matches(format: &str, bban: &[u8]) -> bool {
    let mut pos = 0;
    let mut n = 0;
    for b in format.bytes() {
        if b.is_ascii_digit() {
            n = n * 10 + usize::from(b - b'0');
            continue;
        }
        let Some(part) = bban.get(pos..pos + n) else {
            return false;
        };
        let ok = match b {
            b'n' => part.iter().all(u8::is_ascii_digit),
            b'a' => part.iter().all(u8::is_ascii_uppercase),
            _ => part
                .iter()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()),
        };
        if !ok {
            return false;
        }
        pos += n;
        n = 0;
    }
    pos == bban.len()
}

/// An IBAN (compact or grouped): known country, exact length, BBAN structure and
/// a mod-97 remainder of 1.
pub fn iban(s: &str) -> bool {
    let compact: Vec<u8> = s
        .bytes()
        .filter(|b| !matches!(b, b' ' | b'-' | b'\n' | b'\r'))
        .collect();
    if compact.len() < 5 || !compact[..2].iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    if !compact[2..4].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let Ok(country) = std::str::from_utf8(&compact[..2]) else {
        return false;
    };
    let Some(format) = iban_format(country) else {
        return false;
    };
    if compact.len() != 4 + bban_length(format) || !bban_matches(format, &compact[4..]) {
        return false;
    }
    let rearranged = compact[4..].iter().chain(compact[..4].iter());
    let mut rem: u32 = 0;
    for &c in rearranged {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return false,
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// An Australian Medicare card number: 10 digits (11 with the individual
/// reference), the first 2–6, the ninth the check digit of the first eight
/// weighted 1, 3, 7, 9, 1, 3, 7, 9 (mod 10).
pub fn medicare_au(s: &str) -> bool {
    let d = digit_buf(s);
    if !(10..=11).contains(&d.len()) || !(2..=6).contains(&d[0]) {
        return false;
    }
    let sum: u32 = d[..8]
        .iter()
        .zip([1u32, 3, 7, 9, 1, 3, 7, 9])
        .map(|(&x, w)| u32::from(x) * w)
        .sum();
    sum % 10 == u32::from(d[8])
}

/// UK NHS number: 10 digits whose tenth is the mod-11 check digit of the first nine.
pub fn nhs(s: &str) -> bool {
    let d = digit_buf(s);
    if d.len() != 10 || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let sum: u32 = d[..9]
        .iter()
        .enumerate()
        .map(|(i, &x)| u32::from(x) * (10 - i as u32))
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == u32::from(d[9])
}

/// Well-known SSNs that were published as samples (and so are never a person's).
const SAMPLE_SSNS: &[&str] = &["078051120", "219099999", "457555462", "123456789"];

/// US SSN: area not 000, 666 or 9xx; group not 00; serial not 0000; not a
/// published sample number; not all one digit.
pub fn us_ssn(s: &str) -> bool {
    let d = digit_buf(s);
    if d.len() != 9 || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let area = u32::from(d[0]) * 100 + u32::from(d[1]) * 10 + u32::from(d[2]);
    let group = u32::from(d[3]) * 10 + u32::from(d[4]);
    let serial = d[5..].iter().fold(0u32, |a, &x| a * 10 + u32::from(x));
    let sample = SAMPLE_SSNS
        .iter()
        .any(|sample| sample.bytes().zip(d.iter()).all(|(a, &x)| a - b'0' == x));
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0 && !sample
}

/// ABA routing transit number checksum (3-7-1 weights).
pub fn aba_routing(s: &str) -> bool {
    let d = digit_buf(s);
    if d.len() != 9 {
        return false;
    }
    let w = [3u32, 7, 1];
    let sum: u32 = d
        .iter()
        .enumerate()
        .map(|(i, &x)| u32::from(x) * w[i % 3])
        .sum();
    sum % 10 == 0 && d.iter().any(|&x| x != 0)
}

/// Bitcoin base58check address (P2PKH `1…`, P2SH `3…`, testnet `m/n/2…`):
/// 25 decoded bytes whose last four are the double-SHA-256 checksum.
pub fn base58check(s: &str) -> bool {
    match bs58::decode(s).into_vec() {
        Ok(raw) if raw.len() == 25 => {
            let (payload, check) = raw.split_at(21);
            let hash = Sha256::digest(Sha256::digest(payload));
            hash[..4] == *check && matches!(payload[0], 0x00 | 0x05 | 0x6f | 0xc4)
        }
        _ => false,
    }
}

/// Bitcoin segwit address (bech32 for v0, bech32m for v1+), mainnet or testnet.
pub fn bech32_address(s: &str) -> bool {
    bech32::segwit::decode(s).is_ok()
}

/// Ethereum address (`0x` + 40 hex digits) with a valid EIP-55 checksum: an
/// address written in one case carries none; in mixed case, each letter is upper
/// case exactly where the Keccak-256 hash of the lower-case address has a nibble
/// of 8 or more.
pub fn eth_address(s: &str) -> bool {
    let Some(hex) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) else {
        return false;
    };
    if hex.len() != 40 || !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
        return false;
    }
    let upper = hex.bytes().any(|c| c.is_ascii_uppercase());
    let lower = hex.bytes().any(|c| c.is_ascii_lowercase());
    if !(upper && lower) {
        return true;
    }
    let hash = sha3::Keccak256::digest(hex.to_ascii_lowercase().as_bytes());
    hex.bytes().enumerate().all(|(i, c)| {
        let nibble = (hash[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 0x0f;
        !c.is_ascii_alphabetic() || c.is_ascii_uppercase() == (nibble >= 8)
    })
}

/// Medicare Beneficiary Identifier: 11 characters, positions fixed by CMS
/// (digit 1–9, letter, alnum, digit, letter, alnum, digit, letter, letter, digit, digit),
/// letters exclude S, L, O, I, B, Z. Dashes after positions 4 and 7 are allowed.
pub fn mbi(s: &str) -> bool {
    let c: Vec<u8> = s
        .bytes()
        .filter(|&b| b != b'-')
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if c.len() != 11 {
        return false;
    }
    let letter = |b: u8| b.is_ascii_uppercase() && !b"SLOIBZ".contains(&b);
    let digit = |b: u8| b.is_ascii_digit();
    let alnum = |b: u8| letter(b) || digit(b);
    (b'1'..=b'9').contains(&c[0])
        && letter(c[1])
        && alnum(c[2])
        && digit(c[3])
        && letter(c[4])
        && alnum(c[5])
        && digit(c[6])
        && letter(c[7])
        && letter(c[8])
        && digit(c[9])
        && digit(c[10])
}

/// Shannon entropy in bits per character.
pub fn shannon_entropy(s: &str) -> f64 {
    let mut counts = [0u32; 256];
    let mut n = 0u32;
    for b in s.bytes() {
        counts[usize::from(b)] += 1;
        n += 1;
    }
    if n == 0 {
        return 0.0;
    }
    let n = f64::from(n);
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    #[test]
    fn eth_checksums() {
        // EIP-55's own examples, and the same addresses with one letter's case flipped.
        for good in [
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
            "0x52908400098527886e0f7030069857d2e4169ee7",
            "0x52908400098527886E0F7030069857D2E4169EE7",
        ] {
            assert!(super::eth_address(good), "{good}");
        }
        for bad in [
            "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35",
            "0xefE9465799d3307FDACF848492746A44a9C35603",
        ] {
            assert!(!super::eth_address(bad), "{bad}");
        }
    }

    use super::*;

    #[test]
    fn luhn_and_cards() {
        for ok in [
            "4012888888881881",
            "4012-8888-8888-1881",
            "371449635398431",
            "5555555555554444",
            "2221000000000009",
            // Mir
            "2202428354596376",
            "30569309025904",
            "6011000400000000",
            "3528000700000000",
            "122000000000003",
            "5019717010103742",
        ] {
            assert!(credit_card(ok), "{ok}");
        }
        for bad in [
            "4012-8888-8888-1882",
            "36168002586008",
            "1748503543012",
            "9780306406157",
            "0000000000000000",
        ] {
            assert!(!credit_card(bad), "{bad}");
        }
    }

    #[test]
    fn ibans() {
        for ok in [
            "DE89370400440532013000",
            "GB29 NWBK 6016 1331 9268 19",
            "AT61 1904 3002 3457 3201",
            "BR97 0036 0305 0000 1000 9795 493P 1",
            "MU17BOMM0101101030300200000MUR",
            "NO9386011117947",
        ] {
            assert!(iban(ok), "{ok}");
        }
        for bad in [
            "DE89370400440532013001",
            "GB29 NWBK 6016 1331 9268 10",
            "BE71 A961 2345 6769",
            "GI75 aWBK 0000 0000 7099 453",
            "XX89370400440532013000",
            "DE8937040044053201300",
        ] {
            assert!(!iban(bad), "{bad}");
        }
        assert_eq!(iban_length("DE"), Some(22));
        assert_eq!(iban_length("LC"), Some(32));
        assert_eq!(iban_length("US"), None);
    }

    #[test]
    fn nhs_mod11() {
        assert!(nhs("401-023-2137"));
        assert!(nhs("221 395 1837"));
        assert!(nhs("0032698674"));
        assert!(!nhs("401-023-2138"));
        assert!(!nhs("0000000000"));
    }

    #[test]
    fn ssn_ranges() {
        assert!(us_ssn("078-05-1123"));
        assert!(us_ssn("078051121"));
        for bad in [
            "000-12-3456",
            "666-12-3456",
            "900-12-3456",
            "078-00-1123",
            "078-05-0000",
            "078-05-1120",
            "123-45-6789",
            "111-11-1111",
        ] {
            assert!(!us_ssn(bad), "{bad}");
        }
    }

    #[test]
    fn aba_checksum() {
        assert!(aba_routing("011000015"));
        assert!(aba_routing("021000021"));
        assert!(!aba_routing("021000022"));
    }

    #[test]
    fn bitcoin_addresses() {
        assert!(base58check("16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ"));
        assert!(base58check("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"));
        assert!(!base58check("16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2"));
        assert!(!base58check("16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1Boyz"));
        assert!(bech32_address("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"));
        assert!(bech32_address(
            "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"
        ));
        assert!(!bech32_address(
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx"
        ));
    }

    #[test]
    fn mbi_positions() {
        assert!(mbi("1EG4-TE5-MK73"));
        assert!(mbi("1EG4TE5MK73"));
        assert!(mbi("1eg4-te5-mk73"));
        for bad in [
            "1SG4-TE5-MK73",
            "1EG4-LE5-MK73",
            "1EG4-TE5-OK73",
            "AEG4-TE5-MK73",
            "1EG4TE5MK7",
            "1EG4TE5MK734",
        ] {
            assert!(!mbi(bad), "{bad}");
        }
    }

    #[test]
    fn entropy() {
        assert_eq!(shannon_entropy("aaaa"), 0.0);
        assert!((shannon_entropy("abcd") - 2.0).abs() < 1e-9);
    }
}
