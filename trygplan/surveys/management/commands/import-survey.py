"""trygplan import-survey FILE --year 2015 --weight vaegt --stratum bydel --area saermaaling

Every column that is not the weight, the stratum, the area or `--ignore`d is a question on
`--scale` (default: the only scale, or tryg-utryg-5); `--question COL` (repeatable) names the
question columns instead; `--headline COL` marks headline questions. Problems are printed per
row and column in Danish, and nothing is saved unless the whole file is good.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from trygplan.surveys import importer, services
from trygplan.surveys.forms import question_key
from trygplan.surveys.models import AnswerScale, DistrictSet


class Command(BaseCommand):
    help = "Indlæs en tryghedsundersøgelse (én række pr. respondent) og beregn estimaterne."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV, Excel (.xlsx) eller SPSS (.sav)")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--weight", required=True, help="vægtkolonnen")
        parser.add_argument("--stratum", required=True, help="bydelskolonnen (stratum)")
        parser.add_argument("--area", default="", help="særmålingskolonnen (valgfri)")
        parser.add_argument("--scale", help="svarskalaens korte navn, fx tryg-utryg-5")
        parser.add_argument("--question", action="append", default=[], help="spørgsmålskolonne")
        parser.add_argument("--headline", action="append", default=[], help="hovedtal-kolonne")
        parser.add_argument("--ignore", action="append", default=[], help="kolonne at springe over")
        parser.add_argument("--district-set", help="bydelsinddelingens korte navn")
        parser.add_argument("--fieldwork", default="", help="fx “december 2015 – marts 2016”")
        parser.add_argument("--replace", action="store_true", help="erstat årets undersøgelse")
        parser.add_argument("--publish", action="store_true", help="offentliggør med det samme")

    def _scale(self, slug):
        scales = AnswerScale.objects.all()
        if slug:
            scale = scales.filter(slug=slug).first()
        else:
            scale = (
                scales.first()
                if scales.count() == 1
                else scales.filter(slug="tryg-utryg-5").first()
            )
        if scale is None:
            raise CommandError(f"Ukendt svarskala: {slug or '(ingen valgt)'}. Vælg med --scale.")
        return scale

    def _district_set(self, slug):
        sets = DistrictSet.objects.all()
        found = (
            sets.filter(slug=slug).first()
            if slug
            else (sets.first() if sets.count() == 1 else None)
        )
        if found is None:
            raise CommandError("Vælg bydelsinddeling med --district-set.")
        return found

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            table = importer.read_table(path.name, path.read_bytes())
        except (OSError, importer.FileError) as error:
            raise CommandError(str(error)) from error
        scale = self._scale(options["scale"])
        roles = {options["weight"], options["stratum"], options["area"], *options["ignore"]}
        columns = options["question"] or [c for c in table.columns if c and c not in roles]
        mapping = importer.Mapping(
            weight=options["weight"],
            stratum=options["stratum"],
            area=options["area"],
            questions=[
                importer.QuestionMapping(c, question_key(c), c, scale, c in options["headline"])
                for c in columns
            ],
        )
        try:
            survey = services.survey_import(
                user=None,
                table=table,
                mapping=mapping,
                year=options["year"],
                district_set=self._district_set(options["district_set"]),
                filename=path.name,
                fieldwork=options["fieldwork"],
                replace=options["replace"],
                by_command=True,
            )
        except services.SurveyImportError as error:
            for message in error.messages:
                self.stderr.write(message)
            raise CommandError("Intet er gemt. (Nothing was saved.)") from error
        if options["publish"]:
            services.survey_publish(survey=survey, user=None, by_command=True)
        count = survey.estimates.count()
        respondents = survey.respondent_count
        self.stdout.write(
            f"{survey}: "
            + ngettext("%(n)s respondent", "%(n)s respondenter", respondents) % {"n": respondents}
            + ", "
            + ngettext("%(n)s estimat", "%(n)s estimater", count) % {"n": count}
            + "."
        )
