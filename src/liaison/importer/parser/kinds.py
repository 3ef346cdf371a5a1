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
