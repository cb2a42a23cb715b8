"""The base model in plain PyTorch, and the way in and out of ONNX.

Rampart ships only an ONNX graph (4-bit `MatMulNBits` weights, uint8 embeddings). Rather than
going through `transformers` and a torch exporter, this module

- `template(q4)`: rewrites the shipped graph into a float "template": every weight becomes a
  float32 initializer named by its PyTorch key (`bert.encoder.layer.0.attention.self.query.weight`,
  stored `[in, out]` for MatMul). The 4-bit de-quantization is exact (block 32, symmetric zero
  point 8, low nibble first); the uint8 embeddings are de-quantized with their scale/zero point.
- `Bert`: the same network in ~60 lines of PyTorch (BertForTokenClassification, post-LN,
  exact-erf GELU), loadable from the template's weights;
- `write_onnx(template, state, labels, out)`: puts trained weights back into the template graph
  (the classifier may have more rows than Rampart's 35), so the exported graph is Rampart's own,
  op for op, and the Rust runtime needs no change to run it.

Attribution (CC BY 4.0): "Rampart: Client-side PII redaction for AI assistants" by National
Design Studio, https://huggingface.co/nationaldesignstudio/rampart.
"""
import math
import os
import sys

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "derive"))
from rampart_int8 import unpack_q4  # noqa: E402  (the setup step's exact 4-bit de-quantization)

HIDDEN, LAYERS, HEADS, INTER, MAX_POS, EPS = 384, 6, 12, 1536, 512, 1e-12


def _key_of_matmul(node_name: str) -> str:
    # "/bert/encoder/layer.0/attention/self/query/MatMul_Q4" -> "bert.encoder.layer.0.attention.self.query.weight"
    return node_name.strip("/").rsplit("/", 1)[0].replace("/", ".") + ".weight"


def template(q4_path: str) -> onnx.ModelProto:
    """The shipped 4-bit graph with every weight as a float32 initializer named by its torch key."""
    m = onnx.load(q4_path)
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    drop = set()
    nodes = []
    dq_of = {}  # Gather output (quantized) -> DequantizeLinear node
    for n in g.node:
        if n.op_type == "DequantizeLinear":
            dq_of[n.input[0]] = n
    skip = set()
    for n in g.node:
        if n.op_type == "MatMulNBits":
            w = unpack_q4(n, inits)  # [K, N], exact
            key = _key_of_matmul(n.name)
            g.initializer.append(numpy_helper.from_array(w, key))
            drop.update(n.input[1:])
            nodes.append(helper.make_node("MatMul", [n.input[0], key], list(n.output), name=n.name[: -len("_Q4")]))
        elif n.op_type == "Gather" and n.input[0].endswith(".weight_quantized"):
            base = n.input[0][: -len("_quantized")]
            dq = dq_of[n.output[0]]
            w = numpy_helper.to_array(inits[n.input[0]]).astype(np.float32)
            scale = numpy_helper.to_array(inits[base + "_scale"]).astype(np.float32)
            zp = numpy_helper.to_array(inits[base + "_zero_point"]).astype(np.float32)
            g.initializer.append(numpy_helper.from_array(((w - zp) * scale).astype(np.float32), base))
            drop.update([n.input[0], base + "_scale", base + "_zero_point"])
            nodes.append(helper.make_node("Gather", [base, n.input[1]], list(dq.output), name=n.name))
            skip.add(dq.name)
        elif n.name in skip or n.op_type == "DequantizeLinear":
            continue
        else:
            nodes.append(n)
    del g.node[:]
    g.node.extend(nodes)
    keep = [i for i in g.initializer if i.name not in drop]
    del g.initializer[:]
    g.initializer.extend(keep)
    ops = [o for o in m.opset_import if o.domain != "com.microsoft"]
    del m.opset_import[:]
    m.opset_import.extend(ops)
    del g.value_info[:]
    onnx.checker.check_model(m)
    return m


def weights(tpl: onnx.ModelProto) -> dict:
    """Torch state dict from the template's initializers (MatMul weights transposed to [out, in])."""
    sd = {}
    for i in tpl.graph.initializer:
        if not i.name.startswith(("bert.", "classifier.")):
            continue
        a = numpy_helper.to_array(i).copy()
        is_linear = i.name.endswith(".weight") and a.ndim == 2 and "embeddings" not in i.name
        sd[i.name] = torch.from_numpy(a.T.copy() if is_linear else a)
    return sd


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.attention = nn.Module()
        self.attention.self = nn.Module()
        for p in ("query", "key", "value"):
            setattr(self.attention.self, p, nn.Linear(HIDDEN, HIDDEN))
        self.attention.output = nn.Module()
        self.attention.output.dense = nn.Linear(HIDDEN, HIDDEN)
        self.attention.output.LayerNorm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.intermediate = nn.Module()
        self.intermediate.dense = nn.Linear(HIDDEN, INTER)
        self.output = nn.Module()
        self.output.dense = nn.Linear(INTER, HIDDEN)
        self.output.LayerNorm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.drop = nn.Dropout(0.1)

    def forward(self, x, bias):
        b, t, _ = x.shape
        s = self.attention.self
        split = lambda y: y.view(b, t, HEADS, HIDDEN // HEADS).transpose(1, 2)  # noqa: E731
        q, k, v = split(s.query(x)), split(s.key(x)), split(s.value(x))
        att = (q @ k.transpose(-1, -2)) / math.sqrt(HIDDEN // HEADS) + bias
        ctx = (self.drop(att.softmax(-1)) @ v).transpose(1, 2).reshape(b, t, HIDDEN)
        o = self.attention.output
        x = o.LayerNorm(x + self.drop(o.dense(ctx)))
        h = nn.functional.gelu(self.intermediate.dense(x))  # exact (erf) GELU, as the graph
        return self.output.LayerNorm(x + self.drop(self.output.dense(h)))


class Bert(nn.Module):
    """BertForTokenClassification with Rampart's dimensions; parameter names match HF's."""

    def __init__(self, vocab: int, n_labels: int):
        super().__init__()
        self.bert = nn.Module()
        e = self.bert.embeddings = nn.Module()
        e.word_embeddings = nn.Embedding(vocab, HIDDEN)
        e.position_embeddings = nn.Embedding(MAX_POS, HIDDEN)
        e.token_type_embeddings = nn.Embedding(2, HIDDEN)
        e.LayerNorm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.bert.encoder = nn.Module()
        self.bert.encoder.layer = nn.ModuleList(Layer() for _ in range(LAYERS))
        self.drop = nn.Dropout(0.1)
        self.classifier = nn.Linear(HIDDEN, n_labels)

    def forward(self, ids, mask):
        e = self.bert.embeddings
        pos = torch.arange(ids.shape[1], device=ids.device)
        x = e.word_embeddings(ids) + e.token_type_embeddings(torch.zeros_like(ids)) + e.position_embeddings(pos)[None]
        x = self.drop(e.LayerNorm(x))
        bias = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        for layer in self.bert.encoder.layer:
            x = layer(x, bias)
        return self.classifier(self.drop(x))


def load_base(tpl: onnx.ModelProto, n_labels: int) -> Bert:
    """The base model, its classifier grown to `n_labels` rows (old rows kept, new ones small)."""
    sd = weights(tpl)
    vocab = sd["bert.embeddings.word_embeddings.weight"].shape[0]
    model = Bert(vocab, n_labels)
    w, b = sd.pop("classifier.weight"), sd.pop("classifier.bias")
    missing, unexpected = model.load_state_dict(sd, strict=False)
    assert set(missing) == {"classifier.weight", "classifier.bias"} and not unexpected, (missing, unexpected)
    with torch.no_grad():
        nn.init.normal_(model.classifier.weight, std=0.02)
        nn.init.zeros_(model.classifier.bias)
        model.classifier.weight[: w.shape[0]] = w
        model.classifier.bias[: b.shape[0]] = b
    return model


def write_onnx(tpl: onnx.ModelProto, model: Bert, out: str) -> None:
    """The template graph with `model`'s weights (float32)."""
    m = onnx.ModelProto()
    m.CopyFrom(tpl)
    sd = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}
    new = []
    for i in m.graph.initializer:
        if i.name in sd:
            a = sd[i.name]
            is_linear = i.name.endswith(".weight") and a.ndim == 2 and "embeddings" not in i.name
            new.append(numpy_helper.from_array(np.ascontiguousarray(a.T if is_linear else a).astype(np.float32), i.name))
        else:
            new.append(i)
    del m.graph.initializer[:]
    m.graph.initializer.extend(new)
    n_labels = sd["classifier.bias"].shape[0]
    m.graph.output[0].type.tensor_type.shape.dim[2].dim_value = n_labels
    onnx.checker.check_model(m)
    onnx.save(m, out)
