from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from orgs.access import can_write
from orgs.decorators import org_view
from plans import services
from plans.models import Plan
from plans.selectors import editions_with_counts, plan_summary
from plans.web import resolve_seq
from thai.words import chart_label


@org_view()
def overview(request, org):
    plan = Plan.objects.filter(org=org).order_by("-start_year").first()
    if plan is None:
        return render(
            request,
            "plans/no_plan.html",
            {"org": org, "section": "plan", "can_write": can_write(request.user, org)},
        )
    seq, mode = resolve_seq(request, plan)
    summary = plan_summary(plan, seq)
    editions = list(editions_with_counts(plan))
    chart = {
        "years": [str(y) for y in summary.years],
        "series": [
            {
                "name": f"{r.number} {r.name}",
                "data": [float(c.amount) for c in r.cells],
            }
            for r in summary.rows
            if r.level == "strategy"
        ],
    }
    # the legend shows a label cut between words; the tooltip names the strategy in full
    chart["legend"] = {s["name"]: chart_label(s["name"], 36, 1) for s in chart["series"]}
    return render(
        request,
        "plans/overview.html",
        {
            "org": org,
            "plan": plan,
            "summary": summary,
            "editions": editions,
            "seq": seq,
            "mode": mode,
            "edition": next((e for e in editions if e.seq == seq), None),
            "section": "plan",
            "chart": chart,
            "query": request.GET.urlencode(),
        },
    )


@org_view(write=True)
def plan_new(request, org):
    if request.method == "POST":
        try:
            start = int(request.POST.get("start_year", ""))
            services.plan_create(
                org=org,
                start_year=start,
                end_year=start + 4,
                vision=request.POST.get("vision", ""),
            )
        except (ValueError, ValidationError) as exc:
            messages.error(request, f"สร้างแผนไม่ได้: {_message(exc)}")
        else:
            messages.success(request, "สร้างแผนพัฒนาท้องถิ่นแล้ว")
    return redirect("plans:overview", org.code)


def _message(exc) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    return "ปีเริ่มต้นต้องเป็นตัวเลข พ.ศ."
