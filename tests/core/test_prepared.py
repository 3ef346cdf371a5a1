"""Prepared queries: compiled once per (name, key), then the same SQL read as Django reads it."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Count, Sum
from django.test.utils import CaptureQueriesContext

from liaison.activities.models import Activity
from liaison.core import prepared as prepared_module
from liaison.core.prepared import prepared
from liaison.training.models import Attendance
from tests.factories import ActivityFactory, AttendanceFactory

pytestmark = pytest.mark.django_db


class Builds:
    """A query builder that counts how often it was asked to build."""

    def __init__(self, make):
        self.make, self.count = make, 0

    def __call__(self):
        self.count += 1
        return self.make()


@pytest.fixture(autouse=True)
def fresh_connection():
    """Each test starts with nothing prepared (the keys below repeat across tests)."""
    prepared_module.kept_on("default").clear()
    yield
    prepared_module.kept_on("default").clear()


def test_values_read_as_the_queryset_reads_them(agency):
    ActivityFactory(agency=agency, start_date=datetime.date(2024, 3, 1))

    def query():
        return (
            Activity.objects.order_by("pk")
            .values_list("pk", "start_date", "created_at")
            .annotate(n=Count("places"))
        )

    rows = prepared(Activity, "test:values", (1,), query)
    assert rows == list(query())
    assert isinstance(rows[0][1], datetime.date)  # SQLite's text converted back to a date
    assert rows[0][2].tzinfo is not None


def test_a_known_key_sends_the_same_sql_without_building_and_sees_new_rows(agency):
    first = ActivityFactory(agency=agency)
    build = Builds(lambda: Activity.objects.order_by("pk").values_list("pk", flat=True))
    assert prepared(Activity, "test:known", (1,), build) == [first.pk]
    second = ActivityFactory(agency=agency)
    with CaptureQueriesContext(connection) as queries:
        assert prepared(Activity, "test:known", (1,), build) == [first.pk, second.pk]
    assert build.count == 1
    assert len(queries) == 1


def test_another_key_or_name_builds_anew(agency):
    early = ActivityFactory(agency=agency, year=2023)
    late = ActivityFactory(agency=agency, year=2024)

    def of(year):
        return Builds(lambda: Activity.objects.filter(year=year).values_list("pk", flat=True))

    assert prepared(Activity, "test:year", (2023,), of(2023)) == [early.pk]
    assert prepared(Activity, "test:year", (2024,), of(2024)) == [late.pk]
    assert prepared(Activity, "test:other", (2023,), of(2024)) == [late.pk]


def test_model_instances_with_their_related_and_prefetched_rows(agency):
    attendance = AttendanceFactory(course__agency=agency, hours=3)

    def query():
        return (
            Attendance.objects.select_related("participant")
            .prefetch_related("course__places")
            .order_by("pk")
        )

    places = list(attendance.course.places.all())
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            (row,) = prepared(Attendance, "test:instances", (1,), query)
            assert row.participant.name_zh_hant == attendance.participant.name_zh_hant
            assert list(row.course.places.all()) == places
        assert row.pk == attendance.pk
        assert len(queries) == 3  # the rows with their participants, the courses, the places


def test_aggregates_keep_their_types(agency):
    AttendanceFactory(course__agency=agency, hours=2)
    AttendanceFactory(course__agency=agency, hours=3)

    def query():
        return Attendance.objects.values_list("course__agency").annotate(hours=Sum("hours"))

    ((_, hours),) = prepared(Attendance, "test:sum", (1,), query)
    assert hours == sum(row.hours for row in Attendance.objects.all())
    assert type(hours) is type(Attendance.objects.first().hours)


def test_only_the_latest_are_kept(agency, monkeypatch):
    monkeypatch.setattr(prepared_module, "SIZE", 2)
    ActivityFactory(agency=agency)
    builds = {name: Builds(lambda: Activity.objects.values_list("pk")) for name in "abc"}
    for name in "abca":
        prepared(Activity, name, (), builds[name])
    assert [builds[name].count for name in "abc"] == [2, 1, 1]
    assert list(prepared_module.kept_on("default")) == [("c", ()), ("a", ())]


def test_a_slot_is_compiled_once_and_each_call_sends_its_value(agency):
    one, two = ActivityFactory(agency=agency), ActivityFactory(agency=agency)
    built = []

    def by_pk(pk):
        built.append(pk)
        return Activity.objects.filter(pk=pk, agency=agency)

    assert prepared(Activity, "test:slot", (1,), by_pk, slot=one.pk) == [one]
    assert prepared(Activity, "test:slot", (1,), by_pk, slot=two.pk) == [two]
    assert prepared(Activity, "test:slot", (1,), by_pk, slot=two.pk + 100) == []
    assert built == [prepared_module.STAND_IN]


def test_a_slot_beyond_the_columns_range_matches_nothing(agency):
    ActivityFactory(agency=agency)

    def by_pk(pk):
        return Activity.objects.filter(pk=pk)

    assert prepared(Activity, "test:range", (1,), by_pk, slot=2**70) == []
    assert prepared(Activity, "test:range", (1,), by_pk, slot=-(2**70)) == []


def test_a_query_that_does_not_take_its_slot_is_refused(agency):
    with pytest.raises(ImproperlyConfigured):
        prepared(Activity, "test:unslotted", (1,), lambda pk: Activity.objects.all(), slot=1)


def test_a_migration_or_flush_forgets_every_prepared_query(agency):
    """The content types a query names may be made anew (a test's flush, a migration)."""
    from django.apps import apps
    from django.db.models.signals import post_migrate

    ActivityFactory(agency=agency)
    prepared(Activity, "test:forgotten", (), lambda: Activity.objects.values_list("pk"))
    assert prepared_module.kept_on("default")
    post_migrate.send(sender=apps.get_app_config("core"), app_config=apps.get_app_config("core"))
    assert not prepared_module.kept_on("default")
