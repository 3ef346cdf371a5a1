"""One search document per record: its text in every language, folded for matching.

The document holds no visibility of its own: every query joins it to the record family's
`visible_to`, so a hit the reader may not see is neither shown nor counted, and a change of
classification, state or named officers needs no reindexing.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    #: The record's texts as written (one a line), for the match shown in context.
    text = models.TextField(blank=True)
    #: The first text (its name or title), folded: a hit there ranks first.
    title_folded = models.CharField(max_length=500, blank=True)
    #: All the texts folded (search.folding), which the engine matches substrings in.
    folded = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_document_per_record"
            )
        ]
        #: A record whose name is the query ranks first, however many hits there are.
        indexes = [
            models.Index(fields=["content_type", "title_folded"], name="search_document_named")
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}"
