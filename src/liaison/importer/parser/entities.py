"""What one activity sentence names: places, bodies, events, month and topics.

Bodies are found three ways: the registry's names and acronyms, a name
followed by a bracketed acronym, and generic patterns (a name ending in a
body word such as 委員會 or 學院; the organiser in 由…舉辦; a list of
cities before a body word, "珠海、中山及深圳三市的監察委員會").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .latin import (
    delegation_of,
    in_title,
    latin_bodies,
    latin_events,
    latin_topics,
    qualified_end,
)
from .mentions import BOOK_TITLE, find_events, find_month, find_topics, inside, quoted_spans
from .registry import Found, Registry
from .structure import ACTIVITY_VERBS
from .vocabulary import BODY_SUFFIXES, BOUNDARY_WORDS, DATE_BOUNDARY

# Single-character suffixes also end ordinary words (全部, 簽署, 格局) and officers' titles
# (局長, 署長); "政府間" is "intergovernmental", not a government.
_NOT_BODY = re.compile(r"[全內外幹各本總]部|部[分門署長]|[簽部]署|[結格大布當]局|[局署]長|政府間")
_GENERIC_HEADS = re.compile(
    r"^其|^(?:國際|區域|地區|國家|同業|執法|外地|內地|海外|兩地|本|該|多個|性|或|及|和|政府|反貪|廉政|監察|專業|"
    r"指導|籌備|執行|常設|常務|專家|工作|管理|組委|組織|當地)+$|相關|有關|以外|其他|不同|各[類項地國級]"
    r"|^(?:多|數|若干|\d+|[一二兩三四五六七八九十百]+)個"  # "多個來訪代表團", "25個代表團"
    r"|^本[院署會局處]"  # the author speaking of itself: "本署代表團", "本院監察委員"
)
# Names that are whole without a qualifier ("廉政公署"), unlike a bare "委員會".
_STANDALONE = ("廉政公署", "申訴專員公署", "審計署", "檢察院", "司法警察局")
_LOCAL_BODY = "|".join(
    (
        "紀律檢查委員會",
        "監察委員會",
        "紀委監委",
        "紀委",
        "監委",
        "廉政公署",
        "公安局",
        "人民檢察院",
        "檢察院",
        "人民法院",
        "法院",
        "政府",
    )
)
_LIST_TAIL = re.compile(rf"(?:[兩二三四五六七八九十]個?[市省地區]+)?的?({_LOCAL_BODY})")
_LIST_GAP = re.compile(r"^(?:[、，,和及與]|以及)$")
_LOCAL_REF = re.compile(rf"(?:當地|該市|該省|當地的)({_LOCAL_BODY})")
_VISIT_VERBS = re.compile(r"拜訪|訪問|走訪|到訪|考察|拜會|visita", re.IGNORECASE)
_GOING = re.compile(r"(?:赴|前往|到)$")
_CITY_AFTER_COUNTRY = re.compile(
    r"([\u4e00-\u9fff]{2,6}?)(?:市)?(?=出席|參加|參與|拜訪|拜會|參觀|訪問|考察|舉行|舉辦|召開|，)"
)
# A place followed by people ("為內地及澳門執法人員舉辦") says where they come from.
_PEOPLE_AFTER = re.compile(
    r"的?[\u4e00-\u9fff]{0,2}?(?:人員|官員|學員|同業|代表|師生|學生|學者|專家)"
)
_DESTINATION_BEFORE = re.compile(r"(?:赴|前往|到|在|於|抵)$")
_CJK_NAME = re.compile(r"[\u3400-\u9fff]+")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")
_DELEGATIONS = ("代表團", "考察團", "訪問團")
_SUFFIX_RE = re.compile("|".join(sorted(BODY_SUFFIXES, key=len, reverse=True)))
_ACRONYM = re.compile(r"[（(]\s*([A-Za-z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+){0,4})\s*[）)]")
_ORGANISER = re.compile(
    r"(?:由|出席|參加|參與)([^，。；、“”「」《》由]{2,40}?)(?:共同|聯合)?(?:舉辦|主辦|合辦|承辦|協辦|主持)"
)
_ORGANISER_SPLIT = re.compile(r"以及|與|和|及|、")


@dataclass(frozen=True)
class Body:
    """A body named in an activity, by canonical name, with its acronym when the text gives one."""

    name: str
    acronym: str | None = None


@dataclass
class Entities:
    places: list[str] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    month: int | None = None
    topics: list[str] = field(default_factory=list)

    @property
    def anchored(self) -> bool:
        """Whether the sentence names something specific (what a general statement lacks)."""
        return bool(self.places or self.bodies or self.events or self.topics)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    name: str
    acronym: str | None = None
    visited: bool = False


class EntityFinder:
    """Finds the entities of sentences of one chapter.

    `home` is the territory the chapter is written from (never a destination);
    `author` is how the chapter names its own agency (never a partner body,
    except inside a quoted title, where it is the host's agency of that name).
    """

    def __init__(
        self,
        registry: Registry,
        *,
        home: str | None,
        author: str | None,
        introduced: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        self.registry = registry
        self.home = home
        self.author = author
        #: Bodies the introduction names with an acronym ("國際監察組織（IOI）"): the name as
        #: written → the canonical name and the acronym.
        self.introduced = introduced or {}

    def extract(self, text: str, *, month_text: str | None = None) -> Entities:
        quotes = quoted_spans(text)
        latin = not _IDEOGRAPH.search(text)
        found_places = self.registry.find_places(text)
        if latin:  # "Guangdong-Hong Kong-Macau" names a region of three, not three places
            found_places = [p for p in found_places if not _in_compound(text, p)]
        spans = self._body_spans(text, found_places, latin)
        places = self._places(text, found_places, spans, quotes)
        events = find_events(text)
        return Entities(
            places=list(places.values()),
            bodies=self._resolve(spans, quotes, list(places), latin),
            events=events or (latin_events(text) if latin else []),
            month=find_month(month_text or text),
            topics=latin_topics(text) if latin else find_topics(text),
        )

    def _places(self, text: str, found: list[Found], bodies: list[_Span], quotes) -> dict[str, str]:
        """The places the activity is at, most specific only: canonical name → as written.

        See `_as_written` for which name is given.
        """
        places: dict[str, str] = {}
        for index, place in enumerate(found):
            if place.name == self.home or inside(place.start, quotes):
                continue
            in_body = any(b.start <= place.start < b.end for b in bodies)
            if in_body and not any(b.start <= place.start < b.end and b.visited for b in bodies):
                continue
            following = found[index + 1] if index + 1 < len(found) else None
            if following and following.start == place.end and following.name != self.home:
                continue  # "遼寧瀋陽", "奧地利維也納": the more specific place follows
            if _is_origin(text, found, index):
                continue
            city = not in_body and _unknown_city_after(text, place, self.registry)
            places.setdefault(city or place.name, city or _as_written(place))
        covered = {a for p in places for a in self._ancestors(p)}
        return {name: written for name, written in places.items() if name not in covered}

    def _ancestors(self, place: str) -> set[str]:
        """The regions that contain a place (瀋陽 → 遼寧, 中國), to keep only the most specific."""
        out: set[str] = set()
        entry = self.registry.places.get(place)
        while entry and entry.parent and entry.parent not in out:
            out.add(entry.parent)
            entry = self.registry.places.get(entry.parent)
        return out

    def _body_spans(self, text: str, places: list[Found], latin: bool) -> list[_Span]:
        books = [m.span() for m in BOOK_TITLE.finditer(text)]
        known = [
            f
            for f in self.registry.find_bodies(text)
            if not inside(f.start, books) and not (latin and in_title(text, f))
        ]
        spans = [
            _Span(f.start, qualified_end(text, f.end, places) if latin else f.end, f.name)
            for f in known
        ]
        spans += self._introduced_spans(text, spans)
        spans = self._with_acronyms(text, spans)
        if latin:
            spans += [_Span(*found) for found in latin_bodies(text, known, places, self.registry)]
        else:
            spans += self._local_bodies(text, places)
            spans += self._suffix_bodies(text, spans)
            spans += self._organisers(text, spans)
        spans = [s for s in spans if not _part_of_another(s, spans)]
        visited = _visited_ranges(text)
        return sorted(
            (
                _Span(
                    s.start,
                    s.end,
                    s.name,
                    s.acronym,
                    s.visited or inside(s.start, visited) or bool(_GOING.search(text[: s.start])),
                )
                for s in spans
            ),
            key=lambda s: s.start,
        )

    def _introduced_spans(self, text: str, known: list[_Span]) -> list[_Span]:
        """The introduction's bodies, by name or acronym, where the registry found nothing."""
        spans: list[_Span] = []
        for written, (name, acronym) in self.introduced.items():
            for match in re.finditer(rf"(?<![A-Za-z]){re.escape(written)}(?![A-Za-z])", text):
                if not any(s.start < match.end() and match.start() < s.end for s in known):
                    spans.append(_Span(match.start(), match.end(), name, acronym))
        return spans

    def _with_acronyms(self, text: str, spans: list[_Span]) -> list[_Span]:
        out = list(spans)
        for match in _ACRONYM.finditer(text):
            acronym = match.group(1)
            before = next((s for s in out if s.end == match.start()), None)
            if before:
                out[out.index(before)] = _Span(before.start, match.end(), before.name, acronym)
                continue
            if any(s.start <= match.start() < s.end for s in out):
                out = [
                    _Span(s.start, s.end, s.name, s.acronym or acronym)
                    if s.start <= match.start() < s.end
                    else s
                    for s in out
                ]
                continue
            start = _name_start(text, match.start())
            name = text[start : match.start()]
            canonical = self.registry.body_by_acronym(acronym)
            if canonical or (len(name) >= 3 and not _GENERIC_HEADS.search(name)):
                out.append(
                    _Span(start if name else match.start(), match.end(), canonical or name, acronym)
                )
        return out

    def _local_bodies(self, text: str, places: list[Found]) -> list[_Span]:
        """Bodies named through places: "珠海、中山及深圳三市的監察委員會", "當地監察委員會"."""
        spans: list[_Span] = []
        run: list[Found] = []
        for place in places:
            if run and not _LIST_GAP.match(text[run[-1].end : place.start]):
                run = []
            run.append(place)
            tail = _LIST_TAIL.match(text, place.end) if len(run) > 1 else None
            if tail:
                noun = tail.group(1)
                for member in run:
                    entry = self.registry.places[member.name]
                    spans.append(_Span(member.start, tail.end(), entry.formal + noun, visited=True))
                run = []
        for match in _LOCAL_REF.finditer(text):
            before = [p for p in places if p.end <= match.start() and p.name != self.home]
            if before:
                entry = self.registry.places[before[-1].name]
                spans.append(_Span(match.start(), match.end(), entry.formal + match.group(1)))
        return spans

    def _suffix_bodies(self, text: str, known: list[_Span]) -> list[_Span]:
        spans: list[_Span] = []
        quotes = quoted_spans(text)
        for match in _SUFFIX_RE.finditer(text):
            if any(s.start <= match.start() < s.end for s in known + spans):
                continue
            if match.group() in _DELEGATIONS and any(s.end == match.start() for s in known + spans):
                continue  # "韓國國民權益委員會代表團" is the body it comes from
            start = _name_start(text, match.start())
            head, name = text[start : match.start()], text[start : match.end()]
            if len(head) < 2 and not (name in _STANDALONE and not head):
                continue
            if _GENERIC_HEADS.search(head) or _NOT_BODY.search(
                text[match.start() - 1 : match.end() + 1]
            ):
                continue
            if len(match.group()) == 1 and inside(match.start(), quotes):
                continue
            spans.append(_Span(start, match.end(), name))
        return spans

    def _organisers(self, text: str, known: list[_Span]) -> list[_Span]:
        spans: list[_Span] = []
        for match in _ORGANISER.finditer(text):
            offset = match.start(1)
            for part in _ORGANISER_SPLIT.split(match.group(1)):
                start = text.find(part, offset)
                offset = start + len(part)
                name = _ACRONYM.sub("", part).strip()
                if len(name) < 2 or any(s.start <= start < s.end for s in known + spans):
                    continue
                if _GENERIC_HEADS.search(name) or name == self.author or not _is_cjk_name(name):
                    continue
                spans.append(_Span(start, start + len(part), name))
        return spans

    def _resolve(self, spans: list[_Span], quotes, places: list[str], latin: bool) -> list[Body]:
        """Canonical names; the author is never a partner, except that a quoted Chinese
        title's bare "廉政公署" is the host's agency of that name."""
        bodies: dict[str, Body] = {}
        for span in spans:
            name = self.registry.body_named(span.name) or span.name
            if name == self.author and (latin or not inside(span.start, quotes)):
                continue
            if name not in self.registry.bodies:
                name = self._qualified(name, places) or name
            acronym = span.acronym or self.registry.acronym_of(name)
            if name not in bodies or (acronym and not bodies[name].acronym):
                bodies[name] = Body(name, acronym)
        return list(bodies.values())

    def _qualified(self, name: str, places: list[str]) -> str | None:
        """A bare name ("廉政公署") made the known body of the place the activity is at."""
        for place in places:
            entry = self.registry.places.get(place)  # None for a city the gazetteer lacks
            for candidate in (place + name, entry.formal + name if entry else name):
                if candidate in self.registry.bodies:
                    return candidate
        return None


def _in_compound(text: str, place: Found) -> bool:
    """Whether a Latin place name is hyphenated to another word: "Guangdong-Hong Kong-Macau"."""
    return text[place.start - 1 : place.start] == "-" or text[place.end : place.end + 1] == "-"


def _unknown_city_after(text: str, place: Found, registry: Registry) -> str | None:
    """A city the gazetteer lacks, written after its country: "赴美國亞特蘭大出席"."""
    if registry.places[place.name].kind != "country":
        return None
    match = _CITY_AFTER_COUNTRY.match(text, place.end)
    if not match:
        return None
    city = match.group(1)  # not "參加培訓" nor "和馬來西亞" ("赴新加坡和馬來西亞，")
    return None if ACTIVITY_VERBS.search(city) or registry.find_places(city) else city


def _as_written(place: Found) -> str:
    """The canonical name where it is the written one or part of it (廣州 for 廣州市), so
    records link to known places; else the CJK name as written (阿聯酋), as the contract
    asks. A Latin name ("Lisboa") gives the canonical zh-Hant one.
    """
    written, name = place.written, place.name
    if not _CJK_NAME.fullmatch(written) or name in written or written in name:
        return name
    return written


def _is_origin(text: str, found: list[Found], index: int) -> bool:
    """Whether a place only says where people come from: "為新加坡及馬來西亞執法人員舉辦",
    "a delegação da China"."""
    first = last = found[index]
    if delegation_of(text, first.start):
        return True
    for following in found[index + 1 :]:  # the list it opens, if any
        if not _LIST_GAP.match(text[last.end : following.start]):
            break
        last = following
    return bool(
        _PEOPLE_AFTER.match(text, last.end) and not _DESTINATION_BEFORE.search(text, 0, first.start)
    )


def _part_of_another(span: _Span, spans: list[_Span]) -> bool:
    """Whether a name is the start of a longer one: 香港大學 in 香港大學法律學院."""
    return any(
        o.start <= span.start and span.end <= o.end and o != span and span.name in o.name
        for o in spans
    )


def _is_cjk_name(name: str) -> bool:
    return bool(re.fullmatch(r"[\u4e00-\u9fff A-Za-z0-9&·]+", name))


def _name_start(text: str, end: int) -> int:
    """Where a body name that ends at `end` starts: back to punctuation or a boundary word."""
    i = end
    while i > max(0, end - 20):
        if not ("\u4e00" <= text[i - 1] <= "\u9fff"):
            break
        if any(text.startswith(word, i - len(word)) for word in BOUNDARY_WORDS):
            break
        if DATE_BOUNDARY.search(text, 0, i):
            break
        i -= 1
    return i


def _visited_ranges(text: str) -> list[tuple[int, int]]:
    """From each visiting verb to the end of its clause: bodies there are places visited."""
    ranges = []
    for match in _VISIT_VERBS.finditer(text):
        end = min(
            (i for i in (text.find(p, match.end()) for p in "，。；,;") if i >= 0),
            default=len(text),
        )
        ranges.append((match.end(), end))
    return ranges


_INTRODUCED = re.compile(r"([\u4e00-\u9fff]{2,24})[（(]\s*([A-Z][A-Za-z&\-]{1,11})\s*[)）]")


def introduced_bodies(introduction: str, registry: Registry) -> dict[str, tuple[str, str]]:
    """Bodies an introduction names with their acronym ("國際監察組織（IOI）"), which the
    chapter names so again: as written → (canonical name, acronym). A known acronym gives
    the registry's body, however the agency writes its name (國際申訴專員協會)."""
    found: dict[str, tuple[str, str]] = {}
    for match in _INTRODUCED.finditer(introduction):
        written = introduction[_name_start(introduction, match.end(1)) : match.end(1)]
        acronym = match.group(2)
        if registry.body_named(written) or not written.endswith(_SUFFIX_ENDS):
            continue
        found[written] = (registry.body_by_acronym(acronym) or written, acronym)
    return found


_SUFFIX_ENDS = tuple(BODY_SUFFIXES)
