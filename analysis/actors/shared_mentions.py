"""Actor mentions shared between the processes of one report run, through files.

A report analyses each article several times: the runner builds the record, and notebooks 02
and 03 each detect the mentions again in their own kernels, which on a long article means
running the name recogniser three times. When a folder is named (the runner names one inside
its staging folder, and passes it to the kernels as ``ARTICLE_ANALYSIS_MENTIONS``), the first
process to detect an article's mentions writes them there and the others read them.

A file is named by a digest of everything the mentions depend on: the article's text, the
zones and sentences analysed, the actor dictionary (its content, so a user's dictionary is
told apart), ``discover``, and the package's code and resources (:func:`code_digest`). Only
the packaged name model is shared (another model is the caller's own object). Files are
written whole (write, then rename), so a reader never sees half of one; one that cannot be
read or written is ignored and the mentions are detected as usual.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..atomic import write_bytes_atomic
from ..paths import code_digest
from ..text import Document
from .dictionary import ActorDictionary
from .mention import Mention

__all__ = ["ENV_MENTIONS", "mention_file", "shared", "sharing_mentions"]

logger = logging.getLogger(__name__)

#: Environment variable naming the folder of shared mention files (set for report kernels).
ENV_MENTIONS = "ARTICLE_ANALYSIS_MENTIONS"

_folder: Path | None = None  # set by sharing_mentions() in the runner's own process


@contextmanager
def sharing_mentions(folder: Path) -> Iterator[None]:
    """Share mentions through ``folder`` in this process while the block runs."""
    global _folder
    previous, _folder = _folder, Path(folder)
    try:
        yield
    finally:
        _folder = previous


def _shared_folder() -> Path | None:
    if _folder is not None:
        return _folder
    named = os.environ.get(ENV_MENTIONS)
    return Path(named) if named else None


def _dictionary_digest(dictionary: ActorDictionary) -> str:
    """A digest of the dictionary's content (computed once per dictionary object)."""
    cached = getattr(dictionary, "_content_digest", None)
    if cached is None:
        text = repr(sorted((actor.id, repr(actor)) for actor in dictionary))
        cached = hashlib.sha256(text.encode()).hexdigest()
        dictionary._content_digest = cached  # type: ignore[attr-defined]
    return cached


def mention_file(folder: Path, doc: Document, dictionary: ActorDictionary, discover: bool) -> Path:
    """The file that holds (or will hold) these mentions in ``folder``."""
    digest = hashlib.sha256()
    for part in (
        code_digest(),
        _dictionary_digest(dictionary),
        str(discover),
        repr(doc.zones),
        repr([(s.start, s.end) for s in doc.sentences]),
        doc.article.text,
    ):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return folder / f"{digest.hexdigest()}.pickle"


def shared(
    doc: Document,
    dictionary: ActorDictionary,
    discover: bool,
    detect: Callable[[], list[Mention]],
) -> list[Mention]:
    """``detect()``, or the mentions another process of this run already wrote."""
    folder = _shared_folder()
    if folder is None:
        return detect()
    path = mention_file(folder, doc, dictionary, discover)
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)  # our own file, in our own staging folder
        if isinstance(found, list) and all(isinstance(m, Mention) for m in found):
            return found
    except FileNotFoundError:
        pass
    except Exception as error:  # unreadable: detect them here
        logger.debug("shared mentions %s not read (%r)", path, error)
    found = detect()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as error:
        logger.debug("shared mentions %s not written (%r)", path, error)
    return found
