"""One renderer per format; each takes a built `Chapter` and returns the file's bytes."""

from __future__ import annotations

from importlib import import_module
from typing import NamedTuple

from liaison.reports.builder import Chapter


class Format(NamedTuple):
    module: str
    content_type: str
    binary: bool


FORMATS = {
    "md": Format("markdown", "text/markdown; charset=utf-8", False),
    "html": Format("html", "text/html; charset=utf-8", False),
    "docx": Format(
        "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", True
    ),
    "pdf": Format("pdf", "application/pdf", True),
}


def render(chapter: Chapter, fmt: str) -> bytes:
    """The chapter as a file in `fmt` (one of FORMATS); renderers load only when needed."""
    return import_module(f"liaison.reports.render.{FORMATS[fmt].module}").render(chapter)


def filename(chapter: Chapter, fmt: str) -> str:
    return f"chapter-{chapter.year}-{chapter.language}.{fmt}"
