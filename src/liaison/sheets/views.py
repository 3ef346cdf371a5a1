"""The sheet pages: import (upload, preview, confirm), export of a filtered list, templates.

The uploaded file waits on disk (under var/, never served) between the preview and the
confirmation, named by a random token the session holds: the confirmation reads the very
file the preview read, and a stale or forged confirmation imports nothing.
"""

from __future__ import annotations

import secrets
import time
from pathlib import Path

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liaison.core.registry import families
from liaison.sheets import registry, writing
from liaison.sheets.columns import Context
from liaison.sheets.exporting import log_export, records_for
from liaison.sheets.forms import SheetUploadForm
from liaison.sheets.importing import import_sheet
from liaison.sheets.reading import SheetError

SESSION_KEY = "liaison_sheet"
STALE_SECONDS = 24 * 3600


def staging() -> Path:
    folder = Path(settings.VAR_DIR) / "sheets"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _stage(upload) -> str:
    """Keep the upload until it is confirmed; forget those left longer than a day."""
    now = time.time()
    for old in staging().iterdir():
        if now - old.stat().st_mtime > STALE_SECONDS:
            old.unlink(missing_ok=True)
    token = secrets.token_hex(16)
    with (staging() / token).open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return token


def _importable(user) -> list:
    return [kind for kind in registry.kinds() if rules.has_perm(kind.permission, user)]


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    """Read the sheet and show, row by row, what importing it would do."""
    kinds = _importable(request.user)
    if not kinds:
        raise PermissionDenied(_("Only editors may import sheets."))
    form = SheetUploadForm(request.POST or None, request.FILES or None, kinds=kinds)
    if request.method == "POST" and form.is_valid():
        kind = registry.kind_named(form.cleaned_data["kind"])
        upload_file = form.cleaned_data["sheet"]
        token = _stage(upload_file)
        try:
            result = import_sheet(
                kind, staging() / token, user=request.user, filename=upload_file.name, dry_run=True
            )
        except SheetError as error:
            (staging() / token).unlink(missing_ok=True)
            form.add_error("sheet", str(error))
        else:
            request.session[SESSION_KEY] = {
                "token": token,
                "kind": kind.name,
                "filename": upload_file.name,
            }
            return render(
                request, "sheets/preview.html", {"result": result, "kind": kind, "token": token}
            )
    return render(request, "sheets/upload.html", {"form": form, "kinds": kinds})


@login_required
@require_POST
def confirm(request):
    """Import the previewed sheet: all or nothing, or by choice only its valid rows."""
    pending = request.session.get(SESSION_KEY)
    token = request.POST.get("token", "")
    if not pending or token != pending["token"] or not (staging() / token).is_file():
        messages.error(request, _("That preview has expired; upload the sheet again."))
        return redirect("sheets:upload")
    kind = registry.kind_named(pending["kind"])
    valid_only = request.POST.get("valid_only") == "1"
    try:
        result = import_sheet(
            kind,
            staging() / token,
            user=request.user,
            filename=pending["filename"],
            valid_only=valid_only,
        )
    except SheetError as error:
        messages.error(request, _("Nothing was imported: %(error)s") % {"error": error})
        return redirect("sheets:upload")
    if result.written:
        (staging() / token).unlink(missing_ok=True)
        del request.session[SESSION_KEY]
    return render(request, "sheets/done.html", {"result": result, "kind": kind})


@login_required
@require_GET
def export(request, family: str, fmt: str):
    """The family's list as a sheet, filtered as the list page was (its query string)."""
    found = next((f for f in families() if f.name == family and f.shown_to(request.user)), None)
    kind = found and registry.export_kind(found.model, request.GET)
    if not kind:
        raise Http404
    try:
        records = records_for(kind, request.user, request.GET, request)
    except SheetError as error:
        messages.error(request, str(error))
        return redirect(found.url("list"))
    log_export(kind, records, request.user, fmt, request)
    rows = writing.rows_of(kind, records, request.user)
    name = f"{kind.name}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(writing.csv_chunks(kind, rows), content_type=writing.CSV)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return FileResponse(
        writing.xlsx_file(kind, rows), as_attachment=True, filename=name, content_type=writing.XLSX
    )


@login_required
@require_GET
def template(request, kind: str):
    """A blank sheet of one kind, its headers in the user's language, with drop-down lists."""
    found = registry.kind_named(kind)
    if found is None or found not in _importable(request.user):
        raise Http404
    output = writing.tempfile.TemporaryFile()
    writing.template(found, Context(request.user), output)
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=f"{found.name}.xlsx", content_type=writing.XLSX
    )
