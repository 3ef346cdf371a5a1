"""The dashboard: the year with records, counts through the chokepoint, queues, deadlines."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from liaison.activities.choices import ActivityKind, BodyRole
from liaison.activities.models import ActivityBody
from liaison.core import services
from liaison.core.choices import Classification, Role, WorkflowState
from liaison.partners.models import Place
from tests.factories import (
    ActivityFactory,
    AttendanceFactory,
    ObligationFactory,
    PartnerBodyFactory,
    PlaceFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_zh():
    return Client(headers={"accept-language": "zh-hant"})


def populate(agency, other_agency, n=1):
    """`n` of each thing a dashboard shows, and records it must not count."""
    place = PlaceFactory(name_zh_hant="北京", region_group="mainland")
    body = PartnerBodyFactory(agency=agency)
    for _ in range(n):
        visit = ActivityFactory(agency=agency, year=2024)
        visit.places.add(place)
        ActivityBody.objects.create(activity=visit, body=body, role=BodyRole.HOST)
        AttendanceFactory(
            course=ActivityFactory(agency=agency, kind=ActivityKind.TRAINING), hours=6
        )
        ActivityFactory(agency=agency, year=2024, state=WorkflowState.DRAFT)
        ObligationFactory(agency=agency, due_date=datetime.date(2024, 1, 1))
    ActivityFactory(agency=agency, year=2024, classification=Classification.CONFIDENTIAL)
    ActivityFactory(agency=other_agency, year=2024)
    ActivityFactory(agency=agency, year=2023, start_date=None, date_precision="year")


def test_latest_year_with_records_by_default(client_zh, editor, agency, other_agency):
    populate(agency, other_agency)
    client_zh.force_login(editor)
    response = client_zh.get("/")
    board = response.context["board"]
    assert board.year == 2024
    assert board.years == [2024, 2023]
    assert response.context["year"] == 2024
    page = response.content.decode()
    assert '<option value="2023">2023</option>' in page


def test_drafts_are_counted_apart(client_zh, editor, agency, other_agency):
    populate(agency, other_agency)
    client_zh.force_login(editor)
    board = client_zh.get("/?year=2024").context["board"]
    assert board.by_kind[ActivityKind.OUTBOUND_VISIT] == [1, 1]
    assert board.by_kind[ActivityKind.TRAINING] == [1, 0]
    assert (board.approved_total, board.pending_total) == (2, 1)
    assert board.by_region == {"mainland": 1, "unknown": 1}
    assert [(name[:5], n) for name, n in board.by_body] == [("監察委員會", 1)]
    assert [(name[:3], people, float(hours)) for name, people, hours in board.by_unit] == [
        ("調查廳", 1, 6.0)
    ]


def test_viewer_sees_no_drafts_and_no_confidential(client_zh, viewer, agency, other_agency):
    populate(agency, other_agency)
    client_zh.force_login(viewer)
    response = client_zh.get("/?year=2024")
    board = response.context["board"]
    assert (board.approved_total, board.pending_total) == (2, 0)
    assert board.to_approve is None
    assert "待我審批" not in response.content.decode()


def test_unknown_year_shows_zeros_and_bad_input_the_latest(client_zh, editor, agency, other_agency):
    populate(agency, other_agency)
    client_zh.force_login(editor)
    assert client_zh.get("/?year=1999").context["board"].approved_total == 0
    assert client_zh.get("/?year=abc").context["board"].year == 2024
    for bad in ("9" * 30, "-1", "２０２４", "2024.0"):  # too large for SQLite, not a year
        assert client_zh.get(f"/?year={bad}").context["board"].year == 2024


def test_hidden_participant_is_not_counted_by_unit(client_zh, viewer, agency):
    course = ActivityFactory(agency=agency, kind=ActivityKind.TRAINING)
    hidden = StaffFactory(agency=agency, classification=Classification.CONFIDENTIAL)
    AttendanceFactory(course=course, participant=hidden, hours=9)
    client_zh.force_login(viewer)
    board = client_zh.get("/?year=2024").context["board"]
    assert board.by_unit == []


def test_my_drafts_and_approvals_queue(client_zh, editor, approver, agency):
    from liaison.activities.models import Activity

    draft = services.create_record(
        Activity,
        user=editor,
        data={
            "kind": ActivityKind.MEETING,
            "title_zh_hant": "年會",
            "year": 2024,
            "start_date": datetime.date(2024, 5, 1),
        },
    )
    body = services.create_record(
        type(PartnerBodyFactory.build()), user=editor, data={"name_zh_hant": "新機構"}
    )
    services.submit(body, user=editor, version=body.version)
    client_zh.force_login(editor)
    drafts = client_zh.get("/").context["board"].drafts
    assert [item.name for item in drafts] == ["年會"]

    client_zh.force_login(approver)
    response = client_zh.get("/")
    queue = response.context["board"].to_approve
    assert [(item.name, item.model.__name__) for item in queue] == [("新機構", "PartnerBody")]
    assert "新機構" in response.content.decode()
    assert (type(draft), draft.pk) not in [(item.model, item.pk) for item in queue]


@pytest.fixture
def short_queue(monkeypatch):
    """The queues read one record, in queries compiled with that limit and then forgotten."""
    from liaison.core import prepared
    from liaison.web import dashboard

    monkeypatch.setattr(dashboard, "QUEUE_READ", 1)
    prepared.forget()
    yield
    prepared.forget()


def test_a_long_queue_does_not_crowd_out_the_upcoming_activities(
    client_zh, editor, agency, short_queue
):
    """The queues and the upcoming activities share one query; the upcoming come first."""
    from liaison.web import dashboard

    soon = timezone.localdate() + datetime.timedelta(days=3)
    upcoming = ActivityFactory(agency=agency, start_date=soon, end_date=soon, year=soon.year)
    ActivityFactory.create_batch(
        dashboard.LIST_LENGTH + 2,
        agency=agency,
        created_by=editor,
        state=WorkflowState.DRAFT,
        approved_at=None,
    )
    client_zh.force_login(editor)
    board = client_zh.get("/").context["board"]
    assert [activity.pk for activity in board.upcoming] == [upcoming.pk]
    assert board.drafts  # the queue reads what the limit leaves it


def test_overdue_obligations_are_marked(client_zh, viewer, agency):
    ObligationFactory(agency=agency, title_zh_hant="逾期問卷", due_date=datetime.date(2024, 1, 1))
    ObligationFactory(agency=agency, title_zh_hant="將來報告", due_date=datetime.date(2099, 1, 1))
    client_zh.force_login(viewer)
    page = client_zh.get("/").content.decode()
    overdue = page.index('class="overdue"')
    assert page.index("逾期問卷") > overdue
    assert page.count('class="overdue"') == 1


def test_recent_changes_only_of_visible_records(client_zh, editor, viewer, agency):
    from liaison.activities.models import Activity

    services.create_record(
        Activity,
        user=editor,
        data={
            "kind": ActivityKind.MEETING,
            "title_zh_hant": "公開會議",
            "year": 2024,
            "start_date": datetime.date(2024, 5, 1),
        },
    )
    services.create_record(
        Activity,
        user=editor,
        data={
            "kind": ActivityKind.MEETING,
            "title_zh_hant": "秘密會議",
            "year": 2024,
            "start_date": datetime.date(2024, 5, 1),
            "classification": Classification.CONFIDENTIAL,
        },
    )
    client_zh.force_login(editor)
    page = client_zh.get("/").content.decode()
    assert "公開會議" in page and "秘密會議" in page
    client_zh.force_login(viewer)  # drafts, so invisible to a viewer
    page = client_zh.get("/").content.decode()
    assert "公開會議" not in page and "秘密會議" not in page


def test_charts_are_drawn(client_zh, editor, agency, other_agency):
    populate(agency, other_agency)
    client_zh.force_login(editor)
    page = client_zh.get("/").content.decode()
    assert page.count("<svg") >= 1


def queries_for(client, url, *, cached=False):
    if not cached:
        cache.clear()  # the figures are built, not taken from the cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_the_records(client_zh, approver, agency, other_agency):
    populate(agency, other_agency, n=1)
    client_zh.force_login(approver)
    queries_for(client_zh, "/")  # warm caches (content types)
    few = queries_for(client_zh, "/")
    populate(agency, other_agency, n=6)
    many = queries_for(client_zh, "/")
    assert few == many
    assert many <= 11  # one of them: the session's second factor, checked on every page


def test_a_kept_dashboard_asks_only_who_is_reading_and_the_stamps(
    client_zh, approver, agency, other_agency
):
    populate(agency, other_agency, n=3)
    client_zh.force_login(approver)
    built = queries_for(client_zh, "/")
    kept = queries_for(client_zh, "/", cached=True)
    assert kept <= 4 < built  # session, user, second factor, the stamps


def approved_meeting(editor, approver, title, **data):
    from liaison.activities.models import Activity

    record = services.create_record(
        Activity,
        user=editor,
        data={
            "kind": ActivityKind.MEETING,
            "title_zh_hant": title,
            "year": 2099,
            "start_date": datetime.date(2099, 5, 1),
            **data,
        },
    )
    services.submit(record, user=editor, version=record.version)
    return services.approve(record, user=approver, version=record.version)


def test_every_write_shows_on_the_next_dashboard(
    client_zh, editor, approver, viewer, django_capture_on_commit_callbacks
):
    client_zh.force_login(viewer)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = approved_meeting(editor, approver, "首次年會")
    assert client_zh.get("/").context["board"].approved_total == 1
    with django_capture_on_commit_callbacks(execute=True):
        approved_meeting(editor, approver, "第二次年會")
    board = client_zh.get("/").context["board"]
    assert board.approved_total == 2
    assert {item.title_zh_hant for item in board.upcoming} == {"首次年會", "第二次年會"}

    with django_capture_on_commit_callbacks(execute=True):  # a draft again: not a viewer's
        services.update_record(
            meeting, user=editor, version=meeting.version, data={"title_zh_hant": "改名"}
        )
    board = client_zh.get("/").context["board"]
    assert board.approved_total == 1
    assert [item.title_zh_hant for item in board.upcoming] == ["第二次年會"]


def test_a_record_made_confidential_leaves_every_kept_dashboard(
    client_zh, editor, approver, viewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = approved_meeting(editor, approver, "將保密的會議")
    client_zh.force_login(approver)
    assert "將保密的會議" in client_zh.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.update_record(
            meeting,
            user=editor,
            version=meeting.version,
            data={"classification": Classification.CONFIDENTIAL},
            reason="涉及個案",
        )
    assert "將保密的會議" not in client_zh.get("/").content.decode()


def test_another_agencys_write_keeps_my_dashboard(
    client_zh, viewer, other_agency, django_capture_on_commit_callbacks
):
    from liaison.core.freshness import stamps_for

    mine = stamps_for(viewer)
    with django_capture_on_commit_callbacks(execute=True):
        services.create_record(
            type(PartnerBodyFactory.build()),
            user=UserFactory(agency=other_agency, roles=[Role.EDITOR]),
            data={"name_zh_hant": "別處機構"},
        )
    assert stamps_for(viewer) == mine
    with django_capture_on_commit_callbacks(execute=True):
        services.create_reference(
            Place,
            user=UserFactory(agency=other_agency, roles=[Role.EDITOR]),
            data={"name_zh_hant": "新地方", "kind": Place.Kind.CITY, "region_group": "mainland"},
        )
    assert stamps_for(viewer) != mine  # places are everyone's


def test_a_write_rolled_back_keeps_the_stamps(editor, viewer, django_capture_on_commit_callbacks):
    from django.db import transaction

    from liaison.core.freshness import stamps_for

    mine = stamps_for(viewer)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.create_record(
            type(PartnerBodyFactory.build()), user=editor, data={"name_zh_hant": "未存機構"}
        )
        raise RuntimeError("refused")
    assert stamps_for(viewer) == mine


def test_a_transaction_of_many_writes_renews_each_stamp_once(
    editor, django_capture_on_commit_callbacks
):
    body_model = type(PartnerBodyFactory.build())
    with django_capture_on_commit_callbacks() as callbacks:
        for n in range(3):
            services.create_record(body_model, user=editor, data={"name_zh_hant": f"機構{n}"})
        services.create_reference(
            Place,
            user=editor,
            data={"name_zh_hant": "某地", "kind": Place.Kind.CITY, "region_group": "mainland"},
        )
    renewals = [c for c in callbacks if type(c).__name__ == "_Renewal"]
    assert len(renewals) == 1
    assert renewals[0].keys == {f"agency:{editor.agency_id}", "reference"}


def test_a_kept_value_holds_its_translations_as_text(viewer):
    """Kept values are read back without building a lazy translation per label, in the
    language they were kept in; a value of None is kept too (not computed at every read)."""
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    from liaison.core.freshness import remembered

    cache.clear()
    calls = []

    def compute():
        calls.append(1)
        return {"label": gettext_lazy("Approved"), "none": None}

    with translation.override("en"):
        remembered(viewer, "test", (), compute)
        kept = remembered(viewer, "test", (), compute)
    assert type(kept["label"]) is str and kept["label"] == "Approved"
    assert len(calls) == 1
    with translation.override("zh-hant"):
        assert remembered(viewer, "test", (), compute)["label"] != "Approved"
    assert remembered(viewer, "nothing", (), lambda: None) is None
    assert remembered(viewer, "nothing", (), lambda: calls.append(1)) is None
    assert len(calls) == 2


def test_recent_changes_reach_past_newer_hidden_ones_newest_first(editor, agency):
    """Each family's latest visible entries are found however many newer ones the reader
    may not see, and the families' entries come together newest first, ten at most."""
    from auditlog.context import set_actor

    from liaison.core.history import recent_changes

    with set_actor(editor):
        body = PartnerBodyFactory(agency=agency, name_zh_hant="早前的機構")
        early = ActivityFactory(agency=agency, title_zh_hant="早前公開")
        for _ in range(12):
            ActivityFactory(agency=agency, classification=Classification.CONFIDENTIAL)
        shown = [ActivityFactory(agency=agency, title_zh_hant=f"公開{n}") for n in range(3)]
    names = [line.name for line in recent_changes(editor)]
    assert names == [*(str(record) for record in reversed(shown)), str(early), str(body)]
    assert len(recent_changes(editor, limit=2)) == 2
