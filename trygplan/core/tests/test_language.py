from django.urls import reverse


def test_danish_is_spoken_whatever_the_browser_asks(client, amager):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "da"
    assert '<html lang="da"' in response.content.decode()


def test_english_can_be_chosen_with_the_switcher(client, amager):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    response = client.get(reverse("home"))
    assert response["Content-Language"] == "en"
    assert '<html lang="en"' in response.content.decode()


def test_an_unknown_language_cookie_falls_back_to_danish(client, amager, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert client.get(reverse("home"))["Content-Language"] == "da"


def test_the_partnership_page_reads_in_english_when_chosen(client, amager):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("partnerships:home", args=["amager"])).content.decode()
    assert "Safety plans" in html and "For residents and neighbours" in html
    assert "Tryghedsplaner" not in html


def test_a_request_in_english_leaves_the_thread_in_danish(client, amager):
    from django.utils import translation

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    client.get(reverse("home"))
    assert translation.get_language() == "da"
