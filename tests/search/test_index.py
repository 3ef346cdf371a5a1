"""The index follows every write through the services, in the same transaction, and a
rebuild puts it back from the records."""

import datetime

import pytest
from django.core.management import call_command

from liaison.activities.choices import ActivityKind, DatePrecision
from liaison.activities.models import Activity, Event
from liaison.core import services
from liaison.core.choices import Classification
from liaison.search.models import SearchDocument
from liaison.search.results import search
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

VALID = {
    "kind": ActivityKind.OUTBOUND_VISIT,
    "title_zh_hant": "赴維也納出席締約國大會",
    "year": 2024,
    "start_date": datetime.date(2024, 6, 3),
    "date_precision": DatePrecision.DAY,
}


def names(user, query):
    return [str(hit.record) for group in search(user, query) for hit in group.hits]


def test_create_update_delete_through_the_services(editor, administrator):
    activity = services.create_record(Activity, user=editor, data=VALID)
    assert names(editor, "维也纳") == ["赴維也納出席締約國大會"]

    services.update_record(
        activity, user=editor, version=activity.version, data={"title_zh_hant": "赴日內瓦開會"}
    )
    assert names(editor, "維也納") == []
    assert names(editor, "日内瓦") == ["赴日內瓦開會"]

    services.delete_record(activity, user=administrator)
    assert names(editor, "日內瓦") == []
    assert not SearchDocument.objects.exists()


def test_a_row_of_the_record_is_found_with_it(editor):
    activity = services.create_record(Activity, user=editor, data=VALID)
    event = Event(activity=activity, title_zh_hant="聯合國反腐敗公約締約國大會")
    services.save_child(event, user=editor, parent_version=activity.version)
    assert names(editor, "联合国反腐败公约") == ["赴維也納出席締約國大會"]
    activity.refresh_from_db()
    services.delete_child(event, user=editor, parent_version=activity.version)
    assert names(editor, "联合国") == []


def test_a_write_that_fails_leaves_the_index_as_it_was(editor):
    activity = services.create_record(Activity, user=editor, data=VALID)
    with pytest.raises(services.StaleRecordError):
        services.update_record(activity, user=editor, version=0, data={"title_zh_hant": "改了"})
    assert names(editor, "改了") == []
    assert names(editor, "維也納") == ["赴維也納出席締約國大會"]


def test_approval_and_reclassification_show_and_hide_at_once(editor, approver, viewer):
    activity = services.create_record(Activity, user=editor, data=VALID)
    assert names(viewer, "維也納") == []  # a draft, which viewers do not read
    services.submit(activity, user=editor, version=activity.version)
    services.approve(activity, user=approver, version=activity.version)
    assert names(viewer, "維也納") == ["赴維也納出席締約國大會"]

    services.update_record(
        activity,
        user=editor,
        version=activity.version,
        data={"classification": Classification.CONFIDENTIAL},
        reason="涉及調查",
    )
    assert names(viewer, "維也納") == []
    assert names(approver, "維也納") == []  # not named on it
    assert names(editor, "維也納") == ["赴維也納出席締約國大會"]  # the author is named


def test_rebuild_command_indexes_what_bypassed_the_services(editor, capsys):
    ActivityFactory(agency=editor.agency, title_zh_hant="工廠做的活動")
    assert names(editor, "工廠") == []
    call_command("search-index", "--rebuild")
    assert names(editor, "工厂") == ["工廠做的活動"]
    captured = capsys.readouterr()
    assert "1 records indexed." in captured.out
    assert "[##############################] 1/1" in captured.err


def test_a_renamed_place_or_topic_rewrites_the_activities_linked_to_it(editor):
    from liaison.activities.models import Topic
    from liaison.partners.models import Place

    place = services.create_reference(
        Place,
        user=editor,
        data={"name_zh_hant": "維也納", "kind": Place.Kind.CITY, "region_group": "abroad"},
    )
    topic = services.create_reference(Topic, user=editor, data={"name_zh_hant": "資產追繳"})
    services.create_record(
        Activity,
        user=editor,
        data={**VALID, "title_zh_hant": "出席會議"},
        many={"places": [place], "topics": [topic]},
    )
    assert names(editor, "维也纳") == ["維也納", "出席會議"]

    place.name_zh_hant = "日內瓦"
    services.save_reference(place, user=editor)
    topic.name_zh_hant = "追討犯罪所得"
    services.save_reference(topic, user=editor)
    assert names(editor, "维也纳") == []
    assert names(editor, "日内瓦") == ["日內瓦", "出席會議"]
    assert names(editor, "追讨") == ["出席會議"]
    activity_documents = SearchDocument.objects.filter(content_type__model="activity")
    assert activity_documents.count() == 1  # rewritten in place, not added
