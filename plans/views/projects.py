from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from orgs.access import can_write, writable_division_ids
from orgs.decorators import org_view
from plans import services
from plans.access import get_plan, get_project_for_user
from plans.forms import ProjectEditForm
from plans.models import Strategy
from plans.models.editions import PROJECT_TEXT_FIELDS
from plans.selectors import (
    draft_edition,
    project_history,
    project_rows,
    search_projects,
    version_current,
    working_seq,
)
from plans.services import ProjectData
from plans.web import resolve_seq
from thai.words import search_terms

PAGE_SIZE = 50


@org_view()
def project_list(request, org):
    plan = get_plan(org)
    seq, mode = resolve_seq(request, plan)
    rows = project_rows(plan, seq)
    strategy = request.GET.get("strategy", "")
    if strategy.isdigit():
        rows = rows.filter(strategy__number=int(strategy))
    q = request.GET.get("q", "").strip()
    if q:
        rows = rows.filter(
            Q(name__icontains=q) | Q(location__icontains=q) | Q(responsible_unit__icontains=q)
        )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "plans/project_list.html",
        {
            "org": org,
            "plan": plan,
            "page": page,
            "seq": seq,
            "mode": mode,
            "section": "projects",
            "strategies": Strategy.objects.filter(plan=plan),
            "strategy": strategy,
            "q": q,
            "params": params.urlencode(),
            "can_write": can_write(request.user, org),
            "draft": draft_edition(plan),
        },
    )


@org_view()
def project_search(request, org):
    """Every project of every plan and year of the org, searched by the words of the query."""
    q = request.GET.get("q", "").strip()[:200]
    found = search_projects(org, q) if q else []
    return render(
        request,
        "plans/project_search.html",
        {
            "org": org,
            "q": q,
            "found": found,
            "terms": search_terms(q) if q else [],
            "section": "projects",
        },
    )


@org_view()
def project_detail(request, org, project_id):
    project = get_project_for_user(request.user, org, project_id)
    history = list(project_history(project))
    may_edit = can_write(request.user, org) or (
        history and history[-1].division_id in writable_division_ids(request.user, org)
    )
    return render(
        request,
        "plans/project_detail.html",
        {
            "org": org,
            "plan": project.plan,
            "project": project,
            "history": history,
            "current": next((v for v in reversed(history) if not v.removed), None),
            "draft": draft_edition(project.plan),
            "section": "projects",
            "may_edit": may_edit,
        },
    )


def _data_from(form) -> ProjectData:
    cd = form.cleaned_data
    return ProjectData(
        strategy=cd["strategy"],
        tactic=cd["tactic"],
        program=cd["program"],
        name=cd["name"],
        objective=cd["objective"],
        target=cd["target"],
        kpi=cd["kpi"],
        expected_result=cd["expected_result"],
        division=cd["division"],
        responsible_unit=cd["responsible_unit"] or (cd["division"].name if cd["division"] else ""),
        form=cd["form"],
        location=cd["location"],
        budgets={y: cd[f"budget_{y}"] or Decimal(0) for y in form.plan.years},
    )


def add_service_errors(form, exc: ValidationError) -> None:
    """A service's errors under the form's fields where they name one, above the form otherwise."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _initial(version) -> dict:
    initial = {f: getattr(version, f) for f in (*PROJECT_TEXT_FIELDS, "revision")}
    initial.update(
        strategy=version.strategy_id,
        tactic=version.tactic_id,
        program=version.program_id,
        division=version.division_id,
    )
    initial.update({f"budget_{b.year}": b.amount for b in version.budgets.all()})
    return initial


@org_view()
def project_edit(request, org, project_id):
    project = get_project_for_user(request.user, org, project_id, write=True)
    plan = project.plan
    draft = draft_edition(plan)
    current = version_current(project, working_seq(plan))
    if draft is None:
        messages.error(
            request, "การแก้ไขโครงการต้องทำในฉบับร่าง (เปลี่ยนแปลง/แก้ไข) — สร้างฉบับร่างก่อนที่หน้า “ฉบับของแผน”"
        )
        return redirect("plans:project", org.code, project.pk)
    form = ProjectEditForm(
        request.POST or None, plan=plan, initial=_initial(current) if current else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            data = _data_from(form)
            services.project_change(
                project=project,
                edition=draft,
                data=data,
                expected_revision=form.cleaned_data["revision"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"บันทึกการแก้ไขในฉบับ “{draft.label}” แล้ว")
            return redirect("plans:project", org.code, project.pk)
    return render(
        request,
        "plans/project_form.html",
        {
            "org": org,
            "plan": plan,
            "form": form,
            "project": project,
            "draft": draft,
            "section": "projects",
        },
    )


def _own_division(user, org):
    """A division head's new project is their division's unless the form names another."""
    from orgs.models import Membership

    membership = (
        Membership.objects.filter(user=user, org=org, division__isnull=False)
        .select_related("division")
        .first()
    )
    return membership.division if membership else None


@org_view(write=True)
def project_new(request, org):
    plan = get_plan(org)
    draft = draft_edition(plan)
    if draft is None:
        messages.error(
            request, "การเพิ่มโครงการต้องทำในฉบับร่าง (เพิ่มเติม) — สร้างฉบับร่างก่อนที่หน้า “ฉบับของแผน”"
        )
        return redirect("plans:editions", org.code)
    form = ProjectEditForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = _data_from(form)
        data.division = data.division or _own_division(request.user, org)
        try:
            version = services.project_add(edition=draft, data=data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"เพิ่มโครงการในฉบับ “{draft.label}” แล้ว")
            return redirect("plans:project", org.code, version.project_id)
    return render(
        request,
        "plans/project_form.html",
        {
            "org": org,
            "plan": plan,
            "form": form,
            "draft": draft,
            "section": "projects",
        },
    )


@org_view(write=True)
@require_POST
def project_remove(request, org, project_id):
    project = get_project_for_user(request.user, org, project_id, write=True)
    draft = draft_edition(project.plan)
    try:
        if draft is None:
            raise ValidationError("ต้องมีฉบับร่างก่อนจึงจะตัดโครงการออกจากแผนได้")
        services.project_remove(project=project, edition=draft)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("plans:project", org.code, project.pk)
    messages.success(request, f"ตัดโครงการออกจากแผนในฉบับ “{draft.label}” แล้ว")
    return redirect("plans:projects", org.code)
