import uuid

import pytest

from trygplan.residents import services
from trygplan.residents.models import Report
from trygplan.walks.tests.conftest import INSIDE, OUTSIDE_AREA, jpeg_bytes  # noqa: F401


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def report_data(**changes) -> dict:
    data = {
        "category": "lighting",
        "lon": INSIDE[0],
        "lat": INSIDE[1],
        "description": "Lampen ved opgang 12 er gået ud.",
        "address": "Remisevej 12",
    }
    data.update(changes)
    return data


@pytest.fixture
def report(amager) -> Report:
    report, _created = services.report_submit(
        partnership=amager,
        data=report_data(first_name="Bente", email="bente@example.org"),
        source=Report.Source.WEB,
        submission_key=uuid.uuid4(),
    )
    return report
