"""trygplan export-report amager 2016 --kind annual --format pdf -o aarsrapport-2016.pdf"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from trygplan.reporting.models import ReportRound
from trygplan.reporting.report import FORMATS, render_report


class Command(BaseCommand):
    help = "Eksportér en afrapportering til styregruppen som pdf eller docx."

    def add_arguments(self, parser):
        parser.add_argument("partnership", help="partnerskabets slug, fx amager")
        parser.add_argument("year", type=int)
        parser.add_argument("--kind", choices=ReportRound.Kind.values, default="annual")
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("-o", "--output", help="filnavn (standard: rapportens filnavn)")
        parser.add_argument(
            "--public", action="store_true", help="beboerversionen (uden interne noter)"
        )

    def handle(self, *args, partnership, year, kind, output=None, public=False, **options):
        round_ = (
            ReportRound.private_objects.filter(partnership__slug=partnership, year=year, kind=kind)
            .select_related("partnership", "plan")
            .first()
        )
        if round_ is None:
            raise CommandError(
                f"Der er ingen afrapportering ({kind}) for {partnership} {year}. "
                f"(No {kind} report for {partnership} {year}.)"
            )
        rendered = render_report(round_, options["format"], public=public)
        path = Path(output or rendered.filename)
        path.write_bytes(rendered.content)
        self.stdout.write(f"{path} ({len(rendered.content):,} bytes)".replace(",", "."))
