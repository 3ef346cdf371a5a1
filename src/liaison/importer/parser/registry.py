"""Known bodies and places: a seed shipped with the parser, plus the office's own.

The seed (data/bodies.json, data/gazetteer.json) holds general knowledge:
international and anti-corruption bodies, countries, capitals, Chinese
provinces and cities.  The database adds the office's partner bodies and
places through `Registry.from_entries`.  Every name is folded to Traditional
script, so "监察委员会" and "監察委員會" are the same key.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .script import to_traditional

REGIONS = ("mainland", "hong_kong", "macau", "taiwan", "abroad")
_MIN_FREE_ACRONYM = 3  # shorter acronyms ("UN", "TI") are trusted only inside brackets


@dataclass(frozen=True)
class BodyEntry:
    """A body the parser should recognise: canonical zh-Hant name, other names, acronyms."""

    name: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    region: str | None = None


@dataclass(frozen=True)
class PlaceEntry:
    """A place: canonical zh-Hant name, other names (pt, en, full forms), region group."""

    name: str
    aliases: tuple[str, ...] = ()
    region: str = "abroad"
    kind: str = "city"
    parent: str | None = None

    @property
    def formal(self) -> str:
        """The name as it opens a local body's name: 瀋陽 → 瀋陽市, 廣東 → 廣東省."""
        if self.region != "mainland" or self.kind not in ("city", "province"):
            return self.name
        suffix = "市" if self.kind == "city" else "省"
        long_forms = [a for a in self.aliases if a.startswith(self.name) and a.endswith(suffix)]
        if self.kind == "province" and not long_forms:
            return next((a for a in self.aliases if a.endswith("自治區")), self.name)
        return self.name + suffix


@dataclass(frozen=True)
class Found:
    """A registry name found in a text: the span and the canonical entry name."""

    start: int
    end: int
    name: str
    written: str


@dataclass
class _Lexicon:
    """Leftmost-longest lookup of many names, indexed by their first character (CJK) or
    first two (Latin, where many names share a first letter)."""

    latin: bool = False
    by_first: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, written: str, canonical: str) -> None:
        key = written.lower() if self.latin else written
        if key:
            self.by_first[key[: 2 if self.latin else 1]].append((key, canonical))

    def freeze(self) -> None:
        for names in self.by_first.values():
            names.sort(key=lambda pair: -len(pair[0]))

    def find(self, text: str) -> list[Found]:
        haystack = text.lower() if self.latin else text
        found, i = [], 0
        while i < len(haystack):
            if self.latin and i and haystack[i - 1].isalnum():  # Latin names start words
                i += 1
                continue
            for key, canonical in self.by_first.get(
                haystack[i : i + 2 if self.latin else i + 1], ()
            ):
                end = i + len(key)
                if haystack.startswith(key, i) and (not self.latin or _word_edges(text, i, end)):
                    found.append(Found(i, end, canonical, text[i:end]))
                    i = end - 1
                    break
            i += 1
        return found


def _word_edges(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def _is_latin(name: str) -> bool:
    return all(ord(ch) < 0x2E80 for ch in name)


class Registry:
    """Bodies and places the parser recognises, built from plain entries."""

    def __init__(self, bodies: Iterable[BodyEntry], places: Iterable[PlaceEntry]) -> None:
        self.bodies = {entry.name: entry for entry in _merge_bodies(bodies)}
        self.places = {entry.name: entry for entry in _merge_places(places)}
        self._body_names, self._body_latin = _Lexicon(), _Lexicon(latin=True)
        self._acronyms: dict[str, str] = {}
        self._place_names, self._place_latin = _Lexicon(), _Lexicon(latin=True)
        for body in self.bodies.values():
            for written in (body.name, *body.aliases):
                lexicon = self._body_latin if _is_latin(written) else self._body_names
                lexicon.add(written, body.name)
            for acronym in body.acronyms:
                self._acronyms[acronym.lower()] = body.name
                if len(acronym) >= _MIN_FREE_ACRONYM:
                    self._body_latin.add(acronym, body.name)
        for place in self.places.values():
            for written in (place.name, *place.aliases):
                lexicon = self._place_latin if _is_latin(written) else self._place_names
                lexicon.add(written, place.name)
        for lexicon in (self._body_names, self._body_latin, self._place_names, self._place_latin):
            lexicon.freeze()

    @classmethod
    def from_entries(
        cls,
        bodies: Iterable[BodyEntry] = (),
        places: Iterable[PlaceEntry] = (),
        *,
        with_seed: bool = True,
    ) -> Registry:
        """The seed registry extended (or, with_seed=False, replaced) by the given entries."""
        if not with_seed:
            return cls(bodies, places)
        seed = cls.seed()
        return cls([*seed.bodies.values(), *bodies], [*seed.places.values(), *places])

    @classmethod
    def seed(cls) -> Registry:
        """The registry of the shipped data files (built once)."""
        return _seed_registry()

    def find_bodies(self, text: str) -> list[Found]:
        return _merge_found(self._body_names.find(text), self._body_latin.find(text))

    def find_places(self, text: str) -> list[Found]:
        return _merge_found(self._place_names.find(text), self._place_latin.find(text))

    def body_by_acronym(self, acronym: str) -> str | None:
        return self._acronyms.get(acronym.strip().lower())

    def body_named(self, name: str) -> str | None:
        """The canonical name of a body if `name` is exactly one of its names."""
        found = self.find_bodies(name)
        if found and found[0].start == 0 and found[0].end == len(name):
            return found[0].name
        return None

    def acronym_of(self, name: str) -> str | None:
        entry = self.bodies.get(name)
        return entry.acronyms[0] if entry and entry.acronyms else None


def _merge_found(*groups: list[Found]) -> list[Found]:
    """Merge matches of several lexicons, the longer winning where they overlap."""
    chosen: list[Found] = []
    for item in sorted((f for g in groups for f in g), key=lambda f: (f.start, f.start - f.end)):
        if chosen and item.start < chosen[-1].end:
            continue
        chosen.append(item)
    return chosen


def _fold_all(names: Iterable[str]) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for name in names:
        name = name.strip()
        if name:
            out.setdefault(name)
            out.setdefault(to_traditional(name))
    return tuple(out)


def _merge_bodies(entries: Iterable[BodyEntry]) -> list[BodyEntry]:
    merged: dict[str, BodyEntry] = {}
    for entry in entries:
        name = to_traditional(entry.name.strip())
        old = merged.get(name, BodyEntry(name))
        merged[name] = BodyEntry(
            name,
            _fold_all((*old.aliases, *entry.aliases)),
            tuple(
                dict.fromkeys((*old.acronyms, *(a.strip() for a in entry.acronyms if a.strip())))
            ),
            entry.region or old.region,
        )
    return list(merged.values())


def _merge_places(entries: Iterable[PlaceEntry]) -> list[PlaceEntry]:
    merged: dict[str, PlaceEntry] = {}
    for entry in entries:
        name = to_traditional(entry.name.strip())
        old = merged.get(name)
        aliases = _fold_all((*(old.aliases if old else ()), *entry.aliases))
        merged[name] = PlaceEntry(name, aliases, entry.region, entry.kind, entry.parent)
    return list(merged.values())


def _load(filename: str) -> dict:
    data = (
        resources.files(__package__).joinpath("data").joinpath(filename).read_text(encoding="utf-8")
    )
    return json.loads(data)


@cache
def _seed_registry() -> Registry:
    bodies = [
        BodyEntry(
            item["name"],
            tuple(item.get("aliases", ()))
            + tuple(n for n in (item.get("en"), item.get("pt")) if n),
            tuple(item.get("acronyms", ())),
            item.get("region"),
        )
        for item in _load("bodies.json")["bodies"]
    ]
    places = [
        PlaceEntry(
            item["name"],
            tuple(item.get("aliases", ()))
            + tuple(n for n in (item.get("en"), item.get("pt")) if n),
            item["region"],
            item["kind"],
            item.get("parent"),
        )
        for item in _load("gazetteer.json")["places"]
    ]
    return Registry(bodies, places)
