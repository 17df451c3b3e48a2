"""Who gets a notice about what (the decision is in docs/architecture.md, "Notifications").

- an applicant: the e-mail on their application, while its contact details are kept;
- a finding: the contact the coordinator gave for its owning organisation in the partnership,
  or, where that organisation has none, for the nearest organisation above it;
- reporters: users who are `followup.Reporter`s (of one organisation, or all of them);
- the steering group and the coordinator: members with that role.
Invented demo rows notify nobody: their addresses are made up.
"""

from django.contrib.auth import get_user_model

from trygplan.partnerships.models import Role

from .models import OrganisationContact
from .services import Recipient


def user_recipient(user) -> Recipient:
    return Recipient(key=f"user:{user.pk}", email=user.email, name=user.get_full_name(), user=user)


def applicant(application) -> list[Recipient]:
    if application.is_invented or not application.has_contacts:
        return []
    if not application.applicant_email:
        return []
    return [
        Recipient(
            key=f"application:{application.pk}",
            email=application.applicant_email,
            name=application.applicant_name,
        )
    ]


def members(partnership, role: str) -> list[Recipient]:
    users = (
        get_user_model()
        .objects.filter(memberships__partnership=partnership, memberships__role=role)
        .filter(is_active=True)
        .exclude(email="")
        .order_by("pk")
    )
    return [user_recipient(user) for user in users]


def steering_group(partnership) -> list[Recipient]:
    return members(partnership, Role.STEERING_GROUP)


def coordinators(partnership) -> list[Recipient]:
    return members(partnership, Role.COORDINATOR)


def reporters(partnership, organisation=None) -> list[Recipient]:
    from trygplan.followup.models import Reporter

    rows = Reporter.objects.filter(partnership=partnership, user__is_active=True).select_related(
        "user", "organisation"
    )
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    return [user_recipient(row.user) for row in rows.order_by("pk") if row.user.email]


def organisation_contact(partnership, organisation) -> OrganisationContact | None:
    """The organisation's contact for findings, or its nearest parent's."""
    contacts = {
        contact.organisation_id: contact
        for contact in OrganisationContact.objects.for_partnership(partnership)
    }
    seen = set()
    while organisation is not None and organisation.pk not in seen:
        if organisation.pk in contacts:
            return contacts[organisation.pk]
        seen.add(organisation.pk)
        organisation = organisation.parent
    return None


def finding_owner(finding) -> list[Recipient]:
    if finding.is_invented or finding.owner_organisation_id is None:
        return []
    contact = organisation_contact(finding.walk.partnership, finding.owner_organisation)
    if contact is None:
        return []
    return [Recipient(key=f"contact:{contact.pk}", email=contact.email)]


def kinds_for_user(user) -> list[str]:
    """The kinds of notice the user's roles can bring them (their page shows these)."""
    from trygplan.followup.models import Reporter
    from trygplan.partnerships.models import Membership

    from .models import AUDIENCES, USER_KINDS, Audience

    roles = set(Membership.objects.filter(user=user).values_list("role", flat=True))
    audiences = set()
    if Reporter.objects.filter(user=user).exists():
        audiences.add(Audience.REPORTER)
    if Role.STEERING_GROUP in roles:
        audiences.add(Audience.STEERING_GROUP)
    if Role.COORDINATOR in roles:
        audiences.add(Audience.COORDINATOR)
    return [kind for kind in USER_KINDS if AUDIENCES[kind] in audiences]


def contact_organisations(partnership):
    """The organisations a coordinator may give a contact for: the parties and the units
    under them, the owners of the partnership's findings, and those that have one."""
    from django.db.models import Q

    from trygplan.partnerships.models import Organisation, Party
    from trygplan.walks.models import Finding

    parties = Party.objects.filter(partnership=partnership).values("organisation_id")
    owners = (
        Finding.private_objects.for_partnership(partnership)
        .exclude(owner_organisation=None)
        .values("owner_organisation_id")
    )
    contacts = OrganisationContact.objects.for_partnership(partnership).values("organisation_id")
    return Organisation.objects.filter(
        Q(pk__in=parties) | Q(parent_id__in=parties) | Q(pk__in=owners) | Q(pk__in=contacts)
    ).order_by("name")


def reporting_organisations(partnership):
    from trygplan.followup.models import Reporter
    from trygplan.partnerships.models import Organisation

    reporting = Reporter.objects.filter(partnership=partnership).values("organisation_id")
    return Organisation.objects.filter(pk__in=reporting).order_by("name")
