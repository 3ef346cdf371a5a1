from django.urls import path

from liaison.attachments import views

app_name = "attachments"
urlpatterns = [
    path("<int:pk>/", views.download, name="download"),
    path("<int:pk>/remove/", views.remove, name="remove"),
    path("<slug:family>/<int:pk>/upload/", views.upload, name="upload"),
]
