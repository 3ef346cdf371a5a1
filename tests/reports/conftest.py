"""Records for the chapter tests: the sample chapter's gold activities, as approved records."""

import datetime
import json
from pathlib import Path

import pytest

from liaison.activities.choices import ActivityKind, BodyRole, DatePrecision, Mode
from liaison.activities.models import ActivityBody
from liaison.core.choices import RegionGroup
from liaison.partners.models import PartnerBody
from tests.factories import (
    ActivityFactory,
    AttendanceFactory,
    EventFactory,
    PartnerBodyFactory,
    PlaceFactory,
    StaffFactory,
    TopicFactory,
    UnitFactory,
)

GOLD_PATH = (
    Path(__file__).resolve().parents[2]
    / "src/liaison/importer/samples/000_7b80f90a73d56b59.gold.json"
)
GOLD = json.loads(GOLD_PATH.read_text(encoding="utf-8"))

REGIONS = {
    "香港": RegionGroup.HONG_KONG,
    "維也納": RegionGroup.ABROAD,
    "海牙": RegionGroup.ABROAD,
    "阿拉伯聯合酋長國": RegionGroup.ABROAD,
}
ENGLISH_PLACES = {"香港": "Hong Kong", "維也納": "Vienna", "北京": "Beijing"}
#: The role a body named in a sentence of each part plays.
ROLES = {
    ActivityKind.OUTBOUND_VISIT: BodyRole.VISITED,
    ActivityKind.INBOUND_VISIT: BodyRole.VISITOR,
    ActivityKind.MEETING: BodyRole.ORGANIZER,
    ActivityKind.CONVENTION_REVIEW: BodyRole.INVITER,
    ActivityKind.TRAINING: BodyRole.ORGANIZER,
}


def place(name: str):
    return PlaceFactory(
        name_zh_hant=name,
        name_en=ENGLISH_PLACES.get(name, ""),
        region_group=REGIONS.get(name, RegionGroup.MAINLAND),
    )


def distinct_events(titles: list[str]) -> list[str]:
    """The gold lists other spellings of an event too ("《指南》會議", "指南"): keep one."""
    return [t for t in titles if not any(t != other and t in other for other in titles)]


def body_named(agency, name: str):
    found = PartnerBody.objects.filter(agency=agency, name_zh_hant=name).first()
    return found or PartnerBodyFactory(agency=agency, name_zh_hant=name, name_en="")


def gold_activity(agency, entry: dict, **overrides):
    """One approved record equal to a gold activity of the sample chapter."""
    month = entry.get("month")
    fields = {
        "agency": agency,
        "kind": entry["kind"],
        "title_zh_hant": entry["text"][:60],
        "summary_zh_hant": entry["text"],
        "year": GOLD["year"],
        "start_date": datetime.date(GOLD["year"], month, 1) if month else None,
        "date_precision": DatePrecision.MONTH if month else DatePrecision.YEAR,
        "mode": Mode.IN_PERSON if entry["kind"] == ActivityKind.MEETING else "",
        **overrides,
    }
    activity = ActivityFactory(**fields)
    activity.places.set([place(name) for name in entry["places"]])
    for names in entry["organizations"]:
        body = body_named(agency, names[0])
        ActivityBody.objects.get_or_create(activity=activity, body=body, role=ROLES[entry["kind"]])
    for position, title in enumerate(distinct_events(entry["events"])):
        EventFactory(activity=activity, title_zh_hant=title, position=position)
    activity.topics.set([TopicFactory(name_zh_hant=name) for name in entry.get("topics", [])])
    return activity


def make_gold_records(agency):
    """The sample chapter as approved records of `agency`, with attendance on two courses."""
    activities = [gold_activity(agency, entry) for entry in GOLD["activities"]]
    courses = [a for a in activities if a.kind == ActivityKind.TRAINING][:2]
    units = [
        UnitFactory(agency=agency, code="inv", name_zh_hant="調查廳", name_en="Investigation"),
        UnitFactory(agency=agency, code="pub", name_zh_hant="宣傳教育廳"),
    ]
    for index, course in enumerate(courses):
        for unit in units:
            AttendanceFactory(
                course=course,
                participant=StaffFactory(agency=agency, unit=unit),
                hours=12 + index,
            )
    return activities


@pytest.fixture
def gold_agency(agency):
    """The agency with the sample chapter's activities as approved records."""
    make_gold_records(agency)
    return agency
