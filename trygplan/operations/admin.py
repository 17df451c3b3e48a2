from django.contrib import admin

from trygplan.core.admin import ReadOnlyAdmin

from .models import JobState


@admin.register(JobState)
class JobStateAdmin(ReadOnlyAdmin):
    list_display = ("name", "started_at", "finished_at", "succeeded", "message")
