"""Writing a chapter file: build, render and log, shared by the command and the web page.

A final chapter is publishable as it comes out, so one that would print a name in Chinese
in a Portuguese or English text is refused, with the list of what to translate; a draft
(`include_drafts`) may be made, marked as a draft on every page.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from liaison.audit.models import AuditEvent
from liaison.audit.services import log_event
from liaison.reports.builder import Chapter, Missing, build_chapter
from liaison.reports.render import render


class MissingTranslations(ValidationError):
    """The final chapter would show names untranslated; `missing` says which."""

    def __init__(self, missing: list[Missing]):
        self.missing = missing
        summary = ngettext(
            "%(count)d name has no translation in the chapter's language yet. "
            "Translate it on the translations page, or make a draft.",
            "%(count)d names have no translation in the chapter's language yet. "
            "Translate them on the translations page, or make a draft.",
            len(missing),
        ) % {"count": len(missing)}
        super().__init__([summary, *(f"{entry.category}: {entry.name}" for entry in missing)])


def generate(
    agency, year: int, language: str, fmt: str, *, user=None, request=None, **rules
) -> tuple[Chapter, bytes]:
    """The chapter in `fmt`; logged as generated whenever a user is known.

    Raises MissingTranslations for a final chapter with names not yet translated."""
    chapter = build_chapter(agency, year, language, **rules)
    if chapter.missing and not rules.get("include_drafts"):
        raise MissingTranslations(chapter.missing)
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
