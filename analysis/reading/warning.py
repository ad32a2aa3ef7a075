"""Reading warnings: what a reader of the results should know about how the text was read."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["WARNING_CODES", "ReadingWarning"]

#: Stable codes, one per kind of warning.
WARNING_CODES = {
    "encoding-guessed": "the file is not clean UTF-8; its encoding was guessed",
    "thin-body": "the body is short against the text the page shows; the story may be missing",
    "fallback": "the main extractor came out thin; another reading of the page was used",
    "non-english": "the text is not in English; the analyses are built for English",
    "furniture-in-story": "site furniture lines were removed from between story paragraphs",
}


@dataclass(frozen=True)
class ReadingWarning:
    """A warning about how an article was read: a stable ``code`` (a key of
    :data:`WARNING_CODES`) and a ``message`` for people. ``str()`` gives ``"code: message"``."""

    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}
