"""What a piece of the chapter's own prose is: where the office wrote it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

#: The years a chapter may be written for: the Macao SAR's, to the end of the century
#: (records may be older; the command, the API and the web pages share this bound).
CHAPTER_YEARS = range(1999, 2101)


class PassageRole(models.TextChoices):
    TITLE = "title", _("Chapter title")
    INTRODUCTION = "introduction", _("Introduction")
    HEADING = "heading", _("Part heading")
    LEAD = "lead", _("Part lead")
    CONTEXT = "context", _("Context sentence")
