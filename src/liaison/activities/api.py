"""Activities in the API: the five kinds as one resource, with their places, topics and
officers named, and their rows: bodies' roles, events and the delegation in lists and
reads, a course's attendance in reads (and its own list, /attendance/)."""

from ninja import ModelSchema, Router

from liaison.activities.forms import ActivityForm
from liaison.activities.models import Activity
from liaison.activities.views import ACTIVITIES
from liaison.api.records import record_routes
from liaison.api.schemas import RECORD_FIELDS

router = Router(tags=["activities"])


class ActivityOut(ModelSchema):
    class Meta:
        model = Activity
        fields = [*RECORD_FIELDS, *ActivityForm._meta.fields, "source_text"]


record_routes(
    router,
    ACTIVITIES,
    path="activities",
    out=ActivityOut,
    listed_rows=("body_roles", "events", "delegation"),
)
