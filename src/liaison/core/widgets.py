"""Choosing a linked record by typing (htmx): the form holds only what is chosen, as
checked boxes (radio buttons for a single link), so a page never lists every body or
officer; suggestions come from the family's autocomplete page, read through the chokepoint.
"""

from __future__ import annotations

from django import forms
from django.urls import reverse

from liaison.core.posted import is_stored_integer


class AutocompleteSelect(forms.Select):
    template_name = "core/widgets/autocomplete.html"
    allow_multiple_selected = False

    def __init__(self, family, attrs=None, quick_add=True):
        super().__init__(attrs)
        self.family = family
        self.quick_add = quick_add and bool(family.quick_add)

    def chosen(self, value) -> list:
        """The chosen records (only those: one query, none when nothing is chosen)."""
        wanted = [str(v) for v in (value if isinstance(value, (list, tuple)) else [value])]
        wanted = [v for v in wanted if is_stored_integer(v)]
        if not wanted:
            return []
        return list(self.choices.queryset.filter(pk__in=wanted))

    def input_type_for_choices(self) -> str:
        """Boxes for many, and for an optional one (unticking it clears the choice, which a
        radio button cannot); a radio button for a required one."""
        return "checkbox" if self.allow_multiple_selected or not self.is_required else "radio"

    def get_context(self, name, value, attrs):
        context = super(forms.Select, self).get_context(name, value, attrs)
        box = self.input_type_for_choices()
        query = f"?field={name}&type={box}&id={attrs.get('id', '')}"
        family = self.family
        context["widget"].update(
            chosen=self.chosen(value),
            many=self.allow_multiple_selected,
            input_type=box,
            search_url=reverse(family.url_name("autocomplete")) + query,
            add_url=reverse(family.url_name("quick_add")) + query if self.quick_add else "",
            add_label=family.model._meta.verbose_name,
        )
        return context

    def optgroups(self, name, value, attrs=None):
        return []  # the choices are never all listed

    def value_omitted_from_data(self, data, files, name):
        return False  # no box ticked means nothing chosen


class AutocompleteSelectMultiple(AutocompleteSelect):
    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def format_value(self, value):
        return forms.SelectMultiple.format_value(self, value)


class DatePicker(forms.DateInput):
    """The browser's own date picker. It takes and gives ISO dates whatever the page's
    language; a date in the language's format ("2024年5月2日") would show as empty, and saving
    the form again would lose it."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
