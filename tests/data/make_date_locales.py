#!/usr/bin/env python3
"""Build tests/data/date_locales.jsonl: personal dates of 49 locales in the formats CLDR gives them.

Each date is written with babel's `format_date` in the locale's short, medium and long format (CLDR data:
"03/06/2024", "16 ago 1980", "1970. május 14.", "21 июля 1964 г.", "5 มีนาคม ค.ศ. 1977" …) and put in four
plain personal contexts (birth, appointment, admission). The set measures which national date formats the
patterns parse, not context handling, so the contexts are English and always personal.

Gold spans are babel's whole output. Some formats carry a year word or era after the date ("г.", "р.",
"ค.ศ."), which our spans leave out, so strict scores are not the point here: the CI bar checks overlap F1.

Needs `babel` from PyPI (not needed to run the tests: the output is committed).
Usage: python3 tests/data/make_date_locales.py [--out tests/data/date_locales.jsonl]
Deterministic for a given babel version (written with babel 2.19.0).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random

from babel.dates import format_date

LOCALES = [
    "en_US", "en_GB", "en_AU", "en_IN", "de_DE", "de_CH", "fr_FR", "fr_CA", "es_ES", "es_MX", "it_IT", "nl_NL",
    "pt_BR", "pt_PT", "pl_PL", "sv_SE", "da_DK", "nb_NO", "fi_FI", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "el_GR",
    "tr_TR", "ru_RU", "uk_UA", "bg_BG", "hr_HR", "sl_SI", "lt_LT", "lv_LV", "et_EE", "id_ID", "ms_MY", "vi_VN",
    "th_TH", "ja_JP", "zh_CN", "zh_TW", "ko_KR", "he_IL", "ar_SA", "fa_IR", "hi_IN", "bn_BD", "sw_KE", "fil_PH",
    "ca_ES",
]
CONTEXTS = [
    "Date of birth: {x}",
    "She was born on {x}.",
    "Appointment: {x}, please arrive early.",
    "Admitted {x} with chest pain.",
]


def rows():
    rng = random.Random(5)
    lo, hi = dt.date(1940, 1, 1).toordinal(), dt.date(2025, 12, 28).toordinal()
    for loc in LOCALES:
        for fmt in ["short", "medium", "long"]:
            for j, template in enumerate(CONTEXTS):
                value = format_date(dt.date.fromordinal(rng.randint(lo, hi)), format=fmt, locale=loc)
                start = template.index("{x}")
                yield {
                    "id": f"{loc}-{fmt}-{j}",
                    "text": template.replace("{x}", value),
                    "spans": [{"start": start, "end": start + len(value), "label": "DATE_TIME"}],
                    "meta": {"category": loc, "template": fmt, "locale": loc},
                    "label_scope": ["DATE_TIME"],
                }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="tests/data/date_locales.jsonl")
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as f:
        for r in rows():
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
