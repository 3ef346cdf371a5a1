"""The sheets app's own writes: an import, and the provenance of the records it saved."""

from django.contrib.contenttypes.models import ContentType

from liaison.sheets.models import SheetImport, SheetRow


def start_import(*, user, file: str, sheet: str) -> SheetImport:
    """What an import's rows share: written once, with the first record it saves."""
    return SheetImport.objects.create(file=file[:255], sheet=sheet[:255], imported_by=user)


def record_provenance(sheet_import: SheetImport, saved) -> None:
    """`saved`: (record, row number) pairs of one model, written in one insert."""
    if not saved:
        return
    content_type = ContentType.objects.get_for_model(saved[0][0])
    SheetRow.objects.bulk_create(
        SheetRow(sheet_import=sheet_import, content_type=content_type, object_id=record.pk, row=row)
        for record, row in saved
    )
