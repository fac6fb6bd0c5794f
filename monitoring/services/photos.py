"""Writes of photos with place and time (the project page, the API, the demo all call these)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from monitoring import photos
from monitoring.models import Photo, PositionSource, ProjectYear, Stage, TimeSource
from monitoring.selectors import is_tracked
from orgs.models import Organization
from orgs.versions import touch_org
from plans.models import Project
from thai.geo import in_thailand


@dataclass
class Added:
    photo: Photo
    created: bool
    note: str = ""  # a Thai sentence for the user when the position could not be kept


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value)).quantize(photos.SIX)
    except ArithmeticError:
        raise ValidationError("ตำแหน่งที่ส่งมาไม่ใช่ตัวเลข") from None


@transaction.atomic
def photo_add(
    *,
    org: Organization,
    fiscal_year: int,
    project: Project,
    stage: str,
    upload,
    latitude=None,
    longitude=None,
    accuracy_m=None,
    taken_at: dt.datetime | None = None,
    caption: str = "",
    is_public: bool = True,
    client_key: str = "",
    uploaded_by=None,
) -> Added:
    """Store a photo of a work. The position is the phone's at capture (latitude/longitude), else
    the photo's EXIF GPS; a position outside Thailand is dropped; no position is accepted and
    marked. A retry with the same client_key answers the photo already stored."""
    if stage not in Stage.values:
        raise ValidationError("เลือกขั้นตอนของภาพ (ก่อน/ระหว่าง/หลังดำเนินการ)")
    if project.plan.org_id != org.pk or not is_tracked(org, fiscal_year, project.pk):
        raise ValidationError("โครงการนี้ไม่อยู่ในงบประมาณหรือแผนการดำเนินงานของปีนี้")
    py, _ = ProjectYear.objects.get_or_create(org=org, fiscal_year=fiscal_year, project=project)
    client_key = (client_key or "")[:64]
    if client_key:
        done = Photo.objects.filter(project_year=py, client_key=client_key).first()
        if done is not None:
            return Added(done, False)
    if upload.size > photos.MAX_BYTES:
        raise ValidationError(f"ภาพใหญ่เกิน {photos.MAX_BYTES // 1024 // 1024} MB")
    data = upload.read()
    meta = photos.inspect(data)
    lat, lng = _decimal(latitude), _decimal(longitude)
    note = ""
    if lat is not None and lng is not None:
        source = PositionSource.DEVICE
        if not in_thailand(lat, lng):
            lat = lng = None
            note = "ตำแหน่งจากโทรศัพท์อยู่นอกประเทศไทย จึงไม่ได้บันทึกตำแหน่ง"
    elif meta.latitude is not None:
        lat, lng, source = meta.latitude, meta.longitude, PositionSource.EXIF
        if not in_thailand(lat, lng):
            lat = lng = None
            note = "ตำแหน่งในภาพอยู่นอกประเทศไทย จึงไม่ได้บันทึกตำแหน่ง"
    else:
        lat = lng = None
    if lat is None:
        source = PositionSource.NONE
    if taken_at is not None:
        when, time_source = taken_at, TimeSource.DEVICE
    elif meta.taken_at is not None:
        when, time_source = timezone.make_aware(meta.taken_at), TimeSource.EXIF
    else:
        when, time_source = timezone.now(), TimeSource.UPLOAD
    # the stored EXIF says when the photo was taken only when that is known (not the upload time)
    exif_time = _naive(when) if time_source != TimeSource.UPLOAD else None
    cleaned = photos.clean(data, latitude=lat, longitude=lng, taken_at=exif_time)
    device = source == PositionSource.DEVICE
    accuracy = int(accuracy_m) if device and str(accuracy_m or "").isdigit() else None
    name = Path(upload.name or "photo").stem[:200] + ".jpg"
    photo = Photo(
        project_year=py,
        stage=stage,
        width=cleaned.width,
        height=cleaned.height,
        size=len(cleaned.image),
        original_name=name,
        caption=caption[:300],
        latitude=lat,
        longitude=lng,
        accuracy_m=accuracy,
        position_source=source,
        taken_at=when,
        time_source=time_source,
        is_public=is_public,
        client_key=client_key,
        uploaded_by=uploaded_by,
    )
    photo.image.save(name, ContentFile(cleaned.image), save=False)
    photo.thumbnail.save(name, ContentFile(cleaned.thumbnail), save=False)
    photo.full_clean(exclude=["image", "thumbnail"])
    photo.save()
    touch_org(org)  # the maps count it (orgs.versions)
    return Added(photo, True, note)


def _naive(value: dt.datetime | None) -> dt.datetime | None:
    """The local wall-clock time written into the EXIF of the stored file."""
    if value is None:
        return None
    return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value


@transaction.atomic
def photo_delete(*, photo: Photo) -> None:
    image, thumb = photo.image.name, photo.thumbnail.name
    storage = photo.image.storage
    touch_org(photo.project_year.org_id)
    photo.delete()

    def remove_files() -> None:
        for name in (image, thumb):
            if name:
                storage.delete(name)

    transaction.on_commit(remove_files)


def position_from_photos(project: Project) -> tuple[Decimal, Decimal] | None:
    """Where the work is, by its photos: the mean of the positioned photos of its latest stage."""
    rows = list(
        Photo.objects.filter(project_year__project=project, latitude__isnull=False)
        .order_by("-stage", "-taken_at")
        .values_list("stage", "latitude", "longitude")
    )
    if not rows:
        return None
    order: dict[str, int] = {Stage.AFTER: 3, Stage.DURING: 2, Stage.BEFORE: 1}
    best = max(order[s] for s, _, _ in rows)
    chosen = [
        (la, lo) for s, la, lo in rows if order[s] == best and la is not None and lo is not None
    ]
    if not chosen:
        return None
    lat = sum((la for la, _ in chosen), Decimal(0)) / len(chosen)
    lng = sum((lo for _, lo in chosen), Decimal(0)) / len(chosen)
    return lat.quantize(photos.SIX), lng.quantize(photos.SIX)
