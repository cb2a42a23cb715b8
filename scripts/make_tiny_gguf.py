#!/usr/bin/env python3
"""Write a tiny, deterministic llama-architecture GGUF for routing tests.

    python3 scripts/make_tiny_gguf.py OUT.gguf      # needs gguf==0.19.0 (+ numpy)

scripts/local-llm.sh --tiny runs this in a private venv with pinned, hash-checked
gguf==0.19.0 and numpy==2.4.6 and checks that the output's sha256 is
0e71b15a021ab1d23440b330d8b3cbd7437b71c0fd287d4c7df6f3a052424229 (473,952 bytes).
The bytes depend on numpy (the attention/FFN weights come from
numpy.random.default_rng(0)), so change the pinned numpy only together with that hash.

Origin: copied verbatim (code unchanged, this docstring added) from section 4 of the
team's prototype write-up, shared/prototypes/local-llm/README.md ("The deterministic
tiny fixture"). No third-party model weights or vocabulary are involved: everything
below is generated here, so the output carries no third-party licence.

How it works: a llama graph with n_embd 64, 2 layers, 4 heads and n_ff 128. Each
token's embedding is one-hot in a "state" dimension. attn_output and ffn_down are all
zeros, so the residual stream stays equal to the token embedding, and the output
matrix maps state i to reply token i+1 with a logit gap of 80 after RMS norm. The
reply is therefore the same at any temperature and under the default samplers
(including repeat penalties): "Hello" " from" " the" " local" " model" "." then </s>,
i.e. "Hello from the local model." for every prompt. The vocabulary is
SentencePiece-style (tokenizer.ggml.model = llama): <unk> <s> </s> <|im_start|>
<|im_end|>, 256 byte-fallback tokens and the 6 reply pieces (267 tokens). Prompts are
tokenized about one token per byte, so serve it with a context of 512 or more. The
GGUF carries a ChatML chat template, so llama-server needs no template flags.

Attention and FFN outputs are zero, so the residual stream is the token
embedding; the output matrix maps each state token to the next reply token.
Whatever the prompt, the reply is REPLY followed by end-of-sequence.
"""
import sys
import numpy as np
import gguf

out_path = sys.argv[1] if len(sys.argv) > 1 else "tiny-bigram-llama.gguf"
REPLY = ["Hello", "▁from", "▁the", "▁local", "▁model", "."]  # first piece has no "▁": no leading space

tokens, scores, types = [], [], []
def add(tok, score, ttype):
    tokens.append(tok.encode("utf-8")); scores.append(score); types.append(ttype)
    return len(tokens) - 1

T = gguf.TokenType
UNK = add("<unk>", 0.0, T.UNKNOWN)
BOS = add("<s>", 0.0, T.CONTROL)
EOS = add("</s>", 0.0, T.CONTROL)
add("<|im_start|>", 0.0, T.CONTROL)
add("<|im_end|>", 0.0, T.CONTROL)
for b in range(256):
    add(f"<0x{b:02X}>", 0.0, T.BYTE)
reply_ids = [add(p, -1.0 - i, T.NORMAL) for i, p in enumerate(REPLY)]
n_vocab = len(tokens)

n_embd, n_head, n_ff, n_layer, n_ctx = 64, 4, 128, 2, 4096
state_of = np.zeros(n_vocab, dtype=np.int64)           # 0 = any other token
for i, tid in enumerate(reply_ids):
    state_of[tid] = i + 1
n_states = len(reply_ids) + 1

emb = np.zeros((n_vocab, n_embd), dtype=np.float32)
emb[np.arange(n_vocab), state_of] = 1.0
nxt = reply_ids + [EOS]
out = np.zeros((n_vocab, n_embd), dtype=np.float32)
for s in range(n_states):
    out[nxt[s], s] = 10.0          # normed active dim = sqrt(64) = 8 -> logit 80

rng = np.random.default_rng(0)
w = gguf.GGUFWriter(out_path, "llama")
w.add_name("tiny-bigram-llama (generated test fixture)")
w.add_context_length(n_ctx); w.add_embedding_length(n_embd); w.add_block_count(n_layer)
w.add_feed_forward_length(n_ff); w.add_head_count(n_head); w.add_head_count_kv(n_head)
w.add_layer_norm_rms_eps(1e-5); w.add_rope_dimension_count(n_embd // n_head)
w.add_vocab_size(n_vocab); w.add_file_type(gguf.LlamaFileType.ALL_F32)
w.add_tokenizer_model("llama"); w.add_tokenizer_pre("default")
w.add_token_list(tokens); w.add_token_scores(scores); w.add_token_types(types)
w.add_bos_token_id(BOS); w.add_eos_token_id(EOS); w.add_unk_token_id(UNK)
w.add_add_bos_token(True); w.add_add_eos_token(False)
w.add_chat_template(
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")

w.add_tensor("token_embd.weight", emb)
w.add_tensor("output_norm.weight", np.ones(n_embd, dtype=np.float32))
w.add_tensor("output.weight", out)
for l in range(n_layer):
    p = f"blk.{l}."
    small = lambda *shape: (rng.standard_normal(shape) * 0.02).astype(np.float32)
    w.add_tensor(p + "attn_norm.weight", np.ones(n_embd, dtype=np.float32))
    w.add_tensor(p + "attn_q.weight", small(n_embd, n_embd))
    w.add_tensor(p + "attn_k.weight", small(n_embd, n_embd))
    w.add_tensor(p + "attn_v.weight", small(n_embd, n_embd))
    w.add_tensor(p + "attn_output.weight", np.zeros((n_embd, n_embd), dtype=np.float32))
    w.add_tensor(p + "ffn_norm.weight", np.ones(n_embd, dtype=np.float32))
    w.add_tensor(p + "ffn_gate.weight", small(n_ff, n_embd))
    w.add_tensor(p + "ffn_up.weight", small(n_ff, n_embd))
    w.add_tensor(p + "ffn_down.weight", np.zeros((n_embd, n_ff), dtype=np.float32))

w.write_header_to_file(); w.write_kv_data_to_file(); w.write_tensors_to_file(); w.close()
print(f"wrote {out_path}: vocab={n_vocab} embd={n_embd} layers={n_layer}")
