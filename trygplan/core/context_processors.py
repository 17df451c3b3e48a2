"""What every template may need: the background map's tile server (settings only)."""

from django.conf import settings


def map_tiles(request) -> dict:
    """`TRYGPLAN_TILE_URL` and its attribution for the maps' `data-tiles` attributes
    (`templates/includes/map_tiles.html`); empty: the maps draw the area on a plain ground."""
    return {
        "map_tiles": {
            "url": getattr(settings, "TRYGPLAN_TILE_URL", ""),
            "attribution": getattr(settings, "TRYGPLAN_TILE_ATTRIBUTION", ""),
        }
    }
