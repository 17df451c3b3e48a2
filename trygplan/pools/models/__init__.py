"""The partnership's pools: applications, decisions, grants, expenses and balances.

Money, defined once (`Pool.balance()`):
- allocation: read from the plan's budget, never typed twice (see `Pool.budget_plan`);
- committed: what open grants may still spend (their amounts minus their expenses);
- spent: the sum of all expenses of all grants (a refund is a negative expense);
- available = allocation - committed - spent.
Closing or cancelling a grant stops it committing money: its unspent rest is released.
Grants are made only through `services.grant_create`, which locks the pool row so two
people granting at the same moment cannot together take the pool below zero.

Contact details of applicants are erased a set time after the case closes
(`trygplan erase-expired-contacts`, settings.TRYGPLAN_POOLS_CONTACT_RETENTION_DAYS).
"""

from .application import (
    Application,
    ApplicationLine,
    ApplicationQuerySet,
    Attachment,
    _new_token,
    private_file_path,
)
from .grant import Expense, Grant, GrantQuerySet, Recommendation
from .pool import INVENTED_HELP, Balance, Pool, PoolQuerySet

__all__ = [
    "INVENTED_HELP",
    "Application",
    "ApplicationLine",
    "ApplicationQuerySet",
    "Attachment",
    "Balance",
    "Expense",
    "Grant",
    "GrantQuerySet",
    "Pool",
    "PoolQuerySet",
    "Recommendation",
    "_new_token",  # referenced by migration 0001
    "private_file_path",  # referenced by migration 0001
]
