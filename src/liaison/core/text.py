"""Folding text so that the same name matches however it is written.

监察委员会 and 監察委員會, full- and half-width forms, accents and case all fold to one key:
used by the importer to match names and by search to match queries.
"""

import unicodedata
from functools import cache

import opencc


@cache
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Simplified Chinese to Traditional (other scripts pass through unchanged)."""
    return _to_traditional().convert(text)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """NFKC, Simplified -> Traditional, accents removed, lower case, spaces dropped."""
    normal = unicodedata.normalize("NFKC", text or "")
    traditional = to_traditional(normal)
    return "".join(strip_accents(traditional).lower().split())
