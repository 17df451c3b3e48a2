"""The bulk export of published indicator values, for every partnership (?area= for one)."""

from django.urls import path

from . import views

app_name = "followup_exports"

urlpatterns = [
    path("indicator-values.csv", views.indicator_values_export, {"fmt": "csv"}, name="csv"),
    path("indicator-values.xlsx", views.indicator_values_export, {"fmt": "xlsx"}, name="xlsx"),
]
