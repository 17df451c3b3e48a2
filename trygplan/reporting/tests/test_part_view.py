from trygplan.audit.models import AuditEntry
from trygplan.reporting.models import PartFigure, PartSpending


def _url(part):
    return part.get_absolute_url()


def _fields(part):
    deliverable = part.deliverables().get()
    activity = part.activities().get()
    return f"figure_{deliverable.pk}", f"spent_{activity.pk}_partnership"


def _data(part, *, youths="19", spent="70.000", status="Flere unge i job."):
    figure, money = _fields(part)
    return {
        "status_text": status,
        "obstacles": "",
        "proposals": "",
        "comment": "",
        figure: youths,
        money: spent,
    }


def test_the_partner_fills_in_their_part_with_figures_and_money(client, ung_i_job, reporter):
    client.force_login(reporter)
    page = client.get(_url(ung_i_job)).content.decode()
    assert "Leveret: mindst 40 unge om året" in page
    assert "7. Ung i job (14-18 år): brugt af partnerskabets midler (kr.)" in page
    assert "Registreret indtil nu: 0." in page
    response = client.post(_url(ung_i_job), _data(ung_i_job))
    assert response.status_code == 302
    assert PartFigure.private_objects.get(part=ung_i_job).count == 19
    assert PartSpending.private_objects.get(part=ung_i_job).amount == 70_000
    entry = AuditEntry.objects.get(code="reportpart.update", object_id=ung_i_job.pk)
    assert entry.user == reporter and "status_text" in entry.changes


def test_a_bad_figure_is_explained_beside_its_field_and_nothing_is_saved(
    client, ung_i_job, reporter
):
    client.force_login(reporter)
    response = client.post(_url(ung_i_job), _data(ung_i_job, youths="nitten", spent="70.000,50"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Skriv et helt tal, fx 19." in text
    assert "Beløb angives i hele kroner uden øre" in text
    assert not PartFigure.private_objects.exists() and not PartSpending.private_objects.exists()
    ung_i_job.refresh_from_db()
    assert ung_i_job.status_text == ""


def test_a_figure_below_what_is_recorded_is_refused(client, ung_i_job, reporter):
    from datetime import date

    from trygplan.followup.models import DeliverableProgress

    DeliverableProgress.objects.create(
        deliverable=ung_i_job.deliverables().get(), date=date(2016, 5, 1), count=25
    )
    client.force_login(reporter)
    text = client.post(_url(ung_i_job), _data(ung_i_job)).content.decode()
    assert "Der er allerede registreret 25 til og med 30. juni 2016. Skriv mindst det." in text


def test_a_partner_does_not_see_another_organisations_part(client, midyear, reporter):
    dialog = midyear.parts.get(description__key="dialog")
    client.force_login(reporter)
    assert client.get(_url(dialog)).status_code == 403
    assert client.post(_url(dialog), {"status_text": "x"}).status_code == 403
    page = client.get(midyear.get_absolute_url()).content.decode()
    assert "Ung i job (14-18 år)" in page and "Dialog, Kommunikation" not in page


def test_a_partner_without_an_organisation_sees_no_parts(client, midyear, styregruppe, amager):
    from django.contrib.auth import get_user_model

    from trygplan.partnerships.models import Membership, Role

    staff = get_user_model().objects.create_user("medarbejder", password="x")
    Membership.objects.create(user=staff, partnership=amager, role=Role.PARTNER)
    client.force_login(staff)
    assert client.get(midyear.get_absolute_url()).status_code == 403
    assert client.get(_url(midyear.parts.get(description__key="ung-i-job"))).status_code == 403


def test_the_steering_group_reads_a_part_but_cannot_change_it(client, ung_i_job, styregruppe):
    client.force_login(styregruppe)
    page = client.get(_url(ung_i_job))
    assert page.status_code == 200 and 'id="part-form"' not in page.content.decode()
    assert client.post(_url(ung_i_job), _data(ung_i_job)).status_code == 403


def test_a_submitted_part_cannot_be_changed(client, ung_i_job, reporter):
    from trygplan.reporting.services import part_transition

    ung_i_job.status_text = "Godt."
    ung_i_job.save()
    part_transition(part=ung_i_job, action="submit", user=reporter)
    client.force_login(reporter)
    assert 'id="part-form"' not in client.get(_url(ung_i_job)).content.decode()
    response = client.post(_url(ung_i_job), _data(ung_i_job))
    assert response.status_code == 403
    assert "sendt og kan ikke længere ændres" in response.content.decode()


def test_anonymous_and_other_partnerships_get_nothing(client, ung_i_job, outsider):
    assert client.get(_url(ung_i_job)).status_code == 302
    client.force_login(outsider)
    assert client.get(_url(ung_i_job)).status_code == 404


def test_the_part_page_is_get_or_post_only(client, ung_i_job, reporter):
    client.force_login(reporter)
    assert client.put(_url(ung_i_job)).status_code == 405
