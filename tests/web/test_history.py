"""History that reads like a sentence: labels and choices translated, names not ids, the
reason for a classification change, child rows, and nothing the reader may not see."""

import datetime

import pytest
from auditlog.context import set_actor
from django.template.loader import render_to_string
from django.utils import translation

from liaison.activities.choices import ActivityKind, BodyRole, Mode
from liaison.activities.models import Activity, ActivityBody
from liaison.core import services
from liaison.core.choices import Classification
from liaison.core.history import history_for
from tests.factories import EventFactory, PartnerBodyFactory, PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(editor):
    with set_actor(editor):
        return services.create_record(
            Activity,
            user=editor,
            data={
                "kind": ActivityKind.OUTBOUND_VISIT,
                "title_zh_hant": "赴北京考察",
                "year": 2024,
                "start_date": datetime.date(2024, 3, 1),
            },
        )


def test_a_change_reads_as_a_sentence_in_chinese(visit, editor, agency):
    place = PlaceFactory(name_zh_hant="北京")
    with set_actor(editor):
        services.update_record(
            visit,
            user=editor,
            version=visit.version,
            data={"mode": "online", "classification": Classification.RESTRICTED},
            many={"places": [place]},
            reason="涉及敏感議題",
        )
    with translation.override("zh-hant"):
        entries = history_for(visit, editor)
        html = render_to_string("core/history.html", {"history": entries})
        mode = str(Activity._meta.get_field("mode").verbose_name)
        level = str(Activity._meta.get_field("classification").verbose_name)
        online = str(Mode.ONLINE.label)
    changed = entries[1] if entries[0].changes[0].added else entries[0]
    labels = {change.label: change for change in changed.changes}
    assert labels[mode].old == "" and labels[mode].new == online != "online"
    assert (labels[level].old, labels[level].new) == ("內部", "限閱")
    assert changed.reason == "涉及敏感議題"
    assert "editor 修改了此紀錄。" in html
    assert f"{level}由「內部」改為「限閱」" in html
    assert "原因：涉及敏感議題" in html
    assert "加入 北京" in html
    assert "editor 建立了此紀錄。" in html


def test_child_rows_are_named_and_dated_in_macau_time(visit, editor, agency):
    body = PartnerBodyFactory(agency=agency, name_zh_hant="國家監察委員會")
    with set_actor(editor):
        ActivityBody.objects.create(activity=visit, body=body, role=BodyRole.HOST)
        EventFactory(activity=visit, title_zh_hant="國際研討會")
    with translation.override("en"):
        entries = history_for(visit, editor)
        html = render_to_string("core/history.html", {"history": entries})
    subjects = [entry.subject for entry in entries if entry.subject]
    assert any(subject.startswith("event") for subject in subjects)
    role_entry = next(entry for entry in entries if entry.subject.startswith("body"))
    values = {change.label: change.new for change in role_entry.changes}
    assert values["body"] == body.name_en  # the name in English, not the id
    assert values["role"] == "Host"
    stamp = entries[0].at.astimezone(datetime.timezone(datetime.timedelta(hours=8)))
    assert f"{stamp:%H:%M}".lstrip("0") in html or stamp.strftime("%-I:%M") in html


def test_hidden_links_and_invisible_records_show_nothing(visit, editor, viewer, agency):
    secret = PartnerBodyFactory(agency=agency, classification=Classification.CONFIDENTIAL)
    with set_actor(editor):
        ActivityBody.objects.create(activity=visit, body=secret, role=BodyRole.HOST)
    assert all(secret.name_zh_hant not in entry.subject for entry in history_for(visit, editor))
    assert history_for(visit, viewer) == []  # a draft: viewers do not see it


def test_deleted_child_stays_in_the_history(visit, editor):
    with set_actor(editor):
        event = EventFactory(activity=visit, title_zh_hant="已取消的會議")
        event.delete()
    with translation.override("zh-hant"):
        entries = history_for(visit, editor)
    assert [entry.action for entry in entries if "已取消的會議" in entry.subject] == [
        "deleted",
        "created",
    ]
