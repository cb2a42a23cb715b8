"""Fine-tune the base model with two more entity types: ORGANIZATION and DATE_TIME (personal dates).

  python finetune.py --base MODEL_Q4.onnx [--teacher MODEL_INT8.onnx] --tokenizer tokenizer.json \
      --config config.json --data DATA_DIR --out OUT_DIR [--steps N] [--stop-after N] [--seed N] [--threads N]
  python finetune.py ... --from-state OUT_DIR/state-N.pt     # export a checkpoint without training

Labels per token (see make_data.py for the data):
- gold rows (our templates): every character outside a span is not an entity, so tokens there are
  `O` (this also un-learns the base model's false positives on template words); names and dates,
  organizations, cities, e-mails, phones and URLs take their gold label; tokens of an address slot
  keep the base model's address label (it knows street vs city vs ZIP; we do not); identifier slots
  keep the base model's identifier label.
- silver rows (natural text): the base model ("teacher") labels tokens where spaCy agrees (names where
  spaCy sees a PERSON, address parts where it sees a place); spaCy ORG spans in quotations become
  ORGANIZATION when they pass a sanity filter; disagreement is left out of the loss (-100), never
  guessed. Documentation text is a negative source: product and protocol names there are `O`.
The teacher keeps what the base model knows (against forgetting); the gold spans add what it lacks.

Writes OUT_DIR/model.onnx (float32, the base graph with the new weights), config.json (id2label)
and train_log.json (hyper-parameters, seed, losses, held-out figures); a checkpoint
OUT_DIR/state-N.pt every 250 steps. `--stop-after` ends training early on the schedule of `--steps`
(the learning rate decays linearly to zero at `--steps`).
"""
import argparse
import json
import os
import random
import sys
import time

import numpy as np
import onnxruntime as ort
import torch
from tokenizers import Tokenizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bert  # noqa: E402
from make_data import TOOLS, PROTOCOLS  # noqa: E402

NEW = ["B-ORGANIZATION", "I-ORGANIZATION", "B-DATE_TIME", "I-DATE_TIME"]
NAME_KINDS = {"GIVEN_NAME", "SURNAME"}
ADDRESS_KINDS = {"BUILDING_NUMBER", "STREET_NAME", "SECONDARY_ADDRESS", "CITY", "STATE", "ZIP_CODE"}
GOLD_KIND = {"GIVEN_NAME": "GIVEN_NAME", "SURNAME": "SURNAME", "ORG": "ORGANIZATION", "DATE": "DATE_TIME",
             "EMAIL": "EMAIL", "PHONE": "PHONE", "URL": "URL", "CITY": "CITY"}
MAX_TOKENS = 128
NOT_ORG = {w.lower() for w in TOOLS + PROTOCOLS}


def kind(label: str) -> str:
    return label.split("-", 1)[1] if "-" in label else label


def org_ok(text: str) -> bool:
    """A spaCy ORG span worth teaching: capitalised, not a product/protocol, not an acronym soup."""
    t = text.strip()
    return (len(t) >= 4 and t[0].isupper() and any(c.islower() for c in t) and t.lower() not in NOT_ORG
            and not t.lower().startswith("the ") and "\n" not in t)


def token_labels(row, offsets, teacher, l2i):
    spans = sorted(row["spans"])
    out = []
    prev_addr = None
    for t, (s, e) in enumerate(offsets):
        if s == e:
            out.append(-100)
            continue
        tl = teacher[t]
        tk = kind(tl)
        hit = next(((a, b, k) for a, b, k in spans if s < b and e > a), None)
        if row["mode"] == "gold":
            if hit is None:
                y = "O"
            else:
                a, b, k = hit
                first = s <= a
                if k in GOLD_KIND:
                    y = ("B-" if first else "I-") + GOLD_KIND[k]
                elif k == "ADDRESS":
                    if tk in ADDRESS_KINDS:
                        y = tl
                    else:
                        y = ("I-" + prev_addr) if (prev_addr and not first) else "B-STREET_NAME"
                elif k == "ID":
                    y = "O" if (tk in NAME_KINDS or tk in ADDRESS_KINDS) else tl
                else:
                    raise ValueError(k)
            if y != "O" and kind(y) in ADDRESS_KINDS:
                prev_addr = kind(y)
            elif hit is None or hit[2] != "ADDRESS":
                prev_addr = None
            out.append(l2i[y])
            continue
        # silver
        src = row["source"]
        if hit is None:
            if tk == "O" or src == "docs":
                out.append(l2i["O"])
            else:
                out.append(-100)
            continue
        a, b, k = hit
        if k == "PERSON":
            out.append(l2i[tl] if tk in NAME_KINDS else -100)
        elif k == "PLACE":
            out.append(l2i[tl] if (tk in ADDRESS_KINDS or tk == "O") else -100)
        elif k == "ORG":
            ok = src == "fortune" and org_ok(row["text"][a:b]) and tk not in NAME_KINDS
            out.append(l2i[("B-" if s <= a else "I-") + "ORGANIZATION"] if ok else -100)
        elif k == "DATE":
            out.append(l2i["O"] if src == "docs" else -100)
        else:
            out.append(-100)
    return out


def encode(rows, tok, teacher_sess, id2, l2i, bs=64):
    """Token ids and training labels; the teacher runs on length-sorted batches."""
    encs = []
    for row in rows:
        e = tok.encode(row["text"])
        encs.append((e.ids[:MAX_TOKENS - 1] + [e.ids[-1]], e.offsets[:MAX_TOKENS - 1] + [(0, 0)]))
    order = sorted(range(len(rows)), key=lambda i: len(encs[i][0]))
    out = [None] * len(rows)
    t0 = time.time()
    for n, k in enumerate(range(0, len(order), bs)):
        chunk = order[k:k + bs]
        L = max(len(encs[i][0]) for i in chunk)
        a = np.array([encs[i][0] + [0] * (L - len(encs[i][0])) for i in chunk], dtype=np.int64)
        logits = teacher_sess.run(None, {"input_ids": a, "attention_mask": (a != 0).astype(np.int64),
                                         "token_type_ids": np.zeros_like(a)})[0]
        for j, i in enumerate(chunk):
            ids, offs = encs[i]
            teacher = [id2[int(c)] for c in logits[j, :len(ids)].argmax(-1)]
            out[i] = (ids, token_labels(rows[i], offs, teacher, l2i))
        if n % 100 == 0:
            print(f"encoded {k}/{len(rows)} {time.time() - t0:.0f}s", flush=True)
    return out


def batches(enc, bs, rng):
    """Length-bucketed batches (less padding), in random order."""
    idx = sorted(range(len(enc)), key=lambda i: (len(enc[i][0]), rng.random()))
    chunks = [idx[i:i + bs] for i in range(0, len(idx) - bs + 1, bs)]
    rng.shuffle(chunks)
    return chunks


def to_tensors(enc, chunk):
    L = max(len(enc[i][0]) for i in chunk)
    ids = torch.tensor([enc[i][0] + [0] * (L - len(enc[i][0])) for i in chunk])
    y = torch.tensor([enc[i][1] + [-100] * (L - len(enc[i][1])) for i in chunk])
    return ids, (ids != 0).long(), y


def evaluate(model, enc, labels, bs=64):
    """Token-level precision/recall per entity kind on held-out rows (gold labels only)."""
    model.eval()
    tp, fp, fn = {}, {}, {}
    with torch.no_grad():
        for i in range(0, len(enc), bs):
            chunk = list(range(i, min(i + bs, len(enc))))
            ids, mask, y = to_tensors(enc, chunk)
            pred = model(ids, mask).argmax(-1)
            for p, g in zip(pred.flatten().tolist(), y.flatten().tolist()):
                if g == -100:
                    continue
                pk, gk = kind(labels[p]), kind(labels[g])
                if pk == gk and pk != "O":
                    tp[pk] = tp.get(pk, 0) + 1
                else:
                    if pk != "O":
                        fp[pk] = fp.get(pk, 0) + 1
                    if gk != "O":
                        fn[gk] = fn.get(gk, 0) + 1
    model.train()
    res = {}
    for k in sorted(set(tp) | set(fp) | set(fn)):
        p = tp.get(k, 0) / max(tp.get(k, 0) + fp.get(k, 0), 1)
        r = tp.get(k, 0) / max(tp.get(k, 0) + fn.get(k, 0), 1)
        res[k] = {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / max(p + r, 1e-9), 4),
                  "support": tp.get(k, 0) + fn.get(k, 0)}
    return res


def train_loop(a, model, train, labels, log):
    """AdamW, two learning rates (encoder, head), warm-up then linear decay over --steps."""
    rng = random.Random(a.seed)
    model.train()
    head = [p for n, p in model.named_parameters() if n.startswith("classifier")]
    body = [p for n, p in model.named_parameters() if not n.startswith("classifier")]
    opt = torch.optim.AdamW([{"params": body, "lr": a.lr}, {"params": head, "lr": a.head_lr}], weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / a.warmup) * max(0.0, 1 - s / a.steps))
    last = min(a.steps, a.stop_after or a.steps)
    step, t0, run = 0, time.time(), []
    while step < last:
        for chunk in batches(train, a.batch, rng):
            ids, mask, y = to_tensors(train, chunk)
            logits = model(ids, mask)
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(labels)), y.reshape(-1), ignore_index=-100)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            run.append(loss.item())
            if step % 25 == 0:
                avg = sum(run) / len(run)
                run = []
                log["loss"].append([step, round(avg, 5)])
                print(f"step {step}/{a.steps} loss {avg:.4f} {time.time() - t0:.0f}s "
                      f"({(time.time() - t0) / step:.2f}s/step)", flush=True)
            if step % 250 == 0 or step == last:
                torch.save(model.state_dict(), f"{a.out}/state-{step}.pt")
            if step >= last:
                break
    log["steps_done"] = step
    return t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--teacher", help="graph whose predictions label the old classes (default: --base)")
    ap.add_argument("--tokenizer", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--warmup", type=int, default=60)
    ap.add_argument("--seed", type=int, default=20261124)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--stop-after", type=int, help="stop after this many steps (the schedule still spans --steps)")
    ap.add_argument("--from-state", help="skip training: export this saved state.pt (a checkpoint of a run)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    os.makedirs(a.out, exist_ok=True)

    base_cfg = json.load(open(a.config))
    old = [base_cfg["id2label"][str(i)] for i in range(len(base_cfg["id2label"]))]
    labels = old + NEW
    l2i = {lab: i for i, lab in enumerate(labels)}
    tok = Tokenizer.from_file(a.tokenizer)
    so = ort.SessionOptions()
    so.intra_op_num_threads = a.threads
    teacher = ort.InferenceSession(a.teacher or a.base, so, providers=["CPUExecutionProvider"])
    id2 = dict(enumerate(old))

    train_rows = [json.loads(line) for line in open(f"{a.data}/train.jsonl", encoding="utf-8")]
    held_rows = [json.loads(line) for line in open(f"{a.data}/heldout.jsonl", encoding="utf-8")]
    held_rows = [r for r in held_rows if r["mode"] == "gold"]
    held = encode(held_rows, tok, teacher, id2, l2i)
    tpl = bert.template(a.base)
    model = bert.load_base(tpl, len(labels))
    log = {"args": vars(a), "labels": labels, "n_heldout": len(held), "loss": []}
    if a.from_state:
        del teacher
        model.load_state_dict(torch.load(a.from_state))
        t0 = time.time()
    else:
        train = encode(train_rows, tok, teacher, id2, l2i)
        del teacher
        log["n_train"] = len(train)
        t0 = train_loop(a, model, train, labels, log)
    log["train_seconds"] = round(time.time() - t0)
    log["heldout_after"] = evaluate(model, held, labels)
    print("held-out after:", json.dumps(log["heldout_after"]), flush=True)
    model.eval()
    bert.write_onnx(tpl, model, f"{a.out}/model.onnx")
    cfg = dict(base_cfg)
    cfg["id2label"] = {str(i): lab for i, lab in enumerate(labels)}
    cfg["label2id"] = l2i
    cfg["num_labels"] = len(labels)
    json.dump(cfg, open(f"{a.out}/config.json", "w"), indent=2)
    json.dump(log, open(f"{a.out}/train_log.json", "w"), indent=1)
    print("done", flush=True)


if __name__ == "__main__":
    main()
