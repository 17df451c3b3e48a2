import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from trygplan.followup.models import Event, EventAttendance
from trygplan.reporting.models import ReportRound

from .conftest import accept_all

PUBLIC = "/p/amager/reporting/2016/midyear/public/"
NOTE = "Intern-note-1234"
COMMENT = "Partnerkommentar-5678"
OBSTACLE = "Udfordring-9012"


@pytest.fixture
def sent_with_secrets(midyear, koordinator, arbejdsgruppe, amager):
    lysfest = Event.private_objects.create(
        partnership=amager,
        kind="dialogue",
        title="Dialogmøde i beboerhuset",
        starts_at=timezone.make_aware(datetime.datetime(2016, 5, 3, 17)),
        place="Beboerhuset",
    )
    EventAttendance.objects.create(event=lysfest, group="young", count=3)
    EventAttendance.objects.create(event=lysfest, group="adults", count=37)
    part = midyear.parts.get(description__key="ung-i-job")
    part.status_text, part.comment, part.obstacles = "Det går godt.", COMMENT, OBSTACLE
    part.save()
    accept_all(midyear, koordinator)
    ReportRound.private_objects.filter(pk=midyear.pk).update(summary="Godt.", internal_note=NOTE)
    from trygplan.reporting.services import round_transition

    return round_transition(
        round_=ReportRound.private_objects.get(pk=midyear.pk),
        action="recommend",
        user=arbejdsgruppe,
    )


def test_the_public_version_has_no_internal_notes_or_partner_comments(client, sent_with_secrets):
    text = client.get(PUBLIC).content.decode()
    assert "Det går godt." in text
    assert NOTE not in text and COMMENT not in text and OBSTACLE not in text
    assert "Beboerversionen: uden interne noter" in text


def test_the_public_version_shows_a_count_of_one_to_four_as_under_five(client, sent_with_secrets):
    text = client.get(PUBLIC).content.decode()
    row = text.split("Dialogmøde i beboerhuset", 1)[1].split("</tr>", 1)[0]
    assert "&lt;5" in row and "×" in row and ">37<" not in row


def test_the_public_pdf_hides_the_same(client, sent_with_secrets):
    response = client.get(PUBLIC.replace("public/", "public.pdf"))
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "<5" in text and NOTE not in text and COMMENT not in text and OBSTACLE not in text


def test_the_internal_version_has_them(client, sent_with_secrets, koordinator):
    client.force_login(koordinator)
    text = client.get(PUBLIC.replace("public/", "report/")).content.decode()
    assert NOTE in text and COMMENT in text and OBSTACLE in text
    assert "&lt;5" in text  # the small-number rule holds for members too


def test_an_open_round_is_not_public(client, midyear, reporter, outsider):
    assert client.get(PUBLIC).status_code == 404
    client.force_login(outsider)
    assert client.get(PUBLIC).status_code == 404
    client.force_login(reporter)  # a partner sees it once sent, like everyone
    assert client.get(PUBLIC).status_code == 404


def test_those_who_write_the_report_may_preview_the_public_version(client, midyear, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.get(PUBLIC).status_code == 200


def test_everyone_reads_a_sent_public_version(client, sent_with_secrets, outsider, reporter):
    for user in (None, outsider, reporter):
        if user:
            client.force_login(user)
        assert client.get(PUBLIC).status_code == 200


def test_the_public_version_is_get_only(client, sent_with_secrets):
    assert client.post(PUBLIC).status_code == 405
