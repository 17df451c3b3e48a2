"""Money and places both ways: a finding's funding offers only grants of its pool in the walk's
year (labelled), refuses a mismatch in Danish; grant and pool pages list the findings."""

from trygplan.pools.models import Pool
from trygplan.walks.models import Finding, Walk

from .conftest import byrumspulje_grant, make_finding
from .test_finding_edit import _data, _url


def _grants(amager, user):
    urban, urban_expense = byrumspulje_grant(amager, user, title="Nye lamper i gangtunnelen")
    acute, _expense = byrumspulje_grant(
        amager, user, title="Akut oprydning efter brand", kind="acute", amount=4_000
    )
    return urban, urban_expense, acute


def _finding_of_2017(walk):
    """A finding on a walk of 2017: the 2016 grants are another year's money."""
    later = Walk.private_objects.get(pk=walk.pk)
    later.pk = None
    later.starts_at = later.starts_at.replace(year=2017)
    later.save()
    return make_finding(later, 1, place="Stien ved Hørgården")


def test_every_pool_funding_names_a_pool_kind():
    assert set(Finding.POOL_KIND_OF_FUNDING) <= set(Finding.Funding.values)
    assert set(Finding.POOL_KIND_OF_FUNDING.values()) <= set(Pool.Kind.values)


def test_a_byrumspulje_finding_is_offered_only_its_pool_s_grants_of_the_walk_s_year(
    client, arbejdsgruppe, amager, findings
):
    urban, _expense, acute = _grants(amager, arbejdsgruppe)
    finding = findings["public"]
    Finding.private_objects.filter(pk=finding.pk).update(funding="byrumspulje")
    client.force_login(arbejdsgruppe)
    response = client.get(_url(finding))
    assert response.status_code == 200
    offered = dict(response.context["form"].fields["grant"].widget.choices)
    assert offered == {
        "": "---------",
        urban.pk: "Byrumspulje 2016 · Nye lamper i gangtunnelen · 12.000 kr.",
    }
    assert acute.pk not in offered
    later = _finding_of_2017(finding.walk)
    offered = dict(client.get(_url(later)).context["form"].fields["grant"].widget.choices)
    assert offered == {"": "---------"}


def test_without_a_chosen_pool_both_pools_of_the_walk_s_year_are_offered(
    client, arbejdsgruppe, amager, findings
):
    urban, _expense, acute = _grants(amager, arbejdsgruppe)
    client.force_login(arbejdsgruppe)
    offered = dict(
        client.get(_url(findings["public"])).context["form"].fields["grant"].widget.choices
    )
    assert offered[acute.pk] == "Akutpulje 2016 · Akut oprydning efter brand · 4.000 kr."
    assert urban.pk in offered


def test_a_byrumspulje_finding_linked_to_an_akutpulje_grant_is_refused(
    client, arbejdsgruppe, amager, findings
):
    _urban, _expense, acute = _grants(amager, arbejdsgruppe)
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    response = client.post(_url(finding), _data(finding, funding="byrumspulje", grant=acute.pk))
    assert response.status_code == 200
    assert response.context["form"].errors["grant"] == [
        "Bevillingen er fra Akutpulje, men fundet betales af “Byrumspuljen”. "
        "Vælg en bevilling fra den rigtige pulje, eller ret finansieringen."
    ]
    finding.refresh_from_db()
    assert finding.grant is None and finding.funding == ""


def test_a_grant_of_another_year_is_refused(client, arbejdsgruppe, amager, findings):
    urban, *_rest = _grants(amager, arbejdsgruppe)
    finding = _finding_of_2017(findings["public"].walk)
    client.force_login(arbejdsgruppe)
    response = client.post(_url(finding), _data(finding, grant=urban.pk, deadline="2017-12-01"))
    assert response.context["form"].errors["grant"] == [
        "Bevillingen er fra puljen for 2016; vandringen var i 2017."
    ]
    finding.refresh_from_db()
    assert finding.grant is None


def test_ordinary_operations_cannot_be_paid_by_a_pool_grant(
    client, arbejdsgruppe, amager, findings
):
    urban, *_rest = _grants(amager, arbejdsgruppe)
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    response = client.post(_url(finding), _data(finding, funding="operations", grant=urban.pk))
    assert "grant" in response.context["form"].errors
    finding.refresh_from_db()
    assert finding.grant is None


def test_a_grant_without_a_chosen_pool_sets_the_funding_to_its_pool(
    client, arbejdsgruppe, amager, findings
):
    _urban, _expense, acute = _grants(amager, arbejdsgruppe)
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    response = client.post(_url(finding), _data(finding, grant=acute.pk))
    assert response.status_code == 302
    finding.refresh_from_db()
    assert (finding.funding, finding.grant) == ("akutpulje", acute)


def test_the_grant_page_and_the_public_pool_page_list_the_findings_it_pays_for(
    client, arbejdsgruppe, amager, plan2016, findings
):
    urban, *_rest = _grants(amager, arbejdsgruppe)
    public, private = findings["public"], findings["partnership"]
    Finding.private_objects.filter(pk__in=[public.pk, private.pk]).update(
        grant=urban, funding="byrumspulje", status="fixed"
    )
    pool_page = client.get("/p/amager/pools/2016/urban_space/")
    assert pool_page.status_code == 200
    text = pool_page.content.decode()
    assert "Stien ved Remiseparken" in text and public.get_absolute_url() in text
    assert "Kælderskakten" not in text  # not public

    client.force_login(arbejdsgruppe)
    grant_page = client.get(f"/p/amager/pools/applications/{urban.application_id}/")
    assert grant_page.status_code == 200
    text = grant_page.content.decode()
    assert "Stien ved Remiseparken" in text and "Kælderskakten" in text
    assert "Narkohjørnet" not in text


def test_the_public_finding_page_says_which_pool_paid(client, arbejdsgruppe, amager, findings):
    urban, *_rest = _grants(amager, arbejdsgruppe)
    public = findings["public"]
    Finding.private_objects.filter(pk=public.pk).update(grant=urban, funding="byrumspulje")
    response = client.get(public.get_absolute_url())
    assert response.status_code == 200
    text = response.content.decode()
    assert "Betalt af" in text and "Byrumspulje 2016" in text
    assert "/p/amager/pools/2016/urban_space/" in text
