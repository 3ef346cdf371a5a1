"""/api/v1/ (the NinjaAPI, its OpenAPI document and docs page), the account page's token
forms, and a JSON 404 for any other address under /api/."""

import functools

from django.urls import path, re_path
from django.utils.translation import gettext as _

from liaison.api import views
from liaison.api.errors import error_response
from liaison.api.main import api


def json_not_allowed(view):
    """django-ninja answers a method an address does not take in plain text: in JSON here."""

    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and "json" not in response.get("Content-Type", ""):
            allowed = response.get("Allow", "")
            response = error_response(
                405, _("This address does not take %(method)s.") % {"method": request.method}
            )
            response["Allow"] = allowed
        return response

    return answer


ninja_urls, ninja_app, ninja_namespace = api.urls
for pattern in ninja_urls:
    pattern.callback = json_not_allowed(pattern.callback)

urlpatterns = [
    path("v1/", (ninja_urls, ninja_app, ninja_namespace)),
    path("tokens/", views.issue, name="api-token-issue"),
    path("tokens/<int:pk>/revoke/", views.revoke, name="api-token-revoke"),
    re_path(r"^[\s\S]*$", views.not_found),  # not ".": a decoded %0A in a path is ours too
]
