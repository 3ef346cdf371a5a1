"""Filters for the chapter's sentence templates, so translators can join lists their way."""

from django import template
from django.utils.dates import MONTHS

from liaison.reports.grammar import with_article

register = template.Library()


@register.filter
def series(items, separators: str = ", | and "):
    """Join `items` as prose: "A、B及C" with `"、|及"`, "A, B and C" with `", | and "`."""
    items = [str(item) for item in items if item]
    separator, _, last = separators.partition("|")
    if len(items) < 2:
        return "".join(items)
    return separator.join(items[:-1]) + (last or separator) + items[-1]


@register.filter
def month_name(number):
    """The month's name in the active language (the chapter's), from Django's catalogue."""
    return MONTHS.get(number, "")


@register.filter
def article(names, preposition: str = ""):
    """A name, or each of a list of names, with its article: `{{ agency|article }}` is "the
    Commission…" in English; `{{ organizers|article:"por" }}` gives "pela Comissão…". In a
    list, names without an article share the preposition: "em Zhuhai, Zhongshan e Shenzhen"."""
    if isinstance(names, str):
        return with_article(names, preposition)
    written, shared = [], False
    for name in names:
        text = with_article(name, preposition)
        is_bare = bool(preposition) and text == f"{preposition} {name}"
        written.append(str(name) if is_bare and shared else text)
        shared = is_bare
    return written
