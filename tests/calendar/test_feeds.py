"""The iCalendar feeds: by secret link only, what each role may see, in the user's
language, valid RFC 5545 for two parsers, UID stable, SEQUENCE bumped, waived cancelled."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation
from ical.calendar_stream import IcsCalendarStream

from liaison.activities.choices import ActivityKind, BodyRole, DatePrecision
from liaison.agenda import services
from liaison.agenda.feeds import feed_bytes
from liaison.agenda.models import FeedToken
from liaison.core import services as record_services
from liaison.partners import services as partner_services
from tests.factories import ActivityFactory
from tests.leaks.readers import normalised

pytestmark = pytest.mark.django_db


def events(body: bytes) -> dict[str, icalendar.Event]:
    """The feed parsed back by icalendar, by summary."""
    calendar = icalendar.Calendar.from_ical(body)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def fetch(client, secret: str, kind: str = "all"):
    return client.get(reverse("calendar:feed", args=[secret, kind]))


def test_a_feed_is_opened_by_its_secret_alone(client, viewer, office):
    secret = services.make_feed_token(viewer)
    response = fetch(client, secret)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "訪問維也納" in events(response.content)
    assert FeedToken.objects.get(user=viewer).last_used_at is not None


def test_only_a_digest_of_the_secret_is_stored(viewer):
    secret = services.make_feed_token(viewer)
    stored = FeedToken.objects.get(user=viewer)
    assert secret not in stored.digest and stored.digest == services.digest_of(secret)


def test_a_new_link_replaces_the_old_and_a_revoked_one_is_404(client, viewer, office):
    old = services.make_feed_token(viewer)
    new = services.make_feed_token(viewer)
    assert fetch(client, old).status_code == 404
    assert fetch(client, new).status_code == 200
    services.revoke_feed_token(viewer)
    missing = client.get("/calendar/feed/never-made/all.ics")
    revoked = fetch(client, new)
    assert revoked.status_code == missing.status_code == 404
    revoked_page = revoked.content.decode().replace(new, "never-made")
    assert normalised(revoked_page) == normalised(missing.content.decode())  # no hint


def test_an_inactive_users_link_and_an_unknown_kind_are_404(client, viewer, office):
    secret = services.make_feed_token(viewer)
    assert fetch(client, secret, "parties").status_code == 404
    viewer.is_active = False
    viewer.save()
    assert fetch(client, secret).status_code == 404


def test_the_account_page_makes_shows_once_and_revokes_the_links(client, viewer, office):
    client.force_login(viewer)
    client.post(reverse("calendar:make_feed_link"))
    page = client.get(reverse("accounts:profile")).content.decode()
    link = page.split('id="feed-all" value="')[1].split('"')[0]
    assert fetch(client, link.split("/feed/")[1].split("/")[0]).status_code == 200
    again = client.get(reverse("accounts:profile")).content.decode()
    assert link not in again  # shown once: only its digest is kept
    client.post(reverse("calendar:revoke_feed_link"))
    assert not FeedToken.objects.filter(user=viewer).exists()
    assert client.get(link).status_code == 404


def test_what_each_role_receives(viewer, editor, keeper, office):
    seen = events(feed_bytes(viewer))
    assert {"訪問維也納", "月份課程", "到期：年度問卷"} <= set(seen)
    assert "草擬會議" not in seen and "機密會議" not in seen
    assert "機密機構" not in feed_bytes(viewer).decode()
    assert "草擬會議" in events(feed_bytes(editor))
    assert "機密會議" not in events(feed_bytes(editor))
    secret = events(feed_bytes(keeper))
    assert "機密會議" in secret
    assert "機密機構" in str(secret["訪問維也納"]["description"])


def test_one_feed_per_kind(viewer, office):
    assert set(events(feed_bytes(viewer, "training"))) == {"月份課程"}
    assert set(events(feed_bytes(viewer, "obligation"))) == {
        "到期：年度問卷",
        "到期：逾期會費",
        "到期：豁免報告",
    }
    assert set(events(feed_bytes(viewer, "outbound_visit"))) == {"訪問維也納"}
    assert not events(feed_bytes(viewer, "convention_review"))


def test_events_are_all_day_in_the_users_language_with_place_and_bodies(viewer, office, today):
    viewer.preferred_language = "pt"
    body = feed_bytes(viewer)
    visit = events(body)["Visita a Viena"]
    assert f"DTSTART;VALUE=DATE:{today:%Y%m%d}".encode() in body
    assert visit.decoded("dtstart") == today
    assert visit.decoded("dtend") == today + datetime.timedelta(days=2)  # exclusive end
    assert str(visit["location"]) == "Viena"
    with translation.override("pt"):
        kind, host = str(ActivityKind.OUTBOUND_VISIT.label), str(BodyRole.HOST.label)
    assert visit["categories"].cats == [kind]
    assert f"聯合國 (UN) ({host})" in str(visit["description"])


def test_a_month_only_activity_spans_its_month_and_says_so(viewer, office, today):
    course = events(feed_bytes(viewer))["月份課程"]
    first = today.replace(day=1)
    assert course.decoded("dtstart") == first
    assert course.decoded("dtend") == (first + datetime.timedelta(days=32)).replace(day=1)
    assert "只知月份" in str(course["description"])


def test_an_activity_known_only_to_its_year_is_left_out(viewer, office, today):
    ActivityFactory(
        agency=viewer.agency,
        title_zh_hant="年度會議",
        year=today.year,
        start_date=None,
        date_precision=DatePrecision.YEAR,
    )
    assert "年度會議" not in events(feed_bytes(viewer)) and "月份課程" in events(feed_bytes(viewer))


def test_uid_stays_and_sequence_rises_when_the_record_changes(editor, office):
    visit = office["visit"]
    before = events(feed_bytes(editor))["訪問維也納"]
    record_services.update_record(
        visit, user=editor, version=visit.version, data={"title_zh_hant": "訪問奧地利"}
    )
    after = events(feed_bytes(editor))["訪問奧地利"]
    assert after["uid"] == before["uid"]
    assert after["sequence"] == before["sequence"] + 1


def test_a_waived_obligation_is_cancelled(editor, office):
    soon = office["soon"]
    partner_services.waive_obligation(soon, user=editor, version=soon.version, reason="取消")
    seen = events(feed_bytes(editor))
    assert seen["到期：年度問卷"]["status"] == "CANCELLED"
    assert seen["到期：逾期會費"]["status"] == "CONFIRMED"
    assert events(feed_bytes(editor))["草擬會議"]["status"] == "TENTATIVE"


def test_the_feed_is_valid_rfc_5545_for_a_second_parser(keeper, office):
    body = feed_bytes(keeper)
    calendar = IcsCalendarStream.calendar_from_ics(body.decode())
    assert len(calendar.events) == len(events(body))
    assert all(event.uid and event.dtstamp for event in calendar.events)
    assert b"\r\n" in body and all(len(line) <= 75 for line in body.split(b"\r\n"))


def test_the_feed_reads_a_fixed_number_of_queries(keeper, office, django_assert_num_queries):
    with django_assert_num_queries(5):  # roles, obligations, activities, places, bodies
        feed_bytes(keeper)
