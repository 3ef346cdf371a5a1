"""How an activity took place, as its sentence says: in person, online or both, and for a
course whether it was the office's own (an invited tutor teaching its staff) or one its
staff were sent to. What the sentence does not say stays unsaid (""), never guessed."""

from __future__ import annotations

import re

# The values are those of liaison.activities.choices (Mode, TrainingScope).
IN_PERSON, ONLINE, HYBRID = "in_person", "online", "hybrid"
INTERNAL, EXTERNAL = "internal", "external"
VISITS = ("outbound_visit", "inbound_visit")

_ONLINE = re.compile(
    r"線上|網上|在線|視像|視頻|遠程|遙距|online|virtual|video|em linha|por vídeo|remot",
    re.IGNORECASE,
)
_BOTH = re.compile(
    r"線上(?:或|及|和|與|、)?線下|線下(?:或|及|和|與|、)?線上|混合|hybrid|h[íi]brid|misto",
    re.IGNORECASE,
)
# Being there: travelling to it, or saying it took place on site.
_THERE = re.compile(
    r"赴|前往|抵達|到訪|來澳|訪澳|來訪|參觀|線下|現場|實體|親身|隨[^，。；]{0,12}代表團"
    r"|(?:參加|出席)[^，。；]{0,4}在[^，。；]{1,20}舉行"
    r"|travel|went to|in person|deslocou-se|deslocaram-se|presencial",
    re.IGNORECASE,
)
# The office's own course: a tutor it invited, or a course it ran for its staff.
_OWN_COURSE = re.compile(
    r"邀請[^，。；]{0,20}(?:導師|專家|講者|學者|教授|老師|講師)"
    r"|為[^，。；]{0,15}(?:人員|同事|員工|調查員|新入職)[^，。；]{0,6}舉辦"
    r"|in-house|for (?:its|the CCAC's|CCAC) staff|invited (?:an? )?(?:expert|tutor|trainer|speaker)"
    r"|convidou [^,.;]{0,30}(?:formador|especialista|perito|orador)"
    r"|para (?:os )?(?:seus )?(?:trabalhadores|funcionários|investigadores)",
    re.IGNORECASE,
)
# A course run by someone else that staff attended.
_SENT_TO = re.compile(
    r"參加由|出席由|參與由|派員|派出|安排人員|赴[^，。；]{0,20}(?:參加|出席|接受)"
    r"|(?:參加|出席)了?[^，。；]{0,30}(?:舉辦|主辦)的"
    r"|took part in|attended|participated in|organi[sz]ed by"
    r"|participou|participaram|frequentou|frequentaram|organizad[oa]s? pel",
    re.IGNORECASE,
)


def find_mode(sentence: str, kind: str) -> str:
    """In person, online or hybrid as the sentence says; a visit is made in person (a
    "video" in its sentence is more likely a centre visited than the way it was made)."""
    if _BOTH.search(sentence):
        return HYBRID
    if kind in VISITS:
        return IN_PERSON
    online, there = bool(_ONLINE.search(sentence)), bool(_THERE.search(sentence))
    if online and there:
        return HYBRID
    if online:
        return ONLINE
    return IN_PERSON if there else ""


def find_training_scope(sentence: str, kind: str) -> str:
    """A course's scope: internal (the office's own), external (staff sent to it), or ""."""
    if kind != "training":
        return ""
    if _OWN_COURSE.search(sentence):
        return INTERNAL
    return EXTERNAL if _SENT_TO.search(sentence) else ""
