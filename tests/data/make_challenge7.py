#!/usr/bin/env python3
"""Challenge set 7: the shapes of real LLM traffic.

Developer prompts (stack traces, log excerpts, code with PII in literals / comments / fixtures / SQL rows, curl
commands with Authorization headers, .env files, Dockerfiles, Kubernetes YAML, git diffs), multi-turn chat
transcripts (plain User:/Assistant: turns and raw JSON request bodies with escaped quotes and \\n inside strings),
e-mail threads (forwarded headers, '>' quoting, signatures), informal text (SMS style, typos, emoji, wrapped
values, punctuation glued to values), fifteen non-English locales with their own phone / IBAN / date formats,
and hard negatives (about a quarter of the rows carry no PII at all).

Written independently of the detector, from /work/shared/eval/TAXONOMY.md only. Stdlib only, fixed seed:

    python3 tests/data/make_challenge7.py            # writes tests/data/challenge7.jsonl

Every text is built from parts; each labelled value's offsets are recorded as it is appended (and re-mapped
when a part is JSON-escaped into a string literal), so offsets are Unicode code-point offsets by construction.
Only structured labels are annotated (label_scope on every row, as in challenge 6): PERSON, LOCATION,
ORGANIZATION and NRP mentions in the text are not annotated.

The self-check at the end verifies every row: spans sorted, in bounds, non-overlapping, never starting/ending on
whitespace or on trailing punctuation, text[start:end] equal to the intended surface form; every value passes
its label's validator (Luhn + issuer prefix/length, IBAN mod-97 + per-country length, SSN ranges, NHS mod-11,
Base58Check / bech32, EIP-55 or all-lowercase, MBI character classes, secret formats); every registered
look-alike is verifiably invalid; and a scan of the unlabelled text finds no e-mail, URL, bare domain, valid
card / NHS / IBAN / SSN, host IP, MAC, wallet, key-shaped token or date outside a gold span or a registered,
deliberate negative.
"""
from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import os
import random
import re
import string
import sys
import uuid
from datetime import date, datetime, timedelta

SEED = 7_2025_0707
R = random.Random(SEED)

SCOPE = [
    "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "US_PASSPORT",
    "US_DRIVER_LICENSE", "US_BANK_NUMBER", "IP_ADDRESS", "MAC_ADDRESS", "URL", "DATE_TIME",
    "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "CRYPTO", "UK_NHS", "SECRET",
]


# ----------------------------------------------------------------------------------------------
# text builder

def json_esc(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)[1:-1]


class B:
    """Append text parts. Labelled parts record (start, end, label); deliberate look-alikes are registered as
    negatives (start, end, kind) so the self-check can verify they are invalid and the leak scan can skip them."""

    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[dict] = []
        self.expect: list[tuple] = []  # (surface, label, kind, raw)
        self.negs: list[tuple] = []  # (start, end, kind, raw)

    def t(self, s: str):
        self.parts.append(s)
        self.pos += len(s)
        return self

    def v(self, s: str, label: str, kind: str | None = None):
        assert s and s == s.strip(), repr(s)
        self.spans.append({"start": self.pos, "end": self.pos + len(s), "label": label})
        self.expect.append((s, label, kind, s))
        return self.t(s)

    def n(self, s: str, kind: str):
        self.negs.append((self.pos, self.pos + len(s), kind, s))
        return self.t(s)

    def put(self, val):
        if isinstance(val, B):
            return self.embed(val, None)
        if isinstance(val, tuple):
            s, label, kind = (val + (None,))[:3]
            if label:
                return self.v(s, label, kind)
            return self.n(s, kind or "neg")
        return self.t(str(val))

    def f(self, template: str, **kw):
        """str.format-like: {name} is replaced by kw[name]; a tuple (text, label[, kind]) is a labelled value,
        (text, None, kind) a registered negative, a B is spliced in verbatim, anything else is plain text.
        Literal braces are written {{ }}."""
        for literal, field, spec, conv in string.Formatter().parse(template):
            if literal:
                self.t(literal)
            if field is not None:
                val = kw[field]
                if spec and not isinstance(val, (tuple, B)):
                    self.t(format(val, spec))
                else:
                    self.put(val)
        return self

    def embed(self, sub: "B", esc=json_esc):
        """Splice another builder's text in, escaping every character with esc (e.g. into a JSON string
        literal); spans and negatives are re-mapped onto the escaped text."""
        esc = esc or (lambda c: c)
        base = self.pos
        offs, out, p = [], [], 0
        for ch in sub.text:
            offs.append(p)
            e = esc(ch)
            out.append(e)
            p += len(e)
        offs.append(p)
        for sp, (surf, lab, kind, raw) in zip(sub.spans, sub.expect):
            st, en = base + offs[sp["start"]], base + offs[sp["end"]]
            self.spans.append({"start": st, "end": en, "label": lab})
            self.expect.append(("".join(esc(c) for c in surf), lab, kind, raw))
        for st, en, kind, raw in sub.negs:
            self.negs.append((base + offs[st], base + offs[en], kind, raw))
        return self.t("".join(out))

    @property
    def text(self):
        return "".join(self.parts)

    def hardwrap(self, start, end, width, must_break=None):
        """Hard-wrap text[start:end] at width by turning spaces into newlines (offsets are unchanged). If
        must_break=(a, b) is given, return False (and change nothing) unless a break falls inside [a, b)."""
        text = list(self.text)
        line_start, last_space, breaks = start, None, []
        for i in range(start, end):
            if text[i] == "\n":
                line_start, last_space = i + 1, None
                continue
            if text[i] == " ":
                last_space = i
            if i - line_start >= width and last_space is not None:
                breaks.append(last_space)
                line_start, last_space = last_space + 1, None
        if must_break and not any(must_break[0] < k < must_break[1] for k in breaks):
            return False
        for k in breaks:
            text[k] = "\n"
        new = "".join(text)
        self.parts, self.pos = [new], len(new)
        self.expect = [(new[sp["start"]:sp["end"]], lab, kind, new[sp["start"]:sp["end"]] if raw == surf else raw)
                       for sp, (surf, lab, kind, raw) in zip(self.spans, self.expect)]
        self.negs = [(st, en, kind, new[st:en] if raw == "".join(text[st:en]).replace("\n", " ") else raw)
                     for st, en, kind, raw in self.negs]
        return True


def sub(template: str, **kw) -> B:
    return B().f(template, **kw)


def L(label, kind=None):
    return lambda s: (s, label, kind)


def N(kind):
    return lambda s: (s, None, kind)


# ----------------------------------------------------------------------------------------------
# primitive generators

DIG = "0123456789"
UP = string.ascii_uppercase
LOW = string.ascii_lowercase
AN = string.ascii_letters + DIG
HEX = "0123456789abcdef"


def d(n):
    return "".join(R.choice(DIG) for _ in range(n))


def dnz(n):
    return R.choice("123456789") + d(n - 1)


def up(n):
    return "".join(R.choice(UP) for _ in range(n))


def alnum(n, chars=AN):
    return "".join(R.choice(chars) for _ in range(n))


def hexs(n):
    return "".join(R.choice(HEX) for _ in range(n))


def pick(xs):
    return R.choice(xs)


def chance(p):
    return R.random() < p


# --- Luhn / cards -------------------------------------------------------------------------------
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


def card_brand(num: str):
    n = len(num)
    if num[0] == "4" and n == 16:
        return "visa"
    if n == 16 and (51 <= int(num[:2]) <= 55 or 2221 <= int(num[:4]) <= 2720):
        return "mastercard"
    if n == 15 and num[:2] in ("34", "37"):
        return "amex"
    if n == 16 and (num[:4] == "6011" or num[:2] == "65" or 644 <= int(num[:3]) <= 649):
        return "discover"
    if n == 16 and 3528 <= int(num[:4]) <= 3589:
        return "jcb"
    return None


def card_digits(kind=None):
    kind = kind or pick(["visa", "visa", "visa", "mc", "mc", "mc2", "amex", "disc", "disc65", "jcb"])
    if kind == "visa":
        p = "4" + d(14)
    elif kind == "mc":
        p = "5" + pick("12345") + d(13)
    elif kind == "mc2":
        p = str(R.randint(2221, 2720)) + d(11)
    elif kind == "amex":
        p = "3" + pick("47") + d(12)
    elif kind == "disc":
        p = "6011" + d(11)
    elif kind == "disc65":
        p = "65" + d(13)
    else:
        p = str(R.randint(3528, 3589)) + d(11)
    x = luhn_complete(p)
    assert card_brand(x)
    return x


def group_card(num: str, sep=None):
    sep = pick([" ", " ", "-", ""]) if sep is None else sep
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


def not_luhn_digits(n, first=None):
    while True:
        x = (first or R.choice("123456789")) + d(n - 1 - (len(first) - 1 if first else 0))
        x = x[:n]
        if not luhn_ok(x) and not (n == 10 and nhs_ok(x)) and not (n == 9 and ssn_valid(x)):
            return x


# --- SSN ------------------------------------------------------------------------------------------
def ssn_valid(s: str) -> bool:
    x = s.replace("-", "").replace(" ", "")
    if len(x) != 9 or not x.isdigit():
        return False
    a, g, n = x[:3], x[3:5], x[5:]
    return a != "000" and a != "666" and a[0] != "9" and g != "00" and n != "0000"


def ssn(sep=None):
    sep = pick(["-", "-", "-", " ", ""]) if sep is None else sep
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    s = f"{a:03d}{sep}{R.randint(1, 99):02d}{sep}{R.randint(1, 9999):04d}"
    assert ssn_valid(s)
    return s


def bad_ssn(kind=None, sep="-"):
    kind = kind or pick(["000", "666", "9xx", "g00", "s0000"])
    a, g, n = f"{R.randint(1, 665):03d}", f"{R.randint(1, 99):02d}", f"{R.randint(1, 9999):04d}"
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


# --- NHS mod 11 -----------------------------------------------------------------------------------
def nhs_check(first9: str):
    tot = sum(int(c) * w for c, w in zip(first9, range(10, 1, -1)))
    c = 11 - tot % 11
    if c == 11:
        c = 0
    return None if c == 10 else c


def nhs_ok(s: str) -> bool:
    x = re.sub(r"[ \-]", "", s)
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
        if not nhs_ok(x) and not luhn_ok(x):
            return f"{x[:3]}{sep}{x[3:6]}{sep}{x[6:]}"


# --- IBAN -----------------------------------------------------------------------------------------
IBAN_LEN = {"AD": 24, "AE": 23, "AT": 20, "BE": 16, "BR": 29, "CH": 21, "DE": 22, "DK": 18, "ES": 24, "FI": 18,
            "FR": 27, "GB": 22, "IE": 22, "IL": 23, "IT": 27, "LU": 20, "NL": 18, "NO": 15, "PL": 28, "PT": 25,
            "SA": 24, "SE": 24, "TR": 26}


def iban_ok(s: str) -> bool:
    x = re.sub(r"\s", "", s)
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", x):
        return False
    r = x[4:] + x[:4]
    return int("".join(str(int(ch, 36)) for ch in r)) % 97 == 1


def iban_make(cc: str, bban: str) -> str:
    r = bban + cc + "00"
    chk = 98 - int("".join(str(int(ch, 36)) for ch in r)) % 97
    out = f"{cc}{chk:02d}{bban}"
    assert iban_ok(out) and len(out) == IBAN_LEN[cc], out
    return out


def iban_bban(cc):
    if cc == "DE":
        return d(8) + d(10)
    if cc == "ES":
        return d(20)
    if cc == "FR":
        return d(5) + d(5) + d(11) + d(2)
    if cc == "PT":
        return d(21)
    if cc == "IT":
        return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + d(10) + d(12)
    if cc == "NL":
        return pick(["ABNA", "INGB", "RABO", "TRIO", "KNAB", "BUNQ", "SNSB", "ASNB"]) + d(10)
    if cc == "PL":
        return d(24)
    if cc == "TR":
        return d(5) + "0" + d(16)
    if cc == "SA":
        return d(2) + d(18)
    if cc == "AE":
        return d(3) + d(16)
    if cc == "IL":
        return d(19)
    if cc == "BE":
        return d(12)
    if cc == "GB":
        return pick(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + d(6) + d(8)
    if cc == "BR":
        return d(23) + pick("CP") + "1"
    if cc == "CH":
        return d(5) + d(12)
    if cc == "AT":
        return d(16)
    if cc == "IE":
        return pick(["AIBK", "BOFI"]) + d(6) + d(8)
    raise KeyError(cc)


def group4(x, sep=" "):
    return sep.join(x[i:i + 4] for i in range(0, len(x), 4))


def iban(cc=None, grouped=None):
    cc = cc or pick(["DE", "GB", "FR", "NL", "ES", "IT", "CH", "BE", "AT", "IE"])
    x = iban_make(cc, iban_bban(cc))
    grouped = chance(0.6) if grouped is None else grouped
    return group4(x) if grouped else x


def bad_iban(cc=None, grouped=True):
    cc = cc or pick(["DE", "GB", "NL", "FR", "ES"])
    good = iban_make(cc, iban_bban(cc))
    while True:
        kind = pick(["chk", "digit"])
        if kind == "chk":
            bad = good[:2] + f"{R.randint(2, 98):02d}" + good[4:]
        else:
            i = R.randint(6, len(good) - 1)
            if not good[i].isdigit():
                continue
            bad = good[:i] + str((int(good[i]) + R.randint(1, 9)) % 10) + good[i + 1:]
        if not iban_ok(bad):
            return group4(bad) if grouped else bad


def bic(cc=None):
    cc = cc or pick(["DE", "FR", "NL", "ES", "IT", "GB"])
    return up(4) + cc + pick(["FF", "MM", "2X", "PP", "22"]) + pick(["", "XXX", up(3)])


def aba():
    while True:
        p = f"{R.choice([R.randint(1, 12), R.randint(21, 32)]):02d}" + d(6)
        for c in DIG:
            x = p + c
            if sum(int(a) * w for a, w in zip(x, [3, 7, 1] * 3)) % 10 == 0:
                return x


def aba_ok(x):
    return len(x) == 9 and x.isdigit() and sum(int(a) * w for a, w in zip(x, [3, 7, 1] * 3)) % 10 == 0


def bank_acct(lo=8, hi=17):
    while True:
        n = R.randint(lo, hi)
        x = dnz(n)
        if 13 <= n <= 19 and luhn_ok(x):
            continue
        if n == 10 and nhs_ok(x):
            continue
        if n == 9:
            continue
        return x


# --- US ids ---------------------------------------------------------------------------------------
def us_passport():
    if chance(0.5):
        return dnz(9)
    return pick("ACEFGHJKLMNPRSTUWXYZ") + d(8)


DL_FORMATS = {
    "CA": lambda: up(1) + d(7),
    "NY": lambda: pick([f"{d(3)} {d(3)} {d(3)}", dnz(9)]),
    "FL": lambda: f"{up(1)}{d(3)}-{d(3)}-{d(2)}-{d(3)}-{d(1)}",
    "WI": lambda: f"{up(1)}{d(3)}-{d(4)}-{d(4)}-{d(2)}",
    "IL": lambda: f"{up(1)}{d(3)}-{d(4)}-{d(4)}",
    "TX": lambda: dnz(8),
    "WA": lambda: "WDL" + alnum(9, UP + DIG),
    "NJ": lambda: f"{up(1)}{d(4)} {d(5)} {d(5)}",
    "OH": lambda: up(2) + d(6),
    "AZ": lambda: up(1) + d(8),
}


def dl(state=None):
    state = state or pick(list(DL_FORMATS))
    return state, DL_FORMATS[state]()


def mrn():
    return pick([lambda: "00" + d(6), lambda: dnz(8), lambda: dnz(7), lambda: f"{d(7)}-{d(1)}",
                 lambda: "MR" + d(7), lambda: "E" + d(8), lambda: f"{d(3)}-{d(3)}-{d(3)}"])()


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"  # A-Z without S L O I B Z
MBI_RE = re.compile(r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d"
                    r"[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y]\d\d")


def mbi(dashed=None):
    a, an = MBI_ALPHA, MBI_ALPHA + DIG
    s = (R.choice("123456789") + R.choice(a) + R.choice(an) + R.choice(DIG) + R.choice(a) + R.choice(an)
         + R.choice(DIG) + R.choice(a) + R.choice(a) + R.choice(DIG) + R.choice(DIG))
    assert MBI_RE.fullmatch(s)
    dashed = chance(0.5) if dashed is None else dashed
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashed else s


def member_id():
    return pick([lambda: up(3) + d(9), lambda: "W" + d(9), lambda: dnz(9) + "-0" + pick("12"),
                 lambda: "U" + d(8) + pick(["01", "02"]), lambda: up(3) + "W" + d(8)])()


# --- network --------------------------------------------------------------------------------------
def ipv4(private=None):
    private = chance(0.45) if private is None else private
    if private:
        k = pick(["10", "192", "172"])
        if k == "10":
            return f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(2, 254)}"
        if k == "192":
            return f"192.168.{R.randint(0, 20)}.{R.randint(2, 254)}"
        return f"172.{R.randint(16, 31)}.{R.randint(0, 255)}.{R.randint(2, 254)}"
    while True:
        a = R.randint(23, 223)
        if a not in (100, 127, 169, 172, 192, 198, 203):
            return f"{a}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"


def ipv6():
    style = pick(["full", "compressed", "doc", "ula"])
    if style == "full":
        return ":".join(["2001", f"{R.randint(0x4000, 0x4fff):x}"] + [f"{R.randint(0, 0xffff):x}" for _ in range(6)])
    if style == "compressed":
        return f"2a02:{R.randint(0x1000, 0xffff):x}:{R.randint(1, 0xffff):x}::{R.randint(1, 0xffff):x}"
    if style == "doc":
        return f"2001:db8:{R.randint(1, 0xffff):x}::{R.randint(1, 0xfff):x}"
    return f"fd{R.randint(0, 255):02x}:{R.randint(1, 0xffff):x}:{R.randint(1, 0xffff):x}::{R.randint(2, 0xffff):x}"


def mac(style=None):
    b = [R.randint(0, 255) for _ in range(6)]
    b[0] &= 0xFC
    style = style or pick(["colon", "colonU", "dash", "cisco"])
    if style == "colon":
        return ":".join(f"{x:02x}" for x in b)
    if style == "colonU":
        return ":".join(f"{x:02X}" for x in b)
    if style == "dash":
        return "-".join(f"{x:02X}" for x in b)
    h = "".join(f"{x:02x}" for x in b)
    return f"{h[:4]}.{h[4:8]}.{h[8:]}"


def port():
    return str(R.randint(1025, 65000))


# --- crypto ---------------------------------------------------------------------------------------
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(raw: bytes) -> str:
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


def b58check_ok(s: str) -> bool:
    if not s or any(c not in B58 for c in s):
        return False
    n = 0
    for ch in s:
        n = n * 58 + B58.index(ch)
    pad = len(s) - len(s.lstrip("1"))
    raw = b"\0" * pad + (n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b"")
    if len(raw) != 25:
        return False
    body, chk = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] == chk and body[0] in (0, 5)


def btc_base58(version=None):
    version = pick([0, 0, 5]) if version is None else version
    body = bytes([version]) + bytes(R.getrandbits(8) for _ in range(20))
    s = b58encode(body + hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4])
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
    if s != s.lower() or "1" not in s:
        return False
    hrp, data = s[:s.rfind("1")], s[s.rfind("1") + 1:]
    if hrp != "bc" or len(data) < 7 or any(c not in BECH for c in data):
        return False
    vals = [BECH.index(c) for c in data]
    # witness v0 only (bech32, constant 1); program 20 or 32 bytes
    if vals[0] != 0 or _polymod(_hrp_expand(hrp) + vals) != 1:
        return False
    nbits = (len(vals) - 7) * 5
    return nbits // 8 in (20, 32)


def btc_bech32(nbytes=None):
    nbytes = nbytes or pick([20, 20, 20, 32])
    prog = bytes(R.getrandbits(8) for _ in range(nbytes))
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
    s = "bc1" + "".join(BECH[x] for x in data + [(pm >> 5 * (5 - i)) & 31 for i in range(6)])
    assert bech32_ok(s), s
    return s


def btc():
    return btc_bech32() if chance(0.45) else btc_base58()


def bad_btc():
    if chance(0.5):
        s = btc_base58(0)
        alphabet = B58
    else:
        s = btc_bech32(20)
        alphabet = BECH
    while True:
        i = R.randint(5, len(s) - 2)
        t = s[:i] + pick([c for c in alphabet if c != s[i]]) + s[i + 1:]
        if not b58check_ok(t) and not bech32_ok(t):
            return t


# Keccak-256 (the pre-standard padding Ethereum uses), for EIP-55 checksums
def _keccak_f(st):
    rot = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]]
    M = (1 << 64) - 1

    def rol(x, n):
        n %= 64
        return ((x << n) | (x >> (64 - n))) & M if n else x
    lfsr = 1
    for _ in range(24):
        C = [st[x][0] ^ st[x][1] ^ st[x][2] ^ st[x][3] ^ st[x][4] for x in range(5)]
        D = [C[(x - 1) % 5] ^ rol(C[(x + 1) % 5], 1) for x in range(5)]
        st = [[st[x][y] ^ D[x] for y in range(5)] for x in range(5)]
        Bm = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                Bm[y][(2 * x + 3 * y) % 5] = rol(st[x][y], rot[x][y])
        st = [[Bm[x][y] ^ ((~Bm[(x + 1) % 5][y]) & Bm[(x + 2) % 5][y]) for y in range(5)] for x in range(5)]
        for j in range(7):
            lfsr = ((lfsr << 1) ^ ((lfsr >> 7) * 0x71)) % 256
            if lfsr & 2:
                st[0][0] ^= 1 << ((1 << j) - 1)
    return st


def keccak256(data: bytes) -> bytes:
    rate = 136
    msg = bytearray(data) + b"\x01"
    while len(msg) % rate:
        msg += b"\x00"
    msg[-1] |= 0x80
    st = [[0] * 5 for _ in range(5)]
    for off in range(0, len(msg), rate):
        blk = msg[off:off + rate]
        for i in range(rate // 8):
            x, y = i % 5, i // 5
            st[x][y] ^= int.from_bytes(blk[8 * i:8 * i + 8], "little")
        st = _keccak_f(st)
    out = b""
    for i in range(4):
        out += st[i % 5][i // 5].to_bytes(8, "little")
    return out


def eip55(addr_hex40: str) -> str:
    a = addr_hex40.lower()
    h = keccak256(a.encode()).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(h[i], 16) >= 8 else c for i, c in enumerate(a))


def eth_ok(s: str) -> bool:
    if not re.fullmatch(r"0x[0-9a-fA-F]{40}", s):
        return False
    body = s[2:]
    return body == body.lower() or s == eip55(body)


def eth(checksummed=None):
    raw = hexs(40)
    checksummed = chance(0.6) if checksummed is None else checksummed
    s = eip55(raw) if checksummed else "0x" + raw
    assert eth_ok(s)
    return s


def eth_tx():
    return "0x" + hexs(64)


def git_sha(n=40):
    return hexs(n)


def sha256hex():
    return hexs(64)


def a_uuid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


# --- secrets --------------------------------------------------------------------------------------
def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt(claims=None):
    h = b64url(json.dumps({"alg": pick(["HS256", "RS256"]), "typ": "JWT"}, separators=(",", ":")).encode())
    c = claims or {"sub": d(8), "iat": 1700000000 + R.randint(0, 10 ** 7), "scope": pick(["read", "admin", "user"])}
    p = b64url(json.dumps(c, separators=(",", ":")).encode())
    s = b64url(bytes(R.getrandbits(8) for _ in range(32)))
    return f"{h}.{p}.{s}"


def secret_token(kind=None):
    kind = kind or pick(["aws", "ghp", "ghpat", "stripe", "slack", "google", "openai", "openai_legacy", "anthropic"])
    if kind == "aws":
        return "AKIA" + alnum(16, UP + "234567")
    if kind == "awssecret":
        return alnum(40, AN + "/+")
    if kind == "ghp":
        return "ghp_" + alnum(36)
    if kind == "ghpat":
        return "github_pat_" + alnum(22) + "_" + alnum(59)
    if kind == "stripe":
        return "sk_live_" + alnum(pick([24, 34, 99]))
    if kind == "slack":
        return f"xoxb-{dnz(12)}-{dnz(13)}-{alnum(24)}"
    if kind == "slack_user":
        return f"xoxp-{dnz(12)}-{dnz(12)}-{dnz(13)}-{hexs(32)}"
    if kind == "google":
        return "AIza" + alnum(35, AN + "-_")
    if kind == "openai":
        return "sk-proj-" + alnum(R.randint(48, 80), AN + "-_")
    if kind == "openai_legacy":
        return "sk-" + alnum(48)
    if kind == "anthropic":
        return "sk-ant-api03-" + alnum(80, AN + "-_") + "AA"
    raise KeyError(kind)


SECRET_RES = {
    "aws": r"AKIA[A-Z2-7]{16}",
    "awssecret": r"[A-Za-z0-9/+]{40}",
    "ghp": r"ghp_[A-Za-z0-9]{36}",
    "ghpat": r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}",
    "stripe": r"sk_live_[A-Za-z0-9]{24,99}",
    "slack": r"xoxb-\d{10,13}-\d{10,13}-[A-Za-z0-9]{24}",
    "slack_user": r"xoxp-\d{10,13}-\d{10,13}-\d{10,13}-[0-9a-f]{32}",
    "google": r"AIza[A-Za-z0-9_\-]{35}",
    "openai": r"sk-proj-[A-Za-z0-9_\-]{40,}",
    "openai_legacy": r"sk-[A-Za-z0-9]{48}",
    "anthropic": r"sk-ant-api03-[A-Za-z0-9_\-]{80,}",
}

PEM_KINDS = {
    "RSA PRIVATE KEY": "MIIEowIBAAKCAQEA",
    "PRIVATE KEY": "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ",
    "EC PRIVATE KEY": "MHcCAQEEI",
    "OPENSSH PRIVATE KEY": "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
}


def pem(kind=None, lines=None):
    kind = kind or pick(list(PEM_KINDS))
    lines = lines or R.randint(4, 9)
    body = PEM_KINDS[kind] + base64.b64encode(bytes(R.getrandbits(8) for _ in range(48 * lines))).decode()
    body = body[:64 * lines - R.randint(8, 40)]
    rows = [body[i:i + 64] for i in range(0, len(body), 64)]
    return f"-----BEGIN {kind}-----\n" + "\n".join(rows) + f"\n-----END {kind}-----"


def pem_ok(s):
    m = re.fullmatch(r"-----BEGIN ([A-Z ]*PRIVATE KEY)-----\n((?:[A-Za-z0-9+/=]{1,64}\n)+)-----END \1-----", s)
    return bool(m)


PW_WORDS = ["Harbor", "Maple", "Quartz", "Falcon", "Juniper", "Copper", "Lantern", "Orchid", "Basalt", "Nimbus",
            "Tundra", "Saffron", "Vortex", "Cobalt", "Meadow", "Pylon"]


def password(url_safe=False):
    w = pick(PW_WORDS)
    if url_safe:
        return w + d(R.randint(2, 4)) + alnum(R.randint(4, 8)) + pick(["x", "Q", "7", "Rt", "zz"])
    return (w + pick(["!", "#", "$", "%", "@", "_", "&", "*"]) + d(R.randint(2, 4)) + alnum(R.randint(2, 5))
            + pick(["x", "Q", "9", "Rt", "v"]))


def rand_pw():
    return alnum(R.randint(16, 24))


def conn_string(kind=None, host=None):
    kind = kind or pick(["postgres", "postgresql", "mysql", "mongodb+srv", "redis", "amqp"])
    user = pick(["app", "svc_billing", "etl", "admin", "api_rw", "reporting", "orders"])
    pw = password(url_safe=True)
    if kind in ("postgres", "postgresql"):
        host = host or pick(["db.internal", "pg-prod.cx81.eu-west-1.rds.amazonaws.com", ipv4(True)])
        return f"{kind}://{user}:{pw}@{host}:5432/{pick(['app', 'billing', 'crm', 'orders'])}" + pick(["", "?sslmode=require"])
    if kind == "mysql":
        host = host or pick(["mysql-primary", ipv4(True)])
        return f"mysql://{user}:{pw}@{host}:3306/{pick(['shop', 'wp', 'crm'])}"
    if kind == "mongodb+srv":
        return f"mongodb+srv://{user}:{pw}@cluster0.{alnum(5, LOW + DIG)}.mongodb.net/{pick(['prod', 'app'])}?retryWrites=true&w=majority"
    if kind == "redis":
        return f"redis://:{pw}@{host or pick(['cache.internal', ipv4(True)])}:6379/0"
    return f"amqp://{user}:{pw}@{host or 'rabbitmq'}:5672/%2F"


def sql_server_conn():
    return (f"Server=tcp:{ipv4(True)},1433;Database={pick(['crm', 'ledger', 'hr'])};User Id={pick(['sa', 'app_user'])};"
            f"Password={password(url_safe=True)};Encrypt=True")


def bcrypt_hash():
    return "$2b$12$" + alnum(53, AN + "./")


# --- people / contact -----------------------------------------------------------------------------
FIRST = ["Maria", "James", "Aisha", "Tomas", "Priya", "Daniel", "Chloe", "Marcus", "Keisha", "Wei", "Olivia",
         "Rahul", "Sofia", "Jamal", "Hannah", "Diego", "Grace", "Ethan", "Nadia", "Brandon", "Fatima", "Logan",
         "Renee", "Kofi", "Megan", "Luis", "Zoe", "Andre", "Yuki", "Connor", "Ingrid", "Malik"]
LAST = ["Okafor", "Hernandez", "Nguyen", "Kowalski", "Patel", "OBrien", "Schultz", "Delgado", "Washington",
        "Kim", "Fitzgerald", "Moreau", "Castillo", "Brennan", "Haddad", "Lindqvist", "Yamamoto", "Abernathy",
        "Reyes", "Thornton", "Mbeki", "Sullivan", "Ivanova", "Park", "Gallagher", "Dubois", "Novak", "Achebe"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me", "hotmail.com", "aol.com",
           "comcast.net", "fastmail.com"]
CORP = ["northwind-traders.com", "lakeshorehealth.org", "pinecrestbank.com", "brightpath.edu", "cobaltsoft.dev",
        "acme-logistics.io", "harborclaims.com", "quillpay.io", "tidewater-labs.com", "orbitcrm.net"]
EX_DOMAINS = ["example.com", "example.org", "example.net", "test.example.com"]


def person():
    return pick(FIRST), pick(LAST)


def local_part(first, last):
    f, l = first.lower(), last.lower()
    return pick([f"{f}.{l}", f"{f[0]}{l}", f"{f}{l[0]}{R.randint(1, 99)}", f"{l}.{f}", f"{f}_{l}",
                 f"{f}.{l}{R.randint(70, 99)}", f"{f}+{pick(['shop', 'work', 'news'])}"])


def email(first=None, last=None, domain=None):
    first = first or pick(FIRST)
    last = last or pick(LAST)
    return f"{local_part(first, last)}@{domain or pick(DOMAINS)}"


def corp_email(role=None, domain=None):
    return f"{role or pick(['support', 'billing', 'ops', 'security', 'hr', 'noreply', 'devops', 'admin'])}@{domain or pick(CORP)}"


def obf_email(first=None, last=None, domain=None):
    first = first or pick(FIRST)
    last = last or pick(LAST)
    local = f"{first.lower()}.{last.lower()}"
    domain = domain or pick(DOMAINS)
    style = pick(["dot", "bracket", "paren", "entity", "pct", "u0040"])
    if style == "dot":
        return f"{local.replace('.', ' dot ')} at {domain.replace('.', ' dot ')}"
    if style == "bracket":
        return f"{local}[at]{domain.replace('.', '[dot]')}"
    if style == "paren":
        return f"{local} (at) {domain}"
    if style == "entity":
        return f"{local}&#64;{domain}"
    if style == "pct":
        return f"{local}%40{domain}"
    return f"{local}\\u0040{domain}"


def nanp():
    while True:
        a = f"{R.randint(2, 9)}{R.randint(0, 8)}{R.randint(0, 9)}"
        e = f"{R.randint(2, 9)}{R.randint(0, 9)}{R.randint(0, 9)}"
        if e[1:] != "11" and a[1:] != "11" and e != "555" and a != "555":
            return a, e, d(4)


def us_phone(ext=None, style=None):
    a, e, n = nanp()
    forms = [f"({a}) {e}-{n}", f"{a}-{e}-{n}", f"{a}.{e}.{n}", f"+1 {a} {e} {n}", f"+1-{a}-{e}-{n}",
             f"1 ({a}) {e}-{n}", f"{a} {e} {n}", f"+1 ({a}) {e}-{n}", f"{a}{e}{n}"]
    s = forms[style] if style is not None else pick(forms)
    ext = chance(0.2) if ext is None else ext
    if ext:
        s += pick([f" ext. {d(R.randint(2, 4))}", f" x{d(R.randint(3, 5))}", f" ext {d(3)}"])
    return s


def _mk(*fs):
    return list(fs)


PHONES = {
    "GB": {"mi": _mk(lambda: f"+44 7{d(3)} {d(6)}", lambda: f"+44 (0)7{d(3)} {d(6)}"),
           "mn": _mk(lambda: f"07{d(3)} {d(6)}", lambda: f"07{d(3)} {d(3)} {d(3)}"),
           "li": _mk(lambda: f"+44 20 7{d(3)} {d(4)}", lambda: f"+44 (0)161 {dnz(3)} {d(4)}"),
           "ln": _mk(lambda: f"020 7{d(3)} {d(4)}", lambda: f"0161 {dnz(3)} {d(4)}")},
    "ES": {"mi": _mk(lambda: f"+34 6{d(2)} {d(3)} {d(3)}", lambda: f"+34 6{d(2)} {d(2)} {d(2)} {d(2)}",
                     lambda: f"+34 7{pick('1234')}{d(1)} {d(3)} {d(3)}"),
           "mn": _mk(lambda: f"6{d(2)} {d(3)} {d(3)}", lambda: f"6{d(2)} {d(2)} {d(2)} {d(2)}", lambda: f"6{d(8)}"),
           "li": _mk(lambda: f"+34 91 {dnz(3)} {d(2)} {d(2)}", lambda: f"+34 93 {dnz(3)} {d(2)} {d(2)}"),
           "ln": _mk(lambda: f"91 {dnz(3)} {d(2)} {d(2)}", lambda: f"93 {dnz(3)} {d(2)} {d(2)}")},
    "DE": {"mi": _mk(lambda: f"+49 15{pick('1279')} {d(8)}", lambda: f"+49 176 {d(4)} {d(4)}", lambda: f"+49 (0)170 {d(7)}"),
           "mn": _mk(lambda: f"015{pick('1279')} {d(8)}", lambda: f"0176-{d(8)}", lambda: f"0170 {d(7)}"),
           "li": _mk(lambda: f"+49 30 {dnz(8)}", lambda: f"+49 (0)89 {dnz(3)} {d(4)}"),
           "ln": _mk(lambda: f"030 {dnz(4)} {d(4)}", lambda: f"089/{dnz(7)}", lambda: f"(040) {dnz(3)} {d(3)} {d(2)}")},
    "FR": {"mi": _mk(lambda: f"+33 {pick('67')} {d(2)} {d(2)} {d(2)} {d(2)}", lambda: f"+33 (0){pick('67')} {d(2)} {d(2)} {d(2)} {d(2)}"),
           "mn": _mk(lambda: f"0{pick('67')} {d(2)} {d(2)} {d(2)} {d(2)}", lambda: f"0{pick('67')}.{d(2)}.{d(2)}.{d(2)}.{d(2)}"),
           "li": _mk(lambda: f"+33 {pick('1245')} {d(2)} {d(2)} {d(2)} {d(2)}"),
           "ln": _mk(lambda: f"0{pick('1245')} {d(2)} {d(2)} {d(2)} {d(2)}")},
    "PT": {"mi": _mk(lambda: f"+351 9{pick('1236')}{d(1)} {d(3)} {d(3)}"),
           "mn": _mk(lambda: f"9{pick('1236')}{d(1)} {d(3)} {d(3)}"),
           "li": _mk(lambda: f"+351 21 {dnz(3)} {d(4)}"),
           "ln": _mk(lambda: f"21 {dnz(3)} {d(4)}", lambda: f"22 {dnz(3)} {d(4)}")},
    "BR": {"mi": _mk(lambda: f"+55 11 9{d(4)}-{d(4)}", lambda: f"+55 (21) 9{d(4)}-{d(4)}"),
           "mn": _mk(lambda: f"(11) 9{d(4)}-{d(4)}", lambda: f"11 9{d(4)}-{d(4)}", lambda: f"(31) 9{d(4)}-{d(4)}"),
           "li": _mk(lambda: f"+55 11 3{d(3)}-{d(4)}"),
           "ln": _mk(lambda: f"(21) 2{d(3)}-{d(4)}", lambda: f"(11) 3{d(3)}-{d(4)}")},
    "IT": {"mi": _mk(lambda: f"+39 3{pick('234579')}{d(1)} {d(3)} {d(4)}"),
           "mn": _mk(lambda: f"3{pick('234579')}{d(1)} {d(3)} {d(4)}", lambda: f"3{pick('234579')}{d(1)} {d(7)}"),
           "li": _mk(lambda: f"+39 06 {dnz(4)} {d(4)}", lambda: f"+39 02 {dnz(7)}"),
           "ln": _mk(lambda: f"06 {dnz(4)} {d(4)}", lambda: f"02 {dnz(7)}")},
    "NL": {"mi": _mk(lambda: f"+31 6 {d(8)}", lambda: f"+31 6-{d(8)}"),
           "mn": _mk(lambda: f"06-{d(8)}", lambda: f"06 {d(2)} {d(2)} {d(2)} {d(2)}", lambda: f"06{d(8)}"),
           "li": _mk(lambda: f"+31 (0)20 {dnz(3)} {d(4)}", lambda: f"+31 10 {dnz(3)} {d(4)}"),
           "ln": _mk(lambda: f"020-{dnz(7)}", lambda: f"010 {dnz(3)} {d(4)}")},
    "PL": {"mi": _mk(lambda: f"+48 {pick('5678')}{d(2)} {d(3)} {d(3)}"),
           "mn": _mk(lambda: f"{pick('5678')}{d(2)} {d(3)} {d(3)}", lambda: f"{pick('5678')}{d(2)}-{d(3)}-{d(3)}"),
           "li": _mk(lambda: f"+48 22 {dnz(3)} {d(2)} {d(2)}"),
           "ln": _mk(lambda: f"22 {dnz(3)} {d(2)} {d(2)}", lambda: f"(12) {dnz(3)} {d(2)} {d(2)}")},
    "IN": {"mi": _mk(lambda: f"+91 {pick('6789')}{d(4)} {d(5)}", lambda: f"+91-{pick('6789')}{d(9)}"),
           "mn": _mk(lambda: f"{pick('6789')}{d(4)} {d(5)}", lambda: f"0{pick('6789')}{d(4)} {d(5)}", lambda: f"{pick('6789')}{d(9)}"),
           "li": _mk(lambda: f"+91-22-{dnz(4)}-{d(4)}", lambda: f"+91 11 {dnz(4)} {d(4)}"),
           "ln": _mk(lambda: f"022-{dnz(4)} {d(4)}", lambda: f"011 {dnz(4)} {d(4)}")},
    "JP": {"mi": _mk(lambda: f"+81 90-{d(4)}-{d(4)}", lambda: f"+81 80-{d(4)}-{d(4)}"),
           "mn": _mk(lambda: f"090-{d(4)}-{d(4)}", lambda: f"080-{d(4)}-{d(4)}", lambda: f"070-{d(4)}-{d(4)}"),
           "li": _mk(lambda: f"+81 3 {dnz(4)} {d(4)}", lambda: f"+81 6-{dnz(4)}-{d(4)}"),
           "ln": _mk(lambda: f"03-{dnz(4)}-{d(4)}", lambda: f"06-{dnz(4)}-{d(4)}")},
    "KR": {"mi": _mk(lambda: f"+82 10-{d(4)}-{d(4)}", lambda: f"+82 10 {d(4)} {d(4)}"),
           "mn": _mk(lambda: f"010-{d(4)}-{d(4)}", lambda: f"010 {d(4)} {d(4)}"),
           "li": _mk(lambda: f"+82 2-{dnz(3)}-{d(4)}"),
           "ln": _mk(lambda: f"02-{dnz(3)}-{d(4)}", lambda: f"031-{dnz(3)}-{d(4)}")},
    "SA": {"mi": _mk(lambda: f"+966 5{pick('0345')} {d(3)} {d(4)}"),
           "mn": _mk(lambda: f"05{pick('0345')} {d(3)} {d(4)}"),
           "li": _mk(lambda: f"+966 11 {dnz(3)} {d(4)}"),
           "ln": _mk(lambda: f"011 {dnz(3)} {d(4)}")},
    "AE": {"mi": _mk(lambda: f"+971 5{pick('0256')} {d(3)} {d(4)}"),
           "mn": _mk(lambda: f"05{pick('0256')} {d(3)} {d(4)}"),
           "li": _mk(lambda: f"+971 4 {dnz(3)} {d(4)}"),
           "ln": _mk(lambda: f"04 {dnz(3)} {d(4)}")},
    "EG": {"mi": _mk(lambda: f"+20 1{pick('0125')} {d(4)} {d(4)}"),
           "mn": _mk(lambda: f"01{pick('0125')} {d(4)} {d(4)}"),
           "li": _mk(lambda: f"+20 2 {dnz(4)} {d(4)}"),
           "ln": _mk(lambda: f"02 {dnz(4)} {d(4)}")},
    "IL": {"mi": _mk(lambda: f"+972 5{pick('02348')}-{dnz(3)}-{d(4)}", lambda: f"+972 5{pick('02348')} {dnz(3)} {d(4)}"),
           "mn": _mk(lambda: f"05{pick('02348')}-{dnz(3)}-{d(4)}", lambda: f"05{pick('02348')}{dnz(7)}"),
           "li": _mk(lambda: f"+972-3-{dnz(3)}-{d(4)}"),
           "ln": _mk(lambda: f"03-{dnz(3)}-{d(4)}", lambda: f"02-{dnz(3)}-{d(4)}")},
    "TR": {"mi": _mk(lambda: f"+90 5{pick('345')}{d(1)} {d(3)} {d(2)} {d(2)}"),
           "mn": _mk(lambda: f"05{pick('345')}{d(1)} {d(3)} {d(2)} {d(2)}"),
           "li": _mk(lambda: f"+90 212 {dnz(3)} {d(2)} {d(2)}"),
           "ln": _mk(lambda: f"(0212) {dnz(3)} {d(2)} {d(2)}", lambda: f"0312 {dnz(3)} {d(2)} {d(2)}")},
    "VN": {"mi": _mk(lambda: f"+84 9{d(2)} {d(3)} {d(3)}", lambda: f"+84 3{d(2)} {d(3)} {d(3)}"),
           "mn": _mk(lambda: f"09{d(2)} {d(3)} {d(3)}", lambda: f"09{d(2)}.{d(3)}.{d(3)}", lambda: f"03{d(2)} {d(3)} {d(3)}"),
           "li": _mk(lambda: f"+84 28 {dnz(4)} {d(4)}"),
           "ln": _mk(lambda: f"028 {dnz(4)} {d(4)}", lambda: f"024 {dnz(4)} {d(4)}")},
    "AU": {"mi": _mk(lambda: f"+61 4{d(2)} {d(3)} {d(3)}"), "mn": _mk(lambda: f"04{d(2)} {d(3)} {d(3)}"),
           "li": _mk(lambda: f"+61 2 {dnz(4)} {d(4)}"), "ln": _mk(lambda: f"(02) {dnz(4)} {d(4)}")},
    "IE": {"mi": _mk(lambda: f"+353 8{pick('3579')} {d(3)} {d(4)}"), "mn": _mk(lambda: f"08{pick('3579')} {d(3)} {d(4)}"),
           "li": _mk(lambda: f"+353 1 {dnz(3)} {d(4)}"), "ln": _mk(lambda: f"(01) {dnz(3)} {d(4)}")},
}


def phone(cc, intl=None, mobile=None):
    """National phone formats; intl=True forces +CC, False forces the national form, None = either;
    mobile=True forces a mobile number, False a landline, None = mostly mobile."""
    if cc == "US":
        return us_phone(ext=False)
    intl = chance(0.5) if intl is None else intl
    mobile = chance(0.75) if mobile is None else mobile
    return pick(PHONES[cc][("m" if mobile else "l") + ("i" if intl else "n")])()


def url(kind=None, host=None):
    host = host or pick(CORP)
    path = pick(["/account/settings", "/help/articles/4412-reset-password", "/invoices/2025/03", "/careers/apply",
                 "/docs/api/v2/auth", "/support/ticket/new", "/status", "/portal/login?next=%2Fbilling",
                 "/u/profile/edit", "/blog/2024/migrating-to-postgres-16/", "/download/setup.exe"])
    kind = kind or pick(["https", "https", "https", "www", "http", "hostpath"])
    if kind == "https":
        return f"https://{pick(['', 'app.', 'portal.', 'docs.', 'my.'])}{host}{path}"
    if kind == "http":
        return f"http://{host}{path}"
    if kind == "www":
        return f"www.{host}{pick(['', path])}"
    return f"{host}{path}"


def url_ok(s):
    return bool(re.fullmatch(r"(?:(?:https?|ftp)://|www\.)[^\s<>\"]+|[a-z0-9.-]+\.[a-z]{2,}/[^\s<>\"]*", s))


# --- dates ----------------------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON = {
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"],
    "tr": ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım",
           "Aralık"],
    "hi": ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर",
           "दिसंबर"],
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
           "ديسمبر"],
    "he": ["ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר",
           "דצמבר"],
}


def rdate(y0, y1):
    start, end = date(y0, 1, 1), date(y1, 12, 31)
    return start + timedelta(days=R.randint(0, (end - start).days))


def birth():
    return rdate(1945, 2004)


def soon():
    return rdate(2025, 2026)


def fmt_en(x: date, style=None):
    style = style or pick(["us", "us1", "iso", "long", "short", "dmy", "uk"])
    if style == "us":
        return f"{x.month:02d}/{x.day:02d}/{x.year}"
    if style == "us1":
        return f"{x.month}/{x.day}/{x.year}"
    if style == "us2":
        return f"{x.month}/{x.day}/{x.year % 100:02d}"
    if style == "iso":
        return x.isoformat()
    if style == "long":
        return f"{MONTHS[x.month - 1]} {x.day}, {x.year}"
    if style == "short":
        return f"{MONTHS[x.month - 1][:3]} {x.day}, {x.year}"
    if style == "uk":
        return f"{x.day:02d}/{x.month:02d}/{x.year}"
    if style == "md":
        return f"{MONTHS[x.month - 1]} {x.day}"
    if style == "md_num":
        return f"{x.month}/{x.day}"
    return f"{x.day} {MONTHS[x.month - 1]} {x.year}"


def fmt_loc(x: date, lang, style=None):
    num = pick(["num", "num", "word"]) if style is None else style
    D, M, Y = x.day, x.month, x.year
    if lang in ("es", "pt"):
        return f"{D:02d}/{M:02d}/{Y}" if num == "num" else f"{D} de {MON[lang][M - 1]} de {Y}"
    if lang == "de":
        return f"{D:02d}.{M:02d}.{Y}" if num == "num" else f"{D}. {MON['de'][M - 1]} {Y}"
    if lang == "fr":
        return f"{D:02d}/{M:02d}/{Y}" if num == "num" else f"{D} {MON['fr'][M - 1]} {Y}"
    if lang == "it":
        return f"{D:02d}/{M:02d}/{Y}" if num == "num" else f"{D} {MON['it'][M - 1]} {Y}"
    if lang == "nl":
        return f"{D:02d}-{M:02d}-{Y}" if num == "num" else f"{D} {MON['nl'][M - 1]} {Y}"
    if lang == "pl":
        return f"{D:02d}.{M:02d}.{Y}" if num == "num" else f"{D} {MON['pl'][M - 1]} {Y}"
    if lang == "tr":
        return f"{D:02d}.{M:02d}.{Y}" if num == "num" else f"{D} {MON['tr'][M - 1]} {Y}"
    if lang == "hi":
        return f"{D:02d}/{M:02d}/{Y}" if num == "num" else f"{D} {MON['hi'][M - 1]} {Y}"
    if lang == "hi_lat":
        return f"{D:02d}/{M:02d}/{Y}" if num == "num" else f"{D} {MONTHS[M - 1]} {Y}"
    if lang == "ar":
        return f"{D:02d}/{M:02d}/{Y}" if num == "num" else f"{D} {MON['ar'][M - 1]} {Y}"
    if lang == "he":
        return f"{D}.{M}.{Y}" if num == "num" else f"{D} ב{MON['he'][M - 1]} {Y}"
    if lang == "ja":
        return f"{Y}/{M:02d}/{D:02d}" if num == "num" else f"{Y}年{M}月{D}日"
    if lang == "ko":
        return f"{Y}.{M:02d}.{D:02d}" if num == "num" else f"{Y}년 {M}월 {D}일"
    if lang == "vi":
        return f"{D:02d}/{M:02d}/{Y}" if num == "num" else f"{D}/{M}/{Y}"
    raise KeyError(lang)


def htime(h24=None, lang="en"):
    h = R.randint(8, 18)
    m = pick([0, 15, 30, 45, 10, 40])
    if lang == "fr":
        return f"{h}h{m:02d}"
    if lang == "ja" and chance(0.5):
        return f"{h}時{m:02d}分" if m else f"{h}時"
    if h24 or (h24 is None and (lang != "en" or chance(0.4))):
        return f"{h:02d}:{m:02d}"
    return f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}" if chance(0.6) else \
        f"{(h - 1) % 12 + 1}:{m:02d}{'am' if h < 12 else 'pm'}"


# --- hard-negative values (always unlabelled) -----------------------------------------------------
class _Clock:
    """Per-row clock so that log lines in one prompt are in order; reset before every template call."""

    def reset(self):
        x = rdate(2024, 2025)
        self.t = datetime(x.year, x.month, x.day, R.randint(0, 23), R.randint(0, 59), R.randint(0, 59),
                          R.randint(0, 999999))
        self.e = self.t
        self.header_dates = 0


CLOCK = _Clock()
CLOCK.reset()
WD = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
WDL = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def fmt_ts(t: datetime, style):
    mon = MONTHS[t.month - 1][:3]
    hms = f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}"
    h12 = f"{(t.hour - 1) % 12 + 1}:{t.minute:02d}"
    ap = "AM" if t.hour < 12 else "PM"
    return {
        "iso": f"{t.date().isoformat()}T{hms}Z",
        "isoms": f"{t.date().isoformat()}T{hms}.{t.microsecond // 1000:03d}Z",
        "gh": f"{t.date().isoformat()}T{hms}.{t.microsecond:06d}{t.microsecond % 10}Z",
        "space": f"{t.date().isoformat()} {hms},{t.microsecond // 1000:03d}",
        "sql": f"{t.date().isoformat()} {hms}",
        "syslog": f"{mon} {t.day:2d} {hms}",
        "clf": f"{t.day:02d}/{mon}/{t.year}:{hms} +0000",
        "go": f"{t.year}/{t.month:02d}/{t.day:02d} {hms}",
        "rfc1123": f"{WD[t.weekday()]}, {t.day:02d} {mon} {t.year} {hms} +0000",
        "rfc2822": f"{WD[t.weekday()]}, {t.day} {mon} {t.year} {hms} +0{R.randint(0, 2)}00",
        "git": f"{WD[t.weekday()]} {mon} {t.day} {hms} {t.year} +0{R.randint(0, 2)}00",
        "outlook": f"{WDL[t.weekday()]}, {MONTHS[t.month - 1]} {t.day}, {t.year} {h12} {ap}",
        "win": f"{t.month}/{t.day}/{t.year} {(t.hour - 1) % 12 + 1}:{t.minute:02d}:{t.second:02d} {ap}",
        "rails": f"{t.date().isoformat()} {hms} +0000",
        "hm": f"{t.hour:02d}:{t.minute:02d}",
        "hms": hms,
        "hl7": f"{t.year}{t.month:02d}{t.day:02d}{t.hour:02d}{t.minute:02d}{t.second:02d}",
    }[style]


def log_ts(style=None, step=(1, 120)):
    CLOCK.t += timedelta(seconds=R.randint(*step), microseconds=R.randint(0, 999999))
    return fmt_ts(CLOCK.t, style or pick(["iso", "isoms", "space", "syslog", "clf"]))


def version():
    return pick([f"v{R.randint(1, 9)}.{R.randint(0, 20)}.{R.randint(0, 9)}",
                 f"{R.randint(1, 5)}.{R.randint(0, 12)}.{R.randint(0, 30)}",
                 f"{R.randint(1, 5)}.{R.randint(0, 12)}.{R.randint(0, 30)}-rc.{R.randint(1, 4)}",
                 f"{R.randint(1, 3)}.{R.randint(0, 9)}.{R.randint(0, 9)}-beta.{R.randint(1, 9)}"])


def ipv4_version():
    """A four-part version/build string that is shaped like an IPv4 address."""
    return pick([f"{R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(0, 20)}.{R.randint(0, 99)}",
                 f"10.0.{R.randint(19041, 22631)}.{R.randint(1000, 4999)}",
                 f"6.1.7601.{R.randint(17000, 24999)}",
                 f"{R.randint(100, 131)}.0.{R.randint(6000, 6999)}.{R.randint(10, 199)}"])


def order_no():
    return pick([lambda: f"{d(3)}-{d(7)}-{d(7)}", lambda: "ORD-" + d(8), lambda: "#" + d(6), lambda: "SO" + d(7),
                 lambda: f"W{d(9)}"])()


def ticket_no():
    return pick(["TKT-" + d(6), "INC" + d(7), "JIRA-" + d(4), "SR-" + d(5) + "-" + up(2), "ZD-" + d(6),
                 f"{pick(['OPS', 'SEC', 'PLAT', 'WEB'])}-{R.randint(100, 9999)}"])


def invoice_no():
    return pick([f"INV-2025-{d(5)}", f"INV{d(7)}", f"{up(2)}-{d(6)}", f"F{d(4)}/{d(3)}"])


def tracking_no():
    return pick([lambda: "1Z" + alnum(6, UP + DIG) + d(10),
                 lambda: f"9400 {d(4)} {d(4)} {d(4)} {d(4)} {d(2)}",
                 lambda: "TBA" + d(12),
                 lambda: f"JD{d(18)}"])()


def isbn13():
    while True:
        core = "978" + d(9)
        s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(core))
        full = core + str((10 - s % 10) % 10)
        if not luhn_ok(full):
            break
    return pick([f"{full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}", full])


def isbn_ok(s):
    x = s.replace("-", "")
    return len(x) == 13 and sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(x)) % 10 == 0


def price():
    return pick([f"${R.randint(12, 9999):,}.{d(2)}", f"€{R.randint(5, 999)},{d(2)}", f"£{R.randint(5, 2000)}.{d(2)}",
                 f"USD {R.randint(50, 5000)}.{d(2)}", f"{R.randint(1, 99)}.{d(3)},{d(2)} €"])


def masked_card():
    return pick([f"**** **** **** {d(4)}", f"•••• {d(4)}", f"XXXX-XXXX-XXXX-{d(4)}", f"************{d(4)}",
                 f"ending in {d(4)}"])


def coords():
    return f"{R.uniform(-60, 60):.4f}, {R.uniform(-150, 150):.4f}"


# shorthands
SSN_, PP, DLN, BANK, MRN_, HPID, NHS_ = (L("US_SSN"), L("US_PASSPORT"), L("US_DRIVER_LICENSE"), L("US_BANK_NUMBER"),
                                         L("MEDICAL_RECORD_NUMBER"), L("HEALTH_PLAN_ID"), L("UK_NHS"))
EM, PH, CC, IB, IP, MAC, URL_, DT, CRY, SEC = (L("EMAIL_ADDRESS"), L("PHONE_NUMBER"), L("CREDIT_CARD"),
                                               L("IBAN_CODE"), L("IP_ADDRESS"), L("MAC_ADDRESS"), L("URL"),
                                               L("DATE_TIME"), L("CRYPTO"), L("SECRET"))
EMO = L("EMAIL_ADDRESS", "obfuscated")
MBI_ = L("HEALTH_PLAN_ID", "mbi")


def SK(kind):  # a generated secret token of a known kind, labelled with its kind for validation
    return (secret_token(kind), "SECRET", kind)


def PEM_(s):
    return (s, "SECRET", "pem")


def PW(s):
    return (s, "SECRET", "password")


def CONN(s):
    return (s, "SECRET", "conn")


def JWT_(s):
    return (s, "SECRET", "jwt")


TS, VER, SHA, UUID_, HASH, PLACE, MASK, LOOP, IPVER, ORD, TKT, INV, TRK, ISBN_, PRICE, ABA_, BIC_, NOND, REL, \
    BADCC, BADIB, BADSSN, BADNHS, BADBTC, ETHTX, PORT = (
        N("ts"), N("version"), N("sha"), N("uuid"), N("hash"), N("placeholder"), N("masked"), N("loopback"),
        N("ipversion"), N("order"), N("ticket"), N("invoice"), N("tracking"), N("isbn"), N("price"), N("aba"),
        N("bic"), N("nondomain"), N("nonpersonal_date"), N("card_bad"), N("iban_bad"), N("ssn_bad"), N("nhs_bad"),
        N("btc_bad"), N("eth_tx"), N("port"))


def ts(style=None):
    return TS(log_ts(style))


def ver():
    return VER(version())


# ==============================================================================================
# templates. Each returns (builder, locale). *_p_* rows carry PII, *_n_* rows carry none.

def fence(lang=""):
    return pick([f"```{lang}\n", "```\n", ""]) if lang is not None else ""


def close(open_):
    return "\n```" if open_ else ""


# ---------------- developer: stack traces and logs
def lg_p_py_smtp():
    b = B()
    fn, ln = person()
    e = email(fn, ln, pick(DOMAINS + CORP))
    b.t(pick(["Why does this keep failing in the worker?\n\n", "Celery task blew up overnight. How do I skip bad "
              "recipients instead of retrying forever?\n\n", "traceback from prod, pls help\n\n"]))
    fo = fence("")
    b.t(fo)
    b.f("Traceback (most recent call last):\n  File \"/srv/app/notifications/tasks.py\", line {ln1}, in send_receipt\n"
        "    smtp.sendmail(FROM_ADDR, [user.email], msg.as_string())\n"
        "  File \"/usr/lib/python3.11/smtplib.py\", line 901, in sendmail\n    raise SMTPRecipientsRefused(senderrs)\n"
        "smtplib.SMTPRecipientsRefused: {{'{e1}': ({c}, b'5.1.1 <{e2}>: Recipient address rejected: User unknown in "
        "virtual mailbox table')}}",
        ln1=R.randint(40, 300), e1=EM(e), e2=EM(e), c=pick(["550", "553"]))
    b.t(close(fo))
    return b, "en_US"


def lg_p_java_psql():
    b = B()
    ip = ipv4(True)
    b.f("{ask}\n\n{ts} ERROR 1 --- [nio-8080-exec-{th}] o.h.engine.jdbc.spi.SqlExceptionHelper   : Connection to "
        "{ip1}:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP "
        "connections.\norg.postgresql.util.PSQLException: Connection to {ip2}:5432 refused.\n"
        "\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:346)\n"
        "\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)\n"
        "{cause}\n\tat {sun}\n",
        ask=pick(["Spring Boot app can't reach the DB after the VPC change:", "Why is Hikari refusing connections?",
                  "Our staging pod logs this on startup. The DB is up, I can psql into it from my laptop."]),
        ts=ts("space"), th=R.randint(1, 9), ip1=IP(ip), ip2=IP(ip),
        cause=NOND("Caused by: java.net.ConnectException: Connection refused"),
        sun=NOND("java.base/sun.nio.ch.Net.connect0(Native Method)"))
    return b, "en_US"


def lg_p_node_econn():
    b = B()
    ip = ipv4(True)
    p = pick(["6379", "5432", "27017", "9200"])
    b.f("node:internal/process/promises:289\n            triggerUncaughtException(err, true /* fromPromise */);\n"
        "            ^\n\nError: connect ECONNREFUSED {ip1}:{p}\n    at TCPConnectWrap.afterConnect [as oncomplete] "
        "(node:net:1555:16) {{\n  errno: -111,\n  code: 'ECONNREFUSED',\n  syscall: 'connect',\n  address: '{ip2}',\n"
        "  port: {p}\n}}\n\n{nv}\n\n{ask}",
        ip1=IP(ip), ip2=IP(ip), p=p, nv=VER(f"Node.js v{R.randint(18, 22)}.{R.randint(0, 12)}.{R.randint(0, 9)}"),
        ask=pick(["The container can ping that host. What else should I check?",
                  "this only happens inside docker compose, works on my mac",
                  "Is this a firewall thing or is the service just not listening?"]))
    return b, "en_US"


def lg_p_sshd():
    b = B()
    bad, good = ipv4(False), ipv4(True)
    fp = "SHA256:" + alnum(43, AN + "+/")
    b.t(pick(["Should I be worried about these? /var/log/auth.log:\n", "fail2ban didn't ban this one, why?\n",
              "Summarize what happened here:\n"]))
    pid = R.randint(2000, 30000)
    user = pick(["admin", "oracle", "test", "ubuntu", "git"])
    for _ in range(R.randint(2, 3)):
        b.f("{t} bastion sshd[{pid}]: Failed password for invalid user {u} from {ip} port {pt} ssh2\n",
            t=ts("syslog"), pid=pid, u=user, ip=IP(bad), pt=PORT(port()))
    b.f("{t} bastion sshd[{pid}]: Connection closed by invalid user {u} {ip} port {pt} [preauth]\n",
        t=ts("syslog"), pid=pid, u=user, ip=IP(bad), pt=PORT(port()))
    b.f("{t} bastion sshd[{pid2}]: Accepted publickey for deploy from {ip} port {pt} ssh2: ED25519 {fp}",
        t=ts("syslog"), pid2=pid + R.randint(5, 90), ip=IP(good), pt=PORT(port()), fp=HASH(fp))
    return b, "en_US"


def lg_p_nginx():
    b = B()
    b.t(pick(["Which of these requests look like a scraper?\n\n", "Parse these access-log lines into JSON with fields "
              "ip, time, method, path, status, referrer, ua:\n\n", "Is the referrer on the first line suspicious?\n\n"]))
    ref = url("https")
    chrome = f"{R.randint(118, 131)}.0.{R.randint(6000, 6999)}.{R.randint(10, 199)}"
    b.f("{ip} - - [{t}] \"GET /api/v1/users/{uid}/export?format=csv HTTP/1.1\" 200 {sz} \"{ref}\" \"Mozilla/5.0 "
        "(Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{cv} Safari/537.36\"\n",
        ip=IP(ipv4(False)), t=ts("clf"), uid=R.randint(100, 99999), sz=R.randint(200, 90000), ref=URL_(ref),
        cv=IPVER(chrome))
    b.f("{ip} - - [{t}] \"POST /login HTTP/2.0\" 401 57 \"-\" \"python-requests/{rv}\"\n",
        ip=IP(ipv6()), t=ts("clf"), rv=VER(f"2.{R.randint(25, 32)}.0"))
    b.f("{ip} - - [{t}] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.29\"",
        ip=IP(ipv4(True)), t=ts("clf"))
    return b, "en_US"


def lg_p_postfix():
    b = B()
    qid = hexs(10).upper()
    client = ipv4(False)
    b.t(pick(["Why did this bounce? The address looks fine to me.\n\n", "Explain this postfix log to a non-admin:\n\n"]))
    b.f("{t1} mx1 postfix/smtpd[{p1}]: connect from unknown[{ip}]\n{t2} mx1 postfix/smtpd[{p1}]: {q}: "
        "client=unknown[{ip2}]\n{t3} mx1 postfix/qmgr[977]: {q}: from=<{fr}>, size={sz}, nrcpt=1 (queue active)\n"
        "{t4} mx1 postfix/smtp[{p2}]: {q}: to=<{to}>, relay=none, delay=1.2, delays=0.1/0/1.1/0, dsn=5.1.1, "
        "status=bounced (host said: 550 5.1.1 user unknown)",
        t1=ts("syslog"), t2=ts("syslog"), t3=ts("syslog"), t4=ts("syslog"), p1=R.randint(1000, 9999),
        p2=R.randint(1000, 9999), ip=IP(client), ip2=IP(client), q=HASH(qid), fr=EM(corp_email()), sz=R.randint(900, 9000),
        to=EM(email()))
    return b, "en_US"


def lg_p_integrity():
    b = B()
    if chance(0.5):
        b.f("Users who sign up twice get a 500. Stack tail:\n\ndjango.db.utils.IntegrityError: duplicate key value "
            "violates unique constraint \"accounts_user_email_key\"\nDETAIL:  Key (email)=({e}) already exists.\n\n"
            "How do I turn this into a friendly form error?",
            e=EM(email()))
    else:
        b.f("psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint \"customers_phone_key\"\n"
            "DETAIL:  Key (phone)=({p}) already exists.\nCONTEXT:  COPY customers, line {ln}\n\n"
            "{ask}",
            p=PH(us_phone(ext=False)), ln=R.randint(2, 5000),
            ask=pick(["Can I make COPY skip duplicates?", "what's the upsert version of this import?"]))
    return b, "en_US"


def lg_p_k8s_describe():
    b = B()
    node_ip, pod_ip = ipv4(True), f"10.244.{R.randint(0, 9)}.{R.randint(2, 254)}"
    name = f"api-{hexs(10)}-{alnum(5, LOW + DIG)}"
    b.f("kubectl describe pod output, why is it CrashLoopBackOff?\n\nName:             {n}\nNamespace:        prod\n"
        "Node:             worker-{w}/{nip}\nStart Time:       {st}\nLabels:           app=api\n"
        "Status:           Running\nIP:               {pip}\nIPs:\n  IP:  {pip2}\nContainers:\n  api:\n"
        "    Image:          api:{iv}\n    Port:           8080/TCP\n    State:          Waiting\n"
        "      Reason:       CrashLoopBackOff\n    Restart Count:  {rc}",
        n=name, w=R.randint(1, 9), nip=IP(node_ip), st=ts("rfc1123"),
        pip=IP(pod_ip), pip2=IP(pod_ip), iv=VER(version().lstrip("v")), rc=R.randint(3, 40))
    return b, "en_US"


def lg_p_dnsmasq():
    b = B()
    b.t(pick(["An unknown device keeps joining my wifi. Which line is it?\n", "router log, can you tell me which "
              "device got which address?\n"]))
    for _ in range(R.randint(2, 3)):
        ip, m = ipv4(True), mac(pick(["colon", "colonU"]))
        host = pick(["Pixel-8", "iPad", "LAPTOP-7Q2M", "ESP_3A1F0C", "*", "roku-ultra", "Galaxy-S23"])
        pid = R.randint(400, 999)
        b.f("dnsmasq-dhcp[{pid}]: DHCPREQUEST(br-lan) {ip} {m}\ndnsmasq-dhcp[{pid}]: DHCPACK(br-lan) {ip2} {m2} {h}\n",
            pid=pid, ip=IP(ip), m=MAC(m), ip2=IP(ip), m2=MAC(m), h=host)
    return b, "en_US"


def lg_p_json_lines():
    b = B()
    b.t(pick(["Our checkout service logs too much. Which fields here are personal data?\n\n",
              "Write a jq filter that keeps only level and msg from these lines:\n\n"]))
    for _ in range(R.randint(2, 3)):
        b.f("{{\"ts\":\"{t}\",\"level\":\"{lv}\",\"svc\":\"checkout\",\"msg\":\"{msg}\",\"user_email\":\"{e}\","
            "\"client_ip\":\"{ip}\",\"card_last4\":\"{l4}\",\"amount_cents\":{amt},\"trace_id\":\"{tr}\"}}\n",
            t=ts("isoms"), lv=pick(["error", "warn", "info"]), msg=pick(["card declined", "3ds challenge", "charge ok"]),
            e=EM(email()), ip=IP(pick([ipv4(False), ipv6()])), l4=d(4), amt=R.randint(500, 90000), tr=HASH(hexs(32)))
    return b, "en_US"


def lg_p_logfmt_kyc():
    b = B()
    b.f("{ask}\n\ntime={t} level=debug msg=\"kyc check\" applicant={aid} dob={db} ssn={s} phone=\"{p}\" "
        "result=clear latency_ms={lat}\ntime={t2} level=info msg=\"kyc done\" applicant={aid} request_id={u}",
        ask=pick(["Why is our KYC worker logging raw identifiers at debug level? Here's a line:",
                  "Write a logfmt redaction rule for lines like:"]),
        t=ts("iso"), aid=R.randint(100000, 999999), db=DT(fmt_en(birth(), "iso")), s=SSN_(ssn("")),
        p=PH(us_phone(ext=False)), lat=R.randint(40, 900), t2=ts("iso"), u=UUID_(a_uuid()))
    return b, "en_US"


def lg_p_ci_token():
    b = B()
    tok = secret_token(pick(["ghp", "ghpat"]))
    api = f"https://api.github.com/repos/{pick(['acme', 'tidewater', 'orbit'])}/{pick(['api', 'web', 'infra'])}/releases/latest"
    b.f("Our public Actions log shows this — was the token masked?\n\n{t1} ##[group]Run curl -sS -H \"Authorization: "
        "token {k1}\" {u1}\n{t2} curl -sS -H \"Authorization: token {k2}\" {u2}\n{t3} shell: /usr/bin/bash -e {{0}}\n"
        "{t4} ##[endgroup]",
        t1=ts("gh"), t2=ts("gh"), t3=ts("gh"), t4=ts("gh"), k1=(tok, "SECRET", "ghpat" if tok.startswith("github_pat_") else "ghp"),
        u1=URL_(api), k2=(tok, "SECRET", "ghpat" if tok.startswith("github_pat_") else "ghp"), u2=URL_(api))
    return b, "en_US"


def lg_p_sentry():
    b = B()
    b.f("Sentry event, can you tell what went wrong?\n\nissue: PAYMENTS-{iss}   level: error   release: {rel}\n"
        "user: {{\"id\": \"{uid}\", \"email\": \"{e}\", \"ip_address\": \"{ip}\"}}\nrequest: POST {u}\n"
        "breadcrumbs:\n  [{bt}] http POST {u2} [402]\nexception: stripe.error.CardError: Your card was declined.",
        iss=alnum(3, UP + DIG), rel=VER(f"checkout@{version().lstrip('v')}"), uid=R.randint(1000, 99999), e=EM(email()),
        ip=IP(ipv4(False)), u=URL_(f"https://{pick(CORP)}/api/checkout/confirm"),
        bt=TS(f"{R.randint(10, 23)}:{R.randint(10, 59)}:{R.randint(10, 59)}"), u2=URL_("https://api.stripe.com/v1/payment_intents"))
    return b, "en_US"


def lg_p_win_event():
    b = B()
    b.f("Got dozens of these on the file server (OS build {ob}). Brute force?\n\nLog Name:      Security\n"
        "Source:        Microsoft-Windows-Security-Auditing\nDate:          {dt}\nEvent ID:      4625\n"
        "Task Category: Logon\nKeywords:      Audit Failure\nDescription:\nAn account failed to log on.\n"
        "Account For Which Logon Failed:\n\tAccount Name:\t\t{acc}\n\tAccount Domain:\t\tCORP\nNetwork Information:\n"
        "\tWorkstation Name:\tLAPTOP-{ws}\n\tSource Network Address:\t{ip}\n\tSource Port:\t\t{pt}",
        ob=IPVER(f"10.0.{R.randint(19041, 22631)}.{R.randint(1000, 4999)}"),
        dt=ts("win"),
        acc=pick(["jdoe", "svc_backup", "administrator", "mchen"]), ws=alnum(4, UP + DIG), ip=IP(ipv4(True)),
        pt=PORT(port()))
    return b, "en_US"


def lg_p_go_tls():
    b = B()
    b.t(pick(["Go server spams these. Is someone scanning us?\n\n", "what do these mean\n"]))
    for _ in range(R.randint(2, 3)):
        if chance(0.5):
            b.f("{t} http: TLS handshake error from {ip}:{pt}: EOF\n",
                t=ts("go"),
                ip=IP(ipv4(False)), pt=PORT(port()))
        else:
            b.f("{t} http: TLS handshake error from [{ip}]:{pt}: remote error: tls: unknown certificate\n",
                t=ts("go"),
                ip=IP(ipv6()), pt=PORT(port()))
    return b, "en_US"


def lg_p_ufw():
    b = B()
    b.f("{t} web01 kernel: [UFW BLOCK] IN=eth0 OUT= SRC={s} DST={dd} LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID={id} DF "
        "PROTO=TCP SPT={sp} DPT={dp} WINDOW=64240 RES=0x00 SYN URGP=0\n\n{ask}",
        t=ts("syslog"), s=IP(ipv4(False)), dd=IP(ipv4(True)), id=R.randint(1000, 65000), sp=PORT(port()),
        dp=pick(["22", "3389", "445", "23"]),
        ask=pick(["What is this host trying to reach?", "Translate this UFW line into plain English.",
                  "Should I also block that source at the cloud firewall?"]))
    return b, "en_US"


def lg_p_rails():
    b = B()
    b.f("Started POST \"/users\" for {ip} at {t}\nProcessing by UsersController#create as HTML\n"
        "  Parameters: {{\"authenticity_token\"=>\"[FILTERED]\", \"user\"=>{{\"email\"=>\"{e}\", \"phone\"=>\"{p}\", "
        "\"password\"=>\"[FILTERED]\", \"date_of_birth\"=>\"{db}\"}}}}\nCompleted 422 Unprocessable Entity in {ms}ms "
        "(ActiveRecord: 6.1ms | Allocations: {al})\n\n{ask}",
        ip=IP(ipv4(False)), t=ts("rails"),
        e=EM(email()), p=PH(us_phone(ext=False)), db=DT(fmt_en(birth(), "iso")), ms=R.randint(20, 300),
        al=R.randint(1000, 40000),
        ask=pick(["Why is email/phone not filtered like password? Which config do I change?",
                  "The 422 has no error message in the log. How do I log validation errors without PII?"]))
    return b, "en_US"


def lg_p_auth_service():
    b = B()
    b.t(pick(["Is this credential stuffing? auth-svc log:\n", "Group these by account:\n"]))
    accts = [email() for _ in range(2)]
    for _ in range(R.randint(3, 4)):
        b.f("{t} WARN auth.login failed user={e} ip={ip} reason={r} attempt={a}\n",
            t=ts("isoms"), e=EM(pick(accts)), ip=IP(ipv4(False)), r=pick(["bad_password", "mfa_failed", "locked"]),
            a=R.randint(1, 9))
    return b, "en_US"


# dev_log negatives
def lg_n_build():
    b = B()
    b.f("{t1} [build] step 3/7: compile (commit {sha})\n{t2} [build] artifact api-{v}.tar.gz sha256={h}\n"
        "{t3} [deploy] image api@sha256:{h2}\n{t4} [deploy] listening on {bind} ; health check {hc} and {v6}\n"
        "{t5} [deploy] netmask {nm}, build #{bn}, request_id={u}\n\nWhy does step 3 take 9 minutes now?",
        t1=ts("iso"), sha=SHA(git_sha()), t2=ts("iso"), v=ver(), h=HASH(sha256hex()), t3=ts("iso"), h2=HASH(sha256hex()),
        t4=ts("iso"), bind=LOOP("0.0.0.0:8080"), hc=LOOP("127.0.0.1:9000"), v6=LOOP("::1"), t5=ts("iso"),
        nm=LOOP("255.255.255.0"), bn=R.randint(1000, 9999), u=UUID_(a_uuid()))
    return b, "en_US"


def lg_n_pytest():
    b = B()
    b.f("============================= test session starts ==============================\nplatform linux -- Python "
        "{pv}, pytest-{ptv}, pluggy-1.5.0\nrootdir: /home/runner/work/api\ncollected {n} items\n\n"
        "tests/test_users.py ........F...                                          [ 40%]\n"
        "tests/test_orders.py ..............                                       [100%]\n\n"
        "FAILED tests/test_users.py::test_create_user[case-{cs}] - AssertionError: assert 422 == 201\n"
        "========================= 1 failed, {np} passed in {sec}s =========================\n\nrun id {u}. What does the "
        "[case-{cs}] suffix mean?",
        pv=VER(f"3.{R.randint(10, 13)}.{R.randint(0, 9)}"), ptv=VER(f"8.{R.randint(0, 3)}.{R.randint(0, 5)}"),
        n=R.randint(20, 400), cs=R.randint(1, 9), np=R.randint(20, 400), sec=f"{R.randint(2, 90)}.{d(2)}", u=UUID_(a_uuid()))
    return b, "en_US"


def lg_n_dmesg():
    b = B()
    b.f("[    {a}] iwlwifi 0000:00:14.3: loaded firmware version {fw} op_mode iwlmvm\n[    {b_}] e1000e 0000:00:1f.6 "
        "eth0: NIC Link is Up 1000 Mbps Full Duplex\n[   {c}] EXT4-fs (nvme0n1p2): mounted filesystem with ordered data "
        "mode\n[  {dd}] usb 3-2: new SuperSpeed USB device number {u} using xhci_hcd\n\nMy wifi drops after suspend. "
        "Anything relevant here? Kernel {kv}.",
        a=f"{R.randint(1, 9)}.{d(6)}", b_=f"{R.randint(1, 9)}.{d(6)}", c=f"{R.randint(10, 99)}.{d(6)}",
        dd=f"{R.randint(100, 999)}.{d(6)}", fw=VER(f"{R.randint(70, 89)}.{hexs(8)}.0"), u=R.randint(2, 9),
        kv=VER(f"6.{R.randint(1, 11)}.{R.randint(0, 20)}-{R.randint(10, 99)}-generic"))
    return b, "en_US"


def lg_n_docker_build():
    b = B()
    b.f("#5 [2/6] RUN pip install --no-cache-dir -r requirements.txt\n#5 sha256:{h1} 1.2s done\n"
        "#8 [5/6] COPY . /app\n#8 DONE 0.1s\n#9 exporting to image\n#9 writing image sha256:{h2} done\n"
        "#9 naming to api:{v} done\n\nWhy is layer 5 never cached?",
        h1=HASH(sha256hex()), h2=HASH(sha256hex()), v=VER(version().lstrip("v")))
    return b, "en_US"


def lg_n_node_localhost():
    b = B()
    b.f("Postgres runs in docker with port 5432 published, yet:\n\nAggregateError [ECONNREFUSED]: \n"
        "    at internalConnectMultiple (node:net:1116:18) {{\n  code: 'ECONNREFUSED',\n  [errors]: [\n"
        "    Error: connect ECONNREFUSED {a}:5432\n    Error: connect ECONNREFUSED {b_}:5432\n  ]\n}}\n\n"
        "{nv}. Is it trying IPv6 first?",
        a=LOOP("::1"), b_=LOOP("127.0.0.1"), nv=VER(f"Node.js v{R.randint(20, 22)}.{R.randint(0, 12)}.{R.randint(0, 9)}"))
    return b, "en_US"


def lg_n_npm():
    b = B()
    b.f("npm WARN deprecated {p1}: this library is no longer supported\nnpm WARN deprecated {p2}: Rimraf versions prior "
        "to v4 are no longer supported\n\nadded {n} packages, and audited {n2} packages in {s}s\n\n{f} packages are "
        "looking for funding\n\n{hv} high severity vulnerabilities\n\nWhich of these should I fix first? We pin {p3}.",
        p1=VER(f"inflight@1.0.{R.randint(4, 6)}"), p2=VER(f"rimraf@3.0.{R.randint(0, 2)}"), n=R.randint(300, 1900),
        n2=R.randint(300, 1900), s=R.randint(5, 90), f=R.randint(20, 200), hv=R.randint(1, 9),
        p3=VER(f"lodash@4.17.{R.randint(15, 21)}"))
    return b, "en_US"


def lg_n_redacted():
    b = B()
    b.f("{t1} INFO http.request method=POST path=/v1/chat authorization=\"Bearer {m1}\" api_key={m2}\n"
        "{t2} DEBUG db.connect url={m3} password={m4}\n{t3} WARN env GITHUB_TOKEN={m5} not set, falling back to "
        "{m6}\n\nIs our redaction middleware doing its job?",
        t1=ts("iso"), m1=MASK("***"), m2=PLACE("sk-..."), t2=ts("iso"), m3=PLACE("postgres://app:****@db:5432/app"),
        m4=MASK("[REDACTED]"), t3=ts("iso"), m5=PLACE("${GITHUB_TOKEN}"), m6=PLACE("<anonymous>"))
    return b, "en_US"


def lg_n_metrics():
    b = B()
    b.f("# HELP http_request_duration_seconds Request latency\n# TYPE http_request_duration_seconds histogram\n"
        "http_request_duration_seconds_bucket{{le=\"0.005\",route=\"/v1/orders\"}} {a}\n"
        "http_request_duration_seconds_bucket{{le=\"0.25\",route=\"/v1/orders\"}} {b_}\n"
        "go_info{{version=\"go1.{gv}.{gp}\"}} 1\nprocess_start_time_seconds {st}\n"
        "scrape target {tg} (job=\"api\", instance=\"{ip}\")\n\nCompute p95 from these buckets.",
        a=R.randint(100, 900), b_=R.randint(1000, 9000), gv=R.randint(20, 23), gp=R.randint(0, 9),
        st=f"1.7{d(8)}e+09", tg=LOOP("127.0.0.1:9090"), ip=LOOP("127.0.0.1:9090"))
    return b, "en_US"


# ---------------- developer: code with PII in literals, comments, fixtures, SQL
def cd_p_py_fixture():
    b = B()
    fn, ln = person()
    dom = pick(EX_DOMAINS + DOMAINS)
    b.f("{ask}\n\n```python\nimport pytest\n\n\n@pytest.fixture\ndef customer():\n    return {{\n"
        "        \"name\": \"{n}\",\n        \"email\": \"{e}\",\n        \"phone\": \"{p}\",\n        \"ssn\": \"{s}\",\n"
        "        \"dob\": \"{db}\",\n        \"created_at\": \"{ca}\",\n    }}\n```",
        ask=pick(["Add a test that checks the serializer masks the SSN. Existing fixture:",
                  "Refactor this fixture into a factory_boy factory:", "why does my pydantic model reject this fixture?"]),
        n=f"{fn} {ln}", e=EM(email(fn, ln, dom)), p=PH(us_phone(ext=False)), s=SSN_(ssn("-")),
        db=DT(fmt_en(birth(), "iso")), ca=TS(log_ts("iso")))
    return b, "en_US"


def cd_p_py_llm_key():
    b = B()
    if chance(0.5):
        b.f("getting `401 Incorrect API key provided` — what's wrong?\n\n```python\nfrom openai import OpenAI\n\n"
            "client = OpenAI(api_key=\"{k}\")\nresp = client.chat.completions.create(\n    model=\"gpt-4o-mini\",\n"
            "    messages=[{{\"role\": \"user\", \"content\": prompt}}],\n)\n```",
            k=SK(pick(["openai", "openai_legacy"])))
    else:
        b.f("```python\nimport anthropic\n\nclient = anthropic.Anthropic(\n    # TODO move to env before pushing\n"
            "    api_key=\"{k}\",\n)\nmsg = client.messages.create(model=\"claude-3-5-haiku-latest\", max_tokens=512,\n"
            "                             messages=[{{\"role\": \"user\", \"content\": q}}])\n```\nHow do I stream this?",
            k=SK("anthropic"))
    return b, "en_US"


def cd_p_js_fetch():
    b = B()
    tokf = pick(["jwt", "stripe"])
    tok = JWT_(jwt()) if tokf == "jwt" else SK("stripe")
    b.f("This fetch returns 403 from the browser but works in Postman:\n\n```js\nconst res = await fetch(\"{u}\", {{\n"
        "  method: \"POST\",\n  headers: {{\n    \"Content-Type\": \"application/json\",\n    Authorization: \"Bearer {t}\",\n"
        "  }},\n  body: JSON.stringify({{ email: \"{e}\", phone: \"{p}\" }}),\n}});\n```",
        u=URL_(f"https://api.{pick(CORP)}/v2/contacts"), t=tok, e=EM(email()), p=PH(phone(pick(["US", "GB", "DE"]), True)))
    return b, "en_US"


def cd_p_sql_insert():
    b = B()
    b.t(pick(["Turn this seed file into a CSV with a header row:\n\n", "Postgres says `invalid input syntax for type "
              "date` on one of these rows. Which one?\n\n", "Rewrite as a single COPY statement:\n\n"]))
    b.t("```sql\nINSERT INTO customers (id, full_name, email, phone, date_of_birth, created_at) VALUES\n")
    n = R.randint(2, 4)
    for i in range(n):
        fn, ln = person()
        b.f("  ({id}, '{nm}', '{e}', '{p}', '{db}', '{ca}'){sep}\n",
            id=1000 + i, nm=f"{fn} {ln.replace(chr(39), chr(39) * 2)}", e=EM(email(fn, ln)), p=PH(us_phone(ext=False)),
            db=DT(fmt_en(birth(), "iso")), ca=ts("sql"), sep="," if i < n - 1 else ";")
    b.t("```")
    return b, "en_US"


def cd_p_sql_where():
    b = B()
    b.f("This takes 9 seconds on 40M rows. What index should I add?\n\n```sql\nSELECT id, email, last_login_ip\n"
        "FROM users\nWHERE lower(email) = '{e}'\n   OR last_login_ip = '{ip}'::inet\nORDER BY created_at DESC\nLIMIT 50;\n```",
        e=EM(email().lower()), ip=IP(pick([ipv4(False), ipv6()])))
    return b, "en_US"


def cd_p_go_dsn():
    b = B()
    b.f("Review this Go package please — anything wrong with the pool settings?\n\n```go\npackage db\n\nimport (\n"
        "\t\"database/sql\"\n\t\"log\"\n)\n\n// Owner: {e} (ping before changing pool sizes)\nconst dsn = \"{c}\"\n\n"
        "func Open() *sql.DB {{\n\tdb, err := sql.Open(\"postgres\", dsn)\n\tif err != nil {{\n\t\tlog.Fatalf(\"open: %v\", err)\n"
        "\t}}\n\tdb.SetMaxOpenConns({mo})\n\tdb.SetMaxIdleConns({mi})\n\treturn db\n}}\n```",
        e=EM(corp_email(pick(["platform", "dba", "backend"]))), c=CONN(conn_string(pick(["postgres", "postgresql"]))),
        mo=R.randint(5, 100), mi=R.randint(1, 10))
    return b, "en_US"


def cd_p_py_boto():
    b = B()
    fn, ln = person()
    b.f("```python\nimport boto3\n\n# TODO({e}): move these to Secrets Manager before launch\ns3 = boto3.client(\n"
        "    \"s3\",\n    aws_access_key_id=\"{ak}\",\n    aws_secret_access_key=\"{sk}\",\n    region_name=\"{rg}\",\n)\n"
        "s3.upload_file(\"report.csv\", \"acme-reports\", \"2025/q1/report.csv\")\n```\n{ask}",
        e=EM(email(fn, ln, pick(CORP))), ak=SK("aws"), sk=SK("awssecret"), rg=pick(["eu-west-1", "us-east-2"]),
        ask=pick(["Why does upload_file hang?", "Convert this to use a named profile.", "Is this code safe to open-source?"]))
    return b, "en_US"


def cd_p_js_jest_iban():
    b = B()
    cc = pick(["DE", "NL", "FR", "ES", "IT", "BE"])
    good = iban_make(cc, iban_bban(cc))
    b.f("Make these tests pass, my validateIban is below them.\n\n```js\ndescribe(\"validateIban\", () => {{\n"
        "  it(\"accepts compact input\", () => {{\n    expect(validateIban(\"{g1}\")).toBe(true);\n  }});\n"
        "  it(\"accepts grouped input\", () => {{\n    expect(validateIban(\"{g2}\")).toBe(true);\n  }});\n"
        "  it(\"rejects a wrong check digit\", () => {{\n    expect(validateIban(\"{bd}\")).toBe(false);\n  }});\n"
        "  it(\"rejects a BIC\", () => {{\n    expect(validateIban(\"{bc}\")).toBe(false);\n  }});\n}});\n```",
        g1=IB(good), g2=IB(iban(pick(["GB", "CH", "AT", "PT"]), True)), bd=BADIB(bad_iban(cc, False)), bc=BIC_(bic(cc)))
    return b, "en_US"


def cd_p_py_phone_tests():
    b = B()
    b.t("Our normalizer fails some of these. Which ones and why?\n\n```python\n@pytest.mark.parametrize(\"raw,expected\", [\n")
    for cc, pref in pick([[("DE", "+49"), ("FR", "+33"), ("GB", "+44")], [("NL", "+31"), ("ES", "+34"), ("IT", "+39")],
                          [("JP", "+81"), ("KR", "+82"), ("IN", "+91")]]):
        raw = phone(cc, False)
        digits = re.sub(r"\D", "", raw)
        e164 = pref + (digits[1:] if digits.startswith("0") and cc != "IT" else digits)
        b.f("    (\"{r}\", \"{e}\"),\n", r=PH(raw), e=PH(e164))
    b.t("])\ndef test_to_e164(raw, expected):\n    assert to_e164(raw) == expected\n```")
    return b, "en_US"


def cd_p_csharp_conn():
    b = B()
    b.f("Convert this to read from IConfiguration instead of a constant:\n\n```csharp\npublic static class Db\n{{\n"
        "    // prod — do not use locally (ask {e})\n    private const string ConnectionString =\n"
        "        \"{c}\";\n\n    public static SqlConnection Open() => new SqlConnection(ConnectionString);\n}}\n```",
        e=EM(corp_email("dba")), c=CONN(sql_server_conn()))
    return b, "en_US"


def cd_p_py_requests_auth():
    b = B()
    b.f("```python\nresp = requests.get(\n    \"{u}\",\n    auth=(\"svc-report\", \"{pw}\"),\n    timeout=10,\n)\n"
        "resp.raise_for_status()\n```\n{ask}",
        u=URL_(f"https://reports.{pick(CORP)}/api/v1/export?since=30d"), pw=PW(password()),
        ask=pick(["How do I add retries with backoff?", "We get SSL errors behind the corporate proxy, fix?"]))
    return b, "en_US"


def cd_p_java_apikey():
    b = B()
    b.f("```java\npublic class GeoClient {{\n    private static final String API_KEY = \"{k}\";\n"
        "    private static final String BASE = \"{u}\";\n\n    public String lookup(String address) throws IOException {{\n"
        "        String q = URLEncoder.encode(address, StandardCharsets.UTF_8);\n"
        "        return http.get(BASE + \"?address=\" + q + \"&key=\" + API_KEY);\n    }}\n}}\n```\n"
        "{ask}",
        k=SK("google"), u=URL_("https://maps.googleapis.com/maps/api/geocode/json"),
        ask=pick(["How should I unit-test this without hitting Google?", "Make it async with HttpClient."]))
    return b, "en_US"


def cd_p_yaml_fixture():
    b = B()
    b.t("Rails fixtures — why does `rails test` say the users table has no column last_sign_in_ip?\n\n```yaml\n")
    for nm in pick([["alice", "bob"], ["owner", "member", "guest"], ["admin", "viewer"]]):
        fn, ln = person()
        b.f("{nm}:\n  email: {e}\n  phone: \"{p}\"\n  last_sign_in_ip: {ip}\n  confirmed_at: <%= 3.days.ago %>\n",
            nm=nm, e=EM(email(fn, ln, pick(EX_DOMAINS + DOMAINS))), p=PH(us_phone(ext=False)), ip=IP(ipv4()))
    b.t("```")
    return b, "en_US"


def cd_p_pandas():
    b = B()
    b.t("Write a function that masks all but the last 4 characters of the email and iban columns:\n\n```python\n"
        "df = pd.DataFrame({\n    \"customer\": [")
    n = 3
    names = [person() for _ in range(n)]
    b.t(", ".join(f"\"{f} {l}\"" for f, l in names) + "],\n    \"email\": [")
    for i, (f, l) in enumerate(names):
        b.f("\"{e}\"{s}", e=EM(email(f, l)), s=", " if i < n - 1 else "")
    b.t("],\n    \"iban\": [")
    for i in range(n):
        b.f("\"{x}\"{s}", x=IB(iban(None, chance(0.3))), s=", " if i < n - 1 else "")
    b.t("],\n})\n```")
    return b, "en_US"


def cd_p_go_test_ip():
    b = B()
    b.f("Why does the third case fail? Go 1.22.\n\n```go\nfunc TestIsPrivate(t *testing.T) {{\n\tcases := []struct {{\n"
        "\t\taddr string\n\t\twant bool\n\t}}{{\n\t\t{{\"{a}\", true}},\n\t\t{{\"{b_}\", false}},\n\t\t{{\"{c}\", true}},\n"
        "\t\t{{\"{lo}\", false}},\n\t\t{{\"{v6}\", true}},\n\t}}\n\tfor _, c := range cases {{\n"
        "\t\tif got := netip.MustParseAddr(c.addr).IsPrivate(); got != c.want {{\n"
        "\t\t\tt.Errorf(\"%s: got %v\", c.addr, got)\n\t\t}}\n\t}}\n}}\n```",
        a=IP(ipv4(True)), b_=IP(ipv4(False)), c=IP(ipv4(True)), lo=LOOP("127.0.0.1"),
        v6=IP(f"fd{R.randint(0, 255):02x}:{R.randint(1, 0xffff):x}::{R.randint(2, 0xffff):x}"))
    return b, "en_US"


def cd_p_php_mail():
    b = B()
    x = soon()
    b.f("```php\n<?php\n$to = \"{to}\";\n$subject = \"Your appointment on {ad}\";\n"
        "$headers = \"From: {fr}\\r\\nReply-To: {rt}\\r\\n\";\nmail($to, $subject, $message, $headers);\n```\n{ask}",
        to=EM(email()), ad=DT(fmt_en(x, pick(["long", "us"]))), fr=EM(corp_email("noreply")), rt=EM(corp_email("frontdesk")),
        ask=pick(["Mails land in spam. What headers am I missing?", "How do I send this via SMTP with PHPMailer instead?"]))
    return b, "en_US"


def cd_p_sql_update():
    b = B()
    b.f("-- fix reported in {t}\nUPDATE employees\n   SET ssn = '{s}',\n       bank_account_number = '{ac}',\n"
        "       routing_number = '{r}'\n WHERE employee_id = {eid};\n\n{ask}",
        t=TKT(ticket_no()), s=SSN_(ssn("-")), ac=BANK(bank_acct()), r=ABA_(aba()), eid=R.randint(10000, 99999),
        ask=pick(["Wrap this in a transaction with an audit row.", "Is there a way to do this without the value "
                  "ending up in the query log?"]))
    return b, "en_US"


def cd_p_node_stripe():
    b = B()
    fn, ln = person()
    b.f("```js\nconst stripe = require(\"stripe\")(\"{k}\");\n\nconst customer = await stripe.customers.create({{\n"
        "  name: \"{n}\",\n  email: \"{e}\",\n  phone: \"{p}\",\n}});\n```\n{ask}",
        k=SK("stripe"), n=f"{fn} {ln}", e=EM(email(fn, ln)), p=PH(phone(pick(["US", "GB", "IE", "AU"]), True)),
        ask=pick(["How do I attach a payment method to this customer?", "Does this create duplicates if retried?"]))
    return b, "en_US"


def cd_p_notebook():
    b = B()
    b.t("In [12]: df.head(3)\nOut[12]:\n   user_id                         email            phone        signup_ip\n")
    for i in range(3):
        b.f("{i}    {uid}  {e}  {p}  {ip}\n",
            i=i, uid=R.randint(10000, 99999), e=EM(email()), p=PH(us_phone(ext=False, style=2)), ip=IP(ipv4()))
    b.t("\nHow do I drop duplicates by phone but keep the newest signup?")
    return b, "en_US"


def cd_p_graphql():
    b = B()
    fn, ln = person()
    b.f("The server rejects this mutation with `Variable \"$input\" got invalid value`. Why?\n\n```graphql\n"
        "mutation CreatePatient($input: PatientInput!) {{\n  createPatient(input: $input) {{ id }}\n}}\n```\n"
        "variables:\n```json\n{{\n  \"input\": {{\n    \"firstName\": \"{f}\",\n    \"lastName\": \"{l}\",\n"
        "    \"dateOfBirth\": \"{db}\",\n    \"mrn\": \"{m}\",\n    \"phone\": \"{p}\"\n  }}\n}}\n```",
        f=fn, l=ln, db=DT(fmt_en(birth(), pick(["iso", "us"]))), m=MRN_(mrn()), p=PH(us_phone(ext=False)))
    return b, "en_US"


def cd_p_pem_in_code():
    b = B()
    b.f("```python\n# signing key for the partner webhook (rotated {when})\nPRIVATE_KEY = \"\"\"{k}\"\"\"\n\n"
        "def sign(payload: bytes) -> bytes:\n    key = serialization.load_pem_private_key(PRIVATE_KEY.encode(), None)\n"
        "    return key.sign(payload, padding.PKCS1v15(), hashes.SHA256())\n```\n{ask}",
        when=pick(["quarterly", "last sprint", "never"]), k=PEM_(pem(pick(["RSA PRIVATE KEY", "PRIVATE KEY"]))),
        ask=pick(["Where should this key live instead?", "How do I verify the signature on the partner's side?"]))
    return b, "en_US"


def cd_p_kotlin_wallet():
    b = B()
    b.f("```kotlin\nclass AddressParserTest {{\n    @Test fun parsesSegwit() = assertTrue(isValid(\"{a}\"))\n"
        "    @Test fun parsesLegacy() = assertTrue(isValid(\"{b_}\"))\n    @Test fun parsesEth() = assertTrue(isValid(\"{c}\"))\n"
        "    @Test fun rejectsTypo() = assertFalse(isValid(\"{bad}\"))\n}}\n```\n{ask}",
        a=CRY(btc_bech32()), b_=CRY(btc_base58()), c=CRY(eth()), bad=BADBTC(bad_btc()),
        ask=pick(["Implement isValid so all four pass.", "rejectsTypo passes but parsesSegwit fails — why?"]))
    return b, "en_US"


def cd_p_ts_zod():
    b = B()
    b.f("```ts\nexport const Contact = z.object({{\n  email: z.string().email().default(\"{e}\"),\n"
        "  phone: z.string().regex(/^\\+?[0-9 ()-]{{7,20}}$/),\n  website: z.string().url().default(\"{u}\"),\n}});\n```\n"
        "{ask}",
        e=EM(f"{pick(['jane.doe', 'john.smith', 'someone', 'user'])}@{pick(EX_DOMAINS)}"), u=URL_(f"https://www.{pick(EX_DOMAINS)}/"),
        ask=pick(["Should the defaults be real-looking values?", "How do I make phone optional but validated?"]))
    return b, "en_US"


# dev_code negatives
def cd_n_env_refs():
    b = B()
    b.f("```python\nimport os\n\nDATABASE_URL = os.environ[\"DATABASE_URL\"]\nOPENAI_API_KEY = os.getenv(\"OPENAI_API_KEY\", {p1})\n"
        "STRIPE_KEY = os.environ.get(\"STRIPE_SECRET_KEY\") or {p2}\n```\n```js\nconst token = process.env.GITHUB_TOKEN ?? {p3};\n```\n"
        "Is it OK to have fallback values like these?",
        p1=PLACE("\"sk-...\""), p2=PLACE("\"YOUR_STRIPE_KEY\""), p3=PLACE("\"<token>\""))
    return b, "en_US"


def cd_n_schema():
    b = B()
    b.t("Review this schema for a patients table:\n\n```sql\nCREATE TABLE patients (\n  id          bigserial PRIMARY KEY,\n"
        "  mrn         varchar(12) NOT NULL UNIQUE,\n  ssn         char(11) CHECK (ssn ~ '^\\d{3}-\\d{2}-\\d{4}$'),\n"
        "  email       citext,\n  phone       varchar(20),\n  dob         date NOT NULL,\n"
        "  created_at  timestamptz NOT NULL DEFAULT now()\n);\nCREATE INDEX ON patients (lower(email));\n```\n"
        "Should SSN be encrypted at the column level?")
    return b, "en_US"


def cd_n_regex():
    b = B()
    b.t("Are these regexes good enough for a PII scrubber?\n\n```python\nEMAIL = re.compile(r\"[\\w.+-]+@[\\w-]+\\.[\\w.-]+\")\n"
        "CARD = re.compile(r\"\\b(?:\\d[ -]?){13,19}\\b\")\nSSN = re.compile(r\"\\b\\d{3}-\\d{2}-\\d{4}\\b\")\n"
        "IPV4 = re.compile(r\"\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b\")\n```\nThey flag too many version strings.")
    return b, "en_US"


def cd_n_hashes():
    b = B()
    b.f("```python\nKNOWN_GOOD = {{\n    \"installer.exe\": \"{h1}\",\n    \"agent.tar.gz\": \"{h2}\",\n}}\n"
        "PINNED_COMMIT = \"{sha}\"\nTENANT_ID = \"{u}\"\nADMIN_PW_HASH = \"{bc}\"\n```\nDo any of these need to be secret?",
        h1=HASH(sha256hex()), h2=HASH(sha256hex()), sha=SHA(git_sha()), u=UUID_(a_uuid()), bc=HASH(bcrypt_hash()))
    return b, "en_US"


def cd_n_deps():
    b = B()
    b.f("requirements.txt:\n```\ndjango=={a}\npsycopg[binary]=={b_}\ncelery=={c}\nrequests>=2.31,<3\n```\npackage.json:\n"
        "```json\n{{\n  \"engines\": {{ \"node\": \">=18\" }},\n  \"dependencies\": {{ \"express\": \"^4.19.2\", \"zod\": \"^3.23.8\" }}\n}}\n```\n"
        "Which of these have known CVEs?",
        a=VER(f"4.2.{R.randint(10, 19)}"), b_=VER(f"3.1.{R.randint(10, 19)}"), c=VER(f"5.3.{R.randint(1, 9)}"))
    return b, "en_US"


def cd_n_faker():
    b = B()
    b.t("```python\nfrom faker import Faker\n\nfake = Faker([\"en_US\", \"de_DE\"])\nrows = [\n    {\"email\": fake.email(), "
        "\"phone\": fake.phone_number(), \"iban\": fake.iban(), \"ssn\": fake.ssn()}\n    for _ in range(10_000)\n]\n```\n"
        "How do I make this deterministic across runs?")
    return b, "en_US"


def cd_n_luhn():
    b = B()
    b.f("My Luhn check says all of these are valid but the payment gateway rejects them. Bug?\n\n```python\n"
        "for pan in [\"{a}\", \"{b_}\", \"{c}\"]:\n    print(pan, luhn(pan))\n```\nAlso the UI shows {m} after saving.",
        a=BADCC(bad_card("")), b_=BADCC(bad_card(" ")), c=BADCC(bad_card("-")), m=MASK(masked_card()))
    return b, "en_US"


def cd_n_go_server():
    b = B()
    b.f("```go\nsrv := &http.Server{{\n\tAddr:              \"{a}\",\n\tReadHeaderTimeout: 5 * time.Second,\n"
        "\tWriteTimeout:      {w} * time.Second,\n}}\nlog.Printf(\"admin api on %s\", \"{adm}\")\n```\n"
        "Should the admin API bind to {lo} only? We run {v}.",
        a=LOOP("0.0.0.0:8080"), w=R.randint(10, 60), adm=LOOP("127.0.0.1:9091"), lo=LOOP("127.0.0.1"),
        v=VER(f"go1.{R.randint(21, 23)}.{R.randint(0, 9)}"))
    return b, "en_US"


# ---------------- developer: curl, .env, Dockerfile, Kubernetes, git
def cf_p_curl_openai():
    b = B()
    b.f("{ask}\n\ncurl {u} \\\n  -H \"Content-Type: application/json\" \\\n"
        "  -H \"Authorization: Bearer {k}\" \\\n  -d '{{\"model\": \"gpt-4o-mini\", \"messages\": [{{\"role\": \"user\", "
        "\"content\": \"Write a polite follow-up to {e} about invoice {inv}\"}}]}}'",
        ask=pick(["Why do I get `invalid_request_error` with this?", "Convert this curl to Python requests:",
                  "how do i add streaming to this call"]),
        u=URL_("https://api.openai.com/v1/chat/completions"), k=SK(pick(["openai", "openai_legacy"])), e=EM(email()),
        inv=INV(invoice_no()))
    return b, "en_US"


def cf_p_curl_anthropic():
    b = B()
    b.f("curl {u} \\\n  --header \"x-api-key: {k}\" \\\n  --header \"anthropic-version: {av}\" \\\n"
        "  --header \"content-type: application/json\" \\\n  --data '{{\"model\": \"{m}\", \"max_tokens\": 1024, "
        "\"messages\": [{{\"role\": \"user\", \"content\": \"Summarize the attached contract\"}}]}}'\n\n{ask}",
        u=URL_("https://api.anthropic.com/v1/messages"), k=SK("anthropic"), av=REL("2023-06-01"),
        m=REL("claude-3-5-sonnet-20241022"),
        ask=pick(["Returns 401 authentication_error. Is the header name right?", "What does the version header do?"]))
    return b, "en_US"


def cf_p_curl_github():
    b = B()
    kind = pick(["ghp", "ghpat"])
    b.f("curl -L \\\n  -H \"Accept: application/vnd.github+json\" \\\n  -H \"Authorization: Bearer {k}\" \\\n"
        "  -H \"X-GitHub-Api-Version: {av}\" \\\n  {u}\n\n{ask}",
        k=SK(kind), av=REL("2022-11-28"),
        u=URL_(f"https://api.github.com/repos/{pick(['acme', 'tidewater-labs', 'orbitcrm'])}/{pick(['api', 'infra', 'web'])}/actions/secrets"),
        ask=pick(["I get 404 but the repo exists. Scopes?", "Why would a fine-grained token 403 here?"]))
    return b, "en_US"


def cf_p_curl_stripe():
    b = B()
    b.f("curl {u} \\\n  -u {k}: \\\n  -d email=\"{e}\" \\\n  -d phone=\"{p}\" \\\n  -d \"metadata[order_id]={o}\"\n\n{ask}",
        u=URL_("https://api.stripe.com/v1/customers"), k=SK("stripe"), e=EM(email()), p=PH(us_phone(ext=False)),
        o=ORD(order_no().lstrip("#")),
        ask=pick(["What's the trailing colon after the key for?", "How do I do the same in Node?"]))
    return b, "en_US"


def cf_p_curl_slack():
    b = B()
    kind = pick(["slack", "slack_user"])
    b.f("curl -X POST -H \"Authorization: Bearer {k}\" -H 'Content-type: application/json; charset=utf-8' \\\n"
        "  --data '{{\"channel\":\"C0{ch}\",\"text\":\"Deploy of {v} finished\"}}' \\\n  {u}\n\n{ask}",
        k=SK(kind), ch=alnum(8, UP + DIG), v=ver(), u=URL_("https://slack.com/api/chat.postMessage"),
        ask=pick(["Returns not_in_channel. Do I need to invite the bot?", "Can I thread replies with this?"]))
    return b, "en_US"


def cf_p_curl_gemini():
    b = B()
    b.f("curl {u} \\\n  -H 'Content-Type: application/json' \\\n  -H \"x-goog-api-key: {k}\" \\\n  -X POST \\\n"
        "  -d '{{\"contents\": [{{\"parts\": [{{\"text\": \"My flight {fl} departs {dd} at {tm}, remind me how to check in\"}}]}}]}}'\n\n"
        "{ask}",
        u=URL_("https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent"),
        k=SK("google"), fl=f"{pick(['LH', 'BA', 'UA', 'AF'])}{R.randint(100, 999)}", dd=DT(fmt_en(soon(), pick(["long", "iso"]))),
        tm=DT(htime()), ask=pick(["Getting 400 INVALID_ARGUMENT.", "How do I set a system instruction here?"]))
    return b, "en_US"


def env_line(b, key, val, quote=None):
    quote = pick(["", "", "\""]) if quote is None else quote
    b.f("{k}={q}{v}{q}\n", k=key, q=quote, v=val)


def cf_p_env_file():
    b = B()
    b.t(pick(["I accidentally committed this .env. What do I need to rotate?\n\n", "Why doesn't docker compose pick up "
              "these values?\n\n", "# .env\n", "Convert this .env into a Kubernetes Secret manifest:\n\n"]))
    lines = [
        lambda: env_line(b, "DATABASE_URL", CONN(conn_string(pick(["postgres", "mysql", "mongodb+srv"])))),
        lambda: env_line(b, "REDIS_URL", CONN(conn_string("redis")), ""),
        lambda: (env_line(b, "AWS_ACCESS_KEY_ID", SK("aws")), env_line(b, "AWS_SECRET_ACCESS_KEY", SK("awssecret"))),
        lambda: env_line(b, "STRIPE_SECRET_KEY", SK("stripe")),
        lambda: env_line(b, "OPENAI_API_KEY", SK(pick(["openai", "openai_legacy"]))),
        lambda: env_line(b, "SLACK_BOT_TOKEN", SK("slack")),
        lambda: env_line(b, "JWT_SECRET", PW(rand_pw())),
        lambda: env_line(b, "SMTP_PASSWORD", PW(password())),
        lambda: env_line(b, "ADMIN_EMAIL", EM(email())),
        lambda: env_line(b, "SUPPORT_PHONE", PH(us_phone(ext=False)), "\""),
        lambda: env_line(b, "SENTRY_DSN", PLACE("${SENTRY_DSN}"), ""),
        lambda: env_line(b, "PORT", "8080", ""),
        lambda: env_line(b, "APP_VERSION", ver(), ""),
        lambda: env_line(b, "LOG_LEVEL", "info", ""),
    ]
    chosen = R.sample(lines[:10], R.randint(3, 5)) + R.sample(lines[10:], 2)
    R.shuffle(chosen)
    for fn in chosen:
        fn()
    return b, "en_US"


def cf_p_dockerfile():
    b = B()
    b.f("{ask}\n\n```dockerfile\nFROM python:3.12-slim\nLABEL maintainer=\"{e}\"\nENV PYTHONDONTWRITEBYTECODE=1 \\\n"
        "    AWS_ACCESS_KEY_ID={ak} \\\n    AWS_SECRET_ACCESS_KEY={sk}\nARG PIP_INDEX_URL={pu}\nWORKDIR /app\nCOPY . .\n"
        "RUN pip install --index-url \"$PIP_INDEX_URL\" -r requirements.txt\nEXPOSE 8000\n"
        "CMD [\"gunicorn\", \"-b\", \"{bind}\", \"app:app\"]\n```",
        ask=pick(["Make this image smaller and safer:", "Is anything here going to end up in the image layers?",
                  "Why does pip time out during the build?"]),
        e=EM(email(domain=pick(CORP))), ak=SK("aws"), sk=SK("awssecret"),
        pu=CONN(f"https://ci:{password(url_safe=True)}@pypi.{pick(CORP)}/simple"), bind=LOOP("0.0.0.0:8000"))
    return b, "en_US"


def cf_p_k8s_secret():
    b = B()
    b.f("{ask}\n\n```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: api-secrets\n  namespace: prod\ntype: Opaque\n"
        "stringData:\n  DATABASE_URL: {db}\n  SMTP_PASSWORD: \"{pw}\"\n  OPENAI_API_KEY: {k}\n---\napiVersion: apps/v1\n"
        "kind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n"
        "          image: api:{v}\n          env:\n            - name: ADMIN_EMAIL\n              value: {e}\n"
        "          envFrom:\n            - secretRef:\n                name: api-secrets\n```",
        ask=pick(["Should stringData be committed like this? We use Argo CD.", "Convert to a SealedSecret workflow.",
                  "The pod can't read SMTP_PASSWORD, why?"]),
        db=CONN(conn_string(pick(["postgres", "mysql"]))), pw=PW(password()), k=SK(pick(["openai", "anthropic"])),
        v=VER(version().lstrip("v")), e=EM(corp_email("ops")))
    return b, "en_US"


def cf_p_k8s_configmap():
    b = B()
    b.f("```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gateway-config\ndata:\n"
        "  UPSTREAM_PAYMENTS: \"{u1}:8443\"\n  ALLOWED_ADMIN_IP: \"{u2}\"\n  ONCALL_PHONE: \"{p}\"\n  ALERT_EMAIL: {e}\n"
        "  STATUS_PAGE: {url}\n  LOG_LEVEL: info\n  TIMEOUT_MS: \"{to}\"\n```\n{ask}",
        u1=IP(ipv4(True)), u2=IP(ipv4(False)), p=PH(pick([us_phone(ext=False), phone("GB", True)])), e=EM(corp_email("alerts")),
        url=URL_(url("https")), to=R.randint(500, 30000),
        ask=pick(["Which of these belong in a Secret instead?", "How do I reload nginx when this changes?"]))
    return b, "en_US"


def cf_p_diff_secret():
    b = B()
    kind = pick(["slack", "stripe", "openai", "google", "ghp"])
    var = {"slack": "SLACK_BOT_TOKEN", "stripe": "STRIPE_SECRET_KEY", "openai": "OPENAI_API_KEY",
           "google": "MAPS_API_KEY", "ghp": "GITHUB_TOKEN"}[kind]
    b.f("{ask}\n\n```diff\ndiff --git a/app/settings.py b/app/settings.py\nindex {s1}..{s2} 100644\n--- a/app/settings.py\n"
        "+++ b/app/settings.py\n@@ -12,7 +12,7 @@ DEBUG = False\n ALLOWED_HOSTS = [\"*\"]\n-{v} = \"{k}\"\n"
        "+{v} = os.environ[\"{v}\"]\n TIME_ZONE = \"UTC\"\n```",
        ask=pick(["Is removing it in this commit enough?", "Review this PR diff:", "Reviewer said this is still a leak. Why?"]),
        s1=SHA(git_sha(7)), s2=SHA(git_sha(7)), v=var, k=SK(kind))
    return b, "en_US"


def cf_p_diff_contact():
    b = B()
    cc = pick(["US", "GB", "DE", "FR", "NL"])
    b.f("```diff\n--- a/docs/SUPPORT.md\n+++ b/docs/SUPPORT.md\n@@ -3,6 +3,6 @@\n ## Contact\n-Email: {e1}\n-Phone: {p1}\n"
        "+Email: {e2}\n+Phone: {p2}\n Office hours: 9–17 CET\n```\n{ask}",
        e1=EM(corp_email("support")), p1=PH(phone(cc, True)), e2=EM(corp_email("help")), p2=PH(phone(cc, True)),
        ask=pick(["Write a commit message for this.", "Does the old address still appear in git history?"]))
    return b, "en_US"


def cf_p_diff_allowlist():
    b = B()
    b.t("Review this change to the allowlist:\n\n```diff\n--- a/config/allowlist.txt\n+++ b/config/allowlist.txt\n@@ -1,5 +1,6 @@\n")
    b.f(" # office egress\n {a}\n-{b_}\n+{c}\n+{v6}\n # partner contacts\n-{e1}\n+{e2}\n```",
        a=IP(ipv4(False)), b_=IP(ipv4(False)), c=IP(ipv4(False)), v6=IP(ipv6()), e1=EM(email(domain=pick(CORP))),
        e2=EM(email(domain=pick(CORP))))
    return b, "en_US"


def cf_p_git_log():
    b = B()
    fn, ln = person()
    f2, l2 = person()
    e = email(fn, ln, pick(CORP + DOMAINS))
    gh = f"{R.randint(1000000, 99999999)}+{fn.lower()}{ln.lower()[0]}@users.noreply.github.com"
    b.f("{ask}\n\ncommit {sha}\nAuthor: {n} <{e}>\nDate:   {dt}\n\n    fix(api): stop logging raw phone numbers\n\n"
        "    Reported-by: {n2} <{e2}>\n    Signed-off-by: {n} <{e3}>",
        ask=pick(["Rewrite this commit message in conventional-commit style:", "How do I change the author email on this "
                  "commit?", "git log excerpt; who should review the follow-up?"]),
        sha=SHA(git_sha()), n=f"{fn} {ln}", e=EM(e),
        dt=ts("git"),
        n2=f"{f2} {l2}", e2=EM(gh if chance(0.4) else email(f2, l2)), e3=EM(e))
    return b, "en_US"


def cf_p_compose():
    b = B()
    pw = password(url_safe=True)
    b.f("```yaml\nservices:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n"
        "      POSTGRES_PASSWORD: {pw}\n    ports:\n      - \"{bind}\"\n  api:\n    build: .\n    environment:\n"
        "      DATABASE_URL: {conn}\n      MAIL_FROM: {e}\n    depends_on: [db]\n```\n{ask}",
        pw=PW(pw), bind=LOOP("127.0.0.1:5432:5432"), conn=CONN(f"postgres://app:{pw}@db:5432/app"), e=EM(corp_email("noreply")),
        ask=pick(["api starts before db is ready, how do I fix that?", "How do I move the password out of this file?"]))
    return b, "en_US"


def cf_p_tfvars():
    b = B()
    b.f("terraform.tfvars (please tell me if this is OK to keep in the repo):\n\n```hcl\naws_access_key = \"{ak}\"\n"
        "aws_secret_key = \"{sk}\"\nbastion_ip     = \"{ip}\"\nadmin_email    = \"{e}\"\ninstance_type  = \"t3.medium\"\n"
        "ami_id         = \"ami-{ami}\"\n```",
        ak=SK("aws"), sk=SK("awssecret"), ip=IP(ipv4(False)), e=EM(email(domain=pick(CORP))), ami=hexs(17))
    return b, "en_US"


def cf_p_ssh_pem():
    b = B()
    b.f("~/.ssh/config:\n```\nHost bastion\n    HostName {ip}\n    User deploy\n    Port {pt}\n"
        "    IdentityFile ~/.ssh/id_ed25519\n```\nand the key it points to — is the format right? ssh says `invalid format`.\n"
        "```\n{k}\n```",
        ip=IP(ipv4(False)), pt=PORT(str(R.randint(2200, 2299))), k=PEM_(pem(pick(["OPENSSH PRIVATE KEY", "EC PRIVATE KEY"]))))
    return b, "en_US"


def cf_p_nginx_upstream():
    b = B()
    b.f("```nginx\nupstream api {{\n    server {a}:8080 max_fails=3;\n    server {b_}:8080 backup;\n}}\nserver {{\n"
        "    listen 443 ssl;\n    server_name _;\n    allow {c};\n    allow {v6};\n    deny all;\n}}\n```\n{ask}",
        a=IP(ipv4(True)), b_=IP(ipv4(True)), c=IP(ipv4(False)), v6=IP(ipv6()),
        ask=pick(["Why do I get 403 from my home connection?", "Add health checks to the upstream."]))
    return b, "en_US"


def cf_p_dhcpd():
    b = B()
    b.t("isc-dhcp reservations — the printer keeps getting a random address anyway:\n\n```\n")
    for nm in pick([["printer-2f", "nas"], ["cam-lobby", "printer-3f", "ap-east"]]):
        b.f("host {n} {{\n  hardware ethernet {m};\n  fixed-address {ip};\n}}\n", n=nm, m=MAC(mac(pick(["colon", "colonU"]))),
            ip=IP(ipv4(True)))
    b.t("```")
    return b, "en_US"


def cf_p_pip_conf():
    b = B()
    b.f("pip.conf:\n```ini\n[global]\nindex-url = {u}\ntimeout = 60\n```\n~/.pypirc:\n```ini\n[pypi]\nusername = __token__\n"
        "password = {tok}\n```\n{ask}",
        u=CONN(f"https://{pick(['ci', 'build', 'deploy'])}:{password(url_safe=True)}@pypi.{pick(CORP)}/simple"),
        tok=PW("pypi-" + alnum(R.randint(60, 90), AN + "-_")),
        ask=pick(["twine upload says 403. Which file is wrong?", "How do I keep these out of my dotfiles repo?"]))
    return b, "en_US"


def cf_p_gh_actions():
    b = B()
    b.f("```yaml\nname: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n"
        "      AWS_REGION: eu-west-1\n      AWS_ACCESS_KEY_ID: {ak}\n      AWS_SECRET_ACCESS_KEY: {sk}\n      NOTIFY: {e}\n"
        "    steps:\n      - uses: actions/checkout@v4\n      - run: ./scripts/deploy.sh\n```\n{ask}",
        ak=SK("aws"), sk=SK("awssecret"), e=EM(corp_email("releases")),
        ask=pick(["How do I switch this to OIDC?", "Workflow fails with `InvalidClientTokenId`."]))
    return b, "en_US"


def cf_p_helm_values():
    b = B()
    b.f("values.yaml:\n```yaml\nsmtp:\n  host: {ip}\n  port: 587\n  username: {e}\n  password: {pw}\ningress:\n"
        "  externalUrl: {u}\nreplicaCount: {rc}\nimage:\n  tag: \"{v}\"\n```\n{ask}",
        ip=IP(ipv4(True)), e=EM(corp_email("mailer")), pw=PW(password()), u=URL_(url("https")), rc=R.randint(1, 6),
        v=VER(version().lstrip("v")),
        ask=pick(["How do I pass the password via --set-file instead?", "Template this into a Secret in the chart."]))
    return b, "en_US"


def cf_p_git_remote():
    b = B()
    tok = secret_token(pick(["ghp", "ghpat"]))
    org, repo = pick(["acme", "tidewater-labs", "orbitcrm"]), pick(["api", "infra", "mobile"])
    u = f"https://{pick(['ci-bot', 'deploy', 'oauth2'])}:{tok}@github.com/{org}/{repo}.git"
    b.f("$ git remote -v\norigin\t{u1} (fetch)\norigin\t{u2} (push)\n\n{ask}",
        u1=CONN(u), u2=CONN(u),
        ask=pick(["How do I remove the token from the remote URL without re-cloning?", "Is this token visible to "
                  "anyone who clones the repo?"]))
    return b, "en_US"


# dev_config negatives
def cf_n_env_example():
    b = B()
    b.f("# .env.example — copy to .env and fill in\nDATABASE_URL={a}\nOPENAI_API_KEY={b_}\nSTRIPE_SECRET_KEY={c}\n"
        "AWS_ACCESS_KEY_ID=\nJWT_SECRET={dd}\nPORT=8080\n\nIs it fine to commit this file?",
        a=PLACE("postgres://<user>:<password>@<host>:5432/<db>"), b_=PLACE("YOUR_API_KEY"),
        c=PLACE("sk_live_" + "x" * 24), dd=PLACE("<random-32-bytes>"))
    return b, "en_US"


def cf_n_dockerfile():
    b = B()
    b.f("```dockerfile\nFROM node:{nv}-alpine AS build\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n"
        "FROM nginx:{ng}\nCOPY --from=build /app/dist /usr/share/nginx/html\nEXPOSE 80\n```\nIs the build secret "
        "leaked into the final stage?",
        nv=R.randint(18, 22), ng=VER(f"1.{R.randint(24, 27)}.{R.randint(0, 4)}"))
    return b, "en_US"


def cf_n_k8s():
    b = B()
    b.f("```yaml\n          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n"
        "                  name: db-creds\n                  key: password\n            - name: API_TOKEN\n"
        "              value: {p}\n          ports:\n            - containerPort: 8080\n          resources:\n"
        "            limits: {{ cpu: 500m, memory: 512Mi }}\n          image: api:{v}\n```\nWhy does the pod see the "
        "literal string instead of the token?",
        p=PLACE("\"${API_TOKEN}\""), v=VER(version().lstrip("v")))
    return b, "en_US"


def cf_n_diff_version():
    b = B()
    b.f("```diff\n--- a/package.json\n+++ b/package.json\n@@ -2,7 +2,7 @@\n   \"name\": \"web\",\n-  \"version\": \"{a}\",\n"
        "+  \"version\": \"{b_}\",\n   \"private\": true,\n--- a/.github/workflows/ci.yml\n+++ b/.github/workflows/ci.yml\n"
        "-      - uses: actions/setup-node@{s1}\n+      - uses: actions/setup-node@{s2}\n```\nWrite the changelog entry.",
        a=VER(f"2.{R.randint(0, 9)}.{R.randint(0, 9)}"), b_=VER(f"2.{R.randint(10, 19)}.0"), s1=SHA(git_sha()), s2=SHA(git_sha()))
    return b, "en_US"


def cf_n_compose():
    b = B()
    b.f("```yaml\nservices:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: {p}\n    ports:\n"
        "      - \"{bind}\"\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n      interval: 5s\n```\n"
        "What does the :? syntax do?",
        p=PLACE("${POSTGRES_PASSWORD:?set it in .env}"), bind=LOOP("127.0.0.1:5432:5432"))
    return b, "en_US"


def cf_n_terraform():
    b = B()
    b.t("```hcl\nvariable \"db_password\" {\n  type      = string\n  sensitive = true\n}\n\nresource \"aws_db_instance\" \"main\" {\n"
        "  engine         = \"postgres\"\n  engine_version = \"16.3\"\n  instance_class = \"db.t4g.medium\"\n"
        "  password       = ")
    b.n("var.db_password", "placeholder")
    b.t("\n  port           = 5432\n}\n```\nWill the password show up in the plan output?")
    return b, "en_US"


def cf_n_curl_envvar():
    b = B()
    b.t("curl -sS \"$API_BASE/v1/models\" \\\n  -H \"Authorization: Bearer $OPENAI_API_KEY\" \\\n  -H \"OpenAI-Organization: ${ORG_ID}\"\n\n"
        "This prints `Bearer ` with nothing after it. Why is my variable empty inside the script?")
    return b, "en_US"


def cf_n_makefile():
    b = B()
    b.f("```make\nVERSION ?= {v}\nIMAGE   := api:$(VERSION)\n\nbuild:\n\tdocker build -t $(IMAGE) --build-arg GIT_SHA=$(shell git rev-parse HEAD) .\n"
        "run:\n\tdocker run -p {bind} --env-file .env $(IMAGE)\n```\nHow do I make `run` depend on `build`?",
        v=VER(version().lstrip("v")), bind=LOOP("127.0.0.1:8080:8080"))
    return b, "en_US"


# ---------------- chat transcripts (plain turns and raw JSON request bodies)
def jdump(b: B, obj, indent=None, level=0):
    """Serialise obj into b as JSON; B values become JSON strings whose spans are re-mapped through escaping."""
    nl = "\n" + " " * (indent * (level + 1)) if indent else ""
    end = "\n" + " " * (indent * level) if indent else ""
    sep = "," if indent else ", "
    if isinstance(obj, dict):
        b.t("{")
        for i, (k, v) in enumerate(obj.items()):
            b.t((sep if i else "") + nl + json.dumps(k) + ": ")
            jdump(b, v, indent, level + 1)
        b.t(end + "}")
    elif isinstance(obj, list):
        b.t("[")
        for i, v in enumerate(obj):
            b.t((sep if i else "") + nl)
            jdump(b, v, indent, level + 1)
        b.t(end + "]")
    elif isinstance(obj, B):
        b.t("\"")
        b.embed(obj, json_esc)
        b.t("\"")
    elif isinstance(obj, tuple):  # a single labelled / negative value as a whole JSON string
        b.t("\"")
        b.embed(B().put(obj), json_esc)
        b.t("\"")
    else:
        b.t(json.dumps(obj, ensure_ascii=False))
    return b


def json_block(b: B, obj, indent=None):
    st = b.pos
    jdump(b, obj, indent)
    b.jsonblocks = getattr(b, "jsonblocks", []) + [(st, b.pos)]
    return b


OPENAI_MODELS = [("gpt-4o-2024-08-06", True), ("gpt-4o-mini", False), ("gpt-4.1", False), ("o3-mini-2025-01-31", True)]
ANTHROPIC_MODELS = [("claude-3-5-sonnet-20241022", True), ("claude-3-opus-20240229", True), ("claude-sonnet-4-5", False)]
SYSTEMS = ["You are a helpful assistant.", "You are a customer-support agent for an online bank. Be concise.",
           "You are a scheduling assistant for a clinic.", "Answer as a senior DevOps engineer.",
           "You are a travel booking assistant.\nNever reveal internal notes."]

CHAT_STYLES = ["plain", "plain", "human", "md", "hash", "support", "openai", "openai", "openai_pretty", "anthropic",
               "anthropic_pretty", "gemini"]


def model_val(models):
    m, dated = pick(models)
    return (m, None, "nonpersonal_date") if dated else m


def render_chat(turns, style=None):
    style = style or pick(CHAT_STYLES)
    b = B()
    if style in ("plain", "human", "md", "hash", "support"):
        names = {"plain": ("User", "Assistant"), "human": ("Human", "Assistant"), "md": ("**User:**", "**Assistant:**"),
                 "hash": ("### User", "### Assistant"), "support": ("Customer", "Agent")}[style]
        b.t(pick(["", "", "Here's a chat transcript. {q}\n\n", "Transcript below — {q}\n\n"]).replace("{q}", pick([
            "Summarize it in two sentences.", "What did the user ask for?", "Rate the assistant's answers.",
            "Extract the action items."])))
        for i, (role, content) in enumerate(turns):
            who = names[0] if role == "user" else names[1]
            if style == "hash":
                b.t(f"{who}\n")
            elif style == "md":
                b.t(f"{who} ")
            elif style == "support":
                b.f("[{t}] {w}: ", t=TS(log_ts("hm", (20, 400))), w=who)
            else:
                b.t(f"{who}: ")
            b.embed(content, None)
            b.t("\n\n" if style in ("hash", "md", "human") else "\n")
        b.parts[-1] = b.parts[-1].rstrip("\n")
        b.pos = sum(len(p) for p in b.parts)
        return b, style
    indent = 2 if style.endswith("_pretty") or (style == "gemini" and chance(0.5)) else None
    if style.startswith("openai"):
        msgs = [{"role": "system", "content": pick(SYSTEMS)}] if chance(0.7) else []
        msgs += [{"role": r, "content": c} for r, c in turns]
        obj = {"model": model_val(OPENAI_MODELS), "messages": msgs, "temperature": pick([0, 0.2, 0.7, 1])}
    elif style.startswith("anthropic"):
        obj = {"model": model_val(ANTHROPIC_MODELS), "max_tokens": pick([512, 1024, 4096])}
        if chance(0.7):
            obj["system"] = pick(SYSTEMS)
        obj["messages"] = [{"role": r, "content": c} for r, c in turns]
    else:
        obj = {"contents": [{"role": "user" if r == "user" else "model", "parts": [{"text": c}]} for r, c in turns],
               "generationConfig": {"temperature": 0.4}}
    if chance(0.4):
        b.t(pick(["Request body captured by the proxy:\n", "POST /v1/chat body:\n", "payload:\n"]))
    json_block(b, obj, indent)
    return b, style


def ch_contact():
    old, new = email(), email()
    return [("user", sub(pick(["hi, i moved and need to update my contact details", "Can you update my account? New "
                               "email + phone.", "I want to change the email on my profile"]))),
            ("assistant", sub("Of course. What's the new email address?")),
            ("user", sub("it's \"{e}\" (the old one {o} is dead)", e=EM(new), o=EM(old))),
            ("assistant", sub("Thanks — I've noted {e}. And the phone number?", e=EM(new))),
            ("user", sub(pick(["{p}, mobile. you can text", "{p} — landline, no texts please", "mobile: {p}\nbest after 5pm"]),
                         p=PH(us_phone())))]


def ch_travel():
    dep = soon()
    ret = dep + timedelta(days=R.randint(4, 20))
    return [("user", sub("I'm filling in the entry form for my trip, can you check my answers?\nPassport: {pp}\n"
                         "Date of birth: {db}\nArrival: {ar}", pp=PP(us_passport()), db=DT(fmt_en(birth(), "us")),
                         ar=DT(fmt_en(dep, "us")))),
            ("assistant", sub("Looks consistent. Your arrival on {ar} is fine; make sure the passport is valid for at "
                              "least six months after that.", ar=DT(fmt_en(dep, "long")))),
            ("user", sub("and the return flight is {rt} at {tm}", rt=DT(fmt_en(ret, pick(["long", "short"]))), tm=DT(htime())))]


def ch_medical():
    ap = soon()
    return [("user", sub("Hi, this is for my father. MRN: {m}. He has a cardiology appointment on {ad} at {tm}.",
                         m=MRN_(mrn()), ad=DT(fmt_en(ap, pick(["long", "us1"]))), tm=DT(htime()))),
            ("assistant", sub("Thanks. I can see the appointment. Would you like to reschedule?")),
            ("user", sub("yes please, anything after {a2}. his DOB is {db} if you need it",
                         a2=DT(fmt_en(ap + timedelta(days=R.randint(3, 30)), "md")), db=DT(fmt_en(birth(), "us"))))]


def ch_card():
    return [("user", sub(pick(["my card keeps getting declined", "payment failed again!!"]))),
            ("assistant", sub("Sorry to hear that. I can see a card {m} on file. Is that the one?", m=MASK(masked_card()))),
            ("user", sub("no, I replaced it. new one is {c}", c=CC(card()))),
            ("assistant", sub("Thanks. For security, please don't share card numbers in chat; use the secure form at {u}.",
                              u=URL_(url("https"))))]


def ch_debug_secret():
    return [("user", sub("my slack bot doesn't respond to mentions")),
            ("assistant", sub("Can you share how you initialise the client? Please redact tokens.")),
            ("user", sub("oops here:\n```\napp = App(token=\"{k}\", signing_secret=os.environ[\"SLACK_SIGNING_SECRET\"])\n```",
                         k=SK(pick(["slack", "slack_user"])))),
            ("assistant", sub("That token is now exposed — revoke it at {u} first, then use an environment variable.",
                              u=URL_("https://api.slack.com/apps")))]


def ch_crypto():
    a, b_ = btc_bech32(), btc_base58()
    two = [a, b_]
    R.shuffle(two)
    return [("user", sub("which one of these is a segwit address?\n{x}\n{y}", x=CRY(two[0]), y=CRY(two[1]))),
            ("assistant", sub("The one starting with bc1 ({a}) is native SegWit; the other is a legacy address.", a=CRY(a))),
            ("user", sub("cool. and my eth wallet is {e} — can I receive USDC on it?", e=CRY(eth())))]


def ch_uk_nhs():
    return [("user", sub("the GP surgery form wants my NHS number, is this the right format: {n}?", n=NHS_(nhs()))),
            ("assistant", sub("Yes — NHS numbers are 10 digits, usually written 3-3-4 like that.")),
            ("user", sub("great. and they want a mobile, mine's {p}", p=PH(phone("GB", None, True))))]


def ch_tax():
    return [("user", sub("help me fill in the refund section of my return")),
            ("assistant", sub("Sure. I'll need the routing and account number for direct deposit.")),
            ("user", sub("routing {r}, account {a}, checking. my SSN is {s}", r=ABA_(aba()), a=BANK(bank_acct()),
                         s=SSN_(ssn())))]


def ch_network():
    gw = f"192.168.{R.randint(0, 9)}.1"
    return [("user", sub("my laptop can't get online on the office wifi")),
            ("assistant", sub("What IP address does it show, and what's the Wi-Fi adapter's MAC address?")),
            ("user", sub("IP is {ip}, MAC {m}. default gateway {g}", ip=IP(f"192.168.{gw.split('.')[2]}.{R.randint(20, 250)}"),
                         m=MAC(mac()), g=IP(gw))),
            ("assistant", sub("Since you have an address, try `ping {g}` and then `ping {lo}` to rule out the stack.",
                              g=IP(gw), lo=LOOP("127.0.0.1")))]


def ch_email_draft():
    e, p = email(), us_phone(ext=False)
    x = soon()
    y = x + timedelta(days=R.randint(1, 9))
    tm = htime()
    return [("user", sub("Draft an email to {e} asking to move our meeting from {a} to {b_} at {t}. Sign it with my number {p}.",
                         e=EM(e), a=DT(fmt_en(x, "md")), b_=DT(fmt_en(y, "md")), t=DT(tm), p=PH(p))),
            ("assistant", sub("Subject: Rescheduling our meeting\n\nHi,\n\nWould it be possible to move our meeting from "
                              "{a} to {b_} at {t}?\n\nBest regards,\n{p}", a=DT(fmt_en(x, "md")), b_=DT(fmt_en(y, "md")),
                              t=DT(tm), p=PH(p)))]


def ch_insurance():
    return [("user", sub("I'm on Medicare. MBI is {m}. My supplemental plan member ID is {h}.", m=MBI_(mbi()),
                         h=HPID(member_id()))),
            ("assistant", sub("Thanks. Do you want me to check whether the claim was crossed over to the supplemental plan?")),
            ("user", sub("yes, date of service was {d}", d=DT(fmt_en(rdate(2025, 2025), pick(["us", "long"])))))]


def ch_translation():
    x = soon()
    p, e = phone(pick(["ES", "US"]), True), email()
    return [("user", sub("Translate to Spanish:\n\"Please call me at {p} or write to {e} before {d}.\"",
                         p=PH(p), e=EM(e), d=DT(fmt_en(x, "long")))),
            ("assistant", sub("\"Por favor, llámame al {p} o escríbeme a {e} antes del {d}.\"", p=PH(p), e=EM(e),
                              d=DT(fmt_loc(x, "es", "word"))))]


def ch_summarize_ticket():
    e, ip, m = email(), ipv4(False), mac()
    since = pick(["yesterday", "last Monday", "this morning", "two days ago"])
    return [("user", sub("summarize this ticket for the handoff:\n\nCustomer {e} reports login failures from {ip} since "
                         "{d}. Device MAC {m}. Ticket {t}.", e=EM(e), ip=IP(ip), d=since, m=MAC(m),
                         t=TKT(ticket_no()))),
            ("assistant", sub("- Who: {e}\n- What: login failures from {ip} (device {m})\n- Since: {d}",
                              e=EM(e), ip=IP(ip), m=MAC(m), d=since))]


def ch_tool_call():
    b = B()
    cid = "call_" + alnum(24)
    e, p = email(), us_phone(ext=False)
    args = sub("{{\"email\":\"{e}\",\"phone\":\"{p}\"}}", e=EM(e), p=PH(p))
    obj = {"model": model_val(OPENAI_MODELS), "messages": [
        {"role": "system", "content": "You are a CRM assistant. Use tools to change records."},
        {"role": "user", "content": sub("Please update my contact: {e}, {p}", e=EM(e), p=PH(p))},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": cid, "type": "function", "function": {"name": "update_contact", "arguments": args}}]},
        {"role": "tool", "tool_call_id": cid, "content": sub("{{\"status\":\"ok\",\"customer_id\":{c}}}", c=R.randint(1000, 99999))}],
        "tools": [{"type": "function", "function": {"name": "update_contact", "parameters": {
            "type": "object", "properties": {"email": {"type": "string"}, "phone": {"type": "string"}}}}}]}
    json_block(b, obj, pick([None, 2]))
    return b


def ch_pem():
    return [("user", sub(pick(["why does ssh say `invalid format` for this key?", "is this key encrypted? it doesn't ask "
                               "for a passphrase"]) + "\n```\n{k}\n```", k=PEM_(pem(pick(["OPENSSH PRIVATE KEY", "RSA PRIVATE KEY"]), R.randint(3, 5))))),
            ("assistant", sub("You've just posted a private key — treat it as compromised and generate a new pair with "
                              "`ssh-keygen -t ed25519`. The format error usually means Windows line endings.")),
            ("user", sub("ok. the server is {ip} if that matters", ip=IP(ipv4(False))))]


CHAT_POS = [ch_pem, ch_contact, ch_travel, ch_medical, ch_card, ch_debug_secret, ch_crypto, ch_uk_nhs, ch_tax, ch_network,
            ch_email_draft, ch_insurance, ch_translation, ch_summarize_ticket]


_STYLE_ORDER = []


def next_style():
    """Cycle through the chat renderings so every style is used (order shuffled once per pass)."""
    if not _STYLE_ORDER:
        order = sorted(set(CHAT_STYLES))
        R.shuffle(order)
        _STYLE_ORDER.extend(order)
    return _STYLE_ORDER.pop()


def chat_row(scn):
    def fn():
        b, style = render_chat(scn(), next_style())
        return b, "en_GB" if scn is ch_uk_nhs else "en_US", style
    fn.__name__ = "ch_p_" + scn.__name__[3:]
    return fn


def ch_p_tool_call():
    return ch_tool_call(), "en_US", "openai_tools"


# chat negatives
def chn_code_help():
    return [("user", sub("why does `[\"1\", \"2\", \"3\"].map(parseInt)` return `[1, NaN, NaN]`?")),
            ("assistant", sub("`map` passes (value, index), so parseInt(\"2\", 1) and parseInt(\"3\", 2) are NaN. Use "
                              "`.map(Number)` or `.map(s => parseInt(s, 10))`.")),
            ("user", sub("thanks! and in Python {v}?", v=VER(f"3.{R.randint(10, 13)}.{R.randint(0, 9)}")))]


def chn_math():
    p = R.randint(300, 2500) + R.randint(0, 99) / 100
    t = pick([6.25, 7.5, 8.25, 8.875])
    return [("user", sub("if a laptop costs ${p:,.2f} and sales tax is {t}%, what's the total?", p=p, t=t)),
            ("assistant", sub("${tot:,.2f} (${p:,.2f} + ${x:,.2f} tax).", tot=round(p * (1 + t / 100), 2), p=p,
                              x=round(p * t / 100, 2))),
            ("user", sub("and split over 12 months at 0% apr?")),
            ("assistant", sub("About ${m:,.2f} per month.", m=round(p * (1 + t / 100) / 12, 2)))]


def chn_placeholders():
    return [("user", sub("where do I put my api key for the SDK?")),
            ("assistant", sub("Put it in an environment variable, e.g. add `OPENAI_API_KEY={a}` to your .env, or run "
                              "`export OPENAI_API_KEY=\"{b_}\"`. In CI use `{c}`.", a=PLACE("YOUR_API_KEY"),
                              b_=PLACE("sk-..."), c=PLACE("${{ secrets.OPENAI_API_KEY }}"))),
            ("user", sub("and the password field in the config just says {p}?", p=PLACE("<password>")))]


def chn_history():
    return [("user", sub("When did the Berlin Wall fall?")),
            ("assistant", sub("On {d}.", d=REL("November 9, 1989"))),
            ("user", sub("and when did the GDPR start to apply?")),
            ("assistant", sub("On {d}, two years after it entered into force.", d=REL(pick(["25 May 2018", "May 25, 2018"]))))]


def chn_masked():
    return [("user", sub("why does my statement show {a} and my tax form {b_}?", a=MASK(f"****{d(4)}"),
                         b_=MASK(f"***-**-{d(4)}"))),
            ("assistant", sub("Those are masked values — only the last four digits are shown so the full numbers never "
                              "appear on paper. Reference {t} if you call support.", t=TKT(ticket_no())))]


def chn_weather():
    return [("user", sub("what's the forecast for this weekend at the campsite? coordinates {c}", c=coords())),
            ("assistant", sub("Saturday {lo}–{hi} °C with showers after 3 pm; Sunday dry.", lo=R.randint(5, 12),
                              hi=R.randint(13, 22)))]


def chn_versions():
    return [("user", sub("upgrading from {a} to {b_} broke my venv: `ModuleNotFoundError: No module named 'distutils'`",
                         a=VER(f"3.11.{R.randint(1, 9)}"), b_=VER(f"3.12.{R.randint(1, 9)}"))),
            ("assistant", sub("distutils was removed in 3.12. Install setuptools >= {s} or upgrade the package that imports it.",
                              s=VER(f"6{R.randint(5, 9)}.0")))]


def chn_recipe():
    return [("user", sub(pick(["how long do i boil eggs for jammy yolks?", "substitute for buttermilk in pancakes?"]))),
            ("assistant", sub(pick(["6 and a half minutes from boiling, then straight into ice water.",
                                    "Mix 240 ml milk with 1 tbsp lemon juice and let it sit 5 minutes."]))),
            ("user", sub("and for 4 servings?"))]


def chn_release():
    return [("user", sub("When did iOS 18 come out and how long will my phone get updates?")),
            ("assistant", sub("iOS 18 was released on {d}. Apple usually supports devices for 5–7 years.",
                              d=REL("September 16, 2024"))),
            ("user", sub("and the deadline for the tax filing this year is {d}?", d=REL("April 15, 2025")))]


CHAT_NEG = [chn_code_help, chn_math, chn_placeholders, chn_history, chn_masked, chn_weather, chn_versions, chn_recipe,
            chn_release]


def chat_neg_row(scn):
    def fn():
        b, style = render_chat(scn(), next_style())
        return b, "en_US", style
    fn.__name__ = "ch_n_" + scn.__name__[4:]
    return fn


# ---------------- e-mail threads
def signature(b: B, fn, ln, org=None, style=None):
    org = org or pick(["Tidewater Labs", "Northwind Traders", "Lakeshore Health", "Quill Pay", "Orbit CRM"])
    dom = pick(CORP)
    style = style or pick(["pipes", "lines", "labels", "dashes"])
    title = pick(["Account Manager", "Office Manager", "Senior Engineer", "Head of Finance", "Practice Coordinator"])
    tel, fax, mob = us_phone(ext=chance(0.4)), us_phone(ext=False), us_phone(ext=False)
    web = pick([f"www.{dom}", f"https://{dom}", f"https://www.{dom}/contact"])
    if style == "pipes":
        b.f("\n\n--\n{n} | {ti} | {o}\nT: {t} | F: {f} | M: {m}\n{w}", n=f"{fn} {ln}", ti=title, o=org, t=PH(tel),
            f=PH(fax), m=PH(mob), w=URL_(web))
    elif style == "lines":
        b.f("\n\nBest regards,\n{n}\n{ti}, {o}\nTel. {t}\nFax {f}\nMobile {m}\n{w}", n=f"{fn} {ln}", ti=title, o=org,
            t=PH(tel), f=PH(fax), m=PH(mob), w=URL_(web))
    elif style == "labels":
        b.f("\n\nThanks,\n{n}\n\nphone: {t}\nfax: {f}\ncell: {m}\nemail: {e}\nweb: {w}", n=fn, t=PH(tel), f=PH(fax),
            m=PH(mob), e=EM(f"{fn.lower()}.{ln.lower()}@{dom}"), w=URL_(web))
    else:
        b.f("\n\n-- \n{n}\n{o}\n☎ {t} · 📠 {f} · 📱 {m}\n🌐 {w}", n=f"{fn} {ln}", o=org, t=PH(tel), f=PH(fax), m=PH(mob),
            w=URL_(web))


def email_date():
    """Message dates step backwards through a thread (newest first)."""
    CLOCK.e -= timedelta(hours=R.randint(2, 70), minutes=R.randint(0, 59), seconds=R.randint(0, 59))
    CLOCK.header_dates += 1
    return TS(fmt_ts(CLOCK.e, pick(["rfc2822", "outlook"])))


def em_p_fwd_sig():
    b = B()
    fn, ln = person()
    f2, l2 = person()
    b.f("{ask}\n\n---------- Forwarded message ---------\nFrom: {n} <{e}>\nDate: {dt}\nSubject: {subj}\nTo: {to}\n\n"
        "Hi {f2},\n\n{body}",
        ask=pick(["Can you draft a reply to this? Keep it short.", "FYI — what should we answer?", "Fwd below, please summarise."]),
        n=f"{fn} {ln}", e=EM(email(fn, ln, pick(CORP))), dt=email_date(), subj=pick(["Contract renewal", "Site visit",
                                                                                        "Open invoice", "Quick question"]),
        to=EM(email(f2, l2, pick(CORP))), f2=f2,
        body=sub(pick(["following up on our call — the revised quote is attached. Happy to walk through it.",
                       "we'd like to schedule the site visit. Let me know which days work for your team.",
                       "the invoice is still open on our side. Could you check with accounts payable?"])))
    signature(b, fn, ln)
    return b, "en_US"


def em_p_quoted_chain():
    b = B()
    a, c = person(), person()
    ea, ec = email(*a), email(*c)
    ph = us_phone()
    h = R.randint(8, 15)
    w1, w2 = pick([(f"{h}:00", f"{h + 2}:00"), (f"{(h - 1) % 12 + 1} {'am' if h < 12 else 'pm'}", f"{(h + 1) % 12 + 1} {'am' if h + 2 < 12 else 'pm'}")])
    b.f("Subject: Re: Re: moving the delivery\n\nSounds good, {cf} — see you then.\n\nOn {dt}, {an} <{ea}> wrote:\n"
        "> Thanks! Can your driver call me at {p} when he's 10 minutes out?\n>\n> On {dt2}, {cn} <{ec}> wrote:\n"
        "> > We can move the delivery to {dd} between {t1} and {t2}. Does that work?\n> >\n"
        "> > > Original order {o}; my new number is {p2} and the old one is out of service.",
        cf=c[0], dt=email_date(), an=f"{a[0]} {a[1]}", ea=EM(ea), p=PH(ph), dt2=email_date(), cn=f"{c[0]} {c[1]}",
        ec=EM(ec), dd=DT(fmt_en(soon(), pick(["long", "us", "dmy"]))), t1=DT(w1), t2=DT(w2),
        o=ORD(order_no()), p2=PH(ph))
    return b, "en_US"


def em_p_outlook():
    b = B()
    fn, ln = person()
    f2, l2 = person()
    b.f("{ask}\n\nFrom: {n} <{e}>\nSent: {dt}\nTo: {to}\nCc: {cc}\nSubject: RE: onboarding documents\n\n"
        "Hi {f2}, I've attached the signed forms. My start date is {sd} and you can reach me on my personal mobile "
        "{p} until then.",
        ask=pick(["Please extract the start date and contact details.", "Draft a welcome reply."]),
        n=f"{fn} {ln}", e=EM(email(fn, ln)), dt=email_date(), to=EM(email(f2, l2, pick(CORP))),
        cc=EM(corp_email("hr")), f2=f2, sd=DT(fmt_en(soon(), pick(["long", "us", "dmy"]))), p=PH(us_phone(ext=False)))
    signature(b, fn, ln, style=pick(["lines", "pipes"]))
    return b, "en_US"


def em_p_booking():
    b = B()
    fn, ln = person()
    ap = soon()
    b.f("Subject: Your appointment is confirmed\n\nDear {f},\n\nthis confirms your appointment with Dr. {doc} on {d} at "
        "{t}. Confirmation code {cf}. If you need to reschedule, reply to this e-mail or call {p}.\n\n"
        "Please arrive 15 minutes early.\n\n> {q}\n\n{ask}",
        f=fn, doc=pick(LAST), d=DT(fmt_en(ap, pick(["long", "dmy", "us"]))), t=DT(htime()), cf=N("conf")(alnum(6, UP + DIG)),
        p=PH(us_phone(ext=True)), q=pick(["Can I bring my insurance card on the day?", "Is there parking on site?"]),
        ask=pick(["Write a short reply confirming I'll attend.", "Add this to my calendar — what details do you need?"]))
    return b, "en_US"


def em_p_invoice_iban():
    b = B()
    fn, ln = person()
    cc = pick(["DE", "NL", "FR", "BE", "AT", "IE", "GB"])
    b.f("Subject: Invoice {inv} — payment details\n\nHello,\n\nplease find invoice {inv2} for {amt} attached. Kindly "
        "transfer the amount to\n\nIBAN: {ib}\nBIC: {bc}\nReference: {inv3}\n\nOur VAT ID is {vat}. Payment terms: "
        "30 days net.",
        inv=INV(invoice_no()), inv2=INV(invoice_no()), amt=PRICE(f"EUR {R.randint(200, 20000):,}.{d(2)}"), ib=IB(iban(cc, True)), bc=BIC_(bic(cc)),
        inv3=INV(invoice_no()), vat=N("vat")(f"{cc}{d(9)}"))
    signature(b, fn, ln)
    b.t("\n\n" + pick(["Is this legit or a fake-invoice scam?", "Create a payment entry for this.",
                        "Our records show a different IBAN for this supplier. What should I ask them?"]))
    return b, "en_US"


def em_p_hr_offer():
    b = B()
    fn, ln = person()
    b.f("Subject: Re: Offer — next steps\n\n> Please confirm your start date and a personal e-mail for the payroll portal.\n\n"
        "Hi! Confirming I can start on {sd}. Personal e-mail: {e}. Mobile: {p}. My date of birth for the background check "
        "is {db}.\n\nThanks,\n{f}",
        sd=DT(fmt_en(soon(), pick(["long", "us"]))), e=EM(email(fn, ln)), p=PH(us_phone(ext=False)),
        db=DT(fmt_en(birth(), pick(["us", "long"]))), f=fn)
    return b, "en_US"


def em_p_helpdesk():
    b = B()
    fn, ln = person()
    b.f("Subject: [{t}] VPN disconnects every 10 minutes\n\n{f} wrote:\n> My laptop is {host}, Wi-Fi MAC {m}, it gets "
        "{ip} from the hotel network. The VPN client is {v}.\n\nHi {f}, thanks. Can you also send the output of "
        "`ipconfig /all`? Our gateway is {gw}.\n\n— IT Service Desk, {p}",
        t=TKT(ticket_no()), f=fn, host=f"LT-{alnum(6, UP + DIG)}", m=MAC(mac()), ip=IP(ipv4(True)), v=VER(version()),
        gw=IP(ipv4(False)), p=PH(us_phone(ext=True)))
    return b, "en_US"


def em_p_mailing_list():
    b = B()
    lst = f"{pick(['dev', 'users', 'announce'])}@lists.{pick(CORP)}"
    b.f("{ask}\n\n[{ln}] Digest, Vol {vol}, Issue {iss}\n\nSend submissions to\n\t{l1}\nTo unsubscribe, visit\n\t{u1}\n"
        "or send 'help' to\n\t{l2}\n\nToday's topics:\n  1. Re: migration guide ({a})\n  2. build failing on arm64 ({b_})",
        ask=pick(["Which thread should I read first?", "Summarize this digest."]), ln=lst.split("@")[0].title(),
        vol=R.randint(10, 99), iss=R.randint(1, 40), l1=EM(lst), u1=URL_(f"https://lists.{lst.split('@lists.')[1]}/mailman/listinfo/{lst.split('@')[0]}"),
        l2=EM(lst.replace("@", "-request@")), a=EM(email()), b_=EM(email()))
    return b, "en_US"


def em_p_phishing():
    b = B()
    b.f("Got this, looks fake? Forwarding:\n\n> From: Account Security <{fr}>\n> Subject: Unusual sign-in activity\n>\n"
        "> We detected a sign-in from {ip}. If this wasn't you, verify your account within 24 hours at\n> {u}\n"
        "> or call our fraud line {p}. To avoid suspension, a verification fee of 0.002 BTC must be sent to\n> {w}\n\n"
        "Should I report it?",
        fr=EM(f"security-alert@{pick(['paypa1-support', 'micros0ft-verify', 'amaz0n-billing'])}.com"), ip=IP(ipv4(False)),
        u=URL_(f"http://{pick(['secure-login', 'verify-account', 'account-check'])}.{alnum(6, LOW)}.com/auth/{alnum(10, LOW + DIG)}"),
        p=PH(us_phone(ext=False)), w=CRY(btc()))
    return b, "en_US"


def em_p_referral():
    b = B()
    fn, ln = person()
    b.f("Subject: Referral — {f} {l}\n\nDear colleague,\n\nI am referring {f} {l} (DOB {db}, MRN {m}) for an "
        "orthopaedic opinion. Imaging from {id} is on PACS. Please fax the appointment letter to {fx} or call the "
        "clinic on {ph}.\n\nKind regards\nDr {dr}\n\n{ask}",
        f=fn, l=ln, db=DT(fmt_en(birth(), pick(["us", "dmy", "uk"]))), m=MRN_(mrn()),
        id=DT(fmt_en(rdate(2025, 2025), pick(["us", "dmy"]))), fx=PH(us_phone(ext=False)), ph=PH(us_phone(ext=True)),
        dr=pick(LAST), ask=pick(["Turn this into a structured referral form.", "What's missing from this referral?"]))
    return b, "en_US"


def em_p_wire_change():
    b = B()
    fn, ln = person()
    b.f("Subject: Updated banking details\n\nHi team,\n\nplease note our bank details have changed effective "
        "immediately. New account number: {a}, routing number {r} ({bk}). Please confirm by calling me at {p}.\n\n"
        "{n}\n{e}\n\n{ask}",
        a=BANK(bank_acct(10, 14)), r=ABA_(aba()), bk=pick(["Pinecrest Bank", "Summit National Bank", "Bayview Savings"]),
        p=PH(us_phone(ext=False)), n=f"{fn} {ln}", e=EM(email(fn, ln, pick(CORP))),
        ask=pick(["Our policy says to verify via a known number. Draft the verification e-mail.", "Red flags?"]))
    return b, "en_US"


def em_p_uk_gp():
    b = B()
    fn, ln = person()
    b.f("Subject: repeat prescription\n\nHello,\n\ncould I please request my repeat prescription? NHS number {n}, date of "
        "birth {db}. I've moved, new mobile {p}.\n\nMany thanks,\n{f} {l}\n\n{ask}",
        n=NHS_(nhs()), db=DT(fmt_en(birth(), pick(["uk", "dmy"]))), p=PH(phone("GB", None, True)), f=fn, l=ln,
        ask=pick(["Proofread this for me.", "Make it a bit more formal."]))
    return b, "en_GB"


def em_p_temp_password():
    b = B()
    fn, ln = person()
    b.f("Subject: Re: account locked\n\n> Your temporary password is {pw} — please change it at first login at {u}\n\n"
        "IT sent me this in plain text. Isn't that bad practice? My username is {e}.",
        pw=PW(password()), u=URL_(url("https")), e=EM(email(fn, ln, pick(CORP))))
    return b, "en_US"


def em_p_itinerary():
    b = B()
    fn, ln = person()
    dep = soon()
    b.f("---------- Forwarded message ---------\nFrom: {ag} <{ae}>\nSubject: Itinerary {pnr}\n\nTraveller: {L}/{F} MR\n"
        "Passport: {pp}\nOutbound: {fl1} {d1} dep {t1}\nReturn: {fl2} {d2} dep {t2}\nTicket {tk}\n\n"
        "Check this against my calendar please.",
        ag=pick(["Globetrotter Travel", "Blue Sky Agency"]), ae=EM(corp_email("bookings", pick(["globetrotter-travel.com", "blueskyagency.co.uk"]))), pnr=N("pnr")(alnum(6, UP)),
        L=ln.upper(), F=fn.upper(), pp=PP(us_passport()), fl1=f"{pick(['UA', 'BA', 'LH', 'DL'])}{R.randint(10, 999)}",
        d1=DT(fmt_en(dep, pick(["dmy", "short"]))), t1=DT(htime(True)), fl2=f"{pick(['UA', 'BA', 'LH', 'DL'])}{R.randint(10, 999)}",
        d2=DT(fmt_en(dep + timedelta(days=R.randint(3, 15)), pick(["dmy", "short"]))), t2=DT(htime(True)),
        tk=N("ticket")(f"{R.randint(1, 9)}{R.randint(10, 99)}-{d(10)}"))
    return b, "en_US"


def em_p_hardwrap():
    b = B()
    fn, ln = person()
    cc = pick(["DE", "NL", "FR", "BE", "GB", "IE", "AT"])
    b.f("Subject: Re: deposit for the flat\n\n")
    st = b.pos
    b.f("Hi {f}, thanks for confirming the viewing on {vd}. As discussed, please transfer the deposit of {amt} to my "
        "account {ib} by the end of the week and send the receipt to {e}. If anything is unclear you can reach me "
        "on {p} in the evenings, or on {p2} during the day. Best, {me}",
        f=pick(FIRST), vd=DT(fmt_en(soon(), pick(["long", "dmy"]))), amt=PRICE(f"EUR {R.randint(500, 3000)}"),
        ib=IB(group4(iban_make(cc, iban_bban(cc)))), e=EM(email(fn, ln)), p=PH(phone(pick(["GB", "DE", "NL"]), True, True)),
        p2=PH(phone(pick(["GB", "IE"]), True, False)), me=fn)
    en = b.pos
    ib_span = next(sp for sp in b.spans if sp["label"] == "IBAN_CODE")
    widths = list(range(56, 79))
    R.shuffle(widths)
    if not any(b.hardwrap(st, en, w, (ib_span["start"], ib_span["end"])) for w in widths):
        b.hardwrap(st, en, 72)
    b.t("\n\n" + pick(["This mail was hard-wrapped by the client. Reformat it into normal paragraphs.",
                         "Is the IBAN complete? It looks cut off.", "Extract the payment details."]))
    return b, "en_GB"


# e-mail negatives
def em_n_release_notes():
    b = B()
    rv = version()
    b.f("Subject: Release {v} is out\n\nHi all,\n\n{v2} shipped on {rd}. Highlights: faster cold starts, new export API, "
        "and {n} bug fixes. The next release is planned for {nd}; feature freeze two weeks before.\n\nSee ticket {t} for "
        "the rollout plan.",
        v=VER(rv), v2=VER(rv), rd=REL(fmt_en(rdate(2025, 2025), pick(["long", "dmy"]))), n=R.randint(5, 60),
        nd=REL(fmt_en(rdate(2025, 2026), "long")), t=TKT(ticket_no()))
    return b, "en_US"


def em_n_meeting():
    b = B()
    b.f("Subject: Notes — platform sync\n\n- Q3 planning deadline is {dl} (all teams)\n- Budget {amt} approved for "
        "the observability work\n- {t1} and {t2} move to the next sprint\n- Incident review for {inc} on Thursday\n\n"
        "Turn these notes into a status update.",
        dl=REL(fmt_en(date(2025, 9, 30), pick(["long", "iso"]))), amt=PRICE(price()), t1=TKT(ticket_no()), t2=TKT(ticket_no()),
        inc=TKT(f"INC{d(7)}"))
    return b, "en_US"


def em_n_masked():
    b = B()
    b.f("Subject: Your order has shipped\n\nOrder {o} was charged to the card {m}. Tracking number {tr}. Total {amt}. "
        "Your account {a} will show the refund for item {sku} within 5–7 business days.\n\nWhy are there two charges "
        "on my statement?",
        o=ORD(order_no()), m=MASK(masked_card()), tr=TRK(tracking_no()), amt=PRICE(price()), a=MASK(f"****{d(4)}"),
        sku=N("sku")(f"SKU-{alnum(6, UP + DIG)}"))
    return b, "en_US"


def em_n_thread():
    b = B()
    b.f("Subject: Re: office move\n\n> {a} wrote:\n> Are we still moving in Q4?\n\nYes, the lease starts {ls}. Floor plan v{v} is "
        "final; desks are numbered 1-{n}. Please label your boxes with your desk number.",
        a=pick(FIRST), ls=REL(pick(["in October", "on the first of October"])), v=f"{R.randint(2, 6)}.{R.randint(0, 9)}",
        n=R.randint(40, 120))
    return b, "en_US"


def em_n_invoice_summary():
    b = B()
    b.f("Subject: Monthly summary\n\nInvoices {i1}, {i2} and {i3} were paid; {i4} is overdue ({amt}). Our BIC is {bc}. "
        "Reminder: the fiscal year closes {fy}. Purchase order {po}.\n\nCan you draft the overdue reminder?",
        i1=INV(invoice_no()), i2=INV(invoice_no()), i3=INV(invoice_no()), i4=INV(invoice_no()), amt=PRICE(price()),
        bc=BIC_(bic()), fy=REL("on 31 March"), po=ORD(f"PO-{d(6)}"))
    return b, "en_US"


def em_n_outage():
    b = B()
    b.f("Subject: Incident report {inc}\n\nTimeline (UTC):\n{t1} alerts fired for p99 latency\n{t2} failover to the "
        "secondary region\n{t3} resolved\nRoot cause: connection-pool exhaustion after deploy {v} (commit {sha}).\n\n"
        "Write the customer-facing summary.",
        inc=TKT(f"INC{d(7)}"), t1=ts("iso"), t2=ts("iso"), t3=ts("iso"), v=ver(), sha=SHA(git_sha(12)))
    return b, "en_US"


def em_n_policy():
    b = B()
    b.f("Subject: Reminder — security training\n\nAll staff must complete the annual training by {dl}. Passwords "
        "must be at least 14 characters and rotated every {n} days. Never send a password by e-mail; use the vault. "
        "Policy ID {pid}, version {v}.",
        dl=REL(fmt_en(rdate(2025, 2025), "long")), n=pick([90, 180, 365]), pid=N("policy")(f"SEC-POL-{d(3)}"), v=ver())
    return b, "en_US"


def em_n_newsletter():
    b = B()
    b.f("Subject: This week at the makerspace\n\nWorkshop sign-ups open Monday. Laser cutter maintenance is complete "
        "(firmware {fw}). Membership stays at {p}/month. The makerspace opened its doors on {rd} — ten years ago!\n\n"
        "Rewrite this in a friendlier tone.",
        fw=IPVER(ipv4_version()), p=PRICE(price()), rd=REL(fmt_en(rdate(2015, 2015), "long")))
    return b, "en_US"


# ---------------- informal text
def in_p_sms_number():
    b = B()
    fn = pick(FIRST)
    b.f(pick(["hey its {f}, new numbr {p} txt me when ur here", "{f} here!! my number changed → {p}",
              "yo save my new # {p} (old one's dead)", "k call me {p} after 6", "my numbr is {p}. dont give it to ppl pls",
              "new phone who dis 😂 jk its {f}, {p}", "📲 {p} ← new number!!", "txt me 👉 {p} 👈"]),
        f=fn, p=PH(us_phone(ext=False)))
    return b, "en_US"


def in_p_email_typo():
    b = B()
    b.f(pick(["pls emial me at {e}!!", "my emal is {e} , send the pics there", "u can reach me on {e}?? or should i use "
              "the work one", "e-mail: {e}.", "shoot me an email → {e} 🙏", "emial {e} not my gmail plz"]),
        e=EM(email()))
    return b, "en_US"


def in_p_obfuscated():
    b = B()
    fn, ln = person()
    b.f(pick(["my email is {e} (spam bots lol)", "contact: {e}", "write to me — {e} — i check it daily",
              "reach out at {e}, thx"]),
        e=EMO(obf_email(fn, ln)))
    return b, "en_US"


def in_p_emoji():
    b = B()
    style = R.randint(0, 3)
    if style == 0:
        b.f("📞 {p}\n📧 {e}\n✌️", p=PH(us_phone(ext=False)), e=EM(email()))
    elif style == 1:
        b.f("call me 📱{p}📱 anytime", p=PH(us_phone(ext=False)))
    elif style == 2:
        b.f("{e}😊 thats me, add me on the list pls", e=EM(email()))
    else:
        b.f("✨new number✨ {p}‼️ and my email's still {e}💌", p=PH(phone(pick(["GB", "AU", "IE"]), True)), e=EM(email()))
    return b, pick(["en_US", "en_GB"])


def in_p_quotes():
    b = B()
    b.f(pick(["(my cell is “{p}”)", "send it to ‘{e}’, not the work one", "ok so the address is [{e}]",
              "his number is \"{p}\"? or was it different", "it's '{e}'."]),
        p=PH(us_phone(ext=False)), e=EM(email()))
    return b, "en_US"


def in_p_wrapped():
    b = B()
    k = R.randint(0, 2)
    if k == 0:
        c = card_digits(pick(["visa", "mc", "disc"]))
        g = group_card(c, " ")
        wrapped = g[:9] + "\n" + g[10:]
        b.f("hi can u update the card on file its {c}\nexp is on the back lol", c=CC(wrapped))
    elif k == 1:
        cc = pick(["DE", "NL", "GB", "FR"])
        g = group4(iban_make(cc, iban_bban(cc)))
        cut = 14
        b.f("iban for the refund:\n{x}\nthanks!!", x=IB(g[:cut] + "\n" + g[cut + 1:]))
    else:
        a, e, n = nanp()
        p = pick([f"+44 7{d(3)}\n{d(6)}", f"+49 151\n{d(8)}", f"({a}) {e}\n{n}", f"+1 {a}\n{e} {n}"])
        b.f("my new number is {p}\ntext first pls", p=PH(p))
    return b, "en_US"


def in_p_bday():
    b = B()
    x = birth()
    b.f(pick(["bday is {d} lol dont forget", "dob {d}", "my birthday's {d}🎂 party at mine", "born {d}, yes im old"]),
        d=DT(fmt_en(x, pick(["us2", "md", "us1", "long"]))))
    return b, "en_US"


def in_p_card():
    b = B()
    b.f(pick(["my card is {c} and it keeps getting declined??", "card num {c} — why does it say invalid!",
              "ok heres the card {c}, charge the deposit pls", "use {c}. thx"]),
        c=CC(card()))
    return b, "en_US"


def in_p_ssn():
    b = B()
    b.f(pick(["the form wants my social, its {s}, is that safe to put on the app", "ssn {s} (for the lease app)",
              "social sec # {s}. dont save it anywhere ok?", "whats the diff between my ssn {s} and an itin"]),
        s=SSN_(ssn()))
    return b, "en_US"


def in_p_crypto():
    b = B()
    b.f(pick(["just send to my eth {e} or btc {w} 🙏", "btc pls: {w}", "eth addy → {e}", "{w} is my wallet, send the 0.01"]),
        e=CRY(eth()), w=CRY(btc()))
    return b, "en_US"


def in_p_wifi():
    b = B()
    b.f(pick(["wifi pw is {pw} lol dont share", "network: Casa_5G pass: {pw}", "the guest wifi password is {pw} btw",
              "and the wifi is {pw} (capital first letter)"]),
        pw=PW(password()))
    return b, "en_US"


def in_p_url_q():
    b = B()
    b.f(pick(["is {u} legit?", "check out {u}!", "(see {u})", "found it here: {u}.", "they sent me to {u}, safe??"]),
        u=URL_(url()))
    return b, "en_US"


def in_p_multi_numbers():
    b = B()
    b.f(pick(["home {p1}, work {p2}, cell {p3}", "work: {p2}\nhome: {p1}\ncell: {p3}", "try {p3} first, then {p1}, "
              "office is {p2}"]),
        p1=PH(us_phone(ext=False)), p2=PH(us_phone(ext=True)), p3=PH(us_phone(ext=False)))
    return b, "en_US"


def in_p_nhs():
    b = B()
    b.f(pick(["me nhs number's {n} innit, u need it for the form?", "nhs no {n} — gp says its on the letter",
              "NHS num: {n}. cant find my card"]),
        n=NHS_(nhs()))
    return b, "en_GB"


def in_p_appt():
    b = B()
    x = soon()
    b.f(pick(["can u move my dentist appt to {d} at {t}?", "appt is {d} {t}, remind me", "moved my haircut to {d} @ {t} lol"]),
        d=DT(fmt_en(x, pick(["md_num", "md", "us2"]))), t=DT(htime(False)))
    return b, "en_US"


def in_p_reddit_ip():
    b = B()
    b.f("[Help] my plex server at {ip} cant be reached from outside, router is {gw}, port {pt} forwarded. my public ip is "
        "{pub}. what am i missing??",
        ip=IP(f"192.168.{R.randint(0, 5)}.{R.randint(10, 250)}"), gw=IP(f"192.168.{R.randint(0, 5)}.1"), pt=PORT("32400"),
        pub=IP(ipv4(False)))
    return b, "en_US"


def in_p_tweet():
    b = B()
    b.f(pick(["@{h} my order {o} still not here. dm me or email {e}!!", "@{h} 3 weeks and order {o} is still "
              "'processing'... reach me at {e}"]),
        h=pick(["ShopCoHelp", "AcmeSupport", "FastShipCo"]), o=ORD(order_no()), e=EM(email()))
    return b, "en_US"


def in_p_voice():
    b = B()
    b.f("ok so um my email is {e} and uh my phone is {p} thanks bye", e=EM(email().lower()), p=PH(us_phone(ext=False, style=6)))
    return b, "en_US"


def in_p_passport():
    b = B()
    b.f(pick(["omg i think i lost my passport, number was {pp}, flight is {d}", "passport # {pp} expires soon?? i fly {d}"]),
        pp=PP(us_passport()), d=DT(fmt_en(soon(), pick(["md", "md_num", "short"]))))
    return b, "en_US"


def in_p_dl():
    b = B()
    st, num = dl()
    b.f(pick(["got pulled over lol, my {st} license # is {n} if the insurance asks", "drivers lic {n} ({st}) - is that "
              "what the rental form wants?"]),
        st=st, n=DLN(num))
    return b, "en_US"


def in_p_mrn():
    b = B()
    b.f(pick(["my moms chart number at the hospital is {m}. can u call them?", "patient # {m} — thats dad, he's in room 4"]),
        m=MRN_(mrn()))
    return b, "en_US"


def in_p_member():
    b = B()
    b.f(pick(["insurance card says member id {h} — do they need the group # too?", "medicare # {m}, is that the same as my "
              "member id {h}?"]),
        h=HPID(member_id()), m=MBI_(mbi()))
    return b, "en_US"


# informal negatives
def in_n_prices():
    b = B()
    b.f(pick(["omg {a} for that?? and shipping {b_} lol", "it was {a} on sale, now {b_} smh"]), a=PRICE(price()),
        b_=PRICE(price()))
    return b, "en_US"


def in_n_masked():
    b = B()
    b.f(pick(["my card {m} got charged twice wtf", "why does the app show {m} and not my full number"]), m=MASK(masked_card()))
    return b, "en_US"


def in_n_versions():
    b = B()
    b.f("updated to ios {v} and now wifi drops every hour. build {bn}. anyone else??", v=VER(f"17.{R.randint(0, 6)}.{R.randint(1, 3)}"),
        bn=N("build")(f"21{pick('EFG')}{R.randint(100, 999)}"))
    return b, "en_US"


def in_n_order():
    b = B()
    b.f("order {o} tracking {t} still says label created 🙄", o=ORD(order_no()), t=TRK(tracking_no()))
    return b, "en_US"


def in_n_age():
    b = B()
    b.f(pick(["im {a} and been coding for like {y} yrs, too late to switch to ML?", "turning {a} next month, "
              "feel like a {y} year old lol"]),
        a=R.randint(22, 60), y=R.randint(2, 20))
    return b, "en_US"


def in_n_history():
    b = B()
    b.f(pick(["did u know the moon landing was {d} 🌕", "the titanic sank {d}, crazy"]),
        d=REL(pick(["july 20 1969", "July 20, 1969"]) if chance(0.5) else "April 15, 1912"))
    return b, "en_US"


def in_n_placeholder():
    b = B()
    b.f(pick(["what do i put in the {p} box lol", "the form says enter {p} but i dont have one"]),
        p=PLACE(pick(["xxxx-xxxx", "XXX-XX-XXXX", "YOUR_API_KEY", "<your email>"])))
    return b, "en_US"


def in_n_badcard():
    b = B()
    b.f("is {c} even a real card number? the site keeps rejecting it", c=BADCC(bad_card()))
    return b, "en_US"


def in_n_game():
    b = B()
    b.f("we won {a}-{b_}!! {n} goals in the 2nd half, best game of the season ⚽", a=R.randint(2, 5), b_=R.randint(0, 1),
        n=R.randint(2, 4))
    return b, "en_US"


def in_n_uuid():
    b = B()
    b.f("support told me my case id is {u} and to quote ticket {t}?? why so long lol", u=UUID_(a_uuid()), t=TKT(ticket_no()))
    return b, "en_US"


# ---------------- international
NAMES = {
    "es": [("Lucía", "García", "lucia.garcia"), ("Javier", "Martínez", "javier.martinez"), ("Carmen", "López", "carmen.lopez"),
           ("Alejandro", "Fernández", "alex.fernandez")],
    "de": [("Lukas", "Müller", "lukas.mueller"), ("Anna", "Schmidt", "anna.schmidt"), ("Jonas", "Weber", "j.weber"),
           ("Lea", "Fischer", "lea.fischer")],
    "fr": [("Camille", "Dubois", "camille.dubois"), ("Louis", "Martin", "louis.martin"), ("Chloé", "Bernard", "chloe.bernard"),
           ("Hugo", "Lefèvre", "hugo.lefevre")],
    "pt": [("João", "Silva", "joao.silva"), ("Ana", "Souza", "ana.souza"), ("Pedro", "Oliveira", "pedro.oliveira"),
           ("Beatriz", "Santos", "bia.santos")],
    "it": [("Giulia", "Rossi", "giulia.rossi"), ("Marco", "Bianchi", "marco.bianchi"), ("Francesca", "Romano", "f.romano"),
           ("Luca", "Ricci", "luca.ricci")],
    "nl": [("Sanne", "de Vries", "sanne.devries"), ("Daan", "Jansen", "daan.jansen"), ("Lotte", "Bakker", "lotte.bakker"),
           ("Bram", "Visser", "bram.visser")],
    "pl": [("Agnieszka", "Nowak", "agnieszka.nowak"), ("Piotr", "Kowalski", "p.kowalski"),
           ("Katarzyna", "Wiśniewska", "kasia.wisniewska"), ("Tomasz", "Wójcik", "tomasz.wojcik")],
    "hi_lat": [("Rahul", "Sharma", "rahul.sharma"), ("Priya", "Verma", "priya.verma"), ("Amit", "Patel", "amit.patel"),
               ("Sneha", "Gupta", "sneha.gupta")],
    "hi": [("राहुल", "शर्मा", "rahul.sharma"), ("प्रिया", "वर्मा", "priya.verma"), ("अमित", "पटेल", "amit.patel"),
           ("स्नेहा", "गुप्ता", "sneha.gupta")],
    "ja": [("優希", "田中", "tanaka.yuki"), ("健", "佐藤", "sato.ken"), ("美咲", "鈴木", "suzuki.misaki")],
    "ko": [("민준", "김", "minjun.kim"), ("서연", "이", "seoyeon.lee"), ("지호", "박", "jiho.park")],
    "ar": [("أحمد", "العتيبي", "ahmed.alotaibi"), ("فاطمة", "الزهراني", "fatima.alzahrani"), ("محمد", "حسن", "mohamed.hassan")],
    "he": [("נועה", "כהן", "noa.cohen"), ("יונתן", "לוי", "yonatan.levi"), ("מיכל", "מזרחי", "michal.mizrahi")],
    "tr": [("Elif", "Yılmaz", "elif.yilmaz"), ("Mehmet", "Demir", "mehmet.demir"), ("Zeynep", "Kaya", "zeynep.kaya")],
    "vi": [("An", "Nguyễn Văn", "an.nguyen"), ("Mai", "Trần Thị", "mai.tran"), ("Tuấn", "Lê Minh", "tuan.le")],
}
LOC_DOMAINS = {
    "es": ["gmail.com", "hotmail.es", "telefonica.net"], "de": ["gmx.de", "web.de", "t-online.de"],
    "fr": ["orange.fr", "free.fr", "laposte.net"], "pt": ["uol.com.br", "gmail.com", "sapo.pt"],
    "it": ["libero.it", "virgilio.it", "gmail.com"], "nl": ["ziggo.nl", "kpnmail.nl", "gmail.com"],
    "pl": ["wp.pl", "onet.pl", "o2.pl"], "hi_lat": ["rediffmail.com", "gmail.com", "yahoo.co.in"],
    "hi": ["rediffmail.com", "gmail.com"], "ja": ["yahoo.co.jp", "docomo.ne.jp", "gmail.com"],
    "ko": ["naver.com", "daum.net", "kakao.com"], "ar": ["gmail.com", "outlook.sa", "hotmail.com"],
    "he": ["walla.co.il", "gmail.com"], "tr": ["hotmail.com.tr", "yandex.com.tr", "gmail.com"],
    "vi": ["gmail.com", "yahoo.com.vn"],
}


def lperson(lang):
    return pick(NAMES[lang])


def lemail(lang, who=None):
    who = who or lperson(lang)
    loc = who[2]
    if chance(0.3):
        loc += str(R.randint(70, 99))
    return f"{loc}@{pick(LOC_DOMAINS[lang])}"


def full(lang, who):
    f, l, _ = who
    if lang in ("ja", "ko", "vi"):
        return f"{l}{'' if lang != 'vi' else ' '}{f}"
    return f"{f} {l}"


def dob_l(lang, style=None):
    return DT(fmt_loc(birth(), lang, style))


def date_l(lang, style=None):
    return DT(fmt_loc(soon(), lang, style))


def time_l(lang):
    return DT(htime(True, lang))


# Spanish
def es_p_contacto():
    b = B()
    w = lperson("es")
    if chance(0.5):
        b.f("Hola, soy {f}. Mi móvil es el {p} y mi correo {e}. Nací el {db}. ¿Me ayudas a rellenar el formulario del "
            "gimnasio?", f=w[0], p=PH(phone("ES", None, True)), e=EM(lemail("es", w)), db=dob_l("es"))
    else:
        b.f("Revisa este formulario, por favor:\nNombre: {n}\nTeléfono: {p}\nCorreo electrónico: {e}\nFecha de "
            "nacimiento: {db}", n=full("es", w), p=PH(phone("ES")), e=EM(lemail("es", w)), db=dob_l("es"))
    return b, "es_ES"


def es_p_transferencia():
    b = B()
    b.f(pick(["Necesito hacer una transferencia de {a} a la cuenta {ib}. ¿Cuánto tarda una SEPA?",
              "¿Este IBAN es correcto? {ib} — me lo mandó el casero por WhatsApp desde el {p}."]),
        a=PRICE(f"{R.randint(50, 2000)},{d(2)} €"), ib=IB(iban("ES")), p=PH(phone("ES", True, True)))
    return b, "es_ES"


def es_p_cita():
    b = B()
    b.f("Tengo cita con el dermatólogo el {d} a las {t}. ¿Puedes redactar un correo para cambiarla? Mi teléfono es el {p} "
        "y mi correo {e}.", d=date_l("es"), t=time_l("es"), p=PH(phone("ES")), e=EM(lemail("es")))
    return b, "es_ES"


def es_n():
    b = B()
    b.f("¿Cuál es la diferencia entre el IVA del 21 % y del 10 %? El pedido {o} costó 1.299,00 € y la factura {i} dice "
        "otra cosa. Uso la versión {v} de la app.", o=ORD(order_no()), i=INV(invoice_no()), v=ver())
    return b, "es_ES"


# German
def de_p_kontakt():
    b = B()
    w = lperson("de")
    if chance(0.5):
        b.f("Bitte formuliere eine kurze Nachricht an meinen Vermieter: Ich bin ab sofort unter {p} erreichbar, "
            "E-Mail {e}. Viele Grüße, {f}", p=PH(phone("DE")), e=EM(lemail("de", w)), f=w[0])
    else:
        b.f("Anmeldeformular Sportverein:\nName: {n}\nGeburtsdatum: {db}\nTelefon: {p}\nE-Mail: {e}\nBitte auf "
            "Vollständigkeit prüfen.", n=full("de", w), db=dob_l("de"), p=PH(phone("DE")), e=EM(lemail("de", w)))
    return b, "de_DE"


def de_p_ueberweisung():
    b = B()
    b.f(pick(["Kannst du prüfen, ob diese IBAN stimmt? {ib} (BIC {bc}). Betrag: {a}.",
              "Überweisung bitte an {ib}, Verwendungszweck Rechnung {i}. Danke!"]),
        ib=IB(iban("DE")), bc=BIC_(bic("DE")), a=PRICE(f"{R.randint(10, 3000)},{d(2)} €"), i=INV(invoice_no()))
    return b, "de_DE"


def de_p_termin():
    b = B()
    b.f(pick(["Mein Termin beim Bürgeramt ist am {d} um {t}. Bitte erinnere mich einen Tag vorher, Handy {p}.",
              "Schreib eine Absage: Den Zahnarzttermin am {d} um {t} kann ich nicht wahrnehmen. Rückruf unter {p}."]),
        d=date_l("de"), t=time_l("de"), p=PH(phone("DE", None, True)))
    return b, "de_DE"


def de_n():
    b = B()
    b.f("Rechnung Nr. {i} vom Lieferanten, Bestellnummer {o}, Gesamtbetrag 1.234,56 € inkl. 19 % MwSt. Die Software "
        "läuft in Version {v}. Wie buche ich das?", i=INV(invoice_no()), o=ORD(order_no()), v=ver())
    return b, "de_DE"


# French
def fr_p_contact():
    b = B()
    w = lperson("fr")
    b.f(pick(["Bonjour, pouvez-vous mettre à jour mes coordonnées ? Nouveau numéro : {p}, adresse e-mail : {e}. Je suis "
              "né le {db}.", "Salut ! Mon portable c'est le {p} et mon mail {e} — écris-moi !"]),
        p=PH(phone("FR", None, True)), e=EM(lemail("fr", w)), db=dob_l("fr"))
    return b, "fr_FR"


def fr_p_rib():
    b = B()
    b.f("Voici mon RIB pour le remboursement : IBAN {ib} — BIC {bc}. Merci de confirmer par mail à {e} !",
        ib=IB(iban("FR", True)), bc=BIC_(bic("FR")), e=EM(lemail("fr")))
    return b, "fr_FR"


def fr_p_rdv():
    b = B()
    b.f(pick(["J'ai un rendez-vous chez le kiné le {d} à {t}. Peux-tu écrire un SMS pour le décaler ? Mon portable : {p}.",
              "Rappel : rendez-vous le {d} à {t} à la mairie. En cas d'empêchement, appelez le {p}."]),
        d=date_l("fr"), t=time_l("fr"), p=PH(phone("FR", None, True)))
    return b, "fr_FR"


def fr_n():
    b = B()
    b.f("Commande n° {o}, facture {i}, total 49,90 € TTC, TVA 20 %. Le colis {t} est en retard, que faire ?",
        o=ORD(order_no()), i=INV(invoice_no()), t=TRK(tracking_no()))
    return b, "fr_FR"


# Portuguese
def pt_p_br_contato():
    b = B()
    w = lperson("pt")
    b.f(pick(["Oi! Meu celular é {p} (WhatsApp) e meu e-mail é {e}. Data de nascimento: {db}.",
              "Pode atualizar meu cadastro? Telefone {p}, e-mail {e}, nascida em {db}."]),
        p=PH(phone("BR", None, True)), e=EM(lemail("pt", w)), db=dob_l("pt"))
    return b, "pt_BR"


def pt_p_pt_iban():
    b = B()
    b.f(pick(["Podes transferir os 120 € para o meu IBAN {ib}? O meu telemóvel é {p}.",
              "Dados para reembolso: IBAN {ib}, titular {n}. Qualquer dúvida ligue {p}."]),
        ib=IB(iban("PT")), p=PH(phone("PT", None, True)), n=full("pt", lperson("pt")))
    return b, "pt_PT"


def pt_p_consulta():
    b = B()
    b.f("Minha consulta foi remarcada para {d} às {t}. Pode me lembrar um dia antes? Meu número é {p}.",
        d=date_l("pt"), t=time_l("pt"), p=PH(phone("BR")))
    return b, "pt_BR"


def pt_n():
    b = B()
    b.f("O pedido {o} custou R$ 1.299,90 e o código de rastreio é {t}. A versão do app é {v}. Quando chega?",
        o=ORD(order_no()), t=TRK(tracking_no()), v=ver())
    return b, "pt_BR"


# Italian
def it_p_contatti():
    b = B()
    w = lperson("it")
    b.f(pick(["Ciao, il mio numero è {p} e la mia email {e}. Sono nata il {db}.",
              "Modulo iscrizione:\nNome e cognome: {n}\nData di nascita: {db}\nCellulare: {p}\nEmail: {e}"]),
        p=PH(phone("IT", None, True)), e=EM(lemail("it", w)), db=dob_l("it"), n=full("it", w))
    return b, "it_IT"


def it_p_iban():
    b = B()
    b.f("Per il rimborso usate questo IBAN: {ib}. Intestatario: {n}. Per conferma scrivete a {e}.",
        ib=IB(iban("IT")), n=full("it", lperson("it")), e=EM(lemail("it")))
    return b, "it_IT"


def it_p_appuntamento():
    b = B()
    b.f("Ho una visita il {d} alle {t}, puoi scrivere una mail per spostarla? Rispondete pure a {e} o al {p}.",
        d=date_l("it"), t=time_l("it"), e=EM(lemail("it")), p=PH(phone("IT")))
    return b, "it_IT"


def it_n():
    b = B()
    b.f("Ordine n. {o}, fattura {i}, totale 89,90 €, spedizione gratuita sopra i 50 €. Il codice sconto è ESTATE25.",
        o=ORD(order_no()), i=INV(invoice_no()))
    return b, "it_IT"


# Dutch
def nl_p_contact():
    b = B()
    w = lperson("nl")
    b.f(pick(["Hoi, mijn nieuwe nummer is {p} en mijn e-mailadres {e}. Geboortedatum: {db}.",
              "Kun je dit formulier nakijken?\nNaam: {n}\nTelefoon: {p}\nE-mail: {e}\nGeboren: {db}"]),
        p=PH(phone("NL")), e=EM(lemail("nl", w)), db=dob_l("nl"), n=full("nl", w))
    return b, "nl_NL"


def nl_p_iban():
    b = B()
    b.f("Kun je €{a} overmaken naar {ib} t.n.v. {n}? Bedankt!", a=R.randint(5, 200), ib=IB(iban("NL")),
        n=full("nl", lperson("nl")))
    return b, "nl_NL"


def nl_p_afspraak():
    b = B()
    b.f("Mijn afspraak bij de huisarts is op {d} om {t}. Kun je een herinnering sturen naar {p}?",
        d=date_l("nl"), t=time_l("nl"), p=PH(phone("NL")))
    return b, "nl_NL"


def nl_n():
    b = B()
    b.f("Bestelnummer {o}, factuur {i}, totaal € 1.299,00; versie {v} van de app crasht bij het afrekenen.",
        o=ORD(order_no()), i=INV(invoice_no()), v=ver())
    return b, "nl_NL"


# Polish
def pl_p_kontakt():
    b = B()
    w = lperson("pl")
    b.f("Dzień dobry, mój numer telefonu to {p}, a e-mail {e}. Data urodzenia: {db}. Proszę o kontakt.",
        p=PH(phone("PL")), e=EM(lemail("pl", w)), db=dob_l("pl"))
    return b, "pl_PL"


def pl_p_przelew():
    b = B()
    b.f("Proszę o zwrot na konto {ib}. Tytuł przelewu: zwrot za zamówienie {o}. W razie pytań: {p}.",
        ib=IB(iban("PL")), o=ORD(order_no()), p=PH(phone("PL")))
    return b, "pl_PL"


def pl_p_wizyta():
    b = B()
    b.f("Mam wizytę u dentysty {d} o {t}. Napisz SMS z prośbą o przełożenie, mój numer to {p}.",
        d=date_l("pl"), t=time_l("pl"), p=PH(phone("PL")))
    return b, "pl_PL"


def pl_n():
    b = B()
    b.f("Zamówienie nr {o}, faktura {i}, kwota 1 299,00 zł, wersja {v} aplikacji. Kiedy dostawa?",
        o=ORD(order_no()), i=INV(invoice_no()), v=ver())
    return b, "pl_PL"


# Hindi (Latin transliteration and Devanagari)
def hil_p_contact():
    b = B()
    w = lperson("hi_lat")
    b.f(pick(["Mera naam {f} hai. Mera mobile number {p} hai aur email {e} hai. Meri date of birth {db} hai.",
              "bhai mera naya number {p} save kar lo, aur mail {e} pe bhejna"]),
        f=w[0], p=PH(phone("IN", None, True)), e=EM(lemail("hi_lat", w)), db=dob_l("hi_lat"))
    return b, "hi_Latn_IN"


def hil_p_appt():
    b = B()
    b.f("Doctor ne bola next appointment {d} ko {t} baje hai, please yaad dila dena. Mera number {p} hai.",
        d=date_l("hi_lat"), t=time_l("hi_lat"), p=PH(phone("IN")))
    return b, "hi_Latn_IN"


def hi_p_contact():
    b = B()
    w = lperson("hi")
    b.f("नमस्ते, मेरा नाम {n} है। मेरा मोबाइल नंबर {p} है और ईमेल {e} है। मेरी जन्मतिथि {db} है।",
        n=full("hi", w), p=PH(phone("IN", None, True)), e=EM(lemail("hi", w)), db=dob_l("hi"))
    return b, "hi_IN"


def hi_p_appt():
    b = B()
    b.f("मेरी अपॉइंटमेंट {d} को {t} बजे है। कृपया {p} पर SMS भेज दें।", d=date_l("hi"), t=time_l("hi"), p=PH(phone("IN")))
    return b, "hi_IN"


def hi_n():
    b = B()
    b.f("इस फ़ोन की कीमत ₹1,29,999 है और ऑर्डर नंबर {o} है। ऐप का वर्ज़न {v} है। क्या यह सही दाम है?",
        o=ORD(order_no()), v=ver())
    return b, "hi_IN"


# Japanese
FW = str.maketrans("0123456789-+", "０１２３４５６７８９－＋")


def ja_p_contact():
    b = B()
    w = lperson("ja")
    b.f("お世話になっております。{n}です。連絡先は{p}、メールは{e}までお願いします。生年月日は{db}です。",
        n=full("ja", w), p=PH(phone("JP")), e=EM(lemail("ja", w)), db=dob_l("ja", pick(["word", "word", "num"])))
    return b, "ja_JP"


def ja_p_reservation():
    b = B()
    b.f("{d}の{t}に予約をお願いします。電話番号：{p}（携帯）", d=date_l("ja", "word"), t=time_l("ja"), p=PH(phone("JP", False, True)))
    return b, "ja_JP"


def ja_p_fullwidth():
    b = B()
    p = phone("JP", False).translate(FW)
    b.f("申込書の電話番号は{p}です。メールアドレスは{e}です。", p=PH(p), e=EM(lemail("ja")))
    return b, "ja_JP"


def ja_n():
    b = B()
    b.f("注文番号{o}の商品はいつ届きますか？価格は¥12,800（税込）です。アプリのバージョンは{v}です。",
        o=ORD(order_no().lstrip("#")), v=ver())
    return b, "ja_JP"


# Korean
KO_RO = {"0": "으로", "1": "로", "2": "로", "3": "으로", "4": "로", "5": "로", "6": "으로", "7": "로", "8": "로", "9": "로"}
KO_COP = {"0": "이고", "1": "이고", "2": "고", "3": "이고", "4": "고", "5": "고", "6": "이고", "7": "이고", "8": "이고", "9": "고"}


def ko_p_contact():
    b = B()
    w = lperson("ko")
    p = phone("KR")
    b.f(pick(["안녕하세요, {n}입니다. 제 연락처는 {p}{cop}, 이메일은 {e}입니다. 생년월일은 {db}입니다.",
              "{n}입니다. 저는 {db}생이고 연락은 {p}{ro} 주세요."]),
        n=full("ko", w), p=PH(p), cop=KO_COP[p[-1]], ro=KO_RO[p[-1]], e=EM(lemail("ko", w)), db=dob_l("ko", "word"))
    return b, "ko_KR"


def ko_p_reservation():
    b = B()
    p = phone("KR", False, True)
    b.f("{d} {t}에 예약하고 싶어요. 연락은 {p}{ro} 주시고, 확인 메일은 {e}으로 보내 주세요.", d=date_l("ko", "word"),
        t=time_l("ko"), p=PH(p), ro=KO_RO[p[-1]], e=EM(lemail("ko")))
    return b, "ko_KR"


def ko_n():
    b = B()
    b.f("주문번호 {o} 배송 언제 되나요? 가격은 ₩129,000이고 앱 버전은 {v}이에요.", o=ORD(order_no()), v=ver())
    return b, "ko_KR"


# Arabic
AR_DIG = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def ar_p_contact():
    b = B()
    w = lperson("ar")
    b.f("مرحباً، أنا {n}. رقم جوالي {p} وبريدي الإلكتروني {e}. تاريخ ميلادي {db}.",
        n=full("ar", w), p=PH(phone("SA", None, True)), e=EM(lemail("ar", w)), db=dob_l("ar"))
    return b, "ar_SA"


def ar_p_iban():
    b = B()
    cc = pick(["SA", "AE"])
    b.f("أرجو تحويل المبلغ إلى الآيبان التالي: {ib}، وشكراً. للاستفسار: {p}", ib=IB(iban(cc)), p=PH(phone(cc, True)))
    return b, "ar_SA" if cc == "SA" else "ar_AE"


def ar_p_appt():
    b = B()
    if chance(0.5):
        b.f("موعدي في العيادة يوم {d} الساعة {t}. للتواصل: {p}", d=date_l("ar"), t=time_l("ar"), p=PH(phone("AE")))
    else:
        b.f("رقمي الجديد {p}، أرسل لي التفاصيل على واتساب.", p=PH(phone("EG", False, True).translate(AR_DIG)))
    return b, "ar_AE"


def ar_n():
    b = B()
    b.f("رقم الطلب {o} والسعر 1,299 ريال. إصدار التطبيق {v}. متى يصل الطلب؟", o=ORD(order_no()), v=ver())
    return b, "ar_SA"


# Hebrew
def he_p_contact():
    b = B()
    w = lperson("he")
    b.f("שלום, שמי {n}. הטלפון שלי {p} והמייל {e}. תאריך לידה: {db}.", n=full("he", w), p=PH(phone("IL")),
        e=EM(lemail("he", w)), db=dob_l("he"))
    return b, "he_IL"


def he_p_iban():
    b = B()
    b.f("אפשר להעביר את הכסף לחשבון {ib}? תודה! אם יש בעיה תתקשר ל-{p}", ib=IB(iban("IL")), p=PH(phone("IL", False)))
    return b, "he_IL"


def he_p_appt():
    b = B()
    b.f("התור שלי לרופא הוא ב-{d} בשעה {t}. תזכיר לי יום לפני.", d=date_l("he", "num"), t=time_l("he"))
    return b, "he_IL"


def he_n():
    b = B()
    b.f("מספר הזמנה {o}, המחיר ₪349.90, גרסה {v}. מתי המשלוח יגיע?", o=ORD(order_no()), v=ver())
    return b, "he_IL"


# Turkish
TR_LOC = {"0": "'da", "1": "'de", "2": "'de", "3": "'te", "4": "'te", "5": "'te", "6": "'da", "7": "'de", "8": "'de",
          "9": "'da"}


def tr_p_contact():
    b = B()
    w = lperson("tr")
    b.f("Merhaba, ben {n}. Telefonum {p}, e-postam {e}. Doğum tarihim {db}.", n=full("tr", w), p=PH(phone("TR")),
        e=EM(lemail("tr", w)), db=dob_l("tr"))
    return b, "tr_TR"


def tr_p_randevu():
    b = B()
    x = soon()
    ds = fmt_loc(x, "tr", "word")
    b.f("Randevum {d}{sfx} saat {t}. Değişiklik olursa {p} numarasından ulaşabilirsiniz.",
        d=DT(ds), sfx=TR_LOC[ds[-1]], t=time_l("tr"), p=PH(phone("TR")))
    return b, "tr_TR"


def tr_p_iban():
    b = B()
    b.f("Kira için IBAN: {ib} (Alıcı: {n}). Açıklamaya daire numarasını yazın.", ib=IB(iban("TR")),
        n=full("tr", lperson("tr")))
    return b, "tr_TR"


def tr_n():
    b = B()
    b.f("Sipariş numarası {o}, fiyat 1.299,90 TL, kargo takip no {t}. Ne zaman gelir?", o=ORD(order_no()),
        t=TRK(tracking_no()))
    return b, "tr_TR"


# Vietnamese
def vi_p_contact():
    b = B()
    w = lperson("vi")
    b.f("Chào bạn, mình là {n}. Số điện thoại của mình là {p}, email {e}. Mình sinh ngày {db}.",
        n=full("vi", w), p=PH(phone("VN")), e=EM(lemail("vi", w)), db=dob_l("vi"))
    return b, "vi_VN"


def vi_p_appt():
    b = B()
    b.f("Lịch hẹn khám của tôi là {t} ngày {d}. Nhờ bạn nhắc tôi qua số {p}.", t=time_l("vi"), d=date_l("vi"),
        p=PH(phone("VN")))
    return b, "vi_VN"


def vi_n():
    b = B()
    b.f("Mã đơn hàng {o}, giá 1.290.000 ₫, phiên bản ứng dụng {v}. Khi nào giao?", o=ORD(order_no()), v=ver())
    return b, "vi_VN"


# ---------------- mixed hard negatives (PII-free)
def mx_n_isbn():
    b = B()
    b.f("Find me the edition with ISBN {a} — the library lists {b_} but that's the paperback. It costs {p}.",
        a=ISBN_(isbn13()), b_=ISBN_(isbn13()), p=PRICE(price()))
    return b, "en_US"


def mx_n_iban_lookalike():
    b = B()
    b.f("Our ERP rejects {a} and {b_} as IBANs. Are the check digits wrong? BIC {c}.", a=BADIB(bad_iban()),
        b_=BADIB(bad_iban(grouped=False)), c=BIC_(bic()))
    return b, "en_US"


def mx_n_ids():
    b = B()
    b.f("Correlate these: request {u}, commit {s}, artifact sha256 {h}, trace {t}, job #{j}, and the tx hash {tx}.",
        u=UUID_(a_uuid()), s=SHA(git_sha()), h=HASH(sha256hex()), t=HASH(hexs(32)), j=R.randint(10000, 99999),
        tx=ETHTX(eth_tx()))
    return b, "en_US"


def mx_n_versions_ip_shaped():
    b = B()
    b.f("Inventory: Windows {w}, Chrome {c}, firmware {f}, assembly version {a}, agent {v}. Which are out of date?",
        w=IPVER(f"10.0.{R.randint(19041, 22631)}.{R.randint(1000, 4999)}"),
        c=IPVER(f"{R.randint(118, 131)}.0.{R.randint(6000, 6999)}.{R.randint(10, 199)}"),
        f=IPVER(f"{R.randint(1, 4)}.{R.randint(0, 9)}.{R.randint(0, 20)}.{R.randint(0, 99)}"),
        a=IPVER(f"{R.randint(1, 6)}.{R.randint(0, 9)}.0.0"), v=ver())
    return b, "en_US"


def mx_n_invalid_values():
    b = B()
    b.f("Test data that must FAIL validation: card {c}, SSN {s}, NHS {n}, wallet {w}. Explain why each one fails.",
        c=BADCC(bad_card()), s=BADSSN(bad_ssn()), n=BADNHS(bad_nhs()), w=BADBTC(bad_btc()))
    return b, "en_US"


def mx_n_loopback():
    b = B()
    b.f("Why can't my container reach the host at {a}? The app binds {b_}, the resolver is {c}, and IPv6 uses {v6}. "
        "Subnet mask {m}.", a=LOOP("127.0.0.1"), b_=LOOP("0.0.0.0"), c=LOOP("127.0.0.53"), v6=LOOP("::1"),
        m=LOOP("255.255.255.0"))
    return b, "en_US"


def mx_n_shipping():
    b = B()
    b.f("Where is my parcel? Tracking {t}, order {o}, invoice {i}, return label {r}. Paid {p}.", t=TRK(tracking_no()),
        o=ORD(order_no()), i=INV(invoice_no()), r=TRK(f"RL{d(9)}GB"), p=PRICE(price()))
    return b, "en_US"


def mx_n_history():
    b = B()
    b.f("Write a timeline: the Magna Carta was sealed on {a}, the Declaration of Independence adopted on {b_}, and the "
        "first iPhone released on {c}.", a=REL("15 June 1215"), b_=REL("July 4, 1776"), c=REL("June 29, 2007"))
    return b, "en_US"


def mx_n_masked_bundle():
    b = B()
    b.f("The export shows SSN {s}, card {c}, phone {p} and email {e}. Is that masking compliant?",
        s=MASK("***-**-" + d(4)), c=MASK(masked_card()), p=MASK("(***) ***-" + d(4)), e=MASK("j***@*****.com"))
    return b, "en_US"


def mx_n_coords_ports():
    b = B()
    b.f("The sensor reports lat/long {c}, listens on port {pt}, sends every {s}s, and its serial is {sn}. Battery at "
        "{bt}%.", c=coords(), pt=PORT(port()), s=R.randint(10, 600), sn=N("serial")(f"SN-{alnum(10, UP + DIG)}"),
        bt=R.randint(5, 99))
    return b, "en_US"


def mx_n_placeholders():
    b = B()
    b.f("Fill in the template: Authorization: Bearer {a}; api_key={b_}; password={c}; token={dd}; user {e}.",
        a=PLACE("<YOUR_TOKEN>"), b_=PLACE("YOUR_API_KEY"), c=PLACE("<password>"), dd=PLACE("${TOKEN}"),
        e=PLACE("<email>"))
    return b, "en_US"


def mx_n_deadlines():
    b = B()
    b.f("Project plan: the RFP closes {a}, the audit window is {b_}, and version {v} goes GA in {c}. Draft an "
        "announcement.", a=REL(fmt_en(rdate(2025, 2025), "long")), b_=REL("Q3 FY2025"), v=ver(), c=REL("October 2025"))
    return b, "en_US"


# ---------------- additional templates (cards, HL7, KYC, I-9, cards in other languages)
def lg_p_pci_leak():
    b = B()
    fn, ln = person()
    c = card_digits()
    b.f("{ask}\n\n{t1} ERROR payment-gw: authorize failed code=05 pan={c1} exp=**/** cvv=*** merchant_id={mid} "
        "amount={amt} currency=USD order={o}\n{t2} DEBUG payment-gw: request body {{\"card\":{{\"number\":\"{c2}\","
        "\"holder\":\"{n}\"}},\"billing_email\":\"{e}\",\"ip\":\"{ip}\"}}",
        ask=pick(["The PCI auditor found this in our logs. Where should we mask?", "Why is the PAN in clear text here?",
                  "Write a logback pattern that masks card numbers in lines like these:"]),
        t1=ts("space"), c1=CC(c), mid=N("merchant")(f"M{d(9)}"), amt=f"{R.randint(5, 900)}.{d(2)}", o=ORD(order_no()),
        t2=ts("space"), c2=CC(group_card(c, pick([" ", "-"]))), n=f"{fn.upper()} {ln.upper()}", e=EM(email(fn, ln)),
        ip=IP(ipv4(False)))
    return b, "en_US"


def lg_p_hl7():
    b = B()
    uk = chance(0.4)
    fn, ln = person()
    a, e, n = nanp()
    pid3 = (sub("{nh}^^^NHS^NH~{m}^^^RBH^MR", nh=NHS_(nhs("")), m=MRN_(mrn())) if uk
            else sub("{m}^^^LSH^MR", m=MRN_(mrn())))
    ph = phone("GB", False) if uk else f"({a}){e}-{n}"
    dob = birth()
    adm = CLOCK.t - timedelta(hours=R.randint(1, 40))
    b.f("{ask}\n\nMSH|^~\\&|ADT1|{fac}|LABADT|{fac}|{mt}||ADT^A01|MSG{ctrl}|P|2.5.1\nEVN|A01|{mt2}\n"
        "PID|1||{pid3}||{L}^{F}^^^^^L||{dob}|{sex}|||||{ph}\nPV1|1|I|4W^412^B^{fac}||||{npi}^{dr}^^^^DR|||MED|||||||||{vn}"
        "|||||||||||||||||||||||||{adm}",
        ask=pick(["Parse this HL7 ADT message into JSON:", "Which PID fields are patient identifiers?",
                  "Our interface engine rejects this message, why?"]),
        fac="RBH" if uk else "LSH", mt=TS(fmt_ts(CLOCK.t, "hl7")), ctrl=d(8), mt2=TS(fmt_ts(CLOCK.t, "hl7")), pid3=pid3,
        L=ln.upper(), F=fn.upper(), dob=DT(f"{dob.year}{dob.month:02d}{dob.day:02d}"), sex=pick("MF"), ph=PH(ph),
        npi=N("npi")(not_luhn_digits(10, "1")), dr=pick(LAST).upper(), vn=N("visit")(f"V{d(8)}"),
        adm=DT(f"{adm.year}{adm.month:02d}{adm.day:02d}{adm.hour:02d}{adm.minute:02d}"))
    return b, "en_GB" if uk else "en_US"


def cd_p_sql_payments():
    b = B()
    b.t(pick(["Which column here violates PCI DSS, and how do I migrate it to tokens?\n\n```sql\n",
              "Dedupe these before the import:\n\n```sql\n"]))
    b.t("INSERT INTO payments (order_id, card_number, card_holder, billing_email, amount) VALUES\n")
    n = R.randint(2, 3)
    for i in range(n):
        fn, ln = person()
        b.f("  ('{o}', '{c}', '{h}', '{e}', {a}){sep}\n", o=ORD("ORD-" + d(8)), c=CC(card(pick(["", " "]))),
            h=f"{fn} {ln}", e=EM(email(fn, ln)), a=f"{R.randint(5, 900)}.{d(2)}", sep="," if i < n - 1 else ";")
    b.t("```")
    return b, "en_US"


def ch_kyc():
    st, num = dl()
    pp = us_passport()
    return [("user", sub("uploading my documents for the account verification — driver's license ({st}) {n}, passport "
                         "{pp}, date of birth {db}", st=st, n=DLN(num), pp=PP(pp), db=DT(fmt_en(birth(), pick(["us", "long"]))))),
            ("assistant", sub("Thanks! I've received the driver's license {n} and the passport ending in {l4}.",
                              n=DLN(num), l4=pp[-4:])),
            ("user", sub("my social is {s} if you need that too", s=SSN_(ssn()))),
            ("assistant", sub("We don't need your Social Security number for this step — please don't share it in chat."))]


def em_p_i9():
    b = B()
    fn, ln = person()
    st, num = dl()
    b.f("Subject: I-9 documents\n\nHi HR,\n\nfor the I-9 I'll bring my {st} driver's license (number {n}) and my "
        "Social Security card ({s}). My passport {pp} is at the agency for renewal. My first day is {sd}.\n\nThanks,\n"
        "{f} {l}\n{p}\n\n{ask}",
        st=st, n=DLN(num), s=SSN_(ssn()), pp=PP(us_passport()), sd=DT(fmt_en(soon(), pick(["long", "us"]))), f=fn, l=ln,
        p=PH(us_phone(ext=False)), ask=pick(["Is List A or List B+C better here?", "Reply confirming what she should bring."]))
    return b, "en_US"


def de_p_kreditkarte():
    b = B()
    w = lperson("de")
    b.f(pick(["Bitte buche das Hotel mit meiner Kreditkarte {c}, Inhaber {n}. Rückfragen an {e}.",
              "Meine Karte {c} wurde doppelt belastet! Kannst du eine Reklamation schreiben? Kontakt: {e}"]),
        c=CC(card(pick([" ", ""]))), n=full("de", w), e=EM(lemail("de", w)))
    return b, "de_DE"


def fr_p_carte():
    b = B()
    b.f(pick(["Ma carte bancaire {c} a été débitée deux fois ! Rédige une réclamation, s'il te plaît.",
              "Pour la réservation du {d}, voici ma carte : {c}. Merci !"]),
        c=CC(card(pick([" ", ""]), pick(["visa", "mc", "mc2"]))), d=date_l("fr"))
    return b, "fr_FR"


def ja_p_card():
    b = B()
    b.f("カード番号は{c}です。名義は{n}です。請求書は{e}に送ってください。", c=CC(card(pick(["-", " ", ""]), pick(["jcb", "visa", "mc"]))),
        n=pick(["YUKI TANAKA", "KEN SATO", "MISAKI SUZUKI"]), e=EM(lemail("ja")))
    return b, "ja_JP"


def cd_p_fhir():
    b = B()
    fn, ln = person()
    b.t(pick(["Map this FHIR bundle to our patients table:\n\n```json\n", "Our FHIR server returns 422 for this bundle. "
              "Why?\n\n```json\n", "Which elements here are PHI under HIPAA?\n\n```json\n"]))
    pid = a_uuid()
    obj = {"resourceType": "Bundle", "type": "transaction", "entry": [
        {"resource": {"resourceType": "Patient", "id": (pid, None, "uuid"),
                      "identifier": [{"system": "urn:oid:2.16.840.1.113883.19.5", "value": MRN_(mrn())}],
                      "name": [{"family": ln, "given": [fn]}],
                      "telecom": [{"system": "phone", "value": PH(us_phone(ext=False)), "use": "mobile"},
                                  {"system": "email", "value": EM(email(fn, ln))}],
                      "birthDate": DT(fmt_en(birth(), "iso")),
                      "meta": {"lastUpdated": ts("iso")}}},
        {"resource": {"resourceType": "Coverage", "status": "active", "subscriberId": HPID(member_id()),
                      "beneficiary": {"reference": "Patient/" + pid}}}]}
    json_block(b, obj, 2)
    b.t("\n```")
    return b, "en_US"


def em_p_claim():
    b = B()
    fn, ln = person()
    b.f("Subject: Appeal — claim {c1}\n\nTo whom it may concern,\n\nI am appealing the denial of claim {c2} for the "
        "visit on {dos}. My member ID is {hp} and my Medicare number is {mb}. The clinic's patient number for me is {m}.\n"
        "You can reach me at {ph} or {e}.\n\nSincerely,\n{f} {l}\n\n{ask}",
        c1=N("claim")(f"CLM-{not_luhn_digits(9)}"), c2=N("claim")(f"CLM-{not_luhn_digits(9)}"), dos=DT(fmt_en(rdate(2025, 2025), pick(["long", "us"]))),
        hp=HPID(member_id()), mb=MBI_(mbi()), m=MRN_(mrn()), ph=PH(us_phone()), e=EM(email(fn, ln)), f=fn, l=ln,
        ask=pick(["Make this appeal more persuasive.", "What documents should I attach?"]))
    return b, "en_US"


# ==============================================================================================
# plan

CATEGORIES = {
    # category: (positive templates, n_pos, negative templates, n_neg)
    "dev_log": ([lg_p_py_smtp, lg_p_java_psql, lg_p_node_econn, lg_p_sshd, lg_p_nginx, lg_p_postfix, lg_p_integrity,
                 lg_p_k8s_describe, lg_p_dnsmasq, lg_p_json_lines, lg_p_logfmt_kyc, lg_p_ci_token, lg_p_sentry,
                 lg_p_win_event, lg_p_go_tls, lg_p_ufw, lg_p_rails, lg_p_auth_service, lg_p_pci_leak, lg_p_hl7], 24,
                [lg_n_build, lg_n_pytest, lg_n_dmesg, lg_n_docker_build, lg_n_node_localhost, lg_n_npm, lg_n_redacted,
                 lg_n_metrics], 8),
    "dev_code": ([cd_p_py_fixture, cd_p_py_llm_key, cd_p_js_fetch, cd_p_sql_insert, cd_p_sql_where, cd_p_go_dsn,
                  cd_p_py_boto, cd_p_js_jest_iban, cd_p_py_phone_tests, cd_p_csharp_conn, cd_p_py_requests_auth,
                  cd_p_java_apikey, cd_p_yaml_fixture, cd_p_pandas, cd_p_go_test_ip, cd_p_php_mail, cd_p_sql_update,
                  cd_p_node_stripe, cd_p_notebook, cd_p_graphql, cd_p_pem_in_code, cd_p_kotlin_wallet, cd_p_ts_zod,
                  cd_p_sql_payments, cd_p_fhir], 28,
                 [cd_n_env_refs, cd_n_schema, cd_n_regex, cd_n_hashes, cd_n_deps, cd_n_faker, cd_n_luhn, cd_n_go_server], 8),
    "dev_config": ([cf_p_curl_openai, cf_p_curl_anthropic, cf_p_curl_github, cf_p_curl_stripe, cf_p_curl_slack,
                    cf_p_curl_gemini, cf_p_env_file, cf_p_dockerfile, cf_p_k8s_secret, cf_p_k8s_configmap,
                    cf_p_diff_secret, cf_p_diff_contact, cf_p_diff_allowlist, cf_p_git_log, cf_p_compose, cf_p_tfvars,
                    cf_p_ssh_pem, cf_p_nginx_upstream, cf_p_dhcpd, cf_p_pip_conf, cf_p_gh_actions, cf_p_helm_values,
                    cf_p_git_remote], 28,
                   [cf_n_env_example, cf_n_dockerfile, cf_n_k8s, cf_n_diff_version, cf_n_compose, cf_n_terraform,
                    cf_n_curl_envvar, cf_n_makefile], 8),
    "chat": ([chat_row(s) for s in CHAT_POS + [ch_kyc]] + [ch_p_tool_call], 31, [chat_neg_row(s) for s in CHAT_NEG], 9),
    "email_thread": ([em_p_fwd_sig, em_p_quoted_chain, em_p_outlook, em_p_booking, em_p_invoice_iban, em_p_hr_offer,
                      em_p_helpdesk, em_p_mailing_list, em_p_phishing, em_p_referral, em_p_wire_change, em_p_uk_gp,
                      em_p_temp_password, em_p_itinerary, em_p_i9, em_p_hardwrap, em_p_claim], 28,
                     [em_n_release_notes, em_n_meeting, em_n_masked, em_n_thread, em_n_invoice_summary, em_n_outage,
                      em_n_policy, em_n_newsletter], 8),
    "informal": ([in_p_sms_number, in_p_email_typo, in_p_obfuscated, in_p_emoji, in_p_quotes, in_p_wrapped, in_p_bday,
                  in_p_card, in_p_ssn, in_p_crypto, in_p_wifi, in_p_url_q, in_p_multi_numbers, in_p_nhs, in_p_appt,
                  in_p_reddit_ip, in_p_tweet, in_p_voice, in_p_passport, in_p_dl, in_p_mrn, in_p_member], 34,
                 [in_n_prices, in_n_masked, in_n_versions, in_n_order, in_n_age, in_n_history, in_n_placeholder,
                  in_n_badcard, in_n_game, in_n_uuid], 10),
    "international": ([es_p_contacto, es_p_transferencia, es_p_cita, de_p_kontakt, de_p_ueberweisung, de_p_termin,
                       de_p_kreditkarte, fr_p_carte, ja_p_card, fr_p_contact, fr_p_rib, fr_p_rdv, pt_p_br_contato, pt_p_pt_iban, pt_p_consulta, it_p_contatti,
                       it_p_iban, it_p_appuntamento, nl_p_contact, nl_p_iban, nl_p_afspraak, pl_p_kontakt, pl_p_przelew,
                       pl_p_wizyta, hil_p_contact, hil_p_appt, hi_p_contact, hi_p_appt, ja_p_contact, ja_p_reservation,
                       ja_p_fullwidth, ko_p_contact, ko_p_reservation, ar_p_contact, ar_p_iban, ar_p_appt, he_p_contact,
                       he_p_iban, he_p_appt, tr_p_contact, tr_p_randevu, tr_p_iban, vi_p_contact, vi_p_appt], 50,
                      [es_n, de_n, fr_n, pt_n, it_n, nl_n, pl_n, hi_n, ja_n, ko_n, ar_n, he_n, tr_n, vi_n], 14),
    "hard_negative": ([], 0, [mx_n_isbn, mx_n_iban_lookalike, mx_n_ids, mx_n_versions_ip_shaped, mx_n_invalid_values,
                              mx_n_loopback, mx_n_shipping, mx_n_history, mx_n_masked_bundle, mx_n_coords_ports,
                              mx_n_placeholders, mx_n_deadlines], 12),
}


def build_rows():
    rows = []
    for cat, (pos, n_pos, neg, n_neg) in CATEGORIES.items():
        for group, n, want_pii in ((pos, n_pos, True), (neg, n_neg, False)):
            if not n:
                continue
            order = list(group)
            R.shuffle(order)
            plan = [order[i % len(order)] for i in range(n)]
            for fn in plan:
                CLOCK.reset()
                out = fn()
                b, loc = out[0], out[1]
                style = out[2] if len(out) > 2 else None
                name = fn.__name__ + (f"[{style}]" if style else "")
                assert bool(b.spans) == want_pii, (name, b.text)
                meta = {"category": cat, "template": f"{cat}#{name}", "locale": loc}
                if CLOCK.header_dates:
                    meta["note"] = "e-mail header / quote-attribution dates are treated as system timestamps (unlabelled)"
                rows.append({"text": b.text, "spans": b.spans, "meta": meta, "_expect": b.expect, "_negs": b.negs,
                             "_json": getattr(b, "jsonblocks", [])})
    assert len(rows) == 300, len(rows)
    R.shuffle(rows)
    out = []
    for i, r in enumerate(rows, 1):
        out.append({"id": f"ch7-{i:04d}", "text": r["text"], "spans": r["spans"], "label_scope": SCOPE,
                    "meta": r["meta"], "_expect": r["_expect"], "_negs": r["_negs"], "_json": r["_json"]})
    return out


# ==============================================================================================
# self-check

import unicodedata  # noqa: E402

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PUNCT_END = set(".,;:!?)]}\"'”’»」。、，！？）،")
PUNCT_START = set("([{\"'“‘«「（")
TLDS = "com|net|org|io|dev|de|fr|es|it|nl|pl|jp|kr|tr|vn|in|uk|co|me|app|ai|gov|edu|pt|br|sa|ae|il|eu|info|biz|ch|at|be"
MONTH_ALT = "|".join(MONTHS + [m[:3] for m in MONTHS])


def norm_digits(s):
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in unicodedata.normalize("NFKC", s))


def check_value(raw, label, kind):
    """Return None if raw is a valid value for label, else a reason."""
    if label == "EMAIL_ADDRESS":
        if kind == "obfuscated":
            return None if re.search(r" at | \(at\) |\[at\]|&#64;|%40|\\u0040", raw) else "obfuscation marker"
        return None if EMAIL_RE.fullmatch(raw) else "email shape"
    if label == "PHONE_NUMBER":
        s = norm_digits(raw)
        main = re.split(r"\s*(?:ext\.?|x)\s*\d+$", s)[0]
        if not re.fullmatch(r"[+(]?[\d() .\-/\n]+", main):
            return "phone chars"
        n = sum(c.isdigit() for c in main)
        return None if 7 <= n <= 15 else f"phone digits {n}"
    if label == "CREDIT_CARD":
        x = re.sub(r"[\s-]", "", raw)
        if not (x.isdigit() and luhn_ok(x) and card_brand(x)):
            return "card luhn/brand"
        groups = re.split(r"[\s-]", raw)
        if len(groups) > 1 and [len(g) for g in groups] not in ([4, 4, 4, 4], [4, 6, 5]):
            return "card grouping"
        return None
    if label == "IBAN_CODE":
        x = re.sub(r"\s", "", raw)
        if x != x.upper() or IBAN_LEN.get(x[:2]) != len(x) or not iban_ok(x):
            return "iban check/length"
        groups = raw.split()
        if len(groups) > 1 and any(len(g) != 4 for g in groups[:-1]):
            return "iban grouping"
        return None
    if label == "US_SSN":
        return None if ssn_valid(raw) and re.fullmatch(r"\d{3}([- ]?)\d{2}\1\d{4}", raw) else "ssn"
    if label == "US_PASSPORT":
        return None if re.fullmatch(r"\d{9}|[A-Z]\d{8}", raw) else "passport"
    if label == "US_DRIVER_LICENSE":
        return None if re.fullmatch(r"[A-Z0-9][A-Z0-9 \-]{5,18}[A-Z0-9]", raw) else "dl"
    if label == "US_BANK_NUMBER":
        return None if raw.isdigit() and 8 <= len(raw) <= 17 else "bank"
    if label == "IP_ADDRESS":
        try:
            ip = ipaddress.ip_address(raw)
        except ValueError:
            return "ip parse"
        if ip.is_loopback or ip.is_unspecified or (ip.version == 4 and raw.startswith("255.")):
            return "ip excluded"
        return None
    if label == "MAC_ADDRESS":
        ok = re.fullmatch(r"[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}", raw)
        return None if ok else "mac"
    if label == "URL":
        return None if url_ok(raw) else "url"
    if label == "DATE_TIME":
        return None if any(c.isdigit() for c in raw) else "date"
    if label == "MEDICAL_RECORD_NUMBER":
        return None if re.fullmatch(r"[A-Z0-9][A-Z0-9\-]{5,12}", raw) else "mrn"
    if label == "HEALTH_PLAN_ID":
        if kind == "mbi":
            return None if MBI_RE.fullmatch(raw.replace("-", "")) else "mbi"
        return None if re.fullmatch(r"[A-Z0-9][A-Z0-9\-]{7,15}", raw) else "hpid"
    if label == "CRYPTO":
        return None if b58check_ok(raw) or bech32_ok(raw) or eth_ok(raw) else "crypto checksum"
    if label == "UK_NHS":
        return None if nhs_ok(raw) else "nhs"
    if label == "SECRET":
        if kind in SECRET_RES:
            return None if re.fullmatch(SECRET_RES[kind], raw) else f"secret {kind}"
        if kind == "pem":
            return None if pem_ok(raw) else "pem"
        if kind == "jwt":
            parts = raw.split(".")
            try:
                hdr = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
                return None if len(parts) == 3 and "alg" in hdr else "jwt"
            except Exception:
                return "jwt decode"
        if kind == "password":
            bad = re.search(r"\s|[<>{}]|\$\{|YOUR|xxxx|\*\*\*", raw)
            return None if len(raw) >= 8 and not bad and raw[-1].isalnum() else "password"
        if kind == "conn":
            if re.fullmatch(r"[a-z][a-z0-9+]*://[^:/\s@]*:[^@\s]+@[^\s]+", raw):
                return None
            return None if re.fullmatch(r"Server=[^;]+;.*Password=[^;]+;.*", raw) else "conn"
        return f"secret kind {kind!r}"
    return f"unknown label {label}"


def check_neg(raw, kind):
    """Registered look-alikes must really be invalid for the label they imitate."""
    if kind == "card_bad":
        x = re.sub(r"[\s-]", "", raw)
        return None if x.isdigit() and 13 <= len(x) <= 19 and not luhn_ok(x) else "card_bad is valid"
    if kind == "iban_bad":
        x = re.sub(r"\s", "", raw)
        return None if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", x) and not iban_ok(x) else "iban_bad is valid"
    if kind == "ssn_bad":
        return None if not ssn_valid(raw) else "ssn_bad is valid"
    if kind == "nhs_bad":
        return None if not nhs_ok(raw) else "nhs_bad is valid"
    if kind == "btc_bad":
        return None if not b58check_ok(raw) and not bech32_ok(raw) else "btc_bad is valid"
    if kind == "loopback":
        if "::1" in raw:
            return None
        for m in re.findall(r"\d+\.\d+\.\d+\.\d+", raw):
            ip = ipaddress.ip_address(m)
            if not (ip.is_loopback or ip.is_unspecified or m.startswith("255.")):
                return "loopback is a host ip"
        return None
    if kind == "ipversion":
        return None if re.fullmatch(r"\d+\.\d+\.\d+\.\d+", raw) else "ipversion shape"
    if kind == "isbn":
        return None if isbn_ok(raw) and not luhn_ok(raw.replace("-", "")) else "isbn"
    if kind == "aba":
        return None if aba_ok(raw) else "aba"
    if kind == "bic":
        return None if re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?", raw) else "bic"
    if kind == "eth_tx":
        return None if re.fullmatch(r"0x[0-9a-f]{64}", raw) else "eth_tx"
    if kind in ("placeholder", "masked"):
        marks = ["<", "${", "YOUR", "xxxx", "XXX", "*", "•", "...", "REDACTED", "ending in", "var."]
        return None if any(m in raw for m in marks) else "placeholder marker"
    if kind == "uuid":
        return None if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", raw) else "uuid"
    if kind == "sha":
        return None if re.fullmatch(r"[0-9a-f]{7,40}", raw) else "sha"
    return None


SCANS = [
    ("email", EMAIL_RE, None),
    ("url", re.compile(r"(?:https?|ftp)://[^\s\"'<>)]+|\bwww\.[^\s\"'<>)]+"), None),
    ("domain", re.compile(r"\b[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:" + TLDS + r")\b"), None),
    ("card", re.compile(r"(?<![\dA-Za-z])\d(?:[ -]?\d){12,18}(?!\d)"),
     lambda m: (lambda x: luhn_ok(x) and card_brand(x) is not None)(re.sub(r"\D", "", m))),
    ("nhs", re.compile(r"(?<![\d])\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)"), lambda m: nhs_ok(m)),
    ("ssn", re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])|(?<![\dA-Za-z])\d{9}(?![\dA-Za-z])"), lambda m: ssn_valid(m)),
    ("iban", re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b"),
     lambda m: iban_ok(m) and IBAN_LEN.get(m[:2]) == len(m.replace(" ", ""))),
    ("ipv4", re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)"),
     lambda m: all(int(o) <= 255 for o in m.split(".")) and not (
         ipaddress.ip_address(m).is_loopback or ipaddress.ip_address(m).is_unspecified or m.startswith("255."))),
    ("ipv6", re.compile(r"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])"),
     lambda m: (lambda ip: ip is not None and not ip.is_loopback and not ip.is_unspecified)(_ip6(m))),
    ("mac", re.compile(r"\b[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}\b|\b[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}\b"), None),
    ("eth", re.compile(r"(?<![0-9a-fA-Fx])0x[0-9a-fA-F]{40}(?![0-9a-fA-F])"), None),
    ("btc58", re.compile(r"(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])"), lambda m: b58check_ok(m)),
    ("bech32", re.compile(r"(?<![A-Za-z0-9])bc1[02-9ac-hj-np-z]{11,71}(?![A-Za-z0-9])"), lambda m: bech32_ok(m)),
    ("secret", re.compile(r"AKIA[A-Z2-7]{16}|ghp_[A-Za-z0-9]{36}|github_pat_|sk_live_[A-Za-z0-9]{8,}|xox[abposr]-[0-9A-Za-z-]{10,}"
                          r"|AIza[0-9A-Za-z_\-]{35}|eyJ[A-Za-z0-9_\-]+\.eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+"
                          r"|-----BEGIN [A-Z ]*PRIVATE KEY-----|sk-(?:proj-|ant-)?[A-Za-z0-9_\-]{20,}"
                          r"|://[^\s:/@]+:[^\s@/]+@|(?i:password)\s*[=:]\s*\S{6,}"), None),
    ("date", re.compile(r"\b(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])\b"
                        r"|\b(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:19|20)\d{2}\b"
                        r"|\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:19|20)?\d{2}\b"
                        r"|\b(?:" + MONTH_ALT + r")\.? \d{1,2}\b|\b\d{1,2} (?:" + MONTH_ALT + r")\b"
                        r"|\d{4}年\d{1,2}月|\d{4}년 \d{1,2}월", re.IGNORECASE), None),
]


def _ip6(s):
    if s.count(":") < 2:
        return None
    try:
        ip = ipaddress.ip_address(s)
    except ValueError:
        return None
    return ip if ip.version == 6 else None


def check(rows):
    ids = set()
    problems = []
    for r in rows:
        rid, text = r["id"], r["text"]
        assert rid not in ids, rid
        ids.add(rid)
        spans = r["spans"]
        assert spans == sorted(spans, key=lambda s: (s["start"], s["end"])), (rid, "unsorted")
        assert len(spans) == len(r["_expect"]), rid
        prev = 0
        for s, (surf, lab, kind, raw) in zip(spans, r["_expect"]):
            st, en = s["start"], s["end"]
            assert 0 <= st < en <= len(text), (rid, s)
            assert st >= prev, (rid, "overlap", s)
            prev = en
            v = text[st:en]
            assert v == surf and s["label"] == lab, (rid, v, surf, lab)
            assert not v[0].isspace() and not v[-1].isspace(), (rid, v)
            assert v[-1] not in PUNCT_END, (rid, "trailing punctuation", v)
            assert v[0] not in PUNCT_START or (lab == "PHONE_NUMBER" and v[0] == "("), (rid, "leading punct", v)
            # surface vs. raw: equal, or raw JSON-escaped one or more times
            x = v
            for _ in range(3):
                if x == raw:
                    break
                x = json.loads("\"" + x + "\"")
            assert x == raw, (rid, v, raw)
            err = check_value(raw, lab, kind)
            assert err is None, (rid, lab, kind, raw, err)
        for st, en, kind, raw in r["_negs"]:
            err = check_neg(raw, kind)
            assert err is None, (rid, kind, raw, err)
            if kind not in ("aba", "card_bad", "iban_bad", "ssn_bad", "nhs_bad", "btc_bad"):
                # an order / ticket / NPI / ... number must not accidentally be a valid card, NHS, SSN or IBAN
                for name, rx, valid in SCANS:
                    if name in ("card", "nhs", "ssn", "iban", "btc58", "bech32"):
                        for m in rx.finditer(raw):
                            assert not valid(m.group(0)), (rid, kind, raw, name)
        for st, en in r["_json"]:
            json.loads(text[st:en])
        # leak scan of unlabelled text
        gold = [(s["start"], s["end"]) for s in spans]
        negs = [(st, en) for st, en, _, _ in r["_negs"]]
        for name, rx, valid in SCANS:
            for m in rx.finditer(text):
                a, z = m.start(), m.end()
                if any(gs < z and a < ge for gs, ge in gold):
                    continue
                if any(ns < z and a < ne for ns, ne in negs):
                    continue
                if valid is not None and not valid(m.group(0)):
                    continue
                problems.append((rid, r["meta"]["template"], name, m.group(0), text[max(0, a - 40):z + 20]))
    if problems:
        for p in problems[:60]:
            print("LEAK-SCAN", p, file=sys.stderr)
        raise SystemExit(f"{len(problems)} unlabelled look-alikes found")
    return True


def stats(rows):
    from collections import Counter
    c = Counter(s["label"] for r in rows for s in r["spans"])
    return c, sum(1 for r in rows if not r["spans"])


def main():
    rows = build_rows()
    check(rows)
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "challenge7.jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({k: v for k, v in r.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")
    c, n_clean = stats(rows)
    print(f"wrote {len(rows)} rows ({n_clean} without PII), {sum(c.values())} spans to {path}", file=sys.stderr)
    for lab in SCOPE:
        print(f"  {lab:24s} {c.get(lab, 0)}", file=sys.stderr)


if __name__ == "__main__":
    main()
