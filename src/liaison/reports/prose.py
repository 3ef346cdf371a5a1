"""The office's own prose in the chapter, where it wrote some for the year (`Passage`).

A year imported from its chapter keeps the source's shape: its title and introduction, its
parts in their order under their own headings, each part's lead, and the sentences between
activities that carry none, all in the source's order. A year without passages, or a
language they are not translated into, gets the patterns instead (`text.py`); a context
sentence not yet translated is listed as missing, like a name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from liaison.activities.choices import ActivityKind
from liaison.core.choices import WorkflowState
from liaison.reports.choices import PassageRole
from liaison.reports.models import Passage

Role = PassageRole
APPROVED = WorkflowState.APPROVED
TEXTS = ("text_zh_hant", "text_pt", "text_en")


@dataclass(frozen=True)
class Written:
    """A passage as the chapter reads it: its text in the chapter's language ("" when it has
    none there), its text as written (the first language it has), and its place."""

    role: str
    part: str
    text: str
    original: str
    source: str
    position: int
    is_draft: bool = False

    @property
    def untranslated(self) -> bool:
        return not self.text and bool(self.original)

    @property
    def key(self) -> tuple[str, int]:
        return (self.source, self.position)


def passages(scope, year: int, column: str) -> list[Written]:
    """The year's passages the chapter may show (the scope's rules: approved, classified at
    or below the chapter's level, visible to its reader), in their source's order."""
    rows = (
        scope.records(Passage)
        .filter(year=year)
        .order_by("source_name", "position", "pk")
        .values_list("role", "part", *TEXTS, "source_name", "position", "state")
    )
    found = []
    for role, part, *texts, source, position, state in rows:
        text = texts[TEXTS.index(f"text_{column}")].strip()
        original = next((written.strip() for written in texts if written.strip()), "")
        found.append(Written(role, part, text, original, source, position, state != APPROVED))
    return found


def opening(written: list[Written], role: str) -> str | None:
    """The title or the introduction as the office wrote it, if translated and approved (a
    draft's words stay out of the opening, which has no draft mark)."""
    found = [p.text for p in written if p.role == role and p.text and not p.is_draft]
    return "\n".join(found) or None


@dataclass
class Entry:
    """One thing a part says after its heading: an activity's sentence or a passage."""

    key: tuple[str, int] | None
    kind: str
    value: Any
    passage: Written | None = None


@dataclass
class Section:
    kind: str
    heading: Written | None = None
    entries: list[Entry] = field(default_factory=list)


def lay_out(written: list[Written], entries: list[Entry]) -> list[Section]:
    """The parts, in the source's order under its headings when the year has them, else one
    per kind in the chapter's order; each entry in the part it stood in (else the first of
    its kind), ordered as the source told them (then the others, as they came)."""
    headings = [p for p in written if p.role == Role.HEADING]
    sections = [Section(p.part, p) for p in headings] or [Section(kind) for kind in ActivityKind]
    for entry in entries:
        _section_of(entry, sections, headings).entries.append(entry)
    for section in sections:
        placed = sorted((e for e in section.entries if e.key), key=lambda e: e.key)
        section.entries = placed + [e for e in section.entries if not e.key]
    return sections


def _section_of(entry: Entry, sections: list[Section], headings: list[Written]) -> Section:
    if entry.key is not None:
        before = [
            index
            for index, heading in enumerate(headings)
            if heading.source == entry.key[0] and heading.position <= entry.key[1]
        ]
        if before:
            return sections[before[-1]]
    for section in sections:
        if section.kind == entry.kind:
            return section
    section = Section(entry.kind)
    sections.append(section)
    return section
