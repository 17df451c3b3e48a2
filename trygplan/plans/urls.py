from django.urls import path

from . import cycle_views, description_views, footnote_views, theory_views, views

app_name = "plans"

urlpatterns = [
    path("diff/", cycle_views.diff, name="diff"),
    path("new/", cycle_views.plan_create, name="create"),
    path("diff/aendringer.csv", cycle_views.diff_download, name="diff_csv"),
    path("<int:year>/next-year/", cycle_views.next_year_create, name="next_year"),
    path("<int:year>/settings/", cycle_views.plan_settings, name="settings"),
    path("<int:year>/approved/", cycle_views.frozen, name="frozen"),
    path("<int:year>/amendment/", cycle_views.amendment_create, name="amendment_create"),
    path("<int:year>/approval/<slug:action>/", cycle_views.transition, name="transition"),
    path("<int:year>/activities/new/", cycle_views.activity_create, name="activity_create"),
    path(
        "<int:year>/activities/<slug:key>/delete/",
        cycle_views.activity_delete,
        name="activity_delete",
    ),
    path("theory-of-change/", theory_views.theory_edit, name="theory_edit"),
    path("theory-of-change/links/", theory_views.theory_links, name="theory_links"),
    path(
        "theory-of-change/<slug:kind>/new/",
        theory_views.theory_item_create,
        name="theory_item_create",
    ),
    path(
        "theory-of-change/<slug:kind>/numbers/",
        theory_views.theory_renumber,
        name="theory_renumber",
    ),
    path(
        "theory-of-change/<slug:kind>/<int:pk>/",
        theory_views.theory_item_edit,
        name="theory_item_edit",
    ),
    path(
        "theory-of-change/<slug:kind>/<int:pk>/delete/",
        theory_views.theory_item_delete,
        name="theory_item_delete",
    ),
    path("<int:year>/", views.overview, name="overview"),
    path("<int:year>/footnotes/", footnote_views.footnotes, name="footnotes"),
    path("<int:year>/footnotes/new/", footnote_views.footnote_edit, name="footnote_create"),
    path("<int:year>/footnotes/<int:pk>/", footnote_views.footnote_edit, name="footnote_edit"),
    path(
        "<int:year>/footnotes/<int:pk>/delete/",
        footnote_views.footnote_delete,
        name="footnote_delete",
    ),
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
        description_views.description_edit,
        name="description_edit",
    ),
    path(
        "<int:year>/descriptions/<slug:key>/subactivities/new/",
        description_views.subactivity_create,
        name="subactivity_create",
    ),
]
