from django.contrib.auth import views as auth_views
from django.urls import path

from liaison.web import translations, views

app_name = "web"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("translations/", translations.translations, name="translations"),
    path(
        "translations/<str:label>/<int:pk>/",
        translations.translate_row,
        name="translate_row",
    ),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
