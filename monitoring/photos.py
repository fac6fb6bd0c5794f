"""Reading and cleaning an uploaded photo with Pillow (no database here).

`clean(data)` checks the bytes are a JPEG/PNG/WebP image of a sane size, reads the EXIF position
and time, turns the pixels upright (EXIF orientation), scales the photo down to a stored size and
writes it again as JPEG whose EXIF holds only the GPS position and the time it was taken — device
serials, owner and software names, maker notes and every other field are gone. The thumbnail has
no EXIF at all.
"""

import datetime as dt
import io
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 15 * 1024 * 1024  # a phone's full-size photo fits; anything larger is refused
MAX_PIXELS = 50_000_000  # refuse decompression bombs before decoding
STORED_EDGE = 2560  # long edge of the stored photo
THUMB_EDGE = 360
MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
GPS, EXIF = ExifTags.IFD.GPSInfo, ExifTags.IFD.Exif
DATETIME_ORIGINAL, DATETIME = 0x9003, 0x0132
SIX = Decimal("0.000001")


@dataclass
class Cleaned:
    image: bytes
    thumbnail: bytes
    width: int
    height: int
    latitude: Decimal | None
    longitude: Decimal | None
    taken_at: dt.datetime | None  # naive local time as the camera wrote it


def _is_image(head: bytes) -> bool:
    return head.startswith(MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def _degrees(value, ref) -> Decimal | None:
    try:
        d, m, s = (Decimal(str(float(x))) for x in value)
    except (TypeError, ValueError, ZeroDivisionError, ArithmeticError):
        return None
    out = d + m / 60 + s / 3600
    if str(ref).upper().startswith(("S", "W")):
        out = -out
    return out.quantize(SIX, rounding=ROUND_HALF_UP)


def read_position(exif: Image.Exif) -> tuple[Decimal | None, Decimal | None]:
    gps = exif.get_ifd(GPS)
    if not gps or 2 not in gps or 4 not in gps:
        return None, None
    lat, lng = _degrees(gps[2], gps.get(1, "N")), _degrees(gps[4], gps.get(3, "E"))
    if lat is None or lng is None or (lat == 0 and lng == 0):
        return None, None
    return lat, lng


def read_time(exif: Image.Exif) -> dt.datetime | None:
    raw = exif.get_ifd(EXIF).get(DATETIME_ORIGINAL) or exif.get(DATETIME)
    try:
        # the camera's wall-clock time, with no zone: the caller makes it aware in local time
        return dt.datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S")  # noqa: DTZ007
    except (TypeError, ValueError):
        return None


def _dms(value: Decimal) -> tuple[float, float, float]:
    degrees = abs(float(value))
    d = int(degrees)
    m = int((degrees - d) * 60)
    s = round(((degrees - d) * 60 - m) * 60, 4)
    return (float(d), float(m), s)


def minimal_exif(lat: Decimal | None, lng: Decimal | None, taken_at: dt.datetime | None) -> bytes:
    """An EXIF block with the position and the time, and nothing else."""
    exif = Image.Exif()
    if taken_at is not None:
        stamp = taken_at.strftime("%Y:%m:%d %H:%M:%S")
        exif[DATETIME] = stamp
        exif.get_ifd(EXIF)[DATETIME_ORIGINAL] = stamp
    if lat is not None and lng is not None:
        gps = exif.get_ifd(GPS)
        gps[0] = b"\x02\x03\x00\x00"
        gps[1], gps[2] = ("N" if lat >= 0 else "S"), _dms(lat)
        gps[3], gps[4] = ("E" if lng >= 0 else "W"), _dms(lng)
    return exif.tobytes()


def _jpeg(img: Image.Image, exif: bytes | None, quality: int) -> bytes:
    buf = io.BytesIO()
    kwargs = {"exif": exif} if exif else {}
    img.save(buf, "JPEG", quality=quality, optimize=True, progressive=True, **kwargs)
    return buf.getvalue()


def _open(data: bytes) -> Image.Image:
    if len(data) > MAX_BYTES:
        raise ValidationError(f"ภาพใหญ่เกิน {MAX_BYTES // 1024 // 1024} MB")
    if not _is_image(data[:16]):
        raise ValidationError("รับเฉพาะภาพถ่าย JPG, PNG หรือ WebP")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError("ภาพมีจำนวนพิกเซลมากเกินไป")
            probe.verify()
        img = Image.open(io.BytesIO(data))
        img.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError("ไฟล์ภาพเสียหายหรือไม่ใช่ภาพถ่าย") from exc
    return img


@dataclass
class Meta:
    latitude: Decimal | None
    longitude: Decimal | None
    taken_at: dt.datetime | None


def inspect(data: bytes) -> Meta:
    """Check the bytes are a sane image and read its EXIF position and time."""
    exif = _open(data).getexif()
    lat, lng = read_position(exif)
    return Meta(lat, lng, read_time(exif))


def clean(
    data: bytes,
    *,
    latitude: Decimal | None,
    longitude: Decimal | None,
    taken_at: dt.datetime | None,
) -> Cleaned:
    """Re-encode a photo upright and scaled, its EXIF only the position and time given here."""
    img = ImageOps.exif_transpose(_open(data))
    if img.mode not in ("RGB", "L"):
        img = img.convert("RGBA")
        flat = Image.new("RGB", img.size, (255, 255, 255))
        flat.paste(img, mask=img.split()[-1])
        img = flat
    img.thumbnail((STORED_EDGE, STORED_EDGE), Image.Resampling.LANCZOS)
    stored = _jpeg(img, minimal_exif(latitude, longitude, taken_at), 85)
    thumb = img.copy()
    thumb.thumbnail((THUMB_EDGE, THUMB_EDGE), Image.Resampling.LANCZOS)
    return Cleaned(
        stored, _jpeg(thumb, None, 78), img.width, img.height, latitude, longitude, taken_at
    )
