"""Records in, a plain `Chapter` out: the one place that decides what the chapter says.

The renderers (Markdown, HTML, DOCX, PDF) only lay the Chapter out, so the four formats
cannot disagree. Every word comes from the language's template files (see `text.py`);
names of bodies, places and events come from the records in the chapter's language, and
each one that falls back to zh-Hant is listed for the translator.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import partial

from liaison.activities.choices import ActivityKind, BodyRole
from liaison.core.choices import WorkflowState
from liaison.core.text import to_traditional
from liaison.core.translation import column_suffix
from liaison.reports import prose, text
from liaison.reports.grammar import Named
from liaison.reports.queries import ChapterScope, Name, Record, load_records
from liaison.reports.statistics import Table, TableBuilder
from liaison.terminology.services import terminology

#: The seed lists visits and meetings as bullets and writes the other parts as paragraphs.
PART_STYLES = {
    ActivityKind.OUTBOUND_VISIT: "bullets",
    ActivityKind.INBOUND_VISIT: "bullets",
    ActivityKind.MEETING: "bullets",
    ActivityKind.CONVENTION_REVIEW: "prose",
    ActivityKind.TRAINING: "prose",
}

#: The name each body role has in the sentence templates: `{{ organizers|series }}`…
ROLE_NAMES = {
    BodyRole.HOST: "hosts",
    BodyRole.ORGANIZER: "organizers",
    BodyRole.CO_ORGANIZER: "co_organizers",
    BodyRole.VISITOR: "visitors",
    BodyRole.VISITED: "visited",
    BodyRole.INVITER: "inviters",
    BodyRole.PARTNER: "partners",
}


@dataclass
class Item:
    text: str
    is_draft: bool = False
    #: A bullet of a list, as the source gave it (else a paragraph).
    bullet: bool = False


@dataclass
class Part:
    kind: str
    heading: str
    lead: str
    style: str
    items: list[Item] = field(default_factory=list)

    @property
    def runs(self) -> list[tuple[bool, list[Item]]]:
        """The items in runs of bullets (a list) and of paragraphs, for the renderers."""
        runs: list[tuple[bool, list[Item]]] = []
        for item in self.items:
            if runs and runs[-1][0] == item.bullet:
                runs[-1][1].append(item)
            else:
                runs.append((item.bullet, [item]))
        return runs


@dataclass
class Missing:
    """A name shown in zh-Hant because the record has none in the chapter's language."""

    category: str
    name: str


@dataclass
class Chapter:
    year: int
    language: str
    part_label: str
    title: str
    intro: str
    parts: list[Part]
    tables: list[Table]
    missing: list[Missing]
    labels: dict[str, str]
    #: The agency that writes the chapter, named in its language (the document's author).
    author: str = ""

    @property
    def full_title(self) -> str:
        """ "第五部分　對外交流與培訓", "Part V — External Exchanges and Training"."""
        if not self.part_label:  # the office's own title, whole
            return self.title
        if self.language == "zh-Hant":
            return f"{self.part_label}\u3000{self.title}"  # an ideographic space
        return f"{self.part_label} — {self.title}"

    @property
    def is_empty(self) -> bool:
        return not any(part.items for part in self.parts)

    @property
    def has_drafts(self) -> bool:
        return any(item.is_draft for part in self.parts for item in part.items)

    @property
    def is_draft(self) -> bool:
        """Not for publication: it shows records not yet approved or names not translated
        (the service refuses a final chapter with either)."""
        return self.has_drafts or bool(self.missing)

    def marked(self, item: Item) -> str:
        """The item's text, after the draft mark if it is a draft ("【草稿】…", "[DRAFT] …")."""
        if not item.is_draft:
            return item.text
        space = "" if self.language == "zh-Hant" else " "
        return f"{self.labels['draft_mark']}{space}{item.text}"


class Namer:
    """Names in the chapter's language: the record's own, else the terminology base's (read
    once, and only if some record lacks a name); every one still missing is noted."""

    def __init__(self, language: str):
        self.column = column_suffix(language)
        self.missing: dict[tuple[str, str], None] = {}
        self._terms = None

    def __call__(self, name: Name, category: str) -> Named:
        own = getattr(name, self.column)
        if not own and self.column != "zh_hant":
            if self._terms is None:
                self._terms = terminology()
            own = self._terms.translate(name.zh_hant, self.column)
        if not own:
            self.missing[(category, name.zh_hant)] = None
        return Named(own or name.zh_hant, name.kind, translated=bool(own))

    def many(self, names: list[Name], category: str) -> list[Named]:
        return [self(name, category) for name in names]


def build_chapter(
    agency,
    year: int,
    language: str,
    *,
    include_drafts: bool = False,
    max_classification: int | None = None,
    reader=None,
) -> Chapter:
    """The chapter for `agency` and `year` in `language`, as `reader` may see it (the
    system's view of the agency when no reader is given)."""
    if language not in text.LANGUAGES:
        raise ValueError(f"unknown chapter language {language!r}")
    scope = ChapterScope(agency, reader, include_drafts)
    if max_classification is not None:
        scope = replace(scope, max_classification=max_classification)
    current_qs = scope.activities(year)
    previous_qs = scope.activities(year - 1)
    current = load_records(current_qs, scope)

    name = Namer(language)
    # The office's own name as its record gives it: the seed never abbreviates it (廉署).
    agency_name = (
        agency.name_zh_hant
        if language == "zh-Hant"
        else name(Name(agency.name_zh_hant, agency.name_pt, agency.name_en, "agency"), "agency")
    )
    context = {
        "year": year,
        "previous_year": year - 1,
        "agency": agency_name,
        "part_zh": text.chinese_numeral(agency.report_part_number),
        "part_roman": text.roman_numeral(agency.report_part_number),
        "part_number": agency.report_part_number,
    }
    labels = text.labels(language, context)
    written = prose.passages(scope, year, name.column)
    parts = []
    if current:
        entries = [prose.Entry(_source_key(record), record.kind, record) for record in current]
        entries += [
            prose.Entry(passage.key, passage.part, None, passage)
            for passage in written
            if passage.role in (prose.Role.LEAD, prose.Role.CONTEXT)
        ]
        for section in prose.lay_out(written, entries):
            parts.append(part_of(section, language, name, context, labels))
        intro = prose.opening(written, prose.Role.INTRODUCTION)
        intro = intro or text.render_text(language, "intro.txt", context)
        tables = TableBuilder(labels, name, scope).build(current_qs, previous_qs)
    else:
        intro, tables = text.render_text(language, "empty.txt", context), []
    own_title = prose.opening(written, prose.Role.TITLE) if current else None

    return Chapter(
        year=year,
        language=language,
        part_label="" if own_title else labels["part_label"],
        title=own_title or labels["title"],
        intro=intro,
        parts=parts,
        tables=tables,
        missing=[
            Missing(labels.get(f"missing.{category}", category), zh_name)
            for category, zh_name in sorted(name.missing)
        ],
        labels=labels,
        author=str(agency_name),
    )


def _source_key(record: Record) -> tuple[str, int] | None:
    """Where an imported record stood in its chapter (a dated paragraph may follow an
    undated one); None for a record written in a form."""
    if "block" not in record.source_ref:
        return None
    return (record.source_ref.get("file", ""), record.source_ref.get("start", 0))


def part_of(section: prose.Section, language: str, name: Namer, context: dict, labels) -> Part:
    """One part: the office's heading and lead where it wrote them (translated), else the
    patterns'; its activities and context sentences in the order the source told them."""
    kind, style = section.kind, PART_STYLES.get(section.kind, "prose")
    own_leads, untranslated_lead, items = [], False, []
    for entry in section.entries:
        passage = entry.passage
        if passage is None:
            record = entry.value
            bullet = record.source_ref.get("bullet", style == "bullets")
            item = Item(sentence(record, language, name, context), _is_draft(record), bullet)
            items.append((record, item))
        elif passage.untranslated:
            untranslated_lead |= passage.role == prose.Role.LEAD
            if passage.role == prose.Role.CONTEXT:
                name.missing[("passage", passage.original[:40])] = None
        elif passage.role == prose.Role.LEAD and not items and not passage.is_draft:
            own_leads.append(passage.text)
        elif passage.text:  # a draft lead too: as a paragraph, marked
            items.append((None, Item(passage.text, passage.is_draft)))
    count = sum(1 for record, _ in items if record is not None)
    items = paragraphs(items, language)
    heading = _heading(section, name, labels)
    if own_leads:
        lead = own_leads[0]
        items = [Item(text) for text in own_leads[1:]] + items
    elif kind and items and (section.heading is None or untranslated_lead):
        lead = text.render_text(language, f"leads/{kind}.txt", {**context, "count": count})
    else:
        lead = ""
    if not items and not lead:
        lead = labels["part.none"]
    return Part(kind, heading, lead, style, items)


def _heading(section: prose.Section, name: Namer, labels) -> str:
    """The office's heading (with its number), else the pattern's for the part's kind; a
    part the source began without a heading has none."""
    own = section.heading
    if own is not None and (own.text or not own.original):
        return own.text
    if section.kind:
        return labels[f"heading.{section.kind}"]
    name.missing[("passage", own.original[:40])] = None
    return ""


def paragraphs(items: list[tuple[Record | None, Item]], language: str) -> list[Item]:
    """Sentences that shared a paragraph of their chapter share it again (bullets stay
    apart): "此外，亦邀請…" leans on the sentence before it for its subject."""
    joined: list[Item] = []
    previous = None
    for record, item in items:
        place = (record.source_ref.get("file"), record.source_ref.get("block")) if record else None
        same_paragraph = place is not None and place[1] is not None and place == previous
        if (
            joined
            and same_paragraph
            and not (item.bullet or joined[-1].bullet)
            and joined[-1].is_draft == item.is_draft
        ):
            space = "" if language == "zh-Hant" else " "
            joined[-1] = Item(f"{joined[-1].text}{space}{item.text}", item.is_draft)
            continue
        joined.append(item)
        previous = place
    return joined


def source_sentence(record: Record, summary: str) -> str:
    """The sentence as its chapter wrote it, with the context the parser left out of the
    summary ("國家安全是…的重要基礎，", "此外，"), while the summary is still the imported one."""
    source = record.source_ref.get("source", "")
    if not source or summary != record.source_text.strip():
        return summary
    for candidate in (source, to_traditional(source)):
        if summary in candidate:
            return candidate
    return summary


def sentence(record: Record, language: str, name: Namer, context: dict) -> str:
    """The activity's own summary in `language`, else one written from its template."""
    summary = getattr(record.summary, name.column).strip()
    if summary:
        return dated(source_sentence(record, summary), record, language)
    roles = defaultdict(list)
    for role, body in record.bodies:
        roles[ROLE_NAMES[role]].append(body)
    # Names are looked up lazily (Django templates call callables), so only the names the
    # sentence actually uses are reported as missing translations.
    values = {role: partial(name.many, bodies, "body") for role, bodies in roles.items()}
    values.update(
        bodies=partial(name.many, [body for _, body in record.bodies], "body"),
        places=partial(name.many, record.places, "place"),
        events=partial(name.many, record.events, "event"),
        topics=partial(name.many, record.topics, "topic"),
        title=partial(name, record.title, "activity"),
        month=record.month,
        mode=record.mode,
        visitor_count=record.visitor_count,
        training_hours=record.training_hours,
    )
    return text.render_text(language, f"sentences/{record.kind}.txt", {**context, **values})


def dated(summary: str, record: Record, language: str) -> str:
    """A Chinese paragraph that does not say its month gets it in front, as the seed writes
    its prose ("在6月，…"): an import keeps the month in the record, not in the summary."""
    month = record.month
    if language != "zh-Hant" or not month or PART_STYLES[record.kind] != "prose":
        return summary
    if f"{month}月" in summary or f"{text.chinese_numeral(month)}月" in summary:
        return summary
    return f"在{month}月，{summary}"


def _is_draft(record: Record) -> bool:
    return record.state != WorkflowState.APPROVED
