"""The attachment forms: the staff's upload on a record's page, and the file input that
links a stored file to the download view."""

from django import forms
from django.forms import ClearableFileInput

from liaison.attachments.models import Attachment, AttachmentFileField
from liaison.core.posted import MAX_INTEGER


class AttachmentFileInput(ClearableFileInput):
    """Shows the uploader's file name linked to the permission-checked download view (the
    stored name is random and the storage has no public URL); a new file may replace it."""

    template_name = "attachments/file_input.html"


#: `formfield_overrides` for an admin that edits attachments.
FILE_LINKS_TO_DOWNLOAD = {AttachmentFileField: {"widget": AttachmentFileInput}}


class AttachmentUploadForm(forms.ModelForm):
    """A file for a record, with the record's version the page showed (an upload is a change
    of the record) and, on a second try, the token of the file kept from the first."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_INTEGER)
    kept = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)

    class Meta:
        model = Attachment
        fields = ["file", "kind", "description"]

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, instance=Attachment(record=record), **kwargs)
        self.initial.setdefault("version", record.version)
