"""The Django admin is the city administrator's door, and it is audited like every other door.

- `AuditedAdmin` (and `AuditedInline` for inlines): every add, change and delete in the admin
  writes the same audit entry as the pages do, with `source=admin`; bulk deletes too.
- What is frozen is read-only here as everywhere: a subclass says `is_frozen(obj)` (an approved
  plan and its lines, a decided grant, a locked submission) and the admin then refuses to change
  or delete it.
- Case records (applications, grants, expenses, findings, walks, submissions) are never
  deleted: their admins set `deletable = False`; they are withdrawn or archived on their pages,
  with who and why.
- `ReadOnlyAdmin` shows records that only services may write (the audit log, workflow steps).
"""

from django.contrib import admin
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes


def _audit(request, obj, action: str, *, changes=None, context: dict) -> None:
    audit_record(
        user=request.user,
        obj=obj,
        action=action,
        changes=changes or {},
        reason=_("Ændret i Django-admin"),
        source=AuditEntry.Source.ADMIN,
        **context,
    )


class AuditContextMixin:
    deletable = True

    def audit_context(self, obj) -> dict:
        """partnership / plan / activity_key for the entry (override per model)."""
        partnership = getattr(obj, "partnership", None)
        return {"partnership": partnership} if partnership is not None else {}

    def is_frozen(self, obj) -> bool:
        return False

    def _frozen(self, obj) -> bool:
        return obj is not None and obj.pk is not None and self.is_frozen(obj)


class AuditedAdmin(AuditContextMixin, admin.ModelAdmin):
    def has_change_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if not self.deletable or self._frozen(obj):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        changes = form_changes(form)
        super().save_model(request, obj, form, change)
        if not change or changes:
            action = AuditEntry.Action.UPDATE if change else AuditEntry.Action.CREATE
            _audit(request, obj, action, changes=changes, context=self.audit_context(obj))

    def save_formset(self, request, form, formset, change):
        inline_changes = [
            (inline_form, form_changes(inline_form))
            for inline_form in formset.forms
            if inline_form.has_changed() and not formset._should_delete_form(inline_form)
        ]
        deleted = [obj for obj in formset.deleted_forms if obj.instance.pk]
        for inline_form in deleted:
            _audit(
                request,
                inline_form.instance,
                AuditEntry.Action.DELETE,
                context=self.audit_context(form.instance),
            )
        super().save_formset(request, form, formset, change)
        for inline_form, changes in inline_changes:
            created = not inline_form.initial
            action = AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE
            _audit(
                request,
                inline_form.instance,
                action,
                changes=changes,
                context=self.audit_context(form.instance),
            )

    def delete_model(self, request, obj):
        _audit(request, obj, AuditEntry.Action.DELETE, context=self.audit_context(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            _audit(request, obj, AuditEntry.Action.DELETE, context=self.audit_context(obj))
        super().delete_queryset(request, queryset)


class AuditedInline(admin.TabularInline):
    """An inline whose rows freeze with their parent (`parent_frozen(parent)`)."""

    extra = 0

    def parent_frozen(self, parent) -> bool:
        return False

    def _frozen(self, obj) -> bool:
        return obj is not None and obj.pk is not None and self.parent_frozen(obj)

    def has_add_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_delete_permission(request, obj)


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records that only services may write (audit log, workflow steps)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
