"""What a piece of the chapter's own prose is: where the office wrote it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PassageRole(models.TextChoices):
    TITLE = "title", _("Chapter title")
    INTRODUCTION = "introduction", _("Introduction")
    HEADING = "heading", _("Part heading")
    LEAD = "lead", _("Part lead")
    CONTEXT = "context", _("Context sentence")
