"""The installed package version (cheap: no other module of the package is imported)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("article-analysis")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"
