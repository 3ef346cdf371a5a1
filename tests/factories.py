"""factory-boy factories for every record family, shared by all test modules."""

import datetime
import functools

import factory
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from liaison.accounts.models import Agency, User
from liaison.activities.choices import ActivityKind, DatePrecision
from liaison.activities.models import Activity, Event, Topic
from liaison.cooperation.models import CaseAssistanceRequest
from liaison.core.choices import Classification, RegionGroup, WorkflowState
from liaison.partners.models import Membership, Obligation, PartnerBody, Place
from liaison.people.models import Staff, Unit
from liaison.reports.choices import PassageRole
from liaison.reports.models import Passage
from liaison.training.models import Attendance


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"agency{n}")
    name_zh_hant = factory.Sequence(lambda n: f"廉政公署{n}")
    name_pt = factory.Sequence(lambda n: f"Comissariado {n}")
    name_en = factory.Sequence(lambda n: f"Commission {n}")


@functools.cache
def hashed_once(password: str) -> str:
    """A password's hash, computed once per password: Argon2 costs most of a second on a
    busy machine, and the suite makes thousands of users (the salt's reuse harms no test)."""
    return make_password(password)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    agency = factory.SubFactory(AgencyFactory)
    password = factory.django.Password("correct horse battery staple", transform=hashed_once)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ():
            group, _ = Group.objects.get_or_create(name=role)
            self.groups.add(group)


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place
        django_get_or_create = ("name_zh_hant", "kind")

    name_zh_hant = factory.Sequence(lambda n: f"城市{n}")
    name_en = factory.Sequence(lambda n: f"City {n}")
    kind = Place.Kind.CITY
    region_group = RegionGroup.ABROAD


class RecordFactory(factory.django.DjangoModelFactory):
    """Records are approved by default, as most readers see them."""

    class Meta:
        abstract = True

    agency = factory.SubFactory(AgencyFactory)
    classification = Classification.INTERNAL
    state = WorkflowState.APPROVED
    approved_at = factory.LazyFunction(lambda: datetime.datetime(2024, 12, 31, tzinfo=datetime.UTC))


class PartnerBodyFactory(RecordFactory):
    class Meta:
        model = PartnerBody

    name_zh_hant = factory.Sequence(lambda n: f"監察委員會{n}")
    name_en = factory.Sequence(lambda n: f"Supervisory Commission {n}")
    kind = PartnerBody.Kind.SUPERVISORY
    region_group = RegionGroup.MAINLAND


class MembershipFactory(RecordFactory):
    class Meta:
        model = Membership

    body = factory.SubFactory(PartnerBodyFactory, agency=factory.SelfAttribute("..agency"))


class ObligationFactory(RecordFactory):
    class Meta:
        model = Obligation

    membership = factory.SubFactory(MembershipFactory, agency=factory.SelfAttribute("..agency"))
    kind = Obligation.Kind.QUESTIONNAIRE
    title_zh_hant = "問卷"
    due_date = datetime.date(2025, 3, 1)


class UnitFactory(RecordFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"unit{n}")
    name_zh_hant = factory.Sequence(lambda n: f"調查廳{n}")


class StaffFactory(RecordFactory):
    class Meta:
        model = Staff

    name_zh_hant = factory.Sequence(lambda n: f"陳大文{n}")
    staff_number = factory.Sequence(lambda n: f"S{n:05d}")
    unit = factory.SubFactory(UnitFactory, agency=factory.SelfAttribute("..agency"))


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("name_zh_hant",)

    name_zh_hant = factory.Sequence(lambda n: f"主題{n}")


class ActivityFactory(RecordFactory):
    class Meta:
        model = Activity

    kind = ActivityKind.OUTBOUND_VISIT
    title_zh_hant = factory.Sequence(lambda n: f"赴香港出席會議{n}")
    year = 2024
    start_date = datetime.date(2024, 6, 1)
    date_precision = DatePrecision.MONTH


class PassageFactory(RecordFactory):
    """A context sentence of the chapter's own prose."""

    class Meta:
        model = Passage

    year = 2024
    role = PassageRole.CONTEXT
    part = ActivityKind.TRAINING
    text_zh_hant = factory.Sequence(lambda n: f"除上述課程外，亦安排人員參加其他培訓活動{n}。")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    activity = factory.SubFactory(ActivityFactory)
    title_zh_hant = factory.Sequence(lambda n: f"第{n}屆國際會議")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    course = factory.SubFactory(ActivityFactory, kind=ActivityKind.TRAINING)
    participant = factory.SubFactory(StaffFactory, agency=factory.SelfAttribute("..course.agency"))
    hours = 12


class CaseAssistanceRequestFactory(RecordFactory):
    class Meta:
        model = CaseAssistanceRequest

    classification = Classification.CONFIDENTIAL
    direction = CaseAssistanceRequest.Direction.OUTGOING
    reference = factory.Sequence(lambda n: f"CA-2024-{n:03d}")
    counterpart = factory.SubFactory(PartnerBodyFactory, agency=factory.SelfAttribute("..agency"))
    subject = "協查個案"
    received_on = datetime.date(2024, 5, 2)
