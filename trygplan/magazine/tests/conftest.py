"""Magazine fixtures: follow-up's invented events and the magazine's two 2016 issues on top
of the seed's 2016 plan, and Lysfest 2016 with a photo with consent and one without."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from trygplan.followup.demo import load_demo as load_followup
from trygplan.followup.models import Event, EventPhoto
from trygplan.magazine.demo import load_demo as load_magazine


def jpeg(name="lysfest.jpg") -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), "#4a7").save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue(), name=name)


@pytest.fixture
def magazine(amager, plan2016):
    load_followup(partnership=amager, plan=plan2016)
    load_magazine(partnership=amager, plan=plan2016)
    return amager


@pytest.fixture
def lysfest(magazine):
    return Event.private_objects.get(partnership=magazine, title="Lysfest 2016")


@pytest.fixture
def consented(lysfest):
    return EventPhoto.objects.create(
        event=lysfest, image=jpeg(), caption="Lanterner i Remiseparken", consent=True
    )


@pytest.fixture
def without_consent(lysfest):
    return EventPhoto.objects.create(
        event=lysfest, image=jpeg(), caption="Børn med lanterner", consent=False
    )
