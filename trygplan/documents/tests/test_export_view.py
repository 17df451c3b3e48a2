import io

from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader


def url(year=2016, fmt="pdf", slug="amager"):
    return reverse("documents:export", args=[slug, year, fmt])


def test_anonymous_visitors_get_the_published_plan_as_pdf(client, plan2016):
    response = client.get(url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="tryghedsplan-amager-2016.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title == "Tryghedsplan for Amager Partnerskab 2016"


def test_the_print_friendly_page_is_shown_inline(client, plan2016):
    response = client.get(url(fmt="html"))
    assert response["Content-Disposition"].startswith("inline;")
    content = response.content.decode()
    assert '<h1 class="title">Tryghedsplan for Amager Partnerskab 2016</h1>' in content
    assert "Tilbage til planen" in content


def test_word_excel_and_csv_are_attachments_of_their_type(client, plan2016):
    for fmt, start in (("docx", b"PK"), ("xlsx", b"PK"), ("csv", b"\xef\xbb\xbfNr.")):
        response = client.get(url(fmt=fmt))
        assert response.status_code == 200
        assert response["Content-Disposition"].endswith(f'.{fmt}"')
        assert response.content.startswith(start)


def test_anonymous_visitors_get_404_for_a_draft(client, draft2017):
    assert client.get(url(2017)).status_code == 404


def test_a_user_of_another_partnership_gets_404_for_a_draft(client, draft2017, outsider):
    client.force_login(outsider)
    assert client.get(url(2017)).status_code == 404


def test_a_read_only_partner_gets_the_draft(client, draft2017, partner):
    client.force_login(partner)
    response = client.get(url(2017, "docx"))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('2017.docx"')


def test_the_working_group_gets_the_draft_with_its_version(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = client.get(url(2017, "html"))
    assert '<dd id="document-version">Kladde</dd>' in response.content.decode()


def test_unknown_formats_are_404(client, plan2016):
    assert client.get(url(fmt="odt")).status_code == 404
    assert client.get("/p/amager/plans/2016/document.pdf.exe").status_code == 404


def test_unknown_partnerships_and_years_are_404(client, plan2016):
    assert client.get(url(slug="nowhere")).status_code == 404
    assert client.get(url(year=1999)).status_code == 404


def test_it_only_answers_get(client, plan2016):
    assert client.post(url()).status_code == 405


def test_checks_1_adds_the_appendix(client, plan2016):
    plain = client.get(url(fmt="html")).content.decode()
    with_checks = client.get(url(fmt="html") + "?checks=1").content.decode()
    assert "Bilag: Kontrol af planen" not in plain
    assert "Bilag: Kontrol af planen" in with_checks


def test_the_plan_page_offers_the_downloads(client, plan2016):
    content = client.get(reverse("plans:overview", args=["amager", 2016])).content.decode()
    assert 'href="/p/amager/plans/2016/document.pdf"' in content
    assert "Hent som Word" in content
    assert "Udskriftsvenlig side" in content


def test_the_print_friendly_page_is_quick_on_queries(
    client, plan2016, django_assert_max_num_queries
):
    with django_assert_max_num_queries(27):
        assert client.get(url(fmt="html")).status_code == 200


def test_a_control_character_in_a_draft_breaks_none_of_its_files(
    client, draft2017, arbejdsgruppe, docx_text, pdf_text
):
    """A vertical tab pasted from another program (Word and Excel files refuse it)."""
    draft2017.introduction = "Planen\x0bfor 2017"
    draft2017.save()
    activity = draft2017.activities.exclude(number=None).order_by("number").first()
    activity.name = "Dialog\x0bog kommunikation"
    activity.save()
    client.force_login(arbejdsgruppe)
    responses = {fmt: client.get(url(2017, fmt)) for fmt in ("docx", "xlsx", "csv", "pdf", "html")}
    assert {fmt: r.status_code for fmt, r in responses.items()} == dict.fromkeys(responses, 200)
    word = docx_text(responses["docx"].content)
    assert "Planen for 2017" in word  # a plan text's line break (\x0b is one) is a space
    assert "Dialogog kommunikation" in word
    sheet = load_workbook(io.BytesIO(responses["xlsx"].content)).active
    assert "Dialogog kommunikation" in [cell.value for cell in sheet["C"]]
    assert "Dialogog kommunikation" in responses["csv"].content.decode("utf-8-sig")
    assert "Planen for 2017" in pdf_text(responses["pdf"].content)
    assert "\x0b" not in responses["html"].content.decode()
