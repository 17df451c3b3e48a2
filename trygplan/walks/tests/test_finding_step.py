"""The follow-up: each step records who, when, a comment and optionally a before/after photo."""

from django.core.files.uploadedfile import SimpleUploadedFile

from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.partnerships.models import Organisation
from trygplan.walks.models import Finding, FindingPhoto
from trygplan.walks.workflow import FINDING

from .conftest import jpeg_bytes


def _url(finding):
    return f"/p/amager/walks/findings/{finding.pk}/step/"


def _post(client, finding, **data):
    data.setdefault("photo_kind", "after")
    return client.post(_url(finding), data)


def test_assigning_to_3b_sets_the_owner_and_records_the_step(client, arbejdsgruppe, findings):
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    org = Organisation.objects.get(key="3b")
    response = _post(
        client,
        finding,
        to_status="assigned",
        owner_organisation=org.pk,
        comment="Driften tager den.",
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.status == "assigned"
    assert finding.owner == Finding.Owner.HOUSING and finding.owner_label == "3B"
    step = FINDING.steps(finding).last()
    assert (step.from_state, step.to_state, step.user, step.comment) == (
        "new",
        "assigned",
        arbejdsgruppe,
        "Driften tager den.",
    )
    entry = AuditEntry.objects.get(object_id=finding.pk, action="transition")
    assert changes_by_label(entry)["Status"] == ["Ny", "Tildelt"]
    assert entry.reason == "Driften tager den."


def test_assigning_without_anyone_to_assign_to_is_refused(client, arbejdsgruppe, findings):
    client.force_login(arbejdsgruppe)
    response = _post(client, findings["public"], to_status="assigned")
    assert response.status_code == 400
    assert "Vælg hvem fundet tildeles." in response.content.decode()


def test_fixed_with_an_after_photo(client, arbejdsgruppe, findings):
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    photo = SimpleUploadedFile("efter.jpg", jpeg_bytes(), content_type="image/jpeg")
    _post(client, finding, to_status="fixed", photo=photo, comment="Nye lamper sat op.")
    finding.refresh_from_db()
    assert finding.status == "fixed" and finding.fixed_at is not None
    stored = FindingPhoto.private_objects.get(finding=finding)
    assert stored.kind == "after" and stored.step == FINDING.steps(finding).last()


def test_not_possible_needs_a_public_reason(client, arbejdsgruppe, findings):
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    response = _post(client, finding, to_status="not_possible")
    assert response.status_code == 400
    assert "Skriv en offentlig begrundelse" in response.content.decode()
    finding.refresh_from_db()
    assert finding.status == "new"
    _post(client, finding, to_status="not_possible", public_reason="Privat grund.")
    finding.refresh_from_db()
    assert finding.public_reason == "Privat grund."


def test_not_ours_needs_to_say_to_whom(client, arbejdsgruppe, findings):
    client.force_login(arbejdsgruppe)
    response = _post(client, findings["public"], to_status="not_ours")
    assert "Skriv hvem fundet er sendt videre til." in response.content.decode()


def test_a_duplicate_points_at_the_other_finding(client, arbejdsgruppe, findings):
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    _post(client, finding, to_status="duplicate", duplicate_of=findings["partnership"].pk)
    finding.refresh_from_db()
    assert finding.duplicate_of == findings["partnership"]


def test_a_police_only_finding_cannot_be_chosen_as_original_by_non_police(
    client, arbejdsgruppe, findings
):
    client.force_login(arbejdsgruppe)
    response = _post(
        client, findings["public"], to_status="duplicate", duplicate_of=findings["police"].pk
    )
    assert response.status_code == 400


def test_a_closed_finding_can_only_be_reopened(client, arbejdsgruppe, findings):
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    _post(client, finding, to_status="fixed")
    assert _post(client, finding, to_status="in_progress").status_code == 400
    _post(client, finding, to_status="new", comment="Lampen er gået ud igen.")
    finding.refresh_from_db()
    assert finding.status == "new" and finding.fixed_at is None


def test_a_not_an_image_after_photo_is_refused_and_the_status_is_unchanged(
    client, arbejdsgruppe, findings
):
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    fake = SimpleUploadedFile("efter.jpg", b"GIF89a nope", content_type="image/jpeg")
    response = _post(client, finding, to_status="fixed", photo=fake)
    assert response.status_code == 400
    assert "Filen er ikke et billede." in response.content.decode()
    finding.refresh_from_db()
    assert finding.status == "new" and not finding.photos.exists()


def test_read_only_roles_cannot_move_findings(client, styregruppe, findings):
    client.force_login(styregruppe)
    assert _post(client, findings["public"], to_status="fixed").status_code == 403


def test_anonymous_and_outsiders_are_refused(client, outsider, findings):
    assert _post(client, findings["public"], to_status="fixed").status_code == 404
    client.force_login(outsider)
    assert _post(client, findings["public"], to_status="fixed").status_code == 403


def test_it_refuses_get(client, koordinator, findings):
    client.force_login(koordinator)
    assert client.get(_url(findings["public"])).status_code == 405
