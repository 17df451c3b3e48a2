"""Follow-up pages on the full demo (indicators 2014-2016, progress, events)."""


def bench_index_anonymous(ctx):
    ctx.get("/p/amager/followup/")


def bench_indicator_page(ctx):
    ctx.get("/p/amager/followup/indicators/sigtelser-under-18/", "koordinator")


def bench_indicator_csv(ctx):
    ctx.get("/p/amager/followup/indicators/sigtelser-under-18/values.csv")


def bench_effect_turn_the_curve(ctx):
    ctx.get("/p/amager/followup/effects/1/")


def bench_status_board(ctx):
    ctx.get("/p/amager/followup/2016/status/?on=2016-06-30", "koordinator")


def bench_money_to_results(ctx):
    ctx.get("/p/amager/followup/2016/money-to-results/")


def bench_submissions(ctx):
    ctx.get("/p/amager/followup/submissions/", "koordinator")


def bench_events_and_calendar(ctx):
    ctx.get("/p/amager/followup/events/")
    ctx.get("/p/amager/followup/events/calendar.ics")


def bench_event_edit_form(ctx):
    from trygplan.followup.models import Event

    event = Event.private_objects.filter(partnership=ctx.partnership).first()
    ctx.get(f"/p/amager/followup/events/{event.pk}/edit/", "koordinator")


def bench_progress_edit_form(ctx):
    from trygplan.followup.models import DeliverableProgress

    entry = DeliverableProgress.objects.for_plan(ctx.plan).first()
    ctx.get(f"/p/amager/followup/{ctx.plan.year}/status/progress/{entry.pk}/", "koordinator")
