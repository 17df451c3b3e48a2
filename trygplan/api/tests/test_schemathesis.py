"""Schemathesis against the API's own OpenAPI schema, in-process through the WSGI app: every
operation, anonymous and with a partner's token, with generated valid (positive) and invalid
(negative) input. No answer may be a server error, use a status or content type the schema
does not declare, or break the declared response schema.

Schemathesis's pytest plugin (`from_fixture`) does not run under pytest 9, so the test walks
the operations through schemathesis's Python API and drives each with Hypothesis itself.
"""

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from .conftest import bearer

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = 10  # per operation and mode


def _run(headers: dict) -> dict:
    """Drive every operation in both modes; returns {operation: calls}."""
    from config.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    calls = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            label = f"{operation.label} ({mode.value})"
            calls[label] = 0
            try:
                _drive(operation.as_strategy(generation_mode=mode), headers, calls, label)
            except Unsatisfiable:
                # Nothing to get wrong (no parameters, no body): no invalid request exists.
                assert mode is GenerationMode.NEGATIVE, label
                del calls[label]
    return calls


def _drive(strategy, headers, calls, label) -> None:
    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def check(case):
        calls[label] += 1
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()


@pytest.fixture
def wsgi_keeps_the_test_transaction():
    """The WSGI handler closes the database connection around each request (Django's test
    client does not): on PostgreSQL that would end the test's transaction. Switched off for
    the test, as the test client does."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_the_api_keeps_to_its_schema_for_anonymous_callers_and_a_partners_token(
    api_demo, wsgi_keeps_the_test_transaction
):
    anonymous = _run({})
    assert len({label.split(" (")[0] for label in anonymous}) == 21, anonymous
    assert all(anonymous.values()), anonymous
    partner = get_user_model().objects.get(username="partner")
    with_token = _run({"Authorization": bearer(partner)["HTTP_AUTHORIZATION"]})
    assert all(with_token.values()), with_token
    print(
        f"schemathesis: {len(anonymous)} operation-modes, "
        f"{sum(anonymous.values()) + sum(with_token.values())} requests"
    )
