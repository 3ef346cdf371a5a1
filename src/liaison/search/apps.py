from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "liaison.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from liaison.core import services
        from liaison.search import indexing

        indexing.discover()
        if indexing.follow_write not in services.after_write:
            services.after_write.append(indexing.follow_write)
