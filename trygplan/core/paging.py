"""Pages of a long list: 50 rows a page, `?side=N`, other query parameters kept.

Costs two queries (a count and the page), whatever the list's length."""

from django.core.paginator import Page, Paginator

PAGE_SIZE = 50


def page_of(request, items, per_page: int = PAGE_SIZE) -> tuple[Page, str]:
    """(the requested page, the query string without `side` for the page links)."""
    page = Paginator(items, per_page).get_page(request.GET.get("side"))
    rest = request.GET.copy()
    rest.pop("side", None)
    return page, rest.urlencode()
