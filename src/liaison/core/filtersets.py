"""What every family's list filters by, defined once: state, classification and a free-text
search over the family's names (the same filtersets later serve the API, exports, iCal)."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from liaison.core.choices import Classification, WorkflowState
from liaison.core.forms import chooser


def visible(model):
    """A filter's choices, read through the chokepoint for the requesting user."""

    def queryset(request):
        if request is None:
            return model.objects.none()
        return model.objects.visible_to(request.user)

    return queryset


class ChoosingFilterSet(django_filters.FilterSet):
    @property
    def form(self):
        """The filter form, where a body, place or person is chosen by typing: a select of
        every one of them would weigh a network's page down (and the API parses the same)."""
        if not hasattr(self, "_form"):
            for field in super().form.fields.values():
                if isinstance(field, forms.ModelChoiceField):
                    chooser(field, quick_add=False)
        return self._form


class SearchFilterSet(ChoosingFilterSet):
    """A `q` box that looks for its words in `search_fields`."""

    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(label=_("Search"), method="search")

    def search(self, queryset, name, value):
        for word in value.split():
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(condition)
        return queryset


class RecordFilterSet(SearchFilterSet):
    state = django_filters.ChoiceFilter(label=_("state"), choices=WorkflowState.choices)
    classification = django_filters.ChoiceFilter(
        label=_("classification"), choices=Classification.choices
    )
