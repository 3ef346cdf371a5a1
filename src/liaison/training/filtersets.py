"""What the attendance list filters by: the course's year, the course, unit and officer."""

import django_filters
from django.utils.translation import gettext_lazy as _

from liaison.activities.choices import ActivityKind
from liaison.activities.models import Activity
from liaison.core.filtersets import SearchFilterSet, visible
from liaison.people.models import Staff, Unit
from liaison.training.models import Attendance


def courses(request):
    if request is None:
        return Activity.objects.none()
    return Activity.objects.visible_to(request.user).filter(kind=ActivityKind.TRAINING)


class AttendanceFilterSet(SearchFilterSet):
    search_fields = (
        "participant__name_zh_hant",
        "participant__name_latin",
        "course__title_zh_hant",
    )
    year = django_filters.NumberFilter(label=_("year"), field_name="course__year")
    course = django_filters.ModelChoiceFilter(label=_("course"), queryset=courses)
    unit = django_filters.ModelChoiceFilter(
        label=_("unit"), field_name="participant__unit", queryset=visible(Unit)
    )
    participant = django_filters.ModelChoiceFilter(label=_("participant"), queryset=visible(Staff))

    class Meta:
        model = Attendance
        fields = ["q", "year", "course", "unit", "participant", "completed"]
