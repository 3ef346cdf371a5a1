from django.urls import path

from liaison.sheets import views

app_name = "sheets"
urlpatterns = [
    path("import/", views.upload, name="upload"),
    path("import/confirm/", views.confirm, name="confirm"),
    path("export/<str:family>.<str:fmt>", views.export, name="export"),
    path("template/<str:kind>.xlsx", views.template, name="template"),
]
