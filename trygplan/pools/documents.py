"""The working group's recommendation as a background rendering (see
`trygplan.documents.background`); never frozen: its figures and proposals may change."""

from trygplan.documents.background import renderer
from trygplan.partnerships.models import Partnership

from . import reports


@renderer("pool_recommendation")
def pool_recommendation(*, partnership: int, year: int, period: str, fmt: str):
    data = reports.recommendation_data(
        partnership=Partnership.objects.get(pk=partnership), year=year, period=period
    )
    render = reports.recommendation_pdf if fmt == "pdf" else reports.recommendation_docx
    return render(data)
