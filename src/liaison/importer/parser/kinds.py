"""The five parts of the chapter and the words their headings use."""

import re

KINDS = ("outbound_visit", "inbound_visit", "meeting", "convention_review", "training")

# Checked in order: the convention's part also says 會議 and 工作, and the
# inbound part says 訪 like the outbound one, so the specific words come first.
_HEADING_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "convention_review",
        (
            "公約",
            "公约",
            "履約",
            "履约",
            "審議",
            "审议",
            "convenção",
            "convencao",
            "convention",
            "uncac",
        ),
    ),
    (
        "inbound_visit",
        (
            "接待",
            "來訪",
            "来访",
            "到訪",
            "到访",
            "訪澳",
            "访澳",
            "recepção",
            "recepcao",
            "acolhimento",
            "delegações recebidas",
            "visitas recebidas",
            "incoming",
            "inbound",
            "received",
            "reception",
            "visiting delegations",
        ),
    ),
    (
        "training",
        ("培訓", "培训", "研修", "進修", "进修", "formação", "formacao", "training", "capacitação"),
    ),
    (
        "meeting",
        (
            "會議",
            "会议",
            "論壇",
            "论坛",
            "研討",
            "研讨",
            "reuniões",
            "reunioes",
            "reunião",
            "conferências",
            "meetings",
            "conferences",
        ),
    ),
    (
        "outbound_visit",
        (
            "外訪",
            "外访",
            "出訪",
            "出访",
            "訪問",
            "访问",
            "考察",
            "visitas ao exterior",
            "visitas oficiais",
            "deslocações",
            "outbound",
            "visits",
        ),
    ),
)

CHAPTER_TITLE = re.compile(
    r"(?:交流|合作).{0,4}(?:培訓|培训)|interc[âa]mbio.{0,40}forma[çc][ãa]o"
    r"|exchanges?.{0,30}training",
    re.IGNORECASE,
)


def heading_kind(heading: str) -> str | None:
    """The kind of activity a part heading announces, or None when it names none."""
    lowered = heading.lower()
    for kind, words in _HEADING_WORDS:
        if any(word in lowered for word in words):
            return kind
    return None


# A part's heading gives its activities' kind; without one, each activity's wording does,
# checked in this order (a convention's review group "會議" too, a course is "參加" too).
_KIND_WORDS = (
    # The review mechanism, not any meeting under the convention ("締約國會議").
    (
        "convention_review",
        re.compile(
            r"履約|審議|公約[^，。；]{0,10}工作組|convenção|convention|uncac", re.IGNORECASE
        ),
    ),
    (
        "inbound_visit",
        re.compile(
            r"接待|來訪|到訪|訪澳(?!洲)|來澳|recebe|acolh|\breceived\b|\bwelcomed\b"
            r"|hosted a delegation",
            re.IGNORECASE,
        ),
    ),
    (
        "outbound_visit",
        re.compile(
            r"拜訪|拜會|考察|出訪|外訪|\bvisited\b|study (?:visit|trip)|deslocou|visitou",
            re.IGNORECASE,
        ),
    ),
    ("meeting", re.compile(r"致辭|發言|演講|\bspoke\b|\bpresented\b|addressed", re.IGNORECASE)),
    (
        "training",
        re.compile(
            r"培訓|研修|研習|進修|課程|講座|工作坊|formação|curso|capacitação|sensibiliza|training"
            r"|course|capacity-building|awareness",
            re.IGNORECASE,
        ),
    ),
    (
        "meeting",
        re.compile(
            r"會議|論壇|研討會|年會|大會|峰會|reunião|conferência|fórum|seminário|cimeira|"
            r"assembleia|meeting|conference|forum|summit|seminar|symposium|workshop",
            re.IGNORECASE,
        ),
    ),
)


def kind_from_wording(sentence: str) -> str:
    """The kind an activity's own words say, where no part heading gives it."""
    for kind, words in _KIND_WORDS:
        if words.search(sentence):
            return kind
    return KINDS[0]
