"""The annual report and แบบที่ 2 with a photo page per completed work (on request)."""

import io
import subprocess

import pytest

from monitoring.models import ProjectYear, Stage, Status
from monitoring.tests.test_photo_pages import post_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def photographed(client, cast, year_a, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(cast.alice)
    for stage, lat in ((Stage.BEFORE, "15.1"), (Stage.AFTER, "15.10002")):
        r = post_photo(
            client,
            cast,
            year_a.dredge,
            stage=stage,
            latitude=lat,
            longitude="102.2",
            taken_at="2025-03-05T10:00:00+07:00",
        )
        assert r.status_code == 201, r.content
    post_photo(client, cast, year_a.lunch, stage=Stage.BEFORE)  # not completed: no page
    ProjectYear.objects.update_or_create(
        org=cast.a, fiscal_year=2568, project=year_a.dredge, defaults={"status": Status.DONE}
    )
    return year_a


def _pdf_text_and_images(content: bytes, tmp_path) -> tuple[str, int]:
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return text, len(listing.splitlines()) - 2


def test_the_annual_report_appends_a_photo_page_per_completed_work(
    cast, photographed, reference_lists, tmp_path
):
    from docx import Document

    from reports.annual import annual_document

    _, _, plain = annual_document(cast.a, 2568, "pdf")
    _, _, with_photos = annual_document(cast.a, 2568, "pdf", photos=True)
    text, images = _pdf_text_and_images(with_photos, tmp_path)
    plain_text, plain_images = _pdf_text_and_images(plain, tmp_path)
    assert images == plain_images + 2  # the before and the after thumbnails
    assert "ภาพถ่ายผลการด" in text and "ห้วยโคกสูง" in text.split("ภาพถ่ายผลการด")[-1]
    assert "15.10000," in text and "15.10002," in text and "102.20000" in text  # positions
    assert "5 มี.ค. 68" in text  # the day each was taken
    assert "อาหารกลางวัน" not in text.split("ภาพถ่ายผลการด")[-1]  # in progress: no page
    assert "ภาพถ่ายผลการด" not in plain_text

    _, _, docx = annual_document(cast.a, 2568, "docx", photos=True)
    doc = Document(io.BytesIO(docx))
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    paras = "\n".join(p.text for p in doc.paragraphs)
    assert "ขุดลอกลำห้วยโคกสูง หมู่ที่ 5" in paras.split("ภาพถ่ายผลการดำเนินงาน")[-1]
    assert "หลังดำเนินการ" in cells and "15.10002, 102.20000" in cells
    assert len(doc.inline_shapes) >= 2


def test_form2_pdf_with_the_photo_pages(client, cast, photographed, tmp_path):
    from django.urls import reverse

    url = reverse("reports:form2", args=[cast.a.code, 2568, "q2", "pdf"])
    text, images = _pdf_text_and_images(client.get(url + "?photos=1").content, tmp_path)
    assert images == 2 and "ห้วยโคกสูง" in text.split("ภาพถ่ายผลการด")[-1]
    text, images = _pdf_text_and_images(client.get(url).content, tmp_path)
    assert images == 0 and "ภาพถ่ายผลการด" not in text


def test_a_photo_not_for_publication_is_never_printed(client, cast, photographed, tmp_path):
    """The annual report (ITA O12) and แบบที่ 2 are published: a photo marked ไม่เผยแพร่ stays out
    of their photo pages, and a work whose only photos are private gets no page."""
    from django.urls import reverse

    from reports.annual import annual_document

    for project, lat in ((photographed.dredge, "15.30003"), (photographed.lunch, "15.40004")):
        r = post_photo(
            client, cast, project, stage=Stage.AFTER, latitude=lat, longitude="102.3", is_public=""
        )
        assert r.status_code == 201, r.content
    ProjectYear.objects.filter(org=cast.a, project=photographed.lunch).update(status=Status.DONE)
    from monitoring.models import Photo

    Photo.objects.filter(project_year__project=photographed.lunch, is_public=True).delete()
    _, _, plain = annual_document(cast.a, 2568, "pdf")
    _, _, with_photos = annual_document(cast.a, 2568, "pdf", photos=True)
    text, images = _pdf_text_and_images(with_photos, tmp_path)
    _, plain_images = _pdf_text_and_images(plain, tmp_path)
    assert images == plain_images + 2  # the dredge's public before and after only
    assert "15.10002," in text
    assert "15.30003" not in text and "15.40004" not in text
    assert "อาหารกลางวัน" not in text.split("ภาพถ่ายผลการด")[-1]
    url = reverse("reports:form2", args=[cast.a.code, 2568, "q2", "pdf"])
    text, images = _pdf_text_and_images(client.get(url + "?photos=1").content, tmp_path)
    assert images == 2 and "15.30003" not in text and "15.40004" not in text


def _pages_with(pdf: bytes, tmp_path, word: str) -> tuple[set[int], set[int]]:
    """(pages whose text holds `word`, pages holding an image) of a PDF."""
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    images = {int(line.split()[0]) for line in listing}
    pages = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    return {i + 1 for i, text in enumerate(pages) if word in text}, images


def test_the_stage_headings_stay_with_their_photos(client, cast, photographed, tmp_path):
    """Two photos of every stage of a work (a full page): the heading of the stages is printed on
    the page of the photos, never alone at the foot of the page before."""
    from django.urls import reverse

    from monitoring.models import Photo

    caption = "ภาพประกอบการตรวจรับงานจ้างขุดลอกลำห้วย " * 4
    for stage in (Stage.BEFORE, Stage.DURING, Stage.DURING, Stage.AFTER):
        r = post_photo(client, cast, photographed.dredge, stage=stage, caption=caption)
        assert r.status_code == 201, r.content
    url = reverse("reports:form2", args=[cast.a.code, 2568, "q2", "pdf"])
    pdf = client.get(url + "?photos=1").content
    headed, images = _pages_with(pdf, tmp_path, "ระหว่าง")
    assert len(images) == 1 and headed == images  # the heading and the 6 photos on one page
    # the longest captions: the photos may run on, the heading still opens the first of them
    Photo.objects.filter(caption__startswith="ภาพประกอบ").update(caption="ภาพประกอบ " * 30)
    pdf = client.get(url + "?photos=1").content
    headed, images = _pages_with(pdf, tmp_path, "ระหว่าง")
    assert min(images) in headed and headed <= images
