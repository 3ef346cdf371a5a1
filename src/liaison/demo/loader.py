"""A realistic data set for trying Liaison: the sample chapter as records, and around it staff,
training attendance, memberships with deadlines and two confidential register entries.

Every step looks before it writes, so running the demo twice changes nothing.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from importlib import resources

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from liaison.accounts.models import Agency, User
from liaison.activities.choices import ActivityKind
from liaison.activities.models import Activity
from liaison.cooperation.models import CaseAssistanceRequest
from liaison.core import services
from liaison.core.choices import Classification, Role, WorkflowState
from liaison.demo.translations import translate_sample
from liaison.importer.parser import parse_chapter
from liaison.importer.services import registry_for, save_chapter
from liaison.partners.models import Membership, Obligation, PartnerBody
from liaison.people.models import Staff, Unit
from liaison.reports.models import Passage
from liaison.terminology.models import Term
from liaison.terminology.shipped import load_shipped_terms
from liaison.training.models import Attendance

PASSWORD = "liaison-demo"
SAMPLE = "000_7b80f90a73d56b59.txt"
USERS = [
    ("admin", "系統管理員", [Role.ADMINISTRATOR], True),
    ("editor", "編輯甲", [Role.EDITOR], False),
    ("editor2", "編輯乙", [Role.EDITOR], False),
    ("approver", "審批人", [Role.APPROVER, Role.VIEWER], False),
    ("viewer", "閱覽者", [Role.VIEWER], False),
    ("register", "登記主任", [Role.REGISTER_OFFICER, Role.VIEWER], False),
]
UNITS = [
    ("acb", "反貪局", "Direcção dos Serviços contra a Corrupção", "Anti-Corruption Bureau"),
    ("omb", "行政申訴局", "Direcção dos Serviços de Provedoria de Justiça", "Ombudsman Bureau"),
    ("edu", "社區及教育廳", "Departamento de Comunidade e Educação", "Community and Education"),
    ("it", "資訊科", "Divisão de Informática", "Information Technology Division"),
]
STAFF = {
    "acb": [("陳志明", "Chan Chi Meng"), ("李嘉欣", "Lei Ka Ian"), ("黃俊傑", "Wong Chon Kit")],
    "omb": [("何美玲", "Ho Mei Leng"), ("梁家豪", "Leong Ka Hou")],
    "edu": [("周慧敏", "Chao Wai Man"), ("吳子健", "Ng Chi Kin")],
    "it": [("林國華", "Lam Kuok Wa"), ("鄭詠詩", "Cheang Weng Si")],
}
MEMBERSHIPS = [
    ("國際反貪局聯合會", "IAACA", Obligation.Kind.MEETING, "出席年會及會員大會", 40),
    ("國際申訴專員協會", "IOI", Obligation.Kind.DUES, "繳交年度會費", 14),
    ("全球反腐敗執法合作網絡", "GlobE Network", Obligation.Kind.QUESTIONNAIRE, "填交成員問卷", 75),
    ("亞太反洗錢組織", "APG", Obligation.Kind.REPORT, "提交相互評估跟進報告", 120),
]


class Demo:
    def __init__(self, log=print):
        self.log = log

    @transaction.atomic
    def load(self) -> dict[str, User]:
        agency = self.agency()
        users = self.users(agency)
        self.editor, self.approver = users["editor"], users["approver"]
        units = self.staff(agency)
        load_shipped_terms(Term)
        self.chapter()
        self.attendance(agency, units)
        self.memberships(agency)
        self.register(agency, users["register"])
        return users

    def agency(self) -> Agency:
        agency, _ = Agency.objects.get_or_create(
            code="ccac",
            defaults={
                "name_zh_hant": "廉政公署",
                "name_pt": "Comissariado contra a Corrupção",
                "name_en": "Commission Against Corruption",
                "short_name_zh_hant": "廉署",
            },
        )
        return agency

    def users(self, agency: Agency) -> dict[str, User]:
        users = {}
        for username, name, roles, is_superuser in USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "agency": agency,
                    "first_name": name,
                    "is_staff": True,
                    "is_superuser": is_superuser,
                },
            )
            if created:
                user.set_password(PASSWORD)
                user.save()
            for role in roles:
                user.groups.add(Group.objects.get_or_create(name=role)[0])
            users[username] = user
        return users

    def staff(self, agency: Agency) -> dict[str, Unit]:
        units = {}
        number = 0
        for code, zh, pt, en in UNITS:
            unit = Unit.objects.filter(agency=agency, code=code).first() or self._approved(
                Unit, {"code": code, "name_zh_hant": zh, "name_pt": pt, "name_en": en}
            )
            units[code] = unit
            for name, latin in STAFF[code]:
                number += 1
                if not Staff.objects.filter(agency=agency, staff_number=f"D{number:04d}").exists():
                    self._approved(
                        Staff,
                        {
                            "name_zh_hant": name,
                            "name_latin": latin,
                            "unit": unit,
                            "staff_number": f"D{number:04d}",
                            "post": "調查主任",
                        },
                    )
        return units

    def chapter(self) -> None:
        editor = self.editor
        text = resources.files("liaison.importer").joinpath("samples", SAMPLE).read_text("utf-8")
        parsed = parse_chapter(text, year=2024, registry=registry_for(editor))
        summary = save_chapter(parsed, user=editor, source_name=SAMPLE)
        self.log(f"sample chapter: {len(summary.created)} activities imported")
        translated = translate_sample(editor.agency, editor)
        self.log(f"sample chapter: {translated} records given their Portuguese and English")
        for model in (PartnerBody, Activity, Passage):
            for record in model.objects.filter(agency=editor.agency).exclude(
                state=WorkflowState.APPROVED
            ):
                self._approve(record)

    def attendance(self, agency: Agency, units: dict[str, Unit]) -> None:
        courses = Activity.objects.filter(agency=agency, kind=ActivityKind.TRAINING)
        people = list(Staff.objects.filter(agency=agency).order_by("staff_number"))
        for index, course in enumerate(courses):
            for offset, person in enumerate(people[index % 3 :: 3]):
                Attendance.objects.get_or_create(
                    course=course,
                    participant=person,
                    defaults={"hours": Decimal(6 + 6 * (index % 3)), "completed": offset % 4 != 3},
                )

    def memberships(self, agency: Agency) -> None:
        today = timezone.localdate()
        for name, acronym, kind, title, days in MEMBERSHIPS:
            body = self._body(agency, name, acronym, "abroad")
            membership = Membership.objects.filter(agency=agency, body=body).first()
            if membership is None:
                membership = self._approved(
                    Membership, {"body": body, "since": datetime.date(2015, 1, 1)}
                )
            if not membership.obligations.exists():
                self._approved(
                    Obligation,
                    {
                        "membership": membership,
                        "kind": kind,
                        "title_zh_hant": title,
                        "due_date": today + datetime.timedelta(days=days),
                    },
                )

    def register(self, agency: Agency, officer: User) -> None:
        icac = self._body(agency, "香港廉政公署", "ICAC", "hong_kong")
        entries = [
            (
                "CA-OUT-2024-007",
                CaseAssistanceRequest.Direction.OUTGOING,
                "請求協查涉嫌跨境行賄案的資金往來",
                30,
            ),
            (
                "CA-IN-2024-012",
                CaseAssistanceRequest.Direction.INCOMING,
                "協助約見證人錄取口供",
                10,
            ),
        ]
        today = timezone.localdate()
        for reference, direction, subject, days in entries:
            if CaseAssistanceRequest.objects.filter(agency=agency, reference=reference).exists():
                continue
            services.create_record(
                CaseAssistanceRequest,
                user=officer,
                data={
                    "reference": reference,
                    "direction": direction,
                    "counterpart": icac,
                    "subject": subject,
                    "received_on": today - datetime.timedelta(days=20),
                    "due_date": today + datetime.timedelta(days=days),
                    "classification": Classification.CONFIDENTIAL,
                },
            )

    def _body(self, agency: Agency, name: str, acronym: str, region: str) -> PartnerBody:
        body = PartnerBody.objects.filter(agency=agency, name_zh_hant=name).first()
        return body or self._approved(
            PartnerBody,
            {
                "name_zh_hant": name,
                "acronym": acronym,
                "region_group": region,
                "kind": PartnerBody.Kind.INTERNATIONAL
                if region == "abroad"
                else PartnerBody.Kind.ANTI_CORRUPTION,
            },
        )

    def _approved(self, model, data: dict):
        """Create a record as the demo editor and have the demo approver approve it."""
        record = services.create_record(model, user=self.editor, data=data)
        self._approve(record)
        return record

    def _approve(self, record) -> None:
        if record.state == WorkflowState.DRAFT:
            services.submit(record, user=self.editor, version=record.version)
        services.approve(record, user=self.approver, version=record.version)
