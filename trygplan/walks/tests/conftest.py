"""Fixtures for the walks tests: a walk in Urbanplanen with findings of each visibility."""

import datetime
import io
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from trygplan.partnerships.models import Membership, Role
from trygplan.walks.models import Finding, PoliceAccess, Walk

# Inside the Urbanplanen polygon (the seed's area), and a route through it.
INSIDE = (12.5975, 55.6540)
OUTSIDE_AREA = (12.6100, 55.6600)  # Amager, but outside Urbanplanen
ROUTE = {"type": "LineString", "coordinates": [[12.5960, 55.6520], [12.5990, 55.6560]]}


def jpeg_bytes(size=(800, 600), *, gps=True) -> bytes:
    """A small JPEG; with EXIF carrying a GPS position unless gps=False."""
    from PIL import Image

    image = Image.new("RGB", size, "#4a7")
    buffer = io.BytesIO()
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "TestCam"
        exif[0x8825] = {1: "N", 2: (55.0, 39.0, 36.0), 3: "E", 4: (12.0, 36.0, 45.0)}
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


@pytest.fixture
def photo_upload():
    return SimpleUploadedFile("IMG_0001.jpg", jpeg_bytes(), content_type="image/jpeg")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def walk(amager):
    return Walk.private_objects.create(
        partnership=amager,
        title="Aftenvandring i Urbanplanen",
        starts_at=timezone.make_aware(datetime.datetime(2016, 10, 12, 19, 0)),
        light=Walk.Light.DARK,
        season=Walk.Season.AUTUMN,
        theme="Kvinder",
        route=ROUTE,
        status=Walk.Status.WALKED,
    )


def make_finding(walk, number, **kwargs) -> Finding:
    values = {
        "walk": walk,
        "number": number,
        "client_uuid": uuid.uuid4(),
        "lon": INSIDE[0],
        "lat": INSIDE[1],
        "category": Finding.Category.LIGHTING,
        "place": f"Sted {number}",
        "visibility": Finding.Visibility.PUBLIC,
    }
    values.update(kwargs)
    return Finding.private_objects.create(**values)


@pytest.fixture
def findings(walk):
    """One public, one partnership-only and one police-only finding."""
    return {
        "public": make_finding(walk, 1, place="Stien ved Remiseparken"),
        "partnership": make_finding(
            walk, 2, place="Kælderskakten", visibility=Finding.Visibility.PARTNERSHIP
        ),
        "police": make_finding(
            walk,
            3,
            place="Narkohjørnet",
            visibility=Finding.Visibility.POLICE_ONLY,
            category=Finding.Category.BEHAVIOUR,
        ),
    }


@pytest.fixture
def police(amager):
    """A working-group member from Københavns Politi with police access."""
    user = get_user_model().objects.create_user("politi", password="trygplan-demo")
    Membership.objects.create(user=user, partnership=amager, role=Role.WORKING_GROUP)
    PoliceAccess.objects.create(user=user, partnership=amager)
    return user


def byrumspulje_grant(
    partnership,
    user,
    *,
    title="Nye lamper i gangtunnelen",
    amount=12_000,
    kind="urban_space",
    year=2016,
):
    """A pool grant (the Byrumspulje's of 2016 unless told) and an expense, made through the
    pools module's services."""
    from trygplan.pools import services as pools
    from trygplan.pools.demo import standard_pools
    from trygplan.pools.models import Application, Pool

    status = Application.Status
    pool = {
        p.kind: p
        for p in pools.pools_create_year(
            partnership=partnership, year=year, templates=standard_pools()
        )
    }[Pool(kind=kind).kind]
    application, _created = pools.application_submit(
        pool=pool,
        data={
            "title": title,
            "purpose": "Udbedring efter tryghedsvandringen.",
            "addresses": "Fund fra tryghedsvandringen.",
            "applicant_name": "Arbejdsgruppen",
            "applicant_email": "",
        },
        lines=[("Lamper og montering", amount)],
        files=[],
        submission_key=uuid.uuid4(),
    )
    for to in (status.SCREENING, status.ASSESSED, status.RECOMMENDED):
        pools.application_transition(application=application, to=to, user=user)
    grant = pools.grant_create(application=application, amount=amount, reason="", user=user)
    expense = pools.expense_add(
        grant=grant,
        user=user,
        date=datetime.date(year, 11, 20),
        amount=amount - 500,
        supplier="Amager El-service ApS",
    )
    return grant, expense


@pytest.fixture
def urban_grant(amager, arbejdsgruppe):
    return byrumspulje_grant(amager, arbejdsgruppe)
