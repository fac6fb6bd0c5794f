"""The annual M&E report: edit the narrative, record presentation and posting, generate files."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from core.web import form_errors, this_fy
from evaluation import services
from evaluation.forms import AnnualReportForm
from evaluation.models import AnnualReport
from evaluation.publication import deadlines
from orgs.access import can_write
from orgs.decorators import org_view

FIELDS = [
    "introduction",
    "method",
    "problems",
    "recommendations",
    "presented_on",
    "announced_on",
    "posted_from",
    "posted_until",
]


@org_view()
def annual(request, org, fy=None):
    fy = fy or this_fy() - 1
    report = AnnualReport.objects.filter(org=org, fiscal_year=fy).first() or AnnualReport(
        org=org, fiscal_year=fy
    )
    form = AnnualReportForm(request.POST or None, initial={f: getattr(report, f) for f in FIELDS})
    writer = can_write(request.user, org)
    for field in form.fields.values():
        field.disabled = not writer  # the executive and the committee read it, shown as such
    if request.method == "POST":
        if not writer:
            raise PermissionDenied("คุณไม่มีสิทธิ์แก้ไขข้อมูลของหน่วยงานนี้")
        if form.is_valid():
            try:
                services.annual_report_save(
                    org=org, fiscal_year=fy, seen=request.POST.get("seen", ""), **form.cleaned_data
                )
            except ValidationError as exc:
                messages.error(request, "; ".join(exc.messages))
            else:
                messages.success(request, "บันทึกรายงานแล้ว")
                return redirect("evaluation:annual_year", org.code, fy)
        else:
            form_errors(request, form)
    return render(
        request,
        "evaluation/annual.html",
        {
            "org": org,
            "fy": fy,
            "report": report,
            "form": form,
            "deadlines": deadlines(report, timezone.localdate()),
            "can_write": writer,
            "section": "annual",
        },
    )
