"""trygplan export-plan amager 2016 --format pdf -o tryghedsplan-2016.pdf"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from trygplan.documents.plan_document import FORMATS, render_plan
from trygplan.plans.models import Plan


class Command(BaseCommand):
    help = "Eksportér en tryghedsplan som pdf, docx, html, xlsx eller csv."

    def add_arguments(self, parser):
        parser.add_argument("partnership", help="partnerskabets slug, fx amager")
        parser.add_argument("year", type=int)
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("-o", "--output", help="filnavn (standard: planens filnavn)")
        parser.add_argument(
            "--amendment", type=int, help="tillæg nr. (standard: nyeste version af året)"
        )
        parser.add_argument(
            "--with-checks", action="store_true", help="tilføj kontrollen som bilag"
        )

    def handle(self, *args, partnership, year, output=None, amendment=None, **options):
        plans = Plan.private_objects.filter(partnership__slug=partnership)
        plan = plans.versions_of(year, amendment).select_related("partnership").first()
        if plan is None:
            raise CommandError(
                f"Der er ingen tryghedsplan for {partnership} {year}. "
                f"(No plan for {partnership} {year}.)"
            )
        rendered = render_plan(plan, options["format"], with_checks=options["with_checks"])
        path = Path(output or rendered.filename)
        path.write_bytes(rendered.content)
        self.stdout.write(f"{path} ({len(rendered.content):,} bytes)".replace(",", "."))
