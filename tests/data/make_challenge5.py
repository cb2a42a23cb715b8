#!/usr/bin/env python3
"""Build tests/data/challenge5.jsonl: a fifth hand-written held-out set, written blind to the detector code
(nothing under src/, tests/*.rs or models/ was read), and the first one that labels ALL of
shared/eval/TAXONOMY.md -- PERSON, LOCATION, ORGANIZATION and NRP included. Rows therefore carry NO
"label_scope": every PII span in every text is gold-labelled, exhaustively, and score.py scores every label.

About 250 realistic LLM prompts, ~70 % English (US, GB, CA, AU, IN, ZA; chat, letters, clinical, legal, HR,
finance, support, code / logs, travel) and ~30 % German, French, Spanish, Italian, Dutch, Portuguese (PT, BR),
Polish and Japanese, ~25 % PII-free hard negatives. Emphasis on what hand-written NER cases test:
  * person names that are common words or places (Rose, Hope, Will, Faith, Sunny, Jordan, Sydney, Florence,
    Georgia, Chad, Paris Hilton, Lincoln), particles / hyphens / apostrophes / initials / suffixes
    (van der Merwe, D'Angelo, O'Doherty, Jr., III, Filho), lowercase names in chat, vocative and inflected
    forms (Polish "Krzysztofie"), names in greetings, signatures, quoted replies, code strings, JSON, paths;
    Chinese, Indian, Arabic, Nigerian, Vietnamese, Japanese names;
  * organizations vs products vs people (Ford the employer / Ford Transit / Harrison Ford; Dr. Martens boots /
    Dr. Martens the doctor; Wendy's / Wendy), companies and hospitals named after people (Edward Jones,
    Hôpital Édouard-Herriot, Lycée Victor-Hugo), tools that are not ORGANIZATION (Slack, Jira, GitHub, Zoom);
  * locations per TAXONOMY (addresses, streets, cities, districts, postcodes) next to countries and states
    that are not (Jordan, Georgia, Victoria, Queensland, Bavaria, Ontario);
  * NRP stated about a person next to nationality adjectives about things, languages and population facts;
  * structured PII in signatures, tables, quoted replies, URLs, stack traces, next to order numbers, version
    strings, eponyms (Parkinson's, Hodgkin, Crohn, Leśniowski-Crohn, Lou Gehrig's), products and brands.

Markup is make_challenge.py's (⟦LABEL|value⟧, ⟦LABEL@CC|value⟧ phone region, ⟦!LABEL|value⟧ checked hard
negative, ⟦_|value⟧ unlabelled generated text, "=expr" computed values) with extra short codes
PER = PERSON, LOC = LOCATION, ORG = ORGANIZATION, NRP = NRP (added to make_challenge.CODES at import time,
make_challenge.py itself is not edited). Own seed 20251224. mc.render / mc.build_rows / mc.run and the checksum
helpers are reused; every checksum-bearing value (card, IBAN incl. the national check digits: French clé RIB,
Spanish dígitos de control, Italian CIN, Dutch elfproef, Portuguese NIB, Polish sort-code digit; NHS, SSN, MBI,
AU Medicare, BTC / ETH) is computed, never typed, and re-verified. IBANs use real bank codes (NWBK, RABO, ...).
Phone numbers are validated with `phonenumbers` when importable (--strict-phones makes that mandatory).
Consistency checks guard exhaustiveness: a word that is part of a gold PERSON span anywhere in the set, or a
gold LOCATION / ORGANIZATION / structured value, may not appear uncovered in any row unless that row lists it
as a deliberate negative (the row's `ok` tuple, e.g. "Parkinson" in "Parkinson's disease").

Conventions (TAXONOMY first; where it is silent, the choice made here, following gen_corpus.py /
make_challenge*.py where they have one):
  * PERSON: titles and honorifics are outside (Dr, Mr, Mrs, Ms, Prof., Shri, Smt., Late, Herr, Frau, Mme, M.,
    Maître, Sr., Sra., Lic., Dott.ssa, Avv., Pan / Pani, mevrouw, meneer, Exma. Sra. D., さん, 様, 先生,
    "-san"); post-nominal credentials are outside ("MD", "MRICS", "RN", "PhD"; gen_corpus writes
    "⟦name⟧, MD"); generational suffixes are INSIDE ("Marcus T. Bell Jr.", "Earl Washington III",
    "João Pedro dos Santos Filho") as part of the legal name. Possessive 's / ' is outside (gen_corpus
    "⟦name⟧'s insurer"), other trailing punctuation too. Particles are inside ("van der Merwe",
    "Maria da Conceição Ferreira"). Each given-name / full-name mention is its own span ("Mr. & Mrs. Vikram
    Mehta" -> "Vikram Mehta"); inflected forms (vocative "Krzysztofie") and lowercase chat names are PERSON.
    A name used as an account name in a file path or login ("/Users/danielle.moreau/") is PERSON.
    Public figures (Harrison Ford, Paris Hilton) and fictional characters are PERSON -- TAXONOMY defines PERSON
    as "a person's name" without exception; those rows carry meta.ambiguity so they can be sliced out.
    Eponyms (diseases, laws, algorithms, prizes, foods, brands / products named after people) are not PERSON.
  * LOCATION: contiguous location components separated only by commas / spaces are ONE span, extending
    TAXONOMY's full-address rule to "Athens, Georgia", "St Leonards, NSW", "Andheri East, Mumbai", so the state
    or country is inside when it directly follows a city; a state / country on its own is never LOCATION.
    An address block written over several lines (letter head) is one span containing the line breaks (as
    challenge4 does for wrapped values). Postal-mark prefixes ("〒", "ZIP", "PIN", "CEP") are outside;
    "Flat 3", "Unit 1204", "Erf 4471" are inside. Named districts and neighbourhoods are LOCATION; regions that
    are neither a state nor finer (landmarks, mountain ranges, airports) were avoided.
  * ORGANIZATION: the name with its legal suffix ("Ltd", "GmbH", "S.p.A.", "株式会社"), without a leading
    article "the"; a branch / locality after a comma is a separate LOCATION ("Canara Bank", "Basavanagudi").
    Labelled when the organization stands in a relation to a person (employer, school, hospital / clinic,
    bank, insurer, landlord / agent, law firm, merchant charging or serving the person, government agency
    dealing with the person); not labelled when only a tool / product / brand ("a Dyson V15", "Slack",
    "Zoom", "GitHub", "Medicare" as a programme). A company name containing a person's name is ORGANIZATION only
    (Edward Jones, Wendy's -- its 's is part of the name, unlike a possessive).
  * NRP: only the nationality / ethnicity / religion / party term, not modifiers ("practising", "devout"):
    "Catholic", "Mexican American", "Métis", "Hispanic or Latino" (one EEO category), "römisch-katholisch";
    labelled when stated about a person (form fields "Nationality: Indian" included). Languages ("Spanish-
    speaking", "translate into Polish"), adjectives about things ("Greek yoghurt") and statements about
    populations are not NRP.
  * DATE_TIME: as challenge4 (weekday inside the date span, "at / à / um / alle" outside, o'clock words and
    day-period words inside, a date directly followed by a time is one span; e-mail header "Sent:" lines and
    log timestamps are system timestamps and not labelled; month + year of a personal event is labelled, a
    year alone is not; a month without a year was avoided; a weekday alone is not labelled (gen_corpus), a
    weekday directly attached to a clock time is inside that span ("thurs 6am"); relative words ("tmrw",
    "明日", "today") are outside).
  * PHONE_NUMBER / SECRET / URL / e-mail: as challenge4 (prefixes such as "T", "M", "Tel.", "tel:" outside;
    a value inside a URL or an e-mail is covered by that span only -- spans never overlap, so a name inside
    an e-mail address or LinkedIn URL is not a separate PERSON span).
  * Non-US national IDs without a TAXONOMY label (PESEL, Aadhaar, NIE, SIN, SA ID numbers) are deliberately
    not used anywhere, nor are non-US account / passport / licence numbers.

Usage: python3 tests/data/make_challenge5.py [--out tests/data/challenge5.jsonl] [--strict-phones]
"""
from __future__ import annotations

import os
import random
import re
import string
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_challenge as mc  # noqa: E402

mc.RNG = random.Random(20251224)
RNG = mc.RNG
HEX = "0123456789abcdef"
ALNUM = mc.ALNUM

NER_CODES = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION", "NRP": "NRP"}
mc.CODES.update(NER_CODES)  # the render() markup resolves codes through mc.CODES


# ------------------------------------------------------------------ computed identifiers
def _fill_digits(n: int) -> str:
    return "".join(RNG.choice(string.digits) for _ in range(n))


def ibann(cc: str, prefix: str = "", grouped: bool = False) -> str:
    """IBAN with a numeric BBAN starting with a realistic bank code; mod-97 check digits computed."""
    pat = mc.IBAN_BBAN[cc]
    rest = "".join(RNG.choice(string.digits) if p in "nc" else RNG.choice(string.ascii_uppercase) if p == "a" else p
                   for p in pat[len(prefix):])
    bban = prefix + rest
    return mc._iban_fmt(cc + mc._iban_chk(cc, bban) + bban, grouped)


def _rib_key(bank: str, branch: str, acct: str) -> str:
    return "%02d" % (97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97))


def iban_fr(grouped: bool = True, bank: str = "30003") -> str:
    """French IBAN whose BBAN ends in a valid clé RIB."""
    branch, acct = _fill_digits(5), _fill_digits(11)
    bban = bank + branch + acct + _rib_key(bank, branch, acct)
    return mc._iban_fmt("FR" + mc._iban_chk("FR", bban) + bban, grouped)


_ES_W = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)


def _es_dc(ten: str) -> str:
    d = 11 - sum(int(c) * w for c, w in zip(ten, _ES_W)) % 11
    return str({10: 1, 11: 0}.get(d, d))


def iban_es(grouped: bool = True, bank: str = "2100") -> str:
    """Spanish IBAN whose CCC carries valid dígitos de control (entidad, oficina, DC, cuenta)."""
    office, acct = _fill_digits(4), _fill_digits(10)
    bban = bank + office + _es_dc("00" + bank + office) + _es_dc(acct) + acct
    return mc._iban_fmt("ES" + mc._iban_chk("ES", bban) + bban, grouped)


_cin = mc.cin


def iban_it(grouped: bool = True, abi: str = "03069") -> str:
    """Italian IBAN whose BBAN starts with a valid CIN letter (ABI 03069 = Intesa Sanpaolo)."""
    rest = abi + _fill_digits(5) + _fill_digits(12)
    bban = _cin(rest) + rest
    return mc._iban_fmt("IT" + mc._iban_chk("IT", bban) + bban, grouped)


def _elfproef(acct: str) -> bool:
    return sum(int(c) * (10 - i) for i, c in enumerate(acct)) % 11 == 0


def iban_nl(grouped: bool = True, bank: str = "RABO") -> str:
    """Dutch IBAN whose 10-digit account number passes the elfproef (weighted mod 11)."""
    while True:
        acct = RNG.choice("123") + _fill_digits(9)
        if _elfproef(acct):
            break
    bban = bank + acct
    return mc._iban_fmt("NL" + mc._iban_chk("NL", bban) + bban, grouped)


def _nib_chk(first19: str) -> str:
    return "%02d" % (98 - (int(first19) * 100) % 97)


def iban_pt(grouped: bool = True, bank: str = "0035") -> str:
    """Portuguese IBAN whose NIB ends in its two national check digits (0035 = Caixa Geral de Depósitos)."""
    first = bank + _fill_digits(4) + _fill_digits(11)
    bban = first + _nib_chk(first)
    return mc._iban_fmt("PT" + mc._iban_chk("PT", bban) + bban, grouped)


_PL_W = (3, 9, 7, 1, 3, 9, 7)


def _pl_sort_chk(seven: str) -> str:
    return str((10 - sum(int(c) * w for c, w in zip(seven, _PL_W)) % 10) % 10)


def iban_pl(grouped: bool = True, bank: str = "1020") -> str:
    """Polish IBAN whose 8-digit sort code ends in its weighted check digit (1020 = PKO BP)."""
    seven = bank + _fill_digits(3)
    bban = seven + _pl_sort_chk(seven) + _fill_digits(16)
    return mc._iban_fmt("PL" + mc._iban_chk("PL", bban) + bban, grouped)


def medicare_au() -> str:
    """Australian Medicare card number 'dddd ddddd d' (weights 1,3,7,9,1,3,7,9 -> 9th digit; 10th = issue)."""
    d = RNG.choice("23456") + _fill_digits(7)
    chk = sum(int(x) * w for x, w in zip(d, (1, 3, 7, 9, 1, 3, 7, 9))) % 10
    s = d + str(chk) + RNG.choice("123456789")
    return f"{s[:4]} {s[4:9]} {s[9]}"


def medicare_au_ok(v: str) -> bool:
    d = re.sub(r"\s", "", v)
    return (len(d) == 10 and d[0] in "23456"
            and sum(int(x) * w for x, w in zip(d[:8], (1, 3, 7, 9, 1, 3, 7, 9))) % 10 == int(d[8]))


def letter() -> str:
    return RNG.choice("ABCDEFGHJKLMNPRSTUVWXYZ")


def dl(state: str) -> str:
    """US driver-licence numbers in the state's published shape."""
    if state == "CA":
        return letter() + _fill_digits(7)
    if state == "FL":
        d = _fill_digits(12)
        return f"{letter()}{d[:3]}-{d[3:6]}-{d[6:8]}-{d[8:11]}-{d[11]}"
    if state == "IL":
        d = _fill_digits(11)
        return f"{letter()}{d[:3]}-{d[3:7]}-{d[7:]}"
    if state == "NY":
        d = mc.digits(9)
        return f"{d[:3]} {d[3:6]} {d[6:]}"
    if state == "TX":
        return mc.digits(8, "123")
    if state == "PA":
        d = mc.digits(8, "123456789")
        return f"{d[:2]} {d[2:5]} {d[5:]}"
    if state == "WA":
        return "WDL" + "".join(RNG.choice(string.ascii_uppercase + string.digits) for _ in range(9))
    raise ValueError(state)


def passport(nextgen: bool = False) -> str:
    return (letter() + _fill_digits(8)) if nextgen else mc.digits(9, "56")


def xoxp() -> str:
    return f"xoxp-{mc.digits(11)}-{mc.digits(12)}-{mc.digits(13)}-{mc.hexs(32)}"


def ghp() -> str:
    return mc.tok("ghp_", 36)


def glpat() -> str:
    return mc.tok("glpat-", 20, ALNUM + "-_")


def sk_proj() -> str:
    return "sk-proj-" + mc.tok("", 64, ALNUM + "-_")


def sk_ant() -> str:
    return "sk-ant-api03-" + mc.tok("", 93, ALNUM + "-_") + "AA"


def twilio_auth() -> str:
    return mc.hexs(32)


for _name, _f in list(globals().items()):
    if callable(_f) and not _name.startswith("_") and getattr(_f, "__module__", None) == __name__ and _name not in (
            "main", "R", "render", "build", "check_positive", "check_more", "check_row", "consistency"):
        mc.HELPERS[_name] = _f

ROWS: list[tuple[str, str, str, str]] = []
EXTRA: list[dict] = []  # per row: {"ok": (...), "ambiguity": str | None}


def R(category: str, note: str, text: str, locale: str = "en", ok: tuple = (), amb: str | None = None):
    ROWS.append((category, note, text, locale))
    EXTRA.append({"ok": tuple(ok), "ambiguity": amb})


# ROWS_START
# ====================================================================== ENGLISH
# ---------------------------------------------------------------- letters and e-mail
R("letter", "names that are common words (Hope, Will, Grace); house-closing date",
  "Please proofread this letter before I send it:\n\nDear Ms. ⟦PER|Hope⟧,\n\nThank you for meeting with ⟦PER|Will Tanaka⟧ and me on ⟦DT|March 12⟧. "
  "As discussed, ⟦ORG|Brightwater Title & Escrow⟧ will hold your deposit until closing on ⟦DT|April 30, 2025⟧. I hope the timeline still "
  "works for you and your husband.\n\nSincerely,\n⟦PER|Grace Whitmore⟧\nClosing Coordinator", "en-US")
R("email", "UK signature block: hyphenated name + post-nominal outside, firm, address, landline + mobile; greeting 'Sydney'",
  "Can you make this e-mail shorter? Keep the signature exactly as it is.\n\nHi ⟦PER|Sydney⟧,\n\nJust confirming the survey at "
  "⟦LOC|Flat 3, 27 Ecclesall Road⟧ is booked for ⟦DT|Thursday 6 March⟧ at ⟦DT|10:30⟧. The vendor's agent, ⟦PER|Marcus O'Doherty⟧, will meet "
  "me outside with the keys, and I'll send the report to you and ⟦PER|Priyanka⟧ the following week.\n\nBest wishes,\n"
  "⟦PER|Rose Adeyemi-Clarke⟧ MRICS\nSenior Surveyor | ⟦ORG|Hallam & Pryce Chartered Surveyors⟧\n⟦LOC|14 Kelham Square, Sheffield S3 8SD⟧\n"
  "T ⟦PH@GB|0114 496 0218⟧ | M ⟦PH@GB|07911 204 637⟧", "en-GB")
R("letter", "Canadian tenant note: unit-dash-street address with province + postal code; first name Austin",
  "Help me write a firm but polite note to a tenant.\n\nTenant: ⟦PER|Chantal Nguyen-Tremblay⟧\nUnit: ⟦LOC|1506-250 Wellington St W, Toronto, ON M5V 3P6⟧\n"
  "Lease start: ⟦DT|September 1, 2023⟧\n\nOur building manager, ⟦PER|Austin Kovac⟧, says her dog was off-leash in the lobby again on "
  "⟦DT|Saturday, January 18⟧. Remind her of clause 14 and that ⟦ORG|Lakeshore Residential Management⟧ may serve an N5 notice if it happens again.", "en-CA")
R("letter", "AU reference letter: hospital employer, hire month, Dr outside, first name repeated, suburb + state one span",
  "Polish this reference so it sounds less stiff:\n\n\"To whom it may concern, I have worked with ⟦PER|Jack McAllister-Wu⟧ at "
  "⟦ORG|Royal North Shore Hospital⟧ since ⟦DT|February 2019⟧. ⟦PER|Jack⟧ is a calm, capable theatre nurse who trains our new graduates and is "
  "liked by every surgeon on the list. I recommend him without reservation.\n\nDr ⟦PER|Priya Ramanathan⟧\nDirector of Anaesthesia, "
  "⟦LOC|St Leonards, NSW⟧\"", "en-AU", ok=("Polish",))
R("legal", "Indian affidavit: S/o Late Shri (honorifics outside), Bengaluru address with en-dash PIN, bank + branch locality, wrong DOB also a DOB",
  "Please make this affidavit wording more formal:\n\nI, ⟦PER|Ravi Shankar Iyer⟧, S/o Late Shri ⟦PER|K. Subramanian Iyer⟧, aged 42 years, residing at "
  "⟦LOC|No. 7, 3rd Main Road, Jayanagar 4th Block, Bengaluru – 560011⟧, do hereby solemnly state that my correct date of birth is ⟦DT|14-08-1982⟧ "
  "and not ⟦DT|14-08-1983⟧ as wrongly recorded in the account opening form of ⟦ORG|Canara Bank⟧, ⟦LOC|Basavanagudi⟧ branch.", "en-IN")
R("letter", "ZA conveyancing letter: particle surname after Mr, erf address, law firm named after partners, partner signs",
  "Rewrite in plain English for the client:\n\nDear Mr ⟦PER|van der Merwe⟧\n\nFurther to our telephone conversation, ⟦ORG|Botha & Naidoo Attorneys⟧ "
  "confirm that transfer of ⟦LOC|Erf 4471, 12 Protea Crescent, Durbanville, 7550⟧ is expected to register on ⟦DT|22 April 2025⟧. Kindly send your "
  "FICA documents to ⟦PER|Nomvula Dlamini⟧ at ⟦EM|nomvula@bothanaidoo.co.za⟧ or call her on ⟦PH@ZA|021 975 3318⟧.\n\nKind regards\n⟦PER|Hendrik Botha⟧", "en-ZA")
R("email", "forwarded thread: header names + e-mails, Sent: line is a system timestamp, 'Mark —' / 'Bill,' greetings, quoted sign-off",
  "Summarise this thread for my practice manager:\n\n-----Original Message-----\nFrom: ⟦PER|Bill Hartley⟧ <⟦EM|bhartley@crestviewdental.com⟧>\n"
  "Sent: Tuesday, February 4, 2025 8:02 AM\nTo: ⟦PER|Mark Ruiz⟧ <⟦EM|mruiz@crestviewdental.com⟧>\nSubject: RE: billing complaint\n\n"
  "⟦PER|Mark⟧ — the patient, ⟦PER|Joy Castellanos⟧, says she was charged twice for the crown fitted on ⟦DT|1/17⟧. Can you pull the ledger before she "
  "calls back on ⟦PH@US|(520) 748-3316⟧?\n\n> ⟦PER|Bill⟧, she rang again this morning and sounded upset.\n> ⟦PER|Mark⟧", "en-US")
R("letter", "UK complaint letter: multi-line sender address block (one span), council as agency, report date, 'Faith' signs",
  "Check the tone of this complaint letter, it may be too angry:\n\n⟦LOC|22 Marlowe Close\nCanterbury\nCT2 7QH⟧\n\n⟦ORG|Canterbury City Council⟧\n"
  "Environmental Services\n\nDear Sir or Madam,\n\nI am writing about the fly-tipping behind my house, which I first reported on ⟦DT|3 February⟧ "
  "(ref. FT-2025-00913). Nothing has been collected and the rats are back.\n\nYours faithfully,\n⟦PER|Faith Okonjo⟧", "en-GB")
R("letter", "cover letter: Jr. suffix inside, brokerage named after a person (Edward Jones), city with period, host+path URL",
  "Tighten this cover-letter opening: \"My name is ⟦PER|Marcus T. Bell Jr.⟧ and I am applying for the Senior Analyst role at ⟦ORG|Edward Jones⟧ "
  "in ⟦LOC|St. Louis⟧. For the past four years I have worked in treasury operations at ⟦ORG|Commerce Bank⟧.\"\nContact line: "
  "⟦EM|marcus.bell.jr@gmail.com⟧ · ⟦URL|linkedin.com/in/marcustbelljr⟧", "en-US")
R("email", "Indian wedding invitation: Mr. & Mrs. + name, district + city one span, RSVP name + mobile",
  "Write a warm WhatsApp message inviting my office colleagues: the wedding of our daughter ⟦PER|Ananya⟧ with ⟦PER|Rohan Mehta⟧ (son of "
  "Mr. & Mrs. ⟦PER|Vikram Mehta⟧) is on ⟦DT|Sunday, 9 February 2025⟧, reception from ⟦DT|7:30 pm⟧ in ⟦LOC|Andheri East, Mumbai⟧. RSVP to "
  "⟦PER|Sunita⟧ on ⟦PH@IN|98200 41735⟧.", "en-IN")
R("email", "out-of-office: names that are words (Amber, Chance) + cover person's direct line; return date",
  "Write an out-of-office reply: I'm on leave until ⟦DT|Monday 24 March⟧. For anything urgent on the renewal files contact "
  "⟦PER|Amber Chance⟧ on ⟦PH@GB|0161 496 0734⟧ or ⟦EM|amber.chance@northpointlegal.co.uk⟧.", "en-GB")
R("email", "e-mail to a Nigerian supplier: full names with titles, Lagos address, company with Ltd",
  "Draft a formal e-mail to Chief ⟦PER|Oluwaseun Adebayo-Williams⟧ of ⟦ORG|Adebayo Agro Allied Ltd⟧ confirming that our buyer, Mrs ⟦PER|Ifeoma Nwachukwu⟧, "
  "will visit the warehouse at ⟦LOC|Plot 14, Oba Akran Avenue, Ikeja, Lagos⟧ on ⟦DT|Wednesday 12 March⟧. Her number is ⟦PH@NG|0803 318 4419⟧.", "en-NG")
R("email", "quoted reply in a support mailbox: customer signature with apostrophe surname and Irish town",
  "Suggest a reply to this customer:\n\n> Hi, I still haven't received the replacement kettle (order 4471-88213). Please ring me on ⟦PH@IE|087 219 4460⟧ "
  "rather than e-mailing.\n> Thanks,\n> ⟦PER|Siobhán Ní Bhriain⟧\n> ⟦LOC|Ennis, Co. Clare⟧", "en-IE")
R("letter", "school letter: child named Jordan, parent names, school as ORG, pickup arrangement",
  "Turn this into a short note for the school office: ⟦PER|Jordan⟧ will be collected at ⟦DT|1:15 pm⟧ on ⟦DT|Friday 14 March⟧ by his grandmother, "
  "Mrs ⟦PER|Patricia Kenward⟧, for a hospital appointment. Please let his teacher, Mr ⟦PER|Osei⟧, know. — ⟦PER|Daniel Kenward⟧, parent, "
  "⟦ORG|Holy Trinity C of E Primary School⟧", "en-GB")
R("email", "US e-mail: Vietnamese name, Houston street named after MLK (inside LOCATION, not PERSON)",
  "Draft a friendly e-mail welcoming our new bookkeeper ⟦PER|Nguyễn Thị Mai⟧ (she goes by ⟦PER|Mai⟧). Her first day is ⟦DT|March 3⟧ at our office, "
  "⟦LOC|4410 Martin Luther King Jr Blvd, Houston, TX 77021⟧; parking is behind the building.", "en-US")
R("email", "AU e-mail: name 'Sunny', suburb, Medicare card in a GP referral request",
  "Write a short e-mail to the GP practice asking them to send my son's referral to the paediatrician. Son: ⟦PER|Sunny Tran⟧, DOB ⟦DT|04/11/2016⟧, "
  "Medicare ⟦HP|=medicare_au()⟧. We have just moved to ⟦LOC|Cabramatta⟧.", "en-AU")

# ---------------------------------------------------------------- chat (terse, lowercase)
R("chat", "lowercase names that are words (rose, hope) + possessive, personal pickup time",
  "can u remind ⟦PER|rose⟧ to pick up ⟦PER|hope⟧ from daycare at ⟦DT|5:15⟧ today, ⟦PER|rose⟧'s cell is ⟦PH@US|312 847 2290⟧", "en-US")
R("chat", "lowercase name that is a place (jordan) + town",
  "tell ⟦PER|jordan⟧ im running late, stuck in traffic outside ⟦LOC|croydon⟧, save me a seat", "en-GB")
R("chat", "AU slang nickname lowercase, suburb, mobile",
  "oi is ⟦PER|shazza⟧ still doing the bbq at hers in ⟦LOC|bondi⟧ on sat arvo? whats her number again, ⟦PH@AU|0412 338 901⟧?", "en-AU")
R("chat", "Hinglish: honorific 'didi' outside, lowercase locality",
  "bhai plz send ⟦PER|pinky⟧ didi's new address, she shifted to ⟦LOC|sector 62 noida⟧ i think, her number changed also ⟦PH@IN|+91 98110 24731⟧", "en-IN")
R("chat", "lowercase coworker named 'will' (tricky word-name), no other PII",
  "my coworker ⟦PER|will⟧ keeps microwaving fish at lunch 🙄 how do i bring it up without being rude", "en-US")
R("chat", "lowercase employer named after a person (tim hortons) + street + shift time",
  "hey its ⟦PER|faith⟧ from ⟦ORG|tim hortons⟧ on ⟦LOC|king st⟧, ur shift got moved to ⟦DT|thurs 6am⟧, can u reply asap", "en-CA")
R("chat", "ZA chat: lowercase names, township + suburb",
  "sharp, ⟦PER|thabo⟧ says the braai is at ⟦PER|lerato⟧'s place in ⟦LOC|orlando west, soweto⟧ this weekend, bring ice", "en-ZA")
R("chat", "names next to words (Mark / marked, Bill / bills)",
  "Ask ⟦PER|Mark⟧ if he's marked the bills from ⟦PER|Bill Kowalczyk⟧ as paid yet", "en-US")
R("chat", "Chinese names (surname first) and an English name used by a Chinese colleague",
  "pls write a thank-you msg to ⟦PER|Zhang Wei⟧ and ⟦PER|Li Xiuying⟧ for hosting us in ⟦LOC|Suzhou⟧, and cc ⟦PER|Kevin Chen⟧ (⟦PER|Chen Jianguo⟧ on his badge)", "en-US")
R("chat", "Arabic name with al- and bin, city",
  "how do i say 'congratulations on the promotion' formally to ⟦PER|Abdullah bin Saeed Al-Qahtani⟧? he's moving to our ⟦LOC|Jeddah⟧ office", "en-US")
R("chat", "lowercase full name + e-mail, typo-ish",
  "send the deck to ⟦PER|emeka okafor⟧ at ⟦EM|emeka.okafor@zenithconsult.ng⟧ and tell him the call is tmrw at ⟦DT|9:30⟧", "en-NG")
R("chat", "Sydney the person vs Sydney the city",
  "⟦PER|Sydney⟧ just moved to ⟦LOC|Sydney⟧ lol, what are good first-week things to do near ⟦LOC|Surry Hills⟧", "en-AU")
R("chat", "Florence the person flying to Florence, Italian street",
  "⟦PER|Florence⟧ lands in ⟦LOC|Florence⟧ on ⟦DT|Tue 8 April⟧ around ⟦DT|14:20⟧, can you write her directions from the airport to ⟦LOC|Via dei Calzaiuoli 12⟧", "en-GB")

# ---------------------------------------------------------------- clinical
R("clinical", "referral: hyphenated surname with 'Hope', NRP two words, eponyms (Parkinson's, Hashimoto's) unlabelled, hospital + institute named after people",
  "Turn this into a referral letter:\nPt: ⟦PER|Dolores Hope-Ramírez⟧, 67F, ⟦NRP|Mexican American⟧, Spanish-speaking\nMRN ⟦MRN|=digits(8)⟧   DOB ⟦DT|06/02/1957⟧\n"
  "Hx: Parkinson's disease (dx 2019), Hashimoto's thyroiditis, lap chole at ⟦ORG|Banner Desert Medical Center⟧ ⟦DT|03/2021⟧.\n"
  "Refer to Dr. ⟦PER|Anil Mehrotra⟧, movement disorders, ⟦ORG|Barrow Neurological Institute⟧, re: DBS candidacy.", "en-US", ok=("Parkinson",))
R("clinical", "patient surnamed Parkinson who does NOT have Parkinson's disease (eponym unlabelled, surname labelled)",
  "Rewrite for the patient letter: Mr ⟦PER|Gordon Parkinson⟧, 58, was referred with ?Parkinson's disease. Examination on ⟦DT|11/02/2025⟧ shows a "
  "bilateral action tremor consistent with essential tremor, not Parkinson's. No DaTscan needed. NHS number ⟦NHS|=nhs(' ')⟧.", "en-GB", ok=("Parkinson",))
R("clinical", "GP letter: Ghanaian name, NHS no, London address, trust name with apostrophe, Hodgkin eponym",
  "Summarise for the patient in plain English:\nRe: Mr ⟦PER|Kwabena Asante⟧   DOB ⟦DT|23.09.1971⟧   NHS No ⟦NHS|=nhs('')⟧\n"
  "⟦LOC|Flat 9, 41 Peckham Rye, London SE15 4JR⟧\nSeen in the Hodgkin lymphoma survivorship clinic at ⟦ORG|Guy's and St Thomas' NHS Foundation Trust⟧ on "
  "⟦DT|18 February 2025⟧. PET-CT clear. Next review with Dr ⟦PER|Eleanor Fairweather-Hughes⟧ in 12 months.", "en-GB")
R("clinical", "Indian discharge summary: Mohd. abbreviation inside name, IP number as MRN, NRP religion, GBS eponym, locality after hospital",
  "Make this discharge summary readable for the family:\nName: ⟦PER|Mohd. Imran Qureshi⟧   Age/Sex: 46/M   IP No: ⟦MRN|=digits(6) + '/25'⟧\n"
  "DOA: ⟦DT|02/02/2025⟧   DOD: ⟦DT|15/02/2025⟧\nHospital: ⟦ORG|Apollo Hospitals⟧, ⟦LOC|Jubilee Hills, Hyderabad⟧\nDiagnosis: Guillain-Barré syndrome, treated with IVIG.\n"
  "Pt is a ⟦NRP|Muslim⟧ and requested halal diet during stay. Consultant: Dr. ⟦PER|Sudha Reddy⟧ (Neurology). Attendant: ⟦PER|Farhan Qureshi⟧ (son), ⟦PH@IN|+91 94410 27718⟧.", "en-IN")
R("clinical", "AU ED triage: Medicare number, UR number, hospital, NOK 'Sunny', interpreter language (not NRP)",
  "Turn this triage note into a handover:\n⟦PER|Tran Van Hung⟧ 79M, UR ⟦MRN|=digits(7)⟧, Medicare ⟦HP|=medicare_au()⟧\nBIBA to ⟦ORG|Westmead Hospital⟧ ED ⟦DT|02:40⟧ "
  "after a fall at home, ⟦LOC|Fairfield West⟧. Interpreter required (Vietnamese). NOK son ⟦PER|Sunny Tran⟧ ⟦PH@AU|0421 907 336⟧.", "en-AU")
R("clinical", "US prior auth: III suffix inside, surname = state name, MBI, Medicare as programme (not ORG), insurer ORG",
  "Write a prior-authorization letter for ⟦PER|Earl Washington III⟧ (DOB ⟦DT|09/14/1948⟧, MBI ⟦HP|=mbi(True)⟧). He is on a Medicare Advantage plan "
  "through ⟦ORG|Humana⟧ and needs a power wheelchair after a stroke. Ordering physician: ⟦PER|Keisha Brantley⟧, MD, ⟦ORG|Piedmont Atlanta Hospital⟧.", "en-US")
R("clinical", "ZA medical aid: member number as HEALTH_PLAN_ID, private hospital group, dependant code",
  "Draft a motivation to the medical aid: patient ⟦PER|Lindiwe Mahlangu⟧ (DOB ⟦DT|1989-07-30⟧), ⟦ORG|Discovery Health⟧ member no. ⟦HP|=digits(9)⟧, "
  "dependant code 01, requires a lumbar MRI at ⟦ORG|Netcare Milpark Hospital⟧, ⟦LOC|Parktown, Johannesburg⟧. Referring doctor: Dr ⟦PER|Ayesha Patel⟧.", "en-ZA")
R("clinical", "CA clinic note: Métis (NRP), Crohn's (eponym), hospital, names that are words (Amber)",
  "Summarise this IBD clinic note:\n⟦PER|Amber Lafleur⟧, 31F, self-identifies as ⟦NRP|Métis⟧. Crohn's disease, ileocolonic, on ustekinumab since ⟦DT|June 2022⟧. "
  "Seen at ⟦ORG|Mount Sinai Hospital⟧ IBD Centre on ⟦DT|Feb 20, 2025⟧ by Dr. ⟦PER|Rachel Goldberg-Singh⟧. Lives in ⟦LOC|Scarborough⟧; "
  "prefers calls on ⟦PH@CA|(647) 391-2208⟧.", "en-CA")
R("clinical", "pharmacy label: middle names that are words, prescriber with apostrophe, pharmacy as merchant ORG, Rx / store numbers unlabelled, Addison's eponym",
  "Explain this pharmacy label to my mum in simple words:\n⟦ORG|Walgreens⟧ #04471   Rx 2219874-03\n⟦PER|Crystal Dawn Harper⟧\nHYDROCORTISONE 10 MG TAB — TAKE 2 TABS "
  "EVERY MORNING AND 1 AT 2 PM\nFor: Addison's disease   Dr. ⟦PER|Sean O'Neill⟧\nFilled ⟦DT|02/27/25⟧   Refills: 5", "en-US", ok=("Addison",))
R("clinical", "mental-health note: Polish national (NRP) vs Polish interpreter (language), NHS number grouped with dashes",
  "Shorten this CMHT note: ⟦PER|Tomasz Wiśniewski⟧, 39, ⟦NRP|Polish⟧ national, lives alone in ⟦LOC|Slough⟧. Assessed ⟦DT|06/03/2025⟧ with a Polish "
  "interpreter. Low mood since redundancy from ⟦ORG|Mars Wrigley⟧ in ⟦DT|November 2024⟧. NHS ⟦NHS|=nhs('-')⟧. Care coordinator: ⟦PER|Bethan Rhys⟧.", "en-GB", ok=("Polish",))
R("clinical", "telemedicine chat: father's full name, Alzheimer's (eponym), city, NRP absent",
  "doctor my father ⟦PER|Ramesh Chandra Gupta⟧ (71) has Alzheimer's and since last week he is not recognising my mother ⟦PER|Kamla⟧. we are in "
  "⟦LOC|Lucknow⟧. his neurologist at ⟦ORG|SGPGI⟧ is on leave. what should we do till then", "en-IN")
R("clinical", "lab report table: names in a table, Bence Jones protein (eponym), accession numbers unlabelled",
  "Convert this to a patient-friendly summary:\n| Patient | DOB | MRN | Test | Result |\n|---|---|---|---|---|\n"
  "| ⟦PER|Ngozi Eze⟧ | ⟦DT|1962-11-05⟧ | ⟦MRN|=mc.tok('MR', 7, string.digits)⟧ | Bence Jones protein, urine | not detected |\n"
  "| ⟦PER|Harold Finch⟧ | ⟦DT|1955-03-22⟧ | ⟦MRN|=mc.tok('MR', 7, string.digits)⟧ | Serum free light chains | κ/λ ratio 1.9 |\nAccession: 25-118-04471", "en-US", ok=("Jones",))
R("clinical", "NICU handover: baby surname only, mother's name, NRP absent, times",
  "Make this NICU handover tidier: Baby ⟦PER|Okonkwo⟧ (twin 2), born ⟦DT|27/02/2025 03:14⟧ at 31+4 weeks, MRN ⟦MRN|=digits(10)⟧. Mum ⟦PER|Chiamaka⟧ "
  "visiting daily, dad ⟦PER|Ikenna⟧ works nights. Next cranial US due ⟦DT|Monday 10 March⟧.", "en-GB")
R("clinical", "dental recall SMS: practice named after surnames, Dr outside, patient first name Harper",
  "Write an SMS reminder: Hi ⟦PER|Harper⟧, this is ⟦ORG|Whitfield & Osei Dental⟧. Your check-up with Dr ⟦PER|Lena Osei⟧ is on ⟦DT|Wed 19 March⟧ at "
  "⟦DT|8:45am⟧. Reply Y to confirm or call ⟦PH@GB|0117 496 0381⟧.", "en-GB")

# ---------------------------------------------------------------- legal
R("legal", "witness statement: address of witness, incident date + time, other party Mr + surname",
  "Put this witness statement into numbered paragraphs:\n\nI, ⟦PER|Hannah Louise Pritchard⟧, of ⟦LOC|9 Albion Terrace, Whitby YO21 3DA⟧, will say as follows. On "
  "⟦DT|14 December 2024⟧ at about ⟦DT|6.40pm⟧ I was walking my dog on ⟦LOC|Bagdale⟧ when a grey van reversed into Mr ⟦PER|Ellison⟧'s car. "
  "The driver, who I now know to be ⟦PER|Craig Dunmore⟧, drove off towards ⟦LOC|Sleights⟧.", "en-GB")
R("legal", "whistleblower summary: eponymous laws (Sarbanes-Oxley, Dodd-Frank) unlabelled next to employee + employer",
  "Summarise the retaliation claim: ⟦PER|Carmen Delacroix-Hayes⟧, a former controller at ⟦ORG|Ridgeline Freight Holdings, Inc.⟧, alleges she was "
  "fired on ⟦DT|October 7, 2024⟧ after reporting revenue manipulation. She seeks relief under Sarbanes-Oxley Section 806 and the Dodd-Frank Act.", "en-US")
R("legal", "Indian legal notice: Smt./Adv. honorifics outside, client + opposite party, address, cheque number unlabelled",
  "Improve the English of this legal notice:\n\nUnder instructions from my client Smt. ⟦PER|Lakshmi Narasimhan⟧, residing at ⟦LOC|12/4, Gandhi Nagar, Adyar, Chennai 600020⟧, "
  "I hereby call upon you, Mr. ⟦PER|Senthil Kumar⟧, to pay Rs. 4,50,000 within 15 days, failing which proceedings under Section 138 of the Negotiable "
  "Instruments Act will be initiated for the dishonour of cheque no. 004471.\n\nAdv. ⟦PER|R. Meenakshi⟧", "en-IN")
R("legal", "small-claims: plaintiff v. company, City + province, incident date",
  "Help me fill in the small claims form. Plaintiff: ⟦PER|Devon Achterberg⟧, ⟦LOC|44 Birch Ave, Winnipeg, MB R3L 1V6⟧. Defendant: "
  "⟦ORG|Prairie Roofing & Exteriors Ltd.⟧ The roof they installed on ⟦DT|June 18, 2024⟧ has leaked three times; the owner, ⟦PER|Gary Friesen⟧, stopped answering.", "en-CA")
R("legal", "will / probate: Jordan as middle name, person named Georgia, 'Athens, Georgia' one LOCATION span, date of death",
  "Draft a letter to the probate court clerk: my father, ⟦PER|Harold Jordan Pierce Sr.⟧, died on ⟦DT|January 9, 2025⟧. I am the executor, "
  "⟦PER|Georgia Pierce-Lindqvist⟧. The estate includes the house at ⟦LOC|218 Milledge Avenue, Athens, Georgia 30601⟧ and a lake lot in "
  "⟦LOC|Eatonton⟧.", "en-US")
R("legal", "AU tribunal: tribunal as agency ORG, NSW alone not LOCATION, unit address",
  "Summarise this for the landlord: the tenant, ⟦PER|Kylie Nguyen⟧, has applied to the ⟦ORG|NSW Civil and Administrative Tribunal⟧ for a rent "
  "reduction at ⟦LOC|Unit 7, 33 Station Street, Penrith NSW 2750⟧. The hearing is on ⟦DT|2 April 2025⟧ at ⟦DT|9.30am⟧.", "en-AU")
R("legal", "ZA CCMA referral: employer (Pty) Ltd, employee, hire month and dismissal date, Mr outside",
  "Help me write my CCMA referral summary: I, ⟦PER|Sipho Mthembu⟧, worked as a forklift driver for ⟦ORG|Kwena Cold Chain (Pty) Ltd⟧ in "
  "⟦LOC|Germiston⟧ from ⟦DT|March 2018⟧ until I was dismissed on ⟦DT|31 January 2025⟧ without a hearing. My supervisor, Mr ⟦PER|Jacobs⟧, said it was for lateness.", "en-ZA")

# ---------------------------------------------------------------- HR
R("hr", "US onboarding form: SSN, CA licence, bank account (routing unlabelled), EEO self-ID as NRP, emergency contact",
  "Check this onboarding record for missing fields:\nName: ⟦PER|Marisol Ortega-Vance⟧\nSSN: ⟦SSN|=ssn()⟧\nDriver license: ⟦DL|=dl('CA')⟧ (CA)\n"
  "Direct deposit: routing ⟦!ABA|=aba()⟧, checking ⟦BANK|=digits(10)⟧\nEthnicity: ⟦NRP|Hispanic or Latino⟧\nStart date: ⟦DT|03/17/2025⟧\n"
  "Emergency contact: ⟦PER|Luis Ortega⟧ (father), ⟦PH@US|(559) 284-7713⟧", "en-US")
R("hr", "Indian offer letter: Sikh name with Kaur, IT company, campus locality + city, joining date + reporting time",
  "Make this offer letter warmer:\n\nDear ⟦PER|Harpreet Kaur Sandhu⟧,\n\n⟦ORG|Tata Consultancy Services⟧ is pleased to offer you the role of Systems Engineer at "
  "our ⟦LOC|Gachibowli, Hyderabad⟧ campus. Your date of joining is ⟦DT|7 April 2025⟧. Please report to Mr. ⟦PER|Venkatesh Subramanian⟧ at ⟦DT|9:00 am⟧.", "en-IN")
R("hr", "AU performance review: names that are words (Summer, Hunter), job titles unlabelled",
  "Rewrite these review notes constructively: ⟦PER|Summer⟧ missed two sprint deadlines but mentored ⟦PER|Hunter Blake⟧ through his first on-call. "
  "The Head of Engineering wants her to lead the payments migration next quarter.", "en-AU")
R("hr", "Canadian work permit: Filipino citizen (NRP), country unlabelled, employer, city",
  "Draft an employer support letter for ⟦PER|Maria Cristina Dela Cruz⟧, a ⟦NRP|Filipino⟧ citizen, who has worked as a registered nurse at "
  "⟦ORG|Foothills Medical Centre⟧ in ⟦LOC|Calgary⟧ since ⟦DT|August 2022⟧. She is applying to extend her permit before she visits family in the Philippines.", "en-CA")
R("hr", "UK employment reference: M&S as employer, store location, start and end dates",
  "Write a neutral employment reference: ⟦PER|Chidinma Eze⟧ was employed by ⟦ORG|Marks & Spencer⟧ as a Customer Assistant at the "
  "⟦LOC|Marble Arch⟧ store from ⟦DT|5 June 2021⟧ to ⟦DT|28 February 2025⟧. Her line manager was ⟦PER|Gavin Shaw⟧.", "en-GB")
R("hr", "candidate shortlist: Nigerian double-barrelled name, Chinese name, Jr., banks named after people",
  "Rank these candidates for the quant developer role:\n1. ⟦PER|Ngozi Okonkwo-Bamidele⟧ — 6 yrs, currently at ⟦ORG|Goldman Sachs⟧\n"
  "2. ⟦PER|Li Wei⟧ — 4 yrs, ⟦ORG|Morgan Stanley⟧\n3. ⟦PER|José Luis Ortega Jr.⟧ — 7 yrs, freelance, previously ⟦ORG|Charles Schwab⟧", "en-US")
R("hr", "Teams meeting notes: attendees list incl. Dr + PhD outside, action owners by first name",
  "Turn these notes into action items:\nAttendees: ⟦PER|Olivia Brennan⟧, Dr ⟦PER|Tariq Hussain⟧, ⟦PER|Megan Liu⟧ PhD, ⟦PER|Rhys Morgan⟧\n- ⟦PER|Tariq⟧ to send the "
  "survey to ethics by ⟦DT|Friday 21 March⟧\n- ⟦PER|Megan⟧ + ⟦PER|Rhys⟧: redo the power calculation\n- Next meeting in Teams, same link", "en-GB")
R("hr", "ZA payroll query: Afrikaans particle name, employer, city, bank as ORG",
  "Reply to this payroll query: ⟦PER|Pieter-Jan du Plessis⟧ says his salary from ⟦ORG|Sasol⟧ was paid into his old ⟦ORG|Capitec⟧ account even though he "
  "updated his details on ⟦DT|18 February⟧. He works at the ⟦LOC|Secunda⟧ plant.", "en-ZA")
R("hr", "HR case: religion stated about an employee (Sikh), turban policy, manager name",
  "Draft guidance for the line manager, ⟦PER|Ian Gallagher⟧: a new warehouse operative, ⟦PER|Gurpreet Singh Dhillon⟧, is a practising ⟦NRP|Sikh⟧ and has "
  "asked about wearing his turban instead of the bump cap. What does the Equality Act require?", "en-GB")
R("hr", "exit interview: political affiliation stated about a person, employer",
  "Anonymise this exit-interview note before it goes to the board, then tell me what you removed: ⟦PER|Dana Whitlock⟧ said colleagues at "
  "⟦ORG|Crestmoor Insurance Group⟧ mocked her for being a registered ⟦NRP|Republican⟧ after the election.", "en-US")

# ---------------------------------------------------------------- finance
R("finance", "wire instructions: beneficiary, bank named after people (Wells Fargo), account, routing + SWIFT unlabelled, invoice no unlabelled",
  "Format these wire instructions as a table for the client:\nBeneficiary: ⟦PER|Theodore Lam⟧\nBank: ⟦ORG|Wells Fargo⟧, ⟦LOC|420 Montgomery Street, San Francisco, CA 94104⟧\n"
  "Account: ⟦BANK|=digits(10)⟧   ABA: ⟦!ABA|=aba()⟧   SWIFT: WFBIUS6S\nReference: INV-2025-00871", "en-US")
R("finance", "UK card dispute: Monzo as the person's bank, merchant ORG, card (Luhn-valid), date; card ending unlabelled",
  "Write a chargeback request to ⟦ORG|Monzo⟧: on ⟦DT|8 February 2025⟧ ⟦ORG|Northgate Fitness Ltd⟧ charged £89.99 to my card ⟦CC|=card('5', 16, ' ')⟧ even "
  "though I cancelled in writing three weeks earlier. My replacement card ends 2291. — ⟦PER|Olumide Bankole⟧, ⟦EM|olumide.bankole@proton.me⟧", "en-GB")
R("finance", "crypto refund: BTC bech32 address, name, exchange named as a tool (unlabelled)",
  "I sent 0.02 BTC from my exchange account to the wrong address. Draft a message to ⟦PER|Yusuf Demir⟧ asking him to return it from ⟦CRY|=btc('p2wpkh')⟧ to my "
  "wallet ⟦CRY|=btc('p2tr')⟧.", "en-GB")
R("finance", "Canadian mortgage pre-approval summary: couple's names, employers, address, closing date",
  "Summarise this pre-approval for the couple: ⟦PER|Liam O'Connor⟧ (nurse, ⟦ORG|Vancouver General Hospital⟧) and ⟦PER|Priya Sharma-O'Connor⟧ (analyst, "
  "⟦ORG|TELUS⟧) are pre-approved for $780,000 toward ⟦LOC|3301 Kingsway, Burnaby, BC⟧. Rate hold expires ⟦DT|May 31, 2025⟧.", "en-CA")
R("finance", "1099 question: SSN spaced, brokerage named after a person, state alone unlabelled",
  "My 1099-B from ⟦ORG|Charles Schwab⟧ lists SSN ⟦SSN|=ssn(' ')⟧ for ⟦PER|Evelyn Marsh⟧, but that's my late mother; I moved her account to mine after she "
  "died in Ohio. Which cost basis applies?", "en-US", ok=("Ohio",))
R("finance", "GB IBAN payment: payee name, grouped GB IBAN, sort code in BIC-like context unlabelled",
  "Draft a payment confirmation: £1,250.00 sent to ⟦PER|Eilidh MacLeod⟧, IBAN ⟦IBAN|=ibann('GB', 'NWBK', True)⟧, for the deposit on the cottage. Our ref. DEP-4471.", "en-GB")
R("finance", "expense report CSV: names, masked cards unlabelled, merchant cities",
  "Flag anything unusual in this expense export:\nemployee,date,merchant,city,card,amount\n⟦PER|Aisha Rahman⟧,⟦DT|2025-02-03⟧,⟦ORG|Pret A Manger⟧,⟦LOC|Leeds⟧,**** 4471,8.45\n"
  "⟦PER|Aisha Rahman⟧,⟦DT|2025-02-03⟧,⟦ORG|Premier Inn⟧,⟦LOC|Leeds⟧,**** 4471,112.00\n⟦PER|Tom Gallagher⟧,⟦DT|2025-02-04⟧,⟦ORG|Addison Lee⟧,⟦LOC|London⟧,**** 9902,64.20", "en-GB")
R("finance", "Indian loan EMI query: names, bank, loan account (not US: unlabelled), city",
  "Write a polite e-mail to ⟦ORG|HDFC Bank⟧, ⟦LOC|Koramangala⟧ branch: my home-loan EMI was debited twice on ⟦DT|5 March 2025⟧. Borrowers: "
  "⟦PER|Arjun Nair⟧ and ⟦PER|Deepa Nair⟧. Please refund the duplicate to our savings account.", "en-IN")
R("finance", "ETH payment request in chat, name lowercased",
  "can you write a short invoice note for ⟦PER|marco⟧: 0.35 ETH for the logo work, to ⟦CRY|=eth()⟧, due ⟦DT|march 28⟧", "en-US")
R("finance", "ZA debit order dispute: insurer, policy holder, date",
  "Help me word a dispute: ⟦ORG|Old Mutual⟧ ran a debit order of R 1 249 on ⟦DT|1 March 2025⟧ on a funeral policy that my late father, "
  "⟦PER|Themba Khumalo⟧, cancelled in 2023. I am his daughter, ⟦PER|Zanele Khumalo⟧, ⟦PH@ZA|+27 82 771 4459⟧.", "en-ZA")
R("finance", "Amex card number, billing address, expiry (not DT)",
  "Is this enough for the hotel's card authorisation form?\nCardholder: ⟦PER|Rebecca Stein⟧\nCard: ⟦CC|=card('37', 15, ' ')⟧  Exp 09/27\n"
  "Billing address: ⟦LOC|77 Prospect Park West, Apt 4B, Brooklyn, NY 11215⟧", "en-US")

# ---------------------------------------------------------------- customer support
R("support", "chat transcript: agent + customer first names, order number beside phone number, postcode",
  "Summarise this chat for the ticket:\n[Agent ⟦PER|Callum⟧] Thanks for waiting! I can see order 204-7718230-4471 was delivered to the wrong postcode.\n"
  "[Customer] yes it should be ⟦LOC|LS6 2AB⟧ not ⟦LOC|LS6 2BA⟧, and my number is ⟦PH@GB|07822 419 306⟧ if the courier needs it\n[Agent ⟦PER|Callum⟧] "
  "Noted, ⟦PER|Hope⟧. I've raised a redelivery.", "en-GB")
R("support", "ISP outage: provider as ORG, address, modem MAC, WAN IP, firmware version next to IP",
  "Write a fault report: customer ⟦PER|Bronwyn Kelly⟧, ⟦LOC|12 Jacaranda Drive, Toowoomba QLD 4350⟧, ⟦ORG|Telstra⟧ customer. Modem MAC "
  "⟦MAC|a4:91:b1:3c:7e:02⟧, WAN IP ⟦IP|203.45.118.72⟧, firmware 10.5.2.1. Drops every evening since ⟦DT|20 February⟧.", "en-AU")
R("support", "warranty: Dyson the company (contacted) vs Dyson V15 product, name",
  "I called ⟦ORG|Dyson⟧ support twice about my Dyson V15 losing suction; they said to e-mail photos. Write the e-mail. I'm ⟦PER|Helen Marsh⟧, "
  "serial SN-V15-44718-GB, bought ⟦DT|12 Nov 2023⟧.", "en-GB", ok=("Dyson",))
R("support", "telecom complaint: provider, two mobiles, complaint number unlabelled",
  "Draft a complaint to ⟦ORG|Airtel⟧ appellate authority: my number ⟦PH@IN|99862 14470⟧ was ported without consent on ⟦DT|26 Feb 2025⟧; complaint "
  "no. 1-447102819 was closed without resolution. Alternate contact ⟦PH@IN|080 2663 1190⟧. — ⟦PER|Shreya Kulkarni⟧, ⟦LOC|Malleswaram, Bengaluru⟧", "en-IN")
R("support", "returns e-mail: Wendy the person works at Wendy's (possessive-looking ORG name)",
  "Reply to this: \"Hi, I'm ⟦PER|Wendy Alvarez⟧, shift lead at the ⟦ORG|Wendy's⟧ in ⟦LOC|Poughkeepsie⟧. The uniform order for my team arrived in the wrong sizes. "
  "Call me at ⟦PH@US|845-204-7719⟧.\"", "en-US")
R("support", "bank fraud call notes: masked SSN unlabelled, full name, DOB, branch",
  "Summarise the call: caller ⟦PER|Lamar Jefferson⟧, DOB ⟦DT|02/19/1983⟧, verified with last four SSN ***-**-4471 and his ⟦ORG|Regions Bank⟧ debit card. "
  "Reports a $2,400 Zelle transfer he did not make on ⟦DT|March 2⟧.", "en-US")
R("support", "utility move-out: old and new addresses, meter serial unlabelled",
  "Write the move-out request for ⟦ORG|Hydro Ottawa⟧: customer ⟦PER|Geneviève Paquette⟧ leaves ⟦LOC|88 Clarence St, Ottawa⟧ on ⟦DT|April 30⟧ and moves to "
  "⟦LOC|15 Rue Laurier, Gatineau, QC J8X 3V8⟧. Meter 7Q-448120.", "en-CA")

# ---------------------------------------------------------------- code, JSON, logs
R("code", "Python fixture: Irish name with fada + apostrophe, Vietnamese name with diacritics, cities, e-mails in dict literals",
  "Write pytest cases for this fixture (check the Unicode survives a CSV round-trip):\n```python\nCUSTOMERS = [\n"
  "    {\"name\": \"⟦PER|Siobhán O'Sullivan⟧\", \"email\": \"⟦EM|siobhan.osullivan@eircom.net⟧\", \"city\": \"⟦LOC|Galway⟧\"},\n"
  "    {\"name\": \"⟦PER|Nguyễn Văn An⟧\", \"email\": \"⟦EM|an.nguyen@fpt.com.vn⟧\", \"city\": \"⟦LOC|Đà Nẵng⟧\"},\n]\n```", "en-IE")
R("code", "JS test: Vietnamese family/given names as separate strings, joined output; 'Vietnamese names' is not NRP",
  "Why does this Jest test fail on Windows?\n```js\ntest('formats Vietnamese names family-name first', () => {\n"
  "  expect(formatName({ family: '⟦PER|Trần⟧', given: '⟦PER|Thị Thu Hà⟧' })).toBe('⟦PER|Trần Thị Thu Hà⟧');\n});\n```", "en-US")
R("code", "Python traceback: account name in a macOS home path, e-mail percent-encoded inside a URL (URL span only)",
  "What does this error mean and how do I fix it?\n```\nTraceback (most recent call last):\n  File \"/Users/⟦PER|danielle.moreau⟧/projects/crm-sync/sync.py\", line 88, in push_contact\n"
  "    resp.raise_for_status()\nrequests.exceptions.HTTPError: 422 Client Error: Unprocessable Entity for url: "
  "⟦URL|https://api.hubapi.com/crm/v3/objects/contacts?email=kofi.mensah%40ashantigold.com.gh⟧\n```", "en-US",
  amb="an account name that is a person's name inside a file path is labelled PERSON")
R("code", "SQL INSERT: UK names, addresses split into columns (street / town / postcode are separate LOCATION spans), DOBs",
  "Rewrite as a parameterised query:\n```sql\nINSERT INTO members (full_name, street, town, postcode, dob) VALUES\n"
  "  ('⟦PER|Gwen Llewellyn-Price⟧', '⟦LOC|4 Cathedral Road⟧', '⟦LOC|Cardiff⟧', '⟦LOC|CF11 9LJ⟧', '⟦DT|1977-05-14⟧'),\n"
  "  ('⟦PER|Alasdair Mac an t-Saoir⟧', '⟦LOC|12 Harbour Street⟧', '⟦LOC|Portree⟧', '⟦LOC|IV51 9DP⟧', '⟦DT|1969-10-02⟧');\n```", "en-GB")
R("code", "JSON API response: address object fields, employer, ISO country code unlabelled, user id unlabelled",
  "Write a TypeScript interface for this response:\n```json\n{\n  \"id\": 88213,\n  \"first_name\": \"⟦PER|Obinna⟧\",\n  \"last_name\": \"⟦PER|Eze⟧\",\n"
  "  \"email\": \"⟦EM|obinna.eze@outlook.com⟧\",\n  \"employer\": \"⟦ORG|Co-operative Bank⟧\",\n  \"address\": {\n    \"line1\": \"⟦LOC|Flat 2, 19 Ardwick Green⟧\",\n"
  "    \"city\": \"⟦LOC|Manchester⟧\",\n    \"postcode\": \"⟦LOC|M12 6FZ⟧\",\n    \"country\": \"GB\"\n  },\n  \"created_at\": \"2024-11-02T09:14:07Z\"\n}\n```", "en-GB")
R("code", "auth log: e-mails, IPv4 + IPv6, IPv4-shaped build string and request UUID unlabelled",
  "Is this credential stuffing?\n```\n2025-03-04T02:11:07Z WARN login failed user=⟦EM|t.adeyemi@lagosfintech.ng⟧ ip=⟦IP|102.89.34.17⟧ ua=okhttp/4.12 app=4.18.0.2231\n"
  "2025-03-04T02:11:09Z WARN login failed user=⟦EM|ruth.kamau@safaricom.co.ke⟧ ip=⟦IP|102.89.34.17⟧ ua=okhttp/4.12 app=4.18.0.2231\n"
  "2025-03-04T02:11:12Z INFO login ok user=⟦EM|j.obi@gtbank.com⟧ ip=⟦IP|2c0f:f4c0:1:7::2a⟧ req=⟦_|=uuid4()⟧\n```", "en-NG")
R("code", "git log: authors with accents / Ghanaian name, commit dates are system timestamps",
  "Write release notes from this log:\n```\ncommit ⟦_|=hexs(40)⟧\nAuthor: ⟦PER|José Ángel Ruiz⟧ <⟦EM|jaruiz@nubeware.es⟧>\nDate:   Mon Mar 3 17:42:10 2025 +0100\n\n"
  "    fix: retry SMTP on 451\n\ncommit ⟦_|=hexs(40)⟧\nAuthor: ⟦PER|Kwame Mensah⟧ <⟦EM|kwame@nubeware.es⟧>\nDate:   Fri Feb 28 11:03:55 2025 +0000\n\n    feat: Ada bindings for the parser\n```", "en-US")
R("code", "YAML on-call rota: names + mobiles; image tag and version unlabelled",
  "Convert this to a Markdown table:\n```yaml\noncall:\n  primary:\n    name: ⟦PER|Rosa Delgado⟧\n    phone: \"⟦PH@US|+1 206 391 4478⟧\"\n  secondary:\n"
  "    name: ⟦PER|Bilal Chaudhry⟧\n    phone: \"⟦PH@US|+1 425 218 6630⟧\"\nimage: ghcr.io/northwind/pager-bridge:2.4.1\n```", "en-US")
R("code", "CSV: Chinese names in pinyin and hanzi (both PERSON), cities in pinyin and hanzi",
  "Fix the encoding in this CSV:\nname_en,name_zh,city_en,city_zh,mobile\n⟦PER|Wang Fang⟧,⟦PER|王芳⟧,⟦LOC|Hangzhou⟧,⟦LOC|杭州⟧,⟦PH@CN|138 1047 2291⟧\n"
  "⟦PER|Liu Yang⟧,⟦PER|刘洋⟧,⟦LOC|Chengdu⟧,⟦LOC|成都⟧,⟦PH@CN|139 8172 4406⟧", "en-US")
R("code", "Jira ticket: reporter / assignee, customer org, 'Ada' and 'Julia' the languages unlabelled",
  "Rewrite this ticket so it's actionable:\nREPORTER: ⟦PER|Imogen Thorne⟧   ASSIGNEE: ⟦PER|Ade Balogun⟧\nSummary: ⟦ORG|Harwell Precision Ltd⟧ can't build the Ada runtime on ARM\n"
  "Details: works with GNAT 13, fails with 14. The Julia benchmarks are unaffected.", "en-GB", ok=("Ada",))
R("code", "Dockerfile LABEL maintainer with name + e-mail, base image version",
  "Is this Dockerfile OK for production?\n```dockerfile\nFROM python:3.12.2-slim\nLABEL maintainer=\"⟦PER|Olusegun Adeyemi⟧ <⟦EM|segun@paystackr.dev⟧>\"\n"
  "COPY . /app\nCMD [\"gunicorn\", \"app:app\", \"-b\", \"0.0.0.0:8000\"]\n```", "en-NG")
R("code", ".env with a GitHub token and OpenAI project key, owner name in a comment, support inbox",
  "Which of these should not be in the repo?\n```\n# owner: ⟦PER|Priya Raman⟧ (platform team)\nGITHUB_TOKEN=⟦SEC|=ghp()⟧\nOPENAI_API_KEY=⟦SEC|=sk_proj()⟧\n"
  "SUPPORT_INBOX=⟦EM|help@raman-labs.io⟧\nLOG_LEVEL=debug\n```", "en-IN")
R("code", "HTML form: value attributes with name, phone, postcode; placeholder attribute unlabelled",
  "Why doesn't autocomplete work on this form?\n```html\n<input name=\"fullName\" value=\"⟦PER|Ximena Aguilar-Ruiz⟧\" placeholder=\"Full name\">\n"
  "<input name=\"tel\" type=\"tel\" value=\"⟦PH@US|(713) 862-4410⟧\">\n<input name=\"zip\" value=\"⟦LOC|77008⟧\" placeholder=\"ZIP\">\n```", "en-US")
R("code", "Java exception message with name + e-mail; class / file names unlabelled",
  "Explain this exception:\n```\ncom.acme.crm.DuplicateContactException: contact '⟦PER|Rosalind Tyler-Quinn⟧' <⟦EM|rosalind.tq@btinternet.com⟧> already exists (id=44718)\n"
  "\tat com.acme.crm.ContactService.create(ContactService.java:212)\n\tat com.acme.crm.ImportJob.run(ImportJob.java:77)\n```", "en-GB")
R("code", "pandas output: ZA names with particles, postal codes as LOCATION, Twilio auth token in the same cell",
  "In [4]: df.head(2)\nOut[4]:\n              name  postal_code        city\n0   ⟦PER|Anri van Zyl⟧         ⟦LOC|7130⟧  ⟦LOC|Somerset West⟧\n"
  "1  ⟦PER|Bongani Mokoena⟧         ⟦LOC|2196⟧     ⟦LOC|Sandton⟧\n\nIn [5]: client = Client('AC' + sid, '⟦SEC|=twilio_auth()⟧')\nWhy are the postal codes ints?", "en-ZA")
R("code", "JWT with name / e-mail claims is one SECRET span; log line has a separate name",
  "Decode this token and tell me why ⟦PER|Fatima Zahra El Amrani⟧ gets 403:\nAuthorization: Bearer ⟦SEC|=jwt({'sub': '44718', 'name': 'Fatima Zahra El Amrani', 'email': 'f.elamrani@atlasbank.ma', 'role': 'viewer'})⟧", "en-US")
R("code", "Slack user token in a script, channel names unlabelled, author name in docstring",
  "Refactor this script:\n```python\n\"\"\"Nightly digest. Written by ⟦PER|Tomás Ó Briain⟧.\"\"\"\nfrom slack_sdk import WebClient\nclient = WebClient(token=\"⟦SEC|=xoxp()⟧\")\n"
  "client.chat_postMessage(channel=\"#ops-digest\", text=\"digest ready\")\n```", "en-IE")
R("code", "Kubernetes events: node IPs, GitLab token in an env var, pod names unlabelled, netmask unlabelled",
  "Why is the runner failing?\n```\nWarning  FailedMount  pod/gitlab-runner-7d9c  node=⟦IP|10.42.3.17⟧ subnet 10.42.3.0 mask 255.255.255.0\n"
  "env: CI_SERVER_TOKEN=⟦SEC|=glpat()⟧\n```", "en-US")

# ---------------------------------------------------------------- travel
R("travel", "US passport renewal: passport no, DOB, place of birth 'Dayton, Ohio' one span, mailing address",
  "Fill in the DS-82 summary for me:\nName: ⟦PER|Katherine Anne Moriarty⟧\nPassport number: ⟦PP|=passport()⟧\nDate of birth: ⟦DT|April 2, 1986⟧\n"
  "Place of birth: ⟦LOC|Dayton, Ohio⟧\nMailing address: ⟦LOC|1187 Elm Ridge Dr, Louisville, KY 40223⟧\nPhone: ⟦PH@US|502-418-6627⟧", "en-US")
R("travel", "UK itinerary: staying with aunt in Cork, travel dates, flight number + booking ref unlabelled",
  "Make a packing list and a day-by-day plan: I fly out ⟦DT|Fri 11 April⟧ (EI 263, ref QX7K2M), staying with my aunt ⟦PER|Bernadette⟧ in "
  "⟦LOC|Douglas, Cork⟧, back ⟦DT|Tue 15 April⟧. My cousin ⟦PER|Cian⟧ wants to show me ⟦LOC|Kinsale⟧.", "en-GB")
R("travel", "Indian visa form: Nationality field as NRP, place of birth city + state one span, mother's name",
  "Check this visa form for errors:\nSurname: ⟦PER|Menon⟧\nGiven names: ⟦PER|Anjali Krishnan⟧\nNationality: ⟦NRP|Indian⟧\nPlace of birth: ⟦LOC|Kozhikode, Kerala⟧\n"
  "Date of birth: ⟦DT|19/06/1994⟧\nMother's name: ⟦PER|Radha Menon⟧\nEmployer: ⟦ORG|Infosys⟧, ⟦LOC|Electronic City, Bengaluru⟧", "en-IN")
R("travel", "AU road trip: towns are LOCATION, Queensland / NSW (states) are not",
  "Plan a 5-day drive for ⟦PER|Mia⟧ and ⟦PER|Lachlan⟧ from ⟦LOC|Byron Bay⟧ to ⟦LOC|Noosa⟧ starting ⟦DT|Sat 19 April⟧; we cross from NSW into Queensland "
  "on day 1 and want a night in ⟦LOC|Maleny⟧.", "en-AU")
R("travel", "ZA airport pickup: names, suburb, flight number unlabelled, arrival time",
  "Write a WhatsApp to the driver: please collect Mr ⟦PER|Themba Ndlovu⟧ and Ms ⟦PER|Claire Fourie⟧ from arrivals (FA 204) on ⟦DT|14 March⟧ at "
  "⟦DT|16:55⟧ and take them to ⟦LOC|23 Kloof Street, Gardens, Cape Town⟧. Contact ⟦PH@ZA|082 641 3390⟧.", "en-ZA")
R("travel", "car rental with FL licence, hotel address, US next-gen passport",
  "The rental desk asks for these, is anything missing? Driver: ⟦PER|Marco Bellini-Shaw⟧, FL licence ⟦DL|=dl('FL')⟧, US passport ⟦PP|=passport(True)⟧. "
  "Hotel: ⟦LOC|1601 Collins Ave, Miami Beach, FL 33139⟧. Pickup ⟦DT|March 22⟧ at ⟦DT|10 am⟧.", "en-US")
R("travel", "Japan trip in English: Japanese names (family-given), -san honorific outside, Kyoto address",
  "Write a thank-you e-mail to ⟦PER|Takahashi⟧-san and his wife ⟦PER|Yumiko⟧ for hosting us at ⟦LOC|Kamigyō-ku, Kyoto⟧. My colleague "
  "⟦PER|Ryan O'Hara⟧ will visit them again on ⟦DT|May 6⟧.", "en-US")
R("travel", "Canadian ferry trip: Victoria, BC is a city (LOCATION); passenger names",
  "Booking note: ⟦PER|Evan Morrisseau⟧ + ⟦PER|Tala Morrisseau⟧ (child), ferry from ⟦LOC|Tsawwassen⟧ to ⟦LOC|Victoria, BC⟧ on ⟦DT|Saturday, May 17⟧, "
  "sailing ⟦DT|9:00 am⟧. Write a reminder text to send them.", "en-CA")

# ---------------------------------------------------------------- NER-tricky: people vs orgs vs places vs products
R("ner", "Ford the employer (possessive outside), Harrison Ford the actor, Ford F-150 the product",
  "Help me write a eulogy paragraph: my dad, ⟦PER|Walter Kaminski⟧, worked at ⟦ORG|Ford⟧'s ⟦LOC|Dearborn⟧ truck plant for 31 years, once shook hands with "
  "⟦PER|Harrison Ford⟧ at a charity dinner, and never stopped polishing his 1978 Ford F-150.", "en-US", ok=("Ford",),
  amb="public figure (Harrison Ford) labelled PERSON")
R("ner", "Paris the person, Paris Hilton the celebrity, Paris the city",
  "Write a funny Instagram caption: my colleague ⟦PER|Paris Whitaker⟧ bumped into ⟦PER|Paris Hilton⟧ at a café in ⟦LOC|Paris⟧ last week.", "en-US",
  amb="public figure (Paris Hilton) labelled PERSON")
R("ner", "fictional characters from a novel (labelled PERSON, Mr outside)",
  "Write a short modern scene where ⟦PER|Elizabeth Bennet⟧ texts Mr ⟦PER|Darcy⟧ to cancel their dinner in ⟦LOC|Meryton⟧.", "en-GB",
  amb="fictional characters and a fictional town labelled PERSON / LOCATION")
R("ner", "Michael Jordan vs Jordan the country vs nephew named Jordan",
  "Settle an argument: did ⟦PER|Michael Jordan⟧ ever play an exhibition game in Jordan? My nephew ⟦PER|Jordan⟧ insists he did in 1997.", "en-US",
  ok=("Jordan",), amb="public figure (Michael Jordan) labelled PERSON")
R("ner", "Chad the person volunteering in Chad the country",
  "⟦PER|Chad Whitcombe⟧ is volunteering in Chad until ⟦DT|June 2025⟧. Write a note asking the post office to hold his mail at "
  "⟦LOC|61 Larkspur Lane, Boise, ID 83702⟧.", "en-US", ok=("Chad",))
R("ner", "Georgia the person, Tbilisi in Georgia (country), Savannah in Georgia (state)",
  "Help ⟦PER|Georgia Mills⟧ compare moving from ⟦LOC|Tbilisi⟧ (Georgia, the country) to ⟦LOC|Savannah⟧ (Georgia, the state) for her new job at "
  "⟦ORG|Gulfstream Aerospace⟧.", "en-US", ok=("Georgia",))
R("ner", "Victoria the person, Victoria, BC (city) vs Victoria, Australia (state + country: not LOCATION)",
  "Tax question: ⟦PER|Victoria Hale⟧ lives in ⟦LOC|Victoria, BC⟧ but her consulting company is registered in Victoria, Australia. Where does she file?", "en-CA",
  ok=("Victoria",))
R("ner", "Lincoln the person, Lincoln Navigator the product, Lincoln, Nebraska the city, university named after the city",
  "Write a short alumni bio: ⟦PER|Lincoln Okafor⟧ studied at the ⟦ORG|University of Nebraska–Lincoln⟧, still lives in ⟦LOC|Lincoln, Nebraska⟧ and "
  "drives a Lincoln Navigator to his job at ⟦ORG|Nelnet⟧.", "en-US", ok=("Lincoln",))
R("ner", "Dr. Martens the boots vs Dr Martens the doctor; hospital",
  "Draft a reply to Dr ⟦PER|Ingrid Martens⟧, who asked whether theatre staff at ⟦ORG|Leeds General Infirmary⟧ may wear Dr. Martens boots instead of clogs.", "en-GB",
  ok=("Martens",))
R("ner", "Mercedes the person leases a Mercedes (product) through her employer",
  "Write the benefit-in-kind summary: ⟦PER|Mercedes Alcántara⟧ leases a Mercedes GLC through her employer, ⟦ORG|Iberdrola UK⟧, from ⟦DT|1 April 2025⟧.", "en-GB",
  ok=("Mercedes",))
R("ner", "Tesla employer with possessive + plant town; Model 3 / Model Y products",
  "I work at ⟦ORG|Tesla⟧'s ⟦LOC|Fremont⟧ factory and my manager, ⟦PER|Nikhil Rao⟧, says I can pick a Model 3 or a Model Y as my lease car. Which has lower "
  "running costs?", "en-US")
R("ner", "McDonald the person runs a McDonald's franchise (ORG includes its 's)",
  "Write a LinkedIn summary for ⟦PER|Ronan McDonald⟧, who has run the ⟦ORG|McDonald's⟧ franchise in ⟦LOC|Castletroy, Limerick⟧ for nine years.", "en-IE")
R("ner", "Morgan the person leaves Morgan Stanley for J.P. Morgan",
  "Write a farewell message for ⟦PER|Morgan Price⟧, who is leaving ⟦ORG|Morgan Stanley⟧ after eight years to join ⟦ORG|J.P. Morgan⟧ in ⟦LOC|Glasgow⟧.", "en-GB")
R("ner", "Hope the person from Hope, British Columbia (city + province one span)",
  "Write a short bio: ⟦PER|Hope Delgado⟧ grew up in ⟦LOC|Hope, British Columbia⟧, trained as a paramedic in ⟦LOC|Kamloops⟧ and now teaches at "
  "⟦ORG|Justice Institute of British Columbia⟧.", "en-CA")
R("ner", "Will the person vs modal 'will', Grace the person vs 'grace period'",
  "Rewrite clearly: ⟦PER|Will⟧ will call ⟦PER|Grace⟧ on ⟦DT|Monday 3 March⟧ about the grace period on her ⟦ORG|Nationwide⟧ mortgage.", "en-GB")
R("ner", "initial + surname forms, J.R. with spaces, surname-only after Prof.",
  "Format these authors for the citation: ⟦PER|J. R. Okafor⟧, ⟦PER|A. Sharma⟧ and Prof. ⟦PER|Van Rooyen⟧, all at ⟦ORG|University of Cape Town⟧.", "en-ZA")
R("ner", "company named after founders + person with the same surname",
  "Write an intro e-mail: ⟦PER|Alice Baker⟧ (no relation) is joining ⟦ORG|Baker McKenzie⟧ in ⟦LOC|Sydney⟧ as a senior associate on ⟦DT|14 April⟧.", "en-AU")


# ---------------------------------------------------------------- English hard negatives (no PII at all)
R("neg_eponym", "disease eponyms: Parkinson's, Lewy body",
  "Write a one-page carers' leaflet explaining how Parkinson's disease differs from dementia with Lewy bodies, in plain English.", "en-GB", ok=("Parkinson",))
R("neg_eponym", "Hodgkin vs non-Hodgkin",
  "Is Hodgkin lymphoma more treatable than non-Hodgkin lymphoma? Give survival figures with sources a patient group could check.", "en-US")
R("neg_eponym", "statistics eponyms",
  "When should I use Fisher's exact test instead of a chi-squared test, and how do I read a Kaplan–Meier curve with a log-rank p-value?", "en-US")
R("neg_eponym", "Lou Gehrig's disease (a person's name inside an eponym)",
  "What is the difference between Lou Gehrig's disease and multiple sclerosis? My friend's diagnosis letter says ALS.", "en-US")
R("neg_eponym", "Down and Turner syndromes",
  "Explain first-trimester screening for Down syndrome and Turner syndrome, and what a 1 in 150 risk means.", "en-GB")
R("neg_eponym", "Asperger's in DSM-5",
  "Why was Asperger's syndrome folded into autism spectrum disorder in the DSM-5, and is the term still used in the UK?", "en-GB")
R("neg_eponym", "physics eponyms",
  "Explain the Doppler effect, Hubble's law and Schrödinger's cat to a curious ten-year-old, one paragraph each.", "en-US")
R("neg_eponym", "laws named after people",
  "Summarise the main Sarbanes–Oxley and Dodd–Frank obligations for a 40-person fintech before its Series B.", "en-US")
R("neg_eponym", "prizes named after people",
  "How are Nobel Prize and Turing Award winners selected, and can you nominate yourself?", "en-US")
R("neg_eponym", "foods named after people and places",
  "Scale this menu for 12 guests: Beef Wellington, Eggs Benedict, Caesar salad and a Victoria sponge. Give quantities in grams.", "en-GB", ok=("Victoria", "Wellington"))
R("neg_eponym", "chess openings named after people, nationality adjective about an opening",
  "Should a 1400-rated player learn the Sicilian Defence or the Ruy López first? Suggest a 4-week study plan.", "en-US")
R("neg_eponym", "temperature scales and Gaussian",
  "Convert 98.6 °F to Celsius and Kelvin, then explain why a Gaussian blur is separable.", "en-US")
R("neg_eponym", "economics eponyms",
  "Explain the Gini coefficient and the Lorenz curve with a toy five-household example.", "en-GB")
R("neg_product", "vehicles named after people / companies as products",
  "Our fleet has 12 Ford Transit vans and 3 Tesla Model Y; compare five-year running costs including tyres and insurance.", "en-GB", ok=("Ford", "Tesla"))
R("neg_product", "car models as products",
  "Is a Mercedes-Benz C-Class or a BMW 3 Series cheaper to insure for a 19-year-old new driver?", "en-GB", ok=("Mercedes",))
R("neg_product", "spirits brands that are person names",
  "For an Old Fashioned, is Jack Daniel's or Johnnie Walker Black the better budget pick? Suggest a ratio.", "en-US", ok=("Jack", "Daniel", "Walker"))
R("neg_product", "boots brand with a title (Dr. Martens)",
  "Are Dr. Martens boots worth resoling, or is it cheaper to buy new ones?", "en-GB", ok=("Martens",))
R("neg_product", "AI assistants with person-like names (products)",
  "Compare ChatGPT, Claude and Gemini for summarising 80-page commercial leases. Which handles tables best?", "en-US")
R("neg_product", "programming languages named Ada and Julia",
  "Is Ada or Rust the better choice for avionics software, and is Julia fast enough to replace our MATLAB models?", "en-US", ok=("Ada",))
R("neg_product", "luxury brands named after people",
  "Do Hermès or Louis Vuitton bags hold resale value better? Consider condition grading and authentication fees.", "en-US", ok=("Louis",))
R("neg_tools", "tools and vendors named only as tools",
  "Draft a Slack announcement: we're moving tickets from Jira to Linear on the first Monday of next quarter; GitHub, Zoom and Notion stay as they are.", "en-US")
R("neg_tools", "payment / cloud vendors as tools",
  "We take payments with Stripe, host on AWS and send e-mail through SendGrid. Which of these need a DPA under GDPR?", "en-GB")
R("neg_geo", "countries that are also names (Jordan, Georgia, Chad)",
  "What's the best time of year to visit Jordan and Georgia? I'd also like to know whether Chad is safe for overland travel.", "en-US",
  ok=("Jordan", "Georgia", "Chad"))
R("neg_geo", "Australian states incl. Victoria",
  "Compare payroll-tax thresholds in Victoria, New South Wales and Queensland for a business with a A$1.6m wage bill.", "en-AU", ok=("Victoria",))
R("neg_geo", "UK constituent countries",
  "Explain the difference between Great Britain, the United Kingdom and England, and where Northern Ireland fits.", "en-GB")
R("neg_geo", "Indian states and Canadian provinces only",
  "Which has higher stamp duty on a flat purchase: Maharashtra or Karnataka? And how does Ontario's land transfer tax compare?", "en-IN")
R("neg_nrp", "nationality adjectives about things, not people",
  "Which is healthier: Greek yoghurt or Icelandic skyr? And does Japanese matcha have more caffeine than Italian espresso?", "en-GB")
R("neg_nrp", "population statistic about religion (not about a person)",
  "What share of Canada's population is Catholic, and how has that changed since 2001? Cite the census tables.", "en-CA", ok=("Catholic",))
R("neg_nrp", "languages, not nationalities",
  "Translate 'Your parcel is on its way' into Polish, Dutch, Hindi and Zulu.", "en-ZA", ok=("Polish",))
R("neg_nrp", "festivals / religious holidays as calendar entries (non-personal dates)",
  "List the 2025 dates of Diwali, Holi, Eid al-Fitr and Christmas for the office holiday calendar.", "en-IN")
R("neg_words", "name-like common words in lowercase",
  "Rewrite more simply: \"We hope the grace period will let us mark the bill as paid before the rose bushes bloom and summer sales begin.\"", "en-US")
R("neg_words", "words that are names at sentence start (Will, Faith, Hope as ordinary words)",
  "Will this clause survive? Faith in the supplier is low. Hope is not a strategy, so list three contract remedies for late delivery.", "en-GB",
  ok=("Will", "Faith", "Hope"))
R("neg_roles", "job titles without names",
  "Draw an org chart: the CFO and the COO report to the CEO; the Head of People reports to the COO; the two finance managers report to the CFO.", "en-US")
R("neg_roles", "generic roles in a clinical question",
  "My 34-year-old brother has been on metformin for three years; the GP wants to add a statin. Is that usual at his age?", "en-GB")
R("neg_ids", "order / tracking / ISBN / version numbers, no PII",
  "Order 112-4471920-3318 was split into two parcels (1Z999AA10123456784 and 9400 1118 9922 3344 5566 77). The book is ISBN 978-0-262-04630-5, "
  "Windows build 10.0.22631.4460. Write a status update.", "en-US")
R("neg_ids", "loopback / netmask / version strings beside IP-like text",
  "The service binds to 0.0.0.0:8080, health checks hit 127.0.0.1, the subnet mask is 255.255.254.0 and nginx is 1.25.4. Why does the probe time out?", "en-US")
R("neg_ids", "masked identifiers",
  "The portal shows card •••• 4471, SSN ***-**-0932, IBAN GB** **** **** **** 8812 and phone +44 •••• ••• 204. Is that masking adequate for PCI?", "en-GB")
R("neg_ids", "Luhn-invalid card and check-invalid IBAN",
  "Why does the form reject card ⟦!CC|=badcard('4', 16, ' ')⟧ and IBAN ⟦!IBAN|=badiban('DE', True)⟧? Explain both checks.", "en-US")
R("neg_ids", "placeholders in a Rails credentials template",
  "Document this template:\n```yaml\nstripe:\n  secret_key: <%= ENV['STRIPE_SECRET_KEY'] %>\nsmtp:\n  password: REPLACE_ME\nopenai:\n  api_key: sk-your-key-here\n```", "en-US")
R("neg_dates", "non-personal dates: release and fiscal dates",
  "Our FY2025 closes on 31 March 2025; v3.0 ships on 15 April and the public beta ends on 30 April. Draft the customer newsletter (no names).", "en-IN")
R("neg_dates", "company event without individuals",
  "Write a Christmas party invitation for the whole office: Friday 19 December, 6pm, drinks and a quiz. Keep it under 80 words.", "en-GB")
R("neg_dates", "years and durations only",
  "Summarise: the clinic opened in 1998, moved premises in 2011 and has run its diabetes programme for 14 years.", "en-AU")
R("neg_misc", "generic finance question with currency amounts",
  "If I put R2,000 a month into a tax-free savings account at 9% for 15 years, what will it be worth? Show the formula.", "en-ZA")
R("neg_misc", "log lines with only system data",
  "Explain these lines:\n2025-03-04 10:12:44,118 INFO worker-3 job=reindex shard=7 took=41.2s\n2025-03-04 10:12:45,002 WARN worker-3 gc pause 812ms", "en-US")
R("neg_misc", "regex and test-card explanation without values",
  "Explain why the regex ^4\\d{15}$ is a poor card validator and what Luhn adds. No examples with real numbers please.", "en-US")
R("neg_misc", "cricket scores and overs",
  "Write a match report: 287/6 in 50 overs, chased down in 47.3 with 4 wickets left, top score 112 off 98 balls.", "en-IN")
R("neg_misc", "SQL schema without data",
  "Design indexes for: CREATE TABLE patients (id BIGINT PRIMARY KEY, full_name TEXT, dob DATE, nhs_number CHAR(10), postcode VARCHAR(8));", "en-GB")

# ---------------------------------------------------------------- more English positives
R("email", "obfuscated e-mail in a signature, business named after its owner, GPS coordinates as LOCATION",
  "Tidy up this signature and keep the meeting point line:\n--\n⟦PER|Rose Gallagher⟧ · Owner, ⟦ORG|Rose & Thistle Catering⟧\n⟦EM|rose [at] roseandthistle [dot] co [dot] uk⟧\n"
  "Van pickup point: ⟦LOC|55.9486, -3.1999⟧ (back gate)", "en-GB", ok=("Van",))
R("letter", "parish letter: Fr. title outside, baptism date, religion stated about a child (NRP), parish as ORG",
  "Write a short letter to Fr. ⟦PER|Michael Doyle⟧ at ⟦ORG|St Brigid's Parish⟧ asking for a copy of the baptism certificate: our son ⟦PER|Liam Okafor⟧ was "
  "baptised ⟦NRP|Catholic⟧ there on ⟦DT|16 July 2017⟧. — ⟦PER|Adaeze⟧ and ⟦PER|Declan Okafor⟧", "en-IE")
R("letter", "councillor's party affiliation (NRP), Cllr title outside, ward, resident's address",
  "Draft an e-mail to Cllr ⟦PER|Naveed Akhtar⟧ (⟦NRP|Labour⟧, ⟦LOC|Sparkhill⟧ ward) about the potholes outside ⟦LOC|118 Stratford Road, Birmingham B11 1AN⟧. "
  "I'm ⟦PER|Josephine Akers⟧, ⟦PH@GB|0121 496 0577⟧.", "en-GB")
R("support", "scheduling links: names inside URLs are covered by the URL span; greeting name separate",
  "Rewrite this e-mail so it sounds less pushy: \"Hi ⟦PER|Keanu⟧, grab any slot at ⟦URL|https://calendly.com/priya-raman-nexa/30min⟧ or "
  "⟦URL|https://cal.com/priya.raman?month=2025-04⟧ — ⟦PER|Priya⟧\"", "en-US")
R("clinical", "health insurance card: member ID (HEALTH_PLAN_ID), group number unlabelled, insurer, dependant",
  "Explain what each field on my insurance card means:\n⟦ORG|Blue Cross Blue Shield of Illinois⟧\nMember: ⟦PER|Daniela Whitehorse⟧\nMember ID: ⟦HP|=mc.tok('XOF', 9, string.digits)⟧\n"
  "Group: 084471   RxBIN 004336\nDependent: ⟦PER|Noah Whitehorse⟧", "en-US")
R("hr", "Markdown table of new starters: mixed-origin names, departments, start dates, office cities",
  "Turn this into a welcome post for the intranet:\n| Name | Team | Start | Office |\n|---|---|---|---|\n| ⟦PER|Oluwadamilare Ajayi⟧ | Data | ⟦DT|3 Mar⟧ | ⟦LOC|Leeds⟧ |\n"
  "| ⟦PER|Saoirse Byrne⟧ | Legal | ⟦DT|10 Mar⟧ | ⟦LOC|Belfast⟧ |\n| ⟦PER|Hemi Walker⟧ | Support | ⟦DT|17 Mar⟧ | ⟦LOC|Leeds⟧ |", "en-GB")
R("support", "complaint with NY licence number, towing company, street corner",
  "Help me dispute this towing charge: my car was towed from ⟦LOC|W 46th St and 9th Ave⟧ on ⟦DT|Feb 22⟧ by ⟦ORG|Hell's Kitchen Towing Corp.⟧ "
  "although I had a permit. Name: ⟦PER|Aaliyah Brooks⟧, NY licence ⟦DL|=dl('NY')⟧.", "en-US")
R("chat", "WhatsApp-style: name + Nigerian mobile + Lagos estate",
  "pls help me reply ⟦PER|tunde⟧ that ill bring the generator to ⟦LOC|lekki phase 1⟧ by ⟦DT|4pm⟧ and he should call ⟦PH@NG|0816 447 2109⟧ if the gate is locked", "en-NG")

# ====================================================================== OTHER LANGUAGES
# ---------------------------------------------------------------- German
R("letter", "DE: Frau Dr. outside, genitive hospital name, appointment with weekday + Uhr, sender address",
  "Bitte kürzen und freundlicher formulieren:\n\nSehr geehrte Frau Dr. ⟦PER|Weißenberger⟧,\n\nleider muss ich meinen Termin in der Ambulanz des "
  "⟦ORG|Universitätsklinikums Heidelberg⟧ am ⟦DT|Dienstag, 18. März 2025⟧ um ⟦DT|9:15 Uhr⟧ absagen. Mein Mann, ⟦PER|Jonas Albrecht⟧, ruft Sie unter "
  "⟦PH@DE|06221 56-4471⟧ an, um einen neuen Termin zu vereinbaren.\n\nMit freundlichen Grüßen\n⟦PER|Katrin Albrecht⟧\n⟦LOC|Bergheimer Straße 58, 69115 Heidelberg⟧", "de")
R("hr", "DE Personalfragebogen: particle name, nationality + religion (church tax) as NRP, IBAN, employer GmbH & Co. KG",
  "Prüfe den Personalfragebogen auf fehlende Angaben:\nName: ⟦PER|Maximilian von Bülow⟧\nGeburtsdatum: ⟦DT|03.11.1990⟧\nGeburtsort: ⟦LOC|Lübeck⟧\n"
  "Staatsangehörigkeit: ⟦NRP|deutsch⟧\nKonfession (Kirchensteuer): ⟦NRP|römisch-katholisch⟧\nIBAN: ⟦IBAN|=ibann('DE', '20050550', True)⟧\n"
  "Eintritt: ⟦DT|01.04.2025⟧ bei der ⟦ORG|Hanseatische Logistik GmbH & Co. KG⟧", "de")
R("clinical", "DE Arztbrief: Turkish name, Morbus Crohn (eponym), Charité, Dr. med. outside, GP practice address",
  "Fasse den Arztbrief für den Patienten verständlich zusammen: Herr ⟦PER|Murat Yılmaz⟧, geb. ⟦DT|12.06.1968⟧, wurde am ⟦DT|24.02.2025⟧ in der "
  "⟦ORG|Charité – Universitätsmedizin Berlin⟧ mit einem Schub seines Morbus Crohn aufgenommen und am ⟦DT|03.03.2025⟧ entlassen. Weiterbehandlung durch "
  "Dr. med. ⟦PER|Sabine Krüger⟧, ⟦LOC|Sonnenallee 112, 12045 Berlin⟧.", "de")
R("chat", "DE chat: lowercase name, square as LOCATION, time with 'um' outside",
  "kannst du ⟦PER|lena⟧ schreiben, dass ich um ⟦DT|18 uhr⟧ am ⟦LOC|rosenthaler platz⟧ bin und ⟦PER|jonas⟧ den schlüssel hat?", "de")
R("support", "DE support: customer number beside mobile, hyphenated name, delivery address",
  "Formuliere eine Antwort: Kundin ⟦PER|Anke Schröder-Haas⟧ (Kundennummer 4471-2291-08) meldet, dass das Paket nicht an ⟦LOC|Bergstraße 7a, 01069 Dresden⟧ "
  "geliefert wurde. Rückruf unter ⟦PH@DE|0171 3948821⟧ erbeten.", "de")
R("legal", "DE tenancy: Rechtsanwältin Dr. outside, client, housing company, street named after a person inside LOCATION",
  "Übersetze ins Englische: Rechtsanwältin Dr. ⟦PER|Carolin Baumann⟧ vertritt Frau ⟦PER|Elif Demir⟧ gegen die ⟦ORG|Wohnungsbaugesellschaft Berlin-Mitte mbH⟧ "
  "wegen der Mieterhöhung für die Wohnung ⟦LOC|Karl-Marx-Allee 91, 10243 Berlin⟧.", "de")
R("finance", "DE transfer: payee with ß, IBAN grouped, BIC + invoice number unlabelled",
  "Schreib eine kurze Zahlungsbestätigung: 1.480,00 € an ⟦PER|Jürgen Faßbender⟧, IBAN ⟦IBAN|=ibann('DE', '37040044', True)⟧, BIC COBADEFFXXX, "
  "Verwendungszweck Rechnung 2025-0447.", "de")
R("code", "DE code review: German comment with name + e-mail, server IP, version string",
  "Was ist an diesem Code schlecht?\n```python\n# TODO(⟦PER|Dominik Weiß⟧): vor dem Release entfernen, Rückfragen an ⟦EM|d.weiss@stadtwerke-kiel.de⟧\n"
  "SMTP_HOST = \"⟦IP|10.14.2.31⟧\"  # Postfix 3.8.4\nSMTP_PASSWORD = \"⟦SEC|Kieler-Woche_2025!⟧\"\n```", "de")
R("neg_eponym", "DE: eponymous diseases, nationality adjective about cars",
  "Erkläre den Unterschied zwischen der Alzheimer-Krankheit und einer vaskulären Demenz. Und warum gelten deutsche Autos als zuverlässig?", "de")
R("neg_geo", "DE: federal states alone, version numbers",
  "Vergleiche die Grunderwerbsteuer in Bayern, Baden-Württemberg und Nordrhein-Westfalen. Nutze die Tabelle aus Version 2.3.1 unseres Rechners.", "de")

# ---------------------------------------------------------------- French
R("letter", "FR: hyphenated compound name after M., address, bank, date of a personal transaction",
  "Rends cette lettre plus formelle : M. ⟦PER|Jean-Baptiste Lefebvre-Dubois⟧, domicilié ⟦LOC|12 rue des Lilas, 69003 Lyon⟧, conteste le prélèvement du "
  "⟦DT|4 février 2025⟧ effectué par ⟦ORG|Crédit Agricole Centre-Est⟧ sur son compte.", "fr")
R("clinical", "FR compte rendu: Senegalese name, hospital named after a person (ORG, not PERSON), admission / discharge, eponym",
  "Résume ce compte rendu pour la patiente : Mme ⟦PER|Fatou Diallo⟧, née le ⟦DT|9 mai 1958⟧, hospitalisée à l'⟦ORG|Hôpital Édouard-Herriot⟧ du "
  "⟦DT|12 février⟧ au ⟦DT|19 février 2025⟧ pour un syndrome de Guillain-Barré. Suivi par le Dr ⟦PER|Camille Roussel⟧, neurologie.", "fr")
R("hr", "FR: teacher at a lycée named after Victor Hugo (ORG), town",
  "Rédige une lettre de recommandation pour ⟦PER|Louis-Philippe Garnier⟧, professeur de mathématiques au ⟦ORG|Lycée Victor-Hugo⟧ de ⟦LOC|Besançon⟧ depuis "
  "⟦DT|septembre 2016⟧.", "fr")
R("finance", "FR IBAN with valid clé RIB, payee",
  "Vérifie ce RIB avant le virement du loyer : titulaire ⟦PER|Aurore Chevalier⟧, IBAN ⟦IBAN|=iban_fr(True)⟧, BIC SOGEFRPP.", "fr")
R("chat", "FR chat: lowercase names with accent, neighbourhood",
  "dis à ⟦PER|chloé⟧ que ⟦PER|mathis⟧ la rejoint à ⟦LOC|belleville⟧ vers ⟦DT|20h⟧, il a oublié son portable", "fr")
R("legal", "FR: Maître title outside, lawyer at the bar of a city, client, hearing date",
  "Traduis en anglais : Maître ⟦PER|Hélène Dufresne⟧, avocate au barreau de ⟦LOC|Bordeaux⟧, représentera M. ⟦PER|Karim Benali⟧ à l'audience du "
  "⟦DT|27 mars 2025⟧ à ⟦DT|14 h⟧.", "fr")
R("letter", "FR residence-permit letter: nationality about a person (NRP), employer, address",
  "Corrige cette attestation : Je soussignée ⟦PER|Nadia Berrada⟧, de nationalité ⟦NRP|marocaine⟧, demeurant ⟦LOC|5 allée des Tilleuls, 31400 Toulouse⟧, "
  "certifie être employée par ⟦ORG|Airbus Operations SAS⟧ depuis le ⟦DT|2 mai 2022⟧.", "fr")
R("support", "FR support: apostrophe surname, order number beside phone, Marseille address",
  "Réponds au client : ⟦PER|Aurélien N'Diaye⟧, commande n° 30-448-1927, livraison prévue au ⟦LOC|88 boulevard de la Libération, 13004 Marseille⟧. "
  "Il demande d'être rappelé au ⟦PH@FR|06 12 44 87 31⟧.", "fr")
R("neg_eponym", "FR eponyms: Crohn, Gilbert",
  "Explique simplement la maladie de Crohn et le syndrome de Gilbert. Est-ce héréditaire ?", "fr")
R("neg_geo", "FR: regions alone, nationality adjectives about food",
  "Quelle est la différence entre la cuisine de Bretagne et celle de Normandie ? Et pourquoi les fromages français sont-ils si variés ?", "fr")

# ---------------------------------------------------------------- Spanish
R("letter", "ES: compound given name + particle surname after Sra., Madrid address with floor, hospital",
  "Haz esta carta más breve: Estimada Sra. ⟦PER|María José García de la Fuente⟧: le confirmamos su cita en el ⟦ORG|Hospital Universitario La Paz⟧ el "
  "⟦DT|jueves 13 de marzo de 2025⟧ a las ⟦DT|10:40⟧. Enviaremos el informe a ⟦LOC|Calle de Alcalá 45, 3.º B, 28014 Madrid⟧.", "es")
R("letter", "MX: Lic. title outside, bank group, CDMX address with colonia, nationality NRP, phone",
  "Redacta una carta de referencia: la Lic. ⟦PER|Ana Lucía Herrera Domínguez⟧, de nacionalidad ⟦NRP|mexicana⟧, trabaja en ⟦ORG|Grupo Financiero Banorte⟧ "
  "desde ⟦DT|enero de 2019⟧. Domicilio: ⟦LOC|Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 Ciudad de México⟧. Tel. ⟦PH@MX|55 5482 1190⟧.", "es-MX")
R("chat", "ES chat: lowercase nickname, neighbourhood, time",
  "dile a ⟦PER|lupe⟧ que la espero en ⟦LOC|lavapiés⟧ a las ⟦DT|nueve y media⟧, que ⟦PER|nacho⟧ trae las entradas", "es")
R("finance", "ES IBAN with valid dígitos de control, payee",
  "Comprueba este IBAN antes de la transferencia de la fianza: titular ⟦PER|Íñigo Etxeberria Aranburu⟧, IBAN ⟦IBAN|=iban_es(True)⟧.", "es")
R("clinical", "ES: given name Jesús, Crohn eponym, hospital whose name contains the city, admission date",
  "Resume este informe para el paciente: ⟦PER|Jesús Ramírez Ortega⟧, 52 años, ingresó en el ⟦ORG|Hospital Clínic de Barcelona⟧ el ⟦DT|3 de febrero de 2025⟧ "
  "por un brote de enfermedad de Crohn. NHC ⟦MRN|=digits(7)⟧. Médica responsable: Dra. ⟦PER|Montserrat Puig⟧.", "es")
R("hr", "ES: name Dolores (also a word), employer, town",
  "Escribe un correo de bienvenida para ⟦PER|Dolores Fuentes⟧, que se incorpora a ⟦ORG|Inditex⟧ en ⟦LOC|Arteixo⟧ el ⟦DT|1 de abril⟧ como analista de datos.", "es")
R("legal", "ES: lawyer, client, court in a city, hearing",
  "Traduce al inglés: el abogado ⟦PER|Sergio Montalbán⟧ comunica a su cliente, D. ⟦PER|Rafael Cortés⟧, que la vista en el juzgado de ⟦LOC|Sevilla⟧ se ha "
  "fijado para el ⟦DT|8 de mayo de 2025⟧.", "es")
R("neg_eponym", "ES eponyms",
  "Explica la diferencia entre el síndrome de Down y la enfermedad de Alzheimer para un folleto escolar.", "es")
R("neg_geo", "ES: autonomous communities alone",
  "Compara el impuesto de transmisiones patrimoniales en Cataluña, Andalucía y la Comunidad Valenciana.", "es")

# ---------------------------------------------------------------- Italian
R("letter", "IT: Gent.ma Dott.ssa outside, apostrophe surname, street named after Garibaldi inside LOCATION",
  "Rendi più cordiale questa e-mail: Gent.ma Dott.ssa ⟦PER|Chiara D'Angelo⟧, le invio la documentazione richiesta all'indirizzo ⟦LOC|Via Garibaldi 7, 10122 Torino⟧. "
  "Resto a disposizione al ⟦PH@IT|347 218 4490⟧. Cordiali saluti, ⟦PER|Stefano Marchetti⟧", "it")
R("clinical", "IT: Parkinson eponym, patient, hospital named after a saint",
  "Riassumi la lettera di dimissione: il sig. ⟦PER|Giuseppe Esposito⟧, nato il ⟦DT|21/08/1946⟧, ricoverato presso l'⟦ORG|Ospedale San Raffaele⟧ dal "
  "⟦DT|10/02/2025⟧ per morbo di Parkinson in fase avanzata. Medico curante: dott. ⟦PER|Luca Ferri⟧.", "it", ok=("Parkinson",))
R("hr", "IT: particle surname Lo Russo, employer, city",
  "Scrivi la comunicazione di assunzione: ⟦PER|Francesca Lo Russo⟧ entra in ⟦ORG|Luxottica⟧ a ⟦LOC|Agordo⟧ dal ⟦DT|3 marzo 2025⟧ come responsabile qualità.", "it")
R("finance", "IT IBAN grouped, payee",
  "Controlla questi dati per il bonifico: beneficiario ⟦PER|Alessandro Bianchi⟧, IBAN ⟦IBAN|=iban_it(True)⟧, causale saldo fattura 118/2025.", "it")
R("chat", "IT chat: lowercase names, apostrophe elision, time",
  "di' a ⟦PER|gianni⟧ che ⟦PER|ale⟧ arriva a ⟦LOC|trastevere⟧ verso le ⟦DT|21.30⟧, prenota per quattro", "it")
R("support", "IT: order number next to phone, Naples address",
  "Rispondi alla cliente ⟦PER|Carmela Russo⟧: l'ordine IT-2025-118447 risulta consegnato in ⟦LOC|Via Toledo 256, 80134 Napoli⟧, ma lei dice di no. Numero: "
  "⟦PH@IT|081 552 4471⟧.", "it")
R("legal", "IT: Avv. outside, particle surname, client, city court",
  "Traduci in inglese: l'Avv. ⟦PER|Marco De Santis⟧ del foro di ⟦LOC|Milano⟧ assiste la sig.ra ⟦PER|Elena Colombo⟧ nella causa contro ⟦ORG|Immobiliare Brera S.r.l.⟧.", "it")
R("neg_eponym", "IT eponyms and adjectives about things",
  "Spiega la sindrome di Tourette in parole semplici e poi consigliami tre formaggi italiani da abbinare al vino rosso.", "it")
R("neg_geo", "IT regions alone",
  "Quali sono le differenze tra Lombardia e Piemonte per l'IRAP regionale?", "it")

# ---------------------------------------------------------------- Dutch
R("letter", "NL: mevrouw outside, double particle surname, canal address with huisnummer toevoeging",
  "Maak deze brief korter: Geachte mevrouw ⟦PER|Van den Berg-de Wit⟧, hierbij bevestigen wij de opzegging van uw huurovereenkomst voor "
  "⟦LOC|Keizersgracht 221-H, 1016 DV Amsterdam⟧ per ⟦DT|1 mei 2025⟧. Met vriendelijke groet, ⟦PER|Pieter Hoekstra⟧, ⟦ORG|Grachtenhuis Vastgoed B.V.⟧", "nl")
R("clinical", "NL: ziekte van Lyme (eponym of a town, unlabelled), hospital Erasmus MC",
  "Vat samen voor de huisarts: dhr. ⟦PER|Sander Bakker⟧, geb. ⟦DT|04-07-1979⟧, gezien op de polikliniek van het ⟦ORG|Erasmus MC⟧ op ⟦DT|17 februari⟧ met "
  "verdenking op de ziekte van Lyme na een tekenbeet.", "nl")
R("hr", "NL: hyphenated given name with particle surname, bank employer, city",
  "Schrijf een welkomstbericht: ⟦PER|Jan-Willem de Jong⟧ treedt op ⟦DT|1 april 2025⟧ in dienst bij ⟦ORG|Rabobank⟧ in ⟦LOC|Utrecht⟧.", "nl")
R("chat", "NL chat: lowercase name, district",
  "zeg tegen ⟦PER|sanne⟧ dat ik om ⟦DT|half acht⟧ bij het station in ⟦LOC|zwolle⟧ ben", "nl")
R("finance", "NL IBAN, payee, invoice number unlabelled",
  "Controleer deze betaalopdracht: € 640,00 naar ⟦PER|Fleur Visser⟧, IBAN ⟦IBAN|=iban_nl(True)⟧, omschrijving factuur 2025-0118.", "nl")
R("support", "NL support: postcode + huisnummer, mobile, parcel number unlabelled",
  "Beantwoord deze klacht: ⟦PER|Mohamed El Idrissi⟧ wacht nog op pakket 3SABCD1234567 voor ⟦LOC|Oudegracht 158, 3511 AZ Utrecht⟧. Bel hem op ⟦PH@NL|06 2184 4719⟧.", "nl")
R("clinical", "NL: religion stated about a patient (NRP), fasting",
  "Schrijf een advies voor de verpleging: mevrouw ⟦PER|Yasmina Amrani⟧ is ⟦NRP|moslim⟧ en wil tijdens de ramadan vasten; zij gebruikt insuline.", "nl")
R("neg_eponym", "NL: Parkinson eponym, adjective about cheese",
  "Wat is het verschil tussen de ziekte van Parkinson en essentiële tremor? En waarom is Nederlandse kaas zo zout?", "nl", ok=("Parkinson",))
R("neg_geo", "NL provinces alone",
  "Vergelijk de opcenten motorrijtuigenbelasting in Noord-Holland, Zuid-Holland en Limburg.", "nl")

# ---------------------------------------------------------------- Portuguese (BR, PT)
R("letter", "BR: Filho suffix inside name, São Paulo address with neighbourhood + state + CEP, hospital name with nationality words (ORG, not NRP)",
  "Resuma esta carta: Prezado Sr. ⟦PER|João Pedro dos Santos Filho⟧, confirmamos sua consulta no ⟦ORG|Hospital Sírio-Libanês⟧ em ⟦DT|18/03/2025⟧ às ⟦DT|8h30⟧. "
  "O laudo será enviado para ⟦LOC|Rua Augusta, 1500, apto 82, Consolação, São Paulo - SP, 01304-001⟧.", "pt-BR")
R("letter", "PT: Exma. Sra. D. honorifics outside, particle name, Lisbon address, IBAN PT",
  "Torna este e-mail mais formal: Exma. Sra. D. ⟦PER|Maria da Conceição Ferreira⟧, o reembolso será transferido para o IBAN ⟦IBAN|=iban_pt(True)⟧ "
  "e a fatura enviada para ⟦LOC|Rua Augusta 112, 1100-053 Lisboa⟧.", "pt-PT")
R("chat", "BR chat: lowercase nickname, neighbourhood, mobile",
  "avisa a ⟦PER|dani⟧ que o ⟦PER|rafa⟧ vai buscar ela na ⟦LOC|vila madalena⟧ às ⟦DT|19h⟧, o celular dele é ⟦PH@BR|(11) 98714-2231⟧", "pt-BR")
R("hr", "BR HR: admission date, bank employer, city",
  "Escreva um e-mail de boas-vindas para ⟦PER|Thiago Nascimento⟧, admitido no ⟦ORG|Itaú Unibanco⟧ em ⟦DT|10 de março de 2025⟧ para a equipe de ⟦LOC|Campinas⟧.", "pt-BR")
R("clinical", "PT clinical: Alzheimer eponym, hospital named after a saint, daughter's contact",
  "Resume para a família: a Sra. ⟦PER|Ilda Marques⟧, 81 anos, com doença de Alzheimer, foi observada no ⟦ORG|Hospital de Santa Maria⟧ a ⟦DT|21 de fevereiro⟧. "
  "Contacto da filha, ⟦PER|Sónia Marques⟧: ⟦PH@PT|912 447 318⟧.", "pt-PT")
R("clinical", "BR clinical: religion stated about a patient (Testemunha de Jeová) as NRP, MRN (prontuário)",
  "Reescreva a nota para a equipe de enfermagem: paciente ⟦PER|Raimunda Oliveira⟧, prontuário ⟦MRN|=digits(8)⟧, é ⟦NRP|Testemunha de Jeová⟧ e recusa "
  "transfusão de sangue; cirurgia marcada para ⟦DT|25/03/2025⟧.", "pt-BR")
R("support", "BR support: order number beside phone, Rio address",
  "Responda ao cliente ⟦PER|Cauã Ribeiro⟧: o pedido 2025-BR-447180 foi devolvido ao remetente porque ninguém atendeu no ⟦LOC|Rua Voluntários da Pátria, 190, Botafogo, Rio de Janeiro⟧. "
  "Telefone: ⟦PH@BR|(21) 3187-4410⟧.", "pt-BR")
R("legal", "PT legal: advogada, client, Porto court",
  "Traduz para inglês: a advogada ⟦PER|Inês Carvalho⟧ informa o cliente, Sr. ⟦PER|Rui Pinto⟧, de que o julgamento no tribunal do ⟦LOC|Porto⟧ foi adiado para "
  "⟦DT|6 de maio de 2025⟧.", "pt-PT")
R("neg_eponym", "PT eponyms: Chagas, Down",
  "Explique de forma simples a doença de Chagas e a síndrome de Down para um cartaz de posto de saúde.", "pt-BR")
R("neg_geo", "BR states alone",
  "Compare o ICMS sobre energia elétrica em Minas Gerais, Bahia e Paraná.", "pt-BR")

# ---------------------------------------------------------------- Polish
R("letter", "PL: vocative first name (Krzysztofie), Gdańsk address with flat number, company",
  "Popraw ton tego maila: Szanowny Panie ⟦PER|Krzysztofie⟧, przesyłam umowę dla ⟦ORG|Bałtyckie Centrum Logistyki sp. z o.o.⟧ Proszę o podpis i odesłanie na adres "
  "⟦LOC|ul. Długa 14/3, 80-827 Gdańsk⟧. Z poważaniem, ⟦PER|Agnieszka Lewandowska⟧", "pl")
R("clinical", "PL: Hashimoto eponym, hyphenated surname, university hospital whose name contains the city (locative)",
  "Streść dla pacjentki: ⟦PER|Zofia Wiśniewska-Kowal⟧, ur. ⟦DT|07.09.1985⟧, leczona w ⟦ORG|Szpitalu Uniwersyteckim w Krakowie⟧ z powodu choroby Hashimoto, "
  "kontrola u dr ⟦PER|Pawła Nowaka⟧ ⟦DT|2 kwietnia 2025⟧.", "pl")
R("hr", "PL HR: employment start date, employer, city",
  "Napisz ogłoszenie dla zespołu: od ⟦DT|1 kwietnia 2025⟧ do ⟦ORG|Allegro⟧ w ⟦LOC|Poznaniu⟧ dołącza ⟦PER|Bartosz Zieliński⟧ jako lider zespołu płatności.", "pl")
R("chat", "PL chat: lowercase diminutive names",
  "powiedz ⟦PER|kasi⟧ że ⟦PER|bartek⟧ będzie na ⟦LOC|mokotowie⟧ o ⟦DT|18:30⟧ i żeby wzięła klucze", "pl")
R("finance", "PL IBAN, payee",
  "Sprawdź dane do przelewu: odbiorca ⟦PER|Marek Wójcik⟧, IBAN ⟦IBAN|=iban_pl(True)⟧, tytuł: czynsz marzec.", "pl")
R("hr", "PL: nationality stated about a person in an inflected noun form (Ukrainką)",
  "Przetłumacz na angielski: Pani ⟦PER|Olena Kovalenko⟧ jest ⟦NRP|Ukrainką⟧, pracuje w naszej firmie w ⟦LOC|Lublinie⟧ od ⟦DT|maja 2022⟧ i potrzebuje zaświadczenia o zatrudnieniu.", "pl")
R("neg_eponym", "PL: Leśniowski-Crohn eponym (two surnames inside a disease name)",
  "Wyjaśnij prostym językiem, czym jest choroba Leśniowskiego-Crohna i czym różni się od wrzodziejącego zapalenia jelita grubego.", "pl")
R("neg_geo", "PL voivodeships alone",
  "Porównaj średnie ceny mieszkań w województwie mazowieckim i małopolskim w 2024 roku.", "pl")

# ---------------------------------------------------------------- Japanese
R("email", "JA business e-mail: 株式会社 inside ORG, 様 outside, 〒 outside, address, phone, e-mail",
  "次のメールをより丁寧にしてください：\n⟦ORG|株式会社アオバ物流⟧ 営業部 ⟦PER|山本 健太⟧様\n先日はありがとうございました。見積書を〒⟦LOC|980-0021 宮城県仙台市青葉区中央2-9-10⟧までお送りします。"
  "ご不明点は⟦PH@JP|022-217-4471⟧または⟦EM|k.yamamoto@aoba-butsuryu.co.jp⟧までご連絡ください。", "ja")
R("clinical", "JA clinical: kanji name + katakana reading (two PERSON spans), DOB, chart number, hospital, Parkinson eponym unlabelled",
  "患者向けに要約してください：患者氏名 ⟦PER|佐々木 美穂⟧（⟦PER|ササキ ミホ⟧）、生年月日 ⟦DT|1979年11月3日⟧、カルテ番号 ⟦MRN|=digits(8)⟧。"
  "⟦ORG|聖路加国際病院⟧ 神経内科にてパーキンソン病の疑いで⟦DT|2025年2月14日⟧に受診。", "ja")
R("hr", "JA HR: joining date, さん outside, department names unlabelled",
  "社内向けの歓迎メッセージを書いてください。⟦DT|4月1日⟧付けで⟦PER|中村 翔太⟧さんが経理部に、⟦PER|グエン・ティ・ラン⟧さんが品質保証部に入社します。", "ja")
R("chat", "JA chat: surname + さん, meeting time",
  "⟦PER|田中⟧さんに、明日の打ち合わせは⟦DT|14時⟧からに変更って伝えてくれる？場所は⟦LOC|渋谷⟧のいつものカフェ", "ja")
R("support", "JA support: address change with 〒, order number unlabelled, name",
  "この問い合わせへの返信を書いてください：「注文番号 JP-20250304-4471 の配送先を〒⟦LOC|530-0001 大阪府大阪市北区梅田3-1-3⟧に変更したいです。⟦PER|小林 直樹⟧」", "ja")
R("code", "JA code: Japanese comment with owner name + e-mail, DB host IP",
  "このコードをレビューしてください：\n```python\n# 担当: ⟦PER|井上 彩⟧ (⟦EM|aya.inoue@sakura-seiki.jp⟧)\nDB_HOST = \"⟦IP|192.168.10.42⟧\"  # 本番\n```", "ja")
R("neg_eponym", "JA eponyms",
  "パーキンソン病とアルツハイマー病の違いを、中学生にもわかるように説明してください。", "ja")
R("neg_ids", "JA: version and order-like numbers only",
  "バージョン 3.14.2 から 3.15.0 への移行手順と、エラーコード E-4471 の意味を教えてください。", "ja")
R("neg_dates", "JA: public holidays (non-personal dates)",
  "2025年の日本の祝日（元日、成人の日、建国記念の日など）を一覧表にしてください。", "ja")


# ====================================================================== validation, consistency, build
TITLES = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "shri", "smt", "smt.", "late", "herr", "frau",
          "mme", "m.", "maître", "sr.", "sra.", "lic.", "dott.", "dott.ssa", "avv.", "pan", "pani", "mevrouw", "meneer", "dhr.",
          "fr.", "cllr", "chief", "exma.", "d.", "sig.", "sig.ra", "dra.", "adv.", "sir", "lady", "dame"}
NRP_OK = {"Mexican American", "Muslim", "Métis", "Polish", "Hispanic or Latino", "Filipino", "Sikh", "Republican", "Indian",
          "Catholic", "Labour", "deutsch", "römisch-katholisch", "marocaine", "mexicana", "moslim", "Testemunha de Jeová",
          "Ukrainką"}
NOT_LOCATION = {"Jordan", "Georgia", "Chad", "Victoria", "Queensland", "NSW", "New South Wales", "Ohio", "Texas", "Ontario",
                "Bavaria", "Bayern", "Kerala", "Nebraska", "British Columbia", "England", "Scotland", "Wales", "Philippines",
                "Delaware", "Canada", "Australia", "Germany", "Japan", "Lombardia", "Piemonte"}
TOOLS = {"Slack", "Zoom", "GitHub", "Jira", "Linear", "Notion", "Stripe", "AWS", "SendGrid", "Medicare", "Teams", "Zelle",
         "ChatGPT", "Claude", "Gemini", "Kraken", "HubSpot"}
PER_STOP = {"van", "der", "den", "dos", "del", "das", "bin", "ibn", "Jr", "Sr", "III", "Filho", "Mac", "an"}
GENERIC = {"Road", "Street", "Hospital", "University", "Bank", "Group", "Ltd", "Inc.", "GmbH", "Centre", "Center", "Medical",
           "General", "Institute", "School", "Primary", "Parish", "Council", "City", "Services", "Health", "Trust", "Foundation",
           "Unit", "Flat", "Apt", "Avenue", "Drive", "Lane", "Square", "Terrace", "Close", "Crescent", "Plot", "West", "East"}


def check_more(label: str, v: str) -> list[str]:
    """Independent re-checks of checksum-bearing values and of the NER conventions in the docstring."""
    e = []
    if label == "IBAN_CODE":
        c = v.replace(" ", "")
        if c.startswith("FR") and _rib_key(c[4:9], c[9:14], c[14:25]) != c[25:27]:
            e.append("clé RIB")
        if c.startswith("ES") and (_es_dc("00" + c[4:12]) != c[12] or _es_dc(c[14:24]) != c[13]):
            e.append("dígitos de control")
        if c.startswith("IT") and _cin(c[5:]) != c[4]:
            e.append("CIN")
        if c.startswith("NL") and not _elfproef(c[8:]):
            e.append("elfproef")
        if c.startswith("PT") and _nib_chk(c[4:23]) != c[23:25]:
            e.append("NIB check digits")
        if c.startswith("PL") and _pl_sort_chk(c[4:11]) != c[11]:
            e.append("PL sort-code check digit")
        groups = v.split(" ")
        if len(groups) > 1 and any(len(g) != 4 for g in groups[:-1]):
            e.append("IBAN grouping")
    elif label == "HEALTH_PLAN_ID":
        if re.fullmatch(r"\d{4} \d{5} \d", v) and not medicare_au_ok(v):
            e.append("AU Medicare check digit")
    elif label == "CREDIT_CARD":
        if not mc.luhn_ok(v):
            e.append("Luhn")
    elif label == "PERSON":
        first = v.split()[0].lower()
        if first in TITLES:
            e.append("title inside PERSON span")
        if re.search(r"['’]s$|[,;:!?)]$", v) or (v.endswith(".") and not re.search(r"(Jr|Sr|\b[A-Z])\.$", v)):
            e.append("possessive / punctuation inside PERSON span")
    elif label == "LOCATION":
        if v in NOT_LOCATION:
            e.append("country / state alone labelled LOCATION")
    elif label == "ORGANIZATION":
        if v in TOOLS:
            e.append("tool / programme labelled ORGANIZATION")
        if v.lower().startswith("the "):
            e.append("leading article inside ORGANIZATION")
    elif label == "NRP":
        if v not in NRP_OK:
            e.append("NRP value not in the reviewed list")
    return e


def check_positive(label: str, val: str, region, rid: str) -> list[str]:
    errs = mc.check_positive(label, val, region, rid)
    return errs + [f"{rid}: {label} {val!r}: {x}" for x in check_more(label, val)]


def render(rid: str, template: str):
    return mc.render(rid, template, positive=check_positive, env_extra={"mc": mc, "HEX": HEX})


def check_row(rid: str, cat: str, spans) -> list:
    if cat.startswith("neg_") and spans:
        return [f"{rid}: hard-negative row has gold spans"]
    if not cat.startswith("neg_") and not spans:
        return [f"{rid}: positive row without spans"]
    return []


def _is_cjk(s: str) -> bool:
    return any(ord(ch) > 0x2E80 for ch in s)


def consistency(rows) -> list[str]:
    """Exhaustiveness guard: every word of a gold PERSON span (capitalised or CJK) and every gold LOCATION /
    ORGANIZATION / structured value, anywhere in the set, must be covered by a span wherever it occurs, unless the
    row lists it in its `ok` tuple (a deliberate negative such as an eponym or a country)."""
    lex: dict[str, str] = {}
    for r in rows:
        for sp in r["spans"]:
            v = r["text"][sp["start"]:sp["end"]]
            if sp["label"] == "PERSON":
                for t in re.split(r"[\s,/]+", v):
                    t = t.strip(".,;:()\"'’")
                    if len(t) >= 2 and t not in PER_STOP and (t[0].isupper() or _is_cjk(t)):
                        lex.setdefault(t, "PERSON")
            elif sp["label"] in ("LOCATION", "ORGANIZATION"):
                lex.setdefault(v, sp["label"])
                for t in re.split(r"[\s,]+", v):
                    t = t.strip(".,;:()\"'’")
                    if len(t) >= 4 and t[0].isupper() and t not in GENERIC and not any(c.isdigit() for c in t):
                        lex.setdefault(t, sp["label"] + "-word")
            else:
                lex.setdefault(v, sp["label"])
    errs = []
    for r, extra in zip(rows, EXTRA):
        text, cov = r["text"], [(s["start"], s["end"]) for s in r["spans"]]
        for item, lab in lex.items():
            if item in extra["ok"]:
                continue
            pat = re.escape(item) if _is_cjk(item) else r"(?<!\w)" + re.escape(item) + r"(?!\w)"
            for m in re.finditer(pat, text):
                if not any(a <= m.start() and m.end() <= b for a, b in cov):
                    errs.append(f"{r['id']}: {item!r} ({lab} elsewhere) occurs uncovered at {m.start()}")
    for r, extra in zip(rows, EXTRA):
        for o in extra["ok"]:
            if not re.search(r"(?<!\w)" + re.escape(o) + r"(?!\w)", r["text"]):
                errs.append(f"{r['id']}: ok-listed {o!r} does not occur")
    return errs


def build():
    rows, errs = mc.build_rows("ch5", ROWS, render, check_row)
    for r, extra in zip(rows, EXTRA):
        r.pop("label_scope", None)  # exhaustive for every TAXONOMY label
        if extra["ambiguity"]:
            r["meta"]["ambiguity"] = extra["ambiguity"]
    errs += consistency(rows)
    for r in rows:
        for a, b in zip(r["spans"], r["spans"][1:]):
            if a["end"] > b["start"]:
                errs.append(f"{r['id']}: overlapping spans")
    return rows, errs


def main():
    mc.run(build, "challenge5.jsonl")


if __name__ == "__main__":
    main()
