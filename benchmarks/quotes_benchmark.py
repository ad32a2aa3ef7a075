"""Quote attribution against the hand-annotated gold standard: precision and recall of
(speaker, span) pairs.

Usage::

    .venv/bin/python benchmarks/quotes_benchmark.py [--errors] [--json] [--save FILE]
        # run this checkout's pipeline (build_record → record["quotes"]) on the gold texts
    .venv/bin/python benchmarks/quotes_benchmark.py --gold-dir DIR   # other texts + gold
    .venv/bin/python benchmarks/quotes_benchmark.py score PREDICTIONS.json [--errors]
    .venv/bin/python benchmarks/quotes_benchmark.py check     # re-slice every gold span

The gold standard is ``tests/fixtures/quotes/`` (13 news-style texts written for it, 149
required statements; its README gives the annotation guidelines and the counts). Real pages
are scored the same way: a folder with ``gold.jsonl`` and ``texts.json`` (same fields; text
paths relative to the folder) passed as ``--gold-dir``.

Predictions
-----------
A JSON object ``{text_id: [prediction, ...]}`` (or JSON lines, one prediction per line with a
``text_id``). A prediction is a dict with

* ``speaker``: a string, or a list of strings naming the same speaker in different ways (an
  actor id such as ``person:penny-wong``, a name, the speaker phrase as written); it matches
  when any of them does;
* where the quotation is, one of: ``start``/``end`` (character offsets into the text file, as
  Python indices), ``spans`` (a list of ``[start, end]`` parts), or ``text`` (the quotation as
  written; it is located in the file, at the occurrence nearest ``hint`` if given, else the
  first one);
* optionally ``mode`` (``direct``/``indirect``/``partial``; for per-mode precision).

Matching rule
-------------
A prediction matches a gold statement when both hold:

1. **span**: the character sets overlap substantially: |gold ∩ prediction| / |gold ∪
   prediction| ≥ 0.5, where each set holds the offsets of the span's characters that are
   neither white space nor quotation marks (" “ ” „ ‘ ’ ‚ ' « » ‹ ›); a discontinuous span
   (split quote, quotation over paragraphs, parenthetical attribution) is the union of its
   parts;
2. **speaker** (case-insensitive, after Unicode NFKC and curly-to-straight apostrophes):

   * a named gold speaker (person or organisation) matches a prediction that ends with the full
     name or one of the gold ``aliases`` ("Russian President Vladimir Putin", "Ivan Sokolov" in
     "Ivan Sokolov, an aide" — text after the first comma is dropped); or that ends with a
     part of the name ("Okafor", "Mr Pryce", "Mark", "Kim") when that part is unambiguous in the
     text (it is not part of any other name listed for the text in texts.json, nor of another
     named gold speaker of the text) and the word before it, if any, is lower case or a title
     ("President", "Mr", "the"…); or that is the same actor id (the gold ``speaker_id``, or
     ``person:``/``org:`` + slug of the name);
   * a role speaker ("a spokesperson for the ministry", "the coach") matches a prediction that
     contains its head noun (``role_head``: "spokesperson", "coach"; a plural/singular "s"
     is ignored);
   * a bare pronoun ("he", "she", "they", "I"…) never matches: resolution is part of the task.

Matching is one-to-one and greedy: candidate pairs are taken by decreasing overlap (ties:
text order). Optional gold statements (nested quotations, quotes in headlines, attributions
inside relative clauses) are matched after the required ones: a prediction matched to one is
ignored (neither right nor wrong), and a missed one is not a miss.

Scores: precision = matched predictions / (predictions − ignored); recall = matched gold /
required gold. ``full`` needs speaker and span; ``span`` (speaker ignored) is matched
separately with the span rule alone. Reported overall, per text, per gold mode (recall; and
precision by the prediction's own ``mode``), per speaker kind and per phenomenon tag (recall).
Unmatched predictions are sorted into: ``wrong_speaker`` (the span matches a gold statement
but the speaker does not), ``fragment`` (overlaps a gold statement of the same speaker, below
the threshold), ``trap`` (lies in the sentence of a listed trap: scare quotes, titles, signs,
"according to the data", participle lead-ins, …) and ``other``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "fixtures" / "quotes"
GOLD_FILE = GOLD_DIR / "gold.jsonl"
TEXTS_FILE = GOLD_DIR / "texts.json"
THRESHOLD = 0.5
QUOTE_CHARS = set("\"“”„‟‘’‚‛'«»‹›「」")
PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "one",
    "who",
    "which",
    "that",
}
TITLE_WORDS = {
    "the",
    "a",
    "an",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "judge",
    "justice",
    "coach",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "gov",
    "mayor",
    "councillor",
    "councilor",
    "cllr",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "cardinal",
    "bishop",
    "rev",
    "reverend",
    "father",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "capt",
    "chief",
    "officer",
    "detective",
    "inspector",
    "sergeant",
    "sgt",
    "commissioner",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairwoman",
    "director",
    "manager",
    "executive",
    "mp",
    "leader",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "deputy",
    "vice",
    "foreign",
    "defence",
    "defense",
    "prime",
    "supreme",
    "dutch",
    "russian",
    "australian",
    "indonesian",
    "british",
    "american",
    "german",
    "french",
    "chinese",
}
STOPWORDS = {
    "of",
    "the",
    "and",
    "for",
    "de",
    "van",
    "von",
    "der",
    "al",
    "bin",
    "la",
    "le",
    "du",
    "da",
    "di",
    "del",
    "a",
    "an",
    "jr",
    "sr",
}


# ----------------------------------------------------------------------------- loading


def load_gold(
    gold_file: Path | str = GOLD_FILE, texts_file: Path | str = TEXTS_FILE
) -> dict[str, Any]:
    """The gold standard: ``{"texts": {id: meta + "text"}, "statements": {id: [gold, ...]}}``."""
    gold_file, texts_file = Path(gold_file), Path(texts_file)
    metas = json.loads(texts_file.read_text(encoding="utf-8"))
    texts = {}
    for m in metas:
        with open(texts_file.parent / m["path"], encoding="utf-8", newline="") as f:
            texts[m["id"]] = {**m, "text": f.read()}
    statements: dict[str, list[dict]] = {tid: [] for tid in texts}
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            statements[g["text_id"]].append(g)
    return {"texts": texts, "statements": statements, "folder": str(texts_file.parent)}


def load_predictions(path: Path | str) -> dict[str, list[dict]]:
    """Predictions from a JSON object ``{text_id: [...]}`` or JSON lines with ``text_id``."""
    raw = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        data = [json.loads(line) for line in raw.splitlines() if line.strip()]
    if isinstance(data, dict) and "text_id" in data:  # JSON lines holding one prediction
        data = [data]
    if isinstance(data, dict):
        return {k: list(v) for k, v in data.items()}
    out: dict[str, list[dict]] = defaultdict(list)
    for p in data:
        p = dict(p)
        out[p.pop("text_id")].append(p)
    return dict(out)


def check_gold(gold: dict[str, Any]) -> list[str]:
    """Problems found when re-slicing every gold span (empty list: all good)."""
    problems = []
    for tid, items in gold["statements"].items():
        text = gold["texts"][tid]["text"]
        for g in items:
            spans = g["span"] if isinstance(g["span"], list) else [g["span"]]
            if len(spans) != len(g["parts"]):
                problems.append(f"{g['id']}: {len(spans)} span strings, {len(g['parts'])} parts")
            for s, (a, b) in zip(spans, g["parts"], strict=False):
                if text[a:b] != s:
                    problems.append(f"{g['id']}: text[{a}:{b}] = {text[a:b]!r} != {s!r}")
        for tr in gold["texts"][tid]["traps"]:
            if text[tr["start"] : tr["end"]] != tr["string"]:
                problems.append(f"{tid}: trap {tr['string']!r} offsets wrong")
    return problems


# ----------------------------------------------------------------------------- spans


def content_chars(text: str, parts: list[tuple[int, int]]) -> frozenset[int]:
    """Offsets of the characters in ``parts`` that are not white space or quotation marks."""
    out = set()
    for a, b in parts:
        a, b = max(0, a), min(len(text), b)
        out.update(i for i in range(a, b) if not text[i].isspace() and text[i] not in QUOTE_CHARS)
    return frozenset(out)


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


_FLEX_CACHE: dict[str, re.Pattern] = {}


def _flex_pattern(s: str) -> re.Pattern:
    """``s`` as a regex that tolerates different quotation marks and white space."""
    if s not in _FLEX_CACHE:
        out = []
        for ch in re.sub(r"\s+", " ", s.strip()):
            if ch in QUOTE_CHARS:
                out.append("[" + re.escape("".join(sorted(QUOTE_CHARS))) + "]?")
            elif ch == " ":
                out.append(r"\s+")
            else:
                out.append(re.escape(ch))
        _FLEX_CACHE[s] = re.compile("".join(out))
    return _FLEX_CACHE[s]


def locate_text(text: str, quote: str, hint: int | None = None) -> tuple[int, int] | None:
    """Offsets of ``quote`` in ``text``: the occurrence nearest ``hint`` (else the first);
    tolerant of quotation marks and white space. None when absent."""
    quote = quote.strip()
    if not quote:
        return None
    hits = [(m.start(), m.end()) for m in _flex_pattern(quote).finditer(text)]
    if not hits:
        return None
    if hint is None:
        return hits[0]
    return min(hits, key=lambda h: abs(h[0] - hint))


def prediction_parts(pred: dict, text: str) -> list[tuple[int, int]]:
    if "spans" in pred and pred["spans"]:
        return [(int(a), int(b)) for a, b in pred["spans"]]
    if pred.get("start") is not None and pred.get("end") is not None:
        if isinstance(pred["start"], list):
            return list(zip(map(int, pred["start"]), map(int, pred["end"]), strict=True))
        return [(int(pred["start"]), int(pred["end"]))]
    if pred.get("text"):
        hit = locate_text(text, pred["text"], pred.get("hint"))
        return [hit] if hit else []
    return []


# ----------------------------------------------------------------------------- speakers


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).replace("’", "'").replace("‘", "'")
    return s.strip()


def _tokens(s: str) -> list[str]:
    """Words as written (case kept): letters/digits, inner hyphens, apostrophes and dots."""
    words = re.findall(r"[^\W_]+(?:['.-][^\W_]+)*", _norm(s))
    # a possessive "'s" belongs to no name
    return [re.sub(r"'s$", "", w) for w in words]


def slug(s: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _is_actor_id(s: str) -> bool:
    return re.fullmatch(r"[a-z]+:[A-Za-z0-9._-]+", s.strip()) is not None


def _sub_run(needle: list[str], hay: list[str]) -> bool:
    n = len(needle)
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _same_noun(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or a.rstrip("s") == b.rstrip("s") or a == b + "es" or b == a + "es"


def speaker_matches(pred_speaker: str | list[str] | None, gold: dict, names: list[str]) -> bool:
    """Does any form in ``pred_speaker`` name the gold statement's speaker? (Rule in the
    module docstring.) ``names`` are all names in the text, for ambiguity of name parts."""
    if pred_speaker is None:
        return False
    forms = [pred_speaker] if isinstance(pred_speaker, str) else list(pred_speaker)
    return any(_one_form_matches(f, gold, names) for f in forms if isinstance(f, str) and f.strip())


def _one_form_matches(form: str, gold: dict, names: list[str]) -> bool:
    form = _norm(form)
    if form.lower() in PRONOUNS:
        return False
    own_names = [gold["speaker"], *gold.get("aliases", [])]
    if _is_actor_id(form):
        if gold["speaker_type"] == "role":
            return False
        ident = form.split(":", 1)[1].lower()
        if gold.get("speaker_id") and form.lower() == gold["speaker_id"].lower():
            return True
        return any(ident == slug(n) for n in own_names)
    if gold["speaker_type"] == "role":
        head = gold["role_head"]
        return any(_same_noun(w, head) for w in _tokens(form))
    # named speaker: cut an apposition after the first comma
    words = _tokens(form.split(",", 1)[0])
    low = [w.lower() for w in words]
    if not low:
        return False
    for n in own_names:
        full = [w.lower() for w in _tokens(n)]
        if full and low[-len(full) :] == full:
            return True
    others = [
        [w.lower() for w in _tokens(n)]
        for n in names
        if slug(n) not in {slug(o) for o in own_names}
    ]
    for n in own_names:
        full = [w.lower() for w in _tokens(n)]
        # the longest tail of the prediction that is a run inside the name
        for k in range(min(len(low), len(full)), 0, -1):
            tail = low[-k:]
            if not _sub_run(tail, full):
                continue
            if all(w in STOPWORDS for w in tail):
                break
            if any(_sub_run(tail, o) for o in others):
                break
            before = words[-k - 1] if len(words) > k else None
            if before is None or before[:1].islower() or before.lower().rstrip(".") in TITLE_WORDS:
                return True
            break
    return False


# ----------------------------------------------------------------------------- scoring


def _greedy(
    pairs: list[tuple[float, int, int]], used_g: set[int], used_p: set[int]
) -> dict[int, int]:
    """One-to-one greedy matching by decreasing overlap: ``{gold index: prediction index}``."""
    out = {}
    for _, gi, pi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out[gi] = pi
    return out


def _match(gold_items, preds, ov, spk_ok, use_speaker: bool):
    """Required gold first, then optional gold. Returns (required matches, ignored preds)."""
    required = [i for i, g in enumerate(gold_items) if not g["optional"]]
    optional = [i for i, g in enumerate(gold_items) if g["optional"]]
    used_g: set[int] = set()
    used_p: set[int] = set()

    def pairs(indices):
        return [
            (ov[gi][pi], gi, pi)
            for gi in indices
            for pi in range(len(preds))
            if ov[gi][pi] >= THRESHOLD and (not use_speaker or spk_ok[gi][pi])
        ]

    req = _greedy(pairs(required), used_g, used_p)
    opt = _greedy(pairs(optional), used_g, used_p)
    return req, set(opt.values())


def _pr(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"tp": tp, "predicted": n_pred, "gold": n_gold, "precision": p, "recall": r, "f1": f}


def score(gold: dict[str, Any], predictions: dict[str, list[dict]]) -> dict[str, Any]:
    """Score ``predictions`` (``{text_id: [prediction, ...]}``) against ``gold``."""
    unknown = set(predictions) - set(gold["texts"])
    if unknown:
        raise ValueError(f"predictions for unknown texts: {sorted(unknown)}")
    per_text = {}
    tot = {"full": [0, 0, 0], "span": [0, 0, 0]}
    by_mode = defaultdict(lambda: [0, 0, 0, 0])  # gold, full tp, span tp (recall)
    by_pred_mode = defaultdict(lambda: [0, 0])  # predicted (not ignored), full tp
    by_kind = defaultdict(lambda: [0, 0, 0])
    by_tag = defaultdict(lambda: [0, 0, 0])
    fp_kinds = defaultdict(int)
    errors = []
    for tid, meta in gold["texts"].items():
        text = meta["text"]
        g_items = gold["statements"][tid]
        preds = predictions.get(tid, [])
        g_chars = [content_chars(text, [tuple(p) for p in g["parts"]]) for g in g_items]
        p_parts = [prediction_parts(p, text) for p in preds]
        p_chars = [content_chars(text, parts) for parts in p_parts]
        ov = [[overlap(gc, pc) for pc in p_chars] for gc in g_chars]
        # names that make a name part ambiguous: those listed for the text and every named
        # gold speaker of the text
        names = list(
            dict.fromkeys(
                [
                    *meta.get("names", []),
                    *(g["speaker"] for g in g_items if g["speaker_type"] != "role"),
                ]
            )
        )
        spk = [[speaker_matches(p.get("speaker"), g, names) for p in preds] for g in g_items]
        full, full_ign = _match(g_items, preds, ov, spk, True)
        span, span_ign = _match(g_items, preds, ov, spk, False)
        n_req = sum(not g["optional"] for g in g_items)
        res = {}
        for key, m, ign in (("full", full, full_ign), ("span", span, span_ign)):
            n_pred = len(preds) - len(ign)
            res[key] = _pr(len(m), n_pred, n_req)
            tot[key][0] += len(m)
            tot[key][1] += n_pred
            tot[key][2] += n_req
        per_text[tid] = res
        for gi, g in enumerate(g_items):
            if g["optional"]:
                continue
            hit_full, hit_span = gi in full, gi in span
            for table, key in ((by_mode, g["mode"]), (by_kind, g["speaker_kind"])):
                table[key][0] += 1
                table[key][1] += hit_full
                table[key][2] += hit_span
            for tag in g["tags"]:
                by_tag[tag][0] += 1
                by_tag[tag][1] += hit_full
                by_tag[tag][2] += hit_span
            if not hit_full:
                best = max(range(len(preds)), key=lambda pi: ov[gi][pi], default=None)
                errors.append(
                    {
                        "type": "miss",
                        "text_id": tid,
                        "gold_id": g["id"],
                        "speaker": g["speaker"],
                        "mode": g["mode"],
                        "span": _show(text, g["parts"]),
                        "closest": None
                        if best is None or ov[gi][best] == 0
                        else {
                            "speaker": preds[best].get("speaker"),
                            "span": _show(text, p_parts[best]),
                            "overlap": round(ov[gi][best], 2),
                        },
                    }
                )
        matched_p = set(full.values())
        traps = [
            content_chars(text, [_sentence_scope(text, t["start"], t["end"])])
            for t in meta["traps"]
        ]
        for pi, p in enumerate(preds):
            if pi in full_ign:
                continue
            mode = p.get("mode")
            if mode:
                by_pred_mode[mode][0] += 1
                by_pred_mode[mode][1] += pi in matched_p
            if pi in matched_p:
                continue
            if not p_chars[pi]:
                why = "unlocated"
            elif pi in span.values() or any(ov[gi][pi] >= THRESHOLD for gi in range(len(g_items))):
                why = "wrong_speaker"
            elif any(ov[gi][pi] > 0 and spk[gi][pi] for gi in range(len(g_items))):
                why = "fragment"
            elif any(p_chars[pi] & t for t in traps):
                why = "trap"
            else:
                why = "other"
            fp_kinds[why] += 1
            errors.append(
                {
                    "type": "false_positive",
                    "why": why,
                    "text_id": tid,
                    "speaker": p.get("speaker"),
                    "span": _show(text, p_parts[pi]),
                }
            )
    return {
        "overall": {k: _pr(*v) for k, v in tot.items()},
        "per_text": per_text,
        "by_mode": {
            m: {"gold": v[0], "recall_full": v[1] / v[0], "recall_span": v[2] / v[0]}
            for m, v in sorted(by_mode.items())
        },
        "precision_by_predicted_mode": {
            m: {"predicted": v[0], "precision_full": v[1] / v[0]}
            for m, v in sorted(by_pred_mode.items())
        },
        "by_speaker_kind": {
            k: {"gold": v[0], "recall_full": v[1] / v[0], "recall_span": v[2] / v[0]}
            for k, v in sorted(by_kind.items())
        },
        "by_tag": {
            k: {"gold": v[0], "recall_full": v[1] / v[0], "recall_span": v[2] / v[0]}
            for k, v in sorted(by_tag.items())
        },
        "false_positives": dict(fp_kinds),
        "errors": errors,
    }


_SENT_END = re.compile(r"[.?!][”’\"']?(?=\s|$)|\n")


def _sentence_scope(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around ``text[start:end]`` (rough: ends at . ? ! or a line break)."""
    a = 0
    for m in _SENT_END.finditer(text, 0, start):
        a = m.end()
    m = _SENT_END.search(text, end)
    return a, (m.end() if m else len(text))


def _show(text: str, parts) -> str:
    s = " | ".join(text[a:b] for a, b in parts)
    s = s.replace("\n", " ")
    return s if len(s) <= 110 else s[:70] + " … " + s[-35:]


def _f(x) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def format_report(result: dict[str, Any], errors: bool = False, title: str = "") -> str:
    """A plain-text report of ``score``'s result."""
    lines = []
    if title:
        lines += [title, "=" * len(title)]
    o = result["overall"]
    lines.append(f"{'':28} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold")
    for key, label in (("full", "speaker + span"), ("span", "span only (speaker ignored)")):
        r = o[key]
        lines.append(
            f"{label:28} {_f(r['precision']):>6} {_f(r['recall']):>6} {_f(r['f1']):>6}"
            f"   {r['tp']}/{r['predicted']}/{r['gold']}"
        )
    lines += ["", "recall by gold mode          full   span   gold"]
    for m, v in result["by_mode"].items():
        lines.append(f"  {m:26} {_f(v['recall_full']):>6} {_f(v['recall_span']):>6} {v['gold']:>6}")
    if result["precision_by_predicted_mode"]:
        lines += ["", "precision by predicted mode  full   predicted"]
        for m, v in result["precision_by_predicted_mode"].items():
            lines.append(f"  {m:26} {_f(v['precision_full']):>6} {v['predicted']:>8}")
    lines += ["", "recall by speaker kind       full   span   gold"]
    for k, v in result["by_speaker_kind"].items():
        lines.append(f"  {k:26} {_f(v['recall_full']):>6} {_f(v['recall_span']):>6} {v['gold']:>6}")
    lines += ["", "per text                     P(full) R(full) P(span) R(span)  pred gold"]
    for tid, r in result["per_text"].items():
        f, s = r["full"], r["span"]
        lines.append(
            f"  {tid:26} {_f(f['precision']):>7} {_f(f['recall']):>7} "
            f"{_f(s['precision']):>7} {_f(s['recall']):>7} "
            f"{f['predicted']:>5} {f['gold']:>4}"
        )
    lines += ["", "recall by phenomenon tag     full   span   gold"]
    for k, v in result["by_tag"].items():
        lines.append(f"  {k:26} {_f(v['recall_full']):>6} {_f(v['recall_span']):>6} {v['gold']:>6}")
    fp = result["false_positives"]
    lines += [
        "",
        "false positives: " + (", ".join(f"{k} {v}" for k, v in sorted(fp.items())) or "none"),
    ]
    if errors:
        lines += ["", "errors"]
        for e in result["errors"]:
            if e["type"] == "miss":
                c = e["closest"]
                near = (
                    f"\n        closest: [{c['overlap']}] {c['speaker']!r}: {c['span']}"
                    if c
                    else ""
                )
                lines.append(
                    f"  MISS {e['gold_id']} ({e['mode']}) {e['speaker']!r}: {e['span']}{near}"
                )
            else:
                lines.append(f"  FP[{e['why']}] {e['text_id']} {e['speaker']!r}: {e['span']}")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- adapter


def pipeline_predictions(gold: dict[str, Any]) -> dict[str, list[dict]]:
    """Run this checkout's pipeline on every gold text and turn each ``record["quotes"]``
    entry into a prediction.

    A record quote gives ``parts`` (character spans into the article text), ``mode``, and
    three speaker forms: ``speaker`` (actor id, else the resolved phrase), ``speaker_name``
    (the actor's canonical name) and ``speaker_text`` (the phrase at the cue, "he"); all three
    are offered to the scorer.
    """
    # Imported here: `score` and `check` need only the standard library (and load faster).
    sys.path.insert(0, str(ROOT))
    from analysis.article import load_article
    from analysis.record import build_record

    out: dict[str, list[dict]] = {}
    for tid, meta in gold["texts"].items():
        article = load_article(Path(gold["folder"]) / meta["path"])
        if article.text != meta["text"]:
            raise RuntimeError(
                f"{tid}: the article text differs from the file; offsets would not line up"
            )
        preds = []
        for q in build_record(article)["quotes"]:
            forms = [
                f
                for f in (q.get("speaker"), q.get("speaker_name"), q.get("speaker_text"))
                if isinstance(f, str) and f
            ]
            preds.append(
                {
                    "speaker": forms,
                    "spans": q["parts"],
                    "mode": q.get("mode"),
                    "verb": q.get("verb"),
                    "sentence": q.get("sentence"),
                }
            )
        out[tid] = preds
    return out


# ----------------------------------------------------------------------------- CLI


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--gold-dir",
        default=str(GOLD_DIR),
        help="folder with gold.jsonl and texts.json (default: the fixture)",
    )
    sub = ap.add_subparsers(dest="cmd")
    s = sub.add_parser("score", help="score a predictions file")
    s.add_argument("predictions")
    sub.add_parser("check", help="re-verify gold offsets")
    for parser in (ap, s):
        parser.add_argument("--errors", action="store_true", help="list misses and false positives")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--save", help="also write the pipeline's predictions to this JSON file")
    args = ap.parse_args(argv)
    folder = Path(args.gold_dir)
    gold = load_gold(folder / "gold.jsonl", folder / "texts.json")
    if args.cmd == "check":
        problems = check_gold(gold)
        for p in problems:
            print(p)
        n = sum(len(v) for v in gold["statements"].values())
        print(
            f"{len(gold['texts'])} texts, {n} statements: "
            + ("OK" if not problems else f"{len(problems)} problems")
        )
        return 1 if problems else 0
    if args.cmd == "score":
        preds = load_predictions(args.predictions)
        title = f"quotes benchmark: {args.predictions}"
    else:
        began = time.perf_counter()
        preds = pipeline_predictions(gold)
        seconds = time.perf_counter() - began
        if args.save:
            Path(args.save).write_text(
                json.dumps(preds, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
        title = (
            f"quotes benchmark: record['quotes'] of this checkout on {folder} "
            f"({len(gold['texts'])} texts, {seconds:.1f} s)"
        )
    result = score(gold, preds)
    if args.json:
        print(
            json.dumps(
                {k: v for k, v in result.items() if args.errors or k != "errors"},
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        print(format_report(result, errors=args.errors, title=title))
    return 0


if __name__ == "__main__":
    sys.exit(main())
