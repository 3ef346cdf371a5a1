"""Attendance in the API: listed and read here, added and removed on its course
(POST /activities/{id}/attendance), as on the web."""

from ninja import ModelSchema, Router

from liaison.api.records import record_routes
from liaison.training.models import Attendance
from liaison.training.views import ATTENDANCE

router = Router(tags=["training"])


class AttendanceOut(ModelSchema):
    class Meta:
        model = Attendance
        fields = ["id", "course", "participant", "hours", "completed", "certificate_number"]


record_routes(router, ATTENDANCE, path="attendance", out=AttendanceOut)
