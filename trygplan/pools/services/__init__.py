"""Operations on the pools. Each runs in one transaction and records itself in the audit log.

- `applications`: a resident's application and its case (workflow in `pools.workflow`);
- `grants`: grants, fast-track ratification, closing and cancelling, expenses;
- `recommendations`: the working group's proposals at mid-year and year-end;
- `retention`: erasing applicants' contact details on time;
- `years`: a year's pools, opened when its plan is published;
- `settings`: a pool's settings, and opening a pool by hand.
"""

from .applications import (
    allowed_steps,
    application_amend,
    application_submit,
    application_transition,
    application_withdraw_by_applicant,
)
from .grants import expense_add, grant_cancel, grant_create, grant_finish, grant_ratify
from .recommendations import recommendation_save
from .retention import contacts_erase_expired, retention_days
from .settings import pool_create, pool_settings_save
from .years import pools_create_year, pools_open_for_plan

__all__ = [
    "allowed_steps",
    "application_amend",
    "application_submit",
    "application_transition",
    "application_withdraw_by_applicant",
    "contacts_erase_expired",
    "expense_add",
    "grant_cancel",
    "grant_create",
    "grant_finish",
    "grant_ratify",
    "pool_create",
    "pool_settings_save",
    "pools_create_year",
    "pools_open_for_plan",
    "recommendation_save",
    "retention_days",
]
