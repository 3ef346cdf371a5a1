"""What the search box finds of activities: titles, summaries, the source sentence, their
events, places and topics (a course is an activity, so courses are found here too). A
renamed place or topic rewrites the documents of the activities it is linked to.

The bodies that took part are left out: a body may be hidden from a reader who sees the
activity, and its name must not surface through it; the body is found on its own.
"""

from liaison.activities.models import Activity
from liaison.core.search import SearchIndex


def _rows_and_places(activity):
    for event in activity.events.all():
        yield from (event.title_zh_hant, event.title_pt, event.title_en, event.series)
    for item in (*activity.places.all(), *activity.topics.all()):
        yield from (item.name_zh_hant, item.name_pt, item.name_en)


INDEXES = (
    SearchIndex(
        Activity,
        fields=(
            "title_zh_hant",
            "title_pt",
            "title_en",
            "summary_zh_hant",
            "summary_pt",
            "summary_en",
            "purpose",
            "outcome",
            "source_text",
        ),
        related=_rows_and_places,
        prefetch=("events", "places", "topics"),
        follows=("places", "topics"),
    ),
)
