"""Monthly progress and early-warning alerts in the JSON API. A write carries the version it read;
a stale one is answered 409 with the current version, as on the web page."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from ninja import Router, Schema
from ninja import Status as Reply
from ninja.pagination import LimitOffsetPagination, paginate

from monitoring import services
from monitoring.models import Alert, Status
from monitoring.selectors import (
    action_items,
    budgets_by_project,
    closed_months,
    entry_row,
    entry_rows,
)
from monitoring.web import check_month
from orgs.access import can_write, get_org_for_user, require_some_write
from plans.access import get_project_for_user
from plans.models import Project

router = Router(tags=["การติดตามผล"])


class ProgressOut(Schema):
    project_id: int
    name: str
    strategy: int
    budget: Decimal
    version: int
    status: str
    progress: int
    disbursed_month: Decimal
    cumulative: Decimal


class ProgressIn(Schema):
    version: int
    status: str
    progress: int
    disbursed: Decimal = Decimal(0)
    note: str = ""


class ProgressRowIn(ProgressIn):
    project_id: int


class Conflict(Schema):
    detail: str
    current_version: int


class BulkConflict(Schema):
    detail: str
    conflicts: dict[int, int]


class BulkOut(Schema):
    saved: int
    rows: list[ProgressOut]


class AlertOut(Schema):
    rule: str
    severity: str
    project_id: int | None
    message: str


def _progress(row) -> ProgressOut:
    return ProgressOut(
        project_id=row.project_id,
        name=row.name,
        strategy=row.strategy,
        budget=row.budget,
        version=row.version,
        status=row.status,
        progress=row.progress,
        disbursed_month=row.disbursed_month,
        cumulative=row.cumulative,
    )


@router.get("/orgs/{code}/progress/{fy}/{month}", response=list[ProgressOut])
@paginate(LimitOffsetPagination)
def progress(
    request, code: str, fy: int, month: int, status: str | None = None, strategy: int | None = None
):
    org = get_org_for_user(request.user, code)
    check_month(month)
    return [
        _progress(r)
        for r in entry_rows(org, fy, month)
        if (status is None or r.status == status) and (strategy is None or r.strategy == strategy)
    ]


def _save(request, org, fy: int, month: int, project, data, budget=None, closed=None) -> None:
    """One row through the service (the single-row and the bulk endpoint alike)."""
    if data.status not in Status.values:
        raise ValidationError({"status": f"ใช้ได้: {', '.join(Status.values)}"})
    services.progress_save(
        org=org,
        fiscal_year=fy,
        project=project,
        month=month,
        data=services.ProgressInput(
            status=data.status, progress=data.progress, disbursed=data.disbursed, note=data.note
        ),
        expected_version=data.version,
        updated_by=request.user,
        keep_year=True,
        budget=budget,
        closed=closed,
    )


@router.put(
    "/orgs/{code}/progress/{fy}/{month}/{project_id}", response={200: ProgressOut, 409: Conflict}
)
def progress_save(request, code: str, fy: int, month: int, project_id: int, data: ProgressIn):
    org = get_org_for_user(request.user, code)
    check_month(month)
    project = get_project_for_user(request.user, org, project_id, write=True)
    try:
        _save(request, org, fy, month, project, data)
    except services.Conflict as exc:
        current = entry_row(org, fy, month, project.pk)
        return Reply(
            409, Conflict(detail=str(exc), current_version=current.version if current else 0)
        )
    return Reply(200, _progress(entry_row(org, fy, month, project.pk)))


@router.put("/orgs/{code}/progress/{fy}/{month}", response={200: BulkOut, 409: BulkConflict})
def progress_save_month(request, code: str, fy: int, month: int, rows: list[ProgressRowIn]):
    """A month's bulk save: every row is written, or none is. A stale row answers 409 with the
    current version of each conflicting project; a refused value answers 422 naming the row."""
    org = get_org_for_user(request.user, code)
    require_some_write(request.user, org)
    check_month(month)
    if not rows or len(rows) > 2000:
        raise ValidationError("ส่งได้ครั้งละ 1 ถึง 2,000 แถว")
    if len({r.project_id for r in rows}) != len(rows):
        raise ValidationError("มีโครงการซ้ำกันในชุดที่ส่ง")
    errors, conflicts = {}, {}
    with transaction.atomic():
        ids = {r.project_id for r in rows}
        # read once for the whole month: the projects (an officer's), their budgets and tracking
        projects = (
            {
                p.pk: p
                for p in Project.objects.filter(pk__in=ids, plan__org=org).select_related("plan")
            }
            if can_write(request.user, org)
            else {}
        )
        budgets = budgets_by_project(org, fy, only=ids)
        closed = closed_months(org, fy)  # the same for every row of the month
        tracked = set(budgets) | set(
            action_items(org, fy).filter(project_id__in=ids).values_list("project_id", flat=True)
        )
        for n, row in enumerate(rows, 1):
            project = projects.get(row.project_id) or get_project_for_user(
                request.user, org, row.project_id, write=True
            )
            try:
                budget = budgets.get(project.pk, Decimal(0)) if project.pk in tracked else None
                _save(request, org, fy, month, project, row, budget, closed)
            except services.Conflict as exc:
                conflicts[row.project_id] = exc.current.version if exc.current else 0
            except ValidationError as exc:
                errors[f"แถวที่ {n} (โครงการรหัส {row.project_id})"] = exc.messages
        if errors or conflicts:
            transaction.set_rollback(True)
    if errors:
        raise ValidationError(errors)
    if conflicts:
        return Reply(
            409,
            BulkConflict(detail="มีผู้อื่นบันทึกบางโครงการไปก่อนแล้ว ไม่ได้บันทึกแถวใดเลย", conflicts=conflicts),
        )
    saved = [_progress(r) for r in entry_rows(org, fy, month, only={r.project_id for r in rows})]
    return Reply(200, BulkOut(saved=len(saved), rows=saved))


@router.get("/orgs/{code}/alerts/{fy}", response=list[AlertOut])
@paginate(LimitOffsetPagination)
def alerts(request, code: str, fy: int, severity: str | None = None):
    org = get_org_for_user(request.user, code)
    rows = (
        Alert.objects.filter(org=org, fiscal_year=fy)
        .select_related("rule")
        .order_by("-severity", "id")
    )
    if severity:
        rows = rows.filter(severity=severity)
    return [
        AlertOut(rule=a.rule.kind, severity=a.severity, project_id=a.project_id, message=a.message)
        for a in rows
    ]
