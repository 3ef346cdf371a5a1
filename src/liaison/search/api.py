"""Search in the API: the search page's results (every kind the caller may see, counted
through the same chokepoint), as data."""

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from liaison.api.errors import ApiError, errors
from liaison.core import registry
from liaison.search.results import search
from liaison.search.views import MAX_QUERY

router = Router(tags=["search"])


class SearchParams(Schema):
    q: str = Field(..., min_length=1, max_length=MAX_QUERY, description="Words to find.")
    kind: str | None = Field(None, max_length=40, description="One kind (e.g. activity).")
    page: int = Field(1, ge=1, le=10_000, description="The page of one kind's hits.")


class HitOut(Schema):
    id: int
    title: str
    context: str


class KindOut(Schema):
    name: str
    label: str
    count: int
    more: bool = Field(description="More hits than `count`: the count stopped at its limit.")
    hits: list[HitOut]


class SearchOut(Schema):
    query: str
    total: int
    kinds: list[KindOut]


@router.get(
    "/search/",
    response={200: SearchOut, **errors(401, 422, 429)},
    operation_id="search",
    summary="Search every record",
)
def search_records(request, params: Query[SearchParams]):
    names = {family.name for family in registry.families()}
    if params.kind is not None and params.kind not in names:
        raise ApiError(422, _("No such kind of record."), errors={"kind": [params.kind]})
    kinds = search(request.user, params.q.strip(), kind=params.kind, page=params.page)
    return {
        "query": params.q,
        "total": sum(kind.count for kind in kinds),
        "kinds": [
            {
                "name": kind.name,
                "label": str(kind.label),
                "count": kind.count,
                "more": kind.more,
                "hits": [
                    {"id": hit.record.pk, "title": str(hit.record), "context": str(hit.context)}
                    for hit in kind.hits
                ],
            }
            for kind in kinds
        ],
    }
