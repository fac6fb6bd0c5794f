"""A realistic FY2569 submission history for the demo province: most orgs sent each period near
its due date and the อบจ. approved it (the period is then locked); one sent a quarter that came
back with reasons; one is late with the last two; the yearly report waits for review."""

import datetime as dt
import random

from django.utils import timezone

from monitoring.models import REPORT_PERIODS
from orgs.models import Membership, Organization, OrgType, Role
from province import services
from province.models import Submission, SubmissionEvent, SubmissionStatus

FY = 2569


def submission_history(province, seed: int) -> int:
    rng = random.Random(seed + FY)
    analyst = (
        Membership.objects.filter(org__province=province, role=Role.ANALYST)
        .select_related("user")
        .first()
    )
    if analyst is None:
        return 0
    orgs = list(
        Organization.objects.filter(province=province)
        .exclude(org_type=OrgType.PAO)
        .order_by("code")
    )
    made = 0
    for i, org in enumerate(orgs):
        officer = (
            Membership.objects.filter(org=org, role=Role.OFFICER).select_related("user").first()
        )
        if officer is None:
            continue
        late = i % 7 == 3  # has not sent the last quarter and the year yet
        returned = i % 5 == 1  # its fourth quarter came back for corrections
        for code in REPORT_PERIODS:
            if late and code in ("q4", "y"):
                continue
            due = services.due_date(FY, code)
            sent_on = due + dt.timedelta(days=rng.randint(-9, 4 if code != "y" else -1))
            at = timezone.make_aware(dt.datetime.combine(sent_on, dt.time(rng.randint(9, 15), 30)))
            sub = Submission.objects.create(
                org=org,
                fiscal_year=FY,
                period=code,
                status=SubmissionStatus.SUBMITTED,
                numbers=services.numbers_for(org, FY, code),
                submitted_at=at,
                submitted_by=officer.user,
            )
            SubmissionEvent.objects.create(
                submission=sub, action="submitted", by=officer.user, note="ส่งครั้งที่ 1"
            )
            made += 1
            if code == "y":
                continue  # waits for the analyst
            if returned and code == "q4":
                services.return_(
                    submission=sub,
                    reasons=[
                        ("เบิกจ่ายสะสม", "ยอดเบิกจ่ายไม่ตรงกับรายงานการเงินเดือนกันยายน"),
                        ("โครงการที่ลงนามสัญญา", "ยังไม่ได้บันทึกเลขที่สัญญา 2 โครงการ"),
                    ],
                    user=analyst.user,
                )
                continue
            services.approve(submission=sub, user=analyst.user)
    return made
