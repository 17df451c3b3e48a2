"""Admin: the city administrator's door, audited like the pages. Money and case steps change
only through the pool pages (grants and expenses are read-only here); applications are never
deleted (they are withdrawn or rejected on their page), and a decided case is read-only."""

from django.contrib import admin

from trygplan.core.admin import AuditedAdmin, AuditedInline, ReadOnlyAdmin

from .models import Application, ApplicationLine, Expense, Grant, Pool, Recommendation


def _pool_context(pool) -> dict:
    return {"partnership": pool.partnership, "activity_key": pool.activity_key}


@admin.register(Pool)
class PoolAdmin(AuditedAdmin):
    list_display = ["__str__", "partnership", "year", "kind", "activity_key"]
    list_filter = ["partnership", "year", "kind"]
    deletable = False  # deleting a pool would delete its grants and expenses

    def audit_context(self, obj) -> dict:
        return _pool_context(obj)


class LineInline(AuditedInline):
    model = ApplicationLine

    def parent_frozen(self, parent) -> bool:
        return parent.status not in Application.UNDECIDED


@admin.register(Application)
class ApplicationAdmin(AuditedAdmin):
    list_display = ["title", "pool", "status", "created_at", "is_invented"]
    list_filter = ["pool__partnership", "pool__year", "pool__kind", "status"]
    search_fields = ["title"]
    readonly_fields = ["status", "token", "submission_key", "closed_at", "contacts_erased_at"]
    inlines = [LineInline]
    deletable = False

    def audit_context(self, obj) -> dict:
        return _pool_context(obj.pool)

    def is_frozen(self, obj) -> bool:
        return obj.status not in Application.UNDECIDED


@admin.register(Grant)
class GrantAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "pool", "amount", "status", "decided_on", "is_fast_track"]
    list_filter = ["pool__partnership", "pool__year", "pool__kind", "status"]


@admin.register(Expense)
class ExpenseAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "grant", "date", "amount"]


@admin.register(Recommendation)
class RecommendationAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "updated_at"]
