#!/usr/bin/env python3
"""Challenge set 8: tricky surface forms and document-length prompts.

Written blind to the detector, from /work/shared/eval/TAXONOMY.md (label rules), README.md / DESIGN.md (row format)
and score.py (code-point offsets, label_scope) only. Stdlib only, fixed seed, deterministic:

    python3 tests/data/make_challenge8.py            # writes tests/data/challenge8.jsonl

Themes
  1. obfuscation: values split by zero-width characters / soft hyphens / word joiners, fullwidth digits and letters,
     Arabic-Indic, Persian, Devanagari and Thai digits, NBSP / narrow-NBSP / non-breaking-hyphen separators,
     e-mails written "x (at) y (dot) com", "x at y dot co dot uk", "x[@]y[.]com", &#64; / &#x40; / &commat;, %40, \\u0040,
     fullwidth "＠", digits dictated one by one ("4 1 5 8 2 3 ..."), values in markdown / HTML attributes / CSV cells.
  2. boundaries and formats: values at the very start / end of the text, glued to punctuation, brackets, CJK / Korean /
     Thai / Arabic / Hebrew / Cyrillic text; 14/15/19-digit cards (Amex 4-6-5, Diners 4-6-4, 4-4-4-4-3); IBANs of 30
     countries compact and grouped; IPv6 compressed / link-local / mapped / bracketed with port; IPv4 with port or with a
     /prefix; MACs with colons, dashes and Cisco dots; URLs with query strings, fragments, IDN / punycode hosts,
     balanced parentheses, followed by ")" "." "," that are not part of them; phone extensions in twelve languages.
  3. document-length prompts (1-4 KB of UTF-8, 5-15 PII values each): discharge summaries, NHS letters, lab reports,
     HR onboarding forms, loan and rental applications, support-ticket threads, travel itineraries, legal letters,
     insurance claims, incident reports, vendor/wire forms, bank statements, prescriptions, KYC files, school forms,
     post-mortems, CRM exports; all with plenty of non-PII numbers (amounts, dosages, rooms, lab values, codes, public
     times) and PII-free long documents.
  4. hard negatives: checksum-invalid cards / IBANs / NHS numbers, SSNs with area 000/666/9xx (group 00, serial 0000),
     IPv4-shaped version strings and OIDs, public dates, UUIDs, hashes, git SHAs, base64 blobs, colon-hex
     fingerprints, placeholders and env-var references, masked values, format specifications, loopback / netmask.
  About a quarter of the rows carry no PII at all.

Decisions for cases TAXONOMY.md does not spell out (see also meta.note on the affected rows)
  * Obfuscated / split / escaped values: the span is the whole surface form, invisible characters and escape sequences
    included (TAXONOMY says so for e-mail; applied to every label, "one span per contiguous mention"). Invisible
    characters directly outside a value are not part of it. A span never starts or ends on whitespace, trailing
    punctuation or an invisible (Cf) character. Values written with fullwidth or non-ASCII digits are labelled when the
    digits, mapped to ASCII, give a valid value of the label.
  * Digits dictated with a space between every digit are a PHONE_NUMBER ("any format ... separators"), labelled only
    when the context says it is a phone number; spaced-out cards / IBANs are not used (left out).
  * Phone extensions are part of the span in every language ("ext. 12", "x12", "Durchwahl 12", "poste 12", "ramal 12",
    "interno 12", "toestel 12", "wew. 12", "доб. 12", "内線12", "내선 12", "extensión 12"); parenthesised extensions are
    left out.
  * IPv4 / IPv6 with a port: the span is the address only (without ":port", without the [ ] around IPv6). A host
    address written with a prefix length (ip addr / netplan "10.4.2.17/24"): the span is the address, "/24" excluded.
    Network prefixes ("10.0.0.0/8", broadcast addresses), zone ids ("fe80::1%eth0"), EUI-64 and host-named URLs that
    embed an IP literal are left out. 0.0.0.0/0 and ::/0 are unspecified -> negatives.
  * URLs: query string and fragment are part of the span; a ")" belongs to the URL only when it closes a "(" inside
    it (Wikipedia-style); trailing ".", ",", ")" etc. of the sentence are not part of it. Markdown [text](url): only the
    url (and the text, if it is itself a URL) are spans; <https://...> autolinks exclude the angle brackets. Relative
    paths and bare file names are not URLs. mailto: links are left out.
  * An e-mail that is percent-encoded is only used in a form-encoded body, never inside a URL (no nesting).
  * DATE_TIME: dates / times of a person's birth, admission, discharge, visit, specimen collection, hire / start,
    travel, signature, incident, personal transaction are labelled; a date and a time separated by a space or a word
    are two spans, a glued ISO "2025-03-12T14:35" one span. Public schedule times (opening hours, visiting hours,
    hotline hours), holidays, releases, laws, everyone's deadlines, fiscal periods, durations, ages and message /
    system timestamps are not labelled. Letter / header dates are avoided (left out). Buddhist-era Thai years and
    Arabic-Indic digits do not change the label.
  * "changeme" / "password" style defaults are not used (TAXONOMY does not call them placeholders); placeholders used
    are unambiguous (sk-xxxx…, <API_KEY>, ${DB_PASSWORD}, YOUR_TOKEN, ********, {{ secrets.X }}). Stripe test keys,
    publishable keys, AWS's documented example key, the Ethereum zero address, 123-45-6789, test card 4111… and
    documented example IBANs are left out (valid by the rules, but "example" by intent).
  * Non-health insurance policy numbers, employee ids, NPI / DEA / CLIA numbers, accession / claim / booking numbers are
    unlabelled (no such label); they are registered as negatives and checked not to be valid cards / NHS / SSNs.

Only the structured labels are annotated; every row has label_scope = those 17 labels, so PERSON / LOCATION /
ORGANIZATION / NRP mentions in the text are neither gold nor penalised (score.py drops out-of-scope predictions).

Every text is built from parts; offsets are recorded as values are appended (re-mapped when a part is escaped into
JSON), so they are code-point offsets by construction. The self-check at the end verifies every row: spans sorted,
in bounds, non-overlapping, never starting/ending on whitespace / trailing punctuation / invisible characters,
text[start:end] equal to the intended surface form; the surface, de-obfuscated (invisible characters removed, NFKC,
digits to ASCII, entities / %-escapes / \\u escapes / (at) (dot) words decoded), equals the canonical value; every
canonical value passes its label's validator (Luhn + issuer prefix / length / grouping, IBAN mod-97 + country length,
SSN ranges, NHS mod-11, Base58Check / bech32, EIP-55 or lowercase, MBI character classes, secret formats); every
deliberate look-alike is verifiably invalid; document rows are 1-4 KB with 5-15 values; and a scan of the unlabelled
text, also after de-obfuscation, finds no e-mail (plain or obfuscated), URL, bare domain, valid card / NHS / IBAN /
SSN, host IP, MAC, wallet, key-shaped token, phone-shaped number or date outside a gold span or registered negative.
"""
from __future__ import annotations

import base64
import hashlib
import html
import ipaddress
import json
import os
import random
import re
import string
import sys
import unicodedata
import urllib.parse
import uuid
from collections import Counter
from datetime import date, datetime, timedelta

SEED = 8_2025_0808
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


def is_cf(c):
    return unicodedata.category(c) == "Cf"


class B:
    """Append text parts. A labelled part records (start, end, label) plus (surface, label, kind, raw, canon): raw is
    the surface before any JSON escaping, canon the canonical value the surface must de-obfuscate to. Deliberate
    look-alikes are registered as negatives (start, end, kind, raw)."""

    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[dict] = []
        self.expect: list[tuple] = []
        self.negs: list[tuple] = []
        self.notes: list[str] = []
        self.jsonblocks: list[tuple] = []

    def t(self, s: str):
        self.parts.append(s)
        self.pos += len(s)
        return self

    def v(self, s: str, label: str, kind: str | None = None, canon: str | None = None):
        assert s and s == s.strip() and not is_cf(s[0]) and not is_cf(s[-1]), repr(s)
        self.spans.append({"start": self.pos, "end": self.pos + len(s), "label": label})
        self.expect.append((s, label, kind, s, s if canon is None else canon))
        return self.t(s)

    def n(self, s: str, kind: str):
        self.negs.append((self.pos, self.pos + len(s), kind, s))
        return self.t(s)

    def note(self, s):
        if s not in self.notes:
            self.notes.append(s)
        return self

    def put(self, val):
        if isinstance(val, B):
            return self.embed(val, None)
        if isinstance(val, tuple):
            s, label, kind, canon = (val + (None, None))[:4]
            if label:
                return self.v(s, label, kind, canon)
            return self.n(s, kind or "neg")
        return self.t(str(val))

    def f(self, template: str, **kw):
        """str.format-like: {name} is replaced by kw[name]; a tuple (text, label[, kind[, canon]]) is a labelled value,
        (text, None, kind) a registered negative, a B is spliced in verbatim, anything else is plain text."""
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
        """Splice another builder's text in, escaping every character with esc (None = verbatim)."""
        esc = esc or (lambda c: c)
        base = self.pos
        offs, out, p = [], [], 0
        for ch in sub.text:
            offs.append(p)
            e = esc(ch)
            out.append(e)
            p += len(e)
        offs.append(p)
        for sp, (surf, lab, kind, raw, canon) in zip(sub.spans, sub.expect):
            st, en = base + offs[sp["start"]], base + offs[sp["end"]]
            self.spans.append({"start": st, "end": en, "label": lab})
            self.expect.append(("".join(esc(c) for c in surf), lab, kind, raw, canon))
        for st, en, kind, raw in sub.negs:
            self.negs.append((base + offs[st], base + offs[en], kind, raw))
        for st, en in sub.jsonblocks:
            self.jsonblocks.append((base + offs[st], base + offs[en]))
        for nt in sub.notes:
            self.note(nt)
        return self.t("".join(out))

    @property
    def text(self):
        return "".join(self.parts)

    def nbytes(self):
        return len(self.text.encode("utf-8"))


def sub(template: str, **kw) -> B:
    return B().f(template, **kw)


def L(label, kind=None):
    return lambda s, canon=None: (s, label, kind, canon)


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


class Cycle:
    """Deterministic round-robin over shuffled lists, so that every variant of a family appears."""

    def __init__(self):
        self.state = {}

    def __call__(self, key, items):
        items = list(items)
        st = self.state.get(key)
        if st is None or not st[1]:
            order = items[:]
            R.shuffle(order)
            st = [items, order]
            self.state[key] = st
        return st[1].pop()


cyc = Cycle()


# --- Luhn / cards -------------------------------------------------------------------------------
def luhn_ok(num: str) -> bool:
    if not num.isdigit():
        return False
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
    """Issuer by IIN prefix and length (the ranges used by the generator)."""
    n = len(num)
    if not num.isdigit():
        return None
    if num[0] == "4" and n in (13, 16, 19):
        return "visa"
    if n == 16 and (51 <= int(num[:2]) <= 55 or 2221 <= int(num[:4]) <= 2720):
        return "mastercard"
    if n == 15 and num[:2] in ("34", "37"):
        return "amex"
    if n in (16, 19) and (num[:4] == "6011" or num[:2] == "65" or 644 <= int(num[:3]) <= 649):
        return "discover"
    if n in (16, 19) and 3528 <= int(num[:4]) <= 3589:
        return "jcb"
    if n == 14 and (num[:2] == "36" or 300 <= int(num[:3]) <= 305):
        return "diners"
    if 16 <= n <= 19 and num[:2] == "62":
        return "unionpay"
    return None


CARD_KINDS = ["visa", "visa", "visa", "mc", "mc", "mc2", "amex", "disc", "disc65", "jcb", "diners", "unionpay",
              "visa19", "disc19", "unionpay19"]


def card_digits(kind=None):
    kind = kind or pick(["visa", "visa", "mc", "mc", "mc2", "amex", "disc", "disc65", "jcb"])
    p = {"visa": lambda: "4" + d(14), "mc": lambda: "5" + pick("12345") + d(13),
         "mc2": lambda: str(R.randint(2221, 2720)) + d(11), "amex": lambda: "3" + pick("47") + d(12),
         "disc": lambda: "6011" + d(11), "disc65": lambda: "65" + d(13), "jcb": lambda: str(R.randint(3528, 3589)) + d(11),
         "diners": lambda: "36" + d(11), "unionpay": lambda: "62" + pick(["2", "4", "5", "6", "8"]) + d(12),
         "visa19": lambda: "4" + d(17), "disc19": lambda: "6011" + d(14),
         "unionpay19": lambda: "62" + pick(["2", "4", "5", "6", "8"]) + d(15)}[kind]()
    x = luhn_complete(p)
    assert card_brand(x), (kind, x)
    return x


def card_groups(n):
    return {15: [4, 6, 5], 14: [4, 6, 4], 19: [4, 4, 4, 4, 3], 16: [4, 4, 4, 4], 13: [4, 4, 5]}[n]


def group_card(num: str, sep=None):
    sep = pick([" ", " ", "-", ""]) if sep is None else sep
    out, i = [], 0
    for g in card_groups(len(num)):
        out.append(num[i:i + g])
        i += g
    return sep.join(out)


def card(sep=None, kind=None):
    return group_card(card_digits(kind), sep)


def bad_card_digits(kind=None):
    good = card_digits(kind or pick(["visa", "mc", "disc", "amex"]))
    bad = good[:-1] + str((int(good[-1]) + R.randint(1, 9)) % 10)
    assert not luhn_ok(bad)
    return bad


def bad_card(sep=None, kind=None):
    return group_card(bad_card_digits(kind), sep)


def ssn_valid(s: str) -> bool:
    x = s.replace("-", "").replace(" ", "")
    if len(x) != 9 or not x.isdigit():
        return False
    a, g, n = x[:3], x[3:5], x[5:]
    return a != "000" and a != "666" and a[0] != "9" and g != "00" and n != "0000"


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


def not_luhn_digits(n, first=None):
    """n digits that are not a valid card, NHS number or SSN (for reference numbers that must stay unlabelled)."""
    while True:
        x = ((first or R.choice("123456789")) + d(n))[:n]
        if not luhn_ok(x) and not (n == 10 and nhs_ok(x)) and not (n == 9 and ssn_valid(x)):
            return x


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
    kind = kind or pick(["000", "666", "9xx", "9xx", "g00", "s0000"])
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


def nhs(sep=None):
    sep = pick([" ", " ", "", "-"]) if sep is None else sep
    while True:
        f9 = pick("3456789") + d(8)
        c = nhs_check(f9)
        if c is not None and not luhn_ok(f9 + str(c)):
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
# BBAN structure per country (SWIFT IBAN registry notation: n digits, a upper-case letters, c alphanumerics)
IBAN_SPEC = {
    "AD": "4n4n12c", "AE": "3n16n", "AT": "5n11n", "BE": "3n7n2n", "BG": "4a4n2n8c", "BR": "8n5n10n1a1c",
    "CH": "5n12c", "CY": "3n5n16c", "CZ": "4n6n10n", "DE": "8n10n", "DK": "4n9n1n", "EE": "2n2n11n1n",
    "ES": "4n4n1n1n10n", "FI": "3n11n", "FR": "5n5n11c2n", "GB": "4a6n8n", "GR": "3n4n16c", "HR": "7n10n",
    "HU": "3n4n1n15n1n", "IE": "4a6n8n", "IL": "3n3n13n", "IT": "1a5n5n12c", "LT": "5n11n", "LU": "3n13c",
    "MT": "4a5n18c", "NL": "4a10n", "NO": "4n6n1n", "PL": "8n16n", "PT": "4n4n11n2n", "RO": "4a16c",
    "SA": "2n18c", "SE": "3n16n1n", "SK": "4n6n10n", "TR": "5n1n16c",
}


def _spec_len(spec):
    return sum(int(x) for x in re.findall(r"(\d+)[nac]", spec))


IBAN_LEN = {cc: 4 + _spec_len(sp) for cc, sp in IBAN_SPEC.items()}
assert IBAN_LEN["NO"] == 15 and IBAN_LEN["MT"] == 31 and IBAN_LEN["DE"] == 22 and IBAN_LEN["FR"] == 27
BANK_CODES = {"GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL"], "IE": ["AIBK", "BOFI"], "NL": ["ABNA", "INGB", "RABO", "TRIO", "KNAB", "BUNQ"],
              "RO": ["BTRL", "RNCB", "BRDE"], "MT": ["MALT", "VALL"], "BG": ["BNBG", "UNCR", "STSA"]}


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


def _es_dc(ten):
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    c = 11 - sum(int(a) * b for a, b in zip(ten, w)) % 11
    return {11: 0, 10: 1}.get(c, c)


def iban_bban(cc):
    spec = IBAN_SPEC[cc]
    while True:
        out = []
        for n, k in re.findall(r"(\d+)([nac])", spec):
            n = int(n)
            if k == "n":
                out.append(d(n))
            elif k == "a":
                out.append("".join(pick(BANK_CODES[cc])) if n == 4 and cc in BANK_CODES else up(n))
            else:
                out.append(d(n) if chance(0.7) else up(2) + d(n - 2) if n > 4 else d(n))
        bban = "".join(out)
        if cc == "BE":  # national check: last two digits = first ten mod 97
            k = int(bban[:10]) % 97 or 97
            bban = bban[:10] + f"{k:02d}"
        elif cc == "ES":  # two national check digits (DC)
            bban = bban[:8] + str(_es_dc("00" + bban[:8])) + str(_es_dc(bban[10:])) + bban[10:]
        elif cc == "FR":  # RIB key over bank, branch and (numeric) account
            acct = d(11)
            key = 97 - (89 * int(bban[:5]) + 15 * int(bban[5:10]) + 3 * int(acct)) % 97
            bban = bban[:10] + acct + f"{key:02d}"
        elif cc == "NO":  # mod-11 national check digit
            w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
            c = 11 - sum(int(a) * b for a, b in zip(bban[:10], w)) % 11
            if c == 10:
                continue
            bban = bban[:10] + str(0 if c == 11 else c)
        elif cc == "TR":
            bban = bban[:5] + "0" + bban[6:]
        return bban


def group4(x, sep=" "):
    return sep.join(x[i:i + 4] for i in range(0, len(x), 4))


def iban_raw(cc=None):
    cc = cc or pick(["DE", "GB", "FR", "NL", "ES", "IT", "CH", "BE", "AT", "IE"])
    return iban_make(cc, iban_bban(cc))


def iban(cc=None, grouped=None):
    x = iban_raw(cc)
    grouped = chance(0.6) if grouped is None else grouped
    return group4(x) if grouped else x


def bad_iban(cc=None, grouped=True):
    cc = cc or pick(["DE", "GB", "NL", "FR", "ES", "IT", "BE", "PL"])
    good = iban_raw(cc)
    while True:
        kind = pick(["chk", "digit", "swap"])
        if kind == "chk":
            bad = good[:2] + f"{R.randint(2, 98):02d}" + good[4:]
        elif kind == "swap":
            i = R.randint(5, len(good) - 2)
            bad = good[:i] + good[i + 1] + good[i] + good[i + 2:]
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
        while True:
            x = dnz(9)
            if not ssn_valid(x):  # a 9-digit passport that is not also a valid SSN shape
                return x
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
    "PA": lambda: f"{d(2)} {d(3)} {d(3)}",
    "MI": lambda: f"{up(1)} {d(3)} {d(3)} {d(3)} {d(3)}",
    "CO": lambda: f"{d(2)}-{d(3)}-{d(4)}",
    "MA": lambda: "S" + d(8),
}
STATE_NAMES = {"CA": "California", "NY": "New York", "FL": "Florida", "WI": "Wisconsin", "IL": "Illinois", "TX": "Texas",
               "WA": "Washington", "NJ": "New Jersey", "OH": "Ohio", "AZ": "Arizona", "PA": "Pennsylvania",
               "MI": "Michigan", "CO": "Colorado", "MA": "Massachusetts"}


def dl(state=None):
    state = state or pick(list(DL_FORMATS))
    while True:
        x = DL_FORMATS[state]()
        if not ssn_valid(x) and not (len(re.sub(r"\D", "", x)) == 10 and nhs_ok(re.sub(r"\D", "", x))):
            return state, x


def mrn():
    while True:
        x = pick([lambda: "00" + d(6), lambda: dnz(8), lambda: dnz(7), lambda: f"{d(7)}-{d(1)}",
                  lambda: "MR" + d(7), lambda: "E" + d(8), lambda: f"{d(3)}-{d(3)}-{d(3)}", lambda: "H" + d(7)])()
        if not ssn_valid(x):
            return x


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
                 lambda: "U" + d(8) + pick(["01", "02"]), lambda: up(3) + "W" + d(8), lambda: "ZGP" + d(8),
                 lambda: f"M{d(4)}-{d(5)}"])()


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


IPV6_STYLES = ["full", "lead0", "compressed", "linklocal", "upper", "mapped", "ula", "doc", "short"]


def ipv6(style=None):
    style = style or pick(["full", "compressed", "compressed", "linklocal", "ula", "doc", "upper", "short"])
    h = lambda lo=0, hi=0xffff: f"{R.randint(lo, hi):x}"
    if style == "full":
        return ":".join(["2001", h(0x4000, 0x4fff)] + [h() for _ in range(6)])
    if style == "lead0":
        return ":".join(["2001", "0db8", f"{R.randint(0, 0xffff):04x}", "0000", "0000", f"{R.randint(1, 0xffff):04x}",
                         f"{R.randint(0, 0xffff):04x}", f"{R.randint(1, 0xffff):04x}"])
    if style == "compressed":
        return f"2a02:{h(0x1000)}:{h(1)}::{h(1)}"
    if style == "linklocal":
        return f"fe80::{h(0x100)}:{h(0x10, 0xff)}ff:fe{h(0x10, 0xff)}:{h(0x1000)}"
    if style == "upper":
        return f"2001:DB8:{R.randint(1, 0xffff):X}::{R.randint(0x100, 0xffff):X}:{R.randint(0x100, 0xffff):X}"
    if style == "mapped":
        return f"::ffff:{ipv4(False)}"
    if style == "ula":
        return f"fd{R.randint(0, 255):02x}:{h(1)}:{h(1)}::{h(2)}"
    if style == "short":
        return f"2600:{h(0x1000)}::{h(2, 0xff)}"
    return f"2001:db8:{h(1)}::{h(1, 0xfff)}"


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
    if style == "dashl":
        return "-".join(f"{x:02x}" for x in b)
    h = "".join(f"{x:02x}" for x in b)
    out = f"{h[:4]}.{h[4:8]}.{h[8:]}"
    return out.upper() if style == "ciscoU" else out


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
    if vals[0] != 0 or _polymod(_hrp_expand(hrp) + vals) != 1:  # witness v0 (bech32, constant 1)
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
        s, alphabet = btc_base58(0), B58
    else:
        s, alphabet = btc_bech32(20), BECH
    while True:
        i = R.randint(5, len(s) - 2)
        t = s[:i] + pick([c for c in alphabet if c != s[i]]) + s[i + 1:]
        if not b58check_ok(t) and not bech32_ok(t):
            return t


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


# known-answer test of the Keccak implementation (empty input)
assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"


def eip55(addr_hex40: str) -> str:
    a = addr_hex40.lower()
    h = keccak256(a.encode()).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(h[i], 16) >= 8 else c for i, c in enumerate(a))


# EIP-55 test vector
assert eip55("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed") == "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


def eth_ok(s: str) -> bool:
    if not re.fullmatch(r"0x[0-9a-fA-F]{40}", s):
        return False
    body = s[2:]
    return body == body.lower() or s == eip55(body)


def eth(checksummed=None):
    while True:
        raw = hexs(40)
        if any(c.isalpha() for c in raw) and raw.strip("0"):
            break
    checksummed = chance(0.6) if checksummed is None else checksummed
    s = eip55(raw) if checksummed else "0x" + raw
    assert eth_ok(s)
    return s


def bad_eth():
    """A mixed-case 0x+40-hex string whose case pattern is not the EIP-55 checksum."""
    while True:
        good = eip55(hexs(40))
        letters = [i for i, c in enumerate(good) if i > 1 and c.isalpha()]
        if len(letters) < 4:
            continue
        i = pick(letters)
        bad = good[:i] + good[i].swapcase() + good[i + 1:]
        if not eth_ok(bad):
            return bad


def eth_tx():
    return "0x" + hexs(64)


def git_sha(n=40):
    return hexs(n)


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
    lines = lines or R.randint(3, 6)
    body = PEM_KINDS[kind] + base64.b64encode(bytes(R.getrandbits(8) for _ in range(48 * lines))).decode()
    body = body[:64 * lines - R.randint(8, 40)]
    rows = [body[i:i + 64] for i in range(0, len(body), 64)]
    return f"-----BEGIN {kind}-----\n" + "\n".join(rows) + f"\n-----END {kind}-----"


def pem_ok(s):
    return bool(re.fullmatch(r"-----BEGIN ([A-Z ]*PRIVATE KEY)-----\n((?:[A-Za-z0-9+/=]{1,64}\n)+)-----END \1-----", s))


PW_WORDS = ["Harbor", "Maple", "Quartz", "Falcon", "Juniper", "Copper", "Lantern", "Orchid", "Basalt", "Nimbus",
            "Tundra", "Saffron", "Vortex", "Cobalt", "Meadow", "Pylon", "Glacier", "Thistle"]


def password(url_safe=False):
    w = pick(PW_WORDS)
    if url_safe:
        return w + d(R.randint(2, 4)) + alnum(R.randint(4, 8)) + pick(["x", "Q", "7", "Rt", "zz"])
    return (w + pick(["!", "#", "$", "%", "@", "_", "&", "*"]) + d(R.randint(2, 4)) + alnum(R.randint(2, 5))
            + pick(["x", "Q", "9", "Rt", "v"]))


def conn_string(kind=None, host=None):
    kind = kind or pick(["postgres", "postgresql", "mysql", "mongodb+srv", "redis", "amqp"])
    user = pick(["app", "svc_billing", "etl", "admin", "api_rw", "reporting", "orders"])
    pw = password(url_safe=True)
    if kind in ("postgres", "postgresql"):
        host = host or pick(["db.internal", "pg-prod.cx81.eu-west-1.rds.amazonaws.com"])
        return f"{kind}://{user}:{pw}@{host}:5432/{pick(['app', 'billing', 'crm', 'orders'])}" + pick(["", "?sslmode=require"])
    if kind == "mysql":
        return f"mysql://{user}:{pw}@{host or 'mysql-primary'}:3306/{pick(['shop', 'wp', 'crm'])}"
    if kind == "mongodb+srv":
        return f"mongodb+srv://{user}:{pw}@cluster0.{alnum(5, LOW + DIG)}.mongodb.net/{pick(['prod', 'app'])}?retryWrites=true&w=majority"
    if kind == "redis":
        return f"redis://:{pw}@{host or 'cache.internal'}:6379/0"
    return f"amqp://{user}:{pw}@{host or 'rabbitmq'}:5672/%2F"


# --- people / contact -----------------------------------------------------------------------------
FIRST = ["Maria", "James", "Aisha", "Tomas", "Priya", "Daniel", "Chloe", "Marcus", "Keisha", "Wei", "Olivia",
         "Rahul", "Sofia", "Jamal", "Hannah", "Diego", "Grace", "Ethan", "Nadia", "Brandon", "Fatima", "Logan",
         "Renee", "Kofi", "Megan", "Luis", "Zoe", "Andre", "Yuki", "Connor", "Ingrid", "Malik", "Beatrix", "Omar",
         "Lena", "Tariq", "Harriet", "Mateo", "Siobhan", "Ravi"]
LAST = ["Okafor", "Hernandez", "Nguyen", "Kowalski", "Patel", "OBrien", "Schultz", "Delgado", "Washington",
        "Kim", "Fitzgerald", "Moreau", "Castillo", "Brennan", "Haddad", "Lindqvist", "Yamamoto", "Abernathy",
        "Reyes", "Thornton", "Mbeki", "Sullivan", "Ivanova", "Park", "Gallagher", "Dubois", "Novak", "Achebe",
        "Whitfield", "Quintero", "Adeyemi", "Halvorsen", "Marchetti", "Osei"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me", "hotmail.com", "aol.com",
           "comcast.net", "fastmail.com", "gmx.net"]
UK_DOMAINS = ["btinternet.com", "sky.com", "yahoo.co.uk", "hotmail.co.uk", "nhs.net", "virginmedia.com"]
CORP = ["northwind-traders.com", "lakeshorehealth.org", "pinecrestbank.com", "brightpath.edu", "cobaltsoft.dev",
        "acme-logistics.io", "harborclaims.com", "quillpay.io", "tidewater-labs.com", "orbitcrm.net",
        "fernhill-legal.co.uk", "meridianlending.com", "stellarair.travel", "oakridgeclinic.org"]


def person():
    return pick(FIRST), pick(LAST)


def local_part(first, last):
    f, l = first.lower(), last.lower()
    return pick([f"{f}.{l}", f"{f[0]}{l}", f"{f}{l[0]}{R.randint(1, 99)}", f"{l}.{f}", f"{f}_{l}",
                 f"{f}.{l}{R.randint(70, 99)}", f"{f}+{pick(['shop', 'work', 'news'])}", f"{f[0]}.{l}"])


def email(first=None, last=None, domain=None):
    first = first or pick(FIRST)
    last = last or pick(LAST)
    return f"{local_part(first, last)}@{domain or pick(DOMAINS)}"


def corp_email(role=None, domain=None):
    return f"{role or pick(['support', 'billing', 'ops', 'security', 'hr', 'noreply', 'claims', 'admissions'])}@{domain or pick(CORP)}"


def nanp():
    while True:
        a = f"{R.randint(2, 9)}{R.randint(0, 8)}{R.randint(0, 9)}"
        e = f"{R.randint(2, 9)}{R.randint(0, 9)}{R.randint(0, 9)}"
        n = d(4)
        if e[1:] != "11" and a[1:] != "11" and a[1:] != "00" and e != "555" and a != "555" and not nhs_ok(a + e + n):
            return a, e, n


def us_phone(ext=None, style=None):
    a, e, n = nanp()
    forms = [f"({a}) {e}-{n}", f"{a}-{e}-{n}", f"{a}.{e}.{n}", f"+1 {a} {e} {n}", f"+1-{a}-{e}-{n}",
             f"1 ({a}) {e}-{n}", f"{a} {e} {n}", f"+1 ({a}) {e}-{n}", f"+1.{a}.{e}.{n}"]
    s = forms[style] if style is not None else pick(forms)
    ext = chance(0.15) if ext is None else ext
    if ext:
        s += pick([f" ext. {d(R.randint(2, 4))}", f" x{d(R.randint(3, 5))}", f" ext {d(3)}", f" Ext. {d(3)}"])
    return s


def tollfree():
    return pick([f"1-{pick(['800', '888', '877', '866'])}-{dnz(3)}-{d(4)}", f"({pick(['800', '888'])}) {dnz(3)}-{d(4)}"])


def _mk(*fs):
    return list(fs)


PHONES = {
    "GB": {"mi": _mk(lambda: f"+44 7{d(3)} {d(6)}", lambda: f"+44 (0)7{d(3)} {d(6)}"),
           "mn": _mk(lambda: f"07{d(3)} {d(6)}", lambda: f"07{d(3)} {d(3)} {d(3)}"),
           "li": _mk(lambda: f"+44 20 7{d(3)} {d(4)}", lambda: f"+44 (0)161 {dnz(3)} {d(4)}"),
           "ln": _mk(lambda: f"020 7{d(3)} {d(4)}", lambda: f"0161 {dnz(3)} {d(4)}", lambda: f"0113 {dnz(3)} {d(4)}")},
    "ES": {"mi": _mk(lambda: f"+34 6{d(2)} {d(3)} {d(3)}", lambda: f"+34 6{d(2)} {d(2)} {d(2)} {d(2)}"),
           "mn": _mk(lambda: f"6{d(2)} {d(3)} {d(3)}", lambda: f"6{d(2)} {d(2)} {d(2)} {d(2)}"),
           "li": _mk(lambda: f"+34 91 {dnz(3)} {d(2)} {d(2)}", lambda: f"+34 93 {dnz(3)} {d(2)} {d(2)}"),
           "ln": _mk(lambda: f"91 {dnz(3)} {d(2)} {d(2)}", lambda: f"93 {dnz(3)} {d(2)} {d(2)}")},
    "DE": {"mi": _mk(lambda: f"+49 15{pick('1279')} {d(8)}", lambda: f"+49 176 {d(4)} {d(4)}", lambda: f"+49 (0)170 {d(7)}"),
           "mn": _mk(lambda: f"015{pick('1279')} {d(8)}", lambda: f"0176-{d(8)}", lambda: f"0170 {d(7)}"),
           "li": _mk(lambda: f"+49 30 {dnz(7)}", lambda: f"+49 (0)89 {dnz(3)} {d(4)}"),
           "ln": _mk(lambda: f"030 {dnz(4)} {d(4)}", lambda: f"089/{dnz(7)}", lambda: f"(040) {dnz(3)} {d(3)} {d(2)}")},
    "FR": {"mi": _mk(lambda: f"+33 {pick('67')} {d(2)} {d(2)} {d(2)} {d(2)}", lambda: f"+33 (0){pick('67')} {d(2)} {d(2)} {d(2)} {d(2)}"),
           "mn": _mk(lambda: f"0{pick('67')} {d(2)} {d(2)} {d(2)} {d(2)}", lambda: f"0{pick('67')}.{d(2)}.{d(2)}.{d(2)}.{d(2)}"),
           "li": _mk(lambda: f"+33 {pick('1245')} {d(2)} {d(2)} {d(2)} {d(2)}"),
           "ln": _mk(lambda: f"0{pick('1245')} {d(2)} {d(2)} {d(2)} {d(2)}")},
    "PT": {"mi": _mk(lambda: f"+351 9{pick('1236')}{d(1)} {d(3)} {d(3)}"), "mn": _mk(lambda: f"9{pick('1236')}{d(1)} {d(3)} {d(3)}"),
           "li": _mk(lambda: f"+351 21 {dnz(3)} {d(4)}"), "ln": _mk(lambda: f"21 {dnz(3)} {d(4)}")},
    "BR": {"mi": _mk(lambda: f"+55 11 9{d(4)}-{d(4)}", lambda: f"+55 (21) 9{d(4)}-{d(4)}"),
           "mn": _mk(lambda: f"(11) 9{d(4)}-{d(4)}", lambda: f"(31) 9{d(4)}-{d(4)}"),
           "li": _mk(lambda: f"+55 11 3{d(3)}-{d(4)}"), "ln": _mk(lambda: f"(21) 2{d(3)}-{d(4)}", lambda: f"(11) 3{d(3)}-{d(4)}")},
    "IT": {"mi": _mk(lambda: f"+39 3{pick('234579')}{d(1)} {d(3)} {d(4)}"), "mn": _mk(lambda: f"3{pick('234579')}{d(1)} {d(3)} {d(4)}"),
           "li": _mk(lambda: f"+39 06 {dnz(4)} {d(4)}", lambda: f"+39 02 {dnz(7)}"),
           "ln": _mk(lambda: f"06 {dnz(4)} {d(4)}", lambda: f"02 {dnz(7)}")},
    "NL": {"mi": _mk(lambda: f"+31 6 {d(8)}", lambda: f"+31 6-{d(8)}"), "mn": _mk(lambda: f"06-{d(8)}", lambda: f"06 {d(2)} {d(2)} {d(2)} {d(2)}"),
           "li": _mk(lambda: f"+31 (0)20 {dnz(3)} {d(4)}", lambda: f"+31 10 {dnz(3)} {d(4)}"),
           "ln": _mk(lambda: f"020-{dnz(7)}", lambda: f"010 {dnz(3)} {d(4)}")},
    "PL": {"mi": _mk(lambda: f"+48 {pick('5678')}{d(2)} {d(3)} {d(3)}"), "mn": _mk(lambda: f"{pick('5678')}{d(2)} {d(3)} {d(3)}"),
           "li": _mk(lambda: f"+48 22 {dnz(3)} {d(2)} {d(2)}"), "ln": _mk(lambda: f"22 {dnz(3)} {d(2)} {d(2)}", lambda: f"(12) {dnz(3)} {d(2)} {d(2)}")},
    "IN": {"mi": _mk(lambda: f"+91 {pick('6789')}{d(4)} {d(5)}", lambda: f"+91-{pick('6789')}{d(9)}"),
           "mn": _mk(lambda: f"{pick('6789')}{d(4)} {d(5)}", lambda: f"0{pick('6789')}{d(4)} {d(5)}"),
           "li": _mk(lambda: f"+91-22-{dnz(4)}-{d(4)}", lambda: f"+91 11 {dnz(4)} {d(4)}"),
           "ln": _mk(lambda: f"022-{dnz(4)} {d(4)}", lambda: f"011 {dnz(4)} {d(4)}")},
    "JP": {"mi": _mk(lambda: f"+81 90-{d(4)}-{d(4)}", lambda: f"+81 80-{d(4)}-{d(4)}"),
           "mn": _mk(lambda: f"090-{d(4)}-{d(4)}", lambda: f"080-{d(4)}-{d(4)}", lambda: f"070-{d(4)}-{d(4)}"),
           "li": _mk(lambda: f"+81 3 {dnz(4)} {d(4)}", lambda: f"+81 6-{dnz(4)}-{d(4)}"),
           "ln": _mk(lambda: f"03-{dnz(4)}-{d(4)}", lambda: f"06-{dnz(4)}-{d(4)}")},
    "KR": {"mi": _mk(lambda: f"+82 10-{d(4)}-{d(4)}", lambda: f"+82 10 {d(4)} {d(4)}"),
           "mn": _mk(lambda: f"010-{d(4)}-{d(4)}", lambda: f"010 {d(4)} {d(4)}"),
           "li": _mk(lambda: f"+82 2-{dnz(3)}-{d(4)}"), "ln": _mk(lambda: f"02-{dnz(3)}-{d(4)}", lambda: f"031-{dnz(3)}-{d(4)}")},
    "SA": {"mi": _mk(lambda: f"+966 5{pick('0345')} {d(3)} {d(4)}"), "mn": _mk(lambda: f"05{pick('0345')} {d(3)} {d(4)}"),
           "li": _mk(lambda: f"+966 11 {dnz(3)} {d(4)}"), "ln": _mk(lambda: f"011 {dnz(3)} {d(4)}")},
    "AE": {"mi": _mk(lambda: f"+971 5{pick('0256')} {d(3)} {d(4)}"), "mn": _mk(lambda: f"05{pick('0256')} {d(3)} {d(4)}"),
           "li": _mk(lambda: f"+971 4 {dnz(3)} {d(4)}"), "ln": _mk(lambda: f"04 {dnz(3)} {d(4)}")},
    "EG": {"mi": _mk(lambda: f"+20 1{pick('0125')} {d(4)} {d(4)}"), "mn": _mk(lambda: f"01{pick('0125')} {d(4)} {d(4)}"),
           "li": _mk(lambda: f"+20 2 {dnz(4)} {d(4)}"), "ln": _mk(lambda: f"02 {dnz(4)} {d(4)}")},
    "IL": {"mi": _mk(lambda: f"+972 5{pick('02348')}-{dnz(3)}-{d(4)}"), "mn": _mk(lambda: f"05{pick('02348')}-{dnz(3)}-{d(4)}"),
           "li": _mk(lambda: f"+972-3-{dnz(3)}-{d(4)}"), "ln": _mk(lambda: f"03-{dnz(3)}-{d(4)}", lambda: f"02-{dnz(3)}-{d(4)}")},
    "TR": {"mi": _mk(lambda: f"+90 5{pick('345')}{d(1)} {d(3)} {d(2)} {d(2)}"), "mn": _mk(lambda: f"05{pick('345')}{d(1)} {d(3)} {d(2)} {d(2)}"),
           "li": _mk(lambda: f"+90 212 {dnz(3)} {d(2)} {d(2)}"), "ln": _mk(lambda: f"(0212) {dnz(3)} {d(2)} {d(2)}")},
    "AU": {"mi": _mk(lambda: f"+61 4{d(2)} {d(3)} {d(3)}"), "mn": _mk(lambda: f"04{d(2)} {d(3)} {d(3)}"),
           "li": _mk(lambda: f"+61 2 {dnz(4)} {d(4)}"), "ln": _mk(lambda: f"(02) {dnz(4)} {d(4)}")},
    "IE": {"mi": _mk(lambda: f"+353 8{pick('3579')} {d(3)} {d(4)}"), "mn": _mk(lambda: f"08{pick('3579')} {d(3)} {d(4)}"),
           "li": _mk(lambda: f"+353 1 {dnz(3)} {d(4)}"), "ln": _mk(lambda: f"(01) {dnz(3)} {d(4)}")},
    "CN": {"mi": _mk(lambda: f"+86 1{pick('3589')}{d(1)} {d(4)} {d(4)}", lambda: f"+86-1{pick('3589')}{d(1)}-{d(4)}-{d(4)}"),
           "mn": _mk(lambda: f"1{pick('3589')}{d(1)} {d(4)} {d(4)}", lambda: f"1{pick('3589')}{d(1)}-{d(4)}-{d(4)}"),
           "li": _mk(lambda: f"+86 10 {dnz(4)} {d(4)}", lambda: f"+86 21 {dnz(4)} {d(4)}"),
           "ln": _mk(lambda: f"010-{dnz(4)}-{d(4)}", lambda: f"021-{dnz(4)}-{d(4)}")},
    "TH": {"mi": _mk(lambda: f"+66 {pick('689')}{d(1)} {d(3)} {d(4)}"), "mn": _mk(lambda: f"0{pick('689')}{d(1)}-{d(3)}-{d(4)}"),
           "li": _mk(lambda: f"+66 2 {dnz(3)} {d(4)}"), "ln": _mk(lambda: f"02-{dnz(3)}-{d(4)}")},
    "RU": {"mi": _mk(lambda: f"+7 9{d(2)} {d(3)}-{d(2)}-{d(2)}", lambda: f"+7 (9{d(2)}) {d(3)}-{d(2)}-{d(2)}"),
           "mn": _mk(lambda: f"8 (9{d(2)}) {d(3)}-{d(2)}-{d(2)}", lambda: f"8 9{d(2)} {d(3)} {d(2)} {d(2)}"),
           "li": _mk(lambda: f"+7 495 {dnz(3)}-{d(2)}-{d(2)}"), "ln": _mk(lambda: f"8 (495) {dnz(3)}-{d(2)}-{d(2)}")},
}


def phone(cc, intl=None, mobile=None):
    if cc == "US":
        return us_phone(ext=False)
    intl = chance(0.5) if intl is None else intl
    mobile = chance(0.75) if mobile is None else mobile
    return pick(PHONES[cc][("m" if mobile else "l") + ("i" if intl else "n")])()


# extension markers by language (the extension is part of the PHONE_NUMBER span)
EXT_WORDS = {
    "en": ["ext. ", "ext ", "x", "extension "], "de": ["Durchwahl ", "App. ", "Dw. "], "fr": ["poste "],
    "es": ["ext. ", "extensión "], "pt": ["ramal "], "it": ["interno ", "int. "], "nl": ["toestel "],
    "pl": ["wew. "], "ru": ["доб. "], "ja": ["内線", "内線 "], "ko": ["내선 "], "tr": ["dahili "],
}
EXT_RE = re.compile(r"\s*(?:ext\.?|x|extension|Ext\.|Durchwahl|App\.|Dw\.|poste|extensión|ramal|interno|int\.|toestel|"
                    r"wew\.|доб\.|内線|내선|dahili)\s*\d{1,5}$", re.IGNORECASE)


def with_ext(num, lang):
    return num + " " + pick(EXT_WORDS[lang]) + d(R.randint(2, 4))


def url(kind=None, host=None):
    host = host or pick(CORP)
    path = pick(["/account/settings", "/help/articles/4412-reset-password", "/invoices/2025/03", "/careers/apply",
                 "/docs/api/v2/auth", "/support/ticket/new", "/status", "/portal/login?next=%2Fbilling",
                 "/u/profile/edit", "/patients/portal", "/claims/status?ref=CLM-" + d(6), "/download/setup.exe"])
    kind = kind or pick(["https", "https", "https", "www", "http", "hostpath"])
    if kind == "https":
        return f"https://{pick(['', 'app.', 'portal.', 'docs.', 'my.'])}{host}{path}"
    if kind == "http":
        return f"http://{host}{path}"
    if kind == "www":
        return f"www.{host}{pick(['', path])}"
    return f"{host}{path}"


URL_RE = re.compile(r"(?:(?:https?|ftp)://|www\.)[^\s<>\"]+|[\w.-]+\.[a-z]{2,}/[^\s<>\"]*")


def url_ok(s):
    if not URL_RE.fullmatch(s):
        return False
    if s.endswith(")") and s.count("(") != s.count(")"):
        return False
    return True


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
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
           "ديسمبر"],
    "th": ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม",
           "พฤศจิกายน", "ธันวาคม"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
           "декабря"],
    "hi": ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर",
           "दिसंबर"],
}


def rdate(y0, y1):
    start, end = date(y0, 1, 1), date(y1, 12, 31)
    return start + timedelta(days=R.randint(0, (end - start).days))


def birth():
    return rdate(1945, 2004)


def soon():
    return rdate(2025, 2026)


def recent():
    return rdate(2024, 2025)


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
    if style == "dmon":
        return f"{x.day:02d}-{MONTHS[x.month - 1][:3]}-{x.year}"
    if style == "dmon_up":
        return f"{x.day:02d}{MONTHS[x.month - 1][:3].upper()}{x.year % 100:02d}"
    if style == "wd":
        return f"{['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][x.weekday()]} {x.day} {MONTHS[x.month - 1][:3]} {x.year}"
    return f"{x.day} {MONTHS[x.month - 1]} {x.year}"


def htime(h24=None):
    h = R.randint(7, 19)
    m = pick([0, 5, 15, 20, 30, 45, 10, 40, 55])
    if h24 or (h24 is None and chance(0.5)):
        return f"{h:02d}:{m:02d}"
    return f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}" if chance(0.6) else \
        f"{(h - 1) % 12 + 1}:{m:02d}{'am' if h < 12 else 'pm'}"


def fmt_ts(t: datetime, style):
    mon = MONTHS[t.month - 1][:3]
    hms = f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}"
    return {
        "iso": f"{t.date().isoformat()}T{hms}Z",
        "isoms": f"{t.date().isoformat()}T{hms}.{t.microsecond // 1000:03d}Z",
        "space": f"{t.date().isoformat()} {hms},{t.microsecond // 1000:03d}",
        "sql": f"{t.date().isoformat()} {hms}",
        "syslog": f"{mon} {t.day:2d} {hms}",
        "clf": f"{t.day:02d}/{mon}/{t.year}:{hms} +0000",
        "hms": hms,
    }[style]


class _Clock:
    def reset(self):
        x = rdate(2024, 2025)
        self.t = datetime(x.year, x.month, x.day, R.randint(0, 23), R.randint(0, 59), R.randint(0, 59),
                          R.randint(0, 999999))


CLOCK = _Clock()
CLOCK.reset()


def log_ts(style=None, step=(1, 120)):
    CLOCK.t += timedelta(seconds=R.randint(*step), microseconds=R.randint(0, 999999))
    return fmt_ts(CLOCK.t, style or pick(["iso", "isoms", "space", "syslog"]))


def version():
    return pick([f"v{R.randint(1, 9)}.{R.randint(0, 20)}.{R.randint(0, 9)}",
                 f"{R.randint(1, 5)}.{R.randint(0, 12)}.{R.randint(0, 30)}",
                 f"{R.randint(1, 5)}.{R.randint(0, 12)}.{R.randint(0, 30)}-rc.{R.randint(1, 4)}"])


def ipv4_version():
    return pick([f"{R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(0, 20)}.{R.randint(0, 99)}",
                 f"10.0.{R.randint(19041, 22631)}.{R.randint(1000, 4999)}",
                 f"6.1.7601.{R.randint(17000, 24999)}",
                 f"{R.randint(100, 131)}.0.{R.randint(6000, 6999)}.{R.randint(10, 199)}"])


def looks_valid_id(s):
    """True if s contains a digit run that is a valid card, NHS number or SSN (reference numbers must not)."""
    for m in re.finditer(r"\d[\d -]*\d", s):
        run = m.group(0)
        digits = re.sub(r"\D", "", run)
        for i in range(len(digits)):
            for n in (9, 10, 13, 14, 15, 16, 19):
                x = digits[i:i + n]
                if len(x) == n and ((n == 9 and ssn_valid(x)) or (n == 10 and nhs_ok(x)) or (n >= 13 and luhn_ok(x) and card_brand(x))):
                    return True
    return False


def clean_id(gen):
    while True:
        s = gen()
        if not looks_valid_id(s):
            return s


def order_no():
    return clean_id(lambda: pick([lambda: f"{d(3)}-{d(7)}-{d(7)}", lambda: "ORD-" + d(8), lambda: "#" + d(6), lambda: "SO" + d(7)])())


def ticket_no():
    return pick(["TKT-" + d(6), "INC" + d(7), "SR-" + d(5) + "-" + up(2), "ZD-" + d(6), f"CASE-{d(5)}"])


def invoice_no():
    return clean_id(lambda: pick([f"INV-2025-{d(5)}", f"INV{d(7)}", f"{up(2)}-{d(6)}", f"F{d(4)}/{d(3)}"]))


def tracking_no():
    return clean_id(lambda: pick([lambda: "1Z" + alnum(6, UP + DIG) + d(10), lambda: "TBA" + d(12), lambda: f"JD{d(18)}"])())


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


def price(cur=None):
    cur = cur or pick(["$", "€", "£", "USD"])
    if cur == "$":
        return f"${R.randint(12, 9999):,}.{d(2)}"
    if cur == "€":
        return f"€{R.randint(5, 4999)},{d(2)}"
    if cur == "£":
        return f"£{R.randint(5, 2000)}.{d(2)}"
    return f"USD {R.randint(50, 5000)}.{d(2)}"


def masked_card():
    return pick([f"**** **** **** {d(4)}", f"•••• {d(4)}", f"XXXX-XXXX-XXXX-{d(4)}", f"************{d(4)}",
                 f"ending in {d(4)}", f"xxxx xxxx xxxx {d(4)}"])


def ref(prefix=None, n=None):
    """A reference / claim / accession code that is not a valid card, NHS number or SSN."""
    prefix = prefix if prefix is not None else pick(["REF-", "CLM-", "ACC-", "RX", "BK-", "PNR "])
    return prefix + clean_id(lambda: not_luhn_digits(n or R.randint(5, 8)))


# shorthands: labelled values
SSN_, PP, DLN, BANK, MRN_, HPID, NHS_ = (L("US_SSN"), L("US_PASSPORT"), L("US_DRIVER_LICENSE"), L("US_BANK_NUMBER"),
                                         L("MEDICAL_RECORD_NUMBER"), L("HEALTH_PLAN_ID"), L("UK_NHS"))
EM, PH, CC, IB, IP, MAC, URL_, DT, CRY, SEC = (L("EMAIL_ADDRESS"), L("PHONE_NUMBER"), L("CREDIT_CARD"),
                                               L("IBAN_CODE"), L("IP_ADDRESS"), L("MAC_ADDRESS"), L("URL"),
                                               L("DATE_TIME"), L("CRYPTO"), L("SECRET"))
MBI_ = L("HEALTH_PLAN_ID", "mbi")


def SK(kind):
    return (secret_token(kind), "SECRET", kind)


def PEM_(s):
    return (s, "SECRET", "pem")


def PW(s):
    return (s, "SECRET", "password")


def CONN(s):
    return (s, "SECRET", "conn")


def JWT_(s):
    return (s, "SECRET", "jwt")


# shorthands: registered negatives
TS, VER, SHA, UUID_, HASH, PLACE, MASK, LOOP, IPVER, ORD, TKT, INV, TRK, ISBN_, PRICE, ABA_, BIC_, REL, \
    BADCC, BADIB, BADSSN, BADNHS, BADBTC, BADETH, ETHTX, PORT, REFN, TIMEP, FPR, FILE_, B64, FMT, OID = (
        N("ts"), N("version"), N("sha"), N("uuid"), N("hash"), N("placeholder"), N("masked"), N("loopback"),
        N("ipversion"), N("order"), N("ticket"), N("invoice"), N("tracking"), N("isbn"), N("price"), N("aba"),
        N("bic"), N("nonpersonal_date"), N("card_bad"), N("iban_bad"), N("ssn_bad"), N("nhs_bad"),
        N("btc_bad"), N("eth_bad"), N("eth_tx"), N("port"), N("ref"), N("public_time"), N("fingerprint"),
        N("filename"), N("base64"), N("format_spec"), N("oid"))


def ts(style=None):
    return TS(log_ts(style))


def ver():
    return VER(version())


# ----------------------------------------------------------------------------------------------
# obfuscation transforms and their inverse (the inverse is what the self-check uses)

ZW = {"ZWSP": "\u200b", "ZWNJ": "\u200c", "ZWJ": "\u200d", "WJ": "\u2060", "SHY": "\u00ad", "BOM": "\ufeff"}
DIGIT_BASE = {"arabic": 0x0660, "persian": 0x06F0, "devanagari": 0x0966, "thai": 0x0E50, "bengali": 0x09E6}
DASHES = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-"}


def fullwidth(s, space=" "):
    return "".join(space if c == " " else chr(ord(c) + 0xFEE0) if 0x21 <= ord(c) <= 0x7E else c for c in s)


def to_digits(s, script):
    base = DIGIT_BASE[script]
    return "".join(chr(base + int(c)) if c in DIG else c for c in s)


def zw_between(s, ch, every=1, skip_space=True):
    """Insert ch between characters (every n-th position), never at either end and never next to a space."""
    out = []
    for i, c in enumerate(s):
        out.append(c)
        if i < len(s) - 1 and (i + 1) % every == 0:
            if skip_space and (c == " " or s[i + 1] == " "):
                continue
            out.append(ch)
    return "".join(out)


def zw_at(s, positions, ch):
    out = []
    for i, c in enumerate(s):
        if i in positions and 0 < i < len(s):
            out.append(ch)
        out.append(c)
    return "".join(out)


def zw_random(s, k, chars=None):
    chars = chars or ["\u200b", "\u200c", "\u200d", "\u2060"]
    cand = [i for i in range(1, len(s)) if s[i] != " " and s[i - 1] != " "]
    pos = set(R.sample(cand, min(k, len(cand))))
    out = []
    for i, c in enumerate(s):
        if i in pos:
            out.append(pick(chars))
        out.append(c)
    return "".join(out)


def norm_chars(s):
    """Invisible characters removed, NFKC, every decimal digit to ASCII, dash variants to '-'."""
    out = []
    for c in s:
        if is_cf(c):
            continue
        for x in unicodedata.normalize("NFKC", c):
            if x.isdecimal() and not x.isascii():
                x = str(unicodedata.decimal(x))
            out.append(DASHES.get(x, x))
    return "".join(out)


def deobf_email(s):
    s = norm_chars(s)
    s = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)
    s = html.unescape(s)
    s = urllib.parse.unquote(s)
    s = re.sub(r"\s*[\[\(\{]\s*(?:at|@)\s*[\]\)\}]\s*", "@", s, flags=re.I)
    s = re.sub(r"\s*[\[\(\{]\s*(?:dot|\.)\s*[\]\)\}]\s*", ".", s, flags=re.I)
    s = re.sub(r"\s+(?:at|@)\s+", "@", s, flags=re.I)
    s = re.sub(r"\s+(?:dot|\.)\s+", ".", s, flags=re.I)
    return s


def deobf(s, label):
    return deobf_email(s) if label == "EMAIL_ADDRESS" else norm_chars(s)


EMAIL_OBF_STYLES = ["paren", "paren_at", "words", "words_caps", "words_uk", "bracket_sym", "bracket_words", "brace",
                    "spaced", "entity_dec", "entity_hex", "entity_named", "entity_all", "pct", "json_u", "fw_at",
                    "fw_all", "zw", "shy"]


def obf_email(first=None, last=None, style=None, domain=None):
    """(canonical e-mail, obfuscated surface)."""
    first = first or pick(FIRST)
    last = last or pick(LAST)
    style = style or pick(EMAIL_OBF_STYLES)
    f, l = first.lower(), last.lower()
    local = pick([f"{f}.{l}", f"{f}{l[0]}", f"{f[0]}{l}", f"{f}_{l}{R.randint(1, 99)}"])
    if style == "words_uk":
        domain = domain or pick(["yahoo.co.uk", "hotmail.co.uk", "btinternet.com", "sky.com", "virginmedia.com"])
    domain = domain or pick(DOMAINS + CORP)
    canon = f"{local}@{domain}"
    if style == "paren":
        s = f"{local} (at) {domain.replace('.', ' (dot) ')}"
    elif style == "paren_at":
        s = f"{local}(at){domain}"
    elif style == "words":
        s = f"{local.replace('.', ' dot ')} at {domain.replace('.', ' dot ')}"
    elif style == "words_caps":
        s = f"{local} AT {domain.replace('.', ' DOT ')}"
    elif style == "words_uk":
        s = f"{local.replace('.', ' dot ')} at {domain.replace('.', ' dot ')}"
    elif style == "bracket_sym":
        s = f"{local}[@]{domain.replace('.', '[.]')}"
    elif style == "bracket_words":
        s = f"{local} [at] {domain.replace('.', ' [dot] ')}"
    elif style == "brace":
        s = f"{local}{{at}}{domain.replace('.', '{dot}')}"
    elif style == "spaced":
        s = f"{local} @ {domain.replace('.', ' . ')}"
    elif style == "entity_dec":
        s = f"{local}&#64;{domain}"
    elif style == "entity_hex":
        s = f"{local}&#x40;{domain.replace('.', '&#x2E;')}"
    elif style == "entity_named":
        s = f"{local}&commat;{domain.replace('.', '&period;')}"
    elif style == "entity_all":
        s = "".join(f"&#{ord(c)};" for c in canon)
    elif style == "pct":
        s = f"{local}%40{domain}"
    elif style == "json_u":
        s = f"{local}\\u0040{domain}"
    elif style == "fw_at":
        s = f"{local}＠{domain.replace('.', '．')}"
    elif style == "fw_all":
        s = fullwidth(canon)
    elif style == "zw":
        s = zw_random(canon, R.randint(2, 4))
    else:  # soft hyphens, as a word processor inserts them when it hyphenates
        at = canon.index("@")
        s = zw_at(canon, {R.randint(2, at - 1), R.randint(at + 3, len(canon) - 5)}, ZW["SHY"])
    assert deobf_email(s) == canon, (style, s, canon)
    return canon, s


def EMO(pair, style):
    canon, s = pair
    return (s, "EMAIL_ADDRESS", "obf:" + style, canon)


def OBF(label, canon, surface, kind=None):
    """A labelled value whose surface is an obfuscated form of canon."""
    return (surface, label, kind or "obf", canon)


# ==============================================================================================
# templates. Each returns (builder, locale). *_p_* rows carry PII, *_n_* rows carry none.

# ---------------- 1. obfuscation
def ob_p_email_obf():
    b = B()
    fn, ln = person()
    style = cyc("email_obf", EMAIL_OBF_STYLES)
    e = EMO(obf_email(fn, ln, style), style)
    b.f(pick(["Can you tidy up my forum signature? Currently it says: \"{f} — reach me at {e} — no recruiters pls\"",
              "Scraped from a contact page, please normalise: Contact {f} {l}: {e}",
              "My CV header reads `{f} {l} | {e}`. Is writing the address like that still useful against spam bots?",
              "Classified ad: Selling a 2014 road bike, size 56, barely used. Serious buyers only, email {e}",
              "Turn this into a vCard:\nName: {f} {l}\nMail: {e}\nNotes: prefers e-mail over calls",
              "In the README under 'Maintainer' I wrote {e} so crawlers don't pick it up. Good idea?",
              "{e} is the address they gave me, what does that even mean?",
              "Translate to German: \"For questions about the deposit, write to {e} and mention flat 3B.\""]),
        f=fn, l=ln, e=e)
    b.note(f"obfuscated e-mail ({style}): the whole surface form is the span")
    return b, "en_US"


def ob_p_email_html():
    b = B()
    fn, ln = person()
    style = cyc("email_html", ["entity_dec", "entity_hex", "entity_named", "entity_all"])
    e = EMO(obf_email(fn, ln, style), style)
    b.f(pick(["Why does this render fine in the browser but our text extractor shows gibberish?\n\n"
              "<div class=\"contact\">\n  <p>Questions? Write to {f} {l}: <span>{e}</span></p>\n  <p>Office hours "
              "Mon–Fri</p>\n</div>",
              "Clean up this HTML email footer and give me plain text:\n<p style=\"color:#666;font-size:12px\">Sent by "
              "{f} {l} &middot; {e} &middot; Unsubscribe</p>",
              "Is this obfuscation enough?\n<footer>&copy; 2025 &mdash; contact: {e}</footer>"]),
        f=fn, l=ln, e=e)
    b.note("HTML-entity encoded e-mail: the whole surface form (entities included) is the span")
    return b, "en_US"


def ob_p_email_formbody():
    b = B()
    fn, ln = person()
    canon, s = obf_email(fn, ln, "pct")
    b.f("{ask}\n\nPOST {h}\nContent-Type: application/x-www-form-urlencoded\n\n"
        "first={f}&last={l}&email={e}&plan={plan}&seats={n}&ref={r}",
        ask=pick(["Our WAF logged this request body. Decode it into a table.", "Which field holds the user's address?",
                  "Why does the backend store the address with %40 in it?"]),
        h=URL_(pick(["https://api.quillpay.io/v2/signup", "https://signup.orbitcrm.net/api/signup"])), f=fn, l=ln,
        e=(s, "EMAIL_ADDRESS", "obf:pct", canon), plan=pick(["pro", "team", "starter"]), n=R.randint(1, 40),
        r=REFN(ref("cmp_", 6)))
    b.note("percent-encoded e-mail in a form body: the whole surface (with %40) is the span")
    return b, "en_US"


def ob_p_email_json_escape():
    b = B()
    fn, ln = person()
    canon, s = obf_email(fn, ln, "json_u")
    st = None
    b.t(pick(["This is what the mobile app sends. Why is the @ escaped?\n\n", "Pretty-print this payload:\n\n",
              "Decode the escapes in this event:\n\n"]))
    st = b.pos
    b.f("{{\"event\":\"profile_update\",\"user\":{{\"name\":\"{f} {l}\",\"email\":\"{e}\",\"locale\":\"en-US\"}},"
        "\"ts\":{t},\"app\":\"{v}\"}}",
        f=fn, l=ln, e=(s, "EMAIL_ADDRESS", "obf:json_u", canon), t=1735000000 + R.randint(0, 10 ** 7), v=ver())
    b.jsonblocks.append((st, b.pos))
    b.note("\\u0040-escaped e-mail inside a JSON string: the escaped surface is the span")
    return b, "en_US"


def ob_p_zw_card():
    b = B()
    c = card_digits(pick(["visa", "mc", "disc", "amex", "mc2"]))
    mode = cyc("zw_card", ["every", "groups_compact", "groups_spaced", "random", "shy4"])
    if mode == "every":
        canon = c
        s = zw_between(c, pick([ZW["ZWSP"], ZW["ZWNJ"]]))
    elif mode == "groups_compact":
        canon = c
        g = group_card(c, " ").split(" ")
        s = ZW["ZWSP"].join(g)
    elif mode == "groups_spaced":
        canon = group_card(c, " ")
        s = canon.replace(" ", " " + ZW["WJ"])
    elif mode == "random":
        canon = group_card(c, pick([" ", "-"]))
        s = zw_random(canon, R.randint(2, 5))
    else:
        canon = c
        s = zw_between(c, ZW["SHY"], 4)
    b.f(pick(["I copied the card from my banking app and the checkout form says \"invalid characters\": {c} — what's "
              "wrong with it?", "Pasting from the PDF statement gives {c}. Can you clean it so I can type it in?",
              "user message (raw): pay with {c} please, the deposit only",
              "Our logs show the PAN as {c} even though we strip spaces. Why didn't the regex catch it?"]),
        c=OBF("CREDIT_CARD", canon, s, "zw"))
    b.note("card split by invisible characters: the whole surface is the span")
    return b, "en_US"


def ob_p_zw_iban():
    b = B()
    cc = cyc("zw_iban_cc", ["DE", "FR", "NL", "ES", "IT", "BE", "AT", "PL", "PT", "CH"])
    x = iban_raw(cc)
    mode = pick(["shy", "zwsp_groups", "random"])
    if mode == "shy":
        canon, s = x, zw_between(x, ZW["SHY"], 4)
    elif mode == "zwsp_groups":
        canon = group4(x)
        s = canon.replace(" ", " " + ZW["ZWSP"])
    else:
        canon = pick([x, group4(x)])
        s = zw_random(canon, R.randint(2, 4))
    b.f(pick(["The IBAN in the Word invoice won't validate when pasted into the bank portal: {i}. Can you retype it?",
              "Beneficiary IBAN (copied from the PDF): {i}\nAmount: {a}\nReference: {r}\nIs the format right?",
              "why does our validator reject {i} even though the bank says it's correct?"]),
        i=OBF("IBAN_CODE", canon, s, "zw"), a=PRICE(price("€")), r=REFN(ref("RE-", 7)))
    b.note("IBAN split by soft hyphens / zero-width characters: the whole surface is the span")
    return b, "en_GB"


def ob_p_zw_misc():
    b = B()
    k = cyc("zw_misc", ["email", "phone", "ssn", "secret", "url", "btc", "nhs", "ip"])
    if k == "email":
        canon = email()
        v = EMO((canon, zw_random(canon, 3)), "zw")
        frame = "Newsletter tool says {v} is not a valid address, but I typed it correctly?"
    elif k == "phone":
        canon = us_phone(ext=False)
        v = OBF("PHONE_NUMBER", canon, zw_random(canon, 3))
        frame = "Copied this from a WhatsApp message and the dialer won't take it: {v}"
    elif k == "ssn":
        canon = ssn("-")
        v = OBF("US_SSN", canon, canon.replace("-", "-" + ZW["ZWSP"]))
        frame = "The HR portal export has weird spacing in the SSN column: {v}. Is it corrupted?"
    elif k == "secret":
        tok = secret_token(pick(["ghp", "openai", "slack", "stripe"]))
        v = OBF("SECRET", tok, zw_random(tok, 2, ["\u200b"]), "zw_secret")
        frame = "A contractor pasted this into the team chat to 'hide' it from the scanner: {v} — do I need to rotate it?"
    elif k == "url":
        canon = pick([f"https://www.{pick(CORP)}/patients/portal", f"https://{pick(CORP)}/careers/apply?job=" + d(4)])
        host_start = canon.index("//") + 2
        s = zw_at(canon, {host_start + R.randint(3, 6)}, ZW["SHY"])
        v = OBF("URL", canon, s)
        frame = "The link in the brochure text doesn't work when I copy it: {v}"
    elif k == "btc":
        w = btc()
        v = OBF("CRYPTO", w, zw_random(w, 2, ["\u200b", "\u2060"]))
        frame = "scam check: the 'support agent' told me to send the refund fee to {v}. legit?"
    elif k == "nhs":
        canon = nhs(" ")
        v = OBF("UK_NHS", canon, canon.replace(" ", ZW["ZWNJ"] + " "))
        frame = "The GP letter PDF gives me this when I copy the NHS number: {v}. Is it the same number?"
    else:
        canon = ipv4(False)
        v = OBF("IP_ADDRESS", canon, zw_random(canon, 2, ["\u200b"]))
        frame = "Support asked me to whitelist {v} but the firewall UI says invalid IP"
    b.f(frame, v=v)
    b.note("value split by invisible characters: the whole surface is the span")
    return b, "en_US" if k != "nhs" else "en_GB"


def ob_p_fullwidth():
    b = B()
    k = cyc("fw", ["phone_jp", "email", "card", "date_jp", "iban", "ip", "phone_cn", "ssn"])
    if k == "phone_jp":
        canon = phone("JP", False)
        b.f("申込書の電話番号欄に{p}と書きました。半角に直してください。", p=OBF("PHONE_NUMBER", canon, fullwidth(canon)))
        loc = "ja_JP"
    elif k == "email":
        canon = email()
        b.f("The Japanese form returned my address as {e} — will mail to that work?",
            e=EMO((canon, fullwidth(canon)), "fw_all"))
        loc = "en_US"
    elif k == "card":
        canon = card(" ")
        b.f("カード番号：{c}で決済できません。なぜですか？", c=OBF("CREDIT_CARD", canon, fullwidth(canon, "\u3000")))
        loc = "ja_JP"
    elif k == "date_jp":
        x = birth()
        canon = f"{x.year}年{x.month}月{x.day}日"
        b.f("生年月日：{d}\n氏名：{n}\nこの書式を西暦のISO形式に変換して。", d=OBF("DATE_TIME", canon, fullwidth(canon)),
            n=pick(["田中 優希", "佐藤 健", "鈴木 美咲"]))
        loc = "ja_JP"
    elif k == "iban":
        canon = iban(pick(["DE", "FR", "NL"]), False)
        b.f("振込先IBAN：{i}\n全角で入力してしまいました。問題ありますか？", i=OBF("IBAN_CODE", canon, fullwidth(canon)))
        loc = "ja_JP"
    elif k == "ip":
        canon = ipv4(True)
        b.f("ルーターの設定画面にIPアドレス{i}を入れたらエラーになりました。", i=OBF("IP_ADDRESS", canon, fullwidth(canon)))
        loc = "ja_JP"
    elif k == "phone_cn":
        canon = phone("CN", False, True)
        b.f("请把这个号码改成半角：{p}，谢谢。", p=OBF("PHONE_NUMBER", canon, fullwidth(canon)))
        loc = "zh_CN"
    else:
        canon = ssn("-")
        b.f("My coworker typed my SSN with a Japanese IME and now the payroll import fails: {s}. Fix?",
            s=OBF("US_SSN", canon, fullwidth(canon)))
        loc = "en_US"
    b.note("fullwidth form: labelled; the value is valid after NFKC")
    return b, loc


def ob_p_script_digits():
    b = B()
    k = cyc("script_digits", ["ar_phone", "ar_dob", "fa_phone", "hi_phone", "hi_date", "th_phone", "th_date",
                              "bn_phone", "ar_card", "th_card", "hi_card", "ar_appt"])
    if k == "ar_phone":
        canon = phone("SA", True, True)
        b.f("رقم جوالي {p} واتساب فقط، والبريد {e}", p=OBF("PHONE_NUMBER", canon, to_digits(canon, "arabic")),
            e=EM(email()))
        loc = "ar_SA"
    elif k == "ar_dob":
        x = birth()
        canon = f"{x.day:02d}/{x.month:02d}/{x.year}"
        b.f("تاريخ الميلاد: {d}\nالجنسية: أردني\nيرجى كتابة التاريخ بالأرقام اللاتينية.",
            d=OBF("DATE_TIME", canon, to_digits(canon, "arabic")))
        loc = "ar_JO"
    elif k == "fa_phone":
        canon = f"0912 {d(3)} {d(4)}"
        b.f("شماره تماس من {p} است. لطفا فقط پیامک بدهید.", p=OBF("PHONE_NUMBER", canon, to_digits(canon, "persian")))
        loc = "fa_IR"
    elif k == "hi_phone":
        canon = phone("IN", True, True)
        b.f("मेरा मोबाइल नंबर {p} है, कृपया शाम को कॉल करें।", p=OBF("PHONE_NUMBER", canon, to_digits(canon, "devanagari")))
        loc = "hi_IN"
    elif k == "hi_date":
        x = soon()
        canon = f"{x.day} {MON['hi'][x.month - 1]} {x.year}"
        tm = f"{R.randint(9, 12)}:{pick(['00', '30'])}"
        b.f("डॉक्टर के साथ मेरी अपॉइंटमेंट {d} को {t} बजे है।", d=OBF("DATE_TIME", canon, to_digits(canon, "devanagari")),
            t=OBF("DATE_TIME", tm, to_digits(tm, "devanagari")))
        loc = "hi_IN"
    elif k == "th_phone":
        canon = phone("TH", False, True)
        b.f("ติดต่อคุณสมชายได้ที่เบอร์ {p} หรืออีเมล {e} ครับ", p=OBF("PHONE_NUMBER", canon, to_digits(canon, "thai")),
            e=EM(email("Somchai", "Kittisak")))
        loc = "th_TH"
    elif k == "th_date":
        x = birth()
        canon = f"{x.day} {MON['th'][x.month - 1]} {x.year + 543}"
        b.f("วันเกิดของผู้ป่วย: {d} (พ.ศ.) กรุณาแปลงเป็น ค.ศ.", d=OBF("DATE_TIME", canon, to_digits(canon, "thai")))
        b.note("Buddhist-era year: still a birth date")
        loc = "th_TH"
    elif k == "bn_phone":
        canon = f"01{pick('3456789')}{d(2)}-{d(6)}"
        b.f("আমার ফোন নম্বর {p}, দয়া করে সন্ধ্যায় ফোন করুন।", p=OBF("PHONE_NUMBER", canon, to_digits(canon, "bengali")))
        loc = "bn_BD"
    elif k in ("ar_card", "th_card", "hi_card"):
        script = {"ar_card": "arabic", "th_card": "thai", "hi_card": "devanagari"}[k]
        canon = card(" ", pick(["visa", "mc", "mc2"]))
        frame = {"ar_card": "رقم البطاقة {c} والمبلغ {e} جنيه. لماذا يرفض الموقع الدفع؟",
                 "th_card": "หมายเลขบัตร {c} ยอด {e} บาท ทำไมชำระเงินไม่ผ่านคะ",
                 "hi_card": "मेरा कार्ड नंबर {c} है और राशि ₹{e}। भुगतान क्यों विफल हो रहा है?"}[k]
        b.f(frame, c=OBF("CREDIT_CARD", canon, to_digits(canon, script)), e=to_digits(str(R.randint(150, 4000)), script))
        loc = {"ar_card": "ar_EG", "th_card": "th_TH", "hi_card": "hi_IN"}[k]
    else:
        x = soon()
        dcanon = f"{x.day:02d}/{x.month:02d}/{x.year}"
        tcanon = f"{R.randint(9, 11)}:{pick(['00', '15', '30', '45'])}"
        b.f("موعدك مع طبيب الأسنان يوم {d} الساعة {t} صباحاً. للإلغاء اتصل على {p}.",
            d=OBF("DATE_TIME", dcanon, to_digits(dcanon, "arabic")), t=OBF("DATE_TIME", tcanon, to_digits(tcanon, "arabic")),
            p=(lambda c: OBF("PHONE_NUMBER", c, to_digits(c, "arabic")))(phone("AE", False, False)))
        loc = "ar_AE"
    b.note("non-ASCII decimal digits: labelled; the value is valid after mapping digits to ASCII")
    return b, loc


def ob_p_spaced_phone():
    b = B()
    a, e, n = nanp()
    raw = a + e + n
    if chance(0.3):
        raw = "1" + raw
    s = " ".join(raw)
    b.f(pick(["Voicemail transcript (auto): \"hi it's about the quote, call me back on {p} thanks\" — summarise it.",
              "The speech-to-text wrote my number as {p}. Format it as (xxx) xxx-xxxx please.",
              "caller: ok my callback number is {p}\nagent: thank you, and the best time to call?\ncaller: after six"]),
        p=(s, "PHONE_NUMBER", "spaced"))
    b.note("digits dictated one by one, in a phone context: PHONE_NUMBER (spaces are separators)")
    return b, "en_US"


def ob_p_nbsp_phone():
    b = B()
    k = cyc("nbsp_phone", ["fr_nnbsp", "fr_nbsp", "us_nbhyphen", "de_thin", "uk_nbsp", "us_endash"])
    if k.startswith("fr"):
        canon = phone("FR", pick([True, False]), True)
        sep = "\u202f" if k == "fr_nnbsp" else "\u00a0"
        s = canon.replace(" ", sep)
        frame, loc = "Mon portable : {p}. Rappelez-moi après 18 h, merci.", "fr_FR"
    elif k == "us_nbhyphen":
        a, e, n = nanp()
        canon = f"({a}) {e}-{n}"
        s = canon.replace("-", "\u2011")
        frame, loc = "Pasted from Pages: call {p} for the pickup. Why doesn't the link detector turn it blue?", "en_US"
    elif k == "de_thin":
        canon = phone("DE", True, False)
        s = canon.replace(" ", "\u2009")
        frame, loc = "Rückruf bitte unter {p}, ich bin ab 9 Uhr im Büro.", "de_DE"
    elif k == "uk_nbsp":
        canon = phone("GB", False, True)
        s = canon.replace(" ", "\u00a0")
        frame, loc = "my mobile is {p}, text if it's urgent", "en_GB"
    else:
        a, e, n = nanp()
        canon = f"{a}-{e}-{n}"
        s = f"{a}\u2013{e}\u2013{n}"
        frame, loc = "The brochure lists the coordinator's cell as {p} — is that a typo with the long dashes?", "en_US"
    b.f(frame, p=OBF("PHONE_NUMBER", canon, s))
    b.note("phone with no-break / thin spaces or Unicode hyphens: the whole surface is the span")
    return b, loc


# obfuscation negatives
def ob_n_fullwidth_numbers():
    b = B()
    o = order_no().lstrip("#")
    b.f("注文番号{o}の商品の価格は￥１２，８００（税込）でした。カード番号{c}は無効と表示されます。バージョン{v}です。",
        o=ORD(fullwidth(o)), c=BADCC(fullwidth(bad_card(" "))), v=VER(fullwidth(version())))
    return b, "ja_JP"


def ob_n_zw_bad_iban():
    b = B()
    bad = bad_iban(grouped=False)
    b.f("Our parser strips zero-width spaces but this still fails the checksum: {i} (BIC {c}). Is the IBAN itself wrong?",
        i=BADIB(zw_between(bad, ZW["ZWSP"], 4)), c=BIC_(bic()))
    return b, "en_GB"


def ob_n_arabic_digits():
    b = B()
    q, p = R.randint(2, 9), R.randint(40, 900)
    b.f("عرض خاص بمناسبة اليوم الوطني {d}: اشترِ {q} واحصل على خصم {pc}٪. السعر {p} ريال فقط. الكمية محدودة.",
        d=REL("٢٣ سبتمبر"), q=to_digits(str(q), "arabic"), pc=to_digits(str(pick([10, 15, 20, 25])), "arabic"),
        p=to_digits(str(p), "arabic"))
    return b, "ar_SA"


def ob_n_thai_digits():
    b = B()
    b.f("ร้านเปิดทุกวัน {o} น. ราคากาแฟแก้วละ {p} บาท โปรโมชั่นถึงสิ้นปี พ.ศ. {y} เท่านั้น",
        o=TIMEP(to_digits("08:00–20:00", "thai")), p=to_digits(str(R.randint(45, 120)), "thai"),
        y=to_digits(str(2568 + R.randint(0, 1)), "thai"))
    return b, "th_TH"


def ob_n_entities_social():
    b = B()
    b.f("Convert this footer to plain text: <p>&copy; 2025 Tidewater Labs &mdash; Follow us {h} on "
        "social &middot; Made with &hearts; &middot; &#8470; {r}</p>\n<style>{m} (max-width: 600px) "
        "{{ .cta {{ display:none }} }}</style>", r=REFN(ref("", 6)), h=N("handle")("&#64;TidewaterLabs"),
        m=N("handle")("&#64;media"))
    return b, "en_US"


def ob_n_spaced_digits():
    b = B()
    b.f(pick(["Explain the pattern: 1 1 2 3 5 8 13 21 34 — what comes next?",
              "The lottery numbers were 4 8 15 16 23 42, same as the show. Odds of that?",
              "My keypad test sequence is 1 2 3 4 5 6 7 8 9 0 * #, all keys respond fine."]))
    return b, "en_US"


def ob_n_masked_obfuscated():
    b = B()
    b.f("The app now shows my card as {c} and SSN as {s}. Is that masking good enough for screenshots?",
        c=MASK(fullwidth(f"**** **** **** {d(4)}")), s=MASK("XXX-XX-" + ZW["ZWSP"] + d(4)))
    return b, "en_US"


def ob_n_percent_decode():
    b = B()
    b.f("Decode these query values: q=caf%C3%A9%20au%20lait, tag={t}, path=%2Fvar%2Flog%2Fapp, "
        "discount=15%25. Which ones are unsafe to log?", t=N("handle")("%40mentions"))
    return b, "en_US"


def ob_n_devanagari_numbers():
    b = B()
    b.f("गणतंत्र दिवस {d} पर सभी शाखाएँ बंद रहेंगी। शुल्क ₹{p} है और कमरा नंबर {r} में जमा करें।",
        d=REL("२६ जनवरी"), p=to_digits(str(R.randint(200, 900)), "devanagari"),
        r=to_digits(str(R.randint(100, 450)), "devanagari"))
    return b, "hi_IN"


# ---------------- 2. boundaries and formats
def any_value(kind):
    """One labelled value of a given family, for the start / end / bracket templates."""
    if kind == "email":
        return EM(email())
    if kind == "phone":
        return PH(pick([us_phone(ext=False), phone(pick(["GB", "DE", "FR", "AU", "IN"]), True)]))
    if kind == "url":
        return URL_(url(pick(["https", "www", "http"])))
    if kind == "card":
        return CC(card())
    if kind == "iban":
        return IB(iban())
    if kind == "ip":
        return IP(pick([ipv4(), ipv6()]))
    if kind == "ssn":
        return SSN_(ssn())
    if kind == "btc":
        return CRY(btc())
    if kind == "eth":
        return CRY(eth())
    if kind == "secret":
        return SK(pick(["ghp", "aws", "openai", "slack", "google", "stripe"]))
    if kind == "mac":
        return MAC(mac())
    if kind == "nhs":
        return NHS_(nhs())
    raise KeyError(kind)


START_KINDS = ["email", "phone", "url", "card", "iban", "ip", "ssn", "btc", "secret", "mac", "eth", "nhs"]


def bd_p_start():
    b = B()
    k = cyc("start", START_KINDS)
    v = any_value(k)
    tail = {"email": [" is the address on my account, can you check why the reset mail never arrives?",
                      " — that's the one to use from now on.", "\nPlease forward the invoice there."],
            "phone": [" is my new number, update the contact record please.", " → call after 5pm", "\n^ that's the clinic line"],
            "url": [" keeps redirecting me to a login loop. Any idea why?", " returns 502 since this morning."],
            "card": [" was declined twice today, is the number itself fine?", " — is this a Visa or a Mastercard?"],
            "iban": [" is the account for the deposit refund.", " — please confirm the bank name for this IBAN."],
            "ip": [" keeps hammering our login endpoint, how do I block it in nginx?", " shows up in every failed login."],
            "ssn": [" is what I put on the W-4, is the format right?", " (mine) — do I need dashes on the form?"],
            "btc": [" — send the 0.05 there once the escrow clears.", " is the deposit address they gave me, can you verify it?"],
            "secret": [" was in the commit I pushed an hour ago. What's the fastest way to revoke it?",
                       " ← this was in our public repo for two days, what now?"],
            "mac": [" is the printer; give it a DHCP reservation.", " keeps getting kicked off the Wi-Fi."],
            "eth": [" is my MetaMask address, is that enough for them to send the payout?",
                    " — is this checksummed correctly?"],
            "nhs": [" is my NHS number, do I need it for the online GP registration?", " — that's Mum's NHS number."]}[k]
    b.put(v)
    b.t(pick(tail))
    b.note("value at the very start of the text")
    return b, "en_GB" if k == "nhs" else "en_US"


def bd_p_end():
    b = B()
    k = cyc("end", START_KINDS)
    head = {"email": ["If you need anything else, my personal address is ", "Send the signed copy to ", "cc: "],
            "phone": ["Best number to reach me after hours: ", "Emergency contact: ", "call me on "],
            "url": ["Full instructions are here: ", "The form lives at ", "Source: "],
            "card": ["Charge the remaining balance to ", "card on file should be "],
            "iban": ["Refund to my account please: ", "IBAN "],
            "ip": ["The VPN assigned me ", "Attacker source address: "],
            "ssn": ["For the background check, my SSN is ", "SSN "],
            "btc": ["Payout address: ", "send it to "],
            "secret": ["Here's the key from the old server so you can test: ", "token="],
            "mac": ["The device's MAC address is ", "Wi-Fi MAC: "],
            "eth": ["My ETH address for the airdrop: ", "wallet "],
            "nhs": ["NHS number: ", "for reference, his NHS no. is "]}[k]
    b.t(pick(head))
    b.put(any_value(k))
    b.note("value at the very end of the text")
    return b, "en_GB" if k == "nhs" else "en_US"


BRACKETS = [("(", ")"), ("[", "]"), ("{", "}"), ("<", ">"), ("«", "»"), ("「", "」"), ("“", "”"), ("'", "'"),
            ("\"", "\""), ("（", "）"), ("【", "】"), ("‹", "›")]
CLOSERS = ["!", "?", ";", ":", "…", "!!", "?!", ",", ".", "—", ")."]


def bd_p_brackets():
    b = B()
    kinds = R.sample(["email", "phone", "url", "card", "iban", "ip", "ssn", "btc", "mac", "eth"], R.randint(3, 4))
    b.t(pick(["Extract every identifier from this messy note: ", "Clean this up: ", "Which of these are valid? "]))
    for i, k in enumerate(kinds):
        if chance(0.6):
            o, c = pick(BRACKETS)
            b.t(o)
            b.put(any_value(k))
            b.t(c + pick(CLOSERS if chance(0.4) else [""]))
        else:
            b.put(any_value(k))
            b.t(pick(CLOSERS))
        b.t(" " if i < len(kinds) - 1 else "")
    b.note("values directly followed by closing brackets / punctuation, which are not part of the span")
    return b, "en_US"


def bd_p_card_lengths():
    b = B()
    kind = cyc("card_len", ["amex", "amex", "diners", "visa19", "disc19", "unionpay19", "unionpay", "jcb", "mc2", "disc65"])
    x = card_digits(kind)
    sep = pick([" ", "-", ""]) if len(x) != 19 else pick([" ", ""])
    s = group_card(x, sep)
    brand = {"amex": "Amex", "diners": "Diners Club", "visa19": "Visa", "disc19": "Discover", "unionpay19": "UnionPay",
             "unionpay": "UnionPay", "jcb": "JCB", "mc2": "Mastercard", "disc65": "Discover"}[kind]
    b.f(pick(["My {br} {c} gets rejected by the booking site because it 'must be 16 digits'. Can you explain?",
              "{br} card number: {c}\nWhy does the form split it into the wrong boxes?",
              "Is {c} a valid {br} number? The shop says the length is wrong.",
              "Customer wrote: \"use my {br} {c} for the deposit\" — how do I key that into the terminal?"]),
        br=brand, c=CC(s), m=f"{R.randint(1, 12):02d}", y=R.randint(27, 31))
    b.note(f"{len(x)}-digit card, grouping {card_groups(len(x)) if sep else 'compact'}")
    return b, "en_US"


IBAN_COUNTRY_NAMES = {
    "AD": "Andorra", "AE": "UAE", "AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "BR": "Brazil", "CH": "Switzerland",
    "CY": "Cyprus", "CZ": "Czechia", "DE": "Germany", "DK": "Denmark", "EE": "Estonia", "ES": "Spain", "FI": "Finland",
    "FR": "France", "GB": "the UK", "GR": "Greece", "HR": "Croatia", "HU": "Hungary", "IE": "Ireland", "IL": "Israel",
    "IT": "Italy", "LT": "Lithuania", "LU": "Luxembourg", "MT": "Malta", "NL": "the Netherlands", "NO": "Norway",
    "PL": "Poland", "PT": "Portugal", "RO": "Romania", "SA": "Saudi Arabia", "SE": "Sweden", "SK": "Slovakia",
    "TR": "Turkey"}


def bd_p_iban_country():
    b = B()
    cc = cyc("iban_cc", list(IBAN_SPEC))
    x = iban_raw(cc)
    grouped = chance(0.55)
    s = group4(x) if grouped else x
    frame = pick(["Supplier in {cn} sent new bank details. IBAN: {i}, BIC {bc}. Does the length look right for {cn}?",
                  "Please draft a payment instruction for {amt} to {i} (account holder: {h}).",
                  "Validate: {i}",
                  "Bankverbindung: {h}\nIBAN {i}\nBIC {bc}\nVerwendungszweck: Rechnung {r}",
                  "Refund to IBAN {i}, thank you. Reference {r}.",
                  "Is {i} from {cn}? The prefix confuses me."])
    b.f(frame, cn=IBAN_COUNTRY_NAMES[cc], i=IB(s), bc=BIC_(bic(cc)), amt=PRICE(price("€")),
        h=" ".join(person()), r=INV(invoice_no()))
    b.note(f"IBAN {cc} ({IBAN_LEN[cc]} chars), {'grouped in fours' if grouped else 'compact'}")
    return b, "en_GB"


def bd_p_iban_pair():
    b = B()
    c1, c2 = R.sample(list(IBAN_SPEC), 2)
    x1, x2 = iban_raw(c1), iban_raw(c2)
    b.f(pick(["Old account: {a}\nNew account: {b_}\nPlease update the payroll record from the first of next month.",
              "We have two IBANs for the same vendor — {a} (compact) and {b_}. Which one is right?",
              "IBAN change request. FROM {a} TO {b_}. Signed by the account holder."]),
        a=IB(x1 if chance(0.5) else group4(x1)), b_=IB(group4(x2) if chance(0.6) else x2))
    return b, "en_GB"


def bd_p_ipv6():
    b = B()
    style = cyc("ipv6", IPV6_STYLES)
    a = ipv6(style)
    k = R.randint(0, 4)
    if k == 0:
        b.f("{t} sshd[{pid}]: Accepted publickey for deploy from {ip} port {pt} ssh2\nWhat does the address format mean?",
            t=ts("syslog"), pid=R.randint(1000, 30000), ip=IP(a), pt=PORT(port()))
    elif k == 1:
        b.f("nc -6 -vz {ip} {pt} hangs, but ping6 {ip2} works. Why?", ip=IP(a), pt=PORT(port()), ip2=IP(a))
    elif k == 2:
        b.f("Our customer's router reports WAN IPv6 {ip} and the LAN gateway {gw}. Is the first one a public address?",
            ip=IP(a), gw=IP(f"fe80::{R.randint(1, 0xff):x}"))
    elif k == 3:
        b.f("listen [{ip}]:{pt} ssl;  # is this nginx syntax right for a single IPv6 host?", ip=IP(a), pt=PORT("443"))
        b.note("IPv6 in brackets with a port: the span is the address only")
    else:
        b.f("The audit log says the admin login came from {ip}. Can you tell me which ISP owns that range?", ip=IP(a))
    b.note(f"IPv6 ({style})")
    return b, "en_US"


def bd_p_ipv4_port():
    b = B()
    k = R.randint(0, 3)
    if k == 0:
        b.f("Connection refused to {a}:{p1} but {c}:{p2} works from the same box. Firewall?",
            a=IP(ipv4(True)), p1=PORT(pick(["5432", "6379", "3306", "8443"])), c=IP(ipv4(True)), p2=PORT(port()))
    elif k == 1:
        b.t("ss -tnp output, which of these are outbound to the internet?\n")
        for _ in range(3):
            b.f("ESTAB 0 0 {l}:{lp} {r}:{rp} users:((\"{pr}\",pid={pid},fd={fd}))\n", l=IP(ipv4(True)), lp=PORT(port()),
                r=IP(ipv4(pick([True, False]))), rp=PORT(pick(["443", "5432", "22", "9092"])), pr=pick(["python3", "node", "java"]),
                pid=R.randint(300, 40000), fd=R.randint(3, 90))
    elif k == 2:
        b.f("upstream api {{\n    server {a}:{p1};\n    server {c}:{p1} backup;\n}}\nWhy does nginx never fail over?",
            a=IP(ipv4(True)), c=IP(ipv4(True)), p1=PORT(port()))
    else:
        b.f("Game server is at {a}:{p}, friends can't join (\"timed out\"). NAT issue?", a=IP(ipv4(False)), p=PORT(port()))
    b.note("IPv4 with a port: the span is the address only")
    return b, "en_US"


def bd_p_ip_prefix():
    b = B()
    k = R.randint(0, 2)
    a, gw = ipv4(True), None
    if k == 0:
        pre = pick([24, 20, 16, 23])
        b.f("$ ip -4 addr show eth0\n2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP\n"
            "    inet {a}/{pre} scope global dynamic eth0\n       valid_lft 86211sec preferred_lft 86211sec\n"
            "Why is the lease so short?", a=IP(a), pre=pre)
    elif k == 1:
        gw = ".".join(a.split(".")[:3] + ["1"])
        b.f("network:\n  version: 2\n  ethernets:\n    ens18:\n      addresses: [{a}/24]\n      routes:\n        - to: default\n"
            "          via: {gw}\n      nameservers:\n        addresses: [{dns}]\nnetplan apply says the gateway is "
            "unreachable.", a=IP(a), gw=IP(gw), dns=IP(pick(["1.1.1.1", "9.9.9.9", "8.8.4.4"])))
    else:
        b.f("set interfaces ethernet eth1 address '{a}/{pre}'\nset protocols static route 0.0.0.0/0 next-hop {nh}\n"
            "Is the default route syntax right on VyOS?", a=IP(a), pre=pick([24, 29, 30]), nh=IP(ipv4(True)))
        b.note("0.0.0.0/0 (unspecified / default route) is not labelled")
    b.note("host address written with a prefix length: the span is the address, '/nn' excluded")
    return b, "en_US"


def bd_p_mac():
    b = B()
    k = cyc("mac_frame", ["ipconfig", "iplink", "cisco", "arp", "dhcp", "ble"])
    if k == "ipconfig":
        b.f("Windows IP Configuration\n\nEthernet adapter Ethernet:\n   Description . . . . . . . . . . . : Intel(R) "
            "Ethernet Connection I219-V\n   Physical Address. . . . . . . . . : {m}\n   IPv4 Address. . . . . . . . . . . : "
            "{ip}(Preferred)\n   Subnet Mask . . . . . . . . . . . : {nm}\n   Default Gateway . . . . . . . . . : {gw}\n\n"
            "Which of these do I give IT for the MAC whitelist?", m=MAC(mac("dash")), ip=IP(ipv4(True)),
            nm=LOOP("255.255.255.0"), gw=IP(f"192.168.{R.randint(0, 9)}.1"))
    elif k == "iplink":
        b.f("$ ip -br link\nenp2s0           DOWN           {m2} <NO-CARRIER,BROADCAST,MULTICAST,UP>\n"
            "wlp3s0           UP             {m} <BROADCAST,MULTICAST,UP,LOWER_UP>\nHow do I randomise the wlp3s0 MAC "
            "on every boot?", m=MAC(mac("colon")), m2=MAC(mac("colon")))
    elif k == "cisco":
        b.t("switch# show mac address-table dynamic\n          Mac Address Table\n-------------------------------------------\n"
            "Vlan    Mac Address       Type        Ports\n----    -----------       --------    -----\n")
        for _ in range(R.randint(2, 4)):
            b.f(" {v:<6} {m}    DYNAMIC     Gi1/0/{p}\n", v=pick([10, 20, 30, 100]), m=MAC(mac(pick(["cisco", "cisco", "ciscoU"]))),
                p=R.randint(1, 48))
        b.t("Which port is the rogue AP on?")
    elif k == "arp":
        me = f"192.168.1.{R.randint(20, 60)}"
        b.f("arp -a\n\nInterface: {me} --- 0xb\n  Internet Address      Physical Address      Type\n", me=IP(me))
        for _ in range(R.randint(2, 3)):
            b.f("  {ip:<20}  {m}     dynamic\n", ip=IP(f"192.168.1.{R.randint(61, 250)}"), m=MAC(mac("dashl")))
        b.t("Is one of these spoofing the gateway?")
    elif k == "dhcp":
        b.f("host printer-2f {{\n  hardware ethernet {m};\n  fixed-address {ip};\n}}\nisc-dhcp ignores this reservation.",
            m=MAC(mac(pick(["colon", "colonU"]))), ip=IP(ipv4(True)))
    else:
        b.f("My earbuds show up as {m} in bluetoothctl but pairing fails with 'AuthenticationFailed'.", m=MAC(mac("colonU")))
    b.note("MAC address: colons, dashes or Cisco dotted form")
    return b, "en_US"


def idn_url():
    return pick([
        f"https://münchen-reisen.de/angebote?id={d(4)}&lang=de",
        f"https://café-rouge.fr/réservation#confirmation",
        f"https://bücher-hansen.de/bestellung/{d(6)}",
        f"https://xn--mnchen-3ya.de/kontakt?ref={d(3)}",
        f"https://пример-клиники.рф/запись?врач={d(2)}",
        f"https://日本語ドメイン.jp/予約/{d(5)}",
        f"https://www.xn--caf-dma.fr/menu#desserts",
        f"https://tienda-ñandú.es/pedido?n={d(5)}",
    ])


def rich_url():
    host = pick(CORP)
    return pick([
        f"https://{host}/search?q=refund+policy&page={R.randint(2, 9)}&sort=desc",
        f"https://portal.{host}/claims/{d(6)}?tab=documents#upload",
        f"https://{host}/docs/setup#step-{R.randint(2, 7)}",
        f"https://app.{host}/reset?token={alnum(6, LOW + DIG)}&utm_source=email&utm_medium=notification",
        f"http://{host}:8080/admin/users?id={d(5)}",
        f"ftp://files.{host}/pub/reports/q{R.randint(1, 4)}-summary.pdf",
        f"https://{host}/a/b/c/index.html?x=1&y=%20z",
        f"www.{host}/help/contact?dept=billing",
        f"{host}/careers/{d(4)}-senior-analyst",
    ])


def wiki_paren_url():
    return pick(["https://en.wikipedia.org/wiki/Mercury_(planet)", "https://en.wikipedia.org/wiki/Python_(programming_language)",
                 "https://en.wikipedia.org/wiki/Java_(software_platform)#History", "https://de.wikipedia.org/wiki/Bank_(Möbel)"])


def bd_p_url():
    b = B()
    k = cyc("url_kind", ["rich", "rich", "idn", "idn", "wiki", "trail_paren", "trail_dot", "trail_comma", "angle", "quoted"])
    if k == "rich":
        b.f(pick(["Why does {u} show a blank page on Safari?", "The tracking link {u} — is it safe to click?",
                  "Shorten {u} for an SMS"]), u=URL_(rich_url()))
    elif k == "idn":
        b.f(pick(["Does {u} work in every browser or should I send the punycode version?",
                  "Link from the customer: {u} — please check whether the domain is real.",
                  "Unsere Buchungsseite {u} lädt nicht."]), u=URL_(idn_url()))
        b.note("IDN / punycode host: the whole URL is the span")
    elif k == "wiki":
        b.f(pick(["Summarise the history section of {u} in five bullets.", "(source: {u})",
                  "Cite {u} in APA style"]), u=URL_(wiki_paren_url()))
        b.note("a ')' that closes a '(' inside the URL is part of it; a sentence bracket after it is not")
    elif k == "trail_paren":
        b.f("See the full terms (available at {u}) before you sign.", u=URL_(rich_url()))
        b.note("a closing bracket after the URL is not part of it")
    elif k == "trail_dot":
        b.f(pick(["The upload form is at {u}.", "I found it on {u}. Is it legit?", "Go to {u}... then click 'Forgot'."]),
            u=URL_(url()))
        b.note("sentence punctuation after the URL is not part of it")
    elif k == "trail_comma":
        b.f("Try {u}, {u2}, or {u3}; one of them should still be up!", u=URL_(url("https")), u2=URL_(url("www")),
            u3=URL_(rich_url()))
    elif k == "angle":
        b.f("Plain-text email: \"Your invoice is ready <{u}>. Questions? <{e}>\"", u=URL_(url("https")), e=EM(corp_email()))
    else:
        b.f("The redirect goes to \"{u}\" and then '{u2}'. Explain the chain.", u=URL_(rich_url()), u2=URL_(url("https")))
    return b, "en_US"


def bd_p_phone_ext():
    b = B()
    lang = cyc("ext_lang", list(EXT_WORDS))
    if lang == "en":
        num = with_ext(us_phone(ext=False), "en")
        frame = pick(["Reach our benefits desk at {p} between 9 and 5.", "Dr. Haddad's office: {p}"])
    elif lang == "de":
        num = pick([with_ext(phone("DE", True, False), "de"), phone("DE", False, False) + "-" + d(2)])
        frame = "Bitte rufen Sie mich unter {p} zurück."
    elif lang == "fr":
        num = with_ext(phone("FR", False, False), "fr")
        frame = "Vous pouvez joindre le service client au {p} du lundi au vendredi."
    elif lang == "es":
        num = with_ext(phone("ES", True, False), "es")
        frame = "Llámeme al {p}, por favor."
    elif lang == "pt":
        num = with_ext(phone("BR", False, False), "pt")
        frame = "Fale com o RH pelo telefone {p}."
    elif lang == "it":
        num = with_ext(phone("IT", True, False), "it")
        frame = "Per informazioni chiamare il {p} in orario d'ufficio."
    elif lang == "nl":
        num = with_ext(phone("NL", False, False), "nl")
        frame = "Bel mij op {p} als het dringend is."
    elif lang == "pl":
        num = with_ext(phone("PL", False, False), "pl")
        frame = "Proszę dzwonić pod numer {p}."
    elif lang == "ru":
        num = with_ext(phone("RU", True, False), "ru")
        frame = "Звоните по телефону {p}, спросите Ирину."
    elif lang == "ja":
        num = with_ext(phone("JP", False, False), "ja")
        frame = "お問い合わせは{p}までお願いします。"
    elif lang == "ko":
        num = with_ext(phone("KR", False, False), "ko")
        frame = "문의는 {p}로 연락 주세요."
    else:
        num = with_ext(phone("TR", True, False), "tr")
        frame = "Lütfen {p} numarasından arayın."
    b.f(frame, p=PH(num))
    b.note(f"phone extension ({lang}) is part of the span")
    return b, {"en": "en_US", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "pt": "pt_BR", "it": "it_IT", "nl": "nl_NL",
               "pl": "pl_PL", "ru": "ru_RU", "ja": "ja_JP", "ko": "ko_KR", "tr": "tr_TR"}[lang]


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def bd_p_datetime():
    b = B()
    x = soon()
    hh, mm = R.randint(7, 19), pick([0, 15, 30, 45])
    k = cyc("dt_fmt", ["iso_t", "de", "ordinal", "airline", "us2", "wd", "dmon", "md_time", "iso_space", "uk_words"])
    if k == "iso_t":
        b.f("Calendar export for my appointment: DTSTART={v} — convert to my local time zone (CET).",
            v=DT(f"{x.isoformat()}T{hh:02d}:{mm:02d}"))
        b.note("glued ISO date-time is one span")
    elif k == "de":
        b.f("Mein Termin beim Hautarzt ist am {d} um {t}. Bitte erinnere mich.", d=DT(f"{x.day:02d}.{x.month:02d}.{x.year}"),
            t=DT(f"{hh:02d}:{mm:02d}"))
    elif k == "ordinal":
        b.f("My flight home is on the {d} and the interview is {d2}.", d=DT(f"{ordinal(x.day)} of {MONTHS[x.month - 1]}"),
            d2=DT(f"{MONTHS[x.month - 1]} {ordinal(max(1, x.day - 2))}"))
    elif k == "airline":
        b.f("PNR {p}: {f} {d} LHR-JFK dep {t}. Can I still change seats?", p=REFN(alnum(6, UP)),
            f=f"BA{R.randint(100, 299)}", d=DT(fmt_en(x, "dmon_up")), t=DT(f"{hh:02d}:{mm:02d}"))
    elif k == "us2":
        b.f("moved my dentist to {d} @ {t}!", d=DT(fmt_en(x, "us2")), t=DT(htime(False)))
    elif k == "wd":
        b.f("Confirming your visit: {d}, {t} with the physiotherapist.", d=DT(fmt_en(x, "wd")), t=DT(htime()))
    elif k == "dmon":
        b.f("Date of birth: {d}. Is this the format the embassy wants?", d=DT(fmt_en(birth(), "dmon")))
    elif k == "md_time":
        b.f("Can we push my review meeting from {d} to {d2} at {t}?", d=DT(fmt_en(x, "md")),
            d2=DT(fmt_en(x + timedelta(days=R.randint(1, 5)), "md")), t=DT(htime(False)))
    elif k == "iso_space":
        b.f("Patient arrived {d} {t} (triage), discharged the same day.", d=DT(x.isoformat()), t=DT(f"{hh:02d}:{mm:02d}"))
        b.note("a date followed by a time after a space: two spans")
    else:
        b.f("I was hired on {d} and my probation ends {d2}.", d=DT(fmt_en(recent(), "dmy")), d2=DT(fmt_en(x, "dmy")))
    return b, "en_US" if k != "de" else "de_DE"


def bd_p_ids_boundaries():
    b = B()
    k = cyc("ids_bd", ["ssn", "nhs", "dl", "passport", "mrn", "mbi", "member", "bank"])
    if k == "ssn":
        b.f(pick(["SSN:{s}, DOB:{d}", "(SSN {s})", "my social is {s}.", "SSN {s}"]), s=SSN_(ssn()),
            d=DT(fmt_en(birth(), "us")))
    elif k == "nhs":
        b.f(pick(["NHS No.{n}", "[NHS: {n}]", "Patient's NHS number — {n}.", "NHS {n}"]), n=NHS_(nhs()))
    elif k == "dl":
        st, n = dl()
        b.f(pick(["DL# {n} ({st}).", "{st} driver license: {n}", "license no. {n}, class C"]), st=st, n=DLN(n))
    elif k == "passport":
        b.f(pick(["US passport no.{p}", "Passport: {p}.", "(passport {p})"]), p=PP(us_passport()))
    elif k == "mrn":
        b.f(pick(["MRN:{m}", "(MRN {m})", "chart #{m}.", "Pt MRN {m}; bed 12"]), m=MRN_(mrn()))
    elif k == "mbi":
        b.f(pick(["{m} is my Medicare number", "Medicare MBI: {m}.", "MBI={m}"]), m=MBI_(mbi()))
    elif k == "member":
        b.f(pick(["Member ID: {h}.", "(member {h})", "insurance id {h}, group on the back"]), h=HPID(member_id()))
    else:
        b.f(pick(["Checking acct #{a}, routing {r}.", "acct:{a}", "deposit to account {a} (routing {r})"]),
            a=BANK(bank_acct()), r=ABA_(aba()))
    b.note("ids glued to labels / brackets / punctuation")
    return b, "en_GB" if k == "nhs" else "en_US"


def bd_p_crypto_secret():
    b = B()
    k = cyc("cs_bd", ["btc58", "bech", "eth_lower", "eth_cs", "bearer", "password", "aws_pair", "quoted_key"])
    if k == "btc58":
        b.f("to:{w}", w=CRY(btc_base58()))
    elif k == "bech":
        b.f("Deposit address (BTC, native SegWit): \"{w}\".", w=CRY(btc_bech32()))
    elif k == "eth_lower":
        b.f("send usdc on mainnet to {w}!!", w=CRY(eth(False)))
    elif k == "eth_cs":
        b.f("Is the checksum right on {w}? The wallet flags it yellow.", w=CRY(eth(True)))
    elif k == "bearer":
        b.f("curl -H \"Authorization: Bearer {j}\" {u}  # returns 401, why?", j=JWT_(jwt()),
            u=URL_(f"https://api.{pick(['quillpay.io', 'orbitcrm.net'])}/v1/me"))
    elif k == "password":
        b.f("ok the wifi password is {pw}", pw=PW(password()))
    elif k == "aws_pair":
        b.f("AWS_ACCESS_KEY_ID={a}\nAWS_SECRET_ACCESS_KEY={s}", a=SK("aws"), s=SK("awssecret"))
    else:
        b.f("config = {{'api_key': '{k}', 'timeout': 30}}", k=SK(pick(["openai", "google", "stripe", "anthropic"])))
    return b, "en_US"


def bd_p_glued():
    b = B()
    parts = R.sample([
        lambda: b.f("Tel:{p}", p=PH(phone(pick(["DE", "FR", "GB", "NL"]), True))),
        lambda: b.f("email:{e}", e=EM(email())),
        lambda: b.f("IBAN:{i}", i=IB(iban(grouped=False))),
        lambda: b.f("SSN#{s}", s=SSN_(ssn("-"))),
        lambda: b.f("MAC={m}", m=MAC(mac())),
        lambda: b.f("ip={i},", i=IP(ipv4())),
        lambda: b.f("DOB:{d};", d=DT(fmt_en(birth(), "iso"))),
        lambda: b.f("web:{u}", u=URL_(url("https"))),
        lambda: b.f("card={c}|", c=CC(card(""))),
    ], R.randint(4, 6))
    b.t(pick(["Parse this key:value blob from the legacy CRM into JSON:\n", "What fields are in here?\n"]))
    for i, fn in enumerate(parts):
        fn()
        if i < len(parts) - 1:
            b.t(pick([" ", "  ", "\t", " | "]))
    b.note("values glued to their field names without a space")
    return b, "en_US"


def bd_p_adjacent_lists():
    b = B()
    k = R.randint(0, 2)
    if k == 0:
        es = [EM(email()) for _ in range(R.randint(3, 4))]
        b.t("Send the minutes to ")
        for i, e in enumerate(es):
            b.put(e)
            b.t(";" if i < len(es) - 1 else " — thanks")
        b.note("semicolon-separated addresses without spaces")
    elif k == 1:
        b.f("Phones: {a}, {c} / {e_}", a=PH(us_phone(ext=False)), c=PH(us_phone(ext=False)), e_=PH(tollfree()))
    else:
        b.f("Block these: {a},{c},{e_} and {f}", a=IP(ipv4(False)), c=IP(ipv4(False)), e_=IP(ipv6()), f=IP(ipv4(False)))
    return b, "en_US"


# boundary negatives
def bd_n_filenames():
    b = B()
    b.f("Rename {a} to {c} and move {e} next to {f}; then update {g} (e.g. the import in {h}).",
        a=FILE_("main.py"), c=FILE_("app.py"), e=FILE_("README.md"), f=FILE_("setup.cfg"), g=FILE_("report.final.v2.pdf"),
        h=FILE_("index.ts"))
    return b, "en_US"


def bd_n_loopback():
    b = B()
    b.f("{a} works but {c} doesn't; the container binds {e} and the firewall default is {f} (IPv6 {g}). Mask {h}.",
        a=LOOP(f"127.0.0.1:{port()}"), c=LOOP(f"[::1]:{port()}"), e=LOOP(f"0.0.0.0:{pick(['8080', '3000', '5173'])}"),
        f=LOOP("0.0.0.0/0"), g=LOOP("::/0"), h=LOOP("255.255.255.0"))
    return b, "en_US"


def bd_n_versions():
    b = B()
    b.f("{w} is the Windows build on the kiosk; Chrome {c}; SNMP polls OID {o}; firmware {f}",
        w=IPVER(f"10.0.{R.randint(19041, 22631)}.{R.randint(1000, 4999)}"),
        c=IPVER(f"{R.randint(118, 131)}.0.{R.randint(6000, 6999)}.{R.randint(10, 199)}"),
        o=OID(f"1.3.6.1.2.1.{R.randint(1, 31)}.{R.randint(1, 9)}.0"), f=IPVER(ipv4_version()))
    return b, "en_US"


def bd_n_bad_values():
    b = B()
    b.f("({c}) [{i}] «{s}» {n}. All four fail validation, right?", c=BADCC(bad_card()), i=BADIB(bad_iban()),
        s=BADSSN(bad_ssn()), n=BADNHS(bad_nhs()))
    return b, "en_GB"


def bd_n_public_dates():
    b = B()
    k = cyc("bd_public_dates", [0, 1, 2])
    if k == 0:
        b.f("{a} is a federal holiday, so the office is closed; Python 3.12 was released on {c}.",
            a=REL("July 4, 2026"), c=REL("October 2, 2023"))
    elif k == 1:
        b.f("The GDPR has applied since {a}; the CCPA took effect on {c}.", a=REL("25 May 2018"), c=REL("January 1, 2020"))
    else:
        b.f("Reminder for everyone: tax returns are due {a} and open enrollment ends {c}.", a=REL("April 15, 2026"),
            c=REL("December 15, 2025"))
    return b, "en_US"


def bd_n_fingerprints():
    b = B()
    fp16 = ":".join(hexs(2) for _ in range(16))
    fp20 = ":".join(hexs(2).upper() for _ in range(20))
    b.f("The host key fingerprint is MD5:{a} and the cert SHA-1 is {c}. Build took 00:12:34; see std::chrono::seconds.",
        a=FPR(fp16), c=FPR(fp20))
    return b, "en_US"


def bd_n_masked():
    b = B()
    b.f("{c} was charged; SSN on file {s}; phone {p}; IBAN {i}", c=MASK(masked_card()), s=MASK("XXX-XX-" + d(4)),
        p=MASK(f"(***) ***-{d(4)}"), i=MASK(f"DE** **** **** **** **{d(2)} {d(2)}"))
    return b, "en_US"


def bd_n_codes():
    b = B()
    b.f("{o} shipped via {t}; ISBN {i}; invoice {v}", o=ORD(order_no()), t=TRK(tracking_no()), i=ISBN_(isbn13()),
        v=INV(invoice_no()))
    return b, "en_US"


# ---------------- markup: markdown, HTML, CSV, JSON, YAML, XML, SQL, vCard, iCalendar
def jdump(b: B, obj, indent=None, level=0):
    """Serialise obj into b as JSON; B values / labelled tuples become JSON strings re-mapped through escaping."""
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
    elif isinstance(obj, tuple):
        b.t("\"")
        b.embed(B().put(obj), json_esc)
        b.t("\"")
    else:
        b.t(json.dumps(obj, ensure_ascii=False))
    return b


def json_block(b: B, obj, indent=None):
    st = b.pos
    jdump(b, obj, indent)
    b.jsonblocks.append((st, b.pos))
    return b


def mk_p_md_bold():
    b = B()
    fn, ln = person()
    b.f("Make this markdown profile card nicer:\n\n## {f} {l}\n**Email:** {e}  \n**Phone:** **{p}**  \n"
        "**Date of birth:** _{db}_  \n**Card on file:** ~~{m}~~ {c}\n\n> Notes: prefers morning calls",
        f=fn, l=ln, e=EM(email(fn, ln)), p=PH(us_phone(ext=False)), db=DT(fmt_en(birth(), "long")), m=MASK(masked_card()),
        c=CC(card()))
    b.note("markdown emphasis markers are outside the spans")
    return b, "en_US"


def mk_p_md_code():
    b = B()
    b.f("The runbook says:\n\n1. SSH to `{ip}` as `deploy`\n2. export `AWS_ACCESS_KEY_ID={ak}`\n"
        "3. check the DB with ```psql {cs}```\n4. the box's MAC is `{m}`\n\nRewrite it so no secrets are inline.",
        ip=IP(ipv4(True)), ak=SK("aws"), cs=CONN(conn_string("postgresql")), m=MAC(mac()))
    b.note("values in inline code: backticks outside the spans")
    return b, "en_US"


def mk_p_md_link():
    b = B()
    u1, u2 = rich_url(), url("https")
    k = R.randint(0, 2)
    if k == 0:
        b.f("Fix the broken links in this markdown:\n\n- [Reset your password]({u1})\n- [{u2}]({u2b})\n"
            "- Contact: <{e}>\n- Portal: <{u3}>", u1=URL_(u1), u2=URL_(u2), u2b=URL_(u2), e=EM(corp_email()),
            u3=URL_(url("https")))
        b.note("[text](url): the url is a span, and the link text too when it is itself a URL; <...> autolinks exclude the brackets")
    elif k == 1:
        b.f("Convert to HTML: Please see [the claim form]({u1}) and email **{e}** with your member ID `{h}`.",
            u1=URL_(u1), e=EM(email()), h=HPID(member_id()))
    else:
        u = wiki_paren_url()
        t = urllib.parse.unquote(u.rsplit("/", 1)[1].split("#")[0]).replace("_", " ")
        b.f("Summarise the linked page: [{t}]({u}).", t=t, u=URL_(u))
        b.note("markdown link to a URL with balanced parentheses: the ')' closing the link is not part of the URL")
    return b, "en_US"


def mk_p_md_table():
    b = B()
    b.t(pick(["Sort this table by date of birth:\n\n", "Which rows are missing a phone number?\n\n", "Convert to CSV:\n\n"]))
    b.t("| Name | Email | Phone | DOB | SSN |\n|---|---|---|---|---|\n")
    for i in range(R.randint(3, 4)):
        fn, ln = person()
        b.f("| {f} {l} | {e} | {p} | {db} | {s} |\n", f=fn, l=ln, e=EM(email(fn, ln)),
            p=PH(us_phone(ext=False)) if i != 1 else "—", db=DT(fmt_en(birth(), "us")), s=SSN_(ssn("-")) if i != 2 else MASK("***-**-" + d(4)))
    return b, "en_US"


def mk_p_html_attr():
    b = B()
    fn, ln = person()
    b.f("Why does the form prefill the wrong user?\n\n<form action=\"{act}\" method=\"post\">\n"
        "  <input type=\"email\" name=\"email\" value=\"{e}\">\n  <input type=\"tel\" name=\"phone\" value=\"{p}\">\n"
        "  <input type=\"hidden\" name=\"dob\" value=\"{db}\">\n  <div data-user-ip=\"{ip}\" data-ref=\"{r}\"></div>\n"
        "  <a href=\"{u}\" title=\"Help\">Need help?</a>\n</form>",
        act=URL_(f"https://{pick(CORP)}/profile/save"), e=EM(email(fn, ln)), p=PH(us_phone(ext=False)),
        db=DT(fmt_en(birth(), "iso")), ip=IP(ipv4(False)), r=REFN(ref("", 7)), u=URL_(rich_url()))
    b.note("values inside HTML attribute quotes: the quotes are outside the spans")
    return b, "en_US"


def mk_p_html_table():
    b = B()
    b.t("Extract the employees into JSON:\n<table>\n  <tr><th>Name</th><th>Work e-mail</th><th>SSN</th><th>Start</th></tr>\n")
    for _ in range(R.randint(2, 3)):
        fn, ln = person()
        b.f("  <tr><td>{f} {l}</td><td>{e}</td><td>{s}</td><td>{sd}</td></tr>\n", f=fn, l=ln,
            e=EM(email(fn, ln, pick(CORP))), s=SSN_(ssn("-")), sd=DT(fmt_en(recent(), "us")))
    b.t("</table>")
    return b, "en_US"


def mk_p_csv_quotes():
    b = B()
    b.t(pick(["Load this into pandas, the quoting breaks read_csv:\n", "Dedupe this CRM export:\n",
              "Which rows have an invalid phone?\n"]))
    b.t("id,name,email,phone,notes\n")
    for i in range(R.randint(3, 5)):
        fn, ln = person()
        name = pick([f"\"{ln}, {fn}\"", f"{fn} {ln}", f"\"{fn} \"\"{pick(['Jim', 'Kat', 'Bo'])}\"\" {ln}\""])
        b.f("{i},{n},", i=1000 + i, n=name)
        q = chance(0.5)
        b.t("\"" if q else "")
        b.put(EM(email(fn, ln)))
        b.t("\"," if q else ",")
        q = chance(0.7)
        b.t("\"" if q else "")
        b.put(PH(pick([us_phone(ext=chance(0.3)), phone(pick(["GB", "DE", "FR"]), True)])))
        b.t("\"," if q else ",")
        b.t(pick(["\"called twice, no answer\"", "\"VIP, \"\"gold\"\" tier\"", "", "\"prefers email\""]))
        b.t("\n")
    b.parts[-1] = b.parts[-1].rstrip("\n")
    b.pos = len(b.text)
    b.note("values inside quoted CSV cells: the quotes are outside the spans")
    return b, "en_US"


def mk_p_pipe_tsv():
    b = B()
    if chance(0.5):
        b.t("Tab-separated export from the clinic system, flag anything that looks wrong:\nMRN\tDOB\tAdmit\tPlan ID\tPhone\n")
        for _ in range(R.randint(2, 3)):
            b.f("{m}\t{db}\t{ad}\t{h}\t{p}\n", m=MRN_(mrn()), db=DT(fmt_en(birth(), "us")), ad=DT(fmt_en(recent(), "us")),
                h=HPID(member_id()), p=PH(us_phone(ext=False)))
    else:
        b.t("Pipe-delimited bank file, which column is the account number?\nHDR|ACH|" + not_luhn_digits(6) + "\n")
        for _ in range(R.randint(2, 3)):
            b.f("DTL|{n}|{r}|{a}|{amt}|{dt}\n", n=" ".join(person()).upper(), r=ABA_(aba()), a=BANK(bank_acct(8, 14)),
                amt=f"{R.randint(10, 9000)}.{d(2)}", dt=DT(fmt_en(recent(), "iso")))
    b.parts[-1] = b.parts[-1].rstrip("\n")
    b.pos = len(b.text)
    return b, "en_US"


def mk_p_json_nested():
    b = B()
    fn, ln = person()
    b.t(pick(["Validate this against our customer schema:\n", "Flatten this JSON into columns:\n",
              "What PII does this webhook carry?\n"]))
    obj = {"id": a_uuid(), "customer": {"name": f"{fn} {ln}", "contact": {"email": EM(email(fn, ln)),
                                                                              "phones": [PH(us_phone(ext=False)), PH(phone("GB", True))]},
                                        "dob": DT(fmt_en(birth(), "iso"))},
           "payment": {"iban": IB(iban()), "amount": R.randint(10, 900), "currency": "EUR"},
           "meta": {"ip": IP(ipv4(False)), "ua": f"Mozilla/5.0 (X11; Linux x86_64) Firefox/{R.randint(115, 133)}.0"}}
    obj["id"] = UUID_(obj["id"])
    json_block(b, obj, pick([None, 2]))
    return b, "en_US"


def mk_p_json_slash_escaped():
    b = B()
    fn, ln = person()
    u = f"https://{pick(CORP)}/u/{fn.lower()}-{ln.lower()}/profile"
    esc = u.replace("/", "\\/")
    b.t("PHP json_encode output — why are the slashes escaped?\n")
    st = b.pos
    b.f("{{\"user\":\"{f} {l}\",\"profile\":\"{u}\",\"email\":\"{e}\",\"joined\":{j}}}", f=fn, l=ln,
        u=(esc, "URL", "json_escaped", u), e=EM(email(fn, ln)), j=R.randint(2015, 2024))
    b.jsonblocks.append((st, b.pos))
    b.note("JSON-escaped '\\/' inside a URL string: the escaped surface is the span")
    return b, "en_US"


def mk_p_yaml():
    b = B()
    b.f("Is this Ansible inventory leaking anything?\n\nall:\n  hosts:\n    web1:\n      ansible_host: {a}\n"
        "      mac: \"{m}\"\n    db1:\n      ansible_host: '{c}'\n  vars:\n      ansible_user: deploy\n"
        "      ansible_password: \"{pw}\"\n      notify_email: {e}",
        a=IP(ipv4(True)), m=MAC(mac()), c=IP(ipv6()), pw=PW(password()), e=EM(corp_email("ops")))
    return b, "en_US"


def mk_p_xml():
    b = B()
    fn, ln = person()
    b.f("Map this XML to our FHIR Patient resource:\n<patient id=\"{pid}\">\n  <mrn>{m}</mrn>\n"
        "  <name given=\"{f}\" family=\"{l}\"/>\n  <birthDate>{db}</birthDate>\n  <telecom system=\"phone\" value=\"{p}\"/>\n"
        "  <telecom system=\"email\" value=\"{e}\"/>\n  <coverage memberId=\"{h}\"/>\n</patient>",
        pid=UUID_(a_uuid()), m=MRN_(mrn()), f=fn, l=ln, db=DT(fmt_en(birth(), "iso")), p=PH(us_phone(ext=False)),
        e=EM(email(fn, ln)), h=HPID(member_id()))
    return b, "en_US"


def mk_p_sql_values():
    b = B()
    b.t("This migration failed on row 2, why?\n\nINSERT INTO customers (name, email, phone, ssn, dob) VALUES\n")
    n = R.randint(2, 3)
    for i in range(n):
        fn, ln = person()
        nm = f"{fn} O''{ln}" if i == 1 else f"{fn} {ln}"
        b.f("  ('{n}', '{e}', '{p}', '{s}', DATE '{db}'){end}\n", n=nm, e=EM(email(fn, ln)), p=PH(us_phone(ext=False)),
            s=SSN_(ssn("-")), db=DT(fmt_en(birth(), "iso")), end="," if i < n - 1 else ";")
    b.parts[-1] = b.parts[-1].rstrip("\n")
    b.pos = len(b.text)
    return b, "en_US"


def mk_p_vcard():
    b = B()
    fn, ln = person()
    b.f("Import this contact into Outlook:\nBEGIN:VCARD\nVERSION:3.0\nN:{l};{f};;;\nFN:{f} {l}\n"
        "TEL;TYPE=CELL:{p}\nTEL;TYPE=WORK,VOICE:{p2}\nEMAIL;TYPE=INTERNET:{e}\nBDAY:{bd}\nURL:{u}\nEND:VCARD",
        f=fn, l=ln, p=PH(us_phone(ext=False, style=4)), p2=PH(with_ext(us_phone(ext=False, style=3), "en")),
        e=EM(email(fn, ln)), bd=DT(fmt_en(birth(), "iso")), u=URL_(url("https")))
    return b, "en_US"


def mk_p_ics():
    b = B()
    x = soon()
    hh = R.randint(8, 17)
    b.f("Why does Google Calendar import this at the wrong hour?\nBEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:{u}\n"
        "SUMMARY:Dermatology follow-up\nDTSTART;TZID=America/New_York:{s}\nDTEND;TZID=America/New_York:{e_}\n"
        "DESCRIPTION:Bring your insurance card (member {h}). Questions: {p}\nEND:VEVENT\nEND:VCALENDAR",
        u=UUID_(a_uuid()), s=DT(f"{x.year}{x.month:02d}{x.day:02d}T{hh:02d}3000"),
        e_=DT(f"{x.year}{x.month:02d}{x.day:02d}T{hh + 1:02d}0000"), h=HPID(member_id()), p=PH(us_phone(ext=False)))
    b.note("compact iCalendar date-times of a personal appointment: one span each")
    return b, "en_US"


# markup negatives
def mk_n_md_placeholders():
    b = B()
    b.f("Review this README section:\n\n## Configuration\n\n1. Copy `.env.example` to `.env` and set `OPENAI_API_KEY={k}`\n"
        "2. Set `DB_PASSWORD={p}` — never commit it\n3. Run `make dev`; the app listens on `{lo}`\n"
        "4. See [the setup guide](./docs/setup.md) and [FAQ](#faq)\n\n> **Note:** replace `{a}` with your own key.",
        k=PLACE("sk-xxxxxxxxxxxxxxxxxxxxxxxx"), p=PLACE("${DB_PASSWORD}"), lo=LOOP("127.0.0.1:8000"),
        a=PLACE("<API_KEY>"))
    return b, "en_US"


def mk_n_html_template():
    b = B()
    b.f("Explain this Jinja template:\n<p>Hello {{{{ user.first_name }}}},</p>\n<p>We sent a code to {{{{ user.email }}}}.</p>\n"
        "<a href=\"/account/settings\">Settings</a> · <a href=\"#unsubscribe\">Unsubscribe</a>\n"
        "<input type=\"email\" placeholder=\"Your e-mail\" required>\n<input type=\"password\" name=\"pw\" "
        "autocomplete=\"new-password\">")
    b.negs.append((b.text.index("{{ user.email }}"), b.text.index("{{ user.email }}") + 16, "placeholder", "{{ user.email }}"))
    return b, "en_US"


def mk_n_csv_masked():
    b = B()
    b.t("Summarise revenue per SKU:\norder_id,sku,qty,unit_price,card\n")
    for _ in range(R.randint(3, 5)):
        b.f("{o},{s},{q},{p},{c}\n", o=ORD(order_no().lstrip("#")), s=f"SKU-{up(3)}-{d(4)}", q=R.randint(1, 12),
            p=f"{R.randint(3, 300)}.{d(2)}", c=MASK(f"************{d(4)}"))
    b.parts[-1] = b.parts[-1].rstrip("\n")
    b.pos = len(b.text)
    return b, "en_US"


def mk_n_json_schema():
    b = B()
    b.t("Is this JSON Schema right for a US customer record?\n")
    st = b.pos
    b.t(json.dumps({"type": "object", "required": ["email", "ssn"], "properties": {
        "email": {"type": "string", "format": "email"},
        "ssn": {"type": "string", "pattern": "^\\d{3}-\\d{2}-\\d{4}$", "examples": ["XXX-XX-XXXX"]},
        "phone": {"type": "string", "pattern": "^\\+?[0-9 ()-]{7,20}$"},
        "dob": {"type": "string", "format": "date", "description": "YYYY-MM-DD"}}}, indent=2))
    b.jsonblocks.append((st, b.pos))
    i = b.text.index("XXX-XX-XXXX")
    b.negs.append((i, i + 11, "placeholder", "XXX-XX-XXXX"))
    return b, "en_US"


def mk_n_yaml_env():
    b = B()
    b.f("Does this deployment leak any secret?\n\nspec:\n  containers:\n    - name: api\n      image: acme/api@{dg}\n"
        "      env:\n        - name: DATABASE_URL\n          valueFrom:\n            secretKeyRef: {{name: db, key: url}}\n"
        "        - name: STRIPE_KEY\n          value: {s}\n        - name: BUILD_SHA\n          value: \"{sha}\"",
        dg=HASH("sha256:" + hexs(64)), s=PLACE("${STRIPE_SECRET_KEY}"), sha=SHA(git_sha()))
    return b, "en_US"


def mk_n_xml_ids():
    b = B()
    b.f("Explain these fields:\n<build id=\"{u}\" commit=\"{s}\" version=\"{v}\">\n  <artifact sha256=\"{h}\" size=\"{n}\"/>\n"
        "  <released>{r}</released>\n</build>", u=UUID_(a_uuid()), s=SHA(git_sha()), v=IPVER(ipv4_version()),
        h=HASH(hexs(64)), n=R.randint(10 ** 5, 10 ** 8), r=REL(fmt_en(rdate(2024, 2025), "iso")))
    b.note("a release date in build metadata is not personal")
    return b, "en_US"


# ---------------- values glued to non-Latin scripts
def sg_p_ja():
    b = B()
    x = soon()
    k = R.randint(0, 2)
    if k == 0:
        b.f("メールは{e}まで、電話は{p}にお願いします。", e=EM(email()), p=PH(phone("JP")))
    elif k == 1:
        b.f("{d}に予約を入れました。IPアドレスは{ip}でした。詳細は{u}を参照。", d=DT(f"{x.year}年{x.month}月{x.day}日"),
            ip=IP(ipv4(False)), u=URL_(url("https")))
    else:
        b.f("振込先：{i}（{n}様名義）。カードは{c}です。", i=IB(iban(pick(["DE", "GB", "FR"]))), n="田中", c=CC(card(" ")))
    b.note("values glued to Japanese text / particles without spaces")
    return b, "ja_JP"


def sg_p_ko():
    b = B()
    x = birth()
    b.f(pick(["{e}으로 서류를 보내 주시고 {p}로 연락 주세요.", "저는 {d}생이고 연락처는 {p}입니다.",
              "{p}번으로 문자 주세요. 이메일은 {e}이에요."]),
        e=EM(email()), p=PH(phone("KR")), d=DT(f"{x.year}년 {x.month}월 {x.day}일"))
    b.note("values glued to Korean particles")
    return b, "ko_KR"


def sg_p_zh():
    b = B()
    b.f(pick(["邮箱：{e}，电话：{p}。出生日期：{d}。", "请把发票寄到{e}，或者打{p}联系我。", "我的IP是{ip}，为什么被封了？"]),
        e=EM(email()), p=PH(phone("CN")), d=DT(fmt_en(birth(), "iso")), ip=IP(ipv4(False)))
    b.note("values followed by fullwidth CJK punctuation")
    return b, "zh_CN"


def sg_p_th():
    b = B()
    b.f(pick(["อีเมล{e}ครับ โทร{p}ได้เลย", "ส่งเอกสารมาที่{e}นะคะ", "เบอร์โทร{p}ค่ะ วันนัด{d}"]),
        e=EM(email()), p=PH(phone("TH", False, True)), d=DT(fmt_en(soon(), "uk")))
    b.note("values glued to Thai text (no spaces)")
    return b, "th_TH"


def sg_p_ar():
    b = B()
    b.f(pick(["بريدي {e}، ورقمي {p}.", "الآيبان الخاص بي {i}، يرجى التحويل اليوم.", "رقم الجوال:{p}؛ البريد:{e}"]),
        e=EM(email()), p=PH(phone("SA", True)), i=IB(iban("SA")))
    b.note("values next to Arabic punctuation (، ؛)")
    return b, "ar_SA"


def sg_p_he():
    b = B()
    rlm = "\u200f"
    b.f("מספר הטלפון שלי {r}{p}{r} והמייל {r}{e}{r}. תודה!", r=rlm, p=PH(phone("IL")), e=EM(email()))
    b.note("values wrapped in right-to-left marks (U+200F), which are outside the spans")
    return b, "he_IL"


def sg_p_ru():
    b = B()
    b.f(pick(["Почта: {e}, тел. {p}. Дата рождения: {d}.", "Пишите на {e} или звоните {p}!",
              "Мой IP {ip}, почему доступ закрыт?"]),
        e=EM(email(domain=pick(["yandex.ru", "mail.ru", "gmail.com"]))), p=PH(phone("RU")),
        d=DT((lambda x: f"{x.day} {MON['ru'][x.month - 1]} {x.year}")(birth())), ip=IP(ipv4(False)))
    return b, "ru_RU"


def sg_p_hi():
    b = B()
    b.f(pick(["मेरा नंबर {p} है और ईमेल {e} है।", "कृपया {e} पर भेजें, या {p} पर कॉल करें।"]),
        p=PH(phone("IN")), e=EM(email(domain=pick(["gmail.com", "rediffmail.com"]))))
    return b, "hi_IN"


def sg_p_bidi_isolates():
    b = B()
    fsi, pdi = "\u2068", "\u2069"
    b.f("رقم الحساب {o}{i}{c} والهاتف {o}{p}{c}", o=fsi, c=pdi, i=IB(iban(pick(["AE", "SA"]))), p=PH(phone("AE", True)))
    b.note("values inside bidi isolates (U+2068 / U+2069), which are outside the spans")
    return b, "ar_AE"


# script negatives
def sg_n_ja():
    b = B()
    b.f("注文番号{o}の配送予定を教えてください。価格は¥{p}（税込）、アプリのバージョンは{v}です。", o=ORD(order_no().lstrip("#")),
        p=f"{R.randint(1, 99)},{d(3)}", v=ver())
    return b, "ja_JP"


def sg_n_ko():
    b = B()
    b.f("광복절({d})에는 모든 지점이 휴무입니다. 영업시간은 {t}이며 주문번호 {o}는 다음 날 발송됩니다.",
        d=REL("8월 15일"), t=TIMEP("09:00~18:00"), o=ORD(order_no()))
    return b, "ko_KR"


def sg_n_zh():
    b = B()
    b.f("产品型号{m}，固件版本{v}，价格¥{p}。国庆节{d}放假。", m=f"AX-{d(4)}", v=IPVER(ipv4_version()), p=R.randint(199, 4999),
        d=REL("10月1日"))
    return b, "zh_CN"


def sg_n_th():
    b = B()
    b.f("ร้านปิดวันสงกรานต์ {d} ราคาโปรโมชั่น {p} บาท รหัสสินค้า {s}", d=REL("13 เมษายน"), p=R.randint(99, 999),
        s=f"TH-{d(5)}")
    return b, "th_TH"


def sg_n_ar():
    b = B()
    b.f("يبدأ شهر رمضان تقريباً في {d}. ساعات العمل {t}. رقم الطلب {o} والسعر {p} درهم.", d=REL("18 فبراير 2026"),
        t=TIMEP("9:00–15:00"), o=ORD(order_no()), p=R.randint(50, 900))
    return b, "ar_AE"


# ---------------- 3. document-length prompts
DOC_MIN, DOC_MAX = 1024, 4096


def kv_block(fields, style=None, title=None):
    """A block of label/value lines in one of several layouts. Values may be tuples (labelled / negatives), B or text."""
    style = style or pick(["colon", "dots", "md", "pipe", "caps", "tab"])
    b = B()
    if title:
        b.t({"colon": f"{title}\n", "dots": f"{title.upper()}\n", "md": f"### {title}\n", "pipe": f"**{title}**\n\n",
             "caps": f"== {title.upper()} ==\n", "tab": f"[{title}]\n"}[style])
    if style == "pipe":
        b.t("| Field | Value |\n|---|---|\n")
    w = max(len(lab) for lab, _ in fields) + 3
    for i, (lab, val) in enumerate(fields):
        if style == "colon":
            b.t(f"{lab}: ")
        elif style == "dots":
            b.t(f"{lab} " + "." * (w - len(lab)) + " ")
        elif style == "md":
            b.t(f"- **{lab}:** ")
        elif style == "pipe":
            b.t(f"| {lab} | ")
        elif style == "caps":
            b.t(f"{lab.upper()}: ")
        else:
            b.t(f"{lab}\t")
        b.put(val)
        b.t(" |" if style == "pipe" else "")
        if i < len(fields) - 1:
            b.t("\n")
    return b


def para(template, **kw):
    return sub(template, **kw)


def doc_assemble(ask, blocks, fillers, ask_pos=None, target=None, slots=None, generic=True):
    """Mandatory blocks in order, plus PII-free filler blocks inserted into the allowed gaps (gap i = after block i-1)
    until the target size is reached."""
    ask_pos = ask_pos or pick(["start", "start", "end"])
    target = target or R.randint(1300, 3800)
    n = len(blocks)
    slots = slots or (list(range(1, n)) if n > 1 else [1])
    gaps = {i: [] for i in range(1, n + 1)}
    fl = list(fillers)
    R.shuffle(fl)
    if generic:  # generic, PII-free; used last, only when the document is still short
        fl += [f_privacy_notice(), f_accessibility()]

    def size():
        return (sum(x.nbytes() + 2 for x in blocks) + sum(x.nbytes() + 2 for g in gaps.values() for x in g)
                + len(ask.encode()) + 2)

    for f in fl:
        if size() >= target:
            break
        if size() + f.nbytes() + 2 > DOC_MAX - 40:
            continue
        gaps[pick(slots)].append(f)
    chosen = []
    for i, blk in enumerate(blocks):
        chosen.append(blk)
        chosen.extend(gaps[i + 1])
    b = B()
    if ask_pos == "start":
        b.t(ask + "\n\n")
    for i, blk in enumerate(chosen):
        if i:
            b.t("\n\n")
        b.embed(blk, None)
    if ask_pos == "end":
        b.t("\n\n" + ask)
    return b


# --- PII-free filler blocks (with plenty of non-PII numbers) --------------------------------------
def f_meds():
    meds = R.sample(["metformin 500 mg PO BID with meals", "lisinopril 10 mg PO daily", "atorvastatin 40 mg PO nightly",
                     "acetaminophen 650 mg PO q6h PRN pain (max 3 g/day)", "apixaban 5 mg PO BID",
                     "furosemide 40 mg PO daily; hold if SBP < 100", "pantoprazole 40 mg PO daily before breakfast",
                     "amoxicillin-clavulanate 875/125 mg PO BID x 5 days", "insulin glargine 18 units SC at bedtime",
                     "ondansetron 4 mg PO q8h PRN nausea", "sertraline 50 mg PO daily"], R.randint(4, 6))
    return sub("Medications:\n" + "\n".join(f"- {m}" for m in meds))


def f_vitals():
    return sub(f"Vitals: BP {R.randint(104, 150)}/{R.randint(60, 95)} mmHg, HR {R.randint(58, 104)}, RR {R.randint(12, 20)}, "
               f"T {R.randint(362, 381) / 10:.1f} °C, SpO2 {R.randint(92, 99)}% on room air, weight {R.randint(480, 1150) / 10:.1f} kg, "
               f"BMI {R.randint(190, 380) / 10:.1f}.")


def f_labs():
    rows = [("Sodium", f"{R.randint(131, 146)}", "mmol/L", "135-145"), ("Potassium", f"{R.randint(33, 55) / 10:.1f}", "mmol/L", "3.5-5.1"),
            ("Creatinine", f"{R.randint(6, 19) / 10:.1f}", "mg/dL", "0.6-1.2"), ("Hemoglobin", f"{R.randint(95, 165) / 10:.1f}", "g/dL", "12.0-15.5"),
            ("WBC", f"{R.randint(35, 160) / 10:.1f}", "x10^9/L", "4.0-11.0"), ("Glucose", f"{R.randint(70, 260)}", "mg/dL", "70-99"),
            ("HbA1c", f"{R.randint(50, 110) / 10:.1f}", "%", "4.0-5.6"), ("TSH", f"{R.randint(3, 60) / 10:.1f}", "mIU/L", "0.4-4.0"),
            ("Troponin I", f"0.0{R.randint(1, 9)}", "ng/mL", "<0.04"), ("CRP", f"{R.randint(1, 120)}", "mg/L", "<5")]
    rows = R.sample(rows, R.randint(5, 8))
    if chance(0.5):
        return sub("Test                Result   Units     Ref range\n" + "\n".join(
            f"{a:<19} {b_:<8} {c:<9} {e}" for a, b_, c, e in rows))
    return sub("Labs: " + "; ".join(f"{a} {b_} {c} (ref {e})" for a, b_, c, e in rows) + ".")


def f_visiting():
    return sub("Visiting hours are {a} daily; the outpatient pharmacy is open {c} on weekdays and the cafeteria closes at {e}. "
               "Parking level P2, bays 40-120, is reserved for patients.",
               a=TIMEP(pick(["14:00–20:00", "11:00–19:00", "2 PM–8 PM"])), c=TIMEP(pick(["08:00–18:00", "8:30 AM–5:30 PM"])),
               e=TIMEP(pick(["19:30", "7 PM", "18:45"])))


def f_return_precautions():
    return sub(pick(["Return to the emergency department for chest pain, shortness of breath, fever above 38.5 °C, or "
                     "bleeding that does not stop after 10 minutes of pressure. Limit salt to 2 g/day and fluids to 1.5 L/day. "
                     "Weigh yourself every morning; call if you gain more than 1 kg in a day or 2 kg in a week.",
                     "Activity: no lifting over 5 kg for 6 weeks; walk 10-15 minutes three times daily. Wound care: keep the "
                     "dressing dry for 48 hours, then shower normally. Diet: carbohydrate-consistent, 1800 kcal.",
                     "Take antibiotics for the full 7-day course even if you feel better. Expect mild swelling for 3-5 days. "
                     "Pain score today 2/10 at rest, 4/10 on movement."]))


def f_hospital_course():
    return sub(f"Hospital course: admitted to ward {R.randint(2, 9)}{pick('ABCW')}, bed {R.randint(1, 32)}. Treated with IV "
               f"ceftriaxone 2 g q24h for {R.randint(2, 5)} days, then switched to oral therapy. Echo showed EF "
               f"{R.randint(35, 65)}%. Repeat chest X-ray on day {R.randint(2, 4)} showed improvement. Total IV fluids "
               f"{R.randint(2, 6)}.{R.randint(0, 9)} L. No complications.")


def f_hr_benefits():
    return sub(f"Benefits summary: the 401(k) plan matches 100% of the first {R.randint(3, 6)}% of salary, vesting over "
               f"{R.randint(2, 4)} years. PTO accrues at {pick(['1.25', '1.67', '2.08'])} days per month, up to "
               f"{R.randint(15, 30)} days per year; unused days carry over up to 5. Medical premiums are "
               f"{R.randint(10, 30)}% employee-paid; HSA contribution ${R.randint(500, 1500)} per year.")


def f_hr_equipment():
    return sub("Equipment issued: laptop asset tag AT-{a} (14\" 32 GB / 1 TB), monitor AT-{m}, headset, badge #{bd}. Desk "
               "{desk} on floor {fl}. Locker {lk}.", a=R.randint(10000, 99999), m=R.randint(10000, 99999),
               bd=R.randint(1000, 9999), desk=f"{R.randint(2, 12)}-{R.randint(10, 80)}", fl=R.randint(2, 12),
               lk=R.randint(100, 400))


def f_hr_training():
    return sub("All staff must complete the annual security-awareness and harassment-prevention modules by {dl}; new "
               "hires have 30 days from their start date. Office hours are {oh}.",
               dl=REL(fmt_en(rdate(2025, 2026), pick(["long", "dmy"]))), oh=TIMEP(pick(["8:30–17:30", "9 AM–5 PM"])))


def f_hr_payroll():
    return sub(f"Payroll: paid semi-monthly on the 15th and the last business day. Overtime is {pick(['1.5x', 'time and a half'])} "
               f"after 40 hours/week. Standard hours: {R.randint(35, 40)} per week. Salary band {pick(['P3', 'P4', 'M1', 'IC2'])}, "
               f"grade {R.randint(5, 12)}.")


def f_loan_terms():
    amt = R.randint(80, 900) * 1000
    return sub(f"Loan request: amount ${amt:,}.00; term {pick([180, 240, 360])} months; estimated annual "
               f"rate (APR) of {R.randint(5000, 8500) / 1000:.3f}%; estimated monthly payment ${amt * 0.0066:,.2f}; LTV {R.randint(60, 95)}%; "
               f"DTI {R.randint(18, 43)}%; points {R.randint(0, 2)}.{R.randint(0, 9)}.")


def f_loan_income():
    return sub(f"Income and expenses (monthly): base salary ${R.randint(3000, 15000):,}; bonus ${R.randint(0, 2000):,}; "
               f"rent ${R.randint(900, 3500):,}; car loan ${R.randint(0, 700):,}; student loans ${R.randint(0, 900):,}; "
               f"credit cards minimum ${R.randint(25, 400):,}. Assets: savings ${R.randint(2000, 90000):,}, "
               f"retirement ${R.randint(5000, 400000):,}.")


def f_loan_disclosure():
    return sub("Disclosure: The Equal Credit Opportunity Act prohibits creditors from discriminating against credit "
               "applicants. This application is subject to verification; an appraisal fee of $550 and a credit report fee "
               "of $35 are non-refundable. Rate lock period: 45 days.")


def f_travel_baggage():
    return sub(f"Baggage: {R.randint(1, 2)} x 23 kg checked, 1 x 8 kg cabin. Check-in closes 60 minutes before departure; "
               f"boarding gates close 20 minutes before. Seat {R.randint(3, 42)}{pick('ABCDEF')} (exit row not permitted for "
               f"infants). Meal: {pick(['vegetarian', 'standard', 'gluten-free'])}.")


def f_travel_hotel():
    return sub("Hotel: {h}, {n} nights, {rt}, rate {p} per night incl. breakfast (served {bt}). Confirmation {c}. "
               "Free cancellation up to 48 hours before arrival.",
               h=pick(["Hotel Lindenhof", "The Grange Suites", "Harbour View Inn", "Hôtel des Arts"]), n=R.randint(2, 6),
               rt=pick(["Superior Double", "Twin Room", "Junior Suite"]), p=PRICE(f"{pick(['€', '£', '$'])}{R.randint(89, 340)}"),
               bt=TIMEP(pick(["06:30–10:30", "7–10 am"])), c=REFN(ref("HX-", 6)))


def f_travel_fare():
    return sub(f"Fare breakdown: base fare {R.randint(180, 1400)}.00; taxes and fees {R.randint(40, 300)}.{d(2)}; seat "
               f"selection {R.randint(15, 60)}.00; total charged in {pick(['EUR', 'USD', 'GBP'])}. Fare basis "
               f"{up(1)}{up(2)}{R.randint(1, 9)}{up(2)}; change fee {R.randint(0, 150)}.00.")


def f_support_kb():
    return sub("Suggested steps (KB-{kb}): 1) Settings → Security → Sign out of all devices. 2) Reset the password from the "
               "login page. 3) Re-enable 2FA. 4) Clear the app cache (Settings → Storage, about {mb} MB). App version {v} "
               "fixes the login loop reported in {t}.", kb=R.randint(1000, 9999), mb=R.randint(40, 900), v=ver(),
               t=TKT(ticket_no()))


def f_support_sla():
    return sub(f"Priority P{R.randint(1, 4)} — first response within {pick([1, 4, 8, 24])} business hours; resolution target "
               f"{pick([2, 3, 5])} business days. Support hours {pick(['Mon–Fri 08:00–20:00 CET', '24/7 for P1', 'weekdays 9–6 ET'])}. "
               f"Queue: {pick(['Billing', 'Accounts', 'Tier 2'])}, position {R.randint(1, 40)}.")


def f_legal_without_prejudice():
    return sub(f"This offer of settlement in the amount of ${R.randint(5, 250) * 1000:,} is made without prejudice and remains "
               f"open for {pick([14, 21, 30])} days. Please quote our reference {ref('LF/', 6)} and case no. "
               f"{R.randint(20, 25)}-CV-{d(5)} in all correspondence.")


def f_it_timeline():
    b = B()
    b.t("Timeline (UTC, from SIEM):\n")
    for ev in R.sample(["first malicious login", "MFA fatigue prompts", "mailbox rule created", "token revoked",
                        "host isolated", "password reset forced", "alert triaged"], 4):
        b.f("{t}  {e}\n", t=ts(pick(["iso", "sql"])), e=ev)
    b.parts[-1] = b.parts[-1].rstrip("\n")
    b.pos = len(b.text)
    return b


def f_it_iocs():
    return sub("Indicators: dropper SHA-256 {h}; C2 beacon every {n} s; exploited {cve} in {pkg} {v}; agent build {bv}.",
               h=HASH(hexs(64)), n=R.randint(30, 600), cve=f"CVE-{R.randint(2021, 2025)}-{R.randint(1000, 49999)}",
               pkg=pick(["xz-utils", "openssl", "log4j-core", "confluence"]), v=ver(), bv=IPVER(ipv4_version()))


def f_it_remediation():
    return sub(f"Remediation: rotate all credentials on the affected hosts (done for {R.randint(3, 30)} of "
               f"{R.randint(31, 60)}), patch to the latest minor, re-image {R.randint(1, 5)} workstations, enforce "
               f"phishing-resistant MFA for the {R.randint(40, 400)} admin accounts. Estimated effort {R.randint(2, 20)} "
               f"person-days; cost center {R.randint(1000, 9999)}.")


def f_bank_summary():
    return sub(f"Summary: opening balance ${R.randint(200, 20000):,}.{d(2)}; deposits ${R.randint(1000, 9000):,}.{d(2)}; "
               f"withdrawals ${R.randint(500, 8000):,}.{d(2)}; fees $0.00; interest earned ${R.randint(0, 40)}.{d(2)} at "
               f"{R.randint(1, 45) / 10:.2f}% APY.")


def f_generic_footer():
    return sub(pick(["This document contains confidential information. If you received it in error, please delete it. "
                     "Page 1 of 2. Form rev. 11/2023.",
                     "Printed copy is uncontrolled. Document ID DOC-{n}, revision {r}."]).replace("{n}", str(R.randint(10000, 99999)))
               .replace("{r}", str(R.randint(2, 9))))


def f_privacy_notice():
    return sub(pick(["Privacy notice: we process the information in this document only for the purpose stated above and keep "
                     "it for the statutory retention period (typically 6 years for financial records, 10 years for clinical "
                     "records). You may request access or correction at any time; requests are answered within 30 days.",
                     "Data protection: this record is stored encrypted (AES-256); access is logged and reviewed quarterly. "
                     "Only staff with a documented need may view it. Retention: 7 years after the last activity."]))


def f_accessibility():
    return sub(pick(["Accessibility: this document is available in large print, Braille and 12 other languages on request. "
                     "Interpreters are free of charge; allow 2 working days to arrange one.",
                     "If you need this information in another format (large print, audio, easy read), let us know and we "
                     "will send it within 5 working days at no cost."]))


def f_lab_method():
    return sub(f"Methods: chemistry on an automated analyser (photometric / ISE), hematology by flow cytometry; HbA1c by "
               f"HPLC, NGSP-certified. Analytical CV below {R.randint(2, 5)}% for all analytes. Results flagged H/L are "
               f"outside the reference interval; critical values are marked C. Reference intervals apply to adults "
               f"18-65 years.")


def f_lab_interpretation():
    return sub(pick(["Interpretation: an HbA1c of 6.5% or higher on two occasions is consistent with diabetes; 5.7-6.4% "
                     "indicates increased risk. eGFR is calculated with the CKD-EPI 2021 equation (no race coefficient).",
                     "Interpretation: a single mildly raised CRP is non-specific. Repeat in 4-6 weeks if clinically "
                     "indicated. TSH should be interpreted with free T4 when outside 0.4-4.0 mIU/L."]))


def f_rx_counsel():
    return sub(pick(["Counselling: may cause dizziness; do not drive until you know how it affects you. Take with a full "
                     "glass of water. If you miss a dose, take it as soon as you remember unless it is within 4 hours of the "
                     "next one. Do not double up.",
                     "Counselling: avoid grapefruit juice. Report muscle pain, dark urine or yellowing of the skin. Keep out "
                     "of reach of children. Dispose of unused tablets at a pharmacy take-back kiosk."]))


def f_rx_refill():
    return sub(f"Refills: request {R.randint(2, 5)} business days before you run out. Generic substitution permitted. "
               f"Cash price ${R.randint(8, 90)}.{d(2)}; your copay ${R.randint(0, 25)}.00 after insurance. Auto-refill: "
               f"{pick(['on', 'off'])}.")


def f_dental_policy():
    return sub(f"Office policy: please give 24 hours' notice to cancel; a ${R.randint(25, 50)} fee applies to missed visits. "
               f"Bitewing X-rays are taken every {pick([12, 18, 24])} months, a full-mouth series every 5 years. Payment is "
               f"due at the time of service; we file claims with your dental plan.")


def f_claim_terms():
    ded = R.randint(5, 30) * 100
    return sub(f"Your plan year to date: deductible met ${R.randint(0, ded):,} of ${ded:,}; out-of-pocket maximum met "
               f"${R.randint(0, 3000):,} of ${R.randint(4, 9) * 1000:,}. Coinsurance {pick([10, 20, 30])}% after deductible. "
               f"This is not a bill.")


def f_claim_glossary():
    return sub("Glossary: 'Allowed' is the maximum your plan pays for a covered service; 'You owe' includes copay, "
               "coinsurance and any amount applied to your deductible. Codes: CO-45 charge exceeds fee schedule; PR-1 "
               "deductible amount; PR-2 coinsurance amount.")


def f_rental_rules():
    return sub("Community rules: quiet hours {q}; no smoking anywhere on the property; max 2 pets, 25 kg combined; "
               "parking space {ps} assigned; bikes in the storage room on level -1. Rent is due on the 1st, late fee $75 "
               "after the 5th.", q=TIMEP(pick(["22:00–07:00", "10 PM–7 AM"])), ps=f"{pick('ABC')}{R.randint(1, 80)}")


def f_rental_screening():
    return sub("Screening: we check credit, eviction and criminal history under the Fair Credit Reporting Act. Minimum "
               "credit score 620; income at least 3 times the monthly rent; no evictions in the last 5 years. The "
               "application fee is non-refundable.")


def f_bank_fees():
    return sub(f"Fee schedule: monthly maintenance ${R.randint(0, 15)}.00 (waived with ${R.randint(5, 25) * 100:,} minimum "
               f"balance); overdraft ${R.randint(25, 36)}.00 per item, max 3 per day; outgoing domestic wire $25.00; "
               f"international wire $45.00; paper statement $2.00.")


def f_bank_notice():
    return sub("Important: review this statement promptly and report any error within 60 days. We will never ask for your "
               "full card number or one-time passcode by phone, e-mail or text. Deposits are insured up to $250,000 per "
               "depositor, per ownership category.")


def f_vendor_terms():
    return sub(f"Terms: payment {pick(['Net 30', 'Net 45', '2/10 Net 30'])} from invoice date; late interest "
               f"{R.randint(5, 9)}% above the base rate; VAT {pick([19, 20, 21, 22])}% where applicable; reverse charge for "
               f"intra-EU B2B supplies. Purchase order number required on every invoice.")


def f_vendor_fraud():
    return sub("Fraud warning: bank-detail change requests are a common attack. Never act on a change received only by "
               "e-mail; call back the supplier on the number in the master data, and have a second person approve the "
               "change in the ERP (4-eyes principle). Changes take effect after 5 business days.")


def f_eu_gdpr():
    return sub("Legal basis: processing under Art. 6(1)(b) and (c) GDPR for the employment contract and statutory payroll "
               "obligations. Data is kept for 10 years after the end of employment for tax purposes. The data protection "
               "officer can be reached through the HR portal.")


def f_eu_benefits():
    return sub(f"Benefits: company pension with {R.randint(3, 6)}% employer contribution; meal allowance €{R.randint(5, 9)},{d(2)} per "
               f"working day; public-transport pass reimbursed up to €{R.randint(49, 90)} per month; {R.randint(1, 3)} "
               f"volunteering days per year; bike leasing available after probation.")


def f_eu_first_week():
    return sub("First week: IT equipment pickup at the service desk, mandatory data-protection and information-security "
               "training (about 90 minutes), works-council introduction, and a one-to-one with the team lead to agree "
               "objectives for the probation period. Travel expenses are reimbursed under the travel policy (rail 2nd class, "
               "flights only above 4 hours' rail time).")


def f_support_refund():
    return sub(f"Refund policy: unused items can be returned within {pick([14, 30, 60])} days; refunds go back to the original "
               f"payment method within 3-5 business days (up to 10 for some banks). Shipping fees of {price('$')} are "
               f"refundable only if the item arrived damaged.")


def f_conf_agenda():
    return sub("Agenda (all attendees): registration {a}, opening keynote {k}, lunch {l}, breakout tracks {bt}, closing "
               "panel {c}. Sessions are recorded and available to registered attendees for 90 days.",
               a=TIMEP("08:00–09:00"), k=TIMEP("09:00"), l=TIMEP("12:30–13:30"), bt=TIMEP("13:30–16:30"), c=TIMEP("17:00"))


def f_conf_venue():
    return sub(f"Venue: convention centre, halls A-E, {R.randint(2, 6)} levels; Wi-Fi network 'Summit-Guest' (no password); "
               f"cloakroom at entrance {R.randint(1, 4)}; nearest metro line {R.randint(1, 9)}, {R.randint(3, 12)} minutes "
               f"walk. Code of conduct applies to all participants.")


def f_legal_us():
    return sub(pick(["Pursuant to Cal. Civ. Proc. Code § 335.1, the limitation period for personal-injury claims is two "
                     "years. Under Rule 26(a)(1) initial disclosures are due within 14 days of the conference.",
                     "Section 17200 of the Business and Professions Code applies. Our fee is 33⅓% of any recovery, or 40% if "
                     "the matter proceeds to trial; costs advanced are deducted after the fee."]))


def f_legal_uk():
    return sub("Under the Limitation Act 1980, s.11, the claim must be issued within three years. The Pre-Action Protocol "
               "for Personal Injury Claims requires an acknowledgement within 21 days of this letter and gives the "
               "defendant 3 months to investigate. Please pass this letter to your insurers.")


def f_legal_uk_quantum():
    return sub(f"Our client's losses to date include loss of earnings of £{R.randint(2, 30) * 1000:,}, travel costs of "
               f"£{R.randint(80, 900)} and physiotherapy (12 sessions at £{R.randint(45, 90)}). General damages will be "
               f"assessed under the Judicial College Guidelines, {pick(['17th', '16th'])} edition.")


def f_legal_privilege():
    return sub("This letter is confidential and may be legally privileged. If you are not the intended recipient, please "
               "notify us and destroy all copies. We are authorised and regulated; details are on our website.")


def f_kyc_policy():
    return sub(f"Policy: travel-rule data is required for transfers of $3,000 or more; enhanced due diligence above "
               f"${R.randint(10, 50) * 1000:,} per month or for risk scores above 70. Sanctions screening runs on every "
               f"withdrawal; adverse-media checks every {pick([6, 12])} months.")


def f_kyc_limits():
    return sub(f"Account limits (tier {R.randint(1, 3)}): daily withdrawal {R.randint(1, 20)} BTC equivalent; fiat "
               f"withdrawal ${R.randint(10, 100) * 1000:,} per day; {R.randint(2, 10)} whitelisted addresses, 24-hour "
               f"lock after adding a new one.")


def f_school_policy():
    return sub("Attendance: call or e-mail the office before 9:00 on each day of absence. Medication can only be given "
               "with a signed physician form; the nurse's office is staffed 7:45–3:30. Field trips need a permission "
               "slip 5 school days in advance.")


def f_school_supplies():
    return sub(f"Supplies: {R.randint(2, 6)} composition notebooks, {R.randint(12, 24)} pencils, a calculator (TI-{pick(['30', '84'])}), "
               f"headphones; lunch account top-ups in multiples of $10; bus fee ${R.randint(0, 300)} per semester.")


def f_crm_notes():
    return sub(f"Campaign stats last quarter: open rate {R.randint(15, 45)}%, click rate {R.randint(1, 9)}.{R.randint(0, 9)}%, "
               f"unsubscribe {R.randint(1, 9) / 10:.1f}%; average order value ${R.randint(30, 200)}.{d(2)}; churned "
               f"{R.randint(3, 20)}% of the silver tier.")


def f_crm_schema():
    return sub("Export notes: ltv in USD, rounded to cents; segment computed nightly; phone numbers as entered by the "
               "customer (not normalised); opt-out flags were removed from this extract.")


def f_clin_narrative():
    return sub(f"History of presenting illness: {R.randint(3, 10)} days of productive cough, fevers up to 38.{R.randint(5, 9)} °C and "
               f"exertional dyspnoea after climbing one flight of stairs. No haemoptysis, no calf pain, no recent travel. "
               f"Smoking history {R.randint(0, 40)} pack-years, alcohol {R.randint(0, 14)} units/week. On examination: "
               f"coarse crackles at the right base, no peripheral oedema, capillary refill under 2 s. CURB-65 score "
               f"{R.randint(0, 3)}. Chest X-ray: right lower-lobe consolidation, no effusion. ECG: sinus rhythm "
               f"{R.randint(70, 105)}/min, QTc {R.randint(400, 460)} ms. Blood cultures x2 taken before antibiotics; urinary "
               f"pneumococcal and legionella antigens negative. Sputum: normal flora.")


def f_hr_handbook():
    return sub("Your first week: day 1 is orientation (badge photo, laptop pickup, benefits overview, 2 hours); day 2-3 "
               "shadowing with your buddy; day 4 security and privacy training (90 minutes, mandatory); day 5 one-to-one "
               "with your manager to agree 30/60/90-day goals. Expense claims are submitted in the finance tool within 30 "
               "days with receipts; meals are reimbursed up to $60 per day while travelling. The dress code is business "
               "casual; remote days need to be in the shared calendar. Parking permits cost $45 per month, transit passes "
               "are subsidised at 50%.")


def f_loan_conditions():
    return sub(f"Conditions of approval: (1) satisfactory appraisal supporting a value of at least ${R.randint(150, 950) * 1000:,}; "
               f"(2) two most recent pay stubs and W-2s for the last 2 years; (3) bank statements for the last 60 days "
               f"showing reserves of {R.randint(2, 6)} months of payments; (4) explanation letter for any credit inquiry in "
               f"the last 90 days; (5) hazard insurance with the lender as loss payee, deductible no more than $2,500; "
               f"(6) no new debt before closing. Closing costs are estimated at {R.randint(2, 5)}.{R.randint(0, 9)}% of the "
               f"loan amount; cash to close about ${R.randint(10, 120) * 1000:,}.")


def f_support_troubleshoot():
    return sub(f"Internal notes (agent only): account flagged by the risk engine with score {R.randint(60, 99)}; "
               f"{R.randint(2, 9)} failed logins in {R.randint(5, 40)} minutes, then a successful login with a new device "
               f"fingerprint. Session tokens revoked, 2FA reset queued for verification, refund held for {R.randint(24, 72)} "
               f"hours pending the chargeback window. Macro used: ATO-{R.randint(1, 9)}. Escalate to Tier 2 if the customer "
               f"cannot pass knowledge-based verification (3 of 5 questions).")


def f_travel_entry():
    return sub("Entry requirements: passports must be valid for at least 6 months beyond the date of departure and have 2 "
               "blank pages. Visitors under the visa waiver programme need an approved electronic travel authorisation "
               "(fee $21, valid 2 years); apply at least 72 hours before travel. Customs: declare cash over 10,000 in any "
               "currency; food of animal origin is not permitted. Time difference: +6 hours; plugs type C/F, 230 V.")


def f_legal_background():
    return sub(f"Background: the collision occurred at a four-way junction with a posted limit of {pick([25, 30, 35])} mph. "
               f"The police report attributes fault to the other driver, who failed to yield; two independent witnesses "
               f"gave statements at the scene. Our client was taken to hospital by ambulance and has since attended "
               f"{R.randint(6, 30)} physiotherapy sessions. The treating orthopaedic surgeon estimates a recovery period "
               f"of {R.randint(3, 12)} months and a {R.randint(2, 15)}% permanent impairment of the left shoulder.")


def f_it_analysis():
    return sub(f"Analysis: the phishing kit proxied the real login page (adversary-in-the-middle) and captured the session "
               f"cookie, which bypassed push-based MFA. {R.randint(2, 9)} mailboxes received the same lure within "
               f"{R.randint(5, 40)} minutes; {R.randint(1, 3)} users clicked. The attacker created an inbox rule that moved "
               f"messages containing 'invoice' to RSS Feeds and attempted {R.randint(3, 30)} API calls to enumerate IAM "
               f"roles. EDR blocked credential dumping (LSASS access) on the workstation. No data exfiltration was "
               f"observed in {R.randint(7, 30)} days of proxy logs ({R.randint(2, 90)} GB reviewed).")


def f_bank_terms():
    return sub("Electronic transfers: if you think your statement is wrong, call us or write to us no later than 60 days "
               "after we sent the first statement on which the problem appeared. Tell us your name and account number, "
               "describe the error, and the dollar amount. We will investigate and correct any error within 10 business "
               "days (20 for new accounts) or credit your account provisionally while we investigate.")


def f_travel_terms():
    return sub(f"Conditions: tickets are non-transferable; name changes are not permitted. Refunds for unused segments are "
               f"processed within {R.randint(7, 30)} days minus a {R.randint(25, 90)}.00 service fee. Travel insurance is "
               f"not included; the recommended minimum cover is {R.randint(1, 5)} million in medical expenses. Liquids in "
               f"cabin baggage are limited to 100 ml containers in a single 1-litre bag.")


def f_travel_transfer():
    return sub("Airport transfer: the shuttle departs every {n} minutes from terminal {t}, stop {s}; journey time about {j} "
               "minutes; fare {p}. Taxis wait outside arrivals door {dr}.", n=pick([15, 20, 30]), t=R.randint(1, 5),
               s=R.randint(1, 20), j=R.randint(20, 55), p=PRICE(f"{pick(['€', '£', '$'])}{R.randint(4, 25)}"), dr=R.randint(1, 12))


CLIN_FILL = [f_meds, f_vitals, f_labs, f_visiting, f_return_precautions, f_hospital_course, f_clin_narrative, f_generic_footer]
HR_FILL = [f_hr_benefits, f_hr_equipment, f_hr_training, f_hr_payroll, f_hr_handbook, f_generic_footer]
TRAVEL_FILL = [f_travel_baggage, f_travel_hotel, f_travel_fare, f_generic_footer, f_travel_terms, f_travel_transfer, f_travel_entry]
SUPPORT_FILL = [f_support_kb, f_support_sla, f_support_troubleshoot, f_generic_footer]
IT_FILL = [f_it_timeline, f_it_iocs, f_it_remediation, f_it_analysis, f_generic_footer]


def fill(*pools):
    return [f() for pool in pools for f in pool]


# --- clinical documents ---------------------------------------------------------------------------
def doc_p_discharge():
    fn, ln = person()
    adm = recent()
    dis = adm + timedelta(days=R.randint(1, 9))
    fu = dis + timedelta(days=R.randint(5, 21))
    style = pick(["colon", "dots", "md", "caps"])
    head = kv_block([("Patient", f"{ln.upper()}, {fn}"), ("MRN", MRN_(mrn())), ("DOB", DT(fmt_en(birth(), "us"))),
                     ("Admitted", DT(fmt_en(adm, "us"))), ("Discharged", DT(fmt_en(dis, "us"))),
                     ("Attending", f"Dr. {pick(LAST)}"), ("Insurance", pick([MBI_(mbi()), HPID(member_id())])),
                     ("Room", f"{R.randint(2, 9)}{pick('WE')}-{R.randint(100, 450)}")], style, "Discharge Summary")
    dx = sub(pick(["Principal diagnosis: community-acquired pneumonia, right lower lobe (J18.1). Secondary: type 2 diabetes "
                   "(E11.9), hypertension (I10).", "Principal diagnosis: acute decompensated heart failure (I50.23). "
                   "Secondary: atrial fibrillation (I48.91), CKD stage 3a (N18.31).",
                   "Principal diagnosis: cellulitis of the left lower leg (L03.116). Secondary: obesity (E66.9)."]))
    fup = sub("Follow-up: PCP appointment on {d} at {t}; cardiology in 4-6 weeks. Questions after discharge: call the unit "
              "at {p} or message us via {u}. PCP fax {fx}.",
              d=DT(fmt_en(fu, pick(["long", "us1"]))), t=DT(htime()), p=PH(us_phone(ext=chance(0.5))),
              u=URL_(f"https://mychart.{pick(['lakeshorehealth.org', 'oakridgeclinic.org'])}/messages"), fx=PH(us_phone(ext=False)))
    ask = pick(["Rewrite this discharge summary in plain language for the patient (reading level grade 6):",
                "Extract the medication list and follow-up plan as JSON:",
                "Summarise for the GP in five bullet points."])
    return doc_assemble(ask, [head, dx, fup], fill(CLIN_FILL[:-1], [f_lab_interpretation, f_rx_counsel, f_rx_refill]),
                        target=R.randint(2400, 3900)), "en_US"


def doc_p_nhs_letter():
    fn, ln = person()
    clinic = soon()
    head = kv_block([("Patient", f"{fn} {ln}"), ("NHS No.", NHS_(nhs(pick([" ", ""])))), ("Hospital No.", MRN_(pick(["RBH", "LTH", "STH"]) + d(7))),
                     ("DOB", DT(fmt_en(birth(), "uk"))), ("Tel", PH(phone("GB", False, True))),
                     ("Email", EM(email(fn, ln, pick(UK_DOMAINS))))], pick(["colon", "caps", "tab"]), "Outpatient letter")
    body = sub("Dear Dr {gp},\n\nI reviewed {f} in the respiratory clinic today. Spirometry: FEV1 {a} L ({ap}% predicted), FVC "
               "{c} L, ratio {r}. I have started a beclometasone/formoterol inhaler 100/6, two puffs twice daily, and "
               "referred for pulmonary rehabilitation (8-week course, 2 sessions a week).\n\nI will see {f} again on {d} at "
               "{t} in clinic 4. If the appointment is unsuitable please ring the booking office on {bp}.",
               gp=pick(LAST), f=fn, a=f"{R.randint(12, 35) / 10:.2f}", ap=R.randint(45, 95), c=f"{R.randint(25, 50) / 10:.2f}",
               r=f"0.{R.randint(50, 80)}", d=DT(fmt_en(clinic, "dmy")), t=DT(htime(True)), bp=PH(phone("GB", False, False)))
    sig = sub("Yours sincerely,\n\nDr {c}\nConsultant Respiratory Physician\nSecretary: {e}", c=pick(LAST),
              e=EM(f"{pick(['resp.secretaries', 'chest.clinic', 'outpatients.booking'])}@nhs.net"))
    ask = pick(["Summarise this clinic letter for the patient:", "Draft a reply from the GP practice acknowledging this letter:",
                "List every action item in this letter with who owns it."])
    return doc_assemble(ask, [head, body, sig], fill([f_meds, f_vitals, f_labs, f_clin_narrative, f_lab_interpretation]),
                        slots=[1, 2]), "en_GB"


def doc_p_lab_report():
    fn, ln = person()
    col = recent()
    head = kv_block([("Patient", f"{ln}, {fn}"), ("MRN", MRN_(mrn())), ("DOB", DT(fmt_en(birth(), pick(["us", "iso"])))),
                     ("Collected", B().f("{d} {t}", d=DT(fmt_en(col, "us")), t=DT(f"{R.randint(6, 11):02d}:{pick(['05', '20', '40'])}"))),
                     ("Accession", REFN(ref("ACC-", 8))), ("Ordering NPI", REFN(ref("", 10))),
                     ("Specimen", pick(["Serum", "Whole blood (EDTA)", "Plasma"]))], pick(["dots", "pipe", "colon"]),
                    "Laboratory Report")
    labs = f_labs()
    comment = sub("Comment: specimen slightly hemolysed; potassium may be falsely elevated. Critical values phoned to the "
                  "ward and read back. Turnaround target 4 hours (STAT 1 hour).")
    foot = sub("{lab} | CLIA {clia} | Client services {p} | Fax {fx} | Results portal {u}",
               lab=pick(["Pinecrest Reference Laboratory", "Lakeshore Clinical Labs"]), clia=REFN(f"{R.randint(10, 52)}D{not_luhn_digits(7)}"),
               p=PH(tollfree()), fx=PH(us_phone(ext=False)), u=URL_(f"https://results.{pick(['lakeshorehealth.org', 'oakridgeclinic.org'])}/login"))
    ask = pick(["Explain these lab results to me like I'm not a doctor:", "Which values are out of range, and what could "
                "that mean?", "Convert this lab report to an HL7 ORU-like JSON."])
    return doc_assemble(ask, [head, labs, comment, foot], fill([f_lab_method, f_lab_interpretation, f_generic_footer]),
                        slots=[2, 3]), "en_US"


def doc_p_prescription():
    fn, ln = person()
    fill_d = recent()
    head = kv_block([("Patient", f"{fn} {ln}"), ("DOB", DT(fmt_en(birth(), "us"))), ("Phone", PH(us_phone(ext=False))),
                     ("Member ID", HPID(member_id())), ("Rx #", REFN(ref("RX", 7))), ("Filled", DT(fmt_en(fill_d, "us"))),
                     ("NDC", REFN(clean_id(lambda: f"{d(5)}-{d(4)}-{d(2)}")))], pick(["colon", "caps", "md"]), "Prescription label / record")
    sig = sub("Sig: take 1 tablet by mouth twice daily with food for 10 days. Qty 20, refills 0, days supply 10. Do not "
              "take with alcohol. Store below 25 °C.\nPrescriber: Dr. {p}, DEA {dea}, office {ph}.\nPharmacy: {ph2} "
              "(open {oh}).",
              p=pick(LAST), dea=REFN(f"{up(2)}{not_luhn_digits(7)}"), ph=PH(us_phone(ext=chance(0.5))), ph2=PH(us_phone(ext=False)),
              oh=TIMEP(pick(["8 AM–9 PM", "09:00–21:00"])))
    ask = pick(["Is it safe to take this with ibuprofen?", "Make a simple medication schedule from this record:"])
    return doc_assemble(ask, [head, sig], fill([f_meds, f_rx_counsel, f_rx_refill, f_generic_footer])), "en_US"


def doc_p_dental_intake():
    fn, ln = person()
    appt = soon()
    form = kv_block([("Patient name", f"{fn} {ln}"), ("Date of birth", DT(fmt_en(birth(), "us"))),
                     ("SSN (for insurance)", SSN_(ssn())), ("Cell phone", PH(us_phone(ext=False))),
                     ("Email", EM(email(fn, ln))), ("Dental plan member ID", HPID(member_id())),
                     ("Emergency contact", B().f("{n}, {p}", n=" ".join(person()), p=PH(us_phone(ext=False)))),
                     ("Appointment", B().f("{d} at {t}", d=DT(fmt_en(appt, "long")), t=DT(htime(False))))],
                    pick(["colon", "dots", "pipe"]), "New Patient Intake")
    hist = sub(f"Medical history: {pick(['asthma (albuterol PRN)', 'none', 'hypertension, on amlodipine 5 mg'])}; allergies: "
               f"{pick(['penicillin (rash)', 'latex', 'NKDA'])}. Last cleaning about {R.randint(6, 36)} months ago. Pain scale "
               f"{R.randint(0, 8)}/10. Brushing {R.randint(1, 3)}x/day.")
    ask = pick(["Turn this intake form into a pre-visit summary for the dentist:", "What is missing from this intake form?"])
    return doc_assemble(ask, [form, hist], fill([f_generic_footer, f_dental_policy, f_vitals])), "en_US"


def doc_p_insurance_claim():
    fn, ln = person()
    dos = recent()
    claim = kv_block([("Claim number", REFN(ref("CLM-", 9))), ("Member", f"{fn} {ln}"),
                      ("Member ID", pick([HPID(member_id()), MBI_(mbi())])), ("Patient DOB", DT(fmt_en(birth(), "us"))),
                      ("Date of service", DT(fmt_en(dos, "us"))), ("Provider NPI", REFN(ref("1", 9))),
                      ("Provider phone", PH(us_phone(ext=chance(0.4))))], pick(["colon", "pipe", "caps"]), "Explanation of Benefits")
    lines = sub("Line items:\n" + "\n".join(
        f"  CPT {pick(['99213', '99214', '80053', '85025', '93000', '71046'])}  billed ${R.randint(40, 900)}.00  allowed "
        f"${R.randint(20, 400)}.{d(2)}  plan paid ${R.randint(10, 300)}.{d(2)}  you owe ${R.randint(0, 120)}.{d(2)}"
        for _ in range(R.randint(3, 5))))
    appeal = sub("To appeal, write within 180 days to {e} or call {p} ({oh}). Track this claim at {u}.",
                 e=EM(corp_email("appeals", pick(["harborclaims.com", "lakeshorehealth.org"]))), p=PH(tollfree()),
                 oh=TIMEP("Mon–Fri 8 AM–8 PM ET"), u=URL_(f"https://members.{pick(['harborclaims.com', 'lakeshorehealth.org'])}/claims"))
    ask = pick(["Why do I owe money on this EOB?", "Explain this EOB line by line.", "Draft an appeal letter for this claim."])
    return doc_assemble(ask, [claim, lines, appeal], fill([f_generic_footer, f_claim_terms, f_claim_glossary])), "en_US"


# --- HR / finance ---------------------------------------------------------------------------------
def doc_p_hr_onboarding():
    fn, ln = person()
    st, dln = dl()
    start = soon()
    style = pick(["colon", "dots", "md", "pipe", "tab"])
    pers = kv_block([("Legal name", f"{fn} {ln}"), ("Date of birth", DT(fmt_en(birth(), pick(["us", "long"])))),
                     ("SSN", SSN_(ssn())), ("Personal email", EM(email(fn, ln))), ("Mobile", PH(us_phone(ext=False))),
                     ("Start date", DT(fmt_en(start, pick(["us", "long"])))), ("Driver's license", B().f("{n} ({st})", n=DLN(dln), st=st))],
                    style, "Section 1 — Personal information")
    bank = kv_block([("Bank routing (ABA)", ABA_(aba())), ("Account number", BANK(bank_acct())),
                     ("Account type", pick(["Checking", "Savings"])), ("Deposit split", "100%")], style, "Section 2 — Direct deposit")
    it = sub("IT setup: your laptop (MAC {m}) is enrolled; first login with temporary password {pw} at {u} — you will be "
             "asked to change it. Emergency contact on file: {ec}.",
             m=MAC(mac()), pw=PW(password()), u=URL_(f"https://sso.{pick(CORP)}/activate"), ec=PH(us_phone(ext=False)))
    ask = pick(["Check this onboarding form for missing or inconsistent fields:", "Summarise this new-hire packet for the manager:",
                "Convert this to the payroll import CSV format (name, ssn, routing, account, start_date)."])
    return doc_assemble(ask, [pers, bank, it], fill(HR_FILL), target=R.randint(2000, 3900)), "en_US"


def doc_p_loan_application():
    fn, ln = person()
    st, dln = dl()
    style = pick(["colon", "dots", "caps", "pipe"])
    app = kv_block([("Borrower", f"{fn} {ln}"), ("SSN", SSN_(ssn())), ("Date of birth", DT(fmt_en(birth(), "us"))),
                    ("Home phone", PH(us_phone(ext=False))), ("Email", EM(email(fn, ln))),
                    ("ID", B().f("{st} DL {n}", st=st, n=DLN(dln))), ("Application date", DT(fmt_en(recent(), "us")))],
                   style, "Uniform Residential Loan Application — Borrower")
    emp = kv_block([("Employer", pick(["Tidewater Labs", "Northwind Traders", "Cobalt Software"])), ("Position", pick(["Analyst", "Nurse", "Engineer"])),
                    ("Employer phone", PH(us_phone(ext=True))), ("Years in line of work", str(R.randint(1, 25)))], style, "Employment")
    assets = kv_block([("Checking account", BANK(bank_acct())), ("Routing", ABA_(aba())),
                       ("Savings balance", f"${R.randint(2, 90)},{d(3)}.{d(2)}")], style, "Assets")
    ask = pick(["Pre-screen this loan application and list red flags:", "Compute the DTI from this application:",
                "Draft the conditional approval letter for this borrower."])
    return doc_assemble(ask, [app, emp, assets], fill([f_loan_terms, f_loan_income, f_loan_disclosure, f_loan_conditions, f_generic_footer]),
                        target=R.randint(2000, 3900)), "en_US"


def doc_p_rental_application():
    fn, ln = person()
    movein = soon()
    app = kv_block([("Applicant", f"{fn} {ln}"), ("DOB", DT(fmt_en(birth(), "us"))), ("SSN", SSN_(ssn())),
                    ("Phone", PH(us_phone(ext=False))), ("Email", EM(email(fn, ln))),
                    ("Desired move-in", DT(fmt_en(movein, pick(["long", "us"])))),
                    ("Current landlord", B().f("{n}, {p}", n=" ".join(person()), p=PH(us_phone(ext=False))))],
                   pick(["colon", "md", "tab"]), "Rental Application — Unit " + str(R.randint(1, 30)) + pick("ABCD"))
    fee = sub("Application fee of $45.00 paid with card {c}. Monthly rent ${r:,}; security deposit ${dep:,}; pet deposit "
              "$300 (1 cat, 4 kg). Lease term 12 months.", c=pick([CC(card()), MASK(masked_card())]), r=R.randint(1200, 4200),
              dep=R.randint(1200, 4200))
    ask = pick(["Score this rental application against our criteria (income 3x rent, no evictions):",
                "Write the approval e-mail to this applicant."])
    return doc_assemble(ask, [app, fee], fill([f_loan_income, f_rental_rules, f_rental_screening, f_generic_footer])), "en_US"


def doc_p_bank_statement():
    fn, ln = person()
    acct = bank_acct(10, 12)
    head = kv_block([("Account holder", f"{fn} {ln}"), ("Account number", BANK(acct)), ("Routing number", ABA_(aba())),
                     ("Account type", pick(["Everyday Checking", "Premier Savings"]))],
                    pick(["colon", "dots"]), "Monthly Statement")
    b = B()
    b.t("Date        Description                        Amount\n")
    base = recent()
    for i in range(R.randint(4, 6)):
        x = base + timedelta(days=i * R.randint(1, 4))
        b.f("{d}  {desc:<34} {amt}\n", d=DT(fmt_en(x, "us")), desc=pick(["POS PURCHASE GROCERY #4412", "ACH PAYROLL",
                                                                          "ATM WITHDRAWAL 0097", "ONLINE TRANSFER", "CHECK 1043",
                                                                          "CARD PURCHASE ****" + d(4)]),
            amt=f"{pick(['-', ''])}{R.randint(5, 2400)}.{d(2)}")
    b.parts[-1] = b.parts[-1].rstrip("\n")
    b.pos = len(b.text)
    cs = sub("Questions? Call {p} or visit {u}. Report a lost card immediately.", p=PH(tollfree()),
             u=URL_(f"https://www.{pick(['pinecrestbank.com', 'meridianlending.com'])}/help"))
    ask = pick(["Categorise these transactions and total each category:", "Which transactions look like duplicates?"])
    return doc_assemble(ask, [head, b, cs], fill([f_bank_summary, f_bank_fees, f_bank_notice, f_bank_terms, f_generic_footer]),
                        slots=[1, 2]), "en_US"


def doc_p_vendor_wire():
    cc = cyc("doc_iban_cc", ["DE", "FR", "NL", "ES", "IT", "BE", "AT", "PL", "PT", "IE", "CH", "SE", "DK", "FI", "LU", "CZ"])
    fn, ln = person()
    vendor, vdom, vcc = pick([("Brennan Metalworks GmbH", "brennan-metall.de", "DE"), ("Atelier Moreau SARL", "atelier-moreau.fr", "FR"),
                              ("Visser Logistics B.V.", "visserlogistics.nl", "NL"), ("Ricci Forniture S.r.l.", "ricciforniture.it", "IT"),
                              ("Castillo Envases S.L.", "castillo-envases.es", "ES")])
    form = kv_block([("Vendor", vendor),
                     ("Contact", f"{fn} {ln}"), ("Phone", PH(phone(vcc, True))),
                     ("Email", EM(email(fn, ln, vdom))), ("IBAN", IB(iban(cc))), ("BIC", BIC_(bic(cc))),
                     ("VAT ID", f"{cc}{d(9)}" if cc != "NL" else f"NL{d(9)}B01"), ("Payment terms", "Net 30")],
                    pick(["colon", "pipe", "md", "caps"]), "Vendor bank details form")
    inv = sub("Open invoices: {i1} ({a1}), {i2} ({a2}). Please confirm the change of bank details by phone on a number you "
              "already have on file, not the one in the request. Accounts receivable: {ar}, fax {fx}. Portal: {u}",
              ar=EM(corp_email(pick(["ar", "accounts", "buchhaltung", "compta"]), vdom)), fx=PH(phone(vcc, True, False)),
              i1=INV(invoice_no()), a1=PRICE(price("€")), i2=INV(invoice_no()), a2=PRICE(price("€")),
              u=URL_(f"https://suppliers.{pick(CORP)}/onboarding"))
    ask = pick(["Is this bank-detail change request consistent? Check the IBAN country against the vendor.",
                "Draft the callback script for verifying this vendor's new bank details.",
                "Translate this form into German."])
    return doc_assemble(ask, [form, inv], fill([f_generic_footer, f_vendor_terms, f_vendor_fraud]), slots=[1, 2]), "en_GB"


def doc_p_eu_employment():
    fn, ln = person()
    cc = cyc("doc_eu_cc", ["DE", "NL", "FR", "ES", "IT", "BE", "AT", "PT", "IE", "PL", "SE", "NO", "FI", "DK"])
    start = soon()
    lang = {"DE": "de", "AT": "de", "NL": "nl", "BE": "nl", "FR": "fr", "ES": "es", "IT": "it", "PT": "pt", "IE": "en",
            "PL": "pl", "SE": "en", "NO": "en", "FI": "en", "DK": "en"}[cc]
    pcc = {"AT": "DE", "BE": "NL", "SE": "GB", "NO": "GB", "FI": "GB", "DK": "GB"}.get(cc, cc if cc in PHONES else "GB")
    form = kv_block([("Name", f"{fn} {ln}"), ("Date of birth", DT(f"{birth().strftime('%d.%m.%Y')}")),
                     ("Start date", DT(start.strftime("%d.%m.%Y"))), ("Mobile", PH(phone(pcc if pcc in PHONES else "GB", True, True))),
                     ("Private e-mail", EM(email(fn, ln))), ("Salary account (IBAN)", IB(iban(cc))),
                     ("Tax class / code", pick(["I", "III", "1257L", "n/a"]))], pick(["colon", "tab", "dots"]),
                    "Employee master data (GDPR Art. 6(1)(b))")
    contract = sub(f"Contract: full-time, {R.randint(32, 40)} h/week, probation {pick([3, 6])} months, annual gross salary "
                   f"EUR {R.randint(38, 120)},{d(3)}, paid in 12 instalments. Notice period {pick([1, 3])} months to the end of a "
                   f"month. Holiday entitlement {R.randint(25, 30)} days.")
    ask = pick(["Check this employee record for GDPR data-minimisation issues:", "Prepare the payroll onboarding checklist for this hire:"])
    return doc_assemble(ask, [form, contract], fill([f_eu_benefits, f_hr_equipment, f_eu_gdpr, f_eu_first_week, f_generic_footer]), slots=[1, 2]), "en_GB"


# --- support / travel / legal -----------------------------------------------------------------------
def doc_p_support_thread():
    fn, ln = person()
    e = email(fn, ln)
    tk = ticket_no()
    b1 = sub("Ticket {tk} · {cat} · Priority P{p}\nRequester: {f} {l} <{e}>", tk=TKT(tk), cat=pick(["Account access", "Billing"]),
             p=R.randint(1, 3), f=fn, l=ln, e=EM(e))
    b2 = sub("— Customer wrote:\nHi, someone logged into my account from {ip} (not me!) and changed my phone to {p2}. My real "
             "number is {p}. I also got charged on {d} for an order I never placed ({o}). My card is {c} — please block it.",
             ip=IP(ipv4(False)), p2=PH(us_phone(ext=False)), p=PH(us_phone(ext=False)), d=DT(fmt_en(recent(), pick(["long", "us"]))),
             o=ORD(order_no()), c=CC(card()))
    b3 = sub("— Agent replied:\nThanks {f}. I've locked the account and reverted the phone number. For your security please "
             "never send full card numbers here; I can only see the card ending {m}. Reset your password at {u} and reply to "
             "this ticket once done.", f=fn, m=MASK(d(4)), u=URL_(f"https://{pick(CORP)}/account/reset"))
    b4 = sub("— Customer wrote:\nDone. Also please send the refund confirmation to {e2} instead, my work address.",
             e2=EM(email(fn, ln, pick(CORP))))
    ask = pick(["Summarise this ticket thread and list the open actions:", "Write the next agent reply:",
                "Classify this ticket and extract structured fields (customer, issue, amounts)."])
    return doc_assemble(ask, [b1, b2, b3, b4], fill(SUPPORT_FILL, [f_support_refund]), slots=[4]), "en_US"


def doc_p_support_chat_export():
    fn, ln = person()
    turns = [sub("[visitor] hi my package never came, order {o}", o=ORD(order_no())),
             sub("[bot] I can help! Please confirm the e-mail on the order."),
             sub("[visitor] {e}", e=EM(email(fn, ln))),
             sub("[bot] Thanks. For delivery issues, we'll call you. Best number?"),
             sub("[visitor] {p} but after 6pm pls", p=PH(pick([us_phone(ext=False), phone("GB", True), phone("AU", True)]))),
             sub("[agent:{a}] Hi {f}, I see tracking {t} marked delivered on {d}. Was it left at reception?",
                 a=pick(FIRST), f=fn, t=TRK(tracking_no()), d=DT(fmt_en(recent(), "md"))),
             sub("[visitor] no. can you refund to my card {c} instead of store credit", c=CC(card())),
             sub("[agent:{a}] Refund of {pr} issued; it takes 3-5 business days. Survey: {u}", a=pick(FIRST), pr=PRICE(price("$")),
                 u=URL_(f"https://survey.{pick(CORP)}/s/{alnum(8, LOW + DIG)}"))]
    blk = B()
    for i, t in enumerate(turns):
        blk.embed(t, None)
        if i < len(turns) - 1:
            blk.t("\n")
    ask = pick(["Here's a chat export. Summarise it and rate the agent's handling:", "Extract the refund details from this chat:"])
    return doc_assemble(ask, [blk], fill(SUPPORT_FILL, [f_support_refund]), slots=[1]), "en_US"


def doc_p_itinerary():
    fn, ln = person()
    dep = soon()
    ret = dep + timedelta(days=R.randint(4, 16))
    style = pick(["colon", "caps", "md", "tab"])
    pax = kv_block([("Passenger", f"{ln.upper()}/{fn.upper()} {pick(['MR', 'MS', 'MX'])}"), ("Passport", PP(us_passport())),
                    ("Date of birth", DT(fmt_en(birth(), pick(["dmon", "uk", "iso"])))), ("Mobile", PH(us_phone(ext=False))),
                    ("Email", EM(email(fn, ln))), ("Booking ref", REFN(alnum(6, "ABCDEFGHJKLMNPQRSTUVWXYZ"))),
                    ("E-ticket", REFN(clean_id(lambda: f"{R.randint(1, 9)}{R.randint(10, 99)}-{not_luhn_digits(10)}")))], style, "Itinerary receipt")
    legs = B()
    legs.t("Flights:\n")
    o_, dst = pick([("JFK", "LHR"), ("SFO", "FRA"), ("ORD", "CDG"), ("BOS", "DUB")])
    for x, route in ((dep, f"{o_}-{dst}"), (ret, f"{dst}-{o_}")):
        fl = f"{pick(['UA', 'BA', 'LH', 'AF', 'DL'])} {R.randint(10, 999)}"
        legs.f("  {fl}  {rt}  {d}  dep {t1}  arr {t2}  {cl}\n", fl=fl, rt=route, d=DT(fmt_en(x, pick(["wd", "dmon", "short"]))),
               t1=DT(f"{R.randint(6, 22):02d}:{pick(['05', '25', '40', '55'])}"), t2=DT(f"{R.randint(0, 23):02d}:{pick(['10', '30', '45'])}"),
               cl=pick(["Economy (V)", "Premium (W)", "Business (J)"]))
    legs.t("Payment: card ")
    legs.put(MASK(masked_card()))
    ask = pick(["Add these flights to my calendar in ICS format:", "What's my total travel time, and is the layover enough?",
                "Check whether my passport details match the booking."])
    return doc_assemble(ask, [pax, legs], fill(TRAVEL_FILL), target=R.randint(2000, 3900)), "en_US"


def doc_p_conference_reg():
    fn, ln = person()
    arr = soon()
    reg = kv_block([("Attendee", f"{fn} {ln}"), ("Email", EM(email(fn, ln, pick(CORP)))), ("Phone", PH(phone(pick(["GB", "DE", "US", "IN"]), True))),
                    ("Arrival", DT(fmt_en(arr, "long"))), ("Departure", DT(fmt_en(arr + timedelta(days=R.randint(2, 5)), "long"))),
                    ("Dietary", pick(["vegan", "none", "halal"])), ("Badge", REFN(ref("B-", 5)))], pick(["colon", "md", "pipe"]),
                   "Registration confirmation")
    event = sub("The summit runs {a} at the convention centre, Hall {h}. Keynote starts {k} each day; badge pickup opens "
                "{bp}. Early-bird pricing ended {eb}. Ticket {pr} (VAT {v}% included).",
                a=REL(pick(["October 14–16, 2025", "3–5 June 2026", "September 9–11, 2025"])), h=pick("ABCDE"),
                k=TIMEP(pick(["09:00", "9:30 AM"])), bp=TIMEP(pick(["08:00", "7:30 AM"])),
                eb=REL(pick(["August 31, 2025", "1 March 2026"])), pr=PRICE(price(pick(["€", "$"]))), v=pick([19, 20, 21]))
    pay = sub("Paid by card {c}. Invoice {i}.", c=CC(card()), i=INV(invoice_no()))
    ask = pick(["Draft a reminder e-mail for this attendee:", "Which details here are personal and which are about the event?"])
    return doc_assemble(ask, [reg, event, pay], fill([f_travel_hotel, f_travel_transfer, f_conf_agenda, f_conf_venue, f_generic_footer])), "en_US"


def doc_p_legal_letter():
    fn, ln = person()
    inc = recent()
    us = chance(0.6)
    blocks = []
    blocks.append(sub("{firm}\nOur ref: {r} | Your ref: {y}", firm=pick(["FERNHILL LEGAL LLP", "BRENNAN & OSEI, ATTORNEYS AT LAW"]),
                      r=REFN(ref("FL/", 6)), y=REFN(ref("", 8))))
    if us:
        blocks.append(sub("Re: {f} {l} v. {d} — personal injury, date of loss {dl}\n\nDear Claims Adjuster,\n\nWe represent {f} "
                          "{l} (DOB {db}) regarding the collision on {dl2} at approximately {t}. Your insured's auto policy "
                          "number is {pol}. Our client's medical expenses to date total ${m:,}; records from the treating "
                          "hospital (MRN {mrn}) are enclosed.",
                          f=fn, l=ln, d=pick(["Greenway Freight Inc.", "Doe"]), dl=DT(fmt_en(inc, "long")),
                          db=DT(fmt_en(birth(), "us")), dl2=DT(fmt_en(inc, "us")), t=DT(htime(False)),
                          pol=N("auto_policy")(f"PA-{not_luhn_digits(8)}"), m=R.randint(8, 90) * 1000, mrn=MRN_(mrn())))
        blocks.append(sub("Please direct all communication to the undersigned at {p} or {e}. Settlement funds may be wired "
                          "to our IOLTA trust account {a} (routing {rt}).\n\nVery truly yours,\n{me}",
                          p=PH(us_phone(ext=True)), e=EM(corp_email(pick(["claims", "intake"]), "fernhill-legal.co.uk")),
                          a=BANK(bank_acct()), rt=ABA_(aba()), me=" ".join(person())))
    else:
        blocks.append(sub("Letter of claim — {f} {l}\n\nDear Sirs,\n\nWe act for {f} {l} (NHS number {n}) in relation to "
                          "the accident at work on {dl}. Our client attended A&E the same day and was discharged at {t}.",
                          f=fn, l=ln, n=NHS_(nhs()), dl=DT(fmt_en(inc, "dmy")), t=DT(htime(True))))
        blocks.append(sub("Please acknowledge within 21 days to {e} or {p}. Interim payments may be made to our client "
                          "account {i}.\n\nYours faithfully,\n{me}", e=EM(corp_email("litigation", "fernhill-legal.co.uk")),
                          p=PH(phone("GB", True, False)), i=IB(iban("GB")), me=" ".join(person())))
    ask = pick(["Proofread this letter and tighten the wording:", "Summarise this letter for the client in plain English:",
                "What deadlines does this letter set?"])
    pool = [f_legal_us, f_legal_without_prejudice, f_legal_privilege, f_legal_background] if us else [f_legal_uk, f_legal_uk_quantum, f_legal_privilege]
    return doc_assemble(ask, blocks, fill(pool), slots=[2]), "en_US" if us else "en_GB"


# --- IT / crypto ----------------------------------------------------------------------------------
def doc_p_incident_report():
    fn, ln = person()
    dom = pick(CORP)
    head = kv_block([("Incident", TKT(f"SEC-{R.randint(100, 9999)}")), ("Severity", pick(["High", "Critical", "Medium"])),
                     ("Reporter", EM(corp_email("security", dom))), ("Affected user", EM(email(fn, ln, dom)))],
                    pick(["colon", "md", "caps"]), "Security incident report")
    body = sub("Summary: the user clicked a phishing link ({u}) and entered credentials. The attacker logged in from {a} and "
               "{b_} (IPv6), then used the session to create an access key {k} on the prod account. Lateral movement from "
               "workstation {ws} (MAC {m}, IP {wip}) to the file server {fs} was blocked by EDR.",
               u=URL_(pick([f"https://login-{pick(['micros0ft', 'okta-verify', 'docusign-review'])}.{pick(['top', 'xyz', 'info'])}/auth?session={alnum(10, LOW + DIG)}",
                            f"http://{pick(['secure', 'account'])}-update.{pick(['support', 'online'])}/verify.php?id={d(6)}"])),
               a=IP(ipv4(False)), b_=IP(ipv6("full")), k=SK("aws"), ws=f"WS-{R.randint(1000, 9999)}", m=MAC(mac("dash")),
               wip=IP(ipv4(True)), fs=IP(ipv4(True)))
    ask = pick(["Turn this incident report into an executive summary (no technical jargon):",
                "Which of these indicators should go into the blocklist?", "Draft the user notification e-mail."])
    return doc_assemble(ask, [head, body], fill(IT_FILL), target=R.randint(2000, 3900)), "en_US"


def doc_p_postmortem():
    head = sub("# Post-mortem: checkout outage ({tk})\n\nImpact: {pc}% of checkout requests failed for {m} minutes; "
               "~{o} orders delayed, {r} refunds.", tk=TKT(ticket_no()), pc=R.randint(5, 90), m=R.randint(12, 180),
               o=R.randint(200, 9000), r=R.randint(0, 300))
    cause = sub("Root cause: a config push replaced the DB DSN with a literal that contained the production password:\n"
                "```\nDATABASE_URL={cs}\n```\nThe same commit also logged the Slack bot token {sl} to {u}. The primary "
                "{p1} failed over to {p2} but the pool kept the old address.",
                cs=CONN(conn_string(pick(["postgres", "mysql"]))), sl=SK("slack"), u=URL_(f"https://logs.{pick(CORP)}/app/checkout"),
                p1=IP(ipv4(True)), p2=IP(ipv4(True)))
    oncall = sub("On-call: {e}, escalation phone {p}.", e=EM(corp_email("oncall")), p=PH(us_phone(ext=False)))
    ask = pick(["Rewrite this post-mortem for a customer-facing status page (remove anything sensitive):",
                "List the action items from this post-mortem with owners."])
    return doc_assemble(ask, [head, cause, oncall], fill(IT_FILL)), "en_US"


def doc_p_kyc_crypto():
    fn, ln = person()
    kyc = kv_block([("Full name", f"{fn} {ln}"), ("Date of birth", DT(fmt_en(birth(), "iso"))), ("US passport", PP(us_passport())),
                    ("Email", EM(email(fn, ln))), ("Phone", PH(us_phone(ext=False))),
                    ("Signup IP", IP(pick([ipv4(False), ipv6()])))], pick(["colon", "pipe", "md"]), "KYC file")
    wal = sub("Withdrawal whitelist:\n- BTC: {w1}\n- BTC (legacy): {w2}\n- ETH: {w3}\nLast deposit tx {tx} ({amt} ETH, {conf} "
              "confirmations). Risk score {rs}/100.", w1=CRY(btc_bech32()), w2=CRY(btc_base58()), w3=CRY(eth()),
              tx=ETHTX(eth_tx()), amt=f"{R.randint(1, 90) / 10:.2f}", conf=R.randint(12, 300), rs=R.randint(3, 80))
    ask = pick(["Review this KYC file against our travel-rule checklist:", "Is anything inconsistent in this KYC record?"])
    return doc_assemble(ask, [kyc, wal], fill([f_kyc_policy, f_kyc_limits, f_generic_footer]), slots=[1, 2]), "en_US"


def doc_p_school_form():
    kid, fam = pick(FIRST), pick(LAST)
    p1, p2 = pick(FIRST), pick(FIRST)
    form = kv_block([("Student", f"{kid} {fam}"), ("Date of birth", DT(fmt_en(rdate(2010, 2019), "us"))),
                     ("Grade", str(R.randint(1, 10))), ("Parent/guardian 1", B().f("{n} {l}, cell {p}, {e}", n=p1, l=fam,
                                                                                   p=PH(us_phone(ext=False)), e=EM(email(p1, fam)))),
                     ("Parent/guardian 2", B().f("{n} {l}, work {p}", n=p2, l=fam, p=PH(us_phone(ext=True)))),
                     ("Health plan member ID", HPID(member_id())), ("Pediatrician phone", PH(us_phone(ext=False)))],
                    pick(["colon", "dots", "tab"]), "Emergency card / enrollment form")
    health = sub(f"Allergies: {pick(['peanuts (EpiPen 0.3 mg in nurse office)', 'none known', 'bee stings'])}. Medication at school: "
                 f"{pick(['none', 'methylphenidate 10 mg at lunch', 'albuterol inhaler PRN'])}. Bus route {R.randint(1, 40)}, stop "
                 f"{R.randint(1, 25)}. Locker {R.randint(100, 999)}.")
    sched = sub("School hours {a}; early dismissal on Wednesdays at {b_}. Winter break starts {c}.", a=TIMEP("8:15–3:05"),
                b_=TIMEP("1:30 PM"), c=REL(pick(["December 22, 2025", "December 19, 2025"])))
    ask = pick(["Make a one-page summary of this enrollment form for the school nurse:", "Which fields here count as sensitive under FERPA?"])
    return doc_assemble(ask, [form, health, sched], fill([f_generic_footer, f_school_policy, f_school_supplies])), "en_US"


def doc_p_crm_export():
    b = B()
    json_mode = chance(0.5)
    n = R.randint(4, 6) if json_mode else R.randint(3, 4)
    if json_mode:
        rows = []
        for _ in range(n):
            fn, ln = person()
            rows.append({"id": R.randint(10000, 99999), "name": f"{fn} {ln}", "email": EM(email(fn, ln)),
                         "phone": PH(pick([us_phone(ext=False), phone(pick(["GB", "DE", "FR", "ES", "IT"]), True)])),
                         "ltv": round(R.uniform(10, 5000), 2), "segment": pick(["gold", "silver", "churn-risk"])})
        json_block(b, rows, 2)
    else:
        b.t("id;name;email;phone;last_order;ltv\n")
        for i in range(n):
            fn, ln = person()
            b.f("{i};{n};{e};{p};{o};{v}\n", i=R.randint(10000, 99999), n=f"{fn} {ln}", e=EM(email(fn, ln)),
                p=PH(pick([us_phone(ext=False), phone(pick(["GB", "DE", "FR", "ES", "IT"]), True)])), o=DT(fmt_en(recent(), "iso")),
                v=f"{R.randint(10, 5000)},{d(2)}")
        b.parts[-1] = b.parts[-1].rstrip("\n")
        b.pos = len(b.text)
    ask = pick(["Segment these customers and suggest a win-back campaign per segment:", "Deduplicate this export and "
                "normalise the phone numbers to E.164:"])
    return doc_assemble(ask, [b], fill([f_crm_notes, f_crm_schema, f_generic_footer]), slots=[1]), "en_US"


# --- PII-free documents -----------------------------------------------------------------------------
def doc_n_release_notes():
    rd = rdate(2024, 2025)
    blocks = [sub("# Release {v} ({d})\n\nThis release was published on {d2}. It requires Node {nv} or later.",
                  v=ver(), d=REL(fmt_en(rd, "iso")), d2=REL(fmt_en(rd, "long")), nv=VER("20.11.1")),
              sub("## Fixes\n- Fix crash when the config path contains spaces (#{a})\n- Reduce cold start by {p}% (commit {s})\n"
                  "- Bump protobuf to {pv}\n- Windows: support build {wb}", a=R.randint(1000, 9999), p=R.randint(5, 40),
                  s=SHA(git_sha(7)), pv=VER(version()), wb=IPVER(f"10.0.{R.randint(19041, 22631)}.{R.randint(1000, 4999)}")),
              sub("## Checksums\n{h1}  app-linux-x64.tar.gz\n{h2}  app-darwin-arm64.tar.gz", h1=HASH(hexs(64)), h2=HASH(hexs(64)))]
    fillers = [sub("## Deprecations\nThe v1 REST endpoints will be removed in {q}. The `--legacy` flag is a no-op since {v}.",
                   q=REL(pick(["Q3 2026", "FY2026", "the 2026.2 release"])), v=ver()),
               sub(f"## Performance\nBenchmarks on a 4 vCPU box: p50 {R.randint(3, 20)} ms, p95 {R.randint(20, 90)} ms, "
                   f"{R.randint(800, 9000)} req/s; memory {R.randint(80, 400)} MB RSS."),
               sub("## Upgrade notes\nRun `app migrate --to {v}` before restarting. The default port moved from 8080 to 8443; "
                   "the health check is at `{lo}`.", v=ver(), lo=LOOP("http://127.0.0.1:8443/healthz")),
               sub("## Contributors\nThanks to 14 contributors for 126 commits across 38 pull requests."),
               sub(f"## Known issues\nOn macOS {R.randint(13, 15)}.{R.randint(0, 6)} the tray icon may flicker; fix planned for the next patch. "
                   f"Large imports (> {R.randint(2, 9)} GB) need `--chunk-size 64`.")]
    return doc_assemble("Turn these release notes into a short customer-facing announcement:", blocks, fillers,
                        generic=False), "en_US"


def doc_n_company_policy():
    blocks = [sub("Remote Work & Holiday Policy (rev. {r})\n\nThis policy applies to all employees from {eff}.",
                  r=R.randint(2, 9), eff=REL(pick(["January 1, 2026", "1 April 2025"]))),
              sub("Public holidays observed: New Year's Day ({a}), Independence Day ({b_}), Thanksgiving ({c}) and Christmas "
                  "Day ({e}). The office is closed on these days.", a=REL("January 1"), b_=REL("July 4"),
                  c=REL("November 27, 2025"), e=REL("December 25")),
              sub("Core hours are {ch}; the building is open {bh}. Everyone must submit their Q4 self-review by {dl} and "
                  "benefits elections by {dl2}.", ch=TIMEP("10:00–15:00"), bh=TIMEP("7:00–21:00"),
                  dl=REL(fmt_en(rdate(2025, 2025), "long")), dl2=REL("November 30, 2025"))]
    fillers = [f_hr_benefits(), f_hr_payroll(), f_hr_equipment(),
               sub(f"Home-office stipend: ${R.randint(300, 1200)} one-off plus ${R.randint(20, 80)}/month for internet. Up to "
                   f"{R.randint(2, 4)} remote days per week; {R.randint(10, 30)} fully remote weeks per year with manager approval."),
               sub("Travel: economy class for flights under 6 hours; hotel cap $250/night (US) or €180/night (EU); per diem $75.")]
    return doc_assemble(pick(["Summarise this policy in 6 bullets:", "What changed compared to a standard hybrid policy?"]),
                        blocks, fillers), "en_US"


def doc_n_lab_reference():
    blocks = [sub("Adult reference ranges (Lakeshore Clinical Labs, edition {e})", e=R.randint(5, 12)), f_labs(),
              sub("Critical values (call within 30 minutes): potassium < 2.8 or > 6.2 mmol/L; sodium < 120 or > 160 mmol/L; "
                  "glucose < 40 or > 450 mg/dL; hemoglobin < 7.0 g/dL; INR > 5.0."),
              sub("Specimen stability: serum 7 days at 2–8 °C; whole blood 24 hours at room temperature; keep away from light "
                  "for bilirubin. Minimum volume 0.5 mL.")]
    fillers = [f_meds(), f_vitals(), sub("Pediatric ranges differ; see table 4. Units follow SI where available (conversion: "
                                          "glucose mg/dL × 0.0555 = mmol/L; creatinine mg/dL × 88.4 = µmol/L)."),
               sub("Dosing reference: vancomycin 15–20 mg/kg IV q8–12h, trough 10–20 mg/L; gentamicin 5–7 mg/kg q24h."),
               f_return_precautions()]
    return doc_assemble("Make a printable one-page cheat sheet from this:", blocks, fillers), "en_US"


def doc_n_blank_form():
    blocks = [sub("NEW PATIENT REGISTRATION FORM (please print)\n\nName: ____________________   Date of birth: {f1}\n"
                  "SSN: {f2}   Phone: {f3}\nEmail: {f4}\nInsurance member ID: {f5}   Group #: ________",
                  f1=FMT("MM/DD/YYYY"), f2=PLACE("XXX-XX-XXXX"), f3=PLACE("(XXX) XXX-XXXX"), f4=PLACE("<your email>"),
                  f5=PLACE("XXXXXXXXXXXX")),
              sub("Payment: card number {c}  exp __/__  CVV ___\nBank: routing ___________ account _____________",
                  c=PLACE("XXXX XXXX XXXX XXXX")),
              sub("Signature: ______________________   Date: {f}", f=FMT("__/__/____"))]
    fillers = [f_visiting(), f_generic_footer(),
               sub("Please arrive 15 minutes early. Bring photo ID and your insurance card. Co-pays are due at check-in; "
                   "we accept cash, checks and all major cards. A $25 fee applies to missed appointments without 24 hours' notice."),
               sub("Privacy notice: we collect only the information needed for treatment, payment and operations (45 CFR 164.506)."),
               sub("Medical history checklist: [ ] diabetes [ ] hypertension [ ] asthma [ ] heart disease [ ] cancer [ ] other: ____")]
    return doc_assemble(pick(["Turn this paper form into a web form schema (field names and types):",
                              "Translate this form into Spanish:"]), blocks, fillers), "en_US"


def doc_n_api_docs():
    blocks = [sub("## Authentication\n\nSend your key in the header: `Authorization: Bearer {t}`. Keys look like `{k}`; "
                  "never hard-code them — read `{env}` instead.", t=PLACE("<YOUR_TOKEN>"), k=PLACE("sk-xxxxxxxxxxxxxxxx"),
                  env=PLACE("${API_KEY}")),
              sub("## Example\n```bash\ncurl -s {lo}/v1/items \\\n  -H \"Authorization: Bearer $TOKEN\" \\\n  -H \"X-Request-Id: {u}\"\n```",
                  lo=LOOP("http://localhost:8080"), u=UUID_(a_uuid())),
              sub("## Errors\n`401` invalid key · `403` missing scope · `429` more than 600 requests/minute · `503` retry "
                  "after the number of seconds in `Retry-After`.")]
    fillers = [sub("## Pagination\nUse `?limit=100&cursor=<cursor>`; cursors expire after 15 minutes. Max limit 1000."),
               sub("## Webhooks\nWe sign payloads with HMAC-SHA256; compare against the `X-Signature` header using a "
                   "constant-time comparison. Secrets are shown once in the dashboard as `whsec_…`."),
               sub("## Versioning\nThe current API version is {v}; versions are supported for 18 months after the next "
                   "release.", v=ver()),
               sub("## Rate limits\nDefault 600 requests/minute per key, burst 50; batch endpoints count as 10 requests.")]
    return doc_assemble("Review these API docs for clarity:", blocks, fillers), "en_US"


def doc_n_meeting_minutes():
    blocks = [sub("Minutes — Platform steering committee ({q})\nAttendees: 9; quorum reached.", q=REL(pick(["Q3 FY2025", "H1 2026"]))),
              sub(f"1. Budget: FY2026 infra spend forecast ${R.randint(2, 9)}.{R.randint(0, 9)}M (+{R.randint(3, 18)}% YoY); "
                  f"reserved-instance coverage {R.randint(40, 85)}%."),
              sub("2. Roadmap: migrate the remaining {n} services to the new cluster before the freeze on {fr}; "
                  "tracking epic {ep}.", n=R.randint(4, 40), fr=REL(pick(["December 12, 2025", "15 Dec 2025"])),
                  ep=TKT(f"PLAT-{R.randint(100, 999)}")),
              sub("3. Incidents: {a} SEV2 and {b_} SEV3 last quarter; MTTR down from {c} to {e} minutes.",
                  a=R.randint(1, 6), b_=R.randint(3, 20), c=R.randint(60, 120), e=R.randint(20, 59))]
    fillers = [sub("4. Hiring: 3 open SRE roles, 2 offers out; target start in Q1."),
               sub(f"5. Vendor review: renewal quote {price('$')} for 3 years; counter at 12% discount."),
               sub("6. AOB: the all-hands moves to the first Thursday of each month at 16:00 CET."),
               f_it_remediation()]
    return doc_assemble("Turn these minutes into a list of decisions and action items:", blocks, fillers), "en_US"


def doc_n_transit():
    times = sorted((R.randint(5, 23), pick([0, 15, 30, 45])) for _ in range(12))
    rows = "\n".join(f"{h:02d}:{m:02d}   Line {R.randint(1, 99):<3} "
                     f"{pick(['Central Station', 'Airport T2', 'Harbour', 'University', 'Old Town'])}   platform {R.randint(1, 12)}"
                     for h, m in times)
    blocks = [sub("Departures — weekday timetable (valid from {v})", v=REL(pick(["December 14, 2025", "14 Dec 2025"]))),
              sub(rows),
              sub(f"Fares: single €{R.randint(2, 4)},{d(2)}; day ticket €{R.randint(7, 12)},{d(2)}; children under 6 travel free. "
                  f"Night buses N1–N9 run every 30 minutes between 00:30 and 05:00.")]
    fillers = [sub("Engineering works: Line 7 is replaced by buses between Harbour and Old Town on weekends until further notice."),
               sub("Lost property: office at Central Station, level -1, open 07:00–19:00."),
               sub("Accessibility: all trams are low-floor; lifts at 41 of 44 stations. Bikes allowed outside 07:00–09:00.")]
    return doc_assemble("Make a simpler timetable for the morning peak only:", blocks, fillers, generic=False), "en_GB"


def doc_n_changelog_ids():
    b = B()
    b.t("git log --oneline -n 8\n")
    for _ in range(8):
        b.f("{s} {m}\n", s=SHA(git_sha(pick([7, 8, 10]))), m=pick(["fix: retry on 503", "chore: bump deps", "feat: add export",
                                                                   "refactor: split parser", "docs: update README",
                                                                   "test: flaky timeout", "perf: cache lookups"]))
    b.parts[-1] = b.parts[-1].rstrip("\n")
    b.pos = len(b.text)
    blocks = [b, sub("Build {u} produced artifact sha256:{h} (signature {s}).", u=UUID_(a_uuid()), h=HASH(hexs(64)),
                     s=B64(base64.b64encode(bytes(R.getrandbits(8) for _ in range(48))).decode()))]
    fillers = [sub("Image: acme/api@sha256:{h}", h=HASH(hexs(64))),
               sub("Cache key: {k}; lockfile md5 {m}", k=HASH(hexs(40)), m=HASH(hexs(32))),
               sub("Embedded icon: data:image/png;base64,{b64}", b64=B64(base64.b64encode(bytes(R.getrandbits(8) for _ in range(180))).decode())),
               sub("Migration ids: {a}, {c}, {e}", a=UUID_(a_uuid()), c=UUID_(a_uuid()), e=UUID_(a_uuid())),
               sub("Dependency tree: 412 packages, 3 duplicates, 0 vulnerabilities (audit {v}).", v=ver())]
    return doc_assemble("Write a changelog entry from this build output:", blocks, fillers), "en_US"


def doc_n_sanitized_incident():
    blocks = [sub("Incident {tk} — sanitised for the public report", tk=TKT(f"SEC-{R.randint(100, 999)}")),
              sub("The attacker's key ({k}) was revoked; the affected customer card numbers ({c}) and SSNs ({s}) are masked "
                  "in this report. Requests were replayed against {lo} in the lab.", k=PLACE("AKIA****************"),
                  c=MASK("**** **** **** " + d(4)), s=MASK("***-**-" + d(4)), lo=LOOP("127.0.0.1")),
              f_it_timeline(), f_it_iocs()]
    fillers = [f_it_remediation(), sub("Lessons learned: alerts fired within 4 minutes but paging took 19; we will add a "
                                        "second on-call rotation and test failover quarterly.")]
    return doc_assemble("Is this report safe to publish? Point out anything that still looks sensitive.", blocks, fillers), "en_US"


def doc_n_financial_report():
    blocks = [sub("Quarterly report — {q}", q=REL(pick(["Q2 FY2025", "Q3 2025"]))),
              sub(f"Revenue ${R.randint(20, 900)}.{R.randint(0, 9)}M (+{R.randint(2, 30)}% YoY); gross margin {R.randint(40, 80)}.{R.randint(0, 9)}%; "
                  f"operating expenses ${R.randint(10, 400)}.{R.randint(0, 9)}M; EPS ${R.randint(0, 5)}.{d(2)}; "
                  f"free cash flow ${R.randint(1, 90)}.{R.randint(0, 9)}M."),
              sub("Holdings: {i1} ({w1}%), {i2} ({w2}%), {i3} ({w3}%). The annual general meeting is held on {agm}.",
                  i1=N("isin")("US0378331005"), w1=R.randint(5, 30), i2=N("isin")("DE0007164600"), w2=R.randint(5, 30),
                  i3=N("isin")("NL0010273215"), w3=R.randint(5, 30), agm=REL(pick(["May 14, 2026", "14 May 2026"])))]
    fillers = [sub(f"Balance sheet: cash and equivalents ${R.randint(100, 900)}M; total debt ${R.randint(50, 600)}M; "
                   f"net leverage {R.randint(5, 30) / 10:.1f}x; share buyback of ${R.randint(50, 500)}M authorised, "
                   f"${R.randint(10, 49)}M executed in the quarter."),
               sub("Risk factors: currency headwinds of about 2 points on reported growth; two large renewals slipped into "
                   "the next quarter; the effective tax rate may vary with the geographic mix of profits."),
               sub(f"Regional revenue: Americas {R.randint(40, 60)}%, EMEA {R.randint(20, 35)}%, APAC {R.randint(8, 20)}%. "
                   f"Net revenue retention {R.randint(100, 125)}%; customers above $100k ARR: {R.randint(300, 2000):,} "
                   f"(+{R.randint(3, 20)}% YoY). Deferred revenue ${R.randint(100, 800)}M."),
               sub("Forward-looking statements: this report contains estimates that involve risks and uncertainties; actual "
                   "results may differ materially. Non-GAAP measures exclude stock-based compensation, amortisation of "
                   "acquired intangibles and restructuring costs; reconciliations are in the appendix."),
               sub("Guidance: FY revenue between $1.2B and $1.3B; capex 6–7% of revenue; tax rate 21–23%."),
               sub("Segment split: cloud 54%, licences 31%, services 15%. Headcount 4,210 (+120 QoQ).")]
    return doc_assemble("Summarise this quarterly report in 5 bullets for investors:", blocks, fillers, generic=False), "en_US"


def doc_n_spec_sheet():
    blocks = [sub("Model AX-{m} Industrial Gateway — datasheet rev {r}", m=R.randint(100, 999), r=pick("ABCD")),
              sub(f"CPU: quad-core 1.{R.randint(2, 9)} GHz; RAM {pick([2, 4, 8])} GB; eMMC {pick([16, 32, 64])} GB; 4 x GbE; "
                  f"RS-485; operating temperature -40 to +75 °C; IP{pick([40, 54, 65])}; 12–48 V DC, {R.randint(6, 18)} W typical."),
              sub("Firmware {f}; bootloader {b_}; supported until {eol}.", f=IPVER(ipv4_version()), b_=VER(version()),
                  eol=REL(pick(["December 31, 2030", "31 Dec 2031"])))]
    fillers = [sub("Certifications: CE, FCC Part 15 Class A, UL 62368-1. MTBF 210,000 hours at 40 °C."),
               sub("Dimensions 128 x 96 x 42 mm; weight 640 g; DIN-rail mount. Warranty 5 years."),
               sub("Ordering codes: AX-100-4G-EU, AX-100-4G-US, AX-100-WIFI (lead time 6–8 weeks, MOQ 10)."),
               sub("Default management port listens on TCP 8443; factory reset by holding the button for 10 s.")]
    fillers += [sub("Interfaces: 2 x USB 3.0, 1 x micro-SD, SIM slot (4G LTE Cat 4, bands B1/B3/B7/B8/B20), optional "
                    "Wi-Fi 6 module, 8 digital inputs (24 V), 4 relay outputs (2 A). LEDs: power, status, LTE, user."),
                sub("Software: container runtime preinstalled, OTA updates signed with ed25519, secure boot, TPM 2.0. "
                    "Supported protocols: Modbus RTU/TCP, OPC UA, MQTT 3.1.1/5.0, BACnet/IP.")]
    return doc_assemble("Write a product description for the web shop from this datasheet:", blocks, fillers,
                        generic=False), "en_US"


# ---------------- 4. hard negatives (PII-free)
def hn_bad_cards():
    b = B()
    b.f(pick(["QA asked me to check these card numbers from the failed-payments report: {a}, {c} and the Amex-looking {e}. "
              "Do any of them pass Luhn?", "Why does Stripe reject {a} and {c} as 'incorrect number'? Also {e}."]),
        a=BADCC(bad_card(" ")), c=BADCC(bad_card("-")), e=BADCC(bad_card(" ", "amex")))
    return b, "en_US"


def hn_bad_iban():
    b = B()
    b.f("The bank bounced these: {a} (checksum error) and {c}. BIC {e}. What's the usual cause — a typo in the check digits?",
        a=BADIB(bad_iban(pick(["DE", "FR", "IT", "ES"]))), c=BADIB(bad_iban(pick(["NL", "BE", "PL", "GB"]), False)), e=BIC_(bic()))
    return b, "en_GB"


def hn_bad_nhs():
    b = B()
    b.f("Our import flagged {a} and {c} as invalid NHS numbers (mod 11 fails). How do I explain that to the practice?",
        a=BADNHS(bad_nhs(" ")), c=BADNHS(bad_nhs("")))
    return b, "en_GB"


def hn_bad_ssn():
    b = B()
    kinds = R.sample(["000", "666", "9xx", "g00", "s0000"], 3)
    b.f(pick(["The form accepted SSN {a}, {c} and {e} in testing — shouldn't these be rejected by range rules?",
              "ITIN vs SSN: the applicant wrote {a} in the SSN box. Also seen: {c}, {e}. Which are impossible SSNs?"]),
        a=BADSSN(bad_ssn(kinds[0])), c=BADSSN(bad_ssn(kinds[1])), e=BADSSN(bad_ssn(kinds[2])))
    return b, "en_US"


def hn_version_ip():
    b = B()
    b.f("Asset inventory: kiosk OS {w}; Chrome {c}; PLC firmware {f}; .NET assembly {a}; SNMP sysObjectID {o}. "
        "Which ones are outdated?",
        w=IPVER(f"10.0.{R.randint(19041, 22631)}.{R.randint(1000, 4999)}"),
        c=IPVER(f"{R.randint(118, 131)}.0.{R.randint(6000, 6999)}.{R.randint(10, 199)}"), f=IPVER(ipv4_version()),
        a=IPVER(f"{R.randint(1, 8)}.{R.randint(0, 9)}.0.0"), o=OID(f"1.3.6.1.4.1.{R.randint(9, 40000)}.1.{R.randint(1, 99)}"))
    return b, "en_US"


def hn_public_dates():
    b = B()
    k = cyc("hn_public_dates", [0, 1, 2])
    if k == 0:
        b.f("Build a timeline: the Berlin Wall fell on {a}; the euro notes launched on {c}; GDPR applied from {e}.",
            a=REL("November 9, 1989"), c=REL("1 January 2002"), e=REL("25 May 2018"))
    elif k == 1:
        b.f("Reminder to all customers: we are closed on {a} and {c}; the new price list takes effect {e}.",
            a=REL(pick(["December 25", "Christmas Day"])), c=REL(pick(["January 1", "New Year's Day"])),
            e=REL(pick(["March 1, 2026", "1 February 2026"])))
    else:
        b.f("Python 2 reached end of life on {a}; Windows 10 support ended {c}; the next Ubuntu LTS is due in {e}.",
            a=REL("January 1, 2020"), c=REL("October 14, 2025"), e=REL("April 2026"))
    return b, "en_US"


def hn_ids_hashes():
    b = B()
    b.f("Correlate these: request {u}, commit {s}, short sha {ss}, artifact sha256 {h}, md5 {m}, trace {t}, tx {tx}.",
        u=UUID_(a_uuid()), s=SHA(git_sha()), ss=SHA(git_sha(7)), h=HASH(hexs(64)), m=HASH(hexs(32)), t=HASH(hexs(32)),
        tx=ETHTX(eth_tx()))
    return b, "en_US"


def hn_placeholders():
    b = B()
    b.f(pick(["Fill in the template: Authorization: Bearer {a}; api_key={c}; password={e}; token={f}; GH token {g}.",
              "In the docs we show {a}, {c}, {e}, {f} and {g} as placeholders. Is that clear enough?"]),
        a=PLACE("<YOUR_TOKEN>"), c=PLACE("YOUR_API_KEY"), e=PLACE("${DB_PASSWORD}"), f=PLACE("{{ secrets.DEPLOY_TOKEN }}"),
        g=PLACE("ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"))
    return b, "en_US"


def hn_env_refs():
    b = B()
    b.f("Is this safe to commit?\n\n```python\nimport os\nkey = os.environ[\"OPENAI_API_KEY\"]\npw = os.getenv(\"DB_PASSWORD\")\n"
        "dsn = {dsn}\nstripe.api_key = {s}\n```", s=PLACE("\"sk_live_...\""),
        dsn=N("dsn_template")("f\"postgresql://{user}:{pw}@{host}/app\""))
    b.note("an f-string DSN template with {user}:{pw} placeholders is not a credential")
    return b, "en_US"


def hn_masked():
    b = B()
    b.f("The export shows SSN {s}, card {c}, phone {p}, email {e}, IBAN {i} and account {a}. Is that masking compliant?",
        s=MASK(pick(["***-**-", "XXX-XX-"]) + d(4)), c=MASK(masked_card()), p=MASK(f"(***) ***-{d(4)}"),
        e=MASK(f"{pick('jmkas')}***@{pick(['g****.com', '*****.com'])}"), i=MASK(f"GB** **** **** **** **{d(2)} {d(2)}"),
        a=MASK(f"******{d(4)}"))
    return b, "en_US"


def hn_format_specs():
    b = B()
    b.f("Document the formats: SSN {s}; IBAN {i}; phone {p}; card {c}; date {dt} (for example {ex}); MAC {m}.",
        s=FMT("AAA-GG-SSSS"), i=FMT("CCkk BBBB BBBB AAAA AAAA AA"), p=FMT("+CC NNN NNN NNNN"), c=FMT("NNNN NNNN NNNN NNNN"),
        dt=FMT("YYYY-MM-DD"), ex=REL("2024-01-31"), m=FMT("XX:XX:XX:XX:XX:XX"))
    b.note("an example date in a format specification is not tied to a person")
    return b, "en_US"


def hn_loopback():
    b = B()
    b.f("Why can't my container reach the host at {a}? The app binds {c}, the stub resolver is {e}, IPv6 uses {v6}; mask {m}.",
        a=LOOP("127.0.0.1"), c=LOOP("0.0.0.0"), e=LOOP("127.0.0.53"), v6=LOOP("::1"), m=LOOP("255.255.255.0"))
    return b, "en_US"


def hn_business_numbers():
    b = B()
    b.f("Where is my parcel? Tracking {t}, order {o}, invoice {i}, return label {r}, ISBN {isbn}. Paid {p}.",
        t=TRK(tracking_no()), o=ORD(order_no()), i=INV(invoice_no()), r=TRK(f"RL{not_luhn_digits(9)}GB"), isbn=ISBN_(isbn13()),
        p=PRICE(price()))
    return b, "en_US"


def hn_aba_bic():
    b = B()
    b.f("What bank is routing number {a}? And is {c} the same bank's SWIFT code? The other routing number was {e}.",
        a=ABA_(aba()), c=BIC_(bic(pick(["GB", "DE"]))), e=ABA_(aba()))
    b.note("ABA routing numbers identify the bank, not the person: unlabelled")
    return b, "en_US"


def hn_fingerprints():
    b = B()
    fp16 = ":".join(hexs(2) for _ in range(16))
    fp32 = ":".join(hexs(2).upper() for _ in range(32))
    b.f("ssh-keygen -l shows MD5:{a}; the TLS cert SHA-256 fingerprint is {c}. Do they match the server?",
        a=FPR(fp16), c=FPR(fp32))
    return b, "en_US"


def hn_crypto_lookalikes():
    b = B()
    b.f("None of these should pass wallet validation: {a} (checksum typo), {c} (mixed case, bad EIP-55), and this tx hash "
        "{e}. Why?", a=BADBTC(bad_btc()), c=BADETH(bad_eth()), e=ETHTX(eth_tx()))
    return b, "en_US"


def hn_ages_durations():
    b = B()
    b.f(pick(["A {a}-year-old with symptoms for {w} weeks; takes ibuprofen every {h} hours. Typical recovery time?",
              "I'm {a} and have been coding for {w} years — too late to switch to ML?",
              "Our SLA is {h} hours; average resolution {w} days; oldest ticket is {a} days old."]),
        a=R.randint(19, 88), w=R.randint(2, 15), h=pick([4, 6, 8, 12]))
    return b, "en_US"


def hn_public_times():
    b = B()
    b.f("The pharmacy opens at {a} and closes at {c}; the last bus leaves at {e}; the webinar for all customers starts at "
        "{f} ET. Make me a schedule.", a=TIMEP(pick(["8:00 AM", "08:30"])), c=TIMEP(pick(["9 PM", "21:00"])),
        e=TIMEP(pick(["23:40", "11:40 PM"])), f=TIMEP(pick(["2 PM", "14:00"])))
    return b, "en_US"


def hn_base64_blobs():
    b = B()
    raw = base64.b64encode(("The quick brown fox jumps over the lazy dog. " * 3).encode()).decode()
    b.f("Decode this base64 and tell me what it is: {a}\nAnd this one: {c}", a=B64(raw),
        c=B64(base64.b64encode(bytes(R.getrandbits(8) for _ in range(33))).decode()))
    return b, "en_US"


def hn_luhn_code_docs():
    b = B()
    b.f("Explain this validator:\n```python\ndef luhn_ok(num: str) -> bool:\n    s = 0\n    for i, ch in enumerate(reversed(num)):\n"
        "        x = int(ch) * (2 if i % 2 else 1)\n        s += x - 9 if x > 9 else x\n    return s % 10 == 0\n\n"
        "assert not luhn_ok(\"{c}\")\n```", c=BADCC(bad_card_digits()))
    return b, "en_US"


# ==============================================================================================
# plan: (template, rows)

PLAN = {
    "obfuscation": [
        (ob_p_email_obf, 19), (ob_p_email_html, 2), (ob_p_email_formbody, 1), (ob_p_email_json_escape, 1),
        (ob_p_zw_card, 4), (ob_p_zw_iban, 2), (ob_p_zw_misc, 8), (ob_p_fullwidth, 6), (ob_p_script_digits, 8),
        (ob_p_spaced_phone, 2), (ob_p_nbsp_phone, 3),
        (ob_n_fullwidth_numbers, 1), (ob_n_zw_bad_iban, 1), (ob_n_arabic_digits, 1), (ob_n_thai_digits, 1),
        (ob_n_entities_social, 1), (ob_n_spaced_digits, 1), (ob_n_masked_obfuscated, 1), (ob_n_percent_decode, 1),
        (ob_n_devanagari_numbers, 1)],
    "boundary": [
        (bd_p_start, 5), (bd_p_end, 5), (bd_p_brackets, 3), (bd_p_card_lengths, 10), (bd_p_iban_country, 8),
        (bd_p_iban_pair, 1), (bd_p_ipv6, 5), (bd_p_ipv4_port, 2), (bd_p_ip_prefix, 2), (bd_p_mac, 3), (bd_p_url, 6),
        (bd_p_phone_ext, 9), (bd_p_datetime, 4), (bd_p_ids_boundaries, 3), (bd_p_crypto_secret, 2), (bd_p_glued, 1),
        (bd_p_adjacent_lists, 1),
        (bd_n_filenames, 1), (bd_n_loopback, 1), (bd_n_versions, 1), (bd_n_bad_values, 1), (bd_n_public_dates, 1),
        (bd_n_fingerprints, 1), (bd_n_masked, 1), (bd_n_codes, 1)],
    "markup": [
        (mk_p_md_bold, 2), (mk_p_md_code, 2), (mk_p_md_link, 3), (mk_p_md_table, 2), (mk_p_html_attr, 2),
        (mk_p_html_table, 2), (mk_p_csv_quotes, 3), (mk_p_pipe_tsv, 2), (mk_p_json_nested, 2), (mk_p_json_slash_escaped, 1),
        (mk_p_yaml, 1), (mk_p_xml, 1), (mk_p_sql_values, 1), (mk_p_vcard, 1), (mk_p_ics, 1),
        (mk_n_md_placeholders, 1), (mk_n_html_template, 1), (mk_n_csv_masked, 1), (mk_n_json_schema, 1),
        (mk_n_yaml_env, 1), (mk_n_xml_ids, 1)],
    "script_glue": [
        (sg_p_ja, 3), (sg_p_ko, 2), (sg_p_zh, 2), (sg_p_th, 2), (sg_p_ar, 2), (sg_p_he, 2), (sg_p_ru, 2), (sg_p_hi, 2),
        (sg_p_bidi_isolates, 1),
        (sg_n_ja, 1), (sg_n_ko, 1), (sg_n_zh, 1), (sg_n_th, 1), (sg_n_ar, 1)],
    "document": [
        (doc_p_discharge, 2), (doc_p_nhs_letter, 3), (doc_p_lab_report, 2), (doc_p_prescription, 2), (doc_p_dental_intake, 2),
        (doc_p_insurance_claim, 2), (doc_p_hr_onboarding, 3), (doc_p_loan_application, 3), (doc_p_rental_application, 2),
        (doc_p_bank_statement, 2), (doc_p_vendor_wire, 3), (doc_p_eu_employment, 2), (doc_p_support_thread, 3),
        (doc_p_support_chat_export, 2), (doc_p_itinerary, 3), (doc_p_conference_reg, 2), (doc_p_legal_letter, 3),
        (doc_p_incident_report, 2), (doc_p_postmortem, 2), (doc_p_kyc_crypto, 2), (doc_p_school_form, 2), (doc_p_crm_export, 2),
        (doc_n_release_notes, 2), (doc_n_company_policy, 1), (doc_n_lab_reference, 1), (doc_n_blank_form, 1),
        (doc_n_api_docs, 1), (doc_n_meeting_minutes, 1), (doc_n_transit, 1), (doc_n_changelog_ids, 1),
        (doc_n_sanitized_incident, 1), (doc_n_financial_report, 1), (doc_n_spec_sheet, 1)],
    "hard_negative": [
        (hn_bad_cards, 3), (hn_bad_iban, 3), (hn_bad_nhs, 2), (hn_bad_ssn, 3), (hn_version_ip, 2), (hn_public_dates, 3),
        (hn_ids_hashes, 2), (hn_placeholders, 2), (hn_env_refs, 1), (hn_masked, 2), (hn_format_specs, 1), (hn_loopback, 1),
        (hn_business_numbers, 2), (hn_aba_bic, 2), (hn_fingerprints, 2), (hn_crypto_lookalikes, 2), (hn_ages_durations, 1),
        (hn_public_times, 1), (hn_base64_blobs, 2), (hn_luhn_code_docs, 2)],
}


def build_rows():
    rows = []
    for cat, plan in PLAN.items():
        for fn, n in plan:
            want_pii = "_p_" in fn.__name__
            for _ in range(n):
                CLOCK.reset()
                b, loc = fn()
                assert bool(b.spans) == want_pii, (fn.__name__, b.text)
                meta = {"category": cat, "template": f"{cat}#{fn.__name__}", "locale": loc}
                if b.notes:
                    meta["note"] = "; ".join(b.notes)
                if cat == "document":
                    meta["utf8_bytes"] = b.nbytes()
                rows.append({"text": b.text, "spans": b.spans, "meta": meta, "_expect": b.expect, "_negs": b.negs,
                             "_json": b.jsonblocks})
    assert len(rows) == 300, len(rows)
    R.shuffle(rows)
    out = []
    for i, r in enumerate(rows, 1):
        out.append({"id": f"ch8-{i:04d}", "text": r["text"], "spans": r["spans"], "label_scope": SCOPE,
                    "meta": r["meta"], "_expect": r["_expect"], "_negs": r["_negs"], "_json": r["_json"]})
    return out


# ==============================================================================================
# self-check

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PUNCT_END = set(".,;:!?)]}>\"'”’»」』）】›。、，！？；：،؛…—")
PUNCT_START = set("([{<\"'“‘«「『（【‹")
TLDS = ("com|net|org|io|dev|de|fr|es|it|nl|pl|jp|kr|tr|vn|in|uk|co|me|app|ai|gov|edu|pt|br|sa|ae|il|eu|info|biz|ch|at|be"
        "|ru|cn|th|top|xyz|travel|online|support|рф")
MONTH_ALT = "|".join(MONTHS + [m[:3] for m in MONTHS])


def check_value(raw, label, kind):
    """None if raw (a canonical value) is valid for label, else a reason."""
    if label == "EMAIL_ADDRESS":
        return None if EMAIL_RE.fullmatch(raw) else "email shape"
    if label == "PHONE_NUMBER":
        s = norm_chars(raw)
        main = EXT_RE.sub("", s)
        if not re.fullmatch(r"[+(]?[\d() .\-/]+", main):
            return "phone chars"
        n = sum(c.isdigit() for c in main)
        return None if 7 <= n <= 15 else f"phone digits {n}"
    if label == "CREDIT_CARD":
        x = re.sub(r"[\s-]", "", raw)
        if not (x.isdigit() and luhn_ok(x) and card_brand(x)):
            return "card luhn/brand"
        groups = re.split(r"[\s-]", raw)
        if len(groups) > 1 and [len(g) for g in groups] != card_groups(len(x)):
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
        ok = re.fullmatch(r"[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}|[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}", raw)
        if ok and re.sub(r"[^0-9a-fA-F]", "", raw).lower() in ("000000000000", "ffffffffffff"):
            return "mac null/broadcast"
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
        if kind == "zw_secret":
            return None if any(re.fullmatch(rx, raw) for rx in SECRET_RES.values()) else "zw secret"
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
            return None if re.fullmatch(r"[a-z][a-z0-9+]*://[^:/\s@]*:[^@\s]+@[^\s]+", raw) else "conn"
        return f"secret kind {kind!r}"
    return f"unknown label {label}"


PLACE_MARKS = ["<", "${", "YOUR", "xxxx", "XXX", "*", "•", "...", "REDACTED", "ending in", "{{", "sk_live_..."]


def check_neg(raw, kind):
    """Registered look-alikes must really be invalid for the label they imitate."""
    x = norm_chars(raw)
    if kind == "card_bad":
        y = re.sub(r"[\s-]", "", x)
        return None if y.isdigit() and 13 <= len(y) <= 19 and not luhn_ok(y) else "card_bad is valid"
    if kind == "iban_bad":
        y = re.sub(r"\s", "", x)
        return None if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", y) and not iban_ok(y) else "iban_bad is valid"
    if kind == "ssn_bad":
        return None if re.fullmatch(r"\d{3}-\d{2}-\d{4}", x) and not ssn_valid(x) else "ssn_bad is valid"
    if kind == "nhs_bad":
        return None if not nhs_ok(x) else "nhs_bad is valid"
    if kind == "btc_bad":
        return None if not b58check_ok(x) and not bech32_ok(x) else "btc_bad is valid"
    if kind == "eth_bad":
        return None if re.fullmatch(r"0x[0-9a-fA-F]{40}", x) and not eth_ok(x) else "eth_bad is valid"
    if kind == "loopback":
        for m in re.findall(r"\d+\.\d+\.\d+\.\d+", x):
            ip = ipaddress.ip_address(m)
            if not (ip.is_loopback or ip.is_unspecified or m.startswith("255.")):
                return "loopback is a host ip"
        if "localhost" in x or re.search(r"\d+\.\d+\.\d+\.\d+", x):
            return None
        return None if x in ("::1", "::/0") or x.startswith("[::1]") else "loopback shape"
    if kind == "ipversion":
        return None if re.fullmatch(r"\d+\.\d+\.\d+\.\d+", x) else "ipversion shape"
    if kind == "oid":
        return None if re.fullmatch(r"\d+(?:\.\d+){5,}", x) else "oid"
    if kind == "isbn":
        return None if isbn_ok(x) and not luhn_ok(x.replace("-", "")) else "isbn"
    if kind == "aba":
        return None if aba_ok(x) else "aba"
    if kind == "bic":
        return None if re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?", x) else "bic"
    if kind == "eth_tx":
        return None if re.fullmatch(r"0x[0-9a-f]{64}", x) else "eth_tx"
    if kind in ("placeholder", "masked"):
        return None if any(m in x for m in PLACE_MARKS) or re.fullmatch(r"\d{4}", x) else "placeholder marker"
    if kind == "uuid":
        return None if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", x) else "uuid"
    if kind == "sha":
        return None if re.fullmatch(r"[0-9a-f]{7,40}", x) else "sha"
    if kind == "fingerprint":
        return None if re.fullmatch(r"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){15,31}", x) else "fingerprint"
    if kind == "isin":
        y = "".join(str(int(c, 36)) for c in x[:-1])
        return None if re.fullmatch(r"[A-Z]{2}[A-Z0-9]{9}\d", x) and luhn_ok(y + x[-1]) else "isin"
    if kind == "filename":
        return None if re.fullmatch(r"[\w.-]+\.(?:py|md|cfg|pdf|ts|txt)", x) else "filename"
    if kind == "format_spec":
        return None if not any(c.isdigit() for c in x) else "format spec has digits"
    return None


def _ip6(s):
    if s.count(":") < 2:
        return None
    try:
        ip = ipaddress.ip_address(s)
    except ValueError:
        return None
    return ip if ip.version == 6 else None


def _host_ip4(m):
    if not all(int(o) <= 255 for o in m.split(".")):
        return False
    ip = ipaddress.ip_address(m)
    return not (ip.is_loopback or ip.is_unspecified or m.startswith("255."))


SCANS = [
    ("email", EMAIL_RE, None),
    ("email_obf", re.compile(r"\((?:at|dot)\)|\[(?:at|dot|@|\.)\]|\{(?:at|dot)\}|&#0*64;|&#x0*40;|&commat;|%40|\\u0040|＠"
                             r"|\b[\w.]+ (?:at|AT) [\w-]+ (?:dot|DOT) [a-z]{2,}", re.I), None),
    ("url", re.compile(r"(?:https?|ftp)://[^\s\"'<>)]+|\bwww\.[^\s\"'<>)]+"), None),
    ("domain", re.compile(r"\b[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:" + TLDS + r")\b"), None),
    ("card", re.compile(r"(?<![\dA-Za-z])\d(?:[ -]?\d){12,18}(?!\d)"),
     lambda m: (lambda x: luhn_ok(x) and card_brand(x) is not None)(re.sub(r"\D", "", m))),
    ("nhs", re.compile(r"(?<![\d])\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)"), lambda m: nhs_ok(m)),
    ("ssn", re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])|(?<![\dA-Za-z])\d{9}(?![\dA-Za-z])"), lambda m: ssn_valid(m)),
    ("iban", re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b"),
     lambda m: iban_ok(m) and IBAN_LEN.get(m[:2]) == len(m.replace(" ", ""))),
    ("ipv4", re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)"), _host_ip4),
    ("ipv6", re.compile(r"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d+\.\d+\.\d+)?(?![\w:])"),
     lambda m: (lambda ip: ip is not None and not ip.is_loopback and not ip.is_unspecified)(_ip6(m))),
    ("mac", re.compile(r"\b[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}\b|\b[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\b"), None),
    ("eth", re.compile(r"(?<![0-9a-fA-Fx])0x[0-9a-fA-F]{40}(?![0-9a-fA-F])"), None),
    ("btc58", re.compile(r"(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])"), lambda m: b58check_ok(m)),
    ("bech32", re.compile(r"(?<![A-Za-z0-9])bc1[02-9ac-hj-np-z]{11,71}(?![A-Za-z0-9])"), lambda m: bech32_ok(m)),
    ("secret", re.compile(r"AKIA[A-Z2-7]{16}|ghp_[A-Za-z0-9]{36}|github_pat_|sk_live_[A-Za-z0-9]{8,}|xox[abposr]-[0-9A-Za-z-]{10,}"
                          r"|AIza[0-9A-Za-z_\-]{35}|eyJ[A-Za-z0-9_\-]+\.eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+"
                          r"|-----BEGIN [A-Z ]*PRIVATE KEY-----|sk-(?:proj-|ant-)?[A-Za-z0-9_\-]{20,}"
                          r"|://[^\s:/@]+:[^\s@/]+@|(?i:password)\s*[=:]\s*\S{6,}|Bearer [A-Za-z0-9._\-]{20,}"), None),
    ("phone_nanp", re.compile(r"(?<![\d+])(?:\+?1[ .-]?)?\(?[2-9]\d{2}\)?[ .-]?[2-9]\d{2}[ .-]\d{4}(?!\d)"), None),
    ("phone_intl", re.compile(r"(?<![\w+])\+\d{1,3}[ .-]?(?:\(0?\d{0,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,5}){1,4}(?!\d)"), None),
    ("date", re.compile(r"\b(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])\b"
                        r"|\b(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:19|20)\d{2}\b"
                        r"|\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:19|20)?\d{2}\b"
                        r"|\b(?:" + MONTH_ALT + r")\.? \d{1,2}\b|\b\d{1,2} (?:" + MONTH_ALT + r")\b"
                        r"|\d{4}年\d{1,2}月|\d{4}년 \d{1,2}월", re.IGNORECASE), None),
]


def normalized_with_map(text):
    out, where = [], []
    for i, c in enumerate(text):
        n = norm_chars(c)
        for x in n:
            out.append(x)
            where.append(i)
    return "".join(out), where


def ends_in_entity(v):
    return re.search(r"&#?\w+;$", v) is not None


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
        assert set(s["label"] for s in spans) <= set(SCOPE), rid
        prev = 0
        for s, (surf, lab, kind, raw, canon) in zip(spans, r["_expect"]):
            st, en = s["start"], s["end"]
            assert 0 <= st < en <= len(text), (rid, s)
            assert st >= prev, (rid, "overlap", s)
            prev = en
            v = text[st:en]
            assert v == surf and s["label"] == lab, (rid, v, surf, lab)
            assert not v[0].isspace() and not v[-1].isspace(), (rid, "whitespace edge", v)
            assert not is_cf(v[0]) and not is_cf(v[-1]), (rid, "invisible edge", v)
            end_ok = (v[-1] not in PUNCT_END or (lab == "URL" and v[-1] == ")" and v.count("(") == v.count(")"))
                      or (lab == "EMAIL_ADDRESS" and ends_in_entity(v)))
            assert end_ok, (rid, "trailing punctuation", v)
            assert v[0] not in PUNCT_START or (lab == "PHONE_NUMBER" and v[0] == "("), (rid, "leading punct", v)
            # the surface is raw, possibly JSON-escaped (one or more times) by embedding
            x = v
            for _ in range(3):
                if x == raw:
                    break
                x = json.loads("\"" + x + "\"")
            assert x == raw, (rid, v, raw)
            if canon != raw:
                src = json.loads("\"" + raw + "\"") if kind == "json_escaped" else raw
                assert deobf(src, lab) == canon, (rid, lab, kind, raw, deobf(src, lab), canon)
            err = check_value(canon, lab, kind)
            assert err is None, (rid, lab, kind, canon, err)
        for st, en, kind, raw in r["_negs"]:
            assert text[st:en] == raw or json.loads("\"" + text[st:en] + "\"") == raw, (rid, kind, raw)
            err = check_neg(raw, kind)
            assert err is None, (rid, kind, raw, err)
            if kind not in ("aba", "card_bad", "iban_bad", "ssn_bad", "nhs_bad", "btc_bad", "eth_bad"):
                nraw = norm_chars(raw)
                for name, rx, valid in SCANS:
                    if name in ("card", "nhs", "ssn", "iban", "btc58", "bech32"):
                        for m in rx.finditer(nraw):
                            a_, z_ = m.start(), m.end()
                            if (a_ and nraw[a_ - 1].isalnum()) or (z_ < len(nraw) and nraw[z_].isalnum()):
                                continue  # a digit run inside a longer alphanumeric token (hash, base64)
                            assert not valid(m.group(0)), (rid, kind, raw, name)
        for st, en in r["_json"]:
            json.loads(text[st:en])
        if r["meta"]["category"] == "document":
            nb = len(text.encode("utf-8"))
            assert DOC_MIN <= nb <= DOC_MAX, (rid, r["meta"]["template"], nb)
            if spans:
                assert 5 <= len(spans) <= 15, (rid, r["meta"]["template"], len(spans))
        # leak scan of the unlabelled text, after de-obfuscation (offsets mapped back)
        gold = [(s["start"], s["end"]) for s in spans]
        negs = [(st, en) for st, en, _, _ in r["_negs"]]
        ntext, where = normalized_with_map(text)
        for name, rx, valid in SCANS:
            for m in rx.finditer(ntext):
                if m.end() == m.start():
                    continue
                a, z = where[m.start()], where[m.end() - 1] + 1
                if any(gs < z and a < ge for gs, ge in gold):
                    continue
                if any(ns < z and a < ne for ns, ne in negs):
                    continue
                if valid is not None and not valid(m.group(0)):
                    continue
                problems.append((rid, r["meta"]["template"], name, m.group(0), text[max(0, a - 40):z + 20]))
    if problems:
        for p in problems[:80]:
            print("LEAK-SCAN", p, file=sys.stderr)
        raise SystemExit(f"{len(problems)} unlabelled look-alikes found")
    return True


def stats(rows):
    c = Counter(s["label"] for r in rows for s in r["spans"])
    return c, sum(1 for r in rows if not r["spans"])


def main():
    rows = build_rows()
    check(rows)
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "challenge8.jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({k: v for k, v in r.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")
    c, n_clean = stats(rows)
    iban_cc = {norm_chars(r["text"][s["start"]:s["end"]])[:2] for r in rows for s in r["spans"] if s["label"] == "IBAN_CODE"}
    assert len(iban_cc) >= 15, sorted(iban_cc)
    docs = [r for r in rows if r["meta"]["category"] == "document"]
    print(f"wrote {len(rows)} rows ({n_clean} without PII), {sum(c.values())} spans to {path}", file=sys.stderr)
    print(f"  document rows: {len(docs)} ({sum(1 for r in docs if not r['spans'])} PII-free), "
          f"{min(r['meta']['utf8_bytes'] for r in docs)}-{max(r['meta']['utf8_bytes'] for r in docs)} bytes", file=sys.stderr)
    for cat in PLAN:
        rs = [r for r in rows if r["meta"]["category"] == cat]
        print(f"  {cat:16s} {len(rs):4d} rows, {sum(1 for r in rs if not r['spans']):3d} PII-free, "
              f"{sum(len(r['spans']) for r in rs):4d} spans", file=sys.stderr)
    for lab in SCOPE:
        print(f"  {lab:24s} {c.get(lab, 0)}", file=sys.stderr)
    print(f"  IBAN countries: {len(iban_cc)} ({' '.join(sorted(iban_cc))})", file=sys.stderr)
    print("self-check passed", file=sys.stderr)


if __name__ == "__main__":
    main()
