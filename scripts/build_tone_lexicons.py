"""Derive the two extra word lists of the news tone into ``analysis/resources/``.

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

Both sources are build-time tools of the ``build`` extra (``make setup`` installs them;
labMTsimple is built from its source distribution); ``make resources`` runs this script. With
them installed elsewhere, point the script at that folder (``--source``; by default the folder
where ``textblob`` is importable from)::

    .venv/bin/python scripts/build_tone_lexicons.py
    .venv/bin/python scripts/build_tone_lexicons.py --check  # exit 1 when a list is stale

The package reads only the derived lists (``analysis.sentiment.news_tone``); neither textblob
nor labMTsimple is imported or needed at run time. Terms: ``THIRD_PARTY.md``.
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


def outputs(source: Path) -> dict[str, str]:
    tb = textblob_polarity(source / TEXTBLOB_XML)
    lm = labmt_happiness(source / LABMT_TXT)
    return {
        "textblob_polarity.tsv": TEXTBLOB_HEADER + "".join(f"{w}\t{v:g}\n" for w, v in tb.items()),
        "textblob_LICENSE.txt": (source / TEXTBLOB_LICENCE).read_text(encoding="utf-8").rstrip()
        + PDDL_NOTE,
        "labmt_happiness.tsv": LABMT_HEADER + "".join(f"{w}\t{h}\n" for w, h in lm.items()),
        "labmt_NOTICE.txt": LABMT_NOTICE,
    }


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
    parser.add_argument("--check", action="store_true", help="exit 1 if a list is stale")
    args = parser.parse_args(argv)
    if args.source is None:
        parser.error("textblob and labMTsimple are not importable: pass --source")
    stale = []
    for name, text in outputs(args.source).items():
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
