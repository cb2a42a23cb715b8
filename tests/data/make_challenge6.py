#!/usr/bin/env python3
"""Challenge set 6: context-dependent US / health identifiers in new phrasings, plus hard negatives.

Written independently of the detector (from /work/shared/eval/TAXONOMY.md only). Stdlib only, fixed seed:

    python3 tests/data/make_challenge6.py            # writes tests/data/challenge6.jsonl

Every text is built from parts; each labelled value's offsets are recorded as it is appended, so the
offsets are Unicode code-point offsets by construction. Every generated value is valid by the TAXONOMY
rules (SSN ranges, Luhn, NHS mod-11, IBAN mod-97, ABA routing checksum for the unlabelled routing numbers,
Base58Check / bech32 for Bitcoin, CMS MBI character classes). Look-alikes are made invalid on purpose
and verified invalid. Only structured labels are scored (label_scope on every row): PERSON, LOCATION,
ORGANIZATION and NRP mentions in the text are not annotated.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import random
import string
import sys
import uuid
from datetime import date, timedelta

SEED = 6_2025_0606
R = random.Random(SEED)

SCOPE = [
    "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "US_PASSPORT",
    "US_DRIVER_LICENSE", "US_BANK_NUMBER", "IP_ADDRESS", "MAC_ADDRESS", "URL", "DATE_TIME",
    "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "CRYPTO", "UK_NHS", "SECRET",
]

# ----------------------------------------------------------------------------------------------
# text builder


class B:
    """Append text parts; labelled parts record their (start, end, label)."""

    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[dict] = []
        self.expect: list[tuple[str, str]] = []

    def t(self, s: str):
        self.parts.append(s)
        self.pos += len(s)
        return self

    def v(self, s: str, label: str | None):
        if label:
            assert s and s == s.strip(), repr(s)
            self.spans.append({"start": self.pos, "end": self.pos + len(s), "label": label})
            self.expect.append((s, label))
        return self.t(s)

    def f(self, template: str, **kw):
        """str.format-like: {name} is replaced by kw[name]; a tuple (text, label) is a labelled value,
        (text, None) or a plain str is unlabelled. Literal braces are written {{ }}."""
        for literal, field, spec, conv in string.Formatter().parse(template):
            if literal:
                self.t(literal)
            if field is not None:
                val = kw[field]
                if isinstance(val, tuple):
                    self.v(val[0], val[1])
                else:
                    self.t(format(val, spec) if spec else str(val))
        return self

    @property
    def text(self):
        return "".join(self.parts)


# ----------------------------------------------------------------------------------------------
# primitive generators

DIG = "0123456789"
UP = string.ascii_uppercase
ALNUM = UP + DIG


def d(n):
    return "".join(R.choice(DIG) for _ in range(n))


def dnz(n):  # n digits, first non-zero
    return R.choice("123456789") + d(n - 1)


def up(n):
    return "".join(R.choice(UP) for _ in range(n))


def alnum(n, chars=ALNUM):
    return "".join(R.choice(chars) for _ in range(n))


def pick(xs):
    return R.choice(xs)


# --- Luhn / cards
def luhn_ok(num: str) -> bool:
    s = 0
    for i, ch in enumerate(reversed(num)):
        x = int(ch)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return s % 10 == 0


def luhn_complete(partial: str) -> str:
    for c in DIG:
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


def card_digits(kind=None):
    kind = kind or pick(["visa", "visa", "mc", "mc2", "amex", "disc"])
    if kind == "visa":
        p = "4" + d(14)
    elif kind == "mc":
        p = "5" + pick("12345") + d(13)
    elif kind == "mc2":
        p = str(R.randint(2221, 2720)) + d(11)
    elif kind == "amex":
        p = "3" + pick("47") + d(12)
    else:
        p = "6011" + d(11)
    return luhn_complete(p)


def group_card(num: str, sep=None):
    sep = pick([" ", "-", ""]) if sep is None else sep
    if len(num) == 15:
        parts = [num[:4], num[4:10], num[10:]]
    else:
        parts = [num[i:i + 4] for i in range(0, len(num), 4)]
    return sep.join(parts)


def card(sep=None, kind=None):
    return group_card(card_digits(kind), sep)


def bad_card(sep=None):
    good = card_digits(pick(["visa", "mc", "disc"]))
    bad = good[:-1] + str((int(good[-1]) + R.randint(1, 9)) % 10)
    assert not luhn_ok(bad)
    return group_card(bad, sep)


# --- SSN
def ssn_valid(s: str) -> bool:
    x = s.replace("-", "").replace(" ", "")
    if len(x) != 9 or not x.isdigit():
        return False
    a, g, n = x[:3], x[3:5], x[5:]
    return a != "000" and a != "666" and a[0] != "9" and g != "00" and n != "0000"


def ssn(sep=None):
    sep = pick(["-", "-", " ", ""]) if sep is None else sep
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    s = f"{a:03d}{sep}{R.randint(1, 99):02d}{sep}{R.randint(1, 9999):04d}"
    assert ssn_valid(s)
    return s


def bad_ssn(kind=None, sep="-"):
    kind = kind or pick(["000", "666", "9xx", "g00", "s0000"])
    a = f"{R.randint(1, 665):03d}"
    g = f"{R.randint(1, 99):02d}"
    n = f"{R.randint(1, 9999):04d}"
    if kind == "000":
        a = "000"
    elif kind == "666":
        a = "666"
    elif kind == "9xx":
        a = "9" + d(2)
    elif kind == "g00":
        g = "00"
    else:
        n = "0000"
    s = f"{a}{sep}{g}{sep}{n}"
    assert not ssn_valid(s)
    return s


# --- NHS mod 11
def nhs_check(first9: str):
    tot = sum(int(c) * w for c, w in zip(first9, range(10, 1, -1)))
    c = 11 - tot % 11
    if c == 11:
        c = 0
    return None if c == 10 else c


def nhs_ok(s: str) -> bool:
    x = s.replace(" ", "").replace("-", "")
    if len(x) != 10 or not x.isdigit():
        return False
    c = nhs_check(x[:9])
    return c is not None and c == int(x[9])


def nhs(sep=None):
    sep = pick([" ", " ", "", "-"]) if sep is None else sep
    while True:
        f9 = pick("3456789") + d(8)
        c = nhs_check(f9)
        if c is not None:
            break
    x = f9 + str(c)
    out = f"{x[:3]}{sep}{x[3:6]}{sep}{x[6:]}"
    assert nhs_ok(out)
    return out


def bad_nhs(sep=" "):
    while True:
        x = pick("3456789") + d(9)
        if not nhs_ok(x):
            break
    return f"{x[:3]}{sep}{x[3:6]}{sep}{x[6:]}"


def not_nhs_digits(n):
    """n random digits that are not a valid NHS number (for 10-digit look-alikes) and not Luhn-valid
    card-length strings."""
    while True:
        x = dnz(n)
        if n == 10 and nhs_ok(x):
            continue
        if 13 <= n <= 19 and luhn_ok(x):
            continue
        return x


# --- IBAN mod 97
def iban_ok(s: str) -> bool:
    x = s.replace(" ", "")
    r = x[4:] + x[:4]
    num = "".join(str(int(ch, 36)) for ch in r)
    return int(num) % 97 == 1


def iban_make(cc: str, bban: str) -> str:
    r = bban + cc + "00"
    num = "".join(str(int(ch, 36)) for ch in r)
    chk = 98 - int(num) % 97
    out = f"{cc}{chk:02d}{bban}"
    assert iban_ok(out)
    return out


def iban_bban(cc):
    if cc == "DE":
        return d(8) + d(10)
    if cc == "GB":
        return up(4) + d(6) + d(8)
    if cc == "FR":
        return d(5) + d(5) + alnum(11) + d(2)
    if cc == "NL":
        return up(4) + d(10)
    if cc == "ES":
        return d(20)
    if cc == "IT":
        return up(1) + d(5) + d(5) + alnum(12)
    if cc == "CH":
        return d(5) + alnum(12)
    if cc == "BE":
        return d(12)
    raise KeyError(cc)


def group4(x):
    return " ".join(x[i:i + 4] for i in range(0, len(x), 4))


def iban(cc=None, grouped=None):
    cc = cc or pick(["DE", "GB", "FR", "NL", "ES", "IT", "CH", "BE"])
    x = iban_make(cc, iban_bban(cc))
    grouped = R.random() < 0.6 if grouped is None else grouped
    return group4(x) if grouped else x


def bad_iban(cc=None):
    cc = cc or pick(["DE", "GB", "NL", "FR"])
    good = iban_make(cc, iban_bban(cc))
    while True:
        chk = f"{R.randint(2, 98):02d}"
        bad = good[:2] + chk + good[4:]
        if not iban_ok(bad):
            return group4(bad)


def bic():
    return up(4) + pick(["DE", "GB", "FR", "NL", "US"]) + up(2) + pick(["", "XXX", up(3)])


# --- ABA routing (unlabelled; valid checksum so it is a realistic look-alike)
def aba():
    while True:
        p = f"{R.choice([R.randint(1, 12), R.randint(21, 32)]):02d}" + d(6)
        for c in DIG:
            x = p + c
            w = [3, 7, 1] * 3
            if sum(int(a) * b for a, b in zip(x, w)) % 10 == 0:
                return x


def bank_acct(lo=8, hi=17):
    while True:
        n = R.randint(lo, hi)
        x = dnz(n)
        if 13 <= n <= 16 and luhn_ok(x):
            continue
        if n == 10 and nhs_ok(x):
            continue
        if n == 9 and ssn_valid(x):
            # a 9-digit account number may well be SSN-shaped; keep it but make it less so
            pass
        return x


# --- passport / DL / MRN / health plan
def us_passport():
    if R.random() < 0.5:
        return dnz(9)
    return pick("ACEFGHJKLMNPRSTUWXYZ") + d(8)


DL_FORMATS = {
    "California": lambda: up(1) + d(7),
    "New York": lambda: pick([f"{d(3)} {d(3)} {d(3)}", dnz(9)]),
    "Florida": lambda: f"{up(1)}{d(3)}-{d(3)}-{d(2)}-{d(3)}-{d(1)}",
    "Wisconsin": lambda: f"{up(1)}{d(3)}-{d(4)}-{d(4)}-{d(2)}",
    "Illinois": lambda: f"{up(1)}{d(3)}-{d(4)}-{d(4)}",
    "Texas": lambda: dnz(8),
    "Pennsylvania": lambda: f"{d(2)} {d(3)} {d(3)}",
    "Washington": lambda: "WDL" + alnum(9),
    "New Jersey": lambda: f"{up(1)}{d(4)} {d(5)} {d(5)}",
    "Michigan": lambda: f"{up(1)} {d(3)} {d(3)} {d(3)} {d(3)}",
    "Maryland": lambda: f"{up(1)}-{d(3)}-{d(3)}-{d(3)}-{d(3)}",
    "Ohio": lambda: up(2) + d(6),
    "Arizona": lambda: up(1) + d(8),
    "Colorado": lambda: f"{d(2)}-{d(3)}-{d(4)}",
}
STATE_ABBR = {"California": "CA", "New York": "NY", "Florida": "FL", "Wisconsin": "WI", "Illinois": "IL",
              "Texas": "TX", "Pennsylvania": "PA", "Washington": "WA", "New Jersey": "NJ", "Michigan": "MI",
              "Maryland": "MD", "Ohio": "OH", "Arizona": "AZ", "Colorado": "CO"}


def dl(state=None):
    state = state or pick(list(DL_FORMATS))
    return state, DL_FORMATS[state]()


def mrn():
    return pick([
        lambda: "00" + d(6),
        lambda: dnz(8),
        lambda: dnz(7),
        lambda: f"{d(7)}-{d(1)}",
        lambda: "MR" + d(7),
        lambda: "E" + d(8),
        lambda: f"{d(3)}-{d(3)}-{d(3)}",
        lambda: f"{d(2)}-{d(6)}",
    ])()


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"  # A-Z without S L O I B Z


def mbi(dashed=None):
    a = MBI_ALPHA
    an = a + DIG
    s = (R.choice("123456789") + R.choice(a) + R.choice(an) + R.choice(DIG) + R.choice(a) + R.choice(an)
         + R.choice(DIG) + R.choice(a) + R.choice(a) + R.choice(DIG) + R.choice(DIG))
    dashed = R.random() < 0.5 if dashed is None else dashed
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashed else s


def member_id():
    return pick([
        lambda: up(3) + d(9),
        lambda: "W" + d(9),
        lambda: dnz(9) + "-0" + pick("12"),
        lambda: "U" + d(8) + pick(["", "01", "02"]),
        lambda: up(1) + d(8),
        lambda: up(3) + "W" + d(8),
        lambda: "ZGP" + d(6) + up(2),
    ])()


def medicaid_id():
    return pick([lambda: d(8) + up(1), lambda: up(2) + d(5) + up(1), lambda: dnz(10), lambda: up(1) + d(9)])()


def group_no():
    return pick([d(6), "0" + d(5), up(1) + d(5), d(5) + "-" + d(3)])


# --- network
def ipv4(private=None):
    private = R.random() < 0.4 if private is None else private
    if private:
        kind = pick(["10", "192", "172"])
        if kind == "10":
            return f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
        if kind == "192":
            return f"192.168.{R.randint(0, 255)}.{R.randint(1, 254)}"
        return f"172.{R.randint(16, 31)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
    while True:
        a = R.randint(11, 223)
        if a not in (10, 127, 169, 172, 192, 100):
            return f"{a}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"


def ipv6():
    groups = [f"{R.randint(0, 0xffff):x}" for _ in range(8)]
    style = pick(["full", "compressed", "linklocal"])
    if style == "full":
        groups[0] = "2001"
        groups[1] = "db8" if R.random() < 0.3 else f"{R.randint(0x4000, 0x4fff):x}"
        return ":".join(groups)
    if style == "compressed":
        return f"2a02:{R.randint(0x1000, 0xffff):x}:{R.randint(1, 0xffff):x}::{R.randint(1, 0xffff):x}"
    return f"fe80::{R.randint(1, 0xffff):x}:{R.randint(1, 0xffff):x}:{R.randint(1, 0xffff):x}:{R.randint(1, 0xffff):x}"


def mac(style=None):
    b = [R.randint(0, 255) for _ in range(6)]
    b[0] &= 0xFE
    style = style or pick(["colon", "colonU", "dash", "cisco"])
    if style == "colon":
        return ":".join(f"{x:02x}" for x in b)
    if style == "colonU":
        return ":".join(f"{x:02X}" for x in b)
    if style == "dash":
        return "-".join(f"{x:02X}" for x in b)
    h = "".join(f"{x:02x}" for x in b)
    return f"{h[:4]}.{h[4:8]}.{h[8:]}"


# --- crypto
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(raw: bytes) -> str:
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(raw) - len(raw.lstrip(b"\0"))
    return "1" * pad + out


def b58check_ok(s: str) -> bool:
    n = 0
    for ch in s:
        n = n * 58 + B58.index(ch)
    pad = len(s) - len(s.lstrip("1"))
    raw = b"\0" * pad + (n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b"")
    body, chk = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] == chk


def btc_base58(version=None):
    version = pick([0, 5]) if version is None else version
    body = bytes([version]) + bytes(R.getrandbits(8) for _ in range(20))
    chk = hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4]
    s = b58encode(body + chk)
    assert b58check_ok(s)
    return s


BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def _hrp_expand(h):
    return [ord(x) >> 5 for x in h] + [0] + [ord(x) & 31 for x in h]


def bech32_ok(s):
    hrp, data = s[:s.rfind("1")], s[s.rfind("1") + 1:]
    return _polymod(_hrp_expand(hrp) + [BECH.index(c) for c in data]) == 1


def btc_bech32():
    prog = bytes(R.getrandbits(8) for _ in range(20))
    acc, bits, five = 0, 0, []
    for b in prog:
        acc = (acc << 8) | b
        bits += 8
        while bits >= 5:
            bits -= 5
            five.append((acc >> bits) & 31)
    if bits:
        five.append((acc << (5 - bits)) & 31)
    data = [0] + five
    pm = _polymod(_hrp_expand("bc") + data + [0] * 6) ^ 1
    chk = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    s = "bc1" + "".join(BECH[x] for x in data + chk)
    assert bech32_ok(s)
    return s


def btc():
    return btc_bech32() if R.random() < 0.4 else btc_base58()


def bad_btc():
    s = btc_base58(0)
    while True:
        i = R.randint(5, len(s) - 2)
        t = s[:i] + pick([c for c in B58 if c != s[i]]) + s[i + 1:]
        if not b58check_ok(t):
            return t


def eth():
    return "0x" + "".join(R.choice("0123456789abcdef") for _ in range(40))


def git_sha():
    return "".join(R.choice("0123456789abcdef") for _ in range(40))


def sha256hex():
    return "".join(R.choice("0123456789abcdef") for _ in range(64))


def a_uuid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


# --- secrets
AN = string.ascii_letters + DIG


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt():
    h = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    p = b64url(json.dumps({"sub": d(8), "iat": 1700000000 + R.randint(0, 10 ** 7), "role": pick(["member", "agent"])},
                          separators=(",", ":")).encode())
    s = b64url(bytes(R.getrandbits(8) for _ in range(32)))
    return f"{h}.{p}.{s}"


def secret_token(kind=None):
    kind = kind or pick(["aws", "ghp", "ghpat", "stripe", "slack", "google", "openai"])
    if kind == "aws":
        return "AKIA" + alnum(16, UP + "234567")
    if kind == "awssecret":
        return alnum(40, AN + "/+")
    if kind == "ghp":
        return "ghp_" + alnum(36, AN)
    if kind == "ghpat":
        return "github_pat_" + alnum(22, AN) + "_" + alnum(59, AN)
    if kind == "stripe":
        return "sk_live_" + alnum(24, AN)
    if kind == "slack":
        return f"xoxb-{dnz(12)}-{dnz(13)}-{alnum(24, AN)}"
    if kind == "google":
        return "AIza" + alnum(35, AN + "-_")
    return "sk-proj-" + alnum(48, AN + "-_")


def password():
    w = pick(["Harbor", "Maple", "Quartz", "Falcon", "Juniper", "Copper", "Lantern", "Orchid"])
    return w + pick(["!", "#", "$", "%", "@", "_"]) + d(R.randint(2, 4)) + pick(["", "x", "Q", "!z", "Rt"])


# --- contact
FIRST = ["Maria", "James", "Aisha", "Tomás", "Priya", "Daniel", "Chloe", "Marcus", "Keisha", "Wei", "Olivia",
         "Rahul", "Sofia", "Jamal", "Hannah", "Diego", "Grace", "Ethan", "Nadia", "Brandon", "Fatima", "Logan",
         "Renée", "Kofi", "Megan", "Luis", "Zoë", "Andre", "Yuki", "Connor"]
LAST = ["Okafor", "Hernandez", "Nguyen", "Kowalski", "Patel", "O'Brien", "Schultz", "Delgado", "Washington",
        "Kim", "Fitzgerald", "Moreau", "Castillo", "Brennan", "Haddad", "Lindqvist", "Yamamoto", "Abernathy",
        "Reyes", "Thornton", "Mbeki", "Sullivan", "Ivanova", "Park", "Gallagher", "Dubois"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me", "hotmail.com", "aol.com",
           "comcast.net"]
CORP = ["northwind-benefits.com", "lakeshorehealth.org", "pinecrestbank.com", "brightpath.edu",
        "meridianrx.com", "harborclaims.com", "tristatedmv.gov", "acme-logistics.io", "cobaltsoft.dev"]
BANKS = ["Pinecrest Bank", "First Lakeshore Credit Union", "Summit National Bank", "Bayview Savings"]


def person():
    return pick(FIRST), pick(LAST)


def ascii_fold(s):
    table = str.maketrans({"á": "a", "é": "e", "ë": "e", "ö": "o", "ó": "o", "ü": "u", "ñ": "n", "'": ""})
    return s.translate(table).lower()


def email(first=None, last=None, domain=None, obfuscate=False):
    first = first or pick(FIRST)
    last = last or pick(LAST)
    f, l = ascii_fold(first), ascii_fold(last)
    local = pick([f"{f}.{l}", f"{f[0]}{l}", f"{f}{l[0]}{R.randint(1, 99)}", f"{l}.{f}", f"{f}_{l}"])
    domain = domain or pick(DOMAINS)
    if not obfuscate:
        return f"{local}@{domain}"
    style = pick(["dot", "bracket", "entity", "pct"])
    if style == "dot":
        return f"{local.replace('.', ' dot ')} at {domain.replace('.', ' dot ')}"
    if style == "bracket":
        return f"{local} [at] {domain.replace('.', ' [dot] ')}"
    if style == "entity":
        return f"{local}&#64;{domain}"
    return f"{local}%40{domain}"


def corp_email(role=None):
    return f"{role or pick(['support', 'claims', 'payroll', 'benefits', 'records', 'disputes'])}@{pick(CORP)}"


def nanp():
    while True:
        a = f"{R.randint(2, 9)}{R.randint(0, 8)}{R.randint(0, 9)}"
        e = f"{R.randint(2, 9)}{R.randint(0, 9)}{R.randint(0, 9)}"
        if e[1:] != "11" and a[1:] != "11" and e != "555" and a != "555":
            return a, e, d(4)


def us_phone(ext=None):
    a, e, n = nanp()
    s = pick([f"({a}) {e}-{n}", f"{a}-{e}-{n}", f"{a}.{e}.{n}", f"+1 {a} {e} {n}", f"+1-{a}-{e}-{n}",
              f"1 ({a}) {e}-{n}", f"({a}){e}-{n}"])
    ext = R.random() < 0.25 if ext is None else ext
    if ext:
        s += pick([f" ext. {d(R.randint(2, 4))}", f" x{d(R.randint(3, 5))}", f" ext {d(3)}", f", ext. {d(4)}"])
    return s


def intl_phone(cc=None):
    cc = cc or pick(["UK", "DE", "FR", "IN", "AU", "BR", "MX", "JP", "IE"])
    if cc == "UK":
        return pick([f"+44 20 7{d(3)} {d(4)}", f"+44 7{d(3)} {d(6)}", f"020 7{d(3)} {d(4)}", f"07{d(3)} {d(6)}",
                     f"+44 (0)161 {d(3)} {d(4)}"])
    if cc == "DE":
        return pick([f"+49 30 {d(8)}", f"+49 151 {d(8)}", f"+49 (0)89 {d(3)} {d(4)}", f"030 {d(4)} {d(4)}"])
    if cc == "FR":
        return pick([f"+33 1 {d(2)} {d(2)} {d(2)} {d(2)}", f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
                     f"06 {d(2)} {d(2)} {d(2)} {d(2)}"])
    if cc == "IN":
        return pick([f"+91 9{d(4)} {d(5)}", f"+91-22-{d(4)}-{d(4)}"])
    if cc == "AU":
        return pick([f"+61 2 {d(4)} {d(4)}", f"+61 4{d(2)} {d(3)} {d(3)}", f"(02) {d(4)} {d(4)}"])
    if cc == "BR":
        return pick([f"+55 11 9{d(4)}-{d(4)}", f"+55 (21) {d(4)}-{d(4)}"])
    if cc == "MX":
        return f"+52 55 {d(4)} {d(4)}"
    if cc == "JP":
        return pick([f"+81 3-{d(4)}-{d(4)}", f"+81 90-{d(4)}-{d(4)}"])
    return f"+353 1 {d(3)} {d(4)}"


def uk_phone():
    return intl_phone("UK")


def url(kind=None):
    host = pick(CORP)
    path = pick(["/members/login", "/portal/claims/status", "/help/article/2291", "/refill?store=118",
                 "/enroll/2025/forms", "/account/settings#security", "/dmv/renew", "/support/ticket/new"])
    kind = kind or pick(["https", "https", "www", "hostpath", "http"])
    if kind == "https":
        return f"https://{pick(['', 'portal.', 'my.', 'app.'])}{host}{path}"
    if kind == "http":
        return f"http://{host}{path}"
    if kind == "www":
        return f"www.{host}{path}"
    return f"{host}{path}"


# --- dates
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def rdate(y0, y1):
    start = date(y0, 1, 1)
    end = date(y1, 12, 31)
    return start + timedelta(days=R.randint(0, (end - start).days))


def fmt_date(x: date, style=None):
    style = style or pick(["us", "us", "iso", "long", "short", "dmy"])
    if style == "us":
        return f"{x.month:02d}/{x.day:02d}/{x.year}"
    if style == "us1":
        return f"{x.month}/{x.day}/{x.year}"
    if style == "iso":
        return x.isoformat()
    if style == "long":
        return f"{MONTHS[x.month - 1]} {x.day}, {x.year}"
    if style == "short":
        return f"{MONTHS[x.month - 1][:3]} {x.day}, {x.year}"
    if style == "uk":
        return f"{x.day:02d}/{x.month:02d}/{x.year}"
    return f"{x.day} {MONTHS[x.month - 1][:3]} {x.year}"


def dob(style=None):
    return fmt_date(rdate(1941, 2006), style)


def recent(style=None):
    return fmt_date(rdate(2024, 2025), style)


def kid_dob(style=None):
    return fmt_date(rdate(2011, 2020), style)


def rtime():
    h = R.randint(7, 18)
    m = pick([0, 15, 20, 30, 45, 50])
    if R.random() < 0.5:
        return f"{h:02d}:{m:02d}"
    return f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}"


# --- hard-negative identifiers (never labelled)
def order_no():
    return pick([f"{d(3)}-{d(7)}-{d(7)}", "ORD-" + d(8), "#" + d(6), "SO" + d(7), f"W{d(9)}"])


def ticket_no():
    return pick(["TKT-" + d(6), "INC" + d(7), "#" + d(5), "SR-" + d(5) + "-" + up(2), "ZD-" + d(6)])


def invoice_no():
    return pick([f"INV-2025-{d(5)}", f"INV{d(7)}", f"{up(2)}-{d(6)}"])


def tracking_no():
    return pick([
        lambda: "1Z" + alnum(6) + d(10),
        lambda: f"{d(4)} {d(4)} {d(4)}",
        lambda: f"9400 {d(4)} {d(4)} {d(4)} {d(4)} {d(2)}",
        lambda: "TBA" + d(12),
    ])()


def conf_no():
    return pick([alnum(6), up(3) + d(5), not_nhs_digits(10), f"{up(2)}{d(4)}{up(2)}"])


def case_no():
    return pick(["CS-" + d(7), "Case-" + d(8), f"{d(2)}-{d(6)}", "CAS" + d(6)])


def emp_id():
    return pick(["E" + d(6), d(6), "EMP-" + d(5), f"{up(2)}{d(5)}"])


def version_str():
    return pick([f"v{R.randint(1, 9)}.{R.randint(0, 20)}.{R.randint(0, 9)}", f"{R.randint(1, 5)}.{R.randint(0, 12)}.{R.randint(0, 30)}",
                 f"{R.randint(1, 5)}.{R.randint(0, 12)}.{R.randint(0, 30)}-rc.{R.randint(1, 4)}"])


def os_build():
    return pick([f"10.0.{R.randint(19041, 22631)}.{R.randint(1000, 4999)}", f"{R.randint(19041, 26100)}.{R.randint(100, 4999)}"])


def amount():
    return pick([f"${R.randint(12, 9999):,}.{d(2)}", f"${R.randint(12, 999)}.{d(2)}", f"USD {R.randint(50, 5000)}.{d(2)}"])


def zip5():
    return pick([d(5), f"{d(5)}-{d(4)}"])


def npi_like():
    while True:
        x = "1" + d(9)
        if not nhs_ok(x):
            return x


def rx_no():
    return pick([d(7), f"{d(7)}-{d(2)}", "RX" + d(8)])


def ndc():
    return f"{d(5)}-{d(4)}-{d(2)}"


def plate():
    return pick([f"{R.randint(1, 9)}{up(3)}{d(3)}", f"{up(3)}-{d(4)}", f"{up(3)} {d(3)}"])


def vin():
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ" + DIG
    return "".join(R.choice(chars) for _ in range(17))


def pnr():
    return alnum(6, "ABCDEFGHJKLMNPQRSTUVWXYZ")


def student_id():
    return pick(["S" + d(7), dnz(8), f"{d(3)}-{d(4)}"])


# ----------------------------------------------------------------------------------------------
# templates. Each returns (builder, locale). Names: p_* have PII, n_* are PII-free.

def L(label):  # shorthand for a labelled tuple factory
    return lambda s: (s, label)


SSN, PP, DL_, BANK, MRN, HPID, NHS = (L("US_SSN"), L("US_PASSPORT"), L("US_DRIVER_LICENSE"), L("US_BANK_NUMBER"),
                                      L("MEDICAL_RECORD_NUMBER"), L("HEALTH_PLAN_ID"), L("UK_NHS"))
EM, PH, CC, IB, IP, MAC, URL_, DT, CRY, SEC = (L("EMAIL_ADDRESS"), L("PHONE_NUMBER"), L("CREDIT_CARD"), L("IBAN_CODE"),
                                                L("IP_ADDRESS"), L("MAC_ADDRESS"), L("URL"), L("DATE_TIME"), L("CRYPTO"),
                                                L("SECRET"))


# ---------------- support tickets
def st_p_double_charge():
    b = B()
    fn, ln = person()
    b.f("Ticket {t} (priority P2)\nCustomer: {n}\nContact: {e} / {p}\nIssue: I was charged twice on card {c}. "
        "Order {o} and invoice {i} are attached; the second charge has confirmation number {cf}. Please refund to the same card.",
        t=ticket_no(), n=f"{fn} {ln}", e=EM(email(fn, ln)), p=PH(us_phone()), c=CC(card()), o=order_no(),
        i=invoice_no(), cf=conf_no())
    return b, "en_US"


def st_p_portal():
    b = B()
    fn, ln = person()
    b.f("Hi support, I can't log into {u} since the update. My login email is {e} and your agent said to quote case {cs}. "
        "The error page shows request id {rid} and build {v}. You can also call me on {p}.",
        u=URL_(url(pick(["https", "www"]))), e=EM(email(fn, ln)), cs=case_no(), rid=a_uuid(), v=os_build(),
        p=PH(us_phone(ext=True)))
    return b, "en_US"


def st_p_masked_vs_full():
    b = B()
    last4 = d(4)
    b.f("The card on file shows XXXX XXXX XXXX {l4} but the charge on my statement (ticket {t}) was made with {c}, "
        "a card I never added. Amount {a}, ZIP on the order {z}.",
        l4=last4, t=ticket_no(), c=CC(card()), a=amount(), z=zip5())
    return b, "en_US"


def st_p_key_leak():
    b = B()
    kind = pick(["stripe", "slack", "google", "openai", "ghp"])
    b.f("Our webhook integration broke after we rotated credentials. Support asked for details:\n"
        "- old key (already revoked?): {k}\n- webhook source IP: {ip}\n- your docs say to use YOUR_API_KEY in the header\n"
        "- ticket {t}, confirmation {cf}",
        k=SEC(secret_token(kind)), ip=IP(ipv4(False)), t=ticket_no(), cf=conf_no())
    return b, "en_US"


def st_p_callback_ext():
    b = B()
    fn, ln = person()
    b.f("Please have billing call me back at {p} — don't use the number in ticket {t}, that's our internal desk line "
        "ext. {x}. Alternatively e-mail {e}.",
        p=PH(us_phone(ext=True)), t=ticket_no(), x=d(4), e=EM(email(fn, ln, obfuscate=True)))
    return b, "en_US"


def st_p_intl():
    b = B()
    cc, loc = pick([("UK", "en_GB"), ("DE", "de_DE"), ("FR", "fr_FR"), ("IN", "en_IN"), ("AU", "en_AU"),
                    ("BR", "pt_BR"), ("JP", "ja_JP")])
    b.f("Package with tracking {tr} has been stuck in customs for a week. I'm abroad — reach me on {p} or WhatsApp "
        "{p2}. Order {o}, invoice {i}.",
        tr=tracking_no(), p=PH(intl_phone(cc)), p2=PH(intl_phone(cc)), o=order_no(), i=invoice_no())
    return b, loc


def st_n_totals():
    b = B()
    b.f("Ticket {t}: customer asks why confirmation number {cf} and order {o} show different totals ({a1} vs {a2}). "
        "Tracking {tr}. Case {cs} was merged into this one; no account changes needed. Reply by end of day.",
        t=ticket_no(), cf=conf_no(), o=order_no(), a1=amount(), a2=amount(), tr=tracking_no(), cs=case_no())
    return b, "en_US"


def st_n_masked():
    b = B()
    b.f("Customer pasted a masked card •••• {l4} and says the SSN field in our form shows ***-**-{l4b}. They're on "
        "Windows {v}. Ticket {t} escalated to tier 2 (case {cs}); agent extension {x}.",
        l4=d(4), l4b=d(4), v=os_build(), t=ticket_no(), cs=case_no(),
        x=d(4))
    return b, "en_US"


def st_n_luhn():
    b = B()
    b.f("Checkout keeps rejecting card {c} with 'invalid number' — our QA says it fails the Luhn check, so the "
        "front-end is right. Order {o} was never created. Ticket {t}.",
        c=bad_card(), o=order_no(), t=ticket_no())
    return b, "en_US"


# ---------------- HR onboarding
def hr_p_form():
    b = B()
    fn, ln = person()
    b.f("New Hire Onboarding Form\nFull name: {n}\nEmployee ID: {eid}\nStart date: {hd}\nDate of birth: {db}\n"
        "SSN: {s}\nPersonal email: {e}\nMobile: {p}\nBadge photo: {fname}",
        n=f"{fn} {ln}", eid=emp_id(), hd=DT(recent()), db=DT(dob()), s=SSN(ssn("-")), e=EM(email(fn, ln)),
        p=PH(us_phone()), fname=f"{ascii_fold(ln)}_badge.jpg")
    return b, "en_US"


def hr_p_direct_deposit():
    b = B()
    fn, ln = person()
    b.f("Direct Deposit Authorization\nEmployee: {n} (emp #{eid})\nBank: {bk}\nRouting number: {r}\n"
        "Checking acct #: {a}\nDeposit: 100% of net pay\nForm DD-{fv} (rev. {rv})",
        n=f"{fn} {ln}", eid=emp_id(), bk=pick(BANKS), r=aba(), a=BANK(bank_acct()), fv=d(3), rv=version_str())
    return b, "en_US"


def hr_p_i9():
    b = B()
    fn, ln = person()
    if R.random() < 0.5:
        b.f("I-9 Section 2 notes for {n}: List A document is a U.S. passport, no. {pp}. Lists B/C not needed. "
            "Employee ID {eid}, hire date {hd}.",
            n=f"{fn} {ln}", pp=PP(us_passport()), eid=emp_id(), hd=DT(recent()))
    else:
        st, num = dl()
        b.f("I-9 Section 2 notes for {n}: List B — {st} driver's lic. {dl}; List C — Social Security card, "
            "number {s}. Employee ID {eid}, first day {hd}.",
            n=f"{fn} {ln}", st=st, dl=DL_(num), s=SSN(ssn()), eid=emp_id(), hd=DT(recent()))
    return b, "en_US"


def hr_p_email_fix():
    b = B()
    fn, ln = person()
    b.f("Can you make this onboarding email friendlier? \"Hi {f}, payroll still needs your soc sec no. ({s}) and the "
        "signed W-4 by Friday. Your employee number is {eid}; questions go to {ce}.\"",
        f=fn, s=SSN(ssn("")), eid=emp_id(), ce=EM(corp_email("payroll")))
    return b, "en_US"


def hr_p_cue_after():
    b = B()
    fn, ln = person()
    b.f("{s1} is the social on {f}'s W-4, but the benefits system has {s2}. Last four of the right one should be "
        "{l4}. Which record do I fix? (HR case {cs})",
        s1=SSN(ssn()), f=fn, s2=SSN(ssn()), l4=d(4), cs=case_no())
    return b, "en_US"


def hr_p_table():
    b = B()
    b.t("Reconcile this table against payroll and list mismatches:\n\n| Employee | Emp ID | SSN | Hire date |\n"
        "|---|---|---|---|\n")
    for _ in range(R.randint(2, 4)):
        fn, ln = person()
        b.f("| {n} | {eid} | {s} | {hd} |\n", n=f"{fn} {ln}", eid=emp_id(), s=SSN(ssn(pick(["-", "", " "]))),
            hd=DT(fmt_date(rdate(2015, 2025), "us")))
    return b, "en_US"


def hr_p_emergency():
    b = B()
    fn, ln = person()
    fn2, _ = person()
    st, num = dl()
    b.f("Update my emergency contact please: {f2} {l}, cell {p}, work {p2}. Also, my new driver license number for "
        "the parking permit is {dl} ({st}). Thanks — {f}, employee ID {eid}",
        f2=fn2, l=ln, p=PH(us_phone(ext=False)), p2=PH(us_phone(ext=True)), dl=DL_(num), st=STATE_ABBR[st], f=fn,
        eid=emp_id())
    return b, "en_US"


def hr_n_policy():
    b = B()
    b.f("Summarize HR policy HR-114 rev {rv} (effective January 1, 2026): employees submit SSN verification within "
        "3 days of hire; the field format is XXX-XX-XXXX; employee IDs look like E-000000; direct deposit needs the "
        "9-digit routing number and a voided check. See Employee Handbook {v}.",
        rv=f"{R.randint(2, 6)}.{R.randint(0, 9)}", v=version_str())
    return b, "en_US"


def hr_n_payroll():
    b = B()
    b.f("Payroll question: employee #{eid} asked why the {a} deposit shows 'acct ending {l4}'. Routing {r} belongs "
        "to {bk}. Pay period closes on the 15th; payroll desk ext. {x}.",
        eid=emp_id(), a=amount(), l4=d(4), r=aba(), bk=pick(BANKS), x=d(4))
    return b, "en_US"


def hr_n_placeholder():
    b = B()
    b.t("Fix the merge fields in our offer-letter template: \"Dear <FIRST_NAME>, please bring your SSN <SSN> and "
        "your driver's license {{dl_number}} on <START_DATE>. Your employee ID will be [EMP_ID].\" Some letters went "
        "out with the literal text 000-00-0000.")
    return b, "en_US"


# ---------------- insurance claims
def ic_p_claim_form():
    b = B()
    fn, ln = person()
    b.f("Claim {cl} for {n}\nMember ID: {m}\nGroup #: {g}\nDate of service: {dos}\nBilled: {a}\n"
        "Provider NPI: {npi}\nStatus: pended — missing referral",
        cl="CLM-" + d(9), n=f"{fn} {ln}", m=HPID(member_id()), g=group_no(), dos=DT(recent()), a=amount(),
        npi=npi_like())
    return b, "en_US"


def ic_p_subscriber_break():
    b = B()
    fn, ln = person()
    b.f("Please re-run eligibility for {n}. The card says\nSubscriber #\n{sub}\nand the plan is a family PPO; "
        "claim {cl} was denied as 'member not found'. Call the provider line {p}.",
        n=f"{fn} {ln}", sub=HPID(member_id()), cl=d(12), p=PH(us_phone(ext=True)))
    return b, "en_US"


def ic_p_mbi():
    b = B()
    fn, ln = person()
    b.f("Beneficiary {n}, Medicare ID (MBI) {m}, DOB {db}. The claim was filed on form CMS-1500 (02/12) and denied "
        "under policy document {pd}. Draft an appeal.",
        n=f"{fn} {ln}", m=HPID(mbi()), db=DT(dob()), pd=f"LCD L{d(5)} v{R.randint(1, 9)}.{R.randint(0, 9)}")
    return b, "en_US"


def ic_p_policy_number():
    b = B()
    b.f("My health insurance policy number is {pol} and the claim number is {cl}. They said the denial letter "
        "template is EOB-{y}.{r}, whatever that means. I was admitted on {adm}.",
        pol=HPID(pick([up(1) + d(8) + up(1), d(9) + up(1), up(3) + d(8)])), cl="CL" + d(9),
        y=R.randint(2021, 2025), r=R.randint(1, 9), adm=DT(recent()))
    return b, "en_US"


def ic_p_group_member():
    b = B()
    g, m = group_no(), member_id()
    b.f("The ER visit on {v} (member ID {m1}) was billed to my old plan. The correct group/member is {g} / {m2}. "
        "Reference {ref}.",
        v=DT(recent()), m1=HPID(member_id()), g=g, m2=HPID(m), ref=case_no())
    return b, "en_US"


def ic_p_medicaid():
    b = B()
    b.f("Medicaid ID {mi} is for my son (DOB {db}); claim {cl} shows 'subscriber not found'. Our caseworker's "
        "e-mail is {e}.",
        mi=HPID(medicaid_id()), db=DT(kid_dob()), cl="CLM-" + d(9), e=EM(corp_email("caseworker")))
    return b, "en_US"


def ic_n_closed():
    b = B()
    b.f("Claim {cl} was closed. Policy wording was updated in Policy Document v{v} (POL-DOC-{n}). Open enrollment "
        "for all members ends December 15, 2025. Invoice {i}, amount {a}.",
        cl="CLM-" + d(9), v=f"{R.randint(2, 7)}.{R.randint(0, 9)}", n=d(4), i=invoice_no(), a=amount())
    return b, "en_US"


def ic_n_member_field():
    b = B()
    b.f("Our claims portal rejects member IDs like MEMBER_ID_HERE and {{member_id}}, which is good, but it also "
        "rejects the sample XXXXXXXXX from the guide. Group numbers (e.g. {g}) are employer-level and optional. "
        "Policy number field format: AAA000000000.",
        g=group_no())
    return b, "en_US"


def ic_n_codes():
    b = B()
    b.f("Explain these codes on an EOB: CPT 99214, ICD-10 E11.9, CARC 197, claim {cl}, check #{ck}, ZIP {z}. "
        "Form version {v}. Policy doc rev. {rv}.",
        cl=d(12), ck=d(6), z=zip5(), v=version_str(), rv=f"{R.randint(1, 9)}.{R.randint(0, 9)}")
    return b, "en_US"


# ---------------- pharmacy refills
def ph_p_refill_form():
    b = B()
    fn, ln = person()
    b.f("Refill request\nPatient: {n}\nDOB: {db}\nRx #: {rx}\nMember ID: {m}\nBIN {bin} / PCN {pcn} / RxGrp {grp}\n"
        "Callback: {p}",
        n=f"{fn} {ln}", db=DT(dob()), rx=rx_no(), m=HPID(member_id()), bin=d(6), pcn=up(2) + d(2),
        grp=up(3) + d(3), p=PH(us_phone()))
    return b, "en_US"


def ph_p_chatty():
    b = B()
    fn, ln = person()
    b.f("Hi, this is {f}. Could you refill my lisinopril? Rx {rx}. My insurance changed — the new member id is "
        "{m} — and you can text me at {p} or email {e}.",
        f=fn, rx=rx_no(), m=HPID(member_id()), p=PH(us_phone()), e=EM(email(fn, ln)))
    return b, "en_US"


def ph_p_fax():
    b = B()
    fn, ln = person()
    b.f("FAX COVER — to {ph} pharmacy, fax {fx}\nRe: prior authorization, patient {n}, med rec no. {m}, DOB {db}\n"
        "From: clinic nurse line {p}\nPages: 3",
        ph=pick(["Meridian", "Corner", "Lakeside"]), fx=PH(us_phone(ext=False)), n=f"{fn} {ln}", m=MRN(mrn()),
        db=DT(dob()), p=PH(us_phone(ext=True)))
    return b, "en_US"


def ph_p_uk_repeat():
    b = B()
    fn, ln = person()
    b.f("Repeat prescription for {n}, NHS no. {nhs}, DOB {db} — collect from the pharmacy on the high street. "
        "Surgery phone {p}.",
        n=f"{fn} {ln}", nhs=NHS(nhs()), db=DT(dob("uk")), p=PH(uk_phone()))
    return b, "en_GB"


def ph_p_pickup():
    b = B()
    fn, ln = person()
    b.f("Auto-refill confirmation for {n}: Rx {rx} ({ndc}) — appointment for the flu shot on {ap} at {tm}. "
        "Insurance on file: subscriber {m}. Questions? {p}",
        n=f"{fn} {ln}", rx=rx_no(), ndc=ndc(), ap=DT(recent("long")), tm=DT(rtime()), m=HPID(member_id()),
        p=PH(us_phone(ext=False)))
    return b, "en_US"


def ph_n_backorder():
    b = B()
    b.f("Rx #{rx} for NDC {ndc} is on backorder; the manufacturer's release date is March 3, 2026. Store #{s}, "
        "pharmacist ext. {x}. Cash price {a}. BIN 610014 / PCN 9999.",
        rx=rx_no(), ndc=ndc(), s=d(4), x=d(3), a=amount())
    return b, "en_US"


def ph_n_template():
    b = B()
    b.f("Our refill SMS template still has placeholders: 'Hi <FIRST_NAME>, Rx <RX_NUMBER> for member ID {{member_id}} "
        "is ready.' Fix before the {v} release; staging DB is at 127.0.0.1:5432.",
        v=version_str())
    return b, "en_US"


# ---------------- bank disputes
def bd_p_letter():
    b = B()
    fn, ln = person()
    b.f("To the Disputes Department,\n\nI am writing to dispute a charge of {a} posted on {td} to my card {c}. "
        "I did not authorize this transaction. My checking account number is {ac} (routing {r}).\n"
        "Reference: case {cs}\n\nSincerely,\n{n}\n{p}",
        a=amount(), td=DT(recent()), c=CC(card()), ac=BANK(bank_acct()), r=aba(), cs=case_no(), n=f"{fn} {ln}",
        p=PH(us_phone()))
    return b, "en_US"


def bd_p_wire():
    b = B()
    loc = pick(["de_DE", "fr_FR", "nl_NL", "en_GB"])
    cc = {"de_DE": "DE", "fr_FR": "FR", "nl_NL": "NL", "en_GB": "GB"}[loc]
    b.f("Wire recall request: funds sent from IBAN {ib} on {dt} went to the wrong beneficiary (BIC {bc}). Amount "
        "EUR {amt}. The correct beneficiary IBAN is {ib2}. Our reference {ref}.",
        ib=IB(iban(cc)), dt=DT(recent(pick(["iso", "dmy"]))), bc=bic(), amt=f"{R.randint(100, 90000):,}.{d(2)}",
        ib2=IB(iban()), ref=invoice_no())
    return b, loc


def bd_p_ach():
    b = B()
    fn, ln = person()
    b.f("ACH Debit Authorization\nAccount holder: {n}\nRouting and account: {r} / {ac}\nAccount type: {t}\n"
        "Amount: {a} monthly\nFirst debit: {fd}",
        n=f"{fn} {ln}", r=aba(), ac=BANK(bank_acct()), t=pick(["checking", "savings"]), a=amount(),
        fd=DT(recent()))
    return b, "en_US"


def bd_p_zelle():
    b = B()
    fn, ln = person()
    b.f("Zelle dispute: on {d1} I sent {a} to {e}, who never shipped the item. It left my savings acct {ac}. "
        "Zelle confirmation {cf}. Please call {p}.",
        d1=DT(recent()), a=amount(), e=EM(email()), ac=BANK(bank_acct(9, 12)), cf=conf_no(), p=PH(us_phone(ext=True)))
    return b, "en_US"


def bd_p_two_cards():
    b = B()
    b.f("My statement lists my card ending in {l4} (fine) and another card, {c}, that I don't recognize, with a "
        "{a} charge on {td}. Dispute both? Case {cs}.",
        l4=d(4), c=CC(card()), a=amount(), td=DT(recent()), cs=case_no())
    return b, "en_US"


def bd_p_scam_crypto():
    b = B()
    b.f("Scam report: after I withdrew {a} from account {ac}, the 'agent' told me to deposit it at a Bitcoin ATM "
        "to wallet {w}. Later they asked for ETH to {e}. Ticket {t}.",
        a=amount(), ac=BANK(bank_acct()), w=CRY(btc()), e=CRY(eth()), t=ticket_no())
    return b, "en_US"


def bd_n_update():
    b = B()
    l4 = d(4)
    b.f("Dispute {cs} update: the merchant refunded {a}. Your card ending in {l4} (XXXX XXXX XXXX {l4}) will show "
        "the credit within 10 business days. Routing number {r} is for incoming wires only. Reference {i}.",
        cs=case_no(), a=amount(), l4=l4, r=aba(), i=invoice_no())
    return b, "en_US"


def bd_n_invalid():
    b = B()
    b.f("Our validator rejected IBAN {ib} (checksum error) and card {c} (Luhn). A colleague insists both are fine — "
        "who is right? BIC {bc} looked OK.",
        ib=bad_iban(), c=bad_card(), bc=bic())
    return b, "en_US"


# ---------------- school enrollment
def se_p_form():
    b = B()
    kf, ln = person()
    pf, _ = person()
    b.f("Enrollment form\nStudent: {k} {l}\nDOB: {db}\nStudent ID: {sid} (assigned by district)\n"
        "Parent/guardian: {pf} {l}\nEmail: {e}\nCell: {p}\nChild's Medicaid #: {mi}",
        k=kf, l=ln, db=DT(kid_dob()), sid=student_id(), pf=pf, e=EM(email(pf, ln)), p=PH(us_phone()),
        mi=HPID(medicaid_id()))
    return b, "en_US"


def se_p_permission():
    b = B()
    pf, ln = person()
    b.f("Permission slip for the field trip — please reach me at {p} or {e} if anything changes. Student ID {sid}, "
        "grade 4, room 12.",
        p=PH(us_phone(ext=True)), e=EM(email(pf, ln, obfuscate=True)), sid=student_id())
    return b, "en_US"


def se_p_immunization():
    b = B()
    kf, ln = person()
    b.f("Immunization record for {k} {l} from the pediatric clinic: patient ID {m}, DOB {db}, last Tdap on {vd}. "
        "Nurse's e-mail {e}.",
        k=kf, l=ln, m=MRN(mrn()), db=DT(kid_dob()), vd=DT(recent()), e=EM(corp_email("nurse")))
    return b, "en_US"


def se_p_portal():
    b = B()
    pf, ln = person()
    b.f("The parent portal at {u} won't accept my password {pw}. My username is {e}. Kid's student number {sid}.",
        u=URL_(url()), pw=SEC(password()), e=EM(email(pf, ln)), sid=student_id())
    return b, "en_US"


def se_n_open():
    b = B()
    b.f("Open enrollment for the 2025-26 school year begins August 12, 2025; registration code {c}. Student IDs follow "
        "the format S-0000000. Questions: front office ext. {x}. District form version {v}.",
        c=alnum(8), x=d(3), v=version_str())
    return b, "en_US"


def se_n_transcript():
    b = B()
    b.f("Transcript request {t} — fee $10.00, mail to ZIP {z}. Reference number {r}. Processing takes 5-7 days; "
        "the board meets on October 7, 2025.",
        t=ticket_no(), z=zip5(), r=not_nhs_digits(10))
    return b, "en_US"


# ---------------- DMV / travel
def dt_p_renew():
    b = B()
    st, num = dl()
    b.f("Renewing my {st} driver's lic. {dl} online — the DMV site ({u}) says my record doesn't match. Plate {pl}, "
        "VIN {vn}. Is the license number wrong?",
        st=st, dl=DL_(num), u=URL_(url("https")), pl=plate(), vn=vin())
    return b, "en_US"


def dt_p_cdl():
    b = B()
    st, num = dl()
    b.f("CDL # {dl} ({st}), medical card on file, hazmat endorsement pending. Dispatcher: {p}. Truck plate {pl}.",
        dl=DL_(num), st=STATE_ABBR[st], p=PH(us_phone(ext=True)), pl=plate())
    return b, "en_US"


def dt_p_booking():
    b = B()
    fn, ln = person()
    b.f("Booking {pn}: traveler {n}, passport no. {pp}, DOB {db}, departing {td} at {tm}. E-ticket {et}, seat {s}.",
        pn=pnr(), n=f"{fn} {ln}", pp=PP(us_passport()), db=DT(dob()), td=DT(recent()), tm=DT(rtime()),
        et=not_nhs_digits(13), s=f"{R.randint(1, 40)}{pick('ABCDEF')}")
    return b, "en_US"


def dt_p_license_break():
    b = B()
    st, num = dl()
    b.f("Fill in the rental agreement from this:\nLicense #\n{dl}\nState: {st}\nClass: C\nRenter DOB: {db}",
        dl=DL_(num), st=STATE_ABBR[st], db=DT(dob()))
    return b, "en_US"


def dt_p_paren():
    b = B()
    st, num = dl()
    fn, ln = person()
    b.f("Traffic court letter for {n} (DL {dl}, {st}) — your hearing is scheduled for {cd}. Citation no. {c}.",
        n=f"{fn} {ln}", dl=DL_(num), st=STATE_ABBR[st], cd=DT(recent()), c=up(2) + d(7))
    return b, "en_US"


def dt_p_passport_form():
    b = B()
    fn, ln = person()
    b.f("DS-82 renewal helper. Most recent passport:\nPassport Number: {pp}\nName: {n}\nDate of birth: {db}\n"
        "Contact email: {e}\nPhone: {p}",
        pp=PP(us_passport()), n=f"{fn} {ln}", db=DT(dob("long")), e=EM(email(fn, ln)), p=PH(us_phone()))
    return b, "en_US"


def dt_p_id_mix():
    b = B()
    st, num = dl()
    b.f("For the hotel check-in I gave my {st} license ({dl}) since my passport {pp} is at the consulate. "
        "Arrival {ad}.",
        st=STATE_ABBR[st], dl=DL_(num), pp=PP(us_passport()), ad=DT(recent()))
    return b, "en_US"


def dt_n_dmv():
    b = B()
    b.f("DMV appointment slots now open on Saturdays; confirmation code {c}. Bring form DL-44 (rev. 2024) and proof "
        "of residency. The REAL ID enforcement date was May 7, 2025. License fee {a}.",
        c=conf_no(), a=amount())
    return b, "en_US"


def dt_n_flight():
    b = B()
    b.f("Flight UA{f} record locator {pn}, e-ticket {et}, seat 14C. Passport photos must be 2x2 in. Known Traveler "
        "Number field left blank. Baggage tag {bt}.",
        f=R.randint(100, 2999), pn=pnr(), et=not_nhs_digits(13), bt=not_nhs_digits(10))
    return b, "en_US"


def dt_n_registration():
    b = B()
    b.f("Vehicle registration renewal: plate {pl}, VIN {vn}, fee {a}, ZIP {z}. DMV office hours 8:00-17:00. "
        "Confirmation {c}.",
        pl=plate(), vn=vin(), a=amount(), z=zip5(), c=conf_no())
    return b, "en_US"


# ---------------- clinical intake
def ci_p_intake():
    b = B()
    fn, ln = person()
    ef, _ = person()
    b.f("Intake — {n}\nMRN: {m}\nDOB: {db}\nAdmitted: {ad} {tm}\nInsurance: member ID {mid}\n"
        "Emergency contact: {ef} {l}, {p}\nAllergies: penicillin",
        n=f"{fn} {ln}", m=MRN(mrn()), db=DT(dob()), ad=DT(recent("iso")), tm=DT(rtime()), mid=HPID(member_id()),
        ef=ef, l=ln, p=PH(us_phone()))
    return b, "en_US"


def ci_p_chart():
    b = B()
    b.f("Pt seen {vd} for f/u of CHF. Chart # {ch}. Discharged {dd}. Room 412B, bed 2; pager 4471. Labs pending.",
        vd=DT(recent()), ch=MRN(mrn()), dd=DT(recent()))
    return b, "en_US"


def ci_p_uk_referral():
    b = B()
    fn, ln = person()
    b.f("Referral letter: {n}, NHS Number {nhs}, DOB {db}, hospital number {m}. GP: Dr {gp}, tel {p}.",
        n=f"{fn} {ln}", nhs=NHS(nhs()), db=DT(dob("uk")), m=MRN(pick(["RX" + d(7), up(1) + d(6), d(8)])),
        gp=pick(LAST), p=PH(uk_phone()))
    return b, "en_GB"


def ci_p_registration():
    b = B()
    b.f("Registration desk: soc sec no. {s}, med rec no {m}, appointment {ap} at {tm}. Copay {a}.",
        s=SSN(ssn()), m=MRN(mrn()), ap=DT(recent("short")), tm=DT(rtime()), a=amount())
    return b, "en_US"


def ci_p_paren_patient():
    b = B()
    ln = pick(LAST)
    b.f("Summarise these labs for Mr. {l} (patient ID {m}): HbA1c 7.9% collected {cd}; LDL 131. Portal message "
        "from {e}.",
        l=ln, m=MRN(mrn()), cd=DT(recent()), e=EM(email(None, ln)))
    return b, "en_US"


def ci_p_nhs_table():
    b = B()
    b.t("Tidy this clinic list:\n\nNHS number | DOB | clinic\n")
    for _ in range(R.randint(2, 4)):
        b.f("{n} | {db} | {c}\n", n=NHS(nhs()), db=DT(dob("uk")), c=pick(["diabetes", "COPD", "anticoag", "asthma"]))
    return b, "en_GB"


def ci_n_protocol():
    b = B()
    b.f("Clinic protocol CP-22 v{v}: MRN fields are 8 digits (e.g. 00000000); never paste real MRNs into chat. "
        "ICD-10 E11.9, CPT 99214. The sample NHS number {bn} in the old guide fails the mod-11 check.",
        v=f"{R.randint(1, 5)}.{R.randint(0, 9)}", bn=bad_nhs())
    return b, "en_GB"


def ci_n_bedboard():
    b = B()
    b.f("Bed board: room {r}, ext. {x}; lab accession batch {ba}; pager {pg}. Shift change at 19:00; the new "
        "EHR build {v} goes live on November 3, 2025.",
        r=R.randint(100, 999), x=d(4), ba=f"{d(2)}-{d(6)}", pg=d(4), v=os_build())
    return b, "en_US"


# ---------------- CSV / TSV
def csv_p_employees():
    b = B()
    b.t("Find duplicates in this export:\nemployee_id,name,ssn,dob,dl_number,dl_state\n")
    for _ in range(R.randint(3, 5)):
        fn, ln = person()
        st, num = dl()
        b.f("{eid},{n},{s},{db},{dl},{st}\n", eid=emp_id(), n=f"{fn} {ln}", s=SSN(ssn(pick(["-", ""]))),
            db=DT(dob("iso")), dl=DL_(num), st=STATE_ABBR[st])
    return b, "en_US"


def csv_p_members_tsv():
    b = B()
    b.t("Convert to JSON:\nmember_id\tmrn\tdob\tphone\n")
    for _ in range(R.randint(2, 4)):
        b.f("{m}\t{r}\t{db}\t{p}\n", m=HPID(pick([member_id(), mbi(False)])), r=MRN(mrn()), db=DT(dob("us")),
            p=PH(us_phone(ext=False)))
    return b, "en_US"


def csv_p_devices():
    b = B()
    b.t("Which devices share a subnet?\nowner_email,ip_address,mac,os_build\n")
    for _ in range(R.randint(3, 4)):
        ip = pick([ipv4(True), ipv4(True), ipv6()])
        b.f("{e},{ip},{m},{v}\n", e=EM(email()), ip=IP(ip), m=MAC(mac(pick(["colon", "dash", "colonU"]))),
            v=os_build())
    return b, "en_US"


def csv_p_ach():
    b = B()
    b.t("Validate this ACH batch before upload:\naccount_holder,routing_number,account_number,amount,trace\n")
    for _ in range(R.randint(3, 5)):
        fn, ln = person()
        b.f("{n},{r},{a},{amt},{tr}\n", n=f"{fn} {ln}", r=aba(), a=BANK(bank_acct()),
            amt=f"{R.randint(10, 5000)}.{d(2)}", tr=not_nhs_digits(15))
    return b, "en_US"


def csv_p_nhs():
    b = B()
    b.t("nhs_number,date_of_birth,postcode,gp_practice\n")
    for _ in range(R.randint(2, 4)):
        b.f("{n},{db},{pc},{g}\n", n=NHS(nhs("")), db=DT(dob("uk")),
            pc=f"{up(2)}{R.randint(1, 20)} {R.randint(1, 9)}{up(2)}", g=up(1) + d(5))
    b.t("Which rows are under 18?")
    return b, "en_GB"


def csv_p_dl_pp():
    b = B()
    b.t("Audit these traveler records (semicolon-separated):\nname;doc_type;doc_number;state;travel_date\n")
    for _ in range(R.randint(4, 5)):
        fn, ln = person()
        if R.random() < 0.5:
            st, num = dl()
            b.f("{n};DL;{x};{st};{td}\n", n=f"{fn} {ln}", x=DL_(num), st=STATE_ABBR[st], td=DT(recent("iso")))
        else:
            b.f("{n};PASSPORT;{x};;{td}\n", n=f"{fn} {ln}", x=PP(us_passport()), td=DT(recent("iso")))
    return b, "en_US"


def csv_n_orders():
    b = B()
    b.t("Total by ZIP:\norder_id,sku,qty,zip,amount,tracking\n")
    for _ in range(R.randint(3, 5)):
        b.f("{o},{s},{q},{z},{a},{t}\n", o=order_no().lstrip("#"), s=f"{up(3)}-{d(3)}", q=R.randint(1, 9), z=d(5),
            a=f"{R.randint(5, 900)}.{d(2)}", t=tracking_no())
    return b, "en_US"


def csv_n_tickets():
    b = B()
    b.t("ticket_id,case_id,app_version,build,created_at,commit\n")
    for _ in range(R.randint(3, 4)):
        b.f("{t},{c},{v},{bd},{ts},{sha}\n", t=ticket_no().lstrip("#"), c=case_no(), v=f"{R.randint(1, 4)}.{R.randint(0, 20)}.{R.randint(0, 9)}",
            bd=os_build(),
            ts=f"2025-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}T{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}Z",
            sha=git_sha()[:pick([7, 12, 40])])
    b.t("Plot tickets per build.")
    return b, "en_US"


# ---------------- JSON payloads
def js_p_patient():
    b = B()
    b.f("Why does this FHIR-ish payload fail validation?\n```json\n{{\n  \"patient\": {{\n    \"mrn\": \"{m}\",\n"
        "    \"birthDate\": \"{db}\",\n    \"telecom\": [{{\"system\": \"phone\", \"value\": \"{p}\"}}],\n"
        "    \"coverage\": {{\"memberId\": \"{mid}\", \"groupNumber\": \"{g}\"}}\n  }},\n  \"requestId\": \"{rid}\"\n}}\n```",
        m=MRN(mrn()), db=DT(dob("iso")), p=PH(us_phone(ext=False)), mid=HPID(member_id()), g=group_no(), rid=a_uuid())
    return b, "en_US"


def js_p_user():
    b = B()
    b.f("Redact this before I file a bug:\n```json\n{{\"user\": {{\"email\": \"{e}\", \"phone\": \"{p}\", "
        "\"last_login_ip\": \"{ip}\", \"device_mac\": \"{mc}\"}}, \"order_id\": \"{o}\", \"trace_id\": \"{rid}\"}}\n```",
        e=EM(email()), p=PH(pick([us_phone(False), intl_phone()])), ip=IP(pick([ipv4(), ipv6()])),
        mc=MAC(mac()), o=order_no(), rid=a_uuid())
    return b, "en_US"


def js_p_payment():
    b = B()
    b.f("Map these fields to our schema:\n```json\n{{\n  \"payer\": {{\"card_number\": \"{c}\", \"iban\": \"{ib}\", "
        "\"ssn\": \"{s}\"}},\n  \"invoice\": \"{i}\",\n  \"amount\": {a}\n}}\n```",
        c=CC(card("")), ib=IB(iban(grouped=False)), s=SSN(ssn()), i=invoice_no(), a=f"{R.randint(10, 9999)}.{d(2)}")
    return b, "de_DE"


def js_p_config():
    b = B()
    pw = password()
    user = pick(["svc_claims", "app", "admin", "etl"])
    host = pick(["db.internal", "pg-prod.cluster-x1.us-east-1.rds.amazonaws.com", "10.4.0.12"])
    conn = f"postgres://{user}:{pw}@{host}:5432/claims"
    b.f("Is this config safe to commit?\n```json\n{{\n  \"database_url\": \"{cs}\",\n  \"stripe_key\": \"{sk}\",\n"
        "  \"aws_access_key_id\": \"{ak}\",\n  \"aws_secret_access_key\": \"{sa}\",\n  \"sentry_dsn_placeholder\": "
        "\"${{SENTRY_DSN}}\",\n  \"version\": \"{v}\"\n}}\n```",
        cs=SEC(conn), sk=SEC(secret_token("stripe")), ak=SEC(secret_token("aws")), sa=SEC(secret_token("awssecret")),
        v=version_str())
    return b, "en_US"


def js_p_claim():
    b = B()
    b.f("Summarise:\n{{\"claim\": {{\"id\": \"CLM-{cl}\", \"member\": {{\"mbi\": \"{m}\", \"dob\": \"{db}\"}}, "
        "\"admission\": \"{ad}\", \"discharge\": \"{dd}\", \"policy_doc_version\": \"{pv}\"}}}}",
        cl=d(9), m=HPID(mbi()), db=DT(dob("iso")), ad=DT(recent("iso")), dd=DT(recent("iso")),
        pv=f"{R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(0, 9)}")
    return b, "en_US"


def js_n_order():
    b = B()
    b.f("Pretty-print:\n{{\"order_id\": \"{o}\", \"tracking\": \"{t}\", \"sku\": \"{s}\", \"os\": \"10.0.19045.3803\", "
        "\"commit\": \"{sha}\", \"id\": \"{u}\", \"zip\": \"{z}\", \"total\": {a}, \"created\": \"2025-06-01T12:00:00Z\"}}",
        o=order_no(), t=tracking_no(), s=f"{up(3)}-{d(4)}", sha=git_sha(), u=a_uuid(), z=d(5), a=f"{R.randint(5, 900)}.{d(2)}")
    return b, "en_US"


def js_n_placeholders():
    b = B()
    b.t("Fill in this sample request with dummy values:\n{\"api_key\": \"YOUR_API_KEY\", \"token\": \"${GITHUB_TOKEN}\", "
        "\"password\": \"<PASSWORD>\", \"ssn\": \"***-**-" + d(4) + "\", \"card\": \"XXXX XXXX XXXX " + d(4) + "\", "
        "\"member_id\": \"<MEMBER_ID>\", \"openai\": \"sk-xxxxxxxxxxxxxxxxxxxxxxxx\", \"hash\": \"" + sha256hex() + "\"}")
    return b, "en_US"


# ---------------- log lines
def lg_p_login():
    b = B()
    b.t("Explain these auth logs:\n")
    for _ in range(R.randint(2, 3)):
        b.f("2025-{mo:02d}-{dd:02d}T{h:02d}:{mi:02d}:{s:02d}Z INFO login ok user={e} ip={ip} mac={mc} req={rid}\n",
            mo=R.randint(1, 12), dd=R.randint(1, 28), h=R.randint(0, 23), mi=R.randint(0, 59), s=R.randint(0, 59),
            e=EM(email()), ip=IP(ipv4()), mc=MAC(mac("colon")), rid=a_uuid()[:8])
    return b, "en_US"


def lg_p_bearer():
    b = B()
    b.f("[api-gw] {ts} WARN upstream echoed header Authorization: Bearer {j} client={ip} path=/v2/claims\n"
        "[api-gw] {ts} INFO retry=1 commit={sha}",
        ts=f"2025-03-{R.randint(10, 28)} {R.randint(10, 23)}:{R.randint(10, 59)}:{R.randint(10, 59)}",
        j=SEC(jwt()), ip=IP(ipv4()), sha=git_sha()[:7])
    return b, "en_US"


def lg_p_ipv6_url():
    b = B()
    b.f("{ip} - - [04/Mar/2025:10:22:31 +0000] \"GET /refill/status HTTP/1.1\" 200 512 \"{u}\" \"Mozilla/5.0\"\n"
        "Is the referrer suspicious?",
        ip=IP(ipv6()), u=URL_(url("https")))
    return b, "en_US"


def lg_p_payment():
    b = B()
    b.f("ERROR payment-svc charge failed: pan={c} exp=**/** acct={ac} amount={a} order={o} version={v}\n"
        "Why is the PAN in clear text in our logs?",
        c=CC(card("")), ac=BANK(bank_acct()), a=f"{R.randint(10, 999)}.{d(2)}", o=order_no(), v=version_str())
    return b, "en_US"


def lg_p_dhcp():
    b = B()
    b.f("dhcpd[{pid}]: DHCPACK on {ip} to {mc} via eth0\ndhcpd[{pid}]: DHCPREQUEST for {ip2} from {mc2} via eth0\n"
        "netmask 255.255.255.0, gateway 127.0.0.1 (test bench). Which host got two leases?",
        pid=R.randint(1000, 9999), ip=IP(ipv4(True)), mc=MAC(mac("cisco")), ip2=IP(ipv4(True)), mc2=MAC(mac("dash")))
    return b, "en_US"


def lg_p_secret_env():
    b = B()
    b.f("CI log excerpt:\n+ export GITHUB_TOKEN={g}\n+ export SLACK_BOT_TOKEN={s}\n+ export SENTRY_DSN=${{SENTRY_DSN}}\n"
        "+ git checkout {sha}\nWhich of these should be rotated?",
        g=SEC(secret_token(pick(["ghp", "ghpat"]))), s=SEC(secret_token("slack")), sha=git_sha())
    return b, "en_US"


def lg_n_build():
    b = B()
    b.f("deploy: build 10.0.19045.{bn} rolled out; commit {sha}; request_id={u}; bind 0.0.0.0:8080; health check "
        "127.0.0.1:9000 and ::1; netmask 255.255.255.0; sha256 {h}",
        bn=R.randint(1000, 4999), sha=git_sha(), u=a_uuid(), h=sha256hex())
    return b, "en_US"


def lg_n_ids():
    b = B()
    b.f("[2025-03-04 10:22:31] order={o} invoice={i} user_id={uid} ticket={t} case={c} ext={x} zip={z} "
        "amount={a} status=REFUNDED",
        o=order_no(), i=invoice_no(), uid=d(6), t=ticket_no(), c=case_no(), x=d(4), z=d(5), a=f"{R.randint(5, 900)}.{d(2)}")
    return b, "en_US"


# ---------------- chat
def ch_p_social():
    b = B()
    b.f("lol my bank wants my social again over chat. it's {s}. is that normal or phishing?",
        s=SSN(ssn(pick(["", " "]))))
    return b, "en_US"


def ch_p_ssn_hash():
    b = B()
    b.f("can u check if this is a valid format? SSN# {s} (the ITIN {it} was rejected)",
        s=SSN(ssn("-")), it=bad_ssn("9xx"))
    return b, "en_US"


def ch_p_eth():
    b = B()
    b.f("my eth address is {e}, send the $40 there. or btc: {w}", e=CRY(eth()), w=CRY(btc()))
    return b, "en_US"


def ch_p_new_number():
    b = B()
    fn, ln = person()
    b.f("new number: {p}. email me at {e} instead of the old one", p=PH(intl_phone()),
        e=EM(email(fn, ln, obfuscate=True)))
    return b, "en_US"


def ch_p_token():
    b = B()
    b.f("here's the token for the deploy bot {t} — don't paste it anywhere pls. also the wifi password is {pw}",
        t=SEC(secret_token(pick(["ghp", "openai", "slack"]))), pw=SEC(password()))
    return b, "en_US"


def ch_p_mrn():
    b = B()
    b.f("mom's MRN at the hospital is {m} and her appt is {ad} at {tm}, can you remind me the day before?",
        m=MRN(mrn()), ad=DT(recent(pick(["us1", "short"]))), tm=DT(rtime()))
    return b, "en_US"


def ch_n_ssn_q():
    b = B()
    b.f("what does SSN stand for and why does my W-2 preview show ***-**-{l4}? also is {bs} a real one or fake?",
        l4=d(4), bs=bad_ssn(pick(["000", "666", "g00", "s0000"])))
    return b, "en_US"


def ch_n_order():
    b = B()
    b.f("my order {o} and tracking {t} lol, the release date was March 1, 2025 and it still hasn't shipped. "
        "support said ticket {tk}",
        o=order_no(), t=tracking_no(), tk=ticket_no())
    return b, "en_US"


def ch_n_apikey():
    b = B()
    b.f("anyone know what goes in place of YOUR_API_KEY in the config? the sample uses sk-xxxxxxxxxxxxxxxxxxxx and "
        "${{OPENAI_API_KEY}}. running {v}",
        v=version_str())
    return b, "en_US"


# ---------------- e-mail threads
def em_p_passport_quote():
    b = B()
    fn, ln = person()
    b.f("Subject: Re: onboarding documents\n\nThanks, received — I'll file it.\n\n{n} <{e}> wrote:\n"
        "> Attached my passport scan. Passport\n> No. {pp}\n> and my DOB is {db}. Ticket {t}.",
        n=f"{fn} {ln}", e=EM(email(fn, ln)), pp=PP(us_passport()), db=DT(dob()), t=ticket_no())
    return b, "en_US"


def em_p_refund_quote():
    b = B()
    fn, ln = person()
    b.f("Subject: Re: refund\n\nHi {f}, we processed it today.\n\n> On the call I gave you my acct\n> {a} and "
        "routing {r}.\n> -- {n}, {p}",
        f=fn, a=BANK(bank_acct()), r=aba(), n=f"{fn} {ln}", p=PH(us_phone(ext=True)))
    return b, "en_US"


def em_p_forward():
    b = B()
    fn, ln = person()
    b.f("FW: member ID question\n\n---------- Forwarded message ---------\nFrom: {e}\nTo: {ce}\n\n"
        "My subscriber # is {s1} and my wife's is {s2}. Group {g}. Claim {c}.",
        e=EM(email(fn, ln)), ce=EM(corp_email("benefits")), s1=HPID(member_id()), s2=HPID(member_id()),
        g=group_no(), c="CLM-" + d(9))
    return b, "en_US"


def em_p_uk_nhs():
    b = B()
    fn, ln = person()
    b.f("Subject: appointment letter\n\nDear Practice,\nmy NHS number is\n{nhs}\nand my new mobile is {p}. Could "
        "you move my appointment to {ad}?\nKind regards,\n{n}",
        nhs=NHS(nhs()), p=PH(uk_phone()), ad=DT(recent("dmy")), n=f"{fn} {ln}")
    return b, "en_GB"


def em_p_dl_thread():
    b = B()
    fn, ln = person()
    st, num = dl()
    b.f("> > Please send your driver's license number for the insurance quote.\n> Sure: {dl} ({st}).\n\n"
        "Got it. Also, is {ce} the right address for the signed forms? — agent desk {p}",
        dl=DL_(num), st=st, ce=EM(corp_email("quotes")), p=PH(us_phone(ext=True)))
    return b, "en_US"


def em_p_ssn_reply():
    b = B()
    fn, ln = person()
    b.f("Subject: Re: Re: W-9\n\nHi,\nTIN/SSN: {s}\nDOB: {db}\n\n> From: {ce}\n> Please reply with your SSN "
        "(not the masked ***-**-{l4} version).",
        s=SSN(ssn()), db=DT(dob()), ce=EM(corp_email("vendors")), l4=d(4))
    return b, "en_US"


def em_n_close():
    b = B()
    b.f("Subject: Re: Q3 FY2025 close\n\n> Invoice {i} and ticket {t} are reconciled.\n> Policy document v{v} "
        "applies.\n\nThanks. The release is scheduled for October 1, 2025; the change freeze starts two weeks before. "
        "Case {c}.",
        i=invoice_no(), t=ticket_no(), v=f"{R.randint(1, 6)}.{R.randint(0, 9)}", c=case_no())
    return b, "en_US"


def em_n_masked():
    b = B()
    b.f("Subject: Re: your account\n\n> We never ask for your full SSN or card number by e-mail.\n> We'll show "
        "them as ***-**-{l4} and •••• {l4b}.\n\nThanks — so the message with <SSN> in the body was a phishing "
        "template? Reference {r}.",
        l4=d(4), l4b=d(4), r=conf_no())
    return b, "en_US"


# ---------------- extra phrasings for the context-dependent identifiers
def st_p_identity_verify():
    b = B()
    fn, ln = person()
    b.f("Agent notes, ticket {t}: caller verified identity with last name, DOB {db} and Soc. Sec. # {s}. "
        "Callback {p}. Confirmation number sent by SMS: {cf}.",
        t=ticket_no(), db=DT(dob()), s=SSN(ssn()), p=PH(us_phone()), cf=conf_no())
    return b, "en_US"


def hr_p_ss_abbrev():
    b = B()
    fn, ln = person()
    st, num = dl()
    b.f("W-4 / state withholding packet\nEmployee: {n} (SS#: {s})\nDL/ID #: {dl}  State: {st}\nHome phone: {p}\n"
        "Employee no.: {eid}",
        n=f"{fn} {ln}", s=SSN(ssn()), dl=DL_(num), st=STATE_ABBR[st], p=PH(us_phone()), eid=emp_id())
    return b, "en_US"


def hr_p_ssn_break():
    b = B()
    fn, ln = person()
    b.f("Please proofread the benefits enrollment for {n}:\nSocial Security No.\n{s}\nDependents: 2\n"
        "Hire date: {hd}",
        n=f"{fn} {ln}", s=SSN(ssn(pick(["-", " ", ""]))), hd=DT(recent()))
    return b, "en_US"


def ic_p_parens_member():
    b = B()
    fn, ln = person()
    b.f("Appeal letter draft: On {v} my daughter was seen in urgent care. The insurer ({ce}) denied the claim "
        "even though her coverage ({m}) was active. Policy doc {pd} says urgent care is covered.",
        v=DT(recent("long")), ce=EM(corp_email("appeals")), m=HPID(member_id()), pd=f"SBC-{d(4)} rev {R.randint(1, 9)}")
    return b, "en_US"


def ph_p_dl_pickup():
    b = B()
    fn, ln = person()
    st, num = dl()
    b.f("Controlled-substance pickup log: patient {n}, Rx {rx}; ID shown: {st} driver's license no. {dl}; "
        "picked up by spouse on {pd} at {tm}.",
        n=f"{fn} {ln}", rx=rx_no(), st=STATE_ABBR[st], dl=DL_(num), pd=DT(recent()), tm=DT(rtime()))
    return b, "en_US"


def bd_p_dda():
    b = B()
    b.f("Stop-payment request. DDA {a}, check #{ck} for {amt}. Routing {r} (ours). Please confirm by e-mail to {e}.",
        a=BANK(bank_acct(10, 14)), ck=d(4), amt=amount(), r=aba(), e=EM(email()))
    return b, "en_US"


def bd_p_acct_break():
    b = B()
    fn, ln = person()
    b.f("Refund instructions from {n}:\nBank: {bk}\nAccount number\n{a}\nABA {r}\nAmount due: {amt}",
        n=f"{fn} {ln}", bk=pick(BANKS), a=BANK(bank_acct()), r=aba(), amt=amount())
    return b, "en_US"


def se_p_free_lunch():
    b = B()
    pf, ln = person()
    b.f("Free/reduced lunch application — household adult signing: {pf} {l}. Last four of SSN not required if "
        "you list a SNAP case number; I'm listing my full social anyway: {s}. Child DOB {db}.",
        pf=pf, l=ln, s=SSN(ssn()), db=DT(kid_dob()))
    return b, "en_US"


def dt_p_state_id():
    b = B()
    st, num = dl()
    b.f("I lost my {st} state ID card (ID card number {dl}). Do I need a police report before the DMV replaces it? "
        "My appointment is {ad} at {tm}.",
        st=st, dl=DL_(num), ad=DT(recent("long")), tm=DT(rtime()))
    return b, "en_US"


def dt_p_pp_after():
    b = B()
    b.f("{pp} — that's the passport number I entered for the {d1} flight, but the airline shows a different one. "
        "Record locator {pn}.",
        pp=PP(us_passport()), d1=DT(recent()), pn=pnr())
    return b, "en_US"


def dt_p_ppt_abbrev():
    b = B()
    fn, ln = person()
    b.f("Visa form:\nSurname: {l}\nGiven names: {f}\nPPT no: {pp}\nIssuing country: USA\nPrior US passport book "
        "number (if any): {pp2}\nIntended arrival: {ad}",
        l=ln, f=fn, pp=PP(us_passport()), pp2=PP(us_passport()), ad=DT(recent()))
    return b, "en_US"


def ci_p_mrn_table():
    b = B()
    b.t("Sort by admit date:\n\n| MRN | Patient | Admit date | Payer ID |\n|---|---|---|---|\n")
    for _ in range(R.randint(2, 4)):
        fn, ln = person()
        b.f("| {m} | {n} | {ad} | {pid} |\n", m=MRN(mrn()), n=f"{fn} {ln}", ad=DT(recent("us")), pid=d(5))
    return b, "en_US"


def js_p_traveler():
    b = B()
    st, num = dl()
    b.f("Our KYC vendor returns this; which fields must we encrypt at rest?\n```json\n{{\n  \"applicant\": {{\n"
        "    \"ssn\": \"{s}\",\n    \"passport_number\": \"{pp}\",\n    \"dl_number\": \"{dl}\",\n"
        "    \"dl_state\": \"{st}\",\n    \"dob\": \"{db}\"\n  }},\n  \"checkId\": \"{u}\",\n  \"schemaVersion\": \"{v}\"\n}}\n```",
        s=SSN(ssn(pick(["-", ""]))), pp=PP(us_passport()), dl=DL_(num), st=STATE_ABBR[st], db=DT(dob("iso")),
        u=a_uuid(), v=version_str())
    return b, "en_US"


def lg_p_kyc():
    b = B()
    st, num = dl()
    b.f("2025-04-{dd:02d} 09:{mi:02d}:11 DEBUG kyc.match ssn={s} dl={dl} dl_state={st} passport={pp} score=0.93 "
        "request={u}\nWhy is the matcher logging raw identifiers?",
        dd=R.randint(1, 28), mi=R.randint(0, 59), s=SSN(ssn("")), dl=DL_(num.replace(" ", "")), st=STATE_ABBR[st],
        pp=PP(us_passport()), u=a_uuid())
    return b, "en_US"


def ch_p_passport():
    b = B()
    b.f("whats the fastest way to renew? my passport number is {pp} and i fly out {fd}. also is my old one "
        "({pp2}) still valid as ID?",
        pp=PP(us_passport()), fd=DT(recent(pick(["us1", "short"]))), pp2=PP(us_passport()))
    return b, "en_US"


def em_p_acct_after():
    b = B()
    fn, ln = person()
    b.f("Subject: Re: vendor payment\n\n{a} is the checking account for the refund (routing {r}), not the one on "
        "invoice {i}.\n\n{n} <{e}> wrote:\n> Can you confirm the bank details? Amount {amt}.",
        a=BANK(bank_acct()), r=aba(), i=invoice_no(), n=f"{fn} {ln}", e=EM(email(fn, ln)), amt=amount())
    return b, "en_US"


def csv_p_claims_tsv():
    b = B()
    b.t("Dedupe these claim lines:\nclaim_no\tsubscriber_id\tgroup_no\tservice_date\tbilled\n")
    for _ in range(R.randint(3, 4)):
        b.f("{c}\t{m}\t{g}\t{sd}\t{a}\n", c="CLM-" + d(9), m=HPID(member_id()), g=group_no(), sd=DT(recent("iso")),
            a=f"{R.randint(20, 4000)}.{d(2)}")
    return b, "en_US"


# ---------------- extra hard negatives
def dt_n_passport_info():
    b = B()
    b.f("Passport renewal FAQ: the fee is $130, routine processing takes 4-6 weeks, and the application locator "
        "(e.g. {loc}) is not your passport number. Form DS-82 rev. {rv}. Driver's license renewals use form "
        "DL-{dl}.",
        loc=f"{up(2)}{d(7)}", rv=f"{R.randint(2019, 2024)}-{R.randint(1, 12):02d}", dl=d(2))
    return b, "en_US"


def bd_n_routing():
    b = B()
    b.f("Which bank owns routing number {r}? Also, our ACH file header lists company ID {cid} and batch {bt}. "
        "Acct ending {l4}, amount {a}, ZIP {z}.",
        r=aba(), cid=npi_like(), bt=d(7), l4=d(4), a=amount(), z=zip5())
    return b, "en_US"


def hr_n_invalid_ssn():
    b = B()
    b.f("Our HRIS flagged these SSNs as impossible: {a}, {b_}, {c}, {d_}. Are the rules (no 000/666/9xx area, no 00 "
        "group, no 0000 serial) still current? Ticket {t}.",
        a=bad_ssn("000"), b_=bad_ssn("666"), c=bad_ssn("g00"), d_=bad_ssn("s0000"), t=ticket_no())
    return b, "en_US"


def ci_n_nhs_invalid():
    b = B()
    b.f("Which of these fails the NHS mod-11 check? {a}, {b_}. (Both do — the check digit is wrong.) Ward ext. "
        "{x}, bed {bd}.",
        a=bad_nhs(), b_=bad_nhs(""), x=d(4), bd=f"{R.randint(1, 30)}{pick('ABCD')}")
    return b, "en_GB"


def chat_n_crypto():
    b = B()
    b.f("is {w} a valid bitcoin address? my wallet app says the checksum is bad. and what's this hash {h}, "
        "commit {sha}?",
        w=bad_btc(), h=sha256hex(), sha=git_sha())
    return b, "en_US"


CATEGORIES = {
    "support_ticket": ([st_p_double_charge, st_p_portal, st_p_masked_vs_full, st_p_key_leak, st_p_callback_ext, st_p_intl, st_p_identity_verify],
                       [st_n_totals, st_n_masked, st_n_luhn]),
    "hr_onboarding": ([hr_p_form, hr_p_direct_deposit, hr_p_i9, hr_p_email_fix, hr_p_cue_after, hr_p_table, hr_p_emergency,
                       hr_p_ss_abbrev, hr_p_ssn_break],
                      [hr_n_policy, hr_n_payroll, hr_n_placeholder, hr_n_invalid_ssn]),
    "insurance_claim": ([ic_p_claim_form, ic_p_subscriber_break, ic_p_mbi, ic_p_policy_number, ic_p_group_member, ic_p_medicaid, ic_p_parens_member],
                        [ic_n_closed, ic_n_member_field, ic_n_codes]),
    "pharmacy_refill": ([ph_p_refill_form, ph_p_chatty, ph_p_fax, ph_p_uk_repeat, ph_p_pickup, ph_p_dl_pickup], [ph_n_backorder, ph_n_template]),
    "bank_dispute": ([bd_p_letter, bd_p_wire, bd_p_ach, bd_p_zelle, bd_p_two_cards, bd_p_scam_crypto, bd_p_dda,
                      bd_p_acct_break], [bd_n_update, bd_n_invalid, bd_n_routing]),
    "school_enrollment": ([se_p_form, se_p_permission, se_p_immunization, se_p_portal, se_p_free_lunch], [se_n_open, se_n_transcript]),
    "dmv_travel": ([dt_p_renew, dt_p_cdl, dt_p_booking, dt_p_license_break, dt_p_paren, dt_p_passport_form, dt_p_id_mix,
                    dt_p_state_id, dt_p_pp_after, dt_p_ppt_abbrev],
                   [dt_n_dmv, dt_n_flight, dt_n_registration, dt_n_passport_info]),
    "clinical_intake": ([ci_p_intake, ci_p_chart, ci_p_uk_referral, ci_p_registration, ci_p_paren_patient, ci_p_nhs_table,
                         ci_p_mrn_table],
                        [ci_n_protocol, ci_n_bedboard, ci_n_nhs_invalid]),
    "csv": ([csv_p_employees, csv_p_members_tsv, csv_p_devices, csv_p_ach, csv_p_nhs, csv_p_dl_pp, csv_p_claims_tsv], [csv_n_orders, csv_n_tickets]),
    "json": ([js_p_patient, js_p_user, js_p_payment, js_p_config, js_p_claim, js_p_traveler], [js_n_order, js_n_placeholders]),
    "logs": ([lg_p_login, lg_p_bearer, lg_p_ipv6_url, lg_p_payment, lg_p_dhcp, lg_p_secret_env, lg_p_kyc], [lg_n_build, lg_n_ids]),
    "chat": ([ch_p_social, ch_p_ssn_hash, ch_p_eth, ch_p_new_number, ch_p_token, ch_p_mrn, ch_p_passport],
             [ch_n_ssn_q, ch_n_order, ch_n_apikey, chat_n_crypto]),
    "email_thread": ([em_p_passport_quote, em_p_refund_quote, em_p_forward, em_p_uk_nhs, em_p_dl_thread, em_p_ssn_reply, em_p_acct_after],
                     [em_n_close, em_n_masked]),
}

N_POS, N_NEG = 17, 6  # per category: 13 * 23 = 299, plus one extra positive row -> 300


def build_rows():
    rows = []
    for ci, (cat, (pos, neg)) in enumerate(CATEGORIES.items()):
        plan = [pos[i % len(pos)] for i in range(N_POS + (1 if ci == 0 else 0))]
        plan += [neg[i % len(neg)] for i in range(N_NEG)]
        for fn in plan:
            b, loc = fn()
            rows.append({"text": b.text, "spans": b.spans, "expect": b.expect,
                         "meta": {"category": cat, "template": f"{cat}#{fn.__name__}", "locale": loc}})
    R.shuffle(rows)
    out = []
    for i, r in enumerate(rows, 1):
        out.append({"id": f"ch6-{i:04d}", "text": r["text"], "spans": r["spans"], "label_scope": SCOPE,
                    "meta": r["meta"], "_expect": r["expect"]})
    return out


# ----------------------------------------------------------------------------------------------
# self-check

def check(rows):
    ids = set()
    for r in rows:
        assert r["id"] not in ids, r["id"]
        ids.add(r["id"])
        text = r["text"]
        prev_end = -1
        spans = sorted(r["spans"], key=lambda s: s["start"])
        assert spans == r["spans"], r["id"]
        assert [(text[s["start"]:s["end"]], s["label"]) for s in spans] == r["_expect"], r["id"]
        for s in spans:
            assert 0 <= s["start"] < s["end"] <= len(text)
            assert s["start"] >= prev_end, ("overlap", r["id"])
            prev_end = s["end"]
            v = text[s["start"]:s["end"]]
            assert v == v.strip() and not v[0].isspace() and not v[-1].isspace(), (r["id"], v)
            lab = s["label"]
            if lab == "US_SSN":
                assert ssn_valid(v), v
            elif lab == "CREDIT_CARD":
                assert luhn_ok(v.replace(" ", "").replace("-", "")), v
            elif lab == "UK_NHS":
                assert nhs_ok(v), v
            elif lab == "IBAN_CODE":
                assert iban_ok(v), v
            elif lab == "US_BANK_NUMBER":
                assert v.isdigit() and 8 <= len(v) <= 17, v
            elif lab == "US_PASSPORT":
                assert (len(v) == 9 and v.isdigit()) or (len(v) == 9 and v[0].isalpha() and v[1:].isdigit()), v
            elif lab == "CRYPTO":
                assert (v.startswith("0x") and len(v) == 42) or (v.startswith("bc1") and bech32_ok(v)) or b58check_ok(v), v
        # json blocks must parse
        if "```json\n" in text:
            blk = text.split("```json\n", 1)[1].split("\n```", 1)[0]
            json.loads(blk)
    return True


def main():
    rows = build_rows()
    check(rows)
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "challenge6.jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            r = {k: v for k, v in r.items() if not k.startswith("_")}
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_clean = sum(1 for r in rows if not r["spans"])
    print(f"wrote {len(rows)} rows ({n_clean} without PII) to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
