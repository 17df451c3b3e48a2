import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from trygplan.residents import services
from trygplan.residents.models import Report
from trygplan.walks.tests.conftest import make_finding
from trygplan.walks.workflow import FINDING

from .conftest import INSIDE, OUTSIDE_AREA

BASE = "/open311/v2"


@pytest.fixture
def findings(amager):
    from trygplan.walks.models import Walk

    walk = Walk.private_objects.create(
        partnership=amager,
        title="Aftenvandring",
        starts_at=timezone.make_aware(datetime.datetime(2016, 10, 12, 19)),
        light="dark",
        season="autumn",
        status="walked",
    )
    return [
        make_finding(walk, 1, visibility="public", description="Offentlig lampe"),
        make_finding(walk, 2, visibility="partnership", description="Intern sag"),
        make_finding(walk, 3, visibility="police_only", description="Politiets sag"),
    ]


def _post(client, **changes):
    data = {
        "jurisdiction_id": "amager",
        "service_code": "lighting",
        "lat": str(INSIDE[1]),
        "long": str(INSIDE[0]),
        "description": "Lampen ved stien er gået ud.",
        "address_string": "Stien ved boldbanen",
        "email": "bente@example.org",
        "first_name": "Bente",
    }
    data.update(changes)
    return client.post(f"{BASE}/requests.json", data)


def test_services_are_the_finding_categories_in_json_and_xml(client, amager):
    services_json = client.get(f"{BASE}/services.json").json()
    assert {"service_code": "lighting", "service_name": "Belysning"}.items() <= services_json[
        0
    ].items()
    root = ET.fromstring(client.get(f"{BASE}/services.xml").content)
    assert root.tag == "services" and root.find("service/service_code").text == "lighting"


def test_requests_list_only_public_findings_with_their_status(client, findings):
    rows = client.get(f"{BASE}/requests.json", {"jurisdiction_id": "amager"}).json()
    assert [row["service_request_id"] for row in rows] == [str(findings[0].pk)]
    row = rows[0]
    assert row["status"] == "open" and row["service_code"] == "lighting"
    assert row["lat"] == findings[0].lat and row["long"] == findings[0].lon
    assert row["requested_datetime"].startswith("2016-10-12T19:00:00")
    text = client.get(f"{BASE}/requests.xml").content.decode()
    assert "Offentlig lampe" in text and "Intern sag" not in text and "Politiets sag" not in text


def test_a_fixed_finding_is_closed_and_its_steps_are_updates(client, findings, arbejdsgruppe):
    from django.db import transaction

    with transaction.atomic():
        FINDING.apply(findings[0], "fix", user=arbejdsgruppe)
    row = client.get(f"{BASE}/requests/{findings[0].pk}.json").json()[0]
    assert row["status"] == "closed"
    updates = client.get(
        f"{BASE}/servicerequestupdates.json", {"service_request_id": findings[0].pk}
    ).json()
    assert updates[-1]["status"] == "closed" and updates[-1]["description"] == "Udbedret"
    all_updates = client.get(f"{BASE}/servicerequestupdates.xml").content.decode()
    assert f"<service_request_id>{findings[1].pk}</service_request_id>" not in all_updates


def test_a_private_finding_is_not_found(client, findings):
    response = client.get(f"{BASE}/requests/{findings[2].pk}.json")
    assert response.status_code == 404 and response.json()[0]["code"] == 404


def test_posting_a_request_puts_a_report_in_the_queue_and_answers_a_token(client, amager):
    response = _post(client)
    assert response.status_code == 201
    (answer,) = response.json()
    report = Report.private_objects.get()
    assert answer["token"] == report.token and report.source == "open311"
    assert report.get_reporter_url() in answer["service_notice"]
    assert (report.address, report.email) == ("Stien ved boldbanen", "bente@example.org")
    token = client.get(f"{BASE}/tokens/{report.token}.json").json()[0]
    assert token["service_request_id"] is None and token["status"] == "received"


def test_the_token_names_the_public_finding_once_accepted(client, amager, koordinator):
    _post(client)
    report = Report.private_objects.get()
    finding = services.report_accept(
        report=report, user=koordinator, category="lighting", visibility="public", description="x"
    )
    token = client.get(f"{BASE}/tokens/{report.token}.xml").content.decode()
    assert f"<service_request_id>{finding.pk}</service_request_id>" in token
    ids = [r["service_request_id"] for r in client.get(f"{BASE}/requests.json").json()]
    assert str(finding.pk) in ids


def test_a_bad_request_is_an_open311_error_not_a_500(client, amager):
    response = _post(client, lat="nord")
    assert response.status_code == 400 and response.json()[0]["description"].startswith("lat")
    response = _post(client, lat=str(OUTSIDE_AREA[1]), long=str(OUTSIDE_AREA[0]))
    assert response.status_code == 400
    assert "uden for partnerskabets område" in response.json()[0]["description"]
    assert not Report.private_objects.exists()


def test_an_unknown_jurisdiction_is_404(client, amager):
    assert _post(client, jurisdiction_id="odense").status_code == 404


def test_several_partnerships_need_a_jurisdiction_to_post(client, amager, tingbjerg):
    tingbjerg.area = amager.area
    tingbjerg.save()
    response = _post(client, jurisdiction_id="")
    assert response.status_code == 400 and "jurisdiction_id" in response.json()[0]["description"]


def test_a_bad_date_filter_is_400(client, amager):
    response = client.get(f"{BASE}/requests.xml", {"start_date": "i går"})
    assert response.status_code == 400 and b"<errors>" in response.content


def test_responses_carry_etags_and_answer_304(client, findings):
    first = client.get(f"{BASE}/requests.json")
    again = client.get(f"{BASE}/requests.json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert first.status_code == 200 and again.status_code == 304


def test_delete_is_refused(client, amager):
    assert client.delete(f"{BASE}/requests.json").status_code == 405
