"""403 and 404 pages in the site's layout and the user's language, with DEBUG off."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import include, path

from liaison.urls import urlpatterns as site_urls

pytestmark = pytest.mark.django_db


def forbidden(request):
    raise PermissionDenied


urlpatterns = [
    path("forbidden-for-test/", forbidden, name="forbidden-for-test"),
    *site_urls,
    # a pattern without a name in a family's namespace: the menu still draws
    path("unnamed-for-test/", include(([path("", forbidden)], "activities"))),
]


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = __name__
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.mark.parametrize(
    ("language", "text"),
    [("zh-hant", "找不到頁面"), ("pt", "Página não encontrada"), ("en", "Page not found")],
)
def test_404_in_the_layout_and_language(production, editor, language, text):
    client = Client(headers={"accept-language": language})
    client.force_login(editor)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert text in page
    assert f'<html lang="{language}"' in page
    assert 'class="language-switcher"' in page
    assert "/static/web/liaison.css" in page


def test_403_in_the_layout_and_language(production, viewer):
    client = Client(headers={"accept-language": "zh-hant"})
    client.force_login(viewer)
    response = client.get("/forbidden-for-test/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "您無權開啟此頁" in page
    assert 'class="container site-header"' in page


def test_a_page_whose_url_has_no_name_draws_the_menu(production, editor):
    client = Client(headers={"accept-language": "zh-hant"})
    client.force_login(editor)
    response = client.get("/unnamed-for-test/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "/activities/" in page  # the family menu
    assert 'aria-current="page"' not in page
