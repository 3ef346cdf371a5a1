"""The admin's forms: the version a record (or a row's record) was loaded at, checked under
a row lock before anything is written, and the reason a classification change needs."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from liaison.core import services


class VersionedForm(forms.ModelForm):
    """A form that remembers the version it was loaded at and refuses a stale save."""

    record_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["record_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            services.check_version(self.instance, cleaned.get("record_version"))
        return cleaned


class ChildForm(forms.ModelForm):
    """A row's form (an event, an attendance, a file): it carries the version of the row's
    record as the user loaded it, and refuses the save if anyone changed the record (or any
    of its rows) since, for a row's change is a change of its record."""

    parent_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["parent_version"].initial = self.instance.parent_record.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            services.check_version(self.instance.parent_record, cleaned.get("parent_version"))
        return cleaned


class RecordForm(VersionedForm):
    """A record's form: the version check, plus the reason a classification change needs."""

    change_reason = forms.CharField(
        label=_("reason for the change"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the classification changes; kept in the record's history."),
    )
    #: Set by RecordAdmin.get_form to the user filling the form in.
    current_user = None

    def clean(self):
        cleaned = super().clean()
        user = self.current_user
        if self.instance.pk is None and user is not None and user.agency_id is None:
            raise ValidationError(
                gettext("Your account belongs to no agency; ask an administrator.")
            )
        new_class = cleaned.get("classification")
        if (
            self.instance.pk is not None
            and new_class is not None
            and new_class != self.instance.classification
            and not cleaned.get("change_reason", "").strip()
        ):
            self.add_error(
                "change_reason",
                gettext("Say why the classification changes (a reason is required)."),
            )
        return cleaned
