"""The API's shapes (pydantic via django-ninja). Field names are English; texts (labels,
names) are as stored or in the request's language.

Counts of people and values that may be small are given as a pair: `count`/`value` is the
number, or null when the pages hide it, and `shown` is exactly what the pages show ("<5",
"×" or the number as text). A hidden number is never sent.
"""

import datetime
from decimal import Decimal

from ninja import Field, Schema


class ErrorOut(Schema):
    detail: str | list = Field(description="What went wrong (Danish, or field errors).")
    errors: dict[str, list[str]] = Field(default_factory=dict)


class ShownCount(Schema):
    count: int | None = Field(description="The number, or null where the pages hide it.")
    shown: str = Field(description='As the pages show it: "<5", "×" or the number.')


class PageMeta(Schema):
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None


# ---- partnerships ---------------------------------------------------------------------------


class OrganisationOut(Schema):
    key: str
    short_name: str
    name: str
    kind: str


class PartnershipOut(Schema):
    slug: str = Field(description="Stable id; the `area` filter and Open311's jurisdiction_id.")
    name: str
    also_known_as: str
    area_name: str
    period_start: int
    period_end: int
    url: str


class PartnershipDetailOut(PartnershipOut):
    description: str
    area: dict | None = Field(description="The area as a GeoJSON geometry (WGS 84).")
    area_source: str
    parties: list[OrganisationOut]


# ---- plans ----------------------------------------------------------------------------------


class PlanOut(Schema):
    id: int
    partnership: str
    year: int
    amendment: int
    title: str
    status: str
    status_label: str
    url: str


class BudgetLineOut(Schema):
    year: int
    amount: int = Field(description="Whole Danish kroner.")
    source: str
    source_label: str
    funder: str | None
    label: str


class DeliverableOut(Schema):
    id: int
    text: str
    quantity: int | None
    unit: str
    comparator: str
    period: str


class ActivityOut(Schema):
    key: str = Field(description="Stable across plan years.")
    number: int | None
    name: str
    is_new: bool
    has_ended: bool
    focus_areas: list[int]
    results: list[int]
    deliverables: list[DeliverableOut]
    budget_lines: list[BudgetLineOut]


class ResultOut(Schema):
    number: int
    name: str
    effects: list[int]


class EffectOut(Schema):
    number: int
    name: str


class PlanDetailOut(PlanOut):
    frame: int | None
    activities: list[ActivityOut]
    results: list[ResultOut]
    effects: list[EffectOut]


class PlanPage(PageMeta):
    items: list[PlanOut]


# ---- pools ----------------------------------------------------------------------------------


class GrantOut(Schema):
    title: str
    decided_on: datetime.date | None
    amount: int
    status: str


class PoolOut(Schema):
    id: int
    partnership: str
    year: int
    kind: str
    name: str
    purpose: str
    who_may_apply: str
    max_per_application: int | None
    accepts_applications: bool
    allocation: int
    committed: int
    spent: int
    available: int
    url: str


class PoolDetailOut(PoolOut):
    grants: list[GrantOut]


class PoolPage(PageMeta):
    items: list[PoolOut]


# ---- findings -------------------------------------------------------------------------------


class StepOut(Schema):
    status: str
    status_label: str
    at: datetime.datetime
    comment: str | None = Field(description="Members only; null for everyone else.")


class FindingOut(Schema):
    id: int
    partnership: str
    number: int
    category: str
    category_label: str
    status: str
    status_label: str
    is_closed: bool
    good_place: bool
    place: str
    lat: float
    lon: float
    found_on: datetime.date
    description: str
    proposed_measure: str
    owner: str
    public_reason: str
    forwarded_to: str
    duplicate_of: int | None
    visibility: str | None = Field(description="Members only.")
    deadline: datetime.date | None = Field(description="Members only.")
    walk: int | None = Field(description="Members only: the walk's id.")
    url: str


class FindingDetailOut(FindingOut):
    history: list[StepOut]
    photos: list[str]


class FindingPage(PageMeta):
    items: list[FindingOut]


class FindingIn(Schema):
    client_uuid: str = Field(description="Made by the client; a retry with it saves nothing new.")
    lat: float
    lon: float
    category: str
    description: str = ""
    is_good_place: bool = False
    score_feeling: int | None = Field(None, ge=0, le=3)


class WalkOut(Schema):
    id: int
    partnership: str
    title: str
    kind: str
    starts_at: datetime.datetime
    status: str
    url: str


class WalkPage(PageMeta):
    items: list[WalkOut]


# ---- events ---------------------------------------------------------------------------------


class AttendanceOut(ShownCount):
    group: str
    label: str


class EventOut(Schema):
    id: int
    partnership: str
    kind: str
    kind_label: str
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    place: str
    organiser: str | None
    activity_key: str
    is_public: bool
    story: str
    attendance: list[AttendanceOut]
    total: ShownCount
    is_invented: bool
    url: str


class EventPage(PageMeta):
    items: list[EventOut]


# ---- indicators -----------------------------------------------------------------------------


class ShownValue(Schema):
    value: float | None = Field(description="The value, or null where the pages hide it.")
    shown: str | None = Field(description='As the pages show it ("<5", "12,5"), or null.')


class IndicatorOut(Schema):
    id: int
    key: str
    partnership: str
    name: str
    kind: str
    measure: str
    definition: str
    source: str
    source_label: str
    reported_by: str
    unit: str
    higher_is_better: bool
    counts_young_people: bool
    result: int | None
    effect: int | None
    baseline: ShownValue
    baseline_label: str
    url: str


class IndicatorYearOut(ShownValue):
    year: int
    target: float | None
    change: str
    quality: str | None
    approved: bool | None


class IndicatorDetailOut(IndicatorOut):
    values: list[IndicatorYearOut]


class IndicatorPage(PageMeta):
    items: list[IndicatorOut]


class IndicatorValueOut(ShownValue):
    indicator: str = Field(description="The indicator's key.")
    area: str = Field(description="The partnership's slug.")
    source: str
    period: int
    quality: str
    approved: bool


class IndicatorValuePage(PageMeta):
    items: list[IndicatorValueOut]


# ---- surveys --------------------------------------------------------------------------------


class EstimateOut(Schema):
    year: int
    domain: str
    domain_name: str
    question: str
    question_text: str
    statistic: str
    is_mean: bool
    estimate: float | None = Field(description="Null below the minimum number of answers.")
    se: float | None
    ci_low: float | None
    ci_high: float | None
    n: int
    suppressed: bool
    uncertain: bool


class EstimatePage(PageMeta):
    items: list[EstimateOut]


# ---- the token's own user: submissions and progress ------------------------------------------


class MembershipOut(Schema):
    partnership: str
    role: str


class ReporterOut(Schema):
    partnership: str
    organisation: str


class MeOut(Schema):
    username: str
    name: str
    is_city_admin: bool
    memberships: list[MembershipOut]
    reports_for: list[ReporterOut]


class SubmissionValueOut(ShownValue):
    indicator: str
    quality: str
    note: str


class SubmissionOut(Schema):
    id: int
    partnership: str
    organisation: str
    year: int
    status: str
    status_label: str
    values: list[SubmissionValueOut]
    url: str


class SubmissionPage(PageMeta):
    items: list[SubmissionOut]


class SubmissionIn(Schema):
    area: str = Field(description="The partnership's slug.")
    year: int = Field(ge=2000, le=2100)


class ValueIn(Schema):
    indicator: str = Field(description="The indicator's key.")
    value: Decimal = Field(
        ge=0, max_digits=12, decimal_places=2, description="At most two decimals."
    )
    quality: str = Field("provisional", description="provisional or final")
    note: str = Field("", max_length=300)


class ValuesIn(Schema):
    values: list[ValueIn]
    reason: str = Field("", description="Needed to change a final value.")


class ProgressIn(Schema):
    date: datetime.date
    count: int = Field(ge=0, le=1_000_000)
    note: str = Field("", max_length=300)


class ProgressOut(Schema):
    id: int
    deliverable: int
    date: datetime.date
    count: int
    note: str
