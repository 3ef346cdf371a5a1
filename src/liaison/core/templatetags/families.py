"""`{% family_menu %}`: the record families the user may open, for the site's navigation."""

from django import template

from liaison.core import registry

register = template.Library()


@register.inclusion_tag("core/nav.html", takes_context=True)
def family_menu(context):
    request = context["request"]
    match = request.resolver_match
    current = match.namespace if match else ""
    entries = []
    for family in registry.navigation(request.user):
        url = family.url("list")
        is_current = match is not None and family.namespace == current
        is_current = is_current and match.url_name.startswith(f"{family.name}_")
        entries.append((family.label, url, is_current, family.shortcuts))
    return {"entries": entries, "active": any(entry[2] for entry in entries)}
