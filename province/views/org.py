"""The org's side: submit a period, see why it came back, ask to unlock an approved one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import this_fy
from monitoring.models import REPORT_PERIODS
from orgs.access import can_write
from orgs.decorators import org_view
from province import services
from province.labels import labelled_numbers
from province.models import Submission
from province.services import due_date


@org_view()
def submissions(request, org, fy=None):
    fy = fy or this_fy()
    existing = {
        s.period: s
        for s in Submission.objects.filter(org=org, fiscal_year=fy).prefetch_related(
            "reasons", "unlocks"
        )
    }
    rows = [
        (code, label, due_date(fy, code), existing.get(code), services.not_ended(fy, code))
        for code, (_, _, _, label) in REPORT_PERIODS.items()
    ]
    return render(
        request,
        "province/submissions.html",
        {
            "org": org,
            "fy": fy,
            "rows": rows,
            "can_write": can_write(request.user, org),
            "section": "submissions",
        },
    )


@org_view(write=True)
def submit(request, org, fy, period):
    """GET: the figures that will be sent and the rules' verdict, to confirm; POST: send them."""
    if period not in REPORT_PERIODS:
        raise Http404
    if request.method != "POST":
        early = services.not_ended(fy, period)
        numbers = {} if early else services.numbers_for(org, fy, period)
        return render(
            request,
            "province/submit_preview.html",
            {
                "org": org,
                "fy": fy,
                "period": period,
                "label": REPORT_PERIODS[period][3],
                "early": early,
                "numbers": labelled_numbers(numbers, {}),
                "failed": services.check(numbers) if numbers else [],
                "section": "submissions",
            },
        )
    try:
        services.submit(org=org, fiscal_year=fy, period=period, user=request.user)
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
    else:
        messages.success(request, "ส่งข้อมูลให้ อบจ. ตรวจแล้ว")
    return redirect("province:submissions_year", org.code, fy)


@org_view(write=True)
@require_POST
def unlock(request, org, fy, period):
    submission = Submission.objects.filter(org=org, fiscal_year=fy, period=period).first()
    if submission is None:
        raise Http404
    try:
        services.request_unlock(
            submission=submission, reason=request.POST.get("reason", ""), user=request.user
        )
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, "ส่งคำขอปลดล็อกแล้ว รอ อบจ. พิจารณา")
    return redirect("province:submissions_year", org.code, fy)
