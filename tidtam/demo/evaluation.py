"""A complete evaluated year for each demo org: committee, meetings, แบบที่ 1, KPI results, surveys
with a few hundred answers, committee scores, and the annual report with its dates.
Deterministic (seeded by org code)."""

import datetime as dt
import random
from decimal import Decimal
from typing import TypedDict

from evaluation import services
from evaluation.models import (
    AgeBand,
    ChecklistTemplate,
    CommitteeMember,
    Education,
    Occupation,
    ScoreTemplate,
    SurveyTemplate,
)
from orgs.models import Membership, Role
from plans.models import KPI
from tidtam.demo import catalog as c
from tidtam.demo.details import split_name

FY = 2569  # the year that ended on 30 September 2569

# Given names for นาง/นางสาว (the names passed in are men's, for นาย).
FEMALE_FIRST_NAMES = [
    "สมศรี",
    "วิไล",
    "มาลี",
    "สุดารัตน์",
    "พรทิพย์",
    "อรุณี",
    "กาญจนา",
    "นภา",
    "รัตนา",
    "จันทร์เพ็ญ",
]


class ReportDates(TypedDict, total=False):
    presented_on: dt.date
    announced_on: dt.date
    posted_from: dt.date


def _profile(rng) -> dict:
    return {
        "sex": rng.choice(["m", "f", "f"]),
        "age_band": rng.choices(AgeBand.values, weights=[3, 12, 18, 24, 24, 19])[0],
        "education": rng.choices(Education.values, weights=[30, 35, 10, 20, 4, 1])[0],
        "occupation": rng.choices(Occupation.values, weights=[6, 8, 18, 20, 6, 38, 4])[0],
    }


def evaluated_year(org, plan, seed: int, first_names, last_names) -> None:
    rng = random.Random(f"{seed}-{org.code}-evaluation")
    committee = services.committee_create(
        org=org,
        order_no=f"{rng.randint(100, 450)}/2568",
        appointed_on=dt.date(2025, 9, 25),
        term_start=dt.date(2025, 10, 1),  # sitting while it scores FY2569 (Oct–Nov 2569)
    )
    seats = [("council", 3), ("forum", 2), ("agency", 2), ("admin", 2), ("expert", 2)]
    members: list[CommitteeMember] = []
    for seat, count in seats:
        for _ in range(count):
            role = "chair" if not members else "member"
            title = rng.choice(["นาย", "นาง", "นางสาว"])
            given = rng.choice(first_names if title == "นาย" else FEMALE_FIRST_NAMES)
            name = f"{title}{given} {rng.choice(last_names)}"  # title and given name agree
            members.append(
                services.member_add(
                    committee=committee,
                    name=name,
                    seat=seat,
                    role=role,
                    position=c.SEAT_POSITIONS.get(seat, ""),
                )
            )
    members[-1].role = "secretary"
    members[-1].save(update_fields=["role"])
    for user, member in zip(
        [m.user for m in Membership.objects.filter(org=org, role=Role.COMMITTEE)],
        members[3:],
        strict=False,
    ):
        member.user = user  # the demo committee login sits on the committee and can score
        member.save(update_fields=["user"])
        user.first_name, user.last_name = split_name(member.name)  # one person, one name
        user.save(update_fields=["first_name", "last_name"])
    for held, title in (
        (dt.date(2026, 4, 20), "ติดตามและประเมินผลรอบ 6 เดือน ปีงบประมาณ 2569"),
        (dt.date(2026, 11, 18), "ติดตามและประเมินผลรอบ 12 เดือน ปีงบประมาณ 2569"),
    ):
        services.meeting_add(
            committee=committee,
            held_on=held,
            title=title,
            fiscal_year=FY,
            minutes="ที่ประชุมพิจารณาผลการดำเนินงานและมีมติเห็นชอบรายงาน",
        )

    template = ChecklistTemplate.objects.filter(active=True).first()
    assert template is not None  # seeded by the migrations
    services.checklist_save(
        plan=plan, answers={i.pk: (rng.random() < 0.9, "") for i in template.items.all()}
    )

    for kpi in KPI.objects.filter(strategy__plan=plan).prefetch_related("targets"):
        values = {}
        for t in kpi.targets.all():
            if t.year <= FY:
                values[t.year] = (
                    (t.value * Decimal(rng.uniform(0.8, 1.08))).quantize(Decimal("0.01")),
                    "รายงานผลการดำเนินงานประจำปี",
                )
        services.kpi_results_save(kpi=kpi, values=values)

    for code, title, n in (
        ("likert_overall", "ความพึงพอใจต่อการดำเนินงานในภาพรวม ปีงบประมาณ 2569", 260),
        ("3_3", "ความพึงพอใจรายยุทธศาสตร์ ปีงบประมาณ 2569", 90),
    ):
        tmpl = SurveyTemplate.objects.get(code=code)
        survey = services.survey_create(org=org, fiscal_year=FY, template=tmpl, title=title)
        strategies: list[int | None] = [s.pk for s in services.survey_strategies(survey)] or [None]
        items = [i.pk for i in tmpl.items.all()]
        mood = rng.uniform(-0.4, 0.3)
        rows = []
        for _ in range(n):
            answers: dict[tuple[int, int | None], int]
            if code == "3_3":
                answers = {
                    (i, s): max(0, min(10, round(rng.gauss(7.6 + mood * 2, 1.4))))
                    for i in items
                    for s in strategies
                }
            else:
                answers = {
                    (i, None): max(1, min(5, round(rng.gauss(4.1 + mood, 0.75)))) for i in items
                }
            rows.append((_profile(rng), answers))
        services.responses_load(survey=survey, rows=rows)
        survey.is_open = False
        survey.save(update_fields=["is_open"])

    for score_template in ScoreTemplate.objects.all():
        score_items = list(score_template.items.all())
        for member in members[:7]:
            points: dict[int, Decimal | None] = {
                i.pk: (i.max_points * Decimal(rng.uniform(0.72, 1.0))).quantize(Decimal("0.5"))
                for i in score_items
            }
            services.score_save(
                member=member, template=score_template, fiscal_year=FY, points=points
            )

    # a third has presented and announced (public page, kept PDF), a third presented and is within
    # its 15 days, a third has not presented yet (due by December)
    stage = rng.random()
    dates: ReportDates = {}
    if stage < 2 / 3:
        dates["presented_on"] = dt.date(2026, 11, 10) if stage < 1 / 3 else dt.date(2026, 11, 20)
    if stage < 1 / 3:
        dates |= {"announced_on": dt.date(2026, 11, 17), "posted_from": dt.date(2026, 11, 17)}
    services.annual_report_save(
        org=org,
        fiscal_year=FY,
        problems="1. โครงการในแผนพัฒนาท้องถิ่นมีจำนวนมากแต่ได้รับงบประมาณจำนวนน้อย\n"
        "2. การเบิกจ่ายงบประมาณกระจุกตัวในไตรมาสที่ 3–4",
        recommendations="1. ทบทวนแผนพัฒนาท้องถิ่นให้สอดคล้องกับสถานะการคลัง\n"
        "2. เร่งรัดการจัดซื้อจัดจ้างตั้งแต่ไตรมาสแรกของปีงบประมาณ",
        **dates,
    )
