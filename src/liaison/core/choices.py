"""Vocabularies shared by every record family."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Classification(models.IntegerChoices):
    """How widely a record may be read; ordered so clearance is a `<=` comparison."""

    PUBLIC = 1, _("Public")
    INTERNAL = 2, _("Internal")
    RESTRICTED = 3, _("Restricted")
    CONFIDENTIAL = 4, _("Confidential")


class WorkflowState(models.TextChoices):
    """A record is final only once approved by someone other than its last author."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")


class Role(models.TextChoices):
    """Roles are Django groups named by these values."""

    VIEWER = "viewer", _("Viewer")
    EDITOR = "editor", _("Editor")
    APPROVER = "approver", _("Approver")
    REGISTER_OFFICER = "register_officer", _("Register officer")
    ADMINISTRATOR = "administrator", _("Administrator")


class RegionGroup(models.TextChoices):
    """The grouping the annual report counts by."""

    MAINLAND = "mainland", _("Mainland China")
    HONG_KONG = "hong_kong", _("Hong Kong")
    MACAU = "macau", _("Macau")
    TAIWAN = "taiwan", _("Taiwan")
    ABROAD = "abroad", _("Abroad")
