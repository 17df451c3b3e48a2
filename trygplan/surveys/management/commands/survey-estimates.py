"""trygplan survey-estimates --year 2015 --format csv -o estimater-2015.csv

Writes `year;domain;question;category;estimate;se;ci_low;ci_high;n` with a decimal point;
estimate, se and interval are empty where n is below TRYGPLAN_SURVEY_MIN_N.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from trygplan.lib.files import csv_bytes
from trygplan.surveys import reports
from trygplan.surveys.models import Survey


class Command(BaseCommand):
    help = "Skriv en tryghedsundersøgelses estimater som CSV."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=["csv"], default="csv")
        parser.add_argument("-o", "--output", help="filnavn (standard: standardoutput)")

    def handle(self, *args, year, output=None, **options):
        survey = Survey.private_objects.filter(year=year).first()
        if survey is None:
            raise CommandError(f"Der er ingen tryghedsundersøgelse for {year}.")
        content = csv_bytes(reports.ESTIMATE_HEADER, reports.estimate_rows(survey))
        if output:
            Path(output).write_bytes(content)
            self.stdout.write(f"{output} ({len(content):,} bytes)".replace(",", "."))
        else:
            self.stdout.write(content.decode("utf-8-sig"), ending="")
