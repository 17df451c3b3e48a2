"""The Django admin answers on TRYGPLAN_ADMIN_PATH (default admin/)."""

from django.urls import reverse

from .conftest import settings_and_urls


def test_the_admin_is_at_admin_by_default(client, db):
    assert reverse("admin:index") == "/admin/"
    assert client.get("/admin/").status_code == 302


def test_the_admin_answers_on_the_configured_path_only(client, city_admin):
    with settings_and_urls(TRYGPLAN_ADMIN_PATH="styring-7f3a/"):
        assert client.get("/admin/").status_code == 404
        response = client.get("/styring-7f3a/")
        assert response.status_code == 302
        assert response["Location"].startswith("/styring-7f3a/login/")
        client.force_login(city_admin)
        assert client.get("/styring-7f3a/").status_code == 200
    assert reverse("admin:index") == "/admin/"
