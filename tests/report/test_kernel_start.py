"""Kernels started at the same moment in parallel processes never collide (issue 14: one
notebook in about 30 failed with "Kernel died before replying to kernel_info" when two kernels
took the same TCP port). The runner's kernels talk over Unix domain sockets of their own."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import pytest

from analysis.report import runner

PARALLEL = 8
ROUNDS = 5


def test_kernels_get_sockets_of_their_own():
    manager_class = runner.kernel_manager_class()
    if os.name != "posix":
        assert manager_class is None  # TCP with start retries instead
        return
    first, second = manager_class(kernel_name="python3"), manager_class(kernel_name="python3")
    assert first.transport == second.transport == "ipc"
    assert first.ip != second.ip
    assert Path(first.ip).parent == Path(second.ip).parent  # the temporary folder


def test_a_kernel_that_dies_while_starting_is_started_again(monkeypatch, tmp_path):
    calls = []

    def flaky(*args, **kwargs):
        calls.append(kwargs.get("kernel_manager_class"))
        if len(calls) < 3:
            raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr("papermill.execute_notebook", flaky)
    runner._execute(Path("nb.ipynb"), tmp_path / "out.ipynb", {}, None)
    assert len(calls) == 3


def test_other_errors_are_not_retried(monkeypatch, tmp_path):
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        raise RuntimeError("No such kernel named python9")

    monkeypatch.setattr("papermill.execute_notebook", broken)
    with pytest.raises(RuntimeError, match="python9"):
        runner._execute(Path("nb.ipynb"), tmp_path / "out.ipynb", {}, None)
    assert calls == [1]


def _tiny_notebook(path: Path) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    params = nbformat.v4.new_code_cell('label: str = "x"  # echoed')
    params.metadata["tags"] = ["parameters"]
    notebook.cells = [params, nbformat.v4.new_code_cell("print(label * 2)")]
    nbformat.write(notebook, path)
    return path


@pytest.mark.notebooks
def test_eight_notebooks_in_parallel_five_times(tmp_path):
    notebook = _tiny_notebook(tmp_path / "tiny.ipynb")
    env = runner.kernel_environment(tmp_path / "kernels")
    failures = []
    with ProcessPoolExecutor(max_workers=PARALLEL) as pool:
        for round_ in range(ROUNDS):
            futures = [
                pool.submit(
                    runner.run_notebook,
                    notebook,
                    tmp_path / f"r{round_}-{i}",
                    {"label": f"{round_}-{i}"},
                    False,
                    tmp_path,
                    env,
                )
                for i in range(PARALLEL)
            ]
            outcomes = [future.result() for future in futures]
            failures += [f"{o.error_name}: {o.error}" for o in outcomes if not o.ok]
    assert failures == []
    assert len(list(tmp_path.glob("r*/tiny.html"))) == PARALLEL * ROUNDS
