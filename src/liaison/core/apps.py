from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "liaison.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from liaison.core.models import RecordModel, ReferenceModel
        from liaison.core.permissions import register_record_rules, register_reference_rules
        from liaison.core.prepared import forget
        from liaison.core.statistics import analyse_sqlite_once
        from liaison.core.trail import connect

        connection_created.connect(analyse_sqlite_once)
        post_migrate.connect(forget, sender=self)
        connect(apps.get_models())

        for model in apps.get_models():
            if issubclass(model, RecordModel):
                register_record_rules(model)
            elif issubclass(model, ReferenceModel):
                register_reference_rules(model)
