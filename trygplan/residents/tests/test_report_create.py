import uuid

from django.core.files.uploadedfile import SimpleUploadedFile

from trygplan.residents.models import Report

from .conftest import INSIDE, OUTSIDE_AREA, jpeg_bytes

URL = "/p/amager/reports/new/"


def _post(client, **changes):
    data = {
        "submission_key": str(uuid.uuid4()),
        "category": "lighting",
        "description": "Lampen er gået ud.",
        "lat": str(INSIDE[1]),
        "lon": str(INSIDE[0]),
    }
    data.update(changes)
    return client.post(URL, data)


def test_a_resident_reports_without_logging_in_and_lands_on_the_status_page(client, amager):
    response = _post(client, email="bente@example.org")
    report = Report.private_objects.get()
    assert response.status_code == 302 and response["Location"] == report.get_reporter_url()
    assert report.email == "bente@example.org" and report.source == "web"


def test_the_map_page_carries_the_form(client, amager):
    html = client.get("/p/amager/walks/map/").content.decode()
    assert 'id="report-form"' in html and 'action="/p/amager/reports/new/"' in html
    assert "js/residents/report.js" in html


def test_a_point_outside_the_area_is_explained_beside_the_field(client, amager):
    response = _post(client, lat=str(OUTSIDE_AREA[1]), lon=str(OUTSIDE_AREA[0]))
    assert response.status_code == 400
    assert "uden for partnerskabets område" in response.content.decode()
    assert not Report.private_objects.exists()


def test_no_point_is_a_danish_message_not_an_error(client, amager):
    response = _post(client, lat="", lon="")
    assert response.status_code == 400
    assert "Klik på kortet" in response.content.decode()


def test_a_photo_is_re_encoded_without_its_gps_position(client, amager):
    photo = SimpleUploadedFile("IMG.jpg", jpeg_bytes(), content_type="image/jpeg")
    data = {
        "submission_key": str(uuid.uuid4()),
        "category": "lighting",
        "description": "Mørkt.",
        "lat": str(INSIDE[1]),
        "lon": str(INSIDE[0]),
        "photo": photo,
    }
    client.post(URL, data)
    from PIL import Image

    report = Report.private_objects.get()
    with Image.open(report.photo.open("rb")) as image:
        assert not image.getexif()


def test_a_text_file_is_not_a_photo(client, amager):
    fake = SimpleUploadedFile("x.jpg", b"not an image", content_type="image/jpeg")
    response = _post(client, photo=fake)
    assert response.status_code == 400 and not Report.private_objects.exists()


def test_a_partnership_without_an_area_takes_no_reports(client, tingbjerg):
    assert client.get("/p/tingbjerg/reports/new/").status_code == 404


def test_it_refuses_put(client, amager):
    assert client.put(URL).status_code == 405
