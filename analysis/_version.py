"""The package version: its one home (pyproject.toml reads it from here when the package is
built). A literal, not ``importlib.metadata``, which costs ~0.05 s at every start."""

__version__ = "0.1.0"
