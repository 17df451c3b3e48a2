"""Admin: for looking things up. Money and case steps change only through the pool pages,
which record them in the audit log, so grants and expenses are read-only here."""

from django.contrib import admin

from trygplan.core.admin import ReadOnlyAdmin

from .models import Application, ApplicationLine, Expense, Grant, Pool, Recommendation, Transition


@admin.register(Pool)
class PoolAdmin(admin.ModelAdmin):
    list_display = ["__str__", "partnership", "year", "kind", "activity_key"]
    list_filter = ["partnership", "year", "kind"]

    def has_delete_permission(self, request, obj=None):
        return False  # deleting a pool would delete its grants and expenses


class LineInline(admin.TabularInline):
    model = ApplicationLine
    extra = 0


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    readonly_fields = ["from_status", "to_status", "user", "comment", "created_at"]
    can_delete = False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["title", "pool", "status", "created_at", "is_invented"]
    list_filter = ["pool__partnership", "pool__year", "pool__kind", "status"]
    search_fields = ["title"]
    readonly_fields = ["status", "token", "submission_key", "closed_at", "contacts_erased_at"]
    inlines = [LineInline, TransitionInline]


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
