"""The plan document on the demo 2016 plan.

- the plan PDF (Typst), each round in a fresh process (Typst memoises within a process);
- the same plan's PDF as WeasyPrint made it before (the web page's template tree);
- LibreOffice converting the app's own Word file of the same plan to PDF (`soffice
  --headless --convert-to pdf`, one process a round, as a server would call it); skipped
  with a message where LibreOffice is not installed;
- a second download of the frozen (published) PDF: served from storage, not rendered;
- the 2016 annual report to the steering group as PDF (issue 13: aim at the plan's figures).
Aims (issue 12): the plan PDF ≤ 1 s and ≥ 3× faster than LibreOffice; the second download
in milliseconds.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import Skip

ROOT = Path(__file__).resolve().parent.parent
_work = Path(tempfile.mkdtemp(prefix="trygplan-bench-documents-"))


# CPU seconds of each timed round, for the summary (wall time is what the table shows; on a
# shared machine the CPU time says what the work itself costs).
_cpu: dict[str, list[float]] = {}


def _render_once(engine: str, output: Path | None = None) -> float:
    command = [sys.executable, "-m", "bench.render_once", engine]
    if output:
        command.append(str(output))
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    wall, cpu = (float(value) for value in result.stdout.strip().splitlines()[-1].split())
    _cpu.setdefault(engine, []).append(cpu)
    return wall


def bench_pdf_typst(ctx):
    return _render_once("typst")


def bench_annual_report_pdf(ctx):
    """Issue 13: the 2016 annual report to the steering group, every section from live data."""
    return _render_once("report")


def bench_pdf_weasyprint_before(ctx):
    return _render_once("weasyprint")


def bench_pdf_libreoffice_from_the_word_file(ctx):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise Skip(
            "LibreOffice is not installed: apt-get install libreoffice-writer-nogui to compare"
        )
    word = _work / "tryghedsplan-amager-2016.docx"
    if not word.exists():
        _render_once("docx", word)
    profile = (_work / "lo-profile").as_uri()  # its own profile, made in the warm-up round
    import resource
    import time

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(_work / "lo"),
            str(word),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "HOME": str(_work)},
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    _cpu.setdefault("libreoffice", []).append(cpu)
    assert (_work / "lo" / "tryghedsplan-amager-2016.pdf").stat().st_size > 10_000
    return elapsed


def bench_pdf_second_download_of_the_frozen_plan(ctx):
    """The published plan's PDF as a visitor downloads it (the warm-up round renders and
    stores it; the timed rounds read it from storage)."""
    response = ctx.get("/p/amager/plans/2016/document.pdf")
    assert response["Content-Type"] == "application/pdf"


def bench_docx_download_of_the_frozen_plan(ctx):
    ctx.get("/p/amager/plans/2016/document.docx")


def bench_html(ctx):
    ctx.get("/p/amager/plans/2016/document.html")


def bench_xlsx(ctx):
    ctx.get("/p/amager/plans/2016/document.xlsx")


def _cpu_median(engine: str) -> str:
    # the warm-up round's figure is the first; the timed rounds follow
    rounds = _cpu.get(engine, [])[1:]
    return f"{statistics.median(rounds):.2f} s CPU" if rounds else "CPU not measured"


def report(medians: dict) -> list[str]:
    typst = medians.get("documents.pdf_typst")
    office = medians.get("documents.pdf_libreoffice_from_the_word_file")
    before = medians.get("documents.pdf_weasyprint_before")
    second = medians.get("documents.pdf_second_download_of_the_frozen_plan")
    annual = medians.get("documents.annual_report_pdf")
    lines = []
    if typst:
        lines.append(f"plan PDF (Typst):                 {typst:.2f} s ({_cpu_median('typst')})")
    if before:
        lines.append(
            f"plan PDF before (WeasyPrint):     {before:.2f} s ({_cpu_median('weasyprint')})"
            + (f", {before / typst:.1f}x slower than Typst" if typst else "")
        )
    if office:
        lines.append(
            f"LibreOffice, the same plan's Word: {office:.2f} s ({_cpu_median('libreoffice')})"
            + (f", {office / typst:.1f}x slower than Typst" if typst else "")
        )
    elif typst:
        lines.append("LibreOffice: skipped (not installed)")
    if second:
        lines.append(f"second download of the frozen PDF: {second * 1000:.1f} ms")
    if annual:
        lines.append(
            f"annual report PDF (Typst):        {annual:.2f} s ({_cpu_median('report')})"
            + (f", {annual / typst:.1f}x the plan PDF" if typst else "")
        )
    return lines
