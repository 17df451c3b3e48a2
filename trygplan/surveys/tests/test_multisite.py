import io

from django.test import override_settings
from pypdf import PdfReader

from trygplan.surveys.models import Estimate


def test_anonymous_visitor_reads_a_share_with_its_interval_and_the_development_chart(
    client, surveys, area, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40):
        response = client.get("/sikker-by/tryghed/urbanplanen/")
    assert response.status_code == 200
    text = response.content.decode()
    estimate = Estimate.public_objects.get(
        survey__year=2016, domain=area, question__key="tryg-nabolag", statistic="utryg"
    )
    share = f"{estimate.estimate * 100:.1f}".replace(".", ",") + " %"
    assert share in text
    assert f"{estimate.ci_high * 100:.1f}".replace(".", ",") + " %)" in text
    assert 'id="chart-tryg-nabolag"' in text and "chart-interval" in text
    assert "Ændring fra året før" in text and "signifikant" in text


def test_the_city_page_has_the_district_map_with_the_area_outlined(client, surveys):
    response = client.get("/sikker-by/tryghed/")
    text = response.content.decode()
    assert response.status_code == 200
    assert text.count('class="map-region"') == 10  # the 10 polygons of kk_bydele.geojson
    assert 'class="map-outline"' in text
    assert "Vesterbro-Kongens Enghave" in text


def test_small_n_is_hidden_on_the_page(client, surveys):
    text = client.get("/sikker-by/tryghed/christianshavn/").content.decode()
    assert 'share-hidden">for få svar' in text
    small = Estimate.public_objects.filter(domain__slug="christianshavn", statistic="utryg")
    for estimate in small:
        assert estimate.n < 20
        assert (f"{estimate.estimate * 100:.1f}".replace(".", ",") + " %") not in text


@override_settings(TRYGPLAN_SURVEY_MIN_N=5)
def test_the_minimum_n_is_a_setting(client, surveys):
    text = client.get("/sikker-by/tryghed/christianshavn/").content.decode()
    assert 'share-hidden">for få svar' not in text


def test_the_pdf_has_the_shares_and_hides_small_n(client, surveys, area):
    response = client.get("/sikker-by/tryghed/urbanplanen/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Tryghed i Urbanplanen" in text and "95 %-konfidensinterval" in text
    small = client.get("/sikker-by/tryghed/christianshavn/pdf/")
    small_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(small.content)).pages)
    assert "for få svar" in small_text


def test_the_csv_leaves_small_n_empty(client, surveys):
    response = client.get("/sikker-by/tryghed/estimater.csv?aar=2016")
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "year;domain;question;category;estimate;se;ci_low;ci_high;n"
    small = [line for line in lines if ";christianshavn;" in line]
    assert small and all(line.split(";")[4:8] == ["", "", "", ""] for line in small)
    big = next(line for line in lines if line.startswith("2016;koebenhavn;tryg-nabolag;utryg;"))
    assert "." in big.split(";")[4] and "," not in big


def test_drafts_are_not_on_the_multisite(client, make_survey):
    make_survey(2015, published=False)
    assert client.get("/sikker-by/tryghed/").status_code == 404
    assert client.get("/sikker-by/tryghed/estimater.csv").status_code == 404


def test_a_later_draft_does_not_show(client, make_survey):
    make_survey(2015)
    make_survey(2016, published=False)
    text = client.get("/sikker-by/tryghed/").content.decode()
    assert "Tryghedsundersøgelse 2015" in text and "Tryghedsundersøgelse 2016" not in text


def test_the_partnership_link_leads_to_its_area(client, surveys):
    response = client.get("/p/amager/tryghed/")
    assert response.status_code == 302 and response["Location"] == "/sikker-by/tryghed/urbanplanen/"


def test_post_is_not_allowed(client, surveys):
    assert client.post("/sikker-by/tryghed/").status_code == 405


def test_an_unknown_area_is_404(client, surveys):
    assert client.get("/sikker-by/tryghed/atlantis/").status_code == 404


def test_no_page_shows_a_respondent_row(client, surveys, city_admin):
    client.force_login(city_admin)
    for url in ("/sikker-by/tryghed/", "/sikker-by/tryghed/undersoegelser/2016/"):
        text = client.get(url).content.decode()
        assert "lbnr" not in text and "vaegt;" not in text
