"""Project paths, derived once from the package location.

Notebooks find ``data/`` from any working directory through these.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
# In a source checkout (editable install) the project is the package's parent; when the package
# is installed elsewhere, the current directory stands in for it.
PROJECT_DIR = (PACKAGE_DIR.parent if (PACKAGE_DIR.parent / "pyproject.toml").exists()
               else Path.cwd())
DATA_DIR = PROJECT_DIR / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
REPORTS_DIR = PROJECT_DIR / "reports"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
SEED_ARTICLE = RAW_DIR / "putin_north_korea_2024.txt"


def resolve_path(path: str | Path, base: Path = PROJECT_DIR) -> Path:
    """Resolve ``path`` as given if it exists, else relative to the project directory.

    Notebooks run with cwd = ``notebooks/`` in JupyterLab and cwd = repo root under papermill;
    a default like ``data/raw/x.txt`` must work in both.
    """
    candidate = Path(path).expanduser()
    if candidate.is_absolute() or candidate.exists():
        return candidate
    anchored = base / candidate
    return anchored if anchored.exists() else candidate


def resolve_output_dir(path: str | Path, base: Path = PROJECT_DIR) -> Path:
    """An output folder: absolute as given, relative ones anchored at the project directory
    (so a notebook writes to the same place from JupyterLab and from papermill). Created."""
    candidate = Path(path).expanduser()
    folder = candidate if candidate.is_absolute() else base / candidate
    folder.mkdir(parents=True, exist_ok=True)
    return folder
