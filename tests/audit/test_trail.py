"""The audit page: one timeline for auditors, filtered, told in sentences, exported; the
content of a record the reader is not named on never in it."""

import csv
import io

import openpyxl
import pytest
from auditlog.context import set_actor
from django.urls import reverse
from django.utils import translation

from liaison.audit.models import AuditEvent
from liaison.audit.services import log_event, log_view
from liaison.core.choices import Role
from tests.audit.conftest import SECRET_TITLE
from tests.factories import PartnerBodyFactory

pytestmark = pytest.mark.django_db

PAGE = reverse("audit:trail")


@pytest.fixture
@translation.override("en")
def public_body(agency, named_officer):
    """Changed by an officer working in English: the trail keeps the name as it was written."""
    with set_actor(named_officer):
        body = PartnerBodyFactory(agency=agency, name_en="Open Bureau")
    body.name_en = "Open Bureau of Records"
    with set_actor(named_officer):
        body.save()
    return body


def lines_of(response) -> list[str]:
    assert response.status_code == 200
    return [line.sentence + " " + " ".join(line.details) for line in response.context["page"]]


def test_only_auditors_and_superusers_open_it(login, make_user, auditor, superuser, client):
    assert login(make_user(Role.VIEWER, Role.EDITOR, username="v")).get(PAGE).status_code == 403
    assert client.get(PAGE).status_code == 302
    assert login(auditor).get(PAGE).status_code == 200
    assert login(superuser).get(PAGE).status_code == 200


def test_a_change_is_a_sentence_with_its_fields(login, auditor, public_body):
    text = " ".join(lines_of(login(auditor).get(PAGE, {"who": "named"})))
    assert "named changed partner body “Open Bureau of Records”." in text
    assert "from “Open Bureau” to “Open Bureau of Records”" in text


@pytest.mark.parametrize("who", ["auditor", "superuser"])
def test_a_confidential_records_change_and_view_are_listed_without_content(
    who, request, login, named_officer, secret_event, confidential_activity
):
    log_view(confidential_activity, named_officer)
    response = login(request.getfixturevalue(who)).get(PAGE)
    text = " ".join(lines_of(response))
    assert "named viewed a record (activity) you may not read." in text
    assert "named created a record (event) you may not read." in text
    assert SECRET_TITLE not in response.content.decode()


def test_the_named_officer_who_audits_reads_it(login, make_user, named_officer, secret_event):
    named_officer.groups.add(*make_user(Role.ADMINISTRATOR).groups.all())
    assert SECRET_TITLE in " ".join(lines_of(login(named_officer).get(PAGE)))


def test_a_records_words_find_nothing_the_reader_may_not_read(login, auditor, secret_event):
    assert lines_of(login(auditor).get(PAGE, {"record": SECRET_TITLE})) == []


def test_filters_by_kind_of_event_and_dates(login, auditor, named_officer, public_body, entry):
    log_event(AuditEvent.Kind.EXPORT, user=named_officer, rows=3)
    client = login(auditor)
    assert [*lines_of(client.get(PAGE, {"kind": "export"}))] == ["named: Export. rows: 3"]
    assert all("changed" in line for line in lines_of(client.get(PAGE, {"kind": "changed"})))
    assert lines_of(client.get(PAGE, {"since": "2000-01-01", "until": "2000-01-02"})) == []
    assert lines_of(client.get(PAGE, {"who": "nobody-like-this"})) == []


@pytest.mark.parametrize(
    "query",
    [
        {"since": "2026-02-30"},
        {"since": "2026-03-02", "until": "2026-03-01"},
        {"who": "x" * 5000},
        {"family": "not a number"},
        {"kind": "\x00é"},
        {"who": "a\x00b"},
        {"page": "99999"},
    ],
)
def test_bad_filters_get_a_message_not_an_error(login, auditor, query):
    response = login(auditor).get(PAGE, query)
    assert response.status_code == 200


def test_a_failed_log_in_is_listed_to_the_accounts_auditors(client, login, auditor, make_user):
    make_user(Role.VIEWER, username="officer")
    client.post(reverse("web:login"), {"username": "officer", "password": "wrong"})
    assert "Failed log-in. username: officer" in lines_of(login(auditor).get(PAGE))


def test_the_sentences_are_in_the_readers_language(login, auditor, public_body):
    response = login(auditor).get(PAGE, {"who": "named"}, headers={"accept-language": "pt"})
    assert lines_of(response)[-1].startswith("named criou entidade parceira “")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_holds_the_lines_withholds_the_secret_and_is_recorded(
    fmt, login, auditor, named_officer, secret_event, public_body
):
    with set_actor(named_officer):
        public_body.name_en = "=HYPERLINK(1)"
        public_body.save()
    response = login(auditor).get(reverse("audit:export", args=[fmt]))
    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    text = "\n".join("\t".join(row) for row in rows)
    assert "named changed partner body “'=HYPERLINK(1)”." not in text  # quoted inside a sentence
    assert any(cell.startswith("'=") or "HYPERLINK" in cell for row in rows for cell in row)
    assert not any(cell.startswith("=") for row in rows for cell in row)
    assert SECRET_TITLE not in text
    assert "a record (event) you may not read" in text
    export = AuditEvent.objects.get(kind=AuditEvent.Kind.EXPORT)
    assert (export.actor, export.details["format"]) == (auditor, fmt)


def test_an_unknown_export_format_is_refused(login, auditor):
    assert login(auditor).get(reverse("audit:export", args=["pdf"])).status_code == 400
