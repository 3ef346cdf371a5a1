"""Attendance, recorded on its course's page: hours within the course's own."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from liaison.core.forms import RecordForm
from liaison.training.models import Attendance


class AttendanceForm(RecordForm):
    class Meta:
        model = Attendance
        fields = ["participant", "hours", "completed", "certificate_number"]

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        course_hours = self.instance.course.training_hours
        if hours <= 0:
            raise ValidationError(_("Hours attended must be more than zero."))
        if course_hours is not None and hours > course_hours:
            raise ValidationError(
                _("More hours than the course has (%(hours)s).") % {"hours": course_hours}
            )
        return hours
