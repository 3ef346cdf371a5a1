"""`liaison remind`: 30, 7 and 1 days before and once late, each once; in the recipient's
language; a digest for administrators; nothing a recipient may not see."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from liaison.agenda.choices import Threshold, threshold_for
from liaison.agenda.models import ReminderSent
from liaison.core.choices import Classification, Role
from tests.factories import MembershipFactory, ObligationFactory

pytestmark = pytest.mark.django_db
DUE = datetime.date(2026, 3, 31)
DAY = datetime.timedelta(days=1)


def remind(on: datetime.date) -> str:
    out = io.StringIO()
    call_command("remind", date=on.isoformat(), stdout=out)
    return out.getvalue()


@pytest.fixture
def officer(make_user):
    return make_user(Role.EDITOR, username="officer", email="officer@example.org")


@pytest.fixture
def dues(agency, officer):
    membership = MembershipFactory(agency=agency)
    return ObligationFactory(
        agency=agency,
        membership=membership,
        title_zh_hant="年度會費",
        title_pt="Quota anual",
        due_date=DUE,
        responsible=officer,
    )


@pytest.mark.parametrize(
    ("days_left", "expected"),
    [
        (31, None),
        (30, Threshold.DAYS_30),
        (8, Threshold.DAYS_30),
        (7, Threshold.DAYS_7),
        (2, Threshold.DAYS_7),
        (1, Threshold.DAYS_1),
        (0, Threshold.DAYS_1),
        (-1, Threshold.OVERDUE),
    ],
)
def test_the_threshold_reached(days_left, expected):
    assert threshold_for(days_left) == expected


def test_each_threshold_is_sent_once_however_often_it_runs(dues, officer):
    assert "0 e-mail" in remind(DUE - 31 * DAY)
    remind(DUE - 30 * DAY)
    remind(DUE - 30 * DAY)  # run twice the same day
    remind(DUE - 29 * DAY)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["officer@example.org"]
    remind(DUE - 7 * DAY)
    remind(DUE - 1 * DAY)
    remind(DUE)
    remind(DUE + DAY)
    remind(DUE + 2 * DAY)
    assert len(mail.outbox) == 4
    sent = ReminderSent.objects.filter(recipient=officer).values_list("threshold", flat=True)
    assert sorted(sent) == sorted(["30", "7", "1", "overdue"])


def test_a_missed_day_sends_the_nearest_threshold_only(dues):
    remind(DUE - 5 * DAY)
    assert len(mail.outbox) == 1
    assert "7日內到期" in mail.outbox[0].body
    assert "30日內到期" not in mail.outbox[0].body


def test_a_new_due_date_is_reminded_afresh(dues):
    remind(DUE - 2 * DAY)
    dues.due_date = DUE + 10 * DAY
    dues.save()
    remind(DUE + 3 * DAY)
    assert len(mail.outbox) == 2


def test_the_reminder_is_in_the_recipients_language(dues, officer):
    officer.preferred_language = "pt"
    officer.save()
    remind(DUE + DAY)
    message = mail.outbox[0]
    assert message.subject == "Liaison: prazos de obrigações"
    assert "Quota anual" in message.body and "Em atraso" in message.body


def test_a_settled_obligation_is_not_reminded(dues):
    dues.status = "done"
    dues.completed_on = DUE - 40 * DAY
    dues.save()
    remind(DUE - DAY)
    assert mail.outbox == []


def test_administrators_get_a_digest_of_what_they_may_see(agency, make_user, dues, officer):
    make_user(Role.ADMINISTRATOR, username="chief", email="chief@example.org")
    secret = ObligationFactory(
        agency=agency,
        membership=MembershipFactory(agency=agency),
        title_zh_hant="機密報告",
        due_date=DUE,
        classification=Classification.CONFIDENTIAL,
        responsible=officer,
    )
    secret.cleared_officers.add(officer)
    ObligationFactory(
        agency=agency, membership=dues.membership, title_zh_hant="無人負責", due_date=DUE
    )
    remind(DUE - DAY)
    remind(DUE - DAY)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"chief@example.org", "officer@example.org"}
    digest = by_address["chief@example.org"]
    assert "摘要" in digest.subject
    assert "年度會費" in digest.body and "無人負責" in digest.body
    assert "未指定負責人員" in digest.body
    assert "機密報告" not in digest.body
    assert "機密報告" in by_address["officer@example.org"].body  # named on it
    assert "無人負責" not in by_address["officer@example.org"].body


def test_a_recipient_without_an_address_or_access_gets_nothing(agency, make_user, dues):
    dues.responsible = make_user(username="noroles", email="x@example.org")
    dues.save()
    remind(DUE - DAY)
    assert mail.outbox == []


def test_a_bad_date_is_refused_plainly():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("remind", date="tomorrow")


def test_the_dashboard_lists_what_the_reminders_are_about(client, viewer, agency, today_due):
    client.force_login(viewer)
    page = client.get("/", headers={"accept-language": "zh-hant"}).content.decode()
    deadlines = page.split('id="deadlines"')[1].split("</section>")[0]
    assert "下月會費" in deadlines and "逾期問卷" in deadlines and "已逾期" in deadlines
    assert "遠期報告" not in deadlines


@pytest.fixture
def today_due(agency):
    from django.utils import timezone

    today = timezone.localdate()
    membership = MembershipFactory(agency=agency)
    ObligationFactory(
        agency=agency, membership=membership, title_zh_hant="下月會費", due_date=today + 20 * DAY
    )
    ObligationFactory(
        agency=agency, membership=membership, title_zh_hant="遠期報告", due_date=today + 60 * DAY
    )
    ObligationFactory(
        agency=agency, membership=membership, title_zh_hant="逾期問卷", due_date=today - DAY
    )
