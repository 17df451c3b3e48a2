"""Fuzzing both importers (CSV and Excel) through the import page: whatever file a partner
uploads, the answer is the preview with Danish messages, never a server error; the preview
saves nothing, and a previewed file is then saved whole or not at all."""

import io
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from trygplan.audit.models import AuditEntry
from trygplan.core.forms import CONTROL_CHARACTERS
from trygplan.core.tests.fuzzing import FUZZ, Requester, count_rows, rolled_back, typed
from trygplan.followup.models import IndicatorValue

pytestmark = pytest.mark.fuzz
csv_requester = Requester("followup: CSV importer")
xlsx_requester = Requester("followup: Excel importer")
SIGNED_ROWS = re.compile(r'name="rows" value="([^"]+)"')

keys = st.sampled_from(
    ["ssp-enkeltsager", "netvaerksmoeder", "SSP-enkeltsager om unge fra området"]
)
headers = st.sampled_from(["indikator", "værdi", "status", "note", "Indikator", "VÆRDI", ""])
numbers = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.integers(min_value=0, max_value=10**14).map(str),
    st.from_regex(r"[0-9]{1,3}(\.[0-9]{3}){0,4}(,[0-9]{1,3})?", fullmatch=True),
)
cells = st.one_of(keys, numbers, st.sampled_from(["endelig", "foreløbig", "måske", ""]), typed(80))
tables = st.tuples(
    st.lists(headers, min_size=1, max_size=5),
    st.lists(st.lists(cells, max_size=6), max_size=8),
).map(lambda t: [t[0], *t[1]])


@st.composite
def csv_files(draw):
    table = draw(tables)
    delimiter = draw(st.sampled_from([";", ",", "\t", "|"]))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    quote = draw(st.booleans())
    text = newline.join(delimiter.join(f'"{c}"' if quote else c for c in row) for row in table)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]))
    raw = text.encode(encoding, errors="replace")
    if draw(st.booleans()):  # damage: cut it short, or splice in random bytes
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(max_size=40))
    name = draw(st.sampled_from(["tal.csv", "tal.txt", "tal.tsv", "TAL.CSV", "tal.pdf"]))
    return name, raw


@st.composite
def xlsx_files(draw):
    book = Workbook()
    for row in draw(tables):
        book.active.append(
            [
                draw(st.one_of(st.just(c), st.integers(-5, 10**13), st.floats(), st.none()))
                if c in ("", "0")
                else CONTROL_CHARACTERS.sub("", c)  # a workbook cannot hold them
                for c in row
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    raw = buffer.getvalue()
    if draw(st.integers(0, 4)) == 0:  # damage a byte of the zip
        # (a position drawn independently of the length: openpyxl's timestamps vary it)
        at = draw(st.integers(0, 10**6)) % len(raw)
        raw = raw[:at] + bytes([draw(st.integers(0, 255))]) + raw[at + 1 :]
    return "tal.xlsx", raw


def _url(submission):
    return f"/p/amager/followup/submissions/{submission.pk}/import/"


def _check(requester, client, submission, name, raw):
    url = _url(submission)
    with rolled_back():
        before = count_rows(IndicatorValue, AuditEntry)
        response = requester.post(url, {"file": SimpleUploadedFile(name, raw)}, client=client)
        assert response.status_code == 200, response.status_code
        assert count_rows(IndicatorValue, AuditEntry) == before, "the preview saved something"
        signed = SIGNED_ROWS.search(response.content.decode())
        if signed is None:
            return
        confirm = {"rows": unescape(signed.group(1)), "reason": ""}
        response = requester.post(url, confirm, client=client)
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 200:
            assert count_rows(IndicatorValue, AuditEntry) == before, "half saved"


@given(file=csv_files())
@FUZZ
def test_the_csv_importer_never_fails_and_never_half_saves(client, draft_submission, partner, file):
    if not client.cookies:
        client.force_login(partner)
    _check(csv_requester, client, draft_submission, *file)


@given(file=xlsx_files())
@FUZZ
def test_the_excel_importer_never_fails_and_never_half_saves(
    client, draft_submission, partner, file
):
    if not client.cookies:
        client.force_login(partner)
    _check(xlsx_requester, client, draft_submission, *file)
