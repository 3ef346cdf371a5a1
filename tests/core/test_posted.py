"""A posted number counts only when a database column could hold it: no 500 on a
tampered form's 5,000-digit version."""

import pytest
from django.urls import reverse

from liaison.core.posted import MAX_INTEGER, is_stored_integer
from tests.factories import ActivityFactory, EventFactory


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7", True),
        (str(MAX_INTEGER), True),
        (str(MAX_INTEGER + 1), False),
        ("9" * 5000, False),
        ("", False),
        ("-3", False),
        ("٣", False),  # an Arabic-Indic digit: isdigit() says yes, the database says no
        ("1e3", False),
    ],
)
def test_what_counts_as_a_stored_integer(value, expected):
    assert is_stored_integer(value) is expected


@pytest.mark.django_db
def test_a_workflow_step_with_a_huge_version_is_refused_not_a_500(client, editor, agency):
    activity = ActivityFactory(agency=agency, state="draft")
    client.force_login(editor)
    url = reverse("activities:activity_workflow", args=[activity.pk, "submit"])
    response = client.post(url, {"version": "9" * 5000})
    assert response.status_code < 500
    activity.refresh_from_db()
    assert activity.state == "draft"


BAD_VERSIONS = [None, "", "abc", "9" * 5000, "-1", "٣"]


def error_messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level_tag == "error"]


def posted(version) -> dict:
    return {"reason": "重複"} if version is None else {"reason": "重複", "version": version}


@pytest.mark.django_db
@pytest.mark.parametrize("version", BAD_VERSIONS)
def test_a_delete_without_the_version_its_page_showed_is_refused(
    client, administrator, agency, version
):
    """Deleting at the version stored now would skip the check for a change in between."""
    activity = ActivityFactory(agency=agency)
    client.force_login(administrator)
    url = reverse("activities:activity_delete", args=[activity.pk])
    response = client.post(url, posted(version), follow=True, headers={"accept-language": "en"})
    detail = reverse("activities:activity_detail", args=[activity.pk])
    assert response.redirect_chain[0][0] == detail
    assert error_messages(response) == ["The page was out of date; reload it and try again."]
    assert type(activity).objects.filter(pk=activity.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("version", [None, "abc", "9" * 5000])
def test_a_workflow_step_or_row_removal_without_its_version_is_refused(
    client, editor, agency, version
):
    activity = ActivityFactory(agency=agency, state="draft")
    event = EventFactory(activity=activity)
    client.force_login(editor)
    data = {} if version is None else {"version": version}
    for url in (
        reverse("activities:activity_workflow", args=[activity.pk, "submit"]),
        reverse("activities:activity_row_delete", args=[activity.pk, "events", event.pk]),
    ):
        response = client.post(url, data, follow=True, headers={"accept-language": "en"})
        assert error_messages(response) == ["The page was out of date; reload it and try again."]
    activity.refresh_from_db()
    assert activity.state == "draft" and activity.events.filter(pk=event.pk).exists()
