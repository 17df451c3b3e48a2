def _url(walk):
    return f"/p/amager/walks/{walk.pk}/capture/"


def test_the_phone_page_has_big_category_buttons_a_camera_input_and_a_fresh_uuid(
    client, arbejdsgruppe, walk, findings
):
    client.force_login(arbejdsgruppe)
    response = client.get(_url(walk))
    content = response.content.decode()
    assert 'accept="image/*" capture="environment"' in content
    assert 'class="category-button">Belysning</label>' in content
    assert "Brug min position" in content
    assert str(response.context["form"].initial["client_uuid"]) in content
    assert "Stien ved Remiseparken" in content
    assert "Narkohjørnet" not in content


def test_read_only_roles_do_not_get_the_page(client, partner, walk):
    client.force_login(partner)
    assert client.get(_url(walk)).status_code == 403


def test_anonymous_and_outsiders_are_refused(client, outsider, walk):
    assert client.get(_url(walk)).status_code == 404
    client.force_login(outsider)
    assert client.get(_url(walk)).status_code == 403


def test_it_refuses_post(client, koordinator, walk):
    client.force_login(koordinator)
    assert client.post(_url(walk)).status_code == 405
