"""Copy the word lists the package reads into ``analysis/resources/``, each with its licence.

Three lists are taken from the data files of wheels that are build-time tools only (the
``build`` extra), so that the package neither imports nor depends on them at run time:

* ``AFINN-en-165.txt`` from afinn (``afinn/data/AFINN-en-165.txt``), with
  ``AFINN_LICENSE.txt`` (Open Database License 1.0, from ``afinn/data/LICENSE``);
* ``dale_chall_words.txt`` from textstat (``textstat/resources/en/easy_words.txt``), with
  ``dale_chall_LICENSE.txt`` (textstat's MIT licence);
* ``stopwords_en.txt`` from stopwords (``stopwords/languages/english/default.txt``), with
  ``stopwords_LICENSE.txt`` (the wheel's ISC licence and the Snowball project's BSD-3-Clause).

Each list is copied byte for byte (its checksum can be compared with the wheel's ``RECORD``);
provenance and terms are in ``THIRD_PARTY.md``. The files are located through package metadata:
no wrapper code is imported (the afinn wheel declares "GPL").

Usage (``make resources`` runs it)::

    .venv/bin/python scripts/build_word_lists.py            # writes the lists and licences
    .venv/bin/python scripts/build_word_lists.py --check    # exit 1 if any is stale
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "analysis" / "resources"

# The Snowball project's licence for its stop-word lists (the stopwords wheel's English list is
# Snowball's; the wheel's own ISC notice covers only its packaging). Holders and terms as in
# Debian's copyright file for the Snowball sources (package libstemmer0d).
SNOWBALL_NOTICE = """\
The English list is the Snowball project's stop-word list (https://snowballstem.org/).

Copyright (c) 2001, Dr Martin Porter
Copyright (c) 2004,2005, Richard Boulton
Copyright (c) 2006-2021, Olly Betts
Copyright (c) 2013, Yoshiki Shibukawa
Copyright (c) 2020, Stephane Carrez
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.
2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.
3. Neither the name of the Snowball project nor the names of its contributors
   may be used to endorse or promote products derived from this software
   without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""


@dataclass(frozen=True)
class WordList:
    """One packaged list: where it comes from and where it and its licence go."""

    distribution: str  # the wheel that ships it (a build-time tool)
    source: str  # the list's path inside the wheel (as in its RECORD)
    licence_source: str  # the licence file's path inside the wheel
    target: str  # file name in analysis/resources/
    licence_target: str
    licence_preface: str = ""  # written before the wheel's licence text
    licence_suffix: str = ""  # written after it


LISTS = (
    WordList(
        "afinn",
        "afinn/data/AFINN-en-165.txt",
        "afinn/data/LICENSE",
        "AFINN-en-165.txt",
        "AFINN_LICENSE.txt",
        licence_preface="AFINN-en-165 word list by Finn Årup Nielsen (Technical University "
        "of Denmark), made\navailable under the Open Database License (ODbL) v1.0, "
        "below.\n\n",
    ),
    WordList(
        "textstat",
        "textstat/resources/en/easy_words.txt",
        "licenses/LICENSE",
        "dale_chall_words.txt",
        "dale_chall_LICENSE.txt",
        licence_preface="The Dale–Chall familiar-word list as distributed in the textstat "
        "package, under textstat's licence:\n\n",
    ),
    WordList(
        "stopwords",
        "stopwords/languages/english/default.txt",
        "licenses/LICENSE",
        "stopwords_en.txt",
        "stopwords_LICENSE.txt",
        licence_preface="English stop words as distributed in the stopwords package "
        "(https://github.com/astuanax/stopwords),\nunder its ISC licence:\n\n",
        licence_suffix="\n" + SNOWBALL_NOTICE,
    ),
)


def wheel_file(distribution: str, suffix: str) -> Path:
    """The installed file of ``distribution`` whose RECORD path ends with ``suffix``."""
    try:
        files = metadata.distribution(distribution).files or []
    except metadata.PackageNotFoundError:
        sys.exit(
            f"{distribution} is not installed: pip install -e '.[build]' (build-time tools only)"
        )
    for file in files:
        path = file.as_posix()
        if path == suffix or path.endswith("/" + suffix):
            return Path(file.locate())
    sys.exit(f"{distribution} {metadata.version(distribution)} has no file {suffix}")


def outputs(item: WordList) -> dict[Path, bytes]:
    """The packaged list and its licence file, as bytes."""
    words = wheel_file(item.distribution, item.source).read_bytes()
    licence = wheel_file(item.distribution, item.licence_source).read_text(encoding="utf-8")
    version = metadata.version(item.distribution)
    header = (
        f"{item.target}: copied by scripts/build_word_lists.py from "
        f"{item.distribution} {version} ({item.source}).\n\n"
    )
    text = header + item.licence_preface + licence.rstrip("\n") + "\n" + item.licence_suffix
    return {RESOURCES / item.target: words, RESOURCES / item.licence_target: text.encode()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if any file is stale")
    args = parser.parse_args(argv)
    wanted = {path: data for item in LISTS for path, data in outputs(item).items()}
    if args.check:
        stale = [p.name for p, data in wanted.items() if not p.exists() or p.read_bytes() != data]
        print(f"stale: {', '.join(stale)}" if stale else "up to date")
        return 1 if stale else 0
    for path, data in wanted.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
