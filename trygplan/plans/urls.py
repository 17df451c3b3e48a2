from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("<int:year>/", views.overview, name="overview"),
    path("<int:year>/theory-of-change/", views.theory_of_change, name="theory"),
    path("<int:year>/activities/<slug:key>/", views.activity_detail, name="activity"),
    path("<int:year>/activities/<slug:key>/edit/", views.activity_edit, name="activity_edit"),
    path(
        "<int:year>/activities/<slug:key>/budget/new/",
        views.budget_line_edit,
        name="budget_line_create",
    ),
    path(
        "<int:year>/activities/<slug:key>/budget/<int:pk>/edit/",
        views.budget_line_edit,
        name="budget_line_edit",
    ),
    path(
        "<int:year>/activities/<slug:key>/budget/<int:pk>/delete/",
        views.budget_line_delete,
        name="budget_line_delete",
    ),
    path(
        "<int:year>/descriptions/<slug:key>/edit/",
        views.description_edit,
        name="description_edit",
    ),
]
