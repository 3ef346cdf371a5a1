"""The calendar's own inputs: which month or which days to show, and the language of the
reminders a user receives."""

import datetime

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from liaison.core.widgets import DatePicker

#: The most days the agenda lists at once.
LONGEST_AGENDA = 366
DATE = DatePicker()


class MonthForm(forms.Form):
    month = forms.RegexField(
        label=_("Month"),
        regex=r"^\d{4}-\d{2}$",
        required=False,
        error_messages={"invalid": _("Give a month as year and month, such as 2025-03.")},
        widget=forms.TextInput(attrs={"type": "month"}),
    )

    def first_day(self, today: datetime.date) -> datetime.date:
        """The first day of the month asked for, else of the current month."""
        asked = self.cleaned_data.get("month") if self.is_valid() else None
        if asked:
            return datetime.date(int(asked[:4]), int(asked[5:]), 1)
        return today.replace(day=1)

    def clean_month(self):
        asked = self.cleaned_data["month"]
        if asked and not (1990 <= int(asked[:4]) <= 2100 and 1 <= int(asked[5:]) <= 12):
            raise forms.ValidationError(_("There is no such month in the calendar."))
        return asked


class RangeForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=DATE)
    end = forms.DateField(label=_("To"), required=False, widget=DATE)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end date is before the start date."))
        elif start and end and (end - start).days > LONGEST_AGENDA:
            self.add_error("end", _("Ask for a year at most."))
        return cleaned

    def span(self, today: datetime.date, days: int) -> tuple[datetime.date, datetime.date]:
        """The days asked for, else `days` from today."""
        cleaned = self.cleaned_data if self.is_valid() else {}
        start = cleaned.get("start") or today
        return start, cleaned.get("end") or start + datetime.timedelta(days=days)


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of my reminders"),
        choices=[("", _("The office's language")), *settings.LANGUAGES],
        required=False,
    )
