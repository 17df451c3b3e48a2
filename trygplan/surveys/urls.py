from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("sikker-by/tryghed/", views.multisite, name="city"),
    path("sikker-by/tryghed/estimater.csv", views.estimates_csv, name="estimates_csv"),
    path("sikker-by/tryghed/indlaes/", views.import_upload, name="import"),
    path("sikker-by/tryghed/indlaes/<int:pk>/", views.import_mapping, name="import_mapping"),
    path("sikker-by/tryghed/undersoegelser/<int:year>/", views.survey_detail, name="survey"),
    path(
        "sikker-by/tryghed/undersoegelser/<int:year>/offentliggoer/",
        views.survey_publish,
        name="survey_publish",
    ),
    path("sikker-by/tryghed/<slug:slug>/", views.multisite, name="domain"),
    path("sikker-by/tryghed/<slug:slug>/pdf/", views.multisite_pdf, name="domain_pdf"),
    path("p/<slug:slug>/tryghed/", views.partnership_survey, name="partnership"),
    path("p/<slug:slug>/tryghed/tal/", views.series_list, name="series_list"),
    path("p/<slug:slug>/tryghed/tal/<slug:key>/", views.series_detail, name="series"),
]
