import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from monitoring.models import Photo, PositionSource, Stage, TimeSource
from monitoring.services import photos as photo_services
from monitoring.tests.photo_files import (
    ARTIST,
    MAKE,
    MODEL,
    OWNER,
    SERIAL,
    SOFTWARE,
    phone_jpeg,
    upload,
)
from orgs.models import AuditEntry


def add(cast, year_a, data, **kw):
    return photo_services.photo_add(
        org=cast.a,
        fiscal_year=2568,
        project=year_a.dredge,
        stage=kw.pop("stage", Stage.AFTER),
        upload=upload(data),
        uploaded_by=cast.alice,
        **kw,
    )


def test_it_strips_every_exif_field_but_position_and_time(cast, year_a):
    added = add(cast, year_a, phone_jpeg())
    with added.photo.image.open("rb") as f:
        raw = f.read()
    img = Image.open(io.BytesIO(raw))
    exif = img.getexif()
    sub = exif.get_ifd(0x8769)
    for tag in (MAKE, MODEL, SOFTWARE, ARTIST, 0x0112):
        assert tag not in exif
    assert SERIAL not in sub and OWNER not in sub
    assert b"SN-99887766" not in raw and b"ACME" not in raw and "สมชาย".encode() not in raw
    assert set(exif) <= {0x0132, 0x8769, 0x8825}  # DateTime, Exif IFD pointer, GPS IFD pointer
    assert set(sub) == {0x9003} and sub[0x9003] == "2025:03:14 09:30:00"
    gps = exif.get_ifd(0x8825)
    assert set(gps) <= {0, 1, 2, 3, 4}
    assert gps[1] == "N" and gps[3] == "E"
    assert (
        abs(float(gps[2][0]) + float(gps[2][1]) / 60 + float(gps[2][2]) / 3600 - 14.975123) < 1e-5
    )
    thumb = Image.open(added.photo.thumbnail.open("rb"))
    assert not thumb.getexif() and max(thumb.size) <= 360


def test_it_reads_exif_gps_and_time_and_fixes_orientation(cast, year_a):
    photo = add(cast, year_a, phone_jpeg()).photo
    assert photo.position_source == PositionSource.EXIF
    assert (photo.latitude, photo.longitude) == (Decimal("14.975123"), Decimal("102.101234"))
    assert photo.time_source == TimeSource.EXIF
    assert photo.taken_at.astimezone(dt.UTC) == dt.datetime(2025, 3, 14, 2, 30, tzinfo=dt.UTC)
    # orientation 6: the 400×300 landscape pixels are stored upright as 300×400, red half on top
    assert (photo.width, photo.height) == (300, 400)
    img = Image.open(photo.image.open("rb")).convert("RGB")
    assert img.getpixel((150, 20))[0] > 150 and img.getpixel((150, 380))[2] > 150


def test_it_prefers_the_phones_position_at_capture(cast, year_a):
    taken = dt.datetime(2025, 6, 1, 3, 0, tzinfo=dt.UTC)
    photo = add(
        cast,
        year_a,
        phone_jpeg(gps=None, when=None),
        latitude="15.2",
        longitude="102.5",
        accuracy_m="12",
        taken_at=taken,
    ).photo
    assert photo.position_source == PositionSource.DEVICE and photo.accuracy_m == 12
    assert photo.latitude == Decimal("15.200000") and photo.time_source == TimeSource.DEVICE
    assert photo.taken_at == taken
    gps = Image.open(photo.image.open("rb")).getexif().get_ifd(0x8825)
    assert float(gps[4][0]) == 102 and float(gps[4][1]) == 30


def test_a_photo_without_position_is_kept_and_marked(cast, year_a):
    added = add(cast, year_a, phone_jpeg(gps=None, when=None, orientation=0))
    assert added.photo.position_source == PositionSource.NONE and not added.photo.has_position
    assert added.photo.time_source == TimeSource.UPLOAD
    exif = Image.open(added.photo.image.open("rb")).getexif()
    assert not exif.get_ifd(0x8825) and not exif.get_ifd(0x8769)  # no position, no invented time


def test_a_position_outside_thailand_is_dropped(cast, year_a):
    added = add(cast, year_a, phone_jpeg(gps=(48.85, 2.35)))
    assert added.photo.latitude is None and "นอกประเทศไทย" in added.note
    added = add(cast, year_a, phone_jpeg(gps=None), latitude="35.6", longitude="139.7")
    assert added.photo.position_source == PositionSource.NONE


def test_it_checks_the_bytes_not_the_name(cast, year_a):
    with pytest.raises(ValidationError, match="JPG, PNG"):
        add(cast, year_a, b"<html><script>alert(1)</script></html>")
    with pytest.raises(ValidationError, match="เสียหาย"):
        add(cast, year_a, b"\xff\xd8\xff\xe0" + b"garbage" * 50)
    assert not Photo.objects.exists()


def test_it_refuses_oversized_files(cast, year_a, monkeypatch):
    from monitoring import photos

    monkeypatch.setattr(photos, "MAX_BYTES", 1000)
    with pytest.raises(ValidationError, match="ใหญ่เกิน"):
        add(cast, year_a, phone_jpeg())


def test_it_scales_down_large_photos(cast, year_a):
    photo = add(cast, year_a, phone_jpeg(size=(3000, 2000), orientation=0)).photo
    assert (photo.width, photo.height) == (2560, 1707)


def test_a_retry_with_the_same_key_stores_one_photo(cast, year_a):
    first = add(cast, year_a, phone_jpeg(), client_key="k-1")
    again = add(cast, year_a, phone_jpeg(), client_key="k-1")
    assert first.created and not again.created and again.photo.pk == first.photo.pk
    assert Photo.objects.count() == 1


def test_it_refuses_a_project_not_tracked_that_year(cast, year_a):
    with pytest.raises(ValidationError, match="ไม่อยู่ในงบประมาณ"):
        photo_services.photo_add(
            org=cast.a,
            fiscal_year=2568,
            project=year_a.road,
            stage=Stage.BEFORE,
            upload=upload(phone_jpeg()),
        )


def test_it_is_audited(cast, year_a):
    from core import audit

    with audit.acting(cast.alice, "alice"):
        photo = add(cast, year_a, phone_jpeg()).photo
    entry = AuditEntry.objects.get(model="monitoring.Photo", object_id=str(photo.pk))
    assert entry.org_id == cast.a.pk and entry.user_id == cast.alice.pk


def test_position_from_photos_takes_the_latest_stage(cast, year_a):
    add(cast, year_a, phone_jpeg(gps=(15.0, 102.0)), stage=Stage.BEFORE)
    add(cast, year_a, phone_jpeg(gps=(15.2, 102.2)), stage=Stage.AFTER)
    add(cast, year_a, phone_jpeg(gps=(15.4, 102.4)), stage=Stage.AFTER)
    lat, lng = photo_services.position_from_photos(year_a.dredge)
    assert abs(lat - Decimal("15.3")) < Decimal("0.00001")
    assert abs(lng - Decimal("102.3")) < Decimal("0.00001")
