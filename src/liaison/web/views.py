"""The year dashboard: what the office did, counted through the visibility chokepoint."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from liaison.activities.choices import ActivityKind
from liaison.activities.models import Activity


@login_required
def dashboard(request):
    try:
        year = int(request.GET.get("year", timezone.localdate().year))
    except ValueError:
        year = timezone.localdate().year
    visible = Activity.objects.visible_to(request.user).filter(year=year)
    counts = dict(visible.values_list("kind").annotate(n=Count("pk")))
    rows = [(kind.label, counts.get(kind.value, 0)) for kind in ActivityKind]
    years = (
        Activity.objects.visible_to(request.user)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return render(
        request,
        "web/dashboard.html",
        {"year": year, "rows": rows, "total": sum(counts.values()), "years": list(years)},
    )
