#!/usr/bin/env python3
"""Build tests/data/challenge4.jsonl: a fourth hand-written challenge set for scrim's STRUCTURED labels,
written blind to the detector code (nothing under src/ or tests/*.rs was read) as a held-out check of
"other templates, other locales, tricky cases".

Emphasis (what challenge.jsonl / challenge2.jsonl / challenge3.jsonl have little of):
  * prompt shapes: git diffs and PR review comments, .env / docker-compose / k8s Secret manifests, Terraform
    and tfstate, curl with headers, Postman / HAR JSON, Jupyter cell output and tracebacks, SQL INSERT /
    UPDATE / psql output, header-less CSV, nginx / postfix / journald / sshd logs, Go / Java / Node / Django
    stack traces, Slack and Teams exports, WhatsApp exports, forwarded e-mail threads, PDF-extracted text
    with broken lines, OCR-ish spacing, Markdown tables, support tickets, insurance claims, SOAP notes,
    discharge summaries, lab reports, pharmacy labels, bank statements, HR onboarding forms, itineraries;
  * locales: French (FR, CA), Welsh, Italian, Swedish, Finnish, Ukrainian, Russian, Filipino / Taglish, Malay,
    Swahili (KE, TZ), Persian (Persian digits, Solar Hijri dates), Urdu (Extended Arabic-Indic digits),
    Bengali (Bengali digits), and English from IE, GB (Wales / Scotland / NI), AU, NZ, ZA, NG, KE, SG, US;
  * tricky positives and ~28 % PII-free hard negatives (see the section headers below).

Same inline markup as make_challenge.py, whose helpers (render / run / checksum generators) are imported
from beside this file, with an own seed (20251216) and more helpers: IBANs with the *national* check digits
of FR (clé RIB), IT (CIN) and FI (Luhn) computed, Iranian / Pakistani / Ukrainian IBANs, EIP-55 checksummed
Ethereum addresses (Keccak-256 implemented here and verified against known addresses), Australian Medicare
numbers (check digit), NPI numbers (Luhn with 80840 prefix, used as negatives), age keys (bech32),
OpenPGP private-key armour (CRC-24), many vendor token shapes. Every checksum-bearing value is computed,
never typed, and re-verified below. Phone numbers are validated with `phonenumbers` when importable
(`--strict-phones` makes that mandatory).

Conventions where TAXONOMY.md is silent (taken from the earlier generators where they had one):
  * PHONE_NUMBER: the span is the number incl. +CC, "(0)", parentheses and separators, and an extension
    written after it ("x204", "ext. 12", "poste 2207", "доб. 214"); prefixes such as "tel:", "sms:",
    "Tel.", "M", "Ph" are outside. Business / office numbers are labelled like personal ones.
  * DATE_TIME: weekday names belong to the date span ("Jumatatu, 7 Aprili 2025", "ti 14.4."), a trailing
    dot that is part of the date notation too ("14.4."); connective words before a time are outside
    ("at", "à", "alle ore", "kl.", "klo", "o", "в", "ng", "jam", "saa", "ساعت", "den"), era / year words
    after the year are outside ("р.", "г.", "року"), day-period words and o'clock words are inside
    ("9:20 AM", "10.30 pagi", "4:30 asubuhi", "সকাল ১০:৩০", "صبح ۱۰ بجے", "13 h 30"). A date directly
    followed by a time with only a space between is one span ("28.02.2025 14:32"). Personal transaction
    dates on statements are labelled (TAXONOMY lists "personal transaction"); e-mail / chat message
    header timestamps (Date: lines, "[04/03/2025 09:14]", WhatsApp stamps) are system timestamps and are
    not, as in challenge2's quoted-reply header. Card expiry and "discard after" month/years are not.
  * A value inside a URL is covered by the URL span (e.g. a wa.me link with a phone number); a URL that
    embeds a credential (user:password@, ?key=AIza..., SAS sig=, presigned X-Amz-Signature, a token in the
    fragment) is one SECRET span, as TAXONOMY says. Host-less request paths in logs are not URLs, so
    e-mails / phones in their query strings are labelled themselves (percent-encoded "%40" included).
  * SECRET: only the value ("Bearer", "Basic", "Token", "password=", quotes, Markdown "*" are outside);
    a key=value DSN ("host=... password=...") labels the password value only, a URL-style connection
    string is labelled whole; base64-encoded credential values in k8s Secret `data:` are SECRET, other
    base64 values there are not; account identifiers that are not credentials (AWS access-key *ID* is a
    credential per TAXONOMY, but Azure client_id / tenant UUIDs, Twilio SIDs, age *public* keys,
    certificates and PGP *public* blocks are not).
  * Values wrapped across a line break (PDF extraction) are one span that contains the newline (TAXONOMY
    forbids only leading/trailing whitespace; PEM blocks are multi-line spans too).
  * HEALTH_PLAN_ID also covers non-US public health-plan beneficiary numbers (Australian Medicare card
    number, Québec RAMQ health-insurance number); MEDICAL_RECORD_NUMBER covers hospital / unit-record
    numbers in any country (AU "UR No.", KE hospital numbers with slashes). Non-US bank-account, passport and
    licence numbers are deliberately NOT used anywhere (TAXONOMY's labels are US-only; see the report).
  * Well-known public resolvers (1.1.1.1, 8.8.4.4) are ordinary host addresses and labelled.

Usage: python3 tests/data/make_challenge4.py [--out tests/data/challenge4.jsonl] [--strict-phones]
"""
from __future__ import annotations

import base64
import os
import random
import re
import string
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_challenge as mc  # noqa: E402

mc.RNG = random.Random(20251216)
RNG = mc.RNG
B64URL, ALNUM = mc.B64URL, mc.ALNUM
HEX = "0123456789abcdef"

# ------------------------------------------------------------------ extra IBAN countries (ISO 13616)
mc.IBAN_LEN.update({"UA": 29, "PK": 24, "IR": 26})
mc.IBAN_BBAN.update({"UA": "n" * 6 + "c" * 19, "PK": "aaaa" + "c" * 16, "IR": "0" + "n" * 21})


# ------------------------------------------------------------------ generic helpers
def letter() -> str:
    return RNG.choice("ABCDEFGHJKLMNPRSTUVWXYZ")


def wrap(s: str, n: int) -> str:
    """Replace the n-th space (1-based) by a line break (PDF-extracted text)."""
    parts = s.split(" ")
    return " ".join(parts[:n]) + "\n" + " ".join(parts[n:])


def fa(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def bn(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))


def udigits(s: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in s if c.isdigit())


def _luhn_digit(body: str) -> str:
    for c in "0123456789":
        if _luhn(body + c):
            return c
    raise AssertionError


_luhn = mc.luhn_ok


# ------------------------------------------------------------------ IBANs with national check digits
def _bban(cc: str, prefix: str, numeric: bool) -> str:
    pat = mc.IBAN_BBAN[cc]
    for ch, p in zip(prefix, pat):
        ok = ch.isdigit() if p == "n" else (ch.isupper() and ch.isalpha()) if p == "a" else ch.isalnum() if p == "c" else ch == p
        assert ok, (cc, prefix)
    rest = pat[len(prefix):]
    if numeric:
        rest = rest.replace("c", "n")
    return prefix + mc._fill(rest)


def _mk(cc: str, bban: str, grouped: bool) -> str:
    return mc._iban_fmt(cc + mc._iban_chk(cc, bban) + bban, grouped)


def _bad(cc: str, bban: str, grouped: bool) -> str:
    good = int(mc._iban_chk(cc, bban))
    chk = "%02d" % RNG.choice([c for c in range(2, 99) if c != good])
    return mc._iban_fmt(cc + chk + bban, grouped)


def ibanb(cc: str, prefix: str = "", grouped: bool = False, numeric: bool = True) -> str:
    """IBAN with a realistic bank prefix; mod-97 check digits computed."""
    return _mk(cc, _bban(cc, prefix, numeric), grouped)


def badibanb(cc: str, prefix: str = "", grouped: bool = False, numeric: bool = True) -> str:
    return _bad(cc, _bban(cc, prefix, numeric), grouped)


def _fr_bban(bank: str) -> str:
    branch, acct = mc._fill("n" * 5), mc._fill("n" * 11)
    key = "%02d" % (97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97))
    return bank + branch + acct + key


def iban_fr(grouped: bool = False, bank: str = "30004") -> str:
    """French IBAN whose BBAN carries a valid clé RIB (97 - (89 B + 15 G + 3 C) mod 97)."""
    return _mk("FR", _fr_bban(bank), grouped)


def badiban_fr(grouped: bool = True, bank: str = "20041") -> str:
    return _bad("FR", _fr_bban(bank), grouped)


_cin = mc.cin


def _it_bban(abi: str) -> str:
    rest = mc._fill("n" * 5) + mc._fill("n" * 12)
    return _cin(abi + rest) + abi + rest


def iban_it(grouped: bool = False, abi: str = "03069") -> str:
    """Italian IBAN whose BBAN starts with a valid CIN check letter."""
    return _mk("IT", _it_bban(abi), grouped)


def badiban_it(grouped: bool = False, abi: str = "02008") -> str:
    return _bad("IT", _it_bban(abi), grouped)


def iban_fi(grouped: bool = False, bank: str = "1") -> str:
    """Finnish IBAN; the 14-digit BBAN ends in its Luhn check digit (national account check)."""
    body = bank + mc._fill("n" * (13 - len(bank)))
    return _mk("FI", body + _luhn_digit(body), grouped)


# ------------------------------------------------------------------ other computed identifiers
def npi() -> str:
    """US National Provider Identifier (Luhn over '80840' + 9 digits) -- a hard negative; never NHS-valid."""
    while True:
        body = "1" + mc._fill("n" * 8)
        for c in "0123456789":
            if _luhn("80840" + body + c):
                if not mc.nhs_ok(body + c):
                    return body + c
                break


def medicare_au() -> str:
    """Australian Medicare card number 'dddd ddddd d': weights 1,3,7,9,1,3,7,9 -> 9th digit; 10th = issue no."""
    while True:
        d = RNG.choice("23456") + mc._fill("n" * 7)
        chk = sum(int(x) * w for x, w in zip(d, (1, 3, 7, 9, 1, 3, 7, 9))) % 10
        s = d + str(chk) + RNG.choice("123456789")
        return f"{s[:4]} {s[4:9]} {s[9]}"


def medicare_au_ok(v: str) -> bool:
    d = re.sub(r"\s", "", v)
    return (len(d) == 10 and d[0] in "23456" and
            sum(int(x) * w for x, w in zip(d[:8], (1, 3, 7, 9, 1, 3, 7, 9))) % 10 == int(d[8]))


def isbn13(first12: str) -> str:
    d = [int(c) for c in first12 if c.isdigit()]
    assert len(d) == 12
    return first12 + str((10 - sum(x * (1 if i % 2 == 0 else 3) for i, x in enumerate(d)) % 10) % 10)


def ean13(first12: str) -> str:
    return isbn13(first12)


def abn() -> str:
    """Australian Business Number (mod 89) -- a hard negative."""
    while True:
        d = [RNG.randint(1, 9)] + [RNG.randint(0, 9) for _ in range(10)]
        w = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
        if sum(x * y for x, y in zip([d[0] - 1] + d[1:], w)) % 89 == 0:
            s = "".join(map(str, d))
            return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"


def fi_ref(base: str) -> str:
    """Finnish bank payment reference (7-3-1 weights) -- a hard negative."""
    w = (7, 3, 1)
    t = sum(int(c) * w[i % 3] for i, c in enumerate(reversed(base)))
    s, groups = base + str((10 - t % 10) % 10), []
    while s:
        groups.insert(0, s[-5:])
        s = s[:-5]
    return " ".join(groups)


def s10(prefix: str, country: str) -> str:
    """UPU S10 item identifier (mod-11 check digit) -- a hard negative tracking number."""
    serial = mc._fill("n" * 8)
    r = sum(int(c) * w for c, w in zip(serial, (8, 6, 4, 2, 3, 5, 9, 7))) % 11
    chk = 11 - r
    chk = 0 if chk == 10 else 5 if chk == 11 else chk
    return f"{prefix}{serial}{chk}{country}"


def ocr_se() -> str:
    """Swedish OCR payment reference (Luhn), starting with 9 so no card IIN -- a hard negative."""
    body = "9" + mc._fill("n" * 11)
    return body + _luhn_digit(body)


# ------------------------------------------------------------------ Keccak-256 / EIP-55
_RC = [0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000, 0x000000000000808B,
       0x0000000080000001, 0x8000000080008081, 0x8000000000008009, 0x000000000000008A, 0x0000000000000088,
       0x0000000080008009, 0x000000008000000A, 0x000000008000808B, 0x800000000000008B, 0x8000000000008089,
       0x8000000000008003, 0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
       0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008]
_ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]]
_M64 = (1 << 64) - 1


def _rol(v, n):
    return ((v << n) | (v >> (64 - n))) & _M64 if n else v


def _keccak_f(A):
    for rc in _RC:
        C = [A[x][0] ^ A[x][1] ^ A[x][2] ^ A[x][3] ^ A[x][4] for x in range(5)]
        D = [C[(x - 1) % 5] ^ _rol(C[(x + 1) % 5], 1) for x in range(5)]
        A = [[A[x][y] ^ D[x] for y in range(5)] for x in range(5)]
        B = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                B[y][(2 * x + 3 * y) % 5] = _rol(A[x][y], _ROT[x][y])
        A = [[B[x][y] ^ ((~B[(x + 1) % 5][y]) & B[(x + 2) % 5][y]) for y in range(5)] for x in range(5)]
        A[0][0] ^= rc
    return A


def keccak256(data: bytes) -> bytes:
    rate = 136
    p = bytearray(data) + b"\x01"
    while len(p) % rate:
        p += b"\x00"
    p[-1] |= 0x80
    A = [[0] * 5 for _ in range(5)]
    for off in range(0, len(p), rate):
        for i in range(rate // 8):
            A[i % 5][i // 5] ^= int.from_bytes(p[off + 8 * i:off + 8 * i + 8], "little")
        A = _keccak_f(A)
    return b"".join(A[i % 5][i // 5].to_bytes(8, "little") for i in range(4))


def eip55(addr: str) -> str:
    a = addr.lower()[2:]
    h = keccak256(a.encode()).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(h[i], 16) >= 8 else c for i, c in enumerate(a))


def eth_cs() -> str:
    return eip55(mc.eth())


assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
for _known in ("0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"):
    assert eip55(_known) == _known, _known


# ------------------------------------------------------------------ bech32 (age keys), CRC-24 (OpenPGP)
def bech32_encode(hrp: str, payload: bytes, upper: bool = False) -> str:
    data = mc.to_5bit(payload)
    poly = mc._polymod(mc._hrp_exp(hrp) + data + [0] * 6) ^ 1
    s = hrp + "1" + "".join(mc.BECH32[d] for d in data + [(poly >> 5 * (5 - i)) & 31 for i in range(6)])
    return s.upper() if upper else s


def bech32_ok(s: str) -> bool:
    s = s.lower()
    hrp, _, d = s.rpartition("1")
    data = [mc.BECH32.find(c) for c in d]
    return bool(hrp) and -1 not in data and mc._polymod(mc._hrp_exp(hrp) + data) == 1


def _rb(n: int) -> bytes:
    return bytes(RNG.getrandbits(8) for _ in range(n))


def age_secret() -> str:
    return bech32_encode("age-secret-key-", _rb(32), upper=True)


def age_public() -> str:
    return bech32_encode("age", _rb(32))


def crc24(data: bytes) -> int:
    crc = 0xB704CE
    for b in data:
        crc ^= b << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def _armor(kind: str, raw: bytes) -> str:
    body = base64.b64encode(raw).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    chk = base64.b64encode(crc24(raw).to_bytes(3, "big")).decode()
    return f"-----BEGIN PGP {kind}-----\n\n" + "\n".join(lines) + f"\n={chk}\n-----END PGP {kind}-----"


def pgp_private(nlines: int = 5) -> str:
    return _armor("PRIVATE KEY BLOCK", b"\x95\x03\x98\x04" + _rb(48 * nlines - 4))


def pgp_public(nlines: int = 3) -> str:
    return _armor("PUBLIC KEY BLOCK", b"\x99\x01\x0d\x04" + _rb(48 * nlines - 4))


def pgp_armor_ok(v: str) -> bool:
    m = re.search(r"\n\n(.*)\n=(\S{4})\n-----END", v, re.S)
    if not m:
        return False
    raw = base64.b64decode(m.group(1).replace("\n", ""))
    return base64.b64encode(crc24(raw).to_bytes(3, "big")).decode() == m.group(2)


pemh = mc.pemh


# ------------------------------------------------------------------ vendor token shapes
def akia() -> str:
    return mc.tok("AKIA", 16, string.ascii_uppercase + "234567")


def aws_session_token() -> str:
    return "IQoJb3JpZ2luX2VjE" + mc.tok("", 300, ALNUM + "+/") + "=="


def gh(prefix: str) -> str:
    return mc.tok(prefix, 36)


def glrt() -> str:
    return mc.tok("glrt-", 20, B64URL)


def xapp() -> str:
    return "xapp-1-A" + mc.tok("", 10, string.ascii_uppercase + string.digits) + "-" + mc.digits(13) + "-" + mc.hexs(64)


def xoxb() -> str:
    return "xoxb-" + mc.digits(12) + "-" + mc.digits(13) + "-" + mc.tok("", 24)


def slack_webhook() -> str:
    up = string.ascii_uppercase + string.digits
    return ("https://hooks.slack.com/services/T0" + mc.tok("", 8, up) + "/B0" + mc.tok("", 9, up) + "/"
            + mc.tok("", 24))


def sklive() -> str:
    return mc.tok("sk_live_51", 97)


def sendgrid() -> str:
    return "SG." + mc.tok("", 22, B64URL) + "." + mc.tok("", 43, B64URL)


def mailgun() -> str:
    return "key-" + mc.hexs(32)


def aiza() -> str:
    return mc.tok("AIzaSy", 33, B64URL)


def gocspx() -> str:
    return mc.tok("GOCSPX-", 28, B64URL)


def ya29() -> str:
    return mc.tok("ya29.a0AeDClZ", 160, B64URL)


def openai_svcacct() -> str:
    return mc.tok("sk-svcacct-", 74, B64URL) + "T3BlbkFJ" + mc.tok("", 74, B64URL)


def shopify() -> str:
    return "shpat_" + mc.hexs(32)


def dop() -> str:
    return "dop_v1_" + mc.hexs(64)


def linear() -> str:
    return mc.tok("lin_api_", 40)


def postman() -> str:
    return "PMAK-" + mc.hexs(24) + "-" + mc.hexs(34)


def atlassian() -> str:
    return "ATATT3xFfGF0" + mc.tok("", 170, B64URL) + "=" + mc.tok("", 8, "0123456789ABCDEF")


def discord() -> str:
    uid = str(RNG.randint(10 ** 17, 10 ** 18 - 1))
    return base64.b64encode(uid.encode()).decode().rstrip("=") + "." + mc.tok("G", 5, B64URL) + "." + mc.tok("", 38, B64URL)


def pypi() -> str:
    return "pypi-AgEIcHlwaS5vcmcCJ" + mc.tok("", 150, B64URL)


def xendit() -> str:
    return mc.tok("xnd_production_", 50)


def flw() -> str:
    return "FLWSECK-" + mc.hexs(32) + "-X"


def mapbox_sk(user: str) -> str:
    return "sk." + mc.b64u(('{"u":"%s","a":"%s"}' % (user, mc.tok("", 25, string.ascii_lowercase + string.digits))).encode()) + "." + mc.tok("", 22, B64URL)


def azure_client_secret() -> str:
    s = mc.tok("", 3, ALNUM) + RNG.choice(string.digits) + "Q~" + mc.tok("", 33, ALNUM + "_.~-") + RNG.choice(ALNUM)
    return s


def sas_sig() -> str:
    return base64.b64encode(_rb(32)).decode().replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def b64png() -> str:
    return "iVBORw0KGgoAAAANSUhEUgAAA" + mc.tok("", 122, ALNUM + "+/") + "="


for _name, _f in list(globals().items()):
    if callable(_f) and not _name.startswith("_") and getattr(_f, "__module__", None) == __name__ and _name not in (
            "main", "R", "render", "build", "check_positive", "check_more"):
        mc.HELPERS[_name] = _f

ROWS: list[tuple[str, str, str, str]] = []


def R(category: str, note: str, text: str, locale: str = "en"):
    ROWS.append((category, note, text, locale))


# ====================================================================== ROWS
# ---------------------------------------------------------------- code review / git
R("code_review", "git diff: hard-coded SendGrid key; role inbox with plus-tag and subdomain; short SHAs unlabelled",
  "Review this diff before I merge it:\n```diff\ndiff --git a/config/settings.py b/config/settings.py\nindex 3f1c2d4..9a7b0e1 100644\n"
  "--- a/config/settings.py\n+++ b/config/settings.py\n@@ -12,6 +12,6 @@ class Settings(BaseSettings):\n"
  "-    sendgrid_api_key: str = os.getenv(\"SENDGRID_API_KEY\", \"\")\n+    sendgrid_api_key: str = \"⟦SEC|=sendgrid()⟧\"\n"
  "     support_inbox: str = \"⟦EM|help+tickets@ops.kestrelpay.co.nz⟧\"\n     timeout_s: int = 30\n```", "en-NZ")
R("code_review", "PR review comment quoting a production PAN in a JSON fixture",
  "Reply to this review thread, friendly but firm:\n\n**@dlamini-t** commented on `tests/fixtures/payments.json` line 14:\n"
  "> ```json\n>   \"card_number\": \"⟦CC|=card('5', 16)⟧\",\n> ```\nThis isn't one of the gateway's test PANs, it came from last week's prod export. "
  "Please drop it and we'll ask the customer to re-issue.", "en-ZA")
R("code_review", "diff adding a Mapbox secret token and a Slack webhook (mapbox:// style URI unlabelled)",
  "```diff\n+MAPBOX_DOWNLOADS_TOKEN=⟦SEC|=mapbox_sk('kwamehq')⟧\n+ALERT_WEBHOOK=⟦SEC|=slack_webhook()⟧\n MAPBOX_STYLE=mapbox://styles/mapbox/streets-v12\n```\n"
  "Is it OK to commit these two lines to our private repo?")
R("code_review", "git log -p: author e-mail, removed AWS key pair, commit date unlabelled",
  "Does this commit still leak anything after the revert?\n\ncommit ⟦_|=hexs(40)⟧\nAuthor: Aroha Ngata <⟦EM|aroha.ngata@tewhatu.govt.nz⟧>\n"
  "Date:   Tue Mar 4 10:22:41 2025 +1300\n\n    remove creds\n\n-aws_access_key_id = ⟦SEC|=akia()⟧\n-aws_secret_access_key = ⟦SEC|=aws_secret()⟧\n"
  "+aws_access_key_id = ${AWS_ACCESS_KEY_ID}", "en-NZ")
R("code_review", "commit trailers: mixed-case and IDN-domain e-mails",
  "Squash these commits and keep the trailers:\n\nfeat(i18n): add Finnish and Swedish locales\n\n"
  "Co-authored-by: Aino Virtanen <⟦EM|Aino.Virtanen@Kolumbus.FI⟧>\nCo-authored-by: Sören Åkesson <⟦EM|soren@åkesson-konsult.se⟧>\n"
  "Reviewed-by: Mikko Lahti <⟦EM|mikko.lahti@reaktor-labs.fi⟧>", "fi")
R("code_review", "inline review: password in a Python default argument, hash constant unlabelled",
  "Code review comment needed for this function:\n```python\nADMIN_HASH = \"⟦_|=hexs(64)⟧\"  # sha256, fine\n\n"
  "def connect(user=\"svc_reports\", password=\"⟦SEC|Mombasa!Tide-2291⟧\", host=\"⟦IP|172.16.40.12⟧\"):\n    ...\n```\n"
  "Explain why the default password is a problem but the hash constant is not.", "en-KE")

# ---------------------------------------------------------------- devops config
R("devops", ".env.production: Postgres/Redis URLs with passwords, Mailgun key, support line; ${VAR} unlabelled",
  "Which of these should move to Vault? Everything else stays in the repo.\n\n# .env.production\nAPP_ENV=production\n"
  "APP_URL=⟦URL|https://portal.harbourline-freight.com.au⟧\n"
  "DATABASE_URL=⟦SEC|postgres://hl_app:Wx4!tr9Bq2@db-prod.harbourline.internal:5432/portal⟧\n"
  "REDIS_URL=⟦SEC|redis://default:Gq7mR2xLp9Vt@10.20.3.14:6379/0⟧\nMAILGUN_API_KEY=⟦SEC|=mailgun()⟧\nSENTRY_DSN=${SENTRY_DSN}\n"
  "SUPPORT_PHONE=\"⟦PH@AU|1300 318 447⟧\"\nLOG_LEVEL=info", "en-AU")
R("devops", "docker-compose: URL-encoded MySQL URL, hex JWT signing key, admin e-mail, root password; refs unlabelled",
  "Why does the api container exit with 'Access denied'?\n\nservices:\n  api:\n    image: ghcr.io/tuwaqi/api:2.14.0\n    environment:\n"
  "      - DATABASE_URL=⟦SEC|mysql://api:Zb8%23kQ2vLm@mysql:3306/api⟧\n      - JWT_SIGNING_KEY=⟦SEC|=hexs(64)⟧\n"
  "      - ADMIN_EMAIL=⟦EM|ops.admin@tuwaqi.co.ke⟧\n      - SMTP_PASSWORD=${SMTP_PASSWORD}\n  mysql:\n    image: mysql:8.4\n"
  "    environment:\n      MYSQL_ROOT_PASSWORD: \"⟦SEC|r00t-Kil1manjaro!⟧\"\n      MYSQL_PASSWORD: ${MYSQL_PASSWORD}", "en-KE")
R("devops", "k8s Secret: stringData Stripe key + webhook secret, base64 DB URL (SECRET) vs base64 'debug' (not)",
  "kubectl apply fails on this manifest, what's wrong with the indentation?\n\napiVersion: v1\nkind: Secret\nmetadata:\n"
  "  name: payments-gateway\n  namespace: prod\n  annotations:\n    owner: ⟦EM|thandi.nkosi@ubuntupay.co.za⟧\ntype: Opaque\nstringData:\n"
  "  STRIPE_API_KEY: ⟦SEC|=sklive()⟧\n  STRIPE_WEBHOOK_SECRET: ⟦SEC|=tok('whsec_', 32)⟧\ndata:\n"
  "  DATABASE_URL: ⟦SEC|=b64('postgresql://gateway:Lp3!xR8qZt@10.42.0.17:5432/gateway')⟧\n   LOG_LEVEL: ⟦_|=b64('debug')⟧", "en-ZA")
R("devops", "k8s Deployment: upstream ClusterIP labelled, secretKeyRef and image digest not",
  "Why does the sidecar never become ready?\n\ncontainers:\n  - name: proxy\n    image: registry.gitlab.com/ubuntupay/edge@sha256:⟦_|=hexs(64)⟧\n"
  "    env:\n      - name: UPSTREAM_HOST\n        value: \"⟦IP|10.96.41.7⟧\"\n      - name: DB_PASSWORD\n        valueFrom:\n"
  "          secretKeyRef: {name: db, key: password}\n    readinessProbe:\n      httpGet: {path: /healthz, port: 8081}", "en-ZA")
R("devops", "k8s TLS Secret: base64 of a PEM private key is SECRET, base64 certificate is not",
  "Is this secret in the right format for the ingress?\n\napiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nmetadata:\n  name: shop-tls\n"
  "data:\n  tls.crt: ⟦_|=b64(pemh('CERTIFICATE', 3))⟧\n  tls.key: ⟦SEC|=b64(pemh('EC PRIVATE KEY', 3))⟧")
R("devops", "Terraform azurerm provider: client secret labelled, client/tenant/subscription UUIDs not, NIC IP",
  'terraform plan says the secret is invalid, how do I rotate it?\n\nprovider "azurerm" {\n  features {}\n'
  '  client_id       = "⟦_|=uuid4()⟧"\n  client_secret   = "⟦SEC|=azure_client_secret()⟧"\n  tenant_id       = "⟦_|=uuid4()⟧"\n'
  '  subscription_id = "⟦_|=uuid4()⟧"\n}\n\nresource "azurerm_network_interface" "vm01" {\n  ip_configuration {\n'
  '    name                          = "internal"\n    private_ip_address_allocation = "Static"\n'
  '    private_ip_address            = "⟦IP|10.1.4.25⟧"\n  }\n}')
R("devops", "tfstate excerpt: RDS password labelled; endpoint hostname (no path) is not a URL",
  'Is it normal that the state file contains this?\n{\n  "type": "aws_db_instance",\n  "instances": [{"attributes": {\n'
  '    "address": "orders-prod.c9x2kq1lmn0p.eu-west-1.rds.amazonaws.com",\n    "username": "orders_admin",\n'
  '    "password": "⟦SEC|Dub1in-Quays-4471!⟧",\n    "port": 5432\n  }}]\n}', "en-IE")
R("devops", "Terraform variable default with a DigitalOcean token",
  'variable "do_token" {\n  type      = string\n  sensitive = true\n  default   = "⟦SEC|=dop()⟧"\n}\n'
  "Does `sensitive = true` stop this from ending up in the state and in git?")
R("devops", "Ansible inventory with become password and host IPs",
  "Convert to YAML inventory:\n[db]\npg-primary ansible_host=⟦IP|10.30.1.11⟧ ansible_user=ops ansible_become_pass=⟦SEC|Fjällräv-Ops-77⟧\n"
  "pg-replica ansible_host=⟦IP|10.30.1.12⟧ ansible_user=ops\n[all:vars]\nansible_python_interpreter=/usr/bin/python3", "sv")

# ---------------------------------------------------------------- curl / HTTP clients
R("http", "curl: Paystack Bearer live key (hex), payer e-mail in JSON body",
  "Convert to Python httpx:\ncurl -X POST '⟦URL|https://api.paystack.co/transaction/initialize⟧' \\\n"
  "  -H 'Authorization: Bearer ⟦SEC|=tok('sk_live_', 40, HEX)⟧' \\\n  -H 'Content-Type: application/json' \\\n"
  "  -d '{\"email\": \"⟦EM|tunde.bakare@gmail.com⟧\", \"amount\": \"500000\", \"currency\": \"NGN\"}'", "en-NG")
R("http", "curl: Datadog API and application keys in custom headers",
  'It returns {"valid": false}. Which key is wrong?\ncurl -s -X GET "⟦URL|https://api.datadoghq.eu/api/v1/validate⟧" \\\n'
  '  -H "DD-API-KEY: ⟦SEC|=hexs(32)⟧" \\\n  -H "DD-APPLICATION-KEY: ⟦SEC|=hexs(40)⟧"')
R("http", "curl: Flutterwave secret key, customer e-mail and compact NG phone in JSON",
  "Why do I get 'Invalid authorization key'?\ncurl --request POST \\\n  --url ⟦URL|https://api.flutterwave.com/v3/payments⟧ \\\n"
  "  --header 'Authorization: Bearer ⟦SEC|=flw()⟧' \\\n"
  "  --data '{\"tx_ref\": \"hooli-tx-1920bb\", \"amount\": \"7500\", \"customer\": {\"email\": \"⟦EM|ngozi.eze@outlook.com⟧\", "
  "\"phonenumber\": \"⟦PH@NG|08033184472⟧\"}}'", "en-NG")
R("http", "curl: Google OAuth ya29 access token against the Gmail API",
  'The token works in the OAuth playground but not here. Why?\ncurl -H "Authorization: Bearer ⟦SEC|=ya29()⟧" '
  '"⟦URL|https://gmail.googleapis.com/gmail/v1/users/me/messages?maxResults=5⟧"')
R("http", "curl -u e-mail:Atlassian-API-token (two spans split at the colon)",
  "Returns 401, is the token format right?\ncurl -u ⟦EM|siobhan.walsh@bankofcork.ie⟧:⟦SEC|=atlassian()⟧ -H \"Accept: application/json\" "
  "⟦URL|https://bankofcork.atlassian.net/rest/api/3/myself⟧", "en-IE")
R("http", "curl with DRF 'Authorization: Token <40 hex>' and Shopify access-token header",
  "Port these two calls to axios:\ncurl -H \"Authorization: Token ⟦SEC|=hexs(40)⟧\" ⟦URL|https://api.kahawa-sokoni.co.ke/v1/orders/?status=paid⟧\n"
  "curl -H \"X-Shopify-Access-Token: ⟦SEC|=shopify()⟧\" ⟦URL|https://kahawa-sokoni.myshopify.com/admin/api/2024-10/orders.json⟧", "en-KE")
R("http", "Postman environment export: PMAK key, client secret, test MSISDN; UUID and export timestamp unlabelled",
  'Can I share this export with the vendor?\n{\n  "id": "⟦_|=uuid4()⟧",\n  "name": "partner-sandbox",\n  "values": [\n'
  '    {"key": "baseUrl", "value": "⟦URL|https://sandbox.kopokopo.com/api/v1⟧", "enabled": true},\n'
  '    {"key": "postmanApiKey", "value": "⟦SEC|=postman()⟧", "type": "secret", "enabled": true},\n'
  '    {"key": "clientSecret", "value": "⟦SEC|=tok(\'\', 43, B64URL)⟧", "type": "secret", "enabled": true},\n'
  '    {"key": "testMsisdn", "value": "⟦PH@KE|+254712318447⟧", "enabled": true}\n  ],\n'
  '  "_postman_exported_at": "2025-03-04T07:13:22.118Z"\n}', "en-KE")
R("http", "HAR entry: cookie JWT, XFF IP, url-encoded form with %40 e-mail and %23 password, server IP",
  'Why does the login fail only from Safari?\n{"log": {"entries": [{\n  "startedDateTime": "2025-03-04T09:13:22.118+03:00",\n'
  '  "request": {\n    "method": "POST",\n    "url": "⟦URL|https://id.mwangaza-bank.co.ke/oauth/token⟧",\n    "headers": [\n'
  '      {"name": "Cookie", "value": "sid=⟦SEC|=jwt({\'sub\': \'cus_44718\', \'scope\': \'web\'})⟧"},\n'
  '      {"name": "X-Forwarded-For", "value": "⟦IP|197.248.17.90⟧"}\n    ],\n'
  '    "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "username=⟦EM|wanjiru.kamau%40gmail.com⟧&password=⟦SEC|Nairobi%232025⟧&grant_type=password"}\n'
  '  },\n  "response": {"status": 401},\n  "serverIPAddress": "⟦IP|41.90.64.12⟧",\n  "time": 412.7\n}]}}', "en-KE")
R("http", "raw HTTP request dump: Basic auth header, X-Real-IP, JSON body with phone",
  "Explain why the proxy strips the body:\nPOST /v2/sms/send HTTP/1.1\nHost: api.semaphore.co\nAuthorization: Basic ⟦SEC|=b64('tindahan:Aling-Nena#2025')⟧\n"
  "X-Real-IP: ⟦IP|112.198.74.33⟧\nContent-Type: application/json\n\n{\"number\": \"⟦PH@PH|+63 917 482 3311⟧\", \"message\": \"Order ready for pickup\"}", "en-PH")

# ---------------------------------------------------------------- notebooks
R("notebook", "Jupyter df.head() output: NG names, e-mails (one uppercase, one deep subdomain), phones, DOBs",
  "Why is the phone column an object dtype?\n\nIn [7]: df[[\"name\", \"email\", \"phone\", \"dob\"]].head(3)\nOut[7]:\n"
  "             name                            email              phone         dob\n"
  "0     Aisha Bello        ⟦EM|aisha.bello@yahoo.co.uk⟧  ⟦PH@NG|+234 803 318 4472⟧  ⟦DT|1988-02-11⟧\n"
  "1       Emeka Obi  ⟦EM|emeka.obi@mail.unilag.edu.ng⟧      ⟦PH@NG|0809-318-4472⟧  ⟦DT|1991-10-30⟧\n"
  "2  Funmi Adeyemi         ⟦EM|FUNMI.ADEYEMI@GMAIL.COM⟧      ⟦PH@NG|0701 481 2290⟧  ⟦DT|1979-05-06⟧", "en-NG")
R("notebook", "Jupyter traceback: recipient e-mail, SMTP host IP, sender and password hard-coded",
  "How do I fix this without hard-coding the password?\n---------------------------------------------------------------------------\n"
  "SMTPAuthenticationError                   Traceback (most recent call last)\nCell In[12], line 3\n      1 from notify import send_report\n"
  "----> 3 send_report(to=\"⟦EM|nurul.izzah@um.edu.my⟧\", smtp_host=\"⟦IP|10.8.4.20⟧\")\n\nFile ~/notify.py:41, in send_report(to, smtp_host)\n"
  "     39 server = smtplib.SMTP(smtp_host, 587)\n---> 41 server.login(\"⟦EM|notify@um.edu.my⟧\", \"⟦SEC|Kuala#Lumpur88⟧\")\n\n"
  "SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted')", "en-MY")
R("notebook", "Jupyter: printed request headers with HF token; full 8-group IPv6 peer address",
  "In [3]: print(resp.request.headers)\n{'User-Agent': 'python-requests/2.32.3', 'Authorization': 'Bearer ⟦SEC|=tok('hf_', 34)⟧', 'Accept': '*/*'}\n\n"
  "In [4]: resp.raw._connection.sock.getpeername()\nOut[4]: ('⟦IP|2600:1f18:147f:e850:3bd9:6c21:90ab:4e12⟧', 443, 0, 0)\n"
  "Is my token exposed by printing this in a shared notebook?")
R("neg_notebook", "Jupyter: df.describe() only (numbers, no PII) next to a masked IBAN column preview",
  "In [9]: df['salary'].describe()\nOut[9]:\ncount      4471.000000\nmean      52318.447000\nstd       11872.290000\nmin       18000.000000\n"
  "max      198000.000000\nName: salary, dtype: float64\n\nIn [10]: df['iban_masked'].head(2)\nOut[10]:\n0    FI** **** **** **22 91\n1    FI** **** **** **47 80\nIs the salary distribution skewed?", "fi")

# ---------------------------------------------------------------- SQL / CSV
R("sql", "SQL INSERT multi-row: Welsh/English patients, DOBs, phones, e-mails, NHS numbers grouped and compact",
  "Turn this into a CSV fixture, but first tell me what's sensitive:\nINSERT INTO patients (id, full_name, dob, phone, email, nhs_number) VALUES\n"
  "  (101, 'Rhys Llewellyn', '⟦DT|1984-07-19⟧', '⟦PH@GB|029 2087 4410⟧', '⟦EM|rhys.llewellyn@btinternet.com⟧', '⟦NHS|=nhs(' ')⟧'),\n"
  "  (102, 'Harriet Booth', '⟦DT|1951-12-02⟧', '⟦PH@GB|0113 496 0731⟧', '⟦EM|harriet.booth51@outlook.com⟧', '⟦NHS|=nhs('')⟧');", "en-GB")
R("sql", "SQL UPDATE with an Italian IBAN (valid CIN) and a WHERE on an e-mail",
  "È sicura questa query se la lancio in produzione?\nUPDATE fornitori SET iban = '⟦IBAN|=iban_it()⟧', telefono = '⟦PH@IT|011 561 7742⟧' "
  "WHERE email = '⟦EM|amministrazione@tipografia-ferraris.it⟧';", "it")
R("sql", "psql output table (Malay column names) with e-mails and MY phones",
  "Tolong terangkan kenapa query ini lambat:\n id |      nama      |              emel               |     telefon\n"
  "----+----------------+---------------------------------+-----------------\n 17 | Hafiz Rahman   | ⟦EM|hafiz.rahman@maybank2u.com.my⟧ | ⟦PH@MY|012-318 4472⟧\n"
  " 18 | Siti Aminah    | ⟦EM|siti.aminah88@yahoo.com⟧        | ⟦PH@MY|+60 3-2148 7732⟧\n(2 rows)", "ms")
R("sql", "SQL INSERT for a US payroll table: SSN compact, bank account, routing unlabelled",
  "Write the migration that encrypts these columns:\nINSERT INTO payroll (emp_id, ssn, routing, account, hired) VALUES\n"
  "  (7731, '⟦SSN|=ssn('')⟧', '⟦!ABA|=aba()⟧', '⟦BANK|=digits(11)⟧', '⟦DT|2023-09-18⟧');", "en-US")
R("csv", "header-less CSV (FI): columns described in prose; mobiles, e-mails, DOBs in two formats",
  "The file has no header row; columns are surname, given name, mobile, e-mail, date of birth. Find the duplicates:\n"
  "Virtanen,Aino,⟦PH@FI|+358 40 718 2291⟧,⟦EM|aino.virtanen@kolumbus.fi⟧,⟦DT|3.6.1987⟧\n"
  "Korhonen,Mikko,⟦PH@FI|050 482 1177⟧,⟦EM|mikko.korhonen@elisanet.fi⟧,⟦DT|21.11.1979⟧\n"
  "Virtanen,Aino,⟦PH@FI|040 718 2291⟧,⟦EM|aino.virtanen@kolumbus.fi⟧,⟦DT|03.06.1987⟧", "fi")
R("csv", "header-less semicolon CSV of Swedish payouts: IBAN compact and grouped",
  "Utbetalningar (ingen rubrikrad: namn;iban;belopp). Kontrollera att summan stämmer:\nLindqvist Erik;⟦IBAN|=ibanb('SE', '500')⟧;4 995,00\n"
  "Nyström Karin;⟦IBAN|=ibanb('SE', '800', True)⟧;12 300,50", "sv")
R("csv", "header-less TSV export (ZA): cell and e-mail per row, amounts unlabelled",
  "This TSV came out of the CRM with no header (name, cell, email, balance). Make it a Markdown table:\n"
  "Naledi Mokoena\t⟦PH@ZA|+27 82 493 1176⟧\t⟦EM|naledi.mokoena@webmail.co.za⟧\tR 1 249,50\n"
  "Pieter van Wyk\t⟦PH@ZA|011 482 3390⟧\t⟦EM|pvwyk@mweb.co.za⟧\tR 88,00", "en-ZA")

# ---------------------------------------------------------------- logs
R("log", "nginx access log: e-mail (%40) and KE phone in the query string of a host-less path; timestamps unlabelled",
  'What is this client doing?\n⟦IP|41.90.64.12⟧ - - [04/Mar/2025:10:12:44 +0300] "GET /api/v2/customers/lookup?email=⟦EM|wanjiru.kamau%40gmail.com⟧&msisdn=⟦PH@KE|0712318447⟧ HTTP/1.1" 200 512 "-" "okhttp/4.12.0"\n'
  '⟦IP|41.90.64.12⟧ - - [04/Mar/2025:10:12:45 +0300] "GET /api/v2/customers/lookup?email=⟦EM|otieno.brian%40yahoo.com⟧&msisdn=⟦PH@KE|0722481229⟧ HTTP/1.1" 404 0 "-" "okhttp/4.12.0"', "en-KE")
R("log", "nginx error log: compressed IPv6 client; server name is a bare host",
  '2025/03/04 10:12:44 [error] 3121#3121: *8812 connect() failed (111: Connection refused) while connecting to upstream, '
  'client: ⟦IP|2c0f:fe38:2405:1b7::4a⟧, server: shop.naijamart.ng, request: "POST /checkout HTTP/2.0", host: "shop.naijamart.ng"\nWhy only for some users?', "en-NG")
R("log", "postfix syslog: recipient e-mails in <>, relay IPs in []; queue IDs unlabelled",
  "Why is the second one deferred?\nMar  4 10:12:44 mx1 postfix/smtp[2211]: 4F2A81C0E3: to=<⟦EM|chidi.okafor@yahoo.com⟧>, relay=mta7.am0.yahoodns.net[⟦IP|67.195.204.77⟧]:25, "
  "delay=1.2, dsn=2.0.0, status=sent (250 ok dirdel)\nMar  4 10:12:47 mx1 postfix/smtp[2214]: 5B7C22D0F1: to=<⟦EM|a.musa@abu.edu.ng⟧>, relay=none, delay=30, "
  "dsn=4.4.1, status=deferred (connect to abu.edu.ng[⟦IP|196.220.64.5⟧]:25: Connection timed out)", "en-NG")
R("log", "journald: BSSID MAC, DHCP address and gateway; systemd-resolved loopback 127.0.0.53 unlabelled",
  "journalctl -b -u NetworkManager -u wpa_supplicant:\nMar 04 08:01:13 thinkpad wpa_supplicant[911]: wlp3s0: CTRL-EVENT-CONNECTED - Connection to ⟦MAC|3c:37:86:5e:a1:09⟧ completed [id=0 id_str=]\n"
  "Mar 04 08:01:14 thinkpad NetworkManager[802]: <info>  [1741075274.5563] dhcp4 (wlp3s0): address ⟦IP|192.168.1.57⟧\n"
  "Mar 04 08:01:14 thinkpad NetworkManager[802]: <info>  [1741075274.5571] dhcp4 (wlp3s0): gateway ⟦IP|192.168.1.1⟧\n"
  "Mar 04 08:01:14 thinkpad NetworkManager[802]: <info>  [1741075274.5575] dhcp4 (wlp3s0): nameserver '⟦!IP|127.0.0.53⟧'\nWhy does DNS still fail?")
R("log", "sshd journal: compressed IPv6 source; SHA256 key fingerprint unlabelled",
  "Is this login expected from our office range?\nMar 04 09:02:51 bastion sshd[40211]: Accepted publickey for deploy from ⟦IP|2001:db8:4f1a:12::7⟧ port 50122 ssh2: "
  "ED25519 SHA256:⟦_|=tok('', 43, ALNUM + '+/')⟧\nMar 04 09:02:51 bastion sshd[40211]: pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)")
R("log", "Exim rejectlog: sender e-mail, host IP in brackets",
  "2025-03-04 10:12:44 H=(mail.kahawa.co.tz) [⟦IP|196.216.2.7⟧] F=<⟦EM|mauzo@kahawa.co.tz⟧> rejected RCPT <⟦EM|juma.hamisi@tanzaniabiz.co.tz⟧>: relay not permitted\n"
  "Eleza kwa Kiswahili kwa nini ujumbe ulikataliwa.", "sw")
R("log", "Windows DHCP audit CSV: lower-case dashed MAC, lease IP; date/time columns are system",
  "Which device took the last lease?\nID,Date,Time,Description,IP Address,Host Name,MAC Address\n"
  "10,03/04/25,08:14:02,Assign,⟦IP|10.44.8.131⟧,LAPTOP-NGOZI.corp.local,⟦MAC|9c-b6-d0-1f-44-7a⟧\n"
  "11,03/04/25,08:14:09,Renew,⟦IP|10.44.8.77⟧,PRN-3RDFLOOR.corp.local,⟦MAC|00-1b-a9-3e-72-c4⟧", "en-NG")
R("log", "ip neigh / arp -a output: IP + colon and dashed MACs",
  "Which of these is the rogue access point?\n$ ip neigh\n⟦IP|192.168.0.1⟧ dev wlan0 lladdr ⟦MAC|48:8f:5a:1c:2d:3e⟧ REACHABLE\n"
  "⟦IP|192.168.0.23⟧ dev wlan0 lladdr ⟦MAC|b2:7c:e1:09:44:af⟧ STALE\nC:\\> arp -a\n  ⟦IP|192.168.0.254⟧    ⟦MAC|c8-3a-35-0b-44-1e⟧     dynamic")
R("log", "Cisco show ip arp: dotted MAC + IP",
  "show ip arp vlan 20\nProtocol  Address          Age (min)  Hardware Addr   Type   Interface\nInternet  ⟦IP|10.10.20.15⟧           4   ⟦MAC|a4b1.c2d3.e4f6⟧  ARPA   Vlan20\n"
  "Internet  ⟦IP|10.10.20.1⟧            -   ⟦MAC|0000.0c9f.f014⟧  ARPA   Vlan20\nWhich entry is the HSRP virtual gateway?")
R("log", "Android logcat: Bluetooth MAC upper-case colon form",
  "03-04 09:13:22.118  2211  2290 I BluetoothAdapter: connect() to ⟦MAC|C4:4F:33:1A:9B:2E⟧ (Galaxy Buds2)\n"
  "03-04 09:13:25.004  2211  2290 W BluetoothGatt: status=133 for ⟦MAC|C4:4F:33:1A:9B:2E⟧\nWhat does GATT error 133 mean?", "en-SG")

# ---------------------------------------------------------------- stack traces
R("trace", "Django IntegrityError DETAIL with upper-case e-mail; request log with PH phone",
  "Should the uniqueness check be case-insensitive?\nTraceback (most recent call last):\n  File \"/app/accounts/views.py\", line 214, in register\n"
  "    user = User.objects.create(email=data[\"email\"], phone=data[\"phone\"])\n"
  "django.db.utils.IntegrityError: duplicate key value violates unique constraint \"accounts_user_email_key\"\n"
  "DETAIL:  Key (email)=(⟦EM|MARIA.SANTOS@GLOBE.COM.PH⟧) already exists.\n"
  "[04/Mar/2025 09:14:02] \"POST /register HTTP/1.1\" 500 payload={'email': '⟦EM|maria.santos@globe.com.ph⟧', 'phone': '⟦PH@PH|0917 482 3311⟧'}", "en-PH")
R("trace", "Go panic: key=value DSN (password value only), host IP three times",
  "panic: failed to connect to `host=⟦IP|10.0.12.7⟧ user=ledger database=ledger`: dial error (dial tcp ⟦IP|10.0.12.7⟧:5432: connect: connection refused)\n\n"
  "goroutine 1 [running]:\nmain.mustOpen({0xc00001e0c0, 0x4a})\n\t/src/cmd/api/main.go:41 +0x1a5\nexit status 2\n\n"
  "The DSN in config.toml is: host=⟦IP|10.0.12.7⟧ user=ledger password=⟦SEC|Tq9!vL2xRm⟧ dbname=ledger sslmode=disable")
R("trace", "Java exception message with a Mir card number (IIN 2202)",
  "Почему падает валидация?\njava.lang.IllegalStateException: Payment declined for card ⟦CC|=card('2202', 16)⟧ (issuer=MIR, reason=51)\n"
  "\tat ru.shop.pay.Gateway.charge(Gateway.java:88)\n\tat ru.shop.pay.CheckoutService.pay(CheckoutService.java:41)", "ru")
R("trace", "Node.js rejection with a Xendit key and callback URL in a config dump (Taglish)",
  "(node:4821) UnhandledPromiseRejectionWarning: XenditError: API key is invalid\n    at Object.request (/srv/app/node_modules/xendit-node/src/client.js:57:13)\n"
  "config = { secretKey: '⟦SEC|=xendit()⟧', callbackUrl: '⟦URL|https://bayad.tindahan-ni-aling-nena.ph/xendit/callback⟧' }\n"
  "Bakit invalid? Tama naman ang key.", "fil")
R("trace", "Python KeyError with a user dict repr (Malaysian phone, DOB) in the message",
  "Traceback (most recent call last):\n  File \"etl.py\", line 88, in <module>\n    row[\"ic_no\"]\nKeyError: 'ic_no'\n"
  "row = {'nama': 'Lim Mei Ling', 'telefon': '⟦PH@MY|011-2318 4472⟧', 'tarikh_lahir': '⟦DT|1992-08-05⟧', 'emel': '⟦EM|meiling.lim@hotmail.my⟧'}\n"
  "Kenapa kunci ic_no tiada?", "ms")

# ---------------------------------------------------------------- chat exports
R("chat", "Slack export JSON: Wi-Fi password in *bold*, Calendly URL in <>, mailto pair (two e-mail spans)",
  'Summarise this thread for someone who missed it.\n[\n  {"type": "message", "user": "U05J2QK7B", "text": "guest wifi password is now *⟦SEC|Merlion-Sunset-2025⟧* btw", "ts": "1741079602.123400"},\n'
  '  {"type": "message", "user": "U04QX8M2A", "text": "thanks! book a slot with me <⟦URL|https://calendly.com/priya-menon-dbs/30min⟧> or email '
  '<mailto:⟦EM|priya.menon@dbs.com.sg⟧|⟦EM|priya.menon@dbs.com.sg⟧>", "ts": "1741079688.004500"}\n]', "en-SG")
R("chat", "Teams export: dashed MAC + IP in a VPN request, temporary password from helpdesk; message stamps unlabelled",
  "Write a summary of this exchange for the ticket.\n[04/03/2025 09:14] Ngozi Eze\nCan someone whitelist my laptop for the VPN? MAC is ⟦MAC|9C-B6-D0-1F-44-7B⟧ and it gets ⟦IP|10.44.8.132⟧ in the office.\n"
  "[04/03/2025 09:16] IT Helpdesk (Tobi)\nDone. Your temporary password is ⟦SEC|Lagos-Harmattan-71⟧, change it on first login.\n[04/03/2025 09:17] Ngozi Eze\nthanks!", "en-NG")
R("chat", "WhatsApp export (Swahili): M-Pesa code unlabelled, appointment date + Swahili-clock time, clinic phone",
  "Tafsiri ujumbe huu kwa Kiingereza:\n[3/4/25, 18:02:11] Achieng: Nimelipa, M-Pesa code SC41H7K2LP\n"
  "[3/4/25, 18:03:40] Kliniki ya Dkt. Mwangi: Asante. Miadi yako ni ⟦DT|Jumatatu, 10 Machi 2025⟧ saa ⟦DT|8:00 mchana⟧. Ukichelewa piga ⟦PH@KE|+254 20 271 3349⟧.", "sw")
R("chat", "Viber-style group chat (UA): phone and card in messages",
  "Зроби короткий підсумок переписки:\nОлена: Скиньте гроші на картку ⟦CC|=card('5168', 16, ' ')⟧, це моя ПриватБанку\n"
  "Андрій: ок, а телефон для Нової пошти?\nОлена: ⟦PH@UA|067 318 44 72⟧", "uk")
R("chat", "Telegram support chat (RU): e-mail with 'собака/точка' obfuscation, toll-free number",
  "Переведи на английский и убери лишнее:\n— Напишите нам на ⟦EM|support собака mebel-dom точка ru⟧ или позвоните ⟦PH@RU|8 800 250-44-72⟧ (бесплатно).\n"
  "— А по заказу 4471-2290 что?", "ru")

# ---------------------------------------------------------------- e-mail threads
R("email", "forwarded e-mail (IE): header Date unlabelled, viewing appointment weekday + 5.30pm, mobile, plus-tagged e-mail",
  "Can you draft my reply to Liam?\n\n---------- Forwarded message ---------\nFrom: Liam O'Sullivan <⟦EM|liam.osullivan@umail.ucc.ie⟧>\n"
  "Date: Mon, 3 Mar 2025 at 16:42\nSubject: Re: Lease renewal, Apt 4\nTo: Aoife Murphy <⟦EM|aoife.murphy+lettings@eircom.net⟧>\n\n"
  "Hi Aoife,\nI can view the flat on ⟦DT|Thursday 6 March⟧ at ⟦DT|5.30pm⟧ if that suits. My mobile is ⟦PH@IE|086 318 4472⟧.\nLiam", "en-IE")
R("email", "reply with quoted header (unlabelled date) and AU signature block",
  "Shorten this reply, keep the signature:\n\nHi Mereana, yes, ⟦DT|Tuesday 11 March⟧ at ⟦DT|2:15pm⟧ works for the handover.\n\nCheers,\n"
  "Jack Thornton | Property Manager\nM ⟦PH@AU|0412 345 678⟧ | P ⟦PH@AU|(08) 9221 4471⟧\n⟦EM|jack.thornton@raywhite-perth.com.au⟧\n\n"
  "On Mon, 10 Mar 2025 at 09:12, Mereana Walker <⟦EM|mereana.walker@xtra.co.nz⟧> wrote:\n> Could we do the key handover this week?", "en-AU")
R("email", "phishing headers: Received chain IPs, spoofed From and Reply-To",
  "Is this phishing? Headers:\nReceived: from mail-ej1-f41.google.com (mail-ej1-f41.google.com [⟦IP|209.85.218.41⟧])\n"
  "Received: from [⟦IP|102.89.34.17⟧] (helo=localhost)\nFrom: \"Zenith Bank Alerts\" <⟦EM|alerts@zenithbank-secure.info⟧>\n"
  "Reply-To: ⟦EM|refunds.desk.ng@proton.me⟧\nSubject: Action required: verify your account", "en-NG")
R("email", "French e-mail thread with signature: obfuscated '[arobase]' e-mail, Marseille landline dotted, mobile",
  "Résume cet échange en trois lignes :\n\n> Le 3 mars 2025 à 09:12, Julien a écrit :\n> Tu peux m'écrire sur ⟦EM|julien.marchand [arobase] orange [point] fr⟧ ?\n\n"
  "Bien reçu. Je t'appelle demain.\n--\nClaire Fabre\nCabinet Fabre & Associés\nTél. ⟦PH@FR|04.91.55.21.08⟧ · Port. ⟦PH@FR|+33 7 81 42 69 35⟧", "fr")
R("email", "Italian e-mail: mailto with cc parameter (two e-mails), 'chiocciola' obfuscation in body",
  'Correggi l\'HTML di questa firma:\n<a href="mailto:⟦EM|prenotazioni@villa-limoni.it⟧?cc=⟦EM|elena.bianchi@villa-limoni.it⟧&subject=Prenotazione">Scrivici</a>\n'
  "oppure: ⟦EM|info chiocciola villa-limoni punto it⟧", "it")

# ---------------------------------------------------------------- PDF / OCR / tables
R("pdf", "PDF-extracted bank letter: GB IBAN wrapped across a line break (one span incl. newline), BIC unlabelled",
  "Text copied from the bank's PDF (the line breaks are from the PDF):\nDear Mr Llewellyn,\nplease find your account details\n"
  "below. IBAN: ⟦IBAN|=wrap(ibanb('GB', 'NWBK', True), 3)⟧ BIC:\nNWBKGB2L. Your new card will\narrive within 5 working days.\nTidy this up into a short note.", "en-GB")
R("pdf", "PDF-extracted discharge letter with hyphenation; dates, NHS number, ward phone",
  "Copied from a PDF, please fix the line breaks:\nPatient was admit-\nted on ⟦DT|24/02/2025⟧ and dis-\ncharged on ⟦DT|03/03/2025⟧. NHS\n"
  "No. ⟦NHS|=nhs(' ')⟧. Ques-\ntions: ward 7B on ⟦PH@GB|0113 243 3144⟧.", "en-GB")
R("pdf", "PDF-extracted French invoice: IBAN (clé RIB valid) wrapped, SIRET/TVA numbers unlabelled",
  "Texte extrait d'une facture PDF, remets-le en forme :\nFACTURE N° F-2025-00417   SIRET 732 829 320 00074\nTVA intracom. FR40 732829320\n"
  "Règlement par virement : ⟦IBAN|=wrap(iban_fr(True), 4)⟧\nÉchéance : 30 jours fin de mois", "fr")
R("ocr", "OCR of a US insurance card: odd spacing, member ID, PCP phone with spaced parentheses",
  "OCR output from my insurance card, can you clean it up?\nBlueCross  BlueShield\nMember  Name :  JOSE  MARTINEZ\nMember  ID :  ⟦HP|XHB904128873⟧\n"
  "Group  No :  0047120     RxBIN :  004336\nRxPCN :  ADV     RxGrp :  RX8834\nPCP  Ph :  ⟦PH@US|( 210 )  614 - 2290⟧", "en-US")
R("ocr", "OCR of a card slip: PAN with double spaces, auth code and total unlabelled",
  "Scanned receipt text, is it safe to keep in the expense system?\nMERCHANT COPY\nCARD NO .  ⟦CC|=card('4', 16, '  ')⟧\nAUTH  CODE  08812Q\nTOTAL   S$ 248.10", "en-SG")
R("ocr", "OCR'd Finnish letter: IBAN with odd spacing removed by OCR (compact), reference number unlabelled",
  "Skannatun kirjeen teksti, korjaa kirjoitusvirheet:\nMaksu tilille ⟦IBAN|=iban_fi()⟧ viitteellä ⟦_|=fi_ref('2025041')⟧ .", "fi")
R("table", "Markdown table (IE/Wales): masked mobile decoy, HSE and NHS Wales e-mails",
  "Sort by role and hide the mobile column:\n| Name | Role | Mobile | Email |\n|---|---|---|---|\n| Niamh Kelly | Ward manager | ⟦PH@IE|+353 87 482 9352⟧ | ⟦EM|niamh.kelly@hse.ie⟧ |\n"
  "| Ciarán Doyle | Porter | 087 *** **51 | ⟦EM|c.doyle@hse.ie⟧ |\n| Gareth Evans | Locum | ⟦PH@GB|07781 318 447⟧ | ⟦EM|gareth.evans@wales.nhs.uk⟧ |", "en-IE")
R("table", "Markdown table of Nordic suppliers: SE/FI phones and IBANs, VAT numbers unlabelled",
  "| Leverantör | Telefon | IBAN | Momsnr |\n|---|---|---|---|\n| Nyberg Trä AB | ⟦PH@SE|08-545 183 01⟧ | ⟦IBAN|=ibanb('SE', '300', True)⟧ | SE556677889901 |\n"
  "| Oy Kivi Ab | ⟦PH@FI|+358 9 4289 1172⟧ | ⟦IBAN|=iban_fi(True, '4')⟧ | FI20774740 |\nLägg till en kolumn för betalningsvillkor.", "sv")

# ---------------------------------------------------------------- tickets / claims
R("ticket", "support ticket (Malay): order number unlabelled, card, phone, e-mail, personal transaction date",
  "Tiket #MY-558213 | Keutamaan: Tinggi\nPemohon: Nurul Aina <⟦EM|nurul.aina92@gmail.com⟧>\nTelefon: ⟦PH@MY|011-2318 4473⟧\nNo. pesanan: 2503041187-SHP\n"
  "Mesej: Saya dicaj dua kali pada kad ⟦CC|=card('5', 16, ' ')⟧ untuk pesanan yang sama pada ⟦DT|2 Mac 2025⟧.\nTolong tulis balasan yang sopan dalam Bahasa Melayu.", "ms")
R("ticket", "Zendesk-style ticket (ZA): IP, URL with non-credential query, cell number",
  "Ticket #448213 — customer can't log in.\nRequester IP: ⟦IP|105.224.18.77⟧\nPage: ⟦URL|https://my.vodacom.co.za/account/login?return=%2Fbilling&lang=en⟧\n"
  "Callback: ⟦PH@ZA|+27 (0)21 418 3921⟧\nDraft a first response.", "en-ZA")
R("ticket", "helpdesk ticket (SG): masked NRIC-free, OTP code unlabelled, e-mail and phone",
  "Summarise for the L2 team:\nINC0041187 | Reporter: Tan Wei Ming\nContact: ⟦PH@SG|8234-7711⟧, ⟦EM|weiming.tan@singnet.com.sg⟧\n"
  "Issue: OTP 481229 arrives after it expires. Device: iPhone 15, iOS 18.3.1.", "en-SG")
R("claim", "US health claim summary: DOB, member ID, date of service; claim no., NPI, ICD/CPT unlabelled",
  "Explain why this claim was denied in plain English:\nCLAIM SUMMARY\nClaim #: 2025030400118\nPatient: Darnell Hughes    DOB: ⟦DT|11/23/1979⟧\n"
  "Member ID: ⟦HP|=tok('', 3, string.ascii_uppercase) + digits(9)⟧    Group: 88120\nDate of service: ⟦DT|02/27/2025⟧\nRendering NPI: ⟦!NHS|=npi()⟧\n"
  "Dx: S83.511A   CPT: 29881\nBilled: $2,418.00   Allowed: $0.00   Denial: CO-197 (precertification absent)", "en-US")
R("claim", "AU motor claim: incident date/time, phones, e-mail; motor policy number unlabelled (not a health plan)",
  "Help me word this claim:\nPolicy number: MOT-4471-2290-AU\nIncident: rear-ended at the lights on Canning Hwy on ⟦DT|14/02/2025⟧ at about ⟦DT|7:45am⟧.\n"
  "Other driver: ph ⟦PH@AU|04 2388 1905⟧\nMy contact: ⟦EM|mere.walker@bigpond.com⟧, ⟦PH@AU|+61 (0)3 9654 2290⟧", "en-AU")
R("claim", "US dental EOB: MBI compact, DOS, provider phone",
  "What do I owe here?\nEXPLANATION OF BENEFITS\nMedicare ID: ⟦HP|=mbi()⟧\nService date: ⟦DT|Feb 18, 2025⟧   Provider: Sunrise Dental, ⟦PH@US|(602) 318-4472⟧\n"
  "D1110 prophylaxis  $142.00  plan paid $0.00  you owe $142.00", "en-US")
R("claim", "NY Medicaid CIN in an appeal letter draft, plus DOB",
  "Tighten this appeal: I am writing about Medicaid client ID ⟦HP|=letter() + letter() + digits(5, string.digits) + letter()⟧ (DOB ⟦DT|02/11/1958⟧). "
  "My home-care hours were cut without notice.", "en-US")

# ---------------------------------------------------------------- clinical documents
R("clinical", "US SOAP note: MRN grouped in pairs, DOB, RTC date + time with AM; store number unlabelled",
  "Tighten this SOAP note for the chart:\nPt: Latoya Green   DOB: ⟦DT|04/09/1966⟧   MRN: ⟦MRN|00 48 12 29⟧\n"
  "S: 58F here for HTN f/u. Reports missed doses of lisinopril 20 mg.\nO: BP 148/92, HR 78, BMI 31.4.\nA: Essential HTN, uncontrolled.\n"
  "P: Increase to 40 mg daily. BMP in 2 wks. RTC ⟦DT|04/15/2025⟧ at ⟦DT|9:20 AM⟧.\nPharmacy: Walgreens #4471, ⟦PH@US|(404) 318-4472⟧", "en-US")
R("clinical", "UK discharge summary: NHS no., hospital no., admission datetime, discharge, follow-up clinic",
  "Rewrite for the GP in 5 bullet points:\nDISCHARGE SUMMARY, St James's University Hospital, Leeds\nName: Mrs Patricia Holroyd   DOB: ⟦DT|17/08/1941⟧\n"
  "NHS No: ⟦NHS|=nhs(' ')⟧   Hospital No: ⟦MRN|=letter() + digits(7, string.digits)⟧\nAdmitted: ⟦DT|24/02/2025 22:10⟧   Discharged: ⟦DT|03/03/2025⟧\n"
  "Diagnosis: Community-acquired pneumonia (CURB-65: 2)\nFollow-up: Respiratory clinic ⟦DT|17/03/2025⟧ at ⟦DT|10:15⟧; ward 7B ⟦PH@GB|0113 206 5862⟧.", "en-GB")
R("clinical", "Kenyan lab report: hospital number with slashes, DOB, specimen collection datetime; lab values unlabelled",
  "Summarise this lab report for the patient in simple English:\nKENYATTA NATIONAL HOSPITAL, HAEMATOLOGY\nName: Achieng Odhiambo   Sex: F   DOB: ⟦DT|12/05/1992⟧\n"
  "Hospital No.: ⟦MRN|KNH/2025/004471⟧\nCollected: ⟦DT|03/03/2025 07:45⟧\nHb 10.8 g/dL (12.0-15.5)  MCV 71 fL  Plt 412 x10^9/L\nComment: microcytic picture, suggest iron studies.", "en-KE")
R("clinical", "AU pharmacy label: Medicare card number (computed check digit), DOB, dispense date, pharmacy phone",
  "Read this dispensing label back to me in plain words:\nRx 4471822   REPEATS: 2\nMETFORMIN XR 1000MG TABLETS, take ONE tablet daily with evening meal\n"
  "Patient: Mereana Walker   DOB ⟦DT|09/11/1958⟧\nMedicare ⟦HP|=medicare_au()⟧\nDr A. Nguyen   Dispensed ⟦DT|04/03/2025⟧\n"
  "Priceline Pharmacy Subiaco ⟦PH@AU|(08) 9381 2290⟧   Discard after 09/2026", "en-AU")
R("clinical", "AU ED triage note: UR number (MRN), arrival datetime, symptom-onset time, NOK phone",
  "Convert to an ISBAR handover:\nROYAL MELBOURNE HOSPITAL ED\nUR No: ⟦MRN|=digits(7)⟧\nArrived: ⟦DT|04/03/2025 02:47⟧ by ambulance\n"
  "NOK: daughter Kylie, ⟦PH@AU|0423 881 906⟧\nTriage cat 2, chest pain, onset ⟦DT|01:30⟧.", "en-AU")
R("clinical", "FR-CA clinic note: RAMQ health-insurance number, DOB, ISO appointment + '13 h 30', phone with 'poste'",
  "Rédige une note de suivi plus claire :\nPatiente : Geneviève Tremblay\nNAM (RAMQ) : ⟦HP|TREG 8562 1418⟧\nDate de naissance : ⟦DT|14 décembre 1985⟧\n"
  "Prochain rendez-vous : ⟦DT|2025-04-08⟧ à ⟦DT|13 h 30⟧\nClinique : ⟦PH@CA|(514) 872-3391 poste 2207⟧", "fr-CA")
R("clinical", "Italian discharge letter: birth date, admission range, follow-up weekday + 'alle ore', Bari landline",
  "Riassumi questo referto per il medico di base:\nPaziente: Lucia Esposito, nata a Bari il ⟦DT|12/05/1976⟧\n"
  "Ricovero dal ⟦DT|3 febbraio 2025⟧ al ⟦DT|10 febbraio 2025⟧ presso l'U.O. di Cardiologia.\n"
  "Controllo ambulatoriale fissato per ⟦DT|martedì 8 aprile⟧ alle ore ⟦DT|15:30⟧.\nPer informazioni: ⟦PH@IT|+39 080 559 2290⟧ (segreteria).", "it")
R("clinical", "Swedish journal note: född, in/utskriven ISO dates, återbesök 'den 3 juni 2025 kl. 14.30'",
  "Översätt journalanteckningen till engelska:\nPatient född ⟦DT|12 mars 1985⟧. Inskriven på avdelning 32 ⟦DT|2025-02-27⟧, utskriven ⟦DT|2025-03-04⟧.\n"
  "Återbesök den ⟦DT|3 juni 2025⟧ kl. ⟦DT|14.30⟧ på mottagningen, tel. ⟦PH@SE|031-711 42 90⟧.", "sv")
R("clinical", "Finnish: syntynyt with month name, kotiutettiin, 'ti 14.4.' klo 9.30, Helsinki landline in parens",
  "Käännä englanniksi: Potilas (syntynyt ⟦DT|3. kesäkuuta 1987⟧) kotiutettiin ⟦DT|28.2.2025⟧. Seuraava vastaanotto ⟦DT|ti 14.4.⟧ klo ⟦DT|9.30⟧, "
  "puh. ⟦PH@FI|(09) 4289 1171⟧.", "fi")
R("clinical", "Ukrainian: народився ... р., госпіталізований, прийом ... о 10:30, Kyiv landline",
  "Переклади англійською: Пацієнт народився ⟦DT|12 березня 1985⟧ р., госпіталізований ⟦DT|27.02.2025⟧. Повторний прийом ⟦DT|15.04.2025⟧ о ⟦DT|10:30⟧. "
  "Телефон відділення: ⟦PH@UA|(044) 279-31-48⟧.", "uk")
R("clinical", "Russian: родилась ... г., запись на ... в 15:00, mobile with 8 (9xx) trunk",
  "Переведи на английский: Пациентка родилась ⟦DT|5 мая 1982⟧ г., запись к кардиологу на ⟦DT|14 апреля⟧ в ⟦DT|15:00⟧. "
  "Контактный телефон: ⟦PH@RU|8 (916) 318-44-72⟧.", "ru")
R("clinical", "Filipino: ipinanganak noong Marso 12, 1990; check-up Abril 5, 2025 ng 3:00 PM; Manila landline",
  "Paki-translate sa English: Ang pasyente ay ipinanganak noong ⟦DT|Marso 12, 1990⟧. Ang susunod na check-up ay sa ⟦DT|Abril 5, 2025⟧ ng ⟦DT|3:00 PM⟧. "
  "Tumawag sa ⟦PH@PH|(02) 8894 1234⟧ kung may tanong.", "fil")
R("clinical", "Malay: dilahirkan pada 12 Mac 1988, temu janji 3 April 2025 jam 10.30 pagi, KL landline",
  "Terjemahkan ke bahasa Inggeris: Pesakit dilahirkan pada ⟦DT|12 Mac 1988⟧. Temu janji susulan pada ⟦DT|3 April 2025⟧, jam ⟦DT|10.30 pagi⟧, "
  "di Klinik Pakar. Sebarang pertanyaan: ⟦PH@MY|03-2148 7731⟧.", "ms")
R("clinical", "Swahili (TZ): alizaliwa tarehe 12 Machi 1990; miadi Jumatatu, 7 Aprili 2025 saa 4:30 asubuhi",
  "Tafsiri kwa Kiingereza: Mgonjwa alizaliwa tarehe ⟦DT|12 Machi 1990⟧. Miadi yake ijayo ni ⟦DT|Jumatatu, 7 Aprili 2025⟧ saa ⟦DT|4:30 asubuhi⟧. "
  "Kwa maswali piga ⟦PH@TZ|+255 754 318 447⟧.", "sw")
R("clinical", "Persian: Solar Hijri birth date with month name, appointment date + time, mobile, all in Persian digits",
  "این متن را به انگلیسی ترجمه کن: بیمار متولد ⟦DT|۱۲ مرداد ۱۳۶۴⟧ است. نوبت بعدی ایشان ⟦DT|۱۴۰۴/۰۱/۲۵⟧ ساعت ⟦DT|۱۰:۳۰⟧ است. شماره تماس: ⟦PH@IR|۰۹۱۲ ۳۱۸ ۴۴۷۲⟧", "fa")
R("clinical", "Urdu: تاریخ پیدائش (Latin digits), appointment in Extended Arabic-Indic digits with صبح ... بجے",
  "اس کا انگریزی میں ترجمہ کریں: مریض کی تاریخ پیدائش ⟦DT|12 مارچ 1985⟧ ہے۔ اگلی ملاقات ⟦DT|۱۵ اپریل ۲۰۲۵⟧ کو ⟦DT|صبح ۱۰ بجے⟧ ہے۔ رابطہ: ⟦PH@PK|0300-1234567⟧", "ur")
R("clinical", "Bengali: জন্ম তারিখ, appointment with সকাল time, mobile in Bengali digits",
  "ইংরেজিতে অনুবাদ করুন: রোগীর জন্ম তারিখ ⟦DT|১২ মার্চ ১৯৮৫⟧। পরবর্তী সাক্ষাৎ ⟦DT|১৫/০৪/২০২৫⟧, সময় ⟦DT|সকাল ১০:৩০⟧। যোগাযোগ: ⟦PH@BD|০১৭১২-৩১৮৪৪৭⟧", "bn")
R("clinical", "NZ GP letter: DOB, seen date, Auckland landline +64 9",
  "Make this referral letter more concise:\nRe: Hemi Parata, DOB ⟦DT|21/07/1969⟧\nSeen ⟦DT|3 March 2025⟧ with 6 weeks of exertional dyspnoea. ECG: new LBBB.\n"
  "Please contact the practice on ⟦PH@NZ|+64 9 379 4412⟧ or fax ⟦PH@NZ|(09) 379 4413⟧.", "en-NZ")
R("clinical", "SG polyclinic SMS: appointment date with weekday in parentheses, time, hotline",
  "Rewrite this SMS to be friendlier:\nBukit Batok Polyclinic: Your appt is on ⟦DT|18 Mar 2025 (Tue)⟧ at ⟦DT|8:40am⟧. To change, call ⟦PH@SG|6738 2105⟧. Do not reply.", "en-SG")
R("clinical", "Irish hospital clinic letter: MRN, DOB with ordinal, appointment; Eircode unlabelled here",
  "Make this patient-friendly:\nMater Misericordiae University Hospital, Dublin 7, D07 R2WY\nMRN: ⟦MRN|=digits(7, '0')⟧   DOB: ⟦DT|3rd June 1950⟧\n"
  "Your appointment: ⟦DT|Wednesday 26th March 2025⟧ at ⟦DT|11.20am⟧, Outpatients Dept.\nQueries: ⟦PH@IE|01 803 2000⟧", "en-IE")
R("clinical", "US patient-portal message: MRN#, DOB, CDA-style id attribute",
  "Is this the right MRN to give the new clinic?\nMyChart message: MRN# ⟦MRN|=digits(10, '0')⟧, DOB ⟦DT|Aug 2, 1975⟧.\n"
  "<id root=\"2.16.840.1.113883.19.5\" extension=\"⟦MRN|=digits(8)⟧\" assigningAuthorityName=\"Banner Health MRN\"/>", "en-US")

# ---------------------------------------------------------------- HR / finance / travel
R("hr", "US onboarding: SSN, DOB, passport (letter+8), MA licence S+8, routing unlabelled, account, start date, e-mail, phone",
  "Check this onboarding record for missing fields:\nEMPLOYEE ONBOARDING (CONFIDENTIAL)\nLegal name: Keisha Thompson\nDate of birth: ⟦DT|1990-08-14⟧\n"
  "SSN: ⟦SSN|=ssn('-')⟧\nI-9 List A: U.S. passport ⟦PP|=letter() + digits(8, string.digits)⟧ (exp. 2031)\n"
  "I-9 List B (backup): MA driver's license ⟦DL|=tok('S', 8, string.digits)⟧\nDirect deposit: routing ⟦!ABA|=aba()⟧, checking ⟦BANK|=digits(12)⟧\n"
  "Start date: ⟦DT|Monday, April 7, 2025⟧\nPersonal email: ⟦EM|keisha.t.1990@icloud.com⟧\nEmergency contact: mother, ⟦PH@US|+1 (646) 318-4473⟧", "en-US")
R("hr", "IE new-starter form: DOB with ordinal, start date 'Tues 1st April 2025', IE IBAN, mobile with (0)",
  "Fill the gaps in this new starter form:\nName: Siobhán Byrne\nDate of birth: ⟦DT|19th July 1984⟧\nStart date: ⟦DT|Tues 1st April 2025⟧\n"
  "Bank (salary): ⟦IBAN|=ibanb('IE', 'AIBK93', True)⟧\nMobile: ⟦PH@IE|+353 (0)86 318 4473⟧\nEmail: ⟦EM|siobhan.byrne84@gmail.com⟧", "en-IE")
R("hr", "ZA onboarding: DOB yyyy/mm/dd, start date, cell + Pretoria landline, e-mail, Cisco-dotted laptop MAC",
  "Onboarding checklist for Sipho Ndlovu, anything missing?\nDOB: ⟦DT|1993/11/02⟧\nStart: ⟦DT|1 April 2025⟧\nCell: ⟦PH@ZA|073 481 2290⟧ · Home: ⟦PH@ZA|(012) 318 4472⟧\n"
  "Email: ⟦EM|sipho.ndlovu@webmail.co.za⟧\nLaptop MAC (for NAC): ⟦MAC|a4b1.c2d3.e4f5⟧", "en-ZA")
R("hr", "US HR case note: Minnesota licence (M+12), Iowa licence (3d2L4d), hire/termination dates",
  "Summarise this HR case note neutrally:\nEmployee relocated from MN (DL ⟦DL|=tok('M', 12, string.digits)⟧) to IA; new Iowa license no. ⟦DL|482KQ7731⟧.\n"
  "Hired ⟦DT|06/12/2017⟧, resigned effective ⟦DT|03/28/2025⟧. Final paycheck to checking acct ⟦BANK|=digits(9)⟧.", "en-US")
R("hr", "FR-CA offre d'emploi acceptée: start date, phone, e-mail",
  "Corrige le français de ce courriel :\nBonjour Mme Tremblay, je confirme mon entrée en fonction le ⟦DT|lundi 5 mai 2025⟧ à ⟦DT|8 h 30⟧. "
  "Vous pouvez me joindre au ⟦PH@CA|1 819 775-4412⟧ ou à ⟦EM|m.gagnon@videotron.ca⟧.", "fr-CA")
R("finance", "US bank statement: account with leading zero, personal transaction dates; routing, check no. unlabelled",
  "Categorise these transactions:\nFIRST HARBOR CREDIT UNION, Statement\nMember: Darnell Hughes\nAccount number: ⟦BANK|=digits(10, '0')⟧   Routing: ⟦!ABA|=aba()⟧\n"
  "Date        Description                     Amount\n⟦DT|02/03/2025⟧  ACH DEBIT VERIZON WIRELESS        -84.19\n⟦DT|02/07/2025⟧  CHECK #1042                        -1,250.00\n"
  "⟦DT|02/14/2025⟧  ZELLE TO K. THOMPSON               -60.00\n⟦DT|02/21/2025⟧  PAYROLL DEP ACME LOGISTICS        +2,418.77", "en-US")
R("finance", "French bank statement: IBAN with valid clé RIB, day/month operation dates; BIC unlabelled",
  "Résume ce relevé et signale les dépenses inhabituelles :\nTitulaire : M. Julien Marchand\nIBAN : ⟦IBAN|=iban_fr(True)⟧   BIC : CCBPFRPPMTG\nOpérations :\n"
  "⟦DT|03/02⟧  CB CARREFOUR MARSEILLE     -82,14 €\n⟦DT|05/02⟧  PRLV SEPA EDF              -64,00 €\n⟦DT|11/02⟧  VIR SEPA SALAIRE FEV     +2 418,77 €", "fr")
R("finance", "Ukrainian statement line: UA IBAN compact, masked card unlabelled, transaction datetime one span",
  "Поясни цю виписку англійською:\nОтримувач: Олена Коваленко\nIBAN: ⟦IBAN|=ibanb('UA', '305299')⟧\nКартка: 5168 **** **** 4417\n"
  "⟦DT|28.02.2025 14:32⟧  Сільпо, Київ  −1 248,50 ₴", "uk")
R("finance", "Urdu bank SMS: PK IBAN grouped, transaction date, bank helpline",
  "Translate to English: آپ کے اکاؤنٹ ⟦IBAN|=ibanb('PK', 'HABB', True)⟧ میں ⟦DT|04-03-2025⟧ کو Rs. 45,000 جمع ہوئے۔ مزید معلومات کے لیے ⟦PH@PK|+92 21 3568 2291⟧ پر کال کریں۔", "ur")
R("finance", "Persian: شبا (IR IBAN) and a Shetab card written in Persian digits",
  "این پیام را به انگلیسی ترجمه کن: لطفاً مبلغ را به شماره شبا ⟦IBAN|=ibanb('IR', '017')⟧ یا کارت ⟦CC|=fa(card('603799', 16, '-'))⟧ واریز کنید.", "fa")
R("finance", "EPC / GiroCode QR payload (FI): IBAN line, BIC and amount unlabelled",
  "Decode this SEPA QR payload and tell me who gets paid:\nBCD\n002\n1\nSCT\nOKOYFIHH\nAino Virtanen\n⟦IBAN|=iban_fi(False, '5')⟧\nEUR125.00\n\n\nVuokra maaliskuu", "fi")
R("finance", "Italian bonifico request: IBAN grouped (valid CIN), beneficiary phone",
  "Scrivi una mail formale: chiedo il rimborso della caparra sul conto ⟦IBAN|=iban_it(True, '05034')⟧ intestato a me. Per urgenze: ⟦PH@IT|349-1187302⟧.", "it")
R("finance", "wire instructions for a US account written in SG English: account number, ABA and SWIFT unlabelled",
  "Check these wire instructions before I send SGD 12,000:\nBeneficiary: Kevin Lim\nBeneficiary a/c no.: ⟦BANK|=digits(13)⟧\nBank: JPMorgan Chase, ABA ⟦!ABA|=aba()⟧, SWIFT CHASUS33\nRef: tuition Spring term", "en-SG")
R("travel", "SQ itinerary (SG): travel dates in DDMON and departure times; PNR and ticket no. unlabelled",
  "Make this itinerary into a calendar entry:\nBOOKING REF: 6XK2PQ\nPASSENGER: TAN/WEIMING MR\nTICKET: 618-2104497213\n"
  "  SQ 318  ⟦DT|12MAR⟧  dep SIN ⟦DT|23:55⟧\n  SQ 317  ⟦DT|26MAR⟧  dep LHR ⟦DT|11:35⟧\nCONTACT: ⟦PH@SG|+65 9123 4567⟧ / ⟦EM|tan.weiming88@gmail.com⟧", "en-SG")
R("travel", "e-ticket (US traveller): DOB as DDMONYY, US passport 9 digits, flight dates with weekday and times",
  "Check this e-ticket receipt:\nPassenger: OKONKWO/CHIOMA MS\nDOB: ⟦DT|07JUN88⟧  Passport: ⟦PP|=digits(9)⟧ (USA)\n"
  "Flight ET 509  IAD-ADD  ⟦DT|Fri 21 Mar 2025⟧  dep ⟦DT|10:25⟧\nFlight ET 901  ADD-LOS  ⟦DT|Sat 22 Mar 2025⟧  dep ⟦DT|09:40⟧\nTicket no. 071-2104497219   Baggage 2PC", "en-US")
R("travel", "Italian hotel confirmation: check-in/out, card Diners 4-6-4, guest phone",
  "Traduci in inglese la conferma:\nOspite: Marco Gallo · Arrivo ⟦DT|ven 18 aprile 2025⟧ · Partenza ⟦DT|lun 21 aprile 2025⟧\n"
  "Garanzia: Diners ⟦CC|=card('36', 14, ' ')⟧ · Tel. ⟦PH@IT|339 481 2207⟧", "it")
R("travel", "Finnish train ticket (VR): departure date/time of the traveller, seat unlabelled",
  "Käännä englanniksi: Matkustaja Aino Virtanen, IC 27 Helsinki–Oulu ⟦DT|pe 14.3.2025⟧ klo ⟦DT|7.12⟧, vaunu 4 paikka 61. Lippu lähetetty osoitteeseen ⟦EM|aino.virtanen@kolumbus.fi⟧.", "fi")
R("travel", "Google Calendar export JSON: personal event start/end with offset; created/updated unlabelled",
  'Convert to an .ics event:\n{"summary": "Physio, Wei Ming", "start": {"dateTime": "⟦DT|2025-03-14T09:30:00+08:00⟧"}, "end": {"dateTime": "⟦DT|2025-03-14T10:15:00+08:00⟧"}, '
  '"created": "2025-03-01T02:11:09.000Z", "updated": "2025-03-02T08:40:51.118Z", "attendees": [{"email": "⟦EM|weiming.tan@singnet.com.sg⟧"}]}', "en-SG")

# ---------------------------------------------------------------- phone numbers, locale by locale
R("phone", "FR: mobile 07 + Marseille landline dotted",
  "Rédige un SMS pour le plombier : mon portable c'est le ⟦PH@FR|07 81 42 69 36⟧, sinon le fixe ⟦PH@FR|04.91.55.21.09⟧ au bureau.", "fr")
R("phone", "FR: Numéro Vert 0 800 and +33 (0)9 VoIP number in a website footer",
  "Reformule le pied de page du site : Service client (Numéro Vert) ⟦PH@FR|0 800 41 22 90⟧, du lundi au vendredi. Standard : ⟦PH@FR|+33 (0)9 72 18 44 30⟧.", "fr")
R("phone", "FR-CA: '1 819' long-distance prefix and +1 418 Québec number",
  "Traduis en anglais : Laissez-moi un message au ⟦PH@CA|1 819 775-4413⟧ ou au bureau de Québec au ⟦PH@CA|+1 418 648-2291⟧.", "fr-CA")
R("phone", "IT: dashed mobile + Milan landline +39 02",
  "Scrivi un promemoria: il mio cellulare è ⟦PH@IT|349-1187303⟧, lo studio a Milano risponde al ⟦PH@IT|+39 02 7254 3311⟧.", "it")
R("phone", "SE: 073 mobile + växel +46 (0)8",
  "Skriv ett kort svar till kunden: ring mig på ⟦PH@SE|073 318 44 72⟧ eller växeln ⟦PH@SE|+46 (0)8 5451 8300⟧ mellan 9 och 16.", "sv")
R("phone", "FI: +358 9 landline and 050 mobile",
  "Kirjoita asiakkaalle: soita ⟦PH@FI|+358 9 4289 1173⟧ tai tekstaa ⟦PH@FI|050 482 1178⟧, vastaan arkisin.", "fi")
R("phone", "UA: +380 mobile and old '+38 (050)' format",
  "Перепиши офіційніше: мій номер ⟦PH@UA|+380 67 318 4472⟧, робочий ⟦PH@UA|+38 (050) 481-22-90⟧.", "uk")
R("phone", "RU: Moscow landline with 'доб.' extension inside the span",
  "Составь письмо поставщику: звоните по номеру ⟦PH@RU|+7 (495) 318-44-72 доб. 214⟧ или на мобильный ⟦PH@RU|+7 912 481 22 90⟧.", "ru")
R("phone", "PH: Taglish with 0998 mobile and +63 2 8-digit Manila landline",
  "Pa-text na lang sa ⟦PH@PH|0998-318-4472⟧ kung late ka, or tawag sa landline namin ⟦PH@PH|+63 2 8894 1235⟧. Paki-ayos ng grammar.", "fil")
R("phone", "MY: +60 12 mobile and KL landline",
  "Tolong betulkan ayat ini: Hubungi saya di ⟦PH@MY|+60 12-318 4473⟧ atau pejabat ⟦PH@MY|03-2148 7730⟧ pada waktu pejabat.", "ms")
R("phone", "KE: dashed mobile and Nairobi 020 landline (Swahili)",
  "Andika ujumbe rasmi zaidi: Nipigie kwa ⟦PH@KE|0722-481-228⟧ au ofisini ⟦PH@KE|020 271 3348⟧.", "sw")
R("phone", "TZ: 0754 mobile and Dar es Salaam 022 landline",
  "Tafsiri kwa Kiingereza: Namba yangu ni ⟦PH@TZ|0754 318 448⟧; ofisi ya Dar es Salaam ni ⟦PH@TZ|022 211 4471⟧.", "sw")
R("phone", "IR: Latin-digit +98 mobile and Tehran landline; Persian-digit international number",
  "این جمله را رسمی‌تر کن: شماره من ⟦PH@IR|+98 912 318 4473⟧ و تلفن دفتر ⟦PH@IR|021 8831 4472⟧ است. از خارج: ⟦PH@IR|+۹۸ ۲۱ ۸۸۳۱ ۴۴۷۳⟧", "fa")
R("phone", "PK: mobile in Extended Arabic-Indic digits + Lahore landline in parens",
  "اس پیغام کو انگریزی میں لکھیں: میرا نمبر ⟦PH@PK|۰۳۲۱-۴۸۱۲۲۹۰⟧ ہے، دفتر کا ⟦PH@PK|(042) 3571 2290⟧۔", "ur")
R("phone", "BD: +880 mobile and Dhaka landline",
  "এই বার্তাটি ইংরেজিতে লিখুন: আমার নম্বর ⟦PH@BD|+880 1712-318448⟧, অফিস ⟦PH@BD|02-9661447⟧।", "bn")
R("phone", "IE: Cork landline in parens and Dublin 01",
  "Write a short voicemail script giving both numbers: Cork office ⟦PH@IE|(021) 427 3391⟧, Dublin ⟦PH@IE|01 671 9303⟧.", "en-IE")
R("phone", "GB: Belfast 028 and Aberdeen +44 (0)1224",
  "Put these in the email footer: Belfast ⟦PH@GB|028 9032 1177⟧ · Aberdeen ⟦PH@GB|+44 (0)1224 552 190⟧", "en-GB")
R("phone", "NZ: 027 mobile and 0800 freephone",
  "Kia ora, can you tidy this text? Flick me a txt on ⟦PH@NZ|027 482 9911⟧ or ring the freephone ⟦PH@NZ|0800 481 229⟧.", "en-NZ")
R("phone", "NG: 0803 mobile national and +234 E.164 compact in JSON",
  'Validate this payload:\n{"customer": {"name": "Ifeoma Nwankwo", "msisdn": "⟦PH@NG|+2348033184473⟧", "alt": "⟦PH@NG|0803 318 4474⟧"}}', "en-NG")
R("phone", "SG: dashed intl +65- and 8-digit landline",
  "Reply to the landlord: my new number is ⟦PH@SG|+65-9318-4472⟧; the agent's office is ⟦PH@SG|6221 4471⟧.", "en-SG")
R("phone", "AU: Markdown tel: link (prefix outside span) and mobile in backticks",
  "Fix this Markdown: [Call the Sydney office](tel:⟦PH@AU|+61293744013⟧) or text `⟦PH@AU|0412 345 679⟧` after hours.", "en-AU")
R("phone", "SG: sms: URI with body parameter (prefix and query outside the span)",
  'Why doesn\'t this open the SMS app on Android? <a href="sms:⟦PH@SG|+6591234568⟧?body=Hi%20I%27m%20outside">Text us</a>', "en-SG")
R("phone", "KE: MECARD QR payload with phone and e-mail",
  "Decode this QR payload: MECARD:N:Otieno,Brian;TEL:⟦PH@KE|+254712318448⟧;EMAIL:⟦EM|otieno.brian@yahoo.com⟧;;", "en-KE")
R("phone", "US: vanity-free dotted number with 'ext' and a bracketed fax",
  "Update the letterhead: Tel ⟦PH@US|646.318.4473 ext 204⟧ [fax ⟦PH@US|+1 (646) 318-4479⟧]", "en-US")

# ---------------------------------------------------------------- personal dates (standalone)
R("date", "FR: '1er juin 2019' birth, anniversary weekday unlabelled (relative)",
  "Mon fils est né le ⟦DT|1er juin 2019⟧ ; propose des idées de fête pour ses six ans.", "fr")
R("date", "FR: préfecture appointment weekday + '14 h 15'",
  "J'ai rendez-vous à la préfecture le ⟦DT|jeudi 13 mars⟧ à ⟦DT|14 h 15⟧ pour mon titre de séjour. Quels documents apporter ?", "fr")
R("date", "FR-CA: flight ISO date + '6 h 05'",
  "Mon vol pour Montréal part le ⟦DT|2025-04-18⟧ à ⟦DT|6 h 05⟧ ; à quelle heure dois-je quitter Gatineau ?", "fr-CA")
R("date", "IT: dentist appointment weekday + 'alle 17:45'",
  "Devo disdire l'appuntamento dal dentista di ⟦DT|giovedì 20 marzo⟧ alle ⟦DT|17:45⟧. Scrivi un messaggio educato.", "it")
R("date", "SV: dentist 'tisdag 18/3' kl. 09:40",
  "Skriv ett sms för att boka om: jag har tid hos tandläkaren ⟦DT|tisdag 18/3⟧ kl. ⟦DT|09:40⟧ men kan inte komma.", "sv")
R("date", "FI: wedding anniversary d.m.yyyy",
  "Kirjoita hääpäiväkortti: menimme naimisiin ⟦DT|12.8.2016⟧ Turussa.", "fi")
R("date", "UK: interview date with 'року' outside span, time after 'о'",
  "Напиши підтвердження: моя співбесіда ⟦DT|20 березня 2025⟧ року о ⟦DT|11:00⟧, я буду вчасно.", "uk")
R("date", "RU: doctor appointment dd.mm.yyyy в 09:15 + birthday without year",
  "Напомни мне: приём у врача ⟦DT|03.04.2025⟧ в ⟦DT|09:15⟧, а ⟦DT|17 августа⟧ день рождения мамы.", "ru")
R("date", "FIL: wedding date 'Hunyo 14, 2025' and time '4:00 ng hapon'",
  "Gawan mo ako ng invitation: ang kasal namin ay sa ⟦DT|Hunyo 14, 2025⟧, ⟦DT|4:00 ng hapon⟧, sa Tagaytay.", "fil")
R("date", "MS: child's birth date with month name 'Ogos'",
  "Tolong kira umur anak saya: tarikh lahir ⟦DT|5 Ogos 2018⟧.", "ms")
R("date", "SW: 'tarehe' outside span, birthday",
  "Niandikie salamu za kuzaliwa: nilizaliwa tarehe ⟦DT|3 Juni 1987⟧ na mwaka huu nafanya sherehe.", "sw")
R("date", "FA: Solar Hijri DOB in Persian digits with slashes, conversion request",
  "تاریخ تولد من ⟦DT|۱۳۶۶/۰۳/۱۳⟧ است؛ لطفاً آن را به میلادی تبدیل کن.", "fa")
R("date", "UR: flight date + 'رات 11:45 بجے'",
  "میری فلائٹ ⟦DT|22 مارچ⟧ کو ⟦DT|رات 11:45 بجے⟧ ہے، ایئرپورٹ کب پہنچوں؟", "ur")
R("date", "BN: birthday day-month in Bengali digits",
  "আমার জন্মদিন ⟦DT|৫ আগস্ট⟧, বন্ধুদের জন্য একটি আমন্ত্রণ লিখে দিন।", "bn")
R("date", "IE: Communion 'Saturday the 10th of May'",
  "Write an invitation: my daughter's First Communion is on ⟦DT|Saturday the 10th of May⟧, party afterwards at home.", "en-IE")
R("date", "AU: birth date dd/mm/yyyy and birth time '4.12am'",
  "Write a birth announcement: our son was born ⟦DT|03/06/2024⟧ at ⟦DT|4.12am⟧, 3.4 kg.", "en-AU")
R("date", "NZ: citizenship ceremony for the user, weekday short form",
  "Help me plan the day: my citizenship ceremony is ⟦DT|Wed 19 March⟧ at ⟦DT|10am⟧ in Wellington.", "en-NZ")
R("date", "NG: '12th of March, 1985' DOB",
  "Write a short CV header. I was born on the ⟦DT|12th of March, 1985⟧ in Enugu.", "en-NG")
R("date", "ZA: personal court date dd Month yyyy + time with 'h'",
  "Draft a leave request: I must appear in the Small Claims Court on ⟦DT|14 April 2025⟧ at ⟦DT|09h00⟧.", "en-ZA")
R("date", "SG: ORD date for the user",
  "Plan my post-NS holiday: my ORD is on ⟦DT|14 Aug 2025⟧ and I want to fly out the week after.", "en-SG")
R("date", "US: charge on a personal card at a time on a date (personal transaction)",
  "Write a dispute: I was charged $89.99 at ⟦DT|3:12 a.m.⟧ on ⟦DT|March 2⟧ by a merchant I don't recognise.", "en-US")

# ---------------------------------------------------------------- e-mail addresses
R("email", "SV: 'snabel-a' / 'punkt' obfuscation",
  "Skriv om som en riktig e-postadress: ⟦EM|erik.lind snabel-a telia punkt se⟧", "sv")
R("email", "UK: Cyrillic IDN e-mail (.укр) and a Latin one",
  "Надішли лист на ⟦EM|олена@приклад.укр⟧ і копію на ⟦EM|o.kovalenko@ukr.net⟧, тема: договір.", "uk")
R("email", "EN: plus-tag + mixed case + .IE and punycode domain",
  "Whitelist ⟦EM|J.Murphy+Invoices@Revenue-Mail.IE⟧ and ⟦EM|hello@xn--bcher-kva.ch⟧ in the spam filter.", "en-IE")
R("email", "AU: four-level university subdomain",
  "Forward the offer letter to ⟦EM|r.kaur@student.mail.uwa.edu.au⟧ and cc the faculty.", "en-AU")
R("email", "KE: git config in backticks",
  "Why does GitHub not link my commits? I ran `git config user.email \"⟦EM|dev.amani@tuwaqi.co.ke⟧\"` on the laptop.", "en-KE")
R("email", "KE: hex HTML entity &#x40;",
  "Decode this HTML before I paste it into the CRM: contact ⟦EM|grace.wanjiru&#x40;safaricom.co.ke⟧", "en-KE")
R("email", "MS: spelled-out 'at ... dot'",
  "emel saya ⟦EM|ahmad.faiz at gmail dot com⟧, tolong hantar invois ke situ", "ms")
R("email", "ZA: e-mail in square brackets",
  "Please reply to the right person [⟦EM|naledi.m@uct.ac.za⟧], not to the list.", "en-ZA")
R("email", "FA: e-mail in Persian text",
  "لطفاً فاکتور را به ایمیل ⟦EM|ali.rezaei1366@gmail.com⟧ بفرستید.", "fa")
R("email", "BN: e-mail in Bengali text with university domain",
  "ইমেইল: ⟦EM|rahim.uddin@bracu.ac.bd⟧, এই ঠিকানায় ফলাফল পাঠান।", "bn")
R("email", "FI: IDN local part",
  "Hyväksyykö lomake osoitteen ⟦EM|pääkäyttäjä@yritys-äänekoski.fi⟧? Kirjoita regex.", "fi")

# ---------------------------------------------------------------- URLs
R("url", "FR: IDN host and path with query, trailing period outside",
  "Le lien de réservation est ⟦URL|https://café-dupont.fr/réservation?table=4&heure=20h⟧.", "fr")
R("url", "EN: punycode and Unicode forms of the same host",
  "Is ⟦URL|https://xn--mnchen-3ya.de/termine⟧ the same site as ⟦URL|https://münchen.de/termine⟧? The first one came by SMS.")
R("url", "KE: wa.me link whose path is a phone number (whole URL is the span)",
  "Put my WhatsApp link on the flyer: ⟦URL|https://wa.me/254712318447?text=Habari⟧", "en-KE")
R("url", "IE: URL with port inside backticks",
  "Why does `⟦URL|http://intranet.mater.ie:8080/results?pid=4471&view=full⟧` time out from home?", "en-IE")
R("url", "SV: www. without scheme, closing parenthesis outside",
  "Boka via webben (⟦URL|www.tandlakare-lind.se/boka⟧) i stället för att ringa.", "sv")
R("url", "FIL: host+path links incl. a TikTok @-handle path",
  "Paki-check ng bio ko: ⟦URL|linktr.ee/amihan.reyes⟧ tapos ⟦URL|tiktok.com/@amihan.bakes⟧", "fil")
R("url", "EN: Notion URL with parentheses in the path inside a Markdown link",
  "Shorten this: [my portfolio](⟦URL|https://amani-otieno.notion.site/Portfolio-(2025)-4f2a81c0e3⟧) is updated.", "en-KE")
R("url", "UR: Google Maps short link in Urdu text",
  "میرا گھر یہ ہے: ⟦URL|https://maps.app.goo.gl/Xk2Pq8LmZt3vR9Yw6⟧ — کل شام آ جائیں۔", "ur")
R("url", "RU: ftp URL to a personal folder",
  "Как скачать файлы с ⟦URL|ftp://files.dom-mebel.ru/clients/petrov_i/⟧ через FileZilla?", "ru")

# ---------------------------------------------------------------- IP / MAC
R("ip", "well-known public resolvers are host addresses too; ISP-assigned IPv4",
  "I changed my DNS to ⟦IP|1.1.1.1⟧ and ⟦IP|8.8.4.4⟧ but my ISP address ⟦IP|105.112.44.19⟧ still resolves slowly. Why?", "en-NG")
R("ip", "IPv6 full form with leading zeros",
  "Is ⟦IP|2001:0db8:0000:0042:0000:8a2e:0370:7334⟧ the same address as 2001:db8:0:42:0:8a2e:370:7334? Explain zero compression.")
R("ip", "IPv4-mapped IPv6 in Express req.ip vs X-Real-IP",
  "In Express, req.ip is ⟦IP|::ffff:10.20.30.40⟧ but the X-Real-IP header says ⟦IP|102.89.34.18⟧. Which should I log?", "en-NG")
R("ip", "ULA IPv6 and link-local with zone index (zone outside span)",
  "Why can I ping ⟦IP|fd12:3456:789a:1::1f⟧ but not ⟦IP|fe80::1ff:fe23:4567:890a⟧%wlan0 from the container?")
R("ip", "IPv4 with port after a colon, inside quotes in YAML (Swedish)",
  "Varför får jag timeout?\nupstreams:\n  - \"⟦IP|192.168.50.21⟧:9000\"\n  - \"⟦IP|192.168.50.22⟧:9000\"\nlisten: \"⟦!IP|0.0.0.0⟧:8080\"", "sv")
R("mac", "MAC colon lower-case in a router allow-list (Finnish)",
  "Lisää tämä laite reitittimen sallittujen listaan: ⟦MAC|3c:22:fb:91:0a:7f⟧ (Ainon läppäri).", "fi")
R("mac", "MAC dash upper-case from getmac (Russian)",
  "Вот вывод getmac: ⟦MAC|5C-87-9C-1A-2F-B5⟧ \\Device\\Tcpip_{...}. Как привязать IP к этому адресу?", "ru")

# ---------------------------------------------------------------- payment cards
R("card", "Amex dashed 4-6-5 in AU deposit request; expiry unlabelled",
  "Email the venue: please put the deposit on my Amex ⟦CC|=card('34', 15, '-')⟧, expiry 11/27.", "en-AU")
R("card", "Verve 19-digit compact (IIN 506099) in NG complaint",
  "Write a complaint to the bank: my Verve card ⟦CC|=card('506099', 19)⟧ was declined on Jumia three times today.", "en-NG")
R("card", "UnionPay spaced in Malay",
  "Kad UnionPay saya ⟦CC|=card('6250', 16, ' ')⟧ ditolak di kedai dalam talian. Tulis e-mel aduan.", "ms")
R("card", "JCB in backticks (SG chat)",
  "can u check if `⟦CC|=card('3540', 16)⟧` is a JCB? the site says unsupported card", "en-SG")
R("card", "Visa compact in quotes in Taglish chat",
  "ito yung card ko \"⟦CC|=card('4', 16)⟧\" pero ayaw tanggapin ng Lazada, bakit kaya?", "fil")
R("card", "Mastercard 2-series dashed in Finnish",
  "Miksi verkkokauppa hylkää korttini ⟦CC|=card('2720', 16, '-')⟧? Kirjoita reklamaatio.", "fi")
R("card", "Maestro 19-digit grouped 4-4-4-4-3 in IE",
  "Is my old Maestro ⟦CC|=card('6763', 19, ' ')⟧ still usable abroad? Draft a question to the bank.", "en-IE")
R("card", "Mir spaced in Russian chat",
  "Вот номер карты для перевода: ⟦CC|=card('2200', 16, ' ')⟧, получатель Иван П.", "ru")
R("card", "Discover in a Stripe-like JSON error",
  '{"error": {"code": "card_declined", "param": "number", "card": "⟦CC|=card(\'6011\', 16)⟧"}} Why would a Discover card be declined in Kenya?', "en-KE")

# ---------------------------------------------------------------- IBANs
R("iban", "IT IBAN compact with valid CIN in prose",
  "Puoi controllare se l'IBAN ⟦IBAN|=iban_it()⟧ è scritto bene? Il bonifico mi è tornato indietro.", "it")
R("iban", "IE IBAN typed lower-case and grouped",
  "i typed my iban as ⟦IBAN|=ibanb('IE', 'BOFI90', True).lower()⟧ on the form, does case matter?", "en-IE")
R("iban", "UA IBAN grouped in Ukrainian",
  "Реквізити для оплати: ⟦IBAN|=ibanb('UA', '322001', True)⟧, призначення: оренда за березень. Перевір формат.", "uk")
R("iban", "FR IBAN in parentheses in an e-mail to the notaire",
  "Rédige le mail : merci de verser le solde sur mon compte (IBAN : ⟦IBAN|=iban_fr(False, '10278')⟧) avant la signature.", "fr")
R("iban", "SE IBAN inside backticks in a payroll script comment",
  "# lön till Karin: `⟦IBAN|=ibanb('SE', '600')⟧`\nVarför avvisar banken filen?", "sv")

# ---------------------------------------------------------------- US identifiers in new shapes
R("ssn", "SSN spaced in text extracted from a 1040 PDF",
  "Extracted from my 1040 PDF, which box is this?\nYour social security number\n⟦SSN|=ssn(' ')⟧\nSpouse's social security number\n(blank)", "en-US")
R("ssn", "SSN compact in a Go struct literal",
  "Is it OK to keep this in a test?\napplicant := Applicant{Name: \"Marisol Vega\", SSN: \"⟦SSN|=ssn('')⟧\", State: \"NM\"}", "en-US")
R("ssn", "SSN in parentheses in a chat message",
  "my dad's social (⟦SSN|=ssn('-')⟧) is on the letter, do i need it for the SSA-1099 request?", "en-US")
R("passport", "DS-82 renewal: book number 9 digits and issue date",
  "Fill in the DS-82 with me: most recent passport book number ⟦PP|=digits(9)⟧, issue date ⟦DT|June 14, 2016⟧.", "en-US")
R("passport", "passport card C + 8 digits",
  "Can I fly to Mexico with my passport card ⟦PP|=tok('C', 8, string.digits)⟧ or do I need the book?", "en-US")
R("dl", "Hawaii H + 8 digits",
  "Hawaii driver's license ⟦DL|=tok('H', 8, string.digits)⟧ expires next month; can I renew online from Guam?", "en-US")
R("dl", "New Hampshire 2 digits + 3 letters + 5 digits",
  "NH DL no. ⟦DL|07MRW48213⟧ got flagged by the rental company, what does the format mean?", "en-US")
R("dl", "Kansas K##-##-#### dashed",
  "Kansas license ⟦DL|K08-42-7731⟧ was suspended for an unpaid ticket; write a letter to the DMV.", "en-US")
R("dl", "North Carolina 12 digits with leading zeros",
  "North Carolina DLN ⟦DL|000048213377⟧ — why does the form only allow 8 characters?", "en-US")
R("dl", "Nevada 10-digit state ID card (ID card, not a licence)",
  "My Nevada ID card number is ⟦DL|1704829177⟧; is it accepted for the I-9 List B?", "en-US")
R("bank", "US account number with spaces after 'acct'",
  "Set up the ACH pull: acct ⟦BANK|4471 2290 1183⟧ (checking) at Navy Federal.", "en-US")
R("mrn", "MRN in a US pathology requisition",
  "Pathology requisition: Patient ID (MRN) ⟦MRN|=tok('E', 7, string.digits)⟧, specimen collected ⟦DT|03/03/2025 08:05⟧. Write the label text.", "en-US")
R("health_plan", "MBI dashed in a phone-call note",
  "Call note: caller read her Medicare number as ⟦HP|=mbi(True)⟧ and asked about Part D enrolment.", "en-US")

R("ssn", "W-2 OCR: employee SSN labelled, SSN-shaped-ish EIN (2-7) and control number unlabelled",
  "OCR of my W-2, which numbers do I need for the 1040?\na Employee's social security number  ⟦SSN|=ssn('-')⟧\nb Employer identification number (EIN)  47-3821190\n"
  "d Control number  A0417-2290\n1 Wages, tips, other compensation  52318.44\n2 Federal income tax withheld  6120.00", "en-US")
R("ssn", "dependents CSV with header: SSNs dashed and spaced, DOBs",
  "Which dependents qualify for the child tax credit?\nname,relationship,ssn,dob\nMaya Ortiz,daughter,⟦SSN|=ssn('-')⟧,⟦DT|2016-04-09⟧\nLeo Ortiz,son,⟦SSN|=ssn(' ')⟧,⟦DT|2019-11-23⟧", "en-US")
R("passport", "visa-application JSON: passport letter+8 and issue date; expiry left out",
  '{"applicant": {"surname": "OKAFOR", "given": "CHIDI", "passport": {"number": "⟦PP|=letter() + digits(8, string.digits)⟧", "country": "USA", "issued": "⟦DT|2022-08-30⟧"}}}\n'
  "Is this enough for the Schengen form, or do they need the expiry too?", "en-US")
R("dl", "police accident report: Oregon and Missouri licence numbers, accident date/time; auto policy unlabelled",
  "Summarise this accident report for my insurer:\nDate/time of crash: ⟦DT|03/01/2025 17:42⟧\nDriver 1: OR DL ⟦DL|7482913⟧, policy GEICO 4471-22-90\n"
  "Driver 2: MO DL ⟦DL|=tok('M', 9, string.digits)⟧, phone ⟦PH@US|(816) 318-4472⟧\nCitation: 25-00417 (failure to yield)", "en-US")
R("bank", "Plaid-style JSON: access token SECRET, ACH account labelled, routing numbers and account_id/mask not",
  '{"accounts": [{"account_id": "BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp", "mask": "0000", "subtype": "checking"}], '
  '"numbers": {"ach": [{"account": "⟦BANK|=digits(12)⟧", "routing": "⟦!ABA|=aba()⟧", "wire_routing": "⟦!ABA|=aba()⟧"}]}, '
  '"access_token": "⟦SEC|=\'access-production-\' + uuid4()⟧"}\nWhich fields must never be logged?', "en-US")
R("mrn", "FHIR Patient + Coverage: MRN identifier, birthDate, subscriberId (HEALTH_PLAN_ID)",
  'Map this to our claims schema:\n{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Patient", "id": "pt-4471", '
  '"identifier": [{"type": {"coding": [{"code": "MR"}]}, "value": "⟦MRN|=digits(9)⟧"}], "birthDate": "⟦DT|1961-07-04⟧"}}, '
  '{"resource": {"resourceType": "Coverage", "subscriberId": "⟦HP|=letter() + letter() + letter() + digits(9, string.digits)⟧", '
  '"beneficiary": {"reference": "Patient/pt-4471"}, "payor": [{"display": "Aetna"}]}}]}', "en-US")
R("health_plan", "Medicare card transcription: MBI compact",
  "Transcribe my red-white-and-blue card for the form:\nMEDICARE HEALTH INSURANCE\nName: DOLORES A HUNT\nMedicare Number: ⟦HP|=mbi()⟧\n"
  "Entitled to: HOSPITAL (PART A), MEDICAL (PART B)", "en-US")
R("nhs", "NHS App OCR: NHS number grouped, DOB, GP surgery phone",
  "Screenshot text from the NHS App, please tidy it:\nYour NHS number\n⟦NHS|=nhs(' ')⟧\nDate of birth ⟦DT|3 May 1990⟧\nGP surgery: Elm Tree Surgery, ⟦PH@GB|0161 872 4410⟧", "en-GB")
R("nhs", "NHSmail referral subject line: dashed NHS number, DOB, appointment weekday",
  "Subject: Urgent suspected-cancer referral, NHS ⟦NHS|=nhs('-')⟧, DOB ⟦DT|14/02/1949⟧\n\nPlease book the patient for ⟦DT|Thursday 20 March⟧ if possible. Rewrite this e-mail more formally.", "en-GB")
R("nhs", "Welsh-language clinic letter: Rhif GIG, dyddiad geni, apwyntiad with mutated weekday, Cardiff phone",
  "Cyfieithwch i'r Saesneg: Annwyl Mr Hughes, Rhif GIG: ⟦NHS|=nhs(' ')⟧, dyddiad geni: ⟦DT|12/03/1956⟧. Mae eich apwyntiad ar ⟦DT|ddydd Mawrth 8 Ebrill⟧ am ⟦DT|10:30⟧. "
  "Ffoniwch ⟦PH@GB|029 2074 3310⟧ os na allwch ddod.", "cy")

# ---------------------------------------------------------------- crypto
R("crypto", "FA scam report: bech32 BTC and EIP-55 checksummed ETH",
  "به من کمک کن گزارش کلاهبرداری بنویسم: از من خواستند بیت‌کوین را به ⟦CRY|=btc('p2wpkh')⟧ و تتر را به ⟦CRY|=eth_cs()⟧ بفرستم.", "fa")
R("crypto", "NG: bitcoin: URI (scheme and query outside the span)",
  "Make a payment button for this: bitcoin:⟦CRY|=btc('p2wpkh')⟧?amount=0.015&label=Invoice-417", "en-NG")
R("crypto", "FIL: ethereum: URI with value param; checksummed address",
  "Paano gamitin ito sa MetaMask? ethereum:⟦CRY|=eth_cs()⟧?value=1e16", "fil")
R("crypto", "RU: P2SH address",
  "Переведи 0,02 BTC на ⟦CRY|=btc('p2sh')⟧ и пришли хеш транзакции.", "ru")
R("crypto", "SW: taproot address",
  "Je, pochi ya zamani inaweza kutuma kwa ⟦CRY|=btc('p2tr')⟧? Inaanza na bc1p.", "sw")
R("crypto", "Markdown donation table: legacy P2PKH and lower-case ETH",
  "| coin | address |\n|---|---|\n| BTC | ⟦CRY|=btc('p2pkh')⟧ |\n| ETH | ⟦CRY|=eth()⟧ |\nCenter this table in the README.", "en")

# ---------------------------------------------------------------- secrets in many shapes
R("secret", "gh CLI hosts.yml: gho_ OAuth token",
  "Is it safe to sync this file with Dropbox?\n~/.config/gh/hosts.yml\ngithub.com:\n    oauth_token: ⟦SEC|=gh('gho_')⟧\n    user: amani-otieno\n    git_protocol: https", "en-KE")
R("secret", "GitHub Actions log leaking a ghs_ installation token",
  "Run ./scripts/release.sh\n+ curl -s -H 'Authorization: token ⟦SEC|=gh('ghs_')⟧' ⟦URL|https://api.github.com/repos/acme/app/releases⟧\nError: Not Found\nHow do I make Actions mask this?")
R("secret", ".pypirc with a PyPI API token",
  "twine upload says 403:\n[pypi]\n  username = __token__\n  password = ⟦SEC|=pypi()⟧")
R("secret", "GitLab runner authentication token in config.toml",
  "[[runners]]\n  name = \"build-01\"\n  url = \"⟦URL|https://gitlab.tuwaqi.co.ke⟧\"\n  token = \"⟦SEC|=glrt()⟧\"\n  executor = \"docker\"\nThe runner says 403 Forbidden.", "en-KE")
R("secret", "Slack Bolt socket-mode app token + bot token",
  "const app = new App({\n  token: '⟦SEC|=xoxb()⟧',\n  appToken: '⟦SEC|=xapp()⟧',\n  socketMode: true,\n});\n// why does it never receive events?")
R("secret", "Discord bot token in discord.py",
  "bot.run(\"⟦SEC|=discord()⟧\")\nThe bot shows as offline. What's wrong?")
R("secret", "Linear API key in a Python script",
  "headers = {\"Authorization\": \"⟦SEC|=linear()⟧\", \"Content-Type\": \"application/json\"}\nrequests.post(\"⟦URL|https://api.linear.app/graphql⟧\", json=q, headers=headers)\nWhy 400?")
R("secret", "GCP client_secret.json: GOCSPX secret labelled, client_id and project id not",
  '{"installed": {"client_id": "48213377112-k2q8v7x1mtp0a9s3c6d4f5g7h8j9.apps.googleusercontent.com", "project_id": "tuwaqi-prod", '
  '"client_secret": "⟦SEC|=gocspx()⟧", "redirect_uris": ["urn:ietf:wg:oauth:2.0:oob"]}}\nCan I commit this for the CLI tool?')
R("secret", "OpenAI service-account key in LangChain",
  "llm = ChatOpenAI(model=\"gpt-4o-mini\", api_key=\"⟦SEC|=openai_svcacct()⟧\")\nIs a service-account key better than a project key here?")
R("secret", "AWS credentials file with session token",
  "[temp]\naws_access_key_id = ⟦SEC|=mc.tok('ASIA', 16, string.ascii_uppercase + '234567')⟧\naws_secret_access_key = ⟦SEC|=aws_secret()⟧\n"
  "aws_session_token = ⟦SEC|=aws_session_token()⟧\nHow long is this valid?")
R("secret", "Azure Blob SAS URL (whole URL is SECRET)",
  "The vendor can't open this link, is it expired?\n⟦SEC|=\"https://tuwaqidocs.blob.core.windows.net/contracts/msa-2025.pdf?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-03-05T18:00:00Z&spr=https&sig=\" + sas_sig()⟧", "en-KE")
R("secret", "S3 presigned URL with X-Amz-Credential / Signature (whole URL is SECRET)",
  "Why does this presigned link return SignatureDoesNotMatch?\n⟦SEC|=\"https://scans-ke.s3.eu-west-1.amazonaws.com/id/4471.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=\" + akia() + \"%2F20250304%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20250304T101244Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=\" + hexs(64)⟧")
R("secret", "Google Maps URL with key= (whole URL is SECRET)",
  "This works in the browser but not in the app:\n⟦SEC|=\"https://maps.googleapis.com/maps/api/geocode/json?address=Westlands&key=\" + aiza()⟧", "en-KE")
R("secret", "OAuth implicit-flow redirect with access token in the fragment (whole URL is SECRET)",
  "The SPA gets redirected here, how do I read the token safely?\n⟦SEC|=\"https://app.kahawa-sokoni.co.ke/callback#access_token=\" + jwt({'sub': 'u_7731', 'scope': 'orders:read'}) + \"&token_type=Bearer&expires_in=3600\"⟧", "en-KE")
R("secret", "router admin URL with user:password@IP (whole URL is SECRET)",
  "My ISP technician left this note, should I change it? ⟦SEC|http://admin:Kahvi2025!@192.168.1.1/⟧", "fi")
R("secret", "sops/age keys.txt: secret key (bech32 checksum) labelled, public key and created stamp not",
  "Where should this file live on the CI runner?\n# created: 2025-03-04T10:12:44+02:00\n# public key: ⟦_|=age_public()⟧\n⟦SEC|=age_secret()⟧")
R("secret", "OpenPGP private key block (armour CRC-24) pasted into a prompt",
  "gpg --import says 'no valid OpenPGP data found' for this, why?\n⟦SEC|=pgp_private(5)⟧")
R("secret", "OpenSSH private key in a support ticket (Filipino)",
  "Hindi makapag-SSH ang client, ito raw ang key niya:\n⟦SEC|=pemh('OPENSSH PRIVATE KEY', 5)⟧\nAno ang mali sa permissions?", "fil")
R("secret", "Wi-Fi QR payload: P: field is the password",
  "Make a printable card from this QR string: WIFI:T:WPA;S:Kahvila Aino;P:⟦SEC|Kahvi-Pulla-2025⟧;H:false;;", "fi")
R("secret", "htpasswd -b command line password",
  "Is there a safer way than this? htpasswd -b /etc/nginx/.htpasswd ops ⟦SEC|Simba&Nala-4471⟧", "en-KE")
R("secret", "Oracle JDBC thin URL with user/password (whole string SECRET)",
  "spring.datasource.url=⟦SEC|jdbc:oracle:thin:hr_app/Tiger#2025@//db-ora.intra:1521/HRPROD⟧\nThe pool never starts, ORA-01017.")
R("secret", "MongoDB replica-set URI (whole string SECRET)",
  "const uri = \"⟦SEC|mongodb://reporting:Qx7vLm2pRt@mongo-0.db:27017,mongo-1.db:27017/analytics?replicaSet=rs0&authSource=admin⟧\";\n// MongoServerSelectionError, why?")
R("secret", "SMTP URL with credentials (whole string SECRET) in Django env",
  "EMAIL_URL=⟦SEC|smtp+tls://postmaster%40mg.kahawa.co.tz:Zanzibar-Spice-77@smtp.mailgun.org:587⟧\nDoes django-environ understand the %40?", "sw")
R("secret", "Swedish: 'lösenord' in prose",
  "Skriv ett mejl till den nya kollegan: användarnamn karin.n, lösenord ⟦SEC|Midsommar#Äng25⟧, byt det vid första inloggningen.", "sv")
R("secret", "Finnish: 'salasana' in prose",
  "Kirjoita ohje: VPN-tunnus aino.v ja salasana ⟦SEC|Sauna-Lumi-2291⟧, vaihda se heti.", "fi")
R("secret", "Russian: 'пароль' in a chat",
  "Логин: i.petrov, пароль: ⟦SEC|Zima!Moroz-88⟧ — как безопасно передать его коллеге?", "ru")
R("secret", "Ukrainian: 'пароль від Wi-Fi'",
  "Зроби табличку для гостей: мережа Kavarnia_Lviv, пароль від Wi-Fi ⟦SEC|Lviv-Kava-2025⟧", "uk")
R("secret", "Malay: 'kata laluan'",
  "Tulis arahan: ID pengguna siti_a, kata laluan sementara ⟦SEC|Nasi-Lemak-88!⟧, tukar selepas log masuk.", "ms")
R("secret", "Swahili: 'nenosiri'",
  "Andika maelekezo: jina la mtumiaji juma.h, nenosiri ⟦SEC|Kilimanjaro#2291⟧, libadilishe mara moja.", "sw")
R("secret", "Persian: 'رمز عبور'",
  "یک پیام برای همکار بنویس: نام کاربری reza.k و رمز عبور ⟦SEC|Tehran@Bahar1404⟧ است، لطفاً بعد از ورود تغییرش بده.", "fa")
R("secret", "Bengali: 'পাসওয়ার্ড'",
  "সহকর্মীকে বার্তা লিখুন: ইউজারনেম rahim.u, পাসওয়ার্ড ⟦SEC|Padma#Nodi2025⟧, প্রথম লগইনে বদলে নিন।", "bn")
R("secret", "Urdu: 'پاس ورڈ'",
  "ایک پیغام لکھیں: یوزر نیم ali.k اور پاس ورڈ ⟦SEC|Lahore!Bagh77⟧ ہے، پہلی بار لاگ ان کے بعد تبدیل کریں۔", "ur")
R("secret", "Italian: password in an onboarding e-mail",
  "Correggi questa mail: le credenziali sono utente g.ferri e password ⟦SEC|Limoncello-2025!⟧, da cambiare al primo accesso.", "it")
R("secret", "FR-CA: mot de passe temporaire",
  "Reformule : ton mot de passe temporaire est ⟦SEC|Erable#Sucre-88⟧ ; change-le avant vendredi.", "fr-CA")

# ====================================================================== HARD NEGATIVES (no structured PII)
# ---------------------------------------------------------------- order / invoice / tracking / business numbers
R("neg_ids", "SG order, Ninja Van tracking, invoice",
  "Order SG-20250304-118273 was handed to Ninja Van (tracking NVSGQX00412283) and invoice INV-25/0417 was e-mailed. Draft a reply without promising a date.", "en-SG")
R("neg_ids", "AU tracking numbers and an ABN (mod-89 valid), postcode",
  "Australia Post tracking 33LKL5012345 and StarTrack 2JDZ00412283 both say 'In transit'. ABN ⟦_|=abn()⟧ is on the invoice. Which carrier is faster to Perth 6000?", "en-AU")
R("neg_ids", "FR order, invoice and Colissimo tracking, postcode",
  "Commande n° 2025-03-04-11827, facture F-2025-00417, suivi Colissimo 6A12345678901. Le colis est bloqué à Corbas (69960). Rédige une réclamation.", "fr")
R("neg_ids", "IT invoice, DDT, SKU, CAP",
  "Fattura n. 417/2025, DDT 1182 del fornitore, codice articolo 88-4471-IT, CAP 20121. Prepara una nota di credito.", "it")
R("neg_ids", "SE order, article number, Luhn-valid OCR reference starting with 9, bankgiro",
  "Order 4471-2290 från Elgiganten, artikelnummer 88213-SE, OCR-nummer ⟦!CC|=ocr_se()⟧ på fakturan. Hur betalar jag via bankgiro 5050-1055?", "sv")
R("neg_ids", "FI payment reference (7-3-1 check) and order number",
  "Viitenumero ⟦_|=fi_ref('11223304455')⟧ ja tilausnumero 2025-0417. Miten maksan verkkopankissa?", "fi")
R("neg_ids", "UA order, Nova Poshta waybill, invoice",
  "Номер замовлення 2503041187, ТТН Нової пошти 20450912345678, рахунок-фактура № 417. Поясни, як відстежити посилку.", "uk")
R("neg_ids", "RU order, Russian Post tracking, SKU",
  "Заказ № 4471-2290-1183, трек-номер Почты России 80085012345678, артикул 88213. Напиши претензию.", "ru")
R("neg_ids", "PH Lazada order and J&T tracking",
  "Ang order ko sa Lazada ay #3311847223 at ang J&T tracking ay 610012345678. Hindi pa dumarating, paano mag-file ng complaint?", "fil")
R("neg_ids", "MY Shopee order and Pos Laju S10 tracking (valid mod-11)",
  "Nombor pesanan Shopee 250304K8QX2M, no. penjejakan Pos Laju ⟦_|=s10('ER', 'MY')⟧. Bagaimana nak buat aduan?", "ms")
R("neg_ids", "KE order, M-Pesa transaction code, price",
  "Nambari ya oda ni KE-20250304-7731, na msimbo wa M-Pesa ni SC41H7K2LP. Bei ni KSh 4,500. Andika ujumbe wa kuuliza kuhusu uwasilishaji.", "sw")
R("neg_ids", "FA order and 20-digit postal tracking in Persian digits",
  "شماره سفارش ۱۴۰۳۱۲۱۴۱۱۸۷ و کد رهگیری پست ۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰ است. لطفاً یک پیام پیگیری بنویس.", "fa")
R("neg_ids", "UR order, TCS tracking, price",
  "آرڈر نمبر 2503-0411-87 اور TCS ٹریکنگ 77123456789 ہے۔ قیمت Rs. 2,499 تھی۔ شکایت لکھ دیں۔", "ur")
R("neg_ids", "BN order and tracking in Bengali digits, price in taka",
  "অর্ডার নম্বর ৮৮২১৩৪৪৭১, ট্র্যাকিং নম্বর ১২৩৪৫৬৭৮৯০১২। দাম ৳১,২৫০। অভিযোগ লিখে দিন।", "bn")
R("neg_ids", "IE An Post S10 tracking and Revenue case number",
  "An Post says item ⟦_|=s10('CE', 'IE')⟧ is held at customs; Revenue case ref 2025-4471-CUS. What do I pay?", "en-IE")
R("neg_ids", "product codes: model numbers, SKU, EAN-13 (valid check digit)",
  "Banding model SM-A556E/DS dengan Redmi Note 13 (SKU 2312DRA50G), kod bar ⟦_|=ean13('955123456789')⟧. Mana lebih berbaloi?", "ms")
R("neg_ids", "IMEI (Luhn-valid 15 digits, Chinese TAC, not a card)",
  "IMEI گوشی من ⟦!CC|=card('86073004', 15)⟧ است؛ چطور وضعیت رجیستری را چک کنم؟", "fa")
R("neg_ids", "NPI alone (Luhn with 80840, not an NHS number) and a CMS form number",
  "Is NPI ⟦!NHS|=npi()⟧ a person or an organisation? And what's the CMS-1500 box for it?", "en-US")

# ---------------------------------------------------------------- versions / hashes / UUIDs
R("neg_version", "Windows build, Edge version, VPN client and Netgear-style firmware",
  "After updating to Windows 11 23H2 (OS Build 22631.4890) and Edge 122.0.2365.92, the VPN client 5.1.0.12 crashes. Router firmware is V1.0.0.24_1.0.1.")
R("neg_version", "Android build id and app version (Finnish)",
  "Päivitin Androidin versioon 14 (UP1A.231005.007) ja sovelluksen versioon 3.10.2.1, nyt kamera ei toimi.", "fi")
R("neg_version", "IPv4-shaped build numbers in a version comparison",
  "Our agent build 10.4.12.200 was superseded by build 10.4.12.201 last week. Which version is newer, and does 10.4.12.201 include the fix?")
R("neg_version", "user agent with IPv4-shaped Chrome version and kernel string",
  "Parse this UA: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.6261.112 Safari/537.36; kernel 6.8.0-45-generic")
R("neg_version", "build info line with commit SHA and timestamp",
  "What does this mean? Built 2025-03-04T10:12:44Z from commit ⟦_|=hexs(12)⟧ (go1.22.1 linux/amd64), schema v41.")
R("neg_version", "UUIDs and digests in a rollback note",
  "Deployment ⟦_|=uuid4()⟧ rolled back to image sha256:⟦_|=hexs(64)⟧ (git ⟦_|=hexs(40)⟧). Write the incident summary without times.")
R("neg_version", "sha256sum output with filenames",
  "Which file doesn't match?\n⟦_|=hexs(64)⟧  ubuntu-24.04.2-live-server-amd64.iso\n⟦_|=hexs(64)⟧  SHA256SUMS.gpg")
R("neg_version", "Python dependency pins (Swahili question)",
  "Kwa nini pip inasema conflict? requests==2.32.3, urllib3<3,>=1.21.1, numpy==1.26.4, python 3.12.2", "sw")

# ---------------------------------------------------------------- look-alikes that fail checks / masked
R("neg_card", "Luhn-invalid card typed by user (Taglish)",
  "Bakit invalid daw ang ⟦!CC|=badcard('4', 16, ' ')⟧ sa checkout? Tinype ko lang ulit.", "fil")
R("neg_card", "Luhn-invalid test card number (Swedish)",
  "Testdata: kortnummer ⟦!CC|=badcard('5', 16, '-')⟧ ska avvisas av valideringen. Skriv ett enhetstest.", "sv")
R("neg_card", "Luhn-invalid Amex-shaped and Mir-shaped numbers",
  "Почему эти номера не проходят проверку: ⟦!CC|=badcard('37', 15, ' ')⟧ и ⟦!CC|=badcard('2200', 16, ' ')⟧?", "ru")
R("neg_card", "masked card, IBAN, phone, e-mail (Italian)",
  "Carta **** **** **** 4417, IBAN IT** **** **** **** **** ***0 417, cellulare +39 3** *** **07, e-mail g****@libero.it. Conferma al cliente che i dati sono mascherati.", "it")
R("neg_card", "masked account and card in a NG bank alert",
  "Your account 012****447 was debited NGN 25,000.00 via card ending 4417. If this wasn't you, call the number on the back of your card. Is this SMS genuine?", "en-NG")
R("neg_iban", "FR IBAN with wrong check digits (clé RIB valid)",
  "Exemple d'IBAN erroné dans la doc : ⟦!IBAN|=badiban_fr()⟧. Pourquoi la banque le refuse-t-elle ?", "fr")
R("neg_iban", "IT IBAN with wrong check digits, UA IBAN with wrong check digits",
  "Perché questi IBAN non passano la verifica? ⟦!IBAN|=badiban_it()⟧ e ⟦!IBAN|=badibanb('UA', '305299', True)⟧", "it")
R("neg_iban", "BIC codes and sort code only",
  "What do BIC UNCRITMMXXX, OKOYFIHH and sort code 90-00-17 identify? Explain the structure.", "en-IE")
R("neg_iban", "IBAN-length explainer without an IBAN",
  "Selitä, miksi suomalainen IBAN on 18 merkkiä ja ruotsalainen 24 merkkiä, ja mitä tarkistenumerot tarkoittavat.", "fi")
R("neg_ssn", "SSN-shaped values outside the valid ranges",
  "Why does the IRS reject ⟦!SSN|987-65-4320⟧ and ⟦!SSN|000-45-6789⟧? And what's special about ⟦!SSN|666-12-3456⟧?", "en-US")
R("neg_nhs", "NHS look-alikes failing mod-11",
  "Test fixtures: ⟦!NHS|=badnhs('-')⟧ and ⟦!NHS|=badnhs('')⟧ must fail the check. Write the pytest case.", "en-GB")
R("neg_crypto", "BTC taproot with a broken checksum (Russian)",
  "Кошелёк пишет «неверный адрес»: ⟦!CRY|=badbtc('p2tr')⟧. Я ошибся в символе?", "ru")
R("neg_crypto", "ETH transaction hash and block number (Swahili)",
  "Muamala 0x⟦_|=hexs(64)⟧ uko kwenye block 19,448,213 na ada ni 0.0021 ETH. Unamaanisha nini?", "sw")
R("neg_bank", "ABA routing number alone, with wire fee question",
  "Is ⟦!ABA|=aba()⟧ the right routing number for incoming international wires, and what does it cost?", "en-US")

# ---------------------------------------------------------------- placeholders / public key material
R("neg_secret", ".env.example full of placeholders incl. a placeholder connection string",
  "Document each variable:\nSHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nPAYSTACK_SECRET_KEY=sk_live_<your-key>\n"
  "DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/DB\nAWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX\nSLACK_WEBHOOK_URL=${SLACK_WEBHOOK_URL}")
R("neg_secret", "Helm / Ansible templated values",
  "Explain this values.yaml:\ndb:\n  password: \"{{ .Values.global.dbPassword }}\"\n  apiToken: \"{{ lookup('env', 'API_TOKEN') }}\"\n  existingSecret: payments-db\n  secretKey: password")
R("neg_secret", "Bearer <JWT> placeholder and a three-part placeholder token",
  "In the docs, replace `Authorization: Bearer <JWT>` and `eyJhbGciOi...<payload>.<signature>` with a real example later.")
R("neg_secret", "certificate and PGP public key block (public material)",
  "Which of these do I upload to the partner portal?\n⟦_|=pemh('CERTIFICATE', 3)⟧\n⟦_|=pgp_public(3)⟧")
R("neg_secret", "age public key alone and SSH public key",
  "Add these recipients: ⟦_|=age_public()⟧ and ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI⟦_|=tok('', 43, ALNUM + '+/')⟧ ops@bastion")
R("neg_secret", "Django PBKDF2 password hash",
  "Is this hash strong enough? pbkdf2_sha256$720000$⟦_|=tok('', 22, ALNUM)⟧$⟦_|=tok('', 43, ALNUM + '+/')⟧=")
R("neg_secret", "masked secrets in a Malay log question",
  "Log menunjukkan api_key=sk-****...a1b2 dan password=******** serta token=[REDACTED]. Adakah ini cukup selamat?", "ms")
R("neg_secret", "base64 PNG data URI (not a credential)",
  "Why is this image not showing? <img src=\"data:image/png;base64,⟦_|=b64png()⟧\" alt=\"logo\">")
R("neg_secret", "GitHub Actions secrets references and env var reads (Persian question)",
  "این را توضیح بده: token: ${{ secrets.NPM_TOKEN }}، password: ${DB_PASSWORD}، key = os.environ['STRIPE_KEY']", "fa")
R("neg_secret", "password policy text (Ukrainian)",
  "Напиши політику паролів: щонайменше 14 символів, без повторення останніх 5, токени сервісів змінювати кожні 90 днів.", "uk")

# ---------------------------------------------------------------- loopback / netmask / hostnames
R("neg_net", "loopback, unspecified, netmask (Malay)",
  "Pelayan dengar pada ⟦!IP|0.0.0.0⟧:8080, resolver ⟦!IP|127.0.0.53⟧, IPv6 ⟦!IP|::⟧ dan ⟦!IP|::1⟧, subnet mask ⟦!IP|255.255.255.252⟧. Apa masalahnya?", "ms")
R("neg_net", "kubectl output with node hostnames that embed dashed IPs",
  "NAME                READY   STATUS    RESTARTS   AGE   NODE\napi-7d9f8c-x2kqp    1/1     Running   0          3d    ip-10-0-1-23.eu-west-1.compute.internal\n"
  "worker-5c6b-9mnlq   0/1     Pending   0          3m    <none>\nWhy is the worker pending?")
R("neg_net", "shell prompt user@host (no domain) and localhost port",
  "root@web-01:~# systemctl status nginx shows active, but curl localhost:8080 hangs. What next?")
R("neg_net", "SMPTE timecode and ratios that look like MACs",
  "Cut the clip at 01:02:03:04 and 00:59:58:12 (25 fps), keep 16:9 and 1920:1080 scaling.")

# ---------------------------------------------------------------- non-personal dates / times
R("neg_date", "journald lines (system timestamps only)",
  "Is this normal?\nMar 04 02:17:09 web01 systemd[1]: Starting Daily apt upgrade and clean activities...\n"
  "Mar 04 02:17:44 web01 systemd[1]: apt-daily-upgrade.service: Deactivated successfully.\nMar 04 02:17:44 web01 systemd[1]: Finished Daily apt upgrade and clean activities.")
R("neg_date", "JSON log with epoch and ISO timestamps",
  '{"ts": 1741079602.118, "time": "2025-03-04T09:13:22Z", "level": "info", "msg": "cache warmed", "took_ms": 412} Why is took_ms so high?')
R("neg_date", "Kenya public holidays (Swahili)",
  "Sikukuu za umma Kenya: Madaraka Day 1 Juni, Mashujaa Day 20 Oktoba, Jamhuri Day 12 Desemba. Andika tangazo la ofisi kufungwa.", "sw")
R("neg_date", "Nowruz moment (astronomical, public) in Persian digits",
  "نوروز ۱۴۰۴ در ۳۰ اسفند ۱۴۰۳ ساعت ۱۲:۳۱:۳۰ آغاز می‌شود. یک پیام تبریک کوتاه بنویس.", "fa")
R("neg_date", "French public holidays",
  "Le 14 juillet et le 15 août tombent en semaine cette année ; fais un planning des ponts pour l'équipe.", "fr")
R("neg_date", "Italian public holidays",
  "La Festa della Repubblica (2 giugno) e Ferragosto (15 agosto): scrivi un avviso di chiusura dell'ufficio.", "it")
R("neg_date", "Ukrainian Independence Day (historical)",
  "День Незалежності України: 24 серпня 1991 року. Напиши короткий допис для соцмереж.", "uk")
R("neg_date", "Bengali New Year date",
  "পহেলা বৈশাখ ১৪ এপ্রিল উদযাপিত হয়। একটি শুভেচ্ছা বার্তা লিখুন।", "bn")
R("neg_date", "NZ public holidays",
  "Waitangi Day is 6 February and Anzac Day 25 April; Matariki falls on 20 June in 2025. Make a staff leave calendar.", "en-NZ")
R("neg_date", "AU financial year and BAS due date",
  "FY2024-25 ends 30 June 2025; BAS for the March quarter is due 28 April. Draft a reminder to all clients.", "en-AU")
R("neg_date", "IE tax deadlines",
  "Revenue's Pay and File deadline is 31 October, with the ROS extension to 14 November. Write a newsletter blurb.", "en-IE")
R("neg_date", "SG store hours and National Day closure",
  "Store hours: Mon-Fri 10:00-21:00, Sat-Sun 10:00-22:00; closed on National Day (9 Aug). Make a sign.", "en-SG")
R("neg_date", "public sports event time",
  "The Springboks kick off at 17:05 SAST on Saturday and the gates open at 14:00. Write a fan-zone announcement.", "en-ZA")
R("neg_date", "product launch date (FR-CA)",
  "Le lancement du produit est prévu le 15 mai 2025 à 10 h (HAE). Rédige le communiqué de presse.", "fr-CA")
R("neg_date", "promotion validity (Malay)",
  "Tawaran sah sehingga 31/03/2025. Kod promo RAYA2025, tidak boleh digabung. Tulis kapsyen Instagram.", "ms")
R("neg_date", "certificate validity (Ukrainian)",
  "Сертифікат дійсний до 2026-03-04 23:59:59 UTC, видано 2025-03-04. Коли його краще оновити?", "uk")
R("neg_date", "relative dates, ages and durations only",
  "My 34-year-old sister saw the doctor yesterday and has a follow-up in two weeks; she's had the cough for 10 days. What should she ask?", "en-KE")
R("neg_date", "years only (birth year is not a date)",
  "I was born in 1987, moved to Lagos in 2010 and started my business in 2019. Write a short founder bio.", "en-NG")
R("neg_date", "date format strings",
  "Use DD/MM/YYYY in the UI but store ISO 8601 (YYYY-MM-DD); in Python that's strftime('%d.%m.%Y %H:%M').")
R("neg_date", "cron and retention (Swedish)",
  "Jobbet körs 02:30 varje natt (cron 30 2 * * *), tar 45 minuter, och loggar sparas i 30 dagar. Förklara.", "sv")

# ---------------------------------------------------------------- prices / measurements / references / misc
R("neg_misc", "prices in many currencies",
  "Convert to USD: NGN 250,000, KSh 4,500, RM 1,299.00, PHP 12,500, BDT 1,250, Rs. 2,499, 1 299,00 € and 4 995 kr.")
R("neg_misc", "baby measurements and appliance specs",
  "Birth weight 3.42 kg, length 51 cm, head 34.5 cm; the steriliser needs 220-240 V, 50/60 Hz. Is that all normal?", "en-AU")
R("neg_misc", "ISBNs with valid check digits (French)",
  "Cherche ces deux livres : ISBN ⟦_|=isbn13('978-2-07-036822-')⟧ et ISBN ⟦_|=isbn13('978-88-04-66829-')⟧.", "fr")
R("neg_misc", "page, line and document references",
  "See p. 214, ll. 12-18 of the judgment [2024] EWCA Civ 1187, and section 4.2.1 of QMS-SOP-0417 rev 3.", "en-GB")
R("neg_misc", "Swedish official report and document numbers",
  "Se sidan 42, rad 18-22 i SOU 2024:117 och avsnitt 3.1.4 i dokument DOK-2025-0417. Sammanfatta.", "sv")
R("neg_misc", "postcodes only (LOCATION is out of scope here, not a structured label)",
  "Which is closer to SW1A 1AA: a hotel in EC2V 7HH or one in NW1 6XE? And how far is D02 X285 from the airport?", "en-GB")
R("neg_misc", "population statistics (Finnish)",
  "Väkiluku 5 603 851, syntyneitä 43 383 ja kuolleita 61 547 vuonna 2024. Tee kaavio.", "fi")
R("neg_misc", "football result (Italian)",
  "La Juventus ha vinto 2-1, gol al 12' e al 90'+3'. Scrivi la cronaca della partita.", "it")
R("neg_misc", "Bible verse and constitution article (Swahili)",
  "Eleza Yohana 3:16 na Kifungu 31 cha Katiba ya Kenya 2010 kuhusu faragha.", "sw")
R("neg_misc", "clinical values and ICD codes (Urdu question)",
  "ان کا مطلب سمجھائیں: BP 138/86، HbA1c 7.2%، eGFR 58، ICD-10 E11.9 اور I10۔", "ur")
R("neg_misc", "lab reference ranges (Russian)",
  "Объясни нормы: гемоглобин 120-150 г/л, лейкоциты 4,0-9,0 x10^9/л, СОЭ 2-15 мм/ч.", "ru")
R("neg_misc", "math with phone-shaped numbers (Bengali digits)",
  "এই অঙ্কটি করুন: ০১৭১২ + ৩১৮৪৪৭ = ? এবং ১২৩৪ × ৫৬৭৮।", "bn")
R("neg_misc", "train timetable (Finnish)",
  "Junat Tampereelle lähtevät 7.05, 7.35 ja 8.05 raiteelta 4. Mikä on nopein?", "fi")
R("neg_misc", "recipe (Filipino)",
  "Paano gawin ang adobo para sa 4 na tao: 1 kg manok, 1/2 tasa toyo, 1/3 tasa suka, lutuin nang 45 minuto.", "fil")
R("neg_misc", "grammar question (Persian)",
  "تفاوت «می‌روم» و «رفتم» را با مثال توضیح بده.", "fa")
R("neg_misc", "sauna question (Finnish)",
  "Kuinka kuuma saunan pitäisi olla, 70 vai 90 astetta, ja kuinka monta löylyä on sopiva?", "fi")
R("neg_misc", "coding question (Malay)",
  "Apakah beza antara list dan tuple dalam Python? Beri contoh ringkas.", "ms")
R("neg_misc", "Excel formula (Italian)",
  "=GIORNI.LAVORATIVI.TOT(DATA(2025;1;1);DATA(2025;12;31)) restituisce 253: è corretto per l'Italia?", "it")
R("neg_misc", "Kubernetes resource limits",
  "Explain: resources: {requests: {cpu: 250m, memory: 512Mi}, limits: {cpu: '1', memory: 1Gi}}, replicas: 3, maxUnavailable: 25%.")
R("neg_misc", "phone-format placeholder",
  "Our form expects +39 3XX XXX XXXX or 0X XXXX XXXX; write the validation error message in Italian.", "it")
R("neg_misc", "SQL schema without data (Russian question)",
  "CREATE TABLE clients (id BIGSERIAL PRIMARY KEY, email TEXT NOT NULL, phone VARCHAR(20), birth_date DATE);\nКакие индексы добавить?", "ru")
R("neg_misc", "UK sort-code and Luhn explainer without real values",
  "Explain in two paragraphs how the Luhn check works and why sort codes have six digits.", "en-GB")
R("neg_misc", "currency and fuel prices (Urdu/English mix)",
  "Petrol Rs. 272.89 per litre, diesel Rs. 284.35 — پچھلے مہینے سے کتنا فرق ہے؟", "ur")


# ====================================================================== rendering + independent checks
OBFUSCATED_AT = re.compile(r"@|＠|\bat\b|\[at\]|\(at\)|%40|&#64;|&#x40;|\\u0040|arobase|chiocciola|snabel-a|собака", re.I)
EXTRA_IIN = re.compile(r"^(220[0-4]|603799|610433|506099|650[0-2])")
PHONE_EXT = re.compile(r"\s*(?:poste|anknytning|доб\.|ext\.?|x)\s*\d{1,6}$", re.I)


def _mod97(v: str) -> bool:
    c = re.sub(r"\s", "", v).upper()
    r = c[4:] + c[:4]
    n = 0
    for ch in r:
        n = (n * (100 if ch.isalpha() else 10) + int(ch, 36)) % 97
    return n == 1


def check_more(label: str, v: str) -> list[str]:
    """Independent re-checks of checksum-bearing values and of the national check digits used here."""
    e = []
    if label == "CREDIT_CARD":
        d = udigits(v)
        if any(not (c.isdigit() or c in " -") for c in v):
            e.append("card separators")
        if not (12 <= len(d) <= 19 and _luhn(d) and (mc.IIN.match(d) or EXTRA_IIN.match(d))):
            e.append("Luhn / IIN (independent)")
    elif label == "IBAN_CODE":
        c = re.sub(r"\s", "", v).upper()
        if not (_mod97(v) and mc.iban_ok(c)):
            e.append("mod-97 / length")
        groups = re.split(r"\s+", v.strip())
        if len(groups) > 1 and any(len(g) != 4 for g in groups[:-1]):
            e.append("IBAN grouping")
        if c.startswith("FR"):
            b, g, a, k = c[4:9], c[9:14], c[14:25], c[25:27]
            if int(k) != 97 - ((89 * int(b) + 15 * int(g) + 3 * int(a)) % 97):
                e.append("clé RIB")
        if c.startswith("IT") and _cin(c[5:]) != c[4]:
            e.append("CIN")
        if c.startswith("FI") and not _luhn(c[4:]):
            e.append("FI national Luhn")
    elif label == "UK_NHS":
        if not mc.nhs_ok(v):
            e.append("NHS mod-11")
    elif label == "US_SSN":
        if not mc.ssn_range_ok(v):
            e.append("SSN range (independent)")
    elif label == "CRYPTO":
        if not mc.crypto_ok(v):
            e.append("crypto checksum")
        if v.startswith("0x") and v[2:] != v[2:].lower() and eip55(v) != v:
            e.append("EIP-55 checksum")
    elif label == "HEALTH_PLAN_ID":
        if re.fullmatch(r"[2-6]\d{3} \d{5} \d", v) and not medicare_au_ok(v):
            e.append("AU Medicare check digit")
        m = re.fullmatch(r"[A-Z]{4} (\d\d)(\d\d) (\d\d)\d\d", v)
        if m and not (1 <= int(m.group(2)) <= 12 or 51 <= int(m.group(2)) <= 62):
            e.append("RAMQ month")
    elif label == "SECRET":
        if v.startswith("AGE-SECRET-KEY-1") and not bech32_ok(v):
            e.append("age bech32 checksum")
        if "PGP PRIVATE KEY BLOCK" in v and not pgp_armor_ok(v):
            e.append("OpenPGP CRC-24")
        if re.search(r"x{6,}|YOUR_|<[a-z-]+>|\$\{", v):
            e.append("placeholder-looking secret")
    return e


def _phone_ok(v: str, region) -> list[str]:
    if mc.phonenumbers is None:
        return []
    base = PHONE_EXT.sub("", v)
    try:
        n = mc.phonenumbers.parse(base, region or "US")
        if not mc.phonenumbers.is_valid_number(n):
            return [f"phone not valid for region {region}"]
    except mc.phonenumbers.NumberParseException as ex:
        return [f"phone parse error {ex}"]
    return []


def check_positive(label: str, val: str, region, rid: str) -> list[str]:
    if label == "EMAIL_ADDRESS":
        errs = [] if OBFUSCATED_AT.search(val) else [f"{rid}: email shape {val!r}"]
    elif label == "PHONE_NUMBER":
        errs = [f"{rid}: {label} {val!r}: {x}" for x in _phone_ok(val, region)]
    elif label in ("CREDIT_CARD", "IBAN_CODE"):
        errs = []  # fully covered (Unicode digits, wrapped IBANs) by check_more
    else:
        errs = mc.check_positive(label, val, region, rid)
    return errs + [f"{rid}: {label} {val!r}: {x}" for x in check_more(label, val)]


def render(rid: str, template: str):
    return mc.render(rid, template, positive=check_positive, env_extra={"chr": chr, "mc": mc, "HEX": HEX})


def check_negative_rows(rid: str, cat: str, spans) -> list:
    if cat.startswith("neg_") and spans:
        return [f"{rid}: hard-negative row has gold spans"]
    if not cat.startswith("neg_") and not spans:
        return [f"{rid}: positive row without spans"]
    return []


def build():
    return mc.build_rows("ch4", ROWS, render, check_negative_rows)


def main():
    mc.run(build, "challenge4.jsonl")


if __name__ == "__main__":
    main()
