"""Write a checked import through the plans services, in one transaction."""

from collections.abc import Callable

from django.db import transaction

from exchange.plan_import.common import Framework
from exchange.plan_import.report import EditionApproval, ImportReport, ParsedRow
from plans import services
from plans.models import Plan, Project, Strategy, Tactic
from plans.services import ProjectData

BATCH = 1000


@transaction.atomic
def write(
    org,
    plan: Plan | None,
    years: list[int],
    fw: Framework,
    report: ImportReport,
    approvals: dict[str, EditionApproval],
    progress: Callable[[int, int], None] | None = None,
) -> Plan:
    total = len(report.rows)
    done = 0
    if progress:
        progress(0, total)
    if plan is None:
        plan = services.plan_create(org=org, start_year=years[0], end_year=years[0] + 4)
    strategies = {s.number: s for s in Strategy.objects.filter(plan=plan)}
    for no in sorted(fw.new_strategies):
        strategies[no] = services.strategy_create(plan=plan, number=no, name=fw.strategies[no])
    tactics = {
        (t.strategy.number, t.number): t
        for t in Tactic.objects.filter(strategy__plan=plan).select_related("strategy")
    }
    for s_no, t_no in sorted(fw.new_tactics):
        tactics[(s_no, t_no)] = services.tactic_create(
            strategy=strategies[s_no],
            number=t_no,
            name=fw.tactics[s_no][t_no],
        )
    divisions = {
        name: services.division_for(org, name) for name in {r.unit for r in report.rows if r.unit}
    }

    def data(r: ParsedRow) -> ProjectData:
        assert r.program is not None  # a row without its แผนงาน never passes the checks
        return ProjectData(
            strategy=strategies[r.strategy_no],
            tactic=tactics.get(r.tactic) if r.tactic else None,
            program=r.program,
            name=r.name,
            objective=r.objective,
            target=r.target,
            kpi=r.kpi,
            expected_result=r.expected_result,
            division=divisions.get(r.unit),
            responsible_unit=r.unit,
            form=r.form,
            location=r.location,
            seq_no=r.seq_no or r.row_no,
            budgets=r.budgets,
        )

    created: dict[int, Project] = {}
    for ep in report.editions:
        kind, number, year = ep.key
        edition = services.edition_create(
            plan=plan,
            kind=kind,
            number=number,
            year=year,
            note="นำเข้าจากไฟล์",
        )
        for start in range(0, len(ep.added), BATCH):
            chunk = ep.added[start : start + BATCH]
            versions = services.projects_bulk_add(edition=edition, rows=[data(r) for r in chunk])
            for r, v in zip(chunk, versions, strict=True):
                created[id(r)] = v.project
            done += len(chunk)
            if progress:
                progress(done, total)
        for r, target in ep.changed:
            project = created[id(target)] if isinstance(target, ParsedRow) else target
            services.project_change(project=project, edition=edition, data=data(r))
            done += 1
            if progress and (done % 100 == 0 or done == total):
                progress(done, total)
        approval = approvals.get(ep.label)
        if approval is not None and approval.complete and approval.approved_on is not None:
            services.edition_approve(
                edition=edition,
                approved_on=approval.approved_on,
                approver=approval.approver.strip(),
                meeting_on=approval.meeting_on,
                announced_on=approval.announced_on,
                # a history of editions (thousands of projects) would fill the worker with PDFs
                # nobody asked for: an imported edition's ผ.02 is queued by its first reader
                keep_pdf=False,
            )
    if progress:
        progress(total, total)
    return plan
