"""One rendering of the demo plan in a fresh process: `python -m bench.render_once ENGINE`
prints the seconds the rendering itself took (wall clock, then CPU of the process).

A fresh process each time is the honest measure: Typst memoises layouts within a process, so
rendering the same plan twice in one process would time its cache, not its work. Before the
timed rendering the process warms up as a long-running worker is warm: Django's template
engine has loaded its tag libraries and the renderer has made one small document.
ENGINE: typst (the plan PDF), weasyprint (the PDF from the web page's template, as before),
docx (the Word file), report (the 2016 annual report to the steering group as PDF, from live
data: Typst as the plan).
"""

import os
import sys
import time


def main(engine: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.utils import translation

    from trygplan.documents.plan_document import build_plan_document
    from trygplan.documents.plan_document.renderers import (
        render_docx,
        render_pdf,
        render_pdf_weasyprint,
    )
    from trygplan.plans.models import Plan

    render = {"typst": render_pdf, "weasyprint": render_pdf_weasyprint, "docx": render_docx}
    plan = Plan.private_objects.get(partnership__slug="amager", year=2016)
    with translation.override("da"):
        _warm_up("typst" if engine == "report" else engine)
        start, cpu = time.perf_counter(), time.process_time()
        if engine == "report":
            content = _annual_report_pdf()
        else:
            content = render[engine](build_plan_document(plan))
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    if len(sys.argv) > 2:
        with open(sys.argv[2], "wb") as output:
            output.write(content)
    print(f"{elapsed:.6f} {cpu:.6f}")


def _annual_report_pdf() -> bytes:
    """Made from live data every time (as an open round's download is), not the stored file."""
    from trygplan.reporting.models import ReportRound
    from trygplan.reporting.report import render_report

    round_ = ReportRound.private_objects.get(partnership__slug="amager", year=2016, kind="annual")
    return render_report(round_, "pdf", public=False).content


def _warm_up(engine: str) -> None:
    from django.template.loader import render_to_string

    render_to_string("documents/_notes.html", {"notes": []})
    if engine == "typst":
        import typst

        from trygplan.documents.plan_document.typeset import font_dir

        typst.compile(b"= Trygplan", font_paths=[font_dir()], ignore_system_fonts=True)
    elif engine == "weasyprint":
        from trygplan.lib.files import pdf_from_html

        pdf_from_html("<p>Trygplan</p>")


if __name__ == "__main__":
    main(sys.argv[1])
