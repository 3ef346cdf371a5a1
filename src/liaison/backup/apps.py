from django.apps import AppConfig


class BackupConfig(AppConfig):
    """The backup and restore commands (no models, no pages)."""

    name = "liaison.backup"
