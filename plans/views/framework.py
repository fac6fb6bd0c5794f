"""Vision, missions, strategies with their goals, KPIs (yearly targets), tactics and linkages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.web import form_errors
from orgs.access import can_write
from orgs.decorators import org_view
from plans import services
from plans.access import get_kpi, get_plan, get_strategy, get_tactic
from plans.forms import KPIForm, NameForm, StrategyForm, TextForm, VisionForm
from plans.models import KPI, KPITarget, LinkageLevel, LinkageTarget, Strategy


def _strategies(plan):
    kpis = KPI.objects.select_related("goal").prefetch_related(
        Prefetch("targets", queryset=KPITarget.objects.order_by("year"))
    )
    return Strategy.objects.filter(plan=plan).prefetch_related(
        "goals", "tactics", Prefetch("kpis", queryset=kpis), "linkages"
    )


@org_view()
def framework(request, org):
    plan = get_plan(org)
    strategies = list(_strategies(plan))
    for s in strategies:
        for k in s.kpis.all():
            by_year = {t.year: t.value for t in k.targets.all()}
            k.row = [(y, by_year.get(y)) for y in plan.years]
    targets = LinkageTarget.objects.filter(province__isnull=True) | LinkageTarget.objects.filter(
        province_id=org.province_id
    )
    levels = {label: [] for _, label in LinkageLevel.choices}
    for t in targets:
        levels[t.get_level_display()].append(t)
    return render(
        request,
        "plans/framework.html",
        {
            "org": org,
            "plan": plan,
            "missions": plan.missions.all(),
            "strategies": strategies,
            "levels": levels,
            "section": "framework",
            "can_write": can_write(request.user, org),
        },
    )


def _done(request, org, fn, form, ok: str, anchor: str = ""):
    """Run a service with a valid form; any refusal is shown in Thai and nothing is saved."""
    if not form.is_valid():
        form_errors(request, form)
    else:
        try:
            fn(form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, ok)
    url = redirect("plans:framework", org.code).url
    return redirect(f"{url}#{anchor}" if anchor else url)


@org_view(write=True)
@require_POST
def vision_edit(request, org):
    plan = get_plan(org)
    return _done(
        request,
        org,
        lambda cd: services.plan_update(
            plan=plan,
            vision=cd["vision"],
            seen=request.POST.get("seen", ""),
        ),
        VisionForm(request.POST),
        "บันทึกวิสัยทัศน์แล้ว",
    )


@org_view(write=True)
@require_POST
def mission_new(request, org):
    plan = get_plan(org)
    return _done(
        request,
        org,
        lambda cd: services.mission_add(plan=plan, text=cd["text"]),
        TextForm(request.POST),
        "เพิ่มพันธกิจแล้ว",
    )


@org_view(write=True)
@require_POST
def strategy_new(request, org):
    plan = get_plan(org)
    return _done(
        request,
        org,
        lambda cd: services.strategy_create(plan=plan, name=cd["name"]),
        NameForm(request.POST),
        "เพิ่มยุทธศาสตร์แล้ว",
    )


@org_view(write=True)
@require_POST
def strategy_edit(request, org, strategy_id):
    strategy = get_strategy(get_plan(org), strategy_id)
    return _done(
        request,
        org,
        lambda cd: services.strategy_update(
            strategy=strategy,
            name=cd["name"],
            linkages=list(cd["linkages"]),
            seen=request.POST.get("seen", ""),
        ),
        StrategyForm(request.POST, province=org.province),
        "บันทึกยุทธศาสตร์แล้ว",
        f"s{strategy.pk}",
    )


@org_view(write=True)
@require_POST
def goal_new(request, org, strategy_id):
    strategy = get_strategy(get_plan(org), strategy_id)
    return _done(
        request,
        org,
        lambda cd: services.goal_add(strategy=strategy, text=cd["text"]),
        TextForm(request.POST),
        "เพิ่มเป้าประสงค์แล้ว",
        f"s{strategy.pk}",
    )


@org_view(write=True)
@require_POST
def tactic_new(request, org, strategy_id):
    strategy = get_strategy(get_plan(org), strategy_id)
    return _done(
        request,
        org,
        lambda cd: services.tactic_create(strategy=strategy, name=cd["name"]),
        NameForm(request.POST),
        "เพิ่มกลยุทธ์แล้ว",
        f"s{strategy.pk}",
    )


@org_view(write=True)
@require_POST
def tactic_edit(request, org, tactic_id):
    tactic = get_tactic(get_plan(org), tactic_id)
    return _done(
        request,
        org,
        lambda cd: services.tactic_update(
            tactic=tactic,
            name=cd["name"],
            seen=request.POST.get("seen", ""),
        ),
        NameForm(request.POST),
        "บันทึกกลยุทธ์แล้ว",
        f"s{tactic.strategy_id}",
    )


@org_view(write=True)
@require_POST
def kpi_new(request, org, strategy_id):
    strategy = get_strategy(get_plan(org), strategy_id)
    form = KPIForm(request.POST, strategy=strategy)
    return _done(
        request,
        org,
        lambda cd: services.kpi_save(
            strategy=strategy,
            name=cd["name"],
            unit=cd["unit"],
            goal=cd["goal"],
            targets=form.targets(),
        ),
        form,
        "เพิ่มตัวชี้วัดแล้ว",
        f"s{strategy.pk}",
    )


@org_view(write=True)
@require_POST
def kpi_edit(request, org, kpi_id):
    kpi = get_kpi(get_plan(org), kpi_id)
    form = KPIForm(request.POST, strategy=kpi.strategy)
    return _done(
        request,
        org,
        lambda cd: services.kpi_save(
            strategy=kpi.strategy,
            kpi=kpi,
            name=cd["name"],
            unit=cd["unit"],
            goal=cd["goal"],
            targets=form.targets(),
            seen=request.POST.get("seen", ""),
        ),
        form,
        "บันทึกตัวชี้วัดแล้ว",
        f"s{kpi.strategy_id}",
    )
