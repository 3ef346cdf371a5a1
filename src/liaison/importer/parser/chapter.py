"""Turn a chapter on external exchanges and training into activity records."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace

from .entities import Body, EntityFinder, _name_start, introduced_bodies
from .kinds import kind_from_wording
from .latin import latin_language
from .manner import find_mode, find_training_scope
from .mentions import find_dates
from .passages import ParsedPassage, chapter_passages, section_passages
from .registry import Registry
from .script import looks_simplified, to_traditional
from .structure import (
    ACTIVITY_VERBS,
    activity_start,
    is_lead,
    outline,
    reports_nothing,
    sentences,
)
from .text import is_latin, normalize

YEARS = range(1990, 2101)
_NOT_REPORTED = re.compile(
    r"(?:since|from|founded in|established in|desde|criad[oa] em|自|從|成立於|始於)\s*(?:19|20)\d\d"
    r"|(?:19|20)\d\d\s*(?:[-–—~至到]|to|a)\s*(?:19|20)\d\d",
    re.IGNORECASE,
)
_REPORT_WORDS = re.compile(r"報告|报告|年報|年报|年度|report|relat[óo]rio", re.IGNORECASE)
_YEAR_ZH = re.compile(r"((?:19|20)\d\d)\s*年")
_YEAR_ANY = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_HOME_HINTS = {
    "澳門": re.compile(
        r"來澳|訪澳|抵澳|本澳|在澳|澳門特區|a Macau|em Macau|to Maca[ou]|in Maca[ou]"
    ),
    "香港": re.compile(r"來港|訪港|抵港|本港|在港|香港特區"),
}
_TRAVEL_TO_MACAU = re.compile(r"(?:赴|前往|抵|抵達|到訪)澳門")
_SUBJECT = re.compile(
    r"(?:^|[，。；：\n]|年)([\u4e00-\u9fff]{2,8}?(?:公署|委員會|監委|總署|調查局|局|署))"
)


_SELF = re.compile(r"本[署院會局]")  # the agency speaking of itself without its name


class ChapterError(ValueError):
    """The text cannot be read as a chapter on external exchanges and training."""


@dataclass(frozen=True)
class Provenance:
    """Where an activity came from, for the reviewer to check it against the source."""

    section: str
    block: int
    start: int
    end: int
    source: str
    #: Whether the source gives it as a bullet ("- 赴香港出席…") rather than a paragraph.
    bullet: bool = False


@dataclass
class ParsedActivity:
    kind: str
    text: str
    places: list[str]
    organizations: list[Body]
    events: list[str]
    month: int | None
    topics: list[str]
    provenance: Provenance
    #: "heading" when the part's heading gave the kind, "wording" when the sentence did.
    kind_from: str = "heading"
    #: ISO dates when the sentence gives the day ("5月13日至17日", "3–5 June").
    start_date: str | None = None
    end_date: str | None = None
    #: How it took place and, for a course, whose it was (parser.manner); "": not said.
    mode: str = ""
    training_scope: str = ""

    def to_contract(self) -> dict:
        return {
            "kind": self.kind,
            "kind_from": self.kind_from,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "text": self.text,
            "places": list(self.places),
            "organizations": [body.name for body in self.organizations],
            "events": list(self.events),
            "month": self.month,
            "topics": list(self.topics),
            "mode": self.mode,
            "training_scope": self.training_scope,
            "bodies": [asdict(body) for body in self.organizations],
            "source": asdict(self.provenance),
        }


@dataclass
class ParsedChapter:
    year: int | None
    language: str
    title: str
    introduction: str
    activities: list[ParsedActivity] = field(default_factory=list)
    normalized_text: str = ""
    #: The chapter's own prose around its activities (title, introduction, headings, leads).
    passages: list[ParsedPassage] = field(default_factory=list)

    def to_contract(self) -> dict:
        """The import contract's JSON (docs/import-contract.md), with a few extra keys."""
        return {
            "year": self.year,
            "language": self.language,
            "chapter": self.title,
            "activities": [activity.to_contract() for activity in self.activities],
        }


def parse_chapter(
    text: str, *, year: int | None = None, lang: str = "auto", registry: Registry | None = None
) -> ParsedChapter:
    """Parse a chapter's text (as a PDF extractor gives it) into activities.

    Raises ChapterError when the text is empty, is not such a chapter, or its
    year is out of range or contradicts `year`.
    """
    if year is not None and year not in YEARS:
        raise ChapterError(f"the year {year} is out of range ({YEARS.start}–{YEARS.stop - 1})")
    if not text or not text.strip():
        raise ChapterError("the text is empty")
    language = _language(text, lang)
    normalized = normalize(text)
    folded = to_traditional(normalized) if language == "zh-Hans" else normalized
    if len(folded) != len(normalized):  # offsets would not carry over: report in zh-Hant
        normalized = folded
    shape = outline(folded)
    years = sorted({section.year for section in shape.sections if section.year}, reverse=True)
    if years:  # a page of several years: the year asked for, else the latest
        if year is not None and year not in years:
            span = f"{years[-1]}–{years[0]}" if len(years) > 1 else str(years[0])
            raise ChapterError(f"the page reports on {span}, not {year}")
        detected = year if year is not None else years[0]
        shape.sections = [section for section in shape.sections if section.year == detected]
    else:
        detected = _title_year(text) or _detect_year(folded)
    if (
        year is not None
        and detected is not None
        and detected != year
        and not _mentions(normalized, year)
    ):
        raise ChapterError(f"the chapter reports on {detected}, not {year}")
    registry = registry or Registry.seed()
    latin = language in ("pt", "en")
    author = _detect_latin_author(shape, registry) if latin else _detect_author(shape)
    introduced = {} if latin else introduced_bodies("\n".join(shape.introduction), registry)
    finder = EntityFinder(registry, home=_detect_home(folded), author=author, introduced=introduced)
    activities, passages = [], []
    for section in shape.sections:
        found, left = [], []
        for block in section.blocks:
            block_found, block_left = _block_activities(
                finder, section.heading, section.kind, block, latin
            )
            found += block_found
            left += block_left
        activities += found
        first = found[0].provenance.start if found else None
        passages += section_passages(normalized, section, left, first)
    if detected is not None:
        activities = [_dated(activity, detected) for activity in activities]
    if not activities or not (shape.sections or shape.title):
        raise ChapterError(
            "this is not an annual-report chapter on external exchanges and training"
        )
    title, introduction = shape.title, "\n".join(shape.introduction)
    if folded is not normalized:
        activities = [_as_written(activity, folded, normalized) for activity in activities]
        title = " ".join(_written(part, folded, normalized) for part in title.split(" "))
        introduction = _written(introduction, folded, normalized)
    blocks = {block.start for section in shape.sections for block in section.blocks}
    opening = chapter_passages(folded, normalized, title, shape.introduction, blocks)
    return ParsedChapter(
        year=year if year is not None else detected,
        language=language,
        title=title,
        introduction=introduction,
        activities=activities,
        normalized_text=normalized,
        passages=opening + passages,
    )


def _block_activities(
    finder: EntityFinder, heading: str, kind: str | None, block, latin: bool
) -> tuple[list[ParsedActivity], list[tuple[int, int]]]:
    """The block's activities, and the spans (in the text) of its sentences that report
    none: a lead, a context sentence, a sentence saying nothing took place."""
    found: list[ParsedActivity] = []
    left: list[tuple[int, int]] = []
    for begin, end in sentences(block.text):
        sentence = block.text[begin:end].strip()
        begin += len(block.text[begin:end]) - len(block.text[begin:end].lstrip())
        span = (block.start + begin, block.start + begin + len(sentence))
        if is_lead(sentence) or reports_nothing(sentence):
            left.append(span)
            continue
        # A Latin sentence's opening clauses belong to it ("Em Junho, a convite de…, o CCAC").
        trim = 0 if block.bullet or latin else activity_start(sentence)
        scope = sentence[trim:]
        support = _SUPPORT.search(scope)  # a funder or ministry is no partner of the activity
        entities = finder.extract(
            scope[: support.start()] if support else scope, month_text=sentence
        )
        reports = ACTIVITY_VERBS.search(sentence) and (entities.anchored or entities.month)
        reports = reports or (kind is None and _is_programme_summary(sentence))
        if not (reports or (block.bullet and not found)):
            if block.bullet and found:
                _extend(found[-1], block, end)
            else:
                left.append(span)
            continue
        kind_of = kind or kind_from_wording(sentence)
        found.append(
            ParsedActivity(
                kind=kind_of,
                kind_from="heading" if kind else "wording",
                text=sentence[trim:],
                places=entities.places,
                organizations=entities.bodies,
                events=entities.events,
                month=entities.month,
                topics=entities.topics,
                mode=find_mode(sentence, kind_of),
                training_scope=find_training_scope(sentence, kind_of),
                provenance=Provenance(
                    heading,
                    block.index,
                    block.start + begin + trim,
                    block.start + begin + len(sentence),
                    sentence,
                    block.bullet,
                ),
            )
        )
    return found, left


# "Over the year we ran nine capacity-building activities…", "年內…接待了多個代表團":
# a count of activities the text does not list one by one, still worth a record.
_SUMMARY_PERIOD = re.compile(
    r"over the year|during the year|throughout the year|in total|ao longo do ano|durante o ano"
    r"|no total|年內|全年|本年度|年度內",
    re.IGNORECASE,
)
_SUMMARY_COUNT = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dois|duas"
    r"|três|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|vári[oa]s)\b"
    r"|(?:\d+|[一二兩三四五六七八九十]+|多|數|若干)[個次場項批]",
    re.IGNORECASE,
)
# A funder or ministry behind a programme: "with the support of the UNDP".
_SUPPORT = re.compile(
    r"with the support of|supported by|funded by|com o apoio d|apoiad[oa]s? pel|financiad[oa]s? pel"
    r"|在[^，。；]{0,30}(?:支持|資助)下|獲[^，。；]{0,30}資助",
    re.IGNORECASE,
)


def _is_programme_summary(sentence: str) -> bool:
    """A count of activities in a part without a heading (under one, the part's own list
    already gives them one by one)."""
    return bool(_SUMMARY_PERIOD.search(sentence) and _SUMMARY_COUNT.search(sentence))


def _extend(activity: ParsedActivity, block, end: int) -> None:
    """Add a bullet's follow-up sentence ("會上，…") to the activity it describes."""
    p = activity.provenance
    extra = block.text[p.end - block.start : end]
    activity.text += extra
    activity.provenance = Provenance(
        p.section, p.block, p.start, block.start + end, p.source + extra, p.bullet
    )


def _written(value: str, folded: str, source: str) -> str:
    """A piece of the folded text as the source writes it (same offsets, other script)."""
    at = folded.find(value)
    return source[at : at + len(value)] if at >= 0 else value


def _as_written(activity: ParsedActivity, folded: str, source: str) -> ParsedActivity:
    """The activity in the source's script (zh-Hans): text, places and events as written.

    The parser reads a folded zh-Hant copy of the same length, so offsets carry over;
    bodies keep their canonical zh-Hant names.
    """
    p = activity.provenance
    text = source[p.start : p.end]

    def written(value: str) -> str:
        return _written(value, activity.text, text)

    return replace(
        activity,
        text=text,
        places=[written(place) for place in activity.places],
        events=[written(event) for event in activity.events],
        topics=[written(topic) for topic in activity.topics],
        provenance=replace(
            p,
            section=_written(p.section, folded, source),
            source=source[p.end - len(p.source) : p.end],
        ),
    )


def _language(text: str, lang: str) -> str:
    if lang in ("zh-Hant", "zh-Hans", "pt", "en"):
        return lang
    if lang == "zh" or (lang == "auto" and not is_latin(text)):
        return "zh-Hans" if looks_simplified(text) else "zh-Hant"
    return latin_language(text)


def _detect_year(text: str) -> int | None:
    """The year the text mentions most ("2024年" first), not counting the years of a
    history ("since 1994", "成立於1975年") or of a plan's span ("2014-2024"); the latest
    of those mentioned as often."""
    text = _NOT_REPORTED.sub(" ", text)
    years = Counter(int(y) for y in _YEAR_ZH.findall(text)) or Counter(
        int(y) for y in _YEAR_ANY.findall(text)
    )
    years = Counter({y: n for y, n in years.items() if y in YEARS})
    return max(years, key=lambda y: (years[y], y)) if years else None


def _title_year(text: str) -> int | None:
    """The year of the report's title or running header ("2024年工作報告", "Annual Report
    2023"), among the first lines, as the source writes them."""
    for line in [line.strip() for line in text.split("\n") if line.strip()][:4]:
        squeezed = line.replace(" ", "")
        if len(squeezed) <= 40 and not re.search(r"[。，,；;]", squeezed):
            match = _YEAR_ANY.search(squeezed)
            if match and int(match.group(1)) in YEARS and _REPORT_WORDS.search(line):
                return int(match.group(1))
    return None


def _dated(activity: ParsedActivity, year: int) -> ParsedActivity:
    """The activity's dates, where its sentence gives the day, in the report's year."""
    dates = find_dates(activity.provenance.source, year)
    if dates is None:
        return activity
    start, end = dates
    return replace(
        activity,
        start_date=start.isoformat(),
        end_date=end.isoformat() if end else None,
        month=activity.month or start.month,
    )


def _mentions(text: str, year: int) -> bool:
    return bool(re.search(rf"(?<!\d){year}(?!\d)", text))


def _detect_home(text: str) -> str | None:
    """Where the chapter is written from: hinted by "來澳", "訪港"…; Macau by default
    unless the chapter travels there ("赴澳門", a mainland body's chapter)."""
    hits = {place: len(pattern.findall(text)) for place, pattern in _HOME_HINTS.items()}
    best = max(hits, key=hits.get)
    if hits[best]:
        return best
    return None if _TRAVEL_TO_MACAU.search(text) else "澳門"


def _detect_latin_author(shape, registry: Registry) -> str | None:
    """A Portuguese or English chapter's own agency: the known body it names most often,
    as the subject of sentence after sentence ("o CCAC enviou…"), so at least thrice."""
    text = "\n".join([*shape.introduction, *(b.text for s in shape.sections for b in s.blocks)])
    names = Counter(found.name for found in registry.find_bodies(text))
    name, count = names.most_common(1)[0] if names else (None, 0)
    return name if count >= 3 else None


def _detect_author(shape) -> str | None:
    """How the chapter names its own agency: the body most often the subject of a clause,
    at its start; else, unless the agency only says 本署, 本院 or 本會 of itself, the body a
    clause names most often (a partner may open one row: "接待香港廉政公署代表團")."""
    text = "\n".join([*shape.introduction, *(b.text for s in shape.sections for b in s.blocks)])
    subjects, named = Counter(), Counter()
    for match in _SUBJECT.finditer(text):
        start = _name_start(text, match.end(1))
        named[text[start : match.end(1)]] += 1
        if start == match.start(1):
            subjects[text[start : match.end(1)]] += 1
    if not subjects and _SELF.search(text):
        return None
    names = subjects or named
    return names.most_common(1)[0][0] if names else None
