"""The province summary report: the analyst edits part 3, the numbers come from the data."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from core.web import this_fy
from orgs.access import require_province_analyst
from orgs.decorators import org_view
from province import services
from province.selectors import province_report


@org_view()
def summary(request, org, fy=None):
    require_province_analyst(request.user, org)
    fy = fy or this_fy() - 1
    report = province_report(org.province, fy)
    if request.method == "POST":
        impacts, risks = request.POST.get("impacts", ""), request.POST.get("risks", "")
        try:
            services.province_report_save(
                province=org.province, fiscal_year=fy, impacts=impacts, risks=risks
            )
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
            report.impacts, report.risks = impacts, risks  # the analyst's text stays on the page
        else:
            messages.success(request, "บันทึกข้อเสนอแนะแล้ว")
            return redirect("province:summary_year", org.code, fy)
    context = {"org": org, "fy": fy, "report": report, "section": "summary"}
    return render(request, "province/summary.html", context)
