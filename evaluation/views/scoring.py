"""Plan-quality scoring: each committee member fills a sheet; the page shows the consolidation."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from core.web import this_fy
from evaluation import services
from evaluation.models import ScoreEntry, ScoreSheet, ScoreTemplate
from evaluation.scores import consolidated
from evaluation.selectors import current_committee, scoring_closed
from orgs.access import can_write
from orgs.decorators import org_view
from thai.digits import arabic_digits


def my_seat(user, org):
    committee = current_committee(org)
    if committee is None:
        return None
    return committee.members.filter(user=user).first()


@org_view()
def scoring(request, org, fy=None):
    fy = fy or this_fy() - 1  # the committee scores the year that has just ended
    templates = list(ScoreTemplate.objects.all())
    seat = my_seat(request.user, org)
    done = set()
    if seat:
        done = set(
            ScoreSheet.objects.filter(org=org, fiscal_year=fy, member=seat).values_list(
                "template_id", flat=True
            )
        )
    return render(
        request,
        "evaluation/scoring.html",
        {
            "org": org,
            "fy": fy,
            "seat": seat,
            "closed": scoring_closed(seat, fy) if seat else None,
            "done": done,
            "committee": current_committee(org),
            "results": [consolidated(org, t, fy) for t in templates],
            "can_write": can_write(request.user, org),
            "section": "scoring",
        },
    )


@org_view()
def score_sheet(request, org, fy, code):
    template = ScoreTemplate.objects.filter(code=code).first()
    if template is None:
        raise Http404("ไม่พบแบบให้คะแนน")
    seat = my_seat(request.user, org)
    member_id = request.GET.get("member") or request.POST.get("member")
    if can_write(request.user, org) and member_id:  # the officer types in a member's paper sheet
        committee = current_committee(org)
        seat = committee.members.filter(pk=member_id).first() if committee else None
    if seat is None:
        raise PermissionDenied("เฉพาะกรรมการติดตามและประเมินผลของหน่วยงานนี้")
    items = list(template.items.all())
    existing = dict(
        ScoreEntry.objects.filter(
            sheet__org=org, sheet__fiscal_year=fy, sheet__template=template, sheet__member=seat
        ).values_list("item_id", "points")
    )
    values = {i.pk: existing.get(i.pk) for i in items}
    closed = scoring_closed(seat, fy)  # the page is then read-only, with the reason
    if request.method == "POST":
        bad = []
        for i in items:
            raw = arabic_digits(request.POST.get(f"item_{i.pk}", "")).strip()
            try:
                values[i.pk] = Decimal(raw) if raw else None
                if values[i.pk] is not None and not values[i.pk].is_finite():  # NaN, sNaN, Infinity
                    raise InvalidOperation
            except InvalidOperation:
                values[i.pk] = None
                bad.append(f"ข้อ {i.number}: “{raw}” ไม่ใช่ตัวเลข")
        try:
            if bad:
                raise ValidationError(bad)
            services.score_save(member=seat, template=template, fiscal_year=fy, points=values)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, f"บันทึกคะแนนของ {seat.name} แล้ว")
            return redirect("evaluation:scoring_year", org.code, fy)
    return render(
        request,
        "evaluation/score_sheet.html",
        {
            "org": org,
            "fy": fy,
            "template": template,
            "seat": seat,
            "rows": [(i, values[i.pk]) for i in items],
            "closed": closed,
            "section": "scoring",
        },
    )
