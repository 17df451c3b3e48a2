from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    path("", views.home, name="home"),
    path("organisation/", views.organisation, name="organisation"),
    path("area.geojson", views.area, name="area"),
]
