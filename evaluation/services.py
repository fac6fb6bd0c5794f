"""Writes for the evaluation app: surveys and their answers (web and paper), committees."""

import datetime as dt
import hashlib
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core import audit
from core.numbers import bounded
from evaluation.models import (
    SCALE_CHOICES,
    AgeBand,
    Answer,
    Channel,
    Education,
    Occupation,
    Response,
    Scale,
    Sex,
    Survey,
    SurveyTemplate,
)
from evaluation.selectors import scoring_closed
from orgs import stale
from orgs.models import Organization
from plans.models import Plan, Project, Strategy

# Web answers per survey and day: from one device (its cookie) and from one address (a village
# hall or a mobile network may put many people behind one address, hence the larger number).
WEB_ANSWERS_PER_DEVICE_PER_DAY = 3
WEB_ANSWERS_PER_ADDRESS_PER_DAY = 30


def client_key(device: str, day: dt.date) -> str:
    """A keyed hash standing for one device (its cookie) on one day."""
    raw = f"{settings.SECRET_KEY}|device|{device}|{day.isoformat()}"
    return hashlib.sha256(raw.encode()).hexdigest()


def address_key(ip: str, day: dt.date) -> str:
    """A keyed hash standing for one address on one day; the IP itself is never stored (PDPA)."""
    raw = f"{settings.SECRET_KEY}|address|{ip}|{day.isoformat()}"
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def survey_create(
    *,
    org: Organization,
    fiscal_year: int,
    template: SurveyTemplate,
    title: str,
    project: Project | None = None,
) -> Survey:
    if project is not None and project.plan.org_id != org.pk:
        raise ValidationError("โครงการไม่อยู่ในแผนขององค์กรนี้")
    survey = Survey(
        org=org, fiscal_year=fiscal_year, template=template, title=title.strip(), project=project
    )
    survey.full_clean()
    survey.save()
    return survey


@transaction.atomic
def survey_open_set(*, survey: Survey, is_open: bool) -> Survey:
    """Open or close a survey to answers (citizens' links answer "closed" while it is shut)."""
    survey.is_open = is_open
    survey.save(update_fields=["is_open"])
    return survey


def survey_strategies(survey: Survey) -> list[Strategy]:
    if not survey.template.per_strategy:
        return []
    return list(
        Strategy.objects.filter(
            plan__org=survey.org,
            plan__start_year__lte=survey.fiscal_year,
            plan__end_year__gte=survey.fiscal_year,
        ).order_by("number")
    )


@transaction.atomic
def response_submit(
    *,
    survey: Survey,
    channel: str,
    profile: dict,
    answers: dict[tuple[int, int | None], int],
    client: str = "",
    address: str = "",
    form_token: str | None = None,
    entered_by=None,
) -> Response:
    """answers: {(item id, strategy id or None): value}. Every item (× strategy) must be
    answered."""
    if channel == Channel.WEB and not survey.is_open:
        raise ValidationError("แบบสอบถามนี้ปิดรับคำตอบแล้ว")
    errors = {}
    for name, choices in (
        ("sex", Sex),
        ("age_band", AgeBand),
        ("education", Education),
        ("occupation", Occupation),
    ):
        if profile.get(name) not in choices.values:
            errors[name] = "กรุณาเลือก"
    allowed = {v for v, _ in SCALE_CHOICES[Scale(survey.template.scale)]}
    strategies: list[int | None] = [s.pk for s in survey_strategies(survey)] or [None]
    expected = {(i.pk, s) for i in survey.template.items.all() for s in strategies}
    missing = expected - set(answers)
    if missing:
        errors["answers"] = f"ยังไม่ได้ตอบ {len(missing)} ข้อ"
    if set(answers) - expected or any(v not in allowed for v in answers.values()):
        errors["answers"] = "คำตอบไม่ตรงกับแบบสอบถาม"
    if errors:
        raise ValidationError(errors)
    if form_token is not None and Response.objects.filter(form_token=form_token).exists():
        raise ValidationError("แบบฟอร์มนี้ส่งคำตอบไปแล้ว หากต้องการตอบอีกครั้งกรุณาเปิดหน้าแบบสอบถามใหม่")
    if channel == Channel.WEB:
        today = timezone.localdate()
        sent = Response.objects.filter(survey=survey, submitted_at__date=today)
        if client and sent.filter(client=client).count() >= WEB_ANSWERS_PER_DEVICE_PER_DAY:
            raise ValidationError("ส่งคำตอบจากเครื่องนี้ครบจำนวนที่กำหนดแล้วในวันนี้ ขอบคุณที่ร่วมตอบ")
        if address and sent.filter(address=address).count() >= WEB_ANSWERS_PER_ADDRESS_PER_DAY:
            raise ValidationError("ส่งคำตอบจากเครือข่ายนี้ครบจำนวนที่กำหนดแล้วในวันนี้ ขอบคุณที่ร่วมตอบ")
    try:
        with transaction.atomic():  # a savepoint: a replay racing this one meets the unique token
            response = Response.objects.create(
                survey=survey,
                channel=channel,
                client=client,
                address=address,
                form_token=form_token,
                entered_by=entered_by,
                **{k: profile[k] for k in ("sex", "age_band", "education", "occupation")},
            )
    except IntegrityError:
        raise ValidationError(
            "แบบฟอร์มนี้ส่งคำตอบไปแล้ว หากต้องการตอบอีกครั้งกรุณาเปิดหน้าแบบสอบถามใหม่"
        ) from None
    audit.bulk_create(
        Answer,
        (
            Answer(response=response, item_id=item, strategy_id=strategy, value=value)
            for (item, strategy), value in answers.items()
        ),
        org_id=survey.org_id,
    )
    return response


@transaction.atomic
def kpi_results_save(*, kpi, values: dict[int, tuple], updated_by=None) -> int:
    """values: {year: (actual or None, evidence)}; None removes that year's result."""
    from evaluation.models import KPIResult

    years = set(kpi.strategy.plan.years)
    outside = sorted(set(values) - years)
    if outside:
        raise ValidationError(f"ปี {outside[0]} อยู่นอกช่วงของแผน")
    saved = 0
    for year, (actual, evidence) in values.items():
        actual = bounded(KPIResult, "actual", actual, f"ผลปี {year}")
        if actual is None:
            KPIResult.objects.filter(kpi=kpi, year=year).delete()
            continue
        KPIResult.objects.update_or_create(
            kpi=kpi,
            year=year,
            defaults={"actual": actual, "evidence": evidence.strip(), "updated_by": updated_by},
        )
        saved += 1
    return saved


@transaction.atomic
def committee_create(
    *,
    org: Organization,
    appointed_on: dt.date,
    term_start: dt.date,
    order_no: str = "",
    seen: str | None = None,
):
    """A committee serves a two-year term (วาระคราวละสองปี). `seen` is the committee the page
    showed as current ("none": none yet): a second appointment made meanwhile is not doubled."""
    from evaluation.models import Committee
    from evaluation.selectors import current_committee

    Organization.objects.select_for_update().filter(pk=org.pk).first()  # one appointment at a time
    stale.check(current_committee(org), seen)

    try:
        term_end = term_start.replace(year=term_start.year + 2) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        term_end = term_start.replace(year=term_start.year + 2, day=28)
    committee = Committee(
        org=org,
        order_no=order_no.strip(),
        appointed_on=appointed_on,
        term_start=term_start,
        term_end=term_end,
    )
    committee.full_clean()
    committee.save()
    return committee


@transaction.atomic
def member_add(
    *,
    committee,
    name: str,
    seat: str,
    role: str,
    position: str = "",
    user=None,
    seen: str | None = None,
):
    """Seat a member. `seen`: the committee the page showed (a member typed while a new term was
    appointed is refused, not seated in the old one); one chair and one secretary, under lock."""
    from evaluation.models import CommitteeMember, MemberRole
    from evaluation.models.committee import SELECTED_BY

    stale.check(stale.locked(committee), seen)
    if (
        role in (MemberRole.CHAIR, MemberRole.SECRETARY)
        and committee.members.filter(role=role).exists()
    ):
        raise ValidationError({"role": f"คณะกรรมการมี{MemberRole(role).label}อยู่แล้ว"})
    member = CommitteeMember(
        committee=committee,
        name=name.strip(),
        position=position.strip(),
        seat=seat,
        role=role,
        selected_by=SELECTED_BY.get(seat, ""),
        user=user,
        start=committee.term_start,
        end=committee.term_end,
    )
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def meeting_add(
    *,
    committee,
    held_on: dt.date,
    title: str,
    fiscal_year: int | None = None,
    minutes: str = "",
    seen: str | None = None,
):
    from evaluation.models import Meeting

    stale.check(stale.locked(committee), seen)

    meeting = Meeting(
        committee=committee,
        held_on=held_on,
        title=title.strip(),
        fiscal_year=fiscal_year,
        minutes=minutes,
    )
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def score_save(*, member, template, fiscal_year: int, points: dict[int, Decimal | None]):
    """One member's score sheet: every item, 0 … its full points. Re-saving replaces the sheet."""
    from evaluation.models import ScoreEntry, ScoreSheet

    closed = scoring_closed(member, fiscal_year)
    if closed:  # frozen once the year's report is presented/announced, or the seat has ended
        raise ValidationError(closed)
    items = {i.pk: i for i in template.items.all()}
    errors = []
    missing = [items[i].number for i in items if points.get(i) is None]
    if missing:
        errors.append(f"ยังไม่ได้ให้คะแนนข้อ {', '.join(missing)}")
    for item_id, value in points.items():
        item = items.get(item_id)
        if item is None:
            errors.append("ข้อไม่ตรงกับแบบให้คะแนน")
        elif value is not None and (not value.is_finite() or not 0 <= value <= item.max_points):
            errors.append(f"ข้อ {item.number}: ให้ได้ 0 ถึง {item.max_points.normalize():f} คะแนน")
    org = member.committee.org
    if not Plan.objects.filter(
        org=org, start_year__lte=fiscal_year, end_year__gte=fiscal_year
    ).exists():
        errors.append(f"ปีงบประมาณ {fiscal_year} ไม่อยู่ในช่วงของแผนพัฒนาท้องถิ่นของหน่วยงาน")
    if errors:
        raise ValidationError(errors)
    sheet, _ = ScoreSheet.objects.update_or_create(
        org=org, fiscal_year=fiscal_year, template=template, member=member, defaults={}
    )
    sheet.entries.all().delete()
    audit.bulk_create(
        ScoreEntry,
        [ScoreEntry(sheet=sheet, item_id=i, points=v) for i, v in points.items() if v is not None],
    )
    return sheet


@transaction.atomic
def checklist_save(*, plan, answers: dict[int, tuple[bool, str]], updated_by=None) -> int:
    """แบบที่ 1 for a plan: {item id: (done, note)} for every item of the active template."""
    from evaluation.models import ChecklistAnswer, ChecklistTemplate

    template = ChecklistTemplate.objects.filter(active=True).first()
    ids = set(template.items.values_list("pk", flat=True)) if template else set()
    missing = ids - set(answers)
    if missing or set(answers) - ids:
        raise ValidationError(f"ยังไม่ได้ตอบ {len(missing)} ข้อ" if missing else "ข้อไม่ตรงกับแบบที่ 1")
    for item_id, (done, note) in answers.items():
        ChecklistAnswer.objects.update_or_create(
            plan=plan,
            item_id=item_id,
            defaults={"done": done, "note": note.strip()[:300], "updated_by": updated_by},
        )
    return len(answers)


@transaction.atomic
def annual_report_save(*, org: Organization, fiscal_year: int, seen: str | None = None, **fields):
    from evaluation.models import AnnualReport

    report = AnnualReport.objects.select_for_update().filter(
        org=org, fiscal_year=fiscal_year
    ).first() or AnnualReport(org=org, fiscal_year=fiscal_year)
    stale.check(report, seen)
    for name, value in fields.items():
        setattr(report, name, value)
    if report.posted_from and report.posted_until and report.posted_until < report.posted_from:
        raise ValidationError({"posted_until": "วันสิ้นสุดการปิดประกาศต้องไม่ก่อนวันเริ่ม"})
    if report.announced_on and report.presented_on and report.announced_on < report.presented_on:
        raise ValidationError({"announced_on": "วันประกาศต้องไม่ก่อนวันที่เสนอต่อสภาท้องถิ่น"})
    report.full_clean()
    report.save()
    if report.announced_on and not report.pdf:
        _freeze_when_committed(report)
    return report


def _freeze_when_committed(report) -> None:
    """The announced document is made by a worker once the announcement is saved, so the public
    reads what was announced (never a first reader's rendering of later data)."""
    from jobs import services as jobs

    jobs.enqueue(
        kind="freeze_report",
        org=report.org,
        params={"report": report.pk},
        title=f"จัดเก็บ PDF รายงานที่ประกาศ ปีงบประมาณ {report.fiscal_year}",
        key=f"freeze-report:{report.pk}:{report.announced_on.isoformat()}",
        max_attempts=5,
    )


@transaction.atomic
def responses_load(
    *, survey: Survey, rows: list[tuple[dict, dict]], channel: str = Channel.PAPER
) -> int:
    """Many paper questionnaires at once (demo seeding, keying in a batch from a spreadsheet).
    rows: [(profile, answers)] validated like response_submit, then inserted in bulk."""
    allowed = {v for v, _ in SCALE_CHOICES[Scale(survey.template.scale)]}
    strategies: list[int | None] = [s.pk for s in survey_strategies(survey)] or [None]
    expected = {(i.pk, s) for i in survey.template.items.all() for s in strategies}
    for n, (profile, answers) in enumerate(rows, 1):
        if set(answers) != expected or any(v not in allowed for v in answers.values()):
            raise ValidationError(f"ชุดที่ {n}: คำตอบไม่ครบหรือไม่ตรงกับแบบสอบถาม")
        for name, choices in (
            ("sex", Sex),
            ("age_band", AgeBand),
            ("education", Education),
            ("occupation", Occupation),
        ):
            if profile.get(name) not in choices.values:
                raise ValidationError(f"ชุดที่ {n}: ข้อมูลทั่วไป “{name}” ไม่ถูกต้อง")
    created = audit.bulk_create(
        Response,
        [Response(survey=survey, channel=channel, **profile) for profile, _ in rows],
        batch_size=1000,
        org_id=survey.org_id,
    )
    audit.bulk_create(
        Answer,
        (
            Answer(response=r, item_id=item, strategy_id=strategy, value=value)
            for r, (_, answers) in zip(created, rows, strict=True)
            for (item, strategy), value in answers.items()
        ),
        batch_size=5000,
        org_id=survey.org_id,
    )
    return len(created)


@transaction.atomic
def score_template_update(*, template, points: dict[int, Decimal], pass_percent: Decimal):
    """New full points per item and pass bar. Sheets already scored keep their points; the page
    then shows them against the new breakdown, so change templates between scoring rounds."""
    if not 0 < pass_percent <= 100:
        raise ValidationError("เกณฑ์ผ่านต้องอยู่ระหว่างร้อยละ 1–100")
    if any(p <= 0 for p in points.values()):
        raise ValidationError("คะแนนเต็มของทุกข้อต้องมากกว่า 0")
    from evaluation.models import ScoreItem

    points = {k: bounded(ScoreItem, "max_points", v, "คะแนนเต็ม") for k, v in points.items()}
    for item in template.items.all():
        if item.pk in points:
            item.max_points = points[item.pk]
            item.save(update_fields=["max_points"])
    template.pass_percent = pass_percent
    template.save(update_fields=["pass_percent"])
    return template
