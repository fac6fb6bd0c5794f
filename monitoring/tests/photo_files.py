"""Test photos built with Pillow: a phone-like JPEG with GPS, time and identifying EXIF fields."""

import io

from PIL import Image

SERIAL, ARTIST, MAKE, MODEL, SOFTWARE, ORIENTATION = 0xA431, 0x013B, 0x010F, 0x0110, 0x0131, 0x0112
OWNER = 0xA430  # CameraOwnerName


def phone_jpeg(
    *,
    gps=(14.975123, 102.101234),
    when="2025:03:14 09:30:00",
    orientation=6,
    size=(400, 300),
    color=(200, 60, 30),
) -> bytes:
    """A landscape 400×300 image, red on the left half; orientation 6 = rotate 90° to view."""
    img = Image.new("RGB", size, (30, 90, 200))
    img.paste(Image.new("RGB", (size[0] // 2, size[1]), color), (0, 0))
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[SOFTWARE] = "ACME", "Phone X 12", "PhoneOS 17.2"
    exif[ARTIST] = "นายสมชาย ใจดี"
    if orientation:
        exif[ORIENTATION] = orientation
    sub = exif.get_ifd(0x8769)
    sub[SERIAL], sub[OWNER] = "SN-99887766", "Somchai Jaidee"
    if when:
        sub[0x9003] = when
    if gps:
        g = exif.get_ifd(0x8825)
        lat, lng = gps
        g[1], g[3] = ("N" if lat >= 0 else "S"), ("E" if lng >= 0 else "W")
        g[2], g[4] = _dms(abs(lat)), _dms(abs(lng))
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes(), quality=90)
    return buf.getvalue()


def _dms(v: float):
    d = int(v)
    m = int((v - d) * 60)
    return (float(d), float(m), round(((v - d) * 60 - m) * 60, 4))


def upload(data: bytes, name: str = "IMG_0001.jpg"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="image/jpeg")
