"""Generic pages every record family is served by (NetBox's generic views, our way).

An app's urls.py says `urlpatterns = family_urls(FAMILY)`; a family that needs a page of its
own passes the view class in `views`.
"""

from __future__ import annotations

from django.urls import path

from liaison.core.registry import Family
from liaison.core.views.autocomplete import AutocompleteView, QuickAddView
from liaison.core.views.base import FamilyView
from liaison.core.views.lists import BulkView, ListView
from liaison.core.views.records import DeleteView, DetailView, EditView, WorkflowView
from liaison.core.views.rows import RowsView

__all__ = ["FamilyView", "family_urls"]

PAGES = {
    "list": ("", ListView),
    "bulk": ("bulk/", BulkView),
    "add": ("add/", EditView),
    "autocomplete": ("autocomplete/", AutocompleteView),
    "quick_add": ("quick-add/", QuickAddView),
    "detail": ("<int:pk>/", DetailView),
    "edit": ("<int:pk>/edit/", EditView),
    "delete": ("<int:pk>/delete/", DeleteView),
    "rows": ("<int:pk>/rows/<str:rows>/", RowsView),
    "row_delete": ("<int:pk>/rows/<str:rows>/<int:row>/delete/", RowsView),
    "workflow": ("<int:pk>/<str:step>/", WorkflowView),
}
READ_ONLY = ("list", "detail")


def family_urls(family: Family, prefix: str = "", views: dict | None = None) -> list:
    """The URL patterns of one family's pages, named `<model>_<page>` in the app's namespace."""
    pages = dict(PAGES) if family.form is not None else {k: PAGES[k] for k in READ_ONLY}
    if not family.is_record:
        pages = {
            k: v for k, v in pages.items() if k not in ("bulk", "workflow", "rows", "row_delete")
        }
    if not family.search_fields:
        pages.pop("autocomplete", None)
    if not family.quick_add:
        pages.pop("quick_add", None)
    chosen = {**{name: view for name, (_route, view) in pages.items()}, **(views or {})}
    return [
        path(prefix + route, chosen[name].as_view(family=family), name=f"{family.name}_{name}")
        for name, (route, _view) in pages.items()
    ]
