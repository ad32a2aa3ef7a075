"""Wall time of the full report for one article: ours (cold and re-run) beside the naive way.

The naive way is what a user would type in the shell: for each notebook, ``papermill`` then
``jupyter nbconvert --to html``, one after another. Ours is ``article-analysis report`` (all
report notebooks, HTML export, index page), first cold (``--force``), then re-run unchanged.

    .venv/bin/python benchmarks/report_benchmark.py [ARTICLE] [--repeat 1] [--jobs N]

Run it on a quiet machine: other load inflates both ways, but not in proportion. The load
average is printed with the table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.report.runner import report_notebooks  # noqa: E402

BIN = Path(sys.executable).parent


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def naive(article: Path, work: Path, env: dict[str, str]) -> float:
    """papermill + jupyter nbconvert per notebook, sequentially, as separate commands."""
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for notebook in report_notebooks():
        executed = work / notebook.name
        _timed(
            [
                str(BIN / "papermill"),
                str(notebook),
                str(executed),
                "-p",
                "article_path",
                str(article),
                "-p",
                "output_dir",
                str(work / "figures"),
                "--no-progress-bar",
            ],
            env,
        )
        _timed(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)], env
        )
    return time.perf_counter() - started


def ours(article: Path, out: Path, env: dict[str, str], jobs: int | None, force: bool) -> float:
    command = [
        str(BIN / "article-analysis"),
        "report",
        str(article),
        "--out",
        str(out),
        "--no-progress",
    ]
    if jobs:
        command += ["--jobs", str(jobs)]
    if force:
        command.append("--force")
    return _timed(command, env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "article", nargs="?", default=str(ROOT / "data/raw/putin_north_korea_2024.txt")
    )
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    article = Path(args.article).resolve()
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    names = ", ".join(p.stem for p in report_notebooks())
    rows: dict[str, list[float]] = {
        "naive: papermill + nbconvert per notebook": [],
        "ours: cold (--force)": [],
        "ours: re-run, unchanged": [],
    }
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            rows["naive: papermill + nbconvert per notebook"].append(
                naive(article, work / "naive", env)
            )
            rows["ours: cold (--force)"].append(
                ours(article, work / "ours", env, args.jobs, force=True)
            )
            rows["ours: re-run, unchanged"].append(
                ours(article, work / "ours", env, args.jobs, force=False)
            )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"article: {article.name}; notebooks: {names}; cores: {os.cpu_count()}; "
        f"jobs: {args.jobs or 'default'}; repeats: {args.repeat}; load average after: {load}"
    )
    # Each repeat runs the ways back to back, so the ratio within a repeat is the least
    # disturbed by load that comes and goes; its median is the last column.
    naive_times = rows["naive: papermill + nbconvert per notebook"]
    print(f"{'way':45s} {'median s':>9s} {'vs naive':>9s} {'median of ratios':>17s}")
    base = statistics.median(naive_times)
    for name, times in rows.items():
        median = statistics.median(times)
        ratios = statistics.median(t / n for t, n in zip(times, naive_times, strict=True))
        print(f"{name:45s} {median:9.1f} {median / base:9.2f} {ratios:17.2f}")


if __name__ == "__main__":
    main()
