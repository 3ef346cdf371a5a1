"""Choosing a linked record by typing (core/widgets.py): suggestions read through the
chokepoint, and a new body or place added from within another record's form, through the
services, without leaving it (the form's input stays as it is)."""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.forms import modelform_factory
from django.http import Http404
from django.template.response import TemplateResponse

from liaison.core import services
from liaison.core.views.base import FamilyView
from liaison.core.views.lists import may_add

SUGGESTIONS = 10
FIELD_NAME = re.compile(r"^[\w-]{1,100}$")


class ChooserView(FamilyView):
    """What every chooser request says: the form field's name, its boxes' type, its id."""

    def chooser(self) -> dict:
        params = self.request.GET
        name, widget_id = params.get("field", ""), params.get("id", "")
        if not FIELD_NAME.match(name) or (widget_id and not FIELD_NAME.match(widget_id)):
            raise Http404
        return {
            "name": name,
            "type": "checkbox" if params.get("type") == "checkbox" else "radio",
            "chosen_id": f"{widget_id}-chosen",
        }


class AutocompleteView(ChooserView):
    action = "autocomplete"

    def get(self, request):
        query = request.GET.get("q", "").strip()[:100]
        items = []
        if query:
            condition = reduce(
                or_, (Q(**{f"{f}__icontains": query}) for f in self.family.search_fields)
            )
            items = self.family.visible(request.user).filter(condition)[:SUGGESTIONS]
        context = {**self.chooser(), "items": items, "query": query}
        return TemplateResponse(request, "core/autocomplete.html", context)


class QuickAddView(ChooserView):
    """A short form of the family's own, posted by htmx from inside another form; the new
    record joins the chosen ones (out of band) and the short form comes back blank."""

    action = "quick_add"

    def form_class(self):
        family = self.family
        return modelform_factory(family.model, form=family.form, fields=family.quick_add)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not may_add(self.family, request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(self.form_class()(user=request.user, prefix=self.prefix()))

    def post(self, request):
        form = self.form_class()(request.POST, user=request.user, prefix=self.prefix())
        added = None
        if form.is_valid():
            data, many = form.changes()
            try:
                added = self.create(data, many)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                form = self.form_class()(user=request.user, prefix=self.prefix())
        return self.render(form, added)

    def create(self, data, many):
        model, user = self.family.model, self.request.user
        if self.family.is_reference:
            return services.create_reference(model, user=user, data=data)
        return services.create_record(model, user=user, data=data, many=many)

    def prefix(self) -> str:
        return f"new-{self.chooser()['name']}"

    def render(self, form, added=None):
        context = {
            **self.chooser(),
            "form": form,
            "added": added,
            "url": self.request.get_full_path(),
        }
        return TemplateResponse(self.request, "core/quick_add.html", context)
