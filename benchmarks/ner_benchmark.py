"""Score actor detection against CoNLL-2003 (English dev set) beside a naive baseline.

Usage::

    .venv/bin/python benchmarks/ner_benchmark.py [--eval ../shared/eval] [--errors 0]

Gold: ``<eval>/ner/conll2003_dev.txt`` (one token and its IOB tag per line, blank line between
sentences). Mapping: PER -> person, LOC -> state or place, ORG -> organization; MISC is ignored
(gold MISC spans are dropped, and our adjectival and nominal mentions, which CoNLL does not tag
as PER/LOC/ORG, are not predictions). A metonym ("Washington said") is a LOC span, as CoNLL tags
it. Spans are scored exactly, conlleval style: precision = correct / predicted, recall =
correct / gold; *typed* needs the same span and type, *untyped* the same span only.

Stories: the file has no ``-DOCSTART-`` lines, so a story starts at a headline: the sentence
before a dateline ("LONDON 1996-08-30"). A story is *sports* when its headline opens with a
sport label and a dash ("SOCCER - …", "Cricket - …"). Each CoNLL sentence is one paragraph; the
headline is the title zone (so the detector treats it as a headline), the rest the body. Tokens
are detokenised (no space before , . 's n't etc.) to give the detector running text, and our
character spans are mapped back to token spans.

Baseline: every maximal run of capitalised tokens, minus a sentence's first token (untyped).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.actors.dictionary import load_dictionary  # noqa: E402
from analysis.actors.dictionary_mentions import detect_mentions  # noqa: E402
from analysis.article import Article, Block  # noqa: E402
from analysis.text import Document, Sentence, tokenize  # noqa: E402

TYPES = ("PER", "LOC", "ORG")
OUR_TYPE = {"person": "PER", "state": "LOC", "place": "LOC", "organization": "ORG"}
SPORTS = ("soccer", "football", "cricket", "baseball", "basketball", "boxing", "golf", "tennis",
          "squash", "rugby", "athletics", "cycling", "motor racing", "motorcycling",
          "horse racing", "ice hockey", "hockey", "nhl", "nfl", "nba", "swimming", "skiing",
          "alpine skiing", "sailing", "rowing", "formula one", "olympics", "volleyball",
          "handball", "badminton", "snooker", "darts", "table tennis", "judo", "wrestling",
          "equestrian", "triathlon", "gymnastics", "fencing", "chess")
_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'ll",
                    "'re", "'ve", "'d", "'m", "'"}
_NO_SPACE_AFTER = {"(", "[", "{", "$"}


@dataclass
class Story:
    sentences: list[list[tuple[str, str]]]   # (token, IOB tag)
    sports: bool


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of ``(token, tag)`` pairs."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        parts = line.split()
        if parts[0] == "-DOCSTART-":
            continue
        current.append((parts[0], parts[-1]))
    if current:
        sentences.append(current)
    return sentences


def split_stories(sentences: list[list[tuple[str, str]]]) -> list[Story]:
    """Stories start at a headline: the sentence before a short dateline ending in a date."""
    starts = [i for i in range(len(sentences) - 1)
              if _DATE.match(sentences[i + 1][-1][0]) and len(sentences[i + 1]) <= 8]
    if not starts or starts[0] != 0:
        starts = [0, *starts]
    stories = []
    for a, b in zip(starts, [*starts[1:], len(sentences)], strict=True):
        headline = " ".join(t for t, _ in sentences[a]).lower()
        label = headline.split(" - ", 1)[0] if " - " in headline else ""
        sports = bool(label) and label.startswith(SPORTS)
        stories.append(Story(sentences[a:b], sports))
    return stories


def gold_spans(sentence: list[tuple[str, str]]) -> set[tuple[int, int, str]]:
    """(first token, last token + 1, type) of the PER/LOC/ORG entities (IOB1 or IOB2)."""
    spans, start, kind = set(), None, None
    for i, (_, tag) in enumerate([*sentence, ("", "O")]):
        prefix, _, label = tag.partition("-")
        if start is not None and (tag == "O" or prefix == "B" or label != kind):
            if kind in TYPES:
                spans.add((start, i, kind))
            start, kind = None, None
        if tag != "O" and start is None:
            start, kind = i, label
    return spans


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Running text and each token's character span."""
    text, spans, quote_open = "", [], False
    for i, tok in enumerate(tokens):
        space = bool(text) and tok not in _NO_SPACE_BEFORE and tokens[i - 1] not in \
            _NO_SPACE_AFTER
        if tok == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        elif i and tokens[i - 1] == '"' and quote_open:
            space = False
        if space:
            text += " "
        spans.append((len(text), len(text) + len(tok)))
        text += tok
    return text, spans


def story_document(story: Story) -> tuple[Document, list[list[tuple[int, int]]]]:
    """A Document of one story (one block per sentence) and each sentence's token spans."""
    parts, token_spans, blocks, sentences, tokens = [], [], [], [], []
    offset = 0
    for n, sentence in enumerate(story.sentences):
        text, spans = detokenise([t for t, _ in sentence])
        zone = "title" if n == 0 else "body"
        blocks.append(Block(zone, text, offset, offset + len(text), None))
        sentences.append(Sentence(n, text, offset, offset + len(text), n, zone, None))
        tokens.extend(tokenize(text, offset))
        token_spans.append([(s + offset, e + offset) for s, e in spans])
        parts.append(text)
        offset += len(text) + 2
    full = "\n\n".join(parts)
    article = Article("conll", story.sentences[0][0][0], None, "", full, "utf-8", "txt",
                      tuple(blocks))
    return Document(article, ("title", "body"), tuple(blocks), tuple(sentences),
                    tuple(tokens)), token_spans


def predicted_spans(doc: Document, token_spans: list[list[tuple[int, int]]], dictionary
                    ) -> list[set[tuple[int, int, str]]]:
    """Our PER/LOC/ORG spans per sentence, as token spans (mentions not on token edges drop)."""
    per_sentence: list[set[tuple[int, int, str]]] = [set() for _ in token_spans]
    for m in detect_mentions(doc, dictionary):
        if m.kind in ("adjectival", "nominal"):
            continue
        spans = token_spans[m.sentence]
        starts = {s: i for i, (s, _) in enumerate(spans)}
        ends = {e: i for i, (_, e) in enumerate(spans)}
        if m.start in starts and m.end in ends:
            per_sentence[m.sentence].add((starts[m.start], ends[m.end] + 1, OUR_TYPE[m.type]))
    return per_sentence


def baseline_spans(sentence: list[tuple[str, str]]) -> set[tuple[int, int, str]]:
    """Maximal runs of capitalised tokens, the sentence's first token left out (untyped)."""
    spans, start = set(), None
    for i, (tok, _) in enumerate([*sentence, ("", "O")]):
        cap = i > 0 and tok[:1].isupper()
        if cap and start is None:
            start = i
        elif not cap and start is not None:
            spans.add((start, i, "ANY"))
            start = None
    return spans


class Score:
    """Counts for precision/recall/F1."""

    def __init__(self) -> None:
        self.correct = Counter()
        self.predicted = Counter()
        self.gold = Counter()

    def add(self, gold: set, predicted: set, typed: bool) -> None:
        if not typed:
            gold = {(a, b, "ANY") for a, b, _ in gold}
            predicted = {(a, b, "ANY") for a, b, _ in predicted}
        for key, spans in (("gold", gold), ("predicted", predicted)):
            counter = getattr(self, key)
            for *_, kind in spans:
                counter[kind] += 1
                counter["ALL"] += 1
        for *_, kind in gold & predicted:
            self.correct[kind] += 1
            self.correct["ALL"] += 1

    def prf(self, kind: str = "ALL") -> tuple[float, float, float]:
        p = self.correct[kind] / self.predicted[kind] if self.predicted[kind] else 0.0
        r = self.correct[kind] / self.gold[kind] if self.gold[kind] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"),
                        help="evaluation data folder (default ../shared/eval)")
    parser.add_argument("--errors", type=int, default=0,
                        help="print this many missed and spurious spans (non-sports)")
    args = parser.parse_args(argv)
    path = Path(args.eval) / "ner" / "conll2003_dev.txt"
    if not path.exists():
        print(f"{path}: not found; pass --eval pointing at the evaluation folder",
              file=sys.stderr)
        return 2
    stories = split_stories(read_conll(path))
    dictionary = load_dictionary()
    splits = {"all": lambda s: True, "non-sports": lambda s: not s.sports,
              "sports": lambda s: s.sports}
    ours = {(name, typed): Score() for name in splits for typed in (True, False)}
    base = {name: Score() for name in splits}
    missed, spurious = Counter(), Counter()
    started = time.perf_counter()
    n_tokens = 0
    for story in stories:
        doc, token_spans = story_document(story)
        predicted = predicted_spans(doc, token_spans, dictionary)
        for sentence, pred in zip(story.sentences, predicted, strict=True):
            n_tokens += len(sentence)
            gold = gold_spans(sentence)
            for name, keep in splits.items():
                if not keep(story):
                    continue
                for typed in (True, False):
                    ours[name, typed].add(gold, pred, typed)
                base[name].add(gold, baseline_spans(sentence), typed=False)
            if not story.sports and args.errors:
                words = [t for t, _ in sentence]
                for a, b, kind in gold - pred:
                    missed[f"{kind} {' '.join(words[a:b])}"] += 1
                for a, b, kind in pred - gold:
                    spurious[f"{kind} {' '.join(words[a:b])}"] += 1
    elapsed = time.perf_counter() - started
    n_sports = sum(s.sports for s in stories)
    print(f"CoNLL-2003 dev: {len(stories)} stories ({n_sports} sports, "
          f"{len(stories) - n_sports} non-sports), {n_tokens} tokens; "
          f"detection took {elapsed:.1f} s ({n_tokens / elapsed:,.0f} tokens/s)\n")
    print(f"{'split':<11} {'method':<16} {'type':<4} {'gold':>6} {'pred':>6} {'P':>6} "
          f"{'R':>6} {'F1':>6}")
    for name in splits:
        for typed in (True, False):
            score = ours[name, typed]
            for kind in ([*TYPES, "ALL"] if typed else ["ALL"]):
                p, r, f = score.prf(kind)
                label = "ours typed" if typed else "ours untyped"
                print(f"{name:<11} {label:<16} {kind:<4} {score.gold[kind]:>6} "
                      f"{score.predicted[kind]:>6} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
        p, r, f = base[name].prf()
        print(f"{name:<11} {'baseline untyped':<16} {'ALL':<4} {base[name].gold['ALL']:>6} "
              f"{base[name].predicted['ALL']:>6} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    if args.errors:
        print("\nmost frequent missed (non-sports):")
        for item, n in missed.most_common(args.errors):
            print(f"  {n:>3} {item}")
        print("most frequent spurious (non-sports):")
        for item, n in spurious.most_common(args.errors):
            print(f"  {n:>3} {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
