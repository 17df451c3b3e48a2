"""Plain Danish for the public: an anonymous visitor crawls the whole demo (every page
linked from the front page) and meets none of the method's jargon, and no page, public or
members', writes "kr.." (an amount ending a sentence keeps one dot)."""

import re
from html import unescape
from urllib.parse import urldefrag, urlparse

import pytest
from django.test import Client

from trygplan.demo.services import demo_load

# Terms that stay on the members' pages and in the documentation, explained there.
JARGON = [
    "Vend kurven",
    "Results-Based Accountability",
    "TolaData",
    "Præstationsmål",
    "Befolkningsindikator",
    "Hvor meget gjorde vi?",
]
DOUBLED_DOT = re.compile(r"kr\.\s*\.")
MAX_PAGES = 400


def _links(html: str) -> list[str]:
    found = []
    for href in re.findall(r'href="(/[^"#][^"]*)"', html):
        path = urldefrag(unescape(href))[0]
        last = urlparse(path).path.rsplit("/", 1)[-1]
        if path.startswith(("/static/", "/media/", "/admin/", "/accounts/", "/i18n/")):
            continue
        if "." in last:  # files (PDF, Word, CSV, iCal, GeoJSON): read elsewhere
            continue
        found.append(path)
    return found


def _crawl(client: Client) -> dict[str, str]:
    """{path: visible text} of every HTML page reachable from the front page."""
    queue, pages = ["/", "/p/amager/"], {}
    while queue and len(pages) < MAX_PAGES:
        path = queue.pop(0)
        if path in pages:
            continue
        response = client.get(path)
        pages[path] = ""
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        body = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
        pages[path] = unescape(re.sub(r"<[^>]+>", " ", body))
        queue.extend(link for link in _links(html) if link not in pages)
    return pages


@pytest.fixture
def demo(db):
    partnership, _created = demo_load(reset=True)
    return partnership


def _found(pages: dict[str, str], pattern) -> list[tuple[str, str]]:
    hits = []
    for path, text in pages.items():
        for match in pattern.finditer(text):
            hits.append((path, text[max(match.start() - 40, 0) : match.end() + 20].strip()))
    return hits


def test_public_pages_speak_plain_danish_and_members_keep_the_terms_explained(demo, client):
    pages = _crawl(client)
    assert "/p/amager/followup/" in pages and len(pages) > 40
    assert any("/followup/effects/" in path for path in pages)
    jargon = re.compile("|".join(re.escape(term) for term in JARGON))
    assert not _found(pages, jargon)
    assert not _found(pages, DOUBLED_DOT)

    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="koordinator"))
    pages = _crawl(client)
    followup = pages["/p/amager/followup/"]
    assert "Vend kurven" in followup and "Results-Based Accountability" in followup
    assert not _found(pages, DOUBLED_DOT)
