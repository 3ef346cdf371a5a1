"""`{% family_menu %}`: the record families the user may open, for the site's navigation."""

from django import template

from liaison.core import registry

register = template.Library()


@register.inclusion_tag("core/nav.html", takes_context=True)
def family_menu(context):
    request = context["request"]
    match = request.resolver_match
    current = match.namespace if match else ""
    entries = [
        (
            family.label,
            family.url("list"),
            match is not None
            and match.url_name.startswith(family.name + "_")
            and family.namespace == current,
        )
        for family in registry.navigation(request.user)
    ]
    return {"entries": entries, "active": any(active for _label, _url, active in entries)}
