URL = "/p/amager/followup/indicators/sigtelser-under-18/values.csv"
ROW = "sigtelser-under-18;amager;Politiet;"  # key, area and source open every row


def _years(text: str) -> dict[str, list[str]]:
    """{year: the row's cells after key, area and source}."""
    rows = [line.split(";") for line in text.split("\r\n")[1:] if line]
    return {cells[3]: cells[3:] for cells in rows}


def test_the_csv_is_semicolon_separated_utf8_with_bom(client, followup):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Nøgle;Område;Kilde;År;sigtelser;Ændring;Mål;Status;Godkendt"
    assert all(line.startswith(ROW) for line in lines[1:] if line)


def test_a_small_count_is_less_than_five_in_the_csv_too(client, followup):
    years = _years(client.get(URL).content.decode("utf-8-sig"))
    assert years["2016"][1] == "<5"


def test_the_public_csv_has_no_unapproved_values(client, followup):
    text = client.get("/p/amager/followup/indicators/ssp-enkeltsager/values.csv").content
    assert b"\r\nssp-enkeltsager;amager;SSP;2016;1" not in text and b"nej" not in text


def test_a_member_gets_unapproved_values_marked(client, followup, styregruppe):
    client.force_login(styregruppe)
    text = client.get("/p/amager/followup/indicators/ssp-enkeltsager/values.csv").content
    assert b";nej" in text


def test_another_partnerships_user_gets_only_approved_values(client, followup, outsider):
    client.force_login(outsider)
    text = client.get("/p/amager/followup/indicators/ssp-enkeltsager/values.csv").content
    assert b";nej" not in text


def test_it_refuses_post(client, followup):
    assert client.post(URL).status_code == 405


def test_a_change_that_would_reveal_a_small_count_is_hidden(client, followup):
    years = _years(client.get(URL).content.decode("utf-8-sig"))
    assert years["2015"][2].startswith("-")  # 2014 -> 2015, both shown
    assert years["2016"][2] == "×"
