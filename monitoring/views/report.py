"""แบบที่ 2 as a page: pick the period and the rounding, write the problems, download PDF/XLSX."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from monitoring import services
from monitoring.models import REPORT_PERIODS, PeriodLock, PeriodReport, Status
from monitoring.queries import form2
from monitoring.views.entry import default_period
from orgs.access import can_write
from orgs.decorators import org_view
from plans.selectors import fiscal_years
from thai.numbers import MODE_LABELS


def report_options(request) -> tuple[int, str]:
    decimals = request.GET.get("decimals", "2")
    mode = request.GET.get("mode", "round")
    return (int(decimals) if decimals in ("0", "1", "2") else 2), (
        mode if mode in MODE_LABELS else "round"
    )


def period_of(code: str):
    if code not in REPORT_PERIODS:
        raise Http404("ไม่มีรอบรายงานนี้")
    return REPORT_PERIODS[code]


def form2_context(org, fy, code, request):
    kind, number, month, label = period_of(code)
    decimals, mode = report_options(request)
    text = PeriodReport.objects.filter(org=org, fiscal_year=fy, kind=kind, number=number).first()
    return {
        "org": org,
        "fy": fy,
        "code": code,
        "period_label": label,
        "report": form2(org, fy, month, decimals=decimals, mode=mode),
        "text": text,
        "statuses": Status.choices,
        "decimals": decimals,
        "mode": mode,
    }


@org_view()
def form2_start(request, org):
    fy, month = default_period(org)
    code = {3: "q1", 6: "q2", 9: "q3", 12: "q4"}.get(((month - 1) // 3 + 1) * 3, "q4")
    return redirect("monitoring:form2", org.code, fy, code)


@org_view()
def form2_page(request, org, fy, code):
    ctx = form2_context(org, fy, code, request)
    ctx |= {
        "years": fiscal_years(org),
        "periods": [(c, p[3]) for c, p in REPORT_PERIODS.items()],
        "modes": MODE_LABELS.items(),
        "can_write": can_write(request.user, org),
        "closed": PeriodLock.objects.filter(
            org=org, fiscal_year=fy, kind=REPORT_PERIODS[code][0], number=REPORT_PERIODS[code][1]
        ).exists(),
        "kind": REPORT_PERIODS[code][0],
        "number": REPORT_PERIODS[code][1],
        "query": request.GET.urlencode(),
        "section": "form2",
    }
    return render(request, "monitoring/form2.html", ctx)


@org_view(write=True)
@require_POST
def form2_text(request, org, fy, code):
    kind, number, _, _ = period_of(code)
    services.period_report_save(
        org=org,
        fiscal_year=fy,
        kind=kind,
        number=number,
        problems=request.POST.get("problems", ""),
        suggestions=request.POST.get("suggestions", ""),
    )
    messages.success(request, "บันทึกปัญหา อุปสรรค และข้อเสนอแนะแล้ว")
    return redirect("monitoring:form2", org.code, fy, code)
