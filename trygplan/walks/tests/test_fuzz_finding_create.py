"""Fuzzing the phone's finding endpoint: whatever a phone sends (or resends), the answer is
JSON, 201/200 for a saved finding or 400 with Danish messages, never a server error; a
refused finding leaves no finding, step, photo or audit entry behind."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from trygplan.audit.models import AuditEntry
from trygplan.core.forms import CONTROL_CHARACTERS
from trygplan.core.tests.fuzzing import FUZZ, Requester, count_rows, files, rolled_back, typed
from trygplan.walks.models import Category, Finding, FindingPhoto
from trygplan.workflows.models import Step

from .conftest import INSIDE, OUTSIDE_AREA, jpeg_bytes

pytestmark = pytest.mark.fuzz
requester = Requester("walks: finding capture endpoint")
MODELS = (Finding, Step, FindingPhoto, AuditEntry)
JSON = {"HTTP_ACCEPT": "application/json"}
FIXED_UUID = "2b0c1a9e-7f7e-4f4a-9a59-2d5b3f1c0e11"  # a phone resending the same finding

numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from([*map(str, INSIDE), *map(str, OUTSIDE_AREA), "0", "-180", "91", "1e308"]),
    typed(40),
)
photos = st.one_of(
    st.none(),
    files(),
    st.just(("IMG_0001.jpg", jpeg_bytes((40, 30)))),
)


@given(
    data=st.fixed_dictionaries(
        {
            "client_uuid": st.one_of(st.uuids().map(str), st.just(FIXED_UUID), typed(40)),
            "lon": numbers,
            "lat": numbers,
            "category": st.one_of(st.sampled_from(Category.values), typed(30)),
        },
        optional={
            "description": typed(12_000),
            "score_feeling": st.one_of(st.sampled_from(["", "0", "3", "4", "-1"]), typed(10)),
            "is_good_place": st.sampled_from(["on", "", "true", "x"]),
        },
    ),
    photo=photos,
)
@FUZZ
def test_the_finding_endpoint_never_fails_and_never_half_saves(
    client, arbejdsgruppe, walk, data, photo
):
    if not client.cookies:
        client.force_login(arbejdsgruppe)
    if photo:
        data["photo"] = SimpleUploadedFile(photo[0], photo[1])
    with rolled_back():
        before = count_rows(*MODELS)
        response = requester.post(
            f"/p/amager/walks/{walk.pk}/findings/", data, client=client, **JSON
        )
        after = count_rows(*MODELS)
        assert response.status_code in (200, 201, 400), response.status_code
        body = json.loads(response.content)
        if response.status_code == 400:
            assert after == before, "a refused finding left rows behind"
            assert body["errors"] and all(
                isinstance(m, str) for ms in body["errors"].values() for m in ms
            )
        elif response.status_code == 201:
            finding = Finding.private_objects.get(pk=body["id"])
            assert after[0] == before[0] + 1 and after[1] == before[1] + 1
            assert not CONTROL_CHARACTERS.search(finding.description)
        else:
            assert after == before
