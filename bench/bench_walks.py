"""Safety walks on the full demo (six walks, about 50 findings)."""

from trygplan.walks.models import Walk


def _walk(ctx):
    return Walk.private_objects.for_partnership(ctx.partnership).newest_first().first()


def bench_walk_list(ctx):
    ctx.get("/p/amager/walks/", "koordinator")


def bench_walk_detail_with_recheck(ctx):
    ctx.get(f"/p/amager/walks/{_walk(ctx).pk}/", "koordinator")


def bench_map_page_anonymous(ctx):
    ctx.get("/p/amager/walks/map/")


def bench_map_page_member(ctx):
    ctx.get("/p/amager/walks/map/", "koordinator")


def bench_geojson_anonymous(ctx):
    ctx.get("/p/amager/walks/findings.geojson")


def bench_csv_member(ctx):
    ctx.get("/p/amager/walks/findings.csv", "koordinator")


def bench_followup_report(ctx):
    ctx.get("/p/amager/walks/report/", "koordinator")


def bench_capture_page(ctx):
    ctx.get(f"/p/amager/walks/{_walk(ctx).pk}/capture/", "koordinator")


def bench_protocol_pdf(ctx):
    ctx.get(f"/p/amager/walks/{_walk(ctx).pk}/protocol.pdf", "koordinator")


def bench_protocol_docx(ctx):
    ctx.get(f"/p/amager/walks/{_walk(ctx).pk}/protocol.docx", "koordinator")
