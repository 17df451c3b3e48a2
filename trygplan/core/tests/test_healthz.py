"""/healthz: for the orchestrator's probe and the load balancer."""

from django.db import DatabaseError, connection
from django.urls import reverse


def test_the_health_check_reports_the_database_as_json(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}


def test_the_health_check_needs_no_login_no_allowed_host_and_no_https(client, db, settings):
    settings.ALLOWED_HOSTS = ["trygplan.kk.dk"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    # The rest of the site still refuses an unknown host and redirects to https.
    assert client.get("/", HTTP_HOST="10.1.2.3:8000").status_code == 400
    assert client.get("/", HTTP_HOST="trygplan.kk.dk").status_code == 301


def test_the_health_check_answers_503_when_the_database_is_gone(client, db, monkeypatch):
    # An outage is simulated at the connection, the one place a test can cut it.
    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    with monkeypatch.context() as patched:
        patched.setattr(connection, "cursor", refuse)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
