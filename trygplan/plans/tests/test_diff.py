"""The diff between two plan years or two versions of one year, on screen and as CSV."""

import csv
import io

from django.urls import reverse

from trygplan.plans.diff import ADDED, CHANGED, REMOVED, plan_diff
from trygplan.plans.models import Activity, BudgetLine
from trygplan.plans.services import plan_create_amendment

URL = reverse("plans:diff", args=["amager"])
CSV = reverse("plans:diff_csv", args=["amager"])


def change_2017(draft2017):
    BudgetLine.private_objects.filter(
        activity__plan=draft2017, activity__key="ung-i-job", year=2017
    ).update(amount=175_000)
    Activity.objects.filter(plan=draft2017, key="akutpulje").delete()
    Activity.objects.create(plan=draft2017, key="lys", number=18, name="Lys", is_new=True)


def test_the_diff_finds_added_removed_and_changed_rows_by_key(plan2016, draft2017):
    change_2017(draft2017)
    diff = plan_diff(plan2016, draft2017)
    kinds = {row.key: row.kind for row in diff.rows}
    assert kinds["lys"] == ADDED
    assert kinds["akutpulje"] == REMOVED
    assert kinds["tvaerfaglig-indsats-for-konflikthaandtering"] == REMOVED
    assert kinds["ung-i-job"] == CHANGED
    assert kinds["streetsport"] == CHANGED  # no longer new
    ung = next(row for row in diff.rows if row.key == "ung-i-job")
    assert (ung.old_amount, ung.new_amount, ung.difference) == (150_000, 175_000, 25_000)
    assert ("Beløb i planens år", "150.000 kr.", "175.000 kr.") in ung.changes
    assert (diff.old_total, diff.new_total) == (1_500_000, 1_475_000)
    assert diff.counts == {"added": 1, "removed": 2, "changed": 4, "same": 11}


def test_two_versions_of_one_year_compare_the_same_year(plan2016, arbejdsgruppe):
    amendment = plan_create_amendment(plan=plan2016, user=arbejdsgruppe)
    BudgetLine.private_objects.filter(
        activity__plan=amendment, activity__key="streetsport", year=2016
    ).update(amount=100_000)
    diff = plan_diff(plan2016, amendment)
    [row] = [r for r in diff.rows if r.kind == CHANGED]
    assert row.key == "streetsport"
    assert row.changes == [("Beløb 2016", "132.000 kr.", "100.000 kr.")]
    assert diff.difference == -32_000


def test_members_read_the_diff_page_with_selectors(client, plan2016, draft2017, partner):
    change_2017(draft2017)
    client.force_login(partner)
    response = client.get(URL, {"from": "2016", "to": "2017"})
    html = response.content.decode()
    assert '<option value="2016" selected>' in html
    assert "Fra Tryghedsplan for Amager Partnerskab 2016 til" in html
    assert "tilføjet 1" in html and "fjernet 2" in html
    assert "Beløb i planens år: 150.000 kr. → 175.000 kr." in html
    assert "1.475.000" in html and "-25.000" in html


def test_the_csv_is_semicolon_separated_utf8_with_bom(client, plan2016, draft2017, partner):
    change_2017(draft2017)
    client.force_login(partner)
    response = client.get(CSV, {"from": "2016", "to": "2017"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="tryghedsplan-2016-2017-aendringer.csv"' in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:7] == ["Nr.", "Aktivitet", "Nøgle", "Ændring", "2016", "2017", "Forskel"]
    ung = next(row for row in rows if row[2] == "ung-i-job")
    assert ung[3:7] == ["Ændret", "150000", "175000", "25000"]
    assert rows[-1][1:7] == ["I alt", "", "", "1500000", "1475000", "-25000"]


def test_anonymous_visitors_compare_published_plans_only(client, plan2016, draft2017):
    html = client.get(URL, {"from": "2016", "to": "2017"}).content.decode()
    assert "Der er kun én plan" in html
    assert 'value="2017"' not in html
    assert client.get(CSV, {"from": "2016", "to": "2017"}).status_code == 404


def test_another_partnership_does_not_see_the_draft(client, plan2016, draft2017, outsider):
    client.force_login(outsider)
    assert 'value="2017"' not in client.get(URL).content.decode()
    assert client.get(CSV, {"from": "2016", "to": "2017"}).status_code == 404


def test_without_a_choice_it_compares_the_two_newest(client, plan2016, draft2017, koordinator):
    client.force_login(koordinator)
    html = client.get(URL).content.decode()
    assert '<option value="2016" selected>' in html and '<option value="2017" selected>' in html


def test_the_diff_takes_a_bounded_number_of_queries(
    client, plan2016, draft2017, koordinator, django_assert_max_num_queries
):
    client.force_login(koordinator)
    # Two overviews, each with its earlier years read from the approved plans.
    with django_assert_max_num_queries(26):
        assert client.get(URL, {"from": "2016", "to": "2017"}).status_code == 200


def test_it_only_answers_get(client, plan2016):
    assert client.post(URL).status_code == 405
