"""The provincial analyst's side: who has submitted what, on time or late; review one submission."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.web import this_fy
from evaluation.models import AnnualReport
from monitoring.models import REPORT_PERIODS
from orgs.access import require_province_analyst
from orgs.decorators import org_view
from orgs.models import Organization
from province import services
from province.labels import labelled_numbers
from province.models import Submission, SubmissionStatus, UnlockRequest
from province.selectors import pending_review_year
from province.services import due_date


def _analyst_org(request, org):
    require_province_analyst(request.user, org)


@org_view()
def completeness(request, org, fy=None):
    _analyst_org(request, org)
    fy = fy or pending_review_year(org.province_id) or this_fy()
    today = timezone.localdate()
    orgs = list(Organization.objects.filter(province=org.province).order_by("code"))
    subs = {
        (s.org_id, s.period): s for s in Submission.objects.filter(org__in=orgs, fiscal_year=fy)
    }
    posted = set(
        AnnualReport.objects.published()
        .filter(org__in=orgs, fiscal_year=fy - 1)
        .values_list("org_id", flat=True)
    )
    periods = [
        (code, label, due_date(fy, code)) for code, (_, _, _, label) in REPORT_PERIODS.items()
    ]
    table, reminders = [], []
    for o in orgs:
        cells = []
        for code, label, due in periods:
            s = subs.get((o.pk, code))
            if s is None:
                state = "late" if today > due else "waiting"
                if state == "late":
                    reminders.append((o, label, due))
            elif s.status == SubmissionStatus.APPROVED:
                state = "approved"
            elif s.status == SubmissionStatus.RETURNED:
                state = "returned"
            else:
                state = "submitted_late" if s.submitted_at.date() > due else "submitted"
            cells.append((code, s, state))
        table.append((o, cells, o.pk in posted))
    pending = UnlockRequest.objects.filter(
        submission__org__in=orgs, granted_at__isnull=True
    ).select_related("submission__org")
    return render(
        request,
        "province/completeness.html",
        {
            "org": org,
            "fy": fy,
            "periods": periods,
            "table": table,
            "reminders": reminders,
            "pending": pending,
            "section": "review",
        },
    )


def _submission(request, org, submission_id) -> Submission:
    _analyst_org(request, org)
    s = (
        Submission.objects.select_related("org")
        .filter(pk=submission_id, org__province=org.province)
        .first()
    )
    if s is None:
        raise Http404("ไม่พบรายการ")
    return s


@org_view()
def submission_detail(request, org, submission_id):
    s = _submission(request, org, submission_id)
    current = services.numbers_for(s.org, s.fiscal_year, s.period)
    return render(
        request,
        "province/submission.html",
        {
            "org": org,
            "s": s,
            "numbers": labelled_numbers(s.numbers, current),
            "failed": services.check(s.numbers),
            "events": s.events.select_related("by"),
            "reasons": s.reasons.all(),
            "unlocks": s.unlocks.all(),
            "section": "review",
        },
    )


@org_view()
@require_POST
def decide(request, org, submission_id):
    s = _submission(request, org, submission_id)
    try:
        if request.POST.get("action") == "approve":
            services.approve(submission=s, user=request.user)
            messages.success(request, f"อนุมัติ {s.org.name} แล้ว ข้อมูลของรอบนี้ถูกล็อก")
        elif request.POST.get("action") == "return":
            reasons = list(
                zip(request.POST.getlist("item"), request.POST.getlist("reason"), strict=False)
            )
            services.return_(submission=s, reasons=reasons, user=request.user)
            messages.success(request, f"ส่งกลับให้ {s.org.name} แก้ไขแล้ว")
        elif request.POST.get("action") == "grant":
            request_ = s.unlocks.filter(
                pk=request.POST.get("unlock"), granted_at__isnull=True
            ).first()
            if request_ is None:
                raise Http404
            services.grant_unlock(request=request_, user=request.user)
            messages.success(request, "ปลดล็อกแล้ว หน่วยงานแก้ไขและส่งใหม่ได้")
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect("province:submission", org.code, s.pk)
