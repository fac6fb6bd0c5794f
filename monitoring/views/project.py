"""One project's year: every field, the month-by-month history, and its evidence files."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from monitoring import services
from monitoring.forms import EvidenceForm, ProgressForm
from monitoring.models import Evidence, MonthlyProgress, ProjectYear
from monitoring.selectors import closed_months, entry_row
from monitoring.views.entry import latest_begun_month, save_progress
from monitoring.web import check_month
from orgs.access import can_write, writable_division_ids
from orgs.decorators import org_view
from plans.access import check_project, get_project_for_user
from thai.dates import fiscal_month_labels


def _month(request, fy) -> int:
    raw = request.GET.get("month") or request.POST.get("month") or ""
    month = int(raw) if raw.isdigit() else latest_begun_month(fy)
    check_month(month)
    return month


@org_view()
def project_year(request, org, fy, project_id):
    project = get_project_for_user(request.user, org, project_id)
    month = _month(request, fy)
    if request.method == "POST":
        writable = check_project(request.user, org, project, write=True)
        row, error, ok = save_progress(
            request, org, fy, month, writable, list(ProgressForm.base_fields)
        )
        if error:
            messages.error(request, error)
        else:
            messages.success(request, ok)
            return redirect(f"{request.path}?month={month}")
    row = entry_row(org, fy, month, project.pk)
    if row is None:
        raise Http404("โครงการนี้ไม่อยู่ในงบประมาณหรือแผนการดำเนินงานของปีนี้")
    py = ProjectYear.objects.filter(org=org, fiscal_year=fy, project=project).first()
    history = list(MonthlyProgress.objects.filter(project_year=py)) if py else []
    labels = fiscal_month_labels(fy)
    for h in history:
        h.label = f"{labels[h.month - 1][0]} {labels[h.month - 1][1]}"
    editable = month not in closed_months(org, fy) and (
        can_write(request.user, org) or row.division_id in writable_division_ids(request.user, org)
    )
    form = ProgressForm(
        request.POST if request.method == "POST" else None,
        initial={
            "version": row.version,
            "status": row.status,
            "progress": row.progress,
            "disbursed": row.disbursed_month or "",
            "note": row.note,
            "procurement": row.procurement,
            "contract_no": row.contract_no,
            "contract_signed_on": row.contract_signed_on,
            "contract_amount": row.contract_amount,
            "carried_over": row.carried_over or "",
            "problems": row.problems,
        },
    )
    can_photo = can_write(request.user, org) or row.division_id in writable_division_ids(
        request.user, org
    )
    return render(
        request,
        "monitoring/project.html",
        {
            "org": org,
            "fy": fy,
            "month": month,
            "month_label": " ".join(str(x) for x in labels[month - 1]),
            "months": list(enumerate(labels, 1)),
            "r": row,
            "form": form,
            "history": history,
            "evidence": list(py.evidence.all()) if py else [],
            "evidence_form": EvidenceForm(),
            "editable": editable,
            "section": "monitoring",
            "can_photo": can_photo,
            **photo_context(org, py, project),
        },
    )


def photo_context(org, py, project) -> dict:
    """Photos by stage and the project's place, for the project page (3 queries; 2 more for the
    org's area when nothing is placed yet)."""
    from django.conf import settings

    from monitoring.geo import org_area
    from monitoring.models import Photo, Stage
    from plans.models import ProjectPlace
    from plans.places import subdistrict_choices

    photos = list(Photo.objects.filter(project_year=py)) if py else []
    stages = [(s, label, [p for p in photos if p.stage == s]) for s, label in Stage.choices]
    points = [
        [float(p.latitude), float(p.longitude)]
        for p in photos
        if p.latitude is not None and p.longitude is not None
    ]
    place = ProjectPlace.objects.filter(project=project).first()
    return {
        "photo_stages": stages,
        "stage_choices": Stage.choices,
        "photo_points": points,
        # nothing to centre the picker on: the org's own area, never the whole country
        "place_area": {} if points or (place and place.has_point) else org_area(org),
        "place": place,
        "subdistricts": subdistrict_choices(org.province.code),
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
    }


@org_view()
@require_POST
def evidence_add(request, org, fy, project_id):
    project = get_project_for_user(request.user, org, project_id, write=True)
    month = _month(request, fy)
    form = EvidenceForm(request.POST, request.FILES)
    back = redirect(f"{request.path.rsplit('evidence/', 1)[0]}?month={month}")
    if not form.is_valid():
        messages.error(request, "เลือกไฟล์หลักฐานก่อน")
        return back
    try:
        services.evidence_add(
            org=org,
            fiscal_year=fy,
            project=project,
            upload=form.cleaned_data["file"],
            caption=form.cleaned_data["caption"],
            uploaded_by=request.user,
        )
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, "แนบหลักฐานแล้ว")
    return back


@org_view()
def evidence_file(request, org, fy, project_id, evidence_id):
    project = get_project_for_user(request.user, org, project_id)
    item = Evidence.objects.filter(
        pk=evidence_id,
        project_year__org=org,
        project_year__fiscal_year=fy,
        project_year__project=project,
    ).first()
    if item is None:
        raise Http404("ไม่พบไฟล์")
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
