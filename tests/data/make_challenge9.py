#!/usr/bin/env python3
"""Challenge set 9: personal vs public dates, identifiers in everyday assistant prompts, phones vs look-alike numbers.

Written blind to the detector (no detector code, tests or predictions were read), from /work/shared/eval/TAXONOMY.md
(label rules), README.md / DESIGN.md (row format) and score.py (code-point offsets, label_scope) only; the templates,
phrasings and documents are new (not the dev corpus' templates, not earlier challenge sets' themes). Stdlib only, fixed
seed, deterministic:

    python3 tests/data/make_challenge9.py            # writes tests/data/challenge9.jsonl (300 rows, ids ch9-0001..)

Rows: {"id", "text", "spans": [{"start", "end", "label"}], "label_scope": [17 labels], "meta": {"category", "template",
"locale", "pii_free", "note"?}}. Offsets are code points (Python str indices), end exclusive. Every row has label_scope =
all structured labels (EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, IBAN_CODE, US_SSN, US_PASSPORT, US_DRIVER_LICENSE,
US_BANK_NUMBER, IP_ADDRESS, MAC_ADDRESS, URL, DATE_TIME, MEDICAL_RECORD_NUMBER, HEALTH_PLAN_ID, CRYPTO, UK_NHS, SECRET):
names, addresses and organisations occur in the text but are out of scope (neither gold nor penalised). meta.note states
the labelling decision that matters for the row.

Themes (meta.category)
  1. dates_personal_public (95 rows): the hardest label, DATE_TIME, in realistic prose that mixes personal and public
     dates in the same text: appointment reminders, e-tickets and booking confirmations, offer / HR letters, clinic notes,
     a solicitor's letter, school notices, customer-service replies, a bank statement, an insurance letter, an .ics
     invite, sick-leave e-mails, a forwarded support thread and a relocation checklist (1.5-2 KB), chatty trip questions
     ("my flight is on the 12th"), plus PII-free release notes, history quizzes / timelines, post-mortems with system
     timestamps and statutory-deadline lists. English (US and UK conventions) and German, French, Spanish, Italian,
     Portuguese, Dutch, Polish, Japanese (8 templates per language, incl. Reiwa-era dates, 午後2時30分, 14h30, 14.30 uur,
     "Uhr", 1er / 1º, Polish genitive months).
  2. identifiers (95 rows): structured values in questions people ask an assistant ("is this IBAN valid?", "format this
     number", "why was my card declined", "is this JWT expired?"), translation requests, e-mail summaries, fixed-width
     exports, key: value forms, pipe rows without header, semicolon CSV, tab-separated payroll sheets, SQL INSERT / UPDATE,
     JSON and YAML fixtures, pytest files, a JS config literal, a .env file, an HTTP form POST, URLs with query strings.
  3. phones (50 rows): numbers of ~30 countries in national and international formats, with and without any phone
     keyword (bare contact lists, business cards in Japanese / Korean / Chinese, signatures), with extensions and exit
     codes, next to look-alikes: order / invoice / PO / tracking / customer numbers, epoch-millisecond timestamps, amounts
     and balances, postcodes, EAN / ISBN, serial numbers, company registration and VAT numbers.
  4. hard_negatives (45 rows, all PII-free): changelogs, a Kubernetes manifest, financial and operations reports (up to
     2 KB), masked values, checksum-invalid look-alikes, placeholders / env references, git logs, hashes / UUIDs /
     fingerprints, anonymous clinical questions, network configs (netmask, loopback, CIDR, OIDs, IPv4-shaped versions),
     a B2B invoice, public timetables / agendas / store hours, ABA routing numbers and BICs, large integers, SQL DDL.
  5. example_values (15 rows): documentation / test values (see decisions) and PII-free format specifications.
  79 rows (26 %) carry no PII at all; 150 template ids (94 template functions, the multilingual ones written per
  language); texts are 70 B to 1.9 KB.

Labelling decisions where TAXONOMY.md is silent (every date-, time- and number-shaped string in the text was decided
explicitly: it is either a gold span or a registered negative, and the self-check fails on anything else)
  DATE_TIME
  * Personal = the date or time of an event in an identifiable individual's life or dealings: birth; appointment / visit
    (incl. DTSTART / DTEND of a personal calendar event); clinical events (onset, tests, procedures, follow-ups);
    admission / discharge; travel (departure / arrival times, entry / exit dates, the guest's hotel check-in / check-out
    dates and own arrival time); interview, hire / start, probation end, sick leave; personal transactions (purchase,
    payment, payout, card activation, order placed / dispatched / delivered, the delivery window of this person's
    parcel); cover start / renewal of this person's insurance policy, an incident / claim and the adjuster's visit; a
    named party's tenancy events and court hearing; private events organised by or for specific people (a birthday
    party, a climbing trip with two friends); a person's stated availability for a visit ("ich bin ab 17 Uhr zu Hause").
  * Deadlines: a deadline set for this individual (return the contract by, vacate by, receipts for her accountant by, her
    car's MOT expiry, first pay date into the new account) is personal; deadlines that apply to everyone (tax returns,
    statutory payments, company-wide planning deadlines) are not, even when the writer says "my".
  * Not personal: public holidays; opening / office / visiting / hotline / store hours, the hotel's standard check-in /
    check-out and breakfast hours, timetables and agendas; release / end-of-life / sunset dates; laws, regulations,
    guideline publications, campaign starts, policy / fare / price effective dates; fiscal, report and statement periods,
    "as of" balance dates and document production times; log, system, ticket, commit and record-keeping timestamps
    (created_at, angelegt_am, DTSTAMP, "Issued electronically ..."); e-mail header dates ("Sent:", "Date:", "On ..., X
    wrote:") as message metadata; asset dates (device purchase); events of an institution or group as a whole (class
    trip, school closure, half term, team offsite, AGM, change freeze, B2B invoice dates); example dates in regex /
    format questions; schema constants; recurring schedules ("on the 1st of each month", "every Tuesday 2-4 pm");
    relative dates, durations, ages and years on their own.
  * Partial dates count when personal: day of month alone ("on the 12th" -> span "12th", article outside), day + month
    without year, German "24.12." (the final dot belongs to the date). A weekday attached to a date is part of the span
    ("Tuesday, 14 March", "Mo., 4. Mai 2026", "vendredi 14 mars"); the Japanese bracketed weekday "（金）" is outside.
  * A date and a time separated by a space or a word ("at", "um", "à", "alle", "o godz.", "às", "a las") are two spans;
    glued forms (2025-03-14T09:30, 20251218T080000, SQL '2025-06-13 13:15:00') are one span. The two ends of a time window
    ("between 8am and 12pm", "zwischen 9 Uhr und 13 Uhr") are two spans. Time markers are inside the time span (AM / PM,
    a.m., "Uhr", "uur", "h" as in 14h30 / 9 h 10, 午前 / 午後, 時 / 分); leading prepositions are outside.
  Other labels
  * E-mail addresses, phone / fax numbers, URLs and IPs are labelled whoever they belong to (company switchboards,
    support addresses, company websites in signatures): TAXONOMY restricts only DATE_TIME to personal values.
  * Reserved example values are labelled by form, because TAXONOMY's placeholder exemption covers non-values only:
    example.com / .org / .net addresses and URLs, 555-01xx numbers, Ofcom drama numbers (020 7946 0xxx), RFC 5737 /
    3849 documentation IPs, the IANA documentation MAC block 00:00:5E:00:53:xx, well-known test PANs (4242..., 4111...,
    5555 5555 5555 4444) and documented example IBANs (they pass Luhn / mod-97). They sit only in category
    "example_values" (11 rows) so they can be sliced out. Generated values elsewhere avoid them.
  * Placeholders and non-values are unlabelled: YOUR_API_KEY, sk-xxxx, sk_live_xxxx, ${VAR}, ${{ secrets.X }},
    {{ .Values.x }}, <REDACTED>, ********, format masks (+1 (XXX) XXX-XXXX, ___-__-____, DD/MM/YYYY, DEkk bbbb ...,
    sk-...), a PEM stub with "..." as body, Kubernetes secretKeyRef, $API_TOKEN / os.environ[...] references.
  * Masked values (•••• 1234, ***-**-1234, XXXX-XXXX-XXXX-1234, DE** ... 12, j***@g***.com) and checksum-invalid
    look-alikes (Luhn, IBAN mod-97, NHS mod-11, SSN area 000 / 666 / 9xx or group 00 (ITIN-like 9xx included),
    broken Base58Check, a 39-hex "0x" string) are unlabelled.
  * URL: the whole URL is one span, query string included; values inside it (an e-mail, a date, a surname) are not split
    out. A URL whose query string carries an API key is labelled SECRET as a whole (by analogy with TAXONOMY's "URL with
    embedded credentials -> SECRET"). Bare host names (an HTTP Host header, SMTP_HOST=smtp.x.io) are not URLs;
    "www.domain.tld" alone is. In a form body without host (a=1&email=...), each value is its own span and the
    %-encoded surface is the span (x%40y.com; %2B4416...).
  * E-mail: mailto: and angle brackets are outside the span. SECRET: the value only (not the KEY= name); a connection
    string with user:password@ is one span; password values (SMTP_PASSWORD=...) are SECRET.
  * Phones: an extension or switchboard suffix is inside the span (" ext. 214", " x204", " Durchwahl 12", "-47"), as are
    an international exit code written before the number ("011 49 30 ...", "00 44 161 ...") and "+44 (0)20". National
    formats with no phone keyword (bare contact lists) are labelled.
  * Non-labels kept as hard negatives: order / invoice / PO / customer / booking / claim / ticket / tracking / shipment
    numbers, epoch-ms timestamps, amounts and balances, postcodes, EAN / ISBN, device serials, company registration /
    VAT / SIRET / KvK / NIP / ABN / EIN numbers, ABA routing numbers, BICs, health-plan group numbers, home-insurance
    policy numbers, employee ids, CVE ids, OIDs, IPv4-shaped build numbers, CIDR prefixes, netmask, loopback, 0.0.0.0,
    UUIDs, hashes, GPG fingerprints, git SHAs. Each generated look-alike is checked not to be a valid card (Luhn +
    issuer), NHS number or ABA / SSN-shaped by accident.
  * US context labels (US_SSN, US_PASSPORT, US_DRIVER_LICENSE, US_BANK_NUMBER) appear only in explicit context (SSN:,
    passport no., driver license + state, checking / bank account number); no non-US domestic account numbers are used.
  * Valid values inside code, tests and fixtures are labelled (a valid value is a valid value wherever it is).

Self-checks (run on every generation; an assertion fails the script): spans sorted, in bounds, non-overlapping, never
starting / ending on whitespace or trailing punctuation, text[start:end] equal to the intended value; every gold value
passes its label's validator (Luhn + issuer prefix / length, IBAN mod-97 + per-country length with BBAN structure and
the Belgian / Dutch / French national checks, SSN ranges, NHS mod-11, Base58Check / bech32 / bech32m / lowercase 0x+40
hex, MBI character classes, ABA checksum for the routing numbers, secret formats); every registered negative of a
checked kind is verifiably invalid / masked; and a scan of the text outside gold spans and registered negatives finds no
e-mail, URL, key-shaped token, MAC, host IPv4 / IPv6, valid card / IBAN / NHS / dashed SSN, run of 7+ digits, or
date- / time-shaped string (numeric dates, ISO, times, month names of the 9 languages, 年月日 / 時). 300 rows, >= 60
templates, 22-30 % PII-free, no duplicate texts.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import os
import random
import re
import sys
import base64

SEED = 20250909
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "challenge9.jsonl")
N_ROWS = 300
SCOPE = ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "US_PASSPORT", "US_DRIVER_LICENSE",
         "US_BANK_NUMBER", "IP_ADDRESS", "MAC_ADDRESS", "URL", "DATE_TIME", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID",
         "CRYPTO", "UK_NHS", "SECRET"]


# =========================================================================== text builder
class G:
    """A gold value: text + label."""
    __slots__ = ("v", "label")

    def __init__(self, v, label):
        assert label in SCOPE, label
        self.v, self.label = v, label


class N:
    """A registered negative: text that looks like PII / a date but is deliberately not labelled."""
    __slots__ = ("v", "kind")

    def __init__(self, v, kind="misc"):
        self.v, self.kind = v, kind


class B:
    def __init__(self):
        self.parts, self.n, self.spans, self.negs = [], 0, [], []

    def t(self, s):
        assert isinstance(s, str), s
        self.parts.append(s)
        self.n += len(s)
        return self

    def g(self, s, label):
        st = self.n
        self.t(s)
        self.spans.append((st, self.n, label, s))
        return self

    def x(self, s, kind="misc"):
        st = self.n
        self.t(s)
        self.negs.append((st, self.n, kind, s))
        return self

    def put(self, val):
        if isinstance(val, str):
            self.t(val)
        elif isinstance(val, G):
            self.g(val.v, val.label)
        elif isinstance(val, N):
            self.x(val.v, val.kind)
        elif isinstance(val, (list, tuple)):
            for v in val:
                self.put(v)
        else:
            raise TypeError(repr(val))
        return self

    def f(self, tpl, **kw):
        used = set()
        pos = 0
        for m in re.finditer(r"<<(\w+)>>", tpl):
            self.t(tpl[pos:m.start()])
            self.put(kw[m.group(1)])
            used.add(m.group(1))
            pos = m.end()
        self.t(tpl[pos:])
        unused = set(kw) - used
        assert not unused, f"unused slots {unused} in template {tpl[:60]!r}"
        return self

    def text(self):
        return "".join(self.parts)


# =========================================================================== validators
def luhn_ok(d: str) -> bool:
    if not d.isdigit():
        return False
    s = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        s += n
    return s % 10 == 0


def luhn_complete(partial: str) -> str:
    for c in "0123456789":
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


def card_brand(d: str):
    L = len(d)
    if d[0] == "4" and L in (13, 16, 19):
        return "visa"
    if (51 <= int(d[:2]) <= 55 or 222100 <= int(d[:6]) <= 272099) and L == 16:
        return "mastercard"
    if d[:2] in ("34", "37") and L == 15:
        return "amex"
    if (d[:4] == "6011" or d[:2] == "65" or 644 <= int(d[:3]) <= 649) and L in (16, 19):
        return "discover"
    if 3528 <= int(d[:4]) <= 3589 and L in (16, 19):
        return "jcb"
    if d[:2] in ("36", "38") and L == 14:
        return "diners"
    if d[:2] == "62" and L in (16, 19):
        return "unionpay"
    if d[:4] in ("5018", "5020", "5038", "6304", "6759", "6761", "6763") and 12 <= L <= 19:
        return "maestro"
    return None


TEST_PANS = {"4111111111111111", "4242424242424242", "4012888888881881", "5555555555554444", "5105105105105100",
             "378282246310005", "371449635398431", "6011111111111117", "6011000990139424", "3530111333300000",
             "3566002020360505", "30569309025904", "38520000023237", "4000056655665556", "5200828282828210",
             "4222222222222", "4000000000000002", "2223003122003222", "6200000000000005"}


def card_valid(surface: str) -> bool:
    d = re.sub(r"[ \-]", "", surface)
    return d.isdigit() and luhn_ok(d) and card_brand(d) is not None


IBAN_SPEC = {  # country: BBAN structure (count+type; n digit, a upper letter, c upper alnum)
    "AT": "5n11n", "BE": "3n7n2n", "CH": "5n12c", "CZ": "4n6n10n", "DE": "8n10n", "DK": "4n9n1n", "EE": "2n2n11n1n",
    "ES": "4n4n2n10n", "FI": "3n11n", "FR": "5n5n11n2n", "GB": "4a6n8n", "GR": "3n4n16c", "HR": "7n10n",
    "HU": "3n4n1n15n1n", "IE": "4a6n8n", "IT": "1a5n5n12c", "LT": "5n11n", "LU": "3n13c", "LV": "4a13c",
    "NL": "4a10n", "NO": "4n6n1n", "PL": "8n16n", "PT": "4n4n11n2n", "RO": "4a16c", "SE": "3n16n1n",
    "SI": "5n8n2n", "SK": "4n6n10n", "TR": "5n1n16c", "SA": "2n18c", "AE": "3n16n", "BR": "8n5n10n1a1c",
    "MT": "4a5n18c", "CY": "3n5n16c", "IS": "4n2n6n10n", "BG": "4a4n2n8c",
}
IBAN_LEN = {cc: 4 + sum(int(n) for n in re.findall(r"(\d+)[nac]", spec)) for cc, spec in IBAN_SPEC.items()}
BANK_LETTERS = {"GB": ["NWBK", "BARC", "HBUK", "LOYD", "MIDL", "NAIA", "SRLG", "MONZ"],
                "IE": ["AIBK", "BOFI", "IPBS", "ULSB"], "NL": ["ABNA", "INGB", "RABO", "TRIO", "SNSB", "BUNQ", "KNAB"],
                "LV": ["HABA", "UNLA", "PARX"], "RO": ["BTRL", "RNCB", "BRDE", "INGB"], "MT": ["MALT", "VALL"],
                "BG": ["BNBG", "UNCR", "STSA"]}
DOC_IBANS = {"DE89370400440532013000", "GB82WEST12345698765432", "GB29NWBK60161331926819",
             "FR1420041010050500013M02606", "NL91ABNA0417164300", "ES9121000418450200051332", "IT60X0542811101000000123456",
             "CH9300762011623852957", "BE68539007547034", "AT611904300234573201", "PL61109010140000071219812874"}


def iban_mod97(s: str) -> int:
    s = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in s)) % 97


def iban_valid(surface: str) -> bool:
    s = surface.replace(" ", "")
    return (len(s) >= 15 and s[:2] in IBAN_LEN and len(s) == IBAN_LEN[s[:2]] and s[2:4].isdigit()
            and re.fullmatch(r"[A-Z0-9]+", s) is not None and iban_mod97(s) == 1)


def group4(s: str) -> str:
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def ssn_valid(surface: str) -> bool:
    d = re.sub(r"[ \-]", "", surface)
    if not re.fullmatch(r"\d{9}", d):
        return False
    a, g, s = int(d[:3]), int(d[3:5]), int(d[5:])
    return a not in (0, 666) and a < 900 and g != 0 and s != 0 and d not in ("123456789", "078051120", "219099999")


def nhs_check(d9: str):
    s = sum(int(c) * (10 - i) for i, c in enumerate(d9))
    r = 11 - s % 11
    if r == 11:
        return 0
    if r == 10:
        return None
    return r


def nhs_valid(surface: str) -> bool:
    d = re.sub(r"[ \-]", "", surface)
    return bool(re.fullmatch(r"\d{10}", d)) and nhs_check(d[:9]) == int(d[9])


def aba_valid(d: str) -> bool:
    return bool(re.fullmatch(r"\d{9}", d)) and sum(int(c) * w for c, w in zip(d, [3, 7, 1] * 3)) % 10 == 0


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(b: bytes) -> str:
    n = int.from_bytes(b, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(b) - len(b.lstrip(b"\0"))
    return "1" * pad + out


def b58decode(s: str) -> bytes:
    n = 0
    for ch in s:
        n = n * 58 + B58.index(ch)
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    pad = len(s) - len(s.lstrip("1"))
    return b"\0" * pad + body


def dsha(b: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(b).digest()).digest()


BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def bech32_hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def convertbits(data, frombits, tobits, pad=True):
    acc = bits = 0
    ret = []
    maxv = (1 << tobits) - 1
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            ret.append((acc >> bits) & maxv)
    if pad and bits:
        ret.append((acc << (tobits - bits)) & maxv)
    return ret


def bech32_encode(hrp, witver, prog: bytes):
    const = 1 if witver == 0 else 0x2bc830a3
    data = [witver] + convertbits(prog, 8, 5)
    pm = bech32_polymod(bech32_hrp_expand(hrp) + data + [0] * 6) ^ const
    chk = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH[d] for d in data + chk)


def crypto_valid(s: str) -> bool:
    if re.fullmatch(r"0x[0-9a-f]{40}", s):
        return s != "0x" + "0" * 40
    if s.startswith("bc1"):
        hrp, data = "bc", [BECH.index(c) for c in s[3:]]
        pm = bech32_polymod(bech32_hrp_expand(hrp) + data)
        return (data[0] == 0 and pm == 1) or (data[0] == 1 and pm == 0x2bc830a3)
    if re.fullmatch(r"[13][1-9A-HJ-NP-Za-km-z]{25,34}", s):
        raw = b58decode(s)
        return len(raw) == 25 and dsha(raw[:21])[:4] == raw[21:] and raw[0] in (0, 5)
    return False


MBI_LET = "ACDEFGHJKMNPQRTUVWXY"


def mbi_valid(s: str) -> bool:
    s = s.replace("-", "")
    if len(s) != 11:
        return False
    an = MBI_LET + "0123456789"
    cls = ["123456789", MBI_LET, an, "0123456789", MBI_LET, an, "0123456789", MBI_LET, MBI_LET, "0123456789",
           "0123456789"]
    return all(c in k for c, k in zip(s, cls))


def ip_host(s: str) -> bool:
    try:
        a = ipaddress.ip_address(s)
    except ValueError:
        return False
    return not (a.is_loopback or a.is_unspecified or str(a) in ("255.255.255.0", "255.255.0.0", "255.0.0.0",
                                                                  "255.255.255.255"))


MAC_RE = re.compile(r"(?:[0-9A-Fa-f]{2}([:-]))(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s\"'<>()\[\]{}`]*[^\s\"'<>()\[\]{}`.,;:!?]")

SECRET_RES = [
    re.compile(r"AKIA[A-Z2-7]{16}"), re.compile(r"[A-Za-z0-9/+]{40}"), re.compile(r"ghp_[A-Za-z0-9]{36}"),
    re.compile(r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}"), re.compile(r"sk-(?:proj-)?[A-Za-z0-9_-]{40,}"),
    re.compile(r"xox[bpa]-\d+-\d+-[A-Za-z0-9-]+"), re.compile(r"[sr]k_live_[A-Za-z0-9]{24,}"),
    re.compile(r"AIza[A-Za-z0-9_-]{35}"), re.compile(r"eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+"),
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----\n(?:[A-Za-z0-9+/=]+\n)+-----END [A-Z ]*PRIVATE KEY-----"),
    re.compile(r"[a-z][a-z0-9+]*://[^:/@\s]+:[^@\s]+@[^\s]+"),  # URL / connection string with credentials
    re.compile(r"(?:Server|Host|Data Source)=[^;]+;.*(?:Password|Pwd)=[^;]+;?.*", re.I),
    re.compile(r"hf_[A-Za-z0-9]{34}"), re.compile(r"glpat-[A-Za-z0-9_-]{20}"), re.compile(r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}"),
    re.compile(r"npm_[A-Za-z0-9]{36}"),
    re.compile(r"https?://\S+[?&](?:key|api_key|apikey|token|access_token)=(?:AIza|sk-|ghp_|xox)[\w-]+\S*"),
]


def secret_shape(s: str) -> bool:
    return any(r.fullmatch(s) for r in SECRET_RES)


def password_like(s: str) -> bool:
    # password values: 8-40 printable chars, no whitespace, at least 3 of 4 char classes, not a placeholder
    if not (8 <= len(s) <= 40) or re.search(r"\s", s):
        return False
    classes = sum(bool(re.search(p, s)) for p in (r"[a-z]", r"[A-Z]", r"\d", r"[^A-Za-z0-9]"))
    return classes >= 3 and not re.search(r"(?i)xxx|your|changeme|placeholder|example|\$\{|<|>", s)


PHONE_CHARS = re.compile(r"[+(\d][\d ()\-./\u00a0]*\d(?:\s?(?:ext\.?|x|Durchwahl|poste|int\.)\s?\d{1,5})?")


def phone_valid(s: str) -> bool:
    s = s.replace("%2B", "+")
    if not PHONE_CHARS.fullmatch(s):
        return False
    core = re.split(r"\s?(?:ext\.?|x|Durchwahl|poste|int\.)\s?\d", s)[0]
    nd = sum(c.isdigit() for c in core)
    return 7 <= nd <= 17  # 17 allows an international exit code "00"/"011" before a 15-digit number


def dl_valid(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Z0-9][A-Z0-9 \-*]{5,20}[A-Z0-9]", s)) and (sum(c.isdigit() for c in s) >= 5 or s.startswith("WDL"))


VALIDATORS = {
    "EMAIL_ADDRESS": lambda s: EMAIL_RE.fullmatch(s.replace("%40", "@").replace("%2B", "+")) is not None,
    "PHONE_NUMBER": phone_valid,
    "CREDIT_CARD": card_valid,
    "IBAN_CODE": iban_valid,
    "US_SSN": ssn_valid,
    "US_PASSPORT": lambda s: re.fullmatch(r"\d{9}|[A-Z]\d{8}", s) is not None,
    "US_DRIVER_LICENSE": dl_valid,
    "US_BANK_NUMBER": lambda s: re.fullmatch(r"\d{8,17}", s) is not None,
    "IP_ADDRESS": ip_host,
    "MAC_ADDRESS": lambda s: MAC_RE.fullmatch(s) is not None,
    "URL": lambda s: re.fullmatch(r"(?:https?://|ftp://|www\.)[^\s]+", s) is not None and not s.endswith((".", ",", ")", ";", "'", '"')),
    "DATE_TIME": lambda s: re.search(r"\d", s) is not None,
    "MEDICAL_RECORD_NUMBER": lambda s: re.fullmatch(r"[A-Z0-9][A-Z0-9\-/]{4,16}[A-Z0-9]", s) is not None and sum(c.isdigit() for c in s) >= 5,
    "HEALTH_PLAN_ID": lambda s: (mbi_valid(s) or re.fullmatch(r"[A-Z0-9][A-Z0-9\-]{6,18}[A-Z0-9]", s) is not None) and sum(c.isdigit() for c in s) >= 5,
    "CRYPTO": crypto_valid,
    "UK_NHS": nhs_valid,
    "SECRET": lambda s: secret_shape(s) or password_like(s),
}


# =========================================================================== value generators
class V:
    """Value generators bound to one RNG."""

    def __init__(self, rng: random.Random):
        self.r = rng
        self.i = 0  # instance number of the template (selects its variant)

    # ---- generic
    def digits(self, n, first="123456789"):
        r = self.r
        return r.choice(first) + "".join(r.choice("0123456789") for _ in range(n - 1))

    def alnum(self, n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def hexs(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def safe_number(self, n, first="123456789"):
        """An n-digit number that is not Luhn-valid (n >= 12), not an NHS-valid 10-digit, not an ABA-valid 9-digit."""
        while True:
            d = self.digits(n, first)
            if n >= 12 and luhn_ok(d):
                continue
            if n == 10 and nhs_valid(d):
                continue
            if n == 9 and (aba_valid(d) or ssn_valid(d)):
                continue
            return d

    # ---- cards
    def card(self, brand=None, sep=None):
        r = self.r
        brand = brand or r.choice(["visa", "visa", "visa", "mastercard", "mastercard", "amex", "discover", "jcb",
                                   "diners", "unionpay", "mastercard2"])
        while True:
            if brand == "visa":
                p, L = "4", 16
            elif brand == "mastercard":
                p, L = r.choice(["51", "52", "53", "54", "55"]), 16
            elif brand == "mastercard2":
                p, L = str(r.randint(2221, 2720)), 16
            elif brand == "amex":
                p, L = r.choice(["34", "37"]), 15
            elif brand == "discover":
                p, L = r.choice(["6011", "65", str(r.randint(644, 649))]), 16
            elif brand == "jcb":
                p, L = str(r.randint(3528, 3589)), 16
            elif brand == "diners":
                p, L = "36", 14
            elif brand == "unionpay":
                p, L = "62" + str(r.randint(2126, 2925)), 16
            else:
                raise ValueError(brand)
            d = luhn_complete(p + "".join(r.choice("0123456789") for _ in range(L - len(p) - 1)))
            if card_valid(d) and d not in TEST_PANS:
                break
        sep = sep if sep is not None else r.choice([" ", " ", "-", ""])
        if not sep:
            return d
        if L == 15:
            g = [d[:4], d[4:10], d[10:]]
        elif L == 14:
            g = [d[:4], d[4:10], d[10:]]
        else:
            g = [d[i:i + 4] for i in range(0, L, 4)]
        return sep.join(g)

    def card_invalid(self, sep=" "):
        r = self.r
        while True:
            d = r.choice(["4", "5" + r.choice("12345"), "37"]) + self.digits(14, "0123456789")
            d = d[:16]
            if not luhn_ok(d):
                break
        return sep.join(d[i:i + 4] for i in range(0, 16, 4)) if sep else d

    # ---- IBAN
    def iban(self, cc=None, grouped=None):
        r = self.r
        cc = cc or r.choice(list(IBAN_SPEC))
        spec = IBAN_SPEC[cc]
        while True:
            bban = ""
            for n, kind in re.findall(r"(\d+)([nac])", spec):
                n = int(n)
                if kind == "a" and cc in BANK_LETTERS and not bban:
                    bban += r.choice(BANK_LETTERS[cc])[:n]
                elif kind == "a":
                    bban += "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))
                elif kind == "n":
                    bban += "".join(r.choice("0123456789") for _ in range(n))
                else:
                    bban += "".join(r.choice("0123456789" * 3 + "ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))
            if cc == "BE":  # national check: last 2 = first 10 mod 97
                k = int(bban[:10]) % 97 or 97
                bban = bban[:10] + f"{k:02d}"
            if cc == "NL":  # elfproef on the 10-digit account
                acct = bban[4:]
                if sum(int(c) * w for c, w in zip(acct, range(10, 0, -1))) % 11:
                    continue
            if cc == "FR":  # RIB key
                b, g, a = int(bban[:5]), int(bban[5:10]), int(bban[10:21])
                key = 97 - ((89 * b + 15 * g + 3 * a) % 97)
                bban = bban[:21] + f"{key:02d}"
            chk = 98 - iban_mod97(cc + "00" + bban)
            s = f"{cc}{chk:02d}{bban}"
            if iban_valid(s) and s not in DOC_IBANS:
                break
        grouped = r.random() < 0.55 if grouped is None else grouped
        return group4(s) if grouped else s

    def iban_invalid(self, cc=None, grouped=None):
        s = self.iban(cc, grouped=False)
        while True:
            bad = s[:2] + f"{self.r.randint(2, 98):02d}" + s[4:]
            if iban_mod97(bad) != 1:
                break
        grouped = self.r.random() < 0.5 if grouped is None else grouped
        return group4(bad) if grouped else bad

    # ---- US ids
    def ssn(self, style=None):
        r = self.r
        while True:
            a, g, s = r.randint(1, 899), r.randint(1, 99), r.randint(1, 9999)
            d = f"{a:03d}{g:02d}{s:04d}"
            if ssn_valid(d):
                break
        style = style or r.choice(["-", "-", "-", " ", ""])
        return f"{d[:3]}{style}{d[3:5]}{style}{d[5:]}"

    def ssn_invalid(self):
        r = self.r
        a = r.choice(["000", "666", str(r.randint(900, 999))])
        return f"{a}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"

    def passport(self):
        r = self.r
        if r.random() < 0.5:
            while True:
                d = self.digits(9, "12345689")
                if not aba_valid(d):
                    return d
        return r.choice("ABCEFGHJKLMNPRSTUVWXYZ") + self.digits(8, "0123456789")

    def dl(self, state=None):
        r = self.r
        fmts = {
            "CA": lambda: r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + self.digits(7, "0123456789"),
            "NY": lambda: " ".join([self.digits(3), self.digits(3, "0123456789"), self.digits(3, "0123456789")]),
            "TX": lambda: self.digits(8, "1234"),
            "FL": lambda: "-".join([r.choice("ABCDEFGHJKLMNPRSTW") + self.digits(3, "0123456789"), self.digits(3, "0123456789"),
                                    self.digits(2, "0123456789"), self.digits(3, "0123456789"), self.digits(1, "0123456789")]),
            "IL": lambda: "-".join([r.choice("ABCDEFGHJKLMNPRSTW") + self.digits(3, "0123456789"), self.digits(4, "0123456789"),
                                    self.digits(4, "0123456789")]),
            "WA": lambda: "WDL" + self.alnum(9, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"),
            "PA": lambda: " ".join([self.digits(2), self.digits(3, "0123456789"), self.digits(3, "0123456789")]),
            "MI": lambda: " ".join([r.choice("ABCDEFGHJKLMNPRSTW"), self.digits(3), self.digits(3, "0123456789"),
                                    self.digits(3, "0123456789"), self.digits(3, "0123456789")]),
            "NJ": lambda: r.choice("ABCDEFGHJKLMNPRSTW") + self.digits(4, "0123456789") + " " + self.digits(5, "0123456789")
                          + " " + self.digits(5, "0123456789"),
            "WI": lambda: "-".join([r.choice("ABCDEFGHJKLMNPRSTW") + self.digits(3, "0123456789"), self.digits(4, "0123456789"),
                                    self.digits(4, "0123456789"), self.digits(2, "0123456789")]),
            "OH": lambda: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + self.digits(6, "0123456789"),
            "MA": lambda: "S" + self.digits(8, "0123456789"),
            "CO": lambda: "-".join([self.digits(2), self.digits(3, "0123456789"), self.digits(4, "0123456789")]),
            "AZ": lambda: r.choice("ABDY") + self.digits(8, "0123456789"),
        }
        state = state or r.choice(list(fmts))
        return state, fmts[state]()

    def bank_acct(self, n=None):
        r = self.r
        n = n or r.choice([8, 10, 10, 11, 12, 12, 13, 14, 15, 17])
        while True:
            d = self.digits(n, "123456789")
            if (n >= 13 and luhn_ok(d)) or (n == 10 and nhs_valid(d)) or (n == 9):
                continue
            return d

    def aba(self):
        while True:
            p = self.r.choice(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "21", "22", "23",
                               "26", "27", "28", "31", "32"]) + self.digits(6, "0123456789")
            w = [3, 7, 1, 3, 7, 1, 3, 7]
            d = p + str((10 - sum(int(c) * k for c, k in zip(p, w)) % 10) % 10)
            if aba_valid(d) and not ssn_valid(d):
                return d

    # ---- UK
    def nhs(self, sep=None):
        r = self.r
        while True:
            d9 = r.choice("467") + self.digits(8, "0123456789")
            c = nhs_check(d9)
            if c is not None:
                d = d9 + str(c)
                break
        sep = r.choice([" ", " ", "", "-"]) if sep is None else sep
        return f"{d[:3]}{sep}{d[3:6]}{sep}{d[6:]}"

    def nhs_invalid(self, sep=" "):
        r = self.r
        while True:
            d = r.choice("467") + self.digits(9, "0123456789")
            if not nhs_valid(d):
                return f"{d[:3]}{sep}{d[3:6]}{sep}{d[6:]}"

    # ---- health
    def mbi(self, dashed=None):
        r = self.r
        an = MBI_LET + "0123456789"
        cls = ["123456789", MBI_LET, an, "0123456789", MBI_LET, an, "0123456789", MBI_LET, MBI_LET, "0123456789",
               "0123456789"]
        s = "".join(r.choice(k) for k in cls)
        dashed = r.random() < 0.3 if dashed is None else dashed
        return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashed else s

    def member_id(self):
        r = self.r
        return r.choice([
            lambda: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + self.digits(9, "0123456789"),
            lambda: "W" + self.digits(9, "0123456789"),
            lambda: self.digits(9) + r.choice(["01", "02", "00"]),
            lambda: "U" + self.digits(8, "0123456789") + r.choice(["01", "02", "03"]),
            lambda: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + self.digits(7, "0123456789") + "-" + self.digits(2, "0123456789"),
            lambda: "M" + self.digits(10, "0123456789"),
        ])()

    def mrn(self):
        r = self.r
        return r.choice([
            lambda: self.digits(8, "0123456789"),
            lambda: "MRN" + self.digits(7, "0123456789"),
            lambda: "E" + self.digits(7, "0123456789"),
            lambda: self.digits(3) + "-" + self.digits(3, "0123456789") + "-" + self.digits(3, "0123456789"),
            lambda: self.digits(2) + "-" + self.digits(6, "0123456789"),
            lambda: "K" + self.digits(6, "0123456789"),
            lambda: self.digits(7, "0123456789") + "/" + self.digits(1, "0123456789"),
        ])()

    # ---- network
    def ipv4(self, kind=None):
        r = self.r
        kind = kind or r.choice(["public", "public", "private"])
        while True:
            if kind == "private":
                s = r.choice([f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(2, 254)}",
                              f"192.168.{r.randint(0, 255)}.{r.randint(2, 254)}",
                              f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(2, 254)}"])
            else:
                s = f"{r.randint(1, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
            a = ipaddress.ip_address(s)
            if kind == "private" and a.is_private:
                return s
            if kind == "public" and a.is_global and not a.is_multicast:
                return s

    def ipv6(self):
        r = self.r
        form = r.choice(["full", "compressed", "linklocal"])
        if form == "linklocal":
            return "fe80::" + ":".join(self.hexs(4).lstrip("0") or "0" for _ in range(4))
        groups = [r.choice(["2a01", "2a02", "2001", "2600", "2a00", "2406", "2c0f"]),
                  self.hexs(4).lstrip("0") or "0", self.hexs(3)]
        groups += [self.hexs(4).lstrip("0") or "0" for _ in range(5)]
        if groups[0] == "2001":
            groups[1] = r.choice(["470", "4860", "67c", "1af8"])
        if form == "compressed":
            return ":".join(groups[:3]) + "::" + ":".join(groups[6:])
        return ":".join(groups)

    def mac(self, style=None):
        r = self.r
        b = [r.randint(0, 255) for _ in range(6)]
        b[0] &= 0xFE  # unicast
        h = [f"{x:02x}" for x in b]
        style = style or r.choice(["colon_up", "colon_low", "dash", "cisco"])
        if style == "colon_up":
            return ":".join(h).upper()
        if style == "colon_low":
            return ":".join(h)
        if style == "dash":
            return "-".join(h).upper()
        s = "".join(h)
        return f"{s[:4]}.{s[4:8]}.{s[8:]}"

    # ---- crypto
    def btc(self, kind=None):
        r = self.r
        kind = kind or r.choice(["p2pkh", "p2sh", "bech32", "taproot"])
        if kind in ("p2pkh", "p2sh"):
            payload = bytes([0 if kind == "p2pkh" else 5]) + bytes(r.randint(0, 255) for _ in range(20))
            return b58encode(payload + dsha(payload)[:4])
        if kind == "bech32":
            return bech32_encode("bc", 0, bytes(r.randint(0, 255) for _ in range(20)))
        return bech32_encode("bc", 1, bytes(r.randint(0, 255) for _ in range(32)))

    def btc_invalid(self):
        s = self.btc("p2pkh")
        i = self.r.randint(5, len(s) - 2)
        c = s[i]
        repl = self.r.choice([x for x in B58 if x != c])
        bad = s[:i] + repl + s[i + 1:]
        return bad if not crypto_valid(bad) else self.btc_invalid()

    def eth(self):
        return "0x" + self.hexs(40)

    # ---- secrets
    def secret(self, kind=None):
        r = self.r
        al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        kind = kind or r.choice(["aws", "github", "openai", "slack", "stripe", "google", "jwt", "hf", "gitlab"])
        if kind == "aws":
            return "AKIA" + self.alnum(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        if kind == "aws_secret":
            return self.alnum(40, al + "/+")
        if kind == "github":
            return "ghp_" + self.alnum(36, al)
        if kind == "github_pat":
            return "github_pat_" + self.alnum(22, al) + "_" + self.alnum(59, al)
        if kind == "openai":
            return "sk-proj-" + self.alnum(r.choice([48, 56, 64]), al + "_-")
        if kind == "slack":
            return f"xoxb-{self.digits(11)}-{self.digits(13)}-{self.alnum(24, al)}"
        if kind == "stripe":
            return r.choice(["sk_live_", "rk_live_"]) + self.alnum(r.choice([24, 32, 99]), al)
        if kind == "google":
            return "AIza" + self.alnum(35, al + "_-")
        if kind == "hf":
            return "hf_" + self.alnum(34, al)
        if kind == "gitlab":
            return "glpat-" + self.alnum(20, al + "_-")
        if kind == "sendgrid":
            return "SG." + self.alnum(22, al + "_-") + "." + self.alnum(43, al + "_-")
        if kind == "npm":
            return "npm_" + self.alnum(36, al)
        if kind == "jwt":
            def b64(o):
                raw = o if isinstance(o, bytes) else json.dumps(o, separators=(",", ":")).encode()
                return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
            hdr = {"alg": r.choice(["HS256", "RS256"]), "typ": "JWT"}
            pl = {"sub": self.digits(7), "iat": 1700000000 + r.randint(0, 5 * 10**7), "scope": r.choice(["read", "admin", "api"])}
            return f"{b64(hdr)}.{b64(pl)}.{b64(bytes(r.randint(0, 255) for _ in range(32)))}"
        if kind == "pem":
            body = base64.b64encode(bytes(r.randint(0, 255) for _ in range(r.choice([180, 240])))).decode()
            lines = [body[i:i + 64] for i in range(0, len(body), 64)]
            t = r.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"])
            return f"-----BEGIN {t}-----\n" + "\n".join(lines) + f"\n-----END {t}-----"
        raise ValueError(kind)

    def password(self):
        r = self.r
        words = ["Harbor", "Maple", "Quartz", "Falcon", "Juniper", "Saffron", "Glacier", "Orbit", "Tundra", "Velvet",
                 "Cobalt", "Lantern", "Meadow", "Pepper", "Ripple"]
        while True:
            p = r.choice([
                lambda: r.choice(words) + r.choice("!#$%&*?@") + str(r.randint(10, 9999)) + r.choice(words).lower(),
                lambda: "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789!#%&*+-=?@^_") for _ in range(r.randint(12, 20))),
                lambda: r.choice(words).lower() + "-" + r.choice(words) + "-" + str(r.randint(1, 99)) + r.choice("!?#"),
            ])()
            if password_like(p):
                return p

    def conn_string(self):
        r = self.r
        user = r.choice(["app", "svc_orders", "reporting", "etl_user", "admin", "django", "api_rw"])
        pw = self.password().replace("@", "#").replace(":", "!").replace("/", "_").replace("?", "_").replace("%", "+").replace("#", "_")
        host = r.choice(["db.internal", "pg-prod-2.cluster.local", "10.20.3.14", "mysql.staging.lan", "orders-db.eu-west-1.rds.amazonaws.com",
                         "cache-01.prod.internal", "mongo.corp.lan"])
        scheme, port = r.choice([("postgresql", 5432), ("postgres", 5432), ("mysql", 3306), ("mongodb", 27017),
                                 ("redis", 6379), ("amqp", 5672)])
        db = r.choice(["app", "orders", "billing", "analytics", "0", "crm"])
        return f"{scheme}://{user}:{pw}@{host}:{port}/{db}"


# =========================================================================== names (out of scope: never labelled)
NAMES = {
    "en": [("Olivia", "Bennett"), ("Marcus", "Hale"), ("Priya", "Raman"), ("Daniel", "Okafor"), ("Hannah", "Whitfield"),
           ("Tomás", "Reyes"), ("Grace", "Liu"), ("Ethan", "Brooks"), ("Aisha", "Khan"), ("Connor", "Doyle"),
           ("Maya", "Goldberg"), ("Samuel", "Achterberg"), ("Chloe", "Martin"), ("Jamal", "Washington"),
           ("Ingrid", "Solberg"), ("Ravi", "Menon"), ("Lucy", "Fairbanks"), ("Owen", "Price")],
    "de": [("Katrin", "Vogel"), ("Jonas", "Hartmann"), ("Sabine", "Krüger"), ("Lukas", "Brandt"), ("Miriam", "Engel"),
           ("Felix", "Schreiber"), ("Anja", "Wolff"), ("Tobias", "Lehmann")],
    "fr": [("Camille", "Moreau"), ("Julien", "Lefèvre"), ("Élodie", "Garnier"), ("Antoine", "Roux"),
           ("Manon", "Fournier"), ("Hugo", "Chevalier"), ("Inès", "Blanchard"), ("Mathieu", "Perrin")],
    "es": [("Lucía", "Fernández"), ("Javier", "Morales"), ("Carmen", "Ruiz"), ("Álvaro", "Navarro"),
           ("Marta", "Iglesias"), ("Pablo", "Castillo"), ("Noelia", "Serrano"), ("Diego", "Romero")],
    "it": [("Giulia", "Ferrari"), ("Matteo", "Colombo"), ("Chiara", "Ricci"), ("Lorenzo", "Marino"),
           ("Francesca", "Greco"), ("Davide", "Bruno"), ("Elena", "Gallo"), ("Simone", "Conti")],
    "pt": [("Beatriz", "Carvalho"), ("João", "Pereira"), ("Mariana", "Sousa"), ("Rafael", "Almeida"),
           ("Inês", "Rodrigues"), ("Tiago", "Fonseca"), ("Larissa", "Barbosa"), ("Gustavo", "Ribeiro")],
    "nl": [("Sanne", "de Vries"), ("Daan", "Jansen"), ("Femke", "Bakker"), ("Bram", "Visser"), ("Lotte", "Smit"),
           ("Ruben", "Mulder"), ("Eva", "van Dijk"), ("Thijs", "Bos")],
    "pl": [("Agnieszka", "Kowalczyk"), ("Paweł", "Wiśniewski"), ("Magdalena", "Zielińska"), ("Krzysztof", "Lewandowski"),
           ("Joanna", "Wójcik"), ("Tomasz", "Kamiński"), ("Katarzyna", "Szymańska"), ("Michał", "Dąbrowski")],
    "ja": [("陽菜", "佐藤"), ("蓮", "鈴木"), ("美咲", "高橋"), ("大翔", "田中"), ("結衣", "伊藤"), ("悠真", "渡辺"),
           ("さくら", "山本"), ("翔太", "中村")],
}


def person(rng, lang="en"):
    f, l = rng.choice(NAMES[lang])
    return f, l


def people(rng, n, lang="en"):
    return rng.sample(NAMES[lang], n)


def email_for(rng, first, last, domains=None):
    import unicodedata
    def fold(s):
        return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower().replace(" ", "").replace("ł", "l")
    f, l = fold(first), fold(last)
    if not f.isascii() or not l.isascii() or not f or not l:
        f, l = rng.choice(["yui", "ren", "haruto", "aoi"]), rng.choice(["sato", "suzuki", "tanaka", "ito"])
    local = rng.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}_{l}", f"{l}.{f}{rng.randint(1, 99)}", f"{f}{l[0]}{rng.randint(70, 99)}",
                        f"{f}.{l}+{rng.choice(['shop', 'news', 'bank'])}"])
    dom = rng.choice(domains or ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "gmx.de", "web.de",
                                 "orange.fr", "libero.it", "sapo.pt", "wp.pl", "ziggo.nl", "hotmail.co.uk", "fastmail.com"])
    return f"{local}@{dom}"


# =========================================================================== phones (country, national, international)
def _d(r, n, first="0123456789"):
    return r.choice(first) + "".join(r.choice("0123456789") for _ in range(n - 1))


US_AREAS = ["212", "415", "617", "312", "206", "303", "512", "404", "305", "702", "503", "612", "713", "919", "646",
            "718", "510", "858", "267", "720"]
CA_AREAS = ["416", "604", "514", "403", "613", "902", "780", "647"]


def phone(r, cc=None, style=None):
    """Returns (country, surface).  style: 'nat' | 'intl' | None (random)."""
    cc = cc or r.choice(["US", "UK", "DE", "FR", "ES", "IT", "PT", "BR", "NL", "PL", "JP", "IN", "AU", "MX", "CH",
                         "AT", "BE", "SE", "IE", "ZA", "SG", "KR", "CN", "CA", "TR", "NG", "AR", "DK", "NO", "CZ"])
    intl = (r.random() < 0.5) if style is None else (style == "intl")
    c = r.choice
    if cc in ("US", "CA"):
        a = c(US_AREAS if cc == "US" else CA_AREAS)
        while True:
            ex = _d(r, 3, "23456789")
            if ex[1:] != "11" and ex != "555":
                break
        ln = _d(r, 4)
        if intl:
            s = c([f"+1 {a} {ex} {ln}", f"+1 ({a}) {ex}-{ln}", f"+1-{a}-{ex}-{ln}", f"+1{a}{ex}{ln}", f"+1 {a}-{ex}-{ln}"])
        else:
            s = c([f"({a}) {ex}-{ln}", f"{a}-{ex}-{ln}", f"{a}.{ex}.{ln}", f"1-{a}-{ex}-{ln}", f"({a}) {ex} {ln}"])
    elif cc == "UK":
        kind = c(["mob", "mob", "lon", "man", "edi"])
        if kind == "mob":
            p = c(["74", "75", "77", "78", "79", "73"]) + _d(r, 2)
            if p.startswith("77") and p[2] == "0":
                p = "78" + p[2:]
            rest = _d(r, 6)
            s = f"+44 7{p[1:]} {rest}" if intl else c([f"07{p[1:]} {rest}", f"07{p[1:]}{rest}", f"07{p[1:]} {rest[:3]} {rest[3:]}"])
        elif kind == "lon":
            a, b = c(["7", "8", "3"]) + _d(r, 3), _d(r, 4)
            if a == "7946":  # Ofcom drama range 020 7946 0xxx is only used in the example_values rows
                a = "7947"
            s = c([f"+44 20 {a} {b}", f"+44 (0)20 {a} {b}"]) if intl else f"020 {a} {b}"
        elif kind == "man":
            a, b = _d(r, 3, "2345789"), _d(r, 4)
            s = f"+44 161 {a} {b}" if intl else c([f"0161 {a} {b}", f"(0161) {a} {b}"])
        else:
            a, b = _d(r, 3, "2345"), _d(r, 4)
            s = f"+44 131 {a} {b}" if intl else f"0131 {a} {b}"
    elif cc == "DE":
        kind = c(["mob", "mob", "ber", "muc", "ham"])
        if kind == "mob":
            p = c(["151", "152", "157", "160", "162", "170", "171", "172", "173", "175", "176", "177", "178", "179"])
            rest = _d(r, c([7, 8]), "123456789")
            s = c([f"+49 {p} {rest}", f"+49 {p} {rest[:4]} {rest[4:]}", f"0049 {p} {rest}"]) if intl else c(
                [f"0{p} {rest}", f"0{p}/{rest}", f"0{p}-{rest}", f"0{p} {rest[:4]} {rest[4:]}"])
        else:
            area, n = {"ber": ("30", 8), "muc": ("89", 7), "ham": ("40", 8)}[kind]
            rest = _d(r, n, "2345679")
            s = c([f"+49 {area} {rest}", f"+49 ({area}) {rest}", f"+49 {area} {rest[:4]} {rest[4:]}"]) if intl else c(
                [f"0{area} {rest}", f"0{area}/{rest}", f"(0{area}) {rest[:4]} {rest[4:]}", f"0{area} {rest[:-2]}-{rest[-2:]}"])
    elif cc == "FR":
        p = c(["6", "7", "1", "4", "9"])
        g = [_d(r, 2) for _ in range(4)]
        s = c([f"+33 {p} {' '.join(g)}", f"+33 (0){p} {' '.join(g)}", f"+33{p}{''.join(g)}"]) if intl else c(
            [f"0{p} {' '.join(g)}", f"0{p}.{'.'.join(g)}", f"0{p}{''.join(g)}"])
    elif cc == "ES":
        p = c(["6", "7", "91", "93", "96"])
        rest = _d(r, 9 - len(p))
        full = p + rest
        s = c([f"+34 {full[:3]} {full[3:6]} {full[6:]}", f"+34 {full[:3]} {full[3:5]} {full[5:7]} {full[7:]}"]) if intl else c(
            [f"{full[:3]} {full[3:6]} {full[6:]}", f"{full[:3]} {full[3:5]} {full[5:7]} {full[7:]}"])
    elif cc == "IT":
        if r.random() < 0.6:
            p = c(["320", "328", "329", "333", "338", "339", "340", "347", "348", "349", "366", "380", "389", "392"])
            rest = _d(r, 7)
            s = c([f"+39 {p} {rest[:3]} {rest[3:]}", f"+39 {p} {rest}"]) if intl else c([f"{p} {rest[:3]} {rest[3:]}", f"{p}-{rest}", f"{p} {rest}"])
        else:
            a = c(["06", "02", "011", "055"])
            rest = _d(r, 10 - len(a), "2345678")
            s = f"+39 {a} {rest[:4]} {rest[4:]}" if intl else c([f"{a} {rest[:4]} {rest[4:]}", f"{a}/{rest}", f"{a}-{rest}"])
    elif cc == "PT":
        p = c(["91", "92", "93", "96", "21", "22"])
        rest = _d(r, 7)
        full = p + rest
        s = f"+351 {full[:3]} {full[3:6]} {full[6:]}" if intl else c([f"{full[:3]} {full[3:6]} {full[6:]}", full])
    elif cc == "BR":
        ddd = c(["11", "21", "31", "41", "51", "61", "71", "81", "85"])
        if r.random() < 0.7:
            a, b = "9" + _d(r, 4), _d(r, 4)
        else:
            a, b = _d(r, 4, "2345"), _d(r, 4)
        s = c([f"+55 {ddd} {a}-{b}", f"+55 ({ddd}) {a}-{b}", f"+55 {ddd} {a} {b}"]) if intl else c([f"({ddd}) {a}-{b}", f"{ddd} {a}-{b}", f"0{ddd} {a}-{b}"])
    elif cc == "NL":
        if r.random() < 0.6:
            rest = _d(r, 8, "123456789")
            s = c([f"+31 6 {rest}", f"+31 6 {rest[:4]} {rest[4:]}", f"+316{rest}"]) if intl else c([f"06-{rest}", f"06 {rest[:4]} {rest[4:]}", f"06 {rest[:2]} {rest[2:4]} {rest[4:6]} {rest[6:]}"])
        else:
            a = c(["20", "10", "30", "70"])
            rest = _d(r, 7, "2345678")
            s = f"+31 {a} {rest[:3]} {rest[3:]}" if intl else c([f"0{a}-{rest[:3]} {rest[3:]}", f"0{a} {rest[:3]} {rest[3:]}", f"0{a}-{rest}"])
    elif cc == "PL":
        if r.random() < 0.65:
            p = c(["5", "6", "7", "8"]) + _d(r, 2)
            rest = _d(r, 6)
            s = c([f"+48 {p} {rest[:3]} {rest[3:]}", f"+48 {p}-{rest[:3]}-{rest[3:]}"]) if intl else c([f"{p} {rest[:3]} {rest[3:]}", f"{p}-{rest[:3]}-{rest[3:]}", f"{p}{rest}"])
        else:
            a = c(["22", "12", "61", "71", "58"])
            rest = _d(r, 7, "2345678")
            s = f"+48 {a} {rest[:3]} {rest[3:5]} {rest[5:]}" if intl else c([f"{a} {rest[:3]} {rest[3:5]} {rest[5:]}", f"({a}) {rest[:3]}-{rest[3:5]}-{rest[5:]}"])
    elif cc == "JP":
        if r.random() < 0.6:
            p = c(["90", "80", "70"])
            a, b = _d(r, 4, "123456789"), _d(r, 4)
            s = c([f"+81 {p}-{a}-{b}", f"+81 {p} {a} {b}"]) if intl else c([f"0{p}-{a}-{b}", f"0{p}{a}{b}", f"0{p} {a} {b}"])
        else:
            a = c(["3", "6", "52", "45", "11"])
            n = 8 - len(a) + 1
            mid, tail = _d(r, 4 - (len(a) - 1), "2345678"), _d(r, 4)
            s = f"+81 {a}-{mid}-{tail}" if intl else c([f"0{a}-{mid}-{tail}", f"0{a}({mid}){tail}"])
    elif cc == "IN":
        a = c(["98", "99", "97", "96", "91", "88", "70", "63"]) + _d(r, 3)
        b = _d(r, 5)
        s = c([f"+91 {a} {b}", f"+91-{a}{b}", f"+91 {a}-{b}"]) if intl else c([f"0{a} {b}", f"{a} {b}", f"{a}{b}"])
    elif cc == "AU":
        if r.random() < 0.6:
            rest = _d(r, 8)
            s = f"+61 4{rest[:2]} {rest[2:5]} {rest[5:]}" if intl else c([f"04{rest[:2]} {rest[2:5]} {rest[5:]}", f"04{rest[:2]}{rest[2:]}"])
        else:
            a = c(["2", "3", "7", "8"])
            rest = _d(r, 8, "3456789")
            s = f"+61 {a} {rest[:4]} {rest[4:]}" if intl else f"(0{a}) {rest[:4]} {rest[4:]}"
    elif cc == "MX":
        a = c(["55", "33", "81"])
        rest = _d(r, 8, "123456789")
        s = c([f"+52 {a} {rest[:4]} {rest[4:]}", f"+52 1 {a} {rest[:4]} {rest[4:]}"]) if intl else f"{a} {rest[:4]} {rest[4:]}"
    elif cc == "CH":
        p = c(["76", "77", "78", "79", "44", "31", "22", "61"])
        a, b, d = _d(r, 3, "23456789"), _d(r, 2), _d(r, 2)
        s = f"+41 {p} {a} {b} {d}" if intl else c([f"0{p} {a} {b} {d}", f"0{p} {a}{b}{d}"])
    elif cc == "AT":
        if r.random() < 0.6:
            p = c(["664", "660", "676", "699", "650"])
            rest = _d(r, 7, "123456789")
            s = c([f"+43 {p} {rest}", f"+43 {p} {rest[:3]} {rest[3:]}"]) if intl else c([f"0{p} {rest}", f"0{p}/{rest}"])
        else:
            rest = _d(r, 7, "2345789")
            s = f"+43 1 {rest[:3]} {rest[3:]}" if intl else c([f"01 {rest[:3]} {rest[3:]}", f"(01) {rest}"])
    elif cc == "BE":
        p = c(["470", "471", "472", "475", "476", "477", "478", "479", "486", "496"])
        g = [_d(r, 2) for _ in range(3)]
        s = f"+32 {p} {' '.join(g)}" if intl else c([f"0{p} {' '.join(g)}", f"0{p}/{''.join(g[:1])}.{g[1]}.{g[2]}"])
    elif cc == "SE":
        p = c(["70", "72", "73", "76", "79"])
        a, b, d = _d(r, 3), _d(r, 2), _d(r, 2)
        s = f"+46 {p} {a} {b} {d}" if intl else c([f"0{p}-{a} {b} {d}", f"0{p} {a} {b} {d}"])
    elif cc == "IE":
        p = c(["83", "85", "86", "87", "89"])
        a, b = _d(r, 3, "123456789"), _d(r, 4)
        s = f"+353 {p} {a} {b}" if intl else c([f"0{p} {a} {b}", f"(0{p}) {a}{b}"])
    elif cc == "ZA":
        p = c(["82", "83", "72", "71", "76", "84", "21", "11"])
        a, b = _d(r, 3, "123456789"), _d(r, 4)
        s = f"+27 {p} {a} {b}" if intl else f"0{p} {a} {b}"
    elif cc == "SG":
        a = c(["8", "9", "6"]) + _d(r, 3)
        b = _d(r, 4)
        s = c([f"+65 {a} {b}", f"+65 {a}{b}"]) if intl else f"{a} {b}"
    elif cc == "KR":
        a, b = _d(r, 4, "23456789"), _d(r, 4)
        s = c([f"+82 10-{a}-{b}", f"+82 10 {a} {b}"]) if intl else c([f"010-{a}-{b}", f"010 {a} {b}"])
    elif cc == "CN":
        p = c(["138", "139", "135", "186", "159", "177", "150"])
        a, b = _d(r, 4), _d(r, 4)
        s = c([f"+86 {p} {a} {b}", f"+86 {p}-{a}-{b}"]) if intl else c([f"{p} {a} {b}", f"{p}{a}{b}"])
    elif cc == "TR":
        p = c(["532", "533", "535", "542", "505", "555"])
        a, b, d = _d(r, 3, "123456789"), _d(r, 2), _d(r, 2)
        s = f"+90 {p} {a} {b} {d}" if intl else c([f"0{p} {a} {b} {d}", f"0 ({p}) {a} {b} {d}"])
    elif cc == "NG":
        p = c(["803", "806", "813", "816", "703", "802", "809"])
        a, b = _d(r, 3, "123456789"), _d(r, 4)
        s = f"+234 {p} {a} {b}" if intl else f"0{p} {a} {b}"
    elif cc == "AR":
        a, b = _d(r, 4, "2345679"), _d(r, 4)
        s = f"+54 9 11 {a}-{b}" if intl else c([f"011 {a}-{b}", f"(011) 15-{a}-{b}"])
    elif cc == "DK":
        g = [_d(r, 2, "2345678")] + [_d(r, 2) for _ in range(3)]
        s = f"+45 {' '.join(g)}" if intl else " ".join(g)
    elif cc == "NO":
        a, b, d = c(["4", "9"]) + _d(r, 2), _d(r, 2), _d(r, 3)
        s = f"+47 {a} {b} {d}" if intl else f"{a} {b} {d}"
    elif cc == "CZ":
        a, b, d = c(["6", "7"]) + _d(r, 2), _d(r, 3), _d(r, 3)
        s = f"+420 {a} {b} {d}" if intl else f"{a} {b} {d}"
    else:
        raise ValueError(cc)
    return cc, s


def phone_s(r, cc=None, style=None):
    return phone(r, cc, style)[1]


# =========================================================================== dates and times per language
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"],
}
MONTHS_NOM_PL = ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"]
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "pl": ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"],
    "ja": ["月", "火", "水", "木", "金", "土", "日"],
}


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def rdate(r, y0, y1, m0=1, m1=12):
    while True:
        try:
            return dt.date(r.randint(y0, y1), r.randint(m0, m1), r.randint(1, 28 if r.random() < 0.5 else 31))
        except ValueError:
            continue


def fdate(r, lang, d, style=None):
    """Format a date in a locale.  lang: en_US, en_GB, de, fr, es, it, pt, nl, pl, ja.  style: 'num', 'long', 'wd',
    'noyear', 'short' or None (random)."""
    y, m, dd, w = d.year, d.month, d.day, d.weekday()
    L = lang.split("_")[0]
    MON = MONTHS.get(L, MONTHS["en"])
    WD = WEEKDAYS[L]
    style = style or r.choice(["num", "long", "long", "wd", "noyear"])
    if lang == "en_US":
        o = {"num": [f"{m:02d}/{dd:02d}/{y}", f"{m}/{dd}/{y}", f"{m}/{dd}/{y % 100:02d}", f"{y}-{m:02d}-{dd:02d}"],
             "long": [f"{MON[m-1]} {dd}, {y}", f"{MON[m-1][:3]} {dd}, {y}", f"{MON[m-1][:3]}. {dd}, {y}" if m != 5 else f"May {dd}, {y}"],
             "wd": [f"{WD[w]}, {MON[m-1]} {dd}", f"{WD[w][:3]}, {MON[m-1][:3]} {dd}, {y}", f"{WD[w]}, {MON[m-1]} {dd}, {y}"],
             "noyear": [f"{MON[m-1]} {dd}", f"{MON[m-1][:3]} {dd}", f"{MON[m-1]} {ordinal(dd)}"],
             "short": [f"{m}/{dd}"]}
    elif lang == "en_GB":
        o = {"num": [f"{dd:02d}/{m:02d}/{y}", f"{dd}/{m}/{y % 100:02d}", f"{dd:02d}.{m:02d}.{y}"],
             "long": [f"{dd} {MON[m-1]} {y}", f"{dd} {MON[m-1][:3]} {y}", f"{ordinal(dd)} {MON[m-1]} {y}"],
             "wd": [f"{WD[w]} {dd} {MON[m-1]}", f"{WD[w][:3]} {dd} {MON[m-1][:3]} {y}", f"{WD[w]}, {ordinal(dd)} {MON[m-1]}"],
             "noyear": [f"{dd} {MON[m-1]}", f"{ordinal(dd)} {MON[m-1]}", f"{dd} {MON[m-1][:3]}"],
             "short": [f"{dd}/{m}"]}
    elif L == "de":
        o = {"num": [f"{dd:02d}.{m:02d}.{y}", f"{dd}.{m}.{y}", f"{dd:02d}.{m:02d}.{y % 100:02d}"],
             "long": [f"{dd}. {MON[m-1]} {y}"], "wd": [f"{WD[w]}, {dd}. {MON[m-1]}", f"{WD[w]}, {dd:02d}.{m:02d}.{y}", f"{WD[w][:2]}., {dd}. {MON[m-1]} {y}"],
             "noyear": [f"{dd}. {MON[m-1]}", f"{dd:02d}.{m:02d}."], "short": [f"{dd}.{m}."]}
    elif L == "fr":
        dd_s = "1er" if dd == 1 else str(dd)
        o = {"num": [f"{dd:02d}/{m:02d}/{y}", f"{dd:02d}.{m:02d}.{y}"], "long": [f"{dd_s} {MON[m-1]} {y}"],
             "wd": [f"{WD[w]} {dd_s} {MON[m-1]}", f"{WD[w]} {dd_s} {MON[m-1]} {y}"], "noyear": [f"{dd_s} {MON[m-1]}"],
             "short": [f"{dd:02d}/{m:02d}"]}
    elif L == "es":
        o = {"num": [f"{dd:02d}/{m:02d}/{y}", f"{dd}/{m}/{y}", f"{dd:02d}-{m:02d}-{y}"], "long": [f"{dd} de {MON[m-1]} de {y}"],
             "wd": [f"{WD[w]} {dd} de {MON[m-1]}", f"{WD[w]}, {dd} de {MON[m-1]} de {y}"], "noyear": [f"{dd} de {MON[m-1]}"],
             "short": [f"{dd}/{m}"]}
    elif L == "it":
        dd_s = "1º" if dd == 1 else str(dd)
        o = {"num": [f"{dd:02d}/{m:02d}/{y}", f"{dd}/{m}/{y}"], "long": [f"{dd_s} {MON[m-1]} {y}"],
             "wd": [f"{WD[w]} {dd_s} {MON[m-1]}", f"{WD[w]} {dd} {MON[m-1]} {y}"], "noyear": [f"{dd_s} {MON[m-1]}"],
             "short": [f"{dd}/{m}"]}
    elif L == "pt":
        o = {"num": [f"{dd:02d}/{m:02d}/{y}", f"{dd:02d}-{m:02d}-{y}"], "long": [f"{dd} de {MON[m-1]} de {y}"],
             "wd": [f"{WD[w]}, {dd} de {MON[m-1]}", f"{WD[w]}, {dd}/{m:02d}"], "noyear": [f"{dd} de {MON[m-1]}"],
             "short": [f"{dd:02d}/{m:02d}"]}
    elif L == "nl":
        o = {"num": [f"{dd:02d}-{m:02d}-{y}", f"{dd}-{m}-{y}", f"{dd:02d}/{m:02d}/{y}"], "long": [f"{dd} {MON[m-1]} {y}"],
             "wd": [f"{WD[w]} {dd} {MON[m-1]}", f"{WD[w]} {dd} {MON[m-1]} {y}"], "noyear": [f"{dd} {MON[m-1]}"],
             "short": [f"{dd}-{m}"]}
    elif L == "pl":
        o = {"num": [f"{dd:02d}.{m:02d}.{y}", f"{dd}.{m:02d}.{y}"], "long": [f"{dd} {MON[m-1]} {y}"],
             "wd": [f"{WD[w]}, {dd} {MON[m-1]}", f"{WD[w]}, {dd:02d}.{m:02d}.{y}"], "noyear": [f"{dd} {MON[m-1]}"],
             "short": [f"{dd:02d}.{m:02d}"]}
    elif L == "ja":
        era = [f"令和{y - 2018}年{m}月{dd}日"] if y >= 2020 else [f"{y}年{m}月{dd}日"]
        o = {"num": [f"{y}/{m:02d}/{dd:02d}", f"{y}-{m:02d}-{dd:02d}"], "long": [f"{y}年{m}月{dd}日", f"{y}年{m}月{dd}日"] + era,
             "wd": [f"{y}年{m}月{dd}日"], "noyear": [f"{m}月{dd}日"], "short": [f"{m}/{dd}"]}
    else:
        raise ValueError(lang)
    return r.choice(o[style])


def ftime(r, lang, h=None, mi=None, style=None):
    h = r.randint(8, 18) if h is None else h
    mi = r.choice([0, 0, 10, 15, 20, 30, 30, 40, 45, 50]) if mi is None else mi
    L = lang.split("_")[0]
    h12 = (h - 1) % 12 + 1
    ap = "AM" if h < 12 else "PM"
    if lang == "en_US":
        o = [f"{h12}:{mi:02d} {ap}", f"{h12}:{mi:02d} {ap.lower()}", f"{h12}:{mi:02d}{ap.lower()}",
             f"{h12}:{mi:02d} {'a.m.' if h < 12 else 'p.m.'}"] + ([f"{h12}{ap.lower()}", f"{h12} {ap}"] if mi == 0 else [])
    elif lang == "en_GB":
        o = [f"{h:02d}:{mi:02d}", f"{h12}.{mi:02d}{ap.lower()}", f"{h12}:{mi:02d}{ap.lower()}"] + ([f"{h12}{ap.lower()}"] if mi == 0 else [])
    elif L == "de":
        o = [f"{h}:{mi:02d} Uhr", f"{h}.{mi:02d} Uhr", f"{h:02d}:{mi:02d}"] + ([f"{h} Uhr"] if mi == 0 else [])
    elif L == "fr":
        o = [f"{h}h{mi:02d}", f"{h} h {mi:02d}", f"{h:02d}:{mi:02d}"] if mi else [f"{h}h", f"{h} h", f"{h}h00"]
    elif L == "es":
        o = [f"{h}:{mi:02d}", f"{h:02d}:{mi:02d} h", f"{h:02d}:{mi:02d}"]
    elif L == "it":
        o = [f"{h}:{mi:02d}", f"{h}.{mi:02d}", f"{h:02d}:{mi:02d}"]
    elif L == "pt":
        o = [f"{h}h{mi:02d}", f"{h:02d}:{mi:02d}"] if mi else [f"{h}h", f"{h:02d}:00"]
    elif L == "nl":
        o = [f"{h}.{mi:02d} uur", f"{h:02d}:{mi:02d}", f"{h}:{mi:02d} uur"] + ([f"{h} uur"] if mi == 0 else [])
    elif L == "pl":
        o = [f"{h}:{mi:02d}", f"{h:02d}:{mi:02d}", f"{h}.{mi:02d}"]
    elif L == "ja":
        pm = "午後" if h >= 12 else "午前"
        o = [f"{h}時{mi:02d}分" if mi else f"{h}時", f"{pm}{h12 if h != 12 else 0}時{mi}分" if mi else f"{pm}{h12 if h != 12 else 0}時",
             f"{h}:{mi:02d}"]
    else:
        raise ValueError(lang)
    return r.choice(o)


def Gd(r, lang, d, style=None):
    return G(fdate(r, lang, d, style), "DATE_TIME")


def Gt(r, lang, h=None, mi=None, style=None):
    return G(ftime(r, lang, h, mi, style), "DATE_TIME")


def Nd(r, lang, d, style=None):
    return N(fdate(r, lang, d, style), "date_public")


def Nt(s):
    return N(s, "time_public")


def Nn(s):
    """A registered non-PII number (amount, order no, timestamp, postcode, ...)."""
    return N(s, "number")


def dob(r, y0=1940, y1=2008):
    return rdate(r, y0, y1)


def soon(r):
    return rdate(r, 2025, 2026)


# =========================================================================== theme 1: personal vs public dates (English)
US_HOLIDAYS = [("Independence Day", dt.date(2025, 7, 4)), ("Memorial Day", dt.date(2025, 5, 26)),
               ("Labor Day", dt.date(2025, 9, 1)), ("Thanksgiving", dt.date(2025, 11, 27)),
               ("Juneteenth", dt.date(2025, 6, 19)), ("Christmas Day", dt.date(2025, 12, 25)),
               ("New Year's Day", dt.date(2026, 1, 1)), ("Veterans Day", dt.date(2025, 11, 11))]
UK_HOLIDAYS = [("the early May bank holiday", dt.date(2025, 5, 5)), ("the spring bank holiday", dt.date(2025, 5, 26)),
               ("the summer bank holiday", dt.date(2025, 8, 25)), ("Boxing Day", dt.date(2025, 12, 26)),
               ("Good Friday", dt.date(2026, 4, 3)), ("Easter Monday", dt.date(2026, 4, 6))]
CLINICS = ["Lakeside Family Dental", "Northgate Physiotherapy", "Riverbend Eye Care", "Maple Street Pediatrics",
           "Harbour View Dermatology", "Cedar Grove Orthodontics", "Elm Park Podiatry"]
HOURS_EN = {"en_US": ["Monday–Friday, 8:00 AM–5:30 PM", "Mon–Thu 7:30 AM to 6 PM and Fri 7:30 AM to 1 PM",
                      "weekdays 9 AM–5 PM"],
            "en_GB": ["Monday to Friday, 08:30–18:00", "weekdays 8.30am–6pm and Saturdays 9am–12.30pm",
                      "Mon–Fri 09:00–17:30"]}


def e_appt_reminder(r, v):
    lang = r.choice(["en_US", "en_GB"])
    f, l = person(r)
    doc = person(r)[1]
    hol = r.choice(US_HOLIDAYS if lang == "en_US" else UK_HOLIDAYS)
    d = soon(r)
    b = B()
    ask = r.choice(["Rewrite this reminder so it fits in one SMS (160 characters).",
                    "Translate this reminder into Spanish, keep the dates and times exactly as written.",
                    "Is the tone of this reminder OK for elderly patients? Suggest edits."])
    b.f("<<ask>>\n\n\"Hi <<f>>, this is a reminder from <<clinic>>: your appointment with Dr. <<doc>> is on <<d>> at <<t>>. "
        "Please arrive 10 minutes early and bring your insurance card. Our office hours are <<hours>>, and we are closed on "
        "<<hd>> for <<hn>>. To reschedule, call <<ph>> or reply C to cancel.\"",
        ask=ask, f=f, clinic=r.choice(CLINICS), doc=doc, d=Gd(r, lang, d, r.choice(["wd", "long", "num"])), t=Gt(r, lang),
        hours=Nt(r.choice(HOURS_EN[lang])), hd=Nd(r, lang, hol[1], r.choice(["long", "noyear"])), hn=hol[0],
        ph=G(phone_s(r, "US" if lang == "en_US" else "UK", "nat"), "PHONE_NUMBER"))
    return b, lang, "holiday and office hours are public; the appointment date/time is personal"


AIRPORTS = [("LHR", "London Heathrow"), ("JFK", "New York JFK"), ("LIS", "Lisbon"), ("FRA", "Frankfurt"),
            ("SFO", "San Francisco"), ("MAD", "Madrid"), ("AMS", "Amsterdam"), ("DUB", "Dublin"), ("BOS", "Boston"),
            ("ORD", "Chicago O'Hare"), ("YYZ", "Toronto"), ("CDG", "Paris CDG")]


def e_flight_itinerary(r, v):
    lang = r.choice(["en_US", "en_GB"])
    f, l = person(r)
    (o, on), (de, dn) = r.sample(AIRPORTS, 2)
    d1 = soon(r)
    d2 = d1 + dt.timedelta(days=r.randint(3, 16))
    al = r.choice(["BA", "AA", "TP", "LH", "UA", "IB", "KL", "EI", "AC", "AF"])
    b = B()
    b.f("Can you turn this e-ticket into a clean itinerary table (date, flight, from, to, times)?\n\n"
        "E-TICKET RECEIPT\nBooking reference: <<pnr>>   Ticket number: <<tkt>>\nPassenger: <<L>>/<<F>> <<title>>\n"
        "OUTBOUND  <<al>> <<fn1>>  <<o>> → <<de>>  Departs <<d1>> <<t1>>  Arrives <<t2>>\n"
        "RETURN    <<al>> <<fn2>>  <<de>> → <<o>>  Departs <<d2>> <<t3>>  Arrives <<t4>>\n"
        "Fare rules: changes allowed up to 24 hours before departure for a fee of <<fee>>. From <<pol>> all Economy Light "
        "fares include one cabin bag only.\nIssued electronically <<iss>> UTC by the booking engine.",
        pnr=v.alnum(6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"), tkt=Nn(f"{r.randint(100, 999)}-{v.safe_number(10)}"),
        L=l.upper(), F=f.upper(), title=r.choice(["MR", "MS", "MRS", "DR"]), al=al, fn1=str(r.randint(100, 999)),
        fn2=str(r.randint(100, 999)), o=o, de=de, d1=Gd(r, lang, d1, r.choice(["long", "num", "wd"])),
        t1=Gt(r, lang), t2=Gt(r, lang), d2=Gd(r, lang, d2, r.choice(["long", "num", "wd"])), t3=Gt(r, lang), t4=Gt(r, lang),
        fee=r.choice(["$75", "£60", "€70"]), pol=Nd(r, lang, dt.date(2025, r.choice([4, 6, 9]), 1), "long"),
        iss=N(f"{rdate(r, 2025, 2025, 1, 3).isoformat()} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}", "timestamp_system"))
    return b, lang, "travel dates/times personal; fare-rule effective date public; issue timestamp is a system timestamp"


def e_offer_letter(r, v):
    lang = r.choice(["en_US", "en_GB"])
    f, l = person(r)
    hr = person(r)
    start = soon(r)
    interview = start - dt.timedelta(days=r.randint(20, 45))
    prob = start + dt.timedelta(days=r.choice([90, 180]))
    dl = interview + dt.timedelta(days=r.randint(7, 12))
    b = B()
    b.f("Please proofread this offer letter and make the tone a little warmer:\n\nDear <<f>>,\n\nFollowing your interview on "
        "<<di>>, we are delighted to offer you the position of <<role>>. Your first working day will be <<ds>>, and your "
        "probationary period will end on <<dp>>. Please sign and return the enclosed contract no later than <<dl>>.\n\n"
        "Salaries are paid on the last working day of each month. Our holiday year runs from <<hy1>> to <<hy2>>, and the "
        "office is closed between <<x1>> and <<x2>>. The updated hybrid-working policy takes effect for all staff on <<pol>>.\n\n"
        "Kind regards,\n<<hrf>> <<hrl>>\nPeople Team",
        f=f, di=Gd(r, lang, interview, "long"), role=r.choice(["Senior Data Analyst", "Site Reliability Engineer", "Payroll Officer",
                                                             "Product Designer", "Clinical Research Associate"]),
        ds=Gd(r, lang, start, r.choice(["wd", "long"])), dp=Gd(r, lang, prob, "long"), dl=Gd(r, lang, dl, "long"),
        hy1=Nd(r, lang, dt.date(2025, 1, 1), "noyear"), hy2=Nd(r, lang, dt.date(2025, 12, 31), "noyear"),
        x1=Nd(r, lang, dt.date(2025, 12, 24), "noyear"), x2=Nd(r, lang, dt.date(2026, 1, 2), "long"),
        pol=Nd(r, lang, dt.date(2025, r.choice([7, 9, 10]), 1), "long"), hrf=hr[0], hrl=hr[1])
    return b, lang, "interview/start/probation/return-by dates concern the addressee (personal deadline); holiday year and policy dates are company-wide"


def e_clinic_note(r, v):
    lang = r.choice(["en_US", "en_GB"])
    visit = rdate(r, 2024, 2025)
    onset = visit - dt.timedelta(days=r.randint(20, 90))
    holter = visit + dt.timedelta(days=r.randint(2, 9))
    echo = holter + dt.timedelta(days=r.randint(1, 10))
    review = echo + dt.timedelta(days=r.randint(28, 60))
    b = B()
    b.f("Summarize for a referral letter, plain English, max 5 lines:\n\n<<age>> y/o M, DOB <<dob>>, seen <<vis>> in cardiology "
        "clinic. Palpitations since approx. <<on>>, worse on exertion, no syncope. BP 138/84, HR 92 irregular. "
        "Holter fitted <<ho>> at <<hot>>, removed after 48 h. Echo <<ec>>: EF 55%, mild MR. Started bisoprolol 2.5 mg OD. "
        "Per the ESC AF guideline (published <<esc>>) CHA2DS2-VA = 2 -> anticoagulation discussed. Review in clinic <<rv>>. "
        "Flu clinics run <<fc>> from <<flu>>.", fc=Nt("every Tuesday 2–4 pm"),
        age=str(r.randint(45, 80)), dob=Gd(r, lang, dob(r, 1945, 1980), "num"), vis=Gd(r, lang, visit, "num"),
        on=Gd(r, lang, onset, r.choice(["long", "noyear"])), ho=Gd(r, lang, holter, "num"), hot=Gt(r, lang),
        ec=Gd(r, lang, echo, "num"), esc=Nd(r, lang, dt.date(2024, 8, 30), "long"), rv=Gd(r, lang, review, "long"),
        flu=Nd(r, lang, dt.date(2025, 10, 7), "noyear"))
    return b, lang, "all clinical event dates personal; guideline publication and flu-clinic start public; ages not labelled"


def e_legal_letter(r, v):
    lang = "en_GB"
    f, l = person(r)
    start = rdate(r, 2022, 2023)
    arrears = rdate(r, 2024, 2024, 6, 12)
    served = arrears + dt.timedelta(days=r.randint(40, 80))
    hearing = served + dt.timedelta(days=r.randint(60, 120))
    vacate = hearing - dt.timedelta(days=r.randint(10, 20))
    b = B()
    b.f("Please check this letter before I send it to my tenant's solicitor and tell me whether the dates are consistent.\n\n"
        "Dear Sirs,\n\nRe: Flat 2, Carrow Court — our client <<cf>> <<cl>>\n\nThe assured shorthold tenancy commenced on "
        "<<st>> for a fixed term of 12 months and has since continued as a periodic tenancy. Rent of £1,150 is payable "
        "on the 1st of each month. Your client has paid no rent since <<ar>>, and arrears now stand at £4,600.\n\n"
        "Our client served notice under section 8 of the Housing Act 1988 on <<sv>>. You will be aware that the changes "
        "introduced by the Deregulation Act 2015 have applied to all tenancies since <<dereg>>. The possession claim is "
        "listed for hearing at the County Court on <<hd>> at <<ht>>. If your client gives vacant possession by <<vc>>, "
        "our client is prepared to waive the arrears that accrued after <<wv>>.\n\nPlease note that the court office is "
        "closed on <<bh>> (bank holiday) and that the limitation period for rent arrears is six years.\n\nYours faithfully,\n"
        "<<firm>> LLP",
        cf=f, cl=l, st=Gd(r, lang, start, "long"), ar=Gd(r, lang, arrears, "long"), sv=Gd(r, lang, served, "long"),
        dereg=Nd(r, lang, dt.date(2015, 10, 1), "long"), hd=Gd(r, lang, hearing, r.choice(["wd", "long"])),
        ht=Gt(r, lang, r.choice([10, 11, 14]), r.choice([0, 30])), vc=Gd(r, lang, vacate, "long"),
        wv=Gd(r, lang, arrears, "long"), bh=Nd(r, lang, r.choice(UK_HOLIDAYS)[1], "long"),
        firm=r.choice(["Hartley & Moss", "Pennington Rowe", "Blackwood Carter"]))
    return b, lang, "tenancy start, arrears, notice, hearing and vacate-by dates concern named parties; statute dates public"


def e_school_notice(r, v):
    lang = r.choice(["en_US", "en_GB"])
    child = person(r)[0]
    teacher = person(r)[1]
    trip = rdate(r, 2025, 2026)
    close = rdate(r, 2025, 2026)
    ht1 = rdate(r, 2025, 2025, 10, 10)
    ht2 = ht1 + dt.timedelta(days=9)
    pe = rdate(r, 2025, 2026)
    b = B()
    b.f("Turn this into a short WhatsApp message for the class parents' group, and a separate private note to <<c>>'s dad:\n\n"
        "Dear Parents and Carers,\nYear 4 will visit the Science Museum on <<tr>>; the coach leaves at <<tl>> sharp. School will close "
        "early, at <<ce>>, on <<cd>> for staff training, and half term runs from <<h1>> to <<h2>>.\n"
        "<<c>>'s parents' evening slot is <<pd>> at <<pt>> with <<title>> <<teacher>> (Room 12). If this time does not suit, "
        "please email <<em>> or call the office on <<ph>>.",
        c=child, tr=Nd(r, lang, trip, r.choice(["wd", "long"])), tl=Nt(ftime(r, lang, 8, 45)), ce=Nt(ftime(r, lang, 13, 30)),
        cd=Nd(r, lang, close, r.choice(["wd", "long"])), h1=Nd(r, lang, ht1, "noyear"), h2=Nd(r, lang, ht2, "long"),
        pd=Gd(r, lang, pe, r.choice(["wd", "long"])), pt=Gt(r, lang, r.randint(15, 18), r.choice([0, 10, 20, 30, 40, 50])),
        title=r.choice(["Mrs.", "Mr.", "Ms."]), teacher=teacher,
        em=G(r.choice(["office", "admin", "year4", "parents"]) + "@" + r.choice(["stmarks-primary.org.uk", "oakfield.sch.uk", "riverside-elem.org"]), "EMAIL_ADDRESS"),
        ph=G(phone_s(r, "UK" if lang == "en_GB" else "US", "nat"), "PHONE_NUMBER"))
    return b, lang, "class trip / early closure / half term concern the whole class (not one person); the parents' evening slot is personal"


def e_cs_reply(r, v):
    lang = r.choice(["en_US", "en_GB"])
    f, l = person(r)
    placed = rdate(r, 2025, 2025)
    disp = placed + dt.timedelta(days=r.randint(1, 3))
    att = disp + dt.timedelta(days=r.randint(1, 4))
    redel = att + dt.timedelta(days=r.randint(1, 4))
    b = B()
    b.f("Make this customer-service reply shorter and more empathetic:\n\nHello <<f>>,\n\nThank you for contacting us about "
        "order <<ord>>. I can see that it was placed on <<pl>> and dispatched on <<dp>>. The courier attempted delivery on "
        "<<at>> at <<att>>, but nobody was available to sign. I have booked a new delivery for <<rd>> between <<w1>> and <<w2>>.\n\n"
        "Please note that our returns policy changed on <<pol>>: items bought after that date can be returned within 30 days. "
        "Our team is available <<hrs>>.\n\nBest wishes,\nCustomer Care\n[ticket <<tk>> · auto-logged <<ts>>]",
        f=f, ord=Nn(v.safe_number(r.choice([8, 10]))), pl=Gd(r, lang, placed, "long"), dp=Gd(r, lang, disp, "long"),
        at=Gd(r, lang, att, r.choice(["wd", "noyear"])), att=Gt(r, lang), rd=Gd(r, lang, redel, r.choice(["wd", "noyear"])),
        w1=Gt(r, lang, 8, 0), w2=Gt(r, lang, 12, 0), pol=Nd(r, lang, dt.date(2025, r.choice([1, 2, 3]), 1), "long"),
        hrs=Nt(r.choice(["Monday–Saturday, 9 AM–6 PM", "Mon–Sat 9am–6pm", "7 days a week, 08:00–20:00"])),
        tk=f"CS-{r.randint(100000, 999999)}", ts=N(f"{placed.isoformat()}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z", "timestamp_system"))
    return b, lang, "order/dispatch/delivery-attempt/redelivery dates and the delivery window are this customer's; policy date, hours and ticket log timestamp are not"


def e_bank_statement(r, v):
    lang = "en_GB"
    p1 = dt.date(2025, r.randint(1, 9), 1)
    p2 = (p1.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    tx = sorted(p1 + dt.timedelta(days=r.randint(0, 27)) for _ in range(5))
    merch = r.sample(["CARD PURCHASE TESCO STORES 2231", "DD NETFLIX.COM", "CARD PURCHASE PRET A MANGER", "DD SPOTIFY UK",
                      "FASTER PAYMENT FROM J SMITH", "DD COUNCIL TAX", "CARD PURCHASE TFL TRAVEL CH", "DD AMAZON PRIME",
                      "CARD PURCHASE SHELL 4471", "STO RENT FLAT 2"], 5)
    b = B()
    b.t("Explain the charges on this statement extract; which ones look like subscriptions?\n\n")
    b.f("CURRENT ACCOUNT STATEMENT   Period <<p1>> to <<p2>>\nIBAN <<iban>>\nBalance brought forward: £<<bf>>\n\n",
        p1=Nd(r, lang, p1, "long"), p2=Nd(r, lang, p2, "long"), iban=G(v.iban("GB"), "IBAN_CODE"),
        bf=f"{r.randint(100, 4999):,}.{r.randint(0, 99):02d}")
    b.t("Date       Description                          Amount\n")
    for d, m in zip(tx, merch):
        ds = fdate(r, lang, d, "noyear") if r.random() < 0.5 else f"{d.day:02d} {MONTHS['en'][d.month - 1][:3]}"
        b.g(ds, "DATE_TIME").t(" " * max(1, 11 - len(ds)) + m.ljust(37) + f"-£{r.randint(3, 300)}.{r.randint(0, 99):02d}\n")
    b.f("\nStatement produced <<sp>>. From <<eff>> the arranged overdraft rate for all customers changes to 39.9% EAR.",
        sp=N(f"{(p2 + dt.timedelta(days=1)).isoformat()} 06:00", "timestamp_system"),
        eff=Nd(r, lang, dt.date(2025, 11, 1), "long"))
    return b, lang, "statement period and production time describe the document (not labelled); each transaction date is a personal transaction"


def e_insurance_letter(r, v):
    lang = "en_GB"
    f, l = person(r)
    start = rdate(r, 2024, 2025)
    renew = start.replace(year=start.year + 1)
    inc = start + dt.timedelta(days=r.randint(30, 200))
    visit = inc + dt.timedelta(days=r.randint(3, 14))
    b = B()
    b.f("Summarise this letter in three bullet points for my partner:\n\nPolicyholder: <<f>> <<l>>   Home policy no. <<pol>>\n\n"
        "Your buildings and contents cover started on <<st>> and will renew automatically on <<rn>> unless you tell us otherwise. "
        "We have received your claim for the escape of water that happened on <<inc>> at around <<inct>>. Our loss adjuster "
        "will visit on <<vi>> between <<w1>> and <<w2>>. Your excess is £250.\n\nInsurance Premium Tax has been charged at "
        "12% since <<ipt>>. Our claims line is open 24/7.",
        f=f, l=l, pol=Nn(f"HH-{v.safe_number(8)}"), st=Gd(r, lang, start, "long"), rn=Gd(r, lang, renew, "long"),
        inc=Gd(r, lang, inc, r.choice(["long", "num"])), inct=Gt(r, lang, r.randint(6, 22)), vi=Gd(r, lang, visit, "wd"),
        w1=Gt(r, lang, 9, 0), w2=Gt(r, lang, 13, 0), ipt=Nd(r, lang, dt.date(2017, 6, 1), "long"))
    return b, lang, "cover start/renewal of this person's policy, incident and adjuster visit are personal; IPT date public; home-insurance policy numbers are not HEALTH_PLAN_ID"


def e_chat_trip(r, v):
    lang = r.choice(["en_US", "en_GB"])
    city, museum, hol, hd = r.choice([("lisbon", "the tram museum", "Freedom Day", dt.date(2025, 4, 25)),
                                      ("paris", "the Orsay", "Bastille Day", dt.date(2025, 7, 14)),
                                      ("rome", "the Vatican Museums", "Ferragosto", dt.date(2025, 8, 15)),
                                      ("madrid", "the Prado", "the Día de la Hispanidad", dt.date(2025, 10, 12))])
    d = r.randint(2, 28)
    b = B()
    b.f("my flight to <<city>> is on the <<d>> and i land around <<t>>. hotel check-in isn't until <<ci>> so what can i do "
        "with a suitcase in the morning? also someone said <<mus>> is closed on <<hd>> for <<hol>>, is that true? i fly back "
        "<<back>>",
        city=city, d=G(ordinal(d), "DATE_TIME"), t=G(r.choice([f"{r.randint(5, 9)}.{r.choice(['10', '25', '40', '55'])}am",
                                                                f"{r.randint(5, 9)}:{r.choice(['10', '25', '40', '55'])} am"]), "DATE_TIME"),
        ci=Nt(r.choice(["3pm", "2 pm", "15:00"])), mus=museum, hd=Nd(r, lang, hd, "noyear"), hol=hol,
        back=["on the ", G(ordinal(min(28, d + r.randint(2, 9))), "DATE_TIME")])
    return b, lang, "'the 12th' of the writer's own flight: DATE_TIME (a specific day, not relative); span is the ordinal without 'the'; hotel check-in time is the hotel's general rule"


def e_party(r, v):
    lang = r.choice(["en_US", "en_GB"])
    bd = dob(r, 1975, 1990)
    wed = rdate(r, 2008, 2018)
    b = B()
    b.f("Help me plan a surprise <<n>>th birthday for my husband. His birthday is <<bd>>, and we got married on <<wd>>, "
        "so maybe a nod to that too. Guests can arrive from <<arr>>; the venue's licence ends at <<lic>> and they need "
        "final numbers two weeks before. Budget about <<bud>> for 30 people.",
        n=str(r.choice([40, 45, 50])), bd=Gd(r, lang, bd, "noyear"), wd=Gd(r, lang, wed, "long"),
        arr=Gt(r, lang, r.choice([18, 19]), r.choice([0, 30])), lic=Nt(ftime(r, lang, 23, 0)),
        bud=r.choice(["$1,500", "£1,200", "€1,400"]))
    return b, lang, "birthday without year and wedding date personal; party arrival time is the individual's event; venue licence hour public"


def e_visa_days(r, v):
    lang = r.choice(["en_US", "en_GB"])
    d1 = rdate(r, 2025, 2025, 1, 4)
    d2 = d1 + dt.timedelta(days=r.randint(15, 40))
    d3 = d2 + dt.timedelta(days=r.randint(20, 60))
    d4 = d3 + dt.timedelta(days=r.randint(10, 40))
    b = B()
    b.f("Schengen 90/180 question. I entered France on <<d1>>, flew home on <<d2>>, came back through Frankfurt on <<d3>> "
        "and plan to leave on <<d4>>. How many days will I have used, and am I over? I know the rule counts any 180-day "
        "period since the change on <<chg>>, and that EES started on <<ees>>.",
        d1=Gd(r, lang, d1, "long"), d2=Gd(r, lang, d2, "long"), d3=Gd(r, lang, d3, r.choice(["long", "noyear"])),
        d4=Gd(r, lang, d4, r.choice(["long", "noyear"])), chg=Nd(r, lang, dt.date(2013, 10, 18), "long"),
        ees=Nd(r, lang, dt.date(2025, 10, 12), "long"))
    return b, lang, "personal entry/exit dates labelled; regulation dates public"


def e_deadline_mix(r, v):
    lang = "en_GB"
    f = person(r)[0]
    acc = rdate(r, 2025, 2025, 11, 12)
    meet = acc + dt.timedelta(days=r.randint(5, 20))
    b = B()
    b.f("Can you turn this into a to-do list with dates? My self-assessment return is due on <<sa>> like everyone's, and the "
        "second payment on account on <<poa>>. But my accountant <<f>> wants all my receipts by <<acc>>, and I'm seeing her on "
        "<<meet>> at <<mt>>. Also my car's MOT runs out on <<mot>>.",
        sa=Nd(r, lang, dt.date(2026, 1, 31), "long"), poa=Nd(r, lang, dt.date(2026, 7, 31), "long"), f=f,
        acc=Gd(r, lang, acc, r.choice(["long", "noyear", "wd"])), meet=Gd(r, lang, meet, r.choice(["wd", "noyear"])),
        mt=Gt(r, lang), mot=Gd(r, lang, rdate(r, 2026, 2026), "long"))
    return b, lang, "statutory deadlines stay unlabelled even when the writer says 'my'; the accountant's deadline, the meeting and the MOT expiry of the writer's car are personal"


def e_calendar_ics(r, v):
    lang = "en_GB"
    d = soon(r)
    h = r.randint(8, 17)
    mi = r.choice([0, 15, 30, 45])
    stamp = d - dt.timedelta(days=r.randint(3, 30))
    f, l = person(r)
    b = B()
    end_h, end_m = (h, mi + 30) if mi < 30 else (h + 1, mi - 30)
    b.f("Why does Outlook show this invite one hour off? It should be in Berlin time.\n\nBEGIN:VCALENDAR\nVERSION:2.0\n"
        "PRODID:-//Praxis Online//CalSync 3.4//EN\nBEGIN:VEVENT\nUID:<<uid>>\nDTSTAMP:<<st>>\n"
        "DTSTART;TZID=Europe/Berlin:<<ds>>\nDTEND;TZID=Europe/Berlin:<<de>>\nSUMMARY:Physiotherapie – <<f>> <<l>>\n"
        "ORGANIZER;CN=Praxis am Park:mailto:<<em>>\nLOCATION:Behandlungsraum 3\nEND:VEVENT\nEND:VCALENDAR",
        uid=f"{v.hexs(8)}-{v.hexs(4)}-4{v.hexs(3)}-a{v.hexs(3)}-{v.hexs(12)}",
        st=N(f"{stamp:%Y%m%d}T{r.randint(0, 23):02d}{r.randint(0, 59):02d}00Z", "timestamp_system"),
        ds=G(f"{d:%Y%m%d}T{h:02d}{mi:02d}00", "DATE_TIME"), de=G(f"{d:%Y%m%d}T{end_h:02d}{end_m:02d}00", "DATE_TIME"),
        f=f, l=l, em=G(r.choice(["termine", "info", "praxis"]) + "@" + r.choice(["praxis-am-park.de", "physio-mitte.de"]), "EMAIL_ADDRESS"))
    return b, lang, "DTSTART/DTEND of a personal appointment labelled; DTSTAMP is a system timestamp; mailto: prefix outside the e-mail span"


def e_sick_leave(r, v):
    lang = r.choice(["en_US", "en_GB"])
    mgr = person(r)[0]
    surg = rdate(r, 2025, 2025)
    d1 = surg + dt.timedelta(days=1)
    d2 = d1 + dt.timedelta(days=r.randint(7, 20))
    back = d2 + dt.timedelta(days=1)
    b = B()
    b.f("Rewrite this email to my manager so it sounds less apologetic:\n\n\"Hi <<m>>, I'm so sorry, but my GP has signed me "
        "off from <<d1>> until <<d2>> after my knee surgery on <<sg>>. I should be back on <<bk>>. I'm really sorry to miss the "
        "team offsite on <<off>>, and I know the Q3 planning deadline for all departments is <<q3>>. Sorry again!\"",
        m=mgr, d1=Gd(r, lang, d1, "noyear"), d2=Gd(r, lang, d2, "noyear"), sg=Gd(r, lang, surg, r.choice(["noyear", "long"])),
        bk=Gd(r, lang, back, "wd"), off=Nd(r, lang, rdate(r, 2025, 2025), "noyear"), q3=Nd(r, lang, rdate(r, 2025, 2025), "long"))
    return b, lang, "sick-leave and surgery dates personal; team offsite (a group event) and a company-wide deadline are not"


# ---- English public-only (PII-free)
def e_release_notes(r, v):
    lang = r.choice(["en_US", "en_GB"])
    rel = rdate(r, 2025, 2025)
    b = B()
    ver = f"{r.randint(2, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)}"
    b.f("Summarize these release notes for a customer newsletter (no more than 80 words):\n\n## <<ver>> — released <<rel>>\n"
        "- Dropped support for Node.js 16, which reached end-of-life on <<node>>.\n- New scheduler: jobs can run daily at a fixed "
        "time, e.g. <<ex>> in the project's time zone.\n- Weekly maintenance window moves to Sundays <<mw>>.\n- The legacy v1 REST API "
        "will be switched off on <<sunset>>; migrate before then.\n- Build <<bld>>, <<nfix>> bug fixes.",
        ver=N(ver, "version"), rel=Nd(r, lang, rel, r.choice(["long", "num"])), node=Nd(r, lang, dt.date(2023, 9, 11), "long"),
        ex=Nt(ftime(r, lang, 2, 30)), mw=Nt(r.choice(["02:00–04:00 UTC", "1 AM–3 AM UTC"])),
        sunset=Nd(r, lang, rdate(r, 2025, 2026), "long"), bld=Nn(f"{rel:%Y%m%d}.{r.randint(1, 9)}"), nfix=str(r.randint(5, 60)))
    return b, lang, "PII-free: release, EOL and sunset dates, schedules"


def e_history_quiz(r, v):
    lang = r.choice(["en_US", "en_GB"])
    ev = r.sample([("did the Berlin Wall fall", dt.date(1989, 11, 9)), ("did Apollo 11 land on the Moon", dt.date(1969, 7, 20)),
                   ("was the Magna Carta sealed", dt.date(1215, 6, 15)), ("did the Titanic sink", dt.date(1912, 4, 15)),
                   ("did the first iPhone go on sale", dt.date(2007, 6, 29)), ("did euro notes enter circulation", dt.date(2002, 1, 1)),
                   ("did the Wright brothers first fly", dt.date(1903, 12, 17)), ("did the GDPR start to apply", dt.date(2018, 5, 25)),
                   ("did the World War I armistice take effect", dt.date(1918, 11, 11)), ("did the Chernobyl accident happen", dt.date(1986, 4, 26))], 4)
    b = B()
    b.t("Make a 4-question multiple-choice quiz for a pub night. Correct answers:\n")
    for i, (e, d) in enumerate(ev, 1):
        b.f("<<i>>. On what date <<e>>? (<<d>>)\n", i=str(i), e=e, d=Nd(r, lang, d, "long"))
    b.f("Quiz starts at <<t>>; table bookings close on <<c>>.", t=Nt(ftime(r, lang, 20, 0)), c=Nd(r, lang, rdate(r, 2025, 2025), "wd"))
    return b, lang, "PII-free: historical events and a public event schedule"


def e_postmortem(r, v):
    lang = "en_US"
    d = rdate(r, 2024, 2025)
    h = r.randint(0, 20)
    b = B()
    t = lambda mm: N(f"{h + mm // 60:02d}:{mm % 60:02d}", "timestamp_system")
    b.f("Write a blameless post-mortem from this timeline (all times UTC, <<d>>):\n\n<<t0>> p99 latency alert fires on checkout-api\n"
        "<<t1>> on-call acknowledges; error rate 7.2%\n<<t2>> deploy <<ver>> identified as trigger (commit <<sha>>)\n"
        "<<t3>> rollback to <<ver0>> started\n<<t4>> error rate back under 0.1%\n<<ts>> incident closed by automation\n\n"
        "Customer impact: ~3,400 failed checkouts over 41 minutes. Next game day: <<gd>>.",
        d=Nd(r, lang, d, "long"), t0=t(0), t1=t(4), t2=t(19), t3=t(23), t4=t(41),
        ts=N(f"{d.isoformat()}T{h + 1:02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z", "timestamp_system"),
        ver=N(f"v{r.randint(3, 9)}.{r.randint(0, 30)}.{r.randint(0, 9)}", "version"),
        ver0=N(f"v{r.randint(3, 9)}.{r.randint(0, 30)}.{r.randint(0, 9)}", "version"), sha=v.hexs(12),
        gd=Nd(r, lang, rdate(r, 2025, 2026), "long"))
    return b, lang, "PII-free: system event timestamps; an incident date is not about a person"


def e_statutory(r, v):
    lang = r.choice(["en_US", "en_GB"])
    b = B()
    if lang == "en_US":
        b.f("Write a short reminder for our small-business newsletter:\n- Form 1040 and Q1 estimated tax: due <<a>>\n- Extension "
            "filers: <<b>>\n- Q2 estimated tax: <<c>>\n- Form W-2 to employees: <<d>>\nIRS phone lines are busiest on Mondays "
            "between <<t1>> and <<t2>> local time.",
            a=Nd(r, lang, dt.date(2025, 4, 15), "long"), b=Nd(r, lang, dt.date(2025, 10, 15), "long"),
            c=Nd(r, lang, dt.date(2025, 6, 16), "long"), d=Nd(r, lang, dt.date(2026, 1, 31), "long"),
            t1=Nt("10 AM"), t2=Nt("2 PM"))
    else:
        b.f("Write a short reminder for our newsletter for sole traders:\n- Online self-assessment deadline: <<a>>\n- Paper returns: "
            "<<b>>\n- Register for self-assessment by <<c>>\n- VAT quarter ending <<d>>: return due one month and seven days later.\n"
            "HMRC helplines are open <<hrs>>.",
            a=Nd(r, lang, dt.date(2026, 1, 31), "long"), b=Nd(r, lang, dt.date(2025, 10, 31), "long"),
            c=Nd(r, lang, dt.date(2025, 10, 5), "long"), d=Nd(r, lang, dt.date(2025, 6, 30), "long"),
            hrs=Nt("8am to 6pm, Monday to Friday"))
    return b, lang, "PII-free: statutory deadlines"


# ---- English long documents (1.5-2 KB)
def e_support_thread_long(r, v):
    lang = r.choice(["en_GB", "en_US"])
    f, l = person(r)
    mother = person(r)[0]
    dom = r.choice(["skylark-air.com", "northsea-airways.co.uk", "atlantica-fly.com"])
    ref = v.alnum(6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    d1 = soon(r)
    d2 = d1 + dt.timedelta(days=r.randint(5, 14))
    hosp = d2 + dt.timedelta(days=1)
    t0 = rdate(r, 2025, 2025) if d1.year > 2025 else d1 - dt.timedelta(days=r.randint(20, 40))
    m3, m2, m1 = t0, t0 + dt.timedelta(days=r.randint(2, 6)), t0 + dt.timedelta(days=r.randint(8, 12))
    hol = r.choice(US_HOLIDAYS if lang == "en_US" else UK_HOLIDAYS)
    msg = lambda d: N(f"{WEEKDAYS['en'][d.weekday()][:3]}, {fdate(r, lang, d, 'long')} at {ftime(r, lang, r.randint(7, 21))}", "timestamp_message")
    b = B()
    b.f("Summarise this thread for the escalation queue (who, what, which dates matter) in five bullets:\n\n"
        "-------- Forwarded message --------\nFrom: Customer Care <<<care>>>\nDate: <<m1>>\nSubject: Re: Re: Wheelchair assistance for booking <<ref>>\n\n"
        "Dear <<f>>,\n\nthank you for your patience. I have added wheelchair assistance (WCHR) to both flights on booking <<ref>>: outbound on "
        "<<d1>> departing at <<t1>>, and the return on <<d2>>. Please be at the assistance desk at least 90 minutes before departure. "
        "Our assistance team works <<hours>>; please note that on <<hd>> (<<hn>>) the Terminal 2 desk only opens at <<topen>>.\n\n"
        "If anything changes, call our accessibility line <<ph1>> or simply reply to this e-mail.\n\nKind regards,\n<<agent>>\nCustomer Care\n\n"
        "On <<m2>>, <<f>> <<l>> <<<em>>> wrote:\n> Hello, my mother <<mo>> (born <<dob>>) travels with me and needs a wheelchair at both "
        "airports. We fly out on <<d1b>> and come back on <<d2b>>. She has a hospital appointment on <<hd2>> at <<ht>>, so we really cannot "
        "change the return date. My mobile is <<ph2>>, and my mother's landline is <<ph3>>.\n>\n> Thanks, <<f>>\n>\n> On <<m3>>, Customer "
        "Care wrote:\n>> Your booking <<ref>> is confirmed. Manage it at <<url>>. Schedules are subject to change; the new baggage policy "
        "applies to all bookings from <<pol>>.",
        care=G(f"care@{dom}", "EMAIL_ADDRESS"), m1=msg(m1), ref=ref, f=f, d1=Gd(r, lang, d1, r.choice(["wd", "long"])), t1=Gt(r, lang),
        d2=Gd(r, lang, d2, r.choice(["wd", "long"])), hours=Nt(r.choice(HOURS_EN[lang])), hd=Nd(r, lang, hol[1], "noyear"), hn=hol[0],
        topen=Nt(ftime(r, lang, 10, 0)), ph1=G(phone_s(r, "UK" if lang == "en_GB" else "US", "nat"), "PHONE_NUMBER"),
        agent=person(r)[0], m2=msg(m2), l=l, em=G(email_for(r, f, l), "EMAIL_ADDRESS"), mo=mother,
        dob=Gd(r, lang, dob(r, 1935, 1955), "long"), d1b=Gd(r, lang, d1, "noyear"), d2b=Gd(r, lang, d2, "noyear"),
        hd2=Gd(r, lang, hosp, r.choice(["wd", "long"])), ht=Gt(r, lang), ph2=G(phone_s(r, "UK" if lang == "en_GB" else "US", "nat"), "PHONE_NUMBER"),
        ph3=G(phone_s(r, "UK" if lang == "en_GB" else "US", "nat"), "PHONE_NUMBER"), m3=msg(m3),
        url=G(f"https://www.{dom}/manage?booking={ref}&last={l.lower()}", "URL"),
        pol=Nd(r, lang, dt.date(2025, r.choice([3, 6, 9]), 1), "long"))
    return b, lang, "e-mail 'Date:' / 'On ..., X wrote:' lines are message timestamps (unlabelled); travel, birth and hospital dates personal"


def e_relocation_long(r, v):
    lang = "en_GB"
    f, l = person(r)
    child = person(r)[0]
    sign = rdate(r, 2025, 2025, 5, 6)
    visa = sign + dt.timedelta(days=r.randint(10, 20))
    fly = visa + dt.timedelta(days=r.randint(20, 35))
    flat2 = fly + dt.timedelta(days=r.choice([60, 90]))
    anm = fly + dt.timedelta(days=r.randint(2, 9))
    start = fly + dt.timedelta(days=r.randint(3, 10))
    intv = fly + dt.timedelta(days=r.randint(1, 12))
    b = B()
    b.f("Turn this relocation checklist into a timeline table and flag anything that conflicts:\n\nRELOCATION CASE <<case>> — <<f>> <<l>> "
        "(Lisbon → Berlin)\n1. Contract signed on <<sg>>. Visa appointment at the German consulate: <<vd>>, <<vt>>. Bring passport and contract.\n"
        "2. Flight <<fl>> on <<fd>>, arriving Berlin BER at <<fa>>. The company-wide baggage allowance was increased from <<pol>>.\n"
        "3. Temporary flat from <<fd2>> until <<f2>>; landlord <<ll>>, <<lp>>.\n4. Residence registration (Anmeldung) on <<ad>> at <<at>>, "
        "Bürgeramt Mitte (open <<hrs>>).\n5. First day in the Berlin office: <<st>>. Payroll cut-off for everyone is the 15th of each month; the "
        "office is closed on <<h1>> (Tag der Deutschen Einheit) and from <<h2>> to <<h3>>.\n6. Schools: the Berlin school year starts on <<sy>> "
        "for all pupils; <<c>>'s placement interview is on <<id>> at <<it>>.\n7. Relocation allowance of €4,500 goes to IBAN <<iban>> with the "
        "next payroll run.\n\nQuestions: mobility team <<em>>, <<tp>> (<<thrs>>).",
        case=Nn(f"REL-{sign.year}-{r.randint(1000, 9999)}"), f=f, l=l, sg=Gd(r, lang, sign, "long"), vd=Gd(r, lang, visa, "wd"),
        vt=Gt(r, lang), fl=f"TP {r.randint(500, 599)}", fd=Gd(r, lang, fly, "long"), fa=Gt(r, lang),
        pol=Nd(r, lang, dt.date(2025, 4, 1), "long"), fd2=Gd(r, lang, fly, "noyear"), f2=Gd(r, lang, flat2, "long"),
        ll=" ".join(person(r, "de")), lp=G(phone_s(r, "DE"), "PHONE_NUMBER"), ad=Gd(r, lang, anm, "wd"), at=Gt(r, lang),
        hrs=Nt("Mon–Fri 8:00–15:00"), st=Gd(r, lang, start, "wd"), h1=Nd(r, lang, dt.date(2025, 10, 3), "noyear"),
        h2=Nd(r, lang, dt.date(2025, 12, 24), "noyear"), h3=Nd(r, lang, dt.date(2026, 1, 1), "long"),
        sy=Nd(r, lang, dt.date(2025, 8, 25), "long"), c=child, id=Gd(r, lang, intv, "wd"), it=Gt(r, lang, r.randint(9, 15), 0),
        iban=G(v.iban(r.choice(["PT", "DE"])), "IBAN_CODE"), em=G(f"mobility@{r.choice(DOMAINS)}", "EMAIL_ADDRESS"),
        tp=G(phone_s(r, "DE", "intl"), "PHONE_NUMBER"), thrs=Nt("Mon–Thu 9:00–17:00"))
    return b, lang, "the employee's contract, visa, flight, flat, registration, start and the child's interview dates are personal; company-wide and school-year dates are not"


# =========================================================================== theme 1: personal vs public dates (8 languages)
LANGS = ["de", "fr", "es", "it", "pt", "nl", "pl", "ja"]
LANG_CC = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "nl": "NL", "pl": "PL", "ja": "JP"}
D_STYLES = {"de": ["wd", "long", "num"], "fr": ["wd", "long", "num"], "es": ["wd", "long", "num"],
            "it": ["wd", "long", "num"], "pt": ["long", "num", "noyear"], "nl": ["wd", "long", "num"],
            "pl": ["long", "num"], "ja": ["long", "num", "noyear"]}
HOLS = {
    "de": [("Tag der Deutschen Einheit", dt.date(2025, 10, 3)), ("Tag der Arbeit", dt.date(2026, 5, 1)),
           ("Pfingstmontag", dt.date(2025, 6, 9)), ("Fronleichnam", dt.date(2025, 6, 19))],
    "fr": [("Fête nationale", dt.date(2025, 7, 14)), ("Assomption", dt.date(2025, 8, 15)),
           ("Armistice", dt.date(2025, 11, 11)), ("fête du Travail", dt.date(2026, 5, 1))],
    "es": [("Fiesta Nacional", dt.date(2025, 10, 12)), ("Día de la Constitución", dt.date(2025, 12, 6)),
           ("Día del Trabajo", dt.date(2026, 5, 1)), ("Asunción", dt.date(2025, 8, 15))],
    "it": [("Festa della Liberazione", dt.date(2026, 4, 25)), ("Festa della Repubblica", dt.date(2025, 6, 2)),
           ("Ferragosto", dt.date(2025, 8, 15)), ("Immacolata", dt.date(2025, 12, 8))],
    "pt": [("Dia da Liberdade", dt.date(2026, 4, 25)), ("Dia de Portugal", dt.date(2025, 6, 10)),
           ("Implantação da República", dt.date(2025, 10, 5)), ("Restauração da Independência", dt.date(2025, 12, 1))],
    "nl": [("Koningsdag", dt.date(2026, 4, 27)), ("Bevrijdingsdag", dt.date(2025, 5, 5)),
           ("Tweede Pinksterdag", dt.date(2025, 6, 9)), ("Hemelvaartsdag", dt.date(2025, 5, 29))],
    "pl": [("Święto Konstytucji", dt.date(2026, 5, 3)), ("Narodowe Święto Niepodległości", dt.date(2025, 11, 11)),
           ("Wniebowzięcie NMP", dt.date(2025, 8, 15)), ("Wszystkich Świętych", dt.date(2025, 11, 1))],
    "ja": [("文化の日", dt.date(2025, 11, 3)), ("元日", dt.date(2026, 1, 1)), ("昭和の日", dt.date(2026, 4, 29)),
           ("こどもの日", dt.date(2026, 5, 5))],
}
HOURS = {
    "de": ["Mo–Fr 8:00–12:00 Uhr, Di und Do zusätzlich 15:00–18:00 Uhr", "montags bis freitags von 7.30 bis 13.00 Uhr"],
    "fr": ["du lundi au vendredi de 8h30 à 19h", "du mardi au samedi, 9h–12h et 14h–18h"],
    "es": ["de lunes a viernes de 9:00 a 14:00 y de 16:00 a 20:00", "de lunes a jueves, de 8:30 a 15:00"],
    "it": ["lun–ven 9:00–13:00 e 15:00–19:00", "dal lunedì al venerdì dalle 8.30 alle 17.30"],
    "pt": ["de segunda a sexta, das 9h às 19h", "dias úteis das 8h30 às 17h"],
    "nl": ["maandag t/m vrijdag van 8.00 tot 17.00 uur", "op werkdagen van 9:00 tot 16:30"],
    "pl": ["od poniedziałku do piątku w godz. 8:00–18:00", "pon.–pt. 7:30–15:30"],
    "ja": ["平日9:00〜18:00、土曜9:00〜13:00", "月〜金 8:30〜17:15"],
}


def lname(r, lang):
    f, l = person(r, lang)
    return f"{l} {f}" if lang == "ja" else f"{f} {l}"


def sys_ts(r, lang, d):
    h, m = r.randint(0, 23), r.randint(0, 59)
    s = {"de": f"{d:%d.%m.%Y} {h:02d}:{m:02d}", "fr": f"{d:%d/%m/%Y} à {h:02d}:{m:02d}", "ja": f"{d:%Y-%m-%d} {h:02d}:{m:02d}",
         }.get(lang, f"{d.isoformat()} {h:02d}:{m:02d}:{r.randint(0, 59):02d}")
    return N(s, "timestamp_system")


T_APPT = {
    "de": "Bitte übersetze diese Terminerinnerung ins Englische:\n\n„Guten Tag <<name>>, wir erinnern Sie an Ihren Termin in unserer Praxis am <<d>> um <<t>>. Unsere Sprechzeiten: <<hours>>. Am <<hol>> (<<holn>>) bleibt die Praxis geschlossen. Falls Sie den Termin nicht wahrnehmen können, rufen Sie uns bitte unter <<ph>> an.“",
    "fr": "Peux-tu raccourcir ce SMS de rappel ?\n\n« Bonjour <<name>>, nous vous rappelons votre rendez-vous au cabinet le <<d>> à <<t>>. Le cabinet est ouvert <<hours>> et sera fermé le <<hol>> (<<holn>>). Pour annuler, appelez le <<ph>> au moins 24 h à l'avance. »",
    "es": "Traduce al inglés este recordatorio de cita:\n\n«Hola, <<name>>: le recordamos su cita en la clínica dental el <<d>> a las <<t>>. Nuestro horario es <<hours>>. El <<hol>> (<<holn>>) la clínica permanecerá cerrada. Si no puede acudir, llámenos al <<ph>>.»",
    "it": "Riscrivi questo promemoria in modo più cordiale:\n\n\"Gentile <<name>>, le ricordiamo l'appuntamento fissato per <<d>> alle <<t>>. Orari di apertura dello studio: <<hours>>. Lo studio resterà chiuso il <<hol>> (<<holn>>). Per disdire chiami il numero <<ph>>.\"",
    "pt": "Traduz para inglês este lembrete:\n\n\"Olá <<name>>, lembramos a sua consulta na clínica no dia <<d>> às <<t>>. O nosso horário de funcionamento é <<hours>>. No dia <<hol>> (<<holn>>) estaremos encerrados. Para remarcar ligue para o <<ph>>.\"",
    "nl": "Kun je dit herinneringsbericht korter maken?\n\n\"Beste <<name>>, dit is een herinnering aan uw afspraak bij de tandarts op <<d>> om <<t>>. Onze praktijk is geopend <<hours>>. Op <<hol>> (<<holn>>) zijn wij gesloten. Verhinderd? Bel ons op <<ph>>.\"",
    "pl": "Przetłumacz na angielski to przypomnienie:\n\n„Dzień dobry, <<name>>! Przypominamy o wizycie w gabinecie w dniu <<d>> o godz. <<t>>. Gabinet jest czynny <<hours>>. W dniu <<hol>> (<<holn>>) gabinet będzie nieczynny. W razie potrzeby zmiany terminu prosimy o kontakt pod numerem <<ph>>.”",
    "ja": "次の予約確認メールを英語に翻訳してください。\n\n「<<name>>様\n<<d>><<wdj>> <<t>>より、診察のご予約を承っております。当院の診療時間は<<hours>>です。なお、<<hol>>（<<holn>>）は休診となります。ご変更の際は<<ph>>までお電話ください。」",
}
T_TRAVEL = {
    "de": "Fasse diese Buchungsbestätigung in drei Stichpunkten zusammen:\n\nBuchungsbestätigung für <<name>> – Buchungscode <<ref>>\nHinflug <<fl>> am <<d1>>, Abflug Frankfurt <<t1>>, Ankunft Lissabon <<t2>>.\nRückflug am <<d2>> um <<t3>>.\nHinweis: Ab dem <<pol>> gelten für alle Buchungen neue Handgepäckregeln. Der Online-Check-in öffnet 30 Stunden vor Abflug.",
    "fr": "Résume cette confirmation de réservation :\n\nRéservation <<ref>> – passager : <<name>>\nAller : vol <<fl>> le <<d1>>, départ de Paris-CDG à <<t1>>, arrivée à Montréal à <<t2>>.\nRetour : le <<d2>>, départ à <<t3>>.\nÀ compter du <<pol>>, les nouvelles conditions tarifaires s'appliquent à toutes les réservations. Enregistrement en ligne ouvert 30 heures avant le départ.",
    "es": "Resume esta confirmación de viaje:\n\nLocalizador <<ref>> · Pasajero: <<name>>\nIda: tren <<fl>> el <<d1>>, salida de Madrid-Puerta de Atocha a las <<t1>>, llegada a Barcelona-Sants a las <<t2>>.\nVuelta: el <<d2>> a las <<t3>>.\nDesde el <<pol>> las nuevas condiciones de cambio se aplican a todos los billetes.",
    "it": "Riassumi questa conferma di prenotazione:\n\nCodice prenotazione <<ref>> – passeggero <<name>>\nAndata: treno <<fl>> del <<d1>>, partenza da Milano Centrale alle <<t1>>, arrivo a Roma Termini alle <<t2>>.\nRitorno: <<d2>> alle <<t3>>.\nDal <<pol>> le nuove condizioni di rimborso valgono per tutti i biglietti.",
    "pt": "Resume esta confirmação de reserva:\n\nReserva <<ref>> · Passageiro: <<name>>\nIda: voo <<fl>> em <<d1>>, partida de Lisboa às <<t1>>, chegada a São Paulo às <<t2>>.\nVolta: <<d2>>, partida às <<t3>>.\nA partir de <<pol>>, as novas regras de bagagem aplicam-se a todas as reservas.",
    "nl": "Vat deze boekingsbevestiging samen:\n\nBoekingsnummer <<ref>> – reiziger <<name>>\nHeenreis: vlucht <<fl>> op <<d1>>, vertrek Schiphol <<t1>>, aankomst Barcelona <<t2>>.\nTerugreis: <<d2>>, vertrek <<t3>>.\nVanaf <<pol>> gelden nieuwe bagageregels voor alle boekingen.",
    "pl": "Streść potwierdzenie rezerwacji:\n\nNumer rezerwacji <<ref>> – pasażer: <<name>>\nWylot: lot <<fl>> dnia <<d1>>, wylot z Warszawy o godz. <<t1>>, przylot do Londynu o godz. <<t2>>.\nPowrót: <<d2>>, wylot o godz. <<t3>>.\nOd <<pol>> nowe zasady dotyczące bagażu obowiązują we wszystkich rezerwacjach.",
    "ja": "この予約内容を箇条書きにまとめてください。\n\n予約番号：<<ref>>　搭乗者：<<name>>様\n往路：<<fl>>便　<<d1>>　羽田<<t1>>発 → 那覇<<t2>>着\n復路：<<d2>>　那覇<<t3>>発\n<<pol>>より、受託手荷物の規定が変更となります（全てのご予約が対象）。",
}
T_HR = {
    "de": "Bitte korrigiere Rechtschreibung und Ton dieses Schreibens:\n\n<<sal>>,\nvielen Dank für das Gespräch am <<iv>>. Wir freuen uns, Ihnen mitzuteilen, dass Ihr Arbeitsverhältnis am <<start>> beginnt. Bitte senden Sie uns den unterschriebenen Vertrag bis zum <<dl>> zurück. Der neue Tarifvertrag gilt für alle Beschäftigten seit dem <<eff>>; der <<hol>> ist bei uns arbeitsfrei.\nMit freundlichen Grüßen\nPersonalabteilung",
    "fr": "Corrige ce courrier et rends-le plus chaleureux :\n\n<<sal>>,\nSuite à notre entretien du <<iv>>, nous avons le plaisir de vous confirmer votre embauche à compter du <<start>>. Merci de nous retourner le contrat signé avant le <<dl>>. La nouvelle convention collective s'applique à l'ensemble du personnel depuis le <<eff>> ; le <<hol>> est un jour chômé dans l'entreprise.\nCordialement,\nLe service RH",
    "es": "Revisa esta carta de bienvenida:\n\n<<sal>>:\nTras la entrevista del <<iv>>, nos complace confirmarle su incorporación el <<start>>. Le rogamos que nos devuelva el contrato firmado antes del <<dl>>. El nuevo convenio colectivo se aplica a toda la plantilla desde el <<eff>>, y el <<hol>> es festivo en la empresa.\nUn saludo,\nRecursos Humanos",
    "it": "Correggi questa lettera:\n\n<<sal>>,\na seguito del colloquio del <<iv>>, siamo lieti di confermarle l'assunzione a partire dal <<start>>. La preghiamo di restituirci il contratto firmato entro il <<dl>>. Il nuovo CCNL si applica a tutto il personale dal <<eff>>; il <<hol>> l'ufficio è chiuso.\nCordiali saluti,\nUfficio Risorse Umane",
    "pt": "Revê esta carta:\n\n<<sal>>,\nNa sequência da entrevista de <<iv>>, temos o prazer de confirmar a sua admissão a partir de <<start>>. Pedimos que nos devolva o contrato assinado até <<dl>>. O novo acordo coletivo aplica-se a todos os trabalhadores desde <<eff>>, e o dia <<hol>> é feriado na empresa.\nCom os melhores cumprimentos,\nRecursos Humanos",
    "nl": "Controleer deze brief op spelling:\n\n<<sal>>,\nNaar aanleiding van ons gesprek op <<iv>> bevestigen wij graag dat je dienstverband ingaat op <<start>>. Wil je het getekende contract vóór <<dl>> retourneren? De nieuwe cao geldt voor alle medewerkers sinds <<eff>>; op <<hol>> is het kantoor gesloten.\nMet vriendelijke groet,\nAfdeling HR",
    "pl": "Popraw ten list:\n\n<<sal>>,\nw nawiązaniu do rozmowy z dnia <<iv>> z przyjemnością potwierdzamy zatrudnienie od dnia <<start>>. Prosimy o odesłanie podpisanej umowy do <<dl>>. Nowy regulamin pracy obowiązuje wszystkich pracowników od <<eff>>; w dniu <<hol>> biuro jest nieczynne.\nZ poważaniem\nDział Kadr",
    "ja": "以下の通知文を丁寧な表現に直してください。\n\n<<sal>>\n<<iv>>の面接ありがとうございました。入社日は<<start>>となります。署名済みの雇用契約書を<<dl>>までにご返送ください。なお、就業規則は<<eff>>に全社員を対象として改定されました。<<hol>>は全社休業日です。\n人事部",
}
SAL = {"de": lambda f, l: f"Sehr geehrte Frau {l}" if f[-1] in "aeiun" else f"Sehr geehrter Herr {l}",
       "fr": lambda f, l: f"Madame {l}" if f[-1] in "eé" else f"Monsieur {l}",
       "es": lambda f, l: f"Estimada {f}" if f[-1] == "a" else f"Estimado {f}",
       "it": lambda f, l: f"Gentile {f} {l}", "pt": lambda f, l: f"Cara {f}" if f[-1] == "a" else f"Caro {f}",
       "nl": lambda f, l: f"Beste {f}", "pl": lambda f, l: f"Szanowna Pani {f}" if f[-1] == "a" else f"Szanowny Panie {f}",
       "ja": lambda f, l: f"{l} {f}様"}
T_MED = {
    "de": "Fasse diesen Arztbrief für den Patienten verständlich zusammen:\n\nPatient/in: <<name>>, geb. <<dob>>\nVorstellung in unserer Ambulanz am <<visit>> wegen Oberbauchschmerzen seit drei Wochen. Sonografie unauffällig, CRP 12 mg/l. Gastroskopie geplant am <<next>> um <<nt>> (bitte nüchtern ab Mitternacht). Die neue S3-Leitlinie gilt seit dem <<camp>>.",
    "fr": "Résume ce compte rendu pour le patient :\n\nPatient : <<name>>, né(e) le <<dob>>\nConsultation du <<visit>> : douleurs lombaires depuis deux semaines, examen neurologique normal. IRM programmée le <<next>> à <<nt>>. Rappel : la campagne de vaccination contre la grippe débute le <<camp>> pour tous les publics.",
    "es": "Resume este informe para el paciente:\n\nPaciente: <<name>>, fecha de nacimiento <<dob>>\nAcude a consulta el <<visit>> por tos persistente. Radiografía de tórax sin hallazgos. Próxima cita con Neumología: <<next>> a las <<nt>>. La campaña de vacunación de la gripe comienza el <<camp>> en toda la comunidad.",
    "it": "Riassumi questo referto per il paziente:\n\nPaziente: <<name>>, nato/a il <<dob>>\nVisita del <<visit>>: dolore al ginocchio destro dopo una caduta. RX negativa. Controllo ortopedico fissato per il <<next>> alle <<nt>>. Dal <<camp>> la ricetta elettronica è attiva per tutti i farmaci.",
    "pt": "Resume este relatório para o doente:\n\nUtente: <<name>>, data de nascimento <<dob>>\nObservado na consulta de <<visit>> por cefaleias frequentes. TAC sem alterações. Próxima consulta de Neurologia: <<next>> às <<nt>>. A vacinação sazonal contra a gripe arranca a <<camp>> em todo o país.",
    "nl": "Vat deze brief van de huisarts samen in eenvoudige taal:\n\nPatiënt: <<name>>, geboren <<dob>>\nGezien op het spreekuur van <<visit>> met benauwdheidsklachten. Longfunctie licht afwijkend. Controle bij de longarts op <<next>> om <<nt>>. De griepprik wordt vanaf <<camp>> aangeboden aan alle 60-plussers.",
    "pl": "Streść ten wypis dla pacjenta prostym językiem:\n\nPacjent: <<name>>, data urodzenia: <<dob>>\nPrzyjęty w dniu <<visit>> z powodu bólu w klatce piersiowej. EKG bez zmian. Kontrola w poradni kardiologicznej: <<next>>, godz. <<nt>>. Od <<camp>> e-skierowania są obowiązkowe we wszystkich placówkach.",
    "ja": "この紹介状をわかりやすく要約してください。\n\n患者：<<name>>様（生年月日：<<dob>>）\n<<visit>>初診。2週間前からの咳嗽。胸部X線異常なし。次回呼吸器内科受診：<<next>> <<nt>>。インフルエンザ予防接種は<<camp>>から開始します（全年齢対象）。",
}
CAMP = {"de": dt.date(2025, 2, 1), "fr": dt.date(2025, 10, 14), "es": dt.date(2025, 10, 1), "it": dt.date(2020, 11, 23),
        "pt": dt.date(2025, 9, 23), "nl": dt.date(2025, 10, 13), "pl": dt.date(2021, 1, 8), "ja": dt.date(2025, 10, 1)}
T_SCHOOL = {
    "de": "Schreib daraus eine kurze Nachricht an die Eltern von <<child>>:\n\nLiebe Eltern, am <<close>> entfällt der Unterricht wegen einer schulinternen Fortbildung. Die Herbstferien dauern vom <<h1>> bis zum <<h2>>. Das Elterngespräch für <<child>> findet am <<d>> um <<t>> in Raum 204 statt.",
    "fr": "Reformule ce mot de l'école pour les parents de <<child>> :\n\nChers parents, l'école sera fermée le <<close>> (journée pédagogique). Les vacances de la Toussaint ont lieu du <<h1>> au <<h2>>. Le rendez-vous avec l'enseignante au sujet de <<child>> est fixé au <<d>> à <<t>>.",
    "es": "Redacta un mensaje breve para la familia de <<child>> a partir de esta circular:\n\nEstimadas familias: el <<close>> no habrá clase por la jornada de formación del profesorado. Las vacaciones de Navidad van del <<h1>> al <<h2>>. La tutoría individual de <<child>> será el <<d>> a las <<t>>.",
    "it": "Trasforma questo avviso in un messaggio per i genitori di <<child>>:\n\nGentili genitori, il <<close>> la scuola resterà chiusa per le elezioni. Le vacanze di Natale vanno dal <<h1>> al <<h2>>. Il colloquio individuale per <<child>> è fissato per il <<d>> alle <<t>>.",
    "pt": "Transforma este aviso numa mensagem para os pais do(a) <<child>>:\n\nCaros encarregados de educação, no dia <<close>> não haverá aulas (formação de docentes). As férias do Natal decorrem de <<h1>> a <<h2>>. A reunião individual sobre o(a) <<child>> está marcada para <<d>> às <<t>>.",
    "nl": "Maak van deze nieuwsbrief een kort bericht aan de ouders van <<child>>:\n\nBeste ouders, op <<close>> is de school gesloten vanwege een studiedag. De herfstvakantie loopt van <<h1>> tot en met <<h2>>. Het tienminutengesprek over <<child>> staat gepland op <<d>> om <<t>>.",
    "pl": "Przerób to ogłoszenie na krótką wiadomość do rodziców (uczeń: <<child>>):\n\nSzanowni Rodzice, w dniu <<close>> zajęcia dydaktyczne nie odbędą się (dzień dyrektorski). Ferie zimowe trwają od <<h1>> do <<h2>>. Indywidualna konsultacja w sprawie dziecka (<<child>>) odbędzie się <<d>> o godz. <<t>>.",
    "ja": "次のお知らせを保護者向けの短いメッセージにしてください。\n\n保護者の皆様　<<close>>は教職員研修のため休校となります。冬休みは<<h1>>から<<h2>>までです。<<child>>さんの個人面談は<<d>> <<t>>からです。",
}
SCHOOL_HOL = {"de": (dt.date(2025, 10, 20), dt.date(2025, 10, 31)), "fr": (dt.date(2025, 10, 18), dt.date(2025, 11, 3)),
              "es": (dt.date(2025, 12, 22), dt.date(2026, 1, 7)), "it": (dt.date(2025, 12, 23), dt.date(2026, 1, 6)),
              "pt": (dt.date(2025, 12, 17), dt.date(2026, 1, 2)), "nl": (dt.date(2025, 10, 18), dt.date(2025, 10, 26)),
              "pl": (dt.date(2026, 1, 19), dt.date(2026, 2, 1)), "ja": (dt.date(2025, 12, 25), dt.date(2026, 1, 7))}
T_CS = {
    "de": "Formuliere diese Antwort freundlicher:\n\nHallo <<name>>,\nIhre Bestellung Nr. <<ord>> vom <<placed>> wurde am <<shipped>> an den Paketdienst übergeben; die Zustellung ist für <<eta>> geplant. Bitte beachten Sie: Seit dem <<pol>> gelten neue Rücksendebedingungen für alle Bestellungen.\n[Ticket erstellt: <<ts>>, automatisch]",
    "fr": "Rends cette réponse plus aimable :\n\nBonjour <<name>>,\nVotre commande n° <<ord>> du <<placed>> a été expédiée le <<shipped>> ; la livraison est prévue le <<eta>>. À noter : depuis le <<pol>>, nos conditions de retour ont changé pour toutes les commandes.\n[Ticket créé le <<ts>> par le système]",
    "es": "Haz esta respuesta más cercana:\n\nHola, <<name>>:\nSu pedido n.º <<ord>> del <<placed>> salió de nuestro almacén el <<shipped>> y la entrega está prevista para el <<eta>>. Recuerde que desde el <<pol>> se aplican nuevas condiciones de devolución a todos los pedidos.\n[Incidencia registrada automáticamente: <<ts>>]",
    "it": "Rendi questa risposta più cordiale:\n\nBuongiorno <<name>>,\nl'ordine n. <<ord>> del <<placed>> è stato spedito il <<shipped>> e la consegna è prevista per il <<eta>>. Le ricordiamo che dal <<pol>> valgono nuove condizioni di reso per tutti gli ordini.\n[Ticket aperto automaticamente il <<ts>>]",
    "pt": "Torna esta resposta mais simpática:\n\nOlá <<name>>,\nA sua encomenda n.º <<ord>> de <<placed>> foi expedida a <<shipped>> e a entrega está prevista para <<eta>>. Lembramos que, desde <<pol>>, as novas condições de devolução se aplicam a todas as encomendas.\n[Pedido registado automaticamente em <<ts>>]",
    "nl": "Maak dit antwoord vriendelijker:\n\nHallo <<name>>,\nJe bestelling <<ord>> van <<placed>> is op <<shipped>> verzonden; de verwachte levering is op <<eta>>. Let op: sinds <<pol>> gelden nieuwe retourvoorwaarden voor alle bestellingen.\n[Ticket automatisch aangemaakt op <<ts>>]",
    "pl": "Zredaguj tę odpowiedź uprzejmiej:\n\nDzień dobry, <<name>>,\nzamówienie nr <<ord>> z dnia <<placed>> zostało wysłane <<shipped>>, a doręczenie planowane jest na <<eta>>. Przypominamy, że od <<pol>> obowiązują nowe zasady zwrotów dla wszystkich zamówień.\n[Zgłoszenie utworzone automatycznie: <<ts>>]",
    "ja": "この返信をもう少し丁寧にしてください。\n\n<<name>>様\nご注文番号<<ord>>（<<placed>>ご注文）の商品は<<shipped>>に発送いたしました。お届け予定日は<<eta>>です。なお、<<pol>>より全てのご注文について返品条件が変更となっております。\n（受付日時：<<ts>> 自動送信）",
}


def _appt(lang):
    def fn(r, v):
        d = soon(r)
        hol = r.choice(HOLS[lang])
        kw = dict(name=lname(r, lang), d=Gd(r, lang, d, r.choice(D_STYLES[lang])), t=Gt(r, lang), hours=Nt(r.choice(HOURS[lang])),
                  hol=Nd(r, lang, hol[1], r.choice(["noyear", "long"])), holn=hol[0],
                  ph=G(phone_s(r, LANG_CC[lang]), "PHONE_NUMBER"))
        if lang == "ja":
            kw["wdj"] = f"（{WEEKDAYS['ja'][d.weekday()]}）"
        b = B().f(T_APPT[lang], **kw)
        return b, lang, "appointment date/time personal; opening hours and public holiday not" + ("; the bracketed weekday （金） is outside the date span" if lang == "ja" else "")
    return fn


def _travel(lang):
    def fn(r, v):
        d1 = soon(r)
        d2 = d1 + dt.timedelta(days=r.randint(2, 14))
        fl = {"es": lambda: f"AVE {r.randint(3000, 3999)}", "it": lambda: f"FR {r.randint(9500, 9699)}",
              "ja": lambda: f"JAL{r.randint(900, 999)}"}.get(lang, lambda: r.choice(["LH", "TP", "AF", "KL", "LO", "AC"]) + f" {r.randint(100, 1999)}")()
        b = B().f(T_TRAVEL[lang], name=lname(r, lang), ref=v.alnum(6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"), fl=fl,
                  d1=Gd(r, lang, d1, r.choice(D_STYLES[lang])), t1=Gt(r, lang), t2=Gt(r, lang),
                  d2=Gd(r, lang, d2, r.choice(D_STYLES[lang])), t3=Gt(r, lang),
                  pol=Nd(r, lang, dt.date(r.choice([2025, 2026]), r.choice([1, 4, 7, 10]), 1), "long"))
        return b, lang, "travel dates/times personal; booking-rule effective date public"
    return fn


def _hr(lang):
    def fn(r, v):
        f, l = person(r, lang)
        start = soon(r)
        iv = start - dt.timedelta(days=r.randint(20, 50))
        dl = iv + dt.timedelta(days=r.randint(7, 14))
        hol = {"de": dt.date(2025, 12, 24), "fr": dt.date(2026, 5, 8), "es": dt.date(2026, 1, 6), "it": dt.date(2026, 6, 2),
               "pt": dt.date(2026, 6, 13), "nl": dt.date(2026, 5, 5), "pl": dt.date(2025, 12, 24), "ja": dt.date(2025, 12, 30)}[lang]
        b = B().f(T_HR[lang], sal=SAL[lang](f, l), iv=Gd(r, lang, iv, r.choice(["long", "num"])),
                  start=Gd(r, lang, start, r.choice(D_STYLES[lang])), dl=Gd(r, lang, dl, r.choice(["long", "num"])),
                  eff=Nd(r, lang, dt.date(r.choice([2024, 2025]), r.choice([1, 4, 7]), 1), "long"),
                  hol=Nd(r, lang, hol, "noyear"))
        return b, lang, "interview, start and return-by dates are the addressee's; agreement effective date and company holiday are not"
    return fn


def _med(lang):
    def fn(r, v):
        visit = rdate(r, 2024, 2025)
        nxt = visit + dt.timedelta(days=r.randint(10, 60))
        b = B().f(T_MED[lang], name=lname(r, lang), dob=Gd(r, lang, dob(r, 1940, 2005), r.choice(["num", "long"])),
                  visit=Gd(r, lang, visit, r.choice(["num", "long"])), next=Gd(r, lang, nxt, r.choice(D_STYLES[lang])),
                  nt=Gt(r, lang), camp=Nd(r, lang, CAMP[lang], r.choice(["long", "num"])))
        return b, lang, "birth, visit and follow-up dates personal; campaign / guideline dates public"
    return fn


def _school(lang):
    def fn(r, v):
        child = person(r, lang)[0]
        h1, h2 = SCHOOL_HOL[lang]
        b = B().f(T_SCHOOL[lang], child=child, close=Nd(r, lang, rdate(r, 2025, 2026), r.choice(D_STYLES[lang])),
                  h1=Nd(r, lang, h1, "noyear"), h2=Nd(r, lang, h2, "long"),
                  d=Gd(r, lang, soon(r), r.choice(D_STYLES[lang])), t=Gt(r, lang, r.randint(14, 18), r.choice([0, 15, 30, 45])))
        return b, lang, "school closure and holidays concern everyone; the individual parent meeting is personal"
    return fn


def _cs(lang):
    def fn(r, v):
        placed = rdate(r, 2025, 2025)
        shipped = placed + dt.timedelta(days=r.randint(1, 3))
        eta = shipped + dt.timedelta(days=r.randint(1, 4))
        b = B().f(T_CS[lang], name=lname(r, lang), ord=Nn(v.safe_number(r.choice([8, 9, 10]))),
                  placed=Gd(r, lang, placed, r.choice(["long", "num"])), shipped=Gd(r, lang, shipped, r.choice(D_STYLES[lang])),
                  eta=Gd(r, lang, eta, r.choice(D_STYLES[lang])),
                  pol=Nd(r, lang, dt.date(2025, r.choice([1, 3, 6]), 1), "long"), ts=sys_ts(r, lang, placed))
        return b, lang, "order, shipping and expected delivery dates of this customer's order personal; policy date and ticket log timestamp not"
    return fn


def _pub1(lang):
    def fn(r, v):
        b = B()
        h = Nt(r.choice(HOURS[lang]))
        if lang == "de":
            b.f("Übersetze diesen Aushang ins Englische:\n\nDas Bürgeramt ist <<h>> geöffnet. Am <<d1>> und am <<d2>> bleibt es geschlossen. "
                "Die Frist für die Einkommensteuererklärung 2024 endet am <<d3>>, mit Steuerberater am <<d4>>. Der Mindestlohn steigt zum "
                "<<d5>> auf 13,90 Euro pro Stunde.", h=h, d1=Nd(r, lang, dt.date(2025, 12, 24), "noyear"),
                d2=Nd(r, lang, dt.date(2025, 12, 31), "num"), d3=Nd(r, lang, dt.date(2025, 7, 31), "long"),
                d4=Nd(r, lang, dt.date(2026, 4, 30), "long"), d5=Nd(r, lang, dt.date(2026, 1, 1), "long"))
        elif lang == "fr":
            b.f("Traduis cette annonce en anglais :\n\nLa mairie est ouverte <<h>>. Elle sera fermée le <<d1>> et le <<d2>>. La date limite "
                "de la déclaration de revenus en ligne pour les départements 55 à 976 était le <<d3>>. La rentrée scolaire a lieu le <<d4>>.",
                h=h, d1=Nd(r, lang, dt.date(2025, 7, 14), "noyear"), d2=Nd(r, lang, dt.date(2025, 8, 15), "noyear"),
                d3=Nd(r, lang, dt.date(2025, 6, 12), "long"), d4=Nd(r, lang, dt.date(2025, 9, 1), r.choice(["long", "wd"])))
        elif lang == "es":
            b.f("Traduce este aviso al inglés:\n\nLa campaña de la Renta 2024 se desarrolla del <<d1>> al <<d2>>. Las oficinas de atención "
                "presencial abren <<h>>. El <<d3>> (Día de la Constitución) y el <<d4>> (Inmaculada Concepción) permanecerán cerradas.",
                h=h, d1=Nd(r, lang, dt.date(2025, 4, 2), "noyear"), d2=Nd(r, lang, dt.date(2025, 6, 30), "long"),
                d3=Nd(r, lang, dt.date(2025, 12, 6), "noyear"), d4=Nd(r, lang, dt.date(2025, 12, 8), "noyear"))
        elif lang == "it":
            b.f("Traduci in inglese questo avviso:\n\nL'ufficio anagrafe è aperto <<h>>. Resterà chiuso il <<d1>> (Festa della Repubblica) "
                "e il <<d2>> (Ferragosto). Il termine per la presentazione del modello 730 è il <<d3>>.", h=h,
                d1=Nd(r, lang, dt.date(2025, 6, 2), "noyear"), d2=Nd(r, lang, dt.date(2025, 8, 15), "noyear"),
                d3=Nd(r, lang, dt.date(2025, 9, 30), r.choice(["long", "num"])))
        elif lang == "pt":
            b.f("Traduz este aviso para inglês:\n\nOs serviços estão abertos <<h>>. Estarão encerrados a <<d1>> (Dia de Portugal) e a <<d2>> "
                "(Implantação da República). A entrega da declaração de IRS decorre de <<d3>> a <<d4>>.", h=h,
                d1=Nd(r, lang, dt.date(2025, 6, 10), "noyear"), d2=Nd(r, lang, dt.date(2025, 10, 5), "noyear"),
                d3=Nd(r, lang, dt.date(2025, 4, 1), "noyear"), d4=Nd(r, lang, dt.date(2025, 6, 30), "long"))
        elif lang == "nl":
            b.f("Vertaal deze mededeling naar het Engels:\n\nHet gemeentehuis is geopend <<h>>. Op <<d1>> (Koningsdag) en <<d2>> "
                "(Bevrijdingsdag) zijn wij gesloten. De aangifte inkomstenbelasting over 2024 moest uiterlijk <<d3>> binnen zijn. Sinds "
                "<<d4>> geldt de Omgevingswet.", h=h, d1=Nd(r, lang, dt.date(2026, 4, 27), r.choice(["long", "wd"])),
                d2=Nd(r, lang, dt.date(2025, 5, 5), "long"), d3=Nd(r, lang, dt.date(2025, 5, 1), "long"),
                d4=Nd(r, lang, dt.date(2024, 1, 1), "long"))
        elif lang == "pl":
            b.f("Przetłumacz na angielski:\n\nUrząd jest czynny <<h>>. W dniach <<d1>> i <<d2>> urząd będzie nieczynny. Termin złożenia "
                "zeznania PIT za 2024 rok upłynął <<d3>>. KSeF będzie obowiązkowy od <<d4>>.", h=h,
                d1=Nd(r, lang, dt.date(2025, 11, 11), "noyear"), d2=Nd(r, lang, dt.date(2025, 12, 24), "long"),
                d3=Nd(r, lang, dt.date(2025, 4, 30), "long"), d4=Nd(r, lang, dt.date(2026, 2, 1), "long"))
        else:
            b.f("次のお知らせを英訳してください。\n\n窓口受付時間は<<h>>です。<<d1>>から<<d2>>までは年末年始のため休業いたします。"
                "インボイス制度は<<d3>>に開始されました。", h=h, d1=Nd(r, lang, dt.date(2025, 12, 29), "noyear"),
                d2=Nd(r, lang, dt.date(2026, 1, 3), "long"), d3=Nd(r, lang, dt.date(2023, 10, 1), "long"))
        return b, lang, "PII-free: opening hours, public holidays, statutory deadlines"
    return fn


PUB2 = {
    "de": ("Erstelle eine Zeitleiste für den Geschichtsunterricht: Mauerbau am <<a>>, Mauerfall am <<b>>, Wiedervereinigung am <<c>>. "
           "Das Museum ist täglich <<h>> geöffnet, Führungen starten um <<t>>.",
           [dt.date(1961, 8, 13), dt.date(1989, 11, 9), dt.date(1990, 10, 3)], "10–18 Uhr", "11 Uhr"),
    "fr": ("Fais une frise chronologique : prise de la Bastille le <<a>>, armistice le <<b>>, débarquement en Normandie le <<c>>. "
           "Le musée ouvre <<h>>, visite guidée à <<t>>.", [dt.date(1789, 7, 14), dt.date(1918, 11, 11), dt.date(1944, 6, 6)],
           "de 10h à 18h", "14h30"),
    "es": ("Resume en una frase: la Constitución española fue aprobada en referéndum el <<a>> y entró en vigor el <<b>>; el euro "
           "sustituyó a la peseta el <<c>>. El museo abre <<h>> y hay visitas guiadas a las <<t>>.",
           [dt.date(1978, 12, 6), dt.date(1978, 12, 29), dt.date(2002, 1, 1)], "de 10:00 a 20:00", "12:00"),
    "it": ("Crea una cronologia: proclamazione del Regno d'Italia <<a>>, referendum istituzionale <<b>>, entrata in vigore della "
           "Costituzione <<c>>. Il museo è aperto <<h>>, visita guidata alle <<t>>.",
           [dt.date(1861, 3, 17), dt.date(1946, 6, 2), dt.date(1948, 1, 1)], "dalle 9 alle 19", "10:30"),
    "pt": ("Faz uma linha do tempo: Revolução dos Cravos a <<a>>, adesão à CEE a <<b>>, inauguração da Expo '98 a <<c>>. O museu "
           "abre <<h>>, visitas guiadas às <<t>>.", [dt.date(1974, 4, 25), dt.date(1986, 1, 1), dt.date(1998, 5, 22)],
           "das 10h às 18h", "15h"),
    "nl": ("Maak een tijdlijn: watersnoodramp <<a>>, invoering van de euro <<b>>, inhuldiging van Willem-Alexander <<c>>. Het museum "
           "is open <<h>>, rondleiding om <<t>>.", [dt.date(1953, 2, 1), dt.date(2002, 1, 1), dt.date(2013, 4, 30)],
           "van 10.00 tot 17.00 uur", "14.00 uur"),
    "pl": ("Stwórz oś czasu: uchwalenie Konstytucji <<cm>> — <<a>>, odzyskanie niepodległości — <<b>>, wybory czerwcowe — <<c>>. "
           "Muzeum jest czynne <<h>>, oprowadzanie o godz. <<t>>.", [dt.date(1791, 5, 3), dt.date(1918, 11, 11), dt.date(1989, 6, 4)],
           "w godz. 10:00–18:00", "12:00"),
    "ja": ("次の出来事を年表にしてください：東海道新幹線開業（<<a>>）、大阪万博開幕（<<b>>）、令和への改元（<<c>>）。"
           "資料館の開館時間は<<h>>、ガイドツアーは<<t>>からです。", [dt.date(1964, 10, 1), dt.date(1970, 3, 15), dt.date(2019, 5, 1)],
           "9時〜17時", "13時30分"),
}


def _pub2(lang):
    def fn(r, v):
        tpl, ds, h, t = PUB2[lang]
        kw = dict(a=Nd(r, lang, ds[0], "long"), b=Nd(r, lang, ds[1], "long"), c=Nd(r, lang, ds[2], "long"), h=Nt(h), t=Nt(t))
        if lang == "pl":
            kw["cm"] = N("3 Maja", "date_public")
        return B().f(tpl, **kw), lang, "PII-free: historical dates and museum hours"
    return fn


# =========================================================================== theme 2: identifiers in questions, tables, code
BICS = ["DEUTDEFFXXX", "COBADEFFXXX", "BNPAFRPPXXX", "INGBNL2A", "CAIXESBBXXX", "BCITITMM", "BARCGB22", "NWBKGB2L",
        "RABONL2U", "PKOPPLPW", "BPIPPTPL", "UBSWCHZH80A", "GIBAATWWXXX", "BKAUATWW"]
COUNTRY_NAME = {"DE": "Germany", "FR": "France", "ES": "Spain", "IT": "Italy", "NL": "the Netherlands", "PL": "Poland",
                "PT": "Portugal", "BE": "Belgium", "AT": "Austria", "CH": "Switzerland", "GB": "the UK", "IE": "Ireland"}
DOMAINS = ["northwind-traders.com", "brightpath.io", "kestrel-logistics.co.uk", "halden-bau.de", "lumiere-conseil.fr",
           "verdeluz.es", "officina-rossi.it", "marebrava.pt", "dijkstra-advies.nl", "sokol-soft.pl", "acmehealth.org",
           "fernhill-clinic.com"]


def G_email(r, lang="en", domains=None):
    f, l = person(r, lang)
    return G(email_for(r, f, l, domains), "EMAIL_ADDRESS")


def i_iban_valid(r, v):
    b = B()
    cc = r.choice(list(COUNTRY_NAME) + ["GB", "DE", "NL"])
    k = v.i % (3 + 1)
    if k == 0:
        b.f("Is this IBAN valid? <<i>> — the bank portal keeps saying the check digits are wrong.", i=G(v.iban(cc), "IBAN_CODE"))
    elif k == 1:
        b.f("My landlord sent me <<i>> for the deposit, but my banking app says it's invalid. Can you check it? He also gave me the "
            "BIC <<bic>>. Is the BIC even needed for a SEPA transfer?", i=G(v.iban(cc), "IBAN_CODE"), bic=N(r.choice(BICS), "bic"))
    elif k == 2:
        ok = [G(v.iban(), "IBAN_CODE") for _ in range(3)]
        bad = N(v.iban_invalid(), "iban_invalid")
        items = ok[:2] + [bad] + ok[2:]
        r.shuffle(items)
        b.t("Which of these IBANs fail the mod-97 check? Explain the steps for one of them.\n")
        for i, it in enumerate(items, 1):
            b.f("<<i>>) <<x>>\n", i=str(i), x=it)
    else:
        b.f("Ist die IBAN <<i>> korrekt? Die Überweisung über <<amt>> € wurde mit „IBAN ungültig“ abgelehnt, obwohl ich sie vom "
            "Rechnungsformular abgeschrieben habe.", i=G(v.iban(r.choice(["DE", "AT", "CH"])), "IBAN_CODE"),
            amt=f"{r.randint(1, 9)}.{r.randint(100, 999)},{r.randint(0, 99):02d}")
    return b, "en" if k < 3 else "de", None


def i_phone_format(r, v):
    b = B()
    if r.random() < 0.6:
        ccs = r.sample(["UK", "DE", "FR", "ES", "IT", "NL", "PL", "JP", "AU", "IN", "BR", "MX", "CH", "SE", "IE", "ZA"], 4)
        b.t(r.choice(["Format these numbers in E.164 and tell me which country each is from:\n",
                      "Normalise these phone numbers for our CRM import (E.164, no spaces):\n"]))
        for cc in ccs:
            b.f("- <<p>>\n", p=G(phone_s(r, cc, "nat"), "PHONE_NUMBER"))
    else:
        cc = r.choice(["DE", "FR", "JP", "NL", "IT"])
        b.f("What's the correct way to print <<p>> on a business card for clients abroad? It's a <<c>> number, and should I "
            "keep the (0)?", p=G(phone_s(r, cc, "nat"), "PHONE_NUMBER"),
            c={"DE": "German", "FR": "French", "JP": "Japanese", "NL": "Dutch", "IT": "Italian"}[cc])
    return b, "en", None


def i_card_declined(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        b.f("Why was my card declined? I used <<cc>> at a hotel in Lisbon for €<<amt>> and the terminal said 'do not honour'. "
            "I paid there on <<d>> without any problem.", cc=G(v.card(r.choice(["visa", "mastercard", "mastercard2"])), "CREDIT_CARD"),
            amt=f"{r.randint(100, 900)}.{r.randint(0, 99):02d}", d=Gd(r, "en_GB", rdate(r, 2025, 2025), "long"))
    elif k == 1:
        b.f("My Amex <<cc>> keeps getting rejected on an online shop with 'invalid card number', billing ZIP <<zip>>. Is the number "
            "too short? My other card is a Visa.", cc=G(v.card("amex"), "CREDIT_CARD"), zip=str(r.randint(10000, 99999)))
    else:
        b.f("checkout says 'card number invalid' for <<cc>>. my wife's card <<bad>> was rejected too but I think she mistyped a digit. "
            "is this a Luhn thing?", cc=G(v.card(r.choice(["visa", "discover", "jcb", "unionpay"])), "CREDIT_CARD"),
            bad=N(v.card_invalid(r.choice([" ", "-", ""])), "card_invalid"))
    return b, "en", None


def i_translate(r, v):
    b = B()
    k = v.i % (3 + 1)
    if k == 0:
        f, l = person(r)
        b.f("Translate into <<lang>>: \"Please transfer the deposit of €800 to IBAN <<iban>> and send the receipt to <<em>>. If you "
            "have questions, call me on <<ph>>.\"", lang=r.choice(["Portuguese", "Italian", "Polish", "Dutch"]),
            iban=G(v.iban(), "IBAN_CODE"), em=G(email_for(r, f, l), "EMAIL_ADDRESS"), ph=G(phone_s(r), "PHONE_NUMBER"))
    elif k == 1:
        b.f("Übersetze bitte ins Englische: „Ihre neue Kreditkarte <<cc>> wurde am <<d>> aktiviert. Bei Fragen erreichen Sie uns unter "
            "<<ph>>.“", cc=G(v.card(), "CREDIT_CARD"), d=Gd(r, "de", rdate(r, 2025, 2025), r.choice(["long", "num"])),
            ph=G(phone_s(r, "DE"), "PHONE_NUMBER"))
    elif k == 2:
        b.f("Translate to Japanese for my mother: \"Your Medicare number is <<mbi>>. Your next appointment is on <<d>> at <<t>>.\"",
            mbi=G(v.mbi(), "HEALTH_PLAN_ID"), d=Gd(r, "en_US", soon(r), "long"), t=Gt(r, "en_US"))
    else:
        f, l = person(r, "es")
        b.f("Traduce al inglés este mensaje de mi casero: «Hola, te paso mis datos para la fianza: titular <<n>>, cuenta <<iban>>. "
            "Mi móvil es el <<ph>> y mi correo <<em>>.»", n=f"{f} {l}", iban=G(v.iban("ES"), "IBAN_CODE"),
            ph=G(phone_s(r, "ES", "nat"), "PHONE_NUMBER"), em=G(email_for(r, f, l), "EMAIL_ADDRESS"))
    return b, ["en", "de", "en", "es"][k], None


def i_email_summary(r, v):
    b = B()
    f, l = person(r)
    dom = r.choice(DOMAINS)
    sent = rdate(r, 2025, 2025)
    k = v.i % (1 + 1)
    b.f("Summarize this email in two sentences and list the action items:\n\nFrom: <<f>> <<l>> <<<em>>>\nTo: <<to>>\n"
        "Sent: <<sent>>\nSubject: Updated bank details\n\n", f=f, l=l, em=G(email_for(r, f, l), "EMAIL_ADDRESS"),
        to=G(r.choice(["accounts", "ap", "billing", "finance"]) + "@" + dom, "EMAIL_ADDRESS"),
        sent=N(f"{WEEKDAYS['en'][sent.weekday()][:3]}, {sent.day} {MONTHS['en'][sent.month - 1][:3]} {sent.year} {r.randint(7, 19):02d}:{r.randint(0, 59):02d}", "timestamp_message"))
    if k == 0:
        b.f("Hi team,\n\nplease update our vendor record. From now on, invoices should be paid into checking account <<acct>> "
            "(routing <<aba>>). The old account ending in <<last4>> will be closed. If you need to verify, call me on <<ph>>, "
            "not the number on our letterhead.\n\nThanks,\n<<f>>\nSent from my iPhone",
            acct=G(v.bank_acct(), "US_BANK_NUMBER"), aba=N(v.aba(), "aba"), last4=str(r.randint(1000, 9999)),
            ph=G(phone_s(r, "US"), "PHONE_NUMBER"), f=f)
    else:
        b.f("Hello,\n\nour company has moved banks. Please use IBAN <<iban>> (BIC <<bic>>) for all payments from <<eff>> on. "
            "The old IBAN <<old>> stays open until the end of the quarter. Our new direct line is <<ph>>.\n\nBest regards,\n<<f>> <<l>>",
            iban=G(v.iban(), "IBAN_CODE"), bic=N(r.choice(BICS), "bic"), eff=Nd(r, "en_GB", dt.date(2025, r.randint(7, 12), 1), "long"),
            old=G(v.iban(), "IBAN_CODE"), ph=G(phone_s(r), "PHONE_NUMBER"), f=f, l=l)
    return b, "en", "message 'Sent:' header timestamp is a message timestamp (not labelled); a company's bank switch date is not personal"


def i_fixed_width(r, v):
    b = B()
    b.t(r.choice(["Parse this fixed-width export into CSV with a header row:\n\n", "Convert this mainframe report to JSON objects:\n\n"]))
    cols = r.choice([("uk", ["NAME", "PHONE", "EMAIL", "NHS NO"]), ("us", ["NAME", "PHONE", "EMAIL", "SSN"])])
    b.t(f"{cols[1][0]:<22}{cols[1][1]:<19}{cols[1][2]:<34}{cols[1][3]}\n")
    for f, l in people(r, r.randint(3, 5)):
        name = f"{f} {l}"
        ph = phone_s(r, "UK" if cols[0] == "uk" else "US", "nat")
        em = email_for(r, f, l)
        b.t(f"{name:<22}").g(ph, "PHONE_NUMBER").t(" " * max(1, 19 - len(ph))).g(em, "EMAIL_ADDRESS").t(" " * max(1, 34 - len(em)))
        if cols[0] == "uk":
            b.g(v.nhs(" "), "UK_NHS")
        else:
            b.g(v.ssn("-"), "US_SSN")
        b.t("\n")
    b.x(f"*** END OF REPORT  {r.randint(3, 5)} RECORDS  RUN {rdate(r, 2025, 2025):%Y%m%d}{r.randint(0, 23):02d}{r.randint(0, 59):02d} ***", "timestamp_system")
    return b, "en_GB" if cols[0] == "uk" else "en_US", "report run stamp is a system timestamp"


def i_kv_block(r, v):
    b = B()
    f, l = person(r)
    st, dl = v.dl()
    lines = [("Full name", f"{f} {l}"), ("Date of birth", Gd(r, "en_US", dob(r), r.choice(["num", "long"]))),
             ("SSN", G(v.ssn(), "US_SSN")), ("Passport #", G(v.passport(), "US_PASSPORT")),
             ("Driver license", [G(dl, "US_DRIVER_LICENSE"), f" ({st})"]), ("Mobile", G(phone_s(r, "US"), "PHONE_NUMBER")),
             ("Email", G(email_for(r, f, l), "EMAIL_ADDRESS")), ("Employee ID", Nn(f"E-{r.randint(10000, 99999)}")),
             ("Start date", Gd(r, "en_US", soon(r), "num"))]
    drop = r.randrange(1, len(lines))
    missing = lines[drop][0]
    lines = lines[:drop] + lines[drop + 1:]
    b.t(r.choice(["Check this onboarding form for missing fields and tell me which one is missing:\n\n",
                  "Which required field is missing from this background-check request?\n\n"]))
    sep = r.choice([": ", " : ", "\t", " = "])
    for k, val in lines:
        b.t(k + sep).put(val).t("\n")
    b.t("Required: name, DOB, SSN, passport or licence, phone, email, employee ID, start date.")
    return b, "en_US", f"missing field: {missing}; DOB and start date personal"


def i_pipe_noheader(r, v):
    b = B()
    b.t(r.choice(["Reconcile these payouts against the bank file and flag anything odd:\n\n",
                  "These rows came from a PDF, no header. Turn them into a proper table:\n\n"]))
    for _ in range(r.randint(3, 5)):
        lang = r.choice(["de", "fr", "es", "it", "nl", "pl", "pt"])
        f, l = person(r, lang)
        cc = LANG_CC[lang]
        if cc == "JP":
            cc = "DE"
        amt = f"{r.randint(1, 9)} {r.randint(100, 999)},{r.randint(0, 99):02d}" if r.random() < 0.5 else f"{r.randint(10, 999)},{r.randint(0, 99):02d}"
        b.f("| <<n>> | <<i>> | <<a>> | <<d>> |\n", n=f"{f} {l}", i=G(v.iban(cc if cc in IBAN_SPEC else "DE"), "IBAN_CODE"), a=amt,
            d=Gd(r, "de" if lang == "de" else "en_GB", rdate(r, 2025, 2025), "num"))
    return b, "en", "payout dates to individuals are personal transactions"


def i_semicolon_csv(r, v):
    b = B()
    b.t(r.choice(["Convert this semicolon CSV to JSON (keep dates as ISO 8601):\n\n", "Find the duplicate customers in this export:\n\n"]))
    b.t("kundennr;name;iban;telefon;geburtsdatum;angelegt_am\n")
    for f, l in people(r, r.randint(3, 5), "de"):
        created = rdate(r, 2021, 2024)
        b.f("<<k>>;<<n>>;<<i>>;<<p>>;<<d>>;<<c>>\n", k=str(r.randint(100000, 999999)), n=f"{f} {l}",
            i=G(v.iban(r.choice(["DE", "DE", "AT"]), grouped=False), "IBAN_CODE"), p=G(phone_s(r, "DE"), "PHONE_NUMBER"),
            d=Gd(r, "de", dob(r), "num"), c=N(f"{created:%d.%m.%Y} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}", "timestamp_system"))
    return b, "de", "geburtsdatum personal; angelegt_am (record creation) is a system timestamp"


def i_sql_insert(r, v):
    b = B()
    k = v.i % (1 + 1)
    if k == 0:
        b.t("This INSERT fails with 'value too long for type character varying(20)'. Which column is the problem?\n\n"
            "INSERT INTO customers (id, full_name, email, phone, card_last4, signup_ip, created_at) VALUES\n")
        n = r.randint(2, 4)
        for i, (f, l) in enumerate(people(r, n)):
            b.f("  (<<id>>, '<<n>>', '<<e>>', '<<p>>', '<<c4>>', '<<ip>>', '<<ts>>')<<end>>\n", id=str(1040 + i), n=f"{f} {l}",
                e=G(email_for(r, f, l), "EMAIL_ADDRESS"), p=G(phone_s(r, r.choice(["US", "UK", "CA"]), "intl"), "PHONE_NUMBER"),
                c4=str(r.randint(1000, 9999)), ip=G(v.ipv4("public"), "IP_ADDRESS"),
                ts=N(f"{rdate(r, 2024, 2025).isoformat()} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}", "timestamp_system"),
                end="," if i < n - 1 else ";")
    else:
        f, l = person(r)
        b.f("Rewrite this as a parameterised query in Python (psycopg):\n\nINSERT INTO payments (customer_id, card_number, amount_cents, "
            "paid_at, billing_email)\nVALUES (<<cid>>, '<<cc>>', <<amt>>, '<<pa>>', '<<em>>');",
            cid=str(r.randint(1000, 99999)), cc=G(v.card(sep=""), "CREDIT_CARD"), amt=str(r.randint(500, 99999)),
            pa=G(f"{rdate(r, 2025, 2025).isoformat()} {r.randint(8, 22):02d}:{r.randint(0, 59):02d}:00", "DATE_TIME"),
            em=G(email_for(r, f, l), "EMAIL_ADDRESS"))
    return b, "en", "created_at is a system timestamp; paid_at of a person's payment is a personal transaction (date+time glued into one span)"


def i_sql_update(r, v):
    b = B()
    k = v.i % (1 + 1)
    if k == 0:
        b.f("Why does this UPDATE report 0 rows affected?\n\nUPDATE patients\n   SET mrn = '<<mrn>>',\n       nhs_number = '<<nhs>>',\n"
            "       date_of_birth = '<<dob>>',\n       mobile = '<<ph>>',\n       updated_at = NOW()\n WHERE patient_id = <<pid>> AND "
            "deleted_at IS NULL;", mrn=G(v.mrn(), "MEDICAL_RECORD_NUMBER"), nhs=G(v.nhs(r.choice(["", " "])), "UK_NHS"),
            dob=G(dob(r).isoformat(), "DATE_TIME"), ph=G(phone_s(r, "UK"), "PHONE_NUMBER"), pid=str(r.randint(10000, 99999)))
    else:
        b.f("Is this safe to run on production? \n\nUPDATE employees SET bank_account_no = '<<acct>>', routing_no = '<<aba>>', "
            "ssn = '<<ssn>>' WHERE employee_id = <<eid>>;\n-- requested by payroll ticket <<tk>>",
            acct=G(v.bank_acct(), "US_BANK_NUMBER"), aba=N(v.aba(), "aba"), ssn=G(v.ssn(r.choice(["-", ""])), "US_SSN"),
            eid=str(r.randint(1000, 9999)), tk=f"PAY-{r.randint(100, 9999)}")
    return b, "en", None


def i_json_fixture(r, v):
    b = B()
    b.t(r.choice(["Write a Jest test that loads this fixture and checks every user has a valid e-mail:\n\n",
                  "This fixture makes our API tests flaky. Why might the dates be parsed wrongly?\n\n"]))
    b.t("[\n")
    n = r.choice([2, 3, 4, 5])
    for i, (f, l) in enumerate(people(r, n)):
        b.f('  {\n    "id": <<id>>,\n    "name": "<<n>>",\n    "email": "<<e>>",\n    "phone": "<<p>>",\n    "date_of_birth": "<<d>>",\n'
            '    "last_login_ip": "<<ip>>",\n    "created_at": "<<c>>"\n  }<<end>>\n',
            id=str(r.randint(100, 999)), n=f"{f} {l}", e=G(email_for(r, f, l), "EMAIL_ADDRESS"), p=G(phone_s(r, style="intl"), "PHONE_NUMBER"),
            d=G(dob(r).isoformat(), "DATE_TIME"), ip=G(r.choice([v.ipv4(), v.ipv6()]), "IP_ADDRESS"),
            c=N(f"{rdate(r, 2023, 2025).isoformat()}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z", "timestamp_system"),
            end="," if i < n - 1 else "")
    b.t("]")
    return b, "en", "date_of_birth personal; created_at is a system timestamp"


def i_yaml_fixture(r, v):
    b = B()
    b.t("Our Ansible inventory fixture below fails schema validation. What's wrong with the YAML?\n\n```yaml\ndevices:\n")
    for f, l in people(r, r.randint(2, 4)):
        b.f("  - hostname: <<h>>\n    mac: \"<<m>>\"\n    ip: <<ip>>\n    owner: <<e>>\n    purchased: <<pd>>\n",
            h=r.choice(["lab-printer-", "kiosk-", "nas-", "cam-lobby-", "ws-"]) + str(r.randint(1, 40)),
            m=G(v.mac(r.choice(["colon_up", "colon_low", "dash"])), "MAC_ADDRESS"), ip=G(v.ipv4("private"), "IP_ADDRESS"),
            e=G(email_for(r, f, l, [r.choice(DOMAINS)]), "EMAIL_ADDRESS"), pd=N(rdate(r, 2019, 2024).isoformat(), "date_asset"))
    b.t("  subnet: ").x("10.20.0.0/16", "cidr").t("\n  gateway: ")
    b.g(v.ipv4("private"), "IP_ADDRESS")
    b.t("\n```")
    return b, "en", "device purchase date is an asset date, not a person's (not labelled); a network prefix is not a host address"


def i_py_test(r, v):
    b = B()
    b.f("These tests pass locally but fail in CI on Python 3.12 only. Any idea why?\n\n```python\nimport pytest\nfrom billing.validators "
        "import is_valid_iban, is_valid_card\n\n\n@pytest.mark.parametrize(\"iban\", [\n    \"<<i1>>\",\n    \"<<i2>>\",\n])\n"
        "def test_valid_iban(iban):\n    assert is_valid_iban(iban)\n\n\ndef test_invalid_iban():\n    assert not is_valid_iban(\"<<bad>>\")\n\n\n"
        "def test_cards():\n    assert is_valid_card(\"<<cc>>\")\n    assert not is_valid_card(\"<<badcc>>\")\n    assert not is_valid_card(\"<<masked>>\")\n```",
        i1=G(v.iban(grouped=False), "IBAN_CODE"), i2=G(v.iban(grouped=True), "IBAN_CODE"), bad=N(v.iban_invalid(grouped=False), "iban_invalid"),
        cc=G(v.card(sep=r.choice(["", " "])), "CREDIT_CARD"), badcc=N(v.card_invalid(""), "card_invalid"),
        masked=N(f"**** **** **** {r.randint(1000, 9999)}", "masked"))
    return b, "en", "valid values in test code are labelled (they are valid by the rules); the invalid / masked ones are not"


def i_js_literal(r, v):
    b = B()
    dom = r.choice(DOMAINS)
    b.f("Convert this config object to TypeScript with proper types, and tell me if anything here shouldn't be committed:\n\n"
        "```js\nconst config = {\n  apiBase: \"<<u>>\",\n  supportEmail: \"<<e>>\",\n  stripeSecret: \"<<sk>>\",\n  fallbackPhone: \"<<p>>\",\n"
        "  retry: { attempts: 3, backoffMs: 1500 },\n  buildId: \"<<bid>>\",\n};\nexport default config;\n```",
        u=G(f"https://api.{dom}/v{r.randint(1, 3)}", "URL"), e=G(r.choice(["support", "help", "hello"]) + "@" + dom, "EMAIL_ADDRESS"),
        sk=G(v.secret("stripe"), "SECRET"), p=G(phone_s(r, style="intl"), "PHONE_NUMBER"), bid=v.hexs(12))
    return b, "en", None


def i_url_query(r, v):
    b = B()
    k = v.i % (3 + 1)
    f, l = person(r)
    em = email_for(r, f, l)
    if k == 0:
        b.f("Why does this unsubscribe link return 404? <<u>>",
            u=G(f"https://mail.{r.choice(DOMAINS)}/unsubscribe?email={em.replace('@', '%40')}&list=news&sig={v.hexs(16)}", "URL"))
    elif k == 1:
        b.f("Decode the query string of this booking link and tell me what each parameter means:\n<<u>>",
            u=G(f"https://www.{r.choice(DOMAINS)}/manage-booking?ref={v.alnum(6)}&lastName={l}&dep={soon(r).isoformat()}&pax=2", "URL"))
    elif k == 2:
        b.f("Our signup form posts this body. Is it URL-encoded correctly?\n\nname=<<n>>&email=<<e>>&phone=<<p>>&newsletter=1&plan=pro",
            n=f"{f}+{l}", e=G(em.replace("@", "%40").replace("+", "%2B"), "EMAIL_ADDRESS"),
            p=G(phone_s(r, "US", "nat").replace(" ", "").replace("(", "").replace(")", "").replace("-", "").replace(".", ""), "PHONE_NUMBER"))
    else:
        b.f("This weather widget URL has our key in it, is that a problem? <<u>>",
            u=G(f"https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key={v.secret('google')}", "SECRET"))
    return b, "en", ["the whole URL is one URL span; parameters inside it are not labelled separately",
                     "the whole URL is one URL span (a date inside the query string is not split out)",
                     "form body: each value is labelled on its own (e-mail %-encoded, phone compact)",
                     "a URL that carries an API key in its query string is labelled SECRET as a whole (TAXONOMY: URL with embedded credentials)"][k]


def i_q_ssn(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        b.f("Is <<s>> a valid SSN? Our payroll system rejects it with 'invalid format'.", s=G(v.ssn(r.choice(["-", " ", ""])), "US_SSN"))
    elif k == 1:
        b.f("My tax ID starts with 9: <<s>>. Is that an SSN or an ITIN? The form only has an 'SSN' box.", s=N(
            f"9{r.randint(0, 9)}{r.randint(0, 9)}-{r.choice(['70', '78', '88', '91', '94'])}-{r.randint(1000, 9999)}", "ssn_invalid"))
    else:
        s = v.ssn("-")
        b.f("Mask this SSN for the letter we send to the employee: <<s>> should become <<m>>. Give me a Python one-liner.",
            s=G(s, "US_SSN"), m=N("***-**-" + s[-4:], "masked"))
    return b, "en", "9xx numbers are not valid SSNs (ITIN range) -> unlabelled" if k == 1 else None


def i_q_nhs(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        b.f("How is the NHS number check digit calculated? Mine is <<a>> and my son's is <<b>> — walk me through one.",
            a=G(v.nhs(" "), "UK_NHS"), b=G(v.nhs(r.choice(["", " "])), "UK_NHS"))
    elif k == 1:
        b.f("The GP surgery letter says my NHS number is <<bad>>, but the app shows <<good>>. Which one is right?",
            bad=N(v.nhs_invalid(r.choice([" ", ""])), "nhs_invalid"), good=G(v.nhs(" "), "UK_NHS"))
    else:
        b.f("Write an Excel formula that validates NHS numbers in column A (e.g. <<a>>) using the modulus 11 rule.",
            a=G(v.nhs(""), "UK_NHS"))
    return b, "en_GB", None


def i_q_crypto(r, v):
    b = B()
    k = v.i % 5
    if k == 0:
        b.f("Which network is this address on, and is it SegWit? <<a>>", a=G(v.btc(), "CRYPTO"))
    elif k == 1:
        b.f("My friend wants me to send 0.2 ETH to <<a>>. Should I use mainnet or an L2? Gas is about 12 gwei right now.",
            a=G(v.eth(), "CRYPTO"))
    elif k == 2:
        b.f("I copied this address from a screenshot and the wallet says the checksum is wrong: <<bad>>. The original in the email "
            "was <<good>>. Which characters differ?", bad=N(v.btc_invalid(), "crypto_invalid"), good=G(v.btc("p2pkh"), "CRYPTO"))
    elif k == 3:
        b.f("Why does this JSON-RPC call return 'invalid params'?\n\n{\"jsonrpc\":\"2.0\",\"id\":<<id>>,\"method\":\"eth_getBalance\","
            "\"params\":[\"<<a>>\",\"latest\"]}", id=str(r.randint(1, 99)), a=G(v.eth(), "CRYPTO"))
    else:
        b.f("Proofread our donation page: 'You can support the project with Bitcoin (<<a>>) or, if your wallet supports Taproot, "
            "<<t>>. Lightning is coming soon.'", a=G(v.btc("bech32"), "CRYPTO"), t=G(v.btc("taproot"), "CRYPTO"))
    return b, "en", None


def i_q_net(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        b.f("My router shows an unknown device with MAC <<m>> on <<ip>>. How do I find out what it is and block it?",
            m=G(v.mac(), "MAC_ADDRESS"), ip=G(v.ipv4("private"), "IP_ADDRESS"))
    elif k == 1:
        b.f("Convert these MACs to Cisco dotted format: <<a>>, <<b>>, <<c>>", a=G(v.mac("colon_up"), "MAC_ADDRESS"),
            b=G(v.mac("dash"), "MAC_ADDRESS"), c=G(v.mac("colon_low"), "MAC_ADDRESS"))
    else:
        b.f("Why can I reach <<a>> but not <<b>> from the same laptop? ping to 127.0.0.1 works and the netmask is <<nm>>.",
            a=G(v.ipv4("public"), "IP_ADDRESS"), b=G(v.ipv6(), "IP_ADDRESS"), nm=N("255.255.255.0", "netmask"))
    return b, "en", None


def i_q_secret(r, v):
    b = B()
    k = v.i % (3 + 1)
    if k == 0:
        b.f("I accidentally pasted my OpenAI key in a public Discord channel: <<s>>\nWhat should I do first?", s=G(v.secret("openai"), "SECRET"))
    elif k == 1:
        b.f("Found this in our repo history, is it still dangerous after we deleted the file?\n\naws_access_key_id = <<a>>\n"
            "aws_secret_access_key = <<s>>\nregion = eu-central-1", a=G(v.secret("aws"), "SECRET"), s=G(v.secret("aws_secret"), "SECRET"))
    elif k == 2:
        b.f("Is this JWT expired? <<j>>", j=G(v.secret("jwt"), "SECRET"))
    else:
        b.f("The token <<t>> stopped working after I enabled SSO on the org. Do I need a fine-grained token instead?",
            t=G(v.secret(r.choice(["github", "github_pat", "gitlab"])), "SECRET"))
    return b, "en", None


def i_q_passport_dl(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        b.f("The US passport renewal form asks for my most recent passport number. It's <<p>> — do I include the letter?",
            p=G(r.choice("ACEFGHJKLMNPRSTUVWXYZ") + v.digits(8, "0123456789"), "US_PASSPORT"))
    elif k == 1:
        st, dl = v.dl()
        b.f("Does <<d>> look like a valid <<st>> driver's license number? The rental desk said the format is wrong.",
            d=G(dl, "US_DRIVER_LICENSE"), st=st)
    else:
        st, dl = v.dl()
        b.f("For the TSA PreCheck application: passport no. <<p>>, driver license <<d>> issued in <<st>>. Which one should I use as "
            "my primary ID?", p=G(v.passport(), "US_PASSPORT"), d=G(dl, "US_DRIVER_LICENSE"), st=st)
    return b, "en_US", None


def i_q_health(r, v):
    b = B()
    k = v.i % 4
    if k == 0:
        b.f("My Medicare number is <<m>>. Can I use it to enroll in a Part D plan online, or do I need the red-white-blue card?",
            m=G(v.mbi(), "HEALTH_PLAN_ID"))
    elif k == 1:
        b.f("My insurance card shows Member ID <<m>> and Group No. <<g>>. Which one does the pharmacy need?",
            m=G(v.member_id(), "HEALTH_PLAN_ID"), g=N(f"{r.randint(10000, 99999)}", "group_number"))
    elif k == 2:
        b.f("Write a short appeal letter: my claim for the MRI on <<d>> was denied. Policy/member number <<m>>, claim <<c>>.",
            d=Gd(r, "en_US", rdate(r, 2025, 2025), "long"), m=G(v.member_id(), "HEALTH_PLAN_ID"), c=Nn(f"CLM{v.safe_number(10)}"))
    else:
        b.f("The lab portal says 'patient not found' for MRN <<mrn>>, but the hospital wristband shows <<mrn2>>. Which one should the "
            "courier use for the sample collected on <<d>>?", mrn=G(v.mrn(), "MEDICAL_RECORD_NUMBER"), mrn2=G(v.mrn(), "MEDICAL_RECORD_NUMBER"),
            d=Gd(r, "en_US", rdate(r, 2025, 2025), r.choice(["long", "num"])))
    return b, "en_US", "group numbers identify the employer plan, not the member -> unlabelled" if k == 1 else None


def i_clinical_summary(r, v):
    b = B()
    f, l = person(r)
    adm = rdate(r, 2024, 2025)
    dis = adm + dt.timedelta(days=r.randint(2, 9))
    b.f("Draft a discharge letter to the GP from these notes:\n\nPatient: <<l>>, <<f>>   MRN: <<mrn>>   DOB: <<dob>>\n"
        "Admitted: <<adm>> via ED   Discharged: <<dis>>\nInsurer: <<ins>>, member <<mem>>\nDx: community-acquired pneumonia (J18.9), "
        "CURB-65 = 1. Treated with amoxicillin 1 g TDS + clarithromycin 500 mg BD for 5 days. CRP 182 -> 24.\nFollow-up: chest X-ray "
        "in 6 weeks; clinic appointment <<fu>> at <<fut>>.\nNext of kin: <<nok>> (<<rel>>) <<ph>>",
        l=l, f=f, mrn=G(v.mrn(), "MEDICAL_RECORD_NUMBER"), dob=Gd(r, "en_US", dob(r, 1935, 1990), "num"),
        adm=Gd(r, "en_US", adm, "num"), dis=Gd(r, "en_US", dis, "num"), ins=r.choice(["Aetna", "Cigna", "UnitedHealthcare", "Humana"]),
        mem=G(v.member_id(), "HEALTH_PLAN_ID"), fu=Gd(r, "en_US", dis + dt.timedelta(days=r.randint(10, 30)), "long"),
        fut=Gt(r, "en_US"), nok=person(r)[0], rel=r.choice(["spouse", "partner", "sibling", "adult child"]), ph=G(phone_s(r, "US"), "PHONE_NUMBER"))
    return b, "en_US", None


def i_regex(r, v):
    b = B()
    b.f("Write a regex that matches phone numbers like <<p1>> and <<p2>> but not order numbers like <<o>> or dates like <<d>>.",
        p1=G(phone_s(r, r.choice(["UK", "DE", "FR", "NL"]), "nat"), "PHONE_NUMBER"),
        p2=G(phone_s(r, r.choice(["UK", "DE", "FR", "NL"]), "intl"), "PHONE_NUMBER"),
        o=Nn(f"{r.randint(100, 999)}-{v.safe_number(7)}-{v.safe_number(7)}"), d=N(rdate(r, 2025, 2025).isoformat(), "date_example"))
    return b, "en", "an example date in a regex request is not tied to anyone"


def i_excel(r, v):
    b = B()
    b.f("In Excel, column B has IBANs like <<i>> and column C has card numbers like <<c>>. Give me one formula that masks everything "
        "except the last 4 characters, e.g. <<m>>.", i=G(v.iban(), "IBAN_CODE"), c=G(v.card(sep=r.choice([" ", "-"])), "CREDIT_CARD"),
        m=N(f"************{r.randint(1000, 9999)}", "masked"))
    return b, "en", None


def i_tsv(r, v):
    b = B()
    b.t("Pasted from our payroll sheet (tab separated). Which rows are missing a routing number?\n\n")
    b.t("Employee\tStart date\tBank account\tRouting\tSSN\n")
    for f, l in people(r, r.randint(3, 4)):
        b.t(f"{f} {l}\t").put(Gd(r, "en_US", rdate(r, 2018, 2025), "num")).t("\t").g(v.bank_acct(), "US_BANK_NUMBER").t("\t")
        if r.random() < 0.7:
            b.x(v.aba(), "aba")
        b.t("\t").g(v.ssn(), "US_SSN").t("\n")
    return b, "en_US", "hire dates personal; ABA routing numbers unlabelled"


def i_form_post(r, v):
    b = B()
    f, l = person(r)
    dom = r.choice(DOMAINS)
    b.f("Why does the server answer 415 to this request?\n\nPOST /api/v1/signup HTTP/1.1\nHost: app.<<dom>>\nContent-Type: text/plain\n"
        "X-Forwarded-For: <<ip>>\n\nfirst=<<f>>&last=<<l>>&email=<<e>>&dob=<<d>>&mobile=<<p>>",
        dom=dom, ip=G(v.ipv4("public"), "IP_ADDRESS"), f=f, l=l, e=G(email_for(r, f, l).replace("@", "%40"), "EMAIL_ADDRESS"),
        d=G(dob(r).isoformat(), "DATE_TIME"), p=G(phone_s(r, "UK", "intl").replace(" ", "").replace("+", "%2B"), "PHONE_NUMBER"))
    return b, "en", "bare Host header (no scheme, no path) is not a URL; %2B-encoded phone labelled as its full surface"


def i_wire_us(r, v):
    b = B()
    f, l = person(r)
    b.f("Fill in the direct deposit authorization from these details and tell me what's missing:\n\nEmployee: <<f>> <<l>>\nSSN: <<s>>\n"
        "Bank routing number: <<aba>>\nAccount number: <<acct>> (checking)\nFirst pay date with the new account: <<d>>\n"
        "Employer EIN: <<ein>>", f=f, l=l, s=G(v.ssn(), "US_SSN"), aba=N(v.aba(), "aba"), acct=G(v.bank_acct(), "US_BANK_NUMBER"),
        d=Gd(r, "en_US", soon(r), "long"), ein=N(f"{r.randint(10, 98)}-{v.safe_number(7)}", "ein"))
    return b, "en_US", "EIN identifies the employer (no label)"


def i_env(r, v):
    b = B()
    dom = r.choice(DOMAINS)
    b.f("Here's my .env. The app can't send e-mail, everything else works. What's wrong?\n\n```\nDATABASE_URL=<<db>>\nSTRIPE_SECRET_KEY=<<sk>>\n"
        "SMTP_HOST=smtp.<<dom>>\nSMTP_PORT=587\nSMTP_USER=<<su>>\nSMTP_PASSWORD=<<pw>>\nADMIN_EMAIL=<<ae>>\nLOG_LEVEL=info\nFEATURE_FLAGS=beta,dark-mode\n```",
        db=G(v.conn_string(), "SECRET"), sk=G(v.secret("stripe"), "SECRET"), dom=dom, su=G("mailer@" + dom, "EMAIL_ADDRESS"),
        pw=G(v.password(), "SECRET"), ae=G(r.choice(["ops", "admin", "it"]) + "@" + dom, "EMAIL_ADDRESS"))
    return b, "en", "connection string with credentials is one SECRET span; password value only (key name outside)"


# =========================================================================== theme 3: phone numbers vs look-alikes
SIG = {
    "DE": ("de", "Halden Bau GmbH", "Friedrichstraße 112", "10117 Berlin", "halden-bau.de", "Vertriebsleitung"),
    "FR": ("fr", "Lumière Conseil SAS", "18 rue de la Paix", "75002 Paris", "lumiere-conseil.fr", "Directrice de clientèle"),
    "ES": ("es", "Verdeluz Energía S.L.", "Calle de Alcalá 48", "28014 Madrid", "verdeluz.es", "Responsable de cuentas"),
    "IT": ("it", "Officina Rossi S.r.l.", "Via Roma 21", "20121 Milano", "officina-rossi.it", "Responsabile commerciale"),
    "NL": ("nl", "Dijkstra Advies B.V.", "Keizersgracht 221", "1016 DV Amsterdam", "dijkstra-advies.nl", "Accountmanager"),
    "PL": ("pl", "Sokół Software sp. z o.o.", "ul. Marszałkowska 84", "00-514 Warszawa", "sokol-soft.pl", "Kierownik projektu"),
    "UK": ("en", "Kestrel Logistics Ltd", "14 Deansgate", "Manchester M3 2BY", "kestrel-logistics.co.uk", "Key Account Manager"),
    "US": ("en", "Brightpath Analytics Inc.", "500 Boylston St, Suite 1200", "Boston, MA 02116", "brightpath.io", "Solutions Engineer"),
    "PT": ("pt", "Mare Brava Lda.", "Avenida da Liberdade 110", "1250-146 Lisboa", "marebrava.pt", "Gestora de conta"),
    "AU": ("en", "Southern Cross Freight Pty Ltd", "88 George Street", "Sydney NSW 2000", "scfreight.com.au", "Operations Lead"),
}
REGNO = {"DE": lambda r, v: f"USt-IdNr. DE{v.safe_number(9)} · Amtsgericht Charlottenburg HRB {r.randint(100000, 199999)} B",
         "FR": lambda r, v: f"SIRET {v.safe_number(14)} · RCS Paris",
         "ES": lambda r, v: f"CIF B{v.safe_number(8, '0123456789')}",
         "IT": lambda r, v: f"P.IVA {v.safe_number(11, '0123456789')}",
         "NL": lambda r, v: f"KvK {v.safe_number(8)} · btw NL{v.safe_number(9)}B01",
         "PL": lambda r, v: f"NIP {r.randint(100, 999)}-{r.randint(100, 999)}-{r.randint(10, 99)}-{r.randint(10, 99)} · KRS 0000{r.randint(100000, 999999)}",
         "UK": lambda r, v: f"Registered in England & Wales No. {v.safe_number(8, '0123456789')} · VAT GB {r.randint(100, 999)} {r.randint(1000, 9999)} {r.randint(10, 99)}",
         "US": lambda r, v: "Confidentiality notice: this e-mail may contain privileged information.",
         "PT": lambda r, v: f"NIPC {v.safe_number(9, '5')}",
         "AU": lambda r, v: f"ABN {r.randint(10, 99)} {r.randint(100, 999)} {r.randint(100, 999)} {r.randint(100, 999)}"}
LBL = {"de": ("Tel.", "Mobil", "Fax"), "fr": ("Tél.", "Mob.", "Fax"), "es": ("Tel.", "Móvil", "Fax"), "it": ("Tel.", "Cell.", "Fax"),
       "nl": ("T", "M", "F"), "pl": ("tel.", "kom.", "faks"), "en": ("T", "M", "F"), "pt": ("Tel.", "Telm.", "Fax")}


def p_signature(r, v):
    cc = r.choice(list(SIG))
    lang, comp, street, city, dom, role = SIG[cc]
    f, l = person(r, lang if lang in NAMES else "en")
    pcc = {"UK": "UK", "US": "US"}.get(cc, cc)
    lt, lm, lf = LBL[lang]
    b = B()
    b.t(r.choice(["Shorten my e-mail signature to three lines, keep all contact details:\n\n",
                  "Make this signature look cleaner (plain text, no emojis):\n\n"]))
    b.f("<<f>> <<l>>\n<<role>> | <<comp>>\n<<street>> · <<cityn>>\n<<lt>> <<p1>> | <<lm>> <<p2>>", f=f, l=l, role=role, comp=comp,
        street=street, cityn=N(city, "postcode"), lt=lt, p1=G(phone_s(r, pcc, r.choice(["nat", "intl"])), "PHONE_NUMBER"), lm=lm,
        p2=G(phone_s(r, pcc, r.choice(["nat", "intl"])), "PHONE_NUMBER"))
    if r.random() < 0.5:
        b.f(" | <<lf>> <<p3>>", lf=lf, p3=G(phone_s(r, pcc, "nat"), "PHONE_NUMBER"))
    b.f("\n<<e>> | <<u>>\n<<reg>>", e=G(f"{email_for(r, f, l, [dom]).split('@')[0]}@{dom}", "EMAIL_ADDRESS"), u=G(f"www.{dom}", "URL"),
        reg=N(REGNO[cc](r, v), "company_reg"))
    return b, lang, "business phone/fax/e-mail/URL labelled like any other (TAXONOMY does not restrict them to private persons); company registration / VAT numbers unlabelled"


def p_contacts_noctx(r, v):
    b = B()
    b.t(r.choice(["Dedupe this contact list — some people appear twice with the number written differently:\n\n",
                  "Sort these by country:\n\n", "Make a vCard for each line:\n\n"]))
    rows = []
    for _ in range(r.randint(4, 6)):
        cc = r.choice(["UK", "DE", "FR", "ES", "IT", "NL", "PL", "JP", "US", "BR", "IN", "AU", "CH", "SE", "KR"])
        lang = {"DE": "de", "FR": "fr", "ES": "es", "IT": "it", "NL": "nl", "PL": "pl", "JP": "ja", "BR": "pt"}.get(cc, "en")
        rows.append((lname(r, lang), phone_s(r, cc)))
    if r.random() < 0.6:
        # duplicate: same person written in a different format
        n, p = rows[0]
        digits = re.sub(r"\D", "", p)
        alt = (p.replace(" ", "") if " " in p else " ".join([p[:4], p[4:8], p[8:]]).strip())
        rows.append((n, alt))
    sep = r.choice([" — ", ", ", " · ", "\t"])
    for n, p in rows:
        b.t(n + sep).g(p, "PHONE_NUMBER").t("\n")
    return b, "en", "phone numbers in a bare list with no 'phone' keyword"


def p_whatsapp(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        b.f("write a short whatsapp message inviting <<a>> (<<pa>>) and <<c>> (<<pc>>) to the climbing trip on <<d>>, meet at <<t>> "
            "at the car park", a=person(r)[0], pa=G(phone_s(r, "UK", "nat"), "PHONE_NUMBER"), c=person(r)[0],
            pc=G(phone_s(r, "UK", "nat"), "PHONE_NUMBER"), d=Gd(r, "en_GB", soon(r), r.choice(["wd", "noyear"])), t=Gt(r, "en_GB"))
    elif k == 1:
        b.f("ok so my new number is <<p>>, the old one <<o>> stops working friday. can you write a text i can send to everyone?",
            p=G(phone_s(r, r.choice(["US", "CA"]), "nat"), "PHONE_NUMBER"), o=G(phone_s(r, r.choice(["US", "CA"]), "nat"), "PHONE_NUMBER"))
    else:
        b.f("Schreib eine kurze SMS an meinen Vermieter: Heizung kaputt seit gestern, bitte Rückruf unter <<p>>, ich bin ab <<t>> zu Hause.",
            p=G(phone_s(r, "DE", "nat"), "PHONE_NUMBER"), t=Gt(r, "de", r.randint(15, 18), 0))
    return b, ["en_GB", "en_US", "de"][k], "'ich bin ab ... zu Hause': the writer's own availability for a visit is a time tied to a person (labelled)" if k == 2 else None


def p_order_lookalike(r, v):
    b = B()
    lang = r.choice(["en_GB", "en_US"])
    k = v.i % (1 + 1)
    if k == 0:
        b.f("Write a complaint: order no. <<o>> (total <<amt>>), placed on <<d>>, tracking <<trk>>. The courier called me from <<p>> "
            "while I was at work and then marked it 'refused'. Customer number <<cn>>.",
            o=Nn(v.safe_number(10)), amt=r.choice(["£1,249.00", "$1,249.00", "£86.40"]), d=Gd(r, lang, rdate(r, 2025, 2025), "long"),
            trk=Nn(f"1Z{v.alnum(6)}{v.safe_number(10, '0123456789')}"), p=G(phone_s(r, "UK" if lang == "en_GB" else "US", "nat"), "PHONE_NUMBER"),
            cn=Nn(v.safe_number(9)))
    else:
        b.f("Can you check these numbers from the invoice? Invoice <<inv>>, PO <<po>>, net 30, amount due <<amt>>, IBAN for payment "
            "<<i>>. For questions call accounts receivable on <<p>>.",
            inv=Nn(f"INV-{r.randint(2024, 2025)}-{v.safe_number(7)}"), po=Nn(v.safe_number(8)),
            amt=r.choice(["€14,302.55", "€ 3.480,00", "€1 204,90"]), i=G(v.iban(), "IBAN_CODE"), p=G(phone_s(r), "PHONE_NUMBER"))
    return b, lang, "order / tracking / customer / invoice / PO numbers unlabelled"


def p_ms_timestamp(r, v):
    b = B()
    ts = int(dt.datetime(2025, r.randint(1, 9), r.randint(1, 28), tzinfo=dt.timezone.utc).timestamp() * 1000) + r.randint(0, 86399999)
    while luhn_ok(str(ts)):
        ts += 1
    b.f("Why is this webhook rejected by our parser?\n\n{\"event\":\"callback.requested\",\"ts\":<<ts>>,\"duration_ms\":<<dur>>,"
        "\"order_id\":\"<<o>>\",\"callback_number\":\"<<p>>\",\"amount\":<<amt>>,\"attempt\":2,}",
        ts=Nn(str(ts)), dur=str(r.randint(100, 9000)), o=Nn(v.safe_number(12)), p=G(phone_s(r, style="intl").replace(" ", r.choice([" ", ""])), "PHONE_NUMBER"),
        amt=Nn(f"{r.randint(1000, 99999)}.{r.randint(0, 99):02d}"))
    return b, "en", "epoch-millisecond timestamp and order id unlabelled"


def p_balance(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        b.f("Przetłumacz na angielski:\n\nSaldo na dzień <<d>>: <<bal>> PLN. Numer rachunku: <<i>>. Infolinia: <<p>> (czynna całą dobę). "
            "Kod pocztowy oddziału: 00-950.", d=Nd(r, "pl", rdate(r, 2025, 2025), "num"),
            bal=f"{r.randint(1, 99)} {r.randint(100, 999)},{r.randint(0, 99):02d}", i=G(v.iban("PL"), "IBAN_CODE"),
            p=G(phone_s(r, "PL"), "PHONE_NUMBER"))
    elif k == 1:
        b.f("Traduce: «Saldo disponible a <<d>>: <<bal>> €. Para cualquier consulta llame al <<p>>. Referencia del préstamo: <<ref>>.»",
            d=Nd(r, "es", rdate(r, 2025, 2025), "num"), bal=f"{r.randint(1, 99)}.{r.randint(100, 999)},{r.randint(0, 99):02d}",
            p=G(phone_s(r, "ES"), "PHONE_NUMBER"), ref=Nn(v.safe_number(12)))
    else:
        b.f("Explain this balance notice: 'Available balance as of <<d>>: $<<bal>>. Pending: $<<pend>>. Questions? <<p>>.'",
            d=Nd(r, "en_US", rdate(r, 2025, 2025), "long"), bal=f"{r.randint(1, 99)},{r.randint(100, 999)}.{r.randint(0, 99):02d}",
            pend=f"{r.randint(1, 999)}.{r.randint(0, 99):02d}", p=G(phone_s(r, "US", "nat"), "PHONE_NUMBER"))
    return b, ["pl", "es", "en_US"][k], "'as of' balance date describes the document (unlabelled); amounts unlabelled"


def p_office_table(r, v):
    b = B()
    b.t("Turn this into a nicer markdown table and add a column with the local time zone:\n\n| City | Postcode | Phone | Hours |\n|---|---|---|---|\n")
    for cc, city, pc in r.sample([("UK", "London", "EC2A 4NE"), ("DE", "München", "80331"), ("FR", "Lyon", "69002"),
                                  ("NL", "Rotterdam", "3011 AD"), ("PL", "Kraków", "31-011"), ("JP", "Tokyo", "100-0005"),
                                  ("US", "Chicago", "60601"), ("AU", "Melbourne", "3000"), ("ES", "Valencia", "46002"),
                                  ("IT", "Torino", "10121"), ("CH", "Zürich", "8001"), ("SE", "Göteborg", "411 06")], r.randint(3, 5)):
        b.f("| <<c>> | <<pc>> | <<p>> | <<h>> |\n", c=city, pc=pc, p=G(phone_s(r, cc, "intl"), "PHONE_NUMBER"),
            h=Nt(r.choice(["Mon–Fri 9:00–17:30", "Mon–Fri 08:30–18:00", "Mon–Sat 10:00–19:00", "24/7"])))
    return b, "en", "postcodes are unlabelled (LOCATION is out of scope here); office hours public"


def p_call_ext(r, v):
    b = B()
    cc = r.choice(["US", "UK", "DE", "CA"])
    p = phone_s(r, cc, r.choice(["nat", "intl"]))
    ext = {"US": r.choice([" ext. ", " x", " ext "]), "CA": r.choice([" ext. ", " x"]), "UK": r.choice([" ext. ", " ext "]),
           "DE": r.choice(["-", " Durchwahl "])}[cc]
    num = p + ext + str(r.randint(10, 4999)) if cc != "DE" or ext != "-" else p + "-" + str(r.randint(10, 99))
    f, l = person(r)
    b.f("Summarise these call notes for the CRM:\n\n- Spoke with <<f>> <<l>> (procurement), best reached on <<n>>.\n- They want the "
        "quote revised to 1,250 units at $<<unit>>; delivery incoterm DAP.\n- Ticket <<tk>>; previous quote <<q>>.\n- Mobile for "
        "urgent matters (direct line): <<m>>.", f=f, l=l, n=G(num, "PHONE_NUMBER"), unit=f"{r.randint(2, 40)}.{r.randint(0, 99):02d}",
        tk=f"CRM-{r.randint(10000, 99999)}", q=Nn(f"Q-{v.safe_number(8)}"), m=G(phone_s(r, cc, "nat"), "PHONE_NUMBER"))
    return b, "en", "extension is part of the phone span (' ext. 214', ' x214', '-12' switchboard suffix, ' Durchwahl 12')"


def p_intl_dialing(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        area = r.choice(["30", "89", "40", "151", "176", "221"])
        sub = _d(r, 8 if area in ("30", "40", "151", "176") else 7, "23456789")
        b.f("How do I call <<n>> from the US? Is it <<alt>>? And do I drop the zero if someone writes it as <<nat>>?",
            n=G(f"+49 {area} {sub}", "PHONE_NUMBER"), alt=G(f"011 49 {area} {sub}", "PHONE_NUMBER"), nat=G(f"0{area} {sub}", "PHONE_NUMBER"))
    elif k == 1:
        num = phone_s(r, "FR", "nat")
        b.f("Mon collègue à Montréal doit appeler le <<n>>. Il compose bien le <<alt>> depuis le Canada ?",
            n=G(num, "PHONE_NUMBER"), alt=G("011 33 " + num[1:].replace(".", " "), "PHONE_NUMBER"))
    else:
        num = phone_s(r, "UK", "nat")
        b.f("From Spain, do I dial <<alt>> to reach <<n>>, or +44 and then the number?",
            alt=G("00 44 " + num.replace("(", "").replace(")", "")[1:], "PHONE_NUMBER"), n=G(num, "PHONE_NUMBER"))
    return b, ["en_US", "fr", "en_GB"][k], "international exit code (00 / 011) written before a number is part of the phone span"


def p_negatives_only(r, v):
    b = B()
    k = v.i % (5 + 1)
    if k == 0:
        ts = [v.safe_number(13, "1") for _ in range(3)]
        b.f("Convert these epoch-millisecond timestamps to ISO 8601 UTC: <<a>>, <<b>>, <<c>>. They come from our metrics exporter.",
            a=Nn(ts[0]), b=Nn(ts[1]), c=Nn(ts[2]))
    elif k == 1:
        b.f("Summarize Q3 warehouse KPIs: <<n1>> parcels shipped, <<n2>> returns, average order value €<<aov>>, top postcodes "
            "<<p1>>, <<p2>> and <<p3>>, on-time rate 97.4%, carrier invoice total €<<tot>>.",
            n1=Nn(f"{r.randint(1, 9)} {r.randint(100, 999)} {r.randint(100, 999)}"), n2=Nn(f"{r.randint(10, 99)},{r.randint(100, 999)}"),
            aov=f"{r.randint(20, 200)}.{r.randint(0, 99):02d}", p1="10115", p2="75008", p3="28013",
            tot=f"{r.randint(100, 999)},{r.randint(100, 999)}.{r.randint(0, 99):02d}")
    elif k == 2:
        b.f("Which carrier uses tracking numbers like these? <<a>>, <<b>>, <<c>>", a=Nn(f"9400 {v.safe_number(4, '1')} {v.safe_number(4)} {v.safe_number(4)} {v.safe_number(4)} {r.randint(10, 99)}"),
            b=Nn(f"JJD{v.safe_number(18, '0')}"), c=Nn(f"{v.safe_number(12)}"))
    elif k == 3:
        b.f("Our ERP exports account balances like <<a>> and <<b>>; write a parser that turns them into decimals, and handles "
            "negative values such as <<c>>.", a=Nn(f"{r.randint(1, 99)} {r.randint(100, 999)} {r.randint(100, 999)},{r.randint(10, 99)}"),
            b=Nn(f"{r.randint(1, 99)}.{r.randint(100, 999)}.{r.randint(100, 999)},{r.randint(10, 99)}"),
            c=Nn(f"-{r.randint(100, 999)} {r.randint(100, 999)},{r.randint(10, 99)}"))
    elif k == 4:
        b.f("Explain the structure of EAN <<e>> and ISBN <<i>>, and why the serial number <<s>> on my router isn't a phone number.",
            e=Nn(v.safe_number(13, "4")), i=Nn("978-" + f"{r.randint(0, 1)}-{r.randint(100, 999)}-{r.randint(10000, 99999)}-{r.randint(0, 9)}"),
            s=Nn(f"S/N {v.alnum(3, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{v.safe_number(9)}"))
    else:
        b.f("Reconcile: batch <<a>> has <<n>> rows, batch <<c>> has <<m>> rows; the difference of <<d>> rows matches job run <<j>>.",
            a=Nn(v.safe_number(8)), n=Nn(f"{r.randint(1, 9)}{r.randint(100, 999)}{r.randint(100, 999)}"), c=Nn(v.safe_number(8)),
            m=Nn(f"{r.randint(1, 9)}{r.randint(100, 999)}{r.randint(100, 999)}"), d=str(r.randint(10, 999)), j=Nn(f"{v.safe_number(10)}"))
    return b, "en", "PII-free: phone-shaped numbers without phone semantics"


def p_shipping(r, v):
    b = B()
    k = v.i % (2 + 1)
    d = soon(r)
    if k == 0:
        b.f("Übersetze ins Englische: „Ihre Sendung <<s>> wird am <<d>> zwischen <<t1>> und <<t2>> zugestellt. Bei Fragen erreichen Sie "
            "Ihren Zusteller unter <<p>>. Paketshop-Öffnungszeiten: <<h>>.“", s=Nn(f"00340434{v.safe_number(12, '0123456789')}"),
            d=Gd(r, "de", d, r.choice(["wd", "num"])), t1=Gt(r, "de", r.randint(8, 12), 0), t2=Gt(r, "de", r.randint(13, 18), 0),
            p=G(phone_s(r, "DE", "nat"), "PHONE_NUMBER"), h=Nt("Mo–Sa 8–20 Uhr"))
    elif k == 1:
        b.f("Is this text a scam? \"Royal Mail: your parcel <<s>> could not be delivered on <<d>>. Reschedule at <<u>> or call <<p>>.\"",
            s=Nn(f"{v.alnum(2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{v.safe_number(9)}GB"), d=Gd(r, "en_GB", d, "noyear"),
            u=G(f"https://royalmail-{v.alnum(5, 'abcdefghijkmnpqrstuvwxyz')}.info/redeliver", "URL"), p=G(phone_s(r, "UK", "nat"), "PHONE_NUMBER"))
    else:
        b.f("Résume : « Votre colis n° <<s>> sera livré le <<d>> entre <<t1>> et <<t2>>. Votre livreur : <<p>>. Point relais ouvert <<h>>. »",
            s=Nn(f"6A{v.safe_number(11)}"), d=Gd(r, "fr", d, r.choice(["wd", "num"])), t1=Gt(r, "fr", r.randint(8, 12), 0),
            t2=Gt(r, "fr", r.randint(13, 18), 0), p=G(phone_s(r, "FR", "nat"), "PHONE_NUMBER"), h=Nt("du lundi au samedi de 9h à 19h"))
    return b, ["de", "en_GB", "fr"][k], "the delivery date/window of this person's parcel is personal; shop opening hours are not"


def p_asia(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        f, l = person(r, "ja")
        b.f("名刺の情報を表にまとめてください。\n\n株式会社ミナトシステム 営業部\n<<l>> <<f>>\nTEL：<<t>>　FAX：<<fx>>\n携帯：<<m>>\n"
            "E-mail：<<e>>\n〒<<pc>> 東京都港区芝公園1-2-3\n営業時間：<<h>>", l=l, f=f, t=G(phone_s(r, "JP", "nat"), "PHONE_NUMBER"),
            fx=G(phone_s(r, "JP", "nat"), "PHONE_NUMBER"), m=G(phone_s(r, "JP", "nat"), "PHONE_NUMBER"),
            e=G(f"{r.choice(['sales', 'k.tanaka', 'yamamoto'])}@minato-sys.co.jp", "EMAIL_ADDRESS"), pc=N("105-0011", "postcode"), h=Nt("平日9:00〜18:00"))
    elif k == 1:
        b.f("다음 연락처를 영어로 번역해 주세요:\n담당자 연락처: <<m>> (휴대폰), 사무실 <<o>>\n주문번호: <<n>>\n상담 시간: <<h>>",
            m=G(phone_s(r, "KR", "nat"), "PHONE_NUMBER"), o=G("02-" + f"{r.randint(2000, 8999)}-{r.randint(1000, 9999)}", "PHONE_NUMBER"),
            n=Nn(v.safe_number(12)), h=Nt("평일 09:00~18:00"))
    else:
        b.f("请把下面的信息翻译成英文：\n联系人手机：<<m>>，座机：<<o>>\n订单号：<<n>>\n客服时间：<<h>>",
            m=G(phone_s(r, "CN", "nat"), "PHONE_NUMBER"), o=G(f"010-{r.randint(6000, 8999)}{r.randint(1000, 9999)}", "PHONE_NUMBER"),
            n=Nn(v.safe_number(16)), h=Nt("9:00-21:00"))
    return b, ["ja", "ko", "zh"][k], None


def p_hotel(r, v):
    b = B()
    lang = r.choice(["en_GB", "en_US"])
    ci = soon(r)
    co = ci + dt.timedelta(days=r.randint(1, 6))
    f, l = person(r)
    b.f("Add this to my travel notes as a bullet list:\n\nReservation <<res>> confirmed for <<f>> <<l>>. Check-in <<ci>> (from <<cit>>), "
        "check-out <<co>> by <<cot>>. Late arrival noted: guest arrives around <<arr>>. Breakfast <<bf>>. Hotel reception: <<p>>. "
        "Free cancellation until 48 hours before arrival.",
        res=Nn(v.safe_number(8)), f=f, l=l, ci=Gd(r, lang, ci, r.choice(["wd", "long"])), cit=Nt(ftime(r, lang, 15, 0)),
        co=Gd(r, lang, co, r.choice(["wd", "long"])), cot=Nt(ftime(r, lang, 11, 0)), arr=Gt(r, lang, r.randint(21, 23), r.choice([0, 30])),
        bf=Nt(r.choice(["7:00–10:30", "6:30–10:00 daily"])), p=G(phone_s(r, r.choice(["PT", "IT", "ES", "FR"]), "intl"), "PHONE_NUMBER"))
    return b, lang, "check-in/out dates and the guest's own arrival time are personal; the hotel's standard check-in/out hours and breakfast hours are not"


def p_which_phone_pos(r, v):
    return _which_phone(r, v, 0)


def p_which_phone_neg(r, v):
    return _which_phone(r, v, 1)


def _which_phone(r, v, k):
    b = B()
    items = [Nn(v.safe_number(10)), Nn(f"{r.randint(10, 99)}-{r.randint(100, 999)}"), Nn(v.safe_number(13, "1")),
             Nn(f"{r.randint(1, 9)} {r.randint(100, 999)} {r.randint(100, 999)},{r.randint(10, 99)}"), N("978-3-16-148410-0", "isbn")]
    if k == 0:
        items.append(G(phone_s(r, r.choice(["DE", "NL", "IT", "ES"]), "intl"), "PHONE_NUMBER"))
        items.append(G(phone_s(r, r.choice(["UK", "FR", "PL"]), "nat"), "PHONE_NUMBER"))
    r.shuffle(items)
    b.t("Which of these values could be phone numbers, and which are something else (order id, amount, epoch ms, ISBN, postcode)?\n")
    for it in items:
        b.t("• ").put(it).t("\n")
    return b, "en", "PII-free" if k else "only the real phone numbers labelled; the other values are unlabelled look-alikes"


# =========================================================================== theme 4: hard negatives (PII-free)
def n_changelog(r, v):
    b = B()
    d1 = rdate(r, 2025, 2025)
    d0 = d1 - dt.timedelta(days=r.randint(20, 60))
    maj = r.randint(2, 7)
    b.f("Write a short announcement from this changelog:\n\n## [<<v1>>] - <<d1>>\n### Security\n- Fix <<cve>> (path traversal in the "
        "static file handler).\n### Changed\n- Minimum supported Windows build is now <<win>>.\n- Default worker pool raised from 8 to 16.\n"
        "## [<<v0>>] - <<d0>>\n- Artifacts: app-<<v0>>-x86_64.tar.gz (sha256 <<sha>>)\n- Build <<bn>> on runner ubuntu-24.04",
        v1=N(f"{maj}.{r.randint(1, 20)}.0", "version"), d1=N(d1.isoformat(), "date_public"),
        cve=N(f"CVE-{d1.year}-{r.randint(10000, 59999)}", "cve"), win=N(f"10.0.{r.randint(19041, 22631)}.{r.randint(1000, 5000)}", "version"),
        v0=N(f"{maj}.{r.randint(0, 9)}.{r.randint(1, 9)}", "version"), d0=N(d0.isoformat(), "date_public"), sha=v.hexs(64),
        bn=Nn(f"{d0:%Y%m%d}.{r.randint(1, 30)}"))
    return b, "en", None


def n_k8s(r, v):
    b = B()
    app = r.choice(["checkout", "search-api", "ledger", "notifier", "thumbnailer"])
    b.f("Review this Kubernetes manifest for security issues:\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: <<app>>\n"
        "  annotations:\n    deployment.kubernetes.io/revision: \"<<rev>>\"\n    build/uid: <<uid>>\n  creationTimestamp: \"<<ct>>\"\nspec:\n"
        "  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: <<app>>\n          image: registry.internal/<<app>>@sha256:<<dig>>\n"
        "          ports:\n            - containerPort: 8080\n          env:\n            - name: BIND_ADDR\n              value: \"0.0.0.0\"\n"
        "            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: {name: <<app>>-db, key: password}\n"
        "          readinessProbe:\n            httpGet: {path: /healthz, port: 8080, host: 127.0.0.1}\n          resources:\n"
        "            limits: {cpu: 500m, memory: 512Mi}\n---\nkind: NetworkPolicy\nspec:\n  ingress:\n    - from:\n        - ipBlock: {cidr: <<c1>>}\n"
        "        - ipBlock: {cidr: <<c2>>}\n```",
        app=app, c1=N("10.0.0.0/8", "cidr"), c2=N("172.16.0.0/12", "cidr"), rev=str(r.randint(2, 90)), uid=N(f"{v.hexs(8)}-{v.hexs(4)}-4{v.hexs(3)}-8{v.hexs(3)}-{v.hexs(12)}", "uuid"),
        ct=N(f"{rdate(r, 2024, 2025).isoformat()}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z", "timestamp_system"),
        dig=v.hexs(64))
    return b, "en", "secretKeyRef is a reference, not a secret; 0.0.0.0 / 127.0.0.1 / CIDR blocks are not host addresses"


def n_finance_report(r, v):
    b = B()
    fy = r.choice([2024, 2025])
    b.f("Summarize for the board in three bullets:\n\nFiscal year ended <<fye>>. Revenue €<<rev>>m (+<<g>>%), EBITDA €<<eb>>m, net debt "
        "€<<nd>>m. Q4 (<<q1>> – <<q2>>) order intake 1,204 units. Shares outstanding <<sh>>. Dividend of €0.42 payable on <<div>> to "
        "shareholders of record on <<rec>>. AGM: <<agm>>, <<agmt>> CET.",
        fye=Nd(r, "en_GB", dt.date(fy, 6, 30), "long"), rev=f"{r.randint(100, 999)}.{r.randint(0, 9)}", g=f"{r.randint(1, 19)}.{r.randint(0, 9)}",
        eb=f"{r.randint(10, 99)}.{r.randint(0, 9)}", nd=f"{r.randint(10, 300)}.{r.randint(0, 9)}",
        q1=Nd(r, "en_GB", dt.date(fy, 4, 1), "long"), q2=Nd(r, "en_GB", dt.date(fy, 6, 30), "long"),
        sh=Nn(f"{r.randint(10, 99)},{r.randint(100, 999)},{r.randint(100, 999)}"), div=Nd(r, "en_GB", dt.date(fy, 11, r.randint(1, 28)), "long"),
        rec=Nd(r, "en_GB", dt.date(fy, 10, r.randint(1, 28)), "long"), agm=Nd(r, "en_GB", dt.date(fy, 10, r.randint(1, 28)), "long"),
        agmt=Nt("10:00"))
    return b, "en_GB", "PII-free: corporate dates (fiscal year, record date, AGM) are not tied to a person"


def n_masked(r, v):
    b = B()
    k = v.i % (3 + 1)
    if k == 0:
        b.f("Is it OK to show this on the receipt? 'Paid with Visa <<m>>, auth code <<a>>, terminal <<t>>.'",
            m=N(f"•••• {r.randint(1000, 9999)}", "masked"), a=v.alnum(6), t=Nn(v.safe_number(8)))
    elif k == 1:
        b.f("Our support macro shows customers as: card <<c>>, SSN <<s>>, IBAN <<i>>, phone <<p>>, e-mail <<e>>. Is that enough masking "
            "for PCI and GDPR?", c=N(f"XXXX-XXXX-XXXX-{r.randint(1000, 9999)}", "masked"), s=N(f"***-**-{r.randint(1000, 9999)}", "masked"),
            i=N(f"DE** **** **** **** **{r.randint(10, 99)} {r.randint(10, 99)}", "masked"),
            p=N(f"+44 7*** ***{r.randint(100, 999)}", "masked"), e=N(r.choice(["j***@g***.com", "m•••••@outlook.com"]), "masked"))
    elif k == 2:
        b.f("The bank app shows my account as <<a>> and the card as <<c>>. Why do they show different last digits?",
            a=N(f"******{r.randint(1000, 9999)}", "masked"), c=N(f"**** **** **** {r.randint(1000, 9999)}", "masked"))
    else:
        b.f("Write a regex that detects already-masked values like <<a>>, <<b>> and <<c>> so our redactor skips them.",
            a=N(f"***-**-{r.randint(1000, 9999)}", "masked"), b=N(f"{r.randint(4000, 4999)} **** **** {r.randint(1000, 9999)}", "masked"),
            c=N(f"GB** **** **** **** {r.randint(1000, 9999)} {r.randint(10, 99)}", "masked"))
    return b, "en", "PII-free: masked values"


def n_checksum(r, v):
    b = B()
    k = v.i % (4 + 1)
    if k == 0:
        b.f("My validator says <<c>> fails the Luhn check. Show me the calculation step by step.", c=N(v.card_invalid(r.choice([" ", "-", ""])), "card_invalid"))
    elif k == 1:
        b.f("Why is IBAN <<i>> rejected? The length looks right for the country.", i=N(v.iban_invalid(), "iban_invalid"))
    elif k == 2:
        b.f("Is <<n>> a valid NHS number? Explain the modulus 11 algorithm with it.", n=N(v.nhs_invalid(r.choice([" ", ""])), "nhs_invalid"))
    elif k == 3:
        b.f("Which of these can never be SSNs: <<a>>, <<b>>, <<c>>? Explain each rule.", a=N(f"000-{r.randint(10, 99)}-{r.randint(1000, 9999)}", "ssn_invalid"),
            b=N(f"666-{r.randint(10, 99)}-{r.randint(1000, 9999)}", "ssn_invalid"), c=N(f"{r.randint(100, 899)}-00-{r.randint(1000, 9999)}", "ssn_invalid"))
    else:
        b.f("The wallet app says <<a>> has an invalid checksum, and <<e>> is too short for an Ethereum address. Are both typos?",
            a=N(v.btc_invalid(), "crypto_invalid"), e=N("0x" + v.hexs(39), "crypto_invalid"))
    return b, "en", "PII-free: checksum-invalid look-alikes"


def n_placeholders(r, v):
    b = B()
    k = v.i % (3 + 1)
    if k == 0:
        b.t("Document each setting of this template for new developers:\n\n```ini\nOPENAI_API_KEY=YOUR_API_KEY\nSTRIPE_SECRET_KEY=").x("sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "placeholder").t("\n"
            "DATABASE_URL=postgres://${PGUSER}:${PGPASSWORD}@${PGHOST}:5432/${PGDATABASE}\nSMTP_PASSWORD=<smtp-password>\nADMIN_EMAIL=<admin e-mail>\n"
            "JWT_SECRET=${JWT_SECRET:?must be set}\n```")
    elif k == 1:
        b.t("Why does this workflow print '***' instead of the token?\n\n```yaml\n- name: Publish\n  env:\n    NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n"
            "    GH_TOKEN: ${{ github.token }}\n  run: |\n    echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > ~/.npmrc\n    npm publish --access public\n```")
    elif k == 2:
        b.t("Fill in the blanks of this API example with realistic-looking but obviously fake values:\n\ncurl -X POST $API_BASE/v1/charges \\\n"
            "  -H \"Authorization: Bearer ").x("sk-xxxxxxxxxxxxxxxxxxxx", "placeholder").t("\" \\\n  -d amount=1000 -d currency=eur -d customer=<CUSTOMER_ID>")
    else:
        b.t("Explain what these Helm values do:\n\npassword: \"********\"\napiKey: \"{{ .Values.global.apiKey }}\"\ntoken: \"<REDACTED>\"\n"
            "tlsKey: \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\"")
    return b, "en", "PII-free: placeholders, env-var and template references, redacted values, a truncated key stub"


def n_git_log(r, v):
    b = B()
    b.t("Group these commits into a release note (features / fixes / chores):\n\n")
    d = rdate(r, 2025, 2025)
    msgs = ["feat(api): add pagination to /orders", "fix: handle empty IBAN field in export", ["chore(deps): bump serde to ", N("1.0.219", "version")],
            "fix(ui): date picker off-by-one in Safari", "perf: cache tokenizer across requests", "docs: describe retry policy",
            "feat: CSV import for phone numbers", "refactor: split validator module", "test: add Luhn edge cases",
            "ci: pin actions/checkout to v4.2.2"]
    for msg in r.sample(msgs, r.randint(5, 8)):
        d += dt.timedelta(days=r.randint(0, 3))
        b.f("<<sha>> <<d>> <<msg>>\n", sha=v.hexs(r.choice([7, 8, 10])), msg=msg,
            d=N(f"{d.isoformat()} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d} +0{r.randint(0, 2)}00", "timestamp_system"))
    return b, "en", "PII-free: commit timestamps are system timestamps"


def n_hashes(r, v):
    b = B()
    k = v.i % (1 + 1)
    if k == 0:
        b.f("Which of these is a UUID v4, which a SHA-1, which an MD5, and which base64?\n- <<u>>\n- <<s1>>\n- <<m>>\n- <<b64>>",
            u=f"{v.hexs(8)}-{v.hexs(4)}-4{v.hexs(3)}-9{v.hexs(3)}-{v.hexs(12)}", s1=v.hexs(40), m=v.hexs(32),
            b64=base64.b64encode(bytes(r.randint(0, 255) for _ in range(24))).decode())
    else:
        b.f("Verify this download: expected SHA-256 <<a>>, got <<c>>. Also the GPG key fingerprint is <<fp>>.",
            a=v.hexs(64), c=v.hexs(64), fp=N(" ".join(v.hexs(4).upper() for _ in range(10)), "fingerprint"))
    return b, "en", "PII-free: hashes, UUIDs, base64, fingerprints"


def n_clinical_anon(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        b.f("Explain this case for a pharmacology exam: a <<a>>-year-old woman with CKD stage 3b (eGFR 38 mL/min/1.73m²) on metformin "
            "1 g BD, HbA1c 8.4% (68 mmol/mol), K+ 5.6 mmol/L. ICD-10 E11.65, N18.32. What would you change?", a=str(r.randint(55, 85)))
    elif k == 1:
        b.f("Convert these lab values to SI units: glucose 126 mg/dL, creatinine 1.4 mg/dL, cholesterol 212 mg/dL, vitamin D 18 ng/mL. "
            "Reference ranges per the <<y>> lab handbook.", y=str(r.randint(2019, 2025)))
    else:
        b.f("Dosing question: paediatric amoxicillin 40–90 mg/kg/day in 2–3 divided doses, child weighs <<w>> kg, suspension 250 mg/5 mL. "
            "How many mL per dose for the BD regimen? Treatment lasts 7 days.", w=str(r.randint(12, 30)))
    return b, "en", "PII-free: ages, lab values, dosages, codes, durations"


def n_network_neg(r, v):
    b = B()
    b.f("Explain this config line by line:\n\n```\nlisten 0.0.0.0:8443\nallow <<c1>>\nallow <<c2>>\ndeny all\nnetmask <<nm>>\n"
        "upstream 127.0.0.1:9000\nipv6 ::1\nsnmp.oid <<oid>>\nagent.version <<ver>>\nos.build <<win>>\n```",
        c1=N("10.0.0.0/8", "cidr"), c2=N("192.168.0.0/16", "cidr"), nm=N("255.255.255.0", "netmask"),
        oid=N(f"1.3.6.1.4.1.{r.randint(1000, 60000)}.{r.randint(1, 9)}.{r.randint(1, 9)}", "oid"), ver=N(f"{r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 99)}.{r.randint(0, 999)}", "version"),
        win=N(f"10.0.{r.randint(19041, 26100)}.{r.randint(1000, 6000)}", "version"))
    return b, "en", "PII-free: unspecified / loopback / netmask / prefixes, IPv4-shaped versions and OIDs"


def n_invoice(r, v):
    b = B()
    d = rdate(r, 2025, 2025)
    b.f("Check the VAT maths on this supplier invoice (B2B, no personal data):\n\nInvoice <<inv>> · issued <<d>> · due <<due>>\n"
        "SKU <<s1>>  EAN <<e1>>  12 × €<<p1>>\nSKU <<s2>>  EAN <<e2>>  3 × €<<p2>>\nShipping €18.50\nVAT 19%\nOrder ref <<o>> · delivery note <<dn>>",
        inv=Nn(f"RE-{d.year}-{v.safe_number(7)}"), d=Nd(r, "en_GB", d, "num"), due=Nd(r, "en_GB", d + dt.timedelta(days=30), "num"),
        s1=f"{v.alnum(3, 'ABCDEFGHJKLMNPRSTUVWXYZ')}-{r.randint(100, 999)}-{r.randint(10, 99)}", e1=Nn(v.safe_number(13, "4")),
        p1=f"{r.randint(5, 200)}.{r.randint(0, 99):02d}", s2=f"{v.alnum(3, 'ABCDEFGHJKLMNPRSTUVWXYZ')}-{r.randint(100, 999)}-{r.randint(10, 99)}",
        e2=Nn(v.safe_number(13, "4")), p2=f"{r.randint(5, 200)}.{r.randint(0, 99):02d}", o=Nn(v.safe_number(10)), dn=Nn(v.safe_number(9)))
    return b, "en_GB", "PII-free: dates of a company-to-company invoice are not tied to an individual"


def n_schedule(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        b.t("Make this timetable readable:\n")
        for tr in ["IC 2013", "ICE 578", "RE 4411"]:
            h = r.randint(5, 9)
            b.f("<<tr>>  dep <<d>>  arr <<a>>\n", tr=tr, d=Nt(f"{h:02d}:{r.randint(0, 59):02d}"), a=Nt(f"{h + r.randint(2, 4):02d}:{r.randint(0, 59):02d}"))
        b.f("Valid from <<a>> to <<b>>; no service on <<c>>.", a=Nd(r, "en_GB", dt.date(2025, 12, 14), "long"),
            b=Nd(r, "en_GB", dt.date(2026, 12, 12), "long"), c=Nd(r, "en_GB", dt.date(2025, 12, 25), "noyear"))
    elif k == 1:
        b.f("Turn this conference agenda into a table:\n<<d>>\n", d=Nd(r, "en_GB", rdate(r, 2025, 2026), "wd"))
        for t, what in [("09:00", "Registration & coffee"), ("09:45", "Keynote: the state of Rust"), ("11:00", "Track A / Track B"),
                        ("12:30", "Lunch"), ("14:00", "Workshops"), ("17:30", "Closing")]:
            b.x(t, "time_public").t(f" {what}\n")
    else:
        b.f("Translate to German: 'Store hours: <<h>>. Closed on <<a>> and <<b>>. Extended hours from <<c>> until Christmas.'",
            h=Nt("Monday to Saturday 9:30 am – 8 pm, Sunday 11 am – 5 pm"), a=Nd(r, "en_US", dt.date(2025, 11, 27), "long"),
            b=Nd(r, "en_US", dt.date(2025, 12, 25), "long"), c=Nd(r, "en_US", dt.date(2025, 12, 1), "long"))
    return b, "en", "PII-free: public schedules"


def n_routing_bic(r, v):
    b = B()
    if r.random() < 0.5:
        b.f("Which bank does ABA routing number <<a>> belong to, and is it valid for wires or only ACH?", a=N(v.aba(), "aba"))
    else:
        b.f("Is <<b1>> the same bank as <<b2>>? One supplier gave the 8-character BIC, the other the 11-character one.",
            b1=N(r.choice(["DEUTDEFF", "COBADEFF", "BNPAFRPP", "INGBNL2A"]), "bic"), b2=N(r.choice(BICS), "bic"))
    return b, "en", "PII-free: routing numbers and BICs identify banks"


def n_math(r, v):
    b = B()
    if r.random() < 0.5:
        b.f("Check my maths: 2^64 = <<a>>, 20! = <<b>> and the 10,000th prime is 104729. Is 2^61 − 1 = <<c>> prime?",
            a=Nn("18446744073709551616"), b=Nn("2432902008176640000"), c=Nn("2305843009213693951"))
    else:
        n = v.safe_number(r.choice([10, 11, 12]))
        b.f("Factorise <<n>> and tell me whether it's divisible by 97 — I'm testing a mod-97 routine.", n=Nn(n))
    return b, "en", "PII-free: large integers"


def n_sql_ddl(r, v):
    b = B()
    b.t("Suggest indexes and tighter types for this schema:\n\n```sql\nCREATE TABLE customers (\n  id BIGSERIAL PRIMARY KEY,\n  email CITEXT NOT NULL UNIQUE,\n"
        "  phone VARCHAR(20) CHECK (phone ~ '^\\+[1-9][0-9]{6,14}$'),\n  iban VARCHAR(34),\n  ssn_last4 CHAR(4),\n")
    b.f("  date_of_birth DATE CHECK (date_of_birth > '<<d0>>'),\n  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),\n  valid_from DATE DEFAULT '<<d1>>'\n);\n"
        "CREATE INDEX ON customers (created_at) WHERE created_at > '<<d2>>';\n```", d0=N("1900-01-01", "date_schema"),
        d1=N("1970-01-01", "date_schema"), d2=N(f"{r.randint(2020, 2024)}-01-01", "date_schema"))
    return b, "en", "PII-free: schema constants"


# =========================================================================== example / documentation values
def x_docs_examples(r, v):
    b = B()
    k = v.i % 5
    n = f"{r.randint(100, 199):03d}"[1:]
    if k == 0:
        b.f("Improve the wording of our API docs example:\n\n> Create a customer with `email` set to <<e>> and `phone` to <<p>>. The response "
            "includes the `ip` the request came from, e.g. <<ip>>, and a link to <<u>>.",
            e=G(r.choice(["jane.doe@example.com", "alex@example.org", "test.user@example.net"]), "EMAIL_ADDRESS"),
            p=G(f"({r.choice(US_AREAS)}) 555-01{n}", "PHONE_NUMBER"),
            ip=G(r.choice([f"192.0.2.{r.randint(1, 254)}", f"198.51.100.{r.randint(1, 254)}", f"203.0.113.{r.randint(1, 254)}"]), "IP_ADDRESS"),
            u=G(f"https://example.com/customers/{r.randint(100, 999)}", "URL"))
    elif k == 1:
        b.f("In this firewall tutorial, is it OK to use <<a>> and <<b6>> as example addresses, or should I use the documentation ranges?",
            a=G(f"203.0.113.{r.randint(1, 254)}", "IP_ADDRESS"), b6=G(f"2001:db8::{v.hexs(3).lstrip('0') or '1'}", "IP_ADDRESS"))
    elif k == 2:
        b.f("For the screenshot in our help centre we need a fake contact: Call us at <<p>> or write to <<e>>. Is 555 still reserved for fiction?",
            p=G(f"+1 {r.choice(US_AREAS)}-555-01{n}", "PHONE_NUMBER"), e=G("support@example.com", "EMAIL_ADDRESS"))
    elif k == 3:
        b.f("Check this OpenAPI snippet:\n\nservers:\n  - url: <<u>>\ninfo:\n  contact:\n    email: <<e>>\n  license:\n    url: <<lu>>",
            u=G("https://api.example.org/v1", "URL"), e=G("api-team@example.org", "EMAIL_ADDRESS"),
            lu=G("https://www.apache.org/licenses/LICENSE-2.0.html", "URL"))
    else:
        b.f("Our Storybook mock uses the UK drama number <<p>> and the MAC <<m>> for a demo router. Are those safe to ship in a public demo?",
            p=G(f"020 7946 0{r.randint(0, 999):03d}", "PHONE_NUMBER"), m=G("00:00:5E:00:53:" + f"{r.randint(0, 255):02X}", "MAC_ADDRESS"))
    return b, "en_US", "reserved example values (example.com/.org/.net, 555-01xx, RFC 5737 / 3849 documentation IPs) are labelled by form: TAXONOMY has no exemption for them"


def x_form_spec(r, v):
    b = B()
    k = v.i % (3 + 1)
    if k == 0:
        b.t("Translate the field hints of this form into French:\nPhone: +1 (XXX) XXX-XXXX\nE-mail: name@<your-domain>\nDate of birth: DD/MM/YYYY\n"
            "SSN: ___-__-____\nCard number: XXXX XXXX XXXX XXXX")
    elif k == 1:
        b.t("Explain this IBAN format spec to a junior dev: DEkk bbbb bbbb cccc cccc cc (k = check digits, b = Bankleitzahl, c = account). "
            "Length 22, check digits computed with ISO 7064 MOD 97-10.")
    elif k == 2:
        b.t("Our docs say: 'Your API key looks like sk-... (51 characters) and your org id like org-XXXXXXXXXXXX'. Is that description accurate?")
    else:
        b.t("Write validation messages for: phone must match +CC NNN NNN NNNN; email must contain @; MRN is 8 digits (e.g. ########); "
            "NHS number is 10 digits in 3-3-4 groups (nnn nnn nnnn).")
    return b, "en", "PII-free: format specifications and placeholder masks"


def x_tutorial(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        b.f("Explain this curl example line by line:\n\ncurl <<u>> \\\n  -H \"Authorization: Bearer $API_TOKEN\" \\\n  -H \"Content-Type: application/json\" \\\n"
            "  -d '{\"email\": \"<<e>>\", \"role\": \"viewer\"}'", u=G(f"https://api.example.com/v{r.randint(1, 3)}/users", "URL"),
            e=G("alice@example.org", "EMAIL_ADDRESS"))
    elif k == 1:
        b.f("Is this README snippet correct?\n\n```python\nclient = Client(base_url=\"<<u>>\", api_key=os.environ[\"ACME_KEY\"])\n"
            "client.contacts.create(email=\"<<e>>\", phone=\"<<p>>\")\n```", u=G("https://sandbox.example.net/api", "URL"),
            e=G("bob@example.com", "EMAIL_ADDRESS"), p=G(f"+1-202-555-01{r.randint(0, 99):02d}", "PHONE_NUMBER"))
    else:
        b.f("Our Postman collection uses <<u>> with the header X-Api-Key: {{apiKey}}. Why do I get 401?",
            u=G(f"https://staging.example.com/v2/orders?limit=50&page={r.randint(1, 9)}", "URL"))
    return b, "en", "example.com URLs / e-mails labelled by form; $API_TOKEN, os.environ[...] and {{apiKey}} are references, not secrets"


def x_test_data(r, v):
    b = B()
    k = v.i % (2 + 1)
    if k == 0:
        b.f("Generate 5 more fake customers in the same shape as this one:\n{\"name\": \"Test User\", \"email\": \"<<e>>\", \"phone\": \"<<p>>\", "
            "\"card\": \"<<c>>\"}", e=G("test.user@example.net", "EMAIL_ADDRESS"), p=G(f"+1 312-555-01{r.randint(0, 99):02d}", "PHONE_NUMBER"),
            c=G(r.choice(["4111 1111 1111 1111", "4242 4242 4242 4242", "5555 5555 5555 4444"]), "CREDIT_CARD"))
    elif k == 1:
        b.f("Stripe docs list <<c>> as a test card. Why does our Luhn validator accept it but the live gateway decline it?",
            c=G(r.choice(["4242424242424242", "4000056655665556", "378282246310005"]), "CREDIT_CARD"))
    else:
        b.f("Is <<i>> a real account? It appears in every IBAN tutorial.", i=G(r.choice(["DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32",
                                                                                     "NL91ABNA0417164300"]), "IBAN_CODE"))
    return b, "en", "well-known test PANs and documented example IBANs pass the checksum, so they are labelled by form (TAXONOMY: a PAN that passes Luhn)"


def n_ops_report_long(r, v):
    b = B()
    q = r.choice([1, 2, 3])
    y = 2025
    q_start = dt.date(y, 3 * q - 2, 1)
    q_end = (dt.date(y, 3 * q, 28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    b.f("Condense this quarterly operations report into a one-page executive summary with a table of the KPIs. No personal data is "
        "involved.\n\nOPERATIONS REPORT Q<<q>> <<y>> (<<qs>> – <<qe>>)\nPrepared by the platform team, generated <<gen>>.\n\n"
        "1. Availability\nCore API availability was 99.962% against an SLO of 99.95%. The longest incident (INC-<<inc>>) lasted 41 minutes on "
        "<<incd>>, starting <<inct>> UTC. Error budget remaining: 23.4%.\n\n2. Traffic\nRequests served: <<req>> (+12.8% QoQ). Peak throughput "
        "<<peak>> req/s on <<peakd>>, the day of the spring sale. p95 latency 212 ms, p99 688 ms. CDN cache hit ratio 91.3%.\n\n"
        "3. Releases\nWe shipped <<nrel>> releases, from <<v0>> to <<v1>>. The v1 API sunset moved to <<sunset>>. Kubernetes clusters were "
        "upgraded to <<k8s>>; node images are built from commit <<sha>>.\n\n4. Cost\nCloud spend €<<cost>> (budget €<<budget>>), of which storage "
        "€<<stor>>. Reserved-instance renewal is due on <<ri>>. The new energy surcharge applies from <<surch>>.\n\n5. Security\nWe patched "
        "<<cve1>> and <<cve2>>; the annual penetration test runs from <<pt1>> to <<pt2>>. Certificate rotation happens every 90 days, next "
        "window <<cert>> at <<certt>> UTC.\n\n6. Capacity\nStorage grew from 1.8 PB to 2.1 PB; the object store in eu-central-1 reached 71% of its quota. "
        "We added 24 nodes (m7i.2xlarge) and retired 16 older ones. Forecast: another 0.4 PB by the end of the next quarter, assuming the "
        "retention policy (400 days for logs, 7 years for invoices) stays unchanged.\n\n7. Vendors\nThe CDN contract renews on <<cdn>>; the "
        "observability vendor raised list prices by 6% from <<obs>>. Support ticket volume with vendors: 37 (median time to first response "
        "3 h 10 min).\n\n8. Calendar\nChange freeze: <<fz1>> to <<fz2>>. Office closed on <<hol>>. Next report due <<due>>.",
        cdn=Nd(r, "en_GB", rdate(r, 2026, 2026), "long"), obs=Nd(r, "en_GB", dt.date(2026, 2, 1), "long"),
        q=str(q), y=str(y), qs=Nd(r, "en_GB", q_start, "long"), qe=Nd(r, "en_GB", q_end, "long"),
        gen=N(f"{(q_end + dt.timedelta(days=3)).isoformat()}T06:00:00Z", "timestamp_system"), inc=str(r.randint(1000, 9999)),
        incd=Nd(r, "en_GB", q_start + dt.timedelta(days=r.randint(5, 80)), "long"), inct=Nt(f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}"),
        req=Nn(f"{r.randint(1, 9)},{r.randint(100, 999)},{r.randint(100, 999)},{r.randint(100, 999)}"), peak=f"{r.randint(10, 99)},{r.randint(100, 999)}",
        peakd=Nd(r, "en_GB", q_start + dt.timedelta(days=r.randint(5, 80)), "wd"), nrel=str(r.randint(20, 90)),
        v0=N(f"v{r.randint(4, 6)}.{r.randint(0, 9)}.0", "version"), v1=N(f"v{r.randint(7, 9)}.{r.randint(0, 9)}.{r.randint(1, 9)}", "version"),
        sunset=Nd(r, "en_GB", dt.date(2026, r.randint(1, 12), 1), "long"), k8s=N(f"1.{r.randint(29, 33)}.{r.randint(1, 9)}", "version"),
        sha=v.hexs(40), cost=Nn(f"{r.randint(1, 9)},{r.randint(100, 999)},{r.randint(100, 999)}"),
        budget=Nn(f"{r.randint(1, 9)},{r.randint(100, 999)},{r.randint(100, 999)}"), stor=f"{r.randint(100, 999)},{r.randint(100, 999)}",
        ri=Nd(r, "en_GB", rdate(r, 2025, 2026), "long"), surch=Nd(r, "en_GB", dt.date(2026, 1, 1), "long"),
        cve1=N(f"CVE-{y}-{r.randint(10000, 59999)}", "cve"), cve2=N(f"CVE-{y}-{r.randint(10000, 59999)}", "cve"),
        pt1=Nd(r, "en_GB", rdate(r, 2025, 2026), "noyear"), pt2=Nd(r, "en_GB", rdate(r, 2026, 2026), "long"),
        cert=Nd(r, "en_GB", rdate(r, 2025, 2026), "wd"), certt=Nt("02:00"), fz1=Nd(r, "en_GB", dt.date(2025, 12, 15), "noyear"),
        fz2=Nd(r, "en_GB", dt.date(2026, 1, 5), "long"), hol=Nd(r, "en_GB", dt.date(2025, 12, 26), "long"),
        due=Nd(r, "en_GB", q_end + dt.timedelta(days=95), "long"))
    return b, "en_GB", "PII-free long document: report period, incident, release, cost and calendar dates are not about a person"


# =========================================================================== registry
REGISTRY = [
    # (category, template id, function, count)
    ("dates_personal_public", "appt_reminder_en", e_appt_reminder, 2),
    ("dates_personal_public", "flight_itinerary_en", e_flight_itinerary, 2),
    ("dates_personal_public", "offer_letter_en", e_offer_letter, 2),
    ("dates_personal_public", "clinic_note_en", e_clinic_note, 2),
    ("dates_personal_public", "legal_letter_en", e_legal_letter, 2),
    ("dates_personal_public", "school_notice_en", e_school_notice, 2),
    ("dates_personal_public", "cs_reply_en", e_cs_reply, 1),
    ("dates_personal_public", "support_thread_long_en", e_support_thread_long, 2),
    ("dates_personal_public", "relocation_case_long_en", e_relocation_long, 2),
    ("dates_personal_public", "bank_statement_en", e_bank_statement, 2),
    ("dates_personal_public", "insurance_letter_en", e_insurance_letter, 1),
    ("dates_personal_public", "chat_trip_en", e_chat_trip, 1),
    ("dates_personal_public", "party_plan_en", e_party, 1),
    ("dates_personal_public", "schengen_days_en", e_visa_days, 1),
    ("dates_personal_public", "deadline_mix_en", e_deadline_mix, 1),
    ("dates_personal_public", "calendar_ics_en", e_calendar_ics, 1),
    ("dates_personal_public", "sick_leave_en", e_sick_leave, 1),
    ("dates_personal_public", "release_notes_en", e_release_notes, 1),
    ("dates_personal_public", "history_quiz_en", e_history_quiz, 1),
    ("dates_personal_public", "postmortem_en", e_postmortem, 2),
    ("dates_personal_public", "statutory_deadlines_en", e_statutory, 1),
]
for _lang in LANGS:
    REGISTRY += [
        ("dates_personal_public", f"appt_reminder_{_lang}", _appt(_lang), 1),
        ("dates_personal_public", f"travel_booking_{_lang}", _travel(_lang), 1),
        ("dates_personal_public", f"hr_letter_{_lang}", _hr(_lang), 1),
        ("dates_personal_public", f"medical_note_{_lang}", _med(_lang), 1),
        ("dates_personal_public", f"school_notice_{_lang}", _school(_lang), 1),
        ("dates_personal_public", f"cs_reply_{_lang}", _cs(_lang), 1),
        ("dates_personal_public", f"public_notice_{_lang}", _pub1(_lang), 1),
        ("dates_personal_public", f"history_timeline_{_lang}", _pub2(_lang), 1),
    ]
REGISTRY += [
    ("identifiers", "q_iban_valid", i_iban_valid, 4),
    ("identifiers", "q_phone_format", i_phone_format, 3),
    ("identifiers", "q_card_declined", i_card_declined, 4),
    ("identifiers", "translate_request", i_translate, 4),
    ("identifiers", "email_summary", i_email_summary, 4),
    ("identifiers", "fixed_width_export", i_fixed_width, 3),
    ("identifiers", "key_value_form", i_kv_block, 4),
    ("identifiers", "pipe_rows_no_header", i_pipe_noheader, 3),
    ("identifiers", "semicolon_csv", i_semicolon_csv, 3),
    ("identifiers", "sql_insert", i_sql_insert, 3),
    ("identifiers", "sql_update", i_sql_update, 3),
    ("identifiers", "json_fixture", i_json_fixture, 4),
    ("identifiers", "yaml_fixture", i_yaml_fixture, 3),
    ("identifiers", "pytest_file", i_py_test, 3),
    ("identifiers", "js_config_literal", i_js_literal, 3),
    ("identifiers", "url_query_string", i_url_query, 4),
    ("identifiers", "q_ssn", i_q_ssn, 3),
    ("identifiers", "q_nhs", i_q_nhs, 3),
    ("identifiers", "q_crypto", i_q_crypto, 5),
    ("identifiers", "q_network", i_q_net, 3),
    ("identifiers", "q_leaked_secret", i_q_secret, 4),
    ("identifiers", "q_passport_dl", i_q_passport_dl, 3),
    ("identifiers", "q_health_plan", i_q_health, 4),
    ("identifiers", "discharge_notes", i_clinical_summary, 3),
    ("identifiers", "regex_request", i_regex, 2),
    ("identifiers", "excel_mask_formula", i_excel, 1),
    ("identifiers", "tsv_payroll", i_tsv, 2),
    ("identifiers", "http_form_post", i_form_post, 2),
    ("identifiers", "direct_deposit_form", i_wire_us, 3),
    ("identifiers", "dotenv_file", i_env, 2),
    ("phones", "email_signature", p_signature, 5),
    ("phones", "contact_list_no_context", p_contacts_noctx, 4),
    ("phones", "chat_sms", p_whatsapp, 3),
    ("phones", "order_lookalikes", p_order_lookalike, 4),
    ("phones", "webhook_epoch_ms", p_ms_timestamp, 3),
    ("phones", "balance_notice", p_balance, 3),
    ("phones", "office_table", p_office_table, 3),
    ("phones", "call_notes_extension", p_call_ext, 3),
    ("phones", "intl_dialing", p_intl_dialing, 3),
    ("phones", "number_lookalikes_only", p_negatives_only, 6),
    ("phones", "delivery_notice", p_shipping, 3),
    ("phones", "cjk_business_card", p_asia, 3),
    ("phones", "hotel_confirmation", p_hotel, 3),
    ("phones", "which_are_phones", p_which_phone_pos, 2),
    ("phones", "which_are_phones_none", p_which_phone_neg, 2),
    ("hard_negatives", "changelog", n_changelog, 3),
    ("hard_negatives", "k8s_manifest", n_k8s, 3),
    ("hard_negatives", "finance_report", n_finance_report, 3),
    ("hard_negatives", "masked_values", n_masked, 4),
    ("hard_negatives", "checksum_invalid", n_checksum, 5),
    ("hard_negatives", "placeholders", n_placeholders, 4),
    ("hard_negatives", "git_log", n_git_log, 2),
    ("hard_negatives", "hashes_uuids", n_hashes, 2),
    ("hard_negatives", "clinical_anonymous", n_clinical_anon, 3),
    ("hard_negatives", "network_config", n_network_neg, 3),
    ("hard_negatives", "b2b_invoice", n_invoice, 3),
    ("hard_negatives", "public_schedule", n_schedule, 3),
    ("hard_negatives", "routing_bic", n_routing_bic, 1),
    ("hard_negatives", "big_numbers", n_math, 1),
    ("hard_negatives", "ops_report_long", n_ops_report_long, 2),
    ("hard_negatives", "sql_ddl", n_sql_ddl, 3),
    ("example_values", "api_docs_examples", x_docs_examples, 5),
    ("example_values", "format_specs", x_form_spec, 4),
    ("example_values", "tutorial_snippets", x_tutorial, 3),
    ("example_values", "test_data", x_test_data, 3),
]


# =========================================================================== self-checks
MONTH_WORDS = sorted({m for L in MONTHS.values() for m in L} | {m[:3] for m in MONTHS["en"]} | {"Sept"}, key=len, reverse=True)
_MW = "|".join(re.escape(m) for m in MONTH_WORDS)
DATE_SCAN = [
    re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?"),
    re.compile(r"(?<![\w.])\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d)"),
    re.compile(r"(?<![\w.])\d{1,2}\.(?:0?[1-9]|1[0-2])\.(?!\d)"),
    re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)"),
    re.compile(r"(?<![\d.])\d{1,2}(?:[.:]\d{2})?\s?(?:a\.m\.|p\.m\.|[ap]m|Uhr|uur)(?![A-Za-z])", re.I),
    re.compile(r"(?<!\w)\d{1,2}h\d{0,2}(?!\w)"),
    re.compile(r"\d+年\d+月|\d+月\d+日|\d+時"),
    re.compile(r"\d{8}T\d{4,6}Z?"),
    re.compile(rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?(?:{_MW})(?![a-zà-ÿ])", re.I),
    re.compile(rf"(?<![A-Za-z])(?:{_MW})\.?\s+\d{{1,2}}(?!\d)"),
]
LONG_NUM = re.compile(r"(?<![\w.,%])\+?\d(?:[ \-./()]?\d){6,}(?!\w)")
IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{1,4})*(?![\w:])")
KEYISH = re.compile(r"AKIA[A-Z2-7]{16}|ghp_[A-Za-z0-9]{20,}|github_pat_\w+|sk-(?:proj-)?[A-Za-z0-9]{20,}|xox[bpa]-[\w-]+|[sr]k_live_[A-Za-z0-9]{10,}|AIza[\w-]{20,}|eyJ[\w-]+\.eyJ|hf_[A-Za-z0-9]{20,}|glpat-[\w-]{10,}|BEGIN [A-Z ]*PRIVATE KEY-----\n[A-Za-z0-9+/]")
CARDISH = re.compile(r"(?<![\w])\d(?:[ \-]?\d){12,18}(?![\w])")
IBANISH = re.compile(r"(?<![A-Z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}")


def covered(cov, s, e, text=None):
    return all(cov[i] or (text is not None and text[i].isspace()) for i in range(s, e))


def check_row(row, negs):
    text = row["text"]
    spans = row["spans"]
    L = len(text)
    cov = bytearray(L)
    prev_end = -1
    for sp in spans:
        s, e, lab = sp["start"], sp["end"], sp["label"]
        assert 0 <= s < e <= L, (row["id"], sp)
        assert s >= prev_end, f"{row['id']}: overlapping spans {sp}"
        prev_end = e
        surf = text[s:e]
        assert surf == sp["_v"], (row["id"], surf, sp["_v"])
        assert not surf[0].isspace() and not surf[-1].isspace(), (row["id"], surf)
        assert surf[-1] not in ",;:!?)'\"" or lab == "SECRET", (row["id"], surf)
        if surf[-1] == "." and lab != "SECRET":
            assert lab == "DATE_TIME" and re.search(r"(?:\d|[ap]\.m)\.$", surf), (row["id"], surf)
        assert lab in SCOPE
        assert VALIDATORS[lab](surf), f"{row['id']}: invalid {lab}: {surf!r}"
        for i in range(s, e):
            cov[i] = 1
    for s, e, kind, val in negs:
        assert text[s:e] == val
        dig = re.sub(r"\D", "", val)
        if kind == "card_invalid":
            assert not luhn_ok(dig), val
        elif kind == "iban_invalid":
            assert iban_mod97(val.replace(" ", "")) != 1, val
        elif kind == "nhs_invalid":
            assert not nhs_valid(val), val
        elif kind == "ssn_invalid":
            assert not ssn_valid(val), val
        elif kind == "crypto_invalid":
            assert not crypto_valid(val), val
        elif kind == "masked":
            assert re.search(r"[*•X]", val), val
        elif kind == "aba":
            assert aba_valid(val), val
        elif kind == "bic":
            assert re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?", val), val
        if kind not in ("masked",):
            for m in CARDISH.finditer(val):
                dd = re.sub(r"\D", "", m.group())
                assert not (luhn_ok(dd) and card_brand(dd)), f"{row['id']}: negative {val!r} is a valid card"
            if len(dig) == 10 and re.fullmatch(r"[\d \-]+", val):
                assert not nhs_valid(dig), f"{row['id']}: negative {val!r} is a valid NHS number"
        for i in range(s, e):
            cov[i] = 2 if not cov[i] else cov[i]
    # stray scan of everything not covered by a gold span or a registered negative
    problems = []
    for rx, what in [(EMAIL_RE, "email"), (URL_RE, "url"), (KEYISH, "key"), (MAC_RE, "mac")]:
        for m in rx.finditer(text):
            if not covered(cov, m.start(), m.end(), text):
                problems.append((what, m.group()))
    for m in IPV4.finditer(text):
        if ip_host(m.group()) and not covered(cov, m.start(), m.end(), text):
            problems.append(("ipv4", m.group()))
    for m in IPV6.finditer(text):
        g = m.group()
        if g.count(":") >= 2 and ip_host(g) and not covered(cov, m.start(), m.end(), text):
            problems.append(("ipv6", g))
    for m in CARDISH.finditer(text):
        dd = re.sub(r"\D", "", m.group())
        if luhn_ok(dd) and card_brand(dd) and not any(cov[i] == 1 for i in range(m.start(), m.end())):
            problems.append(("card", m.group()))
    for m in IBANISH.finditer(text):
        cand = m.group().replace(" ", "")
        for n in range(15, len(cand) + 1):
            if cand[:2] in IBAN_LEN and n == IBAN_LEN[cand[:2]] and iban_mod97(cand[:n]) == 1:
                if not any(cov[i] == 1 for i in range(m.start(), m.end())):
                    problems.append(("iban", m.group()))
    for m in re.finditer(r"(?<!\d)(\d{3}[ -]?\d{3}[ -]?\d{4})(?!\d)", text):
        if nhs_valid(m.group(1)) and not covered(cov, m.start(), m.end(), text):
            problems.append(("nhs", m.group()))
    for m in re.finditer(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])", text):
        if ssn_valid(m.group()) and not covered(cov, m.start(), m.end(), text):
            problems.append(("ssn", m.group()))
    for m in LONG_NUM.finditer(text):
        if not covered(cov, m.start(), m.end(), text):
            problems.append(("long number", m.group()))
    for rx in DATE_SCAN:
        for m in rx.finditer(text):
            if not covered(cov, m.start(), m.end(), text):
                problems.append(("date/time", m.group()))
    assert not problems, f"{row['id']} ({row['meta']['template']}): unregistered look-alikes {problems}\n{text}"


# =========================================================================== main
DOC_FIELDS = ("id", "text", "spans", "label_scope", "meta")


def build():
    rows = []
    for cat, tid, fn, count in REGISTRY:
        for i in range(count):
            r = random.Random(f"{SEED}:{tid}:{i}")
            v = V(r)
            v.i = i
            b, locale, note = fn(r, v)
            text = b.text()
            spans = [{"start": s, "end": e, "label": lab, "_v": val} for s, e, lab, val in sorted(b.spans)]
            meta = {"category": cat, "template": tid, "locale": locale, "pii_free": not spans}
            if note:
                meta["note"] = note
            rows.append(({"id": None, "text": text, "spans": spans, "label_scope": list(SCOPE), "meta": meta}, b.negs))
    assert len(rows) == N_ROWS, len(rows)
    random.Random(SEED).shuffle(rows)
    out = []
    for n, (row, negs) in enumerate(rows, 1):
        row["id"] = f"ch9-{n:04d}"
        check_row(row, negs)
        for sp in row["spans"]:
            del sp["_v"]
        out.append({k: row[k] for k in DOC_FIELDS})
    return out


def main():
    rows = build()
    templates = {r["meta"]["template"] for r in rows}
    free = sum(r["meta"]["pii_free"] for r in rows)
    assert len(templates) >= 60, len(templates)
    assert 0.22 <= free / len(rows) <= 0.30, free
    assert len({r["text"] for r in rows}) == len(rows), "duplicate texts"
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    lc = Counter(s["label"] for r in rows for s in r["spans"])
    cats = Counter(r["meta"]["category"] for r in rows)
    locs = Counter(r["meta"]["locale"] for r in rows)
    lens = sorted(len(r["text"].encode("utf-8")) for r in rows)
    print(f"wrote {len(rows)} rows to {OUT}: {sum(lc.values())} spans, {free} PII-free rows ({free / len(rows):.1%}), "
          f"{len(templates)} templates, text length {lens[0]}..{lens[-1]} bytes (median {lens[len(lens) // 2]})")
    print("labels:", dict(sorted(lc.items())))
    print("categories:", dict(cats))
    print("locales:", dict(sorted(locs.items())))


if __name__ == "__main__":
    main()
