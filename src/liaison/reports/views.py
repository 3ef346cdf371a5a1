"""The chapter on the web: a preview of the HTML chapter and a download in each format.

Thin views: the records are read through `Activity.objects.visible_to(request.user)`, the
chapter rules apply on top (approved, classification, one agency and year), and the
generation is logged by the same service the command uses.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language

from liaison.accounts.models import Agency
from liaison.activities.models import Activity
from liaison.core.registry import Family
from liaison.core.translation import column_suffix
from liaison.reports import filtersets, forms, tables
from liaison.reports.builder import Chapter
from liaison.reports.choices import CHAPTER_YEARS, PassageRole
from liaison.reports.models import Passage
from liaison.reports.render import FORMATS, filename
from liaison.reports.render.html import context as html_context
from liaison.reports.services import MissingTranslations, generate
from liaison.reports.text import LANGUAGES

UI_TO_CHAPTER = {"zh_hant": "zh-Hant", "pt": "pt", "en": "en"}

#: The chapter's own prose (leads, context sentences), edited on the generic pages.
PASSAGES = Family(
    model=Passage,
    namespace="reports",
    table=tables.PassageTable,
    filterset=filtersets.PassageFilterSet,
    form=forms.PassageForm,
    shortcuts=tuple((role.label, f"role={role.value}") for role in PassageRole),
)
FAMILIES = (PASSAGES,)


def chapter_request(request) -> dict:
    """The agency, year, language and rules a request asks for, with sensible defaults."""
    agency = (
        request.user.agency
        or Agency.objects.filter(code__iexact=settings.LIAISON_DEFAULT_AGENCY_CODE).first()
    )
    if agency is None:
        raise Http404("No agency to report on.")
    visible = Activity.objects.visible_to(request.user)
    try:
        year = int(request.GET["year"])
        if year not in CHAPTER_YEARS:
            raise ValueError(year)
    except (KeyError, ValueError):
        latest = visible.filter(agency=agency).order_by("-year").values_list("year", flat=True)
        year = latest.first() or timezone.localdate().year - 1
    language = request.GET.get("lang", "")
    if language not in LANGUAGES:
        language = UI_TO_CHAPTER[column_suffix(get_language())]
    return {
        "agency": agency,
        "year": year,
        "language": language,
        "include_drafts": request.GET.get("drafts") == "1",
        "reader": request.user,
    }


#: The translations page (the web app's) that the refusal of a final chapter links to.
TRANSLATIONS_URL_NAME = "translations"


def chapter_for(request, fmt: str) -> tuple[dict, Chapter, bytes]:
    """The chapter the request asks for in `fmt`, generated (and logged) by the service."""
    wanted = chapter_request(request)
    agency, year, language = wanted.pop("agency"), wanted.pop("year"), wanted.pop("language")
    chapter, content = generate(
        agency, year, language, fmt, user=request.user, request=request, **wanted
    )
    return wanted, chapter, content


def refused(request, error: MissingTranslations):
    """What to translate before the chapter can be final (409), with the way to a draft."""
    try:
        translations_url = reverse(TRANSLATIONS_URL_NAME)
    except NoReverseMatch:
        translations_url = ""
    summary, *names = error.messages
    drafts = request.GET.copy()
    drafts["drafts"] = "1"
    context = {
        "summary": summary,
        "names": names,
        "translations_url": translations_url,
        "draft_url": f"{reverse('reports:preview')}?{drafts.urlencode()}",
    }
    return render(request, "reports/untranslated.html", context, status=409)


@login_required
def preview(request):
    try:
        wanted, chapter, _ = chapter_for(request, "html")
    except MissingTranslations as error:
        return refused(request, error)
    return render(
        request,
        "reports/preview.html",
        {
            **html_context(chapter),
            "formats": list(FORMATS),
            "languages": LANGUAGES,
            "include_drafts": wanted["include_drafts"],
        },
    )


@login_required
def download(request, fmt: str):
    if fmt not in FORMATS:
        raise Http404("Unknown format.")
    try:
        _, chapter, content = chapter_for(request, fmt)
    except MissingTranslations as error:
        return refused(request, error)
    response = HttpResponse(content, content_type=FORMATS[fmt].content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(chapter, fmt)}"'
    return response
