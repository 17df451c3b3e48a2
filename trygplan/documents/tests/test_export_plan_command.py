import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader


def test_it_writes_the_plan_as_a_pdf(plan2016, tmp_path, capsys):
    target = tmp_path / "plan.pdf"
    call_command("export-plan", "amager", "2016", "--format", "pdf", "-o", str(target))
    reader = PdfReader(target)
    assert reader.metadata.title == "Tryghedsplan for Amager Partnerskab 2016"
    assert "plan.pdf" in capsys.readouterr().out


def test_it_writes_the_overview_as_csv(plan2016, tmp_path):
    target = tmp_path / "plan.csv"
    call_command("export-plan", "amager", "2016", "--format", "csv", "-o", str(target))
    assert target.read_bytes().startswith("\ufeffNr.;Indsatsområde;Aktivitet".encode())


def test_it_can_add_the_checks_appendix(plan2016, tmp_path):
    target = tmp_path / "plan.html"
    call_command(
        "export-plan", "amager", "2016", "--format", "html", "--with-checks", "-o", str(target)
    )
    assert "Bilag: Kontrol af planen" in target.read_text()


def test_it_fails_with_a_message_when_there_is_no_plan(plan2016, tmp_path):
    with pytest.raises(CommandError, match="Der er ingen tryghedsplan for amager 2031"):
        call_command("export-plan", "amager", "2031", "-o", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_it_refuses_an_unknown_format(plan2016):
    with pytest.raises(CommandError):
        call_command("export-plan", "amager", "2016", "--format", "odt")
