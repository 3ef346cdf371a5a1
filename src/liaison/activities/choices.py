"""The five kinds of activity the annual chapter reports, in the chapter's order."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    OUTBOUND_VISIT = "outbound_visit", _("Outbound visit")
    INBOUND_VISIT = "inbound_visit", _("Inbound visit")
    MEETING = "meeting", _("International or regional meeting")
    CONVENTION_REVIEW = "convention_review", _("UNCAC review")
    TRAINING = "training", _("Staff training")


class DatePrecision(models.TextChoices):
    """How much of the date is known: past chapters often give a month, or only the year."""

    YEAR = "year", _("Year only")
    MONTH = "month", _("Month")
    DAY = "day", _("Day")


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class BodyRole(models.TextChoices):
    HOST = "host", _("Host")
    ORGANIZER = "organizer", _("Organizer")
    CO_ORGANIZER = "co_organizer", _("Co-organizer")
    VISITOR = "visitor", _("Visitor")
    VISITED = "visited", _("Visited")
    INVITER = "inviter", _("Invited by")
    PARTNER = "partner", _("Partner")


class TrainingScope(models.TextChoices):
    INTERNAL = "internal", _("Internal")
    EXTERNAL = "external", _("External")
