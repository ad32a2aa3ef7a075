"""Every notebook: committed without outputs and in the form JupyterLab saves, one tagged
parameters cell with typed, commented defaults, a kernelspec (papermill needs it), no
analysis logic of its own, and its prose from the prose helpers."""

from __future__ import annotations

import ast
import subprocess
import sys

import nbformat
import pytest

from ..conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stripped_and_parameterised(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), "strip outputs"
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    tree = ast.parse(tagged[0].source)
    assert tree.body and all(isinstance(node, ast.AnnAssign) for node in tree.body), \
        "parameters are typed assignments (name: type = literal)"
    for line in tagged[0].source.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            assert "#" in line, f"parameter without a comment: {line}"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    assert "language_info" in nb.metadata


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_defines_no_functions(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            tree = ast.parse("\n".join(line for line in cell.source.splitlines()
                                       if not line.lstrip().startswith(("%", "!"))))
            assert not any(isinstance(n, ast.FunctionDef | ast.ClassDef) for n in ast.walk(tree)), \
                "logic belongs in the analysis package"


def _code_cells(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
            yield ast.parse("\n".join(line for line in cell.source.splitlines()
                                      if not line.lstrip().startswith(("%", "!"))))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_prose_comes_from_the_prose_helpers(path):
    """A cell shows prose by calling a helper (analysis.<subpackage>.prose), so the notebook
    builds no sentences itself: under 5% of its code lines hold an f-string (file names), and
    no Markdown is built from an f-string or a concatenation."""
    lines = fstring_lines = 0
    for tree in _code_cells(path):
        code_lines = {n.lineno for n in ast.walk(tree) if hasattr(n, "lineno")}
        lines += len(code_lines)
        fstring_lines += len({line for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)
                              for line in range(n.lineno, n.end_lineno + 1)})
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Markdown"
                    and node.args):
                assert not isinstance(node.args[0], ast.JoinedStr | ast.BinOp), \
                    f"line {node.lineno}: Markdown built in the notebook; use a prose helper"
    assert fstring_lines / lines < 0.05, f"{fstring_lines} of {lines} code lines are f-strings"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_as_jupyterlab_saves_it(path):
    """Opening a notebook in JupyterLab and saving it leaves git clean. On opening, JupyterLab
    sets the kernelspec and replaces language_info with the kernel's kernel_info reply (what
    ipykernel builds from this interpreter); on saving, Jupyter Server writes
    ``nbformat.write``'s text (sorted keys, indent 1, UTF-8, a final newline)."""
    from ipykernel.ipkernel import IPythonKernel

    text = path.read_text(encoding="utf-8")
    notebook = nbformat.reads(text, as_version=4)
    notebook.metadata["kernelspec"] = nbformat.from_dict(
        {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"})
    notebook.metadata["language_info"] = nbformat.from_dict(dict(IPythonKernel.language_info))
    saved = nbformat.writes(notebook, version=nbformat.NO_CONVERT) + "\n"
    assert saved == text, ("not in JupyterLab's saved form: run `make notebooks` "
                           "(scripts/normalise_notebooks.py)")


def test_normalise_script_agrees():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "normalise_notebooks.py"),
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
