"""The plan's own pages."""


def bench_overview_page(ctx):
    ctx.get("/p/amager/plans/2016/", "koordinator")


def bench_overview_page_anonymous(ctx):
    ctx.get("/p/amager/plans/2016/")


def bench_activity_page(ctx):
    ctx.get("/p/amager/plans/2016/activities/akutpulje/", "koordinator")


def bench_theory_of_change_page(ctx):
    ctx.get("/p/amager/plans/2016/theory-of-change/")
