"""คณะกรรมการติดตามและประเมินผล: the current term's members, seats against ข้อ 28, meetings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import form_errors
from evaluation import services
from evaluation.forms import CommitteeForm, MeetingForm, MemberForm
from evaluation.models import Seat
from evaluation.models.committee import SEATS_2548
from evaluation.selectors import current_committee
from orgs.access import can_write
from orgs.decorators import org_view


@org_view()
def committee_page(request, org):
    committee = current_committee(org)
    members, meetings, seats = [], [], []
    if committee:
        members = list(committee.members.all())
        meetings = list(committee.meetings.all())
        counted = dict(
            committee.members.values("seat").annotate(n=Count("id")).values_list("seat", "n")
        )
        seats = [
            (label, counted.get(code, 0), SEATS_2548[Seat(code)]) for code, label in Seat.choices
        ]
    return render(
        request,
        "evaluation/committee.html",
        {
            "org": org,
            "committee": committee,
            "members": members,
            "meetings": meetings,
            "seats": seats,
            "total_expected": sum(SEATS_2548.values()),
            "committee_form": CommitteeForm(),
            "member_form": MemberForm(),
            "meeting_form": MeetingForm(),
            "can_write": can_write(request.user, org),
            "section": "committee",
        },
    )


def _run(request, form, fn, ok):
    if not form.is_valid():
        form_errors(request, form)
        return
    try:
        fn(form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, ok)


@org_view(write=True)
@require_POST
def committee_new(request, org):
    form = CommitteeForm(request.POST)
    _run(
        request,
        form,
        lambda cd: services.committee_create(org=org, seen=request.POST.get("seen", ""), **cd),
        "แต่งตั้งคณะกรรมการชุดใหม่แล้ว",
    )
    return redirect("evaluation:committee", org.code)


def _committee_or_404(org):
    committee = current_committee(org)
    if committee is None:
        raise Http404("ยังไม่มีคณะกรรมการ")
    return committee


@org_view(write=True)
@require_POST
def member_new(request, org):
    committee = _committee_or_404(org)
    form = MemberForm(request.POST)
    _run(
        request,
        form,
        lambda cd: services.member_add(
            committee=committee, seen=request.POST.get("seen", ""), **cd
        ),
        "เพิ่มกรรมการแล้ว",
    )
    return redirect("evaluation:committee", org.code)


@org_view(write=True)
@require_POST
def meeting_new(request, org):
    committee = _committee_or_404(org)
    form = MeetingForm(request.POST)
    _run(
        request,
        form,
        lambda cd: services.meeting_add(
            committee=committee, seen=request.POST.get("seen", ""), **cd
        ),
        "บันทึกการประชุมแล้ว",
    )
    return redirect("evaluation:committee", org.code)
