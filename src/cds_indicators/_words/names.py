"""Place names as people write them: with or without their administrative prefix.

A commune, district or province is written ``Xã Vĩnh Thịnh`` or ``Vĩnh Thịnh``, ``Huyện Vĩnh
Lộc`` or ``Vĩnh Lộc``, ``Thành phố Thanh Hóa``, ``Tỉnh Thanh Hóa``. This module knows the prefixes
(``Xã``, ``Phường``, ``Thị trấn``, ``Huyện``, ``Quận``, ``Thị xã``, ``Thành phố``, ``Tỉnh``), so
that a label adds a prefix only to a name without one (never ``Huyện Huyện Vĩnh Lộc``), and
names compare equal with or without it (:func:`name_key`).

>>> split_prefix("Thị trấn Vĩnh Lộc"), split_prefix("Vĩnh Lộc")
(('Thị trấn', 'Vĩnh Lộc'), (None, 'Vĩnh Lộc'))
>>> place_label("Huyện", "Huyện Vĩnh Lộc"), place_label("Huyện", "Thành phố Thanh Hóa")
('Huyện Vĩnh Lộc', 'Thành phố Thanh Hóa')
>>> name_key("Xã Vĩnh Thịnh") == name_key("vĩnh  thịnh")
True
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Final

__all__ = ["PREFIXES", "bare_name", "fold", "name_key", "place_label", "same_place",
           "split_prefix"]


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The comparable form of a label or name: NFC, case-folded, single spaces. Labels, values
    and commune names come from a bounded vocabulary (``Có``, ``không áp dụng``, the communes of
    a country), so each is folded once and kept."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


#: The administrative prefixes, as written, longest first so that ``Thị trấn`` is never read as
#: a name beginning ``Thị``.
PREFIXES: Final = ("Thành phố", "Thị trấn", "Thị xã", "Phường", "Huyện", "Quận", "Tỉnh", "Xã")
_FOLDED: Final = tuple((fold(p), p) for p in PREFIXES)


def split_prefix(name: str) -> tuple[str | None, str]:
    """``name``'s administrative prefix as written in :data:`PREFIXES` (``None`` when it has
    none) and the name without it, both without surrounding spaces. A prefix alone is a name."""
    text = " ".join(unicodedata.normalize("NFC", name).split())
    folded = fold(text)
    for key, prefix in _FOLDED:
        if folded.startswith(key + " ") and len(folded) > len(key) + 1:
            return prefix, text[len(key) + 1:]
    return None, text


def bare_name(name: str) -> str:
    """``name`` without its administrative prefix: ``Xã Vĩnh Thịnh`` → ``Vĩnh Thịnh``."""
    return split_prefix(name)[1]


#: The old and the new placement of a tone mark on ``oa``, ``oe``, ``uy`` (``Hoá``/``Hóa``,
#: ``Thuỷ``/``Thủy``): both are written, both name the same place.
_TONES: Final = {old: new for pair in (
    ("oá", "óa"), ("oà", "òa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
    ("oé", "óe"), ("oè", "òe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
    ("uý", "úy"), ("uỳ", "ùy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
) for old, new in [pair]}


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The form in which two names of one place compare equal: folded, without the prefix,
    the tone mark of ``oa``/``oe``/``uy`` where the newer spelling puts it (``Thanh Hoá`` and
    ``Thanh Hóa`` are one name)."""
    key = fold(bare_name(name))
    for old, new in _TONES.items():
        if old in key:
            key = key.replace(old, new)
    return key


def same_place(one: str, other: str) -> bool:
    """Whether two names name one place: the same name, with the same prefix or with a prefix
    on one side only (``Vĩnh Thịnh`` is ``Xã Vĩnh Thịnh``; ``Thị trấn Vĩnh Lộc`` is not ``Xã
    Vĩnh Lộc``)."""
    p, q = split_prefix(one)[0], split_prefix(other)[0]
    return name_key(one) == name_key(other) and (p is None or q is None or p == q)


def place_label(prefix: str, name: str) -> str:
    """``name`` with ``prefix`` in front, unless it already has a prefix of its own:
    ``("Huyện", "Vĩnh Lộc")`` → ``Huyện Vĩnh Lộc``; ``("Huyện", "Thị xã Bỉm Sơn")`` → ``Thị xã
    Bỉm Sơn``."""
    found, bare = split_prefix(name)
    return f"{found} {bare}" if found is not None else f"{prefix} {bare}"
