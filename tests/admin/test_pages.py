"""Every model's admin pages render for an administrator, in Traditional Chinese."""

import pytest
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import reverse

from liaison.activities.models import ActivityBody, DelegationMember
from liaison.agenda.choices import Threshold
from liaison.agenda.models import FeedToken, ReminderSent
from liaison.agenda.services import make_feed_token, record_reminders
from liaison.attachments.models import Attachment
from liaison.audit.models import AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db


def make_object(model, user):
    """One row of `model` the user may see, owned by the user's agency."""
    agency = user.agency
    label = model._meta.label
    if label == "accounts.User":
        return user
    if label == "accounts.Agency":
        return agency
    if label == "audit.AuditEvent":
        return AuditEvent.objects.create(kind=AuditEvent.Kind.EXPORT, actor=user, agency=agency)
    if label == "auditlog.LogEntry":
        factories.ActivityFactory(agency=agency)
        return LogEntry.objects.latest("pk")
    if model is ActivityBody:
        body = factories.PartnerBodyFactory(agency=agency)
        activity = factories.ActivityFactory(agency=agency)
        return ActivityBody.objects.create(activity=activity, body=body, role="host")
    if model is DelegationMember:
        activity = factories.ActivityFactory(agency=agency)
        return DelegationMember.objects.create(
            activity=activity, staff=factories.StaffFactory(agency=agency), is_head=True
        )
    if model is FeedToken:
        make_feed_token(user)
        return user.feed_token
    if model is ReminderSent:
        record_reminders(user, [(factories.ObligationFactory(agency=agency), Threshold.DAYS_1)])
        return ReminderSent.objects.latest("pk")
    if model is Attachment:
        activity = factories.ActivityFactory(agency=agency)
        return Attachment.objects.create(
            content_type=ContentType.objects.get_for_model(activity),
            object_id=activity.pk,
            file=ContentFile(b"%PDF-1.4 invitation", name="invitation.pdf"),
        )
    if model.__name__ == "Event":
        return factories.EventFactory(activity__agency=agency)
    if model.__name__ == "Attendance":
        return factories.AttendanceFactory(course__agency=agency)
    factory = getattr(factories, f"{model.__name__}Factory")
    if model.__name__ in {"Place", "Topic"}:
        return factory()
    if model.__name__ == "CaseAssistanceRequest":
        record = factory(agency=agency)
        record.cleared_officers.add(user)
        return record
    return factory(agency=agency)


MODELS = sorted(
    (model for model in admin.site._registry if model.__module__.startswith("liaison.")),
    key=lambda model: model._meta.label,
)
IDS = [model._meta.label for model in MODELS]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize("model", MODELS, ids=IDS)
def test_changelist_renders_in_chinese(model, admin_client_zh, admin_officer):
    make_object(model, admin_officer)
    opts = model._meta
    response = admin_client_zh.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "zh-hant"


@pytest.mark.parametrize("model", MODELS, ids=IDS)
def test_change_page_renders(model, admin_client_zh, admin_officer):
    obj = make_object(model, admin_officer)
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    response = admin_client_zh.get(url)
    assert response.status_code == 200, response.content[:500]


@pytest.mark.parametrize("model", MODELS, ids=IDS)
def test_add_page_renders_where_adding_is_allowed(model, admin_client_zh, admin_officer, rf):
    model_admin = admin.site._registry[model]
    request = rf.get("/")
    request.user = admin_officer
    opts = model._meta
    response = admin_client_zh.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    expected = 200 if model_admin.has_add_permission(request) else 403
    assert response.status_code == expected


def test_admin_index_is_in_chinese(admin_client_zh):
    response = admin_client_zh.get(reverse("admin:index"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "活動" in text
    assert "對外交流系統" in text  # the site header
    assert "情報交流和協查個案登記冊" in text  # the register, for a register officer


def test_change_log_is_listed_for_administrators(admin_client_zh, admin_officer):
    factories.ActivityFactory(agency=admin_officer.agency)
    response = admin_client_zh.get(reverse("admin:auditlog_logentry_changelist"))
    assert response.status_code == 200


def test_admin_speaks_portuguese_too(login, admin_officer):
    response = login(admin_officer, "pt").get(reverse("admin:index"))
    assert response.headers["Content-Language"] == "pt"
    text = response.content.decode()
    assert "Actividades" in text
    assert "Registo de pedidos de assistência em casos" in text
