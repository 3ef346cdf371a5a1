"""The form every family's edit page is built on: choices read through the chokepoint, the
version the page loaded carried in a hidden field, trilingual fields laid side by side."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from liaison.core import registry
from liaison.core.translation import CONTENT_LANGUAGES
from liaison.core.widgets import AutocompleteSelect, AutocompleteSelectMultiple

LANGUAGE_SUFFIXES = tuple(f"_{suffix}" for suffix in CONTENT_LANGUAGES)


class RecordForm(forms.ModelForm):
    """A ModelForm that knows its user; services do the writing, never `form.save()`."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=500,
        help_text=_("Required when the classification changes; kept in the history."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = getattr(self.instance, "version", None)
        if not self.instance.pk or not hasattr(self.instance, "classification"):
            self.fields.pop("reason")
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 3)
            if isinstance(field, forms.ModelChoiceField):
                chooser(field)
                field.queryset = self.choices_for(field.queryset)

    def choices_for(self, queryset):
        """Only what the user may see is offered: records through the chokepoint, officers
        of the user's own agency."""
        manager = queryset.model._default_manager
        if hasattr(manager, "visible_to"):  # the manager's is built once per reader
            visible = manager.visible_to(self.user)
            return visible & queryset if queryset.query.has_filters() else visible
        if queryset.model is get_user_model():
            return queryset.filter(agency_id=self.user.agency_id, is_active=True)
        return queryset

    @property
    def many_fields(self) -> list[str]:
        many = {field.name for field in self._meta.model._meta.many_to_many}
        return [name for name in self.fields if name in many]

    def changes(self) -> tuple[dict, dict]:
        """(field values, many-to-many values) as the services take them."""
        skip = {"version", "reason", *self.many_fields}
        data = {name: value for name, value in self.cleaned_data.items() if name not in skip}
        many = {name: self.cleaned_data[name] for name in self.many_fields}
        return data, many

    def rows(self) -> list[list[forms.BoundField]]:
        """Visible fields in order; a field's three languages share one row."""
        rows, seen = [], set()
        for bound in self.visible_fields():
            if bound.name in seen or bound.name == "reason":
                continue
            stem = next(
                (bound.name[: -len(s)] for s in LANGUAGE_SUFFIXES if bound.name.endswith(s)), None
            )
            group = [f"{stem}{s}" for s in LANGUAGE_SUFFIXES] if stem else [bound.name]
            group = [name for name in group if name in self.fields]
            seen.update(group)
            rows.append([self[name] for name in group])
        if "reason" in self.fields:
            rows.append([self["reason"]])
        return rows


def chooser(field: forms.ModelChoiceField, quick_add: bool = True) -> None:
    """Links to a family with search fields are chosen by typing, not from a full list
    (a list's filters choose so too, without the short form that adds a record)."""
    family = registry.family_of(field.queryset.model)
    if family is None or not family.search_fields:
        return
    many = isinstance(field, forms.ModelMultipleChoiceField)
    widget = (AutocompleteSelectMultiple if many else AutocompleteSelect)(
        family, quick_add=quick_add
    )
    widget.is_required = field.required
    widget.choices = field.choices  # the field hands its queryset to its widget when set
    field.widget = widget
