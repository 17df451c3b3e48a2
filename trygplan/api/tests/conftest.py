import pytest

from trygplan.api.services import token_create
from trygplan.core.tests.test_privacy_crawl import planted  # noqa: F401  (the crawl's markers)


@pytest.fixture
def api_demo(amager, plan2016):
    """The demo's follow-up (indicators, values, events) and walks (public and private
    findings), so the API has something of everything to return."""
    from trygplan.followup.demo import load_demo as load_followup
    from trygplan.pools.demo import load_demo as load_pools
    from trygplan.walks.demo import load_demo as load_walks

    load_pools(partnership=amager, plan=plan2016)
    load_followup(partnership=amager, plan=plan2016)
    load_walks(partnership=amager, plan=plan2016)
    return amager


def bearer(user) -> dict:
    """Test-client headers carrying a fresh token of `user`."""
    _token, key = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
