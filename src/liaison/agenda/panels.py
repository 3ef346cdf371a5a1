"""The calendar's sections of other pages: the feed links and reminder language on the
account page, and an obligation's lifecycle (done, waived, reopened) on its detail page."""

from django.urls import reverse
from django.utils import timezone

from liaison.agenda.choices import EntryKind
from liaison.agenda.feeds import ALL
from liaison.agenda.forms import LanguageForm
from liaison.agenda.models import FeedToken
from liaison.core.views.records import allowed
from liaison.partners.forms import CompleteObligationForm, WaiveObligationForm
from liaison.partners.models import Obligation

#: Where a new feed secret waits, in the session, to be shown once.
NEW_SECRET = "calendar_new_feed_secret"


def feed_links(request, secret: str) -> list[tuple[str, str, str]]:
    """(key, label, absolute URL) of every feed of the secret."""
    kinds = [(ALL, None), *EntryKind.choices]
    return [
        (
            kind,
            label,
            request.build_absolute_uri(reverse("calendar:feed", args=[secret, kind])),
        )
        for kind, label in kinds
    ]


def feed_panel(request) -> dict:
    """The feed links, shown only right after they are made (only a digest is kept)."""
    secret = request.session.pop(NEW_SECRET, None)
    return {
        "token": FeedToken.objects.filter(user=request.user).first(),
        "links": feed_links(request, secret) if secret else [],
        "language_form": LanguageForm(initial={"language": request.user.preferred_language}),
    }


def obligation_panel(record, user):
    """Mark done, waive or reopen, for whoever may change the obligation."""
    if not isinstance(record, Obligation) or not allowed(user, "change", record):
        return None
    initial = {"version": record.version, "completed_on": timezone.localdate()}
    return "calendar/obligation_panel.html", {
        "obligation": record,
        "done_form": CompleteObligationForm(initial=initial, auto_id="done_%s"),
        "waive_form": WaiveObligationForm(initial=initial, auto_id="waive_%s"),
    }
