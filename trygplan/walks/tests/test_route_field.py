"""The route drawn on the map (a hidden JSON input): what cannot be stored is refused."""

import pytest
from django import forms

from trygplan.walks.forms import RouteField


@pytest.mark.parametrize(
    "value",
    [
        '{"coordinates": [[NaN, 55.6]]}',
        '{"coordinates": [[Infinity, 55.6]]}',
        '{"coordinates": [[12.6, 95]]}',
        '{"coordinates": [[1e400, 55.6]]}',
        '{"coordinates": "ab"}',
        "[1, 2]",
        "not json",
    ],
)
def test_a_route_that_cannot_be_stored_is_refused_in_danish(value):
    with pytest.raises(forms.ValidationError) as error:
        RouteField().clean(value)
    assert error.value.messages == ["Ruten kunne ikke læses. Tegn den igen."]


def test_a_route_in_copenhagen_is_kept():
    route = RouteField().clean('{"coordinates": [[12.596, 55.652], [12.599, 55.656]]}')
    assert route == {"type": "LineString", "coordinates": [[12.596, 55.652], [12.599, 55.656]]}
