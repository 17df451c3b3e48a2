from django.urls import path

from . import views

app_name = "city"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("sikker-by.xlsx", views.overview_xlsx, name="overview_xlsx"),
    path("partnerskaber/nyt/", views.partnership_create, name="partnership_create"),
    path("partnerskaber/<slug:slug>/", views.partnership_setup, name="partnership_setup"),
]
