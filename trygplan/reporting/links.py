"""The amendment's page links back to the steering-group decision that opened it
(registered on `plans.related.PLAN_LINKS` in `ReportingConfig.ready()`)."""

from django.utils.translation import gettext as _

from .models import ReportRecommendation


def decision_links(plan) -> list[tuple[str, str]]:
    if not plan.amendment:
        return []
    decisions = ReportRecommendation.private_objects.filter(amendment=plan).select_related(
        "round__partnership"
    )
    return [
        (
            _("Åbnet af styregruppens beslutning: %(title)s (%(round)s)")
            % {"title": decision.title, "round": decision.round},
            f"{decision.round.get_absolute_url()}#recommendation-{decision.pk}",
        )
        for decision in decisions
    ]
