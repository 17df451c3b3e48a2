from trygplan.followup.models import Indicator

URL = "/p/amager/followup/indicators/sigtelser-under-18/"


def test_the_indicator_page_has_a_chart_and_its_table(
    client, followup, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    text = response.content.decode()
    assert response.status_code == 200
    assert 'role="img"' in text
    assert "Solvangscentret rives ned" in text
    assert "Se tallene bag grafen" in text
    assert "Lavere er bedre" in text


def test_a_count_of_four_is_shown_as_less_than_five_and_gets_no_verdict(client, followup):
    text = client.get(URL).content.decode()
    row = text.split('<th scope="row">2016</th>')[-1].split("</tr>")[0]
    assert "&lt;5" in row
    assert "På sporet" not in row and "Ikke på sporet" not in row
    assert ">4<" not in text.split('id="values-table"')[1]


def test_the_real_baseline_is_cited(client, followup):
    text = client.get("/p/amager/followup/indicators/utrygge-beboere/").content.decode()
    baseline = text.split('id="baseline"')[1].split("</dd>")[0]
    assert "2010: 33,3" in baseline
    assert "3Bs beboerundersøgelse fra 2010" in baseline
    assert "Opdigtede demodata" not in baseline


def test_unapproved_values_are_hidden_from_the_public(client, followup):
    text = client.get("/p/amager/followup/indicators/ssp-enkeltsager/").content.decode()
    row = text.split('id="values-table"')[1].split('<th scope="row">2016</th>')[1]
    assert row.split("</td>")[0].strip().endswith("–")  # only the target is shown


def test_members_see_unapproved_values_marked(client, followup, partner):
    client.force_login(partner)
    text = client.get("/p/amager/followup/indicators/ssp-enkeltsager/").content.decode()
    assert "ikke godkendt" in text


def test_another_partnerships_user_gets_the_public_page(client, followup, outsider):
    client.force_login(outsider)
    text = client.get("/p/amager/followup/indicators/ssp-enkeltsager/").content.decode()
    assert "ikke godkendt" not in text


def test_an_unknown_indicator_is_404(client, followup):
    assert client.get("/p/amager/followup/indicators/nope/").status_code == 404


def test_it_refuses_post(client, followup):
    assert client.post(URL).status_code == 405


def test_an_indicator_must_belong_to_a_result_or_an_effect(followup):
    import pytest
    from django.db import IntegrityError, transaction

    indicator = Indicator.objects.get(key="sigtelser-under-18")
    indicator.pk, indicator.key, indicator.result = None, "copy", None
    with pytest.raises(IntegrityError), transaction.atomic():
        indicator.save()
