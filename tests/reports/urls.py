"""The project's URLs plus the reports app, until the project's urls.py includes it."""

from django.urls import include, path

from liaison.urls import urlpatterns as project_urlpatterns

urlpatterns = list(project_urlpatterns)
if not any(getattr(pattern, "namespace", None) == "reports" for pattern in urlpatterns):
    urlpatterns.append(path("reports/", include("liaison.reports.urls")))
