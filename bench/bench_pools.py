"""The pools' pages and documents on the full demo (2015 and 2016 cases)."""


def _first_application_url(ctx):
    from trygplan.pools.models import Application

    application = Application.private_objects.filter(pool__year=2016).order_by("pk").first()
    return f"/p/amager/pools/applications/{application.pk}/"


def bench_public_index(ctx):
    ctx.get("/p/amager/pools/")


def bench_public_pool_page(ctx):
    ctx.get("/p/amager/pools/2016/urban_space/")


def bench_application_form(ctx):
    ctx.get("/p/amager/pools/2016/safety_activities/apply/")


def bench_manage_page(ctx):
    ctx.get("/p/amager/pools/2016/urban_space/manage/", "arbejdsgruppe")


def bench_application_page(ctx):
    ctx.get(_first_application_url(ctx), "arbejdsgruppe")


def bench_recommendation_page(ctx):
    ctx.get("/p/amager/pools/2016/recommendation/mid_year/", "styregruppe")


def bench_recommendation_pdf(ctx):
    ctx.get("/p/amager/pools/2016/recommendation/mid_year.pdf", "styregruppe")


def bench_recommendation_docx(ctx):
    ctx.get("/p/amager/pools/2016/recommendation/year_end.docx", "styregruppe")


def bench_export_xlsx(ctx):
    ctx.get("/p/amager/pools/2016/export.xlsx", "arbejdsgruppe")
