from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records that only services may write (audit log, money): the admin shows them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
