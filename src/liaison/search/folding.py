"""Folding text for search, one character at a time, so the index and the query agree.

Every character folds on its own: full-width to half-width (NFKC), Traditional and variant
characters to one Simplified form (OpenCC's character tables, t2s with the Hong Kong and
Taiwan variants: 監/监, 臺/台, 裡/裏/里), accents dropped, case folded. Folding by
character rather than by phrase costs OpenCC's phrase sense (發/髮 both become 发), which
search wants anyway, and keeps a one-character query consistent with the index, and lets a
highlight map a match in the folded text back to the original.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import opencc

CJK_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2A6E0))
#: Variants OpenCC keeps apart in Simplified but a reader treats as one (看著/看着).
EXTRA_VARIANTS = {"著": "着"}


@cache
def _variants() -> dict[int, str]:
    """Each CJK character's Simplified form, converted in one call per table (one character
    a line, so no phrase spans two)."""
    chars = [chr(point) for start, end in CJK_BLOCKS for point in range(start, end)]
    table: dict[int, str] = {}
    for config in ("hk2s", "tw2s", "t2s"):
        converted = opencc.OpenCC(config).convert("\n".join(chars)).split("\n")
        for char, folded in zip(chars, converted, strict=True):
            if folded != char and len(folded) == 1:
                table[ord(char)] = folded
    table.update({ord(char): folded for char, folded in EXTRA_VARIANTS.items()})
    return table


@cache
def fold_char(char: str) -> str:
    """One character's folded form: "" for a combining accent or a control character, " "
    for any space."""
    if char.isspace():
        return " "
    if unicodedata.category(char) == "Cc":
        return ""
    normal = unicodedata.normalize("NFKC", char).translate(_variants())
    decomposed = unicodedata.normalize("NFKD", normal)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    return "".join(map(fold_char, text or ""))


def terms_of(query: str, *, limit: int = 8) -> list[str]:
    """The query's folded words, each found anywhere in a document (CJK has no spaces)."""
    seen: list[str] = []
    for term in fold(query).split():
        if term not in seen:
            seen.append(term[:100])
    return seen[:limit]


def folded_with_origins(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original one."""
    parts, origins = [], []
    for index, char in enumerate(text):
        folded = fold_char(char)
        parts.append(folded)
        origins.extend([index] * len(folded))
    return "".join(parts), origins
