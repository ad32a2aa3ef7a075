"""Whole-process start-up of the ``article-analysis`` command.

For ``--version``, ``--help`` and ``analyse`` on the seed article, runs each command ``--runs``
times (default 10) as a fresh process and prints the minimum and median wall-clock seconds, then
the modules that take longest to import for ``analyse`` (``python -X importtime``, cumulative).

Usage: ``.venv/bin/python benchmarks/startup_benchmark.py [--runs 10] [--top 12]``.
Targets (issue 10): ``--version`` <= 0.3 s, ``analyse`` on the seed <= 1.2 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "raw" / "putin_north_korea_2024.txt"
COMMANDS = {
    "--version": ["--version"],
    "--help": ["--help"],
    "analyse (seed)": ["analyse", str(SEED)],
    "analyse --json (seed)": ["analyse", str(SEED), "--json"],
}


def _run(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "analysis.cli", *argv],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def import_times(argv: list[str], top: int) -> list[tuple[float, str]]:
    """The ``top`` slowest imports (cumulative seconds, module) of one run of ``argv``."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "analysis.cli", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, cumulative, name = (part.strip() for part in line[12:].split("|"))
            rows.append((int(cumulative) / 1e6, name))
    return sorted(rows, reverse=True)[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args(argv)
    print("| command | min s | median s | runs |\n|---|---:|---:|---:|")
    for label, command in COMMANDS.items():
        _run(command)  # warm the file cache
        times = [_run(command) for _ in range(args.runs)]
        print(f"| `{label}` | {min(times):.3f} | {statistics.median(times):.3f} | {args.runs} |")
    print("\nSlowest imports of `analyse` (cumulative, one run):\n\n| s | module |\n|---:|---|")
    for seconds, name in import_times(COMMANDS["analyse (seed)"], args.top):
        print(f"| {seconds:.3f} | `{name}` |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
