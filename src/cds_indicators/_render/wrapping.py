"""Text fitted to a terminal's width: display widths and greedy wrapping.

Widths are display widths (a combining mark takes no column, a wide character two), so long
Vietnamese names wrap where a terminal wraps them.
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["display_width", "hanging", "lay", "pad", "wrap"]


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes."""
    if text.isascii():
        return len(text)  # no ASCII character is wide or combining
    return sum(map(_char_width, text))


@functools.lru_cache(maxsize=1 << 12)
def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


#: Words recur (criterion names, statuses): each one's width is measured once.
_word_width = functools.lru_cache(maxsize=1 << 14)(display_width)


def _cut(word: str, width: int) -> list[str]:
    """``word`` in pieces of at most ``width`` columns."""
    pieces, piece, used = [], "", 0
    for char in word:
        columns = _char_width(char)
        if piece and used + columns > width:
            pieces.append(piece)
            piece, used = "", 0
        piece += char
        used += columns
    return [*pieces, piece] if piece else pieces


def wrap(text: str, width: int, cut: bool = True) -> list[str]:
    """``text`` as lines of at most ``width`` display columns, broken between words (a word
    longer than a line is cut, or with ``cut=False`` left whole on a line of its own: a path
    stays one piece that can be copied). A line's width is kept as it grows: each word is
    measured once."""
    lines: list[str] = []
    line, _ = lay(lines, "", 0, unicodedata.normalize("NFC", text), width, cut)
    lines.append(line)
    return lines


def lay(lines: list[str], line: str, used: int, text: str, width: int, cut: bool
         ) -> tuple[str, int]:
    """The words of ``text`` (NFC) laid after the open ``line`` of ``used`` columns, each line
    filled before the next begins (a paragraph, after ``\n``, begins a line): full lines go to
    ``lines``; returns the line left open and its width. Laying ``a`` then ``b`` lays ``a + b``
    when ``a`` ends in a space."""
    for number, paragraph in enumerate(text.split("\n")):
        if number:
            lines.append(line)
            line, used = "", 0
        for word in paragraph.split():
            columns = _word_width(word)
            if line and used + 1 + columns <= width:
                line, used = f"{line} {word}", used + 1 + columns
                continue
            if not line and columns <= width:
                line, used = word, columns
                continue
            if line:
                lines.append(line)
            if columns <= width or not cut:
                line, used = word, columns
                continue
            pieces = _cut(word, width)
            lines.extend(pieces[:-1])
            line = pieces[-1]
            used = display_width(line)
    return line, used


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def hanging(first: str, text: str, width: int) -> list[str]:
    """``text`` wrapped after the prefix ``first``, continuation lines indented to match; a
    word longer than a line (a file's path) is never cut."""
    indent = " " * display_width(first)
    body = wrap(text, width - len(indent), cut=False)
    return [first + body[0], *(indent + line for line in body[1:])]
