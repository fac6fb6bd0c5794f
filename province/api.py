"""Submissions to the provincial M&E unit in the JSON API: list them, and submit a period."""

import datetime as dt

from ninja import Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from orgs.access import get_org_for_user
from province import services
from province.models import Submission

router = Router(tags=["ส่งข้อมูลให้ อบจ."])


class SubmissionOut(Schema):
    fiscal_year: int
    period: str
    status: str
    round: int
    submitted_at: dt.datetime
    reviewed_at: dt.datetime | None
    numbers: dict


def _out(s: Submission) -> SubmissionOut:
    return SubmissionOut(
        fiscal_year=s.fiscal_year,
        period=s.period,
        status=s.status,
        round=s.round,
        submitted_at=s.submitted_at,
        reviewed_at=s.reviewed_at,
        numbers=s.numbers,
    )


@router.get("/orgs/{code}/submissions", response=list[SubmissionOut])
@paginate(LimitOffsetPagination)
def submissions(request, code: str, fy: int | None = None, status: str | None = None):
    org = get_org_for_user(request.user, code)
    rows = Submission.objects.filter(org=org).order_by("-fiscal_year", "period")
    if fy is not None:
        rows = rows.filter(fiscal_year=fy)
    if status:
        rows = rows.filter(status=status)
    return [_out(s) for s in rows]


@router.post("/orgs/{code}/submissions/{fy}/{period}", response={201: SubmissionOut})
def submit(request, code: str, fy: int, period: str):
    org = get_org_for_user(request.user, code, write=True)
    return Status(
        201, _out(services.submit(org=org, fiscal_year=fy, period=period, user=request.user))
    )
