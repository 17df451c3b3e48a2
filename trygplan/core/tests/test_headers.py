"""Security headers on every response: the Content-Security-Policy (django-csp), the
Permissions-Policy, and `Cache-Control: private, no-store` on everything that is not a
public page; the request-size cap's Danish 413."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from config.settings.base import tile_source
from trygplan.core.uploads import SizeLimitUploadHandler, TooLargeUpload

CSP = {
    "default-src": "'self'",
    "script-src": "'self' 'report-sample'",
    "style-src": "'self' 'report-sample'",
    "img-src": "'self' data: blob:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def directives(header: str) -> dict:
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


def test_every_page_has_the_policy_without_unsafe_inline(client, amager):
    response = client.get("/p/amager/")
    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"]) == CSP
    assert "unsafe" not in response["Content-Security-Policy"]


def test_the_permissions_policy_allows_only_this_sites_geolocation(client, amager):
    policy = client.get("/").headers["Permissions-Policy"]
    assert "geolocation=(self)" in policy
    assert "camera=()" in policy and "microphone=()" in policy and "payment=()" in policy


@pytest.mark.parametrize(
    ("url", "source"),
    [
        (
            "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png",
            ["https://*.tile.openstreetmap.org"],
        ),
        ("https://tiles.example.dk/{z}/{x}/{y}.png", ["https://tiles.example.dk"]),
        ("https://tiles.example.dk:8443/{z}/{x}/{y}.png", ["https://tiles.example.dk:8443"]),
        ("", []),
        ("/tiles/{z}/{x}/{y}.png", []),
    ],
)
def test_the_tile_server_is_allowed_for_images(url, source):
    assert tile_source(url) == source


def test_a_public_page_for_an_anonymous_visitor_may_be_cached(client, amager):
    response = client.get("/p/amager/")
    assert "no-store" not in response.get("Cache-Control", "")


def test_every_page_a_logged_in_user_gets_is_private(client, amager, partner):
    client.force_login(partner)
    response = client.get("/p/amager/")
    assert response["Cache-Control"] == "private, no-store"


def test_an_applicants_private_link_is_private_without_login(client, amager):
    response = client.get("/p/amager/pools/link/not-a-real-token/")
    assert response.status_code == 404
    assert response["Cache-Control"] == "private, no-store"


def test_the_login_page_is_private(client, amager):
    assert client.get("/accounts/login/")["Cache-Control"] == "private, no-store"


def test_an_answer_to_a_post_is_private(client, amager):
    response = client.post("/accounts/login/", {"username": "x", "password": "y"})
    assert response["Cache-Control"] == "private, no-store"


def test_a_photo_view_keeps_no_copy_for_a_logged_in_user(client, amager, koordinator):
    client.force_login(koordinator)
    response = client.get("/p/amager/walks/photos/999999/")
    assert response["Cache-Control"] == "private, no-store"


def test_a_request_over_the_cap_gets_a_danish_413_before_it_is_read(client, amager, settings):
    settings.TRYGPLAN_MAX_REQUEST_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("stor.pdf", b"%PDF-1.4" + b"0" * (2 * 1024 * 1024))
    response = client.post("/p/amager/pools/2016/urban_space/apply/", {"attachments": upload})
    assert response.status_code == 413
    text = response.content.decode()
    assert "Det sendte fylder for meget (2 MB). Der kan højst sendes 1 MB ad gangen." in text
    assert response["Cache-Control"] == "private, no-store"
    assert directives(response["Content-Security-Policy"]) == CSP


def test_form_data_over_django_s_limit_is_a_danish_400(client, amager, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/accounts/login/", {"username": "x" * 5000, "password": "y"})
    assert response.status_code == 400
    assert "Forespørgslen kunne ikke læses" in response.content.decode()


def test_the_upload_handler_stops_keeping_a_file_past_the_limit(settings):
    settings.TRYGPLAN_MAX_UPLOAD_BYTES = 10
    handler = SizeLimitUploadHandler(RequestFactory().post("/"))
    handler.new_file("photo", "stor.jpg", "image/jpeg", None)
    assert handler.receive_data_chunk(b"12345", 0) == b"12345"
    assert handler.receive_data_chunk(b"6789012345", 5) is None
    stand_in = handler.file_complete(15)
    assert isinstance(stand_in, TooLargeUpload)
    assert (stand_in.name, stand_in.size, stand_in.read()) == ("stor.jpg", 15, b"")


def test_a_file_within_the_limit_is_left_to_the_usual_handlers(settings):
    handler = SizeLimitUploadHandler(RequestFactory().post("/"))
    handler.new_file("photo", "lille.jpg", "image/jpeg", None)
    handler.receive_data_chunk(b"123", 0)
    assert handler.file_complete(3) is None
