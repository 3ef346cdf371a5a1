"""The audit page: one timeline of changes, views and events, filtered, for administrators
(auditors) and superusers; exported as CSV or XLSX, each export itself an event."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from liaison.audit import trail
from liaison.audit.exports import FORMATS, spreadsheet
from liaison.audit.forms import TrailFilter
from liaison.audit.models import AuditEvent
from liaison.audit.queries import may_audit
from liaison.audit.services import log_event

PAGE_SIZE = 50
#: The most lines one export holds (narrow the filter for more).
EXPORT_LIMIT = 20_000


class Timeline:
    """The filtered timeline as the paginator sees it: counted once, sliced by page."""

    def __init__(self, user, criteria):
        self.user, self.criteria = user, criteria

    def count(self) -> int:
        return trail.count(self.user, self.criteria)

    def __getitem__(self, window: slice):
        return trail.lines(self.user, self.criteria, window.start, window.stop)


def _criteria(request):
    form = TrailFilter(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None
    return form, form.criteria() if form.is_bound else trail.Criteria()


@login_required
def audit_trail(request):
    if not may_audit(request.user):
        raise PermissionDenied
    form, criteria = _criteria(request)
    page = None
    if criteria is not None:
        paginator = Paginator(Timeline(request.user, criteria), PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/trail.html",
        {"form": form, "page": page, "query": query.urlencode(), "formats": FORMATS},
    )


@login_required
def export(request, fmt: str):
    if not may_audit(request.user):
        raise PermissionDenied
    form, criteria = _criteria(request)
    if criteria is None or fmt not in FORMATS:
        return render(
            request,
            "audit/trail.html",
            {"form": form, "page": None, "query": "", "formats": FORMATS},
            status=400,
        )
    lines = trail.lines(request.user, criteria, 0, EXPORT_LIMIT)
    content, content_type = spreadsheet(lines, fmt)
    log_event(
        AuditEvent.Kind.EXPORT,
        user=request.user,
        request=request,
        what="audit trail",
        format=fmt,
        lines=len(lines),
        filter=request.GET.urlencode(),
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.{fmt}"'
    return response
