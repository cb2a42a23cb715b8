"""Quantize the fine-tuned float model to int8 and install it under models/scrim-ner/.

  python export.py RUN_DIR TOKENIZER_JSON OUT_DIR HELDOUT_JSONL

Dynamic int8 quantization (onnxruntime.quantization.quantize_dynamic, QInt8 weights: standard ONNX
ops only, deterministic for the pinned versions). Checks that the int8 graph picks the same label as
the float graph on held-out text (prints the agreement) and writes OUT_DIR/onnx/model_int8.onnx,
OUT_DIR/config.json (id2label) and OUT_DIR/tokenizer.json.
"""
import hashlib
import json
import os
import shutil
import sys
import tempfile

import numpy as np
import onnxruntime as ort
from onnxruntime.quantization import QuantType, quantize_dynamic
from tokenizers import Tokenizer


def main():
    run, tok_path, out, heldout = sys.argv[1:5]
    os.makedirs(f"{out}/onnx", exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        q = f"{tmp}/model_int8.onnx"
        quantize_dynamic(f"{run}/model.onnx", q, weight_type=QuantType.QInt8)
        tok = Tokenizer.from_file(tok_path)
        so = ort.SessionOptions()
        so.intra_op_num_threads = 2
        f32 = ort.InferenceSession(f"{run}/model.onnx", so, providers=["CPUExecutionProvider"])
        i8 = ort.InferenceSession(q, so, providers=["CPUExecutionProvider"])
        agree = total = 0
        rows = [json.loads(line) for line in open(heldout, encoding="utf-8")][:400]
        for row in rows:
            ids = np.array([tok.encode(row["text"]).ids[:512]], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
            a = f32.run(None, feed)[0][0].argmax(-1)
            b = i8.run(None, feed)[0][0].argmax(-1)
            agree += int((a == b).sum())
            total += len(a)
        print(f"int8 vs float32 argmax agreement on {len(rows)} held-out texts: {agree / total:.4f} ({total} tokens)")
        shutil.copy(q, f"{out}/onnx/model_int8.onnx")
    shutil.copy(f"{run}/config.json", f"{out}/config.json")
    shutil.copy(tok_path, f"{out}/tokenizer.json")
    for f in ["onnx/model_int8.onnx", "config.json", "tokenizer.json"]:
        p = f"{out}/{f}"
        print(f, os.path.getsize(p), hashlib.sha256(open(p, "rb").read()).hexdigest())


if __name__ == "__main__":
    main()
