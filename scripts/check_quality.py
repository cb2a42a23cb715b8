#!/usr/bin/env python3
"""Compare score.py summaries against the quality bar; exit 1 listing every figure below it.

Usage: check_quality.py BAR.json OUTDIR   (OUTDIR holds dev.summary.json, peer.summary.json, ...)
The bar file maps a summary name to checks:
  {"dev": {"per_label_strict_f1_min": {"CREDIT_CARD": 0.95, ...},
           "structured_leak_max": 0.01, "clean_false_alarm_max": 0.10, ...}}
"""
import json
import os
import sys

STRUCTURED = {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "US_PASSPORT",
              "US_DRIVER_LICENSE", "US_BANK_NUMBER", "IP_ADDRESS", "MAC_ADDRESS", "URL", "DATE_TIME",
              "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "CRYPTO", "UK_NHS", "SECRET"}


def main():
    bar = json.load(open(sys.argv[1]))
    out = sys.argv[2]
    failures = []
    for name, checks in bar.items():
        if name.startswith("_"):
            continue
        s = json.load(open(os.path.join(out, f"{name}.summary.json")))
        pl = s["per_label"]
        for label, lo in checks.get("per_label_strict_f1_min", {}).items():
            got = pl.get(label, {}).get("strict", {}).get("f1", 0.0)
            if got < lo:
                failures.append(f"{name}: {label} strict F1 {got:.3f} < {lo}")
        for label, lo in checks.get("per_label_overlap_f1_min", {}).items():
            got = pl.get(label, {}).get("overlap", {}).get("f1", 0.0)
            if got < lo:
                failures.append(f"{name}: {label} overlap F1 {got:.3f} < {lo}")
        if "structured_leak_max" in checks:
            # Combined leak rate of the structured labels (DATE_TIME has its own F1 bar).
            labels = [l for l in pl if l in STRUCTURED and l != "DATE_TIME"]
            gold = sum(pl[l]["gold"] for l in labels)
            leak = sum((pl[l]["leak_rate"] or 0.0) * pl[l]["gold"] for l in labels) / gold if gold else 0.0
            if leak > checks["structured_leak_max"]:
                failures.append(f"{name}: structured leak rate {leak:.4f} > {checks['structured_leak_max']}")
        simple = {"leak_max": ("leak_rate", max), "over_redaction_max": ("over_redaction", max),
                  "clean_false_alarm_max": ("clean_doc_false_alarm_rate", max),
                  "micro_strict_f1_min": (None, min)}
        for key, (field, kind) in simple.items():
            if key not in checks:
                continue
            got = s["micro"]["strict"]["f1"] if field is None else s[field]
            limit = checks[key]
            if (kind is max and got > limit) or (kind is min and got < limit):
                failures.append(f"{name}: {key.replace('_', ' ')}: {got:.4f} vs bar {limit}")
    if failures:
        print("QUALITY BAR: FAILED")
        for f in failures:
            print("  " + f)
        sys.exit(1)
    print("QUALITY BAR: all figures at or above the bar")


if __name__ == "__main__":
    main()
