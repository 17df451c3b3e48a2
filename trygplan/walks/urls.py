from django.urls import path

from . import views

app_name = "walks"

urlpatterns = [
    path("", views.walk_list, name="walk_list"),
    path("new/", views.walk_create, name="walk_create"),
    path("<int:pk>/", views.walk_detail, name="walk_detail"),
    path("<int:pk>/edit/", views.walk_edit, name="walk_edit"),
    path("<int:pk>/advance/", views.walk_advance, name="walk_advance"),
    path("<int:pk>/participants/", views.participants_add, name="participants_add"),
    path(
        "<int:pk>/participants/<int:row>/remove/",
        views.participants_remove,
        name="participants_remove",
    ),
    path("<int:pk>/capture/", views.walk_capture, name="capture"),
    # The capture page's service worker: served here so its scope (/p/<slug>/walks/) covers
    # every walk's capture page.
    path("capture-worker.js", views.capture_worker, name="capture_worker"),
    path("<int:pk>/findings/", views.finding_create, name="finding_create"),
    path("<int:pk>/recheck/<int:finding>/", views.rerating_save, name="rerating_save"),
    path("<int:pk>/protocol.pdf", views.walk_protocol, {"fmt": "pdf"}, name="protocol_pdf"),
    path("<int:pk>/protocol.docx", views.walk_protocol, {"fmt": "docx"}, name="protocol_docx"),
    path("findings/<int:pk>/", views.finding_detail, name="finding_detail"),
    path("findings/<int:pk>/edit/", views.finding_edit, name="finding_edit"),
    path("findings/<int:pk>/step/", views.finding_step, name="finding_step"),
    path("photos/<int:pk>/", views.photo, name="photo"),
    path("map/", views.findings_map, name="map"),
    path("findings.geojson", views.findings_geojson, name="geojson"),
    path("findings.csv", views.findings_csv, name="csv"),
    path("report/", views.followup_report, name="report"),
]
