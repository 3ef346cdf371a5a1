"""The generic pages, tried on activities: lists, detail, forms, workflow, bulk actions."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from liaison.activities.choices import ActivityKind
from liaison.activities.models import Activity
from liaison.attachments.models import Attachment
from liaison.audit.services import views_of
from liaison.core import services
from liaison.core.choices import Classification, WorkflowState
from liaison.partners.models import PartnerBody
from tests import factories
from tests.factories import ActivityFactory, EventFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def visit(agency, place=None, **kwargs):
    record = ActivityFactory(agency=agency, **kwargs)
    record.places.add(place or PlaceFactory())
    return record


def form_data(**overrides):
    data = {
        "kind": ActivityKind.OUTBOUND_VISIT,
        "title_zh_hant": "赴北京考察",
        "title_pt": "",
        "title_en": "Study visit to Beijing",
        "year": "2024",
        "start_date": "2024-05-02",
        "end_date": "2024-05-04",
        "date_precision": "day",
        "classification": Classification.INTERNAL,
    }
    data.update(overrides)
    return data


def test_viewer_lists_approved_activities_only(login, viewer, agency):
    ActivityFactory(agency=agency, title_zh_hant="已批准的外訪")
    ActivityFactory(agency=agency, title_zh_hant="草稿外訪", state=WorkflowState.DRAFT)
    page = login(viewer).get("/activities/").content.decode()
    assert "已批准的外訪" in page and "草稿外訪" not in page


def test_editor_lists_drafts_too_and_filters(login, editor, agency):
    ActivityFactory(agency=agency, title_zh_hant="草稿外訪", state=WorkflowState.DRAFT)
    ActivityFactory(agency=agency, title_zh_hant="培訓課程", kind=ActivityKind.TRAINING)
    client = login(editor)
    page = client.get("/activities/").content.decode()
    assert "草稿外訪" in page and "培訓課程" in page
    page = client.get("/activities/?kind=training").content.decode()
    assert "培訓課程" in page and "草稿外訪" not in page


def test_htmx_gets_only_the_results(login, viewer, agency):
    ActivityFactory(agency=agency)
    response = login(viewer).get("/activities/?year=2024", headers={"hx-request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"') and "<html" not in body


def test_bad_filter_says_so_and_lists_nothing(login, viewer, agency):
    ActivityFactory(agency=agency, title_zh_hant="一項活動")
    response = login(viewer).get("/activities/?year=abc")
    assert response.status_code == 200
    assert "一項活動" not in response.content.decode()
    assert response.context["filterset"].errors


def test_user_without_a_role_is_refused_and_anonymous_sent_to_log_in(login, make_user, client):
    assert login(make_user()).get("/activities/").status_code == 403
    assert client.get("/activities/").status_code == 302


def test_hidden_records_are_not_there(login, viewer, editor, agency, other_agency):
    elsewhere = ActivityFactory(agency=other_agency)
    secret = ActivityFactory(agency=agency, classification=Classification.CONFIDENTIAL)
    draft = ActivityFactory(agency=agency, state=WorkflowState.DRAFT)
    client = login(viewer)
    for record in (elsewhere, secret, draft):
        assert client.get(f"/activities/{record.pk}/").status_code == 404
    assert login(editor).get(f"/activities/{secret.pk}/edit/").status_code == 404


def test_every_view_of_a_confidential_record_is_logged(login, editor, agency):
    secret = ActivityFactory(agency=agency, classification=Classification.CONFIDENTIAL)
    secret.cleared_officers.add(editor)
    client = login(editor)
    assert client.get(f"/activities/{secret.pk}/").status_code == 200
    assert client.get(f"/activities/{secret.pk}/").status_code == 200
    assert views_of(secret).count() == 2
    ordinary = ActivityFactory(agency=agency)
    client.get(f"/activities/{ordinary.pk}/")
    assert views_of(ordinary).count() == 0


def test_detail_shows_fields_in_the_users_language_with_the_others_beside(login, viewer, agency):
    record = ActivityFactory(agency=agency, title_zh_hant="赴葡萄牙", title_pt="Visita a Portugal")
    page = login(viewer, "pt").get(f"/activities/{record.pk}/").content.decode()
    assert page.index("Visita a Portugal") < page.index("赴葡萄牙")
    assert "Visita ao exterior" in page  # the kind, as a translated choice


def test_creating_writes_a_draft_through_the_services(login, editor, agency):
    beijing = PlaceFactory(name_zh_hant="北京")
    response = login(editor).post("/activities/add/", form_data(places=[beijing.pk]))
    record = Activity.objects.get(title_zh_hant="赴北京考察")
    assert response.status_code == 302 and response["Location"] == f"/activities/{record.pk}/"
    assert record.state == WorkflowState.DRAFT and record.agency == agency
    assert record.created_by == editor and list(record.places.all()) == [beijing]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({}, "places"),  # a visit without a place
        ({"end_date": "2024-05-01"}, "end_date"),
        ({"title_zh_hant": ""}, "title_zh_hant"),
        ({"kind": ActivityKind.TRAINING, "training_hours": "0"}, "training_hours"),
        ({"year": "2023"}, "year"),
    ],
)
def test_bad_input_is_explained_and_nothing_written(login, editor, overrides, field):
    place = PlaceFactory()
    data = form_data(places=[place.pk], **overrides) if field != "places" else form_data()
    response = login(editor).post("/activities/add/", data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Activity.objects.exists()


def test_choices_offer_only_what_the_user_may_see(login, editor, agency, other_agency, make_user):
    colleague = make_user(username="colleague")
    make_user(username="stranger", agency=other_agency)
    form = login(editor).get("/activities/add/").context["form"]
    officers = {user.username for user in form.fields["cleared_officers"].queryset}
    assert "colleague" in officers and "stranger" not in officers
    assert colleague.agency == agency


def test_editing_an_approved_record_returns_it_to_draft(login, editor, agency):
    record = visit(agency, PlaceFactory())
    data = form_data(places=[record.places.get().pk], version=record.version)
    response = login(editor).post(f"/activities/{record.pk}/edit/", data)
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.state == WorkflowState.DRAFT and record.title_en == "Study visit to Beijing"


def test_a_stale_edit_keeps_the_input_and_names_who_changed_it(
    login, editor, second_editor, agency
):
    place = PlaceFactory()
    record = visit(agency, place)
    loaded = record.version
    services.update_record(
        record, user=second_editor, version=loaded, data={"title_zh_hant": "他人改過的標題"}
    )
    data = form_data(places=[place.pk], version=loaded, title_zh_hant="我的標題")
    response = login(editor).post(f"/activities/{record.pk}/edit/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "editor2" in page and "他人改過的標題" in page  # who, and what they wrote
    assert 'value="我的標題"' in page  # the user's input is kept
    record.refresh_from_db()
    assert record.title_zh_hant == "他人改過的標題"
    assert response.context["form"]["version"].value() == record.version


def test_classification_change_needs_a_reason(login, editor, agency):
    place = PlaceFactory()
    record = visit(agency, place)
    data = form_data(places=[place.pk], version=record.version, classification=3)
    response = login(editor).post(f"/activities/{record.pk}/edit/", data)
    assert response.status_code == 200 and response.context["form"].errors["classification"]
    data["reason"] = "涉及對方內部資料"
    assert login(editor).post(f"/activities/{record.pk}/edit/", data).status_code == 302


def test_submit_then_approve_by_someone_else(login, editor, approver, agency):
    record = ActivityFactory(agency=agency, state=WorkflowState.DRAFT, updated_by=editor)
    response = login(editor).post(f"/activities/{record.pk}/submit/", {"version": record.version})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.state == WorkflowState.SUBMITTED
    detail = login(approver).get(f"/activities/{record.pk}/")
    assert [step for step, _url in detail.context["actions"]] == ["approve", "reject"]
    login(approver).post(f"/activities/{record.pk}/approve/", {"version": record.version})
    record.refresh_from_db()
    assert record.state == WorkflowState.APPROVED and record.approved_by == approver


def test_return_to_draft_needs_a_reason(login, approver, agency):
    record = ActivityFactory(agency=agency, state=WorkflowState.SUBMITTED)
    client = login(approver)
    client.post(f"/activities/{record.pk}/reject/", {"version": record.version, "reason": ""})
    record.refresh_from_db()
    assert record.state == WorkflowState.SUBMITTED
    client.post(f"/activities/{record.pk}/reject/", {"version": record.version, "reason": "缺日期"})
    record.refresh_from_db()
    assert record.state == WorkflowState.DRAFT


def test_a_viewer_cannot_act(login, viewer, agency):
    record = ActivityFactory(agency=agency)
    client = login(viewer)
    assert client.get(f"/activities/{record.pk}/edit/").status_code == 403
    assert client.get("/activities/add/").status_code == 403
    assert client.post(f"/activities/{record.pk}/delete/").status_code == 403
    assert client.post("/activities/bulk/", {"action": "submit"}).status_code == 403
    assert Activity.objects.filter(pk=record.pk).exists()


def test_bulk_submit_and_approve(login, editor, approver, agency):
    drafts = [
        ActivityFactory(agency=agency, state=WorkflowState.DRAFT, updated_by=editor)
        for _ in range(3)
    ]
    ticked = [f"{record.pk}:{record.version}" for record in drafts[:2]]
    client = login(editor)
    response = client.post(
        "/activities/bulk/", {"action": "submit", "pk": ticked, "next": "?kind=x"}
    )
    assert response["Location"] == "/activities/?kind=x"
    states = [Activity.objects.get(pk=record.pk).state for record in drafts]
    assert states == ["submitted", "submitted", "draft"]
    stale = f"{drafts[0].pk}:{drafts[0].version}"  # the version before the submit
    fresh = f"{drafts[1].pk}:{drafts[1].version + 1}"
    page = login(approver).post(
        "/activities/bulk/", {"action": "approve", "pk": [stale, fresh]}, follow=True
    )
    assert [Activity.objects.get(pk=r.pk).state for r in drafts[:2]] == ["submitted", "approved"]
    refused = [str(m) for m in page.context["messages"] if m.level_tag == "error"]
    assert len(refused) == 1 and "editor" in refused[0]  # the stale row names who changed it


def test_only_an_administrator_deletes(login, editor, administrator, agency):
    record = ActivityFactory(agency=agency)
    assert (
        login(editor).post(f"/activities/{record.pk}/delete/", {"reason": "重複"}).status_code
        == 403
    )
    response = login(administrator).post(
        f"/activities/{record.pk}/delete/", {"reason": "重複", "version": record.version}
    )
    assert response.status_code == 302 and not Activity.objects.filter(pk=record.pk).exists()


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_and_detail_queries_do_not_grow_with_rows(login, editor, agency):
    place = PlaceFactory()
    for _ in range(3):
        visit(agency, place, start_date=datetime.date(2024, 6, 1))
    client = login(editor)
    few = count_queries(client, "/activities/")
    for _ in range(30):
        visit(agency, PlaceFactory())
    assert count_queries(client, "/activities/") == few <= 10
    assert count_queries(client, "/activities/?region=abroad&kind=outbound_visit") <= 10


def test_detail_queries_do_not_grow_with_linked_rows(login, editor, agency):
    record = visit(agency)
    EventFactory(activity=record)
    client = login(editor)
    client.get(f"/activities/{record.pk}/")  # content types are cached once per process
    few = count_queries(client, f"/activities/{record.pk}/")
    for _ in range(10):
        record.places.add(PlaceFactory())
        EventFactory(activity=record)
    assert count_queries(client, f"/activities/{record.pk}/") == few <= 10


def test_detail_lists_the_records_files(login, viewer, agency, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    record = visit(agency)
    Attachment.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        file=SimpleUploadedFile("invitation.pdf", b"%PDF-1.7\n" + b"0" * 100),
    )
    page = login(viewer).get(f"/activities/{record.pk}/").content.decode()
    assert "invitation.pdf" in page and f"/attachments/{Attachment.objects.get().pk}/" in page


def test_a_record_in_use_is_not_deleted_and_the_page_says_why(login, administrator, agency):
    membership = factories.MembershipFactory(agency=agency)
    client = login(administrator)
    url = f"/partners/bodies/{membership.body.pk}/delete/"
    response = client.post(url, {"reason": "重複", "version": membership.body.version}, follow=True)
    assert response.status_code == 200
    assert PartnerBody.objects.filter(pk=membership.body.pk).exists()
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_a_stale_delete_is_refused(login, administrator, agency):
    record = visit(agency)
    stale = record.version
    Activity.objects.filter(pk=record.pk).update(version=stale + 1)
    client = login(administrator)
    client.post(f"/activities/{record.pk}/delete/", {"reason": "重複", "version": stale})
    assert Activity.objects.filter(pk=record.pk).exists()


def test_rows_are_added_and_removed_at_the_version_the_page_showed(login, editor, agency):
    record = visit(agency, state=WorkflowState.DRAFT)
    officer = factories.StaffFactory(agency=agency)
    client = login(editor)
    page = client.get(f"/activities/{record.pk}/")
    assert [section["url"] != "" for section in page.context["children"]] == [True] * 3
    url = f"/activities/{record.pk}/rows/delegation/"
    data = {"delegation-staff": officer.pk, "delegation-is_head": "on"}
    client.post(url, {**data, "delegation-version": record.version})
    member = record.delegation.get()
    assert member.is_head and member.staff == officer
    record.refresh_from_db()
    stale = record.version - 1
    client.post(f"{url}{member.pk}/delete/", {"version": stale})
    assert record.delegation.exists()  # refused: the page was older than the record
    client.post(f"{url}{member.pk}/delete/", {"version": record.version})
    assert not record.delegation.exists()


def test_a_viewer_gets_no_row_forms_and_cannot_post_rows(login, viewer, agency):
    record = visit(agency)
    client = login(viewer)
    page = client.get(f"/activities/{record.pk}/")
    assert all(section["form"] is None for section in page.context["children"])
    url = f"/activities/{record.pk}/rows/events/"
    client.post(url, {"events-title_zh_hant": "第一屆會議", "events-version": record.version})
    assert not record.events.exists()


@pytest.mark.parametrize(("hours", "saved"), [("0", False), ("13", False), ("12", True)])
def test_attendance_hours_are_within_the_course(login, editor, agency, hours, saved):
    course = ActivityFactory(
        agency=agency, kind=ActivityKind.TRAINING, training_hours=12, state=WorkflowState.DRAFT
    )
    officer = factories.StaffFactory(agency=agency)
    client = login(editor)
    page = client.get(f"/activities/{course.pk}/")
    assert "attendance" in [str(s["url"]).split("/")[-2] for s in page.context["children"]]
    data = {"attendance-participant": officer.pk, "attendance-hours": hours}
    response = client.post(
        f"/activities/{course.pk}/rows/attendance/",
        {**data, "attendance-version": course.version},
        follow=True,
    )
    assert course.attendance.exists() is saved
    levels = [m.level_tag for m in response.context["messages"]]
    assert levels == (["success"] if saved else ["error"])


@pytest.mark.parametrize("language", ["zh-hant", "pt", "en"])
def test_the_edit_form_shows_its_dates_to_the_browser_in_every_language(
    login, editor, agency, language
):
    """A browser's date field reads ISO dates only: one in the page's own format showed as
    empty, and saving the form again lost the date."""
    record = visit(agency, start_date=datetime.date(2024, 5, 2))
    client = login(editor)
    page = client.get(f"/activities/{record.pk}/edit/", headers={"accept-language": language})
    assert 'type="date" name="start_date" value="2024-05-02"' in page.content.decode()
