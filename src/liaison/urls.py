"""URL map: the admin, language switching, and each app's pages.

No URL serves uploads: attachments leave only through their permission-checked download.
"""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("activities/", include("liaison.activities.urls")),
    path("partners/", include("liaison.partners.urls")),
    path("people/", include("liaison.people.urls")),
    path("training/", include("liaison.training.urls")),
    path("register/", include("liaison.cooperation.urls")),
    path("import/", include("liaison.importer.urls")),
    path("sheets/", include("liaison.sheets.urls")),
    path("reports/", include("liaison.reports.urls")),
    path("attachments/", include("liaison.attachments.urls")),
    path("search/", include("liaison.search.urls")),
    path("account/", include("liaison.accounts.urls")),
    path("api/", include("liaison.api.urls")),
    path("calendar/", include("liaison.agenda.urls")),
    path("audit/", include("liaison.audit.urls")),
    path("", include("liaison.web.urls")),
]
