"""Writing a chapter file: build, render and log, shared by the command and the web page."""

from __future__ import annotations

from liaison.audit.models import AuditEvent
from liaison.audit.services import log_event
from liaison.reports.builder import Chapter, build_chapter
from liaison.reports.render import render


def generate(
    agency, year: int, language: str, fmt: str, *, user=None, request=None, **rules
) -> tuple[Chapter, bytes]:
    """The chapter in `fmt`; logged as generated whenever a user is known."""
    chapter = build_chapter(agency, year, language, **rules)
    content = render(chapter, fmt)
    if user is not None:
        log_event(
            AuditEvent.Kind.REPORT_GENERATED,
            user=user,
            request=request,
            year=year,
            lang=language,
            format=fmt,
            agency=agency.code,
            include_drafts=bool(rules.get("include_drafts")),
        )
    return chapter, content
