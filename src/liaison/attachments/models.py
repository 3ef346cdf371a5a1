"""Files attached to any record: invitations, visit reports, certificates.

Stored through Django's storage API (local files by default, S3-compatible storage with
django-storages in a shared deployment) under a random name, the uploader's name kept in
the row. An attachment is visible exactly when its record is, and its file is sent only by
the download view (`liaison.attachments.views`), never from a public URL.
"""

import uuid
from pathlib import PurePath

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from liaison.attachments.validators import validate_upload
from liaison.core.models import ChildModel, RecordModel, TrackedModel


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Attachments whose record the user may see (one visibility query per record type)."""
        condition = Q(pk__in=[])
        for content_type_id in self.order_by().values_list("content_type", flat=True).distinct():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None or not issubclass(model, RecordModel):
                continue
            visible = model.objects.visible_to(user).values("pk")
            condition |= Q(content_type_id=content_type_id, object_id__in=visible)
        return self.filter(condition)


def stored_name(instance, filename: str) -> str:
    """A name nobody can guess, so no path leads to a file but the download view."""
    return f"attachments/{uuid.uuid4().hex}"


class DownloadFieldFile(FieldFile):
    """A stored attachment whose URL is the permission-checked download view."""

    @property
    def url(self) -> str:
        if self.instance.pk is None:
            return ""
        return reverse("attachments:download", args=[self.instance.pk])


class AttachmentFileField(models.FileField):
    attr_class = DownloadFieldFile


class Attachment(ChildModel, TrackedModel):
    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Invitation")
        VISIT_REPORT = "visit_report", _("Visit report")
        CERTIFICATE = "certificate", _("Certificate")
        PROGRAMME = "programme", _("Programme")
        OTHER = "other", _("Other")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices, default=Kind.OTHER)
    file = AttachmentFileField(
        _("file"), upload_to=stored_name, validators=[validate_upload], max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=255, editable=False)
    size = models.PositiveBigIntegerField(_("size (bytes)"), editable=False)
    description = models.CharField(_("description"), max_length=300, blank=True)

    parent_field = "record"
    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="attachment_record")]
        constraints = [
            models.CheckConstraint(condition=models.Q(size__gt=0), name="attachment_not_empty"),
        ]

    def __str__(self) -> str:
        return self.original_name

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:  # a new upload, not yet stored
            self.original_name = PurePath(self.file.name).name[-255:]
            self.size = self.file.size
        super().save(*args, **kwargs)
