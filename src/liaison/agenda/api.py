"""The caller's iCalendar feed in the API: the same bytes as their secret feed link serves
(everything they may see, or one kind of it, in their language), opened by their token or
session instead of the link's secret."""

from typing import Literal

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from liaison.agenda.feeds import ALL, FEED_KINDS, feed_bytes
from liaison.api.errors import errors

router = Router(tags=["calendar"])
CONTENT_TYPE = "text/calendar"


class FeedParams(Schema):
    kind: Literal[FEED_KINDS] = Field(ALL, description="One kind (e.g. meeting), or all.")


@router.get(
    "/calendar/feed",
    response={200: None, **errors(401, 422, 429)},
    operation_id="calendar_feed",
    summary="Your calendar feed (iCalendar, RFC 5545)",
    openapi_extra={
        "responses": {
            200: {
                "description": "The feed",
                "content": {CONTENT_TYPE: {"schema": {"type": "string"}}},
            }
        }
    },
)
def calendar_feed(request, params: Query[FeedParams]):
    base_url = request.build_absolute_uri("/").rstrip("/")
    body = feed_bytes(request.user, params.kind, base_url=base_url)
    response = HttpResponse(body, content_type=f"{CONTENT_TYPE}; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
