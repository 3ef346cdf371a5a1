from django.urls import path

from liaison.core.views import family_urls
from liaison.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.preview, name="preview"),
    path("download/<str:fmt>/", views.download, name="download"),
    *family_urls(views.PASSAGES, "prose/"),
]
