"""The month and agenda pages: what each role sees, how dates show, filters, bad input."""

import datetime
import re

import pytest
from django.urls import reverse

from liaison.activities.choices import DatePrecision
from liaison.core.choices import Role
from liaison.partners.models import PartnerBody
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def page(client, user, name="calendar:month", **query):
    client.force_login(user)
    response = client.get(reverse(name), query, headers={"accept-language": "zh-hant"})
    assert response.status_code == 200
    return response.content.decode()


def test_the_calendar_needs_a_log_in(client):
    response = client.get(reverse("calendar:month"))
    assert response.status_code == 302


@pytest.mark.parametrize("name", ["calendar:month", "calendar:agenda"])
def test_a_viewer_sees_approved_records_only_and_never_a_confidential_one(
    client, viewer, office, name
):
    shown = page(client, viewer, name)
    assert "訪問維也納" in shown and "年度問卷" in shown and "月份課程" in shown
    assert "草擬會議" not in shown
    assert "機密會議" not in shown and "機密機構" not in shown


def test_an_editor_sees_drafts_and_the_named_officer_the_confidential_meeting(
    client, editor, keeper, office
):
    assert "草擬會議" in page(client, editor)
    assert "機密會議" not in page(client, editor)
    assert "機密會議" in page(client, keeper)
    secret_body = PartnerBody.objects.get(name_zh_hant="機密機構")
    chosen = page(client, keeper, "calendar:agenda", body=secret_body.pk)
    assert "機密機構" in chosen and "訪問維也納" in chosen  # the filter names what it chose


def test_a_user_without_a_role_sees_nothing(client, make_user, office):
    assert "訪問維也納" not in page(client, make_user(username="nobody"))


def test_today_is_highlighted_and_a_late_obligation_is_red(client, viewer, office, today):
    shown = page(client, viewer)
    cell = re.search(rf'<td class="today[^"]*">\s*<time datetime="{today:%Y-%m-%d}"', shown)
    assert cell
    late = page(client, viewer, month=f"{office['late'].due_date:%Y-%m}")
    assert re.search(r'class="entry kind-obligation overdue">\s*<a href="[^"]+">逾期會費', late)
    waived = page(client, viewer, month=f"{office['waived'].due_date:%Y-%m}")
    assert re.search(r'class="entry kind-obligation cancelled">\s*<a href="[^"]+">豁免報告', waived)


def test_a_month_only_activity_heads_its_month_not_its_first_day(client, viewer, office, today):
    shown = page(client, viewer)
    heading, grid = shown.split('<table class="calendar-month">')
    assert "月份課程" in heading and "月份課程" not in grid
    agenda = page(client, viewer, "calendar:agenda", start=today.replace(day=1).isoformat())
    assert re.search(rf'<time datetime="{today:%Y-%m}">[^<]+</time> · 日期不詳', agenda)


def test_a_year_only_activity_is_listed_under_its_year_not_on_new_years_day(
    client, viewer, agency, today
):
    for year, title in ((today.year, "年度會議"), (today.year - 1, "去年會議")):
        ActivityFactory(
            agency=agency,
            title_zh_hant=title,
            year=year,
            start_date=None,
            date_precision=DatePrecision.YEAR,
        )
    for month in (1, 7):  # any month of its year, beside the grid, never in it
        heading, grid = page(client, viewer, month=f"{today.year}-{month:02}").split(
            '<table class="calendar-month">'
        )
        assert f"{today.year}年，日期待定" in heading and "年度會議" in heading
        assert "年度會議" not in grid and "去年會議" not in heading + grid
    agenda = page(client, viewer, "calendar:agenda")
    year_heading = rf'<time datetime="{today.year}">{today.year}</time> · 日期待定</h3>'
    assert re.search(
        year_heading + r'\s*<ul class="plain entries"><li[^>]*>\s*<a[^>]*>年度會議', agenda
    )
    assert agenda.index("年度會議") < agenda.index('id="days"') + 400 and "去年會議" not in agenda


def test_the_agenda_lists_late_obligations_first(client, viewer, office, today):
    shown = page(client, viewer, "calendar:agenda")
    overdue = shown.index('id="overdue"')
    assert overdue < shown.index("逾期會費") < shown.index("年度問卷")


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"kind": "outbound_visit"}, "訪問維也納", "年度問卷"),
        ({"kind": "obligation"}, "年度問卷", "訪問維也納"),
        ({"kind": "training"}, "月份課程", "訪問維也納"),
    ],
)
def test_the_kind_filter(client, viewer, office, query, shown, hidden):
    found = page(client, viewer, **query)
    assert shown in found and hidden not in found


def test_the_body_filter(client, viewer, office, agency):
    found = page(client, viewer, body=office["body"].pk)
    assert "訪問維也納" in found and "年度問卷" in found and "月份課程" not in found


def test_a_hidden_body_cannot_be_chosen(client, viewer, office):
    secret_body = office["visit"].bodies.get(name_zh_hant="機密機構")
    found = page(client, viewer, body=secret_body.pk)
    assert "選擇有效的選項" in found  # Django's own message, in Chinese
    assert "機密機構" not in found


@pytest.mark.parametrize(
    ("name", "query", "message"),
    [
        ("calendar:month", {"month": "2025-13"}, "沒有這個月份"),
        ("calendar:month", {"month": "soon"}, "2025-03"),
        ("calendar:agenda", {"start": "2025-03-01", "end": "2025-01-01"}, "結束日期早於開始日期"),
        ("calendar:agenda", {"start": "2020-01-01", "end": "2025-01-01"}, "最多一年"),
        ("calendar:agenda", {"start": "yesterday"}, "有效"),
    ],
)
def test_bad_input_is_said_in_the_users_language(client, viewer, office, name, query, message):
    assert message in page(client, viewer, name, **query)


def test_another_month_is_shown_when_asked(client, viewer, agency):
    ActivityFactory(agency=agency, title_zh_hant="舊會議", start_date=datetime.date(2024, 6, 3))
    assert "舊會議" in page(client, viewer, month="2024-06")
    assert "舊會議" not in page(client, viewer, month="2024-07")


def test_the_pages_read_a_fixed_number_of_queries(
    client, make_user, office, django_assert_max_num_queries
):
    user = make_user(Role.EDITOR, username="counted")
    client.force_login(user)
    for name in ("calendar:month", "calendar:agenda"):
        with django_assert_max_num_queries(14):
            assert client.get(reverse(name)).status_code == 200
