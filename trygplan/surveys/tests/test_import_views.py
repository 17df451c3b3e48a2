from django.core.files.uploadedfile import SimpleUploadedFile

from trygplan.lib.files import csv_bytes
from trygplan.surveys.models import Survey, SurveyUpload

from .conftest import SIZES, survey_rows


def _upload(client, rows):
    raw = csv_bytes(rows[0], rows[1:])
    return client.post("/sikker-by/tryghed/indlaes/", {"file": SimpleUploadedFile("data.csv", raw)})


def _mapping(district_set, **extra):
    data = {
        "year": 2016,
        "district_set": district_set.pk,
        "weight": "vaegt",
        "stratum": "bydel",
        "area": "saermaaling",
        "scale_4": "tryg-utryg-5",
        "text_4": "Hvor tryg føler du dig i dit nabolag?",
        "headline_4": "on",
        "scale_5": "tryg-utryg-5",
    }
    return data | extra


def test_analyst_uploads_maps_columns_and_sees_estimates(client, city_admin, district_set, scales):
    client.force_login(city_admin)
    response = _upload(client, survey_rows(1, SIZES))
    upload = SurveyUpload.private_objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{upload.pk}/")
    page = client.get(response["Location"]).content.decode()
    assert "Svarskala for »tryg_nabolag«" in page
    assert "6 forskellige værdier: 1, 2, 3, 4, 5, 8" in page  # the codes, never a row
    assert '<option value="tryg-utryg-5" selected>' in page  # guessed from those codes
    response = client.post(response["Location"], _mapping(district_set))
    assert response.status_code == 302
    survey = Survey.private_objects.get(year=2016)
    assert survey.status == Survey.Status.DRAFT and survey.respondent_count == sum(SIZES.values())
    assert not SurveyUpload.private_objects.exists()
    detail = client.get(response["Location"]).content.decode()
    assert "tryg-nabolag" in detail and "Kladde" in detail
    assert "Urbanplanen (Amager Partnerskab)" in detail


def test_bad_rows_are_listed_and_nothing_is_saved(client, city_admin, district_set, scales):
    client.force_login(city_admin)
    rows = survey_rows(1, SIZES)
    rows[2][3] = "abc"
    location = _upload(client, rows)["Location"]
    response = client.post(location, _mapping(district_set))
    assert response.status_code == 200
    assert "Række 3, kolonne »vaegt«: »abc« er ikke en positiv vægt." in response.content.decode()
    assert not Survey.private_objects.exists()
    assert SurveyUpload.private_objects.exists()  # the analyst can fix the mapping and retry


def test_the_same_column_twice_is_refused_beside_the_form(client, city_admin, district_set, scales):
    client.force_login(city_admin)
    location = _upload(client, survey_rows(1, SIZES))["Location"]
    response = client.post(location, _mapping(district_set, stratum="vaegt"))
    assert response.status_code == 200
    assert "skal være forskellige kolonner" in response.content.decode()


def test_an_unreadable_file_gets_a_message_beside_the_field(client, city_admin, district_set):
    client.force_login(city_admin)
    response = client.post(
        "/sikker-by/tryghed/indlaes/", {"file": SimpleUploadedFile("data.pdf", b"%PDF")}
    )
    assert response.status_code == 200
    assert 'id="id_file_error"' in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, district_set):
    response = client.get("/sikker-by/tryghed/indlaes/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_coordinator_may_not_import(client, koordinator, district_set):
    client.force_login(koordinator)
    assert client.get("/sikker-by/tryghed/indlaes/").status_code == 403


def test_another_users_upload_is_not_found(
    client, city_admin, district_set, scales, django_user_model
):
    client.force_login(city_admin)
    location = _upload(client, survey_rows(1, SIZES))["Location"]
    other = django_user_model.objects.create_user("admin2", is_city_admin=True)
    client.force_login(other)
    assert client.get(location).status_code == 404


def test_wrong_method(client, city_admin, district_set):
    client.force_login(city_admin)
    assert client.put("/sikker-by/tryghed/indlaes/").status_code == 405
