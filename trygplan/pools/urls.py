from django.urls import path, register_converter

from . import settings_views, views
from .models import Pool


class KindConverter:
    regex = "|".join(Pool.Kind.values)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(KindConverter, "poolkind")

app_name = "pools"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", settings_views.pool_create, name="pool_create"),
    path("<int:year>/<poolkind:kind>/", views.pool_public, name="pool"),
    path("<int:year>/<poolkind:kind>/apply/", views.apply, name="apply"),
    path("<int:year>/<poolkind:kind>/manage/", views.manage, name="manage"),
    path(
        "<int:year>/<poolkind:kind>/settings/",
        settings_views.pool_settings,
        name="pool_settings",
    ),
    path("<int:year>/export.<str:fmt>", views.export, name="export"),
    path(
        "<int:year>/recommendation/<slug:period>/",
        views.recommendation,
        name="recommendation",
    ),
    path(
        "<int:year>/recommendation/<slug:period>.<str:fmt>",
        views.recommendation_download,
        name="recommendation_download",
    ),
    path("link/<str:token>/", views.applicant, name="applicant"),
    path("link/<str:token>/withdraw/", views.applicant_withdraw, name="applicant_withdraw"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path(
        "applications/<int:pk>/transition/",
        views.application_transition,
        name="transition",
    ),
    path("applications/<int:pk>/grant/", views.application_grant, name="grant"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("grants/<int:pk>/ratify/", views.grant_ratify, name="ratify"),
    path("grants/<int:pk>/cancel/", views.grant_cancel, name="cancel"),
    path("grants/<int:pk>/expenses/new/", views.expense_new, name="expense_new"),
    path("expenses/<int:pk>/receipt/", views.receipt_download, name="receipt"),
]
