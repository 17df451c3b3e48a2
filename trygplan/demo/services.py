"""Loading Amager Partnerskab: the seed's 2016 plan (transcribed in seed/amager-2016.yaml)
plus the invented bodies' members and demo logins (seed/amager-invented.yaml)."""

import importlib
from datetime import UTC, datetime, time
from pathlib import Path

import yaml
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from trygplan.lib.geo import load_feature
from trygplan.partnerships.models import (
    Body,
    BodyMember,
    Membership,
    Organisation,
    Partnership,
    Party,
)
from trygplan.plans.models import (
    Activity,
    ActivityDescription,
    BudgetLine,
    Deliverable,
    Effect,
    FocusArea,
    Footnote,
    Plan,
    Result,
)
from trygplan.plans.workflow import PLAN
from trygplan.workflows.models import Step

SEED_DIR = Path(__file__).parent / "seed"
# Modules that add invented demo data of their own: each has demo.load_demo(partnership, plan).
DEMO_MODULES = ["pools", "walks", "followup", "magazine", "surveys", "plans", "reporting"]
DEMO_PASSWORD = "trygplan-demo"
AREA_FILE = "kk_udsatte_byomraader.geojson"
AREA_CREDIT = "Københavns Kommune (Open Data DK), CC BY 4.0: Udsatte byområder, “Urbanplanen mv.”"


def read_seed(name: str = "amager-2016.yaml") -> dict:
    return yaml.safe_load((SEED_DIR / name).read_text(encoding="utf-8"))


def _area(delomraade: str = "Urbanplanen mv.") -> dict | None:
    path = Path(settings.TRYGPLAN_GEO_DIR) / AREA_FILE
    if not path.exists():
        return None
    return load_feature(path, delomraade=delomraade)["geometry"]


def _organisations(rows: list[dict]) -> dict[str, Organisation]:
    by_key = {}
    for row in rows:  # parents first is not required: link parents in a second pass
        org, _ = Organisation.objects.update_or_create(
            key=row["key"],
            defaults={
                "short_name": row.get("short_name") or row["name"],
                "name": row["name"],
                "kind": row.get("kind", Organisation.Kind.OTHER),
            },
        )
        by_key[org.key] = org
    for row in rows:
        if row.get("parent"):
            by_key[row["key"]].parent = by_key[row["parent"]]
            by_key[row["key"]].save(update_fields=["parent"])
    return by_key


def _theory_of_change(partnership: Partnership, seed: dict) -> tuple[dict, dict]:
    effects = [
        Effect.objects.create(partnership=partnership, number=row["number"], name=row["name"])
        for row in seed["effects"]
    ]
    results = {}
    for row in seed["results"]:
        result = Result.objects.create(
            partnership=partnership, number=row["number"], name=row["name"]
        )
        # The seed: all results together lead to both effects.
        result.effects.set(effects)
        results[row["number"]] = result
    focus_areas = {
        row["number"]: FocusArea.objects.create(
            partnership=partnership,
            number=row["number"],
            short_name=row["short_name"],
            name=row["name"],
            description=(row.get("description") or "").strip(),
        )
        for row in seed["focus_areas"]
    }
    return results, focus_areas


def _text(row: dict, key: str) -> str:
    return (row.get(key) or "").strip()


def _descriptions(plan, seed, results, focus_areas, orgs) -> dict[str, ActivityDescription]:
    descriptions = {}
    for order, row in enumerate(seed["descriptions"]):
        description = ActivityDescription.objects.create(
            plan=plan,
            key=row["key"],
            title=row["title"],
            focus_area=focus_areas.get(row.get("focus_area")),
            parent=descriptions.get(row.get("parent")),
            order=order,
            **{name: _text(row, name) for name in ActivityDescription.TEXT_FIELDS},
        )
        description.results.set([results[number] for number in row.get("results") or []])
        description.responsible_organisations.set(
            [orgs[key] for key in row.get("responsible") or []]
        )
        for position, item in enumerate(row.get("deliverables") or []):
            Deliverable.objects.create(
                description=description,
                order=position,
                text=item["text"].strip(),
                quantity=item.get("quantity"),
                quantity_max=item.get("quantity_max"),
                unit=item.get("unit", ""),
                comparator=item.get("comparator", ""),
                period=item.get("period", ""),
                counts_people=item.get("counts_people", False),
                counts_from=item.get("counts_from", ""),
                counts_event_kind=item.get("counts_event_kind", ""),
            )
        descriptions[description.key] = description
    return descriptions


def _activities(plan, seed, focus_areas, descriptions, orgs) -> None:
    for row in seed["activities"]:
        activity = Activity.objects.create(
            plan=plan,
            key=row["key"],
            number=row.get("number"),
            name=row["name"],
            description=descriptions.get(row.get("description")),
            is_new=row.get("is_new", False),
            has_ended=row.get("has_ended", False),
            co_finances_housing_plan=row.get("co_finances_housing_plan", False),
        )
        activity.focus_areas.set([focus_areas[n] for n in row.get("focus_areas") or []])
        for order, line in enumerate(row.get("budget") or []):
            BudgetLine.private_objects.create(
                activity=activity,
                year=line["year"],
                amount=line["amount"],
                source=line.get("source", BudgetLine.Source.PARTNERSHIP),
                funder=orgs.get(line.get("funder")),
                label=line.get("label") or row["name"],
                note=(line.get("note") or "").strip(),
                order=order,
            )
        for note in row.get("footnotes") or []:
            Footnote.objects.create(
                plan=plan, activity=activity, year=note.get("year"), text=note["text"].strip()
            )


def _approval_from_seed(plan: Plan) -> None:
    """The one approval step the seed dates: the finance committee on 2 February 2016."""
    if plan.finance_committee_date is None:
        return
    Step.objects.create(
        subject=plan,
        workflow=PLAN.name,
        action="approve",
        from_state=Plan.Status.DECIDED,
        to_state=Plan.Status.APPROVED,
        at=datetime.combine(plan.finance_committee_date, time(12), tzinfo=UTC),
        comment="Styregruppen har taget stilling, og Økonomiudvalget godkender anvendelsen af "
        "partnerskabsmidlerne (fra tryghedsplanens tekst).",
    )


def _bodies(partnership: Partnership, invented: dict, orgs: dict) -> None:
    for order, row in enumerate(invented["bodies"]):
        body = Body.objects.create(
            partnership=partnership,
            kind=row["kind"],
            name=row["name"],
            purpose=row.get("purpose", ""),
            order=order,
        )
        for member in row.get("members") or []:
            BodyMember.objects.create(
                body=body,
                name=member["name"],
                title=member.get("title", ""),
                organisation=orgs.get(member.get("organisation")),
                is_chair=member.get("is_chair", False),
                is_invented=True,
            )


def demo_users(partnership: Partnership, invented: dict) -> list[str]:
    """Create the demo logins (demo mode only). Returns their usernames."""
    if not settings.TRYGPLAN_DEMO:
        return []
    User = get_user_model()
    names = []
    for row in invented["users"]:
        user, created = User.objects.get_or_create(
            username=row["username"],
            defaults={
                "first_name": row["first_name"],
                "last_name": row["last_name"],
                "is_city_admin": row.get("city_admin", False),
                "is_staff": row.get("city_admin", False),
                "is_superuser": row.get("city_admin", False),
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if row.get("role"):
            Membership.objects.get_or_create(
                user=user, partnership=partnership, defaults={"role": row["role"]}
            )
        names.append(user.username)
    return names


@transaction.atomic
def demo_load(*, reset: bool = False, extras: bool = True) -> tuple[Partnership, bool]:
    """Load Amager Partnerskab if it is not there. Returns (partnership, created).

    `extras=False` loads only the seed's plan (and the demo users): tests use it, and
    load each module's invented data where they need it.
    """
    seed, invented = read_seed(), read_seed("amager-invented.yaml")
    slug = seed["partnership"]["slug"]
    existing = Partnership.objects.filter(slug=slug).first()
    if existing and not reset:
        demo_users(existing, invented)
        return existing, False
    if existing:
        # Plans first: their descriptions protect the focus areas they stand under.
        Plan.private_objects.filter(partnership=existing).delete()
        existing.delete()

    info = seed["partnership"]
    partnership = Partnership.objects.create(
        slug=slug,
        name=info["name"],
        also_known_as=info.get("also_known_as", ""),
        area_name=info.get("area_name", ""),
        period_start=info["period_start"],
        period_end=info["period_end"],
        description=_text(info, "description"),
        area=_area(),
        area_source=AREA_CREDIT,
    )
    orgs = _organisations(seed["organisations"])
    for order, row in enumerate(r for r in seed["organisations"] if r.get("party")):
        Party.objects.create(partnership=partnership, organisation=orgs[row["key"]], order=order)
    results, focus_areas = _theory_of_change(partnership, seed)

    info = seed["plan"]
    plan = Plan.private_objects.create(
        partnership=partnership,
        year=info["year"],
        title=info["title"],
        status=Plan.Status.PUBLISHED,
        frame=info["frame"],
        co_financing_required=info["co_financing_required"],
        introduction=_text(info, "introduction"),
        theory_of_change_intro=_text(info, "theory_of_change_intro"),
        overview_intro=_text(info, "overview_intro"),
        finance_committee_date=info.get("finance_committee_date"),
    )
    _approval_from_seed(plan)
    descriptions = _descriptions(plan, seed, results, focus_areas, orgs)
    _activities(plan, seed, focus_areas, descriptions, orgs)
    for note in seed.get("footnotes") or []:
        Footnote.objects.create(plan=plan, key=note["key"], text=note["text"].strip())
    _bodies(partnership, invented, orgs)
    demo_users(partnership, invented)
    # Invented data is for demo mode only: its workflows are carried out by the demo users.
    if extras and settings.TRYGPLAN_DEMO:
        for module in DEMO_MODULES:
            importlib.import_module(f"trygplan.{module}.demo").load_demo(
                partnership=partnership, plan=plan
            )
        from .tingbjerg import load_tingbjerg_husum

        load_tingbjerg_husum(amager=partnership, reset=reset)
    return partnership, True
