from django.urls import path

from liaison.importer import views

app_name = "importer"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("confirm/", views.confirm, name="confirm"),
]
