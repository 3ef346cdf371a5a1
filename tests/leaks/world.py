"""The world the leak test reads: an office's public records, then a confidential record of
every family planted beside them (with a file, a linked body, an attended course).

Every planted record carries a marker in each of its texts, in Chinese and in Latin script,
so a reader that shows any of its content is caught by a plain search of what it wrote.
"""

from __future__ import annotations

import datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile

from liaison.activities.choices import ActivityKind, BodyRole
from liaison.activities.models import ActivityBody, DelegationMember
from liaison.agenda.choices import Threshold
from liaison.agenda.services import record_reminders
from liaison.attachments.models import Attachment
from liaison.core.choices import Classification
from liaison.core.models import RecordModel
from liaison.sheets.models import SheetImport, SheetRow
from tests.factories import (
    ActivityFactory,
    AttendanceFactory,
    CaseAssistanceRequestFactory,
    EventFactory,
    MembershipFactory,
    ObligationFactory,
    PartnerBodyFactory,
    PassageFactory,
    PlaceFactory,
    StaffFactory,
    UnitFactory,
    UserFactory,
)

#: What no reader may show to anyone not named on the planted records.
MARKERS = ("機密標記", "LEAKMARK", "LKMK")


def mark(text: str) -> str:
    return f"{text}機密標記LEAKMARK"


def plant_public(agency) -> dict:
    """The office's ordinary records: what every role may see (or, for drafts, writers)."""
    place = PlaceFactory(name_zh_hant="維也納", name_en="Vienna", name_pt="Viena")
    body = PartnerBodyFactory(
        agency=agency,
        name_zh_hant="公開機構",
        name_pt="Órgão Público",
        name_en="Public Body",
        acronym="PUB",
    )
    unit = UnitFactory(
        agency=agency, code="open", name_zh_hant="公開廳", name_pt="Serviço", name_en="Office"
    )
    colleague = StaffFactory(agency=agency, name_zh_hant="李公開", unit=unit)
    visit = ActivityFactory(
        agency=agency,
        kind=ActivityKind.OUTBOUND_VISIT,
        title_zh_hant="公開的外訪",
        title_pt="Visita",
        title_en="Visit",
        year=2024,
    )
    visit.places.set([place])
    ActivityBody.objects.create(activity=visit, body=body, role=BodyRole.HOST)
    DelegationMember.objects.create(activity=visit, staff=colleague)
    EventFactory(activity=visit, title_zh_hant="公開的會議", title_pt="Reunião", title_en="Meeting")
    course = ActivityFactory(
        agency=agency,
        kind=ActivityKind.TRAINING,
        title_zh_hant="公開的課程",
        title_pt="Curso",
        title_en="Course",
        year=2024,
        training_hours=20,
    )
    attended = AttendanceFactory(course=course, participant=colleague, hours=6)
    PassageFactory(agency=agency, role="lead", text_zh_hant="公開的引言。", text_en="A lead.")
    membership = MembershipFactory(agency=agency, body=body)
    ObligationFactory(agency=agency, membership=membership, title_zh_hant="公開的問卷")
    importer = UserFactory(agency=agency, username="importer")
    imported = import_of(importer, "公開.xlsx", body, attended)
    return {"visit": visit, "course": course, "body": body, "unit": unit, "import": imported}


def import_of(user, file: str, *records) -> SheetImport:
    """The provenance a sheet's import left: its records on rows 2, 3…"""
    imported = SheetImport.objects.create(file=file, sheet="2024", imported_by=user)
    for row, record in enumerate(records, start=2):
        add_row(imported, record, row)
    return imported


def add_row(imported: SheetImport, record, row: int) -> None:
    SheetRow.objects.create(
        sheet_import=imported,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        row=row,
    )


def attach(record, user, description: str) -> Attachment:
    return Attachment.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        kind=Attachment.Kind.OTHER,
        file=ContentFile(f"{description}\n".encode(), name="report.txt"),
        original_name="機密標記LEAKMARK.txt",
        description=description,
        created_by=user,
        updated_by=user,
    )


def plant_confidential(agency, public: dict, keeper) -> dict:
    """A confidential record of every family, each naming `keeper` only, linked to the
    public records (a secret body hosts the public visit, a secret officer attends the
    public course)."""
    secret = {"agency": agency, "classification": Classification.CONFIDENTIAL}
    body = PartnerBodyFactory(
        name_zh_hant=mark("機構"),
        name_pt=mark("Órgão"),
        name_en=mark("Body"),
        acronym="LKMK",
        aliases=[mark("別名")],
        **secret,
    )
    unit = UnitFactory(code="secret", name_zh_hant=mark("組"), name_en=mark("Unit"), **secret)
    officer = StaffFactory(
        name_zh_hant=mark("陳"), name_latin=mark("Chan"), unit=unit, staff_number="LKMK1", **secret
    )
    activity = ActivityFactory(
        kind=ActivityKind.MEETING,
        title_zh_hant=mark("會議"),
        title_en=mark("Meeting"),
        summary_zh_hant=mark("摘要"),
        year=2024,
        start_date=datetime.date(2024, 9, 3),
        **secret,
    )
    EventFactory(activity=activity, title_zh_hant=mark("屆會"))
    course = ActivityFactory(
        kind=ActivityKind.TRAINING,
        title_zh_hant=mark("課程"),
        year=2024,
        training_hours=8,
        **secret,
    )
    membership = MembershipFactory(body=body, notes=mark("備註"), **secret)
    obligation = ObligationFactory(
        membership=membership,
        title_zh_hant=mark("問卷"),
        due_date=datetime.date(2025, 1, 5),
        **secret,
    )
    entry = CaseAssistanceRequestFactory(
        agency=agency, reference="LKMK-CA-1", counterpart=body, subject=mark("協查")
    )
    passage = PassageFactory(
        text_zh_hant=mark("段落"), text_pt=mark("Passagem"), text_en=mark("Passage"), **secret
    )
    records = [body, unit, officer, activity, course, membership, obligation, entry, passage]
    for record in records:
        record.cleared_officers.add(keeper)
    ActivityBody.objects.create(activity=public["visit"], body=body, role=BodyRole.ORGANIZER)
    ActivityBody.objects.create(activity=activity, body=public["body"], role=BodyRole.HOST)
    DelegationMember.objects.create(activity=public["visit"], staff=officer)
    attended = AttendanceFactory(course=public["course"], participant=officer, hours=10)
    AttendanceFactory(course=course, participant=officer, hours=8)
    add_row(public["import"], attended, 4)  # the public course's provenance counts it not
    import_of(keeper, mark("出席.xlsx"), body, attended, activity)
    record_reminders(keeper, [(obligation, Threshold.DAYS_30)])
    attachments = [attach(record, keeper, mark("附件")) for record in (activity, entry, body)]
    return {"records": records, "attachments": attachments, "activity": activity}


def record_families() -> set[type]:
    """Every concrete record model: each must be planted, or the leak test fails."""
    return {
        model
        for model in apps.get_models()
        if issubclass(model, RecordModel) and not model._meta.abstract
    }
