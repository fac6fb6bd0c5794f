"""Builders for tests: a budget year made through the services, as its users would make it (an
approved project, an ordinance and its lines, a transfer, a month's progress). Imported by tests
only."""

import datetime as dt
from decimal import Decimal

from orgs.models import Organization
from plans import services as ps
from plans.models import BudgetLine, BudgetTransfer, Plan, Project

from . import services as ms
from .models import ProjectYear


def approved_project(
    plan: Plan,
    *,
    kind: str,
    approved_on: dt.date,
    data: ps.ProjectData,
    number: int | None = None,
    year: int | None = None,
) -> Project:
    """A new edition of `plan` with one project, approved on `approved_on`."""
    edition = ps.edition_create(plan=plan, kind=kind, number=number, year=year)
    project = ps.project_add(edition=edition, data=data).project
    ps.edition_approve(edition=edition, approved_on=approved_on)
    return project


def ordinance_lines(
    org: Organization,
    fiscal_year: int,
    *,
    kind: str,
    promulgated_on: dt.date,
    amounts: dict[Project, Decimal],
) -> list[BudgetLine]:
    """A budget ordinance of the year with one line a project, in the order given."""
    ordinance = ps.ordinance_create(
        org=org, fiscal_year=fiscal_year, kind=kind, promulgated_on=promulgated_on
    )
    return [
        ps.budget_line_add(ordinance=ordinance, project=project, amount=amount)
        for project, amount in amounts.items()
    ]


def transfer(line: BudgetLine, kind: str, amount: Decimal, approved_on: dt.date) -> BudgetTransfer:
    """A transfer of the line approved by the executive on `approved_on`."""
    return ms.transfer_record(
        line=line, kind=kind, amount=amount, approver="executive", approved_on=approved_on
    )


def month_saved(
    project: Project,
    fiscal_year: int,
    month: int,
    *,
    expected_version: int | None = None,
    **fields,
) -> ProjectYear:
    """The project's month saved by its org's officer (`fields` as in ProgressInput), against
    the year's version as it stands unless `expected_version` is given."""
    if expected_version is None:
        year = ProjectYear.objects.filter(
            org=project.plan.org, fiscal_year=fiscal_year, project=project
        )
        expected_version = year.values_list("version", flat=True).first() or 0
    return ms.progress_save(
        org=project.plan.org,
        fiscal_year=fiscal_year,
        project=project,
        month=month,
        data=ms.ProgressInput(**fields),
        expected_version=expected_version,
    )
