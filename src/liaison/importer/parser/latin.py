"""Portuguese and English chapters: what differs from Chinese text besides the words.

Body names there are runs of capitalised words ("Comissão Nacional de
Supervisão", "Malaysian Anti-Corruption Commission"), sentences end at a
period that is not an abbreviation's, and untitled events, months and
topics are written with their own little words.
"""

from __future__ import annotations

import re

from .registry import Found, Registry
from .text import ABBREVIATION

_PT_WORDS = re.compile(r"\b(?:de|da|do|das|dos|em|para|com|pelo|pela|não)\b|ção\b|ões\b")
_EN_WORDS = re.compile(r"\b(?:the|of|and|to|with|for|was|were|by|from)\b")


def latin_language(text: str) -> str:
    """Portuguese or English, by their commonest little words."""
    return "en" if len(_EN_WORDS.findall(text)) > len(_PT_WORDS.findall(text)) else "pt"


# A sentence ends at . ! ? followed by a capital (or an opening quote) outside quotes.
_END = re.compile(r"[.!?](?=\s+[«\"“(]?[A-ZÀ-Ý0-9])")
_OPEN, _CLOSE = "«“(", "»”)"


def latin_sentences(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Split text[begin:end] at sentence ends; not at "n.º", "Sr.", "U.N." or "3.5"."""
    spans, cut, depth = [], begin, 0
    for i in range(begin, end):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and _END.match(text, i) and not ABBREVIATION.search(text, begin, i + 1):
            spans.append((cut, i + 1))
            cut = i + 1
    spans.append((cut, end))
    return spans


# --- bodies -----------------------------------------------------------------------------

_HEADS = (
    "Comissão|Comissões|Comissariado|Instituto|Academia|Associação|Rede|Gabinete|Ministério|"
    "Agência|Universidade|Direcção|Direção|Departamento|Serviços|Procuradoria|Tribunal|"
    "Polícia|Conselho|Grupo|Escritório|Organização|Autoridade|Centro|Escola|Colégio|"
    "Federação|Fundação|Secretariado|Provedoria|"
    "Commission|Commissions|Agency|Bureau|Academy|Association|Network|Office|Ministry|"
    "University|Council|Institute|Department|Authority|Centre|Center|Group|Organisation|"
    "Organization|Procuratorate|Court|Police|School|College|Federation|Foundation|"
    "Secretariat|Inspectorate|Ombudsman"
)
_HEAD = re.compile(rf"^(?:{_HEADS})$")
_WORD = r"(?:(?:[A-Z]\.)+|[A-ZÀ-Ý][\w'’/-]*|\d+[\w.ºª]*)"
# Not "em"/"in": "Grupo Alibaba em Hangzhou" is a body and where it is.
_LINK = r"(?:de|da|do|das|dos|e|a|o|à|ao|contra|para|sobre|of|the|for|and|against|on)"
# A run of capitalised words joined by little words, ending on a capitalised one.
_RUN = re.compile(rf"{_WORD}(?:\s+(?:{_LINK}\s+)*{_WORD})*")
# Sentence openers and verbs that a capital does not make part of a name.
_NOT_NAME = re.compile(
    r"^(?:Deslocação|Deslocações|Visita|Visitas|Recepção|Receção|Participação|Em|No|Na|A|O|"
    r"As|Os|Além|Ao|Para|The|In|On|At|An|Also|Visit|Visited|Received|Attended|Hosted|"
    r"Attendance|Trip|Reception|Participation)$"
)
_LINKED = re.compile(r"\b(?:de|da|do|das|dos|of)\b")
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Za-z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+){0,3})\s*\)")
# The local body of a place: "Comissões de Supervisão das cidades de Zhuhai, Zhongshan e
# Shenzhen", "Guangdong Provincial Supervisory Commission", "Comissão de Supervisão local".
_LOCAL_NOUNS = (
    (r"Comiss(?:ão|ões) de Supervisão", "監察委員會"),
    (r"Comiss(?:ão|ões) de Inspecção Disciplinar", "紀律檢查委員會"),
    (r"Procuradorias? Populares?", "人民檢察院"),
    (r"Supervisory Commissions?", "監察委員會"),
    (r"Commissions? for Discipline Inspection", "紀律檢查委員會"),
    (r"People's Procuratorates?", "人民檢察院"),
)
_LOCAL = re.compile("|".join(f"(?P<n{i}>{noun})" for i, (noun, _) in enumerate(_LOCAL_NOUNS)))
_OF_PLACES = re.compile(
    r"\s+(?:Municipal|Provincial\s+)?(?:d[aoe]s?|of(?: the)?)\s+"
    r"(?i:(?:cidades?|províncias?|município|cities|city|provinces?)\s+(?:de|of)\s+)?"
)
_PLACE_GAP = re.compile(r"^(?:,\s*|\s+(?:e|and)\s+|,\s+(?:e|and)\s+)$")
_LOCAL_AFTER = re.compile(r"\s+local\b")
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")
# A delegation named by who its members are and where from: "delegação de procuradores da
# Indonésia", "a delegation of judges from Timor-Leste" (not "a delegação da China").
_DELEGATION = re.compile(
    r"\b[Dd]elega(?:ção|ções|tions?)\s+(?:de|of)\s+[a-zà-ÿ][^,;.«“]{2,60}?"
    r"\s+(?:d[aoe]s?|from|of)\s+"
)


def latin_bodies(text: str, known: list[Found], places: list[Found], registry: Registry):
    """Bodies the registry does not name, as (start, end, name, acronym, visited) tuples.

    A local body gets its canonical zh-Hant name (珠海市監察委員會) and, like the
    Chinese list form, counts as visited; any other name is given as written.  Generic
    names inside a quoted title are part of the title ("15.ª Sessão do Grupo de …").
    """
    out: list[tuple[int, int, str, str | None, bool]] = []
    taken = [(f.start, f.end) for f in known]
    for noun_match in _LOCAL.finditer(text):
        noun = next(_LOCAL_NOUNS[int(k[1:])][1] for k, v in noun_match.groupdict().items() if v)
        local = _local_places(text, noun_match, places, registry)
        for start, end, place in local:
            out.append((start, end, registry.places[place].formal + noun, None, len(local) > 1))
            taken.append((start, end))
    titles = [m.span() for m in _QUOTED.finditer(text)]
    titles += [m.span(1) for m in (*_ORDINAL_EVENT.finditer(text), *_UNTITLED_EVENT.finditer(text))]
    for match in _RUN.finditer(text):
        start, end, name = _body_name(text, match)
        if name and not _overlaps(start, end, taken + titles):
            acronym = _ACRONYM_AFTER.match(text, end)
            if acronym:  # a known acronym names the body however its name is written
                end = acronym.end()
                name = registry.body_by_acronym(acronym.group(1)) or name
            out.append((start, end, name, acronym.group(1) if acronym else None, False))
            taken.append((start, end))
    for match in _DELEGATION.finditer(text):
        origin = next((p for p in places if p.start == match.end()), None)
        if origin and not _overlaps(match.start(), origin.end, taken):
            out.append((match.start(), origin.end, text[match.start() : origin.end], None, False))
    return out


_DELEGATION_OF = re.compile(r"\b[Dd]elega(?:ção|ções|tions?)\s+(?:d[aoe]s?|of|from)\s+$")


def delegation_of(text: str, start: int) -> bool:
    """Whether a place says whose delegation it is ("a delegação da China"), not a venue."""
    return bool(_DELEGATION_OF.search(text, max(0, start - 30), start))


_TITLE_AFTER = re.compile(r"\s+(?:Convention|Convenção)\b")


def in_title(text: str, found: Found) -> bool:
    """Whether a body's name opens a document's: "United Nations Convention against…"."""
    return bool(_TITLE_AFTER.match(text, found.end))


def qualified_end(text: str, end: int, places: list[Found]) -> int:
    """Where a body's name ends when a place qualifies it: "ICAC de Hong Kong"."""
    for place in places:
        gap = text[end : place.start]
        if place.start >= end and re.fullmatch(r"\s+(?:d[aoe]|of)\s+", gap):
            return place.end
    return end


def _local_places(text: str, noun: re.Match, places: list[Found], registry: Registry):
    """The places whose local body a noun names, with the span of each."""
    after = _OF_PLACES.match(text, noun.end())
    found: list[Found] = []
    if after:
        at = after.end()
        for place in (p for p in places if p.start >= at):
            if place.start != at and not _PLACE_GAP.match(text[at : place.start]):
                break
            found.append(place)
            at = place.end
    if found:
        first, *rest = found
        return [(noun.start(), first.end, first.name)] + [(p.start, p.end, p.name) for p in rest]
    before = [p for p in places if p.end <= noun.start()]
    if not before:
        return []
    if text[before[-1].end : noun.start()].strip() in ("", "Municipal", "Provincial", "City"):
        return [(before[-1].start, noun.end(), before[-1].name)]
    if _LOCAL_AFTER.match(text, noun.end()):
        place = _most_specific(before, registry)
        return [(noun.start(), noun.end() + len(" local"), place)]
    return []


def _most_specific(places: list[Found], registry: Registry) -> str:
    """The last place that is not a region of another: Shenyang in "Shenyang, na província
    de Liaoning"."""
    parents = {registry.places[p.name].parent for p in places}
    return next(p.name for p in reversed(places) if p.name not in parents)


def _body_name(text: str, match: re.Match) -> tuple[int, int, str | None]:
    words = list(re.finditer(r"\S+", match.group()))
    heads = [i for i, w in enumerate(words) if _HEAD.match(w.group())]
    if not heads:
        return match.start(), match.end(), None
    first = 0
    while first < heads[0] and _not_name(words[first].group()):
        first += 1
    if heads[0] > first and _LINKED.search(match.group(), 0, words[heads[0]].start()):
        first = heads[0]  # "Visita à Comissão …": Portuguese names open with their head word
    start = match.start() + words[first].start()
    name = text[start : match.end()]
    return start, match.end(), name if len(name.split()) >= 2 else None


def _not_name(word: str) -> bool:
    return bool(_NOT_NAME.match(word)) or word[0].islower()


def _overlaps(start: int, end: int, spans) -> bool:
    return any(s < end and start < e for s, e in spans)


# --- events, months, topics ---------------------------------------------------------------

_EVENT_NOUNS = (
    r"[Cc]urso|[Ss]eminário|[Ee]xposição|[Ff]eira|[Ww]orkshop|[Cc]onferência|[Ff]órum|"
    r"[Cc]olóquio|[Ss]imp[óo]sio|[Ee]xhibition|[Cc]ourse|[Ss]eminar|[Cc]onference|[Ff]orum|"
    r"[Ss]ymposium|[Tt]raining [Pp]rogramme|[Tt]raining [Cc]ourse|Reunião|Assembleia|Cimeira|"
    r"Meeting|Assembly|Summit"
)
# An untitled event after the verb that attends it: "participar num curso de formação
# organizado por…", "a visit to the Exhibition on National Security".
_UNTITLED_EVENT = re.compile(
    r"\b(?:particip\w*|assist\w*|frequent\w*|visit\w*|attend\w*|t(?:ake|ook|aking) part"
    r"|spoke|presented)\b"
    r"[^,.;«»“”]{0,40}?"
    r"\b(?:n[oa]s?|num|numa|[oa]s?|à|ao|em|in|at|to|the|an?)\s+"
    rf"((?:[A-Z][\w-]+\s+){{0,3}}(?:(?:regional|international|national|annual)\s+)?"
    rf"(?:{_EVENT_NOUNS})\b[^,.;«»“”()]{{0,90}}?)"
    r"(?=[,.;(]|$|\s+(?:organi[zs]\w*|realizad\w*|promovid\w*|held|hosted|co-organi[zs]ed"
    r"|em\s+[A-Z]|in\s+[A-Z]))"
)
# A session given by its number: "na 10.ª Sessão do Grupo de Revisão…", "the 5th Meeting of…".
_ORDINAL_EVENT = re.compile(
    r"\b(\d+\.?[ºª]\s+(?:Sessão|Reunião|Conferência|Assembleia)[^,;«»“”]*?"
    r"|\d+(?:st|nd|rd|th)\s+(?:Session|Meeting|Conference|Plenary|Annual)[^,;«»“”]*?)"
    r"(?=[,;]|\.?$|\s+(?:in|em|at)\s+[A-Z])"
)
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip
_MONTH_EN = re.compile(rf"\b({'|'.join(MONTHS_EN)})\b")  # "may" is a verb: capitals only
_TOPICS = re.compile(
    r"\b(?:abrangendo|abrangeu|incluindo|covering|including|on topics such as|"
    r"(?:formação|cursos?|palestras?|acções|training|courses?|sessions?|workshops?|lectures?)"
    r"\s+(?:de formação\s+)?(?:sobre|on))"
    r"\s+((?:[^,.;]+,\s+)*[^,.;]+?\s+(?:e|and)\s+[^,.;]+?)"
    r"(?=[,.;]|$|\s+(?:for|para|to|in|em|by|pel[oa]|organi[sz]\w*|ministrad\w*|delivered)\b)"
)
_TOPIC_SPLIT = re.compile(r",\s+(?:e\s+|and\s+)?|\s+(?:e|and)\s+")
_ARTICLE = re.compile(r"^(?:a|o|as|os|the)\s+")


def latin_events(text: str) -> list[str]:
    """Events without quotes: a numbered session, else what a participation verb names."""
    events = [m.group(1) for m in _ORDINAL_EVENT.finditer(text)]
    return events or [m.group(1).strip() for m in _UNTITLED_EVENT.finditer(text)]


def latin_month(text: str) -> int | None:
    match = _MONTH_EN.search(text)
    return MONTHS_EN.index(match.group(1)) + 1 if match else None


def latin_topics(text: str) -> list[str]:
    """Topics listed after "abrangendo", "sobre", "covering": "A, B e C"."""
    topics: list[str] = []
    for match in _TOPICS.finditer(text):
        for part in _TOPIC_SPLIT.split(match.group(1)):
            part = _ARTICLE.sub("", part.strip())
            if len(part) >= 3 and part not in topics:
                topics.append(part)
    return topics
