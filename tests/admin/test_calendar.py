"""The calendar's admin pages: feed links listed without their digest and revoked by an
administrator; reminders sent, read-only and only of obligations the reader may see."""

import re

import pytest
from django.urls import reverse

from liaison.agenda.choices import Threshold
from liaison.agenda.models import FeedToken, ReminderSent
from liaison.agenda.services import make_feed_token, record_reminders
from liaison.core.choices import Classification, Role
from tests import factories

pytestmark = pytest.mark.django_db
FEED_LINKS = reverse("admin:calendar_feedtoken_changelist")
REMINDERS = reverse("admin:calendar_remindersent_changelist")


def feed(client, secret: str) -> int:
    return client.get(reverse("calendar:feed", args=[secret, "all"])).status_code


def test_feed_links_are_listed_without_their_digest_and_revoked(
    admin_client_zh, staff_user, other_agency, client
):
    mine, kept = staff_user(Role.VIEWER, username="mine"), staff_user(Role.VIEWER, username="kept")
    stranger = factories.UserFactory(agency=other_agency, username="stranger", roles=[Role.VIEWER])
    secrets = {user.username: make_feed_token(user) for user in (mine, kept, stranger)}
    listed = admin_client_zh.get(FEED_LINKS).content.decode()
    assert "mine" in listed and "kept" in listed and "stranger" not in listed
    token = FeedToken.objects.get(user=mine)
    change = admin_client_zh.get(reverse("admin:calendar_feedtoken_change", args=[token.pk]))
    for page in (listed, change.content.decode()):
        assert token.digest not in page and secrets["mine"] not in page
    assert 'name="_save"' not in change.content.decode()  # nothing to edit
    revoked = admin_client_zh.post(
        FEED_LINKS, {"action": "revoke", "_selected_action": [token.pk]}, follow=True
    )
    assert "已撤銷 1 個行事曆訂閱連結" in revoked.content.decode()
    assert feed(client, secrets["mine"]) == 404
    assert feed(client, secrets["kept"]) == feed(client, secrets["stranger"]) == 200


def test_reminders_sent_are_read_only_and_only_of_obligations_the_reader_may_see(
    admin_client_zh, admin_officer, make_user, agency
):
    keeper = make_user(Role.EDITOR, username="keeper")
    public = factories.ObligationFactory(agency=agency, title_zh_hant="公開問卷")
    secret = factories.ObligationFactory(
        agency=agency, title_zh_hant="機密問卷", classification=Classification.CONFIDENTIAL
    )
    secret.cleared_officers.add(keeper)
    record_reminders(keeper, [(public, Threshold.DAYS_7), (secret, Threshold.DAYS_7)])
    listed = admin_client_zh.get(REMINDERS).content.decode()
    assert "公開問卷" in listed and "機密問卷" not in listed
    assert re.search(r'<p class="paginator">\s*1 已寄提醒', listed)  # not counted either
    shown = ReminderSent.objects.get(obligation=public)
    hidden = ReminderSent.objects.get(obligation=secret)
    assert admin_client_zh.get(reverse("admin:calendar_remindersent_change", args=[shown.pk]))
    hidden_page = reverse("admin:calendar_remindersent_change", args=[hidden.pk])
    assert admin_client_zh.get(hidden_page).status_code == 302  # "does not exist", to the index
    change = reverse("admin:calendar_remindersent_change", args=[shown.pk])
    assert admin_client_zh.post(change, {"threshold": "1"}).status_code == 403
    assert admin_client_zh.get(reverse("admin:calendar_remindersent_add")).status_code == 403
    delete = reverse("admin:calendar_remindersent_delete", args=[shown.pk])
    assert admin_client_zh.post(delete, {"post": "yes"}).status_code == 403
    assert ReminderSent.objects.count() == 2


@pytest.mark.parametrize("page", [FEED_LINKS, REMINDERS])
def test_only_administrators_open_them(page, staff_user, login):
    editor = staff_user(Role.EDITOR, Role.APPROVER, username="staff")
    assert login(editor).get(page).status_code == 403
