"""The plan's own pages."""


def bench_overview_page(ctx):
    ctx.get("/p/amager/plans/2016/", "koordinator")


def bench_overview_page_anonymous(ctx):
    ctx.get("/p/amager/plans/2016/")


def bench_activity_page(ctx):
    ctx.get("/p/amager/plans/2016/activities/akutpulje/", "koordinator")


def bench_theory_of_change_page(ctx):
    ctx.get("/p/amager/plans/2016/theory-of-change/")


def bench_check_plan(ctx):
    from trygplan.plans.checks import run_checks

    run_checks(ctx.plan)


def bench_diff_page(ctx):
    ctx.get("/p/amager/plans/diff/?from=2016&to=2016", "koordinator")
