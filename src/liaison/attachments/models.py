"""Files attached to any record: invitations, visit reports, certificates.

Stored through Django's storage API (local files by default, S3-compatible storage with
django-storages in a shared deployment). An attachment is visible exactly when its record is.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from liaison.attachments.validators import validate_upload
from liaison.core.models import RecordModel, TrackedModel


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Attachments whose record the user may see (one visibility query per record type)."""
        condition = Q(pk__in=[])
        for content_type_id in self.values_list("content_type", flat=True).distinct():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None or not issubclass(model, RecordModel):
                continue
            visible = model.objects.visible_to(user).values("pk")
            condition |= Q(content_type_id=content_type_id, object_id__in=visible)
        return self.filter(condition)


class Attachment(TrackedModel):
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
    file = models.FileField(
        _("file"), upload_to="attachments/%Y/%m/", validators=[validate_upload], max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=255, editable=False)
    size = models.PositiveBigIntegerField(_("size (bytes)"), editable=False)
    description = models.CharField(_("description"), max_length=300, blank=True)

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
        if self.file and not self.original_name:
            self.original_name = self.file.name.rsplit("/", 1)[-1]
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)
