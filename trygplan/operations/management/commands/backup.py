"""`trygplan backup [--output FILE | --output -]`: the database and the uploads in one archive.

Without --output the archive is written to trygplan-backup-YYYYMMDD-HHMMSS.tar.gz here;
`--output -` writes it to stdout (e.g. `docker compose exec -T web trygplan backup -o - > b.tgz`).
"""

import logging
import sys
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from trygplan.operations.backup import backup_create


@contextmanager
def _logs_to_stderr():
    """The archive goes to stdout: log lines must not go there too."""
    moved = [
        handler
        for handler in logging.getLogger().handlers
        if isinstance(handler, logging.StreamHandler) and handler.stream is sys.stdout
    ]
    for handler in moved:
        handler.setStream(sys.stderr)
    try:
        yield
    finally:
        for handler in moved:
            handler.setStream(sys.stdout)


class Command(BaseCommand):
    help = "Tager en sikkerhedskopi af databasen og de uploadede filer (ét arkiv)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="Archive file, or - for stdout.")

    def handle(self, *args, output=None, **options):
        if output == "-":
            with _logs_to_stderr():
                backup_create(destination=sys.stdout.buffer)
                sys.stdout.buffer.flush()
            return
        path = Path(output or f"trygplan-backup-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz")
        with path.open("xb") as destination:
            manifest = backup_create(destination=destination)
        rows = sum(manifest["counts"].values())
        self.stderr.write(f"{path}: {rows} rows, {len(manifest['media'])} uploaded files.")
