"""Reading the API anonymously: the schema, the documentation page, pages of results,
filters, stable ids and ETags."""

from django.contrib.auth import get_user_model

from trygplan.api.models import ApiToken, key_hash


def test_the_schema_is_openapi_3_1_with_every_operation(client, amager):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"] == "3.1.0"
    assert "/api/v1/findings" in schema["paths"] and "/api/v1/indicator-values" in schema["paths"]
    assert schema["paths"]["/api/v1/findings"]["get"]["security"] == [{}, {"TokenAuth": []}]
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_the_documentation_page_loads_nothing_from_elsewhere(client, amager):
    response = client.get("/api/v1/docs/")
    html = response.content.decode()
    assert response.status_code == 200 and "Trygplans åbne grænseflader" in html
    assert 'href="/api/v1/findings"' in html and "/open311/v2/services.json" in html
    assert "cdn" not in html.lower() and "swagger" not in html.lower()


def test_the_documentation_page_is_in_english_too(client, amager):
    client.cookies["django_language"] = "en"
    html = client.get("/api/v1/docs/").content.decode()
    assert "Trygplan&#x27;s open interfaces" in html or "Trygplan's open interfaces" in html


def test_findings_come_in_pages_with_links(client, amager, plan2016):
    from trygplan.walks.demo import load_demo

    load_demo(partnership=amager, plan=plan2016)
    first = client.get("/api/v1/findings", {"page_size": 2}).json()
    assert first["page"] == 1 and len(first["items"]) == 2 and first["count"] > 2
    second = client.get(first["next"]).json()
    assert second["previous"] and not {i["id"] for i in first["items"]} & {
        i["id"] for i in second["items"]
    }
    assert all(item["visibility"] is None for item in first["items"])  # members only


def test_the_year_filter_and_an_unknown_area(client, amager):
    assert client.get("/api/v1/plans", {"year": 2016}).json()["count"] == 1
    assert client.get("/api/v1/plans", {"year": 2015}).json()["count"] == 0
    assert client.get("/api/v1/plans", {"area": "odense"}).status_code == 404
    assert client.get("/api/v1/plans", {"year": "seksten"}).status_code == 422


def test_a_draft_plan_is_404_to_the_public_and_found_by_a_member(client, draft2017, partner):
    from .conftest import bearer

    assert client.get(f"/api/v1/plans/{draft2017.pk}").status_code == 404
    response = client.get(f"/api/v1/plans/{draft2017.pk}", **bearer(partner))
    assert response.status_code == 200 and response.json()["status"] == "draft"


def test_an_unchanged_answer_is_304(client, amager):
    first = client.get("/api/v1/partnerships")
    again = client.get("/api/v1/partnerships", HTTP_IF_NONE_MATCH=first["ETag"])
    other = client.get("/api/v1/partnerships", HTTP_IF_NONE_MATCH='"something-else"')
    assert (first.status_code, again.status_code, other.status_code) == (200, 304, 200)
    assert "Authorization" in first["Vary"]


def test_the_token_page_shows_a_new_key_once_and_stores_only_its_hash(client, amager, partner):
    client.force_login(partner)
    response = client.post("/api/tokens/", {"name": "SSP's system"})
    key = response.context["new_key"]
    token = ApiToken.private_objects.get()
    assert (
        key.startswith("tp_")
        and token.key_hash == key_hash(key)
        and key not in str(ApiToken.private_objects.values_list())
    )
    assert key not in client.get("/api/tokens/").content.decode()
    me = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert me["username"] == "partner"


def test_a_user_revokes_only_their_own_key(client, amager, partner, koordinator):
    from trygplan.api.services import token_create

    token, _key = token_create(user=koordinator, name="Koordinatorens")
    client.force_login(partner)
    assert client.post(f"/api/tokens/{token.pk}/revoke/").status_code == 404
    client.force_login(koordinator)
    assert client.post(f"/api/tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_token_page_needs_a_login(client, amager):
    response = client.get("/api/tokens/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_api_ignores_the_session_cookie(client, amager, draft2017):
    client.force_login(get_user_model().objects.get(username="partner"))
    assert client.get(f"/api/v1/plans/{draft2017.pk}").status_code == 404
