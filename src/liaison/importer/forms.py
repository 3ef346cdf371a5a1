"""The import page's form: a chapter file, its year and language."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liaison.importer.sources import MAX_BYTES, SourceError, read_chapter_bytes

LANGUAGE_CHOICES = [
    ("auto", _("Detect")),
    ("zh-Hant", _("Chinese (Traditional)")),
    ("zh-Hans", _("Chinese (Simplified)")),
    ("pt", _("Portuguese")),
    ("en", _("English")),
]


class ChapterUploadForm(forms.Form):
    chapter = forms.FileField(
        label=_("Chapter"),
        help_text=_("The chapter's extracted text (.txt), the PDF itself or a Word file (.docx)."),
    )
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    lang = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, initial="auto")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year - 1

    def clean_chapter(self) -> str:
        upload = self.cleaned_data["chapter"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large (the limit is %(mb)s MB)."),
                params={"mb": MAX_BYTES // 1024 // 1024},
            )
        try:
            text, _kind = read_chapter_bytes(upload.read(), upload.name)
        except SourceError as error:
            raise forms.ValidationError(str(error)) from error
        self.filename = upload.name
        return text
