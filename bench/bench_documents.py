"""The plan document: PDF, Word and the print-friendly web page of the demo 2016 plan.
Aims (issue 3): PDF under 2 s, Word under 1 s, web page under 200 ms."""


def bench_pdf(ctx):
    ctx.get("/p/amager/plans/2016/document.pdf")


def bench_docx(ctx):
    ctx.get("/p/amager/plans/2016/document.docx")


def bench_html(ctx):
    ctx.get("/p/amager/plans/2016/document.html")


def bench_xlsx(ctx):
    ctx.get("/p/amager/plans/2016/document.xlsx")


def bench_pdf_draft_for_the_working_group(ctx):
    ctx.get("/p/amager/plans/2016/document.pdf", "arbejdsgruppe")
