from trygplan.residents import services


def test_the_reporter_sees_that_it_waits(client, report):
    response = client.get(report.get_reporter_url())
    html = response.content.decode()
    assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex"
    assert "Modtaget" in html and "ikke set på meldingen endnu" in html


def test_the_reporter_sees_the_reason_of_a_rejection(client, report, koordinator):
    services.report_reject(report=report, reason="Vejen er Vejdirektoratets.", user=koordinator)
    html = client.get(report.get_reporter_url()).content.decode()
    assert "Afvist" in html and "Vejen er Vejdirektoratets." in html


def test_the_reporter_is_led_to_the_public_finding(client, report, koordinator):
    finding = services.report_accept(
        report=report, user=koordinator, category="lighting", visibility="public", description="x"
    )
    html = client.get(report.get_reporter_url()).content.decode()
    assert finding.get_absolute_url() in html


def test_a_finding_for_members_only_is_not_linked(client, report, koordinator):
    finding = services.report_accept(
        report=report,
        user=koordinator,
        category="lighting",
        visibility="partnership",
        description="x",
    )
    html = client.get(report.get_reporter_url()).content.decode()
    assert finding.get_absolute_url() not in html and "vises ikke offentligt" in html


def test_the_contact_details_are_not_on_the_status_page(client, report):
    assert "bente@example.org" not in client.get(report.get_reporter_url()).content.decode()


def test_another_partnerships_address_with_the_token_is_404(client, report, tingbjerg):
    assert client.get(f"/p/tingbjerg/reports/link/{report.token}/").status_code == 404


def test_a_wrong_token_is_404(client, report):
    assert client.get("/p/amager/reports/link/wrong/").status_code == 404


def test_it_refuses_post(client, report):
    assert client.post(report.get_reporter_url()).status_code == 405
