"""Two people edit the same budget line: the second save does not silently win."""

from trygplan.plans.models import BudgetLine


def _url(line):
    return f"/p/amager/plans/2017/activities/ung-i-job/budget/{line.pk}/edit/"


def _form(client, line):
    html = client.get(_url(line)).content.decode()
    version = html.split('name="version" value="', 1)[1].split('"', 1)[0]
    return {"year": 2017, "label": line.label, "source": "partnership", "version": version}


def test_a_stale_budget_save_is_refused_and_names_the_other_change(
    client, draft2017, arbejdsgruppe, koordinator
):
    line = BudgetLine.private_objects.get(
        activity__plan=draft2017, activity__key="ung-i-job", year=2017
    )
    client.force_login(arbejdsgruppe)
    mine = _form(client, line)
    other = client.__class__()
    other.force_login(koordinator)
    theirs = _form(other, line)
    assert other.post(_url(line), theirs | {"amount": "175.000"}).status_code == 302
    response = client.post(_url(line), mine | {"amount": "160.000"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Dine ændringer er ikke gemt." in text
    assert "150.000 kr. → 175.000 kr." in text
    line.refresh_from_db()
    assert line.amount == 175_000


def test_saving_again_after_seeing_the_change_overwrites_knowingly(
    client, draft2017, arbejdsgruppe, koordinator
):
    line = BudgetLine.private_objects.get(
        activity__plan=draft2017, activity__key="ung-i-job", year=2017
    )
    client.force_login(arbejdsgruppe)
    mine = _form(client, line)
    BudgetLine.private_objects.filter(pk=line.pk).update(amount=175_000)
    refused = client.post(_url(line), mine | {"amount": "160.000"}).content.decode()
    renewed = refused.split('name="version" value="', 1)[1].split('"', 1)[0]
    assert renewed != mine["version"]
    assert (
        client.post(_url(line), mine | {"amount": "160.000", "version": renewed}).status_code == 302
    )
    line.refresh_from_db()
    assert line.amount == 160_000
