"""`liaison demo`: a realistic data set, loaded twice without changing anything."""

from io import StringIO

import pytest
from django.core.management import call_command

from liaison.activities.models import Activity
from liaison.cooperation.models import CaseAssistanceRequest
from liaison.partners.models import Obligation, PartnerBody
from liaison.people.models import Staff
from liaison.training.models import Attendance

pytestmark = pytest.mark.django_db

MODELS = (Activity, PartnerBody, Staff, Attendance, Obligation, CaseAssistanceRequest)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_is_realistic_and_idempotent(django_user_model):
    out = StringIO()
    call_command("demo", stdout=out)
    first = counts()
    assert first["Activity"] >= 19 and first["CaseAssistanceRequest"] == 2
    assert first["Attendance"] > 0 and first["Obligation"] >= 4 and first["Staff"] >= 8
    assert not Activity.objects.exclude(state="approved").exists()
    assert "liaison-demo" in out.getvalue()
    call_command("demo", stdout=StringIO())
    assert counts() == first

    register = django_user_model.objects.get(username="register")
    admin = django_user_model.objects.get(username="admin")
    assert CaseAssistanceRequest.objects.visible_to(register).count() == 2
    assert not CaseAssistanceRequest.objects.visible_to(admin).exists()
    viewer = django_user_model.objects.get(username="viewer")
    assert Activity.objects.visible_to(viewer).count() == first["Activity"]
