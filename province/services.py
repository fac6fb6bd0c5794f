"""The submission loop: org submits → rules checked → analyst returns (reasons) or approves →
approved period locked → unlock requested and granted (recorded) → org fixes and resubmits."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core import audit
from monitoring import services as monitoring_services
from monitoring.models import REPORT_PERIODS, PeriodLock, ProjectYear, Status
from monitoring.queries import form2, month_end
from orgs.access import can_analyse_province, can_write
from orgs.models import Organization, Province
from plans.models import BudgetLine, Plan
from plans.selectors import approved_seq_on, versions_as_of
from province.expressions import RuleError, evaluate
from province.models import (
    ProvinceReport,
    ReturnReason,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
    UnlockRequest,
    ValidationRule,
)

log = logging.getLogger("tidtam.province")


def numbers_for(org: Organization, fy: int, period: str) -> dict[str, float]:
    """What the org reports for the period, as of its last day (a snapshot kept on submit)."""
    _, _, month, _ = REPORT_PERIODS[period]
    end = month_end(fy, month)
    report = form2(org, fy, month, details=False)
    t = report.total
    plan = Plan.objects.filter(org=org, start_year__lte=fy, end_year__gte=fy).first()
    in_plan = (
        versions_as_of(plan, approved_seq_on(plan, end)).values_list("project_id", flat=True)
        if plan
        else []
    )
    lines = BudgetLine.objects.filter(ordinance__org=org, ordinance__fiscal_year=fy)
    years = ProjectYear.objects.filter(org=org, fiscal_year=fy)
    numbers = {
        "plan_projects": t.plan_n,
        "budgeted_projects": t.budget_n,
        "done": t.by_status[Status.DONE],
        "in_progress": t.by_status[Status.IN_PROGRESS],
        "not_started": t.by_status[Status.NOT_STARTED],
        "cancelled": t.by_status[Status.CANCELLED],
        "budget": float(t.budget),
        "contracted": float(t.contracted),
        "disbursed": float(t.disbursed),
        "contracted_projects": years.filter(contract_signed_on__lte=end).count(),
        "recorded_projects": years.filter(months__month__lte=month).distinct().count(),
        "budgeted_not_in_plan": lines.exclude(project_id__in=in_plan)
        .values("project")
        .distinct()
        .count(),
    }
    numbers["status_total"] = (
        numbers["done"] + numbers["in_progress"] + numbers["not_started"] + numbers["cancelled"]
    )
    return numbers


def check(numbers: dict[str, float]) -> list[str]:
    """Thai messages of every active rule that fails (a broken rule is reported, not skipped)."""
    failed = []
    for rule in ValidationRule.objects.filter(active=True):
        try:
            ok = evaluate(rule.expression, numbers)
        except RuleError as exc:
            failed.append(f"กฎ “{rule.name}” ใช้ไม่ได้: {exc}")
            continue
        if not ok:
            try:
                failed.append(rule.message.format(**numbers))
            except (KeyError, ValueError, IndexError, AttributeError):
                failed.append(rule.message)
    return failed


def _event(submission, action, user, note=""):
    SubmissionEvent.objects.create(submission=submission, action=action, by=user, note=note)


def _tell(submission: Submission, action: str, person, detail: str = "") -> None:
    """The person who submitted (or asked) is told: e-mail and LINE, now or in the digest."""
    from django.urls import reverse

    from notify.services import notify

    label = REPORT_PERIODS[submission.period][3]
    titles = {
        "returned": f"อบจ. ส่งกลับแบบที่ 2 {label} ปี {submission.fiscal_year} ให้แก้ไข",
        "approved": f"อบจ. อนุมัติแบบที่ 2 {label} ปี {submission.fiscal_year} แล้ว",
        "unlocked": f"อบจ. ปลดล็อกแบบที่ 2 {label} ปี {submission.fiscal_year} ให้แก้ไขแล้ว",
    }
    notify(
        person,
        kind=f"submission_{action}",
        title=titles[action],
        body=detail,
        key=f"submission:{submission.pk}:{action}:{submission.round}:{timezone.now():%Y%m%d%H%M%S}",
        url=reverse(
            "province:submissions_year", args=[submission.org.code, submission.fiscal_year]
        ),
    )


def _lock(submission: Submission) -> tuple[str, int]:
    kind, number, _, _ = REPORT_PERIODS[submission.period]
    return kind, number


@transaction.atomic
def submit(*, org: Organization, fiscal_year: int, period: str, user) -> Submission:
    if not can_write(user, org):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่ของหน่วยงาน")
    if period not in REPORT_PERIODS:
        raise ValidationError("รอบไม่ถูกต้อง")
    if early := not_ended(fiscal_year, period):
        raise ValidationError(early)
    existing = (
        Submission.objects.select_for_update()
        .filter(org=org, fiscal_year=fiscal_year, period=period)
        .first()
    )
    if existing and existing.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED):
        raise ValidationError(f"รอบนี้{existing.get_status_display()} ส่งซ้ำไม่ได้")
    numbers = numbers_for(org, fiscal_year, period)
    failed = check(numbers)
    if failed:
        raise ValidationError(failed)
    now = timezone.now()
    if existing:
        existing.status, existing.numbers = SubmissionStatus.SUBMITTED, numbers
        existing.round += 1
        existing.submitted_at, existing.submitted_by = now, user
        existing.save()
        audit.update(existing.reasons.filter(resolved=False), resolved=True)
        submission = existing
    else:
        submission = Submission.objects.create(
            org=org,
            fiscal_year=fiscal_year,
            period=period,
            status=SubmissionStatus.SUBMITTED,
            numbers=numbers,
            submitted_at=now,
            submitted_by=user,
        )
    _event(submission, "submitted", user, f"ส่งครั้งที่ {submission.round}")
    return submission


def _analyst(user, submission):
    if not can_analyse_province(user, submission.org.province_id):
        raise PermissionDenied("เฉพาะหน่วยติดตามและประเมินผลระดับจังหวัด")


@transaction.atomic
def return_(*, submission: Submission, reasons: list[tuple[str, str]], user) -> Submission:
    _analyst(user, submission)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError("ส่งกลับได้เฉพาะรายการที่รอตรวจ")
    reasons = [(item.strip(), reason.strip()) for item, reason in reasons if reason.strip()]
    if not reasons:
        raise ValidationError("ต้องระบุเหตุผลอย่างน้อยหนึ่งข้อ")
    audit.bulk_create(
        ReturnReason,
        [
            ReturnReason(submission=submission, round=submission.round, item=i or "ทั่วไป", reason=r)
            for i, r in reasons
        ],
    )
    submission.status, submission.reviewed_at, submission.reviewed_by = (
        SubmissionStatus.RETURNED,
        timezone.now(),
        user,
    )
    submission.save()
    _event(submission, "returned", user, "; ".join(r for _, r in reasons))
    _tell(
        submission,
        "returned",
        submission.submitted_by,
        "เหตุผล:\n" + "\n".join(f"- {i or 'ทั่วไป'}: {r}" for i, r in reasons),
    )
    return submission


@transaction.atomic
def approve(*, submission: Submission, user) -> Submission:
    _analyst(user, submission)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError("อนุมัติได้เฉพาะรายการที่รอตรวจ")
    submission.status, submission.reviewed_at, submission.reviewed_by = (
        SubmissionStatus.APPROVED,
        timezone.now(),
        user,
    )
    submission.save()
    kind, number = _lock(submission)
    monitoring_services.period_close(
        org=submission.org,
        fiscal_year=submission.fiscal_year,
        kind=kind,
        number=number,
        closed_by=user,
    )
    _event(submission, "approved", user, "ปิดงวดข้อมูลของรอบนี้แล้ว")
    _tell(submission, "approved", submission.submitted_by, "ปิดงวดข้อมูลของรอบนี้แล้ว")
    return submission


@transaction.atomic
def request_unlock(*, submission: Submission, reason: str, user) -> UnlockRequest:
    if not can_write(user, submission.org):
        raise PermissionDenied("เฉพาะเจ้าหน้าที่ของหน่วยงาน")
    if submission.status != SubmissionStatus.APPROVED:
        raise ValidationError("ขอปลดล็อกได้เฉพาะรอบที่อนุมัติแล้ว")
    if not reason.strip():
        raise ValidationError("กรุณาระบุเหตุผลที่ขอแก้ไข")
    if submission.unlocks.filter(granted_at__isnull=True).exists():
        raise ValidationError("มีคำขอปลดล็อกที่รอพิจารณาอยู่แล้ว")
    request = UnlockRequest.objects.create(
        submission=submission, reason=reason.strip(), requested_by=user
    )
    _event(submission, "unlock_requested", user, reason.strip())
    return request


@transaction.atomic
def grant_unlock(*, request: UnlockRequest, user) -> Submission:
    submission = request.submission
    _analyst(user, submission)
    if request.granted_at:
        raise ValidationError("คำขอนี้อนุมัติแล้ว")
    request.granted_at, request.granted_by = timezone.now(), user
    request.save()
    kind, number = _lock(submission)
    PeriodLock.objects.filter(
        org=submission.org, fiscal_year=submission.fiscal_year, kind=kind, number=number
    ).delete()
    # the months of the period are also closed by any narrower lock (e.g. a month): lift those too
    from monitoring.models.periods import MONTHS_OF

    months = set(MONTHS_OF[kind](number))
    for lock in PeriodLock.objects.filter(org=submission.org, fiscal_year=submission.fiscal_year):
        if set(lock.months) & months and not set(lock.months) - months:
            lock.delete()
    submission.status = SubmissionStatus.RETURNED
    submission.save()
    ReturnReason.objects.create(
        submission=submission, round=submission.round, item="ปลดล็อกเพื่อแก้ไข", reason=request.reason
    )
    _event(submission, "unlocked", user, request.reason)
    log.info(
        "period unlocked",
        extra={
            "org": submission.org.code,
            "fiscal_year": submission.fiscal_year,
            "period": submission.period,
            "reason": request.reason,
        },
    )
    _tell(submission, "unlocked", request.requested_by, request.reason)
    return submission


def period_end(fy: int, period: str):
    _, _, month, _ = REPORT_PERIODS[period]
    return month_end(fy, month)


def not_ended(fy: int, period: str) -> str:
    """Why a period cannot be sent yet ('' once it has ended): its months are still being worked."""
    import datetime as dt

    from thai.dates import thai_date

    end = period_end(fy, period)
    if timezone.localdate() > end:
        return ""
    label = REPORT_PERIODS[period][3]
    return f"{label} ปีงบประมาณ {fy} ยังไม่สิ้นสุด ส่งได้ตั้งแต่ {thai_date(end + dt.timedelta(days=1))}"


def due_date(fy: int, period: str):
    """Reports are due 15 days after the period ends (the province's rule; editable later)."""
    import datetime as dt

    _, _, month, _ = REPORT_PERIODS[period]
    return month_end(fy, month) + dt.timedelta(days=15)


REPORT_TEXT_MAX = 20_000


@transaction.atomic
def province_report_save(
    *, province: Province, fiscal_year: int, impacts: str, risks: str
) -> ProvinceReport:
    """The analyst's part 3 of the province summary (impacts; risks and recommendations)."""
    impacts, risks = impacts.strip(), risks.strip()
    errors = {
        name: f"{label}: ยาวเกิน {REPORT_TEXT_MAX:,} ตัวอักษร"
        for name, label, text in (
            ("impacts", ProvinceReport.impacts.field.verbose_name, impacts),
            ("risks", ProvinceReport.risks.field.verbose_name, risks),
        )
        if len(text) > REPORT_TEXT_MAX
    }
    if errors:
        raise ValidationError(errors)
    report, _ = ProvinceReport.objects.update_or_create(
        province=province, fiscal_year=fiscal_year, defaults={"impacts": impacts, "risks": risks}
    )
    return report
