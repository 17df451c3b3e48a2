import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from trygplan.audit.models import AuditEntry
from trygplan.lib.images import clean_photo
from trygplan.residents import services
from trygplan.residents.models import Report
from trygplan.walks.models import Finding, PoliceAccess, Walk

from .conftest import OUTSIDE_AREA, jpeg_bytes, report_data


def test_a_report_lands_in_the_queue_with_its_first_step(report):
    assert report.status == "received" and report.source == "web"
    entry = AuditEntry.objects.get(code="resident_report.start")
    assert entry.object_id == report.pk and entry.user is None


def test_the_same_form_posted_twice_makes_one_report(amager):
    key = uuid.uuid4()
    first, created = services.report_submit(
        partnership=amager, data=report_data(), source="web", submission_key=key
    )
    again, created_again = services.report_submit(
        partnership=amager, data=report_data(), source="web", submission_key=key
    )
    assert created and not created_again and first.pk == again.pk
    assert Report.private_objects.count() == 1


def test_a_point_outside_the_area_is_refused_beside_the_point(amager):
    with pytest.raises(ValidationError) as error:
        services.report_submit(
            partnership=amager,
            data=report_data(lon=OUTSIDE_AREA[0], lat=OUTSIDE_AREA[1]),
            source="web",
        )
    assert "uden for partnerskabets område" in error.value.message_dict["lat"][0]
    assert not Report.private_objects.exists()


def test_accepting_makes_a_public_finding_on_the_years_residents_walk(report, koordinator):
    finding = services.report_accept(
        report=report,
        user=koordinator,
        category="lighting",
        visibility="public",
        description="Lampen ved opgang 12 er gået ud.",
    )
    report.refresh_from_db()
    assert report.status == "accepted" and report.finding == finding
    assert report.decided_by == koordinator and report.decided_at is not None
    walk = finding.walk
    assert walk.kind == Walk.Kind.RESIDENT_REPORTS and walk.starts_at.year == timezone.now().year
    assert finding.visibility == "public" and finding.place == "Remisevej 12"
    assert finding.found_on == timezone.localdate()
    assert Finding.public_objects.filter(pk=finding.pk).exists()


def test_a_second_accepted_report_joins_the_same_residents_walk(amager, report, koordinator):
    other, _ = services.report_submit(partnership=amager, data=report_data(), source="open311")
    one = services.report_accept(
        report=report, user=koordinator, category="lighting", visibility="public", description="a"
    )
    two = services.report_accept(
        report=other, user=koordinator, category="litter", visibility="partnership", description="b"
    )
    assert one.walk_id == two.walk_id and (one.number, two.number) == (1, 2)


def test_a_report_is_decided_once(report, koordinator):
    services.report_reject(report=report, reason="Det er ikke i området.", user=koordinator)
    with pytest.raises(ValidationError):
        services.report_accept(
            report=report,
            user=koordinator,
            category="lighting",
            visibility="public",
            description="x",
        )
    assert not Finding.private_objects.exists()  # nothing half-saved


def test_rejecting_needs_a_reason_the_reporter_sees(report, koordinator):
    with pytest.raises(ValidationError):
        services.report_reject(report=report, reason=" ", user=koordinator)
    services.report_reject(
        report=report, reason="Skal meldes til Vejdirektoratet.", user=koordinator
    )
    report.refresh_from_db()
    assert report.status == "rejected" and report.reason == "Skal meldes til Vejdirektoratet."


def test_merging_links_the_report_to_the_existing_finding(report, koordinator):
    existing = services.report_accept(
        report=services.report_submit(
            partnership=report.partnership, data=report_data(), source="web"
        )[0],
        user=koordinator,
        category="lighting",
        visibility="public",
        description="Lampe",
    )
    services.report_merge(report=report, finding=existing, user=koordinator)
    report.refresh_from_db()
    assert report.status == "merged" and report.finding == existing


def test_partner_staff_cannot_moderate(report, partner):
    with pytest.raises(PermissionDenied):
        services.report_reject(report=report, reason="Nej.", user=partner)
    report.refresh_from_db()
    assert report.status == "received"


def test_only_police_make_a_police_only_finding(report, koordinator):
    with pytest.raises(ValidationError):
        services.report_accept(
            report=report,
            user=koordinator,
            category="behaviour",
            visibility="police_only",
            description="x",
        )
    PoliceAccess.objects.create(user=koordinator, partnership=report.partnership)
    koordinator.__dict__.pop("_trygplan_police", None)
    finding = services.report_accept(
        report=report,
        user=koordinator,
        category="behaviour",
        visibility="police_only",
        description="x",
    )
    assert finding.visibility == "police_only"


def test_the_photo_goes_with_the_finding_only_when_asked(amager, koordinator):
    photo = clean_photo(SimpleUploadedFile("a.jpg", jpeg_bytes(), content_type="image/jpeg"))
    report, _ = services.report_submit(
        partnership=amager, data=report_data(), source="web", photo=photo
    )
    finding = services.report_accept(
        report=report,
        user=koordinator,
        category="lighting",
        visibility="public",
        description="x",
        include_photo=True,
    )
    assert finding.photos.count() == 1


def test_contact_details_are_erased_after_the_retention_period(report, koordinator, settings):
    settings.TRYGPLAN_POOLS_CONTACT_RETENTION_DAYS = 30
    services.report_reject(report=report, reason="Nej.", user=koordinator)
    assert services.contacts_erase_expired() == []
    later = timezone.now() + datetime.timedelta(days=31)
    erased = services.contacts_erase_expired(now=later)
    report.refresh_from_db()
    assert [r.pk for r in erased] == [report.pk]
    assert (report.first_name, report.email) == ("", "") and report.contacts_erased_at == later
    assert services.contacts_erase_expired(now=later) == []  # idempotent
    entry = AuditEntry.objects.get(code="resident_report.erase_contacts")
    assert "bente" not in str(entry.changes)


def test_undecided_reports_keep_their_contacts(report):
    later = timezone.now() + datetime.timedelta(days=3650)
    assert services.contacts_erase_expired(now=later) == []


def test_the_erasing_job_is_registered():
    from trygplan.operations.jobs import jobs_registered

    assert "erase-expired-reporter-contacts" in {job.name for job in jobs_registered()}
