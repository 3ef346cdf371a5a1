"""A record's files on its page: the one way a file leaves the system (a download checked at
the chokepoint), and the staff's upload and removal through the services.

The attachment is found through `Attachment.objects.visible_to(request.user)` (its record's
agency, classification and named officers); anyone else, anonymous or superuser, gets the
same 404 as for a file that does not exist. Every download of a confidential record's file
is logged. The file is streamed from the storage (local or S3-compatible) or, behind nginx,
handed off with `X-Accel-Redirect` to an internal location (README, "Deploying").
"""

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from liaison.attachments import services, stash
from liaison.attachments.forms import AttachmentUploadForm
from liaison.attachments.models import Attachment
from liaison.attachments.validators import content_type_of
from liaison.audit.services import log_view
from liaison.core import registry
from liaison.core.posted import OUT_OF_DATE, posted_version
from liaison.core.services import StaleRecordError, require_perm

#: Sent with every file: never rendered by the browser, never cached on the way.
DOWNLOAD_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
}


@require_GET
def download(request, pk: int):
    attachment = Attachment.objects.filter(pk=pk).visible_to(request.user).first()
    if attachment is None:
        raise Http404(gettext("No such file, or you may not see it."))
    if attachment.record.is_confidential:
        log_view(attachment, request.user)
    name = attachment.original_name
    content_type = content_type_of(name)
    accel_prefix = settings.LIAISON_ATTACHMENT_ACCEL_PREFIX
    if accel_prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel_prefix + quote(attachment.file.name)
        response["Content-Disposition"] = content_disposition_header(True, name)
    else:
        try:
            stream = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404(gettext("No such file, or you may not see it.")) from None
        response = FileResponse(
            stream, as_attachment=True, filename=name, content_type=content_type
        )
    for header, value in DOWNLOAD_HEADERS.items():
        response[header] = value
    return response


def record_for_change(request, family: str, pk: int):
    """The record a file is added to or removed from: found through the chokepoint (404 for
    anyone who may not see it), then checked for the permission to change it."""
    found = registry.record_family(family)
    if found is None:
        raise Http404
    record = get_object_or_404(found.visible(request.user), pk=pk)
    require_perm(request.user, "change", record)
    return found, record


@require_POST
def upload(request, family: str, pk: int):
    """Attach a file from the record's page; a refused try keeps the checked file (stash)."""
    found, record = record_for_change(request, family, pk)
    kept = stash.kept_file(request, request.POST.get("kept", ""), record)
    files = request.FILES
    if "file" not in files and kept is not None:
        files = {"file": kept.open()}
    form = AttachmentUploadForm(request.POST, files, record=record)
    if form.is_valid():
        try:
            saved = services.attach_file(
                record,
                file=form.cleaned_data["file"],
                user=request.user,
                parent_version=form.cleaned_data["version"],
                kind=form.cleaned_data["kind"],
                description=form.cleaned_data["description"],
            )
        except StaleRecordError as error:
            form.add_error(None, error)
            form.data = form.data.copy()
            form.data["version"] = type(record)._base_manager.get(pk=record.pk).version
        else:
            stash.discard(request, kept)
            messages.success(request, _("Attached: %(file)s") % {"file": saved})
            return HttpResponseRedirect(found.url("detail", record.pk) + "#files")
    if "file" in request.FILES and "file" not in form.errors:
        stash.discard(request, kept)
        kept = stash.keep(request, record, request.FILES["file"])
    if kept is not None:
        form.data = form.data.copy()
        form.data["kept"] = kept.token
    context = {
        "form": form,
        "kept": kept,
        "object": record,
        "action": request.path,
        "detail": found.url("detail", record.pk),
        "list": found.url("list"),
        "label": found.label,
    }
    return TemplateResponse(request, "attachments/upload.html", context)


@require_POST
def remove(request, pk: int):
    """Remove a file from its record, at the record's version the page showed."""
    attachment = get_object_or_404(Attachment.objects.filter(pk=pk).visible_to(request.user))
    record = attachment.record
    require_perm(request.user, "change", record)
    version = posted_version(request.POST.get("version", ""))
    try:
        if version is None:
            raise ValidationError(OUT_OF_DATE)
        services.delete_attachment(attachment, user=request.user, parent_version=version)
    except ValidationError as error:
        for line in error.messages:
            messages.error(request, line)
    else:
        messages.success(request, _("Removed: %(row)s") % {"row": attachment})
    return HttpResponseRedirect(
        registry.family_of(type(record)).url("detail", record.pk) + "#files"
    )
