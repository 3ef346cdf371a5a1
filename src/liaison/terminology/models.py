"""The terminology base: the names the office translates once and the chapter reuses.

Why a table of its own beside the trilingual columns: a body's or a place's record keeps its
own names (`name_pt`, `name_en`) and those always win, but many names the chapter prints
have no record to hold them (an event series, "《聯合國反腐敗公約》", a topic's usual
wording), and an imported record starts with empty pt/en columns. A `Term` gives every such
name its official Portuguese and English once, for every record that uses it, this year
and the next; a series term (`第{n}屆指導委員會會議`) covers every session. The office edits
them on the translations page through `services`; `data/terms.json` ships the genre's
names (loaded by a data migration) so a new installation starts with them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.core.models import ReferenceModel
from liaison.core.translation import TrilingualNameModel, chinese_required


class Term(TrilingualNameModel, ReferenceModel):
    """A name in zh-Hant, Portuguese and English; a series' names hold `{n}` (`{nth}`)."""

    class Kind(models.TextChoices):
        BODY = "body", _("body")
        PLACE = "place", _("place")
        SERIES = "series", _("event series")
        NAME = "name", _("standard name")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["kind", "name_zh_hant"]
        constraints = [
            models.UniqueConstraint(fields=["name_zh_hant"], name="term_unique_name"),
            chinese_required("term"),
            models.CheckConstraint(
                condition=models.Q(kind__in=["body", "place", "series", "name"]),
                name="term_kind_valid",
            ),
        ]
