"""Build the POST data an admin change form would send back, from the page's context."""


def form_data(response, **changes) -> dict:
    """The bound values of the page's form and its inlines' management forms, with changes."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(item) for item in value] if isinstance(value, list) else value
        if form.fields[name].show_hidden_initial:  # rendered as a hidden "initial-" input
            data[form[name].html_initial_name] = data[name]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = management[name].value()
    data.update(changes)
    return data
