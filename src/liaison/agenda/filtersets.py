"""What the calendar filters by: a kind (one of the five activities, or obligations) and a
body. One filterset per model read, both fed the same query string."""

import django_filters
from django.utils.translation import gettext_lazy as _

from liaison.activities.models import Activity, ActivityBody
from liaison.agenda.choices import OBLIGATION, EntryKind
from liaison.core.filtersets import ChoosingFilterSet, visible
from liaison.partners.models import Obligation, PartnerBody


class CalendarFilterSet(ChoosingFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=EntryKind.choices, method="of_kind", empty_label=_("Every kind")
    )
    body = django_filters.ModelChoiceFilter(
        label=_("Body"), queryset=visible(PartnerBody), method="of_body", empty_label=_("Any body")
    )


class ActivityCalendarFilterSet(CalendarFilterSet):
    class Meta:
        model = Activity
        fields = ["kind", "body"]

    def of_kind(self, queryset, name, value):
        return queryset.none() if value == OBLIGATION else queryset.filter(kind=value)

    def of_body(self, queryset, name, value):
        """The body is one the user may see, the activities too: so is the role linking them."""
        return queryset.filter(pk__in=ActivityBody.objects.filter(body=value).values("activity"))


class ObligationCalendarFilterSet(CalendarFilterSet):
    class Meta:
        model = Obligation
        fields = ["kind", "body"]

    def of_kind(self, queryset, name, value):
        return queryset if value == OBLIGATION else queryset.none()

    def of_body(self, queryset, name, value):
        return queryset.filter(membership__body=value)
