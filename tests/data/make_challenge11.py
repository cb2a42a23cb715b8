#!/usr/bin/env python3
"""Generate challenge11.jsonl: a held-out PII set with NEW templates and MORE locales.

What it is: ~400 synthetic LLM prompts in the same row format as the shared dev corpus
(`{"id", "text", "spans": [{"start", "end", "label"}], "meta": {"category", "template", "locale"}}`,
Unicode code-point offsets, end exclusive, gold exhaustive for every TAXONOMY.md label incl. PERSON,
LOCATION, ORGANIZATION and NRP; no label_scope). It is meant to expose template overfitting: the
detector was tuned on shared/eval/dev.jsonl, whose scores say little about unseen wordings.

How it was written: blind. None of the detector's sources, tests, models or the earlier challenge
generators were read. The 88 slot templates (65 with PII, 23 PII-free; ⟦slot⟧ style, plus builders for tables, logs,
letters) are new; the value generators are reused: gen_corpus.py's helpers (Ctx, personas, fmt_date,
slot functions) and pii_values.py's checksum-valid / -invalid values, imported from shared/eval via
sys.path (neither file is copied or modified). New locales (en_AU, en_CA, en_IE, fr_CA, de_AT, de_CH,
es_MX, pl_PL, sv_SE, da_DK, nb_NO, fi_FI, cs_CZ, tr_TR, pt_PT, ja_JP) get locale-aware overrides:
phone numbers validated with phonenumbers for their own region, country-correct IBAN lengths, native
date/time formats, local company suffixes, hospitals, cities. Categories: dev's (e-mail drafting,
support tickets, clinical, code with secrets, tables, chat, finance, HR, logs, travel/ID) plus
insurance claims, legal intake, school/university, real estate, telecom, pharmacy, crypto support,
government forms, calendar invites, voice-mail transcripts and OCR'd letters; ~25 % PII-free hard
negatives. Deterministic (fixed seed, PYTHONHASHSEED pinned). Ends with a self-check (span sanity,
checksums of labelled values, invalidity of look-alikes) and per-label/category/locale counts.

Nothing here runs in CI: challenge11.jsonl is committed, this script only regenerates it.
Usage: /tmp/c11venv/bin/python tests/data/make_challenge11.py
       (venv: python3 -m venv /tmp/c11venv && /tmp/c11venv/bin/pip install faker phonenumbers)
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
for _cand in (os.environ.get("SHARED_EVAL", ""), os.path.join(HERE, "..", "..", "..", "shared", "eval"),
              "/work/shared/eval"):
    if _cand and os.path.exists(os.path.join(_cand, "gen_corpus.py")):
        sys.path.insert(0, os.path.abspath(_cand))
        break
else:
    raise SystemExit("cannot find shared/eval/gen_corpus.py (set SHARED_EVAL)")

import gen_corpus as gc  # noqa: E402
import pii_values as pv  # noqa: E402
import phonenumbers  # noqa: E402
from faker import Faker  # noqa: E402

SEED = 20251211
N_ROWS = 400
NEG_SHARE = 0.25
OUT = os.path.join(HERE, "challenge11.jsonl")

# --------------------------------------------------------------------------- locales
DEV_LOCALES = [l for l, _ in gc.LOCALES]
NEW_REGION = {"en_AU": "AU", "en_CA": "CA", "en_IE": "IE", "fr_CA": "CA", "de_AT": "AT", "de_CH": "CH",
              "es_MX": "MX", "pl_PL": "PL", "sv_SE": "SE", "da_DK": "DK", "nb_NO": "NO", "fi_FI": "FI",
              "cs_CZ": "CZ", "tr_TR": "TR", "pt_PT": "PT", "ja_JP": "JP"}
REGION = dict(gc.REGION, **NEW_REGION)
FAKER_NAME = {"nb_NO": "no_NO"}  # Faker calls Norwegian Bokmål no_NO
LOCALES = [("en_US", 12), ("en_GB", 7), ("de_DE", 4), ("fr_FR", 4), ("es_ES", 3), ("it_IT", 3), ("nl_NL", 3),
           ("pt_BR", 3), ("en_IN", 3)] + [(l, 3) for l in NEW_REGION]
LOCS = [l for l, _ in LOCALES]
LW = [w for _, w in LOCALES]

IBAN_LOCALES = ["en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "en_IE", "de_AT", "de_CH", "pl_PL", "sv_SE",
                "da_DK", "nb_NO", "fi_FI", "cs_CZ", "tr_TR", "pt_PT"]
IBAN_LEN = {"AT": 20, "BE": 16, "CH": 21, "CZ": 24, "DE": 22, "DK": 18, "ES": 24, "FI": 18, "FR": 27, "GB": 22,
            "IE": 22, "IT": 27, "LU": 20, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "SE": 24, "TR": 26}
EXTRA_IBAN = {"CZ": "n" * 20, "TR": "nnnnn0" + "n" * 16}  # '0' = literal reserved digit

ORG_SUFFIX = {"en_AU": ["Pty Ltd", "Ltd"], "en_CA": ["Inc.", "Ltd.", "Corp."], "en_IE": ["Ltd", "DAC", "Teoranta"],
              "fr_CA": ["Inc.", "Ltée"], "de_AT": ["GmbH", "AG", "KG"], "de_CH": ["AG", "GmbH", "SA"],
              "es_MX": ["S.A. de C.V.", "S. de R.L."], "pl_PL": ["Sp. z o.o.", "S.A."], "sv_SE": ["AB"],
              "da_DK": ["A/S", "ApS"], "nb_NO": ["AS", "ASA"], "fi_FI": ["Oy", "Oyj"], "cs_CZ": ["s.r.o.", "a.s."],
              "tr_TR": ["A.Ş.", "Ltd. Şti."], "pt_PT": ["Lda.", "S.A."], "ja_JP": []}
REAL_CITIES = {
    "en_AU": ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Hobart", "Geelong", "Newcastle"],
    "en_CA": ["Toronto", "Vancouver", "Calgary", "Ottawa", "Halifax", "Winnipeg", "Edmonton", "Victoria"],
    "en_IE": ["Dublin", "Cork", "Galway", "Limerick", "Waterford", "Kilkenny", "Sligo"],
    "fr_CA": ["Montréal", "Gatineau", "Sherbrooke", "Trois-Rivières", "Laval", "Lévis", "Saguenay"],
    "de_AT": ["Wien", "Graz", "Linz", "Innsbruck", "Klagenfurt", "Villach", "Wels"],
    "de_CH": ["Winterthur", "Lausanne", "Lugano", "Biel", "Thun", "Köniz", "Uster"],
    "es_MX": ["Guadalajara", "Monterrey", "Puebla", "Mérida", "Tijuana", "León", "Morelia"],
    "pl_PL": ["Kraków", "Wrocław", "Gdańsk", "Poznań", "Łódź", "Lublin", "Szczecin"],
    "sv_SE": ["Göteborg", "Malmö", "Uppsala", "Västerås", "Linköping", "Umeå", "Lund"],
    "da_DK": ["København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Roskilde"],
    "nb_NO": ["Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Drammen", "Bodø"],
    "fi_FI": ["Helsinki", "Espoo", "Tampere", "Turku", "Oulu", "Jyväskylä", "Kuopio"],
    "cs_CZ": ["Praha", "Brno", "Ostrava", "Plzeň", "Olomouc", "Liberec", "Pardubice"],
    "tr_TR": ["İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Eskişehir", "Kayseri", "Trabzon"],
    "pt_PT": ["Lisboa", "Porto", "Coimbra", "Braga", "Faro", "Aveiro", "Setúbal"],
    "ja_JP": ["横浜市", "大阪市", "札幌市", "福岡市", "神戸市", "京都市", "仙台市"],
}
TR_DISTRICTS = {"İstanbul": ["Kadıköy", "Beşiktaş", "Üsküdar", "Bakırköy"], "Ankara": ["Çankaya", "Keçiören"],
                "İzmir": ["Karşıyaka", "Bornova"], "Bursa": ["Nilüfer", "Osmangazi"], "Antalya": ["Muratpaşa"],
                "Eskişehir": ["Tepebaşı", "Odunpazarı"], "Kayseri": ["Melikgazi"], "Trabzon": ["Ortahisar"]}
TR_STREETS = ["Atatürk", "Cumhuriyet", "İnönü", "Gazi", "Mimar Sinan", "Fevzi Çakmak", "Barbaros", "Kazım Karabekir",
              "Bağdat", "Menekşe", "Lale", "Çınar"]
LOCAL_MAIL = {"en_AU": ["bigpond.com", "optusnet.com.au"], "en_CA": ["sympatico.ca", "videotron.ca"],
              "en_IE": ["eircom.net"], "fr_CA": ["videotron.ca"], "de_AT": ["gmx.at", "aon.at"],
              "de_CH": ["bluewin.ch", "gmx.ch"], "es_MX": ["prodigy.net.mx", "hotmail.com"],
              "pl_PL": ["wp.pl", "o2.pl", "onet.pl"], "sv_SE": ["telia.com", "live.se"], "da_DK": ["jubii.dk", "mail.dk"],
              "nb_NO": ["online.no", "getmail.no"], "fi_FI": ["suomi24.fi", "elisanet.fi"], "cs_CZ": ["seznam.cz", "email.cz"],
              "tr_TR": ["yandex.com.tr", "hotmail.com"], "pt_PT": ["sapo.pt", "clix.pt"], "ja_JP": ["yahoo.co.jp", "docomo.ne.jp"]}
FOLD = str.maketrans({"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L",
                      "đ": "d", "ð": "d", "þ": "th", "œ": "oe"})


def poss(name: str) -> str:
    return "'" if name.endswith("s") else "'s"


def fold(s: str) -> str:
    return gc.ascii_fold(s.translate(FOLD))


# --------------------------------------------------------------------------- dates & times
MONTHS_NATIVE = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "at": "Jänner Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "nb": "januar februar mars april mai juni juli august september oktober november desember",
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta "
          "lokakuuta marraskuuta joulukuuta",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}
MONTHS_NATIVE = {k: v.split() for k, v in MONTHS_NATIVE.items()}


def native_date_options(d: dt.date, loc: str):
    M = gc.MONTHS[d.month - 1]
    D, Mo, Y = d.day, d.month, d.year
    m = lambda k: MONTHS_NATIVE[k][Mo - 1]  # noqa: E731
    if loc in ("en_AU", "en_IE"):
        return [f"{D}/{Mo}/{Y}", f"{D:02d}/{Mo:02d}/{Y}", f"{D} {M} {Y}", f"{D} {M[:3]} {Y}"]
    if loc == "en_CA":
        return [d.isoformat(), f"{M} {D}, {Y}", f"{D:02d}/{Mo:02d}/{Y}"]
    if loc == "fr_CA":
        return [d.isoformat(), f"{D} {m('fr')} {Y}"]
    if loc == "de_AT":
        return [f"{D}. {m('at')} {Y}", f"{D:02d}.{Mo:02d}.{Y}", f"{D}.{Mo}.{Y}"]
    if loc == "de_CH":
        return [f"{D}. {m('de')} {Y}", f"{D:02d}.{Mo:02d}.{Y}", f"{D}.{Mo}.{Y}"]
    if loc == "es_MX":
        return [f"{D} de {m('es')} de {Y}", f"{D:02d}/{Mo:02d}/{Y}"]
    if loc == "pl_PL":
        return [f"{D} {m('pl')} {Y}", f"{D:02d}.{Mo:02d}.{Y}"]
    if loc == "sv_SE":
        return [d.isoformat(), f"{D} {m('sv')} {Y}"]
    if loc == "da_DK":
        return [f"{D}. {m('da')} {Y}", f"{D:02d}.{Mo:02d}.{Y}", f"{D:02d}-{Mo:02d}-{Y}"]
    if loc == "nb_NO":
        return [f"{D}. {m('nb')} {Y}", f"{D:02d}.{Mo:02d}.{Y}"]
    if loc == "fi_FI":
        return [f"{D}.{Mo}.{Y}", f"{D}. {m('fi')} {Y}"]
    if loc == "cs_CZ":
        return [f"{D}. {m('cs')} {Y}", f"{D}. {Mo}. {Y}", f"{D:02d}.{Mo:02d}.{Y}"]
    if loc == "tr_TR":
        return [f"{D} {m('tr')} {Y}", f"{D:02d}.{Mo:02d}.{Y}"]
    if loc == "pt_PT":
        return [f"{D} de {m('pt')} de {Y}", f"{D:02d}/{Mo:02d}/{Y}", f"{D:02d}-{Mo:02d}-{Y}"]
    if loc == "ja_JP":
        return [f"{Y}年{Mo}月{D}日", f"{Y}/{Mo:02d}/{D:02d}"]
    raise KeyError(loc)


def fmt11(rng: random.Random, d: dt.date, loc: str) -> str:
    """Dev locales: exactly gen_corpus.fmt_date. New locales: mostly native formats."""
    if loc in DEV_LOCALES:
        return gc.fmt_date(rng, d, loc)
    if rng.random() < (0.85 if loc == "ja_JP" else 0.6):
        return rng.choice(native_date_options(d, loc))
    return gc.fmt_date(rng, d, loc)


def time11(c) -> str:
    loc = c.locale
    if loc in DEV_LOCALES:
        return gc.g_time(c)[0]
    r = c.rng
    h, m = r.randint(7, 18), r.choice([0, 10, 15, 30, 45])
    if loc in ("en_AU", "en_CA", "en_IE") and r.random() < 0.5:
        return f"{(h - 1) % 12 + 1}:{m:02d} {'am' if h < 12 else 'pm'}"
    if loc in ("fi_FI", "da_DK", "nb_NO") and r.random() < 0.5:
        return f"{h:02d}.{m:02d}"
    return f"{h:02d}:{m:02d}"


# --------------------------------------------------------------------------- phones & IBANs
def synth_phone(rng: random.Random, region: str) -> str:
    kinds = [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]
    for _ in range(200):
        ex = phonenumbers.example_number_for_type(region, rng.choice(kinds))
        if ex is None:
            continue
        nsn = phonenumbers.national_significant_number(ex)
        keep = min(3, len(nsn) - 4)
        cand = nsn[:keep] + "".join(rng.choice("0123456789") for _ in range(len(nsn) - keep))
        n = phonenumbers.parse("+" + str(ex.country_code) + cand, None)
        if phonenumbers.is_valid_number(n) and phonenumbers.region_code_for_number(n) == region:
            fmt = rng.choice([phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.NATIONAL,
                              phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.E164])
            return phonenumbers.format_number(n, fmt)
    raise AssertionError(region)


def phone_new(rng: random.Random, fk, region: str) -> str:
    for _ in range(30):
        s = fk.phone_number()
        try:
            n = phonenumbers.parse(s, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(n) and phonenumbers.region_code_for_number(n) == region:
            if rng.random() < 0.2:
                return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            return s
    return synth_phone(rng, region)


def iban11(rng: random.Random, country: str, grouped=None, valid=True) -> str:
    if country not in EXTRA_IBAN:
        return pv.iban(rng, country, grouped=grouped, valid=valid)
    bban = "".join(rng.choice("0123456789") if p == "n" else p for p in EXTRA_IBAN[country])
    chk = pv.iban_check(country, bban)
    if not valid:
        chk = "%02d" % rng.choice([c for c in range(2, 99) if c != int(chk)])
    s = country + chk + bban
    if grouped is None:
        grouped = rng.random() < 0.5
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if grouped else s


# --------------------------------------------------------------------------- context
class C11(gc.Ctx):
    """gen_corpus.Ctx with the new locales wired in (dev locales defer to the original methods)."""

    def fmt(self, d, loc=None):
        return fmt11(self.rng, d, loc or self.locale)

    def persona(self, key):
        if key not in self.personas:
            rng = self.rng
            loc = self.locale if rng.random() < 0.8 else rng.choices(LOCS, LW)[0]
            fk = self.fakers[loc]
            if loc == "ja_JP":
                fpair, lpair = fk.first_name_pair(), fk.last_name_pair()  # (kanji, kana, romaji)
                p = {"locale": loc, "first": fpair[0], "last": lpair[0], "rfirst": fpair[2], "rlast": lpair[2]}
                p["full"] = f"{p['last']} {p['first']}" if rng.random() < 0.6 else p["last"] + p["first"]
            else:
                first, last = fk.first_name(), fk.last_name()
                p = {"locale": loc, "first": first, "last": last}
                p["full"] = f"{first} {fk.first_name()[0]}. {last}" if rng.random() < 0.12 else f"{first} {last}"
            self.personas[key] = p
        return self.personas[key]

    def persona_attr(self, key, attr):
        p = self.persona(key)
        loc = p["locale"]
        rng = self.rng
        if attr in ("email_obf", "email_esc", "email_html", "email_pct"):
            if attr not in p:
                e = self.persona_attr(key, "email")[0]
                local, dom = e.split("@")
                if attr == "email_obf":
                    p[attr] = rng.choice([f"{local} [at] {dom.replace('.', ' [dot] ')}",
                                          f"{local} at {dom.replace('.', ' dot ')}", f"{local}(at){dom}",
                                          f"{local} (at) {dom}", f"{local} AT {dom.replace('.', ' DOT ')}"])
                elif attr == "email_esc":
                    p[attr] = f"{local}\\u0040{dom}"
                elif attr == "email_html":
                    p[attr] = f"{local}&#64;{dom}"
                else:
                    p[attr] = f"{local}%40{dom}"
            return p[attr], "EMAIL_ADDRESS"
        if attr == "address_block":
            if attr not in p:
                p[attr] = self.address_block(loc)
            return p[attr], "LOCATION"
        if attr == "initial_last" and loc == "ja_JP":
            return p["last"], "PERSON"
        if loc not in DEV_LOCALES and attr not in p:
            if attr == "email":
                if loc == "ja_JP":
                    f, l = p["rfirst"].lower(), p["rlast"].lower()
                else:
                    f, l = fold(p["first"]).lower().replace(" ", ""), fold(p["last"]).lower().replace(" ", "")
                local = rng.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}_{l}{rng.randint(1, 99)}", f"{f}{rng.randint(70, 99)}",
                                    f"{l}.{f}", f"{f}"])
                r = rng.random()
                dom = (rng.choice(LOCAL_MAIL[loc]) if r < 0.35 else rng.choice(gc.FREE_MAIL[:6]) if r < 0.6
                       else self.fakers[loc].domain_name())
                p["email"] = f"{local}@{dom}"
            elif attr == "dob":
                p["dob"] = self.fmt(gc.rand_date(rng, 1938, 2006), loc)
        return super().persona_attr(key, attr)

    def phone(self, loc=None):
        loc = loc or self.locale
        v = super().phone(loc) if loc in DEV_LOCALES else phone_new(self.rng, self.fakers[loc], REGION[loc])
        PHONE_REGION[v] = (REGION[loc], loc not in DEV_LOCALES)  # for the self-check
        return v

    def tr_address(self, sep=", "):
        r = self.rng
        city = r.choice(list(TR_DISTRICTS))
        street = f"{r.choice(TR_STREETS)} {r.choice(['Cad.', 'Sk.', 'Caddesi', 'Sokak', 'Bulvarı'])} No:{r.randint(1, 240)}"
        if r.random() < 0.6:
            street += f" D:{r.randint(1, 30)}"
        return f"{street}{sep}{r.randint(1, 81):02d}{r.randint(100, 999)} {r.choice(TR_DISTRICTS[city])}/{city}"

    def address(self, loc=None):
        loc = loc or self.locale
        if loc == "tr_TR":
            return self.tr_address()
        return super().address(loc)

    def address_block(self, loc=None):
        loc = loc or self.locale
        if loc == "tr_TR":
            return self.tr_address("\n")
        a = self.fakers[loc].address().strip()
        a = re.sub(r"[ \t]*\n[ \t]*", "\n", a)
        if "\n" not in a:
            a = a.replace(", ", "\n", 1)
        return a

    def city(self, loc=None):
        loc = loc or self.locale
        if loc in DEV_LOCALES:
            return super().city(loc)
        if loc == "tr_TR" or self.rng.random() < 0.6:
            return self.rng.choice(REAL_CITIES[loc])
        return self.fakers[loc].city()

    def org(self):
        if self.locale in DEV_LOCALES:
            return super().org()
        c = self.fk.company()
        if not re.search(r"[\s&-]", c) and ORG_SUFFIX[self.locale]:
            c = f"{c} {self.rng.choice(ORG_SUFFIX[self.locale])}"
        return c

    def hospital(self):
        loc = self.locale
        if loc in DEV_LOCALES:
            return super().hospital()
        rng, city, last = self.rng, self.city(), self.fk.last_name()
        pats = {"en_AU": [f"{city} Base Hospital", f"Royal {city} Hospital", f"St {last}{poss(last)} Private Hospital"],
                "en_CA": [f"{city} General Hospital", f"{city} Health Sciences Centre"],
                "en_IE": [f"University Hospital {city}", f"St. {last}{poss(last)} Hospital"],
                "fr_CA": [f"Hôpital de {city}", f"CHU de {city}", f"Clinique médicale {last}"],
                "de_AT": [f"Landeskrankenhaus {city}", f"Klinik {last}"],
                "de_CH": [f"Kantonsspital {city}", f"Spital {city}", f"Klinik {last}"],
                "es_MX": [f"Hospital General de {city}", f"Clínica {last}"],
                "pl_PL": [f"Centrum Medyczne {last}", f"Przychodnia {last}"],
                "sv_SE": [f"{city} lasarett", f"Vårdcentralen {city}"],
                "da_DK": [f"{city} Sygehus", f"Lægehuset {city}"],
                "nb_NO": [f"{city} sykehus", f"Legesenteret {city}"],
                "fi_FI": [f"Terveyskeskus {city}", f"Lääkärikeskus {last}"],
                "cs_CZ": [f"Nemocnice {city}", f"Poliklinika {last}"],
                "tr_TR": [f"{city} Devlet Hastanesi", f"Özel {last} Hastanesi"],
                "pt_PT": [f"Hospital de {city}", f"Clínica {last}"],
                "ja_JP": [f"{city}中央病院", f"{last}クリニック"]}[loc]
        return rng.choice(pats)

    # extra organisation kinds (all ORGANIZATION)
    def kind_org(self, kind):
        rng, fk, loc = self.rng, self.fk, self.locale
        last, last2, city = fk.last_name(), fk.last_name(), self.city()
        lang = loc[:2]
        if kind == "university":
            opts = {"de": [f"Universität {city}", f"Hochschule {city}"], "fr": [f"Université de {city}"],
                    "es": [f"Universidad de {city}"], "pt": [f"Universidade de {city}"], "it": [f"Università di {city}"],
                    "nl": [f"Universiteit {city}", f"Hogeschool {city}"], "ja": [f"{city}大学"]}.get(
                lang, [f"University of {city}", f"{city} University", f"{city} Institute of Technology"])
        elif kind == "school":
            opts = {"de": [f"Gymnasium {city}", f"{last}-Gymnasium"], "fr": [f"Lycée {last}", f"Collège {last}"],
                    "es": [f"Colegio {last}", f"Instituto {city}"], "pt": [f"Escola Secundária de {city}"],
                    "ja": [f"{city}立第一中学校"]}.get(lang, [f"{last} High School", f"{city} Grammar School",
                                                              f"St {last}{poss(last)} Primary School"])
        elif kind == "insurer":
            opts = [f"{last} Mutual", f"{last} Assurance", f"{city} Health Fund", f"{last} & {last2} Insurance"]
            if lang == "de":
                opts = [f"{last} Versicherung AG", f"Krankenkasse {city}"]
        elif kind == "bank":
            opts = [f"{last} Bank", f"{city} Savings Bank", f"First {city} Credit Union"]
            if lang == "de":
                opts = [f"Sparkasse {city}", f"{last} Bank AG"]
            elif lang in ("es", "pt"):
                opts = [f"Banco {last}", f"Caixa {city}"]
        elif kind == "pharmacy":
            opts = {"de": [f"{city}-Apotheke", f"Apotheke {last}"], "fr": [f"Pharmacie {last}"],
                    "es": [f"Farmacia {last}"], "pt": [f"Farmácia {last}"], "it": [f"Farmacia {last}"],
                    "nl": [f"Apotheek {last}"], "sv": [f"Apotek {last}"], "da": [f"{city} Apotek"],
                    "ja": [f"{last}薬局"]}.get(lang, [f"{last} Pharmacy", f"{city} Chemist", f"{last}{poss(last)} Drug Store"])
        elif kind == "lawfirm":
            opts = [f"{last} & {last2} LLP", f"{last} {last2} Solicitors", f"{last} Legal"]
            if lang == "de":
                opts = [f"{last} & {last2} Rechtsanwälte", f"Kanzlei {last}"]
        elif kind == "agency":
            opts = {"de": [f"{last} Immobilien GmbH"], "es": [f"Inmobiliaria {last}"], "fr": [f"Agence {last} Immobilier"],
                    "sv": [f"{last} Fastighetsmäklare"]}.get(lang, [f"{last} Realty", f"{last} & {last2} Estate Agents",
                                                                    f"{city} Property Group"])
        elif kind == "telco":
            opts = [f"{last}Tel", f"{city} Mobile", f"{last} Telecom"]
        else:
            raise KeyError(kind)
        return rng.choice(opts)


# --------------------------------------------------------------------------- new slot generators
def personal_date(y0, y1):
    return lambda c: (c.fmt(gc.rand_date(c.rng, y0, y1)), "DATE_TIME")


def g_adm(c):
    d = gc.rand_date(c.rng, 2020, 2025)
    c.cache["_adm"] = d
    return c.fmt(d), "DATE_TIME"


def g_dis(c):
    d = c.cache.get("_adm") or gc.rand_date(c.rng, 2020, 2025)
    return c.fmt(d + dt.timedelta(days=c.rng.randint(1, 12))), "DATE_TIME"


def g_time_range(c):
    r, loc = c.rng, c.locale
    start = r.randint(8 * 4, 16 * 4) * 15
    end = start + r.choice([30, 45, 60, 90])
    if loc == "en_US" or (loc in ("en_AU", "en_CA", "en_IE", "en_GB", "en_IN") and r.random() < 0.4):
        ampm = "AM PM" if loc == "en_US" else "am pm"
        f = lambda m: f"{(m // 60 - 1) % 12 + 1}:{m % 60:02d} {ampm.split()[m >= 720]}"  # noqa: E731
    elif loc in ("fi_FI", "da_DK", "nb_NO") and r.random() < 0.5:
        f = lambda m: f"{m // 60:02d}.{m % 60:02d}"  # noqa: E731
    else:
        f = lambda m: f"{m // 60:02d}:{m % 60:02d}"  # noqa: E731
    return [(f(start), "DATE_TIME"), (r.choice(["–", " - ", " to "]), None), (f(end), "DATE_TIME")]


def g_iban_local(c):
    ctry = REGION[c.locale]
    if ctry not in pv.IBAN_SPECS and ctry not in EXTRA_IBAN:
        ctry = c.rng.choice(sorted(pv.IBAN_SPECS))
    return iban11(c.rng, ctry), "IBAN_CODE"


CURRENCY = {"en_US": "${:,.2f}", "en_GB": "£{:,.2f}", "en_IN": "₹{:,.0f}", "pt_BR": "R$ {:,.2f}", "en_AU": "A${:,.2f}",
            "en_CA": "C${:,.2f}", "fr_CA": "{:,.2f} $", "en_IE": "€{:,.2f}", "de_CH": "CHF {:,.2f}", "es_MX": "${:,.2f} MXN",
            "pl_PL": "{:,.2f} zł", "sv_SE": "{:,.0f} kr", "da_DK": "{:,.2f} kr.", "nb_NO": "kr {:,.0f}",
            "cs_CZ": "{:,.0f} Kč", "tr_TR": "₺{:,.2f}", "ja_JP": "¥{:,.0f}"}


def money_local(c, lo, hi):
    amt = c.rng.randint(lo, hi) / 100 * (100 if c.locale in ("ja_JP", "cs_CZ") else 1)
    pat = CURRENCY.get(c.locale, "{:,.2f} €")
    num = re.search(r"\{[^}]*\}", pat).group(0).format(amt)
    if c.locale not in ("en_US", "en_GB", "en_IN", "en_AU", "en_CA", "en_IE", "es_MX", "ja_JP", "tr_TR"):
        sep = "'" if c.locale == "de_CH" else "." if c.locale in ("de_DE", "de_AT", "it_IT", "nl_NL", "es_ES", "pt_BR", "da_DK") else " "
        num = num.replace(",", "\u2009").replace(".", "," if c.locale != "de_CH" else ".").replace("\u2009", sep)
    return re.sub(r"\{[^}]*\}", lambda _m: num, pat), None


def g_money_local(c):
    return money_local(c, 500, 250000)


def g_price_local(c):
    return money_local(c, 9_000_000, 120_000_000)


COORD_CENTER = {"US": (39.5, -98.3), "GB": (53.0, -1.8), "DE": (51.0, 10.4), "FR": (46.6, 2.4), "ES": (40.2, -3.6),
                "IT": (42.8, 12.6), "NL": (52.2, 5.3), "BR": (-15.8, -47.9), "IN": (21.0, 78.0), "AU": (-33.9, 151.0),
                "CA": (45.5, -73.6), "IE": (53.3, -7.7), "AT": (47.6, 14.1), "CH": (46.8, 8.2), "MX": (20.6, -100.4),
                "PL": (52.0, 19.4), "SE": (59.3, 18.0), "DK": (55.7, 10.5), "NO": (60.4, 8.5), "FI": (61.9, 25.7),
                "CZ": (49.8, 15.5), "TR": (39.0, 35.2), "PT": (39.6, -8.0), "JP": (35.7, 139.7)}


def g_gps(c):
    r = c.rng
    la0, lo0 = COORD_CENTER[REGION[c.locale]]
    la, lo = la0 + r.uniform(-1.5, 1.5), lo0 + r.uniform(-1.5, 1.5)
    if r.random() < 0.7:
        return f"{la:.{r.choice([4, 5, 6])}f}, {lo:.{r.choice([4, 5, 6])}f}", "LOCATION"

    def dms(x, pos, neg):
        h = pos if x >= 0 else neg
        x = abs(x)
        d, m = int(x), (x - int(x)) * 60
        return f"{d}°{int(m):02d}'{(m - int(m)) * 60:04.1f}\"{h}"
    return f"{dms(la, 'N', 'S')} {dms(lo, 'E', 'W')}", "LOCATION"


def g_imei(c):
    r = c.rng
    body = r.choice(["35", "86", "01"]) + "".join(r.choice("0123456789") for _ in range(12))
    s = pv.luhn_complete(body)
    return (f"{s[:2]}-{s[2:8]}-{s[8:14]}-{s[14]}" if r.random() < 0.4 else s), None


def g_iccid(c):
    r = c.rng
    body = "89" + r.choice(["44", "49", "33", "34", "39", "31", "46", "61", "81", "01"]) + "".join(
        r.choice("0123456789") for _ in range(14))
    return pv.luhn_complete(body), None


def g_btc_bad(c):
    r = c.rng
    while True:
        a = pv.btc(r)
        i = r.randrange(5, len(a))
        alpha = pv.BECH32 if a.startswith("bc1") else pv.B58
        a2 = a[:i] + r.choice([ch for ch in alpha if ch != a[i]]) + a[i + 1:]
        if not btc_ok(a2):
            BAD_LOOKALIKES.append(("btc", a2))
            return a2, None


def g_bad_ssn(c):
    r = c.rng
    a, g, s = r.randint(1, 899), r.randint(1, 99), r.randint(1, 9999)
    k = r.randrange(3)
    if k == 0:
        a = r.choice([0, 666])
    elif k == 1:
        g = 0
    else:
        s = 0
    v = f"{a:03d}-{g:02d}-{s:04d}"
    BAD_LOOKALIKES.append(("ssn", v))
    return v, None


def reg_bad(kind, fn):
    def g(c):
        v = fn(c)
        BAD_LOOKALIKES.append((kind, v))
        return v, None
    return g


def g_phone_ext(c):
    base = c.phone()
    v = f"{base} {c.rng.choice(['ext.', 'x', 'ext', 'Ext.'])} {c.rng.randint(10, 9999)}".replace(" x ", " x")
    PHONE_REGION[v] = PHONE_REGION[base]
    return v, "PHONE_NUMBER"


def g_version_ip(c):
    r = c.rng
    return f"{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 60)}.{r.randint(1, 250)}", None


HOLIDAYS = [("Christmas Day", 12, 25), ("Boxing Day", 12, 26), ("New Year's Day", 1, 1), ("Labour Day", 5, 1),
            ("Bastille Day", 7, 14), ("Canada Day", 7, 1), ("Australia Day", 1, 26), ("St. Patrick's Day", 3, 17),
            ("Independence Day", 7, 4), ("German Unity Day", 10, 3), ("King's Day", 4, 27), ("Constitution Day", 5, 17)]


def g_holiday(c):
    n, m, d = c.rng.choice(HOLIDAYS)
    return f"{n} ({c.fmt(dt.date(c.rng.randint(2024, 2027), m, d))})", None


LAWS = ["the GDPR, which has applied since 25 May 2018", "HIPAA's Privacy Rule (compliance date April 14, 2003)",
        "the EU AI Act, in force since 1 August 2024", "the CCPA, effective January 1, 2020",
        "Brazil's LGPD, in force since 18 September 2020", "the UK Data Protection Act 2018 (commenced 25 May 2018)",
        "Switzerland's revised FADP, in force since 1 September 2023", "Japan's amended APPI (effective 1 April 2022)",
        "the NIS2 Directive, transposition deadline 17 October 2024", "PIPEDA, in force since 1 January 2001"]


def g_fiscal(c):
    r = c.rng
    y = r.randint(2023, 2026)
    q = r.randint(1, 4)
    end = [dt.date(y, 3, 31), dt.date(y, 6, 30), dt.date(y, 9, 30), dt.date(y, 12, 31)][q - 1]
    return f"FY{y} Q{q} (period end {c.fmt(end)})", None


def g_duration(c):
    r = c.rng
    return r.choice([f"{r.randint(2, 12)} weeks", f"{r.randint(10, 120)} days", f"{r.randint(2, 18)} months",
                     f"{r.randint(1, 9)} h {r.randint(1, 59)} min"]), None


def g_duration_short(c):
    r = c.rng
    return r.choice([f"{r.choice([10, 15, 20, 25, 30, 45])} minutes", f"{r.choice([10, 15, 30])} min"]), None


def g_np_time(c):
    r = c.rng
    return f"{r.randint(5, 22):02d}:{r.choice([5, 10, 20, 35, 40, 55]):02d}", None


DRUGS = ["atorvastatin 20 mg", "levothyroxine 50 mcg", "amoxicillin 500 mg", "metformin 850 mg", "sertraline 50 mg",
         "salbutamol 100 mcg inhaler", "omeprazole 20 mg", "lisinopril 10 mg", "apixaban 5 mg", "insulin glargine 100 U/mL"]
NRP_THINGS = ["German sedan", "Italian espresso machine", "French press", "Swiss watch", "Japanese garden",
              "Turkish carpet", "Danish pastry", "Polish pottery mug", "Mexican train domino set", "Irish stew"]
GOV_FORMS = ["I-130", "I-765", "N-400", "DS-82", "W-9", "SS-5", "I-9", "1040-SR"]

R = lambda c: c.rng  # noqa: E731
UP = "ABCDEFGHJKLMNPRSTUVWXYZ"

NEW_SLOTS = {
    "appt_date": personal_date(2024, 2026), "visit_date": personal_date(2020, 2025),
    "txn_date": personal_date(2022, 2025), "travel_date": personal_date(2024, 2026),
    "start_date": personal_date(2010, 2025), "incident_date": personal_date(2023, 2025),
    "death_date": personal_date(2022, 2025), "end_date": personal_date(2023, 2025),
    "issue_date": personal_date(2014, 2024), "adm_date": g_adm, "dis_date": g_dis,
    "np_date": lambda c: (c.fmt(gc.rand_date(c.rng, 2015, 2027)), None),
    "time": lambda c: (time11(c), "DATE_TIME"), "time_range": g_time_range,
    "iban_local": g_iban_local, "money_local": g_money_local, "price_local": g_price_local,
    "duration_short": g_duration_short, "age_kid": lambda c: (str(c.rng.randint(11, 17)), None),
    "phone_ext": lambda c: g_phone_ext(c),
    "university": lambda c: (c.kind_org("university"), "ORGANIZATION"),
    "school": lambda c: (c.kind_org("school"), "ORGANIZATION"),
    "insurer": lambda c: (c.kind_org("insurer"), "ORGANIZATION"),
    "bank_org": lambda c: (c.kind_org("bank"), "ORGANIZATION"),
    "pharmacy": lambda c: (c.kind_org("pharmacy"), "ORGANIZATION"),
    "lawfirm": lambda c: (c.kind_org("lawfirm"), "ORGANIZATION"),
    "agency": lambda c: (c.kind_org("agency"), "ORGANIZATION"),
    "telco": lambda c: (c.kind_org("telco"), "ORGANIZATION"),
    "gps": g_gps,
    "claim_no": lambda c: (R(c).choice([f"CLM-{R(c).randint(2023, 2025)}-{R(c).randint(100000, 999999)}",
                                        f"CL{R(c).randint(10**7, 10**8 - 1)}",
                                        f"{pv._rand(R(c), UP, 2)}-{R(c).randint(100000, 999999)}-{R(c).randint(10, 99)}"]), None),
    "policy_no": lambda c: (R(c).choice([f"MTR-{R(c).randint(1000, 9999)}-{R(c).randint(1000, 9999)}",
                                         f"HO{R(c).randint(10**6, 10**7 - 1)}", f"P/{R(c).randint(10**5, 10**6 - 1)}/{R(c).randint(2020, 2025)}"]), None),
    "vin": lambda c: (pv._rand(R(c), "ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 17), None),
    "case_no": lambda c: (R(c).choice([f"{R(c).randint(1, 4)}:{R(c).randint(20, 25)}-cv-{R(c).randint(1000, 99999):05d}",
                                       f"CV-{R(c).randint(2023, 2025)}-{R(c).randint(1000, 99999)}",
                                       f"M/{R(c).randint(100, 9999)}/{R(c).randint(2023, 2025)}"]), None),
    "student_id": lambda c: (R(c).choice([f"s{R(c).randint(10**6, 10**7 - 1)}", f"{R(c).randint(2019, 2025)}{R(c).randint(10000, 99999)}",
                                          f"STU-{R(c).randint(100000, 999999)}"]), None),
    "course": lambda c: (f"{R(c).choice(['MATH', 'CS', 'HIST', 'BIO', 'ECON', 'PHYS', 'CHEM'])} {R(c).randint(100, 499)}", None),
    "sqm": lambda c: (f"{R(c).randint(38, 240)} m²", None),
    "listing": lambda c: (R(c).choice([f"MLS# {R(c).randint(10, 99)}-{R(c).randint(100000, 999999)}",
                                       f"Ref. {R(c).randint(10000, 99999)}-{pv._rand(R(c), UP, 2)}", f"OBJ-{R(c).randint(10**6, 10**7 - 1)}"]), None),
    "imei": g_imei, "iccid": g_iccid,
    "acct_telco": lambda c: (f"CA-{R(c).randint(10**6, 10**7 - 1)}", None),
    "rx_no": lambda c: (R(c).choice([f"Rx #{R(c).randint(10**6, 10**7 - 1)}", f"RX-{R(c).randint(100000, 999999)}"]), None),
    "drug": lambda c: (R(c).choice(DRUGS), None),
    "ndc": lambda c: (R(c).choice([f"{R(c).randint(1000, 9999):04d}-{R(c).randint(1000, 9999):04d}-{R(c).randint(10, 99)}",
                                   f"{R(c).randint(10000, 99999)}-{R(c).randint(100, 999)}-{R(c).randint(10, 99)}"]), None),
    "lot": lambda c: (f"{pv._rand(R(c), UP, 2)}{R(c).randint(1000, 99999)}", None),
    "exp": lambda c: (f"{R(c).randint(1, 12):02d}/{R(c).randint(2026, 2029)}", None),
    "tx_hash": lambda c: ("0x" + pv.hexstr(R(c), 64), None),
    "btc_bad": g_btc_bad, "bad_ssn": g_bad_ssn,
    "invalid_cc": reg_bad("cc", lambda c: pv.card(R(c), valid=False)),
    "invalid_iban": reg_bad("iban", lambda c: iban11(R(c), R(c).choice(sorted(IBAN_LEN)), valid=False)),
    "invalid_nhs": reg_bad("nhs", lambda c: pv.nhs(R(c), valid=False)),
    "meeting_id": lambda c: (R(c).choice([f"{R(c).randint(800, 999)} {R(c).randint(1000, 9999)} {R(c).randint(1000, 9999)}",
                                          f"{R(c).randint(100, 999)} {R(c).randint(100, 999)} {R(c).randint(100, 999)} {R(c).randint(100, 999)}"]), None),
    "gov_form": lambda c: (R(c).choice(GOV_FORMS), None),
    "receipt_no": lambda c: (R(c).choice(["IOE", "EAC", "WAC", "LIN", "SRC", "MSC"]) + str(R(c).randint(10**9, 10**10 - 1)), None),
    "cve": lambda c: (f"CVE-{R(c).randint(2021, 2025)}-{R(c).randint(1000, 49999)}", None),
    "version_ip": g_version_ip, "holiday": g_holiday, "law": lambda c: (R(c).choice(LAWS), None),
    "fiscal": g_fiscal, "duration": g_duration, "np_time": g_np_time,
    "nrp_thing": lambda c: (R(c).choice(NRP_THINGS), None),
    "kb": lambda c: (f"KB{R(c).randint(5000000, 5049999)}", None),
    "sha1": lambda c: (pv.hexstr(R(c), 40), None),
    "md5": lambda c: (pv.hexstr(R(c), 32), None),
    "masked_iban": lambda c: ((lambda s: s[:4] + " **** **** **** " + s[-4:])(
        iban11(R(c), R(c).choice(sorted(IBAN_LEN)), grouped=False)), None),
    "masked_card": lambda c: (R(c).choice([f"**** **** **** {R(c).randint(0, 9999):04d}", f"{R(c).choice(['4', '5'])}{R(c).randint(100, 999)} •••• •••• {R(c).randint(0, 9999):04d}",
                                           f"XXXXXXXXXXXX{R(c).randint(0, 9999):04d}"]), None),
}


# ---- builders (return a list of (text, label) pieces)
def b_tsv_staff(c):
    r = c.rng
    out = [("emp_id\tname\twork_email\tmobile\tstart_date\tmanager\n", None)]
    for i in range(r.randint(3, 5)):
        k = f"st{i}"
        out += [(f"E{r.randint(10000, 99999)}\t", None), c.persona_attr(k, "full"), ("\t", None),
                c.persona_attr(k, "email"), ("\t", None), c.persona_attr(k, "phone"), ("\t", None),
                (c.fmt(gc.rand_date(r, 2012, 2025)), "DATE_TIME"), ("\t", None),
                c.persona_attr(f"mgr{r.randint(0, 1)}", "full"), ("\n", None)]
    return out


def b_md_contacts(c):
    r = c.rng
    out = [("| Name | Company | Phone | E-mail | City |\n|---|---|---|---|---|\n", None)]
    n = r.randint(3, 5)
    order = list(range(n)) + [r.randrange(n)]
    orgs = {}
    for i in order:
        k = f"mc{i}"
        if i not in orgs:
            orgs[i] = c.org()
        out += [("| ", None), c.persona_attr(k, "full"), (" | ", None), (orgs[i], "ORGANIZATION"), (" | ", None),
                c.persona_attr(k, "phone"), (" | ", None), c.persona_attr(k, "email"), (" | ", None),
                c.persona_attr(k, "city"), (" |\n", None)]
    return out


def b_csv_leads(c):
    r = c.rng
    out = [("Vorname;Nachname;Firma;E-Mail;PLZ;Ort\n", None)]
    for i in range(r.randint(3, 5)):
        k = f"ld{i}"
        p = c.persona(k)
        out += [c.persona_attr(k, "first"), (";", None), c.persona_attr(k, "last"), (";", None), (c.org(), "ORGANIZATION"),
                (";", None), c.persona_attr(k, "email"), (";", None), (c.fakers[p["locale"]].postcode(), "LOCATION"),
                (";", None), (c.city(p["locale"]), "LOCATION"), ("\n", None)]
    return out


def b_md_claims(c):
    r = c.rng
    out = [("| Claim | Policyholder | Incident date | Amount | Status |\n|---|---|---|---|---|\n", None)]
    for i in range(r.randint(3, 5)):
        out += [(f"| {NEW_SLOTS['claim_no'](c)[0]} | ", None), c.persona_attr(f"cl{i}", "full"), (" | ", None),
                (c.fmt(gc.rand_date(r, 2023, 2025)), "DATE_TIME"),
                (f" | {gc.g_money(c)[0]} | {r.choice(['open', 'paid', 'denied', 'in review'])} |\n", None)]
    return out


def b_csv_students(c):
    r = c.rng
    out = [("student_id,student,dob,guardian,guardian_phone,homeroom\n", None)]
    for i in range(r.randint(3, 5)):
        ph = c.persona_attr(f"gd{i}", "phone")[0]
        q = '"' if "," in ph else ""
        out += [(NEW_SLOTS["student_id"](c)[0] + ",", None), c.persona_attr(f"sd{i}", "full"), (",", None),
                (gc.rand_date(r, 2008, 2016).isoformat(), "DATE_TIME"), (",", None), c.persona_attr(f"gd{i}", "full"),
                ("," + q, None), (ph, "PHONE_NUMBER"), (f"{q},{r.randint(7, 12)}{r.choice('ABCD')}\n", None)]
    return out


MON3 = [m[:3] for m in gc.MONTHS]


def b_syslog_sshd(c):
    r = c.rng
    t = dt.datetime(2025, r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))
    host = f"bastion-{r.randint(1, 4)}"
    out = []
    for i in range(r.randint(4, 7)):
        t += dt.timedelta(seconds=r.randint(1, 90))
        pre = f"{MON3[t.month - 1]} {t.day:>2} {t:%H:%M:%S} {host} sshd[{r.randint(1000, 65000)}]: "
        ip = gc.g_ip(c)
        port = r.randint(20000, 65000)
        k = r.random()
        if k < 0.45:
            out += [(pre + f"Failed password for invalid user {r.choice(['admin', 'oracle', 'test', 'pi', 'git'])} from ", None),
                    ip, (f" port {port} ssh2\n", None)]
        elif k < 0.7:
            out += [(pre + f"Accepted publickey for {r.choice(['deploy', 'ubuntu', 'ec2-user'])} from ", None), ip,
                    (f" port {port} ssh2: ED25519 SHA256:{pv._rand(r, pv.ALNUM + '+/', 43)}\n", None)]
        elif k < 0.85:
            out += [(pre + "Disconnected from authenticating user root ", None), ip, (f" port {port} [preauth]\n", None)]
        else:
            out += [(pre + "pam_unix(sshd:session): session opened for user ubuntu(uid=1000) by (uid=0)\n", None)]
    return out


def b_access_log(c):
    r = c.rng
    t = dt.datetime(2025, r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))
    out = []
    for i in range(r.randint(3, 6)):
        t += dt.timedelta(seconds=r.randint(1, 300))
        ts = f"[{t.day:02d}/{MON3[t.month - 1]}/{t.year}:{t:%H:%M:%S} +0000]"
        ip = gc.g_ip(c)
        k = r.random()
        if k < 0.55:
            out += [ip, (f' - - {ts} "POST /account/password-reset?email=', None), c.persona_attr(f"al{r.randint(0, 2)}", "email_pct"),
                    (' HTTP/1.1" 302 0 "', None), gc.g_url(c), ('" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"\n', None)]
        else:
            out += [ip, (f' - - {ts} "GET /static/app.{pv.hexstr(r, 8)}.js HTTP/1.1" 200 {r.randint(1000, 90000)} "-" "curl/8.5.0"\n', None)]
    return out


def b_json_logs(c):
    r = c.rng
    t = dt.datetime(2025, r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))
    out = []
    for i in range(r.randint(3, 5)):
        t += dt.timedelta(milliseconds=r.randint(10, 90000))
        ts = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
        lvl, msg = r.choice([("warn", "login failed"), ("error", "payment declined"), ("info", "profile updated"),
                             ("warn", "mfa challenge timeout")])
        out += [(f'{{"ts":"{ts}","level":"{lvl}","msg":"{msg}","user":"', None), c.persona_attr(f"jl{r.randint(0, 2)}", "email"),
                ('","ip":"', None), gc.g_ip(c), (f'","trace_id":"{pv.hexstr(r, 16)}"}}\n', None)]
    return out


def b_k8s_neg(c):
    r = c.rng
    t = dt.datetime(2025, r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))
    pod = f"api-{pv.hexstr(r, 9)}-{pv._rand(r, 'bcdfghjklmnpqrstvwxz2456789', 5)}"
    lines = [f"Started container api (image api:{gc.g_version(c)[0]})",
             "dial tcp 127.0.0.1:5432: connect: connection refused",
             f"Liveness probe failed: HTTP probe failed with statuscode: {r.choice([500, 503])}",
             f"request_id={pv.uuid4(r)} upstream timeout after {r.randint(5, 60)}s",
             "Back-off restarting failed container api", f"OOMKilled (limit {r.choice([256, 512, 1024])}Mi)",
             f"listening on 0.0.0.0:{r.choice([8080, 9090, 3000])}"]
    out = []
    for _ in range(r.randint(4, 6)):
        t += dt.timedelta(seconds=r.randint(1, 120))
        out.append((f"{t.isoformat()}Z {pod} {r.choice(lines)}\n", None))
    return out


def b_md_releases(c):
    r = c.rng
    out = [("| Version | Released | SHA-256 |\n|---|---|---|\n", None)]
    for _ in range(r.randint(3, 5)):
        sha = pv.hexstr(r, 64) if r.random() < 0.6 else "?"
        out.append((f"| {gc.g_version(c)[0]} | {c.fmt(gc.rand_date(r, 2019, 2025))} | {sha} |\n", None))
    return out


NEW_SLOTS.update({"tsv_staff": b_tsv_staff, "md_contacts": b_md_contacts, "csv_leads": b_csv_leads,
                  "md_claims": b_md_claims, "csv_students": b_csv_students, "syslog_sshd": b_syslog_sshd,
                  "access_log": b_access_log, "json_logs": b_json_logs, "k8s_neg": b_k8s_neg,
                  "md_releases": b_md_releases})
SLOTS = dict(gc.SIMPLE, **NEW_SLOTS)

# --------------------------------------------------------------------------- templates
US = ["en_US"]
GB = ["en_GB"]
DE = ["de_DE", "de_AT", "de_CH"]
FR = ["fr_FR", "fr_CA"]
ES = ["es_ES", "es_MX"]
NEG = True
# (category, template, allowed locales or None, PII-free?, lowercase-after marker or None)
TEMPLATES = [
    # ---- e-mail drafting
    ("email_draft", "Polish this before I hit send:\n\nSubject: Handover — ⟦p.full⟧ starting ⟦start_date⟧\n\nTeam, ⟦p.first⟧ joins us from ⟦org⟧ and will sit in the ⟦city⟧ office. Until their account is live, reach them on ⟦p.email⟧.\n— ⟦q.first⟧", None, False, None),
    ("email_draft", "I need a short, firm email to my landlord ⟦p.full⟧ about the broken boiler in my flat at ⟦address⟧. He hasn't answered texts on ⟦p.phone⟧ since ⟦txn_date⟧.", None, False, None),
    ("email_draft", "Write a condolence note to ⟦p.full⟧; her father ⟦q.full⟧ passed away on ⟦death_date⟧. Mention his thirty years at ⟦org⟧ and keep it under 120 words.", None, False, None),
    ("email_draft", "Formuliere eine freundliche Absage an ⟦p.full⟧ (⟦p.email⟧): Die Stelle bei ⟦org⟧ in ⟦city⟧ ist bereits besetzt. Unterschrift: ⟦q.full⟧, Personalabteilung.", DE, False, None),
    ("email_draft", "Convert this HTML signature to plain text:\n<p><b>⟦p.full⟧</b><br>⟦org⟧<br><a href=\"mailto:⟦p.email_html⟧\">⟦p.email_html⟧</a><br>Tel. ⟦phone_ext⟧</p>", None, False, None),
    # ---- support tickets
    ("support_ticket", "[Zendesk] #⟦int_id⟧ — requester ⟦p.full⟧ <⟦p.email⟧>\nChannel: phone (⟦p.phone⟧)\nSubject: parcel ⟦tracking⟧ left with a neighbour at ⟦p.address⟧\nTag it and draft the apology.", None, False, None),
    ("support_ticket", "Escalation for tier 2: account owner ⟦p.full⟧, login ⟦p.email⟧, last seen from ⟦ip⟧ on app ⟦version⟧, card on file ⟦last4⟧. They want the account erased under GDPR — what must we keep?", None, False, None),
    ("support_ticket", "Résume ce ticket : le client ⟦p.full⟧ (tél. ⟦p.phone⟧) signale que la commande ⟦order_no⟧ livrée au ⟦p.address⟧ est incomplète. Il veut une réponse avant vendredi.", FR, False, None),
    # ---- clinical
    ("clinical", "Triage note → structured JSON please:\n⟦p.full⟧, DOB ⟦p.dob⟧, presented ⟦adm_date⟧ at ⟦time⟧ with palpitations. Hx ⟦eponym_disease⟧. Chart no. ⟦mrn⟧. Next of kin ⟦q.full⟧ (⟦q.phone⟧).", None, False, None),
    ("clinical", "Write a patient-friendly summary of this radiology report.\nPatient: ⟦p.last⟧, ⟦p.first⟧ | Patient No. ⟦mrn⟧ | Exam date ⟦visit_date⟧\nReferring: Dr ⟦q.initial_last⟧, ⟦hospital⟧\nFindings: 4 mm non-obstructing calculus, left kidney.", None, False, None),
    ("clinical", "Draft a discharge letter to the GP: ⟦p.full⟧ (NHS ⟦nhs⟧), admitted ⟦adm_date⟧, discharged ⟦dis_date⟧ from ⟦hospital⟧ after a ⟦eponym_disease⟧ flare. GP practice: ⟦org⟧, ⟦city⟧.", GB, False, None),
    ("clinical", "Psych intake (summarise risk only): client ⟦p.full⟧, ⟦age⟧, identifies as ⟦nrp⟧, lives with partner ⟦q.first⟧ at ⟦p.address⟧. First session ⟦visit_date⟧. Insurance member no. ⟦health_plan⟧.", None, False, None),
    ("clinical", "Redacta un recordatorio para ⟦p.full⟧: su cita en ⟦hospital⟧ es el ⟦appt_date⟧ a las ⟦time⟧. Teléfono de contacto: ⟦p.phone⟧.", ES, False, None),
    # ---- code with secrets
    ("code_secret", "kubectl apply keeps rejecting this manifest:\n```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: payments-db\ntype: Opaque\nstringData:\n  DB_HOST: ⟦ipv4⟧\n  DB_USER: svc_payments\n  DB_PASSWORD: \"⟦password⟧\"\n  STRIPE_KEY: ⟦stripe⟧\n```", None, False, None),
    ("code_secret", "Terraform prints my keys in CI output, how do I mark them sensitive?\n```hcl\nprovider \"aws\" {\n  region     = \"eu-central-1\"\n  access_key = \"⟦aws_key⟧\"\n  secret_key = \"⟦aws_secret⟧\"\n}\n# owner: ⟦p.email⟧\n```", None, False, None),
    ("code_secret", "Review this diff before I push:\n```diff\n-GITHUB_TOKEN=⟦github⟧\n+GITHUB_TOKEN=${GITHUB_TOKEN}\n ANTHROPIC_API_KEY=⟦anthropic⟧\n```\nDid I miss anything?", None, False, None),
    ("code_secret", "Port this Node snippet to Rust (reqwest):\n```js\nconst res = await fetch('⟦url_api⟧', {\n  headers: { Authorization: `Bearer ⟦jwt⟧`, 'X-On-Behalf-Of': '⟦p.email_esc⟧' }\n});\n```", None, False, None),
    ("code_secret", "psql rejects my connection string ⟦db_url⟧ — do special characters in the password need escaping? Also rotate the Google key ⟦google⟧ that was in the same commit.", None, False, None),
    # ---- tables
    ("tables", "Turn this TSV into a markdown table sorted by start date:\n⟦tsv_staff⟧", None, False, None),
    ("tables", "Deduplicate this markdown contact list and keep the newest row:\n⟦md_contacts⟧", None, False, None),
    ("tables", "Bereinige diese Lead-Liste (Semikolon-getrennt) und markiere Dubletten:\n⟦csv_leads⟧", DE + ["nl_NL"], False, None),
    # ---- chat
    ("chat", "ok so ⟦p.first⟧'s flight lands ⟦travel_date⟧ at ⟦time⟧ — write me a cute arrivals sign that says welcome home ⟦p.full⟧", None, False, None),
    ("chat", "my new email is ⟦p.email_obf⟧ (spelled out so bots don't scrape it). can you rewrite my newsletter signup blurb with it?", None, False, None),
    ("chat", "what do I write in a card for ⟦p.first⟧ and ⟦q.first⟧'s wedding on ⟦appt_date⟧? they met at ⟦university⟧ and love ⟦country⟧", None, False, None),
    # ---- finance
    ("finance", "Prepare a bank transfer summary:\nDebtor: ⟦p.full⟧, ⟦iban_local⟧\nCreditor: ⟦org⟧, ⟦iban⟧ (BIC ⟦bic⟧)\nAmount: ⟦money_local⟧\nExecution date: ⟦txn_date⟧\nRemittance info: ⟦invoice_no⟧", IBAN_LOCALES, False, None),
    ("finance", "Fraud alert on my phone: ⟦money⟧ at ⟦org⟧ on ⟦txn_date⟧ at ⟦time⟧, card ⟦cc⟧. The number on the back of the card is ⟦phone⟧. What should I say when I call?", None, False, None),
    ("finance", "Complete this payroll change form for ⟦p.full⟧ (SSN ⟦ssn⟧): new checking account ⟦bank_acct⟧ at ⟦bank_org⟧, routing ⟦aba⟧, effective ⟦appt_date⟧.", US, False, None),
    ("finance", "Escreve um e-mail para ⟦p.full⟧ a confirmar a transferência de ⟦money_local⟧ para o IBAN ⟦iban_local⟧ no dia ⟦txn_date⟧.", ["pt_PT"], False, None),
    # ---- HR
    ("hr", "Anonymise this exit-interview summary before it goes to the board: ⟦p.full⟧ (with us since ⟦start_date⟧, reports to ⟦q.full⟧) is leaving ⟦org⟧ for ⟦org2⟧. Personal mobile ⟦p.phone⟧, lives in ⟦p.city⟧.", None, False, None),
    ("hr", "I-9 checklist — which fields are missing?\nEmployee: ⟦p.full⟧\nDate of birth: ⟦p.dob⟧\nList A: U.S. passport no. ⟦passport⟧\nList B: driver's license ⟦dl⟧, issued by ⟦dl_state⟧\nHome address: ⟦p.address⟧", US, False, None),
    ("hr", "Napisz krótkie podziękowanie dla ⟦p.full⟧ za rozmowę kwalifikacyjną w ⟦org⟧. Kontakt: ⟦p.email⟧, tel. ⟦p.phone⟧.", ["pl_PL"], False, None),
    # ---- logs
    ("logs", "Summarise what happened on the bastion host:\n⟦syslog_sshd⟧", None, False, None),
    ("logs", "Which client hit the password-reset endpoint the most?\n⟦access_log⟧", None, False, None),
    ("logs", "Convert these JSON logs to CSV with columns ts,level,user,ip:\n⟦json_logs⟧", None, False, None),
    # ---- travel / ID
    ("travel_id", "Passenger manifest check — anything inconsistent?\n⟦p.last⟧/⟦p.first⟧ MR  PNR ⟦pnr⟧  ⟦flight⟧  ⟦travel_date⟧\nPassport: ⟦passport⟧ (USA)  DOB: ⟦p.dob⟧\nContact: ⟦p.phone⟧", US, False, None),
    ("travel_id", "We're hosting ⟦p.full⟧ from ⟦p.city⟧ for the conference: book a hotel near ⟦address⟧ for check-in on ⟦travel_date⟧ and send the confirmation to ⟦p.email⟧.", None, False, None),
    # ---- insurance
    ("insurance_claim", "Help me fill in the first-notice-of-loss form:\nPolicyholder: ⟦p.full⟧\nPolicy no.: ⟦policy_no⟧ (motor)\nIncident: rear-ended on ⟦incident_date⟧ at ⟦time⟧ near ⟦p.city⟧\nOther driver: ⟦q.full⟧, ⟦q.phone⟧, insured with ⟦insurer⟧\nVehicle VIN: ⟦vin⟧", None, False, None),
    ("insurance_claim", "Write an appeal to ⟦insurer⟧: they denied claim ⟦claim_no⟧ for ⟦p.full⟧'s physiotherapy. Member ID ⟦health_plan⟧, treating clinic ⟦hospital⟧, sessions since ⟦visit_date⟧.", None, False, None),
    ("insurance_claim", "Which of these claims are over the deductible?\n⟦md_claims⟧", None, False, None),
    ("insurance_claim", "Send the payout for claim ⟦claim_no⟧ to ⟦p.full⟧'s checking account ⟦bank_acct⟧ (routing ⟦aba⟧) at ⟦bank_org⟧ and e-mail the remittance advice to ⟦p.email⟧.", US, False, None),
    # ---- legal intake
    ("legal_intake", "New client intake — summarise and flag conflicts of interest:\nProspective client: ⟦p.full⟧ (⟦p.email⟧, ⟦p.phone⟧)\nOpposing party: ⟦q.full⟧ and ⟦org⟧\nMatter: wrongful dismissal; last day of work ⟦end_date⟧\nReferred by: ⟦r.full⟧, ⟦lawfirm⟧", None, False, None),
    ("legal_intake", "Draft a witness statement outline for ⟦p.full⟧, who saw the collision at ⟦address⟧ on ⟦incident_date⟧. Our file reference is ⟦case_no⟧. The witness is ⟦nrp⟧ and has asked for an interpreter.", None, False, None),
    # ---- school / university
    ("school", "Write a note to ⟦q.full⟧ (⟦q.email⟧) saying their son ⟦p.first⟧ missed the ⟦course⟧ exam on ⟦appt_date⟧ and may resit. Sign as ⟦r.full⟧, ⟦school⟧.", None, False, None),
    ("school", "Recommendation letter: ⟦p.full⟧, student no. ⟦student_id⟧, completed her MSc at ⟦university⟧ under my supervision. Contact me at ⟦q.email⟧ or ⟦phone_ext⟧.", None, False, None),
    ("school", "Sort these emergency contacts by homeroom:\n⟦csv_students⟧", None, False, None),
    # ---- real estate
    ("real_estate", "Write a listing description (no personal data in the output!): seller ⟦p.full⟧, property at ⟦address⟧ (⟦gps⟧), ⟦sqm⟧, asking ⟦price_local⟧. Viewings with ⟦q.full⟧ of ⟦agency⟧, ⟦q.phone⟧. Listing ⟦listing⟧.", None, False, None),
    ("real_estate", "Summarise this tenancy application: applicant ⟦p.full⟧, born ⟦p.dob⟧, current address ⟦p.address⟧, employer ⟦org⟧, move-in ⟦appt_date⟧, referee ⟦q.full⟧ ⟦q.email⟧.", None, False, None),
    ("real_estate", "Skriv ett kort svar till ⟦p.full⟧ (⟦p.phone⟧) om att visningen av lägenheten på ⟦p.address⟧ flyttas till ⟦appt_date⟧ kl. ⟦time⟧.", ["sv_SE"], False, None),
    # ---- telecom
    ("telecom", "Port-in request: ⟦p.full⟧ wants to move ⟦p.phone⟧ from ⟦telco⟧ to us. Device IMEI ⟦imei⟧, SIM ICCID ⟦iccid⟧, service address ⟦p.address⟧. Draft the confirmation SMS.", None, False, None),
    ("telecom", "Explain these roaming charges to ⟦p.first⟧: calls to ⟦phone⟧ on ⟦txn_date⟧ while in ⟦country⟧, billed to customer account ⟦acct_telco⟧.", None, False, None),
    ("telecom", "Set up autopay for ⟦p.full⟧: card ⟦cc⟧, expiry ⟦exp⟧, billing postcode ⟦zip⟧, first charge on ⟦appt_date⟧. Confirm back to ⟦p.email⟧.", None, False, None),
    # ---- pharmacy
    ("pharmacy", "Repeat prescription for ⟦p.full⟧, NHS number ⟦nhs⟧: ⟦drug⟧ x 56, collect from ⟦pharmacy⟧ on ⟦appt_date⟧. Write the SMS reminder.", GB, False, None),
    ("pharmacy", "Refill request via ⟦pharmacy⟧: ⟦p.full⟧, DOB ⟦p.dob⟧, ⟦rx_no⟧ (⟦drug⟧), prescriber Dr. ⟦q.last⟧, pickup ⟦appt_date⟧. Callback ⟦p.phone⟧. Is an early refill allowed?", None, False, None),
    ("pharmacy", "Explain this label: ⟦drug⟧, NDC ⟦ndc⟧, dispensed ⟦visit_date⟧ for ⟦p.full⟧, plan member ID ⟦health_plan⟧, ⟦pharmacy⟧ ⟦phone⟧.", US, False, None),
    # ---- crypto support
    ("crypto_support", "Support ticket: user ⟦p.email⟧ says a withdrawal of 0.42 ETH to ⟦eth⟧ never arrived. Tx hash ⟦tx_hash⟧, requested ⟦txn_date⟧ from IP ⟦ip⟧. Write the reply.", None, False, None),
    ("crypto_support", "KYC review: ⟦p.full⟧, ⟦p.address⟧, deposit address ⟦btc⟧, withdrawal whitelist ⟦btc2⟧. Flag anything unusual.", None, False, None),
    # ---- government forms
    ("gov_form", "Help me answer the passport renewal form (DS-82): name ⟦p.full⟧, most recent passport number ⟦passport⟧ issued ⟦issue_date⟧, SSN ⟦ssn⟧, mailing address ⟦p.address⟧.", US, False, None),
    ("gov_form", "Fill in the change-of-address notification for the municipality: name ⟦p.full⟧, born ⟦p.dob⟧ in ⟦p.city⟧, old address ⟦address⟧, new address ⟦p.address⟧, moving date ⟦appt_date⟧, e-mail ⟦p.email⟧.", None, False, None),
    ("gov_form", "Is this DMV renewal complete? Applicant ⟦p.full⟧, license no. ⟦dl⟧ (⟦dl_state⟧), DOB ⟦p.dob⟧, daytime phone ⟦p.phone⟧.", US, False, None),
    # ---- calendar invites
    ("calendar", "Turn this into an .ics event:\nTitle: 1:1 ⟦p.first⟧ / ⟦q.first⟧\nWhen: ⟦appt_date⟧, ⟦time_range⟧\nWhere: ⟦org⟧, ⟦address⟧\nOrganizer: ⟦p.email⟧\nAttendees: ⟦q.email⟧, ⟦r.email⟧", None, False, None),
    ("calendar", "Write a polite reschedule message for the video call with ⟦p.full⟧ (⟦org⟧) originally on ⟦appt_date⟧ at ⟦time⟧. Meeting ID ⟦meeting_id⟧, dial-in ⟦phone⟧.", None, False, None),
    # ---- voice-mail transcripts
    ("voicemail", "Clean up this voicemail transcript:\n\"hi this is ⟦p.full⟧ from ⟦org⟧ calling about your appointment on ⟦appt_date⟧ at ⟦time⟧ um please call me back on ⟦phone⟧ thanks bye\"", None, False, "\""),
    ("voicemail", "Voicemail (auto-transcribed, 0:42): Hello, message for ⟦p.first⟧. It's ⟦q.first⟧ from ⟦hospital⟧ — your results are in. Please ring ⟦phone_ext⟧ and quote patient number ⟦mrn⟧.", None, False, None),
    # ---- OCR'd letters
    ("ocr_letter", "This is OCR output from a scanned letter, fix the errors:\n⟦p.full⟧\n⟦p.address_block⟧\n\nDear ⟦p.first⟧,\nRe: y0ur acc0unt ending ⟦last4⟧\nWe wr1te to conflrm that the direct debit from ⟦iban_local⟧ wiIl start on ⟦appt_date⟧.\nYours sincereIy,\n⟦q.full⟧, ⟦bank_org⟧", IBAN_LOCALES, False, None),
    ("ocr_letter", "OCR'd clinic letter, extract the fields as JSON:\n⟦hospital⟧ | Tel ⟦phone⟧\nPatient: ⟦p.full⟧    D.O.B. ⟦p.dob⟧\nHosp. No. ⟦mrn⟧\nAppointment: ⟦appt_date⟧ ⟦time⟧  Clinic 4B", None, False, None),

    # ================= PII-free hard negatives =================
    ("support_ticket", "Ticket ⟦ticket_id⟧ was auto-merged into ⟦ticket_id2⟧; the customer (name withheld) quotes order ⟦order_no⟧ and parcel ⟦tracking⟧. Write an internal note without personal details.", None, NEG, None),
    ("code_secret", "Our secret scanner flagged these lines — which are real credentials?\n```\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nGITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nOPENAI_API_KEY=⟦placeholder⟧\nCOMMIT=⟦git_sha⟧\nIMAGE_DIGEST=sha256:⟦sha256⟧\n```", None, NEG, None),
    ("logs", "Why does this pod keep restarting?\n⟦k8s_neg⟧", None, NEG, None),
    ("finance", "Our payment form accepted ⟦invalid_cc⟧ but rejected the IBAN ⟦invalid_iban⟧. Walk me through the Luhn and mod-97 checks for both.", None, NEG, None),
    ("clinical", "Validate these NHS-number look-alikes from a test fixture: ⟦invalid_nhs⟧ and ⟦invalid_nhs2⟧. Explain why each check digit fails.", None, NEG, None),
    ("hr", "The HR portal shows the SSN as ⟦masked_ssn⟧, the salary card as ⟦masked_card⟧ and the payout IBAN as ⟦masked_iban⟧. Is that masking enough for our audit?", None, NEG, None),
    ("crypto_support", "Is ⟦btc_bad⟧ a valid Bitcoin address? Our validator says the checksum fails. And what is ⟦tx_hash⟧ — an address or a transaction?", None, NEG, None),
    ("logs", "After upgrading the switch firmware from ⟦version_ip⟧ to ⟦version_ip2⟧ the management UI only listens on ⟦loopback⟧. Expected for build ⟦build⟧?", None, NEG, None),
    ("calendar", "Create a team calendar note: ⟦holiday⟧ — office closed. Reminder: ⟦fiscal⟧ closes the books; stand-ups stay at ⟦duration_short⟧.", None, NEG, None),
    ("legal_intake", "For a 40-person SaaS company, summarise the key obligations under ⟦law⟧ and list what changed since ⟦year⟧.", None, NEG, None),
    ("insurance_claim", "Explain deductible vs. co-insurance for a family plan renewing on ⟦np_date⟧; the waiting period is ⟦duration⟧ and the policy covers ages ⟦age⟧ and up.", None, NEG, None),
    ("school", "Draft the timetable announcement: autumn term starts ⟦np_date⟧, half-term lasts ⟦duration⟧, ⟦course⟧ moves to room B-⟦int_id⟧, and pupils aged ⟦age_kid⟧+ may leave at lunch.", None, NEG, None),
    ("real_estate", "Market note: three-bed flats in ⟦country⟧ averaged ⟦money⟧ last quarter, up ⟦pct⟧; listing ⟦listing⟧ has been on the market for ⟦duration⟧. Write two neutral sentences.", None, NEG, None),
    ("telecom", "Our support bot treats IMEI ⟦imei⟧ as a card number. Write a regex plus check that tells IMEIs apart from payment card numbers.", None, NEG, None),
    ("pharmacy", "What is the usual adult dose of ⟦drug⟧? The box says NDC ⟦ndc⟧, lot ⟦lot⟧, expiry ⟦exp⟧.", None, NEG, None),
    ("gov_form", "What is the difference between Form ⟦gov_form⟧ and Form ⟦gov_form2⟧, and why does processing take ⟦duration⟧? Receipt numbers look like ⟦receipt_no⟧.", None, NEG, None),
    ("chat", "write a limerick about the ⟦nrp_thing⟧ in our office and ⟦eponym_tech⟧", None, NEG, None),
    ("tables", "Fill in the missing checksums in this release table:\n⟦md_releases⟧", None, NEG, None),
    ("travel_id", "The winter timetable starts ⟦np_date⟧; flight ⟦flight⟧ will then depart at ⟦np_time⟧ instead of ⟦np_time2⟧. Draft a generic notice to all passengers (no names).", None, NEG, None),
    ("email_draft", "Write a generic release e-mail: ⟦software⟧ ⟦version⟧ ships ⟦np_date⟧, fixes ⟦cve⟧ (see ⟦kb⟧), and drops support for ⟦software2⟧ ⟦version2⟧.", None, NEG, None),
    ("voicemail", "Write our office voicemail greeting: closed for ⟦holiday⟧, back after ⟦duration⟧; for order status please have your order number (like ⟦order_no⟧) ready.", None, NEG, None),
    ("ocr_letter", "Clean up this OCR text from a public notice:\nN0TICE OF PLANNED MAINTENANCE\nRef. ⟦ticket_id⟧\nWorks start ⟦np_date⟧ and last ⟦duration⟧. Affected firmware: ⟦version⟧, ⟦version2⟧.\nChecksum (SHA-1): ⟦sha1⟧", None, NEG, None),
    ("finance", "Reconcile these without exposing anything: invoice ⟦invoice_no⟧, PO ⟦order_no⟧, ABA routing ⟦aba⟧, BIC ⟦bic⟧, SSN look-alike ⟦bad_ssn⟧ from the test suite. Which would a validator reject?", None, NEG, None),
]

# --------------------------------------------------------------------------- rendering


BAD_LOOKALIKES: list = []
PHONE_REGION: dict = {}  # phone value -> (region it was generated for, region must match exactly)


def resolve(c, name):
    if name in c.cache:
        return c.cache[name]
    if "." in name:
        key, attr = name.split(".", 1)
        val = c.persona_attr(key, attr)
    else:
        base = name if name in SLOTS else name.rstrip("0123456789")
        val = SLOTS[base](c)
    c.cache[name] = val
    return val


def render(c, template, lower_after=None):
    pieces, pos = [], 0
    for m in gc.SLOT_RE.finditer(template):
        pieces.append((template[pos:m.start()], None))
        v = resolve(c, m.group(1))
        pieces.extend(v if isinstance(v, list) else [v])
        pos = m.end()
    pieces.append((template[pos:], None))
    if lower_after:
        out, on = [], False
        for s, lab in pieces:
            if not on and lab is None and lower_after in s:
                i = s.index(lower_after) + len(lower_after)
                s, on = s[:i] + s[i:].lower(), True
            elif on:
                s = s.lower()
            out.append((s, lab))
        pieces = out
    text, spans, values = "", [], []
    for s, lab in pieces:
        if lab is not None and s:
            lead, trail = len(s) - len(s.lstrip()), len(s) - len(s.rstrip())
            spans.append({"start": len(text) + lead, "end": len(text) + len(s) - trail, "label": lab})
            values.append(s.strip())
        text += s
    assert [text[sp["start"]:sp["end"]] for sp in spans] == values
    return text, spans


# --------------------------------------------------------------------------- self-check
def btc_ok(a: str) -> bool:
    if a.startswith("bc1"):
        hrp, data = a[:a.rfind("1")], a[a.rfind("1") + 1:]
        if any(ch not in pv.BECH32 for ch in data):
            return False
        vals = [pv.BECH32.index(ch) for ch in data]
        exp = [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]
        return pv._bech32_polymod(exp + vals) == 1
    if any(ch not in pv.B58 for ch in a):
        return False
    n = 0
    for ch in a:
        n = n * 58 + pv.B58.index(ch)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(a) - len(a.lstrip("1"))) + raw
    return len(raw) == 25 and hashlib.sha256(hashlib.sha256(raw[:-4]).digest()).digest()[:4] == raw[-4:]


def ssn_ok(s: str) -> bool:
    d = re.sub(r"\D", "", s)
    return len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"


def nhs_ok(s: str) -> bool:
    d = re.sub(r"\D", "", s)
    return len(d) == 10 and pv.nhs_check(d[:9]) == int(d[9])


def self_check(rows):
    errors = []
    for ex in rows:
        t, prev = ex["text"], 0
        for sp in ex["spans"]:
            s, e, lab = sp["start"], sp["end"], sp["label"]
            v = t[s:e]
            ok = 0 <= s < e <= len(t) and s >= prev and v == v.strip() and v
            prev = e
            if lab == "CREDIT_CARD":
                ok = ok and pv.luhn_ok(v) and 13 <= len(re.sub(r"\D", "", v)) <= 19
            elif lab == "IBAN_CODE":
                c = v.replace(" ", "")
                ok = ok and pv.iban_ok(v) and IBAN_LEN.get(c[:2]) == len(c)
            elif lab == "UK_NHS":
                ok = ok and nhs_ok(v)
            elif lab == "US_SSN":
                ok = ok and ssn_ok(v)
            elif lab == "CRYPTO":
                ok = ok and (btc_ok(v) if not v.startswith("0x") else re.fullmatch(r"0x[0-9a-f]{40}", v) is not None)
            elif lab == "PHONE_NUMBER":
                reg, strict = PHONE_REGION.get(v, (None, False))
                try:
                    n = phonenumbers.parse(v, reg)
                    ok = ok and reg is not None and phonenumbers.is_valid_number(n) and (
                        not strict or phonenumbers.region_code_for_number(n) == reg)
                except phonenumbers.NumberParseException:
                    ok = False
            elif lab == "US_BANK_NUMBER":
                ok = ok and re.fullmatch(r"\d{8,17}", v) is not None
            if not ok:
                errors.append((ex["id"], lab, v))
        if not ex["spans"] and re.search(r"@|https?://|www\.", t):
            errors.append((ex["id"], "PII-free row contains @/URL", t[:60]))
    for kind, v in BAD_LOOKALIKES:
        bad = {"cc": lambda x: pv.luhn_ok(x), "iban": lambda x: pv.iban_ok(x), "nhs": nhs_ok, "btc": btc_ok,
               "ssn": ssn_ok}[kind](v)
        if bad:
            errors.append(("look-alike", kind, v))
    # every look-alike that made it into the corpus must be unlabelled
    labelled = {ex["text"][s["start"]:s["end"]] for ex in rows for s in ex["spans"]}
    for kind, v in BAD_LOOKALIKES:
        if v in labelled:
            errors.append(("look-alike labelled", kind, v))
    return errors


# --------------------------------------------------------------------------- main
def main():
    if os.environ.get("PYTHONHASHSEED") != "0":  # Faker draws some data from sets: pin hashing (as gen_corpus does)
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    rng = random.Random(SEED)
    fakers = {}
    for i, loc in enumerate(LOCS):
        f = Faker(FAKER_NAME.get(loc, loc))
        f.seed_instance(SEED + i)
        fakers[loc] = f

    pos_t = [i for i, t in enumerate(TEMPLATES) if not t[3]]
    neg_t = [i for i, t in enumerate(TEMPLATES) if t[3]]
    n_neg = round(N_ROWS * NEG_SHARE)
    plan = []
    for idxs, n in ((pos_t, N_ROWS - n_neg), (neg_t, n_neg)):
        base = [idxs[k % len(idxs)] for k in range(n)]
        plan += base
    rng.shuffle(plan)

    per_cat_counter = Counter()
    tid = {}
    for i, (cat, *_r) in enumerate(TEMPLATES):
        tid[i] = f"{cat}#{per_cat_counter[cat]}"
        per_cat_counter[cat] += 1

    seen, out = set(), []
    for ti in plan:
        cat, tpl, locs, neg, lower = TEMPLATES[ti]
        for _attempt in range(30):
            if locs:
                loc = rng.choices(locs, [dict(LOCALES)[l] for l in locs])[0]
            else:
                loc = rng.choices(LOCS, LW)[0]
            c = C11(rng, fakers, loc)
            n_bad = len(BAD_LOOKALIKES)
            text, spans = render(c, tpl, lower)
            if text not in seen:
                break
            del BAD_LOOKALIKES[n_bad:]
        seen.add(text)
        assert bool(spans) != neg, (tid[ti], text)
        out.append({"id": f"ch11-{len(out) + 1:04d}", "text": text, "spans": spans,
                    "meta": {"category": cat, "template": tid[ti], "locale": loc}})

    errs = self_check(out)
    with open(OUT, "w", encoding="utf-8") as fh:
        for ex in out:
            fh.write(json.dumps(ex, ensure_ascii=False) + "\n")

    lc = Counter(s["label"] for ex in out for s in ex["spans"])
    cc = Counter(ex["meta"]["category"] for ex in out)
    locc = Counter(ex["meta"]["locale"] for ex in out)
    neg = sum(1 for ex in out if not ex["spans"])
    print(f"wrote {len(out)} rows to {OUT}; {sum(lc.values())} spans; {len(TEMPLATES)} templates "
          f"({len(pos_t)} with PII, {len(neg_t)} PII-free); PII-free rows {neg} ({neg / len(out):.1%})")
    print("per label:")
    for k, v in lc.most_common():
        print(f"  {k:24s} {v}")
    print("per category (rows / PII-free):")
    for k, v in sorted(cc.items()):
        print(f"  {k:18s} {v:4d} / {sum(1 for ex in out if ex['meta']['category'] == k and not ex['spans'])}")
    print("per locale:")
    for k, v in locc.most_common():
        print(f"  {k:8s} {v}")
    print(f"look-alikes checked invalid: {len(BAD_LOOKALIKES)}")
    if errs:
        print(f"SELF-CHECK FAILED ({len(errs)}):")
        for e in errs[:40]:
            print("  ", e)
        sys.exit(1)
    print("self-check OK")


if __name__ == "__main__":
    main()
