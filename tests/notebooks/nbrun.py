"""Run a project notebook with papermill, as the notebook tests and the report runner do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat

from ..conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"


def run_notebook(name: str, tmp_path: Path, **parameters: Any) -> nbformat.NotebookNode:
    """Execute ``notebooks/<name>`` from the repo root with ``parameters``; return the result.

    ``output_dir`` defaults to ``tmp_path / "out"``. The executed copy is saved as
    ``tmp_path / name`` for inspection.
    """
    import papermill

    from analysis.report.runner import kernel_manager_class

    parameters.setdefault("output_dir", str(tmp_path / "out"))
    executed = tmp_path / name
    manager = kernel_manager_class()  # the report runner's kernels, on IPC sockets
    papermill.execute_notebook(str(NOTEBOOKS / name), str(executed), parameters=parameters,
                               cwd=str(ROOT), progress_bar=False, kernel_name="python3",
                               **({"kernel_manager_class": manager} if manager else {}))
    return nbformat.read(executed, as_version=4)


def outputs_text(notebook: nbformat.NotebookNode) -> str:
    """All text/plain, text/markdown and text/html outputs of a notebook, joined."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if "text" in output:
                parts.append(output["text"])
            for mime in ("text/plain", "text/markdown", "text/html"):
                if mime in output.get("data", {}):
                    parts.append(output["data"][mime])
    return "\n".join(parts)
