from decimal import Decimal

from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.followup.models import Indicator, IndicatorValue, Submission


def _url(submission):
    return f"/p/amager/followup/submissions/{submission.pk}/values/"


def _field(key, name):
    return f"{name}_{Indicator.objects.get(key=key).pk}"


def _data(**values):
    """Form data: {indicator key: (value, quality, note)}; other indicators left empty."""
    data = {"reason": ""}
    for key, (value, quality, note) in values.items():
        data |= {
            _field(key, "value"): value,
            _field(key, "quality"): quality,
            _field(key, "note"): note,
        }
    for key in ("foraeldre-i-aktiviteter", "ssp-enkeltsager", "netvaerksmoeder", "faelles-sager"):
        data.setdefault(_field(key, "quality"), "provisional")
    return data


def test_the_reporter_sees_one_row_per_indicator_of_the_organisation(
    client, draft_submission, partner
):
    client.force_login(partner)
    text = client.get(_url(draft_submission)).content.decode()
    assert "Værdier fra SSP København for 2017" in text
    assert "SSP-enkeltsager om unge fra området" in text
    assert "Netværks- og dialogmøder for medarbejdere" in text
    assert "Beboere der er utrygge" not in text  # 3B reports that one
    assert text.count('class="indicator-entry"') == 4


def test_values_with_a_decimal_comma_are_saved_and_recorded(client, draft_submission, partner):
    client.force_login(partner)
    response = client.post(
        _url(draft_submission),
        _data(
            **{
                "netvaerksmoeder": ("8,5", "final", "Halvårets møder"),
                "ssp-enkeltsager": ("3", "provisional", ""),
            }
        ),
    )
    assert response.status_code == 302
    values = {
        v.indicator.key: v
        for v in IndicatorValue.private_objects.filter(submission=draft_submission)
    }
    assert values["netvaerksmoeder"].value == Decimal("8.5")
    assert (
        values["netvaerksmoeder"].is_final and values["netvaerksmoeder"].note == "Halvårets møder"
    )
    assert values["ssp-enkeltsager"].value == 3
    assert set(values) == {"netvaerksmoeder", "ssp-enkeltsager"}  # empty rows are not saved
    entries = AuditEntry.objects.filter(user=partner, action="create")
    assert entries.count() == 2
    page = client.get(response["Location"]).content.decode()
    assert "2 værdier er gemt." in page
    assert "&lt;5 sager" in page  # a count of 3 about young people


def test_a_bad_row_is_explained_beside_its_field_and_nothing_is_saved(
    client, draft_submission, partner
):
    client.force_login(partner)
    response = client.post(
        _url(draft_submission),
        _data(**{"netvaerksmoeder": ("8", "final", ""), "ssp-enkeltsager": ("otte", "final", "")}),
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "“otte” er ikke et tal. Skriv fx 12 eller 12,5." in text
    assert f'id="id_{_field("ssp-enkeltsager", "value")}_error"' in text
    assert not IndicatorValue.private_objects.filter(submission=draft_submission).exists()


def test_negative_numbers_and_three_decimals_are_refused(client, draft_submission, partner):
    client.force_login(partner)
    text = client.post(
        _url(draft_submission),
        _data(
            **{"netvaerksmoeder": ("-2", "final", ""), "ssp-enkeltsager": ("1,234", "final", "")}
        ),
    ).content.decode()
    assert "“-2” er ikke et tal." in text
    assert "Skriv højst to decimaler" in text
    assert not IndicatorValue.private_objects.filter(submission=draft_submission).exists()


def test_changing_a_final_value_needs_a_reason_beside_the_reason_field(
    client, draft_submission, partner
):
    client.force_login(partner)
    client.post(_url(draft_submission), _data(netvaerksmoeder=("8", "final", "")))
    response = client.post(_url(draft_submission), _data(netvaerksmoeder=("9", "final", "")))
    text = response.content.decode()
    assert 'id="id_reason_error"' in text and "Skriv en begrundelse" in text
    assert IndicatorValue.private_objects.get(submission=draft_submission).value == 8

    data = _data(netvaerksmoeder=("9", "final", "")) | {"reason": "Et møde var ikke talt med"}
    assert client.post(_url(draft_submission), data).status_code == 302
    assert IndicatorValue.private_objects.get(submission=draft_submission).value == 9
    entry = AuditEntry.objects.filter(action="update").newest_first().first()
    assert entry.reason == "Et møde var ikke talt med"
    assert list(changes_by_label(entry).values()) == [["8", "9"]]


def test_the_form_shows_saved_values_with_a_decimal_comma(client, draft_submission, partner):
    client.force_login(partner)
    client.post(_url(draft_submission), _data(netvaerksmoeder=("8,25", "provisional", "")))
    assert 'value="8,25"' in client.get(_url(draft_submission)).content.decode()


def test_a_saved_value_cannot_be_emptied(client, draft_submission, partner):
    client.force_login(partner)
    client.post(_url(draft_submission), _data(netvaerksmoeder=("8", "provisional", "")))
    text = client.post(
        _url(draft_submission), _data(netvaerksmoeder=("", "provisional", ""))
    ).content.decode()
    assert "Værdien er gemt og kan ikke fjernes her." in text


def test_a_submitted_submission_cannot_be_changed(client, draft_submission, partner):
    Submission.private_objects.filter(pk=draft_submission.pk).update(status="submitted")
    client.force_login(partner)
    assert client.get(_url(draft_submission)).status_code == 403


def test_a_read_only_member_cannot_use_the_form(client, draft_submission, styregruppe):
    client.force_login(styregruppe)
    assert client.get(_url(draft_submission)).status_code == 403


def test_the_coordinator_of_another_organisation_cannot_use_it(
    client, draft_submission, koordinator
):
    client.force_login(koordinator)  # reports for the municipality, not for SSP
    assert client.get(_url(draft_submission)).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, draft_submission):
    assert client.get(_url(draft_submission)).status_code == 302


def test_users_of_another_partnership_get_404(client, draft_submission, outsider):
    client.force_login(outsider)
    assert client.get(_url(draft_submission)).status_code == 404


def test_it_refuses_put(client, draft_submission, partner):
    client.force_login(partner)
    assert client.put(_url(draft_submission)).status_code == 405


def test_the_submission_page_links_to_the_form_while_it_is_a_draft(
    client, draft_submission, partner
):
    client.force_login(partner)
    assert (
        _url(draft_submission) in client.get(draft_submission.get_absolute_url()).content.decode()
    )
