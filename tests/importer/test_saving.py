"""Saving a parsed chapter: drafts, matching of known bodies, idempotence, all-or-nothing."""

from importlib import resources
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from liaison.activities.models import Activity, ActivityBody, Event
from liaison.audit.models import AuditEvent
from liaison.core.choices import WorkflowState
from liaison.importer import services as importer
from liaison.importer.parser import parse_chapter
from liaison.partners.models import PartnerBody, Place
from tests.factories import PartnerBodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def sample_text():
    return (
        resources.files("liaison.importer")
        .joinpath("samples", "000_7b80f90a73d56b59.txt")
        .read_text(encoding="utf-8")
    )


def save(text, user):
    parsed = parse_chapter(text, year=2024, registry=importer.registry_for(user))
    return importer.save_chapter(parsed, user=user, source_name="sample.txt")


def test_activities_become_drafts_with_provenance(sample_text, editor):
    summary = save(sample_text, editor)
    assert len(summary.created) >= 19
    activity = Activity.objects.get(summary_zh_hant__contains="遼寧瀋陽拜訪")
    assert activity.state == WorkflowState.DRAFT and activity.created_by == editor
    assert activity.source_text and activity.source_ref["file"] == "sample.txt"
    assert "start" in activity.source_ref and activity.source_ref["section"]
    assert [place.name_en for place in activity.places.all()] == ["Shenyang"]
    assert activity.bodies.get().name_zh_hant == "瀋陽市監察委員會"


def test_month_and_events_are_kept(sample_text, editor):
    save(sample_text, editor)
    review = Activity.objects.get(kind="convention_review")
    assert review.month == 6 and review.date_precision == "month"
    assert review.events.count() == 3
    assert Event.objects.filter(title_zh_hant="國際合作工作組第13屆會議").exists()


def test_known_bodies_are_matched_by_any_name(sample_text, editor):
    known = PartnerBodyFactory(
        agency=editor.agency, name_zh_hant="全球反腐敗執法合作網絡", acronym="GlobE Network"
    )
    summary = save(sample_text, editor)
    assert summary.bodies_matched >= 2
    assert PartnerBody.objects.filter(name_zh_hant=known.name_zh_hant).count() == 1
    assert ActivityBody.objects.filter(body=known).count() == 2


def test_simplified_names_match_traditional_records(editor):
    PartnerBodyFactory(agency=editor.agency, name_zh_hant="國家監察委員會")
    text = (
        "对外交流与培训\n三、参与国际及区域会议\n"
        "- 赴北京出席由国家监察委员会主办的“第9届指导委员会会议”。\n"
    )
    summary = save(text, editor)
    assert summary.bodies_created == []
    activity = Activity.objects.get()
    assert activity.bodies.get().name_zh_hant == "國家監察委員會"
    assert activity.summary_zh_hant.startswith("赴北京出席由國家監察委員會主辦")
    assert activity.events.get().title_zh_hant == "第9屆指導委員會會議"
    assert activity.places.get().name_zh_hant == "北京"


def test_importing_twice_creates_nothing_new(sample_text, editor):
    first = save(sample_text, editor)
    counts = (Activity.objects.count(), PartnerBody.objects.count(), Place.objects.count())
    second = save(sample_text, editor)
    assert second.created == [] and second.skipped == len(first.created)
    assert counts == (Activity.objects.count(), PartnerBody.objects.count(), Place.objects.count())
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.IMPORT).count() == 2


def test_a_failure_midway_rolls_back_everything(sample_text, editor, monkeypatch):
    original = importer._save_activity
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 5:
            raise ValidationError("boom")
        return original(*args, **kwargs)

    monkeypatch.setattr(importer, "_save_activity", failing)
    with pytest.raises(ValidationError):
        save(sample_text, editor)
    assert not Activity.objects.exists() and not PartnerBody.objects.exists()
    assert not Place.objects.exists()


def test_viewer_cannot_import(sample_text, viewer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        save(sample_text, viewer)
    assert not Activity.objects.exists()


CHAPTERS = Path(__file__).parent / "chapters"


def test_portuguese_chapter_keeps_its_wording_in_portuguese_columns(editor):
    text = (CHAPTERS / "2024_pt_pdf_extracted.txt").read_text(encoding="utf-8")
    vienna = Place.objects.create(
        name_zh_hant="維也納",
        name_pt="Viena",
        name_en="Vienna",
        kind="city",
        region_group="abroad",
    )
    parsed = parse_chapter(text, year=2024, registry=importer.registry_for(editor))
    assert parsed.language == "pt"
    summary = importer.save_chapter(parsed, user=editor, source_name="capitulo.txt")
    assert len(summary.created) >= 15
    activity = Activity.objects.filter(places=vienna).first()
    assert activity is not None and "維也納" not in summary.places_created
    assert activity.summary_pt and not activity.summary_zh_hant
    assert activity.title_pt and activity.title_zh_hant
    event = Event.objects.exclude(title_pt="").first()
    assert event.title_zh_hant == event.title_pt


def test_the_mode_and_a_courses_scope_are_saved_as_the_sentence_says(sample_text, editor):
    save(sample_text, editor)
    meeting = Activity.objects.get(summary_zh_hant__contains="赴荷蘭海牙出席")
    assert meeting.mode == "in_person"
    own = Activity.objects.get(summary_zh_hant__contains="邀請專業導師")
    sent = Activity.objects.get(summary_zh_hant__contains="赴杭州")
    assert (own.training_scope, sent.training_scope) == ("internal", "external")
    assert not Activity.objects.filter(title_zh_hant__startswith="還積極安排人員").exists()


def test_a_visiting_delegation_is_a_visitor_from_its_origin(sample_text, editor):
    save(sample_text, editor)
    delegation = PartnerBody.objects.get(name_zh_hant="印尼檢察官代表團")
    assert delegation.kind == PartnerBody.Kind.DELEGATION
    assert (delegation.place.name_zh_hant, delegation.region_group) == ("印尼", "abroad")
    commission = PartnerBody.objects.get(name_zh_hant="廣東省監察委員會")
    assert commission.kind != PartnerBody.Kind.DELEGATION
    assert (commission.place.name_zh_hant, commission.region_group) == ("廣東", "mainland")


def test_a_body_s_seat_is_a_whole_place_name_it_begins_with(editor):
    india = Place.objects.create(name_zh_hant="印度", name_en="India", kind="country")
    linker = importer._Linker(editor, importer.ImportSummary(), "en")
    assert linker.seat("India Anti-Corruption Bureau") == india
    assert linker.seat("Indiana University") is None
    assert linker.seat("印度中央調查局") == india
