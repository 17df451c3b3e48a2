"""Who sees which findings: one place decides (walks.access), tested per role."""

import pytest

from trygplan.walks import access

from .conftest import make_finding


def _places(user, partnership, **kwargs):
    return set(access.visible_findings(user, partnership, **kwargs).values_list("place", flat=True))


@pytest.mark.parametrize("username", ["koordinator", "arbejdsgruppe", "styregruppe", "partner"])
def test_members_see_public_and_partnership_findings_but_not_police_only(
    username, amager, findings, django_user_model
):
    user = django_user_model.objects.get(username=username)
    assert _places(user, amager) == {"Stien ved Remiseparken", "Kælderskakten"}


def test_a_user_with_police_access_sees_police_only_findings(amager, findings, police):
    assert "Narkohjørnet" in _places(police, amager)
    assert access.is_police(police, amager)


def test_a_city_admin_sees_police_only_findings(amager, findings, city_admin):
    assert "Narkohjørnet" in _places(city_admin, amager)


def test_anonymous_visitors_see_public_findings_only(amager, findings, rf):
    from django.contrib.auth.models import AnonymousUser

    assert _places(AnonymousUser(), amager) == {"Stien ved Remiseparken"}


def test_a_user_of_another_partnership_sees_public_findings_only(amager, findings, outsider):
    assert _places(outsider, amager) == {"Stien ved Remiseparken"}


def test_police_access_in_another_partnership_does_not_count(amager, findings, outsider, tingbjerg):
    from trygplan.walks.models import PoliceAccess

    PoliceAccess.objects.create(user=outsider, partnership=tingbjerg)
    assert not access.is_police(outsider, amager)
    assert _places(outsider, amager) == {"Stien ved Remiseparken"}


def test_public_only_hides_non_public_findings_even_from_police(amager, findings, police):
    assert _places(police, amager, public_only=True) == {"Stien ved Remiseparken"}


def test_only_coordinator_working_group_and_city_admin_edit_walks(
    amager, koordinator, arbejdsgruppe, styregruppe, partner, city_admin, outsider
):
    assert access.can_edit_walks(koordinator, amager)
    assert access.can_edit_walks(arbejdsgruppe, amager)
    assert access.can_edit_walks(city_admin, amager)
    assert not access.can_edit_walks(styregruppe, amager)
    assert not access.can_edit_walks(partner, amager)
    assert not access.can_edit_walks(outsider, amager)


def test_findings_of_another_partnership_are_never_visible(amager, tingbjerg, walk, koordinator):
    from trygplan.walks.models import Walk

    other = Walk.private_objects.create(
        partnership=tingbjerg,
        title="Tingbjerg",
        starts_at=walk.starts_at,
        light="dark",
        season="autumn",
    )
    make_finding(other, 1, place="I Tingbjerg")
    assert "I Tingbjerg" not in _places(koordinator, amager)
