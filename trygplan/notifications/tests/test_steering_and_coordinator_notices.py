"""The steering group is told a plan (or a report) waits for them; the coordinator gets a
weekly digest of what waits."""

import datetime

from trygplan.notifications.jobs import coordinator_digest
from trygplan.notifications.services import report_waiting_notify
from trygplan.plans.services import plan_transition

from .conftest import submit


def test_the_steering_group_is_told_when_a_plan_is_recommended(
    draft2017, arbejdsgruppe, with_emails, deliver, mailoutbox
):
    with deliver():
        plan_transition(plan=draft2017, action="recommend", user=arbejdsgruppe, comment="Klar.")
    assert [mail.to for mail in mailoutbox] == [["sg@example.org"]]
    mail = mailoutbox[0]
    assert mail.subject == "Tryghedsplan 2017 venter på styregruppens beslutning"
    assert "https://trygplan.test/p/amager/plans/2017/?tillaeg=0" in mail.body
    assert "Klar." in mail.body
    assert "fordi du er med i styregruppen for Amager Partnerskab" in mail.body


def test_a_report_waiting_is_told_once_per_key(amager, with_emails, deliver, mailoutbox):
    with deliver():
        report_waiting_notify(
            partnership=amager,
            title="Statusrapport 2016",
            path="/p/amager/reports/1/",
            key="report:1",
        )
        report_waiting_notify(
            partnership=amager,
            title="Statusrapport 2016",
            path="/p/amager/reports/1/",
            key="report:1",
        )
    assert [mail.subject for mail in mailoutbox] == ["Statusrapport 2016 venter på styregruppen"]
    assert "https://trygplan.test/p/amager/reports/1/" in mailoutbox[0].body


def test_the_coordinator_gets_one_digest_a_week_of_what_waits(
    draft2017, urban, with_emails, deliver, mailoutbox
):
    submit(urban, title="Bænke ved søen")
    monday = datetime.date(2026, 11, 30)
    with deliver():
        coordinator_digest(today=monday)
        coordinator_digest(today=monday + datetime.timedelta(days=1))
    digests = [mail for mail in mailoutbox if "Det venter" in mail.subject]
    assert [mail.to for mail in digests] == [["koordinator@example.org"]]
    body = digests[0].body
    assert "2017: Kladde" in body
    assert "Bænke ved søen" in body
    assert digests[0].subject == "Det venter i Amager Partnerskab (uge 49)"
    mailoutbox.clear()
    with deliver():
        coordinator_digest(today=monday + datetime.timedelta(days=7))
    assert len([mail for mail in mailoutbox if "Det venter" in mail.subject]) == 1
