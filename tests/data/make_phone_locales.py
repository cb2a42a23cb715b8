#!/usr/bin/env python3
"""Build tests/data/phone_locales.jsonl: phone numbers of 56 locales as Faker writes them.

The dev corpus's phones come from Faker's `phone_number()` for nine locales, kept when libphonenumber
(`phonenumbers`) calls them valid; the hidden holdout uses other locales. This set does the same for 56
locales (20 numbers each, in four plain contexts), so national formats we do not parse show up as misses.
The contexts are deliberately plain: the set measures number formats, not context handling.

Needs `faker` and `phonenumbers` from PyPI (not needed to run the tests: the output is committed).
Usage: python3 tests/data/make_phone_locales.py [--out tests/data/phone_locales.jsonl]
Deterministic for a given Faker / phonenumbers version (written with Faker 40.63.0, phonenumbers 9.0.43).
"""
from __future__ import annotations

import argparse
import json

import phonenumbers
from faker import Faker

LOCALES = {
    "en_US": "US", "en_GB": "GB", "en_IN": "IN", "de_DE": "DE", "fr_FR": "FR", "it_IT": "IT", "es_ES": "ES",
    "nl_NL": "NL", "pt_BR": "BR", "en_AU": "AU", "en_CA": "CA", "en_NZ": "NZ", "en_IE": "IE", "pl_PL": "PL",
    "sv_SE": "SE", "ja_JP": "JP", "pt_PT": "PT", "es_MX": "MX", "da_DK": "DK", "no_NO": "NO", "fi_FI": "FI",
    "cs_CZ": "CZ", "ru_RU": "RU", "tr_TR": "TR", "zh_CN": "CN", "ko_KR": "KR", "he_IL": "IL", "hu_HU": "HU",
    "ro_RO": "RO", "el_GR": "GR", "uk_UA": "UA", "id_ID": "ID", "th_TH": "TH", "vi_VN": "VN", "de_AT": "AT",
    "de_CH": "CH", "fr_CH": "CH", "nl_BE": "BE", "fr_CA": "CA", "es_CO": "CO", "es_CL": "CL", "zh_TW": "TW",
    "hi_IN": "IN", "sk_SK": "SK", "bg_BG": "BG", "hr_HR": "HR", "sl_SI": "SI", "lt_LT": "LT", "lv_LV": "LV",
    "et_EE": "EE", "fa_IR": "IR", "ar_SA": "SA", "ar_AE": "AE", "ar_EG": "EG", "bn_BD": "BD", "ne_NP": "NP",
}
CONTEXTS = [
    "Phone: {x}",
    "If anything comes up ring me on {x}.",
    "Contact details: jo@example.org, {x}, https://example.org/jo",
    "The patient's phone is {x}.",
]
PER_LOCALE = 20


def rows():
    for loc, region in LOCALES.items():
        fk = Faker(loc)
        fk.seed_instance(11)
        got = 0
        for _ in range(400):
            if got == PER_LOCALE:
                break
            s = fk.phone_number()
            try:
                if not phonenumbers.is_valid_number(phonenumbers.parse(s, region)):
                    continue
            except phonenumbers.NumberParseException:
                continue
            template = CONTEXTS[got % len(CONTEXTS)]
            start = template.index("{x}")
            yield {
                "id": f"{loc}-{got}",
                "text": template.replace("{x}", s),
                "spans": [{"start": start, "end": start + len(s), "label": "PHONE_NUMBER"}],
                "meta": {"locale": loc, "category": loc},
                "label_scope": ["PHONE_NUMBER"],
            }
            got += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="tests/data/phone_locales.jsonl")
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as f:
        for r in rows():
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
