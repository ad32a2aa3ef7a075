"""A lock on an output folder, so that two runs never write into one ``--out`` at once.

The lock is an advisory ``flock`` on ``<out>/.lock``, held for the whole run. The kernel drops it
when the process ends, however it ends (even killed with SIGKILL), so a lock left by a killed run
never blocks the next one: the file is still there, but nobody holds it, and the next run says so
in the log and takes it over. The file records who holds the lock (process id, host, start
time) for the message a second run prints. On systems without ``fcntl`` (Windows) there is no
lock. ``flock`` on a network file system may not be seen from other machines.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from .errors import OutputLockedError
from .log import logger

try:
    import fcntl
except ImportError:  # pragma: no cover (Windows)
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = ".lock"


class OutputLock:
    """``with OutputLock(out, "report"):`` holds the lock on ``out`` (created if missing).

    Raises:
        OutputLockedError: another live run holds it (the message names its process, host and
            start time).
    """

    def __init__(self, out: str | Path, what: str) -> None:
        self.out = Path(out)
        self.what = what
        self.path = self.out / LOCK_FILE
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        self.out.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                holder = _describe(_read(fd))
                os.close(fd)
                raise OutputLockedError(
                    self.out,
                    f"another run is writing to this folder ({holder})",
                    "Wait for it to finish, or pass another --out.",
                ) from error
        previous = _read(fd)
        if previous.get("pid"):
            # The file is there but nobody held the lock: that run ended without cleaning up.
            logger.warning(
                "%s: the previous run (%s) did not finish; its lock is stale and is taken over",
                self.out,
                _describe(previous),
            )
        os.ftruncate(fd, 0)
        os.pwrite(
            fd,
            json.dumps(
                {
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "what": self.what,
                    "started": datetime.now(UTC).isoformat(timespec="seconds"),
                }
            ).encode(),
            0,
        )
        self._fd = fd
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._fd is None:
            return
        try:
            # Emptied, not deleted: a run waiting on this file must not lock a deleted file
            # while a third run locks a new one. An empty file means the last run finished.
            os.ftruncate(self._fd, 0)
        except OSError:
            pass
        os.close(self._fd)  # closing releases the flock
        self._fd = None


def _read(fd: int) -> dict:
    try:
        data = os.pread(fd, 4096, 0)
        value = json.loads(data) if data.strip() else {}
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _describe(holder: dict) -> str:
    if not holder:
        return "holder unknown"
    return (
        f"{holder.get('what', 'a run')}, process {holder.get('pid', '?')} on "
        f"{holder.get('host', '?')}, started {holder.get('started', '?')}"
    )
