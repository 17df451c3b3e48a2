"""`trygplan backup` and `trygplan restore`: every table's rows and every upload come back."""

import io
import shutil

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from trygplan.core.uploads import private_storage
from trygplan.operations.backup import BackupError, backup_create, backup_restore
from trygplan.partnerships.models import Membership, Partnership, Role
from trygplan.plans.services import plan_create_next_year


def every_table() -> dict[str, list]:
    """Every row of every table (m2m link tables too), as comparable tuples."""
    snapshot = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        columns = [field.attname for field in model._meta.concrete_fields]
        rows = model._base_manager.order_by("pk").values_list(*columns)
        snapshot[model._meta.db_table] = [tuple(map(repr, row)) for row in rows]
    return snapshot


def every_file() -> dict[str, bytes]:
    from trygplan.operations.backup import _media_names

    return {name: private_storage().open(name).read() for name in _media_names()}


@pytest.fixture
def media(private_media):
    """Two uploads in the uploads' storage (core.uploads.private_storage)."""
    private_storage().save("walks/photos/2016/bænk.jpg", ContentFile(b"\xff\xd8\xff\xe0 photo"))
    private_storage().save("pools/attachments/budget.pdf", ContentFile(b"%PDF-1.7 budget"))
    return private_media


def empty_database(media_root) -> None:
    """What a new database looks like after `trygplan migrate` (content types and permissions
    only), and an empty upload folder."""
    if connection.vendor == "postgresql":  # the test's own pending checks first
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media_root)


def test_a_backup_restored_into_an_empty_database_gives_the_same_rows_and_files(
    amager, plan2016, arbejdsgruppe, outsider, media
):
    plan_create_next_year(plan=plan2016, user=arbejdsgruppe)  # audit entries, m2m links
    before, files = every_table(), every_file()
    assert len(before["partnerships_partnership"]) == 2 and len(files) == 2
    assert sum(map(len, before.values())) > 500

    archive = io.BytesIO()
    manifest = backup_create(destination=archive)
    assert manifest["counts"]["plans.Plan"] == 2
    empty_database(media)
    assert not Partnership.objects.exists() and every_file() == {}

    archive.seek(0)
    backup_restore(source=archive)
    after = every_table()
    assert after.keys() == before.keys()
    for table, rows in before.items():
        assert after[table] == rows, table
    assert every_file() == files
    # New rows get fresh keys after the restore (the sequences were moved on).
    fresh = Partnership.objects.create(slug="ny", name="Ny", period_start=2017, period_end=2020)
    assert fresh.pk > max(int(row[0]) for row in before["partnerships_partnership"])


def test_the_commands_write_and_read_an_archive_file(amager, media, tmp_path):
    path = tmp_path / "trygplan.tar.gz"
    call_command("backup", output=str(path), stderr=io.StringIO())
    before = every_table()
    empty_database(media)
    out = io.StringIO()
    call_command("restore", str(path), stdout=out)
    assert "Restored the backup of" in out.getvalue() and "2 uploaded files" in out.getvalue()
    assert every_table() == before


def test_a_restore_refuses_a_database_that_is_not_empty(amager, media, tmp_path):
    path = tmp_path / "trygplan.tar.gz"
    call_command("backup", output=str(path), stderr=io.StringIO())
    members_before = Membership.objects.count()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(path))
    assert Membership.objects.count() == members_before


def test_a_restore_refuses_a_backup_from_another_schema(amager, media, tmp_path):
    archive = io.BytesIO()
    backup_create(destination=archive)
    empty_database(media)
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    MigrationRecorder(connection).record_applied("operations", "9999_from_the_future")
    archive.seek(0)
    with pytest.raises(BackupError, match="migrations differ"):
        backup_restore(source=archive)
    assert not Partnership.objects.exists()


def test_a_file_that_is_not_a_backup_is_refused(db, tmp_path):
    path = tmp_path / "x.tar.gz"
    path.write_bytes(b"not an archive")
    with pytest.raises(CommandError):
        call_command("restore", str(path))


def test_a_backup_includes_rows_hidden_from_default_managers(amager, arbejdsgruppe, plan2016):
    """Draft plans have no default manager; the backup still has them."""
    plan_create_next_year(plan=plan2016, user=arbejdsgruppe)
    archive = io.BytesIO()
    manifest = backup_create(destination=archive)
    from trygplan.plans.models import Plan

    assert manifest["counts"]["plans.Plan"] == Plan.private_objects.count() == 2
    assert Membership.objects.filter(role=Role.WORKING_GROUP).exists()
