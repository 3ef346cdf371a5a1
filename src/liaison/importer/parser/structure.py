"""The chapter's shape: title, introduction, parts, and the blocks and sentences in each."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .kinds import CHAPTER_TITLE, heading_kind
from .latin import latin_sentences
from .text import BLOCK_START, BULLET, TITLE_LINE, YEAR_HEADING, is_heading_like, is_page_title

_MARKER = re.compile(rf"{BLOCK_START.pattern}\s*")
_ZH_END = "。；！？!?;"
_OPENERS, _CLOSERS = "“「『《（(«", "”」』》）)»"
_LEAD = re.compile(
    r"[：:]\s*$|(?:包括|如下|以下|當中包括|including|incluindo|designadamente)[：:]?\s*$"
)

ACTIVITY_VERBS = re.compile(
    r"赴|出席|參加|參與|參觀|拜訪|拜會|訪問|走訪|接待|舉辦|主辦|合辦|承辦|派員|派出|邀請|應邀|來澳|來港|"
    r"來訪|到訪|訪澳|組織人員|組織代表團|率團|率領|前往|會見|會晤|考察|出訪|觀摩|列席|簽署|簽訂|"
    r"接受培訓|安排人員|舉行|出任|"
    r"visit|particip|receb|recep|receç|acolh|desloc|realiz|organi[zs]|assist|frequent|integr|esteve|"
    r"envi(?:ou|ar|ad|aram)|convid|ministr|attend|host|received|t(?:ake|ook|aking) part|travel|"
    r"\bsent\b|invited|"
    r"welcom|deliver",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"(?<=[，,])")
# "…參加培訓，其中包括於5月派員赴…": the summary before it is not the activity.
_INSTANCE = re.compile(r"(?:其中|當中)(?:包括|包含|有)[：:]?|其中[：:]")
# "暫停組織代表團外訪": a sentence saying that nothing took place.
_NOTHING_DONE = re.compile(
    r"(?:暫停|暫緩|取消|未有|沒有|未能|未再)了?(?:組織|安排|派員|舉辦|出訪|外訪|接待|參加|出席|赴)"
)


@dataclass
class Block:
    """One heading, bullet or paragraph, with its place in the normalised text."""

    index: int
    start: int
    text: str
    bullet: bool = False


@dataclass
class Section:
    heading: str
    kind: str | None
    blocks: list[Block] = field(default_factory=list)
    #: The year heading it is under, on a page that reports several years.
    year: int | None = None
    #: The heading's line as the source writes it (with its number), and where it starts.
    line: str = ""
    start: int = 0


@dataclass
class Outline:
    title: str = ""
    introduction: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def outline(normalized: str) -> Outline:
    """Split normalised text (one block per line) into title, introduction and parts."""
    result = Outline()
    title_parts: list[str] = []
    offset, year = 0, None
    for index, line in enumerate(normalized.split("\n")):
        start, offset = offset, offset + len(line) + 1
        if not line:
            continue
        marker = _MARKER.match(line)
        body = line[marker.end() :] if marker else line
        heading = is_heading_like(line) and not BULLET.match(line)
        titled = (
            heading and not marker and bool(TITLE_LINE.match(line) or CHAPTER_TITLE.search(line))
        )
        year_heading = YEAR_HEADING.match(line)
        if year_heading:
            year = int(year_heading.group(1) or year_heading.group(2))
            result.sections.append(Section(line, None, year=year, line=line, start=start))
        elif titled and not result.sections:
            title_parts.append(line)
        elif titled:
            continue  # the chapter's title again, as a running header: not a part
        elif heading:
            result.sections.append(
                Section(body, heading_kind(body), year=year, line=line, start=start)
            )
        elif not result.sections:
            result.introduction.append(line)
        else:
            skip = marker.end() if marker else 0
            block = Block(index, start + skip, line[skip:], bullet=bool(marker))
            result.sections[-1].blocks.append(block)
    result.title = " ".join(title_parts)
    if not result.sections:
        _headingless(result, normalized)
    elif not result.title and result.introduction and is_page_title(result.introduction[0]):
        result.title = result.introduction.pop(0)
    return result


def _headingless(result: Outline, normalized: str) -> None:
    """A text without part headings (a web page, another agency's report): its first line is
    the title when it reads as one, the paragraph after it the introduction, and all but the
    title one part, whose activities take their kind from their own wording (an
    introduction rarely reports an activity; a page of one paragraph does)."""
    lines = result.introduction
    if not lines:
        return
    if not result.title and is_page_title(lines[0]):
        result.title = lines.pop(0)
    result.introduction = lines[:1]
    section, body = Section("", None), set(lines)
    offset = 0
    for index, line in enumerate(normalized.split("\n")):
        start, offset = offset, offset + len(line) + 1
        if line in body and not (index == 0 and result.title == line):
            marker = _MARKER.match(line)
            skip = marker.end() if marker else 0
            section.blocks.append(Block(index, start + skip, line[skip:], bullet=bool(marker)))
    if section.blocks:
        section.start = section.blocks[0].start
        result.sections.append(section)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in a block: at 。；！？ outside quotes, and at a Latin sentence's end."""
    spans, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif ch in _ZH_END and depth == 0:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    out = [span for begin, end in spans for span in latin_sentences(text, begin, end)]
    return [(b, e) for b, e in out if text[b:e].strip()]


def is_lead(sentence: str) -> bool:
    """A sentence that announces a list ("…當中包括：") rather than reporting an activity."""
    return bool(_LEAD.search(sentence))


def activity_start(sentence: str) -> int:
    """Where the activity begins: the first clause with an activity verb.

    Prose often opens with context ("國家安全是…的重要基礎，") or a linking word
    ("此外，"); the record keeps the clauses that report what was done.
    """
    instance = max(_INSTANCE.finditer(sentence), key=lambda m: m.start(), default=None)
    if instance and ACTIVITY_VERBS.search(sentence, instance.end()):
        return instance.end()
    offset = 0
    for clause in _CLAUSE.split(sentence):
        if ACTIVITY_VERBS.search(clause):
            return offset
        offset += len(clause)
    return 0


def reports_nothing(sentence: str) -> bool:
    """Whether a sentence says an activity did not take place ("暫停組織代表團外訪")."""
    return bool(_NOTHING_DONE.search(sentence))
