"""Write the notebooks in exactly the form JupyterLab saves them, without outputs.

JupyterLab 4 sends the notebook to Jupyter Server, which writes it with
``nbformat.write``: keys sorted, an indent of 1, non-ASCII kept, a final newline. When a
kernel starts, JupyterLab also replaces ``metadata.language_info`` with the kernel's own (name,
version, mimetype, codemirror_mode, …); a notebook committed with less is changed, and
autosaved, as soon as it is opened. So this script gives every notebook the project kernel's
``kernelspec`` and full ``language_info`` (that of ipykernel in this environment), strips outputs
and execution counts, drops papermill's metadata, and writes it as Jupyter Server does.

    .venv/bin/python scripts/normalise_notebooks.py [NOTEBOOK…] [--check]

With ``--check`` nothing is written; the exit code is 1 if a notebook would change.
``make notebooks`` runs it on notebooks/*.ipynb; a test runs the check.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path
from typing import Any

import nbformat

ROOT = Path(__file__).resolve().parents[1]
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
#: Cell metadata that execution adds and a committed notebook does not keep.
RUN_METADATA = ("execution", "papermill", "collapsed", "scrolled", "ExecuteTime")


def kernel_language_info() -> dict[str, Any]:
    """The ``language_info`` the project kernel reports in its kernel_info reply (without
    starting it: ipykernel builds it from this interpreter)."""
    from ipykernel.ipkernel import IPythonKernel

    return copy.deepcopy(dict(IPythonKernel.language_info))


def normalise(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook as committed: no outputs, no execution counts, the kernel's metadata."""
    notebook = copy.deepcopy(notebook)
    for cell in notebook.cells:
        for key in RUN_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    notebook.metadata = nbformat.from_dict(
        {
            **{k: v for k, v in notebook.metadata.items() if k not in ("papermill", "widgets")},
            "kernelspec": KERNELSPEC,
            "language_info": kernel_language_info(),
        }
    )
    return notebook


def as_saved(notebook: nbformat.NotebookNode) -> str:
    """The text Jupyter Server writes for ``notebook`` (``nbformat.write``: the JSON and a
    final newline)."""
    text = nbformat.writes(notebook, version=nbformat.NO_CONVERT)
    return text if text.endswith("\n") else text + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "notebooks", nargs="*", type=Path, default=sorted((ROOT / "notebooks").glob("*.ipynb"))
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 on change")
    args = parser.parse_args(argv)
    changed = []
    for path in args.notebooks:
        text = path.read_text(encoding="utf-8")
        wanted = as_saved(normalise(nbformat.reads(text, as_version=4)))
        if wanted != text:
            changed.append(path)
            if not args.check:
                path.write_text(wanted, encoding="utf-8")
    verb = "would change" if args.check else "normalised"
    for path in changed:
        print(f"{verb}: {path}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
