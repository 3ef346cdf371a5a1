"""The import page's form: which kind of sheet, and the file."""

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 50 * 1024 * 1024
SUFFIXES = (".xlsx", ".csv")


class SheetUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the sheet holds"))
    sheet = forms.FileField(
        label=_("Sheet"), help_text=_("An Excel workbook (.xlsx) or a CSV file.")
    )

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.name, kind.label) for kind in kinds]

    def clean_sheet(self):
        upload = self.cleaned_data["sheet"]
        if Path(upload.name).suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(_("Upload an Excel workbook (.xlsx) or a CSV file (.csv)."))
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large (the limit is %(mb)s MB)."),
                params={"mb": MAX_BYTES // 1024 // 1024},
            )
        return upload
