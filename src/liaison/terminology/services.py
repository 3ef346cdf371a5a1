"""Writing the terminology base (the translations page calls these), and reading it whole.

Terms are shared reference data: editors keep them through `core.services.save_reference`,
versioned and logged like places and topics.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from liaison.core import services
from liaison.terminology.models import Term
from liaison.terminology.patterns import Terminology, is_pattern, teach

FIELDS = ("kind", "name_zh_hant", "name_pt", "name_en")


def save_term(*, user, data: dict, term: Term | None = None, version: int | None = None) -> Term:
    """Create a term, or change `term` as the user loaded it at `version`."""
    term = term or Term()
    for name in FIELDS:
        if name in data:
            setattr(term, name, (data[name] or "").strip())
    if is_pattern(term.name_zh_hant):
        term.kind = Term.Kind.SERIES
    return services.save_reference(term, user=user, version=version)


def teach_series(
    *, user, zh_hant: str, pt: str, en: str, term: Term | None = None, version=None
) -> Term:
    """A series taught by one session's names: "第7屆指導委員會會議" with its Portuguese and
    English becomes `第{n}屆指導委員會會議`, which names the 8th and the 9th too."""
    try:
        pattern = teach(zh_hant.strip(), pt.strip(), en.strip())
    except ValueError:
        raise ValidationError(
            _(
                "The three names must share the session number (第7屆, 7.ª, 7th) "
                "for the series to name the next sessions."
            ),
            code="no_session_number",
        ) from None
    data = dict(zip(("name_zh_hant", "name_pt", "name_en"), pattern, strict=True))
    return save_term(user=user, data={"kind": Term.Kind.SERIES, **data}, term=term, version=version)


@transaction.atomic
def delete_term(term: Term, *, user) -> None:
    services.require_perm(user, "delete", term)
    term.delete()


def terminology() -> Terminology:
    """The whole base, for translating many names at once (one query)."""
    return Terminology(Term.objects.values_list("name_zh_hant", "name_pt", "name_en"))
