"""A finding's owning organisation is told through the contact the coordinator gave: when the
finding is assigned, 7 days before its deadline, and when it is overdue (once per deadline)."""

import datetime

from django.db import transaction

from trygplan.notifications.jobs import notify_finding_deadlines
from trygplan.notifications.models import OrganisationContact
from trygplan.partnerships.models import Organisation
from trygplan.walks.workflow import FINDING

from .conftest import make_finding

TODAY = datetime.date(2016, 11, 20)


def contact(amager, organisation, email="drift@example.org"):
    return OrganisationContact.objects.create(
        partnership=amager, organisation=organisation, email=email
    )


def test_the_owner_is_told_when_a_finding_is_assigned(
    amager, walk, organisation, arbejdsgruppe, deliver, mailoutbox
):
    contact(amager, organisation)
    finding = make_finding(walk, assignee="Driftsleder Dorte", deadline=datetime.date(2016, 12, 1))
    with deliver(), transaction.atomic():
        FINDING.apply(
            finding, "assign", user=arbejdsgruppe, fields={"owner_organisation": organisation}
        )
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["drift@example.org"]
    assert mail.subject == "Fund nr. 1 fra Aftenvandring i Urbanplanen er tildelt Driften"
    assert "Driftsleder Dorte" in mail.body and "1. december 2016" in mail.body
    assert f"https://trygplan.test/p/amager/walks/findings/{finding.pk}/" in mail.body
    assert "som kontakt for fund, der er tildelt Driften" in mail.body


def test_an_owner_gets_an_email_when_their_finding_goes_overdue_once_per_deadline(
    amager, walk, organisation, deliver, mailoutbox
):
    contact(amager, organisation)
    finding = make_finding(
        walk,
        owner_organisation=organisation,
        status="assigned",
        deadline=TODAY - datetime.timedelta(days=3),
    )
    with deliver():
        notify_finding_deadlines(today=TODAY)
        notify_finding_deadlines(today=TODAY + datetime.timedelta(days=1))
    assert [mail.subject for mail in mailoutbox] == [
        "Fund nr. 1 fra Aftenvandring i Urbanplanen har overskredet fristen"
    ]
    assert "overskredet for 3 dage siden" in mailoutbox[0].body
    finding.deadline = TODAY + datetime.timedelta(days=30)  # a new deadline, missed again
    finding.save()
    mailoutbox.clear()
    with deliver():
        notify_finding_deadlines(today=TODAY + datetime.timedelta(days=31))
    assert len(mailoutbox) == 1


def test_the_owner_is_reminded_seven_days_before_the_deadline(
    amager, walk, organisation, deliver, mailoutbox
):
    contact(amager, organisation)
    make_finding(walk, owner_organisation=organisation, deadline=TODAY + datetime.timedelta(days=7))
    make_finding(
        walk, 2, owner_organisation=organisation, deadline=TODAY + datetime.timedelta(days=8)
    )
    with deliver():
        notify_finding_deadlines(today=TODAY)
    assert [mail.subject for mail in mailoutbox] == [
        "Fund nr. 1 fra Aftenvandring i Urbanplanen har frist 27. november 2016"
    ]


def test_a_closed_finding_is_never_overdue(amager, walk, organisation, deliver, mailoutbox):
    contact(amager, organisation)
    make_finding(
        walk,
        owner_organisation=organisation,
        status="fixed",
        deadline=TODAY - datetime.timedelta(days=3),
    )
    with deliver():
        notify_finding_deadlines(today=TODAY)
    assert mailoutbox == []


def test_a_unit_without_a_contact_uses_the_contact_of_the_organisation_above_it(
    amager, walk, organisation, deliver, mailoutbox
):
    contact(amager, organisation, "parent@example.org")
    unit = Organisation.objects.create(
        key="driften-syd", short_name="Syd", name="Syd", parent=organisation
    )
    make_finding(walk, owner_organisation=unit, deadline=TODAY - datetime.timedelta(days=1))
    with deliver():
        notify_finding_deadlines(today=TODAY)
    assert [mail.to for mail in mailoutbox] == [["parent@example.org"]]


def test_an_organisation_without_a_contact_gets_nothing(walk, organisation, deliver, mailoutbox):
    make_finding(walk, owner_organisation=organisation, deadline=TODAY - datetime.timedelta(days=1))
    with deliver():
        notify_finding_deadlines(today=TODAY)
    assert mailoutbox == []


def test_a_contact_of_another_partnership_is_not_used(
    tingbjerg, walk, organisation, deliver, mailoutbox
):
    contact(tingbjerg, organisation, "tingbjerg@example.org")
    make_finding(walk, owner_organisation=organisation, deadline=TODAY - datetime.timedelta(days=1))
    with deliver():
        notify_finding_deadlines(today=TODAY)
    assert mailoutbox == []
