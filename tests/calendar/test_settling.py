"""An obligation settled from its page (done, waived, reopened), the refusals said in the
user's language with nothing written; the reminders' language chosen on the account page."""

import pytest
from django.urls import reverse

from liaison.core.choices import Classification
from liaison.partners.models import Obligation
from tests.factories import ObligationFactory

pytestmark = pytest.mark.django_db


def post(client, user, name, pk=None, **data):
    client.force_login(user)
    url = reverse(name, args=[pk] if pk else [])
    return client.post(url, data, follow=True, headers={"accept-language": "zh-hant"})


def test_the_detail_page_offers_the_steps_to_a_writer_only(client, editor, viewer, office):
    url = reverse("partners:obligation_detail", args=[office["soon"].pk])
    client.force_login(editor)
    assert "標示完成" in client.get(url).content.decode()
    client.force_login(viewer)
    assert "標示完成" not in client.get(url).content.decode()


def test_done_then_reopened(client, editor, office, today):
    soon = office["soon"]
    page = post(client, editor, "calendar:obligation_done", soon.pk, version=1, completed_on=today)
    assert "義務已儲存" in page.content.decode()
    soon.refresh_from_db()
    assert (soon.status, soon.completed_on) == ("done", today)
    post(client, editor, "calendar:obligation_reopen", soon.pk, version=soon.version)
    soon.refresh_from_db()
    assert soon.status == "open"


def test_waiving_without_a_reason_is_refused_in_chinese(client, editor, office):
    soon = office["soon"]
    page = post(client, editor, "calendar:obligation_waive", soon.pk, version=1, reason="")
    assert "這個欄位是必須的" in page.content.decode()
    assert Obligation.objects.get(pk=soon.pk).status == "open"


def test_a_stale_page_is_refused_and_nothing_written(client, editor, office, today):
    soon = office["soon"]
    page = post(client, editor, "calendar:obligation_done", soon.pk, version=7, completed_on=today)
    assert page.status_code == 200 and "義務已儲存" not in page.content.decode()
    assert Obligation.objects.get(pk=soon.pk).status == "open"


def test_a_viewer_may_not_settle_and_a_hidden_one_is_404(client, viewer, editor, agency, office):
    soon = office["soon"]
    post(client, viewer, "calendar:obligation_waive", soon.pk, version=1, reason="不需要")
    assert Obligation.objects.get(pk=soon.pk).status == "open"
    hidden = ObligationFactory(
        agency=agency,
        membership=soon.membership,
        classification=Classification.CONFIDENTIAL,
        title_zh_hant="機密",
    )
    response = post(client, editor, "calendar:obligation_waive", hidden.pk, version=1, reason="x")
    assert response.status_code == 404


def test_the_reminders_language_is_chosen_on_the_account_page(client, viewer):
    page = post(client, viewer, "calendar:language", language="pt")
    viewer.refresh_from_db()
    assert viewer.preferred_language == "pt"
    assert "您的提醒電郵將以所選語言撰寫" in page.content.decode()
    page = post(client, viewer, "calendar:language", language="klingon")
    viewer.refresh_from_db()
    assert viewer.preferred_language == "pt"
    assert "選擇有效的選項" in page.content.decode()
