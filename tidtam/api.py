"""The JSON API (django-ninja, OpenAPI at /api/v1/docs). A bearer token acts as its user: the same
checked getters as the web pages decide what it may read or write, so a foreign org answers 404."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI, Schema
from ninja import Status as Reply
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer

from monitoring import services as monitoring_services
from monitoring.models import Alert, Status
from monitoring.selectors import entry_row, entry_rows
from orgs.access import get_org_for_user, readable_orgs
from orgs.tokens import user_for
from plans.access import get_plan, get_project_for_user
from plans.selectors import approved_seq_on, plan_summary, project_rows


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = user_for(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(title="Tidtam API", version="1", urls_namespace="api", auth=TokenAuth(),
               description="แผนพัฒนาท้องถิ่น การติดตามและประเมินผล — อ่านและเขียนตามสิทธิ์ของผู้ใช้ของโทเคน")  # fmt: skip


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or "ไม่พบ"}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, {"detail": str(exc) or "ไม่มีสิทธิ์"}, status=403)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": detail}, status=422)


class OrgOut(Schema):
    code: str
    name: str
    org_type: str
    province: str


class SummaryRow(Schema):
    level: str
    label: str
    counts: list[int]
    amounts: list[Decimal]
    total_count: int
    total_amount: Decimal


class PlanOut(Schema):
    title: str
    start_year: int
    end_year: int
    edition_seq: int | None
    years: list[int]
    rows: list[SummaryRow]


class ProjectOut(Schema):
    id: int
    strategy: int
    program: str
    name: str
    budgets: dict[int, Decimal]
    responsible_unit: str
    edition: str


class ProgressOut(Schema):
    project_id: int
    name: str
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


class AlertOut(Schema):
    rule: str
    severity: str
    project_id: int | None
    message: str


@api.get("/orgs", response=list[OrgOut], tags=["หน่วยงาน"])
@paginate(LimitOffsetPagination)
def orgs(request):
    return [OrgOut(code=o.code, name=o.name, org_type=o.org_type, province=o.province.name)
            for o in readable_orgs(request.user).order_by("code")]  # fmt: skip


@api.get("/orgs/{code}/plan", response=PlanOut, tags=["แผนพัฒนาท้องถิ่น"])
def plan(request, code: str):
    org = get_org_for_user(request.user, code)
    p = get_plan(org)
    seq = approved_seq_on(p)
    summary = plan_summary(p, seq)
    rows = [SummaryRow(level=r.level, label=r.label, counts=[c.count for c in r.cells],
                       amounts=[c.amount for c in r.cells], total_count=r.total.count,
                       total_amount=r.total.amount) for r in summary.rows]  # fmt: skip
    return PlanOut(title=p.title, start_year=p.start_year, end_year=p.end_year, edition_seq=seq,
                   years=summary.years, rows=rows)  # fmt: skip


@api.get("/orgs/{code}/projects", response=list[ProjectOut], tags=["แผนพัฒนาท้องถิ่น"])
@paginate(LimitOffsetPagination)
def projects(request, code: str, strategy: int | None = None, year: int | None = None):
    org = get_org_for_user(request.user, code)
    p = get_plan(org)
    rows = project_rows(p, approved_seq_on(p)).order_by("strategy__number", "seq_no", "project_id")
    if strategy is not None:
        rows = rows.filter(strategy__number=strategy)
    if year is not None:
        rows = rows.filter(budgets__year=year, budgets__amount__gt=0)
    return [ProjectOut(id=v.project_id, strategy=v.strategy.number, program=v.program.name, name=v.name,
                       budgets={b.year: b.amount for b in v.budgets.all()},
                       responsible_unit=v.responsible_unit, edition=v.edition.label) for v in rows]  # fmt: skip


def _progress(row) -> ProgressOut:
    return ProgressOut(project_id=row.project_id, name=row.name, budget=row.budget, version=row.version,
                       status=row.status, progress=row.progress, disbursed_month=row.disbursed_month,
                       cumulative=row.cumulative)  # fmt: skip


@api.get("/orgs/{code}/progress/{fy}/{month}", response=list[ProgressOut], tags=["การติดตามผล"])
@paginate(LimitOffsetPagination)
def progress(request, code: str, fy: int, month: int, status: str | None = None):
    org = get_org_for_user(request.user, code)
    if not 1 <= month <= 12:
        raise Http404("ไม่มีเดือนนี้")
    rows = entry_rows(org, fy, month)
    return [_progress(r) for r in rows if status is None or r.status == status]


@api.put("/orgs/{code}/progress/{fy}/{month}/{project_id}", response={200: ProgressOut, 409: dict},
         tags=["การติดตามผล"])  # fmt: skip
def progress_save(request, code: str, fy: int, month: int, project_id: int, data: ProgressIn):
    org = get_org_for_user(request.user, code)
    project = get_project_for_user(request.user, org, project_id, write=True)
    if data.status not in Status.values:
        raise ValidationError({"status": f"ใช้ได้: {', '.join(Status.values)}"})
    try:
        monitoring_services.progress_save(
            org=org, fiscal_year=fy, project=project, month=month,
            data=monitoring_services.ProgressInput(status=data.status, progress=data.progress,
                                                   disbursed=data.disbursed, note=data.note),
            expected_version=data.version, acting_user=request.user,
        )  # fmt: skip
    except monitoring_services.Conflict as exc:
        current = entry_row(org, fy, month, project.pk)
        return Reply(
            409, {"detail": str(exc), "current_version": current.version if current else 0}
        )
    return Reply(200, _progress(entry_row(org, fy, month, project.pk)))


@api.get("/orgs/{code}/alerts/{fy}", response=list[AlertOut], tags=["การติดตามผล"])
@paginate(LimitOffsetPagination)
def alerts(request, code: str, fy: int):
    org = get_org_for_user(request.user, code)
    return [AlertOut(rule=a.rule.kind, severity=a.severity, project_id=a.project_id, message=a.message)
            for a in Alert.objects.filter(org=org, fiscal_year=fy).select_related("rule")]  # fmt: skip
