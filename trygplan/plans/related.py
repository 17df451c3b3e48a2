"""Links from a plan version's page to what other modules tie to it.

Other modules register a function in their `AppConfig.ready()`:
`PLAN_LINKS.append(f)` with `f(plan) -> [(text, url)]` (the reporting module links an
amendment to the steering-group decision that opened it). The plans module itself knows
nothing of them.
"""

PLAN_LINKS: list = []


def related_links(plan) -> list[tuple[str, str]]:
    return [link for function in PLAN_LINKS for link in function(plan)]
