"""Recurring series taught by one example, as pure functions.

The office translates "第7屆指導委員會會議" once, as "7th Meeting of the Steering Committee"
and "7.ª Reunião do Comité Directivo"; the number the three share becomes a slot, `{n}` (or
`{nth}` where English writes an ordinal), and next year's "第8屆指導委員會會議" is read
through the same pattern: "8th Meeting of the Steering Committee", "8.ª Reunião…".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NUMBER, ORDINAL = "{n}", "{nth}"
_DIGITS = re.compile(r"\d+")


def ordinal(number: int) -> str:
    """English ordinals: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def is_pattern(zh_hant: str) -> bool:
    return NUMBER in zh_hant


def teach(zh_hant: str, pt: str, en: str) -> tuple[str, str, str]:
    """The pattern of a series from one session's names in the three languages; raises
    ValueError when the three names share no number (a series is numbered)."""
    for match in _DIGITS.finditer(zh_hant):
        number = match.group()
        english = _slot(en, ordinal(int(number)), ORDINAL) or _slot(en, number, NUMBER)
        portuguese = _slot(pt, number, NUMBER)
        if english and portuguese:
            chinese = zh_hant[: match.start()] + NUMBER + zh_hant[match.end() :]
            return chinese, portuguese, english
    raise ValueError("the three names share no session number")


def _slot(text: str, number: str, slot: str) -> str | None:
    """`text` with its first `number` (a whole number, not part of a longer one) as `slot`."""
    match = re.search(rf"(?<!\d){re.escape(number)}(?![\dA-Za-z])", text)
    if match is None and slot == ORDINAL:
        match = re.search(rf"(?<!\d){re.escape(number)}\b", text)
    return None if match is None else text[: match.start()] + slot + text[match.end() :]


class Terminology:
    """Names in three languages, looked up by their zh-Hant name or by a series pattern."""

    def __init__(self, terms: Iterable[tuple[str, str, str]]):
        self.names: dict[str, dict[str, str]] = {}
        self.series: list[tuple[re.Pattern, dict[str, str]]] = []
        for zh_hant, pt, en in terms:
            names = {"zh_hant": zh_hant, "pt": pt, "en": en}
            if is_pattern(zh_hant):
                regex = re.escape(zh_hant).replace(re.escape(NUMBER), r"(\d+)", 1)
                self.series.append((re.compile(regex), names))
            else:
                self.names[zh_hant] = names

    def translate(self, zh_hant: str, column: str) -> str:
        """The name in `column` ("pt", "en"), or "" when the base does not know it."""
        known = self.names.get(zh_hant)
        if known:
            return known[column]
        for regex, names in self.series:
            match = regex.fullmatch(zh_hant)
            if match and names[column]:
                number = int(match.group(1))
                return names[column].replace(ORDINAL, ordinal(number)).replace(NUMBER, str(number))
        return ""
