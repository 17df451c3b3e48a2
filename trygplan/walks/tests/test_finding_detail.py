def _url(finding):
    return f"/p/amager/walks/findings/{finding.pk}/"


def test_members_see_owner_deadline_and_the_step_form(client, koordinator, findings):
    client.force_login(koordinator)
    response = client.get(_url(findings["partnership"]))
    content = response.content.decode()
    assert "Kælderskakten" in content
    assert "Frist" in content and "Synlighed" in content
    assert "Næste skridt" in content


def test_a_read_only_partner_sees_the_finding_without_the_step_form(client, partner, findings):
    client.force_login(partner)
    content = client.get(_url(findings["partnership"])).content.decode()
    assert "Kælderskakten" in content
    assert "Næste skridt" not in content


def test_the_public_sees_a_public_finding_and_its_status_but_no_internals(client, findings):
    response = client.get(_url(findings["public"]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Stien ved Remiseparken" in content and "Ny" in content
    assert "Synlighed" not in content and "Frist" not in content


def test_non_public_findings_are_404_for_the_public_and_outsiders(client, outsider, findings):
    assert client.get(_url(findings["partnership"])).status_code == 404
    client.force_login(outsider)
    assert client.get(_url(findings["partnership"])).status_code == 404
    assert client.get(_url(findings["police"])).status_code == 404


def test_police_only_findings_are_404_for_members_without_police_access(
    client, koordinator, police, findings
):
    client.force_login(koordinator)
    assert client.get(_url(findings["police"])).status_code == 404
    client.force_login(police)
    assert client.get(_url(findings["police"])).status_code == 200


def test_it_refuses_post(client, koordinator, findings):
    client.force_login(koordinator)
    assert client.post(_url(findings["public"])).status_code == 405
