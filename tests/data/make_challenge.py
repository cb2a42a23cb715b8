#!/usr/bin/env python3
"""Build tests/data/challenge.jsonl: a hand-written generalization challenge set for scrim's
STRUCTURED labels (everything in shared/eval/TAXONOMY.md except PERSON, LOCATION, ORGANIZATION, NRP).

Texts are written by hand (not from gen_corpus.py templates). Each row is a string with inline markup:

    ⟦LABEL|value⟧      value is gold-labelled LABEL (short codes below)
    ⟦LABEL@CC|value⟧   same, CC = ISO region used to validate a national phone number
    ⟦!LABEL|value⟧     hard negative: inserted unlabelled, and asserted to be INVALID for LABEL
                       (Luhn-invalid card, mod-97-invalid IBAN, bad NHS check digit, out-of-range SSN,
                        loopback/netmask IP, bad base58/bech32 checksum, ...)
    ⟦_|value⟧          unlabelled text (lets a generator fill it: UUIDs, hashes, ...)
    value "=expr"      the value is computed by a helper below (checksums are computed, never typed)

Offsets are Unicode code points (Python str indices). Every row carries
"label_scope" = the structured labels, so PERSON/LOCATION/ORGANIZATION/NRP predictions are ignored by
score.py (the texts do contain names and places, which this set deliberately does not annotate).

Usage: python3 tests/data/make_challenge.py [--out tests/data/challenge.jsonl]
Deterministic (fixed seed). Validates every checksum-bearing value; phone numbers are additionally
validated with the `phonenumbers` package when it is importable (optional).
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import ipaddress
import json
import os
import random
import re
import string
import sys

SEED = 20251125
RNG = random.Random(SEED)

CODES = {
    "PH": "PHONE_NUMBER", "DT": "DATE_TIME", "EM": "EMAIL_ADDRESS", "CC": "CREDIT_CARD", "IBAN": "IBAN_CODE",
    "SSN": "US_SSN", "NHS": "UK_NHS", "PP": "US_PASSPORT", "DL": "US_DRIVER_LICENSE", "BANK": "US_BANK_NUMBER",
    "MRN": "MEDICAL_RECORD_NUMBER", "HP": "HEALTH_PLAN_ID", "IP": "IP_ADDRESS", "MAC": "MAC_ADDRESS",
    "CRY": "CRYPTO", "URL": "URL", "SEC": "SECRET",
}
SCOPE = sorted(set(CODES.values()))

# ------------------------------------------------------------------ checksum primitives
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
BECH32M_CONST = 0x2BC830A3


def ssn_range_ok(v: str) -> bool:
    """Area, group and serial in the ranges the SSA issues (not 000/666/9xx, 00, 0000)."""
    d = re.sub(r"\D", "", v)
    return len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"


_CIN_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def cin(s: str) -> str:
    """Italian CIN check letter over ABI + CAB + account (odd positions via the CIN table)."""
    t = 0
    for i, ch in enumerate(s):
        v = int(ch) if ch.isdigit() else ord(ch) - 65
        t += _CIN_ODD[v] if i % 2 == 0 else v
    return chr(65 + t % 26)


def luhn_ok(s: str) -> bool:
    d = [int(c) for c in s if c.isdigit()]
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2:
            x *= 2
            x -= 9 if x > 9 else 0
        tot += x
    return tot % 10 == 0


IBAN_LEN = {"AD": 24, "AE": 23, "AT": 20, "BE": 16, "BG": 22, "BR": 29, "CH": 21, "CY": 28, "CZ": 24, "DE": 22,
            "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22,
            "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15,
            "PL": 28, "PT": 25, "RO": 24, "SA": 24, "SE": 24, "SI": 19, "SK": 24, "TR": 26}
# BBAN patterns: n digit, a upper letter, c upper alnum
IBAN_BBAN = {"DE": "n" * 18, "GB": "aaaa" + "n" * 14, "FR": "n" * 10 + "c" * 11 + "nn", "ES": "n" * 20,
             "IT": "a" + "n" * 10 + "c" * 12, "NL": "aaaa" + "n" * 10, "BE": "n" * 12, "AT": "n" * 16,
             "CH": "n" * 5 + "c" * 12, "IE": "aaaa" + "n" * 14, "PT": "n" * 21, "PL": "n" * 24, "SE": "n" * 20,
             "DK": "n" * 14, "FI": "n" * 14, "NO": "n" * 11, "LU": "nnn" + "c" * 13, "MT": "aaaa" + "n" * 5 + "c" * 18,
             "GR": "n" * 7 + "c" * 16, "RO": "aaaa" + "c" * 16, "HU": "n" * 24, "CZ": "n" * 20, "SA": "nn" + "c" * 18,
             "AE": "n" * 19, "TR": "n" * 5 + "0" + "c" * 16, "BR": "n" * 23 + "a" + "c", "HR": "n" * 17,
             "SI": "n" * 15, "SK": "n" * 20, "LT": "n" * 16, "EE": "n" * 16, "IS": "n" * 22, "BG": "aaaa" + "n" * 6 + "c" * 8}


def iban_ok(s: str) -> bool:
    c = s.replace(" ", "").upper()
    if len(c) < 5 or c[:2] not in IBAN_LEN or len(c) != IBAN_LEN[c[:2]] or not c[2:4].isdigit():
        return False
    if not c.isalnum():
        return False
    r = c[4:] + c[:4]
    return int("".join(str(int(ch, 36)) for ch in r)) % 97 == 1


def nhs_ok(s: str) -> bool:
    d = re.sub(r"[ -]", "", s)
    if not re.fullmatch(r"\d{10}", d):
        return False
    tot = sum(int(x) * (10 - i) for i, x in enumerate(d[:9]))
    c = 11 - tot % 11
    c = 0 if c == 11 else c
    return c != 10 and c == int(d[9])


def ssn_ok(s: str) -> bool:
    m = re.fullmatch(r"(\d{3})[- .]?(\d{2})[- .]?(\d{4})", s)
    if not m:
        return False
    a, g, n = m.groups()
    return a not in ("000", "666") and not a.startswith("9") and g != "00" and n != "0000"


def aba_ok(r: str) -> bool:
    d = [int(c) for c in r]
    return len(d) == 9 and (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 == 0


def b58check_encode(payload: bytes) -> str:
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


def b58check_ok(s: str) -> bool:
    n = 0
    for ch in s:
        if ch not in B58:
            return False
        n = n * 58 + B58.index(ch)
    raw = n.to_bytes(25, "big") if n.bit_length() <= 200 else None
    if raw is None:
        return False
    pad = len(s) - len(s.lstrip("1"))
    if raw[:pad] != b"\0" * pad:
        return False
    payload, chk = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == chk and payload[0] in (0, 5)


def _polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def _hrp_exp(h):
    return [ord(x) >> 5 for x in h] + [0] + [ord(x) & 31 for x in h]


def to_5bit(prog: bytes) -> list:
    """The bytes of `prog` regrouped into 5-bit values (bech32's data part), zero-padded."""
    acc, bits, data = 0, 0, []
    for b in prog:
        acc = (acc << 8) | b
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    return data


def segwit_encode(witver: int, prog: bytes, hrp="bc") -> str:
    data = [witver] + to_5bit(prog)
    const = 1 if witver == 0 else BECH32M_CONST
    poly = _polymod(_hrp_exp(hrp) + data + [0] * 6) ^ const
    return hrp + "1" + "".join(BECH32[d] for d in data + [(poly >> 5 * (5 - i)) & 31 for i in range(6)])


def segwit_ok(s: str) -> bool:
    s = s.lower()
    if not s.startswith("bc1"):
        return False
    data = [BECH32.find(c) for c in s[3:]]
    if -1 in data or len(data) < 7:
        return False
    pm = _polymod(_hrp_exp("bc") + data)
    return (data[0] == 0 and pm == 1) or (data[0] >= 1 and pm == BECH32M_CONST)


def crypto_ok(s: str) -> bool:
    if re.fullmatch(r"0x[0-9a-fA-F]{40}", s):
        return True
    if s.lower().startswith("bc1"):
        return segwit_ok(s)
    return b58check_ok(s)


# ------------------------------------------------------------------ value generators (deterministic)
def _rand(alpha, n):
    return "".join(RNG.choice(alpha) for _ in range(n))


def _group(num: str, sizes, sep):
    out, i = [], 0
    for k in sizes:
        out.append(num[i:i + k])
        i += k
    return sep.join(out)


def _card_num(prefix: str, length: int) -> str:
    body = prefix + _rand(string.digits, length - len(prefix) - 1)
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def _card_fmt(num: str, sep: str) -> str:
    if not sep:
        return num
    n = len(num)
    sizes = {15: [4, 6, 5], 14: [4, 6, 4], 16: [4, 4, 4, 4], 19: [4, 4, 4, 4, 3], 13: [4, 4, 5], 18: [4, 4, 4, 6]}[n]
    return _group(num, sizes, sep)


def card(prefix: str, length: int = 16, sep: str = "") -> str:
    return _card_fmt(_card_num(prefix, length), sep)


def badcard(prefix: str, length: int = 16, sep: str = "") -> str:
    num = _card_num(prefix, length)
    num = num[:-1] + str((int(num[-1]) + RNG.randint(1, 9)) % 10)
    return _card_fmt(num, sep)


def _fill(pat):
    return "".join(RNG.choice(string.digits) if p == "n" else RNG.choice(string.ascii_uppercase) if p == "a"
                   else RNG.choice(string.ascii_uppercase + string.digits) if p == "c" else p for p in pat)


def _iban_chk(cc, bban):
    num = "".join(str(int(ch, 36)) for ch in bban + cc + "00")
    return "%02d" % (98 - int(num) % 97)


def _iban_fmt(s, grouped):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if grouped else s


def iban(cc: str, grouped: bool = False) -> str:
    bban = _fill(IBAN_BBAN[cc])
    return _iban_fmt(cc + _iban_chk(cc, bban) + bban, grouped)


def badiban(cc: str, grouped: bool = False) -> str:
    bban = _fill(IBAN_BBAN[cc])
    good = int(_iban_chk(cc, bban))
    chk = "%02d" % RNG.choice([c for c in range(2, 99) if c != good])
    return _iban_fmt(cc + chk + bban, grouped)


def _nhs_digits(valid=True):
    while True:
        nine = RNG.choice("3456789") + _rand(string.digits, 8)
        tot = sum(int(x) * (10 - i) for i, x in enumerate(nine))
        c = 11 - tot % 11
        c = 0 if c == 11 else c
        if c != 10:
            break
    if valid:
        return nine + str(c)
    return nine + str((c + RNG.randint(1, 9)) % 10)


def nhs(sep: str = " ") -> str:
    d = _nhs_digits()
    return f"{d[:3]}{sep}{d[3:6]}{sep}{d[6:]}"


def badnhs(sep: str = " ") -> str:
    while True:
        d = _nhs_digits(valid=False)
        if not nhs_ok(d):
            return f"{d[:3]}{sep}{d[3:6]}{sep}{d[6:]}"


def ssn(sep: str = "-") -> str:
    while True:
        a = RNG.randint(1, 772)
        if a != 666:
            break
    return f"{a:03d}{sep}{RNG.randint(1, 99):02d}{sep}{RNG.randint(1, 9999):04d}"


def aba() -> str:
    while True:
        r = RNG.choice("0123") + _rand(string.digits, 8)
        if aba_ok(r):
            return r


def digits(n: int, first="123456789") -> str:
    return RNG.choice(first) + _rand(string.digits, n - 1)


def btc(kind: str) -> str:
    h = bytes(RNG.getrandbits(8) for _ in range(32 if kind in ("p2wsh", "p2tr") else 20))
    if kind == "p2pkh":
        return b58check_encode(b"\x00" + h)
    if kind == "p2sh":
        return b58check_encode(b"\x05" + h)
    if kind in ("p2wpkh", "p2wsh"):
        return segwit_encode(0, h)
    if kind == "p2tr":
        return segwit_encode(1, h)
    raise ValueError(kind)


def badbtc(kind: str) -> str:
    s = btc(kind)
    alpha = BECH32 if kind.startswith("p2w") or kind == "p2tr" else B58
    for _ in range(100):
        i = RNG.randrange(len(s) - 6, len(s))
        t = s[:i] + RNG.choice([a for a in alpha if a != s[i]]) + s[i + 1:]
        if not crypto_ok(t):
            return t
    raise AssertionError


def eth() -> str:
    return "0x" + _rand("0123456789abcdef", 40)


def hexs(n: int) -> str:
    return _rand("0123456789abcdef", n)


def uuid4() -> str:
    h = hexs(32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{RNG.choice('89ab')}{h[17:20]}-{h[20:]}"


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def mbi(dashed: bool = False) -> str:
    an = MBI_ALPHA + string.digits
    s = (RNG.choice("123456789") + RNG.choice(MBI_ALPHA) + RNG.choice(an) + RNG.choice(string.digits)
         + RNG.choice(MBI_ALPHA) + RNG.choice(an) + RNG.choice(string.digits)
         + RNG.choice(MBI_ALPHA) + RNG.choice(MBI_ALPHA) + RNG.choice(string.digits) + RNG.choice(string.digits))
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashed else s


ALNUM = string.ascii_letters + string.digits
B64URL = ALNUM + "-_"


def tok(prefix: str, n: int, alpha: str = ALNUM) -> str:
    return prefix + _rand(alpha, n)


def aws_secret() -> str:
    return _rand(ALNUM + "+/", 40)


def b64u(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def jwt(claims: dict, alg="HS256") -> str:
    hdr = b64u(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    body = b64u(json.dumps(claims, separators=(",", ":")).encode())
    sig = b64u(bytes(RNG.getrandbits(8) for _ in range(32 if alg.startswith("HS") else 96)))
    return f"{hdr}.{body}.{sig}"


def pem(kind: str, nlines: int) -> str:
    body = base64.b64encode(bytes(RNG.getrandbits(8) for _ in range(48 * nlines))).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----"


# Base64 starts of the real DER / OpenSSH encodings, so a PEM body looks like its key type.
PEM_HEAD = {"OPENSSH PRIVATE KEY": "b3BlbnNzaC1rZXktdjEAAAAA", "EC PRIVATE KEY": "MHcCAQEEI",
            "PRIVATE KEY": "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "RSA PRIVATE KEY": "MIIEowIBAAKCAQEA",
            "CERTIFICATE": "MIIDdzCCAl+gAwIBAgIU"}


def pemh(kind: str, nlines: int) -> str:
    """PEM block whose base64 body starts like the real DER/OpenSSH encoding of that key type."""
    block = pem(kind, nlines)
    head = f"-----BEGIN {kind}-----\n"
    h = PEM_HEAD[kind]
    return head + h + block[len(head) + len(h):]

def b64(s: str) -> str:
    return base64.b64encode(s.encode()).decode()


HELPERS = {k: v for k, v in globals().items() if callable(v) and not k.startswith("_")}

# ------------------------------------------------------------------ validation of gold values
try:  # optional, only for validating phone numbers
    import phonenumbers  # type: ignore
except Exception:  # pragma: no cover
    phonenumbers = None

IIN = re.compile(r"^(4|5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720)|3[47]|3(0[0-5]|[689])|6011|64[4-9]|65|35(2[89]|[3-8]\d)|62|5[06-9]|6[37])")


def check_positive(label: str, v: str, region: str | None, rid: str) -> list[str]:
    errs = []
    if label == "CREDIT_CARD":
        d = re.sub(r"[ -]", "", v)
        if not (d.isdigit() and 12 <= len(d) <= 19 and luhn_ok(d) and IIN.match(d)):
            errs.append("card not Luhn-valid / bad IIN")
    elif label == "IBAN_CODE":
        if not iban_ok(v):
            errs.append("IBAN invalid")
    elif label == "UK_NHS":
        if not nhs_ok(v):
            errs.append("NHS invalid")
    elif label == "US_SSN":
        if not ssn_ok(v):
            errs.append("SSN invalid")
    elif label == "CRYPTO":
        if not crypto_ok(v):
            errs.append("crypto checksum invalid")
    elif label == "IP_ADDRESS":
        try:
            ip = ipaddress.ip_address(v)
            if ip.is_loopback or ip.is_unspecified or str(ip).startswith("255."):
                errs.append("IP is loopback/unspecified/netmask")
        except ValueError:
            errs.append("not an IP")
    elif label == "MAC_ADDRESS":
        if not re.fullmatch(r"([0-9A-Fa-f]{2}([:-])){5}[0-9A-Fa-f]{2}|[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}", v):
            errs.append("MAC format")
    elif label == "US_PASSPORT":
        if not re.fullmatch(r"\d{9}|[A-Z]\d{8}", v):
            errs.append("passport format")
    elif label == "US_BANK_NUMBER":
        d = re.sub(r"[ -]", "", v)
        if not (d.isdigit() and 8 <= len(d) <= 17):
            errs.append("bank account length")
    elif label == "HEALTH_PLAN_ID":
        if re.fullmatch(r"\d[A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d-?[A-Z]{2}\d\d", v):
            s = v.replace("-", "")
            for i in (1, 4, 7, 8):
                if s[i] not in MBI_ALPHA:
                    errs.append("MBI letter not allowed")
    elif label == "PHONE_NUMBER" and phonenumbers is not None:
        try:
            n = phonenumbers.parse(v, region or "US")
            if not phonenumbers.is_valid_number(n):
                errs.append(f"phone not valid for region {region}")
        except phonenumbers.NumberParseException as e:
            errs.append(f"phone parse error {e}")
    elif label == "URL":
        if not re.match(r"(https?|ftp)://|www\.|[a-z0-9-]+(\.[a-z0-9-]+)+/", v, re.I):
            errs.append("URL shape")
    elif label == "EMAIL_ADDRESS":
        if not re.search(r"@|\bat\b|\[at\]|\(at\)|%40|&#64;|\\u0040", v, re.I):
            errs.append("email shape")
    return [f"{rid}: {label} {v!r}: {e}" for e in errs]


def check_negative(code: str, v: str, rid: str) -> list[str]:
    bad = False
    if code == "CC":
        d = re.sub(r"[ -]", "", v)
        bad = d.isdigit() and 12 <= len(d) <= 19 and luhn_ok(d) and bool(IIN.match(d))
    elif code == "IBAN":
        bad = iban_ok(v)
    elif code == "NHS":
        bad = nhs_ok(v)
    elif code == "SSN":
        bad = ssn_ok(v)
    elif code == "CRY":
        bad = crypto_ok(v)
    elif code == "IP":
        try:
            ip = ipaddress.ip_address(v)
            bad = not (ip.is_loopback or ip.is_unspecified or str(ip).startswith("255."))
        except ValueError:
            bad = False
    elif code == "ABA":
        bad = not aba_ok(v)
    return [f"{rid}: negative {code} {v!r} is actually valid"] if bad else []


# ------------------------------------------------------------------ rendering
MARK = re.compile(r"⟦(!?[A-Z_]+)(?:@([A-Z]{2}))?\|(.*?)⟧", re.S)
ROWS: list[tuple[str, str, str]] = []


def R(category: str, note: str, text: str):
    ROWS.append((category, note, text))


def render(rid: str, template: str, positive=None, env_extra=None):
    """The text and spans of one template, and what failed validation. `positive(label,
    value, region, rid)` validates a labelled value (default: `check_positive`); `env_extra`
    adds names for the `=expr` values (the other generators reuse this)."""
    positive = positive or check_positive
    env = dict(HELPERS, string=string, B64URL=B64URL, ALNUM=ALNUM, **(env_extra or {}))
    text, spans, errs, vals = "", [], [], []
    pos = 0
    for m in MARK.finditer(template):
        text += template[pos:m.start()]
        code, region, val = m.group(1), m.group(2), m.group(3)
        if val.startswith("="):
            val = str(eval(val[1:], env))  # noqa: S307 -- trusted, hand-written expressions
        if val != val.strip() or not val:
            errs.append(f"{rid}: value has surrounding whitespace: {val!r}")
        if code.startswith("!"):
            errs += check_negative(code[1:], val, rid)
        elif code != "_":
            label = CODES[code]
            errs += positive(label, val, region, rid)
            spans.append({"start": len(text), "end": len(text) + len(val), "label": label})
            vals.append(val)
        text += val
        pos = m.end()
    text += template[pos:]
    if "⟦" in text or "⟧" in text:
        errs.append(f"{rid}: unbalanced markup")
    prev = -1
    for sp, v in zip(spans, vals):
        frag = text[sp["start"]:sp["end"]]
        if frag != v:
            errs.append(f"{rid}: offsets slice {frag!r}, expected {v!r}")
        if not frag or frag != frag.strip():
            errs.append(f"{rid}: span on whitespace {frag!r}")
        if sp["start"] < prev:
            errs.append(f"{rid}: overlapping spans")
        prev = sp["end"]
    return text, spans, errs


# ====================================================================== ROWS
# ---------------------------------------------------------------- phone numbers (many countries / formats)
R("phone", "US parens + dotted with x-extension",
  "Can you draft a short reply to my landlord? Tell him I'm reachable on ⟦PH@US|(617) 384-2291⟧ after 6pm, "
  "or at work on ⟦PH@US|617.496.3380 x4127⟧ during the day.")
R("phone", "US list: dashed, ext., leading 1 with parens",
  "Reformat these to E.164 for the CRM import:\n- Joanna (mobile): ⟦PH@US|415-729-0384⟧\n"
  "- front desk: ⟦PH@US|(415) 729-0300 ext. 12⟧\n- fax: ⟦PH@US|1 (415) 729-0399⟧")
R("phone", "US compact 10 digits in chat",
  "ok so text me at ⟦PH@US|6463829104⟧ when ur outside, the buzzer is broken lol")
R("phone", "US +1 parens ext",
  "Please add this to the vendor sheet: account manager Dana Whitfield, ⟦PH@US|+1 (202) 364-1187 x221⟧, prefers calls before noon ET.")
R("phone", "UK landline + mobile national",
  "Hi, it's Priya from the surgery. Could you write a reminder text saying: please ring us back on ⟦PH@GB|0161 832 7745⟧ "
  "or call my mobile ⟦PH@GB|07824 561 903⟧ before Friday.")
R("phone", "UK +44 (0) trunk forms",
  "Update the email signature template with our London switchboard ⟦PH@GB|+44 (0)20 3984 2716⟧ and my direct line "
  "⟦PH@GB|+44 (0) 7824 561904⟧. Keep it under four lines.")
R("phone", "UK odd grouping + 0044",
  "Tenant contact details for the inventory report: mob ⟦PH@GB|07824-561-905⟧, work ⟦PH@GB|0044 131 225 8867⟧.")
R("phone", "DE national mobile + landline with Durchwahl",
  "Bitte ins Englische übersetzen: „Sie erreichen mich mobil unter ⟦PH@DE|0172 9384716⟧ oder im Büro unter ⟦PH@DE|089 2180-4427⟧.“")
R("phone", "DE 0049 tel/fax",
  "Lead from the trade fair: Herr Köhler, Tel. ⟦PH@DE|0049 40 4281 3390⟧, Fax ⟦PH@DE|0049 40 4281 3399⟧. "
  "Write a follow-up email in German thanking him for the visit.")
R("phone", "DE +49 (0) with dash extension + mobile",
  "Signatur korrigieren:\nDr. Anja Wolff\nTel.: ⟦PH@DE|+49 (0)6221 54-8172⟧\nMobil: ⟦PH@DE|+49 1512 3847261⟧")
R("phone", "FR national mobile + landline",
  "Traduis ce message pour mon collègue : « Rappelle Mme Lefèvre au ⟦PH@FR|06 71 83 29 45⟧, pas au ⟦PH@FR|01 42 68 53 07⟧ qui est le standard. »")
R("phone", "FR +33 (0) and 0033",
  "The Lyon hotel number is ⟦PH@FR|+33 (0)4 72 41 18 60⟧; the concierge's personal mobile is ⟦PH@FR|0033 6 12 48 93 07⟧. Which should I put on the booking?")
R("phone", "FR dotted",
  "Fiche client à compléter : M. Garnier, portable ⟦PH@FR|06.71.83.29.47⟧, pas d'email.")
R("phone", "ES mobile + +34 landline",
  "Escribe un SMS para confirmar la cita: el cliente dejó su móvil ⟦PH@ES|612 34 87 90⟧ y el fijo ⟦PH@ES|+34 913 08 47 21⟧.")
R("phone", "ES 0034",
  "Our Barcelona supplier changed numbers, new one is ⟦PH@ES|0034 934 12 77 05⟧ — update the contacts table.")
R("phone", "IT mobile + Rome landline",
  "Ciao, il numero di Giulia è ⟦PH@IT|+39 347 812 9034⟧ e quello dello studio ⟦PH@IT|06 6982 3341⟧. Puoi scrivere un messaggio di promemoria?")
R("phone", "IT compact mobile",
  "Cellulare del referente: ⟦PH@IT|3334567890⟧. Scrivi una mail formale per fissare un incontro.")
R("phone", "NL mobile dash + landline",
  "Customer called from ⟦PH@NL|06-48291037⟧ asking about the refund; landline on file is ⟦PH@NL|020 530 4172⟧. Summarise the call notes.")
R("phone", "NL +31 6",
  "Stuur een herinnering naar ⟦PH@NL|+31 6 4829 1038⟧ dat de afspraak verzet is.")
R("phone", "BE landline + mobile",
  "Contacts for the Brussels event: ⟦PH@BE|+32 2 513 89 40⟧ (office) and ⟦PH@BE|0478 29 31 64⟧ (Lien, on site). Make a one-page run sheet.")
R("phone", "CH national",
  "Please lay out a Swiss letterhead: Tel ⟦PH@CH|044 668 18 00⟧ · Natel ⟦PH@CH|079 483 22 17⟧ · Bahnhofstrasse.")
R("phone", "CH +41",
  "Can you check if ⟦PH@CH|+41 79 483 22 18⟧ is a mobile or a landline? My client gave it to me.")
R("phone", "AT mobile + Vienna",
  "Rückruf erbeten unter ⟦PH@AT|+43 664 3928174⟧ (Herr Gruber) oder über das Büro Wien ⟦PH@AT|01 58801 41270⟧.")
R("phone", "IE landline parens + mobile",
  "Dublin clinic: ⟦PH@IE|(01) 671 9302⟧. Patient's mobile ⟦PH@IE|087 482 9351⟧. Write a reminder SMS for tomorrow's appointment.")
R("phone", "PT +351 mobile + Lisbon",
  "O número do senhor Ferreira é ⟦PH@PT|+351 913 482 771⟧; o escritório em Lisboa é ⟦PH@PT|21 384 2210⟧. Redige um email curto.")
R("phone", "PL +48 + Warsaw",
  "Proszę przetłumaczyć na angielski: Mój numer to ⟦PH@PL|+48 512 384 902⟧, a numer biura ⟦PH@PL|22 628 31 44⟧.")
R("phone", "SE mobile + växel",
  "Swedish supplier contact: Lars Nyberg, ⟦PH@SE|070-382 14 59⟧, växel ⟦PH@SE|08-545 183 00⟧. Draft an order confirmation.")
R("phone", "DK 8-digit + +45",
  "Oversæt til engelsk: Ring til Mette på ⟦PH@DK|20 48 31 76⟧ eller på kontoret ⟦PH@DK|+45 32 64 18 27⟧.")
R("phone", "NO mobile + switchboard",
  "Norwegian contact sheet — mobil ⟦PH@NO|412 38 770⟧, sentralbord ⟦PH@NO|+47 22 87 41 03⟧. Put it in a table.")
R("phone", "BR celular with 9 + fixo",
  "Cliente: Ana Souza, celular ⟦PH@BR|(11) 99482-3017⟧, fixo ⟦PH@BR|+55 21 3184-2299⟧. Gere uma mensagem de boas-vindas.")
R("phone", "MX +52 + national",
  "Mi número en CDMX es ⟦PH@MX|+52 55 5280 4417⟧ y el de mi hermana en Guadalajara ⟦PH@MX|33 3615 8820⟧. ¿Cómo los guardo en formato internacional?")
R("phone", "IN +91 mobile + STD landline",
  "Write a WhatsApp message to Mr. Rao at ⟦PH@IN|+91 98451 27730⟧; his Bengaluru office line is ⟦PH@IN|080-4112 7788⟧.")
R("phone", "IN 0-prefixed mobile + dashed intl",
  "Courier could not reach the recipient at ⟦PH@IN|098451 27731⟧ — alternate number ⟦PH@IN|+91-22-2202-1437⟧. Draft the SMS.")
R("phone", "AU landline parens + mobile two ways",
  "Sydney office ⟦PH@AU|(02) 9374 4012⟧, Jack's mobile ⟦PH@AU|0423 881 904⟧ (from overseas: ⟦PH@AU|+61 423 881 904⟧).")
R("phone", "JP office + mobile",
  "Please write a polite Japanese email to Tanaka-san. Numbers: ⟦PH@JP|03-6812-4470⟧ (office), ⟦PH@JP|090-4821-3377⟧ (mobile).")
R("phone", "JP +81",
  "International format check: is ⟦PH@JP|+81 90 4821 3378⟧ the same as ⟦PH@JP|090-4821-3378⟧?")
R("phone", "SG 8-digit",
  "Singapore team: call Wei Ling at ⟦PH@SG|+65 8234 7710⟧ or the office at ⟦PH@SG|6738 2104⟧ if the Zoom fails.")
R("phone", "ZA +27 + national mobile",
  "Cape Town branch ⟦PH@ZA|+27 21 418 3920⟧; the technician Sipho is on ⟦PH@ZA|082 493 1175⟧. Write the job card.")
R("phone", "CA, NZ, KR, CN mixed",
  "Attendee phone list for the badge printer:\nToronto — ⟦PH@CA|(416) 979-2216⟧\nAuckland — ⟦PH@NZ|+64 21 482 9910⟧\n"
  "Seoul — ⟦PH@KR|+82 10-4821-7733⟧\nShanghai — ⟦PH@CN|+86 139 1082 4457⟧")
R("phone", "E.164 compact in JSON",
  'Validate this JSON against the schema:\n{"customer_id": 88213, "contact": {"mobile": "⟦PH@DE|+4915123847262⟧", "home": "⟦PH@US|+14157290385⟧", "opt_in": true}}')
R("phone", "tel: link in HTML",
  'Why doesn\'t this link dial on iOS?\n<a href="tel:⟦PH@GB|+442039842717⟧">Call our Manchester team</a>')
R("phone", "vCard",
  "Fix this vCard so Outlook imports it:\nBEGIN:VCARD\nVERSION:3.0\nFN:Claire Dubois\nTEL;TYPE=CELL:⟦PH@FR|+33 6 71 83 29 46⟧\n"
  "TEL;TYPE=WORK:⟦PH@FR|+33 1 42 68 53 08⟧\nEND:VCARD")
R("phone", "CSV many countries",
  "Normalize phone column:\nname,country,phone\nM. Rossi,IT,⟦PH@IT|0039 02 8645 3210⟧\nK. Nowak,PL,⟦PH@PL|601 234 568⟧\n"
  "S. Jansen,NL,⟦PH@NL|010-4123456⟧\nT. Ito,JP,⟦PH@JP|03 6812 4471⟧\n")
R("phone", "toll-free with ext and word 'extension'",
  "Our client line is ⟦PH@US|1-888-414-2290 extension 3⟧. Write a voicemail greeting that gives that number.")
R("phone", "support ticket with phone and order no (negative order number)",
  "Ticket: order 4471-2209-3316 never arrived. Customer asks for a call back on ⟦PH@GB|07700 183 492⟧ between 2 and 4.")
R("phone", "phone after 'Tel:' in German letter footer with Fax",
  "Brieffuß übersetzen: Müller & Partner Steuerberater · Tel: ⟦PH@DE|030 901820-0⟧ · Fax: ⟦PH@DE|030 901820-99⟧")

# ---------------------------------------------------------------- dates: personal (many formats/languages)
R("date", "ordinal 'of' form",
  "Write a birthday card for my niece, born on the ⟦DT|3rd of May 2019⟧ — she's turning six.")
R("date", "Mar. abbreviation + time",
  "Confirm the dental appointment for ⟦DT|Mar. 3, 2025⟧ at ⟦DT|2:15 pm⟧ and ask the patient to arrive early.")
R("date", "dd.mm.yy German DOB",
  "Formular prüfen: Name: Jonas Brandt, Geburtsdatum: ⟦DT|03.05.71⟧, Staatsangehörigkeit: deutsch.")
R("date", "German month names + Uhr",
  "Bitte eine Terminbestätigung schreiben: Frau Becker, geboren am ⟦DT|14. März 1979⟧, hat am ⟦DT|2. Oktober 2025⟧ um ⟦DT|14:30 Uhr⟧ einen Termin.")
R("date", "French birth + weekday appointment + 10h30",
  "Rédige un rappel : Mme Roux, née le ⟦DT|7 février 1965⟧, a rendez-vous le ⟦DT|mardi 12 mars 2024⟧ à ⟦DT|10h30⟧.")
R("date", "Spanish de ... de",
  "Redacta una carta: la paciente nació el ⟦DT|23 de agosto de 1990⟧ y tiene cita el ⟦DT|5 de noviembre de 2025⟧.")
R("date", "Italian with weekday",
  "Scrivi un promemoria: il signor Bianchi, nato il ⟦DT|9 settembre 1972⟧, ha una visita ⟦DT|lunedì 17 febbraio 2025⟧ alle ⟦DT|9:40⟧.")
R("date", "Dutch",
  "Maak een bevestiging: meneer De Vries, geboren op ⟦DT|18 juni 1988⟧, afspraak op ⟦DT|donderdag 6 maart 2025⟧ om ⟦DT|11.15⟧ uur.")
R("date", "Portuguese + às 15h",
  "Escreva um lembrete: o paciente, nascido em ⟦DT|30 de janeiro de 1995⟧, tem consulta marcada para ⟦DT|12/04/2025⟧ às ⟦DT|15h⟧.")
R("date", "Polish genitive month",
  "Przetłumacz: Pacjentka ur. ⟦DT|12 października 1968⟧, przyjęta do szpitala ⟦DT|3 listopada 2024⟧.")
R("date", "Danish",
  "Translate the form field: Navn: Mette Holm, født ⟦DT|3. maj 1977⟧.")
R("date", "Japanese kanji date",
  "この申込書を英訳してください：氏名 田中 由美、生年月日 ⟦DT|1985年4月12日⟧、連絡先は別紙。")
R("date", "US short year",
  "Insurance claim form: insured's DOB ⟦DT|7/22/84⟧, date of loss ⟦DT|11/3/24⟧. Summarize in plain English.")
R("date", "dd-Mon-yyyy",
  "Employee record: hired ⟦DT|22-Jul-2019⟧, terminated ⟦DT|14-Feb-2024⟧. Calculate the tenure in months.")
R("date", "ordinal suffix US",
  "He was born on ⟦DT|July 22nd, 1984⟧ and we got married on ⟦DT|June 8th, 2013⟧ — write an anniversary toast.")
R("date", "day-month without year",
  "Remind me to call my mum on the ⟦DT|14th of June⟧, it's her birthday.")
R("date", "month-year",
  "Cover letter: mention that I left my last job in ⟦DT|March 2023⟧ to care for a family member and I'm available from ⟦DT|September 2025⟧.")
R("date", "ISO admission + US discharge",
  "Discharge summary: admitted ⟦DT|2024-11-03⟧, discharged ⟦DT|11/09/2024⟧. Rewrite for the patient in lay terms.")
R("date", "Sept abbreviation",
  "Onboarding email: Tom starts on ⟦DT|1 Sept 2025⟧; his first 1:1 with me is on ⟦DT|Wed 3 Sept⟧ at ⟦DT|10:00⟧.")
R("date", "travel weekday short",
  "I'm flying to Lisbon on ⟦DT|Fri 14 Feb⟧ and back ⟦DT|Sun 23 Feb⟧. Suggest a packing list.")
R("date", "combined date+time one span",
  "Incident note for HR: the employee was last seen on site ⟦DT|05/03/2025 09:40⟧ by the security guard.")
R("date", "UK clinical dd/mm/yyyy + dotted short",
  "GP letter: DOB ⟦DT|12/03/1956⟧. Seen in clinic ⟦DT|04.02.25⟧, bloods taken. Please summarise.")
R("date", "date of death",
  "Help me write the probate letter: my father died on ⟦DT|2 January 2023⟧ and the will was dated ⟦DT|14 August 2019⟧.")
R("date", "non-padded ISO-ish",
  "Parse this patient intake field into ISO 8601: dob=⟦DT|1956-3-7⟧")
R("date", "times only, personal",
  "Can you move my 1:1 with Sarah from ⟦DT|9:30am⟧ to ⟦DT|4:45pm⟧ and write her a short note?")
R("date", "check-in weekday comma",
  "Booking summary for the guest: check-in ⟦DT|Sat, 14 Jun 2025⟧, check-out ⟦DT|Tue, 17 Jun 2025⟧. Write a welcome email.")
R("date", "US Tuesday full",
  "Write a jury duty excuse request: I was summoned for ⟦DT|Tuesday, March 4, 2025⟧ but I have surgery scheduled that day.")
R("date", "leap day DOB, JSON",
  'Fix the JSON: {"patient": {"dob": "⟦DT|1988-02-29⟧", "last_visit": "⟦DT|2025-01-17⟧"}, "sex": "F"}')
R("date", "Spanish abbreviated + hora",
  "Traduce: Fecha de nacimiento: ⟦DT|04/11/1979⟧. Próxima revisión: ⟦DT|18-mar-2025⟧ a las ⟦DT|17:00⟧.")
R("date", "German abbreviated month",
  "Zusammenfassen: Die Mitarbeiterin ist seit dem ⟦DT|1. Okt. 2018⟧ bei uns und hat am ⟦DT|21.06.⟧ Geburtstag.")
R("date", "French numeric + birthday party",
  "Invitation : anniversaire de Léa (née le ⟦DT|15/09/2017⟧), fête le ⟦DT|samedi 20 septembre⟧ à ⟦DT|15 h⟧.")

# ---------------------------------------------------------------- dates: non-personal (hard negatives)
R("neg_date", "release date, EOL date",
  "Python 3.13 was released on 7 October 2024 and 3.9 reaches end of life in October 2025. Should we upgrade our CI images now?")
R("neg_date", "changelog heading dates",
  "Summarize this changelog:\n## [2.4.1] - 2024-02-29\n### Fixed\n- race in cache eviction\n## [2.4.0] - 2024-02-12\n### Added\n- streaming API")
R("neg_date", "log timestamps",
  "What's happening here?\n2025-01-14T08:22:31.442Z INFO worker-3 job=reindex started\n2025-01-14T08:22:58.017Z WARN worker-3 job=reindex slow shard=17\n2025-01-14T08:24:02.903Z INFO worker-3 job=reindex done in 91s")
R("neg_date", "nginx access log timestamp without IP (loopback)",
  'Explain this access log line: 127.0.0.1 - - [14/Jan/2025:08:22:31 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29"')
R("neg_date", "deadline + effective date of policy",
  "The RFP deadline is 15 March 2025 and the new pricing takes effect on 1 April 2025. Write a reminder for the sales channel.")
R("neg_date", "regulation date + fiscal period",
  "Our fiscal Q3 ended 30 September 2024. The HIPAA Privacy Rule compliance date was April 14, 2003. Draft a compliance timeline slide.")
R("neg_date", "copyright years + HTTP header",
  "Why is the browser caching this? Headers:\nLast-Modified: Tue, 07 Jan 2025 10:15:00 GMT\nCache-Control: max-age=86400\nFooter says © 2016–2025 Northwind Labs.")
R("neg_date", "cron + durations",
  "Translate this crontab to plain English: 30 2 * * 1-5 /opt/backup.sh --keep 14d; 0 */6 * * * /opt/rotate.sh")
R("neg_date", "end of support date",
  "Windows 10 support ends on October 14, 2025. Write an internal notice asking teams to finish migration by 30.09.2025.")
R("neg_date", "conference dates",
  "RustConf 2025 runs 2–4 September in Seattle; the CFP closes on 14/04/2025. Give me a talk abstract idea about parsers.")
R("neg_date", "sprint calendar",
  "Build a sprint calendar: sprint 41 is 06.01.2025–17.01.2025, sprint 42 is 20.01.2025–31.01.2025, code freeze 29 Jan.")
R("neg_date", "age and duration",
  "A 47-year-old has had headaches for 3 weeks, worse in the mornings. What are the red flags to ask about? (no other details)")
R("neg_date", "historical event",
  "Write a short explainer: the Berlin Wall fell on 9 November 1989, and German reunification followed on 3 October 1990.")
R("neg_date", "certificate validity",
  "openssl says: notBefore=Mar  1 00:00:00 2025 GMT, notAfter=May 30 23:59:59 2025 GMT. When should we renew the cert?")

# ---------------------------------------------------------------- IBANs
R("iban", "DE grouped in wire instruction",
  "Draft a payment reminder: please transfer the €1,240 deposit to IBAN ⟦IBAN|=iban('DE', True)⟧ (BIC COBADEFFXXX) by Friday.")
R("iban", "GB compact + sort code context",
  "My UK account for the refund: IBAN ⟦IBAN|=iban('GB')⟧, BIC NWBKGB2L. Write the refund request to the airline.")
R("iban", "FR grouped with letters in BBAN",
  "Rédige un mandat SEPA pour Mme Roux, IBAN : ⟦IBAN|=iban('FR', True)⟧.")
R("iban", "ES compact inline",
  "Domiciliación bancaria — cuenta ⟦IBAN|=iban('ES')⟧ a nombre de Laura Méndez. Redacta la autorización.")
R("iban", "IT grouped",
  "Per il rimborso usa questo IBAN: ⟦IBAN|=iban('IT', True)⟧ intestato a Marco Bianchi.")
R("iban", "NL + BE in CSV",
  "Validate the payouts file before upload:\npayee;iban;amount\nS. Jansen;⟦IBAN|=iban('NL')⟧;412,50\nL. Peeters;⟦IBAN|=iban('BE')⟧;88,00\n")
R("iban", "AT / CH grouped",
  "Two landlords, two accounts: Wien ⟦IBAN|=iban('AT', True)⟧ and Zürich ⟦IBAN|=iban('CH', True)⟧. Which one needs a SEPA instant transfer?")
R("iban", "IE + PT in email",
  "Hi Siobhán, the conference refund goes to ⟦IBAN|=iban('IE', True)⟧; João's share goes to ⟦IBAN|=iban('PT', True)⟧. Thanks!")
R("iban", "PL 28 chars grouped",
  "Przelew na konto ⟦IBAN|=iban('PL', True)⟧ — tytuł: czynsz. Napisz potwierdzenie po angielsku.")
R("iban", "Nordics: SE DK NO FI",
  "Payroll set-up for the Nordic contractors:\n- SE: ⟦IBAN|=iban('SE')⟧\n- DK: ⟦IBAN|=iban('DK')⟧\n- NO: ⟦IBAN|=iban('NO')⟧\n- FI: ⟦IBAN|=iban('FI', True)⟧")
R("iban", "MT 31 chars, LU",
  "Explain why ⟦IBAN|=iban('MT', True)⟧ is so much longer than ⟦IBAN|=iban('LU', True)⟧ — both are my accounts.")
R("iban", "SEPA XML pain.001",
  "Is this pain.001 fragment valid?\n<CdtrAcct><Id><IBAN>⟦IBAN|=iban('DE')⟧</IBAN></Id></CdtrAcct>\n<CdtrAgt><FinInstnId><BIC>DEUTDEFFXXX</BIC></FinInstnId></CdtrAgt>")
R("iban", "GR, RO, HU, CZ in JSON",
  'Map these to our schema: [{"owner":"N. Papadopoulos","iban":"⟦IBAN|=iban(\'GR\')⟧"},{"owner":"A. Popescu","iban":"⟦IBAN|=iban(\'RO\')⟧"},'
  '{"owner":"K. Szabó","iban":"⟦IBAN|=iban(\'HU\')⟧"},{"owner":"P. Novák","iban":"⟦IBAN|=iban(\'CZ\')⟧"}]')
R("iban", "non-EU IBAN countries: SA, AE, TR, BR",
  "Expat payroll: Riyadh ⟦IBAN|=iban('SA')⟧, Dubai ⟦IBAN|=iban('AE')⟧, Istanbul ⟦IBAN|=iban('TR', True)⟧, São Paulo ⟦IBAN|=iban('BR', True)⟧.")
R("iban", "IBAN split label on previous line",
  "Bankverbindung für die Kaution:\nKontoinhaber: Felix Hartmann\nIBAN\n⟦IBAN|=iban('DE', True)⟧\nVerwendungszweck: Kaution Whg. 3")

# ---------------------------------------------------------------- credit cards
R("card", "Visa grouped in dispute letter",
  "Write a chargeback letter: my Visa ⟦CC|=card('4', 16, ' ')⟧ was charged twice for the same hotel night.")
R("card", "Mastercard 2-series compact",
  "Is this a Mastercard? ⟦CC|=card('2231', 16)⟧ — the checkout form says invalid.")
R("card", "Amex 4-6-5",
  "Expense report line: Amex ⟦CC|=card('37', 15, ' ')⟧, exp 09/27, team dinner €412.")
R("card", "Discover dashed",
  "Update the customer record: card on file is now ⟦CC|=card('6011', 16, '-')⟧.")
R("card", "JCB + Diners",
  "Which of these would a Japanese merchant accept? JCB ⟦CC|=card('3566', 16, ' ')⟧ or Diners ⟦CC|=card('3056', 14, ' ')⟧.")
R("card", "UnionPay 19-digit",
  "My UnionPay card ⟦CC|=card('6212', 19)⟧ keeps getting declined on your site. Help me write a support email.")
R("card", "Maestro",
  "Old Maestro card number ⟦CC|=card('6759', 16, ' ')⟧ — can I still use it in the UK?")
R("card", "card in JSON payload with cvv/exp",
  'Why does the gateway reject this?\n{"card": {"number": "⟦CC|=card(\'5425\', 16)⟧", "exp_month": 4, "exp_year": 2027, "cvc": "318"}, "amount": 4999}')
R("card", "card in chat, slang",
  "ok here's the cc for the booking ⟦CC|=card('4', 16, ' ')⟧ exp 11/26, name on card same as mine")
R("card", "MC 55 with odd spacing (4-4-4-4 with double spaces? no: dashes)",
  "Fraud alert text to customer: we blocked card ⟦CC|=card('5522', 16, '-')⟧ after a suspicious purchase.")
R("card", "Visa compact in log line",
  "Redact this before sending to the vendor:\n2025-02-11 10:41:07 ERROR payment failed pan=⟦CC|=card('4', 16)⟧ reason=do_not_honor")
R("card", "Discover 65 and 644",
  "Two Discover numbers from the test export: ⟦CC|=card('65', 16, ' ')⟧ and ⟦CC|=card('644', 16, ' ')⟧. Are both in the Discover range?")

# ---------------------------------------------------------------- SSN
R("ssn", "dashed SSN in form",
  "Fill in the W-4 for me: Name Kevin Ortiz, SSN ⟦SSN|=ssn('-')⟧, filing status single.")
R("ssn", "spaced SSN chat",
  "my social is ⟦SSN|=ssn(' ')⟧ can you tell me if that's the format the IRS wants")
R("ssn", "compact SSN after SSN#",
  "Employee import row: SSN#⟦SSN|=ssn('')⟧; hire date ⟦DT|2024-05-06⟧; dept 410.")
R("ssn", "dotted SSN",
  "Someone wrote the social security number as ⟦SSN|=ssn('.')⟧ on the application. Normalize it to the dashed form.")
R("ssn", "SSN in CSV with header",
  "Dedupe this:\nemployee_id,ssn,last_name\n1042,⟦SSN|=ssn('-')⟧,Nguyen\n1043,⟦SSN|=ssn('-')⟧,Okafor\n")
R("ssn", "Soc. Sec. No. abbreviation",
  "Tax prep note: spouse Soc. Sec. No. ⟦SSN|=ssn('-')⟧; dependent's ⟦SSN|=ssn('-')⟧.")
R("ssn", "SSN in Spanish-language form",
  "Traduce este formulario: Número de Seguro Social: ⟦SSN|=ssn('-')⟧. Estado civil: casado.")

# ---------------------------------------------------------------- US bank numbers
R("bank", "ACH with routing (not labelled) + account",
  "Direct deposit form: routing number ⟦!ABA|=aba()⟧, checking account number ⟦BANK|=digits(12)⟧. Write the HR email.")
R("bank", "Acct # abbreviation",
  "Wire details for the closing: Acct # ⟦BANK|=digits(10)⟧ at First Harbor Credit Union, ABA ⟦!ABA|=aba()⟧.")
R("bank", "account number in JSON",
  'Debug this payout call:\n{"payee": "L. Carter", "bank_account": {"routing": "⟦!ABA|=aba()⟧", "account_number": "⟦BANK|=digits(9)⟧", "type": "savings"}}')
R("bank", "account number 17 digits",
  "My brokerage sweep account number is ⟦BANK|=digits(17)⟧. Can I link it to Venmo?")
R("bank", "savings account with leading zeros",
  "Please update the payee: savings account no. ⟦BANK|=digits(11, '0')⟧, same routing as before.")

# ---------------------------------------------------------------- UK NHS
R("nhs", "NHS grouped in referral",
  "Referral letter: Mrs Eileen Shaw, NHS No. ⟦NHS|=nhs(' ')⟧, DOB ⟦DT|04/11/1942⟧. Please tidy up the wording.")
R("nhs", "NHS compact in table",
  "| patient | nhs_number | ward |\n|---|---|---|\n| A. Khan | ⟦NHS|=nhs('')⟧ | 7B |\n| R. Ellis | ⟦NHS|=nhs('')⟧ | 4A |")
R("nhs", "NHS dashed",
  "The discharge form has NHS number ⟦NHS|=nhs('-')⟧ — is the dash format acceptable for the spine lookup?")
R("nhs", "NHS number after 'NHS#'",
  "Summarise for the community nurse: pt NHS#⟦NHS|=nhs(' ')⟧, lives alone, daily insulin.")

# ---------------------------------------------------------------- US passport / driver's licence
R("passport", "9-digit passport",
  "Fill in the ESTA-style form: US passport number ⟦PP|=digits(9)⟧, issued ⟦DT|June 2, 2021⟧.")
R("passport", "next-gen letter+8",
  "Renewal question: my new passport book number is ⟦PP|=tok('A', 8, string.digits)⟧ and the old card number was different — which one goes on the DS-82?")
R("passport", "passport in travel itinerary table",
  "Traveller | Passport # | Seat\nM. Chen | ⟦PP|=digits(9)⟧ | 14C\nD. Chen | ⟦PP|=digits(9)⟧ | 14D")
R("passport", "passport no. abbreviation",
  "Hotel registration: guest passport no. ⟦PP|=tok('C', 8, string.digits)⟧ (USA). Is that enough for the police registration form?")
R("dl", "Florida letter+12 dashed",
  "Rental counter asked for my licence. FL driver's license ⟦DL|S531-462-78-912-0⟧, exp 03/2029. Is a digital copy OK?")
R("dl", "Wisconsin dashed",
  "Wisconsin DL# ⟦DL|B624-7193-5028-06⟧ — does the DMV require a REAL ID star for domestic flights?")
R("dl", "NJ letter+14 dashed 5-5-5",
  "Background check consent form: applicant's NJ driver license number ⟦DL|M3829-40172-93851⟧, date of birth ⟦DT|08/14/1991⟧.")
R("dl", "Illinois letter+11 dashed 4-4-4",
  "Illinois driver's license ⟦DL|R482-7730-1956⟧ was suspended by mistake; write a letter to the Secretary of State.")
R("dl", "California letter+7",
  "California DL ⟦DL|B8294715⟧ — can I use it as ID at the bank in Oregon?")
R("dl", "New York 9 digits spaced",
  "NY driver license no. ⟦DL|482 913 776⟧ — the insurance form rejects the spaces. Normalize it.")
R("dl", "Texas 8 digits + Pennsylvania spaced",
  "Two drivers on the policy: Texas DL ⟦DL|40938127⟧ and Pennsylvania DL ⟦DL|29 481 736⟧. Draft the add-driver request.")
R("dl", "Michigan spaced letter+12",
  "Michigan driver’s licence number: ⟦DL|S 482 193 776 201⟧. Is the first letter my surname initial?")
R("dl", "Ohio 2 letters + 6",
  "Traffic court form: Ohio DLN ⟦DL|SB482917⟧, citation 88-4471. Help me fill in the plea section.")
R("dl", "Washington WDL + Colorado dashed",
  "HR onboarding I-9 list B docs: WA driver license ⟦DL|WDL7K2M9Q4XB⟧; CO driver's license ⟦DL|09-482-7731⟧.")
R("dl", "Maryland dashed + Virginia dashed",
  "Moving from Maryland (license ⟦DL|K-482-917-330-518⟧) to Virginia; my new VA DL number is ⟦DL|A07-48-2291⟧. Which agencies do I notify?")
R("dl", "Arizona letter+8 (passport-like shape)",
  "Arizona driver license ⟦DL|D08427719⟧ expired last month — can I still fly domestically with it?")
R("dl", "CDL in trucking form",
  "Carrier onboarding: driver Miguel Torres, CDL ⟦DL|058213947⟧ (Georgia), medical card on file. Write the welcome email.")

# ---------------------------------------------------------------- medical record numbers
R("mrn", "MRN# prefix",
  "Pull the last HbA1c for MRN#⟦MRN|00482913⟧ and write a one-line summary for the diabetes clinic.")
R("mrn", "Med Rec No. dashed",
  "Transfer note: Med Rec No. ⟦MRN|7731-4420⟧, 68M, admitted ⟦DT|2025-02-14⟧ with CAP. Rewrite concisely.")
R("mrn", "chart number",
  "Please merge chart number ⟦MRN|882104⟧ into the older record — same patient, different spelling of the surname.")
R("mrn", "patient ID alphanumeric",
  "Lab interface error for patient ID ⟦MRN|P-0049312⟧: specimen received without collection time. Draft a message to the ward.")
R("mrn", "UK hospital number",
  "Clinic letter (UK): Hosp No: ⟦MRN|K1234567⟧, NHS No: ⟦NHS|=nhs(' ')⟧. Seen today in the falls clinic; please make it patient-friendly.")
R("mrn", "MRN in HL7 PID segment",
  "Parse this HL7 segment and tell me which field is the MRN:\nPID|1||⟦MRN|448812093⟧^^^MAINHOSP^MR||DOE^JANE^A||⟦DT|19700315⟧|F")
R("mrn", "EHR export CSV",
  "Anonymise for audit:\nmrn,admit_date,los_days,drg\n⟦MRN|A20931847⟧,⟦DT|2024-09-02⟧,4,193\n⟦MRN|A20931862⟧,⟦DT|2024-09-03⟧,2,392\n")
R("mrn", "medical record number spelled out",
  "The patient's medical record number is ⟦MRN|MR-5517203⟧; please attach it to the prior-auth request.")
R("mrn", "MRN with colon and spaces, SOAP note",
  "SOAP note to clean up:\nMRN: ⟦MRN|3320 1984⟧\nS: 3 days of productive cough\nO: T 38.4, SpO2 94% RA\nA: likely CAP\nP: amoxicillin, review in 48h")
R("mrn", "Krankenhaus Patientennummer",
  "Übersetze den Arztbrief: Patientennummer ⟦MRN|20250417-0931⟧, Aufnahme am ⟦DT|17.04.2025⟧, Entlassung am ⟦DT|22.04.2025⟧.")

# ---------------------------------------------------------------- health plan IDs / MBI
R("health_plan", "MBI compact",
  "Medicare beneficiary identifier ⟦HP|=mbi(False)⟧ — is this the new MBI format or the old HICN?")
R("health_plan", "MBI dashed in form",
  "CMS-1500 box 1a: insured's ID number ⟦HP|=mbi(True)⟧. What goes in box 11?")
R("health_plan", "Member ID with prefix letters",
  "Eligibility check: Member ID ⟦HP|XEH882910334⟧, group 0047120. Does the plan cover physiotherapy?")
R("health_plan", "Medicaid ID",
  "Write an appeal letter: Medicaid ID ⟦HP|KY48211937⟧ was terminated without notice.")
R("health_plan", "policy number on insurance card",
  "Transcribe the insurance card: Subscriber: Rosa Delgado · Policy #: ⟦HP|90412-33817-01⟧ · RxBIN 610014")
R("health_plan", "subscriber ID in 837 claim JSON",
  'Why is the claim rejected?\n{"subscriber": {"id": "⟦HP|W284719305⟧", "relationship": "self"}, "payer_id": "60054", "dos": "⟦DT|2025-03-11⟧"}')
R("health_plan", "health insurance member number German context",
  "Versichertennummer ⟦HP|A123456780⟧ — bitte das Anschreiben an die Krankenkasse auf Englisch übersetzen.")
R("health_plan", "Medicare number in chat",
  "my moms medicare number is ⟦HP|=mbi(True)⟧, can u help me fill out the part B form")

# ---------------------------------------------------------------- IP / MAC
R("ip", "public IPv4 in prose",
  "We keep getting credential-stuffing attempts from ⟦IP|185.220.101.47⟧ and ⟦IP|45.134.26.199⟧. Write an abuse report.")
R("ip", "private IPv4 with port",
  "The app can't reach Postgres at ⟦IP|10.4.12.7⟧:5432 from the pod, but ⟦IP|10.4.12.8⟧:5432 works. What should I check?")
R("ip", "IPv6 full + compressed",
  "Firewall rule review: allow ⟦IP|2a02:8108:1140:3c00:8d4e:11ff:fe3a:92b1⟧ and ⟦IP|2607:f8b0:4005:80b::200e⟧ on 443 only.")
R("ip", "IPv6 bracket with port",
  "curl works with [⟦IP|2a02:8108:1140:3c00::5⟧]:8443 but not with the hostname. Why?")
R("ip", "X-Forwarded-For chain",
  "Which IP is the real client? X-Forwarded-For: ⟦IP|81.2.69.160⟧, ⟦IP|172.31.8.19⟧, ⟦IP|10.0.0.4⟧")
R("ip", "IP in JSON event",
  'Classify this login event:\n{"user":"⟦EM|m.okafor@brightpath.org⟧","client_ip":"⟦IP|102.89.34.17⟧","ua":"Mozilla/5.0","result":"mfa_required"}')
R("ip", "link-local IPv6 with zone (zone excluded)",
  "ping6 ⟦IP|fe80::1c2b:3ff:fe4a:9e21⟧%eth0 fails from the other host on the same switch. Ideas?")
R("ip", "private ranges in config with loopback negative",
  "Explain this config:\nlisten_addr = ⟦!IP|127.0.0.1⟧:8080\nupstream = [\"⟦IP|192.168.50.21⟧:9000\", \"⟦IP|192.168.50.22⟧:9000\"]\nnetmask = ⟦!IP|255.255.255.0⟧")
R("ip", "IP in sshd log",
  "Is this brute force?\nFeb 11 03:14:07 bastion sshd[2211]: Failed password for root from ⟦IP|91.240.118.172⟧ port 51234 ssh2\n"
  "Feb 11 03:14:09 bastion sshd[2213]: Failed password for root from ⟦IP|91.240.118.172⟧ port 51240 ssh2")
R("ip", "IP in ansible inventory",
  "Convert this inventory to YAML:\n[web]\nweb1 ansible_host=⟦IP|172.20.4.11⟧\nweb2 ansible_host=⟦IP|172.20.4.12⟧\n[db]\ndb1 ansible_host=⟦IP|172.20.8.5⟧")
R("ip", "home router WAN IP in chat",
  "my home ip is ⟦IP|86.147.22.203⟧ and port forwarding to 25565 doesnt work for my minecraft server, help")
R("mac", "colon lowercase + dash uppercase",
  "Two devices fight over the same lease: ⟦MAC|3c:22:fb:9a:01:7e⟧ and ⟦MAC|3C-22-FB-9A-01-7F⟧. Are they the same vendor?")
R("mac", "Cisco dotted",
  "What does this mean? show mac address-table: vlan 20 ⟦MAC|0050.56a3.4f1c⟧ DYNAMIC Gi1/0/14")
R("mac", "dhcpd host block",
  "Explain this dhcpd.conf block:\nhost laptop-anna {\n  hardware ethernet ⟦MAC|a4:83:e7:2b:90:c1⟧;\n  fixed-address ⟦IP|192.168.1.57⟧;\n}")
R("mac", "MAC in JSON inventory",
  'Dedupe devices: [{"hostname":"kiosk-07","mac":"⟦MAC|B8:27:EB:4D:12:9A⟧"},{"hostname":"kiosk-08","mac":"⟦MAC|B8:27:EB:4D:12:9B⟧"}]')
R("mac", "MAC in wifi log",
  "hostapd log: wlan0: STA ⟦MAC|d0:81:7a:c4:55:0e⟧ IEEE 802.11: authenticated — then disassociated. Why would it drop?")

# ---------------------------------------------------------------- crypto
R("crypto", "BTC legacy P2PKH",
  "Is this a legacy or SegWit address? ⟦CRY|=btc('p2pkh')⟧ — my exchange wants to send there.")
R("crypto", "BTC P2SH",
  "Send the 0.015 BTC refund to ⟦CRY|=btc('p2sh')⟧, please confirm the fee.")
R("crypto", "bech32 P2WPKH",
  "Donation address for the newsletter footer: ⟦CRY|=btc('p2wpkh')⟧. Make it look nice in HTML.")
R("crypto", "bech32 P2WSH (62 chars)",
  "Our multisig vault is ⟦CRY|=btc('p2wsh')⟧; write the recovery runbook intro.")
R("crypto", "taproot bech32m",
  "Can an old wallet pay to ⟦CRY|=btc('p2tr')⟧? It starts with bc1p.")
R("crypto", "ETH lowercase in chat",
  "pls send the USDC to my wallet ⟦CRY|=eth()⟧ on mainnet not polygon")
R("crypto", "ETH in JSON with tx hash negative",
  'Explain this transfer:\n{"from":"⟦CRY|=eth()⟧","to":"⟦CRY|=eth()⟧","tx":"0x⟦_|=hexs(64)⟧","value":"0.42"}')
R("crypto", "BTC in invoice",
  "Invoice #A-2291 — pay 0.0084 BTC to ⟦CRY|=btc('p2wpkh')⟧ within 30 minutes. Translate to Spanish.")

# ---------------------------------------------------------------- URLs
R("url", "URL in prose with trailing period",
  "Summarize my portfolio page for a recruiter: ⟦URL|https://nadia-haddad.design/work⟧.")
R("url", "markdown link",
  "Turn this into a bullet list: see my [talk slides](⟦URL|https://speakerdeck.com/ohmeara/zero-downtime-migrations⟧) and [blog](⟦URL|https://ohmeara.dev/posts/outbox⟧).")
R("url", "URL in parentheses",
  "Write a bio for the conference site (my GitHub is ⟦URL|https://github.com/kteodorescu⟧) and keep it under 60 words.")
R("url", "www without scheme + host+path",
  "Personal links for the CV header: ⟦URL|www.lindqvist-photo.se⟧ and ⟦URL|linkedin.com/in/erik-lindqvist-4b21a⟧")
R("url", "query string + fragment",
  "Why does this reset link expire immediately? ⟦URL|https://account.mybank-demo.co.uk/reset?uid=88213&t=1736848000#step2⟧")
R("url", "URL in angle brackets (email style)",
  "Rewrite: Please find the shared folder here <⟦URL|https://drive.example-files.net/s/4kQw9ZpL⟧> and tell me when you're done.")
R("url", "ftp URL",
  "Our old scanner uploads to ⟦URL|ftp://files.ridgeview-clinic.org/scans/2025/⟧; how do we move this to SFTP?")
R("url", "URL in JSON",
  '{"profile_url": "⟦URL|https://www.behance.net/mariapaz_ilustra⟧", "avatar": "⟦URL|https://cdn.behance.net/u/88213/avatar.png⟧"} — write a schema for this.')
R("url", "IDN URL",
  "Ist ⟦URL|https://bäckerei-schmitt.de/bestellung⟧ eine sichere Domain? Der Link kam per SMS.")
R("url", "URL followed by comma and quote",
  "She wrote: \"my calendar is ⟦URL|https://cal.com/priya-raman/30min⟧, grab any slot\". Draft my reply.")

# ---------------------------------------------------------------- emails
R("email", "plain + plus addressing",
  "Set up a filter: anything from ⟦EM|invoices+acme@northwindlabs.io⟧ or ⟦EM|J.Harper@Kestrel-Legal.co.uk⟧ goes to the Finance folder.")
R("email", "display name angle brackets",
  "Reply-all but drop this person: \"Okafor, Michael\" <⟦EM|michael.okafor@brightpath.org⟧>; keep ⟦EM|a.lindqvist@brightpath.org⟧.")
R("email", "mailto link",
  'Fix the HTML: <a href="mailto:⟦EM|support.dpo@helvetia-pharma.ch⟧?subject=Data%20request">Contact our DPO</a>')
R("email", "obfuscated [at] [dot]",
  "My address for the newsletter is ⟦EM|rosa.delgado [at] fastmail [dot] com⟧ — please add me manually.")
R("email", "obfuscated (at) (dot) no spaces",
  "Contact the author: ⟦EM|t.nakamura(at)kyoto-u(dot)ac(dot)jp⟧")
R("email", "spelled out at/dot",
  "ok my email is ⟦EM|ben dot whitlock at gmail dot com⟧, send the photos there")
R("email", "percent-encoded",
  "Why is the user column URL-encoded in this log? user=⟦EM|anna.keller%40swisslab.ch⟧ action=export rows=1200")
R("email", "HTML entity",
  "Decode this: contact me at ⟦EM|jorge.pena&#64;correo-uno.es⟧ for details.")
R("email", "\\u0040 escaped in JSON",
  'Why doesn\'t this JSON display correctly?\n{"name": "Lena Vogel", "email": "⟦EM|lena.vogel\\u0040posteo.de⟧"}')
R("email", "internationalized local part + domain",
  "Will our validator accept ⟦EM|jürgen.weiß@müller-bau.de⟧ and ⟦EM|δοκιμή@παράδειγμα.gr⟧? Write a regex that does.")
R("email", "uppercase + subdomain",
  "Forward the contract to ⟦EM|PROCUREMENT@MAIL.STATE-UNI.EDU⟧ and cc ⟦EM|r.osei@mail.state-uni.edu⟧.")
R("email", "email in CSV",
  "Find the typos in the email column:\nid,email\n1,⟦EM|aisha.bello@yahoo.co.uk⟧\n2,⟦EM|dnguyen@gmial.com⟧\n3,⟦EM|kim_s@protonmail.ch⟧\n")
R("email", "email in git commit trailer",
  "Rewrite the commit message:\nfix: handle empty cart\n\nSigned-off-by: Tomasz Wiśniewski <⟦EM|tomasz.wisniewski@poczta.onet.pl⟧>")
R("email", "email with [dot] only",
  "Reach me on ⟦EM|hello@carla-moretti[dot]it⟧ — can you reword my bio?")

# ---------------------------------------------------------------- secrets
R("secret", ".env with Stripe live key + webhook secret",
  "Here's the staging .env, why does the webhook verification fail?\nSTRIPE_SECRET_KEY=⟦SEC|=tok('sk_live_', 24)⟧\n"
  "STRIPE_WEBHOOK_SECRET=⟦SEC|=tok('whsec_', 32)⟧\nAPP_URL=⟦URL|https://staging.tillpoint.io⟧\nLOG_LEVEL=debug")
R("secret", "YAML db password + private IP",
  "Why can't the service log in?\n```yaml\ndatabase:\n  host: ⟦IP|10.12.4.31⟧\n  port: 5432\n  user: billing_rw\n  password: ⟦SEC|Gr4nite-Harbor-19⟧\n  pool: 10\n```")
R("secret", "JSON Google key",
  'config.json fails to parse:\n{\n  "mapsKey": "⟦SEC|=tok(\'AIza\', 35, B64URL)⟧",\n  "zoom": 12,\n  "theme": "dark",\n}')
R("secret", "Python openai proj key",
  "Add retries to this:\n```python\nfrom openai import OpenAI\nclient = OpenAI(api_key=\"⟦SEC|=tok('sk-proj-', 156, B64URL)⟧\")\nresp = client.responses.create(model=\"gpt-4.1\", input=\"hi\")\n```")
R("secret", "JS anthropic key",
  "Convert to TypeScript:\n```js\nconst client = new Anthropic({ apiKey: '⟦SEC|=tok('sk-ant-api03-', 93, B64URL) + 'AA'⟧' });\n```")
R("secret", "curl bearer JWT",
  "Translate to Python requests:\ncurl -s -H \"Authorization: Bearer ⟦SEC|=jwt({'sub': '88213', 'role': 'admin', 'iat': 1736848000})⟧\" ⟦URL|https://api.fleetcore.io/v2/vehicles⟧")
R("secret", "curl -u user:password (password only)",
  "Why does this return 401?\ncurl -u deploy:⟦SEC|Wq9!vR2#tLm8⟧ ⟦URL|https://ci.internal-build.net/job/release/build⟧")
R("secret", "docker-compose env passwords",
  "Review this compose file:\nservices:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: ⟦SEC|xT7#pL2qVn9sEw⟧\n"
  "  cache:\n    image: redis:7\n    command: redis-server --requirepass ⟦SEC|r3d1s-S3cure-2024⟧")
R("secret", "k8s Secret base64 data",
  "Is this Secret manifest correct?\napiVersion: v1\nkind: Secret\nmetadata:\n  name: api-creds\ntype: Opaque\ndata:\n"
  "  username: ⟦_|=b64('svc_api')⟧\n  password: ⟦SEC|=b64('Pa55-w0rd!Kx82')⟧")
R("secret", "EC private key PEM",
  "Which curve is this key for?\n⟦SEC|=pem('EC PRIVATE KEY', 3)⟧")
R("secret", "OpenSSH private key PEM in prompt",
  "ssh keeps saying 'invalid format' for this key, what's wrong?\n⟦SEC|=pem('OPENSSH PRIVATE KEY', 6)⟧\nI copied it from Windows.")
R("secret", "AWS credentials file",
  "Explain the profiles in this file:\n[default]\naws_access_key_id = ⟦SEC|=tok('AKIA', 16, string.ascii_uppercase + '234567')⟧\n"
  "aws_secret_access_key = ⟦SEC|=aws_secret()⟧\nregion = eu-central-1")
R("secret", "git remote URL with PAT (credential URL -> SECRET)",
  "git push fails with 403:\n$ git remote -v\norigin  ⟦SEC|=\"https://oauth2:\" + tok('ghp_', 36) + \"@github.com/halvorsen-labs/ledger.git\"⟧ (push)")
R("secret", "Slack bot token in Python",
  "Why is Slack returning not_in_channel?\n```python\nclient = WebClient(token=\"⟦SEC|=tok('xoxb-', 0) + digits(12) + '-' + digits(13) + '-' + tok('', 24)⟧\")\n"
  "client.chat_postMessage(channel=\"C04QK2M7T\", text=\"build green\")\n```")
R("secret", "mongodb+srv connection string",
  "Mongoose can't connect:\nmongoose.connect(\"⟦SEC|mongodb+srv://reporting:Tq8vLz2pXw@cluster0.x7k2q.mongodb.net/prod?retryWrites=true&w=majority⟧\")")
R("secret", "postgres URL in Python settings",
  "Refactor settings.py to read from env:\nDATABASES_URL = '⟦SEC|postgresql://svc_orders:Nb4%21mQ7zR@orders-db.prod.internal:5432/orders⟧'\nDEBUG = False")
# TAXONOMY: a connection string with embedded credentials is SECRET as a whole, like the URL forms above
# (this row labelled only the Password= value until stop 13).
R("secret", "ADO.NET connection string with a password",
  "Connection fails from Azure Functions:\n⟦SEC|Server=tcp:ledger-sql.database.windows.net,1433;Initial Catalog=ledger;User ID=ledger_app;Password=h8&Kp2!Zq9Ve;Encrypt=True⟧;")
R("secret", "Java properties",
  "Spring Boot won't start:\nspring.datasource.url=jdbc:mysql://db01:3306/shop\nspring.datasource.username=shop\nspring.datasource.password=⟦SEC|Sh0p!Adm1n#77⟧")
R("secret", "PHP config",
  "Modernize this PHP:\n<?php\n$db_host = 'localhost';\n$db_user = 'wp_admin';\n$db_pass = '⟦SEC|Lantern_88_Moss⟧';\n$conn = mysqli_connect($db_host, $db_user, $db_pass);")
R("secret", "SQL IDENTIFIED BY",
  "Is this grant too broad?\nCREATE USER 'etl'@'%' IDENTIFIED BY '⟦SEC|qW3rty!Etl2025⟧';\nGRANT ALL PRIVILEGES ON *.* TO 'etl'@'%';")
R("secret", "prose wifi password",
  "Write a cute welcome sign for our guests with the wifi name \"Casa Moreno\" and the password ⟦SEC|girasol-naranja-42⟧.")
R("secret", "Terraform password",
  "Review:\nresource \"aws_db_instance\" \"main\" {\n  engine   = \"postgres\"\n  username = \"master\"\n  password = \"⟦SEC|Tf-Pr0d-9xq!Lm⟧\"\n}")
R("secret", "GitLab PAT",
  "Our CI uses GITLAB_TOKEN=⟦SEC|=tok('glpat-', 20, B64URL)⟧ — is it safe to put in .gitlab-ci.yml?")
R("secret", ".npmrc token",
  "npm publish says 401:\n//registry.npmjs.org/:_authToken=⟦SEC|=tok('npm_', 36)⟧")
R("secret", "Basic auth header base64",
  "Decode and explain this header: Authorization: Basic ⟦SEC|=b64('admin:Winter2024!')⟧")
R("secret", "SendGrid key",
  "Emails stopped sending. The env has SENDGRID_API_KEY=⟦SEC|=tok('SG.', 22, B64URL) + '.' + tok('', 43, B64URL)⟧. Is the format right?")
R("secret", "Twilio auth token hex with context",
  "twilio_client = Client(\"AC⟦_|=hexs(32)⟧\", \"⟦SEC|=hexs(32)⟧\")  # why does this 20003 error happen?")
R("secret", "Hugging Face token",
  "huggingface-cli login keeps failing with token ⟦SEC|=tok('hf_', 34)⟧ — is it expired?")
R("secret", "redis URL password only",
  "Celery broker setting: BROKER_URL = \"⟦SEC|redis://:Vx9kQ2mLp7@cache-prod.internal:6379/0⟧\" — make it use TLS.")
R("secret", "Azure storage account key",
  "Rotate this? DefaultEndpointsProtocol=https;AccountName=medimgstore;AccountKey=⟦SEC|=tok('', 86, ALNUM + '+/') + '=='⟧;EndpointSuffix=core.windows.net")
R("secret", "JWT in cookie header",
  "Why is the session invalid?\nCookie: theme=dark; session=⟦SEC|=jwt({'uid': 4471, 'exp': 1767225600}, 'RS256')⟧")
R("secret", "requests auth tuple",
  "Add error handling:\nr = requests.get(REPORT_URL, auth=(\"svc_report\", \"⟦SEC|Bx7$kP9!mQ2w⟧\"), timeout=10)")
R("secret", "German chat password",
  "Kannst du meiner Kollegin erklären, wie sie sich einloggt? Benutzer: jkrause, Passwort: ⟦SEC|Sommer!2025-kr⟧")
R("secret", "RSA private key in Python string",
  "Load this key with cryptography:\nKEY = \"\"\"⟦SEC|=pem('RSA PRIVATE KEY', 4)⟧\"\"\"")
R("secret", "GitHub fine-grained PAT in Actions yaml (bad practice)",
  "What's wrong here?\n- uses: actions/checkout@v4\n  with:\n    token: ⟦SEC|=tok('github_pat_', 22) + '_' + tok('', 59)⟧")
R("secret", "OpenAI legacy key in shell export",
  "export OPENAI_API_KEY=⟦SEC|=tok('sk-', 48)⟧ && python app.py   # says quota exceeded, is the key wrong?")
R("secret", "AWS session key ASIA in JSON",
  '{"AccessKeyId": "⟦SEC|=tok(\'ASIA\', 16, string.ascii_uppercase + \'234567\')⟧", "SecretAccessKey": "⟦SEC|=aws_secret()⟧", "Expiration": "2025-03-01T12:00:00Z"} — how long is this valid?')
R("secret", "password in INI",
  "Convert to TOML:\n[smtp]\nhost = smtp.mailgun.org\nuser = ⟦EM|postmaster@mg.tillpoint.io⟧\npassword = ⟦SEC|3f9c1b7a-mg-Keyx⟧\nport = 587")

# ---------------------------------------------------------------- mixed documents
R("mixed", "US clinical note",
  "Summarize this H&P for the handoff:\nPatient: Harold Jenkins  DOB: ⟦DT|09/17/1948⟧  MRN: ⟦MRN|01927734⟧\n"
  "Insurance: Medicare ⟦HP|=mbi(True)⟧, secondary member ID ⟦HP|ZGP442019387⟧\nAdmitted: ⟦DT|02/03/2025 22:40⟧ via ED\n"
  "Daughter (HCP): ⟦PH@US|(412) 630-9917⟧, ⟦EM|lisa.jenkins.hcp@gmail.com⟧\n"
  "HPI: 76M with COPD, 3 days worsening dyspnea. Metformin 500 mg BID. BP 148/92, HR 104, SpO2 88% RA.\nPlan: nebs, steroids, CXR.")
R("mixed", "UK clinic letter",
  "Please convert to a patient-friendly letter:\nRe: Mr Owen Price, DOB ⟦DT|23.06.1961⟧, NHS No ⟦NHS|=nhs(' ')⟧, Hosp No ⟦MRN|RH0448210⟧\n"
  "Seen in cardiology clinic on ⟦DT|11 February 2025⟧. Echo: EF 45%. Start bisoprolol 1.25 mg OD.\n"
  "Follow-up booked for ⟦DT|20/05/2025⟧ at ⟦DT|10:40⟧. Queries: cardiology secretaries ⟦PH@GB|01865 220 331⟧.")
R("mixed", "HR onboarding record",
  "New-hire checklist — anything missing?\nLegal name: Daniela Ruiz\nSSN: ⟦SSN|=ssn('-')⟧\nDOB: ⟦DT|1993-11-02⟧\nDriver's license: ⟦DL|B7731942⟧ (CA)\n"
  "Direct deposit: routing ⟦!ABA|=aba()⟧, account ⟦BANK|=digits(10)⟧\nStart date: ⟦DT|March 17, 2025⟧\nPersonal email: ⟦EM|daniruiz93@icloud.com⟧\nMobile: ⟦PH@US|(323) 845-2206⟧")
R("mixed", "support ticket with masked card and IP",
  "Ticket SUP-88412 — customer says she was double charged.\nEmail: ⟦EM|kwame.asante@outlook.com⟧\nCard: Visa ending •••• 4417 (masked in our system)\n"
  "Order: 112-4471092-3385120, placed from IP ⟦IP|73.189.42.116⟧\nCallback: ⟦PH@US|+1 510-882-3390⟧\nDraft an apology and refund confirmation.")
R("mixed", "travel booking",
  "Check this booking for errors:\nPassenger: MS AMARA OKONJO\nPassport: ⟦PP|=digits(9)⟧ (USA), DOB ⟦DT|14MAR1990⟧\nFlight: BA 117 LHR→JFK on ⟦DT|28 Apr 2025⟧, dep ⟦DT|11:25⟧\n"
  "Booking ref: QX7T2M · Ticket 125-2104497213\nContact: ⟦EM|amara.okonjo@gmail.com⟧, ⟦PH@GB|+44 7723 418 412⟧")
R("mixed", "code review with secrets and placeholders",
  "Review this diff for leaked credentials:\n```diff\n- API_KEY = os.environ[\"PAYMENTS_API_KEY\"]\n+ API_KEY = \"⟦SEC|=tok('sk_live_', 24)⟧\"\n"
  "  SENTRY_DSN = \"${SENTRY_DSN}\"\n+ DB_URL = \"⟦SEC|postgres://ledger:Hq2!vX9mRt@10.8.0.14:5432/ledger⟧\"\n  TIMEOUT = 30\n```")
R("mixed", "router/DHCP log",
  "Which device is misbehaving?\nJan 12 22:01:17 gw dnsmasq-dhcp[812]: DHCPACK(br0) ⟦IP|192.168.8.144⟧ ⟦MAC|6c:40:08:9e:17:d2⟧ iPhone-von-Jana\n"
  "Jan 12 22:01:19 gw dnsmasq-dhcp[812]: DHCPACK(br0) ⟦IP|192.168.8.145⟧ ⟦MAC|f4:5c:89:b1:03:4e⟧ tv-livingroom\n"
  "Jan 12 22:03:44 gw kernel: DROP IN=ppp0 SRC=⟦IP|45.83.64.12⟧ DST=⟦IP|88.74.201.9⟧ PROTO=TCP DPT=23")
R("mixed", "finance email with IBAN, card and invoice no",
  "Hi Marta, invoice INV-2025-00417 (€2,180.00) is still open. You can pay by transfer to ⟦IBAN|=iban('ES', True)⟧ "
  "or we can charge the card ending 9921 we have on file. Your previous payment on ⟦DT|14/01/2025⟧ came from ⟦IBAN|=iban('ES')⟧. — Please rewrite this politely.")
R("mixed", "markdown customer table",
  "Sort by tier, then name:\n| customer | email | phone | tier |\n|---|---|---|---|\n| H. Tanaka | ⟦EM|h.tanaka@kobe-trading.jp⟧ | ⟦PH@JP|+81 78-391-7722⟧ | gold |\n"
  "| P. Mensah | ⟦EM|pmensah@ghmail.com⟧ | ⟦PH@GB|07943 118 620⟧ | silver |\n| L. Costa | ⟦EM|luis.costa@sapo.pt⟧ | ⟦PH@PT|+351 926 410 338⟧ | gold |")
R("mixed", "email signature thread",
  "Make this signature shorter:\n--\nDr. Ingrid Solberg | Head of Research\nT ⟦PH@NO|+47 22 85 50 50⟧ | M ⟦PH@NO|+47 918 44 271⟧\n⟦EM|ingrid.solberg@nordfjord-bio.no⟧ | ⟦URL|https://nordfjord-bio.no/team/solberg⟧")
R("mixed", "French rental application",
  "Aide-moi à compléter ce dossier de location :\nNom : Camille Laurent\nNée le : ⟦DT|02/08/1994⟧\nTél. : ⟦PH@FR|07 58 23 91 40⟧\nCourriel : ⟦EM|camille.laurent94@orange.fr⟧\n"
  "IBAN : ⟦IBAN|=iban('FR', True)⟧\nEmployeur depuis le ⟦DT|1er septembre 2021⟧")
R("mixed", "US rental application with SSN and bank",
  "Rental application — check it's complete:\nApplicant: Trevor Mills, DOB ⟦DT|Jan 9, 1987⟧\nSSN ⟦SSN|=ssn(' ')⟧ · DL ⟦DL|T12-44-8830⟧ (VA)\n"
  "Bank: checking acct ⟦BANK|=digits(11)⟧\nCurrent landlord: ⟦PH@US|703-914-0142⟧\nMove-in: ⟦DT|06/01/2025⟧")
R("mixed", "k8s deployment with env values",
  "Why is the pod CrashLooping?\nenv:\n  - name: DB_HOST\n    value: \"⟦IP|10.96.14.22⟧\"\n  - name: DB_PASSWORD\n    value: \"⟦SEC|k8s-Pg!Pass-4471⟧\"\n"
  "  - name: API_TOKEN\n    valueFrom:\n      secretKeyRef: {name: api-token, key: token}\n  - name: LOG_LEVEL\n    value: info")
R("mixed", "crypto scam report",
  "Help me write a police report. The scammer (⟦EM|support@coinvault-recovery.net⟧, site ⟦URL|https://coinvault-recovery.net/claim⟧) told me to send "
  "0.3 BTC to ⟦CRY|=btc('p2pkh')⟧ and then USDT to ⟦CRY|=eth()⟧. I sent it on ⟦DT|3 March 2025⟧ at ⟦DT|21:14⟧.")
R("mixed", "insurance claim email (German)",
  "Bitte formeller formulieren: Hallo, meine Versichertennummer ist ⟦HP|M482913377⟧, geboren ⟦DT|12.12.1980⟧. "
  "Die Rechnung vom ⟦DT|03.02.2025⟧ habe ich per Mail an ⟦EM|leistung@meine-kasse.example.de⟧ geschickt. Rückruf bitte unter ⟦PH@DE|0176 48291735⟧.")

# ---------------------------------------------------------------- hard negatives (no structured PII at all)
R("neg_version", "IPv4-shaped firmware versions",
  "We're on firmware 4.2.1.17 and the vendor says 4.2.2.3 fixes the PoE bug. Write the change request (risk: low).")
R("neg_version", "Windows build + Chrome version",
  "Users on Windows 10.0.22631.4751 with Chrome 131.0.6778.86 report a blank page. Draft the known-issue note.")
R("neg_version", "doc section numbers + OID",
  "Explain section 2.1.4.3 of the SNMP guide and what OID 1.3.6.1.4.1.311.21.8 refers to.")
R("neg_version", "semver with build metadata",
  "Is v2.14.0-rc.3+build.5117 newer than 2.14.0? Explain semver precedence.")
R("neg_version", "four-part .NET assembly versions all <=255",
  "Binding redirect fails: oldVersion=\"0.0.0.0-13.0.0.0\" newVersion=\"13.0.3.0\" for Newtonsoft.Json. What should it be?")
R("neg_version", "dependency pins",
  "Resolve this conflict: requests==2.32.3 needs urllib3<3,>=1.21.1 but botocore 1.35.99 pins urllib3<1.27 on py3.9.")
R("neg_version", "Android build fingerprint",
  "What does this fingerprint tell us? google/husky/husky:14/AP2A.240905.003/12231197:user/release-keys")
R("neg_net", "loopback, unspecified, netmask",
  "The API binds to ⟦!IP|0.0.0.0⟧:8000, health checks hit ⟦!IP|127.0.0.1⟧:8000/healthz, and the subnet mask is ⟦!IP|255.255.255.0⟧. Why does the probe time out?")
R("neg_net", "IPv6 loopback and CIDR any",
  "Explain the difference between ::1, ::/0 and 0.0.0.0/0 in a security group rule.")
R("neg_net", "ports and localhost",
  "docker run -p 8080:80 -p 5432:5432 works, but localhost:8080 shows nginx's default page. What am I missing?")
R("neg_net", "time-like and ratio strings vs MAC/IP",
  "The video is 16:9 at 1920x1080, keyframe every 2s, and the timestamp 01:02:03:04 is SMPTE timecode. Explain the drop-frame issue.")
R("neg_net", "cron and HH:MM:SS in logs",
  "Why did the job run at 02:30:00 and again at 02:30:01? Schedule: 30 2 * * *, timezone Europe/Berlin, DST ended that night.")
R("neg_net", "netmask /wildcards in ACL",
  "Convert this Cisco ACL wildcard 0.0.0.255 and mask 255.255.240.0 to CIDR notation.")
R("neg_ids", "order / invoice / tracking numbers",
  "Order 112-4471092-3385120 shipped with UPS 1Z4W7Y830392018844, invoice INV/2025/00417. Write a shipping delay notice without naming anyone.")
R("neg_ids", "USPS tracking 22 digits",
  "Tracking 9400 1112 0223 4567 8901 23 says 'label created' for 5 days. Is the package lost?")
R("neg_ids", "ISBNs",
  "Find editions of ISBN ⟦_|978-0-13-468599-1⟧ and ⟦_|0-262-03384-4⟧ and compare page counts.")
R("neg_ids", "UUID + request id",
  "The error says request ⟦_|=uuid4()⟧ failed with trace id ⟦_|=hexs(32)⟧. Where do I look in Datadog?")
R("neg_ids", "git SHAs",
  "git bisect says ⟦_|=hexs(40)⟧ is the first bad commit; the last good one was ⟦_|=hexs(7)⟧. Explain how to revert just that commit.")
R("neg_ids", "sha256 and md5 checksums",
  "Does this download match? sha256: ⟦_|=hexs(64)⟧ md5: ⟦_|=hexs(32)⟧")
R("neg_ids", "JIRA / incident / CVE ids",
  "Link JIRA-4471, INC0012345 and CVE-2024-3094 in the postmortem and summarize the timeline.")
R("neg_ids", "SKU / EAN barcode",
  "Our SKU 24-4471-09 maps to EAN 4006381333931; the scanner reads it as 400638133393. Why?")
R("neg_ids", "phone-shaped order number",
  "Customer quotes order no. 2039-8427-16 and PO 0800-4471-2209. Which one is the purchase order?")
R("neg_ids", "container / VIN / serial",
  "Customs form: container MSCU 482193 7, VIN 1FTFW1E50NFB48213, laptop S/N C02XK1ZPJG5H. Which fields are mandatory?")
R("neg_ids", "flight number and PNR",
  "Flight LH 1234 on the usual route was cancelled; PNR K7XQ2M. What are my EU261 rights? (Don't need personal info.)")
R("neg_ids", "airline ticket number 13 digits",
  "What does the prefix 176 mean in ticket number 176-2104497219?")
R("neg_ids", "IMEI (Luhn-valid 15 digits, not a card)",
  "The phone's IMEI is ⟦!CC|=card('35209900', 15)⟧ — how do I check if it's blacklisted?")
R("neg_ids", "NPI provider number",
  "Is NPI ⟦!NHS|1245319599⟧ the clinic's or the doctor's identifier? Explain Type 1 vs Type 2.")
R("neg_card", "Luhn-invalid look-alikes",
  "Why does the form reject ⟦!CC|=badcard('4', 16, ' ')⟧ and ⟦!CC|=badcard('5', 16, '-')⟧? They look like normal card numbers.")
R("neg_card", "masked cards",
  "Receipt: VISA •••• 4417, Mastercard **** **** **** 9921, AMEX XXXX-XXXXXX-31005. Total $248.10. Categorize these expenses.")
R("neg_card", "test card mention without number + last4",
  "Write a QA checklist for declined-card flows: card ending 0002, expired card, insufficient funds, 3-D Secure challenge.")
R("neg_card", "16-digit Luhn-invalid in JSON",
  '{"voucher_code": "⟦!CC|=badcard(\'6011\', 16)⟧", "balance": 25.00} — generate five more vouchers in the same format.')
R("neg_iban", "check-invalid IBANs",
  "Explain why the bank rejects ⟦!IBAN|=badiban('DE', True)⟧ and ⟦!IBAN|=badiban('GB')⟧. Is it the check digits?")
R("neg_iban", "BIC codes only",
  "Which banks are DEUTDEFF, NWBKGB2L, BNPAFRPPXXX and INGBNL2A? Explain the BIC structure.")
R("neg_iban", "IBAN format explainer with invalid example",
  "In JavaScript, validate IBANs like ⟦!IBAN|=badiban('FR', True)⟧ using mod-97; show the code.")
R("neg_iban", "wrong-length IBAN",
  "This IBAN ⟦!IBAN|=iban('NL')[:-1]⟧ has only 17 characters. What's missing?")
R("neg_bank", "routing number only",
  "What bank does routing number ⟦!ABA|=aba()⟧ belong to? And is ACH same-day possible?")
R("neg_bank", "masked account",
  "Statement shows 'checking ...0042' and 'savings ****7731'. Reconcile the transfers between them.")
R("neg_ssn", "masked SSN + invalid ranges",
  "Our form shows ***-**-4471 and XXX-XX-0932. Also explain why ⟦!SSN|000-12-3456⟧, ⟦!SSN|666-45-1234⟧ and ⟦!SSN|912-78-3456⟧ can never be valid SSNs.")
R("neg_ssn", "SSN-shaped part number",
  "Part number 412-55-8890 is out of stock; suggest an equivalent bearing (6204-2RS).")
R("neg_ssn", "ITIN explainer",
  "What's the difference between an SSN and an ITIN like ⟦!SSN|943-71-2288⟧? I'm a freelancer.")
R("neg_nhs", "check-invalid NHS look-alikes",
  "The spine lookup rejects ⟦!NHS|=badnhs(' ')⟧ and ⟦!NHS|=badnhs('')⟧. How is the NHS check digit computed?")
R("neg_crypto", "tx hash + invalid BTC checksum",
  "Is ⟦!CRY|=badbtc('p2pkh')⟧ a valid address? The tx 0x⟦_|=hexs(64)⟧ never confirmed.")
R("neg_crypto", "bech32 bad checksum + short hex",
  "Wallet says 'invalid checksum' for ⟦!CRY|=badbtc('p2wpkh')⟧. Also what is 0xdeadbeef in Solidity tests?")
R("neg_secret", "placeholders in .env.example",
  "Write docs for this .env.example:\nOPENAI_API_KEY=YOUR_API_KEY\nSTRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\nDATABASE_URL=${DATABASE_URL}\nJWT_SECRET=changeme")
R("neg_secret", "env var references",
  "Explain these: token: ${{ secrets.NPM_TOKEN }}, password: ${DB_PASSWORD}, apiKey: process.env.MAPS_KEY, key=os.environ['AWS_SECRET_ACCESS_KEY'].")
R("neg_secret", "angle-bracket placeholders in curl",
  "Document this call: curl -H \"Authorization: Bearer <token>\" -H \"X-Api-Key: <your-api-key>\" $API_BASE/v1/items")
R("neg_secret", "bcrypt / argon2 hashes",
  "Which algorithm produced these? $2b$12$KIXQJ3jvI1G8yO7lZ3q4xOeK2p9Yb6f8Z1m3N5c7V9x1B3d5F7h9e and "
  "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG")
R("neg_secret", "masked secrets",
  "The logs show api_key=sk-****...a1b2 and password=******** — is that enough masking for SOC 2?")
R("neg_secret", "secret names not values",
  "List what these Helm values do: secretName: prod-db-credentials, existingSecretPasswordKey: postgres-password, tokenTTL: 3600, passwordMinLength: 12.")
R("neg_secret", "sk-xxxx docs + REPLACE_ME",
  "In the README, replace `sk-...` with `sk-xxxxxxxxxxxxxxxxxxxxxxxx` and `ANTHROPIC_API_KEY=REPLACE_ME`. Reword the setup section.")
R("neg_secret", "password policy text",
  "Write a password policy: at least 14 characters, no reuse of the last 5, rotate service tokens every 90 days.")
R("neg_secret", "empty/redacted values in YAML",
  "Why does Helm fail?\nauth:\n  username: admin\n  password: \"\"\n  token: <redacted>\n  apiKey: null")
R("neg_secret", "GitHub Actions with secrets refs",
  "Review:\n- run: ./deploy.sh\n  env:\n    AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n    AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}")
R("neg_secret", "public key, not private",
  "Add this to authorized_keys? ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq3vZ1mK8pXw2LrT9sYc4dF6gJ0bN7eQ1aU5iO3xW2 deploy@ci")
R("neg_email", "package@version, decorators, mentions",
  "Upgrade lodash@4.17.21 and @types/node@20.11.5, explain @Override vs @Deprecated, and ping @channel when done.")
R("neg_email", "docker digest and CSS at-rules",
  "Pin the image python:3.12-slim@sha256:⟦_|=hexs(64)⟧ and explain @media and @supports in this stylesheet.")
R("neg_url", "filenames and module paths",
  "Rename main.py to app.py, move config.yaml next to README.md, and import os.path.join instead of posixpath.join.")
R("neg_url", "Java packages and product names",
  "Compare org.apache.commons.lang3.StringUtils with Guava's Strings; also is Node.js or Next.js better for SSR?")
R("neg_misc", "prices, percentages, measurements",
  "The plan costs $1,249.99/yr (€1.149,00), churn is 3.2%, and p95 latency is 412 ms at 1.5k rps. Write the exec summary.")
R("neg_misc", "clinical values that look like dates",
  "Explain these vitals in plain English: BP 138/86, HR 72, Temp 37.8 °C, HbA1c 7.2%, eGFR 58 mL/min/1.73m2, 1/2 tablet BID.")
R("neg_misc", "clinical codes",
  "Map these codes: ICD-10 E11.9 and I10, CPT 99213, LOINC 4548-4, NDC 0002-8215-01. Which are billing codes?")
R("neg_misc", "sports scores and verse refs",
  "Write a match report: won 3-1 after extra time, 2-2 at 90', and the coach quoted John 3:16 afterwards.")
R("neg_misc", "statistics",
  "Interpret: HR 1.29 (95% CI 1.12–1.48), p=0.003, n=4,471; median follow-up 3.2 years.")
R("neg_misc", "math and matrices",
  "Solve 3x + 7 = 22 and compute the determinant of [[2, 4], [1, 3]]. Then explain 10/3 in floating point.")
R("neg_misc", "age and duration only",
  "My 8-year-old has had a fever of 38.9 for 2 days. When should we see a doctor?")
R("neg_misc", "years only",
  "Summarize the company history: founded in 1998, IPO in 2007, acquired in 2019.")
R("neg_misc", "countries, states, product names",
  "Is the Pixel 8 Pro or the Galaxy S23 better value in Texas vs. Ontario? Consider import tax from Germany.")
R("neg_misc", "recipe with fractions and times",
  "Scale this recipe: 3/4 cup flour, 1 1/2 tsp salt, bake at 180 °C for 25–30 min, rest 10:00.")
R("neg_misc", "hex colors and CSS",
  "Pick an accessible palette around #3c22fb and #f4f4f5; contrast ratio must be at least 4.5:1.")
R("neg_misc", "coordinates-free geography trivia",
  "Who won the 2010 World Cup, and which country hosted the 2014 edition?")
R("neg_misc", "time zones and meeting with no person",
  "Convert 14:00 UTC to PST, CET and IST for the public webinar announcement.")
R("neg_misc", "long numbers in finance report",
  "Revenue was 12 450 300 EUR in FY2024, up from 11 980 112; headcount 1 204. Write two sentences.")
R("neg_misc", "kubernetes resources",
  "Explain: resources: {requests: {cpu: 250m, memory: 512Mi}, limits: {cpu: 1, memory: 1Gi}}, replicas: 3, maxSurge: 25%.")
R("neg_misc", "regex explanation",
  "Explain this regex: ^\\d{3}-\\d{2}-\\d{4}$ and why it over-matches social security numbers.")
R("neg_misc", "SQL without data",
  "Optimize: SELECT customer_id, SUM(total) FROM orders WHERE created_at >= NOW() - INTERVAL '30 days' GROUP BY 1 HAVING SUM(total) > 1000;")
R("neg_misc", "unit conversions",
  "Convert 5'11\" to cm, 165 lb to kg and 72 °F to Celsius.")
R("neg_misc", "bank holiday schedule (non-personal dates)",
  "List UK bank holidays in 2025: 1 January, 18 April, 21 April, 5 May, 26 May, 25 August, 25 and 26 December. Format as a table.")
R("neg_misc", "product launch date",
  "Our product launch is planned for 12 June 2025; the press embargo lifts 09:00 BST that day. Draft the announcement.")
R("neg_misc", "office closure notice",
  "Write a notice: the office will be closed from 24.12.2025 to 01.01.2026; urgent IT issues go to the on-call rotation.")
R("neg_misc", "generic chat, no PII",
  "can you explain how compound interest works with an example of 1000 at 5% for 10 years")
R("neg_misc", "eponyms",
  "Compare Dijkstra's algorithm with A* and explain Bellman-Ford's handling of negative weights.")
R("neg_misc", "apartment/room numbers and floor",
  "Room 4.17 on floor 4 is booked; move the workshop to room 2.03 and update the signage.")
R("neg_misc", "version-like dates",
  "Calendar versioning: release 2025.03.1 replaces 2024.12.4. Is CalVer better than SemVer for our CLI?")
R("neg_misc", "lat-less time expressions",
  "Our SLA is 99.95% monthly uptime, RTO 4h, RPO 15 min. Write the SLA summary.")
R("neg_misc", "HTTP status and error codes",
  "We get HTTP 429, then ORA-12541 and ERR_CONNECTION_RESET. What's the likely root cause order?")
R("neg_misc", "Linux commands with numbers",
  "What does chmod 0644 and umask 022 do? And why does `kill -9 4471` not free port 3000?")
R("neg_misc", "lottery-ish number list",
  "Pick 6 numbers between 1 and 49: 04 11 23 31 38 47 — is any combination more likely to win?")
R("neg_misc", "ASIN and model numbers",
  "Is B08N5WRWNW the same product as model WH-1000XM4? Compare to SM-S911B.")
R("neg_misc", "log line with only system data",
  "Parse: ts=2025-02-11T10:41:07Z level=error svc=checkout pod=checkout-7f9c6d-2xk4p err=\"context deadline exceeded\" dur=30.001s")
R("neg_misc", "git/semver/tag combo",
  "Tag v3.4.2 points at commit ⟦_|=hexs(40)⟧ but the changelog says 3.4.1 was released on 2025-01-30. Fix the tags.")
R("neg_misc", "non-personal phone-like zip+4? no: part numbers",
  "Replacement filter part no. 02139-4307-A fits models 7722-B and 7723-C. Which one is cheaper?")
R("neg_misc", "IBAN explanation without an IBAN",
  "Explain the structure of a German IBAN: country code, 2 check digits, 8-digit bank code, 10-digit account number.")
R("neg_misc", "UUIDs in YAML",
  "Validate:\ntenants:\n  - id: ⟦_|=uuid4()⟧\n    plan: pro\n  - id: ⟦_|=uuid4()⟧\n    plan: free")
R("neg_misc", "benchmark table",
  "| run | p50 ms | p95 ms | rps |\n|---|---|---|---|\n| 1 | 12.4 | 41.8 | 1204 |\n| 2 | 11.9 | 39.2 | 1251 |\nWhich run is better?")
R("neg_misc", "MAC-like but not (time with millis)",
  "Why do these timestamps collide? 10:41:07:123 and 10:41:07:124 in the legacy log format.")
R("neg_misc", "bitcoin explainer without address",
  "Explain the difference between P2PKH, P2SH, bech32 and taproot addresses at a high level.")

# ---------------------------------------------------------------- extra probes (appended; keeps earlier generated values stable)
R("ip", "IPv4-mapped IPv6",
  "Our logs show the client as ⟦IP|::ffff:81.2.69.161⟧ — is that IPv4 or IPv6? Explain dual-stack sockets.")
R("iban", "lowercase IBAN typed by user",
  "i typed my iban as ⟦IBAN|=iban('DE').lower()⟧ and the form says invalid, does case matter?")
R("date", "yyyy/mm/dd appointment",
  "Appointment confirmation (translated from Japanese): 予約日 ⟦DT|2025/03/14 (Fri)⟧ ⟦DT|15:30⟧, please bring your insurance card.")
R("date", "non-padded German date",
  "Der Patient wurde am ⟦DT|4.3.2025⟧ operiert und am ⟦DT|9.3.2025⟧ entlassen. Bitte Entlassbrief kürzen.")
R("date", "month + ordinal without year",
  "Can you remind Jake his dentist appointment moved to ⟦DT|Mar 3rd⟧ at ⟦DT|8:15 a.m.⟧?")
R("secret", "encrypted PKCS#8 private key",
  "How do I decrypt this for nginx?\n⟦SEC|=pem('ENCRYPTED PRIVATE KEY', 5)⟧")
R("secret", "JWT id_token in JSON response",
  'Decode the claims: {"token_type": "Bearer", "expires_in": 3600, "id_token": "⟦SEC|=jwt({\'sub\': \'auth0|5f2c\', \'email_verified\': True}, \'RS256\')⟧"}')
R("phone", "US dashed with +1-",
  "Forward my calls to ⟦PH@US|+1-415-729-0386⟧ while I'm travelling — write the instructions for the receptionist.")
R("phone", "DE old-style parenthesised area code",
  "Alte Visitenkarte digitalisieren: Telefon ⟦PH@DE|(0 30) 4471 2290⟧, Telefax ⟦PH@DE|(0 30) 4471 2291⟧.")
R("ssn", "SSN compact as JSON string value",
  'Mask this payload before logging: {"applicant": {"ssn": "⟦SSN|=ssn(\'\')⟧", "income": 72000}}')
R("card", "card number as JSON number",
  'Why does JavaScript corrupt this? {"pan": ⟦CC|=card(\'4\', 16)⟧, "exp": "12/27"}')
R("neg_version", "Chrome user agent with IPv4-shaped version",
  "Parse this UA: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36")
R("neg_version", "driver version 1.0.0.1",
  "Driver version 1.0.0.1 fails to install on ARM; version 2.5.10.200 works. Write the support KB article.")
R("neg_version", "dotted build numbers 4 parts",
  "Xcode 15.4 (15F31d) and build 23.4.1.97 of our SDK: which minimum iOS does the SDK support?")
R("neg_secret", "secret-sounding words without values",
  "Our API key rotation job failed; the password reset email template also needs a new token expiry sentence. Write both texts.")

R("neg_date", "space-separated log timestamps (Python logging)",
  "Why does the worker restart?\n2025-03-02 14:05:19,482 - celery.worker - INFO - Task reports.build succeeded\n2025-03-02 14:05:21,007 - celery.worker - WARNING - Worker lost, restarting")
R("neg_date", "Laravel log line",
  "Explain this error: [2025-03-02 14:05:19] production.ERROR: SQLSTATE[HY000] [2002] Connection refused (SQL: select * from jobs)")
R("neg_date", "plain space-separated log with level",
  "Is the pool too small?\n2025-03-02 14:05:19 ERROR db pool exhausted (active=50, idle=0)\n2025-03-02 14:05:21 WARN retrying in 2s")


# ====================================================================== main
def build():
    return build_rows("ch", [(cat, note, tmpl, None) for cat, note, tmpl in ROWS], render)


def build_rows(prefix: str, rows, render, check_row=None):
    """Render `rows` of (category, note, template, locale) into gold records with ids
    `{prefix}-0001`…; `check_row(rid, category, spans)` may add errors. Returns (records, errors)."""
    out, errs, seen = [], [], set()
    for i, (cat, note, tmpl, loc) in enumerate(rows, 1):
        rid = f"{prefix}-{i:04d}"
        text, spans, e = render(rid, tmpl)
        errs += e
        if text in seen:
            errs.append(f"{rid}: duplicate text")
        seen.add(text)
        if check_row:
            errs += check_row(rid, cat, spans)
        meta = {"category": cat, "note": note}
        if loc:
            meta["locale"] = loc
        out.append({"id": rid, "text": text, "spans": spans, "meta": meta, "label_scope": SCOPE})
    ids = [r["id"] for r in out]
    assert len(ids) == len(set(ids))
    return out, errs


def run(build, default_name):
    """Build the set with `build()`, validate it and write it (shared by the challenge generators)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), default_name))
    ap.add_argument("--strict-phones", action="store_true", help="fail if phonenumbers is not importable")
    a = ap.parse_args()
    if phonenumbers is None:
        msg = "note: `phonenumbers` not importable; phone numbers were not re-validated"
        if a.strict_phones:
            raise SystemExit(msg)
        print(msg, file=sys.stderr)
    rows, errs = build()
    if errs:
        print("\n".join(errs), file=sys.stderr)
        raise SystemExit(f"{len(errs)} validation error(s)")
    with open(a.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    lc = Counter(s["label"] for r in rows for s in r["spans"])
    neg = sum(1 for r in rows if not r["spans"])
    print(f"wrote {len(rows)} rows, {sum(lc.values())} spans, {neg} PII-free rows ({neg / len(rows):.0%}) -> {a.out}")
    for k, v in sorted(lc.items(), key=lambda kv: -kv[1]):
        print(f"  {k:24s} {v}")


def main():
    run(build, "challenge.jsonl")


if __name__ == "__main__":
    main()
