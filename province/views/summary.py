"""The province summary report: the analyst edits part 3, the numbers come from the data."""

from django.contrib import messages
from django.shortcuts import redirect, render

from core.web import this_fy
from orgs.access import require_province_analyst
from orgs.decorators import org_view
from province.models import ProvinceReport


@org_view()
def summary(request, org, fy=None):
    require_province_analyst(request.user, org)
    fy = fy or this_fy() - 1
    report = ProvinceReport.objects.filter(
        province=org.province, fiscal_year=fy
    ).first() or ProvinceReport(province=org.province, fiscal_year=fy)
    if request.method == "POST":
        report.impacts = request.POST.get("impacts", "").strip()
        report.risks = request.POST.get("risks", "").strip()
        report.save()
        messages.success(request, "บันทึกข้อเสนอแนะแล้ว")
        return redirect("province:summary_year", org.code, fy)
    return render(request, "province/summary.html", {"org": org, "fy": fy, "report": report,
                                                      "section": "summary"})  # fmt: skip
