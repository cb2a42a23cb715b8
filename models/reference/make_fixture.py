#!/usr/bin/env python3
"""Reference outputs of the Rampart q4 model, for the Rust NER pipeline's agreement test.

How rampart_fixture.json was produced (exactly):

    bash scripts/setup.sh                       # models/artifacts/rampart/ (sha256-checked)
    python3 -m venv /tmp/rampart-venv
    /tmp/rampart-venv/bin/pip install onnxruntime==1.32.0 tokenizers numpy
    /tmp/rampart-venv/bin/python models/reference/make_fixture.py \
        models/artifacts/rampart models/reference/rampart_fixture.json

Versions PyPI gave on that day (CPython 3.11.7, linux x86_64):
    onnxruntime 1.32.0 (its libonnxruntime.so.1.32.0 has the same sha256 as the one setup.sh
    extracts: 6c1585d1...658638f), tokenizers 0.23.3, numpy 2.4.6.

What the script does, per sentence (no batching, no padding, no truncation; all are < 512 tokens):
  * tokenizer.json via `tokenizers.Tokenizer.from_file`, `encode(text, add_special_tokens=True)`;
  * feeds input_ids, attention_mask (all 1) and token_type_ids (all 0) as int64 [1, n], choosing
    the inputs by the graph's input names as the Rust prototype does;
  * session: CPUExecutionProvider, graph optimisation ORT_ENABLE_ALL (= Rust Level3),
    intra_op_num_threads=1 (deterministic; other thread counts may move logits in the last bits);
  * output `logits` [1, n, 35]; label = argmax per token (first maximum on ties), names from
    config.json `id2label`.

Offsets: Python `tokenizers` returns offsets in CHARACTERS (Unicode code points of `text`);
Rust `tokenizers` returns BYTE offsets into the UTF-8 string. Both are stored: `char_offsets`
as given by Python, `byte_offsets` computed from them (len(text[:c].encode("utf-8"))).
Special tokens ([CLS], [SEP]) have offsets [0, 0].

`logits_first3` holds the raw logits of tokens 0..3 (i.e. [CLS] and the first two word pieces),
rounded to 4 decimals: compare with a tolerance (1e-3 is ample), labels exactly.
`argmax_margin` is the top-1 minus top-2 logit per token (the smallest in this set is ~0.09;
thread count and graph optimisation level moved logits by at most ~5e-5 when checked).
`spans` is only a human-readable aid: consecutive non-O tokens merged the way the Rust prototype
does (continue on I- of the same type, or on another piece of the same word with the same type);
the product's aggregation may differ, so a test should not depend on it.
"""

import hashlib
import json
import re
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

SENTENCES = [
    # id, text
    ("en_name_ssn", "My name is Alex Rivera and my SSN is 472-81-0094."),
    ("unicode_name", "Please forward the signed contract to Zoë Müller-Łukasiewicz before Friday."),
    ("us_address", "Send the invoice to Maria Garcia, 1600 Amphitheatre Parkway, Apt 4B, Mountain View, CA 94043."),
    ("uk_address", "Hi, I'm Sarah O'Connor, I live at Flat 2, 42 Baker Street, London NW1 6XE, United Kingdom."),
    ("email", "You can reach the new hire at jonathan.whitaker@example.com if anything is missing."),
    ("phone", "Call me back on (415) 555-0132 or at +44 20 7946 0958 after six."),
    ("no_pii", "The quarterly report shows that revenue grew by twelve percent compared to last year."),
    ("url", "My portfolio is at https://www.example.org/people/dchen and my handle there is dchen88."),
    ("ids", "My passport number is 912803456 and my driver's license is D1234567, issued in Texas."),
    ("bank", "Wire the deposit to account 000123456789, routing number 021000021, tax ID 12-3456789."),
    ("non_latin_emoji", "Ask 李雷 (li.lei@example.cn) 🙂 or Søren Kierkegaard about the Café Ünter booking."),
    ("paragraph", (
        "Dear support team, my name is Daniel Okafor and I moved last month. Please update my "
        "billing address to 77 Maple Avenue, Suite 310, Springfield, IL 62704. My wife, Grace "
        "Okafor, should also be able to call about the account from her phone, 217-555-0199. "
        "You can email either of us at okafor.family@example.net. The weather has been lovely "
        "and we are enjoying the new neighbourhood. Thanks, Dan."
    )),
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def spans_prototype_rule(text, offsets, words, labels):
    spans = []  # [type, start, end, word]
    for (s, e), w, lab in zip(offsets, words, labels):
        if s == e or lab == "O":
            continue
        ty = lab[2:]
        if spans and spans[-1][0] == ty and (lab.startswith("I-") or spans[-1][3] == w):
            spans[-1][2] = e
            spans[-1][3] = w
        else:
            spans.append([ty, s, e, w])
    return [{"label": t, "char_start": s, "char_end": e, "text": text[s:e]} for t, s, e, _ in spans]


def compact_json(obj) -> str:
    """Indented JSON with lists of scalars (and lists of those) kept on one line."""
    text = json.dumps(obj, indent=2, ensure_ascii=False)
    scalar_list = re.compile(r"\[\s*((?:[^\[\]{}\"]|\"(?:[^\"\\]|\\.)*\")*?)\s*\]", re.S)
    for _ in range(2):  # inner lists first, then lists of (now one-line) lists
        text = scalar_list.sub(lambda m: "[" + re.sub(r"\s*\n\s*", " ", m.group(1)) + "]", text)
        text = re.sub(r"\[\s*((?:\[[^\[\]\n]*\],?\s*)+)\]",
                      lambda m: "[" + re.sub(r"\s*\n\s*", " ", m.group(1)).strip() + "]", text)
    return text + "\n"


def main():
    model_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "models/artifacts/rampart")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "models/reference/rampart_fixture.json")
    onnx_path = model_dir / "onnx" / "model_q4.onnx"
    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    config = json.loads((model_dir / "config.json").read_text())
    id2label = {int(k): v for k, v in config["id2label"].items()}

    so = ort.SessionOptions()
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(onnx_path), so, providers=["CPUExecutionProvider"])
    input_names = [i.name for i in sess.get_inputs()]

    cases = []
    for case_id, text in SENTENCES:
        enc = tok.encode(text, add_special_tokens=True)
        n = len(enc.ids)
        assert n <= 512, (case_id, n)
        feed = {}
        if "input_ids" in input_names:
            feed["input_ids"] = np.array([enc.ids], dtype=np.int64)
        if "attention_mask" in input_names:
            feed["attention_mask"] = np.array([enc.attention_mask], dtype=np.int64)
        if "token_type_ids" in input_names:
            feed["token_type_ids"] = np.zeros((1, n), dtype=np.int64)
        (logits,) = sess.run(["logits"], feed)
        logits = logits[0]
        label_ids = [int(i) for i in logits.argmax(axis=-1)]
        top2 = np.sort(logits, axis=-1)[:, -2:]
        margins = [round(float(m), 4) for m in top2[:, 1] - top2[:, 0]]
        labels = [id2label[i] for i in label_ids]
        char_offsets = [list(o) for o in enc.offsets]
        byte_offsets = [[len(text[:s].encode("utf-8")), len(text[:e].encode("utf-8"))] for s, e in enc.offsets]
        cases.append({
            "id": case_id,
            "text": text,
            "n_tokens": n,
            "tokens": enc.tokens,
            "input_ids": enc.ids,
            "word_ids": enc.word_ids,
            "label_ids": label_ids,
            "labels": labels,
            "char_offsets": char_offsets,
            "byte_offsets": byte_offsets,
            "argmax_margin": margins,
            "logits_first3": [[round(float(x), 4) for x in row] for row in logits[:3]],
            "spans": spans_prototype_rule(text, enc.offsets, enc.word_ids, labels),
        })

    fixture = {
        "about": "Rampart q4 reference outputs; produced by models/reference/make_fixture.py (see its header)",
        "model": {
            "onnx": "rampart/onnx/model_q4.onnx",
            "onnx_sha256": sha256(onnx_path),
            "tokenizer_sha256": sha256(model_dir / "tokenizer.json"),
            "config_sha256": sha256(model_dir / "config.json"),
            "inputs": [[i.name, i.type, [str(d) for d in i.shape]] for i in sess.get_inputs()],
            "outputs": [[o.name, o.type, [str(d) for d in o.shape]] for o in sess.get_outputs()],
        },
        "generator": {
            "python": sys.version.split()[0],
            "onnxruntime": version("onnxruntime"),
            "tokenizers": version("tokenizers"),
            "numpy": version("numpy"),
            "session": "CPUExecutionProvider, ORT_ENABLE_ALL, intra_op_num_threads=1",
            "token_type_ids": "all 0",
            "logits_rounding": 4,
            "offsets": "char_offsets are code points (Python tokenizers); byte_offsets are UTF-8 bytes (Rust tokenizers)",
        },
        "id2label": {str(k): v for k, v in sorted(id2label.items())},
        "cases": cases,
    }
    out.write_text(compact_json(fixture), encoding="utf-8")
    print(f"wrote {out}: {len(cases)} cases, {sum(c['n_tokens'] for c in cases)} tokens")


if __name__ == "__main__":
    main()
