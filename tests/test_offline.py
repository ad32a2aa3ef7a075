"""Offline-first: no nltk.download(), no NLTK data needed, no network at run time."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT


def test_no_nltk_download_in_the_package():
    for path in (ROOT / "analysis").rglob("*.py"):
        assert "nltk.download" not in path.read_text(encoding="utf-8"), path


def test_analysis_runs_with_empty_nltk_data_and_no_network(tmp_path, seed_path):
    # A child process with NLTK_DATA empty and every socket connection refused.
    script = (
        "import socket\n"
        "def refuse(*a, **k):\n    raise OSError('network disabled in test')\n"
        "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
        "from analysis.cli import main\n"
        f"raise SystemExit(main(['analyse', {str(seed_path)!r}, '--json']))\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert '"sentences": 40' in result.stdout
