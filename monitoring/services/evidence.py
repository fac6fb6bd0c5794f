"""Evidence files (photos, PDFs) attached to a project's year: the type read from the bytes."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from monitoring.models import Evidence, ProjectYear
from monitoring.selectors import is_tracked
from orgs.models import Organization
from plans.models import Project

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_TYPES = {  # magic bytes → (content type, extension); nothing else is accepted
    b"\xff\xd8\xff": ("image/jpeg", ".jpg"),
    b"\x89PNG\r\n\x1a\n": ("image/png", ".png"),
    b"%PDF-": ("application/pdf", ".pdf"),
}


def sniff(head: bytes) -> tuple[str, str] | None:
    for magic, kind in EVIDENCE_TYPES.items():
        if head.startswith(magic):
            return kind
    return None


@transaction.atomic
def evidence_add(
    *,
    org: Organization,
    fiscal_year: int,
    project: Project,
    upload,
    caption: str = "",
    uploaded_by=None,
):
    """Attach a photo/PDF; the type is read from the bytes, never from the name or the browser."""
    if upload.size > EVIDENCE_MAX_BYTES:
        raise ValidationError("ไฟล์ใหญ่เกิน 10 MB")
    kind = sniff(upload.read(16))
    upload.seek(0)
    if kind is None:
        raise ValidationError("รับเฉพาะภาพถ่าย JPG/PNG หรือไฟล์ PDF")
    if project.plan.org_id != org.pk or not is_tracked(org, fiscal_year, project.pk):
        raise ValidationError("โครงการนี้ไม่อยู่ในงบประมาณหรือแผนการดำเนินงานของปีนี้")
    py, _ = ProjectYear.objects.get_or_create(org=org, fiscal_year=fiscal_year, project=project)
    name = Path(upload.name).stem[:200] + kind[1]
    upload.name = name
    return Evidence.objects.create(
        project_year=py,
        file=upload,
        original_name=name,
        content_type=kind[0],
        size=upload.size,
        caption=caption,
        uploaded_by=uploaded_by,
    )
