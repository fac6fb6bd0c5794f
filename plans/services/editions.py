"""Editions of the 5-year plan and the project rows they introduce or change."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from core import audit
from orgs import stale
from orgs.models import Division
from orgs.versions import touch_org
from plans import locks
from plans.models import (
    Edition,
    EditionKind,
    EditionStatus,
    Plan,
    Program,
    Project,
    ProjectBudget,
    ProjectForm,
    ProjectVersion,
    Strategy,
    Tactic,
)
from plans.selectors import version_current, year_as_of


@dataclass
class ProjectData:
    """The content of one ผ.02 row."""

    strategy: Strategy
    program: Program
    name: str
    tactic: Tactic | None = None
    objective: str = ""
    target: str = ""
    kpi: str = ""
    expected_result: str = ""
    division: Division | None = None
    responsible_unit: str = ""
    form: str = ProjectForm.P02
    location: str = ""
    seq_no: int = 0
    budgets: dict[int, Decimal] = field(default_factory=dict)

    def version_fields(self) -> dict:
        return {
            "strategy": self.strategy,
            "tactic": self.tactic,
            "program": self.program,
            "name": self.name.strip(),
            "objective": self.objective,
            "target": self.target,
            "kpi": self.kpi,
            "expected_result": self.expected_result,
            "division": self.division,
            "responsible_unit": self.responsible_unit
            or (self.division.name if self.division else ""),
            "form": self.form,
            "location": self.location,
            "seq_no": self.seq_no,
        }


# -- editions ----------------------------------------------------------------------------------


@transaction.atomic
def edition_create(
    *,
    plan: Plan,
    kind: str,
    number: int | None = None,
    year: int | None = None,
    note: str = "",
) -> Edition:
    editions = Edition.objects.select_for_update().filter(plan=plan)
    if editions.filter(status=EditionStatus.DRAFT).exists():
        raise ValidationError("มีฉบับร่างที่ยังไม่อนุมัติอยู่แล้ว ต้องอนุมัติหรือยกเลิกฉบับร่างนั้นก่อน")
    has_any = editions.exists()
    if kind == EditionKind.ORIGINAL and has_any:
        raise ValidationError("แผนนี้มีฉบับเดิมแล้ว ให้จัดทำเป็นฉบับทบทวน เพิ่มเติม เปลี่ยนแปลง หรือแก้ไข")
    if kind != EditionKind.ORIGINAL and not has_any:
        raise ValidationError("ต้องมีแผนฉบับเดิมก่อน จึงจะจัดทำฉบับทบทวน/เพิ่มเติม/เปลี่ยนแปลง/แก้ไขได้")
    seq = (editions.aggregate(m=Max("seq"))["m"] or 0) + 1
    edition = Edition(plan=plan, seq=seq, kind=kind, number=number, year=year, note=note)
    if editions.filter(kind=kind, number=number, year=year).exists():
        raise ValidationError(f"มีฉบับ “{edition.label}” ของแผนนี้อยู่แล้ว")
    edition.full_clean()
    edition.save()
    return edition


def framework_snapshot(plan: Plan) -> dict:
    """The strategies' and tactics' numbers and names as they are now (kept by an approval)."""
    return {
        "strategies": {
            str(pk): [n, name]
            for pk, n, name in Strategy.objects.filter(plan=plan).values_list(
                "pk", "number", "name"
            )
        },
        "tactics": {
            str(pk): [n, name]
            for pk, n, name in Tactic.objects.filter(strategy__plan=plan).values_list(
                "pk", "number", "name"
            )
        },
    }


@transaction.atomic
def edition_approve(
    *,
    edition: Edition,
    approved_on: dt.date,
    approver: str = "",
    announced_on: dt.date | None = None,
    meeting_on: dt.date | None = None,
    seen: str | None = None,
    keep_pdf: bool = True,
) -> Edition:
    """Approve a draft. `seen` is what the approver's page showed of it: a draft changed since
    (a project added or edited after the page was opened) is refused, not approved unseen.
    `keep_pdf=False` leaves the ผ.02 PDF to be queued by the caller (the demo data)."""
    stale.check(stale.locked(edition), seen)
    if approved_on is None:
        raise ValidationError({"approved_on": "ระบุวันที่อนุมัติ: ฉบับที่อนุมัติแล้วต้องมีวันที่อนุมัติ"})
    if announced_on and announced_on < approved_on:
        raise ValidationError({"announced_on": "วันที่ประกาศต้องไม่ก่อนวันที่อนุมัติ"})
    locked = locks.closed_since(edition.plan.org, approved_on)
    if locked:
        raise ValidationError(
            {
                "approved_on": (
                    f"วันที่อนุมัติย้อนเข้าไปในงวดที่ปิดแล้ว ({locked}): แผนตามงวดนั้นจะเปลี่ยน"
                    " ให้ใช้วันที่อนุมัติจริงหลังงวดนั้น หรือขอปลดล็อกงวดนั้นก่อน"
                )
            }
        )
    if meeting_on and approved_on and meeting_on > approved_on:
        raise ValidationError({"meeting_on": "วันที่ประชุมพิจารณาต้องไม่หลังวันที่อนุมัติ"})
    updated = audit.update(
        Edition.objects.filter(pk=edition.pk, status=EditionStatus.DRAFT),
        status=EditionStatus.APPROVED,
        approved_on=approved_on,
        approver=approver,
        announced_on=announced_on,
        meeting_on=meeting_on,
        framework=framework_snapshot(edition.plan),
    )
    if updated != 1:
        raise ValidationError("ฉบับนี้ได้รับอนุมัติไปแล้ว")
    touch_org(edition.plan.org_id)  # the maps show the plan as approved (orgs.versions)
    edition.refresh_from_db()
    if keep_pdf:
        edition_pdf_later(edition)
    return edition


def edition_pdf_later(edition: Edition) -> None:
    """The ผ.02 of an approved edition (the plan in force: ITA O4) is made by a worker once the
    approval commits, so the public link answers at once (reports.services.freeze_edition)."""
    from jobs import services as jobs

    plan = edition.plan
    jobs.enqueue(
        kind="freeze_edition",
        org=plan.org,
        params={"edition": edition.pk},
        title=f"จัดเก็บ PDF ผ.02 {plan.title} {edition.label}".strip(),
        key=f"freeze-edition:{edition.pk}",
        max_attempts=5,
        priority=-10,
    )


@transaction.atomic
def edition_discard(*, edition: Edition, seen: str | None = None) -> None:
    """Drop a draft edition and everything it changed, reopening the versions it had closed.
    A page that showed the draft before someone else changed it discards nothing."""
    stale.check(stale.locked(edition), seen)
    if edition.is_approved:
        raise ValidationError("ฉบับที่อนุมัติแล้วยกเลิกไม่ได้")
    touch_org(edition.plan.org_id)
    audit.update(
        ProjectVersion.objects.filter(plan=edition.plan, valid_until_seq=edition.seq),
        valid_until_seq=None,
    )
    ProjectVersion.objects.filter(edition=edition).delete()
    Project.objects.filter(created_in=edition).delete()
    edition.delete()


def _require_draft(edition: Edition) -> None:
    if edition.is_approved:
        raise ValidationError(f"“{edition.label}” อนุมัติแล้ว แก้ไขไม่ได้ ให้จัดทำฉบับใหม่")


def _check_data(plan: Plan, data: ProjectData) -> None:
    errors = {}
    if not data.name.strip():
        errors["name"] = "ต้องระบุชื่อโครงการ"
    if data.strategy.plan_id != plan.id:
        errors["strategy"] = "ยุทธศาสตร์ไม่อยู่ในแผนนี้"
    if data.tactic and data.tactic.strategy_id != data.strategy.id:
        errors["tactic"] = "กลยุทธ์ไม่อยู่ภายใต้ยุทธศาสตร์ที่เลือก"
    if data.division and data.division.org_id != plan.org_id:
        errors["division"] = "หน่วยงานไม่อยู่ในองค์กรนี้"
    years = set(plan.years)
    for year, amount in data.budgets.items():
        if year not in years:
            errors["budgets"] = f"ปี {year} อยู่นอกช่วงของแผน ({plan.start_year}–{plan.end_year})"
        elif amount < 0:
            errors["budgets"] = f"งบประมาณปี {year} ติดลบไม่ได้"
    if errors:
        raise ValidationError(errors)


class _ClosedYears:
    """Which of a plan's years a draft may no longer budget: the year's figures, read as of the
    year (plans.selectors.year_as_of), would change in a closed period (plans.locks, the
    monitoring period locks). One check per year per call."""

    def __init__(self, plan: Plan):
        self.org = plan.org
        self.seen: dict[int, str | None] = {}

    def refuse(self, budgets: dict[int, Decimal], before: dict[int, Decimal]) -> None:
        errors = {}
        for year, amount in sorted(budgets.items()):
            if (amount or Decimal(0)) == before.get(year, Decimal(0)):
                continue  # unchanged: the year's figures stay as they were
            if year not in self.seen:
                self.seen[year] = locks.closed_period_reached(self.org, year, year_as_of(year))
            if self.seen[year]:
                errors[f"budget_{year}"] = (
                    f"งบประมาณปี {year}: ปีงบประมาณ {year} ปิดงวดแล้ว (เดือน{self.seen[year]})"
                    " ฉบับร่างจึงเพิ่มหรือเปลี่ยนงบประมาณของปีนั้นไม่ได้"
                    " ต้องขอปลดล็อกงวดของปีนั้นก่อน"
                )
        if errors:
            raise ValidationError(errors)


def _budget_rows(version: ProjectVersion, budgets: dict[int, Decimal], years: list[int]):
    return [
        ProjectBudget(version=version, year=y, amount=budgets.get(y, Decimal(0))) for y in years
    ]


@transaction.atomic
def projects_bulk_add(*, edition: Edition, rows: list[ProjectData]) -> list[ProjectVersion]:
    """Add new projects to a draft edition (used by the form and, in bulk, by the import)."""
    _require_draft(edition)
    plan = edition.plan
    closed = _ClosedYears(plan)
    for data in rows:
        _check_data(plan, data)
        closed.refuse(data.budgets, {})
    projects = audit.bulk_create(
        Project, [Project(plan=plan, created_in=edition) for _ in rows], org_id=plan.org_id
    )
    versions = audit.bulk_create(
        ProjectVersion,
        [
            ProjectVersion(
                project=p,
                plan=plan,
                edition=edition,
                valid_from_seq=edition.seq,
                **d.version_fields(),
            )
            for p, d in zip(projects, rows, strict=True)
        ],
    )
    years = plan.years
    audit.bulk_create(
        ProjectBudget,
        [b for v, d in zip(versions, rows, strict=True) for b in _budget_rows(v, d.budgets, years)],
    )
    return versions


def project_add(*, edition: Edition, data: ProjectData) -> ProjectVersion:
    return projects_bulk_add(edition=edition, rows=[data])[0]


def _stale_project(current: ProjectVersion | None) -> str:
    """A stale project form's refusal, showing what the other person saved."""
    from orgs.stale import _last_writer

    if current is None:
        return "มีผู้แก้ไขโครงการนี้ก่อนหน้าคุณ และโครงการไม่อยู่ในแผนแล้ว ข้อมูลของคุณยังไม่ถูกบันทึก"
    budgets = ", ".join(
        f"ปี {b.year}: {b.amount:,.2f} บาท" for b in current.budgets.order_by("year")
    )
    return (
        f"มีผู้แก้ไขโครงการนี้ก่อนหน้าคุณ{_last_writer(current)} ข้อมูลของคุณยังไม่ถูกบันทึก"
        f" — ที่บันทึกไว้ขณะนี้: ชื่อโครงการ “{current.name}”; ยุทธศาสตร์ที่ {current.strategy.number};"
        f" สถานที่ “{current.location or '-'}”; งบประมาณ {budgets or '-'}"
        " — โปรดตรวจสอบแล้วแก้ไขอีกครั้ง"
    )


@transaction.atomic
def project_change(
    *,
    project: Project,
    edition: Edition,
    data: ProjectData,
    expected_revision: int | None = None,
) -> ProjectVersion:
    """Change a project in a draft edition. A stale form (someone saved first) is refused."""
    _require_draft(edition)
    _check_data(project.plan, data)
    current = version_current(project, edition.seq)
    if current is None:
        raise ValidationError("โครงการนี้ไม่อยู่ในแผนแล้ว")
    if expected_revision is not None and current.revision != expected_revision:
        raise ValidationError(_stale_project(current))
    _ClosedYears(project.plan).refuse(
        data.budgets, dict(current.budgets.values_list("year", "amount"))
    )
    if current.edition_id == edition.id:
        fields = data.version_fields()
        updated = audit.update(
            ProjectVersion.objects.filter(pk=current.pk, revision=current.revision),
            revision=current.revision + 1,
            **fields,
        )
        if updated != 1:
            raise ValidationError(_stale_project(version_current(project, edition.seq)))
        ProjectBudget.objects.filter(version=current).delete()
        audit.bulk_create(ProjectBudget, _budget_rows(current, data.budgets, project.plan.years))
        current.refresh_from_db()
        return current
    closed = audit.update(
        ProjectVersion.objects.filter(pk=current.pk, valid_until_seq__isnull=True),
        valid_until_seq=edition.seq,
    )
    if closed != 1:
        raise ValidationError(_stale_project(version_current(project, edition.seq)))
    version = ProjectVersion(
        project=project,
        plan=project.plan,
        edition=edition,
        valid_from_seq=edition.seq,
        revision=current.revision + 1,  # the draft's first version is a new revision, not a reuse
        **data.version_fields(),
    )
    version.save()
    audit.bulk_create(ProjectBudget, _budget_rows(version, data.budgets, project.plan.years))
    return version


@transaction.atomic
def project_remove(*, project: Project, edition: Edition) -> None:
    _require_draft(edition)
    current = version_current(project, edition.seq)
    if current is None:
        raise ValidationError("โครงการนี้ไม่อยู่ในแผนแล้ว")
    if current.edition_id == edition.id and project.created_in_id == edition.id:
        project.delete()  # added and removed within the same draft: nothing to remember
        return
    audit.update(ProjectVersion.objects.filter(pk=current.pk), valid_until_seq=edition.seq)
    marker = ProjectVersion(
        project=project,
        plan=project.plan,
        edition=edition,
        valid_from_seq=edition.seq,
        removed=True,
        strategy_id=current.strategy_id,
        tactic_id=current.tactic_id,
        program_id=current.program_id,
        name=current.name,
        responsible_unit=current.responsible_unit,
        division_id=current.division_id,
        form=current.form,
        seq_no=current.seq_no,
    )
    marker.save()
