"""The drawings on the full demo: each kind as SVG, and the one SVG -> PNG conversion (for
Word) of the two pictures that go into Word files: the theory of change and a route map.
The PNG benchmarks time the conversion itself, not svg_to_png's memory of recent pictures."""

from functools import cache


@cache
def _diagram_svg(plan_pk):
    from trygplan.plans.diagram import theory_of_change_svg
    from trygplan.plans.models import Plan

    return theory_of_change_svg(Plan.private_objects.get(pk=plan_pk))


def _walk(ctx):
    from trygplan.walks.models import Walk

    return Walk.private_objects.for_partnership(ctx.partnership).newest_first().first()


@cache
def _route_map_svg(walk_pk):
    from trygplan.walks.models import Walk
    from trygplan.walks.protocol import route_map_svg

    walk = Walk.private_objects.get(pk=walk_pk)
    return route_map_svg(walk, list(walk.findings.all()))


def bench_theory_of_change_svg(ctx):
    from trygplan.plans.diagram import theory_of_change_svg

    theory_of_change_svg(ctx.plan)


def bench_theory_of_change_png(ctx):
    """The conversion itself (svg_to_png keeps recent pictures; this skips that)."""
    from trygplan.lib.drawing.png import _convert

    _convert.__wrapped__(str(_diagram_svg(ctx.plan.pk)), 2.0)


def bench_route_map_svg(ctx):
    from trygplan.walks.protocol import route_map_svg

    walk = _walk(ctx)
    route_map_svg(walk, list(walk.findings.all()))


def bench_route_map_png(ctx):
    from trygplan.lib.drawing.png import _convert

    _convert.__wrapped__(str(_route_map_svg(_walk(ctx).pk)), 2.0)


def bench_indicator_chart(ctx):
    from trygplan.followup import reports
    from trygplan.followup.models import Indicator

    indicator = Indicator.objects.get(partnership=ctx.partnership, key="sigtelser-under-18")
    years = reports.indicator_years(indicator, include_unapproved=True)
    reports.indicator_chart(indicator, years, forecast=reports.curve_forecast(indicator, years))


def bench_pool_drawdown_chart(ctx):
    from trygplan.pools.chart import build_draw
    from trygplan.pools.models import Pool

    pool = Pool.private_objects.get(partnership=ctx.partnership, year=2016, kind="urban_space")
    build_draw(pool, pool.balance().allocation)
