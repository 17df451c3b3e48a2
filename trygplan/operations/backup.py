"""Backup and restore of the whole instance: every table's rows and every uploaded file, in one
archive (`trygplan backup`, `trygplan restore`).

The archive is a gzipped tar with, in this order:

  manifest.json   format, when, the Trygplan version, the applied migrations, the row count of
                  every table and the size and SHA-256 of every uploaded file
  data.jsonl      one row a line, every table of every app, many-to-many link tables too
                  (Django's JSON Lines serialiser, primary keys kept, times to the
                  microsecond), read in one consistent snapshot of the database
  media/<name>    the uploaded files, read through the uploads' storage (core.uploads:
                  TRYGPLAN_PRIVATE_MEDIA_ROOT on disk, or S3)

It can be written to and read from a pipe. A restore goes into a database that `trygplan
migrate` has just created, with the same migrations applied as in the backup, and nothing in it
but what `migrate` creates (content types and permissions, which the backup's rows replace so
that every key stays the same). Everything is loaded in one transaction; then the sequences
are reset and every count is checked. Uploaded files are written afterwards and checked too.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import logging
import tarfile
import tempfile
import time
from collections.abc import Iterator
from importlib import metadata
from typing import BinaryIO

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files import File
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from trygplan.core.uploads import private_storage

__all__ = ["BackupError", "backup_create", "backup_restore", "backed_up_models"]

logger = logging.getLogger("trygplan.operations")

FORMAT = "trygplan-backup"
FORMAT_VERSION = 1
# Rows `migrate` itself creates; a restore replaces them with the backup's.
_CREATED_BY_MIGRATE = (Permission, ContentType)


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder cuts datetimes and times to milliseconds; a backup keeps microseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """A backup that cannot be restored here, said in words an operator can act on."""


def backed_up_models() -> list:
    """Every model with a table of its own, in dependency order, then the link tables of
    many-to-many fields (as tables of their own, so their keys are kept too)."""
    app_list = [(config, None) for config in apps.get_app_configs()]
    ordered = serializers.sort_dependencies(app_list, allow_cycles=True)
    links = [
        model for model in apps.get_models(include_auto_created=True) if model._meta.auto_created
    ]
    return [model for model in ordered + links if model._meta.managed and not model._meta.proxy]


def _columns(model) -> list[str]:
    """The model's own columns (not its many-to-many fields, which travel as link tables)."""
    return [field.name for field in model._meta.local_fields]


def _applied_migrations(alias: str) -> list[str]:
    recorder = MigrationRecorder(connections[alias])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _media_names(directory: str = "") -> Iterator[str]:
    try:
        folders, files = private_storage().listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}{name}"
    for folder in sorted(folders):
        yield from _media_names(f"{directory}{folder}/")


def _sha256(name: str) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with private_storage().open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _dump_rows(alias: str, stream) -> dict[str, int]:
    counts = {}
    serializer = serializers.get_serializer("jsonl")()
    connection = connections[alias]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=alias):
        if connection.vendor == "postgresql" and outermost:  # one snapshot for all tables
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        for model in backed_up_models():
            rows = model._base_manager.using(alias).order_by(model._meta.pk.name)
            counts[model._meta.label] = rows.count()
            serializer.serialize(
                rows.iterator(chunk_size=2000),
                stream=stream,
                fields=_columns(model),
                cls=_ExactEncoder,
            )
    return counts


def _add(archive: tarfile.TarFile, name: str, handle, size: int) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(time.time()), 0o600
    archive.addfile(info, handle)


def backup_create(*, destination: BinaryIO, alias: str = DEFAULT_DB_ALIAS) -> dict:
    """Write the archive to `destination` (a file or a pipe); return its manifest."""
    started = time.monotonic()
    with tempfile.TemporaryFile(mode="w+b") as rows:
        text = io.TextIOWrapper(rows, encoding="utf-8", newline="\n")
        counts = _dump_rows(alias, text)
        text.flush()
        media = {
            name: dict(zip(("size", "sha256"), _sha256(name), strict=True))
            for name in _media_names()
        }
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "trygplan_version": metadata.version("trygplan"),
            "database_vendor": connections[alias].vendor,
            "migrations": _applied_migrations(alias),
            "counts": counts,
            "media": media,
        }
        encoded = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
        with tarfile.open(fileobj=destination, mode="w|gz") as archive:
            _add(archive, "manifest.json", io.BytesIO(encoded), len(encoded))
            rows.seek(0, io.SEEK_END)
            size = rows.tell()
            rows.seek(0)
            _add(archive, "data.jsonl", rows, size)
            for name, facts in media.items():
                with private_storage().open(name, "rb") as handle:
                    _add(archive, f"media/{name}", handle, facts["size"])
        text.detach()
    logger.info(
        "backup_created",
        extra={
            "rows": sum(counts.values()),
            "files": len(media),
            "duration_ms": round((time.monotonic() - started) * 1000),
        },
    )
    return manifest


# --- Restore -----------------------------------------------------------------------------


def _read_manifest(member: tarfile.TarInfo | None, archive: tarfile.TarFile) -> dict:
    if member is None or member.name != "manifest.json":
        raise BackupError("Not a Trygplan backup: the archive does not begin with manifest.json.")
    manifest = json.load(archive.extractfile(member))
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"Unknown backup format {manifest.get('format')} {manifest.get('format_version')}."
        )
    return manifest


def _check_target(manifest: dict, alias: str) -> None:
    here = set(_applied_migrations(alias))
    there = set(manifest["migrations"])
    if here != there:
        missing, extra = sorted(there - here), sorted(here - there)
        raise BackupError(
            "The database's migrations differ from the backup's. Restore with the Trygplan "
            f"version that made it ({manifest['trygplan_version']}) into a database migrated "
            f"by it, then upgrade. Only in the backup: {missing[:5]}; only here: {extra[:5]}."
        )
    for model in backed_up_models():
        if model in _CREATED_BY_MIGRATE:
            continue
        if model._base_manager.using(alias).exists():
            raise BackupError(
                f"The database is not empty ({model._meta.label} has rows). Restore into a "
                "new database that only `trygplan migrate` has touched."
            )


def _load_rows(handle, manifest: dict, alias: str) -> None:
    connection = connections[alias]
    if connection.vendor == "postgresql":  # rows refer to rows further down the file
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    for model in _CREATED_BY_MIGRATE:
        model._base_manager.using(alias).all().delete()
    lines = (line.decode("utf-8") for line in handle)  # a stream: no TextIOWrapper (seeks)
    for item in serializers.deserialize("jsonl", lines, using=alias):
        item.save(save_m2m=False, using=alias, force_insert=True)
    models = backed_up_models()
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    for model in models:
        found = model._base_manager.using(alias).count()
        expected = manifest["counts"].get(model._meta.label, 0)
        if found != expected:
            raise BackupError(f"{model._meta.label}: {found} rows restored, {expected} expected.")


def _restore_file(archive: tarfile.TarFile, member: tarfile.TarInfo, manifest: dict) -> None:
    name = member.name.removeprefix("media/")
    facts = manifest["media"].get(name)
    if facts is None or not member.isfile():
        raise BackupError(f"Unexpected file in the backup: {member.name}.")
    if private_storage().exists(name):
        private_storage().delete(name)
    saved = private_storage().save(name, File(archive.extractfile(member), name=name))
    if saved != name or _sha256(name) != (facts["size"], facts["sha256"]):
        raise BackupError(f"The uploaded file {name} was not restored intact.")


def backup_restore(*, source: BinaryIO, alias: str = DEFAULT_DB_ALIAS) -> dict:
    """Restore an archive from `backup_create` into an empty, migrated database."""
    started = time.monotonic()
    try:
        return _restore(source, alias, started)
    except tarfile.TarError as error:
        raise BackupError(f"Not a readable Trygplan backup ({error}).") from error


def _restore(source: BinaryIO, alias: str, started: float) -> dict:
    with tarfile.open(fileobj=source, mode="r|*") as archive:
        manifest = _read_manifest(archive.next(), archive)
        _check_target(manifest, alias)
        data = archive.next()
        if data is None or data.name != "data.jsonl":
            raise BackupError("The backup has no data.jsonl after its manifest.")
        with transaction.atomic(using=alias):
            _load_rows(archive.extractfile(data), manifest, alias)
        ContentType.objects.clear_cache()
        restored = 0
        while (member := archive.next()) is not None:
            _restore_file(archive, member, manifest)
            restored += 1
    if restored != len(manifest["media"]):
        raise BackupError(f"{restored} uploaded files restored, {len(manifest['media'])} expected.")
    logger.info(
        "backup_restored",
        extra={
            "rows": sum(manifest["counts"].values()),
            "files": restored,
            "backup_created_at": manifest["created_at"],
            "duration_ms": round((time.monotonic() - started) * 1000),
        },
    )
    return manifest
