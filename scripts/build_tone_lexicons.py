"""Derive the three extra word lists of the news tone into ``analysis/resources/``.

* ``textblob_polarity.tsv``: per word form of pattern's English adjective/adverb sentiment
  lexicon (``textblob/en/en-sentiment.xml`` in the ``textblob`` 0.20.1 wheel; Tom De Smedt and
  Walter Daelemans, the XML declares ``license="PDDL"``), the mean polarity (-1 … +1) over the
  form's senses, as TextBlob's own lexicon averages them; single-word forms with a non-zero mean.
  ``textblob_LICENSE.txt``: the wheel's MIT notice and the lexicon's PDDL dedication.
* ``labmt_happiness.tsv``: the happiness of each word of labMT 1.0 (Dodds et al., "Temporal
  patterns of happiness and information in a global social network", PLoS ONE 6(12): e26752,
  2011, Data S1: 10,222 frequent English words, each rated 1 … 9 by 50 people), the words whose
  average is at least 0.5 from the neutral 5 (the ones the news tone counts). Read from
  ``labMTsimple/data/LabMT/labMT1.txt`` (the ``labMTsimple`` 2.8.8 source distribution, a copy
  of Data S1). ``labmt_NOTICE.txt``: the attribution.
* ``sentimentr_strength.tsv``: Mohammad Darwich's positive (0 … +1) and negative (-1 … 0) word
  strengths, from ``sentimentr/lexica/pos lexicon.txt`` and ``neg lexicon.txt`` of the
  ``sentimentr`` 2.0 source distribution (MIT, copyright 2021 Mohammad Darwich); single-word
  entries, lower-cased, the mean where a word is listed twice; the 25 values beyond ±1 (all
  negative whole numbers, "bemused -5", in a list of tenths) are read as tenths (-0.5).
  ``sentimentr_LICENSE.txt``: the MIT notice (the source distribution carries no licence file;
  its metadata and the author's repository state MIT).

All three sources are build-time tools of the ``build`` extra (``make setup`` installs them;
labMTsimple is built from its source distribution); ``make resources`` runs this script. With
them installed elsewhere, point the script at that folder (``--source``; by default the folder
where ``textblob`` is importable from; ``--sentimentr-source`` likewise for ``sentimentr``)::

    .venv/bin/python scripts/build_tone_lexicons.py
    .venv/bin/python scripts/build_tone_lexicons.py --check  # exit 1 when a list is stale

The package reads only the derived lists (``analysis.sentiment.news_tone``); none of textblob,
labMTsimple and sentimentr is imported or needed at run time. Terms: ``THIRD_PARTY.md``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "analysis" / "resources"

TEXTBLOB_XML = "textblob/en/en-sentiment.xml"
TEXTBLOB_LICENCE = "textblob-0.20.1.dist-info/licenses/LICENSE"
LABMT_TXT = "labMTsimple/data/LabMT/labMT1.txt"
SENTIMENTR_LISTS = ("sentimentr/lexica/pos lexicon.txt", "sentimentr/lexica/neg lexicon.txt")

#: labMT words count when their average is at least this far from the neutral 5.
LABMT_BAND = 0.5

TEXTBLOB_HEADER = (
    "# Mean polarity (-1 … +1) over the senses of each single-word form of pattern's English\n"
    "# sentiment lexicon (textblob 0.20.1, textblob/en/en-sentiment.xml; T. De Smedt and\n"
    "# W. Daelemans; PDDL). Derived by scripts/build_tone_lexicons.py; see textblob_LICENSE.txt.\n"
)
LABMT_HEADER = (
    "# labMT 1.0 happiness averages (1 … 9, neutral 5) of the words at least 0.5 from 5.\n"
    "# Dodds et al. 2011, PLoS ONE 6(12): e26752, Data S1 (CC BY). Derived by\n"
    "# scripts/build_tone_lexicons.py; see labmt_NOTICE.txt.\n"
)
SENTIMENTR_HEADER = (
    "# Word strengths (positive 0 … +1, negative -1 … 0) of Mohammad Darwich's sentimentr 2.0\n"
    "# lexicon (sentimentr/lexica/pos lexicon.txt and neg lexicon.txt; MIT): single words,\n"
    "# lower-cased; its 25 values beyond ±1 read as tenths. Derived by\n"
    "# scripts/build_tone_lexicons.py; see sentimentr_LICENSE.txt.\n"
)
SENTIMENTR_LICENCE = """\
sentimentr_strength.tsv is derived from the word lists of sentimentr 2.0 (Mohammad Darwich,
"Context-aware sentiment analysis model for formal and informal social media-style parlance";
sentimentr/lexica/pos lexicon.txt and neg lexicon.txt of its source distribution). The
package's metadata declares "License: MIT" (classifier "License :: OSI Approved :: MIT
License"); its source distribution carries no licence file, and the author's repository holds
the MIT licence below.

MIT License

Copyright (c) 2021 Mohammad Darwich

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""
PDDL_NOTE = (
    "\n\nThe lexicon itself (en-sentiment.xml, by Tom De Smedt and Walter Daelemans, from the\n"
    'pattern library, CLiPS, University of Antwerp) declares license="PDDL": the Open Data\n'
    "Commons Public Domain Dedication and License 1.0.\n"
)
LABMT_NOTICE = """\
labmt_happiness.tsv is derived from labMT 1.0 (the "language assessment by Mechanical Turk"
word list), published as Data S1 of:

  Dodds P.S., Harris K.D., Kloumann I.M., Bliss C.A., Danforth C.M. (2011) Temporal patterns of
  happiness and information in a global social network: Hedonometrics and Twitter.
  PLoS ONE 6(12): e26752. https://doi.org/10.1371/journal.pone.0026752

PLoS ONE publishes articles and their supporting information under the Creative Commons
Attribution License (CC BY): keep this attribution with the list. The copy read at build time
is labMTsimple 2.8.8's data/LabMT/labMT1.txt (Andy Reagan; the package states no licence of
its own). The derived list keeps the words whose happiness average is at least 0.5 from the
neutral 5, with their averages as published.
"""


def textblob_polarity(xml_path: Path) -> dict[str, float]:
    senses: dict[str, list[float]] = {}
    for word in ET.parse(xml_path).getroot().iter("word"):
        form = word.get("form", "").lower()
        if form and " " not in form:
            senses.setdefault(form, []).append(float(word.get("polarity", "0")))
    means = {form: sum(v) / len(v) for form, v in senses.items()}
    return {form: round(m, 6) for form, m in sorted(means.items()) if round(m, 6) != 0}


def labmt_happiness(txt_path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    lines = txt_path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:  # header: word, rank, happs, stddev, ranks …
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        word, happs = parts[0].lower(), parts[2]
        if abs(float(happs) - 5.0) >= LABMT_BAND and word not in out:
            out[word] = happs
    return dict(sorted(out.items()))


def sentimentr_strength(paths: list[Path]) -> dict[str, float]:
    values: dict[str, list[float]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:  # header: #…LEXICON
            parts = line.split("\t")
            if len(parts) != 2 or " " in parts[0].strip():
                continue
            value = float(parts[1])
            if abs(value) > 1:  # 25 entries ("bemused -5", "refuses -6") lack the "0."
                value /= 10
            values.setdefault(parts[0].strip().lower(), []).append(value)
    means = {w: round(sum(v) / len(v), 6) for w, v in values.items()}
    return {w: m for w, m in sorted(means.items()) if m}


def outputs(source: Path, sentimentr_source: Path) -> dict[str, str]:
    tb = textblob_polarity(source / TEXTBLOB_XML)
    lm = labmt_happiness(source / LABMT_TXT)
    sr = sentimentr_strength([sentimentr_source / p for p in SENTIMENTR_LISTS])
    return {
        "sentimentr_strength.tsv": SENTIMENTR_HEADER
        + "".join(f"{w}\t{v:g}\n" for w, v in sr.items()),
        "sentimentr_LICENSE.txt": SENTIMENTR_LICENCE,
        "textblob_polarity.tsv": TEXTBLOB_HEADER + "".join(f"{w}\t{v:g}\n" for w, v in tb.items()),
        "textblob_LICENSE.txt": (source / TEXTBLOB_LICENCE).read_text(encoding="utf-8").rstrip()
        + PDDL_NOTE,
        "labmt_happiness.tsv": LABMT_HEADER + "".join(f"{w}\t{h}\n" for w, h in lm.items()),
        "labmt_NOTICE.txt": LABMT_NOTICE,
    }


def package_folder(name: str) -> Path | None:
    """The folder ``name`` is importable from (found without importing it), if it is."""
    spec = importlib.util.find_spec(name)
    return None if spec is None or spec.origin is None else Path(spec.origin).parent.parent


def default_source() -> Path | None:
    """The folder holding the importable ``textblob`` and ``labMTsimple`` packages, if both are
    importable from the same folder (found without importing them)."""
    specs = [importlib.util.find_spec(name) for name in ("textblob", "labMTsimple")]
    if any(spec is None or spec.origin is None for spec in specs):
        return None
    folders = {Path(spec.origin).parent.parent for spec in specs}
    return folders.pop() if len(folders) == 1 else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=default_source(),
        help="folder holding textblob/ and labMTsimple/ (pip install --target); default: "
        "where they are importable from",
    )
    parser.add_argument(
        "--sentimentr-source",
        type=Path,
        default=package_folder("sentimentr"),
        help="folder holding sentimentr/ (default: where it is importable from)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if a list is stale")
    args = parser.parse_args(argv)
    if args.source is None:
        parser.error("textblob and labMTsimple are not importable: pass --source")
    if args.sentimentr_source is None:
        parser.error("sentimentr is not importable: pass --sentimentr-source")
    stale = []
    for name, text in outputs(args.source, args.sentimentr_source).items():
        path = RESOURCES / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("stale: " + ", ".join(stale) + " (run scripts/build_tone_lexicons.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
