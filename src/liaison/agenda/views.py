"""The calendar's pages (a month, an agenda), the feeds served by secret link, and the
small posts that make and revoke a feed link, set the reminders' language and settle an
obligation. Reads go through the chokepoint; writes through the services."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liaison.activities.choices import DatePrecision
from liaison.activities.models import Activity
from liaison.agenda import services
from liaison.agenda.entries import (
    PRECISION_ORDER,
    Entry,
    activities_between,
    activity_entries,
    in_order,
    obligation_entries,
)
from liaison.agenda.feeds import FEED_KINDS, feed_bytes
from liaison.agenda.filtersets import ActivityCalendarFilterSet, ObligationCalendarFilterSet
from liaison.agenda.forms import LanguageForm, MonthForm, RangeForm
from liaison.agenda.panels import NEW_SECRET
from liaison.core.posted import is_stored_integer
from liaison.core.views.lists import error_messages
from liaison.partners import services as partner_services
from liaison.partners.forms import CompleteObligationForm, WaiveObligationForm
from liaison.partners.models import Obligation

#: Days after today that the pages highlight, and the agenda lists by default.
SOON = 30
AGENDA_DAYS = 90
DAY = DatePrecision.DAY


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    entries: list[Entry] = field(default_factory=list)
    classes: str = ""


def highlight(day: datetime.date, today: datetime.date) -> str:
    if day == today:
        return "today"
    if today < day <= today + datetime.timedelta(days=SOON):
        return "soon"
    return "past" if day < today else ""


def entries_between(request, first, last, today) -> tuple[list[Entry], object]:
    """The entries the user may see within [first, last], filtered as asked; and the
    filterset, whose form the page shows."""
    user = request.user
    activities = ActivityCalendarFilterSet(
        request.GET, queryset=Activity.objects.visible_to(user), request=request
    )
    obligations = ObligationCalendarFilterSet(
        request.GET, queryset=Obligation.objects.visible_to(user), request=request
    )
    found = activity_entries(activities_between(activities.qs, first, last), user)
    found += obligation_entries(obligations.qs.filter(due_date__range=(first, last)), today)
    return in_order([entry for entry in found if entry.overlaps(first, last)]), activities


def overdue_before(request, first, today) -> list[Entry]:
    """Open obligations already late before `first`: the agenda lists them first."""
    obligations = ObligationCalendarFilterSet(
        request.GET, queryset=Obligation.objects.visible_to(request.user), request=request
    )
    late = obligations.qs.filter(
        status=Obligation.Status.OPEN, due_date__lt=min(first, today)
    ).order_by("due_date", "pk")
    return obligation_entries(late, today)


@login_required
def month(request):
    today = timezone.localdate()
    chosen = MonthForm(request.GET)
    first = chosen.first_day(today)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    found, filters = entries_between(request, weeks[0][0], weeks[-1][-1], today)
    grid = [
        [Day(day, day.month == first.month, classes=highlight(day, today)) for day in week]
        for week in weeks
    ]
    for day in (day for week in grid for day in week):
        day.entries = [e for e in found if e.precision == DAY and e.overlaps(day.date, day.date)]
    month_only = [e for e in found if e.month_only and e.start == first]
    year_only = [e for e in found if e.year_only and e.start.year == first.year]
    step = datetime.timedelta(days=1)
    return render(
        request,
        "calendar/month.html",
        {
            "first": first,
            "weeks": grid,
            "weekdays": [WEEKDAYS_ABBR[day] for day in range(7)],
            "month_only": month_only,
            "year_only": year_only,
            "filters": filters,
            "month_form": chosen,
            "previous": (first - step).strftime("%Y-%m"),
            "next": (first + datetime.timedelta(days=32)).strftime("%Y-%m"),
            "today": today,
        },
    )


@login_required
def agenda(request):
    today = timezone.localdate()
    span = RangeForm(request.GET)
    first, last = span.span(today, AGENDA_DAYS)
    found, filters = entries_between(request, first, last, today)
    days: dict[tuple[datetime.date, int], list[Entry]] = {}
    for entry in found:  # one known to the month or year heads it, under its name
        day = max(entry.start, first) if entry.precision == DAY else entry.start
        days.setdefault((day, -PRECISION_ORDER[entry.precision]), []).append(entry)
    return render(
        request,
        "calendar/agenda.html",
        {
            "days": [
                (day, entries[0].precision, highlight(day, today) if not rank else "", entries)
                for (day, rank), entries in sorted(days.items())
            ],
            "overdue": overdue_before(request, first, today),
            "filters": filters,
            "range_form": span,
            "first": first,
            "last": last,
            "today": today,
        },
    )


def feed(request, secret: str, kind: str):
    """A feed, opened by its secret alone (calendar programs send no cookie). A wrong or
    revoked secret, or an unknown kind, is a plain 404 like any missing page."""
    if kind not in FEED_KINDS:
        raise Http404
    user = services.open_feed(secret)
    if user is None:
        raise Http404
    body = feed_bytes(user, kind, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


def valid(form) -> dict:
    """The form's data, or its errors raised as one refusal."""
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return form.cleaned_data


PROFILE_FEEDS = "calendar-feeds"


def back_to_profile():
    return redirect(reverse("accounts:profile") + f"#{PROFILE_FEEDS}")


@login_required
@require_POST
def make_feed_link(request):
    request.session[NEW_SECRET] = services.make_feed_token(request.user)
    messages.success(request, _("Your new feed links are below; copy them now."))
    return back_to_profile()


@login_required
@require_POST
def revoke_feed_link(request):
    services.revoke_feed_token(request.user)
    messages.success(request, _("Your feed links no longer work."))
    return back_to_profile()


@login_required
@require_POST
def set_language(request):
    try:
        language = valid(LanguageForm(request.POST))["language"]
        services.set_preferred_language(request.user, language)
    except ValidationError as error:
        for message in error_messages(error):
            messages.error(request, message)
    else:
        messages.success(request, _("Your reminders will be written in the language chosen."))
    return back_to_profile()


def settle(request, pk: int, write) -> HttpResponse:
    """Apply one lifecycle step to an obligation the user may see; any refusal is said on
    its page, in the user's language, and nothing is written."""
    obligation = get_object_or_404(Obligation.objects.visible_to(request.user), pk=pk)
    try:
        write(obligation)
    except (ValidationError, PermissionDenied) as error:
        for message in error_messages(error):
            messages.error(request, message)
    else:
        messages.success(request, _("The obligation is saved."))
    return redirect("partners:obligation_detail", pk=obligation.pk)


@login_required
@require_POST
def complete_obligation(request, pk: int):
    def write(obligation):
        data = valid(CompleteObligationForm(request.POST))
        partner_services.complete_obligation(
            obligation, user=request.user, version=data["version"], on=data["completed_on"]
        )

    return settle(request, pk, write)


@login_required
@require_POST
def waive_obligation(request, pk: int):
    def write(obligation):
        data = valid(WaiveObligationForm(request.POST))
        partner_services.waive_obligation(
            obligation, user=request.user, version=data["version"], reason=data["reason"]
        )

    return settle(request, pk, write)


@login_required
@require_POST
def reopen_obligation(request, pk: int):
    def write(obligation):
        version = request.POST.get("version", "")
        if not is_stored_integer(version):
            raise ValidationError(_("The page was out of date; reload it and try again."))
        partner_services.reopen_obligation(obligation, user=request.user, version=int(version))

    return settle(request, pk, write)
