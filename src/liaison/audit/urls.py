from django.urls import path

from liaison.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_trail, name="trail"),
    path("export.<str:fmt>", views.export, name="export"),
]
