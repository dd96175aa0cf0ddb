"""Reading files within bounds: what is read is checked, never what ``stat`` says.

A values file is opened without waiting (a FIFO would block an ordinary ``open``), its kind
checked on the open file (a folder, a FIFO, a device such as ``/dev/zero`` or a socket is refused
by kind, before a byte is read), and at most :data:`MAX_FILE_BYTES` + 1 bytes are read: a file
that grows, or whose size ``stat`` misstates (``/proc`` files say 0), is refused on the bytes
actually read. A size ``stat`` states above the limit refuses the file at once.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import Any, BinaryIO, Final

from cds_indicators._model.errors import InputError, Problem
from cds_indicators._model.fileerrors import file_error
from cds_indicators._words.interface import t

__all__ = ["MAX_FILE_BYTES", "check_kind", "open_bounded", "read_bounded"]

#: Larger files are refused (bytes), counted on what is read.
MAX_FILE_BYTES: Final = 50 * 1024 * 1024

_KINDS: Final = (
    (stat.S_ISDIR, "kind_folder"),
    (stat.S_ISFIFO, "kind_fifo"),
    (stat.S_ISCHR, "kind_device"),
    (stat.S_ISBLK, "kind_device"),
    (stat.S_ISSOCK, "kind_socket"),
)


def _unreadable(source: str, exc: OSError) -> InputError:
    return InputError([file_error(exc, source)])


def _refuse_kind(mode: int, source: str) -> None:
    if stat.S_ISREG(mode):
        return
    key = next((key for test, key in _KINDS if test(mode)), "kind_other")
    raise InputError([Problem.of("not_a_file", source=source, kind=t(key, "vi"),
                                 kind_en=t(key, "en"))])


def check_kind(path: Path, source: str, limit: int | None = None) -> None:
    """Refuse ``path`` unless it is a regular file (symbolic links followed), without opening
    it, and, for a reader that opens the file itself (a workbook), a file of more than
    ``limit`` bytes."""
    try:
        found = os.stat(path)
    except OSError as exc:
        raise _unreadable(source, exc) from None
    _refuse_kind(found.st_mode, source)
    if limit is not None:
        _refuse_size(found.st_size, source, limit)


def _refuse_size(size: int, source: str, limit: int) -> None:
    # A size stat states is a reason to refuse early, never one to trust: what is read decides.
    if size > limit:
        raise InputError([Problem.of("file_too_large", source=source, size=size, limit=limit)])


def _opened(path: Path, source: str, limit: int) -> BinaryIO:
    """The regular file at ``path`` opened for reading, its kind and stated size checked."""
    check_kind(path, source)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _unreadable(source, exc) from None
    file = os.fdopen(fd, "rb")
    try:
        # Checked again on the open file: the path may have been replaced since.
        found = os.fstat(file.fileno())
        _refuse_kind(found.st_mode, source)
        _refuse_size(found.st_size, source, limit)
    except BaseException:
        file.close()
        raise
    return file


def read_bounded(path: Path, source: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them; a special file or a
    longer file is refused with an :class:`InputError` placed in ``source``."""
    with _opened(path, source, limit) as file:
        try:
            data = file.read(limit + 1)
        except OSError as exc:
            raise _unreadable(source, exc) from None
    if len(data) > limit:
        raise InputError([Problem.of("file_over_limit", source=source, limit=limit)])
    return data


class _Bounded(io.RawIOBase):
    """A file read through, refused as soon as more than ``limit`` bytes have come out of it."""

    def __init__(self, file: BinaryIO, source: str, limit: int) -> None:
        self.file, self.source, self.limit, self.count = file, source, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            count = self.file.readinto(buffer)  # type: ignore[attr-defined]
        except OSError as exc:
            raise _unreadable(self.source, exc) from None
        self.count += count
        if self.count > self.limit:
            raise InputError([Problem.of("file_over_limit", source=self.source,
                                         limit=self.limit)])
        return int(count)

    def close(self) -> None:
        self.file.close()
        super().close()


def open_bounded(path: Path, source: str, limit: int = MAX_FILE_BYTES) -> BinaryIO:
    """The regular file at ``path`` to read as a stream, with the checks of
    :func:`read_bounded`: what is read past ``limit`` bytes is refused as it is read."""
    return io.BufferedReader(_Bounded(_opened(path, source, limit), source, limit))
