"""The internal pool page: balance, chart, applications, grants, expenses."""

import datetime
import re

import pytest

from trygplan.pools import services

from .conftest import recommended, submit

URL = "/p/amager/pools/2016/urban_space/manage/"


def test_the_working_group_sees_the_money_and_the_cases(client, urban, grant, arbejdsgruppe):
    services.expense_add(
        grant=grant,
        user=arbejdsgruppe,
        date=datetime.date(2016, 5, 2),
        amount=4_000,
        supplier="Elfirma",
    )
    client.force_login(arbejdsgruppe)
    page = client.get(URL).content.decode()
    assert 'data-key="allocation">100.000 kr.' in page
    assert 'data-key="committed">6.000 kr.' in page
    assert 'data-key="spent">4.000 kr.' in page
    assert 'data-key="available">90.000 kr.' in page
    assert "<svg" in page and 'id="draw-table"' in page
    assert not re.search(r'\b(x|y|x1|y1|x2|y2)="\d+,\d', page), "SVG coordinates localised"
    assert "Elfirma" in page and "Lys i passagen" in page


@pytest.mark.parametrize("username", ["partner", "styregruppe", "koordinator"])
def test_members_of_the_partnership_read(client, urban, application, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    assert "Lys i passagen" in client.get(URL).content.decode()


def test_anonymous_visitors_get_404(client, urban):
    assert client.get(URL).status_code == 404


def test_a_user_of_another_partnership_gets_404(client, urban, outsider):
    client.force_login(outsider)
    assert client.get(URL).status_code == 404


def test_wrong_method(client, urban, partner):
    client.force_login(partner)
    assert client.post(URL).status_code == 405


def test_the_page_has_a_bounded_number_of_queries(
    client, urban, arbejdsgruppe, django_assert_max_num_queries
):
    for n in range(8):
        application = recommended(urban, arbejdsgruppe, title=f"Projekt {n}")
        grant = services.grant_create(
            application=application, amount=10_000, reason="", user=arbejdsgruppe
        )
        services.expense_add(
            grant=grant,
            user=arbejdsgruppe,
            date=datetime.date(2016, 3, 1),
            amount=100,
            supplier="A",
        )
    submit(urban, title="Ny")
    client.force_login(arbejdsgruppe)
    with django_assert_max_num_queries(20):
        assert client.get(URL).status_code == 200
