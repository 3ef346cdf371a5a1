"""What a sentence says besides bodies and places: event titles, the month, topics."""

from __future__ import annotations

import datetime
import re

from .latin import MONTHS_EN, latin_month

QUOTED = re.compile(
    r"“([^“”]{1,150})”|「([^「」]{1,150})」|『([^『』]{1,150})』|\"([^\"\n]{1,150})\"|«([^«»]{1,300})»"
    r"|‘([^‘’]{0,150}[\u4e00-\u9fff][^‘’]{0,150})’"  # single quotes around Chinese only
)
BOOK_TITLE = re.compile(r"《[^《》]{1,60}》")
_BOOK_EVENT = re.compile(
    r"《([^《》]{1,60})》(工作會議|會議|座談會|研討會|論壇|發佈會|發布會|培訓班|研修班|講座|工作坊|交流會|簽署儀式|典禮)"
)
_NAMED_EVENT = re.compile(
    r"(?:參觀|出席|參加|參與|觀摩|列席)了?(?:由?[^，。；]{1,40}?(?:舉辦|主辦|合辦|承辦|組織)的)?"
    r"([\u4e00-\u9fff\d]{0,24}?(?:展覽會|展覽|博覽會|展|研修班|培訓班|研討會|論壇|峰會|年會|工作坊|講座|典禮|交流會|座談會))"
    r"(?=[，。；、,;]|$|並|及|和)"
)
# An unquoted meeting is an event when it gives its session: "出席…工作組第二次會議".
_SESSION_EVENT = re.compile(
    r"(?:出席|參加|參與|列席)了?([\u4e00-\u9fff\d]{2,30}?第[\d一二三四五六七八九十百]+[屆次期]"
    r"[\u4e00-\u9fff]{0,12}?(?:會議|大會|年會|論壇|研討會|峰會))(?=[，。；、,;]|$|並|及|和)"
)
_MONTH_ZH = re.compile(
    r"(?<![\d.])(1[0-2]|0?[1-9])\s*月(?!份?\s*\d(?!\d?\s*[日號]))|(?<![一二三四五六七八九十個])(十[一二]?|[一二三四五六七八九])月"
)
_ZH_NUMERAL = {
    name: number
    for number, name in enumerate(
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"], 1
    )
}
_MONTHS_PT = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
              "setembro", "outubro", "novembro", "dezembro")  # fmt: skip
_MONTH_PT = re.compile(rf"\b({'|'.join(_MONTHS_PT)})\b", re.IGNORECASE)
_TOPICS = re.compile(
    r"(?:內容涵蓋|內容包括|課程涵蓋|涵蓋|主題包括|議題包括|圍繞|主題為|探討)([^，。；]{2,80}?)(?:等(?:內容|方面|議題|範疇)?)?(?=[，。；]|$)"
    r"|舉辦([^，。；]{2,40}?)的(?:培訓課程|培訓|課程|講座|工作坊)"
)
_TOPIC_SPLIT = re.compile(r"以及|、|及|和|與")
_TOPIC_TRIM = re.compile(r"(?:等|項目|方面|內容|的|範疇)+$")
_TOPIC_LEAD = re.compile(r"^(?:之|的|各項|各類|一系列|多項|有關|關於)+")
# "舉辦之各項與廉政公署職能有關的培訓": what courses relate to is a clause, not their topics.
_RELATED_CLAUSE = re.compile(r"(?:有關|相關)$")


def quoted_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans of quoted titles (the quote marks included) with their stripped content."""
    return [
        (m.start(), m.end(), next(g for g in m.groups() if g).strip())
        for m in QUOTED.finditer(text)
    ]


def find_month(text: str) -> int | None:
    """The first month a sentence gives ("在6月", "2024年4月至6月", "em junho")."""
    if match := _MONTH_ZH.search(text):
        return int(match.group(1)) if match.group(1) else _ZH_NUMERAL[match.group(2)]
    if match := _MONTH_PT.search(text):
        return _MONTHS_PT.index(match.group(1).lower()) + 1
    return latin_month(text)


def find_topics(text: str) -> list[str]:
    topics: list[str] = []
    for match in _TOPICS.finditer(text):
        listed = match.group(1) or match.group(2)
        if _RELATED_CLAUSE.search(listed):
            continue
        for part in _TOPIC_SPLIT.split(listed):
            part = _TOPIC_LEAD.sub("", _TOPIC_TRIM.sub("", part.strip()))
            if len(part) >= 2 and part not in topics:
                topics.append(part)
    return topics


def find_events(text: str) -> list[str]:
    quotes = quoted_spans(text)
    events = [content for _, _, content in quotes]
    for match in _BOOK_EVENT.finditer(text):
        if not inside(match.start(), quotes):
            events.append(match.group(0))
    if not events:
        events = [m.group(1) for m in _SESSION_EVENT.finditer(text)]
        events += [m.group(1) for m in _NAMED_EVENT.finditer(text) if len(m.group(1)) >= 2]
    return list(dict.fromkeys(events))


def inside(position: int, spans) -> bool:
    return any(span[0] <= position < span[1] for span in spans)


_EN = "|".join(MONTHS_EN)
_PT = "|".join(_MONTHS_PT)
_TO = r"\s*(?:至|到|-|–|—|~|－|to|until|a|até)\s*"
_DAY = r"(\d{1,2})(?:st|nd|rd|th|\.º)?"
_ZH_DAY = r"(\d{1,2})\s*[日號]"
_ZH_START = r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日號]?"
_MONTH_WORD = rf"(?:de\s+)?({_EN}|{_PT})\b"
# Each: a pattern, and which groups are (start month, start day, end month, end day).
_DATES = (
    (re.compile(rf"{_ZH_START}{_TO}(?:(\d{{1,2}})\s*月\s*)?{_ZH_DAY}"), (1, 2, 3, 4)),
    (re.compile(rf"(\d{{1,2}})\s*月\s*{_ZH_DAY}"), (1, 2, None, None)),
    (re.compile(rf"\b{_DAY}\s+{_MONTH_WORD}{_TO}{_DAY}\s+{_MONTH_WORD}", re.I), (2, 1, 4, 3)),
    (re.compile(rf"\b{_DAY}{_TO}{_DAY}\s+{_MONTH_WORD}", re.I), (3, 1, 3, 2)),
    (re.compile(rf"\b({_EN})\s+{_DAY}{_TO}(?:({_EN})\s+)?{_DAY}\b"), (1, 2, 3, 4)),
    (re.compile(rf"\b{_DAY}\s+{_MONTH_WORD}", re.I), (2, 1, None, None)),
    (re.compile(rf"\b({_EN})\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)"), (1, 2, None, None)),
)


_WRITTEN_YEAR = re.compile(r"((?:19|20)\d\d)\s*年\s*$")


def _month_number(value: str) -> int:
    if value.isdigit():
        return int(value)
    lowered = value.lower()
    names = [name.lower() for name in MONTHS_EN]
    return names.index(lowered) + 1 if lowered in names else _MONTHS_PT.index(lowered) + 1


def find_dates(text: str, year: int) -> tuple[datetime.date, datetime.date | None] | None:
    """The first dates with a day a sentence gives, in `year`: "5月13日至17日",
    "10月30日至11月1日", "3–5 June", "29 de Novembro a 1 de Dezembro", "on 8 March"; the
    end is None for a single day. None when no day is given (or the date is impossible)."""
    for pattern, (start_month, start_day, end_month, end_day) in _DATES:
        match = pattern.search(text)
        if not match:
            continue
        written = _WRITTEN_YEAR.search(text, 0, match.start())  # "2021年5月13日"
        year = int(written.group(1)) if written else year
        try:
            month = _month_number(match.group(start_month))
            start = datetime.date(year, month, int(match.group(start_day)))
            if end_day is None:
                return start, None
            last = match.group(end_month) if end_month else None
            end = datetime.date(
                year, _month_number(last) if last else month, int(match.group(end_day))
            )
        except ValueError:
            return None
        if end < start:  # "30 December to 2 January"
            end = end.replace(year=year + 1)
        return start, end
    return None
