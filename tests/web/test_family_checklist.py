"""Every record model has each piece docs/adding-models.md lists, so a new family cannot
be half added (NetBox's checklist, enforced)."""

import importlib.util

import pytest
from django.apps import apps
from django.contrib import admin
from django.template.loader import select_template

from liaison.core import registry
from liaison.core.models import RecordModel

RECORD_MODELS = [model for model in apps.get_models() if issubclass(model, RecordModel)]
FAMILY_APPS = sorted({model._meta.app_config.name for model in RECORD_MODELS})


def has_module(app: str, name: str) -> bool:
    return importlib.util.find_spec(f"{app}.{name}") is not None


def test_there_are_record_models_to_check():
    assert len(RECORD_MODELS) >= 7


@pytest.mark.parametrize("model", RECORD_MODELS, ids=lambda model: model.__name__)
def test_record_model_has_every_piece(model):
    family = registry.family_of(model)
    assert family is not None, "register the family in the app's AppConfig.ready()"
    app = model._meta.app_config.name
    for piece in ("filtersets", "forms", "tables", "views", "urls"):
        assert has_module(app, piece), f"{app}.{piece} is missing"
    assert family.filterset._meta.model is model
    assert family.table._meta.model is model
    assert family.form is not None and family.form._meta.model is model
    assert family.form.__module__ == f"{app}.forms"
    assert family.filterset.__module__ == f"{app}.filtersets"
    assert family.table.__module__ == f"{app}.tables"
    assert set(family.urls(pk=1)) >= {"list", "add", "bulk", "detail", "edit", "delete"}
    for page in ("list", "list_results", "detail", "form", "delete"):
        label = model._meta.app_label
        select_template([f"{label}/{family.name}_{page}.html", f"core/{page}.html"])
    assert admin.site.is_registered(model), "register the model in the app's admin.py"


@pytest.mark.parametrize("piece", ["services", "search", "api"])
def test_a_convention_once_started_holds_for_every_family_app(piece):
    """services.py, search.py and api.py are landing app by app: once one family app has
    the piece, every family app must."""
    having = [app for app in FAMILY_APPS if has_module(app, piece)]
    if having:
        assert having == FAMILY_APPS, f"{piece}.py is missing from some family apps"


def test_every_registered_family_has_its_pages():
    for family in registry.families():
        assert {"list", "detail"} <= set(family.urls(pk=1)), family
        assert (family.form is None) == ("add" not in family.urls()), family
