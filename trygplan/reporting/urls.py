from django.urls import path, register_converter

from . import views


class KindConverter:
    regex = "midyear|annual"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class FormatConverter:
    regex = "pdf|docx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(KindConverter, "reportkind")
register_converter(FormatConverter, "reportfmt")

app_name = "reporting"

ROUND = "<int:year>/<reportkind:kind>/"

urlpatterns = [
    path("", views.index, name="index"),
    path("open/", views.round_open, name="round_open"),
    path("<int:year>/spending/", views.spending, name="spending"),
    path("<int:year>/spending/<int:pk>/delete/", views.spending_delete, name="spending_delete"),
    path(ROUND, views.round_detail, name="round"),
    path(ROUND + "texts/", views.round_texts, name="round_texts"),
    path(ROUND + "step/<slug:action>/", views.round_step, name="round_step"),
    path(ROUND + "report/", views.report, name="report"),
    path(ROUND + "report.<reportfmt:fmt>", views.report_file, name="report_file"),
    path(ROUND + "public/", views.public, name="public"),
    path(ROUND + "public.<reportfmt:fmt>", views.public_file, name="public_file"),
    path(ROUND + "parts/<int:pk>/", views.part_detail, name="part"),
    path(ROUND + "parts/<int:pk>/<slug:action>/", views.part_step, name="part_step"),
    path(ROUND + "recommendations/new/", views.recommendation_edit, name="recommendation_create"),
    path(
        ROUND + "recommendations/<int:pk>/", views.recommendation_edit, name="recommendation_edit"
    ),
    path(
        ROUND + "recommendations/<int:pk>/delete/",
        views.recommendation_delete,
        name="recommendation_delete",
    ),
    path(
        ROUND + "recommendations/<int:pk>/decide/",
        views.recommendation_decide,
        name="recommendation_decide",
    ),
]
