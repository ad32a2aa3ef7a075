"""Start-up stays light: the help and version answers import no heavy library (issue 10)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT

HEAVY = (
    "pandas",
    "matplotlib",
    "nltk",
    "dask",
    "distributed",
    "trafilatura",
    "pyarrow",
    "networkx",
    "wordfreq",
    "numpy",
    "yaml",
)

PROBE = """
import json, sys
from analysis.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r})), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "argv",
    [["--version"], ["--help"], ["analyse", "--help"], ["report", "--help"], ["corpus", "--help"]],
)
def test_help_and_version_import_no_heavy_library(argv):
    code = PROBE.format(argv=argv, heavy=set(HEAVY))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    imported = json.loads(result.stderr.strip().splitlines()[-1])
    assert imported == [], f"{argv} imported {imported}"


def test_the_package_and_its_subpackages_import_lazily():
    code = (
        "import sys, analysis, analysis.stats, analysis.sentiment, analysis.actors, "
        "analysis.report, analysis.corpus; "
        f"print([m for m in sys.modules if m.split('.')[0] in {set(HEAVY)!r}])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("package", ["stats", "sentiment", "actors", "report", "corpus"])
def test_every_public_name_resolves(package):
    module = __import__(f"analysis.{package}", fromlist=["__all__"])
    assert module.__all__ == sorted(module.__all__)
    for name in module.__all__:
        assert getattr(module, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        module.nothing_here  # noqa: B018
