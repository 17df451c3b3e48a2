"""What every router shares: the caller, pages of results, absolute URLs, the `area` filter
and the error answers each operation documents."""

from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.shortcuts import get_object_or_404

from trygplan.partnerships.models import Partnership

from .auth import user_of
from .schemas import ErrorOut

__all__ = ["ERRORS", "READ_ERRORS", "absolute", "page_of", "partnerships_for", "union", "user_of"]

# Every operation says what else it may answer (schemathesis checks that it does not lie).
READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
MAX_PAGE_SIZE = 200


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def partnerships_for(area: str | None) -> list[Partnership]:
    """`area` names one partnership (its slug; unknown is a 404); without it, all of them."""
    if area:
        return [get_object_or_404(Partnership, slug=area)]
    return list(Partnership.objects.all())


def union(querysets, model_manager):
    """One queryset of the rows each partnership's access helper lets through."""
    querysets = list(querysets)
    if not querysets:
        return model_manager.none()
    return reduce(or_, querysets)


def page_of(request, rows, *, page: int, page_size: int, serialise) -> dict:
    """A page of a queryset or list: {count, page, page_size, next, previous, items}."""
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    page = max(1, page)
    count = rows.count() if hasattr(rows, "count") and not isinstance(rows, list) else len(rows)
    start = (page - 1) * page_size
    items = [serialise(row) for row in rows[start : start + page_size]]

    def link(number):
        query = request.GET.copy()
        query["page"], query["page_size"] = str(number), str(page_size)
        return request.build_absolute_uri(request.path) + "?" + urlencode(sorted(query.items()))

    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "next": link(page + 1) if start + page_size < count else None,
        "previous": link(page - 1) if page > 1 and start - page_size < count else None,
        "items": items,
    }
