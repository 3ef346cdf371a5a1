"""The import page: upload a chapter, review what was read beside its source, create drafts.

The text read from the upload waits in the session between the preview and the confirmation,
with a digest the confirmation must repeat, so a stale or forged confirmation imports nothing.
"""

import hashlib

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from liaison.activities.choices import ActivityKind
from liaison.activities.models import Activity
from liaison.importer.forms import ChapterUploadForm
from liaison.importer.parser import ChapterError, parse_chapter
from liaison.importer.services import registry_for, save_chapter

SESSION_KEY = "liaison_import"


def _require_importer(user) -> None:
    if not rules.has_perm("activities.add_activity", user):
        raise PermissionDenied(_("Only editors may import chapters."))


def _digest(text: str, year: int, lang: str) -> str:
    return hashlib.sha256(f"{year}|{lang}|{text}".encode()).hexdigest()


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    """Read the chapter and show every activity found beside its source sentence."""
    _require_importer(request.user)
    form = ChapterUploadForm(request.POST or None, request.FILES or None)
    parsed = None
    if request.method == "POST" and form.is_valid():
        text, year, lang = (form.cleaned_data[key] for key in ("chapter", "year", "lang"))
        try:
            parsed = parse_chapter(text, year=year, lang=lang, registry=registry_for(request.user))
        except ChapterError as error:
            form.add_error("chapter", str(error))
        else:
            digest = _digest(text, year, lang)
            request.session[SESSION_KEY] = {
                "text": text,
                "year": year,
                "lang": lang,
                "filename": form.filename,
                "digest": digest,
            }
            rows = [(ActivityKind(item.kind).label, item) for item in parsed.activities]
            return render(
                request,
                "importer/preview.html",
                {"parsed": parsed, "rows": rows, "digest": digest, "filename": form.filename},
            )
    return render(request, "importer/upload.html", {"form": form})


@login_required
@require_POST
def confirm(request):
    """Create the drafts from the previewed chapter, all or nothing."""
    _require_importer(request.user)
    pending = request.session.get(SESSION_KEY)
    if not pending or request.POST.get("digest") != pending["digest"]:
        messages.error(request, _("That preview has expired; upload the chapter again."))
        return redirect("importer:upload")
    try:
        parsed = parse_chapter(
            pending["text"],
            year=pending["year"],
            lang=pending["lang"],
            registry=registry_for(request.user),
        )
        summary = save_chapter(parsed, user=request.user, source_name=pending["filename"])
    except (ChapterError, ValidationError, PermissionDenied) as error:
        messages.error(request, _("Nothing was imported: %(error)s") % {"error": error})
        return redirect("importer:upload")
    del request.session[SESSION_KEY]
    counts = summary.as_dict()
    messages.success(
        request,
        _(
            "%(created)s draft activities created, %(skipped)s already imported; "
            "%(bodies)s new bodies to review."
        )
        % {
            "created": counts["activities_created"],
            "skipped": counts["activities_skipped"],
            "bodies": len(counts["bodies_created"]),
        },
    )
    drafts = Activity.objects.visible_to(request.user).filter(
        pk__in=[activity.pk for activity in summary.created]
    )
    return render(request, "importer/done.html", {"summary": counts, "drafts": drafts})
