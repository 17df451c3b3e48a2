"""The demo's next year: 2017 as a draft in preparation, made from the 2016 plan by the same
service a working group calls ("Opret næste års plan"), with a few invented changes through
the same services as the pages. The plan is labelled "Opdigtede demodata"."""

from django.contrib.auth import get_user_model

from . import services
from .forms import BudgetLineForm, NewActivityForm
from .models import Activity, BudgetLine, Plan

REASON = "Opdigtet demo-ændring."


def _user(username):
    return get_user_model().objects.get(username=username)


def _budget(line: BudgetLine, amount: int, user) -> None:
    data = {
        "year": line.year,
        "label": line.label,
        "amount": str(amount),
        "source": line.source,
        "funder": line.funder_id or "",
        "note": line.note,
    }
    form = BudgetLineForm(data, instance=line)
    _require_valid(form)
    services.plan_item_save(form=form, user=user, reason=REASON)


def _require_valid(form) -> None:
    if not form.is_valid():
        raise ValueError(f"The demo's invented change is invalid: {form.errors.as_json()}")


def load_demo(*, partnership, plan) -> None:
    """2017 as a draft: Streetsport goes on in a smaller scale (as its text foresees), and an
    invented new activity takes the freed money, so the frame still adds up."""
    if Plan.private_objects.filter(partnership=partnership, year=plan.year + 1).exists():
        return
    user = _user("arbejdsgruppe")
    draft = services.plan_create_next_year(plan=plan, user=user)
    Plan.private_objects.filter(pk=draft.pk).update(is_invented=True)
    streetsport = BudgetLine.private_objects.get(
        activity__plan=draft, activity__key="streetsport", year=draft.year
    )
    _budget(streetsport, 66_000, user)
    form = NewActivityForm(
        {
            "number": 18,
            "name": "Lys og udsyn ved stierne i Hørgården",
            "focus_areas": list(
                partnership.focus_areas.filter(number=2).values_list("pk", flat=True)
            ),
        },
        instance=Activity(plan=draft),
    )
    _require_valid(form)
    activity = services.activity_create(form=form, user=user)
    new_line = BudgetLine(activity=activity, year=draft.year, label=activity.name)
    _budget(new_line, 66_000, user)
