from datetime import date

from trygplan.followup.models import DeliverableProgress
from trygplan.plans.models import Deliverable

URL = "/p/amager/plans/2016/"
BOARD = "/p/amager/followup/2016/status/"


def _youth_deliverable():
    return Deliverable.objects.get(description__plan__year=2016, quantity=40, unit="unge")


def test_the_board_shows_each_activity_with_money_and_status(
    client, followup, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = client.get(BOARD)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Ung i job" in text
    assert "1.500.000" in text  # the plan year's total
    assert "På sporet hvis prognosen er mindst 85 % af målet" in text
    assert "Opdigtede demodata" in text


def test_mid_year_it_forecasts_the_year_end(client, amager, plan2016):
    DeliverableProgress.objects.create(
        deliverable=_youth_deliverable(), date=date(2016, 3, 1), count=17
    )
    text = client.get(BOARD + "?on=2016-07-01").content.decode()
    assert "på vej mod 34 af mindst 40 unge" in text
    assert "På sporet" in text


def test_progress_after_the_date_shown_is_not_counted(client, amager, plan2016):
    DeliverableProgress.objects.create(
        deliverable=_youth_deliverable(), date=date(2016, 9, 1), count=40
    )
    text = client.get(BOARD + "?on=2016-07-01").content.decode()
    assert "Ikke på sporet" in text


def test_a_draft_plans_board_is_hidden_from_the_public(client, draft2017):
    assert client.get("/p/amager/followup/2017/status/").status_code == 404


def test_a_user_of_another_partnership_cannot_see_a_draft_board(client, draft2017, outsider):
    client.force_login(outsider)
    assert client.get("/p/amager/followup/2017/status/").status_code == 404


def test_a_partner_sees_the_draft_board_without_the_record_button(client, draft2017, partner):
    client.force_login(partner)
    text = client.get("/p/amager/followup/2017/status/").content.decode()
    assert "Statustavle 2017" in text
    assert "Registrér fremdrift" not in text


def test_the_coordinator_gets_the_record_button(client, followup, koordinator):
    client.force_login(koordinator)
    assert "Registrér fremdrift" in client.get(BOARD).content.decode()


def test_it_refuses_post(client, followup):
    assert client.post(BOARD).status_code == 405
