"""Checked getters for plan objects: foreign → 404, readable but not writable → 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from orgs.access import can_write, writable_division_ids
from orgs.decorators import NotYet
from orgs.models import Organization
from plans.models import KPI, BudgetOrdinance, Edition, Plan, Project, Strategy, Tactic
from plans.selectors import working_seq


def get_plan(org: Organization, plan_id: int | None = None) -> Plan:
    qs = Plan.objects.filter(org=org)
    plan = qs.filter(pk=plan_id).first() if plan_id else qs.order_by("-start_year").first()
    if plan is None:
        if plan_id:
            raise Http404("ไม่พบแผนพัฒนาท้องถิ่น")
        raise NotYet("ไม่พบแผนพัฒนาท้องถิ่น", template="plans/no_plan.html", section="plan")
    return plan


def get_project_for_user(
    user, org: Organization, project_id: int, *, write: bool = False
) -> Project:
    """The org's project with its plan (every save of a month's row starts here): one query."""
    project = Project.objects.select_related("plan").filter(pk=project_id, plan__org=org).first()
    return check_project(user, org, project, write=write)


def check_project(user, org: Organization, project: Project | None, *, write: bool) -> Project:
    """The checks of get_project_for_user on a project already read with its plan."""
    if project is None:
        raise Http404("ไม่พบโครงการ")
    if write and not can_write(user, org):
        divisions = writable_division_ids(user, org)
        if not divisions:  # no role that edits anything of this org (an analyst, a committee)
            raise PermissionDenied("คุณไม่มีสิทธิ์แก้ไขข้อมูลของหน่วยงานนี้")
        seq = working_seq(project.plan)
        current = (
            project.versions.filter(valid_from_seq__lte=seq).order_by("-valid_from_seq").first()
        )
        if current is None or current.division_id not in divisions:
            raise PermissionDenied("คุณแก้ไขได้เฉพาะโครงการของหน่วยงานของคุณ")
    return project


def get_edition(plan: Plan, seq: int) -> Edition:
    edition = Edition.objects.filter(plan=plan, seq=seq).first()
    if edition is None:
        raise Http404("ไม่พบฉบับของแผน")
    return edition


def get_ordinance(org: Organization, ordinance_id: int) -> BudgetOrdinance:
    ordinance = BudgetOrdinance.objects.filter(pk=ordinance_id, org=org).first()
    if ordinance is None:
        raise Http404("ไม่พบข้อบัญญัติ")
    return ordinance


def get_strategy(plan: Plan, strategy_id: int) -> Strategy:
    strategy = Strategy.objects.filter(plan=plan, pk=strategy_id).first()
    if strategy is None:
        raise Http404("ไม่พบยุทธศาสตร์")
    return strategy


def get_tactic(plan: Plan, tactic_id: int) -> Tactic:
    tactic = Tactic.objects.filter(strategy__plan=plan, pk=tactic_id).first()
    if tactic is None:
        raise Http404("ไม่พบกลยุทธ์")
    return tactic


def get_kpi(plan: Plan, kpi_id: int) -> KPI:
    kpi = KPI.objects.select_related("strategy").filter(strategy__plan=plan, pk=kpi_id).first()
    if kpi is None:
        raise Http404("ไม่พบตัวชี้วัด")
    return kpi
