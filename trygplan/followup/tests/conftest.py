"""Follow-up fixtures: the module's demo data on top of the seed's 2016 plan."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from trygplan.followup.demo import load_demo
from trygplan.followup.models import Indicator, Submission


@pytest.fixture
def followup(amager, plan2016):
    """Indicators, values 2014-2016, progress, events and reporters (partner reports for SSP)."""
    load_demo(partnership=amager, plan=plan2016)
    return amager


@pytest.fixture
def ssp_cases(followup):
    return Indicator.objects.get(partnership=followup, key="ssp-enkeltsager")


@pytest.fixture
def draft_submission(followup, partner):
    """SSP's draft for 2017, the partner's organisation."""
    return Submission.private_objects.create(
        partnership=followup,
        organisation=Indicator.objects.get(key="ssp-enkeltsager").reported_by,
        year=2017,
    )


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def photo_upload():
    """A phone photo with the camera and a GPS position in its EXIF."""
    from PIL import Image

    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "TestCam"
    exif[0x8825] = {1: "N", 2: (55.0, 39.0, 36.0), 3: "E", 4: (12.0, 36.0, 45.0)}
    Image.new("RGB", (2400, 1800), "#4a7").save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("IMG_0001.jpg", buffer.getvalue(), content_type="image/jpeg")
