"""The Django admin is audited like the pages, refuses to delete case records, and keeps
frozen records read-only."""

import datetime

from django.urls import reverse
from django.utils import timezone

from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.plans.models import BudgetLine, Footnote, Plan
from trygplan.walks.models import Finding, Walk


def _finding(amager):
    walk = Walk.private_objects.create(
        partnership=amager,
        title="Aftenvandring",
        starts_at=timezone.make_aware(datetime.datetime(2016, 10, 12, 19)),
        light=Walk.Light.DARK,
        season=Walk.Season.AUTUMN,
    )
    return Finding.private_objects.create(
        walk=walk,
        number=1,
        lon=12.5975,
        lat=55.6540,
        category="lighting",
        visibility="police_only",
        description="Politiets fund",
    )


def _admin_form(client, url) -> dict:
    """The admin's change form as a browser would post it back."""
    from html.parser import HTMLParser

    class Fields(HTMLParser):
        def __init__(self):
            super().__init__()
            self.data, self.select = {}, None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            name = attrs.get("name")
            if tag == "input" and name and attrs.get("type") not in ("submit", "checkbox"):
                self.data[name] = attrs.get("value", "")
            if tag == "input" and name and attrs.get("type") == "checkbox" and "checked" in attrs:
                self.data[name] = "on"
            if tag == "select" and name:
                self.select = name
            if tag == "option" and self.select and "selected" in attrs:
                self.data[self.select] = attrs.get("value", "")

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None

    parser = Fields()
    parser.feed(client.get(url).content.decode())
    return parser.data


def test_an_admin_change_to_a_findings_visibility_is_in_the_history(client, amager, city_admin):
    finding = _finding(amager)
    client.force_login(city_admin)
    url = reverse("admin:walks_finding_change", args=[finding.pk])
    data = _admin_form(client, url) | {"visibility": "public", "description": "Politiets fund"}
    data["category"] = "lighting"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    finding.refresh_from_db()
    assert finding.visibility == "public"
    entry = AuditEntry.objects.get(object_id=finding.pk, source=AuditEntry.Source.ADMIN)
    assert entry.user == city_admin and entry.partnership == amager
    assert changes_by_label(entry)["Synlighed"] == ["Kun politiet", "Offentlig"]


def test_case_records_cannot_be_deleted_in_the_admin(client, amager, city_admin):
    finding = _finding(amager)
    client.force_login(city_admin)
    for name, pk in [("walks_finding", finding.pk), ("walks_walk", finding.walk_id)]:
        response = client.post(reverse(f"admin:{name}_delete", args=[pk]), {"post": "yes"})
        assert response.status_code == 403
    assert Finding.private_objects.filter(pk=finding.pk).exists()


def test_an_admin_deletion_is_in_the_history(client, draft2017, city_admin):
    note = Footnote.objects.create(plan=draft2017, key="demo-note", text="En fodnote")
    client.force_login(city_admin)
    response = client.post(reverse("admin:plans_footnote_delete", args=[note.pk]), {"post": "yes"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(object_id=note.pk, action="delete")
    assert entry.source == AuditEntry.Source.ADMIN and entry.plan == draft2017


def test_a_published_plans_budget_line_is_read_only_in_the_admin(client, plan2016, city_admin):
    line = BudgetLine.private_objects.filter(activity__plan=plan2016).first()
    client.force_login(city_admin)
    url = reverse("admin:plans_budgetline_change", args=[line.pk])
    page = client.get(url).content.decode()
    assert 'name="amount"' not in page  # shown, not editable
    response = client.post(url, {"amount": "999000"})
    assert response.status_code == 403
    line.refresh_from_db()
    assert line.amount != 999_000


def test_an_earlier_years_line_in_a_draft_is_read_only_in_the_admin(client, amager, city_admin):
    from trygplan.plans.services import plan_create_amendment

    amendment = plan_create_amendment(plan=Plan.private_objects.get(year=2016), user=city_admin)
    earlier = BudgetLine.private_objects.filter(activity__plan=amendment, year=2015).first()
    client.force_login(city_admin)
    response = client.post(reverse("admin:plans_budgetline_change", args=[earlier.pk]), {})
    assert response.status_code == 403


def test_history_outlives_a_deleted_plan(draft2017, arbejdsgruppe):
    entries = AuditEntry.objects.filter(plan=draft2017).count()
    assert entries
    pk = draft2017.pk
    Plan.private_objects.filter(pk=pk).delete()
    assert AuditEntry.objects.filter(content_type__model="plan", object_id=pk).count() >= 1
