"""`trygplan run-jobs`: the registered jobs run when due, once per slot, as one command."""

import datetime
import io
import zoneinfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from trygplan.operations import jobs
from trygplan.operations.jobs import job, jobs_registered, jobs_run_due
from trygplan.operations.models import JobState

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=CPH)


@pytest.fixture
def counted(monkeypatch):
    """A daily and an every-hour job next to the real ones, counting their runs."""
    jobs_registered()  # the modules' own jobs first, then a copy the test may add to
    monkeypatch.setattr(jobs, "_REGISTRY", dict(jobs._REGISTRY))
    runs = {"daily": 0, "hourly": 0}

    @job("test-daily", daily_at=datetime.time(3, 15), description="daily")
    def daily():
        runs["daily"] += 1
        return "daily done"

    @job("test-hourly", every=datetime.timedelta(hours=1), description="hourly")
    def hourly():
        runs["hourly"] += 1

    return runs


def test_the_contact_erasure_is_a_registered_daily_job():
    registered = {registered.name: registered for registered in jobs_registered()}
    assert registered["erase-expired-contacts"].daily_at == datetime.time(3, 15)


def test_a_daily_job_runs_once_a_day_from_its_time(db, counted):
    def run(when):
        return [o.name for o in jobs_run_due(now=when) if o.name.startswith("test-")]

    assert run(at(10, 12)) == ["test-daily", "test-hourly"]  # never run: due at once
    assert run(at(10, 12, 30)) == []
    assert run(at(11, 3, 10)) == ["test-hourly"]  # before 03:15: the daily one waits
    assert run(at(11, 3, 20)) == ["test-daily"]
    assert counted == {"daily": 2, "hourly": 2}
    state = JobState.objects.get(name="test-daily")
    assert state.succeeded and state.message == "daily done" and state.finished_at


def test_two_runners_at_the_same_moment_run_a_job_once(db, counted):
    first = jobs_run_due(now=at(10, 12), only="test-daily")
    second = jobs_run_due(now=at(10, 12), only="test-daily")
    assert [o.name for o in first] == ["test-daily"] and second == []
    assert counted["daily"] == 1


def test_a_failing_job_is_recorded_and_the_others_still_run(db, counted, monkeypatch, caplog):
    @job("test-broken", every=datetime.timedelta(hours=1), description="broken")
    def broken():
        raise RuntimeError("mail server down")

    outcomes = {o.name: o for o in jobs_run_due(now=at(10, 12))}
    assert not outcomes["test-broken"].succeeded
    assert outcomes["test-broken"].message == "RuntimeError: mail server down"
    assert outcomes["test-hourly"].succeeded and counted["hourly"] == 1
    assert JobState.objects.get(name="test-broken").succeeded is False
    assert any(record.getMessage() == "job_failed" for record in caplog.records)


def test_the_command_runs_due_jobs_and_says_so(db, counted):
    out = io.StringIO()
    call_command("run-jobs", stdout=out)
    assert "erase-expired-contacts: ok" in out.getvalue()
    assert "test-daily: ok daily done" in out.getvalue()
    again = io.StringIO()
    call_command("run-jobs", stdout=again)
    assert again.getvalue().strip() == "No job was due."


def test_the_command_forces_one_job_and_refuses_unknown_names(db, counted):
    call_command("run-jobs", job="test-daily", stdout=io.StringIO())
    call_command("run-jobs", job="test-daily", force=True, stdout=io.StringIO())
    assert counted["daily"] == 2
    with pytest.raises(CommandError, match="No job named"):
        call_command("run-jobs", job="nonsense")


def test_the_loop_runs_rounds_until_told_to_stop(db, counted):
    out = io.StringIO()
    call_command("run-jobs", loop=True, interval=0, rounds=3, stdout=out)
    assert counted == {"daily": 1, "hourly": 1}  # due once; the later rounds find nothing
    assert out.getvalue().count("test-daily: ok") == 1


def test_the_list_shows_schedule_and_last_run(db, counted):
    jobs_run_due(now=at(10, 12), only="test-daily")
    out = io.StringIO()
    call_command("run-jobs", list=True, stdout=out)
    lines = out.getvalue().splitlines()
    assert any(line.startswith("test-daily  daily at 03:15  last started") for line in lines)
    assert any(line.startswith("test-hourly  every 1:00:00  never run") for line in lines)


def test_a_job_needs_exactly_one_schedule():
    with pytest.raises(ValueError):
        job("x", description="x")
