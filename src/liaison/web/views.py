"""The staff's own pages: the year dashboard, and the translations still to do."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from liaison.activities.choices import ActivityKind
from liaison.core import freshness
from liaison.core.choices import RegionGroup
from liaison.core.history import recent_changes
from liaison.reports import charts
from liaison.reports.statistics import Table
from liaison.web import dashboard as figures


def kind_table(board: figures.Dashboard) -> Table:
    """Activities by kind, approved and not yet approved, as a chartable table."""
    table = Table(
        key="by_kind",
        title=_("Activities by kind"),
        columns=[_("Kind"), _("Approved"), _("Not yet approved")],
        chart_columns=(1, 2),
    )
    for kind in ActivityKind:
        approved, pending = board.by_kind.get(kind.value, [0, 0])
        table.rows.append([kind.label, approved, pending])
    return table


def unit_table(board: figures.Dashboard) -> Table:
    table = Table(
        key="by_unit",
        title=_("Training hours by unit"),
        columns=[_("Unit"), _("Participants"), _("Hours attended")],
        chart_columns=(2,),
    )
    table.rows = [list(row) for row in board.by_unit]
    return table


def chart(table: Table) -> str:
    """The chapter's SVG bar chart of `table`, or nothing when there is too little to draw."""
    return mark_safe(charts.svg(table)) if charts.chartable([table]) else ""


@login_required
def dashboard(request):
    """The year's figures, kept until a record the reader may see changes (a dozen queries
    over the year's records otherwise, each time anyone looks)."""
    asked = request.GET.get("year", "")
    asked = int(asked) if asked.isascii() and asked.isdigit() and len(asked) == 4 else None
    context = freshness.remembered(
        request.user,
        "dashboard",
        (asked, timezone.localdate()),
        lambda: dashboard_figures(request.user, asked),
    )
    return render(request, "web/dashboard.html", context)


def dashboard_figures(user, asked: int | None) -> dict:
    board = figures.build(user, asked)
    kinds, units = kind_table(board), unit_table(board)
    regions = [
        (label, board.by_region[value])
        for value, label in [*RegionGroup.choices, (figures.UNKNOWN, _("Unknown"))]
        if board.by_region.get(value)
    ]
    return {
        "board": board,
        "year": board.year,
        "years": board.years,
        "kinds": kinds,
        "kind_chart": chart(kinds),
        "regions": regions,
        "units": units,
        "unit_chart": chart(units),
        "recent": recent_changes(user),
    }
