"""The match shown in context: a window of the record's text around its first hit, every
hit in it marked, found in the folded text and mapped back to the original characters."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from liaison.search.folding import folded_with_origins

SEPARATOR = " · "


def _spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    folded, origins = folded_with_origins(text)
    spans = []
    for term in terms:
        start = folded.find(term)
        while start != -1 and len(spans) < 50:
            spans.append((origins[start], origins[start + len(term) - 1] + 1))
            start = folded.find(term, start + len(term))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _plain(text: str) -> str:
    return escape(text).replace("\n", SEPARATOR)


def snippet(text: str, terms: list[str], width: int = 60) -> SafeString:
    """Up to `width` characters either side of the first hit, hits in <mark>."""
    spans = _spans(text, terms)
    if not spans:
        shown = text[: 2 * width]
        return mark_safe(_plain(shown) + ("…" if len(text) > len(shown) else ""))
    low = max(0, spans[0][0] - width)
    high = min(len(text), spans[0][1] + width)
    parts = ["…" if low else ""]
    position = low
    for start, end in spans:
        if start >= high:
            break
        parts.append(_plain(text[position:start]))
        parts.append(f"<mark>{_plain(text[start:end])}</mark>")
        position = end
    parts.append(_plain(text[position:high]) if position < high else "")
    parts.append("…" if high < len(text) else "")
    return mark_safe("".join(parts))
