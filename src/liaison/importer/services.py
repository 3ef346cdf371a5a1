"""Saving a parsed chapter: activities become drafts, linked to known or new bodies and places,
and the prose around them (title, introduction, headings, leads, context) draft passages.

The parser is a pure function (text in, activities out); this module is the only place an
import writes, through the core services, in one transaction. Importing the same chapter
twice creates nothing new: each activity carries a key made of its year, kind and text.

An import sees what its user sees: bodies and activities through `visible_to`, so a record
hidden from the user is never matched, linked, counted or named (places and topics are
shared reference data, every user's). Where a hidden record holds a name or key that must be
unique, the import behaves as if that record did not exist: see `_Keys` and `_Linker.body`.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from django.db import transaction

from liaison.activities.choices import ActivityKind, BodyRole, DatePrecision
from liaison.activities.models import Activity, ActivityBody, Event, Topic
from liaison.audit.models import AuditEvent
from liaison.audit.services import log_event
from liaison.core import services
from liaison.core.text import fold, to_traditional
from liaison.importer.parser import BodyEntry, ParsedChapter, PlaceEntry, Registry
from liaison.partners.models import PartnerBody, Place
from liaison.reports.models import Passage

#: The part a body most likely played, by the kind of activity that names it.
DEFAULT_ROLE = {
    ActivityKind.OUTBOUND_VISIT: BodyRole.HOST,
    ActivityKind.INBOUND_VISIT: BodyRole.VISITOR,
    ActivityKind.MEETING: BodyRole.ORGANIZER,
    ActivityKind.CONVENTION_REVIEW: BodyRole.INVITER,
    ActivityKind.TRAINING: BodyRole.ORGANIZER,
}
TITLE_LENGTH = 80
LATIN_COLUMNS = {"pt": "pt", "en": "en"}


@dataclass
class ImportSummary:
    """What an import did, for the command's and the page's report."""

    created: list[Activity] = field(default_factory=list)
    skipped: int = 0
    bodies_matched: int = 0
    bodies_created: list[str] = field(default_factory=list)
    places_created: list[str] = field(default_factory=list)
    passages_created: int = 0

    def as_dict(self) -> dict:
        return {
            "activities_created": len(self.created),
            "activities_skipped": self.skipped,
            "passages_created": self.passages_created,
            "bodies_matched": self.bodies_matched,
            "bodies_created": self.bodies_created,
            "places_created": self.places_created,
        }


def registry_for(user) -> Registry:
    """The parser's registry grown from the records: the bodies the user sees, every place."""
    bodies = [
        BodyEntry(
            body.name_zh_hant,
            tuple(name for name in (body.name_pt, body.name_en, *body.aliases) if name),
            (body.acronym,) if body.acronym else (),
            body.region_group or None,
        )
        for body in _bodies_seen_by(user)
    ]
    places = [
        PlaceEntry(
            place.name_zh_hant,
            tuple(name for name in (place.name_pt, place.name_en, *place.aliases) if name),
            place.region_group,
            place.kind,
        )
        for place in Place.objects.all()
    ]
    return Registry.from_entries(bodies, places)


def _bodies_seen_by(user):
    """The user's agency's bodies that the user may see (a superuser's too: their agency's)."""
    return PartnerBody.objects.visible_to(user).filter(agency=user.agency_id)


#: What a visiting delegation's name ends with.
DELEGATIONS = ("代表團", "考察團", "訪問團")


@cache
def _seed_names(filename: str, key: str) -> dict[str, dict]:
    """The seed data's pt/en names and kinds, to fill in new places and bodies."""
    data = resources.files("liaison.importer.parser").joinpath("data", filename)
    return {item["name"]: item for item in json.loads(data.read_text(encoding="utf-8"))[key]}


@cache
def _gazetteer_names() -> dict[str, str]:
    """Every folded name and alias of the seed gazetteer -> the place's zh-Hant name (read
    once, not for each new body)."""
    return {
        fold(written): place
        for place, item in _seed_names("gazetteer.json", "places").items()
        for written in (place, *item.get("aliases", []))
    }


def import_key(year: int, kind: str, text: str) -> str:
    return hashlib.sha256(f"{year}|{kind}|{fold(text)}".encode()).hexdigest()


class _Keys:
    """Which activities the user has already imported, and a free key for a new one.

    The key is unique per agency, and an activity the user may not see can hold it. That
    activity is not matched, and the user learns nothing of it (it is neither skipped nor
    counted): the new draft takes the next free key of a chain derived from the first
    (key, sha256(key|1), sha256(key|2)…), where a later import by anyone who sees the draft
    finds it. Only whether a key is taken is read past the chokepoint, never shown.
    """

    def __init__(self, user, first_keys: list[str]):
        self.agency_id = user.agency_id
        seen = Activity.objects.visible_to(user).filter(agency=self.agency_id)
        self.seen = set(seen.exclude(import_key="").values_list("import_key", flat=True))
        self.taken = set(
            Activity.objects.filter(agency=self.agency_id, import_key__in=first_keys).values_list(
                "import_key", flat=True
            )
        )

    def claim(self, first_key: str) -> str | None:
        """A free key for a new draft, or None when the user sees this activity already."""
        key, step = first_key, 0
        while True:
            if key in self.seen:
                return None
            if key not in self.taken and (step == 0 or not self._taken_in_database(key)):
                self.seen.add(key)
                return key
            step += 1
            key = hashlib.sha256(f"{first_key}|{step}".encode()).hexdigest()

    def _taken_in_database(self, key: str) -> bool:
        return Activity.objects.filter(agency=self.agency_id, import_key=key).exists()


class _Linker:
    """Finds or creates the places, bodies and topics an import names, once per import."""

    def __init__(self, user, summary: ImportSummary, language: str):
        self.user, self.summary = user, summary
        #: The column a Portuguese or English chapter's own wording goes to, besides zh-Hant.
        self.written = LATIN_COLUMNS.get(language)
        self.bodies: dict[str, PartnerBody] = {}
        for body in _bodies_seen_by(user):
            for name in body.all_names:
                self.bodies.setdefault(fold(name), body)
        self.places: dict[str, Place] = {}
        for place in Place.objects.all():
            for name in (place.name_zh_hant, place.name_pt, place.name_en, *place.aliases):
                if name:
                    self.places.setdefault(fold(name), place)

    def place(self, name: str) -> Place:
        known = self.places.get(fold(name))
        if known:
            return known
        seed = _seed_names("gazetteer.json", "places").get(name, {})
        kind = seed.get("kind", "city")
        place = services.create_reference(
            Place,
            user=self.user,
            data={
                **self.names("name", name, seed),
                "kind": kind if kind in Place.Kind.values else Place.Kind.REGION,
                "region_group": seed.get("region", "abroad"),
                "aliases": seed.get("aliases", []),
            },
        )
        self.places[fold(name)] = place
        self.summary.places_created.append(name)
        return place

    def body(self, name: str, acronym: str = "") -> PartnerBody | None:
        """The body the user knows by this name, else a new one; None when a body hidden
        from the user holds the name (it is unique per agency): the draft is then linked to
        no body, and nothing is counted, as if the sentence had named none. The name stays
        in the draft's source text for a cleared officer to link."""
        known = self.bodies.get(fold(name)) or (acronym and self.bodies.get(fold(acronym)))
        if known:
            self.summary.bodies_matched += 1
            return known
        if PartnerBody.objects.filter(agency=self.user.agency_id, name_zh_hant=name).exists():
            return None
        seed = _seed_names("bodies.json", "bodies").get(name, {})
        acronyms = seed.get("acronyms") or ([acronym] if acronym else [])
        data = {
            **self.names("name", name, seed),
            "acronym": acronyms[0] if acronyms else "",
            "aliases": seed.get("aliases", []),
            "region_group": seed.get("region", ""),
        }
        if not seed:  # a body the seed data does not know: its seat and kind from its name
            if seat := self.seat(name):
                data.update(place=seat, region_group=seat.region_group)
            if name.endswith(DELEGATIONS):  # a visitor from its seat, not a partner
                data["kind"] = PartnerBody.Kind.DELEGATION
        body = services.create_record(PartnerBody, user=self.user, data=data, reason="import")
        for written in body.all_names:
            self.bodies.setdefault(fold(written), body)
        self.summary.bodies_created.append(name)
        return body

    def seat(self, name: str) -> Place | None:
        """Where a body named in Chinese sits, from the place its name begins with
        ("廣東省監察委員會": Guangdong; "印尼檢察官代表團": Indonesia), as Chinese names do."""
        known = dict(_gazetteer_names())
        for written, place in self.places.items():
            known.setdefault(written, place.name_zh_hant)
        folded, words = fold(name), re.findall(r"\w+", name)
        leading_words = {fold(" ".join(words[:n])) for n in range(1, len(words))}
        starts = [
            written
            for written in known
            if written != folded
            # Chinese names run on without spaces; Latin ones begin with whole words
            and (written in leading_words if written.isascii() else folded.startswith(written))
        ]
        return self.place(known[max(starts, key=len)]) if starts else None

    def topic(self, name: str) -> Topic:
        known = Topic.objects.filter(name_zh_hant=name).first()
        data = self.names("name", name)
        return known or services.create_reference(Topic, user=self.user, data=data)

    def names(self, field: str, written: str, seed: dict | None = None) -> dict[str, str]:
        """The trilingual columns for a name read from the chapter.

        zh-Hant is required: a Portuguese or English chapter's wording stands in for it in
        the draft (and is kept in its own language's column) until the reviewer translates.
        """
        seed = seed or {}
        names = {
            f"{field}_zh_hant": written,
            f"{field}_pt": seed.get("pt", ""),
            f"{field}_en": seed.get("en", ""),
        }
        if self.written and written not in seed.values():
            names[f"{field}_{self.written}"] = written
        return names


def _title(item: dict) -> str:
    """The first event's title, else the sentence's first clause (its main statement)."""
    if item["events"]:
        return item["events"][0][:TITLE_LENGTH]
    text = item["text"].rstrip("。；;.")
    clause = re.split(r"，|, ", text, maxsplit=1)[0]
    text = clause if len(clause) >= 6 else text
    return text if len(text) <= TITLE_LENGTH else text[: TITLE_LENGTH - 1] + "…"


def _activity_data(item: dict, year: int, key: str, source_name: str, linker: _Linker) -> dict:
    month = item.get("month")
    start, end = item.get("start_date"), item.get("end_date")
    if start:  # the sentence gives the days
        dates = {
            "start_date": datetime.date.fromisoformat(start),
            "end_date": datetime.date.fromisoformat(end) if end else None,
            "date_precision": DatePrecision.DAY,
        }
    else:
        dates = {
            "start_date": datetime.date(year, month, 1) if month else None,
            "date_precision": DatePrecision.MONTH if month else DatePrecision.YEAR,
        }
    summary = {"summary_zh_hant": item["text"]}
    if linker.written:
        summary = {f"summary_{linker.written}": item["text"]}
    return {
        "kind": item["kind"],
        **linker.names("title", _title(item)),
        **summary,
        "year": year,
        **dates,
        "mode": item.get("mode") or "",
        "training_scope": item.get("training_scope") or "",
        "source_text": item["text"],
        "source_ref": {"file": source_name, "year": year, **item.get("source", {})},
        "import_key": key,
    }


@transaction.atomic
def save_chapter(
    parsed: ParsedChapter,
    *,
    user,
    source_name: str,
    progress: Callable[[int, int], None] | None = None,
) -> ImportSummary:
    """Save every parsed activity as a draft; all or nothing."""
    summary = ImportSummary()
    linker = _Linker(user, summary, parsed.language)
    items = [_in_traditional(item, parsed.language) for item in parsed.to_contract()["activities"]]
    first_keys = [import_key(parsed.year, item["kind"], item["text"]) for item in items]
    keys = _Keys(user, first_keys)
    for number, (item, first_key) in enumerate(zip(items, first_keys, strict=True), start=1):
        key = keys.claim(first_key)
        if key is None:
            summary.skipped += 1
        else:
            summary.created.append(_save_activity(item, parsed.year, key, source_name, linker))
        if progress:
            progress(number, len(items))
    summary.passages_created = _save_passages(parsed, user=user, source_name=source_name)
    log_event(AuditEvent.Kind.IMPORT, user=user, source=source_name, **summary.as_dict())
    return summary


def _in_traditional(item: dict, language: str) -> dict:
    """A Simplified chapter is read as written; the records keep zh-Hant, their reference."""
    if language != "zh-Hans":
        return item
    convert = to_traditional
    return {
        **item,
        "text": convert(item["text"]),
        "places": [convert(name) for name in item.get("places", [])],
        "events": [convert(title) for title in item.get("events", [])],
        "topics": [convert(topic) for topic in item.get("topics") or []],
        "bodies": [{**body, "name": convert(body["name"])} for body in item.get("bodies", [])],
    }


def _save_activity(item: dict, year: int, key: str, source_name: str, linker: _Linker):
    activity = services.create_record(
        Activity,
        user=linker.user,
        data=_activity_data(item, year, key, source_name, linker),
        many={
            "places": [linker.place(name) for name in item.get("places", [])],
            "topics": [linker.topic(name) for name in item.get("topics") or []],
        },
        reason="import",
    )
    role = DEFAULT_ROLE[ActivityKind(item["kind"])]
    for named in item.get("bodies", []):
        body = linker.body(named["name"], named.get("acronym") or "")
        if body is not None:
            ActivityBody.objects.get_or_create(activity=activity, body=body, role=role)
    for position, title in enumerate(dict.fromkeys(item.get("events", []))):
        Event.objects.create(activity=activity, position=position, **linker.names("title", title))
    return activity


def _save_passages(parsed: ParsedChapter, *, user, source_name: str) -> int:
    """The chapter's own prose as draft passages of its year, each once: a passage the user
    already sees with the same key (its year, role, part, text and how many times the same
    came before it) is not made again."""
    column = f"text_{LATIN_COLUMNS.get(parsed.language, 'zh_hant')}"
    seen = set(
        Passage.objects.visible_to(user)
        .filter(agency=user.agency_id, year=parsed.year)
        .exclude(import_key="")
        .values_list("import_key", flat=True)
    )
    occurrences: dict[tuple, int] = {}
    created = 0
    for passage in parsed.passages:
        text = to_traditional(passage.text) if parsed.language == "zh-Hans" else passage.text
        same = (passage.role, passage.part, fold(text))
        occurrences[same] = occurrences.get(same, 0) + 1
        key = hashlib.sha256(
            f"{parsed.year}|{'|'.join(same)}|{occurrences[same]}".encode()
        ).hexdigest()
        if key in seen:
            continue
        data = {
            "year": parsed.year,
            "role": passage.role,
            "part": passage.part,
            "position": passage.start,
            "source_name": source_name[:255],
            column: text,
            "import_key": key,
        }
        services.create_record(Passage, user=user, data=data, reason="import")
        created += 1
    return created
