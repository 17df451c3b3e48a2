"""Fuzzing the public application form: whatever a visitor sends, the answer is a page with
Danish messages or the applicant's link, never a server error, and a refused application
leaves no row behind (no application, line, attachment, case step or audit entry)."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from trygplan.audit.models import AuditEntry
from trygplan.core.forms import CONTROL_CHARACTERS
from trygplan.core.tests.fuzzing import (
    FUZZ,
    Requester,
    amount,
    count_rows,
    files,
    rolled_back,
    typed,
)
from trygplan.pools.models import Application, ApplicationLine, Attachment
from trygplan.workflows.models import Step

from .conftest import INSIDE, OUTSIDE

pytestmark = pytest.mark.fuzz
URL = "/p/amager/pools/2016/urban_space/apply/"
MODELS = (Application, ApplicationLine, Attachment, Step, AuditEntry)
GOOD = {
    "title": "Lys i passagen",
    "purpose": "Fire nye lamper.",
    "addresses": "Passagen er mørk.",
    "line_1_item": "Lamper",
    "line_1_amount": "12.000",
    "applicant_name": "Testbeboer Tove",
    "applicant_email": "tove@example.org",
    "consent": "on",
}
FIELDS = [
    "title",
    "purpose",
    "addresses",
    "place",
    "start_date",
    "end_date",
    "from_reference_group",
    "applicant_name",
    "applicant_email",
    "applicant_phone",
    "consent",
    "latitude",
    "longitude",
    "submission_key",
    *[f"line_{row}_item" for row in range(1, 7)],
]

coordinates = st.one_of(
    st.sampled_from([INSIDE, OUTSIDE]).map(lambda p: (str(p[0]), str(p[1]))),
    st.tuples(typed(30), typed(30)),
    st.tuples(st.floats().map(str), st.floats().map(str)),
)
changes = st.dictionaries(
    st.sampled_from(FIELDS + [f"line_{row}_amount" for row in range(1, 7)]),
    st.one_of(typed(), amount()),
    max_size=8,
)
uploads = st.lists(files(), max_size=6)
requester = Requester("pools: public application form")


@given(changes=changes, pin=st.one_of(st.none(), coordinates), attachments=uploads)
@FUZZ
def test_the_public_form_never_fails_and_never_half_saves(client, urban, changes, pin, attachments):
    data = {**GOOD, "submission_key": str(uuid.uuid4()), **changes}
    if pin:
        data["latitude"], data["longitude"] = pin
    if attachments:
        data["attachments"] = [SimpleUploadedFile(name, raw) for name, raw in attachments]
    with rolled_back():
        before = count_rows(*MODELS)
        response = requester.post(URL, data)
        after = count_rows(*MODELS)
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 200:
            assert after == before, "a refused application left rows behind"
        else:
            application = Application.private_objects.order_by("-pk").first()
            assert after[0] - before[0] in (0, 1)
            assert not CONTROL_CHARACTERS.search(application.title + application.purpose)
            assert application.lines.count() >= 1
