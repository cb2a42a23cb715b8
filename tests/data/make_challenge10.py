#!/usr/bin/env python3
"""Challenge set 10 for scrim: 300 held-out prompts, gold spans in code points, labelled per TAXONOMY.md.

What it is
    A deterministic (fixed seed), stdlib-only generator that writes challenge10.jsonl next to this file:
    rows {"id", "text", "spans", "label_scope", "meta"}. label_scope lists every TAXONOMY label except
    PERSON, LOCATION, ORGANIZATION and NRP: names, places and organisations do occur in the texts but are
    neither gold nor penalised (the scorer drops out-of-scope predictions). Offsets are Unicode code points,
    end-exclusive, recorded while the text is appended part by part (never found by searching afterwards).

Written blind
    Only shared/eval/TAXONOMY.md, shared/eval/README.md, shared/DESIGN.md, shared/eval/score.py and the first
    two lines of challenge9.jsonl (row format) were read. No scrim source, tests, models or earlier challenge
    generators were looked at, and scrim was not run while writing it; templates, value generators and
    phrasing are new.

Themes
    A. 120 PII-free prompts (40 %, meta.pii_free = true) full of look-alikes: public dates (match reports and
       fixtures, earnings calendars, product launches and end-of-life dates, GDPR/HIPAA/LGPD/KVKK/LFPDPPP
       citations, CFP deadlines, historical facts in several languages, weather, public holidays, rail/bus/KTX
       timetables, opening hours, changelogs, cron + log timestamps, exam and company pay calendars, tax
       deadlines, shopping festivals, earthquake reports, a 1997 chess PGN), numbers (ISBN-10/13 with valid
       check digits, DOI, arXiv, PMID/PMCID, CAS numbers with valid checks, coordinates, prices, SKUs,
       UPC/EAN, 16-digit Luhn-invalid part numbers, UPS/USPS/FedEx/Correios S10 tracking, order, invoice,
       VAT and company numbers, flight/gate/seat/room numbers, lab ranges, dosages, statistics, ZIP codes,
       semver and 4-part versions, OIDs and section numbers shaped like IPv4, hashes, git SHAs, UUIDs, base64,
       data: URIs, tx hashes), placeholders (YOUR_API_KEY, ${TOKEN}, sk-xxxx, <password>), masked values
       (•••• 1234, ***-**-1234, GB** … IBAN), and checksum-invalid look-alikes (Luhn-invalid cards with real
       issuer prefixes, mod-97-invalid IBANs of the right length, NHS numbers with a wrong check digit, SSNs
       in never-issued ranges, base58 addresses with a broken checksum), loopback/unspecified/netmask IPs,
       ABA routing numbers and BICs.
    B. 120 personal prompts in new document types: genealogy notes, rental/real-estate listings, legal intake,
       veterinary notes, gym freezes, airline rebooking/loyalty, crypto-exchange tickets, telecom bills,
       W-2 / 1099-INT / P60, university admissions, e-visa applications, payroll corrections and direct-deposit
       forms, pharmacy refills, dental recall and hospital letters, EOBs, background checks, referrals,
       school enrolment, car rental, hotel booking, transfers, complaints; locales en-US/GB/IE/CA/AU/IN/AE,
       es-MX, es-ES, pt-BR, pt-PT, tr, id, ar, ko, zh, vi, sv, cs, each with national phone formats, date
       formats and IBANs of the correct country length (GB/IE 22, ES/SE/CZ/SA 24, PT 25, TR 26, BR 29, AE 23).
    C. 60 tricky surface forms: Markdown JSON fences, LaTeX tables (incl. \\_ inside an e-mail), CSV with quoted
       fields and embedded commas, HTML bodies (mailto:, &nbsp;, &#64;), URL-encoded form bodies (%40, %2B, %2F),
       key=value logs, JSON with \\u0040 and \\/ escapes, YAML and .env files, Python with hard-coded keys, PEM
       blocks, JWT bearer headers, values at the very start/end of the text, values glued to punctuation, to
       CJK and to Hangul particles, fullwidth and Arabic-Indic digits, lists of same-type values, Markdown
       card tables mixing valid/masked/invalid, SQL inserts, TSV, IPv6 in brackets with ports, obfuscated
       e-mails, personal and public dates in one sentence (including the same day written twice).

Validity (checked by the self-check below)
    Cards: Luhn + issuer prefix/length (Visa, Mastercard 51-55 and 2221-2720, Amex 15, Discover, JCB,
    UnionPay). IBAN: mod-97 and per-country length; ES, PT and CZ also carry valid national check digits.
    NHS mod-11; SSN area/group/serial ranges; Bitcoin Base58Check (P2PKH/P2SH) and bech32/bech32m (P2WPKH,
    P2TR); Ethereum lowercase 0x+40 hex; Medicare MBI character classes; OHIP numbers pass Luhn; Australian
    Medicare numbers pass their weighted check digit. Generated IDs that are not meant to be cards/NHS
    numbers are re-drawn if they happen to pass those checks. Every look-alike is verified to FAIL its check.
    A lint pass rejects any e-mail, URL, host IP, MAC, card, IBAN, valid-range SSN, NHS-valid number, JWT,
    PEM header or API-key prefix that is neither gold nor a recorded look-alike.

Labelling decisions for cases TAXONOMY.md leaves open (also recorded per row in meta.note)
    * Documentation/example values: TAXONOMY exempts placeholders (YOUR_API_KEY, sk-xxxx, ${TOKEN}) and
      masked values only, so structurally real addresses at example.com/example.org and 555-01xx numbers ARE
      labelled (one docs_example_values row); pii_free rows contain no e-mail, phone, URL, host IP or MAC at all.
    * DATE_TIME: a date directly followed by the time of the same event is ONE span, including a short
      joiner ("at", ",", "às", "a las", "pukul", "kl.", "ngày" in "13:15 ngày 20/08/2026") and an attached
      weekday; Korean "2026년 3월 14일 오후 2시 30분" and Chinese "2026年3月14日下午3点" are one span.
      Prepositions before the date ("on", "ngày" as a prefix) and time-zone words after it (WIB, GMT) are
      outside; the Turkish case suffix after the apostrophe ("29 Ocak 2026'da") is outside.
      Labelled: birth, baptism, marriage, death, appointment/visit, admission/discharge, travel, interview,
      hire/start/leaving dates, an individual's transfer/order/withdrawal/deposit dates, passport issue and
      expiry dates of the person's passport, freeze/sign-up dates of the person's own membership/line.
      Not labelled: public events and holidays, laws, fixtures, timetables, opening hours, open-house and
      inspection times, property availability dates, billing/pay periods and tax years, company-wide pay
      calendars and deadlines that apply to everyone, message Date: headers, ticket/log/report/system
      timestamps, years alone, ages, durations, relative dates.
    * PHONE_NUMBER includes an attached extension ("ext. 204", "x4362"); the "tel:" scheme is outside the span;
      business numbers (pharmacy, practice, toll-free lines) are labelled like any other phone number; the
      URL-encoded form (%2B55+21+93355-0660) is the span.
    * EMAIL_ADDRESS: "mailto:" is outside the span; &#64;, \\u0040, %40 and "dot/at", [at]/[dot] forms are one
      span each; quotes and angle brackets are outside.
    * URL: scheme included, surrounding parentheses and sentence punctuation excluded; host+path without a
      scheme (github.com/user/repo) is a URL; a connection URI with credentials is one SECRET span (no inner
      IP/URL span).
    * SECRET: surrounding quotes and the "Bearer " prefix are outside; PEM spans run from -----BEGIN to the
      closing -----; a temporary password value given in a ticket is a SECRET; os.environ[...] references,
      ${VAR}, secretKeyRef and image digests are not.
    * IP_ADDRESS: brackets and ":port" are outside; private addresses are labelled; loopback, 0.0.0.0 and
      255.255.255.0 are not; version/OID/section numbers shaped like valid IPv4 (2.5.4.3, firmware 1.13.3.95)
      are not.
    * HEALTH_PLAN_ID: member/subscriber IDs, Medicare MBI, Medicaid IDs, Ontario OHIP and Australian Medicare
      card numbers, a Brazilian health-plan card (carteirinha) and a Mexican medical-expenses policy number;
      group numbers, BIN/PCN, claim numbers and the Australian Medicare IRN are not.
    * MEDICAL_RECORD_NUMBER: hospital/clinic/dental-practice patient, chart, hospital and prontuário/expediente
      numbers, and an EOB's provider patient-account/MRN; veterinary patient numbers and microchips identify
      an animal and are not labelled; pharmacy Rx numbers are order-like and not labelled.
    * US_BANK_NUMBER only for US account numbers in an account context (checking/savings/1099 account);
      routing numbers, employee/customer/membership/loyalty/order numbers are not labelled.
    * US_PASSPORT only for US passports in a passport context (US citizens' visa applications, travel
      profiles, background checks). Non-US passports, non-US national IDs (CPF, NI number, SIN, Aadhaar,
      personnummer, RRN, …) and non-IBAN foreign bank accounts (CLABE, BSB) are out of the taxonomy and were
      left out of the texts altogether, so no row rewards or penalises them.
    * A random Pix key (a UUID) and a tx hash next to a wallet address are not labelled.

Usage: python3 make_challenge10.py   (writes challenge10.jsonl next to this file, runs the self-check, prints counts)
"""

import base64
import datetime as dt
import hashlib
import ipaddress
import json
import os
import random
import re
import string
import sys
import unicodedata
from collections import Counter

SEED = 2026031010
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "challenge10.jsonl")

LABEL_SCOPE = ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "US_PASSPORT",
               "US_DRIVER_LICENSE", "US_BANK_NUMBER", "IP_ADDRESS", "MAC_ADDRESS", "URL", "DATE_TIME",
               "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "CRYPTO", "UK_NHS", "SECRET"]


# =============================================================================== validators
def ascii_digits(s):
    """All decimal digits of s (any script, incl. fullwidth / Arabic-Indic) as ASCII."""
    out = []
    for ch in s:
        if ch.isdigit():
            try:
                out.append(str(unicodedata.digit(ch)))
            except (TypeError, ValueError):
                pass
    return "".join(out)


def luhn_ok(d):
    if not d.isdigit() or not d:
        return False
    total = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def luhn_check_digit(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return c
    raise AssertionError


def card_issuer_ok(d):
    L = len(d)
    if d[0] == "4":
        return L in (13, 16, 19)
    p2, p3, p4 = int(d[:2]), int(d[:3]), int(d[:4])
    if 51 <= p2 <= 55:
        return L == 16
    if 2221 <= p4 <= 2720:
        return L == 16
    if p2 in (34, 37):
        return L == 15
    if d.startswith("6011") or d.startswith("65") or 644 <= p3 <= 649:
        return L in (16, 19)
    if 3528 <= p4 <= 3589:
        return L in (16, 19)
    if d.startswith("62"):
        return 16 <= L <= 19
    if 300 <= p3 <= 305 or p2 in (36, 38, 39):
        return L == 14
    return False


def is_card(s):
    if re.search(r"[^\d \-]", s):
        return False
    d = re.sub(r"[ \-]", "", s)
    return 13 <= len(d) <= 19 and luhn_ok(d) and card_issuer_ok(d)


IBAN_LEN = {"GB": 22, "IE": 22, "ES": 24, "PT": 25, "BR": 29, "TR": 26, "SE": 24, "CZ": 24, "DE": 22,
            "FR": 27, "NL": 18, "SA": 24, "AE": 23, "IT": 27, "BE": 16, "CH": 21, "AT": 20, "PL": 28}


def iban_num(s):
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(s):
    c = s.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", c):
        return False
    if IBAN_LEN.get(c[:2]) != len(c):
        return False
    return iban_num(c[4:] + c[:4]) % 97 == 1


def iban_shape(s):
    c = s.replace(" ", "")
    return bool(re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", c)) and IBAN_LEN.get(c[:2]) == len(c)


def nhs_ok(s):
    d = re.sub(r"[ \-]", "", s)
    if not re.fullmatch(r"\d{10}", d):
        return False
    total = sum(int(d[i]) * (10 - i) for i in range(9))
    c = 11 - total % 11
    if c == 11:
        c = 0
    if c == 10:
        return False
    return c == int(d[9])


def ssn_ok(s):
    if not re.fullmatch(r"\d{3}[- ]?\d{2}[- ]?\d{4}", s):
        return False
    d = re.sub(r"[- ]", "", s)
    a, g, n = d[:3], d[3:5], d[5:]
    if a in ("000", "666") or a[0] == "9" or g == "00" or n == "0000":
        return False
    return True


def ssn_shape(s):
    return bool(re.fullmatch(r"\d{3}[- ]?\d{2}[- ]?\d{4}", s))


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(b):
    n = int.from_bytes(b, "big")
    s = ""
    while n:
        n, r = divmod(n, 58)
        s = B58[r] + s
    pad = len(b) - len(b.lstrip(b"\0"))
    return "1" * pad + s


def b58decode(s):
    n = 0
    for ch in s:
        n = n * 58 + B58.index(ch)
    pad = len(s) - len(s.lstrip("1"))
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * pad + body


def dsha(b):
    return hashlib.sha256(hashlib.sha256(b).digest()).digest()


def b58check_encode(version, payload):
    data = bytes([version]) + payload
    return b58encode(data + dsha(data)[:4])


def b58check_ok(s):
    if not re.fullmatch(f"[{B58}]{{25,35}}", s):
        return False
    raw = b58decode(s)
    if len(raw) != 25 or raw[0] not in (0, 5):
        return False
    return dsha(raw[:-4])[:4] == raw[-4:]


BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = ((chk & 0x1FFFFFF) << 5) ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def hrp_expand(h):
    return [ord(x) >> 5 for x in h] + [0] + [ord(x) & 31 for x in h]


def convertbits(data, frm, to):
    acc = bits = 0
    ret = []
    maxv = (1 << to) - 1
    for v in data:
        acc = (acc << frm) | v
        bits += frm
        while bits >= to:
            bits -= to
            ret.append((acc >> bits) & maxv)
    if bits:
        ret.append((acc << (to - bits)) & maxv)
    return ret


def segwit_encode(version, program, hrp="bc"):
    const = 1 if version == 0 else 0x2BC830A3
    data = [version] + convertbits(program, 8, 5)
    pm = bech32_polymod(hrp_expand(hrp) + data + [0] * 6) ^ const
    chk = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH[d] for d in data + chk)


def segwit_ok(s):
    if not re.fullmatch(r"bc1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{39,59}", s):
        return False
    data = [BECH.index(c) for c in s[3:]]
    const = 1 if data[0] == 0 else 0x2BC830A3
    return bech32_polymod(hrp_expand("bc") + data) == const


def crypto_ok(s):
    if re.fullmatch(r"0x[0-9a-f]{40}", s):
        return True
    if s.startswith("bc1"):
        return segwit_ok(s)
    return b58check_ok(s)


def mbi_ok(s):
    c = s.replace("-", "")
    letters = "ACDEFGHJKMNPQRTUVWXY"
    pat = [("19",), (letters,), (letters + "0123456789",), ("0123456789",), (letters,),
           (letters + "0123456789",), ("0123456789",), (letters,), (letters,), ("0123456789",), ("0123456789",)]
    if len(c) != 11:
        return False
    for ch, (allowed,) in zip(c, pat):
        if allowed == "19":
            if ch not in "123456789":
                return False
        elif ch not in allowed:
            return False
    return True


def au_medicare_ok(s):
    d = re.sub(r"\s", "", s)
    if not re.fullmatch(r"[2-6]\d{9}", d):
        return False
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    return sum(int(d[i]) * w[i] for i in range(8)) % 10 == int(d[8])


def ohip_ok(s):
    m = re.fullmatch(r"(\d{4})[- ]?(\d{3})[- ]?(\d{3})(?:[- ]?[A-Z]{2})?", s)
    return bool(m) and luhn_ok("".join(m.groups()))


def ip_host_ok(s):
    try:
        ip = ipaddress.ip_address(s)
    except ValueError:
        return False
    if ip.is_loopback or ip.is_unspecified:
        return False
    if str(ip) in ("255.255.255.0", "255.255.0.0", "255.0.0.0", "255.255.255.255"):
        return False
    return True


def ip_special(s):
    try:
        ip = ipaddress.ip_address(s)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified or s.startswith("255.")


MAC_RE = re.compile(r"(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4})")


def mac_ok(s):
    return bool(MAC_RE.fullmatch(s))


def phone_ok(s):
    core = re.split(r"\s*(?:ext\.?|x|内线|分機|내선)\s*\d+$", s)[0]
    n = len(ascii_digits(core))
    return 7 <= n <= 15 and not re.search(r"[A-Za-z]", core.replace("%2B", "+"))


EMAIL_PLAIN = re.compile(r"[A-Za-z0-9._%+\-\\]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")


def email_ok(s):
    if EMAIL_PLAIN.fullmatch(s):
        return True
    if re.search(r"(%40|&#64;|&#x40;|\\u0040|\[at\]|\(at\)| at )", s):
        return True
    return False


def url_ok(s):
    return bool(re.match(r"(https?:(//|\\/\\/)|ftp://|www\.)", s)) or bool(re.match(r"[a-z0-9\-]+(\.[a-z0-9\-]+)+/", s))


def date_ok(s):
    return bool(ascii_digits(s)) or any(c in s for c in "一二三四五六七八九十")


def passport_ok(s):
    return bool(re.fullmatch(r"\d{9}|[A-Z]\d{8}", s))


DL_FORMS = {
    "CA": r"[A-Z]\d{7}", "NY": r"\d{3} \d{3} \d{3}|\d{9}", "TX": r"\d{8}", "FL": r"[A-Z]\d{3}-\d{3}-\d{2}-\d{3}-\d",
    "IL": r"[A-Z]\d{3}-\d{4}-\d{4}", "WA": r"WDL[A-Z0-9]{9}", "NJ": r"[A-Z]\d{4} \d{5} \d{5}", "PA": r"\d{2} \d{3} \d{3}",
}


def dl_ok(s):
    return any(re.fullmatch(p, s) for p in DL_FORMS.values())


def bank_ok(s):
    return bool(re.fullmatch(r"\d{8,17}", s)) and not is_card(s)


def secret_ok(s):
    return len(s) >= 6 and not re.fullmatch(r"(YOUR_[A-Z_]+|\$\{[A-Z_]+\}|<[^>]+>|sk-x+|x+)", s)


def generic_id_ok(s):
    return len(s) >= 5 and bool(re.search(r"\d", s))


VALIDATORS = {
    "EMAIL_ADDRESS": email_ok, "PHONE_NUMBER": phone_ok, "CREDIT_CARD": is_card, "IBAN_CODE": iban_ok,
    "US_SSN": ssn_ok, "US_PASSPORT": passport_ok, "US_DRIVER_LICENSE": dl_ok, "US_BANK_NUMBER": bank_ok,
    "IP_ADDRESS": ip_host_ok, "MAC_ADDRESS": mac_ok, "URL": url_ok, "DATE_TIME": date_ok,
    "MEDICAL_RECORD_NUMBER": generic_id_ok, "HEALTH_PLAN_ID": generic_id_ok, "CRYPTO": crypto_ok,
    "UK_NHS": nhs_ok, "SECRET": secret_ok,
}
# stricter validators selected per value (third tuple element)
KIND_VALIDATORS = {"mbi": mbi_ok, "au_medicare": au_medicare_ok, "ohip": ohip_ok,
                   "fullwidth_phone": lambda s: phone_ok(unicodedata.normalize("NFKC", s)),
                   "jwt": lambda s: bool(re.fullmatch(r"eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+", s)),
                   "pem": lambda s: s.startswith("-----BEGIN ") and s.rstrip().endswith("-----") and "-----END " in s}

# look-alikes: each must FAIL the corresponding check
NEG_CHECKS = {
    "luhn": lambda s: not is_card(s) and len(re.sub(r"\D", "", s)) >= 13,
    "iban": lambda s: iban_shape(s) and not iban_ok(s),
    "nhs": lambda s: bool(re.fullmatch(r"\d{3}[ -]?\d{3}[ -]?\d{4}", s)) and not nhs_ok(s),
    "ssn": lambda s: ssn_shape(s) and not ssn_ok(s),
    "btc": lambda s: not crypto_ok(s) and len(s) >= 26,
    "masked": lambda s: bool(re.search(r"[*•xX#]{2,}|…", s)) and not is_card(s) and not ssn_ok(s) and not iban_ok(s),
    "ip_special": ip_special,
    "version": lambda s: True,      # IPv4-shaped version / OID / section numbers (recorded so the lint allows them)
    "placeholder": lambda s: not secret_ok(s) or bool(re.search(r"(YOUR_|\$\{|<|xxxx|XXXX|EXAMPLE|\.\.\.)", s)),
    "hash": lambda s: bool(re.fullmatch(r"(0x)?[0-9a-f]{7,128}", s)),
    "uuid": lambda s: bool(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", s)),
    "mbi": lambda s: not mbi_ok(s),
    "other": lambda s: True,
}


# =============================================================================== document builder
class Doc:
    """Text built part by part; span offsets are recorded as the parts are appended (code points)."""

    def __init__(self, category, template, locale, pii_free, note=None):
        self.category, self.template, self.locale = category, template, locale
        self.expect_free, self.note = pii_free, note
        self.parts, self.n = [], 0
        self.spans, self.negs = [], []

    def add(self, *items):
        for it in items:
            if isinstance(it, str):
                self.parts.append(it)
                self.n += len(it)
                continue
            lab, val = it[0], it[1]
            kind = it[2] if len(it) > 2 else None
            s = self.n
            self.parts.append(val)
            self.n += len(val)
            if lab.startswith("-"):
                self.negs.append((s, self.n, lab[1:], val))
            else:
                self.spans.append((s, self.n, lab, val, kind))
        return self

    @property
    def text(self):
        return "".join(self.parts)


# =============================================================================== value generators
def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def nz_digits(rng, n):
    return str(rng.randint(1, 9)) + digits(rng, n - 1)


def alnum(rng, n, alphabet=string.ascii_letters + string.digits):
    return "".join(rng.choice(alphabet) for _ in range(n))


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4(rng):
    h = hexs(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def safe_number(rng, n, first_nonzero=True):
    """A random digit string that is not a valid card, NHS number or (for 9 digits) an SSN by accident."""
    while True:
        s = nz_digits(rng, n) if first_nonzero else digits(rng, n)
        if is_card(s) or (n == 10 and nhs_ok(s)):
            continue
        return s


# ---- cards
def make_card(rng, brand):
    if brand == "visa":
        pre, L = "4" + digits(rng, 5), 16
    elif brand == "mc5":
        pre, L = str(rng.randint(51, 55)) + digits(rng, 4), 16
    elif brand == "mc2":
        pre, L = str(rng.randint(2221, 2720)) + digits(rng, 2), 16
    elif brand == "amex":
        pre, L = rng.choice(["34", "37"]) + digits(rng, 4), 15
    elif brand == "discover":
        pre, L = "6011" + digits(rng, 2), 16
    elif brand == "jcb":
        pre, L = str(rng.randint(3528, 3589)) + digits(rng, 2), 16
    elif brand == "unionpay":
        pre, L = rng.choice(["622848", "621700", "622202", "625807"]), rng.choice([16, 19])
    else:
        raise ValueError(brand)
    body = pre + digits(rng, L - 1 - len(pre))
    num = body + luhn_check_digit(body)
    assert is_card(num), num
    return num


def bad_card(rng, brand):
    num = make_card(rng, brand)
    last = int(num[-1])
    num = num[:-1] + str((last + rng.randint(1, 9)) % 10)
    assert not is_card(num)
    return num


def fmt_card(num, style="space"):
    if len(num) == 15:
        parts = [num[:4], num[4:10], num[10:]]
    elif len(num) == 19:
        parts = [num[i:i + 4] for i in range(0, 16, 4)] + [num[16:]]
    else:
        parts = [num[i:i + 4] for i in range(0, len(num), 4)]
    if style == "compact":
        return num
    return (" " if style == "space" else "-").join(parts)


# ---- IBAN
def iban_from_bban(cc, bban):
    chk = 98 - iban_num(bban + cc + "00") % 97
    iban = f"{cc}{chk:02d}{bban}"
    assert iban_ok(iban), iban
    return iban


def es_dc(ten):
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    c = 11 - sum(int(a) * b for a, b in zip(ten, w)) % 11
    return {11: 0, 10: 1}.get(c, c)


def cz_ok_part(s, w):
    return sum(int(a) * b for a, b in zip(s, w)) % 11 == 0


def make_bban(rng, cc):
    if cc == "GB":
        return rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA"]) + digits(rng, 6) + digits(rng, 8)
    if cc == "IE":
        return rng.choice(["AIBK", "BOFI", "IPBS", "ULSB"]) + digits(rng, 6) + digits(rng, 8)
    if cc == "ES":
        bank, branch, acct = rng.choice(["2100", "0049", "0182", "2085", "0081"]), digits(rng, 4), digits(rng, 10)
        return bank + branch + f"{es_dc('00' + bank + branch)}{es_dc(acct)}" + acct
    if cc == "PT":
        first = rng.choice(["0035", "0033", "0007", "0010"]) + digits(rng, 4) + digits(rng, 11)
        chk = 98 - (int(first) * 100) % 97
        return first + f"{chk:02d}"
    if cc == "BR":
        return rng.choice(["00000000", "00360305", "60701190", "90400888"]) + digits(rng, 5) + digits(rng, 10) + "C1"
    if cc == "TR":
        return rng.choice(["00010", "00062", "00046", "00111", "00064"]) + "0" + digits(rng, 16)
    if cc == "SE":
        return rng.choice(["500", "800", "600", "300"]) + digits(rng, 17)
    if cc == "CZ":
        wp, wa = [10, 5, 8, 4, 2, 1], [6, 3, 7, 9, 10, 5, 8, 4, 2, 1]
        while True:
            prefix = "000000" if rng.random() < 0.7 else "0000" + digits(rng, 2)
            acct = "00" + digits(rng, 8)
            if cz_ok_part(prefix, wp) and cz_ok_part(acct, wa):
                return rng.choice(["0800", "0100", "2010", "0300", "5500"]) + prefix + acct
    if cc == "SA":
        return rng.choice(["80", "10", "20", "45", "05"]) + "000" + digits(rng, 15)
    if cc == "AE":
        return rng.choice(["033", "026", "035", "030"]) + digits(rng, 16)
    if cc == "DE":
        return digits(rng, 8) + digits(rng, 10)
    if cc == "NL":
        return rng.choice(["ABNA", "INGB", "RABO"]) + digits(rng, 10)
    if cc == "FR":
        return digits(rng, 10) + alnum(rng, 11, string.digits) + digits(rng, 2)
    raise ValueError(cc)


def make_iban(rng, cc):
    return iban_from_bban(cc, make_bban(rng, cc))


def bad_iban(rng, cc):
    good = make_iban(rng, cc)
    while True:
        pos = rng.randrange(4, len(good))
        ch = good[pos]
        if not ch.isdigit():
            continue
        bad = good[:pos] + str((int(ch) + rng.randint(1, 9)) % 10) + good[pos + 1:]
        if not iban_ok(bad):
            return bad


def g4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


# ---- NHS / SSN / MBI / health
def make_nhs(rng):
    while True:
        d = str(rng.randint(4, 7)) + digits(rng, 8)
        total = sum(int(d[i]) * (10 - i) for i in range(9))
        c = 11 - total % 11
        if c == 10:
            continue
        s = d + str(0 if c == 11 else c)
        assert nhs_ok(s)
        return s


def bad_nhs(rng):
    s = make_nhs(rng)
    while True:
        b = s[:9] + str((int(s[9]) + rng.randint(1, 9)) % 10)
        if not nhs_ok(b):
            return b


def nhs_fmt(s, style="space"):
    return {"space": f"{s[:3]} {s[3:6]} {s[6:]}", "dash": f"{s[:3]}-{s[3:6]}-{s[6:]}", "compact": s}[style]


def make_ssn(rng, style="dash"):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        s = f"{a:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if s in ("078051120", "219099999"):
            continue
        break
    out = {"dash": f"{s[:3]}-{s[3:5]}-{s[5:]}", "space": f"{s[:3]} {s[3:5]} {s[5:]}", "compact": s}[style]
    assert ssn_ok(out)
    return out


def bad_ssn(rng, kind=None):
    kind = kind or rng.choice(["000", "666", "9xx", "g00", "s0000"])
    a, g, n = rng.randint(1, 899), rng.randint(1, 99), rng.randint(1, 9999)
    if a == 666:
        a = 665
    if kind == "000":
        a = 0
    elif kind == "666":
        a = 666
    elif kind == "9xx":
        a = rng.randint(900, 999)
    elif kind == "g00":
        g = 0
    else:
        n = 0
    s = f"{a:03d}-{g:02d}-{n:04d}"
    assert not ssn_ok(s)
    return s


MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(rng, dashed=False):
    an = MBI_L + "0123456789"
    c = [rng.choice("123456789"), rng.choice(MBI_L), rng.choice(an), rng.choice("0123456789"), rng.choice(MBI_L),
         rng.choice(an), rng.choice("0123456789"), rng.choice(MBI_L), rng.choice(MBI_L), rng.choice("0123456789"),
         rng.choice("0123456789")]
    s = "".join(c)
    if dashed:
        s = f"{s[:4]}-{s[4:7]}-{s[7:]}"
    assert mbi_ok(s)
    return s


def make_member_id(rng):
    f = rng.randrange(5)
    if f == 0:
        return alnum(rng, 3, string.ascii_uppercase) + safe_number(rng, 9)
    if f == 1:
        return "W" + safe_number(rng, 9)
    if f == 2:
        return alnum(rng, 3, string.ascii_uppercase) + "-" + digits(rng, 6) + "-" + digits(rng, 2)
    if f == 3:
        return "U" + safe_number(rng, 10)
    return alnum(rng, 2, string.ascii_uppercase) + digits(rng, 7) + alnum(rng, 1, string.ascii_uppercase)


def make_medicaid(rng, state):
    if state == "NY":
        return alnum(rng, 2, string.ascii_uppercase) + digits(rng, 5) + alnum(rng, 1, string.ascii_uppercase)
    if state == "CA":
        return nz_digits(rng, 8) + alnum(rng, 1, "ABCDEFGH") + digits(rng, 5)   # BIC-style 14 chars
    return nz_digits(rng, 11)


def make_ohip(rng):
    while True:
        body = nz_digits(rng, 9)
        num = body + luhn_check_digit(body)
        if not nhs_ok(num):
            break
    s = f"{num[:4]}-{num[4:7]}-{num[7:]}-{alnum(rng, 2, 'ABCDEFGHJKLMNPRSTVWXYZ')}"
    assert ohip_ok(s)
    return s


def make_au_medicare(rng):
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    while True:
        d = str(rng.randint(2, 6)) + digits(rng, 7)
        d += str(sum(int(d[i]) * w[i] for i in range(8)) % 10) + str(rng.randint(1, 9))
        if not nhs_ok(d):
            break
    s = f"{d[:4]} {d[4:9]} {d[9]}"
    assert au_medicare_ok(s)
    return s


def make_mrn(rng):
    f = rng.randrange(6)
    if f == 0:
        return safe_number(rng, 8, first_nonzero=False).replace(" ", "")
    if f == 1:
        return "H" + digits(rng, 7)
    if f == 2:
        return "MR-" + digits(rng, 6)
    if f == 3:
        return digits(rng, 2) + "-" + digits(rng, 2) + "-" + digits(rng, 4)
    if f == 4:
        return safe_number(rng, 7)
    return "E" + digits(rng, 9)


# ---- US documents
def make_passport(rng):
    if rng.random() < 0.5:
        return rng.choice("ACEFGHJKLMNPRSTUVWXYZ") + nz_digits(rng, 8)
    return rng.choice("56") + digits(rng, 8)


def make_dl(rng, state):
    L = string.ascii_uppercase
    if state == "CA":
        s = rng.choice(L) + digits(rng, 7)
    elif state == "NY":
        d = nz_digits(rng, 9)
        s = f"{d[:3]} {d[3:6]} {d[6:]}"
    elif state == "TX":
        s = rng.choice("1234") + digits(rng, 7)
    elif state == "FL":
        s = f"{rng.choice(L)}{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 3)}-{rng.randint(0, 9)}"
    elif state == "IL":
        s = f"{rng.choice(L)}{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 4)}"
    elif state == "WA":
        s = "WDL" + alnum(rng, 9, string.ascii_uppercase + string.digits)
    elif state == "NJ":
        s = f"{rng.choice(L)}{digits(rng, 4)} {digits(rng, 5)} {digits(rng, 5)}"
    elif state == "PA":
        s = f"{nz_digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}"
    else:
        raise ValueError(state)
    assert dl_ok(s), s
    return s


STATE_NAMES = {"CA": "California", "NY": "New York", "TX": "Texas", "FL": "Florida", "IL": "Illinois",
               "WA": "Washington", "NJ": "New Jersey", "PA": "Pennsylvania"}
ABA = ["021000021", "011000015", "121000358", "026009593", "322271627", "071000013", "111000614", "061000104"]


def make_bank_account(rng):
    return safe_number(rng, rng.choice([8, 9, 10, 11, 12, 13, 14]))


def make_ein(rng):
    return f"{rng.randint(10, 88)}-{digits(rng, 7)}"


# ---- network
def ipv4_public(rng):
    while True:
        a = rng.randint(1, 223)
        b, c, d = rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)
        s = f"{a}.{b}.{c}.{d}"
        ip = ipaddress.ip_address(s)
        if ip.is_global and not (a == 100 and 64 <= b <= 127):
            return s


def ipv4_private(rng):
    f = rng.randrange(3)
    if f == 0:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
    if f == 1:
        return f"192.168.{rng.randint(0, 254)}.{rng.randint(2, 254)}"
    return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"


def ipv6_global(rng):
    pre = rng.choice([["2a02", "c7f"], ["2001", "4860"], ["2600", "1700"], ["2804", "14c"], ["240e", "3b4"],
                      ["2a01", "4f8"], ["2406", "da18"], ["2a00", "23c8"]])
    groups = pre + [format(rng.randint(0, 0xFFFF), "x") for _ in range(6 - len(pre))] + \
        ([format(rng.randint(0, 0xFFFF), "x"), format(rng.randint(1, 0xFFFF), "x")] if rng.random() < 0.6 else ["0", "1"])
    s = ipaddress.IPv6Address(":".join(groups)).compressed
    assert ip_host_ok(s)
    return s


def make_mac(rng, style=None):
    oui = rng.choice(["3c22fb", "b827eb", "f01898", "a483e7", "dca632", "001a2b", "ac1f6b", "e45f01"])
    h = oui + hexs(rng, 6)
    style = style or rng.choice(["colon", "colon_up", "dash", "cisco"])
    if style == "colon":
        s = ":".join(h[i:i + 2] for i in range(0, 12, 2))
    elif style == "colon_up":
        s = ":".join(h[i:i + 2] for i in range(0, 12, 2)).upper()
    elif style == "dash":
        s = "-".join(h[i:i + 2] for i in range(0, 12, 2)).upper()
    else:
        s = ".".join(h[i:i + 4] for i in range(0, 12, 4))
    assert mac_ok(s)
    return s


# ---- crypto
def btc_p2pkh(rng):
    return b58check_encode(0, rng.randbytes(20))


def btc_p2sh(rng):
    return b58check_encode(5, rng.randbytes(20))


def btc_bech32(rng):
    return segwit_encode(0, list(rng.randbytes(20)))


def btc_taproot(rng):
    return segwit_encode(1, list(rng.randbytes(32)))


def bad_btc(rng):
    good = btc_p2pkh(rng)
    while True:
        pos = rng.randrange(5, len(good))
        c = rng.choice(B58)
        bad = good[:pos] + c + good[pos + 1:]
        if bad != good and not b58check_ok(bad):
            return bad


def eth_addr(rng):
    return "0x" + hexs(rng, 40)


# ---- secrets
def aws_key_id(rng):
    return "AKIA" + alnum(rng, 16, string.ascii_uppercase + "234567")


def aws_secret(rng):
    return alnum(rng, 40, string.ascii_letters + string.digits + "/+")


def gh_token(rng):
    return "ghp_" + alnum(rng, 36)


def gh_pat(rng):
    return "github_pat_11" + alnum(rng, 20, string.ascii_uppercase + string.digits) + "_" + alnum(rng, 59)


def openai_key(rng):
    return "sk-proj-" + alnum(rng, 64, string.ascii_letters + string.digits + "_-")


def slack_token(rng):
    return f"xoxb-{nz_digits(rng, 11)}-{nz_digits(rng, 13)}-{alnum(rng, 24)}"


def stripe_key(rng):
    return "sk_live_51" + alnum(rng, 40)


def google_key(rng):
    return "AIza" + alnum(rng, 35, string.ascii_letters + string.digits + "_-")


def sendgrid_key(rng):
    return "SG." + alnum(rng, 22, string.ascii_letters + string.digits + "_-") + "." + alnum(rng, 43, string.ascii_letters + string.digits + "_-")


def b64url(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def make_jwt(rng, sub, extra=None):
    hdr = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = {"sub": sub, "iat": 1767225600 + rng.randint(0, 9_000_000)}
    body.update(extra or {})
    pl = b64url(json.dumps(body, separators=(",", ":")).encode())
    return f"{hdr}.{pl}.{b64url(rng.randbytes(32))}"


def make_pem(rng, kind="RSA PRIVATE KEY", nbytes=384):
    body = base64.b64encode(rng.randbytes(nbytes)).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----"


def make_password(rng):
    words = ["Harbor", "Copper", "Maple", "Falcon", "Tundra", "Velvet", "Quartz", "Juniper", "Cobalt", "Saffron"]
    f = rng.randrange(3)
    if f == 0:
        return rng.choice(words) + rng.choice("!#$%&*") + rng.choice(words).lower() + digits(rng, 2)
    if f == 1:
        return alnum(rng, 4) + rng.choice("!#$%@^") + alnum(rng, 5) + rng.choice("?!*")
    return rng.choice(words) + digits(rng, 4) + rng.choice("!?#")


# ---- misc numbers used as look-alikes
def isbn13(rng):
    body = "978" + digits(rng, 9)
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    full = body + str((10 - s % 10) % 10)
    return f"{full[:3]}-{full[3]}-{full[4:7]}-{full[7:12]}-{full[12]}"


def isbn10(rng):
    while True:
        body = digits(rng, 9)
        s = sum(int(c) * (10 - i) for i, c in enumerate(body))
        c = (11 - s % 11) % 11
        full = body + ("X" if c == 10 else str(c))
        if not nhs_ok(full):
            return f"{full[0]}-{full[1:4]}-{full[4:9]}-{full[9]}"


def cas_number(rng):
    body = nz_digits(rng, rng.randint(2, 6)) + digits(rng, 2)
    chk = sum((i + 1) * int(c) for i, c in enumerate(reversed(body))) % 10
    return f"{body[:-2]}-{body[-2:]}-{chk}"


def upc_a(rng):
    body = rng.choice("0678") + digits(rng, 10)
    s = 3 * sum(int(body[i]) for i in range(0, 11, 2)) + sum(int(body[i]) for i in range(1, 11, 2))
    return body + str((10 - s % 10) % 10)


def ean13(rng):
    while True:
        body = rng.choice(["50", "80", "87", "69", "76"]) + digits(rng, 10)
        s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
        full = body + str((10 - s % 10) % 10)
        if not is_card(full):
            return full


def s10_tracking(rng, cc="BR"):
    body = digits(rng, 8)
    w = [8, 6, 4, 2, 3, 5, 9, 7]
    c = 11 - sum(int(a) * b for a, b in zip(body, w)) % 11
    c = {10: 0, 11: 5}.get(c, c)
    return f"{rng.choice(['QB', 'LB', 'RR', 'NX', 'OV'])}{body}{c}{cc}"


def git_sha(rng, n=40):
    return hexs(rng, n)


# =============================================================================== locale data
PEOPLE = {
    "en-US": [("Megan Alvarez", "megan alvarez"), ("Tyrone Brooks", "tyrone brooks"), ("Caitlin O'Rourke", "caitlin orourke"),
              ("Daniel Kim", "daniel kim"), ("Priya Raman", "priya raman"), ("Jordan Whitfield", "jordan whitfield"),
              ("Maria Gonzalez", "maria gonzalez"), ("Kevin Liu", "kevin liu"), ("Shanice Carter", "shanice carter"),
              ("Robert Kowalski", "robert kowalski")],
    "en-GB": [("Oliver Bennett", "oliver bennett"), ("Amelia Hughes", "amelia hughes"), ("Rhys Morgan", "rhys morgan"),
              ("Fatima Begum", "fatima begum"), ("Harriet Lowe", "harriet lowe"), ("Callum Reid", "callum reid"),
              ("Deepak Chauhan", "deepak chauhan")],
    "en-IE": [("Siobhán Ní Bhriain", "siobhan nibhriain"), ("Ciarán Walsh", "ciaran walsh"), ("Aoife Byrne", "aoife byrne"),
              ("Pádraig Kelly", "padraig kelly"), ("Niamh Doyle", "niamh doyle"), ("Eoin Fitzgerald", "eoin fitzgerald")],
    "en-CA": [("Émilie Tremblay", "emilie tremblay"), ("Marcus Chen", "marcus chen"), ("Gurpreet Sandhu", "gurpreet sandhu"),
              ("Chloé Gagnon", "chloe gagnon"), ("Liam MacDonald", "liam macdonald")],
    "en-AU": [("Lachlan Murphy", "lachlan murphy"), ("Mia Nguyen", "mia nguyen"), ("Harrison Clarke", "harrison clarke"),
              ("Chloe Papadopoulos", "chloe papadopoulos"), ("Jack Wilson", "jack wilson")],
    "en-IN": [("Ananya Iyer", "ananya iyer"), ("Rohit Sharma", "rohit sharma"), ("Kavya Reddy", "kavya reddy"),
              ("Arjun Mehta", "arjun mehta"), ("Sneha Kulkarni", "sneha kulkarni")],
    "es-MX": [("José Luis Hernández", "joseluis hernandez"), ("María Fernanda Ruiz", "mariafernanda ruiz"),
              ("Alejandro Torres", "alejandro torres"), ("Guadalupe Ramírez", "guadalupe ramirez")],
    "es-ES": [("Lucía Martín", "lucia martin"), ("Javier García", "javier garcia"), ("Carmen Navarro", "carmen navarro"),
              ("Pablo Sánchez", "pablo sanchez")],
    "pt-BR": [("Ana Souza", "ana souza"), ("João Pereira", "joao pereira"), ("Mariana Oliveira", "mariana oliveira"),
              ("Lucas Santos", "lucas santos"), ("Beatriz Lima", "beatriz lima")],
    "tr": [("Ayşe Yılmaz", "ayse yilmaz"), ("Mehmet Demir", "mehmet demir"), ("Elif Şahin", "elif sahin"),
           ("Burak Çelik", "burak celik"), ("Zeynep Kaya", "zeynep kaya")],
    "id": [("Siti Rahmawati", "siti rahmawati"), ("Budi Santoso", "budi santoso"), ("Dewi Lestari", "dewi lestari"),
           ("Agus Pratama", "agus pratama"), ("Putri Wulandari", "putri wulandari")],
    "ar": [("محمد العتيبي", "mohammed alotaibi"), ("نورة القحطاني", "noura alqahtani"), ("عبدالله الشهري", "abdullah alshehri"),
           ("فاطمة الزهراني", "fatimah alzahrani")],
    "ko": [("김민준", "minjun kim"), ("이서연", "seoyeon lee"), ("박지훈", "jihoon park"), ("최유진", "yujin choi")],
    "zh": [("王磊", "lei wang"), ("李娜", "na li"), ("张伟", "wei zhang"), ("刘洋", "yang liu"), ("陈静", "jing chen")],
    "vi": [("Nguyễn Thị Lan", "lan nguyen"), ("Trần Văn Hùng", "hung tran"), ("Lê Minh Anh", "minhanh le"),
           ("Phạm Thu Trang", "trang pham")],
    "sv": [("Erik Johansson", "erik johansson"), ("Anna Lindqvist", "anna lindqvist"), ("Karin Berg", "karin berg"),
           ("Oskar Nilsson", "oskar nilsson")],
    "cs": [("Jan Novák", "jan novak"), ("Petra Svobodová", "petra svobodova"), ("Tomáš Dvořák", "tomas dvorak"),
           ("Lucie Černá", "lucie cerna")],
}

DOMAINS = {
    "en-US": ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "comcast.net", "proton.me"],
    "en-GB": ["gmail.com", "btinternet.com", "hotmail.co.uk", "outlook.com", "sky.com", "yahoo.co.uk"],
    "en-IE": ["gmail.com", "eircom.net", "outlook.ie", "hotmail.com", "icloud.com"],
    "en-CA": ["gmail.com", "rogers.com", "shaw.ca", "sympatico.ca", "outlook.com"],
    "en-AU": ["gmail.com", "bigpond.com", "optusnet.com.au", "outlook.com.au", "icloud.com"],
    "en-IN": ["gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.in"],
    "es-MX": ["gmail.com", "hotmail.com", "prodigy.net.mx", "outlook.com"],
    "es-ES": ["gmail.com", "hotmail.es", "telefonica.net", "yahoo.es"],
    "pt-BR": ["gmail.com", "uol.com.br", "bol.com.br", "terra.com.br", "hotmail.com"],
    "tr": ["gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com.tr"],
    "id": ["gmail.com", "yahoo.co.id", "outlook.co.id"],
    "ar": ["gmail.com", "hotmail.com", "outlook.sa", "yahoo.com"],
    "ko": ["naver.com", "daum.net", "gmail.com", "kakao.com"],
    "zh": ["163.com", "126.com", "sina.com", "foxmail.com", "qq.com"],
    "vi": ["gmail.com", "yahoo.com.vn", "outlook.com.vn"],
    "sv": ["gmail.com", "telia.com", "hotmail.se", "outlook.com"],
    "cs": ["seznam.cz", "email.cz", "centrum.cz", "gmail.com"],
}


def person(rng, loc):
    return rng.choice(PEOPLE[loc])


def email_for(rng, loc, roman, domain=None):
    first, last = roman.split(" ", 1)
    domain = domain or rng.choice(DOMAINS[loc])
    if domain == "qq.com":
        return nz_digits(rng, rng.randint(8, 10)) + "@qq.com"
    f = rng.randrange(6)
    local = [f"{first}.{last}", f"{first}{last[0]}", f"{first[0]}.{last}{rng.randint(10, 99)}", f"{first}_{last}",
             f"{last}.{first}", f"{first}{rng.randint(1970, 2004)}"][f]
    return f"{local}@{domain}"


def _pick_digits_no_nhs(rng, make):
    while True:
        s = make()
        d = ascii_digits(s)
        if not (len(d) == 10 and nhs_ok(d)) and not is_card(d):
            return s


US_AREAS = ["212", "312", "415", "503", "617", "646", "702", "773", "206", "404", "512", "720", "305", "214", "602"]
CA_AREAS = ["416", "604", "514", "403", "613", "902", "780", "647"]


def ph_nanp(rng, areas, style=None):
    def mk():
        a = rng.choice(areas)
        while True:
            ex = f"{rng.randint(2, 9)}{digits(rng, 2)}"
            if ex[1:] != "11" and ex != "555":
                break
        ln = digits(rng, 4)
        st = style or rng.choice(["paren", "dash", "dot", "intl", "intl_dash"])
        return {"paren": f"({a}) {ex}-{ln}", "dash": f"{a}-{ex}-{ln}", "dot": f"{a}.{ex}.{ln}",
                "intl": f"+1 {a} {ex} {ln}", "intl_dash": f"+1-{a}-{ex}-{ln}", "intl_paren": f"+1 ({a}) {ex}-{ln}"}[st]
    return _pick_digits_no_nhs(rng, mk)


def ph_tollfree(rng):
    return _pick_digits_no_nhs(rng, lambda: f"1-{rng.choice(['800', '888', '877', '866'])}-{rng.randint(2, 9)}{digits(rng, 2)}-{digits(rng, 4)}")


def phone(rng, loc, style=None):
    r = rng.random
    if loc == "en-US":
        return ph_nanp(rng, US_AREAS, style)
    if loc == "en-CA":
        return ph_nanp(rng, CA_AREAS, style)
    if loc == "en-GB":
        f = style or rng.choice(["mob", "mob_intl", "lon", "lon_intl", "man"])
        if f == "mob":
            return f"07{rng.choice('45789')}{digits(rng, 2)} {digits(rng, 6)}"
        if f == "mob_intl":
            return f"+44 7{rng.choice('45789')}{digits(rng, 2)} {digits(rng, 6)}"
        if f == "lon":
            return f"020 {rng.choice('378')}{digits(rng, 3)} {digits(rng, 4)}"
        if f == "lon_intl":
            return f"+44 20 {rng.choice('378')}{digits(rng, 3)} {digits(rng, 4)}"
        return f"0161 {rng.randint(2, 9)}{digits(rng, 2)} {digits(rng, 4)}"
    if loc == "en-IE":
        f = style or rng.choice(["mob", "mob_intl", "dub", "dub_intl", "cork"])
        p = rng.choice("35679")
        if f == "mob":
            return f"08{p} {digits(rng, 3)} {digits(rng, 4)}"
        if f == "mob_intl":
            return f"+353 8{p} {digits(rng, 3)} {digits(rng, 4)}"
        if f == "dub":
            return f"(01) {rng.randint(2, 9)}{digits(rng, 2)} {digits(rng, 4)}"
        if f == "dub_intl":
            return f"+353 1 {rng.randint(2, 9)}{digits(rng, 2)} {digits(rng, 4)}"
        return f"(021) 4{digits(rng, 2)} {digits(rng, 4)}"
    if loc == "en-AU":
        f = style or rng.choice(["mob", "mob_intl", "syd", "syd_intl", "mel"])
        if f == "mob":
            return f"04{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}"
        if f == "mob_intl":
            return f"+61 4{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}"
        if f == "syd":
            return f"(02) 9{digits(rng, 3)} {digits(rng, 4)}"
        if f == "syd_intl":
            return f"+61 2 9{digits(rng, 3)} {digits(rng, 4)}"
        return f"(03) 9{digits(rng, 3)} {digits(rng, 4)}"
    if loc == "en-IN":
        f = style or rng.choice(["mob", "mob_intl", "mob_dash", "mum", "blr_intl"])
        m = str(rng.randint(6, 9)) + digits(rng, 4)
        if f == "mob":
            return f"{m} {digits(rng, 5)}"
        if f == "mob_intl":
            return f"+91 {m} {digits(rng, 5)}"
        if f == "mob_dash":
            return f"+91-{m}-{digits(rng, 5)}"
        if f == "mum":
            return f"022 {rng.randint(2, 6)}{digits(rng, 3)} {digits(rng, 4)}"
        return f"+91 80 {rng.randint(2, 6)}{digits(rng, 3)} {digits(rng, 4)}"
    if loc == "es-MX":
        f = style or rng.choice(["cdmx_intl", "cdmx", "gdl_intl", "gdl", "mty"])
        if f == "cdmx_intl":
            return f"+52 55 {rng.randint(1, 9)}{digits(rng, 3)} {digits(rng, 4)}"
        if f == "cdmx":
            return f"55 {rng.randint(1, 9)}{digits(rng, 3)} {digits(rng, 4)}"
        if f == "gdl_intl":
            return f"+52 33 {rng.randint(1, 9)}{digits(rng, 3)} {digits(rng, 4)}"
        if f == "gdl":
            return f"(33) {rng.randint(1, 9)}{digits(rng, 3)} {digits(rng, 4)}"
        return f"81 8{digits(rng, 3)} {digits(rng, 4)}"
    if loc == "es-ES":
        f = style or rng.choice(["mob3", "mob2", "mob_intl", "mad", "mad_intl"])
        mob = "6" + digits(rng, 2)
        if f == "mob3":
            return f"{mob} {digits(rng, 3)} {digits(rng, 3)}"
        if f == "mob2":
            return f"{mob} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}"
        if f == "mob_intl":
            return f"+34 {mob} {digits(rng, 3)} {digits(rng, 3)}"
        if f == "mad":
            return f"91 {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}"
        return f"+34 91 {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}"
    if loc == "pt-BR":
        f = style or rng.choice(["mob", "mob_intl", "land", "land_intl"])
        ddd = rng.choice(["11", "21", "31", "41", "51", "61", "71", "81"])
        if f == "mob":
            return f"({ddd}) 9{digits(rng, 4)}-{digits(rng, 4)}"
        if f == "mob_intl":
            return f"+55 {ddd} 9{digits(rng, 4)}-{digits(rng, 4)}"
        if f == "land":
            return f"({ddd}) {rng.choice('2345')}{digits(rng, 3)}-{digits(rng, 4)}"
        return f"+55 {ddd} {rng.choice('2345')}{digits(rng, 3)}-{digits(rng, 4)}"
    if loc == "tr":
        f = style or rng.choice(["mob", "mob_intl", "ist", "ist_intl"])
        op = str(rng.choice([530, 532, 533, 535, 538, 542, 544, 505, 506, 555]))
        if f == "mob":
            return f"0{op} {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}"
        if f == "mob_intl":
            return f"+90 {op} {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}"
        if f == "ist":
            return f"(0212) {rng.randint(2, 6)}{digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}"
        return f"+90 216 {rng.randint(2, 6)}{digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}"
    if loc == "id":
        f = style or rng.choice(["mob", "mob_intl", "mob_sp", "jkt"])
        op = rng.choice(["811", "812", "813", "821", "822", "852", "857", "877", "878", "895"])
        if f == "mob":
            return f"0{op}-{digits(rng, 4)}-{digits(rng, 4)}"
        if f == "mob_intl":
            return f"+62 {op}-{digits(rng, 4)}-{digits(rng, 4)}"
        if f == "mob_sp":
            return f"+62 {op} {digits(rng, 4)} {digits(rng, 4)}"
        return f"(021) {rng.randint(2, 8)}{digits(rng, 3)} {digits(rng, 4)}"
    if loc == "ar":        # Saudi Arabia / UAE
        f = style or rng.choice(["sa", "sa_intl", "ae_intl", "ae_land"])
        if f == "sa":
            return f"05{rng.choice('0345')} {digits(rng, 3)} {digits(rng, 4)}"
        if f == "sa_intl":
            return f"+966 5{rng.choice('0345')} {digits(rng, 3)} {digits(rng, 4)}"
        if f == "ae_intl":
            return f"+971 5{rng.choice('0256')} {digits(rng, 3)} {digits(rng, 4)}"
        return f"+971 4 {rng.randint(2, 8)}{digits(rng, 2)} {digits(rng, 4)}"
    if loc == "ko":
        f = style or rng.choice(["mob", "mob_intl", "seoul"])
        if f == "mob":
            return f"010-{rng.randint(2, 9)}{digits(rng, 3)}-{digits(rng, 4)}"
        if f == "mob_intl":
            return f"+82 10-{rng.randint(2, 9)}{digits(rng, 3)}-{digits(rng, 4)}"
        return f"02-{rng.randint(2, 9)}{digits(rng, 2)}-{digits(rng, 4)}"
    if loc == "zh":
        f = style or rng.choice(["mob344", "mob_compact", "mob_intl", "bj"])
        m = "1" + rng.choice("35789") + digits(rng, 1)
        if f == "mob344":
            return f"{m} {digits(rng, 4)} {digits(rng, 4)}"
        if f == "mob_compact":
            return m + digits(rng, 8)
        if f == "mob_intl":
            return f"+86 {m} {digits(rng, 4)} {digits(rng, 4)}"
        return f"010-{rng.randint(5, 8)}{digits(rng, 3)} {digits(rng, 4)}"
    if loc == "vi":
        f = style or rng.choice(["mob", "mob_intl", "hcm"])
        m = rng.choice(["91", "90", "98", "97", "86", "70", "77", "83"])
        if f == "mob":
            return f"0{m}{digits(rng, 1)} {digits(rng, 3)} {digits(rng, 3)}"
        if f == "mob_intl":
            return f"+84 {m}{digits(rng, 1)} {digits(rng, 3)} {digits(rng, 3)}"
        return f"(028) 3{digits(rng, 3)} {digits(rng, 4)}"
    if loc == "sv":
        f = style or rng.choice(["mob", "mob_intl", "sthlm", "sthlm_intl"])
        p = rng.choice("0236")
        if f == "mob":
            return f"07{p}-{digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}"
        if f == "mob_intl":
            return f"+46 7{p} {digits(rng, 3)} {digits(rng, 2)} {digits(rng, 2)}"
        if f == "sthlm":
            return f"08-{rng.randint(1, 7)}{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 2)}"
        return f"+46 8 {rng.randint(1, 7)}{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 2)}"
    if loc == "cs":
        f = style or rng.choice(["mob_intl", "mob", "prg_intl"])
        if f == "mob_intl":
            return f"+420 {rng.choice('67')}{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}"
        if f == "mob":
            return f"{rng.choice('67')}{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}"
        return f"+420 2{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}"
    raise ValueError(loc)


# =============================================================================== dates and times
EN_M = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
EN_M3 = [m[:3] for m in EN_M]
EN_WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_WD3 = [w[:3] for w in EN_WD]
ES_M = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
ES_WD = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
PT_M = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"]
PT_WD = ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"]
TR_M = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"]
TR_WD = ["Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"]
ID_M = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
ID_WD = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
AR_M = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
SV_M = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
SV_WD = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
CS_M = ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"]
CS_WD = ["pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota", "neděle"]
KO_WD = ["월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"]
ZH_WD = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
VI_WD = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def rand_date(rng, y0, y1, m0=1, m1=12):
    a = dt.date(y0, m0, 1).toordinal()
    b = (dt.date(y1, m1, 28)).toordinal()
    return dt.date.fromordinal(rng.randint(a, b))


def dob(rng):
    return rand_date(rng, 1941, 2004)


def future(rng):
    return rand_date(rng, 2026, 2026, 2, 11)


def fd(d, style):
    D, M, Y, W = d.day, d.month, d.year, d.weekday()
    m = M - 1
    return {
        "us_long": f"{EN_M[m]} {D}, {Y}", "us_short": f"{EN_M3[m]} {D}, {Y}", "us_num": f"{M:02d}/{D:02d}/{Y}",
        "us_num_s": f"{M}/{D}/{Y}", "uk_long": f"{D} {EN_M[m]} {Y}", "uk_short": f"{D} {EN_M3[m]} {Y}",
        "uk_num": f"{D:02d}/{M:02d}/{Y}", "iso": d.isoformat(), "us_wd": f"{EN_WD[W]}, {EN_M[m]} {D}, {Y}",
        "us_wd3": f"{EN_WD3[W]} {EN_M3[m]} {D}, {Y}", "uk_wd": f"{EN_WD3[W]} {D} {EN_M3[m]} {Y}",
        "uk_wd_long": f"{EN_WD[W]} {D} {EN_M[m]} {Y}", "dm_en": f"{D} {EN_M[m]}", "md_en": f"{EN_M[m]} {D}",
        "es": f"{D} de {ES_M[m]} de {Y}", "es_wd": f"{ES_WD[W]} {D} de {ES_M[m]} de {Y}", "es_dm": f"{D} de {ES_M[m]}",
        "pt": f"{D} de {PT_M[m]} de {Y}", "pt_wd": f"{PT_WD[W]}, {D} de {PT_M[m]} de {Y}",
        "dmy": f"{D:02d}/{M:02d}/{Y}", "dmy_dot": f"{D:02d}.{M:02d}.{Y}", "dmy_dash": f"{D:02d}-{M:02d}-{Y}",
        "tr": f"{D} {TR_M[m]} {Y}", "tr_wd": f"{D} {TR_M[m]} {Y} {TR_WD[W]}", "id": f"{D} {ID_M[m]} {Y}",
        "id_wd": f"{ID_WD[W]}, {D} {ID_M[m]} {Y}", "ar": f"{D} {AR_M[m]} {Y}", "ko": f"{Y}년 {M}월 {D}일",
        "ko_wd": f"{Y}년 {M}월 {D}일 {KO_WD[W]}", "zh": f"{Y}年{M}月{D}日", "vi": f"{D:02d}/{M:02d}/{Y}",
        "vi_long": f"{D} tháng {M} năm {Y}", "sv": f"{D} {SV_M[m]} {Y}", "sv_wd": f"{SV_WD[W]} {D} {SV_M[m]} {Y}",
        "cs": f"{D}. {CS_M[m]} {Y}", "cs_num": f"{D}. {M}. {Y}", "cs_wd": f"{CS_WD[W]} {D}. {CS_M[m]} {Y}",
        "ymd_slash": f"{Y}/{M:02d}/{D:02d}",
    }[style]


def rand_time(rng, h0=8, h1=17):
    return rng.randint(h0, h1), rng.choice([0, 10, 15, 20, 30, 40, 45])


def ft(t, style):
    h, mi = t
    h12 = h % 12 or 12
    ap = "AM" if h < 12 else "PM"
    return {
        "h24": f"{h:02d}:{mi:02d}", "h24s": f"{h}:{mi:02d}", "h12": f"{h12}:{mi:02d} {ap}",
        "h12l": f"{h12}:{mi:02d} {ap.lower()}", "h12c": f"{h12}:{mi:02d}{ap.lower()}", "pt": f"{h}h{mi:02d}" if mi else f"{h}h",
        "dot": f"{h:02d}.{mi:02d}", "ko": ("오전" if h < 12 else "오후") + f" {h12}시" + (f" {mi}분" if mi else ""),
        "zh": ("上午" if h < 12 else "下午") + f"{h12}点" + (f"{mi}分" if mi else ""),
    }[style]


def fdt(d, dstyle, t, tstyle, joiner=" "):
    """A date followed by a time of the same event: one DATE_TIME span (see docstring)."""
    return fd(d, dstyle) + joiner + ft(t, tstyle)


# =============================================================================== A. PII-free look-alikes
PD, PN, PM, PC, PL = ("pii_free_public_dates", "pii_free_numbers", "pii_free_placeholders_masked",
                      "pii_free_checksum_invalid", "pii_free_code_logs")


def free(cat, tmpl, loc, note=None):
    return Doc(cat, tmpl, loc, True, note)


def a_match_report(rng):
    d = free(PD, "sports_match_report", "en-GB", "fixture, kick-off and ballot dates are public event dates")
    teams = ["Arsenal", "Chelsea", "Everton", "Aston Villa", "Brighton", "Fulham", "Leeds United", "Wolves", "Brentford"]
    h, a = rng.sample(teams, 2)
    sh, sa = rng.randint(0, 4), rng.randint(0, 3)
    md = rand_date(rng, 2026, 2026, 1, 5)
    mins = sorted(rng.sample(range(2, 90), sh + sa))
    goals = ", ".join(f"{m}'" for m in mins) or "none"
    nd = md + dt.timedelta(days=rng.choice([3, 4, 7]))
    d.add(f"Write a two-line match report for the supporters' newsletter.\n\n{h} {sh}–{sa} {a}, {fd(md, 'uk_wd_long')}, "
          f"kick-off {rng.choice(['12:30', '15:00', '17:30', '20:00'])} GMT; attendance {rng.randint(18000, 62000):,}. "
          f"Goal minutes: {goals}. Next fixture: {fd(nd, 'uk_wd')} at {rng.choice(['19:45', '20:00'])}, away to "
          f"{rng.choice([t for t in teams if t not in (h, a)])}. The ticket ballot closes {fd(md + dt.timedelta(days=1), 'uk_long')} at noon.")
    return d


def a_fixtures_es(rng):
    d = free(PD, "fixtures_calendar", "es-ES", "match-day fixtures and kick-off times are public dates")
    d1 = rand_date(rng, 2026, 2026, 2, 5)
    while d1.weekday() != 5:
        d1 += dt.timedelta(days=1)
    d2 = d1 + dt.timedelta(days=1)
    j = rng.randint(20, 34)
    d.add(f"Resume este calendario en una tabla:\n\nJornada {j} — {fd(d1, 'es_wd')}, 18:30: Sevilla–Betis (árbitro por designar).\n"
          f"{fd(d2, 'es_wd')}, 21:00: Real Madrid–Atlético. Resultado de la ida: 1-1.\n"
          f"Las entradas salen a la venta el {fd(d1 - dt.timedelta(days=12), 'es_dm')} a las 10:00. Aforo: 81.044 espectadores.")
    return d


def a_fixtures_br(rng):
    d = free(PD, "fixtures_calendar", "pt-BR", "round and kick-off date are public")
    d1 = rand_date(rng, 2026, 2026, 4, 9)
    while d1.weekday() != 2:
        d1 += dt.timedelta(days=1)
    d.add(f"Crie um post curto para o Instagram do bar:\n\nBrasileirão 2026, {rng.randint(5, 30)}ª rodada: Flamengo x Palmeiras, "
          f"{fd(d1, 'pt_wd')}, às 21h30, no Maracanã. Último confronto: 2 a 1. Telão a partir das 20h; chope a R$ 9,90 até o intervalo.")
    return d


def a_earnings(rng):
    d = free(PD, "earnings_calendar", "en-US", "earnings dates and fiscal quarters are corporate/public dates")
    base = rand_date(rng, 2026, 2026, 1, 2)
    while base.weekday() != 0:
        base += dt.timedelta(days=1)
    rows = []
    for i, (tk, px) in enumerate(rng.sample([("MSFT", 444), ("AAPL", 229), ("AMZN", 238), ("NVDA", 142), ("META", 611),
                                             ("TSLA", 398), ("NFLX", 889)], 3)):
        day = base + dt.timedelta(days=rng.randint(1, 4))
        rows.append(f"- {tk}: reports {fd(day, 'us_wd3')} after close; EPS est. ${rng.randint(50, 900) / 100:.2f}; "
                    f"last close ${px + rng.randint(-20, 20) + rng.random():.2f} ({rng.choice(['+', '−'])}{rng.randint(1, 40) / 10:.1f}%)")
    d.add("Turn this into a Markdown table for the investing club:\n\n" + "\n".join(rows) +
          f"\n\nAll figures are for Q4 FY2025 (quarter ended December 31, 2025). Options expire Friday, {fd(base + dt.timedelta(days=4), 'md_en')}.")
    return d


def a_eol(rng):
    d = free(PD, "product_end_of_life", "en-US", "release/end-of-life dates are product dates; build string is a version")
    build = f"10.0.19045.{rng.randint(4000, 6500)}"
    d.add("Our IT policy needs an end-of-life table. Please format as Markdown and add a 'months left' column:\n\n"
          "- Windows 10 22H2 (build ", ("-version", build), "): end of support October 14, 2025\n"
          "- Ubuntu 20.04 LTS: standard support ended May 31, 2025\n- CentOS 7: EOL June 30, 2024\n"
          "- Node.js 18: EOL April 30, 2025\n- Python 3.9: end of life October 2025\n"
          "- Python 2.7: sunset January 1, 2020")
    return d


def a_launch_zh(rng):
    d = free(PD, "product_launch", "zh", "launch and pre-sale dates are public; the IPv4-shaped firmware number is a version")
    day = rand_date(rng, 2026, 2026, 3, 10)
    fw = f"{rng.randint(1, 4)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(10, 200)}"
    d.add(f"帮我写一条新闻简讯：某品牌新款手机定于{fd(day, 'zh')}19:30在深圳发布，{fd(day + dt.timedelta(days=2), 'zh')}10:08开启预售，"
          f"起售价{rng.choice([3999, 4499, 4999, 5999])}元，型号XY-2026-Pro，出厂固件版本", ("-version", fw), "，电池容量5500mAh。")
    return d


def a_statute_eu(rng):
    d = free(PD, "statute_citation", "en-GB", "dates of laws and regulations are not personal")
    d.add("Explain in plain English, in under 150 words, for a staff newsletter:\n\n"
          "Regulation (EU) 2016/679 (GDPR) was adopted on 27 April 2016 and has applied since 25 May 2018. "
          "In the UK the Data Protection Act 2018 (c. 12) received Royal Assent on 23 May 2018. Article 33(1) requires a "
          "personal-data breach to be notified within 72 hours; Article 83(5) allows fines of up to €20 million or 4 % of "
          "worldwide annual turnover. Recital 26 covers anonymous information.")
    return d


def a_statute_us(rng):
    d = free(PD, "statute_citation", "en-US", "statute enactment and compliance dates are not personal")
    d.add("Summarize the timeline for a compliance training slide:\n\nHIPAA (Pub. L. 104-191) was enacted August 21, 1996. "
          "The Privacy Rule compliance date was April 14, 2003 (45 CFR 164.534). The HITECH Act was enacted February 17, 2009. "
          "The de-identification standard is at 45 CFR 164.514(b)(2), which lists 18 identifiers.")
    return d


def a_statute_es(rng):
    loc = rng.choice(["es-MX", "es-ES"])
    d = free(PD, "statute_citation", loc, "publication dates of laws are not personal")
    if loc == "es-MX":
        d.add("Resume en tres viñetas: la Ley Federal de Protección de Datos Personales en Posesión de los Particulares se publicó "
              "en el Diario Oficial de la Federación el 5 de julio de 2010; su Reglamento, el 21 de diciembre de 2011. "
              "El artículo 16 regula el aviso de privacidad.")
    else:
        d.add("Resume en tres viñetas: la Ley Orgánica 3/2018, de 5 de diciembre, de Protección de Datos Personales y garantía "
              "de los derechos digitales, se publicó en el BOE núm. 294, de 6 de diciembre de 2018, y entró en vigor al día siguiente.")
    return d


def a_statute_br(rng):
    d = free(PD, "statute_citation", "pt-BR", "dates of laws are not personal")
    d.add("Explique para um cliente leigo: a LGPD (Lei nº 13.709, de 14 de agosto de 2018) entrou em vigor em 18 de setembro de 2020; "
          "as sanções administrativas do art. 52 valem desde 1º de agosto de 2021. A ANPD foi criada pela Lei nº 13.853/2019.")
    return d


def a_statute_tr(rng):
    d = free(PD, "statute_citation", "tr", "publication date of a law is not personal")
    d.add("Bunu bir sunum slaytı için özetle: 6698 sayılı Kişisel Verilerin Korunması Kanunu 7 Nisan 2016 tarihinde Resmî Gazete'de "
          "yayımlandı ve aynı gün yürürlüğe girdi; veri sorumluları siciline kayıt yükümlülüğü aşamalı olarak uygulandı.")
    return d


def conf_range(a, b):
    if a.month == b.month:
        return f"{fd(a, 'md_en')}–{b.day}, {b.year}"
    return f"{fd(a, 'md_en')} – {fd(b, 'us_long')}"


def a_cfp(rng):
    d = free(PD, "conference_deadlines", "en-US", "call-for-papers deadlines and conference dates are public")
    y = 2026
    ab = rand_date(rng, y, y, 1, 3)
    d.add(f"Add these to the lab calendar and tell me which clash:\n\n"
          f"* Workshop on Efficient Inference (WEI {y}): abstracts due {fd(ab, 'us_short')} 23:59 AoE; full papers "
          f"{fd(ab + dt.timedelta(days=7), 'us_short')}; notification {fd(ab + dt.timedelta(days=60), 'us_short')}.\n"
          f"* Systems track camera-ready: {fd(ab + dt.timedelta(days=90), 'us_long')}, 17:00 UTC.\n"
          f"* Main conference: {conf_range(ab + dt.timedelta(days=150), ab + dt.timedelta(days=154))}; "
          f"student travel grants close {fd(ab + dt.timedelta(days=100), 'us_long')}.")
    return d


HISTORY = {
    "en-US": ["The Berlin Wall fell on 9 November 1989.", "Apollo 11 landed on the Moon on July 20, 1969, at 20:17 UTC.",
              "Sputnik 1 was launched on 4 October 1957.", "The Titanic sank in the early hours of 15 April 1912.",
              "D-Day took place on June 6, 1944.", "The Wright brothers first flew on December 17, 1903."],
    "id": ["Proklamasi Kemerdekaan Indonesia dibacakan pada 17 Agustus 1945 pukul 10.00 di Jakarta.",
           "Sumpah Pemuda diikrarkan pada 28 Oktober 1928."],
    "vi": ["Ngày 2 tháng 9 năm 1945, Tuyên ngôn Độc lập được đọc tại Quảng trường Ba Đình.",
           "Ngày 30 tháng 4 năm 1975 được gọi là Ngày Thống nhất."],
    "tr": ["Cumhuriyet 29 Ekim 1923'te ilan edildi.", "Ankara 13 Ekim 1923'te başkent oldu."],
    "ko": ["광복절은 1945년 8월 15일을 기념한다.", "한글날은 매년 10월 9일이다."],
    "zh": ["1949年10月1日，中华人民共和国中央人民政府成立。", "1997年7月1日，香港回归。"],
    "cs": ["Sametová revoluce začala 17. listopadu 1989.", "Česká republika vznikla 1. ledna 1993."],
    "sv": ["Sveriges nationaldag firas den 6 juni.", "Gustav Vasa valdes till kung den 6 juni 1523."],
    "ar": ["تم توحيد المملكة العربية السعودية في 23 سبتمبر 1932.", "يوافق اليوم الوطني لدولة الإمارات 2 ديسمبر من كل عام."],
    "es-MX": ["El Grito de Dolores se dio la madrugada del 16 de septiembre de 1810.",
              "La Constitución vigente se promulgó el 5 de febrero de 1917."],
    "pt-BR": ["A Independência foi proclamada em 7 de setembro de 1822.", "Brasília foi inaugurada em 21 de abril de 1960."],
}
HIST_PROMPT = {"en-US": "Make a 3-question quiz (with answers) from these facts:\n\n", "id": "Buat kuis 3 soal dari fakta berikut:\n\n",
               "vi": "Hãy viết 2 câu hỏi trắc nghiệm từ các dữ kiện sau:\n\n", "tr": "Bu bilgilerden 2 soruluk bir test hazırla:\n\n",
               "ko": "다음 사실로 퀴즈 2문제를 만들어 줘:\n\n", "zh": "根据以下史实出两道选择题：\n\n",
               "cs": "Vytvoř ze skutečností níže dvě kvízové otázky:\n\n", "sv": "Gör två quizfrågor av fakta nedan:\n\n",
               "ar": "اكتب سؤالين اختيار من متعدد من المعلومات التالية:\n\n", "es-MX": "Haz dos preguntas de examen con estos datos:\n\n",
               "pt-BR": "Faça duas perguntas de quiz com estes fatos:\n\n"}


def a_history(rng, loc=None):
    loc = loc or rng.choice(list(HISTORY))
    d = free(PD, "historical_facts", loc, "historical event dates are not tied to an individual")
    facts = HISTORY[loc]
    chosen = rng.sample(facts, min(len(facts), 3 if loc == "en-US" else 2))
    d.add(HIST_PROMPT[loc] + "\n".join("- " + f for f in chosen))
    return d


def a_weather(rng):
    loc = rng.choice(["en-AU", "en-IE", "es-ES", "sv", "cs"])
    d = free(PD, "weather_forecast", loc, "forecast days, sunrise/sunset times are public")
    day = rand_date(rng, 2026, 2026, 3, 10)
    hi, lo = rng.randint(12, 30), rng.randint(2, 11)
    if loc in ("en-AU", "en-IE"):
        d.add(f"Rewrite this forecast as a friendly two-sentence radio script:\n\n{fd(day, 'uk_wd_long')}: high {hi} °C, low {lo} °C, "
              f"wind NW 25 km/h gusting 60, pressure 1013 hPa, UV index {rng.randint(1, 11)}. Sunrise 06:{rng.randint(10, 59)}, sunset "
              f"18:{rng.randint(10, 59)}. Rain from 15:00, 8–15 mm. Warning in force until 09:00 {fd(day + dt.timedelta(days=1), 'uk_wd')}.")
    elif loc == "es-ES":
        d.add(f"Convierte esto en un tuit:\n\nPrevisión para el {fd(day, 'es_wd')}: máxima {hi} °C, mínima {lo} °C, viento de poniente "
              f"a 40 km/h, probabilidad de lluvia 70 %. Aviso amarillo de 12:00 a 20:00. Amanece a las 07:{rng.randint(10, 59)}.")
    elif loc == "sv":
        d.add(f"Skriv om som en kort sms-varning:\n\nPrognos för {fd(day, 'sv_wd')}: {hi} °C som högst, {lo} °C som lägst, "
              f"byig vind 14 m/s. Gul varning för skyfall gäller kl. 14–20. Solen går upp 05.{rng.randint(10, 59)}.")
    else:
        d.add(f"Přepiš jako krátké hlášení do rozhlasu:\n\nPředpověď na {fd(day, 'cs_wd')}: nejvyšší teplota {hi} °C, nejnižší {lo} °C, "
              f"vítr 8 m/s, tlak 1016 hPa. Výstraha před bouřkami platí od 13:00 do 22:00.")
    return d


def a_holidays(rng):
    loc = rng.choice(["en-IE", "en-IN", "ko", "sv", "tr"])
    d = free(PD, "public_holidays", loc, "public holidays are calendar dates, not personal")
    if loc == "en-IE":
        d.add("Turn this into a shared-calendar import list (CSV with date,name):\n\nIrish public holidays 2026: "
              "1 January (New Year's Day), Monday 2 February (St Brigid's Day), 17 March (St Patrick's Day), "
              "6 April (Easter Monday), 4 May, 1 June, 3 August, 26 October, 25 December and 26 December.")
    elif loc == "en-IN":
        d.add("List these as a table with weekday: Republic Day 26 January 2026, Holi 4 March 2026, Independence Day "
              "15 August 2026, Gandhi Jayanti 2 October 2026. Which fall on a weekend?")
    elif loc == "ko":
        d.add("2026년 공휴일을 표로 정리해 줘: 삼일절 3월 1일, 어린이날 5월 5일, 현충일 6월 6일, 광복절 8월 15일, "
              "개천절 10월 3일, 한글날 10월 9일, 성탄절 12월 25일.")
    elif loc == "sv":
        d.add("Gör en lista över helgdagar 2026: nyårsdagen 1 januari, trettondedag jul 6 januari, nationaldagen 6 juni, "
              "midsommardagen 20 juni 2026 och juldagen 25 december.")
    else:
        d.add("2026 resmî tatillerini tablo yap: Ulusal Egemenlik ve Çocuk Bayramı 23 Nisan, Emek ve Dayanışma Günü 1 Mayıs, "
              "Zafer Bayramı 30 Ağustos, Cumhuriyet Bayramı 29 Ekim 2026.")
    return d


def a_train(rng):
    d = free(PD, "rail_timetable", "en-GB", "timetable and engineering-works dates are public; service codes and platform numbers are not IDs")
    t1 = dt.datetime(2026, 1, 1, rng.randint(6, 8), rng.randint(0, 59))
    t2 = t1 + dt.timedelta(minutes=30)
    a1, a2 = t1 + dt.timedelta(minutes=rng.randint(138, 150)), t2 + dt.timedelta(minutes=rng.randint(128, 136))
    hm = lambda t: t.strftime("%H:%M")
    d.add(f"Which of these trains gets me to King's Cross before 11? \n\n"
          f"{hm(t1)} Leeds → London King's Cross (service 1A{rng.randint(10, 99)}), calls Wakefield Westgate, Doncaster, "
          f"arr. {hm(a1)}; platform {rng.randint(1, 17)}{rng.choice(['', 'a', 'b'])}. Coach C is the quiet coach.\n"
          f"{hm(t2)} Leeds → London King's Cross (1A{rng.randint(10, 99)}), fast, arr. {hm(a2)}.\n"
          f"Engineering works: no trains north of Peterborough from 23:30 Saturday 14 March 2026 to 05:00 Monday 16 March 2026.")
    return d


def a_bus_cz(rng):
    d = free(PD, "bus_timetable", "cs", "timetable and its validity date are public")
    times = sorted(f"{h:02d}:{m:02d}" for h, m in {(rng.randint(5, 8), rng.randrange(0, 60, 5)) for _ in range(6)})
    d.add(f"Zjednoduš tento jízdní řád do jedné věty:\n\nLinka {rng.randint(100, 250)}, zastávka Smíchovské nádraží, pracovní dny: "
          f"{', '.join(times)}; o víkendu každých 20 minut. Výluka od {fd(rand_date(rng, 2026, 2026, 3, 6), 'cs')} do odvolání. "
          f"Jízdné 30 Kč / 30 min.")
    return d


def a_ktx(rng):
    d = free(PD, "rail_timetable", "ko", "train timetable and effective date are public")
    day = rand_date(rng, 2026, 2026, 3, 8)
    d.add(f"이 시간표를 표로 바꿔 줘:\n\nKTX {rng.randint(100, 180)}편 서울 05:30 출발 → 대전 06:28 → 부산 08:15 도착.\n"
          f"KTX {rng.randint(181, 260)}편 서울 06:00 출발 → 부산 08:41 도착.\n{fd(day, 'ko')}부터 주말 열차 2편이 증편되며, "
          f"운임은 59,800원이다.")
    return d


def a_opening_hours(rng):
    loc = rng.choice(["en-US", "tr", "id"])
    d = free(PD, "opening_hours", loc, "opening hours and public closure dates are not personal")
    if loc == "en-US":
        d.add("Rewrite our store-hours sign so it fits on one line per day:\n\nMon–Fri 9:00 AM–8:00 PM; Sat 10:00 AM–6:00 PM; "
              "Sun noon–5:00 PM. Closed Thanksgiving (Thursday, November 26, 2026) and Christmas Day. Pharmacy counter closes "
              "30 minutes earlier. Senior hour Tuesdays 8–9 AM.")
    elif loc == "tr":
        d.add("Dükkân tabelası için kısalt: Hafta içi 09:00–19:00, Cumartesi 10:00–16:00, Pazar kapalı. 29 Ekim 2026 Perşembe "
              "günü yarım gün (13:00'e kadar) açığız.")
    else:
        d.add("Ringkas pengumuman ini: Jam buka toko Senin–Jumat 08.00–17.00, Sabtu 08.00–12.00. Toko tutup pada 17 Agustus 2026 "
              "dan selama cuti bersama Idulfitri. Layanan pesan antar mulai pukul 10.00.")
    return d


def a_changelog(rng):
    d = free(PL, "software_changelog", "en-US", "release dates and CI timestamps are system dates; SHAs are hashes")
    maj, mi = rng.randint(1, 4), rng.randint(1, 30)
    rel = rand_date(rng, 2026, 2026, 1, 4)
    sha1, sha2 = git_sha(rng, 7), git_sha(rng, 40)
    d.add(f"Write release notes for users from this changelog:\n\n## v{maj}.{mi}.0 — {rel.isoformat()}\n"
          f"- Fix race in connection pool shutdown (#{rng.randint(1000, 9999)}, ", ("-hash", sha1), ")\n"
          f"- Bump OpenSSL to 3.0.{rng.randint(10, 16)}; drop Python 3.8\n"
          f"- Deprecate `--legacy-tls` (removal planned for v{maj + 1}.0.0)\n"
          f"## v{maj}.{mi - 1}.3 — {(rel - dt.timedelta(days=rng.randint(10, 40))).isoformat()}\n- Security: CVE-2025-{rng.randint(10000, 49999)} "
          f"(CVSS 7.5)\n\nTagged from commit ", ("-hash", sha2), f" at {rel.isoformat()}T14:{rng.randint(10, 59)}:05Z by the release bot.")
    return d


def a_cron(rng):
    d = free(PL, "crontab_explain", "en-US", "cron schedules and log timestamps are system times")
    d.add("Explain each line of this crontab in plain English:\n\n```\nTZ=Europe/Dublin\n0 3 * * 1-5  /usr/local/bin/backup.sh --full\n"
          "*/15 9-17 * * 1-5  /opt/app/bin/sync --since 15m\n30 2 1 * *  /opt/app/bin/rotate-logs\n@reboot  /opt/app/bin/warm-cache\n```\n\n"
          f"The last backup log line reads `2026-03-02 03:00:01 backup[{rng.randint(1000, 9999)}]: done in 412s, 18.4 GiB`.")
    return d


def a_biblio(rng):
    d = free(PN, "bibliography_ids", "en-US", "ISBNs, DOIs, arXiv and PubMed ids are publication identifiers")
    d.add("Format these references in APA 7:\n\n1. Book, ISBN ", ("-other", isbn13(rng)), f", 3rd ed., {rng.randint(2015, 2024)}.\n"
          "2. Older edition, ISBN-10 ", ("-other", isbn10(rng)), ".\n"
          f"3. doi:10.{rng.randint(1000, 9999)}/s{rng.randint(41586, 41599)}-0{rng.randint(21, 25)}-0{rng.randint(1000, 9999)}-{rng.randint(1, 9)}\n"
          f"4. arXiv:{rng.randint(2301, 2412)}.{rng.randint(10000, 19999)}v{rng.randint(1, 3)} [cs.CL]\n"
          f"5. PMID: {rng.randint(30000000, 39999999)}; PMCID: PMC{rng.randint(7000000, 9999999)}")
    return d


def a_cas(rng):
    d = free(PN, "chemical_inventory", "en-GB", "CAS registry numbers and UN numbers are substance identifiers")
    items = [("Ethanol, absolute", "64-17-5", "UN 1170"), ("Acetone", "67-64-1", "UN 1090"), ("Sodium hydroxide pellets", "1310-73-2", "UN 1823"),
             ("Water, HPLC grade", "7732-18-5", "—"), ("Formaldehyde 37 %", "50-00-0", "UN 2209")]
    rows = "\n".join(f"| {n} | {c} | {u} | {rng.randint(1, 20)} × {rng.choice(['500 mL', '1 L', '2.5 L', '1 kg'])} |" for n, c, u in rng.sample(items, 3))
    rows += f"\n| Unknown reagent | {cas_number(rng)} | ? | 1 × 100 g |"
    d.add("Check this lab inventory for incompatible storage and suggest shelf groups:\n\n| Substance | CAS | UN | Qty |\n|---|---|---|---|\n" + rows)
    return d


def a_gps(rng):
    d = free(PN, "landmark_coordinates", "en-AU", "coordinates of public landmarks are LOCATION (out of label scope)")
    d.add(f"Plan a half-day walk between these points and estimate the time:\n\nStart: Sydney Opera House, 33.8568° S, 151.2153° E\n"
          f"Via: Mrs Macquarie's Chair (−33.8599, 151.2226)\nEnd: Bondi Beach, 33°53′28″S 151°16′28″E, elevation {rng.randint(2, 30)} m\n"
          f"Distance approx. {rng.randint(9, 14)}.{rng.randint(0, 9)} km; sunset 19:{rng.randint(10, 50)}.")
    return d


def a_crypto_market(rng):
    d = free(PN, "crypto_market_update", "en-US", "a transaction hash is a hash, not a wallet address")
    tx = "0x" + hexs(rng, 64)
    d.add(f"Draft a neutral market-update tweet:\n\nBTC ${rng.randint(80000, 110000):,}.{rng.randint(10, 99)} (+{rng.randint(1, 40) / 10}%), "
          f"ETH ${rng.randint(2500, 4500):,}.{rng.randint(10, 99)}, SOL ${rng.randint(120, 260)}.{rng.randint(10, 99)}. The ETF inflow print "
          f"for the week was $1.{rng.randint(1, 9)}B. Largest transfer of the day: ", ("-hash", tx),
          f" (block {rng.randint(21000000, 22999999):,}, gas {rng.randint(8, 60)} gwei).")
    return d


def a_inventory(rng):
    d = free(PN, "sku_part_numbers", "en-US", "SKUs, UPC/EAN codes and 16-digit part numbers (Luhn-invalid) are not card numbers")
    parts = [bad_card(rng, rng.choice(["visa", "mc5", "discover"])) for _ in range(2)]
    d.add("Clean up this reorder list and group by supplier:\n\nSKU WH-1000XM5-B  UPC ", ("-other", upc_a(rng)), "  qty 12\n"
          f"SKU TRX-{rng.randint(100, 999)}-BLK  EAN ", ("-other", ean13(rng)), "  qty 4\n"
          "Part no. ", ("-luhn", fmt_card(parts[0], "dash")), "  (gasket kit)  qty 30\n"
          "Part no. ", ("-luhn", parts[1]), f"  (bearing 6204-2RS)  qty {rng.randint(5, 50)}\n"
          f"Bin locations: A-{rng.randint(1, 20):02d}-{rng.randint(1, 9)}, C-{rng.randint(1, 20):02d}-{rng.randint(1, 9)}")
    return d


def a_tracking(rng):
    loc = rng.choice(["en-US", "pt-BR"])
    d = free(PN, "parcel_tracking", loc, "tracking and order numbers are hard negatives")
    if loc == "en-US":
        d.add(f"Summarize the shipping status for our ops channel:\n\nUPS 1Z{alnum(rng, 6, string.ascii_uppercase + string.digits)}{digits(rng, 10)} — out for delivery\n"
              f"USPS {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)} — in transit\n"
              f"FedEx {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} — label created\n"
              f"Order #{rng.randint(100, 999)}-{digits(rng, 7)}-{digits(rng, 7)}, warehouse batch {rng.randint(2026000, 2026999)}")
    else:
        d.add(f"Resuma o status para o grupo da logística:\n\nCorreios {s10_tracking(rng)} — objeto postado; {s10_tracking(rng)} — aguardando retirada.\n"
              f"Pedido nº {rng.randint(1000000, 9999999)}-{rng.randint(10, 99)}; nota fiscal {rng.randint(100000, 999999)}, série 1; "
              f"CFOP 5102.")
    return d


def a_invoice_b2b(rng):
    d = free(PN, "b2b_invoice_chase", "en-GB", "company registration, VAT and invoice numbers are business identifiers")
    d.add(f"Write a polite chaser e-mail (no names needed):\n\nInvoice INV-2026-{rng.randint(100, 999):05d} (PO {safe_number(rng, 10)}) "
          f"for £{rng.randint(1000, 30000):,}.00 + VAT at 20 % is now {rng.randint(14, 60)} days overdue. Our VAT reg. no. is GB {digits(rng, 3)} "
          f"{digits(rng, 4)} {digits(rng, 2)} and company no. {safe_number(rng, 8, False)}. Terms were 30 days from invoice.")
    return d


def a_departures(rng):
    loc = rng.choice(["en-GB", "ar", "tr"])
    d = free(PD, "flight_departures_board", loc, "public departure board: flight numbers, gates and times are not personal")
    fl = [f"{c} {rng.randint(10, 999)}" for c in rng.sample(["BA", "EK", "TK", "QR", "SV", "LH", "AF"], 3)]
    if loc == "en-GB":
        d.add(f"Which of these is most likely to be delayed given the fog warning?\n\n" +
              "\n".join(f"{t}  {f}  to {dest}  gate {rng.choice('ABC')}{rng.randint(1, 50)}  {st}" for t, f, dest, st in
                        zip(["06:40", "07:15", "07:55"], fl, ["Dubai", "Istanbul", "Doha"], ["Boarding", "Delayed 08:30", "On time"])))
    elif loc == "ar":
        d.add("ترجم لوحة المغادرة هذه إلى الإنجليزية:\n\n" + "\n".join(
            f"{t}  {f}  إلى {dest}  البوابة {rng.randint(1, 40)}" for t, f, dest in zip(["06:40", "07:15", "09:05"], fl, ["لندن", "إسطنبول", "جدة"])))
    else:
        d.add("Bu kalkış tablosunu İngilizceye çevir:\n\n" + "\n".join(
            f"{t}  {f}  {dest}  kapı {rng.choice('ABF')}{rng.randint(1, 30)}" for t, f, dest in zip(["06:40", "07:15", "09:05"], fl, ["Londra", "Dubai", "Berlin"])))
    return d


def a_conf_rooms(rng):
    d = free(PD, "conference_agenda", "en-IE", "public agenda: room numbers and session times are not personal")
    day = rand_date(rng, 2026, 2026, 4, 10)
    d.add(f"Shorten this agenda for the mobile app:\n\nDay 1 — {fd(day, 'uk_wd_long')}\n09:00–09:30 Registration (Foyer, Level 0)\n"
          f"09:30–10:15 Keynote: Privacy engineering at scale (Auditorium, Room 0.{rng.randint(10, 30)})\n10:30–11:15 Track B: "
          f"Differential privacy in practice (Room {rng.randint(1, 4)}.{rng.randint(10, 40)})\n13:00–14:00 Lunch; poster session in Hall {rng.choice('ABC')}\n"
          f"Wi-Fi network: CONF-{day.year}, no password.")
    return d


def a_lab_reference(rng):
    d = free(PN, "lab_reference_ranges", "en-US", "generic reference ranges and dosages, no patient")
    d.add("Make a pocket card from these adult reference ranges and doses:\n\nHemoglobin 13.5–17.5 g/dL (men), 12.0–15.5 g/dL (women); "
          "WBC 4.5–11.0 × 10^9/L; platelets 150–400 × 10^9/L; sodium 135–145 mmol/L; potassium 3.5–5.1 mmol/L; HbA1c < 5.7 %.\n"
          f"Amoxicillin 500 mg PO q8h × {rng.choice([5, 7, 10])} days; paracetamol max 4 g/24 h; enoxaparin 40 mg SC daily.")
    return d


def a_vignette(rng):
    d = free(PN, "clinical_vignette_no_ids", "en-US", "ages, durations and relative dates are not DATE_TIME")
    age = rng.randint(25, 85)
    d.add(f"Write a USMLE-style question with four options from this vignette:\n\nA {age}-year-old man presents with {rng.randint(2, 5)} days "
          f"of pleuritic chest pain that began the day after a long-haul flight. BP {rng.randint(95, 150)}/{rng.randint(55, 95)} mm Hg, HR {rng.randint(90, 130)}/min, "
          f"SpO2 {rng.randint(88, 95)} % on room air. D-dimer 1,840 ng/mL FEU; troponin I 0.04 ng/mL. Symptoms started 3 weeks after "
          f"knee surgery; he stopped prophylaxis yesterday.")
    return d


def a_stats(rng):
    d = free(PN, "survey_statistics", "en-GB", "statistics and sample sizes")
    n = rng.randint(800, 5000)
    est = rng.randint(200, 700) / 10
    moe = rng.randint(15, 40) / 10
    d.add(f"Explain these results to a non-statistician:\n\nThe survey (n = {n:,}; fieldwork 3–17 February 2026) found {est:.1f} % "
          f"support (95 % CI {est - moe:.1f}–{est + moe:.1f}), OR 1.{rng.randint(10, 99)} (p < 0.001). "
          f"Population estimate: {rng.randint(1000000, 9000000):,}. Response rate {rng.randint(20, 60)} %; margin of error ±{moe:.1f} points.")
    return d


def a_zip(rng):
    d = free(PN, "zip_codes_only", "en-US", "ZIP codes alone are LOCATION (out of label scope); no personal data")
    zips = rng.sample(["60601", "60614", "60657", "46320", "60201", "60302", "60622", "60007"], 5)
    d.add(f"Which of these ZIP codes are inside Cook County, Illinois? {', '.join(zips[:-1])} and {zips[-1]}. "
          f"Also give the median home value for 60614 if you know it (approx. ${rng.randint(500, 900)}k in 2024).")
    return d


def a_versions(rng):
    d = free(PL, "dependency_versions", "en-US", "version strings, including IPv4-shaped firmware/build numbers, are not IP addresses")
    fw = f"{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}.{rng.randint(1, 99)}"
    win = f"10.0.22631.{rng.randint(3000, 5000)}"
    d.add(f"Is this combination supported? Write the upgrade order.\n\n- service: 1.21.4 → 1.22.0-rc.2+build.{rng.randint(1, 9)}\n"
          f"- node v20.{rng.randint(10, 18)}.1, npm 10.{rng.randint(1, 9)}.0\n- Chrome 122.0.6261.{rng.randint(50, 130)} on Windows ", ("-version", win),
          "\n- router firmware ", ("-version", fw), f" (released 2025-11-{rng.randint(10, 28)})\n- Android build UP1A.231005.0{rng.randint(10, 99)}")
    return d


def a_oids(rng):
    d = free(PL, "x509_oids", "en-US", "OIDs such as 2.5.4.3 are IPv4-shaped but are not IP addresses")
    d.add("What do these OIDs in my certificate request mean?\n\n", ("-version", "2.5.4.3"), " (CN), ", ("-version", "2.5.4.10"),
          " (O), ", ("-version", "2.5.29.17"), " (subjectAltName), 1.2.840.113549.1.1.11, 1.3.6.1.5.5.7.3.1 and 1.3.6.1.4.1.311.21.7. "
          f"Key size 2048 bits, validity {rng.choice([90, 365, 397])} days.")
    return d


def a_hashes(rng):
    d = free(PL, "checksums_uuids", "en-US", "hashes, git SHAs and UUIDs are not SECRET")
    d.add("Do these match? I downloaded the installer twice.\n\nsha256 (first):  ", ("-hash", hexs(rng, 64)), "\nsha256 (second): ",
          ("-hash", hexs(rng, 64)), "\nmd5: ", ("-hash", hexs(rng, 32)), "\nrelease commit: ", ("-hash", git_sha(rng)),
          "\nbuild id: ", ("-uuid", uuid4(rng)))
    return d


def a_base64(rng):
    d = free(PL, "base64_decode", "en-US", "base64 of non-credential text and a data: URI are not SECRET/URL")
    msg = rng.choice(["Hello, World!", "meeting moved to room 4B", "build passed", "see you at the standup"])
    d.add(f"What do these decode to?\n\n1. {base64.b64encode(msg.encode()).decode()}\n2. {base64.b64encode(b'ok').decode()}\n"
          f"3. data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
    return d


def a_placeholders(rng):
    d = free(PM, "config_placeholders", "en-US", "placeholders and env-var references are not SECRET")
    d.add("Our README's setup section is confusing; rewrite it:\n\n```bash\nexport OPENAI_API_KEY=", ("-placeholder", "YOUR_API_KEY"),
          "\nexport GITHUB_TOKEN=", ("-placeholder", "${GITHUB_TOKEN}"), "\nexport STRIPE_SECRET=", ("-placeholder", "sk_live_xxxxxxxxxxxxxxxxxxxx"),
          "\n# legacy key format: ", ("-placeholder", "sk-xxxx"), "\npsql \"host=db port=5432 user=app password=", ("-placeholder", "<password>"),
          "\"\n```\nThe AWS key must look like ", ("-placeholder", "AKIA................"), " (20 characters).")
    return d


def a_masked(rng):
    d = free(PM, "masked_values", "en-GB", "masked card/SSN/IBAN fragments are not labelled")
    last4 = digits(rng, 4)
    d.add("Explain to a customer, in two sentences, why we only show partial numbers:\n\nCard: ", ("-masked", f"•••• •••• •••• {last4}"),
          "\nAlso shown as ", ("-masked", f"XXXX-XXXX-XXXX-{last4}"), "\nUS SSN on file: ", ("-masked", f"***-**-{digits(rng, 4)}"),
          "\nIBAN: ", ("-masked", f"GB** NWBK **** **** {digits(rng, 2)}{digits(rng, 2)} {digits(rng, 2)}"), "\nNHS no.: ",
          ("-masked", f"*** *** {digits(rng, 4)}"), f"\nStatement period: 1–28 February 2026.")
    return d


def a_luhn(rng):
    d = free(PC, "luhn_invalid_cards", "en-US", "all card-shaped numbers fail the Luhn check")
    cards = [bad_card(rng, b) for b in rng.sample(["visa", "mc5", "mc2", "amex", "discover", "jcb"], 4)]
    d.add("My checkout form rejects these as invalid. Are they really wrong, or is my Luhn code buggy?\n\n")
    for i, c in enumerate(cards):
        d.add(f"{i + 1}. ", ("-luhn", fmt_card(c, rng.choice(["space", "dash", "compact"]))), "\n")
    d.add("Here is my function:\n```python\ndef luhn(n):\n    s = 0\n    for i, ch in enumerate(reversed(n)):\n        d = int(ch) * (2 if i % 2 else 1)\n"
          "        s += d - 9 if d > 9 else d\n    return s % 10 == 0\n```")
    return d


def a_iban_invalid(rng):
    loc = rng.choice(["en-GB", "es-ES", "sv", "cs"])
    cc = {"en-GB": "GB", "es-ES": "ES", "sv": "SE", "cs": "CZ"}[loc]
    d = free(PC, "iban_invalid", loc, "IBAN-shaped values with a wrong mod-97 check are not IBAN_CODE")
    b1, b2 = bad_iban(rng, cc), bad_iban(rng, rng.choice(["DE", "FR", "NL"]))
    intro = {"en-GB": "Our payment import rejected these two IBANs. Which check fails and why?\n\n",
             "es-ES": "La importación de remesas rechaza estos dos IBAN. ¿Qué comprobación falla?\n\n",
             "sv": "Vår betalfil avvisar dessa två IBAN. Vilken kontroll misslyckas?\n\n",
             "cs": "Import plateb odmítl tyto dva IBAN. Který kontrolní součet nesedí?\n\n"}[loc]
    d.add(intro, ("-iban", g4(b1)), "\n", ("-iban", b2), "\n\nBIC: ", ("-other", rng.choice(["DEUTDEFF", "BNPAFRPP", "INGBNL2A", "NWBKGB2L"])))
    return d


def a_nhs_invalid(rng):
    d = free(PC, "nhs_invalid", "en-GB", "10-digit values with a wrong NHS mod-11 check digit are not UK_NHS")
    b1, b2 = bad_nhs(rng), bad_nhs(rng)
    d.add("The demographics lookup rejected these as 'invalid NHS number'. Show the mod-11 working for each:\n\n",
          ("-nhs", nhs_fmt(b1, "space")), "\n", ("-nhs", nhs_fmt(b2, "compact")))
    return d


def a_ssn_invalid(rng):
    d = free(PC, "ssn_invalid_ranges", "en-US", "SSN-shaped values in never-issued ranges are not US_SSN")
    vals = sorted(bad_ssn(rng, k) for k in rng.sample(["000", "666", "9xx", "g00", "s0000"], 4))
    d.add("For our test fixtures we only use SSNs that can never be issued. Confirm each of these is impossible and say why:\n\n")
    for v in vals:
        d.add("- ", ("-ssn", v), "\n")
    return d


def a_bic_aba(rng):
    d = free(PN, "bic_routing_lookup", "en-US", "ABA routing numbers and BIC codes identify banks, not people")
    r1, r2 = rng.sample(ABA, 2)
    d.add(f"Which banks do these belong to? Routing (ABA) {r1}, {r2}; SWIFT/BIC CHASUS33, DEUTDEFF, "
          f"{rng.choice(['BOFAUS3N', 'HSBCGB2L', 'AIBKIE2D', 'BBVAESMM'])}. Fedwire cut-off is 6:00 PM ET.")
    return d


def a_loopback(rng):
    d = free(PL, "loopback_netmask", "en-US", "loopback, unspecified and netmask addresses are not IP_ADDRESS")
    d.add("Why can't my container reach Postgres? The app connects to ", ("-ip_special", "127.0.0.1"), ":5432, docker-compose binds ",
          ("-ip_special", "0.0.0.0"), ":5432, the interface has netmask ", ("-ip_special", "255.255.255.0"), " and `ping ",
          ("-ip_special", "::1"), "` works. Using Postgres 16.2 and Docker 25.0.3.")
    return d


def a_recipe(rng):
    loc = rng.choice(["en-GB", "es-MX"])
    d = free(PN, "recipe_quantities", loc, "quantities, temperatures and durations")
    if loc == "en-GB":
        d.add(f"Scale this recipe from 4 to {rng.choice([6, 10, 12])} servings:\n\n250 g plain flour, 2 large eggs, 300 ml milk, 1 tbsp oil. "
              "Rest 30 min; cook 2 min per side at 200 °C (gas mark 6). Serves 4; 312 kcal per portion.")
    else:
        d.add(f"Convierte a tazas: 500 g de masa de maíz, 1,5 L de caldo, 3 chiles guajillo; cocer 45 min a 180 °C. Rinde {rng.randint(20, 30)} tamales.")
    return d


def a_quake(rng):
    d = free(PD, "earthquake_report", "en-US", "seismic event time is a public event timestamp; coordinates are LOCATION")
    day = rand_date(rng, 2025, 2026)
    d.add(f"Summarize for a news brief: M{rng.randint(50, 72) / 10} earthquake, {day.isoformat()} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} UTC, "
          f"depth {rng.randint(5, 80)} km, epicentre {rng.randint(30, 40)}.{rng.randint(100, 999)}°N {rng.randint(130, 143)}.{rng.randint(100, 999)}°E; "
          f"{rng.randint(2, 40)} aftershocks above M4 in the first 24 h. Tsunami advisory lifted at {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} local time.")
    return d


def a_standards(rng):
    d = free(PN, "standards_citation", "en-US", "section numbers such as 4.2.1.3 are IPv4-shaped but not addresses")
    sec = f"{rng.randint(2, 9)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}"
    d.add(f"Which of these standards matter for a SaaS logging product? RFC 9110 (June 2022), RFC 5424 (March 2009), ISO 8601-1:2019, "
          f"ISO/IEC 27001:2022, SOC 2 Type II, NIST SP 800-53 Rev. 5. Our auditor cited section ", ("-version", sec),
          " of the 2022 control set.")
    return d


def a_syslog(rng):
    d = free(PL, "service_log_no_users", "en-US", "log timestamps are system times; request ids are UUIDs; build 4-part number is a version")
    build = f"{rng.randint(2, 5)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(100, 250)}"
    lines = []
    t = dt.datetime(2026, 3, 2, 8, 14, 7)
    d.add("Why does the job slow down over time?\n\n")
    for i in range(4):
        t += dt.timedelta(seconds=rng.randint(30, 400))
        d.add(f"{t.isoformat()}.{rng.randint(100, 999)}Z INFO scheduler job=nightly-compaction req=", ("-uuid", uuid4(rng)),
              f" took={rng.randint(200, 3000)}ms heap={rng.randint(200, 900)}MiB\n")
    d.add(f"{(t + dt.timedelta(seconds=5)).isoformat()}Z WARN gc pause 1.8s build=", ("-version", build), " pid=", str(rng.randint(1000, 40000)))
    return d


def a_k8s(rng):
    d = free(PL, "k8s_manifest_refs", "en-US", "secretKeyRef / ${VAR} references and image digests are not secrets")
    d.add("Review this Deployment for best practices:\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: billing-api\nspec:\n"
          f"  replicas: {rng.randint(2, 6)}\n  template:\n    spec:\n      containers:\n      - name: api\n        image: registry/billing-api@sha256:", ("-hash", hexs(rng, 64)),
          "\n        ports: [{containerPort: 8080}]\n        env:\n        - name: DB_PASSWORD\n          valueFrom: {secretKeyRef: {name: billing-db, key: password}}\n"
          "        - name: API_TOKEN\n          value: ", ("-placeholder", "${API_TOKEN}"), "\n        resources: {limits: {cpu: 500m, memory: 512Mi}}\n```")
    return d


def a_chess(rng):
    d = free(PD, "chess_pgn_public", "en-US", "date of a famous public game")
    d.add('Annotate the first 10 moves of this game:\n\n[Event "IBM Man-Machine, New York"]\n[Date "1997.05.11"]\n[Round "6"]\n'
          '[White "Deep Blue"]\n[Black "Kasparov, Garry"]\n[Result "1-0"]\n\n1. e4 c6 2. d4 d5 3. Nc3 dxe4 4. Nxe4 Nd7 5. Ng5 Ngf6 6. Bd3 e6 7. N1f3 h6 8. Nxe6 Qe7 9. O-O fxe6 10. Bg6+ Kd8')
    return d


def a_exam_timetable(rng):
    d = free(PD, "exam_timetable_public", "en-IN", "board exam dates are a public schedule")
    start = rand_date(rng, 2026, 2026, 2, 3)
    d.add(f"Make a revision plan around this board-exam timetable:\n\nClass 12 exams begin {fd(start, 'uk_long')}.\n"
          f"Physics: {fd(start + dt.timedelta(days=4), 'uk_wd')}, 10:30 AM–1:30 PM\nChemistry: {fd(start + dt.timedelta(days=9), 'uk_wd')}, 10:30 AM–1:30 PM\n"
          f"Mathematics: {fd(start + dt.timedelta(days=15), 'uk_wd')}, 10:30 AM–1:30 PM\nReporting time 9:45 AM; admit cards from the school office.")
    return d


def a_pay_calendar(rng):
    d = free(PD, "company_pay_calendar", "en-US", "a company-wide pay calendar is not tied to an individual")
    first = dt.date(2026, 1, 9)
    dates = [first + dt.timedelta(days=14 * i) for i in range(rng.randint(4, 6))]
    d.add("Turn our 2026 biweekly pay calendar into an .ics description:\n\nPay dates: " + ", ".join(fd(x, "us_short") for x in dates) +
          ".\nTimesheets lock Wednesday 5:00 PM before each pay date. Holiday: if a pay date falls on a bank holiday, pay the business day before.")
    return d


def a_tax_deadlines(rng):
    loc = rng.choice(["en-US", "en-GB", "en-AU"])
    d = free(PD, "tax_deadlines_public", loc, "statutory filing deadlines and tax years are public/fiscal dates")
    if loc == "en-US":
        d.add("Make a checklist: federal returns for tax year 2025 are due April 15, 2026; extension (Form 4868) moves it to October 15, 2026; "
              "Q1 2026 estimated tax is due April 15, 2026 and Q2 on June 15, 2026. W-2s must be furnished by February 2, 2026.")
    elif loc == "en-GB":
        d.add("Make a checklist: the 2025–26 tax year ends 5 April 2026. Paper Self Assessment returns are due 31 October 2026, online "
              "returns 31 January 2027. P60s must be issued by 31 May 2026; P11D by 6 July 2026.")
    else:
        d.add("Make a checklist: the 2025–26 income year ends 30 June 2026. Individual returns lodged yourself are due 31 October 2026; "
              "Q4 BAS is due 28 July 2026.")
    return d


def a_shopping_festival(rng):
    loc = rng.choice(["zh", "ko", "vi"])
    d = free(PD, "shopping_festival_public", loc, "sale-event dates are public; order/product/coupon codes are not IDs")
    if loc == "zh":
        d.add(f"帮我写一段电商活动预告：双11预售于2026年10月20日20:00开始，尾款支付时间为11月1日0:00至11月3日23:59，满300减{rng.choice([30, 40, 50])}，"
              f"订单号格式为DD2026{digits(rng, 10)}，活动编号ACT-{rng.randint(1000, 9999)}。")
    elif loc == "ko":
        d.add(f"행사 공지 문구를 다듬어 줘: 블랙프라이데이 세일은 2026년 11월 27일 0시부터 11월 30일 23시 59분까지이며, 쿠폰 코드 BF{rng.randint(2026, 2026)}-"
              f"{alnum(rng, 6, string.ascii_uppercase)}는 1인 1회 사용 가능합니다. 상품 번호 {rng.randint(10000000, 99999999)}.")
    else:
        d.add(f"Viết lại thông báo khuyến mãi: Ngày hội mua sắm 12.12 diễn ra từ 0 giờ ngày 12/12/2026 đến 23 giờ 59 ngày 14/12/2026; "
              f"mã giảm giá SALE{rng.randint(10, 99)} giảm 20%, đơn tối thiểu 299.000 đ. Mã sản phẩm SP-{rng.randint(100000, 999999)}.")
    return d


def a_leaflet(rng):
    loc = rng.choice(["sv", "cs"])
    d = free(PN, "medication_leaflet", loc, "dosage, batch number and product expiry are not personal")
    if loc == "sv":
        d.add(f"Förenkla texten för en äldre läsare: Vuxna: 1–2 tabletter à 500 mg högst 4 gånger per dygn, minst 4 timmar mellan doserna. "
              f"Max 8 tabletter per dygn. Batch {rng.randint(10, 99)}B{rng.randint(100, 999)}, Utg.dat. 2027-0{rng.randint(1, 9)}. Förvaras under 25 °C.")
    else:
        d.add(f"Zjednoduš pro seniora: Dospělí 1 tableta 400 mg nejvýše 3× denně, odstup alespoň 6 hodin. Šarže {rng.randint(10, 99)}C{rng.randint(100, 999)}, "
              f"použitelné do 0{rng.randint(1, 9)}/2027. Uchovávejte při teplotě do 25 °C.")
    return d


def a_history_id_news(rng):
    d = free(PD, "news_item_public", rng.choice(["id", "vi"]), "news dates are public events")
    day = rand_date(rng, 2026, 2026, 1, 3)
    if d.locale == "id":
        d.add(f"Ringkas berita ini dalam dua kalimat: Pemerintah menetapkan Pemilu serentak berikutnya, sementara libur nasional dan cuti bersama "
              f"Idulfitri 2026 ditetapkan mulai {fd(day, 'id')}. Harga BBM nonsubsidi naik Rp{rng.randint(100, 900)} per liter mulai pukul 00.00 "
              f"WIB, {fd(day + dt.timedelta(days=3), 'id_wd')}. Inflasi tahunan {rng.randint(1, 5)},{rng.randint(0, 9)} persen.")
    else:
        d.add(f"Tóm tắt tin này trong hai câu: Giá xăng RON95 giảm {rng.randint(100, 900)} đồng/lít từ 15 giờ ngày {fd(day, 'vi')}. "
              f"Chỉ số VN-Index đóng cửa ở mức 1.{rng.randint(100, 350)},{rng.randint(10, 99)} điểm; lạm phát tháng {day.month} là {rng.randint(2, 4)},{rng.randint(0, 9)}%.")
    return d


def a_invalid_btc(rng):
    d = free(PC, "btc_checksum_invalid", "en-US", "base58 strings whose checksum fails are not CRYPTO; a tx hash is a hash")
    bad = bad_btc(rng)
    d.add("My wallet says this address is invalid — is it a typo? ", ("-btc", bad), "\nThe block explorer shows my last transaction hash as ",
          ("-hash", hexs(rng, 64)), f" with {rng.randint(2, 30)} confirmations.")
    return d


def a_sports_tr_id(rng):
    loc = rng.choice(["tr", "id", "ar"])
    d = free(PD, "sports_results_public", loc, "match dates are public")
    day = rand_date(rng, 2026, 2026, 2, 5)
    if loc == "tr":
        d.add(f"Kısa bir maç özeti yaz: Galatasaray {rng.randint(0, 4)}-{rng.randint(0, 3)} Fenerbahçe, {fd(day, 'tr')}, saat 20.00, RAMS Park; "
              "seyirci " + f"{rng.randint(40000, 52000):,}".replace(",", ".") + f". Rövanş {fd(day + dt.timedelta(days=7), 'tr')}'da.")
    elif loc == "id":
        d.add(f"Tulis ringkasan singkat: Persija {rng.randint(0, 4)}-{rng.randint(0, 3)} Persib, {fd(day, 'id_wd')}, pukul 19.00 WIB di Jakarta International "
              f"Stadium; penonton {rng.randint(30000, 60000)}. Laga berikutnya {fd(day + dt.timedelta(days=5), 'id')}.")
    else:
        d.add(f"اكتب ملخصاً قصيراً: فاز الهلال على النصر {rng.randint(1, 4)}-{rng.randint(0, 1)} في {fd(day, 'ar')} الساعة 21:00، وبلغ عدد الحضور "
              f"{rng.randint(40000, 60000)} متفرج. المباراة القادمة في {fd(day + dt.timedelta(days=6), 'ar')}.")
    return d


def a_seats_rooms(rng):
    d = free(PN, "seat_room_numbers", "en-US", "seat, room and gate numbers in a venue FAQ")
    d.add(f"Answer this venue FAQ concisely: accessible seating is in sections 101–104, rows A–C, seats 1–8; the press box is Room {rng.randint(300, 399)}; "
          f"lost property is at Gate {rng.randint(1, 12)}, Suite {rng.randint(100, 200)}B. Doors open 90 minutes before kick-off; "
          f"capacity {rng.randint(40, 80)},{rng.randint(100, 999)}.")
    return d


FREE_TEMPLATES = [
    (a_match_report, 2), (a_fixtures_es, 2), (a_fixtures_br, 2), (a_earnings, 2), (a_eol, 2), (a_launch_zh, 2),
    (a_statute_eu, 1), (a_statute_us, 1), (a_statute_es, 2), (a_statute_br, 1), (a_statute_tr, 1), (a_cfp, 2),
    (a_history, 5), (a_weather, 3), (a_holidays, 3), (a_train, 2), (a_bus_cz, 2), (a_ktx, 2), (a_opening_hours, 2),
    (a_changelog, 2), (a_cron, 1), (a_biblio, 2), (a_cas, 2), (a_gps, 1), (a_crypto_market, 2), (a_inventory, 2),
    (a_tracking, 2), (a_invoice_b2b, 2), (a_departures, 2), (a_conf_rooms, 2), (a_lab_reference, 1), (a_vignette, 2),
    (a_stats, 2), (a_zip, 1), (a_versions, 2), (a_oids, 1), (a_hashes, 2), (a_base64, 1), (a_placeholders, 3),
    (a_masked, 3), (a_luhn, 3), (a_iban_invalid, 3), (a_nhs_invalid, 3), (a_ssn_invalid, 3), (a_bic_aba, 2),
    (a_loopback, 2), (a_recipe, 2), (a_quake, 2), (a_standards, 2), (a_syslog, 2), (a_k8s, 2), (a_chess, 1),
    (a_exam_timetable, 1), (a_pay_calendar, 2), (a_tax_deadlines, 2), (a_shopping_festival, 2), (a_leaflet, 2),
    (a_history_id_news, 2), (a_invalid_btc, 2), (a_sports_tr_id, 2), (a_seats_rooms, 1),
]


# =============================================================================== B. personal positives
E, PH, CC, IB, SSN, PP, DL, BK = ("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "US_PASSPORT",
                                  "US_DRIVER_LICENSE", "US_BANK_NUMBER")
IP, MAC, URL, DT, MRN, HP, CR, NHS, SEC = ("IP_ADDRESS", "MAC_ADDRESS", "URL", "DATE_TIME", "MEDICAL_RECORD_NUMBER",
                                           "HEALTH_PLAN_ID", "CRYPTO", "UK_NHS", "SECRET")
PDOC, PLOC = "personal_documents_en", "personal_locales"


def pos(cat, tmpl, loc, note=None):
    return Doc(cat, tmpl, loc, False, note)


def dob_young(rng):
    return rand_date(rng, 2001, 2008)


def b_genealogy(rng):
    loc = rng.choice(["en-IE", "en-US"])
    d = pos(PDOC, "genealogy_notes", loc, "births, baptisms, marriages and deaths of individuals are personal dates (labelled); "
            "'c. 1874' and emigration year are years alone (not labelled)")
    st = "uk_long" if loc == "en-IE" else "us_long"
    num = "uk_num" if loc == "en-IE" else "us_num"
    b1 = rand_date(rng, 1890, 1912)
    bap = b1 + dt.timedelta(days=rng.randint(2, 14))
    mar = rand_date(rng, b1.year + 19, b1.year + 27)
    son = rand_date(rng, mar.year + 1, mar.year + 8)
    sond = rand_date(rng, son.year + 55, min(son.year + 85, 2024))
    death = rand_date(rng, 1962, 1995)
    name, roman = person(rng, loc)
    d.add("Help me tidy these family-history notes into a timeline, oldest first:\n\n- Great-grandmother Bridget Byrne, born ", (DT, fd(b1, st)),
          ", Co. Wexford; baptised ", (DT, fd(bap, "uk_short" if loc == "en-IE" else "us_short")), " at St Aidan's.\n"
          "- Her mother, Mary Kinsella, born c. 1874 (census only).\n- Bridget married Thomas Doyle on ", (DT, fd(mar, st)),
          f"; they emigrated to Boston in {mar.year + 2}.\n- Bridget died ", (DT, fd(death, st)), "; buried Mount Jerome.\n- Their son Michael, b. ",
          (DT, fd(son, num)), ", d. ", (DT, fd(sond, num)), f".\n\nMy cousin {name} has the parish register scans — her e-mail is ",
          (E, email_for(rng, loc, roman)), " and mobile ", (PH, phone(rng, loc)), ".")
    return d


def b_rental_au(rng):
    d = pos(PDOC, "rental_listing_landlord", "en-AU", "property availability and open-inspection times are not tied to an individual (not labelled); "
            "landlord phone/e-mail and the listing URL are labelled")
    name, roman = person(rng, "en-AU")
    lid = safe_number(rng, 10)
    avail = rand_date(rng, 2026, 2026, 3, 8)
    insp = avail - dt.timedelta(days=rng.randint(5, 12))
    d.add(f"Rewrite this rental listing so it's under 80 words and sounds friendlier:\n\n2-bed apartment, Glebe NSW 2037. ${rng.randint(55, 95)}0/week, "
          f"bond 4 weeks. Available from {fd(avail, 'uk_long')}. Open for inspection {fd(insp, 'uk_wd')} 11:00–11:15. No pets. "
          f"Contact the owner, {name.split()[0]}, on ", (PH, phone(rng, "en-AU", rng.choice(["mob", "mob_intl"]))), " or ",
          (E, email_for(rng, "en-AU", roman)), ". Listing ID ", lid, ", photos at ",
          (URL, f"https://www.rentfinder.com.au/listing/glebe-nsw-2037-{lid}"), ".")
    return d


def b_realestate_ca(rng):
    d = pos(PDOC, "real_estate_agent_listing", "en-CA", "agent's office phone includes its extension; MLS number is a listing id (not labelled)")
    name, roman = person(rng, "en-CA")
    d.add(f"Write an Instagram caption for this listing:\n\nCharming 3-bed semi in Leslieville, Toronto — listed at ${rng.randint(1100, 1699) * 1000:,}. "
          f"MLS® E{safe_number(rng, 7)}. Open house Sat & Sun 2–4 pm. Call {name}, Sales Representative: ",
          (PH, ph_nanp(rng, CA_AREAS, "dash") + f" ext. {rng.randint(200, 299)}"), " (office) or ", (PH, ph_nanp(rng, CA_AREAS, "dot")),
          " (cell); e-mail ", (E, email_for(rng, "en-CA", roman, rng.choice(["royallepage.ca", "remax.net", "gmail.com"]))), ".")
    return d


def b_realestate_mx(rng):
    d = pos(PLOC, "real_estate_listing", "es-MX", "viewing hours are not personal; the seller's phones and e-mail are labelled")
    name, roman = person(rng, "es-MX")
    d.add(f"Mejora la redacción de este anuncio:\n\nSe vende casa en Zapopan, 3 recámaras, 2.5 baños, {rng.randint(160, 260)} m² de construcción, "
          f"${rng.randint(4, 9)}.{rng.randint(1, 9)} MDP. Visitas sábados de 10:00 a 14:00. Informes con {name}: ",
          (PH, phone(rng, "es-MX", "gdl_intl")), ", WhatsApp ", (PH, phone(rng, "es-MX", "cdmx")), ", correo ", (E, email_for(rng, "es-MX", roman)), ".")
    return d


def b_legal_intake(rng):
    d = pos(PDOC, "legal_intake_form", "en-US", "incident date/time and DOB are personal; DL labelled in licence context; claim number not labelled")
    name, roman = person(rng, "en-US")
    st = rng.choice(["CA", "NY", "FL", "IL", "TX"])
    inc = rand_date(rng, 2025, 2026, 1, 2)
    d.add(f"Summarize this intake form for the supervising attorney and flag missing items:\n\nCLIENT INTAKE — PERSONAL INJURY\nName: {name}\nDOB: ",
          (DT, fd(dob(rng), "us_num")), "\nPhone: ", (PH, phone(rng, "en-US")), "\nEmail: ", (E, email_for(rng, "en-US", roman)), "\nSSN: ",
          (SSN, make_ssn(rng)), f"\nDriver's license ({st}): ", (DL, make_dl(rng, st)), "\nDate/time of incident: ",
          (DT, fdt(inc, "us_num", rand_time(rng, 7, 20), "h12")), f"\nOther driver's insurer claim no.: {alnum(rng, 2, string.ascii_uppercase)}-{safe_number(rng, 9)}\n"
          "Statute of limitations: 2 years. Referred by: website form.")
    return d


def b_vet(rng):
    d = pos(PDOC, "veterinary_record", "en-IE", "vet patient number and microchip identify the animal (not labelled); the owner's visit "
            "and recheck appointments are labelled; vaccine batch/expiry not labelled")
    name, roman = person(rng, "en-IE")
    visit = future(rng)
    chip = "985" + safe_number(rng, 12, False)
    d.add(f"Turn this clinical note into a short, kind discharge letter for the owner:\n\nPatient: 'Biscuit', canine, Labrador, 7 y, patient no. "
          f"{safe_number(rng, 6)}\nMicrochip: {chip}\nOwner: {name}, ", (PH, phone(rng, "en-IE", rng.choice(["mob", "mob_intl"]))), ", ",
          (E, email_for(rng, "en-IE", roman)), "\nSeen ", (DT, fdt(visit, "uk_num", rand_time(rng), "h24")),
          ": lame left hind, grade 2/5; meloxicam 1.5 mg/mL, 0.1 mg/kg PO SID × 5 days.\nRecheck booked for ",
          (DT, fdt(visit + dt.timedelta(days=10), "uk_wd", rand_time(rng), "h24")), ".\nRabies vaccine batch "
          f"{rng.randint(100, 999)}A, valid until 2028.")
    return d


def b_gym(rng):
    d = pos(PDOC, "gym_membership_freeze", "en-GB", "joining date and freeze start date are personal transaction dates (labelled); membership number not labelled")
    name, roman = person(rng, "en-GB")
    j = rand_date(rng, 2023, 2025)
    fr = future(rng)
    d.add(f"Draft a reply to this e-mail from a member:\n\n\"Hi, I joined on ", (DT, fd(j, "uk_long")), f" (membership no. GM-{safe_number(rng, 7)}) "
          "and I'd like to freeze my membership from ", (DT, fd(fr, "uk_num")), " for three months while I'm working abroad. The direct debit comes from ",
          (IB, g4(make_iban(rng, "GB"))), f". Please call me on ", (PH, phone(rng, "en-GB")), f" if you need anything else. — {name}, ",
          (E, email_for(rng, "en-GB", roman)), "\"")
    return d


def b_airline_in(rng):
    d = pos(PDOC, "airline_rebooking_chat", "en-IN", "travel dates/times of the passenger are labelled; PNR, flight, seat and loyalty numbers are not")
    name, roman = person(rng, "en-IN")
    d1 = future(rng)
    d2 = d1 + dt.timedelta(days=1)
    t2 = rand_time(rng, 5, 22)
    pnr = alnum(rng, 6, string.ascii_uppercase + "23456789")
    d.add("Summarize this chat in 3 bullet points for the case log:\n\nAgent: Hi! How can I help today?\nCustomer: my flight AI 2931 BLR→DEL on ",
          (DT, fd(d1, "uk_long")), f" got cancelled. PNR {pnr}. Please move me to the next morning.\nAgent: Can you confirm the mobile number on the booking?\n"
          "Customer: ", (PH, phone(rng, "en-IN", rng.choice(["mob_intl", "mob_dash"]))), " — and the e-mail is ", (E, email_for(rng, "en-IN", roman)),
          ".\nAgent: Done. You're on 6E 2134 departing ", (DT, fdt(d2, "uk_short", t2, "h24", ", ")), f", seat {rng.randint(3, 30)}C. "
          f"Your Maharaja Club number {safe_number(rng, 9)} has been noted.\nCustomer: thanks!")
    return d


def b_airline_us(rng):
    d = pos(PDOC, "airline_loyalty_dispute", "en-US", "passport number in passport context; passport expiry and the flight date are personal dates")
    name, roman = person(rng, "en-US")
    fl = rand_date(rng, 2025, 2026, 1, 2)
    exp = rand_date(rng, 2027, 2035)
    d.add(f"Help me write a firm but polite e-mail:\n\nI flew on {rng.choice(['UA', 'DL', 'AA'])} {rng.randint(100, 2999)} on ", (DT, fd(fl, "us_long")),
          f" (confirmation {alnum(rng, 6, string.ascii_uppercase)}) but the miles never posted to my account, member number {safe_number(rng, 9)}. "
          "Please also update my travel profile: passport number ", (PP, make_passport(rng)), ", expiring ", (DT, fd(exp, "us_num")),
          ", date of birth ", (DT, fd(dob(rng), "us_num")), ", mobile ", (PH, phone(rng, "en-US")), ". — ", name)
    return d


def b_crypto_ticket(rng):
    d = pos(PDOC, "crypto_exchange_ticket", "en-GB", "ticket creation time is a system timestamp (not labelled); the user's withdrawal time is a personal transaction (labelled); txid is a hash")
    name, roman = person(rng, "en-GB")
    wd = rand_date(rng, 2026, 2026, 1, 2)
    addr = rng.choice([btc_bech32, btc_p2pkh, btc_p2sh, btc_taproot])(rng)
    d.add(f"Classify this support ticket and draft the first reply:\n\nTicket #{rng.randint(100000, 999999)} (opened 2026-02-19 10:04 UTC)\nSubject: Withdrawal not received\n\n"
          f"Hi, I withdrew 0.{rng.randint(10, 99)} BTC on ", (DT, fdt(wd, "uk_long", rand_time(rng, 0, 23), "h24", " at ")), " to ", (CR, addr),
          " but it's still pending. Txid ", ("-hash", hexs(rng, 64)), ". I also sent USDT (ERC-20) to ", (CR, eth_addr(rng)),
          ". My account e-mail is ", (E, email_for(rng, "en-GB", roman)), " and there was a login from ", (IP, ipv4_public(rng)),
          f" that wasn't me! Please freeze the account.\n{name}")
    return d


def b_telecom_es(rng):
    d = pos(PLOC, "telecom_bill", "es-ES", "billing period not labelled (fiscal period); the subscriber's sign-up date is labelled; Spanish IBAN (24) with valid national check digits")
    name, roman = person(rng, "es-ES")
    alta = rand_date(rng, 2019, 2024)
    d.add(f"Explícame por qué esta factura es 3,50 € más cara que la anterior:\n\nFactura nº FA26-{safe_number(rng, 8)}\nPeriodo de facturación: 1–31 de enero de 2026\n"
          f"Titular: {name}\nLínea móvil: ", (PH, phone(rng, "es-ES", rng.choice(["mob3", "mob2", "mob_intl"]))), "\nLínea fija: ",
          (PH, phone(rng, "es-ES", rng.choice(["mad", "mad_intl"]))), "\nDomiciliación: ", (IB, g4(make_iban(rng, "ES"))), "\nFecha de alta: ",
          (DT, fd(alta, "dmy")), "\nContacto: ", (E, email_for(rng, "es-ES", roman)), "\nConsumo: 12,4 GB; 184 min; roaming UE 0,00 €.")
    return d


def b_w2(rng):
    d = pos(PDOC, "w2_tax_form", "en-US", "employer EIN and control number are not personal identifiers (not labelled); tax year alone not a date")
    name, roman = person(rng, "en-US")
    d.add("Check this W-2 for typos before I file:\n\nForm W-2 Wage and Tax Statement 2025\na  Employee's social security number: ", (SSN, make_ssn(rng, rng.choice(["dash", "compact"]))),
          f"\nb  Employer identification number (EIN): {make_ein(rng)}\nc  Employer: Northwind Logistics LLC, Columbus OH\nd  Control number: {rng.randint(1000, 99999)}\n"
          f"e  Employee: {name}\n1  Wages, tips: {rng.randint(40000, 150000):,}.{rng.randint(10, 99)}   2  Federal income tax withheld: {rng.randint(4000, 25000):,}.00\n"
          "Questions? My cell is ", (PH, phone(rng, "en-US")), ".")
    return d


def b_1099(rng):
    d = pos(PDOC, "1099_int_form", "en-US", "recipient TIN is an SSN (labelled); account number in account context is US_BANK_NUMBER; payer TIN is an EIN (not labelled)")
    name, roman = person(rng, "en-US")
    d.add(f"Explain what each box means on this form:\n\n1099-INT (2025)\nPayer's TIN: {make_ein(rng)}\nRecipient's TIN: ", (SSN, make_ssn(rng, rng.choice(["dash", "space"]))),
          f"\nRecipient: {name}\nAccount number (see instructions): ", (BK, make_bank_account(rng)),
          f"\nBox 1 Interest income: ${rng.randint(10, 3000)}.{rng.randint(10, 99)}\nBox 4 Federal income tax withheld: $0.00\nFATCA filing requirement: no")
    return d


def b_p60(rng):
    d = pos(PDOC, "p60_correction_email", "en-GB", "tax year end is fiscal (not labelled); the employee's leaving dates are employment dates (labelled)")
    name, roman = person(rng, "en-GB")
    l1 = rand_date(rng, 2025, 2026, 1, 3)
    l2 = l1 + dt.timedelta(days=rng.randint(3, 30))
    d.add(f"Make this e-mail to payroll clearer:\n\nHi payroll, my P60 for the year to 5 April 2026 shows my leaving date as ", (DT, fd(l1, "uk_long")),
          " but I actually left on ", (DT, fd(l2, "uk_long")), ". Please send a corrected P60 to ", (E, email_for(rng, "en-GB", roman)),
          " or call me on ", (PH, phone(rng, "en-GB")), ". Any refund of overpaid tax can go to ", (IB, make_iban(rng, "GB")), f". Thanks, {name}")
    return d


def b_admissions_ie(rng):
    loc = rng.choice(["en-IE", "en-AU"])
    d = pos(PDOC, "university_admissions", loc, "applicant DOB and interview slot are labelled; the round's closing date applies to everyone (not labelled)")
    name, roman = person(rng, loc)
    iv = future(rng)
    d.add(f"Write a short confirmation e-mail to this applicant:\n\nApplication ref. {rng.choice(['CAO', 'UAC'])}-{safe_number(rng, 8)}\nApplicant: {name}\nDate of birth: ",
          (DT, fd(dob_young(rng), "uk_num")), "\nMobile: ", (PH, phone(rng, loc, "mob")), "\nE-mail: ", (E, email_for(rng, loc, roman)),
          "\nInterview: ", (DT, fdt(iv, "uk_wd_long", rand_time(rng, 9, 16), "h24", " at ")), " (online)\n"
          "Note: the change-of-mind round closes 1 July 2026 at 17:15 for all applicants.")
    return d


def b_admissions_kr(rng):
    d = pos(PLOC, "university_admissions", "ko", "applicant DOB and interview date+time (one span, Korean 오후 N시 form) are personal; the application deadline is a public schedule")
    name, roman = person(rng, "ko")
    iv = future(rng)
    d.add(f"입학 지원서 내용을 확인하고 안내 문자를 써 줘.\n\n지원자: {name}\n생년월일: ", (DT, fd(dob_young(rng), "ko")), "\n연락처: ", (PH, phone(rng, "ko", rng.choice(["mob", "mob_intl"]))),
          "\n이메일: ", (E, email_for(rng, "ko", roman)), "\n면접 일정: ", (DT, fd(iv, "ko") + " " + ft(rand_time(rng, 9, 17), "ko")),
          "\n원서 접수 마감은 2026년 1월 9일 18시입니다(전체 공지).")
    return d


def b_visa_vn(rng):
    d = pos(PDOC, "evisa_application", "en-US", "US passport number in passport context; passport issue/expiry and intended entry dates are personal")
    name, roman = person(rng, "en-US")
    ent = future(rng)
    iss = rand_date(rng, 2018, 2025)
    if (iss.month, iss.day) == (2, 29):
        iss -= dt.timedelta(days=1)
    d.add(f"Fill in my Vietnam e-visa answers in the order the form asks:\n\nFull name: {name}\nNationality: United States\nDate of birth: ", (DT, fd(dob(rng), "us_long")),
          "\nPassport number: ", (PP, make_passport(rng)), "\nPassport issued: ", (DT, fd(iss, "us_num")), " — expires: ",
          (DT, fd(iss.replace(year=iss.year + 10) - dt.timedelta(days=1), "us_num")), "\nIntended date of entry: ", (DT, fd(ent, "us_long")),
          ", via Tan Son Nhat (SGN)\nPhone: ", (PH, phone(rng, "en-US")), "\nEmail: ", (E, email_for(rng, "en-US", roman)),
          "\n(The e-visa allows stays of up to 90 days.)")
    return d


def b_visa_tr(rng):
    d = pos(PLOC, "evisa_application", "tr", "US passport number in passport context (Turkish form); birth and arrival dates are personal")
    name, roman = person(rng, "en-US")
    ent = future(rng)
    d.add(f"Bu e-Vize başvuru bilgilerini kontrol et:\n\nAd Soyad: {name}\nUyruk: ABD\nPasaport numarası: ", (PP, make_passport(rng)),
          "\nDoğum tarihi: ", (DT, fd(dob(rng), "dmy_dot")), "\nTürkiye'ye varış tarihi: ", (DT, fd(ent, "tr")), "\nTelefon: ",
          (PH, phone(rng, "en-US", "intl")), "\nE-posta: ", (E, email_for(rng, "en-US", roman)), "\nVize ücreti: 50 USD, geçerlilik 180 gün.")
    return d


def b_visa_in(rng):
    d = pos(PDOC, "evisa_application", "en-IN", "US passport in passport context; arrival date is travel (labelled); Indian hotel phone labelled")
    name, roman = person(rng, "en-US")
    arr = future(rng)
    d.add(f"Check my Indian e-Tourist Visa answers for mistakes:\n\nApplicant: {name}, US citizen\nPassport No.: ", (PP, make_passport(rng)),
          "\nDate of birth: ", (DT, fd(dob(rng), "dmy")), "\nExpected date of arrival: ", (DT, fd(arr, "dmy")), "\nPort of arrival: Mumbai (BOM)\n"
          "Address in India: Hotel Marine Plaza, Mumbai — phone ", (PH, phone(rng, "en-IN", "mum")), "\nApplicant's e-mail: ",
          (E, email_for(rng, "en-US", roman)), "\nReference in India: Kavya Reddy, ", (PH, phone(rng, "en-IN", "mob_intl")))
    return d


def b_payroll(rng):
    d = pos(PDOC, "payroll_correction", "en-US", "hire date and the specific off-cycle deposit date are labelled; pay period is fiscal; routing number and employee ID not labelled")
    name, roman = person(rng, "en-US")
    hire = rand_date(rng, 2025, 2026, 1, 1)
    dep = rand_date(rng, 2026, 2026, 2, 2)
    while dep.weekday() > 4:
        dep += dt.timedelta(days=1)
    d.add(f"Rewrite this so HR can act on it quickly:\n\nHi HR — I was hired on ", (DT, fd(hire, "us_long")),
          f" but my first paycheck (pay period Jan 16–31, 2026) was short by about 11 hours. Please deposit the difference into my checking account ",
          (BK, make_bank_account(rng)), f", routing {rng.choice(ABA)}. My employee ID is E{safe_number(rng, 6)}. If possible I'd like it by ",
          (DT, fd(dep, "us_wd")), ". You can reach me at ", (PH, ph_nanp(rng, US_AREAS, "paren") + f" x{rng.randint(1000, 4999)}"), ". Thanks, ", name)
    return d


def b_pharmacy_ca(rng):
    d = pos(PDOC, "pharmacy_refill_request", "en-CA", "Rx number not labelled (order-like); OHIP health card number is a health-plan ID; pickup time labelled")
    name, roman = person(rng, "en-CA")
    pk = future(rng)
    d.add(f"Write a short SMS confirming this refill:\n\nRefill request — Rx #{safe_number(rng, 7)} (atorvastatin 20 mg, 90 tabs)\nPatient: {name}\nDOB: ",
          (DT, fd(dob(rng), "iso")), "\nOHIP: ", (HP, make_ohip(rng), "ohip"), "\nPick-up: ", (DT, fdt(pk, "us_short", rand_time(rng, 9, 19), "h12l", " at ")),
          "\nPatient phone: ", (PH, phone(rng, "en-CA")), "\nPharmacy line: ", (PH, ph_nanp(rng, CA_AREAS, "dash") + f" ext. {rng.randint(1, 9)}"))
    return d


def b_pharmacy_us(rng):
    d = pos(PDOC, "pharmacy_refill_request", "en-US", "member ID is a health-plan ID; group number, BIN and PCN identify the plan (not labelled)")
    name, roman = person(rng, "en-US")
    d.add(f"Text my pharmacy for me, politely:\n\nPlease refill my metformin 500 mg (Rx {safe_number(rng, 7)}). I'm {name}, date of birth ", (DT, fd(dob(rng), "us_num_s")),
          ". Insurance member ID ", (HP, make_member_id(rng)), f", group {alnum(rng, 2, string.ascii_uppercase)}{digits(rng, 5)}, BIN 610014, PCN MEDDPRIME. "
          "Text me at ", (PH, phone(rng, "en-US")), " when it's ready.")
    return d


def b_dental_uk(rng):
    d = pos(PDOC, "dental_recall_letter", "en-GB", "dental practice patient number is an MRN; practice phone and e-mail labelled; opening hours not labelled")
    name, roman = person(rng, "en-GB")
    last = rand_date(rng, 2025, 2025, 4, 9)
    nxt = future(rng)
    d.add(f"Make this recall letter warmer and shorter:\n\nDear {name},\nOur records show your last check-up was on ", (DT, fd(last, "uk_long")),
          ". You are now due for your six-month recall, and we have reserved ", (DT, fdt(nxt, "uk_wd_long", rand_time(rng), "h24", " at ")),
          " for you.\nPatient no.: ", (MRN, make_mrn(rng)), "   NHS number: ", (NHS, nhs_fmt(make_nhs(rng), "space")),
          "\nPlease call ", (PH, phone(rng, "en-GB", rng.choice(["man", "lon"]))), " or e-mail ", (E, "reception@harbourdental.co.uk"),
          " to confirm. We are open Mon–Fri 08:30–17:30.")
    return d


def b_nhs_letter(rng):
    d = pos(PDOC, "hospital_appointment_letter", "en-GB", "hospital number in clinical context is an MRN; NHS number compact form")
    name, roman = person(rng, "en-GB")
    ap = future(rng)
    d.add(f"Summarise this letter for my dad in plain words:\n\nOutpatient appointment — Cardiology\nPatient: {name}\nHospital no.: ", (MRN, "RX" + digits(rng, 7)),
          "\nNHS no.: ", (NHS, make_nhs(rng)), "\nDate of birth: ", (DT, fd(dob(rng), "uk_num")), "\nAppointment: ",
          (DT, fdt(ap, "uk_wd_long", rand_time(rng), "h24", ", ")), ", Clinic 4B\nPlease arrive 15 minutes early. To rearrange, call ",
          (PH, phone(rng, "en-GB", "lon")), ". Parking is free for blue-badge holders.")
    return d


def b_eob(rng):
    d = pos(PDOC, "insurance_eob", "en-US", "member ID = HEALTH_PLAN_ID; provider patient account no. in clinical context = MRN; group and claim numbers not labelled; date of service labelled")
    name, roman = person(rng, "en-US")
    dos = rand_date(rng, 2025, 2026, 1, 2)
    billed = rng.randint(400, 4000)
    d.add(f"Explain this Explanation of Benefits: why do I owe money?\n\nMember: {name}\nMember ID: ", (HP, make_member_id(rng)),
          f"\nGroup no.: {safe_number(rng, 6)}   Claim no.: {safe_number(rng, 11)}\nProvider: Lakeside Orthopedics — patient account/MRN ", (MRN, make_mrn(rng)),
          "\nDate of service: ", (DT, fd(dos, "us_num")), f"\nBilled ${billed:,}.00 · Allowed ${billed * 0.5:,.2f} · Plan paid ${billed * 0.4:,.2f} · You owe ${billed * 0.1:,.2f}\n"
          "Questions? Call ", (PH, ph_tollfree(rng)), " (TTY 711).")
    return d


def b_background(rng):
    d = pos(PDOC, "background_check_report", "en-US", "SSN, DL (licence context), passport (passport context); report generation and search timestamps are system dates; hire date labelled")
    name, roman = person(rng, "en-US")
    st = rng.choice(["WA", "NJ", "PA", "CA", "FL"])
    hire = rand_date(rng, 2015, 2023)
    d.add(f"Summarize this background-check report in five bullets:\n\nSCREENING REPORT — generated 2026-02-11 09:14 UTC\nSubject: {name}\nDOB: ", (DT, fd(dob(rng), "us_num")),
          "\nSSN: ", (SSN, make_ssn(rng)), f" (issued in {rng.choice(['OH', 'TX', 'NY', 'GA'])}, verified)\nDriver's license: {st} ", (DL, make_dl(rng, st)),
          ", status VALID\nUS passport: ", (PP, make_passport(rng)), "\nPhone: ", (PH, phone(rng, "en-US")), "   Email: ", (E, email_for(rng, "en-US", roman)),
          "\nEmployment: Contoso Health, hired ", (DT, fd(hire, "us_short")), ", verified by HR\nCounty criminal search (searched 2026-02-10): no records found.")
    return d


def b_referral(rng):
    d = pos(PDOC, "hospital_referral", "en-US", "MRN, Medicare MBI and Medicaid ID; admission date+time as one span")
    name, roman = person(rng, "en-US")
    adm = rand_date(rng, 2026, 2026, 1, 2)
    st = rng.choice(["NY", "CA"])
    d.add(f"Draft a referral summary for the skilled nursing facility:\n\nPatient: {name}, 81 y\nMRN: ", (MRN, make_mrn(rng)), "\nMedicare MBI: ",
          (HP, make_mbi(rng, rng.random() < 0.5), "mbi"), f"\n{STATE_NAMES[st]} Medicaid ID: ", (HP, make_medicaid(rng, st)), "\nAdmitted: ",
          (DT, fdt(adm, "us_num", rand_time(rng, 0, 23), "h24")), "  Discharged: ", (DT, fd(adm + dt.timedelta(days=rng.randint(3, 9)), "us_num")),
          "\nDx: community-acquired pneumonia, resolved; PT 5×/week.\nCase manager: ", (PH, ph_nanp(rng, US_AREAS, "dash") + f" ext {rng.randint(2000, 2999)}"))
    return d


def b_school(rng):
    d = pos(PDOC, "school_enrolment", "en-US", "child's Medicaid ID is a health-plan ID; child DOB labelled; school year dates not")
    name, roman = person(rng, "en-US")
    d.add(f"Check this kindergarten enrolment form is complete:\n\nChild: Leo {name.split()[-1]}\nDOB: ", (DT, fd(rand_date(rng, 2020, 2021), "us_long")),
          "\nParent/guardian: ", name, "\nParent phone: ", (PH, phone(rng, "en-US")), "\nParent email: ", (E, email_for(rng, "en-US", roman)),
          "\nHealth coverage: Medicaid, ID ", (HP, make_medicaid(rng, "NY")), "\nPediatrician: Dr. Osei, ", (PH, phone(rng, "en-US", "dash")),
          "\nFirst day of school for all students: September 9, 2026.")
    return d


def b_car_rental(rng):
    d = pos(PDOC, "car_rental_booking", "en-US", "DL in licence context; pickup/return date+time as one span each; card labelled")
    name, roman = person(rng, "en-US")
    st = rng.choice(["CA", "TX", "IL", "NY"])
    pu = future(rng)
    d.add(f"Confirm this rental in a short e-mail:\n\nDriver: {name}, DOB ", (DT, fd(dob(rng), "us_num")), f"\nDriver's license: ", (DL, make_dl(rng, st)),
          f" ({STATE_NAMES[st]})\nPick-up: ", (DT, fdt(pu, "us_wd3", rand_time(rng, 8, 18), "h12", ", ")), ", SFO\nReturn: ",
          (DT, fdt(pu + dt.timedelta(days=rng.randint(2, 9)), "us_wd3", rand_time(rng, 8, 18), "h12", ", ")), "\nCard on file: ",
          (CC, fmt_card(make_card(rng, "amex"))), "\nMobile: ", (PH, phone(rng, "en-US")), f"\nReservation {alnum(rng, 9, string.ascii_uppercase + string.digits)}")
    return d


def b_hotel_ar(rng):
    d = pos(PLOC, "hotel_booking_confirmation", "ar", "arrival/departure dates are personal travel dates; booking number and hotel-wide check-in time not labelled; Saudi IBAN (24)")
    name, roman = person(rng, "ar")
    ci = future(rng)
    d.add(f"اكتب رسالة تأكيد قصيرة للنزيل:\n\nتأكيد الحجز رقم {safe_number(rng, 8)}\nالاسم: {name}\nالجوال: ", (PH, phone(rng, "ar", rng.choice(["sa", "sa_intl"]))),
          "\nالبريد الإلكتروني: ", (E, email_for(rng, "ar", roman)), "\nتاريخ الوصول: ", (DT, fd(ci, "ar")), "\nتاريخ المغادرة: ",
          (DT, fd(ci + dt.timedelta(days=rng.randint(1, 6)), "ar")), "\nالدفع بالتحويل إلى الآيبان: ", (IB, make_iban(rng, "SA")),
          "\nوقت تسجيل الدخول للجميع: 15:00.")
    return d


def b_transfer_ae(rng):
    d = pos(PDOC, "bank_transfer_instruction", "en-AE", "beneficiary IBAN (AE, 23 chars) and the personal transfer date are labelled")
    name, roman = person(rng, "ar")
    td = future(rng)
    d.add(f"Draft a payment instruction to my bank:\n\nPlease transfer AED {rng.randint(2, 40)},{rng.randint(100, 999)}.00 to my brother-in-law, IBAN ",
          (IB, g4(make_iban(rng, "AE"))), f" (Emirates NBD, SWIFT EBILAEAD), on ", (DT, fd(td, "uk_long")), ". His mobile is ", (PH, phone(rng, "ar", "ae_intl")),
          ". Debit my account ending 4471. Purpose: family support.")
    return d


def b_ecommerce_tr(rng):
    d = pos(PLOC, "ecommerce_complaint", "tr", "order date is a personal transaction (labelled); the Turkish case suffix after the apostrophe ('da) is outside the span")
    name, roman = person(rng, "tr")
    od = rand_date(rng, 2026, 2026, 1, 2)
    suf = "'da"   # 2026 = "iki bin yirmi altı" -> 'da
    d.add(f"Bu şikâyeti daha resmî bir dille yeniden yaz:\n\nMerhaba, ", (DT, fd(od, "tr")), suf, f" verdiğim sipariş (no: {safe_number(rng, 10)}) hâlâ gelmedi. "
          "Ödeme ", (CC, fmt_card(make_card(rng, rng.choice(["visa", "mc5", "mc2"])))), " numaralı kartımdan çekildi. İade için IBAN: ",
          (IB, g4(make_iban(rng, "TR"))), ". Telefon: ", (PH, phone(rng, "tr", rng.choice(["mob", "mob_intl"]))), ", e-posta: ",
          (E, email_for(rng, "tr", roman)), f". {name}")
    return d


def b_transfer_id(rng):
    d = pos(PLOC, "rent_transfer_confirmation", "id", "date + 'pukul' + time is one DATE_TIME span; the time-zone word (WIB) is outside it")
    name, roman = person(rng, "id")
    td = rand_date(rng, 2026, 2026, 1, 3)
    d.add(f"Tolong buatkan pesan konfirmasi yang sopan:\n\nSaya {name} sudah mentransfer uang sewa kos bulan ini pada ",
          (DT, fdt(td, "id", rand_time(rng, 7, 21), "dot", " pukul ")), " WIB. Kalau ada kendala hubungi ", (PH, phone(rng, "id", rng.choice(["mob", "mob_intl", "mob_sp"]))),
          " atau e-mail ", (E, email_for(rng, "id", roman)), ". Untuk deposit saya bayar dengan kartu kredit ", (CC, fmt_card(make_card(rng, "visa"))), ".")
    return d


def b_clinic_vi(rng):
    d = pos(PLOC, "clinic_booking", "vi", "time + 'ngày' + date is one DATE_TIME span; DOB labelled")
    name, roman = person(rng, "vi")
    ap = future(rng)
    t = rand_time(rng, 7, 16)
    d.add(f"Viết tin nhắn xác nhận lịch hẹn:\n\nHọ tên: {name}\nNgày sinh: ", (DT, fd(dob(rng), "vi")), "\nSĐT: ", (PH, phone(rng, "vi", rng.choice(["mob", "mob_intl"]))),
          "\nEmail: ", (E, email_for(rng, "vi", roman)), "\nLịch hẹn: ", (DT, ft(t, "h24") + " ngày " + fd(ap, "vi")),
          "\nPhòng khám mở cửa từ 7:00 đến 17:00, Thứ Hai đến Thứ Bảy.")
    return d


def b_dentist_se(rng):
    d = pos(PLOC, "dental_booking", "sv", "weekday + date + 'kl.' + time is one DATE_TIME span; Swedish IBAN (24)")
    name, roman = person(rng, "sv")
    ap = future(rng)
    d.add(f"Skriv ett kort bekräftelse-sms:\n\nPatient: {name}\nTid: ", (DT, fd(ap, "sv_wd") + " kl. " + ft(rand_time(rng), "dot")), "\nTelefon: ",
          (PH, phone(rng, "sv", rng.choice(["mob", "mob_intl"]))), "\nE-post: ", (E, email_for(rng, "sv", roman)), "\nFakturan betalas till IBAN ",
          (IB, g4(make_iban(rng, "SE"))), ". Avbokning senast 24 timmar innan, annars debiteras 450 kr.")
    return d


def b_eshop_cz(rng):
    d = pos(PLOC, "eshop_return", "cs", "order date is a personal transaction (labelled); order number not labelled; Czech IBAN (24)")
    name, roman = person(rng, "cs")
    od = rand_date(rng, 2026, 2026, 1, 2)
    d.add(f"Přepiš tuto reklamaci zdvořileji:\n\nDobrý den, reklamuji objednávku č. {safe_number(rng, 9)} ze dne ", (DT, fd(od, rng.choice(["cs", "cs_num"]))),
          ". Sluchátka nefungují. Peníze prosím vraťte na účet ", (IB, g4(make_iban(rng, "CZ"))), ". Kontakt: ", (PH, phone(rng, "cs", rng.choice(["mob_intl", "mob"]))),
          ", ", (E, email_for(rng, "cs", roman)), f". S pozdravem, {name}")
    return d


def b_clinic_br(rng):
    d = pos(PLOC, "clinic_appointment", "pt-BR", "prontuário number = MRN; health-plan card (carteirinha do convênio) = HEALTH_PLAN_ID; date + 'às' + time = one span")
    name, roman = person(rng, "pt-BR")
    ap = future(rng)
    d.add(f"Escreva uma mensagem de confirmação de consulta:\n\nPaciente: {name}\nData de nascimento: ", (DT, fd(dob(rng), "dmy")),
          "\nProntuário nº ", (MRN, safe_number(rng, 7)), "\nCarteirinha do convênio: ", (HP, f"{digits(rng, 1)} {digits(rng, 3)} {digits(rng, 6)} {digits(rng, 4)} {digits(rng, 1)}"),
          "\nConsulta: ", (DT, fdt(ap, "dmy", rand_time(rng), "pt", " às ")), "\nTelefone: ", (PH, phone(rng, "pt-BR", rng.choice(["mob", "mob_intl"]))),
          "\nE-mail: ", (E, email_for(rng, "pt-BR", roman)), "\nChegar com 15 minutos de antecedência.")
    return d


def b_pix_br(rng):
    d = pos(PLOC, "international_transfer", "pt-BR", "Brazilian IBAN (29); a random Pix key is a UUID (not labelled)")
    name, roman = person(rng, "pt-BR")
    d.add(f"Traduza para o inglês este pedido de transferência:\n\nFavorecido: {name}\nIBAN: ", (IB, g4(make_iban(rng, "BR"))),
          "\nSWIFT: BRASBRRJBHE\nCelular: ", (PH, phone(rng, "pt-BR", "mob_intl")), "\nE-mail: ", (E, email_for(rng, "pt-BR", roman)),
          "\nChave Pix (aleatória): ", ("-uuid", uuid4(rng)), "\nValor: US$ 1.250,00. Finalidade: pagamento de aluguel.")
    return d


def b_clinic_mx(rng):
    d = pos(PLOC, "clinic_record", "es-MX", "expediente clínico = MRN; medical-expenses policy number = HEALTH_PLAN_ID; date + 'a las' + time = one span")
    name, roman = person(rng, "es-MX")
    ap = future(rng)
    d.add(f"Redacta un recordatorio de cita por WhatsApp:\n\nPaciente: {name}\nExpediente clínico: ", (MRN, "EXP-" + safe_number(rng, 6)),
          "\nFecha de nacimiento: ", (DT, fd(dob(rng), "es")), "\nPóliza de gastos médicos mayores: ", (HP, f"{alnum(rng, 2, string.ascii_uppercase)}{safe_number(rng, 8)}"),
          "\nCita: ", (DT, fdt(ap, "es", rand_time(rng), "h24s", " a las ")), "\nTel.: ", (PH, phone(rng, "es-MX")), "\nCorreo: ", (E, email_for(rng, "es-MX", roman)))
    return d


def b_telecom_zh(rng):
    d = pos(PLOC, "telecom_complaint", "zh", "the date the person's line was suspended is personal (labelled); UnionPay card passes Luhn; ticket number not labelled; values glued to CJK text")
    name, roman = person(rng, "zh")
    sd = rand_date(rng, 2026, 2026, 1, 2)
    d.add(f"帮我写一封投诉信，语气正式：\n\n我叫{name}，手机号", (PH, phone(rng, "zh", rng.choice(["mob344", "mob_compact", "mob_intl"]))), "于",
          (DT, fd(sd, "zh")), "被无故停机。套餐每月自动从我的银联卡", (CC, fmt_card(make_card(rng, "unionpay"), rng.choice(["space", "compact"]))),
          "扣费，从未欠费。请回复到邮箱", (E, email_for(rng, "zh", roman)), "，谢谢。客服工单号：GD", safe_number(rng, 12), "。")
    return d


def b_delivery_kr(rng):
    d = pos(PLOC, "delivery_change_request", "ko", "requested delivery date is personal (labelled); order number not labelled")
    name, roman = person(rng, "ko")
    dd = future(rng)
    d.add(f"배송지 변경 요청 문자를 정중하게 다듬어 줘:\n\n주문번호 {safe_number(rng, 12)}\n받는 분: {name}\n연락처: ", (PH, phone(rng, "ko", "mob")),
          "\n이메일: ", (E, email_for(rng, "ko", roman)), "\n희망 배송일: ", (DT, fd(dd, "ko")), "\n결제 카드(", (CC, fmt_card(make_card(rng, rng.choice(["visa", "mc5", "jcb"])), "dash")),
          ") 부분 취소도 부탁드립니다.")
    return d


def b_gp_ie(rng):
    d = pos(PDOC, "gp_appointment_refund", "en-IE", "Irish IBAN (22) and appointment date/time labelled; practice phone labelled")
    name, roman = person(rng, "en-IE")
    ap = future(rng)
    d.add(f"Make this message to the GP practice shorter:\n\nHi, it's {name}. I need to cancel my appointment on ", (DT, fdt(ap, "uk_wd", rand_time(rng), "h24", " at ")),
          " — could you refund the €60 deposit to ", (IB, g4(make_iban(rng, "IE"))), "? My number is ", (PH, phone(rng, "en-IE", rng.choice(["mob", "mob_intl"]))),
          " and e-mail ", (E, email_for(rng, "en-IE", roman)), ". I rang the surgery on ", (PH, phone(rng, "en-IE", rng.choice(["dub", "cork"]))), " but nobody answered.")
    return d


def b_au_medicare(rng):
    d = pos(PDOC, "medicare_claim_au", "en-AU", "Australian Medicare card number (check digit valid) is a health-plan ID; the IRN is not part of the span")
    name, roman = person(rng, "en-AU")
    sv = rand_date(rng, 2026, 2026, 1, 2)
    d.add(f"Help me fill in this Medicare claim:\n\nClaimant: {name}\nMedicare card: ", (HP, make_au_medicare(rng), "au_medicare"), f"  IRN {rng.randint(1, 5)}\n"
          "Date of birth: ", (DT, fd(dob(rng), "uk_num")), "\nDate of service: ", (DT, fd(sv, "uk_num")), "\nPhone: ", (PH, phone(rng, "en-AU", "mob")),
          "\nE-mail: ", (E, email_for(rng, "en-AU", roman)), f"\nItem {rng.choice([23, 36, 721])}, fee ${rng.randint(40, 120)}.{rng.randint(10, 95)}; refund to my nominated account.")
    return d


def b_kyc_in(rng):
    d = pos(PDOC, "kyc_update", "en-IN", "Indian mobile and landline formats; DOB; card labelled")
    name, roman = person(rng, "en-IN")
    d.add(f"Reply to this KYC update e-mail from a customer:\n\nDear team, please update my details. Name: {name}. Mobile: ", (PH, phone(rng, "en-IN", rng.choice(["mob", "mob_intl"]))),
          ", alternate: ", (PH, phone(rng, "en-IN", rng.choice(["mum", "blr_intl"]))), ". E-mail: ", (E, email_for(rng, "en-IN", roman)), ". Date of birth: ",
          (DT, fd(dob(rng), "dmy_dash")), ". Auto-debit card: ", (CC, fmt_card(make_card(rng, rng.choice(["visa", "mc5"])))), ". Customer ID ", safe_number(rng, 9), ".")
    return d


def b_onboarding_ca(rng):
    d = pos(PDOC, "hr_onboarding", "en-CA", "start date and DOB are personal; emergency contact phone labelled")
    name, roman = person(rng, "en-CA")
    sd = future(rng)
    d.add(f"Create an onboarding checklist from this:\n\nNew hire: {name}\nStart date: ", (DT, fd(sd, "us_long")), "\nDate of birth: ", (DT, fd(dob(rng), "iso")),
          "\nPersonal e-mail: ", (E, email_for(rng, "en-CA", roman)), "\nCell: ", (PH, phone(rng, "en-CA")), "\nEmergency contact: spouse, ",
          (PH, phone(rng, "en-CA", "intl")), "\nDirect deposit form received. Laptop to be shipped to home address.")
    return d


def b_helpdesk(rng):
    d = pos(PDOC, "it_helpdesk_ticket", "en-US", "temporary password value is a SECRET; ticket timestamp is a system time; asset tag not labelled")
    name, roman = person(rng, "en-US")
    d.add(f"Write the resolution note for this ticket:\n\nINC{safe_number(rng, 7)} — opened 2026-03-03 08:02 by {name} (", (E, email_for(rng, "en-US", roman, "contoso-health.com")),
          f")\nLaptop asset tag CH-{rng.randint(10000, 99999)}, Wi-Fi MAC ", (MAC, make_mac(rng)), ", last seen at ", (IP, ipv4_private(rng)), " on the VPN (",
          (IP, ipv4_public(rng)), ").\nUser locked out; I reset the password to ", (SEC, make_password(rng)), " and told them to change it at next sign-in. "
          "Callback number ", (PH, ph_nanp(rng, US_AREAS, "dash") + f" ext. {rng.randint(100, 999)}"), ".")
    return d


def b_crypto_tax(rng):
    d = pos(PDOC, "crypto_tax_question", "en-AU", "wallet addresses are CRYPTO; the user's buy/sell dates are personal transactions; financial year is fiscal")
    name, roman = person(rng, "en-AU")
    b = rand_date(rng, 2023, 2024)
    s = rand_date(rng, 2025, 2025, 7, 12)
    d.add("How do I report this for the 2025–26 financial year?\n\nI bought 0.8 BTC on ", (DT, fd(b, "uk_long")), " into my wallet ",
          (CR, rng.choice([btc_bech32, btc_p2pkh])(rng)), ", moved it to ", (CR, btc_p2sh(rng)), " and sold half on ", (DT, fd(s, "uk_long")),
          f" for A${rng.randint(30, 80)},{rng.randint(100, 999)}. My ETH is at ", (CR, eth_addr(rng)), ". Accountant wants it by e-mail: ", (E, email_for(rng, "en-AU", roman)), ".")
    return d


def b_bank_ie_uk(rng):
    loc = rng.choice(["en-GB", "en-IE"])
    d = pos(PDOC, "landlord_deposit_return", loc, "compact and grouped IBANs in the same text; move-out date is personal")
    name, roman = person(rng, loc)
    cc = "GB" if loc == "en-GB" else "IE"
    ib = make_iban(rng, cc)
    mo = rand_date(rng, 2026, 2026, 1, 2)
    d.add(f"Write a firm reminder to my landlord:\n\nI moved out on ", (DT, fd(mo, "uk_long")), " and my deposit still hasn't been returned. Please pay it to ",
          (IB, ib), " (that's ", (IB, g4(ib)), " if your banking app wants spaces). You can reach me on ", (PH, phone(rng, loc)), ". — ", name)
    return d


def b_direct_deposit(rng):
    d = pos(PDOC, "direct_deposit_form", "en-US", "checking and savings account numbers in account context are US_BANK_NUMBER; ABA routing numbers are not labelled; "
            "the date the split takes effect for this employee is personal")
    name, roman = person(rng, "en-US")
    r1, r2 = rng.sample(ABA, 2)
    eff = rand_date(rng, 2026, 2026, 2, 4)
    d.add(f"Fill in the direct-deposit form from this e-mail and list anything missing:\n\nHi payroll, please split my pay: 80 % to checking account ",
          (BK, make_bank_account(rng)), f" (routing {r1}) and the rest to savings acct. no. ", (BK, make_bank_account(rng)), f" at a different bank, ABA {r2}. "
          "Start with the paycheck on ", (DT, fd(eff, "us_long")), ". My SSN is ", (SSN, make_ssn(rng)), " if you need to match the record. — ", name, ", ",
          (PH, phone(rng, "en-US")))
    return d


PERSONAL_TEMPLATES = [
    (b_direct_deposit, 3),
    (b_genealogy, 3), (b_rental_au, 2), (b_realestate_ca, 2), (b_realestate_mx, 2), (b_legal_intake, 3), (b_vet, 2), (b_gym, 2),
    (b_airline_in, 2), (b_airline_us, 2), (b_crypto_ticket, 3), (b_telecom_es, 2), (b_w2, 2), (b_1099, 3), (b_p60, 2),
    (b_admissions_ie, 2), (b_admissions_kr, 2), (b_visa_vn, 2), (b_visa_tr, 2), (b_visa_in, 2), (b_payroll, 3), (b_pharmacy_ca, 2),
    (b_pharmacy_us, 2), (b_dental_uk, 2), (b_nhs_letter, 3), (b_eob, 2), (b_background, 3), (b_referral, 3), (b_school, 2),
    (b_car_rental, 3), (b_hotel_ar, 3), (b_transfer_ae, 2), (b_ecommerce_tr, 3), (b_transfer_id, 3), (b_clinic_vi, 3),
    (b_dentist_se, 3), (b_eshop_cz, 3), (b_clinic_br, 3), (b_pix_br, 2), (b_clinic_mx, 3), (b_telecom_zh, 3), (b_delivery_kr, 3),
    (b_gp_ie, 2), (b_au_medicare, 3), (b_kyc_in, 2), (b_onboarding_ca, 2), (b_helpdesk, 3), (b_crypto_tax, 2), (b_bank_ie_uk, 2),
]


# =============================================================================== C. tricky surface forms
SF = "surface_forms"


def c_codefence_json(rng):
    loc = rng.choice(["en-US", "en-GB"])
    d = pos(SF, "markdown_json_fence", loc, "values inside JSON string literals: quotes are outside the spans; signup_ts is a system timestamp")
    name, roman = person(rng, loc)
    d.add("Why does this payload fail our JSON-schema check?\n\n```json\n{\n  \"customer\": {\n    \"name\": \"", name, "\",\n    \"email\": \"",
          (E, email_for(rng, loc, roman)), "\",\n    \"phone\": \"", (PH, phone(rng, loc)), "\",\n    \"last_login_ip\": \"", (IP, rng.choice([ipv4_public, ipv6_global])(rng)),
          "\",\n    \"signup_ts\": \"2025-11-02T09:41:17Z\"\n  },\n  \"order\": \"A-", safe_number(rng, 8), "\",\n  \"items\": 3\n}\n```")
    return d


def c_latex_table(rng):
    d = pos(SF, "latex_participant_table", "en-GB", "LaTeX-escaped underscore (\\_) inside an e-mail is part of the span; \\texttt{} braces are outside")
    rows = []
    d.add("Fix the alignment in this LaTeX table (don't change the data):\n\n\\begin{tabular}{lll}\n\\hline\nParticipant & E-mail & Phone \\\\\n\\hline\n")
    for i in range(3):
        loc = rng.choice(["en-GB", "en-IE", "sv", "cs"])
        name, roman = person(rng, loc)
        first, last = roman.split(" ", 1)
        if i == 0:
            em = f"{first}\\_{last}@{rng.choice(['ucl.ac.uk', 'tcd.ie', 'kth.se', 'cuni.cz'])}"
        else:
            em = email_for(rng, loc, roman)
        d.add(f"P{i + 1:02d} & \\texttt{{", (E, em), "} & ", (PH, phone(rng, loc, None)), " \\\\\n")
    d.add("\\hline\n\\end{tabular}\n")
    return d


def csv_field(d, label, val, quote):
    if quote:
        d.add('"', (label, val), '"')
    else:
        d.add((label, val))


def c_csv_quoted(rng):
    loc = rng.choice(["vi", "en-US", "pt-BR"])
    d = pos(SF, "csv_quoted_fields", loc, "quoted CSV fields with embedded commas and doubled quotes; quotes outside spans")
    d.add("Deduplicate this CSV by e-mail and keep the newest row:\n\nname,phone,email,dob,notes\n")
    for i in range(3):
        name, roman = person(rng, loc)
        last_first = ", ".join(reversed(name.split(" ", 1))) if loc != "vi" else name.replace(" ", ", ", 1)
        d.add(f'"{last_first}",')
        csv_field(d, PH, phone(rng, loc), True)
        d.add(",")
        csv_field(d, E, email_for(rng, loc, roman), rng.random() < 0.5)
        d.add(",")
        csv_field(d, DT, fd(dob(rng), "dmy" if loc != "en-US" else "us_num"), False)
        d.add(',"' + rng.choice(['prefers ""text only""', "VIP, call after 6", "moved, new address pending", ""]) + '"\n')
    return d


def c_html_email(rng):
    loc = rng.choice(["en-GB", "en-IE", "es-ES"])
    d = pos(SF, "html_email_body", loc, "mailto: scheme outside the e-mail span; &#64;-escaped e-mail is one span; a value right after &nbsp; starts after the entity")
    name, roman = person(rng, loc)
    em = email_for(rng, loc, roman)
    local, dom = em.split("@")
    cc = {"en-GB": "GB", "en-IE": "IE", "es-ES": "ES"}[loc]
    d.add("Convert this HTML e-mail to plain text:\n\n<html><body><p>Hi team,</p><p>Please update my details: phone <b>", (PH, phone(rng, loc)),
          "</b>, e-mail <a href=\"mailto:", (E, em), "\">", (E, em), "</a>.</p><p>My new IBAN is&nbsp;", (IB, g4(make_iban(rng, cc))),
          ".</p><p>Backup address: ", (E, f"{local}&#64;{rng.choice(DOMAINS[loc])}"), "</p><p>Kind regards,<br>", name, "<br>Tel.&nbsp;",
          (PH, phone(rng, loc)), "</p></body></html>")
    return d


def c_urlencoded(rng):
    d = pos(SF, "urlencoded_form_body", "pt-BR", "URL-encoded surface forms (%40, %2B, + for space, %2F) are the spans; the endpoint URL is labelled")
    name, roman = person(rng, "pt-BR")
    em = email_for(rng, "pt-BR", roman).replace("@", "%40")
    ph = phone(rng, "pt-BR", "mob_intl").replace("+", "%2B").replace(" ", "+")
    dd = dob(rng)
    card = make_card(rng, rng.choice(["visa", "mc5", "mc2"]))
    d.add("This signup request returns 422. What's wrong with the body?\n\ncurl -X POST ", (URL, "https://api.lojaexemplo.com.br/v1/signup"),
          " \\\n  -H 'Content-Type: application/x-www-form-urlencoded' \\\n  -d 'full_name=" + name.replace(" ", "+") + "&email=", (E, em),
          "&phone=", (PH, ph), "&dob=", (DT, f"{dd.day:02d}%2F{dd.month:02d}%2F{dd.year}"), "&card_number=", (CC, card), "&accept_terms=on'")
    return d


def c_kv_logs(rng):
    d = pos(SF, "key_value_log_lines", "en-US", "key=value logs: log timestamps not labelled; values after '=' are spans")
    d.add("Which of these auth events look like credential stuffing?\n\n")
    t = dt.datetime(2026, 3, 2, 10, 22, 1)
    for i in range(4):
        t += dt.timedelta(seconds=rng.randint(1, 40))
        loc = rng.choice(["en-US", "en-GB", "tr", "id"])
        name, roman = person(rng, loc)
        d.add(f"ts={t.isoformat()}Z level={rng.choice(['warn', 'info'])} svc=auth user_email=", (E, email_for(rng, loc, roman)), " src_ip=",
              (IP, ipv4_public(rng) if i % 2 == 0 else ipv6_global(rng)))
        if i == 1:
            d.add(" device_mac=", (MAC, make_mac(rng, "colon")))
        if i == 2:
            d.add(" mfa_phone=", (PH, phone(rng, loc, "mob_intl" if loc != "en-US" else "intl").replace(" ", "").replace("-", "")))
        d.add(f" msg=\"login failed\" attempt={rng.randint(1, 9)}\n")
    return d


def c_json_escaped(rng):
    loc = rng.choice(["en-US", "en-CA"])
    d = pos(SF, "json_escaped_strings", loc, "JSON escapes kept in the surface form: \\u0040 inside the e-mail span, \\/ inside the URL span")
    name, roman = person(rng, loc)
    em = email_for(rng, loc, roman)
    local, dom = em.split("@")
    user = roman.split()[0]
    d.add('Extract the customer\'s request from this webhook payload:\n\n{"ticket":"T-', safe_number(rng, 6), '","created":"2026-02-27T16:03:44Z","body":"Hi,\\nplease call me on ',
          (PH, phone(rng, loc)), " or write to ", (E, f"{local}\\u0040{dom}"), ".\\nMy portfolio: ", (URL, f"https:\\/\\/www.{user}{rng.randint(10, 99)}.design\\/work\\/2025"),
          '\\nThanks!","channel":"email"}')
    return d


def c_yaml_config(rng):
    d = pos(SF, "yaml_config_secrets", "en-US", "quoted password: quotes outside the SECRET span; a connection URI with credentials is one SECRET span (it contains no separate IP span)")
    pw = make_password(rng)
    pw2 = alnum(rng, 16)
    dbh = ipv4_private(rng)
    d.add("Review this config before I commit it:\n\n```yaml\ndatabase:\n  host: ", (IP, dbh), "\n  port: 5432\n  user: orders_rw\n  password: \"", (SEC, pw),
          "\"\n  replica_url: ", (SEC, f"postgresql://orders_ro:{pw2}@{ipv4_private(rng)}:5432/orders"), "\nsmtp:\n  from: \"", (E, "no-reply@orders.acme-shop.io"),
          "\"\n  api_key: ", (SEC, sendgrid_key(rng)), "\nlogging:\n  level: info\n  retention: 30d\n```")
    return d


def c_start_end(rng):
    loc = rng.choice(["en-GB", "en-AU", "en-US"])
    d = pos(SF, "values_at_text_edges", loc, "the text starts with an e-mail and ends with a phone number (no trailing punctuation)")
    name, roman = person(rng, loc)
    d.add((E, email_for(rng, loc, roman)), " — please add this address to the allow-list and call me back about it on ", (PH, phone(rng, loc)))
    return d


def c_start_iban(rng):
    cases = [("PT", "pt-BR"), ("SE", "sv"), ("CZ", "cs"), ("TR", "tr"), ("ES", "es-ES")]   # rotated so PT, SE, CZ all occur
    cc, loc = cases[c_start_iban.calls % len(cases)]
    c_start_iban.calls += 1
    d = pos(SF, "values_at_text_edges", "pt-PT" if cc == "PT" else loc, f"text starts with a compact {cc} IBAN and ends with a date")
    dd = future(rng)
    tail = {"sv": ("är kontot för hyran. Första betalning ", "sv"), "cs": ("je účet pro nájem. První platba ", "cs"),
            "pt-BR": ("é a conta para o aluguel em Lisboa. Primeiro pagamento em ", "pt"), "tr": ("kira hesabım. İlk ödeme ", "tr"),
            "es-ES": ("es la cuenta para el alquiler. Primer pago el ", "es")}[loc]
    d.add((IB, make_iban(rng, cc)), " " + tail[0], (DT, fd(dd, tail[1])))
    return d


c_start_iban.calls = 0


def c_glued_punct(rng):
    loc = rng.choice(["en-US", "en-GB", "en-IE"])
    d = pos(SF, "glued_punctuation", loc, "values glued to ':' ';' '|' '(' ')' with no spaces; the 'tel:' scheme is outside the phone span")
    name, roman = person(rng, loc)
    cc = {"en-US": "GB", "en-GB": "GB", "en-IE": "IE"}[loc]
    d.add("Parse this signature line into fields:\n\n", name, "|Contact:", (E, email_for(rng, loc, roman)), ";tel:", (PH, phone(rng, loc)),
          "|IBAN:", (IB, make_iban(rng, cc)), "|(backup:", (E, email_for(rng, loc, roman, "proton.me")), ")|web:", (URL, f"www.{roman.split()[1]}-studio.com/contact"))
    return d


def c_cjk_glued(rng):
    d = pos(SF, "cjk_glued_values", "zh", "values glued to CJK characters without spaces; date+time (下午N点) one span")
    name, roman = person(rng, "zh")
    ap = future(rng)
    d.add("把这段话改得更礼貌：\n\n请把发票寄到我的邮箱", (E, email_for(rng, "zh", roman)), "，或者打电话", (PH, phone(rng, "zh", "mob_compact")), "联系我，预约时间",
          (DT, fd(ap, "zh") + ft(rand_time(rng, 13, 17), "zh")), "。我是", name, "。")
    return d


def c_fullwidth(rng):
    d = pos(SF, "fullwidth_digits", "zh", "phone written in fullwidth digits; the span is the fullwidth surface form (NFKC gives a valid number)")
    name, roman = person(rng, "zh")
    ph = phone(rng, "zh", "mob_compact")
    fw = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in ph)
    d.add(f"帮我把这条留言整理成客户信息表：\n\n姓名：{name}　电话：", (PH, fw, "fullwidth_phone"), "　邮箱：", (E, email_for(rng, "zh", roman)), "　备注：周末联系。")
    return d


def c_arabic_digits(rng):
    d = pos(SF, "arabic_indic_digits", "ar", "phone written in Arabic-Indic digits is still a PHONE_NUMBER")
    name, roman = person(rng, "ar")
    ph = phone(rng, "ar", "sa")
    ai = "".join(chr(0x0660 + int(c)) if c.isdigit() else c for c in ph)
    d.add(f"لخص هذه الرسالة: مرحباً، أنا {name}، رقم جوالي ", (PH, ai), " وبريدي ", (E, email_for(rng, "ar", roman)), "، أرجو الاتصال بعد العصر.")
    return d


def c_lists(rng):
    d = pos(SF, "lists_same_type", "en-US", "several values of the same type in one list; each is its own span")
    d.add("Block these on the firewall and e-mail the owners:\n\nIPs: ")
    ips = [ipv4_public(rng), ipv4_public(rng), ipv6_global(rng), ipv4_private(rng)]
    for i, x in enumerate(ips):
        d.add((IP, x), ", " if i < len(ips) - 2 else (" and " if i == len(ips) - 2 else ""))
    d.add("\nOwners: ")
    for i in range(3):
        loc = rng.choice(["en-US", "en-GB", "sv", "cs"])
        name, roman = person(rng, loc)
        d.add((E, email_for(rng, loc, roman)), ", " if i == 0 else ("; " if i == 1 else ""))
    d.add("\nDevices: ", (MAC, make_mac(rng, "dash")), ", ", (MAC, make_mac(rng, "cisco")), ", ", (MAC, make_mac(rng, "colon_up")))
    return d


def c_cards_table(rng):
    d = pos(SF, "markdown_table_cards", "en-US", "Luhn-valid PANs labelled; masked and Luhn-invalid rows not labelled")
    d.add("Reconcile these charge attempts (Markdown table from our gateway export):\n\n| # | card | result |\n|---|---|---|\n")
    brands = rng.sample(["visa", "mc5", "mc2", "amex", "discover", "jcb"], 4)
    for i, b in enumerate(brands):
        d.add(f"| {i + 1} | ", (CC, fmt_card(make_card(rng, b), rng.choice(["space", "dash", "compact"]))), f" | {rng.choice(['approved', 'declined 05', 'declined 51'])} |\n")
    d.add("| 5 | ", ("-masked", f"**** **** **** {digits(rng, 4)}"), " | approved |\n| 6 | ", ("-luhn", fmt_card(bad_card(rng, "visa"))), " | invalid number |\n")
    return d


def c_personal_public_dates(rng):
    d = pos(SF, "personal_and_public_dates", "en-IE", "the same sentence mixes personal dates (labelled) and public holidays/events (not labelled), incl. the same day written twice")
    name, roman = person(rng, "en-IE")
    b = dob(rng)
    d.add("Proofread this message:\n\nHi, I was born on ", (DT, fd(b, "uk_long")), ", and my driving test is on ", (DT, "Tuesday 2 June 2026 at 09:40"),
          " — the day after the June bank holiday (Monday 1 June 2026). My dentist appointment on ", (DT, "17 March 2026"),
          " clashes with St Patrick's Day (17 March), so I'll move it. Text me on ", (PH, phone(rng, "en-IE", "mob")), ".")
    return d


def c_personal_public_us(rng):
    d = pos(SF, "personal_and_public_dates", "en-US", "personal surgery and follow-up dates labelled; federal holiday and product launch date not")
    sx = rand_date(rng, 2026, 2026, 6, 8)
    d.add("Reword for my manager: my knee surgery is scheduled for ", (DT, fd(sx, "us_long")), ", so I'll miss the July 4 holiday party and the launch on "
          "August 12, 2026. My follow-up is ", (DT, fdt(sx + dt.timedelta(days=14), "us_num", rand_time(rng), "h12", " at ")), ". I'll be reachable at ",
          (PH, phone(rng, "en-US")), ".")
    return d


def c_sql(rng):
    d = pos(SF, "sql_insert_patients", "en-GB", "SQL literals: quotes outside spans; MRN in a patients table (clinical context)")
    d.add("Rewrite this as a parameterised query:\n\n```sql\nINSERT INTO patients (mrn, nhs_no, dob, phone, email) VALUES\n")
    for i in range(2):
        name, roman = person(rng, "en-GB")
        d.add("  ('", (MRN, make_mrn(rng)), "', '", (NHS, make_nhs(rng)), "', '", (DT, fd(dob(rng), "iso")), "', '", (PH, phone(rng, "en-GB")), "', '",
              (E, email_for(rng, "en-GB", roman)), "')" + (",\n" if i == 0 else ";\n"))
    d.add("```")
    return d


def c_python_keys(rng):
    d = pos(SF, "python_hardcoded_keys", "en-US", "hard-coded credentials labelled; os.environ references not labelled; quotes outside spans")
    d.add("Refactor this to read credentials from the environment:\n\n```python\nimport boto3, stripe, os\n\ns3 = boto3.client(\"s3\", aws_access_key_id=\"", (SEC, aws_key_id(rng)),
          "\",\n                  aws_secret_access_key=\"", (SEC, aws_secret(rng)), "\")\nstripe.api_key = \"", (SEC, stripe_key(rng)),
          "\"\nSLACK_TOKEN = os.environ[\"SLACK_TOKEN\"]\nGH = \"", (SEC, rng.choice([gh_token, gh_pat])(rng)), "\"\n```")
    return d


def c_env_file(rng):
    d = pos(SF, "dotenv_file", "en-GB", "KEY=value lines: value spans only; ${VAR} reference and empty values not labelled")
    d.add("Which of these should never be committed?\n\n```\nOPENAI_API_KEY=", (SEC, openai_key(rng)), "\nGOOGLE_MAPS_KEY=", (SEC, google_key(rng)),
          "\nSLACK_BOT_TOKEN=", (SEC, slack_token(rng)), "\nDATABASE_URL=", (SEC, f"mysql://app:{alnum(rng, 14)}@db.internal:3306/shop"),
          "\nREDIS_PASSWORD=", ("-placeholder", "${REDIS_PASSWORD}"), "\nSENTRY_DSN=\nLOG_LEVEL=debug\n```")
    return d


def c_pem(rng):
    d = pos(SF, "pem_private_key", "en-US", "PEM block span covers the BEGIN and END lines")
    kind = rng.choice(["RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"])
    d.add("ssh says 'invalid format' for this key — what's wrong with it?\n\n", (SEC, make_pem(rng, kind, rng.choice([240, 384, 600])), "pem"),
          "\n\nI copied it from ", ("-other", "~/.ssh/id_deploy"), " on my laptop.")
    return d


def c_jwt(rng):
    d = pos(SF, "jwt_bearer_header", "en-US", "'Bearer ' prefix outside the JWT span; the API URL is labelled")
    name, roman = person(rng, "en-US")
    d.add("This request returns 401; is the token expired?\n\ncurl -s ", (URL, f"https://api.northwind-health.com/v2/patients/{safe_number(rng, 6)}/summary"),
          " \\\n  -H 'Authorization: Bearer ", (SEC, make_jwt(rng, roman.replace(" ", "."), {"role": "clinician"}), "jwt"), "' \\\n  -H 'Accept: application/json'")
    return d


def c_email_headers(rng):
    loc = rng.choice(["en-GB", "en-AU", "en-CA"])
    d = pos(SF, "email_headers_signature", loc, "Date: header is a message timestamp (not labelled); From/To addresses inside <> labelled; meeting slot labelled; phone with extension")
    name, roman = person(rng, loc)
    n2, r2 = person(rng, loc)
    mt = future(rng)
    d.add(f"Summarize this e-mail and propose a reply:\n\nFrom: {name} <", (E, email_for(rng, loc, roman, "fabrikam-legal.com")), f">\nTo: {n2} <",
          (E, email_for(rng, loc, r2)), ">\nDate: Tue, 3 Mar 2026 08:12:55 +0000\nSubject: Signing\n\nHi — can we meet on ", (DT, fdt(mt, "uk_wd", rand_time(rng), "h24", " at ")),
          " to sign the lease?\n\n--\n", name, "\nSenior Associate\nT ", (PH, (phone(rng, loc, "lon_intl") if loc == "en-GB" else phone(rng, loc)) + f" ext. {rng.randint(100, 999)}"),
          "\nM ", (PH, phone(rng, loc, "mob" if loc != "en-CA" else None)), "\n")
    return d


def c_ipv6_ports(rng):
    d = pos(SF, "ip_with_ports_brackets", "en-US", "brackets and :port are outside IP spans; loopback not labelled")
    v6 = ipv6_global(rng)
    v4 = ipv4_private(rng)
    d.add("Why does nginx fail to start with this upstream block?\n\n```\nupstream api {\n  server [", (IP, v6), "]:8443;\n  server ", (IP, v4), ":9000 backup;\n  server ",
          ("-ip_special", "127.0.0.1"), ":9001 down;\n}\n```\nThe client at ", (IP, ipv4_public(rng)), " gets 502.")
    return d


def c_docs_examples(rng):
    d = pos(SF, "docs_example_values", "en-US", "TAXONOMY exempts placeholders (YOUR_API_KEY) but not example.com addresses or 555 numbers: those are labelled as structurally real values")
    d.add("Proofread our API docs snippet:\n\n> To create a contact, POST a body such as\n> `{\"email\": \"", (E, "jane.doe@example.com"), "\", \"phone\": \"",
          (PH, f"+1-202-555-01{rng.randint(10, 99)}"), "\"}`\n> with the header `Authorization: Bearer ", ("-placeholder", "YOUR_API_KEY"),
          "`.\n> Questions: ", (E, "support@example.org"), ".")
    return d


def c_obfuscated(rng):
    loc = rng.choice(["en-US", "en-GB", "en-IN"])
    d = pos(SF, "obfuscated_emails", loc, "obfuscated e-mails ('dot'/'at', [at]/[dot]) are one span each")
    name, roman = person(rng, loc)
    first, last = roman.split(" ", 1)
    d.add("Make this forum post less spammy-looking but keep the contact details:\n\nSelling my road bike (54 cm, 2022). Reach me at ",
          (E, f"{first} dot {last} at gmail dot com"), " or ", (E, f"{first[0]}.{last}[at]proton[dot]me"), ". Serious offers only; no phone calls after 9 pm.")
    return d


def c_openai_messages(rng):
    loc = rng.choice(["en-GB", "es-ES", "tr"])
    d = pos(SF, "chat_api_messages_json", loc, "values inside an OpenAI-style messages array with \\n escapes")
    name, roman = person(rng, loc)
    cc = {"en-GB": "GB", "es-ES": "ES", "tr": "TR"}[loc]
    d.add('Count the tokens in this request body:\n\n{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a billing assistant."},'
          '{"role":"user","content":"My card ', (CC, fmt_card(make_card(rng, rng.choice(["visa", "mc2"])), "compact")), ' was charged twice.\\nRefund to ',
          (IB, make_iban(rng, cc)), '\\nCall ', (PH, phone(rng, loc)), '"}],"temperature":0}')
    return d


def c_tsv(rng):
    d = pos(SF, "tsv_export", "en-US", "tab-separated export; SSN and DOB columns; masked SSN row not labelled")
    d.add("Turn this TSV into a table and highlight missing fields:\n\nemployee_id\tssn\tdob\thire_date\tphone\n")
    for i in range(3):
        d.add(f"E{safe_number(rng, 5)}\t")
        if i == 2:
            d.add(("-masked", f"***-**-{digits(rng, 4)}"))
        else:
            d.add((SSN, make_ssn(rng)))
        d.add("\t", (DT, fd(dob(rng), "iso")), "\t", (DT, fd(rand_date(rng, 2015, 2025), "iso")), "\t")
        if i == 1:
            d.add("\n")
        else:
            d.add((PH, phone(rng, "en-US", "dash")), "\n")
    return d


def c_url_forms(rng):
    d = pos(SF, "url_variants", "en-GB", "URL spans exclude trailing sentence punctuation and enclosing parentheses; host+path without scheme is a URL")
    name, roman = person(rng, "en-GB")
    u = roman.split()[0]
    d.add("Check these links from the applicant's CV still work: (", (URL, f"https://www.linkedin.com/in/{u}-{roman.split()[1]}-{rng.randint(100, 999)}"), "), ",
          (URL, f"github.com/{u}{rng.randint(10, 99)}/thesis"), ", and ", (URL, f"http://{u}.blog/portfolio?year=2025"), ". Also her e-mail bounced: ",
          (E, email_for(rng, "en-GB", roman)), ".")
    return d


def c_mixed_lang_ids(rng):
    d = pos(SF, "mixed_script_record", "ko", "Korean record with ASCII values glued to Hangul particles (은/는/로); date+time one span")
    name, roman = person(rng, "ko")
    ap = future(rng)
    d.add(f"다음 메모를 정리해 줘: {name} 고객 이메일은", (E, email_for(rng, "ko", roman)), "이고 휴대폰은", (PH, phone(rng, "ko", "mob")), "로 연락 바람. 상담 예약 ",
          (DT, fd(ap, "ko") + " " + ft(rand_time(rng, 10, 17), "ko")), ". 환불 계좌는 추후 안내.")
    return d


SURFACE_TEMPLATES = [
    (c_codefence_json, 3), (c_latex_table, 2), (c_csv_quoted, 3), (c_html_email, 3), (c_urlencoded, 2), (c_kv_logs, 3), (c_json_escaped, 2),
    (c_yaml_config, 2), (c_start_end, 2), (c_start_iban, 3), (c_glued_punct, 2), (c_cjk_glued, 2), (c_fullwidth, 1), (c_arabic_digits, 1),
    (c_lists, 2), (c_cards_table, 2), (c_personal_public_dates, 1), (c_personal_public_us, 2), (c_sql, 2), (c_python_keys, 2),
    (c_env_file, 2), (c_pem, 2), (c_jwt, 2), (c_email_headers, 2), (c_ipv6_ports, 2), (c_docs_examples, 1), (c_obfuscated, 2),
    (c_openai_messages, 2), (c_tsv, 1), (c_url_forms, 1), (c_mixed_lang_ids, 1),
]


# =============================================================================== self-check
LINT_RE = [
    ("e-mail", re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")),
    ("url", re.compile(r"(?:https?://|ftp://|\bwww\.)")),
    ("host+path", re.compile(r"\b[a-z0-9\-]+\.(?:com|org|net|io|dev|uk|ie|au|br|cz|se|tr|id|vn|cn|kr|in|mx|es|blog|design)(?:\.[a-z]{2})?/")),
    ("mac", MAC_RE),
    ("jwt", re.compile(r"eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.")),
    ("secret prefix", re.compile(r"(?:AKIA[A-Z2-7]{16}|ghp_[A-Za-z0-9]{36}|github_pat_|sk_live_[A-Za-z0-9]{10,}|sk-proj-|xox[bpa]-\d|AIza[\w-]{35}|SG\.[\w-]{22}\.)")),
    ("pem", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
]


def lint_unlabelled(text, regions):
    """Look for values of a scored type in the text outside gold spans and recorded look-alikes."""
    chars = list(text)
    for s, e in regions:
        for i in range(s, e):
            chars[i] = "\u2588"
    t = "".join(chars)
    problems = []
    for name, rx in LINT_RE:
        for m in rx.finditer(t):
            problems.append(f"unlabelled {name}: {m.group(0)!r}")
    for m in re.finditer(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])", t):
        if ip_host_ok(m.group(0)):
            problems.append(f"unlabelled IPv4: {m.group(0)}")
    for m in re.finditer(r"(?<![\w:])[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?![\w:])", t):
        if ":" in m.group(0) and m.group(0).count(":") >= 2 and ip_host_ok(m.group(0)):
            problems.append(f"unlabelled IPv6: {m.group(0)}")
    for m in re.finditer(r"(?<!\d)\d(?:[ \-]?\d){12,18}(?!\d)", t):
        if is_card(m.group(0)):
            problems.append(f"unlabelled card: {m.group(0)}")
    for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b", t):
        if iban_ok(m.group(0)):
            problems.append(f"unlabelled IBAN: {m.group(0)}")
    for m in re.finditer(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)", t):
        if ssn_ok(m.group(0)):
            problems.append(f"unlabelled SSN: {m.group(0)}")
    nhs_rx = r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)" if "NHS" in text else r"(?<![\d ])\d{3} \d{3} \d{4}(?![\d])"
    for m in re.finditer(nhs_rx, t):
        if nhs_ok(m.group(0)):
            problems.append(f"unlabelled NHS-valid number: {m.group(0)}")
    return problems


def check_doc(doc, text):
    errs = []
    prev_end = -1
    spans = sorted(doc.spans, key=lambda s: (s[0], s[1]))
    if [s[:2] for s in spans] != [s[:2] for s in doc.spans]:
        errs.append("spans not appended in order")
    for s, e, lab, val, kind in spans:
        if not (0 <= s < e <= len(text)):
            errs.append(f"span out of bounds {s}-{e}")
            continue
        if s < prev_end:
            errs.append(f"overlap at {s}")
        prev_end = e
        if text[s:e] != val:
            errs.append(f"surface mismatch {text[s:e]!r} != {val!r}")
        if text[s].isspace() or text[e - 1].isspace():
            errs.append(f"span starts/ends on whitespace: {val!r}")
        if lab not in LABEL_SCOPE:
            errs.append(f"label outside scope {lab}")
        if not VALIDATORS[lab](val):
            errs.append(f"{lab} value fails validator: {val!r}")
        if kind and not KIND_VALIDATORS[kind](val):
            errs.append(f"{lab}/{kind} value fails validator: {val!r}")
    for s, e, kind, val in doc.negs:
        if text[s:e] != val:
            errs.append(f"look-alike surface mismatch {val!r}")
        if not NEG_CHECKS[kind](val):
            errs.append(f"look-alike {kind} unexpectedly valid or malformed: {val!r}")
        if any(s < se and ss < e for ss, se, *_ in doc.spans):
            errs.append(f"look-alike overlaps a gold span: {val!r}")
    if doc.expect_free and doc.spans:
        errs.append("pii-free template produced spans")
    if not doc.expect_free and not doc.spans:
        errs.append("personal template produced no spans")
    errs += lint_unlabelled(text, [(s, e) for s, e, *_ in doc.spans] + [(s, e) for s, e, *_ in doc.negs])
    return errs


# =============================================================================== main
def build(rng):
    docs = []
    for table in (FREE_TEMPLATES, PERSONAL_TEMPLATES, SURFACE_TEMPLATES):
        for fn, n in table:
            for _ in range(n):
                docs.append(fn(rng))
    rng.shuffle(docs)
    return docs


def main():
    rng = random.Random(SEED)
    docs = build(rng)
    rows, failures = [], []
    by_label, by_cat, by_loc, by_theme = Counter(), Counter(), Counter(), Counter()
    for i, doc in enumerate(docs, 1):
        rid = f"ch10-{i:04d}"
        text = doc.text
        errs = check_doc(doc, text)
        if errs:
            failures.append((rid, doc.template, errs))
        meta = {"category": doc.category, "template": doc.template, "locale": doc.locale, "pii_free": not doc.spans}
        if doc.note:
            meta["note"] = doc.note
        rows.append({"id": rid, "text": text,
                     "spans": [{"start": s, "end": e, "label": lab} for s, e, lab, _, _ in doc.spans],
                     "label_scope": list(LABEL_SCOPE), "meta": meta})
        for _, _, lab, _, _ in doc.spans:
            by_label[lab] += 1
        by_cat[doc.category] += 1
        by_loc[doc.locale] += 1
        by_theme["A pii-free" if doc.category.startswith("pii_free") else ("C surface" if doc.category == SF else "B personal")] += 1
    if failures:
        for rid, tmpl, errs in failures:
            for e in errs:
                print(f"SELF-CHECK FAIL {rid} [{tmpl}]: {e}", file=sys.stderr)
        sys.exit(1)
    # round-trip: what is written is what was checked
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(OUT, encoding="utf-8") as fh:
        back = [json.loads(l) for l in fh]
    assert back == rows
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    n_free = sum(r["meta"]["pii_free"] for r in rows)
    print(f"wrote {len(rows)} rows to {OUT}; self-check passed")
    print(f"pii_free rows: {n_free} ({n_free / len(rows):.0%}); gold spans: {sum(by_label.values())}")
    print("themes:", dict(sorted(by_theme.items())))
    print("per label:")
    for k, v in sorted(by_label.items(), key=lambda kv: -kv[1]):
        print(f"  {k:24s} {v}")
    print("per category:")
    for k, v in sorted(by_cat.items()):
        print(f"  {k:32s} {v}")
    print("per locale:", dict(sorted(by_loc.items())))


if __name__ == "__main__":
    main()
