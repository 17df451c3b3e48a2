"""The documents' scheduled job (run by `trygplan run-jobs`)."""

import datetime

from trygplan.operations.jobs import job

from .background import documents_clean


@job(
    "documents-clean",
    daily_at=datetime.time(3, 45),
    description="Sletter kladder og andre ikke-låste dokumenter, der er mere end et døgn gamle "
    "(godkendte planer og sendte referater beholdes).",
)
def clean_documents() -> str:
    return f"{documents_clean()} rendering(s) deleted"
