"""Photos of a work on its project page: upload from the phone (camera + position), files served
only through these access-checked views, the place of the project set on a map or from photos."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_POST

from monitoring.models import Photo
from monitoring.services import photos as photo_services
from monitoring.web import photo_response
from orgs.decorators import org_view
from plans import services as plans_services
from plans.access import get_project_for_user
from plans.models import PlaceSource


def _back(org, fy, project_id, request) -> str:
    month = request.POST.get("month", "")
    url = reverse("monitoring:project", args=[org.code, fy, project_id])
    return f"{url}?month={month}" if month.isdigit() else url


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _taken_at(raw: str) -> dt.datetime | None:
    """The phone's clock at capture (ISO 8601 with zone), if it is sane (not in the future)."""
    from django.utils import timezone

    value = parse_datetime(raw or "")
    if value is None or timezone.is_naive(value):
        return None
    if value > timezone.now() + dt.timedelta(minutes=10) or value.year < 2000:
        return None
    return value


@org_view()
@require_POST
def photo_add(request, org, fy, project_id):
    project = get_project_for_user(request.user, org, project_id, write=True)
    upload = request.FILES.get("photo")
    try:
        if upload is None:
            raise ValidationError("เลือกหรือถ่ายภาพก่อน")
        added = photo_services.photo_add(
            org=org,
            fiscal_year=fy,
            project=project,
            stage=request.POST.get("stage", ""),
            upload=upload,
            latitude=request.POST.get("latitude"),
            longitude=request.POST.get("longitude"),
            accuracy_m=request.POST.get("accuracy"),
            taken_at=_taken_at(request.POST.get("taken_at", "")),
            caption=request.POST.get("caption", ""),
            is_public=request.POST.get("is_public") == "on",
            client_key=request.POST.get("client_key", ""),
            uploaded_by=request.user,
        )
    except ValidationError as exc:
        text = "; ".join(exc.messages)
        if _wants_json(request):
            return JsonResponse({"ok": False, "error": text}, status=400)
        messages.error(request, text)
        return redirect(_back(org, fy, project.pk, request))
    photo = added.photo
    text = f"บันทึกภาพ{photo.get_stage_display()}แล้ว" + ("" if photo.has_position else " (ไม่มีตำแหน่ง)")
    if added.note:
        text += f" — {added.note}"
    if _wants_json(request):
        return JsonResponse(
            {"ok": True, "id": photo.pk, "message": text, "has_position": photo.has_position},
            status=201 if added.created else 200,
        )
    messages.success(request, text)
    return redirect(_back(org, fy, project.pk, request))


@org_view()
def photo_file(request, org, fy, project_id, photo_id, kind):
    project = get_project_for_user(request.user, org, project_id)
    photo = Photo.objects.filter(
        pk=photo_id,
        project_year__org=org,
        project_year__fiscal_year=fy,
        project_year__project=project,
    ).first()
    if photo is None or kind not in ("thumb", "full"):
        raise Http404("ไม่พบภาพ")
    return photo_response(photo, kind)


@org_view()
@require_POST
def photo_delete(request, org, fy, project_id, photo_id):
    project = get_project_for_user(request.user, org, project_id, write=True)
    photo = Photo.objects.filter(
        pk=photo_id,
        project_year__org=org,
        project_year__fiscal_year=fy,
        project_year__project=project,
    ).first()
    if photo is None:
        raise Http404("ไม่พบภาพ")
    photo_services.photo_delete(photo=photo)
    messages.success(request, "ลบภาพแล้ว")
    return redirect(_back(org, fy, project.pk, request))


@org_view()
@require_POST
def place_save(request, org, fy, project_id):
    project = get_project_for_user(request.user, org, project_id, write=True)
    project.plan.org = org
    lat, lng = request.POST.get("latitude", ""), request.POST.get("longitude", "")
    source = request.POST.get("source", PlaceSource.MAP)
    if request.POST.get("from_photos"):
        point = photo_services.position_from_photos(project)
        if point is None:
            messages.error(request, "ยังไม่มีภาพถ่ายที่มีตำแหน่ง")
            return redirect(_back(org, fy, project.pk, request))
        (lat, lng), source = point, PlaceSource.PHOTO
    try:
        plans_services.place_set(
            project=project,
            latitude=lat,
            longitude=lng,
            subdistrict_code=request.POST.get("subdistrict_code", ""),
            village_no=request.POST.get("village_no", ""),
            source=source,
            updated_by=request.user,
        )
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, "บันทึกที่ตั้งโครงการแล้ว")
    return redirect(_back(org, fy, project.pk, request))
