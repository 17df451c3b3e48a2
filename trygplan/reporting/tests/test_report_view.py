import io

from pypdf import PdfReader

from trygplan.documents.models import StoredDocument

REPORT = "/p/amager/reporting/2016/midyear/report/"


def _pdf_text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_report_page_answers_the_steering_groups_questions(client, sent_midyear, styregruppe):
    client.force_login(styregruppe)
    text = client.get(REPORT).content.decode()
    for heading in (
        "Sammenfatning",
        "Budget og forbrug",
        "Aktiviteterne",
        "Puljerne",
        "Opfølgning på tryghedsvandringer",
        "Arrangementer og deltagere",
        "Resultater og effekter",
        "Indstillinger til styregruppen",
    ):
        assert f">{heading}<" in text, heading
    assert "Halvåret er gået godt." in text and "Intern note om budgettet." in text
    assert text.count('<tr class="row-ended">') == 1  # row 13 ended in 2015


def test_the_pdf_lists_every_overview_row_with_budget_and_spent(client, sent_midyear, koordinator):
    client.force_login(koordinator)
    response = client.get(REPORT.replace("report/", "report.pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _pdf_text(response)
    for number in range(1, 18):
        assert f"\n{number}. " in text
    assert "I alt 1.500.000 0 1.500.000 0 %" in text
    assert "Tallene er opgjort pr. 30. juni 2016." in text


def test_a_sent_reports_file_is_rendered_once_and_served_from_storage(
    client, sent_midyear, koordinator, styregruppe
):
    for user in (koordinator, styregruppe):
        client.force_login(user)
        assert client.get(REPORT.replace("report/", "report.docx")).status_code == 200
    stored = StoredDocument.objects.filter(kind="steering_report", frozen=True)
    assert stored.count() == 1 and stored.get().params["fmt"] == "docx"


def test_an_open_reports_file_is_made_anew(client, midyear, koordinator):
    client.force_login(koordinator)
    assert client.get(REPORT.replace("report/", "report.pdf")).status_code == 200
    assert not StoredDocument.objects.filter(kind="steering_report", frozen=True).exists()


def test_the_internal_report_is_not_for_partners_others_or_anonymous(
    client, sent_midyear, reporter, outsider
):
    assert client.get(REPORT).status_code == 302
    client.force_login(reporter)
    assert client.get(REPORT).status_code == 403
    assert client.get(REPORT.replace("report/", "report.pdf")).status_code == 403
    client.force_login(outsider)
    assert client.get(REPORT).status_code == 404


def test_the_report_page_is_get_only(client, sent_midyear, koordinator):
    client.force_login(koordinator)
    assert client.post(REPORT).status_code == 405


def test_an_unknown_format_is_not_found(client, sent_midyear, koordinator):
    client.force_login(koordinator)
    assert client.get(REPORT.replace("report/", "report.xlsx")).status_code == 404


def test_the_report_page_costs_a_bounded_number_of_queries(
    client, sent_midyear, koordinator, django_assert_max_num_queries
):
    client.force_login(koordinator)
    with django_assert_max_num_queries(12):  # read from the snapshot
        response = client.get(REPORT)
    assert response.status_code == 200
