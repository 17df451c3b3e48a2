"""The capture page's service worker: served from the walks' URL (its scope covers every
capture page), a script from this site listing what to keep offline."""

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def test_it_is_a_script_that_keeps_the_capture_page_s_assets(client, amager):
    response = client.get("/p/amager/walks/capture-worker.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    assets = json.loads(re.search(r"self\.CAPTURE_ASSETS = (\[.*?\]);", body).group(1))
    assert "/static/js/walks/capture.js" in assets
    assert "/static/vendor/leaflet/leaflet.js" in assets
    assert "/p/amager/area.geojson" in assets
    assert 'importScripts("/static/js/walks/capture-worker.js")' in body


def test_the_capture_page_registers_it(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    page = client.get(f"/p/amager/walks/{walk.pk}/capture/").content.decode()
    assert 'data-worker="/p/amager/walks/capture-worker.js"' in page
    assert "<script>" not in page  # nothing inline (CSP)


def test_every_asset_it_keeps_exists(client, amager):
    body = client.get("/p/amager/walks/capture-worker.js").content.decode()
    assets = json.loads(re.search(r"self\.CAPTURE_ASSETS = (\[.*?\]);", body).group(1))
    for url in assets:
        if url.startswith("/static/"):
            from django.contrib.staticfiles import finders

            assert finders.find(url.removeprefix("/static/")), url


def test_an_unknown_partnership_is_not_found(client):
    assert client.get("/p/nowhere/walks/capture-worker.js").status_code == 404


def test_it_refuses_post(client, amager):
    assert client.post("/p/amager/walks/capture-worker.js").status_code == 405
