"""The chapter's words come from files a translator edits, never from Python strings.

Each language has a folder under `templates/reports/chapter/<lang>/`: `labels.txt` (short
labels, one `key = value` per line), `intro.txt`, `empty.txt`, `leads/<kind>.txt` and
`sentences/<kind>.txt`. They are Django templates rendered by their own engine without
HTML escaping (the renderers escape for their format), and their line breaks are layout
only: a translator may wrap a long template over several lines.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.template import Context, Engine
from django.utils import translation

LANGUAGES = ("zh-Hant", "pt", "en")
DJANGO_LANGUAGES = {"zh-Hant": "zh-hant", "pt": "pt", "en": "en"}
CHAPTER_DIR = Path(__file__).resolve().parent / "templates" / "reports" / "chapter"

_CJK_BREAK = re.compile(r"\s*\n\s*")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)])")


@cache
def engine() -> Engine:
    return Engine(
        dirs=[str(CHAPTER_DIR)],
        autoescape=False,
        builtins=[
            "django.contrib.humanize.templatetags.humanize",
            "liaison.reports.templatetags.chapter",
        ],
    )


def tidy(text: str, language: str) -> str:
    """Undo template layout: Chinese joins wrapped lines, Latin scripts get single spaces and
    a capital letter to start with (a sentence may begin with "the…" or "a convite…")."""
    text = text.strip()
    if language == "zh-Hant":
        return _CJK_BREAK.sub("", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text))
    return text[:1].upper() + text[1:]


def render_text(language: str, name: str, context: dict) -> str:
    """One piece of chapter prose (`intro.txt`, `leads/meeting.txt`…) in `language`."""
    return tidy(_render(language, name, context), language)


def labels(language: str, context: dict) -> dict[str, str]:
    """The short labels of `labels.txt`: headings, table titles, column names, marks."""
    rendered = _render(language, "labels.txt", context)
    pairs = (line.split("=", 1) for line in rendered.splitlines() if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs if not key.startswith("#")}


def _render(language: str, name: str, context: dict) -> str:
    """Render under the chapter's language, so month names and numbers are localised too."""
    with translation.override(DJANGO_LANGUAGES[language]):
        return (
            engine().get_template(f"{language}/{name}").render(Context(context, autoescape=False))
        )


_ZH_DIGITS = "零一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """1..99 as Chinese numerals: 5 -> 五, 12 -> 十二, 20 -> 二十."""
    if not 0 < number < 100:
        return str(number)
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _ZH_DIGITS[tens] + "十")
    return head + (_ZH_DIGITS[units] if units else "")


def roman_numeral(number: int) -> str:
    """1..3999 as Roman numerals, how Portuguese and English documents number parts."""
    values = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    result = ""
    for value, letters in values:
        count, number = divmod(number, value)
        result += letters * count
    return result
