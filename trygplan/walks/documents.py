"""The walk protocol as a background rendering (see `trygplan.documents.background`). A sent
protocol (status "referat sendt" or later) is frozen: rendered once per audience (with or
without police-only findings) and then served from storage."""

from trygplan.documents.background import renderer

from . import protocol
from .models import Finding, Walk

SENT = (Walk.Status.PROTOCOL_SENT, Walk.Status.FOLLOW_UP_HELD)


def protocol_is_frozen(walk: Walk) -> bool:
    return walk.status in SENT


@renderer("walk_protocol")
def walk_protocol(*, walk: int, fmt: str, police: bool):
    walk = Walk.private_objects.select_related("partnership").get(pk=walk)
    findings = (
        Finding.private_objects.for_partnership(walk.partnership)
        .for_members(police=police)
        .filter(walk=walk)
        .select_related("owner_organisation", "walk__partnership")
        .prefetch_related("photos")
    )
    render = protocol.protocol_pdf if fmt == "pdf" else protocol.protocol_docx
    return render(walk, findings)
