"""A pool application's case and a grant's life, declared once.

Application: received → screening → (more information asked ⇄ screening) → assessed →
recommended → granted → in progress → reported → closed; rejected or withdrawn before a
decision. The working group (working group, coordinator or a city administrator) takes the
steps; the coordinator may grant straight away from the acute pool (fast track); the applicant
answers a request and may withdraw through their private link, which is the only key they have
(the view checks it; the engine records them as "the applicant").

Grant: open → closed (the case is over) or cancelled (with a reason); either releases the rest.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trygplan.workflows.engine import Transition, Workflow

from . import access
from .models import Application, Grant

S = Application.Status
UNDECIDED = frozenset(Application.UNDECIDED)
# A coordinator's fast-track grant (acute pool) may come before the usual steps.
FAST_TRACK_FROM = UNDECIDED - {S.MORE_INFO_REQUESTED}


def _manages(user, application) -> bool:
    return access.can_manage(user, application.pool.partnership)


def _fast_tracks(user, application) -> bool:
    pool = application.pool
    return pool.is_acute and access.can_fast_track(user, pool.partnership)


def _applicant(user, application) -> bool:
    return True  # the private link is the applicant's only key; the view has checked it


def _closes_case(application, **_data) -> None:
    if application.status in Application.FINAL:
        application.closed_at = timezone.now()


def _asks(application, *, comment, **_data) -> None:
    application.info_request = comment


def _answered(application, **_data) -> None:
    application.info_request = ""


def _application_context(application) -> dict:
    pool = application.pool
    return {
        "partnership": pool.partnership,
        "plan": pool.budget_plan(),
        "activity_key": pool.activity_key,
    }


def _step(action, sources, target, label, **options) -> Transition:
    options.setdefault("allowed", _manages)
    options.setdefault("refusal", _("Kun arbejdsgruppen kan behandle ansøgninger til puljerne."))
    options.setdefault("prepare", _closes_case)
    return Transition(action, sources=sources, target=target, label=label, **options)


APPLICATION = Workflow(
    name="pool_application",
    model=Application,
    context=_application_context,
    wrong_state=_("En ansøgning med status “%(Status)s” kan ikke flyttes til “%(to)s”."),
    transitions=[
        _step("screen", {S.RECEIVED}, S.SCREENING, _("Start screening")),
        _step(
            "request_info",
            {S.SCREENING},
            S.MORE_INFO_REQUESTED,
            _("Bed om flere oplysninger"),
            comment_required=True,
            comment_prompt=_("Skriv en begrundelse eller hvilke oplysninger der mangler."),
            prepare=_asks,
        ),
        _step(
            "answer",
            {S.MORE_INFO_REQUESTED},
            S.SCREENING,
            _("Ansøgeren har svaret"),
            allowed=_applicant,
            prepare=_answered,
        ),
        _step("assess", {S.SCREENING}, S.ASSESSED, _("Markér som vurderet")),
        _step("recommend", {S.ASSESSED}, S.RECOMMENDED, _("Indstil til bevilling")),
        _step("grant", {S.RECOMMENDED}, S.GRANTED, _("Bevilg")),
        _step(
            "fast_track",
            FAST_TRACK_FROM,
            S.GRANTED,
            _("Hastebevilling (koordinator)"),
            allowed=_fast_tracks,
            refusal=_("Kun koordinatoren kan bevilge straks fra akutpuljen."),
        ),
        _step("start", {S.GRANTED}, S.IN_PROGRESS, _("Markér som i gang")),
        _step("report", {S.IN_PROGRESS}, S.REPORTED, _("Markér som afrapporteret")),
        _step("close", {S.REPORTED}, S.CLOSED, _("Afslut sagen og frigiv resten")),
        _step(
            "cancel",
            {S.GRANTED, S.IN_PROGRESS, S.REPORTED},
            S.CLOSED,
            _("Annullér bevillingen"),
            comment_required=True,
            comment_prompt=_("Skriv hvorfor bevillingen annulleres."),
        ),
        _step(
            "reject",
            UNDECIDED,
            S.REJECTED,
            _("Afslå"),
            comment_required=True,
            comment_prompt=_("Skriv en begrundelse eller hvilke oplysninger der mangler."),
        ),
        _step("withdraw", UNDECIDED, S.WITHDRAWN, _("Markér som trukket tilbage")),
        _step(
            "withdraw_by_applicant",
            UNDECIDED,
            S.WITHDRAWN,
            _("Træk ansøgningen tilbage"),
            allowed=_applicant,
        ),
    ],
)

# Steps the case page offers as plain buttons; the others have pages or links of their own
# (granting, the applicant's answer and withdrawal, cancelling a grant).
CASE_BUTTONS = ("screen", "request_info", "assess", "recommend", "start", "report", "close")
CASE_BUTTONS += ("reject", "withdraw")


def _grant_context(grant) -> dict:
    return _application_context(grant.application)


def _finished(grant, **_data) -> None:
    grant.closed_at = timezone.now()


GRANT = Workflow(
    name="pool_grant",
    model=Grant,
    context=_grant_context,
    wrong_state=_("Bevillingen er allerede lukket."),
    transitions=[
        Transition(
            "close",
            sources={Grant.Status.OPEN},
            target=Grant.Status.CLOSED,
            label=_("Afslut bevillingen"),
            allowed=lambda user, grant: access.can_manage(user, grant.pool.partnership),
            refusal=_("Kun arbejdsgruppen kan behandle ansøgninger til puljerne."),
            prepare=_finished,
        ),
        Transition(
            "cancel",
            sources={Grant.Status.OPEN},
            target=Grant.Status.CANCELLED,
            label=_("Annullér bevillingen"),
            allowed=lambda user, grant: access.can_manage(user, grant.pool.partnership),
            refusal=_("Kun arbejdsgruppen kan behandle ansøgninger til puljerne."),
            comment_required=True,
            comment_prompt=_("Skriv hvorfor bevillingen annulleres."),
            prepare=_finished,
        ),
    ],
)
