"""Build the POST data an admin change form would send back, from the page's context."""

from django import forms


def _bound_values(form, data: dict) -> None:
    for name, field in form.fields.items():
        if isinstance(field, forms.FileField):
            continue  # a browser sends no file unless one is chosen
        value = form[name].value()
        if value is None:
            continue
        key = form.add_prefix(name)
        data[key] = [str(item) for item in value] if isinstance(value, list) else value
        if field.show_hidden_initial:  # rendered as a hidden "initial-" input
            data[form[name].html_initial_name] = data[key]


def form_data(response, **changes) -> dict:
    """The bound values of the page's form and of its inlines' forms (with their management
    forms), as a browser would send them back, with changes."""
    data = {}
    _bound_values(response.context["adminform"].form, data)
    for inline in response.context.get("inline_admin_formsets", ()):
        formset = inline.formset
        _bound_values(formset.management_form, data)
        for form in formset.initial_forms:
            _bound_values(form, data)
    data.update(changes)
    return data


def inline_prefix(response, model) -> str:
    """The prefix of the page's inline formset of `model` rows."""
    return next(
        inline.formset.prefix
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is model
    )
