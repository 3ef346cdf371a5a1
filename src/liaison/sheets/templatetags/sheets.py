"""`{% sheet_links %}`: the export links under a family's list, when it has a sheet."""

from django import template

from liaison.sheets import registry

register = template.Library()


@register.inclusion_tag("sheets/export_links.html", takes_context=True)
def sheet_links(context):
    family, request = context.get("family"), context["request"]
    kind = family and registry.export_kind(family.model, request.GET)
    return {"family": family, "query": request.GET.urlencode(), "kind": kind}
