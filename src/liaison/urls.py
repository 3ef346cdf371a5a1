"""URL map: the admin, language switching, and each app's pages."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("activities/", include("liaison.activities.urls")),
    path("import/", include("liaison.importer.urls")),
    path("reports/", include("liaison.reports.urls")),
    path("", include("liaison.web.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
