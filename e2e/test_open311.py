"""Issue 16's journeys: an anonymous client reads the API's schema, lists Amager's public
findings through the API and through Open311, and posts an Open311 report; the coordinator
accepts it as a finding in the browser, and the reporter's status page shows the decision.
A partner with a token submits indicator values through the API; the coordinator approves
them in the browser. A resident reports a place on the public map."""

import pytest
from playwright.sync_api import expect

from .conftest import log_in, log_out

pytestmark = pytest.mark.browser

INSIDE = {"lat": "55.654", "long": "12.5975"}


def test_an_open311_report_becomes_a_finding_and_the_reporter_sees_it(page, amager, plan2016):
    from trygplan.walks.demo import load_demo

    load_demo(partnership=amager, plan=plan2016)
    api = page.request
    schema = api.get("/api/v1/openapi.json").json()
    assert schema["openapi"] == "3.1.0" and "/api/v1/findings" in schema["paths"]
    findings = api.get("/api/v1/findings?area=amager&page_size=200").json()
    requests = api.get("/open311/v2/requests.json?jurisdiction_id=amager").json()
    assert findings["count"] > 0
    assert {str(item["id"]) for item in findings["items"]} == {
        row["service_request_id"] for row in requests
    }

    posted = api.post(
        "/open311/v2/requests.json",
        form={
            "jurisdiction_id": "amager",
            "service_code": "lighting",
            **INSIDE,
            "description": "Lampen ved stien til Remiseparken er gået ud.",
            "address_string": "Stien til Remiseparken",
            "email": "beboer@example.org",
        },
    )
    assert posted.status == 201
    (answer,) = posted.json()
    status_url = "/" + answer["service_notice"].split("://", 1)[1].split("/", 1)[1]

    log_in(page, "koordinator")
    page.goto("/p/amager/reports/")
    page.get_by_role(
        "link", name="Belysning: Lampen ved stien til Remiseparken er gået ud."
    ).click()
    expect(page.locator("#report-facts")).to_contain_text("beboer@example.org")
    form = page.locator("#accept-form")
    form.get_by_label("Synlighed").select_option("public")
    form.get_by_label("Sted").fill("Stien til Remiseparken")
    form.get_by_role("button", name="Opret som fund").click()
    expect(page.get_by_text("Meldingen er oprettet som fund")).to_be_visible()

    log_out(page)
    page.goto(status_url)
    expect(page.locator("#report-status")).to_have_text("Oprettet som fund")
    link = page.locator("#report-decision a")
    expect(link).to_contain_text("Stien til Remiseparken")
    link.click()
    expect(page.locator("#finding-status")).to_contain_text("Ny")
    token = api.get(f"/open311/v2/tokens/{answer['token']}.json").json()[0]
    assert token["service_request_id"] and token["status"] == "accepted"


def test_a_partner_submits_values_with_a_token_and_the_coordinator_approves(page, amager, plan2016):
    from trygplan.followup.demo import load_demo

    load_demo(partnership=amager, plan=plan2016)
    log_in(page, "partner")
    page.goto("/api/tokens/")
    page.get_by_label("Navn på nøglen").fill("SSP's indberetningssystem")
    page.get_by_role("button", name="Opret nøgle").click()
    key = page.locator("#new-key").inner_text()
    log_out(page)

    headers = {"Authorization": f"Bearer {key}"}
    api = page.request
    opened = api.post("/api/v1/submissions", data={"area": "amager", "year": 2017}, headers=headers)
    assert opened.status == 201
    submission = opened.json()
    saved = api.put(
        f"/api/v1/submissions/{submission['id']}/values",
        data={
            "values": [
                {"indicator": "netvaerksmoeder", "value": 9},
                {"indicator": "ssp-enkeltsager", "value": 2, "quality": "final"},
            ]
        },
        headers=headers,
    )
    assert saved.status == 200
    assert api.post(f"/api/v1/submissions/{submission['id']}/submit", headers=headers).ok

    log_in(page, "koordinator")
    page.goto(f"/p/amager/followup/submissions/{submission['id']}/")
    expect(page.locator("#submission-status")).to_have_text("Indsendt")
    expect(page.locator("#submission-values")).to_contain_text("<5 sager")
    page.get_by_role("button", name="Godkend").click()
    expect(page.locator("#submission-status")).to_have_text("Godkendt")
    log_out(page)

    indicators = api.get("/api/v1/indicators?area=amager&page_size=200").json()["items"]
    by_key = {item["key"]: item["id"] for item in indicators}
    years = api.get(f"/api/v1/indicators/{by_key['netvaerksmoeder']}?year=2017").json()["values"]
    assert years[0]["value"] == 9.0 and years[0]["approved"] is True
    small = api.get(f"/api/v1/indicators/{by_key['ssp-enkeltsager']}?year=2017").json()["values"]
    assert small[0]["value"] is None and small[0]["shown"] == "<5"


def test_a_resident_reports_a_place_on_the_public_map(page, amager):
    page.goto("/p/amager/walks/map/")
    heading = page.get_by_role("heading", name="Meld et sted")
    heading.scroll_into_view_if_needed()
    page.locator("#findings-map").click()  # the pin: the map's centre is the area's
    expect(page.get_by_label("Breddegrad")).not_to_have_value("")
    form = page.locator("#report-form")
    form.get_by_label("Belysning").check()
    form.get_by_label("Beskriv stedet og problemet").fill("Mørkt ved cykelstativet.")
    form.get_by_label("Breddegrad").fill(INSIDE["lat"])
    form.get_by_label("Længdegrad").fill(INSIDE["long"])
    form.get_by_role("button", name="Send meldingen").click()
    expect(page.get_by_text("Tak! Vi har modtaget din melding.")).to_be_visible()
    expect(page.locator("#report-status")).to_have_text("Modtaget")
