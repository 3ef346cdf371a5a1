"""The file input of an attachment: its stored file shown as a link to the download view."""

from django.forms import ClearableFileInput

from liaison.attachments.models import AttachmentFileField


class AttachmentFileInput(ClearableFileInput):
    """Shows the uploader's file name linked to the permission-checked download view (the
    stored name is random and the storage has no public URL); a new file may replace it."""

    template_name = "attachments/file_input.html"


#: `formfield_overrides` for an admin that edits attachments.
FILE_LINKS_TO_DOWNLOAD = {AttachmentFileField: {"widget": AttachmentFileInput}}
