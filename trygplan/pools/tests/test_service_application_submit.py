"""services.application_submit: all or nothing, once per form."""

import uuid

import pytest
from django.core.exceptions import ValidationError

from trygplan.pools import services
from trygplan.pools.models import Application, ApplicationLine
from trygplan.pools.workflow import APPLICATION
from trygplan.workflows.models import Step

DATA = {
    "title": "Bænke",
    "purpose": "To bænke.",
    "addresses": "Ingen steder at sidde.",
    "applicant_name": "Testbeboer Tove",
    "applicant_email": "tove@example.org",
}


def test_a_bad_budget_line_leaves_nothing_behind(urban):
    with pytest.raises(ValidationError):
        services.application_submit(
            pool=urban,
            data=DATA,
            lines=[("Bænke", 5_000), ("Gratis", 0)],
            files=[],
            submission_key=uuid.uuid4(),
        )
    assert not Application.private_objects.exists()
    assert not ApplicationLine.objects.exists()
    assert not Step.objects.filter(workflow=APPLICATION.name).exists()


def test_the_same_submission_key_returns_the_first_application(urban):
    key = uuid.uuid4()
    first, created = services.application_submit(
        pool=urban, data=DATA, lines=[("Bænke", 5_000)], files=[], submission_key=key
    )
    again, created_again = services.application_submit(
        pool=urban, data=DATA, lines=[("Bænke", 5_000)], files=[], submission_key=key
    )
    assert (created, created_again) == (True, False)
    assert first == again and ApplicationLine.objects.count() == 1


def test_staff_registering_an_application_are_recorded(urban, koordinator):
    application, _created = services.application_submit(
        pool=urban,
        data=DATA,
        lines=[("Bænke", 5_000)],
        files=[],
        submission_key=uuid.uuid4(),
        user=koordinator,
    )
    assert application.created_by == koordinator
    assert APPLICATION.steps(application).get().user == koordinator
