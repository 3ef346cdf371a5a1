"""The search page: one box, every kind of record the reader may see."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from liaison.search.folding import fold, terms_of
from liaison.search.results import search

MAX_QUERY = 200


def _other_script(query: str) -> str:
    """The query in the other Chinese script, to suggest when nothing was found (folding
    already matches both; the suggestion tells the reader so and offers it)."""
    from liaison.core.text import to_traditional

    traditional = to_traditional(query)
    return traditional if traditional != query else fold(query)


@login_required
def search_page(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    kind = request.GET.get("kind") or None
    kinds = search(request.user, query, kind=kind, page=request.GET.get("page", 1))
    terms = terms_of(query)
    context = {
        "query": query,
        "kind": kind,
        "kinds": kinds,
        "total": sum(found.count for found in kinds),
        "more": any(found.more for found in kinds),
        "other_script": _other_script(query) if query and not kinds else "",
        "shorter": max(terms, key=len)[:2] if terms and not kinds else "",
    }
    return render(request, "search/results.html", context)
