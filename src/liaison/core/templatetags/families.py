"""`{% family_menu %}`: the record families the user may open, for the site's navigation."""

from django import template

from liaison.core import registry

register = template.Library()


@register.inclusion_tag("core/nav.html", takes_context=True)
def family_menu(context):
    request = context["request"]
    match = request.resolver_match
    namespace = match.namespace if match else ""
    url_name = (match.url_name if match else None) or ""  # a 404, or a pattern without a name
    entries = []
    for family in registry.navigation(request.user):
        url = family.url("list")
        is_current = family.namespace == namespace and url_name.startswith(f"{family.name}_")
        entries.append((family.label, url, is_current, family.shortcuts))
    return {"entries": entries, "active": any(entry[2] for entry in entries)}
