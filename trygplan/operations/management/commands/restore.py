"""`trygplan restore FILE` (or `-` for stdin): an archive from `trygplan backup` into a new,
migrated, empty database (run `trygplan migrate` first, with the same Trygplan version)."""

import sys

from django.core.management.base import BaseCommand, CommandError

from trygplan.operations.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Genskaber en sikkerhedskopi i en ny, tom database."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Archive file from `trygplan backup`, or - for stdin.")

    def handle(self, *args, archive, **options):
        try:
            if archive == "-":
                manifest = backup_restore(source=sys.stdin.buffer)
            else:
                with open(archive, "rb") as source:
                    manifest = backup_restore(source=source)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']}: {rows} rows, "
            f"{len(manifest['media'])} uploaded files."
        )
