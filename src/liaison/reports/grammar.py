"""Articles for names in Portuguese and English prose: "the Commission Against Corruption",
"pela Comissão Nacional de Supervisão", "nos Emirados Árabes Unidos", "em Viena".

The records keep bare names; whether a name takes an article (and, in Portuguese, which
one) follows from what it names and from its first word, by the rules below. A name shown
in Chinese because it has no translation takes none.
"""

from __future__ import annotations

from django.utils.translation import get_language

PLACE_KINDS = {"city", "region", "country"}
#: English country names that take "the": "the United Arab Emirates", "the Philippines".
EN_COUNTRY_WORDS = {"united", "republic", "kingdom", "federation", "islands", "netherlands"}
#: Countries and territories written without an article in Portuguese: "em Portugal".
PT_BARE_PLACES = {
    "angola",
    "cabo verde",
    "cuba",
    "hong kong",
    "israel",
    "macau",
    "malta",
    "moçambique",
    "portugal",
    "singapura",
    "timor-leste",
}
PT_FEMININE_ENDINGS = ("a", "ção", "são", "dade", "gem", "ie")
PT_FEMININE_WORDS = {"rede", "ordem", "sede"}
PT_MASCULINE_WORDS = {"sistema", "programa", "dia", "fórum"}
#: Preposition + article, in the order masculine, feminine, masculine and feminine plural.
PT_CONTRACTIONS = {
    "": ("o", "a", "os", "as"),
    "a": ("ao", "à", "aos", "às"),
    "de": ("do", "da", "dos", "das"),
    "em": ("no", "na", "nos", "nas"),
    "por": ("pelo", "pela", "pelos", "pelas"),
}


class Named(str):
    """A name as the chapter writes it, knowing what it names and whether it is translated."""

    kind: str
    translated: bool

    def __new__(cls, text: str, kind: str = "", *, translated: bool = True):
        named = super().__new__(cls, text)
        named.kind, named.translated = kind, translated
        return named


def with_article(name: str, preposition: str = "") -> str:
    """`name` after its article (and `preposition`, merged in Portuguese) in the active
    language; a plain string is taken for the name of a body."""
    kind = getattr(name, "kind", "")
    translated = getattr(name, "translated", True)
    language = (get_language() or "").lower()
    if language.startswith("pt"):
        article = _portuguese(name, kind, preposition) if translated else None
        return " ".join(filter(None, (article or preposition, name)))
    if language.startswith("en"):
        article = "the" if translated and _english_takes_article(name, kind) else ""
        return " ".join(filter(None, (preposition, article, name)))
    return f"{preposition}{name}"


def _english_takes_article(name: str, kind: str) -> bool:
    if name.lower().startswith("the ") or kind == "company":
        return False
    if kind in PLACE_KINDS:
        return kind != "city" and bool(EN_COUNTRY_WORDS & set(name.lower().split()))
    return True


def _portuguese(name: str, kind: str, preposition: str) -> str | None:
    """The article merged with `preposition` ("pela", "nos"), or None for a bare name."""
    if kind == "company" or kind == "city" or name.lower() in PT_BARE_PLACES:
        return None
    word = name.split()[0].lower() if name.split() else ""
    plural = word.endswith("s") and len(word) > 3
    if plural:
        word = word[:-3] + "ão" if word.endswith("ões") else word[:-1]
    feminine = word in PT_FEMININE_WORDS or (
        word.endswith(PT_FEMININE_ENDINGS) and word not in PT_MASCULINE_WORDS
    )
    form = 2 * plural + feminine
    if preposition in PT_CONTRACTIONS:
        return PT_CONTRACTIONS[preposition][form]
    return f"{preposition} {PT_CONTRACTIONS[''][form]}"
