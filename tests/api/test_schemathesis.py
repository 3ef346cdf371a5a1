"""Schemathesis against the live OpenAPI document: every operation with data that fits the
schema and data that does not; no answer is a server error, and every answer (status,
content type, body) is one the document declares. Bounded in examples so the suite's two
runs stay short."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.db import transaction
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from liaison.api.tokens import issue_token
from liaison.core.choices import Role
from tests.factories import (
    ActivityFactory,
    AgencyFactory,
    PartnerBodyFactory,
    PlaceFactory,
    StaffFactory,
    UserFactory,
)

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
schema.config.generation.update(max_examples=3)  # both modes: 6 cases an operation
schema.config.phases.update(phases=["fuzzing"])
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def token(django_db_setup, django_db_blocker) -> str:
    """An officer of every role but administrator, with a few records to read and write:
    made once for the module inside a transaction undone at its end (each operation's test
    runs in a savepoint of its own, the `db` fixture's, so what it writes is undone too)."""
    with django_db_blocker.unblock(), transaction.atomic():
        agency = AgencyFactory(code="ccac")
        user = UserFactory(
            agency=agency,
            username="fuzzer",
            roles=(Role.EDITOR, Role.APPROVER, Role.REGISTER_OFFICER),
        )
        for pk in (1, 2):
            ActivityFactory(pk=pk, agency=agency)
            PartnerBodyFactory(pk=pk, agency=agency)
            StaffFactory(pk=pk, agency=agency)
            PlaceFactory(pk=pk)
        yield issue_token(user, name="schemathesis")[1]
        transaction.set_rollback(True)


@schema.parametrize()
@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@override_settings(LIAISON_API_RATE_LIMIT="")
def test_every_operation_keeps_to_its_schema(case, token, db):
    response = case.call(headers={"Authorization": f"Bearer {token}"})
    case.validate_response(response, checks=CHECKS)


#: The same document, its operations chained by the links schemathesis infers (the fuzzing
#: schema above runs that phase only, which leaves no links).
Chains = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", get_wsgi_application()
).as_state_machine()


class Workflow(Chains):
    """Sequences of calls chained by the links schemathesis infers from the document (an
    activity created, then read, changed and acted on by the id the answer gave)."""

    token = ""

    def get_call_kwargs(self, case):
        return {"headers": {"Authorization": f"Bearer {self.token}"}}

    def validate_response(self, response, case, **kwargs):
        case.validate_response(response, checks=CHECKS)


@override_settings(LIAISON_API_RATE_LIMIT="")
def test_chained_calls_keep_to_the_schema(token, db):
    Workflow.token = token
    assert "POST /api/v1/activities/ -> 201" in Chains.bundles  # a chain starts there
    Workflow.run(
        settings=settings(
            max_examples=6,
            stateful_step_count=4,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
    )
