"""The audit page's filter: who, what kind of record, which record, what kind of event, when."""

from auditlog.registry import auditlog
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from liaison.audit.models import AuditEvent
from liaison.audit.trail import Criteria
from liaison.core.widgets import DatePicker

ACTION_CHOICES = [
    ("created", _("Created")),
    ("changed", _("Changed")),
    ("deleted", _("Deleted")),
    ("viewed", _("Viewed or downloaded")),
]


def family_choices():
    """Every kind of row the change log holds, by name."""
    types = ContentType.objects.get_for_models(*auditlog.get_models())
    named = sorted((capfirst(str(t.name)), t.pk) for t in types.values())
    return [("", _("Any")), *((pk, name) for name, pk in named)]


class TrailFilter(forms.Form):
    who = forms.CharField(label=_("Who"), max_length=150, required=False)
    family = forms.TypedChoiceField(label=_("What"), required=False, coerce=int, empty_value=None)
    record = forms.CharField(label=_("Record"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Kind of event"),
        required=False,
        choices=[("", _("Any")), *ACTION_CHOICES, *AuditEvent.Kind.choices],
    )
    since = forms.DateField(label=_("From"), required=False, widget=DatePicker())
    until = forms.DateField(label=_("To"), required=False, widget=DatePicker())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["family"].choices = family_choices()

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The start date is after the end date."))
        return cleaned

    def criteria(self) -> Criteria:
        data = self.cleaned_data
        family = data.get("family")
        return Criteria(
            who=data.get("who", "").strip(),
            family=ContentType.objects.get_for_id(family) if family else None,
            record=data.get("record", "").strip(),
            kind=data.get("kind", ""),
            since=data.get("since"),
            until=data.get("until"),
        )
