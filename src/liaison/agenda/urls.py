from django.urls import path

from liaison.agenda import views

app_name = "calendar"
urlpatterns = [
    path("", views.month, name="month"),
    path("agenda/", views.agenda, name="agenda"),
    path("feed/<str:secret>/<str:kind>.ics", views.feed, name="feed"),
    path("feed/new/", views.make_feed_link, name="make_feed_link"),
    path("feed/revoke/", views.revoke_feed_link, name="revoke_feed_link"),
    path("language/", views.set_language, name="language"),
    path("obligations/<int:pk>/done/", views.complete_obligation, name="obligation_done"),
    path("obligations/<int:pk>/waive/", views.waive_obligation, name="obligation_waive"),
    path("obligations/<int:pk>/reopen/", views.reopen_obligation, name="obligation_reopen"),
]
