"""The chapter's own prose around its activities: what the office wrote that reports none.

A chapter written back from its records says what the office said only if the title, the
introduction, each part's heading and lead, and the sentences between activities that
carry none ("除上述課程外…", a sentence saying a part had nothing that year) are kept
too, each with its place in the source (its offset, as an activity's provenance gives it).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

TITLE, INTRODUCTION, HEADING, LEAD, CONTEXT = "title", "introduction", "heading", "lead", "context"


@dataclass(frozen=True)
class ParsedPassage:
    role: str
    #: The kind of the part it is in ("" before the parts, or in a part of no one kind).
    part: str
    text: str
    start: int

    def to_contract(self) -> dict:
        return asdict(self)


def chapter_passages(
    read: str, written: str, title: str, introduction: list[str], blocks: set[int]
) -> list[ParsedPassage]:
    """The title and the introduction's paragraphs (not those a part reads as its blocks,
    as a chapter without headings does). `read` is the text the parser read, `written` the
    same text in the source's script (a Simplified chapter): offsets hold in both."""
    found = [ParsedPassage(TITLE, "", title, 0)] if title.strip() else []
    cursor = 0
    for line in introduction:
        at = read.find(line, cursor)
        if at < 0:
            continue
        cursor = at + len(line)
        if at not in blocks and line.strip():
            found.append(ParsedPassage(INTRODUCTION, "", written[at:cursor].strip(), at))
    return found


def section_passages(
    written: str, section, left: list[tuple[int, int]], first_activity: int | None
) -> list[ParsedPassage]:
    """A part's heading (as written, with its number; empty for a part without one), then
    its sentences that report no activity: those before its first activity are its lead,
    the others context. Sentences next to each other in one paragraph make one passage."""
    part = section.kind or ""
    heading = written[section.start : section.start + len(section.line)].strip()
    found = [ParsedPassage(HEADING, part, heading, section.start)]
    merged: list[list[int]] = []
    paragraph_of = {block.start: block for block in section.blocks}
    for start, end in left:
        if merged and _same_paragraph(written, merged[-1][1], start, paragraph_of):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    for start, end in merged:
        role = LEAD if first_activity is None or start < first_activity else CONTEXT
        found.append(ParsedPassage(role, part, written[start:end].strip(), start))
    return found


def _same_paragraph(written: str, end: int, start: int, blocks: dict) -> bool:
    """Whether only spacing lies between two sentences, within one block."""
    return start >= end and not written[end:start].strip() and start not in blocks
