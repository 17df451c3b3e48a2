from trygplan.partnerships.models import Membership, Role
from trygplan.surveys.models import StatisticValue

URL = "/p/amager/tryghed/tal/sigtelser-under-18/"


def test_anyone_reads_the_figures_as_aggregates(client, statistics, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        response = client.get("/p/amager/tryghed/tal/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Sigtelser mod unge under 18 år" in text and "Opdigtede demodata" in text
    assert client.get(URL).status_code == 200
    assert "Registrér" not in client.get(URL).content.decode()


def test_the_coordinator_records_a_revision(client, koordinator, statistics):
    client.force_login(koordinator)
    data = {"year": 2016, "quarter": 4, "value": 2, "status": "final", "note": "Endelige tal"}
    response = client.post(URL, data)
    assert response.status_code == 302
    latest = StatisticValue.objects.filter(series__key="sigtelser-under-18", year=2016, quarter=4)
    assert latest.count() == 2  # the provisional figure is kept
    page = client.get(URL).content.decode()
    assert "&lt;5" in page  # 2 shows as <5


def test_a_bad_figure_is_refused_beside_the_field(client, koordinator, statistics):
    client.force_login(koordinator)
    response = client.post(URL, {"year": 2016, "quarter": 4, "value": -3, "status": "final"})
    assert response.status_code == 200
    assert 'id="id_value_error"' in response.content.decode()


def test_partner_staff_and_anonymous_cannot_record(client, partner, statistics):
    data = {"year": 2016, "quarter": 4, "value": 9, "status": "final", "note": "x"}
    assert client.post(URL, data).status_code == 404
    client.force_login(partner)
    assert client.post(URL, data).status_code == 403


def test_another_partnerships_coordinator_cannot_record(
    client, statistics, tingbjerg, django_user_model
):
    user = django_user_model.objects.create_user("tk")
    Membership.objects.create(user=user, partnership=tingbjerg, role=Role.COORDINATOR)
    client.force_login(user)
    data = {"year": 2016, "quarter": 4, "value": 9, "status": "final", "note": "x"}
    assert client.post(URL, data).status_code == 403


def test_wrong_method(client, statistics):
    assert client.delete(URL).status_code == 405
