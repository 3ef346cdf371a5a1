"""Trilingual content: one column per language, read in the active language.

Names and titles are stored as `<field>_zh_hant` (required), `<field>_pt` and `<field>_en`.
`Translated("name")` on a model reads the active language's column and falls back to
zh-Hant, the reference language, when a translation is missing.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGES = ("zh_hant", "pt", "en")
LANGUAGE_LABELS = {"zh_hant": _("Chinese (Traditional)"), "pt": _("Portuguese"), "en": _("English")}


def column_suffix(language: str | None) -> str:
    """Map a Django language code ('zh-hant', 'pt-br', 'en-us', 'zh-Hant') to a column suffix."""
    code = (language or "zh-hant").lower()
    if code.startswith("pt"):
        return "pt"
    if code.startswith("en"):
        return "en"
    return "zh_hant"


def translated_value(obj, field: str, language: str | None = None) -> str:
    """The value of `field` in `language` (default: active), falling back to zh-Hant."""
    suffix = column_suffix(language or get_language())
    value = getattr(obj, f"{field}_{suffix}", "") or ""
    return value or getattr(obj, f"{field}_zh_hant", "") or ""


def missing_translation(obj, field: str, language: str) -> bool:
    """True when the record has no text of its own for `field` in `language`."""
    return not getattr(obj, f"{field}_{column_suffix(language)}", "")


class Translated:
    """Descriptor: `obj.name` is the name in the active language, with fallback."""

    def __init__(self, field: str):
        self.field = field

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return translated_value(obj, self.field)


def chinese_required(model_name: str, field: str = "name") -> models.CheckConstraint:
    """zh-Hant is the reference language: a record without it cannot be saved."""
    return models.CheckConstraint(
        condition=~models.Q(**{f"{field}_zh_hant": ""}),
        name=f"{model_name}_{field}_zh_hant_required",
    )


class TrilingualNameModel(models.Model):
    """A record known by a name in zh-Hant (required), Portuguese and English."""

    name_zh_hant = models.CharField(_("name (Chinese)"), max_length=300)
    name_pt = models.CharField(_("name (Portuguese)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)

    name = Translated("name")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name


class TrilingualTitleModel(models.Model):
    """A record with a title in zh-Hant (required), Portuguese and English."""

    title_zh_hant = models.CharField(_("title (Chinese)"), max_length=500)
    title_pt = models.CharField(_("title (Portuguese)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)

    title = Translated("title")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title
