"""Lazy re-exports for package ``__init__`` modules (PEP 562).

A package lists its public names by module; each module is imported the first time one of its
names is used, so ``article-analysis --help`` and ``import analysis.stats`` import no pandas,
matplotlib, NLTK or Dask until an analysis needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from typing import Any


def lazy_exports(
    package: str, modules: Mapping[str, Sequence[str]]
) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """``__all__``, ``__getattr__`` and ``__dir__`` for ``package``.

    Args:
        package: the package's ``__name__``.
        modules: submodule name (relative, e.g. ``"overview"``) -> the public names it defines.
    """
    where = {name: module for module, names in modules.items() for name in names}
    namespace = import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{where[name]}"), name)
        namespace[name] = value  # later look-ups are plain attribute reads
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    return sorted(where), __getattr__, __dir__
