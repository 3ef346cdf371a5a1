"""The one way an attachment's file leaves the system: a download checked at the chokepoint.

The attachment is found through `Attachment.objects.visible_to(request.user)` (its record's
agency, classification and named officers); anyone else, anonymous or superuser, gets the
same 404 as for a file that does not exist. Every download of a confidential record's file
is logged. The file is streamed from the storage (local or S3-compatible) or, behind nginx,
handed off with `X-Accel-Redirect` to an internal location (README, "Deploying").
"""

from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from liaison.attachments.models import Attachment
from liaison.attachments.validators import content_type_of
from liaison.audit.services import log_view

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
