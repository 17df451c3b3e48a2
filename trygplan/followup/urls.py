from django.urls import path

from . import setup_views, views

app_name = "followup"

urlpatterns = [
    path("", views.index, name="index"),
    path("setup/", setup_views.setup, name="setup"),
    path("setup/indicators/new/", setup_views.indicator_create, name="indicator_create"),
    path("setup/indicators/<slug:key>/", setup_views.indicator_edit, name="indicator_edit"),
    path(
        "setup/indicators/<slug:key>/delete/",
        setup_views.indicator_delete,
        name="indicator_delete",
    ),
    path("setup/reporters/new/", setup_views.reporter_create, name="reporter_create"),
    path("setup/reporters/<int:pk>/", setup_views.reporter_edit, name="reporter_edit"),
    path("setup/reporters/<int:pk>/delete/", setup_views.reporter_delete, name="reporter_delete"),
    path("setup/notes/new/", setup_views.chart_note_create, name="chart_note_create"),
    path("setup/notes/<int:pk>/", setup_views.chart_note_edit, name="chart_note_edit"),
    path("setup/notes/<int:pk>/delete/", setup_views.chart_note_delete, name="chart_note_delete"),
    path("indicators/<slug:key>/", views.indicator_detail, name="indicator"),
    path("indicators/<slug:key>/values.csv", views.indicator_csv, name="indicator_csv"),
    path("effects/<int:number>/", views.effect_detail, name="effect"),
    path("<int:year>/status/", views.status_board, name="status_board"),
    path("<int:year>/status/progress/new/", views.progress_create, name="progress_create"),
    path("<int:year>/status/progress/<int:pk>/", views.progress_edit, name="progress_edit"),
    path(
        "<int:year>/status/progress/<int:pk>/delete/",
        views.progress_delete,
        name="progress_delete",
    ),
    path("<int:year>/money-to-results/", views.contribution, name="contribution"),
    path("submissions/", views.submission_list, name="submissions"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission"),
    path("submissions/<int:pk>/values/", views.submission_values, name="submission_values"),
    path("submissions/<int:pk>/import/", views.submission_import, name="submission_import"),
    path(
        "submissions/<int:pk>/<slug:action>/",
        views.submission_transition,
        name="submission_transition",
    ),
    path("events/", views.event_list, name="events"),
    path("events/new/", views.event_create, name="event_create"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/photos/<int:pk>/", views.event_photo, name="event_photo"),
    path("events/calendar.ics", views.event_calendar, name="event_calendar"),
]
