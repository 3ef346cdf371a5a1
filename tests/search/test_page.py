"""The /search/ page: in the site layout, grouped, highlighted, paginated, and helpful when
nothing is found."""

import pytest
from django.urls import reverse

from liaison.core.choices import Classification
from tests.factories import ActivityFactory, PartnerBodyFactory

pytestmark = pytest.mark.django_db
URL = reverse("search:results")


@pytest.fixture
def records(agency, indexed):
    ActivityFactory(agency=agency, title_zh_hant="國家監察委員會代表團來訪")
    PartnerBodyFactory(agency=agency, name_zh_hant="國家監察委員會")
    ActivityFactory(
        agency=agency,
        title_zh_hant="監察委員會機密會商",
        classification=Classification.CONFIDENTIAL,
    )
    indexed()


def test_every_page_has_the_search_box(login, viewer):
    page = login(viewer).get(reverse("web:dashboard")).content.decode()
    assert f'action="{URL}"' in page and 'name="q"' in page


def test_results_grouped_with_the_match_marked(login, viewer, records):
    page = login(viewer).get(URL, {"q": "监察委员会"}).content.decode()
    assert "國家<mark>監察委員會</mark>代表團來訪" in page
    assert 'id="kind-activity"' in page and 'id="kind-partnerbody"' in page
    assert "機密會商" not in page
    assert "2 records found" in login(viewer, "en").get(URL, {"q": "监察委员会"}).content.decode()
    assert "找到 2 項符合「监察委员会」的紀錄" in page
    assert "2 registos encontrados" in login(viewer, "pt").get(URL, {"q": "监察"}).content.decode()


def test_a_hidden_record_is_not_counted(login, viewer, records):
    page = login(viewer, "en").get(URL, {"q": "機密"}).content.decode()
    assert "機密會商" not in page
    assert "Nothing you may see matches" in page


def test_nothing_found_says_what_was_searched_and_offers_another_way(login, viewer, records):
    page = login(viewer, "en").get(URL, {"q": "监察总署"}).content.decode()
    assert "“监察总署”" in page
    assert "?q=%E7%9B%A3%E5%AF%9F%E7%B8%BD%E7%BD%B2" in page  # 監察總署, the other script
    assert "?q=%E7%9B%91%E5%AF%9F" in page  # 监察, a shorter query


def test_one_kind_paginated(login, viewer, agency, indexed):
    for number in range(25):
        ActivityFactory(agency=agency, title_zh_hant=f"赴澳門交流{number:02d}")
    indexed()
    client = login(viewer, "en")
    overview = client.get(URL, {"q": "澳门"}).content.decode()
    assert "See all 25 results" in overview
    first = client.get(URL, {"q": "澳门", "kind": "activity"}).content.decode()
    second = client.get(URL, {"q": "澳门", "kind": "activity", "page": 2}).content.decode()
    assert first.count("<mark>") == 20 and second.count("<mark>") == 5
    assert "Page 2 of 2" in second


def test_bad_input_is_no_error(login, viewer, records):
    client = login(viewer)
    for query in ['"', "' OR 1=1 --", "*", "a" * 5000, "%", "NEAR(", "\x00"]:
        assert client.get(URL, {"q": query, "page": "x"}).status_code == 200


def test_anonymous_users_are_sent_to_log_in(client):
    assert client.get(URL, {"q": "監察"}).status_code == 302


def test_a_count_past_the_limit_reads_as_more_than(login, viewer, agency, indexed, monkeypatch):
    from liaison.search import results

    monkeypatch.setattr(results, "COUNTED", 2)
    for number in range(3):
        ActivityFactory(agency=agency, title_zh_hant=f"廉政研討會{number}")
    indexed()
    page = login(viewer, "en").get(URL, {"q": "廉政研討會"}).content.decode()
    assert "More than 2 records found" in page and "(2+)" in page
    assert "See more than 2 results" in page
    page = login(viewer).get(URL, {"q": "廉政研討會", "kind": "activity"}).content.decode()
    assert "(3)" in page  # the kind's own page counts further
