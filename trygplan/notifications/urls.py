from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.preferences, name="preferences"),
    path("notifications/stop/<str:token>/", views.stop, name="stop"),
    path("p/<slug:slug>/notifications/", views.coordinator, name="coordinator"),
    path("p/<slug:slug>/notifications/figures/", views.figures_request, name="figures_request"),
    path("p/<slug:slug>/notifications/contacts/", views.contacts_save, name="contacts_save"),
]
