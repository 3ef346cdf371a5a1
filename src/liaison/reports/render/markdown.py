"""The chapter as Markdown, laid out like the seed: numbered part headings, "- " bullets
and prose paragraphs, so the importer can read its own output back."""

from __future__ import annotations

from liaison.reports.builder import Chapter
from liaison.reports.statistics import Table


def render(chapter: Chapter) -> bytes:
    return to_markdown(chapter).encode("utf-8")


def to_markdown(chapter: Chapter) -> str:
    labels = chapter.labels
    blocks = [f"# {chapter.full_title}"]
    if chapter.is_draft:
        blocks.append(f"> {labels['drafts_note']}")
    blocks.append(chapter.intro)
    for part in chapter.parts:
        blocks += [f"## {part.heading}" if part.heading else "", part.lead]
        for bullets, items in part.runs:
            texts = [chapter.marked(item) for item in items]
            blocks += ["\n".join(f"- {text}" for text in texts)] if bullets else texts
    if chapter.tables:
        blocks.append(f"## {labels['statistics']}")
        blocks += [table_markdown(table) for table in chapter.tables if table.rows]
    return "\n\n".join(block for block in blocks if block) + "\n"


def table_markdown(table: Table) -> str:
    def row(cells) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    align = ["---"] + ["---:"] * (len(table.columns) - 1)
    lines = [f"### {table.title}", "", row(table.columns), row(align)]
    lines += [row(cells) for cells in table.text_rows()]
    if table.note:
        lines += ["", table.note]
    return "\n".join(lines)
