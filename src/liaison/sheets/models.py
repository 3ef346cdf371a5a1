"""Where an imported record came from: the file, its sheet and the row, for every family.

The chapter importer keeps its provenance in the activity's own `source_ref`; sheets bring
in bodies, places, officers, attendance and obligations too, which have no such field, so
the provenance of a sheet's row is kept here, linked to whatever record it wrote. What one
import shares (the file, who imported it and when) is written once for all its rows.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SheetImport(models.Model):
    """One import of a sheet that wrote records."""

    file = models.CharField(_("file"), max_length=255)
    sheet = models.CharField(_("sheet"), max_length=255)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sheet import")
        verbose_name_plural = _("sheet imports")
        ordering = ["-imported_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file} · {self.sheet}"


class SheetRow(models.Model):
    """A record an import created or changed, and the row of the sheet that did it."""

    sheet_import = models.ForeignKey(
        SheetImport, verbose_name=_("sheet import"), on_delete=models.CASCADE, related_name="rows"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    row = models.PositiveIntegerField(_("row"))

    class Meta:
        verbose_name = _("imported row")
        verbose_name_plural = _("imported rows")
        ordering = ["sheet_import", "row"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="sheetrow_record")]

    def __str__(self) -> str:
        return f"{self.sheet_import} · {self.row}"
